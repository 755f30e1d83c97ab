/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-contact-editor.h"
#include "lia-editor-dates.h"
#include "lia-record-picker.h"
#include "lia-ui-util.h"

/* A postal address being edited: its expander row and the entry of each part. */
enum { PART_STREET, PART_EXTENDED, PART_PO_BOX, PART_POSTAL_CODE, PART_LOCALITY, PART_REGION,
       PART_COUNTRY, N_ADDRESS_PARTS };

typedef struct
{
  GtkWidget *row;      /* AdwExpanderRow */
  GtkWidget *kind;     /* AdwComboRow: work, home, other */
  GtkWidget *parts[N_ADDRESS_PARTS];
} Address;

/* The kinds an address can have, in the order of the kind row. */
static const LiaContactPointKind address_kinds[] = {
  LIA_CONTACT_POINT_KIND_WORK, LIA_CONTACT_POINT_KIND_HOME, LIA_CONTACT_POINT_KIND_OTHER,
};

/* The largest photo taken: an avatar needs far less, and the database keeps every byte. */
#define MAX_PHOTO_SIZE (5 * 1024 * 1024)

/* An affiliation being edited: the record (id 0 for a new one) and its fields. */
typedef struct
{
  LiaAffiliation *affiliation;
  GtkWidget      *row;      /* AdwExpanderRow */
  GtkWidget      *role;
  GtkWidget      *unit;
  GtkWidget      *from;
  GtkWidget      *until;
  GtkWidget      *primary;
} Affiliation;

struct _LiaContactEditor
{
  LiaEditor  parent_instance;

  GPtrArray *affiliations;  /* Affiliation */
  GPtrArray *removed;       /* LiaAffiliation saved before, to delete on save */
  GPtrArray *addresses;     /* Address */

  /* The photo shown in the form; saved only when the person changed it. */
  GBytes    *photo;
  char      *photo_type;
  gboolean   photo_changed;
  GtkWidget *photo_row;
  GtkWidget *photo_avatar;
  GtkWidget *remove_photo;
  GtkWidget *addresses_group;

  GtkWidget *honorific;
  GtkWidget *given_name;
  GtkWidget *family_name;
  GtkWidget *display_name;
  GtkWidget *nickname;
  GtkWidget *job_title;
  GtkWidget *birthday;
  GtkWidget *emails;
  GtkWidget *phones;
  GtkWidget *ims;
  GtkWidget *websites;
  GtkWidget *languages;
  GtkWidget *time_zone;
  GtkWidget *channel;
  GtkWidget *affiliations_group;
  GtkWidget *tags;
  GtkWidget *influence;
  GtkWidget *interest;
  GtkWidget *stance;
  GtkWidget *notes;
};

G_DEFINE_FINAL_TYPE (LiaContactEditor, lia_contact_editor, LIA_TYPE_EDITOR)

static void
affiliation_free (gpointer data)
{
  Affiliation *affiliation = data;

  g_clear_object (&affiliation->affiliation);
  g_free (affiliation);
}

static void
on_remove_affiliation_cb (GtkButton        *button,
                          LiaContactEditor *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "row");

  for (guint i = 0; i < self->affiliations->len; i++)
    {
      Affiliation *affiliation = self->affiliations->pdata[i];

      if (affiliation->row != row)
        continue;
      if (lia_record_get_id (LIA_RECORD (affiliation->affiliation)) != 0)
        g_ptr_array_add (self->removed, g_object_ref (affiliation->affiliation));
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->affiliations_group), row);
      g_ptr_array_remove_index (self->affiliations, i);
      break;
    }
  lia_editor_changed (LIA_EDITOR (self));
}

static GtkWidget *
add_sub_entry (LiaContactEditor *self,
               GtkWidget        *expander,
               const char       *title,
               const char       *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  g_signal_connect_swapped (row, "changed", G_CALLBACK (lia_editor_changed), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);

  return row;
}

