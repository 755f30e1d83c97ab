/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Engagement: last contact on the interaction's own day, the organization's through its
 * people while they were there, planned meetings not counted, cadences from the map quadrant
 * that a logged interaction resets, health made of parts a person can check, and the
 * filters and orders of `liaison stakeholders`. docs/engagement.md is the specification. */

#include <string.h>

#include "lia-test-pg.h"
#include "lia-list-model.h"
#include "lia-store-engagement.h"
#include "lia-store-undo.h"

static GDate *
day (const char *iso)
{
  GDate *date = lia_date_parse_iso (iso, NULL);

  g_assert_nonnull (date);
  return date;
}

static GPtrArray *
stakeholders (LiaStore                  *store,
              const LiaStakeholderQuery *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = lia_store_list_stakeholders (store, query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

static LiaStakeholder *
find (GPtrArray     *list,
      LiaRecordKind  kind,
      gint64         id)
{
  for (guint i = 0; i < list->len; i++)
    {
      LiaStakeholder *s = list->pdata[i];

      if (s->kind == kind && s->id == id)
        return s;
    }

  return NULL;
}

/* The stakeholder as of @today_iso, with no filter. */
static LiaStakeholder *
get (LiaStore      *store,
     LiaRecordKind  kind,
     gint64         id,
     const char    *today_iso,
     GPtrArray    **out_list)
{
  g_autoptr(GDate) today = day (today_iso);
  LiaStakeholderQuery query;
  LiaStakeholder *s;

  lia_stakeholder_query_init (&query);
  query.today = today;
  g_clear_pointer (out_list, g_ptr_array_unref);
  *out_list = stakeholders (store, &query);
  s = find (*out_list, kind, id);
  g_assert_nonnull (s);
  return s;
}

static void
assert_day (const GDate *date,
            const char  *expected_iso)
{
  g_autofree char *iso = lia_date_to_iso (date);

  g_assert_cmpstr (iso, ==, expected_iso);
}

static void
assess (LiaStore      *store,
        LiaRecordKind  kind,
        gint64         id,
        int            influence,
        int            interest,
        LiaStance      stance)
{
  g_autoptr(LiaRecord) record = lia_test_load (store, kind, id);
  LiaAssessment *assessment = kind == LIA_RECORD_KIND_CONTACT
                              ? lia_contact_get_assessment (LIA_CONTACT (record))
                              : lia_organization_get_assessment (LIA_ORGANIZATION (record));

  lia_assessment_set_influence (assessment, influence);
  lia_assessment_set_interest (assessment, interest);
  lia_assessment_set_stance (assessment, stance);
  lia_test_save (store, record);
}

static void
test_last_contact (StoreFixture  *f,
                   gconstpointer  data)
{
  gint64 ministry = lia_test_add_organization (f->store, "Ministry of Health", 0);
  gint64 amina = lia_test_add_contact (f->store, "Amina", "Diallo");
  gint64 bruno = lia_test_add_contact (f->store, "Bruno", "Keller");
  g_autoptr(GPtrArray) list = NULL;
  LiaStakeholder *s;

  /* Amina was at the ministry until 31 May; the call on 1 June is not the ministry's. */
  lia_test_add_affiliation (f->store, amina, ministry, "Director", "2020-01-01", "2024-05-31");
  lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_MEETING, "2024-05-20T10:00:00+02:00",
                            "While there", amina, 0);
  lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL, "2024-06-01T10:00:00+02:00",
                            "The day after she left", amina, 0);
  /* 23:30−05:00 on 3 June is 4 June in UTC: the day is the interaction's own, the 3rd. */
  lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL, "2024-06-03T23:30:00-05:00",
                            "Late call from Bogotá", bruno, 0);
  /* Planned, after "today": it must not count. */
  lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_MEETING, "2024-07-01T09:00:00+02:00",
                            "Planned", amina, ministry);

  s = get (f->store, LIA_RECORD_KIND_CONTACT, amina, "2024-06-15", &list);
  assert_day (s->last_contact, "2024-06-01");
  s = get (f->store, LIA_RECORD_KIND_ORGANIZATION, ministry, "2024-06-15", &list);
  assert_day (s->last_contact, "2024-05-20");
  s = get (f->store, LIA_RECORD_KIND_CONTACT, bruno, "2024-06-15", &list);
  assert_day (s->last_contact, "2024-06-03");
  /* As of the day before, Bruno's late call had not happened yet. */
  s = get (f->store, LIA_RECORD_KIND_CONTACT, bruno, "2024-06-02", &list);
  g_assert_null (s->last_contact);

  /* Once the planned meeting's day has come, it is the last contact of both. */
  s = get (f->store, LIA_RECORD_KIND_ORGANIZATION, ministry, "2024-07-01", &list);
  assert_day (s->last_contact, "2024-07-01");
  s = get (f->store, LIA_RECORD_KIND_CONTACT, amina, "2024-07-02", &list);
  assert_day (s->last_contact, "2024-07-01");
}

static void
test_cadence (StoreFixture  *f,
              gconstpointer  data)
{
  gint64 amina = lia_test_add_contact (f->store, "Amina", "Diallo");
  gint64 bruno = lia_test_add_contact (f->store, "Bruno", "Keller");
  g_autoptr(GPtrArray) list = NULL;
  LiaStakeholder *s;

  g_assert_cmpint (lia_quadrant_from_assessment (5, 5), ==, LIA_QUADRANT_MANAGE_CLOSELY);
  g_assert_cmpint (lia_quadrant_from_assessment (3, 2), ==, LIA_QUADRANT_KEEP_SATISFIED);
  g_assert_cmpint (lia_quadrant_from_assessment (2, 3), ==, LIA_QUADRANT_KEEP_INFORMED);
  g_assert_cmpint (lia_quadrant_from_assessment (1, 1), ==, LIA_QUADRANT_MONITOR);
  g_assert_cmpint (lia_quadrant_from_assessment (0, 5), ==, LIA_QUADRANT_NONE);

  /* Manage closely: every 30 days. Last contact 1 March: due by 31 March. */
  assess (f->store, LIA_RECORD_KIND_CONTACT, amina, 5, 4, LIA_STANCE_SUPPORTIVE);
  lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL, "2025-03-01T10:00:00Z",
                            "Catch-up", amina, 0);
  s = get (f->store, LIA_RECORD_KIND_CONTACT, amina, "2025-03-10", &list);
  g_assert_cmpuint (s->cadence_days, ==, 30);
  assert_day (s->next_contact, "2025-03-31");
  g_assert_false (s->due);
  /* Within a week of lapsing, due. */
  s = get (f->store, LIA_RECORD_KIND_CONTACT, amina, "2025-03-24", &list);
  g_assert_true (s->due);
  /* A logged interaction resets it. */
  lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_EMAIL, "2025-03-24T08:00:00Z",
                            "Follow-up", amina, 0);
  s = get (f->store, LIA_RECORD_KIND_CONTACT, amina, "2025-03-24", &list);
  assert_day (s->next_contact, "2025-04-23");
  g_assert_false (s->due);

  /* Monitor: no cadence, never due. Not assessed: the same. */
  assess (f->store, LIA_RECORD_KIND_CONTACT, bruno, 1, 2, LIA_STANCE_NEUTRAL);
  s = get (f->store, LIA_RECORD_KIND_CONTACT, bruno, "2025-03-24", &list);
  g_assert_cmpuint (s->cadence_days, ==, 0);
  g_assert_null (s->next_contact);
  g_assert_false (s->due);

  /* Keep informed and never contacted: due from today. */
  assess (f->store, LIA_RECORD_KIND_CONTACT, bruno, 2, 5, LIA_STANCE_NEUTRAL);
  s = get (f->store, LIA_RECORD_KIND_CONTACT, bruno, "2025-03-24", &list);
  g_assert_cmpuint (s->cadence_days, ==, 90);
  assert_day (s->next_contact, "2025-03-24");
  g_assert_true (s->due);
}

