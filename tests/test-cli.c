/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The `liaison` command line as a script or a person uses it: the real binary, its exit
 * status and what it prints. With --postgresql the same cases run on a database of the
 * throw-away cluster (tests/pg-cluster.sh), passing its connection string where the file's
 * path goes; cases about a file only are skipped there, and the server's own failures (no
 * server, no schema, no such database) have cases of their own. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>

#include "lia-test-pg.h"

typedef struct
{
  char *tmpdir;
  char *db_path;     /* tmpdir/test.db, filled by fill_database(); on a server its connection string */
  char **env;
  StoreFixture server;  /* on a server: the database made for the case */
} Fixture;

/* user_data of the cases that never open a database: on a server they make none. */
#define NO_DATABASE GINT_TO_POINTER (1)

/* A case about a database file only (g_test_skip() on a server): TRUE when it is to stop. */
static gboolean
skip_on_server (const char *why)
{
  if (pg_cluster == NULL)
    return FALSE;
  g_test_skip (why);
  return TRUE;
}

/* The user a change is logged under: the database user on a server, the login on a file. */
static char *
dup_change_author (Fixture *fixture)
{
  if (pg_cluster == NULL)
    return g_strdup (g_get_user_name ());
  return lia_test_pg_sql_text (&fixture->server, "SELECT current_user");
}

/* A connection string for a database the cluster does not have, or a file beside the
 * fixture's that is not there. */
static char *
dup_missing_database (Fixture    *fixture,
                      const char *name)
{
  if (pg_cluster != NULL)
    return g_strdup_printf ("%s dbname=%s", pg_cluster, name);
  return g_strdup_printf ("%s/%s.db", fixture->tmpdir, name);
}

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static const char *
liaison_binary (void)
{
  const char *binary = g_getenv ("LIAISON_BINARY");

  g_assert_nonnull (binary);
  g_assert_true (g_file_test (binary, G_FILE_TEST_IS_EXECUTABLE));
  return binary;
}

/* Runs liaison with @args (NULL-terminated) in @env and waits for it. */
static void
run_liaison (char       **env,
             Run         *run,
             const char  *first_arg,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  g_ptr_array_add (argv, (char *) liaison_binary ());
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_environ (launcher, env);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);

  if (g_test_verbose ())
    g_printerr ("status %d\nstdout:\n%s\nstderr:\n%s\n", run->status, run->out, run->err);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n')
        n++;
    }

  return n;
}

static gboolean
matches (const char *text,
         const char *pattern)
{
  return g_regex_match_simple (pattern, text, G_REGEX_MULTILINE, 0);
}

static void
save (LiaStore  *store,
      gpointer   record)
{
  g_autoptr(GError) error = NULL;

  lia_store_save (store, LIA_RECORD (record), &error);
  g_assert_no_error (error);
}

/* 2 organizations (one with an accented name), 3 contacts, 3 affiliations, 2 interactions,
 * 2 commitments of which one is open and overdue, 1 open concern. */
static void
fill_database (const char *path)
{
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaOrganization) zurich = lia_organization_new ("Universität Zürich");
  g_autoptr(LiaOrganization) who = lia_organization_new ("World Health Organization");
  g_autoptr(LiaContact) amina = lia_contact_new ("Amina", "Diallo");
  g_autoptr(LiaContact) jonas = lia_contact_new ("Jonas", "Keller");
  g_autoptr(LiaContact) mei = lia_contact_new ("Mei", "Tanaka");
  g_autoptr(LiaAffiliation) a1 = NULL;
  g_autoptr(LiaAffiliation) a2 = NULL;
  g_autoptr(LiaAffiliation) a3 = NULL;
  g_autoptr(GDateTime) at1 = g_date_time_new_from_iso8601 ("2024-03-12T09:30:00+01:00", NULL);
  g_autoptr(GDateTime) at2 = g_date_time_new_from_iso8601 ("2024-05-02T14:00:00+02:00", NULL);
  g_autoptr(LiaInteraction) meeting = NULL;
  g_autoptr(LiaInteraction) call = NULL;
  g_autoptr(LiaCommitment) overdue = lia_commitment_new (LIA_COMMITMENT_DIRECTION_OURS, "Send the draft agreement");
  g_autoptr(LiaCommitment) done = lia_commitment_new (LIA_COMMITMENT_DIRECTION_THEIRS, "Share the visit report");
  g_autoptr(LiaConcern) concern = lia_concern_new ("Data sharing terms");
  g_autoptr(GDate) due = lia_date_new_today ();

  store = lia_store_open (path, &error);
  g_assert_no_error (error);

  lia_store_begin (store, &error);
  g_assert_no_error (error);

  lia_organization_set_notes (zurich, "Research partner in Zürich since 2019.");
  save (store, zurich);
  save (store, who);
  save (store, amina);
  save (store, jonas);
  save (store, mei);

  a1 = lia_affiliation_new (lia_record_get_id (LIA_RECORD (jonas)), lia_record_get_id (LIA_RECORD (zurich)), "Head of international relations");
  a2 = lia_affiliation_new (lia_record_get_id (LIA_RECORD (amina)), lia_record_get_id (LIA_RECORD (who)), "Country liaison");
  a3 = lia_affiliation_new (lia_record_get_id (LIA_RECORD (mei)), lia_record_get_id (LIA_RECORD (who)), "Programme officer");
  save (store, a1);
  save (store, a2);
  save (store, a3);

  meeting = lia_interaction_new (LIA_INTERACTION_KIND_MEETING, at1, "Kick-off in Zürich");
  lia_interaction_add_contact (meeting, lia_record_get_id (LIA_RECORD (jonas)));
  lia_interaction_add_organization (meeting, lia_record_get_id (LIA_RECORD (zurich)));
  save (store, meeting);
  call = lia_interaction_new (LIA_INTERACTION_KIND_CALL, at2, "Follow-up call");
  lia_interaction_add_contact (call, lia_record_get_id (LIA_RECORD (amina)));
  save (store, call);

  g_date_subtract_days (due, 10);
  lia_commitment_set_due_date (overdue, due);
  lia_commitment_set_organization_id (overdue, lia_record_get_id (LIA_RECORD (zurich)));
  save (store, overdue);
  lia_commitment_set_status (done, LIA_COMMITMENT_STATUS_DONE);
  save (store, done);
  save (store, concern);

  lia_store_commit (store, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;

  fixture->tmpdir = g_dir_make_tmp ("liaison-test-cli-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->tmpdir, "test.db", NULL);
  data_home = g_build_filename (fixture->tmpdir, "data-home", NULL);

  /* The parent's environment carries what the sanitizers and GLib's debugging need; the rest
   * is set so that output is stable and no real database is near. */
  fixture->env = g_get_environ ();
  fixture->env = g_environ_setenv (fixture->env, "LC_ALL", "C.UTF-8", TRUE);
  fixture->env = g_environ_unsetenv (fixture->env, "LANGUAGE");
  fixture->env = g_environ_unsetenv (fixture->env, "LIAISON_DATABASE");
  fixture->env = g_environ_setenv (fixture->env, "HOME", fixture->tmpdir, TRUE);
  fixture->env = g_environ_setenv (fixture->env, "XDG_DATA_HOME", data_home, TRUE);

  if (pg_cluster != NULL && user_data != NO_DATABASE)
    {
      /* As `liaison server init` leaves it; the cases reach it by its connection string. */
      lia_test_pg_template_fixture_setup (&fixture->server, NULL);
      lia_test_close (&fixture->server);
      g_free (fixture->db_path);
      fixture->db_path = g_strdup (fixture->server.path);
    }
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->server.path != NULL)
    lia_test_pg_fixture_teardown (&fixture->server, NULL);
  remove_tree (fixture->tmpdir);
  g_clear_pointer (&fixture->tmpdir, g_free);
  g_clear_pointer (&fixture->db_path, g_free);
  g_clear_pointer (&fixture->env, g_strfreev);
}