static void
add_affiliation (LiaContactEditor *self,
                 LiaAffiliation   *record,
                 gboolean          expanded)
{
  Affiliation *affiliation = g_new0 (Affiliation, 1);
  LiaStore *store = lia_editor_get_store (LIA_EDITOR (self));
  g_autofree char *name = lia_ui_dup_record_label (store, LIA_RECORD_KIND_ORGANIZATION,
                                                   lia_affiliation_get_organization_id (record));
  g_autofree char *remove_label = g_strdup_printf (_("Remove Affiliation with %s"), name);
  GtkWidget *remove, *primary_row;

  affiliation->affiliation = g_object_ref (record);
  affiliation->row = adw_expander_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (affiliation->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (affiliation->row), name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (affiliation->row), lia_affiliation_get_role (record));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (affiliation->row), expanded);

  remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_object_set_data (G_OBJECT (remove), "row", affiliation->row);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_affiliation_cb), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (affiliation->row), remove);

  affiliation->role = add_sub_entry (self, affiliation->row, _("Role"), lia_affiliation_get_role (record));
  affiliation->unit = add_sub_entry (self, affiliation->row, _("Department or Unit"), lia_affiliation_get_unit (record));
  affiliation->from = lia_editor_date_row_new (LIA_EDITOR (self), C_("affiliation", "Since"), lia_affiliation_get_from (record));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (affiliation->row), affiliation->from);
  affiliation->until = lia_editor_date_row_new (LIA_EDITOR (self), C_("affiliation", "Until"), lia_affiliation_get_until (record));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (affiliation->row), affiliation->until);

  primary_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (primary_row), _("Main Affiliation"));
  affiliation->primary = gtk_switch_new ();
  gtk_switch_set_active (GTK_SWITCH (affiliation->primary), lia_affiliation_get_primary (record));
  gtk_widget_set_valign (affiliation->primary, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (affiliation->primary, "notify::active", G_CALLBACK (lia_editor_changed), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (primary_row), affiliation->primary);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (primary_row), affiliation->primary);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (affiliation->row), primary_row);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->affiliations_group), affiliation->row);
  g_ptr_array_add (self->affiliations, affiliation);
}

/* Photo */

static void
update_photo_row (LiaContactEditor *self)
{
  g_autoptr(GdkTexture) texture = NULL;

  if (self->photo != NULL)
    texture = gdk_texture_new_from_bytes (self->photo, NULL);
  adw_avatar_set_custom_image (ADW_AVATAR (self->photo_avatar), GDK_PAINTABLE (texture));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->photo_row),
                               self->photo != NULL ? "" : _("None: the initials are shown"));
  gtk_widget_set_sensitive (self->remove_photo, self->photo != NULL);
}

static void
set_photo (LiaContactEditor *self,
           GBytes           *bytes,
           const char       *type)
{
  g_clear_pointer (&self->photo, g_bytes_unref);
  g_clear_pointer (&self->photo_type, g_free);
  self->photo = bytes != NULL ? g_bytes_ref (bytes) : NULL;
  self->photo_type = g_strdup (type);
  self->photo_changed = TRUE;
  update_photo_row (self);
  lia_editor_changed (LIA_EDITOR (self));
}

static void
show_photo_error (LiaContactEditor *self,
                  GFile            *file,
                  const char       *reason)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = g_strdup_printf (_("Could Not Use “%s” as the Photo"), name);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, reason);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_photo_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(LiaContactEditor) self = user_data;
  GFile *file = G_FILE (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *mime_type = NULL;
  char *contents = NULL;
  gsize size = 0;

  if (!g_file_load_contents_finish (file, result, &contents, &size, NULL, &error))
    {
      show_photo_error (self, file, error->message);
      return;
    }
  bytes = g_bytes_new_take (contents, size);

  if (size > MAX_PHOTO_SIZE)
    {
      show_photo_error (self, file, _("The image is larger than 5 MB. Choose a smaller one, "
                                      "or make this one smaller first."));
      return;
    }

  content_type = g_content_type_guess (NULL, g_bytes_get_data (bytes, NULL), size, NULL);
  mime_type = g_content_type_get_mime_type (content_type);
  texture = gdk_texture_new_from_bytes (bytes, &error);
  if (texture == NULL || mime_type == NULL || !g_str_has_prefix (mime_type, "image/"))
    {
      show_photo_error (self, file, _("It is not an image this computer can show: choose a "
                                      "JPEG or PNG file."));
      return;
    }

  set_photo (self, bytes, mime_type);
}

