/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sys/wait.h>

#include "lia-csv-private.h"
#include "lia-exporter.h"
#include "lia-importer.h"
#include "lia-store-bulk.h"
#include "lia-test-pg.h"

/* CSV in and out (docs/csv.md): every real export in tests/data/interop/csv/ imports, with a
 * table of what it gave and what it could not keep; Google's old header against Roundcube's
 * reading of the same file; preambles, charsets, multi-values, quoted line breaks, a column
 * map; and exports that Python's csv module reads and that import back to the same records.
 * Our own fixtures are in tests/data/csv/ (README.md there). The cases with a database run on
 * a file, and with --postgresql on a team server. */

static char *
data_path (const char *folder,
           const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", folder, name, NULL);
}

static LiaImporter *
import_file (LiaStore    *store,
             const char  *path,
             const char  *map,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LiaImporter *importer = lia_importer_new (file);

  lia_importer_set_column_map (importer, map);
  lia_importer_run (importer, store, NULL, error);
  return importer;
}

static LiaImporter *
import_ok (LiaStore   *store,
           const char *path,
           const char *map)
{
  g_autoptr(GError) error = NULL;
  LiaImporter *importer = import_file (store, path, map, &error);
  GListModel *problems = lia_importer_get_problems (importer);

  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(LiaImportProblem) problem = g_list_model_get_item (problems, i);
      g_autofree char *text = lia_import_problem_to_string (problem);
      g_printerr ("%s\n", text);
    }
  g_assert_no_error (error);
  g_assert_cmpint (lia_importer_get_format (importer), ==, LIA_EXCHANGE_FORMAT_CSV);
  return importer;
}

/* The first problem of a failed import, as the command line prints it. */
static char *
import_fails (LiaStore   *store,
              const char *path,
              const char *map,
              guint       line)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaImporter) importer = import_file (store, path, map, &error);
  g_autoptr(LiaImportProblem) problem = NULL;

  g_assert_error (error, LIA_EXCHANGE_ERROR, LIA_EXCHANGE_ERROR_INVALID);
  problem = g_list_model_get_item (lia_importer_get_problems (importer), 0);
  g_assert_nonnull (problem);
  g_assert_cmpuint (lia_import_problem_get_line (problem), ==, line);
  return lia_import_problem_to_string (problem);
}

static LiaContact *
contact_by_email (LiaStore   *store,
                  const char *address)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = lia_store_find_contacts_by_email (store, address, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  return LIA_CONTACT (lia_store_load (store, LIA_RECORD_KIND_CONTACT, g_array_index (ids, gint64, 0), &error));
}

static char *
emails_of (LiaContact *contact)
{
  GListModel *emails = lia_contact_get_emails (contact);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (emails); i++)
    {
      g_autoptr(LiaContactPoint) point = g_list_model_get_item (emails, i);
      g_string_append_printf (text, "%s%s:%s", i > 0 ? " " : "",
                              lia_enum_to_nick (LIA_TYPE_CONTACT_POINT_KIND, lia_contact_point_get_kind (point)),
                              lia_contact_point_get_value (point));
    }
  return g_string_free (text, FALSE);
}

static char *
organization_of (LiaStore   *store,
                 LiaContact *contact)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) affiliations = lia_store_list_affiliations_for_contact (store, lia_record_get_id (LIA_RECORD (contact)), &error);
  g_autoptr(LiaRecord) organization = NULL;

  g_assert_no_error (error);
  if (affiliations->len == 0)
    return NULL;
  organization = lia_store_load (store, LIA_RECORD_KIND_ORGANIZATION,
                                 lia_affiliation_get_organization_id (g_ptr_array_index (affiliations, 0)), &error);
  g_assert_no_error (error);
  return g_strdup (lia_organization_get_name (LIA_ORGANIZATION (organization)));
}

/* Imports @path through the reader itself, to see what the run could not keep. */
static GHashTable *
import_counting_not_kept (LiaStore   *store,
                          const char *path,
                          guint64    *out_contacts,
                          guint64    *out_organizations)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) input = g_file_read (file, NULL, NULL);
  g_autoptr(GInputStream) buffered = g_buffered_input_stream_new (G_INPUT_STREAM (input));
  g_autoptr(GError) error = NULL;
  GHashTable *not_kept;
  LiaImport import;

  _lia_import_init (&import, store, path, NULL);
  import.stream = buffered;
  g_assert_true (lia_store_begin (store, &error));
  g_assert_true (_lia_csv_read (&import));
  g_assert_true (lia_store_commit (store, &error));

  *out_contacts = import.counts[LIA_RECORD_KIND_CONTACT][LIA_IMPORT_CREATED];
  *out_organizations = import.counts[LIA_RECORD_KIND_ORGANIZATION][LIA_IMPORT_CREATED];
  not_kept = g_hash_table_ref (import.not_kept);
  _lia_import_clear (&import);
  return not_kept;
}

