/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-concern-editor.h"
#include "lia-record-picker.h"
#include "lia-ui-util.h"

/* A party being edited: who, and the entry holding their position. */
typedef struct
{
  LiaRecordKind  kind;
  gint64         id;
  GtkWidget     *row;
} Party;

struct _LiaConcernEditor
{
  LiaEditor  parent_instance;

  GArray    *parties;  /* Party */

  GtkWidget *title;
  GtkWidget *severity;
  GtkWidget *status;
  GtkWidget *opened;
  GtkWidget *resolved;
  GtkWidget *parties_group;
  GtkWidget *root_cause;
  GtkWidget *resolution;
  GtkWidget *notes;
};

G_DEFINE_FINAL_TYPE (LiaConcernEditor, lia_concern_editor, LIA_TYPE_EDITOR)

static void
on_remove_party_cb (GtkButton        *button,
                    LiaConcernEditor *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "row");

  for (guint i = 0; i < self->parties->len; i++)
    if (g_array_index (self->parties, Party, i).row == row)
      {
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->parties_group), row);
        g_array_remove_index (self->parties, i);
        break;
      }
  lia_editor_changed (LIA_EDITOR (self));
}

static void
add_party (LiaConcernEditor *self,
           LiaRecordKind     kind,
           gint64            id,
           const char       *position)
{
  g_autofree char *name = lia_ui_dup_record_label (lia_editor_get_store (LIA_EDITOR (self)), kind, id);
  g_autofree char *title = g_strdup_printf (_("Position of %s"), name);
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), name);
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  Party party = { kind, id, row };

  for (guint i = 0; i < self->parties->len; i++)
    {
      Party *other = &g_array_index (self->parties, Party, i);

      if (other->kind == kind && other->id == id)
        return;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), position);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (lia_editor_changed), self);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_object_set_data (G_OBJECT (remove), "row", row);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_party_cb), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->parties_group), row);
  g_array_append_val (self->parties, party);
}

static void
on_party_picked_cb (LiaConcernEditor *self,
                    int               kind,
                    gint64            id)
{
  add_party (self, kind, id, "");
  lia_editor_changed (LIA_EDITOR (self));
}

static void
lia_concern_editor_load (LiaEditor *editor,
                         LiaRecord *record)
{
  LiaConcernEditor *self = LIA_CONCERN_EDITOR (editor);
  LiaConcern *concern = LIA_CONCERN (record);
  GListModel *parties = lia_concern_get_parties (concern);
  const char *severities[] = { _("Low"), _("Medium"), _("High"), _("Critical"), NULL };
  const char *statuses[] = { _("Open"), _("Mediating"), _("Resolved"), _("Closed"), NULL };
  LiaRecordPicker *picker = NULL;
  GtkWidget *group, *button;

  gtk_window_set_title (GTK_WINDOW (self), lia_editor_is_new (editor) ? _("New Concern") : _("Edit Concern"));

  group = lia_editor_add_group (editor, NULL, NULL);
  self->title = lia_editor_add_entry (editor, group, _("_Title"), lia_concern_get_title (concern));
  self->severity = lia_editor_add_combo (editor, group, _("S_everity"), severities, lia_concern_get_severity (concern));
  self->status = lia_editor_add_combo (editor, group, _("_Status"), statuses, lia_concern_get_status (concern));
  self->opened = lia_editor_add_date (editor, group, _("_Opened"), lia_concern_get_opened (concern));
  self->resolved = lia_editor_add_date (editor, group, _("_Resolved"), lia_concern_get_resolved (concern));

  self->parties_group = lia_editor_add_group (editor, _("Parties"), _("Who is involved, and where each stands"));
  button = lia_record_picker_button_new (lia_editor_get_store (editor),
                                         (1u << LIA_RECORD_KIND_CONTACT) | (1u << LIA_RECORD_KIND_ORGANIZATION),
                                         _("_Add Party…"), &picker);
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (button), TRUE);
  gtk_widget_add_css_class (button, "flat");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self->parties_group), button);
  g_signal_connect_object (picker, "picked", G_CALLBACK (on_party_picked_cb), self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < g_list_model_get_n_items (parties); i++)
    {
      g_autoptr(LiaConcernParty) party = g_list_model_get_item (parties, i);

      if (lia_concern_party_get_contact_id (party) != 0)
        add_party (self, LIA_RECORD_KIND_CONTACT, lia_concern_party_get_contact_id (party),
                   lia_concern_party_get_position (party));
      else
        add_party (self, LIA_RECORD_KIND_ORGANIZATION, lia_concern_party_get_organization_id (party),
                   lia_concern_party_get_position (party));
    }

  self->root_cause = lia_editor_add_text (editor, _("Root Cause"), lia_concern_get_root_cause (concern));
  self->resolution = lia_editor_add_text (editor, _("Resolution"), lia_concern_get_resolution (concern));
  self->notes = lia_editor_add_text (editor, _("Notes"), lia_concern_get_notes (concern));
}