static void
on_photo_chooser_response_cb (GtkNativeDialog  *chooser,
                              int               response,
                              LiaContactEditor *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      g_file_load_contents_async (file, NULL, on_photo_loaded_cb, g_object_ref (self));
    }
  g_object_unref (chooser);
}

static void
on_choose_photo_cb (LiaContactEditor *self)
{
  g_autoptr(GtkFileFilter) images = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose a Photo"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (images, _("Images"));
  gtk_file_filter_add_mime_type (images, "image/*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), images);
  g_signal_connect (chooser, "response", G_CALLBACK (on_photo_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_remove_photo_cb (LiaContactEditor *self)
{
  set_photo (self, NULL, NULL);
}

static GtkWidget *
photo_button_new (const char *icon_name,
                  const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

static void
add_photo_row (LiaContactEditor *self,
               GtkWidget        *group,
               LiaContact       *contact)
{
  LiaStore *store = lia_editor_get_store (LIA_EDITOR (self));
  GtkWidget *choose;

  /* The copy being edited may come from a list, which leaves photos out. */
  if (!lia_contact_get_photo_loaded (contact))
    lia_store_load_contact_photo (store, contact, NULL);
  self->photo = lia_contact_get_photo (contact) != NULL ? g_bytes_ref (lia_contact_get_photo (contact)) : NULL;
  self->photo_type = g_strdup (lia_contact_get_photo_mime_type (contact));

  self->photo_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->photo_row), _("Photo"));
  self->photo_avatar = adw_avatar_new (48, lia_contact_get_display_name (contact), TRUE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (self->photo_row), self->photo_avatar);

  choose = photo_button_new ("document-open-symbolic", _("Choose Photo…"));
  g_signal_connect_swapped (choose, "clicked", G_CALLBACK (on_choose_photo_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->photo_row), choose);
  self->remove_photo = photo_button_new ("user-trash-symbolic", _("Remove Photo"));
  g_signal_connect_swapped (self->remove_photo, "clicked", G_CALLBACK (on_remove_photo_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->photo_row), self->remove_photo);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self->photo_row), choose);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->photo_row);
  update_photo_row (self);
}

/* Postal addresses */

static void
address_free (gpointer data)
{
  g_free (data);
}

static char *
address_summary (Address *address)
{
  const char *street = lia_editor_entry_text (address->parts[PART_STREET]);
  const char *locality = lia_editor_entry_text (address->parts[PART_LOCALITY]);

  if (!lia_text_is_blank (street) && !lia_text_is_blank (locality))
    return g_strdup_printf ("%s, %s", street, locality);
  if (!lia_text_is_blank (street) || !lia_text_is_blank (locality))
    return g_strdup (lia_text_is_blank (street) ? locality : street);
  return g_strdup (_("New Address"));
}

static void
on_address_changed_cb (GtkWidget        *widget,
                       LiaContactEditor *self)
{
  Address *address = g_object_get_data (G_OBJECT (widget), "address");
  g_autofree char *summary = address_summary (address);
  guint kind = adw_combo_row_get_selected (ADW_COMBO_ROW (address->kind));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (address->row), summary);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (address->row),
                                 lia_labels_contact_point_kind (address_kinds[MIN (kind, G_N_ELEMENTS (address_kinds) - 1)]));
  lia_editor_changed (LIA_EDITOR (self));
}

static void
on_address_kind_notify_cb (GtkWidget        *row,
                           GParamSpec       *pspec,
                           LiaContactEditor *self)
{
  on_address_changed_cb (row, self);
}

