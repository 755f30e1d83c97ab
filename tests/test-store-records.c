/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Every kind of record survives a restart field by field; updates and deletes stick; the
 * "changed" signal tells the views exactly once, and only for what was committed; the file is
 * private to its owner. */

#include "lia-test-pg.h"

/* ------------------------------------------------------------------------------------------ */
/* Comparison helpers                                                                          */

static void
assert_strv_equal (const char * const *a,
                   const char * const *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpuint (g_strv_length ((char **) a), ==, g_strv_length ((char **) b));
  for (guint i = 0; a[i] != NULL; i++)
    g_assert_cmpstr (a[i], ==, b[i]);
}

static void
assert_dates_equal (const GDate *a,
                    const GDate *b)
{
  g_autofree char *sa = lia_date_to_iso (a);
  g_autofree char *sb = lia_date_to_iso (b);

  g_assert_cmpstr (sa, ==, sb);
}

static void
assert_ids_equal (const GArray *a,
                  const GArray *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpint (g_array_index (a, gint64, i), ==, g_array_index (b, gint64, i));
}

static void
assert_assessment_equal (LiaAssessment *a,
                         LiaAssessment *b)
{
  g_assert_cmpint (lia_assessment_get_influence (a), ==, lia_assessment_get_influence (b));
  g_assert_cmpint (lia_assessment_get_interest (a), ==, lia_assessment_get_interest (b));
  g_assert_cmpint (lia_assessment_get_stance (a), ==, lia_assessment_get_stance (b));
}

static void
assert_points_equal (GListModel *a,
                     GListModel *b)
{
  guint n = g_list_model_get_n_items (a);

  g_assert_cmpuint (n, ==, g_list_model_get_n_items (b));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaContactPoint) pa = g_list_model_get_item (a, i);
      g_autoptr(LiaContactPoint) pb = g_list_model_get_item (b, i);

      g_assert_cmpint (lia_contact_point_get_kind (pa), ==, lia_contact_point_get_kind (pb));
      g_assert_cmpstr (lia_contact_point_get_value (pa), ==, lia_contact_point_get_value (pb));
    }
}

static void
assert_common_equal (LiaRecord *a,
                     LiaRecord *b)
{
  g_assert_true (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));
  g_assert_cmpint (lia_record_get_kind (a), ==, lia_record_get_kind (b));
  g_assert_cmpint (lia_record_get_id (a), ==, lia_record_get_id (b));
  g_assert_cmpstr (lia_record_get_uid (a), ==, lia_record_get_uid (b));
  g_assert_nonnull (lia_record_get_created_at (a));
  g_assert_nonnull (lia_record_get_created_at (b));
  g_assert_cmpint (g_date_time_to_unix (lia_record_get_created_at (a)), ==,
                   g_date_time_to_unix (lia_record_get_created_at (b)));
  g_assert_cmpint (g_date_time_to_unix (lia_record_get_updated_at (a)), ==,
                   g_date_time_to_unix (lia_record_get_updated_at (b)));
  g_assert_cmpstr (lia_record_get_label (a), ==, lia_record_get_label (b));
}

static void
assert_organizations_equal (LiaRecord *ra,
                            LiaRecord *rb)
{
  LiaOrganization *a = LIA_ORGANIZATION (ra), *b = LIA_ORGANIZATION (rb);

  assert_common_equal (ra, rb);
  g_assert_cmpstr (lia_organization_get_name (a), ==, lia_organization_get_name (b));
  g_assert_cmpstr (lia_organization_get_short_name (a), ==, lia_organization_get_short_name (b));
  g_assert_cmpstr (lia_organization_get_sector (a), ==, lia_organization_get_sector (b));
  g_assert_cmpint (lia_organization_get_parent_id (a), ==, lia_organization_get_parent_id (b));
  g_assert_cmpstr (lia_organization_get_country (a), ==, lia_organization_get_country (b));
  g_assert_cmpstr (lia_organization_get_street (a), ==, lia_organization_get_street (b));
  g_assert_cmpstr (lia_organization_get_locality (a), ==, lia_organization_get_locality (b));
  g_assert_cmpstr (lia_organization_get_region (a), ==, lia_organization_get_region (b));
  g_assert_cmpstr (lia_organization_get_postal_code (a), ==, lia_organization_get_postal_code (b));
  g_assert_cmpstr (lia_organization_get_address_country (a), ==,
                   lia_organization_get_address_country (b));
  g_assert_cmpstr (lia_organization_get_website (a), ==, lia_organization_get_website (b));
  g_assert_cmpstr (lia_organization_get_email (a), ==, lia_organization_get_email (b));
  g_assert_cmpstr (lia_organization_get_phone (a), ==, lia_organization_get_phone (b));
  g_assert_cmpstr (lia_organization_get_notes (a), ==, lia_organization_get_notes (b));
  assert_strv_equal (lia_organization_get_tags (a), lia_organization_get_tags (b));
  assert_assessment_equal (lia_organization_get_assessment (a), lia_organization_get_assessment (b));
}

static void
assert_contacts_equal (LiaRecord *ra,
                       LiaRecord *rb)
{
  LiaContact *a = LIA_CONTACT (ra), *b = LIA_CONTACT (rb);

  assert_common_equal (ra, rb);
  g_assert_cmpstr (lia_contact_get_honorific (a), ==, lia_contact_get_honorific (b));
  g_assert_cmpstr (lia_contact_get_given_name (a), ==, lia_contact_get_given_name (b));
  g_assert_cmpstr (lia_contact_get_family_name (a), ==, lia_contact_get_family_name (b));
  g_assert_cmpstr (lia_contact_get_suffix (a), ==, lia_contact_get_suffix (b));
  g_assert_cmpstr (lia_contact_get_display_name (a), ==, lia_contact_get_display_name (b));
  g_assert_cmpstr (lia_contact_get_explicit_display_name (a), ==,
                   lia_contact_get_explicit_display_name (b));
  g_assert_cmpstr (lia_contact_get_job_title (a), ==, lia_contact_get_job_title (b));
  g_assert_cmpstr (lia_contact_get_time_zone (a), ==, lia_contact_get_time_zone (b));
  g_assert_cmpint (lia_contact_get_preferred_channel (a), ==, lia_contact_get_preferred_channel (b));
  g_assert_cmpstr (lia_contact_get_notes (a), ==, lia_contact_get_notes (b));
  assert_strv_equal (lia_contact_get_languages (a), lia_contact_get_languages (b));
  assert_strv_equal (lia_contact_get_tags (a), lia_contact_get_tags (b));
  assert_assessment_equal (lia_contact_get_assessment (a), lia_contact_get_assessment (b));
  assert_points_equal (lia_contact_get_emails (a), lia_contact_get_emails (b));
  assert_points_equal (lia_contact_get_phones (a), lia_contact_get_phones (b));
}