/* Runs @sql (portable SQL) on the fixture's database, bypassing the store. */
static void
fixture_sql (Fixture    *fixture,
             const char *sql)
{
  if (pg_cluster == NULL)
    lia_test_sql (fixture->db_path, sql);
  else
    lia_test_pg_sql (&fixture->server, sql);
}

/* A few changes with known authors and times: an organization added, a contact added with its
 * tags (rows 2-4 of the log, one line), the organization renamed, the contact deleted with its
 * tags (rows 6-8, one line; its uid is still named), and a change another program made (no
 * author on a file; on a server every writer is a database user). */
static void
fill_changes (Fixture *fixture)
{
  const char *path = fixture->db_path;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaOrganization) who = lia_organization_new ("World Health Organization");
  g_autoptr(LiaContact) amina = lia_contact_new ("Amina", "Diallo");

  store = lia_store_open (path, &error);
  g_assert_no_error (error);
  lia_record_set_uid (LIA_RECORD (who), "org-who");
  save (store, who);
  lia_record_set_uid (LIA_RECORD (amina), "contact-amina");
  lia_contact_set_tags (amina, (const char * const[]) { "donor", "health", NULL });
  save (store, amina);
  lia_organization_set_name (who, "WHO");
  save (store, who);
  g_assert_true (lia_store_delete (store, LIA_RECORD (amina), &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  fixture_sql (fixture,
               "UPDATE change_log SET author = 'amina',"
               "  changed_at = 1767261600000000 + seq * 60000000;"
               "UPDATE organizations SET notes = 'From a script';"
               "UPDATE change_log SET changed_at = 1767261600000000 + seq * 60000000"
               "  WHERE author IS NULL OR author <> 'amina';");
}

static void
test_changes (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) csv = { 0 };
  g_auto(Run) since = { 0 };
  g_auto(Run) bad = { 0 };
  g_autofree char *script = pg_cluster != NULL ? dup_change_author (fixture) : NULL;
  g_autofree char *expected = NULL;
  g_autofree char *expected_csv = NULL;

  fill_changes (fixture);

  run_liaison (fixture->env, &run, "changes", "--database", fixture->db_path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  expected = g_strdup_printf ("1  2026-01-01T10:01:00Z  amina  insert  organization  org-who\n"
                              "4  2026-01-01T10:04:00Z  amina  insert  contact  contact-amina\n"
                              "5  2026-01-01T10:05:00Z  amina  update  organization  org-who\n"
                              "8  2026-01-01T10:08:00Z  amina  delete  contact  contact-amina\n"
                              "9  2026-01-01T10:09:00Z  %s  update  organization  org-who\n",
                              script != NULL ? script : "-");
  g_assert_cmpstr (run.out, ==, expected);

  run_liaison (fixture->env, &csv, "changes", "--database", fixture->db_path, "--format", "csv",
               "--since", "4", NULL);
  g_assert_cmpint (csv.status, ==, 0);
  expected_csv = g_strdup_printf ("5,2026-01-01T10:05:00Z,amina,update,organization,org-who\r\n"
                                  "8,2026-01-01T10:08:00Z,amina,delete,contact,contact-amina\r\n"
                                  "9,2026-01-01T10:09:00Z,%s,update,organization,org-who\r\n",
                                  script != NULL ? script : "");
  g_assert_cmpstr (csv.out, ==, expected_csv);

  run_liaison (fixture->env, &since, "changes", "--database", fixture->db_path, "--since", "9", NULL);
  g_assert_cmpint (since.status, ==, 0);
  g_assert_cmpstr (since.out, ==, "");

  run_liaison (fixture->env, &bad, "changes", "--database", fixture->db_path, "--since", "-1", NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_cmpstr (bad.out, ==, "");
}

static void
test_history (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) csv = { 0 };
  g_auto(Run) missing = { 0 };
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaOrganization) who = lia_organization_new ("World Health Organization");

  store = lia_store_open (fixture->db_path, &error);
  g_assert_no_error (error);
  lia_record_set_uid (LIA_RECORD (who), "org-who");
  save (store, who);
  lia_organization_set_sector (who, "Health");
  save (store, who);
  lia_organization_set_name (who, "WHO");
  lia_organization_set_sector (who, "");
  save (store, who);
  g_clear_object (&store);
  fixture_sql (fixture, "UPDATE field_history SET author = 'amina',"
                        "  changed_at = 1767261600000000 + seq * 60000000");

  run_liaison (fixture->env, &run, "history", "--database", fixture->db_path, "org-who", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==,
                   "2026-01-01T10:01:00Z  amina  sector: - → Health\n"
                   "2026-01-01T10:02:00Z  amina  name: World Health Organization → WHO\n"
                   "2026-01-01T10:03:00Z  amina  sector: Health → -\n");

  run_liaison (fixture->env, &csv, "history", "--database", fixture->db_path, "--format", "csv",
               "org-who", NULL);
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_cmpstr (csv.out, ==,
                   "2026-01-01T10:01:00Z,amina,sector,,Health\r\n"
                   "2026-01-01T10:02:00Z,amina,name,World Health Organization,WHO\r\n"
                   "2026-01-01T10:03:00Z,amina,sector,Health,\r\n");

  run_liaison (fixture->env, &missing, "history", "--database", fixture->db_path, "org-none", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_cmpstr (missing.out, ==, "");
  g_assert_true (matches (missing.err, "org-none"));
}

/* --follow prints what another connection commits, and ends cleanly on SIGTERM. */
static void
test_changes_follow (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(LiaOrganization) who = lia_organization_new ("World Health Organization");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *author = dup_change_author (fixture);

  store = lia_store_open (fixture->db_path, &error);
  g_assert_no_error (error);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_environ (launcher, fixture->env);
  process = g_subprocess_launcher_spawn (launcher, &error, liaison_binary (), "changes", "--follow",
                                         "--database", fixture->db_path, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));

  /* Started before anything was written: the organization comes as it commits. */
  g_usleep (300 * 1000);
  lia_record_set_uid (LIA_RECORD (who), "org-who");
  save (store, who);
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  expected = g_strdup_printf ("^1  \\S+Z  %s  insert  organization  org-who$", author);
  g_assert_true (g_regex_match_simple (expected, line, 0, 0));

  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
}

