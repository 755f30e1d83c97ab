/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-store"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-store-private.h"

#define CONCERN_COLUMNS \
  "id, uid, created_at, updated_at, title, severity, status, opened_date, resolved_date," \
  " root_cause, resolution, notes, version"

static gboolean
load_parties (LiaStore    *store,
              LiaConcern  *self,
              GError     **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  stmt = _lia_store_prepare (store,
                             "SELECT contact_id, organization_id, stated_position"
                             " FROM concern_parties WHERE concern_id = ?1 ORDER BY position",
                             error);
  if (stmt == NULL)
    return FALSE;
  _lia_db_bind_int64 (stmt, 1, lia_record_get_id (LIA_RECORD (self)));

  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    {
      g_autoptr(LiaConcernParty) party = NULL;
      const char *position = _lia_column_text (stmt, 2);

      /* The schema's CHECK makes exactly one of the two set. */
      if (_lia_db_column_type (stmt, 0) != LIA_DB_NULL)
        party = lia_concern_party_new_contact (_lia_db_column_int64 (stmt, 0), position);
      else
        party = lia_concern_party_new_organization (_lia_db_column_int64 (stmt, 1), position);

      lia_concern_add_party (self, party);
    }

  if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (store, error, _("Could not read the parties to “%s”"),
                                    lia_record_get_label (LIA_RECORD (self)));
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_interactions (LiaStore    *store,
                   LiaConcern  *self,
                   GError     **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  stmt = _lia_store_prepare (store,
                             "SELECT interaction_id FROM concern_interactions"
                             " WHERE concern_id = ?1 ORDER BY position",
                             error);
  if (stmt == NULL)
    return FALSE;
  _lia_db_bind_int64 (stmt, 1, lia_record_get_id (LIA_RECORD (self)));

  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    lia_concern_add_interaction (self, _lia_db_column_int64 (stmt, 0));

  if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (store, error,
                                    _("Could not read the interactions related to “%s”"),
                                    lia_record_get_label (LIA_RECORD (self)));
      return FALSE;
    }

  return TRUE;
}

static LiaRecord *
concern_from_row (LiaStore  *store,
                  LiaStmt   *stmt,
                  GError   **error)
{
  g_autoptr(LiaConcern) self = lia_concern_new (_lia_column_text (stmt, 4));
  g_autoptr(GDate) opened = _lia_column_date (stmt, 7);
  g_autoptr(GDate) resolved = _lia_column_date (stmt, 8);
  int severity;
  int status;

  _lia_record_fill_common (LIA_RECORD (self), stmt);
  if (!_lia_column_nick (stmt, 5, LIA_TYPE_SEVERITY, &severity, error) ||
      !_lia_column_nick (stmt, 6, LIA_TYPE_CONCERN_STATUS, &status, error))
    return NULL;
  lia_concern_set_severity (self, severity);
  lia_concern_set_status (self, status);
  lia_concern_set_opened (self, opened);
  lia_concern_set_resolved (self, resolved);
  lia_concern_set_root_cause (self, _lia_column_text (stmt, 9));
  lia_concern_set_resolution (self, _lia_column_text (stmt, 10));
  lia_concern_set_notes (self, _lia_column_text (stmt, 11));

  if (!load_parties (store, self, error) || !load_interactions (store, self, error))
    return NULL;

  return LIA_RECORD (g_steal_pointer (&self));
}

/* Binds ?1..?11 in the order of the INSERT and UPDATE statements below. */
static void
bind_concern (LiaStmt    *stmt,
              LiaConcern *self)
{
  LiaRecord *record = LIA_RECORD (self);

  _lia_bind_text (stmt, 1, lia_record_get_uid (record));
  _lia_bind_text (stmt, 2, lia_concern_get_title (self));
  _lia_bind_nick (stmt, 3, LIA_TYPE_SEVERITY, lia_concern_get_severity (self));
  _lia_bind_nick (stmt, 4, LIA_TYPE_CONCERN_STATUS, lia_concern_get_status (self));
  _lia_bind_date (stmt, 5, lia_concern_get_opened (self));
  _lia_bind_date (stmt, 6, lia_concern_get_resolved (self));
  _lia_bind_text (stmt, 7, lia_concern_get_root_cause (self));
  _lia_bind_text (stmt, 8, lia_concern_get_resolution (self));
  _lia_bind_text (stmt, 9, lia_concern_get_notes (self));
  _lia_bind_time (stmt, 10, lia_record_get_created_at (record));
  _lia_bind_time (stmt, 11, lia_record_get_updated_at (record));
}

/* Every party and related interaction must exist before anything is written. */
static gboolean
check_references (LiaStore    *store,
                  LiaConcern  *self,
                  GError     **error)
{
  LiaRecord *record = LIA_RECORD (self);
  GListModel *parties = lia_concern_get_parties (self);
  const GArray *interaction_ids = lia_concern_get_interaction_ids (self);
  guint n_parties = g_list_model_get_n_items (parties);

  for (guint i = 0; i < n_parties; i++)
    {
      g_autoptr(LiaConcernParty) party = g_list_model_get_item (parties, i);

      if (!_lia_store_check_reference (store, "contacts",
                                       lia_concern_party_get_contact_id (party),
                                       _("a party to it (contact)"), record, error) ||
          !_lia_store_check_reference (store, "organizations",
                                       lia_concern_party_get_organization_id (party),
                                       _("a party to it (organization)"), record, error))
        return FALSE;
    }

  for (guint i = 0; interaction_ids != NULL && i < interaction_ids->len; i++)
    {
      if (!_lia_store_check_reference (store, "interactions",
                                       g_array_index (interaction_ids, gint64, i),
                                       _("a related interaction"), record, error))
        return FALSE;
    }

  return TRUE;
}

