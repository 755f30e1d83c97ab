/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The timeline of a relationship: newest first whatever the time zones, filtered by kind, by
 * days as the user saw them, by contact, by organization through the people who worked there
 * at the time; who was where on a date; which promises are due. */

#include "lia-test-pg.h"

static GPtrArray *
timeline (LiaStore                *store,
          const LiaTimelineFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = lia_store_list_timeline (store, filter, 0, 1000, &error);
  guint count = 0;

  g_assert_no_error (error);
  g_assert_nonnull (items);

  /* The count always agrees with the list. */
  g_assert_true (lia_store_count_timeline (store, filter, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, items->len);

  for (guint i = 0; i < items->len; i++)
    g_assert_true (LIA_IS_INTERACTION (g_ptr_array_index (items, i)));
  return items;
}

static void
dump (const char *what,
      GPtrArray  *items)
{
  g_printerr ("%s:\n", what);
  for (guint i = 0; i < items->len; i++)
    {
      LiaInteraction *it = g_ptr_array_index (items, i);
      g_autofree char *at = g_date_time_format (lia_interaction_get_at (it), "%FT%T%:z");

      g_printerr ("  %" G_GINT64_FORMAT " %s %s\n", lia_record_get_id (LIA_RECORD (it)), at,
                  lia_interaction_get_title (it));
    }
}

/* The timeline is exactly these ids, in this order (terminated by 0). */
static void
assert_timeline (LiaStore                *store,
                 const LiaTimelineFilter *filter,
                 const char              *what,
                 ...)
{
  g_autoptr(GPtrArray) items = timeline (store, filter);
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean same;
  va_list args;
  gint64 id;

  va_start (args, what);
  while ((id = va_arg (args, gint64)) != 0)
    g_array_append_val (expected, id);
  va_end (args);

  same = items->len == expected->len;
  for (guint i = 0; same && i < items->len; i++)
    same = lia_test_record_id_at (items, i) == g_array_index (expected, gint64, i);

  if (!same)
    {
      dump (what, items);
      g_printerr ("expected:");
      for (guint i = 0; i < expected->len; i++)
        g_printerr (" %" G_GINT64_FORMAT, g_array_index (expected, gint64, i));
      g_printerr ("\n");
    }
  g_assert_true (same);
}

#define END ((gint64) 0)

static void
test_order (StoreFixture  *f,
            gconstpointer  data)
{
  /* 09:00+02:00 is 07:00 UTC: earlier than 08:30+00:00 the same day. */
  gint64 paris = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_MEETING,
                                           "2024-05-10T09:00:00+02:00", "Paris", 0, 0);
  gint64 london = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL,
                                            "2024-05-10T08:30:00+00:00", "London", 0, 0);
  /* 23:00-05:00 on the 9th is 04:00 UTC on the 10th: before both. */
  gint64 bogota = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL,
                                            "2024-05-09T23:00:00-05:00", "Bogotá", 0, 0);
  /* 13:15+05:30 is 07:45 UTC: between Paris and London. */
  gint64 delhi = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_EMAIL,
                                           "2024-05-10T13:15:00+05:30", "Delhi", 0, 0);
  /* The same instant twice: the later id is the newer. */
  gint64 tie1 = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_NOTE,
                                          "2024-05-11T12:00:00Z", "Tie one", 0, 0);
  gint64 tie2 = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_NOTE,
                                          "2024-05-11T14:00:00+02:00", "Tie two", 0, 0);
  gint64 old = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_LETTER,
                                         "2019-01-01T00:00:00Z", "Old letter", 0, 0);

  assert_timeline (f->store, NULL, "everything",
                   tie2, tie1, london, delhi, paris, bogota, old, END);

  /* Paging gives the same order. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) page = lia_store_list_timeline (f->store, NULL, 2, 3, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (page->len, ==, 3);
    g_assert_cmpint (lia_test_record_id_at (page, 0), ==, london);
    g_assert_cmpint (lia_test_record_id_at (page, 1), ==, delhi);
    g_assert_cmpint (lia_test_record_id_at (page, 2), ==, paris);
    g_clear_pointer (&page, g_ptr_array_unref);

    page = lia_store_list_timeline (f->store, NULL, 6, 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (page->len, ==, 1);
    g_clear_pointer (&page, g_ptr_array_unref);

    page = lia_store_list_timeline (f->store, NULL, 7, 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (page->len, ==, 0);
  }

  /* Offsets survive the timeline queries too. */
  {
    g_autoptr(GPtrArray) items = timeline (f->store, NULL);
    LiaInteraction *it = g_ptr_array_index (items, 3);
    g_autofree char *at = g_date_time_format (lia_interaction_get_at (it), "%FT%T%:z");

    g_assert_cmpstr (at, ==, "2024-05-10T13:15:00+05:30");
  }
}

