/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lia-cli-private.h"

/* What the listing commands share: their options (--format, a day, a list of statuses) and
 * their output (an aligned table, or CSV). */

gboolean
_lia_cli_parse_output (const LiaCliCommand *command,
                       const char          *name,
                       LiaCliOutput        *out_output,
                       int                 *out_status)
{
  if (name == NULL || g_str_equal (name, "text"))
    *out_output = LIA_CLI_OUTPUT_TEXT;
  else if (g_str_equal (name, "csv"))
    *out_output = LIA_CLI_OUTPUT_CSV;
  else
    {
      *out_status = _lia_cli_usage_error (command, _("“%s” is not an output format (expected text or csv)"),
                                          name);
      return FALSE;
    }

  return TRUE;
}

/* A date option: "YYYY-MM-DD". */
gboolean
_lia_cli_parse_day (const LiaCliCommand *command,
                    const char          *option,
                    const char          *text,
                    GDate              **out_day,
                    int                 *out_status)
{
  g_autoptr(GError) error = NULL;

  *out_day = lia_date_parse_iso (text, &error);
  if (*out_day == NULL)
    {
      *out_status = _lia_cli_usage_error (command, _("%s needs a date as YYYY-MM-DD, not “%s”"),
                                          option, text);
      return FALSE;
    }

  return TRUE;
}

/* A comma-separated list of an enum's stored names, as bits. */
gboolean
_lia_cli_parse_nicks (const LiaCliCommand *command,
                      const char          *option,
                      GType                enum_type,
                      const char          *text,
                      guint               *out_bits,
                      int                 *out_status)
{
  g_auto(GStrv) names = NULL;

  *out_bits = 0;
  if (text == NULL)
    return TRUE;

  names = g_strsplit (text, ",", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      int value;

      g_strstrip (names[i]);
      if (!lia_enum_from_nick (enum_type, names[i], &value, &error))
        {
          *out_status = _lia_cli_usage_error (command, "%s: %s", option, error->message);
          return FALSE;
        }
      *out_bits |= 1u << value;
    }

  return TRUE;
}

/* Prints @rows (GStrv of @n_columns cells each) under @headings, each column as wide as its
 * widest cell; the last column is not padded. */
void
_lia_cli_print_table (const char * const *headings,
                      guint               n_columns,
                      GPtrArray          *rows)
{
  g_autofree guint *widths = g_new0 (guint, n_columns);

  for (guint c = 0; c < n_columns; c++)
    widths[c] = _lia_cli_text_width (headings[c]);
  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = rows->pdata[r];

      for (guint c = 0; c < n_columns; c++)
        widths[c] = MAX (widths[c], _lia_cli_text_width (cells[c]));
    }

  for (guint r = 0; r <= rows->len; r++)
    {
      const char * const *cells = r == 0 ? headings : (const char * const *) rows->pdata[r - 1];
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; c < n_columns; c++)
        {
          if (c + 1 < n_columns)
            {
              g_autofree char *padded = _lia_cli_pad (cells[c], widths[c]);

              g_string_append_printf (line, "%s  ", padded);
            }
          else
            g_string_append (line, cells[c]);
        }
      g_print ("%s\n", line->str);
    }
}

