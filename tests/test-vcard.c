/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lia-exporter.h"
#include "lia-importer.h"
#include "lia-store-bulk.h"
#include "lia-test-pg.h"

/* vCard in: the hard cases of real files one by one (quoted-printable, folds inside UTF-8,
 * Shift_JIS, UTF-16 without a mark, organizations' cards, Apple's labels), matching across
 * imports, what is not kept, the hostile files, and every real file of
 * tests/data/interop/vcard/, each into a fresh database, with a table of what it gave; on a
 * file, and with --postgresql on a team server. */

/* Writes @text (@len bytes, -1: a string) to a file of the fixture and imports it. */
static LiaImporter *
import_bytes (StoreFixture *f,
              const char   *text,
              gssize        len,
              GError      **error)
{
  g_autofree char *path = lia_test_pg_file (f, "card.vcf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LiaImporter *importer;

  g_assert_true (g_file_set_contents (path, text, len, NULL));
  importer = lia_importer_new (file);
  lia_importer_run (importer, f->store, NULL, error);
  return importer;
}

static LiaImporter *
import_ok (StoreFixture *f,
           const char   *text,
           gssize        len)
{
  g_autoptr(GError) error = NULL;
  LiaImporter *importer = import_bytes (f, text, len, &error);

  g_assert_no_error (error);
  g_assert_cmpint (lia_importer_get_format (importer), ==, LIA_EXCHANGE_FORMAT_VCARD);
  return importer;
}

static LiaContact *
only_contact (StoreFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  LiaRecord *record;

  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_CONTACT), ==, 1);
  record = lia_store_load (f->store, LIA_RECORD_KIND_CONTACT,
                           lia_test_pg_sql_int (f, "SELECT id FROM contacts"), &error);
  g_assert_no_error (error);
  return LIA_CONTACT (record);
}

static char *
first_point (GListModel *points)
{
  g_autoptr(LiaContactPoint) point = g_list_model_get_item (points, 0);

  g_assert_nonnull (point);
  return g_strdup (lia_contact_point_get_value (point));
}

/* The hard cases */

static void
test_quoted_printable (StoreFixture  *f,
                       gconstpointer  data)
{
  /* A soft break in the middle of a UTF-8 sequence, one at the start of the value, and a
   * hard line break (=0D=0A) that is part of the note. */
  static const char card[] =
    "BEGIN:VCARD\r\n"
    "VERSION:2.1\r\n"
    "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BC=\r\n"
    "ller;J=C3=\r\n"
    "=BCrgen;;;\r\n"
    "NOTE;ENCODING=QUOTED-PRINTABLE:=\r\n"
    "Line one=0D=0ALine two\r\n"
    /* Empty once decoded: the fuzzer's second find. */
    "X-EMPTY;ENCODING=QUOTED-PRINTABLE:\r\n"
    "END:VCARD\r\n";
  g_autoptr(LiaImporter) importer = import_ok (f, card, -1);
  g_autoptr(LiaContact) contact = only_contact (f);

  g_assert_cmpstr (lia_contact_get_family_name (contact), ==, "Müller");
  g_assert_cmpstr (lia_contact_get_given_name (contact), ==, "Jürgen");
  g_assert_cmpstr (lia_contact_get_notes (contact), ==, "Line one\nLine two");
}

static void
test_fold_inside_utf8 (StoreFixture  *f,
                       gconstpointer  data)
{
  /* "Ελένη Παπαδοπούλου" folded between the two bytes of "λ" (CE BB): the file is not valid
   * UTF-8 until the fold is undone, as ownCloud wrote it (kcontacts-vcard9.vcf). */
  static const char card[] =
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "FN:\xCE\x95\xCE\r\n"
    " \xBB\xCE\xAD\xCE\xBD\xCE\xB7 Papadopoulou\r\n"
    "END:VCARD\r\n";
  g_autoptr(LiaImporter) importer = import_ok (f, card, -1);
  g_autoptr(LiaContact) contact = only_contact (f);

  g_assert_cmpstr (lia_contact_get_display_name (contact), ==, "Ελένη Papadopoulou");
}

