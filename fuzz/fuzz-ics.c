/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "lia-importer.h"

/* libFuzzer target: any bytes as an iCalendar file. Inputs that do not start as one are given
 * a BEGIN:VCALENDAR line, so that every run reaches the calendar reader (its first pass over
 * the text, then libical) instead of the XML formats. Each run is a dry run into one empty
 * database, which must be left without an open transaction.
 *
 *   CC=clang meson setup build-fuzz -Dfuzzing=true -Dtests=false -Dbench=false
 *   ninja -C build-fuzz fuzz/fuzz-ics
 *   build-fuzz/fuzz/fuzz-ics -max_total_time=120 -dict=fuzz/ics.dict /tmp/fuzz-ics fuzz/corpus-ics
 */

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static LiaStore *store;
static char *input_path;

static void
set_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("liaison-fuzz-ics-XXXXXX", &error);
  g_autofree char *database = NULL;

  g_assert_no_error (error);
  database = g_build_filename (dir, "fuzz.db", NULL);
  input_path = g_build_filename (dir, "input.ics", NULL);
  store = lia_store_open (database, &error);
  g_assert_no_error (error);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const char begin[] = "BEGIN:VCALENDAR\r\n";
  g_autoptr(GByteArray) text = g_byte_array_sized_new ((guint) size + sizeof begin);
  g_autoptr(GFile) file = NULL;
  g_autoptr(LiaImporter) importer = NULL;
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    set_up ();

  if (size < sizeof begin - 3 || g_ascii_strncasecmp ((const char *) data, begin, sizeof begin - 3) != 0)
    g_byte_array_append (text, (const guint8 *) begin, sizeof begin - 1);
  g_byte_array_append (text, data, (guint) size);

  if (!g_file_set_contents (input_path, (const char *) text->data, (gssize) text->len, &error))
    g_error ("%s", error->message);

  file = g_file_new_for_path (input_path);
  importer = lia_importer_new (file);
  lia_importer_set_dry_run (importer, TRUE);
  lia_importer_set_create_people (importer, TRUE);
  lia_importer_run (importer, store, NULL, &error);

  g_assert_false (lia_store_in_transaction (store));
  return 0;
}
