/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-timeline-row.h"
#include "lia-ui-util.h"

struct _LiaTimelineRow
{
  GtkWidget       parent_instance;

  LiaStore       *store;
  LiaListModel   *names;         /* the timeline model the row shows, for names; weak */
  LiaInteraction *interaction;
  gulong          notify_handler;
  gboolean        first_of_day;
  char           *day;
  int             shown_kind;    /* the kind the icon shows, -1 before the first */

  GtkWidget      *box;
  GtkBox         *main_box;      /* the kind icon, then the text */
  GtkBox         *title_box;     /* the title, then the time */
  GtkLabel       *day_label;
  GtkImage       *kind_icon;
  GtkLabel       *title_label;
  GtkLabel       *time_label;
  GtkLabel       *participants_label;
  GtkLabel       *outcome_label;
};

G_DEFINE_FINAL_TYPE (LiaTimelineRow, lia_timeline_row, GTK_TYPE_WIDGET)

/* Lays a box's children out in a line, as a horizontal GtkBox with one expanding child does,
 * without asking that child for its width: the others get their natural width, the expanding
 * one the rest. A GtkBox measures every child's width to share the line out, and a GtkLabel
 * that ellipsizes measures its width by laying its text out twice more (whole, and at width
 * 0 for its minimum), shaping it each time: on a far jump, 30 rows of new text were shaped
 * three or four times per label. With this layout a label's text is laid out once, at the
 * width it is given. What it changes: the box's minimum and natural widths leave out the
 * expanding child's (a "…" or the whole text), which only a list of rows asks for. */
#define LIA_TYPE_ROW_FILL_LAYOUT (lia_row_fill_layout_get_type ())
G_DECLARE_FINAL_TYPE (LiaRowFillLayout, lia_row_fill_layout, LIA, ROW_FILL_LAYOUT, GtkLayoutManager)

struct _LiaRowFillLayout
{
  GtkLayoutManager parent_instance;

  int              spacing;
};

G_DEFINE_FINAL_TYPE (LiaRowFillLayout, lia_row_fill_layout, GTK_TYPE_LAYOUT_MANAGER)

/* The width the children other than the expanding one take, spacing included. */
static int
fixed_width (LiaRowFillLayout *self,
             GtkWidget        *widget,
             int              *minimum)
{
  int natural = 0, n_visible = 0;

  if (minimum != NULL)
    *minimum = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_should_layout (child))
        continue;
      if (n_visible++ > 0)
        {
          natural += self->spacing;
          if (minimum != NULL)
            *minimum += self->spacing;
        }
      if (gtk_widget_get_hexpand (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, &child_nat, NULL, NULL);
      natural += child_nat;
      if (minimum != NULL)
        *minimum += child_min;
    }
  return natural;
}

static void
lia_row_fill_layout_measure (GtkLayoutManager *manager,
                             GtkWidget        *widget,
                             GtkOrientation    orientation,
                             int               for_size,
                             int              *minimum,
                             int              *natural,
                             int              *minimum_baseline,
                             int              *natural_baseline)
{
  LiaRowFillLayout *self = LIA_ROW_FILL_LAYOUT (manager);
  int fixed;

  *minimum_baseline = -1;
  *natural_baseline = -1;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *natural = fixed_width (self, widget, minimum);
      return;
    }

  *minimum = 0;
  *natural = 0;
  fixed = for_size >= 0 ? fixed_width (self, widget, NULL) : 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat, width = -1;

      if (!gtk_widget_should_layout (child))
        continue;
      if (for_size >= 0 && gtk_widget_get_hexpand (child))
        width = MAX (for_size - fixed, 0);
      else if (for_size >= 0)
        gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &child_min, &child_nat, NULL, NULL);
      *minimum = MAX (*minimum, child_min);
      *natural = MAX (*natural, child_nat);
    }
}

static void
lia_row_fill_layout_allocate (GtkLayoutManager *manager,
                              GtkWidget        *widget,
                              int               width,
                              int               height,
                              int               baseline)
{
  LiaRowFillLayout *self = LIA_ROW_FILL_LAYOUT (manager);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int fixed = fixed_width (self, widget, NULL);
  int x = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_width;

      if (!gtk_widget_should_layout (child))
        continue;
      if (gtk_widget_get_hexpand (child))
        child_width = MAX (width - fixed, 0);
      else
        gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &child_width, NULL, NULL);
      gtk_widget_size_allocate (child,
                                &(GtkAllocation) { rtl ? width - x - child_width : x, 0,
                                                   child_width, height },
                                -1);
      x += child_width + self->spacing;
    }
}

