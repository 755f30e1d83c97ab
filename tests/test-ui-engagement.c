/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The engagement views as a person uses them: the sidebar's Today, Stakeholder Map and
 * Concerns; a stakeholder moved on the map (by "Move to…" from the keyboard, and by a drop)
 * is reassessed, with its history, and Undo takes it back; arrows move from cell to cell;
 * the map as of a past day; its export; Today's overdue commitment; the concerns filter.
 * Runs under Xvfb. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lia-briefing-map.h"
#include "lia-concern-detail.h"
#include "lia-store-map.h"
#include "lia-window-private.h"
#include "test-ui-util.h"
#include "lia-test-pg.h"

typedef struct
{
  gint64 ministry;
  gint64 amina;
  gint64 bruno;
  gint64 overdue;
  gint64 concern;
} Seed;

static void
seed (LiaStore *store,
      Seed     *s)
{
  g_autoptr(LiaCommitment) overdue = lia_commitment_new (LIA_COMMITMENT_DIRECTION_OURS, "Send the draft agreement");
  g_autoptr(LiaConcern) open = lia_concern_new ("Delayed reimbursements");
  g_autoptr(LiaConcern) resolved = lia_concern_new ("Parking at the clinic");
  g_autoptr(GDate) due = lia_test_date_from_today (-3);
  g_autoptr(GDate) opened = lia_test_date_from_today (-40);

  s->ministry = lia_test_add_organization (store, "Ministry of Health", 0);
  s->amina = lia_test_add_contact (store, "Amina", "Diallo");
  s->bruno = lia_test_add_contact (store, "Bruno", "Keller");
  lia_test_assess (store, LIA_RECORD_KIND_ORGANIZATION, s->ministry, 5, 4, LIA_STANCE_SUPPORTIVE);
  lia_test_assess (store, LIA_RECORD_KIND_CONTACT, s->amina, 2, 2, LIA_STANCE_OPPOSED);
  lia_test_assess (store, LIA_RECORD_KIND_CONTACT, s->bruno, 1, 4, LIA_STANCE_NEUTRAL);

  lia_commitment_set_organization_id (overdue, s->ministry);
  lia_commitment_set_due_date (overdue, due);
  lia_test_save (store, overdue);
  s->overdue = lia_record_get_id (LIA_RECORD (overdue));

  lia_concern_set_severity (open, LIA_SEVERITY_HIGH);
  lia_concern_set_opened (open, opened);
  {
    g_autoptr(LiaConcernParty) party = lia_concern_party_new_organization (s->ministry, "wants the fees waived");

    lia_concern_add_party (open, party);
  }
  lia_test_save (store, open);
  s->concern = lia_record_get_id (LIA_RECORD (open));
  lia_concern_set_status (resolved, LIA_CONCERN_STATUS_RESOLVED);
  lia_concern_set_severity (resolved, LIA_SEVERITY_LOW);
  lia_test_save (store, resolved);
}

static LiaWindow *
show (LiaStore *store)
{
  LiaWindow *window = g_object_new (LIA_TYPE_WINDOW, "store", store,
                                    "default-width", 1280, "default-height", 800, NULL);

  lia_ui_test_present (GTK_WINDOW (window));
  return window;
}

static void
activate (GtkWidget  *widget,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (widget, action, parameter));
  lia_ui_test_settle ();
}

static void
assert_assessment (LiaStore      *store,
                   LiaRecordKind  kind,
                   gint64         id,
                   int            influence,
                   int            interest)
{
  g_autoptr(LiaRecord) record = lia_test_load (store, kind, id);
  LiaAssessment *assessment = kind == LIA_RECORD_KIND_CONTACT
                              ? lia_contact_get_assessment (LIA_CONTACT (record))
                              : lia_organization_get_assessment (LIA_ORGANIZATION (record));

  g_assert_cmpint (lia_assessment_get_influence (assessment), ==, influence);
  g_assert_cmpint (lia_assessment_get_interest (assessment), ==, interest);
}