static void
test_health (StoreFixture  *f,
             gconstpointer  data)
{
  gint64 ministry = lia_test_add_organization (f->store, "Ministry of Health", 0);
  gint64 amina = lia_test_add_contact (f->store, "Amina", "Diallo");
  gint64 quiet = lia_test_add_contact (f->store, "Quiet", "Person");
  g_autoptr(GPtrArray) list = NULL;
  LiaStakeholder *s;

  lia_test_add_affiliation (f->store, amina, ministry, "Director", "2020-01-01", NULL);
  assess (f->store, LIA_RECORD_KIND_CONTACT, amina, 4, 4, LIA_STANCE_CONCERNED);

  /* Never in touch, nothing owed, no concern: recency 0, sentiment 15, 20, 10. */
  s = get (f->store, LIA_RECORD_KIND_CONTACT, quiet, "2025-06-30", &list);
  g_assert_cmpint (s->health.recency, ==, 0);
  g_assert_cmpint (s->health.sentiment, ==, 15);
  g_assert_cmpint (s->health.commitments, ==, 20);
  g_assert_cmpint (s->health.concerns, ==, 10);
  g_assert_cmpint (s->health.score, ==, 45);

  /* Six interactions: the last five count for the mood, (−1 −1 −2 0 +1) / 5 = −0.6. */
  {
    static const int sentiments[] = { 2, -1, -1, -2, 0, 1 };

    for (guint i = 0; i < G_N_ELEMENTS (sentiments); i++)
      {
        g_autofree char *at = g_strdup_printf ("2025-06-%02uT10:00:00Z", 1 + i);
        gint64 id = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL, at, "Call", amina, 0);
        g_autoptr(LiaRecord) interaction = lia_test_load (f->store, LIA_RECORD_KIND_INTERACTION, id);

        lia_interaction_set_sentiment (LIA_INTERACTION (interaction), sentiments[i]);
        lia_test_save (f->store, interaction);
      }
  }

  /* One commitment overdue each way, one not yet due, one done. */
  {
    static const struct { LiaCommitmentDirection direction; const char *due; LiaCommitmentStatus status; } ks[] = {
      { LIA_COMMITMENT_DIRECTION_OURS, "2025-06-01", LIA_COMMITMENT_STATUS_OPEN },
      { LIA_COMMITMENT_DIRECTION_THEIRS, "2025-06-15", LIA_COMMITMENT_STATUS_OPEN },
      { LIA_COMMITMENT_DIRECTION_OURS, "2025-07-15", LIA_COMMITMENT_STATUS_OPEN },
      { LIA_COMMITMENT_DIRECTION_OURS, "2025-05-01", LIA_COMMITMENT_STATUS_DONE },
    };

    for (guint i = 0; i < G_N_ELEMENTS (ks); i++)
      {
        g_autoptr(LiaCommitment) k = lia_commitment_new (ks[i].direction, "Promise");
        g_autoptr(GDate) due = day (ks[i].due);

        lia_commitment_set_due_date (k, due);
        lia_commitment_set_status (k, ks[i].status);
        lia_commitment_set_contact_id (k, amina);
        lia_test_save (f->store, k);
      }
  }

  /* A high-severity concern open (−7) and a resolved one (nothing). */
  {
    g_autoptr(LiaConcern) open = lia_concern_new ("Data sharing dispute");
    g_autoptr(LiaConcern) resolved = lia_concern_new ("Old quarrel");
    g_autoptr(LiaConcernParty) p1 = lia_concern_party_new_contact (amina, "Wants the data back");
    g_autoptr(LiaConcernParty) p2 = lia_concern_party_new_contact (amina, "");

    lia_concern_set_severity (open, LIA_SEVERITY_HIGH);
    lia_concern_add_party (open, p1);
    lia_test_save (f->store, open);
    lia_concern_set_status (resolved, LIA_CONCERN_STATUS_RESOLVED);
    lia_concern_add_party (resolved, p2);
    lia_test_save (f->store, resolved);
  }

  /* Last contact 6 June, 24 days before: within the 30-day cadence, recency 40.
   * Sentiment 30 × (−0.6 + 2) / 4 = 10.5 → 11. Commitments 20 − 10. Concerns 10 − 7. */
  s = get (f->store, LIA_RECORD_KIND_CONTACT, amina, "2025-06-30", &list);
  g_assert_cmpuint (s->health.n_recent, ==, 5);
  g_assert_cmpfloat_with_epsilon (s->health.average_sentiment, -0.6, 1e-9);
  g_assert_cmpint (s->health.recency, ==, 40);
  g_assert_cmpint (s->health.sentiment, ==, 11);
  g_assert_cmpuint (s->health.overdue_ours, ==, 1);
  g_assert_cmpuint (s->health.overdue_theirs, ==, 1);
  g_assert_cmpint (s->health.commitments, ==, 10);
  g_assert_cmpuint (s->health.open_concerns, ==, 1);
  g_assert_cmpint (s->health.concerns, ==, 3);
  g_assert_cmpint (s->health.score, ==, 64);

  /* 45 days after the last contact: halfway from 30 to 60 days, recency 20. */
  s = get (f->store, LIA_RECORD_KIND_CONTACT, amina, "2025-07-21", &list);
  g_assert_cmpint (s->health.recency, ==, 20);

  /* The ministry has its director's interactions, commitments and concern. */
  s = get (f->store, LIA_RECORD_KIND_ORGANIZATION, ministry, "2025-06-30", &list);
  assert_day (s->last_contact, "2025-06-06");
  g_assert_cmpuint (s->health.overdue_ours + s->health.overdue_theirs, ==, 2);
  g_assert_cmpuint (s->health.open_concerns, ==, 1);
}

