/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lia-csv.h"
#include "lia-fuzz.h"

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

static LiaFuzz fuzz;

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(LiaCsvPreview) preview = NULL;

  lia_fuzz_set_up (&fuzz, "input.csv");
  file = lia_fuzz_import (&fuzz, data, size);

  preview = lia_csv_preview_new (file, 5, NULL, NULL);
  if (preview != NULL)
    for (guint i = 0; i < preview->rows->len; i++)
      g_assert_cmpuint (g_strv_length (g_ptr_array_index (preview->rows, i)), ==, g_strv_length (preview->columns));
  return 0;
}
