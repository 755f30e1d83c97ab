/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-charset.h"
#include "lia-ics-private.h"

/*
 * The first pass over a calendar file, before libical. libical reads anything: what it cannot
 * make sense of, it keeps as X-LIC-ERROR properties and goes on, and it knows no line numbers.
 * So this pass reads the bytes into UTF-8 (lia-charset.c guesses legacy charsets), checks the
 * structure libical would silently repair (objects that never end, lines that are not
 * properties, binary data), fails the file at the line where it breaks, and notes where each
 * calendar and each of its objects starts.
 */

/* Calendars are small; a file larger than this is not one a person sends. */
#define MAX_FILE_SIZE (64 * 1024 * 1024)

static void
block_clear (gpointer data)
{
  LiaIcsBlock *block = data;

  g_clear_pointer (&block->components, g_array_unref);
}

/* Sniffing */

static const char *
skip_bom_and_blanks (const char *p,
                     const char *end)
{
  if (end - p >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;
  return p;
}

gboolean
_lia_ics_sniff (const LiaImportHead *head)
{
  static const char begin[] = "BEGIN:VCALENDAR";
  const char *end = head->data + head->length;
  const char *p;

  /* UTF-16 (with its mark): every other byte of the ASCII keyword is NUL. */
  if (head->length >= 2 * sizeof begin &&
      ((guchar) head->data[0] == 0xFF || (guchar) head->data[0] == 0xFE))
    {
      gboolean le = (guchar) head->data[0] == 0xFF;

      for (guint i = 0; i < sizeof begin - 1; i++)
        {
          const char *unit = head->data + 2 + 2 * i;
          if (g_ascii_toupper (unit[le ? 0 : 1]) != begin[i] || unit[le ? 1 : 0] != '\0')
            return FALSE;
        }
      return TRUE;
    }

  p = skip_bom_and_blanks (head->data, end);
  return (gsize) (end - p) >= sizeof begin - 1 &&
         g_ascii_strncasecmp (p, begin, sizeof begin - 1) == 0;
}

/* The first pass: structure, with line numbers */

void
_lia_ics_fail_at (LiaIcsText *ics,
                  guint       line,
                  guint       column,
                  const char *message)
{
  _lia_import_xml_problem (ics->import, line, column, message);
  ics->import->stopped = TRUE;
}

/* Where the property name of the content line @line ends: at its first ';' or ':'. FALSE when
 * it does not have the form NAME[;PARAM…]:VALUE. */
static gboolean
split_content_line (const char  *line,
                    char       **out_name,
                    const char **out_value)
{
  const char *p = line;
  gboolean quoted = FALSE;

  while (g_ascii_isalnum (*p) || *p == '-')
    p++;
  if (p == line || (*p != ';' && *p != ':'))
    return FALSE;
  *out_name = g_ascii_strup (line, p - line);

  for (; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (*p == ':' && !quoted)
        {
          *out_value = p + 1;
          return TRUE;
        }
    }

  g_clear_pointer (out_name, g_free);
  return FALSE;
}

typedef struct
{
  char  *name;
  guint  line;
} Open;

static void
open_clear (gpointer data)
{
  g_free (((Open *) data)->name);
}

static gboolean
check_structure (LiaIcsText *ics)
{
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (Open));
  g_autoptr(GString) logical = g_string_new (NULL);
  const char *text = ics->text;
  gsize length = strlen (text);
  gsize pos = 0;
  guint line_no = 0;
  LiaIcsBlock *block = NULL;

  g_array_set_clear_func (open, open_clear);

  while (pos < length && !ics->import->stopped)
    {
      gsize line_start = pos;
      guint first_line;
      g_autofree char *name = NULL;
      const char *value = NULL;

      /* One logical line: a physical line and the ones folded under it. */
      g_string_truncate (logical, 0);
      first_line = line_no + 1;
      do
        {
          gsize eol = pos;
          gsize content_end;

          while (eol < length && text[eol] != '\n' && text[eol] != '\r')
            eol++;
          content_end = eol;
          /* CR LF, CR CR LF (a CR LF file once more converted), a bare LF or CR. */
          while (eol < length && text[eol] == '\r')
            eol++;
          if (eol < length && text[eol] == '\n')
            eol++;
          line_no++;

          if (logical->len > 0 || pos == line_start)
            g_string_append_len (logical, text + pos + (pos == line_start ? 0 : 1),
                                 content_end - pos - (pos == line_start ? 0 : 1));
          pos = eol;
        }
      while (pos < length && (text[pos] == ' ' || text[pos] == '\t'));

      if (logical->len == 0 || g_strstrip (logical->str)[0] == '\0')
        continue;

      if (!split_content_line (logical->str, &name, &value) && open->len == 0)
        {
          /* A mail's signature after the calendar, a note before it: not the calendar. */
          g_autofree char *shown = g_utf8_substring (logical->str, 0, MIN (g_utf8_strlen (logical->str, -1), 40));
          _lia_import_warning (ics->import, first_line, 1,
                               _("“%s” is outside of any calendar: skipped."), shown);
          continue;
        }
      if (name == NULL)
        {
          g_autofree char *shown = g_utf8_substring (logical->str, 0, MIN (g_utf8_strlen (logical->str, -1), 40));
          g_autofree char *message =
            g_strdup_printf (_("“%s” is not a line of a calendar, which has a name, a colon and a value (NAME:value); a line that continues the one before starts with a space."),
                             shown);
          _lia_ics_fail_at (ics, first_line, 1, message);
          return FALSE;
        }

      if (g_str_equal (name, "BEGIN"))
        {
          Open o = { g_ascii_strup (value, -1), first_line };

          g_strstrip (o.name);
          if (open->len == 0 && !g_str_equal (o.name, "VCALENDAR"))
            {
              g_autofree char *message =
                g_strdup_printf (_("BEGIN:%s is outside of any calendar: a calendar file holds objects between BEGIN:VCALENDAR and END:VCALENDAR."),
                                 o.name);
              g_free (o.name);
              _lia_ics_fail_at (ics, first_line, 1, message);
              return FALSE;
            }
          if (open->len == 0)
            {
              LiaIcsBlock b = { line_start, 0, first_line, g_array_new (FALSE, FALSE, sizeof (guint)) };
              g_array_append_val (ics->blocks, b);
              block = &g_array_index (ics->blocks, LiaIcsBlock, ics->blocks->len - 1);
            }
          else if (open->len == 1)
            g_array_append_val (block->components, first_line);
          g_array_append_val (open, o);
          if (open->len > 32)
            {
              _lia_ics_fail_at (ics, first_line, 1, _("Objects are nested more than 32 deep: this is not a calendar."));
              return FALSE;
            }
        }
      else if (g_str_equal (name, "END"))
        {
          g_autofree char *what = g_strstrip (g_ascii_strup (value, -1));
          Open *top = open->len > 0 ? &g_array_index (open, Open, open->len - 1) : NULL;

          if (top == NULL || !g_str_equal (top->name, what))
            {
              g_autofree char *message = top == NULL
                ? g_strdup_printf (_("END:%s ends nothing: no BEGIN:%s is open here."), what, what)
                : g_strdup_printf (_("END:%s, but the object open here is %s (BEGIN:%s at line %u)."),
                                   what, top->name, top->name, top->line);
              _lia_ics_fail_at (ics, first_line, 1, message);
              return FALSE;
            }
          g_array_set_size (open, open->len - 1);
          if (open->len == 0)
            block->end = pos;
        }
      else if (open->len == 0)
        {
          _lia_import_warning (ics->import, first_line, 1,
                               _("“%s” is outside of any calendar: skipped."), name);
        }
    }

  if (open->len > 0)
    {
      Open *top = &g_array_index (open, Open, open->len - 1);
      g_autofree char *message =
        g_strdup_printf (_("BEGIN:%s is never ended: the file stops before END:%s, so it was probably cut off."),
                         top->name, top->name);

      _lia_ics_fail_at (ics, top->line, 1, message);
      return FALSE;
    }

  if (ics->blocks->len == 0)
    {
      _lia_ics_fail_at (ics, 1, 1, _("The file has no calendar (BEGIN:VCALENDAR … END:VCALENDAR)."));
      return FALSE;
    }

  return TRUE;
}

