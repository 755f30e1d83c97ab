/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What Follow-ups is built on: which group a commitment falls in (Overdue / This week / Later)
 * by the *local* day, the overdue count the sidebar shows, and the history of done and
 * cancelled commitments. The test runs in a time zone whose date differs from UTC's right now,
 * so that a store asking SQLite for date('now') (a UTC date) would be caught. */

#include "lia-test-pg.h"

static gint64
add_commitment (LiaStore            *store,
                const char          *title,
                int                  due_in_days,
                gboolean             has_due_date,
                LiaCommitmentStatus  status)
{
  g_autoptr(LiaCommitment) commitment = lia_commitment_new (LIA_COMMITMENT_DIRECTION_OURS, title);

  if (has_due_date)
    {
      g_autoptr(GDate) due = lia_test_date_from_today (due_in_days);

      lia_commitment_set_due_date (commitment, due);
    }
  lia_commitment_set_status (commitment, status);
  lia_test_save (store, commitment);

  return lia_record_get_id (LIA_RECORD (commitment));
}

static LiaCommitmentUrgency
urgency_due_in (int days)
{
  g_autoptr(LiaCommitment) commitment = lia_commitment_new (LIA_COMMITMENT_DIRECTION_THEIRS, "Report");
  g_autoptr(GDate) due = lia_test_date_from_today (days);
  g_autoptr(GDate) today = lia_date_new_today ();

  lia_commitment_set_due_date (commitment, due);
  return lia_commitment_get_urgency_on (commitment, today);
}

/* The boundaries, day by day: yesterday is overdue, today is not, the seventh day from today
 * is still this week, the eighth is later. */
static void
test_groups (void)
{
  g_autoptr(LiaCommitment) undated = lia_commitment_new (LIA_COMMITMENT_DIRECTION_OURS, "Call back");
  g_autoptr(GDate) today = lia_date_new_today ();
  g_autoptr(GDate) friday = lia_test_date (2026, 12, 4);
  g_autoptr(GDate) thursday = lia_test_date (2026, 12, 10);
  g_autoptr(GDate) next_friday = lia_test_date (2026, 12, 11);

  g_assert_cmpint (urgency_due_in (-30), ==, LIA_COMMITMENT_URGENCY_OVERDUE);
  g_assert_cmpint (urgency_due_in (-1), ==, LIA_COMMITMENT_URGENCY_OVERDUE);
  g_assert_cmpint (urgency_due_in (0), ==, LIA_COMMITMENT_URGENCY_THIS_WEEK);
  g_assert_cmpint (urgency_due_in (6), ==, LIA_COMMITMENT_URGENCY_THIS_WEEK);
  g_assert_cmpint (urgency_due_in (7), ==, LIA_COMMITMENT_URGENCY_LATER);
  g_assert_cmpint (urgency_due_in (400), ==, LIA_COMMITMENT_URGENCY_LATER);
  g_assert_cmpint (lia_commitment_get_urgency_on (undated, today), ==, LIA_COMMITMENT_URGENCY_LATER);

  /* Seven days from today, not the calendar week: on a Friday, next Thursday is this week. */
  lia_commitment_set_due_date (undated, thursday);
  g_assert_cmpint (lia_commitment_get_urgency_on (undated, friday), ==, LIA_COMMITMENT_URGENCY_THIS_WEEK);
  lia_commitment_set_due_date (undated, next_friday);
  g_assert_cmpint (lia_commitment_get_urgency_on (undated, friday), ==, LIA_COMMITMENT_URGENCY_LATER);

  /* Done or cancelled, however late: closed, never overdue. */
  lia_commitment_set_due_date (undated, friday);
  g_assert_cmpint (lia_commitment_get_urgency_on (undated, next_friday), ==, LIA_COMMITMENT_URGENCY_OVERDUE);
  lia_commitment_set_status (undated, LIA_COMMITMENT_STATUS_DONE);
  g_assert_cmpint (lia_commitment_get_urgency_on (undated, next_friday), ==, LIA_COMMITMENT_URGENCY_CLOSED);
  lia_commitment_set_status (undated, LIA_COMMITMENT_STATUS_CANCELLED);
  g_assert_cmpint (lia_commitment_get_urgency_on (undated, next_friday), ==, LIA_COMMITMENT_URGENCY_CLOSED);
}

