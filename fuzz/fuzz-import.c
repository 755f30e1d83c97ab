/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lia-fuzz.h"

/* libFuzzer target: any bytes as a partner directory or xCard file. The importer must return
 * (an error is fine) without crashing, hanging, leaking the sanitizers' way or growing; each
 * run is a dry run, so the database stays empty and every input starts from the same place.
 *
 *   CC=clang meson setup build-fuzz -Dfuzzing=true -Dtests=false -Dbench=false
 *   ninja -C build-fuzz fuzz/fuzz-import
 *   build-fuzz/fuzz/fuzz-import -max_total_time=600 -dict=fuzz/directory.dict fuzz/corpus
 */

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static LiaFuzz fuzz;

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GFile) file = NULL;

  lia_fuzz_set_up (&fuzz, "input.xml");
  file = lia_fuzz_import (&fuzz, data, size);
  return 0;
}
