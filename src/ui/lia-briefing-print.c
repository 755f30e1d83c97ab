/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lia-briefing-print.h"
#include "lia-file-names.h"

#define SETTINGS_KEY "lia-briefing-print-settings"
#define PAGE_SETUP_KEY "lia-briefing-page-setup"
#define JOB_KEY "lia-briefing-print-job"

/* The schema's range of briefing-history-months. */
#define MIN_HISTORY_MONTHS 1
#define MAX_HISTORY_MONTHS 120

/* One print: the request with copies of everything it points to, so that the operation may
 * outlive the caller's request, and the briefing gathered for it. */
typedef struct
{
  LiaStore            *store;
  LiaBriefingRequest   request;
  char                *uid;
  GDate                today;
  GDate                since;
  GDateTime           *printed_at;
  guint                history_months;

  LiaBriefingDocument *document;
  LiaBriefingLayout   *layout;
  /* Gathering the briefing again with the tab's options failed: the print is cancelled and
   * lia_briefing_print_operation_run() reports this. */
  GError              *error;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->store);
  g_clear_pointer (&job->uid, g_free);
  g_clear_pointer (&job->printed_at, g_date_time_unref);
  g_clear_object (&job->document);
  g_clear_object (&job->layout);
  g_clear_error (&job->error);
  g_free (job);
}

static LiaBriefingDocument *
print_job_build (PrintJob  *job,
                 GError   **error)
{
  job->since = job->today;
  g_date_subtract_months (&job->since, job->history_months);
  job->request.since = &job->since;

  return lia_briefing_build (job->store, &job->request, error);
}

/* The record's name, for the file name: the builder has it, but only inside the document's
 * running title, which is worded for the page ("Organization briefing: …"). */
static char *
dup_record_name (LiaStore                 *store,
                 const LiaBriefingRequest *request)
{
  g_autoptr(LiaRecord) record = NULL;

  if (request->id > 0)
    record = lia_store_load (store, request->kind, request->id, NULL);
  else if (request->uid != NULL)
    record = lia_store_load_by_uid (store, request->kind, request->uid, NULL);

  return record != NULL ? g_strdup (lia_record_get_label (record)) : NULL;
}

/* The printer and options chosen last time on @parent, with Print to File pointing at this
 * briefing's name in the folder used last time (not at last time's file). */
static GtkPrintSettings *
make_print_settings (GtkWindow                *parent,
                     PrintJob                 *job)
{
  GtkPrintSettings *remembered = parent != NULL ? g_object_get_data (G_OBJECT (parent), SETTINGS_KEY) : NULL;
  GtkPrintSettings *settings = remembered != NULL ? gtk_print_settings_copy (remembered)
                                                  : gtk_print_settings_new ();
  const char *last_uri = gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI);
  g_autofree char *record_name = dup_record_name (job->store, &job->request);
  g_autofree char *basename = NULL;

  if (last_uri != NULL)
    {
      g_autoptr(GFile) last = g_file_new_for_uri (last_uri);
      g_autoptr(GFile) folder = g_file_get_parent (last);
      g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

      /* GTK's file printer takes the folder as a path. */
      if (path != NULL)
        gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_DIR, path);
      gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, NULL);
    }

  basename = lia_file_name_for_briefing (record_name != NULL ? record_name
                                                             : lia_briefing_document_get_running_title (job->document),
                                         &job->today);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, basename);
  if (gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT) == NULL)
    gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");

  return settings;
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   PrintJob          *job)
{
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);
  /* The whole sheet, whatever the orientation: the layout sets its own margins, wider than any
   * printer's unprintable edge. Below A6 they would not fit, so smaller paper is treated as A6
   * and what does not fit is cut off by the printer. */
  double width = MAX (gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS), 280);
  double height = MAX (gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS), 400);

  if (job->error != NULL)
    {
      gtk_print_operation_cancel (operation);
      return;
    }

  g_clear_object (&job->layout);
  job->layout = lia_briefing_layout_new (job->document, width, height);
  gtk_print_operation_set_n_pages (operation, (int) lia_briefing_layout_get_n_pages (job->layout));
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  g_assert (job->layout != NULL);
  lia_briefing_layout_render_page (job->layout, cr, (guint) page_nr);
}

static void
on_end_print_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 PrintJob          *job)
{
  g_clear_object (&job->layout);
}

/* The dialog's Briefing tab. */

