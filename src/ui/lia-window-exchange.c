/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lia-briefing-print.h"
#include "lia-csv-mapping-dialog.h"
#include "lia-exporter.h"
#include "lia-file-names.h"
#include "lia-importer.h"
#include "lia-store-bulk.h"
#include "lia-window-private.h"

/* Import, export, printing briefings and the sample directory, from the window. Imports and
 * exports run in a worker thread on their own connection to the database (DESIGN.md), so the
 * window stays responsive; their progress comes back on the main context. */

#define SAMPLE_RESOURCE "resource:///io/github/liaison/Liaison/samples/regional-health-office.xml"

/* An import that is one half of a copy between this computer and the team server. */
typedef enum
{
  COPY_NONE,
  COPY_TO_LOCAL,
  COPY_TO_SERVER,
} CopyDirection;

typedef struct
{
  LiaWindow        *window;      /* weak: the window may close first */
  LiaImporter      *importer;
  GCancellable     *cancellable;
  AdwMessageDialog *dialog;
  GtkProgressBar   *progress;
  GtkLabel         *count;
  /* For the sample: the window to open on the database once it is filled. */
  char             *open_when_done;
  /* For a copy: its direction, and the partner directory in between (in a folder of its own),
   * removed with its folder when the import ends. */
  CopyDirection     copy;
  char             *remove_when_done;
} ImportRun;

static void
import_run_free (ImportRun *run)
{
  g_clear_weak_pointer (&run->window);
  g_clear_object (&run->importer);
  g_clear_object (&run->cancellable);
  g_clear_pointer (&run->open_when_done, g_free);
  if (run->remove_when_done != NULL)
    {
      g_autofree char *folder = g_path_get_dirname (run->remove_when_done);

      g_unlink (run->remove_when_done);
      g_rmdir (folder);
    }
  g_clear_pointer (&run->remove_when_done, g_free);
  g_free (run);
}

static const char *
copy_heading (CopyDirection copy)
{
  return copy == COPY_TO_LOCAL ? _("Copying to This Computer") : _("Copying to the Team Server");
}

static char *
file_label (GFile *file)
{
  return g_file_get_basename (file);
}

static void
on_import_progress_cb (LiaImporter *importer,
                       GParamSpec  *pspec,
                       ImportRun   *run)
{
  guint64 total = lia_importer_get_bytes_total (importer);
  guint64 records = lia_importer_get_records_read (importer);
  g_autofree char *text = NULL;

  if (total > 0)
    gtk_progress_bar_set_fraction (run->progress,
                                   CLAMP ((double) lia_importer_get_bytes_read (importer) / total, 0.0, 1.0));
  else
    gtk_progress_bar_pulse (run->progress);

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" PRIu64 " record read",
                                       "%" PRIu64 " records read", records), records);
  gtk_label_set_text (run->count, text);
}

static void
on_progress_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         ImportRun        *run)
{
  /* The only response while it runs is Cancel; the dialog goes, and the result says so. */
  g_cancellable_cancel (run->cancellable);
  run->dialog = NULL;
}

static GtkWidget *
problems_view (LiaImporter *importer)
{
  GListModel *problems = lia_importer_get_problems (importer);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);

  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(LiaImportProblem) problem = g_list_model_get_item (problems, i);
      g_autofree char *where = NULL;
      GtkWidget *row = adw_action_row_new ();

      if (lia_import_problem_get_column (problem) > 0)
        where = g_strdup_printf (_("Line %u, column %u"), lia_import_problem_get_line (problem),
                                 lia_import_problem_get_column (problem));
      else if (lia_import_problem_get_line (problem) > 0)
        where = g_strdup_printf (_("Line %u"), lia_import_problem_get_line (problem));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lia_import_problem_get_message (problem));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      if (where != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  return scrolled;
}

static void open_database_window (LiaWindow *self, const char *path);
static void start_import (LiaWindow *self, GFile *file, LiaStore *store, const char *column_map,
                          const char *open_when_done, gboolean create_people);
static void start_copy_import (LiaWindow *self, GFile *file, LiaStore *store, CopyDirection copy,
                               const char *remove_when_done);

