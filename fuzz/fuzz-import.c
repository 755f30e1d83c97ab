/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "lia-importer.h"

/* libFuzzer target: any bytes as a partner directory or xCard file. The importer must return
 * (an error is fine) without crashing, hanging, leaking the sanitizers' way or growing; each
 * run is a dry run, so the database stays empty and every input starts from the same place.
 *
 *   CC=clang meson setup build-fuzz -Dfuzzing=true -Dtests=false -Dbench=false
 *   ninja -C build-fuzz fuzz/fuzz-import
 *   build-fuzz/fuzz/fuzz-import -max_total_time=600 -dict=fuzz/directory.dict fuzz/corpus
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
  input_path = g_build_filename (dir, "input.xml", NULL);
  store = lia_store_open (database, &error);
  g_assert_no_error (error);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(LiaImporter) importer = NULL;
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    set_up ();

  if (!g_file_set_contents (input_path, (const char *) data, (gssize) size, &error))
    g_error ("%s", error->message);

  file = g_file_new_for_path (input_path);
  importer = lia_importer_new (file);
  lia_importer_set_dry_run (importer, TRUE);
  lia_importer_run (importer, store, NULL, &error);

  /* Whatever happened, nothing may be left half done. */
  g_assert_false (lia_store_in_transaction (store));
  return 0;
}
