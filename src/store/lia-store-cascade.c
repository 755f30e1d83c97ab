/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-store"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-store-private.h"

/* Deleting a record changes others through the schema: its affiliations go, commitments lose
 * their counterpart, interactions a participant, concerns a party, sub-organizations move up.
 * Listeners are told about each of them like any other change, so that a contact's list of
 * affiliations or the follow-ups do not show what is gone. When a delete reaches more records
 * than are worth listing, one "reset" says so instead. */

typedef struct
{
  LiaRecordKind  deleted;
  LiaRecordKind  kind;
  const char    *sql;  /* ids of @kind reached from the deleted record's id ?1 */
} Dependents;

static const Dependents dependents[] = {
  { LIA_RECORD_KIND_ORGANIZATION, LIA_RECORD_KIND_ORGANIZATION,
    "SELECT id FROM organizations WHERE parent_id = ?1" },
  { LIA_RECORD_KIND_ORGANIZATION, LIA_RECORD_KIND_AFFILIATION,
    "SELECT id FROM affiliations WHERE organization_id = ?1" },
  { LIA_RECORD_KIND_ORGANIZATION, LIA_RECORD_KIND_INTERACTION,
    "SELECT interaction_id FROM interaction_organizations WHERE organization_id = ?1" },
  { LIA_RECORD_KIND_ORGANIZATION, LIA_RECORD_KIND_COMMITMENT,
    "SELECT id FROM commitments WHERE organization_id = ?1" },
  { LIA_RECORD_KIND_ORGANIZATION, LIA_RECORD_KIND_CONCERN,
    "SELECT DISTINCT concern_id FROM concern_parties WHERE organization_id = ?1" },
  { LIA_RECORD_KIND_CONTACT, LIA_RECORD_KIND_AFFILIATION,
    "SELECT id FROM affiliations WHERE contact_id = ?1" },
  { LIA_RECORD_KIND_CONTACT, LIA_RECORD_KIND_INTERACTION,
    "SELECT interaction_id FROM interaction_contacts WHERE contact_id = ?1" },
  { LIA_RECORD_KIND_CONTACT, LIA_RECORD_KIND_COMMITMENT,
    "SELECT id FROM commitments WHERE contact_id = ?1" },
  { LIA_RECORD_KIND_CONTACT, LIA_RECORD_KIND_CONCERN,
    "SELECT DISTINCT concern_id FROM concern_parties WHERE contact_id = ?1" },
  { LIA_RECORD_KIND_INTERACTION, LIA_RECORD_KIND_COMMITMENT,
    "SELECT id FROM commitments WHERE interaction_id = ?1" },
  { LIA_RECORD_KIND_INTERACTION, LIA_RECORD_KIND_CONCERN,
    "SELECT concern_id FROM concern_interactions WHERE interaction_id = ?1" },
  /* Projects lose a stakeholder, a risk owner or a link; never the other way round. */
  { LIA_RECORD_KIND_ORGANIZATION, LIA_RECORD_KIND_PROJECT,
    "SELECT DISTINCT project_id FROM project_stakeholders WHERE organization_id = ?1" },
  { LIA_RECORD_KIND_CONTACT, LIA_RECORD_KIND_PROJECT,
    "SELECT project_id FROM project_stakeholders WHERE contact_id = ?1"
    " UNION SELECT project_id FROM project_risks WHERE owner_id = ?1" },
  { LIA_RECORD_KIND_INTERACTION, LIA_RECORD_KIND_PROJECT,
    "SELECT project_id FROM project_links WHERE interaction_id = ?1" },
  { LIA_RECORD_KIND_COMMITMENT, LIA_RECORD_KIND_PROJECT,
    "SELECT project_id FROM project_links WHERE commitment_id = ?1" },
  { LIA_RECORD_KIND_CONCERN, LIA_RECORD_KIND_PROJECT,
    "SELECT project_id FROM project_links WHERE concern_id = ?1" },
};

GPtrArray *
_lia_store_load_dependents (LiaStore   *self,
                            LiaRecord  *record,
                            guint       max,
                            gboolean   *out_too_many,
                            GError    **error)
{
  g_autoptr(GPtrArray) olds = g_ptr_array_new_with_free_func (g_object_unref);
  LiaRecordKind kind = lia_record_get_kind (record);
  gint64 id = lia_record_get_id (record);

  *out_too_many = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (dependents); i++)
    {
      g_autoptr(LiaStmt) stmt = NULL;
      g_autoptr(GArray) ids = NULL;
      int rc;

      if (dependents[i].deleted != kind)
        continue;

      if (!(stmt = _lia_store_prepare (self, dependents[i].sql, error)))
        return NULL;
      _lia_db_bind_int64 (stmt, 1, id);

      /* Ids first, records after: loading runs other statements. */
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
        {
          gint64 dependent = _lia_db_column_int64 (stmt, 0);

          if (olds->len + ids->len >= max)
            {
              *out_too_many = TRUE;
              return g_steal_pointer (&olds);
            }
          g_array_append_val (ids, dependent);
        }
      if (rc != LIA_DB_DONE)
        {
          _lia_store_set_error_from_db (self, error, _("Could not read the database"));
          return NULL;
        }
      g_clear_pointer (&stmt, _lia_stmt_release);

      for (guint j = 0; j < ids->len; j++)
        {
          LiaRecord *old = lia_store_load (self, dependents[i].kind,
                                           g_array_index (ids, gint64, j), error);

          if (old == NULL)
            return NULL;
          g_ptr_array_add (olds, old);
        }
    }

  return g_steal_pointer (&olds);
}

gboolean
_lia_store_queue_dependent_changes (LiaStore   *self,
                                    GPtrArray  *olds,
                                    GError    **error)
{
  for (guint i = 0; i < olds->len; i++)
    {
      LiaRecord *old = olds->pdata[i];
      LiaRecordKind kind = lia_record_get_kind (old);
      gint64 id = lia_record_get_id (old);
      g_autoptr(LiaRecord) current = NULL;
      g_autoptr(GError) local_error = NULL;

      current = lia_store_load (self, kind, id, &local_error);
      if (current != NULL)
        _lia_store_queue_change (self, kind, id, LIA_STORE_CHANGE_UPDATED, old, current);
      else if (g_error_matches (local_error, LIA_STORE_ERROR, LIA_STORE_ERROR_NOT_FOUND))
        _lia_store_queue_change (self, kind, id, LIA_STORE_CHANGE_REMOVED, old, NULL);
      else
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  return TRUE;
}
