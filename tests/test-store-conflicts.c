/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Two connections on one database (two officers, or a window and the command line): each row
 * carries a version, and a save from a copy loaded before someone else's save changes nothing
 * and says who changed the record and when. */

#include "lia-test-pg.h"
#include "lia-store-undo.h"

typedef struct
{
  StoreFixture  base;
  LiaStore     *other;     /* a second connection on the same database */
} ConflictFixture;

static void
conflict_setup (ConflictFixture *f,
                gconstpointer    data)
{
  lia_test_pg_template_fixture_setup (&f->base, data);
  f->other = lia_test_open (f->base.path);
}

static void
conflict_teardown (ConflictFixture *f,
                   gconstpointer    data)
{
  g_assert_finalize_object (G_OBJECT (g_steal_pointer (&f->other)));
  lia_test_pg_fixture_teardown (&f->base, data);
}

/* Who the store says changed a record: the person logged in on a file, the database user on a
 * server. */
static char *
dup_author (ConflictFixture *f)
{
  if (pg_cluster == NULL)
    return g_strdup (g_get_user_name ());
  return lia_test_pg_sql_text (&f->base, "SELECT current_user");
}

static void
test_stale_contact_refused (ConflictFixture *f,
                            gconstpointer    data)
{
  g_autoptr(LiaRecord) mine = NULL;
  g_autoptr(LiaRecord) theirs = NULL;
  g_autoptr(LiaRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *changed_by = NULL;
  g_autofree char *author = NULL;
  gint64 id = lia_test_add_contact (f->base.store, "Amina", "Diallo");

  mine = lia_test_load (f->base.store, LIA_RECORD_KIND_CONTACT, id);
  theirs = lia_test_load (f->other, LIA_RECORD_KIND_CONTACT, id);
  g_assert_cmpint (lia_record_get_version (mine), ==, 1);
  g_assert_cmpint (lia_record_get_version (theirs), ==, 1);

  /* The other officer saves first: a new job title and a tag (a child row). */
  lia_contact_set_job_title (LIA_CONTACT (theirs), "Director of Health");
  lia_contact_set_tags (LIA_CONTACT (theirs), (const char * const[]) { "ministry", NULL });
  lia_test_save (f->other, theirs);
  g_assert_cmpint (lia_record_get_version (theirs), ==, 2);

  /* Then this one saves from the copy loaded before: refused, nothing written. */
  lia_contact_set_notes (LIA_CONTACT (mine), "Met at the donor round table");
  lia_contact_set_tags (LIA_CONTACT (mine), (const char * const[]) { "donor", NULL });
  g_assert_false (lia_store_save (f->base.store, mine, &error));
  g_assert_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_CONFLICT);
  author = dup_author (f);
  changed_by = g_strdup_printf ("changed by %s at ", author);
  g_assert_nonnull (strstr (error->message, changed_by));
  g_assert_nonnull (strstr (error->message, "Amina Diallo"));
  /* The refused copy keeps what was typed and the version it was loaded with. */
  g_assert_cmpint (lia_record_get_version (mine), ==, 1);
  g_assert_cmpstr (lia_contact_get_notes (LIA_CONTACT (mine)), ==, "Met at the donor round table");

  stored = lia_test_load (f->base.store, LIA_RECORD_KIND_CONTACT, id);
  g_assert_cmpstr (lia_contact_get_job_title (LIA_CONTACT (stored)), ==, "Director of Health");
  g_assert_cmpstr (lia_contact_get_notes (LIA_CONTACT (stored)), ==, "");
  g_assert_cmpstrv (lia_contact_get_tags (LIA_CONTACT (stored)), ((const char * const[]) { "ministry", NULL }));
  g_assert_cmpint (lia_record_get_version (stored), ==, 2);
  g_assert_cmpint (lia_test_pg_sql_int (&f->base,
                                     "SELECT count(*) FROM contact_tags WHERE tag = 'donor'"), ==, 0);
}

