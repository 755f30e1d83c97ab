/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-error-state.h"
#include "lia-record-picker.h"
#include "lia-timeline-row.h"
#include "lia-timeline-view.h"
#include "lia-ui-util.h"

struct _LiaTimelineView
{
  GtkWidget           parent_instance;

  LiaStore           *store;
  gint64              organization_id;   /* fixed scope */
  gint64              contact_id;
  LiaRecordKind       party_kind;        /* chosen in the filter bar */
  gint64              party_id;
  guint               kinds;
  GDate              *since;
  GDate              *until;

  LiaListModel       *model;
  GtkSingleSelection *selection;
  gulong              items_changed_handler;
  gulong              error_handler;
  char               *sticky_day;

  /* Template widgets */
  GtkWidget          *box;
  GtkWidget          *filter_bar;
  GtkDropDown        *kind_dropdown;
  GtkMenuButton      *range_button;
  GtkPopover         *range_popover;
  GtkCalendar        *since_calendar;
  GtkCalendar        *until_calendar;
  GtkWidget          *party_box;
  GtkStack           *stack;
  GtkLabel           *sticky_label;
  GtkScrolledWindow  *scrolled;
  GtkGridView        *list_view;   /* one column: see the .ui file */
  AdwStatusPage      *empty_page;
  GtkWidget          *error_page;

  GtkWidget          *party_button;
  GtkWidget          *party_clear;
  LiaRecordPicker    *party_picker;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_ORGANIZATION_ID,
  PROP_CONTACT_ID,
  N_PROPS
};

enum {
  INTERACTION_SELECTED,
  INTERACTION_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LiaTimelineView, lia_timeline_view, GTK_TYPE_WIDGET)

static gboolean
is_filtered (LiaTimelineView *self)
{
  return self->kinds != 0 || self->since != NULL || self->until != NULL || self->party_id != 0;
}

static void
update_empty_state (LiaTimelineView *self)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;

  g_assert (LIA_IS_TIMELINE_VIEW (self));

  if (self->model != NULL && lia_list_model_get_error (self->model) != NULL)
    {
      lia_error_state_set_error (self->error_page, lia_list_model_get_error (self->model));
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  if (n > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }

  if (is_filtered (self))
    {
      adw_status_page_set_title (self->empty_page, _("No Matching Interactions"));
      adw_status_page_set_description (self->empty_page,
                                       _("Nothing was logged that matches these filters. "
                                         "Widen the date range or choose another kind."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Interactions Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Meetings, calls, emails and visits appear here, newest "
                                         "first. Press Ctrl+N in the Timeline or use "
                                         "“Log Interaction” on a contact or organization."));
    }
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
on_items_changed_cb (LiaTimelineView *self)
{
  update_empty_state (self);
}

static void
retry (LiaTimelineView *self)
{
  if (self->model != NULL)
    lia_list_model_reload (self->model);
}

static void
rebuild_model (LiaTimelineView *self)
{
  LiaTimelineFilter filter = { 0, };
  g_autoptr(LiaListModel) model = NULL;

  g_assert (LIA_IS_TIMELINE_VIEW (self));

  if (self->store == NULL)
    return;

  filter.organization_id = self->organization_id;
  filter.contact_id = self->contact_id;
  if (self->organization_id == 0 && self->contact_id == 0)
    {
      if (self->party_kind == LIA_RECORD_KIND_ORGANIZATION)
        filter.organization_id = self->party_id;
      else
        filter.contact_id = self->party_id;
    }
  filter.kinds = self->kinds;
  filter.since = self->since;
  filter.until = self->until;

  model = lia_list_model_new_timeline (self->store, &filter);

  /* Never (0, n, n) over a visible list: GTK 4.8 would read every row (DESIGN.md). */
  if (self->model != NULL)
    {
      g_clear_signal_handler (&self->items_changed_handler, self->model);
      g_clear_signal_handler (&self->error_handler, self->model);
    }
  gtk_single_selection_set_model (self->selection, NULL);
  g_set_object (&self->model, model);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->model));
  self->items_changed_handler = g_signal_connect_swapped (self->model, "items-changed",
                                                          G_CALLBACK (on_items_changed_cb), self);
  self->error_handler = g_signal_connect_swapped (self->model, "notify::error",
                                                  G_CALLBACK (on_items_changed_cb), self);
  update_empty_state (self);
}

