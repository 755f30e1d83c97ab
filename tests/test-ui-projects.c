/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Projects view and a project's page as a person sees them: current projects unless the
 * filter says otherwise, each with its progress, overdue milestones and top risk; the page's
 * checklist, whose check marks a milestone done in the database; the heat map's counts; the
 * editor that makes a project with a milestone and a risk. Under Xvfb. */
#include "config.h"

#include "lia-interaction-detail.h"
#include "lia-project-detail.h"
#include "lia-record-picker.h"
#include "lia-project-editor.h"
#include "lia-project-list.h"
#include "lia-store-projects.h"
#include "test-ui-util.h"

static gint64
seed (LiaStore *store)
{
  g_autoptr(LiaProject) cold = lia_project_new ("Cold chain");
  g_autoptr(LiaProject) old = lia_project_new ("Old survey");
  g_autoptr(LiaMilestone) sites = lia_milestone_new ("Sites chosen");
  g_autoptr(LiaMilestone) tender = lia_milestone_new ("Tender awarded");
  g_autoptr(LiaRisk) customs = lia_risk_new ("Customs hold the fridges");
  g_autoptr(LiaRisk) power = lia_risk_new ("Power cuts");
  g_autoptr(GDate) past = lia_test_date_from_today (-10);
  g_autoptr(GDate) later = lia_test_date_from_today (30);
  g_autoptr(LiaOrganization) unicef_org = lia_organization_new ("UNICEF");
  gint64 unicef;
  g_autoptr(LiaProjectStakeholder) funder = NULL;

  lia_assessment_set_stance (lia_organization_get_assessment (unicef_org), LIA_STANCE_SUPPORTIVE);
  lia_test_save (store, unicef_org);
  unicef = lia_record_get_id (LIA_RECORD (unicef_org));
  funder = lia_project_stakeholder_new_organization (unicef, "Funder");
  lia_project_set_status (cold, LIA_PROJECT_STATUS_ACTIVE);
  lia_milestone_set_due (sites, later);
  lia_milestone_set_due (tender, past);
  lia_project_add_milestone (cold, sites);
  lia_project_add_milestone (cold, tender);
  lia_risk_set_likelihood (customs, 4);
  lia_risk_set_impact (customs, 5);
  lia_risk_set_likelihood (power, 4);
  lia_risk_set_impact (power, 5);
  lia_project_add_risk (cold, customs);
  lia_project_add_risk (cold, power);
  lia_project_add_stakeholder (cold, funder);
  lia_test_save (store, cold);

  lia_project_set_status (old, LIA_PROJECT_STATUS_COMPLETED);
  lia_test_save (store, old);

  return lia_record_get_id (LIA_RECORD (cold));
}

static void
test_list (StoreFixture  *f,
           gconstpointer  data)
{
  LiaProjectList *list = lia_project_list_new (f->store);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkDropDown *filter;
  GListModel *model = lia_project_list_get_model (list);
  g_autoptr(LiaProjectSummary) cold = NULL;

  g_object_ref_sink (list);
  seed (f->store);
  gtk_window_set_default_size (window, 360, 640);
  gtk_window_set_child (window, GTK_WIDGET (list));
  lia_ui_test_present (window);
  lia_ui_test_settle ();

  /* Current projects only: the completed survey is left out. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  cold = g_list_model_get_item (model, 0);
  g_assert_cmpstr (lia_project_summary_get_name (cold), ==, "Cold chain");
  g_assert_cmpuint (lia_project_summary_get_overdue_milestones (cold), ==, 1);
  g_assert_cmpint (lia_project_summary_get_top_risk_score (cold), ==, 20);
  g_assert_cmpstr (lia_project_summary_get_next_milestone (cold), ==, "Sites chosen");
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (list), "1 overdue"));
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (list), "20"));

  filter = GTK_DROP_DOWN (lia_ui_test_find (GTK_WIDGET (list), GTK_TYPE_DROP_DOWN, NULL));
  gtk_drop_down_set_selected (filter, 1);  /* All */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  /* A project saved elsewhere shows up. */
  {
    g_autoptr(LiaProject) meals = lia_project_new ("School meals");

    lia_test_save (f->store, meals);
    lia_ui_test_settle ();
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  }
  gtk_drop_down_set_selected (filter, 4);  /* On hold */
  lia_ui_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (list), "No project has this status."));

  lia_ui_test_destroy (window);
  g_assert_finalize_object (list);
}

static void
test_page (StoreFixture  *f,
           gconstpointer  data)
{
  LiaDetail *detail = LIA_DETAIL (lia_project_detail_new (f->store));
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  gint64 id = seed (f->store);
  GtkWidget *row;
  GtkWidget *check;
  g_autoptr(LiaRecord) saved = NULL;
  g_autoptr(LiaMilestone) sites = NULL;

  gtk_window_set_default_size (window, 960, 640);
  gtk_window_set_child (window, GTK_WIDGET (detail));
  lia_detail_set_record_id (detail, id);
  lia_ui_test_present (window);

  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (detail), "0 of 2 milestones done · 1 overdue"));
  /* Both risks score 20: the heat map's cell at likelihood 4, impact 5 says 2. */
  g_assert_true (lia_ui_test_has_label (GTK_WIDGET (detail), "2"));
  g_assert_nonnull (lia_ui_test_find_row_by_subtitle (GTK_WIDGET (detail), "Funder · Supportive"));
  row = lia_ui_test_find (GTK_WIDGET (detail), ADW_TYPE_ACTION_ROW, "Tender awarded");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (row, "overdue"));

  /* Checking a milestone marks it done, today, in the database. */
  row = lia_ui_test_find (GTK_WIDGET (detail), ADW_TYPE_ACTION_ROW, "Sites chosen");
  check = lia_ui_test_find (row, GTK_TYPE_CHECK_BUTTON, NULL);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  saved = lia_test_load (f->store, LIA_RECORD_KIND_PROJECT, id);
  sites = g_list_model_get_item (lia_project_get_milestones (LIA_PROJECT (saved)), 0);
  g_assert_cmpstr (lia_milestone_get_title (sites), ==, "Sites chosen");
  g_assert_cmpint (lia_milestone_get_status (sites), ==, LIA_MILESTONE_STATUS_DONE);
  g_assert_nonnull (lia_milestone_get_done (sites));
  lia_ui_test_settle ();
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (detail), "1 of 2 milestones done · 1 overdue"));

  lia_ui_test_destroy (window);
}

