/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lia-db.h"
#include "lia-importer.h"
#include "lia-store-bulk.h"
#include "lia-store-private.h"
#include "lia-test-pg.h"

/* An import into a server sends its inserts in libpq's pipeline mode, with ids taken from the
 * tables' sequences beforehand (lia-db-pg.c's bulk mode): a failure then shows at a later call
 * than the save that caused it. What a person notices stays: the whole import or nothing, the
 * failed record named, the ids as a one-by-one import gives them. Server only. */

static gint64
count_rows (StoreFixture *f,
            const char   *query)
{
  g_autofree char *text = lia_test_pg_sql_text (f, query);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : -1;
}

static void
begin_import (LiaStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_store_begin (store, &error));
  g_assert_no_error (error);
  g_assert_true (lia_store_set_import_mode (store, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (lia_store_begin_bulk_load (store, &error));
  g_assert_no_error (error);
}

static LiaOrganization *
numbered_organization (guint n)
{
  g_autofree char *name = g_strdup_printf ("Agency %u", n);
  g_autofree char *uid = g_strdup_printf ("org-%u", n);
  LiaOrganization *organization = lia_organization_new (name);

  lia_record_set_uid (LIA_RECORD (organization), uid);
  return organization;
}

/* The records come back whole, and their ids are those a one-by-one import gives: 1, 2, …
 * with nothing skipped, and the next ordinary save takes the next one. */
static void
test_ids_and_lists (StoreFixture  *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) organizations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(LiaOrganization) after = lia_organization_new ("Registry Office");
  g_autoptr(LiaRecord) loaded = NULL;
  g_autoptr(GDateTime) at = g_date_time_new_utc (2026, 3, 2, 9, 30, 0);
  gint64 interaction_id = 0;

  begin_import (f->store);
  for (guint i = 1; i <= 300; i++)
    {
      LiaOrganization *organization = numbered_organization (i);
      g_autoptr(LiaInteraction) meeting = NULL;
      g_autofree char *title = g_strdup_printf ("Meeting %u", i);

      lia_test_save (f->store, organization);
      g_assert_cmpint (lia_record_get_id (LIA_RECORD (organization)), ==, i);
      g_ptr_array_add (organizations, organization);

      meeting = lia_interaction_new (LIA_INTERACTION_KIND_MEETING, at, title);
      lia_interaction_add_organization (meeting, lia_record_get_id (LIA_RECORD (organization)));
      if (i > 1)
        lia_interaction_add_organization (meeting, i - 1);
      lia_test_save (f->store, meeting);
      g_assert_cmpint (lia_record_get_id (LIA_RECORD (meeting)), ==, i);
      if (i == 150)
        interaction_id = lia_record_get_id (LIA_RECORD (meeting));
    }
  g_assert_true (lia_store_end_bulk_load (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (lia_store_commit (f->store, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM organizations"), ==, 300);
  g_assert_cmpint (count_rows (f, "SELECT max(id) FROM organizations"), ==, 300);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM interaction_organizations"), ==, 599);
  g_assert_cmpint (count_rows (f, "SELECT id FROM organizations WHERE uid = 'org-150'"), ==, 150);

  loaded = lia_store_load (f->store, LIA_RECORD_KIND_INTERACTION, interaction_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lia_interaction_get_title (LIA_INTERACTION (loaded)), ==, "Meeting 150");
  {
    const GArray *ids = lia_interaction_get_organization_ids (LIA_INTERACTION (loaded));

    g_assert_cmpuint (ids->len, ==, 2);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, 150);
    g_assert_cmpint (g_array_index (ids, gint64, 1), ==, 149);
  }

  /* The ids taken for the load and not used went back. */
  lia_test_save (f->store, after);
  g_assert_cmpint (lia_record_get_id (LIA_RECORD (after)), ==, 301);
}

/* A duplicate id in record 4,000 of 5,000 is found by the server after the importer has gone
 * on: the import fails as a whole, the error names that record (not the one being saved when
 * it was found), and the server is as before. */
static void
test_failure_in_the_middle (StoreFixture  *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaOrganization) before = lia_organization_new ("Standing Committee");
  g_autofree char *log_before = NULL;
  g_autofree char *log_after = NULL;
  guint failed_at = 0;

  lia_test_save (f->store, before);
  log_before = lia_test_pg_sql_text (f, "SELECT coalesce (max (seq), 0) FROM change_log");

  begin_import (f->store);
  for (guint i = 1; i <= 5000 && failed_at == 0; i++)
    {
      g_autoptr(LiaOrganization) organization = numbered_organization (i);

      if (i == 4000)
        lia_record_set_uid (LIA_RECORD (organization), "org-17");
      if (!lia_store_save (f->store, LIA_RECORD (organization), &error))
        failed_at = i;
    }
  if (failed_at == 0)
    {
      g_assert_false (lia_store_end_bulk_load (f->store, &error) &&
                      lia_store_commit (f->store, &error));
    }
  else
    {
      /* Found later than the save that caused it, by the first call that waited. */
      g_assert_cmpuint (failed_at, >=, 4000);
    }
  g_assert_nonnull (error);
  g_test_message ("failed at record %u: %s", failed_at, error->message);
  g_assert_nonnull (strstr (error->message, "Agency 4000"));
  g_assert_nonnull (strstr (error->message, "org-17"));
  /* Found later: not "another organization already has the id" of the record saved then. */
  if (failed_at != 4000)
    g_assert_false (g_error_matches (error, LIA_STORE_ERROR, LIA_STORE_ERROR_DUPLICATE));
  if (lia_store_in_transaction (f->store))
    lia_store_rollback (f->store);

  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM organizations"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM bulk_load"), ==, 0);
  log_after = lia_test_pg_sql_text (f, "SELECT coalesce (max (seq), 0) FROM change_log");
  g_assert_cmpstr (log_after, ==, log_before);

  /* The store goes on: the next import lands whole. */
  g_clear_error (&error);
  begin_import (f->store);
  for (guint i = 1; i <= 50; i++)
    {
      g_autoptr(LiaOrganization) organization = numbered_organization (i);

      lia_test_save (f->store, organization);
    }
  g_assert_true (lia_store_end_bulk_load (f->store, &error) && lia_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM organizations"), ==, 51);
}

/* The connection is lost with inserts sent and unanswered: the import fails, and the server
 * has none of it. */
static void
test_connection_lost (StoreFixture  *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaOrganization) before = lia_organization_new ("Standing Committee");
  g_autoptr(LiaStore) reopened = NULL;
  g_autoptr(PGconn) admin = NULL;
  g_autofree char *terminate = NULL;
  PGresult *result;
  gboolean ok = TRUE;

  lia_test_save (f->store, before);
  admin = lia_server_connect (f->path, &error);
  g_assert_no_error (error);

  begin_import (f->store);
  for (guint i = 1; i <= 500; i++)
    {
      g_autoptr(LiaOrganization) organization = numbered_organization (i);

      lia_test_save (f->store, organization);
    }
  terminate = g_strdup_printf ("SELECT pg_terminate_backend (%d)",
                               PQbackendPID (_lia_db_pg_get_connection (_lia_store_get_db (f->store))));
  result = PQexec (admin, terminate);
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  PQclear (result);

  for (guint i = 501; i <= 3000 && ok; i++)
    {
      g_autoptr(LiaOrganization) organization = numbered_organization (i);

      ok = lia_store_save (f->store, LIA_RECORD (organization), &error);
    }
  if (ok)
    ok = lia_store_end_bulk_load (f->store, &error) && lia_store_commit (f->store, &error);
  g_assert_false (ok);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  /* A connection error, not one record's. */
  g_assert_null (strstr (error->message, "Agency"));
  if (lia_store_in_transaction (f->store))
    {
      /* As for any connection lost in a transaction (lia_store_rollback()). */
      g_test_expect_message ("lia-store", G_LOG_LEVEL_WARNING, "Could not roll back*");
      lia_store_rollback (f->store);
      g_test_assert_expected_messages ();
    }
  g_assert_finalize_object (G_OBJECT (g_steal_pointer (&f->store)));

  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM organizations"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM bulk_load"), ==, 0);
  g_clear_error (&error);
  reopened = lia_store_open (f->path, &error);
  g_assert_no_error (error);
  {
    LiaStoreCounts counts = { 0, };

    g_assert_true (lia_store_get_counts (reopened, &counts, &error));
    g_assert_no_error (error);
    g_assert_cmpint (counts.organizations, ==, 1);
  }
}

