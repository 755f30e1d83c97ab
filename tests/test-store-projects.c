/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Projects: what is saved comes back after reopening; what is invalid is refused with words
 * that name it; deleting a project leaves what was linked to it, and deleting what a project
 * refers to changes the project, not the other way round; undo puts it all back; search finds
 * a project by its milestones and risks; a database of the previous version with rows
 * upgrades, change log included. */

#include "lia-test-pg.h"
#include "lia-search-result.h"
#include "lia-store-projects.h"
#include "lia-store-undo.h"

typedef struct
{
  gint64 unicef;
  gint64 ministry;
  gint64 amina;
  gint64 emile;
  gint64 meeting;
  gint64 commitment;
  gint64 concern;
} World;

static void
make_world (LiaStore *store,
            World    *w)
{
  g_autoptr(LiaCommitment) commitment = NULL;
  g_autoptr(LiaConcern) concern = lia_concern_new ("Water tariffs dispute");

  w->unicef = lia_test_add_organization (store, "UNICEF", 0);
  w->ministry = lia_test_add_organization (store, "Ministry of Health", 0);
  w->amina = lia_test_add_contact (store, "Amina", "Diallo");
  w->emile = lia_test_add_contact (store, "Émile", "Favre");
  w->meeting = lia_test_add_interaction (store, LIA_INTERACTION_KIND_MEETING,
                                         "2026-02-03T10:00:00+01:00", "Kick-off", w->amina, 0);
  commitment = lia_commitment_new (LIA_COMMITMENT_DIRECTION_OURS, "Send the budget");
  lia_test_save (store, commitment);
  w->commitment = lia_record_get_id (LIA_RECORD (commitment));
  lia_test_save (store, concern);
  w->concern = lia_record_get_id (LIA_RECORD (concern));
}

static LiaProject *
make_project (World *w)
{
  LiaProject *project = lia_project_new ("Clean water for Kigoma");
  g_autoptr(GDate) start = lia_test_date (2026, 1, 1);
  g_autoptr(GDate) end = lia_test_date (2026, 12, 31);
  g_autoptr(GDate) due = lia_test_date (2026, 3, 1);
  g_autoptr(GDate) done = lia_test_date (2026, 2, 27);
  g_autoptr(GDate) review = lia_test_date (2026, 2, 1);
  g_autoptr(LiaProjectStakeholder) funder = lia_project_stakeholder_new_organization (w->unicef, "Funder");
  g_autoptr(LiaProjectStakeholder) lead = lia_project_stakeholder_new_contact (w->amina, "Technical lead");
  g_autoptr(LiaMilestone) survey = lia_milestone_new ("Site survey");
  g_autoptr(LiaMilestone) wells = lia_milestone_new ("Twelve boreholes drilled");
  g_autoptr(LiaRisk) rains = lia_risk_new ("Rainy season delays drilling");
  g_autoptr(LiaRisk) permits = lia_risk_new ("Permits withheld");
  const char * const tags[] = { "water", "Tanzania", NULL };

  lia_record_set_uid (LIA_RECORD (project), "p-kigoma");
  lia_project_set_summary (project, "Boreholes and pumps for twelve villages.");
  lia_project_set_status (project, LIA_PROJECT_STATUS_ACTIVE);
  lia_project_set_start (project, start);
  lia_project_set_end (project, end);
  lia_project_set_owner (project, "Programme office");
  lia_project_set_tags (project, tags);
  lia_project_set_notes (project, "Quarterly report to the donor.");
  lia_project_add_stakeholder (project, funder);
  lia_project_add_stakeholder (project, lead);

  lia_milestone_set_uid (survey, "m-survey");
  lia_milestone_set_due (survey, due);
  lia_milestone_set_status (survey, LIA_MILESTONE_STATUS_DONE);
  lia_milestone_set_done (survey, done);
  lia_project_add_milestone (project, survey);
  lia_milestone_set_uid (wells, "m-wells");
  lia_milestone_set_due (wells, end);
  lia_project_add_milestone (project, wells);

  lia_risk_set_uid (rains, "r-rains");
  lia_risk_set_description (rains, "Roads close from March.");
  lia_risk_set_likelihood (rains, 4);
  lia_risk_set_impact (rains, 5);
  lia_risk_set_owner_id (rains, w->emile);
  lia_risk_set_mitigation (rains, "Pre-position the rigs in February.");
  lia_risk_set_review (rains, review);
  lia_project_add_risk (project, rains);
  lia_risk_set_uid (permits, "r-permits");
  lia_risk_set_likelihood (permits, 2);
  lia_risk_set_impact (permits, 3);
  lia_risk_set_status (permits, LIA_RISK_STATUS_MITIGATING);
  lia_project_add_risk (project, permits);

  lia_project_add_link (project, LIA_RECORD_KIND_INTERACTION, w->meeting);
  lia_project_add_link (project, LIA_RECORD_KIND_COMMITMENT, w->commitment);
  lia_project_add_link (project, LIA_RECORD_KIND_CONCERN, w->concern);

  return project;
}