static void
on_remove_address_cb (GtkButton        *button,
                      LiaContactEditor *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "row");

  for (guint i = 0; i < self->addresses->len; i++)
    {
      Address *address = self->addresses->pdata[i];

      if (address->row != row)
        continue;
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->addresses_group), row);
      g_ptr_array_remove_index (self->addresses, i);
      break;
    }
  lia_editor_changed (LIA_EDITOR (self));
}

static void
add_address (LiaContactEditor *self,
             LiaPostalAddress *record,
             gboolean          expanded)
{
  static const char * const properties[N_ADDRESS_PARTS] = {
    [PART_STREET] = "street", [PART_EXTENDED] = "extended", [PART_PO_BOX] = "po-box",
    [PART_POSTAL_CODE] = "postal-code", [PART_LOCALITY] = "locality", [PART_REGION] = "region",
    [PART_COUNTRY] = "country",
  };
  const char *titles[N_ADDRESS_PARTS] = {
    [PART_STREET] = _("Street"), [PART_EXTENDED] = _("Building, Floor or Suite"),
    [PART_PO_BOX] = _("PO Box"), [PART_POSTAL_CODE] = _("Postal Code"),
    [PART_LOCALITY] = _("City or Town"), [PART_REGION] = _("Region or State"),
    [PART_COUNTRY] = _("Country"),
  };
  const char *kinds[] = { lia_labels_contact_point_kind (LIA_CONTACT_POINT_KIND_WORK),
                          lia_labels_contact_point_kind (LIA_CONTACT_POINT_KIND_HOME),
                          lia_labels_contact_point_kind (LIA_CONTACT_POINT_KIND_OTHER), NULL };
  Address *address = g_new0 (Address, 1);
  LiaContactPointKind kind = lia_postal_address_get_kind (record);
  guint selected = G_N_ELEMENTS (address_kinds) - 1;
  g_autoptr(GtkStringList) kind_model = gtk_string_list_new (kinds);
  g_autofree char *summary = NULL;
  GtkWidget *remove;

  for (guint i = 0; i < G_N_ELEMENTS (address_kinds); i++)
    if (address_kinds[i] == kind)
      selected = i;

  address->row = adw_expander_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (address->row), FALSE);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (address->row), expanded);

  remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Address"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove Address"), -1);
  g_object_set_data (G_OBJECT (remove), "row", address->row);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_address_cb), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (address->row), remove);

  address->kind = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (address->kind), _("Kind"));
  adw_combo_row_set_model (ADW_COMBO_ROW (address->kind), G_LIST_MODEL (kind_model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (address->kind), selected);
  g_object_set_data (G_OBJECT (address->kind), "address", address);
  g_signal_connect (address->kind, "notify::selected", G_CALLBACK (on_address_kind_notify_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (address->row), address->kind);

  for (guint i = 0; i < N_ADDRESS_PARTS; i++)
    {
      g_autofree char *value = NULL;

      g_object_get (record, properties[i], &value, NULL);
      address->parts[i] = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (address->parts[i]), titles[i]);
      gtk_editable_set_text (GTK_EDITABLE (address->parts[i]), value);
      g_object_set_data (G_OBJECT (address->parts[i]), "address", address);
      g_object_set_data (G_OBJECT (address->parts[i]), "property", (gpointer) properties[i]);
      g_signal_connect (address->parts[i], "changed", G_CALLBACK (on_address_changed_cb), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (address->row), address->parts[i]);
    }

  summary = address_summary (address);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (address->row), summary);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (address->row), kinds[selected]);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->addresses_group), address->row);
  g_ptr_array_add (self->addresses, address);
}

static void
on_add_address_cb (LiaContactEditor *self)
{
  g_autoptr(LiaPostalAddress) address = lia_postal_address_new (LIA_CONTACT_POINT_KIND_WORK);

  add_address (self, address, TRUE);
  gtk_widget_grab_focus (((Address *) self->addresses->pdata[self->addresses->len - 1])->parts[PART_STREET]);
  lia_editor_changed (LIA_EDITOR (self));
}