static void
test_sidebar (StoreFixture  *f,
              gconstpointer  data)
{
  LiaWindow *window;
  Seed s;

  seed (f->store, &s);
  window = show (f->store);

  /* Today first, then the four views, then the map and concerns, with the open count, and
   * projects last. */
  g_assert_true (gtk_widget_get_first_child (GTK_WIDGET (window->sidebar)) == GTK_WIDGET (window->today_row));
  g_assert_true (gtk_widget_get_last_child (GTK_WIDGET (window->sidebar)) == GTK_WIDGET (window->projects_row));
  g_assert_true (gtk_widget_get_prev_sibling (GTK_WIDGET (window->projects_row)) == GTK_WIDGET (window->concerns_row));
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (window->sidebar), "Today"));
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (window->sidebar), "Stakeholder Map"));
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (window->sidebar), "Concerns"));
  g_assert_cmpstr (gtk_label_get_text (window->concerns_count), ==, "1");

  /* With data, the window starts on Today. */
  g_assert_cmpstr (lia_window_get_view (window), ==, "today");
  g_assert_cmpstr (adw_window_title_get_title (window->list_title), ==, "Today");

  g_signal_emit_by_name (window->sidebar, "row-activated", window->map_row);
  lia_ui_test_settle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->list_stack), ==, "map");
  g_assert_cmpstr (adw_window_title_get_title (window->list_title), ==, "Stakeholder Map");
  /* The map fits the list pane: three panes side by side at this size. */
  g_assert_false (adw_leaflet_get_folded (window->leaflet));

  g_signal_emit_by_name (window->sidebar, "row-activated", window->concerns_row);
  lia_ui_test_settle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->list_stack), ==, "concerns");

  lia_ui_test_destroy (GTK_WINDOW (window));
}

/* "Move to…" from the keyboard: a new assessment, in the history; Undo takes it back. */
static void
test_map_move (StoreFixture  *f,
               gconstpointer  data)
{
  LiaWindow *window;
  const LiaMap *map;
  const char *tooltip;
  Seed s;

  seed (f->store, &s);
  window = show (f->store);
  activate (GTK_WIDGET (window), "win.view", g_variant_new_string ("map"));
  map = lia_stakeholder_map_get_map (window->stakeholder_map);
  g_assert_cmpuint (map->total, ==, 3);
  g_assert_cmpuint (map->counts[1][1], ==, 1);
  g_assert_cmpuint (lia_test_history_length (f->store, s.amina), ==, 1);

  /* Each cell says who is there, the stance in words. */
  tooltip = gtk_widget_get_tooltip_text (lia_stakeholder_map_get_cell (window->stakeholder_map, 2, 2));
  g_assert_nonnull (strstr (tooltip, "Monitor, influence 2, interest 2: 1 stakeholder: Amina Diallo, Opposed"));

  activate (GTK_WIDGET (window->stakeholder_map), "map.move-to",
            g_variant_new ("(ixii)", LIA_RECORD_KIND_CONTACT, s.amina, 5, 4));
  assert_assessment (f->store, LIA_RECORD_KIND_CONTACT, s.amina, 5, 4);
  g_assert_cmpuint (lia_test_history_length (f->store, s.amina), ==, 2);
  map = lia_stakeholder_map_get_map (window->stakeholder_map);
  g_assert_cmpuint (map->counts[1][1], ==, 0);
  g_assert_cmpuint (map->counts[4][3], ==, 2);
  tooltip = gtk_widget_get_tooltip_text (lia_stakeholder_map_get_cell (window->stakeholder_map, 5, 4));
  g_assert_nonnull (strstr (tooltip, "Manage closely, influence 5, interest 4: 2 stakeholders"));

  /* Undo (Ctrl+Z, or the toast's button) puts her back and leaves no trace. */
  activate (GTK_WIDGET (window), "win.undo", NULL);
  assert_assessment (f->store, LIA_RECORD_KIND_CONTACT, s.amina, 2, 2);
  g_assert_cmpuint (lia_test_history_length (f->store, s.amina), ==, 1);
  map = lia_stakeholder_map_get_map (window->stakeholder_map);
  g_assert_cmpuint (map->counts[1][1], ==, 1);

  lia_ui_test_destroy (GTK_WINDOW (window));
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return GTK_EVENT_CONTROLLER (controller);
    }

  return NULL;
}