static void
test_shift_jis (StoreFixture  *f,
                gconstpointer  data)
{
  /* 高橋 in Shift_JIS, raw and declared; ロイド in quoted-printable Shift_JIS. */
  static const char card[] =
    "BEGIN:VCARD\r\n"
    "VERSION:2.1\r\n"
    "N;CHARSET=SHIFT_JIS:\x8D\x82\x8B\xB4;;;;\r\n"
    "FN;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:=8D=82=8B=B4=20=83=8D=83=43=83=68\r\n"
    "END:VCARD\r\n";
  g_autoptr(LiaImporter) importer = import_ok (f, card, -1);
  g_autoptr(LiaContact) contact = only_contact (f);

  g_assert_cmpstr (lia_contact_get_family_name (contact), ==, "高橋");
  g_assert_cmpstr (lia_contact_get_display_name (contact), ==, "高橋 ロイド");
}

static void
test_utf16_without_mark (StoreFixture  *f,
                         gconstpointer  data)
{
  static const char text[] = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Per\xC3\xBA Monte\r\nEND:VCARD\r\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *be = g_convert (text, -1, "UTF-16BE", "UTF-8", NULL, NULL, &error);
  gsize len = 0;
  g_autoptr(LiaImporter) importer = NULL;
  g_autoptr(LiaContact) contact = NULL;

  g_assert_no_error (error);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    len += 2;
  importer = import_ok (f, be, (gssize) len);
  contact = only_contact (f);
  g_assert_cmpstr (lia_contact_get_display_name (contact), ==, "Perú Monte");
}

static void
test_byte_order_marks (StoreFixture  *f,
                       gconstpointer  data)
{
  /* UTF-8 with its mark (Windows' Notepad), then UTF-16LE with its mark, into one database:
   * both are recognized as vCard by their content, the second merges by email. */
  static const char utf8[] = "\xEF\xBB\xBF" "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zo\xC3\xAB\r\nEMAIL:zoe@example.org\r\nEND:VCARD\r\n";
  static const char text[] = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zo\xC3\xAB Diallo\r\nEMAIL:zoe@example.org\r\nEND:VCARD\r\n";
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  g_autofree char *le = g_convert (text, -1, "UTF-16LE", "UTF-8", NULL, &len, &error);
  g_autofree char *with_mark = g_malloc (len + 2);
  g_autoptr(LiaImporter) first = import_ok (f, utf8, -1);
  g_autoptr(LiaImporter) second = NULL;
  g_autoptr(LiaContact) contact = NULL;

  g_assert_no_error (error);
  memcpy (with_mark, "\xFF\xFE", 2);
  memcpy (with_mark + 2, le, len);
  second = import_ok (f, with_mark, (gssize) len + 2);
  g_assert_cmpuint (lia_importer_get_matched (second, LIA_IMPORT_MATCH_EMAIL), ==, 1);
  contact = only_contact (f);
  g_assert_cmpstr (lia_contact_get_display_name (contact), ==, "Zoë Diallo");
}

static void
test_crcrlf_and_legacy_charset (StoreFixture  *f,
                                gconstpointer  data)
{
  /* iOS's CR CR LF, and windows-1252 with no CHARSET (ë = 0xEB). */
  static const char card[] =
    "BEGIN:VCARD\r\r\n"
    "VERSION:3.0\r\r\n"
    "N:Do\xEB;John;;;\r\r\n"
    "FN:John Do\xEB\r\r\n"
    "END:VCARD\r\r\n";
  g_autoptr(LiaImporter) importer = import_ok (f, card, -1);
  g_autoptr(LiaContact) contact = only_contact (f);

  g_assert_cmpstr (lia_contact_get_display_name (contact), ==, "John Doë");
}

