/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LIA_TYPE_SEARCH_TEXT (lia_search_text_get_type ())

G_DECLARE_FINAL_TYPE (LiaSearchText, lia_search_text, LIA, SEARCH_TEXT, GtkWidget)

/* A line of a search hit (its title, what tells it apart, its passage): one line, or up to
 * @lines wrapped at words (or characters), ellipsized at the end, drawn as a GtkLabel with the
 * same settings (start-aligned, ellipsized, wrapping, lines) draws it. It lays its text out
 * once without a width and, when it does not fit, once at the width it is given, where a
 * label lays out each new text four or five times (at no width and unwrapped for its width
 * request, at the widths the window's minimum size and the row ask, again when allocated):
 * new results cost the first frame one or two shapings of each text. */
GtkWidget   *lia_search_text_new         (guint          lines);
/* Shows @text; nothing is laid out again when it is what is shown. */
void         lia_search_text_set_text    (LiaSearchText *self,
                                          const char    *text);
/* Shows @marked, where the store's match marks (LIA_SEARCH_MATCH_START/END) surround the
 * parts shown in bold. */
void         lia_search_text_set_marked_text (LiaSearchText *self,
                                              const char    *marked);
/* The text shown, without marks. */
const char  *lia_search_text_get_text    (LiaSearchText *self);
/* The text with its bold parts between @open and @close (for tests). */
char        *lia_search_text_format_bold (LiaSearchText *self,
                                          const char    *open,
                                          const char    *close);
/* The layout drawn (for tests); NULL before the text was measured. */
PangoLayout *lia_search_text_get_layout  (LiaSearchText *self);

G_END_DECLS
