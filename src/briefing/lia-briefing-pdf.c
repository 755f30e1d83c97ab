/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-briefing"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <langinfo.h>

#include "lia-briefing.h"

G_DEFINE_QUARK (lia-briefing-error-quark, lia_briefing_error)

#define MM (72.0 / 25.4)

LiaBriefingPaper
lia_briefing_paper_from_locale (void)
{
  /* _NL_PAPER_WIDTH is an enum member, not a macro: #ifdef would never see it. */
#ifdef __GLIBC__
  /* glibc answers with the number itself in place of a string: the width in millimetres of the
   * LC_PAPER locale's paper (216 for US Letter, 210 for A4). */
  int width = (int) (gintptr) nl_langinfo (_NL_PAPER_WIDTH);

  if (width == 216)
    return LIA_BRIEFING_PAPER_LETTER;
#endif
  return LIA_BRIEFING_PAPER_A4;
}

gboolean
lia_briefing_paper_from_name (const char       *name,
                              LiaBriefingPaper *out_paper)
{
  g_return_val_if_fail (out_paper != NULL, FALSE);

  if (name == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (name, "a4") == 0)
    *out_paper = LIA_BRIEFING_PAPER_A4;
  else if (g_ascii_strcasecmp (name, "letter") == 0)
    *out_paper = LIA_BRIEFING_PAPER_LETTER;
  else
    return FALSE;

  return TRUE;
}

void
lia_briefing_paper_get_size (LiaBriefingPaper  paper,
                             double           *out_width,
                             double           *out_height)
{
  g_return_if_fail (out_width != NULL && out_height != NULL);

  if (paper == LIA_BRIEFING_PAPER_LETTER)
    {
      *out_width = 8.5 * 72;
      *out_height = 11 * 72;
    }
  else
    {
      *out_width = 210 * MM;
      *out_height = 297 * MM;
    }
}

typedef struct
{
  GOutputStream *stream;
  GError        *error;
} PdfSink;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  PdfSink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;

  if (!g_output_stream_write_all (sink->stream, data, length, NULL, NULL, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

gboolean
lia_briefing_write_pdf (LiaBriefingDocument  *document,
                        LiaBriefingPaper      paper,
                        const char           *path,
                        guint                *out_n_pages,
                        GError              **error)
{
  g_autoptr(LiaBriefingLayout) layout = NULL;
  double width, height;

  g_return_val_if_fail (LIA_IS_BRIEFING_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  lia_briefing_paper_get_size (paper, &width, &height);
  layout = lia_briefing_layout_new (document, width, height);

  if (!lia_briefing_layout_write_pdf (layout, path, error))
    return FALSE;

  if (out_n_pages != NULL)
    *out_n_pages = lia_briefing_layout_get_n_pages (layout);
  return TRUE;
}

gboolean
lia_briefing_layout_write_pdf (LiaBriefingLayout  *layout,
                               const char         *path,
                               GError            **error)
{
  LiaBriefingDocument *document;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abandon = NULL;
  g_autoptr(GError) local_error = NULL;
  PdfSink sink = { NULL, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  double width, height;
  guint n_pages;

  g_return_val_if_fail (LIA_IS_BRIEFING_LAYOUT (layout), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  document = lia_briefing_layout_get_document (layout);
  width = lia_briefing_layout_get_page_width (layout);
  height = lia_briefing_layout_get_page_height (layout);
  n_pages = lia_briefing_layout_get_n_pages (layout);

  /* A briefing is confidential: readable by its owner only, like the database. The old file
   * stays until the new one is complete. */
  file = g_file_new_for_path (path);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                           NULL, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, LIA_BRIEFING_ERROR, LIA_BRIEFING_ERROR_WRITE,
                   _("Could not write the briefing to “%s”: %s"), path, local_error->message);
      return FALSE;
    }

  sink.stream = G_OUTPUT_STREAM (stream);
  surface = cairo_pdf_surface_create_for_stream (write_cb, &sink, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  lia_briefing_document_get_running_title (document));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Liaison");

  {
    cairo_t *cr = cairo_create (surface);

    for (guint i = 0; i < n_pages; i++)
      {
        lia_briefing_layout_render_page (layout, cr, i);
        cairo_show_page (cr);
      }
    cairo_destroy (cr);
  }

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS || sink.error != NULL)
    {
      /* Closing a cancelled replace keeps whatever was there before. */
      abandon = g_cancellable_new ();
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);

      g_set_error (error, LIA_BRIEFING_ERROR, LIA_BRIEFING_ERROR_WRITE,
                   _("Could not write the briefing to “%s”: %s"), path,
                   sink.error != NULL ? sink.error->message : cairo_status_to_string (status));
      g_clear_error (&sink.error);
      return FALSE;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &local_error))
    {
      g_set_error (error, LIA_BRIEFING_ERROR, LIA_BRIEFING_ERROR_WRITE,
                   _("Could not write the briefing to “%s”: %s"), path, local_error->message);
      return FALSE;
    }

  return TRUE;
}
