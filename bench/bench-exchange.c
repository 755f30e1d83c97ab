/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-exchange"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <stdio.h>
#include <string.h>

#include "lia-exporter.h"
#include "lia-importer.h"
#include "lia-store-bulk.h"

/* Importing and exporting a partner directory of any size, against the floor: the time
 * `xmllint --stream --noout` takes just to parse the same file. Targets (issue "partner
 * directories"): import within 4x and export within 2x of that floor, peak RSS under 150 MB for
 * any size. Prints figures; fails only on errors and wrong counts, never on time. */

static double scale = 1.0;
static char *generator = NULL;
static char *work_dir = NULL;
static gboolean keep = FALSE;
static gboolean reuse = FALSE;
static char *location = NULL;
static char *liaison = NULL;

static const GOptionEntry entries[] = {
  { "scale", 's', 0, G_OPTION_ARG_DOUBLE, &scale,
    "Size relative to 10k organizations, 100k contacts, 1M interactions, 100k commitments", "F" },
  { "generator", 'g', 0, G_OPTION_ARG_FILENAME, &generator, "The bench-directory-gen program", "PATH" },
  { "dir", 'd', 0, G_OPTION_ARG_FILENAME, &work_dir, "Where to put the files (a new folder)", "DIR" },
  { "keep", 'k', 0, G_OPTION_ARG_NONE, &keep, "Keep the files", NULL },
  { "reuse", 'r', 0, G_OPTION_ARG_NONE, &reuse,
    "Use the directory a --keep run left in --dir instead of generating it again (implies --keep)", NULL },
  { "database", 0, 0, G_OPTION_ARG_STRING, &location,
    "Import into this team server (an empty database that `liaison server init` made) "
    "instead of a new file in --dir", "URI" },
  { "liaison", 'l', 0, G_OPTION_ARG_FILENAME, &liaison,
    "Run the re-import as `PATH import` in a process of its own, as a person does (its peak RSS "
    "is then its own; without it, the re-import runs in this process after the import and the "
    "export, and its peak RSS counts what they left)", "PATH" },
  G_OPTION_ENTRY_NULL
};

/* "VmRSS" or "VmHWM" of this process, in KiB; 0 when unavailable. */
static gint64
read_status_kib (const char *field)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  gsize field_len = strlen (field);

  if (!g_file_get_contents ("/proc/self/status", &contents, NULL, NULL))
    return 0;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strncmp (lines[i], field, field_len) == 0 && lines[i][field_len] == ':')
      return g_ascii_strtoll (lines[i] + field_len + 1, NULL, 10);
  return 0;
}

/* Linux resets the peak ("VmHWM") when 5 is written to clear_refs. */
static void
reset_peak_rss (void)
{
  g_file_set_contents ("/proc/self/clear_refs", "5", 1, NULL);
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* CPU time (user + system) of this process, or of its waited-for children, in seconds. On a
 * machine others load, wall time swings with their work; CPU time much less, so the figures
 * are given both ways. */
static double
cpu_seconds (int who)
{
  struct rusage usage;

  if (getrusage (who, &usage) != 0)
    return 0;
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static double
run_seconds (const char * const *argv,
             double             *out_cpu)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  gint64 start = g_get_monotonic_time ();
  double cpu_start = cpu_seconds (RUSAGE_CHILDREN);

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
  if (process == NULL || !g_subprocess_wait_check (process, NULL, &error))
    g_error ("%s failed: %s", argv[0], error->message);
  if (out_cpu != NULL)
    *out_cpu = cpu_seconds (RUSAGE_CHILDREN) - cpu_start;
  return seconds_since (start);
}

/* Runs @argv with LIAISON_DATABASE set to @database, as a person runs `liaison import`: one
 * process for one import. Its CPU time and peak RSS (KiB) are its own, from wait4(). */
static double
run_own_process (const char * const *argv,
                 const char         *database,
                 double             *out_cpu,
                 gint64             *out_peak_kib)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "LIAISON_DATABASE", database, TRUE);
  gint64 start = g_get_monotonic_time ();
  struct rusage usage;
  GPid pid;
  int status;

  if (!g_spawn_async (NULL, (char **) argv, env,
                      G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, &pid, &error))
    g_error ("%s failed: %s", argv[0], error->message);
  while (wait4 (pid, &status, 0, &usage) < 0)
    if (errno != EINTR)
      g_error ("waiting for %s: %s", argv[0], g_strerror (errno));
  g_spawn_close_pid (pid);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s failed (status %d)", argv[0], status);
  *out_cpu = usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
             (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  *out_peak_kib = usage.ru_maxrss;
  return seconds_since (start);
}