/* The names of the list, in order, as one string: "Amina Diallo, Bruno Keller". */
static char *
names (GPtrArray *list)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < list->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? ", " : "",
                            ((LiaStakeholder *) list->pdata[i])->name);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
assert_names (LiaStore                  *store,
              const LiaStakeholderQuery *query,
              const char                *expected)
{
  g_autoptr(GPtrArray) list = stakeholders (store, query);
  g_autofree char *got = names (list);

  g_assert_cmpstr (got, ==, expected);
}

static void
test_filters (StoreFixture  *f,
              gconstpointer  data)
{
  gint64 ministry = lia_test_add_organization (f->store, "Ministry of Health", 0);
  gint64 clinic = lia_test_add_organization (f->store, "Clinic", 0);
  gint64 amina = lia_test_add_contact (f->store, "Amina", "Diallo");
  gint64 bruno = lia_test_add_contact (f->store, "Bruno", "Keller");
  gint64 chen = lia_test_add_contact (f->store, "Chen", "Wei");
  g_autoptr(GDate) today = day ("2025-06-30");
  LiaStakeholderQuery query;

  {
    g_autoptr(LiaRecord) record = lia_test_load (f->store, LIA_RECORD_KIND_ORGANIZATION, ministry);
    const char *tags[] = { "government", NULL };

    lia_organization_set_sector (LIA_ORGANIZATION (record), "Government");
    lia_organization_set_country (LIA_ORGANIZATION (record), "FR");
    lia_organization_set_tags (LIA_ORGANIZATION (record), tags);
    lia_test_save (f->store, record);
  }
  {
    g_autoptr(LiaRecord) record = lia_test_load (f->store, LIA_RECORD_KIND_CONTACT, chen);
    const char *tags[] = { "key-contact", NULL };

    lia_contact_set_tags (LIA_CONTACT (record), tags);
    lia_test_save (f->store, record);
  }
  lia_test_add_affiliation (f->store, amina, ministry, "Director", NULL, NULL);
  lia_test_add_affiliation (f->store, bruno, clinic, "Head nurse", NULL, NULL);
  assess (f->store, LIA_RECORD_KIND_CONTACT, amina, 5, 5, LIA_STANCE_OPPOSED);
  assess (f->store, LIA_RECORD_KIND_CONTACT, bruno, 2, 4, LIA_STANCE_ADVOCATE);
  assess (f->store, LIA_RECORD_KIND_CONTACT, chen, 4, 2, LIA_STANCE_CONCERNED);
  assess (f->store, LIA_RECORD_KIND_ORGANIZATION, ministry, 5, 3, LIA_STANCE_NEUTRAL);
  lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL, "2025-06-20T10:00:00Z", "Recent", bruno, 0);
  lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL, "2025-01-10T10:00:00Z", "Long ago", chen, 0);

  lia_stakeholder_query_init (&query);
  query.today = today;
  assert_names (f->store, &query, "Amina Diallo, Bruno Keller, Chen Wei, Clinic, Ministry of Health");

  query.kinds = 1u << LIA_RECORD_KIND_CONTACT;
  /* "Who is influential and opposed (or concerned)?" */
  query.stances = (1u << LIA_STANCE_OPPOSED) | (1u << LIA_STANCE_CONCERNED);
  query.influence_min = 4;
  assert_names (f->store, &query, "Amina Diallo, Chen Wei");
  query.interest_max = 3;
  assert_names (f->store, &query, "Chen Wei");

  /* "Whom have I not contacted in 90 days?": Chen (171 days) and Amina (never). */
  lia_stakeholder_query_init (&query);
  query.today = today;
  query.kinds = 1u << LIA_RECORD_KIND_CONTACT;
  query.not_contacted_days = 90;
  query.sort = LIA_STAKEHOLDER_SORT_LAST_CONTACT;
  assert_names (f->store, &query, "Amina Diallo, Chen Wei");

  /* Due: Amina (30-day cadence, never contacted) and Chen (60 days, lapsed); not Bruno. */
  lia_stakeholder_query_init (&query);
  query.today = today;
  query.due_only = TRUE;
  query.sort = LIA_STAKEHOLDER_SORT_DUE;
  assert_names (f->store, &query, "Chen Wei, Amina Diallo, Ministry of Health");

  /* A contact's sector and country are their organization's. */
  lia_stakeholder_query_init (&query);
  query.today = today;
  query.sector = "government";
  assert_names (f->store, &query, "Amina Diallo, Ministry of Health");
  query.sector = NULL;
  query.country = "fr";
  assert_names (f->store, &query, "Amina Diallo, Ministry of Health");
  query.country = NULL;
  query.tag = "Key-Contact";
  assert_names (f->store, &query, "Chen Wei");

  lia_stakeholder_query_init (&query);
  query.today = today;
  query.sort = LIA_STAKEHOLDER_SORT_INFLUENCE;
  assert_names (f->store, &query, "Amina Diallo, Ministry of Health, Chen Wei, Bruno Keller, Clinic");
  /* Opposed first, then concerned, neutral, supportive, advocate, not known. */
  query.sort = LIA_STAKEHOLDER_SORT_STANCE;
  assert_names (f->store, &query, "Amina Diallo, Chen Wei, Ministry of Health, Bruno Keller, Clinic");
  /* Never contacted first, then the longest ago; the clinic's is Bruno's call. */
  query.sort = LIA_STAKEHOLDER_SORT_LAST_CONTACT;
  assert_names (f->store, &query, "Amina Diallo, Ministry of Health, Chen Wei, Bruno Keller, Clinic");

  /* A page of the same list, and its count, as the window reads them. */
  {
    g_autoptr(GPtrArray) page = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *got = NULL;
    guint count = 0;

    query.stances = (1u << LIA_STANCE_OPPOSED) | (1u << LIA_STANCE_CONCERNED) | (1u << LIA_STANCE_ADVOCATE);
    g_assert_true (lia_store_count_stakeholders (f->store, &query, &count, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (count, ==, 3);
    page = lia_store_list_stakeholders_page (f->store, &query, 1, 5, &error);
    g_assert_no_error (error);
    got = names (page);
    g_assert_cmpstr (got, ==, "Chen Wei, Bruno Keller");
    /* Health comes with each row of a page: Chen, 171 days on a 60-day cadence, has no
     * recency left; 15 + 20 + 10 for the other parts. */
    g_assert_cmpint (((LiaStakeholder *) page->pdata[0])->health.recency, ==, 0);
    g_assert_cmpint (((LiaStakeholder *) page->pdata[0])->health.score, ==, 45);
  }
}

/* A cadence of the record's own wins over its quadrant's; the quadrants' come from the query
 * (the window's Preferences). */
static void
test_own_cadence (StoreFixture  *f,
                  gconstpointer  data)
{
  gint64 amina = lia_test_add_contact (f->store, "Amina", "Diallo");
  gint64 bruno = lia_test_add_contact (f->store, "Bruno", "Keller");
  g_autoptr(GDate) today = day ("2025-03-10");
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(LiaRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  LiaStakeholder *s;
  guint cadence[LIA_QUADRANT_MANAGE_CLOSELY + 1] = { 0, 0, 90, 60, 14 };

  assess (f->store, LIA_RECORD_KIND_CONTACT, amina, 5, 4, LIA_STANCE_SUPPORTIVE);
  assess (f->store, LIA_RECORD_KIND_CONTACT, bruno, 1, 1, LIA_STANCE_NEUTRAL);
  lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL, "2025-03-01T10:00:00Z",
                            "Catch-up", amina, 0);

  /* Preferences say every 14 days for "manage closely": due by 15 March, so due now. */
  s = lia_store_get_stakeholder (f->store, LIA_RECORD_KIND_CONTACT, amina, today, cadence, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (s->cadence_days, ==, 14);
  assert_day (s->next_contact, "2025-03-15");
  g_assert_true (s->due);
  lia_stakeholder_free (s);

  /* Her own: every 45 days, whatever the quadrant; read back after a reopen. */
  record = lia_test_load (f->store, LIA_RECORD_KIND_CONTACT, amina);
  lia_assessment_set_cadence_days (lia_contact_get_assessment (LIA_CONTACT (record)), 45);
  lia_test_save (f->store, record);
  lia_test_reopen (f);
  g_clear_object (&record);
  record = lia_test_load (f->store, LIA_RECORD_KIND_CONTACT, amina);
  g_assert_cmpint (lia_assessment_get_cadence_days (lia_contact_get_assessment (LIA_CONTACT (record))), ==, 45);
  s = lia_store_get_stakeholder (f->store, LIA_RECORD_KIND_CONTACT, amina, today, cadence, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (s->cadence_days, ==, 45);
  assert_day (s->next_contact, "2025-04-15");
  g_assert_false (s->due);
  lia_stakeholder_free (s);

  /* "Never" for someone to manage closely; "every 7 days" for someone to monitor. */
  lia_assessment_set_cadence_days (lia_contact_get_assessment (LIA_CONTACT (record)), LIA_CADENCE_NONE);
  lia_test_save (f->store, record);
  g_clear_object (&record);
  record = lia_test_load (f->store, LIA_RECORD_KIND_CONTACT, bruno);
  lia_assessment_set_cadence_days (lia_contact_get_assessment (LIA_CONTACT (record)), 7);
  lia_test_save (f->store, record);
  s = get (f->store, LIA_RECORD_KIND_CONTACT, amina, "2025-03-10", &list);
  g_assert_cmpuint (s->cadence_days, ==, 0);
  g_assert_null (s->next_contact);
  g_assert_false (s->due);
  s = get (f->store, LIA_RECORD_KIND_CONTACT, bruno, "2025-03-10", &list);
  g_assert_cmpuint (s->cadence_days, ==, 7);
  g_assert_true (s->due);

  /* Out of range is refused with a message. */
  lia_assessment_set_cadence_days (lia_contact_get_assessment (LIA_CONTACT (record)), 4000);
  g_assert_false (lia_store_save (f->store, record, &error));
  g_assert_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "cadence"));
}

/* The latest interaction day the database keeps (schema 8), read as another program would. */
static char *
kept_day (StoreFixture  *f,
          const char    *table,
          gint64         id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT ifnull (latest_interaction_day, 'never')"
                                          " FROM %s WHERE id = %" G_GINT64_FORMAT, table, id);

  return lia_test_sql_text (f->path, sql);
}

