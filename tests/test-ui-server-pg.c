/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The window on a real team server, in the throw-away cluster of tests/pg-cluster.sh
 * (--postgresql, LIAISON_TEST_PG): skipped without one, never passed.
 *
 * - The password of Connect to Team Server reaches libpq in memory: an account that needs one
 *   gets in with it, background work on the same location too while the window's store is
 *   open, no file under the runtime folder holds it, and no message shows it.
 * - One description of where the data is: the store, `liaison server status` and the errors
 *   name the server the same way.
 * - The "Reconnecting…" strip: the window's connection killed from another one shows it, and
 *   once connected again it goes, with what was committed meanwhile in the list.
 * - A window on an account with a password: the copies' threads, which connect on their own
 *   from the store's location, get in with it, also after a reconnect.
 */
#define _GNU_SOURCE  /* memmem */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "lia-test-pg.h"
#include "lia-store-private.h"
#include "lia-window-private.h"
#include "test-ui-util.h"

/* Unlikely to appear in any message by chance. */
#define OFFICER_PASSWORD "Pa55:w0rd\\zq-7731"

static PGconn *
connect_superuser (void)
{
  PGconn *conn = PQconnectdb (pg_cluster);

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  return conn;
}

/* One value of @sql with @param, run as the cluster's superuser; %NULL on failure. */
static char *
superuser_value (const char *sql,
                 const char *param)
{
  g_autoptr(PGconn) conn = connect_superuser ();
  const char *params[1] = { param };
  g_autoptr(PGresult) result = PQexecParams (conn, sql, param != NULL ? 1 : 0, NULL,
                                             param != NULL ? params : NULL, NULL, NULL, 0);

  if (PQresultStatus (result) != PGRES_TUPLES_OK || PQntuples (result) != 1)
    {
      g_test_message ("%s: %s", sql, PQresultErrorMessage (result));
      return NULL;
    }
  return g_strdup (PQgetvalue (result, 0, 0));
}

/* Writes @contents to the server's file @path as the server's own user (lo_export; a large
 * object made in a statement is seen from the next one), then has the server read its
 * configuration again. */
static gboolean
write_server_file (const char *path,
                   const char *contents)
{
  g_autofree char *oid = superuser_value ("SELECT lo_from_bytea (0, convert_to ($1, 'UTF8'))", contents);
  g_autofree char *written = NULL;
  g_autofree char *unlink = NULL;
  g_autofree char *export = NULL;

  if (oid == NULL)
    return FALSE;
  export = g_strdup_printf ("SELECT lo_export (%s, $1)", oid);
  written = superuser_value (export, path);
  unlink = g_strdup_printf ("SELECT lo_unlink (%s)", oid);
  g_free (superuser_value (unlink, NULL));
  if (written == NULL)
    return FALSE;
  g_free (superuser_value ("SELECT pg_reload_conf ()", NULL));
  return TRUE;
}

/* Whether any file under @dir holds @text. */
static gboolean
folder_holds (const char *dir,
              const char *text)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        {
          if (folder_holds (path, text))
            return TRUE;
        }
      else if (g_file_get_contents (path, &contents, &length, NULL)
               && memmem (contents, length, text, strlen (text)) != NULL)
        {
          g_test_message ("%s holds the password", path);
          return TRUE;
        }
    }

  return FALSE;
}

static gpointer
open_in_thread (gpointer data)
{
  g_autoptr(GError) error = NULL;
  LiaStore *store = lia_store_open (data, &error);

  if (store == NULL)
    g_test_message ("background store: %s", error->message);
  return store;
}

/* An account of the cluster that must give a password: scram-sha-256 for this role only, put
 * first in the cluster's pg_hba.conf until password_account_drop(). */
typedef struct
{
  char *role;
  char *hba_file;
  char *hba;        /* the cluster's own rules, put back at the end; NULL when not changed */
  char *location;   /* the fixture's database as the role, without its password */
} PasswordAccount;

/* Makes @account on @f's database; FALSE (the test skipped) when the cluster's rules cannot
 * be changed from here. */
