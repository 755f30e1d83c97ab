/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-store"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-search-result.h"
#include "lia-store-private.h"

/* How many of the newest matches of a kind are ranked. Ranking every match of a two-letter
 * prefix over a million interactions would cost tens of milliseconds per keystroke; the newest
 * window is what a person searching as they type wants, and when a kind has fewer matches
 * than this (any specific query), the ranking is exact. */
#define CANDIDATE_WINDOW 256

typedef struct
{
  LiaRecordKind  kind;
  const char    *table;
  const char    *label_column;
  /* bm25 weights, one per indexed column: a hit in a name counts more than one in notes. */
  const char    *weights;
} SearchTarget;

static const SearchTarget targets[] = {
  { LIA_RECORD_KIND_ORGANIZATION, "organizations", "name", "10.0, 8.0, 2.0, 1.0" },
  { LIA_RECORD_KIND_CONTACT, "contacts", "label", "10.0, 5.0, 5.0, 3.0, 1.0" },
  { LIA_RECORD_KIND_INTERACTION, "interactions", "title", "10.0, 2.0, 2.0, 2.0" },
  { LIA_RECORD_KIND_COMMITMENT, "commitments", "title", "10.0, 1.0" },
  { LIA_RECORD_KIND_CONCERN, "concerns", "title", "10.0, 2.0, 2.0, 1.0" },
};

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

/* Turns what a person typed into an FTS5 query that cannot be misread as FTS5 syntax: every
 * run of letters and digits becomes a quoted term, a prefix from two characters on, and all
 * terms are required. Returns NULL when nothing searchable is left. */
static char *
build_match_query (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  GString *query = g_string_new (NULL);
  GString *term = g_string_new (NULL);

  if (normalized == NULL)
    {
      g_string_free (term, TRUE);
      g_string_free (query, TRUE);
      return NULL;
    }

  for (const char *p = normalized;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);
      gboolean part_of_term = c != 0 &&
                              (g_unichar_isalnum (c) ||
                               type == G_UNICODE_NON_SPACING_MARK ||
                               type == G_UNICODE_SPACING_MARK);

      if (part_of_term)
        {
          g_string_append_unichar (term, c);
          continue;
        }

      if (term->len > 0)
        {
          if (query->len > 0)
            g_string_append_c (query, ' ');
          g_string_append_printf (query, "\"%s\"%s", term->str,
                                  g_utf8_strlen (term->str, -1) >= 2 ? "*" : "");
          g_string_truncate (term, 0);
        }

      if (c == 0)
        break;
    }

  g_string_free (term, TRUE);

  if (query->len == 0)
    {
      g_string_free (query, TRUE);
      return NULL;
    }

  return g_string_free (query, FALSE);
}

static gboolean
search_target (LiaStore           *self,
               const SearchTarget *target,
               const char         *match,
               guint               limit,
               GPtrArray          *results,
               GError            **error)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autofree char *window_sql = NULL;
  g_autofree char *detail_sql = NULL;
  g_autoptr(LiaStmt) window = NULL;
  int rc;

  window_sql = g_strdup_printf ("SELECT rowid, bm25(%s_fts, %s) FROM %s_fts"
                                " WHERE %s_fts MATCH ?1 ORDER BY rowid DESC LIMIT %d",
                                target->table, target->weights, target->table, target->table,
                                CANDIDATE_WINDOW);
  if (!(window = _lia_store_prepare (self, window_sql, error)))
    return FALSE;
  sqlite3_bind_text (window, 1, match, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (window)) == SQLITE_ROW)
    {
      Candidate candidate = { sqlite3_column_int64 (window, 0), sqlite3_column_double (window, 1) };
      g_array_append_val (candidates, candidate);
    }
  if (rc != SQLITE_DONE)
    {
      _lia_store_set_error_from_db (self, error, _("Could not search"));
      return FALSE;
    }
  g_clear_pointer (&window, _lia_stmt_release);

  g_array_sort (candidates, compare_candidates);

  detail_sql = g_strdup_printf ("SELECT t.uid, t.%s, snippet(%s_fts, -1, char(2), char(3), '…', 12)"
                                " FROM %s_fts JOIN %s t ON t.id = %s_fts.rowid"
                                " WHERE %s_fts MATCH ?1 AND %s_fts.rowid = ?2",
                                target->label_column, target->table, target->table, target->table,
                                target->table, target->table, target->table);

  for (guint i = 0; i < candidates->len && i < limit; i++)
    {
      const Candidate *candidate = &g_array_index (candidates, Candidate, i);
      g_autoptr(LiaStmt) detail = _lia_store_prepare (self, detail_sql, error);

      if (detail == NULL)
        return FALSE;
      sqlite3_bind_text (detail, 1, match, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (detail, 2, candidate->id);

      rc = sqlite3_step (detail);
      if (rc == SQLITE_ROW)
        g_ptr_array_add (results,
                         lia_search_result_new (target->kind, candidate->id,
                                                (const char *) sqlite3_column_text (detail, 0),
                                                (const char *) sqlite3_column_text (detail, 1),
                                                (const char *) sqlite3_column_text (detail, 2),
                                                candidate->rank));
      else if (rc != SQLITE_DONE)
        {
          _lia_store_set_error_from_db (self, error, _("Could not search"));
          return FALSE;
        }
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
  g_autofree char *match = NULL;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, LIA_STORE_ERROR, LIA_STORE_ERROR_INVALID,
                           _("The search text is not valid UTF-8."));
      return NULL;
    }

  match = build_match_query (text);
  if (match == NULL || limit_per_kind == 0)
    return g_steal_pointer (&results);

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    if (!search_target (self, &targets[i], match, limit_per_kind, results, error))
      return NULL;

  return g_steal_pointer (&results);
}
