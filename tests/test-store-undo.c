/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Undo of a delete (lia-store-undo.h): the record comes back as it was, under its id, and so do
 * its links: affiliations, participations, counterparts, parties, sub-organizations. */
#include "config.h"

#include "lia-list-model.h"
#include "lia-store-undo.h"
#include "lia-test-pg.h"

typedef struct
{
  gint64 who;
  gint64 where;
  gint64 child;
  gint64 affiliation;
  gint64 meeting;
  gint64 promise;
  gint64 dispute;
} Seed;

static void
seed (LiaStore *store,
      Seed     *s)
{
  g_autoptr(LiaContact) contact = lia_contact_new ("Amina", "Diallo");
  g_autoptr(LiaCommitment) commitment = lia_commitment_new (LIA_COMMITMENT_DIRECTION_OURS, "Send the report");
  g_autoptr(LiaConcern) concern = lia_concern_new ("Clinic fees");
  g_autoptr(LiaConcernParty) party = NULL;

  s->where = lia_test_add_organization (store, "World Health Organization", 0);
  s->child = lia_test_add_organization (store, "WHO Regional Office", s->where);
  lia_contact_add_email (contact, LIA_CONTACT_POINT_KIND_WORK, "amina@example.org");
  lia_contact_set_time_zone (contact, "Africa/Nairobi");
  lia_test_save (store, contact);
  s->who = lia_record_get_id (LIA_RECORD (contact));
  s->affiliation = lia_test_add_affiliation (store, s->who, s->where, "Director", "2019-01-01", NULL);
  s->meeting = lia_test_add_interaction (store, LIA_INTERACTION_KIND_MEETING, "2025-03-14T10:00:00+03:00",
                                         "Budget meeting", s->who, s->where);
  lia_commitment_set_contact_id (commitment, s->who);
  lia_commitment_set_organization_id (commitment, s->where);
  lia_commitment_set_interaction_id (commitment, s->meeting);
  lia_test_save (store, commitment);
  s->promise = lia_record_get_id (LIA_RECORD (commitment));
  party = lia_concern_party_new_contact (s->who, "Wants them waived");
  lia_concern_add_party (concern, party);
  lia_concern_add_interaction (concern, s->meeting);
  lia_test_save (store, concern);
  s->dispute = lia_record_get_id (LIA_RECORD (concern));
}

