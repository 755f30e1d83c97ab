/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-store"

#include "config.h"

#include "lia-store-search-private.h"

/* Search on PostgreSQL: the stored tsvector column of each record table (projects_search for
 * projects), built with the text search configuration `liaison` (unaccent, then simple: accents
 * and case ignored), through its GIN index; see lia-store-schema-pg.sql. The weights are the
 * schema's classes (A a name or title, B other names, C secondary text, D notes) with
 * ts_rank's defaults, so a hit in a name counts more than one in notes, as bm25's weights do
 * on SQLite. Why tsvector rather than pg_trgm: docs/team-server.md. */

/* Words hold only letters, digits and marks (parse_terms), so a quote cannot be escaped
 * from; the quotes keep a word that looks like tsquery syntax a plain word. */
const LiaSearchSyntax _lia_store_search_pg_syntax = { "'", " & ", ":*" };

char *
_lia_store_search_pg_window_sql (const char *table,
                                 guint       window)
{
  const char *indexed = g_str_equal (table, "projects") ? "projects_search" : table;

  return g_strdup_printf ("SELECT s.id, -ts_rank (s.search_vector, q.q)"
                          " FROM %s AS s, to_tsquery ('liaison', ?1) AS q (q)"
                          " WHERE s.search_vector @@ q.q ORDER BY s.id DESC LIMIT %u",
                          indexed, window);
}

char *
_lia_store_search_pg_roles_sql (guint window)
{
  return g_strdup_printf ("SELECT id, role FROM affiliations"
                          " WHERE search_vector @@ to_tsquery ('liaison', ?1)"
                          " ORDER BY id DESC LIMIT %u", window);
}
