/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-store"

#include "config.h"

#include <inttypes.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <glib/gi18n.h>
#include <string.h>

#include "lia-list-query-private.h"
#include "lia-store-bulk.h"
#include "lia-store-private.h"

/* The selection of lia_store_select_organization_scope(): one row per selected record. core
 * marks the records selected for themselves, as opposed to those only referred to. A table of
 * the connection's own on both backends; PostgreSQL has no WITHOUT ROWID and calls the
 * schema of temporary tables pg_temp. */
#define SCOPE_COLUMNS \
  "  kind INTEGER NOT NULL," \
  "  record_id BIGINT NOT NULL," \
  "  core INTEGER NOT NULL," \
  "  PRIMARY KEY (kind, record_id)" \
  ")"
#define SCOPE_TABLE    "CREATE TEMP TABLE IF NOT EXISTS lia_scope (" SCOPE_COLUMNS " WITHOUT ROWID"
#define SCOPE_TABLE_PG "CREATE TEMP TABLE IF NOT EXISTS lia_scope (" SCOPE_COLUMNS

gboolean
lia_store_find_id (LiaStore       *self,
                   LiaRecordKind   kind,
                   const char     *uid,
                   gint64         *out_id,
                   GError        **error)
{
  const LiaRecordOps *ops;
  g_autoptr(LiaStmt) stmt = NULL;
  g_autofree char *sql = NULL;
  int rc;

  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);
  g_return_val_if_fail (uid != NULL, FALSE);
  g_return_val_if_fail (out_id != NULL, FALSE);

  ops = _lia_record_ops_for_kind (kind);
  g_return_val_if_fail (ops != NULL, FALSE);

  if (_lia_store_import_lookup (self, kind, uid, out_id))
    return TRUE;

  sql = g_strdup_printf ("SELECT id FROM %s WHERE uid = ?1", ops->table);
  if (!(stmt = _lia_store_prepare (self, sql, error)))
    return FALSE;
  _lia_bind_text (stmt, 1, uid);

  rc = _lia_db_step (stmt);
  if (rc == LIA_DB_ROW)
    {
      *out_id = _lia_db_column_int64 (stmt, 0);
      _lia_store_import_remember (self, kind, uid, *out_id);
      return TRUE;
    }
  if (rc == LIA_DB_DONE)
    {
      *out_id = 0;
      return TRUE;
    }

  _lia_store_set_error_from_db (self, error, _("Could not read the database"));
  return FALSE;
}

char *
lia_store_dup_uid (LiaStore       *self,
                   LiaRecordKind   kind,
                   gint64          id,
                   GError        **error)
{
  const LiaRecordOps *ops;
  g_autoptr(LiaStmt) stmt = NULL;
  g_autofree char *sql = NULL;
  const char *cached;
  int rc;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);

  ops = _lia_record_ops_for_kind (kind);
  g_return_val_if_fail (ops != NULL, NULL);

  if ((cached = _lia_store_cached_uid (self, kind, id)) != NULL)
    return g_strdup (cached);

  sql = g_strdup_printf ("SELECT uid FROM %s WHERE id = ?1", ops->table);
  if (!(stmt = _lia_store_prepare (self, sql, error)))
    return NULL;
  _lia_db_bind_int64 (stmt, 1, id);

  rc = _lia_db_step (stmt);
  if (rc == LIA_DB_ROW)
    {
      _lia_store_cache_uid (self, kind, id, _lia_column_text (stmt, 0));
      return g_strdup (_lia_column_text (stmt, 0));
    }

  if (rc == LIA_DB_DONE)
    g_set_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_NOT_FOUND,
                 _("There is no %s with id %" PRId64 "."),
                 lia_enum_to_nick (LIA_TYPE_RECORD_KIND, kind), id);
  else
    _lia_store_set_error_from_db (self, error, _("Could not read the database"));
  return NULL;
}

LiaAffiliation *
lia_store_find_affiliation (LiaStore     *self,
                            gint64        contact_id,
                            gint64        organization_id,
                            const GDate  *from,
                            GError      **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);

  sql = g_strdup_printf ("SELECT %s FROM affiliations"
                         " WHERE contact_id = ?1 AND organization_id = ?2 AND from_date IS NOT DISTINCT FROM ?3"
                         " ORDER BY id LIMIT 1",
                         _lia_affiliation_ops.columns);
  if (!(stmt = _lia_store_prepare (self, sql, error)))
    return NULL;
  _lia_db_bind_int64 (stmt, 1, contact_id);
  _lia_db_bind_int64 (stmt, 2, organization_id);
  _lia_bind_date (stmt, 3, from);

  if (!(found = _lia_store_collect (self, &_lia_affiliation_ops, stmt, error)))
    return NULL;

  return found->len > 0 ? g_object_ref (g_ptr_array_index (found, 0)) : NULL;
}

/* The tables with a full-text index, and what it indexes (lia-store-schema.c). */
static const struct {
  const char *table;
  const char *columns;
} indexed_tables[] = {
  { "organizations", "name, short_name, sector, notes" },
  { "contacts",      _LIA_CONTACT_FTS_COLUMNS },
  { "interactions",  "title, location, summary, outcome" },
  { "commitments",   "title, notes" },
  { "concerns",      "title, root_cause, resolution, notes" },
};

/* The new rows of a table (%1$s) into its full-text index (%2$s: its columns). */
#define FTS_FILL \
  "INSERT INTO %1$s_fts (rowid, %2$s)" \
  "  SELECT id, %2$s FROM %1$s WHERE id > (SELECT %1$s_mark FROM bulk_load);"

/* The same when the table was empty: FTS5 writes its pending terms out as a segment at every
 * megabyte, and by default merges them four at a time as it goes (automerge), which rewrote
 * the index about twice over (45% of the filling). Here the segments are left as they come
 * and merged once, all of them, at the end (optimize: one segment, the fastest to search).
 * The settings are FTS5's defaults again after, and leave no row in its configuration. */
#define FTS_FILL_EMPTY \
  "INSERT INTO %1$s_fts (%1$s_fts, rank) VALUES ('automerge', 0);" \
  "INSERT INTO %1$s_fts (%1$s_fts, rank) VALUES ('crisismerge', 1999);" \
  FTS_FILL \
  "INSERT INTO %1$s_fts (%1$s_fts) VALUES ('optimize');" \
  "INSERT INTO %1$s_fts (%1$s_fts, rank) VALUES ('automerge', 4);" \
  "INSERT INTO %1$s_fts (%1$s_fts, rank) VALUES ('crisismerge', 16);" \
  "DELETE FROM %1$s_fts_config WHERE k IN ('automerge', 'crisismerge');"

/* FTS5 tokenizes into a hash of pending terms that it writes out and frees at every megabyte,
 * and its merges read each page into a buffer of their own: hundreds of thousands of
 * allocations, freed, between the page cache's pages, which stay. glibc keeps the pages of
 * those holes (at full size ~12 MiB after the interactions' filling), and the sorts of the
 * deferred indexes that come next did not reuse them: they set the import's peak RSS on top
 * of them. Giving them back to the system costs a few milliseconds. */
static void
release_freed_memory (void)
{
#ifdef __GLIBC__
  malloc_trim (0);
#endif
}

/* The tables an import writes whose secondary indexes it does not read while it loads (it
 * finds records by uid and by id, and deletes list entries by their primary key), but for
 * those in KEPT_INDEXES. */
static const char * const deferrable_tables[] = {
  "interactions", "interaction_contacts", "interaction_organizations",
  "organizations", "organization_tags", "contacts", "contact_tags",
  "commitments", "concerns", "concern_parties", "concern_interactions", "assessment_history",
};

/* The secondary indexes of those tables that queries of a load read, which stay: a contact
 * found by name at an organization and an organization by name (the vCard import). Dropped,
 * each lookup would read its whole table. For the same reason affiliations (found by contact
 * and organization) and contact points (by email) keep theirs. */
#define KEPT_INDEXES "('contacts_by_name', 'organizations_by_name')"

/* Drops the indexes or triggers (@what) that @select_sql names (name, sql; ?1 is @table when
 * not %NULL), keeping their CREATE statements for the end of the bulk load. */
static gboolean
defer_schema_objects (LiaStore    *self,
                      const char  *what,
                      const char  *select_sql,
                      const char  *table,
                      GError     **error)
{
  GPtrArray *deferred = _lia_store_get_deferred_indexes (self);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  LiaStmt *stmt = NULL;

  if (_lia_db_prepare (_lia_store_get_db (self), select_sql, -1, LIA_DB_PREPARE_DEFAULT, &stmt, NULL) != LIA_DB_OK)
    {
      _lia_store_set_error_from_db (self, error, _("Could not read the database"));
      return FALSE;
    }
  if (table != NULL)
    _lia_db_bind_text (stmt, 1, table, -1, LIA_DB_STATIC);
  while (_lia_db_step (stmt) == LIA_DB_ROW)
    {
      g_ptr_array_add (names, g_strdup (_lia_db_column_text (stmt, 0)));
      g_ptr_array_add (deferred, g_strdup (_lia_db_column_text (stmt, 1)));
    }
  _lia_db_finalize (stmt);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP %s \"%s\"", what,
                                               (const char *) g_ptr_array_index (names, i));
      if (!_lia_store_exec (self, drop, error))
        return FALSE;
    }
  return TRUE;
}

/* Whether the one row of @sql says so. The statement is done with when it returns (a running
 * one would lock its table against a DROP). */
static gboolean
read_flag (LiaStore    *self,
           const char  *sql,
           gboolean    *out_flag,
           GError     **error)
{
  LiaStmt *stmt;

  if (!(stmt = _lia_store_prepare (self, sql, error)))
    return FALSE;
  *out_flag = _lia_db_step (stmt) == LIA_DB_ROW && _lia_db_column_int (stmt, 0) != 0;
  _lia_stmt_release (stmt);
  return TRUE;
}

