/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-store"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-store-private.h"
#include "lia-store-undo.h"

/* Undo of a delete. The delete keeps the record and everything it reached, as they were; the
 * undo writes them back. A row is inserted the usual way (ops->insert, which gives it the next
 * free id) and then moved to its former id, so that everything that referred to it before,
 * in this database and in the partner directories exported from it, refers to it again. */

struct _LiaDeletion
{
  GObject    parent_instance;

  LiaRecord *record;
  GPtrArray *reached;
};

G_DEFINE_FINAL_TYPE (LiaDeletion, lia_deletion, G_TYPE_OBJECT)

/* The tables whose rows hang off a record's id, and its full-text columns. The undo moves a
 * restored row to its former id and these with it. */
typedef struct
{
  LiaRecordKind kind;
  const char   *children[9];     /* "table.column" */
  const char   *fts_columns;     /* NULL: no full-text index */
} RowLinks;

static const RowLinks row_links[] = {
  { LIA_RECORD_KIND_ORGANIZATION,
    { "organization_tags.organization_id", "assessment_history.organization_id", NULL },
    "name, short_name, sector, notes" },
  { LIA_RECORD_KIND_CONTACT,
    { "contact_points.contact_id", "contact_languages.contact_id", "contact_tags.contact_id",
      "assessment_history.contact_id", "contact_addresses.contact_id",
      "contact_websites.contact_id", "contact_ims.contact_id", "contact_photos.contact_id", NULL },
    _LIA_CONTACT_FTS_COLUMNS },
  { LIA_RECORD_KIND_AFFILIATION, { NULL }, NULL },
  { LIA_RECORD_KIND_INTERACTION,
    { "interaction_contacts.interaction_id", "interaction_organizations.interaction_id", NULL },
    "title, location, summary, outcome" },
  { LIA_RECORD_KIND_COMMITMENT, { NULL }, "title, notes" },
  { LIA_RECORD_KIND_CONCERN,
    { "concern_parties.concern_id", "concern_interactions.concern_id", NULL },
    "title, root_cause, resolution, notes" },
  /* The project's index is kept by triggers on every column, the id included. */
  { LIA_RECORD_KIND_PROJECT,
    { "project_tags.project_id", "project_stakeholders.project_id",
      "project_milestones.project_id", "project_risks.project_id", "project_links.project_id",
      NULL },
    NULL },
};

static const RowLinks *
row_links_for_kind (LiaRecordKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (row_links); i++)
    if (row_links[i].kind == kind)
      return &row_links[i];

  g_assert_not_reached ();
  return NULL;
}

static gboolean
table_exists (LiaStore   *store,
              const char *table)
{
  g_autoptr(LiaStmt) stmt = NULL;

  /* Per backend: SQLite's schema table; PostgreSQL's catalog, in the schema in use. */
  if (_lia_store_is_server (store))
    stmt = _lia_store_prepare (store, "SELECT 1 FROM pg_catalog.pg_tables"
                                      " WHERE schemaname = current_schema() AND tablename = ?1",
                               NULL);
  else
    stmt = _lia_store_prepare (store, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                               NULL);
  if (stmt == NULL)
    return FALSE;
  _lia_bind_text (stmt, 1, table);
  return _lia_db_step (stmt) == LIA_DB_ROW;
}

static gboolean
run_with_ids (LiaStore    *store,
              const char  *sql,
              gint64       first,
              gint64       second,
              GError     **error)
{
  g_autoptr(LiaStmt) stmt = NULL;

  if (!(stmt = _lia_store_prepare (store, sql, error)))
    return FALSE;
  _lia_db_bind_int64 (stmt, 1, first);
  _lia_db_bind_int64 (stmt, 2, second);

  return _lia_store_step_done (store, stmt, N_("Could not restore the deleted record"), error);
}

