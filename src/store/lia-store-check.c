/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-store"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-store-private.h"

/* Runs @sql and adds one problem per row, made by @describe from the row. */
static gboolean
collect_problems (LiaStore    *self,
                  const char  *sql,
                  char      *(*describe) (LiaStmt *stmt),
                  GPtrArray   *problems,
                  GError     **error)
{
  g_autoptr(LiaStmt) stmt = _lia_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    {
      char *problem = describe (stmt);

      if (problem != NULL)
        g_ptr_array_add (problems, problem);
    }

  if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self, error, _("Could not check the database"));
      return FALSE;
    }

  return TRUE;
}

static char *
describe_integrity (LiaStmt *stmt)
{
  const char *text = _lia_column_text (stmt, 0);

  if (g_str_equal (text, "ok"))
    return NULL;

  return g_strdup_printf (_("The database file is damaged: %s"), text);
}

static char *
describe_foreign_key (LiaStmt *stmt)
{
  g_autofree char *row = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) _lia_db_column_int64 (stmt, 1));

  return g_strdup_printf (_("A row of “%s” (row %s) refers to a missing row of “%s”."),
                          _lia_column_text (stmt, 0), row, _lia_column_text (stmt, 2));
}

static char *
describe_project_index (LiaStmt *stmt)
{
  return g_strdup_printf (_("The search index does not hold what project “%s” says now."),
                          _lia_column_text (stmt, 0));
}

static char *
describe_cycle (LiaStmt *stmt)
{
  return g_strdup_printf (_("Organization “%s” is inside itself through its parent organizations."),
                          _lia_column_text (stmt, 0));
}

GPtrArray *
lia_store_check (LiaStore  *self,
                 GError   **error)
{
  static const char * const search_tables[] = {
    "organizations", "contacts", "interactions", "commitments", "concerns", "projects",
  };
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  int version;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);
  if (!_lia_store_require_file (self, N_("Checking the database"), error))
    return NULL;

  /* SQLite only: the PRAGMAs of this check and the FTS5 integrity-check below. */
  if (!collect_problems (self, "PRAGMA integrity_check", describe_integrity, problems, error))
    return NULL;

  /* A damaged file makes every further answer doubtful. */
  if (problems->len > 0)
    return g_steal_pointer (&problems);

  if (!collect_problems (self, "PRAGMA foreign_key_check", describe_foreign_key, problems, error))
    return NULL;

  if (!collect_problems (self,
                         "WITH RECURSIVE up (start, id, depth) AS ("
                         "  SELECT id, parent_id, 1 FROM organizations WHERE parent_id IS NOT NULL"
                         "  UNION ALL"
                         "  SELECT up.start, o.parent_id, up.depth + 1 FROM organizations o"
                         "  JOIN up ON o.id = up.id"
                         "  WHERE o.parent_id IS NOT NULL AND up.id <> up.start AND up.depth < 10000)"
                         "SELECT DISTINCT o.name FROM up JOIN organizations o ON o.id = up.start"
                         " WHERE up.id = up.start",
                         describe_cycle, problems, error))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (search_tables); i++)
    {
      g_autofree char *sql =
        g_strdup_printf ("INSERT INTO %s_fts (%s_fts) VALUES ('integrity-check')",
                         search_tables[i], search_tables[i]);

      if (_lia_db_exec (_lia_store_get_db (self), sql) != LIA_DB_OK)
        {
          if (_lia_db_error_class (_lia_store_get_db (self)) != LIA_DB_ERROR_CLASS_CORRUPT)
            {
              _lia_store_set_error_from_db (self, error, _("Could not check the search index"));
              return NULL;
            }

          g_ptr_array_add (problems,
                           g_strdup_printf (_("The search index of %s does not match the records."),
                                            search_tables[i]));
        }
    }

  /* The projects' index is a copy of their text and their milestones' and risks' (schema 9),
   * not an external-content index whose integrity check compares it with the table. */
  if (!collect_problems (self,
                         "SELECT s.name FROM project_search s"
                         " LEFT JOIN projects_fts f ON f.rowid = s.id"
                         " WHERE f.rowid IS NULL OR f.name IS NOT s.name"
                         "   OR f.summary IS NOT s.summary OR f.owner IS NOT s.owner"
                         "   OR f.notes IS NOT s.notes OR f.milestones IS NOT s.milestones"
                         "   OR f.risks IS NOT s.risks"
                         " UNION ALL SELECT '#' || f.rowid FROM projects_fts f"
                         " WHERE f.rowid NOT IN (SELECT id FROM projects)",
                         describe_project_index, problems, error))
    return NULL;

  if (!_lia_store_read_user_version (self, &version, error))
    return NULL;

  if (version != LIA_STORE_SCHEMA_VERSION)
    g_ptr_array_add (problems,
                     g_strdup_printf (_("The database is at version %d; this version of Liaison "
                                        "expects %d."),
                                      version, LIA_STORE_SCHEMA_VERSION));

  return g_steal_pointer (&problems);
}