static guint64
total_records (LiaStore *store)
{
  static const LiaRecordKind kinds[] = {
    LIA_RECORD_KIND_ORGANIZATION, LIA_RECORD_KIND_CONTACT, LIA_RECORD_KIND_INTERACTION,
    LIA_RECORD_KIND_COMMITMENT, LIA_RECORD_KIND_CONCERN,
  };
  guint64 total = 0;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      guint64 n = 0;
      g_autoptr(GError) error = NULL;

      if (!lia_store_count_records (store, kinds[i], FALSE, &n, &error))
        g_error ("%s", error->message);
      total += n;
    }
  return total;
}

static gint64
file_size (const char *path)
{
  GStatBuf st;
  return g_stat (path, &st) == 0 ? (gint64) st.st_size : 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- import and export benchmark");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *database = NULL;
  g_autofree char *scale_text = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(LiaImporter) importer = NULL;
  g_autoptr(LiaImporter) again = NULL;
  g_autoptr(LiaExporter) exporter = NULL;
  double generate_s, floor_s, import_s, export_s, merge_s;
  double floor_cpu, import_cpu, export_cpu, merge_cpu, cpu_start;
  gint64 import_peak, export_peak, merge_peak, start;
  guint64 records, imported;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (generator == NULL)
    {
      g_printerr ("--generator is required\n");
      return 2;
    }

  dir = work_dir != NULL ? g_strdup (work_dir) : g_dir_make_tmp ("liaison-bench-exchange-XXXXXX", &error);
  if (dir == NULL || g_mkdir_with_parents (dir, 0700) != 0)
    g_error ("no folder to work in: %s", error ? error->message : g_strerror (errno));
  directory = g_build_filename (dir, "directory.xml", NULL);
  exported = g_build_filename (dir, "exported.xml", NULL);
  if (location != NULL && !lia_store_location_is_server (location))
    {
      g_printerr ("--database names a team server (a file goes in --dir)\n");
      return 2;
    }
  database = location != NULL ? g_strdup (location) : g_build_filename (dir, "bench.db", NULL);
  if (location == NULL)
    g_unlink (database);

  scale_text = g_strdup_printf ("%g", scale);
  keep = keep || reuse;
  if (reuse && g_file_test (directory, G_FILE_TEST_EXISTS))
    generate_s = 0;
  else
    {
      const char *gen_argv[] = { generator, "--scale", scale_text, "--output", directory, NULL };
      generate_s = run_seconds (gen_argv, NULL);
    }

  /* The floor: parsing alone, twice, keeping the faster (the first also warms the cache). */
  {
    const char *lint_argv[] = { "xmllint", "--stream", "--noout", directory, NULL };
    double first_cpu, second_cpu;
    double first = run_seconds (lint_argv, &first_cpu);
    double second = run_seconds (lint_argv, &second_cpu);
    floor_s = MIN (first, second);
    floor_cpu = MIN (first_cpu, second_cpu);
  }

  g_print ("# bench-exchange, scale %g (%s build)\n", scale, BENCH_BUILDTYPE);
  if (generate_s > 0)
    g_print ("file                 %.1f MB (generated in %.2f s)\n", file_size (directory) / 1e6, generate_s);
  else
    g_print ("file                 %.1f MB (reused: make sure it was generated at this scale)\n",
             file_size (directory) / 1e6);
  g_print ("floor (xmllint)      %.2f s, CPU %.2f s\n", floor_s, floor_cpu);

  if (!(store = lia_store_open (database, &error)))
    g_error ("%s", error->message);
  g_print ("database             %s\n", location != NULL ? lia_store_get_display_name (store) : "a new file");
  /* A server is never emptied from here: the figures are those of an import into nothing. */
  if (total_records (store) != 0)
    g_error ("%s is not empty: import into a database that liaison server init has just made",
             lia_store_get_display_name (store));

  /* Import into an empty database. */
  file = g_file_new_for_path (directory);
  importer = lia_importer_new (file);
  reset_peak_rss ();
  cpu_start = cpu_seconds (RUSAGE_SELF);
  start = g_get_monotonic_time ();
  if (!lia_importer_run (importer, store, NULL, &error))
    g_error ("import failed: %s", error->message);
  import_s = seconds_since (start);
  import_cpu = cpu_seconds (RUSAGE_SELF) - cpu_start;
  import_peak = read_status_kib ("VmHWM");
  imported = lia_importer_get_records_read (importer);
  records = total_records (store);
  g_print ("import               %.2f s, %.0f records/s, %.2fx floor, peak RSS %.1f MiB (%" G_GUINT64_FORMAT " records)\n",
           import_s, imported / import_s, import_s / floor_s, import_peak / 1024.0, imported);
  g_print ("import CPU           %.2f s, %.2fx the floor's CPU\n", import_cpu, import_cpu / floor_cpu);
  if (lia_importer_get_total (importer, LIA_IMPORT_CREATED) < records)
    g_error ("created %" G_GUINT64_FORMAT " records, the database has %" G_GUINT64_FORMAT,
             lia_importer_get_total (importer, LIA_IMPORT_CREATED), records);

  /* Export all of it. */
  out = g_file_new_for_path (exported);
  exporter = lia_exporter_new (out, LIA_EXCHANGE_FORMAT_DIRECTORY);
  reset_peak_rss ();
  cpu_start = cpu_seconds (RUSAGE_SELF);
  start = g_get_monotonic_time ();
  if (!lia_exporter_run (exporter, store, NULL, &error))
    g_error ("export failed: %s", error->message);
  export_s = seconds_since (start);
  export_cpu = cpu_seconds (RUSAGE_SELF) - cpu_start;
  export_peak = read_status_kib ("VmHWM");
  g_print ("export               %.2f s, %.0f records/s, %.2fx floor, peak RSS %.1f MiB (%.1f MB written)\n",
           export_s, lia_exporter_get_records_written (exporter) / export_s, export_s / floor_s,
           export_peak / 1024.0, file_size (exported) / 1e6);
  g_print ("export CPU           %.2f s, %.2fx the floor's CPU\n", export_cpu, export_cpu / floor_cpu);
  if (lia_exporter_get_records_written (exporter) != records)
    g_error ("exported %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT " records",
             lia_exporter_get_records_written (exporter), records);

  /* The same file again: a merge that finds everything unchanged. A person runs it in a
   * process of its own; in this one, its peak RSS would count what the import and the export
   * left in the heap before it (docs/performance.md, "A re-import at full size"). */
  if (liaison != NULL)
    {
      const char *import_argv[] = { liaison, "import", directory, NULL };

      merge_s = run_own_process (import_argv, database, &merge_cpu, &merge_peak);
      if (total_records (store) != records)
        g_error ("the second import created records: %" G_GUINT64_FORMAT " instead of %" G_GUINT64_FORMAT,
                 total_records (store), records);
      g_print ("re-import (merge)    %.2f s, %.0f records/s, %.2fx floor, peak RSS %.1f MiB"
               " (`liaison import`, a process of its own), 0 created\n",
               merge_s, imported / merge_s, merge_s / floor_s, merge_peak / 1024.0);
      g_print ("re-import CPU        %.2f s, %.2fx the floor's CPU (with loading the program)\n",
               merge_cpu, merge_cpu / floor_cpu);
    }
  else
    {
      again = lia_importer_new (file);
      reset_peak_rss ();
      cpu_start = cpu_seconds (RUSAGE_SELF);
      start = g_get_monotonic_time ();
      if (!lia_importer_run (again, store, NULL, &error))
        g_error ("second import failed: %s", error->message);
      merge_s = seconds_since (start);
      merge_cpu = cpu_seconds (RUSAGE_SELF) - cpu_start;
      merge_peak = read_status_kib ("VmHWM");
      g_print ("re-import (merge)    %.2f s, %.0f records/s, %.2fx floor, peak RSS %.1f MiB"
               " (in this process, after the import and the export: see --liaison), %" G_GUINT64_FORMAT " created\n",
               merge_s, imported / merge_s, merge_s / floor_s, merge_peak / 1024.0,
               lia_importer_get_total (again, LIA_IMPORT_CREATED));
      g_print ("re-import CPU        %.2f s, %.2fx the floor's CPU\n", merge_cpu, merge_cpu / floor_cpu);
      if (lia_importer_get_total (again, LIA_IMPORT_CREATED) != 0)
        g_error ("the second import created records");
    }

  g_clear_object (&store);
  if (!keep)
    {
      g_autofree char *wal = g_strconcat (database, "-wal", NULL);
      g_autofree char *shm = g_strconcat (database, "-shm", NULL);
      g_unlink (directory);
      g_unlink (exported);
      if (location == NULL)
        {
          g_unlink (database);
          g_unlink (wal);
          g_unlink (shm);
        }
      if (work_dir == NULL)
        g_rmdir (dir);
    }

  return 0;
}