static gboolean
id_is_free (LiaStore    *store,
            const char  *table,
            gint64       id,
            gboolean    *out_free,
            GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1", table);
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  if (!(stmt = _lia_store_prepare (store, sql, error)))
    return FALSE;
  _lia_db_bind_int64 (stmt, 1, id);
  rc = _lia_db_step (stmt);
  if (rc != LIA_DB_ROW && rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (store, error, _("Could not read the database"));
      return FALSE;
    }

  *out_free = rc == LIA_DB_DONE;
  return TRUE;
}

/* PostgreSQL only: the server's foreign keys are not deferrable, and it checks them at the end
 * of each statement, so the row and its children move in one statement (data-modifying WITH).
 * The search vectors are generated columns: nothing to reindex. */
static gboolean
move_row_server (LiaStore        *store,
                 const RowLinks  *links,
                 const char      *move_sql,
                 gint64           from,
                 gint64           to,
                 GError         **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);

  for (guint i = 0; links->children[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (links->children[i], ".", 2);

      if (!table_exists (store, parts[0]))
        continue;
      g_string_append_printf (sql, "%s child%u AS (UPDATE %s SET %s = ?2 WHERE %s = ?1)",
                              sql->len == 0 ? "WITH" : ",", i, parts[0], parts[1], parts[1]);
    }
  g_string_append_printf (sql, "%s%s", sql->len == 0 ? "" : " ", move_sql);

  return run_with_ids (store, sql->str, from, to, error);
}

/* Moves the row @from (just inserted) and the rows hanging off it to id @to. */
static gboolean
move_row (LiaStore           *store,
          const LiaRecordOps *ops,
          gint64              from,
          gint64              to,
          GError            **error)
{
  const RowLinks *links = row_links_for_kind (ops->kind);
  g_autofree char *move_sql = g_strdup_printf ("UPDATE %s SET id = ?2 WHERE id = ?1", ops->table);

  if (_lia_store_is_server (store))
    return move_row_server (store, links, move_sql, from, to, error);

  /* SQLite only: PRAGMA defer_foreign_keys and the FTS5 'delete' command below. */
  /* The children point at @from until they are moved: checked at the outermost commit. */
  if (!_lia_store_exec (store, "PRAGMA defer_foreign_keys = ON", error))
    return FALSE;

  /* The index is kept by triggers on the text columns only; moving the id is not one. */
  if (links->fts_columns != NULL)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO %s_fts (%s_fts, rowid, %s)"
                                              " SELECT 'delete', id, %s FROM %s WHERE id = ?1"
                                              " AND ?2 = ?2",
                                              ops->table, ops->table, links->fts_columns,
                                              links->fts_columns, ops->table);

      if (!run_with_ids (store, sql, from, to, error))
        return FALSE;
    }

  if (!run_with_ids (store, move_sql, from, to, error))
    return FALSE;

  for (guint i = 0; links->children[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (links->children[i], ".", 2);
      g_autofree char *sql = NULL;

      /* Tables of later schema versions may not be there in every database. */
      if (!table_exists (store, parts[0]))
        continue;
      sql = g_strdup_printf ("UPDATE %s SET %s = ?2 WHERE %s = ?1", parts[0], parts[1], parts[1]);
      if (!run_with_ids (store, sql, from, to, error))
        return FALSE;
    }

  if (links->fts_columns != NULL)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO %s_fts (rowid, %s)"
                                              " SELECT id, %s FROM %s WHERE id = ?2"
                                              " AND ?1 = ?1",
                                              ops->table, links->fts_columns,
                                              links->fts_columns, ops->table);

      if (!run_with_ids (store, sql, from, to, error))
        return FALSE;
    }

  return TRUE;
}