static gboolean
password_account_make (StoreFixture    *f,
                       PasswordAccount *account)
{
  g_autofree char *sql = NULL;
  g_autofree char *hba_ours = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaStore) store = NULL;
  const char *roles[2] = { NULL, NULL };
  PGconn *conn;
  gint64 until;

  account->role = g_strdup_printf ("lia_officer_%d", (int) getpid ());
  roles[0] = account->role;
  sql = g_strdup_printf ("CREATE ROLE %s LOGIN PASSWORD '%s'", account->role, OFFICER_PASSWORD);
  pg_cluster_exec (sql);
  conn = lia_server_connect (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (lia_server_init (conn, roles, NULL, NULL, &error));
  g_assert_no_error (error);
  PQfinish (conn);

  account->hba_file = superuser_value ("SELECT setting FROM pg_settings WHERE name = 'hba_file'", NULL);
  account->hba = account->hba_file != NULL
                 ? superuser_value ("SELECT pg_read_file ($1)", account->hba_file) : NULL;
  if (account->hba == NULL)
    {
      g_test_skip ("the cluster's pg_hba.conf cannot be read: no account with a password");
      return FALSE;
    }
  hba_ours = g_strdup_printf ("local all %s scram-sha-256\n%s", account->role, account->hba);
  if (!write_server_file (account->hba_file, hba_ours))
    {
      g_clear_pointer (&account->hba, g_free);
      g_test_skip ("the cluster's pg_hba.conf cannot be written: no account with a password");
      return FALSE;
    }

  account->location = g_strdup_printf ("%s user=%s", f->path, account->role);
  /* Once the server has read its new rules, the account cannot get in without a password
   * (and there is no terminal to ask on). */
  until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  do
    {
      g_clear_error (&error);
      g_clear_object (&store);
      store = lia_store_open (account->location, &error);
      if (store != NULL)
        g_usleep (50 * 1000);
    }
  while (store != NULL && g_get_monotonic_time () < until);
  g_assert_null (store);
  g_assert_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_PERMISSION);
  return TRUE;
}

/* Puts the cluster's rules back, ends the fixture and drops the role. */
static void
password_account_drop (StoreFixture    *f,
                       PasswordAccount *account,
                       gconstpointer    data)
{
  g_autofree char *sql = g_strdup_printf ("DROP ROLE %s", account->role);

  if (account->hba != NULL)
    g_assert_true (write_server_file (account->hba_file, account->hba));
  lia_test_pg_fixture_teardown (f, data);
  pg_cluster_exec (sql);
  g_free (account->role);
  g_free (account->hba_file);
  g_free (account->hba);
  g_free (account->location);
}

/* Connect to Team Server's path with an account that must give a password. */
static void
test_password_in_memory (StoreFixture  *f,
                         gconstpointer  data)
{
  PasswordAccount account = { NULL, };
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(LiaStore) background = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaOrganization) organization = lia_organization_new ("Medicines Agency");

  if (!password_account_make (f, &account))
    goto drop;

  /* A wrong password: refused, and the message shows neither. */
  store = lia_store_open_server (account.location, "Wr0ng-zq-7731", &error);
  g_assert_null (store);
  g_assert_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_PERMISSION);
  g_test_message ("wrong password: %s", error->message);
  g_assert_null (strstr (error->message, "Wr0ng"));
  g_assert_null (strstr (error->message, "zq-7731"));
  g_clear_error (&error);

  /* The right one: in, and able to write. */
  store = lia_store_open_server (account.location, OFFICER_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_true (lia_store_save (store, LIA_RECORD (organization), &error));
  g_assert_no_error (error);

  /* Background work opens its own store on the window's location, in a thread: it gets in
   * with the same password while the window's store is open. */
  background = g_thread_join (g_thread_new ("background", open_in_thread, account.location));
  g_assert_nonnull (background);
  g_clear_object (&background);

  /* A wrong password given later (a stale keyring entry) is refused and does not replace the
   * right one that work in the background still connects with. */
  background = lia_store_open_server (account.location, "Wr0ng-zq-7731", &error);
  g_assert_null (background);
  g_assert_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  background = g_thread_join (g_thread_new ("background", open_in_thread, account.location));
  g_assert_nonnull (background);
  g_clear_object (&background);

  /* Nothing written holds it: not the runtime folder (where a passfile was), not the home. */
  g_assert_false (folder_holds (g_get_user_runtime_dir (), OFFICER_PASSWORD));
  g_assert_false (folder_holds (g_get_home_dir (), OFFICER_PASSWORD));
  g_assert_null (strstr (lia_store_get_path (store), OFFICER_PASSWORD));
  g_assert_null (strstr (lia_store_get_display_name (store), OFFICER_PASSWORD));

  /* Forgotten with the last connection that used it. */
  g_assert_finalize_object (g_steal_pointer (&store));
  store = lia_store_open (account.location, &error);
  g_assert_null (store);
  g_assert_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_PERMISSION);
  g_assert_null (strstr (error->message, "zq-7731"));
  g_clear_error (&error);