/* A new contact's or organization's first assessment (schema 3) goes into its history by a
 * trigger. Any trigger on an insert makes SQLite keep a statement journal for it: a copy of
 * every page the insert changes that the transaction had changed already, so that the
 * statement alone can be undone (for a contact, its row and ten indexes: half the CPU of its
 * insert). The inserts write that row themselves until the end of the load, which makes the
 * triggers again (_lia_store_write_first_assessment()). */
static gboolean
defer_assessment_triggers (LiaStore  *self,
                           GError   **error)
{
  if (!defer_schema_objects (self, "TRIGGER",
                             "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                             " AND name IN ('contacts_assessment_insert',"
                             "              'organizations_assessment_insert')",
                             NULL, error))
    return FALSE;
  _lia_store_set_assessments_by_hand (self);
  return TRUE;
}

/* When an import fills one of those tables from empty, building its secondary indexes once at
 * the end is cheaper than keeping them up to date row by row: drop them now, inside the
 * transaction (a rollback or a kill brings them back with everything else). The insert
 * triggers that do nothing during a bulk load (the change log's and the full-text index's,
 * lia-store-schema.c) still cost a trigger program and a statement journal per row: they go
 * the same way. */
static gboolean
defer_indexes (LiaStore  *self,
               GError   **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (deferrable_tables); i++)
    {
      g_autofree char *empty_sql = g_strdup_printf ("SELECT NOT EXISTS (SELECT 1 FROM %s)",
                                                    deferrable_tables[i]);
      gboolean empty;

      if (!read_flag (self, empty_sql, &empty, error))
        return FALSE;
      if (!empty)
        continue;
      /* Nor does a table that starts empty need its days counted row by row (schema 16): the
       * end counts them all in one pass (recount_interaction_days()). */
      if (g_str_equal (deferrable_tables[i], "interactions") &&
          !defer_schema_objects (self, "TRIGGER",
                                 "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                                 " AND name = 'interactions_days_insert'",
                                 NULL, error))
        return FALSE;
      /* SQLite only: the schema table and its CREATE text. */
      if (!defer_schema_objects (self, "INDEX",
                                 "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                                 " AND tbl_name = ?1 AND sql IS NOT NULL"
                                 " AND sql NOT LIKE 'CREATE UNIQUE%'"
                                 " AND name NOT IN " KEPT_INDEXES,
                                 deferrable_tables[i], error))
        return FALSE;
    }

  return defer_schema_objects (self, "TRIGGER",
                               "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                               " AND sql LIKE '% AFTER INSERT ON % WHEN NOT EXISTS"
                               " (SELECT 1 FROM bulk_load) BEGIN %'",
                               NULL, error) &&
         /* The roles' full-text index (schema 11) has no bulk-load marks of its own: its
          * triggers wait for the end too, and TEMP ones (AFFILIATION_FTS_SETUP) keep the rows
          * that were there before indexed meanwhile. */
         defer_schema_objects (self, "TRIGGER",
                               "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                               " AND name IN ('affiliations_fts_insert', 'affiliations_fts_update',"
                               "              'affiliations_fts_delete')",
                               NULL, error) &&
         defer_assessment_triggers (self, error);
}

/* While an import loads, each affiliation it added went into the roles' full-text index on its
 * own, and FTS5 writes its pending terms out at every statement: a segment per row. New rows
 * (ids above the mark) are now indexed at the end, in one statement; changes to the rows that
 * were there before go to the index as the dropped triggers would have sent them. */
#define AFFILIATION_ROW_WAS_THERE(row) \
  row ".id <= (SELECT affiliations_mark FROM lia_bulk_marks)"
#define AFFILIATION_FTS_SETUP \
  "CREATE TEMP TRIGGER lia_bulk_affiliations_fts_update AFTER UPDATE OF id, role" \
  "  ON main.affiliations BEGIN" \
  "  INSERT INTO affiliations_fts (affiliations_fts, rowid, role)" \
  "    SELECT 'delete', old.id, old.role WHERE " AFFILIATION_ROW_WAS_THERE ("old") ";" \
  "  INSERT INTO affiliations_fts (rowid, role)" \
  "    SELECT new.id, new.role WHERE " AFFILIATION_ROW_WAS_THERE ("new") ";" \
  "END;" \
  "CREATE TEMP TRIGGER lia_bulk_affiliations_fts_delete AFTER DELETE ON main.affiliations BEGIN" \
  "  INSERT INTO affiliations_fts (affiliations_fts, rowid, role)" \
  "    SELECT 'delete', old.id, old.role WHERE " AFFILIATION_ROW_WAS_THERE ("old") ";" \
  "END;"
#define AFFILIATION_FTS_END \
  "INSERT INTO affiliations_fts (rowid, role) SELECT id, role FROM affiliations" \
  "  WHERE id > (SELECT affiliations_mark FROM temp.lia_bulk_marks);" \
  "DROP TRIGGER temp.lia_bulk_affiliations_fts_update;" \
  "DROP TRIGGER temp.lia_bulk_affiliations_fts_delete;"

/* What a bulk load changed that moves latest interaction days, for its end to work out those
 * records' days again rather than everyone's. New interactions and affiliations are found
 * at the end by their ids (above the marks); the rare updates and deletes of rows that were
 * there before are noted as they happen, by triggers of this connection only, which leave
 * with the transaction. SQLite only: TEMP triggers on main tables (like the rest of the bulk
 * path, which drops and recreates triggers). */
#define TOUCHED_SETUP \
  "CREATE TEMP TABLE IF NOT EXISTS lia_bulk_touched (" \
  "  kind INTEGER NOT NULL," /* 0 organization, 1 contact, 3 interaction */ \
  "  id INTEGER NOT NULL," \
  "  PRIMARY KEY (kind, id)" \
  ") WITHOUT ROWID;" \
  "DELETE FROM temp.lia_bulk_touched;" \
  "CREATE TEMP TABLE IF NOT EXISTS lia_bulk_marks (affiliations_mark INTEGER NOT NULL);" \
  "DELETE FROM temp.lia_bulk_marks;" \
  "INSERT INTO temp.lia_bulk_marks SELECT coalesce (max (id), 0) FROM affiliations;" \
  TOUCH_ON ("interactions", "UPDATE", "3, new.id") \
  TOUCH_ON ("interaction_contacts", "DELETE", "1, old.contact_id") \
  TOUCH_ON ("interaction_contacts", "UPDATE", "1, old.contact_id), (1, new.contact_id") \
  TOUCH_ON ("interaction_organizations", "DELETE", "0, old.organization_id") \
  TOUCH_ON ("interaction_organizations", "UPDATE", "0, old.organization_id), (0, new.organization_id") \
  TOUCH_ON ("affiliations", "DELETE", "0, old.organization_id") \
  TOUCH_ON ("affiliations", "UPDATE", "0, old.organization_id), (0, new.organization_id")
#define TOUCH_ON(table, event, values) \
  "CREATE TEMP TRIGGER IF NOT EXISTS lia_bulk_" table "_" event " AFTER " event " ON main." table \
  " BEGIN INSERT OR IGNORE INTO lia_bulk_touched VALUES (" values "); END;"
#define TOUCHED_TEARDOWN \
  "DROP TRIGGER IF EXISTS temp.lia_bulk_interactions_UPDATE;" \
  "DROP TRIGGER IF EXISTS temp.lia_bulk_interaction_contacts_DELETE;" \
  "DROP TRIGGER IF EXISTS temp.lia_bulk_interaction_contacts_UPDATE;" \
  "DROP TRIGGER IF EXISTS temp.lia_bulk_interaction_organizations_DELETE;" \
  "DROP TRIGGER IF EXISTS temp.lia_bulk_interaction_organizations_UPDATE;" \
  "DROP TRIGGER IF EXISTS temp.lia_bulk_affiliations_DELETE;" \
  "DROP TRIGGER IF EXISTS temp.lia_bulk_affiliations_UPDATE;" \
  "DELETE FROM temp.lia_bulk_touched;"

/* The contacts and organizations whose latest interaction day the load may have moved: the
 * participants of new and changed interactions (and those taken out of one, noted by the
 * triggers), and every organization affiliated with such a contact or given a new affiliation. */
#define TOUCHED_GATHER \
  "INSERT OR IGNORE INTO temp.lia_bulk_touched" \
  "  SELECT 1, contact_id FROM interaction_contacts" \
  "  WHERE interaction_id > (SELECT interactions_mark FROM bulk_load)" \
  "  UNION SELECT 1, contact_id FROM interaction_contacts" \
  "  WHERE interaction_id IN (SELECT id FROM temp.lia_bulk_touched WHERE kind = 3);" \
  "INSERT OR IGNORE INTO temp.lia_bulk_touched" \
  "  SELECT 0, organization_id FROM interaction_organizations" \
  "  WHERE interaction_id > (SELECT interactions_mark FROM bulk_load)" \
  "  UNION SELECT 0, organization_id FROM interaction_organizations" \
  "  WHERE interaction_id IN (SELECT id FROM temp.lia_bulk_touched WHERE kind = 3)" \
  "  UNION SELECT 0, organization_id FROM affiliations" \
  "  WHERE id > (SELECT affiliations_mark FROM temp.lia_bulk_marks)" \
  "  UNION SELECT 0, organization_id FROM affiliations" \
  "  WHERE contact_id IN (SELECT id FROM temp.lia_bulk_touched WHERE kind = 1);"

gboolean
lia_store_begin_bulk_load (LiaStore  *self,
                           GError   **error)
{
  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);
  g_return_val_if_fail (lia_store_in_transaction (self), FALSE);

  /* On a server the search index is the tables' own generated tsvector columns, and there is
   * no schema table to read nor TEMP trigger on a main table: only the marks (below) and the
   * latest days at the end. The row in bulk_load is the transaction's own: no other connection
   * sees it, and a second loader waits on its key until this one ends (an importer waits
   * earlier, for the writers' lock: lia_store_set_import_mode()). */
  if (_lia_store_is_server (self))
    goto marks;

  if (_lia_store_get_import_mode (self) && !defer_indexes (self, error))
    return FALSE;
  if (!_lia_store_exec (self, TOUCHED_SETUP, error))
    return FALSE;
  if (_lia_store_get_import_mode (self) && !_lia_store_exec (self, AFFILIATION_FTS_SETUP, error))
    return FALSE;

marks:
  /* The marks: every row above them is new, and not indexed until the end. */
  return _lia_store_exec (self,
                          "INSERT INTO bulk_load VALUES (1,"
                          "  (SELECT coalesce (max (id), 0) FROM organizations),"
                          "  (SELECT coalesce (max (id), 0) FROM contacts),"
                          "  (SELECT coalesce (max (id), 0) FROM interactions),"
                          "  (SELECT coalesce (max (id), 0) FROM commitments),"
                          "  (SELECT coalesce (max (id), 0) FROM concerns))",
                          error);
}

