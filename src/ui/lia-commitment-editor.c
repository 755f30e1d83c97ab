/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-commitment-editor.h"
#include "lia-record-picker.h"
#include "lia-ui-util.h"

struct _LiaCommitmentEditor
{
  LiaEditor  parent_instance;

  gint64     organization_id;
  gint64     contact_id;
  gint64     interaction_id;

  GtkWidget *title;
  GtkWidget *direction;
  GtkWidget *status;
  GtkWidget *due;
  GtkWidget *organization_row;
  GtkWidget *contact_row;
  GtkWidget *interaction_row;
  GtkWidget *interaction_clear;
  LiaRecordPicker *interaction_picker;
  GtkWidget *notes;
};

G_DEFINE_FINAL_TYPE (LiaCommitmentEditor, lia_commitment_editor, LIA_TYPE_EDITOR)

static void
update_counterparts (LiaCommitmentEditor *self)
{
  LiaStore *store = lia_editor_get_store (LIA_EDITOR (self));
  g_autofree char *organization = NULL;
  g_autofree char *contact = NULL;

  if (self->organization_id != 0)
    organization = lia_ui_dup_record_label (store, LIA_RECORD_KIND_ORGANIZATION, self->organization_id);
  if (self->contact_id != 0)
    contact = lia_ui_dup_record_label (store, LIA_RECORD_KIND_CONTACT, self->contact_id);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->organization_row),
                               organization != NULL ? organization : _("None"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->contact_row),
                               contact != NULL ? contact : _("None"));
  /* Nothing to clear while the row says None. */
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (self->organization_row), "clear"),
                          self->organization_id != 0);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (self->contact_row), "clear"),
                          self->contact_id != 0);
}

static void
update_interaction (LiaCommitmentEditor *self)
{
  LiaStore *store = lia_editor_get_store (LIA_EDITOR (self));
  g_autoptr(LiaRecord) interaction = NULL;
  g_autofree char *text = NULL;

  if (self->interaction_id != 0)
    interaction = lia_store_load (store, LIA_RECORD_KIND_INTERACTION, self->interaction_id, NULL);
  if (interaction != NULL)
    {
      g_autofree char *day = lia_ui_format_day (lia_interaction_get_at (LIA_INTERACTION (interaction)));

      /* Translators: an interaction and its day, as in "Budget meeting, 14 March 2025". */
      text = g_strdup_printf (_("%s, %s"), lia_interaction_get_title (LIA_INTERACTION (interaction)), day);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->interaction_row),
                               text != NULL ? text : _("Not tied to an interaction"));
  gtk_widget_set_visible (self->interaction_clear, self->interaction_id != 0);
}

static void
on_interaction_picked_cb (LiaCommitmentEditor *self,
                          int                  kind,
                          gint64               id)
{
  self->interaction_id = id;
  update_interaction (self);
  lia_editor_field_changed (LIA_EDITOR (self), self->interaction_row);
}

static void
on_interaction_clear_cb (LiaCommitmentEditor *self)
{
  self->interaction_id = 0;
  update_interaction (self);
  lia_editor_field_changed (LIA_EDITOR (self), self->interaction_row);
}

/* A new commitment from an interaction's page: its counterpart is who was there, when that is
 * one organization or one person. */
static void
fill_counterparts_from_interaction (LiaCommitmentEditor *self)
{
  g_autoptr(LiaRecord) record = lia_store_load (lia_editor_get_store (LIA_EDITOR (self)),
                                                LIA_RECORD_KIND_INTERACTION, self->interaction_id, NULL);
  const GArray *contacts, *organizations;

  if (record == NULL)
    return;
  contacts = lia_interaction_get_contact_ids (LIA_INTERACTION (record));
  organizations = lia_interaction_get_organization_ids (LIA_INTERACTION (record));
  if (contacts->len == 1)
    self->contact_id = g_array_index (contacts, gint64, 0);
  if (organizations->len == 1)
    self->organization_id = g_array_index (organizations, gint64, 0);
}

static void
on_picked_cb (LiaCommitmentEditor *self,
              int                  kind,
              gint64               id)
{
  if (kind == LIA_RECORD_KIND_ORGANIZATION)
    self->organization_id = id;
  else
    self->contact_id = id;
  update_counterparts (self);
  lia_editor_changed (LIA_EDITOR (self));
}

static void
on_clear_cb (GtkButton           *button,
             LiaCommitmentEditor *self)
{
  if (g_object_get_data (G_OBJECT (button), "organization") != NULL)
    self->organization_id = 0;
  else
    self->contact_id = 0;
  update_counterparts (self);
  lia_editor_changed (LIA_EDITOR (self));
}

