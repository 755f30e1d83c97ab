/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "lia-store-bulk.h"
#include "lia-test-pg.h"
#include "test-ui-util.h"
#include "lia-window-private.h"

/* Import and the sample directory from the window: the import runs in its thread with a
 * progress dialog, then the window shows the new records and a summary, or the problems with
 * their lines; the sample opens in a window of its own, on a database of its own. */

static char *data_home;

/* The first top-level window of @type (and, with @title, whose title or heading says it). */
static GtkWindow *
find_window (GType       type,
             const char *title)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (!G_TYPE_CHECK_INSTANCE_TYPE (window, type) || !gtk_widget_get_visible (GTK_WIDGET (window)))
        continue;
      if (title == NULL ||
          g_strcmp0 (gtk_window_get_title (window), title) == 0 ||
          (ADW_IS_MESSAGE_DIALOG (window) &&
           g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), title) == 0))
        return window;
    }
  return NULL;
}

static GtkWindow *
wait_for_window (GType       type,
                 const char *title)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (60, lia_ui_test_timeout_cb, &timed_out);
  GtkWindow *window;

  while ((window = find_window (type, title)) == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("no window “%s” appeared", title);
  g_source_remove (id);
  lia_ui_test_settle ();
  return window;
}

static char *
sample_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "samples", "regional-health-office.xml", NULL);
}

static LiaWindow *
new_window (StoreFixture *f)
{
  LiaWindow *window = lia_window_new (NULL, f->store, NULL);

  lia_ui_test_present (GTK_WINDOW (window));
  return window;
}

static void
on_reset_cb (gpointer user_data)
{
  (*(guint *) user_data)++;
}

static void
test_import (StoreFixture  *f,
             gconstpointer  data)
{
  g_autofree char *sample = sample_path ();
  g_autoptr(GFile) file = g_file_new_for_path (sample);
  LiaWindow *window = new_window (f);
  GtkWindow *progress;
  GtkWindow *summary;
  guint resets = 0;
  gboolean waited = FALSE;

  g_signal_connect_swapped (f->store, "reset", G_CALLBACK (on_reset_cb), &resets);
  _lia_window_import_file (window, file);
  progress = find_window (ADW_TYPE_MESSAGE_DIALOG, "Importing “regional-health-office.xml”");
  g_assert_nonnull (progress);
  g_assert_nonnull (lia_ui_test_find (GTK_WIDGET (progress), GTK_TYPE_PROGRESS_BAR, NULL));

  summary = wait_for_window (ADW_TYPE_MESSAGE_DIALOG, "Imported “regional-health-office.xml”");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (summary)), ==,
                   "Created 541, updated 0 and found 0 unchanged.");
  lia_ui_test_destroy (summary);
  lia_ui_test_settle ();

  /* The window heard of the other connection's import: its counts are the new ones. */
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_ORGANIZATION), ==, 17);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "browse");
  g_assert_cmpstr (gtk_label_get_text (window->organizations_count), ==, "17");
  g_assert_cmpstr (gtk_label_get_text (window->timeline_count), ==, "300");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->organizations_count)));

  /* It reloaded once: not again when its store's watch meets the import in the change log. */
  g_assert_cmpuint (resets, ==, 1);
  g_timeout_add (4 * LIA_STORE_WATCH_INTERVAL_MS, lia_ui_test_timeout_cb, &waited);
  while (!waited)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (resets, ==, 1);

  g_signal_handlers_disconnect_by_data (f->store, &resets);
  lia_ui_test_destroy (GTK_WINDOW (window));
}