static LiaProject *
load_project (LiaStore *store,
              gint64    id)
{
  return LIA_PROJECT (lia_test_load (store, LIA_RECORD_KIND_PROJECT, id));
}

static gint64
linked (LiaProject    *project,
        LiaRecordKind  kind)
{
  const GArray *ids = lia_project_get_link_ids (project, kind);

  g_assert_cmpuint (ids->len, <=, 1);
  return ids->len == 1 ? g_array_index (ids, gint64, 0) : 0;
}

static void
test_reload (StoreFixture  *f,
             gconstpointer  data)
{
  World w;
  g_autoptr(LiaProject) project = NULL;
  g_autoptr(LiaProject) loaded = NULL;
  g_autoptr(LiaProjectStakeholder) funder = NULL;
  g_autoptr(LiaProjectStakeholder) lead = NULL;
  g_autoptr(LiaMilestone) survey = NULL;
  g_autoptr(LiaRisk) rains = NULL;
  g_autoptr(GDate) today = lia_test_date (2027, 1, 15);
  g_autofree char *done = NULL;
  gint64 id;
  guint n_done, n_total, n_overdue;

  make_world (f->store, &w);
  project = make_project (&w);
  lia_test_save (f->store, project);
  id = lia_record_get_id (LIA_RECORD (project));

  lia_test_reopen (f);
  loaded = load_project (f->store, id);

  g_assert_cmpstr (lia_record_get_uid (LIA_RECORD (loaded)), ==, "p-kigoma");
  g_assert_cmpstr (lia_project_get_name (loaded), ==, "Clean water for Kigoma");
  g_assert_cmpstr (lia_project_get_summary (loaded), ==, "Boreholes and pumps for twelve villages.");
  g_assert_cmpint (lia_project_get_status (loaded), ==, LIA_PROJECT_STATUS_ACTIVE);
  g_assert_cmpint (g_date_get_year (lia_project_get_end (loaded)), ==, 2026);
  g_assert_cmpstr (lia_project_get_owner (loaded), ==, "Programme office");
  g_assert_cmpstr (lia_project_get_tags (loaded)[1], ==, "Tanzania");
  g_assert_cmpstr (lia_project_get_notes (loaded), ==, "Quarterly report to the donor.");

  g_assert_cmpuint (g_list_model_get_n_items (lia_project_get_stakeholders (loaded)), ==, 2);
  funder = g_list_model_get_item (lia_project_get_stakeholders (loaded), 0);
  lead = g_list_model_get_item (lia_project_get_stakeholders (loaded), 1);
  g_assert_cmpint (lia_project_stakeholder_get_organization_id (funder), ==, w.unicef);
  g_assert_cmpstr (lia_project_stakeholder_get_role (funder), ==, "Funder");
  g_assert_cmpint (lia_project_stakeholder_get_contact_id (lead), ==, w.amina);
  g_assert_cmpstr (lia_project_stakeholder_get_role (lead), ==, "Technical lead");

  survey = g_list_model_get_item (lia_project_get_milestones (loaded), 0);
  g_assert_cmpstr (lia_milestone_get_uid (survey), ==, "m-survey");
  g_assert_cmpint (lia_milestone_get_status (survey), ==, LIA_MILESTONE_STATUS_DONE);
  done = lia_date_to_iso (lia_milestone_get_done (survey));
  g_assert_cmpstr (done, ==, "2026-02-27");

  rains = g_list_model_get_item (lia_project_get_risks (loaded), 0);
  g_assert_cmpstr (lia_risk_get_uid (rains), ==, "r-rains");
  g_assert_cmpint (lia_risk_get_score (rains), ==, 20);
  g_assert_cmpint (lia_risk_get_owner_id (rains), ==, w.emile);
  g_assert_cmpstr (lia_risk_get_mitigation (rains), ==, "Pre-position the rigs in February.");
  g_assert_cmpstr (lia_risk_get_description (rains), ==, "Roads close from March.");
  g_assert_nonnull (lia_risk_get_review (rains));
  g_assert_cmpuint (g_list_model_get_n_items (lia_project_get_risks (loaded)), ==, 2);

  g_assert_cmpint (linked (loaded, LIA_RECORD_KIND_INTERACTION), ==, w.meeting);
  g_assert_cmpint (linked (loaded, LIA_RECORD_KIND_COMMITMENT), ==, w.commitment);
  g_assert_cmpint (linked (loaded, LIA_RECORD_KIND_CONCERN), ==, w.concern);

  /* One milestone of two is done; the other is due at the end of 2026, past on 15 Jan 2027. */
  lia_project_count_milestones (loaded, today, &n_done, &n_total, &n_overdue);
  g_assert_cmpuint (n_done, ==, 1);
  g_assert_cmpuint (n_total, ==, 2);
  g_assert_cmpuint (n_overdue, ==, 1);

  {
    g_autoptr(GArray) for_meeting = lia_store_list_projects_for (f->store, LIA_RECORD_KIND_INTERACTION,
                                                                 w.meeting, NULL);
    g_autoptr(GArray) for_unicef = lia_store_list_projects_for (f->store, LIA_RECORD_KIND_ORGANIZATION,
                                                                w.unicef, NULL);
    g_autoptr(GArray) for_ministry = lia_store_list_projects_for (f->store, LIA_RECORD_KIND_ORGANIZATION,
                                                                  w.ministry, NULL);

    g_assert_cmpuint (for_meeting->len, ==, 1);
    g_assert_cmpint (g_array_index (for_meeting, gint64, 0), ==, id);
    g_assert_cmpuint (for_unicef->len, ==, 1);
    g_assert_cmpuint (for_ministry->len, ==, 0);
  }
}

