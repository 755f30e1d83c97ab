/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the store refuses, and what it does instead of losing data: invalid values, references
 * to nothing, duplicate uids, failed transactions, deletes with dependants, values the schema
 * forbids, databases from a newer Liaison or not databases at all, and damage found by check. */

#include <signal.h>

#include "lia-test-pg.h"
#include "lia-store-private.h"

typedef struct
{
  gint64 organizations, contacts, affiliations, interactions, commitments, concerns;
} Snapshot;

static Snapshot
snapshot (LiaStore *store)
{
  Snapshot s = {
    lia_test_count (store, LIA_RECORD_KIND_ORGANIZATION),
    lia_test_count (store, LIA_RECORD_KIND_CONTACT),
    lia_test_count (store, LIA_RECORD_KIND_AFFILIATION),
    lia_test_count (store, LIA_RECORD_KIND_INTERACTION),
    lia_test_count (store, LIA_RECORD_KIND_COMMITMENT),
    lia_test_count (store, LIA_RECORD_KIND_CONCERN),
  };
  return s;
}

static void
assert_snapshot_equal (Snapshot a,
                       Snapshot b)
{
  g_assert_cmpint (a.organizations, ==, b.organizations);
  g_assert_cmpint (a.contacts, ==, b.contacts);
  g_assert_cmpint (a.affiliations, ==, b.affiliations);
  g_assert_cmpint (a.interactions, ==, b.interactions);
  g_assert_cmpint (a.commitments, ==, b.commitments);
  g_assert_cmpint (a.concerns, ==, b.concerns);
}

/* Saving @record fails with @code, its id stays 0 and nothing changes, now or after a restart. */
static void
assert_save_refused (StoreFixture *f,
                     gpointer      record,
                     int           code)
{
  g_autoptr(GError) error = NULL;
  Snapshot before = snapshot (f->store);
  gint64 id_before = lia_record_get_id (LIA_RECORD (record));

  g_assert_false (lia_store_save (f->store, LIA_RECORD (record), &error));
  g_assert_error (error, LIA_STORE_ERROR, code);
  g_assert_nonnull (error->message);
  g_assert_cmpuint (strlen (error->message), >, 0);
  g_printerr ("refused as expected: %s\n", error->message);
  g_assert_cmpint (lia_record_get_id (LIA_RECORD (record)), ==, id_before);
  g_assert_false (lia_store_in_transaction (f->store));

  assert_snapshot_equal (before, snapshot (f->store));
  lia_test_reopen (f);
  assert_snapshot_equal (before, snapshot (f->store));
}

