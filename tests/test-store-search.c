/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Full-text search as a user types it: prefixes, accents ignored, every word required, the best
 * hit first, grouped by kind, highlighted, and whatever is typed, no error and no damage. */

#include <string.h>

#include "lia-search-result.h"
#include "lia-store-bulk.h"
#include "lia-store-search-private.h"
#include "lia-test-pg.h"

static GPtrArray *
search_ok (LiaStore   *store,
           const char *text,
           guint       limit_per_kind)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *results = lia_store_search (store, text, limit_per_kind, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

static void
dump_results (const char *text,
              GPtrArray  *results)
{
  g_printerr ("search “%s”: %u results\n", text, results->len);
  for (guint i = 0; i < results->len; i++)
    {
      LiaSearchResult *r = g_ptr_array_index (results, i);
      g_autofree char *snippet = lia_search_result_format_snippet (r, "[", "]", FALSE);

      g_printerr ("  kind %d id %" G_GINT64_FORMAT " rank %g “%s” — %s\n",
                  lia_search_result_get_kind (r), lia_search_result_get_id (r),
                  lia_search_result_get_rank (r), lia_search_result_get_title (r), snippet);
    }
}

/* Index of the result of @kind and @id, or -1. */
static int
find_result (GPtrArray     *results,
             LiaRecordKind  kind,
             gint64         id)
{
  for (guint i = 0; i < results->len; i++)
    {
      LiaSearchResult *r = g_ptr_array_index (results, i);

      if (lia_search_result_get_kind (r) == kind && lia_search_result_get_id (r) == id)
        return (int) i;
    }
  return -1;
}

static guint
count_kind (GPtrArray     *results,
            LiaRecordKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < results->len; i++)
    if (lia_search_result_get_kind (g_ptr_array_index (results, i)) == kind)
      n++;
  return n;
}

static void
assert_finds (LiaStore      *store,
              const char    *text,
              LiaRecordKind  kind,
              gint64         id)
{
  g_autoptr(GPtrArray) results = search_ok (store, text, 20);

  if (find_result (results, kind, id) < 0)
    {
      dump_results (text, results);
      g_error ("search “%s” did not find record %" G_GINT64_FORMAT " of kind %d", text, id, kind);
    }
}

static void
assert_does_not_find (LiaStore      *store,
                      const char    *text,
                      LiaRecordKind  kind,
                      gint64         id)
{
  g_autoptr(GPtrArray) results = search_ok (store, text, 20);

  if (find_result (results, kind, id) >= 0)
    {
      dump_results (text, results);
      g_error ("search “%s” found record %" G_GINT64_FORMAT " of kind %d", text, id, kind);
    }
}

typedef struct
{
  gint64 zurich, geneva, harbour_org;
  gint64 amina, diane, harbour_master;
  gint64 vaccine_title, vaccine_notes, harbour_visit;
  gint64 harbour_commitment;
  gint64 harbour_concern;
} Seed;

static Seed
seed (LiaStore *store)
{
  Seed s;
  g_autoptr(LiaContact) master = lia_contact_new ("Pieter", "Jansen");
  g_autoptr(LiaCommitment) commitment = lia_commitment_new (LIA_COMMITMENT_DIRECTION_OURS,
                                                            "Send the harbour report");
  g_autoptr(LiaConcern) concern = lia_concern_new ("Harbour access dispute");
  g_autoptr(GDateTime) at = lia_test_at ("2024-02-01T10:00:00+01:00");
  g_autoptr(LiaInteraction) long_one =
    lia_interaction_new (LIA_INTERACTION_KIND_CALL, at, "Weekly coordination call");
  g_autoptr(GString) summary = g_string_new (NULL);

  s.zurich = lia_test_add_organization (store, "Zürich Cantonal Hospital", 0);
  s.geneva = lia_test_add_organization (store, "Hôpitaux Universitaires de Genève", 0);
  s.harbour_org = lia_test_add_organization (store, "Harbour Authority", 0);
  s.amina = lia_test_add_contact (store, "Amina", "Diallo");
  s.diane = lia_test_add_contact (store, "Diane", "Martin");

  lia_contact_set_job_title (master, "Harbour master");
  lia_test_save (store, master);
  s.harbour_master = lia_record_get_id (LIA_RECORD (master));

  s.vaccine_title = lia_test_add_interaction (store, LIA_INTERACTION_KIND_MEETING,
                                              "2024-01-15T09:00:00+01:00",
                                              "Vaccine logistics review", s.amina, 0);
  for (int i = 0; i < 40; i++)
    g_string_append (summary, "We went through the agenda items, budgets, staffing and travel. ");
  g_string_append (summary, "Someone briefly asked about the vaccine stock. ");
  for (int i = 0; i < 40; i++)
    g_string_append (summary, "Then the schedule for the next quarter was discussed at length. ");
  lia_interaction_set_summary (long_one, summary->str);
  lia_test_save (store, long_one);
  s.vaccine_notes = lia_record_get_id (LIA_RECORD (long_one));

  s.harbour_visit = lia_test_add_interaction (store, LIA_INTERACTION_KIND_VISIT,
                                              "2024-03-01T09:00:00+01:00",
                                              "Harbour visit", s.harbour_master, s.harbour_org);
  lia_test_save (store, commitment);
  s.harbour_commitment = lia_record_get_id (LIA_RECORD (commitment));
  lia_concern_set_root_cause (concern, "Quay allocation");
  lia_test_save (store, concern);
  s.harbour_concern = lia_record_get_id (LIA_RECORD (concern));

  return s;
}

static void
test_prefix (StoreFixture  *f,
             gconstpointer  data)
{
  Seed s = seed (f->store);
  g_autoptr(GPtrArray) results = search_ok (f->store, "dia", 10);
  LiaSearchResult *hit;
  int i;

  i = find_result (results, LIA_RECORD_KIND_CONTACT, s.amina);
  g_assert_cmpint (i, >=, 0);
  hit = g_ptr_array_index (results, i);
  g_assert_cmpstr (lia_search_result_get_title (hit), ==, "Amina Diallo");
  g_assert_nonnull (lia_search_result_get_uid (hit));
  g_assert_cmpstr (lia_search_result_get_uid (hit), !=, "");
  /* "Diane" starts with "dia" too. */
  g_assert_cmpint (find_result (results, LIA_RECORD_KIND_CONTACT, s.diane), >=, 0);

  /* Case does not matter. */
  assert_finds (f->store, "DIALLO", LIA_RECORD_KIND_CONTACT, s.amina);
  assert_finds (f->store, "Am", LIA_RECORD_KIND_CONTACT, s.amina);
  /* Job titles are searched. */
  assert_finds (f->store, "master", LIA_RECORD_KIND_CONTACT, s.harbour_master);
  /* Root causes of concerns too. */
  assert_finds (f->store, "quay", LIA_RECORD_KIND_CONCERN, s.harbour_concern);
}

