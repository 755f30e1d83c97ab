/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window as a person uses it: the first run, the four views over a fixture database,
 * the details, search, follow-ups with done and undo, delete with undo, the narrow layout and
 * what the window remembers. Acts through the window's actions and checks what is shown and
 * what is stored. Runs under Xvfb. */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <sqlite3.h>

#include "lia-importer.h"
#include "lia-follow-up-row.h"
#include "lia-search-text.h"
#include "lia-timeline-row.h"
#include "lia-ui-util.h"
#include "lia-window-private.h"
#include "test-ui-util.h"
#include "lia-test-pg.h"

typedef struct
{
  gint64 who;
  gint64 office;
  gint64 amina;
  gint64 bruno;
  gint64 meeting;
  gint64 call;
  gint64 ours;
  gint64 theirs;
} Seed;

static void
seed (LiaStore *store,
      Seed     *s)
{
  g_autoptr(LiaContact) amina = lia_contact_new ("Amina", "Diallo");
  g_autoptr(LiaCommitment) ours = lia_commitment_new (LIA_COMMITMENT_DIRECTION_OURS, "Send the draft agreement");
  g_autoptr(LiaCommitment) theirs = lia_commitment_new (LIA_COMMITMENT_DIRECTION_THEIRS, "Share the vaccination figures");
  g_autoptr(GDate) overdue = lia_test_date_from_today (-3);

  s->who = lia_test_add_organization (store, "World Health Organization", 0);
  s->office = lia_test_add_organization (store, "WHO Regional Office", s->who);
  lia_contact_set_time_zone (amina, "Africa/Nairobi");
  lia_contact_add_email (amina, LIA_CONTACT_POINT_KIND_WORK, "amina@example.org");
  lia_contact_add_phone (amina, LIA_CONTACT_POINT_KIND_MOBILE, "+254 700 000 000");
  lia_test_save (store, amina);
  s->amina = lia_record_get_id (LIA_RECORD (amina));
  s->bruno = lia_test_add_contact (store, "Bruno", "Keller");
  lia_test_add_affiliation (store, s->amina, s->who, "Director", "2019-01-01", NULL);
  lia_test_add_affiliation (store, s->bruno, s->who, "Analyst", "2010-01-01", "2015-12-31");
  s->meeting = lia_test_add_interaction (store, LIA_INTERACTION_KIND_MEETING, "2025-03-14T10:00:00+03:00",
                                         "Budget meeting", s->amina, s->who);
  s->call = lia_test_add_interaction (store, LIA_INTERACTION_KIND_CALL, "2025-03-14T08:00:00+03:00",
                                      "Call about the budget", s->amina, 0);
  lia_test_add_interaction (store, LIA_INTERACTION_KIND_EMAIL, "2025-03-10T08:00:00+01:00",
                            "Agenda sent", s->bruno, 0);
  lia_commitment_set_organization_id (ours, s->who);
  lia_commitment_set_due_date (ours, overdue);
  lia_test_save (store, ours);
  s->ours = lia_record_get_id (LIA_RECORD (ours));
  lia_commitment_set_contact_id (theirs, s->amina);
  lia_test_save (store, theirs);
  s->theirs = lia_record_get_id (LIA_RECORD (theirs));
}

static LiaWindow *
show (LiaStore  *store,
      GSettings *settings)
{
  LiaWindow *window = g_object_new (LIA_TYPE_WINDOW, "store", store, "settings", settings, NULL);

  lia_ui_test_present (GTK_WINDOW (window));
  return window;
}

static void
activate (LiaWindow  *window,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, parameter));
  lia_ui_test_settle ();
}

/* The window on Organizations, where these tests begin (it starts on Today). */
static LiaWindow *
show_organizations (LiaStore *store)
{
  LiaWindow *window = show (store, NULL);

  activate (window, "win.view", g_variant_new_string ("organizations"));
  return window;
}

static GtkWidget *
detail (LiaWindow *window)
{
  return gtk_stack_get_visible_child (window->detail_stack);
}

static void
test_first_run (StoreFixture  *f,
                gconstpointer  data)
{
  LiaWindow *window = show (f->store, NULL);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "first-run");
  g_assert_cmpstr (adw_status_page_get_title (window->first_run_page), ==, "Welcome to Liaison");
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (window), "Import a Directory…"));
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (window), "Explore the Sample Directory"));

  /* The exchange is not wired yet: the button answers instead of doing nothing. */
  activate (window, "win.import", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "first-run");

  activate (window, "win.start-empty", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "browse");
  /* Every empty list says what it is for and offers the next step. */
  g_assert_nonnull (lia_ui_test_find (GTK_WIDGET (window->organizations_list), ADW_TYPE_STATUS_PAGE, "No Organizations"));
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (window->organizations_list), "Add Organization"));
  activate (window, "win.view", g_variant_new_string ("timeline"));
  g_assert_nonnull (lia_ui_test_find (GTK_WIDGET (window->timeline_view), ADW_TYPE_STATUS_PAGE, "No Interactions Yet"));

  /* A first record ends the first run for good. */
  lia_test_add_organization (f->store, "Partner 1", 0);
  lia_ui_test_settle ();
  g_assert_cmpstr (gtk_label_get_text (window->organizations_count), ==, "1");

  lia_ui_test_destroy (GTK_WINDOW (window));
}

static gboolean
search_timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop (up to 60 s) while @busy says @object still waits for a thread. */
static void
wait_while (gboolean (*busy) (gpointer object),
            gpointer   object)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (60, search_timeout_cb, &timed_out);

  while (busy (object) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
  lia_ui_test_settle ();
}

static gboolean
counting (gpointer window)
{
  return _lia_window_get_counting (window);
}

/* Runs the main loop until the window's counts, read in a thread, are in. */
static void
wait_for_counts (LiaWindow *window)
{
  wait_while (counting, window);
}

/* On a big database the sidebar's counts are read in a thread once the window shows (a
 * database out of the OS page cache makes counting slow): the first frame shows the start
 * page of a database with records, never the first-run page, and the counts fill in. */
static void
test_counts_in_thread (StoreFixture  *f,
                       gconstpointer  data)
{
  const char *path = lia_store_get_path (f->store);
  gboolean in_thread = path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR);  /* not a server */
  LiaWindow *window;
  Seed s;

  /* An empty database says so at once and stays so. */
  _lia_window_set_count_in_thread_bytes (0);
  window = g_object_new (LIA_TYPE_WINDOW, "store", f->store, NULL);
  /* What the first frame shows, before the thread can answer. */
  g_assert_cmpint (_lia_window_get_counting (window), ==, in_thread);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "first-run");
  lia_ui_test_present (GTK_WINDOW (window));
  wait_for_counts (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "first-run");
  lia_ui_test_destroy (GTK_WINDOW (window));

  seed (f->store, &s);
  window = g_object_new (LIA_TYPE_WINDOW, "store", f->store, NULL);
  g_assert_cmpint (_lia_window_get_counting (window), ==, in_thread);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "browse");
  g_assert_cmpstr (lia_window_get_view (window), ==, "today");
  lia_ui_test_present (GTK_WINDOW (window));
  g_assert_false (lia_ui_test_shows_label (GTK_WIDGET (window), "Welcome to Liaison"));
  wait_for_counts (window);
  g_assert_cmpstr (gtk_label_get_text (window->organizations_count), ==, "2");
  g_assert_cmpstr (gtk_label_get_text (window->contacts_count), ==, "2");
  g_assert_cmpstr (gtk_label_get_text (window->timeline_count), ==, "3");
  g_assert_cmpstr (gtk_label_get_text (window->follow_ups_count), ==, "1");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->follow_ups_count)));
  g_assert_cmpstr (gtk_label_get_text (window->follow_ups_open_count), ==, "2");

  /* A change is counted again, also in a thread. */
  lia_test_add_organization (f->store, "Partner 3", 0);
  lia_ui_test_settle ();
  wait_for_counts (window);
  g_assert_cmpstr (gtk_label_get_text (window->organizations_count), ==, "3");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "browse");

  lia_ui_test_destroy (GTK_WINDOW (window));
  _lia_window_set_count_in_thread_bytes (32 * 1024 * 1024);
}

static void
test_error (StoreFixture  *f,
            gconstpointer  data)
{
  const char *message = "“/srv/liaison.db” was written by a newer version of Liaison.";
  LiaWindow *window = lia_window_new (NULL, NULL, message);

  lia_ui_test_present (GTK_WINDOW (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "error");
  g_assert_cmpstr (adw_status_page_get_title (window->status_page), ==, "Could not open the database");
  g_assert_cmpstr (adw_status_page_get_description (window->status_page), ==, message);
  g_assert_null (lia_window_get_store (window));
  g_assert_cmpstr (lia_window_get_error_message (window), ==, message);
  lia_ui_test_destroy (GTK_WINDOW (window));
}

/* Which database the window is on: in the sidebar's title, and whole in its tooltip, since a
 * team server's name is cut to the sidebar's width. */
static void
test_database_label (StoreFixture  *f,
                     gconstpointer  data)
{
  const char *label = "Team server: db.regional-health-office.example.org:5433/liaison_partners as amina";
  LiaWindow *window = show (f->store, NULL);
  const char *tooltip;

  lia_window_set_database_label (window, label);
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (window->sidebar_title)), ==, label);
  tooltip = gtk_widget_get_tooltip_text (window->sidebar_title);
  g_assert_cmpstr (tooltip, ==, label);

  lia_window_set_database_label (window, "This computer");
  tooltip = gtk_widget_get_tooltip_text (window->sidebar_title);
  g_assert_cmpstr (tooltip, ==, "This computer");

  lia_ui_test_destroy (GTK_WINDOW (window));
}

static void
test_organizations (StoreFixture  *f,
                    gconstpointer  data)
{
  LiaWindow *window;
  GListModel *model;
  g_autofree char *subtitle = NULL;
  g_autoptr(LiaRecord) office = NULL;
  GtkWidget *pane;
  Seed s;

  seed (f->store, &s);
  window = show (f->store, NULL);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "browse");
  /* With data, the window starts on Today. */
  g_assert_cmpstr (lia_window_get_view (window), ==, "today");
  activate (window, "win.view", g_variant_new_string ("organizations"));
  g_assert_cmpstr (gtk_label_get_text (window->organizations_count), ==, "2");
  g_assert_cmpstr (gtk_label_get_text (window->contacts_count), ==, "2");
  g_assert_cmpstr (gtk_label_get_text (window->timeline_count), ==, "3");
  /* The red count is what is late (1 of the 2 open), the dim one what is open. */
  g_assert_cmpstr (gtk_label_get_text (window->follow_ups_count), ==, "1");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->follow_ups_count)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window->follow_ups_count), "overdue-count"));
  g_assert_cmpstr (gtk_label_get_text (window->follow_ups_open_count), ==, "2");

  model = lia_directory_list_get_model (window->organizations_list);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  /* The hierarchy shows: the office says what it is part of. */
  office = lia_test_load (f->store, LIA_RECORD_KIND_ORGANIZATION, s.office);
  subtitle = lia_directory_list_dup_subtitle (window->organizations_list, office);
  g_assert_cmpstr (subtitle, ==, "Part of World Health Organization");
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (window->organizations_list), "WHO Regional Office"));

  lia_directory_list_select (window->organizations_list, 1);
  lia_ui_test_settle ();
  pane = detail (window);
  g_assert_true (LIA_IS_DETAIL (pane));
  g_assert_cmpint (lia_detail_get_record_id (LIA_DETAIL (pane)), ==, s.who);
  g_assert_cmpstr (adw_window_title_get_title (window->detail_title), ==, "World Health Organization");
  /* Current people, past ones behind the expander, the sub-organization, the open commitment. */
  g_assert_nonnull (lia_ui_test_find (pane, ADW_TYPE_ACTION_ROW, "Amina Diallo"));
  g_assert_nonnull (lia_ui_test_find (pane, ADW_TYPE_EXPANDER_ROW, "1 former member"));
  g_assert_nonnull (lia_ui_test_find (pane, ADW_TYPE_ACTION_ROW, "WHO Regional Office"));
  g_assert_nonnull (lia_ui_test_find (pane, ADW_TYPE_ACTION_ROW, "Send the draft agreement"));

  /* The organization's timeline: its own meeting and its director's call. */
  lia_detail_show_timeline (LIA_DETAIL (pane));
  lia_ui_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (lia_timeline_view_get_model (LIA_TIMELINE_VIEW (lia_detail_get_timeline (LIA_DETAIL (pane))))), ==, 2);

  /* Links open other records. */
  activate (window, "win.open-record", lia_ui_record_target (LIA_RECORD_KIND_ORGANIZATION, s.office));
  g_assert_cmpint (lia_detail_get_record_id (LIA_DETAIL (detail (window))), ==, s.office);
  g_assert_nonnull (lia_ui_test_find (detail (window), ADW_TYPE_ACTION_ROW, "World Health Organization"));

  lia_ui_test_destroy (GTK_WINDOW (window));
}

