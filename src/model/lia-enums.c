/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-model"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lia-enums.h"
#include "lia-model-private.h"
#include "lia-enum-types.h"

G_DEFINE_QUARK (lia-model-error-quark, lia_model_error)

/* How an enum is called in a message for people: "“teleport” is not a known interaction kind". */
static const struct {
  GType       (*get_type) (void);
  const char   *name;
} enum_names[] = {
  { lia_stance_get_type, N_("stance") },
  { lia_interaction_kind_get_type, N_("interaction kind") },
  { lia_commitment_direction_get_type, N_("commitment direction") },
  { lia_commitment_status_get_type, N_("commitment status") },
  { lia_concern_status_get_type, N_("concern status") },
  { lia_severity_get_type, N_("severity") },
  { lia_contact_point_kind_get_type, N_("contact point kind") },
  { lia_channel_get_type, N_("preferred channel") },
  { lia_record_kind_get_type, N_("record kind") },
  { lia_project_status_get_type, N_("project status") },
  { lia_milestone_status_get_type, N_("milestone status") },
  { lia_risk_status_get_type, N_("risk status") },
};

static const char *
enum_human_name (GType enum_type)
{
  for (guint i = 0; i < G_N_ELEMENTS (enum_names); i++)
    {
      if (enum_names[i].get_type () == enum_type)
        return _(enum_names[i].name);
    }

  return g_type_name (enum_type);
}

/* Returns the part of @text between leading and trailing white space, as a new string. */
static char *
dup_trimmed (const char *text)
{
  const char *start = text;
  const char *end;

  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  end = start;
  for (const char *p = start; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        end = g_utf8_next_char (p);
    }

  return g_strndup (start, end - start);
}

const char *
lia_enum_to_nick (GType enum_type,
                  int   value)
{
  GEnumClass *klass;
  GEnumValue *enum_value;
  const char *nick;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), NULL);

  /* The enums are static types: their class, and so the nicks, live as long as the program. */
  klass = g_type_class_ref (enum_type);
  enum_value = g_enum_get_value (klass, value);
  nick = enum_value != NULL ? enum_value->value_nick : NULL;
  g_type_class_unref (klass);

  return nick;
}

gboolean
lia_enum_from_nick (GType        enum_type,
                    const char  *nick,
                    int         *out_value,
                    GError     **error)
{
  g_autoptr(GEnumClass) klass = NULL;
  g_autoptr(GString) expected = NULL;
  GEnumValue *enum_value;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  klass = g_type_class_ref (enum_type);
  enum_value = nick != NULL ? g_enum_get_value_by_nick (klass, nick) : NULL;

  if (enum_value != NULL)
    {
      if (out_value != NULL)
        *out_value = enum_value->value;
      return TRUE;
    }

  expected = g_string_new (NULL);
  for (guint i = 0; i < klass->n_values; i++)
    {
      if (i > 0)
        g_string_append (expected, ", ");
      g_string_append (expected, klass->values[i].value_nick);
    }

  g_set_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
               /* Translators: the second %s is what is being named, e.g. "interaction kind" */
               _("“%s” is not a known %s (expected one of: %s)"),
               nick != NULL ? nick : "", enum_human_name (enum_type), expected->str);
  return FALSE;
}

GDate *
lia_date_parse_iso (const char  *text,
                    GError     **error)
{
  guint year, month, day;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    goto not_iso;

  for (guint i = 0; i < 10; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
        goto not_iso;
    }

  year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  month = (text[5] - '0') * 10 + (text[6] - '0');
  day = (text[8] - '0') * 10 + (text[9] - '0');

  if (!g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
                   _("“%s” is not a day of the calendar (expected a real date as YYYY-MM-DD)"),
                   text);
      return NULL;
    }

  return g_date_new_dmy (day, month, year);

not_iso:
  g_set_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID,
               _("“%s” is not a date in the form YYYY-MM-DD, such as 2026-01-05"),
               text != NULL ? text : "");
  return NULL;
}

char *
lia_date_to_iso (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

GDate *
lia_date_new_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_new_dmy (g_date_time_get_day_of_month (now),
                         g_date_time_get_month (now),
                         g_date_time_get_year (now));
}

gboolean
lia_date_equal (const GDate *a,
                const GDate *b)
{
  gboolean a_set = a != NULL && g_date_valid (a);
  gboolean b_set = b != NULL && g_date_valid (b);

  if (!a_set || !b_set)
    return a_set == b_set;

  return g_date_compare (a, b) == 0;
}

gboolean
lia_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

char **
lia_strv_tidy (const char * const *entries,
               gboolean            ignore_case)
{
  g_autoptr(GPtrArray) tidy = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; entries != NULL && entries[i] != NULL; i++)
    {
      g_autofree char *valid = g_utf8_make_valid (entries[i], -1);
      g_autofree char *entry = dup_trimmed (valid);
      char *key;

      if (*entry == '\0')
        continue;

      key = ignore_case ? g_utf8_casefold (entry, -1) : g_strdup (entry);
      if (!g_hash_table_add (seen, key))
        continue;

      g_ptr_array_add (tidy, g_steal_pointer (&entry));
    }

  g_ptr_array_add (tidy, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&tidy), FALSE);
}

gboolean
_lia_replace_text (char       **field,
                   const char  *value)
{
  if (value == NULL)
    value = "";

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

gboolean
_lia_replace_tags (char              ***field,
                   const char * const  *tags)
{
  g_auto(GStrv) tidy = lia_strv_tidy (tags, TRUE);

  if (*field != NULL && g_strv_equal ((const char * const *) tidy, (const char * const *) *field))
    return FALSE;

  g_strfreev (*field);
  *field = g_steal_pointer (&tidy);
  return TRUE;
}

gboolean
_lia_replace_date (GDate       **field,
                   const GDate  *value)
{
  if (lia_date_equal (*field, value))
    return FALSE;

  g_clear_pointer (field, g_date_free);
  if (value != NULL && g_date_valid (value))
    *field = g_date_copy (value);
  return TRUE;
}