static char *
describe_not_kept (GHashTable *not_kept)
{
  g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (not_kept), (GCompareFunc) g_strcmp0);
  GString *text = g_string_new (NULL);

  for (GList *l = keys; l != NULL; l = l->next)
    g_string_append_printf (text, "%s%u x %s", text->len > 0 ? ", " : "",
                            GPOINTER_TO_UINT (g_hash_table_lookup (not_kept, l->data)), (char *) l->data);
  return g_string_free (text, FALSE);
}

/* Every real export imports into a fresh database; the table says what each gave. */
static void
test_interop (void)
{
  static const struct
  {
    const char *file;
    guint64     contacts;
    guint64     organizations;
    const char *not_kept;   /* one column the table must list, or NULL */
  } expected[] = {
    { "roundcube-gmail.csv",                  1, 1, "Relation 1 - Value" },
    { "thunderbird-export.csv",               2, 0, "Custom 3" },
    { "thunderbird-quote.csv",                0, 1, NULL },
    { "thunderbird-shiftjis_addressbook.csv", 1, 0, NULL },
    { "thunderbird-utf16_addressbook.csv",    1, 0, NULL },
  };
  g_autofree char *folder = data_path ("interop", "csv");
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint seen = 0;

  g_assert_nonnull (dir);
  g_printerr ("\n%-40s %8s %13s  %s\n", "file", "contacts", "organizations", "not kept");
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      StoreFixture f = { 0, };
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GHashTable) not_kept = NULL;
      guint64 contacts, organizations;
      guint i;

      if (!g_str_has_suffix (name, ".csv"))
        continue;
      for (i = 0; i < G_N_ELEMENTS (expected) && !g_str_equal (expected[i].file, name); i++)
        ;
      if (i == G_N_ELEMENTS (expected))
        g_error ("%s is new in tests/data/interop/csv/: say here what it gives", name);

      path = g_build_filename (folder, name, NULL);
      /* Each file into an empty database, a file's or a server's. */
      lia_test_pg_files_setup (&f, NULL);
      not_kept = import_counting_not_kept (f.store, path, &contacts, &organizations);
      text = describe_not_kept (not_kept);
      g_printerr ("%-40s %8" G_GUINT64_FORMAT " %13" G_GUINT64_FORMAT "  %s\n", name, contacts, organizations,
                  text[0] != '\0' ? text : "—");

      g_assert_cmpuint (contacts, ==, expected[i].contacts);
      g_assert_cmpuint (organizations, ==, expected[i].organizations);
      if (expected[i].not_kept != NULL)
        g_assert_true (g_hash_table_contains (not_kept, expected[i].not_kept));

      lia_test_pg_files_teardown (&f, NULL);
      seen++;
    }
  g_assert_cmpuint (seen, ==, G_N_ELEMENTS (expected));
}