static void
test_contacts (StoreFixture  *f,
               gconstpointer  data)
{
  LiaWindow *window;
  g_autoptr(LiaRecord) amina = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *pane;
  GtkWidget *local_time;
  Seed s;

  seed (f->store, &s);
  window = show_organizations (f->store);
  activate (window, "win.view", g_variant_new_string ("contacts"));
  g_assert_cmpstr (lia_window_get_view (window), ==, "contacts");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->list_stack), ==, "contacts");
  g_assert_cmpstr (adw_window_title_get_title (window->list_title), ==, "Contacts");

  amina = lia_test_load (f->store, LIA_RECORD_KIND_CONTACT, s.amina);
  subtitle = lia_directory_list_dup_subtitle (window->contacts_list, amina);
  g_assert_cmpstr (subtitle, ==, "Director · World Health Organization");
  g_assert_nonnull (lia_ui_test_find (GTK_WIDGET (window->contacts_list), ADW_TYPE_AVATAR, NULL));

  lia_directory_list_select (window->contacts_list, 0);
  lia_ui_test_settle ();
  pane = detail (window);
  g_assert_cmpint (lia_detail_get_record_id (LIA_DETAIL (pane)), ==, s.amina);
  g_assert_nonnull (lia_ui_test_find (pane, ADW_TYPE_ACTION_ROW, "amina@example.org"));
  g_assert_nonnull (lia_ui_test_find (pane, ADW_TYPE_ACTION_ROW, "+254 700 000 000"));
  local_time = lia_ui_test_find_row_by_subtitle (pane, "Local Time");
  g_assert_nonnull (local_time);
  g_assert_true (g_str_has_suffix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (local_time)), " in Nairobi"));
  g_assert_nonnull (lia_ui_test_find (pane, ADW_TYPE_ACTION_ROW, "Share the vaccination figures"));
  g_assert_nonnull (lia_ui_test_find (pane, ADW_TYPE_ACTION_ROW, "World Health Organization"));

  /* Copying an address puts it on the clipboard. */
  activate (window, "win.copy", g_variant_new_string ("amina@example.org"));

  lia_ui_test_destroy (GTK_WINDOW (window));
}

static LiaTimelineRow *
row_titled (GtkWidget  *widget,
            const char *title)
{
  if (LIA_IS_TIMELINE_ROW (widget) &&
      g_strcmp0 (lia_timeline_row_get_title (LIA_TIMELINE_ROW (widget)), title) == 0)
    return LIA_TIMELINE_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      LiaTimelineRow *found = row_titled (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
assert_kind_icon (LiaTimelineRow *row,
                  const char     *kind)
{
  GtkWidget *icon;

  g_assert_nonnull (row);
  icon = lia_ui_test_find_with_class (GTK_WIDGET (row), "kind-icon");
  g_assert_nonnull (icon);
  g_assert_true (gtk_widget_get_has_tooltip (icon));
  g_assert_cmpstr (lia_timeline_row_get_kind_tooltip (row), ==, kind);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, kind);
}

static void
test_timeline (StoreFixture  *f,
               gconstpointer  data)
{
  LiaWindow *window;
  GListModel *model;
  LiaTimelineRow *row;
  g_autoptr(GDate) since = lia_test_date (2025, 3, 12);
  Seed s;

  seed (f->store, &s);
  window = show_organizations (f->store);
  activate (window, "win.view", g_variant_new_string ("timeline"));

  model = lia_timeline_view_get_model (window->timeline_view);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  /* Newest first, one heading per day: the meeting opens 14 March, the call shares it. */
  row = row_titled (GTK_WIDGET (window->timeline_view), "Budget meeting");
  g_assert_nonnull (row);
  g_assert_true (lia_timeline_row_get_shows_day (row));
  g_assert_cmpstr (lia_timeline_row_get_participants (row), ==, "Amina Diallo, World Health Organization");
  row = row_titled (GTK_WIDGET (window->timeline_view), "Call about the budget");
  g_assert_false (lia_timeline_row_get_shows_day (row));
  row = row_titled (GTK_WIDGET (window->timeline_view), "Agenda sent");
  g_assert_true (lia_timeline_row_get_shows_day (row));
  g_assert_cmpstr (lia_timeline_row_get_day (row), ==, "Monday, 10 March 2025");
  /* The kind icon names the kind under the pointer and to a screen reader. */
  assert_kind_icon (row_titled (GTK_WIDGET (window->timeline_view), "Budget meeting"), "Meeting");
  assert_kind_icon (row, "Email");

  lia_timeline_view_set_kinds (window->timeline_view, 1u << LIA_INTERACTION_KIND_CALL);
  lia_ui_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (lia_timeline_view_get_model (window->timeline_view)), ==, 1);
  /* A row given another interaction says its new kind. */
  assert_kind_icon (row_titled (GTK_WIDGET (window->timeline_view), "Call about the budget"), "Call");
  /* A screen reader on the kind filter hears what it is and what it is set to, not
   * "GtkToggleButton" (the drop-down's own label does not reach the button inside it). */
  {
    GtkWidget *kind = lia_ui_test_find (GTK_WIDGET (window->timeline_view), GTK_TYPE_DROP_DOWN, NULL);

    g_assert_nonnull (kind);
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (kind)),
                                         GTK_ACCESSIBLE_PROPERTY_LABEL, "Kind of interaction: Calls");
  }
  lia_timeline_view_set_kinds (window->timeline_view, 0);
  lia_timeline_view_set_range (window->timeline_view, since, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (lia_timeline_view_get_model (window->timeline_view)), ==, 2);
  lia_timeline_view_set_range (window->timeline_view, NULL, NULL);
  lia_timeline_view_set_party (window->timeline_view, LIA_RECORD_KIND_CONTACT, s.bruno);
  g_assert_cmpuint (g_list_model_get_n_items (lia_timeline_view_get_model (window->timeline_view)), ==, 1);
  lia_timeline_view_set_party (window->timeline_view, LIA_RECORD_KIND_CONTACT, 0);

  /* A new interaction appears at the top without reloading. */
  lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_NOTE, "2025-03-15T09:00:00+00:00", "Follow-up note", s.bruno, 0);
  lia_ui_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (lia_timeline_view_get_model (window->timeline_view)), ==, 4);

  lia_timeline_view_select (window->timeline_view, 1);
  lia_ui_test_settle ();
  g_assert_cmpint (lia_detail_get_record_id (LIA_DETAIL (detail (window))), ==, s.meeting);
  g_assert_nonnull (lia_ui_test_find (detail (window), ADW_TYPE_ACTION_ROW, "Amina Diallo"));

  /* A title longer than the row ends in "…" and the time keeps its place at the row's end. */
  {
    const char *title = "A very long title about the regional budget, the vaccination figures, "
                        "the midwife mentoring programme and everything else discussed that day";
    GtkWidget *title_label, *time_label, *line;
    graphene_rect_t title_bounds, time_bounds;

    lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_NOTE, "2025-03-16T09:00:00+00:00", title, s.bruno, 0);
    lia_ui_test_settle ();
    row = row_titled (GTK_WIDGET (window->timeline_view), title);
    g_assert_nonnull (row);
    title_label = lia_ui_test_find (GTK_WIDGET (row), GTK_TYPE_LABEL, title);
    g_assert_nonnull (title_label);
    time_label = gtk_widget_get_next_sibling (title_label);
    line = gtk_widget_get_parent (title_label);
    g_assert_true (GTK_IS_LABEL (time_label));
    g_assert_true (gtk_widget_compute_bounds (title_label, line, &title_bounds));
    g_assert_true (gtk_widget_compute_bounds (time_label, line, &time_bounds));
    g_assert_true (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (title_label))));
    g_assert_cmpfloat (title_bounds.origin.x, ==, 0);
    g_assert_cmpfloat (title_bounds.size.width, >, 0);
    g_assert_cmpfloat (time_bounds.origin.x, ==, title_bounds.size.width + 6);
    g_assert_cmpfloat (time_bounds.origin.x + time_bounds.size.width, ==, gtk_widget_get_width (line));
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (row)), <=,
                     gtk_widget_get_width (GTK_WIDGET (window->timeline_view)));
  }

  lia_ui_test_destroy (GTK_WINDOW (window));
}

static void
test_follow_ups (StoreFixture  *f,
                 gconstpointer  data)
{
  LiaWindow *window;
  GListModel *ours, *theirs;
  g_autoptr(LiaRecord) after = NULL;
  Seed s;

  seed (f->store, &s);
  window = show_organizations (f->store);
  activate (window, "win.view", g_variant_new_string ("follow-ups"));
  ours = lia_follow_up_list_get_model (window->follow_up_list, LIA_COMMITMENT_DIRECTION_OURS);
  theirs = lia_follow_up_list_get_model (window->follow_up_list, LIA_COMMITMENT_DIRECTION_THEIRS);
  g_assert_cmpuint (g_list_model_get_n_items (ours), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (theirs), ==, 1);
  g_assert_true (lia_ui_test_has_label (GTK_WIDGET (window->follow_up_list), "Send the draft agreement"));

  /* One click: done, gone from the list, stored. */
  activate (window, "win.mark-done", g_variant_new_int64 (s.ours));
  g_assert_cmpuint (g_list_model_get_n_items (ours), ==, 0);
  after = lia_test_load (f->store, LIA_RECORD_KIND_COMMITMENT, s.ours);
  g_assert_cmpint (lia_commitment_get_status (LIA_COMMITMENT (after)), ==, LIA_COMMITMENT_STATUS_DONE);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->follow_ups_count)));
  g_assert_cmpstr (gtk_label_get_text (window->follow_ups_open_count), ==, "1");
  g_clear_object (&after);

  /* Undo: open again and back in the list. */
  activate (window, "win.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (ours), ==, 1);
  after = lia_test_load (f->store, LIA_RECORD_KIND_COMMITMENT, s.ours);
  g_assert_cmpint (lia_commitment_get_status (LIA_COMMITMENT (after)), ==, LIA_COMMITMENT_STATUS_OPEN);

  lia_ui_test_destroy (GTK_WINDOW (window));
}

/* Sends @keyval to every key controller of @widget, as a key press would; TRUE when one
 * handled it. */
static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; !handled && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
    }

  return handled;
}

static int
find_hit (LiaSearchResults *results,
          LiaRecordKind     kind,
          gint64            id)
{
  for (guint i = 0; i < lia_search_results_get_n_results (results); i++)
    {
      LiaSearchResult *hit = lia_search_results_get_result (results, i);

      if (lia_search_result_get_kind (hit) == kind && lia_search_result_get_id (hit) == id)
        return (int) i;
    }
  return -1;
}

/* Whether a hit's title, date or context, or passage under @widget says @text (they are
 * LiaSearchText, not labels). */