static void
assert_affiliations_equal (LiaRecord *ra,
                           LiaRecord *rb)
{
  LiaAffiliation *a = LIA_AFFILIATION (ra), *b = LIA_AFFILIATION (rb);

  assert_common_equal (ra, rb);
  g_assert_cmpint (lia_affiliation_get_contact_id (a), ==, lia_affiliation_get_contact_id (b));
  g_assert_cmpint (lia_affiliation_get_organization_id (a), ==,
                   lia_affiliation_get_organization_id (b));
  g_assert_cmpstr (lia_affiliation_get_role (a), ==, lia_affiliation_get_role (b));
  assert_dates_equal (lia_affiliation_get_from (a), lia_affiliation_get_from (b));
  assert_dates_equal (lia_affiliation_get_until (a), lia_affiliation_get_until (b));
  g_assert_cmpint (lia_affiliation_get_primary (a), ==, lia_affiliation_get_primary (b));
}

static void
assert_interactions_equal (LiaRecord *ra,
                           LiaRecord *rb)
{
  LiaInteraction *a = LIA_INTERACTION (ra), *b = LIA_INTERACTION (rb);
  g_autofree char *at_a = NULL, *at_b = NULL;

  assert_common_equal (ra, rb);
  g_assert_cmpint (lia_interaction_get_kind (a), ==, lia_interaction_get_kind (b));
  /* Same instant, same offset, same wall-clock time: what the user typed comes back. */
  g_assert_true (g_date_time_equal (lia_interaction_get_at (a), lia_interaction_get_at (b)));
  g_assert_cmpint (g_date_time_get_utc_offset (lia_interaction_get_at (a)), ==,
                   g_date_time_get_utc_offset (lia_interaction_get_at (b)));
  at_a = g_date_time_format (lia_interaction_get_at (a), "%FT%T%:z");
  at_b = g_date_time_format (lia_interaction_get_at (b), "%FT%T%:z");
  g_assert_cmpstr (at_a, ==, at_b);
  g_assert_cmpuint (lia_interaction_get_duration_minutes (a), ==,
                    lia_interaction_get_duration_minutes (b));
  g_assert_cmpstr (lia_interaction_get_title (a), ==, lia_interaction_get_title (b));
  g_assert_cmpstr (lia_interaction_get_location (a), ==, lia_interaction_get_location (b));
  g_assert_cmpstr (lia_interaction_get_summary (a), ==, lia_interaction_get_summary (b));
  g_assert_cmpstr (lia_interaction_get_outcome (a), ==, lia_interaction_get_outcome (b));
  g_assert_cmpint (lia_interaction_get_sentiment (a), ==, lia_interaction_get_sentiment (b));
  assert_ids_equal (lia_interaction_get_contact_ids (a), lia_interaction_get_contact_ids (b));
  assert_ids_equal (lia_interaction_get_organization_ids (a),
                    lia_interaction_get_organization_ids (b));
}

static void
assert_commitments_equal (LiaRecord *ra,
                          LiaRecord *rb)
{
  LiaCommitment *a = LIA_COMMITMENT (ra), *b = LIA_COMMITMENT (rb);

  assert_common_equal (ra, rb);
  g_assert_cmpstr (lia_commitment_get_title (a), ==, lia_commitment_get_title (b));
  g_assert_cmpstr (lia_commitment_get_notes (a), ==, lia_commitment_get_notes (b));
  g_assert_cmpint (lia_commitment_get_direction (a), ==, lia_commitment_get_direction (b));
  g_assert_cmpint (lia_commitment_get_status (a), ==, lia_commitment_get_status (b));
  assert_dates_equal (lia_commitment_get_due_date (a), lia_commitment_get_due_date (b));
  g_assert_cmpint (lia_commitment_get_contact_id (a), ==, lia_commitment_get_contact_id (b));
  g_assert_cmpint (lia_commitment_get_organization_id (a), ==,
                   lia_commitment_get_organization_id (b));
  g_assert_cmpint (lia_commitment_get_interaction_id (a), ==,
                   lia_commitment_get_interaction_id (b));
  g_assert_cmpint (lia_commitment_get_is_overdue (a), ==, lia_commitment_get_is_overdue (b));
}

static void
assert_concerns_equal (LiaRecord *ra,
                       LiaRecord *rb)
{
  LiaConcern *a = LIA_CONCERN (ra), *b = LIA_CONCERN (rb);
  GListModel *pa = lia_concern_get_parties (a), *pb = lia_concern_get_parties (b);

  assert_common_equal (ra, rb);
  g_assert_cmpstr (lia_concern_get_title (a), ==, lia_concern_get_title (b));
  g_assert_cmpint (lia_concern_get_severity (a), ==, lia_concern_get_severity (b));
  g_assert_cmpint (lia_concern_get_status (a), ==, lia_concern_get_status (b));
  assert_dates_equal (lia_concern_get_opened (a), lia_concern_get_opened (b));
  assert_dates_equal (lia_concern_get_resolved (a), lia_concern_get_resolved (b));
  g_assert_cmpstr (lia_concern_get_root_cause (a), ==, lia_concern_get_root_cause (b));
  g_assert_cmpstr (lia_concern_get_resolution (a), ==, lia_concern_get_resolution (b));
  g_assert_cmpstr (lia_concern_get_notes (a), ==, lia_concern_get_notes (b));
  assert_ids_equal (lia_concern_get_interaction_ids (a), lia_concern_get_interaction_ids (b));

  g_assert_cmpuint (g_list_model_get_n_items (pa), ==, g_list_model_get_n_items (pb));
  for (guint i = 0; i < g_list_model_get_n_items (pa); i++)
    {
      g_autoptr(LiaConcernParty) x = g_list_model_get_item (pa, i);
      g_autoptr(LiaConcernParty) y = g_list_model_get_item (pb, i);

      g_assert_cmpint (lia_concern_party_get_contact_id (x), ==, lia_concern_party_get_contact_id (y));
      g_assert_cmpint (lia_concern_party_get_organization_id (x), ==,
                       lia_concern_party_get_organization_id (y));
      g_assert_cmpstr (lia_concern_party_get_position (x), ==, lia_concern_party_get_position (y));
    }
}

