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
/* Searches and shows the results: now, on the calling frame, on a small database; on a big
 * one in a worker thread with a connection of its own, the results shown when they come (a
 * text set while one is searched is searched next, the stale answer dropped). */
void              lia_search_results_set_text     (LiaSearchResults *self,
                                                   const char       *text);
/* Whether a search in a thread is under way (its results are not shown yet). */
gboolean          lia_search_results_get_busy     (LiaSearchResults *self);
/* For tests: search in a thread whatever the database's size; the rows made so far (the
 * first ones are made at once, the rest after the next frame). */
void              _lia_search_results_set_always_in_thread (LiaSearchResults *self,
                                                            gboolean          always);
guint             _lia_search_results_get_n_rows  (LiaSearchResults *self);
/* For the benchmark: the last search's query and the making of its first rows, in ms. */
void              _lia_search_results_get_timings (LiaSearchResults *self,
                                                   double           *query_ms,
                                                   double           *rows_ms);
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