gboolean
lia_store_set_sort_on_disk (LiaStore  *self,
                            gboolean   on_disk,
                            GError   **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  gboolean only_ours;

  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);

  if (_lia_store_is_server (self) || lia_store_in_transaction (self))
    return TRUE;

  /* SQLite only: temp_store = MEMORY (lia-db-sqlite.c) keeps the sorter's runs in memory; a
   * change of temp_store closes the temporary database, tables and all. The lists' kept rows
   * (lia-list-query-private.h) are made again, when none was kept. */
  if (!(stmt = _lia_store_prepare (self,
                                   "SELECT NOT EXISTS (SELECT 1 FROM temp.sqlite_master"
                                   "  WHERE type <> 'index' AND substr (name, 1, 9) <> 'lia_bulk_'"
                                   "  AND name <> 'lia_list_rows')"
                                   "  AND NOT EXISTS (SELECT 1 FROM temp.lia_list_rows)",
                                   error)))
    return FALSE;
  if (_lia_db_step (stmt) != LIA_DB_ROW)
    {
      _lia_store_set_error_from_db (self, error, _("Could not read the database"));
      return FALSE;
    }
  only_ours = _lia_db_column_int (stmt, 0) != 0;
  g_clear_pointer (&stmt, _lia_stmt_release);
  if (!only_ours)
    return TRUE;

  return _lia_store_exec (self, on_disk ? "PRAGMA temp_store = FILE" : "PRAGMA temp_store = MEMORY",
                          error) &&
         _lia_store_exec (self, LIA_LIST_ROWS_TABLE_SQL, error);
}

/* The end of a bulk load on PostgreSQL: one transaction, nothing to index by hand (the
 * tsvector columns are generated), the new interactions counted per day (their rows were
 * left uncounted by the trigger: schema 17), every latest day worked out again by the same
 * UPDATE … FROM as on a file that had no interactions (it is right whatever the load touched), and one
 * "reset" row in the change log, its time the column's default (the server's clock). */
static gboolean
end_bulk_load_on_server (LiaStore  *self,
                         GError   **error)
{
  return _lia_store_exec (self, _lia_store_redo_latest_interactions_sql, error) &&
         _lia_store_exec (self,
                          /* The new interactions' days, one upsert per day (schema 17). */
                          "INSERT INTO interaction_days (day_start, n)"
                          "  SELECT at_utc - ((at_utc % 86400000000) + 86400000000) % 86400000000,"
                          "    count(*) FROM interactions"
                          "  WHERE id > (SELECT interactions_mark FROM bulk_load) GROUP BY 1"
                          "  ON CONFLICT (day_start) DO UPDATE SET n = interaction_days.n + excluded.n;"
                          "DELETE FROM bulk_load;"
                          "INSERT INTO change_log (kind, record_id, operation)"
                          "  VALUES ('all', 0, 'reset')",
                          error);
}

/* Latest interaction days, when a load began with no interactions at all (SQLite): what
 * _lia_store_redo_latest_interactions_sql works out, in one pass over the interactions in the
 * order of the file, each row read once, beside their participants in the same order. The SQL
 * reads an interaction again for each of its participants and each affiliation of theirs, in
 * the order of the participants: at a million interactions, a page read for nearly each (the
 * table is many times the page cache), which made it a third of an import.
 * Days are compared as the SQL compares text (bytewise); each distinct day is kept once. */
typedef struct
{
  gint64      organization_id;
  const char *from;   /* NULL: open */
  const char *until;  /* NULL: open */
} DayAffiliation;

typedef struct
{
  gint64      id;
  const char *day;
} LatestDay;

static int
latest_day_compare (gconstpointer a,
                    gconstpointer b)
{
  gint64 x = ((const LatestDay *) a)->id, y = ((const LatestDay *) b)->id;

  return x < y ? -1 : x > y;
}

static const char *
intern_day (GStringChunk *days,
            LiaStmt      *stmt,
            int           column)
{
  const char *text = _lia_db_column_text (stmt, column);

  return text != NULL ? g_string_chunk_insert_const (days, text) : NULL;
}

static void
raise_day (GHashTable *latest,
           gint64      id,
           const char *day)
{
  const char *known = g_hash_table_lookup (latest, &id);

  if (known == NULL || strcmp (known, day) < 0)
    {
      gint64 *key = g_new (gint64, 1);

      *key = id;
      g_hash_table_replace (latest, key, (gpointer) day);
    }
}

/* Writes each day of @latest with @sql (?1 the id, ?2 the day), in id order (the rows' order on disk). */
static gboolean
write_latest_days (LiaStore    *self,
                   const char  *sql,
                   const char  *what,
                   GHashTable  *latest,
                   GError     **error)
{
  g_autoptr(GArray) rows = g_array_sized_new (FALSE, FALSE, sizeof (LatestDay), g_hash_table_size (latest));
  GHashTableIter iter;
  gpointer key, value;
  LiaStmt *update;

  if (!(update = _lia_store_prepare (self, sql, error)))
    return FALSE;

  g_hash_table_iter_init (&iter, latest);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      LatestDay row = { *(gint64 *) key, value };
      g_array_append_val (rows, row);
    }
  g_array_sort (rows, latest_day_compare);

  for (guint i = 0; i < rows->len; i++)
    {
      LatestDay *row = &g_array_index (rows, LatestDay, i);
      gboolean ok;

      _lia_db_bind_int64 (update, 1, row->id);
      _lia_db_bind_text (update, 2, row->day, -1, LIA_DB_STATIC);
      ok = _lia_store_step_done (self, update, what, error);
      _lia_db_reset (update);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
redo_latest_days_in_order (LiaStore  *self,
                           GError   **error)
{
  g_autoptr(GStringChunk) days = g_string_chunk_new (4096);
  g_autoptr(GHashTable) affiliations = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                              (GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) contacts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) organizations = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(LiaStmt) stmt = NULL;
  g_autoptr(LiaStmt) people = NULL;
  g_autoptr(LiaStmt) parties = NULL;
  int rc, people_rc, parties_rc;

  /* Whose days go up with a contact's, and between which days. */
  if (!(stmt = _lia_store_prepare (self, "SELECT contact_id, organization_id, from_date, until_date"
                                         "  FROM affiliations", error)))
    return FALSE;
  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    {
      gint64 contact_id = _lia_db_column_int64 (stmt, 0);
      DayAffiliation affiliation = {
        _lia_db_column_int64 (stmt, 1), intern_day (days, stmt, 2), intern_day (days, stmt, 3)
      };
      GArray *list = g_hash_table_lookup (affiliations, &contact_id);

      if (list == NULL)
        {
          gint64 *key = g_new (gint64, 1);

          *key = contact_id;
          list = g_array_sized_new (FALSE, FALSE, sizeof (DayAffiliation), 1);
          g_hash_table_insert (affiliations, key, list);
        }
      g_array_append_val (list, affiliation);
    }
  if (rc != LIA_DB_DONE)
    goto failed;
  g_clear_pointer (&stmt, _lia_stmt_release);

  /* One pass over the interactions in id order, each row read once for its day, beside their
   * participants in the same order (both tables' primary keys begin with the interaction): a
   * merge, not a look-up of the interaction for each participant (which was most of the
   * time of this function). A participant whose interaction is not there has no day. */
  if (!(stmt = _lia_store_prepare (self, "SELECT id, day FROM interactions ORDER BY id", error)) ||
      !(people = _lia_store_prepare (self, "SELECT interaction_id, contact_id"
                                           "  FROM interaction_contacts ORDER BY interaction_id",
                                     error)) ||
      !(parties = _lia_store_prepare (self, "SELECT interaction_id, organization_id"
                                            "  FROM interaction_organizations ORDER BY interaction_id",
                                      error)))
    return FALSE;
  people_rc = _lia_db_step (people);
  parties_rc = _lia_db_step (parties);
  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    {
      gint64 id = _lia_db_column_int64 (stmt, 0);
      const char *day = NULL;

      while (people_rc == LIA_DB_ROW && _lia_db_column_int64 (people, 0) < id)
        people_rc = _lia_db_step (people);
      while (parties_rc == LIA_DB_ROW && _lia_db_column_int64 (parties, 0) < id)
        parties_rc = _lia_db_step (parties);

      for (; people_rc == LIA_DB_ROW && _lia_db_column_int64 (people, 0) == id;
           people_rc = _lia_db_step (people))
        {
          gint64 contact_id = _lia_db_column_int64 (people, 1);
          GArray *list;

          if (day == NULL && (day = intern_day (days, stmt, 1)) == NULL)
            break;
          raise_day (contacts, contact_id, day);
          if ((list = g_hash_table_lookup (affiliations, &contact_id)) == NULL)
            continue;
          for (guint i = 0; i < list->len; i++)
            {
              DayAffiliation *affiliation = &g_array_index (list, DayAffiliation, i);

              if ((affiliation->from == NULL || strcmp (day, affiliation->from) >= 0) &&
                  (affiliation->until == NULL || strcmp (day, affiliation->until) <= 0))
                raise_day (organizations, affiliation->organization_id, day);
            }
        }

      /* The organizations' own. */
      for (; parties_rc == LIA_DB_ROW && _lia_db_column_int64 (parties, 0) == id;
           parties_rc = _lia_db_step (parties))
        {
          if (day == NULL && (day = intern_day (days, stmt, 1)) == NULL)
            break;
          raise_day (organizations, _lia_db_column_int64 (parties, 1), day);
        }
    }
  if (rc != LIA_DB_DONE ||
      (people_rc != LIA_DB_ROW && people_rc != LIA_DB_DONE) ||
      (parties_rc != LIA_DB_ROW && parties_rc != LIA_DB_DONE))
    goto failed;
  g_clear_pointer (&stmt, _lia_stmt_release);
  g_clear_pointer (&people, _lia_stmt_release);
  g_clear_pointer (&parties, _lia_stmt_release);

  /* A record without interactions has no day, whatever it had before. */
  return _lia_store_exec (self,
                          "UPDATE contacts SET latest_interaction_day = NULL"
                          "  WHERE latest_interaction_day IS NOT NULL"
                          "  AND NOT EXISTS (SELECT 1 FROM interaction_contacts ic WHERE ic.contact_id = contacts.id);"
                          "UPDATE organizations SET latest_interaction_day = NULL"
                          "  WHERE latest_interaction_day IS NOT NULL;",
                          error) &&
         write_latest_days (self,
                            "UPDATE contacts SET latest_interaction_day = ?2"
                            "  WHERE id = ?1 AND latest_interaction_day IS NOT ?2",
                            N_("Could not save the contact"), contacts, error) &&
         write_latest_days (self,
                            "UPDATE organizations SET latest_interaction_day = ?2 WHERE id = ?1",
                            N_("Could not save the organization"), organizations, error);

failed:
  _lia_store_set_error_from_db (self, error, _("Could not read the database"));
  return FALSE;
}

