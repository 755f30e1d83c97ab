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
 * the tsquery text bound as ?1, at most @window. */
char *_lia_store_search_pg_window_sql  (const char *table,
                                        guint       window);

/* PostgreSQL: the newest affiliations whose role matches ?1 (id, role), at most @window. */
char *_lia_store_search_pg_roles_sql   (guint       window);

G_END_DECLS
