/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lia-importer.h"

/* libFuzzer target for the vCard reader: any bytes as a vCard file (with "BEGIN:VCARD" put in
 * front when they do not start like one, so that every input reaches the reader rather than
 * the XML parser). Splitting, charsets, quoted-printable, folding, EVCard and the matching of
 * lia-card-import.c must return, an error being fine, without crashing, hanging or leaking.
 * Each run is a dry run on the same empty database.
 *
 *   CC=clang meson setup build-fuzz -Dfuzzing=true -Dtests=false -Dbench=false
 *   ninja -C build-fuzz fuzz/fuzz-vcard
 *   build-fuzz/fuzz/fuzz-vcard -max_total_time=120 -dict=fuzz/vcard.dict fuzz/corpus-vcard
 */

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static LiaStore *store;
static char *input_path;

static void
set_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("liaison-fuzz-XXXXXX", &error);
  g_autofree char *database = NULL;

  g_assert_no_error (error);
  database = g_build_filename (dir, "fuzz.db", NULL);
  input_path = g_build_filename (dir, "input.vcf", NULL);
  store = lia_store_open (database, &error);
  g_assert_no_error (error);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const char begin[] = "BEGIN:VCARD\r\n";
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(LiaImporter) importer = NULL;
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    set_up ();

  if (size < strlen (begin) || g_ascii_strncasecmp ((const char *) data, begin, strlen (begin) - 2) != 0)
    g_byte_array_append (bytes, (const guint8 *) begin, strlen (begin));
  g_byte_array_append (bytes, data, (guint) size);

  if (!g_file_set_contents (input_path, (const char *) bytes->data, (gssize) bytes->len, &error))
    g_error ("%s", error->message);

  file = g_file_new_for_path (input_path);
  importer = lia_importer_new (file);
  lia_importer_set_dry_run (importer, TRUE);
  lia_importer_run (importer, store, NULL, &error);

  /* Whatever happened, nothing may be left half done. */
  g_assert_false (lia_store_in_transaction (store));
  return 0;
}