static gboolean
has_website (LiaContact *contact,
             const char *url)
{
  GListModel *websites = lia_contact_get_websites (contact);

  for (guint i = 0; i < g_list_model_get_n_items (websites); i++)
    {
      g_autoptr(LiaContactPoint) point = g_list_model_get_item (websites, i);
      if (g_str_equal (lia_contact_point_get_value (point), url))
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_address (LiaContact          *contact,
             LiaContactPointKind  kind,
             const char          *street,
             const char          *city,
             const char          *code,
             const char          *country)
{
  GListModel *addresses = lia_contact_get_addresses (contact);

  for (guint i = 0; i < g_list_model_get_n_items (addresses); i++)
    {
      g_autoptr(LiaPostalAddress) address = g_list_model_get_item (addresses, i);

      if (lia_postal_address_get_kind (address) == kind &&
          g_str_equal (lia_postal_address_get_street (address), street) &&
          g_str_equal (lia_postal_address_get_locality (address), city) &&
          g_str_equal (lia_postal_address_get_postal_code (address), code) &&
          g_str_equal (lia_postal_address_get_country (address), country))
        return TRUE;
    }
  return FALSE;
}

/* Roundcube read the same Google file as roundcube-gmail.expected.vcf: what Liaison keeps must
 * say the same. */
static void
test_gmail_against_roundcube (StoreFixture  *f,
                              gconstpointer  data)
{
  g_autofree char *path = data_path ("interop", "csv/roundcube-gmail.csv");
  g_autofree char *oracle_path = data_path ("interop", "csv/roundcube-gmail.expected.vcf");
  g_autofree char *oracle = NULL;
  g_autoptr(LiaImporter) importer = import_ok (f->store, path, NULL);
  g_autoptr(LiaContact) contact = contact_by_email (f->store, "home@aaa.pl");
  g_autofree char *emails = emails_of (contact);
  g_autofree char *organization = organization_of (f->store, contact);
  g_auto(GStrv) lines = NULL;
  const char * const *tags = lia_contact_get_tags (contact);

  g_assert_true (g_file_get_contents (oracle_path, &oracle, NULL, NULL));
  lines = g_strsplit (oracle, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (g_str_has_prefix (line, "FN:"))
        g_assert_cmpstr (lia_contact_get_display_name (contact), ==, line + 3);
      else if (g_str_has_prefix (line, "N:"))
        {
          g_auto(GStrv) n = g_strsplit (line + 2, ";", -1);
          g_autofree char *given = g_strconcat (n[1], " ", n[2], NULL);

          g_assert_cmpstr (lia_contact_get_family_name (contact), ==, n[0]);
          /* The middle name goes with the given name. */
          g_assert_cmpstr (lia_contact_get_given_name (contact), ==, given);
          g_assert_cmpstr (lia_contact_get_honorific (contact), ==, n[3]);
          g_assert_cmpstr (lia_contact_get_suffix (contact), ==, n[4]);
        }
      else if (g_str_has_prefix (line, "NOTE:"))
        g_assert_true (g_str_has_prefix (lia_contact_get_notes (contact), line + 5));
      else if (g_str_has_prefix (line, "CATEGORIES:"))
        {
          g_autofree char *joined = g_strjoinv (",", (char **) tags);
          g_assert_cmpstr (joined, ==, line + 11);
        }
      else if (g_str_has_prefix (line, "EMAIL"))
        {
          const char *value = strchr (line, ':') + 1;
          g_autofree char *needle = NULL;

          if (strstr (line, "TYPE=home") != NULL)
            needle = g_strconcat ("home:", value, NULL);
          else if (strstr (line, "TYPE=work") != NULL)
            needle = g_strconcat ("work:", value, NULL);
          else
            needle = g_strconcat ("other:", value, NULL);
          if (strstr (emails, needle) == NULL)
            g_error ("%s is not among the emails “%s”", needle, emails);
        }
      else if (g_str_has_prefix (line, "ORG:"))
        g_assert_cmpstr (organization, ==, line + 4);
      else if (g_str_has_prefix (line, "TITLE:"))
        g_assert_cmpstr (lia_contact_get_job_title (contact), ==, line + 6);
      else if (g_str_has_prefix (line, "NICKNAME:"))
        g_assert_cmpstr (lia_contact_get_nickname (contact), ==, line + 9);
      else if (g_str_has_prefix (line, "BDAY"))
        g_assert_cmpstr (lia_contact_get_birthday (contact), ==, strchr (line, ':') + 1);
      else if (g_str_has_prefix (line, "URL"))
        g_assert_true (has_website (contact, strchr (line, ':') + 1));
      else if (g_str_has_prefix (line, "ADR"))
        {
          /* ;;street;city;region;code;country */
          g_auto(GStrv) parts = g_strsplit (strchr (line, ':') + 1, ";", -1);
          g_assert_true (has_address (contact, strstr (line, "TYPE=home") != NULL ? LIA_CONTACT_POINT_KIND_HOME
                                                                               : LIA_CONTACT_POINT_KIND_WORK,
                                      parts[2], parts[3], parts[5], parts[6]));
        }
    }

  /* Seven phones, the faxes as faxes. */
  g_assert_cmpuint (g_list_model_get_n_items (lia_contact_get_phones (contact)), ==, 7);
  /* The primary address ("* Home") first. */
  g_assert_true (g_str_has_prefix (emails, "home:home@aaa.pl "));
}

/* Quoted fields with commas, a tab, a bare CR and a line break; CR LF and LF mixed; doubled
 * quotes; and the line each row starts on. */
static void
test_split (void)
{
  const char *text =
    "a,b,c\r\n"
    "\"1, one\",\"tab\there\",\"cr\rhere\"\n"
    "\"two\nlines\",\"\"\"quoted\"\"\",x\r\n"
    "\r\n"
    "last,row,here";
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  guint line, column;
  CsvRow *row;

  rows = _lia_csv_split (text, strlen (text), ',', 0, &line, &column, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 4);

  row = g_ptr_array_index (rows, 1);
  g_assert_cmpuint (row->line, ==, 2);
  g_assert_cmpstr (row->cells[0], ==, "1, one");
  g_assert_cmpstr (row->cells[1], ==, "tab\there");
  g_assert_cmpstr (row->cells[2], ==, "cr\rhere");

  row = g_ptr_array_index (rows, 2);
  g_assert_cmpuint (row->line, ==, 3);
  g_assert_cmpstr (row->cells[0], ==, "two\nlines");
  g_assert_cmpstr (row->cells[1], ==, "\"quoted\"");

  /* After a blank line, and without a line break at the end. */
  row = g_ptr_array_index (rows, 3);
  g_assert_cmpuint (row->line, ==, 6);
  g_assert_cmpuint (row->n_cells, ==, 3);
  g_assert_cmpstr (row->cells[2], ==, "here");

  g_assert_cmpint (_lia_csv_sniff_separator ("Nom;Prénom;\"a,b\"\n", 17), ==, ';');
  g_assert_cmpint (_lia_csv_sniff_separator ("a\tb\tc\n", 6), ==, '\t');
  g_assert_cmpint (_lia_csv_sniff_separator ("Notes:\n\"x\"\nA,B\n", 15), ==, ',');
}

/* What the writer writes, libcsv reads back as it was. */
static void
test_write_read (void)
{
  const char *cells[] = { "plain", "with, comma", "with \"quotes\"", "two\r\nlines", "", "tab\tin" };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) rows = NULL;
  guint line, column;
  CsvRow *row;

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    lia_csv_append_field (out, cells[i], i + 1 == G_N_ELEMENTS (cells));
  g_assert_cmpstr (out->str, ==, "plain,\"with, comma\",\"with \"\"quotes\"\"\",\"two\r\nlines\",,tab\tin\r\n");

  rows = _lia_csv_split (out->str, out->len, ',', 0, &line, &column, NULL);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (row->n_cells, ==, G_N_ELEMENTS (cells));
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    g_assert_cmpstr (row->cells[i], ==, cells[i]);
}

/* LinkedIn puts a paragraph of notes before its header. */
static void
test_linkedin_preamble (StoreFixture  *f,
                        gconstpointer  data)
{
  g_autofree char *path = data_path ("csv", "linkedin-connections.csv");
  g_autoptr(LiaImporter) importer = import_ok (f->store, path, NULL);
  g_autoptr(LiaContact) amara = contact_by_email (f->store, "amara.diallo@example.org");
  g_autofree char *organization = organization_of (f->store, amara);

  g_assert_cmpuint (lia_importer_get_count (importer, LIA_RECORD_KIND_CONTACT, LIA_IMPORT_CREATED), ==, 2);
  g_assert_cmpstr (lia_contact_get_display_name (amara), ==, "Amara Diallo");
  g_assert_cmpstr (lia_contact_get_job_title (amara), ==, "Partnerships Lead");
  g_assert_cmpstr (organization, ==, "Regional Health Department");
}

/* Shift_JIS and UTF-16 with a BOM, as Thunderbird's tests have them. */
static void
test_charsets (StoreFixture  *f,
               gconstpointer  data)
{
  g_autofree char *sjis = data_path ("interop", "csv/thunderbird-shiftjis_addressbook.csv");
  g_autofree char *utf16 = data_path ("interop", "csv/thunderbird-utf16_addressbook.csv");
  g_autoptr(LiaImporter) first = import_ok (f->store, sjis, NULL);
  g_autoptr(LiaImporter) second = import_ok (f->store, utf16, NULL);
  g_autoptr(LiaContact) nanashi = contact_by_email (f->store, "名無しの権兵衛@host.invalid");
  g_autoptr(LiaContact) john = contact_by_email (f->store, "johndoe@host.invalid");

  g_assert_cmpstr (lia_contact_get_given_name (nanashi), ==, "権兵衛");
  g_assert_cmpstr (lia_contact_get_family_name (nanashi), ==, "名無し");
  g_assert_cmpstr (lia_contact_get_display_name (nanashi), ==, "名無しの権兵衛");
  g_assert_cmpstr (lia_contact_get_display_name (john), ==, "John Doe");
}

/* Google's current header: several values in a cell, their kinds in another, labels. */
static void
test_google_multi_values (StoreFixture  *f,
                          gconstpointer  data)
{
  g_autofree char *path = data_path ("csv", "google-contacts.csv");
  g_autoptr(LiaImporter) importer = import_ok (f->store, path, NULL);
  g_autoptr(LiaContact) lea = contact_by_email (f->store, "lea@example.net");
  g_autofree char *emails = emails_of (lea);
  const char * const *tags = lia_contact_get_tags (lea);

  g_assert_cmpstr (emails, ==, "work:lea.moreau@example.fr home:lea@example.net");
  g_assert_cmpstr (lia_contact_get_notes (lea), ==, "Prefers calls\nafter 10:00");
  g_assert_cmpstr (lia_contact_get_birthday (lea), ==, "--04-17");
  g_assert_cmpuint (g_strv_length ((char **) tags), ==, 2);
  g_assert_cmpstr (tags[0], ==, "Partners");
}

/* Outlook: "Categories" split at semicolons, the derived e-mail columns not reported, the
 * "0/0/00" of an empty birthday not counted as something lost. */
static void
test_outlook (StoreFixture  *f,
              gconstpointer  data)
{
  g_autofree char *path = data_path ("csv", "outlook.csv");
  guint64 contacts, organizations;
  g_autoptr(GHashTable) not_kept = import_counting_not_kept (f->store, path, &contacts, &organizations);
  g_autoptr(LiaContact) samuel = contact_by_email (f->store, "s.okoye@example.gov");
  const char * const *tags = lia_contact_get_tags (samuel);

  g_assert_cmpuint (contacts, ==, 1);
  g_assert_cmpstr (lia_contact_get_honorific (samuel), ==, "Dr.");
  g_assert_cmpuint (g_strv_length ((char **) tags), ==, 2);
  g_assert_cmpstr (tags[1], ==, "Health");
  g_assert_true (g_hash_table_contains (not_kept, "Spouse"));
  g_assert_false (g_hash_table_contains (not_kept, "Birthday"));
  g_assert_false (g_hash_table_contains (not_kept, "Anniversary"));
  g_assert_cmpstr (lia_contact_get_birthday (samuel), ==, "");
  g_assert_false (g_hash_table_contains (not_kept, "E-mail Display Name"));
}

/* A header Liaison does not know: refused with its columns named, then imported with a map. */
static void
test_map (StoreFixture  *f,
          gconstpointer  data)
{
  g_autofree char *path = data_path ("csv", "mapped-semicolon.csv");
  g_autofree char *refused = import_fails (f->store, path, NULL, 1);
  g_autofree char *bad_field = import_fails (f->store, path, "Nom=surname", 1);
  g_autofree char *bad_column = import_fails (f->store, path, "Name=family-name", 1);
  g_autoptr(LiaImporter) importer = NULL;
  g_autoptr(LiaContact) elise = NULL;
  g_autofree char *emails = NULL;
  g_autofree char *organization = NULL;

  g_assert_nonnull (strstr (refused, "“Nom”, “Prénom”, “Courriel”"));
  g_assert_nonnull (strstr (refused, "--map"));
  g_assert_nonnull (strstr (refused, "given-name"));
  g_assert_nonnull (strstr (bad_field, "“surname” is not a field"));
  g_assert_nonnull (strstr (bad_column, "“Name”, which the file does not have"));

  importer = import_ok (f->store, path, "Nom=family-name, Prénom=given-name, Courriel=work-email,"
                                        "Société=organization,Fonction=job-title,Téléphone=work-phone,Remarque=ignore");
  g_assert_cmpuint (lia_importer_get_count (importer, LIA_RECORD_KIND_CONTACT, LIA_IMPORT_CREATED), ==, 2);
  elise = contact_by_email (f->store, "e.durand@example.org");
  emails = emails_of (elise);
  organization = organization_of (f->store, elise);
  g_assert_cmpstr (lia_contact_get_given_name (elise), ==, "Élise");
  g_assert_cmpstr (emails, ==, "work:elise.durand@example.fr work:e.durand@example.org");
  g_assert_cmpstr (organization, ==, "Préfecture du Rhône");
  g_assert_cmpstr (lia_contact_get_notes (elise), ==, "");
}

/* Column names with commas, equals signs and quotes survive a map built for them. */
static void
test_map_quoting (void)
{
  const char *columns[] = { "Name", "Street, line 2", "a=b", "say \"hi\"", NULL };
  const char *fields[] = { "display-name", "street", "notes", "ignore", NULL };
  char *names[] = { "Name", "Street, line 2", "a=b", "say \"hi\"", "Other", NULL };
  g_autofree char *map = lia_csv_column_map_build (columns, fields);
  g_autoptr(CsvHeader) header = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (map, ==, "Name=display-name,\"Street, line 2\"=street,\"a=b\"=notes,\"say \"\"hi\"\"\"=ignore");
  header = _lia_csv_header_map (names, 5, map, &error);
  g_assert_no_error (error);
  g_assert_cmpint (header->columns[0].field, ==, CSV_FIELD_DISPLAY_NAME);
  g_assert_cmpint (header->columns[1].field, ==, CSV_FIELD_STREET);
  g_assert_cmpint (header->columns[2].field, ==, CSV_FIELD_NOTES);
  g_assert_cmpint (header->columns[3].field, ==, CSV_FIELD_IGNORE);
  g_assert_cmpint (header->columns[4].field, ==, CSV_FIELD_NONE);
}

/* Real oddities a person can read past: a row naming no one is left out with a warning; a
 * cell beyond the header's columns and a row wrapped whole in quotes fail at their lines. */
static void
test_odd_rows (StoreFixture  *f,
               gconstpointer  data)
{
  const char *header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n";
  g_autofree char *odd = lia_test_pg_file (f, "odd.csv");
  g_autofree char *broken = lia_test_pg_file (f, "broken.csv");
  g_autofree char *odd_text = g_strconcat (header, ",,https://x.example/in/someone,,,,01 Jan 2024\r\n",
                                           "Ana,Lopez,,ana@example.org,,,\r\n", NULL);
  g_autofree char *broken_text = g_strconcat (header, "Ana,Lopez,,ana@example.org,,,,extra\r\n",
                                              "\"Bo,Li,,bo@example.org,,,\"\r\n", NULL);
  g_autoptr(LiaImporter) importer = NULL;
  g_autoptr(LiaImportProblem) warning = NULL;
  g_autoptr(LiaImporter) failed = NULL;
  g_autoptr(LiaImportProblem) second = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (odd, odd_text, -1, NULL));
  g_assert_true (g_file_set_contents (broken, broken_text, -1, NULL));

  importer = import_ok (f->store, odd, NULL);
  g_assert_cmpuint (lia_importer_get_count (importer, LIA_RECORD_KIND_CONTACT, LIA_IMPORT_CREATED), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (lia_importer_get_warnings (importer)), ==, 1);
  warning = g_list_model_get_item (lia_importer_get_warnings (importer), 0);
  g_assert_cmpuint (lia_import_problem_get_line (warning), ==, 2);
  g_assert_nonnull (strstr (lia_import_problem_get_message (warning), "names no one"));

  failed = import_file (f->store, broken, NULL, &error);
  g_assert_error (error, LIA_EXCHANGE_ERROR, LIA_EXCHANGE_ERROR_INVALID);
  g_assert_cmpuint (g_list_model_get_n_items (lia_importer_get_problems (failed)), ==, 2);
  second = g_list_model_get_item (lia_importer_get_problems (failed), 1);
  g_assert_cmpuint (lia_import_problem_get_line (second), ==, 3);
  g_assert_nonnull (strstr (lia_import_problem_get_message (second), "one quoted cell"));
}

