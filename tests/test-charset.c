/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lia-charset.h"

/* Each case: bytes as a person's file has them, and the text they must read as. */
static void
check (const char *bytes,
       gsize       len,
       const char *declared,
       const char *expected_text,
       const char *expected_charset)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *charset = NULL;
  g_autofree char *text = _lia_charset_to_utf8 (bytes, len, declared, &charset, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, expected_text);
  g_assert_cmpstr (charset, ==, expected_charset);
}

static void
test_marks (void)
{
  check ("\xEF\xBB\xBF" "Zürich", 10, NULL, "Zürich", "UTF-8");
  check ("\xFF\xFE" "Z\0\xFC\0r\0", 8, NULL, "Zür", "UTF-16LE");
  check ("\xFE\xFF" "\0Z\0\xFC\0r", 8, NULL, "Zür", "UTF-16BE");
}

static void
test_utf16_without_mark (void)
{
  /* As roundcube-utf-16_sample.vcf starts: big-endian, no mark. */
  static const char be[] = "\0B\0E\0G\0I\0N\0:\0V\0C\0A\0R\0D";
  static const char le[] = "B\0E\0G\0I\0N\0:\0V\0C\0A\0R\0D\0";

  check (be, sizeof be - 1, NULL, "BEGIN:VCARD", "UTF-16BE");
  check (le, sizeof le - 1, NULL, "BEGIN:VCARD", "UTF-16LE");
}

static void
test_legacy (void)
{
  /* "Doë" in windows-1252, as roundcube-johndoe.vcf has it. */
  check ("Do\xEB", 3, NULL, "Doë", "WINDOWS-1252");
  /* "高橋 ロイド" in Shift_JIS (aosp-v21_japanese_2.vcf). */
  check ("\x8D\x82\x8B\xB4 \x83\x8D\x83\x43\x83\x68", 11, NULL, "高橋 ロイド", "SHIFT_JIS");
  /* "Иван Петров" in windows-1251. */
  check ("\xC8\xE2\xE0\xED \xCF\xE5\xF2\xF0\xEE\xE2", 11, NULL, "Иван Петров", "WINDOWS-1251");
  /* A declared charset wins over the guess: =F1 of The Bat!'s card is ń in ISO-8859-2. */
  check ("Iksi\xF1ski", 8, "ISO-8859-2", "Iksiński", "ISO-8859-2");
  /* Valid UTF-8 stays as it is. */
  check ("Genève", strlen ("Genève"), NULL, "Genève", "UTF-8");
}

static void
test_unknown_charset (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = _lia_charset_to_utf8 ("abc", 3, "NO-SUCH-CHARSET", NULL, &error);

  g_assert_null (text);
  g_assert_error (error, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charset/marks", test_marks);
  g_test_add_func ("/charset/utf16-without-mark", test_utf16_without_mark);
  g_test_add_func ("/charset/legacy", test_legacy);
  g_test_add_func ("/charset/unknown", test_unknown_charset);

  return g_test_run ();
}