/* The people a calendar file invited who are not contacts, one row each. */
static GtkWidget *
people_view (const char * const *people)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("People invited who are not contacts"), -1);

  for (guint i = 0; people[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), people[i]);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  return scrolled;
}

static void
on_import_report_response_cb (AdwMessageDialog *report,
                              const char       *response,
                              LiaWindow        *self)
{
  GFile *file = g_object_get_data (G_OBJECT (report), "lia-import-file");
  LiaStore *store = lia_window_get_store (self);

  /* The same file again, creating the people: its meetings are found by their UID and gain
   * them as participants. */
  if (g_str_equal (response, "add-people") && file != NULL && store != NULL)
    start_import (self, file, store, NULL, NULL, TRUE);
}

static void
on_import_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ImportRun *run = user_data;
  LiaImporter *importer = LIA_IMPORTER (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = file_label (lia_importer_get_file (importer));
  AdwMessageDialog *report;
  gboolean ok;

  ok = lia_importer_run_finish (importer, result, &error);

  /* Closed the way its Cancel button would close it (the dialog destroys itself), but without
   * cancelling anything. */
  if (run->dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (run->dialog, run);
      gtk_window_close (GTK_WINDOW (run->dialog));
    }
  run->dialog = NULL;

  if (run->window == NULL)
    {
      import_run_free (run);
      return;
    }

  if (ok && run->open_when_done != NULL)
    {
      open_database_window (run->window, run->open_when_done);
    }
  else if (ok)
    {
      g_autofree char *heading = run->copy == COPY_TO_LOCAL ? g_strdup (_("Copied to This Computer"))
                                 : run->copy == COPY_TO_SERVER ? g_strdup (_("Copied to the Team Server"))
                                 : g_strdup_printf (_("Imported “%s”"), name);
      g_autofree char *counts =
        g_strdup_printf (_("Created %" PRIu64 ", updated %" PRIu64
                           " and found %" PRIu64 " unchanged."),
                         lia_importer_get_total (importer, LIA_IMPORT_CREATED),
                         lia_importer_get_total (importer, LIA_IMPORT_UPDATED),
                         lia_importer_get_total (importer, LIA_IMPORT_UNCHANGED));
      g_autofree char *not_kept = lia_importer_describe_not_kept (importer);
      g_autoptr(GString) body = g_string_new (counts);
      guint n_warnings = g_list_model_get_n_items (lia_importer_get_warnings (importer));
      const char * const *people = lia_importer_get_unmatched_people (importer);
      guint n_people = g_strv_length ((char **) people);

      /* Nothing is dropped without a word: what the file had that Liaison has no field for. */
      if (not_kept != NULL)
        {
          g_string_append (body, "\n\n");
          /* TRANSLATORS: %s is a list such as "3 × X-SOCIALPROFILE, 1 × GEO". */
          g_string_append_printf (body, _("Not kept: %s."), not_kept);
        }
      if (n_warnings > 0)
        {
          g_autoptr(LiaImportProblem) first = g_list_model_get_item (lia_importer_get_warnings (importer), 0);

          g_string_append (body, "\n\n");
          g_string_append_printf (body,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "%u oddity was read past, at line %u: %s",
                                               "%u oddities were read past, the first at line %u: %s",
                                               n_warnings),
                                  n_warnings, lia_import_problem_get_line (first),
                                  lia_import_problem_get_message (first));
        }
      if (n_people > 0)
        {
          g_string_append (body, "\n\n");
          g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE,
                                                     "%u person invited is not among your contacts:",
                                                     "%u people invited are not among your contacts:", n_people),
                                  n_people);
        }

      report = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (run->window), heading, body->str));
      adw_message_dialog_add_response (report, "close", _("_Close"));
      if (people[0] != NULL && run->copy == COPY_NONE)
        {
          adw_message_dialog_set_extra_child (report, people_view (people));
          adw_message_dialog_add_response (report, "add-people", _("_Add as Contacts"));
          adw_message_dialog_set_response_appearance (report, "add-people", ADW_RESPONSE_SUGGESTED);
          g_object_set_data_full (G_OBJECT (report), "lia-import-file",
                                  g_object_ref (lia_importer_get_file (importer)), g_object_unref);
          g_signal_connect_object (report, "response", G_CALLBACK (on_import_report_response_cb),
                                   run->window, G_CONNECT_DEFAULT);
        }
      gtk_widget_add_css_class (GTK_WIDGET (report), "lia-import-report");
      gtk_window_present (GTK_WINDOW (report));
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      _lia_window_show_message (run->window, run->copy != COPY_NONE ? _("Copy cancelled: nothing was changed")
                                                                    : _("Import cancelled: nothing was changed"));
    }
  else
    {
      g_autofree char *heading = run->copy != COPY_NONE ? g_strdup (_("Nothing Was Copied"))
                                                        : g_strdup_printf (_("“%s” Was Not Imported"), name);

      report = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (run->window), heading, error->message));
      if (g_list_model_get_n_items (lia_importer_get_problems (importer)) > 0)
        adw_message_dialog_set_extra_child (report, problems_view (importer));
      adw_message_dialog_add_response (report, "close", _("_Close"));
      gtk_widget_add_css_class (GTK_WIDGET (report), "lia-import-problems");
      gtk_window_present (GTK_WINDOW (report));
    }

  import_run_free (run);
}