static void
test_accents (StoreFixture  *f,
              gconstpointer  data)
{
  Seed s = seed (f->store);

  assert_finds (f->store, "zur", LIA_RECORD_KIND_ORGANIZATION, s.zurich);
  assert_finds (f->store, "zür", LIA_RECORD_KIND_ORGANIZATION, s.zurich);
  assert_finds (f->store, "ZÜRICH", LIA_RECORD_KIND_ORGANIZATION, s.zurich);
  assert_finds (f->store, "geneve", LIA_RECORD_KIND_ORGANIZATION, s.geneva);
  assert_finds (f->store, "genève", LIA_RECORD_KIND_ORGANIZATION, s.geneva);
  assert_finds (f->store, "hopitaux", LIA_RECORD_KIND_ORGANIZATION, s.geneva);
  assert_does_not_find (f->store, "zur", LIA_RECORD_KIND_ORGANIZATION, s.geneva);
}

static void
test_all_words (StoreFixture  *f,
                gconstpointer  data)
{
  Seed s = seed (f->store);

  {
    g_autoptr(GPtrArray) results = search_ok (f->store, "amina dia", 10);

    g_assert_cmpint (find_result (results, LIA_RECORD_KIND_CONTACT, s.amina), >=, 0);
    g_assert_cmpint (find_result (results, LIA_RECORD_KIND_CONTACT, s.diane), <, 0);
    g_assert_cmpuint (count_kind (results, LIA_RECORD_KIND_CONTACT), ==, 1);
  }

  /* Word order and extra spaces do not matter. */
  assert_finds (f->store, "  cantonal   zur ", LIA_RECORD_KIND_ORGANIZATION, s.zurich);
  /* A word that matches nothing empties the result. */
  {
    g_autoptr(GPtrArray) results = search_ok (f->store, "zurich xylophone", 10);
    g_assert_cmpuint (results->len, ==, 0);
  }
}

static void
test_ranking (StoreFixture  *f,
              gconstpointer  data)
{
  Seed s = seed (f->store);
  g_autoptr(GPtrArray) results = search_ok (f->store, "vaccine", 10);
  int title = find_result (results, LIA_RECORD_KIND_INTERACTION, s.vaccine_title);
  int notes = find_result (results, LIA_RECORD_KIND_INTERACTION, s.vaccine_notes);

  dump_results ("vaccine", results);
  g_assert_cmpint (title, >=, 0);
  g_assert_cmpint (notes, >=, 0);
  g_assert_cmpint (title, <, notes);
  g_assert_cmpfloat (lia_search_result_get_rank (g_ptr_array_index (results, title)), <=,
                     lia_search_result_get_rank (g_ptr_array_index (results, notes)));
}

/* One word (the common case, typing): hits with more of the word come first, also when the word
 * is in most of the records. On SQLite the store ranks one word without bm25()'s count of every
 * match: the order must be bm25()'s all the same, shorter text first. */
static void
test_one_word_order (StoreFixture  *f,
                     gconstpointer  data)
{
  const char *titles[] = {
    "Review of the regional vaccine programme with the partners and the ministry",
    "Review",
    "Budget meeting",
    "Review review",
    "Review of the budget",
    "Annual review of the laboratory network",
    "Site visit",
    "Reviewing the tender",
  };
  gint64 ids[G_N_ELEMENTS (titles)];
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GString) order = g_string_new (NULL);
  guint n_hits = 0;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    ids[i] = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_MEETING,
                                       "2025-02-03T10:00:00+01:00", titles[i], 0, 0);

  results = search_ok (f->store, "revi", 10);
  dump_results ("revi", results);
  for (guint i = 0; i < results->len; i++)
    if (lia_search_result_get_kind (results->pdata[i]) == LIA_RECORD_KIND_INTERACTION)
      {
        g_string_append_printf (order, "%s%" G_GINT64_FORMAT, n_hits > 0 ? "," : "",
                                lia_search_result_get_id (results->pdata[i]));
        n_hits++;
      }
  /* Six of the eight titles. */
  g_assert_cmpuint (n_hits, ==, 6);
  /* Twice in two words first, on either backend. */
  g_assert_cmpint (find_result (results, LIA_RECORD_KIND_INTERACTION, ids[3]), <,
                   find_result (results, LIA_RECORD_KIND_INTERACTION, ids[1]));

  /* bm25() also weighs the length of the text (PostgreSQL's ranking does not): one word alone
   * before the same word among many. */
  if (pg_cluster == NULL)
    {
      g_autofree char *bm25 =
        lia_test_pg_sql_text (f, "SELECT group_concat (rowid) FROM"
                                 " (SELECT rowid FROM interactions_fts"
                                 "  WHERE interactions_fts MATCH '\"revi\"*'"
                                 "  ORDER BY bm25 (interactions_fts, 10.0, 2.0, 2.0, 2.0), rowid DESC)");

      g_assert_cmpint (find_result (results, LIA_RECORD_KIND_INTERACTION, ids[1]), <,
                       find_result (results, LIA_RECORD_KIND_INTERACTION, ids[4]));
      g_assert_cmpint (find_result (results, LIA_RECORD_KIND_INTERACTION, ids[4]), <,
                       find_result (results, LIA_RECORD_KIND_INTERACTION, ids[0]));
      g_assert_cmpstr (order->str, ==, bm25);
    }
}