static gboolean
has_hit_text (GtkWidget  *widget,
              const char *text)
{
  if (LIA_IS_SEARCH_TEXT (widget) && g_strcmp0 (lia_search_text_get_text (LIA_SEARCH_TEXT (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_hit_text (child, text))
      return TRUE;
  return FALSE;
}

static void
test_search (StoreFixture  *f,
             gconstpointer  data)
{
  LiaWindow *window;
  Seed s;

  seed (f->store, &s);
  window = show_organizations (f->store);

  activate (window, "win.search", NULL);
  g_assert_true (gtk_search_bar_get_search_mode (window->search_bar));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (window->search_entry)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (window->search_entry)));

  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "budg");
  lia_ui_test_settle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->list_stack), ==, "search");
  g_assert_cmpstr (adw_window_title_get_title (window->list_title), ==, "Search");
  g_assert_cmpuint (lia_search_results_get_n_results (window->search_results), ==, 2);
  g_assert_cmpint (lia_search_result_get_kind (lia_search_results_get_result (window->search_results, 0)), ==,
                   LIA_RECORD_KIND_INTERACTION);
  /* Down from the entry goes to the first hit; Escape there returns to the entry with its text. */
  g_assert_true (press_key (GTK_WIDGET (window->search_entry), GDK_KEY_Down));
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    g_assert_true (GTK_IS_LIST_BOX_ROW (focus));
    g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (window->search_results)));
    g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (focus)), ==, 0);
    g_assert_true (press_key (gtk_widget_get_parent (focus), GDK_KEY_Escape));
    g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                           GTK_WIDGET (window->search_entry)));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (window->search_entry)), ==, "budg");
  }
  /* Grouped by kind, with a heading. */
  g_assert_true (lia_ui_test_has_label (GTK_WIDGET (window->search_results), "Interactions"));
  /* Each interaction hit says when it happened, in the locale's date format. */
  {
    g_autoptr(GDateTime) day = g_date_time_new_local (2025, 3, 14, 12, 0, 0);
    g_autofree char *shown = g_date_time_format (day, "%x");

    g_assert_true (has_hit_text (GTK_WIDGET (window->search_results), shown));
  }

  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "amina");
  lia_ui_test_settle ();
  g_assert_cmpint (lia_search_result_get_kind (lia_search_results_get_result (window->search_results, 0)), ==,
                   LIA_RECORD_KIND_CONTACT);
  /* A contact hit says who the person is. */
  g_assert_true (has_hit_text (GTK_WIDGET (window->search_results), "Director, World Health Organization"));
  /* Enter opens the first result. */
  g_signal_emit_by_name (window->search_entry, "activate");
  lia_ui_test_settle ();
  g_assert_cmpint (lia_detail_get_record_id (LIA_DETAIL (detail (window))), ==, s.amina);
  /* A save reaches the shown results. */
  {
    gint64 added = lia_test_add_contact (f->store, "Aminata", "Sarr");

    lia_ui_test_settle ();
    g_assert_cmpint (find_hit (window->search_results, LIA_RECORD_KIND_CONTACT, added), >=, 0);
  }

  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "zzzz");
  lia_ui_test_settle ();
  g_assert_cmpuint (lia_search_results_get_n_results (window->search_results), ==, 0);
  g_assert_nonnull (lia_ui_test_find (GTK_WIDGET (window->search_results), ADW_TYPE_STATUS_PAGE, "No Results Found"));

  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "");
  lia_ui_test_settle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->list_stack), ==, "organizations");
  g_assert_cmpstr (adw_window_title_get_title (window->list_title), ==, "Organizations");

  lia_ui_test_destroy (GTK_WINDOW (window));
}

static gboolean
search_busy (gpointer results)
{
  return lia_search_results_get_busy (results);
}

/* Waits (up to 60 s) for the search in a thread to answer. */
static void
wait_for_search (LiaSearchResults *results)
{
  wait_while (search_busy, results);
}

/* More hits than the first frame lays out: 8 of each of three kinds, all found by "zeta". */
static void
seed_zeta (LiaStore *store)
{
  for (guint i = 0; i < 9; i++)
    {
      g_autofree char *name = g_strdup_printf ("Zeta Partner %02u", i);
      g_autofree char *family = g_strdup_printf ("Zetason%02u", i);
      g_autofree char *title = g_strdup_printf ("Zeta review %02u", i);
      gint64 org = lia_test_add_organization (store, name, 0);
      gint64 contact = lia_test_add_contact (store, "Ada", family);

      lia_test_add_interaction (store, LIA_INTERACTION_KIND_MEETING, "2025-02-03T10:00:00+01:00",
                                title, contact, org);
    }
}

/* Waits (up to 60 s) for every hit to have its row: the rows below the fold get their
 * content a screenful per frame. */
static void
wait_for_rows (LiaSearchResults *results)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (60, search_timeout_cb, &timed_out);

  while (_lia_search_results_get_n_rows (results) < lia_search_results_get_n_results (results) &&
         !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

/* On a big database the search runs in a thread, on a connection of its own: what is typed
 * while it runs is searched next and the stale answer is never shown; many hits show their
 * first rows at once and the rest after that frame. */
static void
test_search_in_thread (StoreFixture  *f,
                       gconstpointer  data)
{
  LiaWindow *window;
  Seed s;

  seed (f->store, &s);
  seed_zeta (f->store);
  window = show_organizations (f->store);
  activate (window, "win.search", NULL);
  _lia_search_results_set_always_in_thread (LIA_SEARCH_RESULTS (_lia_window_ensure_list (window, "search")), TRUE);

  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "budg");
  /* Typed on before the answer: "zeta" is what shows. */
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "zeta");
  wait_for_search (window->search_results);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->list_stack), ==, "search");
  g_assert_cmpuint (lia_search_results_get_n_results (window->search_results), >, 0);
  g_assert_cmpuint (lia_search_results_get_n_results (window->search_results), >, 20);
  for (guint i = 0; i < lia_search_results_get_n_results (window->search_results); i++)
    g_assert_nonnull (strstr (lia_search_result_get_title (lia_search_results_get_result (window->search_results, i)), "Zeta"));
  /* Every hit gets its row in the frames that follow. */
  wait_for_rows (window->search_results);
  g_assert_cmpuint (_lia_search_results_get_n_rows (window->search_results), ==,
                    lia_search_results_get_n_results (window->search_results));

  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "budg");
  wait_for_search (window->search_results);
  g_assert_cmpuint (lia_search_results_get_n_results (window->search_results), ==, 2);
  g_assert_true (lia_ui_test_has_label (GTK_WIDGET (window->search_results), "Interactions"));

  lia_ui_test_destroy (GTK_WINDOW (window));
}

/* The first descendant of @widget with the style class @css_class. */
/* Checks what the hits' rows show, in order: one shown row per hit, with the hit's title and
 * its snippet with the typed part in bold, and no row left over from earlier results. */
static void
assert_hit_rows (LiaSearchResults *results,
                 const char       *marked)
{
  GtkWidget *list = lia_ui_test_find (GTK_WIDGET (results), GTK_TYPE_LIST_BOX, NULL);
  guint n = 0;
  gboolean marked_seen = FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      LiaSearchResult *hit;
      GtkWidget *title, *snippet;
      g_autofree char *plain = NULL;
      g_autofree char *bold = NULL;

      if (!GTK_IS_LIST_BOX_ROW (child))
        continue;
      g_assert_true (gtk_widget_get_visible (child));
      g_assert_cmpuint (n, <, lia_search_results_get_n_results (results));
      hit = lia_search_results_get_result (results, n);
      title = lia_ui_test_find_with_class (child, "search-title");
      g_assert_true (LIA_IS_SEARCH_TEXT (title));
      g_assert_cmpstr (lia_search_text_get_text (LIA_SEARCH_TEXT (title)), ==, lia_search_result_get_title (hit));
      snippet = lia_ui_test_find_with_class (child, "snippet");
      g_assert_true (LIA_IS_SEARCH_TEXT (snippet));
      plain = lia_search_result_format_snippet (hit, "", "", FALSE);
      g_assert_cmpstr (lia_search_text_get_text (LIA_SEARCH_TEXT (snippet)), ==, plain);
      bold = lia_search_text_format_bold (LIA_SEARCH_TEXT (snippet), "<b>", "</b>");
      if (strstr (bold, marked) != NULL)
        marked_seen = TRUE;
      n++;
    }
  g_assert_cmpuint (n, ==, lia_search_results_get_n_results (results));
  g_assert_true (marked_seen);
}

/* Search rows are kept from one set of results to the next: each shows its new hit's title
 * and snippet, the typed part marked, and the first frame fills only what the list shows. */
/* The passage under a hit: on one line when it fits, else on two ending in an ellipsis, the
 * row as tall as its lines (a reused row grows and shrinks with its new passage), the typed
 * part in bold. */
static GtkWidget *
first_snippet (LiaSearchResults *results)
{
  GtkWidget *snippet;

  wait_for_rows (results);
  lia_ui_test_settle ();
  g_assert_cmpuint (lia_search_results_get_n_results (results), ==, 1);
  snippet = lia_ui_test_find_with_class (GTK_WIDGET (results), "snippet");
  g_assert_true (LIA_IS_SEARCH_TEXT (snippet));
  g_assert_true (gtk_widget_get_mapped (snippet));
  g_assert_nonnull (lia_search_text_get_layout (LIA_SEARCH_TEXT (snippet)));
  /* Never cut: the widget is as tall as the lines it draws. */
  {
    int height;

    pango_layout_get_pixel_size (lia_search_text_get_layout (LIA_SEARCH_TEXT (snippet)), NULL, &height);
    g_assert_cmpint (gtk_widget_get_height (snippet), ==, height);
  }
  return snippet;
}

static void
test_search_passage (StoreFixture  *f,
                     gconstpointer  data)
{
  LiaWindow *window;
  GtkWidget *snippet;
  PangoLayout *layout;
  g_autofree char *bold = NULL;
  int one_line;
  g_autoptr(GString) notes = g_string_new ("Longkappa");
  g_autoptr(LiaOrganization) brief = lia_organization_new ("Brief Partner");
  g_autoptr(LiaOrganization) wordy = lia_organization_new ("Wordy Partner");

  for (guint i = 0; i < 40; i++)
    g_string_append (notes, " agreed the next steps of the programme with the ministry");
  lia_organization_set_notes (brief, "Shortkappa met us.");
  lia_test_save (f->store, brief);
  lia_organization_set_notes (wordy, notes->str);
  lia_test_save (f->store, wordy);
  window = show_organizations (f->store);
  activate (window, "win.search", NULL);

  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "shortkap");
  snippet = first_snippet (window->search_results);
  layout = lia_search_text_get_layout (LIA_SEARCH_TEXT (snippet));
  g_assert_cmpint (pango_layout_get_line_count (layout), ==, 1);
  g_assert_false (pango_layout_is_ellipsized (layout));
  g_assert_cmpstr (lia_search_text_get_text (LIA_SEARCH_TEXT (snippet)), ==, "Shortkappa met us.");
  bold = lia_search_text_format_bold (LIA_SEARCH_TEXT (snippet), "<b>", "</b>");
  g_assert_cmpstr (bold, ==, "<b>Shortkap</b>pa met us.");
  one_line = gtk_widget_get_height (snippet);
  g_assert_cmpint (one_line, >, 0);

  /* The same row, given a passage too long for it. */
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "longkap");
  g_assert_true (first_snippet (window->search_results) == snippet);
  g_assert_cmpint (pango_layout_get_line_count (layout), ==, 2);
  g_assert_true (pango_layout_is_ellipsized (layout));
  g_assert_cmpint (gtk_widget_get_height (snippet), >=, 2 * one_line - 1);
  g_clear_pointer (&bold, g_free);
  bold = lia_search_text_format_bold (LIA_SEARCH_TEXT (snippet), "<b>", "</b>");
  g_assert_true (g_str_has_prefix (bold, "<b>Longkap</b>pa agreed"));

  /* And back to one line. */
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "shortkappa");
  g_assert_true (first_snippet (window->search_results) == snippet);
  g_assert_cmpint (pango_layout_get_line_count (layout), ==, 1);
  g_assert_cmpint (gtk_widget_get_height (snippet), ==, one_line);

  lia_ui_test_destroy (GTK_WINDOW (window));
}