static void
run_import (LiaWindow  *self,
            ImportRun  *run,
            GFile      *file,
            LiaStore   *store,
            const char *column_map,
            gboolean    create_people)
{
  g_autofree char *name = file_label (file);
  g_autofree char *heading = run->copy != COPY_NONE ? g_strdup (copy_heading (run->copy))
                                                    : g_strdup_printf (_("Importing “%s”"), name);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  g_set_weak_pointer (&run->window, self);
  run->importer = lia_importer_new (file);
  lia_importer_set_column_map (run->importer, column_map);
  lia_importer_set_create_people (run->importer, create_people);
  run->cancellable = g_cancellable_new ();

  run->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  run->count = GTK_LABEL (gtk_label_new (_("Starting…")));
  gtk_widget_add_css_class (GTK_WIDGET (run->count), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (run->count), "numeric");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (run->progress));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (run->count));

  run->dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                            run->copy != COPY_NONE
                                                            ? _("Nothing is changed until every record has been read.")
                                                            : _("Nothing is changed until the whole file has been read.")));
  adw_message_dialog_set_extra_child (run->dialog, box);
  adw_message_dialog_add_response (run->dialog, "cancel", _("_Cancel"));
  g_signal_connect (run->dialog, "response", G_CALLBACK (on_progress_response_cb), run);
  g_signal_connect (run->importer, "notify::records-read", G_CALLBACK (on_import_progress_cb), run);
  gtk_window_present (GTK_WINDOW (run->dialog));

  /* The importer tells @store what it changed: the window reloads once, before the report. */
  lia_importer_run_async (run->importer, store, run->cancellable, on_import_done_cb, run);
}

static void
start_import (LiaWindow  *self,
              GFile      *file,
              LiaStore   *store,
              const char *column_map,
              const char *open_when_done,
              gboolean    create_people)
{
  ImportRun *run = g_new0 (ImportRun, 1);

  run->open_when_done = g_strdup (open_when_done);
  run_import (self, run, file, store, column_map, create_people);
}

static void
start_copy_import (LiaWindow     *self,
                   GFile         *file,
                   LiaStore      *store,
                   CopyDirection  copy,
                   const char    *remove_when_done)
{
  ImportRun *run = g_new0 (ImportRun, 1);

  run->copy = copy;
  run->remove_when_done = g_strdup (remove_when_done);
  run_import (self, run, file, store, NULL, FALSE);
}

static gboolean
is_csv_name (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *folded = name != NULL ? g_utf8_casefold (name, -1) : NULL;

  return folded != NULL && g_str_has_suffix (folded, ".csv");
}

static void
on_csv_mapped_cb (LiaCsvMappingDialog *dialog,
                  const char          *map,
                  LiaWindow           *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "file");
  LiaStore *store = lia_window_get_store (self);

  if (store != NULL)
    start_import (self, file, store, map, NULL, FALSE);
}