/* The page previews the first megabyte of a large file: a character cut at its end must not
 * turn the UTF-8 text into a legacy charset's mojibake. */
static void
test_preview_large (StoreFixture  *f,
                    gconstpointer  data)
{
  g_autofree char *path = lia_test_pg_file (f, "large.csv");
  g_autoptr(GString) text = g_string_new ("Nom;Prénom;Courriel\r\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LiaCsvPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *padding = NULL;
  const gsize cut = 1024 * 1024 - 1;
  gsize last = 0;

  for (guint i = 0; text->len < cut + 4096; i++)
    g_string_append_printf (text, "Dupré;Élodie;e%u@example.fr\r\n", i);
  /* Move the text so that the last byte read is the first of a two-byte "é". */
  for (gsize i = 0; i <= cut; i++)
    if ((guchar) text->str[i] == 0xc3)
      last = i;
  padding = g_strnfill (cut - last, '0');
  g_string_insert (text, strlen ("Nom;Prénom;Courriel\r\nDupré;Élodie;e"), padding);
  g_assert_cmpint ((guchar) text->str[cut], ==, 0xc3);
  g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, NULL));

  preview = lia_csv_preview_new (file, 3, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (preview->columns[1], ==, "Prénom");
  g_assert_cmpstr (((char **) g_ptr_array_index (preview->rows, 0))[1], ==, "Élodie");
}

