/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Every xCard file another program wrote (tests/data/interop/xcard/, SOURCES.md says where each
 * comes from) imports into an empty database, or fails with a reason a person reading the file
 * would agree with. For each file a line goes to stderr: what was created and what was not
 * kept. Where another program's reading of the same file is there (.expected.vcf), the names
 * and the number of phones Liaison read are compared with it. On a file, and with --postgresql
 * on a team server. */

#include "config.h"

#include <string.h>

#include "lia-importer.h"
#include "lia-store-bulk.h"
#include "lia-test-pg.h"

/* What each file must give; a file not listed here fails the test, so a new one is looked at. */
typedef struct
{
  const char *name;
  guint       contacts;       /* created; 0 with an error: nothing may be created */
  guint       organizations;
  const char *not_kept;       /* a part of lia_importer_describe_not_kept(), or NULL for none */
  int         error_code;     /* -1: imports */
  const char *error_part;
} Expectation;

static const Expectation expectations[] = {
  { "ezvcard-rfc6351-example.xml", 1, 1, "1 × ANNIVERSARY, 1 × GENDER, 1 × GEO, 1 × KEY", -1, NULL },
  /* A link to a photo is not fetched, and said. */
  { "gajim-xep0292-vcard.xml", 1, 1, "1 × PHOTO", -1, NULL },
  { "libkolabxml-contact.xml", 1, 0, "1 × X-KOLAB-VERSION", -1, NULL },
  { "pykolab-test019-mime-user-one.xml", 1, 0, "1 × REV", -1, NULL },
  /* Related people are not kept: five of them, said with their count. */
  { "pykolab-test019-sample-dude.xml", 1, 1, "5 × RELATED", -1, NULL },
  { "sabre-XmlTest-RFC6351Example1.xml", 1, 0, "1 × X-FILE", -1, NULL },
  { "sabre-XmlTest-RFC6351Section5Group.xml", 1, 0, NULL, -1, NULL },
  /* An xCard inside another program's document is that document, not an address book. */
  { "supa-nsi-discovery-admincontact.xml", 0, 0, NULL, LIA_EXCHANGE_ERROR_NOT_SUPPORTED,
    "its root element is “nsa”" },
};

static const Expectation *
expectation_for (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (expectations); i++)
    if (g_str_equal (expectations[i].name, name))
      return &expectations[i];
  g_error ("%s: a new interop file; say in test-interop-xcard.c what it must give", name);
  return NULL;
}

/* The values of @property in a vCard, lines unfolded, group prefixes ignored. */
static GPtrArray *
vcf_values (const char *text,
            const char *property)
{
  g_autoptr(GString) unfolded = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r')
        continue;
      if (*p == '\n' && (p[1] == ' ' || p[1] == '\t'))
        {
          p++;
          continue;
        }
      g_string_append_c (unfolded, *p);
    }

  lines = g_strsplit (unfolded->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *colon = strchr (lines[i], ':');
      g_autofree char *name = NULL;
      const char *dot;

      if (colon == NULL)
        continue;
      name = g_strndup (lines[i], colon - lines[i]);
      if (strchr (name, ';') != NULL)
        *strchr (name, ';') = '\0';
      dot = strrchr (name, '.');
      if (g_ascii_strcasecmp (dot != NULL ? dot + 1 : name, property) == 0)
        g_ptr_array_add (values, g_strdup (colon + 1));
    }

  return values;
}

static gboolean
take_contact_cb (LiaRecord  *record,
                 gpointer    user_data,
                 GError    **error)
{
  LiaContact **out = user_data;

  g_set_object (out, LIA_CONTACT (record));
  return TRUE;
}

/* Compares what Liaison read with the other program's reading, where there is one. */
static void
compare_with_oracle (LiaStore   *store,
                     const char *path)
{
  g_autofree char *oracle_path = NULL;
  g_autofree char *oracle = NULL;
  g_autoptr(GPtrArray) fns = NULL;
  g_autoptr(GPtrArray) ns = NULL;
  g_autoptr(GPtrArray) tels = NULL;
  g_autoptr(LiaContact) contact = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_autofree char *base = g_strndup (path, strlen (path) - strlen (".xml"));
    oracle_path = g_strconcat (base, ".expected.vcf", NULL);
  }
  if (!g_file_test (oracle_path, G_FILE_TEST_EXISTS))
    return;

  g_file_get_contents (oracle_path, &oracle, NULL, &error);
  g_assert_no_error (error);
  fns = vcf_values (oracle, "FN");
  ns = vcf_values (oracle, "N");
  tels = vcf_values (oracle, "TEL");

  g_assert_true (lia_store_foreach_record (store, LIA_RECORD_KIND_CONTACT, FALSE, take_contact_cb,
                                           &contact, &error));
  g_assert_no_error (error);
  g_assert_nonnull (contact);

  g_assert_cmpuint (fns->len, >=, 1);
  g_assert_cmpstr (lia_contact_get_display_name (contact), ==, g_ptr_array_index (fns, 0));
  if (ns->len > 0)
    {
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (ns, 0), ";", -1);
      g_assert_cmpstr (lia_contact_get_family_name (contact), ==, parts[0]);
      g_assert_cmpstr (lia_contact_get_given_name (contact), ==, parts[1]);
    }
  g_assert_cmpuint (g_list_model_get_n_items (lia_contact_get_phones (contact)), ==, tels->len);
  g_printerr ("    same as %s: name “%s”, %u phone(s)\n",
              strrchr (oracle_path, '/') + 1, lia_contact_get_display_name (contact), tels->len);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
