/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lia-importer.h"
#include "lia-store-bulk.h"
#include "lia-store-undo.h"
#include "lia-test-pg.h"

/* Importing the same partner directory again: records that did not change are told by a hash
 * kept with each record (schema 19) instead of being compared in full, and whatever changed a
 * record since (a save, another connection, a delete reaching it, a renamed uid it refers to,
 * an undo) makes the file's version come back. On a file, and with --postgresql on a team
 * server. */

#define HEADER "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
               "<partner-directory xmlns=\"urn:liaison:partner-directory:1\" version=\"1\">\n"
#define FOOTER "</partner-directory>\n"


static LiaImporter *
import_ok (LiaStore   *store,
           const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LiaImporter) importer = lia_importer_new (file);
  g_autoptr(GError) error = NULL;

  lia_importer_run (importer, store, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&importer);
}

static gint64
id_of (StoreFixture  *f,
       LiaRecordKind  kind,
       const char    *uid)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (lia_store_find_id (f->store, kind, uid, &id, &error));
  g_assert_no_error (error);
  return id;
}

static LiaRecord *
load_uid (StoreFixture  *f,
          LiaRecordKind  kind,
          const char    *uid)
{
  gint64 id = id_of (f, kind, uid);

  g_assert_cmpint (id, >, 0);
  return lia_test_load (f->store, kind, id);
}

