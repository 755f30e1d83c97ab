/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "lia-exporter.h"
#include "lia-importer.h"
#include "lia-store-bulk.h"
#include "lia-test-pg.h"

/* xCard (RFC 6351) in and out: the RFC's own example, organizations and the people of them,
 * matching on re-import, problems with their lines, dry runs, and export → import → export
 * giving the same bytes. Fixtures are in tests/data/xcard/ (README.md there says what each
 * one is for). On a file, and with --postgresql on a team server. */

#define XCARD_NS "urn:ietf:params:xml:ns:vcard-4.0"

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "xcard", name, NULL);
}

static LiaImporter *
import_file (LiaStore    *store,
             const char  *path,
             gboolean     dry_run,
             GError     **out_error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LiaImporter *importer = lia_importer_new (file);

  lia_importer_set_dry_run (importer, dry_run);
  lia_importer_run (importer, store, NULL, out_error);
  return importer;
}

static LiaImporter *
import_fixture (LiaStore   *store,
                const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  LiaImporter *importer = import_file (store, path, FALSE, &error);

  g_assert_no_error (error);
  g_assert_cmpint (lia_importer_get_format (importer), ==, LIA_EXCHANGE_FORMAT_XCARD);
  g_assert_cmpuint (g_list_model_get_n_items (lia_importer_get_problems (importer)), ==, 0);
  return importer;
}

static void
export_xcard (LiaStore   *store,
              const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LiaExporter) exporter = lia_exporter_new (file, LIA_EXCHANGE_FORMAT_XCARD);
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_exporter_run (exporter, store, NULL, &error));
  g_assert_no_error (error);
}

static LiaContact *
load_contact_by_uid (LiaStore   *store,
                     const char *uid)
{
  g_autoptr(GError) error = NULL;
  LiaRecord *record = lia_store_load_by_uid (store, LIA_RECORD_KIND_CONTACT, uid, &error);

  g_assert_no_error (error);
  return LIA_CONTACT (record);
}

static LiaContact *
load_contact_by_email (LiaStore   *store,
                       const char *address)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = lia_store_find_contacts_by_email (store, address, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  return LIA_CONTACT (lia_test_load (store, LIA_RECORD_KIND_CONTACT, g_array_index (ids, gint64, 0)));
}

static LiaOrganization *
load_organization_by_name (LiaStore   *store,
                           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = lia_store_find_organizations_by_name (store, name, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  return LIA_ORGANIZATION (lia_test_load (store, LIA_RECORD_KIND_ORGANIZATION, g_array_index (ids, gint64, 0)));
}

static void
assert_point (GListModel          *points,
              guint                i,
              LiaContactPointKind  kind,
              const char          *value)
{
  g_autoptr(LiaContactPoint) point = g_list_model_get_item (points, i);

  g_assert_nonnull (point);
  g_assert_cmpstr (lia_contact_point_get_value (point), ==, value);
  g_assert_cmpint (lia_contact_point_get_kind (point), ==, kind);
}

/* The contact's only affiliation, with the name of its organization. */
static LiaAffiliation *
only_affiliation (LiaStore    *store,
                  LiaContact  *contact,
                  char       **out_organization_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) affiliations =
    lia_store_list_affiliations_for_contact (store, lia_record_get_id (LIA_RECORD (contact)), &error);
  g_autoptr(LiaRecord) organization = NULL;
  LiaAffiliation *affiliation;

  g_assert_no_error (error);
  g_assert_cmpuint (affiliations->len, ==, 1);
  affiliation = g_object_ref (g_ptr_array_index (affiliations, 0));
  organization = lia_test_load (store, LIA_RECORD_KIND_ORGANIZATION,
                                lia_affiliation_get_organization_id (affiliation));
  *out_organization_name = g_strdup (lia_organization_get_name (LIA_ORGANIZATION (organization)));
  return affiliation;
}

static void
assert_counts (LiaStore *store,
               gint64    organizations,
               gint64    contacts,
               gint64    affiliations)
{
  g_assert_cmpint (lia_test_count (store, LIA_RECORD_KIND_ORGANIZATION), ==, organizations);
  g_assert_cmpint (lia_test_count (store, LIA_RECORD_KIND_CONTACT), ==, contacts);
  g_assert_cmpint (lia_test_count (store, LIA_RECORD_KIND_AFFILIATION), ==, affiliations);
}

