/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-history.h"
#include "lia-iso-codes.h"
#include "lia-ui-util.h"

/* The History group of a record's page and its "Show All Changes" window. The store keeps each
 * changed value as text under its property's name (lia-store-history.c); this file says them
 * as the editors do: the field's name, and the value as the page shows it. */

typedef enum
{
  VALUE_PLAIN,
  /* Multi-line text (notes, a summary): the page shows it in full; its history says only
   * that it changed, since a paragraph does not fit in a line and its old text, unlike the
   * page's, would not be left out by a redacted briefing. */
  VALUE_LONG_TEXT,
  VALUE_COUNTRY,
  VALUE_LANGUAGES,
  VALUE_ORGANIZATION,
  VALUE_CONTACT,
  VALUE_INTERACTION,
  VALUE_SCALE,
  VALUE_SENTIMENT,
  VALUE_DAYS,
  VALUE_MINUTES,
  /* Derived or internal values that a person never edits. */
  VALUE_HIDDEN,
} ValueKind;

typedef struct
{
  const char *field;
  const char *label;
  ValueKind   kind;
} FieldInfo;

/* The properties of every record kind (the store compares them all); a field that is not here
 * is shown by its property name. */
static const FieldInfo fields[] = {
  { "name", NC_("history field", "Name"), VALUE_PLAIN },
  { "short-name", NC_("history field", "Short name"), VALUE_PLAIN },
  { "sector", NC_("history field", "Sector"), VALUE_PLAIN },
  { "country", NC_("history field", "Country"), VALUE_COUNTRY },
  { "street", NC_("history field", "Street"), VALUE_PLAIN },
  { "locality", NC_("history field", "City or town"), VALUE_PLAIN },
  { "region", NC_("history field", "Region or state"), VALUE_PLAIN },
  { "postal-code", NC_("history field", "Postal code"), VALUE_PLAIN },
  { "address-country", NC_("history field", "Address country"), VALUE_COUNTRY },
  { "website", NC_("history field", "Website"), VALUE_PLAIN },
  { "email", NC_("history field", "Email"), VALUE_PLAIN },
  { "phone", NC_("history field", "Phone"), VALUE_PLAIN },
  { "notes", NC_("history field", "Notes"), VALUE_LONG_TEXT },
  { "tags", NC_("history field", "Tags"), VALUE_PLAIN },
  { "parent-id", NC_("history field", "Parent organization"), VALUE_ORGANIZATION },
  { "assessment.influence", NC_("history field", "Influence"), VALUE_SCALE },
  { "assessment.interest", NC_("history field", "Interest"), VALUE_SCALE },
  { "assessment.stance", NC_("history field", "Stance"), VALUE_PLAIN },
  { "assessment.cadence-days", NC_("history field", "Stay in touch"), VALUE_DAYS },
  { "honorific", NC_("history field", "Honorific"), VALUE_PLAIN },
  { "given-name", NC_("history field", "Given name"), VALUE_PLAIN },
  { "family-name", NC_("history field", "Family name"), VALUE_PLAIN },
  { "suffix", NC_("history field", "Suffix"), VALUE_PLAIN },
  { "display-name", NC_("history field", "Display name"), VALUE_PLAIN },
  { "nickname", NC_("history field", "Nickname"), VALUE_PLAIN },
  { "job-title", NC_("history field", "Job title"), VALUE_PLAIN },
  { "time-zone", NC_("history field", "Time zone"), VALUE_PLAIN },
  { "birthday", NC_("history field", "Birthday"), VALUE_PLAIN },
  { "preferred-channel", NC_("history field", "Preferred channel"), VALUE_PLAIN },
  { "languages", NC_("history field", "Languages"), VALUE_LANGUAGES },
  /* Lists of objects: the store keeps each item's values, items separated by "; ". */
  { "emails", NC_("history field", "Email addresses"), VALUE_PLAIN },
  { "phones", NC_("history field", "Phone numbers"), VALUE_PLAIN },
  { "addresses", NC_("history field", "Postal addresses"), VALUE_PLAIN },
  { "websites", NC_("history field", "Websites"), VALUE_PLAIN },
  { "ims", NC_("history field", "Instant messaging"), VALUE_PLAIN },
  { "parties", NC_("history field", "Parties"), VALUE_PLAIN },
  { "milestones", NC_("history field", "Milestones"), VALUE_PLAIN },
  { "risks", NC_("history field", "Risks"), VALUE_PLAIN },
  { "stakeholders", NC_("history field", "Stakeholders"), VALUE_PLAIN },
  { "kind", NC_("history field", "Kind"), VALUE_PLAIN },
  { "at", NC_("history field", "When"), VALUE_PLAIN },
  { "duration-minutes", NC_("history field", "Duration"), VALUE_MINUTES },
  { "title", NC_("history field", "Title"), VALUE_PLAIN },
  { "location", NC_("history field", "Location"), VALUE_PLAIN },
  { "summary", NC_("history field", "Summary"), VALUE_LONG_TEXT },
  { "outcome", NC_("history field", "Outcome"), VALUE_LONG_TEXT },
  { "sentiment", NC_("history field", "Sentiment"), VALUE_SENTIMENT },
  { "cancelled", NC_("history field", "Cancelled"), VALUE_PLAIN },
  { "direction", NC_("history field", "Direction"), VALUE_PLAIN },
  { "status", NC_("history field", "Status"), VALUE_PLAIN },
  { "due-date", NC_("history field", "Due date"), VALUE_PLAIN },
  { "done-date", NC_("history field", "Done on"), VALUE_PLAIN },
  { "contact-id", NC_("history field", "Contact"), VALUE_CONTACT },
  { "organization-id", NC_("history field", "Organization"), VALUE_ORGANIZATION },
  { "interaction-id", NC_("history field", "Promised at"), VALUE_INTERACTION },
  { "severity", NC_("history field", "Severity"), VALUE_PLAIN },
  { "opened", NC_("history field", "Opened"), VALUE_PLAIN },
  { "resolved", NC_("history field", "Resolved"), VALUE_PLAIN },
  { "root-cause", NC_("history field", "Root cause"), VALUE_LONG_TEXT },
  { "resolution", NC_("history field", "Resolution"), VALUE_LONG_TEXT },
  { "start", NC_("history field", "Start"), VALUE_PLAIN },
  { "end", NC_("history field", "End"), VALUE_PLAIN },
  { "owner", NC_("history field", "Owner"), VALUE_PLAIN },
  { "is-overdue", NULL, VALUE_HIDDEN },
  { "sequence", NULL, VALUE_HIDDEN },
  { "photo-mime-type", NULL, VALUE_HIDDEN },
};