/* A vCard from a phone, named like anything: the summary says what was not kept. */
static void
test_import_vcard (StoreFixture  *f,
                   gconstpointer  data)
{
  char *files = lia_test_pg_files_dir (f);
  g_autofree char *path = g_build_filename (files, "export from phone", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LiaWindow *window = new_window (f);
  GtkWindow *summary;

  g_assert_true (g_file_set_contents (path,
                                      "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Lima;Ana\r\nTEL;CELL:+41 79 555 01 02\r\n"
                                      "X-SOCIALPROFILE:a\r\nGEO:46.2;6.1\r\nX-SOCIALPROFILE:b\r\nEND:VCARD\r\n",
                                      -1, NULL));
  _lia_window_import_file (window, file);
  summary = wait_for_window (ADW_TYPE_MESSAGE_DIALOG, "Imported “export from phone”");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (summary)), ==,
                   "Created 1, updated 0 and found 0 unchanged.\n\n"
                   "Not kept: 2 × X-SOCIALPROFILE, 1 × GEO.");
  lia_ui_test_destroy (summary);
  lia_ui_test_settle ();
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_CONTACT), ==, 1);
  lia_ui_test_destroy (GTK_WINDOW (window));
  lia_test_pg_files_dir_free (f, files);
}

static void
test_import_problems (StoreFixture  *f,
                      gconstpointer  data)
{
  char *files = lia_test_pg_files_dir (f);
  g_autofree char *path = g_build_filename (files, "bad.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LiaWindow *window = new_window (f);
  GtkWindow *report;
  GtkWidget *row;

  g_assert_true (g_file_set_contents (path,
    "<?xml version=\"1.0\"?>\n"
    "<partner-directory xmlns=\"urn:liaison:partner-directory:1\" version=\"1\">\n"
    "  <organization id=\"who\"><name>WHO</name></organization>\n"
    "  <contact id=\"c-044\"><display-name>Ana</display-name>\n"
    "    <affiliation organization=\"un-ocha\"/></contact>\n"
    "</partner-directory>\n", -1, NULL));

  _lia_window_import_file (window, file);
  report = wait_for_window (ADW_TYPE_MESSAGE_DIALOG, "“bad.xml” Was Not Imported");
  row = lia_ui_test_find (GTK_WIDGET (report), ADW_TYPE_ACTION_ROW,
                          "contact “c-044”: refers to organization “un-ocha”, which is neither in this file nor in the database.");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Line 5, column 18");
  lia_ui_test_destroy (report);

  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_ORGANIZATION), ==, 0);
  lia_ui_test_destroy (GTK_WINDOW (window));
  lia_test_pg_files_dir_free (f, files);
}

static void
test_explore_sample (StoreFixture  *f,
                     gconstpointer  data)
{
  g_autofree char *sample_db = g_build_filename (data_home, "liaison", "sample.db", NULL);
  LiaWindow *window = new_window (f);
  GtkWindow *sample;
  LiaStore *sample_store;

  _lia_window_explore_sample (window);
  sample = wait_for_window (LIA_TYPE_WINDOW, "Liaison — Sample Directory");
  sample_store = lia_window_get_store (LIA_WINDOW (sample));
  g_assert_nonnull (sample_store);
  g_assert_cmpstr (lia_store_get_path (sample_store), ==, sample_db);
  g_assert_cmpint (lia_test_count (sample_store, LIA_RECORD_KIND_CONTACT), ==, 60);
  g_assert_cmpstr (gtk_label_get_text (LIA_WINDOW (sample)->contacts_count), ==, "60");

  /* The real database is untouched. */
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_CONTACT), ==, 0);

  lia_ui_test_destroy (sample);
  lia_ui_test_destroy (GTK_WINDOW (window));
}

/* A calendar invitation dropped on the window becomes a meeting; the summary lists who is not
 * a contact and offers to add them. */