static void
test_invalid_values (StoreFixture  *f,
                     gconstpointer  data)
{
  gint64 org_id = lia_test_add_organization (f->store, "World Health Organization", 0);
  gint64 contact_id = lia_test_add_contact (f->store, "Amina", "Diallo");

  {
    g_autoptr(LiaOrganization) org = lia_organization_new ("");
    assert_save_refused (f, org, LIA_STORE_ERROR_INVALID);
  }
  {
    g_autoptr(LiaOrganization) org = lia_organization_new ("   ");
    assert_save_refused (f, org, LIA_STORE_ERROR_INVALID);
  }
  {
    g_autoptr(LiaOrganization) org = lia_organization_new ("Too Influential");
    lia_assessment_set_influence (lia_organization_get_assessment (org), 9);
    assert_save_refused (f, org, LIA_STORE_ERROR_INVALID);
  }
  {
    g_autoptr(GDateTime) at = lia_test_at ("2024-05-10T09:00:00+02:00");
    g_autoptr(LiaInteraction) interaction =
      lia_interaction_new (LIA_INTERACTION_KIND_CALL, at, "Too happy");
    lia_interaction_set_sentiment (interaction, 3);
    assert_save_refused (f, interaction, LIA_STORE_ERROR_INVALID);
  }
  {
    g_autoptr(LiaAffiliation) aff = lia_affiliation_new (contact_id, org_id, "Director");
    g_autoptr(GDate) from = lia_test_date (2024, 6, 1);
    g_autoptr(GDate) until = lia_test_date (2024, 5, 31);
    lia_affiliation_set_from (aff, from);
    lia_affiliation_set_until (aff, until);
    assert_save_refused (f, aff, LIA_STORE_ERROR_INVALID);
  }
  {
    g_autoptr(LiaCommitment) commitment = lia_commitment_new (LIA_COMMITMENT_DIRECTION_OURS, "");
    assert_save_refused (f, commitment, LIA_STORE_ERROR_INVALID);
  }
  {
    g_autoptr(LiaContact) contact = lia_contact_new ("", "");
    assert_save_refused (f, contact, LIA_STORE_ERROR_INVALID);
  }

  /* An update that makes a record invalid leaves the stored one as it was. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LiaRecord) org = lia_store_load (f->store, LIA_RECORD_KIND_ORGANIZATION, org_id, &error);
    g_autoptr(LiaRecord) again = NULL;

    g_assert_no_error (error);
    lia_organization_set_name (LIA_ORGANIZATION (org), "");
    assert_save_refused (f, org, LIA_STORE_ERROR_INVALID);
    again = lia_store_load (f->store, LIA_RECORD_KIND_ORGANIZATION, org_id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (lia_organization_get_name (LIA_ORGANIZATION (again)), ==,
                     "World Health Organization");
  }
}

static void
test_missing_references (StoreFixture  *f,
                         gconstpointer  data)
{
  gint64 contact_id = lia_test_add_contact (f->store, "Amina", "Diallo");
  gint64 org_id = lia_test_add_organization (f->store, "World Health Organization", 0);
  g_autoptr(GDateTime) at = lia_test_at ("2024-05-10T09:00:00+02:00");

  /* A missing contact: the interaction row and its participants go in together or not at all. */
  {
    g_autoptr(LiaInteraction) interaction =
      lia_interaction_new (LIA_INTERACTION_KIND_MEETING, at, "Meeting with a ghost");
    g_autoptr(GError) error = NULL;

    lia_interaction_add_contact (interaction, contact_id);
    lia_interaction_add_organization (interaction, org_id);
    lia_interaction_add_contact (interaction, 99999);
    assert_save_refused (f, interaction, LIA_STORE_ERROR_REFERENCE);

    lia_test_close (f);
    g_assert_cmpint (lia_test_pg_sql_int (f, "SELECT count(*) FROM interactions"), ==, 0);
    g_assert_cmpint (lia_test_pg_sql_int (f, "SELECT count(*) FROM interaction_contacts"), ==, 0);
    g_assert_cmpint (lia_test_pg_sql_int (f, "SELECT count(*) FROM interaction_organizations"), ==, 0);
    f->store = lia_test_open (f->path);

    /* The user fixes the participant and saves again: exactly one interaction. */
    lia_interaction_remove_contact (interaction, 99999);
    g_assert_true (lia_store_save (f->store, LIA_RECORD (interaction), &error));
    g_assert_no_error (error);
    g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_INTERACTION), ==, 1);
  }

  /* A missing organization participant. */
  {
    g_autoptr(LiaInteraction) interaction =
      lia_interaction_new (LIA_INTERACTION_KIND_CALL, at, "Call with nobody");

    lia_interaction_add_contact (interaction, contact_id);
    lia_interaction_add_organization (interaction, 99999);
    assert_save_refused (f, interaction, LIA_STORE_ERROR_REFERENCE);
  }

  /* A commitment's counterpart. */
  {
    g_autoptr(LiaCommitment) commitment =
      lia_commitment_new (LIA_COMMITMENT_DIRECTION_OURS, "Send the report");
    lia_commitment_set_contact_id (commitment, 99999);
    assert_save_refused (f, commitment, LIA_STORE_ERROR_REFERENCE);
  }
  {
    g_autoptr(LiaCommitment) commitment =
      lia_commitment_new (LIA_COMMITMENT_DIRECTION_THEIRS, "Send the invoice");
    lia_commitment_set_organization_id (commitment, 99999);
    assert_save_refused (f, commitment, LIA_STORE_ERROR_REFERENCE);
  }

  /* An affiliation with a missing organization; an organization with a missing parent. */
  {
    g_autoptr(LiaAffiliation) aff = lia_affiliation_new (contact_id, 99999, "Adviser");
    assert_save_refused (f, aff, LIA_STORE_ERROR_REFERENCE);
  }
  {
    g_autoptr(LiaOrganization) org = lia_organization_new ("Orphan");
    lia_organization_set_parent_id (org, 99999);
    assert_save_refused (f, org, LIA_STORE_ERROR_REFERENCE);
  }

  /* Updating an existing interaction with a bad participant keeps the old participants. */
  {
    g_autoptr(GError) error = NULL;
    gint64 id = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_EMAIL,
                                          "2024-05-11T10:00:00Z", "Follow-up", contact_id, org_id);
    g_autoptr(LiaRecord) loaded = lia_store_load (f->store, LIA_RECORD_KIND_INTERACTION, id, &error);
    g_autoptr(LiaRecord) again = NULL;
    const GArray *contacts;

    g_assert_no_error (error);
    lia_interaction_clear_participants (LIA_INTERACTION (loaded));
    lia_interaction_add_contact (LIA_INTERACTION (loaded), 99999);
    lia_interaction_set_title (LIA_INTERACTION (loaded), "Changed title");
    assert_save_refused (f, loaded, LIA_STORE_ERROR_REFERENCE);

    again = lia_store_load (f->store, LIA_RECORD_KIND_INTERACTION, id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (lia_interaction_get_title (LIA_INTERACTION (again)), ==, "Follow-up");
    contacts = lia_interaction_get_contact_ids (LIA_INTERACTION (again));
    g_assert_cmpuint (contacts->len, ==, 1);
    g_assert_cmpint (g_array_index (contacts, gint64, 0), ==, contact_id);
    g_assert_cmpuint (lia_interaction_get_organization_ids (LIA_INTERACTION (again))->len, ==, 1);
  }
}

static void
test_duplicate_uid (StoreFixture  *f,
                    gconstpointer  data)
{
  g_autoptr(LiaOrganization) a = lia_organization_new ("First");
  g_autoptr(LiaOrganization) b = lia_organization_new ("Second");
  g_autoptr(LiaContact) contact = lia_contact_new ("Same", "Uid");
  g_autoptr(LiaRecord) loaded = NULL;
  g_autoptr(GError) error = NULL;

  lia_record_set_uid (LIA_RECORD (a), "dup-1");
  lia_record_set_uid (LIA_RECORD (b), "dup-1");
  lia_test_save (f->store, a);
  g_assert_false (lia_store_save (f->store, LIA_RECORD (b), &error));
  /* In words that name the record and the id, not the database's. */
  g_assert_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "“dup-1”"));
  g_assert_nonnull (strstr (error->message, "“Second” was not saved"));
  g_clear_error (&error);
  assert_save_refused (f, b, LIA_STORE_ERROR_DUPLICATE);

  /* The first one is untouched. */
  loaded = lia_store_load_by_uid (f->store, LIA_RECORD_KIND_ORGANIZATION, "dup-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lia_organization_get_name (LIA_ORGANIZATION (loaded)), ==, "First");

  /* Uids are unique per kind: a contact may use the same one. */
  lia_record_set_uid (LIA_RECORD (contact), "dup-1");
  lia_test_save (f->store, contact);
}

