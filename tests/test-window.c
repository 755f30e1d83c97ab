/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window as a person first sees it: an empty state for an empty database, what the
 * database holds otherwise, and why when the database could not be opened. Runs under Xvfb. */
#include "config.h"

#include <glib/gstdio.h>

#include "lia-window.h"

typedef struct
{
  char     *tmpdir;
  char     *db_path;
  LiaStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->tmpdir = g_dir_make_tmp ("liaison-test-window-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->tmpdir, "test.db", NULL);
  fixture->store = lia_store_open (fixture->db_path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  if (fixture->store != NULL)
    g_assert_finalize_object (fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (fixture->db_path, suffixes[i], NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->tmpdir);
  g_clear_pointer (&fixture->db_path, g_free);
  g_clear_pointer (&fixture->tmpdir, g_free);
}

static void
save (LiaStore *store,
      gpointer  record)
{
  g_autoptr(GError) error = NULL;

  lia_store_save (store, LIA_RECORD (record), &error);
  g_assert_no_error (error);
}

static void
add_organizations_and_contacts (LiaStore *store,
                                guint     n_organizations,
                                guint     n_contacts)
{
  g_autoptr(GError) error = NULL;

  lia_store_begin (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_organizations; i++)
    {
      g_autofree char *name = g_strdup_printf ("Partner %u", i + 1);
      g_autoptr(LiaOrganization) organization = lia_organization_new (name);

      save (store, organization);
    }
  for (guint i = 0; i < n_contacts; i++)
    {
      g_autofree char *given = g_strdup_printf ("Person %u", i + 1);
      g_autoptr(LiaContact) contact = lia_contact_new (given, "Example");

      save (store, contact);
    }
  lia_store_commit (store, &error);
  g_assert_no_error (error);
}

static AdwStatusPage *
find_status_page (GtkWidget *widget)
{
  if (ADW_IS_STATUS_PAGE (widget))
    return ADW_STATUS_PAGE (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwStatusPage *found = find_status_page (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main context until *@flag is as wanted, for at most a few seconds. */
static void
wait_until (gboolean *flag,
            gboolean  wanted)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (10, timeout_cb, &timed_out);

  while (*flag != wanted && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (id);
}

static void
on_map_cb (GtkWidget *widget,
           gboolean  *mapped)
{
  *mapped = TRUE;
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              gboolean   *notified)
{
  *notified = TRUE;
}

static LiaWindow *
show_window (LiaStore   *store,
             const char *error_message)
{
  LiaWindow *window = lia_window_new (NULL, store, error_message);
  gboolean mapped = FALSE;

  g_signal_connect (window, "map", G_CALLBACK (on_map_cb), &mapped);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (&mapped, TRUE);
  g_signal_handlers_disconnect_by_func (window, on_map_cb, &mapped);

  return window;
}

static void
destroy_window (LiaWindow *window)
{
  gpointer pointer = window;

  g_object_add_weak_pointer (G_OBJECT (window), &pointer);
  gtk_window_destroy (GTK_WINDOW (window));

  /* GTK may drop its last references from idle callbacks. */
  while (pointer != NULL && g_main_context_iteration (NULL, FALSE))
    ;

  if (pointer != NULL)
    g_object_remove_weak_pointer (G_OBJECT (window), &pointer);
  g_assert_null (pointer);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  user_data)
{
  LiaWindow *window = show_window (fixture->store, NULL);
  AdwStatusPage *page = find_status_page (GTK_WIDGET (window));

  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Liaison");
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "No Partners Yet");
  g_assert_cmpstr (adw_status_page_get_icon_name (page), ==, "system-users-symbolic");
  g_assert_true (g_str_has_prefix (adw_status_page_get_description (page),
                                   "Partner organizations and their people will appear here."));
  g_assert_true (lia_window_get_store (window) == fixture->store);

  {
    int width, height;

    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_cmpint (width, ==, 960);
    g_assert_cmpint (height, ==, 640);
  }

  destroy_window (window);
}

static void
test_counts (Fixture       *fixture,
             gconstpointer  user_data)
{
  LiaWindow *window;
  AdwStatusPage *page;

  add_organizations_and_contacts (fixture->store, 2, 3);

  window = show_window (fixture->store, NULL);
  page = find_status_page (GTK_WIDGET (window));
  g_assert_nonnull (page);
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "2 organizations, 3 contacts");
  g_assert_cmpstr (adw_status_page_get_description (page), ==,
                   "Browsing arrives with the next version of Liaison.");

  destroy_window (window);
}

static void
test_counts_singular (Fixture       *fixture,
                      gconstpointer  user_data)
{
  LiaWindow *window;
  AdwStatusPage *page;

  add_organizations_and_contacts (fixture->store, 1, 1);

  window = show_window (fixture->store, NULL);
  page = find_status_page (GTK_WIDGET (window));
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "1 organization, 1 contact");

  destroy_window (window);
}

static void
test_follows_the_store (Fixture       *fixture,
                        gconstpointer  user_data)
{
  LiaWindow *window = show_window (fixture->store, NULL);
  AdwStatusPage *page = find_status_page (GTK_WIDGET (window));
  gboolean notified = FALSE;

  g_assert_cmpstr (adw_status_page_get_title (page), ==, "No Partners Yet");

  /* Records added while the window is open show up without reopening it. */
  add_organizations_and_contacts (fixture->store, 2, 0);
  g_signal_connect (page, "notify::title", G_CALLBACK (on_notify_cb), &notified);
  wait_until (&notified, TRUE);
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "2 organizations, 0 contacts");
  g_signal_handlers_disconnect_by_func (page, on_notify_cb, &notified);

  destroy_window (window);
}

static void
test_error (Fixture       *fixture,
            gconstpointer  user_data)
{
  const char *message = "“/srv/liaison.db” was written by a newer version of Liaison.";
  LiaWindow *window;
  AdwStatusPage *page;

  g_clear_object (&fixture->store);

  window = show_window (NULL, message);
  page = find_status_page (GTK_WIDGET (window));
  g_assert_nonnull (page);
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "Could not open the database");
  g_assert_cmpstr (adw_status_page_get_description (page), ==, message);
  g_assert_cmpstr (adw_status_page_get_icon_name (page), ==, "dialog-error-symbolic");
  g_assert_null (lia_window_get_store (window));
  g_assert_cmpstr (lia_window_get_error_message (window), ==, message);

  destroy_window (window);
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
  /* Not G_TEST_OPTION_ISOLATE_DIRS: libadwaita needs the system's GSettings schemas, found
   * through XDG_DATA_DIRS. The test writes only in its own temporary folder. */
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      /* Only without a display: the test suite runs this under Xvfb. */
      g_test_add_func ("/window/no-display", test_no_display);
      return g_test_run ();
    }
  adw_init ();
  /* No timers left behind by animations, and the same rendering every time. */
  g_object_set (gtk_settings_get_default (),
                "gtk-enable-animations", FALSE,
                "gtk-cursor-blink", FALSE,
                NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/window/empty", test_empty);
  ADD ("/window/counts", test_counts);
  ADD ("/window/counts/singular", test_counts_singular);
  ADD ("/window/follows-the-store", test_follows_the_store);
  ADD ("/window/error", test_error);

#undef ADD

  return g_test_run ();
}