static void
test_organization_cards (StoreFixture  *f,
                         gconstpointer  data)
{
  static const char cards[] =
    "BEGIN:VCARD\n"
    "VERSION:4.0\n"
    "KIND:org\n"
    "FN:Ministère de la Santé\n"
    "URL:https://sante.example.gouv\n"
    "END:VCARD\n"
    "BEGIN:VCARD\n"
    "VERSION:3.0\n"
    "N:;;;;\n"
    "FN:Apple Inc.\n"
    "ORG:Apple Inc.;\n"
    "item1.TEL;type=pref:+1 408 996 1010\n"
    "X-ABShowAs:COMPANY\n"
    "END:VCARD\n";
  g_autoptr(LiaImporter) importer = import_ok (f, cards, -1);

  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_CONTACT), ==, 0);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_ORGANIZATION), ==, 2);
  g_assert_cmpint (lia_test_pg_sql_int (f, "SELECT count(*) FROM organizations"
                                     " WHERE name = 'Apple Inc.' AND phone = '+1 408 996 1010'"), ==, 1);
  g_assert_cmpint (lia_test_pg_sql_int (f, "SELECT count(*) FROM organizations"
                                     " WHERE website = 'https://sante.example.gouv'"), ==, 1);
}

static void
test_group_labels (StoreFixture  *f,
                   gconstpointer  data)
{
  /* Apple's labels say what a TEL is when its TYPE does not; the label may come first. */
  static const char card[] =
    "BEGIN:VCARD\n"
    "VERSION:3.0\n"
    "FN:Ana Lima\n"
    "item2.X-ABLabel:_$!<Mobile>!$_\n"
    "item1.TEL:+41 22 555 01 01\n"
    "item1.X-ABLabel:_$!<HomeFAX>!$_\n"
    "item2.TEL:+41 79 555 01 02\n"
    "item3.X-ABLabel:Rarely used\n"
    "item3.X-ABDATE:2001-01-01\n"
    "END:VCARD\n";
  g_autoptr(LiaImporter) importer = import_ok (f, card, -1);
  g_autoptr(LiaContact) contact = only_contact (f);
  GListModel *phones = lia_contact_get_phones (contact);
  g_autoptr(LiaContactPoint) fax = g_list_model_get_item (phones, 0);
  g_autoptr(LiaContactPoint) mobile = g_list_model_get_item (phones, 1);

  g_assert_cmpuint (g_list_model_get_n_items (phones), ==, 2);
  g_assert_cmpint (lia_contact_point_get_kind (fax), ==, LIA_CONTACT_POINT_KIND_FAX);
  g_assert_cmpint (lia_contact_point_get_kind (mobile), ==, LIA_CONTACT_POINT_KIND_MOBILE);
  /* The date and the label that names it are lost, and said to be. */
  g_assert_cmpuint (lia_importer_get_not_kept_count (importer, "X-ABDATE"), ==, 1);
  g_assert_cmpuint (lia_importer_get_not_kept_count (importer, "X-ABLABEL"), ==, 1);
}

