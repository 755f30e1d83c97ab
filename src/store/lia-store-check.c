/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lia-server.h"
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

/* PostgreSQL only: the server keeps its own storage sound (amcheck and backups are its
 * administrator's), so this checks what Liaison relies on: every table, index, view and trigger
 * `liaison server init` makes, the change log's triggers, the generated search columns, rows
 * that foreign keys should have kept from losing their target, and the keys not switched off. */

static char *
describe_missing_trigger (LiaStmt *stmt)
{
  return g_strdup_printf (_("Trigger “%s” on “%s” is switched off on the server."),
                          _lia_column_text (stmt, 0), _lia_column_text (stmt, 1));
}

static char *
describe_keys_off (LiaStmt *stmt)
{
  return g_strdup_printf (_("The foreign keys of “%s” are switched off on the server."),
                          _lia_column_text (stmt, 0));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
check_server_objects (LiaStore   *self,
                      GPtrArray  *problems,
                      GError    **error)
{
  g_autoptr(GHashTable) expected = _lia_server_expected_objects ();
  g_autoptr(GHashTable) present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autoptr(LiaStmt) stmt = NULL;
  GHashTableIter iter;
  gpointer key;
  int rc;

  stmt = _lia_store_prepare (self,
                             "SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'r' THEN 'table'"
                             "  WHEN 'p' THEN 'table' ELSE 'index' END || ' ' || c.relname"
                             " FROM pg_catalog.pg_class c"
                             " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                             " WHERE n.nspname = current_schema () AND c.relkind IN ('r', 'p', 'v', 'i', 'I')"
                             " UNION ALL SELECT 'trigger ' || t.tgname FROM pg_catalog.pg_trigger t"
                             " JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid"
                             " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                             " WHERE n.nspname = current_schema () AND NOT t.tgisinternal"
                             " UNION ALL SELECT 'foreign key ' || k.conname FROM pg_catalog.pg_constraint k"
                             " JOIN pg_catalog.pg_namespace n ON n.oid = k.connamespace"
                             " WHERE n.nspname = current_schema () AND k.contype = 'f'",
                             error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    g_hash_table_add (present, g_strdup (_lia_column_text (stmt, 0)));
  if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self, error, _("Could not check the database"));
      return FALSE;
    }

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (present, key))
      g_ptr_array_add (missing, key);
  g_ptr_array_sort (missing, compare_strings);

  for (guint i = 0; i < missing->len; i++)
    {
      const char *object = missing->pdata[i];
      const char *name = strchr (object, ' ') + 1;

      if (g_str_has_prefix (object, "table "))
        g_ptr_array_add (problems, g_strdup_printf (_("Table “%s” is missing on the server."), name));
      else if (g_str_has_prefix (object, "index "))
        g_ptr_array_add (problems, g_strdup_printf (_("Index “%s” is missing on the server."), name));
      else if (g_str_has_prefix (object, "view "))
        g_ptr_array_add (problems, g_strdup_printf (_("View “%s” is missing on the server."), name));
      else if (g_str_has_prefix (object, "trigger "))
        g_ptr_array_add (problems, g_strdup_printf (_("Trigger “%s” is missing on the server."), name));
      else
        {
          /* "foreign key NAME": two words before the name. */
          name = strchr (name, ' ') + 1;
          g_ptr_array_add (problems,
                           g_strdup_printf (_("Foreign key “%s” is missing on the server: rows may "
                                              "refer to records that are gone."), name));
        }
    }

  return TRUE;
}