static void
test_search_rows (StoreFixture  *f,
                  gconstpointer  data)
{
  LiaWindow *window;
  Seed s;
  int height;

  seed (f->store, &s);
  seed_zeta (f->store);
  window = show_organizations (f->store);
  activate (window, "win.search", NULL);
  lia_ui_test_settle ();

  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "zeta");
  /* Before any frame: the rows that fill the list have their content, not all 27 hits'; the
   * results' page is as tall as the list it replaces. */
  height = gtk_widget_get_height (gtk_widget_get_parent (GTK_WIDGET (window->search_results)));
  g_assert_cmpint (height, >, 0);
  g_assert_cmpuint (lia_search_results_get_n_results (window->search_results), >, 20);
  g_assert_cmpuint (_lia_search_results_get_n_rows (window->search_results), <=, (guint) (height / 48 + 1));
  g_assert_cmpuint (_lia_search_results_get_n_rows (window->search_results), <,
                    lia_search_results_get_n_results (window->search_results));
  wait_for_rows (window->search_results);
  lia_ui_test_settle ();
  assert_hit_rows (window->search_results, "<b>Zeta</b>");

  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "budg");
  wait_for_rows (window->search_results);
  lia_ui_test_settle ();
  g_assert_cmpuint (lia_search_results_get_n_results (window->search_results), ==, 2);
  assert_hit_rows (window->search_results, "<b>Budg</b>");
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (window->search_results), "Interactions"));
  g_assert_false (has_hit_text (GTK_WIDGET (window->search_results), "Zeta review 00"));

  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "zeta");
  wait_for_rows (window->search_results);
  lia_ui_test_settle ();
  assert_hit_rows (window->search_results, "<b>Zeta</b>");
  /* Grouped by kind, each group under its heading. */
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (window->search_results), "Organizations"));
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (window->search_results), "Contacts"));
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (window->search_results), "Interactions"));

  lia_ui_test_destroy (GTK_WINDOW (window));
}

static void
test_delete_and_undo (StoreFixture  *f,
                      gconstpointer  data)
{
  LiaWindow *window;
  g_autoptr(GPtrArray) affiliations = NULL;
  g_autoptr(LiaRecord) meeting = NULL;
  Seed s;

  seed (f->store, &s);
  window = show_organizations (f->store);
  /* The list of contacts, not shown, follows the delete and the undo. */
  _lia_window_ensure_list (window, "contacts");
  activate (window, "win.open-record", lia_ui_record_target (LIA_RECORD_KIND_CONTACT, s.amina));
  g_assert_true (gtk_widget_get_visible (window->delete_button));

  activate (window, "win.delete", NULL);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_CONTACT), ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->detail_stack), ==, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (lia_directory_list_get_model (window->contacts_list)), ==, 1);

  activate (window, "win.undo", NULL);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_CONTACT), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (lia_directory_list_get_model (window->contacts_list)), ==, 2);
  affiliations = lia_store_list_affiliations_for_contact (f->store, s.amina, NULL);
  g_assert_cmpuint (affiliations->len, ==, 1);
  meeting = lia_test_load (f->store, LIA_RECORD_KIND_INTERACTION, s.meeting);
  g_assert_cmpuint (lia_interaction_get_contact_ids (LIA_INTERACTION (meeting))->len, ==, 1);
  g_assert_cmpint (lia_detail_get_record_id (LIA_DETAIL (detail (window))), ==, s.amina);

  /* Nothing left to undo: a second Ctrl+Z changes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_CONTACT), ==, 2);

  lia_ui_test_destroy (GTK_WINDOW (window));
}

/* Narrow: one pane at a time, with a way back. */
static void
test_narrow (StoreFixture  *f,
             gconstpointer  data)
{
  LiaWindow *window;
  Seed s;

  seed (f->store, &s);
  window = g_object_new (LIA_TYPE_WINDOW, "store", f->store, "default-width", 400, "default-height", 700, NULL);
  lia_ui_test_present (GTK_WINDOW (window));
  g_assert_true (adw_leaflet_get_folded (window->leaflet));

  activate (window, "win.open-record", lia_ui_record_target (LIA_RECORD_KIND_CONTACT, s.amina));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (window->leaflet), ==, "detail");
  activate (window, "win.back", NULL);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (window->leaflet), ==, "list");

  lia_ui_test_destroy (GTK_WINDOW (window));
}

/* At the window's default size and a common larger one, an organization opens beside the
 * list: the detail page never asks for more than a phone's width, so the leaflet stays
 * unfolded and both panes get room. */
static void
test_wide_layout (StoreFixture  *f,
                  gconstpointer  data)
{
  static const int sizes[][2] = { { 960, 640 }, { 1280, 800 } };
  Seed s;

  seed (f->store, &s);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      LiaWindow *window = g_object_new (LIA_TYPE_WINDOW, "store", f->store,
                                        "default-width", sizes[i][0],
                                        "default-height", sizes[i][1], NULL);
      GtkWidget *page;
      int minimum;
      graphene_rect_t list_bounds, detail_bounds;

      lia_ui_test_present (GTK_WINDOW (window));
      activate (window, "win.view", g_variant_new_string ("organizations"));
      activate (window, "win.open-record", lia_ui_record_target (LIA_RECORD_KIND_ORGANIZATION, s.who));
      lia_ui_test_settle ();

      page = detail (window);
      g_assert_cmpint (lia_detail_get_record_id (LIA_DETAIL (page)), ==, s.who);
      gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      g_assert_cmpint (minimum, <=, 360);
      g_assert_false (adw_leaflet_get_folded (window->leaflet));

      /* Side by side: both panes allocated, the list left of the detail, no overlap. */
      g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (window->list_stack), GTK_WIDGET (window), &list_bounds));
      g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (window->detail_stack), GTK_WIDGET (window), &detail_bounds));
      g_assert_cmpfloat (list_bounds.size.width, >, 0);
      g_assert_cmpfloat (detail_bounds.size.width, >=, 360);
      g_assert_cmpfloat (list_bounds.origin.x + list_bounds.size.width, <=, detail_bounds.origin.x + 1);
      g_assert_cmpfloat (detail_bounds.origin.x + detail_bounds.size.width, <=, sizes[i][0] + 1);

      lia_ui_test_destroy (GTK_WINDOW (window));
    }
}

/* The size, the view and the record shown come back next time. */
static void
test_remembers (StoreFixture  *f,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  LiaWindow *window;
  int width, height;
  Seed s;

  g_settings_reset (settings, "last-view");
  g_settings_reset (settings, "last-selection");
  seed (f->store, &s);
  window = show (f->store, settings);
  activate (window, "win.view", g_variant_new_string ("contacts"));
  activate (window, "win.open-record", lia_ui_record_target (LIA_RECORD_KIND_CONTACT, s.bruno));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gtk_window_close (GTK_WINDOW (window));
  lia_ui_test_settle ();

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1100);
  window = show (f->store, settings);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1100);
  g_assert_cmpint (height, ==, 700);
  g_assert_cmpstr (lia_window_get_view (window), ==, "contacts");
  g_assert_cmpint (lia_detail_get_record_id (LIA_DETAIL (detail (window))), ==, s.bruno);

  lia_ui_test_destroy (GTK_WINDOW (window));
}

/* --- layout at every size and in every language ------------------------------------------ */

static LiaWindow *
show_sized (LiaStore *store,
            int       width,
            int       height)
{
  LiaWindow *window = g_object_new (LIA_TYPE_WINDOW, "store", store,
                                    "default-width", width, "default-height", height, NULL);

  lia_ui_test_present (GTK_WINDOW (window));
  return window;
}

typedef struct
{
  const char *name;      /* test path part */
  const char *language;  /* the catalog's language, NULL for the untranslated strings */
  const char *locale;    /* LC_ALL */
} Language;

static const Language english = { "en", NULL, "C.UTF-8" };
static const Language french = { "fr", "fr", "fr_FR.UTF-8" };

/* Switches what _() and the templates return, as LANG=fr_FR.UTF-8 does at start; FALSE when
 * the machine lacks the locale. */
static gboolean
use_language (const Language *language)
{
  if (setlocale (LC_ALL, language->locale) == NULL)
    return FALSE;
  /* glibc keeps translations per text domain: naming it again drops what it looked up. */
  textdomain (GETTEXT_PACKAGE);
  return TRUE;
}

/* The sample directory: real names, long French words, URLs and addresses. */
static void
import_sample (LiaStore *store)
{
  g_autoptr(GFile) file = g_file_new_for_uri ("resource:///io/github/liaison/Liaison/samples/regional-health-office.xml");
  g_autoptr(LiaImporter) importer = lia_importer_new (file);
  g_autoptr(GError) error = NULL;

  lia_importer_run (importer, store, NULL, &error);
  g_assert_no_error (error);
}

/* Every shown widget lies inside the window, left to right: nothing is cut off. */
static void
assert_inside (GtkWidget  *widget,
               GtkWidget  *window,
               const char *where)
{
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (widget) || GTK_IS_NATIVE (widget))
    return;
  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  if (bounds.origin.x < -0.5 || bounds.origin.x + bounds.size.width > gtk_widget_get_width (window) + 0.5)
    g_error ("%s: a %s spans %.0f–%.0f px in a %d px window", where, G_OBJECT_TYPE_NAME (widget),
             bounds.origin.x, bounds.origin.x + bounds.size.width, gtk_widget_get_width (window));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    assert_inside (child, window, where);
}

/* The action buttons of a record lie inside their bar, which the next group does not cover:
 * a bar measured for fewer lines than it lays out draws its last buttons over the group. */
static void
assert_actions_inside (GtkWidget  *page,
                       const char *where)
{
  GtkWidget *bar = lia_ui_test_find (page, GTK_TYPE_FLOW_BOX, NULL);
  graphene_rect_t bar_bounds, bounds;

  if (bar == NULL || !gtk_widget_get_mapped (bar))
    return;
  g_assert_true (gtk_widget_compute_bounds (bar, page, &bar_bounds));
  for (GtkWidget *child = gtk_widget_get_first_child (bar); child; child = gtk_widget_get_next_sibling (child))
    {
      g_assert_true (gtk_widget_compute_bounds (child, page, &bounds));
      if (bounds.origin.y + bounds.size.height > bar_bounds.origin.y + bar_bounds.size.height + 0.5)
        g_error ("%s: an action button ends at %.0f px, below its bar (%.0f px)", where,
                 bounds.origin.y + bounds.size.height, bar_bounds.origin.y + bar_bounds.size.height);
    }
}

static gint64
longest (StoreFixture *f,
         const char   *query)
{
  gint64 id = lia_test_pg_sql_int (f, query);

  g_assert_cmpint (id, >, 0);
  return id;
}

/* The records whose pages are the widest in the sample: the longest names and titles. */
static void
sample_records (StoreFixture  *f,
                LiaRecordKind  kinds[5],
                gint64         ids[5])
{
  kinds[0] = LIA_RECORD_KIND_ORGANIZATION;
  ids[0] = longest (f, "SELECT id FROM organizations ORDER BY length(name) DESC LIMIT 1");
  kinds[1] = LIA_RECORD_KIND_CONTACT;
  ids[1] = longest (f, "SELECT contact_id FROM affiliations GROUP BY contact_id ORDER BY count(*) DESC LIMIT 1");
  kinds[2] = LIA_RECORD_KIND_INTERACTION;
  ids[2] = longest (f, "SELECT id FROM interactions ORDER BY length(title) DESC LIMIT 1");
  kinds[3] = LIA_RECORD_KIND_COMMITMENT;
  ids[3] = longest (f, "SELECT id FROM commitments ORDER BY length(title) DESC LIMIT 1");
  /* Concerns have no view of their own: one opens from the organization it involves. */
  kinds[4] = LIA_RECORD_KIND_CONCERN;
  ids[4] = longest (f, "SELECT id FROM concerns ORDER BY length(title) DESC LIMIT 1");
}

static const char *
view_of (LiaRecordKind kind)
{
  switch (kind)
    {
    case LIA_RECORD_KIND_CONTACT: return "contacts";
    case LIA_RECORD_KIND_INTERACTION: return "timeline";
    case LIA_RECORD_KIND_COMMITMENT: return "follow-ups";
    default: return "organizations";
    }
}

/* Clicks @row of a list view as the pointer does: GTK 4.8's list rows select themselves
 * through this action when clicked. */
static void
click_row (GtkWidget *row)
{
  g_assert_true (gtk_widget_activate_action (row, "listitem.select", "(bb)", FALSE, FALSE));
  lia_ui_test_settle ();
}

/* The first organization row shown in the list, and the organization it shows. */
static GtkWidget *
first_organization_row (LiaWindow *window,
                        gint64    *out_id)
{
  GListModel *model = lia_directory_list_get_model (window->organizations_list);
  g_autoptr(LiaRecord) first = g_list_model_get_item (model, 0);
  GtkWidget *label = lia_ui_test_find (GTK_WIDGET (window->organizations_list), GTK_TYPE_LABEL,
                                       lia_record_get_label (first));

  while (label != NULL && !GTK_IS_LIST_VIEW (gtk_widget_get_parent (label)))
    label = gtk_widget_get_parent (label);
  g_assert_nonnull (label);
  *out_id = lia_record_get_id (first);
  return label;
}