static void
test_fields (StoreFixture  *f,
             gconstpointer  data)
{
  static const char card[] =
    "BEGIN:VCARD\n"
    "VERSION:3.0\n"
    "FN:Ana Lima\n"
    "NICKNAME:Aninha\n"
    "BDAY:--0412\n"
    "ADR;TYPE=WORK:;Floor 3;Rue de Lausanne 12;Genève;;1201;Suisse\n"
    "URL:http\\://ana.example.org\n"
    "X-JABBER:ana@example.org\n"
    "ORG:Organisation mondiale;Santé publique;Bureau 4\n"
    "TITLE:Adviser\n"
    "ORG:Croix-Rouge\n"
    "TITLE:Delegate\n"
    "GEO:46.2;6.1\n"
    "X-SOCIALPROFILE:x\n"
    "X-SOCIALPROFILE:y\n"
    /* Two groups: not a name EVCard reads (the fuzzer's third find). */
    "a.b.NOTE:lost\n"
    "END:VCARD\n";
  g_autoptr(LiaImporter) importer = import_ok (f, card, -1);
  g_autoptr(LiaContact) contact = only_contact (f);
  g_autoptr(LiaPostalAddress) address = g_list_model_get_item (lia_contact_get_addresses (contact), 0);
  g_autofree char *website = first_point (lia_contact_get_websites (contact));
  g_autofree char *im = first_point (lia_contact_get_ims (contact));
  g_autofree char *not_kept = lia_importer_describe_not_kept (importer);

  g_assert_cmpstr (lia_contact_get_nickname (contact), ==, "Aninha");
  g_assert_cmpstr (lia_contact_get_birthday (contact), ==, "--04-12");
  g_assert_cmpstr (lia_postal_address_get_locality (address), ==, "Genève");
  g_assert_cmpstr (lia_postal_address_get_extended (address), ==, "Floor 3");
  g_assert_cmpint (lia_postal_address_get_kind (address), ==, LIA_CONTACT_POINT_KIND_WORK);
  g_assert_cmpstr (website, ==, "http://ana.example.org");
  g_assert_cmpstr (im, ==, "xmpp:ana@example.org");
  g_assert_cmpstr (lia_contact_get_job_title (contact), ==, "Adviser");
  /* Two ORGs, two affiliations; the units are the first one's unit, the second TITLE the
   * second one's role. */
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_AFFILIATION), ==, 2);
  g_assert_cmpint (lia_test_pg_sql_int (f, "SELECT count(*) FROM affiliations"
                                     " WHERE unit = 'Santé publique, Bureau 4'"), ==, 1);
  g_assert_cmpint (lia_test_pg_sql_int (f, "SELECT count(*) FROM affiliations WHERE role = 'Delegate'"), ==, 1);
  g_assert_cmpstr (not_kept, ==, "2 × X-SOCIALPROFILE, 1 × GEO, 1 × a.b.NOTE");
  g_assert_cmpstr (lia_contact_get_notes (contact), ==, "");
}

/* Matching */

static void
test_matching (StoreFixture  *f,
               gconstpointer  data)
{
  static const char first[] =
    "BEGIN:VCARD\nVERSION:3.0\nFN:Ana Lima\nEMAIL:ana@example.org\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:3.0\nFN:Bo Chen\nTEL:+41 22 555 01 01\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:3.0\nFN:Émile Roy\nORG:Croix-Rouge\nEND:VCARD\n";
  /* Another program's export of the same people: other uids, other ways of writing. */
  static const char second[] =
    "BEGIN:VCARD\nVERSION:4.0\nUID:urn:uuid:1\nFN:Ana M. Lima\nEMAIL:ANA@example.org\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:4.0\nUID:urn:uuid:2\nFN:Bo Chen\nTEL;VALUE=uri:tel:+41-22-555-0101\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:4.0\nUID:urn:uuid:3\nFN:emile roy\nORG:croix-rouge\nEND:VCARD\n";
  g_autoptr(LiaImporter) one = import_ok (f, first, -1);
  g_autoptr(LiaImporter) again = import_ok (f, first, -1);
  g_autoptr(LiaImporter) two = NULL;

  g_assert_cmpuint (lia_importer_get_total (one, LIA_IMPORT_CREATED), ==, 5);
  /* The same file again changes nothing. */
  g_assert_cmpuint (lia_importer_get_total (again, LIA_IMPORT_CREATED), ==, 0);
  g_assert_cmpuint (lia_importer_get_total (again, LIA_IMPORT_UPDATED), ==, 0);
  /* The organization an ORG names is found, not merged: it is not counted. */
  g_assert_cmpuint (lia_importer_get_total (again, LIA_IMPORT_UNCHANGED), ==, 4);

  two = import_ok (f, second, -1);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_CONTACT), ==, 3);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_ORGANIZATION), ==, 1);
  g_assert_cmpuint (lia_importer_get_matched (two, LIA_IMPORT_MATCH_EMAIL), ==, 1);
  g_assert_cmpuint (lia_importer_get_matched (two, LIA_IMPORT_MATCH_PHONE), ==, 1);
  g_assert_cmpuint (lia_importer_get_matched (two, LIA_IMPORT_MATCH_NAME), ==, 1);
  g_assert_cmpint (lia_test_pg_sql_int (f, "SELECT count(*) FROM contacts WHERE label = 'Ana M. Lima'"), ==, 1);
}