static void
test_grouping_and_limit (StoreFixture  *f,
                         gconstpointer  data)
{
  Seed s = seed (f->store);
  static const LiaRecordKind order[] = {
    LIA_RECORD_KIND_ORGANIZATION,
    LIA_RECORD_KIND_CONTACT,
    LIA_RECORD_KIND_INTERACTION,
    LIA_RECORD_KIND_COMMITMENT,
    LIA_RECORD_KIND_CONCERN,
  };

  {
    g_autoptr(GPtrArray) results = search_ok (f->store, "harbour", 10);
    guint group = 0;

    dump_results ("harbour", results);
    g_assert_cmpuint (results->len, ==, 5);
    g_assert_cmpint (find_result (results, LIA_RECORD_KIND_ORGANIZATION, s.harbour_org), ==, 0);
    g_assert_cmpint (find_result (results, LIA_RECORD_KIND_CONTACT, s.harbour_master), ==, 1);
    g_assert_cmpint (find_result (results, LIA_RECORD_KIND_INTERACTION, s.harbour_visit), ==, 2);
    g_assert_cmpint (find_result (results, LIA_RECORD_KIND_COMMITMENT, s.harbour_commitment), ==, 3);
    g_assert_cmpint (find_result (results, LIA_RECORD_KIND_CONCERN, s.harbour_concern), ==, 4);
    for (guint i = 0; i < results->len; i++)
      g_assert_cmpint (lia_search_result_get_kind (g_ptr_array_index (results, i)), ==, order[group++]);
  }

  /* More hits than the limit in several kinds. */
  for (int i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("Harbour Pilots %d", i);
      g_autofree char *title = g_strdup_printf ("Harbour inspection %d", i);
      g_autofree char *at = g_strdup_printf ("2024-04-%02dT09:00:00Z", i + 1);

      lia_test_add_organization (f->store, name, 0);
      lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_VISIT, at, title, 0, 0);
    }

  {
    g_autoptr(GPtrArray) results = search_ok (f->store, "harbour", 3);
    guint group = 0;

    dump_results ("harbour (3 per kind)", results);
    g_assert_cmpuint (count_kind (results, LIA_RECORD_KIND_ORGANIZATION), ==, 3);
    g_assert_cmpuint (count_kind (results, LIA_RECORD_KIND_CONTACT), ==, 1);
    g_assert_cmpuint (count_kind (results, LIA_RECORD_KIND_INTERACTION), ==, 3);
    g_assert_cmpuint (count_kind (results, LIA_RECORD_KIND_COMMITMENT), ==, 1);
    g_assert_cmpuint (count_kind (results, LIA_RECORD_KIND_CONCERN), ==, 1);
    g_assert_cmpuint (results->len, ==, 9);

    /* Groups are contiguous and in the documented order; ranks ascend within a group. */
    for (guint i = 0; i < results->len; i++)
      {
        LiaSearchResult *r = g_ptr_array_index (results, i);

        while (group < G_N_ELEMENTS (order) && lia_search_result_get_kind (r) != order[group])
          group++;
        g_assert_cmpuint (group, <, G_N_ELEMENTS (order));
        if (i > 0)
          {
            LiaSearchResult *prev = g_ptr_array_index (results, i - 1);
            if (lia_search_result_get_kind (prev) == lia_search_result_get_kind (r))
              g_assert_cmpfloat (lia_search_result_get_rank (prev), <=, lia_search_result_get_rank (r));
          }
      }
  }

  {
    g_autoptr(GPtrArray) results = search_ok (f->store, "harbour", 100);
    g_assert_cmpuint (count_kind (results, LIA_RECORD_KIND_ORGANIZATION), ==, 7);
    g_assert_cmpuint (count_kind (results, LIA_RECORD_KIND_INTERACTION), ==, 7);
  }
}

static void
test_snippet (StoreFixture  *f,
              gconstpointer  data)
{
  Seed s = seed (f->store);
  g_autoptr(GPtrArray) results = search_ok (f->store, "zür", 10);
  LiaSearchResult *hit;
  const char *snippet;
  g_autofree char *plain = NULL;
  int i = find_result (results, LIA_RECORD_KIND_ORGANIZATION, s.zurich);

  g_assert_cmpint (i, >=, 0);
  hit = g_ptr_array_index (results, i);
  g_assert_cmpstr (lia_search_result_get_title (hit), ==, "Zürich Cantonal Hospital");
  snippet = lia_search_result_get_snippet (hit);
  g_printerr ("snippet: %s\n", snippet);
  g_assert_nonnull (strstr (snippet, LIA_SEARCH_MATCH_START "Zür"));
  g_assert_nonnull (strstr (snippet, LIA_SEARCH_MATCH_END));
  g_assert_true (strstr (snippet, LIA_SEARCH_MATCH_START) < strstr (snippet, LIA_SEARCH_MATCH_END));

  plain = lia_search_result_format_snippet (hit, "[", "]", FALSE);
  g_printerr ("formatted: %s\n", plain);
  g_assert_true (g_str_has_prefix (plain, "[Zür"));
  g_assert_nonnull (strstr (plain, "]"));
  g_assert_nonnull (strstr (plain, "Cantonal"));
  g_assert_null (strchr (plain, '\002'));
  g_assert_null (strchr (plain, '\003'));
}

/* Hits that share a title must still be told apart: an interaction carries its kind and day,
 * a contact its current role and organization, and a title-only match shows the summary's
 * start rather than the title again. */
static void
test_hit_context (StoreFixture  *f,
                  gconstpointer  data)
{
  gint64 ministry = lia_test_add_organization (f->store, "Ministry of Health", 0);
  gint64 agency = lia_test_add_organization (f->store, "Old Agency", 0);
  gint64 helene = lia_test_add_contact (f->store, "Hélène", "Marchetti");
  gint64 call = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL,
                                          "2026-03-12T10:00:00+01:00",
                                          "Mobile clinics monthly call", 0, 0);
  g_autoptr(LiaInteraction) interaction = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  LiaSearchResult *hit;
  int i;

  lia_test_add_affiliation (f->store, helene, agency, "Adviser", "2015-01-01", "2019-08-31");
  lia_test_add_affiliation (f->store, helene, ministry, "Deputy Director-General",
                            "2019-09-01", NULL);

  interaction = LIA_INTERACTION (lia_test_load (f->store, LIA_RECORD_KIND_INTERACTION, call));
  lia_interaction_set_summary (interaction, "Budget for the second van agreed.");
  lia_test_save (f->store, interaction);

  people = search_ok (f->store, "marchetti", 10);
  i = find_result (people, LIA_RECORD_KIND_CONTACT, helene);
  g_assert_cmpint (i, >=, 0);
  hit = g_ptr_array_index (people, i);
  g_assert_cmpstr (lia_search_result_get_context (hit), ==,
                   "Deputy Director-General, Ministry of Health");
  g_assert_null (lia_search_result_get_day (hit));

  calls = search_ok (f->store, "clinics", 10);
  i = find_result (calls, LIA_RECORD_KIND_INTERACTION, call);
  g_assert_cmpint (i, >=, 0);
  hit = g_ptr_array_index (calls, i);
  g_assert_cmpstr (lia_search_result_get_subkind (hit), ==, "call");
  g_assert_cmpstr (lia_search_result_get_day (hit), ==, "2026-03-12");
  g_assert_true (g_str_has_prefix (lia_search_result_get_snippet (hit), "Budget for the second"));
}

