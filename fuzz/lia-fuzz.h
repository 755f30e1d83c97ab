/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-importer.h"

/* What the libFuzzer targets share: one empty database that every input is imported into as a
 * dry run, so that each starts from the same place, and a file of the right name to hold it. */

typedef struct
{
  LiaStore *store;
  char     *input_path;
} LiaFuzz;

/* The first time: a database and an input file called @input_name, in a folder of their own. */
static inline void
lia_fuzz_set_up (LiaFuzz    *fuzz,
                 const char *input_name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *database = NULL;

  if (fuzz->store != NULL)
    return;
  dir = g_dir_make_tmp ("liaison-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  database = g_build_filename (dir, "fuzz.db", NULL);
  fuzz->input_path = g_build_filename (dir, input_name, NULL);
  fuzz->store = lia_store_open (database, &error);
  g_assert_no_error (error);
}

/* Puts @data in the input file and imports it as a dry run; an error is fine, a transaction
 * left open is not. Returns the input file. */
static inline GFile *
lia_fuzz_import (LiaFuzz      *fuzz,
                 const guint8 *data,
                 gsize         size)
{
  g_autoptr(LiaImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  GFile *file;

  if (!g_file_set_contents (fuzz->input_path, (const char *) data, (gssize) size, &error))
    g_error ("%s", error->message);

  file = g_file_new_for_path (fuzz->input_path);
  importer = lia_importer_new (file);
  lia_importer_set_dry_run (importer, TRUE);
  lia_importer_run (importer, fuzz->store, NULL, NULL);

  g_assert_false (lia_store_in_transaction (fuzz->store));
  return file;
}