/* In English and in French, at the default size and a common larger one, each kind of record
 * opens beside its list, and the list keeps its width whatever is shown; at 360 px every page
 * (the list, each record, the list again after Back) fits inside the window. */
static void
test_layout (StoreFixture  *f,
             gconstpointer  data)
{
  const Language *language = data;
  static const int sizes[][2] = { { 960, 640 }, { 1280, 800 }, { 360, 640 } };
  LiaRecordKind kinds[5];
  gint64 ids[5];

  if (!use_language (language))
    {
      g_test_skip ("The locale is not installed: build-aux/dev generates it");
      return;
    }
  import_sample (f->store);
  sample_records (f, kinds, ids);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      int width = sizes[i][0];
      LiaWindow *window = show_sized (f->store, width, sizes[i][1]);
      double list_width = -1;

      activate (window, "win.view", g_variant_new_string ("organizations"));
      /* Translated, or the test proves nothing about French. */
      if (language->language != NULL)
        g_assert_cmpstr (adw_window_title_get_title (window->list_title), ==, "Organisations");

      /* A click on an organization: its page beside the list, never the window folding. */
      if (width != 360)
        {
          gint64 clicked = 0;
          graphene_rect_t list_bounds, detail_bounds;

          click_row (first_organization_row (window, &clicked));
          g_assert_cmpint (lia_detail_get_record_id (LIA_DETAIL (detail (window))), ==, clicked);
          g_assert_false (adw_leaflet_get_folded (window->leaflet));
          g_assert_true (gtk_widget_get_mapped (detail (window)));
          g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->organizations_list)));
          g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (window->list_stack), GTK_WIDGET (window), &list_bounds));
          g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (window->detail_stack), GTK_WIDGET (window), &detail_bounds));
          g_assert_cmpfloat (list_bounds.origin.x + list_bounds.size.width, <=, detail_bounds.origin.x + 1);
          g_assert_cmpfloat (detail_bounds.origin.x + detail_bounds.size.width, <=, width + 1);
        }

      for (guint r = 0; r < G_N_ELEMENTS (kinds); r++)
        {
          g_autofree char *where = g_strdup_printf ("%s, %d px, %s", language->name, width, view_of (kinds[r]));
          graphene_rect_t list_bounds, detail_bounds;
          int minimum;

          activate (window, "win.view", g_variant_new_string (view_of (kinds[r])));
          if (width == 360)
            {
              g_assert_true (adw_leaflet_get_folded (window->leaflet));
              g_assert_cmpstr (adw_leaflet_get_visible_child_name (window->leaflet), ==, "list");
              assert_inside (GTK_WIDGET (window), GTK_WIDGET (window), where);
            }
          activate (window, "win.open-record", lia_ui_record_target (kinds[r], ids[r]));
          g_assert_cmpint (lia_detail_get_record_id (LIA_DETAIL (detail (window))), ==, ids[r]);
          gtk_widget_measure (detail (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
          g_assert_cmpint (minimum, <=, 360);
          g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, width);
          assert_actions_inside (detail (window), where);

          if (width == 360)
            {
              g_assert_cmpstr (adw_leaflet_get_visible_child_name (window->leaflet), ==, "detail");
              assert_inside (GTK_WIDGET (window), GTK_WIDGET (window), where);
              activate (window, "win.back", NULL);
              g_assert_cmpstr (adw_leaflet_get_visible_child_name (window->leaflet), ==, "list");
              assert_inside (GTK_WIDGET (window), GTK_WIDGET (window), where);
              continue;
            }

          /* Side by side: list left of the detail, no overlap, the list as wide as before. */
          g_assert_false (adw_leaflet_get_folded (window->leaflet));
          g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (window->list_stack), GTK_WIDGET (window), &list_bounds));
          g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (window->detail_stack), GTK_WIDGET (window), &detail_bounds));
          g_assert_cmpfloat (list_bounds.size.width, >=, 320);
          g_assert_cmpfloat (detail_bounds.size.width, >=, 360);
          g_assert_cmpfloat (list_bounds.origin.x + list_bounds.size.width, <=, detail_bounds.origin.x + 1);
          g_assert_cmpfloat (detail_bounds.origin.x + detail_bounds.size.width, <=, width + 1);
          if (list_width < 0)
            list_width = list_bounds.size.width;
          g_assert_cmpfloat (list_bounds.size.width, ==, list_width);
          assert_inside (GTK_WIDGET (window), GTK_WIDGET (window), where);
        }

      if (width == 360)
        {
          g_autofree char *where = g_strdup_printf ("%s, %d px", language->name, width);

          /* The sidebar, one step back from a list. */
          activate (window, "win.back", NULL);
          g_assert_cmpstr (adw_leaflet_get_visible_child_name (window->leaflet), ==, "sidebar");
          assert_inside (GTK_WIDGET (window), GTK_WIDGET (window), where);
          /* Search results, with their dates and passages. */
          activate (window, "win.search", NULL);
          gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "budget");
          lia_ui_test_settle ();
          g_assert_cmpstr (gtk_stack_get_visible_child_name (window->list_stack), ==, "search");
          g_assert_cmpuint (lia_search_results_get_n_results (window->search_results), >, 0);
          assert_inside (GTK_WIDGET (window), GTK_WIDGET (window), where);
          /* The empty state of a view with nothing chosen. */
          gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "");
          activate (window, "win.view", g_variant_new_string ("timeline"));
          assert_inside (GTK_WIDGET (window), GTK_WIDGET (window), where);
        }
      lia_ui_test_destroy (GTK_WINDOW (window));
    }
  use_language (&english);
}

/* The id of the record highlighted in @list (any of its list or grid views), 0 when none is. */
static gint64
highlighted (GtkWidget *list)
{
  if (GTK_IS_LIST_VIEW (list) || GTK_IS_GRID_VIEW (list))
    {
      GtkSelectionModel *model = GTK_IS_LIST_VIEW (list) ? gtk_list_view_get_model (GTK_LIST_VIEW (list))
                                                         : gtk_grid_view_get_model (GTK_GRID_VIEW (list));
      gpointer item = GTK_IS_SINGLE_SELECTION (model)
                      ? gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model)) : NULL;

      if (item != NULL && LIA_IS_RECORD (item))
        return lia_record_get_id (item);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (list); child; child = gtk_widget_get_next_sibling (child))
    {
      gint64 id = highlighted (child);

      if (id != 0)
        return id;
    }
  return 0;
}

/* The detail page shown is the only one visible (and so the only one screen readers see). */
static void
assert_one_page_visible (LiaWindow *window)
{
  guint visible = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (window->detail_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    visible += gtk_widget_get_visible (child);
  g_assert_cmpuint (visible, ==, 1);
  g_assert_true (gtk_widget_get_visible (detail (window)));
}

/* Each view shows its own record, or its empty state; the highlighted row is the record
 * shown; only the page shown is visible. */
static void
test_detail_follows_view (StoreFixture  *f,
                          gconstpointer  data)
{
  const Language *language = data;
  LiaWindow *window;
  Seed s;

  if (!use_language (language))
    {
      g_test_skip ("The locale is not installed: build-aux/dev generates it");
      return;
    }
  seed (f->store, &s);
  window = show_sized (f->store, 1280, 800);
  activate (window, "win.view", g_variant_new_string ("organizations"));

  lia_directory_list_select_id (window->organizations_list, s.who);
  lia_ui_test_settle ();
  g_assert_cmpint (lia_detail_get_record_id (LIA_DETAIL (detail (window))), ==, s.who);
  assert_one_page_visible (window);

  /* Follow-ups has nothing chosen yet: its empty state, not the organization. */
  activate (window, "win.view", g_variant_new_string ("follow-ups"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->detail_stack), ==, "empty");
  g_assert_false (gtk_widget_get_sensitive (window->edit_button) && gtk_widget_get_visible (window->edit_button));
  assert_one_page_visible (window);
  g_assert_cmpint (highlighted (GTK_WIDGET (window->follow_up_list)), ==, 0);

  /* Opening a commitment from the list highlights it; back in Organizations the organization
   * is there again, highlighted. */
  activate (window, "win.open-record", lia_ui_record_target (LIA_RECORD_KIND_COMMITMENT, s.theirs));
  g_assert_cmpint (lia_detail_get_record_id (LIA_DETAIL (detail (window))), ==, s.theirs);
  activate (window, "win.view", g_variant_new_string ("organizations"));
  g_assert_cmpint (lia_detail_get_record_id (LIA_DETAIL (detail (window))), ==, s.who);
  g_assert_cmpint (highlighted (GTK_WIDGET (window->organizations_list)), ==, s.who);
  assert_one_page_visible (window);

  /* A link to the sub-organization: the list follows the record shown. */
  activate (window, "win.open-record", lia_ui_record_target (LIA_RECORD_KIND_ORGANIZATION, s.office));
  g_assert_cmpint (highlighted (GTK_WIDGET (window->organizations_list)), ==, s.office);
  /* A link to a person, not in this list: nothing stays highlighted. */
  activate (window, "win.open-record", lia_ui_record_target (LIA_RECORD_KIND_CONTACT, s.amina));
  g_assert_cmpint (highlighted (GTK_WIDGET (window->organizations_list)), ==, 0);
  assert_one_page_visible (window);

  /* In the Timeline, the interaction opened from elsewhere is the row highlighted. */
  activate (window, "win.view", g_variant_new_string ("timeline"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->detail_stack), ==, "empty");
  activate (window, "win.open-record", lia_ui_record_target (LIA_RECORD_KIND_INTERACTION, s.call));
  g_assert_cmpint (highlighted (GTK_WIDGET (window->timeline_view)), ==, s.call);

  /* Follow-ups kept its commitment. */
  activate (window, "win.view", g_variant_new_string ("follow-ups"));
  g_assert_cmpint (lia_detail_get_record_id (LIA_DETAIL (detail (window))), ==, s.theirs);
  if (language->language != NULL)
    g_assert_cmpstr (adw_window_title_get_title (window->list_title), ==, "Suivis");

  lia_ui_test_destroy (GTK_WINDOW (window));
  use_language (&english);
}

/* A record opened from elsewhere is highlighted in its list wherever its row is, not only in
 * the first pages. */
static void
test_highlight_far_row (StoreFixture  *f,
                        gconstpointer  data)
{
  LiaWindow *window;
  gint64 last = 0;

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("Partner %03u", i);

      last = lia_test_add_organization (f->store, name, 0);
    }
  window = show_sized (f->store, 1280, 800);
  activate (window, "win.view", g_variant_new_string ("organizations"));

  activate (window, "win.open-record", lia_ui_record_target (LIA_RECORD_KIND_ORGANIZATION, last));
  g_assert_cmpint (lia_detail_get_record_id (LIA_DETAIL (detail (window))), ==, last);
  g_assert_cmpint (highlighted (GTK_WIDGET (window->organizations_list)), ==, last);
  g_assert_true (lia_directory_list_select_id (window->organizations_list, last));

  lia_ui_test_destroy (GTK_WINDOW (window));
}

/* Presses the pointer on @row, as a click does, through the controllers of the list pane. */
static void
press_on (LiaWindow *window,
          GtkWidget *row)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window->list_stack));
  graphene_point_t centre = GRAPHENE_POINT_INIT (gtk_widget_get_width (row) / 2.0, gtk_widget_get_height (row) / 2.0);
  graphene_point_t point;
  gboolean pressed = FALSE;

  g_assert_true (gtk_widget_compute_point (row, GTK_WIDGET (window->list_stack), &centre, &point));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        {
          g_signal_emit_by_name (controller, "pressed", 1, (double) point.x, (double) point.y);
          pressed = TRUE;
        }
    }
  g_assert_true (pressed);
  lia_ui_test_settle ();
}

/* The row of the list view showing @label. */
static GtkWidget *
row_of (GtkWidget  *list,
        const char *label)
{
  GtkWidget *widget = lia_ui_test_find (list, GTK_TYPE_LABEL, label);

  while (widget != NULL && !GTK_IS_LIST_VIEW (gtk_widget_get_parent (widget)))
    widget = gtk_widget_get_parent (widget);
  g_assert_nonnull (widget);
  return widget;
}

