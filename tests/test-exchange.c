/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>
#include <sys/wait.h>

#include "lia-export-private.h"
#include "lia-exporter.h"
#include "lia-importer.h"
#include "lia-list-model.h"
#include "lia-search-result.h"
#include "lia-store-bulk.h"
#include "lia-store-private.h"
#include "lia-store-projects.h"
#include "lia-test-pg.h"

/* Importing and exporting partner directories: round trips, merges, forward references, the
 * problems a person is shown, and a database that stays as it was whenever an import fails;
 * on a file, and with --postgresql on a team server. */

#define HEADER "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
               "<partner-directory xmlns=\"urn:liaison:partner-directory:1\" version=\"1\">\n"
#define FOOTER "</partner-directory>\n"

/* The secondary indexes of the interactions' tables, which an import into an empty database
 * builds at its end (on a file). */
#define INDEX_NAMES \
  "('interactions_by_time', 'interaction_contacts_by_contact'," \
  " 'interaction_organizations_by_organization')"
#define INTERACTION_INDEXES \
  (pg_cluster == NULL ? "SELECT count(*) FROM sqlite_master WHERE name IN " INDEX_NAMES \
                      : "SELECT count(*) FROM pg_indexes WHERE indexname IN " INDEX_NAMES)
/* Every trigger: an import drops the insert triggers that do nothing while it loads. */
#define TRIGGERS \
  (pg_cluster == NULL ? "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'" \
                      : "SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal")

#define sample_path lia_test_pg_sample_path
#define write_file lia_test_pg_write_file

/* Imports @path; returns the importer (problems and counts) and sets @out_error. */
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

static void
import_ok (LiaStore   *store,
           const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaImporter) importer = import_file (store, path, FALSE, &error);

  g_assert_no_error (error);
}

/* The whole database as a partner directory: what tests compare before and after. */
static char *
export_to_string (LiaStore *store,
                  gint64    organization_id)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(LiaExporter) exporter = lia_exporter_new_for_stream (stream, LIA_EXCHANGE_FORMAT_DIRECTORY);
  g_autoptr(GError) error = NULL;

  lia_exporter_set_organization_id (exporter, organization_id);
  lia_exporter_run (exporter, store, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL);
  g_output_stream_close (stream, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

static char *
problem_text (LiaImporter *importer,
              guint        i)
{
  g_autoptr(LiaImportProblem) problem = g_list_model_get_item (lia_importer_get_problems (importer), i);

  g_assert_nonnull (problem);
  return lia_import_problem_to_string (problem);
}

static guint
n_problems (LiaImporter *importer)
{
  return g_list_model_get_n_items (lia_importer_get_problems (importer));
}

static void
assert_problem (LiaImporter *importer,
                guint        i,
                guint        line,
                guint        column,
                const char  *part)
{
  g_autoptr(LiaImportProblem) problem = g_list_model_get_item (lia_importer_get_problems (importer), i);
  g_autofree char *text = NULL;

  g_assert_nonnull (problem);
  text = lia_import_problem_to_string (problem);
  if (strstr (text, part) == NULL)
    g_error ("problem %u is “%s”, expected it to say “%s”", i, text, part);
  g_assert_cmpuint (lia_import_problem_get_line (problem), ==, line);
  if (column > 0)
    g_assert_cmpuint (lia_import_problem_get_column (problem), ==, column);
}

/* The first result of searching @text is titled @title. */
static void
assert_search_finds (LiaStore   *store,
                     const char *text,
                     const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = lia_store_search (store, text, 5, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (results->len, >=, 1);
  g_assert_cmpstr (lia_search_result_get_title (g_ptr_array_index (results, 0)), ==, title);
}

/* The sample: import, export, import into an empty database, export: the same bytes. */
static void
test_round_trip (StoreFixture  *f,
                 gconstpointer  data)
{
  g_autofree char *sample = sample_path ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *again = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *other_path = lia_test_pg_new_database (f, "other.db");
  g_autoptr(LiaStore) other = NULL;

  import_ok (f->store, sample);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_ORGANIZATION), >=, 12);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_CONTACT), >=, 50);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_INTERACTION), >=, 250);

  first = export_to_string (f->store, 0);
  again = export_to_string (f->store, 0);
  g_assert_cmpstr (first, ==, again);

  exported = write_file (f, "exported.xml", first);
  other = lia_test_open (other_path);
  import_ok (other, exported);
  second = export_to_string (other, 0);
  g_assert_cmpstr (first, ==, second);

  /* What a bulk import indexed at its end is found. */
  assert_search_finds (other, "agua viva", "Fundación Agua Viva");

  /* The record times travel: "exported" is when the data last changed, not today. */
  g_assert_nonnull (strstr (first, "exported=\"20"));
  g_assert_null (strstr (first, "kind=\"\""));
}

/* The same file twice creates nothing; a changed record is updated, the rest unchanged. */
static void
test_merge (StoreFixture  *f,
            gconstpointer  data)
{
  static const char first[] =
    HEADER
    "  <organization id=\"who\"><name>World Health Organization</name><country>CH</country></organization>\n"
    "  <contact id=\"c-1\"><name><given>Amina</given><family>Diallo</family></name>\n"
    "    <affiliation organization=\"who\" role=\"Director\" from=\"2021-03-01\" primary=\"true\"/>\n"
    "    <email kind=\"work\">amina@who.example</email></contact>\n"
    "  <interaction id=\"i-1\" kind=\"meeting\" at=\"2026-10-03T09:00:00+02:00\" minutes=\"60\">\n"
    "    <title>Kick-off</title><participant contact=\"c-1\"/><participant organization=\"who\"/></interaction>\n"
    FOOTER;
  static const char changed[] =
    HEADER
    "  <organization id=\"who\"><name>World Health Organization</name><country>CH</country></organization>\n"
    "  <contact id=\"c-1\"><name><given>Amina</given><family>Diallo-Sow</family></name>\n"
    "    <affiliation organization=\"who\" role=\"Director\" from=\"2021-03-01\" primary=\"true\"/>\n"
    "    <email kind=\"work\">amina@who.example</email></contact>\n"
    "  <interaction id=\"i-1\" kind=\"meeting\" at=\"2026-10-03T09:00:00+02:00\" minutes=\"60\">\n"
    "    <title>Kick-off</title><participant contact=\"c-1\"/><participant organization=\"who\"/></interaction>\n"
    FOOTER;
  g_autofree char *path = write_file (f, "first.xml", first);
  g_autofree char *changed_path = write_file (f, "changed.xml", changed);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaImporter) once = import_file (f->store, path, FALSE, &error);
  g_autoptr(LiaImporter) twice = NULL;
  g_autoptr(LiaImporter) update = NULL;
  g_autoptr(LiaRecord) contact = NULL;
  gint64 id = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (lia_importer_get_total (once, LIA_IMPORT_CREATED), ==, 4);
  g_assert_cmpuint (lia_importer_get_count (once, LIA_RECORD_KIND_AFFILIATION, LIA_IMPORT_CREATED), ==, 1);

  twice = import_file (f->store, path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lia_importer_get_total (twice, LIA_IMPORT_CREATED), ==, 0);
  g_assert_cmpuint (lia_importer_get_total (twice, LIA_IMPORT_UPDATED), ==, 0);
  g_assert_cmpuint (lia_importer_get_total (twice, LIA_IMPORT_UNCHANGED), ==, 4);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_CONTACT), ==, 1);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_AFFILIATION), ==, 1);

  update = import_file (f->store, changed_path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lia_importer_get_count (update, LIA_RECORD_KIND_CONTACT, LIA_IMPORT_UPDATED), ==, 1);
  g_assert_cmpuint (lia_importer_get_total (update, LIA_IMPORT_UNCHANGED), ==, 3);

  g_assert_true (lia_store_find_id (f->store, LIA_RECORD_KIND_CONTACT, "c-1", &id, NULL));
  contact = lia_test_load (f->store, LIA_RECORD_KIND_CONTACT, id);
  g_assert_cmpstr (lia_contact_get_family_name (LIA_CONTACT (contact)), ==, "Diallo-Sow");
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_CONTACT), ==, 1);

  /* Search knows the imported records, and the updated one by its new name. */
  assert_search_finds (f->store, "kick", "Kick-off");
  assert_search_finds (f->store, "sow", "Amina Diallo-Sow");
}

/* References may point forward: a parent, an affiliation, participants, a commitment's
 * interaction and a concern's parties all named before the record they point to. */
static void
test_forward_references (StoreFixture  *f,
                         gconstpointer  data)
{
  static const char text[] =
    HEADER
    "  <concern id=\"x-1\" status=\"mediating\" severity=\"high\" opened=\"2026-09-01\">\n"
    "    <title>Data sharing dispute</title>\n"
    "    <party organization=\"dept\" position=\"Wants the raw data&#10;by Friday\"/>\n"
    "    <party contact=\"c-1\" position=\"Cannot share without consent\"/>\n"
    "    <related interaction=\"i-1\"/>\n"
    "  </concern>\n"
    "  <commitment id=\"k-1\" direction=\"ours\" due=\"2026-10-10\" interaction=\"i-1\" contact=\"c-1\">\n"
    "    <title>Send the revised memorandum</title></commitment>\n"
    "  <interaction id=\"i-1\" kind=\"call\" at=\"2026-10-03T09:00:00+02:00\">\n"
    "    <title>Call about data</title><participant contact=\"c-1\"/></interaction>\n"
    "  <contact id=\"c-1\"><display-name>Dr Amina Diallo</display-name>\n"
    "    <affiliation organization=\"dept\" role=\"Head\"/></contact>\n"
    "  <organization id=\"dept\"><name>Department</name><parent organization=\"ministry\"/></organization>\n"
    "  <organization id=\"ministry\"><name>Ministry</name></organization>\n"
    FOOTER;
  g_autofree char *path = write_file (f, "forward.xml", text);
  g_autoptr(LiaRecord) dept = NULL;
  g_autoptr(LiaRecord) concern = NULL;
  g_autoptr(LiaRecord) commitment = NULL;
  g_autoptr(LiaConcernParty) party = NULL;
  gint64 dept_id, ministry_id, concern_id, commitment_id, interaction_id;

  import_ok (f->store, path);

  g_assert_true (lia_store_find_id (f->store, LIA_RECORD_KIND_ORGANIZATION, "dept", &dept_id, NULL));
  g_assert_true (lia_store_find_id (f->store, LIA_RECORD_KIND_ORGANIZATION, "ministry", &ministry_id, NULL));
  g_assert_true (lia_store_find_id (f->store, LIA_RECORD_KIND_CONCERN, "x-1", &concern_id, NULL));
  g_assert_true (lia_store_find_id (f->store, LIA_RECORD_KIND_COMMITMENT, "k-1", &commitment_id, NULL));
  g_assert_true (lia_store_find_id (f->store, LIA_RECORD_KIND_INTERACTION, "i-1", &interaction_id, NULL));

  dept = lia_test_load (f->store, LIA_RECORD_KIND_ORGANIZATION, dept_id);
  g_assert_cmpint (lia_organization_get_parent_id (LIA_ORGANIZATION (dept)), ==, ministry_id);

  commitment = lia_test_load (f->store, LIA_RECORD_KIND_COMMITMENT, commitment_id);
  g_assert_cmpint (lia_commitment_get_interaction_id (LIA_COMMITMENT (commitment)), ==, interaction_id);

  concern = lia_test_load (f->store, LIA_RECORD_KIND_CONCERN, concern_id);
  g_assert_cmpuint (g_list_model_get_n_items (lia_concern_get_parties (LIA_CONCERN (concern))), ==, 2);
  party = g_list_model_get_item (lia_concern_get_parties (LIA_CONCERN (concern)), 0);
  g_assert_cmpint (lia_concern_party_get_organization_id (party), ==, dept_id);
  /* Multi-line text in an attribute comes back as it was. */
  g_assert_cmpstr (lia_concern_party_get_position (party), ==, "Wants the raw data\nby Friday");
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_AFFILIATION), ==, 1);
}

/* A reference to nothing: the problem names the line, the column, the record and the id it
 * looked for, and nothing of the file is kept. */
static void
test_dangling_reference (StoreFixture  *f,
                         gconstpointer  data)
{
  static const char text[] =
    HEADER
    "  <organization id=\"who\"><name>WHO</name></organization>\n"
    "  <contact id=\"c-044\"><display-name>Someone</display-name>\n"
    "    <affiliation organization=\"un-ocha\" role=\"Officer\"/>\n"
    "  </contact>\n"
    "  <commitment id=\"k-1\" direction=\"theirs\" contact=\"c-404\"><title>Reply</title></commitment>\n"
    FOOTER;
  g_autofree char *path = write_file (f, "dangling.xml", text);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *before_rows = NULL;
  g_autofree char *after_rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaImporter) importer = NULL;

  lia_test_add_organization (f->store, "Already here", 0);
  before = export_to_string (f->store, 0);
  before_rows = lia_test_pg_digest (f);

  importer = import_file (f->store, path, FALSE, &error);
  g_assert_error (error, LIA_EXCHANGE_ERROR, LIA_EXCHANGE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "nothing was imported"));
  g_assert_cmpuint (n_problems (importer), ==, 2);
  /* The column is the attribute's: what to fix. */
  assert_problem (importer, 0, 5, 18,
                  "contact “c-044”: refers to organization “un-ocha”, which is neither in this file nor in the database");
  assert_problem (importer, 1, 7, 43, "commitment “k-1”: refers to contact “c-404”");
  {
    g_autofree char *text0 = problem_text (importer, 0);
    g_assert_true (g_str_has_suffix (path, "dangling.xml"));
    g_assert_true (g_str_has_prefix (text0, path));
    g_assert_nonnull (strstr (text0, "dangling.xml:5:18: "));
  }

  after = export_to_string (f->store, 0);
  g_assert_cmpstr (before, ==, after);
  after_rows = lia_test_pg_digest (f);
  g_assert_cmpstr (before_rows, ==, after_rows);
}

/* An error in record N of M, past the first few hundred records (where an import checks
 * whether it was cancelled), found by the reader (a value out of range) or by the store (a
 * title of white space only): the import stops whole, the database is as it was, and the
 * problem is at that record's line. */
typedef struct
{
  const char *bad_attribute;  /* on record N's element */
  const char *bad_title;      /* record N's title */
  const char *message;
  gboolean    names_uid;      /* the message says "interaction “i-N”" */
} RecordNCase;

static void
test_fails_at_record_n (StoreFixture  *f,
                        gconstpointer  data)
{
  static const RecordNCase cases[] = {
    { " sentiment=\"9\"", "Call", "“sentiment” must be a whole number from -2 to 2, not “9”", TRUE },
    { "", "   ", "An interaction needs a title.", FALSE },
  };
  enum { M = 700, N = 650 };

  lia_test_add_organization (f->store, "Already here", 0);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GString) text = g_string_new (HEADER "  <organization id=\"o-1\"><name>One</name></organization>\n");
      g_autofree char *name = g_strdup_printf ("record-n-%u.xml", c);
      g_autofree char *path = NULL;
      g_autofree char *before = export_to_string (f->store, 0);
      g_autofree char *before_rows = lia_test_pg_digest (f);
      g_autofree char *after = NULL;
      g_autofree char *after_rows = NULL;
      g_autofree char *uid = g_strdup_printf ("interaction “i-%d”", N);
      g_autoptr(GError) error = NULL;
      g_autoptr(LiaImporter) importer = NULL;

      /* Line 1 the declaration, 2 the root, 3 the organization, then one line per record. */
      for (guint i = 1; i <= M; i++)
        g_string_append_printf (text,
                                "  <interaction id=\"i-%u\" kind=\"call\" at=\"2026-01-02T10:00:00+01:00\"%s>"
                                "<title>%s</title><participant organization=\"o-1\"/></interaction>\n",
                                i, i == N ? cases[c].bad_attribute : "", i == N ? cases[c].bad_title : "Call");
      g_string_append (text, FOOTER);
      path = write_file (f, name, text->str);

      importer = import_file (f->store, path, FALSE, &error);
      g_assert_error (error, LIA_EXCHANGE_ERROR, LIA_EXCHANGE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "nothing was imported"));
      g_assert_cmpuint (n_problems (importer), ==, 1);
      assert_problem (importer, 0, 3 + N, 0, cases[c].message);
      if (cases[c].names_uid)
        assert_problem (importer, 0, 3 + N, 0, uid);

      after = export_to_string (f->store, 0);
      g_assert_cmpstr (before, ==, after);
      after_rows = lia_test_pg_digest (f);
      g_assert_cmpstr (before_rows, ==, after_rows);
    }
}