static void
assert_refused (LiaStore    *store,
                LiaProject  *project,
                const char  *words)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (lia_store_save (store, LIA_RECORD (project), &error));
  g_assert_nonnull (error);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
  g_assert_cmpint (lia_record_get_id (LIA_RECORD (project)), ==, 0);
}

static void
test_validate (StoreFixture  *f,
               gconstpointer  data)
{
  World w;

  make_world (f->store, &w);

  {
    g_autoptr(LiaProject) project = lia_project_new ("  ");
    assert_refused (f->store, project, "needs a name");
  }
  {
    g_autoptr(LiaProject) project = make_project (&w);
    g_autoptr(GDate) early = lia_test_date (2025, 6, 1);

    lia_project_set_end (project, early);
    assert_refused (f->store, project, "ends on 2025-06-01, before it starts on 2026-01-01");
  }
  {
    g_autoptr(LiaProject) project = make_project (&w);
    g_autoptr(LiaRisk) risk = lia_risk_new ("Currency swings");

    lia_risk_set_likelihood (risk, 6);
    lia_project_add_risk (project, risk);
    assert_refused (f->store, project, "likelihood of risk “Currency swings” is 6; it must be from 1 to 5");
  }
  {
    g_autoptr(LiaProject) project = make_project (&w);
    g_autoptr(LiaRisk) risk = lia_risk_new ("Currency swings");

    lia_risk_set_impact (risk, 0);
    lia_project_add_risk (project, risk);
    assert_refused (f->store, project, "impact of risk “Currency swings” is 0");
  }
  {
    g_autoptr(LiaProject) project = make_project (&w);
    g_autoptr(LiaRisk) twin = lia_risk_new ("Twin");

    lia_risk_set_uid (twin, "r-rains");
    lia_project_add_risk (project, twin);
    assert_refused (f->store, project, "“r-rains” is empty or used twice");
  }
  {
    g_autoptr(LiaProject) project = make_project (&w);
    g_autoptr(LiaMilestone) blank = lia_milestone_new ("");

    lia_project_add_milestone (project, blank);
    assert_refused (f->store, project, "milestone 3 needs a title");
  }
  {
    g_autoptr(LiaProject) project = make_project (&w);

    lia_project_add_link (project, LIA_RECORD_KIND_INTERACTION, 999);
    assert_refused (f->store, project, "linked record");
  }
  {
    g_autoptr(LiaProject) project = make_project (&w);
    g_autoptr(LiaProjectStakeholder) ghost = lia_project_stakeholder_new_contact (777, "Funder");

    lia_project_add_stakeholder (project, ghost);
    assert_refused (f->store, project, "stakeholder");
  }

  /* Nothing of the refused saves is in the database. */
  g_assert_cmpint (lia_test_pg_sql_int (f, "SELECT count(*) FROM projects"), ==, 0);
  g_assert_cmpint (lia_test_pg_sql_int (f, "SELECT count(*) FROM project_risks"), ==, 0);
}