static gboolean
starts_a_day (LiaTimelineView *self,
              guint            position,
              LiaInteraction  *interaction)
{
  g_autoptr(LiaInteraction) previous = NULL;

  if (position == 0 || position == GTK_INVALID_LIST_POSITION)
    return TRUE;

  /* The row before is nearly always in the same cached page. */
  previous = g_list_model_get_item (G_LIST_MODEL (self->model), position - 1);
  if (previous == NULL)
    return TRUE;

  return !lia_ui_same_day (lia_interaction_get_at (previous), lia_interaction_get_at (interaction));
}

static void
bind_row (LiaTimelineView *self,
          GtkListItem     *item)
{
  LiaInteraction *interaction = gtk_list_item_get_item (item);
  LiaTimelineRow *row = LIA_TIMELINE_ROW (gtk_list_item_get_child (item));

  if (interaction == NULL || row == NULL)
    return;

  lia_timeline_row_set_names (row, self->model);
  lia_timeline_row_bind (row, self->store, interaction,
                         starts_a_day (self, gtk_list_item_get_position (item), interaction));
}

static void
on_item_position_cb (GtkListItem     *item,
                     GParamSpec      *pspec,
                     LiaTimelineView *self)
{
  LiaInteraction *interaction = gtk_list_item_get_item (item);
  LiaTimelineRow *row = LIA_TIMELINE_ROW (gtk_list_item_get_child (item));

  /* Rows added or removed above move this one: its day may now start here, or not. The
   * rest of the row stays as it is (GTK notifies the position of every row it binds anew
   * too, right after "bind"). */
  if (interaction == NULL || row == NULL || lia_timeline_row_get_interaction (row) != interaction)
    return;
  lia_timeline_row_set_first_of_day (row, starts_a_day (self, gtk_list_item_get_position (item),
                                                        interaction));
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     LiaTimelineView          *self)
{
  gtk_list_item_set_child (item, GTK_WIDGET (lia_timeline_row_new_recycled ()));
  g_signal_connect_object (item, "notify::position", G_CALLBACK (on_item_position_cb), self, 0);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    LiaTimelineView          *self)
{
  bind_row (self, item);
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      LiaTimelineView          *self)
{
  lia_timeline_row_unbind (LIA_TIMELINE_ROW (gtk_list_item_get_child (item)));
}

static void
on_selection_changed_cb (LiaTimelineView *self)
{
  LiaInteraction *interaction = gtk_single_selection_get_selected_item (self->selection);

  if (interaction != NULL)
    g_signal_emit (self, signals[INTERACTION_SELECTED], 0, interaction);
}

static void
on_list_view_activate_cb (LiaTimelineView *self,
                          guint            position)
{
  g_autoptr(LiaInteraction) interaction = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (interaction != NULL)
    g_signal_emit (self, signals[INTERACTION_ACTIVATED], 0, interaction);
}

/* The heading of the day at the top of the visible rows, drawn over the list so that the day
 * stays in sight while its rows scroll by. */
static void
update_sticky (LiaTimelineView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  GtkWidget *picked;
  const char *day = NULL;

  if (gtk_adjustment_get_value (adjustment) > 0)
    {
      picked = gtk_widget_pick (GTK_WIDGET (self->list_view),
                                gtk_widget_get_width (GTK_WIDGET (self->list_view)) / 2.0, 1,
                                GTK_PICK_DEFAULT);
      while (picked != NULL && !LIA_IS_TIMELINE_ROW (picked) && picked != GTK_WIDGET (self->list_view))
        picked = gtk_widget_get_parent (picked);
      if (picked != NULL && LIA_IS_TIMELINE_ROW (picked))
        day = lia_timeline_row_get_day (LIA_TIMELINE_ROW (picked));
    }

  g_clear_pointer (&self->sticky_day, g_free);
  self->sticky_day = g_strdup (day != NULL ? day : "");
  gtk_label_set_text (self->sticky_label, self->sticky_day);
  gtk_widget_set_visible (GTK_WIDGET (self->sticky_label), day != NULL);
}