drop:
  password_account_drop (f, &account, data);
}

/* "this computer:PORT/DATABASE as USER" from the store, the location, the command and an error. */
static void
test_one_description (StoreFixture  *f,
                      gconstpointer  data)
{
  g_autoptr(PGconn) conn = lia_server_connect (f->path, NULL);
  g_autofree char *expected = NULL;
  g_autofree char *from_location = lia_server_describe_location (f->path);
  g_autofree char *from_conn = NULL;
  g_autofree char *out = NULL;
  g_autofree char *line = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *missing_named = NULL;
  g_autoptr(GSubprocess) status = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaStore) none = NULL;

  g_assert_nonnull (conn);
  /* The cluster's socket is on a port of its own, which is shown as any other not 5432. */
  expected = g_strdup_printf ("this computer:%s/%s as %s", PQport (conn), f->dir, PQuser (conn));
  from_conn = lia_server_describe (conn);
  g_assert_cmpstr (from_conn, ==, expected);
  g_assert_cmpstr (from_location, ==, expected);
  g_assert_cmpstr (lia_store_get_display_name (f->store), ==, expected);

  status = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             g_getenv ("LIAISON_BINARY"), "server", "status", f->path, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (status, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  line = g_strdup_printf ("Database: %s\n", expected);
  g_assert_nonnull (strstr (out, line));

  /* A database that is not there: the error names it the same way. */
  missing = g_strdup_printf ("%s dbname=lia_missing", f->path);
  missing_named = g_strdup_printf ("Could not connect to this computer:%s/lia_missing as %s: ",
                                   PQport (conn), PQuser (conn));
  none = lia_store_open (missing, &error);
  g_assert_null (none);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, missing_named));

  lia_test_pg_fixture_teardown (f, data);
}

/* @widget as it is drawn now, into @path (a look at the strip, not an assertion). */
static void
save_png (GtkWidget  *widget,
          const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("%s: %d × %d", path, width, height);
}

/* Runs the main loop until a strip is shown (@wanted TRUE) or hidden, its animation done, for
 * at most @seconds. */
static gboolean
wait_revealed (GtkRevealer *revealer,
               gboolean     wanted,
               int          seconds)
{
  gint64 until = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while ((gtk_revealer_get_reveal_child (revealer) != wanted || gtk_revealer_get_child_revealed (revealer) != wanted)
         && g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  return gtk_revealer_get_reveal_child (revealer) == wanted && gtk_revealer_get_child_revealed (revealer) == wanted;
}

static void
terminate_backend (LiaStore *store)
{
  g_autofree char *sql = g_strdup_printf ("SELECT pg_terminate_backend (%d)",
                                          PQbackendPID (_lia_db_pg_get_connection (_lia_store_get_db (store))));

  g_free (superuser_value (sql, NULL));
}

static void
set_allow_connections (StoreFixture *f,
                       gboolean      allow)
{
  g_autofree char *sql = g_strdup_printf ("ALTER DATABASE %s ALLOW_CONNECTIONS %s", f->dir,
                                          allow ? "true" : "false");

  pg_cluster_exec (sql);
}

/* The window on a server whose connection is killed (pg_terminate_backend from another
 * connection): the strip and its spinner show while the server lets nobody in, an
 * organization another officer saved meanwhile is not in the list yet; once the window is
 * connected again the strip goes and the organization is there (caught up from the change
 * log: its NOTIFY was sent while the window was away). With LIA_TEST_SHOTS set to a folder,
 * the window is also rendered there while the strip shows (at its size and 360 px wide). */
static void
test_reconnecting_strip (StoreFixture  *f,
                         gconstpointer  data)
{
  g_autoptr(LiaStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaOrganization) theirs = lia_organization_new ("Medicines Agency");
  LiaWindow *window;
  GtkWidget *strip_label;
  const char *shots = g_getenv ("LIA_TEST_SHOTS");

  lia_test_add_organization (f->store, "Ministry of Health", 0);
  window = g_object_new (LIA_TYPE_WINDOW, "store", f->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 640);
  lia_ui_test_present (GTK_WINDOW (window));
  lia_window_set_view (window, "organizations");
  lia_ui_test_settle ();
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (window), "Ministry of Health"));
  g_assert_false (gtk_revealer_get_reveal_child (window->reconnecting_revealer));
  strip_label = lia_ui_test_find (GTK_WIDGET (window->reconnecting_revealer), GTK_TYPE_LABEL,
                                  "Reconnecting to the team server…");
  g_assert_nonnull (strip_label);
  g_assert_false (gtk_widget_get_mapped (strip_label) && gtk_widget_get_child_visible (strip_label));

  other = lia_store_open (f->path, &error);
  g_assert_no_error (error);

  /* Killed, and kept out for a while: the strip shows and stays. */
  set_allow_connections (f, FALSE);
  terminate_backend (f->store);
  g_assert_true (wait_revealed (window->reconnecting_revealer, TRUE, 60));
  g_assert_true (gtk_spinner_get_spinning (window->reconnecting_spinner));
  g_assert_true (lia_store_get_reconnecting (f->store));
  g_assert_true (lia_store_save (other, LIA_RECORD (theirs), &error));
  g_assert_no_error (error);
  lia_ui_test_settle ();
  g_assert_true (gtk_revealer_get_child_revealed (window->reconnecting_revealer));
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (window), "Reconnecting to the team server…"));
  g_assert_false (lia_ui_test_has_label (GTK_WIDGET (window), "Medicines Agency"));

  if (shots != NULL)
    {
      g_autofree char *wide = g_build_filename (shots, "reconnecting-960.png", NULL);
      g_autofree char *narrow = g_build_filename (shots, "reconnecting-360.png", NULL);

      save_png (GTK_WIDGET (window), wide);
      gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
      lia_ui_test_settle ();
      lia_ui_test_settle ();
      save_png (GTK_WIDGET (window), narrow);
      gtk_window_set_default_size (GTK_WINDOW (window), 960, 640);
      lia_ui_test_settle ();
    }

  /* Let in again: connected, caught up, the strip gone. */
  set_allow_connections (f, TRUE);
  g_assert_true (wait_revealed (window->reconnecting_revealer, FALSE, 90));
  g_assert_false (lia_store_get_reconnecting (f->store));
  g_assert_false (gtk_spinner_get_spinning (window->reconnecting_spinner));
  {
    gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

    while (!lia_ui_test_shows_label (GTK_WIDGET (window), "Medicines Agency")
           && g_get_monotonic_time () < until)
      lia_ui_test_settle ();
  }
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (window), "Medicines Agency"));
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (window), "Ministry of Health"));

  lia_ui_test_destroy (GTK_WINDOW (window));
  g_clear_object (&other);
  lia_test_pg_fixture_teardown (f, data);
}

