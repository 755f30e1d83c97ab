/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-charset.h"
#include "lia-vcard-private.h"

/*
 * From the bytes of a vCard file to clean text, one card at a time.
 *
 * Real files are not what the RFCs say: CR CR LF line ends (iOS), LF inside CRLF files, a
 * bare CR inside a value, folds that split a UTF-8 sequence, vCard 2.1's quoted-printable
 * with soft line breaks (which may be followed by a fold), base64 that continues on lines
 * without indentation, raw bytes in Shift_JIS or windows-1252 with or without a CHARSET, and
 * cards inside cards. All of that is undone here, on bytes, before EVCard sees the card as
 * UTF-8 vCard 3.0 text: then every property it parses is text it can parse.
 */

typedef struct
{
  const char *start;
  gsize       len;
  guint       number;
} Line;

typedef struct
{
  LiaImport  *import;
  const char *file_charset;  /* the guess for raw bytes without a CHARSET */
  GPtrArray  *cards;         /* LiaVCardText */
  GPtrArray  *open;          /* LiaVCardText being built, innermost last; text is a GString */
  GPtrArray  *builders;
} Split;

void
_lia_vcard_text_free (LiaVCardText *card)
{
  g_free (card->text);
  g_free (card->version);
  g_array_unref (card->lines);
  g_free (card);
}

/* Lines */

/* Splits on LF, CRLF and CR CR LF; a CR alone stays inside its line (Thunderbird writes them
 * into values), unless the file has no LF at all (classic Mac OS). */
static GArray *
split_lines (const char *data,
             gsize       len)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  gboolean cr_only = memchr (data, '\n', len) == NULL;
  gsize start = 0;
  guint number = 1;

  for (gsize i = 0; i <= len; i++)
    {
      gsize end = i;
      gsize next;

      if (i == len)
        {
          if (start == len)
            break;
          next = len;
        }
      else if (data[i] == '\n')
        {
          next = i + 1;
        }
      else if (data[i] == '\r')
        {
          gsize j = i;

          while (j < len && data[j] == '\r')
            j++;
          if (j < len && data[j] == '\n')
            next = j + 1;
          else if (cr_only)
            next = i + 1;
          else
            continue;
        }
      else
        {
          continue;
        }

      while (end > start && data[end - 1] == '\r')
        end--;
      g_array_append_val (lines, ((Line) { data + start, end - start, number++ }));
      start = next;
      i = next - 1;
    }

  return lines;
}

static gboolean
line_is (const Line *line,
         const char *word)
{
  gsize n = strlen (word);
  gsize len = line->len;

  while (len > 0 && (line->start[len - 1] == ' ' || line->start[len - 1] == '\t'))
    len--;
  return len == n && g_ascii_strncasecmp (line->start, word, n) == 0;
}

/* The part of @text before its value: up to the first ':' outside double quotes. */
static gssize
find_colon (const char *text,
            gsize       len)
{
  gboolean quoted = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == '"')
        quoted = !quoted;
      else if (text[i] == ':' && !quoted)
        return (gssize) i;
    }
  return -1;
}

static gboolean
head_has (const GString *line,
          const char    *word)
{
  gssize colon = find_colon (line->str, line->len);
  g_autofree char *head = NULL;
  g_autofree char *upper = NULL;

  if (colon < 0)
    return FALSE;
  head = g_strndup (line->str, (gsize) colon);
  upper = g_ascii_strup (head, -1);
  return strstr (upper, word) != NULL;
}

static gboolean
is_quoted_printable (const GString *line)
{
  return head_has (line, "QUOTED-PRINTABLE");
}

static gboolean
is_base64 (const GString *line)
{
  return head_has (line, "ENCODING=B") || head_has (line, ";BASE64");
}

/* Where binary data starts in @line (a control character no text has), or -1. */
static gssize
find_binary (const Line *line)
{
  for (gsize i = 0; i < line->len; i++)
    {
      guchar b = (guchar) line->start[i];

      /* Tabs, form feeds (Outlook's FBURL), escapes (ISO-2022-JP) and CRs are text. */
      if (b < 0x20 && b != '\t' && b != '\f' && b != 0x1B && b != '\r')
        return (gssize) i;
    }
  return -1;
}

/* Values */

