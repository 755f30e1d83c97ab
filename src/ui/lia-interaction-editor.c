/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-editor-dates.h"
#include "lia-interaction-editor.h"
#include "lia-record-picker.h"
#include "lia-ui-util.h"

struct _LiaInteractionEditor
{
  LiaEditor        parent_instance;

  GArray          *contacts;       /* gint64 */
  GArray          *organizations;  /* gint64 */
  GTimeZone       *zone;           /* the offset the interaction was entered in */

  GtkWidget       *kind;
  GtkWidget       *title;
  GtkWidget       *date;
  GtkWidget       *time;
  GtkWidget       *duration;
  GtkWidget       *location;
  GtkWidget       *participants;
  GtkWidget       *participant_rows[64];
  guint            n_participant_rows;
  LiaRecordPicker *picker;
  GtkWidget       *sentiment;
  GtkWidget       *summary;
  GtkWidget       *outcome;
};

G_DEFINE_FINAL_TYPE (LiaInteractionEditor, lia_interaction_editor, LIA_TYPE_EDITOR)

static void rebuild_participants (LiaInteractionEditor *self);

static void
remove_id (GArray *ids,
           gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      {
        g_array_remove_index (ids, i);
        return;
      }
}

static gboolean
has_id (GArray *ids,
        gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static void
on_remove_participant_cb (GtkButton            *button,
                          LiaInteractionEditor *self)
{
  LiaRecordKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "kind"));
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "id");

  remove_id (kind == LIA_RECORD_KIND_CONTACT ? self->contacts : self->organizations, id);
  rebuild_participants (self);
  lia_editor_changed (LIA_EDITOR (self));
}

static void
add_participant_row (LiaInteractionEditor *self,
                     LiaRecordKind         kind,
                     gint64                id)
{
  g_autofree char *name = lia_ui_dup_record_label (lia_editor_get_store (LIA_EDITOR (self)), kind, id);
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), name);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

  if (self->n_participant_rows >= G_N_ELEMENTS (self->participant_rows))
    return;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), kind == LIA_RECORD_KIND_CONTACT ? _("Contact")
                                                                                     : _("Organization"));
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_object_set_data (G_OBJECT (remove), "kind", GINT_TO_POINTER (kind));
  g_object_set_data_full (G_OBJECT (remove), "id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_participant_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->participants), row);
  self->participant_rows[self->n_participant_rows++] = row;
}

static void
rebuild_participants (LiaInteractionEditor *self)
{
  for (guint i = 0; i < self->n_participant_rows; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->participants), self->participant_rows[i]);
  self->n_participant_rows = 0;

  for (guint i = 0; i < self->contacts->len; i++)
    add_participant_row (self, LIA_RECORD_KIND_CONTACT, g_array_index (self->contacts, gint64, i));
  for (guint i = 0; i < self->organizations->len; i++)
    add_participant_row (self, LIA_RECORD_KIND_ORGANIZATION, g_array_index (self->organizations, gint64, i));
}

static void
on_participant_picked_cb (LiaInteractionEditor *self,
                          int                   kind,
                          gint64                id)
{
  GArray *ids = kind == LIA_RECORD_KIND_CONTACT ? self->contacts : self->organizations;

  if (!has_id (ids, id))
    g_array_append_val (ids, id);
  rebuild_participants (self);
  lia_editor_changed (LIA_EDITOR (self));
}

static void
lia_interaction_editor_load (LiaEditor *editor,
                             LiaRecord *record)
{
  LiaInteractionEditor *self = LIA_INTERACTION_EDITOR (editor);
  LiaInteraction *interaction = LIA_INTERACTION (record);
  GDateTime *at = lia_interaction_get_at (interaction);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = NULL;
  GDate date;
  g_autofree char *duration = NULL;
  const char *kinds[8];
  const char *sentiments[] = { _("Very negative"), _("Negative"), _("Neutral"), _("Positive"),
                               _("Very positive"), NULL };
  const GArray *contacts = lia_interaction_get_contact_ids (interaction);
  const GArray *organizations = lia_interaction_get_organization_ids (interaction);
  GtkWidget *group, *button;

  gtk_window_set_title (GTK_WINDOW (self), lia_editor_is_new (editor) ? _("Log Interaction")
                                                                      : _("Edit Interaction"));
  for (guint i = 0; i < 7; i++)
    kinds[i] = lia_labels_interaction_kind (i);
  kinds[7] = NULL;

  if (at == NULL)
    at = now;
  self->zone = g_time_zone_ref (g_date_time_get_timezone (at));
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (at), (GDateMonth) g_date_time_get_month (at),
                  (GDateYear) g_date_time_get_year (at));
  time = lia_editor_time_format (at);
  if (lia_interaction_get_duration_minutes (interaction) > 0)
    duration = g_strdup_printf ("%u", lia_interaction_get_duration_minutes (interaction));

  /* The title first: it is what the person starts typing. */
  group = lia_editor_add_group (editor, NULL, NULL);
  self->title = lia_editor_add_entry (editor, group, _("_Title"), lia_interaction_get_title (interaction));
  self->kind = lia_editor_add_combo (editor, group, _("_Kind"), kinds, lia_interaction_get_kind (interaction));
  self->date = lia_editor_add_date (editor, group, _("_Date"), &date);
  self->time = lia_editor_add_entry (editor, group, _("T_ime"), time);
  self->duration = lia_editor_add_entry (editor, group, _("D_uration in Minutes"), duration);
  self->location = lia_editor_add_entry (editor, group, _("_Location"), lia_interaction_get_location (interaction));

  self->participants = lia_editor_add_group (editor, _("Participants"), _("Contacts and organizations who took part"));
  button = lia_record_picker_button_new (lia_editor_get_store (editor),
                                         (1u << LIA_RECORD_KIND_CONTACT) | (1u << LIA_RECORD_KIND_ORGANIZATION),
                                         _("_Add Participant…"), &self->picker);
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (button), TRUE);
  gtk_widget_add_css_class (button, "flat");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self->participants), button);
  g_signal_connect_object (self->picker, "picked", G_CALLBACK (on_participant_picked_cb), self,
                           G_CONNECT_SWAPPED);
  g_array_append_vals (self->contacts, contacts->data, contacts->len);
  g_array_append_vals (self->organizations, organizations->data, organizations->len);
  rebuild_participants (self);

  self->summary = lia_editor_add_text (editor, _("Summary"), lia_interaction_get_summary (interaction));
  self->outcome = lia_editor_add_text (editor, _("Outcome"), lia_interaction_get_outcome (interaction));
  group = lia_editor_add_group (editor, NULL, NULL);
  self->sentiment = lia_editor_add_combo (editor, group, _("_Sentiment"), sentiments,
                                          (guint) CLAMP (lia_interaction_get_sentiment (interaction) + 2, 0, 4));
}

