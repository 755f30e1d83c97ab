/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-store"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

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

/* The newest @window matches of ?1 in @table, as (@columns) over `s` (the matching row, of
 * which only the columns @read are carried: the parts sort their rows, and whole rows cost
 * copying) and `q` (the query). A GIN index gives matches in no order, and the planner cannot
 * tell a prefix that matches nothing from a common one (its estimate for both is its floor,
 * about 0.3% of the rows): "ORDER BY id DESC LIMIT" alone made it walk the primary key
 * backwards through the whole table for a name that is in no interaction (1–2 s at 1,000,000
 * rows), and a bitmap scan of every match costs as much for a common word. So two bounded
 * parts, read in order until @window rows are found: the newest NEWEST_ROWS rows by the primary
 * key (a common word fills the window there), then, only if that was not enough, the older
 * matches through the index alone (then fewer than @window × table / NEWEST_ROWS of them
 * exist), sorted.
 *
 * The newest rows are read one of two ways: walked by the primary key, which stops at the
 * window and suits a word in several percent of the rows; or, for any other word, the index
 * intersected with those rows, then sorted: a walk would read all NEWEST_ROWS rows to find a
 * few (10–30 ms at 1,000,000 interactions, where the generic plan always walked), the index
 * finds them in well under a millisecond. The integer parameter @walk_param says which
 * (_lia_store_search_pg_walk_newest()): 0 walks, more than PROBE_ROWS reads the index
 * (INDEX_ALL and more: all its matches in one part, below), and any other number N walks when
 * at least N of the newest PROBE_ROWS rows match (a probe: a short prefix such as "ma" begins
 * many words, none of them common enough for the server's statistics, and together in several
 * percent of the rows, where the index reads thousands of postings and rows for what a walk of
 * a few thousand rows finds). Either way the same rows. The walk's match is wrapped in coalesce
 * () and the other part sorts on `id + 0`, so that the planner, which sees neither the query
 * nor the parameter in a generic plan, walks the primary key in the first (not reading a small
 * table whole and sorting it, as it did with IS TRUE: 40 ms for 10,000 organizations) and never
 * in the second. docs/performance.md, "Team server". */
#define NEWEST_ROWS 32768
#define PROBE_ROWS _LIA_SEARCH_PG_PROBE_ROWS
#define INDEX_ALL  _LIA_SEARCH_PG_INDEX_ALL

static char *
window_sql (const char *table,
            const char *columns,
            const char *read,
            guint       window,
            int         walk_param,
            int         index_param)
{
  /* The two parts read through the index take its matches of the words of @index_param
   * (d.q: the whole query, or its rarest word, as _lia_store_search_pg_walk_newest() chose),
   * then test each row against the whole query (q.q). A word that folds to nothing, which
   * the whole query drops, leaves the whole query. OFFSET 0 keeps the choice (w.walk) a
   * subquery run once, not an expression copied into both parts that read the newest rows;
   * CASE runs the probe only when the parameter asks for it. When the newest rows cannot hold
   * the window's matches (w.split false: a word too rare for that, by the statistics), the
   * last part reads every match at once: the part for the newest rows would find too few,
   * after building a bitmap of the newest NEWEST_ROWS keys (0.7 ms under load), and the last
   * part read its matches again. */
  return g_strdup_printf ("SELECT %s FROM to_tsquery ('liaison', ?1) AS q (q),"
                          " LATERAL (SELECT CASE WHEN numnode (x) > 0 THEN x ELSE q.q END"
                          "  FROM to_tsquery ('liaison', ?%d) AS x) AS d (q),"
                          " LATERAL (SELECT CASE WHEN CAST (?%d AS integer) = 0 THEN TRUE"
                          "  WHEN CAST (?%d AS integer) > %d THEN FALSE"
                          "  ELSE (SELECT count (*) FROM (SELECT FROM (SELECT p.search_vector FROM %s AS p"
                          "   ORDER BY p.id DESC LIMIT %d) AS p WHERE coalesce (p.search_vector @@ q.q, FALSE)"
                          "   LIMIT CAST (?%d AS integer)) AS p) >= CAST (?%d AS integer) END,"
                          "  CAST (?%d AS integer) < %d"
                          "  OFFSET 0) AS w (walk, split), LATERAL ("
                          "(SELECT %s FROM %s AS s WHERE w.walk AND coalesce (s.search_vector @@ q.q, FALSE)"
                          " AND s.id > (SELECT max (id) FROM %s) - %d ORDER BY s.id DESC LIMIT %u)"
                          " UNION ALL "
                          "(SELECT %s FROM %s AS s WHERE NOT w.walk AND w.split AND s.search_vector @@ d.q"
                          " AND coalesce (s.search_vector @@ q.q, FALSE)"
                          " AND s.id > (SELECT max (id) FROM %s) - %d ORDER BY s.id + 0 DESC LIMIT %u)"
                          " UNION ALL "
                          "(SELECT %s FROM %s AS s WHERE s.search_vector @@ d.q"
                          " AND coalesce (s.search_vector @@ q.q, FALSE)"
                          " AND (NOT w.split OR s.id + 0 <= (SELECT max (id) FROM %s) - %d)"
                          " ORDER BY s.id + 0 DESC LIMIT %u)"
                          " LIMIT %u) AS s",
                          columns, index_param,
                          walk_param, walk_param, PROBE_ROWS, table, PROBE_ROWS, walk_param,
                          walk_param, walk_param, INDEX_ALL,
                          read, table, table, NEWEST_ROWS, window,
                          read, table, table, NEWEST_ROWS, window,
                          read, table, table, NEWEST_ROWS, window,
                          window);
}

