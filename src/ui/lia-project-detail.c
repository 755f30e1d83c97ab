/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-project-detail.h"
#include "lia-timeline-row.h"
#include "lia-ui-util.h"

struct _LiaProjectDetail
{
  LiaDetail parent_instance;
};

G_DEFINE_FINAL_TYPE (LiaProjectDetail, lia_project_detail, LIA_TYPE_DETAIL)

static const char *
heat_class (int score)
{
  if (score >= 15)
    return "heat-severe";
  if (score >= 10)
    return "heat-high";
  if (score >= 5)
    return "heat-medium";
  return "heat-low";
}

/* Likelihood up the side (5 at the top), impact along the bottom; each cell shaded by its
 * score and showing how many open risks fall in it. */
static GtkWidget *
heat_map_new (LiaProject *project)
{
  GListModel *risks = lia_project_get_risks (project);
  GtkWidget *grid = gtk_grid_new ();
  guint counts[25] = { 0, };
  g_autofree char *summary = NULL;
  guint n_open = 0;

  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(LiaRisk) risk = g_list_model_get_item (risks, i);

      if (!lia_risk_is_open (risk))
        continue;
      counts[(lia_risk_get_likelihood (risk) - 1) * 5 + lia_risk_get_impact (risk) - 1]++;
      n_open++;
    }

  gtk_widget_add_css_class (grid, "heat-map");
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 2);
  gtk_widget_set_halign (grid, GTK_ALIGN_START);
  gtk_widget_set_margin_top (grid, 6);
  gtk_widget_set_margin_bottom (grid, 6);

  for (int likelihood = 5; likelihood >= 1; likelihood--)
    {
      g_autofree char *axis = g_strdup_printf ("%d", likelihood);
      GtkWidget *label = gtk_label_new (axis);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (GTK_GRID (grid), label, 0, 5 - likelihood, 1, 1);
      for (int impact = 1; impact <= 5; impact++)
        {
          guint count = counts[(likelihood - 1) * 5 + impact - 1];
          g_autofree char *text = count > 0 ? g_strdup_printf ("%u", count) : g_strdup ("");
          GtkWidget *cell = gtk_label_new (text);

          gtk_widget_add_css_class (cell, "heat-cell");
          gtk_widget_add_css_class (cell, heat_class (likelihood * impact));
          gtk_grid_attach (GTK_GRID (grid), cell, impact, 5 - likelihood, 1, 1);
        }
    }
  for (int impact = 1; impact <= 5; impact++)
    {
      g_autofree char *axis = g_strdup_printf ("%d", impact);
      GtkWidget *label = gtk_label_new (axis);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (GTK_GRID (grid), label, impact, 5, 1, 1);
    }
  {
    /* Translators: the axes of the risk heat map. */
    g_autofree char *up = g_strdup_printf ("%s ↑", _("Likelihood"));
    g_autofree char *across = g_strdup_printf ("%s →", _("Impact"));
    GtkWidget *likelihood = gtk_label_new (up);
    GtkWidget *impact = gtk_label_new (across);

    gtk_widget_add_css_class (likelihood, "caption");
    gtk_widget_add_css_class (likelihood, "dim-label");
    gtk_label_set_xalign (GTK_LABEL (likelihood), 0);
    gtk_widget_add_css_class (impact, "caption");
    gtk_widget_add_css_class (impact, "dim-label");
    gtk_grid_insert_row (GTK_GRID (grid), 0);
    gtk_grid_attach (GTK_GRID (grid), likelihood, 0, 0, 6, 1);
    gtk_grid_attach (GTK_GRID (grid), impact, 1, 7, 5, 1);
  }

  /* Translators: what the heat map says, for screen readers: "3 open risks by likelihood
   * (up) and impact (across)". */
  summary = g_strdup_printf (ngettext ("%u open risk by likelihood (up) and impact (across)",
                                       "%u open risks by likelihood (up) and impact (across)", n_open),
                             n_open);
  gtk_widget_set_tooltip_text (grid, summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL, summary, -1);
  return grid;
}

