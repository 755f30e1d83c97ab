/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Projects view and a project's page as a person sees them: current projects unless the
 * filter says otherwise, each with its progress, overdue milestones and top risk; the page's
 * checklist, whose check marks a milestone done in the database; the heat map's counts; the
 * editor that makes a project with a milestone and a risk. Under Xvfb. */
#include "config.h"

#include "lia-interaction-detail.h"
#include "lia-store-bulk.h"
#include "lia-project-detail.h"
#include "lia-record-picker.h"
#include "lia-project-editor.h"
#include "lia-project-list.h"
#include "lia-store-projects.h"
#include "lia-timeline-row.h"
#include "lia-today-view.h"
#include "test-ui-util.h"
#include "lia-test-pg.h"

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
  g_autoptr(GArray) unicef = lia_store_find_organizations_by_name (f->store, "UNICEF", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -21);
  g_autofree char *then_iso = g_date_time_format_iso8601 (then);

  /* The funder was last met three weeks ago: its row says so beside its role and stance. */
  g_assert_cmpuint (unicef->len, ==, 1);
  lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_MEETING, then_iso, "Funding talk",
                            0, g_array_index (unicef, gint64, 0));

  gtk_window_set_default_size (window, 960, 640);
  gtk_window_set_child (window, GTK_WIDGET (detail));
  lia_detail_set_record_id (detail, id);
  lia_ui_test_present (window);

  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (detail), "0 of 2 milestones done · 1 overdue"));
  /* Both risks score 20: the heat map's cell at likelihood 4, impact 5 says 2. */
  g_assert_true (lia_ui_test_has_label (GTK_WIDGET (detail), "2"));
  g_assert_nonnull (lia_ui_test_find_row_by_subtitle (GTK_WIDGET (detail), "Funder · Supportive · last contact 3 weeks ago"));
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

/* Linked interactions show as a timeline, newest first; only open commitments and concerns
 * are listed, the others counted as closed. */
static void
test_page_links (StoreFixture  *f,
                 gconstpointer  data)
{
  LiaDetail *detail = LIA_DETAIL (lia_project_detail_new (f->store));
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  g_autoptr(LiaProject) project = lia_project_new ("Cold chain");
  g_autoptr(LiaCommitment) open = lia_commitment_new (LIA_COMMITMENT_DIRECTION_OURS, "Send the budget");
  g_autoptr(LiaCommitment) done = lia_commitment_new (LIA_COMMITMENT_DIRECTION_THEIRS, "Sign the MoU");
  g_autoptr(LiaConcern) concern = lia_concern_new ("Tariffs dispute");
  gint64 kickoff = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_MEETING,
                                            "2026-02-03T10:00:00+01:00", "Kick-off", 0, 0);
  gint64 review = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL,
                                           "2026-03-10T15:00:00+01:00", "Quarterly review", 0, 0);
  GtkWidget *first, *group;

  lia_commitment_set_status (done, LIA_COMMITMENT_STATUS_DONE);
  lia_concern_set_status (concern, LIA_CONCERN_STATUS_RESOLVED);
  lia_test_save (f->store, open);
  lia_test_save (f->store, done);
  lia_test_save (f->store, concern);
  lia_project_add_link (project, LIA_RECORD_KIND_INTERACTION, kickoff);
  lia_project_add_link (project, LIA_RECORD_KIND_INTERACTION, review);
  lia_project_add_link (project, LIA_RECORD_KIND_COMMITMENT, lia_record_get_id (LIA_RECORD (open)));
  lia_project_add_link (project, LIA_RECORD_KIND_COMMITMENT, lia_record_get_id (LIA_RECORD (done)));
  lia_project_add_link (project, LIA_RECORD_KIND_CONCERN, lia_record_get_id (LIA_RECORD (concern)));
  lia_test_save (f->store, project);

  gtk_window_set_default_size (window, 960, 640);
  gtk_window_set_child (window, GTK_WIDGET (detail));
  lia_detail_set_record_id (detail, lia_record_get_id (LIA_RECORD (project)));
  lia_ui_test_present (window);

  first = lia_ui_test_find (GTK_WIDGET (detail), LIA_TYPE_TIMELINE_ROW, NULL);
  g_assert_nonnull (first);
  g_assert_cmpstr (lia_timeline_row_get_title (LIA_TIMELINE_ROW (first)), ==, "Quarterly review");
  g_assert_true (lia_timeline_row_get_shows_day (LIA_TIMELINE_ROW (first)));
  {
    GtkWidget *next = gtk_widget_get_next_sibling (gtk_widget_get_parent (first));

    g_assert_nonnull (next);
    g_assert_cmpstr (lia_timeline_row_get_title (LIA_TIMELINE_ROW (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (next)))),
                     ==, "Kick-off");
  }
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (detail), "Send the budget"));
  g_assert_false (lia_ui_test_has_label (GTK_WIDGET (detail), "Sign the MoU"));
  g_assert_false (lia_ui_test_has_label (GTK_WIDGET (detail), "Tariffs dispute"));
  group = gtk_widget_get_ancestor (lia_ui_test_find (GTK_WIDGET (detail), GTK_TYPE_LABEL, "Send the budget"),
                                   ADW_TYPE_PREFERENCES_GROUP);
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==, "Open Commitments");
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), ==, "1 more was closed");
  group = gtk_widget_get_ancestor (lia_ui_test_find (GTK_WIDGET (detail), GTK_TYPE_LABEL, "No open concerns"),
                                   ADW_TYPE_PREFERENCES_GROUP);
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), ==,
                   "1 more was resolved or closed");

  lia_ui_test_destroy (window);
}