static void
assert_kept (StoreFixture *f,
             gint64        amina,
             gint64        ministry,
             const char   *amina_day,
             const char   *ministry_day)
{
  g_autofree char *a = kept_day (f, "contacts", amina);
  g_autofree char *m = kept_day (f, "organizations", ministry);

  g_assert_cmpstr (a, ==, amina_day);
  g_assert_cmpstr (m, ==, ministry_day);
}

static void
test_kept_last_contact (StoreFixture  *f,
                        gconstpointer  data)
{
  gint64 ministry = lia_test_add_organization (f->store, "Ministry of Health", 0);
  gint64 amina = lia_test_add_contact (f->store, "Amina", "Diallo");
  gint64 bruno = lia_test_add_contact (f->store, "Bruno", "Keller");
  g_autoptr(LiaRecord) call = NULL;
  g_autoptr(LiaRecord) aff_record = NULL;
  g_autoptr(LiaRecord) restored = NULL;
  g_autoptr(LiaDeletion) deletion = NULL;
  g_autoptr(GDateTime) moved = lia_test_at ("2024-03-02T10:00:00+01:00");
  g_autoptr(GDate) until = day ("2024-02-29");
  g_autoptr(GError) error = NULL;
  gint64 aff, call_id, visit_id;

  assert_kept (f, amina, ministry, "never", "never");
  aff = lia_test_add_affiliation (f->store, amina, ministry, "Director", "2020-01-01", NULL);
  /* Insert: a call with Amina counts for her and, while she is there, for the ministry. */
  call_id = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL, "2024-03-01T23:30:00-05:00",
                                      "Call", amina, 0);
  assert_kept (f, amina, ministry, "2024-03-01", "2024-03-01");
  /* Keeping the day is not a change of Amina's record: other windows are told of the call. */
  g_assert_cmpint (lia_test_sql_int (f->path, "SELECT count(*) FROM change_log"
                                              " WHERE kind = 'contact' AND operation = 'update'"), ==, 0);
  visit_id = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_VISIT, "2024-02-10T10:00:00+01:00",
                                       "Visit", bruno, ministry);
  assert_kept (f, amina, ministry, "2024-03-01", "2024-03-01");

  /* Update: the call moves a day later, then loses Amina. */
  call = lia_test_load (f->store, LIA_RECORD_KIND_INTERACTION, call_id);
  lia_interaction_set_at (LIA_INTERACTION (call), moved);
  lia_test_save (f->store, call);
  assert_kept (f, amina, ministry, "2024-03-02", "2024-03-02");
  lia_interaction_remove_contact (LIA_INTERACTION (call), amina);
  lia_interaction_add_contact (LIA_INTERACTION (call), bruno);
  lia_test_save (f->store, call);
  assert_kept (f, amina, ministry, "never", "2024-02-10");
  lia_interaction_remove_contact (LIA_INTERACTION (call), bruno);
  lia_interaction_add_contact (LIA_INTERACTION (call), amina);
  lia_test_save (f->store, call);
  assert_kept (f, amina, ministry, "2024-03-02", "2024-03-02");

  /* Affiliation dates: ending the day before the call takes it off the ministry's timeline. */
  aff_record = lia_test_load (f->store, LIA_RECORD_KIND_AFFILIATION, aff);
  lia_affiliation_set_until (LIA_AFFILIATION (aff_record), until);
  lia_test_save (f->store, aff_record);
  assert_kept (f, amina, ministry, "2024-03-02", "2024-02-10");
  lia_affiliation_set_until (LIA_AFFILIATION (aff_record), NULL);
  lia_test_save (f->store, aff_record);
  assert_kept (f, amina, ministry, "2024-03-02", "2024-03-02");

  /* Delete, and undo the delete. */
  deletion = lia_store_delete_with_undo (f->store, call, &error);
  g_assert_no_error (error);
  assert_kept (f, amina, ministry, "never", "2024-02-10");
  restored = lia_store_undo_deletion (f->store, deletion, &error);
  g_assert_no_error (error);
  assert_kept (f, amina, ministry, "2024-03-02", "2024-03-02");

  /* Deleting the affiliation leaves the ministry its own visit. */
  g_clear_object (&aff_record);
  aff_record = lia_test_load (f->store, LIA_RECORD_KIND_AFFILIATION, aff);
  g_assert_true (lia_store_delete (f->store, aff_record, &error));
  g_assert_no_error (error);
  assert_kept (f, amina, ministry, "2024-03-02", "2024-02-10");
  (void) visit_id;
}