static GByteArray *
decode_quoted_printable (const char *value,
                         gsize       len)
{
  GByteArray *bytes = g_byte_array_sized_new ((guint) len);

  for (gsize i = 0; i < len; i++)
    {
      guint8 b = (guint8) value[i];

      if (b == '=' && i + 2 < len && g_ascii_isxdigit (value[i + 1]) && g_ascii_isxdigit (value[i + 2]))
        {
          b = (guint8) (g_ascii_xdigit_value (value[i + 1]) * 16 + g_ascii_xdigit_value (value[i + 2]));
          i += 2;
        }
      else if (b == '=' && i + 1 == len)
        {
          /* A soft break just before the end of the card. */
          continue;
        }
      g_byte_array_append (bytes, &b, 1);
    }

  return bytes;
}

/* @bytes as UTF-8: in @charset when the card says, else UTF-8 when they are, else the file's
 * guess, else a guess from these bytes alone. */
static char *
to_utf8 (Split      *split,
         guint       line,
         const char *bytes,
         gsize       len,
         const char *charset)
{
  g_autoptr(GError) error = NULL;
  char *text;

  /* An empty quoted-printable value has no bytes at all (NULL). */
  if (len == 0)
    return g_strdup ("");

  if (charset != NULL && g_ascii_strcasecmp (charset, "UTF-8") != 0 &&
      g_ascii_strcasecmp (charset, "US-ASCII") != 0)
    {
      if ((text = g_convert (bytes, (gssize) len, "UTF-8", charset, NULL, NULL, &error)) != NULL)
        return text;
      _lia_import_warning (split->import, line, 1,
                           _("The text is not in %s, as the line says: its charset was guessed."),
                           charset);
    }

  if (g_utf8_validate_len (bytes, len, NULL))
    return g_strndup (bytes, len);

  charset = g_str_equal (split->file_charset, "UTF-8") ? _lia_charset_guess (bytes, len) : split->file_charset;
  if ((text = g_convert (bytes, (gssize) len, "UTF-8", charset, NULL, NULL, NULL)) != NULL)
    return text;
  /* Not even the guess: keep what is valid, so the rest of the card is not lost. */
  _lia_import_warning (split->import, line, 1, _("Some characters could not be read in any charset and were dropped."));
  return g_utf8_make_valid (bytes, (gssize) len);
}

/* Newlines and bare CRs inside a value, as vCard text writes them; a backslash before anything
 * but n, N, comma, semicolon or backslash is Google's "http\://" (the colon) or a literal
 * backslash of vCard 2.1, which knows no escapes. */
static void
append_value (GString    *out,
              const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r' && p[1] == '\n')
        continue;
      if (*p == '\r' || *p == '\n')
        g_string_append (out, "\\n");
      else if (*p == '\\' && p[1] == ':')
        ;
      else if (*p == '\\' && (p[1] == '\0' || strchr ("nN,;\\", p[1]) == NULL))
        g_string_append (out, "\\\\");
      else if (*p == '\\')
        {
          g_string_append_c (out, *p++);
          g_string_append_c (out, *p);
        }
      else
        g_string_append_c (out, *p);
    }
}