/* The button labelled @label (or showing the icon named @label) under @widget. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0 ||
                                 g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), label) == 0))
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

/* A risk's description, owner, mitigation and next review are edited like its title: typed,
 * picked from the contacts, checked (a review that is no date keeps the editor open), saved,
 * shown again when the editor reopens, and the owner can be cleared. */
static void
test_editor_risk_details (StoreFixture  *f,
                          gconstpointer  data)
{
  g_autoptr(LiaContact) amina = lia_contact_new ("Amina", "Diallo");
  g_autoptr(LiaProject) project = lia_project_new ("Cold chain");
  g_autoptr(LiaRisk) customs = lia_risk_new ("Customs hold the fridges");
  g_autoptr(LiaProject) loaded = NULL;
  g_autoptr(LiaRisk) risk = NULL;
  g_autoptr(GError) error = NULL;
  LiaProjectEditor *editor;
  LiaRecordPicker *picker;
  GtkWidget *owner, *review;
  gint64 id;

  lia_test_save (f->store, amina);
  lia_project_add_risk (project, customs);
  lia_test_save (f->store, project);
  id = lia_record_get_id (LIA_RECORD (project));

  editor = lia_project_editor_new (f->store, project);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  lia_ui_test_present (GTK_WINDOW (editor));
  owner = lia_ui_test_find (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "Risk Owner");
  g_assert_nonnull (owner);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (owner)), ==, "None");
  gtk_editable_set_text (GTK_EDITABLE (lia_ui_test_find (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Description")),
                         "Fridges wait weeks at the port");
  gtk_editable_set_text (GTK_EDITABLE (lia_ui_test_find (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Mitigation")),
                         "Pre-clear with the customs office");
  picker = LIA_RECORD_PICKER (lia_ui_test_find (owner, LIA_TYPE_RECORD_PICKER, NULL));
  g_assert_nonnull (picker);
  lia_record_picker_set_text (picker, "amina");
  lia_ui_test_settle ();
  g_assert_cmpuint (lia_record_picker_get_n_results (picker), ==, 1);
  lia_record_picker_pick (picker, 0);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (owner)), ==, "Amina Diallo");

  /* A review on no day at all: the editor says so and stays open, nothing is saved. */
  review = lia_ui_test_find (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Next Review");
  g_assert_nonnull (review);
  gtk_editable_set_text (GTK_EDITABLE (review), "14/3");
  g_assert_false (lia_editor_save (LIA_EDITOR (editor)));
  g_assert_nonnull (lia_editor_get_field_problem (LIA_EDITOR (editor), review));
  gtk_editable_set_text (GTK_EDITABLE (review), "2031-03-14");
  g_assert_true (lia_editor_save (LIA_EDITOR (editor)));
  lia_ui_test_settle ();
  if (editor != NULL)
    lia_ui_test_destroy (GTK_WINDOW (editor));

  loaded = LIA_PROJECT (lia_store_load (f->store, LIA_RECORD_KIND_PROJECT, id, &error));
  g_assert_no_error (error);
  risk = g_list_model_get_item (lia_project_get_risks (loaded), 0);
  g_assert_cmpstr (lia_risk_get_title (risk), ==, "Customs hold the fridges");
  g_assert_cmpstr (lia_risk_get_description (risk), ==, "Fridges wait weeks at the port");
  g_assert_cmpstr (lia_risk_get_mitigation (risk), ==, "Pre-clear with the customs office");
  g_assert_cmpint (lia_risk_get_owner_id (risk), ==, lia_record_get_id (LIA_RECORD (amina)));
  g_assert_nonnull (lia_risk_get_review (risk));
  g_assert_cmpint (g_date_get_year (lia_risk_get_review (risk)), ==, 2031);
  g_assert_cmpint (g_date_get_month (lia_risk_get_review (risk)), ==, 3);
  g_assert_cmpint (g_date_get_day (lia_risk_get_review (risk)), ==, 14);

  /* Reopened, the editor shows them; clearing the owner leaves the risk without one. */
  editor = lia_project_editor_new (f->store, loaded);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  lia_ui_test_present (GTK_WINDOW (editor));
  owner = lia_ui_test_find (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "Risk Owner");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (owner)), ==, "Amina Diallo");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (lia_ui_test_find (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW,
                                                                            "Mitigation"))),
                   ==, "Pre-clear with the customs office");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (lia_ui_test_find (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW,
                                                                            "Next Review"))),
                   !=, "");
  g_signal_emit_by_name (find_button (owner, "edit-clear-symbolic"), "clicked");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (owner)), ==, "None");
  g_assert_true (lia_editor_save (LIA_EDITOR (editor)));
  lia_ui_test_settle ();
  if (editor != NULL)
    lia_ui_test_destroy (GTK_WINDOW (editor));
  g_clear_object (&risk);
  g_clear_object (&loaded);
  loaded = LIA_PROJECT (lia_store_load (f->store, LIA_RECORD_KIND_PROJECT, id, &error));
  g_assert_no_error (error);
  risk = g_list_model_get_item (lia_project_get_risks (loaded), 0);
  g_assert_cmpint (lia_risk_get_owner_id (risk), ==, 0);
  g_assert_cmpstr (lia_risk_get_mitigation (risk), ==, "Pre-clear with the customs office");
}