/* A contact assessed @level on both axes, last called at @call, with a meeting planned at
 * @planned: the stored day is the meeting's, the last contact the call's. @name: "Given
 * Family", or a given name alone (family "Planned"). */
static void
add_planned (LiaStore   *store,
             const char *name,
             int         level,
             LiaStance   stance,
             const char *call,
             const char *planned)
{
  g_auto(GStrv) parts = g_strsplit (name, " ", 2);
  gint64 id = lia_test_add_contact (store, parts[0], parts[1] != NULL ? parts[1] : "Planned");

  assess (store, LIA_RECORD_KIND_CONTACT, id, level, level, stance);
  lia_test_add_interaction (store, LIA_INTERACTION_KIND_CALL, call, "Call", id, 0);
  lia_test_add_interaction (store, LIA_INTERACTION_KIND_MEETING, planned, "Planned", id, 0);
}

/* The count of those due that the Today view reads (from the indexes where they decide) and
 * the due list's pages agree with "due" worked out record by record, over every map cell,
 * cadences of their own (none, short, long), a planned meeting and quadrant cadences shorter
 * than the week "due" looks ahead. */
static void
test_due_count (StoreFixture  *f,
                gconstpointer  data)
{
  static const char * const days[] = { "2025-05-01", "2025-06-30", "2025-09-15" };
  static const guint cadences[][5] = {
    { 0, 0, 90, 60, 30 },  /* the defaults */
    { 0, 3, 5, 14, 1 },    /* shorter than a week */
    { 0, 0, 0, 0, 0 },     /* none */
  };
  guint n_due_seen = 0;

  for (int influence = 0; influence <= 5; influence++)
    for (int interest = 0; interest <= 5; interest++)
      {
        g_autofree char *first = g_strdup_printf ("P%d%d", influence, interest);
        gint64 id = lia_test_add_contact (f->store, first, "Person");
        g_autofree char *at = g_strdup_printf ("2025-%02d-%02dT10:00:00Z",
                                               1 + (influence * 6 + interest) % 9,
                                               1 + (influence * 6 + interest) % 28);

        assess (f->store, LIA_RECORD_KIND_CONTACT, id, influence, interest, LIA_STANCE_NEUTRAL);
        /* One in three never contacted; a planned meeting for one in five. */
        if ((influence + interest) % 3 != 0)
          lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL, at, "Call", id, 0);
        if ((influence * 6 + interest) % 5 == 0)
          lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_MEETING, "2025-07-03T10:00:00Z",
                                    "Planned", id, 0);
        if ((influence * 6 + interest) % 4 == 1)
          {
            g_autoptr(LiaRecord) record = lia_test_load (f->store, LIA_RECORD_KIND_CONTACT, id);
            static const int own[] = { LIA_CADENCE_NONE, 2, 45, 200 };

            lia_assessment_set_cadence_days (lia_contact_get_assessment (LIA_CONTACT (record)),
                                             own[(influence + interest) % 4]);
            lia_test_save (f->store, record);
          }
      }
  assess (f->store, LIA_RECORD_KIND_ORGANIZATION,
          lia_test_add_organization (f->store, "Ministry", 0), 4, 4, LIA_STANCE_NEUTRAL);
  /* Last called in June, meeting planned two days after 30 June: with a 3-day cadence, due. */
  add_planned (f->store, "Soon", 1, LIA_STANCE_NEUTRAL, "2025-06-01T10:00:00Z", "2025-07-02T10:00:00Z");

  for (guint d = 0; d < G_N_ELEMENTS (days); d++)
    for (guint c = 0; c < G_N_ELEMENTS (cadences); c++)
      {
        g_autoptr(GDate) today = day (days[d]);
        g_autoptr(GPtrArray) all = NULL;
        g_autoptr(GPtrArray) due = NULL;
        g_autoptr(GPtrArray) page = NULL;
        g_autoptr(GError) error = NULL;
        g_autofree char *expected = NULL;
        g_autofree char *got = NULL;
        g_autoptr(GPtrArray) by_hand = g_ptr_array_new ();
        LiaStakeholderQuery query;
        guint count = 0;

        lia_stakeholder_query_init (&query);
        query.today = today;
        memcpy (query.cadence, cadences[c], sizeof query.cadence);
        query.sort = LIA_STAKEHOLDER_SORT_DUE;
        all = stakeholders (f->store, &query);
        for (guint i = 0; i < all->len; i++)
          if (((LiaStakeholder *) all->pdata[i])->due)
            g_ptr_array_add (by_hand, all->pdata[i]);

        query.due_only = TRUE;
        g_assert_true (lia_store_count_stakeholders (f->store, &query, &count, &error));
        g_assert_no_error (error);
        g_assert_cmpuint (count, ==, by_hand->len);
        due = stakeholders (f->store, &query);
        expected = names (by_hand);
        got = names (due);
        g_assert_cmpstr (got, ==, expected);
        page = lia_store_list_stakeholders_page (f->store, &query, 0, 5, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (page->len, ==, MIN (5, by_hand->len));
        n_due_seen += count;
      }
  /* Not a vacuous comparison: many are due under some of the settings, none with no cadence. */
  g_assert_cmpuint (n_due_seen, >, 30);
}