static GtkSizeRequestMode
lia_row_fill_layout_get_request_mode (GtkLayoutManager *manager,
                                      GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
lia_row_fill_layout_class_init (LiaRowFillLayoutClass *klass)
{
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  layout_class->measure = lia_row_fill_layout_measure;
  layout_class->allocate = lia_row_fill_layout_allocate;
  layout_class->get_request_mode = lia_row_fill_layout_get_request_mode;
}

static void
lia_row_fill_layout_init (LiaRowFillLayout *self)
{
}

/* Gives @box (horizontal, at most one child expanding) a LiaRowFillLayout with its spacing. */
static void
fill_box (GtkBox *box)
{
  LiaRowFillLayout *layout = g_object_new (LIA_TYPE_ROW_FILL_LAYOUT, NULL);

  layout->spacing = gtk_box_get_spacing (box);
  gtk_widget_set_layout_manager (GTK_WIDGET (box), GTK_LAYOUT_MANAGER (layout));
}

static void update (LiaTimelineRow *self);

/* An edit saved anywhere updates the list's object in place. */
static void
on_interaction_notify_cb (LiaTimelineRow *self)
{
  update (self);
}

static void
lia_timeline_row_dispose (GObject *object)
{
  LiaTimelineRow *self = (LiaTimelineRow *) object;

  lia_timeline_row_unbind (self);
  lia_timeline_row_set_names (self, NULL);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_TIMELINE_ROW);

  G_OBJECT_CLASS (lia_timeline_row_parent_class)->dispose (object);
}

static void
lia_timeline_row_finalize (GObject *object)
{
  LiaTimelineRow *self = (LiaTimelineRow *) object;

  g_clear_pointer (&self->day, g_free);

  G_OBJECT_CLASS (lia_timeline_row_parent_class)->finalize (object);
}

static void
lia_timeline_row_class_init (LiaTimelineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_timeline_row_dispose;
  object_class->finalize = lia_timeline_row_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaison/Liaison/lia-timeline-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineRow, box);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineRow, main_box);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineRow, title_box);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineRow, day_label);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineRow, kind_icon);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineRow, participants_label);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineRow, outcome_label);
}

/* The kind icon's tooltip is asked for when the pointer rests on it, not set on every bind:
 * gtk_widget_set_tooltip_text() on a shown widget queries where the pointer is, a round trip
 * to the display server, and a far jump gave about 25 rows a new kind. */
static gboolean
on_kind_icon_query_tooltip_cb (GtkWidget      *icon,
                               int             x,
                               int             y,
                               gboolean        keyboard_mode,
                               GtkTooltip     *tooltip,
                               LiaTimelineRow *self)
{
  const char *text = lia_timeline_row_get_kind_tooltip (self);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
lia_timeline_row_init (LiaTimelineRow *self)
{
  self->shown_kind = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->kind_icon), TRUE);
  g_signal_connect (self->kind_icon, "query-tooltip",
                    G_CALLBACK (on_kind_icon_query_tooltip_cb), self);
}

LiaTimelineRow *
lia_timeline_row_new (void)
{
  return g_object_new (LIA_TYPE_TIMELINE_ROW, NULL);
}

LiaTimelineRow *
lia_timeline_row_new_recycled (void)
{
  LiaTimelineRow *self = lia_timeline_row_new ();

  fill_box (self->main_box);
  fill_box (self->title_box);
  return self;
}

void
lia_timeline_row_bind (LiaTimelineRow *self,
                       LiaStore       *store,
                       LiaInteraction *interaction,
                       gboolean        first_of_day)
{
  g_return_if_fail (LIA_IS_TIMELINE_ROW (self));
  g_return_if_fail (LIA_IS_STORE (store));
  g_return_if_fail (LIA_IS_INTERACTION (interaction));

  if (self->interaction != interaction)
    {
      lia_timeline_row_unbind (self);
      self->interaction = g_object_ref (interaction);
      self->notify_handler = g_signal_connect_swapped (interaction, "notify",
                                                       G_CALLBACK (on_interaction_notify_cb), self);
    }
  g_set_object (&self->store, store);
  self->first_of_day = first_of_day;
  update (self);
}