/* A drop on another cell, as a drag of an avatar ends; arrows move from cell to cell. */
static void
test_map_drop_and_keys (StoreFixture  *f,
                        gconstpointer  data)
{
  LiaWindow *window;
  GtkWidget *cell;
  GtkEventController *drop, *keys;
  GValue value = G_VALUE_INIT;
  g_autofree char *dragged = NULL;
  gboolean handled = FALSE;
  Seed s;

  seed (f->store, &s);
  window = show (f->store);
  activate (GTK_WIDGET (window), "win.view", g_variant_new_string ("map"));

  /* An avatar gives "contact:ID" to what it is dropped on. */
  cell = lia_stakeholder_map_get_cell (window->stakeholder_map, 3, 5);
  drop = find_controller (cell, GTK_TYPE_DROP_TARGET);
  g_assert_nonnull (drop);
  dragged = g_strdup_printf ("contact:%" G_GINT64_FORMAT, s.bruno);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, dragged);
  g_signal_emit_by_name (drop, "drop", &value, 10.0, 10.0, &handled);
  g_value_unset (&value);
  lia_ui_test_settle ();
  g_assert_true (handled);
  assert_assessment (f->store, LIA_RECORD_KIND_CONTACT, s.bruno, 3, 5);
  g_assert_cmpuint (lia_test_history_length (f->store, s.bruno), ==, 2);
  g_assert_cmpuint (lia_stakeholder_map_get_map (window->stakeholder_map)->counts[2][4], ==, 1);

  /* Up from influence 3 is influence 4, Right from interest 4 is 5. */
  cell = lia_stakeholder_map_get_cell (window->stakeholder_map, 3, 4);
  gtk_widget_grab_focus (cell);
  keys = find_controller (cell, GTK_TYPE_EVENT_CONTROLLER_KEY);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Up, 0, 0, &handled);
  g_assert_true (handled);
  g_assert_true (gtk_widget_has_focus (lia_stakeholder_map_get_cell (window->stakeholder_map, 4, 4)));
  keys = find_controller (lia_stakeholder_map_get_cell (window->stakeholder_map, 4, 4), GTK_TYPE_EVENT_CONTROLLER_KEY);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Right, 0, 0, &handled);
  g_assert_true (gtk_widget_has_focus (lia_stakeholder_map_get_cell (window->stakeholder_map, 4, 5)));

  /* Enter on a cell with one stakeholder opens the record beside the map. */
  keys = find_controller (lia_stakeholder_map_get_cell (window->stakeholder_map, 2, 2), GTK_TYPE_EVENT_CONTROLLER_KEY);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Return, 0, 0, &handled);
  lia_ui_test_settle ();
  g_assert_cmpint (window->current_kind, ==, LIA_RECORD_KIND_CONTACT);
  g_assert_cmpint (window->current_id, ==, s.amina);

  lia_ui_test_destroy (GTK_WINDOW (window));
}

/* As of a past day, the map shows where the history had them; nothing can be moved there. */
static void
test_map_as_of (StoreFixture  *f,
                gconstpointer  data)
{
  g_autoptr(GDate) then = lia_date_parse_iso ("2025-03-31", NULL);
  LiaStakeholderMap *map;
  const LiaMap *shown;
  Seed s;

  seed (f->store, &s);
  /* Amina was first assessed 4 × 5 on 1 March 2025; today she is 2 × 2. */
  lia_test_close (f);
  lia_test_pg_sql (f, "INSERT INTO assessment_history (contact_id, changed_at, influence, interest, stance)"
                         " SELECT id, 1740830400000000, 4, 5, 'supportive' FROM contacts WHERE label = 'Amina Diallo'");
  lia_test_reopen (f);

  map = lia_stakeholder_map_new (f->store);
  g_object_ref_sink (map);
  lia_stakeholder_map_reload (map);
  shown = lia_stakeholder_map_get_map (map);
  g_assert_cmpuint (shown->counts[1][1], ==, 1);

  lia_stakeholder_map_set_as_of (map, then);
  shown = lia_stakeholder_map_get_map (map);
  g_assert_cmpuint (shown->total, ==, 1);
  g_assert_cmpuint (shown->counts[3][4], ==, 1);
  g_assert_cmpuint (shown->counts[1][1], ==, 0);
  g_assert_cmpint (((LiaMapEntry *) shown->cells[3][4]->pdata[0])->stance, ==, LIA_STANCE_SUPPORTIVE);
  /* A past map is for reading: a move is refused. */
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (map), "map.move-to",
                                                     g_variant_new ("(ixii)", LIA_RECORD_KIND_CONTACT, s.amina, 1, 1)));
  assert_assessment (f->store, LIA_RECORD_KIND_CONTACT, s.amina, 2, 2);

  lia_stakeholder_map_set_as_of (map, NULL);
  g_assert_cmpuint (lia_stakeholder_map_get_map (map)->total, ==, 3);
  g_assert_finalize_object (map);
}

