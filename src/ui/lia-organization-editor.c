/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-organization-editor.h"
#include "lia-record-picker.h"
#include "lia-ui-util.h"

struct _LiaOrganizationEditor
{
  LiaEditor        parent_instance;

  gint64           parent_id;

  GtkWidget       *name;
  GtkWidget       *short_name;
  GtkWidget       *sector;
  GtkWidget       *parent_row;
  GtkWidget       *parent_clear;
  GtkWidget       *website;
  GtkWidget       *email;
  GtkWidget       *phone;
  GtkWidget       *street;
  GtkWidget       *postal_code;
  GtkWidget       *locality;
  GtkWidget       *region;
  GtkWidget       *address_country;
  GtkWidget       *country;
  GtkWidget       *tags;
  GtkWidget       *influence;
  GtkWidget       *interest;
  GtkWidget       *stance;
  GtkWidget       *notes;
};

G_DEFINE_FINAL_TYPE (LiaOrganizationEditor, lia_organization_editor, LIA_TYPE_EDITOR)

static void
update_parent (LiaOrganizationEditor *self)
{
  g_autofree char *name = NULL;

  if (self->parent_id != 0)
    name = lia_ui_dup_record_label (lia_editor_get_store (LIA_EDITOR (self)),
                                    LIA_RECORD_KIND_ORGANIZATION, self->parent_id);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->parent_row),
                               name != NULL ? name : _("None: a top-level organization"));
  gtk_widget_set_visible (self->parent_clear, self->parent_id != 0);
}

static void
on_parent_picked_cb (LiaOrganizationEditor *self,
                     int                    kind,
                     gint64                 id)
{
  self->parent_id = id;
  update_parent (self);
  lia_editor_field_changed (LIA_EDITOR (self), self->parent_row);
}

static void
on_parent_clear_cb (LiaOrganizationEditor *self)
{
  self->parent_id = 0;
  update_parent (self);
  lia_editor_field_changed (LIA_EDITOR (self), self->parent_row);
}

static void
lia_organization_editor_load (LiaEditor *editor,
                              LiaRecord *record)
{
  LiaOrganizationEditor *self = LIA_ORGANIZATION_EDITOR (editor);
  LiaOrganization *organization = LIA_ORGANIZATION (record);
  LiaAssessment *assessment = lia_organization_get_assessment (organization);
  LiaStore *store = lia_editor_get_store (editor);
  LiaRecordPicker *picker = NULL;
  g_autofree char *tags = g_strjoinv (", ", (char **) lia_organization_get_tags (organization));
  GtkWidget *group, *button;

  gtk_window_set_title (GTK_WINDOW (self), lia_editor_is_new (editor) ? _("New Organization")
                                                                      : _("Edit Organization"));

  group = lia_editor_add_group (editor, NULL, NULL);
  self->name = lia_editor_add_entry (editor, group, _("_Name"), lia_organization_get_name (organization));
  self->short_name = lia_editor_add_entry (editor, group, _("S_hort Name"), lia_organization_get_short_name (organization));
  self->sector = lia_editor_add_entry (editor, group, _("Sec_tor"), lia_organization_get_sector (organization));

  self->parent_id = lia_organization_get_parent_id (organization);
  self->parent_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->parent_row), _("Part Of"));
  button = lia_record_picker_button_new (store, 1u << LIA_RECORD_KIND_ORGANIZATION, _("Choose…"), &picker);
  lia_record_picker_button_set_name (button, _("Choose the Parent Organization"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_object (picker, "picked", G_CALLBACK (on_parent_picked_cb), self, G_CONNECT_SWAPPED);
  self->parent_clear = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  gtk_widget_set_valign (self->parent_clear, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->parent_clear, "flat");
  gtk_widget_set_tooltip_text (self->parent_clear, _("No Parent Organization"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->parent_clear),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("No Parent Organization"), -1);
  g_signal_connect_swapped (self->parent_clear, "clicked", G_CALLBACK (on_parent_clear_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->parent_row), self->parent_clear);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->parent_row), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->parent_row);
  lia_editor_add_field (editor, self->parent_row);
  update_parent (self);

  group = lia_editor_add_group (editor, _("Contact Details"), NULL);
  self->website = lia_editor_add_entry (editor, group, _("_Website"), lia_organization_get_website (organization));
  self->email = lia_editor_add_entry (editor, group, _("_Email"), lia_organization_get_email (organization));
  self->phone = lia_editor_add_entry (editor, group, _("_Phone"), lia_organization_get_phone (organization));

  group = lia_editor_add_group (editor, _("Address"), NULL);
  self->street = lia_editor_add_entry (editor, group, _("St_reet"), lia_organization_get_street (organization));
  self->postal_code = lia_editor_add_entry (editor, group, _("Postal _Code"), lia_organization_get_postal_code (organization));
  self->locality = lia_editor_add_entry (editor, group, _("_City"), lia_organization_get_locality (organization));
  self->region = lia_editor_add_entry (editor, group, _("Re_gion"), lia_organization_get_region (organization));
  self->address_country = lia_editor_add_entry (editor, group, _("Co_untry"), lia_organization_get_address_country (organization));
  self->country = lia_editor_add_entry (editor, group, _("Country Code (ISO 3166)"), lia_organization_get_country (organization));

  group = lia_editor_add_assessment (editor, assessment, &self->influence, &self->interest,
                                     &self->stance);
  self->tags = lia_editor_add_entry (editor, group, _("_Tags, separated by commas"), tags);

  self->notes = lia_editor_add_text (editor, _("Notes"), lia_organization_get_notes (organization));
}

