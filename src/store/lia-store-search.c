/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-store"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "lia-search-result.h"
#include "lia-store-private.h"
#include "lia-store-search-private.h"

/* How many of the newest matches of a kind are ranked. Ranking every match of a two-letter
 * prefix over a million interactions would cost tens of milliseconds per keystroke; the newest
 * window is what a person searching as they type wants, and when a kind has fewer matches
 * than this (any specific query), the ranking is exact. */
#define CANDIDATE_WINDOW 256

typedef struct
{
  LiaRecordKind  kind;
  const char    *table;
  /* The indexed columns, in the FTS table's order; the first is the record's label. */
  const char    *columns;
  /* bm25 weights, one per indexed column: a hit in a name counts more than one in notes. */
  const char    *weights;
  /* Three more columns read with the hit, in the same query: the interaction kind, the day,
   * and a line of context (a contact's current role and organization). */
  const char    *extra;
} SearchTarget;

static const SearchTarget targets[] = {
  { LIA_RECORD_KIND_ORGANIZATION, "organizations", "name, short_name, sector, notes",
    "10.0, 8.0, 2.0, 1.0", "NULL, NULL, NULL" },
  { LIA_RECORD_KIND_CONTACT, "contacts", _LIA_CONTACT_FTS_COLUMNS,
    "10.0, 5.0, 5.0, 3.0, 1.0, 5.0, 2.0",
    "NULL, NULL, (SELECT trim(CASE WHEN a.role <> '' THEN a.role ELSE t.job_title END"
    " || CASE WHEN a.role <> '' OR t.job_title <> '' THEN ', ' ELSE '' END || o.name, ', ')"
    " FROM affiliations a JOIN organizations o ON o.id = a.organization_id"
    " WHERE a.contact_id = t.id AND a.until_date IS NULL"
    " ORDER BY a.is_primary DESC, a.id LIMIT 1)" },
  { LIA_RECORD_KIND_INTERACTION, "interactions", "title, location, summary, outcome",
    "10.0, 2.0, 2.0, 2.0", "t.kind, t.day, NULL" },
  { LIA_RECORD_KIND_COMMITMENT, "commitments", "title, notes", "10.0, 1.0", "NULL, NULL, NULL" },
  { LIA_RECORD_KIND_CONCERN, "concerns", "title, root_cause, resolution, notes",
    "10.0, 2.0, 2.0, 1.0", "NULL, NULL, NULL" },
  /* The index holds the milestones' and risks' text too (the view project_search). */
  { LIA_RECORD_KIND_PROJECT, "projects",
    "name, summary, owner, notes,"
    " (SELECT milestones FROM project_search s WHERE s.id = t.id),"
    " (SELECT risks FROM project_search s WHERE s.id = t.id)",
    "10.0, 3.0, 2.0, 1.0, 4.0, 4.0", "NULL, NULL, NULL" },
};

#define N_EXTRA_COLUMNS 3

/* SQLite only: FTS5's query syntax. */
static const LiaSearchSyntax fts5_syntax = { "\"", " ", "*" };

/* A word of the query (lia-store-search-private.h). */
typedef LiaSearchTerm Term;

static void
term_clear (gpointer data)
{
  Term *term = data;

  g_free (term->text);
  g_free (term->folded);
}

typedef struct
{
  gint64 id;
  double rank;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a;
  const Candidate *cb = b;

  if (ca->rank != cb->rank)
    return ca->rank < cb->rank ? -1 : 1;
  /* Equal rank: the newer record first. */
  return ca->id > cb->id ? -1 : (ca->id < cb->id ? 1 : 0);
}

static gboolean
is_word_char (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return g_unichar_isalnum (c) ||
         type == G_UNICODE_NON_SPACING_MARK ||
         type == G_UNICODE_SPACING_MARK;
}

/* Finds the next word (a run of letters, digits and marks, as FTS5's unicode61 tokenizer sees
 * it) at or after @p; returns FALSE at the end of the text. */