static void
on_milestone_toggled_cb (GtkCheckButton *check,
                         LiaDetail      *detail)
{
  LiaProject *project = LIA_PROJECT (lia_detail_get_record (detail));
  const char *uid = g_object_get_data (G_OBJECT (check), "milestone-uid");
  g_autoptr(LiaProject) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = lia_date_new_today ();
  LiaMilestone *milestone;
  gboolean done = gtk_check_button_get_active (check);

  if (project == NULL)
    return;

  /* A copy: the shown record changes only once the store has it. */
  copy = LIA_PROJECT (g_object_new (LIA_TYPE_PROJECT, NULL));
  lia_record_copy_from (LIA_RECORD (copy), LIA_RECORD (project));
  lia_record_set_id (LIA_RECORD (copy), lia_record_get_id (LIA_RECORD (project)));
  milestone = lia_project_find_milestone (copy, uid);
  if (milestone == NULL || done == (lia_milestone_get_status (milestone) == LIA_MILESTONE_STATUS_DONE))
    return;

  lia_milestone_set_status (milestone, done ? LIA_MILESTONE_STATUS_DONE : LIA_MILESTONE_STATUS_OPEN);
  lia_milestone_set_done (milestone, done ? today : NULL);
  lia_project_parts_changed (copy);
  if (!lia_store_save (lia_detail_get_store (detail), LIA_RECORD (copy), &error))
    {
      g_warning ("%s", error->message);
      gtk_check_button_set_active (check, !done);
    }
}

static void
add_progress (LiaDetail  *detail,
              GtkWidget  *content,
              LiaProject *project)
{
  GListModel *milestones = lia_project_get_milestones (project);
  guint n = g_list_model_get_n_items (milestones);
  g_autoptr(GDate) today = lia_date_new_today ();
  g_autofree char *progress = NULL;
  GtkWidget *group;
  GtkWidget *bar;
  guint done, total, overdue;

  lia_project_count_milestones (project, today, &done, &total, &overdue);
  if (overdue > 0)
    /* Translators: a project's progress, e.g. "2 of 5 milestones done · 1 overdue". */
    progress = g_strdup_printf (ngettext ("%u of %u milestone done · %u overdue",
                                          "%u of %u milestones done · %u overdue", total),
                                done, total, overdue);
  else
    progress = g_strdup_printf (ngettext ("%u of %u milestone done", "%u of %u milestones done", total),
                                done, total);

  group = lia_ui_group_new (content, _("Milestones"), total > 0 ? progress : NULL);
  if (total > 0)
    {
      /* Alone in its group, so that it comes before the checklist, not after it. */
      bar = gtk_progress_bar_new ();
      gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar), (double) done / total);
      gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, progress, -1);
      lia_ui_group_add (group, bar);
      group = lia_ui_group_new (content, NULL, NULL);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaMilestone) milestone = g_list_model_get_item (milestones, i);
      g_autofree char *due = lia_labels_format_date (lia_milestone_get_due (milestone));
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      gboolean is_overdue = lia_milestone_is_overdue (milestone, today);

      if (is_overdue)
        /* Translators: a milestone whose due date has passed. */
        subtitle = g_strdup_printf (_("Overdue since %s"), due);
      else if (lia_milestone_get_status (milestone) == LIA_MILESTONE_STATUS_MISSED)
        subtitle = g_strdup (lia_labels_milestone_status (LIA_MILESTONE_STATUS_MISSED));
      else if (due != NULL)
        /* Translators: when a milestone is due. */
        subtitle = g_strdup_printf (_("Due %s"), due);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lia_milestone_get_title (milestone));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (subtitle != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (is_overdue)
        gtk_widget_add_css_class (row, "overdue");

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   lia_milestone_get_status (milestone) == LIA_MILESTONE_STATUS_DONE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      lia_milestone_get_title (milestone), -1);
      g_object_set_data_full (G_OBJECT (check), "milestone-uid",
                              g_strdup (lia_milestone_get_uid (milestone)), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (on_milestone_toggled_cb), detail);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      lia_ui_group_add (group, row);
    }
  if (n == 0)
    lia_ui_group_add (group, lia_ui_placeholder_row_new (_("No milestones"), _("Edit the project to plan them.")));
}

