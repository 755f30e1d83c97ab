/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "lia-test-pg.h"
#include "test-ui-util.h"
#include "lia-briefing-print.h"
#include "lia-file-names.h"
#include "lia-window-private.h"

/* Printing a briefing and exporting from the window, as far as a person sees them: the print
 * dialog's Briefing tab starts from the Preferences and changes one print only; Print to File
 * and Export suggest names made from the record, the date and the office, safe on any file
 * system. The prints go to PDF files (the print operation's export), read with pdftotext. */

typedef struct
{
  StoreFixture  base;
  char         *files;  /* where the prints go */
  gint64        ministry;
  char         *today;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(LiaOrganization) ministry = lia_organization_new ("Ministry of Health / Social Affairs");
  g_autoptr(GDate) today = lia_date_new_today ();
  g_autoptr(GDate) spring = lia_test_date_from_today (-90);
  g_autofree char *spring_iso = lia_date_to_iso (spring);
  g_autofree char *at = g_strdup_printf ("%sT10:00:00+01:00", spring_iso);

  lia_test_pg_template_fixture_setup (&f->base, data);
  f->files = lia_test_pg_files_dir (&f->base);
  lia_organization_set_email (ministry, "info@moh.example");
  lia_organization_set_notes (ministry, "Prefers written agendas a week ahead.");
  lia_test_save (f->base.store, ministry);
  f->ministry = lia_record_get_id (LIA_RECORD (ministry));
  lia_test_add_interaction (f->base.store, LIA_INTERACTION_KIND_MEETING, at, "Spring review of the heat plan",
                            0, f->ministry);
  f->today = lia_date_to_iso (today);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->today, g_free);
  lia_test_pg_files_dir_free (&f->base, g_steal_pointer (&f->files));
  lia_test_pg_fixture_teardown (&f->base, data);
}

static LiaBriefingPrintOptions
default_options (void)
{
  LiaBriefingPrintOptions options;

  lia_briefing_print_options_init_from_settings (&options, NULL);
  return options;
}

static GtkPrintOperation *
new_operation (Fixture                       *f,
               GtkWindow                     *parent,
               const LiaBriefingPrintOptions *options)
{
  LiaBriefingRequest request = { .kind = LIA_RECORD_KIND_ORGANIZATION, .id = f->ministry };
  g_autoptr(GError) error = NULL;
  GtkPrintOperation *operation = lia_briefing_print_operation_new (parent, f->base.store, &request,
                                                                   options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (operation);
  return operation;
}

/* Runs @operation to a PDF (what Print to File writes) and returns its text, white space
 * collapsed so that a wrapped phrase reads as one. */
static char *
print_to_text (Fixture           *f,
               GtkPrintOperation *operation,
               GtkWindow         *parent)
{
  g_autofree char *pdf = g_build_filename (f->files, "briefing.pdf", NULL);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) nonempty = NULL;
  int status = 0;

  gtk_print_operation_set_export_filename (operation, pdf);
  g_assert_true (lia_briefing_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                                   parent, &error));
  g_assert_no_error (error);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_unlink (pdf);
  words = g_strsplit_set (out, " \n\t\f", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_strv_builder_add (kept, words[i]);
  nonempty = g_strv_builder_end (kept);
  return g_strjoinv (" ", nonempty);
}

static gboolean
text_has (const char *text,
          const char *phrase)
{
  return strstr (text, phrase) != NULL;
}

/* The Briefing tab as the dialog would show it: GTK asks for it, then hands it back on Print. */
static GtkWidget *
create_tab (GtkPrintOperation *operation)
{
  GObject *tab = NULL;
  g_autofree char *label = NULL;

  g_object_get (operation, "custom-tab-label", &label, NULL);
  g_assert_cmpstr (label, ==, "Briefing");
  g_signal_emit_by_name (operation, "create-custom-widget", &tab);
  g_assert_true (GTK_IS_WIDGET (tab));
  return g_object_ref_sink (GTK_WIDGET (tab));
}

static GtkSwitch *
tab_redact (GtkWidget *tab)
{
  GtkWidget *row = lia_ui_test_find (tab, ADW_TYPE_ACTION_ROW, "Re_dact");

  g_assert_nonnull (row);
  return GTK_SWITCH (lia_ui_test_find (row, GTK_TYPE_SWITCH, NULL));
}

static GtkSwitch *
tab_map (GtkWidget *tab)
{
  GtkWidget *row = lia_ui_test_find (tab, ADW_TYPE_ACTION_ROW, "Stakeholder _Map");

  g_assert_nonnull (row);
  return GTK_SWITCH (lia_ui_test_find (row, GTK_TYPE_SWITCH, NULL));
}

