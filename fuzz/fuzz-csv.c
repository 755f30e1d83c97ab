/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "lia-csv.h"
#include "lia-importer.h"

/* libFuzzer target: any bytes as a CSV contact list (docs/csv.md). The file is called
 * input.csv, so the importer reads it as CSV whatever its header; it is imported as a dry run
 * (the database stays empty) and previewed the way the column-mapping page does. Both must
 * return without crashing, hanging or leaking; an error is fine.
 *
 *   CC=clang meson setup build-fuzz -Dfuzzing=true -Dtests=false -Dbench=false
 *   ninja -C build-fuzz fuzz/fuzz-csv
 *   build-fuzz/fuzz/fuzz-csv -max_total_time=120 -dict=fuzz/csv.dict /tmp/csv-corpus fuzz/corpus-csv
 */

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static LiaStore *store;
static char *input_path;

static void
set_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("liaison-fuzz-csv-XXXXXX", &error);
  g_autofree char *database = NULL;

  g_assert_no_error (error);
  database = g_build_filename (dir, "fuzz.db", NULL);
  input_path = g_build_filename (dir, "input.csv", NULL);
  store = lia_store_open (database, &error);
  g_assert_no_error (error);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(LiaImporter) importer = NULL;
  g_autoptr(LiaCsvPreview) preview = NULL;
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    set_up ();

  if (!g_file_set_contents (input_path, (const char *) data, (gssize) size, &error))
    g_error ("%s", error->message);

  file = g_file_new_for_path (input_path);
  importer = lia_importer_new (file);
  lia_importer_set_dry_run (importer, TRUE);
  lia_importer_run (importer, store, NULL, &error);
  g_clear_error (&error);

  /* Whatever happened, nothing may be left half done. */
  g_assert_false (lia_store_in_transaction (store));

  preview = lia_csv_preview_new (file, 5, NULL, &error);
  if (preview != NULL)
    for (guint i = 0; i < preview->rows->len; i++)
      g_assert_cmpuint (g_strv_length (g_ptr_array_index (preview->rows, i)), ==, g_strv_length (preview->columns));
  return 0;
}
