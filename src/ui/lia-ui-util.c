/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-ui-util.h"

/* Names are looked up for every visible row; a few thousand are worth keeping. */
#define MAX_CACHED_LABELS 4096

const char *
lia_ui_interaction_kind_icon_name (LiaInteractionKind kind)
{
  switch (kind)
    {
    case LIA_INTERACTION_KIND_MEETING: return APPLICATION_ID "-meeting-symbolic";
    case LIA_INTERACTION_KIND_CALL: return APPLICATION_ID "-call-symbolic";
    case LIA_INTERACTION_KIND_EMAIL: return APPLICATION_ID "-email-symbolic";
    case LIA_INTERACTION_KIND_EVENT: return APPLICATION_ID "-event-symbolic";
    case LIA_INTERACTION_KIND_VISIT: return APPLICATION_ID "-visit-symbolic";
    case LIA_INTERACTION_KIND_LETTER: return APPLICATION_ID "-letter-symbolic";
    case LIA_INTERACTION_KIND_NOTE: return APPLICATION_ID "-note-symbolic";
    default: return "dialog-information-symbolic";
    }
}

gboolean
lia_ui_same_day (GDateTime *a,
                 GDateTime *b)
{
  int ya, ma, da, yb, mb, db;

  g_date_time_get_ymd (a, &ya, &ma, &da);
  g_date_time_get_ymd (b, &yb, &mb, &db);

  return ya == yb && ma == mb && da == db;
}

char *
lia_ui_format_day (GDateTime *at)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (g_date_time_get_timezone (at));
  int days;
  GDate day, today;

  g_date_clear (&day, 1);
  g_date_clear (&today, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (at), g_date_time_get_month (at),
                  g_date_time_get_year (at));
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  days = g_date_days_between (&day, &today);

  if (days == 0)
    return g_strdup (_("Today"));
  if (days == 1)
    return g_strdup (_("Yesterday"));

  /* Translators: a day heading in the timeline, as in "Monday, 3 March 2025"; see
   * g_date_time_format(). */
  return g_date_time_format (at, _("%A, %-d %B %Y"));
}

char *
lia_ui_format_time (GDateTime *at)
{
  return g_date_time_format (at, "%H:%M");
}

char *
lia_ui_format_local_time (const char *zone_id,
                          GDateTime  *now)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) there = NULL;
  g_autofree char *time = NULL;
  g_autofree char *city = NULL;
  const char *slash;

  if (zone_id == NULL || zone_id[0] == '\0')
    return NULL;

  zone = g_time_zone_new_identifier (zone_id);
  if (zone == NULL)
    return NULL;

  there = g_date_time_to_timezone (now, zone);
  time = g_date_time_format (there, "%H:%M");
  slash = strrchr (zone_id, '/');
  city = g_strdelimit (g_strdup (slash != NULL ? slash + 1 : zone_id), "_", ' ');

  /* Translators: the local time of a contact, as in "14:05 in Nairobi". */
  return g_strdup_printf (_("%s in %s"), time, city);
}

char *
lia_ui_format_period (const GDate *from,
                      const GDate *until)
{
  g_autofree char *start = lia_labels_format_date (from);
  g_autofree char *end = lia_labels_format_date (until);

  if (start != NULL && end != NULL)
    /* Translators: a period of time, as in "1 March 2019 – 30 June 2021". */
    return g_strdup_printf (_("%s – %s"), start, end);
  if (start != NULL)
    return g_strdup_printf (_("Since %s"), start);
  if (end != NULL)
    return g_strdup_printf (_("Until %s"), end);

  return g_strdup ("");
}

/* --- names of linked records -------------------------------------------------------------- */

typedef struct
{
  GHashTable *labels;  /* packed kind and id → label */
} LabelCache;

static void
label_cache_free (gpointer data)
{
  LabelCache *cache = data;

  g_hash_table_unref (cache->labels);
  g_free (cache);
}

static void
label_cache_forget_cb (LabelCache *cache)
{
  g_hash_table_remove_all (cache->labels);
}

static LabelCache *
get_label_cache (LiaStore *store)
{
  LabelCache *cache = g_object_get_data (G_OBJECT (store), "lia-ui-label-cache");

  if (cache == NULL)
    {
      cache = g_new0 (LabelCache, 1);
      cache->labels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
      g_object_set_data_full (G_OBJECT (store), "lia-ui-label-cache", cache, label_cache_free);
      g_signal_connect_swapped (store, "changed", G_CALLBACK (label_cache_forget_cb), cache);
      g_signal_connect_swapped (store, "reset", G_CALLBACK (label_cache_forget_cb), cache);
    }

  return cache;
}