/* Keep mine: the copy takes the stored version and saves over the other officer's edit. */
static void
test_save_over_with_new_version (ConflictFixture *f,
                                 gconstpointer    data)
{
  g_autoptr(LiaRecord) mine = NULL;
  g_autoptr(LiaRecord) theirs = NULL;
  g_autoptr(LiaRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = lia_test_add_organization (f->base.store, "Ministry of Health", 0);

  mine = lia_test_load (f->base.store, LIA_RECORD_KIND_ORGANIZATION, id);
  theirs = lia_test_load (f->other, LIA_RECORD_KIND_ORGANIZATION, id);
  lia_organization_set_sector (LIA_ORGANIZATION (theirs), "Health");
  lia_test_save (f->other, theirs);

  lia_organization_set_sector (LIA_ORGANIZATION (mine), "Public health");
  g_assert_false (lia_store_save (f->base.store, mine, &error));
  g_assert_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_CONFLICT);

  stored = lia_test_load (f->base.store, LIA_RECORD_KIND_ORGANIZATION, id);
  lia_record_set_version (mine, lia_record_get_version (stored));
  lia_test_save (f->base.store, mine);
  g_assert_cmpint (lia_record_get_version (mine), ==, 3);

  /* Now the other officer's copy is the stale one. */
  g_clear_error (&error);
  lia_organization_set_sector (LIA_ORGANIZATION (theirs), "Health again");
  g_assert_false (lia_store_save (f->other, theirs, &error));
  g_assert_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_CONFLICT);

  g_clear_object (&stored);
  stored = lia_test_load (f->other, LIA_RECORD_KIND_ORGANIZATION, id);
  g_assert_cmpstr (lia_organization_get_sector (LIA_ORGANIZATION (stored)), ==, "Public health");
  /* Saving the same object twice needs no reload: each save moves its version on. */
  lia_organization_set_sector (LIA_ORGANIZATION (mine), "Health policy");
  lia_test_save (f->base.store, mine);
  g_assert_cmpint (lia_test_pg_sql_int (&f->base, "SELECT version FROM organizations"), ==, 4);
}

/* An interaction and its participants are one save: a refused one keeps the other's list. */
static void
test_stale_interaction_keeps_participants (ConflictFixture *f,
                                           gconstpointer    data)
{
  g_autoptr(LiaRecord) mine = NULL;
  g_autoptr(LiaRecord) theirs = NULL;
  g_autoptr(LiaRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 amina = lia_test_add_contact (f->base.store, "Amina", "Diallo");
  gint64 jonas = lia_test_add_contact (f->base.store, "Jonas", "Berg");
  gint64 id = lia_test_add_interaction (f->base.store, LIA_INTERACTION_KIND_MEETING,
                                        "2026-03-02T09:00:00+01:00", "Budget review", amina, 0);
  const GArray *contacts;

  mine = lia_test_load (f->base.store, LIA_RECORD_KIND_INTERACTION, id);
  theirs = lia_test_load (f->other, LIA_RECORD_KIND_INTERACTION, id);
  lia_interaction_add_contact (LIA_INTERACTION (theirs), jonas);
  lia_test_save (f->other, theirs);

  lia_interaction_remove_contact (LIA_INTERACTION (mine), amina);
  lia_interaction_set_title (LIA_INTERACTION (mine), "Budget");
  g_assert_false (lia_store_save (f->base.store, mine, &error));
  g_assert_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_CONFLICT);

  stored = lia_test_load (f->base.store, LIA_RECORD_KIND_INTERACTION, id);
  g_assert_cmpstr (lia_interaction_get_title (LIA_INTERACTION (stored)), ==, "Budget review");
  contacts = lia_interaction_get_contact_ids (LIA_INTERACTION (stored));
  g_assert_cmpuint (contacts->len, ==, 2);
  g_assert_cmpint (g_array_index (contacts, gint64, 0), ==, amina);
  g_assert_cmpint (g_array_index (contacts, gint64, 1), ==, jonas);
}

/* A record that never came from the store (an import's, matched by uid) has no version to
 * check, and a deleted record cannot be saved over from a stale copy. */
