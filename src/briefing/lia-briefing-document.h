/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

#define LIA_TYPE_BRIEFING_DOCUMENT (lia_briefing_document_get_type ())

G_DECLARE_FINAL_TYPE (LiaBriefingDocument, lia_briefing_document, LIA, BRIEFING_DOCUMENT, GObject)

/**
 * LiaBriefingStyle:
 * @LIA_BRIEFING_STYLE_BODY: running text
 * @LIA_BRIEFING_STYLE_NOTE: the user's own words (notes, summaries), set off from the text
 * @LIA_BRIEFING_STYLE_DETAIL: small and muted: places, people, "nothing recorded"
 * @LIA_BRIEFING_STYLE_KICKER: the small capitals above a title ("STAKEHOLDER BRIEFING")
 * @LIA_BRIEFING_STYLE_SUBTITLE: the line under a title
 */
typedef enum {
  LIA_BRIEFING_STYLE_BODY,
  LIA_BRIEFING_STYLE_NOTE,
  LIA_BRIEFING_STYLE_DETAIL,
  LIA_BRIEFING_STYLE_KICKER,
  LIA_BRIEFING_STYLE_SUBTITLE,
} LiaBriefingStyle;

/* What a briefing says, as a flow of blocks, before it is laid out on pages: a title, headings
 * (level 1 for sections, 2 for sub-sections, 3 for entries such as one interaction),
 * paragraphs, tables and page breaks. Text is Pango markup: escape what users wrote
 * (g_markup_printf_escaped()). LiaBriefingLayout paginates it for a page size.
 *
 * A document is built once and then only read; it may be laid out several times (for a
 * preview and then for the printer's paper). */

LiaBriefingDocument *lia_briefing_document_new            (const char          *running_title);
/* The plain-text title repeated at the top of every page after the first. */
const char          *lia_briefing_document_get_running_title (LiaBriefingDocument *self);

/* The footer of every page: @marking on the left ("Confidential"), @printed in the middle
 * ("Printed 12 March 2025, 09:14"); "Page N of M" is added by the layout. Plain text. */
void                 lia_briefing_document_set_footer     (LiaBriefingDocument *self,
                                                           const char          *marking,
                                                           const char          *printed);
const char          *lia_briefing_document_get_marking    (LiaBriefingDocument *self);
const char          *lia_briefing_document_get_printed    (LiaBriefingDocument *self);

/* The document's (or a meeting pack part's) title, in large type, with a rule under it. */
void                 lia_briefing_document_add_title      (LiaBriefingDocument *self,
                                                           const char          *markup);
/* A heading of @level 1–3; plain text. A heading is never the last thing on a page. */
void                 lia_briefing_document_add_heading    (LiaBriefingDocument *self,
                                                           guint                level,
                                                           const char          *text);
void                 lia_briefing_document_add_paragraph  (LiaBriefingDocument *self,
                                                           LiaBriefingStyle     style,
                                                           const char          *markup);
/* A label and its value, in two columns; consecutive fields form one block. */
void                 lia_briefing_document_add_field      (LiaBriefingDocument *self,
                                                           const char          *label,
                                                           const char          *markup);
/* Starts a table of @n_columns with plain-text @headers and relative column @widths (any
 * positive numbers; they are scaled to the page). Add rows with add_row(); a table that does
 * not fit continues on the next page under its header again. */
void                 lia_briefing_document_begin_table    (LiaBriefingDocument *self,
                                                           guint                n_columns,
                                                           const char * const  *headers,
                                                           const double        *widths);
/* One row of the table begun last: @cells holds n_columns markup strings. */
void                 lia_briefing_document_add_row        (LiaBriefingDocument *self,
                                                           const char * const  *cells);
/* A 5 × 5 likelihood × impact grid, likelihood up the side and impact along the bottom, each
 * cell shaded by its score (likelihood × impact) and showing how many of @counts fall in it:
 * @counts[(likelihood - 1) * 5 + impact - 1]. @likelihood and @impact name the axes (plain
 * text); @legend says under it what the shades mean (markup). Never split across pages. */
void                 lia_briefing_document_add_heat_map   (LiaBriefingDocument *self,
                                                           const guint         *counts,
                                                           const char          *likelihood,
                                                           const char          *impact,
                                                           const char          *legend);
/* Draws a picture into (0, 0, @width, @height), in points. */
typedef void (*LiaBriefingDrawFunc) (cairo_t  *cr,
                                     double    width,
                                     double    height,
                                     gpointer  user_data);

/* A picture @aspect times as high as it is wide, drawn by @draw: as wide as the text, or
 * narrower where the page is too short for that height, so that it is never clipped; never
 * split across pages (it moves to the next page when it does not fit under what comes
 * before). @destroy frees @user_data with the document. */
void                 lia_briefing_document_add_picture    (LiaBriefingDocument *self,
                                                           double               aspect,
                                                           LiaBriefingDrawFunc  draw,
                                                           gpointer             user_data,
                                                           GDestroyNotify       destroy);
/* The next block starts on a new page (nothing happens at the top of a page). */
void                 lia_briefing_document_add_page_break (LiaBriefingDocument *self);

guint                lia_briefing_document_get_n_blocks   (LiaBriefingDocument *self);

G_END_DECLS
