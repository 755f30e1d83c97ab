/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LIA_TYPE_SEARCH_SNIPPET (lia_search_snippet_get_type ())

G_DECLARE_FINAL_TYPE (LiaSearchSnippet, lia_search_snippet, LIA, SEARCH_SNIPPET, GtkWidget)

/* A search hit's passage: at most two lines, wrapped at words (or characters), ellipsized at
 * the end, the matched parts in bold; drawn as a GtkLabel with the same settings draws it. It
 * lays its text out once per width it is given, where a label lays it out four or five times
 * per new text (measured at no width, at its natural width, at the row's and again when
 * allocated), so new results cost the first frame one shaping of each passage. */
GtkWidget  *lia_search_snippet_new      (void);
/* @snippet holds the store's match marks (LIA_SEARCH_MATCH_START/END) around the matched
 * parts: those are shown in bold. Nothing is laid out again when the text and marks are the
 * same as before. */
void        lia_search_snippet_set_marked_text (LiaSearchSnippet *self,
                                                const char       *snippet);
/* The text shown, without the marks. */
const char *lia_search_snippet_get_text (LiaSearchSnippet *self);
/* The text with the bold parts between @open and @close (for tests). */
char       *lia_search_snippet_format_bold (LiaSearchSnippet *self,
                                            const char       *open,
                                            const char       *close);
/* The layout drawn (for tests); NULL before the snippet was measured. */
PangoLayout *lia_search_snippet_get_layout (LiaSearchSnippet *self);

G_END_DECLS