/* The RFC's example: what Simon Perreault's card shows after the import. */
static void
test_rfc_example (StoreFixture  *f,
                  gconstpointer  data)
{
  g_autoptr(LiaImporter) importer = import_fixture (f->store, "rfc6351-example.xml");
  g_autoptr(LiaContact) simon = NULL;
  g_autoptr(LiaAffiliation) affiliation = NULL;
  g_autofree char *organization = NULL;
  const char * const *languages;
  GListModel *phones;

  g_assert_cmpuint (lia_importer_get_count (importer, LIA_RECORD_KIND_CONTACT, LIA_IMPORT_CREATED), ==, 1);
  g_assert_cmpuint (lia_importer_get_count (importer, LIA_RECORD_KIND_ORGANIZATION, LIA_IMPORT_CREATED), ==, 1);
  g_assert_cmpuint (lia_importer_get_count (importer, LIA_RECORD_KIND_AFFILIATION, LIA_IMPORT_CREATED), ==, 1);
  /* anniversary, gender, geo, key: not kept (said below), and no problem. */
  g_assert_cmpuint (lia_importer_get_ignored (importer), ==, 0);
  g_assert_cmpuint (lia_importer_get_records_read (importer), ==, 1);

  lia_test_reopen (f);
  assert_counts (f->store, 1, 1, 1);
  simon = load_contact_by_email (f->store, "simon.perreault@viagenie.ca");

  g_assert_cmpstr (lia_contact_get_given_name (simon), ==, "Simon");
  g_assert_cmpstr (lia_contact_get_family_name (simon), ==, "Perreault");
  g_assert_cmpstr (lia_contact_get_honorific (simon), ==, "");
  g_assert_cmpstr (lia_contact_get_suffix (simon), ==, "ing. jr M.Sc.");
  /* fn says less than the parts would: it is kept as the display name. */
  g_assert_cmpstr (lia_contact_get_display_name (simon), ==, "Simon Perreault");

  assert_point (lia_contact_get_emails (simon), 0, LIA_CONTACT_POINT_KIND_WORK, "simon.perreault@viagenie.ca");
  phones = lia_contact_get_phones (simon);
  g_assert_cmpuint (g_list_model_get_n_items (phones), ==, 2);
  assert_point (phones, 0, LIA_CONTACT_POINT_KIND_WORK, "+1-418-656-9254;ext=102");
  assert_point (phones, 1, LIA_CONTACT_POINT_KIND_MOBILE, "+1-418-262-6501");

  languages = lia_contact_get_languages (simon);
  g_assert_cmpuint (g_strv_length ((char **) languages), ==, 2);
  g_assert_cmpstr (languages[0], ==, "fr");
  g_assert_cmpstr (languages[1], ==, "en");
  g_assert_cmpstr (lia_contact_get_time_zone (simon), ==, "America/Montreal");
  /* The home page is a website of his; the notes stay his notes. */
  assert_point (lia_contact_get_websites (simon), 0, LIA_CONTACT_POINT_KIND_HOME, "http://nomis80.org");
  g_assert_cmpstr (lia_contact_get_notes (simon), ==, "");
  /* A birthday without its year, as the RFC writes it. */
  g_assert_cmpstr (lia_contact_get_birthday (simon), ==, "--02-03");
  {
    g_autoptr(LiaPostalAddress) address = g_list_model_get_item (lia_contact_get_addresses (simon), 0);

    g_assert_nonnull (address);
    g_assert_cmpint (lia_postal_address_get_kind (address), ==, LIA_CONTACT_POINT_KIND_WORK);
    g_assert_cmpstr (lia_postal_address_get_street (address), ==, "2875 boul. Laurier, suite D2-630");
    g_assert_cmpstr (lia_postal_address_get_locality (address), ==, "Quebec");
    g_assert_cmpstr (lia_postal_address_get_postal_code (address), ==, "G1V 2M2");
    g_assert_cmpstr (lia_postal_address_get_country (address), ==, "Canada");
  }
  /* What is still not kept is said, property by property. */
  g_assert_cmpuint (lia_importer_get_not_kept_count (importer, "ANNIVERSARY"), ==, 1);
  g_assert_cmpuint (lia_importer_get_not_kept_count (importer, "GENDER"), ==, 1);
  g_assert_cmpuint (lia_importer_get_not_kept_count (importer, "GEO"), ==, 1);
  g_assert_cmpuint (lia_importer_get_not_kept_count (importer, "KEY"), ==, 1);
  g_assert_cmpuint (lia_importer_get_not_kept_count (importer, "BDAY"), ==, 0);

  affiliation = only_affiliation (f->store, simon, &organization);
  g_assert_cmpstr (organization, ==, "Viagenie");
  g_assert_true (lia_affiliation_get_primary (affiliation));
}

