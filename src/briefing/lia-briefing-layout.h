/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "lia-briefing-document.h"

G_BEGIN_DECLS

#define LIA_TYPE_BRIEFING_LAYOUT (lia_briefing_layout_get_type ())

G_DECLARE_FINAL_TYPE (LiaBriefingLayout, lia_briefing_layout, LIA, BRIEFING_LAYOUT, GObject)

/**
 * LiaBriefingBox:
 * @x: left edge, in points from the page's top-left corner
 * @y: top edge
 * @width: width
 * @height: height
 */
typedef struct
{
  double x;
  double y;
  double width;
  double height;
} LiaBriefingBox;

/**
 * LiaBriefingTextBox:
 * @ink: where the glyphs of one line of text are drawn
 * @frame: the area that line must stay within (the body, or the header or footer band)
 */
typedef struct
{
  LiaBriefingBox ink;
  LiaBriefingBox frame;
} LiaBriefingTextBox;

/* A document laid out on pages of @page_width × @page_height points (1/72 inch), with the
 * margins of a printed document. The layout does not depend on the device: the same pages are
 * drawn on a PDF surface or a printer's cairo context. Text is wrapped (a word longer than a
 * line is broken), paragraphs are split between lines with no single line left alone at the
 * foot or head of a page, a heading stays with what follows it, and a table row that does not
 * fit moves to the next page, where the table's header is repeated. */
LiaBriefingLayout *lia_briefing_layout_new          (LiaBriefingDocument *document,
                                                     double               page_width,
                                                     double               page_height);
LiaBriefingDocument *lia_briefing_layout_get_document (LiaBriefingLayout *self);
double             lia_briefing_layout_get_page_width  (LiaBriefingLayout *self);
double             lia_briefing_layout_get_page_height (LiaBriefingLayout *self);
guint              lia_briefing_layout_get_n_pages  (LiaBriefingLayout   *self);
/* Draws page @page (0-based) in the user space of @cr, taken to be in points with the origin
 * at the page's top-left corner. */
void               lia_briefing_layout_render_page  (LiaBriefingLayout   *self,
                                                     cairo_t             *cr,
                                                     guint                page);
/* Every line of text on @page with the frame it belongs in (LiaBriefingTextBox), for tests
 * that check nothing leaves its frame. */
GArray            *lia_briefing_layout_get_text_boxes (LiaBriefingLayout *self,
                                                       guint              page);
/* Where each picture on @page is drawn (ink) and the body it must stay within (frame). */
GArray            *lia_briefing_layout_get_picture_boxes (LiaBriefingLayout *self,
                                                          guint              page);

G_END_DECLS