static gboolean
lia_organization_editor_apply (LiaEditor  *editor,
                               LiaRecord  *record,
                               GError    **error)
{
  LiaOrganizationEditor *self = LIA_ORGANIZATION_EDITOR (editor);
  LiaOrganization *organization = LIA_ORGANIZATION (record);
  LiaAssessment *assessment = lia_organization_get_assessment (organization);
  g_auto(GStrv) tags = g_strsplit (lia_editor_entry_text (self->tags), ",", -1);
  g_auto(GStrv) tidy = lia_strv_tidy ((const char * const *) tags, TRUE);
  g_autofree char *notes = lia_editor_dup_text (self->notes);

  lia_organization_set_name (organization, lia_editor_entry_text (self->name));
  lia_editor_require_text (editor, self->name);
  lia_organization_set_short_name (organization, lia_editor_entry_text (self->short_name));
  lia_organization_set_sector (organization, lia_editor_entry_text (self->sector));
  lia_organization_set_parent_id (organization, self->parent_id);
  lia_organization_set_website (organization, lia_editor_entry_text (self->website));
  lia_organization_set_email (organization, lia_editor_entry_text (self->email));
  lia_organization_set_phone (organization, lia_editor_entry_text (self->phone));
  lia_organization_set_street (organization, lia_editor_entry_text (self->street));
  lia_organization_set_postal_code (organization, lia_editor_entry_text (self->postal_code));
  lia_organization_set_locality (organization, lia_editor_entry_text (self->locality));
  lia_organization_set_region (organization, lia_editor_entry_text (self->region));
  lia_organization_set_address_country (organization, lia_editor_entry_text (self->address_country));
  lia_organization_set_country (organization, lia_editor_entry_text (self->country));
  lia_organization_set_tags (organization, (const char * const *) tidy);
  lia_organization_set_notes (organization, notes);
  lia_editor_apply_assessment (assessment, self->influence, self->interest, self->stance);

  if (self->parent_id != 0 && self->parent_id == lia_record_get_id (record))
    lia_editor_report (editor, self->parent_row, _("not the organization itself; choose another"));

  return TRUE;
}

static void
lia_organization_editor_class_init (LiaOrganizationEditorClass *klass)
{
  LiaEditorClass *editor_class = LIA_EDITOR_CLASS (klass);

  editor_class->load = lia_organization_editor_load;
  editor_class->apply = lia_organization_editor_apply;
}

static void
lia_organization_editor_init (LiaOrganizationEditor *self)
{
}

LiaOrganizationEditor *
lia_organization_editor_new (LiaStore        *store,
                             LiaOrganization *organization)
{
  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (LIA_IS_ORGANIZATION (organization), NULL);

  return g_object_new (LIA_TYPE_ORGANIZATION_EDITOR,
                       "store", store,
                       "record", organization,
                       NULL);
}