static void
test_contact (StoreFixture  *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaRecord) before = NULL;
  g_autoptr(LiaRecord) contact = NULL;
  g_autoptr(LiaDeletion) deletion = NULL;
  g_autoptr(LiaRecord) restored = NULL;
  g_autoptr(LiaRecord) meeting = NULL;
  g_autoptr(LiaRecord) promise = NULL;
  g_autoptr(LiaRecord) dispute = NULL;
  g_autoptr(GPtrArray) affiliations = NULL;
  g_autoptr(GPtrArray) found = NULL;
  Seed s;

  seed (f->store, &s);
  before = lia_test_load (f->store, LIA_RECORD_KIND_CONTACT, s.who);
  contact = lia_test_load (f->store, LIA_RECORD_KIND_CONTACT, s.who);

  deletion = lia_store_delete_with_undo (f->store, contact, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deletion);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_CONTACT), ==, 0);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_AFFILIATION), ==, 0);
  /* The affiliation, the meeting, the commitment and the concern were reached. */
  g_assert_cmpuint (lia_deletion_get_n_reached (deletion), ==, 4);

  restored = lia_store_undo_deletion (f->store, deletion, &error);
  g_assert_no_error (error);
  g_assert_nonnull (restored);

  /* After reopening, as a person would find it. */
  lia_test_reopen (f);
  g_clear_object (&restored);
  restored = lia_test_load (f->store, LIA_RECORD_KIND_CONTACT, s.who);
  g_assert_cmpstr (lia_record_get_uid (restored), ==, lia_record_get_uid (before));
  g_assert_true (g_date_time_equal (lia_record_get_created_at (restored), lia_record_get_created_at (before)));
  g_assert_cmpstr (lia_contact_get_display_name (LIA_CONTACT (restored)), ==, "Amina Diallo");
  g_assert_cmpstr (lia_contact_get_time_zone (LIA_CONTACT (restored)), ==, "Africa/Nairobi");
  g_assert_cmpuint (g_list_model_get_n_items (lia_contact_get_emails (LIA_CONTACT (restored))), ==, 1);

  affiliations = lia_store_list_affiliations_for_contact (f->store, s.who, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (affiliations->len, ==, 1);
  g_assert_cmpint (lia_test_record_id_at (affiliations, 0), ==, s.affiliation);
  g_assert_cmpstr (lia_affiliation_get_role (affiliations->pdata[0]), ==, "Director");

  meeting = lia_test_load (f->store, LIA_RECORD_KIND_INTERACTION, s.meeting);
  g_assert_cmpuint (lia_interaction_get_contact_ids (LIA_INTERACTION (meeting))->len, ==, 1);
  g_assert_cmpint (g_array_index (lia_interaction_get_contact_ids (LIA_INTERACTION (meeting)), gint64, 0), ==, s.who);
  promise = lia_test_load (f->store, LIA_RECORD_KIND_COMMITMENT, s.promise);
  g_assert_cmpint (lia_commitment_get_contact_id (LIA_COMMITMENT (promise)), ==, s.who);
  dispute = lia_test_load (f->store, LIA_RECORD_KIND_CONCERN, s.dispute);
  g_assert_cmpuint (g_list_model_get_n_items (lia_concern_get_parties (LIA_CONCERN (dispute))), ==, 1);

  /* The search index follows the restored row. */
  found = lia_store_search (f->store, "amin", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, >=, 1);
  g_assert_cmpint (lia_search_result_get_id (found->pdata[0]), ==, s.who);

  {
    g_autoptr(GPtrArray) problems = lia_store_check (f->store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

static void
test_organization (StoreFixture  *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaRecord) organization = NULL;
  g_autoptr(LiaRecord) child = NULL;
  g_autoptr(LiaDeletion) deletion = NULL;
  g_autoptr(LiaRecord) restored = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(LiaRecord) meeting = NULL;
  g_autoptr(LiaRecord) promise = NULL;
  Seed s;

  seed (f->store, &s);
  organization = lia_test_load (f->store, LIA_RECORD_KIND_ORGANIZATION, s.where);
  deletion = lia_store_delete_with_undo (f->store, organization, &error);
  g_assert_no_error (error);
  child = lia_test_load (f->store, LIA_RECORD_KIND_ORGANIZATION, s.child);
  g_assert_cmpint (lia_organization_get_parent_id (LIA_ORGANIZATION (child)), ==, 0);
  g_clear_object (&child);

  restored = lia_store_undo_deletion (f->store, deletion, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_record_get_id (restored), ==, s.where);

  child = lia_test_load (f->store, LIA_RECORD_KIND_ORGANIZATION, s.child);
  g_assert_cmpint (lia_organization_get_parent_id (LIA_ORGANIZATION (child)), ==, s.where);
  people = lia_store_list_affiliations_for_organization (f->store, s.where, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 1);
  meeting = lia_test_load (f->store, LIA_RECORD_KIND_INTERACTION, s.meeting);
  g_assert_cmpuint (lia_interaction_get_organization_ids (LIA_INTERACTION (meeting))->len, ==, 1);
  g_assert_cmpint (g_array_index (lia_interaction_get_organization_ids (LIA_INTERACTION (meeting)), gint64, 0),
                   ==, s.where);
  promise = lia_test_load (f->store, LIA_RECORD_KIND_COMMITMENT, s.promise);
  g_assert_cmpint (lia_commitment_get_organization_id (LIA_COMMITMENT (promise)), ==, s.where);

  /* After reopening, as a person would find it. */
  g_clear_object (&restored);
  g_clear_object (&child);
  lia_test_reopen (f);
  restored = lia_test_load (f->store, LIA_RECORD_KIND_ORGANIZATION, s.where);
  g_assert_cmpstr (lia_organization_get_name (LIA_ORGANIZATION (restored)), ==, "World Health Organization");
  child = lia_test_load (f->store, LIA_RECORD_KIND_ORGANIZATION, s.child);
  g_assert_cmpint (lia_organization_get_parent_id (LIA_ORGANIZATION (child)), ==, s.where);
}

/* A record made after the delete took the id: the restored one gets another, and its links
 * follow it instead of pointing at the newcomer. */
static void
test_id_taken (StoreFixture  *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaRecord) contact = NULL;
  g_autoptr(LiaDeletion) deletion = NULL;
  g_autoptr(LiaRecord) restored = NULL;
  g_autoptr(LiaRecord) meeting = NULL;
  g_autoptr(GPtrArray) affiliations = NULL;
  gint64 newcomer, id;
  Seed s;

  seed (f->store, &s);
  contact = lia_test_load (f->store, LIA_RECORD_KIND_CONTACT, s.who);
  deletion = lia_store_delete_with_undo (f->store, contact, &error);
  g_assert_no_error (error);

  newcomer = lia_test_add_contact (f->store, "Bruno", "Keller");
  g_assert_cmpint (newcomer, ==, s.who);

  restored = lia_store_undo_deletion (f->store, deletion, &error);
  g_assert_no_error (error);
  id = lia_record_get_id (restored);
  g_assert_cmpint (id, !=, s.who);

  affiliations = lia_store_list_affiliations_for_contact (f->store, id, &error);
  g_assert_cmpuint (affiliations->len, ==, 1);
  meeting = lia_test_load (f->store, LIA_RECORD_KIND_INTERACTION, s.meeting);
  g_assert_cmpint (g_array_index (lia_interaction_get_contact_ids (LIA_INTERACTION (meeting)), gint64, 0), ==, id);
}

/* Announced like any other change, so that open lists show the record again. */
static void
test_signals (StoreFixture  *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaRecord) contact = NULL;
  g_autoptr(LiaDeletion) deletion = NULL;
  g_autoptr(LiaRecord) restored = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (LiaTestChange));
  Seed s;

  seed (f->store, &s);
  contact = lia_test_load (f->store, LIA_RECORD_KIND_CONTACT, s.who);
  deletion = lia_store_delete_with_undo (f->store, contact, &error);
  g_assert_no_error (error);

  g_signal_connect (f->store, "changed", G_CALLBACK (lia_test_on_changed_cb), changes);
  restored = lia_store_undo_deletion (f->store, deletion, &error);
  g_assert_no_error (error);
  g_signal_handlers_disconnect_by_func (f->store, lia_test_on_changed_cb, changes);

  g_assert_cmpuint (changes->len, ==, 5);
  lia_test_assert_change (changes, 0, LIA_RECORD_KIND_CONTACT, s.who, LIA_STORE_CHANGE_ADDED);
  lia_test_assert_change (changes, 1, LIA_RECORD_KIND_AFFILIATION, s.affiliation, LIA_STORE_CHANGE_ADDED);
}