/* Each row as name#kind#id, so that records of the same name are told apart. */
static char *
rows_text (GPtrArray *list,
           guint      from,
           guint      n)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = from; i < list->len && i < from + n; i++)
    {
      LiaStakeholder *s = list->pdata[i];

      g_string_append_printf (text, "%s%s#%d#%" G_GINT64_FORMAT, i > from ? ", " : "",
                              s->name, s->kind, s->id);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The page of @query at @offset is that slice of @whole. */
static void
assert_page (LiaStore                  *store,
             const LiaStakeholderQuery *query,
             GPtrArray                 *whole,
             guint                      offset,
             guint                      limit)
{
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = rows_text (whole, offset, limit);
  g_autofree char *got = NULL;

  page = lia_store_list_stakeholders_page (store, query, offset, limit, &error);
  g_assert_no_error (error);
  got = rows_text (page, 0, limit);
  g_assert_cmpstr (got, ==, expected);
}

/* The first pages by due day read only the first rows of each map cell from an index
 * (schema version 15); every page is the same slice of the whole list, which is sorted after
 * working out everyone's figures: across cells whose cadences give the same due day, between
 * never and once contacted, people of the same name, organizations and contacts, cadences of
 * their own, planned meetings, and with other filters. */
static void
test_due_pages (StoreFixture  *f,
                gconstpointer  data)
{
  static const char * const family[] = { "Adams", "Baker", "Adams", "Chen", "Diaz" };
  /* With today 2025-05-01: due by 31 March for a 30-day cadence and for a 60-day one from
   * 30 January (its local day); not due for 30 days from 20 April. Seven people a cell,
   * three of them on the same day and two never contacted, whom the name orders. */
  static const guint at_of[] = { 1, 1, 1, 0, 0, 2, 3 };
  static const char * const at[] = { NULL, "2025-03-01T10:00:00Z", "2025-01-30T23:30:00-05:00",
                                     "2025-04-20T10:00:00Z" };
  static const guint cadences[][5] = {
    { 0, 0, 90, 60, 30 },  /* the defaults */
    { 0, 3, 5, 14, 1 },    /* shorter than a week */
  };
  static const LiaStakeholderSort sorts[] = {
    LIA_STAKEHOLDER_SORT_DUE, LIA_STAKEHOLDER_SORT_INFLUENCE, LIA_STAKEHOLDER_SORT_INTEREST,
  };
  g_autoptr(GDate) today = day ("2025-05-01");
  guint n_due_seen = 0;

  for (int influence = 1; influence <= 5; influence++)
    for (int interest = 1; interest <= 5; interest++)
      {
        gint64 org = lia_test_add_organization (f->store, family[(influence + interest) % 5], 0);

        assess (f->store, LIA_RECORD_KIND_ORGANIZATION, org, influence, interest, LIA_STANCE_OPPOSED);
        for (guint i = 0; i < G_N_ELEMENTS (at_of); i++)
          {
            const char *when = at[at_of[(i + interest) % G_N_ELEMENTS (at_of)]];
            gint64 id = lia_test_add_contact (f->store, i % 2 ? "Ana" : "Bo", family[(i + influence) % 5]);

            assess (f->store, LIA_RECORD_KIND_CONTACT, id, influence, interest,
                    (i + interest) % 2 ? LIA_STANCE_OPPOSED : LIA_STANCE_NEUTRAL);
            if (when != NULL)
              lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL, when,
                                        "Call", id, i == 3 ? org : 0);
            if ((i + influence + interest) % 11 == 0)
              lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_MEETING, "2025-05-04T10:00:00Z",
                                        "Planned", id, 0);
            if ((i + influence * 5 + interest) % 13 == 0)
              {
                g_autoptr(LiaRecord) record = lia_test_load (f->store, LIA_RECORD_KIND_CONTACT, id);

                lia_assessment_set_cadence_days (lia_contact_get_assessment (LIA_CONTACT (record)),
                                                 (i + interest) % 2 ? 20 : LIA_CADENCE_NONE);
                lia_test_save (f->store, record);
              }
          }
      }

  /* The first rows of a list from one cell only, so that a page ends inside that cell's day:
   * three contacted long ago in one cell, three never contacted advocates in another
   * (created in the reverse of name order). */
  for (guint i = 0; i < 3; i++)
    {
      static const char * const given[] = { "Zed", "Yan", "Xia" };
      gint64 old = lia_test_add_contact (f->store, given[i], "Young");
      gint64 never = lia_test_add_contact (f->store, given[i], "Vance");

      assess (f->store, LIA_RECORD_KIND_CONTACT, old, 5, 5, LIA_STANCE_OPPOSED);
      lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL, "2024-01-10T10:00:00Z", "Call", old, 0);
      assess (f->store, LIA_RECORD_KIND_CONTACT, never, 3, 3, LIA_STANCE_ADVOCATE);
    }
  /* Without the due filter the list ends with those without a cadence, by name: people not
   * assessed (one only on influence), some contacted, one with a planned meeting. */
  for (guint i = 0; i < 5; i++)
    {
      gint64 id = lia_test_add_contact (f->store, i % 2 ? "Ana" : "Cy", family[i]);

      if (i == 1)
        assess (f->store, LIA_RECORD_KIND_CONTACT, id, 4, 0, LIA_STANCE_OPPOSED);
      if (i % 2 == 0)
        lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL, at[1 + i % 3], "Call", id, 0);
      if (i == 3)
        lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_MEETING, "2025-05-04T10:00:00Z",
                                  "Planned", id, 0);
    }

  /* First by name in a full cell, last called long ago, a meeting planned: the stored day
   * is the meeting's, the last contact is the call's. */
  add_planned (f->store, "Aaron Aalto", 4, LIA_STANCE_ADVOCATE, "2024-12-01T10:00:00Z", "2025-05-04T10:00:00Z");

  /* By influence and by interest (the default cadences only: they decide nothing there), a
   * first page reads each cell's first rows by name: ties on the name across cells and kinds,
   * people not assessed, planned meetings behind the filter on the last contact. */
  for (guint sort = 0; sort < G_N_ELEMENTS (sorts); sort++)
    for (guint c = 0; c < (sort == 0 ? G_N_ELEMENTS (cadences) : 1); c++)
      for (guint filter = 0; filter < 8; filter++)
        {
          g_autoptr(GPtrArray) all = NULL;
          LiaStakeholderQuery query;

          /* By influence or interest, the due filter reads the whole list anyway. */
          if (sort > 0 && filter < 4)
            continue;
          lia_stakeholder_query_init (&query);
          query.today = today;
          memcpy (query.cadence, cadences[c], sizeof query.cadence);
          query.sort = sorts[sort];
          /* Filters 4–7: the same without the due filter (by due day: the whole list). */
          query.due_only = filter < 4;
          if (filter % 4 == 1)
            query.stances = 1u << LIA_STANCE_OPPOSED;
          else if (filter % 4 == 2)
            {
              query.kinds = 1u << LIA_RECORD_KIND_CONTACT;
              query.influence_min = 2;
              query.not_contacted_days = 80;
            }
          else if (filter % 4 == 3)
            query.stances = 1u << LIA_STANCE_ADVOCATE;
          all = stakeholders (f->store, &query);
          if (sort == 0)
            n_due_seen += all->len;

          /* Overlapping pages of 7 are enough there (a server runs this test too). */
          for (guint limit = sort > 0 ? 7 : 1; limit <= 7; limit += 3)
            for (guint offset = 0; offset <= all->len; offset += sort > 0 ? 5 : 1)
              assert_page (f->store, &query, all, offset, limit);
        }
  /* Most of the 200 records are due under each setting, more than a page of each cell. */
  g_assert_cmpuint (n_due_seen, >, 1000);
}