char *
lia_ui_dup_record_label (LiaStore      *store,
                         LiaRecordKind  kind,
                         gint64         id)
{
  LabelCache *cache;
  g_autofree char *read = NULL;
  g_autoptr(GError) error = NULL;
  gint64 key = (id << 3) | kind;
  const char *label;
  gint64 *stored_key;

  g_return_val_if_fail (LIA_IS_STORE (store), NULL);

  cache = get_label_cache (store);
  label = g_hash_table_lookup (cache->labels, &key);
  if (label != NULL)
    return g_strdup (label);

  /* The label alone: a row binding a miss must not read a contact's every list. */
  read = lia_store_dup_label (store, kind, id, &error);
  /* "(deleted)" only when it is gone: a failed read must not pass for a delete. */
  if (g_error_matches (error, LIA_STORE_ERROR, LIA_STORE_ERROR_NOT_FOUND))
    return g_strdup (_("(deleted)"));
  if (read == NULL)
    return g_strdup (_("(could not be read)"));

  if (g_hash_table_size (cache->labels) >= MAX_CACHED_LABELS)
    g_hash_table_remove_all (cache->labels);
  stored_key = g_memdup2 (&key, sizeof key);
  g_hash_table_insert (cache->labels, stored_key, g_strdup (read));

  return g_steal_pointer (&read);
}

char *
lia_ui_dup_participants (LiaStore       *store,
                         LiaListModel   *names,
                         LiaInteraction *interaction)
{
  const GArray *contacts = lia_interaction_get_contact_ids (interaction);
  const GArray *organizations = lia_interaction_get_organization_ids (interaction);
  g_autoptr(GString) text = g_string_new (NULL);
  guint shown = 0, total = contacts->len + organizations->len;

  for (guint i = 0; i < total && shown < 3; i++, shown++)
    {
      gboolean is_contact = i < contacts->len;
      gint64 id = is_contact ? g_array_index (contacts, gint64, i)
                             : g_array_index (organizations, gint64, i - contacts->len);
      LiaRecordKind kind = is_contact ? LIA_RECORD_KIND_CONTACT : LIA_RECORD_KIND_ORGANIZATION;
      const char *known = names != NULL ? lia_list_model_get_label (names, kind, id) : NULL;
      g_autofree char *label = known == NULL ? lia_ui_dup_record_label (store, kind, id) : NULL;

      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, known != NULL ? known : label);
    }

  if (total > shown)
    {
      g_autofree char *more = NULL;

      /* Translators: after the first participants' names, as in "Amina Diallo, WHO and 2 more". */
      more = g_strdup_printf (ngettext (" and %u more", " and %u more", total - shown),
                              total - shown);
      g_string_append (text, more);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
lia_ui_read_contact_context (LiaStore    *store,
                             LiaContact  *contact,
                             GError     **error)
{
  g_autoptr(GPtrArray) affiliations = NULL;
  g_autoptr(GDate) today = lia_date_new_today ();
  const char *job_title;

  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (LIA_IS_CONTACT (contact), NULL);

  job_title = lia_contact_get_job_title (contact);
  /* The store lists the main affiliation first. */
  affiliations = lia_store_list_affiliations_for_contact (store,
                                                          lia_record_get_id (LIA_RECORD (contact)),
                                                          error);
  if (affiliations == NULL)
    return NULL;
  if (affiliations->len > 0 && lia_affiliation_is_current_on (affiliations->pdata[0], today))
    {
      LiaAffiliation *affiliation = affiliations->pdata[0];
      const char *role = lia_affiliation_get_role (affiliation);
      g_autofree char *organization =
        lia_ui_dup_record_label (store, LIA_RECORD_KIND_ORGANIZATION,
                                 lia_affiliation_get_organization_id (affiliation));

      if (role[0] == '\0')
        role = job_title;
      if (role[0] != '\0')
        /* Translators: a contact's role and organization, as in "Director · WHO". */
        return g_strdup_printf (_("%s · %s"), role, organization);
      return g_steal_pointer (&organization);
    }

  return g_strdup (job_title);
}

char *
lia_ui_dup_contact_context (LiaStore   *store,
                            LiaContact *contact)
{
  char *context;

  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (LIA_IS_CONTACT (contact), NULL);

  /* A list row has no room for an error; the list's own reads show it. */
  context = lia_ui_read_contact_context (store, contact, NULL);
  return context != NULL ? context : g_strdup (lia_contact_get_job_title (contact));
}

/* --- widgets ------------------------------------------------------------------------------ */

void
lia_ui_remove_all (GtkWidget *container)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_BOX (container) || GTK_IS_LIST_BOX (container));

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_LIST_BOX (container))
        gtk_list_box_remove (GTK_LIST_BOX (container), child);
      else
        gtk_box_remove (GTK_BOX (container), child);
    }
}

