/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-model"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "lia-iso-codes.h"

/* One table of iso-codes: upper-case (countries) or lower-case (languages) codes → English
 * names, which are also the msgids of the package's translations. */
typedef struct
{
  const char *file;    /* in ISO_CODES_JSONDIR */
  const char *domain;  /* its gettext domain */
  gboolean    upper;   /* codes are upper case */
  GHashTable *names;   /* code → English name; empty when the file could not be read */
} IsoTable;

static IsoTable countries = { "iso_3166-1.json", "iso_3166-1", TRUE, NULL };
static IsoTable languages_2 = { "iso_639-2.json", "iso_639-2", FALSE, NULL };
static IsoTable languages_3 = { "iso_639-3.json", "iso_639-3", FALSE, NULL };

G_LOCK_DEFINE_STATIC (tables);

/* Reads one JSON string at *p (just after its opening quote) into @out; iso-codes writes
 * plain UTF-8, but escapes are understood all the same. */
static const char *
read_string (const char *p,
             GString    *out)
{
  g_string_truncate (out, 0);

  while (*p != '\0' && *p != '"')
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          switch (*p)
            {
            case 'n': g_string_append_c (out, '\n'); break;
            case 't': g_string_append_c (out, '\t'); break;
            case 'u':
              if (g_ascii_isxdigit (p[1]) && g_ascii_isxdigit (p[2]) &&
                  g_ascii_isxdigit (p[3]) && g_ascii_isxdigit (p[4]))
                {
                  char hex[5] = { p[1], p[2], p[3], p[4], '\0' };

                  g_string_append_unichar (out, (gunichar) g_ascii_strtoull (hex, NULL, 16));
                  p += 4;
                }
              break;
            default: g_string_append_c (out, *p); break;
            }
          p++;
        }
      else
        {
          g_string_append_c (out, *p++);
        }
    }

  return *p == '"' ? p + 1 : p;
}

static void
add_entry (IsoTable   *table,
           const char *alpha_2,
           const char *alpha_3,
           const char *name)
{
  if (name == NULL)
    return;

  /* Both codes find the same name; a two-letter code, when there is one, is what records
   * usually hold. */
  if (alpha_2 != NULL)
    g_hash_table_insert (table->names, g_strdup (alpha_2), g_strdup (name));
  if (alpha_3 != NULL && !g_hash_table_contains (table->names, alpha_3))
    g_hash_table_insert (table->names, g_strdup (alpha_3), g_strdup (name));
}

/* The files are an object holding one array of flat objects of strings: reading the pairs
 * of each object is all it takes, with no JSON library. */
static void
parse_table (IsoTable   *table,
             const char *text)
{
  g_autoptr(GString) key = g_string_new (NULL);
  g_autoptr(GString) value = g_string_new (NULL);
  g_autofree char *alpha_2 = NULL, *alpha_3 = NULL, *name = NULL, *common_name = NULL;
  int depth = 0;

  for (const char *p = text; *p != '\0';)
    {
      if (*p == '{')
        {
          depth++;
          p++;
        }
      else if (*p == '}')
        {
          if (depth == 2)
            {
              /* "Bolivia" rather than "Bolivia, Plurinational State of", as GNOME shows. */
              add_entry (table, alpha_2, alpha_3, common_name != NULL ? common_name : name);
              g_clear_pointer (&alpha_2, g_free);
              g_clear_pointer (&alpha_3, g_free);
              g_clear_pointer (&name, g_free);
              g_clear_pointer (&common_name, g_free);
            }
          depth--;
          p++;
        }
      else if (*p == '"' && depth == 2)
        {
          p = read_string (p + 1, key);
          while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == ':')
            p++;
          if (*p != '"')
            continue;
          p = read_string (p + 1, value);

          if (strcmp (key->str, "alpha_2") == 0)
            {
              g_free (alpha_2);
              alpha_2 = table->upper ? g_ascii_strup (value->str, -1) : g_ascii_strdown (value->str, -1);
            }
          else if (strcmp (key->str, "alpha_3") == 0)
            {
              g_free (alpha_3);
              alpha_3 = table->upper ? g_ascii_strup (value->str, -1) : g_ascii_strdown (value->str, -1);
            }
          else if (strcmp (key->str, "name") == 0)
            {
              g_free (name);
              name = g_strdup (value->str);
            }
          else if (strcmp (key->str, "common_name") == 0)
            {
              g_free (common_name);
              common_name = g_strdup (value->str);
            }
        }
      else if (*p == '"')
        {
          p = read_string (p + 1, key);
        }
      else
        {
          p++;
        }
    }
}