/* Each record table writes its inserts and deletes to the change log (lia-store-changes.c). */
static gboolean
check_change_log (LiaStore   *self,
                  GPtrArray  *problems,
                  GError    **error)
{
  for (LiaRecordKind kind = LIA_RECORD_KIND_ORGANIZATION; kind <= LIA_RECORD_KIND_PROJECT; kind++)
    {
      const char *table = _lia_record_ops_for_kind (kind)->table;
      g_autoptr(LiaStmt) stmt = NULL;

      /* tgtype: 4 an INSERT trigger, 8 a DELETE trigger. */
      stmt = _lia_store_prepare (self,
                                 "SELECT coalesce (bool_or (t.tgtype & 4 <> 0) AND bool_or (t.tgtype & 8 <> 0),"
                                 "                 FALSE)"
                                 " FROM pg_catalog.pg_trigger t"
                                 " JOIN pg_catalog.pg_proc p ON p.oid = t.tgfoid"
                                 " JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid"
                                 " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                                 " WHERE n.nspname = current_schema () AND c.relname = ?1"
                                 " AND p.proname = 'liaison_log_record' AND t.tgenabled <> 'D'",
                                 error);
      if (stmt == NULL)
        return FALSE;
      _lia_bind_text (stmt, 1, table);
      if (_lia_db_step (stmt) != LIA_DB_ROW)
        {
          _lia_store_set_error_from_db (self, error, _("Could not check the database"));
          return FALSE;
        }
      if (!_lia_db_column_int64 (stmt, 0))
        g_ptr_array_add (problems,
                         g_strdup_printf (_("Changes to “%s” are not written to the change log: "
                                            "its triggers are missing or switched off."), table));
    }

  return collect_problems (self,
                           "SELECT t.tgname, c.relname FROM pg_catalog.pg_trigger t"
                           " JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid"
                           " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                           " WHERE n.nspname = current_schema () AND NOT t.tgisinternal"
                           " AND t.tgenabled = 'D' ORDER BY 2, 1",
                           describe_missing_trigger, problems, error) &&
         collect_problems (self,
                           "SELECT DISTINCT c.relname FROM pg_catalog.pg_trigger t"
                           " JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid"
                           " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                           " WHERE n.nspname = current_schema () AND t.tgisinternal"
                           " AND t.tgenabled = 'D' ORDER BY 1",
                           describe_keys_off, problems, error);
}

/* Search reads a generated tsvector column per record table, and a table kept by triggers for
 * projects (lia-store-search-pg.c). */
static gboolean
check_search_columns (LiaStore   *self,
                      GPtrArray  *problems,
                      GError    **error)
{
  static const char * const tables[] = {
    "organizations", "contacts", "affiliations", "interactions", "commitments", "concerns",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autoptr(LiaStmt) stmt = NULL;
      int rc;

      stmt = _lia_store_prepare (self,
                                 "SELECT 1 FROM information_schema.columns"
                                 " WHERE table_schema = current_schema () AND table_name = ?1"
                                 " AND column_name = 'search_vector' AND data_type = 'tsvector'"
                                 " AND is_generated = 'ALWAYS'",
                                 error);
      if (stmt == NULL)
        return FALSE;
      _lia_bind_text (stmt, 1, tables[i]);
      rc = _lia_db_step (stmt);
      if (rc == LIA_DB_DONE)
        g_ptr_array_add (problems,
                         g_strdup_printf (_("The search column of “%s” is missing or not kept "
                                            "by the server."), tables[i]));
      else if (rc != LIA_DB_ROW)
        {
          _lia_store_set_error_from_db (self, error, _("Could not check the database"));
          return FALSE;
        }
    }

  /* A project's row missing, or holding other words than the project has now (an edit
   * made with the triggers off): the vector as liaison_refresh_project_search() makes it
   * (lia-store-schema-pg.sql), as the SQLite check compares projects_fts with the view. */
  return collect_problems (self,
                           "SELECT p.name FROM project_search p"
                           " WHERE NOT EXISTS (SELECT 1 FROM projects_search s WHERE s.id = p.id"
                           "   AND s.search_vector ="
                           "     setweight (to_tsvector ('liaison', p.name), 'A')"
                           "     || setweight (to_tsvector ('liaison', p.summary), 'C')"
                           "     || setweight (to_tsvector ('liaison', p.owner), 'C')"
                           "     || setweight (to_tsvector ('liaison', p.notes), 'D')"
                           "     || setweight (to_tsvector ('liaison', p.milestones), 'B')"
                           "     || setweight (to_tsvector ('liaison', p.risks), 'B'))"
                           " ORDER BY p.name",
                           describe_project_index, problems, error);
}

/* Rows whose target is gone, which the foreign keys should have prevented (keys switched off
 * or dropped and added back NOT VALID): one problem per key, with one such row. */