static GtkSpinButton *
tab_history (GtkWidget *tab)
{
  GtkWidget *row = lia_ui_test_find (tab, ADW_TYPE_ACTION_ROW, "_History in Months");

  g_assert_nonnull (row);
  return GTK_SPIN_BUTTON (lia_ui_test_find (row, GTK_TYPE_SPIN_BUTTON, NULL));
}

static void
test_suggested_name (Fixture       *f,
                     gconstpointer  data)
{
  LiaBriefingPrintOptions options = default_options ();
  g_autoptr(GtkPrintOperation) operation = new_operation (f, NULL, &options);
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);
  g_autofree char *expected = g_strdup_printf ("Ministry of Health - Social Affairs – briefing %s", f->today);

  /* GTK's file printer adds ".pdf" (or the extension of the format picked) to the base name. */
  g_assert_nonnull (settings);
  g_assert_cmpstr (gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME), ==, expected);
  g_assert_cmpstr (gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT), ==, "pdf");
  g_assert_null (gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI));
}

/* The next print suggests its own name again, in the folder the last one went to. */
static void
test_remembers_folder (Fixture       *f,
                       gconstpointer  data)
{
  LiaBriefingPrintOptions options = default_options ();
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  g_autoptr(GtkPrintOperation) first = new_operation (f, parent, &options);
  g_autoptr(GtkPrintOperation) second = NULL;
  g_autofree char *chosen = g_build_filename (f->files, "Chosen name.pdf", NULL);
  g_autofree char *chosen_uri = g_filename_to_uri (chosen, NULL, NULL);
  g_autofree char *expected = g_strdup_printf ("Ministry of Health - Social Affairs – briefing %s", f->today);
  g_autofree char *text = NULL;
  GtkPrintSettings *settings;

  /* What the dialog leaves in the settings when the user picks a file of their own. */
  gtk_print_settings_set (gtk_print_operation_get_print_settings (first),
                          GTK_PRINT_SETTINGS_OUTPUT_URI, chosen_uri);
  text = print_to_text (f, first, parent);
  g_assert_true (text_has (text, "Ministry of Health / Social Affairs"));

  second = new_operation (f, parent, &options);
  settings = gtk_print_operation_get_print_settings (second);
  g_assert_null (gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI));
  g_assert_cmpstr (gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_DIR), ==, f->files);
  g_assert_cmpstr (gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME), ==, expected);

  gtk_window_destroy (parent);
}

static void
test_tab_applies_to_one_print (Fixture       *f,
                               gconstpointer  data)
{
  LiaBriefingPrintOptions options = default_options ();
  g_autoptr(GtkPrintOperation) operation = new_operation (f, NULL, &options);
  g_autoptr(GtkPrintOperation) next = NULL;
  g_autoptr(GtkWidget) tab = create_tab (operation);
  g_autoptr(GtkWidget) next_tab = NULL;
  g_autofree char *redacted = NULL;
  g_autofree char *plain = NULL;

  g_assert_false (gtk_switch_get_active (tab_redact (tab)));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (tab_history (tab)), ==, 12);

  gtk_switch_set_active (tab_redact (tab), TRUE);
  gtk_spin_button_set_value (tab_history (tab), 1);
  g_signal_emit_by_name (operation, "custom-widget-apply", tab);
  redacted = print_to_text (f, operation, NULL);
  g_assert_true (text_has (redacted, "Ministry of Health / Social Affairs"));
  /* The footer's marking, in capitals. */
  g_assert_true (text_has (redacted, "REDACTED COPY"));
  g_assert_false (text_has (redacted, "info@moh.example"));
  g_assert_false (text_has (redacted, "Prefers written agendas"));
  /* Three months ago is before a one-month history. */
  g_assert_false (text_has (redacted, "Spring review of the heat plan"));

  /* The next print starts from the defaults again. */
  next = new_operation (f, NULL, &options);
  next_tab = create_tab (next);
  g_assert_false (gtk_switch_get_active (tab_redact (next_tab)));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (tab_history (next_tab)), ==, 12);
  g_signal_emit_by_name (next, "custom-widget-apply", next_tab);
  plain = print_to_text (f, next, NULL);
  g_assert_true (text_has (plain, "info@moh.example"));
  g_assert_true (text_has (plain, "Spring review of the heat plan"));
  g_assert_false (text_has (plain, "REDACTED COPY"));
}

/* The tab's Stakeholder Map switch adds the map to this print only; the Preferences' default
 * starts it on. */