static void
test_kinds (StoreFixture  *f,
            gconstpointer  data)
{
  gint64 meeting = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_MEETING,
                                             "2024-01-01T10:00:00Z", "Meeting", 0, 0);
  gint64 call = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL,
                                          "2024-01-02T10:00:00Z", "Call", 0, 0);
  gint64 email = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_EMAIL,
                                           "2024-01-03T10:00:00Z", "Email", 0, 0);
  gint64 note = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_NOTE,
                                          "2024-01-04T10:00:00Z", "Note", 0, 0);
  LiaTimelineFilter filter = { 0, };

  filter.kinds = (1u << LIA_INTERACTION_KIND_CALL) | (1u << LIA_INTERACTION_KIND_EMAIL);
  assert_timeline (f->store, &filter, "calls and emails", email, call, END);

  filter.kinds = 1u << LIA_INTERACTION_KIND_MEETING;
  assert_timeline (f->store, &filter, "meetings", meeting, END);

  filter.kinds = 1u << LIA_INTERACTION_KIND_VISIT;
  assert_timeline (f->store, &filter, "visits", END);

  filter.kinds = 0;
  assert_timeline (f->store, &filter, "all kinds", note, email, call, meeting, END);
}

static void
test_days (StoreFixture  *f,
           gconstpointer  data)
{
  /* Local day 2024-03-31, UTC day 2024-04-01. */
  gint64 late = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL,
                                          "2024-03-31T23:30:00-05:00", "Late call", 0, 0);
  /* Local day 2024-04-01, UTC day 2024-03-31. */
  gint64 early = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL,
                                           "2024-04-01T00:30:00+02:00", "Early call", 0, 0);
  gint64 mid = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_MEETING,
                                         "2024-04-15T12:00:00Z", "Mid April", 0, 0);
  gint64 may = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_MEETING,
                                         "2024-05-01T00:00:00+00:00", "May Day", 0, 0);
  g_autoptr(GDate) march31 = lia_test_date (2024, 3, 31);
  g_autoptr(GDate) april1 = lia_test_date (2024, 4, 1);
  g_autoptr(GDate) april30 = lia_test_date (2024, 4, 30);
  g_autoptr(GDate) may1 = lia_test_date (2024, 5, 1);
  LiaTimelineFilter filter = { 0, };

  /* By the instant, "early" (22:30 UTC on the 31st) is older than "late" (04:30 UTC on the 1st),
   * but by their own days "late" is on the 31st and "early" on the 1st. */
  assert_timeline (f->store, NULL, "all", may, mid, late, early, END);

  filter.since = april1;
  assert_timeline (f->store, &filter, "since April 1", may, mid, early, END);

  filter.since = NULL;
  filter.until = march31;
  assert_timeline (f->store, &filter, "until March 31", late, END);

  /* Both bounds inclusive. */
  filter.since = april1;
  filter.until = april1;
  assert_timeline (f->store, &filter, "April 1 only", early, END);

  filter.since = april1;
  filter.until = april30;
  assert_timeline (f->store, &filter, "April", mid, early, END);

  filter.since = may1;
  filter.until = may1;
  assert_timeline (f->store, &filter, "May 1", may, END);

  filter.since = march31;
  filter.until = may1;
  filter.kinds = 1u << LIA_INTERACTION_KIND_CALL;
  assert_timeline (f->store, &filter, "calls around April", late, early, END);
}

static void
test_contact (StoreFixture  *f,
              gconstpointer  data)
{
  gint64 amina = lia_test_add_contact (f->store, "Amina", "Diallo");
  gint64 kofi = lia_test_add_contact (f->store, "Kofi", "Mensah");
  gint64 a1 = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL,
                                        "2024-01-01T10:00:00Z", "Amina alone", amina, 0);
  gint64 k1 = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL,
                                        "2024-01-02T10:00:00Z", "Kofi alone", kofi, 0);
  g_autoptr(GDateTime) at = lia_test_at ("2024-01-03T10:00:00Z");
  g_autoptr(LiaInteraction) both = lia_interaction_new (LIA_INTERACTION_KIND_MEETING, at, "Both");
  LiaTimelineFilter filter = { 0, };

  lia_interaction_add_contact (both, kofi);
  lia_interaction_add_contact (both, amina);
  lia_test_save (f->store, both);
  lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_NOTE, "2024-01-04T10:00:00Z",
                            "Nobody", 0, 0);

  filter.contact_id = amina;
  assert_timeline (f->store, &filter, "Amina", lia_record_get_id (LIA_RECORD (both)), a1, END);
  filter.contact_id = kofi;
  assert_timeline (f->store, &filter, "Kofi", lia_record_get_id (LIA_RECORD (both)), k1, END);
  filter.kinds = 1u << LIA_INTERACTION_KIND_CALL;
  assert_timeline (f->store, &filter, "Kofi's calls", k1, END);
}

