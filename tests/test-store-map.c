/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The stakeholder map and the Today view's store queries: who sits in which cell now and on a
 * past day, what a move on the map writes to the assessment history and what Undo takes back,
 * what is late, due and planned, and notifications at most once a day. */

#include "lia-test-pg.h"
#include "lia-store-map.h"
#include "lia-store-reports.h"
#include "lia-store-today.h"

static LiaMap *
get_map (LiaStore          *store,
         const LiaMapQuery *query)
{
  g_autoptr(GError) error = NULL;
  LiaMap *map = lia_store_get_map (store, query, 3, &error);

  g_assert_no_error (error);
  g_assert_nonnull (map);
  return map;
}

static const char *
cell_name (LiaMap *map,
           int     influence,
           int     interest,
           guint   index)
{
  GPtrArray *cell = map->cells[influence - 1][interest - 1];

  g_assert_cmpuint (index, <, cell->len);
  return ((LiaMapEntry *) cell->pdata[index])->name;
}

static void
test_cells (StoreFixture  *f,
            gconstpointer  data)
{
  gint64 ministry = lia_test_add_organization (f->store, "Ministry of Health", 0);
  gint64 amina = lia_test_add_contact (f->store, "Amina", "Diallo");
  gint64 bruno = lia_test_add_contact (f->store, "Bruno", "Keller");
  gint64 carla = lia_test_add_contact (f->store, "Carla", "Rossi");
  g_autoptr(LiaMap) map = NULL;
  g_autoptr(LiaMap) opposed = NULL;
  g_autoptr(LiaMap) people = NULL;
  g_autoptr(GPtrArray) cell = NULL;
  g_autoptr(GError) error = NULL;
  LiaMapQuery query;

  lia_test_add_contact (f->store, "Not", "Assessed");
  lia_test_assess (f->store, LIA_RECORD_KIND_ORGANIZATION, ministry, 5, 4, LIA_STANCE_SUPPORTIVE);
  lia_test_assess (f->store, LIA_RECORD_KIND_CONTACT, amina, 5, 4, LIA_STANCE_OPPOSED);
  lia_test_assess (f->store, LIA_RECORD_KIND_CONTACT, bruno, 1, 2, LIA_STANCE_NEUTRAL);
  /* Influence without interest is not a place on the map. */
  lia_test_assess (f->store, LIA_RECORD_KIND_CONTACT, carla, 3, 0, LIA_STANCE_ADVOCATE);

  lia_map_query_init (&query);
  map = get_map (f->store, &query);
  g_assert_cmpuint (map->total, ==, 3);
  g_assert_cmpuint (map->counts[4][3], ==, 2);
  g_assert_cmpuint (map->counts[0][1], ==, 1);
  /* By name within the cell: Diallo before the Ministry. */
  g_assert_cmpstr (cell_name (map, 5, 4, 0), ==, "Amina Diallo");
  g_assert_cmpstr (cell_name (map, 5, 4, 1), ==, "Ministry of Health");
  g_assert_cmpstr (cell_name (map, 1, 2, 0), ==, "Bruno Keller");

  query.stances = 1u << LIA_STANCE_OPPOSED;
  opposed = get_map (f->store, &query);
  g_assert_cmpuint (opposed->total, ==, 1);
  g_assert_cmpstr (cell_name (opposed, 5, 4, 0), ==, "Amina Diallo");

  lia_map_query_init (&query);
  query.kinds = 1u << LIA_RECORD_KIND_ORGANIZATION;
  people = get_map (f->store, &query);
  g_assert_cmpuint (people->total, ==, 1);
  g_assert_cmpstr (cell_name (people, 5, 4, 0), ==, "Ministry of Health");

  lia_map_query_init (&query);
  cell = lia_store_list_map_cell (f->store, &query, 5, 4, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cell->len, ==, 1);
}