typedef void (*AssertEqualFunc) (LiaRecord *a, LiaRecord *b);
typedef void (*MutateFunc)      (LiaRecord *record);
typedef void (*CheckMutatedFunc) (LiaRecord *record);

static void
assert_not_found (LiaStore      *store,
                  LiaRecordKind  kind,
                  gint64         id,
                  const char    *uid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaRecord) by_id = lia_store_load (store, kind, id, &error);

  g_assert_null (by_id);
  g_assert_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  {
    g_autoptr(LiaRecord) by_uid = lia_store_load_by_uid (store, kind, uid, &error);
    g_assert_null (by_uid);
    g_assert_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_NOT_FOUND);
  }
}

/* The life of one record as the user sees it: saved, there after a restart (by id and by uid,
 * every field), edited (the edit survives a restart, updated-at moves, created-at does not),
 * deleted (gone after a restart). */
static void
check_record_life (StoreFixture     *f,
                   LiaRecord        *record,
                   AssertEqualFunc   assert_equal,
                   MutateFunc        mutate,
                   CheckMutatedFunc  check_mutated)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaRecord) loaded = NULL;
  g_autoptr(LiaRecord) by_uid = NULL;
  g_autoptr(LiaRecord) edited = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) updated = NULL;
  g_autofree char *uid = NULL;
  LiaRecordKind kind = lia_record_get_kind (record);
  gint64 before = lia_test_count (f->store, kind);
  gint64 id;

  g_assert_cmpint (lia_record_get_id (record), ==, 0);
  lia_test_save (f->store, record);
  id = lia_record_get_id (record);
  g_assert_cmpint (id, >, 0);
  g_assert_nonnull (lia_record_get_uid (record));
  g_assert_cmpstr (lia_record_get_uid (record), !=, "");
  g_assert_nonnull (lia_record_get_created_at (record));
  g_assert_nonnull (lia_record_get_updated_at (record));
  uid = g_strdup (lia_record_get_uid (record));

  lia_test_reopen (f);

  loaded = lia_test_load (f->store, kind, id);
  assert_equal (record, loaded);

  by_uid = lia_store_load_by_uid (f->store, kind, uid, &error);
  g_assert_no_error (error);
  g_assert_nonnull (by_uid);
  assert_equal (record, by_uid);
  /* A new object each call. */
  g_assert_true (loaded != by_uid);

  created = g_date_time_ref (lia_record_get_created_at (loaded));
  updated = g_date_time_ref (lia_record_get_updated_at (loaded));

  /* Edit a field; let the clock move on so that updated-at has to move. */
  g_usleep (20 * 1000);
  mutate (loaded);
  lia_test_save (f->store, loaded);
  g_assert_cmpint (lia_record_get_id (loaded), ==, id);

  lia_test_reopen (f);

  edited = lia_test_load (f->store, kind, id);
  check_mutated (edited);
  g_assert_cmpstr (lia_record_get_uid (edited), ==, uid);
  g_assert_cmpint (g_date_time_compare (lia_record_get_updated_at (edited), updated), >, 0);
  g_assert_cmpint (g_date_time_difference (lia_record_get_created_at (edited), created), ==, 0);
  g_assert_cmpint (lia_test_count (f->store, kind), ==, before + 1);

  g_assert_true (lia_store_delete (f->store, edited, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lia_record_get_id (edited), ==, 0);

  lia_test_reopen (f);
  assert_not_found (f->store, kind, id, uid);
  g_assert_cmpint (lia_test_count (f->store, kind), ==, before);
}

/* ------------------------------------------------------------------------------------------ */
/* Organization                                                                                */

static void
mutate_organization (LiaRecord *record)
{
  lia_organization_set_notes (LIA_ORGANIZATION (record), "Renewed the agreement in May.");
}

static void
check_organization_mutated (LiaRecord *record)
{
  g_assert_cmpstr (lia_organization_get_notes (LIA_ORGANIZATION (record)), ==,
                   "Renewed the agreement in May.");
  /* Other fields were not disturbed by the update. */
  g_assert_cmpstr (lia_organization_get_name (LIA_ORGANIZATION (record)), ==,
                   "Zürich Cantonal Hospital");
  g_assert_cmpint (lia_assessment_get_influence (lia_organization_get_assessment (LIA_ORGANIZATION (record))),
                   ==, 4);
}

static void
test_organization (StoreFixture  *f,
                   gconstpointer  data)
{
  const char *tags[] = { "health", "canton", "partner", NULL };
  gint64 parent_id = lia_test_add_organization (f->store, "Canton of Zürich", 0);
  g_autoptr(LiaOrganization) org = lia_organization_new ("Zürich Cantonal Hospital");
  LiaAssessment *assessment = lia_organization_get_assessment (org);

  lia_organization_set_short_name (org, "KSZ");
  lia_organization_set_sector (org, "Health");
  lia_organization_set_parent_id (org, parent_id);
  lia_organization_set_country (org, "CH");
  lia_organization_set_street (org, "Rämistrasse 100");
  lia_organization_set_locality (org, "Zürich");
  lia_organization_set_region (org, "ZH");
  lia_organization_set_postal_code (org, "8091");
  lia_organization_set_address_country (org, "Switzerland");
  lia_organization_set_website (org, "https://example.org/ksz");
  lia_organization_set_email (org, "info@example.org");
  lia_organization_set_phone (org, "+41 44 000 00 00");
  lia_organization_set_notes (org, "Main hospital partner.\nSecond line with “quotes” & 'apostrophes'.");
  lia_organization_set_tags (org, tags);
  lia_assessment_set_influence (assessment, 4);
  lia_assessment_set_interest (assessment, 3);
  lia_assessment_set_stance (assessment, LIA_STANCE_SUPPORTIVE);

  check_record_life (f, LIA_RECORD (org), assert_organizations_equal,
                     mutate_organization, check_organization_mutated);
}

/* ------------------------------------------------------------------------------------------ */
/* Contact                                                                                     */

static void
mutate_contact (LiaRecord *record)
{
  lia_contact_set_job_title (LIA_CONTACT (record), "Chief Medical Officer");
  lia_contact_remove_email (LIA_CONTACT (record), 0);
}