static void
test_snippet_markup (StoreFixture  *f,
                     gconstpointer  data)
{
  gint64 id = lia_test_add_organization (f->store, "Smith & Sons <Logistics>", 0);
  g_autoptr(GPtrArray) results = search_ok (f->store, "smith", 10);
  g_autofree char *markup = NULL;
  int i = find_result (results, LIA_RECORD_KIND_ORGANIZATION, id);

  g_assert_cmpint (i, >=, 0);
  markup = lia_search_result_format_snippet (g_ptr_array_index (results, i), "<b>", "</b>", TRUE);
  g_printerr ("markup: %s\n", markup);
  g_assert_nonnull (strstr (markup, "<b>Smith</b>"));
  g_assert_nonnull (strstr (markup, "&amp;"));
  g_assert_nonnull (strstr (markup, "&lt;Logistics&gt;"));
  g_assert_null (strstr (markup, " & "));
  g_assert_null (strstr (markup, "<Logistics>"));
}

static void
test_blank (StoreFixture  *f,
            gconstpointer  data)
{
  const char *blanks[] = { "", " ", "   \t\n  " };

  seed (f->store);
  for (guint i = 0; i < G_N_ELEMENTS (blanks); i++)
    {
      g_autoptr(GPtrArray) results = search_ok (f->store, blanks[i], 10);
      g_assert_cmpuint (results->len, ==, 0);
    }
}