/* The example has no uid: the second import finds Simon by his email and changes nothing. */
static void
test_rfc_example_again (StoreFixture  *f,
                        gconstpointer  data)
{
  g_autoptr(LiaImporter) first = import_fixture (f->store, "rfc6351-example.xml");
  g_autoptr(LiaImporter) second = import_fixture (f->store, "rfc6351-example.xml");

  g_assert_cmpuint (lia_importer_get_total (second, LIA_IMPORT_CREATED), ==, 0);
  g_assert_cmpuint (lia_importer_get_total (second, LIA_IMPORT_UPDATED), ==, 0);
  g_assert_cmpuint (lia_importer_get_count (second, LIA_RECORD_KIND_CONTACT, LIA_IMPORT_UNCHANGED), ==, 1);
  g_assert_cmpuint (lia_importer_get_count (second, LIA_RECORD_KIND_AFFILIATION, LIA_IMPORT_UNCHANGED), ==, 1);
  assert_counts (f->store, 1, 1, 1);
}

static void
test_partners (StoreFixture  *f,
               gconstpointer  data)
{
  g_autoptr(LiaImporter) importer = import_fixture (f->store, "partners.xml");
  g_autoptr(LiaImporter) again = NULL;
  g_autoptr(LiaOrganization) who = NULL;
  g_autoptr(LiaOrganization) ministry = NULL;
  g_autoptr(LiaContact) amina = NULL;
  g_autoptr(LiaContact) kofi = NULL;
  g_autoptr(LiaContact) lena = NULL;
  g_autoptr(LiaContact) jean = NULL;
  g_autoptr(LiaAffiliation) affiliation = NULL;
  g_autofree char *organization = NULL;
  const char * const *strv;

  /* Amina names the WHO before its own vCard comes: one organization all the same. */
  g_assert_cmpuint (lia_importer_get_count (importer, LIA_RECORD_KIND_CONTACT, LIA_IMPORT_CREATED), ==, 4);
  g_assert_cmpuint (lia_importer_get_count (importer, LIA_RECORD_KIND_ORGANIZATION, LIA_IMPORT_CREATED), ==, 2);
  g_assert_cmpuint (lia_importer_get_count (importer, LIA_RECORD_KIND_AFFILIATION, LIA_IMPORT_CREATED), ==, 4);
  g_assert_cmpuint (lia_importer_get_ignored (importer), ==, 1);

  lia_test_reopen (f);
  assert_counts (f->store, 2, 4, 4);

  who = load_organization_by_name (f->store, "World Health Organization");
  g_assert_cmpstr (lia_record_get_uid (LIA_RECORD (who)), ==, "urn:uuid:0b6f1f3a-51c5-4e0e-8d4c-2f5b8f0f6a10");
  g_assert_cmpstr (lia_organization_get_street (who), ==, "Avenue Appia 20");
  g_assert_cmpstr (lia_organization_get_locality (who), ==, "Geneva");
  g_assert_cmpstr (lia_organization_get_postal_code (who), ==, "1211");
  g_assert_cmpstr (lia_organization_get_address_country (who), ==, "Switzerland");
  g_assert_cmpstr (lia_organization_get_phone (who), ==, "+41-22-791-21-11");
  g_assert_cmpstr (lia_organization_get_email (who), ==, "info@who.example.int");
  g_assert_cmpstr (lia_organization_get_website (who), ==, "https://www.who.int");
  g_assert_cmpstr (lia_organization_get_notes (who), ==, "Specialised agency of the United Nations.");
  strv = lia_organization_get_tags (who);
  g_assert_cmpuint (g_strv_length ((char **) strv), ==, 2);
  g_assert_cmpstr (strv[0], ==, "UN");
  g_assert_cmpstr (strv[1], ==, "health");

  amina = load_contact_by_uid (f->store, "urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1");
  g_assert_cmpstr (lia_contact_get_honorific (amina), ==, "Dr");
  g_assert_cmpstr (lia_contact_get_given_name (amina), ==, "Amina");
  g_assert_cmpstr (lia_contact_get_family_name (amina), ==, "Diallo");
  g_assert_cmpstr (lia_contact_get_display_name (amina), ==, "Dr Amina Diallo");
  /* fn is what the parts give: no display name of its own. */
  g_assert_cmpstr (lia_contact_get_explicit_display_name (amina), ==, "");
  g_assert_cmpstr (lia_contact_get_job_title (amina), ==, "Director of Emergencies");
  /* pref 1 first, whatever the order of the file. */
  assert_point (lia_contact_get_emails (amina), 0, LIA_CONTACT_POINT_KIND_WORK, "a.diallo@who.example.int");
  assert_point (lia_contact_get_emails (amina), 1, LIA_CONTACT_POINT_KIND_HOME, "amina@example.org");
  assert_point (lia_contact_get_phones (amina), 0, LIA_CONTACT_POINT_KIND_FAX, "+41 22 791 21 11");
  strv = lia_contact_get_languages (amina);
  g_assert_cmpstr (strv[0], ==, "fr");
  g_assert_cmpstr (strv[1], ==, "en");
  g_assert_null (strv[2]);
  g_assert_cmpstr (lia_contact_get_time_zone (amina), ==, "Africa/Dakar");
  affiliation = only_affiliation (f->store, amina, &organization);
  g_assert_cmpstr (organization, ==, "World Health Organization");
  g_assert_cmpstr (lia_affiliation_get_role (affiliation), ==, "Regional Director");
  g_assert_true (lia_affiliation_get_primary (affiliation));
  g_clear_object (&affiliation);
  g_clear_pointer (&organization, g_free);

  /* Properties inside a group count; a utc-offset is not a time zone. */
  kofi = load_contact_by_uid (f->store, "contact-kofi");
  assert_point (lia_contact_get_phones (kofi), 0, LIA_CONTACT_POINT_KIND_WORK, "+41-22-791-00-00");
  assert_point (lia_contact_get_emails (kofi), 0, LIA_CONTACT_POINT_KIND_OTHER, "k.mensah@who.example.int");
  g_assert_cmpstr (lia_contact_get_time_zone (kofi), ==, "");
  affiliation = only_affiliation (f->store, kofi, &organization);
  g_assert_cmpstr (organization, ==, "World Health Organization");
  g_assert_cmpstr (lia_affiliation_get_role (affiliation), ==, "");
  g_clear_object (&affiliation);
  g_clear_pointer (&organization, g_free);

  lena = load_contact_by_email (f->store, "lena.sorensen@who.example.int");
  g_assert_cmpstr (lia_contact_get_notes (lena), ==, "Met at the Geneva forum.");
  assert_point (lia_contact_get_websites (lena), 0, LIA_CONTACT_POINT_KIND_OTHER, "https://lena.example.net");
  g_assert_cmpstr (lia_contact_get_tags (lena)[0], ==, "forum");
  affiliation = only_affiliation (f->store, lena, &organization);
  g_assert_cmpstr (organization, ==, "World Health Organization");
  g_assert_cmpstr (lia_affiliation_get_role (affiliation), ==, "Liaison officer");
  g_clear_object (&affiliation);
  g_clear_pointer (&organization, g_free);

  /* A uid with spaces is no id of ours: one is made from it, the same each time. */
  ministry = load_organization_by_name (f->store, "ministère de la santé");
  g_assert_cmpstr (lia_record_get_uid (LIA_RECORD (ministry)), ==, "org-ministere-de-la-sante");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) people =
      lia_store_list_affiliations_for_organization (f->store, lia_record_get_id (LIA_RECORD (ministry)), NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (people->len, ==, 1);
    jean = LIA_CONTACT (lia_test_load (f->store, LIA_RECORD_KIND_CONTACT,
                                       lia_affiliation_get_contact_id (g_ptr_array_index (people, 0))));
  }
  g_assert_cmpstr (lia_contact_get_display_name (jean), ==, "Jean Dupont");
  g_assert_true (g_str_has_prefix (lia_record_get_uid (LIA_RECORD (jean)), "xcard-"));

  /* Again: everyone is found (Lena by her email), nothing is new, nothing changes. */
  again = import_fixture (f->store, "partners.xml");
  g_assert_cmpuint (lia_importer_get_total (again, LIA_IMPORT_CREATED), ==, 0);
  g_assert_cmpuint (lia_importer_get_total (again, LIA_IMPORT_UPDATED), ==, 0);
  g_assert_cmpuint (lia_importer_get_count (again, LIA_RECORD_KIND_CONTACT, LIA_IMPORT_UNCHANGED), ==, 4);
  g_assert_cmpuint (lia_importer_get_count (again, LIA_RECORD_KIND_AFFILIATION, LIA_IMPORT_UNCHANGED), ==, 4);
  assert_counts (f->store, 2, 4, 4);
}