void
_lia_window_import_file (LiaWindow *self,
                         GFile     *file)
{
  LiaStore *store = lia_window_get_store (self);

  g_return_if_fail (LIA_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (store == NULL)
    {
      _lia_window_show_message (self, _("There is no database to import into"));
      return;
    }

  /* A CSV file whose header Liaison does not know: ask what its columns hold first. */
  if (is_csv_name (file))
    {
      g_autoptr(LiaCsvPreview) preview = lia_csv_preview_new (file, 5, NULL, NULL);

      if (preview != NULL && preview->profile == NULL && preview->columns[0] != NULL)
        {
          g_autofree char *name = file_label (file);
          LiaCsvMappingDialog *dialog = lia_csv_mapping_dialog_new (GTK_WINDOW (self), name, preview,
                                                                    self->settings);

          g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
          g_signal_connect_object (dialog, "mapped", G_CALLBACK (on_csv_mapped_cb), self, 0);
          gtk_window_present (GTK_WINDOW (dialog));
          return;
        }
    }

  start_import (self, file, store, NULL, NULL, FALSE);
}

static void
on_import_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               LiaWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      _lia_window_import_file (self, file);
    }
  g_object_unref (chooser);
}

static void
add_import_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) supported = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) xml = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) vcard = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) calendar = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  /* The first filter is the one shown: every file Liaison reads (by content, whatever the
   * name; these are only what the chooser lists). */
  gtk_file_filter_set_name (supported, _("All supported files"));
  gtk_file_filter_set_name (xml, _("Partner directories and xCard files"));
  gtk_file_filter_set_name (vcard, _("vCard (.vcf)"));
  gtk_file_filter_set_name (csv, _("CSV (.csv)"));
  gtk_file_filter_set_name (calendar, _("Calendar (.ics)"));
  for (guint i = 0; i < 2; i++)
    {
      GtkFileFilter *filter = i == 0 ? supported : xml;

      gtk_file_filter_add_mime_type (filter, "application/xml");
      gtk_file_filter_add_mime_type (filter, "text/xml");
      gtk_file_filter_add_suffix (filter, "xml");
    }
  for (guint i = 0; i < 2; i++)
    {
      GtkFileFilter *filter = i == 0 ? supported : vcard;

      gtk_file_filter_add_mime_type (filter, "text/vcard");
      gtk_file_filter_add_mime_type (filter, "text/x-vcard");
      gtk_file_filter_add_suffix (filter, "vcf");
      gtk_file_filter_add_suffix (filter, "vcard");
    }
  for (guint i = 0; i < 2; i++)
    {
      GtkFileFilter *filter = i == 0 ? supported : csv;

      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_suffix (filter, "csv");
    }
  for (guint i = 0; i < 2; i++)
    {
      GtkFileFilter *filter = i == 0 ? supported : calendar;

      gtk_file_filter_add_mime_type (filter, "text/calendar");
      gtk_file_filter_add_suffix (filter, "ics");
    }
  gtk_file_chooser_add_filter (chooser, supported);
  gtk_file_chooser_add_filter (chooser, xml);
  gtk_file_chooser_add_filter (chooser, vcard);
  gtk_file_chooser_add_filter (chooser, csv);
  gtk_file_chooser_add_filter (chooser, calendar);

  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
}

void
_lia_window_import (LiaWindow *self)
{
  GtkFileChooserNative *chooser;

  if (lia_window_get_store (self) == NULL)
    {
      _lia_window_show_message (self, _("There is no database to import into"));
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Import Contacts or a Partner Directory"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  add_import_filters (GTK_FILE_CHOOSER (chooser));
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Export */

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  LiaExporter *exporter = LIA_EXPORTER (source);
  g_autoptr(LiaWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!lia_exporter_run_finish (exporter, result, &error))
    {
      AdwMessageDialog *report =
        ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Nothing Was Exported"), error->message));
      adw_message_dialog_add_response (report, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (report));
    }
  else
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %" PRIu64 " record",
                                      "Exported %" PRIu64 " records",
                                      lia_exporter_get_records_written (exporter)),
                         lia_exporter_get_records_written (exporter));
      _lia_window_show_message (self, message);
    }
}