static void
test_organization_names (StoreFixture  *f,
                         gconstpointer  data)
{
  /* Organizations are the same whatever the accents and case: a French export and an English
   * keyboard's spelling of it meet. */
  static const char first[] =
    "BEGIN:VCARD\nVERSION:3.0\nFN:Ana Lima\nORG:Ministère de la Santé;Direction générale\nEND:VCARD\n";
  static const char second[] =
    "BEGIN:VCARD\nVERSION:3.0\nFN:Bo Chen\nORG:MINISTERE DE LA SANTE\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:4.0\nKIND:org\nFN:ministere de la sante\nURL:https://sante.example\nEND:VCARD\n";
  g_autoptr(LiaImporter) one = import_ok (f, first, -1);
  g_autoptr(LiaImporter) two = import_ok (f, second, -1);

  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_ORGANIZATION), ==, 1);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_AFFILIATION), ==, 2);
  g_assert_cmpuint (lia_importer_get_matched (two, LIA_IMPORT_MATCH_ORGANIZATION_NAME), ==, 1);
  /* The organization's own card renames it and gives it its website. */
  g_assert_cmpint (lia_test_pg_sql_int (f, "SELECT count(*) FROM organizations"
                                     " WHERE name = 'ministere de la sante' AND website = 'https://sante.example'"), ==, 1);
}

/* Hostile files */

static void
assert_fails_at (StoreFixture *f,
                 const char   *name,
                 guint         line,
                 guint         column,
                 const char   *words)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "hostile", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LiaImporter) importer = lia_importer_new (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaImportProblem) problem = NULL;
  g_autofree char *text = NULL;

  g_assert_false (lia_importer_run (importer, f->store, NULL, &error));
  g_assert_error (error, LIA_EXCHANGE_ERROR, LIA_EXCHANGE_ERROR_INVALID);
  problem = g_list_model_get_item (lia_importer_get_problems (importer), 0);
  text = lia_import_problem_to_string (problem);
  g_test_message ("%s", text);
  g_assert_cmpuint (lia_import_problem_get_line (problem), ==, line);
  g_assert_cmpuint (lia_import_problem_get_column (problem), ==, column);
  g_assert_nonnull (strstr (text, words));
  g_assert_nonnull (strstr (text, name));
  /* Not even the good card before it. */
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_CONTACT), ==, 0);
}

static void
test_hostile (StoreFixture  *f,
              gconstpointer  data)
{
  assert_fails_at (f, "never-ends.vcf", 6, 1, "never ends");
  assert_fails_at (f, "binary-garbage.vcf", 8, 1, "binary data");
}