static void
test_hostile (StoreFixture  *f,
              gconstpointer  data)
{
  const char *texts[] = {
    "\"", "\"\"", "\"zur", "zur\"", "'", "''", "(", ")", "()", "(zur", "zur)",
    "NEAR(", "NEAR(zur dia", "NEAR(zur, 2)", "*", "**", "zur*", "*zur", "-", "-zur", "zur -dia",
    "AND", "OR", "NOT", "AND OR NOT", "zur AND", "OR zur", "NOT zur", "zur NOT dia",
    "'; DROP TABLE contacts; --", "\"; DROP TABLE organizations_fts; --",
    "name:zur", "{name}:zur", "^zur", "zur + dia", ":", ";", "\\", "%", "_", "?",
    "organizations_fts", "rank", "bm25(", "💥", "\t", "a b c d e f g h i j k l",
  };
  Seed s = seed (f->store);

  {
    gint64 orgs = lia_test_count (f->store, LIA_RECORD_KIND_ORGANIZATION);
    gint64 contacts = lia_test_count (f->store, LIA_RECORD_KIND_CONTACT);
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) problems = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      {
        g_autoptr(GPtrArray) results = NULL;

        results = lia_store_search (f->store, texts[i], 10, &error);
        if (error != NULL)
          g_error ("search “%s” failed: %s", texts[i], error->message);
        g_assert_nonnull (results);
      }

    /* A long run of words and punctuation. */
    {
      g_autoptr(GString) lng = g_string_new (NULL);
      g_autoptr(GPtrArray) results = NULL;

      for (int i = 0; i < 500; i++)
        g_string_append (lng, "zur \"( NEAR* ");
      results = lia_store_search (f->store, lng->str, 10, &error);
      g_assert_no_error (error);
      g_assert_nonnull (results);
    }

    /* Nothing was damaged, and search still works. */
    g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_ORGANIZATION), ==, orgs);
    g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_CONTACT), ==, contacts);
    assert_finds (f->store, "zur", LIA_RECORD_KIND_ORGANIZATION, s.zurich);
    assert_finds (f->store, "dia", LIA_RECORD_KIND_CONTACT, s.amina);
    /* Words inside hostile punctuation are still words. */
    assert_finds (f->store, "\"zur", LIA_RECORD_KIND_ORGANIZATION, s.zurich);
    assert_finds (f->store, "(diallo)", LIA_RECORD_KIND_CONTACT, s.amina);

    lia_test_reopen (f);
    g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_CONTACT), ==, contacts);
    /* No damage, on a file (its FTS5 tables) as on a server (its search columns). */
    problems = lia_store_check (f->store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

static void
test_follows_changes (StoreFixture  *f,
                      gconstpointer  data)
{
  Seed s = seed (f->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaRecord) org = lia_store_load (f->store, LIA_RECORD_KIND_ORGANIZATION, s.zurich, &error);

  g_assert_no_error (error);
  lia_organization_set_name (LIA_ORGANIZATION (org), "Basel University Hospital");
  lia_test_save (f->store, org);

  assert_does_not_find (f->store, "zur", LIA_RECORD_KIND_ORGANIZATION, s.zurich);
  assert_finds (f->store, "basel", LIA_RECORD_KIND_ORGANIZATION, s.zurich);
  {
    g_autoptr(GPtrArray) results = search_ok (f->store, "basel", 10);
    int i = find_result (results, LIA_RECORD_KIND_ORGANIZATION, s.zurich);
    g_assert_cmpstr (lia_search_result_get_title (g_ptr_array_index (results, i)), ==,
                     "Basel University Hospital");
  }

  /* Notes, summaries and outcomes are searched and followed too. */
  {
    g_autoptr(LiaRecord) interaction = lia_store_load (f->store, LIA_RECORD_KIND_INTERACTION,
                                                       s.harbour_visit, &error);
    g_assert_no_error (error);
    lia_interaction_set_outcome (LIA_INTERACTION (interaction), "Agreed on quarantine berths");
    lia_test_save (f->store, interaction);
    assert_finds (f->store, "quarantine", LIA_RECORD_KIND_INTERACTION, s.harbour_visit);
  }

  lia_test_reopen (f);
  assert_does_not_find (f->store, "zur", LIA_RECORD_KIND_ORGANIZATION, s.zurich);
  assert_finds (f->store, "basel", LIA_RECORD_KIND_ORGANIZATION, s.zurich);
  assert_finds (f->store, "quarantine", LIA_RECORD_KIND_INTERACTION, s.harbour_visit);

  g_clear_object (&org);
  org = lia_store_load (f->store, LIA_RECORD_KIND_ORGANIZATION, s.zurich, &error);
  g_assert_no_error (error);
  g_assert_true (lia_store_delete (f->store, org, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) results = search_ok (f->store, "basel", 10);
    g_assert_cmpuint (results->len, ==, 0);
  }

  /* A deleted contact disappears from search as well. */
  {
    g_autoptr(LiaRecord) amina = lia_store_load (f->store, LIA_RECORD_KIND_CONTACT, s.amina, &error);
    g_assert_no_error (error);
    g_assert_true (lia_store_delete (f->store, amina, &error));
    g_assert_no_error (error);
    assert_does_not_find (f->store, "diallo", LIA_RECORD_KIND_CONTACT, s.amina);
  }

  lia_test_reopen (f);
  {
    g_autoptr(GPtrArray) results = search_ok (f->store, "basel", 10);
    g_assert_cmpuint (results->len, ==, 0);
  }
}

/* A bulk load (an import) indexes its new records once, at its end; records that were there
 * before stay indexed through their changes; a bulk load that is rolled back leaves nothing.
 * On a file and on a server (whose imports load in bulk too). */
static void
test_bulk_load (StoreFixture  *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaOrganization) before = lia_organization_new ("Kestrel Foundation");
  g_autoptr(LiaOrganization) renamed = NULL;
  g_autoptr(LiaOrganization) added = lia_organization_new ("Osprey Trust");
  g_autoptr(LiaOrganization) added_then_renamed = lia_organization_new ("Heron Institute");
  g_autoptr(LiaOrganization) dropped = lia_organization_new ("Plover Society");

  lia_test_save (f->store, before);

  g_assert_true (lia_store_begin (f->store, &error));
  g_assert_true (lia_store_begin_bulk_load (f->store, &error));
  g_assert_no_error (error);

  lia_test_save (f->store, added);
  lia_test_save (f->store, added_then_renamed);
  lia_organization_set_name (added_then_renamed, "Egret Institute");
  lia_test_save (f->store, added_then_renamed);
  renamed = LIA_ORGANIZATION (lia_test_load (f->store, LIA_RECORD_KIND_ORGANIZATION,
                                             lia_record_get_id (LIA_RECORD (before))));
  lia_organization_set_name (renamed, "Falcon Foundation");
  lia_test_save (f->store, renamed);

  g_assert_true (lia_store_end_bulk_load (f->store, &error));
  g_assert_true (lia_store_commit (f->store, &error));
  g_assert_no_error (error);

  assert_finds (f->store, "osprey", LIA_RECORD_KIND_ORGANIZATION, lia_record_get_id (LIA_RECORD (added)));
  assert_finds (f->store, "egret", LIA_RECORD_KIND_ORGANIZATION, lia_record_get_id (LIA_RECORD (added_then_renamed)));
  assert_does_not_find (f->store, "heron", LIA_RECORD_KIND_ORGANIZATION, lia_record_get_id (LIA_RECORD (added_then_renamed)));
  assert_finds (f->store, "falcon", LIA_RECORD_KIND_ORGANIZATION, lia_record_get_id (LIA_RECORD (before)));
  assert_does_not_find (f->store, "kestrel", LIA_RECORD_KIND_ORGANIZATION, lia_record_get_id (LIA_RECORD (before)));

  /* Rolled back: nothing of it, and the next saves are indexed at once again. */
  g_assert_true (lia_store_begin (f->store, &error));
  g_assert_true (lia_store_begin_bulk_load (f->store, &error));
  lia_test_save (f->store, dropped);
  lia_store_rollback (f->store);
  g_assert_cmpint (lia_test_pg_sql_int (f, "SELECT count(*) FROM bulk_load"), ==, 0);

  lia_record_set_id (LIA_RECORD (dropped), 0);
  lia_test_save (f->store, dropped);
  assert_finds (f->store, "plover", LIA_RECORD_KIND_ORGANIZATION, lia_record_get_id (LIA_RECORD (dropped)));

  /* The index agrees with its table. On a server the words are a column generated from the
   * row, which cannot disagree with it: their index is there, valid, whatever the load did. */
  if (pg_cluster != NULL)
    g_assert_cmpint (lia_test_pg_sql_int (f, "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                                             " WHERE c.relname = 'organizations_search'"
                                             " AND i.indisvalid AND i.indisready"), ==, 1);
  else
    g_assert_cmpint (lia_test_sql_try (f->path, "INSERT INTO organizations_fts (organizations_fts) VALUES ('integrity-check')", NULL),
                     ==, SQLITE_OK);
}

/* Roles, current and former, are searched: "deputy director" finds who holds it and who held
 * it, the former marked as such; a changed role is found by its new words only. */
static void
test_roles (StoreFixture  *f,
            gconstpointer  data)
{
  gint64 ministry = lia_test_add_organization (f->store, "Ministry of Health", 0);
  gint64 paul = lia_test_add_contact (f->store, "Paul", "Okafor");
  gint64 rita = lia_test_add_contact (f->store, "Rita", "Mensah");
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(LiaRecord) aff = NULL;
  LiaSearchResult *hit;
  gint64 rita_role;
  int i;

  lia_test_add_affiliation (f->store, paul, ministry, "Deputy Director", "2018-01-01", "2023-05-31");
  rita_role = lia_test_add_affiliation (f->store, rita, ministry, "Deputy Director", "2023-06-01", NULL);

  hits = search_ok (f->store, "deputy director", 10);
  i = find_result (hits, LIA_RECORD_KIND_CONTACT, paul);
  g_assert_cmpint (i, >=, 0);
  hit = g_ptr_array_index (hits, i);
  g_assert_cmpstr (lia_search_result_get_context (hit), ==, "Former, Ministry of Health, until 2023-05-31");
  g_assert_nonnull (strstr (lia_search_result_get_snippet (hit), LIA_SEARCH_MATCH_START "Deputy"));
  i = find_result (hits, LIA_RECORD_KIND_CONTACT, rita);
  g_assert_cmpint (i, >=, 0);
  g_assert_cmpstr (lia_search_result_get_context (g_ptr_array_index (hits, i)), ==, "Ministry of Health");

  aff = lia_test_load (f->store, LIA_RECORD_KIND_AFFILIATION, rita_role);
  lia_affiliation_set_role (LIA_AFFILIATION (aff), "Chief of Staff");
  lia_test_save (f->store, aff);
  again = search_ok (f->store, "deputy", 10);
  g_assert_cmpint (find_result (again, LIA_RECORD_KIND_CONTACT, rita), <, 0);
  g_assert_cmpint (find_result (again, LIA_RECORD_KIND_CONTACT, paul), >=, 0);
  g_clear_pointer (&again, g_ptr_array_unref);
  again = search_ok (f->store, "chief of staff", 10);
  g_assert_cmpint (find_result (again, LIA_RECORD_KIND_CONTACT, rita), >=, 0);
}

