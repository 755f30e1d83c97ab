/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "lia-csv-mapping-dialog.h"
#include "lia-store-bulk.h"
#include "lia-test-pg.h"
#include "test-ui-util.h"
#include "lia-window-private.h"

/* The column-mapping page for a CSV file whose header Liaison does not know: a row per column
 * with its first values, a guess from the column's name, the map it gives, and the choice
 * remembered for the next file with the same header; from the window, the records the map
 * makes, on a file or (--postgresql) on a team server. */

static void
test_no_display (void)
{
  g_test_skip ("no display");
}

static void
on_mapped_cb (LiaCsvMappingDialog  *dialog,
              const char           *map,
              char                **out_map)
{
  g_free (*out_map);
  *out_map = g_strdup (map);
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static LiaCsvPreview *
preview_of (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  LiaCsvPreview *preview = lia_csv_preview_new (file, 5, NULL, &error);

  g_assert_no_error (error);
  return preview;
}

static void
test_columns_and_map (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(LiaCsvPreview) preview = preview_of ("mapped-semicolon.csv");
  LiaCsvMappingDialog *dialog;
  GtkWidget *row;
  GtkWidget *import;
  g_autofree char *map = NULL;
  char *mapped = NULL;

  g_settings_reset (settings, "csv-column-maps");

  /* Not a header Liaison knows; the rows after it are there to show. */
  g_assert_null (preview->profile);
  g_assert_cmpuint (g_strv_length (preview->columns), ==, 7);
  g_assert_cmpuint (preview->rows->len, ==, 2);

  dialog = lia_csv_mapping_dialog_new (NULL, "mapped-semicolon.csv", preview, settings);
  lia_ui_test_present (GTK_WINDOW (dialog));
  /* What window lists and screen readers call it. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Columns to Import");

  /* Each column shows its first values under its name. */
  row = lia_ui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Courriel");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "elise.durand@example.fr ::: e.durand@example.org · paul.martin@example.fr");
  row = lia_ui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Fonction");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Cheffe de bureau");

  /* Guessed from the names, in French too; "Remarque" is not a name it knows. */
  g_assert_cmpstr (lia_csv_mapping_dialog_get_field (dialog, 0), ==, "family-name");
  g_assert_cmpstr (lia_csv_mapping_dialog_get_field (dialog, 1), ==, "given-name");
  g_assert_cmpstr (lia_csv_mapping_dialog_get_field (dialog, 2), ==, "email");
  g_assert_cmpstr (lia_csv_mapping_dialog_get_field (dialog, 3), ==, "organization");
  g_assert_cmpstr (lia_csv_mapping_dialog_get_field (dialog, 6), ==, "ignore");

  lia_csv_mapping_dialog_set_field (dialog, 2, "work-email");
  lia_csv_mapping_dialog_set_field (dialog, 6, "notes");
  map = lia_csv_mapping_dialog_dup_map (dialog);
  g_assert_cmpstr (map, ==, "Nom=family-name,Prénom=given-name,Courriel=work-email,Société=organization,"
                            "Fonction=job-title,Téléphone=phone,Remarque=notes");

  /* Import gives the map and closes the page. */
  g_signal_connect (dialog, "mapped", G_CALLBACK (on_mapped_cb), &mapped);
  import = find_button (GTK_WIDGET (dialog), "_Import");
  g_assert_nonnull (import);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_emit_by_name (import, "clicked");
  lia_ui_test_settle ();
  g_assert_cmpstr (mapped, ==, map);
  g_free (mapped);
  if (dialog != NULL)
    lia_ui_test_destroy (GTK_WINDOW (dialog));

  /* The next file with the same header opens with the same choices. */
  dialog = lia_csv_mapping_dialog_new (NULL, "again.csv", preview, settings);
  lia_ui_test_present (GTK_WINDOW (dialog));
  g_assert_cmpstr (lia_csv_mapping_dialog_get_field (dialog, 2), ==, "work-email");
  g_assert_cmpstr (lia_csv_mapping_dialog_get_field (dialog, 6), ==, "notes");
  lia_ui_test_destroy (GTK_WINDOW (dialog));

  g_settings_reset (settings, "csv-column-maps");
}

