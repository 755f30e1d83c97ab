/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-follow-up-row.h"
#include "lia-ui-util.h"

struct _LiaFollowUpRow
{
  GtkWidget         parent_instance;

  LiaCommitment    *commitment;
  gboolean          first_of_group;
  char             *when;

  GtkWidget        *box;
  GtkLabel         *heading_label;
  GtkLabel         *title_label;
  GtkLabel         *counterpart_label;
  GtkLabel         *when_label;
  GtkButton        *action_button;
  GtkImage         *action_icon;
  GtkLabel         *action_label;
};

G_DEFINE_FINAL_TYPE (LiaFollowUpRow, lia_follow_up_row, GTK_TYPE_WIDGET)

/* When a closed commitment was closed: the day it was marked done; a cancelled one, the local
 * day it was last changed (the store keeps no separate day for that). */
static char *
format_closed (LiaCommitment *commitment)
{
  GDateTime *updated = lia_record_get_updated_at (LIA_RECORD (commitment));
  const GDate *done = lia_commitment_get_done_date (commitment);
  g_autoptr(GDate) day = NULL;
  g_autofree char *date = NULL;
  gboolean cancelled = lia_commitment_get_status (commitment) == LIA_COMMITMENT_STATUS_CANCELLED;

  if (!cancelled && done != NULL)
    {
      day = g_date_copy (done);
    }
  else if (cancelled && updated != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (updated);

      day = g_date_new_dmy (g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                            g_date_time_get_year (local));
    }
  if (day == NULL)
    return g_strdup (cancelled ? _("Cancelled") : _("Done"));

  date = lia_labels_format_date (day);

  /* Translators: when a commitment was closed; %s is a date ("3 December 2026"). */
  return g_strdup_printf (cancelled ? _("Cancelled on %s") : _("Done on %s"), date);
}

static char *
format_when (LiaCommitment *commitment,
             const GDate   *today)
{
  const GDate *due = lia_commitment_get_due_date (commitment);
  g_autofree char *date = NULL;
  int days;

  if (lia_commitment_get_status (commitment) != LIA_COMMITMENT_STATUS_OPEN)
    return format_closed (commitment);
  if (due == NULL)
    return g_strdup (_("No due date"));

  date = lia_labels_format_date (due);
  days = g_date_days_between (today, due);
  if (days < 0)
    {
      g_autofree char *since = g_strdup_printf (_("Overdue since %s"), date);

      /* Translators: how late a commitment is, after "Overdue since 12 May 2026". */
      return g_strdup_printf (ngettext ("%s (%d day)", "%s (%d days)", (gulong) -days), since, -days);
    }
  if (days == 0)
    return g_strdup (_("Due today"));
  if (days == 1)
    return g_strdup (_("Due tomorrow"));

  return g_strdup_printf (_("Due %s"), date);
}

static void
lia_follow_up_row_dispose (GObject *object)
{
  LiaFollowUpRow *self = (LiaFollowUpRow *) object;

  lia_follow_up_row_unbind (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_FOLLOW_UP_ROW);

  G_OBJECT_CLASS (lia_follow_up_row_parent_class)->dispose (object);
}

static void
lia_follow_up_row_finalize (GObject *object)
{
  LiaFollowUpRow *self = (LiaFollowUpRow *) object;

  g_clear_pointer (&self->when, g_free);

  G_OBJECT_CLASS (lia_follow_up_row_parent_class)->finalize (object);
}

static void
lia_follow_up_row_class_init (LiaFollowUpRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_follow_up_row_dispose;
  object_class->finalize = lia_follow_up_row_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaison/Liaison/lia-follow-up-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaFollowUpRow, box);
  gtk_widget_class_bind_template_child (widget_class, LiaFollowUpRow, heading_label);
  gtk_widget_class_bind_template_child (widget_class, LiaFollowUpRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, LiaFollowUpRow, counterpart_label);
  gtk_widget_class_bind_template_child (widget_class, LiaFollowUpRow, when_label);
  gtk_widget_class_bind_template_child (widget_class, LiaFollowUpRow, action_button);
  gtk_widget_class_bind_template_child (widget_class, LiaFollowUpRow, action_icon);
  gtk_widget_class_bind_template_child (widget_class, LiaFollowUpRow, action_label);
}

static void
lia_follow_up_row_init (LiaFollowUpRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LiaFollowUpRow *
lia_follow_up_row_new (void)
{
  return g_object_new (LIA_TYPE_FOLLOW_UP_ROW, NULL);
}

const char *
lia_follow_up_row_heading_for (LiaCommitmentUrgency urgency)
{
  switch (urgency)
    {
    case LIA_COMMITMENT_URGENCY_OVERDUE:
      /* Translators: the headings of the groups in Follow-ups (of commitments). */
      return C_("follow-up group", "Overdue");
    case LIA_COMMITMENT_URGENCY_THIS_WEEK:
      return C_("follow-up group", "This Week");
    case LIA_COMMITMENT_URGENCY_LATER:
      return C_("follow-up group", "Later");
    case LIA_COMMITMENT_URGENCY_CLOSED:
    default:
      return C_("follow-up group", "Done");
    }
}

static void
set_class (GtkWidget  *widget,
           const char *name,
           gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, name);
  else
    gtk_widget_remove_css_class (widget, name);
}