/* The ids of @results, in order, for comparing two searches. */
static char *
result_ids (GPtrArray *results)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < results->len; i++)
    g_string_append_printf (ids, "%d:%" G_GINT64_FORMAT " ",
                            lia_search_result_get_kind (results->pdata[i]),
                            lia_search_result_get_id (results->pdata[i]));
  return g_string_free (ids, FALSE);
}

/* The ids each of @queries finds (result_ids()), ten of each kind: a NULL-terminated array. */
static GStrv
ids_of_searches (StoreFixture      *f,
                 const char *const *queries)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  for (guint q = 0; queries[q] != NULL; q++)
    {
      g_autoptr(GPtrArray) results = search_ok (f->store, queries[q], 10);
      g_autofree char *found = result_ids (results);

      g_strv_builder_add (ids, found);
    }
  return g_strv_builder_end (ids);
}

/* Each of @queries finds what @before says it did (ids_of_searches()). */
static void
assert_same_searches (StoreFixture      *f,
                      const char *const *queries,
                      GStrv              before)
{
  g_auto(GStrv) after = ids_of_searches (f, queries);

  for (guint q = 0; queries[q] != NULL; q++)
    g_assert_cmpstr (after[q], ==, before[q]);
}

/* A word in more records than the ranked window lists the newest of them, a rare one every
 * match, and the same once the database has gathered its statistics (on a server, they decide
 * whether a search walks the newest rows or reads every match through the index). */
static void
test_newest_window (StoreFixture  *f,
                    gconstpointer  data)
{
  static const char *const queries[] = { "budget", "quaran", "budget quar", "bud 7", "nothing", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) budget = NULL;
  g_autoptr(GPtrArray) rare = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(GStrv) before = NULL;

  g_assert_true (lia_store_begin (f->store, &error));
  for (guint i = 0; i < 320; i++)
    {
      g_autofree char *title = g_strdup_printf (i % 16 == 3 ? "Quarantine review %u" : "Budget meeting %u", i);
      gint64 id = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_MEETING, "2024-03-01T10:00:00Z",
                                            title, 0, 0);

      if (i % 16 != 3)
        g_array_append_val (ids, id);
    }
  g_assert_true (lia_store_commit (f->store, &error));
  g_assert_no_error (error);

  budget = search_ok (f->store, "budget", 10);
  g_assert_cmpuint (budget->len, ==, 10);
  for (guint i = 0; i < 10; i++)
    g_assert_cmpint (lia_search_result_get_id (budget->pdata[i]), ==,
                     g_array_index (ids, gint64, ids->len - 1 - i));
  rare = search_ok (f->store, "quaran", 50);
  g_assert_cmpuint (count_kind (rare, LIA_RECORD_KIND_INTERACTION), ==, 20);

  before = ids_of_searches (f, queries);
  lia_test_pg_sql (f, "ANALYZE");
  lia_test_reopen (f);
  assert_same_searches (f, queries, before);
}

/* Two words, one far rarer than the other ("fat san"): on a server the index is read for the
 * rare word alone once the statistics say so, and the hits are those of both words, in the
 * same order as when the whole query went through the index. */
static void
test_rare_word_first (StoreFixture  *f,
                      gconstpointer  data)
{
  static const char *const queries[] = { "fat san", "san fat", "fatim sanit", "fat", "fatig san", NULL };
  g_autoptr(GArray) both = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(GStrv) before = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 400;

  g_assert_true (lia_store_begin (f->store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = NULL;
      gint64 id;

      if (i % 20 == 7)
        title = g_strdup_printf ("Sanitation visit with Fatima %u", i);
      else if (i % 40 == 13)
        title = g_strdup_printf ("Fatigue study %u", i);
      else
        title = g_strdup_printf ("Sanitation visit %u", i);
      id = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_MEETING, "2024-03-01T10:00:00Z",
                                     title, 0, 0);
      if (i % 20 == 7)
        g_array_append_val (both, id);
    }
  g_assert_true (lia_store_commit (f->store, &error));
  g_assert_no_error (error);

  /* The newest ten with both words, never a fatigue study (only one of the words). */
  hits = search_ok (f->store, "fat san", 10);
  g_assert_cmpuint (count_kind (hits, LIA_RECORD_KIND_INTERACTION), ==, 10);
  for (guint i = 0; i < 10; i++)
    {
      g_assert_cmpint (lia_search_result_get_kind (hits->pdata[i]), ==, LIA_RECORD_KIND_INTERACTION);
      g_assert_cmpint (lia_search_result_get_id (hits->pdata[i]), ==,
                       g_array_index (both, gint64, both->len - 1 - i));
    }
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search_ok (f->store, "fat san", 50);
  g_assert_cmpuint (count_kind (hits, LIA_RECORD_KIND_INTERACTION), ==, both->len);

  before = ids_of_searches (f, queries);
  lia_test_pg_sql (f, "ANALYZE");
  lia_test_reopen (f);

  /* On a server, the statistics now say that "fat" is the rarer word of the interactions. */
  if (_lia_store_is_server (f->store))
    {
      g_autoptr(GArray) terms = g_array_new (FALSE, FALSE, sizeof (LiaSearchTerm));
      LiaSearchTerm fat = { (char *) "fat", (char *) "fat", TRUE };
      LiaSearchTerm san = { (char *) "san", (char *) "san", TRUE };
      g_autofree char *index_query = NULL;
      int walk_from = 0;

      g_array_append_val (terms, fat);
      g_array_append_val (terms, san);
      g_assert_true (_lia_store_search_pg_walk_newest (f->store, "interactions", terms,
                                                       "'fat':* & 'san':*", 256, &walk_from,
                                                       &index_query, &error));
      g_assert_no_error (error);
      /* Through the index, without a probe of the newest rows. */
      g_assert_cmpint (walk_from, >, _LIA_SEARCH_PG_PROBE_ROWS);
      g_assert_cmpstr (index_query, ==, "'fat':*");
    }

  assert_same_searches (f, queries, before);
}

