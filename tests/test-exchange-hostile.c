/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lia-exporter.h"
#include "lia-importer.h"
#include "lia-test-pg.h"

/* The files in tests/data/hostile/ (README.md there says what each attacks): each gives a
 * clear problem with its line, and leaves the database exactly as it was (a full export before
 * and after is the same, and so is every table's rows), on a file and with --postgresql on a
 * team server. */

typedef struct
{
  const char *file;
  guint       line;       /* 0: not checked */
  const char *says;       /* part of the first problem, or of the error */
  int         code;       /* LiaExchangeError */
} Case;

static const Case cases[] = {
  { "truncated.xml",          31, "it was probably cut off",                      LIA_EXCHANGE_ERROR_INVALID },
  { "not-xml.png",             1, "not an XML file",                              LIA_EXCHANGE_ERROR_INVALID },
  { "not-xml.txt",             1, "not an XML file",                              LIA_EXCHANGE_ERROR_INVALID },
  { "wrong-namespace.xml",     0, "in the namespace “urn:example:address-book:1”", LIA_EXCHANGE_ERROR_NOT_SUPPORTED },
  { "invalid-utf8.xml",       30, "not valid UTF-8",                              LIA_EXCHANGE_ERROR_INVALID },
  { "xml-1.1.xml",             1, "XML 1.1",                                      LIA_EXCHANGE_ERROR_INVALID },
  { "external-entity.xml",     0, "declares a document type",                     LIA_EXCHANGE_ERROR_INVALID },
  { "billion-laughs.xml",      0, "declares a document type",                     LIA_EXCHANGE_ERROR_INVALID },
  { "deep-nesting.xml",        0, "nested more than 256 deep",                    LIA_EXCHANGE_ERROR_INVALID },
  { "duplicate-id.xml",       28, "A second contact with the id “c-001”",         LIA_EXCHANGE_ERROR_INVALID },
  { "dangling-reference.xml", 33, "refers to organization “un-ocha”, which is neither in this file nor in the database", LIA_EXCHANGE_ERROR_INVALID },
  { "dangling-project-link.xml", 56, "project “p-heat”: refers to concern “z-999”, which is neither in this file nor in the database", LIA_EXCHANGE_ERROR_INVALID },
  { "date-invalid.xml",       33, "“from” must be a date like 2026-03-01, not “2026-02-30”", LIA_EXCHANGE_ERROR_INVALID },
  { "date-order.xml",         33, "ends on 2025-12-31, before it starts on 2026-03-01", LIA_EXCHANGE_ERROR_INVALID },
  { "enum-stance.xml",         8, "“stance” must be one of",                      LIA_EXCHANGE_ERROR_INVALID },
  { "enum-sentiment.xml",     36, "“sentiment” must be a whole number from -2 to 2, not “7”", LIA_EXCHANGE_ERROR_INVALID },
  { "enum-influence.xml",     34, "“influence” must be a whole number from 1 to 5, not “9”", LIA_EXCHANGE_ERROR_INVALID },
  { "after-root.xml",         51, "more after the end of the partner directory",  LIA_EXCHANGE_ERROR_INVALID },
  { "after-root-xcard.xml",   89, "more after the end of the list of vCards",     LIA_EXCHANGE_ERROR_INVALID },
  { "truncated-xcard.xml",    67, "in the middle of the list of vCards",          LIA_EXCHANGE_ERROR_INVALID },
  { "unknown-element.xml",    27, "cannot hold a <nick-name> element",            LIA_EXCHANGE_ERROR_INVALID },
  { "csv-unterminated-quote.csv", 3, "A quoted field in the row that starts here never ends", LIA_EXCHANGE_ERROR_INVALID },
  { "csv-binary.csv",          2, "this is binary data, not a CSV file",          LIA_EXCHANGE_ERROR_INVALID },
  { "unterminated-vevent.ics", 11, "BEGIN:VEVENT is never ended",                LIA_EXCHANGE_ERROR_INVALID },
  { "binary.ics",              9, "binary data here (a NUL byte)",              LIA_EXCHANGE_ERROR_INVALID },
};

static char *
hostile_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "hostile", name, NULL);
}