static gboolean
next_word (const char  *p,
           const char **out_start,
           const char **out_end)
{
  while (*p != '\0' && !is_word_char (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);

  if (*p == '\0')
    return FALSE;

  *out_start = p;
  while (*p != '\0' && is_word_char (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  *out_end = p;

  return TRUE;
}

/* Case and accents folded, as the index does with remove_diacritics 2. */
static char *
fold (const char *text,
      gssize      length)
{
  g_autofree char *decomposed = g_utf8_normalize (text, length, G_NORMALIZE_NFKD);
  GString *folded;

  if (decomposed == NULL)
    return g_strndup (text, length < 0 ? strlen (text) : (gsize) length);

  folded = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type != G_UNICODE_NON_SPACING_MARK && type != G_UNICODE_SPACING_MARK &&
          type != G_UNICODE_ENCLOSING_MARK)
        g_string_append_unichar (folded, g_unichar_tolower (c));
    }

  return g_string_free (folded, FALSE);
}

/* The words of what a person typed: a prefix from two characters on. */
static GArray *
parse_terms (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  GArray *terms = g_array_new (FALSE, FALSE, sizeof (Term));
  const char *start, *end;

  g_array_set_clear_func (terms, term_clear);

  for (const char *p = normalized != NULL ? normalized : ""; next_word (p, &start, &end); p = end)
    {
      Term term = {
        g_strndup (start, end - start),
        fold (start, end - start),
        g_utf8_strlen (start, end - start) >= 2,
      };

      g_array_append_val (terms, term);
    }

  return terms;
}

/* A full-text query that cannot be misread as query syntax: every word quoted (words hold no
 * quotes), all required, in @syntax (FTS5's on SQLite, tsquery's on PostgreSQL). NULL when
 * nothing searchable is left. */
static char *
build_match_query (GArray                *terms,
                   const LiaSearchSyntax *syntax)
{
  GString *query;

  if (terms->len == 0)
    return NULL;

  query = g_string_new (NULL);
  for (guint i = 0; i < terms->len; i++)
    {
      const Term *term = &g_array_index (terms, Term, i);

      g_string_append_printf (query, "%s%s%s%s%s", i > 0 ? syntax->join : "", syntax->quote,
                              term->text, syntax->quote, term->prefix ? syntax->prefix : "");
    }

  return g_string_free (query, FALSE);
}

/* How many bytes of the word at @start..@end a term covers, or 0 when none matches. */
static gsize
matched_length (GArray     *terms,
                const char *start,
                const char *end)
{
  g_autofree char *word = fold (start, end - start);
  gsize best = 0;

  for (guint i = 0; terms != NULL && i < terms->len; i++)
    {
      const Term *term = &g_array_index (terms, Term, i);
      g_autoptr(GString) covered = NULL;
      const char *p;

      if (term->prefix ? !g_str_has_prefix (word, term->folded) : !g_str_equal (word, term->folded))
        continue;

      /* Walk the original characters until their folded form covers the term: "zur" marks
       * "Zür" in "Zürich". */
      covered = g_string_new (NULL);
      for (p = start; p < end && covered->len < strlen (term->folded); p = g_utf8_next_char (p))
        {
          g_autofree char *one = fold (p, g_utf8_next_char (p) - p);
          g_string_append (covered, one);
        }

      best = MAX (best, (gsize) (p - start));
    }

  return best;
}

#define SNIPPET_WORDS_BEFORE 4
#define SNIPPET_WORDS 14

/* The passage of @text around its first match, matches marked, "…" where it was cut; NULL when
 * nothing in @text matches. Without @terms, the start of @text (NULL when it has no words). */
static char *
make_snippet (GArray     *terms,
              const char *text)
{
  const char *start, *end;
  const char *from = NULL;
  const char *words[SNIPPET_WORDS_BEFORE] = { NULL, };
  guint n_seen = 0;
  guint n_words = 0;
  GString *snippet;
  const char *p;

  /* Find the first matching word, remembering a few words before it for context. */
  for (p = text; next_word (p, &start, &end); p = end)
    {
      if (terms == NULL)
        {
          from = start;
          break;
        }
      if (matched_length (terms, start, end) > 0)
        {
          guint back = MIN (n_seen, (guint) SNIPPET_WORDS_BEFORE);
          from = back > 0 ? words[(n_seen - back) % SNIPPET_WORDS_BEFORE] : start;
          break;
        }
      words[n_seen % SNIPPET_WORDS_BEFORE] = start;
      n_seen++;
    }

  if (from == NULL)
    return NULL;

  snippet = g_string_new (n_seen > SNIPPET_WORDS_BEFORE ? "… " : "");
  p = from;
  while (n_words < SNIPPET_WORDS && next_word (p, &start, &end))
    {
      gsize marked = matched_length (terms, start, end);

      g_string_append_len (snippet, p, start - p);
      if (marked > 0)
        {
          g_string_append (snippet, LIA_SEARCH_MATCH_START);
          g_string_append_len (snippet, start, marked);
          g_string_append (snippet, LIA_SEARCH_MATCH_END);
          g_string_append_len (snippet, start + marked, end - start - marked);
        }
      else
        {
          g_string_append_len (snippet, start, end - start);
        }

      p = end;
      n_words++;
    }

  if (next_word (p, &start, &end))
    g_string_append (snippet, " …");
  else
    g_string_append (snippet, p);

  return g_string_free (snippet, FALSE);
}

/* A hit read with its record's columns: @stmt's row holds the extra columns, the uid, the label
 * and the other indexed columns, up to @n_columns. */
static void
add_hit (const SearchTarget *target,
         GArray             *terms,
         LiaStmt            *stmt,
         int                 n_columns,
         gint64              id,
         double              rank,
         GPtrArray          *results)
{
  g_autofree char *snippet = NULL;
  const char *label;
  LiaSearchResult *result;

  /* The passage shown is from the first other column that matched, so that it says why
   * the record was found; when only the label matched, the start of the first other
   * column with text (a summary, a job title), never a repeat of the label. */
  label = _lia_column_text (stmt, N_EXTRA_COLUMNS + 1);
  for (int column = N_EXTRA_COLUMNS + 2; snippet == NULL && column < n_columns; column++)
    snippet = make_snippet (terms, _lia_column_text (stmt, column));
  for (int column = N_EXTRA_COLUMNS + 2; snippet == NULL && column < n_columns; column++)
    if (*_lia_column_text (stmt, column) != '\0')
      snippet = make_snippet (NULL, _lia_column_text (stmt, column));
  if (snippet == NULL)
    snippet = make_snippet (terms, label);

  result = lia_search_result_new (target->kind, id, _lia_column_text (stmt, N_EXTRA_COLUMNS), label,
                                  snippet != NULL ? snippet : label, rank);
  _lia_search_result_set_context (result,
                                  _lia_db_column_text (stmt, 0),
                                  _lia_db_column_text (stmt, 1),
                                  _lia_db_column_text (stmt, 2));
  g_ptr_array_add (results, result);
}

/* How many of @target's indexed columns there are (commas outside parentheses). */
static int
count_columns (const char *columns)
{
  int n = 1;
  int depth = 0;

  for (const char *p = columns; *p != '\0'; p++)
    {
      if (*p == '(')
        depth++;
      else if (*p == ')')
        depth--;
      else if (*p == ',' && depth == 0)
        n++;
    }

  return n;
}

/* The most indexed columns of a kind (contacts'); the others are padded with NULLs. */
#define MAX_SEARCH_COLUMNS 7
/* In the server's one statement, after the text columns: the rank (for a role, its place in
 * the roles' order), the id, and which part (2 × the target's index, the roles after the
 * contacts' part). No window function orders the kinds' parts: it would make the server
 * compute every candidate's columns (their texts, a contact's role) rather than the hits'. */
#define SERVER_RANK_COLUMN (N_EXTRA_COLUMNS + 1 + MAX_SEARCH_COLUMNS)
#define SERVER_ID_COLUMN   (SERVER_RANK_COLUMN + 1)
#define SERVER_PART_COLUMN (SERVER_RANK_COLUMN + 2)
/* The parameters that say whether to walk the newest rows of each target's table, then of the
 * roles', or to probe them first (_lia_store_search_pg_walk_newest()). */
#define FIRST_WALK_PARAM 3
#define ROLES_WALK_PARAM (FIRST_WALK_PARAM + (int) G_N_ELEMENTS (targets))
/* Then the words whose matches each one's index gives, in the same order. */
#define FIRST_INDEX_PARAM (ROLES_WALK_PARAM + 1)
#define ROLES_INDEX_PARAM (FIRST_INDEX_PARAM + (int) G_N_ELEMENTS (targets))

/* The order in which matching roles are listed: current roles first, then the latest to end
 * (?2 is today). */
#define ROLES_ORDER \
  "a.until_date IS NOT NULL AND a.until_date < ?2, a.until_date DESC, a.id DESC"

/* Lists the contact of a matching role as a hit, unless @seen says it is listed already: the
 * matched role as its passage, and in its context line the organization, with "former" and
 * the end date when the role is over. */
static void
add_role_hit (GArray     *terms,
              GHashTable *seen,
              gint64      id,
              const char *uid,
              const char *label,
              const char *role,
              const char *organization,
              const char *until_date,
              gboolean    former,
              GPtrArray  *results)
{
  g_autofree char *snippet = NULL;
  g_autofree char *context = NULL;
  LiaSearchResult *result;

  if (g_hash_table_contains (seen, &id))
    return;
  g_hash_table_add (seen, g_memdup2 (&id, sizeof id));

  if (former)
    /* Translators: a search hit for a role someone no longer holds: the organization
     * and the day it ended, e.g. "Former, Ministry of Health, until 2023-05-31". */
    context = g_strdup_printf (_("Former, %s, until %s"), organization, until_date);
  else
    context = g_strdup (organization);
  snippet = make_snippet (terms, role);

  result = lia_search_result_new (LIA_RECORD_KIND_CONTACT, id, uid, label,
                                  snippet != NULL ? snippet : role, 0.0);
  _lia_search_result_set_context (result, NULL, NULL, context);
  g_ptr_array_add (results, result);
}

/* On a team server every statement is a round trip: the whole search is one statement, a
 * part per kind (its window, ranking and hits' columns) and one for the roles, in the order
 * the hits are listed (docs/performance.md, "Team server"). Each kind's part orders as
 * compare_candidates() does; the roles' part gives each contact's first matching role in
 * search_roles()'s order, enough of them to fill the contacts' @limit. */
static gboolean
search_on_server (LiaStore    *self,
                  GArray      *terms,
                  const char  *match,
                  guint        limit,
                  GPtrArray   *results,
                  GError     **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT * FROM (");
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GDate) today = lia_date_new_today ();
  g_autofree char *today_iso = lia_date_to_iso (today);
  g_autoptr(LiaStmt) stmt = NULL;
  guint n_contacts = 0;
  int rc;

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      const SearchTarget *target = &targets[i];
      g_autofree char *window_sql = _lia_store_search_pg_window_sql (target->table,
                                                                     CANDIDATE_WINDOW,
                                                                     FIRST_WALK_PARAM + i,
                                                                     FIRST_INDEX_PARAM + i);

      g_string_append_printf (sql, "%s(SELECT %s, t.uid, %s", i > 0 ? " UNION ALL " : "",
                              target->extra, target->columns);
      for (int column = count_columns (target->columns); column < MAX_SEARCH_COLUMNS; column++)
        g_string_append (sql, ", NULL");
      /* The best @limit of the window first, then their rows: joined before, every row of
       * the window was read again by its key (a sixth of a search's server time). */
      g_string_append_printf (sql, ", w.rank, w.id, %u"
                              " FROM (SELECT * FROM (%s) AS w (id, rank)"
                              "  ORDER BY w.rank, w.id DESC LIMIT %u) AS w"
                              " JOIN %s AS t ON t.id = w.id)",
                              2 * i, window_sql, limit, target->table);

      if (target->kind == LIA_RECORD_KIND_CONTACT)
        {
          g_autofree char *roles_sql = _lia_store_search_pg_roles_sql (CANDIDATE_WINDOW,
                                                                       ROLES_WALK_PARAM,
                                                                       ROLES_INDEX_PARAM);

          /* At most @limit contacts are listed already, each role's contact comes once. */
          g_string_append_printf (sql, " UNION ALL (SELECT NULL, NULL, NULL, r.uid, r.label, r.role,"
                                  " r.name, r.until_date, CASE WHEN r.former THEN '1' ELSE '0' END,"
                                  " NULL, NULL, CAST (r.ord AS real), r.id, %u"
                                  " FROM (SELECT c.id, c.uid, c.label, m.role, o.name, a.until_date,"
                                  "  a.until_date IS NOT NULL AND a.until_date < ?2 AS former,"
                                  "  row_number () OVER (PARTITION BY c.id ORDER BY " ROLES_ORDER ") AS nth,"
                                  "  row_number () OVER (ORDER BY " ROLES_ORDER ") AS ord"
                                  "  FROM (%s) m"
                                  "  JOIN affiliations a ON a.id = m.id"
                                  "  JOIN contacts c ON c.id = a.contact_id"
                                  "  JOIN organizations o ON o.id = a.organization_id) AS r"
                                  " WHERE r.nth = 1 ORDER BY r.ord LIMIT %u)",
                                  2 * i + 1, roles_sql, 2 * limit);
        }
    }
  g_string_append (sql, ") AS hits ORDER BY 14, 12, 13 DESC");

  if (!(stmt = _lia_store_prepare (self, sql->str, error)))
    return FALSE;
  _lia_db_bind_text (stmt, 1, match, -1, LIA_DB_TRANSIENT);
  _lia_db_bind_text (stmt, 2, today_iso, -1, LIA_DB_TRANSIENT);
  for (guint i = 0; i <= G_N_ELEMENTS (targets); i++)
    {
      g_autofree char *index_query = NULL;
      int walk_from;

      if (!_lia_store_search_pg_walk_newest (self, i < G_N_ELEMENTS (targets) ? targets[i].table
                                                                               : "affiliations",
                                             terms, match, CANDIDATE_WINDOW, &walk_from,
                                             &index_query, error))
        return FALSE;
      _lia_db_bind_int (stmt, FIRST_WALK_PARAM + i, walk_from);
      _lia_db_bind_text (stmt, FIRST_INDEX_PARAM + i, index_query, -1, LIA_DB_TRANSIENT);
    }

  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    {
      guint part = (guint) _lia_db_column_int (stmt, SERVER_PART_COLUMN);
      gint64 id = _lia_db_column_int64 (stmt, SERVER_ID_COLUMN);
      const SearchTarget *target = &targets[part / 2];

      if (part % 2 == 1)
        {
          if (n_contacts < limit && !g_hash_table_contains (seen, &id))
            {
              add_role_hit (terms, seen, id, _lia_column_text (stmt, 3),
                            _lia_column_text (stmt, 4), _lia_column_text (stmt, 5),
                            _lia_column_text (stmt, 6), _lia_column_text (stmt, 7),
                            g_str_equal (_lia_column_text (stmt, 8), "1"), results);
              n_contacts++;
            }
          continue;
        }

      add_hit (target, terms, stmt, N_EXTRA_COLUMNS + 1 + count_columns (target->columns), id,
               _lia_db_column_double (stmt, SERVER_RANK_COLUMN), results);
      if (target->kind == LIA_RECORD_KIND_CONTACT)
        {
          g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
          n_contacts++;
        }
    }
  if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self, error, _("Could not search"));
      return FALSE;
    }

  return TRUE;
}