/* Everything a person sees of each hit of @text, in order: kind, id, title, snippet, context. */
static char *
describe_search (LiaStore   *store,
                 const char *text,
                 guint       limit)
{
  g_autoptr(GPtrArray) results = search_ok (store, text, limit);
  GString *description = g_string_new (NULL);

  for (guint i = 0; i < results->len; i++)
    {
      LiaSearchResult *r = results->pdata[i];

      g_string_append_printf (description, "%d:%" G_GINT64_FORMAT " “%s” “%s” “%s”\n",
                              lia_search_result_get_kind (r), lia_search_result_get_id (r),
                              lia_search_result_get_title (r), lia_search_result_get_snippet (r),
                              lia_search_result_get_context (r) != NULL
                              ? lia_search_result_get_context (r) : "");
    }
  return g_string_free (description, FALSE);
}

/* On a server, a common short prefix ("ma": Manila, Madrid, malaria…, none of them common on
 * its own) has its window read by walking the newest rows when a probe of them says so. Every
 * way of reading the newest rows (the store's own choice, a walk, the index, the probe taking
 * either way) gives the same hits in the same order with the same snippets and contexts, for
 * short prefixes common and rare, accented words and mixed case, in every kind. */
static void
test_common_prefix_paths (StoreFixture  *f,
                          gconstpointer  data)
{
  static const char *const titles[] = {
    "Manila visit", "Madrid and Málaga review", "MAJOR donors meeting", "Mañana planning",
    "Minsk talks", "Zürich Maßnahme", "Budget review",
  };
  static const char *const roles[] = { "Manager", "Mayor’s adviser", "Minister", "MAIN contact", "Director" };
  static const char *const queries[] = {
    "ma", "MA", "Má", "mañ", "mal", "man", "mi", "Mü", "zür", "maß", "ma mi", "é", "bu", NULL
  };
  /* The store's choice, a walk, the index, a probe that walks when one of the newest rows
   * matches, one that walks only when all of them do, the index's matches all at once. */
  static const int ways[] = { 0, _LIA_SEARCH_PG_PROBE_ROWS + 1, 1, _LIA_SEARCH_PG_PROBE_ROWS,
                              _LIA_SEARCH_PG_INDEX_ALL };
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) orgs = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!_lia_store_is_server (f->store))
    {
      g_test_skip ("a file has one way of reading a search's window");
      return;
    }

  g_assert_true (lia_store_begin (f->store, &error));
  for (guint i = 0; i < 40; i++)
    {
      static const char *const names[] = { "Ministry of Mañana", "Madrid Port", "MALARIA Centre",
                                           "Mühle Trust", "Zürich Forum" };
      g_autofree char *name = g_strdup_printf ("%s %u", names[i % G_N_ELEMENTS (names)], i);
      gint64 id = lia_test_add_organization (f->store, name, 0);

      g_array_append_val (orgs, id);
    }
  for (guint i = 0; i < 60; i++)
    {
      static const char *const given[] = { "María", "Marco", "MIKE", "Ana", "Jürgen" };
      g_autofree char *family = g_strdup_printf ("Martínez%u", i);
      gint64 contact = lia_test_add_contact (f->store, given[i % G_N_ELEMENTS (given)], family);

      lia_test_add_affiliation (f->store, contact, g_array_index (orgs, gint64, i % orgs->len),
                                roles[i % G_N_ELEMENTS (roles)], "2020-01-01",
                                i % 3 == 0 ? "2022-12-31" : NULL);
    }
  for (guint i = 0; i < 700; i++)
    {
      g_autofree char *title = g_strdup_printf ("%s %u", titles[i % G_N_ELEMENTS (titles)], i);

      lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_MEETING, "2024-03-01T10:00:00Z", title,
                                0, 0);
    }
  g_assert_true (lia_store_commit (f->store, &error));
  g_assert_no_error (error);
  lia_test_pg_sql (f, "ANALYZE");
  lia_test_reopen (f);

  /* More interactions hold a word beginning with "ma" than the ranked window: the way the
   * newest of them are read decides which are ranked. */
  hits = search_ok (f->store, "ma", 40);
  g_assert_cmpuint (count_kind (hits, LIA_RECORD_KIND_INTERACTION), ==, 40);
  g_assert_cmpuint (count_kind (hits, LIA_RECORD_KIND_ORGANIZATION), ==, 24);
  g_assert_cmpuint (count_kind (hits, LIA_RECORD_KIND_CONTACT), ==, 40);

  for (guint q = 0; queries[q] != NULL; q++)
    for (guint limit = 10; limit <= 40; limit += 30)
      {
        g_autofree char *expected = NULL;

        _lia_store_search_pg_force_walk_from (f->store, -1);
        expected = describe_search (f->store, queries[q], limit);
        for (guint w = 0; w < G_N_ELEMENTS (ways); w++)
          {
            g_autofree char *found = NULL;

            _lia_store_search_pg_force_walk_from (f->store, ways[w]);
            found = describe_search (f->store, queries[q], limit);
            if (g_strcmp0 (found, expected) != 0)
              g_printerr ("“%s”, limit %u, way %d:\n%s\nthe store's own way:\n%s",
                          queries[q], limit, ways[w], found, expected);
            g_assert_cmpstr (found, ==, expected);
          }
      }
  _lia_store_search_pg_force_walk_from (f->store, -1);
}

/* What FTS5 itself answers for @match over the interactions: the newest 256 matches ranked by
 * bm25() (for one word, the order of the store's ranking without the idf), the first @limit,
 * as the store's search does (CANDIDATE_WINDOW in lia-store-search.c). */
static char *
fts5_interaction_ids (StoreFixture *f,
                      const char   *match,
                      guint         limit)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT group_concat (id, ' ') FROM"
                     " (SELECT id FROM (SELECT rowid AS id,"
                     "   bm25 (interactions_fts, 10.0, 2.0, 2.0, 2.0) AS r FROM interactions_fts"
                     "   WHERE interactions_fts MATCH '%s' ORDER BY rowid DESC LIMIT 256)"
                     "  ORDER BY r, id DESC LIMIT %u)", match, limit);
  char *ids = lia_test_pg_sql_text (f, sql);

  return ids != NULL ? ids : g_strdup ("");
}