/* The sidebar's red count: open and due before the local today; due today is not late yet. */
static void
test_overdue_count (StoreFixture  *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) open = NULL;
  LiaStoreCounts counts;
  gboolean any = TRUE;

  /* What the window decides its first page from (the start page, or the empty directory). */
  g_assert_true (lia_store_has_records (f->store, &any, &error));
  g_assert_no_error (error);
  g_assert_false (any);

  add_commitment (f->store, "Due a month ago", -30, TRUE, LIA_COMMITMENT_STATUS_OPEN);
  add_commitment (f->store, "Due yesterday", -1, TRUE, LIA_COMMITMENT_STATUS_OPEN);
  add_commitment (f->store, "Due today", 0, TRUE, LIA_COMMITMENT_STATUS_OPEN);
  add_commitment (f->store, "Due next week", 8, TRUE, LIA_COMMITMENT_STATUS_OPEN);
  add_commitment (f->store, "No date", 0, FALSE, LIA_COMMITMENT_STATUS_OPEN);
  add_commitment (f->store, "Late but done", -10, TRUE, LIA_COMMITMENT_STATUS_DONE);
  add_commitment (f->store, "Late but cancelled", -10, TRUE, LIA_COMMITMENT_STATUS_CANCELLED);

  g_assert_true (lia_store_get_counts (f->store, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (counts.commitments, ==, 7);
  g_assert_cmpint (counts.open_commitments, ==, 5);
  g_assert_cmpint (counts.overdue_commitments, ==, 2);
  g_assert_true (lia_store_has_records (f->store, &any, &error));
  g_assert_no_error (error);
  g_assert_true (any);

  /* The open list is in group order: overdue, this week, later, undated last. */
  open = lia_store_list_open_commitments (f->store, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open->len, ==, 5);
  g_assert_cmpstr (lia_commitment_get_title (open->pdata[0]), ==, "Due a month ago");
  g_assert_cmpstr (lia_commitment_get_title (open->pdata[1]), ==, "Due yesterday");
  g_assert_cmpstr (lia_commitment_get_title (open->pdata[2]), ==, "Due today");
  g_assert_false (lia_commitment_get_is_overdue (open->pdata[2]));
  g_assert_cmpstr (lia_commitment_get_title (open->pdata[3]), ==, "Due next week");
  g_assert_cmpstr (lia_commitment_get_title (open->pdata[4]), ==, "No date");
}

/* Done and cancelled commitments stay findable, the most recently closed first; reopening one
 * takes it out of the history. */
static void
test_closed_history (StoreFixture  *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) closed = NULL;
  g_autoptr(LiaRecord) first = NULL;
  gint64 first_id;

  add_commitment (f->store, "Still open", 3, TRUE, LIA_COMMITMENT_STATUS_OPEN);
  first_id = add_commitment (f->store, "Closed first", -3, TRUE, LIA_COMMITMENT_STATUS_DONE);
  g_usleep (2000);
  add_commitment (f->store, "Cancelled next", 0, FALSE, LIA_COMMITMENT_STATUS_CANCELLED);
  g_usleep (2000);
  add_commitment (f->store, "Closed last", 5, TRUE, LIA_COMMITMENT_STATUS_DONE);

  closed = lia_store_list_closed_commitments (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (closed->len, ==, 3);
  g_assert_cmpstr (lia_commitment_get_title (closed->pdata[0]), ==, "Closed last");
  g_assert_cmpstr (lia_commitment_get_title (closed->pdata[1]), ==, "Cancelled next");
  g_assert_cmpstr (lia_commitment_get_title (closed->pdata[2]), ==, "Closed first");
  g_clear_pointer (&closed, g_ptr_array_unref);

  /* Touched again (here: reopened and done once more), it is the most recent. */
  first = lia_test_load (f->store, LIA_RECORD_KIND_COMMITMENT, first_id);
  g_usleep (2000);
  lia_commitment_set_status (LIA_COMMITMENT (first), LIA_COMMITMENT_STATUS_OPEN);
  lia_test_save (f->store, first);
  closed = lia_store_list_closed_commitments (f->store, &error);
  g_assert_cmpuint (closed->len, ==, 2);
  g_clear_pointer (&closed, g_ptr_array_unref);

  lia_commitment_set_status (LIA_COMMITMENT (first), LIA_COMMITMENT_STATUS_DONE);
  lia_test_save (f->store, first);
  closed = lia_store_list_closed_commitments (f->store, &error);
  g_assert_cmpuint (closed->len, ==, 3);
  g_assert_cmpstr (lia_commitment_get_title (closed->pdata[0]), ==, "Closed first");
}

/* The day a commitment was done: today (local) when marked done, stored, kept through later
 * edits, gone when reopened or cancelled, and what a person says when they say it. */
static void
test_done_date (StoreFixture  *f,
                gconstpointer  data)
{
  g_autoptr(GDate) today = lia_date_new_today ();
  g_autoptr(GDate) earlier = g_date_new_dmy (3, G_DATE_JANUARY, 2024);
  g_autoptr(LiaRecord) record = NULL;
  gint64 id = add_commitment (f->store, "Send the minutes", 3, TRUE, LIA_COMMITMENT_STATUS_OPEN);

  record = lia_test_load (f->store, LIA_RECORD_KIND_COMMITMENT, id);
  g_assert_null (lia_commitment_get_done_date (LIA_COMMITMENT (record)));
  lia_commitment_set_status (LIA_COMMITMENT (record), LIA_COMMITMENT_STATUS_DONE);
  lia_test_save (f->store, record);
  g_clear_object (&record);

  record = lia_test_load (f->store, LIA_RECORD_KIND_COMMITMENT, id);
  g_assert_true (lia_date_equal (lia_commitment_get_done_date (LIA_COMMITMENT (record)), today));
  /* Said otherwise, and edited later: the day stays what was said. */
  lia_commitment_set_done_date (LIA_COMMITMENT (record), earlier);
  lia_test_save (f->store, record);
  g_clear_object (&record);
  record = lia_test_load (f->store, LIA_RECORD_KIND_COMMITMENT, id);
  lia_commitment_set_notes (LIA_COMMITMENT (record), "Sent by post too.");
  lia_test_save (f->store, record);
  g_clear_object (&record);
  record = lia_test_load (f->store, LIA_RECORD_KIND_COMMITMENT, id);
  g_assert_true (lia_date_equal (lia_commitment_get_done_date (LIA_COMMITMENT (record)), earlier));

  /* Reopened: no day; cancelled: none either. */
  lia_commitment_set_status (LIA_COMMITMENT (record), LIA_COMMITMENT_STATUS_OPEN);
  lia_test_save (f->store, record);
  g_clear_object (&record);
  record = lia_test_load (f->store, LIA_RECORD_KIND_COMMITMENT, id);
  g_assert_null (lia_commitment_get_done_date (LIA_COMMITMENT (record)));
  lia_commitment_set_status (LIA_COMMITMENT (record), LIA_COMMITMENT_STATUS_CANCELLED);
  g_assert_null (lia_commitment_get_done_date (LIA_COMMITMENT (record)));
  lia_test_save (f->store, record);
  g_assert_cmpint (lia_test_pg_sql_int (f, "SELECT count(*) FROM commitments WHERE done_date IS NOT NULL"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  int skip = 0;

  /* A zone whose date is not UTC's at this hour: +14 h from 10:00 UTC on, else -11 h. */
  g_setenv ("TZ", g_date_time_get_hour (now) >= 10 ? "Pacific/Kiritimati" : "Pacific/Pago_Pago", TRUE);
  tzset ();

  if (!lia_test_pg_init (&argc, &argv, &skip))
    return skip;

  g_test_add_func ("/store-follow-ups/groups", test_groups);
  g_test_add ("/store-follow-ups/overdue-count", StoreFixture, NULL, lia_test_pg_template_fixture_setup,
              test_overdue_count, lia_test_pg_fixture_teardown);
  g_test_add ("/store-follow-ups/closed-history", StoreFixture, NULL, lia_test_pg_template_fixture_setup,
              test_closed_history, lia_test_pg_fixture_teardown);
  g_test_add ("/store-follow-ups/done-date", StoreFixture, NULL, lia_test_pg_template_fixture_setup,
              test_done_date, lia_test_pg_fixture_teardown);

  return g_test_run ();
}