static const FieldInfo *
find_field (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].field, field))
      return &fields[i];

  return NULL;
}

/* The property that @field ("job-title", "assessment.stance") names on @type, or %NULL. */
static GParamSpec *
find_pspec (GType       type,
            const char *field)
{
  g_auto(GStrv) parts = g_strsplit (field, ".", 2);
  GObjectClass *klass = g_type_class_peek (type);
  GParamSpec *pspec;

  if (klass == NULL || (pspec = g_object_class_find_property (klass, parts[0])) == NULL)
    return NULL;
  if (parts[1] == NULL)
    return pspec;
  if (!g_type_is_a (pspec->value_type, G_TYPE_OBJECT))
    return NULL;

  return find_pspec (pspec->value_type, parts[1]);
}

static const char *
enum_label (GType type,
            int   value)
{
  if (type == LIA_TYPE_STANCE)
    return lia_labels_stance (value);
  if (type == LIA_TYPE_INTERACTION_KIND)
    return lia_labels_interaction_kind (value);
  if (type == LIA_TYPE_COMMITMENT_DIRECTION)
    return lia_labels_direction (value);
  if (type == LIA_TYPE_COMMITMENT_STATUS)
    return lia_labels_commitment_status (value);
  if (type == LIA_TYPE_CONCERN_STATUS)
    return lia_labels_concern_status (value);
  if (type == LIA_TYPE_SEVERITY)
    return lia_labels_severity (value);
  if (type == LIA_TYPE_PROJECT_STATUS)
    return lia_labels_project_status (value);
  if (type == LIA_TYPE_CHANNEL)
    return lia_labels_channel (value);

  return NULL;
}

static gint64
parse_int (const char *text)
{
  gint64 value = 0;

  if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &value, NULL))
    return 0;

  return value;
}