/* Binary data is no calendar; a control character other than a tab or a line end marks it. */
static gboolean
check_text (LiaIcsText *ics)
{
  guint line = 1;
  const char *line_start = ics->text;

  for (const char *p = ics->text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '\n')
        {
          line++;
          line_start = p + 1;
        }
      else if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7F)
        {
          _lia_ics_fail_at (ics, line, (guint) g_utf8_strlen (line_start, p - line_start) + 1,
                   _("The file has binary data here (a control character): it is not a calendar, or it is damaged."));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
read_text (LiaIcsText *ics)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *charset = NULL;
  GError *error = NULL;
  guint8 buffer[16384];
  gssize n;

  while ((n = g_input_stream_read (ics->import->stream, buffer, sizeof buffer,
                                   ics->import->cancellable, &error)) > 0)
    {
      g_byte_array_append (bytes, buffer, (guint) n);
      if (bytes->len > MAX_FILE_SIZE)
        {
          _lia_ics_fail_at (ics, 0, 0, _("The file is larger than 64 MB, which no calendar of meetings is."));
          return FALSE;
        }
    }
  if (n < 0)
    {
      _lia_import_fail (ics->import, error);
      return FALSE;
    }

  ics->text = _lia_charset_to_utf8 ((const char *) bytes->data, bytes->len, NULL, &charset, &error);
  if (ics->text == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The text cannot be read in any charset: %s."), error->message);
      g_error_free (error);
      _lia_ics_fail_at (ics, 1, 1, message);
      return FALSE;
    }

  if (charset != NULL && g_ascii_strncasecmp (charset, "UTF-16", 6) != 0 &&
      g_ascii_strncasecmp (charset, "UTF-32", 6) != 0)
    {
      const guint8 *nul = memchr (bytes->data, '\0', bytes->len);

      /* A NUL outside UTF-16 is binary data: say where, in the bytes of the file. */
      if (nul != NULL)
        {
          guint line = 1;
          const guint8 *line_start = bytes->data;

          for (const guint8 *p = bytes->data; p < nul; p++)
            if (*p == '\n')
              {
                line++;
                line_start = p + 1;
              }
          _lia_ics_fail_at (ics, line, (guint) (nul - line_start) + 1,
                   _("The file has binary data here (a NUL byte): it is not a calendar, or it is damaged."));
          return FALSE;
        }

      if (g_ascii_strcasecmp (charset, "UTF-8") != 0)
        _lia_import_warning (ics->import, 1, 1,
                             _("The file is not in UTF-8, as a calendar should be: it was read as %s."), charset);
    }

  return TRUE;
}


gboolean
_lia_ics_text_read (LiaIcsText *ics)
{
  g_assert (ics->text == NULL && ics->blocks == NULL);

  ics->blocks = g_array_new (FALSE, TRUE, sizeof (LiaIcsBlock));
  g_array_set_clear_func (ics->blocks, block_clear);

  return read_text (ics) && check_text (ics) && check_structure (ics);
}

void
_lia_ics_text_clear (LiaIcsText *ics)
{
  g_clear_pointer (&ics->text, g_free);
  g_clear_pointer (&ics->blocks, g_array_unref);
}
