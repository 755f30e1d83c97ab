/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A database written by an older Liaison opens, keeps every record and becomes searchable; a
 * version 2 database gains the assessment history, started from what each record holds; a new
 * one starts at the current version; opening again (even twice at once) changes nothing. */

#include "lia-test-util.h"
#include "lia-search-result.h"
#include "lia-list-model.h"
#include "lia-store-reports.h"

/* Builds tests/data/@script_name into @path with plain SQLite. */
static void
build_from_script (const char *path,
                   const char *script_name,
                   int         version)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *script = NULL;
  const char *script_path = g_test_get_filename (G_TEST_DIST, "data", script_name, NULL);
  sqlite3 *db;
  char *errmsg = NULL;

  g_file_get_contents (script_path, &script, NULL, &error);
  g_assert_no_error (error);

  db = lia_test_raw_open (path, TRUE);
  if (sqlite3_exec (db, script, NULL, NULL, &errmsg) != SQLITE_OK)
    g_error ("%s: %s", script_path, errmsg);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  g_assert_cmpint (lia_test_sql_int (path, "PRAGMA user_version"), ==, version);
}


static void
script_fixture_setup (StoreFixture *f,
                      const char   *script_name,
                      int           version)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("liaison-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "liaison.db", NULL);
  build_from_script (f->path, script_name, version);
  f->store = NULL;
}

static void
v1_fixture_setup (StoreFixture  *f,
                  gconstpointer  data)
{
  script_fixture_setup (f, "liaison-v1.sql", 1);
}

static LiaRecord *
load_uid_ok (LiaStore      *store,
             LiaRecordKind  kind,
             const char    *uid)
{
  g_autoptr(GError) error = NULL;
  LiaRecord *record = lia_store_load_by_uid (store, kind, uid, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  return record;
}

/* @n_new_organizations: how many organizations the test added since the upgrade. */
static void
assert_v1_records (LiaStore *store,
                   gint64    n_new_organizations)
{
  g_autoptr(LiaRecord) zurich = load_uid_ok (store, LIA_RECORD_KIND_ORGANIZATION, "org-zurich-hospital");
  g_autoptr(LiaRecord) geneva = load_uid_ok (store, LIA_RECORD_KIND_ORGANIZATION, "org-geneva-ministry");
  g_autoptr(LiaRecord) amina = load_uid_ok (store, LIA_RECORD_KIND_CONTACT, "contact-amina-diallo");
  g_autoptr(LiaRecord) emile = load_uid_ok (store, LIA_RECORD_KIND_CONTACT, "contact-emile-favre");
  g_autoptr(LiaRecord) aff = load_uid_ok (store, LIA_RECORD_KIND_AFFILIATION, "aff-amina-ksz");
  g_autoptr(LiaRecord) meeting = load_uid_ok (store, LIA_RECORD_KIND_INTERACTION, "int-march-review");
  g_autoptr(LiaRecord) promise = load_uid_ok (store, LIA_RECORD_KIND_COMMITMENT, "com-send-figures");
  g_autofree char *at = NULL;
  g_autofree char *due = NULL;
  g_autoptr(GDateTime) created = lia_test_at ("2024-01-15T10:00:00Z");
  const char * const *tags;
  const GArray *ids;
  GListModel *emails;
  g_autoptr(LiaContactPoint) email = NULL;

  g_assert_cmpstr (lia_organization_get_name (LIA_ORGANIZATION (zurich)), ==, "Zürich Cantonal Hospital");
  g_assert_cmpstr (lia_organization_get_short_name (LIA_ORGANIZATION (zurich)), ==, "KSZ");
  g_assert_cmpint (lia_assessment_get_stance (lia_organization_get_assessment (LIA_ORGANIZATION (zurich))),
                   ==, LIA_STANCE_SUPPORTIVE);
  tags = lia_organization_get_tags (LIA_ORGANIZATION (zurich));
  g_assert_cmpuint (g_strv_length ((char **) tags), ==, 2);
  g_assert_cmpstr (tags[0], ==, "health");
  g_assert_cmpstr (tags[1], ==, "canton");
  g_assert_true (g_date_time_equal (lia_record_get_created_at (zurich), created));
  g_assert_cmpstr (lia_organization_get_name (LIA_ORGANIZATION (geneva)), ==,
                   "Département de la santé de Genève");

  g_assert_cmpstr (lia_contact_get_display_name (LIA_CONTACT (amina)), ==, "Dr Amina Diallo");
  g_assert_cmpint (lia_contact_get_preferred_channel (LIA_CONTACT (amina)), ==, LIA_CHANNEL_EMAIL);
  emails = lia_contact_get_emails (LIA_CONTACT (amina));
  g_assert_cmpuint (g_list_model_get_n_items (emails), ==, 1);
  email = g_list_model_get_item (emails, 0);
  g_assert_cmpstr (lia_contact_point_get_value (email), ==, "amina.diallo@ksz.example");
  g_assert_cmpuint (g_list_model_get_n_items (lia_contact_get_phones (LIA_CONTACT (amina))), ==, 1);
  g_assert_cmpstr (lia_contact_get_given_name (LIA_CONTACT (emile)), ==, "Émile");

  g_assert_cmpint (lia_affiliation_get_contact_id (LIA_AFFILIATION (aff)), ==, lia_record_get_id (amina));
  g_assert_cmpint (lia_affiliation_get_organization_id (LIA_AFFILIATION (aff)), ==, lia_record_get_id (zurich));
  g_assert_true (lia_affiliation_get_primary (LIA_AFFILIATION (aff)));

  at = g_date_time_format (lia_interaction_get_at (LIA_INTERACTION (meeting)), "%FT%T%:z");
  g_assert_cmpstr (at, ==, "2024-03-12T10:00:00+01:00");
  g_assert_cmpstr (lia_interaction_get_title (LIA_INTERACTION (meeting)), ==, "Quarterly review in Zürich");
  ids = lia_interaction_get_contact_ids (LIA_INTERACTION (meeting));
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, lia_record_get_id (amina));
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, lia_record_get_id (emile));
  g_assert_cmpuint (lia_interaction_get_organization_ids (LIA_INTERACTION (meeting))->len, ==, 1);

  g_assert_cmpstr (lia_commitment_get_title (LIA_COMMITMENT (promise)), ==, "Send the vaccination figures");
  g_assert_cmpint (lia_commitment_get_direction (LIA_COMMITMENT (promise)), ==, LIA_COMMITMENT_DIRECTION_THEIRS);
  due = lia_date_to_iso (lia_commitment_get_due_date (LIA_COMMITMENT (promise)));
  g_assert_cmpstr (due, ==, "2024-04-30");
  g_assert_cmpint (lia_commitment_get_interaction_id (LIA_COMMITMENT (promise)), ==,
                   lia_record_get_id (meeting));

  {
    LiaStoreCounts counts = { 0, };
    g_assert_true (lia_store_get_counts (store, &counts, NULL));
    g_assert_cmpint (counts.organizations, ==, 2 + n_new_organizations);
    g_assert_cmpint (counts.contacts, ==, 2);
    g_assert_cmpint (counts.affiliations, ==, 1);
    g_assert_cmpint (counts.interactions, ==, 1);
    g_assert_cmpint (counts.commitments, ==, 1);
  }
}

