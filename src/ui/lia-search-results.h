/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-store.h"

G_BEGIN_DECLS

#define LIA_TYPE_SEARCH_RESULTS (lia_search_results_get_type ())

G_DECLARE_FINAL_TYPE (LiaSearchResults, lia_search_results, LIA, SEARCH_RESULTS, GtkWidget)

/* What the store's full-text search finds for the text in the header bar, grouped by kind
 * with the matched part of each snippet in bold. Signal "result-activated" (int kind,
 * gint64 id) when a result is chosen. */
LiaSearchResults *lia_search_results_new          (LiaStore         *store);
/* Searches now (on the calling frame) and shows the results. */
void              lia_search_results_set_text     (LiaSearchResults *self,
                                                   const char       *text);
guint             lia_search_results_get_n_results (LiaSearchResults *self);
LiaSearchResult  *lia_search_results_get_result   (LiaSearchResults *self,
                                                   guint             index);
/* Opens the first result, as Enter in the search entry does; FALSE when there is none. */
gboolean          lia_search_results_activate_first (LiaSearchResults *self);
/* Moves the focus to the first result and selects it; FALSE when there is none. */
gboolean          lia_search_results_focus_first  (LiaSearchResults *self);
/* Lets the keyboard steer from @entry: Down goes to the first result, Up and Down move,
 * Enter opens, Escape in the results returns to @entry with its text. */
void              lia_search_results_attach_entry (LiaSearchResults *self,
                                                   GtkWidget        *entry);

G_END_DECLS