/* The visible message dialog headed @heading, or NULL. */
static AdwMessageDialog *
dialog_headed (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (window) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* Copies through the window's menu action @action (asked with @question), and returns the
 * summary the copy ends with: the report of a failed one fails the test with its message. */
static char *
copy_from_window (LiaWindow  *window,
                  const char *action,
                  const char *question,
                  const char *done)
{
  gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  AdwMessageDialog *dialog = NULL;
  AdwMessageDialog *failed = NULL;
  char *summary;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  lia_ui_test_settle ();
  dialog = dialog_headed (question);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "copy");
  dialog = NULL;
  while (dialog == NULL && failed == NULL && g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
      dialog = dialog_headed (done);
      failed = dialog_headed ("Nothing Was Copied");
    }
  if (failed != NULL)
    g_error ("the copy failed: %s", adw_message_dialog_get_body (failed));
  g_assert_nonnull (dialog);
  summary = g_strdup (adw_message_dialog_get_body (dialog));
  g_test_message ("%s: %s", done, summary);
  lia_ui_test_destroy (GTK_WINDOW (dialog));
  return summary;
}

/* A window on an account that must give a password, given to the store in memory: what opens
 * connections of its own from the store's location (Copy to This Computer's exporter, Copy to
 * the Team Server's importer, in threads) gets in with it, also after the window's connection
 * was killed and made again; nothing written holds it. */
