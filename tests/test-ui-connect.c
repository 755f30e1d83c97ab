/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Connect to Team Server: what a person types becomes a server account whose URI (kept in the
 * settings) never holds the password; a server that cannot be reached says why in the dialog,
 * stores no password and leaves the current database open; a read-only account sees every edit
 * turned off with the reason. The keyring is replaced by a fake one: no keyring daemon needed. */
#include "config.h"

#include "lia-connect-dialog.h"
#include "lia-server-account.h"
#include "lia-server.h"
#include "lia-store-private.h"
#include "lia-window-private.h"
#include "test-ui-util.h"
#include "lia-test-pg.h"

/* The fake keyring: what was stored, by account. */
static GHashTable *fake_keyring;

static char *
fake_key (const LiaServerAccount *account)
{
  return g_strdup_printf ("%s|%d|%s|%s", account->host, account->port, account->database, account->user);
}

static gboolean
fake_store (const LiaServerAccount  *account,
            const char              *password,
            GError                 **error)
{
  g_hash_table_insert (fake_keyring, fake_key (account), g_strdup (password));
  return TRUE;
}

static char *
fake_lookup (const LiaServerAccount  *account,
             GError                 **error)
{
  g_autofree char *key = fake_key (account);

  return g_strdup (g_hash_table_lookup (fake_keyring, key));
}

static const LiaServerSecrets fake_secrets = { fake_store, fake_lookup };

static void
test_account (void)
{
  g_autoptr(LiaServerAccount) account = NULL;
  g_autoptr(LiaServerAccount) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *location = NULL;
  g_autofree char *described = NULL;
  g_autoptr(GHashTable) params = NULL;

  /* A host with a port, the database and the user in their own fields. */
  account = lia_server_account_parse (" db.example.org:5433 ", "liaison", "amina", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (account->host, ==, "db.example.org");
  g_assert_cmpint (account->port, ==, 5433);
  described = lia_server_account_describe (account);
  g_assert_cmpstr (described, ==, "db.example.org:5433/liaison as amina");

  /* Neither what the settings keep nor what the store is given has the password: it goes to
   * lia_store_open_server() on its own. */
  kept = lia_server_account_to_uri (account);
  g_assert_cmpstr (kept, ==, "postgresql://amina@db.example.org:5433/liaison");
  location = lia_server_account_to_location (account);
  uri = g_uri_parse (location, G_URI_FLAGS_HAS_PASSWORD | G_URI_FLAGS_ENCODED_QUERY, &error);
  g_assert_no_error (error);
  g_assert_null (g_uri_get_password (uri));
  g_assert_cmpstr (g_uri_get_host (uri), ==, "db.example.org");
  /* An unreachable server fails in seconds, not after TCP's minutes; no passfile any more. */
  params = g_uri_parse_params (g_uri_get_query (uri), -1, "&", G_URI_PARAMS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (params, "connect_timeout"), ==, "10");
  g_assert_null (g_hash_table_lookup (params, "passfile"));

  /* The kept URI reads back as the same account, with its options. */
  again = lia_server_account_parse ("postgresql://amina@db.example.org/liaison?sslmode=verify-full", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->database, ==, "liaison");
  g_assert_cmpstr (again->user, ==, "amina");
  g_assert_cmpint (again->port, ==, -1);
  g_assert_cmpstr (again->query, ==, "sslmode=verify-full");
  g_clear_pointer (&described, g_free);
  described = lia_server_account_describe (again);
  g_assert_cmpstr (described, ==, "db.example.org/liaison as amina");

  /* A password in the address would land in the settings: refused, with what to do. */
  g_assert_null (lia_server_account_parse ("postgresql://amina:secret@db.example.org/liaison", NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "Password field"));
  g_clear_error (&error);
  g_assert_null (lia_server_account_parse ("db.example.org", "", "amina", &error));
  g_assert_cmpstr (error->message, ==, "Give the name of the database on the server.");
  g_clear_error (&error);
  g_assert_null (lia_server_account_parse ("db.example.org:http", "liaison", "amina", &error));
  g_assert_nonnull (strstr (error->message, "“http” is not a port number"));
}

static void
on_connected_cb (LiaConnectDialog *dialog,
                 LiaStore         *store,
                 const char       *uri,
                 const char       *user,
                 gboolean         *connected)
{
  *connected = TRUE;
}

typedef struct
{
  LiaConnectDialog *dialog;
  guint             ticks;  /* while the dialog was connecting */
} Ticks;

static gboolean
tick_cb (gpointer user_data)
{
  Ticks *ticks = user_data;

  if (ticks->dialog != NULL && lia_connect_dialog_get_connecting (ticks->dialog))
    ticks->ticks++;
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until the dialog is done connecting (at most 60 s); *@out_ticks gets how
 * many times a 10 ms timeout ran meanwhile, while the dialog said it was connecting: a window
 * that waited for the server on its main loop would run it once at most. */
static void
wait_connected (LiaConnectDialog *dialog,
                guint            *out_ticks)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  Ticks ticks = { dialog, 0 };
  guint tick = g_timeout_add (10, tick_cb, &ticks);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &ticks.dialog);
  while (dialog != NULL && lia_connect_dialog_get_connecting (dialog)
         && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  if (ticks.dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (ticks.dialog), (gpointer *) &ticks.dialog);
  if (dialog != NULL)
    {
      g_assert_false (lia_connect_dialog_get_connecting (dialog));
      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
    }
  lia_ui_test_settle ();
  if (out_ticks != NULL)
    *out_ticks = ticks.ticks;
}

static void
fill_dialog (LiaConnectDialog *dialog,
             const char       *server,
             const char       *password)
{
  gtk_editable_set_text (GTK_EDITABLE (lia_ui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "_Server")),
                         server);
  gtk_editable_set_text (GTK_EDITABLE (lia_ui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "_Database")),
                         "liaison");
  gtk_editable_set_text (GTK_EDITABLE (lia_ui_test_find (GTK_WIDGET (dialog), ADW_TYPE_PASSWORD_ENTRY_ROW,
                                                         "_Password")),
                         password);
}