/* Values out of range, unknown elements and attributes, duplicates: every problem is listed
 * with its line, and the database is as it was. */
static void
test_bad_values (StoreFixture  *f,
                 gconstpointer  data)
{
  static const char text[] =
    HEADER
    "  <organization id=\"a\"><name>A</name><assessment influence=\"9\" stance=\"hostile\"/></organization>\n"
    "  <organization id=\"a\"><name>Again</name></organization>\n"
    "  <contact id=\"c\"><display-name>C</display-name><affiliation organization=\"a\" from=\"2026-02-30\"/></contact>\n"
    "  <interaction id=\"i\" kind=\"teleport\" at=\"2026-10-03\" sentiment=\"7\"><title>T</title></interaction>\n"
    "  <meeting id=\"m\"/>\n"
    "  <concern id=\"x\" colour=\"red\"><title>X</title><mood>bad</mood></concern>\n"
    "  <organization id=\"has space\"><name>B</name></organization>\n"
    FOOTER;
  g_autofree char *path = write_file (f, "bad.xml", text);
  g_autofree char *before = export_to_string (f->store, 0);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaImporter) importer = import_file (f->store, path, FALSE, &error);

  g_assert_error (error, LIA_EXCHANGE_ERROR, LIA_EXCHANGE_ERROR_INVALID);
  for (guint i = 0; i < n_problems (importer); i++)
    {
      g_autofree char *p = problem_text (importer, i);
      g_test_message ("%s", p);
    }
  assert_problem (importer, 0, 3, 0, "“influence” must be a whole number from 1 to 5, not “9”");
  assert_problem (importer, 1, 3, 0, "“stance” must be one of");
  assert_problem (importer, 2, 4, 0, "A second organization with the id “a”");
  assert_problem (importer, 3, 5, 0, "“from” must be a date like 2026-03-01, not “2026-02-30”");
  assert_problem (importer, 4, 6, 0, "“at” must be a date and time with its UTC offset");
  assert_problem (importer, 5, 6, 0, "“kind” must be one of meeting, call, email");
  assert_problem (importer, 6, 6, 0, "“sentiment” must be a whole number from -2 to 2, not “7”");
  assert_problem (importer, 7, 7, 3, "not <meeting>");
  assert_problem (importer, 8, 8, 0, "<concern> has no attribute “colour”");
  assert_problem (importer, 9, 8, 0, "<concern> cannot hold a <mood> element");
  assert_problem (importer, 10, 9, 0, "“has space” is not an id");
  g_assert_cmpuint (n_problems (importer), ==, 11);

  after = export_to_string (f->store, 0);
  g_assert_cmpstr (before, ==, after);
}

/* A dry run reports what would happen and keeps nothing. */
static void
test_dry_run (StoreFixture  *f,
              gconstpointer  data)
{
  g_autofree char *sample = sample_path ();
  g_autofree char *before = export_to_string (f->store, 0);
  g_autofree char *before_rows = lia_test_pg_digest (f);
  g_autofree char *after = NULL;
  g_autofree char *after_rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 triggers = lia_test_pg_sql_int (f, TRIGGERS);
  g_autoptr(LiaImporter) importer = import_file (f->store, sample, TRUE, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (lia_importer_get_count (importer, LIA_RECORD_KIND_INTERACTION, LIA_IMPORT_CREATED), >=, 250);
  after = export_to_string (f->store, 0);
  g_assert_cmpstr (before, ==, after);
  after_rows = lia_test_pg_digest (f);
  g_assert_cmpstr (before_rows, ==, after_rows);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_INTERACTION), ==, 0);
  /* The dry run dropped the timeline's indexes and the insert triggers to make them again at
   * the end: the rollback gave them back. */
  g_assert_cmpint (lia_test_pg_sql_int (f, INTERACTION_INDEXES), ==, 3);
  g_assert_cmpint (lia_test_pg_sql_int (f, TRIGGERS), ==, triggers);
}

/* An import into an empty database builds the interactions' indexes once at the end: they are
 * there after it, and after an import that failed; records refer to each other by uid both
 * ways (before and after the record referred to), and a second record with the same uid is
 * still a problem at its line. */
static void
test_bulk_import_indexes (StoreFixture  *f,
                          gconstpointer  data)
{
  static const char good[] =
    HEADER
    "  <organization id=\"o-1\"><name>One</name></organization>\n"
    "  <interaction id=\"i-1\" kind=\"call\" at=\"2026-01-01T09:00:00+01:00\"><title>Call</title>"
    "<participant organization=\"o-1\"/><participant contact=\"c-1\"/></interaction>\n"
    "  <contact id=\"c-1\"><display-name>Ana</display-name></contact>\n"
    FOOTER;
  static const char bad[] =
    HEADER
    "  <interaction id=\"i-2\" kind=\"call\" at=\"2026-01-02T09:00:00+01:00\"><title>Two</title></interaction>\n"
    "  <interaction id=\"i-2\" kind=\"call\" at=\"2026-01-03T09:00:00+01:00\"><title>Again</title></interaction>\n"
    FOOTER;
  g_autofree char *good_path = write_file (f, "good.xml", good);
  g_autofree char *bad_path = write_file (f, "bad.xml", bad);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaImporter) failed = NULL;

  gint64 triggers = lia_test_pg_sql_int (f, TRIGGERS);

  import_ok (f->store, good_path);
  g_assert_cmpint (lia_test_pg_sql_int (f, INTERACTION_INDEXES), ==, 3);
  /* The insert triggers the load dropped are back: a record saved now is found at once. */
  g_assert_cmpint (lia_test_pg_sql_int (f, TRIGGERS), ==, triggers);
  lia_test_add_organization (f->store, "Zanzibar Water Board", 0);
  assert_search_finds (f->store, "zanzibar", "Zanzibar Water Board");
  g_assert_cmpint (lia_test_pg_sql_int (f, "SELECT count(*) FROM interaction_contacts"), ==, 1);
  g_assert_cmpint (lia_test_pg_sql_int (f, "SELECT count(*) FROM interaction_organizations"), ==, 1);
  assert_search_finds (f->store, "ana", "Ana");

  lia_test_pg_sql (f, "DELETE FROM interactions");
  failed = import_file (f->store, bad_path, FALSE, &error);
  g_assert_error (error, LIA_EXCHANGE_ERROR, LIA_EXCHANGE_ERROR_INVALID);
  assert_problem (failed, 0, 4, 0, "A second interaction with the id “i-2”");
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_INTERACTION), ==, 0);
  g_assert_cmpint (lia_test_pg_sql_int (f, INTERACTION_INDEXES), ==, 3);
}

/* Elements of other namespaces are someone's extensions: skipped and counted. */
static void
test_foreign_elements (StoreFixture  *f,
                       gconstpointer  data)
{
  static const char text[] =
    "<?xml version=\"1.0\"?>\n"
    "<pd:partner-directory xmlns:pd=\"urn:liaison:partner-directory:1\" xmlns:x=\"urn:example:crm\" version=\"1\" x:source=\"crm\">\n"
    "  <x:export-info><x:by>Tool</x:by></x:export-info>\n"
    "  <pd:organization id=\"o\" x:rank=\"3\"><pd:name>Org <x:em>ignored</x:em></pd:name><x:colour>blue</x:colour></pd:organization>\n"
    "</pd:partner-directory>\n";
  g_autofree char *path = write_file (f, "foreign.xml", text);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaImporter) importer = import_file (f->store, path, FALSE, &error);
  g_autoptr(LiaRecord) organization = NULL;
  gint64 id;

  g_assert_no_error (error);
  g_assert_cmpuint (lia_importer_get_ignored (importer), ==, 3);
  g_assert_true (lia_store_find_id (f->store, LIA_RECORD_KIND_ORGANIZATION, "o", &id, NULL));
  organization = lia_test_load (f->store, LIA_RECORD_KIND_ORGANIZATION, id);
  g_assert_cmpstr (lia_organization_get_name (LIA_ORGANIZATION (organization)), ==, "Org");
}

/* Not a directory at all, and directories that are broken as XML. */
static void
test_not_a_directory (StoreFixture  *f,
                      gconstpointer  data)
{
  g_autofree char *html = write_file (f, "page.xml", "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>");
  g_autofree char *text = write_file (f, "notes.txt", "Meeting notes, not XML at all.\n");
  g_autofree char *empty = write_file (f, "empty.xml", "");
  g_autofree char *cut = write_file (f, "cut.xml", HEADER "  <organization id=\"o\"><name>Cut off her");
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaImporter) a = import_file (f->store, html, FALSE, &error);
  g_autoptr(LiaImporter) b = NULL;
  g_autoptr(LiaImporter) c = NULL;
  g_autoptr(LiaImporter) d = NULL;

  g_assert_error (error, LIA_EXCHANGE_ERROR, LIA_EXCHANGE_ERROR_NOT_SUPPORTED);
  g_assert_nonnull (strstr (error->message, "is not a partner directory or xCard file"));
  g_assert_nonnull (strstr (error->message, "“html”"));
  g_clear_error (&error);

  b = import_file (f->store, text, FALSE, &error);
  g_assert_error (error, LIA_EXCHANGE_ERROR, LIA_EXCHANGE_ERROR_INVALID);
  assert_problem (b, 0, 1, 0, "This is not an XML file");
  g_clear_error (&error);

  c = import_file (f->store, empty, FALSE, &error);
  g_assert_error (error, LIA_EXCHANGE_ERROR, LIA_EXCHANGE_ERROR_INVALID);
  g_clear_error (&error);

  d = import_file (f->store, cut, FALSE, &error);
  g_assert_error (error, LIA_EXCHANGE_ERROR, LIA_EXCHANGE_ERROR_INVALID);
  assert_problem (d, 0, 3, 0, "cut off");
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_ORGANIZATION), ==, 0);
}

/* One organization: its people, their history, and what those refer to, importable alone. */
static void
test_export_organization (StoreFixture  *f,
                          gconstpointer  data)
{
  g_autofree char *sample = sample_path ();
  g_autofree char *part = NULL;
  g_autofree char *part_path = NULL;
  g_autofree char *other_path = lia_test_pg_new_database (f, "other.db");
  g_autoptr(LiaStore) other = NULL;
  g_autoptr(GPtrArray) organizations = NULL;
  gint64 id = 0;
  gint64 best = 0;

  import_ok (f->store, sample);

  /* The organization with the most people. */
  organizations = lia_store_list_sub_organizations (f->store, 0, NULL);
  for (guint i = 0; i < organizations->len; i++)
    {
      gint64 candidate = lia_record_get_id (g_ptr_array_index (organizations, i));
      g_autoptr(GPtrArray) people = lia_store_list_affiliations_for_organization (f->store, candidate, NULL, NULL);
      if ((gint64) people->len > best)
        {
          best = people->len;
          id = candidate;
        }
    }
  g_assert_cmpint (id, >, 0);

  part = export_to_string (f->store, id);
  part_path = write_file (f, "part.xml", part);
  other = lia_test_open (other_path);
  import_ok (other, part_path);

  g_assert_cmpint (lia_test_count (other, LIA_RECORD_KIND_CONTACT), >=, best);
  g_assert_cmpint (lia_test_count (other, LIA_RECORD_KIND_CONTACT), <, lia_test_count (f->store, LIA_RECORD_KIND_CONTACT));
  g_assert_cmpint (lia_test_count (other, LIA_RECORD_KIND_INTERACTION), >, 0);
  g_assert_cmpint (lia_test_count (other, LIA_RECORD_KIND_INTERACTION), <, lia_test_count (f->store, LIA_RECORD_KIND_INTERACTION));
}

/* Cancelling halfway keeps nothing. */
static void
test_cancel (StoreFixture  *f,
             gconstpointer  data)
{
  g_autofree char *sample = sample_path ();
  g_autoptr(GFile) file = g_file_new_for_path (sample);
  g_autoptr(LiaImporter) importer = lia_importer_new (file);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before_rows = lia_test_pg_digest (f);
  g_autofree char *after_rows = NULL;

  g_signal_connect_swapped (importer, "notify::records-read", G_CALLBACK (g_cancellable_cancel), cancellable);
  g_assert_false (lia_importer_run (importer, f->store, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_ORGANIZATION), ==, 0);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_INTERACTION), ==, 0);
  after_rows = lia_test_pg_digest (f);
  g_assert_cmpstr (before_rows, ==, after_rows);
}