typedef struct
{
  gint64 a, b, c;
  gint64 mover, stayer, outsider;
  gint64 march_meeting, call_2025, both_apply, b_before, may31_late, june1_early, outsider_call;
  gint64 c_only;
} Moves;

static Moves
build_moves (LiaStore *store)
{
  Moves m;
  g_autoptr(GDateTime) at = lia_test_at ("2024-04-01T10:00:00+02:00");
  g_autoptr(LiaInteraction) both = lia_interaction_new (LIA_INTERACTION_KIND_MEETING, at,
                                                        "Mover and A together");

  m.a = lia_test_add_organization (store, "Agency A", 0);
  m.b = lia_test_add_organization (store, "Bureau B", 0);
  m.c = lia_test_add_organization (store, "Council C", 0);
  m.mover = lia_test_add_contact (store, "Maya", "Mover");
  m.stayer = lia_test_add_contact (store, "Sam", "Stayer");
  m.outsider = lia_test_add_contact (store, "Olga", "Outsider");

  /* The mover was at A until the end of May 2024, at B from June 1st. */
  lia_test_add_affiliation (store, m.mover, m.a, "Analyst", "2023-01-01", "2024-05-31");
  lia_test_add_affiliation (store, m.mover, m.b, "Director", "2024-06-01", NULL);
  /* The stayer has always been at A, with no dates at all. */
  lia_test_add_affiliation (store, m.stayer, m.a, "Adviser", NULL, NULL);

  m.march_meeting = lia_test_add_interaction (store, LIA_INTERACTION_KIND_MEETING,
                                              "2024-03-12T10:00:00+01:00", "March meeting",
                                              m.mover, 0);
  m.call_2025 = lia_test_add_interaction (store, LIA_INTERACTION_KIND_CALL,
                                          "2025-02-03T15:00:00+01:00", "2025 call", m.mover, 0);
  /* A is a participant and the mover was at A then: listed once. */
  lia_interaction_add_contact (both, m.mover);
  lia_interaction_add_organization (both, m.a);
  lia_test_save (store, both);
  m.both_apply = lia_record_get_id (LIA_RECORD (both));
  /* B took part itself before the mover joined it. */
  m.b_before = lia_test_add_interaction (store, LIA_INTERACTION_KIND_EVENT,
                                         "2023-06-15T18:00:00+02:00", "B's reception", 0, m.b);
  /* The last evening at A by local time (21:30 UTC) and the first morning at B by local time
   * (22:30 UTC the day before): the interaction's own day decides. */
  m.may31_late = lia_test_add_interaction (store, LIA_INTERACTION_KIND_EMAIL,
                                           "2024-05-31T23:30:00+02:00", "Farewell email",
                                           m.mover, 0);
  m.june1_early = lia_test_add_interaction (store, LIA_INTERACTION_KIND_EMAIL,
                                            "2024-06-01T00:30:00+02:00", "Hello email",
                                            m.mover, 0);
  m.outsider_call = lia_test_add_interaction (store, LIA_INTERACTION_KIND_CALL,
                                              "2024-03-13T10:00:00Z", "Outsider call",
                                              m.outsider, 0);
  m.c_only = lia_test_add_interaction (store, LIA_INTERACTION_KIND_VISIT,
                                       "2024-07-01T10:00:00Z", "Council visit", m.stayer, m.c);
  return m;
}