/* A server that takes the TCP connection and never answers (a listening socket nobody
 * accepts on): the window keeps running its main loop while the dialog waits out the connect
 * timeout, Connect is off and a spinner says what is going on; then the error names the
 * host, never the password. Cancel gives the form back at once. */
static void
test_never_answers (StoreFixture  *f,
                    gconstpointer  data)
{
  LiaWindow *window = g_object_new (LIA_TYPE_WINDOW, "store", f->store, NULL);
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *server = NULL;
  g_autofree char *progress = NULL;
  LiaConnectDialog *dialog;
  GtkWidget *connect_button;
  GtkWidget *cancel_button;
  gboolean connected = FALSE;
  guint ticks = 0;
  gint64 start;
  const char *message;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_assert_true (g_socket_bind (socket, address, TRUE, &error));
  g_assert_true (g_socket_listen (socket, &error));
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  server = g_strdup_printf ("postgresql://127.0.0.1:%u/liaison?connect_timeout=2",
                            g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));

  lia_ui_test_present (GTK_WINDOW (window));
  dialog = lia_connect_dialog_new (GTK_WINDOW (window), NULL, "amina");
  g_signal_connect (dialog, "connected", G_CALLBACK (on_connected_cb), &connected);
  lia_ui_test_present (GTK_WINDOW (dialog));
  connect_button = gtk_widget_get_ancestor (lia_ui_test_find (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "Connect"),
                                            GTK_TYPE_BUTTON);
  cancel_button = gtk_widget_get_ancestor (lia_ui_test_find (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "Cancel"),
                                           GTK_TYPE_BUTTON);
  g_assert_nonnull (connect_button);
  g_assert_nonnull (cancel_button);
  fill_dialog (dialog, server, "s3cret");

  /* The click returns with the attempt under way, not done: the connection is made off the
   * main loop. */
  start = g_get_monotonic_time ();
  g_signal_emit_by_name (connect_button, "clicked");
  g_assert_cmpstr (lia_connect_dialog_get_error (dialog), ==, NULL);
  g_assert_true (lia_connect_dialog_get_connecting (dialog));
  g_assert_false (gtk_widget_is_sensitive (connect_button));
  progress = g_strdup_printf ("Connecting to 127.0.0.1:%u/liaison as amina…",
                              g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (dialog), progress));
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (lia_ui_test_find (GTK_WIDGET (dialog),
                                                                          GTK_TYPE_SPINNER, NULL))));

  wait_connected (dialog, &ticks);
  /* The timeout, not a refusal: the wait was real (at least libpq's 2 s; any load only adds). */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, G_USEC_PER_SEC);
  /* The window went on running its main loop meanwhile (a 10 ms timeout over 2 s: about 200
   * times on an idle machine, tens on a loaded one; once at most on a blocked loop). How
   * smoothly is not a test's to judge on a shared machine. */
  g_test_message ("a 10 ms timeout ran %u times while connecting", ticks);
  g_assert_cmpuint (ticks, >=, 10);
  message = lia_connect_dialog_get_error (dialog);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "127.0.0.1"));
  g_assert_null (strstr (message, "s3cret"));
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (dialog), message));
  g_assert_true (gtk_widget_is_sensitive (connect_button));
  g_assert_false (connected);
  g_assert_cmpuint (g_hash_table_size (fake_keyring), ==, 0);

  /* Cancel while connecting: the form is back at once, and nothing comes of the attempt. */
  g_signal_emit_by_name (connect_button, "clicked");
  g_assert_true (lia_connect_dialog_get_connecting (dialog));
  g_assert_null (lia_connect_dialog_get_error (dialog));
  g_signal_emit_by_name (cancel_button, "clicked");
  g_assert_false (lia_connect_dialog_get_connecting (dialog));
  g_assert_true (gtk_widget_is_sensitive (connect_button));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  start = g_get_monotonic_time ();
  while (g_get_monotonic_time () - start < 3 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (lia_connect_dialog_get_error (dialog));
  g_assert_false (connected);

  /* Cancel again closes. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_emit_by_name (cancel_button, "clicked");
  lia_ui_test_settle ();
  g_assert_null (dialog);
  g_assert_true (lia_window_get_store (window) == f->store);
  lia_ui_test_destroy (GTK_WINDOW (window));
}

/* Nothing listens on port 1 of this machine: the store's error shows in the dialog, no password
 * is kept, and the database the window has open is still usable. */
static void
test_unreachable (StoreFixture  *f,
                  gconstpointer  data)
{
  LiaWindow *window = g_object_new (LIA_TYPE_WINDOW, "store", f->store, NULL);
  LiaConnectDialog *dialog;
  gboolean connected = FALSE;
  LiaStoreCounts counts;
  g_autoptr(GError) error = NULL;
  const char *message;

  lia_test_add_organization (f->store, "Ministry of Health", 0);
  lia_ui_test_present (GTK_WINDOW (window));
  dialog = lia_connect_dialog_new (GTK_WINDOW (window), NULL, "amina");
  g_signal_connect (dialog, "connected", G_CALLBACK (on_connected_cb), &connected);
  lia_ui_test_present (GTK_WINDOW (dialog));

  gtk_editable_set_text (GTK_EDITABLE (lia_ui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "_Server")),
                         "127.0.0.1:1");
  gtk_editable_set_text (GTK_EDITABLE (lia_ui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "_Database")),
                         "liaison");
  gtk_editable_set_text (GTK_EDITABLE (lia_ui_test_find (GTK_WIDGET (dialog), ADW_TYPE_PASSWORD_ENTRY_ROW,
                                                         "_Password")),
                         "s3cret");
  lia_connect_dialog_connect (dialog);
  wait_connected (dialog, NULL);

  message = lia_connect_dialog_get_error (dialog);
  g_assert_nonnull (message);
  /* The store's own words, naming the server; never the password. */
  g_assert_true (g_str_has_prefix (message, "Could not connect to 127.0.0.1:1/liaison as amina: "));
  g_assert_null (strstr (message, "s3cret"));
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (dialog), message));
  g_assert_false (connected);
  g_assert_cmpuint (g_hash_table_size (fake_keyring), ==, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  /* The window is still on its file. */
  g_assert_true (lia_window_get_store (window) == f->store);
  g_assert_true (lia_store_get_counts (f->store, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (counts.organizations, ==, 1);

  gtk_window_destroy (GTK_WINDOW (dialog));
  lia_ui_test_destroy (GTK_WINDOW (window));
}

/* The store's connection takes the location as it is and the password beside it (a password
 * in the string itself would be refused): an unreachable server is a plain connection failure,
 * never a word about a password. (That it comes in seconds, not after TCP's minutes, is the
 * location's connect_timeout: test_account.) */
static void
test_location_accepted (void)
{
  g_autoptr(LiaServerAccount) account = lia_server_account_parse ("127.0.0.1:1", "liaison", "amina", NULL);
  g_autofree char *location = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) conn = NULL;

  location = lia_server_account_to_location (account);
  conn = lia_server_connect_with_password (location, "s3cret", &error);
  g_assert_null (conn);
  g_assert_nonnull (error);
  g_assert_false (g_error_matches (error, LIA_STORE_ERROR, LIA_STORE_ERROR_PERMISSION));
  g_assert_null (strstr (error->message, "s3cret"));
  g_assert_null (strstr (error->message, "password"));
}

/* What Connect keeps in the keyring is what the application reads back to reopen the server. */
static void
test_keyring_seam (void)
{
  g_autoptr(LiaServerAccount) account = lia_server_account_parse ("db.example.org", "liaison", "amina", NULL);
  g_autoptr(LiaServerAccount) same = lia_server_account_parse ("postgresql://amina@db.example.org/liaison", NULL,
                                                               NULL, NULL);
  g_autoptr(LiaServerAccount) other = lia_server_account_parse ("db.example.org", "liaison", "bruno", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  g_autofree char *none = NULL;

  g_assert_true (lia_server_secrets_store (account, "s3cret", &error));
  g_assert_no_error (error);
  password = lia_server_secrets_lookup (same, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, "s3cret");
  none = lia_server_secrets_lookup (other, &error);
  g_assert_no_error (error);
  g_assert_null (none);
  g_hash_table_remove_all (fake_keyring);
}

/* A window on @store, a read-only account's, open on the organization @id: no way to change
 * data, and the buttons say why; browsing stays. */
static void
assert_read_only_window (LiaStore *store,
                         gint64    id)
{
  LiaWindow *window = g_object_new (LIA_TYPE_WINDOW, "store", store, NULL);

  lia_ui_test_present (GTK_WINDOW (window));
  lia_window_set_view (window, "organizations");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-record", "(ix)",
                              (gint32) LIA_RECORD_KIND_ORGANIZATION, id);
  lia_ui_test_settle ();

  g_assert_true (gtk_widget_get_visible (window->edit_button));
  g_assert_false (gtk_widget_is_sensitive (window->edit_button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (window->edit_button), ==, "This account may not change data");
  g_assert_false (gtk_widget_is_sensitive (window->delete_button));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (window->add_button)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (window->add_button)), ==,
                   "This account may not change data");
  /* Browsing stays. */
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (window->search_button)));
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (window), "Ministry of Health"));

  lia_ui_test_destroy (GTK_WINDOW (window));
}