/* The longest prefix the FTS5 tables index (FTS_OPTIONS in lia-store-schema.c: '2 3'). */
#define INDEXED_PREFIX 3
/* Reading a row found through the indexed prefix (its text, tokenized) costs a few
 * microseconds; FTS5's merge of every term that starts with the word, some tens of
 * nanoseconds per row that holds one. Reading rows pays only when the word is in a good
 * share of the rows that share its first letters: from PREFIX_SAMPLE rows read on, the scan
 * stops (and FTS5 answers) when fewer than one in PREFIX_SHARE of them hold the word, which
 * bounds it to PREFIX_SHARE × CANDIDATE_WINDOW rows. A word rare so is cheap to merge. */
#define PREFIX_SAMPLE 32
#define PREFIX_SHARE  8

/* The window's row of @stmt: its rowid and its rank. */
static void
add_candidate (GArray  *candidates,
               LiaStmt *stmt)
{
  Candidate candidate = { _lia_db_column_int64 (stmt, 0), _lia_db_column_double (stmt, 1) };

  g_array_append_val (candidates, candidate);
}

static gboolean
too_rare (guint n_found,
          guint n_read)
{
  return n_read >= PREFIX_SAMPLE && n_found * PREFIX_SHARE < n_read;
}

/* How many rows of @target match @term alone, for bm25()'s idf of the term. */
static gboolean
count_matches (LiaStore           *self,
               const SearchTarget *target,
               const Term         *term,
               gint64             *n_matches,
               GError            **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s_fts WHERE %s_fts MATCH ?1",
                                          target->table, target->table);
  g_autofree char *match = g_strdup_printf ("%s%s%s%s", fts5_syntax.quote, term->text,
                                            fts5_syntax.quote, fts5_syntax.prefix);
  g_autoptr(LiaStmt) stmt = _lia_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  _lia_db_bind_text (stmt, 1, match, -1, LIA_DB_TRANSIENT);
  if (_lia_db_step (stmt) != LIA_DB_ROW)
    {
      _lia_store_set_error_from_db (self, error, _("Could not search"));
      return FALSE;
    }
  *n_matches = _lia_db_column_int64 (stmt, 0);

  return TRUE;
}