static void
test_rollback (StoreFixture  *f,
               gconstpointer  data)
{
  g_autoptr(LiaOrganization) a = lia_organization_new ("Kept Nowhere A");
  g_autoptr(LiaOrganization) b = lia_organization_new ("Kept Nowhere B");
  g_autoptr(LiaOrganization) bad = lia_organization_new ("");
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_store_begin (f->store, &error));
  g_assert_no_error (error);
  lia_test_save (f->store, a);
  lia_test_save (f->store, b);
  g_assert_false (lia_store_save (f->store, LIA_RECORD (bad), &error));
  g_assert_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_INVALID);
  /* The failed save does not end the caller's transaction by itself. */
  g_assert_true (lia_store_in_transaction (f->store));
  lia_store_rollback (f->store);
  g_assert_false (lia_store_in_transaction (f->store));

  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_ORGANIZATION), ==, 0);
  lia_test_reopen (f);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_ORGANIZATION), ==, 0);

  /* The store works normally afterwards. */
  lia_test_add_organization (f->store, "After the rollback", 0);
  lia_test_reopen (f);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_ORGANIZATION), ==, 1);
}

static void
test_rollback_nested (StoreFixture  *f,
                      gconstpointer  data)
{
  g_autoptr(LiaOrganization) a = lia_organization_new ("Inner");

  g_assert_true (lia_store_begin (f->store, NULL));
  g_assert_true (lia_store_begin (f->store, NULL));
  lia_test_save (f->store, a);
  g_assert_true (lia_store_commit (f->store, NULL));
  lia_store_rollback (f->store);
  g_assert_false (lia_store_in_transaction (f->store));

  lia_test_reopen (f);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_ORGANIZATION), ==, 0);
}

/* ------------------------------------------------------------------------------------------ */
/* Cascades                                                                                    */

typedef struct
{
  gint64 top, org, sub, other_org;
  gint64 contact, colleague;
  gint64 affiliation;
  gint64 interaction;
  gint64 commitment;
  gint64 concern;
} Web;

static Web
build_web (LiaStore *store)
{
  Web w;
  g_autoptr(LiaCommitment) commitment = lia_commitment_new (LIA_COMMITMENT_DIRECTION_OURS,
                                                            "Share the figures");
  g_autoptr(LiaConcern) concern = lia_concern_new ("Data sharing dispute");
  g_autoptr(LiaConcernParty) p1 = NULL;
  g_autoptr(LiaConcernParty) p2 = NULL;
  g_autoptr(GDateTime) at = lia_test_at ("2024-03-12T10:00:00+01:00");
  g_autoptr(LiaInteraction) interaction =
    lia_interaction_new (LIA_INTERACTION_KIND_MEETING, at, "Quarterly review");

  w.top = lia_test_add_organization (store, "Ministry of Health", 0);
  w.org = lia_test_add_organization (store, "Public Health Agency", w.top);
  w.sub = lia_test_add_organization (store, "Vaccination Unit", w.org);
  w.other_org = lia_test_add_organization (store, "Red Cross", 0);
  w.contact = lia_test_add_contact (store, "Amina", "Diallo");
  w.colleague = lia_test_add_contact (store, "Kofi", "Mensah");
  w.affiliation = lia_test_add_affiliation (store, w.contact, w.org, "Director", "2020-01-01", NULL);

  lia_interaction_add_contact (interaction, w.contact);
  lia_interaction_add_contact (interaction, w.colleague);
  lia_interaction_add_organization (interaction, w.org);
  lia_interaction_add_organization (interaction, w.other_org);
  lia_test_save (store, interaction);
  w.interaction = lia_record_get_id (LIA_RECORD (interaction));

  lia_commitment_set_contact_id (commitment, w.contact);
  lia_commitment_set_organization_id (commitment, w.org);
  lia_commitment_set_interaction_id (commitment, w.interaction);
  lia_test_save (store, commitment);
  w.commitment = lia_record_get_id (LIA_RECORD (commitment));

  p1 = lia_concern_party_new_organization (w.org, "Cannot share raw data.");
  p2 = lia_concern_party_new_contact (w.colleague, "Needs the data for the report.");
  lia_concern_add_party (concern, p1);
  lia_concern_add_party (concern, p2);
  lia_concern_add_interaction (concern, w.interaction);
  lia_test_save (store, concern);
  w.concern = lia_record_get_id (LIA_RECORD (concern));

  return w;
}

static void
delete_ok (LiaStore      *store,
           LiaRecordKind  kind,
           gint64         id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaRecord) record = lia_test_load (store, kind, id);

  g_assert_true (lia_store_delete (store, record, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lia_record_get_id (record), ==, 0);
}

static void
assert_gone (LiaStore      *store,
             LiaRecordKind  kind,
             gint64         id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaRecord) record = lia_store_load (store, kind, id, &error);

  g_assert_null (record);
  g_assert_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_NOT_FOUND);
}

