/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-exchange"

#include "config.h"

#include <csv.h>
#include <glib/gi18n.h>
#include <string.h>

#include "lia-csv-private.h"

/*
 * Splitting CSV into rows with libcsv, and writing CSV fields. libcsv reads quoted fields
 * with separators, quotes and line breaks in them as RFC 4180 says, and forgives what real
 * files do wrong (a stray quote inside an unquoted field). It does not count lines: the text
 * is handed to it one line at a time, so that each row knows the line it starts on.
 */

/* libcsv's parser states (libcsv.c): between rows, and inside a field. */
#define CSV_STATE_ROW_NOT_BEGUN 0
#define CSV_STATE_FIELD_BEGUN   2

/* Writing */

void
lia_csv_append_field (GString    *row,
                      const char *text,
                      gboolean    last)
{
  g_return_if_fail (row != NULL);

  if (text == NULL)
    text = "";

  if (strpbrk (text, ",\"\r\n") != NULL)
    {
      g_string_append_c (row, '"');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (row, '"');
          g_string_append_c (row, *p);
        }
      g_string_append_c (row, '"');
    }
  else
    g_string_append (row, text);

  g_string_append (row, last ? "\r\n" : ",");
}

/* Reading */

void
_lia_csv_row_free (CsvRow *row)
{
  if (row == NULL)
    return;
  g_strfreev (row->cells);
  g_free (row);
}

typedef struct
{
  GPtrArray *rows;
  GPtrArray *cells;
  guint      line;      /* the line being handed to libcsv */
  guint      row_line;  /* the line the current row starts on */
} Split;

static void
field_cb (void   *text,
          size_t  length,
          void   *user_data)
{
  Split *split = user_data;

  g_ptr_array_add (split->cells, text != NULL ? g_strndup (text, length) : g_strdup (""));
}

static void
row_cb (int   terminator,
        void *user_data)
{
  Split *split = user_data;
  CsvRow *row = g_new0 (CsvRow, 1);

  row->line = split->row_line;
  row->n_cells = split->cells->len;
  g_ptr_array_add (split->cells, NULL);
  row->cells = (char **) g_ptr_array_free (split->cells, FALSE);
  split->cells = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (split->rows, row);

  /* A bare CR ends a row in the middle of a line. */
  split->row_line = split->line;
}

static int
is_space (unsigned char c)
{
  /* Not a tab: it may be the separator, and a tab inside a field is the field's. */
  return c == ' ';
}

/* The first character that text never holds, or %NULL. */
static const char *
find_control (const char *line,
              gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar) line[i];

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7f)
        return line + i;
    }
  return NULL;
}