/* The window's lazy list (LiaListModel) shows the same stakeholders in the same order as
 * lia_store_list_stakeholders(), whatever the order asked for. */
static void
test_lazy_list (StoreFixture  *f,
                gconstpointer  data)
{
  static const LiaStakeholderSort sorts[] = {
    LIA_STAKEHOLDER_SORT_NAME, LIA_STAKEHOLDER_SORT_LAST_CONTACT, LIA_STAKEHOLDER_SORT_INFLUENCE,
    LIA_STAKEHOLDER_SORT_INTEREST, LIA_STAKEHOLDER_SORT_STANCE, LIA_STAKEHOLDER_SORT_DUE,
  };
  gint64 amina = lia_test_add_contact (f->store, "Amina", "Diallo");
  gint64 bruno = lia_test_add_contact (f->store, "Bruno", "Keller");
  gint64 chen = lia_test_add_contact (f->store, "Chen", "Wei");
  gint64 dara = lia_test_add_contact (f->store, "Dara", "Okafor");
  g_autoptr(GDate) today = day ("2025-06-30");
  g_autoptr(LiaListModel) model = lia_list_model_new_contacts (f->store, LIA_CONTACT_SORT_GIVEN_NAME);

  assess (f->store, LIA_RECORD_KIND_CONTACT, amina, 5, 5, LIA_STANCE_OPPOSED);
  assess (f->store, LIA_RECORD_KIND_CONTACT, bruno, 2, 4, LIA_STANCE_ADVOCATE);
  assess (f->store, LIA_RECORD_KIND_CONTACT, chen, 4, 2, LIA_STANCE_CONCERNED);
  assess (f->store, LIA_RECORD_KIND_CONTACT, dara, 3, 5, LIA_STANCE_NEUTRAL);
  lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL, "2025-06-20T10:00:00Z", "Recent", bruno, 0);
  lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL, "2025-01-10T10:00:00Z", "Long ago", chen, 0);
  lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL, "2025-04-02T10:00:00Z", "Spring", dara, 0);

  for (guint due_only = 0; due_only <= 1; due_only++)
    for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
      {
        g_autoptr(GPtrArray) list = NULL;
        g_autoptr(GString) lazy = g_string_new (NULL);
        g_autofree char *expected = NULL;
        LiaStakeholderQuery query;

        lia_stakeholder_query_init (&query);
        query.today = today;
        query.kinds = 1u << LIA_RECORD_KIND_CONTACT;
        query.sort = sorts[i];
        query.due_only = due_only;
        list = stakeholders (f->store, &query);
        expected = names (list);
        g_assert_cmpuint (list->len, >, 0);

        lia_list_model_set_stakeholder_query (model, &query);
        for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (model)); j++)
          {
            g_autoptr(LiaRecord) record = g_list_model_get_item (G_LIST_MODEL (model), j);

            g_string_append_printf (lazy, "%s%s", j > 0 ? ", " : "", lia_record_get_label (record));
          }
        g_assert_cmpstr (lazy->str, ==, expected);
      }
}

/* Lists longer than the first rows (LIA_STAKEHOLDER_FIRST_ROWS) that a first page reads from
 * a few rows of each map cell: 320 contacts in eight cells (one not assessed, one assessed on
 * influence only) and 40 organizations, with people of exactly the same name (given and family
 * names paired, so that the window's orders by family or given name are the store's), days
 * of last contact over 200 days that several share, the never contacted, planned meetings and
 * cadences of their own. */
static void
add_long_lists (LiaStore *store)
{
  static const char * const given[] = { "Ada", "Ben", "Cleo", "Dan", "Eve" };
  static const char * const family[] = { "Abbott", "Brown", "Castro", "Dunn", "Ezra" };
  static const int cells[][2] = { { 5, 5 }, { 4, 4 }, { 1, 4 }, { 2, 1 }, { 4, 1 }, { 0, 0 }, { 3, 0 }, { 2, 2 } };
  g_autoptr(GDate) today = day ("2025-05-01");

  for (guint i = 0; i < 360; i++)
    {
      const int *cell = cells[i % G_N_ELEMENTS (cells)];
      guint k = (i * 7) % G_N_ELEMENTS (given);
      gboolean organization = i >= 320;
      LiaRecordKind kind = organization ? LIA_RECORD_KIND_ORGANIZATION : LIA_RECORD_KIND_CONTACT;
      gint64 id = organization ? lia_test_add_organization (store, family[k], 0)
                               : lia_test_add_contact (store, given[k], family[k]);

      if (cell[0] > 0 || cell[1] > 0)
        assess (store, kind, id, cell[0], cell[1], i % 3 ? LIA_STANCE_OPPOSED : LIA_STANCE_NEUTRAL);
      if (i % 9 != 0)
        {
          GDate when = *today;
          g_autofree char *iso = NULL;
          g_autofree char *at = NULL;

          /* 60 to 200 days ago, a third of a row a day in a cell (steps of recency span two
           * or three days of a reference period of 90 or 120), some within the month. */
          g_date_subtract_days (&when, i % 11 == 4 ? i % 30 : 60 + ((i / G_N_ELEMENTS (cells)) * 37) % 140);
          iso = lia_date_to_iso (&when);
          at = g_strdup_printf ("%sT10:00:00Z", iso);
          lia_test_add_interaction (store, LIA_INTERACTION_KIND_CALL, at, "Call",
                                    organization ? 0 : id, organization ? id : 0);
        }
      if (i % 23 == 5)
        lia_test_add_interaction (store, LIA_INTERACTION_KIND_MEETING, "2025-05-10T10:00:00Z", "Planned",
                                  organization ? 0 : id, organization ? id : 0);
      if (i % 19 == 3)
        {
          g_autoptr(LiaRecord) record = lia_test_load (store, kind, id);
          LiaAssessment *assessment = organization ? lia_organization_get_assessment (LIA_ORGANIZATION (record))
                                                   : lia_contact_get_assessment (LIA_CONTACT (record));

          lia_assessment_set_cadence_days (assessment, i % 2 ? 20 : LIA_CADENCE_NONE);
          lia_test_save (store, record);
        }
    }

  /* A cell of its own with no one whose recency is 0 against 100 days, two people a day and
   * later days earlier in name order: 40 to 45 days ago (within a period of 100 days,
   * between one and two of 30), and 114 to 119 days ago (steps of recency of 2.5 days). */
  for (guint j = 0; j < 24; j++)
    {
      GDate when = *today;
      g_autofree char *iso = NULL;
      g_autofree char *at = NULL;
      guint k = j / 6;
      gint64 id = lia_test_add_contact (store, given[k], family[k]);

      assess (store, LIA_RECORD_KIND_CONTACT, id, 3, 5, LIA_STANCE_SUPPORTIVE);
      g_date_subtract_days (&when, (j < 12 ? 40 : 108) + j / 2);
      iso = lia_date_to_iso (&when);
      at = g_strdup_printf ("%sT10:00:00Z", iso);
      lia_test_add_interaction (store, LIA_INTERACTION_KIND_CALL, at, "Call", id, 0);
    }
}