/* Narrow: the record chosen shows, Back shows the list with its row still highlighted, a
 * click on that row opens it again, and a wide window has its three panes back. */
static void
test_narrow_reopen (StoreFixture  *f,
                    gconstpointer  data)
{
  LiaWindow *window;
  graphene_rect_t list_bounds, detail_bounds;
  Seed s;

  seed (f->store, &s);
  window = show_sized (f->store, 360, 640);
  activate (window, "win.view", g_variant_new_string ("organizations"));
  g_assert_true (adw_leaflet_get_folded (window->leaflet));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (window->leaflet), ==, "list");

  lia_directory_list_select_id (window->organizations_list, s.who);
  lia_ui_test_settle ();
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (window->leaflet), ==, "detail");
  activate (window, "win.back", NULL);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (window->leaflet), ==, "list");
  g_assert_cmpint (highlighted (GTK_WIDGET (window->organizations_list)), ==, s.who);

  /* A click on another row opens that one; on the highlighted one, opens it again. */
  press_on (window, row_of (GTK_WIDGET (window->organizations_list), "WHO Regional Office"));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (window->leaflet), ==, "list");
  press_on (window, row_of (GTK_WIDGET (window->organizations_list), "World Health Organization"));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (window->leaflet), ==, "detail");
  g_assert_cmpint (lia_detail_get_record_id (LIA_DETAIL (detail (window))), ==, s.who);

  /* By keyboard: Enter on another row leaves the list to that row's own activation; on the
   * highlighted row, opens it again. */
  activate (window, "win.back", NULL);
  gtk_widget_grab_focus (row_of (GTK_WIDGET (window->organizations_list), "WHO Regional Office"));
  press_key (GTK_WIDGET (window->list_stack), GDK_KEY_Return);
  lia_ui_test_settle ();
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (window->leaflet), ==, "list");
  gtk_widget_grab_focus (row_of (GTK_WIDGET (window->organizations_list), "World Health Organization"));
  press_key (GTK_WIDGET (window->list_stack), GDK_KEY_Return);
  lia_ui_test_settle ();
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (window->leaflet), ==, "detail");
  g_assert_cmpint (lia_detail_get_record_id (LIA_DETAIL (detail (window))), ==, s.who);

  /* Wide again: the three panes, the record beside its list. */
  lia_ui_test_resize (GTK_WINDOW (window), 1280, 800);
  g_assert_false (adw_leaflet_get_folded (window->leaflet));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->sidebar)));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (window->list_stack), GTK_WIDGET (window), &list_bounds));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (window->detail_stack), GTK_WIDGET (window), &detail_bounds));
  g_assert_cmpfloat (list_bounds.origin.x + list_bounds.size.width, <=, detail_bounds.origin.x + 1);
  g_assert_cmpint (lia_detail_get_record_id (LIA_DETAIL (detail (window))), ==, s.who);

  /* Narrow again with the record chosen: the record, not the sidebar alone. */
  lia_ui_test_resize (GTK_WINDOW (window), 360, 640);
  g_assert_true (adw_leaflet_get_folded (window->leaflet));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (window->leaflet), ==, "detail");

  lia_ui_test_destroy (GTK_WINDOW (window));
}

static GtkWidget *
button_for (GtkWidget  *widget,
            const char *action_name)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = button_for (child, action_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A save rebuilds the page shown: the focus stays on the button the person pressed, and the
 * title is not selected. */
static void
test_focus_after_save (StoreFixture  *f,
                       gconstpointer  data)
{
  g_autoptr(LiaRecord) record = NULL;
  LiaWindow *window;
  GtkWidget *focus, *title;
  Seed s;

  seed (f->store, &s);
  window = show_sized (f->store, 1280, 800);
  activate (window, "win.view", g_variant_new_string ("organizations"));
  activate (window, "win.open-record", lia_ui_record_target (LIA_RECORD_KIND_ORGANIZATION, s.who));
  g_assert_true (gtk_widget_grab_focus (button_for (detail (window), "win.add-commitment")));

  record = lia_test_load (f->store, LIA_RECORD_KIND_ORGANIZATION, s.who);
  lia_organization_set_notes (LIA_ORGANIZATION (record), "Met at the assembly.");
  lia_test_save (f->store, record);
  lia_ui_test_settle ();
  g_assert_true (lia_ui_test_has_label (detail (window), "Met at the assembly."));

  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (GTK_IS_BUTTON (focus));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), ==, "win.add-commitment");
  title = lia_ui_test_find (detail (window), GTK_TYPE_LABEL, "World Health Organization");
  g_assert_false (gtk_label_get_selection_bounds (GTK_LABEL (title), NULL, NULL));

  lia_ui_test_destroy (GTK_WINDOW (window));
}

typedef struct
{
  const char     *title;
  LiaFollowUpRow *row;
} RowSearch;

static void
find_follow_up_row (GtkWidget *widget,
                    RowSearch *search)
{
  if (LIA_IS_FOLLOW_UP_ROW (widget))
    {
      LiaCommitment *commitment = lia_follow_up_row_get_commitment (LIA_FOLLOW_UP_ROW (widget));

      if (commitment != NULL && gtk_widget_get_mapped (widget) &&
          g_strcmp0 (lia_commitment_get_title (commitment), search->title) == 0)
        search->row = LIA_FOLLOW_UP_ROW (widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL && search->row == NULL;
       child = gtk_widget_get_next_sibling (child))
    find_follow_up_row (child, search);
}

/* The row shown for the commitment titled @title. */
static LiaFollowUpRow *
follow_up_row (LiaWindow  *window,
               const char *title)
{
  RowSearch search = { title, NULL };

  find_follow_up_row (GTK_WIDGET (window->follow_up_list), &search);
  g_assert_nonnull (search.row);
  return search.row;
}

static void
assert_heading (LiaFollowUpRow *row,
                const char     *heading)
{
  if (heading == NULL)
    {
      g_assert_false (lia_follow_up_row_get_shows_heading (row));
      return;
    }
  g_assert_true (lia_follow_up_row_get_shows_heading (row));
  g_assert_nonnull (lia_ui_test_find (GTK_WIDGET (row), GTK_TYPE_LABEL, heading));
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (row), heading));
}

static gint64
add_follow_up (LiaStore   *store,
               const char *title,
               int         due_in_days,
               gboolean    dated)
{
  g_autoptr(LiaCommitment) commitment = lia_commitment_new (LIA_COMMITMENT_DIRECTION_OURS, title);

  if (dated)
    {
      g_autoptr(GDate) due = lia_test_date_from_today (due_in_days);

      lia_commitment_set_due_date (commitment, due);
    }
  lia_test_save (store, commitment);
  return lia_record_get_id (LIA_RECORD (commitment));
}

/* Follow-ups by urgency: Overdue, This Week (a due date today included), Later; the overdue
 * date in full however narrow the row; a "Mark as Done" button that says so. */
static void
test_follow_up_groups (StoreFixture  *f,
                       gconstpointer  data)
{
  LiaWindow *window;
  LiaFollowUpRow *row, *row_today;
  GtkWidget *label;
  GtkButton *button;
  GListModel *ours;
  Seed s;

  seed (f->store, &s);
  add_follow_up (f->store, "Plan the field visit", 10, TRUE);
  add_follow_up (f->store, "Send the minutes", 3, TRUE);
  add_follow_up (f->store, "Call back about the budget", 0, TRUE);
  add_follow_up (f->store, "Find a venue", 0, FALSE);
  window = show_organizations (f->store);
  activate (window, "win.view", g_variant_new_string ("follow-ups"));
  ours = lia_follow_up_list_get_model (window->follow_up_list, LIA_COMMITMENT_DIRECTION_OURS);
  g_assert_cmpuint (g_list_model_get_n_items (ours), ==, 5);

  row = follow_up_row (window, "Send the draft agreement");
  assert_heading (row, "Overdue");
  g_assert_true (g_str_has_prefix (lia_follow_up_row_get_when (row), "Overdue since "));
  g_assert_true (g_str_has_suffix (lia_follow_up_row_get_when (row), "(3 days)"));
  label = lia_ui_test_find (GTK_WIDGET (row), GTK_TYPE_LABEL, lia_follow_up_row_get_when (row));
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_has_css_class (label, "error"));
  /* Shown whole, never cut off with an ellipsis. */
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));

  /* An action that says what it does, for the eye and for a screen reader. */
  button = lia_follow_up_row_get_action_button (row);
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (button), "Mark as Done"));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.mark-done");
  g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (button)));

  row_today = follow_up_row (window, "Call back about the budget");
  assert_heading (row_today, "This Week");
  g_assert_cmpstr (lia_follow_up_row_get_when (row_today), ==, "Due today");
  assert_heading (follow_up_row (window, "Send the minutes"), NULL);
  assert_heading (follow_up_row (window, "Plan the field visit"), "Later");
  row = follow_up_row (window, "Find a venue");
  assert_heading (row, NULL);
  g_assert_cmpstr (lia_follow_up_row_get_when (row), ==, "No due date");

  /* The first of This Week done: the next one now starts the group and shows its heading. */
  activate (window, "win.mark-done",
            g_variant_new_int64 (lia_record_get_id (LIA_RECORD (lia_follow_up_row_get_commitment (row_today)))));
  g_assert_cmpuint (g_list_model_get_n_items (ours), ==, 4);
  assert_heading (follow_up_row (window, "Send the minutes"), "This Week");
  assert_heading (follow_up_row (window, "Send the draft agreement"), "Overdue");

  lia_ui_test_destroy (GTK_WINDOW (window));
}

/* Open / Done / All: done items keep their history, show the day they were closed and can be
 * reopened; undo works as for any edit; the sidebar's red count follows, also for a change
 * made by another program. */