/* SQLite only. A word typed as a prefix longer than the index's prefixes ("commit") matches
 * every term that starts so, and FTS5 merges all their rows before giving the first (over a
 * million interactions: 8–10 ms for "commit", 14–18 ms for "quart", whatever the LIMIT;
 * twice that for two such words, and bm25() reads every match of each word again for its
 * idf). The words' first INDEXED_PREFIX letters are terms of the prefix index, which FTS5
 * reads lazily newest first: the window is the newest rows found so whose text has, for
 * every word, a token starting with it (lia_prefix_rank(), lia-db-sqlite.c). It gives each
 * word's part of the row's bm25() score without the idf: one word is ranked by their sum, as
 * lia_rank() does; several by bm25()'s own sum, each part times its word's idf, from the
 * count of the rows that match the word alone (still every match of the word, once, and only
 * when the window has rows). The same rows and ranks as FTS5's query of the words. FALSE in
 * *@done when no word is longer than the index's prefixes, a word is too short to be a
 * prefix, the words are rare among the rows sharing their first letters, or the tokenizer
 * folds a word otherwise than the store: then the caller asks FTS5 for the words. */
static gboolean
read_window_by_prefix (LiaStore           *self,
                       const SearchTarget *target,
                       GArray             *terms,
                       GArray             *candidates,
                       gboolean           *done,
                       GError            **error)
{
  g_autofree char *window_sql = NULL;
  g_autoptr(GString) words = g_string_new (NULL);
  g_autoptr(GString) prefixes = g_string_new (NULL);
  g_autoptr(GString) match = g_string_new (NULL);
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree double *idf = NULL;
  g_autoptr(LiaStmt) window = NULL;
  gboolean longer = FALSE;
  gint64 n_rows = 0;
  guint n_read = 0;
  int rc = LIA_DB_ROW;

  *done = FALSE;
  for (guint i = 0; i < terms->len; i++)
    {
      const Term *term = &g_array_index (terms, Term, i);
      g_autofree char *prefix = g_utf8_substring (term->folded, 0, INDEXED_PREFIX);

      if (!term->prefix)
        return TRUE;
      longer = longer || g_utf8_strlen (term->folded, -1) > INDEXED_PREFIX;
      g_string_append_printf (words, "%s%s", i > 0 ? " " : "", term->text);
      g_string_append_printf (prefixes, "%s%s", i > 0 ? " " : "", prefix);
      g_string_append_printf (match, "%s\"%s\"*", i > 0 ? " " : "", prefix);
    }
  if (!longer)
    return TRUE;

  window_sql = g_strdup_printf ("SELECT rowid, lia_prefix_rank(%s_fts, ?2, ?3, %s) FROM %s_fts"
                                " WHERE %s_fts MATCH ?1 ORDER BY rowid DESC",
                                target->table, target->weights, target->table, target->table);
  if (!(window = _lia_store_prepare (self, window_sql, error)))
    return FALSE;
  _lia_db_bind_text (window, 1, match->str, -1, LIA_DB_TRANSIENT);
  _lia_db_bind_text (window, 2, words->str, -1, LIA_DB_TRANSIENT);
  _lia_db_bind_text (window, 3, prefixes->str, -1, LIA_DB_TRANSIENT);

  while (candidates->len < CANDIDATE_WINDOW && !too_rare (candidates->len, n_read) &&
         (rc = _lia_db_step (window)) == LIA_DB_ROW)
    {
      /* The words' parts, then the table's row count (a blob: copied, not read in place). */
      const char *row_parts = _lia_db_column_blob (window, 1);
      Candidate candidate = { _lia_db_column_int64 (window, 0), 0.0 };
      double row_count;

      n_read++;
      if (row_parts == NULL)
        continue;
      if ((gsize) _lia_db_column_bytes (window, 1) != (terms->len + 1) * sizeof (double))
        {
          rc = LIA_DB_ERROR;
          break;
        }
      g_array_append_vals (parts, row_parts, terms->len);
      memcpy (&row_count, row_parts + terms->len * sizeof (double), sizeof row_count);
      n_rows = (gint64) row_count;
      g_array_append_val (candidates, candidate);
    }

  /* Every match read, or the window full: the answer. An error (the tokenizer folds a word
   * otherwise) or rare words: FTS5 answers the query itself, and reports a real error. */
  *done = candidates->len == CANDIDATE_WINDOW || rc == LIA_DB_DONE;
  if (!*done)
    {
      g_array_set_size (candidates, 0);
      return TRUE;
    }
  g_clear_pointer (&window, _lia_stmt_release);

  if (terms->len > 1 && candidates->len > 0)
    {
      idf = g_new (double, terms->len);
      for (guint i = 0; i < terms->len; i++)
        {
          gint64 n_hits;

          if (!count_matches (self, target, &g_array_index (terms, Term, i), &n_hits, error))
            return FALSE;
          /* bm25()'s, with its floor: a word in more than half the rows weighs next to nothing. */
          idf[i] = log ((n_rows - n_hits + 0.5) / (n_hits + 0.5));
          if (idf[i] <= 0.0)
            idf[i] = 1e-6;
        }
    }

  for (guint c = 0; c < candidates->len; c++)
    {
      const double *row_parts = &g_array_index (parts, double, c * terms->len);
      double score = 0.0;

      for (guint i = 0; i < terms->len; i++)
        score += idf != NULL ? idf[i] * row_parts[i] : row_parts[i];
      g_array_index (candidates, Candidate, c).rank = -1.0 * score;
    }

  return TRUE;
}