void
lia_follow_up_row_bind (LiaFollowUpRow *self,
                        LiaStore       *store,
                        LiaCommitment  *commitment,
                        const GDate    *today,
                        gboolean        first_of_group)
{
  LiaCommitmentUrgency urgency;
  gint64 id;
  const char *title;
  g_autofree char *counterpart = NULL;
  g_autofree char *action_label = NULL;
  g_autofree char *row_label = NULL;
  gboolean open;

  g_return_if_fail (LIA_IS_FOLLOW_UP_ROW (self));
  g_return_if_fail (LIA_IS_STORE (store));
  g_return_if_fail (LIA_IS_COMMITMENT (commitment));
  g_return_if_fail (today != NULL);

  g_set_object (&self->commitment, commitment);
  self->first_of_group = first_of_group;
  urgency = lia_commitment_get_urgency_on (commitment, today);
  open = urgency != LIA_COMMITMENT_URGENCY_CLOSED;
  id = lia_record_get_id (LIA_RECORD (commitment));
  title = lia_commitment_get_title (commitment);

  gtk_label_set_text (self->heading_label, lia_follow_up_row_heading_for (urgency));
  gtk_widget_set_visible (GTK_WIDGET (self->heading_label), first_of_group);
  set_class (GTK_WIDGET (self->heading_label), "overdue", urgency == LIA_COMMITMENT_URGENCY_OVERDUE);

  gtk_label_set_text (self->title_label, title);

  if (lia_commitment_get_organization_id (commitment) != 0)
    counterpart = lia_ui_dup_record_label (store, LIA_RECORD_KIND_ORGANIZATION,
                                           lia_commitment_get_organization_id (commitment));
  else if (lia_commitment_get_contact_id (commitment) != 0)
    counterpart = lia_ui_dup_record_label (store, LIA_RECORD_KIND_CONTACT,
                                           lia_commitment_get_contact_id (commitment));
  gtk_label_set_text (self->counterpart_label, counterpart != NULL ? counterpart : "");
  gtk_widget_set_visible (GTK_WIDGET (self->counterpart_label), counterpart != NULL);

  g_clear_pointer (&self->when, g_free);
  self->when = format_when (commitment, today);
  gtk_label_set_text (self->when_label, self->when);
  set_class (GTK_WIDGET (self->when_label), "error", urgency == LIA_COMMITMENT_URGENCY_OVERDUE);
  set_class (GTK_WIDGET (self->when_label), "dim-label", urgency != LIA_COMMITMENT_URGENCY_OVERDUE);

  /* The target first: the action takes one. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->action_button), g_variant_new_int64 (id));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->action_button), open ? "win.mark-done" : "win.reopen");
  gtk_image_set_from_icon_name (self->action_icon, open ? "object-select-symbolic" : "edit-undo-symbolic");
  gtk_label_set_text (self->action_label, open ? _("Mark as Done") : _("Reopen"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->action_button),
                               open ? _("Mark as done: it leaves the open list, Undo brings it back")
                                    : _("Open it again"));
  set_class (GTK_WIDGET (self->action_button), "done-button", open);

  /* Translators: what a screen reader says for the buttons that mark a commitment done or open
   * it again; %s is its title, so that each of several such buttons says which one it acts on. */
  action_label = g_strdup_printf (open ? _("Mark “%s” as Done") : _("Reopen “%s”"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->action_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, action_label, -1);
  row_label = counterpart != NULL ? g_strdup_printf ("%s, %s, %s", title, counterpart, self->when)
                                  : g_strdup_printf ("%s, %s", title, self->when);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, row_label, -1);
}

void
lia_follow_up_row_unbind (LiaFollowUpRow *self)
{
  g_return_if_fail (LIA_IS_FOLLOW_UP_ROW (self));

  g_clear_object (&self->commitment);
}

LiaCommitment *
lia_follow_up_row_get_commitment (LiaFollowUpRow *self)
{
  g_return_val_if_fail (LIA_IS_FOLLOW_UP_ROW (self), NULL);

  return self->commitment;
}

const char *
lia_follow_up_row_get_heading (LiaFollowUpRow *self)
{
  g_return_val_if_fail (LIA_IS_FOLLOW_UP_ROW (self), NULL);

  return gtk_label_get_text (self->heading_label);
}

gboolean
lia_follow_up_row_get_shows_heading (LiaFollowUpRow *self)
{
  g_return_val_if_fail (LIA_IS_FOLLOW_UP_ROW (self), FALSE);

  return self->first_of_group;
}

const char *
lia_follow_up_row_get_when (LiaFollowUpRow *self)
{
  g_return_val_if_fail (LIA_IS_FOLLOW_UP_ROW (self), NULL);

  return self->when;
}

GtkButton *
lia_follow_up_row_get_action_button (LiaFollowUpRow *self)
{
  g_return_val_if_fail (LIA_IS_FOLLOW_UP_ROW (self), NULL);

  return self->action_button;
}