/* @text (as the store keeps it) as the page would show it. */
static char *
format_value (LiaStore        *store,
              const FieldInfo *info,
              GParamSpec      *pspec,
              const char      *text)
{
  ValueKind kind = info != NULL ? info->kind : VALUE_PLAIN;

  switch (kind)
    {
    case VALUE_COUNTRY:
      return lia_iso_dup_country_name (text);
    case VALUE_LANGUAGES:
      {
        g_auto(GStrv) tags = g_strsplit (text, ", ", -1);

        return lia_iso_dup_language_list ((const char * const *) tags);
      }
    case VALUE_ORGANIZATION:
      return lia_ui_dup_record_label (store, LIA_RECORD_KIND_ORGANIZATION, parse_int (text));
    case VALUE_CONTACT:
      return lia_ui_dup_record_label (store, LIA_RECORD_KIND_CONTACT, parse_int (text));
    case VALUE_INTERACTION:
      return lia_ui_dup_record_label (store, LIA_RECORD_KIND_INTERACTION, parse_int (text));
    case VALUE_SCALE:
      return lia_labels_format_scale ((int) parse_int (text));
    case VALUE_SENTIMENT:
      return g_strdup (lia_labels_sentiment (g_ascii_strtod (text, NULL)));
    case VALUE_DAYS:
      {
        int days = (int) parse_int (text);

        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "every %d day", "every %d days", days), days);
      }
    case VALUE_MINUTES:
      {
        int minutes = (int) parse_int (text);

        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", minutes), minutes);
      }
    case VALUE_PLAIN:
    case VALUE_LONG_TEXT:
    case VALUE_HIDDEN:
    default:
      break;
    }

  if (pspec == NULL)
    return g_strdup (text);

  if (G_TYPE_IS_ENUM (pspec->value_type))
    {
      int value;
      const char *label;

      if (lia_enum_from_nick (pspec->value_type, text, &value, NULL)
          && (label = enum_label (pspec->value_type, value)) != NULL)
        return g_strdup (label);
      return g_strdup (text);
    }
  if (pspec->value_type == G_TYPE_BOOLEAN)
    return g_strdup (g_str_equal (text, "true") ? _("Yes") : _("No"));
  if (pspec->value_type == G_TYPE_DATE)
    {
      g_autoptr(GDate) date = lia_date_parse_iso (text, NULL);
      char *label = date != NULL ? lia_labels_format_date (date) : NULL;

      return label != NULL ? label : g_strdup (text);
    }
  if (pspec->value_type == G_TYPE_DATE_TIME)
    {
      g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (text, NULL);
      g_autofree char *day = NULL;
      g_autofree char *time = NULL;

      if (at == NULL)
        return g_strdup (text);
      day = lia_ui_format_day (at);
      time = lia_ui_format_time (at);
      return g_strdup_printf ("%s, %s", day, time);
    }

  return g_strdup (text);
}

static void
describe_change (GString              *out,
                 LiaStore             *store,
                 GType                 record_type,
                 const LiaFieldChange *change)
{
  const FieldInfo *info = find_field (change->field);
  GParamSpec *pspec = find_pspec (record_type, change->field);
  const char *label;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (info != NULL && info->kind == VALUE_HIDDEN)
    return;
  label = info != NULL ? g_dpgettext2 (GETTEXT_PACKAGE, "history field", info->label) : change->field;
  if (out->len > 0)
    /* Translators: between two values' changes in one save. */
    g_string_append (out, _("; "));

  if (info != NULL && info->kind == VALUE_LONG_TEXT)
    {
      if (change->old_value == NULL)
        /* Translators: a field's name; its text is not repeated in the history. */
        g_string_append_printf (out, _("%s added"), label);
      else if (change->new_value == NULL)
        g_string_append_printf (out, _("%s removed"), label);
      else
        g_string_append_printf (out, _("%s changed"), label);
      return;
    }

  if (change->old_value != NULL)
    before = format_value (store, info, pspec, change->old_value);
  if (change->new_value != NULL)
    after = format_value (store, info, pspec, change->new_value);

  if (before == NULL)
    /* Translators: a field's name and its new value, where there was none. */
    g_string_append_printf (out, _("%s added: %s"), label, after != NULL ? after : "");
  else if (after == NULL)
    /* Translators: a field's name and the value it had before it was emptied. */
    g_string_append_printf (out, _("%s removed (was %s)"), label, before);
  else
    /* Translators: a field's name, its value before and after a save. */
    g_string_append_printf (out, _("%s: %s → %s"), label, before, after);
}