static void
test_follow_up_filter (StoreFixture  *f,
                       gconstpointer  data)
{
  LiaWindow *window;
  LiaFollowUpRow *row;
  GListModel *ours;
  g_autoptr(GDate) today = lia_date_new_today ();
  g_autofree char *done_today = NULL;
  g_autofree char *today_text = lia_labels_format_date (today);
  g_autoptr(LiaRecord) after = NULL;
  Seed s;

  seed (f->store, &s);
  add_follow_up (f->store, "Send the minutes", 3, TRUE);
  window = show_organizations (f->store);
  activate (window, "win.view", g_variant_new_string ("follow-ups"));
  ours = lia_follow_up_list_get_model (window->follow_up_list, LIA_COMMITMENT_DIRECTION_OURS);
  g_assert_cmpint (lia_follow_up_list_get_filter (window->follow_up_list), ==, LIA_FOLLOW_UP_FILTER_OPEN);
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (window->follow_up_list), "Open"));

  lia_follow_up_list_set_filter (window->follow_up_list, LIA_FOLLOW_UP_FILTER_DONE);
  lia_ui_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (ours), ==, 0);
  g_assert_nonnull (lia_ui_test_find (GTK_WIDGET (window->follow_up_list), ADW_TYPE_STATUS_PAGE,
                                      "Nothing We Owe Is Done Yet"));

  /* Marked done while the history shows: it arrives there, dated today, with Reopen. */
  activate (window, "win.mark-done", g_variant_new_int64 (s.ours));
  g_assert_cmpuint (g_list_model_get_n_items (ours), ==, 1);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->follow_ups_count)));
  row = follow_up_row (window, "Send the draft agreement");
  assert_heading (row, "Done");
  done_today = g_strdup_printf ("Done on %s", today_text);
  g_assert_cmpstr (lia_follow_up_row_get_when (row), ==, done_today);
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (row), "Reopen"));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (lia_follow_up_row_get_action_button (row))),
                   ==, "win.reopen");

  /* All: the open ones in their groups, then the done one. */
  lia_follow_up_list_set_filter (window->follow_up_list, LIA_FOLLOW_UP_FILTER_ALL);
  lia_ui_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (ours), ==, 2);
  assert_heading (follow_up_row (window, "Send the minutes"), "This Week");
  assert_heading (follow_up_row (window, "Send the draft agreement"), "Done");

  /* Reopen: back at the top, overdue again, and counted in red. */
  activate (window, "win.reopen", g_variant_new_int64 (s.ours));
  after = lia_test_load (f->store, LIA_RECORD_KIND_COMMITMENT, s.ours);
  g_assert_cmpint (lia_commitment_get_status (LIA_COMMITMENT (after)), ==, LIA_COMMITMENT_STATUS_OPEN);
  g_clear_object (&after);
  assert_heading (follow_up_row (window, "Send the draft agreement"), "Overdue");
  g_assert_cmpstr (gtk_label_get_text (window->follow_ups_count), ==, "1");

  /* Undo the reopen: done again. */
  activate (window, "win.undo", NULL);
  after = lia_test_load (f->store, LIA_RECORD_KIND_COMMITMENT, s.ours);
  g_assert_cmpint (lia_commitment_get_status (LIA_COMMITMENT (after)), ==, LIA_COMMITMENT_STATUS_DONE);
  assert_heading (follow_up_row (window, "Send the draft agreement"), "Done");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->follow_ups_count)));

  /* Another program adds a late one: the red count and the list follow. */
  {
    g_autoptr(LiaStore) other = lia_test_open (f->path);
    g_autoptr(GError) error = NULL;

    add_follow_up (other, "Return the signed letter", -1, TRUE);
    g_assert_true (lia_store_check_outside_changes (f->store, &error));
    g_assert_no_error (error);
  }
  lia_ui_test_settle ();
  g_assert_cmpstr (gtk_label_get_text (window->follow_ups_count), ==, "1");
  g_assert_cmpstr (gtk_label_get_text (window->follow_ups_open_count), ==, "3");
  assert_heading (follow_up_row (window, "Return the signed letter"), "Overdue");

  /* Done long ago and edited since: the day it was done, not the day of the edit; reopened and
   * the reopen undone, still that day; its page says it too. */
  {
    g_autoptr(LiaCommitment) old = lia_commitment_new (LIA_COMMITMENT_DIRECTION_OURS, "Return the projector");
    g_autoptr(GDate) then = g_date_new_dmy (3, G_DATE_JANUARY, 2024);
    g_autofree char *then_text = lia_labels_format_date (then);
    g_autofree char *expected = g_strdup_printf ("Done on %s", then_text);
    gint64 id;
    GtkWidget *done_row;

    lia_commitment_set_status (old, LIA_COMMITMENT_STATUS_DONE);
    lia_commitment_set_done_date (old, then);
    lia_test_save (f->store, old);
    id = lia_record_get_id (LIA_RECORD (old));
    lia_commitment_set_notes (old, "Edited today.");
    lia_test_save (f->store, old);
    lia_follow_up_list_set_filter (window->follow_up_list, LIA_FOLLOW_UP_FILTER_DONE);
    lia_ui_test_settle ();
    g_assert_cmpstr (lia_follow_up_row_get_when (follow_up_row (window, "Return the projector")), ==, expected);

    activate (window, "win.reopen", g_variant_new_int64 (id));
    activate (window, "win.undo", NULL);
    g_assert_cmpstr (lia_follow_up_row_get_when (follow_up_row (window, "Return the projector")), ==, expected);

    activate (window, "win.open-record", lia_ui_record_target (LIA_RECORD_KIND_COMMITMENT, id));
    done_row = lia_ui_test_find_row_by_subtitle (detail (window), "Done On");
    g_assert_nonnull (done_row);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (done_row)), ==, then_text);
  }

  lia_ui_test_destroy (GTK_WINDOW (window));
}

/* The error state of @within, titled @title: shown, with the store's words, and a Retry. */
static GtkWidget *
shown_error_state (GtkWidget  *within,
                   const char *title)
{
  GtkWidget *page = lia_ui_test_find (within, ADW_TYPE_STATUS_PAGE, title);

  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));
  /* SQLite's words on a file, PostgreSQL's on a server. */
  g_test_message ("%s: %s", title, adw_status_page_get_description (ADW_STATUS_PAGE (page)));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)),
                            pg_cluster == NULL ? "no such table" : "does not exist"));
  g_assert_nonnull (lia_ui_test_find (page, GTK_TYPE_LABEL, "Retry"));
  return page;
}

static void
click_retry (GtkWidget *page)
{
  GtkWidget *button = lia_ui_test_find (page, GTK_TYPE_BUTTON, NULL);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  lia_ui_test_settle ();
}

/* A database that cannot be read says so, in every list and in the detail, with a Retry that
 * works once it can be read again; never "No Organizations" or "Nothing We Owe", never
 * "Deleted" for a record that is still there. The tables are renamed from another connection,
 * as a damaged or foreign file would look. */
static void
test_read_errors (StoreFixture  *f,
                  gconstpointer  data)
{
  LiaWindow *window;
  GtkWidget *page;
  Seed s;

  seed (f->store, &s);
  window = show_organizations (f->store);
  g_assert_cmpuint (g_list_model_get_n_items (lia_directory_list_get_model (window->organizations_list)), ==, 2);

  lia_test_pg_sql (f, "ALTER TABLE organizations RENAME TO organizations_away;"
                         " ALTER TABLE commitments RENAME TO commitments_away;"
                         " ALTER TABLE interactions RENAME TO interactions_away;");
  lia_store_announce_outside_change (f->store);
  lia_ui_test_settle ();

  page = shown_error_state (GTK_WIDGET (window->organizations_list), "Could Not Read the Organizations");
  g_assert_false (lia_ui_test_shows_label (GTK_WIDGET (window->organizations_list), "No Organizations"));
  g_assert_nonnull (lia_list_model_get_error (LIA_LIST_MODEL (lia_directory_list_get_model (window->organizations_list))));

  /* The record is there, only unreadable: not "Deleted". */
  activate (window, "win.open-record", lia_ui_record_target (LIA_RECORD_KIND_ORGANIZATION, s.who));
  g_assert_nonnull (lia_ui_test_find (detail (window), ADW_TYPE_STATUS_PAGE, "Could Not Read This Record"));
  g_assert_null (lia_ui_test_find (detail (window), ADW_TYPE_STATUS_PAGE, "Deleted"));

  activate (window, "win.view", g_variant_new_string ("timeline"));
  shown_error_state (GTK_WIDGET (window->timeline_view), "Could Not Read the Timeline");
  g_assert_false (lia_ui_test_shows_label (GTK_WIDGET (window->timeline_view), "No Interactions Yet"));

  activate (window, "win.view", g_variant_new_string ("follow-ups"));
  shown_error_state (GTK_WIDGET (window->follow_up_list), "Could Not Read the Follow-ups");
  g_assert_nonnull (lia_follow_up_list_get_error (window->follow_up_list));
  g_assert_false (lia_ui_test_shows_label (GTK_WIDGET (window->follow_up_list), "Nothing We Owe"));

  /* Readable again: Retry brings back what is there. */
  lia_test_pg_sql (f, "ALTER TABLE organizations_away RENAME TO organizations;"
                         " ALTER TABLE commitments_away RENAME TO commitments;"
                         " ALTER TABLE interactions_away RENAME TO interactions;");
  click_retry (lia_ui_test_find (GTK_WIDGET (window->follow_up_list), ADW_TYPE_STATUS_PAGE, "Could Not Read the Follow-ups"));
  g_assert_null (lia_follow_up_list_get_error (window->follow_up_list));
  g_assert_cmpuint (g_list_model_get_n_items (lia_follow_up_list_get_model (window->follow_up_list, LIA_COMMITMENT_DIRECTION_OURS)), ==, 1);
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (window->follow_up_list), "Send the draft agreement"));

  activate (window, "win.view", g_variant_new_string ("timeline"));
  click_retry (lia_ui_test_find (GTK_WIDGET (window->timeline_view), ADW_TYPE_STATUS_PAGE, "Could Not Read the Timeline"));
  g_assert_cmpuint (g_list_model_get_n_items (lia_timeline_view_get_model (window->timeline_view)), ==, 3);
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (window->timeline_view), "Budget meeting"));

  activate (window, "win.view", g_variant_new_string ("organizations"));
  click_retry (page);
  g_assert_cmpuint (g_list_model_get_n_items (lia_directory_list_get_model (window->organizations_list)), ==, 2);
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (window->organizations_list), "World Health Organization"));
  g_assert_false (gtk_widget_get_mapped (page));

  lia_ui_test_destroy (GTK_WINDOW (window));
}

/* The detail's own record reads, but what the page gathers around it does not: the page says
 * so, with the store's message and a Retry, never "Nothing open" or an empty People group.
 * Search says it could not search rather than "No Results Found". */
static void
test_inner_read_errors (StoreFixture  *f,
                        gconstpointer  data)
{
  static const struct
  {
    const char    *table;
    LiaRecordKind  kind;
    const char    *when_read;
  } cases[] = {
    { "commitments", LIA_RECORD_KIND_ORGANIZATION, "Send the draft agreement" },
    { "affiliations", LIA_RECORD_KIND_ORGANIZATION, "Amina Diallo" },
    { "commitments", LIA_RECORD_KIND_CONTACT, "Share the vaccination figures" },
    { "affiliations", LIA_RECORD_KIND_CONTACT, "World Health Organization" },
    { "concern_interactions", LIA_RECORD_KIND_INTERACTION, "Budget meeting" },
    /* Who a participant is comes from their affiliations. */
    { "affiliations", LIA_RECORD_KIND_INTERACTION, "Director · World Health Organization" },
  };
  LiaWindow *window;
  GtkWidget *page;
  Seed s;

  seed (f->store, &s);
  window = show_sized (f->store, 1280, 800);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 id = cases[i].kind == LIA_RECORD_KIND_ORGANIZATION ? s.who
                  : cases[i].kind == LIA_RECORD_KIND_CONTACT ? s.amina : s.meeting;
      g_autofree char *away = g_strdup_printf ("ALTER TABLE %s RENAME TO away;", cases[i].table);
      g_autofree char *back = g_strdup_printf ("ALTER TABLE away RENAME TO %s;", cases[i].table);

      g_test_message ("%s unreadable on a %s's page", cases[i].table, lia_labels_record_kind_noun (cases[i].kind));
      activate (window, "win.open-record", lia_ui_record_target (cases[i].kind, id));
      g_assert_true (lia_ui_test_shows_label (detail (window), cases[i].when_read));

      lia_test_pg_sql (f, away);
      lia_store_announce_outside_change (f->store);
      lia_ui_test_settle ();
      /* The record itself was read: the error is about what the page gathers. */
      g_assert_nonnull (lia_detail_get_record (LIA_DETAIL (detail (window))));
      page = shown_error_state (detail (window), "Could Not Read This Record");
      g_assert_false (lia_ui_test_shows_label (detail (window), "Nothing open"));
      g_assert_false (lia_ui_test_shows_label (detail (window), "Nobody at the moment"));
      g_assert_false (lia_ui_test_shows_label (detail (window), "No affiliations"));

      lia_test_pg_sql (f, back);
      click_retry (page);
      g_assert_null (lia_ui_test_find (detail (window), ADW_TYPE_STATUS_PAGE, "Could Not Read This Record"));
      g_assert_true (lia_ui_test_shows_label (detail (window), cases[i].when_read));
    }

  /* Back in a view whose record cannot be read now: its page says so, not the view's empty
   * state (which says nothing is chosen). */
  activate (window, "win.view", g_variant_new_string ("organizations"));
  activate (window, "win.open-record", lia_ui_record_target (LIA_RECORD_KIND_ORGANIZATION, s.who));
  activate (window, "win.view", g_variant_new_string ("follow-ups"));
  lia_test_pg_sql (f, "ALTER TABLE organizations RENAME TO away;");
  lia_store_announce_outside_change (f->store);
  lia_ui_test_settle ();
  activate (window, "win.view", g_variant_new_string ("organizations"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->detail_stack), !=, "empty");
  shown_error_state (detail (window), "Could Not Read This Record");
  lia_test_pg_sql (f, "ALTER TABLE away RENAME TO organizations;");
  lia_store_announce_outside_change (f->store);
  lia_ui_test_settle ();

  activate (window, "win.search", NULL);
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "budg");
  lia_ui_test_settle ();
  g_assert_cmpuint (lia_search_results_get_n_results (window->search_results), ==, 2);
  /* A file searches through its FTS table, a server through each table's tsvector column. */
  lia_test_pg_sql (f, pg_cluster == NULL ? "ALTER TABLE interactions_fts RENAME TO away;"
                                         : "ALTER TABLE interactions RENAME COLUMN search_vector TO away;");
  lia_store_announce_outside_change (f->store);
  lia_ui_test_settle ();
  page = shown_error_state (GTK_WIDGET (window->search_results), "Could Not Search");
  g_assert_false (lia_ui_test_shows_label (GTK_WIDGET (window->search_results), "No Results Found"));
  lia_test_pg_sql (f, pg_cluster == NULL ? "ALTER TABLE away RENAME TO interactions_fts;"
                                         : "ALTER TABLE interactions RENAME COLUMN away TO search_vector;");
  click_retry (page);
  g_assert_cmpuint (lia_search_results_get_n_results (window->search_results), ==, 2);
  g_assert_true (has_hit_text (GTK_WIDGET (window->search_results), "Budget meeting"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->search_results)));

  lia_ui_test_destroy (GTK_WINDOW (window));
}