static void
test_password_window (StoreFixture  *f,
                      gconstpointer  data)
{
  PasswordAccount account = { NULL, };
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(LiaStore) local = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaOrganization) organization = lia_organization_new ("Medicines Agency");
  g_autofree char *summary = NULL;
  const char *local_path = g_getenv ("LIAISON_DATABASE");
  LiaWindow *window;

  if (!password_account_make (f, &account))
    goto drop;

  store = lia_store_open_server (account.location, OFFICER_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_true (lia_store_save (store, LIA_RECORD (organization), &error));
  g_assert_no_error (error);
  window = g_object_new (LIA_TYPE_WINDOW, "store", store, NULL);
  lia_ui_test_present (GTK_WINDOW (window));
  lia_window_set_view (window, "organizations");
  lia_ui_test_settle ();

  /* Out: the exporter reads the server on a connection of its own. */
  summary = copy_from_window (window, "win.copy-to-local", "Copy to This Computer?",
                              "Copied to This Computer");
  g_assert_cmpstr (summary, ==, "Created 1, updated 0 and found 0 unchanged.");
  g_clear_pointer (&summary, g_free);
  local = lia_test_open (local_path);
  g_assert_cmpint (lia_test_count (local, LIA_RECORD_KIND_ORGANIZATION), ==, 1);
  lia_test_add_contact (local, "Mireille", "Tchoumba");
  g_clear_object (&local);

  /* In: the importer writes to the server on a connection of its own. */
  summary = copy_from_window (window, "win.copy-to-server", "Copy to the Team Server?",
                              "Copied to the Team Server");
  g_assert_cmpstr (summary, ==, "Created 1, updated 0 and found 1 unchanged.");
  g_clear_pointer (&summary, g_free);
  g_assert_cmpint (lia_test_count (store, LIA_RECORD_KIND_CONTACT), ==, 1);

  /* The window's connection killed and kept out a while, then let in: it connects again with
   * the password it had, and the threads still get it. */
  set_allow_connections (f, FALSE);
  terminate_backend (store);
  g_assert_true (wait_revealed (window->reconnecting_revealer, TRUE, 60));
  set_allow_connections (f, TRUE);
  g_assert_true (wait_revealed (window->reconnecting_revealer, FALSE, 90));
  g_assert_false (lia_store_get_reconnecting (store));
  summary = copy_from_window (window, "win.copy-to-local", "Copy to This Computer?",
                              "Copied to This Computer");
  g_assert_cmpstr (summary, ==, "Created 0, updated 0 and found 2 unchanged.");

  g_assert_false (folder_holds (g_get_user_runtime_dir (), OFFICER_PASSWORD));
  g_assert_false (folder_holds (g_get_home_dir (), OFFICER_PASSWORD));
  g_assert_false (folder_holds (g_get_tmp_dir (), OFFICER_PASSWORD));

  lia_ui_test_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (g_steal_pointer (&store));
  g_unlink (local_path);

drop:
  password_account_drop (f, &account, data);
}

static void
test_no_display (void)
{
  g_test_skip ("No display to open windows on: run the ui suite under xvfb-run");
}

int
main (int   argc,
      char *argv[])
{
  const char *base = g_getenv ("TMPDIR") != NULL && g_getenv ("TMPDIR")[0] != '\0'
                     ? g_getenv ("TMPDIR") : "/tmp";
  g_autofree char *tmp = g_build_filename (base, "liaison-tmp-XXXXXX", NULL);
  g_autofree char *runtime = NULL;
  g_autofree char *home = NULL;
  int skip = 0;
  int status;

  /* A temporary folder of this process's own, set before GLib reads TMPDIR: the copies'
   * folders go there, and the check that no file holds the password reads it, not a /tmp
   * shared with other programs (and with this test's own source, in a clone under /tmp). */
  g_assert_nonnull (g_mkdtemp (tmp));
  g_setenv ("TMPDIR", tmp, TRUE);
  runtime = g_dir_make_tmp ("liaison-runtime-XXXXXX", NULL);
  home = g_dir_make_tmp ("liaison-home-XXXXXX", NULL);
  g_assert_nonnull (runtime);
  g_assert_nonnull (home);
  g_setenv ("XDG_RUNTIME_DIR", runtime, TRUE);
  g_setenv ("HOME", home, TRUE);
  /* This computer's database, for the copies. */
  {
    g_autofree char *local = g_build_filename (home, "this-computer.db", NULL);

    g_setenv ("LIAISON_DATABASE", local, TRUE);
  }
  if (!lia_test_pg_init (&argc, &argv, &skip))
    return skip;

  g_test_add ("/ui-server-pg/password-in-memory", StoreFixture, NULL,
              lia_test_pg_fixture_setup, test_password_in_memory, NULL);
  g_test_add ("/ui-server-pg/one-description", StoreFixture, NULL,
              lia_test_pg_fixture_setup, test_one_description, NULL);
  if (!lia_ui_test_init_display ())
    g_test_add_func ("/ui-server-pg/no-display", test_no_display);
  else
    {
      g_test_add ("/ui-server-pg/reconnecting-strip", StoreFixture, NULL,
                  lia_test_pg_fixture_setup, test_reconnecting_strip, NULL);
      g_test_add ("/ui-server-pg/password-window", StoreFixture, NULL,
                  lia_test_pg_fixture_setup, test_password_window, NULL);
    }

  status = g_test_run ();
  lia_test_remove_recursive (tmp);
  return status;
}
