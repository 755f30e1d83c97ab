/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-store"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-store-private.h"
#include "lia-store-projects.h"

#define PROJECT_COLUMNS \
  "id, uid, created_at, updated_at, name, summary, status, start_date, end_date, owner, notes," \
  " version"

/* The link columns of project_links, in the order of the kinds below. */
static const struct {
  LiaRecordKind  kind;
  const char    *column;
  const char    *table;
} link_columns[] = {
  { LIA_RECORD_KIND_INTERACTION, "interaction_id", "interactions" },
  { LIA_RECORD_KIND_COMMITMENT, "commitment_id", "commitments" },
  { LIA_RECORD_KIND_CONCERN, "concern_id", "concerns" },
};

static gboolean
read_failed (LiaStore    *store,
             int          rc,
             LiaProject  *self,
             GError     **error)
{
  if (rc == LIA_DB_DONE)
    return FALSE;

  _lia_store_set_error_from_db (store, error, _("Could not read the project “%s”"),
                                lia_project_get_name (self));
  return TRUE;
}

/* Prepares @sql with the project's id bound to ?1. */
static LiaStmt *
prepare_for (LiaStore    *store,
             const char  *sql,
             LiaProject  *self,
             GError     **error)
{
  LiaStmt *stmt = _lia_store_prepare (store, sql, error);

  if (stmt != NULL)
    _lia_db_bind_int64 (stmt, 1, lia_record_get_id (LIA_RECORD (self)));
  return stmt;
}