/* Someone typed in by hand is found by email; what xCard does not carry stays. */
static void
test_match_existing_by_email (StoreFixture  *f,
                              gconstpointer  data)
{
  g_autoptr(LiaContact) typed = lia_contact_new ("Lena", "S.");
  g_autoptr(LiaImporter) importer = NULL;
  g_autoptr(LiaContact) lena = NULL;
  g_autofree char *uid = NULL;

  lia_contact_add_email (typed, LIA_CONTACT_POINT_KIND_WORK, "LENA.SORENSEN@WHO.EXAMPLE.INT");
  lia_contact_set_preferred_channel (typed, LIA_CHANNEL_EMAIL);
  lia_assessment_set_influence (lia_contact_get_assessment (typed), 4);
  lia_test_save (f->store, typed);
  uid = g_strdup (lia_record_get_uid (LIA_RECORD (typed)));

  importer = import_fixture (f->store, "partners.xml");
  g_assert_cmpuint (lia_importer_get_count (importer, LIA_RECORD_KIND_CONTACT, LIA_IMPORT_CREATED), ==, 3);
  g_assert_cmpuint (lia_importer_get_count (importer, LIA_RECORD_KIND_CONTACT, LIA_IMPORT_UPDATED), ==, 1);
  assert_counts (f->store, 2, 4, 4);

  lena = LIA_CONTACT (lia_test_load (f->store, LIA_RECORD_KIND_CONTACT, lia_record_get_id (LIA_RECORD (typed))));
  g_assert_cmpstr (lia_record_get_uid (LIA_RECORD (lena)), ==, uid);
  g_assert_cmpstr (lia_contact_get_family_name (lena), ==, "Sørensen");
  g_assert_cmpint (lia_contact_get_preferred_channel (lena), ==, LIA_CHANNEL_EMAIL);
  g_assert_cmpint (lia_assessment_get_influence (lia_contact_get_assessment (lena)), ==, 4);
}