static void
on_today_activated_cb (LiaTodayView *view,
                       int           kind,
                       gint64        id,
                       gint64       *out_id)
{
  g_assert_cmpint (kind, ==, LIA_RECORD_KIND_PROJECT);
  *out_id = id;
}

/* Today lists a current project's milestone due this week and its risk past review, not those of
 * a completed project, nor a milestone due later or a closed risk; a row opens its project. */
static void
test_today (StoreFixture  *f,
            gconstpointer  data)
{
  g_autoptr(LiaProject) cold = lia_project_new ("Cold chain");
  g_autoptr(LiaProject) old = lia_project_new ("Old survey");
  g_autoptr(GDate) soon = lia_test_date_from_today (2);
  g_autoptr(GDate) later = lia_test_date_from_today (20);
  g_autoptr(GDate) past = lia_test_date_from_today (-3);
  LiaTodayView *view = lia_today_view_new (f->store);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  gint64 opened = 0;
  const struct { LiaProject *project; const char *title; const GDate *due; } milestones[] = {
    { cold, "Fridges delivered", soon }, { cold, "Staff trained", later }, { old, "Report filed", soon },
  };
  const struct { LiaProject *project; const char *title; const GDate *review; LiaRiskStatus status; } risks[] = {
    { cold, "Customs hold the fridges", past, LIA_RISK_STATUS_OPEN },
    { cold, "Power cuts", past, LIA_RISK_STATUS_CLOSED },
    { cold, "Staff leave", later, LIA_RISK_STATUS_MITIGATING },
    { old, "Budget cut", past, LIA_RISK_STATUS_OPEN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (milestones); i++)
    {
      g_autoptr(LiaMilestone) milestone = lia_milestone_new (milestones[i].title);

      lia_milestone_set_due (milestone, milestones[i].due);
      lia_project_add_milestone (milestones[i].project, milestone);
    }
  for (guint i = 0; i < G_N_ELEMENTS (risks); i++)
    {
      g_autoptr(LiaRisk) risk = lia_risk_new (risks[i].title);

      lia_risk_set_review (risk, risks[i].review);
      lia_risk_set_status (risk, risks[i].status);
      lia_risk_set_likelihood (risk, 4);
      lia_risk_set_impact (risk, 5);
      lia_project_add_risk (risks[i].project, risk);
    }
  lia_project_set_status (cold, LIA_PROJECT_STATUS_ACTIVE);
  lia_project_set_status (old, LIA_PROJECT_STATUS_COMPLETED);
  lia_test_save (f->store, cold);
  lia_test_save (f->store, old);

  gtk_window_set_child (window, GTK_WIDGET (view));
  g_signal_connect (view, "record-activated", G_CALLBACK (on_today_activated_cb), &opened);
  lia_ui_test_present (window);
  lia_today_view_reload (view);

  g_assert_cmpuint (lia_today_view_count_rows (view, "milestones"), ==, 1);
  g_assert_cmpuint (lia_today_view_count_rows (view, "risks"), ==, 1);
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (view), "Milestones This Week"));
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (view), "Fridges delivered"));
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (view), "Risks to Review"));
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (view), "Customs hold the fridges"));
  g_assert_false (lia_ui_test_has_label (GTK_WIDGET (view), "Budget cut"));
  g_assert_false (lia_ui_test_has_label (GTK_WIDGET (view), "Staff trained"));
  {
    GtkWidget *label = lia_ui_test_find (GTK_WIDGET (view), GTK_TYPE_LABEL, "Customs hold the fridges");
    GtkWidget *row = gtk_widget_get_ancestor (label, GTK_TYPE_LIST_BOX_ROW);

    g_autofree char *day = lia_labels_format_short_date (past);
    g_autofree char *subtitle = g_strdup_printf ("Cold chain · score 20 · review was due %s", day);

    g_assert_true (lia_ui_test_find_row_by_subtitle (GTK_WIDGET (view), subtitle) == row);
    g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
    g_assert_cmpint (opened, ==, lia_record_get_id (LIA_RECORD (cold)));
  }

  lia_ui_test_destroy (window);
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
  int skip = 0;

  if (!lia_test_pg_init (&argc, &argv, &skip))
    return skip;

  if (!lia_ui_test_init_display ())
    {
      g_test_add_func ("/ui-projects/no-display", test_no_display);
      return g_test_run ();
    }

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, lia_test_pg_template_fixture_setup, func, \
              lia_test_pg_ui_fixture_teardown)

  ADD ("/ui-projects/list", test_list);
  ADD ("/ui-projects/page", test_page);
  ADD ("/ui-projects/link", test_link);
  ADD ("/ui-projects/editor", test_editor);
  ADD ("/ui-projects/page-links", test_page_links);
  ADD ("/ui-projects/today", test_today);
  ADD ("/ui-projects/editor-risk-details", test_editor_risk_details);

#undef ADD

  return g_test_run ();
}