static void
test_version (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_auto(Run) run = { 0 };

  run_liaison (fixture->env, &run, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "liaison " PACKAGE_VERSION "\n");
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_help (Fixture       *fixture,
           gconstpointer  user_data)
{
  const char *forms[] = { "--help", "-h", "help" };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_auto(Run) run = { 0 };

      run_liaison (fixture->env, &run, forms[i], NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_true (matches (run.out, "^  stats +\\S"));
      g_assert_true (matches (run.out, "^  search +\\S"));
      g_assert_true (matches (run.out, "^  check +\\S"));
      g_assert_true (matches (run.out, "--database"));
    }
}

static void
test_command_help (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) via_help = { 0 };

  run_liaison (fixture->env, &run, "search", "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (matches (run.out, "liaison search .*QUERY"));
  g_assert_true (matches (run.out, "--limit"));
  g_assert_true (matches (run.out, "--kind"));
  g_assert_true (matches (run.out, "--database"));

  run_liaison (fixture->env, &via_help, "help", "search", NULL);
  g_assert_cmpint (via_help.status, ==, 0);
  g_assert_cmpstr (via_help.out, ==, run.out);

  /* Help never needs a database: none was created. */
  g_assert_false (g_file_test (fixture->db_path, G_FILE_TEST_EXISTS));
}

static void
assert_usage_error (Run        *run,
                    const char *pattern)
{
  g_assert_cmpint (run->status, ==, 2);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_cmpuint (count_lines (run->err), ==, 1);
  if (!matches (run->err, pattern))
    g_error ("“%s” does not match “%s”", run->err, pattern);
}

static void
test_unknown_command (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) help = { 0 };

  run_liaison (fixture->env, &run, "frobnicate", NULL);
  assert_usage_error (&run, "^liaison: unknown command “frobnicate”\\. Try “liaison --help”\\.$");

  run_liaison (fixture->env, &help, "help", "frobnicate", NULL);
  assert_usage_error (&help, "“frobnicate”");
}

static void
test_unknown_option (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) limit = { 0 };
  g_auto(Run) kind = { 0 };
  g_auto(Run) extra = { 0 };

  fill_database (fixture->db_path);

  run_liaison (fixture->env, &run, "stats", "--database", fixture->db_path, "--frobnicate", NULL);
  assert_usage_error (&run, "^liaison stats: .*--frobnicate.*liaison stats --help");

  run_liaison (fixture->env, &limit, "search", "--database", fixture->db_path, "--limit", "0", "zur", NULL);
  assert_usage_error (&limit, "--limit");

  run_liaison (fixture->env, &kind, "search", "--database", fixture->db_path, "--kind", "planet", "zur", NULL);
  assert_usage_error (&kind, "“planet”");

  run_liaison (fixture->env, &extra, "check", "--database", fixture->db_path, "now", NULL);
  assert_usage_error (&extra, "“now”");
}

/* How the CLI names the database: a file by its path, a server as everywhere else
 * ("this computer:PORT/DATABASE as USER"). */
static char *
shown_name (const char *db_path)
{
  if (pg_cluster != NULL)
    return lia_server_describe_location (db_path);
  return g_strdup (db_path);
}