/* A <vcard> root on its own is a one-card xCard file; a second import changes nothing. */
static void
test_bare_vcard (StoreFixture  *f,
                 gconstpointer  data)
{
  g_autoptr(LiaImporter) first = import_fixture (f->store, "bare-vcard.xml");
  g_autoptr(LiaImporter) again = NULL;
  g_autoptr(LiaContact) amina = NULL;

  g_assert_cmpuint (lia_importer_get_count (first, LIA_RECORD_KIND_CONTACT, LIA_IMPORT_CREATED), ==, 1);
  g_assert_cmpuint (lia_importer_get_count (first, LIA_RECORD_KIND_ORGANIZATION, LIA_IMPORT_CREATED), ==, 1);
  amina = load_contact_by_email (f->store, "amina@example.org");
  g_assert_cmpstr (lia_contact_get_family_name (amina), ==, "Diallo");

  again = import_fixture (f->store, "bare-vcard.xml");
  g_assert_cmpuint (lia_importer_get_total (again, LIA_IMPORT_CREATED), ==, 0);
  g_assert_cmpuint (lia_importer_get_total (again, LIA_IMPORT_UPDATED), ==, 0);
  g_assert_cmpuint (lia_importer_get_count (again, LIA_RECORD_KIND_CONTACT, LIA_IMPORT_UNCHANGED), ==, 1);
}