/* The window of @target's newest matches of @match, each with its rank. */
static gboolean
read_window (LiaStore           *self,
             const SearchTarget *target,
             GArray             *terms,
             const char         *match,
             GArray             *candidates,
             GError            **error)
{
  g_autofree char *window_sql = NULL;
  g_autoptr(LiaStmt) window = NULL;
  gboolean done;
  int rc;

  if (!read_window_by_prefix (self, target, terms, candidates, &done, error))
    return FALSE;
  if (done)
    return TRUE;

  /* SQLite only: FTS5 (MATCH, bm25, rowid). One word is ranked by lia_rank(), which orders
   * the rows as bm25() does without reading every match of the word first (lia-db-sqlite.c):
   * a short prefix of a common word matches half the table. */
  window_sql = g_strdup_printf ("SELECT rowid, %s(%s_fts, %s) FROM %s_fts"
                                " WHERE %s_fts MATCH ?1 ORDER BY rowid DESC LIMIT %d",
                                terms->len == 1 ? "lia_rank" : "bm25",
                                target->table, target->weights, target->table, target->table,
                                CANDIDATE_WINDOW);
  if (!(window = _lia_store_prepare (self, window_sql, error)))
    return FALSE;
  _lia_db_bind_text (window, 1, match, -1, LIA_DB_TRANSIENT);

  while ((rc = _lia_db_step (window)) == LIA_DB_ROW)
    add_candidate (candidates, window);
  if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self, error, _("Could not search"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
search_target (LiaStore           *self,
               const SearchTarget *target,
               GArray             *terms,
               const char         *match,
               guint               limit,
               GPtrArray          *results,
               GError            **error)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autofree char *detail_sql = NULL;
  int rc;

  if (!read_window (self, target, terms, match, candidates, error))
    return FALSE;

  g_array_sort (candidates, compare_candidates);

  detail_sql = g_strdup_printf ("SELECT %s, t.uid, %s FROM %s AS t WHERE t.id = ?1",
                                target->extra, target->columns, target->table);

  for (guint i = 0; i < candidates->len && i < limit; i++)
    {
      const Candidate *candidate = &g_array_index (candidates, Candidate, i);
      g_autoptr(LiaStmt) detail = _lia_store_prepare (self, detail_sql, error);

      if (detail == NULL)
        return FALSE;
      _lia_db_bind_int64 (detail, 1, candidate->id);

      rc = _lia_db_step (detail);
      if (rc == LIA_DB_DONE)
        continue;
      if (rc != LIA_DB_ROW)
        {
          _lia_store_set_error_from_db (self, error, _("Could not search"));
          return FALSE;
        }

      add_hit (target, terms, detail, _lia_db_column_count (detail), candidate->id,
               candidate->rank, results);
    }

  return TRUE;
}

/* People by the roles they hold or held (schema 8): a hit is the contact, the matched role as
 * its passage, and in its context line the organization, with "former" and the end date when
 * the role is over. A contact already found by its own text is not listed twice; up to
 * @limit contact hits in all. */
static gboolean
search_roles (LiaStore   *self,
              GArray     *terms,
              const char *match,
              guint       limit,
              GPtrArray  *results,
              GError    **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  g_autofree char *roles_sql = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GDate) today = lia_date_new_today ();
  g_autofree char *today_iso = lia_date_to_iso (today);
  guint n_contacts = 0;
  int rc = LIA_DB_DONE;

  for (guint i = 0; i < results->len; i++)
    if (lia_search_result_get_kind (results->pdata[i]) == LIA_RECORD_KIND_CONTACT)
      {
        gint64 id = lia_search_result_get_id (results->pdata[i]);

        g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
        n_contacts++;
      }

  /* SQLite only (FTS5); on a server, search_on_server() reads the roles with the rest. */
  roles_sql = g_strdup_printf ("SELECT c.id, c.uid, c.label, m.role, o.name, a.until_date,"
                               "  a.until_date IS NOT NULL AND a.until_date < ?2"
                               " FROM (SELECT rowid AS id, role FROM affiliations_fts"
                               "  WHERE affiliations_fts MATCH ?1 ORDER BY rowid DESC LIMIT %d) m"
                               " JOIN affiliations a ON a.id = m.id"
                               " JOIN contacts c ON c.id = a.contact_id"
                               " JOIN organizations o ON o.id = a.organization_id"
                               " ORDER BY " ROLES_ORDER,
                               CANDIDATE_WINDOW);
  stmt = _lia_store_prepare (self, roles_sql, error);
  if (stmt == NULL)
    return FALSE;
  _lia_db_bind_text (stmt, 1, match, -1, LIA_DB_TRANSIENT);
  _lia_db_bind_text (stmt, 2, today_iso, -1, LIA_DB_TRANSIENT);

  while (n_contacts < limit && (rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    {
      gint64 id = _lia_db_column_int64 (stmt, 0);

      if (g_hash_table_contains (seen, &id))
        continue;
      add_role_hit (terms, seen, id, _lia_column_text (stmt, 1), _lia_column_text (stmt, 2),
                    _lia_column_text (stmt, 3), _lia_column_text (stmt, 4),
                    _lia_column_text (stmt, 5), _lia_db_column_int (stmt, 6), results);
      n_contacts++;
    }

  if (n_contacts < limit && rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self, error, _("Could not search"));
      return FALSE;
    }

  return TRUE;
}

GPtrArray *
lia_store_search (LiaStore    *self,
                  const char  *text,
                  guint        limit_per_kind,
                  GError     **error)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) terms = NULL;
  g_autofree char *match = NULL;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, LIA_STORE_ERROR, LIA_STORE_ERROR_INVALID,
                           _("The search text is not valid UTF-8."));
      return NULL;
    }

  terms = parse_terms (text);
  match = build_match_query (terms, _lia_store_is_server (self) ? &_lia_store_search_pg_syntax
                                                                : &fts5_syntax);
  if (match == NULL || limit_per_kind == 0)
    return g_steal_pointer (&results);

  if (_lia_store_is_server (self))
    return search_on_server (self, terms, match, limit_per_kind, results, error)
           ? g_steal_pointer (&results) : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      if (!search_target (self, &targets[i], terms, match, limit_per_kind, results, error))
        return NULL;
      if (targets[i].kind == LIA_RECORD_KIND_CONTACT &&
          !search_roles (self, terms, match, limit_per_kind, results, error))
        return NULL;
    }

  return g_steal_pointer (&results);
}