static void
on_async_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  if (LIA_IS_IMPORTER (source))
    g_assert_true (lia_importer_run_finish (LIA_IMPORTER (source), result, &error));
  else
    g_assert_true (lia_exporter_run_finish (LIA_EXPORTER (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
on_progress_cb (GObject    *object,
                GParamSpec *pspec,
                gpointer    user_data)
{
  guint *notifications = user_data;

  /* Progress reaches the thread that started the work, never the worker. */
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  (*notifications)++;
}

/* In a thread on its own connection, as the window runs it. */
static void
test_async (StoreFixture  *f,
            gconstpointer  data)
{
  g_autofree char *sample = sample_path ();
  g_autofree char *out_path = lia_test_pg_file (f, "out.xml");
  g_autoptr(GFile) file = g_file_new_for_path (sample);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(LiaImporter) importer = lia_importer_new (file);
  g_autoptr(LiaExporter) exporter = lia_exporter_new (out, LIA_EXCHANGE_FORMAT_DIRECTORY);
  guint notifications = 0;
  gboolean done = FALSE;
  g_autofree char *contents = NULL;

  g_signal_connect (importer, "notify::records-read", G_CALLBACK (on_progress_cb), &notifications);
  lia_importer_run_async (importer, f->store, NULL, on_async_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (notifications, >, 0);
  g_assert_cmpuint (lia_importer_get_records_read (importer), >=, 400);
  g_assert_cmpuint (lia_importer_get_bytes_read (importer), ==, lia_importer_get_bytes_total (importer));

  /* The fixture's own connection sees the other connection's import. */
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_INTERACTION), >=, 250);

  done = FALSE;
  lia_exporter_run_async (exporter, f->store, NULL, on_async_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_get_contents (out_path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<partner-directory"));
  /* Directories are confidential. */
  g_assert_cmpuint (lia_test_file_mode (out_path) & 0777, ==, 0600);
}

static void
on_count_cb (gpointer user_data)
{
  (*(guint *) user_data)++;
}

static gboolean
on_quit_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* The caller's store hears of an import once, before the callback, and not again when its
 * watch looks at the change log later; a dry run changes nothing and announces nothing. */
static void
test_async_announces_once (StoreFixture  *f,
                           gconstpointer  data)
{
  g_autofree char *sample = sample_path ();
  g_autoptr(GFile) file = g_file_new_for_path (sample);
  g_autoptr(LiaImporter) dry = lia_importer_new (file);
  g_autoptr(LiaImporter) importer = lia_importer_new (file);
  guint resets = 0;
  guint changes = 0;
  gboolean done = FALSE;
  gboolean waited = FALSE;

  lia_store_set_watching (f->store, TRUE);
  g_signal_connect_swapped (f->store, "reset", G_CALLBACK (on_count_cb), &resets);
  g_signal_connect_swapped (f->store, "changed", G_CALLBACK (on_count_cb), &changes);

  lia_importer_set_dry_run (dry, TRUE);
  lia_importer_run_async (dry, f->store, NULL, on_async_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (resets, ==, 0);
  g_assert_cmpuint (changes, ==, 0);

  done = FALSE;
  lia_importer_run_async (importer, f->store, NULL, on_async_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  /* 541 records: one "reset", at the latest when the callback runs. */
  g_assert_cmpuint (resets, ==, 1);
  g_assert_cmpuint (changes, ==, 0);

  g_timeout_add (4 * LIA_STORE_WATCH_INTERVAL_MS, on_quit_cb, &waited);
  while (!waited)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (resets, ==, 1);
  g_assert_cmpuint (changes, ==, 0);
  lia_store_set_watching (f->store, FALSE);
}

/* An export that fails leaves the file that was there. */
static void
test_export_keeps_old_file (StoreFixture  *f,
                            gconstpointer  data)
{
  g_autofree char *path = write_file (f, "old.xml", "the previous export\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LiaExporter) exporter = lia_exporter_new (file, LIA_EXCHANGE_FORMAT_DIRECTORY);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  for (int i = 0; i < 2000; i++)
    {
      g_autofree char *name = g_strdup_printf ("Organization %d", i);
      lia_test_add_organization (f->store, name, 0);
    }

  g_signal_connect_swapped (exporter, "notify::records-written", G_CALLBACK (g_cancellable_cancel), cancellable);
  g_assert_false (lia_exporter_run (exporter, f->store, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the previous export\n");
}

/* Whether another connection holds an open transaction that has written to the fixture's
 * database: on a file, its write lock (BEGIN IMMEDIATE is refused at once); on a server, a
 * backend of that database with a transaction id (given at its first write). */
static gboolean
someone_is_writing (StoreFixture *f)
{
  sqlite3 *db;
  int rc;

  if (pg_cluster != NULL)
    return lia_test_pg_sql_int (f, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database ()"
                                   " AND pid <> pg_backend_pid () AND backend_xid IS NOT NULL") > 0;

  db = lia_test_raw_open (f->path, FALSE);
  sqlite3_busy_timeout (db, 0);
  rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    g_assert_cmpint (sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return rc == SQLITE_BUSY;
}

/* A real `liaison import` killed halfway: the database is as before (every table's rows), a
 * file's or a server's. */
static void
test_killed_import (StoreFixture  *f,
                    gconstpointer  data)
{
  const char *binary = g_getenv ("LIAISON_BINARY");
  g_autoptr(GString) big = g_string_new (HEADER);
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *before_rows = NULL;
  g_autofree char *after_rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) progress = NULL;
  gint64 triggers;
  g_autofree char *line = NULL;
  const char *argv[] = { binary, "import", "--progress", "--database", f->path, NULL, NULL };

  g_assert_nonnull (binary);

  for (int i = 0; i < 3000; i++)
    g_string_append_printf (big, "  <organization id=\"o-%d\"><name>Organization %d</name></organization>\n", i, i);
  for (int i = 0; i < 60000; i++)
    g_string_append_printf (big,
                            "  <interaction id=\"i-%d\" kind=\"call\" at=\"2026-01-01T09:00:00+01:00\">"
                            "<title>Call %d</title><participant organization=\"o-%d\"/></interaction>\n",
                            i, i, i % 3000);
  g_string_append (big, FOOTER);
  path = write_file (f, "big.xml", big->str);

  lia_test_add_organization (f->store, "Here before", 0);
  before = export_to_string (f->store, 0);
  lia_test_close (f);
  before_rows = lia_test_pg_digest (f);
  triggers = lia_test_pg_sql_int (f, TRIGGERS);
  g_assert_false (someone_is_writing (f));

  argv[5] = path;
  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDERR_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
  g_assert_no_error (error);

  /* Wait until it is past the 3000 organizations, into the interactions, then kill it (going
   * further only costs time, on a server most of all). */
  progress = g_data_input_stream_new (g_subprocess_get_stderr_pipe (process));
  for (;;)
    {
      guint64 records;

      g_clear_pointer (&line, g_free);
      line = g_data_input_stream_read_line (progress, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (line);
      records = g_ascii_strtoull (line, NULL, 10);
      if (records >= 4000)
        break;
    }
  /* The kill hits the import's transaction after it has written: there is something to undo. */
  g_assert_true (someone_is_writing (f));
  g_subprocess_send_signal (process, SIGKILL);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (process));
  g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);

  /* On a server, the backend of the killed client rolls its transaction back. */
  after_rows = lia_test_pg_digest (f);
  g_assert_cmpstr (before_rows, ==, after_rows);
  lia_test_reopen (f);
  after = export_to_string (f->store, 0);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_INTERACTION), ==, 0);
  /* The import dropped the timeline's indexes and the insert triggers to make them again at
   * the end: the kill gave them back. */
  g_assert_cmpint (lia_test_pg_sql_int (f, INTERACTION_INDEXES), ==, 3);
  g_assert_cmpint (lia_test_pg_sql_int (f, TRIGGERS), ==, triggers);

  /* Nothing of the dead import holds the database: the next import lands, and is found. */
  g_free (path);
  path = write_file (f, "small.xml",
                     HEADER
                     "  <organization id=\"o-1\"><name>Zanzibar Water Board</name></organization>\n"
                     "  <interaction id=\"i-1\" kind=\"call\" at=\"2026-01-01T09:00:00+01:00\">"
                     "<title>First call</title><participant organization=\"o-1\"/></interaction>\n"
                     FOOTER);
  import_ok (f->store, path);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_INTERACTION), ==, 1);
  assert_search_finds (f->store, "zanzibar", "Zanzibar Water Board");
  g_assert_false (someone_is_writing (f));
}

/* Projects in partner directories: named before or after what they refer to, they come back
 * byte for byte; a second import merges by id (a changed risk is an update, and its history
 * grows); an organization's export carries the projects it holds a stake in. */

/* The project comes first: every reference in it points forward. */
#define PROJECT(likelihood) \
  "  <project id=\"p-1\" status=\"active\"><name>Cold chain for the north</name>\n" \
  "    <summary>Solar fridges in 40 clinics.</summary><start>2026-01-01</start>\n" \
  "    <end>2026-12-31</end><owner>Supply unit</owner><tag>vaccines</tag>\n" \
  "    <stakeholder organization=\"dept\" role=\"Funder\"/><stakeholder contact=\"c-1\" role=\"Technical lead\"/>\n" \
  "    <milestone id=\"m-1\" due=\"2026-03-01\" status=\"done\" done=\"2026-02-27\"><title>Sites chosen</title></milestone>\n" \
  "    <milestone id=\"m-2\" due=\"2026-09-30\"><title>Fridges installed</title></milestone>\n" \
  "    <risk id=\"r-1\" likelihood=\"" likelihood "\" impact=\"5\" status=\"open\" review=\"2026-02-01\" owner=\"c-1\">\n" \
  "      <title>Customs hold the fridges</title><mitigation>Pre-clear with the ministry.</mitigation></risk>\n" \
  "    <link interaction=\"i-1\"/><link commitment=\"k-1\"/><link concern=\"x-1\"/>\n" \
  "  </project>\n"

#define RECORDS \
  "  <organization id=\"dept\"><name>Department of Health</name></organization>\n" \
  "  <organization id=\"other\"><name>Other Agency</name></organization>\n" \
  "  <contact id=\"c-1\"><display-name>Amina Diallo</display-name>\n" \
  "    <affiliation organization=\"dept\" role=\"Head\"/></contact>\n" \
  "  <contact id=\"c-2\"><display-name>Noor Haddad</display-name>\n" \
  "    <affiliation organization=\"other\" role=\"Officer\"/></contact>\n" \
  "  <interaction id=\"i-1\" kind=\"meeting\" at=\"2026-02-03T10:00:00+01:00\">\n" \
  "    <title>Kick-off</title><participant contact=\"c-1\"/></interaction>\n" \
  "  <commitment id=\"k-1\" direction=\"theirs\" due=\"2026-04-01\" contact=\"c-1\"><title>Send site list</title></commitment>\n" \
  "  <concern id=\"x-1\" status=\"open\" severity=\"medium\"><title>Power cuts</title></concern>\n"

static LiaImporter *
import_projects (LiaStore   *store,
                 const char *path)
{
  g_autoptr(GError) error = NULL;
  LiaImporter *importer = import_file (store, path, FALSE, &error);

  g_assert_no_error (error);
  return importer;
}

static LiaProject *
load_project (LiaStore   *store,
              const char *uid)
{
  gint64 id = 0;

  g_assert_true (lia_store_find_id (store, LIA_RECORD_KIND_PROJECT, uid, &id, NULL));
  g_assert_cmpint (id, >, 0);
  return LIA_PROJECT (lia_test_load (store, LIA_RECORD_KIND_PROJECT, id));
}

static void
test_projects_round_trip (StoreFixture  *f,
                 gconstpointer  data)
{
  g_autofree char *path = write_file (f, "projects.xml", HEADER PROJECT ("4") RECORDS FOOTER);
  g_autofree char *other_path = lia_test_pg_new_database (f, "other.db");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *exported = NULL;
  g_autoptr(LiaImporter) importer = import_projects (f->store, path);
  g_autoptr(LiaStore) other = NULL;
  g_autoptr(LiaProject) project = load_project (f->store, "p-1");
  g_autoptr(LiaRisk) risk = g_list_model_get_item (lia_project_get_risks (project), 0);
  gint64 c1 = 0;

  g_assert_cmpuint (lia_importer_get_count (importer, LIA_RECORD_KIND_PROJECT, LIA_IMPORT_CREATED), ==, 1);

  /* The forward references resolved. */
  g_assert_true (lia_store_find_id (f->store, LIA_RECORD_KIND_CONTACT, "c-1", &c1, NULL));
  g_assert_cmpint (lia_risk_get_owner_id (risk), ==, c1);
  g_assert_cmpint (lia_risk_get_score (risk), ==, 20);
  g_assert_cmpuint (g_list_model_get_n_items (lia_project_get_stakeholders (project)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (lia_project_get_milestones (project)), ==, 2);
  g_assert_cmpuint (lia_project_get_link_ids (project, LIA_RECORD_KIND_CONCERN)->len, ==, 1);

  first = export_to_string (f->store, 0);
  /* Projects come last, after everything they refer to. */
  g_assert_nonnull (strstr (first, "</concern>\n  <project id=\"p-1\""));
  g_assert_nonnull (strstr (first,
                            "<risk id=\"r-1\" likelihood=\"4\" impact=\"5\" status=\"open\" review=\"2026-02-01\" owner=\"c-1\">"));
  g_assert_nonnull (strstr (first, "<link interaction=\"i-1\"/>"));
  g_assert_nonnull (strstr (first, "<start>2026-01-01</start>"));

  exported = write_file (f, "exported.xml", first);
  other = lia_test_open (other_path);
  g_clear_object (&importer);
  importer = import_projects (other, exported);
  second = export_to_string (other, 0);
  g_assert_cmpstr (first, ==, second);
}

static void
test_projects_merge (StoreFixture  *f,
            gconstpointer  data)
{
  g_autofree char *path = write_file (f, "projects.xml", HEADER PROJECT ("4") RECORDS FOOTER);
  g_autofree char *changed = write_file (f, "changed.xml", HEADER PROJECT ("2") RECORDS FOOTER);
  g_autoptr(LiaImporter) once = import_projects (f->store, path);
  g_autoptr(LiaImporter) twice = import_projects (f->store, path);
  g_autoptr(LiaImporter) update = NULL;
  g_autoptr(LiaProject) project = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (lia_importer_get_count (twice, LIA_RECORD_KIND_PROJECT, LIA_IMPORT_UNCHANGED), ==, 1);
  g_assert_cmpuint (lia_importer_get_total (twice, LIA_IMPORT_CREATED), ==, 0);

  update = import_projects (f->store, changed);
  g_assert_cmpuint (lia_importer_get_count (update, LIA_RECORD_KIND_PROJECT, LIA_IMPORT_UPDATED), ==, 1);
  g_assert_cmpint (lia_test_pg_sql_int (f, "SELECT count(*) FROM projects"), ==, 1);

  project = load_project (f->store, "p-1");
  history = lia_store_list_risk_history (f->store, lia_record_get_id (LIA_RECORD (project)), "r-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpint (((LiaRiskChange *) history->pdata[1])->likelihood, ==, 2);
}

/* The department's export holds its project and what the project links to; the other
 * agency's holds no project. Each imports alone. */
static void
test_projects_export_organization (StoreFixture  *f,
                          gconstpointer  data)
{
  g_autofree char *path = write_file (f, "projects.xml", HEADER PROJECT ("4") RECORDS FOOTER);
  g_autofree char *other_path = lia_test_pg_new_database (f, "other.db");
  g_autoptr(LiaImporter) importer = import_projects (f->store, path);
  g_autoptr(LiaStore) other = NULL;
  g_autofree char *part = NULL;
  g_autofree char *part_path = NULL;
  g_autofree char *elsewhere = NULL;
  gint64 dept = 0, agency = 0;

  g_assert_true (lia_store_find_id (f->store, LIA_RECORD_KIND_ORGANIZATION, "dept", &dept, NULL));
  g_assert_true (lia_store_find_id (f->store, LIA_RECORD_KIND_ORGANIZATION, "other", &agency, NULL));

  part = export_to_string (f->store, dept);
  g_assert_nonnull (strstr (part, "<project id=\"p-1\""));
  g_assert_nonnull (strstr (part, "<concern id=\"x-1\""));
  g_assert_null (strstr (part, "Noor Haddad"));

  part_path = write_file (f, "part.xml", part);
  other = lia_test_open (other_path);
  g_clear_object (&importer);
  importer = import_projects (other, part_path);
  g_assert_cmpuint (lia_importer_get_count (importer, LIA_RECORD_KIND_PROJECT, LIA_IMPORT_CREATED), ==, 1);

  elsewhere = export_to_string (f->store, agency);
  g_assert_null (strstr (elsewhere, "<project"));
}

/* A cadence of the record's own goes out and comes back; "never" (0) is kept apart from
 * "the quadrant's default" (left out); out of range is refused with its line. */
static void
test_cadence (StoreFixture  *f,
              gconstpointer  data)
{
  static const char text[] =
    HEADER
    "  <organization id=\"a\"><name>A</name><assessment influence=\"4\" cadence-days=\"14\"/></organization>\n"
    "  <organization id=\"b\"><name>B</name><assessment cadence-days=\"0\"/></organization>\n"
    "  <organization id=\"c\"><name>C</name><assessment influence=\"2\"/></organization>\n"
    FOOTER;
  static const char bad[] =
    HEADER
    "  <organization id=\"d\"><name>D</name><assessment cadence-days=\"-3\"/></organization>\n"
    FOOTER;
  g_autofree char *path = write_file (f, "cadence.xml", text);
  g_autofree char *bad_path = write_file (f, "bad-cadence.xml", bad);
  g_autofree char *exported = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaImporter) importer = NULL;

  import_ok (f->store, path);
  exported = export_to_string (f->store, 0);
  g_assert_nonnull (strstr (exported, "<assessment influence=\"4\" cadence-days=\"14\"/>"));
  g_assert_nonnull (strstr (exported, "<assessment cadence-days=\"0\"/>"));
  g_assert_nonnull (strstr (exported, "<assessment influence=\"2\"/>"));

  importer = import_file (f->store, bad_path, FALSE, &error);
  g_assert_error (error, LIA_EXCHANGE_ERROR, LIA_EXCHANGE_ERROR_INVALID);
  assert_problem (importer, 0, 3, 0, "“cadence-days” must be a whole number from 0 to 3650");
}

/* The day a commitment was done travels in done=""; a file without it (written before it
 * existed) gives a done commitment the day of its last change; an open one has none. The
 * sample's done commitments export with done="", nothing else in it changes. */
static void
test_done_date (StoreFixture  *f,
                gconstpointer  data)
{
  static const char file[] =
    HEADER
    "  <commitment id=\"k-1\" direction=\"ours\" status=\"done\" done=\"2024-02-01\"><title>Said</title></commitment>\n"
    "  <commitment id=\"k-2\" updated=\"2024-01-03T10:37:00Z\" direction=\"ours\" status=\"done\"><title>Older file</title></commitment>\n"
    "  <commitment id=\"k-3\" direction=\"theirs\" status=\"open\" done=\"2024-02-01\"><title>Still open</title></commitment>\n"
    FOOTER;
  g_autofree char *path = write_file (f, "done.xml", file);
  g_autofree char *exported = NULL;
  g_autofree char *sample = sample_path ();
  g_autofree char *sample_export = NULL;
  g_autofree char *text = NULL;
  guint n_done = 0;

  import_ok (f->store, path);
  exported = export_to_string (f->store, 0);
  g_assert_nonnull (strstr (exported, "status=\"done\" done=\"2024-02-01\""));
  g_assert_nonnull (strstr (exported, "status=\"done\" done=\"2024-01-03\""));
  g_assert_cmpint (lia_test_pg_sql_int (f, "SELECT count(*) FROM commitments WHERE done_date IS NOT NULL"), ==, 2);
  g_assert_cmpint (lia_test_pg_sql_int (f, "SELECT count(*) FROM commitments"
                                              " WHERE uid = 'k-3' AND done_date IS NULL"), ==, 1);

  /* The sample: one done="" per done commitment, the day of its last change. */
  lia_test_pg_sql (f, "DELETE FROM commitments");
  import_ok (f->store, sample);
  sample_export = export_to_string (f->store, 0);
  for (const char *p = sample_export; (p = strstr (p, " done=\"")) != NULL; p++)
    n_done++;
  g_assert_cmpuint (n_done, ==, (guint) lia_test_pg_sql_int (f, "SELECT count(*) FROM commitments WHERE status = 'done'"));
  g_assert_cmpuint (n_done, >, 0);
  g_file_get_contents (sample, &text, NULL, NULL);
  g_assert_nonnull (strstr (text, "updated=\"2024-01-03T10:37:00Z\" direction=\"ours\" status=\"done\" due=\"2024-01-01\""));
  g_assert_nonnull (strstr (sample_export, "updated=\"2024-01-03T10:37:00Z\" direction=\"ours\" status=\"done\" due=\"2024-01-01\" done=\"2024-01-03\""));
}

/* A done commitment without done="" is done on the local day of its last change, in the time
 * zone of the import that reads it (imp-rows: the zone is asked for once per import). */
static void
test_done_date_local (StoreFixture  *f,
                      gconstpointer  data)
{
  static const char ahead[] =
    HEADER
    "  <commitment id=\"k-1\" updated=\"2024-01-03T12:00:00Z\" direction=\"ours\" status=\"done\"><title>East</title></commitment>\n"
    FOOTER;
  static const char behind[] =
    HEADER
    "  <commitment id=\"k-2\" updated=\"2024-01-03T05:00:00Z\" direction=\"ours\" status=\"done\"><title>West</title></commitment>\n"
    FOOTER;
  g_autofree char *ahead_path = write_file (f, "ahead.xml", ahead);
  g_autofree char *behind_path = write_file (f, "behind.xml", behind);
  g_autofree char *old_tz = g_strdup (g_getenv ("TZ"));
  g_autofree char *exported = NULL;

  /* UTC+14 and UTC−11, all year. */
  g_setenv ("TZ", "Pacific/Kiritimati", TRUE);
  import_ok (f->store, ahead_path);
  g_setenv ("TZ", "Pacific/Pago_Pago", TRUE);
  import_ok (f->store, behind_path);
  if (old_tz != NULL)
    g_setenv ("TZ", old_tz, TRUE);
  else
    g_unsetenv ("TZ");

  exported = export_to_string (f->store, 0);
  g_assert_nonnull (strstr (exported, "updated=\"2024-01-03T12:00:00Z\" direction=\"ours\" status=\"done\" done=\"2024-01-04\""));
  g_assert_nonnull (strstr (exported, "updated=\"2024-01-03T05:00:00Z\" direction=\"ours\" status=\"done\" done=\"2024-01-02\""));
}

/* A directory with every contact field (addresses, websites, handles, birthdays with and
 * without a year, a photo, an affiliation's unit): import then export gives the same bytes,
 * and importing it again changes nothing. */
static void
test_contact_fields (StoreFixture  *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "directory",
                                                 "contact-fields.xml", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *exported = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaImporter) again = NULL;
  g_autoptr(LiaRecord) ana = NULL;
  gint64 id = 0;

  g_file_get_contents (path, &expected, NULL, &error);
  g_assert_no_error (error);
  import_ok (f->store, path);
  exported = export_to_string (f->store, 0);
  g_assert_cmpstr (exported, ==, expected);

  g_assert_true (lia_store_find_id (f->store, LIA_RECORD_KIND_CONTACT, "ana-kovac", &id, NULL));
  ana = lia_test_load (f->store, LIA_RECORD_KIND_CONTACT, id);
  g_assert_cmpuint (g_bytes_get_size (lia_contact_get_photo (LIA_CONTACT (ana))), ==, 70);
  assert_search_finds (f->store, "samobor", "Ana Kovač");
  assert_search_finds (f->store, "anci", "Ana Kovač");

  again = import_file (f->store, path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lia_importer_get_count (again, LIA_RECORD_KIND_CONTACT, LIA_IMPORT_UNCHANGED), ==, 2);
}

/* Values of the new contact fields that cannot be kept are problems at their line. */
static void
test_contact_field_problems (StoreFixture  *f,
                             gconstpointer  data)
{
  static const char text[] =
    HEADER
    "  <contact id=\"c\"><display-name>C</display-name>\n"
    "    <birthday>1984-02-30</birthday>\n"
    "    <im>ana@example.org</im>\n"
    "    <photo>AAAA</photo>\n"
    "    <address kind=\"office\"><city>Zagreb</city></address>\n"
    "  </contact>\n"
    "  <contact id=\"d\"><display-name>D</display-name><photo type=\"image/png\">a*b</photo></contact>\n"
    FOOTER;
  g_autofree char *path = write_file (f, "bad-fields.xml", text);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaImporter) importer = import_file (f->store, path, FALSE, &error);

  g_assert_error (error, LIA_EXCHANGE_ERROR, LIA_EXCHANGE_ERROR_INVALID);
  for (guint i = 0; i < n_problems (importer); i++)
    {
      g_autofree char *p = problem_text (importer, i);
      g_test_message ("%s", p);
    }
  assert_problem (importer, 0, 4, 0, "<birthday> must be a date such as 1984-03-21");
  assert_problem (importer, 1, 5, 0, "not “ana@example.org”");
  assert_problem (importer, 2, 6, 0, "<photo> needs the attribute “type”");
  assert_problem (importer, 3, 7, 0, "“kind” must be one of");
  assert_problem (importer, 4, 7, 0, "<address> cannot hold a <city> element");
  assert_problem (importer, 5, 9, 0, "“*” is not a base64 character");
  g_assert_cmpuint (n_problems (importer), ==, 6);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_CONTACT), ==, 0);
}

static void
assert_latest (StoreFixture *f,
               const char   *table,
               const char   *uid,
               const char   *expected)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (latest_interaction_day, 'none') FROM %s"
                                          " WHERE uid = '%s'", table, uid);
  g_autofree char *day = lia_test_pg_sql_text (f, sql);

  g_assert_cmpstr (day, ==, expected);
}

