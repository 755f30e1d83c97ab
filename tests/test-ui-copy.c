/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "lia-importer.h"
#include "lia-test-pg.h"
#include "test-ui-util.h"
#include "lia-window-private.h"

/* Copying between the team server and this computer from the window (docs/team-server.md,
 * "Moving in and out"): after asking, every record goes across through a partner directory
 * in a private temporary folder, with an import's summary, and the folder is gone after.
 * Runs on a database of the throw-away cluster (tests/pg-cluster.sh); this computer's
 * database is $LIAISON_DATABASE, a file of the test's own. */

static char *tmp_home;

static GtkWindow *
find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return window;
    }
  return NULL;
}

static GtkWindow *
wait_for_dialog (const char *heading)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (60, lia_ui_test_timeout_cb, &timed_out);
  GtkWindow *dialog;

  while ((dialog = find_dialog (heading)) == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("no dialog “%s” appeared", heading);
  g_source_remove (id);
  lia_ui_test_settle ();
  return dialog;
}

/* What is left in the temporary folder: the copy's own folder must be gone. */
static guint
count_copy_folders (void)
{
  g_autoptr(GDir) dir = g_dir_open (tmp_home, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "liaison-copy-"))
      n++;
  return n;
}

static char *
local_path (void)
{
  return g_build_filename (tmp_home, "this-computer.db", NULL);
}

static void
import_sample (LiaStore *store)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                   "regional-health-office.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (sample);
  g_autoptr(LiaImporter) importer = lia_importer_new (file);
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_importer_run (importer, store, NULL, &error));
  g_assert_no_error (error);
}

static LiaWindow *
new_window (LiaStore *store)
{
  LiaWindow *window = lia_window_new (NULL, store, NULL);

  lia_ui_test_present (GTK_WINDOW (window));
  return window;
}

/* The menu item labelled @label (as shown, without the mnemonic's underscore) under @widget:
 * a menu button's popover is one of its children. */
static GtkWidget *
find_menu_item (GtkWidget  *widget,
                const char *label)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkModelButton"))
    {
      g_autofree char *text = NULL;

      g_object_get (widget, "text", &text, NULL);
      if (g_strcmp0 (text, label) == 0)
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_item (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether the main menu offers @label: the items of actions that are off are left out. */
static gboolean
menu_offers (LiaWindow  *window,
             const char *label)
{
  GtkWidget *item = find_menu_item (GTK_WIDGET (window), label);

  return item != NULL && gtk_widget_get_visible (item);
}

#define COPY_TO_LOCAL "Copy to This Computer…"
#define COPY_TO_SERVER "Copy to the Team Server…"

/* Asks first; the copy starts only on Copy. */
static GtkWindow *
copy_confirmed (LiaWindow  *window,
                gboolean    to_server,
                const char *question)
{
  GtkWindow *confirm;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window),
                                             to_server ? "win.copy-to-server" : "win.copy-to-local", NULL));
  confirm = wait_for_dialog (question);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (confirm)), "this-computer.db"));
  return confirm;
}

static void
test_to_local (StoreFixture  *f,
               gconstpointer  data)
{
  g_autofree char *path = local_path ();
  g_autoptr(LiaStore) local = NULL;
  LiaWindow *window;
  GtkWindow *confirm;
  GtkWindow *summary;

  import_sample (f->store);
  window = new_window (f->store);
  g_assert_true (menu_offers (window, COPY_TO_LOCAL));
  g_assert_true (menu_offers (window, COPY_TO_SERVER));

  /* Cancel changes nothing: there is no database on this computer yet. */
  confirm = copy_confirmed (window, FALSE, "Copy to This Computer?");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "cancel");
  lia_ui_test_settle ();
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  confirm = copy_confirmed (window, FALSE, "Copy to This Computer?");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "copy");
  summary = wait_for_dialog ("Copied to This Computer");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (summary)), ==,
                   "Created 541, updated 0 and found 0 unchanged.");
  lia_ui_test_destroy (summary);
  g_assert_cmpuint (count_copy_folders (), ==, 0);

  /* Everything is on this computer, and the server kept its records. */
  local = lia_test_open (path);
  g_assert_cmpint (lia_test_count (local, LIA_RECORD_KIND_ORGANIZATION), ==, 17);
  g_assert_cmpint (lia_test_count (local, LIA_RECORD_KIND_INTERACTION), ==, 300);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_ORGANIZATION), ==, 17);
  g_clear_object (&local);

  /* Again: the same records are found unchanged, nothing is doubled. */
  confirm = copy_confirmed (window, FALSE, "Copy to This Computer?");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "copy");
  summary = wait_for_dialog ("Copied to This Computer");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (summary)), ==,
                   "Created 0, updated 0 and found 541 unchanged.");
  lia_ui_test_destroy (summary);

  lia_ui_test_destroy (GTK_WINDOW (window));
  g_unlink (path);
}