static void
test_cascade (StoreFixture  *f,
              gconstpointer  data)
{
  World w;
  g_autoptr(LiaProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  make_world (f->store, &w);
  project = make_project (&w);
  lia_test_save (f->store, project);
  id = lia_record_get_id (LIA_RECORD (project));

  /* Deleting the contact who owns a risk leaves the risk, without an owner. */
  {
    g_autoptr(LiaRecord) emile = lia_test_load (f->store, LIA_RECORD_KIND_CONTACT, w.emile);
    g_autoptr(LiaProject) after = NULL;
    g_autoptr(LiaRisk) rains = NULL;

    g_assert_true (lia_store_delete (f->store, emile, &error));
    g_assert_no_error (error);
    after = load_project (f->store, id);
    g_assert_cmpuint (g_list_model_get_n_items (lia_project_get_risks (after)), ==, 2);
    rains = g_list_model_get_item (lia_project_get_risks (after), 0);
    g_assert_cmpint (lia_risk_get_owner_id (rains), ==, 0);
  }

  /* Deleting a linked interaction or an organization stakeholder changes the project only. */
  {
    g_autoptr(LiaRecord) meeting = lia_test_load (f->store, LIA_RECORD_KIND_INTERACTION, w.meeting);
    g_autoptr(LiaRecord) unicef = lia_test_load (f->store, LIA_RECORD_KIND_ORGANIZATION, w.unicef);
    g_autoptr(LiaProject) after = NULL;

    g_assert_true (lia_store_delete (f->store, meeting, &error));
    g_assert_true (lia_store_delete (f->store, unicef, &error));
    g_assert_no_error (error);
    after = load_project (f->store, id);
    g_assert_cmpint (linked (after, LIA_RECORD_KIND_INTERACTION), ==, 0);
    g_assert_cmpint (linked (after, LIA_RECORD_KIND_COMMITMENT), ==, w.commitment);
    g_assert_cmpuint (g_list_model_get_n_items (lia_project_get_stakeholders (after)), ==, 1);
  }

  /* Deleting the project never deletes what was linked to it. */
  g_assert_true (lia_store_delete (f->store, LIA_RECORD (project), &error));
  g_assert_no_error (error);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_COMMITMENT), ==, 1);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_CONCERN), ==, 1);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_CONTACT), ==, 1);
  g_assert_cmpint (lia_test_pg_sql_int (f, "SELECT count(*) FROM project_links"), ==, 0);
  g_assert_cmpint (lia_test_pg_sql_int (f, "SELECT count(*) FROM project_risks"), ==, 0);
  g_assert_cmpint (lia_test_pg_sql_int (f, "SELECT count(*) FROM risk_history"), ==, 0);
}