/* Importing the same file again changes nothing. */
static void
test_reimport (StoreFixture  *f,
               gconstpointer  data)
{
  g_autofree char *path = data_path ("interop", "csv/roundcube-gmail.csv");
  g_autoptr(LiaImporter) first = import_ok (f->store, path, NULL);
  g_autoptr(LiaImporter) second = import_ok (f->store, path, NULL);

  g_assert_cmpuint (lia_importer_get_total (second, LIA_IMPORT_CREATED), ==, 0);
  g_assert_cmpuint (lia_importer_get_total (second, LIA_IMPORT_UPDATED), ==, 0);
  g_assert_cmpuint (lia_importer_get_count (second, LIA_RECORD_KIND_CONTACT, LIA_IMPORT_UNCHANGED), ==, 1);
}

/* The first bytes decide, not the name: a Thunderbird export called .txt is CSV. */
static void
test_detect_by_content (StoreFixture  *f,
                        gconstpointer  data)
{
  g_autofree char *source = data_path ("interop", "csv/thunderbird-export.csv");
  g_autofree char *copy = lia_test_pg_file (f, "address book.txt");
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(LiaImporter) importer = NULL;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  importer = import_ok (f->store, copy, NULL);
  g_assert_cmpuint (lia_importer_get_count (importer, LIA_RECORD_KIND_CONTACT, LIA_IMPORT_CREATED), ==, 2);
}