/* Import from the window: the page asks first and nothing is written until Import; then the
 * records are the ones the chosen map makes, and the window counts them. */
static void
test_import_from_window (StoreFixture  *f,
                         gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "csv", "mapped-semicolon.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) affiliations = NULL;
  g_autoptr(LiaRecord) elise = NULL;
  g_autoptr(LiaContactPoint) second = NULL;
  LiaCsvMappingDialog *dialog;
  LiaWindow *window;
  GtkWindow *summary;
  GListModel *emails;
  gint64 prefecture = 0;

  g_settings_reset (settings, "csv-column-maps");
  window = g_object_new (LIA_TYPE_WINDOW, "store", f->store, "settings", settings, NULL);
  lia_ui_test_present (GTK_WINDOW (window));

  _lia_window_import_file (window, file);
  dialog = LIA_CSV_MAPPING_DIALOG (lia_ui_test_wait_for_window (LIA_TYPE_CSV_MAPPING_DIALOG, NULL));
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_CONTACT), ==, 0);
  lia_csv_mapping_dialog_set_field (dialog, 2, "work-email");
  lia_csv_mapping_dialog_set_field (dialog, 6, "notes");
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Import"), "clicked");

  summary = lia_ui_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG, "Imported “mapped-semicolon.csv”");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (summary)), ==,
                   "Created 5, updated 0 and found 0 unchanged.");
  lia_ui_test_destroy (summary);
  lia_ui_test_settle ();

  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_CONTACT), ==, 2);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_ORGANIZATION), ==, 1);
  g_assert_cmpstr (gtk_label_get_text (window->contacts_count), ==, "2");

  /* Élise: both addresses of her cell at work, the remark as her notes, in the prefecture. */
  g_assert_true (lia_store_find_id (f->store, LIA_RECORD_KIND_ORGANIZATION, "org-prefecture-du-rhone",
                                    &prefecture, NULL));
  affiliations = lia_store_list_affiliations_for_organization (f->store, prefecture, NULL, NULL);
  g_assert_cmpuint (affiliations->len, ==, 2);
  elise = lia_test_load (f->store, LIA_RECORD_KIND_CONTACT,
                         lia_affiliation_get_contact_id (g_ptr_array_index (affiliations, 0)));
  g_assert_cmpstr (lia_contact_get_given_name (LIA_CONTACT (elise)), ==, "Élise");
  g_assert_cmpstr (lia_contact_get_notes (LIA_CONTACT (elise)), ==, "à rappeler");
  emails = lia_contact_get_emails (LIA_CONTACT (elise));
  g_assert_cmpuint (g_list_model_get_n_items (emails), ==, 2);
  second = g_list_model_get_item (emails, 1);
  g_assert_cmpstr (lia_contact_point_get_value (second), ==, "e.durand@example.org");
  g_assert_cmpint (lia_contact_point_get_kind (second), ==, LIA_CONTACT_POINT_KIND_WORK);

  lia_ui_test_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "csv-column-maps");
}

int
main (int   argc,
      char *argv[])
{
  int skip = 0;
  int status;

  if (!lia_test_pg_init (&argc, &argv, &skip))
    return skip;

  if (!lia_ui_test_init_display ())
    {
      g_test_add_func ("/csv-mapping/no-display", test_no_display);
      return g_test_run ();
    }

  g_test_add_func ("/csv-mapping/columns-and-map", test_columns_and_map);
  g_test_add ("/csv-mapping/import-from-window", StoreFixture, NULL, lia_test_pg_fixture_setup,
              test_import_from_window, lia_test_pg_fixture_teardown);

  status = g_test_run ();
  return status;
}