static void
test_tab_map (Fixture       *f,
              gconstpointer  data)
{
  LiaBriefingPrintOptions options = default_options ();
  g_autoptr(GtkPrintOperation) operation = new_operation (f, NULL, &options);
  g_autoptr(GtkPrintOperation) next = NULL;
  g_autoptr(GtkWidget) tab = create_tab (operation);
  g_autoptr(GtkWidget) next_tab = NULL;
  g_autofree char *with = NULL;
  g_autofree char *plain = NULL;

  g_assert_false (gtk_switch_get_active (tab_map (tab)));
  gtk_switch_set_active (tab_map (tab), TRUE);
  g_signal_emit_by_name (operation, "custom-widget-apply", tab);
  with = print_to_text (f, operation, NULL);
  g_assert_true (text_has (with, "Stakeholder map"));

  options.map = TRUE;
  next = new_operation (f, NULL, &options);
  next_tab = create_tab (next);
  g_assert_true (gtk_switch_get_active (tab_map (next_tab)));
  gtk_switch_set_active (tab_map (next_tab), FALSE);
  g_signal_emit_by_name (next, "custom-widget-apply", next_tab);
  plain = print_to_text (f, next, NULL);
  g_assert_false (text_has (plain, "Stakeholder map"));
  g_assert_true (text_has (plain, "Ministry of Health / Social Affairs"));
}

/* The tab and the paper start from the Preferences. */
static void
test_defaults_from_settings (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkWidget) tab = NULL;
  LiaBriefingPrintOptions options;
  GtkPageSetup *setup;

  g_settings_set_boolean (settings, "briefing-redact", TRUE);
  g_settings_set_int (settings, "briefing-history-months", 6);
  g_settings_set_int (settings, "briefing-interactions", 4);
  g_settings_set_string (settings, "briefing-paper", "letter");
  lia_briefing_print_options_init_from_settings (&options, settings);
  g_assert_true (options.redact);
  g_assert_cmpuint (options.history_months, ==, 6);
  g_assert_cmpuint (options.max_interactions, ==, 4);
  g_assert_cmpint (options.paper, ==, LIA_BRIEFING_PAPER_LETTER);

  operation = new_operation (f, NULL, &options);
  tab = create_tab (operation);
  g_assert_true (gtk_switch_get_active (tab_redact (tab)));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (tab_history (tab)), ==, 6);
  setup = gtk_print_operation_get_default_page_setup (operation);
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (setup)), ==, GTK_PAPER_NAME_LETTER);

  /* "locale" keeps the locale's paper (the tests run in C.UTF-8: A4). */
  g_settings_set_string (settings, "briefing-paper", "locale");
  lia_briefing_print_options_init_from_settings (&options, settings);
  g_assert_cmpint (options.paper, ==, lia_briefing_paper_from_locale ());

  g_settings_reset (settings, "briefing-redact");
  g_settings_reset (settings, "briefing-history-months");
  g_settings_reset (settings, "briefing-interactions");
  g_settings_reset (settings, "briefing-paper");
}

/* A record that is gone by the time the tab is applied: the print stops and says why. */
static void
test_record_gone (Fixture       *f,
                  gconstpointer  data)
{
  LiaBriefingPrintOptions options = default_options ();
  g_autoptr(GtkPrintOperation) operation = new_operation (f, NULL, &options);
  g_autoptr(GtkWidget) tab = create_tab (operation);
  g_autofree char *pdf = g_build_filename (f->files, "gone.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_autoptr(LiaRecord) ministry = lia_test_load (f->base.store, LIA_RECORD_KIND_ORGANIZATION, f->ministry);

  g_assert_true (lia_store_delete (f->base.store, ministry, NULL));
  gtk_switch_set_active (tab_redact (tab), TRUE);
  g_signal_emit_by_name (operation, "custom-widget-apply", tab);
  gtk_print_operation_set_export_filename (operation, pdf);
  g_assert_false (lia_briefing_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error));
  g_assert_error (error, LIA_BRIEFING_ERROR, LIA_BRIEFING_ERROR_NOT_FOUND);
}