static void
on_organization_picked_cb (LiaContactEditor *self,
                           int               kind,
                           gint64            id)
{
  g_autoptr(LiaAffiliation) affiliation = lia_affiliation_new (0, id, "");
  g_autoptr(GDate) today = lia_date_new_today ();

  lia_affiliation_set_from (affiliation, today);
  lia_affiliation_set_primary (affiliation, self->affiliations->len == 0);
  add_affiliation (self, affiliation, TRUE);
  lia_editor_changed (LIA_EDITOR (self));
}

static char *
join_points (GListModel *points)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (points); i++)
    {
      g_autoptr(LiaContactPoint) point = g_list_model_get_item (points, i);

      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, lia_contact_point_get_value (point));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
lia_contact_editor_load (LiaEditor *editor,
                         LiaRecord *record)
{
  LiaContactEditor *self = LIA_CONTACT_EDITOR (editor);
  LiaContact *contact = LIA_CONTACT (record);
  LiaStore *store = lia_editor_get_store (editor);
  g_autofree char *emails = join_points (lia_contact_get_emails (contact));
  g_autofree char *phones = join_points (lia_contact_get_phones (contact));
  g_autofree char *ims = join_points (lia_contact_get_ims (contact));
  g_autofree char *websites = join_points (lia_contact_get_websites (contact));
  g_autofree char *languages = g_strjoinv (", ", (char **) lia_contact_get_languages (contact));
  g_autofree char *tags = g_strjoinv (", ", (char **) lia_contact_get_tags (contact));
  const char *channels[] = { _("No preference"), _("Email"), _("Phone"), _("Messaging"),
                             _("In person"), _("Letter"), NULL };
  LiaRecordPicker *picker = NULL;
  GtkWidget *group, *button;

  gtk_window_set_title (GTK_WINDOW (self), lia_editor_is_new (editor) ? _("New Contact") : _("Edit Contact"));

  group = lia_editor_add_group (editor, NULL, NULL);
  add_photo_row (self, group, contact);
  self->honorific = lia_editor_add_entry (editor, group, _("_Honorific"), lia_contact_get_honorific (contact));
  self->given_name = lia_editor_add_entry (editor, group, _("_Given Name"), lia_contact_get_given_name (contact));
  self->family_name = lia_editor_add_entry (editor, group, _("_Family Name"), lia_contact_get_family_name (contact));
  self->display_name = lia_editor_add_entry (editor, group, _("_Display Name (optional)"),
                                             lia_contact_get_explicit_display_name (contact));
  self->nickname = lia_editor_add_entry (editor, group, _("_Nickname"), lia_contact_get_nickname (contact));
  self->job_title = lia_editor_add_entry (editor, group, _("_Job Title"), lia_contact_get_job_title (contact));
  self->birthday = lia_editor_add_entry (editor, group, _("_Birthday (e.g. 1984-03-21, or --03-21 without the year)"),
                                         lia_contact_get_birthday (contact));

  group = lia_editor_add_group (editor, _("How to Reach"), NULL);
  self->emails = lia_editor_add_entry (editor, group, _("_Email Addresses, separated by commas"), emails);
  self->phones = lia_editor_add_entry (editor, group, _("_Phone Numbers, separated by commas"), phones);
  self->ims = lia_editor_add_entry (editor, group, _("_Messaging (e.g. xmpp:name@example.org), separated by commas"), ims);
  self->websites = lia_editor_add_entry (editor, group, _("_Websites, separated by commas"), websites);
  self->channel = lia_editor_add_combo (editor, group, _("_Preferred Channel"), channels,
                                        lia_contact_get_preferred_channel (contact));
  self->languages = lia_editor_add_entry (editor, group, _("_Languages (e.g. en, fr, sw)"), languages);
  self->time_zone = lia_editor_add_entry (editor, group, _("_Time Zone (e.g. Africa/Nairobi)"),
                                          lia_contact_get_time_zone (contact));

  self->addresses_group = lia_editor_add_group (editor, _("Postal Addresses"), NULL);
  button = gtk_button_new_with_mnemonic (_("Add _Address"));
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_add_address_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self->addresses_group), button);
  for (guint i = 0; i < g_list_model_get_n_items (lia_contact_get_addresses (contact)); i++)
    {
      g_autoptr(LiaPostalAddress) address = g_list_model_get_item (lia_contact_get_addresses (contact), i);
      add_address (self, address, FALSE);
    }

  self->affiliations_group = lia_editor_add_group (editor, _("Affiliations"),
                                                   _("Where they work or have worked, and in which role"));
  button = lia_record_picker_button_new (store, 1u << LIA_RECORD_KIND_ORGANIZATION,
                                         _("_Add Affiliation…"), &picker);
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (button), TRUE);
  gtk_widget_add_css_class (button, "flat");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self->affiliations_group), button);
  g_signal_connect_object (picker, "picked", G_CALLBACK (on_organization_picked_cb), self, G_CONNECT_SWAPPED);
  if (!lia_editor_is_new (editor))
    {
      g_autoptr(GPtrArray) affiliations =
        lia_store_list_affiliations_for_contact (store, lia_record_get_id (record), NULL);

      for (guint i = 0; affiliations != NULL && i < affiliations->len; i++)
        add_affiliation (self, affiliations->pdata[i], FALSE);
    }

  self->tags = lia_editor_add_entry (editor, lia_editor_add_assessment (editor, lia_contact_get_assessment (contact),
                                                                        &self->influence, &self->interest,
                                                                        &self->stance),
                                     _("_Tags, separated by commas"), tags);
  self->notes = lia_editor_add_text (editor, _("Notes"), lia_contact_get_notes (contact));
}

