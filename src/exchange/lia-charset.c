/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-charset.h"

/* How much of the start of the text the UTF-16 test looks at. */
#define SNIFF_LENGTH 4096

static gboolean
looks_like_shift_jis (const guchar *p,
                      gsize         len)
{
  gboolean lead_in_c1 = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      guchar b = p[i];

      if (b < 0x80 || (b >= 0xA1 && b <= 0xDF))
        continue;
      if ((b >= 0x81 && b <= 0x9F) || (b >= 0xE0 && b <= 0xFC))
        {
          guchar t;

          if (i + 1 >= len)
            return FALSE;
          t = p[++i];
          if (t < 0x40 || t == 0x7F || t > 0xFC)
            return FALSE;
          if (b <= 0x9F)
            lead_in_c1 = TRUE;
          continue;
        }
      return FALSE;
    }

  return lead_in_c1;
}

static gboolean
looks_like_cyrillic (const guchar *p,
                     gsize         len)
{
  gsize high = 0;
  gsize in_runs = 0;
  gsize run = 0;

  for (gsize i = 0; i <= len; i++)
    {
      guchar b = i < len ? p[i] : 0;

      if (b >= 0xC0)
        {
          run++;
          continue;
        }
      if (run >= 3)
        in_runs += run;
      high += run;
      run = 0;
      if (b >= 0x80)
        high++;
    }

  return high > 0 && in_runs * 4 >= high * 3;
}

const char *
_lia_charset_guess (const char *data,
                    gsize       len)
{
  const guchar *p = (const guchar *) data;

  if (g_utf8_validate_len (data, len, NULL))
    return "UTF-8";
  if (looks_like_shift_jis (p, len))
    return "SHIFT_JIS";
  if (looks_like_cyrillic (p, len))
    return "WINDOWS-1251";
  return "WINDOWS-1252";
}

/* UTF-16 without a byte order mark: text in Latin scripts has a NUL in every other byte. */
static const char *
sniff_utf16 (const guchar *p,
             gsize         len)
{
  gsize n = MIN (len, SNIFF_LENGTH) & ~(gsize) 1;
  gsize even = 0;
  gsize odd = 0;

  if (n < 4)
    return NULL;
  for (gsize i = 0; i < n; i += 2)
    {
      even += p[i] == 0;
      odd += p[i + 1] == 0;
    }
  if (even * 10 >= (n / 2) * 4 && odd * 10 < (n / 2))
    return "UTF-16BE";
  if (odd * 10 >= (n / 2) * 4 && even * 10 < (n / 2))
    return "UTF-16LE";
  return NULL;
}

char *
_lia_charset_to_utf8 (const char  *data,
                      gsize        len,
                      const char  *declared,
                      char       **out_charset,
                      GError     **error)
{
  const guchar *p = (const guchar *) data;
  const char *charset = NULL;
  gsize skip = 0;
  char *text;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (len >= 4 && memcmp (p, "\xFF\xFE\0\0", 4) == 0)
    charset = "UTF-32LE", skip = 4;
  else if (len >= 4 && memcmp (p, "\0\0\xFE\xFF", 4) == 0)
    charset = "UTF-32BE", skip = 4;
  else if (len >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    charset = "UTF-8", skip = 3;
  else if (len >= 2 && memcmp (p, "\xFF\xFE", 2) == 0)
    charset = "UTF-16LE", skip = 2;
  else if (len >= 2 && memcmp (p, "\xFE\xFF", 2) == 0)
    charset = "UTF-16BE", skip = 2;
  else if ((charset = sniff_utf16 (p, len)) != NULL)
    ;
  else if (declared != NULL && declared[0] != '\0')
    charset = declared;
  else
    charset = _lia_charset_guess (data, len);

  if (out_charset != NULL)
    *out_charset = g_ascii_strup (charset, -1);

  if (g_ascii_strcasecmp (charset, "UTF-8") == 0 &&
      g_utf8_validate_len (data + skip, len - skip, NULL))
    return g_strndup (data + skip, len - skip);

  text = g_convert (data + skip, (gssize) (len - skip), "UTF-8", charset, NULL, NULL, error);
  if (text == NULL && out_charset != NULL)
    g_clear_pointer (out_charset, g_free);
  return text;
}
