/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-project-list.h"
#include "lia-store-projects.h"
#include "lia-ui-util.h"

struct _LiaProjectList
{
  GtkWidget           parent_instance;

  LiaStore           *store;
  GListStore         *model;       /* LiaProjectSummary */
  GtkSingleSelection *selection;
  gulong              changed_handler;
  gulong              reset_handler;
  guint               reload_source;
  gboolean            stale;       /* changed while not shown: reload when mapped */

  GtkWidget          *box;
  GtkDropDown        *status_dropdown;
  GtkStack           *stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
};

enum { PROP_0, PROP_STORE, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { RECORD_SELECTED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LiaProjectList, lia_project_list, GTK_TYPE_WIDGET)

/* The statuses each choice of the drop-down shows, in its order. */
static guint
filter_statuses (guint choice)
{
  switch (choice)
    {
    case 0:
      return (1u << LIA_PROJECT_STATUS_PLANNED) | (1u << LIA_PROJECT_STATUS_ACTIVE) |
             (1u << LIA_PROJECT_STATUS_ON_HOLD);
    case 1:
      return 0;
    default:
      return 1u << (choice - 2);
    }
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkWidget *bar = gtk_progress_bar_new ();
  GtkWidget *overdue = gtk_label_new (NULL);
  GtkWidget *risk = gtk_label_new (NULL);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 3);
  gtk_widget_set_margin_top (grid, 6);
  gtk_widget_set_margin_bottom (grid, 6);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (overdue, "overdue-count");
  gtk_widget_add_css_class (overdue, "caption");
  gtk_widget_add_css_class (risk, "heat-badge");
  gtk_widget_set_valign (risk, GTK_ALIGN_CENTER);

  gtk_grid_attach (GTK_GRID (grid), name, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), risk, 1, 0, 1, 2);
  gtk_grid_attach (GTK_GRID (grid), detail, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), bar, 0, 2, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), overdue, 1, 2, 1, 1);
  gtk_list_item_set_child (item, grid);
}

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

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  LiaProjectSummary *summary = gtk_list_item_get_item (item);
  GtkWidget *grid = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_grid_get_child_at (GTK_GRID (grid), 0, 0);
  GtkWidget *risk = gtk_grid_get_child_at (GTK_GRID (grid), 1, 0);
  GtkWidget *detail = gtk_grid_get_child_at (GTK_GRID (grid), 0, 1);
  GtkWidget *bar = gtk_grid_get_child_at (GTK_GRID (grid), 0, 2);
  GtkWidget *overdue = gtk_grid_get_child_at (GTK_GRID (grid), 1, 2);
  guint done = lia_project_summary_get_milestones_done (summary);
  guint total = lia_project_summary_get_milestones_total (summary);
  guint late = lia_project_summary_get_overdue_milestones (summary);
  int score = lia_project_summary_get_top_risk_score (summary);
  const char *status = lia_labels_project_status (lia_project_summary_get_status (summary));
  g_autofree char *next = NULL;
  g_autofree char *text = NULL;
  g_autofree char *late_text = NULL;
  g_autofree char *score_text = NULL;
  g_autofree char *accessible = NULL;

  gtk_label_set_text (GTK_LABEL (name), lia_project_summary_get_name (summary));

  if (lia_project_summary_get_next_milestone (summary) != NULL)
    {
      g_autofree char *due = lia_labels_format_short_date (lia_project_summary_get_next_due (summary));

      /* Translators: a project's status and next milestone, e.g. "Active · Next: Tender, 15 May 2026". */
      next = g_strdup_printf (_("Next: %s, %s"), lia_project_summary_get_next_milestone (summary), due);
      text = g_strdup_printf ("%s · %s", status, next);
    }
  else
    text = g_strdup (status);
  gtk_label_set_text (GTK_LABEL (detail), text);

  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar), total > 0 ? (double) done / total : 0);
  gtk_widget_set_visible (bar, total > 0);

  /* Translators: milestones past their due date, in red beside a project's progress bar. */
  late_text = g_strdup_printf (ngettext ("%u overdue", "%u overdue", late), late);
  gtk_label_set_text (GTK_LABEL (overdue), late_text);
  gtk_widget_set_visible (overdue, late > 0);

  score_text = g_strdup_printf ("%d", score);
  gtk_label_set_text (GTK_LABEL (risk), score_text);
  gtk_widget_set_visible (risk, score > 0);
  gtk_widget_remove_css_class (risk, "heat-low");
  gtk_widget_remove_css_class (risk, "heat-medium");
  gtk_widget_remove_css_class (risk, "heat-high");
  gtk_widget_remove_css_class (risk, "heat-severe");
  gtk_widget_add_css_class (risk, heat_class (score));
  gtk_widget_set_tooltip_text (risk, _("Highest open risk score (likelihood × impact)"));

  /* Translators: what a screen reader says for a project in the list: its name, status,
   * milestones done of all, overdue ones and the highest risk score. */
  accessible = g_strdup_printf (_("%s, %s, %u of %u milestones done, %u overdue, top risk %d"),
                                lia_project_summary_get_name (summary), status, done, total, late, score);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (grid)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
