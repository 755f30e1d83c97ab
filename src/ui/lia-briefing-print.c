/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"


#include "lia-briefing-print.h"

#define SETTINGS_KEY "lia-briefing-print-settings"
#define PAGE_SETUP_KEY "lia-briefing-page-setup"

typedef struct
{
  LiaBriefingDocument *document;
  LiaBriefingLayout   *layout;
} PrintJob;

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

gboolean
lia_briefing_print_run (GtkWindow                 *parent,
                        LiaStore                  *store,
                        const LiaBriefingRequest  *request,
                        GError                   **error)
{
  g_autoptr(LiaBriefingDocument) document = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintSettings *settings;
  GtkPageSetup *page_setup;
  GtkPrintOperationResult result;
  PrintJob job = { NULL, NULL };

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), FALSE);
  g_return_val_if_fail (LIA_IS_STORE (store), FALSE);
  g_return_val_if_fail (request != NULL, FALSE);

  document = lia_briefing_build (store, request, error);
  if (document == NULL)
    return FALSE;
  job.document = document;

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, lia_briefing_document_get_running_title (document));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  settings = parent != NULL ? g_object_get_data (G_OBJECT (parent), SETTINGS_KEY) : NULL;
  if (settings != NULL)
    gtk_print_operation_set_print_settings (operation, settings);

  page_setup = parent != NULL ? g_object_get_data (G_OBJECT (parent), PAGE_SETUP_KEY) : NULL;
  if (page_setup != NULL)
    gtk_print_operation_set_default_page_setup (operation, page_setup);
  else
    {
      g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
      g_autoptr(GtkPaperSize) paper =
        gtk_paper_size_new (lia_briefing_paper_from_locale () == LIA_BRIEFING_PAPER_LETTER
                            ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);

      gtk_page_setup_set_paper_size (setup, paper);
      gtk_print_operation_set_default_page_setup (operation, setup);
    }

  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), &job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), &job);
  g_signal_connect (operation, "end-print", G_CALLBACK (on_end_print_cb), &job);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, error);
  g_clear_object (&job.layout);

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    return FALSE;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY && parent != NULL)
    {
      GtkPageSetup *chosen = gtk_print_operation_get_default_page_setup (operation);

      g_object_set_data_full (G_OBJECT (parent), SETTINGS_KEY,
                              g_object_ref (gtk_print_operation_get_print_settings (operation)),
                              g_object_unref);
      if (chosen != NULL)
        g_object_set_data_full (G_OBJECT (parent), PAGE_SETUP_KEY, g_object_ref (chosen),
                                g_object_unref);
    }

  return TRUE;
}