/* The interactions of each UTC day (schema 16), counted again in one pass over the time index
 * (in day order, so each day is one run) when an import into a database without interactions
 * left them uncounted: the table is rewritten whole, whatever the load moved or deleted. */
static gboolean
recount_interaction_days (LiaStore  *self,
                          GError   **error)
{
  const gint64 day = G_GINT64_CONSTANT (86400000000);
  g_autoptr(LiaStmt) read = NULL;
  LiaStmt *insert;
  gint64 current = 0;
  gint64 n = 0;
  int rc;

  if (!_lia_store_exec (self, "DELETE FROM interaction_days", error) ||
      !(insert = _lia_store_prepare (self, "INSERT INTO interaction_days (day_start, n) VALUES (?1, ?2)",
                                     error)) ||
      !(read = _lia_store_prepare (self, "SELECT at_utc FROM interactions ORDER BY at_utc", error)))
    return FALSE;

  for (;;)
    {
      gint64 at = 0, start = 0;

      rc = _lia_db_step (read);
      if (rc == LIA_DB_ROW)
        {
          at = _lia_db_column_int64 (read, 0);
          /* DAY_START() of lia-store-schema.c: floored before 1970 too. */
          start = at - ((at % day) + day) % day;
          if (n > 0 && start == current)
            {
              n++;
              continue;
            }
        }
      else if (rc != LIA_DB_DONE)
        {
          _lia_store_set_error_from_db (self, error, _("Could not read the database"));
          return FALSE;
        }

      if (n > 0)
        {
          _lia_db_bind_int64 (insert, 1, current);
          _lia_db_bind_int64 (insert, 2, n);
          if (!_lia_store_step_done (self, insert, N_("Could not save the interaction"), error))
            {
              _lia_db_reset (insert);
              return FALSE;
            }
          _lia_db_reset (insert);
        }
      if (rc == LIA_DB_DONE)
        return TRUE;
      current = start;
      n = 1;
    }
}

/* SQLite's sorter keeps runs as large as the page cache (cache_size) in memory before it
 * writes them out, on top of the cache itself: building the deferred indexes of a full-size
 * import took 26 MiB more than the load before it and set the import's peak RSS (99,720 KiB).
 * The rest of the end (the indexes, the latest days' passes in id order, the day counts, the
 * commit) runs with a 4 MiB cache instead of the load's 16 MiB (lia-db-sqlite.c, which sets
 * the usual size again after the commit). Only when the interactions started empty: the
 * passes of a merge into a database that has them (_lia_store_redo_latest_touched_sql) seek
 * by contact and organization, where a bigger cache misses less. */
static gboolean
bound_sort_memory (LiaStore  *self,
                   gboolean   had_interactions,
                   GError   **error)
{
  return had_interactions || _lia_store_exec (self, "PRAGMA cache_size = -4096", error);
}

/* SQLite only: the FTS5 tables are filled here, in one pass, instead of by triggers. */
static gboolean
fill_fts_indexes (LiaStore  *self,
                  GError   **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (indexed_tables); i++)
    {
      g_autofree char *was_empty_sql = g_strdup_printf ("SELECT %s_mark = 0 FROM bulk_load",
                                                        indexed_tables[i].table);
      g_autofree char *sql = NULL;
      gboolean was_empty;

      if (!read_flag (self, was_empty_sql, &was_empty, error))
        return FALSE;
      sql = g_strdup_printf (was_empty ? FTS_FILL_EMPTY : FTS_FILL,
                             indexed_tables[i].table, indexed_tables[i].columns);
      if (!_lia_store_exec (self, sql, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
lia_store_end_bulk_load (LiaStore  *self,
                         GError   **error)
{
  gboolean had_interactions;

  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);
  g_return_val_if_fail (lia_store_in_transaction (self), FALSE);

  if (_lia_store_is_server (self))
    return end_bulk_load_on_server (self, error);

  if (!read_flag (self, "SELECT interactions_mark > 0 FROM bulk_load", &had_interactions, error) ||
      !fill_fts_indexes (self, error))
    return FALSE;

  if (_lia_store_get_import_mode (self))
    {
      GPtrArray *deferred = _lia_store_get_deferred_indexes (self);

      if (!_lia_store_exec (self, AFFILIATION_FTS_END, error))
        return FALSE;
      release_freed_memory ();

      if (!bound_sort_memory (self, had_interactions, error))
        return FALSE;
      for (guint i = 0; i < deferred->len; i++)
        if (!_lia_store_exec (self, g_ptr_array_index (deferred, i), error))
          return FALSE;
      g_ptr_array_set_size (deferred, 0);
    }

  /* Nor did they keep the latest interaction days: work them out again, for everyone when
   * the database had no interactions before (they all come from the load), else for the
   * records the load touched. */
  if (had_interactions
      ? !_lia_store_exec (self, TOUCHED_GATHER, error) ||
        !_lia_store_exec (self, _lia_store_redo_latest_touched_sql, error)
      : !redo_latest_days_in_order (self, error))
    return FALSE;
  /* defer_indexes() left the days of an import into an empty table uncounted. */
  if (!had_interactions && _lia_store_get_import_mode (self) &&
      !recount_interaction_days (self, error))
    return FALSE;
  if (!_lia_store_exec (self, TOUCHED_TEARDOWN, error))
    return FALSE;

  /* The triggers logged nothing while loading: one row tells other connections to reload. */
  /* SQLite only: julianday() for the time in µs. */
  return _lia_store_exec (self,
                          "DELETE FROM bulk_load;"
                          "INSERT INTO change_log (kind, record_id, operation, changed_at)"
                          "  VALUES ('all', 0, 'reset',"
                          "          CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER))",
                          error);
}

gboolean
lia_store_save_preserving_times (LiaStore   *self,
                                 LiaRecord  *record,
                                 GError    **error)
{
  return _lia_store_save_full (self, record, LIA_SAVE_KEEP_TIMES, error);
}

gboolean
lia_store_select_organization_scope (LiaStore  *self,
                                     gint64     organization_id,
                                     GError   **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(LiaStmt) stmt = NULL;
  gint64 found = 0;
  gboolean server = _lia_store_is_server (self);

  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);
  g_return_val_if_fail (organization_id > 0, FALSE);

  if (!_lia_store_exec (self, server ? SCOPE_TABLE_PG : SCOPE_TABLE, error) ||
      !_lia_store_exec (self, server ? "DELETE FROM pg_temp.lia_scope" : "DELETE FROM temp.lia_scope",
                        error))
    return FALSE;

  if (!(stmt = _lia_store_prepare (self, "SELECT id FROM organizations WHERE id = ?1", error)))
    return FALSE;
  _lia_db_bind_int64 (stmt, 1, organization_id);
  if (_lia_db_step (stmt) == LIA_DB_ROW)
    found = _lia_db_column_int64 (stmt, 0);
  if (found == 0)
    {
      g_set_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_NOT_FOUND,
                   _("There is no organization with id %" PRId64 "."), organization_id);
      return FALSE;
    }

  /* Each step reads what the steps before it selected; the kinds are the LiaRecordKind values
   * (organization 0, contact 1, interaction 3, commitment 4, concern 5, project 6). */
  sql = g_strdup_printf (
    /* The organization and everything below it. */
    "WITH RECURSIVE below (id) AS ("
    "  SELECT CAST (%1$" G_GINT64_FORMAT " AS BIGINT)" /* PostgreSQL: the ids' type */
    "  UNION SELECT o.id FROM organizations o JOIN below ON o.parent_id = below.id)"
    "%2$s SELECT 0, id, 1 FROM below%4$s;"
    /* Everyone who was ever affiliated with them. */
    "%2$s"
    "  SELECT DISTINCT 1, a.contact_id, 1 FROM affiliations a"
    "  WHERE a.organization_id IN (SELECT record_id FROM %3$s WHERE kind = 0)%4$s;"
    /* Their history. */
    "%2$s"
    "  SELECT 3, interaction_id, 1 FROM interaction_organizations"
    "  WHERE organization_id IN (SELECT record_id FROM %3$s WHERE kind = 0)"
    "  UNION SELECT 3, interaction_id, 1 FROM interaction_contacts"
    "  WHERE contact_id IN (SELECT record_id FROM %3$s WHERE kind = 1)%4$s;"
    "%2$s"
    "  SELECT 4, id, 1 FROM commitments"
    "  WHERE organization_id IN (SELECT record_id FROM %3$s WHERE kind = 0)"
    "     OR contact_id IN (SELECT record_id FROM %3$s WHERE kind = 1)"
    "     OR interaction_id IN (SELECT record_id FROM %3$s WHERE kind = 3)%4$s;"
    "%2$s"
    "  SELECT 5, concern_id, 1 FROM concern_parties"
    "  WHERE organization_id IN (SELECT record_id FROM %3$s WHERE kind = 0)"
    "     OR contact_id IN (SELECT record_id FROM %3$s WHERE kind = 1)"
    "  UNION SELECT 5, concern_id, 1 FROM concern_interactions"
    "  WHERE interaction_id IN (SELECT record_id FROM %3$s WHERE kind = 3)%4$s;"
    /* The projects they hold a stake in, and what those link to. */
    "%2$s"
    "  SELECT 6, project_id, 1 FROM project_stakeholders"
    "  WHERE organization_id IN (SELECT record_id FROM %3$s WHERE kind = 0)"
    "     OR contact_id IN (SELECT record_id FROM %3$s WHERE kind = 1)%4$s;"
    "%2$s"
    "  SELECT 3, interaction_id, 0 FROM project_links WHERE interaction_id IS NOT NULL"
    "    AND project_id IN (SELECT record_id FROM %3$s WHERE kind = 6)"
    "  UNION SELECT 4, commitment_id, 0 FROM project_links WHERE commitment_id IS NOT NULL"
    "    AND project_id IN (SELECT record_id FROM %3$s WHERE kind = 6)"
    "  UNION SELECT 5, concern_id, 0 FROM project_links WHERE concern_id IS NOT NULL"
    "    AND project_id IN (SELECT record_id FROM %3$s WHERE kind = 6)%4$s;"
    /* What those refer to, so that the file stands on its own. */
    "%2$s"
    "  SELECT 3, interaction_id, 0 FROM commitments"
    "  WHERE interaction_id IS NOT NULL"
    "    AND id IN (SELECT record_id FROM %3$s WHERE kind = 4)"
    "  UNION SELECT 3, interaction_id, 0 FROM concern_interactions"
    "  WHERE concern_id IN (SELECT record_id FROM %3$s WHERE kind = 5)%4$s;"
    "%2$s"
    "  SELECT 1, contact_id, 0 FROM interaction_contacts"
    "  WHERE interaction_id IN (SELECT record_id FROM %3$s WHERE kind = 3)"
    "  UNION SELECT 1, contact_id, 0 FROM commitments"
    "  WHERE contact_id IS NOT NULL"
    "    AND id IN (SELECT record_id FROM %3$s WHERE kind = 4)"
    "  UNION SELECT 1, contact_id, 0 FROM concern_parties"
    "  WHERE contact_id IS NOT NULL"
    "    AND concern_id IN (SELECT record_id FROM %3$s WHERE kind = 5)"
    "  UNION SELECT 1, contact_id, 0 FROM project_stakeholders"
    "  WHERE contact_id IS NOT NULL"
    "    AND project_id IN (SELECT record_id FROM %3$s WHERE kind = 6)"
    "  UNION SELECT 1, owner_id, 0 FROM project_risks"
    "  WHERE owner_id IS NOT NULL"
    "    AND project_id IN (SELECT record_id FROM %3$s WHERE kind = 6)%4$s;"
    "%2$s"
    "  SELECT 0, organization_id, 0 FROM interaction_organizations"
    "  WHERE interaction_id IN (SELECT record_id FROM %3$s WHERE kind = 3)"
    "  UNION SELECT 0, organization_id, 0 FROM commitments"
    "  WHERE organization_id IS NOT NULL"
    "    AND id IN (SELECT record_id FROM %3$s WHERE kind = 4)"
    "  UNION SELECT 0, organization_id, 0 FROM concern_parties"
    "  WHERE organization_id IS NOT NULL"
    "    AND concern_id IN (SELECT record_id FROM %3$s WHERE kind = 5)"
    "  UNION SELECT 0, organization_id, 0 FROM project_stakeholders"
    "  WHERE organization_id IS NOT NULL"
    "    AND project_id IN (SELECT record_id FROM %3$s WHERE kind = 6)"
    "  UNION SELECT 0, organization_id, 0 FROM affiliations"
    "  WHERE contact_id IN (SELECT record_id FROM %3$s WHERE kind = 1)%4$s;"
    "WITH RECURSIVE above (id) AS ("
    "  SELECT o.parent_id FROM organizations o"
    "  WHERE o.parent_id IS NOT NULL"
    "    AND o.id IN (SELECT record_id FROM %3$s WHERE kind = 0)"
    "  UNION SELECT o.parent_id FROM organizations o JOIN above ON o.id = above.id"
    "  WHERE o.parent_id IS NOT NULL)"
    "%2$s SELECT 0, id, 0 FROM above%4$s;",
    organization_id,
    /* PostgreSQL has no INSERT OR IGNORE: ON CONFLICT there (SQLite would need a WHERE after
     * each FROM to tell it from a join's ON). */
    server ? "INSERT INTO pg_temp.lia_scope" : "INSERT OR IGNORE INTO temp.lia_scope",
    server ? "pg_temp.lia_scope" : "temp.lia_scope",
    server ? " ON CONFLICT DO NOTHING" : "");

  return _lia_store_exec (self, sql, error);
}