/* Writes one logical line of the card, without its encodings, into @out. */
static void
normalize_property (Split       *split,
                    LiaVCardText *card,
                    GString     *out,
                    GString     *line,
                    guint        number)
{
  gssize colon = find_colon (line->str, line->len);
  g_autofree char *head = NULL;
  g_auto(GStrv) params = NULL;
  g_autofree char *charset = NULL;
  g_autofree char *value = NULL;
  gboolean qp = FALSE;
  GString *name;

  if (colon < 0)
    {
      g_autofree char *shown = g_utf8_make_valid (line->str, MIN (line->len, 40));

      _lia_import_warning (split->import, number, 1,
                           _("“%s” is not a property (it has no “:”) and was skipped."), shown);
      return;
    }

  head = g_strndup (line->str, (gsize) colon);
  params = g_strsplit (head, ";", -1);

  /* g_strsplit() gives no element at all for an empty head (a line starting with ":"). */
  if (params[0] == NULL || params[0][0] == '\0')
    {
      _lia_import_warning (split->import, number, 1, _("A line starts with “:”: it has no property name and was skipped."));
      return;
    }

  /* A name with a space or worse (“X-GOOGLE TALK”) is not one EVCard can read, nor one with
   * more than a group (“a.b.TEL”, which EVCard leaks on: the fuzzer's third find). */
  {
    const char *dot = strchr (params[0], '.');
    gboolean readable = dot == NULL || (dot != params[0] && dot[1] != '\0' && strchr (dot + 1, '.') == NULL);

    for (const char *p = params[0]; *p != '\0' && readable; p++)
      readable = g_ascii_isalnum (*p) || *p == '-' || *p == '.' || *p == '_';
    if (!readable)
      {
        g_autofree char *shown = g_utf8_make_valid (params[0], -1);
        _lia_import_not_kept (split->import, shown);
        return;
      }
  }

  name = g_string_new (params[0]);
  for (guint i = 1; params[i] != NULL; i++)
    {
      char *param = g_strstrip (params[i]);

      if (param[0] == '\0')
        continue;
      if (g_ascii_strcasecmp (param, "QUOTED-PRINTABLE") == 0 ||
          g_ascii_strcasecmp (param, "ENCODING=QUOTED-PRINTABLE") == 0)
        qp = TRUE;
      else if (g_ascii_strncasecmp (param, "CHARSET=", 8) == 0)
        {
          g_free (charset);
          charset = g_strdup (param + 8);
          g_strdelimit (charset, "\"", ' ');
          g_strstrip (charset);
        }
      else if (g_ascii_strcasecmp (param, "ENCODING=8BIT") == 0 || g_ascii_strcasecmp (param, "8BIT") == 0)
        ;
      else
        g_string_append_printf (name, ";%s", param);
    }

  if (qp)
    {
      g_autoptr(GByteArray) bytes = decode_quoted_printable (line->str + colon + 1, line->len - (gsize) colon - 1);
      value = to_utf8 (split, number, (const char *) bytes->data, bytes->len, charset);
    }
  else
    {
      value = to_utf8 (split, number, line->str + colon + 1, line->len - (gsize) colon - 1, charset);
    }

  if (g_ascii_strcasecmp (params[0], "VERSION") == 0 && card->version == NULL)
    card->version = g_strstrip (g_strdup (value));

  /* The head is ASCII when valid; anything else in it is made valid, not trusted. */
  {
    g_autofree char *valid_head = g_utf8_make_valid (name->str, (gssize) name->len);
    g_string_append (out, valid_head);
  }
  g_string_append_c (out, ':');
  append_value (out, value);
  g_string_append (out, "\r\n");
  g_string_free (name, TRUE);
  g_array_append_val (card->lines, number);
}

/* Cards */

static void
begin_card (Split *split,
            guint  number)
{
  LiaVCardText *card = g_new0 (LiaVCardText, 1);

  card->lines = g_array_new (FALSE, FALSE, sizeof (guint));

  card->line = number;
  g_ptr_array_add (split->open, card);
  g_ptr_array_add (split->builders, g_string_new ("BEGIN:VCARD\r\n"));
}

static void
end_card (Split *split)
{
  LiaVCardText *card = g_ptr_array_steal_index (split->open, split->open->len - 1);
  GString *text = g_ptr_array_steal_index (split->builders, split->builders->len - 1);

  if (card->version == NULL)
    _lia_import_warning (split->import, card->line, 1,
                         _("This vCard does not say its VERSION: it was read as vCard 3.0."));

  g_string_append (text, "END:VCARD\r\n");
  card->text = g_string_free (text, FALSE);
  g_ptr_array_add (split->cards, card);
}

static void
binary_problem (Split      *split,
                const Line *line,
                gssize      at)
{
  g_autofree char *message =
    g_strdup_printf (_("This is binary data, not text (a byte 0x%02X): a vCard file holds text only."),
                     (guchar) line->start[at]);

  _lia_import_xml_problem (split->import, line->number, (guint) at + 1, message);
}