static const char *
indexed_table (const char *table)
{
  return g_str_equal (table, "projects") ? "projects_search" : table;
}

char *
_lia_store_search_pg_window_sql (const char *table,
                                 guint       window,
                                 int         walk_param,
                                 int         index_param)
{
  return window_sql (indexed_table (table), "s.id, -ts_rank (s.search_vector, q.q)",
                     "s.id, s.search_vector", window, walk_param, index_param);
}

char *
_lia_store_search_pg_roles_sql (guint window,
                                int   walk_param,
                                int   index_param)
{
  return window_sql ("affiliations", "s.id, s.role", "s.id, s.role", window, walk_param,
                     index_param);
}

/* The common words of each table's index, from the server's own statistics (pg_stats, which
 * ANALYZE and autovacuum keep): for each word, the share of the rows that hold it. Read once
 * per store and again after WORDS_MAX_AGE. */
#define WORDS_KEY "lia-search-common-words"
#define WORDS_MAX_AGE (10 * 60 * G_USEC_PER_SEC)

typedef struct
{
  double      rows;     /* the table's rows, as ANALYZE last counted them */
  GPtrArray  *words;    /* lexemes, folded as the index folds them */
  GArray     *shares;   /* double, one per word */
} TableWords;

typedef struct
{
  gint64      read_at;
  GHashTable *tables;   /* table name → TableWords */
} CommonWords;

static void
table_words_free (gpointer data)
{
  TableWords *table = data;

  g_ptr_array_unref (table->words);
  g_array_unref (table->shares);
  g_free (table);
}

static void
common_words_free (gpointer data)
{
  CommonWords *common = data;

  g_hash_table_unref (common->tables);
  g_free (common);
}

static CommonWords *
read_common_words (LiaStore  *self,
                   GError   **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  CommonWords *common = g_new0 (CommonWords, 1);
  int rc;

  common->tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, table_words_free);

  stmt = _lia_store_prepare (self,
                             "SELECT s.tablename, c.reltuples, m.word, m.share"
                             " FROM pg_stats s"
                             " JOIN pg_class c ON c.relname = s.tablename"
                             "  AND c.relnamespace = to_regnamespace (s.schemaname),"
                             " unnest (s.most_common_elems::text::text[],"
                             "  s.most_common_elem_freqs) AS m (word, share)"
                             " WHERE s.schemaname = current_schema ()"
                             "  AND s.attname = 'search_vector' AND m.word IS NOT NULL",
                             error);
  if (stmt == NULL)
    {
      common_words_free (common);
      return NULL;
    }

  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    {
      const char *name = _lia_column_text (stmt, 0);
      TableWords *table = g_hash_table_lookup (common->tables, name);
      double share = _lia_db_column_double (stmt, 3);

      if (table == NULL)
        {
          table = g_new0 (TableWords, 1);
          table->rows = _lia_db_column_double (stmt, 1);
          table->words = g_ptr_array_new_with_free_func (g_free);
          table->shares = g_array_new (FALSE, FALSE, sizeof (double));
          g_hash_table_insert (common->tables, g_strdup (name), table);
        }
      g_ptr_array_add (table->words, g_strdup (_lia_column_text (stmt, 2)));
      g_array_append_val (table->shares, share);
    }
  if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self, error, _("Could not search"));
      common_words_free (common);
      return NULL;
    }

  common->read_at = g_get_monotonic_time ();
  return common;
}