/* Runs the main loop until @label says @text, for at most 5 s: what another program commits
 * comes in on its own time. */
static void
wait_for_label_text (GtkLabel   *label,
                     const char *text)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (g_strcmp0 (gtk_label_get_text (label), text) != 0 && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (5000);
  lia_ui_test_settle ();
  g_assert_cmpstr (gtk_label_get_text (label), ==, text);
}

/* What another program commits shows without anyone asking: a file is looked at every
 * LIA_STORE_WATCH_INTERVAL_MS, a server's commit comes as a NOTIFY. The count, the list and
 * an open record follow: a new organization, then a name changed elsewhere. */
static void
test_outside_change (StoreFixture  *f,
                     gconstpointer  data)
{
  g_autoptr(LiaRecord) who = NULL;
  LiaWindow *window;
  Seed s;

  seed (f->store, &s);
  window = show_organizations (f->store);
  activate (window, "win.open-record", lia_ui_record_target (LIA_RECORD_KIND_ORGANIZATION, s.who));
  g_assert_cmpstr (gtk_label_get_text (window->organizations_count), ==, "2");
  g_assert_false (lia_ui_test_has_label (GTK_WIDGET (window), "Ministry of Health"));

  {
    g_autoptr(LiaStore) other = lia_test_open (f->path);

    lia_test_add_organization (other, "Ministry of Health", 0);
  }
  wait_for_label_text (window->organizations_count, "3");
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (window->organizations_list), "Ministry of Health"));

  {
    g_autoptr(LiaStore) other = lia_test_open (f->path);

    who = lia_test_load (other, LIA_RECORD_KIND_ORGANIZATION, s.who);
    lia_organization_set_name (LIA_ORGANIZATION (who), "World Health Organisation");
    lia_test_save (other, who);
  }
  {
    gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

    while (!lia_ui_test_shows_label (detail (window), "World Health Organisation") &&
           g_get_monotonic_time () < end)
      if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (5000);
  }
  g_assert_true (lia_ui_test_shows_label (detail (window), "World Health Organisation"));
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (window->organizations_list), "World Health Organisation"));
  g_assert_false (lia_ui_test_has_label (GTK_WIDGET (window->organizations_list), "World Health Organization"));

  lia_ui_test_destroy (GTK_WINDOW (window));
}

static void
test_no_display (void)
{
  g_test_skip ("No display to open windows on: run the ui suite under xvfb-run");
}

/* "Given Family" of each contact in the window's list, joined by " | ". */
static char *
contact_names (LiaWindow *window)
{
  GListModel *model = lia_directory_list_get_model (window->contacts_list);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LiaContact) contact = g_list_model_get_item (model, i);

      g_string_append_printf (text, "%s%s %s", i > 0 ? " | " : "",
                              lia_contact_get_given_name (contact),
                              lia_contact_get_family_name (contact));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
count_items_changed_cb (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        guint      *count)
{
  (*count)++;
}

/* The first window in another language: it shows at once, the contacts in the order they had,
 * while their keys are made again in a thread (held up here by another program's write lock);
 * after a second a strip says so; when the keys are in, the list sorts in French, once. */
static void
test_new_language (StoreFixture  *f,
                   gconstpointer  data)
{
  g_autofree char *old = g_strdup (setlocale (LC_COLLATE, NULL));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *other = NULL;
  LiaWindow *window;
  GListModel *model;
  guint changes = 0;
  gint64 start;

  if (pg_cluster != NULL)
    {
      g_test_skip ("A team server keeps its collation (/contact-sort/locale-collation)");
      return;
    }
  lia_test_add_contact (f->store, "Jean", "Zola");
  lia_test_add_contact (f->store, "Éva", "Écuyer");
  lia_test_add_contact (f->store, "Paul", "Eckert");
  lia_test_add_contact (f->store, "Lou", "Œuvray");
  if (setlocale (LC_COLLATE, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("No fr_FR.UTF-8 locale (build-aux/dev generates it)");
      return;
    }

  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  window = show_organizations (f->store);
  activate (window, "win.view", g_variant_new_string ("contacts"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_true (_lia_window_get_sorting (window));
  before = contact_names (window);
  g_assert_cmpstr (before, ==, "Paul Eckert | Éva Écuyer | Jean Zola | Lou Œuvray");

  /* More than a second: the window says why the order may change. */
  start = g_get_monotonic_time ();
  while (!gtk_revealer_get_reveal_child (window->sorting_revealer) &&
         g_get_monotonic_time () - start < 3 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_revealer_get_reveal_child (window->sorting_revealer));
  g_assert_true (_lia_window_get_sorting (window));

  model = lia_directory_list_get_model (window->contacts_list);
  g_signal_connect (model, "items-changed", G_CALLBACK (count_items_changed_cb), &changes);
  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  start = g_get_monotonic_time ();
  while (_lia_window_get_sorting (window) && g_get_monotonic_time () - start < 10 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  lia_ui_test_settle ();
  setlocale (LC_COLLATE, old);

  g_assert_false (_lia_window_get_sorting (window));
  g_assert_false (gtk_revealer_get_reveal_child (window->sorting_revealer));
  after = contact_names (window);
  g_assert_cmpstr (after, ==, "Paul Eckert | Éva Écuyer | Lou Œuvray | Jean Zola");
  /* One reset: emptied and filled again, not a change per contact. */
  g_assert_cmpuint (changes, <=, 2);
  g_assert_cmpuint (changes, >=, 1);
  g_signal_handlers_disconnect_by_func (model, count_items_changed_cb, &changes);

  lia_ui_test_destroy (GTK_WINDOW (window));
}

/* Collects every GtkShortcutsShortcut under WIDGET into SHORTCUTS. */
static void
collect_shortcuts (GtkWidget *widget,
                   GPtrArray *shortcuts)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    g_ptr_array_add (shortcuts, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, shortcuts);
}

/* Keyboard Shortcuts is made when asked for (not by GtkApplication with every window), over
 * the window, every row with its keys (GtkApplication no longer gives Ctrl+? to its own row),
 * and gone once closed. */
static void
test_keyboard_shortcuts (StoreFixture  *f,
                         gconstpointer  data)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  LiaWindow *window;
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint before;
  g_autoptr(GPtrArray) shortcuts = g_ptr_array_new ();
  GtkWindow *overlay = NULL;
  gboolean found_own = FALSE;

  /* The application's style sheet, as AdwApplication loads it: with libadwaita's alone the
   * page numbers measure less than nothing (a warning, fatal here). */
  gtk_css_provider_load_from_resource (css, "/io/github/liaison/Liaison/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  window = show (f->store, NULL);
  before = g_list_model_get_n_items (toplevels);
  activate (window, "win.show-help-overlay", NULL);
  lia_ui_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, before + 1);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (toplevel))
        overlay = toplevel;
    }
  g_assert_nonnull (overlay);
  g_assert_true (gtk_window_get_transient_for (overlay) == GTK_WINDOW (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));

  collect_shortcuts (GTK_WIDGET (overlay), shortcuts);
  g_assert_cmpuint (shortcuts->len, >=, 10);
  for (guint i = 0; i < shortcuts->len; i++)
    {
      g_autofree char *title = NULL;
      g_autofree char *accelerator = NULL;
      g_autofree char *action = NULL;

      g_object_get (shortcuts->pdata[i], "title", &title, "accelerator", &accelerator,
                    "action-name", &action, NULL);
      if (accelerator == NULL || accelerator[0] == '\0')
        g_error ("Keyboard Shortcuts shows “%s” without its keys", title);
      /* An action's keys would come from GtkApplication, which no longer knows them. */
      g_assert_null (action);
      if (g_strcmp0 (accelerator, "<Control>question") == 0)
        found_own = TRUE;
    }
  g_assert_true (found_own);

  gtk_window_close (overlay);
  lia_ui_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, before);

  lia_ui_test_destroy (GTK_WINDOW (window));
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (css));
}

int
main (int   argc,
      char *argv[])
{
  int skip = 0;

  /* Not G_TEST_OPTION_ISOLATE_DIRS: libadwaita needs the system's GSettings schemas, found
   * through XDG_DATA_DIRS. The test writes only in its own temporary folder. Accessible
   * names are checked, which GTK_A11Y=none (the ui suite's default) would throw away. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  if (!lia_test_pg_init (&argc, &argv, &skip))
    return skip;
  {
    /* The catalogs built in the build directory, so that the French layout is the real one. */
    g_autofree char *locale_dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);

    /* The locale picks the language; LANGUAGE from the environment would win over it. */
    g_unsetenv ("LANGUAGE");

    bindtextdomain (GETTEXT_PACKAGE, locale_dir);
    bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
    textdomain (GETTEXT_PACKAGE);
    /* GLib decides once whether to translate at all, on the first lookup: make it in French,
     * where the catalog answers, so that switching language later works. */
    if (use_language (&french))
      (void) g_dgettext (GETTEXT_PACKAGE, "Liaison");
    use_language (&english);
  }

  if (!lia_ui_test_init_display ())
    {
      /* Only without a display: the test suite runs this under Xvfb. */
      g_test_add_func ("/window/no-display", test_no_display);
      return g_test_run ();
    }

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, lia_test_pg_template_fixture_setup, func, \
              lia_test_pg_ui_fixture_teardown)
#define ADD_IN(path, language, func) \
  g_test_add (path, StoreFixture, language, lia_test_pg_template_fixture_setup, func, \
              lia_test_pg_ui_fixture_teardown)

  ADD ("/window/first-run", test_first_run);
  ADD ("/window/counts-in-thread", test_counts_in_thread);
  ADD ("/window/database-label", test_database_label);
  ADD ("/window/error", test_error);
  ADD ("/window/organizations", test_organizations);
  ADD ("/window/contacts", test_contacts);
  ADD ("/window/timeline", test_timeline);
  ADD ("/window/follow-ups", test_follow_ups);
  ADD ("/window/search", test_search);
  ADD ("/window/search-in-thread", test_search_in_thread);
  ADD ("/window/search-rows", test_search_rows);
  ADD ("/window/search-passage", test_search_passage);
  ADD ("/window/delete-and-undo", test_delete_and_undo);
  ADD ("/window/narrow", test_narrow);
  ADD ("/window/wide-layout", test_wide_layout);
  ADD ("/window/remembers", test_remembers);
  ADD ("/window/narrow-reopen", test_narrow_reopen);
  ADD ("/window/highlight-far-row", test_highlight_far_row);
  ADD ("/window/focus-after-save", test_focus_after_save);
  ADD_IN ("/window/layout/en", &english, test_layout);
  ADD_IN ("/window/layout/fr", &french, test_layout);
  ADD_IN ("/window/detail-follows-view/en", &english, test_detail_follows_view);
  ADD_IN ("/window/detail-follows-view/fr", &french, test_detail_follows_view);
  ADD ("/window/read-errors", test_read_errors);
  ADD ("/window/inner-read-errors", test_inner_read_errors);
  ADD ("/window/follow-up-groups", test_follow_up_groups);
  ADD ("/window/follow-up-filter", test_follow_up_filter);
  ADD ("/window/outside-change", test_outside_change);
  ADD ("/window/new-language", test_new_language);
  ADD ("/window/keyboard-shortcuts", test_keyboard_shortcuts);

#undef ADD_IN
#undef ADD

  return g_test_run ();
}