static void
test_undo (StoreFixture  *f,
           gconstpointer  data)
{
  World w;
  g_autoptr(LiaProject) project = NULL;
  g_autoptr(LiaDeletion) deletion = NULL;
  g_autoptr(LiaRecord) restored = NULL;
  g_autoptr(LiaProject) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  make_world (f->store, &w);
  project = make_project (&w);
  lia_test_save (f->store, project);
  id = lia_record_get_id (LIA_RECORD (project));
  /* Another project after it, so that the undo must move the restored row back to its id. */
  {
    g_autoptr(LiaProject) other = lia_project_new ("School meals");
    lia_test_save (f->store, other);
  }

  deletion = lia_store_delete_with_undo (f->store, LIA_RECORD (project), &error);
  g_assert_no_error (error);
  restored = lia_store_undo_deletion (f->store, deletion, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_record_get_id (restored), ==, id);

  loaded = load_project (f->store, id);
  g_assert_cmpuint (g_list_model_get_n_items (lia_project_get_milestones (loaded)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (lia_project_get_risks (loaded)), ==, 2);
  g_assert_cmpint (linked (loaded, LIA_RECORD_KIND_CONCERN), ==, w.concern);
  {
    g_autoptr(GPtrArray) found = lia_store_search (f->store, "boreholes", 10, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 1);
    g_assert_cmpint (lia_search_result_get_id (found->pdata[0]), ==, id);
  }

  /* Undoing the delete of a risk's owner gives the risk its owner back. */
  {
    g_autoptr(LiaRecord) emile = lia_test_load (f->store, LIA_RECORD_KIND_CONTACT, w.emile);
    g_autoptr(LiaDeletion) gone = lia_store_delete_with_undo (f->store, emile, &error);
    g_autoptr(LiaRecord) back = NULL;
    g_autoptr(LiaProject) after = NULL;
    g_autoptr(LiaRisk) rains = NULL;

    g_assert_no_error (error);
    back = lia_store_undo_deletion (f->store, gone, &error);
    g_assert_no_error (error);
    after = load_project (f->store, id);
    rains = g_list_model_get_item (lia_project_get_risks (after), 0);
    g_assert_cmpint (lia_risk_get_owner_id (rains), ==, lia_record_get_id (back));
  }

  {
    g_autoptr(GPtrArray) problems = lia_store_check (f->store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

static guint
count_found (LiaStore   *store,
             const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = lia_store_search (store, text, 10, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < found->len; i++)
    if (lia_search_result_get_kind (found->pdata[i]) == LIA_RECORD_KIND_PROJECT)
      n++;
  return n;
}

static void
test_search (StoreFixture  *f,
             gconstpointer  data)
{
  World w;
  g_autoptr(LiaProject) project = NULL;
  g_autoptr(LiaRisk) rains = NULL;
  g_autoptr(GError) error = NULL;

  make_world (f->store, &w);
  project = make_project (&w);
  lia_test_save (f->store, project);

  g_assert_cmpuint (count_found (f->store, "kigoma"), ==, 1);
  g_assert_cmpuint (count_found (f->store, "borehole"), ==, 1);        /* a milestone */
  g_assert_cmpuint (count_found (f->store, "rigs"), ==, 1);            /* a mitigation */
  g_assert_cmpuint (count_found (f->store, "permits withheld"), ==, 1); /* a risk's title */

  /* A changed risk is found by what it says now, not by what it said. */
  rains = g_object_ref (lia_project_find_risk (project, "r-rains"));
  lia_risk_set_mitigation (rains, "Hire local crews.");
  lia_test_save (f->store, project);
  g_assert_cmpuint (count_found (f->store, "rigs"), ==, 0);
  g_assert_cmpuint (count_found (f->store, "crews"), ==, 1);

  g_assert_true (lia_store_delete (f->store, LIA_RECORD (project), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_found (f->store, "kigoma"), ==, 0);
  g_assert_cmpuint (count_found (f->store, "crews"), ==, 0);
}

static void
test_risk_history (StoreFixture  *f,
                   gconstpointer  data)
{
  World w;
  g_autoptr(LiaProject) project = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  LiaRisk *rains;
  LiaRiskChange *last;
  gint64 id;

  make_world (f->store, &w);
  project = make_project (&w);
  lia_test_save (f->store, project);
  id = lia_record_get_id (LIA_RECORD (project));

  /* Saving again without a change to the scores adds nothing. */
  lia_project_set_notes (project, "Donor visit in May.");
  lia_test_save (f->store, project);

  rains = lia_project_find_risk (project, "r-rains");
  lia_risk_set_likelihood (rains, 2);
  lia_risk_set_impact (rains, 4);
  lia_test_save (f->store, project);

  history = lia_store_list_risk_history (f->store, id, "r-rains", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  last = history->pdata[1];
  g_assert_cmpint (last->likelihood, ==, 2);
  g_assert_cmpint (last->impact, ==, 4);
  g_assert_cmpint (((LiaRiskChange *) history->pdata[0])->likelihood, ==, 4);

  g_clear_pointer (&history, g_ptr_array_unref);
  history = lia_store_list_risk_history (f->store, id, "r-nothing", &error);
  g_assert_null (history);
  g_assert_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_NOT_FOUND);
}

/* `liaison check` says when a project's index row is stale or missing. */
static void
test_check (StoreFixture  *f,
            gconstpointer  data)
{
  World w;
  g_autoptr(LiaProject) project = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  make_world (f->store, &w);
  project = make_project (&w);
  lia_test_save (f->store, project);

  problems = lia_store_check (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* What an old index or a hand-made change leaves: the project's words are not indexed. */
  if (pg_cluster == NULL)
    lia_test_sql (f->path, "UPDATE projects_fts SET risks = 'stale' WHERE rowid = 1");
  else
    lia_test_pg_sql (f, "UPDATE projects_search SET search_vector = to_tsvector ('stale')");
  problems = lia_store_check (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (problems->pdata[0], ==,
                   "The search index does not hold what project “Clean water for Kigoma” says now.");
}

/* A database left by the previous version (8) with records and a change log: the change log
 * keeps its rows and learns the kind 'project'; records are kept and found; a project can
 * be added and is announced to other connections. Made here by taking a fresh database back
 * to version 8 the way version 8 left it. */
static void
test_migration (StoreFixture  *f,
                gconstpointer  data)
{
  World w;
  gint64 log_rows;
  g_autoptr(LiaProject) project = NULL;

  if (pg_cluster != NULL)
    {
      g_test_skip ("file only: takes a file back to schema 11 with SQLite's DDL; a server's "
                   "upgrades are `liaison server init`'s (server-pg)");
      return;
    }

  make_world (f->store, &w);
  lia_test_close (f);
  log_rows = lia_test_sql_int (f->path, "SELECT count(*) FROM change_log");
  g_assert_cmpint (log_rows, >, 0);

  /* What version 19 adds: the records' content hashes and the triggers that forget them. */
  {
    g_autofree char *names =
      lia_test_sql_text (f->path, "SELECT group_concat (name, ' ') FROM sqlite_master"
                                  " WHERE type = 'trigger' AND name LIKE '%\\_hash\\_%' ESCAPE '\\'");
    g_auto(GStrv) triggers = g_strsplit (names, " ", -1);
    g_autoptr(GString) sql = g_string_new ("DROP TABLE record_hashes;");

    g_assert_cmpuint (g_strv_length (triggers), ==, 7 * 3 + 17 * 3);
    for (guint i = 0; triggers[i] != NULL; i++)
      g_string_append_printf (sql, "DROP TRIGGER %s;", triggers[i]);
    lia_test_sql (f->path, sql->str);
  }
  lia_test_sql (f->path,
                /* What later versions add (14 and 15: due for contact; 16: interactions per day;
                 * 18: map cells by a contact's family or given name). */
                "DROP INDEX contacts_by_cell_family; DROP INDEX contacts_by_cell_given;"
                "DROP TRIGGER interactions_days_insert; DROP TRIGGER interactions_days_delete;"
                "DROP TRIGGER interactions_days_update; DROP TABLE interaction_days;"
                "DROP INDEX organizations_by_cell_due; DROP INDEX contacts_by_cell_due;"
                "DROP INDEX organizations_own_cadence; DROP INDEX contacts_own_cadence;"
                "DROP VIEW project_search; DROP TABLE projects_fts; DROP TABLE project_links;"
                "DROP TABLE risk_history; DROP TABLE project_risks; DROP TABLE project_milestones;"
                "DROP TABLE project_stakeholders; DROP TABLE project_tags; DROP TABLE projects;"
                "PRAGMA legacy_alter_table = ON;"
                "CREATE TABLE change_log_6 (seq INTEGER PRIMARY KEY,"
                "  kind TEXT NOT NULL CHECK (kind IN ('organization', 'contact', 'affiliation',"
                "    'interaction', 'commitment', 'concern', 'all')),"
                "  record_id INTEGER NOT NULL,"
                "  operation TEXT NOT NULL CHECK (operation IN ('insert', 'update', 'delete', 'reset')),"
                "  changed_at INTEGER NOT NULL, author TEXT);"
                "INSERT INTO change_log_6"
                "  SELECT seq, kind, record_id, operation, changed_at, author FROM change_log;"
                "DROP TABLE change_log; ALTER TABLE change_log_6 RENAME TO change_log;"
                "CREATE TRIGGER change_log_prune AFTER INSERT ON change_log"
                "  WHEN new.seq % 1000 = 0 BEGIN DELETE FROM change_log WHERE seq <= new.seq - 10000; END;"
                /* and without version 13's row versions, deleted records' uids and history */
                "DROP TABLE field_history;"
                "ALTER TABLE organizations DROP COLUMN version;"
                "ALTER TABLE contacts DROP COLUMN version;"
                "ALTER TABLE affiliations DROP COLUMN version;"
                "ALTER TABLE interactions DROP COLUMN version;"
                "ALTER TABLE commitments DROP COLUMN version;"
                "ALTER TABLE concerns DROP COLUMN version;"
                "PRAGMA user_version = 11;");

  lia_test_reopen (f);
  g_assert_cmpint (lia_store_get_schema_version (f->store), ==, LIA_STORE_SCHEMA_VERSION);
  g_assert_cmpint (lia_test_sql_int (f->path, "SELECT count(*) FROM change_log"), ==, log_rows);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_CONTACT), ==, 2);

  project = make_project (&w);
  lia_test_save (f->store, project);
  g_assert_cmpint (lia_test_sql_int (f->path,
                                     "SELECT count(*) FROM change_log WHERE kind = 'project'"),
                   >, 0);
  g_assert_cmpuint (count_found (f->store, "kigoma"), ==, 1);

  /* Writing to the other tables still logs, through the rebuilt table. */
  lia_test_add_contact (f->store, "Zoé", "Keller");
  g_assert_cmpint (lia_test_sql_int (f->path,
                                     "SELECT count(*) FROM change_log WHERE kind = 'contact'"),
                   >, 2);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) problems = lia_store_check (f->store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

int
main (int    argc,
      char **argv)
{
  int skip = 0;

  if (!lia_test_pg_init (&argc, &argv, &skip))
    return skip;

  g_test_add ("/store/projects/reload", StoreFixture, NULL,
              lia_test_pg_template_fixture_setup, test_reload, lia_test_pg_fixture_teardown);
  g_test_add ("/store/projects/validate", StoreFixture, NULL,
              lia_test_pg_template_fixture_setup, test_validate, lia_test_pg_fixture_teardown);
  g_test_add ("/store/projects/cascade", StoreFixture, NULL,
              lia_test_pg_template_fixture_setup, test_cascade, lia_test_pg_fixture_teardown);
  g_test_add ("/store/projects/undo", StoreFixture, NULL,
              lia_test_pg_template_fixture_setup, test_undo, lia_test_pg_fixture_teardown);
  g_test_add ("/store/projects/search", StoreFixture, NULL,
              lia_test_pg_template_fixture_setup, test_search, lia_test_pg_fixture_teardown);
  g_test_add ("/store/projects/risk-history", StoreFixture, NULL,
              lia_test_pg_template_fixture_setup, test_risk_history, lia_test_pg_fixture_teardown);
  g_test_add ("/store/projects/check", StoreFixture, NULL,
              lia_test_pg_template_fixture_setup, test_check, lia_test_pg_fixture_teardown);
  g_test_add ("/store/projects/migration", StoreFixture, NULL,
              lia_test_pg_template_fixture_setup, test_migration, lia_test_pg_fixture_teardown);

  return g_test_run ();
}