/* A merge into a database that has interactions works out again the last contact of the
 * records it moved, and only theirs: a participant taken out of an interaction falls back to
 * an earlier one, a new interaction and a new affiliation raise a contact and an organization,
 * and a record the file does not touch keeps its day. */
static void
test_merge_latest_day (StoreFixture  *f,
                       gconstpointer  data)
{
  static const char first[] =
    HEADER
    "  <organization id=\"who\"><name>WHO</name></organization>\n"
    "  <organization id=\"unicef\"><name>UNICEF</name></organization>\n"
    "  <organization id=\"ifrc\"><name>IFRC</name></organization>\n"
    "  <contact id=\"c-1\"><display-name>Amina</display-name>\n"
    "    <affiliation organization=\"who\" from=\"2021-03-01\"/></contact>\n"
    "  <contact id=\"c-2\"><display-name>Boris</display-name>\n"
    "    <affiliation organization=\"unicef\"/></contact>\n"
    "  <contact id=\"c-3\"><display-name>Chen</display-name></contact>\n"
    "  <interaction id=\"i-1\" kind=\"meeting\" at=\"2026-10-03T09:00:00+02:00\">\n"
    "    <title>Kick-off</title><participant contact=\"c-1\"/><participant contact=\"c-2\"/></interaction>\n"
    "  <interaction id=\"i-2\" kind=\"call\" at=\"2026-09-01T09:00:00+02:00\">\n"
    "    <title>Call</title><participant contact=\"c-2\"/></interaction>\n"
    "  <interaction id=\"i-9\" kind=\"call\" at=\"2026-08-01T09:00:00+02:00\">\n"
    "    <title>Old</title><participant organization=\"ifrc\"/></interaction>\n"
    "  <organization id=\"msf\"><name>MSF</name></organization>\n"
    "  <contact id=\"c-4\"><display-name>Dara</display-name>\n"
    "    <affiliation organization=\"msf\" from=\"2026-10-01\"/></contact>\n"
    "  <interaction id=\"i-4\" kind=\"call\" at=\"2026-09-15T09:00:00+02:00\">\n"
    "    <title>Before she joined</title><participant contact=\"c-4\"/></interaction>\n"
    FOOTER;
  static const char second[] =
    HEADER
    "  <contact id=\"c-3\"><display-name>Chen</display-name>\n"
    "    <affiliation organization=\"who\" from=\"2020-01-01\"/></contact>\n"
    "  <interaction id=\"i-1\" kind=\"meeting\" at=\"2026-10-03T09:00:00+02:00\">\n"
    "    <title>Kick-off</title><participant contact=\"c-1\"/></interaction>\n"
    "  <interaction id=\"i-3\" kind=\"visit\" at=\"2026-11-05T09:00:00+01:00\">\n"
    "    <title>Visit</title><participant contact=\"c-3\"/></interaction>\n"
    FOOTER;
  g_autofree char *path = write_file (f, "first.xml", first);
  g_autofree char *second_path = write_file (f, "second.xml", second);

  import_ok (f->store, path);
  assert_latest (f, "contacts", "c-2", "2026-10-03");
  assert_latest (f, "organizations", "unicef", "2026-10-03");
  assert_latest (f, "organizations", "who", "2026-10-03");
  assert_latest (f, "contacts", "c-3", "none");
  /* Her call was before she joined MSF: it is hers, not theirs. */
  assert_latest (f, "contacts", "c-4", "2026-09-15");
  assert_latest (f, "organizations", "msf", "none");

  import_ok (f->store, second_path);
  assert_latest (f, "contacts", "c-1", "2026-10-03");
  assert_latest (f, "contacts", "c-2", "2026-09-01");
  assert_latest (f, "organizations", "unicef", "2026-09-01");
  assert_latest (f, "contacts", "c-3", "2026-11-05");
  assert_latest (f, "organizations", "who", "2026-11-05");
  assert_latest (f, "organizations", "ifrc", "2026-08-01");
}

/* A first import (into a database without interactions) counts each day's interactions and
 * works out everyone's latest day once, at its end: the timeline shows every interaction, an
 * organization's day comes from its own interactions and from its people's while they were
 * with it (not before they joined, not after they left), and an organization's timeline,
 * kept by the same connection, works after the import. */
static void
test_first_import_days (StoreFixture  *f,
                        gconstpointer  data)
{
  static const char text[] =
    HEADER
    "  <organization id=\"who\"><name>WHO</name></organization>\n"
    "  <organization id=\"msf\"><name>MSF</name></organization>\n"
    "  <organization id=\"ifrc\"><name>IFRC</name></organization>\n"
    "  <contact id=\"c-1\"><display-name>Amina</display-name>\n"
    "    <affiliation organization=\"who\" from=\"2026-01-01\" until=\"2026-06-30\"/>\n"
    "    <affiliation organization=\"ifrc\" from=\"2026-07-01\"/></contact>\n"
    "  <contact id=\"c-2\"><display-name>Boris</display-name></contact>\n"
    "  <interaction id=\"i-1\" kind=\"meeting\" at=\"2026-03-10T09:00:00+01:00\">\n"
    "    <title>In her WHO time</title><participant contact=\"c-1\"/></interaction>\n"
    "  <interaction id=\"i-2\" kind=\"call\" at=\"2026-08-01T23:30:00-04:00\">\n"
    "    <title>After she left WHO</title><participant contact=\"c-1\"/><participant contact=\"c-2\"/></interaction>\n"
    "  <interaction id=\"i-3\" kind=\"visit\" at=\"2026-02-01T09:00:00+01:00\">\n"
    "    <title>WHO's own</title><participant organization=\"who\"/></interaction>\n"
    "  <interaction id=\"i-4\" kind=\"call\" at=\"2026-03-10T18:00:00+01:00\">\n"
    "    <title>Same day</title><participant organization=\"msf\"/></interaction>\n"
    "  <interaction id=\"i-5\" kind=\"call\" at=\"1969-12-31T23:00:00Z\">\n"
    "    <title>Before 1970</title><participant contact=\"c-2\"/></interaction>\n"
    "  <interaction id=\"i-6\" kind=\"call\" at=\"2025-12-31T10:00:00+01:00\">\n"
    "    <title>Before she joined</title><participant contact=\"c-1\"/></interaction>\n"
    FOOTER;
  g_autofree char *path = write_file (f, "first.xml", text);
  LiaTimelineFilter who = { 0, };
  g_autoptr(LiaListModel) who_timeline = NULL;
  g_autoptr(GError) error = NULL;
  guint count = 0;
  gint64 who_id = 0;

  import_ok (f->store, path);

  /* Every interaction counted, on its UTC day (i-2 is on 2 August in UTC). */
  g_assert_true (lia_store_count_timeline (f->store, NULL, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 6);
  g_assert_cmpint (lia_test_pg_sql_int (f, "SELECT count(*) FROM interaction_days WHERE n <> 0"), ==, 5);
  g_assert_cmpint (lia_test_pg_sql_int (f,
                                        "SELECT count(*) FROM interaction_days d WHERE n <>"
                                        " (SELECT count(*) FROM interactions"
                                        "  WHERE at_utc >= d.day_start AND at_utc < d.day_start + 86400000000)"),
                   ==, 0);

  assert_latest (f, "contacts", "c-1", "2026-08-01");
  assert_latest (f, "contacts", "c-2", "2026-08-01");
  /* Her March meeting, not her August call (she had left) nor her December one (not yet). */
  assert_latest (f, "organizations", "who", "2026-03-10");
  assert_latest (f, "organizations", "ifrc", "2026-08-01");
  assert_latest (f, "organizations", "msf", "2026-03-10");

  /* An organization's timeline: its own visit and her meeting while she was there. */
  g_assert_true (lia_store_find_id (f->store, LIA_RECORD_KIND_ORGANIZATION, "who", &who_id, &error));
  g_assert_no_error (error);
  who.organization_id = who_id;
  who_timeline = lia_list_model_new_timeline (f->store, &who);
  g_assert_null (lia_list_model_get_error (who_timeline));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (who_timeline)), ==, 2);
}

typedef struct
{
  LiaStore *store;
  guint     n_records;
  guint     n_with_lists;
} WalkCheck;

static gboolean
compare_with_load_cb (LiaRecord  *record,
                      gpointer    user_data,
                      GError    **error)
{
  WalkCheck *check = user_data;
  g_autoptr(LiaRecord) loaded = lia_store_load (check->store, lia_record_get_kind (record),
                                                lia_record_get_id (record), error);
  g_autofree char *walked_text = NULL;
  g_autofree char *loaded_text = NULL;

  g_assert_nonnull (loaded);
  walked_text = _lia_directory_canonical (check->store, record, error);
  loaded_text = _lia_directory_canonical (check->store, loaded, error);
  g_assert_cmpstr (walked_text, ==, loaded_text);

  check->n_records++;
  if (strstr (walked_text, "<email") != NULL || strstr (walked_text, "<language") != NULL ||
      strstr (walked_text, "<participant") != NULL)
    check->n_with_lists++;
  return TRUE;
}

/* A walk over every contact and interaction (what an export reads) reads their lists in
 * one pass beside the records: each record comes out as loading it alone gives it, with its
 * emails, phones, addresses, websites, languages, tags and participants. */