/* A read-only account: no way to change data, and the buttons say why. */
static void
test_read_only (StoreFixture  *f,
                gconstpointer  data)
{
  gint64 id = lia_test_add_organization (f->store, "Ministry of Health", 0);

  g_assert_false (lia_store_is_read_only (f->store));
  _lia_store_set_read_only (f->store, TRUE);
  assert_read_only_window (f->store, id);
}

/* On a server, a real read-only account (`liaison server init --read-only ROLE`'s grants): the
 * store finds out by itself, the window offers no edit, and a save it would try anyway is
 * refused in words the person understands. */
static void
test_read_only_account (StoreFixture  *f,
                        gconstpointer  data)
{
  g_autofree char *role = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *location = NULL;
  g_autoptr(LiaStore) reader = NULL;
  g_autoptr(LiaOrganization) organization = NULL;
  g_autoptr(GError) error = NULL;
  const char *readonly[2] = { NULL, NULL };
  PGconn *conn;
  gint64 id;

  if (pg_cluster == NULL)
    {
      g_test_skip ("server only: a file has no accounts");
      return;
    }

  id = lia_test_add_organization (f->store, "Ministry of Health", 0);
  role = g_strdup_printf ("lia_test_reader_%d", (int) getpid ());
  sql = g_strdup_printf ("CREATE ROLE %s LOGIN", role);
  pg_cluster_exec (sql);
  readonly[0] = role;
  conn = lia_server_connect (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (lia_server_init (conn, NULL, readonly, NULL, &error));
  g_assert_no_error (error);
  PQfinish (conn);

  /* The same database as that account (libpq takes the last user=). */
  location = g_strdup_printf ("%s user=%s", f->path, role);
  reader = lia_test_open (location);
  g_assert_true (lia_store_is_read_only (reader));
  assert_read_only_window (reader, id);

  organization = lia_organization_new ("Ministry of Finance");
  g_assert_false (lia_store_save (reader, LIA_RECORD (organization), &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "may not change data"));
  g_assert_false (lia_store_is_read_only (f->store));
  g_assert_finalize_object (G_OBJECT (g_steal_pointer (&reader)));

  /* Roles belong to the whole cluster: leave none behind. */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("DROP OWNED BY %s", role);
  lia_test_pg_sql (f, sql);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("DROP ROLE %s", role);
  pg_cluster_exec (sql);
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
  g_autofree char *runtime = g_dir_make_tmp ("liaison-runtime-XXXXXX", NULL);
  int skip = 0;
  int status;

  /* Whatever might go to the runtime folder: a throw-away one, never the user's. */
  g_assert_nonnull (runtime);
  g_setenv ("XDG_RUNTIME_DIR", runtime, TRUE);
  if (!lia_test_pg_init (&argc, &argv, &skip))
    {
      lia_test_remove_recursive (runtime);
      return skip;
    }

  fake_keyring = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lia_server_secrets_set_backend (&fake_secrets);

  g_test_add_func ("/ui-connect/account", test_account);
  g_test_add_func ("/ui-connect/keyring-seam", test_keyring_seam);
  g_test_add_func ("/ui-connect/location-accepted", test_location_accepted);
  if (!lia_ui_test_init_display ())
    g_test_add_func ("/ui-connect/no-display", test_no_display);
  else
    {

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, lia_test_pg_template_fixture_setup, func, \
              lia_test_pg_ui_fixture_teardown)

      ADD ("/ui-connect/unreachable", test_unreachable);
      ADD ("/ui-connect/never-answers", test_never_answers);
      ADD ("/ui-connect/read-only", test_read_only);
      ADD ("/ui-connect/read-only-account", test_read_only_account);

#undef ADD
    }

  status = g_test_run ();
  lia_test_remove_recursive (runtime);
  return status;
}