static void
test_warnings (StoreFixture  *f,
               gconstpointer  data)
{
  /* No VERSION, a line without a colon, one without a name (the fuzzer's first find), an
   * address that is none: read past, said. */
  static const char card[] =
    "BEGIN:VCARD\n"
    "FN\n"
    ":N\rLima\n"
    "N:Lima;Ana;;;\n"
    "EMAIL:XXXXXXXX\n"
    "END:VCARD\n";
  g_autoptr(LiaImporter) importer = import_ok (f, card, -1);
  g_autoptr(LiaContact) contact = only_contact (f);
  GListModel *warnings = lia_importer_get_warnings (importer);

  g_assert_cmpstr (lia_contact_get_display_name (contact), ==, "Ana Lima");
  g_assert_cmpuint (g_list_model_get_n_items (warnings), ==, 4);
  /* Each at its line: the two without a name at 2 and 3, the address at 5, VERSION at the
   * card's BEGIN. */
  {
    guint lines[4];

    for (guint i = 0; i < 4; i++)
      {
        g_autoptr(LiaImportProblem) warning = g_list_model_get_item (warnings, i);
        lines[i] = lia_import_problem_get_line (warning);
      }
    g_assert_cmpuint (lines[0], ==, 2);
    g_assert_cmpuint (lines[1], ==, 3);
    g_assert_cmpuint (lines[2], ==, 1);
    g_assert_cmpuint (lines[3], ==, 5);
  }
}

/* Every real file */

typedef struct
{
  guint tried;
  guint failed;
} Tally;

static void
import_interop (const char *path,
                Tally      *tally)
{
  StoreFixture f = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LiaImporter) importer = lia_importer_new (file);
  g_autoptr(LiaImporter) again = lia_importer_new (file);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *not_kept = NULL;
  gboolean ok;

  lia_test_pg_files_setup (&f, NULL);
  ok = lia_importer_run (importer, f.store, NULL, &error);
  tally->tried++;

  if (!ok)
    {
      g_autoptr(LiaImportProblem) problem = g_list_model_get_item (lia_importer_get_problems (importer), 0);
      g_autofree char *text = problem != NULL ? lia_import_problem_to_string (problem) : g_strdup (error->message);

      tally->failed++;
      g_test_message ("%-58s FAILED  %s", name, text);
      /* A failure says where, and keeps nothing. */
      g_assert_nonnull (problem);
      g_assert_cmpuint (lia_import_problem_get_line (problem), >, 0);
      g_assert_cmpint (lia_test_count (f.store, LIA_RECORD_KIND_CONTACT), ==, 0);
      lia_test_pg_files_teardown (&f, NULL);
      return;
    }

  not_kept = lia_importer_describe_not_kept (importer);
  g_test_message ("%-58s %3" G_GUINT64_FORMAT " contacts %3" G_GUINT64_FORMAT " organizations  not kept: %s",
                  name,
                  lia_importer_get_count (importer, LIA_RECORD_KIND_CONTACT, LIA_IMPORT_CREATED),
                  lia_importer_get_count (importer, LIA_RECORD_KIND_ORGANIZATION, LIA_IMPORT_CREATED),
                  not_kept != NULL ? not_kept : "—");
  g_assert_cmpint (lia_importer_get_format (importer), ==, LIA_EXCHANGE_FORMAT_VCARD);
  g_assert_cmpuint (lia_importer_get_total (importer, LIA_IMPORT_CREATED), >, 0);

  /* The same file again changes nothing. */
  g_assert_true (lia_importer_run (again, f.store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lia_importer_get_total (again, LIA_IMPORT_CREATED), ==, 0);
  g_assert_cmpuint (lia_importer_get_total (again, LIA_IMPORT_UPDATED), ==, 0);

  lia_test_pg_files_teardown (&f, NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
test_interop (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "interop", "vcard", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  Tally tally = { 0, 0 };
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".vcf"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir_path, g_ptr_array_index (names, i), NULL);
      import_interop (path, &tally);
    }

  g_test_message ("%u files, %u imported, %u failed", tally.tried, tally.tried - tally.failed, tally.failed);
  g_assert_cmpuint (tally.tried, >=, 50);
  g_assert_cmpuint (tally.failed, <=, 3);
}

/* The .expected.vcf beside an xCard file is sabre/vobject's reading of it: the same people
 * must come out of both, whichever reader. */