/* Through the importer: the server refuses interaction 200 of the sample's 300 (a trigger of
 * the test's), after the importer has gone on. The import fails, names that interaction, and
 * leaves nothing behind. */
static void
test_importer_failure (StoreFixture  *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                  "regional-health-office.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LiaImporter) importer = lia_importer_new (file);
  g_autoptr(LiaImporter) again = lia_importer_new (file);
  LiaStoreCounts counts = { 0, };

  lia_test_pg_sql (f,
                   "CREATE FUNCTION lia_test_refuse () RETURNS trigger LANGUAGE plpgsql AS $$"
                   " BEGIN IF NEW.uid = 'i-0200' THEN"
                   "   RAISE EXCEPTION 'refused by the test''s trigger';"
                   " END IF; RETURN NEW; END $$;"
                   "CREATE TRIGGER lia_test_refuse BEFORE INSERT ON interactions"
                   "  FOR EACH ROW EXECUTE FUNCTION lia_test_refuse ()");

  g_assert_false (lia_importer_run (importer, f->store, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "Quarterly financial report from MSdS"));
  g_assert_nonnull (strstr (error->message, "i-0200"));
  g_assert_nonnull (strstr (error->message, "refused by the test's trigger"));
  g_assert_false (lia_store_in_transaction (f->store));
  g_clear_error (&error);

  g_assert_true (lia_store_get_counts (f->store, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (counts.organizations, ==, 0);
  g_assert_cmpint (counts.contacts, ==, 0);
  g_assert_cmpint (counts.interactions, ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM change_log"), ==, 0);

  /* Without the trigger the same file lands whole. */
  lia_test_pg_sql (f, "DROP TRIGGER lia_test_refuse ON interactions");
  g_assert_true (lia_importer_run (again, f->store, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (lia_store_get_counts (f->store, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (counts.interactions, ==, 300);
}

int
main (int   argc,
      char *argv[])
{
  int skip = 0;

  if (!lia_test_pg_init (&argc, &argv, &skip))
    return skip;
  if (pg_cluster == NULL)
    {
      g_print ("1..0 # SKIP server only: run with --postgresql\n");
      return 0;
    }

  g_test_add ("/import-pipeline-pg/ids-and-lists", StoreFixture, NULL,
              lia_test_pg_fixture_setup, test_ids_and_lists, lia_test_pg_fixture_teardown);
  g_test_add ("/import-pipeline-pg/failure-in-the-middle", StoreFixture, NULL,
              lia_test_pg_fixture_setup, test_failure_in_the_middle, lia_test_pg_fixture_teardown);
  g_test_add ("/import-pipeline-pg/importer-failure", StoreFixture, NULL,
              lia_test_pg_fixture_setup, test_importer_failure, lia_test_pg_fixture_teardown);
  g_test_add ("/import-pipeline-pg/connection-lost", StoreFixture, NULL,
              lia_test_pg_fixture_setup, test_connection_lost, lia_test_pg_fixture_teardown);

  return g_test_run ();
}
