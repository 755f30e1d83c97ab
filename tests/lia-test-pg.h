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

G_END_DECLS
