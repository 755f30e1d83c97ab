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

/* The newest @window matches of ?1 in @table, as (@columns) over `s` (the matching row) and `q`
 * (the query). A GIN index gives matches in no order, and the planner cannot tell a prefix that
 * matches nothing from a common one (its estimate for both is its floor, about 0.3% of the
 * rows): "ORDER BY id DESC LIMIT" alone made it walk the primary key backwards through the
 * whole table for a name that is in no interaction (1–2 s at 1,000,000 rows), and a bitmap scan
 * of every match costs as much for a common word. So two bounded parts, read in order until
 * @window rows are found: the newest NEWEST_ROWS rows by the primary key (a common word fills
 * the window there), then, only if that was not enough, the older matches through the index
 * alone (then fewer than @window × table / NEWEST_ROWS of them exist), sorted.
 * docs/performance.md, "Team server". */
#define NEWEST_ROWS 32768

static char *
window_sql (const char *table,
            const char *columns,
            guint       window)
{
  return g_strdup_printf ("SELECT %s FROM to_tsquery ('liaison', ?1) AS q (q), LATERAL ("
                          "(SELECT s.* FROM %s AS s WHERE s.search_vector @@ q.q"
                          " AND s.id > (SELECT max (id) FROM %s) - %d ORDER BY s.id DESC LIMIT %u)"
                          " UNION ALL "
                          "(SELECT s.* FROM %s AS s WHERE s.search_vector @@ q.q"
                          " AND s.id + 0 <= (SELECT max (id) FROM %s) - %d"
                          " ORDER BY s.id + 0 DESC LIMIT %u)"
                          " LIMIT %u) AS s",
                          columns, table, table, NEWEST_ROWS, window, table, table, NEWEST_ROWS,
                          window, window);
}

char *
_lia_store_search_pg_window_sql (const char *table,
                                 guint       window)
{
  const char *indexed = g_str_equal (table, "projects") ? "projects_search" : table;

  return window_sql (indexed, "s.id, -ts_rank (s.search_vector, q.q)", window);
}

char *
_lia_store_search_pg_roles_sql (guint window)
{
  return window_sql ("affiliations", "s.id, s.role", window);
}