test_interop_xcard (StoreFixture  *f,
                    gconstpointer  data)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "interop", "xcard", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".xml"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_assert_cmpuint (names->len, ==, G_N_ELEMENTS (expectations));

  g_printerr ("\n%-42s %9s %13s  %s\n", "file", "contacts", "organizations", "not kept / why it failed");
  for (guint i = 0; i < names->len; i++)
    {
      const char *file_name = g_ptr_array_index (names, i);
      const Expectation *expected = expectation_for (file_name);
      g_autofree char *path = g_build_filename (dir_path, file_name, NULL);
      g_autofree char *db_name = g_strdup_printf ("interop-%u.db", i);
      g_autofree char *db_path = lia_test_pg_new_database (f, db_name);
      g_autoptr(LiaStore) store = lia_test_open (db_path);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(LiaImporter) importer = lia_importer_new (file);
      g_autoptr(GError) error = NULL;
      g_autofree char *not_kept = NULL;
      guint contacts, organizations;

      lia_importer_run (importer, store, NULL, &error);
      contacts = lia_importer_get_count (importer, LIA_RECORD_KIND_CONTACT, LIA_IMPORT_CREATED);
      organizations = lia_importer_get_count (importer, LIA_RECORD_KIND_ORGANIZATION, LIA_IMPORT_CREATED);
      not_kept = lia_importer_describe_not_kept (importer);
      g_printerr ("%-42s %9u %13u  %s\n", file_name, contacts, organizations,
                  error != NULL ? error->message : not_kept != NULL ? not_kept : "—");

      if (expected->error_code >= 0)
        {
          g_assert_error (error, LIA_EXCHANGE_ERROR, expected->error_code);
          g_assert_nonnull (strstr (error->message, expected->error_part));
          g_assert_cmpint (lia_test_count (store, LIA_RECORD_KIND_CONTACT), ==, 0);
          g_assert_finalize_object (G_OBJECT (g_steal_pointer (&store)));
          lia_test_pg_done_with_database (db_path);
          continue;
        }

      g_assert_no_error (error);
      g_assert_cmpuint (contacts, ==, expected->contacts);
      g_assert_cmpuint (organizations, ==, expected->organizations);
      if (expected->not_kept == NULL)
        g_assert_null (not_kept);
      else
        g_assert_nonnull (strstr (not_kept, expected->not_kept));
      compare_with_oracle (store, path);
      g_assert_finalize_object (G_OBJECT (g_steal_pointer (&store)));
      lia_test_pg_done_with_database (db_path);
    }
}

/* The richest of them: what the new contact fields keep of it. */
static void
test_kolab_sample_dude (StoreFixture  *f,
                        gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "interop", "xcard",
                                                 "pykolab-test019-sample-dude.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LiaImporter) importer = lia_importer_new (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaContact) dude = NULL;
  g_autoptr(GPtrArray) affiliations = NULL;

  lia_importer_run (importer, f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lia_store_foreach_record (f->store, LIA_RECORD_KIND_CONTACT, FALSE, take_contact_cb,
                                           &dude, &error));
  g_assert_nonnull (dude);
  /* The photo is a data: URI, kept with its type; the birthday a basic date. */
  g_assert_nonnull (lia_contact_get_photo (dude));
  g_assert_cmpstr (lia_contact_get_photo_mime_type (dude), ==, "image/gif");
  g_assert_cmpstr (lia_contact_get_birthday (dude), !=, "");
  g_assert_cmpuint (g_list_model_get_n_items (lia_contact_get_addresses (dude)), >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (lia_contact_get_websites (dude)), >=, 1);
  affiliations = lia_store_list_affiliations_for_contact (f->store, lia_record_get_id (LIA_RECORD (dude)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (affiliations->len, ==, 1);
  g_assert_cmpstr (lia_affiliation_get_unit (affiliations->pdata[0]), ==, "R&D Department");
}

int
main (int   argc,
      char *argv[])
{
  int skip = 0;

  if (!lia_test_pg_init (&argc, &argv, &skip))
    return skip;

  g_test_add ("/interop/xcard/every-file", StoreFixture, NULL,
              lia_test_pg_files_setup, test_interop_xcard, lia_test_pg_files_teardown);
  g_test_add ("/interop/xcard/kolab-sample-dude", StoreFixture, NULL,
              lia_test_pg_files_setup, test_kolab_sample_dude, lia_test_pg_files_teardown);

  return g_test_run ();
}