static char *
export_csv (LiaStore      *store,
            LiaRecordKind  kind,
            const char    *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LiaExporter) exporter = lia_exporter_new (file, LIA_EXCHANGE_FORMAT_CSV);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  lia_exporter_set_kind (exporter, kind);
  g_assert_true (lia_exporter_run (exporter, store, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

/* Python's csv module reads @path: "rows columns first-cell-of-last-row" on standard output. */
static char *
read_with_python (const char *path)
{
  const char *argv[] = {
    "python3", "-c",
    "import csv, sys\n"
    "with open(sys.argv[1], newline='', encoding='utf-8') as f:\n"
    "    rows = list(csv.reader(f, strict=True))\n"
    "assert all(len(r) == len(rows[0]) for r in rows), 'ragged rows'\n"
    "print(len(rows), len(rows[0]), repr(rows[-1][-1]))\n",
    path, NULL
  };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error))
    {
      g_test_skip ("python3 is not installed");
      return NULL;
    }
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("Python could not read %s: %s", path, err);
  return g_strstrip (g_steal_pointer (&out));
}

/* Export → Python reads it → import into the same database (nothing changes) and into a fresh
 * one (the same bytes come out again). */
static void
test_export_roundtrip (StoreFixture  *f,
                       gconstpointer  data)
{
  const char *files[] = { "interop/csv/roundcube-gmail.csv", "interop/csv/thunderbird-export.csv",
                          "interop/csv/thunderbird-quote.csv", "csv/google-contacts.csv",
                          "csv/linkedin-connections.csv" };
  g_autofree char *contacts_path = lia_test_pg_file (f, "contacts.csv");
  g_autofree char *organizations_path = lia_test_pg_file (f, "organizations.csv");
  g_autofree char *again_path = lia_test_pg_file (f, "again.csv");
  g_autofree char *fresh_db = lia_test_pg_new_database (f, "fresh.db");
  g_autofree char *contacts = NULL;
  g_autofree char *organizations = NULL;
  g_autofree char *again = NULL;
  g_autofree char *python = NULL;
  g_autoptr(LiaImporter) same = NULL;
  g_autoptr(LiaImporter) same_organizations = NULL;
  g_autoptr(LiaImporter) fresh_import = NULL;
  g_autoptr(LiaStore) fresh = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", files[i], NULL);
      g_autoptr(LiaImporter) importer = import_ok (f->store, path, NULL);
    }

  contacts = export_csv (f->store, LIA_RECORD_KIND_CONTACT, contacts_path);
  organizations = export_csv (f->store, LIA_RECORD_KIND_ORGANIZATION, organizations_path);
  g_assert_true (g_str_has_prefix (contacts, "ID,Honorific,Given Name,Family Name,"));
  g_assert_true (g_str_has_suffix (contacts, "\r\n"));
  g_assert_true (g_str_has_prefix (organizations, "ID,Organization,"));

  /* 6 people and 5 organizations (the header row on top); the notes with a line break in a
   * quoted cell come back whole. */
  python = read_with_python (contacts_path);
  if (python == NULL)
    return;
  g_assert_true (g_str_has_prefix (python, "7 41 "));
  g_assert_nonnull (strstr (contacts, "\"Prefers calls\nafter 10:00\""));
  g_clear_pointer (&python, g_free);
  python = read_with_python (organizations_path);
  g_assert_true (g_str_has_prefix (python, "6 12 "));

  same = import_ok (f->store, contacts_path, NULL);
  g_assert_cmpuint (lia_importer_get_total (same, LIA_IMPORT_CREATED), ==, 0);
  g_assert_cmpuint (lia_importer_get_total (same, LIA_IMPORT_UPDATED), ==, 0);
  same_organizations = import_ok (f->store, organizations_path, NULL);
  g_assert_cmpuint (lia_importer_get_total (same_organizations, LIA_IMPORT_CREATED), ==, 0);
  g_assert_cmpuint (lia_importer_get_total (same_organizations, LIA_IMPORT_UPDATED), ==, 0);
  g_assert_cmpuint (lia_importer_get_count (same_organizations, LIA_RECORD_KIND_ORGANIZATION, LIA_IMPORT_UNCHANGED), ==, 5);

  fresh = lia_test_open (fresh_db);
  fresh_import = import_ok (fresh, contacts_path, NULL);
  g_assert_cmpuint (lia_importer_get_count (fresh_import, LIA_RECORD_KIND_CONTACT, LIA_IMPORT_CREATED), ==, 6);
  again = export_csv (fresh, LIA_RECORD_KIND_CONTACT, again_path);
  g_assert_cmpstr (again, ==, contacts);
}