static void
test_walk_reads_lists (StoreFixture  *f,
                       gconstpointer  data)
{
  static const LiaRecordKind kinds[] = { LIA_RECORD_KIND_CONTACT, LIA_RECORD_KIND_INTERACTION };
  g_autofree char *sample = sample_path ();
  g_autoptr(GError) error = NULL;

  import_ok (f->store, sample);
  g_assert_true (lia_store_begin (f->store, &error));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      WalkCheck check = { f->store, 0, 0 };

      g_assert_true (lia_store_foreach_record (f->store, kinds[i], FALSE, compare_with_load_cb,
                                               &check, &error));
      g_assert_no_error (error);
      g_assert_cmpint (check.n_records, ==, lia_test_count (f->store, kinds[i]));
      g_assert_cmpuint (check.n_with_lists, >, check.n_records / 2);
    }
  lia_store_rollback (f->store);
}

typedef struct
{
  LiaStore      *store;
  LiaXmlWriter  *writer;
  char          *last_uid;
  guint          n_records;
  guint          n_with_participants;
  guint          n_edge;
  /* What the record with every field gave. */
  char          *full_text;
} RowCheck;

/* @attribute="@expected" is in @text. */
static void
assert_attribute (const char *text,
                  const char *attribute,
                  const char *expected)
{
  g_autofree char *wanted = g_strdup_printf (" %s=\"%s\"", attribute, expected);

  if (strstr (text, wanted) == NULL)
    g_error ("%s not in %s", wanted, text);
}

/* What GLib itself writes for @time, where its year has four digits (both ways agree there). */
static void
assert_time_attribute (const char *text,
                       const char *attribute,
                       GDateTime  *time,
                       gboolean    utc)
{
  g_autoptr(GDateTime) in_utc = NULL;
  g_autofree char *expected = NULL;

  if (time == NULL || g_date_time_get_year (time) < 1000)
    return;
  in_utc = g_date_time_to_utc (time);
  expected = utc ? g_date_time_format (in_utc, "%Y-%m-%dT%H:%M:%SZ")
                 : g_date_time_format (time, "%Y-%m-%dT%H:%M:%S%:z");
  assert_attribute (text, attribute, expected);
}

/* Checks that the rows come in the order of the walk over records (uid, byte by byte) and that
 * @row_text, a row written by the walk's path, is what the same record loaded alone and
 * written gives; returns that record. */
static LiaRecord *
assert_row_written_as_loaded (RowCheck      *check,
                              LiaRecordKind  kind,
                              const char    *uid,
                              const char    *row_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaXmlWriter) alone = _lia_xml_writer_new (NULL, NULL, FALSE);
  g_autofree char *loaded_text = NULL;
  LiaRecord *loaded;
  gint64 id = 0;

  if (check->last_uid != NULL)
    g_assert_cmpint (strcmp (check->last_uid, uid), <, 0);
  g_free (check->last_uid);
  check->last_uid = g_strdup (uid);

  g_assert_true (lia_store_find_id (check->store, kind, uid, &id, &error));
  g_assert_no_error (error);
  loaded = lia_store_load (check->store, kind, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_true (_lia_directory_write_record (alone, check->store, loaded, LIA_WRITE_DEFAULT, &error));
  g_assert_no_error (error);
  loaded_text = _lia_xml_writer_steal_text (alone);
  g_assert_cmpstr (row_text, ==, loaded_text);
  return loaded;
}

static gboolean
compare_row_with_load_cb (const LiaInteractionRow  *row,
                          gpointer                  user_data,
                          GError                  **error)
{
  RowCheck *check = user_data;
  g_autoptr(LiaRecord) loaded = NULL;
  g_autofree char *row_text = NULL;

  g_assert_true (_lia_directory_write_interaction (check->writer, row, LIA_WRITE_DEFAULT, error));
  row_text = _lia_xml_writer_steal_text (check->writer);
  loaded = assert_row_written_as_loaded (check, LIA_RECORD_KIND_INTERACTION, row->uid, row_text);

  /* Times formatted by hand say what GLib says. */
  assert_time_attribute (row_text, "created", lia_record_get_created_at (loaded), TRUE);
  assert_time_attribute (row_text, "updated", lia_record_get_updated_at (loaded), TRUE);
  assert_time_attribute (row_text, "at", lia_interaction_get_at (LIA_INTERACTION (loaded)), FALSE);

  check->n_records++;
  if (strstr (row_text, "<participant") != NULL)
    check->n_with_participants++;
  if (g_str_has_prefix (row->uid, "i-edge-"))
    check->n_edge++;
  return TRUE;
}

static gboolean
compare_commitment_row_cb (const LiaCommitmentRow  *row,
                           gpointer                 user_data,
                           GError                 **error)
{
  RowCheck *check = user_data;
  g_autoptr(LiaRecord) loaded = NULL;
  g_autofree char *row_text = NULL;

  g_assert_true (_lia_directory_write_commitment (check->writer, row, LIA_WRITE_DEFAULT, error));
  row_text = _lia_xml_writer_steal_text (check->writer);
  loaded = assert_row_written_as_loaded (check, LIA_RECORD_KIND_COMMITMENT, row->uid, row_text);

  check->n_records++;
  if (strstr (row_text, " interaction=\"") != NULL || strstr (row_text, " contact=\"") != NULL)
    check->n_with_participants++;
  if (g_str_has_prefix (row->uid, "k-edge-"))
    check->n_edge++;
  return TRUE;
}

/* A contact written in a walk over every contact (its affiliations read alongside) and the same
 * loaded and written alone, in the same walk (its affiliations asked for again). */
static gboolean
compare_contact_with_load_cb (LiaRecord  *record,
                              gpointer    user_data,
                              GError    **error)
{
  RowCheck *check = user_data;
  g_autoptr(LiaRecord) loaded = lia_store_load (check->store, LIA_RECORD_KIND_CONTACT,
                                                lia_record_get_id (record), error);
  g_autoptr(LiaXmlWriter) alone = _lia_xml_writer_new (NULL, NULL, FALSE);
  g_autofree char *walked_text = NULL;
  g_autofree char *loaded_text = NULL;

  g_assert_nonnull (loaded);
  g_assert_true (_lia_directory_write_record (check->writer, check->store, record, LIA_WRITE_DEFAULT, error));
  walked_text = _lia_xml_writer_steal_text (check->writer);
  g_assert_true (_lia_directory_write_record (alone, check->store, loaded, LIA_WRITE_DEFAULT, error));
  loaded_text = _lia_xml_writer_steal_text (alone);
  g_assert_cmpstr (walked_text, ==, loaded_text);

  check->n_records++;
  if (strstr (walked_text, "<affiliation") != NULL)
    check->n_with_participants++;
  /* Current affiliations first, then ended ones, each newest first. */
  if (g_str_has_prefix (lia_record_get_uid (record), "c-edge"))
    {
      const char *ongoing = strstr (walked_text, "role=\"Ongoing\"");
      const char *newer = strstr (walked_text, "role=\"Ended 2020\"");
      const char *older = strstr (walked_text, "role=\"Ended 2010\"");

      g_assert_true (ongoing != NULL && newer != NULL && older != NULL);
      g_assert_true (ongoing < newer && newer < older);
      check->n_edge++;
    }
  return TRUE;
}

/* Contacts and organizations read as rows (lia_store_foreach_contact_row(),
 * lia_store_foreach_organization_row()), each written as the same record loaded alone. The
 * record with every field filled ("c-full", "o-full") is kept for a look at each field. */
static gboolean
compare_contact_row_cb (const LiaContactRow  *row,
                        gpointer              user_data,
                        GError              **error)
{
  RowCheck *check = user_data;
  g_autoptr(LiaRecord) loaded = NULL;
  g_autofree char *row_text = NULL;

  g_assert_true (_lia_directory_write_contact (check->writer, row, LIA_WRITE_DEFAULT, error));
  row_text = _lia_xml_writer_steal_text (check->writer);
  loaded = assert_row_written_as_loaded (check, LIA_RECORD_KIND_CONTACT, row->uid, row_text);

  check->n_records++;
  if (strstr (row_text, "<affiliation") != NULL)
    check->n_with_participants++;
  if (g_str_equal (row->uid, "c-full"))
    {
      g_free (check->full_text);
      check->full_text = g_steal_pointer (&row_text);
    }
  return TRUE;
}

static gboolean
compare_organization_row_cb (const LiaOrganizationRow  *row,
                             gpointer                   user_data,
                             GError                   **error)
{
  RowCheck *check = user_data;
  g_autoptr(LiaRecord) loaded = NULL;
  g_autofree char *row_text = NULL;

  g_assert_true (_lia_directory_write_organization (check->writer, row, LIA_WRITE_DEFAULT, error));
  row_text = _lia_xml_writer_steal_text (check->writer);
  loaded = assert_row_written_as_loaded (check, LIA_RECORD_KIND_ORGANIZATION, row->uid, row_text);

  check->n_records++;
  if (strstr (row_text, "<parent") != NULL || strstr (row_text, "<tag>") != NULL)
    check->n_with_participants++;
  if (g_str_equal (row->uid, "o-full"))
    {
      g_free (check->full_text);
      check->full_text = g_steal_pointer (&row_text);
    }
  return TRUE;
}

/* Each of @pieces is in @text, in this order: nothing the record holds was left out. */
static void
assert_all_written (const char         *text,
                    const char * const *pieces)
{
  const char *at = text;

  g_assert_nonnull (text);
  for (guint i = 0; pieces[i] != NULL; i++)
    {
      const char *found = strstr (at, pieces[i]);

      if (found == NULL)
        g_error ("“%s” is missing after “%.40s” in\n%s", pieces[i], at, text);
      at = found + strlen (pieces[i]);
    }
}

/* A contact and an organization with every field set, as a person would enter them: their
 * rows must carry each field (a field the row or its writer leaves out fails here, even though
 * the record written alone would leave it out too). */
static void
add_full_records (StoreFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaOrganization) parent = lia_organization_new ("Full Parent");
  g_autoptr(LiaOrganization) organization = lia_organization_new ("Full Organization");
  g_autoptr(LiaContact) contact = lia_contact_new ("Fullgiven", "Fullfamily");
  g_autoptr(LiaPostalAddress) address = lia_postal_address_new (LIA_CONTACT_POINT_KIND_HOME);
  g_autoptr(LiaAffiliation) affiliation = NULL;
  g_autoptr(GBytes) photo = g_bytes_new_static ("PNGDATA", 7);
  g_autoptr(GDate) from = lia_date_parse_iso ("2019-03-04", NULL);
  g_autoptr(GDate) until = lia_date_parse_iso ("2031-05-06", NULL);
  static const char * const organization_tags[] = { "Org tag one", "Org tag two", NULL };
  static const char * const contact_tags[] = { "Contact tag one", "Contact tag two", NULL };
  static const char * const languages[] = { "fr", "de-CH", NULL };
  LiaAssessment *assessment;

  lia_record_set_uid (LIA_RECORD (parent), "o-full-parent");
  g_assert_true (lia_store_save (f->store, LIA_RECORD (parent), &error));
  g_assert_no_error (error);

  lia_record_set_uid (LIA_RECORD (organization), "o-full");
  lia_organization_set_short_name (organization, "FullShort");
  lia_organization_set_sector (organization, "FullSector");
  lia_organization_set_parent_id (organization, lia_record_get_id (LIA_RECORD (parent)));
  lia_organization_set_country (organization, "FC");
  lia_organization_set_website (organization, "https://full.example.org");
  lia_organization_set_email (organization, "office@full.example.org");
  lia_organization_set_phone (organization, "+41 22 555 01 01");
  lia_organization_set_street (organization, "Full Street 1");
  lia_organization_set_locality (organization, "Fullocality");
  lia_organization_set_region (organization, "Fullregion");
  lia_organization_set_postal_code (organization, "F-1234");
  lia_organization_set_address_country (organization, "Fullcountry");
  lia_organization_set_notes (organization, "Full organization notes");
  lia_organization_set_tags (organization, organization_tags);
  assessment = lia_organization_get_assessment (organization);
  lia_assessment_set_influence (assessment, 4);
  lia_assessment_set_interest (assessment, 2);
  lia_assessment_set_stance (assessment, LIA_STANCE_CONCERNED);
  lia_assessment_set_cadence_days (assessment, 45);
  g_assert_true (lia_store_save (f->store, LIA_RECORD (organization), &error));
  g_assert_no_error (error);

  lia_record_set_uid (LIA_RECORD (contact), "c-full");
  lia_contact_set_honorific (contact, "Dr.");
  lia_contact_set_suffix (contact, "Jr.");
  lia_contact_set_display_name (contact, "Full Display");
  lia_contact_set_nickname (contact, "Fullnick");
  lia_contact_set_job_title (contact, "Full job");
  lia_contact_add_email (contact, LIA_CONTACT_POINT_KIND_WORK, "full@example.org");
  lia_contact_add_phone (contact, LIA_CONTACT_POINT_KIND_MOBILE, "+41 79 555 01 01");
  lia_postal_address_set_po_box (address, "PO 9");
  lia_postal_address_set_extended (address, "Full floor");
  lia_postal_address_set_street (address, "Contact Street 2");
  lia_postal_address_set_locality (address, "Contactville");
  lia_postal_address_set_region (address, "Contactregion");
  lia_postal_address_set_postal_code (address, "C-5678");
  lia_postal_address_set_country (address, "Contactland");
  lia_contact_add_address (contact, address);
  lia_contact_add_website (contact, LIA_CONTACT_POINT_KIND_OTHER, "https://full.example.org/me");
  lia_contact_add_im (contact, LIA_CONTACT_POINT_KIND_FAX, "xmpp:full@example.org");
  lia_contact_set_languages (contact, languages);
  lia_contact_set_time_zone (contact, "Europe/Zurich");
  lia_contact_set_preferred_channel (contact, LIA_CHANNEL_IN_PERSON);
  lia_contact_set_birthday (contact, "1980-07-08");
  lia_contact_set_photo (contact, photo, "image/png");
  lia_contact_set_notes (contact, "Full contact notes");
  lia_contact_set_tags (contact, contact_tags);
  assessment = lia_contact_get_assessment (contact);
  lia_assessment_set_influence (assessment, 5);
  lia_assessment_set_interest (assessment, 3);
  lia_assessment_set_stance (assessment, LIA_STANCE_ADVOCATE);
  lia_assessment_set_cadence_days (assessment, 0);
  g_assert_true (lia_store_save (f->store, LIA_RECORD (contact), &error));
  g_assert_no_error (error);

  affiliation = lia_affiliation_new (lia_record_get_id (LIA_RECORD (contact)),
                                     lia_record_get_id (LIA_RECORD (organization)), "Full role");
  lia_record_set_uid (LIA_RECORD (affiliation), "a-full");
  lia_affiliation_set_unit (affiliation, "Full unit");
  lia_affiliation_set_from (affiliation, from);
  lia_affiliation_set_until (affiliation, until);
  lia_affiliation_set_primary (affiliation, TRUE);
  g_assert_true (lia_store_save (f->store, LIA_RECORD (affiliation), &error));
  g_assert_no_error (error);
}

/* An export reads interactions and commitments as rows, with the uids they refer to
 * (lia_store_foreach_interaction_row(), lia_store_foreach_commitment_row()), and writes them
 * without building records: each must
 * come out byte for byte as the same interaction loaded and written alone, times included
 * (offsets east and west, minutes and seconds in the offset, microseconds, before 1970, years
 * without four digits), in the whole database and in one organization's selection. */