static gboolean
check_orphans (LiaStore   *self,
               GPtrArray  *problems,
               GError    **error)
{
  g_autoptr(LiaStmt) keys = NULL;
  int rc;

  keys = _lia_store_prepare (self,
                             "SELECT child.relname, a.attname, parent.relname, pa.attname"
                             " FROM pg_catalog.pg_constraint k"
                             " JOIN pg_catalog.pg_class child ON child.oid = k.conrelid"
                             " JOIN pg_catalog.pg_namespace n ON n.oid = child.relnamespace"
                             " JOIN pg_catalog.pg_attribute a"
                             "   ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]"
                             " JOIN pg_catalog.pg_class parent ON parent.oid = k.confrelid"
                             " JOIN pg_catalog.pg_attribute pa"
                             "   ON pa.attrelid = k.confrelid AND pa.attnum = k.confkey[1]"
                             " WHERE k.contype = 'f' AND n.nspname = current_schema ()"
                             " AND cardinality (k.conkey) = 1"
                             " ORDER BY 1, 2",
                             error);
  if (keys == NULL)
    return FALSE;

  while ((rc = _lia_db_step (keys)) == LIA_DB_ROW)
    {
      const char *child = _lia_column_text (keys, 0);
      const char *column = _lia_column_text (keys, 1);
      const char *parent = _lia_column_text (keys, 2);
      g_autofree char *sql = NULL;
      g_autoptr(LiaStmt) orphan = NULL;
      int orphan_rc;

      sql = g_strdup_printf ("SELECT c.\"%s\" FROM \"%s\" c WHERE c.\"%s\" IS NOT NULL"
                             " AND NOT EXISTS (SELECT 1 FROM \"%s\" p WHERE p.\"%s\" = c.\"%s\")"
                             " LIMIT 1",
                             column, child, column, parent, _lia_column_text (keys, 3), column);
      if (!(orphan = _lia_store_prepare (self, sql, error)))
        return FALSE;
      orphan_rc = _lia_db_step (orphan);
      if (orphan_rc == LIA_DB_ROW)
        {
          g_autofree char *target = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                     (gint64) _lia_db_column_int64 (orphan, 0));

          g_ptr_array_add (problems,
                           g_strdup_printf (_("Rows of “%s” refer to missing rows of “%s” "
                                              "(%s %s, for one)."),
                                            child, parent, column, target));
        }
      else if (orphan_rc != LIA_DB_DONE)
        {
          _lia_store_set_error_from_db (self, error, _("Could not check the database"));
          return FALSE;
        }
    }

  if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self, error, _("Could not check the database"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_server (LiaStore   *self,
              GPtrArray  *problems,
              GError    **error)
{
  return check_server_objects (self, problems, error) &&
         check_change_log (self, problems, error) &&
         check_search_columns (self, problems, error) &&
         check_orphans (self, problems, error);
}

/* SQLite only: the PRAGMAs of this check and the FTS5 integrity checks. */
static gboolean
check_file (LiaStore   *self,
            GPtrArray  *problems,
            GError    **error)
{
  static const char * const search_tables[] = {
    "organizations", "contacts", "interactions", "commitments", "concerns", "projects",
  };

  if (!collect_problems (self, "PRAGMA integrity_check", describe_integrity, problems, error))
    return FALSE;

  /* A damaged file makes every further answer doubtful. */
  if (problems->len > 0)
    return TRUE;

  if (!collect_problems (self, "PRAGMA foreign_key_check", describe_foreign_key, problems, error))
    return FALSE;

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
              return FALSE;
            }

          g_ptr_array_add (problems,
                           g_strdup_printf (_("The search index of %s does not match the records."),
                                            search_tables[i]));
        }
    }

  /* The projects' index is a copy of their text and their milestones' and risks' (schema 9),
   * not an external-content index whose integrity check compares it with the table. */
  return collect_problems (self,
                           "SELECT s.name FROM project_search s"
                           " LEFT JOIN projects_fts f ON f.rowid = s.id"
                           " WHERE f.rowid IS NULL OR f.name IS NOT s.name"
                           "   OR f.summary IS NOT s.summary OR f.owner IS NOT s.owner"
                           "   OR f.notes IS NOT s.notes OR f.milestones IS NOT s.milestones"
                           "   OR f.risks IS NOT s.risks"
                           " UNION ALL SELECT '#' || f.rowid FROM projects_fts f"
                           " WHERE f.rowid NOT IN (SELECT id FROM projects)",
                           describe_project_index, problems, error);
}

GPtrArray *
lia_store_check (LiaStore  *self,
                 GError   **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  int version;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);

  if (_lia_store_is_server (self) ? !check_server (self, problems, error)
                                  : !check_file (self, problems, error))
    return NULL;

  /* A damaged file makes every further answer doubtful. */
  if (!_lia_store_is_server (self) && problems->len > 0)
    return g_steal_pointer (&problems);

  /* Portable SQL from here on. */
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

  if (!_lia_store_read_user_version (self, &version, error))
    return NULL;

  if (version != LIA_STORE_SCHEMA_VERSION)
    g_ptr_array_add (problems,
                     g_strdup_printf (_("The database is at version %d; this version of Liaison "
                                        "expects %d."),
                                      version, LIA_STORE_SCHEMA_VERSION));

  return g_steal_pointer (&problems);
}