static void
test_filters (StoreFixture  *f,
              gconstpointer  data)
{
  gint64 ministry = lia_test_add_organization (f->store, "Ministry of Health", 0);
  gint64 ngo = lia_test_add_organization (f->store, "Clinics Without Borders", 0);
  gint64 amina = lia_test_add_contact (f->store, "Amina", "Diallo");
  g_autoptr(LiaRecord) record = lia_test_load (f->store, LIA_RECORD_KIND_ORGANIZATION, ministry);
  g_autoptr(LiaMap) health = NULL;
  g_autoptr(LiaMap) tagged = NULL;
  const char *tags[] = { "Donor", NULL };
  LiaMapQuery query;

  g_object_set (record, "sector", "Government", "tags", tags, NULL);
  lia_test_save (f->store, record);
  lia_test_add_affiliation (f->store, amina, ministry, "Director", "2020-01-01", NULL);
  lia_test_assess (f->store, LIA_RECORD_KIND_ORGANIZATION, ministry, 4, 4, LIA_STANCE_NEUTRAL);
  lia_test_assess (f->store, LIA_RECORD_KIND_ORGANIZATION, ngo, 2, 5, LIA_STANCE_ADVOCATE);
  lia_test_assess (f->store, LIA_RECORD_KIND_CONTACT, amina, 3, 3, LIA_STANCE_CONCERNED);

  /* A contact is in the sector of the organization she is with. */
  lia_map_query_init (&query);
  query.sector = "government";
  health = get_map (f->store, &query);
  g_assert_cmpuint (health->total, ==, 2);
  g_assert_cmpuint (health->counts[3][3], ==, 1);
  g_assert_cmpuint (health->counts[2][2], ==, 1);

  lia_map_query_init (&query);
  query.tag = "donor";
  tagged = get_map (f->store, &query);
  g_assert_cmpuint (tagged->total, ==, 1);
  g_assert_cmpstr (cell_name (tagged, 4, 4, 0), ==, "Ministry of Health");
}

static void
test_as_of (StoreFixture  *f,
            gconstpointer  data)
{
  gint64 amina = lia_test_add_contact (f->store, "Amina", "Diallo");
  g_autoptr(GDate) march = lia_date_parse_iso ("2025-03-31", NULL);
  g_autoptr(GDate) january = lia_date_parse_iso ("2025-01-01", NULL);
  g_autoptr(LiaMap) now = NULL;
  g_autoptr(LiaMap) then = NULL;
  g_autoptr(LiaMap) before = NULL;
  LiaMapQuery query;

  lia_test_assess (f->store, LIA_RECORD_KIND_CONTACT, amina, 2, 2, LIA_STANCE_NEUTRAL);
  lia_test_assess (f->store, LIA_RECORD_KIND_CONTACT, amina, 5, 5, LIA_STANCE_ADVOCATE);
  /* The first assessment was made on 1 March 2025 at noon UTC, the second later. */
  lia_test_close (f);
  lia_test_pg_sql (f, "UPDATE assessment_history SET changed_at = 1740830400000000"
                         " WHERE id = (SELECT min (id) FROM assessment_history)");
  lia_test_reopen (f);

  lia_map_query_init (&query);
  now = get_map (f->store, &query);
  g_assert_cmpuint (now->counts[4][4], ==, 1);

  query.as_of = march;
  then = get_map (f->store, &query);
  g_assert_cmpuint (then->total, ==, 1);
  g_assert_cmpuint (then->counts[1][1], ==, 1);
  g_assert_cmpint (((LiaMapEntry *) then->cells[1][1]->pdata[0])->stance, ==, LIA_STANCE_NEUTRAL);

  /* Before anyone assessed her, she was nowhere on the map. */
  query.as_of = january;
  before = get_map (f->store, &query);
  g_assert_cmpuint (before->total, ==, 0);
}