static gboolean
has_id (const GArray *ids,
        gint64        id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static guint64
total (LiaImporter *importer)
{
  return lia_importer_get_total (importer, LIA_IMPORT_CREATED) +
         lia_importer_get_total (importer, LIA_IMPORT_UPDATED) +
         lia_importer_get_total (importer, LIA_IMPORT_UNCHANGED);
}

/* The database's rows, but for the change log, where every import leaves a row telling
 * other windows to read everything again. */
static char *
digest (StoreFixture *f)
{
  g_autofree char *all = lia_test_pg_digest (f);
  g_auto(GStrv) lines = g_strsplit (all, "\n", -1);
  GString *kept = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (!g_str_has_prefix (lines[i], "change_log "))
      g_string_append_printf (kept, "%s\n", lines[i]);
  return g_string_free (kept, FALSE);
}

/* Imports the sample; returns how many records it holds. */
static guint64
import_sample (StoreFixture *f)
{
  g_autofree char *path = lia_test_pg_sample_path ();
  g_autoptr(LiaImporter) first = import_ok (f->store, path);
  guint64 n = lia_importer_get_total (first, LIA_IMPORT_CREATED);

  g_assert_cmpuint (n, >, 500);
  g_assert_cmpuint (n, ==, total (first));
  return n;
}

/* Imports the sample again: @n_updated records of @kind are updated, and every other record
 * is unchanged. */
static void
reimport_sample (StoreFixture  *f,
                 guint64        n,
                 LiaRecordKind  kind,
                 guint64        n_updated,
                 guint64        n_created)
{
  g_autofree char *path = lia_test_pg_sample_path ();
  g_autoptr(LiaImporter) again = import_ok (f->store, path);

  g_assert_cmpuint (lia_importer_get_total (again, LIA_IMPORT_CREATED), ==, n_created);
  g_assert_cmpuint (lia_importer_get_count (again, kind, LIA_IMPORT_UPDATED), ==, n_updated);
  g_assert_cmpuint (lia_importer_get_total (again, LIA_IMPORT_UPDATED), ==, n_updated);
  g_assert_cmpuint (lia_importer_get_total (again, LIA_IMPORT_UNCHANGED), ==, n - n_updated - n_created);
}

/* The same file again changes nothing and says every record is unchanged. */
static void
test_unchanged (StoreFixture  *f,
                gconstpointer  data)
{
  guint64 n = import_sample (f);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* A hash for every record the import stored: the next import reads them. */
  g_assert_cmpint (lia_test_pg_sql_int (f, "SELECT count(*) FROM record_hashes"), ==, (gint64) n);

  before = digest (f);
  reimport_sample (f, n, LIA_RECORD_KIND_CONTACT, 0, 0);
  after = digest (f);
  g_assert_cmpstr (after, ==, before);

  /* And a third time, from the hashes the second confirmed. */
  reimport_sample (f, n, LIA_RECORD_KIND_CONTACT, 0, 0);
}

/* A contact edited and saved after the import gets the file's version back. */
static void
test_edited_contact (StoreFixture  *f,
                     gconstpointer  data)
{
  guint64 n = import_sample (f);
  g_autoptr(LiaRecord) contact = load_uid (f, LIA_RECORD_KIND_CONTACT, "c-001");
  g_autoptr(LiaRecord) back = NULL;
  g_autofree char *family = g_strdup (lia_contact_get_family_name (LIA_CONTACT (contact)));

  lia_contact_set_family_name (LIA_CONTACT (contact), "Changed-Here");
  lia_test_save (f->store, contact);

  reimport_sample (f, n, LIA_RECORD_KIND_CONTACT, 1, 0);
  back = load_uid (f, LIA_RECORD_KIND_CONTACT, "c-001");
  g_assert_cmpstr (lia_contact_get_family_name (LIA_CONTACT (back)), ==, family);
}

/* A participant taken out of an interaction, by another connection writing the database
 * directly, or by a save, comes back. */
static void
test_participant_removed (StoreFixture  *f,
                          gconstpointer  data)
{
  guint64 n = import_sample (f);
  gint64 interaction_id = id_of (f, LIA_RECORD_KIND_INTERACTION, "i-0002");
  gint64 contact_id = id_of (f, LIA_RECORD_KIND_CONTACT, "c-026");
  gint64 organization_id = id_of (f, LIA_RECORD_KIND_ORGANIZATION, "msds");
  g_autofree char *sql = g_strdup_printf ("DELETE FROM interaction_contacts"
                                          " WHERE interaction_id = %" G_GINT64_FORMAT
                                          " AND contact_id = %" G_GINT64_FORMAT,
                                          interaction_id, contact_id);
  g_autoptr(LiaRecord) interaction = NULL;

  lia_test_pg_sql (f, sql);
  interaction = lia_test_load (f->store, LIA_RECORD_KIND_INTERACTION, interaction_id);
  g_assert_false (has_id (lia_interaction_get_contact_ids (LIA_INTERACTION (interaction)), contact_id));
  g_clear_object (&interaction);

  reimport_sample (f, n, LIA_RECORD_KIND_INTERACTION, 1, 0);
  interaction = lia_test_load (f->store, LIA_RECORD_KIND_INTERACTION, interaction_id);
  g_assert_true (has_id (lia_interaction_get_contact_ids (LIA_INTERACTION (interaction)), contact_id));

  /* The same through the store. */
  lia_interaction_remove_organization (LIA_INTERACTION (interaction), organization_id);
  lia_test_save (f->store, interaction);
  g_clear_object (&interaction);

  reimport_sample (f, n, LIA_RECORD_KIND_INTERACTION, 1, 0);
  interaction = lia_test_load (f->store, LIA_RECORD_KIND_INTERACTION, interaction_id);
  g_assert_true (has_id (lia_interaction_get_organization_ids (LIA_INTERACTION (interaction)), organization_id));
}

/* A contact deleted after the import comes back, and so does its place in the interactions
 * the delete took it out of. */
static void
test_referenced_contact_deleted (StoreFixture  *f,
                                 gconstpointer  data)
{
  guint64 n = import_sample (f);
  g_autoptr(LiaRecord) contact = load_uid (f, LIA_RECORD_KIND_CONTACT, "c-024");
  g_autoptr(LiaRecord) interaction = NULL;
  g_autofree char *path = lia_test_pg_sample_path ();
  g_autoptr(LiaImporter) again = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n_affiliations = lia_test_count (f->store, LIA_RECORD_KIND_AFFILIATION);
  guint64 n_participations;
  gint64 contact_id;

  n_participations = (guint64) lia_test_pg_sql_int (f, "SELECT count(DISTINCT interaction_id) FROM interaction_contacts"
                                                       " WHERE contact_id = (SELECT id FROM contacts WHERE uid = 'c-024')");
  g_assert_cmpuint (n_participations, >, 0);

  g_assert_true (lia_store_delete (f->store, contact, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id_of (f, LIA_RECORD_KIND_CONTACT, "c-024"), ==, 0);

  again = import_ok (f->store, path);
  g_assert_cmpuint (lia_importer_get_count (again, LIA_RECORD_KIND_CONTACT, LIA_IMPORT_CREATED), ==, 1);
  g_assert_cmpuint (lia_importer_get_count (again, LIA_RECORD_KIND_INTERACTION, LIA_IMPORT_UPDATED), >=, n_participations);
  g_assert_cmpuint (total (again), ==, n);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_AFFILIATION), ==, n_affiliations);

  contact_id = id_of (f, LIA_RECORD_KIND_CONTACT, "c-024");
  interaction = load_uid (f, LIA_RECORD_KIND_INTERACTION, "i-0002");
  g_assert_true (has_id (lia_interaction_get_contact_ids (LIA_INTERACTION (interaction)), contact_id));
  g_assert_cmpint (lia_test_pg_sql_int (f, "SELECT count(DISTINCT interaction_id) FROM interaction_contacts"
                                           " WHERE contact_id = (SELECT id FROM contacts WHERE uid = 'c-024')"),
                   ==, (gint64) n_participations);
}