static int
by_score (gconstpointer a,
          gconstpointer b)
{
  LiaRisk *ra = *(LiaRisk **) a;
  LiaRisk *rb = *(LiaRisk **) b;

  if (lia_risk_get_score (ra) != lia_risk_get_score (rb))
    return lia_risk_get_score (rb) - lia_risk_get_score (ra);
  return g_utf8_collate (lia_risk_get_title (ra), lia_risk_get_title (rb));
}

static void
add_risks (LiaStore   *store,
           GtkWidget  *content,
           LiaProject *project)
{
  GListModel *list = lia_project_get_risks (project);
  g_autoptr(GPtrArray) risks = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *group = lia_ui_group_new (content, _("Risks"), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (risks, g_list_model_get_item (list, i));
  if (risks->len == 0)
    {
      lia_ui_group_add (group, lia_ui_placeholder_row_new (_("No risks"), _("Edit the project to add to its register.")));
      return;
    }

  /* The heat map alone in the Risks group, the register under it. */
  lia_ui_group_add (group, heat_map_new (project));
  group = lia_ui_group_new (content, NULL, NULL);

  g_ptr_array_sort (risks, by_score);
  for (guint i = 0; i < risks->len; i++)
    {
      LiaRisk *risk = risks->pdata[i];
      g_autofree char *owner = lia_risk_get_owner_id (risk) > 0
                               ? lia_ui_dup_record_label (store, LIA_RECORD_KIND_CONTACT, lia_risk_get_owner_id (risk))
                               : NULL;
      g_autofree char *review = lia_labels_format_date (lia_risk_get_review (risk));
      g_autoptr(GString) subtitle = g_string_new (NULL);
      g_autofree char *score = g_strdup_printf ("%d", lia_risk_get_score (risk));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *badge = gtk_label_new (score);

      /* Translators: a risk's likelihood and impact, e.g. "Likelihood 4 · Impact 5". */
      g_string_append_printf (subtitle, _("Likelihood %d · Impact %d"),
                              lia_risk_get_likelihood (risk), lia_risk_get_impact (risk));
      g_string_append_printf (subtitle, " · %s", lia_labels_risk_status (lia_risk_get_status (risk)));
      if (owner != NULL)
        g_string_append_printf (subtitle, " · %s", owner);
      if (review != NULL)
        /* Translators: when a risk is reviewed next. */
        g_string_append_printf (subtitle, _(" · Review %s"), review);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lia_risk_get_title (risk));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      gtk_widget_add_css_class (badge, "heat-badge");
      gtk_widget_add_css_class (badge, heat_class (lia_risk_get_score (risk)));
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (badge, _("Score (likelihood × impact)"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), badge);
      if (!lia_risk_is_open (risk))
        gtk_widget_add_css_class (row, "dim-label");
      lia_ui_group_add (group, row);
    }
}

static int
by_newest (gconstpointer a,
           gconstpointer b)
{
  LiaInteraction *ia = *(LiaInteraction **) a;
  LiaInteraction *ib = *(LiaInteraction **) b;
  int order = g_date_time_compare (lia_interaction_get_at (ib), lia_interaction_get_at (ia));

  if (order != 0)
    return order;
  return lia_record_get_id (LIA_RECORD (ib)) < lia_record_get_id (LIA_RECORD (ia)) ? -1 : 1;
}

/* The linked interactions as the organizations' timeline shows them: newest first, under the
 * heading of their day, each opening its page. */