static void
test_unversioned_and_deleted (ConflictFixture *f,
                              gconstpointer    data)
{
  g_autoptr(LiaOrganization) incoming = lia_organization_new ("Ministry of Health (MoH)");
  g_autoptr(LiaRecord) theirs = NULL;
  g_autoptr(LiaRecord) mine = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = lia_test_add_organization (f->base.store, "Ministry of Health", 0);

  theirs = lia_test_load (f->other, LIA_RECORD_KIND_ORGANIZATION, id);
  lia_test_save (f->other, theirs);

  lia_record_set_id (LIA_RECORD (incoming), id);
  g_assert_cmpint (lia_record_get_version (LIA_RECORD (incoming)), ==, 0);
  lia_test_save (f->base.store, incoming);
  g_assert_cmpint (lia_record_get_version (LIA_RECORD (incoming)), ==, 3);

  mine = lia_test_load (f->base.store, LIA_RECORD_KIND_ORGANIZATION, id);
  g_assert_true (lia_store_delete (f->other, theirs, NULL));
  lia_organization_set_sector (LIA_ORGANIZATION (mine), "Health");
  g_assert_false (lia_store_save (f->base.store, mine, &error));
  g_assert_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (lia_test_pg_sql_int (&f->base, "SELECT count(*) FROM organizations"), ==, 0);
}