static void
update (LiaTimelineRow *self)
{
  LiaInteraction *interaction = self->interaction;
  GDateTime *at;
  g_autofree char *time = NULL;
  g_autofree char *participants = NULL;
  g_autofree char *accessible = NULL;
  const char *outcome;
  gboolean first_of_day = self->first_of_day;
  LiaStore *store = self->store;

  g_assert (LIA_IS_TIMELINE_ROW (self));

  if (interaction == NULL)
    return;
  at = lia_interaction_get_at (interaction);

  g_clear_pointer (&self->day, g_free);
  self->day = lia_ui_format_day (at);
  gtk_label_set_text (self->day_label, self->day);
  gtk_widget_set_visible (GTK_WIDGET (self->day_label), first_of_day);

  /* Rows are recycled for other interactions while scrolling: what did not change is left
   * alone, so that nothing is measured or shaped again for it. */
  if (self->shown_kind != (int) lia_interaction_get_kind (interaction))
    {
      self->shown_kind = (int) lia_interaction_get_kind (interaction);
      gtk_image_set_from_icon_name (self->kind_icon,
                                    lia_ui_interaction_kind_icon_name (lia_interaction_get_kind (interaction)));
      /* What gtk_widget_set_tooltip_text() would tell a screen reader. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->kind_icon),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      lia_labels_interaction_kind (lia_interaction_get_kind (interaction)),
                                      -1);
    }
  gtk_label_set_text (self->title_label, lia_interaction_get_title (interaction));
  time = lia_ui_format_time (at);
  if (lia_interaction_get_cancelled (interaction))
    {
      /* Called off: still in the timeline, struck through and said in words. */
      g_autoptr(PangoAttrList) struck = pango_attr_list_new ();
      g_autofree char *text = g_strdup_printf ("%s · %s", lia_labels_interaction_cancelled (), time);

      pango_attr_list_insert (struck, pango_attr_strikethrough_new (TRUE));
      gtk_label_set_attributes (self->title_label, struck);
      gtk_label_set_text (self->time_label, text);
    }
  else
    {
      gtk_label_set_attributes (self->title_label, NULL);
      gtk_label_set_text (self->time_label, time);
    }

  participants = lia_ui_dup_participants (store, self->names, interaction);
  gtk_label_set_text (self->participants_label, participants);
  gtk_widget_set_visible (GTK_WIDGET (self->participants_label), participants[0] != '\0');

  outcome = lia_interaction_get_outcome (interaction);
  gtk_label_set_text (self->outcome_label, outcome);
  gtk_widget_set_visible (GTK_WIDGET (self->outcome_label), outcome[0] != '\0');

  /* Translators: how a screen reader reads a timeline row: kind, title, day, time. */
  accessible = g_strdup_printf (_("%s: %s, %s at %s"),
                                lia_labels_interaction_kind (lia_interaction_get_kind (interaction)),
                                lia_interaction_get_title (interaction), self->day, time);
  if (lia_interaction_get_cancelled (interaction))
    {
      char *cancelled = g_strdup_printf ("%s (%s)", accessible, lia_labels_interaction_cancelled ());
      g_free (accessible);
      accessible = cancelled;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

void
lia_timeline_row_set_names (LiaTimelineRow *self,
                            LiaListModel   *names)
{
  g_return_if_fail (LIA_IS_TIMELINE_ROW (self));
  g_return_if_fail (names == NULL || LIA_IS_LIST_MODEL (names));

  if (self->names == names)
    return;
  if (self->names != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->names), (gpointer *) &self->names);
  self->names = names;
  if (self->names != NULL)
    g_object_add_weak_pointer (G_OBJECT (self->names), (gpointer *) &self->names);
}

void
lia_timeline_row_set_first_of_day (LiaTimelineRow *self,
                                   gboolean        first_of_day)
{
  g_return_if_fail (LIA_IS_TIMELINE_ROW (self));

  self->first_of_day = first_of_day;
  gtk_widget_set_visible (GTK_WIDGET (self->day_label), first_of_day);
}

void
lia_timeline_row_unbind (LiaTimelineRow *self)
{
  g_return_if_fail (LIA_IS_TIMELINE_ROW (self));

  if (self->interaction != NULL)
    g_clear_signal_handler (&self->notify_handler, self->interaction);
  g_clear_object (&self->interaction);
}

LiaInteraction *
lia_timeline_row_get_interaction (LiaTimelineRow *self)
{
  g_return_val_if_fail (LIA_IS_TIMELINE_ROW (self), NULL);

  return self->interaction;
}

const char *
lia_timeline_row_get_day (LiaTimelineRow *self)
{
  g_return_val_if_fail (LIA_IS_TIMELINE_ROW (self), NULL);

  return self->day;
}

gboolean
lia_timeline_row_get_shows_day (LiaTimelineRow *self)
{
  g_return_val_if_fail (LIA_IS_TIMELINE_ROW (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->day_label));
}

const char *
lia_timeline_row_get_title (LiaTimelineRow *self)
{
  g_return_val_if_fail (LIA_IS_TIMELINE_ROW (self), NULL);

  return gtk_label_get_text (self->title_label);
}

const char *
lia_timeline_row_get_kind_tooltip (LiaTimelineRow *self)
{
  g_return_val_if_fail (LIA_IS_TIMELINE_ROW (self), NULL);

  if (self->shown_kind < 0)
    return NULL;
  return lia_labels_interaction_kind ((LiaInteractionKind) self->shown_kind);
}

const char *
lia_timeline_row_get_participants (LiaTimelineRow *self)
{
  g_return_val_if_fail (LIA_IS_TIMELINE_ROW (self), NULL);

  return gtk_label_get_text (self->participants_label);
}