/* The selection's table, in the schema of the connection's temporary tables. */
static const char *
scope_table (LiaStore *self)
{
  return _lia_store_is_server (self) ? "pg_temp.lia_scope" : "temp.lia_scope";
}

/* @what is a column list (ordered by uid) or an aggregate (not ordered). */
static char *
select_sql (LiaStore           *self,
            const LiaRecordOps *ops,
            const char         *what,
            gboolean            selected)
{
  const char *order = strchr (what, '(') != NULL && strchr (what, ',') == NULL ? "" : " ORDER BY uid";

  if (selected)
    return g_strdup_printf ("SELECT %s FROM %s"
                            " WHERE id IN (SELECT record_id FROM %s WHERE kind = %d)%s",
                            what, ops->table, scope_table (self), ops->kind, order);

  return g_strdup_printf ("SELECT %s FROM %s%s", what, ops->table, order);
}

static gboolean
check_kind (LiaRecordKind kind)
{
  return kind == LIA_RECORD_KIND_ORGANIZATION || kind == LIA_RECORD_KIND_CONTACT ||
         kind == LIA_RECORD_KIND_INTERACTION || kind == LIA_RECORD_KIND_COMMITMENT ||
         kind == LIA_RECORD_KIND_CONCERN || kind == LIA_RECORD_KIND_PROJECT;
}

gboolean
lia_store_foreach_record (LiaStore            *self,
                          LiaRecordKind        kind,
                          gboolean             selected,
                          LiaStoreRecordFunc   func,
                          gpointer             user_data,
                          GError             **error)
{
  const LiaRecordOps *ops;
  g_autofree char *sql = NULL;
  LiaStmt *stmt = NULL;
  gpointer previous = NULL;
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);
  g_return_val_if_fail (check_kind (kind), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  ops = _lia_record_ops_for_kind (kind);
  sql = select_sql (self, ops, ops->columns, selected);

  /* Not from the statement cache: @func may well load records of this kind itself. */
  if (_lia_db_prepare (_lia_store_get_db (self), sql, -1, LIA_DB_PREPARE_DEFAULT, &stmt, NULL) != LIA_DB_OK)
    {
      _lia_store_set_error_from_db (self, error, _("Could not prepare a database query"));
      return FALSE;
    }

  /* Every record: its lists are read alongside, in the same order (lia-store-stream.c). */
  if (!selected && !_lia_store_open_row_streams (self, kind, stmt, &previous, error))
    {
      _lia_db_finalize (stmt);
      return FALSE;
    }

  while (ok && (rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    {
      g_autoptr(LiaRecord) record = ops->from_row (self, stmt, error);

      ok = record != NULL
           && (ops->load_details == NULL || ops->load_details (self, record, error))
           && func (record, user_data, error);
    }

  if (ok && rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self, error, _("Could not read the database"));
      ok = FALSE;
    }

  if (!selected)
    _lia_store_close_row_streams (self, previous);
  _lia_db_finalize (stmt);
  return ok;
}

/* What an interaction's row gives the export; lia_store_foreach_interaction_row() reads these
 * columns by number. */
#define INTERACTION_ROW_COLUMNS \
  "id, uid, created_at, updated_at, kind, at_utc, at_offset, duration_minutes, title, location," \
  " summary, outcome, sentiment, cancelled"

/* Every uid of a kind by id, read in one pass, for the participants of every interaction:
 * a look-up in memory instead of a subquery into the table per participant (a third of
 * reading the interactions). Past a million records the subquery it is, to keep memory
 * bounded (about 40 bytes a record). */
static gint64 uid_table_max = 1000000;

void
_lia_store_set_uid_table_max (gint64 max)
{
  uid_table_max = max;
}

typedef struct
{
  gint64  id;
  gsize   offset;
} UidEntry;

typedef struct _LiaUidTable
{
  GArray   *entries;
  GString  *text;
  /* When the ids are close together: by id - first_id, where its uid starts in @text
   * (G_MAXUINT32 for none), so that a look-up is one read instead of a binary search through
   * the whole table (at 100,000 contacts, a cache miss at nearly every step). */
  guint32  *places;
  gint64    first_id;
  gsize     n_places;
} UidTable;

static void
uid_table_free (UidTable *table)
{
  if (table == NULL)
    return;
  g_array_unref (table->entries);
  g_string_free (table->text, TRUE);
  g_free (table->places);
  g_free (table);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UidTable, uid_table_free)

/* Fills @table's places when its ids are close enough together. */
static void
uid_table_place (UidTable *table)
{
  const UidEntry *entries = (const UidEntry *) (gpointer) table->entries->data;
  guint len = table->entries->len;
  gint64 span;

  if (len == 0)
    return;
  span = entries[len - 1].id - entries[0].id + 1;
  if (span <= 0 || span > 4 * (gint64) len + 4096 || table->text->len >= G_MAXUINT32)
    return;
  table->first_id = entries[0].id;
  table->n_places = (gsize) span;
  table->places = g_new (guint32, table->n_places);
  memset (table->places, 0xff, table->n_places * sizeof (guint32));
  for (guint i = 0; i < len; i++)
    table->places[entries[i].id - table->first_id] = (guint32) entries[i].offset;
}

/* Sets @out_table to %NULL when there are too many: use the subquery. @sql gives ids and their
 * uids in the order of the ids (a repeated id is taken once); @count_sql how many rows it
 * gives at most. */
static gboolean
uid_table_new_for (LiaStore    *self,
                   const char  *count_sql,
                   const char  *sql,
                   UidTable   **out_table,
                   GError     **error)
{
  g_autoptr(UidTable) table = NULL;
  g_autoptr(LiaStmt) counter = NULL;
  g_autoptr(LiaStmt) stmt = NULL;
  gint64 count;
  int rc;

  *out_table = NULL;
  if (!(counter = _lia_store_prepare (self, count_sql, error)))
    return FALSE;
  if (_lia_db_step (counter) != LIA_DB_ROW)
    {
      _lia_store_set_error_from_db (self, error, _("Could not read the database"));
      return FALSE;
    }
  count = _lia_db_column_int64 (counter, 0);
  if (count > uid_table_max)
    return TRUE;

  table = g_new0 (UidTable, 1);
  table->entries = g_array_sized_new (FALSE, FALSE, sizeof (UidEntry), (guint) count);
  table->text = g_string_sized_new ((gsize) count * 16);
  if (!(stmt = _lia_store_prepare (self, sql, error)))
    return FALSE;
  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    {
      UidEntry entry = { _lia_db_column_int64 (stmt, 0), table->text->len };

      if (table->entries->len > 0 &&
          g_array_index (table->entries, UidEntry, table->entries->len - 1).id == entry.id)
        continue;
      g_string_append (table->text, _lia_column_text (stmt, 1));
      g_string_append_c (table->text, '\0');
      g_array_append_val (table->entries, entry);
    }
  if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self, error, _("Could not read the database"));
      return FALSE;
    }
  uid_table_place (table);
  *out_table = g_steal_pointer (&table);
  return TRUE;
}