static void
test_delete_organization (StoreFixture  *f,
                          gconstpointer  data)
{
  Web w = build_web (f->store);

  delete_ok (f->store, LIA_RECORD_KIND_ORGANIZATION, w.org);
  lia_test_reopen (f);

  assert_gone (f->store, LIA_RECORD_KIND_ORGANIZATION, w.org);

  /* The people's meeting is still there, with its people; only the organization left it. */
  {
    g_autoptr(LiaRecord) record = lia_test_load (f->store, LIA_RECORD_KIND_INTERACTION, w.interaction);
    const GArray *contacts = lia_interaction_get_contact_ids (LIA_INTERACTION (record));
    const GArray *orgs = lia_interaction_get_organization_ids (LIA_INTERACTION (record));

    g_assert_cmpuint (contacts->len, ==, 2);
    g_assert_cmpint (g_array_index (contacts, gint64, 0), ==, w.contact);
    g_assert_cmpint (g_array_index (contacts, gint64, 1), ==, w.colleague);
    g_assert_cmpuint (orgs->len, ==, 1);
    g_assert_cmpint (g_array_index (orgs, gint64, 0), ==, w.other_org);
  }

  /* The commitment stays, without the organization as counterpart. */
  {
    g_autoptr(LiaRecord) record = lia_test_load (f->store, LIA_RECORD_KIND_COMMITMENT, w.commitment);

    g_assert_cmpint (lia_commitment_get_organization_id (LIA_COMMITMENT (record)), ==, 0);
    g_assert_cmpint (lia_commitment_get_contact_id (LIA_COMMITMENT (record)), ==, w.contact);
    g_assert_cmpint (lia_commitment_get_interaction_id (LIA_COMMITMENT (record)), ==, w.interaction);
  }

  /* Its affiliations are gone; its people are not. */
  assert_gone (f->store, LIA_RECORD_KIND_AFFILIATION, w.affiliation);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_AFFILIATION), ==, 0);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) affs = lia_store_list_affiliations_for_contact (f->store, w.contact, &error);
    g_autoptr(LiaRecord) person = lia_test_load (f->store, LIA_RECORD_KIND_CONTACT, w.contact);

    g_assert_no_error (error);
    g_assert_cmpuint (affs->len, ==, 0);
    g_assert_cmpstr (lia_contact_get_given_name (LIA_CONTACT (person)), ==, "Amina");
  }

  /* The sub-organization moved up to the deleted one's parent. */
  {
    g_autoptr(LiaRecord) record = lia_test_load (f->store, LIA_RECORD_KIND_ORGANIZATION, w.sub);
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) children = NULL;

    g_assert_cmpint (lia_organization_get_parent_id (LIA_ORGANIZATION (record)), ==, w.top);
    children = lia_store_list_sub_organizations (f->store, w.top, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (children->len, ==, 1);
    g_assert_cmpint (lia_test_record_id_at (children, 0), ==, w.sub);
  }

  /* It is no longer a party to the concern; the other party remains. */
  {
    g_autoptr(LiaRecord) record = lia_test_load (f->store, LIA_RECORD_KIND_CONCERN, w.concern);
    GListModel *parties = lia_concern_get_parties (LIA_CONCERN (record));
    g_autoptr(LiaConcernParty) party = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (parties), ==, 1);
    party = g_list_model_get_item (parties, 0);
    g_assert_cmpint (lia_concern_party_get_contact_id (party), ==, w.colleague);
  }

  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_ORGANIZATION), ==, 3);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_CONTACT), ==, 2);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_INTERACTION), ==, 1);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_COMMITMENT), ==, 1);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_CONCERN), ==, 1);
}

static void
test_delete_contact (StoreFixture  *f,
                     gconstpointer  data)
{
  Web w = build_web (f->store);

  delete_ok (f->store, LIA_RECORD_KIND_CONTACT, w.contact);
  lia_test_reopen (f);

  assert_gone (f->store, LIA_RECORD_KIND_CONTACT, w.contact);
  assert_gone (f->store, LIA_RECORD_KIND_AFFILIATION, w.affiliation);

  {
    g_autoptr(LiaRecord) record = lia_test_load (f->store, LIA_RECORD_KIND_INTERACTION, w.interaction);
    const GArray *contacts = lia_interaction_get_contact_ids (LIA_INTERACTION (record));

    g_assert_cmpuint (contacts->len, ==, 1);
    g_assert_cmpint (g_array_index (contacts, gint64, 0), ==, w.colleague);
    g_assert_cmpuint (lia_interaction_get_organization_ids (LIA_INTERACTION (record))->len, ==, 2);
  }
  {
    g_autoptr(LiaRecord) record = lia_test_load (f->store, LIA_RECORD_KIND_COMMITMENT, w.commitment);

    g_assert_cmpint (lia_commitment_get_contact_id (LIA_COMMITMENT (record)), ==, 0);
    g_assert_cmpint (lia_commitment_get_organization_id (LIA_COMMITMENT (record)), ==, w.org);
  }

  /* The colleague's place as a party goes with the colleague. */
  delete_ok (f->store, LIA_RECORD_KIND_CONTACT, w.colleague);
  {
    g_autoptr(LiaRecord) record = lia_test_load (f->store, LIA_RECORD_KIND_CONCERN, w.concern);
    GListModel *parties = lia_concern_get_parties (LIA_CONCERN (record));
    g_autoptr(LiaConcernParty) party = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (parties), ==, 1);
    party = g_list_model_get_item (parties, 0);
    g_assert_cmpint (lia_concern_party_get_organization_id (party), ==, w.org);
  }
}