static gboolean
load_stakeholders (LiaStore    *store,
                   LiaProject  *self,
                   GError     **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  stmt = prepare_for (store,
                      "SELECT contact_id, organization_id, role FROM project_stakeholders"
                      " WHERE project_id = ?1 ORDER BY position",
                      self, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    {
      g_autoptr(LiaProjectStakeholder) stakeholder = NULL;
      const char *role = _lia_column_text (stmt, 2);

      /* The schema's CHECK makes exactly one of the two set. */
      if (_lia_db_column_type (stmt, 0) != LIA_DB_NULL)
        stakeholder = lia_project_stakeholder_new_contact (_lia_db_column_int64 (stmt, 0), role);
      else
        stakeholder = lia_project_stakeholder_new_organization (_lia_db_column_int64 (stmt, 1), role);
      lia_project_add_stakeholder (self, stakeholder);
    }

  return !read_failed (store, rc, self, error);
}

static gboolean
load_milestones (LiaStore    *store,
                 LiaProject  *self,
                 GError     **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  stmt = prepare_for (store,
                      "SELECT uid, title, due_date, status, done_date FROM project_milestones"
                      " WHERE project_id = ?1 ORDER BY position",
                      self, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    {
      g_autoptr(LiaMilestone) milestone = lia_milestone_new (_lia_column_text (stmt, 1));
      g_autoptr(GDate) due = _lia_column_date (stmt, 2);
      g_autoptr(GDate) done = _lia_column_date (stmt, 4);
      int status;

      if (!_lia_column_nick (stmt, 3, LIA_TYPE_MILESTONE_STATUS, &status, error))
        return FALSE;
      lia_milestone_set_uid (milestone, _lia_column_text (stmt, 0));
      lia_milestone_set_due (milestone, due);
      lia_milestone_set_status (milestone, status);
      lia_milestone_set_done (milestone, done);
      lia_project_add_milestone (self, milestone);
    }

  return !read_failed (store, rc, self, error);
}

static gboolean
load_risks (LiaStore    *store,
            LiaProject  *self,
            GError     **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  stmt = prepare_for (store,
                      "SELECT uid, title, description, likelihood, impact, status,"
                      " owner_id, mitigation, review_date FROM project_risks"
                      " WHERE project_id = ?1 ORDER BY position",
                      self, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    {
      g_autoptr(LiaRisk) risk = lia_risk_new (_lia_column_text (stmt, 1));
      g_autoptr(GDate) review = _lia_column_date (stmt, 8);
      int status;

      if (!_lia_column_nick (stmt, 5, LIA_TYPE_RISK_STATUS, &status, error))
        return FALSE;
      lia_risk_set_uid (risk, _lia_column_text (stmt, 0));
      lia_risk_set_description (risk, _lia_column_text (stmt, 2));
      lia_risk_set_likelihood (risk, _lia_db_column_int (stmt, 3));
      lia_risk_set_impact (risk, _lia_db_column_int (stmt, 4));
      lia_risk_set_status (risk, status);
      lia_risk_set_owner_id (risk, _lia_db_column_int64 (stmt, 6));
      lia_risk_set_mitigation (risk, _lia_column_text (stmt, 7));
      lia_risk_set_review (risk, review);
      lia_project_add_risk (self, risk);
    }

  return !read_failed (store, rc, self, error);
}

static gboolean
load_links (LiaStore    *store,
            LiaProject  *self,
            GError     **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  stmt = prepare_for (store,
                      "SELECT interaction_id, commitment_id, concern_id FROM project_links"
                      " WHERE project_id = ?1 ORDER BY position",
                      self, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    for (guint i = 0; i < G_N_ELEMENTS (link_columns); i++)
      if (_lia_db_column_type (stmt, i) != LIA_DB_NULL)
        lia_project_add_link (self, link_columns[i].kind, _lia_db_column_int64 (stmt, i));

  return !read_failed (store, rc, self, error);
}

static LiaRecord *
project_from_row (LiaStore  *store,
                  LiaStmt   *stmt,
                  GError   **error)
{
  g_autoptr(LiaProject) self = lia_project_new (_lia_column_text (stmt, 4));
  g_autoptr(GDate) start = _lia_column_date (stmt, 7);
  g_autoptr(GDate) end = _lia_column_date (stmt, 8);
  g_auto(GStrv) tags = NULL;
  int status;

  _lia_record_fill_common (LIA_RECORD (self), stmt);
  if (!_lia_column_nick (stmt, 6, LIA_TYPE_PROJECT_STATUS, &status, error))
    return NULL;
  lia_project_set_summary (self, _lia_column_text (stmt, 5));
  lia_project_set_status (self, status);
  lia_project_set_start (self, start);
  lia_project_set_end (self, end);
  lia_project_set_owner (self, _lia_column_text (stmt, 9));
  lia_project_set_notes (self, _lia_column_text (stmt, 10));

  tags = _lia_store_load_strv (store, "project_tags", "project_id", "tag",
                               lia_record_get_id (LIA_RECORD (self)), error);
  if (tags == NULL)
    return NULL;
  lia_project_set_tags (self, (const char * const *) tags);

  if (!load_stakeholders (store, self, error) || !load_milestones (store, self, error) ||
      !load_risks (store, self, error) || !load_links (store, self, error))
    return NULL;

  return LIA_RECORD (g_steal_pointer (&self));
}

/* Binds ?1..?10 in the order of the INSERT and UPDATE statements below. */
static void
bind_project (LiaStmt    *stmt,
              LiaProject *self)
{
  LiaRecord *record = LIA_RECORD (self);

  _lia_bind_text (stmt, 1, lia_record_get_uid (record));
  _lia_bind_text (stmt, 2, lia_project_get_name (self));
  _lia_bind_text (stmt, 3, lia_project_get_summary (self));
  _lia_bind_nick (stmt, 4, LIA_TYPE_PROJECT_STATUS, lia_project_get_status (self));
  _lia_bind_date (stmt, 5, lia_project_get_start (self));
  _lia_bind_date (stmt, 6, lia_project_get_end (self));
  _lia_bind_text (stmt, 7, lia_project_get_owner (self));
  _lia_bind_text (stmt, 8, lia_project_get_notes (self));
  _lia_bind_time (stmt, 9, lia_record_get_created_at (record));
  _lia_bind_time (stmt, 10, lia_record_get_updated_at (record));
}

/* Every stakeholder, risk owner and linked record must exist before anything is written. */
static gboolean
check_references (LiaStore    *store,
                  LiaProject  *self,
                  GError     **error)
{
  LiaRecord *record = LIA_RECORD (self);
  GListModel *stakeholders = lia_project_get_stakeholders (self);
  GListModel *risks = lia_project_get_risks (self);

  for (guint i = 0; i < g_list_model_get_n_items (stakeholders); i++)
    {
      g_autoptr(LiaProjectStakeholder) stakeholder = g_list_model_get_item (stakeholders, i);

      if (!_lia_store_check_reference (store, "contacts",
                                       lia_project_stakeholder_get_contact_id (stakeholder),
                                       _("a stakeholder (contact)"), record, error) ||
          !_lia_store_check_reference (store, "organizations",
                                       lia_project_stakeholder_get_organization_id (stakeholder),
                                       _("a stakeholder (organization)"), record, error))
        return FALSE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(LiaRisk) risk = g_list_model_get_item (risks, i);

      if (!_lia_store_check_reference (store, "contacts", lia_risk_get_owner_id (risk),
                                       _("the owner of a risk"), record, error))
        return FALSE;
    }

  for (guint k = 0; k < G_N_ELEMENTS (link_columns); k++)
    {
      const GArray *ids = lia_project_get_link_ids (self, link_columns[k].kind);

      for (guint i = 0; i < ids->len; i++)
        if (!_lia_store_check_reference (store, link_columns[k].table,
                                         g_array_index (ids, gint64, i),
                                         _("a linked record"), record, error))
          return FALSE;
    }

  return TRUE;
}

static gboolean
delete_rows (LiaStore    *store,
             const char  *sql,
             gint64       id,
             GError     **error)
{
  g_autoptr(LiaStmt) stmt = _lia_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  _lia_db_bind_int64 (stmt, 1, id);
  return _lia_store_step_done (store, stmt, N_("Could not save the project"), error);
}

static gboolean
save_stakeholders (LiaStore    *store,
                   LiaProject  *self,
                   GError     **error)
{
  gint64 id = lia_record_get_id (LIA_RECORD (self));
  GListModel *stakeholders = lia_project_get_stakeholders (self);

  if (!delete_rows (store, "DELETE FROM project_stakeholders WHERE project_id = ?1", id, error))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (stakeholders); i++)
    {
      g_autoptr(LiaProjectStakeholder) stakeholder = g_list_model_get_item (stakeholders, i);
      g_autoptr(LiaStmt) insert = NULL;

      insert = _lia_store_prepare (store,
                                   "INSERT INTO project_stakeholders (project_id, position,"
                                   " contact_id, organization_id, role) VALUES (?1, ?2, ?3, ?4, ?5)",
                                   error);
      if (insert == NULL)
        return FALSE;
      _lia_db_bind_int64 (insert, 1, id);
      _lia_db_bind_int (insert, 2, i);
      _lia_bind_ref (insert, 3, lia_project_stakeholder_get_contact_id (stakeholder));
      _lia_bind_ref (insert, 4, lia_project_stakeholder_get_organization_id (stakeholder));
      _lia_bind_text (insert, 5, lia_project_stakeholder_get_role (stakeholder));
      if (!_lia_store_step_done (store, insert, N_("Could not save the project’s stakeholders"),
                                 error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
save_milestones (LiaStore    *store,
                 LiaProject  *self,
                 GError     **error)
{
  gint64 id = lia_record_get_id (LIA_RECORD (self));
  GListModel *milestones = lia_project_get_milestones (self);

  if (!delete_rows (store, "DELETE FROM project_milestones WHERE project_id = ?1", id, error))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (milestones); i++)
    {
      g_autoptr(LiaMilestone) milestone = g_list_model_get_item (milestones, i);
      g_autoptr(LiaStmt) insert = NULL;

      insert = _lia_store_prepare (store,
                                   "INSERT INTO project_milestones (project_id, uid, position, title,"
                                   " due_date, status, done_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                   error);
      if (insert == NULL)
        return FALSE;
      _lia_db_bind_int64 (insert, 1, id);
      _lia_bind_text (insert, 2, lia_milestone_get_uid (milestone));
      _lia_db_bind_int (insert, 3, i);
      _lia_bind_text (insert, 4, lia_milestone_get_title (milestone));
      _lia_bind_date (insert, 5, lia_milestone_get_due (milestone));
      _lia_bind_nick (insert, 6, LIA_TYPE_MILESTONE_STATUS, lia_milestone_get_status (milestone));
      _lia_bind_date (insert, 7, lia_milestone_get_done (milestone));
      if (!_lia_store_step_done (store, insert, N_("Could not save the project’s milestones"),
                                 error))
        return FALSE;
    }

  return TRUE;
}

/* Risks are updated in place (matched by uid), never deleted and inserted again, so that
 * their history (risk_history, kept by triggers) follows them. */
static gboolean
save_risks (LiaStore    *store,
            LiaProject  *self,
            GError     **error)
{
  gint64 id = lia_record_get_id (LIA_RECORD (self));
  GListModel *risks = lia_project_get_risks (self);
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  if (!(stmt = _lia_store_prepare (store, "SELECT uid FROM project_risks WHERE project_id = ?1",
                                   error)))
    return FALSE;
  _lia_db_bind_int64 (stmt, 1, id);
  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    if (lia_project_find_risk (self, _lia_column_text (stmt, 0)) == NULL)
      g_ptr_array_add (gone, g_strdup (_lia_column_text (stmt, 0)));
  if (read_failed (store, rc, self, error))
    return FALSE;
  g_clear_pointer (&stmt, _lia_stmt_release);

  for (guint i = 0; i < gone->len; i++)
    {
      g_autoptr(LiaStmt) delete = NULL;

      if (!(delete = _lia_store_prepare (store, "DELETE FROM project_risks"
                                         " WHERE project_id = ?1 AND uid = ?2", error)))
        return FALSE;
      _lia_db_bind_int64 (delete, 1, id);
      _lia_bind_text (delete, 2, gone->pdata[i]);
      if (!_lia_store_step_done (store, delete, N_("Could not save the project’s risks"), error))
        return FALSE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(LiaRisk) risk = g_list_model_get_item (risks, i);
      g_autoptr(LiaStmt) upsert = NULL;

      upsert = _lia_store_prepare (store,
                                   "INSERT INTO project_risks (project_id, uid, position, title,"
                                   " description, likelihood, impact, status, owner_id, mitigation,"
                                   " review_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
                                   " ON CONFLICT (project_id, uid) DO UPDATE SET"
                                   " position = excluded.position, title = excluded.title,"
                                   " description = excluded.description,"
                                   " likelihood = excluded.likelihood, impact = excluded.impact,"
                                   " status = excluded.status, owner_id = excluded.owner_id,"
                                   " mitigation = excluded.mitigation,"
                                   " review_date = excluded.review_date",
                                   error);
      if (upsert == NULL)
        return FALSE;
      _lia_db_bind_int64 (upsert, 1, id);
      _lia_bind_text (upsert, 2, lia_risk_get_uid (risk));
      _lia_db_bind_int (upsert, 3, i);
      _lia_bind_text (upsert, 4, lia_risk_get_title (risk));
      _lia_bind_text (upsert, 5, lia_risk_get_description (risk));
      _lia_db_bind_int (upsert, 6, lia_risk_get_likelihood (risk));
      _lia_db_bind_int (upsert, 7, lia_risk_get_impact (risk));
      _lia_bind_nick (upsert, 8, LIA_TYPE_RISK_STATUS, lia_risk_get_status (risk));
      _lia_bind_ref (upsert, 9, lia_risk_get_owner_id (risk));
      _lia_bind_text (upsert, 10, lia_risk_get_mitigation (risk));
      _lia_bind_date (upsert, 11, lia_risk_get_review (risk));
      if (!_lia_store_step_done (store, upsert, N_("Could not save the project’s risks"), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
save_links (LiaStore    *store,
            LiaProject  *self,
            GError     **error)
{
  gint64 id = lia_record_get_id (LIA_RECORD (self));
  int position = 0;

  if (!delete_rows (store, "DELETE FROM project_links WHERE project_id = ?1", id, error))
    return FALSE;

  for (guint k = 0; k < G_N_ELEMENTS (link_columns); k++)
    {
      const GArray *ids = lia_project_get_link_ids (self, link_columns[k].kind);
      g_autofree char *sql = g_strdup_printf ("INSERT INTO project_links (project_id, position, %s)"
                                              " VALUES (?1, ?2, ?3)", link_columns[k].column);

      for (guint i = 0; i < ids->len; i++)
        {
          g_autoptr(LiaStmt) insert = _lia_store_prepare (store, sql, error);

          if (insert == NULL)
            return FALSE;
          _lia_db_bind_int64 (insert, 1, id);
          _lia_db_bind_int (insert, 2, position++);
          _lia_db_bind_int64 (insert, 3, g_array_index (ids, gint64, i));
          if (!_lia_store_step_done (store, insert, N_("Could not save the project’s links"), error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
save_lists (LiaStore    *store,
            LiaProject  *self,
            GError     **error)
{
  return _lia_store_replace_strv (store, "project_tags", "project_id", "tag",
                                  lia_record_get_id (LIA_RECORD (self)),
                                  lia_project_get_tags (self), error) &&
         save_stakeholders (store, self, error) &&
         save_milestones (store, self, error) &&
         save_risks (store, self, error) &&
         save_links (store, self, error);
}

static gboolean
project_insert (LiaStore   *store,
                LiaRecord  *record,
                GError    **error)
{
  LiaProject *self = LIA_PROJECT (record);
  g_autoptr(LiaStmt) stmt = NULL;

  if (!check_references (store, self, error))
    return FALSE;

  stmt = _lia_store_prepare (store,
                             "INSERT INTO projects (uid, name, summary, status, start_date,"
                             " end_date, owner, notes, created_at, updated_at)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id",
                             error);
  if (stmt == NULL)
    return FALSE;

  bind_project (stmt, self);
  if (!_lia_store_step_insert (store, stmt, record, _("Could not save the project"), error))
    return FALSE;

  return save_lists (store, self, error);
}

static gboolean
project_update (LiaStore   *store,
                LiaRecord  *record,
                GError    **error)
{
  LiaProject *self = LIA_PROJECT (record);
  g_autoptr(LiaStmt) stmt = NULL;

  if (!check_references (store, self, error))
    return FALSE;

  stmt = _lia_store_prepare (store,
                             "UPDATE projects SET uid = ?1, name = ?2, summary = ?3, status = ?4,"
                             " start_date = ?5, end_date = ?6, owner = ?7, notes = ?8,"
                             " created_at = ?9, updated_at = ?10, version = version + 1"
                             " WHERE id = ?11",
                             error);
  if (stmt == NULL)
    return FALSE;

  bind_project (stmt, self);
  _lia_db_bind_int64 (stmt, 11, lia_record_get_id (record));
  if (!_lia_store_step_done (store, stmt, N_("Could not save the project"), error))
    return FALSE;

  return save_lists (store, self, error);
}

const LiaRecordOps _lia_project_ops = {
  .kind = LIA_RECORD_KIND_PROJECT,
  .table = "projects",
  .columns = PROJECT_COLUMNS,
  .get_type = lia_project_get_type,
  .from_row = project_from_row,
  .insert = project_insert,
  .update = project_update,
  .before_delete = NULL,
};

void
lia_risk_change_free (LiaRiskChange *change)
{
  if (change == NULL)
    return;

  g_clear_pointer (&change->changed_at, g_date_time_unref);
  g_free (change);
}

GPtrArray *
lia_store_list_risk_history (LiaStore    *self,
                             gint64       project_id,
                             const char  *risk_uid,
                             GError     **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) lia_risk_change_free);
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);
  g_return_val_if_fail (risk_uid != NULL, NULL);

  stmt = _lia_store_prepare (self,
                             "SELECT h.changed_at, h.likelihood, h.impact"
                             " FROM risk_history h JOIN project_risks r ON r.id = h.risk_id"
                             " WHERE r.project_id = ?1 AND r.uid = ?2"
                             " ORDER BY h.changed_at, h.id",
                             error);
  if (stmt == NULL)
    return NULL;
  _lia_db_bind_int64 (stmt, 1, project_id);
  _lia_bind_text (stmt, 2, risk_uid);

  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    {
      LiaRiskChange *change = g_new0 (LiaRiskChange, 1);

      change->changed_at = _lia_column_time (stmt, 0);
      change->likelihood = _lia_db_column_int (stmt, 1);
      change->impact = _lia_db_column_int (stmt, 2);
      g_ptr_array_add (changes, change);
    }
  if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self, error, _("Could not read the history of a risk"));
      return NULL;
    }

  if (changes->len == 0)
    {
      g_set_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_NOT_FOUND,
                   _("There is no risk “%s” in this project."), risk_uid);
      return NULL;
    }

  return g_steal_pointer (&changes);
}

GArray *
lia_store_list_projects_for (LiaStore       *self,
                             LiaRecordKind   kind,
                             gint64          id,
                             GError        **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(LiaStmt) stmt = NULL;
  g_autofree char *sql = NULL;
  const char *where = NULL;
  int rc;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);

  switch (kind)
    {
    case LIA_RECORD_KIND_ORGANIZATION:
      where = "p.id IN (SELECT project_id FROM project_stakeholders WHERE organization_id = ?1)";
      break;
    case LIA_RECORD_KIND_CONTACT:
      where = "p.id IN (SELECT project_id FROM project_stakeholders WHERE contact_id = ?1)";
      break;
    case LIA_RECORD_KIND_INTERACTION:
      where = "p.id IN (SELECT project_id FROM project_links WHERE interaction_id = ?1)";
      break;
    case LIA_RECORD_KIND_COMMITMENT:
      where = "p.id IN (SELECT project_id FROM project_links WHERE commitment_id = ?1)";
      break;
    case LIA_RECORD_KIND_CONCERN:
      where = "p.id IN (SELECT project_id FROM project_links WHERE concern_id = ?1)";
      break;
    case LIA_RECORD_KIND_AFFILIATION:
    case LIA_RECORD_KIND_PROJECT:
    default:
      g_return_val_if_reached (NULL);
    }

  sql = g_strdup_printf ("SELECT p.id FROM projects p WHERE %s ORDER BY p.name, p.id", where);
  if (!(stmt = _lia_store_prepare (self, sql, error)))
    return NULL;
  _lia_db_bind_int64 (stmt, 1, id);
  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    {
      gint64 project_id = _lia_db_column_int64 (stmt, 0);

      g_array_append_val (ids, project_id);
    }
  if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self, error, _("Could not read the database"));
      return NULL;
    }

  return g_steal_pointer (&ids);
}

struct _LiaProjectSummary
{
  GObject           parent_instance;

  gint64            id;
  char             *name;
  LiaProjectStatus  status;
  guint             done;
  guint             total;
  guint             overdue;
  guint             open_risks;
  int               top_score;
  char             *next_title;
  GDate            *next_due;
};

G_DEFINE_FINAL_TYPE (LiaProjectSummary, lia_project_summary, G_TYPE_OBJECT)

static void
lia_project_summary_finalize (GObject *object)
{
  LiaProjectSummary *self = LIA_PROJECT_SUMMARY (object);

  g_free (self->name);
  g_free (self->next_title);
  g_clear_pointer (&self->next_due, g_date_free);

  G_OBJECT_CLASS (lia_project_summary_parent_class)->finalize (object);
}

static void
lia_project_summary_class_init (LiaProjectSummaryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lia_project_summary_finalize;
}

static void
lia_project_summary_init (LiaProjectSummary *self)
{
}

#define SUMMARY_GETTER(type, name, field, fallback) \
  type \
  lia_project_summary_get_##name (LiaProjectSummary *self) \
  { \
    g_return_val_if_fail (LIA_IS_PROJECT_SUMMARY (self), fallback); \
    return self->field; \
  }

SUMMARY_GETTER (gint64, id, id, 0)
SUMMARY_GETTER (const char *, name, name, NULL)
SUMMARY_GETTER (LiaProjectStatus, status, status, LIA_PROJECT_STATUS_PLANNED)
SUMMARY_GETTER (guint, milestones_done, done, 0)
SUMMARY_GETTER (guint, milestones_total, total, 0)
SUMMARY_GETTER (guint, overdue_milestones, overdue, 0)
SUMMARY_GETTER (guint, open_risks, open_risks, 0)
SUMMARY_GETTER (int, top_risk_score, top_score, 0)
SUMMARY_GETTER (const char *, next_milestone, next_title, NULL)
SUMMARY_GETTER (const GDate *, next_due, next_due, NULL)

#define PROJECT_SUMMARIES \
  "SELECT p.id, p.name, p.status," \
  " (SELECT count(*) FROM project_milestones m" \
  "   WHERE m.project_id = p.id AND m.status = 'done')," \
  " (SELECT count(*) FROM project_milestones m WHERE m.project_id = p.id)," \
  " (SELECT count(*) FROM project_milestones m" \
  "   WHERE m.project_id = p.id AND m.status = 'open' AND m.due_date < ?1)," \
  " (SELECT count(*) FROM project_risks r" \
  "   WHERE r.project_id = p.id AND r.status IN ('open', 'mitigating'))," \
  " (SELECT coalesce (max (r.likelihood * r.impact), 0) FROM project_risks r" \
  "   WHERE r.project_id = p.id AND r.status IN ('open', 'mitigating'))," \
  " n.title, n.due_date" \
  " FROM projects p" \
  " LEFT JOIN project_milestones n ON n.id =" \
  "  (SELECT m.id FROM project_milestones m" \
  "   WHERE m.project_id = p.id AND m.status = 'open' AND m.due_date >= ?1" \
  "   ORDER BY m.due_date, m.position LIMIT 1)"

GPtrArray *
lia_store_list_project_summaries (LiaStore     *self,
                                  guint         statuses,
                                  const GDate  *today,
                                  GError      **error)
{
  g_autoptr(GPtrArray) summaries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  /* One pass over the projects; each figure is an indexed look at its own rows. Sorted by name
   * without case: COLLATE NOCASE on a file, lower() on a server, which has no such collation. */
  stmt = _lia_store_prepare (self,
                             _lia_store_is_server (self) ? PROJECT_SUMMARIES " ORDER BY lower (p.name), p.id"
                                                         : PROJECT_SUMMARIES " ORDER BY p.name COLLATE NOCASE, p.id",
                             error);
  if (stmt == NULL)
    return NULL;
  _lia_bind_date (stmt, 1, today);

  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    {
      g_autoptr(LiaProjectSummary) summary = g_object_new (LIA_TYPE_PROJECT_SUMMARY, NULL);
      int status;

      if (!_lia_column_nick (stmt, 2, LIA_TYPE_PROJECT_STATUS, &status, error))
        return NULL;
      if (statuses != 0 && !(statuses & (1u << status)))
        continue;

      summary->id = _lia_db_column_int64 (stmt, 0);
      summary->name = g_strdup (_lia_column_text (stmt, 1));
      summary->status = status;
      summary->done = (guint) _lia_db_column_int (stmt, 3);
      summary->total = (guint) _lia_db_column_int (stmt, 4);
      summary->overdue = (guint) _lia_db_column_int (stmt, 5);
      summary->open_risks = (guint) _lia_db_column_int (stmt, 6);
      summary->top_score = _lia_db_column_int (stmt, 7);
      if (_lia_db_column_type (stmt, 8) != LIA_DB_NULL)
        {
          summary->next_title = g_strdup (_lia_column_text (stmt, 8));
          summary->next_due = _lia_column_date (stmt, 9);
        }
      g_ptr_array_add (summaries, g_steal_pointer (&summary));
    }
  if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self, error, _("Could not read the projects"));
      return NULL;
    }

  return g_steal_pointer (&summaries);
}