static void
test_dry_run (StoreFixture  *f,
              gconstpointer  data)
{
  g_autofree char *path = fixture_path ("partners.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaImporter) importer = import_file (f->store, path, TRUE, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (lia_importer_get_count (importer, LIA_RECORD_KIND_CONTACT, LIA_IMPORT_CREATED), ==, 4);
  g_assert_cmpuint (lia_importer_get_count (importer, LIA_RECORD_KIND_AFFILIATION, LIA_IMPORT_CREATED), ==, 4);

  lia_test_reopen (f);
  assert_counts (f->store, 0, 0, 0);
}

/* Two problems, each with its line; not even the good vCard is kept. */
static void
test_broken (StoreFixture  *f,
             gconstpointer  data)
{
  g_autofree char *path = fixture_path ("broken.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaImporter) importer = import_file (f->store, path, FALSE, &error);
  GListModel *problems = lia_importer_get_problems (importer);
  g_autoptr(LiaImportProblem) email = NULL;
  g_autoptr(LiaImportProblem) nameless = NULL;
  g_autofree char *email_text = NULL;
  g_autofree char *nameless_text = NULL;

  g_assert_error (error, LIA_EXCHANGE_ERROR, LIA_EXCHANGE_ERROR_INVALID);
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 2);

  email = g_list_model_get_item (problems, 0);
  email_text = lia_import_problem_to_string (email);
  g_assert_cmpuint (lia_import_problem_get_line (email), ==, 7);
  g_assert_nonnull (strstr (email_text, "not-an-email"));

  nameless = g_list_model_get_item (problems, 1);
  nameless_text = lia_import_problem_to_string (nameless);
  g_assert_cmpuint (lia_import_problem_get_line (nameless), ==, 11);
  g_assert_nonnull (strstr (nameless_text, "vCard 3 has no fn (formatted name)"));

  lia_test_reopen (f);
  assert_counts (f->store, 0, 0, 0);
}

/* Export */

static void
seed (LiaStore *store)
{
  g_autoptr(LiaOrganization) who = lia_organization_new ("World Health Organization");
  g_autoptr(LiaOrganization) ministry = lia_organization_new ("Ministère de la Santé");
  g_autoptr(LiaContact) amina = lia_contact_new ("Amina", "Diallo");
  g_autoptr(LiaContact) kofi = lia_contact_new ("Kofi", NULL);
  g_autoptr(LiaContact) lena = lia_contact_new (NULL, "Sørensen");
  const char *languages[] = { "fr", "en", "wo", NULL };
  const char *tags[] = { "UN", "health", NULL };
  gint64 affiliation;

  lia_organization_set_short_name (who, "WHO");
  lia_organization_set_street (who, "Avenue Appia 20\nBuilding 3");
  lia_organization_set_locality (who, "Geneva");
  lia_organization_set_postal_code (who, "1211");
  lia_organization_set_address_country (who, "Switzerland");
  lia_organization_set_website (who, "https://www.who.int");
  lia_organization_set_email (who, "info@who.example.int");
  lia_organization_set_phone (who, "+41 22 791 21 11");
  lia_organization_set_notes (who, "Line one\nLine two & <more>");
  lia_organization_set_tags (who, tags);
  lia_assessment_set_influence (lia_organization_get_assessment (who), 5);
  lia_test_save (store, who);
  lia_test_save (store, ministry);

  lia_contact_set_honorific (amina, "Dr");
  lia_contact_set_suffix (amina, "PhD");
  lia_contact_set_display_name (amina, "Amina");
  lia_contact_set_job_title (amina, "Director of Emergencies");
  lia_contact_add_email (amina, LIA_CONTACT_POINT_KIND_WORK, "a.diallo@who.example.int");
  lia_contact_add_email (amina, LIA_CONTACT_POINT_KIND_HOME, "amina@example.org");
  lia_contact_add_phone (amina, LIA_CONTACT_POINT_KIND_MOBILE, "+1-418-262-6501");
  lia_contact_add_phone (amina, LIA_CONTACT_POINT_KIND_OTHER, "022 791 21 11");
  lia_contact_set_languages (amina, languages);
  lia_contact_set_time_zone (amina, "Africa/Dakar");
  lia_contact_set_notes (amina, "Prefers mornings.\nAsk about the report.");
  lia_contact_set_tags (amina, tags);
  lia_test_save (store, amina);

  lia_test_save (store, kofi);
  lia_record_set_uid (LIA_RECORD (lena), "urn:uuid:9e1c2b7a-3c55-4d8e-9f0a-1b2c3d4e5f60");
  lia_test_save (store, lena);

  affiliation = lia_test_add_affiliation (store, lia_record_get_id (LIA_RECORD (amina)),
                                          lia_record_get_id (LIA_RECORD (who)), "Regional Director",
                                          "2020-01-01", NULL);
  {
    g_autoptr(LiaRecord) record = lia_test_load (store, LIA_RECORD_KIND_AFFILIATION, affiliation);
    lia_affiliation_set_primary (LIA_AFFILIATION (record), TRUE);
    lia_test_save (store, record);
  }
  /* Past: not where she works now, so not her org. */
  lia_test_add_affiliation (store, lia_record_get_id (LIA_RECORD (amina)),
                            lia_record_get_id (LIA_RECORD (ministry)), "Adviser", "2015-01-01", "2019-12-31");
  lia_test_add_affiliation (store, lia_record_get_id (LIA_RECORD (kofi)),
                            lia_record_get_id (LIA_RECORD (ministry)), NULL, NULL, NULL);
}

static guint
count_children (xmlNode    *node,
                const char *name)
{
  guint n = 0;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && g_str_equal ((const char *) child->name, name))
      n++;
  return n;
}

static xmlNode *
child_named (xmlNode    *node,
             const char *name)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && g_str_equal ((const char *) child->name, name))
      return child;
  return NULL;
}

static xmlNode *
required_child (xmlNode    *node,
                const char *name)
{
  xmlNode *child = child_named (node, name);

  if (child == NULL)
    g_error ("<%s> has no <%s>", (const char *) node->name, name);
  return child;
}

/* What another xCard reader relies on: the namespace, one vcard per record, a formatted name
 * in each, n with its five components in order. */