/* Inserts a copy of @old, at its former id when that is free. Returns the new object. */
static LiaRecord *
insert_as_before (LiaStore   *store,
                  LiaRecord  *old,
                  GError    **error)
{
  const LiaRecordOps *ops = _lia_record_ops_for_kind (lia_record_get_kind (old));
  g_autoptr(LiaRecord) record = g_object_new (G_OBJECT_TYPE (old), NULL);
  g_autoptr(GError) invalid = NULL;
  gint64 former_id = lia_record_get_id (old);
  gboolean is_free = FALSE;
  gint64 id;

  lia_record_copy_from (record, old);
  if (!lia_record_validate (record, &invalid))
    {
      g_set_error_literal (error, LIA_STORE_ERROR, LIA_STORE_ERROR_INVALID, invalid->message);
      return NULL;
    }

  if (!ops->insert (store, record, error))
    return NULL;
  id = lia_record_get_id (record);

  if (id != former_id)
    {
      if (!id_is_free (store, ops->table, former_id, &is_free, error))
        return NULL;
      if (is_free)
        {
          if (!move_row (store, ops, id, former_id, error))
            return NULL;
          lia_record_set_id (record, former_id);
        }
    }

  _lia_store_queue_change (store, ops->kind, lia_record_get_id (record),
                           LIA_STORE_CHANGE_ADDED, NULL, record);

  return g_steal_pointer (&record);
}

static gint64
remap (gint64 value,
       gint64 from,
       gint64 to)
{
  return value == from ? to : value;
}

static void
relink_project (LiaProject    *project,
                LiaRecordKind  kind,
                gint64         from,
                gint64         to)
{
  GListModel *stakeholders = lia_project_get_stakeholders (project);
  GListModel *risks = lia_project_get_risks (project);
  g_autoptr(GPtrArray) moved = g_ptr_array_new_with_free_func (g_object_unref);

  if (kind == LIA_RECORD_KIND_INTERACTION || kind == LIA_RECORD_KIND_COMMITMENT ||
      kind == LIA_RECORD_KIND_CONCERN)
    {
      if (lia_project_has_link (project, kind, from))
        {
          lia_project_remove_link (project, kind, from);
          lia_project_add_link (project, kind, to);
        }
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (stakeholders); i++)
    {
      g_autoptr(LiaProjectStakeholder) stakeholder = g_list_model_get_item (stakeholders, i);
      const char *role = lia_project_stakeholder_get_role (stakeholder);

      if (kind == LIA_RECORD_KIND_CONTACT && lia_project_stakeholder_get_contact_id (stakeholder) == from)
        g_ptr_array_add (moved, lia_project_stakeholder_new_contact (to, role));
      else if (kind == LIA_RECORD_KIND_ORGANIZATION &&
               lia_project_stakeholder_get_organization_id (stakeholder) == from)
        g_ptr_array_add (moved, lia_project_stakeholder_new_organization (to, role));
      else
        g_ptr_array_add (moved, g_object_ref (stakeholder));
    }
  lia_project_clear_stakeholders (project);
  for (guint i = 0; i < moved->len; i++)
    lia_project_add_stakeholder (project, moved->pdata[i]);

  for (guint i = 0; kind == LIA_RECORD_KIND_CONTACT && i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(LiaRisk) risk = g_list_model_get_item (risks, i);

      lia_risk_set_owner_id (risk, remap (lia_risk_get_owner_id (risk), from, to));
    }
}

