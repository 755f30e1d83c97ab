/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <libpq-fe.h>

#include "lia-file-names.h"

#include "lia-store.h"

/* NAME_MAX is 255 bytes; this leaves room for the extension and a " (2)" the file chooser
 * or the user may add. */
#define MAX_NAME_BYTES 200

char *
lia_file_name_make_safe (const char *name,
                         const char *fallback)
{
  g_autoptr(GString) safe = g_string_new (NULL);
  gboolean space = FALSE;
  const char *end;

  g_return_val_if_fail (fallback != NULL, NULL);

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return g_strdup (fallback);

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        {
          space = TRUE;
          continue;
        }
      if (space && safe->len > 0)
        g_string_append_c (safe, ' ');
      space = FALSE;
      if (c < 0x80 && strchr ("/\\:*?\"<>|", (int) c) != NULL)
        g_string_append_c (safe, '-');
      else
        g_string_append_unichar (safe, c);
    }

  /* Cut on a character boundary, then drop what a file name must not end with. */
  if (safe->len > MAX_NAME_BYTES)
    {
      end = g_utf8_find_prev_char (safe->str, safe->str + MAX_NAME_BYTES + 1);
      g_string_truncate (safe, end - safe->str);
    }
  while (safe->len > 0 && (safe->str[safe->len - 1] == '.' || safe->str[safe->len - 1] == ' '))
    g_string_truncate (safe, safe->len - 1);
  while (safe->len > 0 && (safe->str[0] == '.' || safe->str[0] == ' '))
    g_string_erase (safe, 0, 1);

  if (safe->len == 0)
    return g_strdup (fallback);

  return g_string_free (g_steal_pointer (&safe), FALSE);
}

char *
lia_file_name_for_briefing (const char  *record_name,
                            const GDate *date)
{
  g_autofree char *iso = NULL;
  g_autofree char *name = NULL;
  g_autofree char *safe = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  /* The record's name first, so that it survives the cut to a file name's length. */
  safe = lia_file_name_make_safe (record_name, _("Untitled"));
  iso = lia_date_to_iso (date);
  /* Translators: the file name Print to File suggests for a briefing, without ".pdf": the
   * first %s is the record's name ("Ministry of Health"), the second the date, as 2026-12-04. */
  name = g_strdup_printf (_("%s – briefing %s"), safe, iso);
  return lia_file_name_make_safe (name, iso);
}

/* A team server's database name (libpq's default: the user's), never the rest of the
 * connection string, which may hold a password. */
static char *
server_database_name (const char *location)
{
  PQconninfoOption *options = PQconninfoParse (location, NULL);
  const char *dbname = NULL, *user = NULL;
  char *name;

  if (options == NULL)
    return NULL;
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    if (o->val != NULL && o->val[0] != '\0')
      {
        if (strcmp (o->keyword, "dbname") == 0)
          dbname = o->val;
        else if (strcmp (o->keyword, "user") == 0)
          user = o->val;
      }
  name = g_strdup (dbname != NULL ? dbname : user);
  PQconninfoFree (options);
  return name;
}

char *
lia_file_name_for_directory (const char *office,
                             const char *database_path)
{
  g_autofree char *base = NULL;
  g_autofree char *safe = NULL;

  if (office != NULL && *office != '\0')
    base = g_strdup (office);
  else if (database_path != NULL && lia_store_location_is_server (database_path))
    base = server_database_name (database_path);
  else if (database_path != NULL)
    {
      g_autofree char *file = g_path_get_basename (database_path);
      char *dot = strrchr (file, '.');

      if (dot != NULL && dot != file)
        *dot = '\0';
      base = g_steal_pointer (&file);
    }

  /* Translators: the name Export suggests when neither the office nor the database has one;
   * ".partners.xml" is added to it. */
  safe = lia_file_name_make_safe (base, _("Partner directory"));
  return g_strconcat (safe, ".partners.xml", NULL);
}