/* A contact's addresses, websites, handles and photo: kept on save, cut by a list (the photo
 * only), restored with an undone delete, never touched by saving a contact read from a list. */
static void
test_contact_fields (StoreFixture  *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaContact) contact = lia_contact_new ("Ana", "Kovač");
  g_autoptr(LiaPostalAddress) address = lia_postal_address_new (LIA_CONTACT_POINT_KIND_HOME);
  g_autoptr(GBytes) photo = g_bytes_new_static ("\xff\xd8\xff\xe0JFIF", 8);
  g_autoptr(LiaRecord) listed = NULL;
  g_autoptr(LiaRecord) restored = NULL;
  g_autoptr(LiaDeletion) deletion = NULL;
  g_autoptr(LiaListModel) model = NULL;
  g_autoptr(LiaPostalAddress) read_address = NULL;
  g_autoptr(LiaContactPoint) im = NULL;
  gint64 id;

  lia_postal_address_set_po_box (address, "PO Box 7");
  lia_postal_address_set_street (address, "Ilica 1");
  lia_postal_address_set_locality (address, "Zagreb");
  lia_postal_address_set_country (address, "Hrvatska");
  lia_contact_add_address (contact, address);
  lia_contact_add_website (contact, LIA_CONTACT_POINT_KIND_WORK, "https://example.org/ana");
  lia_contact_add_im (contact, LIA_CONTACT_POINT_KIND_OTHER, "xmpp:ana@example.org");
  lia_contact_add_im (contact, LIA_CONTACT_POINT_KIND_WORK, "sip:ana@example.org");
  lia_contact_set_birthday (contact, "1984-03-21");
  lia_contact_set_photo (contact, photo, "image/jpeg");
  lia_test_save (f->store, contact);
  id = lia_record_get_id (LIA_RECORD (contact));

  /* A list shows the contact without reading the photo; saving that copy keeps the photo. */
  model = lia_list_model_new_contacts (f->store, LIA_CONTACT_SORT_FAMILY_NAME);
  listed = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_false (lia_contact_get_photo_loaded (LIA_CONTACT (listed)));
  g_assert_cmpuint (g_list_model_get_n_items (lia_contact_get_ims (LIA_CONTACT (listed))), ==, 2);
  lia_contact_set_nickname (LIA_CONTACT (listed), "Anči");
  lia_test_save (f->store, listed);
  g_assert_cmpint (lia_test_sql_int (f->path, "SELECT count(*) FROM contact_photos"), ==, 1);
  g_assert_true (lia_store_load_contact_photo (f->store, LIA_CONTACT (listed), &error));
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (lia_contact_get_photo (LIA_CONTACT (listed)), photo));
  g_clear_object (&model);

  deletion = lia_store_delete_with_undo (f->store, listed, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_test_sql_int (f->path, "SELECT count(*) FROM contact_photos"), ==, 0);
  g_assert_cmpint (lia_test_sql_int (f->path, "SELECT count(*) FROM contact_addresses"), ==, 0);
  g_assert_cmpint (lia_test_sql_int (f->path, "SELECT count(*) FROM contact_ims"), ==, 0);
  restored = lia_store_undo_deletion (f->store, deletion, &error);
  g_assert_no_error (error);
  g_clear_object (&restored);

  lia_test_reopen (f);
  restored = lia_test_load (f->store, LIA_RECORD_KIND_CONTACT, id);
  g_assert_cmpstr (lia_contact_get_nickname (LIA_CONTACT (restored)), ==, "Anči");
  g_assert_cmpstr (lia_contact_get_birthday (LIA_CONTACT (restored)), ==, "1984-03-21");
  g_assert_true (g_bytes_equal (lia_contact_get_photo (LIA_CONTACT (restored)), photo));
  g_assert_cmpstr (lia_contact_get_photo_mime_type (LIA_CONTACT (restored)), ==, "image/jpeg");
  read_address = g_list_model_get_item (lia_contact_get_addresses (LIA_CONTACT (restored)), 0);
  g_assert_true (lia_postal_address_equal (read_address, address));
  g_assert_cmpuint (g_list_model_get_n_items (lia_contact_get_websites (LIA_CONTACT (restored))), ==, 1);
  im = g_list_model_get_item (lia_contact_get_ims (LIA_CONTACT (restored)), 1);
  g_assert_cmpstr (lia_contact_point_get_value (im), ==, "sip:ana@example.org");

  /* Removing the photo in an editor's copy removes it from the database. */
  lia_contact_set_photo (LIA_CONTACT (restored), NULL, NULL);
  lia_test_save (f->store, restored);
  g_assert_cmpint (lia_test_sql_int (f->path, "SELECT count(*) FROM contact_photos"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int skip = 0;

  if (!lia_test_pg_init (&argc, &argv, &skip))
    return skip;

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, lia_test_pg_fixture_setup, func, lia_test_pg_fixture_teardown)

  ADD ("/store-undo/contact", test_contact);
  ADD ("/store-undo/organization", test_organization);
  ADD ("/store-undo/signals", test_signals);
  /* A file reuses a freed id, a server never does; the tables are read through the file. */
  if (pg_cluster == NULL)
    {
      ADD ("/store-undo/id-taken", test_id_taken);
      ADD ("/store-undo/contact-fields", test_contact_fields);
    }

#undef ADD

  return g_test_run ();
}