/* The record came back under a new id: @dependent's links follow it. */
static void
relink (LiaRecord     *dependent,
        LiaRecordKind  kind,
        gint64         from,
        gint64         to)
{
  if (LIA_IS_ORGANIZATION (dependent) && kind == LIA_RECORD_KIND_ORGANIZATION)
    {
      LiaOrganization *organization = LIA_ORGANIZATION (dependent);

      lia_organization_set_parent_id (organization,
                                      remap (lia_organization_get_parent_id (organization), from, to));
    }
  else if (LIA_IS_AFFILIATION (dependent))
    {
      LiaAffiliation *affiliation = LIA_AFFILIATION (dependent);

      if (kind == LIA_RECORD_KIND_CONTACT)
        lia_affiliation_set_contact_id (affiliation,
                                        remap (lia_affiliation_get_contact_id (affiliation), from, to));
      else if (kind == LIA_RECORD_KIND_ORGANIZATION)
        lia_affiliation_set_organization_id (affiliation,
                                             remap (lia_affiliation_get_organization_id (affiliation), from, to));
    }
  else if (LIA_IS_INTERACTION (dependent))
    {
      LiaInteraction *interaction = LIA_INTERACTION (dependent);
      g_autoptr(GArray) contacts = g_array_copy ((GArray *) lia_interaction_get_contact_ids (interaction));
      g_autoptr(GArray) organizations = g_array_copy ((GArray *) lia_interaction_get_organization_ids (interaction));

      lia_interaction_clear_participants (interaction);
      for (guint i = 0; i < contacts->len; i++)
        {
          gint64 id = g_array_index (contacts, gint64, i);

          lia_interaction_add_contact (interaction,
                                       kind == LIA_RECORD_KIND_CONTACT ? remap (id, from, to) : id);
        }
      for (guint i = 0; i < organizations->len; i++)
        {
          gint64 id = g_array_index (organizations, gint64, i);

          lia_interaction_add_organization (interaction,
                                            kind == LIA_RECORD_KIND_ORGANIZATION ? remap (id, from, to) : id);
        }
    }
  else if (LIA_IS_COMMITMENT (dependent))
    {
      LiaCommitment *commitment = LIA_COMMITMENT (dependent);

      if (kind == LIA_RECORD_KIND_CONTACT)
        lia_commitment_set_contact_id (commitment,
                                       remap (lia_commitment_get_contact_id (commitment), from, to));
      else if (kind == LIA_RECORD_KIND_ORGANIZATION)
        lia_commitment_set_organization_id (commitment,
                                            remap (lia_commitment_get_organization_id (commitment), from, to));
      else if (kind == LIA_RECORD_KIND_INTERACTION)
        lia_commitment_set_interaction_id (commitment,
                                           remap (lia_commitment_get_interaction_id (commitment), from, to));
    }
  else if (LIA_IS_PROJECT (dependent))
    relink_project (LIA_PROJECT (dependent), kind, from, to);
  else if (LIA_IS_CONCERN (dependent))
    {
      LiaConcern *concern = LIA_CONCERN (dependent);
      GListModel *parties = lia_concern_get_parties (concern);
      g_autoptr(GPtrArray) moved = g_ptr_array_new_with_free_func (g_object_unref);
      guint n = g_list_model_get_n_items (parties);

      if (kind == LIA_RECORD_KIND_INTERACTION)
        {
          const GArray *ids = lia_concern_get_interaction_ids (concern);

          for (guint i = 0; i < ids->len; i++)
            if (g_array_index (ids, gint64, i) == from)
              {
                lia_concern_remove_interaction (concern, from);
                lia_concern_add_interaction (concern, to);
                break;
              }
          return;
        }

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(LiaConcernParty) party = g_list_model_get_item (parties, i);
          gint64 contact_id = lia_concern_party_get_contact_id (party);
          gint64 organization_id = lia_concern_party_get_organization_id (party);
          const char *position = lia_concern_party_get_position (party);

          if (kind == LIA_RECORD_KIND_CONTACT && contact_id == from)
            g_ptr_array_add (moved, lia_concern_party_new_contact (to, position));
          else if (kind == LIA_RECORD_KIND_ORGANIZATION && organization_id == from)
            g_ptr_array_add (moved, lia_concern_party_new_organization (to, position));
          else
            g_ptr_array_add (moved, g_object_ref (party));
        }
      lia_concern_clear_parties (concern);
      for (guint i = 0; i < moved->len; i++)
        lia_concern_add_party (concern, moved->pdata[i]);
    }
}

static void
lia_deletion_finalize (GObject *object)
{
  LiaDeletion *self = (LiaDeletion *) object;

  g_clear_object (&self->record);
  g_clear_pointer (&self->reached, g_ptr_array_unref);

  G_OBJECT_CLASS (lia_deletion_parent_class)->finalize (object);
}

static void
lia_deletion_class_init (LiaDeletionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lia_deletion_finalize;
}