static gboolean
lia_interaction_editor_apply (LiaEditor  *editor,
                              LiaRecord  *record,
                              GError    **error)
{
  LiaInteractionEditor *self = LIA_INTERACTION_EDITOR (editor);
  LiaInteraction *interaction = LIA_INTERACTION (record);
  g_autofree char *summary = lia_editor_dup_text (self->summary);
  g_autofree char *outcome = lia_editor_dup_text (self->outcome);
  g_autoptr(GDate) date = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autofree char *time = g_strstrip (g_strdup (lia_editor_entry_text (self->time)));
  g_autofree char *duration = g_strstrip (g_strdup (lia_editor_entry_text (self->duration)));
  int hour = 0, minute = 0;
  guint64 minutes = 0;
  char *end = NULL;

  lia_interaction_set_kind (interaction, adw_combo_row_get_selected (ADW_COMBO_ROW (self->kind)));
  lia_interaction_set_title (interaction, lia_editor_entry_text (self->title));
  lia_editor_require_text (editor, self->title);
  lia_interaction_set_location (interaction, lia_editor_entry_text (self->location));
  lia_interaction_set_summary (interaction, summary);
  lia_interaction_set_outcome (interaction, outcome);
  lia_interaction_set_sentiment (interaction, (int) adw_combo_row_get_selected (ADW_COMBO_ROW (self->sentiment)) - 2);
  lia_interaction_clear_participants (interaction);
  for (guint i = 0; i < self->contacts->len; i++)
    lia_interaction_add_contact (interaction, g_array_index (self->contacts, gint64, i));
  for (guint i = 0; i < self->organizations->len; i++)
    lia_interaction_add_organization (interaction, g_array_index (self->organizations, gint64, i));

  if (lia_editor_get_date (editor, self->date, &date) && date == NULL)
    lia_editor_report (editor, self->date, _("required"));

  if (time[0] != '\0' && !lia_editor_time_parse (time, &hour, &minute))
    {
      g_autoptr(GDateTime) example = g_date_time_new_local (2025, 3, 14, 14, 30, 0);
      g_autofree char *example_text = lia_editor_time_format (example);
      /* Translators: the first %s is what was typed, the second a time such as 14:30. */
      g_autofree char *message = g_strdup_printf (_("“%s” is not a time of day; write it like %s"),
                                                  time, example_text);

      lia_editor_report (editor, self->time, message);
    }
  if (date != NULL)
    {
      at = g_date_time_new (self->zone, g_date_get_year (date), g_date_get_month (date),
                            g_date_get_day (date), hour, minute, 0);
      lia_interaction_set_at (interaction, at);
    }

  if (duration[0] != '\0')
    {
      minutes = g_ascii_strtoull (duration, &end, 10);
      if (end == duration || *end != '\0' || minutes > 100000)
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not a number of minutes"), duration);

          lia_editor_report (editor, self->duration, message);
          minutes = 0;
        }
    }
  lia_interaction_set_duration_minutes (interaction, (guint) minutes);

  return TRUE;
}

static void
lia_interaction_editor_finalize (GObject *object)
{
  LiaInteractionEditor *self = (LiaInteractionEditor *) object;

  g_clear_pointer (&self->contacts, g_array_unref);
  g_clear_pointer (&self->organizations, g_array_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (lia_interaction_editor_parent_class)->finalize (object);
}

static void
lia_interaction_editor_class_init (LiaInteractionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LiaEditorClass *editor_class = LIA_EDITOR_CLASS (klass);

  object_class->finalize = lia_interaction_editor_finalize;

  editor_class->load = lia_interaction_editor_load;
  editor_class->apply = lia_interaction_editor_apply;
}

static void
lia_interaction_editor_init (LiaInteractionEditor *self)
{
  self->contacts = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->organizations = g_array_new (FALSE, FALSE, sizeof (gint64));
}

LiaInteractionEditor *
lia_interaction_editor_new (LiaStore       *store,
                            LiaInteraction *interaction)
{
  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (LIA_IS_INTERACTION (interaction), NULL);

  return g_object_new (LIA_TYPE_INTERACTION_EDITOR,
                       "store", store,
                       "record", interaction,
                       NULL);
}

LiaRecordPicker *
_lia_interaction_editor_get_picker (LiaInteractionEditor *self)
{
  return self->picker;
}