static void
assert_valid_xcard (const char *path,
                    guint       n_organizations,
                    guint       n_contacts)
{
  xmlDoc *doc = xmlReadFile (path, NULL, XML_PARSE_NONET);
  xmlNode *root;
  guint cards = 0;
  guint organizations = 0;

  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_cmpstr ((const char *) root->name, ==, "vcards");
  g_assert_nonnull (root->ns);
  g_assert_cmpstr ((const char *) root->ns->href, ==, XCARD_NS);

  for (xmlNode *card = root->children; card != NULL; card = card->next)
    {
      xmlNode *fn;
      xmlNode *text;

      if (card->type != XML_ELEMENT_NODE)
        continue;
      g_assert_cmpstr ((const char *) card->name, ==, "vcard");
      g_assert_cmpstr ((const char *) card->ns->href, ==, XCARD_NS);
      cards++;

      g_assert_cmpuint (count_children (card, "fn"), ==, 1);
      fn = required_child (card, "fn");
      text = required_child (fn, "text");
      g_assert_nonnull (text->children);
      g_assert_cmpuint (count_children (card, "uid"), ==, 1);

      if (child_named (card, "kind") != NULL)
        {
          organizations++;
          g_assert_null (child_named (card, "n"));
        }
      else
        {
          static const char * const parts[] = { "surname", "given", "additional", "prefix", "suffix" };
          xmlNode *n = required_child (card, "n");
          guint i = 0;

          for (xmlNode *part = n->children; part != NULL; part = part->next)
            if (part->type == XML_ELEMENT_NODE)
              {
                g_assert_cmpuint (i, <, G_N_ELEMENTS (parts));
                g_assert_cmpstr ((const char *) part->name, ==, parts[i++]);
              }
          g_assert_cmpuint (i, ==, 5);
        }
    }

  g_assert_cmpuint (cards, ==, n_organizations + n_contacts);
  g_assert_cmpuint (organizations, ==, n_organizations);
  xmlFreeDoc (doc);
}

static void
test_export_round_trip (StoreFixture  *f,
                        gconstpointer  data)
{
  g_autofree char *first = lia_test_pg_file (f, "first.xml");
  g_autofree char *second = lia_test_pg_file (f, "second.xml");
  g_autofree char *other_db = lia_test_pg_new_database (f, "other.db");
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaImporter) back = NULL;
  LiaStore *other;

  seed (f->store);
  export_xcard (f->store, first);
  assert_valid_xcard (first, 2, 3);

  g_file_get_contents (first, &first_text, NULL, &error);
  g_assert_no_error (error);
  /* Numbers that are tel: URIs are written as such; the others as the person typed them. */
  g_assert_nonnull (strstr (first_text, "<uri>tel:+1-418-262-6501</uri>"));
  g_assert_nonnull (strstr (first_text, "<text>+41 22 791 21 11</text>"));
  g_assert_nonnull (strstr (first_text, "<org>\n      <text>World Health Organization</text>\n    </org>\n    <role>"));
  g_assert_null (strstr (first_text, "Adviser"));
  g_assert_nonnull (strstr (first_text, "<text>cell</text>"));
  g_assert_nonnull (strstr (first_text, "<language-tag>wo</language-tag>"));

  /* Into an empty database and out again: the same bytes. */
  other = lia_test_open (other_db);
  {
    g_autoptr(LiaImporter) importer = import_file (other, first, FALSE, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (lia_importer_get_count (importer, LIA_RECORD_KIND_ORGANIZATION, LIA_IMPORT_CREATED), ==, 2);
    g_assert_cmpuint (lia_importer_get_count (importer, LIA_RECORD_KIND_CONTACT, LIA_IMPORT_CREATED), ==, 3);
    g_assert_cmpuint (lia_importer_get_count (importer, LIA_RECORD_KIND_AFFILIATION, LIA_IMPORT_CREATED), ==, 2);
  }
  export_xcard (other, second);
  g_assert_finalize_object (G_OBJECT (other));

  g_file_get_contents (second, &second_text, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second_text, ==, first_text);

  /* And back into the database it came from: all there, nothing changes, the assessment the
   * file does not carry stays. */
  back = import_file (f->store, first, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lia_importer_get_total (back, LIA_IMPORT_CREATED), ==, 0);
  g_assert_cmpuint (lia_importer_get_total (back, LIA_IMPORT_UPDATED), ==, 0);
  assert_counts (f->store, 2, 3, 3);
  {
    g_autoptr(LiaOrganization) who = load_organization_by_name (f->store, "World Health Organization");
    g_assert_cmpint (lia_assessment_get_influence (lia_organization_get_assessment (who)), ==, 5);
    g_assert_cmpstr (lia_organization_get_short_name (who), ==, "WHO");
  }
}

/* Every contact field out to xCard and back into an empty database: the same values, and the
 * second export the same bytes. */