static void
test_safe_names (void)
{
  g_autoptr(GDate) date = lia_test_date (2026, 12, 4);
  g_autofree char *long_name = NULL;
  g_autofree char *cut = NULL;
  struct { const char *name; const char *safe; } cases[] = {
    { "Ministry of Health", "Ministry of Health" },
    { "Health / Social: \"A*B?\" <C|D>\\E", "Health - Social- -A-B-- -C-D--E" },
    { "  ..hidden.  ", "hidden" },
    { "Line\nbreak\tand  spaces", "Line break and spaces" },
    { "Été à Genève", "Été à Genève" },
    { "", "Untitled" },
    { "//", "--" },
    { "...", "Untitled" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *safe = lia_file_name_make_safe (cases[i].name, "Untitled");

      g_assert_cmpstr (safe, ==, cases[i].safe);
    }

  /* Cut to a file name's length between two characters, not inside "é". */
  long_name = g_strnfill (199, 'a');
  long_name = g_strconcat (long_name, "éé", NULL);
  cut = lia_file_name_make_safe (long_name, "x");
  g_assert_true (g_utf8_validate (cut, -1, NULL));
  g_assert_cmpuint (strlen (cut), <=, 200);
  g_assert_true (g_str_has_suffix (cut, "a"));

  {
    g_autofree char *briefing = lia_file_name_for_briefing ("Ministry of Health", date);
    g_autofree char *office = lia_file_name_for_directory ("Regional Health Office", "/tmp/liaison.db");
    g_autofree char *database = lia_file_name_for_directory (NULL, "/home/amina/Geneva office.db");
    g_autofree char *slash = lia_file_name_for_directory ("Health/Social", NULL);
    g_autofree char *nothing = lia_file_name_for_directory (NULL, NULL);
    /* A team server: its database's name, never the password in its connection string. */
    g_autofree char *uri = lia_file_name_for_directory (NULL, "postgresql://amina:s3cret@db.example.org/geneva-office");
    g_autofree char *keywords = lia_file_name_for_directory (NULL, "host=/run/postgresql password=s3cret dbname=liaison");
    g_autofree char *no_dbname = lia_file_name_for_directory (NULL, "host=db.example.org user=amina password=s3cret");

    g_assert_cmpstr (briefing, ==, "Ministry of Health – briefing 2026-12-04");
    g_assert_cmpstr (office, ==, "Regional Health Office.partners.xml");
    g_assert_cmpstr (database, ==, "Geneva office.partners.xml");
    g_assert_cmpstr (slash, ==, "Health-Social.partners.xml");
    g_assert_cmpstr (nothing, ==, "Partner directory.partners.xml");
    g_assert_cmpstr (uri, ==, "geneva-office.partners.xml");
    g_assert_cmpstr (keywords, ==, "liaison.partners.xml");
    g_assert_cmpstr (no_dbname, ==, "amina.partners.xml");
  }
}

static GtkFileChooser *
wait_for_chooser (void)
{
  return GTK_FILE_CHOOSER (lia_ui_test_wait_for_window (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL));
}

/* Export proposes a name the file manager then opens in Liaison (*.partners.xml): the
 * office's, from the Preferences, or else the database's. */
static char *
export_suggested_name (Fixture   *f,
                       GSettings *settings)
{
  LiaWindow *window = g_object_new (LIA_TYPE_WINDOW, "store", f->base.store, "settings", settings, NULL);
  GtkFileChooser *chooser;
  char *name;

  lia_ui_test_present (GTK_WINDOW (window));
  _lia_window_export (window);
  chooser = wait_for_chooser ();
  name = gtk_file_chooser_get_current_name (chooser);

  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  lia_ui_test_settle ();
  lia_ui_test_destroy (GTK_WINDOW (window));
  return name;
}

static void
test_export_suggested_name (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *unnamed = NULL;
  g_autofree char *named = NULL;
  /* The fixture's database is liaison.db, or on a server the database f->dir names. */
  g_autofree char *expected = g_strconcat (pg_cluster != NULL ? f->base.dir : "liaison", ".partners.xml", NULL);

  g_settings_reset (settings, "office-name");
  unnamed = export_suggested_name (f, settings);
  g_assert_cmpstr (unnamed, ==, expected);

  g_settings_set_string (settings, "office-name", "Regional Health Office / Geneva");
  named = export_suggested_name (f, settings);
  g_assert_cmpstr (named, ==, "Regional Health Office - Geneva.partners.xml");
  g_settings_reset (settings, "office-name");
}

static void
test_no_display (void)
{
  g_test_skip ("No display to open windows on: run the ui suite under xvfb-run");
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
      g_test_add_func ("/print/no-display", test_no_display);
      return g_test_run ();
    }

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  g_test_add_func ("/print/safe-names", test_safe_names);
  ADD ("/print/suggested-name", test_suggested_name);
  ADD ("/print/remembers-folder", test_remembers_folder);
  ADD ("/print/tab-applies-to-one-print", test_tab_applies_to_one_print);
  ADD ("/print/tab-map", test_tab_map);
  ADD ("/print/defaults-from-settings", test_defaults_from_settings);
  ADD ("/print/record-gone", test_record_gone);
  ADD ("/print/export-suggested-name", test_export_suggested_name);

#undef ADD

  status = g_test_run ();
  return status;
}