reload (LiaProjectList *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = lia_date_new_today ();
  g_autoptr(GPtrArray) summaries = NULL;
  guint statuses = filter_statuses (gtk_drop_down_get_selected (self->status_dropdown));
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  self->stale = FALSE;
  summaries = lia_store_list_project_summaries (self->store, statuses, today, &error);
  if (summaries == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("Could Not Read the Projects"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  /* Never (0, n, n) over a visible list: remove, then add. */
  g_list_store_splice (self->model, 0, n_old, NULL, 0);
  g_list_store_splice (self->model, 0, 0, summaries->pdata, summaries->len);
  adw_status_page_set_title (self->empty_page, _("No Projects"));
  adw_status_page_set_description (self->empty_page,
                                   statuses == 0
                                   ? _("Projects run with partners, their milestones and risks, will be listed here.")
                                   : _("No project has this status."));
  gtk_stack_set_visible_child_name (self->stack, summaries->len > 0 ? "list" : "empty");
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  LiaProjectList *self = user_data;

  self->reload_source = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
queue_reload (LiaProjectList *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_idle_add (reload_idle_cb, self);
}

/* Any change can move a project's figures: a milestone, a risk, a deleted contact. A list
 * that is not shown waits until it is: an import of thousands of records costs it nothing. */
static void
on_store_changed_cb (LiaProjectList *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    queue_reload (self);
  else
    self->stale = TRUE;
}

static void
lia_project_list_map (GtkWidget *widget)
{
  LiaProjectList *self = LIA_PROJECT_LIST (widget);

  GTK_WIDGET_CLASS (lia_project_list_parent_class)->map (widget);

  if (self->stale)
    queue_reload (self);
}

static void
on_status_changed_cb (LiaProjectList *self)
{
  reload (self);
}

static void
on_activate_cb (LiaProjectList *self,
                guint           position)
{
  g_autoptr(LiaProjectSummary) summary = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  g_autoptr(LiaRecord) project = NULL;

  if (summary == NULL)
    return;
  project = lia_store_load (self->store, LIA_RECORD_KIND_PROJECT, lia_project_summary_get_id (summary), NULL);
  if (project != NULL)
    g_signal_emit (self, signals[RECORD_SELECTED], 0, project);
}

static void
on_selection_changed_cb (LiaProjectList *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  if (position != GTK_INVALID_LIST_POSITION)
    on_activate_cb (self, position);
}

static void
lia_project_list_constructed (GObject *object)
{
  LiaProjectList *self = LIA_PROJECT_LIST (object);

  G_OBJECT_CLASS (lia_project_list_parent_class)->constructed (object);

  self->changed_handler = g_signal_connect_swapped (self->store, "changed", G_CALLBACK (on_store_changed_cb), self);
  self->reset_handler = g_signal_connect_swapped (self->store, "reset", G_CALLBACK (on_store_changed_cb), self);
  reload (self);
}

static void
lia_project_list_dispose (GObject *object)
{
  LiaProjectList *self = LIA_PROJECT_LIST (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->changed_handler, self->store);
      g_clear_signal_handler (&self->reset_handler, self->store);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_PROJECT_LIST);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lia_project_list_parent_class)->dispose (object);
}

static void
lia_project_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LiaProjectList *self = LIA_PROJECT_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_project_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LiaProjectList *self = LIA_PROJECT_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_project_list_class_init (LiaProjectListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lia_project_list_constructed;
  object_class->dispose = lia_project_list_dispose;
  object_class->get_property = lia_project_list_get_property;
  object_class->set_property = lia_project_list_set_property;
  widget_class->map = lia_project_list_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LIA_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[RECORD_SELECTED] =
    g_signal_new ("record-selected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LIA_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaison/Liaison/lia-project-list.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaProjectList, box);
  gtk_widget_class_bind_template_child (widget_class, LiaProjectList, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LiaProjectList, stack);
  gtk_widget_class_bind_template_child (widget_class, LiaProjectList, list_view);
  gtk_widget_class_bind_template_child (widget_class, LiaProjectList, empty_page);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lia_project_list_init (LiaProjectList *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->model = g_list_store_new (LIA_TYPE_PROJECT_SUMMARY);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (on_selection_changed_cb), self);
  g_signal_connect_swapped (self->status_dropdown, "notify::selected", G_CALLBACK (on_status_changed_cb), self);
}

LiaProjectList *
lia_project_list_new (LiaStore *store)
{
  g_return_val_if_fail (LIA_IS_STORE (store), NULL);

  return g_object_new (LIA_TYPE_PROJECT_LIST, "store", store, NULL);
}

void
lia_project_list_reload (LiaProjectList *self)
{
  g_return_if_fail (LIA_IS_PROJECT_LIST (self));

  g_clear_handle_id (&self->reload_source, g_source_remove);
  reload (self);
}

GListModel *
lia_project_list_get_model (LiaProjectList *self)
{
  g_return_val_if_fail (LIA_IS_PROJECT_LIST (self), NULL);

  return G_LIST_MODEL (self->model);
}

void
lia_project_list_unselect (LiaProjectList *self)
{
  g_return_if_fail (LIA_IS_PROJECT_LIST (self));

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}