static guint
count_hits (LiaStore      *store,
            const char    *text,
            LiaRecordKind  kind,
            const char    *uid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = lia_store_search (store, text, 10, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < results->len; i++)
    {
      LiaSearchResult *r = g_ptr_array_index (results, i);

      if (lia_search_result_get_kind (r) == kind && g_strcmp0 (lia_search_result_get_uid (r), uid) == 0)
        n++;
    }
  return n;
}

static void
assert_v1_searchable (LiaStore *store)
{
  /* Rows that were there before version 2 existed are in the index. */
  g_assert_cmpuint (count_hits (store, "zur", LIA_RECORD_KIND_ORGANIZATION, "org-zurich-hospital"), ==, 1);
  g_assert_cmpuint (count_hits (store, "geneve", LIA_RECORD_KIND_ORGANIZATION, "org-geneva-ministry"), ==, 1);
  g_assert_cmpuint (count_hits (store, "diallo", LIA_RECORD_KIND_CONTACT, "contact-amina-diallo"), ==, 1);
  g_assert_cmpuint (count_hits (store, "emile", LIA_RECORD_KIND_CONTACT, "contact-emile-favre"), ==, 1);
  g_assert_cmpuint (count_hits (store, "quarterly", LIA_RECORD_KIND_INTERACTION, "int-march-review"), ==, 1);
  g_assert_cmpuint (count_hits (store, "vaccination figures", LIA_RECORD_KIND_COMMITMENT, "com-send-figures"), ==, 1);
}

/* Version 20: writing a row checks its enums without a temporary table (SQLite opens one per
 * row for "column IN (…)" lists of more than two values): counted in the bytecode of an insert
 * into each table a save or an import writes, triggers included. The checks still refuse a
 * value outside the list and take one in it. */
