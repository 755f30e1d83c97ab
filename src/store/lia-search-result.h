/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-model.h"

G_BEGIN_DECLS

#define LIA_TYPE_SEARCH_RESULT (lia_search_result_get_type ())

G_DECLARE_FINAL_TYPE (LiaSearchResult, lia_search_result, LIA, SEARCH_RESULT, GObject)

/* Marks around matched text inside "snippet": U+0002 before, U+0003 after. */
#define LIA_SEARCH_MATCH_START "\002"
#define LIA_SEARCH_MATCH_END   "\003"

/* One search hit. Properties (read-only): "kind" (LiaRecordKind), "id", "uid", "title" (the
 * record's label), "snippet" (the best matching passage with match marks), "rank" (lower is
 * better, comparable within one kind). */

LiaSearchResult *lia_search_result_new          (LiaRecordKind    kind,
                                                 gint64           id,
                                                 const char      *uid,
                                                 const char      *title,
                                                 const char      *snippet,
                                                 double           rank);
LiaRecordKind    lia_search_result_get_kind     (LiaSearchResult *self);
gint64           lia_search_result_get_id       (LiaSearchResult *self);
const char      *lia_search_result_get_uid      (LiaSearchResult *self);
const char      *lia_search_result_get_title    (LiaSearchResult *self);
const char      *lia_search_result_get_snippet  (LiaSearchResult *self);
double           lia_search_result_get_rank     (LiaSearchResult *self);
/* What tells hits apart besides the passage, NULL when there is none: "subkind" is the
 * interaction kind's nick ("call", "meeting"…), "day" the interaction's local date
 * (YYYY-MM-DD), "context" a contact's role and organization ("Deputy Director-General,
 * Ministry of Health"). */
const char      *lia_search_result_get_subkind  (LiaSearchResult *self);
const char      *lia_search_result_get_day      (LiaSearchResult *self);
const char      *lia_search_result_get_context  (LiaSearchResult *self);
void            _lia_search_result_set_context  (LiaSearchResult *self,
                                                 const char      *subkind,
                                                 const char      *day,
                                                 const char      *context);
/* The snippet with the marks replaced by @open and @close (e.g. "<b>", "</b>" after escaping
 * the rest for Pango markup when @escape_markup is TRUE, or "[", "]" for a terminal). */
char            *lia_search_result_format_snippet (LiaSearchResult *self,
                                                   const char      *open,
                                                   const char      *close,
                                                   gboolean         escape_markup);

G_END_DECLS