/* Every uid of @kind_table by id. */
static gboolean
uid_table_new (LiaStore    *self,
               const char  *kind_table,
               UidTable   **out_table,
               GError     **error)
{
  g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM %s", kind_table);
  g_autofree char *sql = g_strdup_printf ("SELECT id, uid FROM %s ORDER BY id", kind_table);

  return uid_table_new_for (self, count_sql, sql, out_table, error);
}

/* Where the uid of @id starts in @table's text, or G_MAXSIZE when there is none. */
static gsize
uid_table_find (UidTable *table,
                gint64    id)
{
  const UidEntry *entries = (const UidEntry *) (gpointer) table->entries->data;
  guint low = 0;
  guint high = table->entries->len;

  if (table->places != NULL)
    {
      guint32 offset;

      if (id < table->first_id || (guint64) (id - table->first_id) >= table->n_places)
        return G_MAXSIZE;
      offset = table->places[id - table->first_id];
      return offset == G_MAXUINT32 ? G_MAXSIZE : offset;
    }
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (entries[middle].id < id)
        low = middle + 1;
      else
        high = middle;
    }
  if (low < table->entries->len && entries[low].id == id)
    return entries[low].offset;
  return G_MAXSIZE;
}

/* The uid of @id, or %NULL when there is none. */
static const char *
uid_table_lookup_or_null (UidTable *table,
                          gint64    id)
{
  gsize offset = uid_table_find (table, id);

  return offset == G_MAXSIZE ? NULL : table->text->str + offset;
}

/* The uid of @id, or "" when there is none (the foreign keys see to it that there is). */
static const char *
uid_table_lookup (UidTable *table,
                  gint64    id)
{
  const char *uid = uid_table_lookup_or_null (table, id);

  return uid != NULL ? uid : "";
}

gboolean
_lia_uid_table_new (LiaStore     *self,
                    const char   *kind_table,
                    LiaUidTable **out_table,
                    GError      **error)
{
  return uid_table_new (self, kind_table, out_table, error);
}

const char *
_lia_uid_table_lookup (LiaUidTable *table,
                       gint64       id)
{
  return uid_table_lookup_or_null (table, id);
}

void
_lia_uid_table_free (LiaUidTable *table)
{
  uid_table_free (table);
}

/* The participants of one kind, for every interaction the walk reads, in its order; each
 * interaction's in no order (take_uids() puts them in theirs). Column 3 is the participant's
 * id when @with_uids is FALSE (look it up in a UidTable), else its uid. */
static LiaRowStream *
open_participants (LiaStore    *self,
                   const char  *table,
                   const char  *column,
                   const char  *kind_table,
                   gboolean     with_uids,
                   gboolean     selected,
                   GError     **error)
{
  g_autofree char *filter = NULL;
  g_autofree char *value = NULL;
  g_autofree char *sql = NULL;

  if (selected)
    filter = g_strdup_printf (" WHERE i.id IN (SELECT record_id FROM %s WHERE kind = %d)",
                              scope_table (self), LIA_RECORD_KIND_INTERACTION);
  /* The uid in a subquery, not a join: with three tables SQLite would rather scan the
   * participants by record and sort them all. Ordered by the interactions' uid alone, their
   * rows come in the order of the uid index, without a sort of each one's (twice as fast). */
  value = with_uids ? g_strdup_printf ("(SELECT r.uid FROM %s r WHERE r.id = p.%s)", kind_table, column)
                    : g_strdup_printf ("p.%s", column);
  sql = g_strdup_printf ("SELECT i.id, i.uid, p.position, %s"
                         " FROM interactions i JOIN %s p ON p.interaction_id = i.id%s"
                         " ORDER BY i.uid",
                         value, table, filter != NULL ? filter : "");
  return _lia_row_stream_new (self, sql, error);
}

typedef struct
{
  gint64  position;
  char   *uid;
} Participant;

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  const Participant *x = a;
  const Participant *y = b;

  return (x->position > y->position) - (x->position < y->position);
}

/* Takes the current record's rows from @stream: their uids (from @table when there is one),
 * copied into @uids in the order of their positions. @scratch: an array of Participant to
 * sort them in. */
static guint
take_uids (LiaRowStream *stream,
           UidTable     *table,
           gint64        id,
           const char   *uid,
           GArray       *scratch,
           GPtrArray    *uids)
{
  g_array_set_size (scratch, 0);
  for (; _lia_row_stream_at (stream, id, uid); _lia_row_stream_next (stream))
    {
      LiaStmt *row = _lia_row_stream_row (stream);
      const char *value = table != NULL ? uid_table_lookup (table, _lia_db_column_int64 (row, 3))
                                        : _lia_column_text (row, 3);
      Participant participant = { _lia_db_column_int64 (row, 2), g_strdup (value) };

      g_array_append_val (scratch, participant);
    }
  if (scratch->len > 1)
    g_array_sort (scratch, compare_positions);
  for (guint i = 0; i < scratch->len; i++)
    g_ptr_array_add (uids, g_array_index (scratch, Participant, i).uid);
  return scratch->len;
}

/* Every interaction's participants of one kind, read in one pass over their table in its own
 * order (by interaction id, no join and no sort in SQL) before the walk: for each interaction
 * id, its participants' places in a UidTable, in the order of their positions. Four bytes a
 * participant and four an interaction id. */
typedef struct
{
  gint64    first_id;
  /* By interaction id - first_id: where its participants start in @refs (one more at the end). */
  GArray   *starts;
  /* Where each participant's uid starts in the UidTable's text (G_MAXUINT32: none). */
  GArray   *refs;
} ParticipantIndex;

static void
participant_index_free (ParticipantIndex *index)
{
  if (index == NULL)
    return;
  g_array_unref (index->starts);
  g_array_unref (index->refs);
  g_free (index);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParticipantIndex, participant_index_free)

typedef struct
{
  gint64   position;
  guint32  ref;
} IndexedParticipant;

/* Ends the group of @scratch's participants (those of interaction @id) in @index. */
static void
participant_index_close (ParticipantIndex *index,
                         gint64            id,
                         GArray           *scratch)
{
  guint32 start = index->refs->len;
  guint32 end;

  /* Interactions between the last one and this one have none: they start and end here. */
  IndexedParticipant *group = (IndexedParticipant *) (gpointer) scratch->data;

  while ((gint64) index->starts->len <= id - index->first_id)
    g_array_append_val (index->starts, start);
  /* An interaction has a few: sorted in place (a sort call per interaction was 3% of an
   * export). */
  for (guint i = 1; i < scratch->len; i++)
    {
      IndexedParticipant participant = group[i];
      guint j = i;

      for (; j > 0 && group[j - 1].position > participant.position; j--)
        group[j] = group[j - 1];
      group[j] = participant;
    }
  for (guint i = 0; i < scratch->len; i++)
    g_array_append_val (index->refs, g_array_index (scratch, IndexedParticipant, i).ref);
  g_array_set_size (scratch, 0);
  end = index->refs->len;
  g_array_append_val (index->starts, end);
}