static void
on_export_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               LiaWindow       *self)
{
  LiaStore *store = lia_window_get_store (self);

  if (response == GTK_RESPONSE_ACCEPT && store != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      const char *format = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "format");
      const char *scope = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "scope");
      g_autoptr(LiaExporter) exporter =
        lia_exporter_new (file, g_strcmp0 (format, "xcard") == 0 ? LIA_EXCHANGE_FORMAT_XCARD
                                : g_strcmp0 (format, "vcard") == 0 ? LIA_EXCHANGE_FORMAT_VCARD
                                : LIA_EXCHANGE_FORMAT_DIRECTORY);

      if (g_strcmp0 (scope, "organization") == 0 && self->current_kind == LIA_RECORD_KIND_ORGANIZATION)
        lia_exporter_set_organization_id (exporter, self->current_id);

      lia_exporter_run_async (exporter, store, NULL, on_export_done_cb,
                              g_object_ref (self));
    }
  g_object_unref (chooser);
}

void
_lia_window_export (LiaWindow *self)
{
  static const char *format_ids[] = { "directory", "xcard", "vcard", NULL };
  const char *format_labels[] = { _("Partner directory"), _("xCard (contacts and organizations)"),
                                  _("vCard (.vcf, contacts and organizations)"), NULL };
  GtkFileChooserNative *chooser;
  g_autofree char *only = NULL;
  g_autofree char *office = NULL;
  g_autofree char *name = NULL;

  if (lia_window_get_store (self) == NULL)
    {
      _lia_window_show_message (self, _("There is no database to export"));
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  office = self->settings != NULL ? g_settings_get_string (self->settings, "office-name") : NULL;
  name = lia_file_name_for_directory (office, lia_store_get_path (lia_window_get_store (self)));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "format", _("Format"),
                               format_ids, format_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "format", "directory");

  /* With an organization selected, offer to export only what concerns it. */
  if (self->current_kind == LIA_RECORD_KIND_ORGANIZATION && self->current_id > 0)
    {
      g_autoptr(LiaRecord) organization =
        lia_store_load (lia_window_get_store (self), LIA_RECORD_KIND_ORGANIZATION, self->current_id, NULL);

      if (organization != NULL)
        {
          static const char *scope_ids[] = { "all", "organization", NULL };
          const char *scope_labels[] = { _("Everything"), NULL, NULL };

          only = g_strdup_printf (_("Only “%s”, its people and their history"),
                                  lia_record_get_label (organization));
          scope_labels[1] = only;
          gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "scope", _("Export"),
                                       scope_ids, scope_labels);
          gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "scope", "organization");
        }
    }

  g_signal_connect (chooser, "response", G_CALLBACK (on_export_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Copying between this computer and the team server (docs/team-server.md, "Moving in and
 * out"): the source's records go out as a partner directory into a private temporary folder
 * and come in through the importer, with its summary, as `liaison export - | liaison import -`
 * does on the command line. Both halves run in worker threads on connections of their own. */

typedef struct
{
  LiaWindow        *window;      /* weak: the window may close first */
  LiaStore         *target;
  CopyDirection     copy;
  LiaExporter      *exporter;
  GCancellable     *cancellable;
  AdwMessageDialog *dialog;
  GtkProgressBar   *progress;
  char             *path;        /* the partner directory in between, until the import has it */
} CopyRun;

static void
copy_run_free (CopyRun *run)
{
  g_clear_weak_pointer (&run->window);
  g_clear_object (&run->target);
  g_clear_object (&run->exporter);
  g_clear_object (&run->cancellable);
  if (run->path != NULL)
    {
      g_autofree char *folder = g_path_get_dirname (run->path);

      g_unlink (run->path);
      g_rmdir (folder);
    }
  g_clear_pointer (&run->path, g_free);
  g_free (run);
}

static void
on_copy_progress_cb (LiaExporter *exporter,
                     GParamSpec  *pspec,
                     CopyRun     *run)
{
  guint64 total = lia_exporter_get_records_total (exporter);

  if (run->dialog == NULL)
    return;
  if (total > 0)
    gtk_progress_bar_set_fraction (run->progress,
                                   CLAMP ((double) lia_exporter_get_records_written (exporter) / total, 0.0, 1.0));
  else
    gtk_progress_bar_pulse (run->progress);
}

static void
on_copy_cancel_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   CopyRun          *run)
{
  g_cancellable_cancel (run->cancellable);
  run->dialog = NULL;
}

static void
on_copy_exported_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  CopyRun *run = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = lia_exporter_run_finish (LIA_EXPORTER (source), result, &error);

  if (run->dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (run->dialog, run);
      gtk_window_close (GTK_WINDOW (run->dialog));
      run->dialog = NULL;
    }

  if (run->window == NULL)
    ;
  else if (ok)
    {
      g_autoptr(GFile) file = g_file_new_for_path (run->path);

      /* The import removes the file and its folder when it ends. */
      start_copy_import (run->window, file, run->target, run->copy, run->path);
      g_clear_pointer (&run->path, g_free);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _lia_window_show_message (run->window, _("Copy cancelled: nothing was changed"));
  else
    {
      AdwMessageDialog *report =
        ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (run->window), _("Nothing Was Copied"),
                                                    error->message));

      adw_message_dialog_add_response (report, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (report));
    }

  copy_run_free (run);
}