static void
test_reassess (StoreFixture  *f,
               gconstpointer  data)
{
  gint64 amina = lia_test_add_contact (f->store, "Amina", "Diallo");
  g_autoptr(LiaReassessment) move = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaRecord) after = NULL;
  g_autoptr(LiaRecord) undone = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (LiaTestChange));
  LiaAssessment *assessment;

  lia_test_assess (f->store, LIA_RECORD_KIND_CONTACT, amina, 2, 4, LIA_STANCE_CONCERNED);
  g_assert_cmpuint (lia_test_history_length (f->store, amina), ==, 1);
  g_signal_connect (f->store, "changed", G_CALLBACK (lia_test_on_changed_cb), changes);

  move = lia_store_reassess (f->store, LIA_RECORD_KIND_CONTACT, amina, 5, 3, &error);
  g_assert_no_error (error);
  g_assert_nonnull (move);
  after = lia_test_load (f->store, LIA_RECORD_KIND_CONTACT, amina);
  assessment = lia_contact_get_assessment (LIA_CONTACT (after));
  g_assert_cmpint (lia_assessment_get_influence (assessment), ==, 5);
  g_assert_cmpint (lia_assessment_get_interest (assessment), ==, 3);
  /* The stance is not what was moved: it stays. */
  g_assert_cmpint (lia_assessment_get_stance (assessment), ==, LIA_STANCE_CONCERNED);
  g_assert_cmpuint (lia_test_history_length (f->store, amina), ==, 2);
  g_assert_cmpuint (changes->len, ==, 1);

  g_assert_true (lia_store_undo_reassessment (f->store, move, &error));
  g_assert_no_error (error);
  undone = lia_test_load (f->store, LIA_RECORD_KIND_CONTACT, amina);
  assessment = lia_contact_get_assessment (LIA_CONTACT (undone));
  g_assert_cmpint (lia_assessment_get_influence (assessment), ==, 2);
  g_assert_cmpint (lia_assessment_get_interest (assessment), ==, 4);
  g_assert_cmpuint (lia_test_history_length (f->store, amina), ==, 1);
  g_assert_cmpuint (changes->len, ==, 2);
  g_signal_handlers_disconnect_by_func (f->store, lia_test_on_changed_cb, changes);
}

static gint64
add_commitment (LiaStore               *store,
                LiaCommitmentDirection  direction,
                const char             *title,
                const char             *due_iso,
                gint64                  contact_id)
{
  g_autoptr(LiaCommitment) commitment = lia_commitment_new (direction, title);
  g_autoptr(GDate) due = lia_date_parse_iso (due_iso, NULL);

  lia_commitment_set_due_date (commitment, due);
  lia_commitment_set_contact_id (commitment, contact_id);
  lia_test_save (store, commitment);
  return lia_record_get_id (LIA_RECORD (commitment));
}

static LiaToday *
get_today (LiaStore   *store,
           const char *now_iso)
{
  g_autoptr(GDateTime) now = lia_test_at (now_iso);
  g_autoptr(GError) error = NULL;
  LiaToday *today = lia_store_get_today (store, now, 10, &error);

  g_assert_no_error (error);
  g_assert_nonnull (today);
  return today;
}

static void
test_today (StoreFixture  *f,
            gconstpointer  data)
{
  gint64 amina = lia_test_add_contact (f->store, "Amina", "Diallo");
  g_autoptr(LiaToday) today = NULL;
  g_autoptr(LiaConcern) concern = lia_concern_new ("Late payments");
  g_autoptr(LiaCommitment) done = NULL;

  lia_test_assess (f->store, LIA_RECORD_KIND_CONTACT, amina, 5, 5, LIA_STANCE_SUPPORTIVE);
  add_commitment (f->store, LIA_COMMITMENT_DIRECTION_OURS, "Send the report", "2025-06-01", amina);
  add_commitment (f->store, LIA_COMMITMENT_DIRECTION_THEIRS, "Return the signed MoU", "2025-06-09", amina);
  add_commitment (f->store, LIA_COMMITMENT_DIRECTION_OURS, "Book the room", "2025-06-12", amina);
  add_commitment (f->store, LIA_COMMITMENT_DIRECTION_OURS, "Later", "2025-06-30", amina);
  done = LIA_COMMITMENT (lia_test_load (f->store, LIA_RECORD_KIND_COMMITMENT,
                                        add_commitment (f->store, LIA_COMMITMENT_DIRECTION_OURS,
                                                        "Already done", "2025-06-02", amina)));
  lia_commitment_set_status (done, LIA_COMMITMENT_STATUS_DONE);
  lia_test_save (f->store, done);
  lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_MEETING, "2025-06-10T08:00:00Z",
                            "This morning, already held", amina, 0);
  lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_MEETING, "2025-06-12T09:00:00Z",
                            "Steering committee", amina, 0);
  lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_MEETING, "2025-06-30T09:00:00Z",
                            "Too far ahead", amina, 0);
  lia_concern_set_severity (concern, LIA_SEVERITY_HIGH);
  lia_test_save (f->store, concern);

  today = get_today (f->store, "2025-06-10T12:00:00Z");
  g_assert_cmpuint (today->n_overdue, ==, 2);
  g_assert_cmpstr (lia_record_get_label (today->overdue->pdata[0]), ==, "Send the report");
  g_assert_cmpstr (lia_record_get_label (today->overdue->pdata[1]), ==, "Return the signed MoU");
  g_assert_cmpuint (today->n_due_this_week, ==, 1);
  g_assert_cmpstr (lia_record_get_label (today->due_this_week->pdata[0]), ==, "Book the room");
  g_assert_cmpuint (today->n_meetings, ==, 1);
  g_assert_cmpstr (lia_record_get_label (today->meetings->pdata[0]), ==, "Steering committee");
  g_assert_cmpuint (today->concerns->len, ==, 1);
  /* Manage closely, last in touch this morning: not due. */
  g_assert_cmpuint (today->n_due_for_contact, ==, 0);
}