static void
test_organization (StoreFixture  *f,
                   gconstpointer  data)
{
  Moves m = build_moves (f->store);
  LiaTimelineFilter filter = { 0, };

  filter.organization_id = m.a;
  assert_timeline (f->store, &filter, "A",
                   m.c_only,              /* the stayer, always at A */
                   m.may31_late, m.both_apply, m.march_meeting, END);

  filter.organization_id = m.b;
  assert_timeline (f->store, &filter, "B", m.call_2025, m.june1_early, m.b_before, END);

  filter.organization_id = m.c;
  assert_timeline (f->store, &filter, "C", m.c_only, END);

  /* Combined with other filters. */
  filter.organization_id = m.a;
  filter.kinds = 1u << LIA_INTERACTION_KIND_MEETING;
  assert_timeline (f->store, &filter, "A's meetings", m.both_apply, m.march_meeting, END);

  filter.kinds = 0;
  filter.contact_id = m.mover;
  assert_timeline (f->store, &filter, "the mover at A", m.may31_late, m.both_apply,
                   m.march_meeting, END);

  /* Survives a restart, and follows a changed affiliation. */
  lia_test_reopen (f);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) affs = lia_store_list_affiliations_for_contact (f->store, m.outsider, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (affs->len, ==, 0);
  }
  lia_test_add_affiliation (f->store, m.outsider, m.b, "Consultant", "2024-01-01", "2024-12-31");
  memset (&filter, 0, sizeof filter);
  filter.organization_id = m.b;
  assert_timeline (f->store, &filter, "B with the outsider",
                   m.call_2025, m.june1_early, m.outsider_call, m.b_before, END);
}

static gint64
affiliation_contact_at (GPtrArray *affs,
                        guint      i)
{
  g_assert_cmpuint (i, <, affs->len);
  return lia_affiliation_get_contact_id (g_ptr_array_index (affs, i));
}

static GPtrArray *
affiliations_on (LiaStore    *store,
                 gint64       org,
                 const GDate *on)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *affs = lia_store_list_affiliations_for_organization (store, org, on, &error);

  g_assert_no_error (error);
  g_assert_nonnull (affs);
  return affs;
}