static void
start_copy (LiaWindow     *self,
            CopyDirection  copy)
{
  g_autofree char *local_path = lia_store_dup_local_path ();
  g_autoptr(LiaStore) local = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GFile) file = NULL;
  CopyRun *run;
  GtkWidget *box;

  folder = g_dir_make_tmp ("liaison-copy-XXXXXX", &error);
  if (folder != NULL)
    local = lia_store_open (local_path, &error);
  if (local == NULL)
    {
      AdwMessageDialog *report =
        ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Nothing Was Copied"), error->message));

      adw_message_dialog_add_response (report, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (report));
      if (folder != NULL)
        g_rmdir (folder);
      return;
    }

  run = g_new0 (CopyRun, 1);
  g_set_weak_pointer (&run->window, self);
  run->copy = copy;
  run->target = g_object_ref (copy == COPY_TO_LOCAL ? local : lia_window_get_store (self));
  /* Named for what it is, in a folder only its owner can read (directories are confidential). */
  run->path = g_build_filename (folder, "partner-directory.xml", NULL);
  file = g_file_new_for_path (run->path);
  run->exporter = lia_exporter_new (file, LIA_EXCHANGE_FORMAT_DIRECTORY);
  run->cancellable = g_cancellable_new ();

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  run->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (run->progress));
  run->dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), copy_heading (copy),
                                                            copy == COPY_TO_LOCAL
                                                            ? _("Reading the team server’s records…")
                                                            : _("Reading this computer’s records…")));
  adw_message_dialog_set_extra_child (run->dialog, box);
  adw_message_dialog_add_response (run->dialog, "cancel", _("_Cancel"));
  g_signal_connect (run->dialog, "response", G_CALLBACK (on_copy_cancel_cb), run);
  g_signal_connect (run->exporter, "notify::records-written", G_CALLBACK (on_copy_progress_cb), run);
  gtk_window_present (GTK_WINDOW (run->dialog));

  lia_exporter_run_async (run->exporter, copy == COPY_TO_LOCAL ? lia_window_get_store (self) : local,
                          run->cancellable, on_copy_exported_cb, run);
}

static void
on_copy_confirmed_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      LiaWindow        *self)
{
  if (g_str_equal (response, "copy"))
    start_copy (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "lia-copy")));
}