static GtkWidget *
add_row (AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle,
         GtkWidget           *control,
         const char          *accessible_name)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (control, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), control);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), control);
  adw_preferences_group_add (group, row);
  return row;
}

static GObject *
on_create_custom_widget_cb (GtkPrintOperation *operation,
                            PrintJob          *job)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *redact = gtk_switch_new ();
  GtkWidget *map = NULL;
  GtkWidget *history = gtk_spin_button_new_with_range (MIN_HISTORY_MONTHS, MAX_HISTORY_MONTHS, 1);

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);

  gtk_switch_set_active (GTK_SWITCH (redact), job->request.redact);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (history), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (history), job->history_months);

  add_row (ADW_PREFERENCES_GROUP (group), _("Re_dact"),
           _("Leave out notes, email addresses and phone numbers, for a copy that leaves the office"),
           redact, _("Redact"));
  /* Only an organization's briefing has a stakeholder map. */
  if (job->request.kind == LIA_RECORD_KIND_ORGANIZATION)
    {
      map = gtk_switch_new ();
      gtk_switch_set_active (GTK_SWITCH (map), job->request.map);
      add_row (ADW_PREFERENCES_GROUP (group), _("Stakeholder _Map"),
               _("Add the map of the organization and its people"),
               map, _("Stakeholder map"));
    }
  add_row (ADW_PREFERENCES_GROUP (group), _("_History in Months"),
           _("How far back interactions, commitments and changes of assessment go"),
           history, _("History in months"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("For this print only: the defaults are in Preferences."));
  gtk_box_append (GTK_BOX (box), group);

  /* Read back by on_custom_widget_apply_cb: the widget GTK hands over is this box. */
  g_object_set_data (G_OBJECT (box), "redact", redact);
  g_object_set_data (G_OBJECT (box), "map", map);
  g_object_set_data (G_OBJECT (box), "history", history);

  return G_OBJECT (box);
}

static void
on_custom_widget_apply_cb (GtkPrintOperation *operation,
                           GtkWidget         *widget,
                           PrintJob          *job)
{
  GtkSwitch *redact = g_object_get_data (G_OBJECT (widget), "redact");
  GtkSpinButton *history = g_object_get_data (G_OBJECT (widget), "history");
  GtkSwitch *map = g_object_get_data (G_OBJECT (widget), "map");
  gboolean want_redact;
  gboolean want_map;
  guint want_months;
  LiaBriefingDocument *document;

  g_return_if_fail (GTK_IS_SWITCH (redact) && GTK_IS_SPIN_BUTTON (history));

  /* A value typed but not yet committed with Enter counts. */
  gtk_spin_button_update (history);
  want_redact = gtk_switch_get_active (redact);
  want_months = (guint) gtk_spin_button_get_value_as_int (history);
  want_map = map != NULL ? gtk_switch_get_active (map) : job->request.map;
  if (want_redact == job->request.redact && want_map == job->request.map
      && want_months == job->history_months)
    return;

  job->request.redact = want_redact;
  job->request.map = want_map;
  job->history_months = want_months;
  g_clear_error (&job->error);
  document = print_job_build (job, &job->error);
  if (document != NULL)
    {
      g_clear_object (&job->document);
      job->document = document;
    }
}

void
lia_briefing_print_options_init_from_settings (LiaBriefingPrintOptions *options,
                                               GSettings               *settings)
{
  g_autofree char *paper = NULL;

  g_return_if_fail (options != NULL);
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  options->history_months = 12;
  options->max_interactions = LIA_BRIEFING_DEFAULT_INTERACTIONS;
  options->redact = FALSE;
  options->map = FALSE;
  options->paper = lia_briefing_paper_from_locale ();
  if (settings == NULL)
    return;

  options->history_months = (guint) g_settings_get_int (settings, "briefing-history-months");
  options->max_interactions = (guint) g_settings_get_int (settings, "briefing-interactions");
  options->redact = g_settings_get_boolean (settings, "briefing-redact");
  options->map = g_settings_get_boolean (settings, "briefing-map");
  paper = g_settings_get_string (settings, "briefing-paper");
  /* "locale" is not a paper name: it keeps the locale's. */
  lia_briefing_paper_from_name (paper, &options->paper);
}