static void
check_contact_mutated (LiaRecord *record)
{
  LiaContact *contact = LIA_CONTACT (record);
  GListModel *emails = lia_contact_get_emails (contact);
  g_autoptr(LiaContactPoint) first = NULL;

  g_assert_cmpstr (lia_contact_get_job_title (contact), ==, "Chief Medical Officer");
  g_assert_cmpuint (g_list_model_get_n_items (emails), ==, 2);
  first = g_list_model_get_item (emails, 0);
  g_assert_cmpstr (lia_contact_point_get_value (first), ==, "amina@home.example");
  g_assert_cmpuint (g_list_model_get_n_items (lia_contact_get_phones (contact)), ==, 2);
}

static void
test_contact (StoreFixture  *f,
              gconstpointer  data)
{
  const char *languages[] = { "fr", "en", "wo", NULL };
  const char *tags[] = { "health", "west-africa", NULL };
  g_autoptr(LiaContact) contact = lia_contact_new ("Amina", "Diallo");
  LiaAssessment *assessment = lia_contact_get_assessment (contact);

  lia_contact_set_honorific (contact, "Dr");
  lia_contact_set_suffix (contact, "PhD");
  lia_contact_set_display_name (contact, "Dr Amina Diallo");
  lia_contact_set_job_title (contact, "Head of Epidemiology");
  lia_contact_set_time_zone (contact, "Africa/Dakar");
  lia_contact_set_preferred_channel (contact, LIA_CHANNEL_IN_PERSON);
  lia_contact_set_notes (contact, "Prefers morning meetings.");
  lia_contact_set_languages (contact, languages);
  lia_contact_set_tags (contact, tags);
  lia_contact_add_email (contact, LIA_CONTACT_POINT_KIND_WORK, "amina.diallo@work.example");
  lia_contact_add_email (contact, LIA_CONTACT_POINT_KIND_HOME, "amina@home.example");
  lia_contact_add_email (contact, LIA_CONTACT_POINT_KIND_OTHER, "a.diallo@other.example");
  lia_contact_add_phone (contact, LIA_CONTACT_POINT_KIND_MOBILE, "+221 77 000 00 00");
  lia_contact_add_phone (contact, LIA_CONTACT_POINT_KIND_FAX, "+221 33 000 00 01");
  lia_assessment_set_influence (assessment, 5);
  lia_assessment_set_interest (assessment, 2);
  lia_assessment_set_stance (assessment, LIA_STANCE_CONCERNED);

  check_record_life (f, LIA_RECORD (contact), assert_contacts_equal,
                     mutate_contact, check_contact_mutated);
}

/* A contact without an explicit display name keeps it empty and composes the label. */
static void
test_contact_composed_name (StoreFixture  *f,
                            gconstpointer  data)
{
  g_autoptr(LiaContact) contact = lia_contact_new ("Kofi", "Mensah");
  g_autoptr(LiaRecord) loaded = NULL;

  lia_test_save (f->store, contact);
  lia_test_reopen (f);
  loaded = lia_test_load (f->store, LIA_RECORD_KIND_CONTACT, lia_record_get_id (LIA_RECORD (contact)));
  g_assert_cmpstr (lia_contact_get_explicit_display_name (LIA_CONTACT (loaded)), ==, "");
  g_assert_cmpstr (lia_contact_get_display_name (LIA_CONTACT (loaded)), ==,
                   lia_contact_get_display_name (contact));
  g_assert_nonnull (strstr (lia_contact_get_display_name (LIA_CONTACT (loaded)), "Mensah"));
}

/* ------------------------------------------------------------------------------------------ */
/* Affiliation                                                                                 */

static void
mutate_affiliation (LiaRecord *record)
{
  g_autoptr(GDate) until = lia_test_date (2024, 5, 31);

  lia_affiliation_set_until (LIA_AFFILIATION (record), until);
  lia_affiliation_set_role (LIA_AFFILIATION (record), "Former director");
}

static void
check_affiliation_mutated (LiaRecord *record)
{
  g_autoptr(GDate) until = lia_test_date (2024, 5, 31);

  assert_dates_equal (lia_affiliation_get_until (LIA_AFFILIATION (record)), until);
  g_assert_cmpstr (lia_affiliation_get_role (LIA_AFFILIATION (record)), ==, "Former director");
}

static void
test_affiliation (StoreFixture  *f,
                  gconstpointer  data)
{
  gint64 org_id = lia_test_add_organization (f->store, "World Health Organization", 0);
  gint64 contact_id = lia_test_add_contact (f->store, "Amina", "Diallo");
  g_autoptr(LiaAffiliation) aff = lia_affiliation_new (contact_id, org_id, "Director");
  g_autoptr(GDate) from = lia_test_date (2019, 9, 1);

  lia_affiliation_set_from (aff, from);
  lia_affiliation_set_primary (aff, TRUE);
  g_assert_null (lia_affiliation_get_until (aff));

  check_record_life (f, LIA_RECORD (aff), assert_affiliations_equal,
                     mutate_affiliation, check_affiliation_mutated);
}

/* ------------------------------------------------------------------------------------------ */
/* Interaction                                                                                 */

static void
mutate_interaction (LiaRecord *record)
{
  g_autoptr(GDateTime) at = lia_test_at ("2024-05-10T16:45:00+05:30");

  lia_interaction_set_at (LIA_INTERACTION (record), at);
  lia_interaction_set_outcome (LIA_INTERACTION (record), "Agreed on a second meeting.");
}

static void
check_interaction_mutated (LiaRecord *record)
{
  g_autofree char *at = g_date_time_format (lia_interaction_get_at (LIA_INTERACTION (record)),
                                            "%FT%T%:z");

  g_assert_cmpstr (at, ==, "2024-05-10T16:45:00+05:30");
  g_assert_cmpstr (lia_interaction_get_outcome (LIA_INTERACTION (record)), ==,
                   "Agreed on a second meeting.");
  g_assert_cmpuint (lia_interaction_get_contact_ids (LIA_INTERACTION (record))->len, ==, 2);
}

static void
test_interaction (StoreFixture  *f,
                  gconstpointer  data)
{
  gint64 c1 = lia_test_add_contact (f->store, "Amina", "Diallo");
  gint64 c2 = lia_test_add_contact (f->store, "Kofi", "Mensah");
  gint64 org = lia_test_add_organization (f->store, "World Health Organization", 0);
  g_autoptr(GDateTime) at = lia_test_at ("2024-05-10T09:00:00+02:00");
  g_autoptr(LiaInteraction) interaction =
    lia_interaction_new (LIA_INTERACTION_KIND_MEETING, at, "Vaccine logistics review");
  g_autofree char *at_text = NULL;

  lia_interaction_set_duration_minutes (interaction, 90);
  lia_interaction_set_location (interaction, "Geneva, room 4");
  lia_interaction_set_summary (interaction, "Reviewed the cold chain.");
  lia_interaction_set_outcome (interaction, "Draft plan by June.");
  lia_interaction_set_sentiment (interaction, -1);
  /* Out of id order on purpose: the order added is kept. */
  lia_interaction_add_contact (interaction, c2);
  lia_interaction_add_contact (interaction, c1);
  lia_interaction_add_organization (interaction, org);

  check_record_life (f, LIA_RECORD (interaction), assert_interactions_equal,
                     mutate_interaction, check_interaction_mutated);

  at_text = g_date_time_format (at, "%FT%T%:z");
  g_assert_cmpstr (at_text, ==, "2024-05-10T09:00:00+02:00");
}