/* Text from records goes into rows as it is: "R&D <Paris>" is a name, not markup. Both the
 * title and the subtitle of an AdwActionRow follow "use-markup". */
static GtkWidget *
plain_row_new (const char *title,
               const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && subtitle[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

GVariant *
lia_ui_record_target (LiaRecordKind kind,
                      gint64        id)
{
  return g_variant_new ("(ix)", (gint32) kind, id);
}

GtkWidget *
lia_ui_record_row_new (LiaRecordKind  kind,
                       gint64         id,
                       const char    *title,
                       const char    *subtitle)
{
  GtkWidget *row = plain_row_new (title, subtitle);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-record");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), lia_ui_record_target (kind, id));

  return row;
}

GtkWidget *
lia_ui_property_row_new (const char *label,
                         const char *value)
{
  GtkWidget *row;

  if (value == NULL || value[0] == '\0')
    return NULL;

  /* As GNOME Contacts does: what people look for (the address, the country) in the title,
   * what kind of thing it is ("Work", "Country") in the smaller subtitle. */
  row = plain_row_new (value, label);
  gtk_widget_add_css_class (row, "property");

  return row;
}

GtkWidget *
lia_ui_text_row_new (const char *text)
{
  if (text == NULL || text[0] == '\0')
    return NULL;

  return plain_row_new (text, NULL);
}

GtkWidget *
lia_ui_placeholder_row_new (const char *title,
                            const char *description)
{
  GtkWidget *row = plain_row_new (title, description);

  gtk_widget_add_css_class (row, "placeholder");

  return row;
}

GtkWidget *
lia_ui_commitment_row_new (LiaStore      *store,
                           LiaCommitment *commitment)
{
  gint64 id = lia_record_get_id (LIA_RECORD (commitment));
  g_autofree char *due = lia_labels_format_date (lia_commitment_get_due_date (commitment));
  g_autofree char *subtitle = NULL;
  g_autofree char *done_label = NULL;
  GtkWidget *row;
  GtkWidget *done;

  if (lia_commitment_get_is_overdue (commitment))
    /* Translators: a commitment's due date that has passed. */
    subtitle = g_strdup_printf (_("%s · Overdue since %s"),
                                lia_labels_direction (lia_commitment_get_direction (commitment)),
                                due);
  else if (due != NULL)
    subtitle = g_strdup_printf (_("%s · Due %s"),
                                lia_labels_direction (lia_commitment_get_direction (commitment)),
                                due);
  else
    subtitle = g_strdup (lia_labels_direction (lia_commitment_get_direction (commitment)));

  row = lia_ui_record_row_new (LIA_RECORD_KIND_COMMITMENT, id,
                               lia_commitment_get_title (commitment), subtitle);
  if (lia_commitment_get_is_overdue (commitment))
    gtk_widget_add_css_class (row, "overdue");

  done = gtk_button_new_from_icon_name ("object-select-symbolic");
  gtk_widget_set_valign (done, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (done, "flat");
  gtk_widget_add_css_class (done, "circular");
  gtk_widget_set_tooltip_text (done, _("Mark as Done"));
  /* Translators: what a screen reader says for the button that marks a commitment done; %s
   * is its title, so that each of several such buttons says which commitment it closes. */
  done_label = g_strdup_printf (_("Mark “%s” as Done"), lia_commitment_get_title (commitment));
  gtk_accessible_update_property (GTK_ACCESSIBLE (done),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, done_label,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (done), "win.mark-done");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (done), g_variant_new_int64 (id));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), done);

  return row;
}

GtkWidget *
lia_ui_group_new (GtkWidget  *content,
                  const char *title,
                  const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  g_return_val_if_fail (GTK_IS_BOX (content), NULL);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (GTK_BOX (content), group);

  return group;
}