static char **
split_list (GtkWidget *entry)
{
  g_auto(GStrv) parts = g_strsplit (lia_editor_entry_text (entry), ",", -1);

  return lia_strv_tidy ((const char * const *) parts, TRUE);
}

typedef void (*ClearPoints) (LiaContact *contact);
typedef void (*AddPoint)    (LiaContact *contact, LiaContactPointKind kind, const char *value);

/* Keeps the kind of each number or address that is still there; new ones are work ones. */
static void
apply_points (GListModel          *before,
              char               **values,
              ClearPoints          clear,
              AddPoint             add,
              LiaContact          *contact)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (before); i++)
    g_ptr_array_add (kept, g_list_model_get_item (before, i));

  clear (contact);

  for (guint i = 0; values[i] != NULL; i++)
    {
      LiaContactPointKind kind = LIA_CONTACT_POINT_KIND_WORK;

      for (guint j = 0; j < kept->len; j++)
        if (g_strcmp0 (lia_contact_point_get_value (kept->pdata[j]), values[i]) == 0)
          kind = lia_contact_point_get_kind (kept->pdata[j]);
      add (contact, kind, values[i]);
    }
}

static void
apply_addresses (LiaContactEditor *self,
                 LiaContact       *contact)
{
  lia_contact_clear_addresses (contact);
  for (guint i = 0; i < self->addresses->len; i++)
    {
      Address *address = self->addresses->pdata[i];
      guint kind = adw_combo_row_get_selected (ADW_COMBO_ROW (address->kind));
      g_autoptr(LiaPostalAddress) record =
        lia_postal_address_new (address_kinds[MIN (kind, G_N_ELEMENTS (address_kinds) - 1)]);

      for (guint j = 0; j < N_ADDRESS_PARTS; j++)
        {
          g_autofree char *text = g_strstrip (g_strdup (lia_editor_entry_text (address->parts[j])));
          g_object_set (record, g_object_get_data (G_OBJECT (address->parts[j]), "property"), text, NULL);
        }
      /* An address left empty is one the person did not finish adding: it is dropped. */
      if (!lia_postal_address_is_empty (record))
        lia_contact_add_address (contact, record);
    }
}