/* More participants than one insert statement takes (16 a statement, lia-store-interactions.c):
 * every one comes back, in the order added, after a save and after a save that changes them. */
static void
test_interaction_many_participants (StoreFixture  *f,
                                    gconstpointer  data)
{
  g_autoptr(GDateTime) at = lia_test_at ("2024-05-10T09:00:00+02:00");
  g_autoptr(LiaInteraction) interaction =
    lia_interaction_new (LIA_INTERACTION_KIND_EVENT, at, "Partners' forum");
  g_autoptr(LiaRecord) loaded = NULL;
  gint64 contacts[37];
  gint64 organizations[18];
  const GArray *ids;

  for (guint i = 0; i < G_N_ELEMENTS (contacts); i++)
    {
      g_autofree char *family = g_strdup_printf ("Person %02u", i);

      contacts[i] = lia_test_add_contact (f->store, "Ana", family);
    }
  for (guint i = 0; i < G_N_ELEMENTS (organizations); i++)
    {
      g_autofree char *name = g_strdup_printf ("Partner %02u", i);

      organizations[i] = lia_test_add_organization (f->store, name, 0);
    }
  /* Not in id order: the order added is kept. */
  for (guint i = 0; i < G_N_ELEMENTS (contacts); i++)
    lia_interaction_add_contact (interaction, contacts[(i * 7) % G_N_ELEMENTS (contacts)]);
  for (guint i = 0; i < G_N_ELEMENTS (organizations); i++)
    lia_interaction_add_organization (interaction, organizations[G_N_ELEMENTS (organizations) - 1 - i]);
  lia_test_save (f->store, interaction);

  loaded = lia_test_load (f->store, LIA_RECORD_KIND_INTERACTION,
                          lia_record_get_id (LIA_RECORD (interaction)));
  ids = lia_interaction_get_contact_ids (LIA_INTERACTION (loaded));
  g_assert_cmpuint (ids->len, ==, G_N_ELEMENTS (contacts));
  for (guint i = 0; i < ids->len; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), ==, contacts[(i * 7) % G_N_ELEMENTS (contacts)]);
  ids = lia_interaction_get_organization_ids (LIA_INTERACTION (loaded));
  g_assert_cmpuint (ids->len, ==, G_N_ELEMENTS (organizations));
  for (guint i = 0; i < ids->len; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), ==, organizations[G_N_ELEMENTS (organizations) - 1 - i]);

  /* Saved again with two fewer people, the rest in a new order, and one partner. */
  lia_interaction_clear_participants (LIA_INTERACTION (loaded));
  for (guint i = 2; i < G_N_ELEMENTS (contacts); i++)
    lia_interaction_add_contact (LIA_INTERACTION (loaded), contacts[G_N_ELEMENTS (contacts) + 1 - i]);
  lia_interaction_add_organization (LIA_INTERACTION (loaded), organizations[3]);
  lia_test_save (f->store, loaded);
  g_clear_object (&loaded);

  loaded = lia_test_load (f->store, LIA_RECORD_KIND_INTERACTION,
                          lia_record_get_id (LIA_RECORD (interaction)));
  ids = lia_interaction_get_contact_ids (LIA_INTERACTION (loaded));
  g_assert_cmpuint (ids->len, ==, G_N_ELEMENTS (contacts) - 2);
  for (guint i = 0; i < ids->len; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), ==, contacts[G_N_ELEMENTS (contacts) - 1 - i]);
  ids = lia_interaction_get_organization_ids (LIA_INTERACTION (loaded));
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, organizations[3]);
}

/* Offsets that are not whole hours, and negative ones, come back exactly. */
static void
test_interaction_offsets (StoreFixture  *f,
                          gconstpointer  data)
{
  const char *times[] = {
    "2024-05-10T09:00:00+02:00",
    "2024-05-10T14:30:00+05:30",
    "2024-01-31T23:15:00-03:30",
    "2024-12-31T23:59:59+14:00",
    "2024-06-01T00:00:00Z",
  };
  gint64 ids[G_N_ELEMENTS (times)];

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    ids[i] = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL, times[i], "Call", 0, 0);

  lia_test_reopen (f);

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autoptr(LiaRecord) loaded = lia_test_load (f->store, LIA_RECORD_KIND_INTERACTION, ids[i]);
      g_autoptr(GDateTime) expected = lia_test_at (times[i]);
      GDateTime *at = lia_interaction_get_at (LIA_INTERACTION (loaded));
      g_autofree char *text = g_date_time_format (at, "%FT%T%:z");
      g_autofree char *expected_text = g_date_time_format (expected, "%FT%T%:z");

      g_assert_true (g_date_time_equal (at, expected));
      g_assert_cmpstr (text, ==, expected_text);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Commitment                                                                                  */

static void
mutate_commitment (LiaRecord *record)
{
  lia_commitment_set_status (LIA_COMMITMENT (record), LIA_COMMITMENT_STATUS_DONE);
}

static void
check_commitment_mutated (LiaRecord *record)
{
  g_assert_cmpint (lia_commitment_get_status (LIA_COMMITMENT (record)), ==,
                   LIA_COMMITMENT_STATUS_DONE);
  g_assert_cmpstr (lia_commitment_get_title (LIA_COMMITMENT (record)), ==,
                   "Send the cold-chain report");
}

static void
test_commitment (StoreFixture  *f,
                 gconstpointer  data)
{
  gint64 contact = lia_test_add_contact (f->store, "Amina", "Diallo");
  gint64 org = lia_test_add_organization (f->store, "World Health Organization", 0);
  gint64 interaction = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_MEETING,
                                                 "2024-05-10T09:00:00+02:00", "Review",
                                                 contact, org);
  g_autoptr(LiaCommitment) commitment =
    lia_commitment_new (LIA_COMMITMENT_DIRECTION_THEIRS, "Send the cold-chain report");
  g_autoptr(GDate) due = lia_test_date (2024, 6, 30);

  lia_commitment_set_notes (commitment, "Including the Dakar warehouse.");
  lia_commitment_set_due_date (commitment, due);
  lia_commitment_set_contact_id (commitment, contact);
  lia_commitment_set_organization_id (commitment, org);
  lia_commitment_set_interaction_id (commitment, interaction);

  check_record_life (f, LIA_RECORD (commitment), assert_commitments_equal,
                     mutate_commitment, check_commitment_mutated);
}