static void
test_drop_invitation (StoreFixture  *f,
                      gconstpointer  data)
{
  char *folder = lia_test_pg_files_dir (f);
  g_autofree char *path = g_build_filename (folder, "invite.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LiaContact) ana = lia_contact_new ("Ana", "Ruiz");
  g_auto(GValue) value = G_VALUE_INIT;
  GSList *files = g_slist_prepend (NULL, file);
  LiaWindow *window;
  GtkWindow *report;
  GtkDropTarget *target = NULL;
  g_autoptr(GListModel) controllers = NULL;
  g_autoptr(LiaRecord) meeting = NULL;
  gint64 id = 0;

  lia_contact_add_email (ana, LIA_CONTACT_POINT_KIND_WORK, "ana@example.org");
  lia_test_save (f->store, ana);
  window = new_window (f);
  g_assert_true (g_file_set_contents (path,
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nMETHOD:REQUEST\r\n"
    "BEGIN:VEVENT\r\nUID:drop-1@example.org\r\nDTSTAMP:20240101T000000Z\r\nSUMMARY:Water board\r\n"
    "DTSTART;TZID=W. Europe Standard Time:20240312T090000\r\nDURATION:PT1H\r\n"
    "ORGANIZER;CN=Ana Ruiz:mailto:ana@example.org\r\n"
    "ATTENDEE;CN=Bob Stone:mailto:bob@example.org\r\nX-MICROSOFT-CDO-BUSYSTATUS:BUSY\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n", -1, NULL));

  /* The window takes files dropped on it, as a list or one by one. */
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);
  {
    gsize n_types = 0;
    const GType *types = gtk_drop_target_get_gtypes (target, &n_types);
    gboolean file_list = FALSE, one_file = FALSE;

    for (gsize i = 0; i < n_types; i++)
      {
        file_list |= types[i] == GDK_TYPE_FILE_LIST;
        one_file |= types[i] == G_TYPE_FILE;
      }
    g_assert_true (file_list && one_file);
  }

  /* What the drop target hands over when the file is dropped. */
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free (files);
  g_assert_true (_lia_window_drop_value (window, &value));

  report = wait_for_window (ADW_TYPE_MESSAGE_DIALOG, "Imported “invite.ics”");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (report)), "Created 1, updated 0"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (report)), "1 × X-MICROSOFT-CDO-BUSYSTATUS"));
  g_assert_nonnull (lia_ui_test_find (GTK_WIDGET (report), ADW_TYPE_ACTION_ROW, "Bob Stone <bob@example.org>"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (report), "add-people"));

  g_assert_true (lia_store_find_id (f->store, LIA_RECORD_KIND_INTERACTION, "drop-1@example.org", &id, NULL));
  meeting = lia_test_load (f->store, LIA_RECORD_KIND_INTERACTION, id);
  g_assert_cmpuint (lia_interaction_get_contact_ids (LIA_INTERACTION (meeting))->len, ==, 1);
  g_clear_object (&meeting);

  /* Add as Contacts: Bob becomes a contact and takes part in the meeting. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (report), "add-people");
  lia_ui_test_destroy (report);
  lia_ui_test_settle ();
  report = wait_for_window (ADW_TYPE_MESSAGE_DIALOG, "Imported “invite.ics”");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (report)), "Created 1, updated 1"));
  g_assert_false (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (report), "add-people"));
  lia_ui_test_destroy (report);

  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_CONTACT), ==, 2);
  meeting = lia_test_load (f->store, LIA_RECORD_KIND_INTERACTION, id);
  g_assert_cmpuint (lia_interaction_get_contact_ids (LIA_INTERACTION (meeting))->len, ==, 2);

  lia_ui_test_destroy (GTK_WINDOW (window));
  lia_test_pg_files_dir_free (f, folder);
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
  /* The sample's own database goes where the user's data goes: a folder of the test's own. */
  int skip = 0;

  data_home = g_dir_make_tmp ("liaison-ui-exchange-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  if (!lia_test_pg_init (&argc, &argv, &skip))
    {
      lia_test_remove_recursive (data_home);
      return skip;
    }

  if (!lia_ui_test_init_display ())
    {
      g_test_add_func ("/ui-exchange/no-display", test_no_display);
      return g_test_run ();
    }

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, lia_test_pg_template_fixture_setup, func, lia_test_pg_fixture_teardown)

  ADD ("/ui-exchange/import", test_import);
  ADD ("/ui-exchange/import-problems", test_import_problems);
  ADD ("/ui-exchange/import-vcard", test_import_vcard);
  ADD ("/ui-exchange/explore-sample", test_explore_sample);
  ADD ("/ui-exchange/drop-invitation", test_drop_invitation);

#undef ADD

  {
    int status = g_test_run ();
    lia_test_remove_recursive (data_home);
    return status;
  }
}
