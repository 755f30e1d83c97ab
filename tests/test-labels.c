/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "lia-model.h"

/* The words for the model's values come from one place (lia-labels.c): the window, the
 * briefings and the importers say the same thing. These check what a person reads. */

static void
test_every_value_has_a_word (void)
{
  GEnumClass *stances = g_type_class_ref (LIA_TYPE_STANCE);
  GEnumClass *kinds = g_type_class_ref (LIA_TYPE_INTERACTION_KIND);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  /* Each stance has its own word, and an unknown stance is "Unknown" everywhere. */
  for (guint i = 0; i < stances->n_values; i++)
    {
      const char *label = lia_labels_stance (stances->values[i].value);

      g_assert_cmpstr (label, !=, "");
      g_assert_false (g_hash_table_contains (seen, label));
      g_hash_table_add (seen, (gpointer) label);
    }
  g_assert_cmpstr (lia_labels_stance (LIA_STANCE_UNKNOWN), ==, "Unknown");

  g_hash_table_remove_all (seen);
  for (guint i = 0; i < kinds->n_values; i++)
    {
      const char *label = lia_labels_interaction_kind (kinds->values[i].value);

      g_assert_cmpstr (label, !=, "");
      g_assert_false (g_hash_table_contains (seen, label));
      g_hash_table_add (seen, (gpointer) label);
    }

  for (LiaRecordKind kind = LIA_RECORD_KIND_ORGANIZATION; kind <= LIA_RECORD_KIND_CONCERN; kind++)
    {
      g_assert_cmpstr (lia_labels_record_kind_noun (kind), !=, "");
      g_assert_cmpstr (lia_labels_record_kind_plural (kind), !=, "");
    }
  g_assert_cmpstr (lia_labels_record_kind_noun (LIA_RECORD_KIND_AFFILIATION), ==, "affiliation");
  g_assert_cmpstr (lia_labels_record_kind_plural (LIA_RECORD_KIND_CONTACT), ==, "Contacts");
  g_assert_cmpstr (lia_labels_channel (LIA_CHANNEL_UNSPECIFIED), ==, "No preference");
  g_assert_cmpstr (lia_labels_contact_point_kind (LIA_CONTACT_POINT_KIND_MOBILE), ==, "Mobile");
  g_assert_cmpstr (lia_labels_contact_point_kind_in_text (LIA_CONTACT_POINT_KIND_MOBILE), ==, "mobile");
  g_assert_cmpstr (lia_labels_sentiment (-2), ==, "very negative");
  g_assert_cmpstr (lia_labels_sentiment (0.4), ==, "neutral");

  g_type_class_unref (stances);
  g_type_class_unref (kinds);
}

static void
test_scales_and_dates (void)
{
  g_autoptr(GDate) date = g_date_new_dmy (12, G_DATE_MARCH, 2025);
  g_autofree char *scale = lia_labels_format_scale (3);
  g_autofree char *unassessed = lia_labels_format_scale (0);
  g_autofree char *level = lia_labels_format_level (4);
  g_autofree char *long_date = lia_labels_format_date (date);
  g_autofree char *short_date = lia_labels_format_short_date (date);
  GDate invalid;

  g_assert_cmpstr (scale, ==, "3 of 5");
  g_assert_cmpstr (unassessed, ==, "Not assessed");
  g_assert_cmpstr (level, ==, "4 of 5, high");
  g_assert_cmpstr (long_date, ==, "12 March 2025");
  g_assert_cmpstr (short_date, ==, "12 Mar 2025");

  g_date_clear (&invalid, 1);
  g_assert_null (lia_labels_format_date (NULL));
  g_assert_null (lia_labels_format_date (&invalid));
  g_assert_null (lia_labels_format_short_date (NULL));
}

/* In French, from the catalog built with the program (po/fr.po). */
static void
test_french (void)
{
  g_autofree char *po_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autofree char *mo = g_build_filename (po_dir, "fr", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_autoptr(GDate) date = g_date_new_dmy (12, G_DATE_MARCH, 2025);
  g_autofree char *long_date = NULL;
  g_autofree char *level = NULL;

  g_assert_true (g_file_test (mo, G_FILE_TEST_EXISTS));
  g_assert_nonnull (setlocale (LC_ALL, "fr_FR.UTF-8"));
  g_setenv ("LANGUAGE", "fr", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, po_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_assert_cmpstr (lia_labels_stance (LIA_STANCE_UNKNOWN), ==, "Inconnue");
  g_assert_cmpstr (lia_labels_interaction_kind (LIA_INTERACTION_KIND_MEETING), ==, "Réunion");
  long_date = lia_labels_format_date (date);
  g_assert_cmpstr (long_date, ==, "12 mars 2025");
  level = lia_labels_format_level (4);
  g_assert_true (g_str_has_prefix (level, "4 sur 5"));

  setlocale (LC_ALL, "C.UTF-8");
  g_unsetenv ("LANGUAGE");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_unsetenv ("LANGUAGE");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/labels/every-value-has-a-word", test_every_value_has_a_word);
  g_test_add_func ("/labels/scales-and-dates", test_scales_and_dates);
  g_test_add_func ("/labels/french", test_french);

  return g_test_run ();
}