GPtrArray *
_lia_vcard_split (LiaImport  *import,
                  const char *data,
                  gsize       len)
{
  g_autoptr(GArray) lines = split_lines (data, len);
  Split split = { import, _lia_charset_guess (data, len), NULL, NULL, NULL };
  guint outside = 0;

  split.cards = g_ptr_array_new_with_free_func ((GDestroyNotify) _lia_vcard_text_free);
  split.open = g_ptr_array_new_with_free_func ((GDestroyNotify) _lia_vcard_text_free);
  split.builders = g_ptr_array_new ();

  for (guint i = 0; i < lines->len && !import->failed; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
      g_autoptr(GString) logical = NULL;
      gssize binary;
      guint number = line->number;

      if ((binary = find_binary (line)) >= 0)
        {
          binary_problem (&split, line, binary);
          break;
        }

      if (line_is (line, "BEGIN:VCARD"))
        {
          begin_card (&split, number);
          continue;
        }
      if (split.open->len > 0 && line_is (line, "END:VCARD"))
        {
          end_card (&split);
          continue;
        }
      if (line->len == 0 || line_is (line, ""))
        continue;

      if (split.open->len == 0)
        {
          /* Text between cards: said once, the cards are still read. */
          if (outside++ == 0)
            _lia_import_warning (import, number, 1,
                                 _("There is text outside BEGIN:VCARD … END:VCARD here; it was skipped."));
          continue;
        }

      /* A property, with what continues it: folds (a line starting with a space or a tab),
       * quoted-printable soft breaks (a line ending in “=”), and vCard 2.1 base64 that goes
       * on, unindented, until a blank line. */
      logical = g_string_new_len (line->start, (gssize) line->len);
      while (i + 1 < lines->len)
        {
          const Line *next = &g_array_index (lines, Line, i + 1);

          if (find_binary (next) >= 0)
            break;
          if (next->len > 0 && (next->start[0] == ' ' || next->start[0] == '\t'))
            {
              /* A fold in a quoted-printable value after a soft break keeps its space: the
               * soft break, not the fold, joined the lines. */
              if (is_quoted_printable (logical) && logical->len > 0 && logical->str[logical->len - 1] == '=')
                {
                  g_string_truncate (logical, logical->len - 1);
                  g_string_append_len (logical, next->start, (gssize) next->len);
                }
              else
                {
                  g_string_append_len (logical, next->start + 1, (gssize) next->len - 1);
                }
            }
          else if (logical->len > 0 && logical->str[logical->len - 1] == '=' &&
                   is_quoted_printable (logical) && !line_is (next, "END:VCARD") &&
                   !line_is (next, "BEGIN:VCARD"))
            {
              g_string_truncate (logical, logical->len - 1);
              g_string_append_len (logical, next->start, (gssize) next->len);
            }
          else if (next->len > 0 && is_base64 (logical) &&
                   find_colon (next->start, next->len) < 0 && !line_is (next, "END:VCARD"))
            {
              g_string_append_len (logical, next->start, (gssize) next->len);
            }
          else
            {
              break;
            }
          i++;
        }

      normalize_property (&split, g_ptr_array_index (split.open, split.open->len - 1),
                          g_ptr_array_index (split.builders, split.builders->len - 1),
                          logical, number);
    }

  if (split.open->len > 0 && !import->failed)
    {
      LiaVCardText *card = g_ptr_array_index (split.open, 0);

      _lia_import_xml_problem (import, card->line, 1,
                               _("This vCard begins here and never ends (there is no END:VCARD): the file was probably cut off."));
    }

  for (guint i = 0; i < split.builders->len; i++)
    g_string_free (g_ptr_array_index (split.builders, i), TRUE);
  g_ptr_array_unref (split.builders);
  g_ptr_array_unref (split.open);

  if (import->failed)
    {
      g_ptr_array_unref (split.cards);
      return NULL;
    }
  return split.cards;
}

gboolean
_lia_vcard_sniff (const char *data,
                  gsize       len)
{
  const char *p = data;
  const char *end = data + len;
  gsize step = 1;
  gsize offset = 0;

  /* UTF-16 (with a mark or without) has a NUL before or after each ASCII letter. */
  if (len >= 2 && ((guchar) p[0] == 0xFF && (guchar) p[1] == 0xFE))
    p += 2, step = 2, offset = 0;
  else if (len >= 2 && ((guchar) p[0] == 0xFE && (guchar) p[1] == 0xFF))
    p += 2, step = 2, offset = 1;
  else if (len >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  else if (len >= 2 && p[0] == '\0' && p[1] != '\0')
    step = 2, offset = 1;
  else if (len >= 2 && p[0] != '\0' && p[1] == '\0')
    step = 2, offset = 0;

  while (p + offset < end && strchr (" \t\r\n", p[offset]) != NULL && p[offset] != '\0')
    p += step;

  for (const char *word = "BEGIN:VCARD"; *word != '\0'; word++, p += step)
    if (p + offset >= end || g_ascii_toupper (p[offset]) != *word)
      return FALSE;
  return TRUE;
}
