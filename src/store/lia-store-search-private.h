/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "lia-store-private.h"

G_BEGIN_DECLS

/* Search's per-backend parts. lia-store-search.c parses what was typed, ranks, and makes the
 * snippets for every backend; what differs is the full-text query itself: FTS5 on SQLite (in
 * lia-store-search.c), tsvector on PostgreSQL (lia-store-search-pg.c). */

/* A word of the query, folded like the index folds text, and whether it is a prefix. */
typedef struct
{
  char     *text;    /* as typed: the index folds it itself */
  char     *folded;  /* folded here, to find the match again in the text */
  gboolean  prefix;
} LiaSearchTerm;

/* How a backend's full-text query quotes a word, joins required words, and marks a prefix. */
typedef struct
{
  const char *quote;
  const char *join;
  const char *prefix;
} LiaSearchSyntax;

/* PostgreSQL: tsquery's, for the text bound to to_tsquery('liaison', ?1). */
extern const LiaSearchSyntax _lia_store_search_pg_syntax;

/* PostgreSQL: the newest matches of @table (id, rank: lower is better, as bm25 on SQLite), for
 * the tsquery text bound as ?1, at most @window; the integer parameter number @walk_param
 * takes what _lia_store_search_pg_walk_newest() says, and the text parameter number
 * @index_param the words whose matches its index gives. */
/* PostgreSQL: how many of the newest rows the probe of _lia_store_search_pg_walk_newest()
 * reads (1,024 cost 0.5–2 ms a table under load; 256 a quarter of that, and still tell a
 * share of 1% from one of 3%). */
#define _LIA_SEARCH_PG_PROBE_ROWS 256
/* PostgreSQL: the choice of _lia_store_search_pg_walk_newest() that reads every match of the
 * index at once, newest first, rather than those among the newest rows, then the older. */
#define _LIA_SEARCH_PG_INDEX_ALL (_LIA_SEARCH_PG_PROBE_ROWS + 2)

char *_lia_store_search_pg_window_sql  (const char *table,
                                        guint       window,
                                        int         walk_param,
                                        int         index_param);

/* PostgreSQL: the newest affiliations whose role matches ?1 (id, role), at most @window. */
char *_lia_store_search_pg_roles_sql   (guint       window,
                                        int         walk_param,
                                        int         index_param);

/* PostgreSQL: whether the window of @table for @terms is best found by walking its newest rows
 * (a common word) or through the index alone (a rare one), from the server's statistics, or
 * by a probe of the newest rows when they cannot tell (@out_walk_from: 0 walks, a number N
 * walks when N of the newest rows the probe reads match, more than those rows reads the
 * index, _LIA_SEARCH_PG_INDEX_ALL all its matches at once); the same matches either way.
 * @out_index_query: the tsquery text whose matches are read from the index, each then tested
 * against the whole query @match: @match itself, or, when one of several words is much rarer
 * than another, that word alone (the index postings of a prefix are read whole, however rare
 * the other words are). */
gboolean _lia_store_search_pg_walk_newest (LiaStore    *self,
                                           const char  *table,
                                           GArray      *terms,
                                           const char  *match,
                                           guint        window,
                                           int         *out_walk_from,
                                           char       **out_index_query,
                                           GError     **error);

/* Tests: every table's window read as @walk_from says (as _lia_store_search_pg_walk_newest()'s
 * @out_walk_from), or, when negative, as the store chooses. */
void     _lia_store_search_pg_force_walk_from (LiaStore *self,
                                               int       walk_from);

G_END_DECLS
