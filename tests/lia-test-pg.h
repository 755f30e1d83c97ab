/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A store test's cases on both backends (a contract): on a database file, and with
 * --postgresql on a database of its own in the throw-away cluster of tests/pg-cluster.sh
 * (LIAISON_TEST_PG, a connection string for its superuser); skipped without one.
 * Header-only, like lia-test-util.h. */

#include <unistd.h>

#include <libpq-fe.h>

#include "lia-server.h"
#include "lia-test-util.h"

G_BEGIN_DECLS

static const char *pg_cluster;  /* NULL: the cases run on a file */

static inline void
pg_cluster_exec (const char *sql)
{
  PGconn *conn = PQconnectdb (pg_cluster);
  PGresult *result;

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("%s: %s", pg_cluster, PQerrorMessage (conn));
  result = PQexec (conn, sql);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  PQclear (result);
  PQfinish (conn);
}

/* Runs @sql on the fixture's database, a file or a server's (portable SQL only). */
static inline void
lia_test_pg_sql (StoreFixture *f,
                 const char   *sql)
{
  PGconn *conn;
  PGresult *result;

  if (pg_cluster == NULL)
    {
      lia_test_sql (f->path, sql);
      return;
    }

  conn = PQconnectdb (f->path);
  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("%s: %s", f->dir, PQerrorMessage (conn));
  result = PQexec (conn, sql);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  PQclear (result);
  PQfinish (conn);
}

/* On PostgreSQL, f->dir is the database's name and f->path its connection string, which
 * lia_test_reopen() opens again as it does a file. */