/* An organization given another uid after the import: the records that name it by its old
 * uid in the file are written anew, to the organization the file means. */
static void
test_referenced_uid_renamed (StoreFixture  *f,
                             gconstpointer  data)
{
  guint64 n = import_sample (f);
  g_autoptr(LiaRecord) organization = load_uid (f, LIA_RECORD_KIND_ORGANIZATION, "univ-almoraine");
  g_autoptr(LiaRecord) interaction = NULL;
  g_autofree char *path = lia_test_pg_sample_path ();
  g_autoptr(LiaImporter) again = NULL;
  gint64 renamed_id = lia_record_get_id (organization);
  gint64 new_id;

  lia_record_set_uid (organization, "univ-almoraine-renamed");
  lia_test_save (f->store, organization);

  again = import_ok (f->store, path);
  g_assert_cmpuint (lia_importer_get_count (again, LIA_RECORD_KIND_ORGANIZATION, LIA_IMPORT_CREATED), ==, 1);
  g_assert_cmpuint (lia_importer_get_count (again, LIA_RECORD_KIND_INTERACTION, LIA_IMPORT_UPDATED), >, 0);
  g_assert_cmpuint (total (again), ==, n);

  new_id = id_of (f, LIA_RECORD_KIND_ORGANIZATION, "univ-almoraine");
  g_assert_cmpint (new_id, !=, renamed_id);
  interaction = load_uid (f, LIA_RECORD_KIND_INTERACTION, "i-0001");
  g_assert_true (has_id (lia_interaction_get_organization_ids (LIA_INTERACTION (interaction)), new_id));
  g_assert_false (has_id (lia_interaction_get_organization_ids (LIA_INTERACTION (interaction)), renamed_id));
}

/* An undo that gives a record back a link the file does not have: the next import of the file
 * takes it out again. */