GtkPrintOperation *
lia_briefing_print_operation_new (GtkWindow                      *parent,
                                  LiaStore                       *store,
                                  const LiaBriefingRequest       *request,
                                  const LiaBriefingPrintOptions  *options,
                                  GError                        **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPrintSettings) settings = NULL;
  GtkPageSetup *page_setup;
  PrintJob *job;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  job = g_new0 (PrintJob, 1);
  job->store = g_object_ref (store);
  job->request = *request;
  job->uid = g_strdup (request->uid);
  job->request.uid = job->uid;
  if (request->today != NULL && g_date_valid (request->today))
    job->today = *request->today;
  else
    {
      g_autoptr(GDate) today = lia_date_new_today ();

      job->today = *today;
    }
  job->request.today = &job->today;
  /* The same footer time on every page of the preview and of the print. */
  job->printed_at = request->printed_at != NULL ? g_date_time_ref (request->printed_at)
                                                : g_date_time_new_now_local ();
  job->request.printed_at = job->printed_at;
  job->request.redact = options->redact;
  job->request.map = options->map;
  job->request.max_interactions = options->max_interactions;
  job->history_months = CLAMP (options->history_months, MIN_HISTORY_MONTHS, MAX_HISTORY_MONTHS);

  job->document = print_job_build (job, error);
  if (job->document == NULL)
    {
      print_job_free (job);
      return NULL;
    }

  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), JOB_KEY, job, (GDestroyNotify) print_job_free);
  gtk_print_operation_set_job_name (operation, lia_briefing_document_get_running_title (job->document));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  settings = make_print_settings (parent, job);
  gtk_print_operation_set_print_settings (operation, settings);

  page_setup = parent != NULL ? g_object_get_data (G_OBJECT (parent), PAGE_SETUP_KEY) : NULL;
  if (page_setup != NULL)
    gtk_print_operation_set_default_page_setup (operation, page_setup);
  else
    {
      g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
      g_autoptr(GtkPaperSize) paper =
        gtk_paper_size_new (options->paper == LIA_BRIEFING_PAPER_LETTER ? GTK_PAPER_NAME_LETTER
                                                                         : GTK_PAPER_NAME_A4);

      gtk_page_setup_set_paper_size (setup, paper);
      gtk_print_operation_set_default_page_setup (operation, setup);
    }

  /* Translators: the tab of the print dialog with a briefing's options. */
  gtk_print_operation_set_custom_tab_label (operation, _("Briefing"));
  g_signal_connect (operation, "create-custom-widget", G_CALLBACK (on_create_custom_widget_cb), job);
  g_signal_connect (operation, "custom-widget-apply", G_CALLBACK (on_custom_widget_apply_cb), job);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), job);
  g_signal_connect (operation, "end-print", G_CALLBACK (on_end_print_cb), job);

  return g_steal_pointer (&operation);
}

gboolean
lia_briefing_print_operation_run (GtkPrintOperation        *operation,
                                  GtkPrintOperationAction   action,
                                  GtkWindow                *parent,
                                  GError                  **error)
{
  PrintJob *job;
  GtkPrintOperationResult result;

  g_return_val_if_fail (GTK_IS_PRINT_OPERATION (operation), FALSE);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), FALSE);
  job = g_object_get_data (G_OBJECT (operation), JOB_KEY);
  g_return_val_if_fail (job != NULL, FALSE);

  result = gtk_print_operation_run (operation, action, parent, error);
  g_clear_object (&job->layout);

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    return FALSE;

  if (job->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&job->error));
      return FALSE;
    }

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY && parent != NULL)
    {
      GtkPageSetup *chosen = gtk_print_operation_get_default_page_setup (operation);
      GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);

      if (settings != NULL)
        g_object_set_data_full (G_OBJECT (parent), SETTINGS_KEY, g_object_ref (settings),
                                g_object_unref);
      if (chosen != NULL)
        g_object_set_data_full (G_OBJECT (parent), PAGE_SETUP_KEY, g_object_ref (chosen),
                                g_object_unref);
    }

  return TRUE;
}

gboolean
lia_briefing_print_run (GtkWindow                      *parent,
                        LiaStore                       *store,
                        const LiaBriefingRequest       *request,
                        const LiaBriefingPrintOptions  *options,
                        GError                        **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), FALSE);
  g_return_val_if_fail (LIA_IS_STORE (store), FALSE);
  g_return_val_if_fail (request != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  operation = lia_briefing_print_operation_new (parent, store, request, options, error);
  if (operation == NULL)
    return FALSE;

  return lia_briefing_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                           parent, error);
}