static void
on_vadjustment_changed_cb (LiaTimelineView *self)
{
  update_sticky (self);
}

/* GTK 4.8 names the drop-down but not the toggle button inside it, which is what a screen
 * reader lands on ("GtkToggleButton"): give the button the drop-down's purpose and choice. */
static void
name_kind_button (LiaTimelineView *self)
{
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (self->kind_dropdown));
  GtkStringObject *item = gtk_drop_down_get_selected_item (self->kind_dropdown);
  g_autofree char *name = NULL;

  if (!GTK_IS_TOGGLE_BUTTON (button))
    return;

  /* TRANSLATORS: the accessible name of the timeline's kind filter, e.g. "Kind of interaction: Calls". */
  name = g_strdup_printf (_("Kind of interaction: %s"),
                          item != NULL ? gtk_string_object_get_string (item) : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
on_kind_selected_cb (LiaTimelineView *self)
{
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);

  name_kind_button (self);

  /* Item 0 is "All Kinds"; the others follow LiaInteractionKind. */
  lia_timeline_view_set_kinds (self, selected == 0 || selected == GTK_INVALID_LIST_POSITION
                                     ? 0 : 1u << (selected - 1));
}

static GDate *
calendar_date (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  return g_date_new_dmy (g_date_time_get_day_of_month (date), g_date_time_get_month (date),
                         g_date_time_get_year (date));
}

static void
update_range_label (LiaTimelineView *self)
{
  g_autofree char *since = lia_labels_format_date (self->since);
  g_autofree char *until = lia_labels_format_date (self->until);
  g_autofree char *label = NULL;

  if (since == NULL && until == NULL)
    label = g_strdup (_("Any Date"));
  else
    label = lia_ui_format_period (self->since, self->until);

  gtk_menu_button_set_label (self->range_button, label);
}

static void
on_range_apply_clicked_cb (LiaTimelineView *self)
{
  g_autoptr(GDate) since = calendar_date (self->since_calendar);
  g_autoptr(GDate) until = calendar_date (self->until_calendar);

  /* Picked the wrong way round: the person means the period between them. */
  if (g_date_compare (since, until) > 0)
    lia_timeline_view_set_range (self, until, since);
  else
    lia_timeline_view_set_range (self, since, until);
  gtk_popover_popdown (self->range_popover);
}

static void
on_range_clear_clicked_cb (LiaTimelineView *self)
{
  lia_timeline_view_set_range (self, NULL, NULL);
  gtk_popover_popdown (self->range_popover);
}

static void
on_party_picked_cb (LiaTimelineView *self,
                    int              kind,
                    gint64           id,
                    const char      *label)
{
  lia_timeline_view_set_party (self, kind, id);
}

static void
on_party_clear_clicked_cb (LiaTimelineView *self)
{
  lia_timeline_view_set_party (self, LIA_RECORD_KIND_CONTACT, 0);
}

static void
update_party_button (LiaTimelineView *self)
{
  g_autofree char *label = NULL;

  if (self->party_button == NULL)
    return;

  if (self->party_id != 0)
    label = lia_ui_dup_record_label (self->store, self->party_kind, self->party_id);

  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->party_button),
                             label != NULL ? label : _("Anyone"));
  /* A long organization name must not widen the list pane: it ends in "…", and the tooltip
   * keeps it whole. */
  gtk_widget_set_tooltip_text (self->party_button, label != NULL ? label : _("Organization or contact"));
  for (GtkWidget *child = gtk_widget_get_first_child (self->party_button);
       child != NULL;
       child = gtk_widget_get_first_child (child))
    {
      GtkWidget *text = child;

      while (text != NULL && !GTK_IS_LABEL (text))
        text = gtk_widget_get_next_sibling (text);
      if (text != NULL)
        {
          gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
          gtk_label_set_max_width_chars (GTK_LABEL (text), 24);
          break;
        }
    }
  gtk_widget_set_visible (self->party_clear, self->party_id != 0);
}