/* ------------------------------------------------------------------------------------------ */
/* Concern                                                                                     */

static void
mutate_concern (LiaRecord *record)
{
  g_autoptr(GDate) resolved = lia_test_date (2024, 7, 15);

  lia_concern_set_status (LIA_CONCERN (record), LIA_CONCERN_STATUS_CLOSED);
  lia_concern_set_resolved (LIA_CONCERN (record), resolved);
}

static void
check_concern_mutated (LiaRecord *record)
{
  g_autoptr(GDate) resolved = lia_test_date (2024, 7, 15);

  g_assert_cmpint (lia_concern_get_status (LIA_CONCERN (record)), ==, LIA_CONCERN_STATUS_CLOSED);
  assert_dates_equal (lia_concern_get_resolved (LIA_CONCERN (record)), resolved);
  g_assert_cmpuint (g_list_model_get_n_items (lia_concern_get_parties (LIA_CONCERN (record))), ==, 2);
}

static void
test_concern (StoreFixture  *f,
              gconstpointer  data)
{
  gint64 contact = lia_test_add_contact (f->store, "Amina", "Diallo");
  gint64 org = lia_test_add_organization (f->store, "Ministry of Health", 0);
  gint64 interaction = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL,
                                                 "2024-04-02T10:00:00+00:00", "Escalation call",
                                                 contact, 0);
  g_autoptr(LiaConcern) concern = lia_concern_new ("Delayed reimbursements");
  g_autoptr(LiaConcernParty) p1 =
    lia_concern_party_new_organization (org, "The invoices were incomplete.");
  g_autoptr(LiaConcernParty) p2 =
    lia_concern_party_new_contact (contact, "Payments are three months late.");
  g_autoptr(GDate) opened = lia_test_date (2024, 3, 1);
  g_autoptr(GDate) resolved = lia_test_date (2024, 6, 1);

  lia_concern_set_severity (concern, LIA_SEVERITY_HIGH);
  lia_concern_set_status (concern, LIA_CONCERN_STATUS_RESOLVED);
  lia_concern_set_opened (concern, opened);
  lia_concern_set_resolved (concern, resolved);
  lia_concern_set_root_cause (concern, "Two finance systems during the migration.");
  lia_concern_set_resolution (concern, "Manual reconciliation each month.");
  lia_concern_set_notes (concern, "Watch the Q3 invoices.");
  lia_concern_add_party (concern, p1);
  lia_concern_add_party (concern, p2);
  lia_concern_add_interaction (concern, interaction);

  check_record_life (f, LIA_RECORD (concern), assert_concerns_equal,
                     mutate_concern, check_concern_mutated);
}

/* ------------------------------------------------------------------------------------------ */
/* uid                                                                                         */

static void
test_uid (StoreFixture  *f,
          gconstpointer  data)
{
  g_autoptr(LiaOrganization) a = lia_organization_new ("Alpha");
  g_autoptr(LiaOrganization) b = lia_organization_new ("Beta");
  g_autoptr(LiaOrganization) c = lia_organization_new ("Gamma");
  g_autoptr(LiaRecord) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uid_a = NULL;

  lia_record_set_uid (LIA_RECORD (b), "");
  lia_record_set_uid (LIA_RECORD (c), "partner-directory:gamma-1");
  lia_test_save (f->store, a);
  lia_test_save (f->store, b);
  lia_test_save (f->store, c);

  /* Generated when missing or empty, different each time. */
  g_assert_nonnull (lia_record_get_uid (LIA_RECORD (a)));
  g_assert_cmpuint (strlen (lia_record_get_uid (LIA_RECORD (a))), >, 0);
  g_assert_nonnull (lia_record_get_uid (LIA_RECORD (b)));
  g_assert_cmpuint (strlen (lia_record_get_uid (LIA_RECORD (b))), >, 0);
  g_assert_cmpstr (lia_record_get_uid (LIA_RECORD (a)), !=, lia_record_get_uid (LIA_RECORD (b)));
  /* Kept when given. */
  g_assert_cmpstr (lia_record_get_uid (LIA_RECORD (c)), ==, "partner-directory:gamma-1");
  uid_a = g_strdup (lia_record_get_uid (LIA_RECORD (a)));

  lia_test_reopen (f);

  loaded = lia_store_load_by_uid (f->store, LIA_RECORD_KIND_ORGANIZATION,
                                  "partner-directory:gamma-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lia_organization_get_name (LIA_ORGANIZATION (loaded)), ==, "Gamma");
  g_clear_object (&loaded);

  loaded = lia_store_load_by_uid (f->store, LIA_RECORD_KIND_ORGANIZATION, uid_a, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lia_organization_get_name (LIA_ORGANIZATION (loaded)), ==, "Alpha");
  g_clear_object (&loaded);

  /* The uid of one kind does not find a record of another kind. */
  loaded = lia_store_load_by_uid (f->store, LIA_RECORD_KIND_CONTACT, uid_a, &error);
  g_assert_null (loaded);
  g_assert_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_NOT_FOUND);
}

/* ------------------------------------------------------------------------------------------ */
/* "changed"                                                                                   */