/* Typed in letters and digits of ASCII only: a word to_tsquery() surely keeps (it drops what
 * its parser takes for a symbol, such as "¼", and says so in a notice). */
static gboolean
is_plain_word (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;

  return *text != '\0';
}

/* The costs of the two ways of reading the newest rows, in rows walked (0.37 µs each under
 * load, measured on 1,000,000 interactions): the index reads every posting of the words in the
 * whole table (about 1.6 rows walked each), and intersects them with the newest rows' keys
 * (about 4,096 rows walked). docs/performance.md, "A common prefix (issue 15, round 6)". */
#define POSTING_COST 1.6
#define INDEX_COST   4096.0

/* The share of the rows above which a walk costs less than the index: a walk reads window / s
 * rows for a query in a share s of them, the index INDEX_COST + POSTING_COST × s × rows; they
 * cost the same at the root s of POSTING_COST × rows × s² + INDEX_COST × s − window (1.1% of
 * 1,000,000 rows, 2.9% of 100,000, 5.2% of 10,000). */
static double
walk_share (double rows,
            guint  window)
{
  double a = POSTING_COST * MAX (rows, 1.0);

  return (sqrt (INDEX_COST * INDEX_COST + 4.0 * a * window) - INDEX_COST) / (2.0 * a);
}

/* A prefix this short (in characters) begins many words, each perhaps too rare to be among the
 * statistics' common ones, together in several percent of the rows ("ma": Manila, Madrid,
 * malaria, maternal…). */
#define SHORT_PREFIX 3

/* How much rarer than another word a word must look for its index postings alone to be read
 * (then every row it matches is read and tested against the whole query, a few µs each,
 * against under a µs a posting for the other word's). */
#define RARER_WORD_FACTOR 8.0

/* Tests: a choice made for every table instead of the store's (walk_from + 2, so that NULL
 * is "not forced"). */
#define FORCED_KEY "lia-search-forced-walk-from"

void
_lia_store_search_pg_force_walk_from (LiaStore *self,
                                      int       walk_from)
{
  g_object_set_data (G_OBJECT (self), FORCED_KEY,
                     walk_from < 0 ? NULL : GINT_TO_POINTER (walk_from + 2));
}

/* @walk_from, unless a test forced another choice. */
static int
chosen (LiaStore *self,
        int       walk_from)
{
  int forced = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), FORCED_KEY));

  return forced != 0 ? forced - 2 : walk_from;
}