static gboolean
lia_contact_editor_apply (LiaEditor  *editor,
                          LiaRecord  *record,
                          GError    **error)
{
  LiaContactEditor *self = LIA_CONTACT_EDITOR (editor);
  LiaContact *contact = LIA_CONTACT (record);
  g_auto(GStrv) emails = split_list (self->emails);
  g_auto(GStrv) phones = split_list (self->phones);
  g_auto(GStrv) ims = split_list (self->ims);
  g_auto(GStrv) websites = split_list (self->websites);
  g_autofree char *birthday = g_strstrip (g_strdup (lia_editor_entry_text (self->birthday)));
  g_auto(GStrv) languages = split_list (self->languages);
  g_auto(GStrv) tags = split_list (self->tags);
  g_autofree char *notes = lia_editor_dup_text (self->notes);
  g_autofree char *zone = g_strstrip (g_strdup (lia_editor_entry_text (self->time_zone)));
  gboolean nameless;

  lia_contact_set_honorific (contact, lia_editor_entry_text (self->honorific));
  lia_contact_set_given_name (contact, lia_editor_entry_text (self->given_name));
  lia_contact_set_family_name (contact, lia_editor_entry_text (self->family_name));
  lia_contact_set_display_name (contact, lia_editor_entry_text (self->display_name));
  lia_contact_set_job_title (contact, lia_editor_entry_text (self->job_title));
  lia_contact_set_preferred_channel (contact, adw_combo_row_get_selected (ADW_COMBO_ROW (self->channel)));
  lia_contact_set_languages (contact, (const char * const *) languages);
  lia_contact_set_tags (contact, (const char * const *) tags);
  lia_contact_set_notes (contact, notes);
  apply_points (lia_contact_get_emails (contact), emails, lia_contact_clear_emails, lia_contact_add_email, contact);
  apply_points (lia_contact_get_phones (contact), phones, lia_contact_clear_phones, lia_contact_add_phone, contact);
  apply_points (lia_contact_get_ims (contact), ims, lia_contact_clear_ims, lia_contact_add_im, contact);
  apply_points (lia_contact_get_websites (contact), websites, lia_contact_clear_websites,
                lia_contact_add_website, contact);
  apply_addresses (self, contact);
  lia_contact_set_nickname (contact, lia_editor_entry_text (self->nickname));
  lia_contact_set_birthday (contact, birthday);
  if (!lia_contact_birthday_is_valid (birthday))
    lia_editor_report (editor, self->birthday, _("a date such as 1984-03-21, or --03-21"));
  for (guint i = 0; ims[i] != NULL; i++)
    if (!lia_contact_im_is_valid (ims[i]))
      {
        g_autofree char *message = g_strdup_printf (_("“%s” needs its service first, as in xmpp:%s"),
                                                    ims[i], ims[i]);
        lia_editor_report (editor, self->ims, message);
      }
  if (self->photo_changed)
    lia_contact_set_photo (contact, self->photo, self->photo_type);
  lia_editor_apply_assessment (lia_contact_get_assessment (contact), self->influence, self->interest,
                               self->stance);

  nameless = lia_text_is_blank (lia_editor_entry_text (self->given_name)) &&
             lia_text_is_blank (lia_editor_entry_text (self->family_name)) &&
             lia_text_is_blank (lia_editor_entry_text (self->display_name));
  if (nameless)
    lia_editor_report (editor, self->given_name, _("required, or a family or display name"));

  if (zone[0] != '\0')
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);

      if (tz == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not a time zone this computer knows; "
                                                        "use a name such as Europe/Paris"), zone);

          lia_editor_report (editor, self->time_zone, message);
        }
    }
  lia_contact_set_time_zone (contact, zone);

  /* The affiliations are separate records, checked here so that Save says what is wrong. */
  for (guint i = 0; i < self->affiliations->len; i++)
    {
      Affiliation *affiliation = self->affiliations->pdata[i];
      g_autoptr(GDate) from = NULL;
      g_autoptr(GDate) until = NULL;

      gboolean read;

      read = lia_editor_get_date (editor, affiliation->from, &from);
      read = lia_editor_get_date (editor, affiliation->until, &until) && read;
      if (read && from != NULL && until != NULL && g_date_compare (from, until) > 0)
        lia_editor_report (editor, affiliation->until, _("before Since"));
    }

  return TRUE;
}