static void
test_affiliations_over_time (StoreFixture  *f,
                             gconstpointer  data)
{
  Moves m = build_moves (f->store);
  g_autoptr(GDate) march = lia_test_date (2024, 3, 1);
  g_autoptr(GDate) may31 = lia_test_date (2024, 5, 31);
  g_autoptr(GDate) june1 = lia_test_date (2024, 6, 1);
  g_autoptr(GDate) y2022 = lia_test_date (2022, 6, 1);

  {
    /* Ordered by the contact's name: "Maya Mover" before "Sam Stayer". */
    g_autoptr(GPtrArray) affs = affiliations_on (f->store, m.a, march);
    g_assert_cmpuint (affs->len, ==, 2);
    g_assert_cmpint (affiliation_contact_at (affs, 0), ==, m.mover);
    g_assert_cmpint (affiliation_contact_at (affs, 1), ==, m.stayer);
  }
  {
    g_autoptr(GPtrArray) affs = affiliations_on (f->store, m.a, may31);
    g_assert_cmpuint (affs->len, ==, 2);
  }
  {
    g_autoptr(GPtrArray) affs = affiliations_on (f->store, m.a, june1);
    g_assert_cmpuint (affs->len, ==, 1);
    g_assert_cmpint (affiliation_contact_at (affs, 0), ==, m.stayer);
  }
  {
    g_autoptr(GPtrArray) affs = affiliations_on (f->store, m.a, y2022);
    g_assert_cmpuint (affs->len, ==, 1);
    g_assert_cmpint (affiliation_contact_at (affs, 0), ==, m.stayer);
  }
  {
    g_autoptr(GPtrArray) affs = affiliations_on (f->store, m.b, may31);
    g_assert_cmpuint (affs->len, ==, 0);
  }
  {
    g_autoptr(GPtrArray) affs = affiliations_on (f->store, m.b, june1);
    g_assert_cmpuint (affs->len, ==, 1);
    g_assert_cmpint (affiliation_contact_at (affs, 0), ==, m.mover);
    g_assert_cmpstr (lia_affiliation_get_role (g_ptr_array_index (affs, 0)), ==, "Director");
  }
  {
    /* Without a date: everyone who was ever there. */
    g_autoptr(GPtrArray) affs = affiliations_on (f->store, m.a, NULL);
    g_assert_cmpuint (affs->len, ==, 2);
  }

  /* A contact's affiliations: current first, then newest start first. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) affs = lia_store_list_affiliations_for_contact (f->store, m.mover, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (affs->len, ==, 2);
    g_assert_cmpint (lia_affiliation_get_organization_id (g_ptr_array_index (affs, 0)), ==, m.b);
    g_assert_cmpint (lia_affiliation_get_organization_id (g_ptr_array_index (affs, 1)), ==, m.a);
  }
}

static gint64
add_commitment (LiaStore            *store,
                const char          *title,
                int                  due_in_days,
                gboolean             dated,
                LiaCommitmentStatus  status,
                gint64               contact,
                gint64               org)
{
  g_autoptr(LiaCommitment) commitment = lia_commitment_new (LIA_COMMITMENT_DIRECTION_OURS, title);

  if (dated)
    {
      g_autoptr(GDate) due = lia_test_date_from_today (due_in_days);
      lia_commitment_set_due_date (commitment, due);
    }
  lia_commitment_set_status (commitment, status);
  lia_commitment_set_contact_id (commitment, contact);
  lia_commitment_set_organization_id (commitment, org);
  lia_test_save (store, commitment);
  return lia_record_get_id (LIA_RECORD (commitment));
}

static void
assert_commitments (GPtrArray *items,
                    ...)
{
  va_list args;
  guint i = 0;
  gint64 id;

  va_start (args, items);
  while ((id = va_arg (args, gint64)) != 0)
    {
      if (i >= items->len || lia_test_record_id_at (items, i) != id)
        {
          for (guint j = 0; j < items->len; j++)
            g_printerr ("  %u: %s\n", j, lia_commitment_get_title (g_ptr_array_index (items, j)));
          g_error ("commitment %u is not %" G_GINT64_FORMAT, i, id);
        }
      i++;
    }
  va_end (args);
  g_assert_cmpuint (items->len, ==, i);
}

static void
test_open_commitments (StoreFixture  *f,
                       gconstpointer  data)
{
  gint64 contact = lia_test_add_contact (f->store, "Amina", "Diallo");
  gint64 org = lia_test_add_organization (f->store, "World Health Organization", 0);
  gint64 undated = add_commitment (f->store, "Undated", 0, FALSE, LIA_COMMITMENT_STATUS_OPEN, contact, 0);
  gint64 later = add_commitment (f->store, "In a month", 30, TRUE, LIA_COMMITMENT_STATUS_OPEN, 0, org);
  gint64 soon = add_commitment (f->store, "In five days", 5, TRUE, LIA_COMMITMENT_STATUS_OPEN, contact, org);
  gint64 today = add_commitment (f->store, "Due today", 0, TRUE, LIA_COMMITMENT_STATUS_OPEN, 0, org);
  gint64 late3 = add_commitment (f->store, "Three days late", -3, TRUE, LIA_COMMITMENT_STATUS_OPEN, contact, 0);
  gint64 late10 = add_commitment (f->store, "Ten days late", -10, TRUE, LIA_COMMITMENT_STATUS_OPEN, 0, org);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  LiaStoreCounts counts = { 0, };

  add_commitment (f->store, "Done long ago", -20, TRUE, LIA_COMMITMENT_STATUS_DONE, contact, org);
  add_commitment (f->store, "Cancelled", -20, TRUE, LIA_COMMITMENT_STATUS_CANCELLED, contact, org);

  items = lia_store_list_open_commitments (f->store, 0, 0, &error);
  g_assert_no_error (error);
  assert_commitments (items, late10, late3, today, soon, later, undated, END);
  g_assert_true (lia_commitment_get_is_overdue (g_ptr_array_index (items, 0)));
  g_assert_true (lia_commitment_get_is_overdue (g_ptr_array_index (items, 1)));
  g_assert_false (lia_commitment_get_is_overdue (g_ptr_array_index (items, 2)));
  g_clear_pointer (&items, g_ptr_array_unref);

  items = lia_store_list_open_commitments (f->store, contact, 0, &error);
  g_assert_no_error (error);
  assert_commitments (items, late3, soon, undated, END);
  g_clear_pointer (&items, g_ptr_array_unref);

  items = lia_store_list_open_commitments (f->store, 0, org, &error);
  g_assert_no_error (error);
  assert_commitments (items, late10, today, soon, later, END);
  g_clear_pointer (&items, g_ptr_array_unref);

  g_assert_true (lia_store_get_counts (f->store, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (counts.commitments, ==, 8);
  g_assert_cmpint (counts.open_commitments, ==, 6);
  g_assert_cmpint (counts.overdue_commitments, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  int skip = 0;

  if (!lia_test_pg_init (&argc, &argv, &skip))
    return skip;

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, lia_test_pg_template_fixture_setup, func, lia_test_pg_fixture_teardown)

  ADD ("/store/timeline/order", test_order);
  ADD ("/store/timeline/kinds", test_kinds);
  ADD ("/store/timeline/days", test_days);
  ADD ("/store/timeline/contact", test_contact);
  ADD ("/store/timeline/organization", test_organization);
  ADD ("/store/timeline/affiliations-over-time", test_affiliations_over_time);
  ADD ("/store/timeline/open-commitments", test_open_commitments);

#undef ADD

  return g_test_run ();
}