static char *
summary_of (const char *path)
{
  StoreFixture f = { 0, };
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LiaImporter) importer = lia_importer_new (file);
  g_autoptr(GError) error = NULL;
  char *summary;

  lia_test_pg_files_setup (&f, NULL);
  g_assert_true (lia_importer_run (importer, f.store, NULL, &error));
  g_assert_no_error (error);
  lia_test_close (&f);
  {
    /* SQLite's group_concat is PostgreSQL's string_agg. */
    g_autofree char *people = lia_test_pg_sql_text (&f, pg_cluster == NULL
      ? "SELECT group_concat (label, ', ') FROM (SELECT label FROM contacts ORDER BY label)"
      : "SELECT string_agg (label, ', ' ORDER BY label COLLATE \"C\") FROM contacts");
    g_autofree char *organizations = lia_test_pg_sql_text (&f, pg_cluster == NULL
      ? "SELECT group_concat (name, ', ') FROM (SELECT name FROM organizations ORDER BY name)"
      : "SELECT string_agg (name, ', ' ORDER BY name COLLATE \"C\") FROM organizations");
    g_autofree char *points = lia_test_pg_sql_text (&f, pg_cluster == NULL
      ? "SELECT group_concat (v, ', ') FROM"
        " (SELECT replace (value, 'tel:', '') AS v FROM contact_points ORDER BY v)"
      : "SELECT string_agg (v, ', ' ORDER BY v COLLATE \"C\") FROM"
        " (SELECT replace (value, 'tel:', '') AS v FROM contact_points) AS points");
    summary = g_strdup_printf ("%s | %s | %s", people, organizations, points);
  }
  lia_test_pg_files_teardown (&f, NULL);
  return summary;
}

static void
test_oracles (void)
{
  static const char * const pairs[] = { "sabre-XmlTest-RFC6351Example1", "sabre-XmlTest-RFC6351Section5Group" };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autofree char *xml_name = g_strconcat (pairs[i], ".xml", NULL);
      g_autofree char *vcf_name = g_strconcat (pairs[i], ".expected.vcf", NULL);
      g_autofree char *xml = g_test_build_filename (G_TEST_DIST, "data", "interop", "xcard", xml_name, NULL);
      g_autofree char *vcf = g_test_build_filename (G_TEST_DIST, "data", "interop", "xcard", vcf_name, NULL);
      g_autofree char *from_xml = summary_of (xml);
      g_autofree char *from_vcf = summary_of (vcf);

      g_test_message ("%s: %s", pairs[i], from_vcf);
      g_assert_cmpstr (from_vcf, ==, from_xml);
    }
}

/* Export */

static void
export_vcard (LiaStore   *store,
              const char *path,
              const char *version)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LiaExporter) exporter = lia_exporter_new (file, LIA_EXCHANGE_FORMAT_VCARD);
  g_autoptr(GError) error = NULL;

  if (version != NULL)
    lia_exporter_set_vcard_version (exporter, version);
  g_assert_true (lia_exporter_run (exporter, store, NULL, &error));
  g_assert_no_error (error);
}

/* What vobject, an independent parser, reads in @path: a line per card. */
static char *
read_with_vobject (const char *path)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "vcard-check.py", NULL);
  /* Debian's python3, where python3-vobject is, whatever else is first on the PATH. */
  const char *python = g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE) ? "/usr/bin/python3" : "python3";
  const char *argv[] = { python, script, path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("vobject could not read %s: %s", path, err);
  return out;
}