static char *
export_to_string (LiaStore *store)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(LiaExporter) exporter = lia_exporter_new_for_stream (stream, LIA_EXCHANGE_FORMAT_DIRECTORY);
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_exporter_run (exporter, store, NULL, &error));
  g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL);
  g_output_stream_close (stream, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

static LiaImporter *
import_path (LiaStore    *store,
             const char  *path,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LiaImporter *importer = lia_importer_new (file);

  lia_importer_run (importer, store, NULL, error);
  return importer;
}

/* Something in the database before, so that "unchanged" means something. */
static void
seed (StoreFixture *f)
{
  g_autoptr(LiaOrganization) organization = lia_organization_new ("Regional Health Department");

  lia_record_set_uid (LIA_RECORD (organization), "rhd");
  lia_organization_set_notes (organization, "Here before every import.");
  lia_test_save (f->store, organization);
}

static void
assert_refused (StoreFixture *f,
                const char   *path,
                const Case   *c)
{
  g_autofree char *before = export_to_string (f->store);
  g_autofree char *before_rows = lia_test_pg_digest (f);
  g_autofree char *after = NULL;
  g_autofree char *after_rows = NULL;
  g_autofree char *first = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaImporter) importer = import_path (f->store, path, &error);
  GListModel *problems = lia_importer_get_problems (importer);

  g_assert_error (error, LIA_EXCHANGE_ERROR, c->code);

  if (c->code == LIA_EXCHANGE_ERROR_INVALID)
    {
      g_autoptr(LiaImportProblem) problem = g_list_model_get_item (problems, 0);

      g_assert_nonnull (problem);
      first = lia_import_problem_to_string (problem);
      g_test_message ("%s", first);
      if (strstr (first, c->says) == NULL)
        g_error ("%s: the first problem is “%s”; expected it to say “%s”", c->file, first, c->says);
      if (c->line > 0)
        g_assert_cmpuint (lia_import_problem_get_line (problem), ==, c->line);
      g_assert_cmpuint (lia_import_problem_get_line (problem), >, 0);
      g_assert_true (g_str_has_prefix (first, path));
    }
  else if (strstr (error->message, c->says) == NULL)
    {
      g_error ("%s: the error is “%s”; expected it to say “%s”", c->file, error->message, c->says);
    }

  after = export_to_string (f->store);
  g_assert_cmpstr (before, ==, after);
  after_rows = lia_test_pg_digest (f);
  g_assert_cmpstr (before_rows, ==, after_rows);
}

static void
test_case (StoreFixture  *f,
           gconstpointer  data)
{
  const Case *c = data;
  g_autofree char *path = hostile_path (c->file);

  seed (f);
  assert_refused (f, path, c);
}