static void
test_walk_rows_as_records (StoreFixture  *f,
                           gconstpointer  data)
{
  g_autofree char *sample = sample_path ();
  g_autoptr(GError) error = NULL;
  RowCheck check = { f->store, _lia_xml_writer_new (NULL, NULL, FALSE), NULL, 0, 0, 0 };
  guint64 count = 0;
  gint64 organization_id = 0;

  import_ok (f->store, sample);
  lia_test_pg_sql (f,
    "INSERT INTO interactions (uid, kind, at_utc, at_offset, day, duration_minutes, title,"
    "  location, summary, outcome, sentiment, cancelled, created_at, updated_at)"
    " SELECT 'i-edge-1', 'call', -1234567, 20700, '1970-01-01', 0, 'West & <east>', '', 'x', '',"
    "  -2, 1, -1, 253402300799999999"
    " UNION ALL SELECT 'i-edge-2', 'visit', 1701945900999999, -34200, '2023-12-06', 61, 'Marquesas',"
    "  'Nuku Hiva', '', 'ok', 2, 0, 1701945900000001, 1701945901999999"
    " UNION ALL SELECT 'i-edge-3', 'note', -30610224000000000, -3600, '0999-12-31', 5, 'Year 999',"
    "  '', '', '', 0, 0, -46388678400000000, 0"
    " UNION ALL SELECT 'i-edge-4', 'letter', 253402300700000000, 7200, '9999-12-31', 0, 'Past 9999',"
    "  '', '', '', 0, 0, 0, 0"
    " UNION ALL SELECT 'i-edge-5', 'meeting', 1234567000000, 3601, '2009-02-13', 0, 'Odd offset',"
    "  '', '', '', 1, 0, 1234567000000, 1234567000000");
  lia_test_pg_sql (f,
    "INSERT INTO interaction_contacts (interaction_id, contact_id, position)"
    " SELECT i.id, (SELECT max(id) FROM contacts), 0 FROM interactions i WHERE i.uid LIKE 'i-edge-%'");
  lia_test_pg_sql (f,
    "INSERT INTO interaction_organizations (interaction_id, organization_id, position)"
    " SELECT i.id, (SELECT max(id) FROM organizations), 0 FROM interactions i"
    " WHERE i.uid IN ('i-edge-1', 'i-edge-2', 'i-edge-3')");
  lia_test_pg_sql (f,
    "INSERT INTO commitments (uid, title, notes, direction, status, due_date, done_date,"
    "  interaction_id, created_at, updated_at)"
    " SELECT 'k-edge-1', 'Leap day', '', 'ours', 'done', '', '2024-02-29',"
    "  (SELECT id FROM interactions WHERE uid = 'i-edge-1'), -1, 1701945900999999"
    " UNION ALL SELECT 'k-edge-2', 'No day', 'n', 'theirs', 'open', '2023-02-29', NULL,"
    "  NULL, 0, 0");

  g_assert_true (lia_store_begin (f->store, &error));
  g_assert_true (lia_store_foreach_interaction_row (f->store, FALSE, compare_row_with_load_cb,
                                                    &check, &error));
  g_assert_no_error (error);
  g_assert_cmpint (check.n_records, ==, lia_test_count (f->store, LIA_RECORD_KIND_INTERACTION));
  g_assert_cmpuint (check.n_with_participants, >, check.n_records / 2);
  g_assert_cmpuint (check.n_edge, ==, 5);

  /* The same where there are too many contacts and organizations to keep their uids in
   * memory: each participant's uid comes with it. */
  g_clear_pointer (&check.last_uid, g_free);
  check.n_records = check.n_with_participants = check.n_edge = 0;
  _lia_store_set_uid_table_max (0);
  g_assert_true (lia_store_foreach_interaction_row (f->store, FALSE, compare_row_with_load_cb,
                                                    &check, &error));
  _lia_store_set_uid_table_max (1000000);
  g_assert_no_error (error);
  g_assert_cmpint (check.n_records, ==, lia_test_count (f->store, LIA_RECORD_KIND_INTERACTION));
  g_assert_cmpuint (check.n_edge, ==, 5);

  /* One organization's selection: only its interactions, each as alone. */
  g_clear_pointer (&check.last_uid, g_free);
  check.n_records = check.n_with_participants = check.n_edge = 0;
  g_assert_true (lia_store_find_id (f->store, LIA_RECORD_KIND_ORGANIZATION, "agua-viva",
                                    &organization_id, &error));
  g_assert_cmpint (organization_id, >, 0);
  g_assert_true (lia_store_select_organization_scope (f->store, organization_id, &error));
  g_assert_true (lia_store_count_records (f->store, LIA_RECORD_KIND_INTERACTION, TRUE, &count, &error));
  g_assert_cmpuint (count, >, 0);
  g_assert_cmpuint (count, <, lia_test_count (f->store, LIA_RECORD_KIND_INTERACTION));
  g_assert_true (lia_store_foreach_interaction_row (f->store, TRUE, compare_row_with_load_cb,
                                                    &check, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (check.n_records, ==, count);

  /* Commitments, with the uids they refer to, and dates the store would not read. */
  g_clear_pointer (&check.last_uid, g_free);
  check.n_records = check.n_with_participants = check.n_edge = 0;
  g_assert_true (lia_store_foreach_commitment_row (f->store, TRUE, compare_commitment_row_cb,
                                                   &check, &error));
  g_assert_no_error (error);
  g_assert_true (lia_store_count_records (f->store, LIA_RECORD_KIND_COMMITMENT, TRUE, &count, &error));
  g_assert_cmpuint (check.n_records, ==, count);
  g_clear_pointer (&check.last_uid, g_free);
  check.n_records = check.n_with_participants = check.n_edge = 0;
  g_assert_true (lia_store_foreach_commitment_row (f->store, FALSE, compare_commitment_row_cb,
                                                   &check, &error));
  g_assert_no_error (error);
  g_assert_cmpint (check.n_records, ==, lia_test_count (f->store, LIA_RECORD_KIND_COMMITMENT));
  g_assert_cmpuint (check.n_with_participants, >, check.n_records / 2);
  g_assert_cmpuint (check.n_edge, ==, 2);
  /* The same where there are too many to keep the uids they refer to in memory. */
  g_clear_pointer (&check.last_uid, g_free);
  check.n_records = check.n_with_participants = check.n_edge = 0;
  _lia_store_set_uid_table_max (0);
  g_assert_true (lia_store_foreach_commitment_row (f->store, FALSE, compare_commitment_row_cb,
                                                   &check, &error));
  _lia_store_set_uid_table_max (1000000);
  g_assert_no_error (error);
  g_assert_cmpint (check.n_records, ==, lia_test_count (f->store, LIA_RECORD_KIND_COMMITMENT));
  g_assert_cmpuint (check.n_with_participants, >, check.n_records / 2);
  g_assert_cmpuint (check.n_edge, ==, 2);
  lia_store_rollback (f->store);

  /* Contacts: each one's affiliations read alongside the walk, in the order reading them alone
   * gives (current ones first); asked for again in the walk, they are read again. */
  {
    static const struct { const char *role, *from, *until; } spans[] = {
      { "Ended 2010", "2001-01-01", "2010-01-01" },
      { "Ongoing", "1990-01-01", NULL },
      { "Ended 2020", "2011-01-01", "2020-01-01" },
    };
    g_autoptr(LiaContact) contact = lia_contact_new ("Edge", "Case");
    gint64 organization = 0;

    lia_record_set_uid (LIA_RECORD (contact), "c-edge");
    g_assert_true (lia_store_save (f->store, LIA_RECORD (contact), &error));
    g_assert_true (lia_store_find_id (f->store, LIA_RECORD_KIND_ORGANIZATION, "agua-viva",
                                      &organization, &error));
    for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
      {
        g_autoptr(LiaAffiliation) affiliation =
          lia_affiliation_new (lia_record_get_id (LIA_RECORD (contact)), organization, spans[i].role);
        g_autoptr(GDate) from = lia_date_parse_iso (spans[i].from, NULL);
        g_autoptr(GDate) until = spans[i].until != NULL ? lia_date_parse_iso (spans[i].until, NULL) : NULL;

        lia_affiliation_set_from (affiliation, from);
        lia_affiliation_set_until (affiliation, until);
        g_assert_true (lia_store_save (f->store, LIA_RECORD (affiliation), &error));
      }
  }
  g_clear_pointer (&check.last_uid, g_free);
  check.n_records = check.n_with_participants = check.n_edge = 0;
  g_assert_true (lia_store_begin (f->store, &error));
  g_assert_true (lia_store_foreach_record (f->store, LIA_RECORD_KIND_CONTACT, FALSE,
                                           compare_contact_with_load_cb, &check, &error));
  g_assert_no_error (error);
  g_assert_cmpint (check.n_records, ==, lia_test_count (f->store, LIA_RECORD_KIND_CONTACT));
  g_assert_cmpuint (check.n_with_participants, >, check.n_records / 2);
  g_assert_cmpuint (check.n_edge, ==, 1);
  lia_store_rollback (f->store);

  /* Contacts and organizations as rows: each as the record loaded alone, on the whole database
   * and on one organization's selection, and every field of the full ones. */
  add_full_records (f);
  {
    static const char * const contact_pieces[] = {
      "<contact id=\"c-full\" created=\"", "\" updated=\"",
      "<prefix>Dr.</prefix>", "<given>Fullgiven</given>", "<family>Fullfamily</family>",
      "<suffix>Jr.</suffix>", "<display-name>Full Display</display-name>",
      "<nickname>Fullnick</nickname>", "<job-title>Full job</job-title>",
      "<affiliation id=\"a-full\" organization=\"o-full\" role=\"Full role\" unit=\"Full unit\""
      " from=\"2019-03-04\" until=\"2031-05-06\" primary=\"true\"/>",
      "<email kind=\"work\">full@example.org</email>", "<phone kind=\"mobile\">+41 79 555 01 01</phone>",
      "<address kind=\"home\">", "<po-box>PO 9</po-box>", "<extended>Full floor</extended>",
      "<street>Contact Street 2</street>", "<locality>Contactville</locality>",
      "<region>Contactregion</region>", "<postal-code>C-5678</postal-code>",
      "<country>Contactland</country>",
      "<website kind=\"other\">https://full.example.org/me</website>",
      "<im kind=\"fax\">xmpp:full@example.org</im>",
      "<language>fr</language>", "<language>de-CH</language>",
      "<time-zone>Europe/Zurich</time-zone>", "<preferred-channel>in-person</preferred-channel>",
      "<birthday>1980-07-08</birthday>", "<photo type=\"image/png\">UE5HREFUQQ==</photo>",
      "<assessment influence=\"5\" interest=\"3\" stance=\"advocate\" cadence-days=\"0\"/>",
      "<tag>Contact tag one</tag>", "<tag>Contact tag two</tag>",
      "<notes>Full contact notes</notes>", "</contact>", NULL,
    };
    static const char * const organization_pieces[] = {
      "<organization id=\"o-full\" created=\"", "\" updated=\"",
      "<name>Full Organization</name>", "<short-name>FullShort</short-name>",
      "<sector>FullSector</sector>", "<parent organization=\"o-full-parent\"/>",
      "<country>FC</country>", "<website>https://full.example.org</website>",
      "<email>office@full.example.org</email>", "<phone>+41 22 555 01 01</phone>",
      "<address>", "<street>Full Street 1</street>", "<locality>Fullocality</locality>",
      "<region>Fullregion</region>", "<postal-code>F-1234</postal-code>",
      "<country>Fullcountry</country>", "</address>",
      "<assessment influence=\"4\" interest=\"2\" stance=\"concerned\" cadence-days=\"45\"/>",
      "<tag>Org tag one</tag>", "<tag>Org tag two</tag>",
      "<notes>Full organization notes</notes>", "</organization>", NULL,
    };
    gint64 full_id = 0;

    g_assert_true (lia_store_begin (f->store, &error));
    g_clear_pointer (&check.last_uid, g_free);
    check.n_records = check.n_with_participants = 0;
    g_assert_true (lia_store_foreach_contact_row (f->store, FALSE, compare_contact_row_cb, &check, &error));
    g_assert_no_error (error);
    g_assert_cmpint (check.n_records, ==, lia_test_count (f->store, LIA_RECORD_KIND_CONTACT));
    g_assert_cmpuint (check.n_with_participants, >, check.n_records / 2);
    assert_all_written (check.full_text, contact_pieces);
    g_clear_pointer (&check.full_text, g_free);

    /* The same where there are too many organizations to keep their uids in memory: each
     * affiliation's comes with it. */
    g_clear_pointer (&check.last_uid, g_free);
    check.n_records = check.n_with_participants = 0;
    _lia_store_set_uid_table_max (0);
    g_assert_true (lia_store_foreach_contact_row (f->store, FALSE, compare_contact_row_cb, &check, &error));
    _lia_store_set_uid_table_max (1000000);
    g_assert_no_error (error);
    g_assert_cmpint (check.n_records, ==, lia_test_count (f->store, LIA_RECORD_KIND_CONTACT));
    assert_all_written (check.full_text, contact_pieces);
    g_clear_pointer (&check.full_text, g_free);

    g_clear_pointer (&check.last_uid, g_free);
    check.n_records = check.n_with_participants = 0;
    g_assert_true (lia_store_foreach_organization_row (f->store, FALSE, compare_organization_row_cb,
                                                       &check, &error));
    g_assert_no_error (error);
    g_assert_cmpint (check.n_records, ==, lia_test_count (f->store, LIA_RECORD_KIND_ORGANIZATION));
    g_assert_cmpuint (check.n_with_participants, >, 0);
    assert_all_written (check.full_text, organization_pieces);
    g_clear_pointer (&check.full_text, g_free);

    /* The full organization's selection: it, its parent, its person. */
    g_assert_true (lia_store_find_id (f->store, LIA_RECORD_KIND_ORGANIZATION, "o-full", &full_id, &error));
    g_assert_true (lia_store_select_organization_scope (f->store, full_id, &error));
    g_assert_no_error (error);
    g_clear_pointer (&check.last_uid, g_free);
    check.n_records = 0;
    g_assert_true (lia_store_foreach_contact_row (f->store, TRUE, compare_contact_row_cb, &check, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (check.n_records, ==, 1);
    assert_all_written (check.full_text, contact_pieces);
    g_clear_pointer (&check.full_text, g_free);
    g_clear_pointer (&check.last_uid, g_free);
    check.n_records = 0;
    g_assert_true (lia_store_foreach_organization_row (f->store, TRUE, compare_organization_row_cb,
                                                       &check, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (check.n_records, ==, 2);
    assert_all_written (check.full_text, organization_pieces);
    g_clear_pointer (&check.full_text, g_free);
    lia_store_rollback (f->store);
  }

  /* The hand-made times themselves, where GLib has no four-digit year to compare with. */
  {
    gint64 id = 0;
    g_autoptr(LiaRecord) record = NULL;
    g_autoptr(LiaXmlWriter) alone = _lia_xml_writer_new (NULL, NULL, FALSE);
    g_autofree char *text = NULL;

    g_assert_true (lia_store_find_id (f->store, LIA_RECORD_KIND_INTERACTION, "i-edge-3", &id, &error));
    record = lia_store_load (f->store, LIA_RECORD_KIND_INTERACTION, id, &error);
    g_assert_nonnull (record);
    g_assert_true (_lia_directory_write_record (alone, f->store, record, LIA_WRITE_DEFAULT, &error));
    text = _lia_xml_writer_steal_text (alone);
    assert_attribute (text, "at", "999-12-31T23:00:00-01:00");
    assert_attribute (text, "created", "500-01-01T00:00:00Z");
    g_clear_pointer (&text, g_free);

    g_clear_object (&record);
    g_assert_true (lia_store_find_id (f->store, LIA_RECORD_KIND_INTERACTION, "i-edge-4", &id, &error));
    record = lia_store_load (f->store, LIA_RECORD_KIND_INTERACTION, id, &error);
    g_assert_true (_lia_directory_write_record (alone, f->store, record, LIA_WRITE_DEFAULT, &error));
    text = _lia_xml_writer_steal_text (alone);
    g_assert_null (strstr (text, " at="));
  }

  g_free (check.last_uid);
  _lia_xml_writer_free (check.writer);
}

/* The roles' full-text index after imports: new affiliations are indexed at the end of the
 * load, a changed role of one that was there before is indexed as it is now, and the index
 * holds exactly the rows of the table (FTS5's integrity check). */
static void
test_import_roles_indexed (StoreFixture  *f,
                           gconstpointer  data)
{
  static const char first[] =
    HEADER
    "  <organization id=\"who\"><name>WHO</name></organization>\n"
    "  <contact id=\"c-1\"><display-name>Amina</display-name>\n"
    "    <affiliation organization=\"who\" role=\"Deputy Director\" from=\"2021-03-01\"/></contact>\n"
    "  <contact id=\"c-2\"><display-name>Boris</display-name>\n"
    "    <affiliation organization=\"who\" role=\"Epidemiologist\"/></contact>\n"
    FOOTER;
  static const char second[] =
    HEADER
    "  <organization id=\"who\"><name>WHO</name></organization>\n"
    "  <contact id=\"c-1\"><display-name>Amina</display-name>\n"
    "    <affiliation organization=\"who\" role=\"Regional Director\" from=\"2021-03-01\"/></contact>\n"
    "  <contact id=\"c-3\"><display-name>Chen</display-name>\n"
    "    <affiliation organization=\"who\" role=\"Logistician\"/></contact>\n"
    FOOTER;
  g_autofree char *path = write_file (f, "first.xml", first);
  g_autofree char *second_path = write_file (f, "second.xml", second);
#define ROLE_MATCHES(word) \
  lia_test_pg_sql_int (f, pg_cluster == NULL \
                          ? "SELECT count(*) FROM affiliations_fts WHERE affiliations_fts MATCH '" word "'" \
                          : "SELECT count(*) FROM affiliations" \
                            " WHERE search_vector @@ to_tsquery ('liaison', '" word "')")
/* FTS5's own check that its index holds exactly the table's rows; on a server the roles' index
 * is a generated column of the table itself, which cannot drift. */
#define CHECK_ROLES_INDEX() \
  if (pg_cluster == NULL) \
    lia_test_sql (f->path, "INSERT INTO affiliations_fts (affiliations_fts) VALUES ('integrity-check')")

  import_ok (f->store, path);
  g_assert_cmpint (ROLE_MATCHES ("deputy"), ==, 1);
  g_assert_cmpint (ROLE_MATCHES ("epidemiologist"), ==, 1);
  CHECK_ROLES_INDEX ();

  import_ok (f->store, second_path);
  g_assert_cmpint (ROLE_MATCHES ("deputy"), ==, 0);
  g_assert_cmpint (ROLE_MATCHES ("regional"), ==, 1);
  g_assert_cmpint (ROLE_MATCHES ("logistician"), ==, 1);
  g_assert_cmpint (ROLE_MATCHES ("epidemiologist"), ==, 1);
  CHECK_ROLES_INDEX ();

  /* The roles' own triggers are back: a role saved now is found at once. */
  lia_test_pg_sql (f, "UPDATE affiliations SET role = 'Quartermaster' WHERE role = 'Logistician'");
  g_assert_cmpint (ROLE_MATCHES ("quartermaster"), ==, 1);
#undef CHECK_ROLES_INDEX
#undef ROLE_MATCHES
}

/* Words of letters only (a tokenizer would split at digits): an interaction's own word is 'w'
 * and three letters, one per @n below 26³, so that none begins another; the summaries' words
 * are 'q' and five. */
static void
append_word (GString *text,
             char     first,
             guint    n,
             guint    letters)
{
  g_string_append_c (text, first);
  for (guint i = 0; i < letters; i++, n /= 26)
    g_string_append_c (text, (char) ('a' + n % 26));
}

/* Interactions @first to @first + @n - 1 of a directory with one contact: each titled with a word
 * of its own, with a summary of words that few others share, enough of them for FTS5 to write
 * its pending terms out more than once (it does at every megabyte). */
static char *
big_directory (guint first,
               guint n)
{
  GString *text = g_string_new (HEADER);
  guint32 seed = 20261207 + first;

  g_string_append (text, "  <contact id=\"c-1\"><display-name>Amina</display-name></contact>\n");
  for (guint i = first; i < first + n; i++)
    {
      g_string_append_printf (text, "  <interaction id=\"i-%u\" kind=\"call\" at=\"2026-03-10T09:00:00Z\">"
                              "<title>Call ", i);
      append_word (text, 'w', i, 3);
      g_string_append (text, "</title><summary>");
      for (guint w = 0; w < 60; w++)
        {
          seed = seed * 1103515245 + 12345;
          append_word (text, 'q', (seed >> 8) % 200000, 5);
          g_string_append_c (text, ' ');
        }
      g_string_append (text, "</summary><participant contact=\"c-1\"/></interaction>\n");
    }
  g_string_append (text, FOOTER);
  return g_string_free (text, FALSE);
}

/* The interactions whose own word finds them, and them alone, in the full-text index. */
#define FOUND_BY_OWN_WORD \
  (pg_cluster == NULL \
   ? "SELECT count(*) FROM interactions t WHERE (SELECT group_concat (rowid) FROM interactions_fts" \
     "  WHERE interactions_fts MATCH substr (t.title, 6)) = CAST (t.id AS TEXT)" \
   : "SELECT count(*) FROM interactions t WHERE (SELECT string_agg (CAST (u.id AS TEXT), ',')" \
     "  FROM interactions u WHERE u.search_vector @@ to_tsquery ('liaison', substr (t.title, 6)))" \
     "  = CAST (t.id AS TEXT)")

/* The uids of the interactions a search finds (at most 500). */
static GPtrArray *
search_interactions (StoreFixture *f,
                     const char   *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = lia_store_search (f->store, text, 500, &error);
  GPtrArray *uids = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < results->len; i++)
    if (lia_search_result_get_kind (g_ptr_array_index (results, i)) == LIA_RECORD_KIND_INTERACTION)
      g_ptr_array_add (uids, g_strdup (lia_search_result_get_uid (g_ptr_array_index (results, i))));
  return uids;
}

static void
assert_found (StoreFixture *f,
              const char   *text,
              const char   *uid)
{
  g_autoptr(GPtrArray) uids = search_interactions (f, text);

  g_assert_cmpuint (uids->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (uids, 0), ==, uid);
}

static guint
count_found (StoreFixture *f,
             const char   *text)
{
  g_autoptr(GPtrArray) uids = search_interactions (f, text);

  return uids->len;
}

static void
test_first_import_search (StoreFixture  *f,
                          gconstpointer  data)
{
  g_autofree char *first = big_directory (0, 3000);
  g_autofree char *more = big_directory (3000, 500);
  g_autofree char *path = write_file (f, "first.xml", first);
  g_autofree char *more_path = write_file (f, "more.xml", more);
  static const char * const indexed[] = {
    "organizations", "contacts", "interactions", "commitments", "concerns", "affiliations",
  };

  import_ok (f->store, path);
  g_assert_cmpint (lia_test_pg_sql_int (f, "SELECT count(*) FROM interactions"), ==, 3000);
  /* Every interaction is found by its own word, and by nothing else's. */
  g_assert_cmpint (lia_test_pg_sql_int (f, FOUND_BY_OWN_WORD), ==, 3000);
  /* As the window searches: by the word (i-2999 is 2999 = 9 + 11 × 26 + 4 × 676, "wjle"), and
   * by its first two and three letters, the prefix indexes' lengths. */
  assert_found (f, "waaa", "i-0");
  assert_found (f, "wjle", "i-2999");
  g_assert_cmpuint (count_found (f, "wab"), ==, 5);   /* 26 + 676 × 0…4 */
  g_assert_cmpuint (count_found (f, "wa"), ==, 116);  /* 0, 26, … 2990 */

  if (pg_cluster == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (indexed); i++)
      {
        g_autofree char *check = g_strdup_printf ("INSERT INTO %1$s_fts (%1$s_fts) VALUES ('integrity-check')",
                                                  indexed[i]);
        g_autofree char *settings = g_strdup_printf ("SELECT count(*) FROM %s_fts_config WHERE k <> 'version'",
                                                     indexed[i]);

        lia_test_sql (f->path, check);
        /* FTS5's own merge settings are back to its defaults, as a new database has them. */
        g_assert_cmpint (lia_test_sql_int (f->path, settings), ==, 0);
      }

  /* A second import into the same tables adds to the index the usual way. */
  import_ok (f->store, more_path);
  g_assert_cmpint (lia_test_pg_sql_int (f, FOUND_BY_OWN_WORD), ==, 3500);
  assert_found (f, "waaa", "i-0");
  assert_found (f, "wpef", "i-3499");  /* 15 + 4 × 26 + 5 × 676 */
  g_assert_cmpuint (count_found (f, "wab"), ==, 6);
  if (pg_cluster == NULL)
    lia_test_sql (f->path, "INSERT INTO interactions_fts (interactions_fts) VALUES ('integrity-check')");

  /* And a save after it is found at once: the triggers are back. */
  lia_test_pg_sql (f, "UPDATE interactions SET title = 'Call renamed' WHERE uid = 'i-7'");
  assert_found (f, "renamed", "i-7");
}
#undef FOUND_BY_OWN_WORD

/* What a first import's full-text filling (lia-store-bulk.c, FTS_FILL_EMPTY) finds is what
 * saving the same interactions one by one finds, in the same order: accents and case ignored,
 * prefixes of two and three letters and more, two words. Interaction k is imported as i-k and
 * saved again with the same text; twins rank alike, so each search lists their k in the same
 * order among the imported and among the saved. */
static const struct {
  const char *title, *location, *summary, *outcome;
} accented_texts[] = {
  { "Réunion à l'École Polytechnique", "Café Noir", "Présentation du budget ; ÉCOLE fermée.", "Accord trouvé" },
  { "Meeting with the MINISTRY", NULL, "Discussed the mobile clinics and their budget.", "Étude à prévoir" },
  { "Étape préparatoire", "Salle Éole", "Préparer la réunion des partenaires.", NULL },
  { "École d'été", NULL, "Naïve coöperation, über alles.", "Reprise en septembre" },
  { "Prix de l'énergie", "Ministère", "PRÉSIDENT du comité ; réunion reportée.", NULL },
};

static GPtrArray *
twins_found (StoreFixture *f,
             const char   *text,
             char          prefix)
{
  g_autoptr(GPtrArray) uids = search_interactions (f, text);
  GPtrArray *ks = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < uids->len; i++)
    {
      const char *uid = g_ptr_array_index (uids, i);

      if (uid != NULL && uid[0] == prefix)
        g_ptr_array_add (ks, g_strdup (uid + 2));
    }
  return ks;
}

static void
test_first_import_search_as_saved (StoreFixture  *f,
                                   gconstpointer  data)
{
  static const struct {
    const char *text;
    guint       hits;
  } searches[] = {
    { "ecole", 2 }, { "École", 2 }, { "ÉCOLE", 2 }, { "ec", 2 }, { "Éc", 2 }, { "eCo", 2 },
    { "pre", 4 }, { "PRÉ", 4 }, { "pr", 4 }, { "Pr", 4 }, { "re", 4 }, { "réu", 3 },
    { "reunion", 3 }, { "cafe", 1 }, { "budget", 2 }, { "MInistr", 1 }, { "mi", 2 },
    { "etude", 1 }, { "naive", 1 }, { "cooperation", 1 }, { "uber", 1 }, { "ete", 1 },
    { "école polytechnique", 1 }, { "ré pré", 3 }, { "eole", 1 },
  };
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autofree char *path = NULL;
  g_autoptr(GDateTime) at = g_date_time_new_utc (2026, 3, 10, 9, 0, 0);

  g_string_append (text, "  <contact id=\"c-1\"><display-name>Amina</display-name></contact>\n");
  for (guint k = 0; k < G_N_ELEMENTS (accented_texts); k++)
    {
      g_autofree char *title = g_markup_escape_text (accented_texts[k].title, -1);
      g_autofree char *summary = g_markup_escape_text (accented_texts[k].summary, -1);

      g_string_append_printf (text, "  <interaction id=\"i-%u\" kind=\"meeting\" at=\"2026-03-10T09:00:00Z\">"
                              "<title>%s</title>", k, title);
      if (accented_texts[k].location != NULL)
        g_string_append_printf (text, "<location>%s</location>", accented_texts[k].location);
      g_string_append_printf (text, "<summary>%s</summary>", summary);
      if (accented_texts[k].outcome != NULL)
        g_string_append_printf (text, "<outcome>%s</outcome>", accented_texts[k].outcome);
      g_string_append (text, "<participant contact=\"c-1\"/></interaction>\n");
    }
  g_string_append (text, FOOTER);
  path = write_file (f, "accented.xml", text->str);

  import_ok (f->store, path);
  for (guint k = 0; k < G_N_ELEMENTS (accented_texts); k++)
    {
      g_autoptr(LiaInteraction) saved = lia_interaction_new (LIA_INTERACTION_KIND_MEETING, at,
                                                             accented_texts[k].title);
      g_autofree char *uid = g_strdup_printf ("s-%u", k);

      lia_record_set_uid (LIA_RECORD (saved), uid);
      lia_interaction_set_location (saved, accented_texts[k].location);
      lia_interaction_set_summary (saved, accented_texts[k].summary);
      lia_interaction_set_outcome (saved, accented_texts[k].outcome);
      lia_test_save (f->store, saved);
    }

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_autoptr(GPtrArray) imported = twins_found (f, searches[i].text, 'i');
      g_autoptr(GPtrArray) saved = twins_found (f, searches[i].text, 's');

      g_test_message ("searching %s", searches[i].text);
      g_assert_cmpuint (imported->len, ==, searches[i].hits);
      g_assert_cmpuint (saved->len, ==, imported->len);
      for (guint j = 0; j < imported->len; j++)
        g_assert_cmpstr (g_ptr_array_index (saved, j), ==, g_ptr_array_index (imported, j));
    }
}

/* A first import starts the assessment history of each new record assessed in the file (its
 * state at the record's update time), as saving it would, and of no other; after it, a save
 * starts one again; a failed import leaves none. (The load writes those rows itself while it
 * holds back the triggers that write them: lia-store-bulk.c, branch imp-save.) */
static void
test_first_import_assessments (StoreFixture  *f,
                               gconstpointer  data)
{
  static const char file[] =
    HEADER
    "  <organization id=\"o-1\" updated=\"2025-03-01T10:00:00Z\"><name>Assessed</name>"
    "<assessment influence=\"4\" interest=\"2\" stance=\"concerned\"/></organization>\n"
    "  <organization id=\"o-2\"><name>Plain</name></organization>\n"
    "  <contact id=\"c-1\" updated=\"2025-04-02T08:30:00Z\"><display-name>Ana</display-name>"
    "<assessment interest=\"5\"/></contact>\n"
    "  <contact id=\"c-2\"><display-name>Ben</display-name></contact>\n"
    "  <contact id=\"c-3\"><display-name>Chloé</display-name>"
    "<assessment stance=\"advocate\"/></contact>\n"
    FOOTER;
  static const char bad[] =
    HEADER
    "  <contact id=\"c-9\"><display-name>Dara</display-name>"
    "<assessment influence=\"5\" interest=\"5\" stance=\"opposed\"/></contact>\n"
    "  <contact id=\"c-9\"><display-name>Dara again</display-name></contact>\n"
    FOOTER;
  g_autofree char *path = write_file (f, "assessed.xml", file);
  g_autofree char *bad_path = write_file (f, "bad.xml", bad);
  g_autoptr(LiaContact) saved = lia_contact_new ("Eli", "Moreau");
  g_autoptr(LiaImporter) failed = NULL;
  g_autoptr(GError) error = NULL;

  import_ok (f->store, path);
  g_assert_cmpint (lia_test_pg_sql_int (f, "SELECT count(*) FROM assessment_history"), ==, 3);
  g_assert_cmpint (lia_test_pg_sql_int (f, "SELECT count(*) FROM assessment_history h"
                                           " JOIN organizations o ON o.id = h.organization_id"
                                           " WHERE o.uid = 'o-1' AND h.influence = 4"
                                           " AND h.interest = 2 AND h.stance = 'concerned'"
                                           " AND h.changed_at = o.updated_at"), ==, 1);
  g_assert_cmpint (lia_test_pg_sql_int (f, "SELECT count(*) FROM assessment_history h"
                                           " JOIN contacts c ON c.id = h.contact_id"
                                           " WHERE c.uid = 'c-1' AND h.influence = 0"
                                           " AND h.interest = 5 AND h.stance = 'unknown'"
                                           " AND h.changed_at = c.updated_at"), ==, 1);
  g_assert_cmpint (lia_test_pg_sql_int (f, "SELECT count(*) FROM assessment_history h"
                                           " JOIN contacts c ON c.id = h.contact_id"
                                           " WHERE c.uid = 'c-3' AND h.stance = 'advocate'"), ==, 1);

  lia_assessment_set_influence (lia_contact_get_assessment (saved), 3);
  lia_test_save (f->store, saved);
  g_assert_cmpint (lia_test_pg_sql_int (f, "SELECT count(*) FROM assessment_history"), ==, 4);

  failed = import_file (f->store, bad_path, FALSE, &error);
  g_assert_error (error, LIA_EXCHANGE_ERROR, LIA_EXCHANGE_ERROR_INVALID);
  g_assert_cmpint (lia_test_pg_sql_int (f, "SELECT count(*) FROM assessment_history"), ==, 4);
  g_assert_cmpint (lia_test_pg_sql_int (f, "SELECT count(*) FROM contacts"), ==, 4);
}

/* Branch imp-sql: what an import into an empty database defers to its end. */

/* Every secondary index of the schema, name and definition, one a line. */
static char *
index_definitions (StoreFixture *f)
{
  return lia_test_pg_sql_text (f, pg_cluster == NULL
                                  ? "SELECT group_concat (name || ': ' || sql, char (10)) FROM"
                                    " (SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                                    "  AND sql IS NOT NULL ORDER BY name)"
                                  : "SELECT string_agg (indexname || ': ' || indexdef, E'\\n'"
                                    "  ORDER BY indexname) FROM pg_indexes"
                                    " WHERE schemaname = current_schema ()");
}

/* The plans of queries the window runs on the tables whose indexes a first import builds at
 * its end (SQLite only: EXPLAIN QUERY PLAN), one query's steps a line. */
static char *
query_plans (StoreFixture *f)
{
  static const char * const queries[] = {
    "SELECT id FROM contacts ORDER BY family_sort_key, id",
    "SELECT id FROM contacts WHERE influence = 3 AND interest = 2 ORDER BY sort_key, id",
    "SELECT id FROM contacts WHERE (influence * 6 + interest) = 20 ORDER BY given_sort_key, id",
    "SELECT id FROM contacts WHERE latest_interaction_day < '2026-01-01'",
    "SELECT id FROM organizations WHERE parent_id = 1",
    "SELECT id FROM organizations WHERE influence = 3 AND interest = 2 ORDER BY sort_key, id",
    "SELECT id FROM commitments WHERE status = 'open' ORDER BY due_date",
    "SELECT id FROM commitments WHERE contact_id = 1",
    "SELECT id FROM commitments WHERE interaction_id = 1",
    "SELECT interaction_id FROM interaction_contacts WHERE contact_id = 1",
    "SELECT id FROM interactions WHERE at_utc >= 0 ORDER BY at_utc, id LIMIT 50",
    "SELECT contact_id FROM contact_tags WHERE tag = 'x'",
    "SELECT concern_id FROM concern_parties WHERE organization_id = 1",
    "SELECT changed_at FROM assessment_history WHERE contact_id = 1 ORDER BY changed_at",
  };
  GString *plans = g_string_new (NULL);
  sqlite3 *db = lia_test_raw_open (f->path, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *sql = g_strconcat ("EXPLAIN QUERY PLAN ", queries[i], NULL);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_string_append_printf (plans, "%s:", queries[i]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (plans, " %s;", (const char *) sqlite3_column_text (stmt, 3));
      g_string_append_c (plans, '\n');
      sqlite3_finalize (stmt);
    }
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return g_string_free (plans, FALSE);
}

/* The store's own connection refuses a participant that refers to nothing. */
static void
assert_keys_enforced (StoreFixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (_lia_store_exec (f->store,
                                   "INSERT INTO interaction_contacts (interaction_id, contact_id, position)"
                                   " VALUES (987654, 987654, 0)", &error));
  g_assert_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_REFERENCE);
}

/* An import of @text (as the file @name) into the empty database is refused with one
 * problem, @message at @line, and leaves it as it was: no organization nor contact, the
 * secondary indexes the load had put off there again with the same definitions, and the
 * store still refusing a row that refers to nothing. */
static void
assert_first_import_refused (StoreFixture *f,
                             const char   *name,
                             const char   *text,
                             guint         line,
                             const char   *message)
{
  g_autofree char *path = write_file (f, name, text);
  g_autofree char *indexes = index_definitions (f);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaImporter) importer = import_file (f->store, path, FALSE, &error);

  g_assert_error (error, LIA_EXCHANGE_ERROR, LIA_EXCHANGE_ERROR_INVALID);
  g_assert_cmpuint (n_problems (importer), ==, 1);
  assert_problem (importer, 0, line, 0, message);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_ORGANIZATION), ==, 0);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_CONTACT), ==, 0);
  after = index_definitions (f);
  g_assert_cmpstr (after, ==, indexes);
  assert_keys_enforced (f);
}