/* Undo puts a deleted record back; its dependents saved again are not refused as stale. */
static void
test_undo_keeps_working (ConflictFixture *f,
                         gconstpointer    data)
{
  g_autoptr(LiaRecord) org = NULL;
  g_autoptr(LiaRecord) restored = NULL;
  g_autoptr(LiaRecord) again = NULL;
  g_autoptr(LiaDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;
  gint64 org_id = lia_test_add_organization (f->base.store, "Ministry of Health", 0);
  gint64 amina = lia_test_add_contact (f->base.store, "Amina", "Diallo");
  gint64 meeting = lia_test_add_interaction (f->base.store, LIA_INTERACTION_KIND_MEETING,
                                             "2026-03-02T09:00:00+01:00", "Budget review",
                                             amina, org_id);

  org = lia_test_load (f->base.store, LIA_RECORD_KIND_ORGANIZATION, org_id);
  deletion = lia_store_delete_with_undo (f->base.store, org, &error);
  g_assert_no_error (error);
  restored = lia_store_undo_deletion (f->base.store, deletion, &error);
  g_assert_no_error (error);
  g_assert_nonnull (restored);

  again = lia_test_load (f->base.store, LIA_RECORD_KIND_INTERACTION, meeting);
  g_assert_cmpuint (lia_interaction_get_organization_ids (LIA_INTERACTION (again))->len, ==, 1);
  lia_organization_set_sector (LIA_ORGANIZATION (restored), "Health");
  lia_test_save (f->base.store, restored);
  g_assert_cmpint (lia_test_pg_sql_int (&f->base,
                                     "SELECT count(*) FROM organizations WHERE sector = 'Health'"), ==, 1);
}

/* Each save keeps which values changed, from what to what, by whom; the assessment (an object
 * of its own) and lists of objects (emails) too. A refused save keeps nothing. */
static void
test_field_history (ConflictFixture *f,
                    gconstpointer    data)
{
  g_autoptr(LiaRecord) mine = NULL;
  g_autoptr(LiaRecord) stale = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *author = dup_author (f);
  gint64 id = lia_test_add_contact (f->base.store, "Amina", "Diallo");
  const LiaFieldChange *change;

  mine = lia_test_load (f->base.store, LIA_RECORD_KIND_CONTACT, id);
  stale = lia_test_load (f->other, LIA_RECORD_KIND_CONTACT, id);
  lia_contact_set_job_title (LIA_CONTACT (mine), "Director");
  lia_contact_set_tags (LIA_CONTACT (mine), (const char * const[]) { "donor", "health", NULL });
  lia_assessment_set_influence (lia_contact_get_assessment (LIA_CONTACT (mine)), 4);
  lia_test_save (f->base.store, mine);
  lia_contact_set_job_title (LIA_CONTACT (mine), "Director General");
  lia_contact_add_email (LIA_CONTACT (mine), LIA_CONTACT_POINT_KIND_WORK, "amina@example.org");
  lia_test_save (f->base.store, mine);

  lia_contact_set_notes (LIA_CONTACT (stale), "never kept");
  g_assert_false (lia_store_save (f->other, stale, &error));
  g_assert_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  history = lia_store_list_field_history (f->base.store, LIA_RECORD_KIND_CONTACT, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 5);
  change = history->pdata[0];
  g_assert_cmpstr (change->field, ==, "job-title");
  g_assert_null (change->old_value);
  g_assert_cmpstr (change->new_value, ==, "Director");
  g_assert_cmpstr (change->author, ==, author);
  g_assert_nonnull (change->changed_at);
  change = history->pdata[1];
  g_assert_cmpstr (change->field, ==, "tags");
  g_assert_cmpstr (change->new_value, ==, "donor, health");
  change = history->pdata[2];
  g_assert_cmpstr (change->field, ==, "assessment.influence");
  g_assert_cmpstr (change->new_value, ==, "4");
  change = history->pdata[3];
  g_assert_cmpstr (change->field, ==, "job-title");
  g_assert_cmpstr (change->old_value, ==, "Director");
  g_assert_cmpstr (change->new_value, ==, "Director General");
  change = history->pdata[4];
  g_assert_cmpstr (change->field, ==, "emails");
  g_assert_null (change->old_value);
  g_assert_cmpstr (change->new_value, ==, "work amina@example.org");
}

/* A window reads the history a page of saves at a time, newest first, each save's values
 * together; who created the record comes from the change log. */
static void
test_recent_field_history (ConflictFixture *f,
                           gconstpointer    data)
{
  g_autoptr(LiaRecord) record = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;
  g_autofree char *expected_author = dup_author (f);
  g_autoptr(GDateTime) created = NULL;
  gint64 id = lia_test_add_organization (f->base.store, "Ministry of Health", 0);
  const char * const sectors[] = { "Health", "Public health", "Government" };

  record = lia_test_load (f->base.store, LIA_RECORD_KIND_ORGANIZATION, id);
  for (guint i = 0; i < G_N_ELEMENTS (sectors); i++)
    {
      lia_organization_set_sector (LIA_ORGANIZATION (record), sectors[i]);
      /* The last save changes two values: one save, two rows. */
      if (i == G_N_ELEMENTS (sectors) - 1)
        lia_organization_set_phone (LIA_ORGANIZATION (record), "+41 22 791 21 11");
      lia_test_save (f->base.store, record);
    }

  first = lia_store_list_recent_field_history (f->base.store, LIA_RECORD_KIND_ORGANIZATION, id, 0, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, 3);
  g_assert_cmpstr (((LiaFieldChange *) first->pdata[0])->new_value, ==, "Government");
  g_assert_cmpstr (((LiaFieldChange *) first->pdata[1])->field, ==, "phone");
  g_assert_true (g_date_time_equal (((LiaFieldChange *) first->pdata[0])->changed_at,
                                    ((LiaFieldChange *) first->pdata[1])->changed_at));
  g_assert_cmpstr (((LiaFieldChange *) first->pdata[2])->new_value, ==, "Public health");

  second = lia_store_list_recent_field_history (f->base.store, LIA_RECORD_KIND_ORGANIZATION, id, 2, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->len, ==, 1);
  g_assert_null (((LiaFieldChange *) second->pdata[0])->old_value);
  g_assert_cmpstr (((LiaFieldChange *) second->pdata[0])->new_value, ==, "Health");

  g_assert_true (lia_store_get_record_creation (f->base.store, LIA_RECORD_KIND_ORGANIZATION, id,
                                                &author, &created, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (author, ==, expected_author);
  g_assert_nonnull (created);
}

int
main (int   argc,
      char *argv[])
{
  int skip = 0;

  if (!lia_test_pg_init (&argc, &argv, &skip))
    return skip;

#define ADD(path, fn) g_test_add (path, ConflictFixture, NULL, conflict_setup, fn, conflict_teardown)
  ADD ("/store-conflicts/stale-contact-refused", test_stale_contact_refused);
  ADD ("/store-conflicts/save-over-with-new-version", test_save_over_with_new_version);
  ADD ("/store-conflicts/stale-interaction-keeps-participants", test_stale_interaction_keeps_participants);
  ADD ("/store-conflicts/unversioned-and-deleted", test_unversioned_and_deleted);
  ADD ("/store-conflicts/undo-keeps-working", test_undo_keeps_working);
  ADD ("/store-conflicts/field-history", test_field_history);
  ADD ("/store-conflicts/recent-field-history", test_recent_field_history);
#undef ADD

  return g_test_run ();
}