static LiaRecord *
new_record_of_kind (LiaStore      *store,
                    LiaRecordKind  kind)
{
  switch (kind)
    {
    case LIA_RECORD_KIND_ORGANIZATION:
      return LIA_RECORD (lia_organization_new ("World Health Organization"));
    case LIA_RECORD_KIND_CONTACT:
      return LIA_RECORD (lia_contact_new ("Amina", "Diallo"));
    case LIA_RECORD_KIND_INTERACTION:
      {
        g_autoptr(GDateTime) at = lia_test_at ("2024-05-10T09:00:00+02:00");
        return LIA_RECORD (lia_interaction_new (LIA_INTERACTION_KIND_CALL, at, "Call"));
      }
    case LIA_RECORD_KIND_COMMITMENT:
      return LIA_RECORD (lia_commitment_new (LIA_COMMITMENT_DIRECTION_OURS, "Send the report"));
    case LIA_RECORD_KIND_CONCERN:
      return LIA_RECORD (lia_concern_new ("Late payments"));
    case LIA_RECORD_KIND_AFFILIATION:
      {
        gint64 contact = lia_test_add_contact (store, "Kofi", "Mensah");
        gint64 org = lia_test_add_organization (store, "Red Cross", 0);
        return LIA_RECORD (lia_affiliation_new (contact, org, "Delegate"));
      }
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

static void
edit_record (LiaRecord *record)
{
  switch (lia_record_get_kind (record))
    {
    case LIA_RECORD_KIND_ORGANIZATION:
      lia_organization_set_sector (LIA_ORGANIZATION (record), "Health");
      break;
    case LIA_RECORD_KIND_CONTACT:
      lia_contact_set_job_title (LIA_CONTACT (record), "Director");
      break;
    case LIA_RECORD_KIND_INTERACTION:
      lia_interaction_set_title (LIA_INTERACTION (record), "Long call");
      break;
    case LIA_RECORD_KIND_COMMITMENT:
      lia_commitment_set_notes (LIA_COMMITMENT (record), "By Friday");
      break;
    case LIA_RECORD_KIND_CONCERN:
      lia_concern_set_notes (LIA_CONCERN (record), "Escalated");
      break;
    case LIA_RECORD_KIND_AFFILIATION:
      lia_affiliation_set_role (LIA_AFFILIATION (record), "Head of delegation");
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Each save and delete of one record is announced once, as what it is. */
static void
test_changed_single (StoreFixture  *f,
                     gconstpointer  data)
{
  LiaRecordKind kind = GPOINTER_TO_INT (data);
  g_autoptr(GArray) changes = g_array_new (FALSE, TRUE, sizeof (LiaTestChange));
  g_autoptr(LiaRecord) record = new_record_of_kind (f->store, kind);
  g_autoptr(GError) error = NULL;
  guint n_resets = 0;
  gint64 id;

  g_signal_connect (f->store, "changed", G_CALLBACK (lia_test_on_changed_cb), changes);
  g_signal_connect (f->store, "reset", G_CALLBACK (lia_test_on_reset_cb), &n_resets);

  lia_test_save (f->store, record);
  id = lia_record_get_id (record);
  g_assert_cmpuint (changes->len, ==, 1);
  lia_test_assert_change (changes, 0, kind, id, LIA_STORE_CHANGE_ADDED);
  g_assert_true (g_array_index (changes, LiaTestChange, 0).had_current);

  edit_record (record);
  lia_test_save (f->store, record);
  g_assert_cmpuint (changes->len, ==, 2);
  lia_test_assert_change (changes, 1, kind, id, LIA_STORE_CHANGE_UPDATED);
  g_assert_true (g_array_index (changes, LiaTestChange, 1).had_current);

  g_assert_true (lia_store_delete (f->store, record, &error));
  g_assert_no_error (error);
  if (changes->len != 3)
    g_printerr ("delete of kind %d: %u changes, %u resets\n", kind, changes->len - 2, n_resets);
  g_assert_cmpuint (changes->len, ==, 3);
  lia_test_assert_change (changes, 2, kind, id, LIA_STORE_CHANGE_REMOVED);
  g_assert_true (g_array_index (changes, LiaTestChange, 2).had_old);
  g_assert_false (g_array_index (changes, LiaTestChange, 2).had_current);
  g_assert_cmpuint (n_resets, ==, 0);

  g_signal_handlers_disconnect_by_data (f->store, changes);
  g_signal_handlers_disconnect_by_data (f->store, &n_resets);
}

/* Inside lia_store_begin()…commit() the signals wait for the commit; a rollback drops them. */
static void
test_changed_transactions (StoreFixture  *f,
                           gconstpointer  data)
{
  g_autoptr(GArray) changes = g_array_new (FALSE, TRUE, sizeof (LiaTestChange));
  g_autoptr(LiaOrganization) t1 = lia_organization_new ("Transaction One");
  g_autoptr(LiaOrganization) t2 = lia_organization_new ("Transaction Two");
  g_autoptr(LiaOrganization) r1 = lia_organization_new ("Rolled Back");
  g_autoptr(GError) error = NULL;
  gulong handler;

  handler = g_signal_connect (f->store, "changed", G_CALLBACK (lia_test_on_changed_cb), changes);

  /* Inside a transaction: nothing until the commit, then each change once. */
  g_array_set_size (changes, 0);
  g_assert_true (lia_store_begin (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (lia_store_in_transaction (f->store));
  lia_test_save (f->store, t1);
  lia_test_save (f->store, t2);
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_true (lia_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_false (lia_store_in_transaction (f->store));
  g_assert_cmpuint (changes->len, ==, 2);
  lia_test_assert_change (changes, 0, LIA_RECORD_KIND_ORGANIZATION,
                 lia_record_get_id (LIA_RECORD (t1)), LIA_STORE_CHANGE_ADDED);
  lia_test_assert_change (changes, 1, LIA_RECORD_KIND_ORGANIZATION,
                 lia_record_get_id (LIA_RECORD (t2)), LIA_STORE_CHANGE_ADDED);

  /* Nested: only the outermost commit lets the signals out. */
  g_array_set_size (changes, 0);
  g_assert_true (lia_store_begin (f->store, NULL));
  g_assert_true (lia_store_begin (f->store, NULL));
  lia_organization_set_notes (t1, "nested");
  lia_test_save (f->store, t1);
  g_assert_true (lia_store_commit (f->store, NULL));
  g_assert_true (lia_store_in_transaction (f->store));
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_true (lia_store_commit (f->store, NULL));
  g_assert_cmpuint (changes->len, ==, 1);
  lia_test_assert_change (changes, 0, LIA_RECORD_KIND_ORGANIZATION,
                 lia_record_get_id (LIA_RECORD (t1)), LIA_STORE_CHANGE_UPDATED);

  /* A rollback drops them. */
  g_array_set_size (changes, 0);
  g_assert_true (lia_store_begin (f->store, NULL));
  lia_test_save (f->store, r1);
  lia_organization_set_notes (t2, "rolled back");
  lia_test_save (f->store, t2);
  lia_store_rollback (f->store);
  g_assert_false (lia_store_in_transaction (f->store));
  g_assert_cmpuint (changes->len, ==, 0);

  /* ...and later changes are not mixed with them. */
  {
    g_autoptr(LiaOrganization) after = lia_organization_new ("After");
    lia_test_save (f->store, after);
    g_assert_cmpuint (changes->len, ==, 1);
    lia_test_assert_change (changes, 0, LIA_RECORD_KIND_ORGANIZATION,
                   lia_record_get_id (LIA_RECORD (after)), LIA_STORE_CHANGE_ADDED);
  }

  g_signal_handler_disconnect (f->store, handler);

  lia_test_reopen (f);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_ORGANIZATION), ==, 3);
  {
    g_autoptr(LiaRecord) loaded = lia_test_load (f->store, LIA_RECORD_KIND_ORGANIZATION,
                                           lia_record_get_id (LIA_RECORD (t2)));
    g_assert_cmpstr (lia_organization_get_notes (LIA_ORGANIZATION (loaded)), ==, "");
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Files                                                                                       */

static void
test_file_modes (StoreFixture  *f,
                 gconstpointer  data)
{
  g_autofree char *sub = g_build_filename (f->dir, "new-folder", NULL);
  g_autofree char *deeper = g_build_filename (sub, "deeper", NULL);
  g_autofree char *path = g_build_filename (deeper, "liaison.db", NULL);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autoptr(LiaStore) store = NULL;

  if (pg_cluster != NULL)
    {
      g_test_skip ("file only: the modes of a database file, its folders and its write-ahead log");
      return;
    }

  g_assert_false (g_file_test (sub, G_FILE_TEST_EXISTS));
  store = lia_test_open (path);
  lia_test_add_organization (store, "Private", 0);

  g_assert_cmpstr (lia_store_get_path (store), ==, path);
  g_assert_cmpuint (lia_test_file_mode (path), ==, 0600);
  g_assert_cmpuint (lia_test_file_mode (deeper), ==, 0700);
  g_assert_cmpuint (lia_test_file_mode (sub), ==, 0700);
  g_assert_finalize_object (G_OBJECT (g_steal_pointer (&store)));
  g_assert_cmpuint (lia_test_file_mode (path), ==, 0600);

  /* The fixture's database, and its write-ahead log while it is open. */
  lia_test_add_organization (f->store, "Private too", 0);
  g_assert_cmpuint (lia_test_file_mode (f->path), ==, 0600);
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    g_assert_cmpuint (lia_test_file_mode (wal) & 0077, ==, 0);
}

/* lia_store_dup_label() gives what the loaded record's label is: a contact's composed or
 * explicit display name, an organization's name, an interaction's title; none for a record
 * that is gone. */
static void
test_dup_label (StoreFixture  *f,
                gconstpointer  data)
{
  gint64 org = lia_test_add_organization (f->store, "Ministère de la Santé", 0);
  gint64 composed = lia_test_add_contact (f->store, "Amina", "Diallo");
  gint64 named = lia_test_add_contact (f->store, "Ana", "Kovač");
  gint64 call = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL,
                                          "2026-03-02T10:00:00Z", "Budget call", named, org);
  g_autoptr(LiaRecord) contact = lia_test_load (f->store, LIA_RECORD_KIND_CONTACT, named);
  const struct { LiaRecordKind kind; gint64 id; const char *label; } cases[] = {
    { LIA_RECORD_KIND_ORGANIZATION, org, "Ministère de la Santé" },
    { LIA_RECORD_KIND_CONTACT, composed, "Amina Diallo" },
    { LIA_RECORD_KIND_CONTACT, named, "Dr Ana Kovač" },
    { LIA_RECORD_KIND_INTERACTION, call, "Budget call" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = NULL;

  lia_contact_set_display_name (LIA_CONTACT (contact), "Dr Ana Kovač");
  lia_test_save (f->store, contact);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = lia_store_dup_label (f->store, cases[i].kind, cases[i].id, &error);
      g_autoptr(LiaRecord) record = lia_test_load (f->store, cases[i].kind, cases[i].id);

      g_assert_no_error (error);
      g_assert_cmpstr (label, ==, cases[i].label);
      g_assert_cmpstr (label, ==, lia_record_get_label (record));
    }

  missing = lia_store_dup_label (f->store, LIA_RECORD_KIND_CONTACT, named + 100, &error);
  g_assert_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_NOT_FOUND);
  g_assert_null (missing);
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

  ADD ("/store/records/organization", test_organization);
  ADD ("/store/records/contact", test_contact);
  ADD ("/store/records/contact-composed-name", test_contact_composed_name);
  ADD ("/store/records/affiliation", test_affiliation);
  ADD ("/store/records/interaction", test_interaction);
  ADD ("/store/records/interaction-offsets", test_interaction_offsets);
  ADD ("/store/records/interaction-many-participants", test_interaction_many_participants);
  ADD ("/store/records/commitment", test_commitment);
  ADD ("/store/records/concern", test_concern);
  ADD ("/store/records/uid", test_uid);
  g_test_add ("/store/records/changed/organization", StoreFixture,
              GINT_TO_POINTER (LIA_RECORD_KIND_ORGANIZATION),
              lia_test_pg_template_fixture_setup, test_changed_single, lia_test_pg_fixture_teardown);
  g_test_add ("/store/records/changed/contact", StoreFixture,
              GINT_TO_POINTER (LIA_RECORD_KIND_CONTACT),
              lia_test_pg_template_fixture_setup, test_changed_single, lia_test_pg_fixture_teardown);
  g_test_add ("/store/records/changed/affiliation", StoreFixture,
              GINT_TO_POINTER (LIA_RECORD_KIND_AFFILIATION),
              lia_test_pg_template_fixture_setup, test_changed_single, lia_test_pg_fixture_teardown);
  g_test_add ("/store/records/changed/interaction", StoreFixture,
              GINT_TO_POINTER (LIA_RECORD_KIND_INTERACTION),
              lia_test_pg_template_fixture_setup, test_changed_single, lia_test_pg_fixture_teardown);
  g_test_add ("/store/records/changed/commitment", StoreFixture,
              GINT_TO_POINTER (LIA_RECORD_KIND_COMMITMENT),
              lia_test_pg_template_fixture_setup, test_changed_single, lia_test_pg_fixture_teardown);
  g_test_add ("/store/records/changed/concern", StoreFixture,
              GINT_TO_POINTER (LIA_RECORD_KIND_CONCERN),
              lia_test_pg_template_fixture_setup, test_changed_single, lia_test_pg_fixture_teardown);
  ADD ("/store/records/changed/transactions", test_changed_transactions);
  ADD ("/store/records/file-modes", test_file_modes);
  ADD ("/store/records/dup-label", test_dup_label);

#undef ADD

  return g_test_run ();
}