/* The table, read on first use. Called with the lock held. */
static GHashTable *
ensure_table (IsoTable *table)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (table->names != NULL)
    return table->names;

  table->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  path = g_build_filename (ISO_CODES_JSONDIR, table->file, NULL);
  if (!g_file_get_contents (path, &text, NULL, &error))
    {
      /* Codes are still shown, just not as names: worth a line in the log, not more. */
      g_debug ("No names for ISO codes: %s", error->message);
      return table->names;
    }
  parse_table (table, text);

  bindtextdomain (table->domain, ISO_CODES_LOCALEDIR);
  bind_textdomain_codeset (table->domain, "UTF-8");

  return table->names;
}

/* The English name of @code in @table, or %NULL. */
static const char *
lookup (IsoTable   *table,
        const char *code)
{
  g_autofree char *key = table->upper ? g_ascii_strup (code, -1) : g_ascii_strdown (code, -1);
  const char *english;

  G_LOCK (tables);
  /* Entries are never removed: the string stays valid after the lock. */
  english = g_hash_table_lookup (ensure_table (table), key);
  G_UNLOCK (tables);

  return english;
}

/* @english in the user's language. Some names are several ("Romanian; Moldavian; Moldovan"):
 * the first is the usual one, in English and in the translations alike. */
static char *
translate (IsoTable   *table,
           const char *english)
{
  const char *translated = g_dgettext (table->domain, english);
  const char *semicolon = strchr (translated, ';');

  return semicolon != NULL ? g_strstrip (g_strndup (translated, semicolon - translated))
                           : g_strdup (translated);
}

static char *
dup_name (IsoTable   *table,
          const char *code)
{
  const char *english = lookup (table, code);

  return english != NULL ? translate (table, english) : NULL;
}

/* ISO 639-3 has the plainer names ("Spanish", not "Spanish; Castilian", which French
 * translates as "castillan"), except for macrolanguages ("Swahili (macrolanguage)"), where
 * ISO 639-2 says just "Swahili". */
static char *
dup_language (const char *code)
{
  const char *english = lookup (&languages_3, code);

  if (english == NULL || g_str_has_suffix (english, "(macrolanguage)"))
    {
      const char *plain = lookup (&languages_2, code);

      if (plain != NULL)
        return translate (&languages_2, plain);
    }

  return english != NULL ? translate (&languages_3, english) : NULL;
}

char *
lia_iso_dup_country_name (const char *code)
{
  g_autofree char *trimmed = NULL;
  char *name;

  if (code == NULL)
    return NULL;

  trimmed = g_strstrip (g_strdup (code));
  name = dup_name (&countries, trimmed);

  return name != NULL ? name : g_steal_pointer (&trimmed);
}

char *
lia_iso_dup_language_name (const char *tag)
{
  g_autofree char *trimmed = NULL;
  g_auto(GStrv) subtags = NULL;
  g_autofree char *language = NULL;
  g_autofree char *region = NULL;

  if (tag == NULL)
    return NULL;

  trimmed = g_strstrip (g_strdup (tag));
  /* BCP 47: a language, then perhaps a script (four letters) and a region (two letters or
   * three digits); "fr_CA" as POSIX locales write it is understood too. */
  subtags = g_strsplit_set (trimmed, "-_", -1);
  if (subtags[0] == NULL || subtags[0][0] == '\0')
    return g_steal_pointer (&trimmed);

  language = dup_language (subtags[0]);
  if (language == NULL)
    return g_steal_pointer (&trimmed);

  for (guint i = 1; subtags[i] != NULL && region == NULL; i++)
    if (strlen (subtags[i]) == 2 && g_ascii_isalpha (subtags[i][0]) && g_ascii_isalpha (subtags[i][1]))
      region = dup_name (&countries, subtags[i]);

  if (region != NULL)
    /* Translators: a language spoken in a country, as in "Portuguese (Brazil)". */
    return g_strdup_printf (_("%s (%s)"), language, region);

  return g_steal_pointer (&language);
}

char *
lia_iso_dup_language_list (const char * const *tags)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_autofree char *name = lia_iso_dup_language_name (tags[i]);

      if (name == NULL || name[0] == '\0')
        continue;
      if (text->len > 0)
        /* Translators: between the names in a list, as in "Swahili, English". */
        g_string_append (text, _(", "));
      g_string_append (text, name);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