/* The map exported: a PNG of the right size, a PDF that names the quadrants and people. */
static void
test_map_export (StoreFixture  *f,
                 gconstpointer  data)
{
  g_autoptr(LiaStakeholderMap) map = NULL;
  char *dir = lia_test_pg_files_dir (f);
  g_autofree char *png = g_build_filename (dir, "map.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "map.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  Seed s;

  seed (f->store, &s);
  map = g_object_ref_sink (lia_stakeholder_map_new (f->store));
  lia_stakeholder_map_reload (map);
  g_assert_true (lia_briefing_write_map (lia_stakeholder_map_get_map (map), "Stakeholder map", png,
                                         LIA_MAP_FILE_PNG, &error));
  g_assert_no_error (error);
  texture = gdk_texture_new_from_filename (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 1600);

  g_assert_true (lia_briefing_write_map (lia_stakeholder_map_get_map (map), "Stakeholder map", pdf,
                                         LIA_MAP_FILE_PDF, &error));
  g_assert_no_error (error);
  command = g_strdup_printf ("pdftotext '%s' -", pdf);
  if (g_spawn_command_line_sync (command, &text, NULL, NULL, NULL))
    {
      g_assert_nonnull (strstr (text, "Manage closely"));
      g_assert_nonnull (strstr (text, "Amina Diallo"));
      g_assert_nonnull (strstr (text, "Opposed"));
    }

  /* A folder that does not exist: an error that names the file. */
  g_clear_pointer (&png, g_free);
  png = g_build_filename (dir, "missing", "map.png", NULL);
  g_assert_false (lia_briefing_write_map (lia_stakeholder_map_get_map (map), NULL, png, LIA_MAP_FILE_PNG, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "map.png"));
  lia_test_pg_files_dir_free (f, dir);
}

/* Today lists the overdue commitment of a hand-built database; its row opens it. */
static void
test_today (StoreFixture  *f,
            gconstpointer  data)
{
  LiaWindow *window;
  Seed s;

  seed (f->store, &s);
  window = show (f->store);

  g_assert_cmpuint (lia_today_view_count_rows (window->today_view, "overdue"), ==, 1);
  g_assert_cmpuint (lia_today_view_count_rows (window->today_view, "concerns"), ==, 1);
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (window->today_view), "Overdue"));
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (window->today_view), "Send the draft agreement"));
  /* The Ministry (manage closely) and Bruno (keep informed), never contacted, are due for
   * contact; Amina (monitor) has no cadence. */
  g_assert_cmpuint (lia_today_view_count_rows (window->today_view, "contact"), ==, 2);

  {
    GtkWidget *label = lia_ui_test_find (GTK_WIDGET (window->today_view), GTK_TYPE_LABEL, "Send the draft agreement");
    GtkWidget *row = gtk_widget_get_ancestor (label, GTK_TYPE_LIST_BOX_ROW);

    g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
    lia_ui_test_settle ();
    g_assert_cmpint (window->current_kind, ==, LIA_RECORD_KIND_COMMITMENT);
    g_assert_cmpint (window->current_id, ==, s.overdue);
  }

  /* Done, it leaves Today. */
  activate (GTK_WIDGET (window), "win.mark-done", g_variant_new_int64 (s.overdue));
  lia_ui_test_settle ();
  g_assert_cmpuint (lia_today_view_count_rows (window->today_view, "overdue"), ==, 0);

  lia_ui_test_destroy (GTK_WINDOW (window));
}

static void
test_concerns (StoreFixture  *f,
               gconstpointer  data)
{
  LiaWindow *window;
  Seed s;

  seed (f->store, &s);
  window = show (f->store);
  activate (GTK_WIDGET (window), "win.view", g_variant_new_string ("concerns"));

  /* Open and mediating by default: the resolved one is not there. */
  g_assert_cmpuint (lia_concerns_view_get_n_rows (window->concerns_view), ==, 1);
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (window->concerns_view), "Delayed reimbursements"));
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (window->concerns_view), "High · Open · open 40 days"));
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (window->concerns_view),
                                          "Ministry of Health: wants the fees waived"));

  lia_concerns_view_set_filter (window->concerns_view, 0, 0);
  g_assert_cmpuint (lia_concerns_view_get_n_rows (window->concerns_view), ==, 2);
  lia_concerns_view_set_filter (window->concerns_view, 0, (1u << LIA_SEVERITY_CRITICAL) | (1u << LIA_SEVERITY_HIGH));
  g_assert_cmpuint (lia_concerns_view_get_n_rows (window->concerns_view), ==, 1);

  lia_ui_test_destroy (GTK_WINDOW (window));
}