/* The control: every other file is this one with one thing broken. */
static void
test_valid_base (StoreFixture  *f,
                 gconstpointer  data)
{
  g_autofree char *path = hostile_path ("valid-base.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaImporter) once = NULL;
  g_autoptr(LiaImporter) twice = NULL;
  g_autofree char *before_rows = NULL;
  g_autofree char *after_rows = NULL;

  seed (f);
  before_rows = lia_test_pg_digest (f);
  once = import_path (f->store, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lia_importer_get_total (once, LIA_IMPORT_CREATED), >=, 7);
  /* The digest the refused files are checked with sees what an import changes. */
  after_rows = lia_test_pg_digest (f);
  g_assert_cmpstr (before_rows, !=, after_rows);

  twice = import_path (f->store, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lia_importer_get_total (twice, LIA_IMPORT_CREATED), ==, 0);
  g_assert_cmpuint (lia_importer_get_total (twice, LIA_IMPORT_UPDATED), ==, 0);
  g_assert_cmpuint (lia_importer_get_total (twice, LIA_IMPORT_UNCHANGED),
                    ==, lia_importer_get_total (once, LIA_IMPORT_CREATED));
}

/* Someone's extension: skipped and counted, the rest imported. */
static void
test_foreign_element (StoreFixture  *f,
                      gconstpointer  data)
{
  g_autofree char *path = hostile_path ("foreign-element.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaImporter) importer = import_path (f->store, path, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (lia_importer_get_ignored (importer), ==, 1);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_CONTACT), ==, 2);
}

/* An external entity pointing at a file of ours: refused before anything reads the file, and
 * what it holds appears nowhere. */
static void
test_external_entity_not_read (StoreFixture  *f,
                               gconstpointer  data)
{
  g_autofree char *original = hostile_path ("external-entity.xml");
  g_autofree char *secret = lia_test_pg_file (f, "secret.txt");
  g_autofree char *attack = lia_test_pg_file (f, "attack.xml");
  g_autofree char *secret_uri = g_strconcat ("file://", secret, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *rewritten = NULL;
  g_autofree char *exported = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaImporter) importer = NULL;
  GListModel *problems;

  g_assert_true (g_file_set_contents (secret, "TOP-SECRET-MARKER", -1, NULL));
  g_assert_true (g_file_get_contents (original, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "file:///etc/passwd"));
  {
    g_autoptr(GString) text = g_string_new (contents);
    g_string_replace (text, "file:///etc/passwd", secret_uri, 0);
    rewritten = g_string_free (g_steal_pointer (&text), FALSE);
  }
  g_assert_true (g_file_set_contents (attack, rewritten, -1, NULL));

  importer = import_path (f->store, attack, &error);
  g_assert_error (error, LIA_EXCHANGE_ERROR, LIA_EXCHANGE_ERROR_INVALID);

  problems = lia_importer_get_problems (importer);
  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(LiaImportProblem) problem = g_list_model_get_item (problems, i);
      g_assert_null (strstr (lia_import_problem_get_message (problem), "TOP-SECRET"));
    }
  exported = export_to_string (f->store);
  g_assert_null (strstr (exported, "TOP-SECRET"));
}

/* A 50 MB text: refused with a reason, not read whole into the database. */
static void
test_huge_text (StoreFixture  *f,
                gconstpointer  data)
{
  g_autofree char *base_path = hostile_path ("valid-base.xml");
  g_autofree char *path = lia_test_pg_file (f, "huge.xml");
  g_autofree char *base = NULL;
  g_autoptr(GString) huge = NULL;
  const char *sector;
  static const Case c = { "huge.xml", 0, "longer than the 10 MB", LIA_EXCHANGE_ERROR_INVALID };

  g_assert_true (g_file_get_contents (base_path, &base, NULL, NULL));
  sector = strstr (base, "</sector>");
  g_assert_nonnull (sector);
  sector += strlen ("</sector>");

  huge = g_string_new_len (base, sector - base);
  g_string_append (huge, "<notes>");
  /* 52,428,800 letters: five times libxml2's limit for one text. */
  {
    gsize at = huge->len;
    g_string_set_size (huge, at + 50 * 1024 * 1024);
    memset (huge->str + at, 'a', 50 * 1024 * 1024);
  }
  g_string_append (huge, "</notes>");
  g_string_append (huge, sector);
  g_assert_cmpuint (huge->len, >, 50 * 1000 * 1000);
  g_assert_true (g_file_set_contents (path, huge->str, huge->len, NULL));

  seed (f);
  assert_refused (f, path, &c);
}

int
main (int   argc,
      char *argv[])
{
  int skip = 0;

  if (!lia_test_pg_init (&argc, &argv, &skip))
    return skip;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/exchange/hostile/%s", cases[i].file);
      g_test_add (name, StoreFixture, &cases[i], lia_test_pg_files_setup, test_case, lia_test_pg_files_teardown);
    }

  g_test_add ("/exchange/hostile/valid-base.xml", StoreFixture, NULL,
              lia_test_pg_files_setup, test_valid_base, lia_test_pg_files_teardown);
  g_test_add ("/exchange/hostile/foreign-element.xml", StoreFixture, NULL,
              lia_test_pg_files_setup, test_foreign_element, lia_test_pg_files_teardown);
  g_test_add ("/exchange/hostile/external-entity-not-read", StoreFixture, NULL,
              lia_test_pg_files_setup, test_external_entity_not_read, lia_test_pg_files_teardown);
  g_test_add ("/exchange/hostile/huge-text", StoreFixture, NULL,
              lia_test_pg_files_setup, test_huge_text, lia_test_pg_files_teardown);

  return g_test_run ();
}