static void
lia_deletion_init (LiaDeletion *self)
{
}

LiaRecord *
lia_deletion_get_record (LiaDeletion *self)
{
  g_return_val_if_fail (LIA_IS_DELETION (self), NULL);

  return self->record;
}

guint
lia_deletion_get_n_reached (LiaDeletion *self)
{
  g_return_val_if_fail (LIA_IS_DELETION (self), 0);

  return self->reached->len;
}

LiaDeletion *
lia_store_delete_with_undo (LiaStore   *self,
                            LiaRecord  *record,
                            GError    **error)
{
  g_autoptr(LiaDeletion) deletion = NULL;
  g_autoptr(LiaRecord) old = NULL;
  g_autoptr(GPtrArray) reached = NULL;
  gboolean too_many = FALSE;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);
  g_return_val_if_fail (LIA_IS_RECORD (record), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Never saved: lia_store_delete() explains that there is nothing to delete. */
  if (lia_record_get_id (record) <= 0)
    {
      lia_store_delete (self, record, error);
      return NULL;
    }

  if (!lia_store_begin (self, error))
    return NULL;

  if (!(old = lia_store_load (self, lia_record_get_kind (record), lia_record_get_id (record), error)) ||
      !(reached = _lia_store_load_dependents (self, old, G_MAXUINT, &too_many, error)) ||
      !lia_store_delete (self, record, error))
    {
      lia_store_rollback (self);
      return NULL;
    }

  if (!lia_store_commit (self, error))
    return NULL;

  deletion = g_object_new (LIA_TYPE_DELETION, NULL);
  deletion->record = g_steal_pointer (&old);
  deletion->reached = g_steal_pointer (&reached);

  return g_steal_pointer (&deletion);
}

LiaRecord *
lia_store_undo_deletion (LiaStore     *self,
                         LiaDeletion  *deletion,
                         GError      **error)
{
  g_autoptr(LiaRecord) restored = NULL;
  LiaRecordKind kind;
  gint64 former_id, id;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);
  g_return_val_if_fail (LIA_IS_DELETION (deletion), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  kind = lia_record_get_kind (deletion->record);
  former_id = lia_record_get_id (deletion->record);

  if (!lia_store_begin (self, error))
    return NULL;

  if (!(restored = insert_as_before (self, deletion->record, error)))
    goto fail;
  id = lia_record_get_id (restored);

  for (guint i = 0; i < deletion->reached->len; i++)
    {
      LiaRecord *before = deletion->reached->pdata[i];
      LiaRecordKind dependent_kind = lia_record_get_kind (before);
      g_autoptr(LiaRecord) current = NULL;
      g_autoptr(LiaRecord) repaired = NULL;
      g_autoptr(GError) local_error = NULL;

      current = lia_store_load (self, dependent_kind, lia_record_get_id (before), &local_error);
      if (current == NULL && !g_error_matches (local_error, LIA_STORE_ERROR, LIA_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          goto fail;
        }

      /* Affiliations went with the record; the rest only lost their link to it. Something
       * deleted since the delete stays deleted: undo puts back one delete, not two. */
      if (current == NULL && dependent_kind != LIA_RECORD_KIND_AFFILIATION)
        continue;

      if (current == NULL)
        {
          g_autoptr(LiaRecord) copy = g_object_new (G_OBJECT_TYPE (before), NULL);

          lia_record_copy_from (copy, before);
          lia_record_set_id (copy, lia_record_get_id (before));
          if (id != former_id)
            relink (copy, kind, former_id, id);
          if (!(repaired = insert_as_before (self, copy, error)))
            goto fail;
          continue;
        }

      lia_record_copy_from (current, before);
      if (id != former_id)
        relink (current, kind, former_id, id);
      if (!lia_store_save (self, current, error))
        goto fail;
    }

  if (!lia_store_commit (self, error))
    return NULL;

  return g_steal_pointer (&restored);

fail:
  lia_store_rollback (self);
  return NULL;
}