static void
test_delete_interaction (StoreFixture  *f,
                         gconstpointer  data)
{
  Web w = build_web (f->store);

  delete_ok (f->store, LIA_RECORD_KIND_INTERACTION, w.interaction);
  lia_test_reopen (f);

  assert_gone (f->store, LIA_RECORD_KIND_INTERACTION, w.interaction);
  {
    g_autoptr(LiaRecord) record = lia_test_load (f->store, LIA_RECORD_KIND_COMMITMENT, w.commitment);
    g_assert_cmpint (lia_commitment_get_interaction_id (LIA_COMMITMENT (record)), ==, 0);
  }
  {
    g_autoptr(LiaRecord) record = lia_test_load (f->store, LIA_RECORD_KIND_CONCERN, w.concern);
    g_assert_cmpuint (lia_concern_get_interaction_ids (LIA_CONCERN (record))->len, ==, 0);
  }
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_CONTACT), ==, 2);

  lia_test_close (f);
  g_assert_cmpint (lia_test_pg_sql_int (f, "SELECT count(*) FROM interaction_contacts"), ==, 0);
  g_assert_cmpint (lia_test_pg_sql_int (f, "SELECT count(*) FROM interaction_organizations"), ==, 0);
  f->store = lia_test_open (f->path);
}

/* ------------------------------------------------------------------------------------------ */
/* Enums                                                                                       */

static void
test_unknown_enum_text (StoreFixture  *f,
                        gconstpointer  data)
{
  gint64 id = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_VISIT,
                                        "2024-05-10T09:00:00+02:00", "Site visit", 0, 0);
  g_autofree char *sql = g_strdup_printf ("UPDATE interactions SET kind = 'teleport' WHERE id = %"
                                          G_GINT64_FORMAT, id);
  g_autofree char *errmsg = NULL;
  g_autoptr(GError) error = NULL;
  int value = -1;

  lia_test_close (f);
  /* The database itself refuses a kind no code could read back. */
  g_assert_true (lia_test_pg_sql_violates (f, sql, &errmsg));
  g_printerr ("raw write refused: %s\n", errmsg);
  f->store = lia_test_open (f->path);

  {
    g_autoptr(LiaRecord) record = lia_test_load (f->store, LIA_RECORD_KIND_INTERACTION, id);
    g_assert_cmpint (lia_interaction_get_kind (LIA_INTERACTION (record)), ==, LIA_INTERACTION_KIND_VISIT);
  }

  g_assert_false (lia_enum_from_nick (LIA_TYPE_INTERACTION_KIND, "teleport", &value, &error));
  g_assert_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "teleport"));
  g_assert_nonnull (strstr (error->message, "meeting"));
  g_clear_error (&error);

  g_assert_false (lia_enum_from_nick (LIA_TYPE_STANCE, "Advocate ", &value, &error));
  g_assert_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (lia_enum_from_nick (LIA_TYPE_CHANNEL, "in-person", &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (value, ==, LIA_CHANNEL_IN_PERSON);
  g_assert_cmpstr (lia_enum_to_nick (LIA_TYPE_INTERACTION_KIND, LIA_INTERACTION_KIND_NOTE), ==, "note");
  g_assert_null (lia_enum_to_nick (LIA_TYPE_INTERACTION_KIND, 99));
}

/* ------------------------------------------------------------------------------------------ */
/* Files from elsewhere                                                                        */

static void
assert_no_sidecar_files (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

static void
assert_open_refused_untouched (const char *path,
                               int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize size_before = 0, size_after = 0;
  guint mode_before = lia_test_file_mode (path);

  before = lia_test_file_checksum (path, &size_before);

  store = lia_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, LIA_STORE_ERROR, code);
  g_printerr ("refused as expected: %s\n", error->message);
  /* The message names the file and reassures the user. */
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "not changed"));

  after = lia_test_file_checksum (path, &size_after);
  g_assert_cmpuint (size_after, ==, size_before);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (lia_test_file_mode (path), ==, mode_before);
  assert_no_sidecar_files (path);
}

/* A server's database: refused with words that name it and reassure, and nothing in it changed
 * (its tables, its schema version, its rows and its change log). */
static void
assert_server_refused_untouched (StoreFixture *f,
                                 int           code)
{
  static const char fingerprint_sql[] =
    "SELECT (SELECT count(*) FROM pg_catalog.pg_class c"
    "         JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
    "         WHERE n.nspname = current_schema ())"
    " || ' ' || (SELECT version FROM schema_version)"
    " || ' ' || (SELECT count(*) FROM organizations)"
    " || ' ' || (SELECT coalesce (max (seq), 0) FROM change_log)";
  g_autofree char *before = lia_test_pg_sql_text (f, fingerprint_sql);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaStore) store = NULL;

  store = lia_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, LIA_STORE_ERROR, code);
  g_printerr ("refused as expected: %s\n", error->message);
  g_assert_nonnull (strstr (error->message, f->dir));
  g_assert_nonnull (strstr (error->message, "not changed"));

  after = lia_test_pg_sql_text (f, fingerprint_sql);
  g_assert_cmpstr (after, ==, before);
}