GtkWidget *
lia_ui_detail_header_new (const char *avatar_text,
                          const char *icon_name,
                          const char *title,
                          const char *subtitle)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *avatar;

  if (avatar_text != NULL)
    {
      avatar = adw_avatar_new (96, avatar_text, TRUE);
    }
  else
    {
      avatar = gtk_image_new_from_icon_name (icon_name);
      gtk_image_set_pixel_size (GTK_IMAGE (avatar), 64);
      gtk_widget_add_css_class (avatar, "detail-icon");
    }
  gtk_widget_set_halign (avatar, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), avatar);

  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_label_set_justify (GTK_LABEL (title_label), GTK_JUSTIFY_CENTER);
  gtk_label_set_selectable (GTK_LABEL (title_label), TRUE);
  gtk_widget_add_css_class (title_label, "title-1");
  gtk_box_append (GTK_BOX (box), title_label);

  if (subtitle != NULL && subtitle[0] != '\0')
    {
      GtkWidget *subtitle_label = gtk_label_new (subtitle);

      gtk_label_set_wrap (GTK_LABEL (subtitle_label), TRUE);
      gtk_label_set_justify (GTK_LABEL (subtitle_label), GTK_JUSTIFY_CENTER);
      gtk_widget_add_css_class (subtitle_label, "dim-label");
      gtk_box_append (GTK_BOX (box), subtitle_label);
    }

  return box;
}

void
lia_ui_detail_header_set_photo (GtkWidget    *header,
                                GdkPaintable *photo)
{
  GtkWidget *avatar = gtk_widget_get_first_child (header);

  g_return_if_fail (ADW_IS_AVATAR (avatar));

  adw_avatar_set_custom_image (ADW_AVATAR (avatar), photo);
}

GdkPaintable *
lia_ui_contact_photo (LiaContact *contact)
{
  GBytes *bytes;
  GdkTexture *texture;

  g_return_val_if_fail (LIA_IS_CONTACT (contact), NULL);

  bytes = lia_contact_get_photo (contact);
  if (bytes == NULL)
    return NULL;

  /* Kept with the bytes it was made from: a new photo makes a new texture. */
  texture = g_object_get_data (G_OBJECT (contact), "lia-photo-texture");
  if (texture != NULL && g_object_get_data (G_OBJECT (texture), "lia-photo-bytes") == bytes)
    return GDK_PAINTABLE (texture);

  texture = gdk_texture_new_from_bytes (bytes, NULL);
  if (texture == NULL)
    return NULL;
  g_object_set_data_full (G_OBJECT (texture), "lia-photo-bytes", g_bytes_ref (bytes),
                          (GDestroyNotify) g_bytes_unref);
  g_object_set_data_full (G_OBJECT (contact), "lia-photo-texture", texture, g_object_unref);
  return GDK_PAINTABLE (texture);
}

GtkWidget *
lia_ui_action_button_new (const char *label,
                          const char *action_name,
                          GVariant   *target)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_widget_add_css_class (button, "pill");

  return button;
}

GtkWidget *
lia_ui_action_bar_new (void)
{
  GtkWidget *bar = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (bar), GTK_SELECTION_NONE);
  /* Homogeneous: GTK 4.8 measures a non-homogeneous flow box for fewer lines than it then
   * lays out, and the last buttons were drawn over the group below. */
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (bar), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (bar), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (bar), 4);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (bar), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (bar), 12);
  gtk_widget_set_halign (bar, GTK_ALIGN_CENTER);

  return bar;
}

void
lia_ui_action_bar_add (GtkWidget *bar,
                       GtkWidget *button)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_FLOW_BOX (bar));

  gtk_flow_box_append (GTK_FLOW_BOX (bar), button);
  /* The wrapper child must not take a Tab stop of its own: the button
   * inside is what people reach and activate. */
  child = gtk_widget_get_parent (button);
  gtk_widget_set_focusable (child, FALSE);
}

guint
lia_ui_group_add (GtkWidget *group,
                  GtkWidget *row)
{
  g_return_val_if_fail (ADW_IS_PREFERENCES_GROUP (group), 0);

  if (row == NULL)
    return 0;

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return 1;
}

GtkWidget *
lia_ui_suffix_button_new (const char *icon_name,
                   const char *tooltip,
                   const char *action_name,
                   GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);

  return button;
}

GtkWidget *
lia_ui_link_row_new (const char *title,
                     const char *value,
                     const char *uri_prefix,
                     const char *icon_name,
                     const char *tooltip)
{
  GtkWidget *row = lia_ui_property_row_new (title, value);
  g_autofree char *uri = NULL;

  if (row == NULL)
    return NULL;

  uri = g_strconcat (uri_prefix, value, NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             lia_ui_suffix_button_new ("edit-copy-symbolic", _("Copy"), "win.copy",
                                                g_variant_new_string (value)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             lia_ui_suffix_button_new (icon_name, tooltip, "win.open-uri",
                                                g_variant_new_string (uri)));

  return row;
}