static void
test_to_server (StoreFixture  *f,
                gconstpointer  data)
{
  g_autofree char *path = local_path ();
  g_autoptr(LiaStore) local = NULL;
  LiaWindow *window;
  GtkWindow *confirm;
  GtkWindow *summary;

  window = new_window (f->store);

  /* Nothing to copy from while this computer has no database. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-to-server", NULL));
  lia_ui_test_settle ();
  g_assert_null (find_dialog ("Copy to the Team Server?"));

  local = lia_test_open (path);
  lia_test_add_contact (local, "Mireille", "Tchoumba");
  g_clear_object (&local);

  confirm = copy_confirmed (window, TRUE, "Copy to the Team Server?");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "copy");
  summary = wait_for_dialog ("Copied to the Team Server");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (summary)), ==,
                   "Created 1, updated 0 and found 0 unchanged.");
  lia_ui_test_destroy (summary);
  lia_ui_test_settle ();
  g_assert_cmpuint (count_copy_folders (), ==, 0);

  /* The window on the server shows the new person. */
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_CONTACT), ==, 1);
  g_assert_cmpstr (gtk_label_get_text (window->contacts_count), ==, "1");

  lia_ui_test_destroy (GTK_WINDOW (window));
  g_unlink (path);
}

/* A window on a file has no team server to copy to or from: the menu hides both. */
static void
test_file_window (void)
{
  g_autofree char *path = g_build_filename (tmp_home, "file-window.db", NULL);
  g_autoptr(LiaStore) store = lia_test_open (path);
  LiaWindow *window = new_window (store);

  g_assert_false (menu_offers (window, COPY_TO_LOCAL));
  g_assert_false (menu_offers (window, COPY_TO_SERVER));
  lia_ui_test_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  g_unlink (path);
}

static void
test_no_display (void)
{
  g_test_skip ("no display: run under xvfb-run");
}

int
main (int   argc,
      char *argv[])
{
  int skip = 0;
  int status;

  /* Temporary folders (the copy's own) and this computer's database, in a folder of the
   * test's own, before GLib reads TMPDIR. */
  tmp_home = g_dir_make_tmp ("liaison-ui-copy-XXXXXX", NULL);
  g_setenv ("TMPDIR", tmp_home, TRUE);
  {
    g_autofree char *path = local_path ();
    g_setenv ("LIAISON_DATABASE", path, TRUE);
  }

  if (!lia_test_pg_init (&argc, &argv, &skip))
    {
      lia_test_remove_recursive (tmp_home);
      return skip;
    }

  if (pg_cluster == NULL)
    {
      /* Only a window on a team server copies: run with --postgresql under pg-cluster.sh. */
      g_print ("1..0 # SKIP run with --postgresql under tests/pg-cluster.sh\n");
      lia_test_remove_recursive (tmp_home);
      return 0;
    }

  if (!lia_ui_test_init_display ())
    {
      g_test_add_func ("/ui-copy/no-display", test_no_display);
      return g_test_run ();
    }

  g_test_add ("/ui-copy/to-local", StoreFixture, NULL, lia_test_pg_fixture_setup, test_to_local,
              lia_test_pg_fixture_teardown);
  g_test_add ("/ui-copy/to-server", StoreFixture, NULL, lia_test_pg_fixture_setup, test_to_server,
              lia_test_pg_fixture_teardown);
  g_test_add_func ("/ui-copy/file-window", test_file_window);

  status = g_test_run ();
  lia_test_remove_recursive (tmp_home);
  return status;
}