static void
test_too_new (StoreFixture  *f,
              gconstpointer  data)
{
  lia_test_add_organization (f->store, "From the future", 0);
  lia_test_close (f);

  if (pg_cluster != NULL)
    {
      lia_test_pg_sql (f, "UPDATE schema_version SET version = 99");
      assert_server_refused_untouched (f, LIA_STORE_ERROR_TOO_NEW);
      assert_server_refused_untouched (f, LIA_STORE_ERROR_TOO_NEW);
      g_assert_cmpint (lia_test_pg_sql_int (f, "SELECT version FROM schema_version"), ==, 99);
      g_assert_cmpint (lia_test_pg_sql_int (f, "SELECT count(*) FROM organizations"), ==, 1);
      return;
    }

  lia_test_sql (f->path, "PRAGMA user_version = 99");
  assert_no_sidecar_files (f->path);

  assert_open_refused_untouched (f->path, LIA_STORE_ERROR_TOO_NEW);
  /* Twice: the first refusal did not leave anything that changes the second. */
  assert_open_refused_untouched (f->path, LIA_STORE_ERROR_TOO_NEW);
  g_assert_cmpint (lia_test_sql_int (f->path, "PRAGMA user_version"), ==, 99);
}

/* A newer Liaison that went back to a rollback journal: switching to WAL would rewrite the
 * header, which is a change too. */
static void
test_too_new_rollback_journal (StoreFixture  *f,
                               gconstpointer  data)
{
  g_autofree char *mode = NULL;

  if (pg_cluster != NULL)
    {
      g_test_skip ("file only: a file's journal mode, which a newer Liaison could have "
                   "changed in its header");
      return;
    }

  lia_test_close (f);
  lia_test_sql (f->path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 42;");
  mode = lia_test_sql_text (f->path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "delete");

  assert_open_refused_untouched (f->path, LIA_STORE_ERROR_TOO_NEW);
}

static void
test_not_a_database (StoreFixture  *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "notes.db", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  if (pg_cluster != NULL)
    {
      g_test_skip ("file only: a file that is not a database; a server database without "
                   "Liaison's schema is refused until `liaison server init` (store-pg, "
                   "open-refuses)");
      return;
    }

  for (int i = 0; i < 100; i++)
    g_string_append_printf (text, "Line %d: this is a shopping list, not a database.\n", i);
  g_file_set_contents (path, text->str, (gssize) text->len, &error);
  g_assert_no_error (error);

  assert_open_refused_untouched (path, LIA_STORE_ERROR_NOT_A_DATABASE);
}

static void
test_empty_file (StoreFixture  *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "empty.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaStore) store = NULL;

  if (pg_cluster != NULL)
    {
      g_test_skip ("file only: an empty file is a new database; an empty server database is "
                   "refused until `liaison server init` (store-pg, open-refuses)");
      return;
    }

  /* An empty file is what a new database looks like before SQLite writes it: it is usable. */
  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);
  store = lia_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_store_get_schema_version (store), ==, LIA_STORE_SCHEMA_VERSION);
  g_assert_finalize_object (G_OBJECT (g_steal_pointer (&store)));
}

/* ------------------------------------------------------------------------------------------ */
/* Check                                                                                       */

static void
test_check (StoreFixture  *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  Web w = build_web (f->store);
  g_autofree char *sql = NULL;

  problems = lia_store_check (f->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (problems);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("unexpected problem: %s\n", (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  lia_test_close (f);
  /* A row whose contact is gone, written with the foreign keys off (a file's pragma, a server
   * session that fires no triggers, which is how PostgreSQL checks them). */
  sql = g_strdup_printf ("%s INSERT INTO interaction_contacts (interaction_id, contact_id, position)"
                         " VALUES (%" G_GINT64_FORMAT ", 424242, 9);",
                         pg_cluster == NULL ? "PRAGMA foreign_keys = OFF;"
                                            : "SET session_replication_role = replica;",
                         w.interaction);
  lia_test_pg_sql (f, sql);
  f->store = lia_test_open (f->path);

  problems = lia_store_check (f->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, >=, 1);
  for (guint i = 0; i < problems->len; i++)
    {
      const char *problem = g_ptr_array_index (problems, i);

      g_printerr ("problem found: %s\n", problem);
      g_assert_nonnull (problem);
      g_assert_cmpuint (strlen (problem), >, 0);
    }
}

/* A process killed in the middle of a large transaction (a crash, a power cut as far as the
 * process can tell) leaves the database exactly as the last commit left it. */
static void
test_killed_mid_transaction (StoreFixture  *f,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  if (g_test_subprocess ())
    {
      LiaStore *store = lia_test_open (g_getenv ("LIA_TEST_KILL_DATABASE"));

      g_assert_true (lia_store_begin (store, &error));
      for (guint i = 0; i < 3000; i++)
        {
          g_autofree char *name = g_strdup_printf ("Half-written %u", i);
          lia_test_add_organization (store, name, 0);
        }
      /* No commit: the process dies here, with everything above written to the log. */
      raise (SIGKILL);
      g_assert_not_reached ();
    }

  lia_test_add_organization (f->store, "Committed before", 0);
  lia_test_add_contact (f->store, "Amina", "Diallo");

  g_setenv ("LIA_TEST_KILL_DATABASE", f->path, TRUE);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();

  /* A new connection, as the next start of Liaison would make. */
  g_object_unref (g_steal_pointer (&f->store));
  f->store = lia_test_open (f->path);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_ORGANIZATION), ==, 1);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_CONTACT), ==, 1);
  problems = lia_store_check (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  /* And it takes new work as before. */
  lia_test_add_organization (f->store, "Committed after", 0);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_ORGANIZATION), ==, 2);
}