static void
test_export_roundtrip (StoreFixture  *f,
                       gconstpointer  data)
{
  const char *version = data;
  g_autofree char *iphone = g_test_build_filename (G_TEST_DIST, "data", "interop", "vcard",
                                                   "ezvcard-John_Doe_IPHONE.vcf", NULL);
  g_autofree char *apple = g_test_build_filename (G_TEST_DIST, "data", "interop", "vcard",
                                                  "roundcube-apple.vcf", NULL);
  g_autofree char *first = lia_test_pg_file (f, "first.vcf");
  g_autofree char *second = lia_test_pg_file (f, "second.vcf");
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;
  g_autofree char *seen = NULL;
  g_autoptr(GFile) first_file = g_file_new_for_path (first);
  g_autoptr(GError) error = NULL;
  g_autofree char *other_path = NULL;
  LiaStore *other = NULL;

  /* A person with a photo, addresses, an ORG with a unit; an organization's card. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (i == 0 ? iphone : apple);
      g_autoptr(LiaImporter) importer = lia_importer_new (file);

      g_assert_true (lia_importer_run (importer, f->store, NULL, &error));
      g_assert_no_error (error);
    }
  export_vcard (f->store, first, version);

  seen = read_with_vobject (first);
  g_test_message ("%s", seen);
  g_assert_nonnull (strstr (seen, version != NULL ? "4.0|org|Apple Computer AG|" : "3.0|org|Apple Computer AG|"));
  g_assert_nonnull (strstr (seen, "|person|Mr. John Richter James Doe Sr.|john.doe@ibm.com|905-555-1234,"));

  /* Into the same database: nothing changes. */
  {
    g_autoptr(LiaImporter) again = lia_importer_new (first_file);

    g_assert_true (lia_importer_run (again, f->store, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (lia_importer_get_total (again, LIA_IMPORT_CREATED), ==, 0);
    g_assert_cmpuint (lia_importer_get_total (again, LIA_IMPORT_UPDATED), ==, 0);
    g_assert_null (lia_importer_describe_not_kept (again));
  }

  /* Into a fresh one: the same records, so the same export, byte for byte. */
  other_path = lia_test_pg_new_database (f, "other.db");
  other = lia_test_open (other_path);
  {
    g_autoptr(LiaImporter) fresh = lia_importer_new (first_file);

    g_assert_true (lia_importer_run (fresh, other, NULL, &error));
    g_assert_no_error (error);
  }
  export_vcard (other, second, version);
  g_assert_finalize_object (G_OBJECT (g_steal_pointer (&other)));

  g_assert_true (g_file_get_contents (first, &first_text, NULL, NULL));
  g_assert_true (g_file_get_contents (second, &second_text, NULL, NULL));
  g_assert_cmpstr (second_text, ==, first_text);
}

int
main (int argc, char **argv)
{
  int skip = 0;

  if (!lia_test_pg_init (&argc, &argv, &skip))
    return skip;

#define ADD(path, func) g_test_add (path, StoreFixture, NULL, lia_test_pg_files_setup, func, lia_test_pg_files_teardown)
  ADD ("/vcard/quoted-printable", test_quoted_printable);
  ADD ("/vcard/fold-inside-utf8", test_fold_inside_utf8);
  ADD ("/vcard/shift-jis", test_shift_jis);
  ADD ("/vcard/utf16-without-mark", test_utf16_without_mark);
  ADD ("/vcard/byte-order-marks", test_byte_order_marks);
  ADD ("/vcard/crcrlf-legacy-charset", test_crcrlf_and_legacy_charset);
  ADD ("/vcard/organization-cards", test_organization_cards);
  ADD ("/vcard/group-labels", test_group_labels);
  ADD ("/vcard/fields", test_fields);
  ADD ("/vcard/matching", test_matching);
  ADD ("/vcard/organization-names", test_organization_names);
  ADD ("/vcard/hostile", test_hostile);
  ADD ("/vcard/warnings", test_warnings);
#undef ADD
  g_test_add ("/vcard/export-3.0", StoreFixture, NULL, lia_test_pg_files_setup, test_export_roundtrip, lia_test_pg_files_teardown);
  g_test_add ("/vcard/export-4.0", StoreFixture, "4.0", lia_test_pg_files_setup, test_export_roundtrip, lia_test_pg_files_teardown);
  g_test_add_func ("/vcard/interop", test_interop);
  g_test_add_func ("/vcard/oracles", test_oracles);

  return g_test_run ();
}