/* A prefix longer than the index's prefixes (three letters) is found on SQLite through its
 * first three letters, newest first, keeping the rows with a word that starts with the whole
 * prefix: the same hits in the same order as FTS5's own query of the prefix, whatever the
 * case and accents, whether the word is common among the rows that share its first letters
 * (read so) or rare (FTS5 asked), for two words, and for prefixes of two and three letters. */
static void
test_long_prefix_as_fts5 (StoreFixture  *f,
                          gconstpointer  data)
{
  static const struct { const char *text; const char *match; gboolean found; } queries[] = {
    { "co", "\"co\"*", TRUE },
    { "com", "\"com\"*", TRUE },
    { "Comm", "\"Comm\"*", TRUE },
    { "COMMIT", "\"COMMIT\"*", TRUE },
    { "committee", "\"committee\"*", TRUE },
    { "Comité", "\"Comité\"*", TRUE },
    { "comite", "\"comite\"*", TRUE },
    /* A combining mark that has no precomposed letter: the index drops it too. */
    { "comm\xcc\x83it", "\"comm\xcc\x83it\"*", TRUE },
    { "sénéc", "\"sénéc\"*", TRUE },
    { "SENEGAL", "\"SENEGAL\"*", TRUE },
    { "compte", "\"compte\"*", TRUE },
    { "commx", "\"commx\"*", FALSE },
    { "comm revi", "\"comm\"* \"revi\"*", TRUE },
    { "Commit budget", "\"Commit\"* \"budget\"*", TRUE },
    { "committee next", "\"committee\"* \"next\"*", TRUE },
    { "co commit", "\"co\"* \"commit\"*", TRUE },
    { "Sénécal trip", "\"Sénécal\"* \"trip\"*", TRUE },
    { "comm COMM", "\"comm\"* \"COMM\"*", TRUE },
    { "commit compte", "\"commit\"* \"compte\"*", FALSE },
    { "commit 7", "\"commit\"* \"7\"", FALSE },
  };
  static const char *titles[] = {
    "Committee meeting", "COMMITMENT review", "Comité de pilotage", "Community health visit",
    "Compte rendu", "Sénécal briefing", "Commit", "Budget review", "Comité de Genève",
    "Visit",
  };
  static const char *summaries[] = {
    "", "The committee asked about the commitments and the commission.", "", "",
    "", "Trip to Senegal", "", "We commit to the budget.", "", "Seniors' commission",
  };
  g_autoptr(GError) error = NULL;

  if (pg_cluster != NULL)
    {
      g_test_skip ("FTS5 is SQLite's; a server ranks by its own text search");
      return;
    }

  /* 720 interactions, 300 of them with a word starting with "commit": the newest 256 are
   * ranked, and all of them listed; the oldest, ranked best, are not. */
  g_assert_true (lia_store_begin (f->store, &error));
  for (guint i = 0; i < 720; i++)
    {
      g_autoptr(GDateTime) at = lia_test_at ("2024-03-01T10:00:00Z");
      g_autoptr(LiaInteraction) interaction =
        lia_interaction_new (LIA_INTERACTION_KIND_MEETING, at,
                             i < 20 ? "Commit commit commit" : titles[i % 10]);
      g_autoptr(GString) summary = g_string_new (summaries[i % 10]);

      /* The newest: one word in the title and the other in the summary, or the other way
       * round; with two words, which comes first depends on each word's idf. */
      if (i >= 700)
        {
          lia_interaction_set_title (interaction, i % 2 == 0 ? "Review" : "Commitment");
          g_string_assign (summary, i % 2 == 0 ? "commitment" : "review");
        }

      for (guint j = 0; j < i % 7; j++)
        g_string_append (summary, " and the next steps");
      lia_interaction_set_summary (interaction, summary->str);
      if (i % 5 == 1)
        lia_interaction_set_location (interaction, "Commissariat, Dakar");
      lia_test_save (f->store, interaction);
    }
  g_assert_true (lia_store_commit (f->store, &error));
  g_assert_no_error (error);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GPtrArray) results = search_ok (f->store, queries[q].text, 300);
      g_autofree char *expected = fts5_interaction_ids (f, queries[q].match, 300);
      g_autoptr(GString) found = g_string_new (NULL);

      for (guint i = 0; i < results->len; i++)
        {
          g_assert_cmpint (lia_search_result_get_kind (results->pdata[i]), ==,
                           LIA_RECORD_KIND_INTERACTION);
          g_string_append_printf (found, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "",
                                  lia_search_result_get_id (results->pdata[i]));
        }
      if (g_strcmp0 (found->str, expected) != 0)
        {
          dump_results (queries[q].text, results);
          g_error ("search “%s”: %s, FTS5: %s", queries[q].text, found->str, expected);
        }
      g_assert_cmpint (results->len > 0, ==, queries[q].found);
    }
}

int
main (int   argc,
      char *argv[])
{
  int skip = 0;

  if (!lia_test_pg_init (&argc, &argv, &skip))
    return skip;

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, lia_test_pg_fixture_setup, func, lia_test_pg_fixture_teardown)

  ADD ("/store/search/prefix", test_prefix);
  ADD ("/store/search/accents", test_accents);
  ADD ("/store/search/all-words", test_all_words);
  ADD ("/store/search/ranking", test_ranking);
  ADD ("/store/search/one-word-order", test_one_word_order);
  ADD ("/store/search/grouping-and-limit", test_grouping_and_limit);
  ADD ("/store/search/snippet", test_snippet);
  ADD ("/store/search/hit-context", test_hit_context);
  ADD ("/store/search/snippet-markup", test_snippet_markup);
  ADD ("/store/search/blank", test_blank);
  ADD ("/store/search/hostile", test_hostile);
  ADD ("/store/search/follows-changes", test_follows_changes);
  ADD ("/store/search/bulk-load", test_bulk_load);
  ADD ("/store/search/roles", test_roles);
  ADD ("/store/search/newest-window", test_newest_window);
  ADD ("/store/search/long-prefix-as-fts5", test_long_prefix_as_fts5);
  ADD ("/store/search/rare-word-first", test_rare_word_first);
  ADD ("/store/search/common-prefix-paths", test_common_prefix_paths);

#undef ADD

  return g_test_run ();
}