static void
test_undo (StoreFixture  *f,
           gconstpointer  data)
{
  static const char both[] =
    HEADER
    "  <contact id=\"c-1\"><display-name>Amina Diallo</display-name></contact>\n"
    "  <contact id=\"c-2\"><display-name>Jonas Weber</display-name></contact>\n"
    "  <interaction id=\"i-1\" kind=\"meeting\" at=\"2026-10-03T09:00:00+02:00\">\n"
    "    <title>Kick-off</title><participant contact=\"c-1\"/><participant contact=\"c-2\"/></interaction>\n"
    FOOTER;
  static const char one[] =
    HEADER
    "  <contact id=\"c-1\"><display-name>Amina Diallo</display-name></contact>\n"
    "  <interaction id=\"i-1\" kind=\"meeting\" at=\"2026-10-03T09:00:00+02:00\">\n"
    "    <title>Kick-off</title><participant contact=\"c-1\"/></interaction>\n"
    FOOTER;
  g_autofree char *both_path = lia_test_pg_write_file (f, "both.xml", both);
  g_autofree char *one_path = lia_test_pg_write_file (f, "one.xml", one);
  g_autoptr(LiaImporter) first = import_ok (f->store, both_path);
  g_autoptr(LiaRecord) contact = load_uid (f, LIA_RECORD_KIND_CONTACT, "c-2");
  g_autoptr(LiaDeletion) deletion = NULL;
  g_autoptr(LiaRecord) restored = NULL;
  g_autoptr(LiaRecord) interaction = NULL;
  g_autoptr(LiaImporter) second = NULL;
  g_autoptr(LiaImporter) third = NULL;
  g_autoptr(GError) error = NULL;
  gint64 c2 = lia_record_get_id (contact);

  g_assert_cmpuint (lia_importer_get_total (first, LIA_IMPORT_CREATED), ==, 3);

  /* Deleting c-2 takes it out of i-1: then i-1 is what the file with one participant says. */
  deletion = lia_store_delete_with_undo (f->store, contact, &error);
  g_assert_no_error (error);
  second = import_ok (f->store, one_path);
  g_assert_cmpuint (lia_importer_get_total (second, LIA_IMPORT_UNCHANGED), ==, 2);
  g_assert_cmpuint (lia_importer_get_total (second, LIA_IMPORT_UPDATED), ==, 0);

  /* The undo puts c-2 back into i-1. */
  restored = lia_store_undo_deletion (f->store, deletion, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_record_get_id (restored), ==, c2);
  interaction = load_uid (f, LIA_RECORD_KIND_INTERACTION, "i-1");
  g_assert_true (has_id (lia_interaction_get_contact_ids (LIA_INTERACTION (interaction)), c2));
  g_clear_object (&interaction);

  /* The file says i-1 has one participant: so it has again. */
  third = import_ok (f->store, one_path);
  g_assert_cmpuint (lia_importer_get_count (third, LIA_RECORD_KIND_INTERACTION, LIA_IMPORT_UPDATED), ==, 1);
  g_assert_cmpuint (lia_importer_get_total (third, LIA_IMPORT_UNCHANGED), ==, 1);
  interaction = load_uid (f, LIA_RECORD_KIND_INTERACTION, "i-1");
  g_assert_cmpuint (lia_interaction_get_contact_ids (LIA_INTERACTION (interaction))->len, ==, 1);
  g_assert_false (has_id (lia_interaction_get_contact_ids (LIA_INTERACTION (interaction)), c2));
}