/* A full disk: the save that does not fit fails with words a person understands, the record
 * is left as it was (no id), and everything saved before is still there. SQLite reports
 * SQLITE_FULL the same way when the page limit of the file is reached, which stands in for the
 * disk here; on a server, a trigger that fails as PostgreSQL does when it cannot extend a
 * file (SQLSTATE 53100) once the table holds 10 rows. */
static void
test_disk_full (StoreFixture  *f,
                gconstpointer  data)
{
  LiaDb *db = _lia_store_get_db (f->store);
  g_autofree char *limit = NULL;
  g_autofree char *notes = g_strnfill (20000, 'x');
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gint64 saved = 0;
  LiaStmt *stmt = NULL;
  int pages;

  lia_test_add_organization (f->store, "Saved before the disk filled up", 0);

  if (pg_cluster != NULL)
    lia_test_pg_sql (f, "CREATE FUNCTION test_disk_full () RETURNS trigger LANGUAGE plpgsql AS $$"
                        " BEGIN"
                        "   IF (SELECT count(*) FROM organizations) >= 10 THEN"
                        "     RAISE EXCEPTION 'could not extend file: No space left on device'"
                        "       USING ERRCODE = 'disk_full';"
                        "   END IF;"
                        "   RETURN NEW;"
                        " END $$;"
                        "CREATE TRIGGER test_disk_full BEFORE INSERT ON organizations"
                        "  FOR EACH ROW EXECUTE FUNCTION test_disk_full ();");
  else
    {
      g_assert_cmpint (_lia_db_prepare (db, "PRAGMA page_count", -1, LIA_DB_PREPARE_DEFAULT, &stmt, NULL), ==, LIA_DB_OK);
      g_assert_cmpint (_lia_db_step (stmt), ==, LIA_DB_ROW);
      pages = _lia_db_column_int (stmt, 0);
      _lia_db_finalize (stmt);
      limit = g_strdup_printf ("PRAGMA max_page_count = %d", pages + 40);
      g_assert_cmpint (_lia_db_exec (db, limit), ==, LIA_DB_OK);
    }

  for (guint i = 0; i < 200 && error == NULL; i++)
    {
      g_autoptr(LiaOrganization) org = lia_organization_new ("Large notes");

      lia_organization_set_notes (org, notes);
      if (lia_store_save (f->store, LIA_RECORD (org), &error))
        saved++;
      else
        g_assert_cmpint (lia_record_get_id (LIA_RECORD (org)), ==, 0);
    }

  g_assert_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_DISK_FULL);
  g_printerr ("refused as expected: %s\n", error->message);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_assert_nonnull (strstr (error->message, "nothing was saved"));
  /* The database's own words come last, without what is meant for a developer. */
  g_assert_null (strstr (error->message, "ERROR:"));
  g_assert_null (strstr (error->message, "CONTEXT:"));
  g_assert_cmpint (saved, >, 0);

  /* Space again (a new connection has no page limit). */
  if (pg_cluster != NULL)
    lia_test_pg_sql (f, "DROP TRIGGER test_disk_full ON organizations; DROP FUNCTION test_disk_full ();");
  g_object_unref (g_steal_pointer (&f->store));
  f->store = lia_test_open (f->path);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_ORGANIZATION), ==, 1 + saved);
  g_clear_error (&error);
  problems = lia_store_check (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* Listeners hear about every record a delete reaches, not only the deleted one: the
 * affiliation that went, the sub-organization that moved up, the interaction, commitment and
 * concern that lost their link. Past a few hundred, one reset says it instead. */
static void
test_delete_announces_cascade (StoreFixture  *f,
                               gconstpointer  data)
{
  g_autoptr(GArray) changes = g_array_new (FALSE, TRUE, sizeof (LiaTestChange));
  g_autoptr(GDateTime) at = lia_test_at ("2024-05-10T09:00:00+02:00");
  g_autoptr(LiaInteraction) interaction = lia_interaction_new (LIA_INTERACTION_KIND_MEETING, at,
                                                               "Budget meeting");
  g_autoptr(LiaCommitment) commitment = lia_commitment_new (LIA_COMMITMENT_DIRECTION_OURS,
                                                            "Send the minutes");
  g_autoptr(LiaConcern) concern = lia_concern_new ("Late payments");
  g_autoptr(LiaConcernParty) org_party = NULL;
  g_autoptr(LiaConcernParty) person_party = NULL;
  g_autoptr(LiaRecord) organization = NULL;
  g_autoptr(LiaRecord) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 parent, org, child, person, affiliation, busy;
  guint n_resets = 0;

  parent = lia_test_add_organization (f->store, "Ministry", 0);
  org = lia_test_add_organization (f->store, "Directorate", parent);
  child = lia_test_add_organization (f->store, "Unit", org);
  person = lia_test_add_contact (f->store, "Kofi", "Mensah");
  affiliation = lia_test_add_affiliation (f->store, person, org, "Director", "2020-01-01", NULL);
  lia_interaction_add_contact (interaction, person);
  lia_interaction_add_organization (interaction, org);
  lia_test_save (f->store, interaction);
  lia_commitment_set_organization_id (commitment, org);
  lia_commitment_set_interaction_id (commitment, lia_record_get_id (LIA_RECORD (interaction)));
  lia_test_save (f->store, commitment);
  org_party = lia_concern_party_new_organization (org, "Wants the budget cut");
  person_party = lia_concern_party_new_contact (person, "Wants it kept");
  lia_concern_add_party (concern, org_party);
  lia_concern_add_party (concern, person_party);
  lia_concern_add_interaction (concern, lia_record_get_id (LIA_RECORD (interaction)));
  lia_test_save (f->store, concern);

  g_signal_connect (f->store, "changed", G_CALLBACK (lia_test_on_changed_cb), changes);
  g_signal_connect (f->store, "reset", G_CALLBACK (lia_test_on_reset_cb), &n_resets);

  organization = lia_store_load (f->store, LIA_RECORD_KIND_ORGANIZATION, org, &error);
  g_assert_no_error (error);
  g_assert_true (lia_store_delete (f->store, organization, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (n_resets, ==, 0);
  g_assert_cmpuint (changes->len, ==, 6);
  lia_test_assert_change (changes, 0, LIA_RECORD_KIND_ORGANIZATION, child, LIA_STORE_CHANGE_UPDATED);
  lia_test_assert_change (changes, 1, LIA_RECORD_KIND_AFFILIATION, affiliation, LIA_STORE_CHANGE_REMOVED);
  lia_test_assert_change (changes, 2, LIA_RECORD_KIND_INTERACTION,
                          lia_record_get_id (LIA_RECORD (interaction)), LIA_STORE_CHANGE_UPDATED);
  lia_test_assert_change (changes, 3, LIA_RECORD_KIND_COMMITMENT,
                          lia_record_get_id (LIA_RECORD (commitment)), LIA_STORE_CHANGE_UPDATED);
  lia_test_assert_change (changes, 4, LIA_RECORD_KIND_CONCERN,
                          lia_record_get_id (LIA_RECORD (concern)), LIA_STORE_CHANGE_UPDATED);
  lia_test_assert_change (changes, 5, LIA_RECORD_KIND_ORGANIZATION, org, LIA_STORE_CHANGE_REMOVED);
  for (guint i = 0; i < changes->len; i++)
    {
      LiaTestChange *c = &g_array_index (changes, LiaTestChange, i);

      g_assert_true (c->had_old);
      g_assert_true (c->had_current == (c->change == LIA_STORE_CHANGE_UPDATED));
    }

  /* What the changes said is what the database holds. */
  loaded = lia_store_load (f->store, LIA_RECORD_KIND_ORGANIZATION, child, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_organization_get_parent_id (LIA_ORGANIZATION (loaded)), ==, parent);
  g_clear_object (&loaded);
  loaded = lia_store_load (f->store, LIA_RECORD_KIND_CONCERN, lia_record_get_id (LIA_RECORD (concern)),
                           &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (lia_concern_get_parties (LIA_CONCERN (loaded))), ==, 1);
  g_clear_object (&loaded);

  /* Deleting the interaction reaches the commitment made there. */
  g_array_set_size (changes, 0);
  g_assert_true (lia_store_delete (f->store, LIA_RECORD (interaction), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 3);
  lia_test_assert_change (changes, 0, LIA_RECORD_KIND_COMMITMENT,
                          lia_record_get_id (LIA_RECORD (commitment)), LIA_STORE_CHANGE_UPDATED);
  lia_test_assert_change (changes, 1, LIA_RECORD_KIND_CONCERN,
                          lia_record_get_id (LIA_RECORD (concern)), LIA_STORE_CHANGE_UPDATED);
  g_assert_cmpint (g_array_index (changes, LiaTestChange, 2).change, ==, LIA_STORE_CHANGE_REMOVED);

  /* A delete that reaches hundreds of records: one reset, no list. */
  busy = lia_test_add_organization (f->store, "Busy agency", 0);
  g_assert_true (lia_store_begin (f->store, &error));
  for (guint i = 0; i < 300; i++)
    lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL, "2024-02-01T10:00:00Z",
                              "Call", 0, busy);
  g_assert_true (lia_store_commit (f->store, &error));
  g_array_set_size (changes, 0);
  n_resets = 0;
  g_clear_object (&organization);
  organization = lia_store_load (f->store, LIA_RECORD_KIND_ORGANIZATION, busy, &error);
  g_assert_no_error (error);
  g_assert_true (lia_store_delete (f->store, organization, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_resets, ==, 1);
  g_assert_cmpuint (changes->len, ==, 0);

  g_signal_handlers_disconnect_by_data (f->store, changes);
  g_signal_handlers_disconnect_by_data (f->store, &n_resets);
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

  ADD ("/store/rules/invalid-values", test_invalid_values);
  ADD ("/store/rules/missing-references", test_missing_references);
  ADD ("/store/rules/duplicate-uid", test_duplicate_uid);
  ADD ("/store/rules/rollback", test_rollback);
  ADD ("/store/rules/rollback-nested", test_rollback_nested);
  ADD ("/store/rules/delete-organization", test_delete_organization);
  ADD ("/store/rules/delete-contact", test_delete_contact);
  ADD ("/store/rules/delete-interaction", test_delete_interaction);
  ADD ("/store/rules/delete-announces-cascade", test_delete_announces_cascade);
  ADD ("/store/rules/unknown-enum-text", test_unknown_enum_text);
  ADD ("/store/rules/too-new", test_too_new);
  ADD ("/store/rules/too-new-rollback-journal", test_too_new_rollback_journal);
  ADD ("/store/rules/not-a-database", test_not_a_database);
  ADD ("/store/rules/empty-file", test_empty_file);
  ADD ("/store/rules/check", test_check);
  ADD ("/store/rules/killed-mid-transaction", test_killed_mid_transaction);
  ADD ("/store/rules/disk-full", test_disk_full);

#undef ADD

  return g_test_run ();
}