/* An import into an empty database builds the secondary indexes of the tables it filled once
 * at its end: after it, and after an import that failed, the same indexes are there with the
 * same definitions, the window's queries are planned through them as before, and the store
 * still refuses a row that refers to nothing. */
static void
test_first_import_indexes_and_keys (StoreFixture  *f,
                                    gconstpointer  data)
{
  static const char good[] =
    HEADER
    "  <organization id=\"o-1\"><name>Ministry</name></organization>\n"
    "  <organization id=\"o-2\"><name>Department</name><parent organization=\"o-1\"/>"
    "<tag>water</tag><assessment influence=\"4\" interest=\"2\" stance=\"concerned\"/></organization>\n"
    "  <contact id=\"c-1\"><display-name>Ana Lima</display-name>"
    "<name><given>Ana</given><family>Lima</family></name><tag>board</tag>"
    "<assessment influence=\"3\" interest=\"2\" stance=\"advocate\"/>"
    "<affiliation organization=\"o-2\" role=\"Director\"/></contact>\n"
    "  <interaction id=\"i-1\" kind=\"call\" at=\"2026-01-01T09:00:00+01:00\"><title>Call</title>"
    "<participant contact=\"c-1\"/><participant organization=\"o-2\"/></interaction>\n"
    "  <commitment id=\"k-1\" direction=\"ours\" contact=\"c-1\" organization=\"o-2\" interaction=\"i-1\">"
    "<title>Send the report</title></commitment>\n"
    FOOTER;
  static const char bad[] =
    HEADER
    "  <contact id=\"c-9\"><display-name>Dara</display-name></contact>\n"
    "  <contact id=\"c-9\"><display-name>Dara again</display-name></contact>\n"
    FOOTER;
  g_autofree char *good_path = write_file (f, "good.xml", good);
  g_autofree char *indexes = index_definitions (f);
  g_autofree char *plans = pg_cluster == NULL ? query_plans (f) : NULL;
  g_autofree char *after = NULL;
  g_autofree char *plans_after = NULL;

  g_assert_nonnull (strstr (indexes, "contacts_by_family_name"));

  /* A failed import into the empty database first: it changed nothing. */
  assert_first_import_refused (f, "bad.xml", bad, 4, "A second contact with the id “c-9”");

  import_ok (f->store, good_path);
  after = index_definitions (f);
  g_assert_cmpstr (after, ==, indexes);
  if (pg_cluster == NULL)
    {
      plans_after = query_plans (f);
      g_assert_cmpstr (plans_after, ==, plans);
      g_assert_cmpint (lia_test_pg_sql_int (f, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
    }
  assert_keys_enforced (f);
  g_assert_cmpint (lia_test_pg_sql_int (f, "SELECT count(*) FROM commitments c"
                                           " JOIN contacts p ON p.id = c.contact_id"
                                           " JOIN interactions i ON i.id = c.interaction_id"
                                           " WHERE p.uid = 'c-1' AND i.uid = 'i-1'"), ==, 1);
  g_assert_cmpint (lia_test_pg_sql_int (f, "SELECT count(*) FROM organizations c"
                                           " JOIN organizations p ON p.id = c.parent_id"
                                           " WHERE c.uid = 'o-2' AND p.uid = 'o-1'"), ==, 1);
}

/* A file's reference to a record that is nowhere refuses an import into an empty database at
 * its line (as dangling-reference does into one with records), and the indexes the load had
 * put off are there again with the same definitions. */
static void
test_first_import_bad_reference (StoreFixture  *f,
                                 gconstpointer  data)
{
  static const char text[] =
    HEADER
    "  <organization id=\"who\"><name>WHO</name></organization>\n"
    "  <contact id=\"c-044\"><display-name>Someone</display-name></contact>\n"
    "  <interaction id=\"i-1\" kind=\"call\" at=\"2026-01-01T09:00:00+01:00\"><title>Call</title>"
    "<participant contact=\"c-404\"/></interaction>\n"
    FOOTER;

  assert_first_import_refused (f, "dangling.xml", text, 5, "refers to contact “c-404”");
}

/* Past the import's uid map (its cap lowered to three uids), a first import keeps the uids it
 * saves in a Bloom filter and takes a uid the filter has never seen for absent without asking
 * the database. A uid past the cap that is in the database must still be found: a stand-in
 * saved for a forward reference is merged with its record, references resolve to it, and a
 * second record with the same id is refused at its line, not stored twice. */
static void
test_first_import_past_uid_cap (StoreFixture  *f,
                                gconstpointer  data)
{
#define PAST_CAP_RECORDS \
    "  <organization id=\"o-1\"><name>One</name></organization>\n" \
    "  <organization id=\"o-2\"><name>Two</name></organization>\n" \
    "  <contact id=\"c-1\"><display-name>Amina</display-name></contact>\n" \
    "  <commitment id=\"k-1\" direction=\"ours\" due=\"2026-10-10\" interaction=\"i-2\">" \
    "<title>Before</title></commitment>\n" \
    "  <interaction id=\"i-1\" kind=\"call\" at=\"2026-10-01T09:00:00+02:00\"><title>First</title>" \
    "<participant contact=\"c-1\"/></interaction>\n" \
    "  <interaction id=\"i-2\" kind=\"call\" at=\"2026-10-02T09:00:00+02:00\"><title>Second</title>" \
    "<participant organization=\"o-2\"/></interaction>\n" \
    "  <interaction id=\"i-3\" kind=\"visit\" at=\"2026-10-03T09:00:00+02:00\"><title>Third</title>" \
    "<participant contact=\"c-1\"/></interaction>\n" \
    "  <commitment id=\"k-2\" direction=\"theirs\" due=\"2026-10-11\" interaction=\"i-3\">" \
    "<title>After</title></commitment>\n"
  static const char twice[] =
    HEADER
    PAST_CAP_RECORDS
    "  <interaction id=\"i-2\" kind=\"call\" at=\"2026-10-04T09:00:00+02:00\"><title>Again</title>"
    "</interaction>\n"
    FOOTER;
  static const char text[] =
    HEADER
    PAST_CAP_RECORDS
    FOOTER;
#undef PAST_CAP_RECORDS
  g_autofree char *twice_path = write_file (f, "twice.xml", twice);
  g_autofree char *path = write_file (f, "past-cap.xml", text);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaImporter) refused = NULL;
  g_autoptr(LiaRecord) second = NULL;
  g_autoptr(LiaRecord) before = NULL;
  g_autoptr(LiaRecord) after = NULL;
  gint64 i2 = 0, i3 = 0, k1 = 0, k2 = 0;

  _lia_store_set_import_uid_cap (f->store, 3);

  refused = import_file (f->store, twice_path, FALSE, &error);
  g_assert_error (error, LIA_EXCHANGE_ERROR, LIA_EXCHANGE_ERROR_INVALID);
  g_assert_cmpuint (n_problems (refused), ==, 1);
  assert_problem (refused, 0, 11, 0, "A second interaction with the id “i-2”");
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_INTERACTION), ==, 0);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_COMMITMENT), ==, 0);

  import_ok (f->store, path);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_INTERACTION), ==, 3);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_COMMITMENT), ==, 2);
  g_assert_true (lia_store_find_id (f->store, LIA_RECORD_KIND_INTERACTION, "i-2", &i2, NULL));
  g_assert_true (lia_store_find_id (f->store, LIA_RECORD_KIND_INTERACTION, "i-3", &i3, NULL));
  g_assert_true (lia_store_find_id (f->store, LIA_RECORD_KIND_COMMITMENT, "k-1", &k1, NULL));
  g_assert_true (lia_store_find_id (f->store, LIA_RECORD_KIND_COMMITMENT, "k-2", &k2, NULL));
  second = lia_test_load (f->store, LIA_RECORD_KIND_INTERACTION, i2);
  g_assert_cmpstr (lia_interaction_get_title (LIA_INTERACTION (second)), ==, "Second");
  before = lia_test_load (f->store, LIA_RECORD_KIND_COMMITMENT, k1);
  g_assert_cmpint (lia_commitment_get_interaction_id (LIA_COMMITMENT (before)), ==, i2);
  after = lia_test_load (f->store, LIA_RECORD_KIND_COMMITMENT, k2);
  g_assert_cmpint (lia_commitment_get_interaction_id (LIA_COMMITMENT (after)), ==, i3);

  /* Again, into a database that has them all: each found, none stored twice. */
  import_ok (f->store, path);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_INTERACTION), ==, 3);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_COMMITMENT), ==, 2);
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

  ADD ("/exchange/round-trip", test_round_trip);
  ADD ("/exchange/fails-at-record-n", test_fails_at_record_n);
  ADD ("/exchange/merge", test_merge);
  ADD ("/exchange/merge-latest-day", test_merge_latest_day);
  ADD ("/exchange/first-import-days", test_first_import_days);
  ADD ("/exchange/walk-reads-lists", test_walk_reads_lists);
  ADD ("/exchange/walk-rows-as-records", test_walk_rows_as_records);
  ADD ("/exchange/import-roles-indexed", test_import_roles_indexed);
  ADD ("/exchange/first-import-search", test_first_import_search);
  ADD ("/exchange/first-import-search-as-saved", test_first_import_search_as_saved);
  ADD ("/exchange/done-date", test_done_date);
  ADD ("/exchange/done-date-local", test_done_date_local);
  ADD ("/exchange/forward-references", test_forward_references);
  ADD ("/exchange/dangling-reference", test_dangling_reference);
  ADD ("/exchange/bad-values", test_bad_values);
  ADD ("/exchange/dry-run", test_dry_run);
  ADD ("/exchange/foreign-elements", test_foreign_elements);
  ADD ("/exchange/not-a-directory", test_not_a_directory);
  ADD ("/exchange/export-organization", test_export_organization);
  ADD ("/exchange/cancel", test_cancel);
  ADD ("/exchange/async", test_async);
  ADD ("/exchange/async-announces-once", test_async_announces_once);
  ADD ("/exchange/export-keeps-old-file", test_export_keeps_old_file);
  ADD ("/exchange/killed-import", test_killed_import);
  ADD ("/exchange/bulk-import-indexes", test_bulk_import_indexes);
  ADD ("/exchange/contact-fields", test_contact_fields);
  ADD ("/exchange/contact-field-problems", test_contact_field_problems);
  ADD ("/exchange/projects/round-trip", test_projects_round_trip);
  ADD ("/exchange/projects/merge", test_projects_merge);
  ADD ("/exchange/projects/export-organization", test_projects_export_organization);
  ADD ("/exchange/cadence", test_cadence);
  /* Branch imp-save. */
  ADD ("/exchange/first-import-assessments", test_first_import_assessments);
  /* Branch imp-sql. */
  ADD ("/exchange/first-import-indexes-and-keys", test_first_import_indexes_and_keys);
  ADD ("/exchange/first-import-bad-reference", test_first_import_bad_reference);
  ADD ("/exchange/first-import-past-uid-cap", test_first_import_past_uid_cap);

  return g_test_run ();
}