gboolean
_lia_store_search_pg_walk_newest (LiaStore    *self,
                                  const char  *table,
                                  GArray      *terms,
                                  const char  *match,
                                  guint        window,
                                  int         *out_walk_from,
                                  char       **out_index_query,
                                  GError     **error)
{
  CommonWords *common = g_object_get_data (G_OBJECT (self), WORDS_KEY);
  TableWords *words;
  double share = 1.0;
  double most = 1.0;
  double rarest_common = 1.0;
  double rarest = G_MAXDOUBLE;
  double commonest = 0.0;
  const LiaSearchTerm *rarest_term = NULL;
  const LiaSearchTerm *first = &g_array_index (terms, LiaSearchTerm, 0);
  double threshold;
  gboolean walk;

  if (common == NULL || g_get_monotonic_time () - common->read_at > WORDS_MAX_AGE)
    {
      if (!(common = read_common_words (self, error)))
        return FALSE;
      g_object_set_data_full (G_OBJECT (self), WORDS_KEY, common, common_words_free);
    }

  *out_index_query = g_strdup (match);

  /* A table never analyzed: no idea, walk as before. */
  words = g_hash_table_lookup (common->tables, indexed_table (table));
  if (words == NULL)
    {
      *out_walk_from = chosen (self, 0);
      return TRUE;
    }

  for (guint w = 0; w < words->shares->len; w++)
    rarest_common = MIN (rarest_common, g_array_index (words->shares, double, w));

  /* Every word is required: the share of the rows that match all is taken as the product of
   * each word's (as the planner does for independent conditions). A prefix is as common as the
   * common words it begins; a word rarer than the rarest common one counts as none. */
  for (guint i = 0; i < terms->len; i++)
    {
      const LiaSearchTerm *term = &g_array_index (terms, LiaSearchTerm, i);
      double term_share = 0.0;
      double guess;

      for (guint w = 0; w < words->words->len; w++)
        {
          const char *word = words->words->pdata[w];

          if (term->prefix ? g_str_has_prefix (word, term->folded) : g_str_equal (word, term->folded))
            term_share += g_array_index (words->shares, double, w);
        }
      share *= MIN (term_share, 1.0);
      /* At most: a word that is not a common one is rarer than the rarest common one. */
      most *= term_share > 0.0 ? MIN (term_share, 1.0) : rarest_common;

      /* For choosing which word's postings to read, a word that is not a common one is
       * taken as half as common as the rarest common one. */
      guess = term_share > 0.0 ? MIN (term_share, 1.0) : rarest_common / 2.0;
      if (guess < rarest && is_plain_word (term->text))
        {
          rarest = guess;
          rarest_term = term;
        }
      commonest = MAX (commonest, guess);
    }

  /* Walk when the newest rows likely hold the window's matches, unless the index costs less:
   * it reads every posting of the words, then the table only for the newest rows' matches
   * (walk_share ()). So a walk for a word in a percent or more of a big table, the index
   * otherwise. */
  threshold = walk_share (words->rows, window);
  walk = share * MIN (words->rows, (double) NEWEST_ROWS) >= window && share >= threshold;

  /* Otherwise, for one word the statistics may be blind to, the newest rows tell (the probe,
   * window_sql (): a few tenths of a millisecond, so not for every word): a short prefix, or
   * any word when the statistics list no word as rare as the share that makes a walk pay. */
  if (walk)
    *out_walk_from = 0;
  else if (terms->len == 1 &&
           ((first->prefix && g_utf8_strlen (first->folded, -1) <= SHORT_PREFIX) ||
            rarest_common > threshold))
    *out_walk_from = CLAMP ((int) ceil (threshold * PROBE_ROWS), 1, PROBE_ROWS);
  else if (most * MIN (words->rows, (double) NEWEST_ROWS) < window)
    /* Even at its most common, the word has too few matches among the newest rows to fill
     * the window, so all of them are read anyway: at once (window_sql ()). For a word that is
     * not a common one, in the 100,000 contacts (the rarest common word is in 0.1% of them) or
     * the 1,000,000 interactions (0.6%), but not in the commitments (2.2%). */
    *out_walk_from = INDEX_ALL;
  else
    *out_walk_from = PROBE_ROWS + 1;
  *out_walk_from = chosen (self, *out_walk_from);

  /* Several words, one far rarer than another ("fat san": no interaction holds a word
   * beginning with "fat", 34,260 one beginning with "san"): the index gives the rare word's
   * matches alone. For the whole query it would gather every posting of each prefix first
   * (25 ms for "san"), then intersect. docs/performance.md, "Team server". */
  if (terms->len > 1 && rarest_term != NULL && rarest * RARER_WORD_FACTOR <= commonest)
    {
      const LiaSearchSyntax *syntax = &_lia_store_search_pg_syntax;

      g_free (*out_index_query);
      *out_index_query = g_strdup_printf ("%s%s%s%s", syntax->quote, rarest_term->text,
                                          syntax->quote, rarest_term->prefix ? syntax->prefix : "");
    }

  return TRUE;
}