void
_lia_window_copy (LiaWindow *self,
                  gboolean   to_server)
{
  LiaStore *store = lia_window_get_store (self);
  g_autofree char *local_path = lia_store_dup_local_path ();
  g_autofree char *shown = g_filename_display_name (local_path);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (store == NULL || !lia_store_location_is_server (lia_store_get_path (store)))
    {
      _lia_window_show_message (self, _("Connect to a team server first"));
      return;
    }
  if (to_server && !g_file_test (local_path, G_FILE_TEST_EXISTS))
    {
      _lia_window_show_message (self, _("There is no database on this computer to copy"));
      return;
    }

  body = to_server
    ? g_strdup_printf (_("Every record in the database on this computer (%s) is copied to the team "
                         "server, where the whole office sees it. What the server has stays; "
                         "records on both are merged as an import merges them."), shown)
    : g_strdup_printf (_("Every record on the team server is copied into the database on this "
                         "computer (%s), to work with away from the office. What that database "
                         "has stays; records on both are merged as an import merges them."), shown);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       to_server ? _("Copy to the Team Server?")
                                                                 : _("Copy to This Computer?"),
                                                       body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "copy", _("C_opy"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "copy", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "copy");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "lia-copy", GINT_TO_POINTER (to_server ? COPY_TO_SERVER : COPY_TO_LOCAL));
  gtk_widget_add_css_class (GTK_WIDGET (dialog), "lia-copy-confirm");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_copy_confirmed_cb), self, G_CONNECT_DEFAULT);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Briefings */

void
_lia_window_print_briefing (LiaWindow *self)
{
  LiaBriefingRequest request = { 0, };
  LiaBriefingPrintOptions options;
  g_autoptr(GError) error = NULL;
  LiaStore *store = lia_window_get_store (self);

  if (store == NULL || self->current_id <= 0 ||
      (self->current_kind != LIA_RECORD_KIND_ORGANIZATION &&
       self->current_kind != LIA_RECORD_KIND_CONTACT &&
       self->current_kind != LIA_RECORD_KIND_INTERACTION &&
       self->current_kind != LIA_RECORD_KIND_PROJECT))
    {
      _lia_window_show_message (self, _("Open an organization, a contact, an interaction or a project to print its briefing"));
      return;
    }

  request.kind = self->current_kind;
  request.id = self->current_id;
  lia_briefing_print_options_init_from_settings (&options, self->settings);
  if (!lia_briefing_print_run (GTK_WINDOW (self), store, &request, &options, &error))
    {
      AdwMessageDialog *report =
        ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("The Briefing Was Not Printed"),
                                                    error->message));
      adw_message_dialog_add_response (report, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (report));
    }
}

/* The sample directory, in a database of its own so that it never mixes with real data. */

static void
open_database_window (LiaWindow  *self,
                      const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaStore) store = lia_store_open (path, &error);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  LiaWindow *window;

  window = lia_window_new (application != NULL ? ADW_APPLICATION (application) : NULL, store,
                           error != NULL ? error->message : NULL);
  gtk_window_set_title (GTK_WINDOW (window), _("Liaison — Sample Directory"));
  gtk_window_present (GTK_WINDOW (window));
}

void
_lia_window_explore_sample (LiaWindow *self)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "liaison", "sample.db", NULL);
  g_autoptr(GFile) sample = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  LiaStoreCounts counts;

  /* Created once; after that the sample is what the user made of it. */
  if (!(store = lia_store_open (path, &error)) || !lia_store_get_counts (store, &counts, &error))
    {
      _lia_window_show_message (self, error->message);
      return;
    }

  if (counts.organizations > 0 || counts.contacts > 0)
    {
      g_clear_object (&store);
      open_database_window (self, path);
      return;
    }

  sample = g_file_new_for_uri (SAMPLE_RESOURCE);
  start_import (self, sample, store, NULL, path, FALSE);
}

/* Drag and drop */

gboolean
_lia_window_drop_value (LiaWindow    *self,
                        const GValue *value)
{
  GSList *files;

  g_return_val_if_fail (LIA_IS_WINDOW (self), FALSE);

  /* One file, as some programs offer it (a calendar's attachment), or a list: the first. */
  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    {
      _lia_window_import_file (self, g_value_get_object (value));
      return TRUE;
    }
  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files == NULL)
    return FALSE;

  _lia_window_import_file (self, files->data);
  g_slist_free (files);
  return TRUE;
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            LiaWindow     *self)
{
  return _lia_window_drop_value (self, value);
}

void
_lia_window_init_drop (LiaWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));

  g_signal_connect (target, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