/* The concern's page: its interactions as a timeline, what was promised there, and the
 * resolution recorded. */
static void
test_concern_page (StoreFixture  *f,
                   gconstpointer  data)
{
  g_autoptr(LiaRecord) concern = NULL;
  g_autoptr(LiaRecord) after = NULL;
  g_autoptr(LiaCommitment) promise = lia_commitment_new (LIA_COMMITMENT_DIRECTION_OURS, "Pay the March claims");
  g_autoptr(GError) error = NULL;
  LiaWindow *window;
  GtkWidget *page;
  gint64 first, second;
  Seed s;

  seed (f->store, &s);
  first = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL, "2025-03-03T10:00:00+01:00",
                                    "Complaint received", 0, s.ministry);
  second = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_MEETING, "2025-03-20T10:00:00+01:00",
                                     "Mediation meeting", 0, s.ministry);
  concern = lia_test_load (f->store, LIA_RECORD_KIND_CONCERN, s.concern);
  lia_concern_add_interaction (LIA_CONCERN (concern), second);
  lia_concern_add_interaction (LIA_CONCERN (concern), first);
  lia_test_save (f->store, concern);
  lia_commitment_set_interaction_id (promise, second);
  lia_test_save (f->store, promise);

  window = show (f->store);
  activate (GTK_WIDGET (window), "win.view", g_variant_new_string ("concerns"));
  activate (GTK_WIDGET (window), "win.open-record", g_variant_new ("(ix)", LIA_RECORD_KIND_CONCERN, s.concern));
  page = GTK_WIDGET (window->details[LIA_RECORD_KIND_CONCERN]);
  g_assert_true (lia_ui_test_shows_label (page, "Complaint received"));
  g_assert_true (lia_ui_test_shows_label (page, "Mediation meeting"));
  /* Oldest first, as a story is told, whatever order they were linked in. */
  {
    graphene_point_t origin = GRAPHENE_POINT_INIT (0, 0), a, b;

    g_assert_true (gtk_widget_compute_point (lia_ui_test_find (page, GTK_TYPE_LABEL, "Complaint received"),
                                             page, &origin, &a));
    g_assert_true (gtk_widget_compute_point (lia_ui_test_find (page, GTK_TYPE_LABEL, "Mediation meeting"),
                                             page, &origin, &b));
    g_assert_cmpfloat (a.y, <, b.y);
  }
  g_assert_true (lia_ui_test_shows_label (page, "Pay the March claims"));
  g_assert_true (lia_ui_test_shows_label (page, "Record Resolution…"));

  g_assert_true (lia_concern_detail_record_resolution (LIA_CONCERN_DETAIL (page), "The claims are paid monthly.",
                                                       &error));
  g_assert_no_error (error);
  lia_ui_test_settle ();
  after = lia_test_load (f->store, LIA_RECORD_KIND_CONCERN, s.concern);
  g_assert_cmpint (lia_concern_get_status (LIA_CONCERN (after)), ==, LIA_CONCERN_STATUS_RESOLVED);
  g_assert_cmpstr (lia_concern_get_resolution (LIA_CONCERN (after)), ==, "The claims are paid monthly.");
  g_assert_nonnull (lia_concern_get_resolved (LIA_CONCERN (after)));
  /* Resolved, it leaves the open concerns. */
  g_assert_cmpuint (lia_concerns_view_get_n_rows (window->concerns_view), ==, 0);

  lia_ui_test_destroy (GTK_WINDOW (window));
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
  int skip = 0;

  if (!lia_test_pg_init (&argc, &argv, &skip))
    return skip;

  if (!lia_ui_test_init_display ())
    {
      g_test_add_func ("/ui-engagement/no-display", test_no_display);
      return g_test_run ();
    }

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, lia_test_pg_template_fixture_setup, func, \
              lia_test_pg_ui_fixture_teardown)
  ADD ("/ui-engagement/sidebar", test_sidebar);
  ADD ("/ui-engagement/map-move", test_map_move);
  ADD ("/ui-engagement/map-drop-and-keys", test_map_drop_and_keys);
  ADD ("/ui-engagement/map-as-of", test_map_as_of);
  ADD ("/ui-engagement/map-export", test_map_export);
  ADD ("/ui-engagement/today", test_today);
  ADD ("/ui-engagement/concerns", test_concerns);
  ADD ("/ui-engagement/concern-page", test_concern_page);
#undef ADD

  return g_test_run ();
}