/* %NULL without an error when it would not pay (ids too far apart): then the streams. */
static gboolean
participant_index_new (LiaStore          *self,
                       const char        *table,
                       const char        *column,
                       UidTable          *uids,
                       ParticipantIndex **out_index,
                       GError           **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT interaction_id, position, %s FROM %s"
                                          " ORDER BY interaction_id", column, table);
  g_autoptr(ParticipantIndex) index = NULL;
  g_autoptr(GArray) scratch = NULL;
  g_autoptr(LiaStmt) range = NULL;
  g_autoptr(LiaStmt) stmt = NULL;
  gint64 current = 0;
  gint64 first_id, last_id, count;
  int rc;

  *out_index = NULL;
  if (!(range = _lia_store_prepare (self, "SELECT min(id), max(id), count(*) FROM interactions", error)))
    return FALSE;
  if (_lia_db_step (range) != LIA_DB_ROW)
    {
      _lia_store_set_error_from_db (self, error, _("Could not read the database"));
      return FALSE;
    }
  first_id = _lia_db_column_int64 (range, 0);
  last_id = _lia_db_column_int64 (range, 1);
  count = _lia_db_column_int64 (range, 2);
  if (count > uid_table_max || last_id - first_id > 4 * count + 4096 ||
      uids->text->len >= G_MAXUINT32)
    return TRUE;

  index = g_new0 (ParticipantIndex, 1);
  index->first_id = first_id;
  index->starts = g_array_sized_new (FALSE, FALSE, sizeof (guint32), (guint) (last_id - first_id + 2));
  index->refs = g_array_sized_new (FALSE, FALSE, sizeof (guint32), (guint) count * 2);
  scratch = g_array_new (FALSE, FALSE, sizeof (IndexedParticipant));
  if (!(stmt = _lia_store_prepare (self, sql, error)))
    return FALSE;
  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    {
      gint64 id = _lia_db_column_int64 (stmt, 0);
      gsize offset = uid_table_find (uids, _lia_db_column_int64 (stmt, 2));
      IndexedParticipant participant = {
        _lia_db_column_int64 (stmt, 1),
        offset == G_MAXSIZE ? G_MAXUINT32 : (guint32) offset,
      };

      /* Rows of interactions that appeared since the count are left for the next export. */
      if (id < first_id || id > last_id)
        continue;
      if (id != current && scratch->len > 0)
        participant_index_close (index, current, scratch);
      current = id;
      g_array_append_val (scratch, participant);
    }
  if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self, error, _("Could not read the database"));
      return FALSE;
    }
  if (scratch->len > 0)
    participant_index_close (index, current, scratch);
  *out_index = g_steal_pointer (&index);
  return TRUE;
}

/* The uids of interaction @id's participants from @index, added to @uids. */
static guint
take_indexed_uids (ParticipantIndex *index,
                   UidTable         *table,
                   gint64            id,
                   GPtrArray        *uids)
{
  const guint32 *starts = (const guint32 *) (gpointer) index->starts->data;
  const guint32 *refs = (const guint32 *) (gpointer) index->refs->data;
  gint64 slot = id - index->first_id;
  guint32 start, end;

  if (slot < 0 || slot + 1 >= (gint64) index->starts->len)
    return 0;
  start = starts[slot];
  end = starts[slot + 1];
  for (guint32 i = start; i < end; i++)
    g_ptr_array_add (uids, refs[i] == G_MAXUINT32 ? (char *) "" : table->text->str + refs[i]);
  return end - start;
}

gboolean
lia_store_foreach_interaction_row (LiaStore                    *self,
                                   gboolean                     selected,
                                   LiaStoreInteractionRowFunc   func,
                                   gpointer                     user_data,
                                   GError                     **error)
{
  const LiaRecordOps *ops;
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) uids = NULL;
  g_autoptr(GArray) scratch = NULL;
  g_autoptr(UidTable) contact_uids = NULL;
  g_autoptr(UidTable) organization_uids = NULL;
  g_autoptr(ParticipantIndex) contact_index = NULL;
  g_autoptr(ParticipantIndex) organization_index = NULL;
  LiaRowStream *contacts = NULL;
  LiaRowStream *organizations = NULL;
  LiaStmt *stmt = NULL;
  gboolean ok = TRUE;
  int rc = LIA_DB_DONE;

  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  ops = _lia_record_ops_for_kind (LIA_RECORD_KIND_INTERACTION);
  sql = select_sql (self, ops, INTERACTION_ROW_COLUMNS, selected);
  if (_lia_db_prepare (_lia_store_get_db (self), sql, -1, LIA_DB_PREPARE_DEFAULT, &stmt, NULL) != LIA_DB_OK)
    {
      _lia_store_set_error_from_db (self, error, _("Could not prepare a database query"));
      return FALSE;
    }
  if (!uid_table_new (self, "contacts", &contact_uids, error) ||
      !uid_table_new (self, "organizations", &organization_uids, error))
    {
      ok = FALSE;
      goto out;
    }
  /* Every interaction: its participants from memory, read in one pass. */
  if (!selected && contact_uids != NULL && organization_uids != NULL &&
      (!participant_index_new (self, "interaction_contacts", "contact_id", contact_uids,
                               &contact_index, error) ||
       (contact_index != NULL &&
        !participant_index_new (self, "interaction_organizations", "organization_id",
                                organization_uids, &organization_index, error))))
    {
      ok = FALSE;
      goto out;
    }
  if (organization_index == NULL &&
      (!(contacts = open_participants (self, "interaction_contacts", "contact_id", "contacts",
                                       contact_uids == NULL, selected, error)) ||
       !(organizations = open_participants (self, "interaction_organizations", "organization_id",
                                            "organizations", organization_uids == NULL, selected,
                                            error))))
    {
      ok = FALSE;
      goto out;
    }

  /* Borrowed from the uid tables with the index, else copies. */
  uids = g_ptr_array_new_with_free_func (organization_index != NULL ? NULL : g_free);
  scratch = g_array_new (FALSE, FALSE, sizeof (Participant));
  while (ok && (rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    {
      LiaInteractionRow row = { NULL, };
      gint64 id = _lia_db_column_int64 (stmt, 0);

      row.uid = _lia_column_text (stmt, 1);
            row.stamps = _lia_column_stamps (stmt, 2);
      row.kind = _lia_column_text (stmt, 4);
      row.has_at = _lia_db_column_type (stmt, 5) != LIA_DB_NULL;
      row.at_usec = _lia_db_column_int64 (stmt, 5);
      row.at_offset = _lia_db_column_int (stmt, 6);
      row.minutes = (guint) MAX (_lia_db_column_int (stmt, 7), 0);
      row.title = _lia_column_text (stmt, 8);
      row.location = _lia_column_text (stmt, 9);
      row.summary = _lia_column_text (stmt, 10);
      row.outcome = _lia_column_text (stmt, 11);
      row.sentiment = _lia_db_column_int (stmt, 12);
      row.cancelled = _lia_db_column_int (stmt, 13) != 0;

      g_ptr_array_set_size (uids, 0);
      if (organization_index != NULL)
        {
          row.n_contacts = take_indexed_uids (contact_index, contact_uids, id, uids);
          row.n_organizations = take_indexed_uids (organization_index, organization_uids, id, uids);
        }
      else
        {
          row.n_contacts = take_uids (contacts, contact_uids, id, row.uid, scratch, uids);
          row.n_organizations = take_uids (organizations, organization_uids, id, row.uid, scratch, uids);
          if (_lia_row_stream_failed (self, contacts, error) ||
              _lia_row_stream_failed (self, organizations, error))
            {
              ok = FALSE;
              break;
            }
        }
      if (uids->len > 0)
        {
          row.contacts = (const char * const *) uids->pdata;
          row.organizations = (const char * const *) uids->pdata + row.n_contacts;
        }

      ok = func (&row, user_data, error);
    }

  if (ok && rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self, error, _("Could not read the database"));
      ok = FALSE;
    }

out:
  _lia_row_stream_free (organizations);
  _lia_row_stream_free (contacts);
  _lia_db_finalize (stmt);
  return ok;
}

/* The columns lia_store_foreach_commitment_row() reads by number (the subqueries named, so
 * that ORDER BY uid is the commitment's on PostgreSQL too). */
#define COMMITMENT_ROW_COLUMNS \
  "uid, created_at, updated_at, direction, status, due_date, done_date," \
  " (SELECT r.uid FROM interactions r WHERE r.id = interaction_id) AS interaction_uid," \
  " (SELECT r.uid FROM contacts r WHERE r.id = contact_id) AS contact_uid," \
  " (SELECT r.uid FROM organizations r WHERE r.id = organization_id) AS organization_uid," \
  " title, notes"

/* The same with the ids of what a commitment refers to, for UidTables. */
#define COMMITMENT_ID_COLUMNS \
  "uid, created_at, updated_at, direction, status, due_date, done_date," \
  " interaction_id, contact_id, organization_id, title, notes"

/* The uids of every interaction a commitment refers to, in the order of their ids: a
 * subquery per commitment looked each one up in the interactions table, at full size far
 * larger than SQLite's page cache (a read of the file for nearly every commitment, 15% of an
 * export). */
#define COMMITMENT_INTERACTION_UIDS \
  "SELECT c.interaction_id, i.uid FROM commitments c CROSS JOIN interactions i" \
  " WHERE i.id = c.interaction_id ORDER BY c.interaction_id"

