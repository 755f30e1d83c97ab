/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Records hold ISO codes; people read names: "FR" is France, "fr" French, in English and in
 * French, and an unknown code stays as it was written. */
#include "config.h"

#include <libintl.h>
#include <locale.h>

#include "lia-iso-codes.h"

static void
test_countries (void)
{
  g_autofree char *fr = lia_iso_dup_country_name ("FR");
  g_autofree char *de = lia_iso_dup_country_name ("de");
  g_autofree char *three = lia_iso_dup_country_name ("KEN");
  g_autofree char *common = lia_iso_dup_country_name ("BO");
  g_autofree char *unknown = lia_iso_dup_country_name ("XQ");
  g_autofree char *spaced = lia_iso_dup_country_name (" CH ");

  if (!g_file_test (ISO_CODES_JSONDIR "/iso_3166-1.json", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("iso-codes is not installed (Debian package iso-codes)");
      return;
    }

  g_assert_cmpstr (fr, ==, "France");
  g_assert_cmpstr (de, ==, "Germany");
  g_assert_cmpstr (three, ==, "Kenya");
  /* The name people use, not the official one ("Bolivia, Plurinational State of"). */
  g_assert_cmpstr (common, ==, "Bolivia");
  g_assert_cmpstr (unknown, ==, "XQ");
  g_assert_cmpstr (spaced, ==, "Switzerland");
  g_assert_null (lia_iso_dup_country_name (NULL));
}

static void
test_languages (void)
{
  const char * const tags[] = { "sw", "en", "wo", "pt-BR", "zh-Hant", "es", "xx-unknown", NULL };
  g_autofree char *list = lia_iso_dup_language_list (tags);
  g_autofree char *three = lia_iso_dup_language_name ("fra");
  g_autofree char *posix = lia_iso_dup_language_name ("fr_CA");
  g_autofree char *none = lia_iso_dup_language_list (NULL);

  if (!g_file_test (ISO_CODES_JSONDIR "/iso_639-3.json", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("iso-codes is not installed (Debian package iso-codes)");
      return;
    }

  /* Macrolanguages without "(macrolanguage)"; one name where ISO lists several; a region
   * after the language; a script alone adds nothing; unknown tags as written. */
  g_assert_cmpstr (list, ==, "Swahili, English, Wolof, Portuguese (Brazil), Chinese, Spanish, xx-unknown");
  g_assert_cmpstr (three, ==, "French");
  g_assert_cmpstr (posix, ==, "French (Canada)");
  g_assert_cmpstr (none, ==, "");
}

static void
test_french (void)
{
  g_autofree char *germany = NULL;
  g_autofree char *france = NULL;
  g_autofree char *french = NULL;
  g_autofree char *spanish = NULL;
  g_autofree char *english = NULL;
  char *old_locale;

  if (!g_file_test (ISO_CODES_LOCALEDIR "/fr/LC_MESSAGES/iso_3166-1.mo", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("iso-codes has no French translations here");
      return;
    }

  old_locale = g_strdup (setlocale (LC_ALL, NULL));
  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    {
      g_free (old_locale);
      g_test_skip ("No fr_FR.UTF-8 locale (build-aux/dev generates it)");
      return;
    }
  g_setenv ("LANGUAGE", "fr", TRUE);
  /* Tells gettext that the language changed. */
  textdomain (textdomain (NULL));

  germany = lia_iso_dup_country_name ("DE");
  france = lia_iso_dup_country_name ("FR");
  french = lia_iso_dup_language_name ("fr");
  spanish = lia_iso_dup_language_name ("es");
  english = lia_iso_dup_language_name ("en-GB");

  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, old_locale);
  g_free (old_locale);
  textdomain (textdomain (NULL));

  g_assert_cmpstr (germany, ==, "Allemagne");
  g_assert_cmpstr (france, ==, "France");
  g_assert_cmpstr (french, ==, "français");
  g_assert_cmpstr (spanish, ==, "espagnol");
  g_assert_cmpstr (english, ==, "anglais (Royaume-Uni)");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/iso-codes/countries", test_countries);
  g_test_add_func ("/iso-codes/languages", test_languages);
  g_test_add_func ("/iso-codes/french", test_french);

  return g_test_run ();
}