static void
lia_timeline_view_constructed (GObject *object)
{
  LiaTimelineView *self = (LiaTimelineView *) object;

  G_OBJECT_CLASS (lia_timeline_view_parent_class)->constructed (object);

  if (self->store != NULL && self->organization_id == 0 && self->contact_id == 0)
    {
      self->party_button = lia_record_picker_button_new (self->store,
                                                         (1u << LIA_RECORD_KIND_ORGANIZATION) |
                                                         (1u << LIA_RECORD_KIND_CONTACT),
                                                         _("Anyone"), &self->party_picker);
      gtk_widget_set_tooltip_text (self->party_button, _("Organization or contact"));
      g_signal_connect_object (self->party_picker, "picked", G_CALLBACK (on_party_picked_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (self->party_box), self->party_button);

      self->party_clear = gtk_button_new_from_icon_name ("edit-clear-symbolic");
      gtk_widget_set_tooltip_text (self->party_clear, _("Everyone"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->party_clear),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show everyone’s interactions"),
                                      -1);
      g_signal_connect_swapped (self->party_clear, "clicked", G_CALLBACK (on_party_clear_clicked_cb), self);
      gtk_box_append (GTK_BOX (self->party_box), self->party_clear);
      update_party_button (self);
    }
  /* A detail's timeline has its party fixed: no empty slot among the filters. */
  gtk_widget_set_visible (gtk_widget_get_parent (self->party_box), self->party_button != NULL);

  rebuild_model (self);
}

static void
lia_timeline_view_dispose (GObject *object)
{
  LiaTimelineView *self = (LiaTimelineView *) object;

  if (self->model != NULL)
    {
      g_clear_signal_handler (&self->items_changed_handler, self->model);
      g_clear_signal_handler (&self->error_handler, self->model);
    }
  if (self->selection != NULL)
    gtk_single_selection_set_model (self->selection, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_TIMELINE_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lia_timeline_view_parent_class)->dispose (object);
}

static void
lia_timeline_view_finalize (GObject *object)
{
  LiaTimelineView *self = (LiaTimelineView *) object;

  g_clear_pointer (&self->since, g_date_free);
  g_clear_pointer (&self->until, g_date_free);
  g_clear_pointer (&self->sticky_day, g_free);

  G_OBJECT_CLASS (lia_timeline_view_parent_class)->finalize (object);
}

static void
lia_timeline_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LiaTimelineView *self = LIA_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_ORGANIZATION_ID:
      g_value_set_int64 (value, self->organization_id);
      break;

    case PROP_CONTACT_ID:
      g_value_set_int64 (value, self->contact_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_timeline_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LiaTimelineView *self = LIA_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_ORGANIZATION_ID:
      self->organization_id = g_value_get_int64 (value);
      break;

    case PROP_CONTACT_ID:
      self->contact_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_timeline_view_class_init (LiaTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lia_timeline_view_constructed;
  object_class->dispose = lia_timeline_view_dispose;
  object_class->finalize = lia_timeline_view_finalize;
  object_class->get_property = lia_timeline_view_get_property;
  object_class->set_property = lia_timeline_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LIA_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ORGANIZATION_ID] =
    g_param_spec_int64 ("organization-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONTACT_ID] =
    g_param_spec_int64 ("contact-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[INTERACTION_SELECTED] =
    g_signal_new ("interaction-selected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LIA_TYPE_INTERACTION);
  signals[INTERACTION_ACTIVATED] =
    g_signal_new ("interaction-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LIA_TYPE_INTERACTION);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaison/Liaison/lia-timeline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, box);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, range_button);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, range_popover);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, since_calendar);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, until_calendar);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, party_box);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, stack);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, sticky_label);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, scrolled);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, list_view);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_range_apply_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_range_clear_clicked_cb);
}

static void
lia_timeline_view_init (LiaTimelineView *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The flow box's wrappers are layout only: Tab goes straight to the filters. */
  for (GtkWidget *child = gtk_widget_get_first_child (self->filter_bar);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);

  self->error_page = lia_error_state_new (_("Could Not Read the Timeline"), G_CALLBACK (retry), self);
  gtk_widget_add_css_class (self->error_page, "compact");
  gtk_stack_add_named (self->stack, self->error_page, "error");
  self->party_kind = LIA_RECORD_KIND_CONTACT;
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (on_selection_changed_cb), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), self);
  gtk_grid_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (on_list_view_activate_cb), self);

  g_signal_connect_swapped (gtk_scrolled_window_get_vadjustment (self->scrolled), "value-changed",
                            G_CALLBACK (on_vadjustment_changed_cb), self);
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected",
                            G_CALLBACK (on_kind_selected_cb), self);
  name_kind_button (self);
}

LiaTimelineView *
lia_timeline_view_new (LiaStore *store,
                       gint64    organization_id,
                       gint64    contact_id)
{
  g_return_val_if_fail (LIA_IS_STORE (store), NULL);

  return g_object_new (LIA_TYPE_TIMELINE_VIEW,
                       "store", store,
                       "organization-id", organization_id,
                       "contact-id", contact_id,
                       NULL);
}

GListModel *
lia_timeline_view_get_model (LiaTimelineView *self)
{
  g_return_val_if_fail (LIA_IS_TIMELINE_VIEW (self), NULL);

  return G_LIST_MODEL (self->model);
}

void
lia_timeline_view_set_kinds (LiaTimelineView *self,
                             guint            kinds)
{
  g_return_if_fail (LIA_IS_TIMELINE_VIEW (self));

  if (self->kinds == kinds)
    return;

  self->kinds = kinds;
  /* Keep the drop-down in step when the kinds come from code (a single kind or all). */
  for (guint i = 0; i < 7; i++)
    if (kinds == (1u << i) && gtk_drop_down_get_selected (self->kind_dropdown) != i + 1)
      gtk_drop_down_set_selected (self->kind_dropdown, i + 1);
  if (kinds == 0 && gtk_drop_down_get_selected (self->kind_dropdown) != 0)
    gtk_drop_down_set_selected (self->kind_dropdown, 0);
  rebuild_model (self);
}

void
lia_timeline_view_set_range (LiaTimelineView *self,
                             const GDate     *since,
                             const GDate     *until)
{
  g_return_if_fail (LIA_IS_TIMELINE_VIEW (self));

  if (lia_date_equal (self->since, since) && lia_date_equal (self->until, until))
    return;

  g_clear_pointer (&self->since, g_date_free);
  g_clear_pointer (&self->until, g_date_free);
  if (since != NULL)
    self->since = g_date_copy (since);
  if (until != NULL)
    self->until = g_date_copy (until);
  update_range_label (self);
  rebuild_model (self);
}

void
lia_timeline_view_set_party (LiaTimelineView *self,
                             LiaRecordKind    kind,
                             gint64           id)
{
  g_return_if_fail (LIA_IS_TIMELINE_VIEW (self));
  g_return_if_fail (kind == LIA_RECORD_KIND_ORGANIZATION || kind == LIA_RECORD_KIND_CONTACT);

  if (self->party_kind == kind && self->party_id == id)
    return;

  self->party_kind = kind;
  self->party_id = id;
  update_party_button (self);
  rebuild_model (self);
}

void
lia_timeline_view_unselect (LiaTimelineView *self)
{
  g_return_if_fail (LIA_IS_TIMELINE_VIEW (self));

  /* Not gtk_selection_model_unselect_all(): GtkSingleSelection in GTK 4.8 ignores it. */
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

void
lia_timeline_view_select (LiaTimelineView *self,
                          guint            position)
{
  g_return_if_fail (LIA_IS_TIMELINE_VIEW (self));

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

const char *
lia_timeline_view_get_sticky_day (LiaTimelineView *self)
{
  g_return_val_if_fail (LIA_IS_TIMELINE_VIEW (self), NULL);

  return self->sticky_day != NULL ? self->sticky_day : "";
}