static void
assert_enum_checks_without_tables (const char *path)
{
  static const char * const tables[] = {
    "organizations", "contacts", "contact_points", "contact_addresses", "contact_websites",
    "contact_ims", "interactions", "commitments", "concerns", "assessment_history", "change_log",
  };
  sqlite3 *db = lia_test_raw_open (path, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("EXPLAIN INSERT INTO %s DEFAULT VALUES", tables[i]);
      sqlite3_stmt *stmt = NULL;
      guint n_tables = 0;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        if (g_str_equal ((const char *) sqlite3_column_text (stmt, 1), "OpenEphemeral"))
          n_tables++;
      sqlite3_finalize (stmt);
      if (n_tables != 0)
        g_error ("an insert into %s opens %u temporary tables", tables[i], n_tables);
    }

  /* Tried in a transaction rolled back: the file keeps what it had. */
  g_assert_cmpint (sqlite3_exec (db, "BEGIN;"
                                     "INSERT INTO contacts (uid, label, sort_key, created_at,"
                                     " updated_at, preferred_channel, stance) VALUES ('enum-check',"
                                     " 'Enum Check', 'e', 0, 0, 'in-person', 'opposed')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE contacts SET preferred_channel = 'pigeon'"
                                     " WHERE uid = 'enum-check'", NULL, NULL, NULL) & 0xff,
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE contacts SET stance = 'Opposed'"
                                     " WHERE uid = 'enum-check'", NULL, NULL, NULL) & 0xff,
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE contacts SET preferred_channel = 'letter',"
                                     " stance = 'neutral' WHERE uid = 'enum-check'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
test_upgrade_v1 (StoreFixture  *f,
                 gconstpointer  data)
{
  f->store = lia_test_open (f->path);
  g_assert_cmpint (lia_store_get_schema_version (f->store), ==, LIA_STORE_SCHEMA_VERSION);
  g_assert_cmpint (LIA_STORE_SCHEMA_VERSION, ==, 20);
  assert_v1_records (f->store, 0);
  assert_v1_searchable (f->store);

  /* New records are indexed by the triggers the upgrade installed. */
  lia_test_add_organization (f->store, "Universitätsspital Basel", 0);
  {
    g_autoptr(GPtrArray) results = lia_store_search (f->store, "universitatsspital", 10, NULL);
    g_assert_nonnull (results);
    g_assert_cmpuint (results->len, ==, 1);
  }

  lia_test_close (f);
  g_assert_cmpint (lia_test_sql_int (f->path, "PRAGMA user_version"), ==, LIA_STORE_SCHEMA_VERSION);
  g_assert_cmpint (lia_test_sql_int (f->path,
                                     "SELECT count(*) FROM sqlite_schema WHERE name = 'organizations_fts'"),
                   ==, 1);
  assert_enum_checks_without_tables (f->path);
  /* Version 16: the interactions already there are counted on their days. */
  g_assert_cmpint (lia_test_sql_int (f->path, "SELECT sum(n) FROM interaction_days"), ==,
                   lia_test_sql_int (f->path, "SELECT count(*) FROM interactions"));
  g_assert_cmpint (lia_test_sql_int (f->path, "SELECT count(*) FROM interactions"), >, 0);
  /* Version 13: the rows already there start at row version 1. */
  g_assert_cmpint (lia_test_sql_int (f->path,
                                     "SELECT count(*) FROM contacts WHERE version = 1"), ==,
                   lia_test_sql_int (f->path, "SELECT count(*) FROM contacts"));
  /* Straight through version 2 to 3: the assessed records (the hospital, Amina) start their
   * assessment history; Émile and the ministry were never assessed. */
  g_assert_cmpint (lia_test_sql_int (f->path, "SELECT count(*) FROM assessment_history"), ==, 2);

  /* Again after a restart: nothing is migrated twice, nothing is indexed twice. */
  f->store = lia_test_open (f->path);
  g_assert_cmpint (lia_store_get_schema_version (f->store), ==, LIA_STORE_SCHEMA_VERSION);
  assert_v1_records (f->store, 1);
  assert_v1_searchable (f->store);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) problems = lia_store_check (f->store, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < problems->len; i++)
      g_printerr ("problem: %s\n", (const char *) g_ptr_array_index (problems, i));
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

static void
test_open_twice (StoreFixture  *f,
                 gconstpointer  data)
{
  g_autoptr(LiaStore) second = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  /* Two stores on one old file at the same time (the window and an import thread). */
  f->store = lia_test_open (f->path);
  second = lia_test_open (f->path);
  g_assert_cmpint (lia_store_get_schema_version (f->store), ==, LIA_STORE_SCHEMA_VERSION);
  g_assert_cmpint (lia_store_get_schema_version (second), ==, LIA_STORE_SCHEMA_VERSION);

  /* One writes, the other reads it. */
  id = lia_test_add_organization (f->store, "Written by the first", 0);
  {
    g_autoptr(LiaRecord) seen = lia_store_load (second, LIA_RECORD_KIND_ORGANIZATION, id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (lia_organization_get_name (LIA_ORGANIZATION (seen)), ==, "Written by the first");
  }
  assert_v1_records (second, 1);
  g_assert_cmpuint (count_hits (second, "zur", LIA_RECORD_KIND_ORGANIZATION, "org-zurich-hospital"), ==, 1);

  g_assert_finalize_object (G_OBJECT (g_steal_pointer (&second)));
  lia_test_close (f);
  g_assert_cmpint (lia_test_sql_int (f->path, "PRAGMA user_version"), ==, LIA_STORE_SCHEMA_VERSION);

  /* And again after both closed. */
  f->store = lia_test_open (f->path);
  second = lia_test_open (f->path);
  g_assert_cmpint (lia_store_get_schema_version (second), ==, LIA_STORE_SCHEMA_VERSION);
  g_assert_cmpint (lia_test_count (second, LIA_RECORD_KIND_ORGANIZATION), ==, 3);
  g_assert_finalize_object (G_OBJECT (g_steal_pointer (&second)));
  lia_test_close (f);
  g_assert_cmpint (lia_test_sql_int (f->path, "PRAGMA user_version"), ==, LIA_STORE_SCHEMA_VERSION);
}

/* A failed upgrade leaves the old version as it was: the migration is one transaction. */
static void
test_failed_upgrade (StoreFixture  *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaStore) store = NULL;

  /* A leftover table with the name the last FTS table of migration 2 needs makes it fail after
   * the first tables and triggers were created. */
  lia_test_sql (f->path, "CREATE TABLE concerns_fts (x TEXT);");

  store = lia_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_printerr ("refused as expected: %s\n", error->message);

  g_assert_cmpint (lia_test_sql_int (f->path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (lia_test_sql_int (f->path,
                                     "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'organizations_fts%'"),
                   ==, 0);
  g_assert_cmpint (lia_test_sql_int (f->path,
                                     "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"),
                   ==, 0);
  g_assert_cmpint (lia_test_sql_int (f->path, "SELECT count(*) FROM organizations"), ==, 2);
}

/* Runs tests/data/liaison-v2.sql on top of a version 1 database: a version 2 database as
 * Liaison 0.1 with search left it, with work done since. */
static void
v2_fixture_setup (StoreFixture  *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *script = NULL;
  const char *script_path = g_test_get_filename (G_TEST_DIST, "data", "liaison-v2.sql", NULL);
  sqlite3 *db;
  char *errmsg = NULL;

  v1_fixture_setup (f, data);

  g_file_get_contents (script_path, &script, NULL, &error);
  g_assert_no_error (error);
  db = lia_test_raw_open (f->path, FALSE);
  if (sqlite3_exec (db, script, NULL, NULL, &errmsg) != SQLITE_OK)
    g_error ("%s: %s", script_path, errmsg);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  g_assert_cmpint (lia_test_sql_int (f->path, "PRAGMA user_version"), ==, 2);
}

static GPtrArray *
history_of (LiaStore      *store,
            LiaRecordKind  kind,
            const char    *uid)
{
  g_autoptr(LiaRecord) record = load_uid_ok (store, kind, uid);
  g_autoptr(GError) error = NULL;
  GPtrArray *history = lia_store_list_assessment_history (store, kind, lia_record_get_id (record), &error);

  g_assert_no_error (error);
  g_assert_nonnull (history);
  return history;
}

static void
assert_state (GPtrArray  *history,
              guint       index,
              const char *changed_at,
              int         influence,
              int         interest,
              LiaStance   stance)
{
  LiaAssessmentState *state;

  g_assert_cmpuint (index, <, history->len);
  state = g_ptr_array_index (history, index);
  if (changed_at != NULL)
    {
      g_autoptr(GDateTime) expected = lia_test_at (changed_at);

      g_assert_true (g_date_time_equal (state->changed_at, expected));
    }
  g_assert_cmpint (state->influence, ==, influence);
  g_assert_cmpint (state->interest, ==, interest);
  g_assert_cmpint (state->stance, ==, stance);
}

static void
test_upgrade_v2 (StoreFixture  *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) zurich = NULL;
  g_autoptr(GPtrArray) geneva = NULL;
  g_autoptr(GPtrArray) amina = NULL;
  g_autoptr(GPtrArray) emile = NULL;

  f->store = lia_test_open (f->path);
  g_assert_cmpint (lia_store_get_schema_version (f->store), ==, LIA_STORE_SCHEMA_VERSION);

  /* Everything version 2 held is still there and still found. */
  assert_v1_records (f->store, 0);
  assert_v1_searchable (f->store);
  {
    g_autoptr(LiaRecord) ministry = load_uid_ok (f->store, LIA_RECORD_KIND_ORGANIZATION, "org-geneva-ministry");
    LiaAssessment *assessment = lia_organization_get_assessment (LIA_ORGANIZATION (ministry));

    g_assert_cmpint (lia_assessment_get_influence (assessment), ==, 5);
    g_assert_cmpint (lia_assessment_get_stance (assessment), ==, LIA_STANCE_CONCERNED);
  }

  /* Each assessed record's history starts with what it holds, as of its last update. */
  zurich = history_of (f->store, LIA_RECORD_KIND_ORGANIZATION, "org-zurich-hospital");
  g_assert_cmpuint (zurich->len, ==, 1);
  assert_state (zurich, 0, "2024-02-01T08:30:00Z", 4, 3, LIA_STANCE_SUPPORTIVE);
  geneva = history_of (f->store, LIA_RECORD_KIND_ORGANIZATION, "org-geneva-ministry");
  g_assert_cmpuint (geneva->len, ==, 1);
  assert_state (geneva, 0, "2024-06-01T08:00:00Z", 5, 4, LIA_STANCE_CONCERNED);
  amina = history_of (f->store, LIA_RECORD_KIND_CONTACT, "contact-amina-diallo");
  g_assert_cmpuint (amina->len, ==, 1);
  assert_state (amina, 0, "2024-07-01T08:00:00Z", 3, 4, LIA_STANCE_ADVOCATE);
  emile = history_of (f->store, LIA_RECORD_KIND_CONTACT, "contact-emile-favre");
  g_assert_cmpuint (emile->len, ==, 0);

  /* From now on every change of an assessment is kept, and nothing else adds to it. */
  {
    g_autoptr(LiaRecord) hospital = load_uid_ok (f->store, LIA_RECORD_KIND_ORGANIZATION, "org-zurich-hospital");
    LiaAssessment *assessment = lia_organization_get_assessment (LIA_ORGANIZATION (hospital));

    lia_organization_set_notes (LIA_ORGANIZATION (hospital), "Renamed the ward.");
    lia_test_save (f->store, hospital);
    lia_assessment_set_stance (assessment, LIA_STANCE_OPPOSED);
    lia_assessment_set_influence (assessment, 5);
    lia_test_save (f->store, hospital);

    g_clear_pointer (&zurich, g_ptr_array_unref);
    zurich = history_of (f->store, LIA_RECORD_KIND_ORGANIZATION, "org-zurich-hospital");
    g_assert_cmpuint (zurich->len, ==, 2);
    assert_state (zurich, 0, NULL, 4, 3, LIA_STANCE_SUPPORTIVE);
    assert_state (zurich, 1, NULL, 5, 3, LIA_STANCE_OPPOSED);
    g_assert_true (g_date_time_equal (((LiaAssessmentState *) g_ptr_array_index (zurich, 1))->changed_at,
                                      lia_record_get_updated_at (hospital)));
  }

  /* A new contact assessed from the start has a history of one. */
  {
    g_autoptr(LiaContact) contact = lia_contact_new ("Nadia", "Haddad");

    lia_assessment_set_stance (lia_contact_get_assessment (contact), LIA_STANCE_NEUTRAL);
    lia_test_save (f->store, contact);
    {
      g_autoptr(GPtrArray) history = lia_store_list_assessment_history (f->store, LIA_RECORD_KIND_CONTACT,
                                                                        lia_record_get_id (LIA_RECORD (contact)),
                                                                        NULL);
      g_assert_cmpuint (history->len, ==, 1);
      assert_state (history, 0, NULL, 0, 0, LIA_STANCE_NEUTRAL);
    }
  }

  /* History goes with its record. */
  {
    g_autoptr(LiaRecord) ministry = load_uid_ok (f->store, LIA_RECORD_KIND_ORGANIZATION, "org-geneva-ministry");
    g_autoptr(GError) error = NULL;

    g_assert_true (lia_store_delete (f->store, ministry, &error));
    g_assert_no_error (error);
  }

  lia_test_close (f);
  g_assert_cmpint (lia_test_sql_int (f->path, "PRAGMA user_version"), ==, LIA_STORE_SCHEMA_VERSION);
  /* Version 5: the upgraded file logs changes for other windows, the delete included, signed
   * by the local user. */
  g_assert_cmpint (lia_test_sql_int (f->path,
                                     "SELECT count(*) FROM change_log WHERE kind = 'organization'"
                                     "  AND record_id = 2 AND operation = 'delete'"
                                     "  AND author IS NOT NULL"),
                   ==, 1);
  g_assert_cmpint (lia_test_sql_int (f->path,
                                     "SELECT count(*) FROM change_log WHERE author IS NULL"),
                   ==, 0);
  g_assert_cmpint (lia_test_sql_int (f->path, "SELECT count(*) FROM assessment_history"), ==, 4);
  g_assert_cmpint (lia_test_sql_int (f->path,
                                     "SELECT count(*) FROM assessment_history WHERE organization_id = 2"),
                   ==, 0);

  /* Opening again migrates nothing twice, and the database passes its own check. */
  f->store = lia_test_open (f->path);
  g_assert_cmpint (lia_test_sql_int (f->path, "SELECT count(*) FROM assessment_history"), ==, 4);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) problems = lia_store_check (f->store, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < problems->len; i++)
      g_printerr ("problem: %s\n", (const char *) g_ptr_array_index (problems, i));
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

/* A failed upgrade from version 2 leaves version 2 as it was. */
static void
test_failed_upgrade_v2 (StoreFixture  *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaStore) store = NULL;

  /* A leftover index with the name migration 3 needs makes it fail after its table was made. */
  lia_test_sql (f->path, "CREATE INDEX assessment_history_by_contact ON contacts (label);");

  store = lia_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_printerr ("refused as expected: %s\n", error->message);

  g_assert_cmpint (lia_test_sql_int (f->path, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (lia_test_sql_int (f->path,
                                     "SELECT count(*) FROM sqlite_schema WHERE name = 'assessment_history'"),
                   ==, 0);
  g_assert_cmpint (lia_test_sql_int (f->path,
                                     "SELECT count(*) FROM sqlite_schema WHERE name LIKE '%_assessment_%'"),
                   ==, 0);
  g_assert_cmpint (lia_test_sql_int (f->path, "SELECT influence FROM contacts WHERE id = 1"), ==, 3);
  g_assert_cmpint (lia_test_sql_int (f->path, "SELECT count(*) FROM organizations"), ==, 2);
}

static void
test_fresh (StoreFixture  *f,
            gconstpointer  data)
{
  g_autofree char *journal = NULL;

  g_assert_cmpint (lia_store_get_schema_version (f->store), ==, LIA_STORE_SCHEMA_VERSION);
  g_assert_cmpstr (lia_store_get_path (f->store), ==, f->path);
  lia_test_close (f);
  g_assert_cmpint (lia_test_sql_int (f->path, "PRAGMA user_version"), ==, LIA_STORE_SCHEMA_VERSION);
  journal = lia_test_sql_text (f->path, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");
  assert_enum_checks_without_tables (f->path);

  lia_test_reopen (f);
  g_assert_cmpint (lia_store_get_schema_version (f->store), ==, LIA_STORE_SCHEMA_VERSION);
}

/* The ids of a list of contacts, in order, as "1 3 2". */
static char *
contact_order (LiaStore            *store,
               LiaContactSortOrder  order)
{
  g_autoptr(LiaListModel) model = lia_list_model_new_contacts (store, order);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(LiaRecord) contact = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_string_append_printf (text, text->len > 0 ? " %" G_GINT64_FORMAT : "%" G_GINT64_FORMAT,
                              lia_record_get_id (contact));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Version 6 gives the contacts already there their family- and given-name keys, without
 * their titles, and logs no change: only keys changed, nothing a window shows. */
static void
test_upgrade_sort_keys (StoreFixture  *f,
                        gconstpointer  data)
{
  g_autofree char *by_family = NULL;
  g_autofree char *by_given = NULL;

  /* 1 is Dr Amina Diallo, 2 Émile Favre; 3 sorted under P by its old key. */
  lia_test_sql (f->path,
                "INSERT INTO contacts (id, uid, honorific, given_name, family_name, label, sort_key,"
                " created_at, updated_at) VALUES (3, 'contact-zoe-aebi', 'Prof.', 'Zoé', 'Aebi',"
                " 'Prof. Zoé Aebi', 'prof. zoe aebi', 1705312800000000, 1705312800000000)");

  f->store = lia_test_open (f->path);
  by_family = contact_order (f->store, LIA_CONTACT_SORT_FAMILY_NAME);
  by_given = contact_order (f->store, LIA_CONTACT_SORT_GIVEN_NAME);
  g_assert_cmpstr (by_family, ==, "3 1 2");
  g_assert_cmpstr (by_given, ==, "1 2 3");
  lia_test_close (f);

  g_assert_cmpint (lia_test_sql_int (f->path, "SELECT count(*) FROM contacts"
                                              " WHERE family_sort_key = '' OR given_sort_key = ''"), ==, 0);
  g_assert_cmpint (lia_test_sql_int (f->path, "SELECT count(*) FROM change_log"), ==, 0);
  g_assert_cmpint (lia_test_sql_int (f->path, "SELECT count(*) FROM bulk_load"), ==, 0);
  /* The keys were made in this process's collation, and the database says which. */
  g_assert_cmpint (lia_test_sql_int (f->path, "SELECT count(*) FROM collation"), ==, 1);
  g_assert_cmpint (lia_test_sql_int (f->path, "SELECT count(*) FROM sqlite_schema WHERE name IN"
                                              " ('contacts_by_family_name', 'contacts_by_given_name')"), ==, 2);
}

/* Version 7: a commitment already done takes the day of its last change as the day it was
 * done (the best there is); an open one has none; the change log does not grow. */
static void
test_upgrade_done_date (StoreFixture  *f,
                        gconstpointer  data)
{
  g_autoptr(LiaRecord) done = NULL;
  g_autoptr(LiaRecord) open = NULL;
  g_autofree char *day = NULL;

  /* 2024-01-03 10:37 UTC: the same day in every time zone from UTC-10 to UTC+13. */
  lia_test_sql (f->path,
                "INSERT INTO commitments (id, uid, title, direction, status, created_at, updated_at)"
                " VALUES (101, 'k-done', 'Send the minutes', 'ours', 'done', 1704100000000000, 1704278220000000),"
                "        (102, 'k-open', 'Share the figures', 'theirs', 'open', 1704100000000000, 1704278220000000)");

  f->store = lia_test_open (f->path);
  done = lia_test_load (f->store, LIA_RECORD_KIND_COMMITMENT, 101);
  open = lia_test_load (f->store, LIA_RECORD_KIND_COMMITMENT, 102);
  g_assert_nonnull (lia_commitment_get_done_date (LIA_COMMITMENT (done)));
  day = lia_date_to_iso (lia_commitment_get_done_date (LIA_COMMITMENT (done)));
  g_assert_cmpstr (day, ==, "2024-01-03");
  g_assert_null (lia_commitment_get_done_date (LIA_COMMITMENT (open)));
  lia_test_close (f);

  g_assert_cmpint (lia_test_sql_int (f->path, "SELECT count(*) FROM change_log"), ==, 0);
  g_assert_cmpint (lia_test_sql_int (f->path, "SELECT count(*) FROM bulk_load"), ==, 0);
}

/* Version 9: the contact fields of a contact manager. A version 6 database keeps everything,
 * its contacts start with none of the new fields, and they can then be saved, found by
 * nickname and by city, and read back. */
static void
v6_fixture_setup (StoreFixture  *f,
                  gconstpointer  data)
{
  script_fixture_setup (f, "liaison-v6.sql", 6);
}

static void
test_upgrade_v6 (StoreFixture  *f,
                 gconstpointer  data)
{
  g_autoptr(LiaRecord) record = NULL;
  g_autoptr(LiaRecord) affiliation = NULL;
  g_autoptr(LiaPostalAddress) address = lia_postal_address_new (LIA_CONTACT_POINT_KIND_WORK);
  g_autoptr(GBytes) photo = g_bytes_new_static ("\x89PNG\r\n", 6);
  LiaContact *amina;

  f->store = lia_test_open (f->path);
  g_assert_cmpint (lia_store_get_schema_version (f->store), ==, LIA_STORE_SCHEMA_VERSION);
  assert_v1_records (f->store, 0);
  /* Version 8: the interactions there were not cancelled, and came from no invitation. */
  g_assert_cmpint (lia_test_sql_int (f->path, "SELECT count(*) FROM interactions"), >, 0);
  g_assert_cmpint (lia_test_sql_int (f->path, "SELECT count(*) FROM interactions"
                                              " WHERE cancelled != 0 OR sequence != 0"), ==, 0);
  assert_v1_searchable (f->store);

  record = load_uid_ok (f->store, LIA_RECORD_KIND_CONTACT, "contact-amina-diallo");
  amina = LIA_CONTACT (record);
  g_assert_cmpstr (lia_contact_get_nickname (amina), ==, "");
  g_assert_cmpstr (lia_contact_get_birthday (amina), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (lia_contact_get_addresses (amina)), ==, 0);
  g_assert_null (lia_contact_get_photo (amina));
  affiliation = load_uid_ok (f->store, LIA_RECORD_KIND_AFFILIATION, "aff-amina-ksz");
  g_assert_cmpstr (lia_affiliation_get_unit (LIA_AFFILIATION (affiliation)), ==, "");

  /* Nothing a window shows changed: the upgrade logs no change. */
  lia_test_close (f);
  g_assert_cmpint (lia_test_sql_int (f->path, "SELECT count(*) FROM change_log"), ==, 0);
  f->store = lia_test_open (f->path);

  lia_contact_set_nickname (amina, "Mina");
  lia_contact_set_birthday (amina, "--07-14");
  lia_postal_address_set_street (address, "Rämistrasse 100");
  lia_postal_address_set_locality (address, "Zürich");
  lia_contact_add_address (amina, address);
  lia_contact_set_photo (amina, photo, "image/png");
  lia_test_save (f->store, amina);
  lia_affiliation_set_unit (LIA_AFFILIATION (affiliation), "Infection Control");
  lia_test_save (f->store, affiliation);
  g_clear_object (&record);
  g_clear_object (&affiliation);

  lia_test_reopen (f);
  g_assert_cmpuint (count_hits (f->store, "mina", LIA_RECORD_KIND_CONTACT, "contact-amina-diallo"), ==, 1);
  g_assert_cmpuint (count_hits (f->store, "zurich", LIA_RECORD_KIND_CONTACT, "contact-amina-diallo"), ==, 1);
  g_assert_cmpuint (count_hits (f->store, "diallo", LIA_RECORD_KIND_CONTACT, "contact-amina-diallo"), ==, 1);
  record = load_uid_ok (f->store, LIA_RECORD_KIND_CONTACT, "contact-amina-diallo");
  amina = LIA_CONTACT (record);
  g_assert_cmpstr (lia_contact_get_birthday (amina), ==, "--07-14");
  g_assert_true (g_bytes_equal (lia_contact_get_photo (amina), photo));
  affiliation = load_uid_ok (f->store, LIA_RECORD_KIND_AFFILIATION, "aff-amina-ksz");
  g_assert_cmpstr (lia_affiliation_get_unit (LIA_AFFILIATION (affiliation)), ==, "Infection Control");

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) problems = lia_store_check (f->store, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < problems->len; i++)
      g_printerr ("problem: %s\n", (const char *) g_ptr_array_index (problems, i));
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

/* A file already at the latest version opens without the write lock: beside another
 * connection's long write (a re-keying for a new language, an import), the window's threads
 * open theirs for each count and search. Before, each open waited for the writer and failed
 * with "database is locked" once the writer held on past the wait. */
static void
test_open_beside_a_writer (StoreFixture  *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaStore) reader = NULL;
  LiaStoreCounts counts = { 0, };

  g_assert_true (lia_store_begin (f->store, &error));
  g_assert_no_error (error);
  reader = lia_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reader);
  g_assert_cmpint (lia_store_get_schema_version (reader), ==, LIA_STORE_SCHEMA_VERSION);
  g_assert_true (lia_store_get_counts (reader, &counts, &error));
  g_assert_no_error (error);
  g_assert_true (lia_store_commit (f->store, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/migrations/upgrade-v1", StoreFixture, NULL,
              v1_fixture_setup, test_upgrade_v1, store_fixture_teardown);
  g_test_add ("/store/migrations/open-twice", StoreFixture, NULL,
              v1_fixture_setup, test_open_twice, store_fixture_teardown);
  g_test_add ("/store/migrations/failed-upgrade", StoreFixture, NULL,
              v1_fixture_setup, test_failed_upgrade, store_fixture_teardown);
  g_test_add ("/store/migrations/upgrade-v2", StoreFixture, NULL,
              v2_fixture_setup, test_upgrade_v2, store_fixture_teardown);
  g_test_add ("/store/migrations/failed-upgrade-v2", StoreFixture, NULL,
              v2_fixture_setup, test_failed_upgrade_v2, store_fixture_teardown);
  g_test_add ("/store/migrations/upgrade-sort-keys", StoreFixture, NULL,
              v1_fixture_setup, test_upgrade_sort_keys, store_fixture_teardown);
  g_test_add ("/store/migrations/upgrade-done-date", StoreFixture, NULL,
              v1_fixture_setup, test_upgrade_done_date, store_fixture_teardown);
  g_test_add ("/store/migrations/upgrade-v6", StoreFixture, NULL,
              v6_fixture_setup, test_upgrade_v6, store_fixture_teardown);
  g_test_add ("/store/migrations/fresh", StoreFixture, NULL,
              store_fixture_setup, test_fresh, store_fixture_teardown);
  g_test_add ("/store/migrations/open-beside-a-writer", StoreFixture, NULL,
              store_fixture_setup, test_open_beside_a_writer, store_fixture_teardown);

  return g_test_run ();
}