static GtkWidget *
counterpart_row_new (LiaCommitmentEditor *self,
                     GtkWidget           *group,
                     LiaRecordKind        kind,
                     const char          *title)
{
  LiaRecordPicker *picker = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = lia_record_picker_button_new (lia_editor_get_store (LIA_EDITOR (self)),
                                                    1u << kind, _("Choose…"), &picker);
  GtkWidget *clear = gtk_button_new_from_icon_name ("edit-clear-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (clear, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (clear, "flat");
  /* Two rows each have a Choose… and a Clear: their names say which counterpart they set. */
  if (kind == LIA_RECORD_KIND_ORGANIZATION)
    {
      gtk_widget_set_tooltip_text (clear, _("No Organization"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (clear), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("No Organization"), -1);
      lia_record_picker_button_set_name (button, _("Choose the Organization"));
    }
  else
    {
      gtk_widget_set_tooltip_text (clear, _("No Contact"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (clear), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("No Contact"), -1);
      lia_record_picker_button_set_name (button, _("Choose the Contact"));
    }
  g_object_set_data (G_OBJECT (row), "clear", clear);
  if (kind == LIA_RECORD_KIND_ORGANIZATION)
    g_object_set_data (G_OBJECT (clear), "organization", GINT_TO_POINTER (TRUE));
  g_signal_connect (clear, "clicked", G_CALLBACK (on_clear_cb), self);
  g_signal_connect_object (picker, "picked", G_CALLBACK (on_picked_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), clear);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  return row;
}

static void
lia_commitment_editor_load (LiaEditor *editor,
                            LiaRecord *record)
{
  LiaCommitmentEditor *self = LIA_COMMITMENT_EDITOR (editor);
  LiaCommitment *commitment = LIA_COMMITMENT (record);
  const char *directions[] = { _("We owe them"), _("They owe us"), NULL };
  const char *statuses[] = { _("Open"), _("Done"), _("Cancelled"), NULL };
  GtkWidget *group, *button;

  gtk_window_set_title (GTK_WINDOW (self), lia_editor_is_new (editor) ? _("New Commitment")
                                                                      : _("Edit Commitment"));

  group = lia_editor_add_group (editor, NULL, NULL);
  self->title = lia_editor_add_entry (editor, group, _("_What Was Promised"), lia_commitment_get_title (commitment));
  self->direction = lia_editor_add_combo (editor, group, _("_Who Owes"), directions,
                                          lia_commitment_get_direction (commitment));
  self->status = lia_editor_add_combo (editor, group, _("_Status"), statuses,
                                       lia_commitment_get_status (commitment));
  self->due = lia_editor_add_date (editor, group, _("_Due Date"), lia_commitment_get_due_date (commitment));

  group = lia_editor_add_group (editor, _("Counterpart"), _("Who the promise was made to or by"));
  self->organization_id = lia_commitment_get_organization_id (commitment);
  self->contact_id = lia_commitment_get_contact_id (commitment);
  self->interaction_id = lia_commitment_get_interaction_id (commitment);
  if (lia_editor_is_new (editor) && self->interaction_id != 0 &&
      self->organization_id == 0 && self->contact_id == 0)
    fill_counterparts_from_interaction (self);
  self->organization_row = counterpart_row_new (self, group, LIA_RECORD_KIND_ORGANIZATION, _("Organization"));
  self->contact_row = counterpart_row_new (self, group, LIA_RECORD_KIND_CONTACT, _("Contact"));
  update_counterparts (self);

  /* Where it was promised: a meeting, a call, a letter. */
  self->interaction_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->interaction_row), _("Promised At"));
  button = lia_record_picker_button_new (lia_editor_get_store (editor), 1u << LIA_RECORD_KIND_INTERACTION,
                                         _("Choose…"), &self->interaction_picker);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  lia_record_picker_button_set_name (button, _("Choose Where It Was Promised"));
  g_signal_connect_object (self->interaction_picker, "picked", G_CALLBACK (on_interaction_picked_cb), self,
                           G_CONNECT_SWAPPED);
  self->interaction_clear = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  gtk_widget_set_valign (self->interaction_clear, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->interaction_clear, "flat");
  gtk_widget_set_tooltip_text (self->interaction_clear, _("Not Tied to an Interaction"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->interaction_clear), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Not Tied to an Interaction"), -1);
  g_signal_connect_swapped (self->interaction_clear, "clicked", G_CALLBACK (on_interaction_clear_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->interaction_row), self->interaction_clear);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->interaction_row), button);
  group = lia_editor_add_group (editor, _("Origin"), NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->interaction_row);
  lia_editor_add_field (editor, self->interaction_row);
  update_interaction (self);

  self->notes = lia_editor_add_text (editor, _("Notes"), lia_commitment_get_notes (commitment));
}

static gboolean
lia_commitment_editor_apply (LiaEditor  *editor,
                             LiaRecord  *record,
                             GError    **error)
{
  LiaCommitmentEditor *self = LIA_COMMITMENT_EDITOR (editor);
  LiaCommitment *commitment = LIA_COMMITMENT (record);
  g_autofree char *notes = lia_editor_dup_text (self->notes);
  g_autoptr(GDate) due = NULL;

  lia_commitment_set_title (commitment, lia_editor_entry_text (self->title));
  lia_editor_require_text (editor, self->title);
  lia_commitment_set_direction (commitment, adw_combo_row_get_selected (ADW_COMBO_ROW (self->direction)));
  lia_commitment_set_status (commitment, adw_combo_row_get_selected (ADW_COMBO_ROW (self->status)));
  lia_commitment_set_organization_id (commitment, self->organization_id);
  lia_commitment_set_contact_id (commitment, self->contact_id);
  lia_commitment_set_interaction_id (commitment, self->interaction_id);
  lia_commitment_set_notes (commitment, notes);

  if (lia_editor_get_date (editor, self->due, &due))
    lia_commitment_set_due_date (commitment, due);

  return TRUE;
}

static void
lia_commitment_editor_class_init (LiaCommitmentEditorClass *klass)
{
  LiaEditorClass *editor_class = LIA_EDITOR_CLASS (klass);

  editor_class->load = lia_commitment_editor_load;
  editor_class->apply = lia_commitment_editor_apply;
}

static void
lia_commitment_editor_init (LiaCommitmentEditor *self)
{
}

LiaCommitmentEditor *
lia_commitment_editor_new (LiaStore      *store,
                           LiaCommitment *commitment)
{
  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (LIA_IS_COMMITMENT (commitment), NULL);

  return g_object_new (LIA_TYPE_COMMITMENT_EDITOR,
                       "store", store,
                       "record", commitment,
                       NULL);
}

LiaRecordPicker *
_lia_commitment_editor_get_interaction_picker (LiaCommitmentEditor *self)
{
  return self->interaction_picker;
}