static void
test_notices (StoreFixture  *f,
              gconstpointer  data)
{
  gint64 amina = lia_test_add_contact (f->store, "Amina", "Diallo");
  g_autoptr(LiaToday) first_day = NULL;
  g_autoptr(LiaToday) next_day = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) tomorrow = NULL;
  LiaTodayNotice *notice;

  lia_test_assess (f->store, LIA_RECORD_KIND_CONTACT, amina, 5, 5, LIA_STANCE_SUPPORTIVE);
  lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL, "2025-05-01T08:00:00Z",
                            "Last call", amina, 0);
  add_commitment (f->store, LIA_COMMITMENT_DIRECTION_OURS, "Send the report", "2025-06-10", amina);
  add_commitment (f->store, LIA_COMMITMENT_DIRECTION_OURS, "Book the room", "2025-06-11", amina);

  /* Never told before: the commitment due today and Amina (due 31 May) are told. */
  first_day = get_today (f->store, "2025-06-10T07:00:00Z");
  notices = lia_today_plan_notices (first_day, "");
  g_assert_cmpuint (notices->len, ==, 2);
  notice = notices->pdata[0];
  g_assert_cmpstr (notice->body, ==, "Send the report");
  g_assert_cmpint (notice->kind, ==, LIA_RECORD_KIND_COMMITMENT);
  g_assert_cmpint (notice->record_id, >, 0);
  notice = notices->pdata[1];
  g_assert_cmpint (notice->kind, ==, LIA_RECORD_KIND_CONTACT);
  g_assert_cmpint (notice->record_id, ==, amina);
  g_assert_nonnull (strstr (notice->title, "Amina Diallo"));

  /* Told today already: nothing more today. */
  again = lia_today_plan_notices (first_day, "2025-06-10");
  g_assert_cmpuint (again->len, ==, 0);

  /* The next day, only what fell due since: the room, not the report nor Amina again. */
  next_day = get_today (f->store, "2025-06-11T07:00:00Z");
  tomorrow = lia_today_plan_notices (next_day, "2025-06-10");
  g_assert_cmpuint (tomorrow->len, ==, 1);
  g_assert_cmpstr (((LiaTodayNotice *) tomorrow->pdata[0])->body, ==, "Book the room");
}

int
main (int    argc,
      char **argv)
{
  int skip = 0;

  /* The days of the fixtures are UTC days. */
  g_setenv ("TZ", "UTC", TRUE);
  if (!lia_test_pg_init (&argc, &argv, &skip))
    return skip;

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, lia_test_pg_fixture_setup, func, lia_test_pg_fixture_teardown)
  ADD ("/store/map/cells", test_cells);
  ADD ("/store/map/filters", test_filters);
  ADD ("/store/map/reassess", test_reassess);
  ADD ("/store/map/as-of", test_as_of);
  ADD ("/store/today/sections", test_today);
  ADD ("/store/today/notices", test_notices);
#undef ADD

  return g_test_run ();
}