static void
add_timeline (LiaStore   *store,
              GtkWidget  *content,
              LiaProject *project)
{
  const GArray *ids = lia_project_get_link_ids (project, LIA_RECORD_KIND_INTERACTION);
  g_autoptr(GPtrArray) interactions = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *group, *list;

  if (ids->len == 0)
    return;
  for (guint i = 0; i < ids->len; i++)
    {
      LiaRecord *interaction = lia_store_load (store, LIA_RECORD_KIND_INTERACTION, g_array_index (ids, gint64, i), NULL);

      if (interaction != NULL)
        g_ptr_array_add (interactions, interaction);
    }
  g_ptr_array_sort (interactions, by_newest);

  group = lia_ui_group_new (content, _("Interactions"), _("Newest first"));
  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_add_css_class (list, "timeline");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Interactions"), -1);
  for (guint i = 0; i < interactions->len; i++)
    {
      LiaInteraction *interaction = interactions->pdata[i];
      LiaTimelineRow *timeline_row = lia_timeline_row_new ();
      GtkWidget *row = gtk_list_box_row_new ();
      gboolean first_of_day = i == 0 ||
                              !lia_ui_same_day (lia_interaction_get_at (interactions->pdata[i - 1]),
                                         lia_interaction_get_at (interaction));

      lia_timeline_row_bind (timeline_row, store, interaction, first_of_day);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), GTK_WIDGET (timeline_row));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-record");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                              lia_ui_record_target (LIA_RECORD_KIND_INTERACTION,
                                                                    lia_record_get_id (LIA_RECORD (interaction))));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  lia_ui_group_add (group, list);
}

/* Open commitments or concerns linked to the project; those done with are history, counted in
 * the group's description. */
static void
add_open_links (LiaStore      *store,
                GtkWidget     *content,
                LiaProject    *project,
                LiaRecordKind  kind)
{
  const GArray *ids = lia_project_get_link_ids (project, kind);
  g_autoptr(GPtrArray) open = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *closed_text = NULL;
  guint closed = 0;
  GtkWidget *group;

  if (ids->len == 0)
    return;
  for (guint i = 0; i < ids->len; i++)
    {
      LiaRecord *record = lia_store_load (store, kind, g_array_index (ids, gint64, i), NULL);
      gboolean is_open;

      if (record == NULL)
        continue;
      if (kind == LIA_RECORD_KIND_COMMITMENT)
        is_open = lia_commitment_get_status (LIA_COMMITMENT (record)) == LIA_COMMITMENT_STATUS_OPEN;
      else
        is_open = lia_concern_get_status (LIA_CONCERN (record)) == LIA_CONCERN_STATUS_OPEN ||
                  lia_concern_get_status (LIA_CONCERN (record)) == LIA_CONCERN_STATUS_MEDIATING;
      if (is_open)
        g_ptr_array_add (open, record);
      else
        {
          closed++;
          g_object_unref (record);
        }
    }

  if (closed > 0)
    closed_text = kind == LIA_RECORD_KIND_COMMITMENT
                  /* Translators: under a project's open commitments: the linked ones kept or cancelled. */
                  ? g_strdup_printf (ngettext ("%u more was closed", "%u more were closed", closed), closed)
                  /* Translators: under a project's open concerns: the linked ones resolved or closed. */
                  : g_strdup_printf (ngettext ("%u more was resolved or closed", "%u more were resolved or closed",
                                               closed), closed);
  group = lia_ui_group_new (content, kind == LIA_RECORD_KIND_COMMITMENT ? _("Open Commitments") : _("Open Concerns"),
                            closed_text);
  for (guint i = 0; i < open->len; i++)
    {
      LiaRecord *record = open->pdata[i];
      g_autofree char *subtitle = NULL;

      if (kind == LIA_RECORD_KIND_COMMITMENT)
        {
          lia_ui_group_add (group, lia_ui_commitment_row_new (store, LIA_COMMITMENT (record)));
          continue;
        }
      subtitle = g_strdup_printf ("%s · %s", lia_labels_severity (lia_concern_get_severity (LIA_CONCERN (record))),
                                  lia_labels_concern_status (lia_concern_get_status (LIA_CONCERN (record))));
      lia_ui_group_add (group, lia_ui_record_row_new (kind, lia_record_get_id (record), lia_record_get_label (record),
                                                      subtitle));
    }
  if (open->len == 0)
    lia_ui_group_add (group, lia_ui_placeholder_row_new (kind == LIA_RECORD_KIND_COMMITMENT ? _("No open commitments")
                                                                                             : _("No open concerns"),
                                                         NULL));
}