gboolean
lia_store_foreach_commitment_row (LiaStore                    *self,
                                  gboolean                     selected,
                                  LiaStoreCommitmentRowFunc    func,
                                  gpointer                     user_data,
                                  GError                     **error)
{
  const LiaRecordOps *ops;
  g_autofree char *sql = NULL;
  g_autoptr(UidTable) interaction_uids = NULL;
  g_autoptr(UidTable) contact_uids = NULL;
  g_autoptr(UidTable) organization_uids = NULL;
  gboolean by_id = FALSE;
  LiaStmt *stmt = NULL;
  gboolean ok = TRUE;
  int rc = LIA_DB_DONE;

  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  /* Everything: what the commitments refer to from memory, each kind read in one pass. */
  if (!selected)
    {
      if (!uid_table_new_for (self, "SELECT count(*) FROM commitments", COMMITMENT_INTERACTION_UIDS,
                              &interaction_uids, error) ||
          (interaction_uids != NULL && !uid_table_new (self, "contacts", &contact_uids, error)) ||
          (contact_uids != NULL && !uid_table_new (self, "organizations", &organization_uids, error)))
        return FALSE;
      by_id = organization_uids != NULL;
    }

  ops = _lia_record_ops_for_kind (LIA_RECORD_KIND_COMMITMENT);
  sql = select_sql (self, ops, by_id ? COMMITMENT_ID_COLUMNS : COMMITMENT_ROW_COLUMNS, selected);
  if (_lia_db_prepare (_lia_store_get_db (self), sql, -1, LIA_DB_PREPARE_DEFAULT, &stmt, NULL) != LIA_DB_OK)
    {
      _lia_store_set_error_from_db (self, error, _("Could not prepare a database query"));
      return FALSE;
    }

  while (ok && (rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    {
      LiaCommitmentRow row = {
        .uid = _lia_column_text (stmt, 0),
                .stamps = _lia_column_stamps (stmt, 1),
        .direction = _lia_column_text (stmt, 3),
        .status = _lia_column_text (stmt, 4),
        .due = _lia_column_iso_date (stmt, 5),
        .done = _lia_column_iso_date (stmt, 6),
        .title = _lia_column_text (stmt, 10),
        .notes = _lia_column_text (stmt, 11),
      };

      if (by_id)
        {
          if (_lia_db_column_type (stmt, 7) != LIA_DB_NULL)
            row.interaction = uid_table_lookup_or_null (interaction_uids, _lia_db_column_int64 (stmt, 7));
          if (_lia_db_column_type (stmt, 8) != LIA_DB_NULL)
            row.contact = uid_table_lookup_or_null (contact_uids, _lia_db_column_int64 (stmt, 8));
          if (_lia_db_column_type (stmt, 9) != LIA_DB_NULL)
            row.organization = uid_table_lookup_or_null (organization_uids, _lia_db_column_int64 (stmt, 9));
        }
      else
        {
          row.interaction = _lia_db_column_text (stmt, 7);
          row.contact = _lia_db_column_text (stmt, 8);
          row.organization = _lia_db_column_text (stmt, 9);
        }

      ok = func (&row, user_data, error);
    }

  if (ok && rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self, error, _("Could not read the database"));
      ok = FALSE;
    }
  _lia_db_finalize (stmt);
  return ok;
}

gboolean
lia_store_count_records (LiaStore       *self,
                         LiaRecordKind   kind,
                         gboolean        selected,
                         guint64        *out_count,
                         GError        **error)
{
  const LiaRecordOps *ops;
  g_autofree char *sql = NULL;
  g_autoptr(LiaStmt) stmt = NULL;

  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);
  g_return_val_if_fail (check_kind (kind), FALSE);
  g_return_val_if_fail (out_count != NULL, FALSE);

  ops = _lia_record_ops_for_kind (kind);
  sql = select_sql (self, ops, "count(*)", selected);
  if (!(stmt = _lia_store_prepare (self, sql, error)))
    return FALSE;

  if (_lia_db_step (stmt) != LIA_DB_ROW)
    {
      _lia_store_set_error_from_db (self, error, _("Could not read the database"));
      return FALSE;
    }

  *out_count = (guint64) _lia_db_column_int64 (stmt, 0);
  return TRUE;
}

GDateTime *
lia_store_get_last_change (LiaStore  *self,
                           gboolean   selected,
                           GError   **error)
{
  static const LiaRecordKind kinds[] = {
    LIA_RECORD_KIND_ORGANIZATION, LIA_RECORD_KIND_CONTACT, LIA_RECORD_KIND_INTERACTION,
    LIA_RECORD_KIND_COMMITMENT, LIA_RECORD_KIND_CONCERN, LIA_RECORD_KIND_PROJECT,
  };
  g_autoptr(GDateTime) last = NULL;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      const LiaRecordOps *ops = _lia_record_ops_for_kind (kinds[i]);
      g_autofree char *sql = select_sql (self, ops, "max(updated_at)", selected);
      g_autoptr(LiaStmt) stmt = NULL;
      g_autoptr(GDateTime) time = NULL;

      /* A contact's affiliations change with it, but are records of their own. */
      if (kinds[i] == LIA_RECORD_KIND_CONTACT)
        {
          g_free (sql);
          sql = selected
            ? g_strdup_printf ("SELECT max(updated_at) FROM ("
                               "  SELECT updated_at FROM contacts WHERE id IN"
                               "    (SELECT record_id FROM %1$s WHERE kind = 1)"
                               "  UNION ALL SELECT updated_at FROM affiliations WHERE contact_id IN"
                               "    (SELECT record_id FROM %1$s WHERE kind = 1)) AS changed",
                               scope_table (self))
            : g_strdup ("SELECT max(updated_at) FROM ("
                        "  SELECT updated_at FROM contacts"
                        "  UNION ALL SELECT updated_at FROM affiliations) AS changed");
        }

      if (!(stmt = _lia_store_prepare (self, sql, error)))
        return NULL;
      if (_lia_db_step (stmt) != LIA_DB_ROW)
        {
          _lia_store_set_error_from_db (self, error, _("Could not read the database"));
          return NULL;
        }
      if (_lia_db_column_type (stmt, 0) == LIA_DB_NULL)
        continue;

      time = _lia_column_time (stmt, 0);
      if (last == NULL || g_date_time_compare (time, last) > 0)
        {
          g_clear_pointer (&last, g_date_time_unref);
          last = g_steal_pointer (&time);
        }
    }

  return g_steal_pointer (&last);
}

static GArray *
collect_ids (LiaStore  *self,
             LiaStmt   *stmt,
             GError   **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    {
      gint64 id = _lia_db_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self, error, _("Could not read the database"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

GArray *
lia_store_find_contacts_by_email (LiaStore    *self,
                                  const char  *address,
                                  GError     **error)
{
  g_autoptr(LiaStmt) stmt = NULL;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);
  g_return_val_if_fail (address != NULL, NULL);

  /* COLLATE NOCASE on the comparison lets SQLite use contact_points_by_value (SQLite only: a
   * server compares lower () of both, which folds more than ASCII). */
  if (!(stmt = _lia_store_prepare (self,
                                   _lia_store_is_server (self)
                                   ? "SELECT DISTINCT contact_id FROM contact_points"
                                     " WHERE lower (value) = lower (?1) AND medium = 'email'"
                                     " ORDER BY contact_id"
                                   : "SELECT DISTINCT contact_id FROM contact_points"
                                     " WHERE value = ?1 COLLATE NOCASE AND medium = 'email'"
                                     " ORDER BY contact_id",
                                   error)))
    return NULL;
  _lia_bind_text (stmt, 1, address);

  return collect_ids (self, stmt, error);
}

static char *
fold_name (const char *name)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name));
  g_autofree char *normal = g_utf8_normalize (trimmed, -1, G_NORMALIZE_DEFAULT_COMPOSE);

  return g_utf8_casefold (normal != NULL ? normal : trimmed, -1);
}

static GArray *
find_organizations_by_name (LiaStore    *self,
                            const char  *name,
                            gboolean     accents,
                            GError     **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *key = NULL;
  g_autofree char *wanted = NULL;
  int rc;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  trimmed = g_strstrip (g_strdup (name));
  if (trimmed[0] == '\0')
    return g_steal_pointer (&ids);

  /* The sort key (case and accents folded) finds the candidates through organizations_by_name;
   * the accents must then match too. */
  key = _lia_sort_key (trimmed);
  wanted = fold_name (trimmed);
  if (!(stmt = _lia_store_prepare (self,
                                   "SELECT id, name FROM organizations WHERE sort_key = ?1 ORDER BY id",
                                   error)))
    return NULL;
  _lia_bind_text (stmt, 1, key);

  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    {
      gint64 id = _lia_db_column_int64 (stmt, 0);
      g_autofree char *folded = fold_name (_lia_column_text (stmt, 1));

      if (!accents || g_str_equal (folded, wanted))
        g_array_append_val (ids, id);
    }
  if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self, error, _("Could not read the database"));
      return NULL;
    }

  return g_steal_pointer (&ids);
}

GArray *
lia_store_find_organizations_by_name (LiaStore    *self,
                                      const char  *name,
                                      GError     **error)
{
  return find_organizations_by_name (self, name, TRUE, error);
}

GArray *
lia_store_find_organizations_by_folded_name (LiaStore    *self,
                                             const char  *name,
                                             GError     **error)
{
  return find_organizations_by_name (self, name, FALSE, error);
}

char *
lia_store_phone_digits (const char *phone)
{
  GString *digits = g_string_new (NULL);

  g_return_val_if_fail (phone != NULL, NULL);

  for (const char *p = phone; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  return g_string_free (digits, FALSE);
}

GHashTable *
lia_store_index_contact_phones (LiaStore  *self,
                                GError   **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  g_autoptr(GHashTable) index = NULL;
  int rc;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);

  if (!(stmt = _lia_store_prepare (self,
                                   "SELECT contact_id, value FROM contact_points"
                                   " WHERE medium = 'phone' ORDER BY contact_id",
                                   error)))
    return NULL;

  index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    {
      gint64 id = _lia_db_column_int64 (stmt, 0);
      g_autofree char *digits = lia_store_phone_digits (_lia_column_text (stmt, 1));
      GArray *ids;

      if (strlen (digits) < 5)
        continue;
      if (!(ids = g_hash_table_lookup (index, digits)))
        {
          ids = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_hash_table_insert (index, g_strdup (digits), ids);
        }
      if (ids->len == 0 || g_array_index (ids, gint64, ids->len - 1) != id)
        g_array_append_val (ids, id);
    }
  if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self, error, _("Could not read the database"));
      return NULL;
    }

  return g_steal_pointer (&index);
}

GArray *
lia_store_find_contacts_by_name_at (LiaStore    *self,
                                    const char  *name,
                                    gint64       organization_id,
                                    GError     **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  key = _lia_sort_key (name);
  if (!(stmt = _lia_store_prepare (self,
                                   "SELECT DISTINCT c.id FROM contacts c"
                                   " JOIN affiliations a ON a.contact_id = c.id"
                                   " WHERE c.sort_key = ?1 AND a.organization_id = ?2"
                                   " ORDER BY c.id",
                                   error)))
    return NULL;
  _lia_bind_text (stmt, 1, key);
  _lia_db_bind_int64 (stmt, 2, organization_id);

  return collect_ids (self, stmt, error);
}