static void
test_stats (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path_line = NULL;
  g_autofree char *named = shown_name (fixture->db_path);
  g_autofree char *escaped_path = g_regex_escape_string (named, -1);

  fill_database (fixture->db_path);

  run_liaison (fixture->env, &run, "stats", "--database", fixture->db_path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  path_line = g_strdup_printf ("^Database +%s$", escaped_path);
  g_assert_true (matches (run.out, path_line));
  g_assert_true (matches (run.out, "^Schema version +[0-9]+$"));
  /* A server's size is not a file's: a dash. */
  if (pg_cluster == NULL)
    g_assert_true (matches (run.out, "^Size on disk +[0-9.]+(?: |\u00a0)[kM]B$"));
  else
    g_assert_true (matches (run.out, "^Size on disk +—$"));
  g_assert_true (matches (run.out, "^Organizations +2$"));
  g_assert_true (matches (run.out, "^Contacts +3$"));
  g_assert_true (matches (run.out, "^Affiliations +3$"));
  g_assert_true (matches (run.out, "^Interactions +2$"));
  g_assert_true (matches (run.out, "^Commitments +2  \\(1 open, 1 overdue\\)$"));
  g_assert_true (matches (run.out, "^Concerns +1  \\(1 open\\)$"));
}

static void
test_stats_aligned (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GRegex) count = NULL;
  g_autoptr(GMatchInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  int column = -1;
  guint n = 0;

  fill_database (fixture->db_path);

  run_liaison (fixture->env, &run, "stats", "--database", fixture->db_path, NULL);
  g_assert_cmpint (run.status, ==, 0);

  /* The counts end in the same column, so that they can be compared at a glance. */
  count = g_regex_new ("^(Organizations|Contacts|Affiliations|Interactions|Commitments|Concerns) +([0-9,]+)",
                       G_REGEX_MULTILINE, 0, &error);
  g_assert_no_error (error);
  g_regex_match (count, run.out, 0, &info);
  while (g_match_info_matches (info))
    {
      int line_start = 0, end = 0;

      g_match_info_fetch_pos (info, 0, &line_start, NULL);
      g_match_info_fetch_pos (info, 2, NULL, &end);
      if (column < 0)
        column = end - line_start;
      g_assert_cmpint (end - line_start, ==, column);
      n++;
      g_match_info_next (info, NULL);
    }
  g_assert_cmpuint (n, ==, 6);
}

static void
test_stats_missing_database (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *folder = g_build_filename (fixture->tmpdir, "nowhere", NULL);
  g_autofree char *missing = g_build_filename (folder, "missing.db", NULL);
  g_autofree char *expected = NULL;

  if (skip_on_server ("file only: a missing file and its folder (/cli/server/* for a server)"))
    return;

  run_liaison (fixture->env, &run, "stats", "--database", missing, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  expected = g_strdup_printf ("No Liaison database at “%s”.\n", missing);
  g_assert_true (g_str_has_suffix (run.err, expected));

  /* Reading must not create a database (or its folder) by mistake. */
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

static void
test_search (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) several = { 0 };
  g_auto(Run) only = { 0 };

  fill_database (fixture->db_path);

  run_liaison (fixture->env, &run, "search", "--database", fixture->db_path, "zur", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  /* A heading per kind, then the title with its uid, then the passage with the match marked. */
  g_assert_true (matches (run.out, "^Organizations$"));
  g_assert_true (matches (run.out, "^  Universität Zürich \\(\\S+\\)$"));
  g_assert_true (matches (run.out, "^    .*\\[Zür[^]]*\\]"));
  g_assert_true (matches (run.out, "^Interactions$"));
  g_assert_true (matches (run.out, "^  Kick-off in Zürich \\(\\S+\\)$"));
  g_assert_false (matches (run.out, "World Health"));
  g_assert_false (matches (run.out, "^Contacts$"));

  /* The words are joined: every one must match. */
  run_liaison (fixture->env, &several, "search", "--database", fixture->db_path, "world", "heal", NULL);
  g_assert_cmpint (several.status, ==, 0);
  g_assert_true (matches (several.out, "^  World Health Organization \\(\\S+\\)$"));
  g_assert_false (matches (several.out, "Zürich"));

  run_liaison (fixture->env, &only, "search", "--database", fixture->db_path, "--kind", "interaction", "zur", NULL);
  g_assert_cmpint (only.status, ==, 0);
  g_assert_false (matches (only.out, "^Organizations$"));
  g_assert_true (matches (only.out, "^Interactions$"));
}

static void
test_search_limit (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  g_autoptr(GRegex) title = NULL;
  g_autoptr(GMatchInfo) info = NULL;
  guint n = 0;

  {
    g_autoptr(LiaStore) store = lia_store_open (fixture->db_path, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < 5; i++)
      {
        g_autofree char *name = g_strdup_printf ("Geneva office %u", i + 1);
        g_autoptr(LiaOrganization) organization = lia_organization_new (name);

        save (store, organization);
      }
  }

  run_liaison (fixture->env, &run, "search", "--database", fixture->db_path, "--limit", "3", "geneva", NULL);
  g_assert_cmpint (run.status, ==, 0);

  title = g_regex_new ("^  Geneva office", G_REGEX_MULTILINE, 0, &error);
  g_assert_no_error (error);
  g_regex_match (title, run.out, 0, &info);
  while (g_match_info_matches (info))
    {
      n++;
      g_match_info_next (info, NULL);
    }
  g_assert_cmpuint (n, ==, 3);
}

static void
test_search_no_results (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_auto(Run) run = { 0 };

  fill_database (fixture->db_path);

  run_liaison (fixture->env, &run, "search", "--database", fixture->db_path, "quokka", "habitat", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "No results for “quokka habitat”.\n");
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_search_without_words (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) blank = { 0 };

  fill_database (fixture->db_path);

  run_liaison (fixture->env, &run, "search", "--database", fixture->db_path, NULL);
  assert_usage_error (&run, "^liaison search: ");

  run_liaison (fixture->env, &blank, "search", "--database", fixture->db_path, "  ", NULL);
  assert_usage_error (&blank, "^liaison search: ");
}

static void
test_check_healthy (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *expected = NULL;
  g_autofree char *named = NULL;

  fill_database (fixture->db_path);

  run_liaison (fixture->env, &run, "check", "--database", fixture->db_path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  named = shown_name (fixture->db_path);
  expected = g_strdup_printf ("No problems found in “%s”.\n", named);
  g_assert_cmpstr (run.out, ==, expected);
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_check_not_a_database (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) garbage = g_string_new (NULL);
  g_autofree char *after = NULL;
  g_auto(Run) run = { 0 };
  gsize length;

  if (skip_on_server ("file only: a file that is not a database (/cli/server/no-schema for a server)"))
    return;

  for (guint i = 0; i < 200; i++)
    g_string_append (garbage, "These are meeting notes, not a database. ");
  g_file_set_contents (fixture->db_path, garbage->str, garbage->len, &error);
  g_assert_no_error (error);

  run_liaison (fixture->env, &run, "check", "--database", fixture->db_path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  /* One message, for people. */
  g_assert_cmpuint (count_lines (run.err), >=, 1);
  g_assert_true (g_str_has_prefix (run.err, "liaison: "));
  g_assert_cmpuint (strlen (run.err), >, strlen ("liaison: ") + 10);

  /* And the file is left as it was. */
  g_file_get_contents (fixture->db_path, &after, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, garbage->len);
  g_assert_cmpstr (after, ==, garbage->str);
}

static void
test_check_problems (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *count_line = NULL;
  g_autofree char *named = shown_name (fixture->db_path);
  g_autofree char *escaped_path = g_regex_escape_string (named, -1);

  fill_database (fixture->db_path);

  /* Damage that the store's API would never let through: two organizations, each the parent
   * of the other. */
  fixture_sql (fixture,
               "UPDATE organizations SET parent_id = (SELECT max (id) FROM organizations)"
               " WHERE id = (SELECT min (id) FROM organizations);"
               "UPDATE organizations SET parent_id = (SELECT min (id) FROM organizations)"
               " WHERE id = (SELECT max (id) FROM organizations);");

  run_liaison (fixture->env, &run, "check", "--database", fixture->db_path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (matches (run.out, "^.*Universität Zürich.*$"));
  g_assert_true (matches (run.out, "^.*World Health Organization.*$"));
  count_line = g_strdup_printf ("\\n2 problems found in “%s”\\.\\n$", escaped_path);
  g_assert_true (matches (run.out, count_line));
  g_assert_cmpuint (count_lines (run.out), ==, 3);
}

static void
test_empty_file (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  g_autofree char *contents = NULL;
  gsize length;

  if (skip_on_server ("file only: an empty file (/cli/server/no-schema for a server)"))
    return;

  g_file_set_contents (fixture->db_path, "", 0, &error);
  g_assert_no_error (error);

  run_liaison (fixture->env, &run, "stats", "--database", fixture->db_path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpuint (count_lines (run.err), ==, 1);

  /* SQLite would take the empty file for a new database; reading leaves it alone. */
  g_file_get_contents (fixture->db_path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, 0);
}

static void
test_database_from_environment (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) overridden = { 0 };
  g_autofree char *path_line = NULL;
  g_autofree char *named = shown_name (fixture->db_path);
  g_autofree char *escaped_path = g_regex_escape_string (named, -1);
  g_autofree char *other = dup_missing_database (fixture, "other");

  fill_database (fixture->db_path);
  fixture->env = g_environ_setenv (fixture->env, "LIAISON_DATABASE", fixture->db_path, TRUE);

  run_liaison (fixture->env, &run, "stats", NULL);
  g_assert_cmpint (run.status, ==, 0);
  path_line = g_strdup_printf ("^Database +%s$", escaped_path);
  g_assert_true (matches (run.out, path_line));
  g_assert_true (matches (run.out, "^Organizations +2$"));

  /* --database wins over the environment. */
  run_liaison (fixture->env, &overridden, "stats", "--database", other, NULL);
  g_assert_cmpint (overridden.status, ==, 1);
  g_assert_true (matches (overridden.err, "other"));
}

static void
test_default_database (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *expected = g_build_filename (fixture->tmpdir, "data-home", "liaison", "liaison.db", NULL);

  if (skip_on_server ("file only: the default database is a file under XDG_DATA_HOME"))
    return;

  /* Neither --database nor LIAISON_DATABASE: the desktop application's own database, under
   * XDG_DATA_HOME; it does not exist yet, and stats does not make it. */
  run_liaison (fixture->env, &run, "stats", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, expected));
  g_assert_false (g_file_test (expected, G_FILE_TEST_EXISTS));
}

/* The server counterparts of a missing file: a server that does not answer (no cluster
 * needed), a database without Liaison's schema, a database that is not there. Each says what
 * failed and where in one line, never a password, exits with 1 and changes nothing. */
static void
test_server_unreachable (Fixture       *fixture,
                         gconstpointer  user_data)
{
  const char *commands[] = { "stats", "changes", "check", "export" };
  g_auto(Run) with_password = { 0 };
  g_auto(Run) uri_password = { 0 };
  g_auto(Run) from_environment = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0 };

      if (g_str_equal (commands[i], "export"))
        run_liaison (fixture->env, &run, commands[i], "--database", "host=/nonexistent dbname=x", "-", NULL);
      else
        run_liaison (fixture->env, &run, commands[i], "--database", "host=/nonexistent dbname=x", NULL);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_cmpuint (count_lines (run.err), ==, 1);
      g_assert_true (matches (run.err, "^liaison: Could not connect to this computer/x as [^:]*: .*/nonexistent"));
      /* Not a read-only account's message: nothing was refused, nothing was reached. */
      g_assert_false (matches (run.err, "may not change data"));
      /* libpq's reason and its hint on the next line stay two sentences on the one line. */
      g_assert_false (matches (run.err, "[[:alnum:]] Is the server"));
    }

  /* A password on the command line: refused before connecting, and never repeated. */
  run_liaison (fixture->env, &with_password, "stats", "--database",
               "host=/nonexistent dbname=x password=s3cret", NULL);
  g_assert_cmpint (with_password.status, ==, 1);
  g_assert_cmpuint (count_lines (with_password.err), ==, 1);
  g_assert_true (matches (with_password.err, "~/\\.pgpass"));
  g_assert_false (matches (with_password.err, "s3cret"));
  g_assert_false (matches (with_password.err, "may not change data"));
  run_liaison (fixture->env, &uri_password, "history", "--database",
               "postgresql://amina:s3cret@db.example.invalid/liaison", "org-who", NULL);
  g_assert_cmpint (uri_password.status, ==, 1);
  g_assert_true (matches (uri_password.err, "db\\.example\\.invalid"));
  g_assert_false (matches (uri_password.err, "s3cret"));

  /* The same from the environment. */
  fixture->env = g_environ_setenv (fixture->env, "LIAISON_DATABASE", "postgresql:///x?host=/nonexistent", TRUE);
  run_liaison (fixture->env, &from_environment, "search", "zur", NULL);
  g_assert_cmpint (from_environment.status, ==, 1);
  g_assert_cmpuint (count_lines (from_environment.err), ==, 1);
  g_assert_true (matches (from_environment.err, "/nonexistent"));
}

/* A database on the server that `liaison server init` has not set up: reading commands say
 * so and leave it empty (on a file: /cli/stats/empty-file, /cli/check/not-a-database). */
static void
test_server_no_schema (Fixture       *fixture,
                       gconstpointer  user_data)
{
  const char *commands[] = { "stats", "check", "changes", "search" };
  g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s_bare", fixture->server.dir);
  g_autofree char *drop = g_strdup_printf ("DROP DATABASE %s_bare WITH (FORCE)", fixture->server.dir);
  g_autofree char *bare = g_strdup_printf ("%s dbname=%s_bare", pg_cluster, fixture->server.dir);
  StoreFixture bare_db = { .dir = fixture->server.dir, .path = bare };

  pg_cluster_exec (create);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0 };
      g_autofree char *tables = NULL;

      if (g_str_equal (commands[i], "search"))
        run_liaison (fixture->env, &run, commands[i], "--database", bare, "zur", NULL);
      else
        run_liaison (fixture->env, &run, commands[i], "--database", bare, NULL);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_cmpuint (count_lines (run.err), ==, 1);
      g_assert_true (g_str_has_prefix (run.err, "liaison: "));
      g_assert_true (matches (run.err, "liaison server init"));
      tables = lia_test_pg_sql_text (&bare_db, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'");
      g_assert_cmpstr (tables, ==, "0");
    }
  pg_cluster_exec (drop);
}

/* A database the server does not have: named in the message, and not created. */
static void
test_server_no_such_database (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autofree char *missing = dup_missing_database (fixture, "not_there");
  g_autofree char *exists = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) import = { 0 };
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                   "regional-health-office.xml", NULL);

  run_liaison (fixture->env, &run, "stats", "--database", missing, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  g_assert_true (matches (run.err, "\"not_there\" does not exist"));

  /* Writing commands make no database either: that is `liaison server init`'s. */
  run_liaison (fixture->env, &import, "import", "--database", missing, sample, NULL);
  g_assert_cmpint (import.status, ==, 1);
  g_assert_true (matches (import.err, "not_there"));
  exists = lia_test_pg_sql_text (&fixture->server, "SELECT count(*) FROM pg_database WHERE datname = 'not_there'");
  g_assert_cmpstr (exists, ==, "0");
}

static char *
write_beside (Fixture    *fixture,
              const char *name,
              const char *contents)
{
  char *path = g_build_filename (fixture->tmpdir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static void
test_import (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                   "regional-health-office.xml", NULL);
  g_auto(Run) dry = { 0 };
  g_auto(Run) run = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) stats = { 0 };

  /* A dry run says what would happen and creates no database. */
  run_liaison (fixture->env, &dry, "import", "--dry-run", "--database", fixture->db_path, sample, NULL);
  g_assert_cmpint (dry.status, ==, 0);
  g_assert_true (matches (dry.out, "Nothing was changed"));
  g_assert_true (matches (dry.out, "^  interactions +300 +0 +0$"));
  if (pg_cluster == NULL)
    g_assert_false (g_file_test (fixture->db_path, G_FILE_TEST_EXISTS));
  else
    {
      g_auto(Run) empty = { 0 };

      run_liaison (fixture->env, &empty, "stats", "--database", fixture->db_path, NULL);
      g_assert_cmpint (empty.status, ==, 0);
      g_assert_true (matches (empty.out, "^Interactions +0$"));
    }

  run_liaison (fixture->env, &run, "import", "--database", fixture->db_path, sample, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (matches (run.out, "^Imported .*regional-health-office.xml.* \\(partner directory\\)"));
  g_assert_true (matches (run.out, "^ +created +updated +unchanged$"));
  g_assert_true (matches (run.out, "^  organizations +17 +0 +0$"));
  g_assert_true (matches (run.out, "^  interactions +300 +0 +0$"));

  /* The same file again: a merge that creates nothing. */
  run_liaison (fixture->env, &again, "import", "--database", fixture->db_path, sample, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_true (matches (again.out, "^  interactions +0 +0 +300$"));

  run_liaison (fixture->env, &stats, "stats", "--database", fixture->db_path, NULL);
  g_assert_true (matches (stats.out, "Interactions +300"));
}

/* The sample directory in the fixture's database. */
static void
import_sample (Fixture *fixture)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                   "regional-health-office.xml", NULL);
  g_auto(Run) run = { 0 };

  run_liaison (fixture->env, &run, "import", "--database", fixture->db_path, sample, NULL);
  g_assert_cmpint (run.status, ==, 0);
}

static void
test_stakeholders (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_auto(Run) opposed = { 0 };
  g_auto(Run) quiet = { 0 };
  g_auto(Run) text = { 0 };
  g_auto(Run) bad = { 0 };

  import_sample (fixture);

  /* "Who is influential and opposed?", as of a fixed day so that the figures stay put. */
  run_liaison (fixture->env, &opposed, "stakeholders", "--database", fixture->db_path,
               "--today", "2026-12-04", "--influence", "4..5", "--stance", "opposed",
               "--format", "csv", NULL);
  g_assert_cmpint (opposed.status, ==, 0);
  g_assert_cmpstr (opposed.out, ==,
                   "id,kind,name,influence,interest,stance,last_contact,health,cadence_days,due\r\n"
                   "c-043,contact,Corinne Lafargue,4,2,opposed,2026-11-02,84,60,2027-01-01\r\n");

  /* "Whom have I not contacted in 90 days?": every row's last contact is older, or none. */
  run_liaison (fixture->env, &quiet, "stakeholders", "--database", fixture->db_path,
               "--today", "2026-12-04", "--not-contacted", "90", "--sort", "last-contact",
               "--format", "csv", NULL);
  g_assert_cmpint (quiet.status, ==, 0);
  {
    g_auto(GStrv) lines = g_strsplit (quiet.out, "\r\n", -1);
    g_autoptr(GDate) limit = lia_date_parse_iso ("2026-09-05", NULL);
    guint n = 0;

    for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++, n++)
      {
        g_auto(GStrv) cells = g_strsplit (lines[i], ",", -1);
        guint n_cells = g_strv_length (cells);
        /* The name may hold a quoted comma: count the columns from the end. */
        const char *last = cells[n_cells - 4];

        if (last[0] != '\0')
          {
            g_autoptr(GDate) last_day = lia_date_parse_iso (last, NULL);

            g_assert_nonnull (last_day);
            g_assert_cmpint (g_date_compare (last_day, limit), <, 0);
          }
      }
    g_assert_cmpuint (n, >, 0);
  }

  run_liaison (fixture->env, &text, "stakeholders", "--database", fixture->db_path,
               "--today", "2026-12-04", "--kind", "organization", "--sort", "health", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_true (matches (text.out, "^Name +Kind +Influence +Interest +Stance +Last contact +Health +Due by$"));
  g_assert_false (matches (text.out, " Contact "));

  run_liaison (fixture->env, &bad, "stakeholders", "--database", fixture->db_path,
               "--influence", "7", NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_true (matches (bad.err, "--influence needs a range of 0 to 5"));
}

static void
test_as_of (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_auto(Run) then = { 0 };
  g_auto(Run) later = { 0 };
  g_auto(Run) missing = { 0 };

  import_sample (fixture);

  /* "Who was the ministry's deputy director-general in March 2023?" */
  run_liaison (fixture->env, &then, "as-of", "2023-03-01", "--organization", "mhsc-dgpp",
               "--database", fixture->db_path, NULL);
  g_assert_cmpint (then.status, ==, 0);
  g_assert_true (matches (then.out, "^Dr Hélène Marchetti +Deputy Director-General +2019-09-01 +2025-03-31$"));

  /* She left on 31 March 2025. */
  run_liaison (fixture->env, &later, "as-of", "2025-06-01", "--organization", "mhsc-dgpp",
               "--format", "csv", "--database", fixture->db_path, NULL);
  g_assert_cmpint (later.status, ==, 0);
  g_assert_true (g_str_has_prefix (later.out, "id,name,role,from,until\r\n"));
  g_assert_false (matches (later.out, "Marchetti"));
  g_assert_true (matches (later.out, "^c-004,Bastien Keraudren,\"Policy Officer, Epidemic Preparedness\",2023-02-01,2025-08-31\r$"));

  run_liaison (fixture->env, &missing, "as-of", "2023-03-01", "--organization", "no-such-org",
               "--database", fixture->db_path, NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_true (matches (missing.err, "no organization with the id “no-such-org”"));
}

static void
test_concerns (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_auto(Run) open = { 0 };
  g_auto(Run) resolved = { 0 };

  import_sample (fixture);

  run_liaison (fixture->env, &open, "concerns", "--database", fixture->db_path,
               "--today", "2026-12-04", "--format", "csv", NULL);
  g_assert_cmpint (open.status, ==, 0);
  g_assert_true (g_str_has_prefix (open.out, "id,title,severity,status,opened,resolved,days_open,parties\r\n"));
  g_assert_false (matches (open.out, ",(resolved|closed),[0-9]"));
  g_assert_true (matches (open.out, "^[^,]+,Publication rights on the AMR pilot genomes,high,open,"));

  run_liaison (fixture->env, &resolved, "concerns", "--database", fixture->db_path,
               "--status", "resolved", "--format", "csv", NULL);
  g_assert_cmpint (resolved.status, ==, 0);
  g_assert_true (matches (resolved.out, "^z-05,Equipment shipment held at Mwanzo customs,critical,resolved,2024-02-16,2024-03-08,21,"));
}

static void
test_import_problems (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *bad = write_beside (fixture, "bad.xml",
    "<?xml version=\"1.0\"?>\n"
    "<partner-directory xmlns=\"urn:liaison:partner-directory:1\" version=\"1\">\n"
    "  <organization id=\"who\"><name>WHO</name><assessment influence=\"9\"/></organization>\n"
    "  <contact id=\"c-044\"><display-name>Ana</display-name>\n"
    "    <affiliation organization=\"un-ocha\"/></contact>\n"
    "</partner-directory>\n");
  g_autofree char *expected_first = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) usage = { 0 };

  run_liaison (fixture->env, &run, "import", "--database", fixture->db_path, bad, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  /* One line per problem, as compilers print them, then what happened. */
  g_assert_cmpuint (count_lines (run.err), ==, 3);
  expected_first = g_strdup_printf ("^%s:3:\\d+: organization .who.: .influence. must be", bad);
  g_assert_true (matches (run.err, expected_first));
  g_assert_true (matches (run.err, ":5:\\d+: contact .c-044.: refers to organization .un-ocha., which is neither in this file nor in the database"));
  g_assert_true (matches (run.err, "^liaison: .*has 2 problems; nothing was imported"));

  run_liaison (fixture->env, &usage, "import", "--database", fixture->db_path, NULL);
  assert_usage_error (&usage, "expected one file to import");
}

/* A vCard, whatever its name: what was not kept and how records were found are said. */
static void
test_import_vcard (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *path = write_beside (fixture, "contacts.txt",
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Lima\r\nEMAIL:ana@example.org\r\n"
    "GEO:46.2;6.1\r\nX-SOCIALPROFILE:a\r\nX-SOCIALPROFILE:b\r\nX-SOCIALPROFILE:c\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\nFN:Bo Chen\r\nEND:VCARD\r\n");
  g_auto(Run) first = { 0 };
  g_auto(Run) again = { 0 };

  run_liaison (fixture->env, &first, "import", "--database", fixture->db_path, path, NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_true (matches (first.out, "^Imported .*contacts.txt.* \\(vCard\\)"));
  g_assert_true (matches (first.out, "^  contacts +2 +0 +0$"));
  g_assert_true (matches (first.out, "^3 × X-SOCIALPROFILE, 1 × GEO: not kept\\.$"));
  /* The second card has no VERSION: a warning, at its line, and it is imported. */
  g_assert_true (matches (first.err, "contacts.txt:10:1: This vCard does not say its VERSION.*a warning"));

  run_liaison (fixture->env, &again, "import", "--database", fixture->db_path, path, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_true (matches (again.out, "^  contacts +0 +0 +2$"));
  g_assert_true (matches (again.out, "^Found in the database: 1 by uid, 1 by email address\\.$"));
}

/* An invitation, whatever its name: who is not a contact is listed, --create-attendees adds
 * them, and the planned meeting goes out again as iCalendar. */
static void
test_import_ics (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autofree char *path = write_beside (fixture, "invite.txt",
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nMETHOD:REQUEST\r\n"
    "BEGIN:VEVENT\r\nUID:cli-invite-1@example.org\r\nDTSTAMP:20240101T000000Z\r\n"
    "SUMMARY:Water board\r\nDTSTART;TZID=Romance Standard Time:20990312T090000\r\n"
    "DURATION:PT1H\r\nATTENDEE;CN=Bob Stone:mailto:bob@example.org\r\nTRANSP:OPAQUE\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n");
  g_auto(Run) first = { 0 };
  g_auto(Run) create = { 0 };
  g_auto(Run) export = { 0 };

  run_liaison (fixture->env, &first, "import", "--database", fixture->db_path, path, NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_true (matches (first.out, "^Imported .*invite.txt.* \\(iCalendar\\)"));
  g_assert_true (matches (first.out, "^  interactions +1 +0 +0$"));
  g_assert_true (matches (first.out, "^1 × TRANSP: not kept\\.$"));
  g_assert_true (matches (first.out, "^1 person invited is not among the contacts:\n  Bob Stone <bob@example.org>$"));
  g_assert_true (matches (first.out, "--create-attendees"));

  run_liaison (fixture->env, &create, "import", "--create-attendees", "--database", fixture->db_path, path, NULL);
  g_assert_cmpint (create.status, ==, 0);
  g_assert_true (matches (create.out, "^  contacts +1 +0 +0$"));
  g_assert_true (matches (create.out, "^  interactions +0 +1 +0$"));
  g_assert_false (matches (create.out, "not among the contacts"));

  run_liaison (fixture->env, &export, "export", "--format", "ics", "--database", fixture->db_path, "-", NULL);
  g_assert_cmpint (export.status, ==, 0);
  g_assert_true (g_str_has_prefix (export.out, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
  g_assert_true (matches (export.out, "^UID:cli-invite-1@example.org\r$"));
  g_assert_true (matches (export.out, "^DTSTART:20990312T080000Z\r$"));
  g_assert_true (matches (export.out, "mailto:bob@example.org"));
}

static void
test_export (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autofree char *out_path = NULL;
  g_autofree char *contents = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) to_stdout = { 0 };
  g_auto(Run) xcard = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) bad_format = { 0 };
  g_auto(Run) vcard = { 0 };
  g_auto(Run) vcard4 = { 0 };
  g_auto(Run) bad_version = { 0 };
  g_auto(Run) no_database = { 0 };
  g_autofree char *other_db = dup_missing_database (fixture, "none");

  run_liaison (fixture->env, &no_database, "export", "--database", other_db, "-", NULL);
  g_assert_cmpint (no_database.status, ==, 1);
  g_assert_cmpstr (no_database.out, ==, "");
  g_assert_false (g_file_test (other_db, G_FILE_TEST_EXISTS));

  fill_database (fixture->db_path);
  out_path = g_build_filename (fixture->tmpdir, "out.xml", NULL);

  run_liaison (fixture->env, &run, "export", "--database", fixture->db_path, out_path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (matches (run.out, "^Exported \\d+ records to .*out.xml.* \\(partner directory\\)\\.$"));
  g_assert_true (g_file_get_contents (out_path, &contents, NULL, NULL));

  /* "-" is standard output, with the same bytes. */
  run_liaison (fixture->env, &to_stdout, "export", "--database", fixture->db_path, "-", NULL);
  g_assert_cmpint (to_stdout.status, ==, 0);
  g_assert_cmpstr (to_stdout.out, ==, contents);
  g_assert_true (matches (to_stdout.out, "Universität Zürich"));

  run_liaison (fixture->env, &xcard, "export", "--format", "xcard", "--database", fixture->db_path, "-", NULL);
  g_assert_cmpint (xcard.status, ==, 0);
  g_assert_true (matches (xcard.out, "<vcards xmlns=\"urn:ietf:params:xml:ns:vcard-4.0\">"));

  run_liaison (fixture->env, &missing, "export", "--organization", "nobody", "--database", fixture->db_path, "-", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_true (matches (missing.err, "There is no organization with the id .nobody."));

  /* vCard on standard output: CRLF, 3.0 unless asked for 4.0. */
  run_liaison (fixture->env, &vcard, "export", "--format", "vcard", "--database", fixture->db_path, "-", NULL);
  g_assert_cmpint (vcard.status, ==, 0);
  g_assert_true (g_str_has_prefix (vcard.out, "BEGIN:VCARD\r\nVERSION:3.0\r\n"));
  g_assert_true (matches (vcard.out, "Universität Zürich"));
  run_liaison (fixture->env, &vcard4, "export", "--format", "vcard", "--vcard-version", "4.0",
               "--database", fixture->db_path, "-", NULL);
  g_assert_cmpint (vcard4.status, ==, 0);
  g_assert_true (g_str_has_prefix (vcard4.out, "BEGIN:VCARD\r\nVERSION:4.0\r\n"));
  run_liaison (fixture->env, &bad_version, "export", "--format", "vcard", "--vcard-version", "2.1",
               "--database", fixture->db_path, "-", NULL);
  assert_usage_error (&bad_version, "is not a vCard version \\(expected 3.0 or 4.0\\)");

  run_liaison (fixture->env, &bad_format, "export", "--format", "ldif", "--database", fixture->db_path, "-", NULL);
  assert_usage_error (&bad_format, "is not a format \\(expected directory, xcard, vcard, csv or ics\\)");
}

/* Two projects: a cold chain with one milestone done, one overdue on 2026-06-01 and one to
 * come, and three risks; a planned school programme with one risk. */
static void
import_projects (Fixture *fixture)
{
  g_autofree char *path = write_beside (fixture, "projects.xml",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<partner-directory xmlns=\"urn:liaison:partner-directory:1\" version=\"1\">\n"
    "  <organization id=\"dept\"><name>Department of Health</name></organization>\n"
    "  <contact id=\"c-1\"><display-name>Amina Diallo</display-name></contact>\n"
    "  <project id=\"p-cold\" status=\"active\"><name>Cold chain, north</name>\n"
    "    <stakeholder organization=\"dept\" role=\"Funder\"/>\n"
    "    <milestone id=\"m-1\" due=\"2026-03-01\" status=\"done\" done=\"2026-02-27\"><title>Sites chosen</title></milestone>\n"
    "    <milestone id=\"m-2\" due=\"2026-05-15\"><title>Tender awarded</title></milestone>\n"
    "    <milestone id=\"m-3\" due=\"2026-09-30\"><title>Fridges installed</title></milestone>\n"
    "    <risk id=\"r-customs\" likelihood=\"4\" impact=\"5\" review=\"2026-02-01\" owner=\"c-1\"><title>Customs hold the fridges</title></risk>\n"
    "    <risk id=\"r-power\" likelihood=\"3\" impact=\"3\" status=\"mitigating\"><title>Power cuts</title></risk>\n"
    "    <risk id=\"r-theft\" likelihood=\"5\" impact=\"4\" status=\"closed\"><title>Theft, \"in transit\"</title></risk>\n"
    "  </project>\n"
    "  <project id=\"p-meals\" status=\"planned\"><name>School meals</name>\n"
    "    <risk id=\"r-prices\" likelihood=\"3\" impact=\"3\"><title>Food prices</title></risk>\n"
    "  </project>\n"
    "</partner-directory>\n");
  g_auto(Run) run = { 0 };

  run_liaison (fixture->env, &run, "import", "--database", fixture->db_path, path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (matches (run.out, "^  projects +2 +0 +0$"));
}

static void
test_projects (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_auto(Run) csv = { 0 };
  g_auto(Run) text = { 0 };
  g_auto(Run) planned = { 0 };
  g_auto(Run) bad = { 0 };

  import_projects (fixture);

  run_liaison (fixture->env, &csv, "projects", "--database", fixture->db_path,
               "--today", "2026-06-01", "--format", "csv", NULL);
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_cmpstr (csv.out, ==,
                   "id,name,status,milestones_done,milestones_total,overdue_milestones,open_risks,top_risk_score,next_milestone\r\n"
                   "p-cold,\"Cold chain, north\",active,1,3,1,2,20,2026-09-30 Fridges installed\r\n"
                   "p-meals,School meals,planned,0,0,0,1,9,\r\n");

  run_liaison (fixture->env, &text, "projects", "--database", fixture->db_path,
               "--today", "2026-06-01", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_cmpstr (text.out, ==,
                   "Project            Status   Milestones  Overdue  Open risks  Top risk  Next milestone\n"
                   "Cold chain, north  Active   1 of 3      1        2           20        2026-09-30 Fridges installed\n"
                   "School meals       Planned  0 of 0      –        1           9         –\n");

  run_liaison (fixture->env, &planned, "projects", "--database", fixture->db_path,
               "--status", "completed,on-hold", NULL);
  g_assert_cmpint (planned.status, ==, 0);
  g_assert_cmpstr (planned.out, ==, "No project matches.\n");

  {
    g_auto(Run) report = { 0 };
    g_autofree char *pdf = g_build_filename (fixture->tmpdir, "cold.pdf", NULL);

    run_liaison (fixture->env, &report, "briefing", "--database", fixture->db_path,
                 "--project", "p-cold", "--today", "2026-06-01", "--output", pdf, NULL);
    g_assert_cmpint (report.status, ==, 0);
    g_assert_true (matches (report.out, "^Wrote [0-9]+ pages? to .*cold.pdf.$"));
    g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  }

  run_liaison (fixture->env, &bad, "projects", "--database", fixture->db_path,
               "--status", "paused", NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_true (matches (bad.err, "“paused” is not a known project status \\(expected one of: planned, active, on-hold"));
}

static void
test_risks (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_auto(Run) all = { 0 };
  g_auto(Run) text = { 0 };
  g_auto(Run) narrow = { 0 };
  g_auto(Run) missing = { 0 };

  import_projects (fixture);

  /* Every risk, the highest score first; equal scores by title. */
  run_liaison (fixture->env, &all, "risks", "--database", fixture->db_path, "--format", "csv", NULL);
  g_assert_cmpint (all.status, ==, 0);
  g_assert_cmpstr (all.out, ==,
                   "id,project,title,likelihood,impact,score,status,owner,review\r\n"
                   "r-customs,p-cold,Customs hold the fridges,4,5,20,open,c-1,2026-02-01\r\n"
                   "r-theft,p-cold,\"Theft, \"\"in transit\"\"\",5,4,20,closed,,\r\n"
                   "r-prices,p-meals,Food prices,3,3,9,open,,\r\n"
                   "r-power,p-cold,Power cuts,3,3,9,mitigating,,\r\n");

  run_liaison (fixture->env, &text, "risks", "--database", fixture->db_path,
               "--project", "p-cold", "--status", "open,mitigating", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_cmpstr (text.out, ==,
                   "Risk                      Project            Likelihood  Impact  Score  Status      Owner         Review\n"
                   "Customs hold the fridges  Cold chain, north  4           5       20     Open        Amina Diallo  2026-02-01\n"
                   "Power cuts                Cold chain, north  3           3       9      Mitigating  –             –\n");

  run_liaison (fixture->env, &narrow, "risks", "--database", fixture->db_path,
               "--min-score", "10", "--status", "open", "--format", "csv", NULL);
  g_assert_cmpint (narrow.status, ==, 0);
  g_assert_cmpstr (narrow.out, ==,
                   "id,project,title,likelihood,impact,score,status,owner,review\r\n"
                   "r-customs,p-cold,Customs hold the fridges,4,5,20,open,c-1,2026-02-01\r\n");

  run_liaison (fixture->env, &missing, "risks", "--database", fixture->db_path,
               "--project", "p-nowhere", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_true (matches (missing.err, "no project with the id “p-nowhere”"));
}

int
main (int   argc,
      char *argv[])
{
  int skip = 0;

  /* On a file as ever; --postgresql is lia_test_pg_init()'s. */
  if (!g_strv_contains ((const char * const *) argv, "--postgresql"))
    g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  else if (!lia_test_pg_init (&argc, &argv, &skip))
    return skip;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
#define ADD_WITHOUT_DATABASE(path, func) \
  g_test_add (path, Fixture, NO_DATABASE, fixture_set_up, func, fixture_tear_down)

  ADD_WITHOUT_DATABASE ("/cli/version", test_version);
  ADD_WITHOUT_DATABASE ("/cli/help", test_help);
  ADD_WITHOUT_DATABASE ("/cli/command-help", test_command_help);
  ADD_WITHOUT_DATABASE ("/cli/unknown-command", test_unknown_command);
  ADD ("/cli/unknown-option", test_unknown_option);
  ADD ("/cli/stats", test_stats);
  ADD ("/cli/stats/aligned", test_stats_aligned);
  ADD ("/cli/stats/missing-database", test_stats_missing_database);
  ADD ("/cli/search", test_search);
  ADD ("/cli/search/limit", test_search_limit);
  ADD ("/cli/search/no-results", test_search_no_results);
  ADD ("/cli/search/without-words", test_search_without_words);
  ADD ("/cli/check/healthy", test_check_healthy);
  ADD ("/cli/check/not-a-database", test_check_not_a_database);
  ADD ("/cli/check/problems", test_check_problems);
  ADD ("/cli/stats/empty-file", test_empty_file);
  ADD ("/cli/database-from-environment", test_database_from_environment);
  ADD ("/cli/default-database", test_default_database);
  ADD ("/cli/import", test_import);
  ADD ("/cli/import/problems", test_import_problems);
  ADD ("/cli/import/vcard", test_import_vcard);
  ADD ("/cli/import/ics", test_import_ics);
  ADD ("/cli/export", test_export);
  ADD ("/cli/stakeholders", test_stakeholders);
  ADD ("/cli/as-of", test_as_of);
  ADD ("/cli/concerns", test_concerns);
  ADD ("/cli/projects", test_projects);
  ADD ("/cli/risks", test_risks);
  ADD ("/cli/changes", test_changes);
  ADD ("/cli/changes/follow", test_changes_follow);
  ADD ("/cli/history", test_history);
  ADD_WITHOUT_DATABASE ("/cli/server/unreachable", test_server_unreachable);
  if (pg_cluster != NULL)
    {
      ADD ("/cli/server/no-schema", test_server_no_schema);
      ADD ("/cli/server/no-such-database", test_server_no_such_database);
    }

#undef ADD_WITHOUT_DATABASE
#undef ADD

  return g_test_run ();
}