/* Every page of a list, up to and past the first rows that come from a few rows of each map
 * cell, is the same slice of the list read whole (every record's figures worked out and
 * sorted); the window's lazy lists, by family and by given name, show the same rows. By last
 * contact, by health (its recency part, as a page sorts) and the orders of the map cells,
 * with the default cadences and others (a reference period shorter than 40 days, one of 120),
 * with and without filters. */
static void
test_long_pages (StoreFixture  *f,
                 gconstpointer  data)
{
  static const LiaStakeholderSort sorts[] = {
    LIA_STAKEHOLDER_SORT_LAST_CONTACT, LIA_STAKEHOLDER_SORT_HEALTH, LIA_STAKEHOLDER_SORT_DUE,
    LIA_STAKEHOLDER_SORT_INFLUENCE, LIA_STAKEHOLDER_SORT_INTEREST,
  };
  static const guint cadences[][5] = {
    { 0, 0, 90, 60, 30 },  /* the defaults */
    { 0, 7, 120, 0, 100 },
  };
  g_autoptr(GDate) today = day ("2025-05-01");

  add_long_lists (f->store);

  /* A server answers each record's health in three round trips: there, by last contact and
   * health only (due-pages reads the others' first pages there), the other cadences only (the
   * harder ones), without the stance filter, and fewer pages (below). */
  for (guint sort = 0; sort < (pg_cluster != NULL ? 2u : G_N_ELEMENTS (sorts)); sort++)
    for (guint c = pg_cluster != NULL ? 1 : 0; c < G_N_ELEMENTS (cadences); c++)
      for (guint filter = 0; filter < 4; filter++)
        {
          if (pg_cluster != NULL && filter == 1)
            continue;
          g_autoptr(GPtrArray) whole = NULL;
          g_autoptr(GError) error = NULL;
          LiaStakeholderQuery query;
          guint n_pages = 0;

          lia_stakeholder_query_init (&query);
          query.today = today;
          query.sort = sorts[sort];
          memcpy (query.cadence, cadences[c], sizeof query.cadence);
          if (filter == 1)
            query.stances = 1u << LIA_STANCE_OPPOSED;
          else if (filter == 2)
            {
              query.kinds = 1u << LIA_RECORD_KIND_CONTACT;
              query.influence_min = 2;
              query.not_contacted_days = 20;
            }
          else if (filter == 3)
            {
              query.influence_min = query.influence_max = 3;
              query.interest_min = 5;
            }

          /* Read whole: a page longer than the first rows sorts every record. */
          whole = lia_store_list_stakeholders_page (f->store, &query, 0, 100000, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (whole->len, >=, filter == 0 ? 300 : filter == 3 ? 24 : 60);  /* the first rows: 256 */
          /* And as `liaison stakeholders` reads it (on a file: a server's round trips). */
          if (sorts[sort] != LIA_STAKEHOLDER_SORT_HEALTH && pg_cluster == NULL)
            {
              g_autoptr(GPtrArray) list = stakeholders (f->store, &query);
              g_autofree char *expected = rows_text (list, 0, G_MAXUINT);
              g_autofree char *got = rows_text (whole, 0, G_MAXUINT);

              g_assert_cmpstr (got, ==, expected);
            }

          /* Pages of 50 as a window asks them, in order, and short ones at many offsets (so
           * that a page ends at every depth of a cell). */
          for (guint limit = 7; limit <= 50; limit += 43)
            for (guint offset = limit == 50 && pg_cluster != NULL ? 200 : 0; offset <= whole->len;
                 offset += limit == 50 ? 50 : whole->len < 100 ? 1 : pg_cluster != NULL ? 37 : 13)
              {
                assert_page (f->store, &query, whole, offset, limit);
                n_pages++;
              }
          g_assert_cmpuint (n_pages, >, filter == 3 ? 4 : 5);

          /* The window's contact lists, by family and by given name. */
          if (filter != 1)
            for (guint by = 0; by < (pg_cluster != NULL ? 1u : 2u); by++)
              {
                g_autoptr(LiaListModel) model = lia_list_model_new_contacts (f->store, by == 0 ? LIA_CONTACT_SORT_FAMILY_NAME
                                                                                      : LIA_CONTACT_SORT_GIVEN_NAME);
                g_autoptr(GString) lazy = g_string_new (NULL);
                g_autoptr(GString) expected = g_string_new (NULL);
                LiaStakeholderQuery contacts = query;

                contacts.kinds = 1u << LIA_RECORD_KIND_CONTACT;
                lia_list_model_set_stakeholder_query (model, &contacts);
                for (guint i = 0; i < whole->len; i++)
                  {
                    LiaStakeholder *s = whole->pdata[i];

                    if (s->kind == LIA_RECORD_KIND_CONTACT)
                      g_string_append_printf (expected, "%s#%" G_GINT64_FORMAT "\n", s->name, s->id);
                  }
                for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
                  {
                    g_autoptr(LiaRecord) record = g_list_model_get_item (G_LIST_MODEL (model), i);

                    g_string_append_printf (lazy, "%s#%" G_GINT64_FORMAT "\n", lia_record_get_label (record),
                                            lia_record_get_id (record));
                  }
                g_assert_cmpstr (lazy->str, ==, expected->str);
              }
        }
}

int
main (int    argc,
      char **argv)
{
  gboolean postgresql;
  int skip = 0;

  if (!lia_test_pg_init (&argc, &argv, &skip))
    return skip;
  postgresql = pg_cluster != NULL;

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, lia_test_pg_fixture_setup, func, lia_test_pg_fixture_teardown)
  ADD ("/store/engagement/last-contact", test_last_contact);
  ADD ("/store/engagement/cadence", test_cadence);
  ADD ("/store/engagement/due-count", test_due_count);
  ADD ("/store/engagement/due-pages", test_due_pages);
  ADD ("/store/engagement/health", test_health);
  ADD ("/store/engagement/filters", test_filters);
  ADD ("/store/engagement/own-cadence", test_own_cadence);
  ADD ("/store/engagement/lazy-list", test_lazy_list);
  ADD ("/store/engagement/long-pages", test_long_pages);
  /* Reads the file's tables with SQLite: a file only. */
  if (!postgresql)
    ADD ("/store/engagement/kept-last-contact", test_kept_last_contact);
#undef ADD

  return g_test_run ();
}