static gboolean
lia_contact_editor_save (LiaEditor  *editor,
                         LiaRecord  *record,
                         GError    **error)
{
  LiaContactEditor *self = LIA_CONTACT_EDITOR (editor);
  LiaStore *store = lia_editor_get_store (editor);

  /* The person and their affiliations land together or not at all. */
  if (!lia_store_begin (store, error))
    return FALSE;

  if (!lia_store_save (store, record, error))
    goto fail;

  for (guint i = 0; i < self->removed->len; i++)
    if (!lia_store_delete (store, self->removed->pdata[i], error))
      goto fail;

  for (guint i = 0; i < self->affiliations->len; i++)
    {
      Affiliation *affiliation = self->affiliations->pdata[i];
      g_autoptr(GDate) from = lia_editor_date_parse (lia_editor_entry_text (affiliation->from));
      g_autoptr(GDate) until = lia_editor_date_parse (lia_editor_entry_text (affiliation->until));
      g_autoptr(LiaAffiliation) copy = g_object_new (LIA_TYPE_AFFILIATION, NULL);

      /* A copy: a failed save must not leave half-applied values behind. */
      lia_record_copy_from (LIA_RECORD (copy), LIA_RECORD (affiliation->affiliation));
      lia_record_copy_identity (LIA_RECORD (copy), LIA_RECORD (affiliation->affiliation));
      lia_affiliation_set_contact_id (copy, lia_record_get_id (record));
      lia_affiliation_set_role (copy, lia_editor_entry_text (affiliation->role));
      lia_affiliation_set_unit (copy, lia_editor_entry_text (affiliation->unit));
      lia_affiliation_set_from (copy, from);
      lia_affiliation_set_until (copy, until);
      lia_affiliation_set_primary (copy, gtk_switch_get_active (GTK_SWITCH (affiliation->primary)));
      if (!lia_store_save (store, LIA_RECORD (copy), error))
        goto fail;
    }

  return lia_store_commit (store, error);

fail:
  lia_store_rollback (store);
  if (lia_editor_is_new (editor))
    lia_record_set_id (record, 0);
  return FALSE;
}

static void
lia_contact_editor_finalize (GObject *object)
{
  LiaContactEditor *self = (LiaContactEditor *) object;

  g_clear_pointer (&self->affiliations, g_ptr_array_unref);
  g_clear_pointer (&self->removed, g_ptr_array_unref);
  g_clear_pointer (&self->addresses, g_ptr_array_unref);
  g_clear_pointer (&self->photo, g_bytes_unref);
  g_clear_pointer (&self->photo_type, g_free);

  G_OBJECT_CLASS (lia_contact_editor_parent_class)->finalize (object);
}

static void
lia_contact_editor_class_init (LiaContactEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LiaEditorClass *editor_class = LIA_EDITOR_CLASS (klass);

  object_class->finalize = lia_contact_editor_finalize;

  editor_class->load = lia_contact_editor_load;
  editor_class->apply = lia_contact_editor_apply;
  editor_class->save = lia_contact_editor_save;
}

static void
lia_contact_editor_init (LiaContactEditor *self)
{
  self->affiliations = g_ptr_array_new_with_free_func (affiliation_free);
  self->removed = g_ptr_array_new_with_free_func (g_object_unref);
  self->addresses = g_ptr_array_new_with_free_func (address_free);
}

LiaContactEditor *
lia_contact_editor_new (LiaStore   *store,
                        LiaContact *contact)
{
  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (LIA_IS_CONTACT (contact), NULL);

  return g_object_new (LIA_TYPE_CONTACT_EDITOR,
                       "store", store,
                       "record", contact,
                       NULL);
}

void
_lia_contact_editor_add_affiliation (LiaContactEditor *self,
                                     gint64            organization_id,
                                     const char       *role)
{
  g_autoptr(LiaAffiliation) affiliation = lia_affiliation_new (0, organization_id, role);

  add_affiliation (self, affiliation, TRUE);
  lia_editor_changed (LIA_EDITOR (self));
}