static void
lia_project_detail_build (LiaDetail *detail,
                          GtkWidget *content,
                          LiaRecord *record)
{
  LiaProject *project = LIA_PROJECT (record);
  LiaStore *store = lia_detail_get_store (detail);
  GListModel *stakeholders = lia_project_get_stakeholders (project);
  g_autofree char *period = lia_ui_format_period (lia_project_get_start (project), lia_project_get_end (project));
  g_autofree char *subtitle = NULL;
  GtkWidget *group;
  guint n = g_list_model_get_n_items (stakeholders);

  subtitle = period != NULL && period[0] != '\0'
             ? g_strdup_printf ("%s · %s", lia_labels_project_status (lia_project_get_status (project)), period)
             : g_strdup (lia_labels_project_status (lia_project_get_status (project)));
  gtk_box_append (GTK_BOX (content),
                  lia_ui_detail_header_new (NULL, "view-list-bullet-symbolic",
                                            lia_project_get_name (project), subtitle));

  group = lia_ui_group_new (content, _("Details"), NULL);
  lia_ui_group_add (group, lia_ui_text_row_new (lia_project_get_summary (project)));
  lia_ui_group_add (group, lia_ui_property_row_new (_("Owner"), lia_project_get_owner (project)));
  lia_ui_group_add (group, lia_ui_property_row_new (_("Notes"), lia_project_get_notes (project)));

  add_progress (detail, content, project);
  add_risks (store, content, project);

  group = lia_ui_group_new (content, _("Stakeholders"), NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaProjectStakeholder) stakeholder = g_list_model_get_item (stakeholders, i);
      gint64 contact_id = lia_project_stakeholder_get_contact_id (stakeholder);
      LiaRecordKind kind = contact_id > 0 ? LIA_RECORD_KIND_CONTACT : LIA_RECORD_KIND_ORGANIZATION;
      gint64 id = contact_id > 0 ? contact_id : lia_project_stakeholder_get_organization_id (stakeholder);
      g_autofree char *name = lia_ui_dup_record_label (store, kind, id);
      g_autoptr(LiaRecord) who = lia_store_load (store, kind, id, NULL);
      const char *role = lia_project_stakeholder_get_role (stakeholder);
      g_autofree char *what = NULL;
      LiaStance stance = LIA_STANCE_UNKNOWN;

      /* The role, and where they stand, as their assessment says. */
      if (who != NULL)
        stance = lia_assessment_get_stance (LIA_IS_CONTACT (who) ? lia_contact_get_assessment (LIA_CONTACT (who))
                                                                 : lia_organization_get_assessment (LIA_ORGANIZATION (who)));
      if (stance == LIA_STANCE_UNKNOWN)
        what = g_strdup (role);
      else if (role[0] == '\0')
        what = g_strdup (lia_labels_stance (stance));
      else
        what = g_strdup_printf ("%s · %s", role, lia_labels_stance (stance));

      lia_ui_group_add (group, lia_ui_record_row_new (kind, id, name, what));
    }
  if (n == 0)
    lia_ui_group_add (group, lia_ui_placeholder_row_new (_("No stakeholders"), _("Edit the project to say who has a stake in it.")));

  add_timeline (store, content, project);
  add_open_links (store, content, project, LIA_RECORD_KIND_COMMITMENT);
  add_open_links (store, content, project, LIA_RECORD_KIND_CONCERN);
}

static void
lia_project_detail_class_init (LiaProjectDetailClass *klass)
{
  LiaDetailClass *detail_class = LIA_DETAIL_CLASS (klass);

  detail_class->kind = LIA_RECORD_KIND_PROJECT;
  detail_class->build = lia_project_detail_build;
}

static void
lia_project_detail_init (LiaProjectDetail *self)
{
}

LiaProjectDetail *
lia_project_detail_new (LiaStore *store)
{
  g_return_val_if_fail (LIA_IS_STORE (store), NULL);

  return g_object_new (LIA_TYPE_PROJECT_DETAIL, "store", store, NULL);
}