/* A file that changes one field of one record among many updates that record only. */
static void
test_one_field (StoreFixture  *f,
                gconstpointer  data)
{
  guint64 n = import_sample (f);
  g_autofree char *sample = lia_test_pg_sample_path ();
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GString) changed = NULL;
  g_autoptr(LiaImporter) again = NULL;
  g_autoptr(LiaRecord) interaction = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (sample, &contents, NULL, &error);
  g_assert_no_error (error);
  changed = g_string_new (contents);
  /* i-0002's title (the same title comes again in later years). */
  g_assert_cmpuint (g_string_replace (changed, "minutes=\"60\" sentiment=\"1\">\n    <title>Mobile clinics annual review</title>",
                                      "minutes=\"60\" sentiment=\"1\">\n    <title>Mobile clinics: the annual review</title>", 1), ==, 1);
  path = lia_test_pg_write_file (f, "changed.xml", changed->str);

  again = import_ok (f->store, path);
  g_assert_cmpuint (lia_importer_get_count (again, LIA_RECORD_KIND_INTERACTION, LIA_IMPORT_UPDATED), ==, 1);
  g_assert_cmpuint (lia_importer_get_total (again, LIA_IMPORT_UPDATED), ==, 1);
  g_assert_cmpuint (lia_importer_get_total (again, LIA_IMPORT_CREATED), ==, 0);
  g_assert_cmpuint (lia_importer_get_total (again, LIA_IMPORT_UNCHANGED), ==, n - 1);

  interaction = load_uid (f, LIA_RECORD_KIND_INTERACTION, "i-0002");
  g_assert_cmpstr (lia_interaction_get_title (LIA_INTERACTION (interaction)), ==, "Mobile clinics: the annual review");

  /* The original again: the same record goes back, the rest stays. */
  reimport_sample (f, n, LIA_RECORD_KIND_INTERACTION, 1, 0);
}

/* What the person is told of a file is the same the second time: its foreign elements are
 * counted as ignored, and a record listed twice is a problem. */
static void
test_told_the_same (StoreFixture  *f,
                    gconstpointer  data)
{
#define INTERACTION \
  "  <interaction id=\"i-1\" kind=\"meeting\" at=\"2026-10-03T09:00:00+02:00\">\n" \
  "    <title>Kick-off</title><x:mood xmlns:x=\"urn:example:mood\">good</x:mood></interaction>\n"
  static const char once[] = HEADER INTERACTION FOOTER;
  static const char twice[] = HEADER INTERACTION INTERACTION FOOTER;
#undef INTERACTION
  g_autofree char *once_path = lia_test_pg_write_file (f, "once.xml", once);
  g_autofree char *twice_path = lia_test_pg_write_file (f, "twice.xml", twice);
  g_autoptr(LiaImporter) first = import_ok (f->store, once_path);
  g_autoptr(LiaImporter) second = import_ok (f->store, once_path);
  g_autoptr(GFile) file = g_file_new_for_path (twice_path);
  g_autoptr(LiaImporter) third = lia_importer_new (file);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = digest (f);
  g_autofree char *after = NULL;
  g_autoptr(LiaImportProblem) problem = NULL;

  g_assert_cmpuint (lia_importer_get_ignored (first), ==, 1);
  g_assert_cmpuint (lia_importer_get_total (second, LIA_IMPORT_UNCHANGED), ==, 1);
  g_assert_cmpuint (lia_importer_get_ignored (second), ==, 1);

  g_assert_false (lia_importer_run (third, f->store, NULL, &error));
  g_assert_error (error, LIA_EXCHANGE_ERROR, LIA_EXCHANGE_ERROR_INVALID);
  g_assert_cmpuint (g_list_model_get_n_items (lia_importer_get_problems (third)), ==, 1);
  problem = g_list_model_get_item (lia_importer_get_problems (third), 0);
  g_assert_cmpuint (lia_import_problem_get_line (problem), ==, 5);
  g_assert_nonnull (strstr (lia_import_problem_get_message (problem), "i-1"));
  after = digest (f);
  g_assert_cmpstr (after, ==, before);
}

/* A contact is not read when it and each of its affiliations are as an import stored them;
 * an affiliation changed, deleted or given to someone else since goes the long way, with its
 * contact, and the file's version comes back (imp-rows). */