static void
test_contact_fields_round_trip (StoreFixture  *f,
                                gconstpointer  data)
{
  g_autofree char *directory = g_test_build_filename (G_TEST_DIST, "data", "directory",
                                                      "contact-fields.xml", NULL);
  g_autofree char *first = lia_test_pg_file (f, "first.xml");
  g_autofree char *second = lia_test_pg_file (f, "second.xml");
  g_autofree char *other_db = lia_test_pg_new_database (f, "other.db");
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;
  g_autofree char *organization = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaContact) ana = NULL;
  g_autoptr(LiaContact) read_back = NULL;
  g_autoptr(LiaAffiliation) affiliation = NULL;
  LiaStore *other;

  {
    g_autoptr(LiaImporter) importer = import_file (f->store, directory, FALSE, &error);
    g_assert_no_error (error);
  }
  export_xcard (f->store, first);
  assert_valid_xcard (first, 1, 2);
  g_file_get_contents (first, &first_text, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (first_text, "<bday>\n      <date>--0321</date>"));
  g_assert_nonnull (strstr (first_text, "<date>19791102</date>"));
  g_assert_nonnull (strstr (first_text, "<uri>data:image/png;base64,iVBORw0KGgo"));
  g_assert_nonnull (strstr (first_text, "<text>Emergency Operations</text>\n    </org>"));
  g_assert_nonnull (strstr (first_text, "<uri>xmpp:ana@zagreb-health.example</uri>"));

  other = lia_test_open (other_db);
  {
    g_autoptr(LiaImporter) importer = import_file (other, first, FALSE, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (lia_importer_get_count (importer, LIA_RECORD_KIND_CONTACT, LIA_IMPORT_CREATED), ==, 2);
    g_assert_null (lia_importer_describe_not_kept (importer));
  }
  export_xcard (other, second);
  g_file_get_contents (second, &second_text, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second_text, ==, first_text);

  ana = load_contact_by_email (f->store, "ana.kovac@zagreb-health.example");
  read_back = load_contact_by_email (other, "ana.kovac@zagreb-health.example");
  g_assert_cmpstr (lia_contact_get_nickname (read_back), ==, "Anči");
  g_assert_cmpstr (lia_contact_get_birthday (read_back), ==, "--03-21");
  g_assert_cmpuint (g_list_model_get_n_items (lia_contact_get_addresses (read_back)), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(LiaPostalAddress) a = g_list_model_get_item (lia_contact_get_addresses (ana), i);
      g_autoptr(LiaPostalAddress) b = g_list_model_get_item (lia_contact_get_addresses (read_back), i);
      g_assert_true (lia_postal_address_equal (a, b));
    }
  assert_point (lia_contact_get_websites (read_back), 1, LIA_CONTACT_POINT_KIND_HOME, "https://ana.example");
  assert_point (lia_contact_get_ims (read_back), 1, LIA_CONTACT_POINT_KIND_OTHER, "sip:+38512345678@sip.example");
  assert_point (lia_contact_get_ims (read_back), 2, LIA_CONTACT_POINT_KIND_HOME, "skype:ana.kovac");
  g_assert_true (g_bytes_equal (lia_contact_get_photo (read_back), lia_contact_get_photo (ana)));
  g_assert_cmpstr (lia_contact_get_photo_mime_type (read_back), ==, "image/png");
  affiliation = only_affiliation (other, read_back, &organization);
  g_assert_cmpstr (organization, ==, "Zagreb Public Health Institute");
  g_assert_cmpstr (lia_affiliation_get_unit (affiliation), ==, "Emergency Operations");
  g_clear_object (&read_back);
  g_clear_object (&affiliation);
  g_assert_finalize_object (G_OBJECT (other));
}

int
main (int    argc,
      char **argv)
{
  int skip = 0;

  if (!lia_test_pg_init (&argc, &argv, &skip))
    return skip;

  g_test_add ("/xcard/import/rfc6351-example", StoreFixture, NULL,
              lia_test_pg_files_setup, test_rfc_example, lia_test_pg_files_teardown);
  g_test_add ("/xcard/import/rfc6351-example-again", StoreFixture, NULL,
              lia_test_pg_files_setup, test_rfc_example_again, lia_test_pg_files_teardown);
  g_test_add ("/xcard/import/partners", StoreFixture, NULL,
              lia_test_pg_files_setup, test_partners, lia_test_pg_files_teardown);
  g_test_add ("/xcard/import/match-existing-by-email", StoreFixture, NULL,
              lia_test_pg_files_setup, test_match_existing_by_email, lia_test_pg_files_teardown);
  g_test_add ("/xcard/import/bare-vcard", StoreFixture, NULL,
              lia_test_pg_files_setup, test_bare_vcard, lia_test_pg_files_teardown);
  g_test_add ("/xcard/import/dry-run", StoreFixture, NULL,
              lia_test_pg_files_setup, test_dry_run, lia_test_pg_files_teardown);
  g_test_add ("/xcard/import/broken", StoreFixture, NULL,
              lia_test_pg_files_setup, test_broken, lia_test_pg_files_teardown);
  g_test_add ("/xcard/export/contact-fields", StoreFixture, NULL,
              lia_test_pg_files_setup, test_contact_fields_round_trip, lia_test_pg_files_teardown);
  g_test_add ("/xcard/export/round-trip", StoreFixture, NULL,
              lia_test_pg_files_setup, test_export_round_trip, lia_test_pg_files_teardown);

  return g_test_run ();
}