char *
lia_history_describe (LiaStore  *store,
                      GType      record_type,
                      GPtrArray *changes,
                      guint      first,
                      guint      n)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (changes != NULL && first + n <= changes->len, NULL);

  for (guint i = first; i < first + n; i++)
    describe_change (out, store, record_type, changes->pdata[i]);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* "amina · Today, 14:05", in local time. */
static char *
format_who_when (const char *author,
                 GDateTime  *at)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (at);
  g_autofree char *day = lia_ui_format_day (local);
  g_autofree char *time = lia_ui_format_time (local);

  if (author == NULL)
    /* Translators: who changed a record, when the database does not say; then the day and time. */
    return g_strdup_printf (_("Another program · %s, %s"), day, time);
  /* Translators: who changed a record, the day and the time. */
  return g_strdup_printf (_("%s · %s, %s"), author, day, time);
}

guint
lia_history_add_save_rows (GtkWidget *list,
                           LiaStore  *store,
                           GType      record_type,
                           GPtrArray *changes,
                           guint      max_saves,
                           gboolean  *out_more)
{
  guint n_saves = 0;
  guint i = 0;

  while (i < changes->len && n_saves < max_saves)
    {
      const LiaFieldChange *first = changes->pdata[i];
      g_autofree char *what = NULL;
      g_autofree char *who_when = NULL;
      guint n = 1;

      while (i + n < changes->len
             && g_date_time_equal (((LiaFieldChange *) changes->pdata[i + n])->changed_at, first->changed_at))
        n++;

      what = lia_history_describe (store, record_type, changes, i, n);
      i += n;
      n_saves++;
      /* A save that changed only derived values (a commitment no longer overdue). */
      if (what[0] == '\0')
        continue;
      who_when = format_who_when (first->author, first->changed_at);
      if (ADW_IS_PREFERENCES_GROUP (list))
        lia_ui_group_add (list, lia_ui_property_row_new (who_when, what));
      else
        gtk_list_box_append (GTK_LIST_BOX (list), lia_ui_property_row_new (who_when, what));
    }

  *out_more = i < changes->len;
  return n_saves;
}

GtkWidget *
lia_history_created_row_new (LiaStore   *store,
                             LiaRecord  *record,
                             GError    **error)
{
  g_autofree char *author = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *subtitle = NULL;
  GDateTime *at;

  if (!lia_store_get_record_creation (store, lia_record_get_kind (record), lia_record_get_id (record),
                                      &author, &when, error))
    return NULL;

  at = when != NULL ? when : lia_record_get_created_at (record);
  if (at == NULL)
    return NULL;
  if (author != NULL)
    subtitle = format_who_when (author, at);
  else
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (at);
      g_autofree char *day = lia_ui_format_day (local);
      g_autofree char *time = lia_ui_format_time (local);

      subtitle = g_strdup_printf ("%s, %s", day, time);
    }

  return lia_ui_property_row_new (subtitle, _("Created"));
}

gboolean
lia_history_add_group (LiaStore   *store,
                       GtkWidget  *content,
                       LiaRecord  *record,
                       GError    **error)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) local_error = NULL;
  GtkWidget *group, *created;
  gboolean more;
  guint n_saves;

  g_return_val_if_fail (LIA_IS_STORE (store), FALSE);
  g_return_val_if_fail (GTK_IS_BOX (content), FALSE);
  g_return_val_if_fail (LIA_IS_RECORD (record), FALSE);

  /* One more than shown, to know whether there are more: the page never reads them all. */
  changes = lia_store_list_recent_field_history (store, lia_record_get_kind (record), lia_record_get_id (record),
                                                 0, LIA_HISTORY_RECENT_SAVES + 1, error);
  if (changes == NULL)
    return FALSE;
  created = lia_history_created_row_new (store, record, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  group = lia_ui_group_new (content, _("History"), NULL);
  gtk_widget_add_css_class (group, "history");
  n_saves = lia_history_add_save_rows (group, store, G_OBJECT_TYPE (record), changes, LIA_HISTORY_RECENT_SAVES, &more);
  if (more)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Show All Changes"));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      /* LiaDetail's action: the window for the record the page shows. */
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "detail.show-history");
      lia_ui_group_add (group, row);
    }
  if (n_saves == 0 && created == NULL)
    lia_ui_group_add (group, lia_ui_placeholder_row_new (_("No changes recorded"),
                                                        _("Changes saved from now on are listed here")));
  if (created != NULL)
    lia_ui_group_add (group, created);

  return TRUE;
}