static void
test_contact_affiliations (StoreFixture  *f,
                           gconstpointer  data)
{
  guint64 n = import_sample (f);
  gint64 contact_id = id_of (f, LIA_RECORD_KIND_CONTACT, "c-001");
  gint64 other_id = id_of (f, LIA_RECORD_KIND_CONTACT, "c-002");
  g_autoptr(LiaRecord) affiliation = load_uid (f, LIA_RECORD_KIND_AFFILIATION, "a-002");
  g_autoptr(LiaRecord) back = NULL;
  g_autofree char *role = g_strdup (lia_affiliation_get_role (LIA_AFFILIATION (affiliation)));
  g_autofree char *sql = NULL;

  g_assert_cmpint (lia_affiliation_get_contact_id (LIA_AFFILIATION (affiliation)), ==, contact_id);

  /* Its role changed by a save: the contact's own hash is still there. */
  lia_affiliation_set_role (LIA_AFFILIATION (affiliation), "Changed Here");
  lia_test_save (f->store, affiliation);
  reimport_sample (f, n, LIA_RECORD_KIND_AFFILIATION, 1, 0);
  back = load_uid (f, LIA_RECORD_KIND_AFFILIATION, "a-002");
  g_assert_cmpstr (lia_affiliation_get_role (LIA_AFFILIATION (back)), ==, role);
  g_clear_object (&back);

  /* Deleted by another connection: made again. */
  lia_test_pg_sql (f, "DELETE FROM affiliations WHERE uid = 'a-002'");
  g_assert_cmpint (id_of (f, LIA_RECORD_KIND_AFFILIATION, "a-002"), ==, 0);
  reimport_sample (f, n, LIA_RECORD_KIND_AFFILIATION, 0, 1);
  back = load_uid (f, LIA_RECORD_KIND_AFFILIATION, "a-002");
  g_assert_cmpint (lia_affiliation_get_contact_id (LIA_AFFILIATION (back)), ==, contact_id);
  g_assert_cmpstr (lia_affiliation_get_role (LIA_AFFILIATION (back)), ==, role);
  g_clear_object (&back);

  /* Given to another contact by another connection: the file is refused as it would have been
   * before, not taken as unchanged. */
  sql = g_strdup_printf ("UPDATE affiliations SET contact_id = %" G_GINT64_FORMAT ", version = version + 1"
                         " WHERE uid = 'a-002'", other_id);
  lia_test_pg_sql (f, sql);
  {
    g_autofree char *path = lia_test_pg_sample_path ();
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(LiaImporter) importer = lia_importer_new (file);
    g_autoptr(GError) error = NULL;

    GListModel *problems;
    g_autoptr(LiaImportProblem) problem = NULL;

    g_assert_false (lia_importer_run (importer, f->store, NULL, &error));
    g_assert_nonnull (error);
    problems = lia_importer_get_problems (importer);
    g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 1);
    problem = g_list_model_get_item (problems, 0);
    g_assert_nonnull (strstr (lia_import_problem_get_message (problem), "“a-002” belongs to another contact"));
  }
  back = load_uid (f, LIA_RECORD_KIND_AFFILIATION, "a-002");
  g_assert_cmpint (lia_affiliation_get_contact_id (LIA_AFFILIATION (back)), ==, other_id);
}

int
main (int   argc,
      char *argv[])
{
  int skip = 0;

  if (!lia_test_pg_init (&argc, &argv, &skip))
    return skip;

#define ADD(name, func) \
  g_test_add (name, StoreFixture, NULL, lia_test_pg_files_setup, func, lia_test_pg_files_teardown)

  ADD ("/reimport/unchanged", test_unchanged);
  ADD ("/reimport/edited-contact", test_edited_contact);
  ADD ("/reimport/participant-removed", test_participant_removed);
  ADD ("/reimport/referenced-contact-deleted", test_referenced_contact_deleted);
  ADD ("/reimport/referenced-uid-renamed", test_referenced_uid_renamed);
  ADD ("/reimport/undo", test_undo);
  ADD ("/reimport/one-field", test_one_field);
  ADD ("/reimport/told-the-same", test_told_the_same);
  ADD ("/reimport/contact-affiliations", test_contact_affiliations);

  return g_test_run ();
}