static gboolean
lia_concern_editor_apply (LiaEditor  *editor,
                          LiaRecord  *record,
                          GError    **error)
{
  LiaConcernEditor *self = LIA_CONCERN_EDITOR (editor);
  LiaConcern *concern = LIA_CONCERN (record);
  g_autofree char *root_cause = lia_editor_dup_text (self->root_cause);
  g_autofree char *resolution = lia_editor_dup_text (self->resolution);
  g_autofree char *notes = lia_editor_dup_text (self->notes);
  g_autoptr(GDate) opened = NULL;
  g_autoptr(GDate) resolved = NULL;
  gboolean dates_read;

  lia_concern_set_title (concern, lia_editor_entry_text (self->title));
  lia_editor_require_text (editor, self->title);
  lia_concern_set_severity (concern, adw_combo_row_get_selected (ADW_COMBO_ROW (self->severity)));
  lia_concern_set_status (concern, adw_combo_row_get_selected (ADW_COMBO_ROW (self->status)));
  lia_concern_set_root_cause (concern, root_cause);
  lia_concern_set_resolution (concern, resolution);
  lia_concern_set_notes (concern, notes);

  lia_concern_clear_parties (concern);
  for (guint i = 0; i < self->parties->len; i++)
    {
      Party *party = &g_array_index (self->parties, Party, i);
      const char *position = gtk_editable_get_text (GTK_EDITABLE (party->row));
      g_autoptr(LiaConcernParty) item = party->kind == LIA_RECORD_KIND_CONTACT
                                        ? lia_concern_party_new_contact (party->id, position)
                                        : lia_concern_party_new_organization (party->id, position);

      lia_concern_add_party (concern, item);
    }

  /* Both read, so that both say what is wrong with them. */
  dates_read = lia_editor_get_date (editor, self->opened, &opened);
  dates_read = lia_editor_get_date (editor, self->resolved, &resolved) && dates_read;
  if (dates_read && opened != NULL && resolved != NULL && g_date_compare (resolved, opened) < 0)
    lia_editor_report (editor, self->resolved, _("before the day it was opened"));
  lia_concern_set_opened (concern, opened);
  lia_concern_set_resolved (concern, resolved);

  return TRUE;
}

static void
lia_concern_editor_finalize (GObject *object)
{
  LiaConcernEditor *self = (LiaConcernEditor *) object;

  g_clear_pointer (&self->parties, g_array_unref);

  G_OBJECT_CLASS (lia_concern_editor_parent_class)->finalize (object);
}

static void
lia_concern_editor_class_init (LiaConcernEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LiaEditorClass *editor_class = LIA_EDITOR_CLASS (klass);

  object_class->finalize = lia_concern_editor_finalize;

  editor_class->load = lia_concern_editor_load;
  editor_class->apply = lia_concern_editor_apply;
}

static void
lia_concern_editor_init (LiaConcernEditor *self)
{
  self->parties = g_array_new (FALSE, FALSE, sizeof (Party));
}

LiaConcernEditor *
lia_concern_editor_new (LiaStore   *store,
                        LiaConcern *concern)
{
  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (LIA_IS_CONCERN (concern), NULL);

  return g_object_new (LIA_TYPE_CONCERN_EDITOR,
                       "store", store,
                       "record", concern,
                       NULL);
}