/* The command line: --map, the refusal without it, export --format csv --kind. */
static void
test_command_line (StoreFixture  *f,
                   gconstpointer  data)
{
  g_autofree char *path = data_path ("csv", "mapped-semicolon.csv");
  g_autofree char *db = lia_test_pg_new_database (f, "cli.db");
  const char *liaison = g_getenv ("LIAISON_BINARY");
  const char *refused_argv[] = { liaison, "import", "--database", db, path, NULL };
  const char *map_argv[] = { liaison, "import", "--database", db,
                             "--map", "Nom=family-name,Prénom=given-name,Courriel=email,Société=organization",
                             path, NULL };
  const char *export_argv[] = { liaison, "export", "--database", db, "--format", "csv",
                                "--kind", "organizations", "-", NULL };
  const char *bad_kind_argv[] = { liaison, "export", "--database", db, "--format", "csv",
                                  "--kind", "people", "-", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  if (liaison == NULL)
    {
      g_test_skip ("LIAISON_BINARY is not set");
      return;
    }

  g_assert_true (g_spawn_sync (NULL, (char **) refused_argv, NULL, 0, NULL, NULL, &out, &err, &status, NULL));
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "mapped-semicolon.csv:1: This CSV header is not one"));
  g_assert_nonnull (strstr (err, "“Courriel”"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_true (g_spawn_sync (NULL, (char **) map_argv, NULL, 0, NULL, NULL, &out, &err, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "(CSV)"));
  /* The columns left out of the map are said, with how often they had a value. */
  g_assert_nonnull (strstr (out, "Fonction"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_true (g_spawn_sync (NULL, (char **) export_argv, NULL, 0, NULL, NULL, &out, &err, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_str_has_prefix (out, "ID,Organization,Street,"));
  g_assert_nonnull (strstr (out, ",Préfecture du Rhône,"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_true (g_spawn_sync (NULL, (char **) bad_kind_argv, NULL, 0, NULL, NULL, &out, &err, &status, NULL));
  g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  g_assert_nonnull (strstr (err, "“people” is not a kind of record to export"));
}

int
main (int   argc,
      char *argv[])
{
  int skip = 0;

  if (!lia_test_pg_init (&argc, &argv, &skip))
    return skip;

  g_test_add_func ("/csv/split", test_split);
  g_test_add_func ("/csv/write-read", test_write_read);
  g_test_add_func ("/csv/interop", test_interop);
  g_test_add_func ("/csv/map-quoting", test_map_quoting);
  g_test_add ("/csv/gmail-against-roundcube", StoreFixture, NULL, lia_test_pg_files_setup, test_gmail_against_roundcube, lia_test_pg_files_teardown);
  g_test_add ("/csv/linkedin-preamble", StoreFixture, NULL, lia_test_pg_files_setup, test_linkedin_preamble, lia_test_pg_files_teardown);
  g_test_add ("/csv/charsets", StoreFixture, NULL, lia_test_pg_files_setup, test_charsets, lia_test_pg_files_teardown);
  g_test_add ("/csv/google-multi-values", StoreFixture, NULL, lia_test_pg_files_setup, test_google_multi_values, lia_test_pg_files_teardown);
  g_test_add ("/csv/outlook", StoreFixture, NULL, lia_test_pg_files_setup, test_outlook, lia_test_pg_files_teardown);
  g_test_add ("/csv/map", StoreFixture, NULL, lia_test_pg_files_setup, test_map, lia_test_pg_files_teardown);
  g_test_add ("/csv/odd-rows", StoreFixture, NULL, lia_test_pg_files_setup, test_odd_rows, lia_test_pg_files_teardown);
  g_test_add ("/csv/preview-large", StoreFixture, NULL, lia_test_pg_files_setup, test_preview_large, lia_test_pg_files_teardown);
  g_test_add ("/csv/reimport", StoreFixture, NULL, lia_test_pg_files_setup, test_reimport, lia_test_pg_files_teardown);
  g_test_add ("/csv/detect-by-content", StoreFixture, NULL, lia_test_pg_files_setup, test_detect_by_content, lia_test_pg_files_teardown);
  g_test_add ("/csv/command-line", StoreFixture, NULL, lia_test_pg_files_setup, test_command_line, lia_test_pg_files_teardown);
  g_test_add ("/csv/export-roundtrip", StoreFixture, NULL, lia_test_pg_files_setup, test_export_roundtrip, lia_test_pg_files_teardown);

  return g_test_run ();
}