/* The lists are replaced as a whole on every save: DELETE, then one INSERT per entry. */
static gboolean
save_parties (LiaStore    *store,
              LiaConcern  *self,
              GError     **error)
{
  gint64 id = lia_record_get_id (LIA_RECORD (self));
  GListModel *parties = lia_concern_get_parties (self);
  guint n_parties = g_list_model_get_n_items (parties);
  g_autoptr(LiaStmt) delete = NULL;

  delete = _lia_store_prepare (store, "DELETE FROM concern_parties WHERE concern_id = ?1", error);
  if (delete == NULL)
    return FALSE;
  _lia_db_bind_int64 (delete, 1, id);
  if (!_lia_store_step_done (store, delete, N_("Could not save the parties to the concern"),
                             error))
    return FALSE;
  g_clear_pointer (&delete, _lia_stmt_release);

  for (guint i = 0; i < n_parties; i++)
    {
      g_autoptr(LiaConcernParty) party = g_list_model_get_item (parties, i);
      g_autoptr(LiaStmt) insert = NULL;

      insert = _lia_store_prepare (store,
                                   "INSERT INTO concern_parties (concern_id, position, contact_id,"
                                   " organization_id, stated_position)"
                                   " VALUES (?1, ?2, ?3, ?4, ?5)",
                                   error);
      if (insert == NULL)
        return FALSE;

      _lia_db_bind_int64 (insert, 1, id);
      _lia_db_bind_int (insert, 2, i);
      _lia_bind_ref (insert, 3, lia_concern_party_get_contact_id (party));
      _lia_bind_ref (insert, 4, lia_concern_party_get_organization_id (party));
      _lia_bind_text (insert, 5, lia_concern_party_get_position (party));
      if (!_lia_store_step_done (store, insert, N_("Could not save the parties to the concern"),
                                 error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
save_interactions (LiaStore    *store,
                   LiaConcern  *self,
                   GError     **error)
{
  gint64 id = lia_record_get_id (LIA_RECORD (self));
  const GArray *interaction_ids = lia_concern_get_interaction_ids (self);
  g_autoptr(LiaStmt) delete = NULL;

  delete = _lia_store_prepare (store, "DELETE FROM concern_interactions WHERE concern_id = ?1",
                               error);
  if (delete == NULL)
    return FALSE;
  _lia_db_bind_int64 (delete, 1, id);
  if (!_lia_store_step_done (store, delete,
                             N_("Could not save the interactions related to the concern"), error))
    return FALSE;
  g_clear_pointer (&delete, _lia_stmt_release);

  for (guint i = 0; interaction_ids != NULL && i < interaction_ids->len; i++)
    {
      g_autoptr(LiaStmt) insert = NULL;

      insert = _lia_store_prepare (store,
                                   "INSERT INTO concern_interactions (concern_id, interaction_id,"
                                   " position) VALUES (?1, ?2, ?3)",
                                   error);
      if (insert == NULL)
        return FALSE;

      _lia_db_bind_int64 (insert, 1, id);
      _lia_db_bind_int64 (insert, 2, g_array_index (interaction_ids, gint64, i));
      _lia_db_bind_int (insert, 3, i);
      if (!_lia_store_step_done (store, insert,
                                 N_("Could not save the interactions related to the concern"),
                                 error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
concern_insert (LiaStore   *store,
                LiaRecord  *record,
                GError    **error)
{
  LiaConcern *self = LIA_CONCERN (record);
  g_autoptr(LiaStmt) stmt = NULL;

  if (!check_references (store, self, error))
    return FALSE;

  stmt = _lia_store_prepare (store,
                             "INSERT INTO concerns (uid, title, severity, status, opened_date,"
                             " resolved_date, root_cause, resolution, notes, created_at,"
                             " updated_at)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) RETURNING id",
                             error);
  if (stmt == NULL)
    return FALSE;

  bind_concern (stmt, self);
  if (!_lia_store_step_insert (store, stmt, record, N_("Could not save the concern"), error))
    return FALSE;

  return save_parties (store, self, error) && save_interactions (store, self, error);
}

static gboolean
concern_update (LiaStore   *store,
                LiaRecord  *record,
                GError    **error)
{
  LiaConcern *self = LIA_CONCERN (record);
  g_autoptr(LiaStmt) stmt = NULL;

  if (!check_references (store, self, error))
    return FALSE;

  stmt = _lia_store_prepare (store,
                             "UPDATE concerns SET uid = ?1, title = ?2, severity = ?3,"
                             " status = ?4, opened_date = ?5, resolved_date = ?6,"
                             " root_cause = ?7, resolution = ?8, notes = ?9, created_at = ?10,"
                             " updated_at = ?11"
                             ", version = version + 1 WHERE id = ?12",
                             error);
  if (stmt == NULL)
    return FALSE;

  bind_concern (stmt, self);
  _lia_db_bind_int64 (stmt, 12, lia_record_get_id (record));
  if (!_lia_store_step_done (store, stmt, N_("Could not save the concern"), error))
    return FALSE;

  return save_parties (store, self, error) && save_interactions (store, self, error);
}

const LiaRecordOps _lia_concern_ops = {
  .kind = LIA_RECORD_KIND_CONCERN,
  .table = "concerns",
  .columns = CONCERN_COLUMNS,
  .get_type = lia_concern_get_type,
  .from_row = concern_from_row,
  .insert = concern_insert,
  .update = concern_update,
  .before_delete = NULL,
};