static inline void
lia_test_pg_fixture_setup (StoreFixture  *f,
                      gconstpointer  data)
{
  static guint n;
  g_autoptr(GError) error = NULL;
  g_autofree char *create = NULL;
  PGconn *conn;

  if (pg_cluster == NULL)
    {
      store_fixture_setup (f, data);
      return;
    }

  f->dir = g_strdup_printf ("lia_test_%d_%u", (int) getpid (), n++);
  create = g_strdup_printf ("CREATE DATABASE %s", f->dir);
  pg_cluster_exec (create);
  f->path = g_strdup_printf ("%s dbname=%s", pg_cluster, f->dir);

  /* As `liaison server init` makes it. */
  conn = lia_server_connect (f->path, &error);
  g_assert_no_error (error);
  lia_server_init (conn, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  PQfinish (conn);

  f->store = lia_test_open (f->path);
}

static inline void
lia_test_pg_fixture_teardown (StoreFixture  *f,
                         gconstpointer  data)
{
  g_autofree char *drop = NULL;

  if (pg_cluster == NULL)
    {
      store_fixture_teardown (f, data);
      return;
    }

  if (f->store != NULL)
    g_assert_finalize_object (G_OBJECT (g_steal_pointer (&f->store)));
  drop = g_strdup_printf ("DROP DATABASE %s WITH (FORCE)", f->dir);
  pg_cluster_exec (drop);
  g_clear_pointer (&f->path, g_free);
  g_clear_pointer (&f->dir, g_free);
}

/* Takes --postgresql out of the arguments, after g_test_init()'s turn. Returns FALSE when the
 * cases are to run on a server and there is none: the caller then returns the exit status
 * *skip (77, or 0 under TAP, which has printed a plan of nothing as a skip). */
static inline gboolean
lia_test_pg_init (int    *argc,
                  char ***argv,
                  int    *skip)
{
  gboolean postgresql = FALSE;
  gboolean tap = FALSE;
  int n_args = 1;

  for (int i = 1; i < *argc; i++)
    {
      if (g_strcmp0 ((*argv)[i], "--postgresql") == 0)
        {
          postgresql = TRUE;
          continue;
        }
      if (g_strcmp0 ((*argv)[i], "--tap") == 0)
        tap = TRUE;
      (*argv)[n_args++] = (*argv)[i];
    }
  *argc = n_args;
  (*argv)[*argc] = NULL;

  g_test_init (argc, argv, NULL);

  if (postgresql)
    {
      pg_cluster = g_getenv ("LIAISON_TEST_PG");
      if (pg_cluster == NULL || pg_cluster[0] == '\0')
        {
          /* Under TAP a plan of nothing is reported as SKIP, otherwise the exit status 77. */
          g_print ("1..0 # SKIP no PostgreSQL test cluster (LIAISON_TEST_PG)\n");
          *skip = tap ? 0 : 77;
          return FALSE;
        }
    }

  return TRUE;
}

/* ct-store: the store's suites on both backends. */

/* The first column of the first row of @query (portable SQL) on the fixture's database, a
 * file or a server's, as text: NULL when there is no row or the value is NULL. */
static inline char *
lia_test_pg_sql_text (StoreFixture *f,
                      const char   *query)
{
  PGconn *conn;
  PGresult *result;
  char *value = NULL;

  if (pg_cluster == NULL)
    return lia_test_sql_text (f->path, query);

  conn = PQconnectdb (f->path);
  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("%s: %s", f->dir, PQerrorMessage (conn));
  result = PQexec (conn, query);
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", query, PQresultErrorMessage (result));
  if (PQntuples (result) > 0 && !PQgetisnull (result, 0, 0))
    value = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  PQfinish (conn);
  return value;
}

/* The same as an integer: -1 when there is no row. */
static inline gint64
lia_test_pg_sql_int (StoreFixture *f,
                     const char   *query)
{
  g_autofree char *text = NULL;

  if (pg_cluster == NULL)
    return lia_test_sql_int (f->path, query);
  text = lia_test_pg_sql_text (f, query);
  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : -1;
}

/* Runs @sql, which the database is expected to refuse as breaking one of its constraints (a
 * CHECK, a foreign or unique key): TRUE when it was refused so, with the database's message in
 * @errmsg_out. */
static inline gboolean
lia_test_pg_sql_violates (StoreFixture  *f,
                          const char    *sql,
                          char         **errmsg_out)
{
  PGconn *conn;
  PGresult *result;
  const char *state;
  gboolean violates;

  if (pg_cluster == NULL)
    return (lia_test_sql_try (f->path, sql, errmsg_out) & 0xff) == SQLITE_CONSTRAINT;

  conn = PQconnectdb (f->path);
  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("%s: %s", f->dir, PQerrorMessage (conn));
  result = PQexec (conn, sql);
  state = PQresultErrorField (result, PG_DIAG_SQLSTATE);
  /* Class 23: integrity constraint violation. */
  violates = PQresultStatus (result) == PGRES_FATAL_ERROR && state != NULL && g_str_has_prefix (state, "23");
  *errmsg_out = g_strdup (PQresultErrorMessage (result));
  PQclear (result);
  PQfinish (conn);
  return violates;
}

/* A suite of many cases makes each one's database as a copy of one that `liaison server init`
 * made once (CREATE DATABASE … TEMPLATE: about a third of the time of making the schema again
 * here). The same as lia_test_pg_fixture_setup() otherwise; tear down with
 * lia_test_pg_fixture_teardown(). The template goes when the process exits. */
#include <stdlib.h>

static char *lia_test_pg_template;

static inline void
lia_test_pg_template_drop (void)
{
  g_autofree char *drop = g_strdup_printf ("DROP DATABASE IF EXISTS %s", lia_test_pg_template);
  PGconn *conn = PQconnectdb (pg_cluster);

  /* At exit, the cluster may be gone already: nothing to report then. */
  if (PQstatus (conn) == CONNECTION_OK)
    PQclear (PQexec (conn, drop));
  PQfinish (conn);
  g_clear_pointer (&lia_test_pg_template, g_free);
}

static inline void
lia_test_pg_template_fixture_setup (StoreFixture  *f,
                                    gconstpointer  data)
{
  static guint n;
  g_autofree char *create = NULL;

  if (pg_cluster == NULL)
    {
      store_fixture_setup (f, data);
      return;
    }

  if (lia_test_pg_template == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *location = NULL;
      PGconn *conn;

      lia_test_pg_template = g_strdup_printf ("lia_test_%d_template", (int) getpid ());
      create = g_strdup_printf ("CREATE DATABASE %s", lia_test_pg_template);
      pg_cluster_exec (create);
      g_clear_pointer (&create, g_free);
      atexit (lia_test_pg_template_drop);

      location = g_strdup_printf ("%s dbname=%s", pg_cluster, lia_test_pg_template);
      conn = lia_server_connect (location, &error);
      g_assert_no_error (error);
      lia_server_init (conn, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      /* A template takes no copy while anyone is connected to it. */
      PQfinish (conn);
    }

  f->dir = g_strdup_printf ("lia_test_%d_t%u", (int) getpid (), n++);
  create = g_strdup_printf ("CREATE DATABASE %s TEMPLATE %s", f->dir, lia_test_pg_template);
  pg_cluster_exec (create);
  f->path = g_strdup_printf ("%s dbname=%s", pg_cluster, f->dir);
  f->store = lia_test_open (f->path);
}

/* ---- ct-exchange: the exchange suites' files, second databases and a digest of the whole
 * database, on either backend (SQL with a result: lia_test_pg_sql_text/_int, above). ---- */

/* On a server f->dir is a database's name: files a case writes go to this folder instead,
 * made by lia_test_pg_files_setup() and removed by its teardown. */
static char *lia_test_pg_scratch;
/* Databases lia_test_pg_new_database() gave a case, given back at its teardown. */
static GPtrArray *lia_test_pg_extra_databases;

static inline PGconn *
lia_test_pg_connect_fixture (StoreFixture *f)
{
  PGconn *conn = PQconnectdb (f->path);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("%s: %s", f->dir, PQerrorMessage (conn));
  return conn;
}

/* The path of a file named @name beside the fixture's database (its folder for a file). */
static inline char *
lia_test_pg_file (StoreFixture *f,
                  const char   *name)
{
  return g_build_filename (pg_cluster != NULL ? lia_test_pg_scratch : f->dir, name, NULL);
}

/* Databases on the server cost seconds to make on a busy machine, and the exchange suites
 * want hundreds (one per case, per real file, per second store). The first is initialized as
 * `liaison server init` makes it; a case gives its databases back emptied (every table's rows
 * but the schema's own, schema_version and "collation", with identities restarted: as
 * lia_server_init() left it), and the next case takes one from this pool. What is left
 * goes at the process's exit. */
static GPtrArray *lia_test_pg_pool;
static guint lia_test_pg_n_databases;

static inline void
lia_test_pg_drop_pool (void)
{
  if (lia_test_pg_pool == NULL)
    return;
  for (guint i = 0; i < lia_test_pg_pool->len; i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP DATABASE %s WITH (FORCE)",
                                               (char *) g_ptr_array_index (lia_test_pg_pool, i));
      pg_cluster_exec (drop);
    }
  g_clear_pointer (&lia_test_pg_pool, g_ptr_array_unref);
}

/* An empty, initialized database on the server: its name in @out_dbname, and its connection
 * string. */
static inline char *
lia_test_pg_take_database (char **out_dbname)
{
  char *dbname;

  if (lia_test_pg_pool == NULL)
    {
      lia_test_pg_pool = g_ptr_array_new_with_free_func (g_free);
      atexit (lia_test_pg_drop_pool);
    }

  if (lia_test_pg_pool->len > 0)
    {
      dbname = g_ptr_array_steal_index (lia_test_pg_pool, lia_test_pg_pool->len - 1);
    }
  else
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *create = NULL;
      g_autofree char *location = NULL;
      PGconn *conn;

      dbname = g_strdup_printf ("lia_test_%d_x%u", (int) getpid (), lia_test_pg_n_databases++);
      create = g_strdup_printf ("CREATE DATABASE %s", dbname);
      pg_cluster_exec (create);
      location = g_strdup_printf ("%s dbname=%s", pg_cluster, dbname);
      conn = lia_server_connect (location, &error);
      g_assert_no_error (error);
      lia_server_init (conn, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      PQfinish (conn);
    }

  *out_dbname = dbname;
  return g_strdup_printf ("%s dbname=%s", pg_cluster, dbname);
}

/* Empties @dbname (no store may have it open) and puts it in the pool. */
static inline void
lia_test_pg_give_back (char *dbname)
{
  g_autofree char *location = g_strdup_printf ("%s dbname=%s", pg_cluster, dbname);
  PGconn *conn = PQconnectdb (location);
  PGresult *result;

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("%s: %s", dbname, PQerrorMessage (conn));
  /* A killed client's server process may still hold its locks for a moment: TRUNCATE waits. */
  result = PQexec (conn,
                   "DO $$ BEGIN EXECUTE (SELECT 'TRUNCATE ' || string_agg (quote_ident (tablename), ', ')"
                   "   || ' RESTART IDENTITY CASCADE' FROM pg_tables WHERE schemaname = current_schema ()"
                   "   AND tablename NOT IN ('schema_version', 'collation')); END $$");
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("emptying %s: %s", dbname, PQresultErrorMessage (result));
  PQclear (result);
  PQfinish (conn);
  g_ptr_array_add (lia_test_pg_pool, dbname);
}

/* Where to open a second, empty store: @name in the fixture's folder for a file; on a server
 * another database, given back at the teardown. */
static inline char *
lia_test_pg_new_database (StoreFixture *f,
                          const char   *name)
{
  char *dbname = NULL;
  char *location;

  if (pg_cluster == NULL)
    return g_build_filename (f->dir, name, NULL);

  location = lia_test_pg_take_database (&dbname);
  if (lia_test_pg_extra_databases == NULL)
    lia_test_pg_extra_databases = g_ptr_array_new ();
  g_ptr_array_add (lia_test_pg_extra_databases, dbname);
  return location;
}

/* Done with a database of lia_test_pg_new_database() before the case ends (its store closed):
 * on a server it goes back to the pool at once, for the next one a loop asks for. */
static inline void
lia_test_pg_done_with_database (const char *location)
{
  if (pg_cluster == NULL || lia_test_pg_extra_databases == NULL)
    return;
  for (guint i = 0; i < lia_test_pg_extra_databases->len; i++)
    {
      char *dbname = g_ptr_array_index (lia_test_pg_extra_databases, i);
      g_autofree char *suffix = g_strconcat (" dbname=", dbname, NULL);

      if (g_str_has_suffix (location, suffix))
        {
          g_ptr_array_remove_index (lia_test_pg_extra_databases, i);
          lia_test_pg_give_back (dbname);
          return;
        }
    }
  g_error ("%s is not a database of this case", location);
}

/* As lia_test_pg_fixture_setup(), with a database from the pool, and a folder for files. */
static inline void
lia_test_pg_files_setup (StoreFixture  *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (pg_cluster == NULL)
    {
      store_fixture_setup (f, data);
      return;
    }

  f->path = lia_test_pg_take_database (&f->dir);
  f->store = lia_test_open (f->path);
  lia_test_pg_scratch = g_dir_make_tmp ("liaison-test-XXXXXX", &error);
  g_assert_no_error (error);
}

static inline void
lia_test_pg_files_teardown (StoreFixture  *f,
                            gconstpointer  data)
{
  if (pg_cluster == NULL)
    {
      store_fixture_teardown (f, data);
      return;
    }

  if (f->store != NULL)
    g_assert_finalize_object (G_OBJECT (g_steal_pointer (&f->store)));
  lia_test_pg_give_back (g_steal_pointer (&f->dir));
  g_clear_pointer (&f->path, g_free);
  if (lia_test_pg_extra_databases != NULL)
    {
      for (guint i = 0; i < lia_test_pg_extra_databases->len; i++)
        lia_test_pg_give_back (g_ptr_array_index (lia_test_pg_extra_databases, i));
      g_clear_pointer (&lia_test_pg_extra_databases, g_ptr_array_unref);
    }
  lia_test_remove_recursive (lia_test_pg_scratch);
  g_clear_pointer (&lia_test_pg_scratch, g_free);
}

static inline int
lia_test_pg_compare_strings (gconstpointer a,
                             gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Every table of the fixture's database with its number of rows and a digest of its rows,
 * one line each ("organizations 12 9f86…"): equal before and after means the contents are the
 * same, row for row, on either backend (a digest is only compared on the same backend). On a
 * server, sequences are left out: PostgreSQL never gives back a number a rolled-back
 * transaction took, and no record holds it. */
static inline char *
lia_test_pg_digest (StoreFixture *f)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (pg_cluster == NULL)
    {
      sqlite3 *db = lia_test_raw_open (f->path, FALSE);
      sqlite3_stmt *tables = NULL;

      if (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table'"
                                  " ORDER BY name", -1, &tables, NULL) != SQLITE_OK)
        g_error ("%s: %s", f->path, sqlite3_errmsg (db));
      while (sqlite3_step (tables) == SQLITE_ROW)
        {
          const char *name = (const char *) sqlite3_column_text (tables, 0);
          g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", name);
          g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
          g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
          sqlite3_stmt *stmt = NULL;

          if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
            g_error ("%s: %s", sql, sqlite3_errmsg (db));
          while (sqlite3_step (stmt) == SQLITE_ROW)
            {
              GString *row = g_string_new (NULL);

              for (int i = 0; i < sqlite3_column_count (stmt); i++)
                {
                  int type = sqlite3_column_type (stmt, i);
                  const void *blob = sqlite3_column_blob (stmt, i);
                  int n = sqlite3_column_bytes (stmt, i);
                  g_autofree char *hex = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                                      blob != NULL ? blob : (const void *) "", n);

                  g_string_append_printf (row, "%d:%s|", type, type == SQLITE_NULL ? "" : hex);
                }
              g_ptr_array_add (rows, g_string_free (row, FALSE));
            }
          sqlite3_finalize (stmt);
          g_ptr_array_sort (rows, lia_test_pg_compare_strings);
          for (guint i = 0; i < rows->len; i++)
            g_checksum_update (checksum, g_ptr_array_index (rows, i), -1);
          g_string_append_printf (out, "%s %u %s\n", name, rows->len, g_checksum_get_string (checksum));
        }
      sqlite3_finalize (tables);
      g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
    }
  else
    {
      PGconn *conn = lia_test_pg_connect_fixture (f);
      PGresult *tables = PQexec (conn, "SELECT quote_ident (tablename) FROM pg_tables"
                                       " WHERE schemaname = current_schema () ORDER BY 1");

      if (PQresultStatus (tables) != PGRES_TUPLES_OK)
        g_error ("%s: %s", f->dir, PQresultErrorMessage (tables));
      for (int t = 0; t < PQntuples (tables); t++)
        {
          const char *name = PQgetvalue (tables, t, 0);
          g_autofree char *sql = g_strdup_printf ("SELECT count(*), coalesce (md5 (string_agg (r::text, E'\\n'"
                                                  " ORDER BY r::text COLLATE \"C\")), '') FROM %s r", name);
          PGresult *result = PQexec (conn, sql);

          if (PQresultStatus (result) != PGRES_TUPLES_OK)
            g_error ("%s: %s", sql, PQresultErrorMessage (result));
          g_string_append_printf (out, "%s %s %s\n", name, PQgetvalue (result, 0, 0),
                                  PQgetvalue (result, 0, 1));
          PQclear (result);
        }
      PQclear (tables);
      PQfinish (conn);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---- end of ct-exchange ---- */

/* ct-ui: the window and editor suites on both backends. */

/* A folder of its own for the files a case writes (exports, pictures): f->dir on a file, a
 * new temporary folder on a server, where f->dir is the database's name. Free it with
 * lia_test_pg_files_dir_free(). */
static inline char *
lia_test_pg_files_dir (StoreFixture *f)
{
  g_autoptr(GError) error = NULL;
  char *dir;

  if (pg_cluster == NULL)
    return g_strdup (f->dir);
  dir = g_dir_make_tmp ("liaison-test-XXXXXX", &error);
  g_assert_no_error (error);
  return dir;
}

static inline void
lia_test_pg_files_dir_free (StoreFixture *f,
                            char         *dir)
{
  if (dir == NULL)
    return;
  if (pg_cluster != NULL)
    lia_test_remove_recursive (dir);
  g_free (dir);
}

/* Who the store saves as, what the history and a conflict name: the login on a file, the
 * connection string's user on a server (the change log's trigger writes the database user). */
static inline char *
lia_test_pg_author (void)
{
  PQconninfoOption *options;
  char *user = NULL;

  if (pg_cluster == NULL)
    return g_strdup (g_get_user_name ());

  options = PQconninfoParse (pg_cluster, NULL);
  if (options == NULL)
    g_error ("Not a connection string: %s", pg_cluster);
  for (guint i = 0; options[i].keyword != NULL; i++)
    if (strcmp (options[i].keyword, "user") == 0 && options[i].val != NULL)
      user = g_strdup (options[i].val);
  PQconninfoFree (options);
  /* libpq's default: the login. */
  return user != NULL ? user : g_strdup (g_get_user_name ());
}

/* Tears the fixture down as lia_test_pg_fixture_teardown() does, once no connection to its
 * database is left on the server after its store is finalized: a window that watches the
 * server's NOTIFYs, a second store or a thread's connection must all have let go (DROP …
 * WITH (FORCE) would end them without a word). A connection may take a moment to leave
 * pg_stat_activity after PQfinish(). */
static inline void
lia_test_pg_ui_fixture_teardown (StoreFixture  *f,
                                 gconstpointer  data)
{
  g_autofree char *query = NULL;
  PGconn *conn;
  gint64 left = -1;

  if (pg_cluster == NULL)
    {
      lia_test_pg_fixture_teardown (f, data);
      return;
    }

  if (f->store != NULL)
    g_assert_finalize_object (G_OBJECT (g_steal_pointer (&f->store)));

  conn = PQconnectdb (pg_cluster);
  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("%s: %s", pg_cluster, PQerrorMessage (conn));
  query = g_strdup_printf ("SELECT count(*) FROM pg_stat_activity WHERE datname = '%s'", f->dir);
  for (guint attempt = 0; attempt < 250 && left != 0; attempt++)
    {
      PGresult *result = PQexec (conn, query);

      if (PQresultStatus (result) != PGRES_TUPLES_OK)
        g_error ("%s: %s", query, PQresultErrorMessage (result));
      left = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
      PQclear (result);
      if (left != 0)
        g_usleep (20 * 1000);
    }
  PQfinish (conn);
  if (left != 0)
    g_error ("%" G_GINT64_FORMAT " connection(s) to %s still open after the store was finalized",
             left, f->dir);

  lia_test_pg_fixture_teardown (f, data);
}

/* ct-briefing: a case's files go in lia_test_pg_files_dir() (above). */

/* Where no database is: a file in @files_dir, or a database of the cluster that was never
 * created (lia_test_pg_location_exists() tells whether opening it made it). */
static inline char *
lia_test_pg_missing_location (const char *files_dir)
{
  if (pg_cluster == NULL)
    return g_build_filename (files_dir, "missing.db", NULL);
  return g_strdup_printf ("%s dbname=lia_test_%d_missing", pg_cluster, (int) getpid ());
}

/* Whether @location (from lia_test_pg_missing_location()) is there now: the file, or a
 * database one can connect to. */
static inline gboolean
lia_test_pg_location_exists (const char *location)
{
  PGconn *conn;
  gboolean exists;

  if (pg_cluster == NULL)
    return g_file_test (location, G_FILE_TEST_EXISTS);

  conn = PQconnectdb (location);
  exists = PQstatus (conn) == CONNECTION_OK;
  PQfinish (conn);
  return exists;
}

/* imp-hash: the files the exchange suites import: the sample partner directory, and files a
 * test writes into the fixture's folder (lia_test_pg_file()). */
static inline char *
lia_test_pg_sample_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "samples", "regional-health-office.xml", NULL);
}

static inline char *
lia_test_pg_write_file (StoreFixture *f,
                        const char   *name,
                        const char   *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = lia_test_pg_file (f, name);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

G_END_DECLS