GPtrArray *
_lia_csv_split (const char  *text,
                gsize        length,
                char         separator,
                guint        max_rows,
                guint       *out_line,
                guint       *out_column,
                GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) _lia_csv_row_free);
  struct csv_parser parser;
  /* The cells of a row that is not over yet (the file stops, or @max_rows were read). */
  Split split = { rows, g_ptr_array_new_with_free_func (g_free), 1, 1 };
  const char *p = text;
  const char *end = text + length;
  gboolean ok = TRUE;

  g_assert (text != NULL);
  *out_line = *out_column = 0;

  if (csv_init (&parser, CSV_APPEND_NULL) != 0)
    g_error ("libcsv could not start");
  csv_set_delim (&parser, (unsigned char) separator);
  csv_set_space_func (&parser, is_space);

  while (p < end && (max_rows == 0 || rows->len < max_rows))
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl != NULL ? nl + 1 : end;
      const char *control = find_control (p, line_end - p);

      if (control != NULL)
        {
          *out_line = split.line;
          *out_column = (guint) g_utf8_strlen (p, control - p) + 1;
          g_set_error (error, LIA_EXCHANGE_ERROR, LIA_EXCHANGE_ERROR_INVALID,
                       _("A control character (byte 0x%02x) that text never holds: this is binary data, not a CSV file, or the file is damaged."),
                       (guchar) *control);
          ok = FALSE;
          break;
        }

      if (parser.pstate == CSV_STATE_ROW_NOT_BEGUN)
        split.row_line = split.line;
      if (csv_parse (&parser, p, line_end - p, field_cb, row_cb, &split) != (size_t) (line_end - p))
        {
          *out_line = split.row_line;
          g_set_error (error, LIA_EXCHANGE_ERROR, LIA_EXCHANGE_ERROR_INVALID,
                       _("The row cannot be read: %s."), csv_strerror (csv_error (&parser)));
          ok = FALSE;
          break;
        }

      p = line_end;
      if (nl != NULL)
        split.line++;
    }

  if (ok && p >= end && parser.pstate == CSV_STATE_FIELD_BEGUN && parser.quoted)
    {
      *out_line = split.row_line;
      g_set_error (error, LIA_EXCHANGE_ERROR, LIA_EXCHANGE_ERROR_INVALID,
                   _("A quoted field in the row that starts here never ends: a closing quote (\") is missing, or the file was cut off."));
      ok = FALSE;
    }

  if (ok && (max_rows == 0 || rows->len < max_rows))
    csv_fini (&parser, field_cb, row_cb, &split);
  csv_free (&parser);
  g_ptr_array_free (split.cells, TRUE);

  if (!ok)
    return NULL;
  if (max_rows > 0 && rows->len > max_rows)
    g_ptr_array_set_size (rows, max_rows);
  return g_steal_pointer (&rows);
}

char
_lia_csv_sniff_separator (const char *text,
                          gsize       length)
{
  const char *end = text + length;
  gboolean quoted = FALSE;
  guint commas = 0, semicolons = 0, tabs = 0;

  for (const char *p = text; p < end; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == ',')
        commas++;
      else if (*p == ';')
        semicolons++;
      else if (*p == '\t')
        tabs++;
      else if (*p == '\n' && commas + semicolons + tabs > 0)
        break;
    }

  if (semicolons > commas && semicolons >= tabs)
    return ';';
  if (tabs > commas && tabs > semicolons)
    return '\t';
  return ',';
}

/* UTF-16 without a BOM: every other byte of ASCII text is zero. */
static const char *
guess_utf16 (const char *data,
             gsize       length)
{
  guint even = 0, odd = 0;
  gsize n = MIN (length, 256) & ~(gsize) 1;

  for (gsize i = 0; i < n; i += 2)
    {
      even += data[i] == '\0';
      odd += data[i + 1] == '\0';
    }
  if (n >= 8 && odd >= n / 2 * 3 / 4 && even == 0)
    return "UTF-16LE";
  if (n >= 8 && even >= n / 2 * 3 / 4 && odd == 0)
    return "UTF-16BE";
  return NULL;
}

char *
_lia_csv_head_text (const char *data,
                    gsize       length)
{
  const char *charset = NULL;
  const char *valid_end;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    data += 3, length -= 3;
  else if (length >= 2 && memcmp (data, "\xff\xfe", 2) == 0)
    data += 2, length -= 2, charset = "UTF-16LE";
  else if (length >= 2 && memcmp (data, "\xfe\xff", 2) == 0)
    data += 2, length -= 2, charset = "UTF-16BE";
  else
    charset = guess_utf16 (data, length);

  if (charset != NULL)
    return g_convert (data, length & ~(gsize) 1, "UTF-8", charset, NULL, NULL, NULL);

  /* A character may be cut at the end of the head; legacy charsets keep their ASCII. */
  g_utf8_validate_len (data, length, &valid_end);
  if (length - (valid_end - data) < 4)
    return g_strndup (data, valid_end - data);
  return g_convert_with_fallback (data, length, "UTF-8", "WINDOWS-1252", "?", NULL, NULL, NULL);
}