/* The button labelled @label under @widget. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_editor (StoreFixture  *f,
             gconstpointer  data)
{
  g_autoptr(LiaProject) project = lia_project_new ("");
  LiaProjectEditor *editor = lia_project_editor_new (f->store, project);
  GtkWidget *name;
  GtkWidget *milestone;
  GtkWidget *risk;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GDate) today = lia_date_new_today ();

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  lia_ui_test_present (GTK_WINDOW (editor));
  name = lia_ui_test_find (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "_Name");
  gtk_editable_set_text (GTK_EDITABLE (name), "School meals");
  g_signal_emit_by_name (find_button (GTK_WIDGET (editor), "Add _Milestone"), "clicked");
  g_signal_emit_by_name (find_button (GTK_WIDGET (editor), "Add _Risk"), "clicked");
  milestone = lia_ui_test_find (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Milestone");
  risk = lia_ui_test_find (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Risk");
  gtk_editable_set_text (GTK_EDITABLE (milestone), "Kitchens built");
  gtk_editable_set_text (GTK_EDITABLE (risk), "Food prices");
  g_assert_true (lia_editor_save (LIA_EDITOR (editor)));

  summaries = lia_store_list_project_summaries (f->store, 0, today, NULL);
  g_assert_cmpuint (summaries->len, ==, 1);
  g_assert_cmpstr (lia_project_summary_get_name (summaries->pdata[0]), ==, "School meals");
  g_assert_cmpuint (lia_project_summary_get_milestones_total (summaries->pdata[0]), ==, 1);
  g_assert_cmpint (lia_project_summary_get_top_risk_score (summaries->pdata[0]), ==, 9);

  /* A saved editor closes itself. */
  lia_ui_test_settle ();
  if (editor != NULL)
    lia_ui_test_destroy (GTK_WINDOW (editor));
}

/* "Link to Project…" on an interaction's page links it, and the page then names the project. */
static void
test_link (StoreFixture  *f,
           gconstpointer  data)
{
  LiaDetail *detail = LIA_DETAIL (lia_interaction_detail_new (f->store));
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  gint64 project_id = seed (f->store);
  gint64 meeting = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_MEETING,
                                             "2026-02-03T10:00:00+01:00", "Kick-off", 0, 0);
  g_autoptr(LiaRecord) project = NULL;
  LiaRecordPicker *picker;

  gtk_window_set_default_size (window, 960, 640);
  gtk_window_set_child (window, GTK_WIDGET (detail));
  lia_detail_set_record_id (detail, meeting);
  lia_ui_test_present (window);
  g_assert_true (lia_ui_test_has_label (GTK_WIDGET (detail), "In no project"));

  picker = LIA_RECORD_PICKER (lia_ui_test_find (GTK_WIDGET (detail), LIA_TYPE_RECORD_PICKER, NULL));
  g_assert_nonnull (picker);
  lia_record_picker_set_text (picker, "cold");
  lia_ui_test_settle ();
  g_assert_cmpuint (lia_record_picker_get_n_results (picker), ==, 1);
  lia_record_picker_pick (picker, 0);

  project = lia_test_load (f->store, LIA_RECORD_KIND_PROJECT, project_id);
  g_assert_true (lia_project_has_link (LIA_PROJECT (project), LIA_RECORD_KIND_INTERACTION, meeting));
  lia_detail_refresh (detail);
  g_assert_nonnull (lia_ui_test_find (GTK_WIDGET (detail), ADW_TYPE_ACTION_ROW, "Cold chain"));

  lia_ui_test_destroy (window);
}

static void
test_no_display (void)
{
  g_test_skip ("No display: run under Xvfb (xvfb-run)");
}

int
main (int   argc,
      char *argv[])
{
  lia_ui_test_init (&argc, &argv);

  if (!lia_ui_test_init_display ())
    {
      g_test_add_func ("/ui-projects/no-display", test_no_display);
      return g_test_run ();
    }

  g_test_add ("/ui-projects/list", StoreFixture, NULL, store_fixture_setup, test_list, store_fixture_teardown);
  g_test_add ("/ui-projects/page", StoreFixture, NULL, store_fixture_setup, test_page, store_fixture_teardown);
  g_test_add ("/ui-projects/link", StoreFixture, NULL, store_fixture_setup, test_link, store_fixture_teardown);
  g_test_add ("/ui-projects/editor", StoreFixture, NULL, store_fixture_setup, test_editor, store_fixture_teardown);

  return g_test_run ();
}
