/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-ui"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <time.h>
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "lia-list-model-private.h"
#include "lia-window-private.h"

#include "bench-data.h"

/* UI benchmark: the real LiaWindow on the benchmark database (10k organizations, 100k contacts,
 * 1M interactions, 100k commitments at --scale 1), in this process, on whatever display GDK
 * finds (Xvfb in practice; see docs/performance.md for the command). It measures
 *
 *  - launch to first frame: from just before the database is opened to the end of the paint
 *    phase (GdkFrameClock::after-paint) of the first frame after the window is mapped, that is
 *    when the first image of the window with its lists has been handed to the display server;
 *  - search: from setting a query in the window's search entry (what typing does) to the
 *    after-paint of the frame that shows the results, and separately the synchronous part
 *    (the entry's "changed" handler: the query and building the result rows);
 *  - scrolling: the time from moving the timeline by half a page to the frame painted, for
 *    the first pages;
 *  - memory: RSS with the timeline shown, then after scrolling it from the first row to the
 *    last through the list view's "list.scroll-to-item" action, one frame painted per step.
 *
 * It prints figures and never decides pass or fail on time: it fails only on errors, so that a
 * tiny-scale run (bench-ui-smoke in the ui suite) keeps this code from rotting.
 *
 * The fill draws from the same per-phase GRand seeds as bench-store, so a database filled by
 * either program at the same --scale and --seed holds the same data and can be reused with
 * --skip-fill by both. */

#ifndef BENCH_BUILDTYPE
#define BENCH_BUILDTYPE "unknown"
#endif

#define FULL_ORGANIZATIONS 10000
#define FULL_CONTACTS      100000
#define FULL_INTERACTIONS  1000000
#define FULL_COMMITMENTS   100000
#define BATCH_SIZE         10000
#define FRAME_TIMEOUT_S    30
#define SMOOTH_FRAMES      120

typedef struct
{
  double    scale;
  char     *database;
  int       seed;
  gboolean  skip_fill;
  int       n_queries;
  int       scroll_steps;
  int       launches;
  int       fetches;
  gboolean  scroll_only;
  gboolean  cold;
} Options;

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                     */

static double
ms_between (gint64 start_us,
            gint64 end_us)
{
  return (end_us - start_us) / 1000.0;
}

static guint
scaled (guint  full,
        double scale)
{
  double n = floor (full * scale + 0.5);

  return n < 1 ? 1 : (guint) n;
}

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
    {
      if (strncmp (lines[i], field, field_len) == 0 && lines[i][field_len] == ':')
        return g_ascii_strtoll (lines[i] + field_len + 1, NULL, 10);
    }

  return 0;
}

/* CPU time (user + system) of this process, in ms: on a loaded machine wall time swings with
 * the other processes' work, CPU time much less. */
static double
cpu_ms (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return 0;
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

/* CPU time of the calling thread (the main loop's), in µs. */
static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
    return 0;
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static double
mib (gint64 kib)
{
  return kib / 1024.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Nearest-rank percentile of a sorted array. */
static double
percentile (const double *sorted,
            guint         n,
            double        p)
{
  guint rank;

  g_assert (n > 0);
  rank = (guint) ceil (p * n);
  rank = CLAMP (rank, 1, n);
  return sorted[rank - 1];
}

static void
print_distribution (const char *what,
                    GArray     *ms)
{
  g_array_sort (ms, compare_doubles);
  g_print ("%-34s p50 %7.2f ms  p95 %7.2f ms  max %7.2f ms  (n = %u)\n", what,
           percentile ((double *) ms->data, ms->len, 0.50),
           percentile ((double *) ms->data, ms->len, 0.95),
           g_array_index (ms, double, ms->len - 1), ms->len);
}

/* One line of the table of targets: p50, p95 and max of @ms against a p95 target. */
static void
print_figure (const char *what,
              GArray     *ms,
              double      target_p95)
{
  double p95;

  g_array_sort (ms, compare_doubles);
  p95 = percentile ((double *) ms->data, ms->len, 0.95);
  g_print ("FIGURE %-38s p50 %7.2f ms  p95 %7.2f ms  max %7.2f ms  (n = %u; target p95 ≤ %.1f ms: %s)\n",
           what, percentile ((double *) ms->data, ms->len, 0.50), p95,
           g_array_index (ms, double, ms->len - 1), ms->len, target_p95,
           p95 <= target_p95 ? "met" : "missed");
}

/* The figures and the generated names are UTF-8 whatever the locale. */
static void
print_raw_stdout (const char *text)
{
  fputs (text, stdout);
}

static void
print_raw_stderr (const char *text)
{
  fputs (text, stderr);
}

static void
print_heading (const char *title)
{
  g_print ("\n== %s ==\n", title);
}

static void
remove_database (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);

      if (g_unlink (p) != 0 && errno != ENOENT)
        g_printerr ("Could not remove %s: %s\n", p, g_strerror (errno));
    }
}

/* Pages of @path in the page cache (mincore), or -1 when it cannot be told. */
static gint64
resident_pages (const char *path)
{
  struct stat st;
  long page = sysconf (_SC_PAGESIZE);
  gint64 resident = 0;
  unsigned char *vec;
  size_t n_pages;
  void *map;
  int fd;

  fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return -1;
  if (fstat (fd, &st) != 0 || st.st_size == 0)
    {
      close (fd);
      return st.st_size == 0 ? 0 : -1;
    }
  map = mmap (NULL, (size_t) st.st_size, PROT_READ, MAP_SHARED, fd, 0);
  close (fd);
  if (map == MAP_FAILED)
    return -1;
  n_pages = ((size_t) st.st_size + (size_t) page - 1) / (size_t) page;
  vec = g_malloc (n_pages);
  if (mincore (map, (size_t) st.st_size, vec) == 0)
    {
      for (size_t i = 0; i < n_pages; i++)
        resident += vec[i] & 1;
    }
  else
    resident = -1;
  g_free (vec);
  munmap (map, (size_t) st.st_size);
  return resident;
}

/* --cold: drops the database file's pages (and its write-ahead log's) from the OS page cache,
 * as after a reboot or a night of other work, without root: posix_fadvise(DONTNEED) on a
 * file that has no dirty pages (written back first). The -shm index is left alone: it is
 * mapped by the open connections and rebuilt from the log when missing. Returns the pages
 * still resident afterwards, checked with mincore (0 when the eviction worked). */
static gint64
evict_database (const char *path)
{
  const char *suffixes[] = { "", "-wal" };
  gint64 left = 0;

  if (lia_store_location_is_server (path))
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);
      gint64 n;
      int fd = open (p, O_RDONLY | O_CLOEXEC);

      if (fd < 0)
        continue;
      (void) fdatasync (fd);
      (void) posix_fadvise (fd, 0, 0, POSIX_FADV_DONTNEED);
      close (fd);
      n = resident_pages (p);
      if (n > 0)
        left += n;
    }
  return left;
}

/* ------------------------------------------------------------------------------------------ */
/* Fill: bench-store's phases and seeds, without its per-phase report                          */

typedef struct
{
  LiaStore *store;
  guint     in_batch;
} Batch;

static GRand *
phase_rand (const Options *options,
            guint          phase)
{
  return g_rand_new_with_seed ((guint32) options->seed * 7919u + phase);
}

static gboolean
save_batched (Batch    *batch,
              gpointer  record,
              GError  **error)
{
  if (batch->in_batch == 0 && !lia_store_begin (batch->store, error))
    return FALSE;

  if (!lia_store_save (batch->store, LIA_RECORD (record), error))
    {
      lia_store_rollback (batch->store);
      batch->in_batch = 0;
      return FALSE;
    }

  if (++batch->in_batch == BATCH_SIZE)
    {
      batch->in_batch = 0;
      return lia_store_commit (batch->store, error);
    }

  return TRUE;
}

static gboolean
finish_batch (Batch   *batch,
              GError **error)
{
  if (batch->in_batch == 0)
    return TRUE;
  batch->in_batch = 0;
  return lia_store_commit (batch->store, error);
}

static gboolean
fill (const Options  *options,
      LiaStore       *store,
      BenchData      *data,
      GError        **error)
{
  Batch batch = { store, 0 };
  g_autoptr(GRand) rand = NULL;
  gint64 start = g_get_monotonic_time ();

  data->organization_ids = g_new0 (gint64, data->n_organizations);
  data->organization_city = g_new0 (guint8, data->n_organizations);
  data->organization_members = g_new0 (GArray *, data->n_organizations);
  for (guint i = 0; i < data->n_organizations; i++)
    data->organization_members[i] = g_array_new (FALSE, FALSE, sizeof (guint));
  data->contact_ids = g_new0 (gint64, data->n_contacts);
  /* The commitments refer back to interactions, their people and their days. */
  data->interaction_ids = g_new0 (gint64, data->n_interactions);
  data->interaction_contact = g_new0 (guint32, data->n_interactions);
  data->interaction_organization = g_new0 (guint32, data->n_interactions);
  data->interaction_julian = g_new0 (guint32, data->n_interactions);

  rand = phase_rand (options, 1);
  for (guint i = 0; i < data->n_organizations; i++)
    {
      guint city;
      g_autoptr(LiaOrganization) org = bench_data_new_organization (data, rand, i, &city);

      if (!save_batched (&batch, org, error))
        return FALSE;
      data->organization_ids[i] = lia_record_get_id (LIA_RECORD (org));
      data->organization_city[i] = (guint8) city;
    }
  if (!finish_batch (&batch, error))
    return FALSE;
  g_clear_pointer (&rand, g_rand_free);

  rand = phase_rand (options, 2);
  for (guint i = 0; i < data->n_contacts; i++)
    {
      g_autoptr(LiaContact) contact = bench_data_new_contact (rand, i);

      if (!save_batched (&batch, contact, error))
        return FALSE;
      data->contact_ids[i] = lia_record_get_id (LIA_RECORD (contact));
    }
  if (!finish_batch (&batch, error))
    return FALSE;
  g_clear_pointer (&rand, g_rand_free);

  rand = phase_rand (options, 3);
  for (guint i = 0; i < data->n_contacts; i++)
    {
      guint orgs[BENCH_DATA_MAX_AFFILIATIONS];
      g_autoptr(GPtrArray) affiliations = bench_data_new_affiliations (data, rand, i, orgs);

      for (guint a = 0; a < affiliations->len; a++)
        {
          if (!save_batched (&batch, affiliations->pdata[a], error))
            return FALSE;
          g_array_append_val (data->organization_members[orgs[a]], i);
          data->n_affiliations++;
        }
    }
  if (!finish_batch (&batch, error))
    return FALSE;
  g_clear_pointer (&rand, g_rand_free);

  rand = phase_rand (options, 4);
  for (guint i = 0; i < data->n_interactions; i++)
    {
      guint32 julian;
      guint org, contact;
      g_autoptr(LiaInteraction) interaction =
        bench_data_new_interaction (data, rand, i, &julian, &org, &contact);

      if (!save_batched (&batch, interaction, error))
        return FALSE;
      data->interaction_ids[i] = lia_record_get_id (LIA_RECORD (interaction));
      data->interaction_contact[i] = contact;
      data->interaction_organization[i] = org;
      data->interaction_julian[i] = julian;
      if ((i + 1) % MAX (data->n_interactions / 10, 1) == 0)
        g_print ("  … %u interactions after %.0f s\n", i + 1,
                 ms_between (start, g_get_monotonic_time ()) / 1000.0);
    }
  if (!finish_batch (&batch, error))
    return FALSE;
  g_clear_pointer (&rand, g_rand_free);

  rand = phase_rand (options, 5);
  for (guint i = 0; i < data->n_commitments; i++)
    {
      g_autoptr(LiaCommitment) commitment = bench_data_new_commitment (data, rand);

      if (!save_batched (&batch, commitment, error))
        return FALSE;
    }
  if (!finish_batch (&batch, error))
    return FALSE;

  g_clear_pointer (&data->interaction_ids, g_free);
  g_clear_pointer (&data->interaction_contact, g_free);
  g_clear_pointer (&data->interaction_organization, g_free);
  g_clear_pointer (&data->interaction_julian, g_free);
  g_print ("fill: %.1f s\n", ms_between (start, g_get_monotonic_time ()) / 1000.0);
  return TRUE;
}

static gboolean
check_counts (LiaStore         *store,
              const BenchData  *data,
              GError          **error)
{
  LiaStoreCounts counts;

  if (!lia_store_get_counts (store, &counts, error))
    return FALSE;

  g_print ("database: %" G_GINT64_FORMAT " organizations, %" G_GINT64_FORMAT " contacts, %"
           G_GINT64_FORMAT " interactions, %" G_GINT64_FORMAT " commitments (%" G_GINT64_FORMAT
           " open)\n", counts.organizations, counts.contacts, counts.interactions,
           counts.commitments, counts.open_commitments);

  if (counts.organizations != data->n_organizations || counts.contacts != data->n_contacts ||
      counts.interactions != data->n_interactions || counts.commitments != data->n_commitments)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "The database does not hold what this --scale writes (with --skip-fill, "
                   "pass the --scale the database was filled with)");
      return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Frames                                                                                      */

/* The window's frame clock counts the frames it has painted; waiting for the count to pass a
 * value is waiting for the first frame painted after something changed. */
typedef struct
{
  GdkFrameClock *clock;
  gulong         handler;
  gulong         before_handler;
  gulong         layout_handler;
  gulong         paint_handler;
  guint64        painted;
  gint64         frame_start_us;     /* before-paint of the frame being made */
  gint64         frame_layout_us;    /* end of its layout phase (measure and allocate) */
  gint64         frame_render_us;    /* end of its paint phase (snapshot and render) */
  gint64         last_start_us;      /* before-paint of the last frame painted */
  gint64         last_layout_us;     /* end of the layout phase of the last frame painted */
  gint64         last_render_us;     /* end of the paint phase of the last frame painted */
  gint64         last_paint_us;      /* after-paint of the last frame painted */
  gint64         frame_start_cpu_us; /* the main thread's CPU time at before-paint */
  gint64         last_cpu_us;        /* CPU time of the last frame painted, before- to after-paint */
} Frames;

static void
on_before_paint_cb (GdkFrameClock *clock,
                    Frames        *frames)
{
  frames->frame_start_us = g_get_monotonic_time ();
  frames->frame_start_cpu_us = thread_cpu_us ();
  frames->frame_layout_us = frames->frame_start_us;
  frames->frame_render_us = frames->frame_start_us;
}

/* Connected "after": the window lays itself out in the clock's "layout" (its handler is
 * connected anew whenever a layout is needed, so after this one) and draws in its "paint";
 * these run at the end of each phase. */
static void
on_layout_cb (GdkFrameClock *clock,
              Frames        *frames)
{
  frames->frame_layout_us = g_get_monotonic_time ();
}

static void
on_paint_cb (GdkFrameClock *clock,
             Frames        *frames)
{
  frames->frame_render_us = g_get_monotonic_time ();
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Frames        *frames)
{
  frames->painted++;
  frames->last_start_us = frames->frame_start_us;
  frames->last_layout_us = MAX (frames->frame_layout_us, frames->frame_start_us);
  frames->last_render_us = MAX (frames->frame_render_us, frames->last_layout_us);
  frames->last_paint_us = g_get_monotonic_time ();
  frames->last_cpu_us = thread_cpu_us () - frames->frame_start_cpu_us;
}

static void
on_map_cb (GtkWidget *widget,
           Frames    *frames)
{
  frames->clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  frames->before_handler = g_signal_connect (frames->clock, "before-paint",
                                             G_CALLBACK (on_before_paint_cb), frames);
  frames->layout_handler = g_signal_connect_after (frames->clock, "layout",
                                                   G_CALLBACK (on_layout_cb), frames);
  frames->paint_handler = g_signal_connect_after (frames->clock, "paint",
                                                  G_CALLBACK (on_paint_cb), frames);
  frames->handler = g_signal_connect (frames->clock, "after-paint",
                                      G_CALLBACK (on_after_paint_cb), frames);
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until a frame after the @after-th has been painted. */
static gboolean
wait_for_frame (Frames   *frames,
                guint64   after,
                GError  **error)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (FRAME_TIMEOUT_S, timeout_cb, &timed_out);

  while (frames->painted <= after && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                   "No frame was painted in %d s: is there a display (run under xvfb-run)?",
                   FRAME_TIMEOUT_S);
      return FALSE;
    }

  g_source_remove (id);
  return TRUE;
}

/* Lets pending idle work (counts, bindings) run and the frame clock go quiet, so that the next
 * measurement starts from rest rather than in the middle of a frame. */
static void
settle (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The list view (or grid view) that shows @model (through its selection model) under
 * @widget. */
static GtkWidget *
find_list_view (GtkWidget  *widget,
                GListModel *model)
{
  if (GTK_IS_LIST_VIEW (widget) || GTK_IS_GRID_VIEW (widget))
    {
      GtkSelectionModel *selection = GTK_IS_LIST_VIEW (widget)
                                     ? gtk_list_view_get_model (GTK_LIST_VIEW (widget))
                                     : gtk_grid_view_get_model (GTK_GRID_VIEW (widget));
      g_autoptr(GListModel) shown = NULL;

      if (GTK_IS_SINGLE_SELECTION (selection))
        shown = g_object_ref (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection)));
      if (shown == model)
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_view (child, model);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* ------------------------------------------------------------------------------------------ */
/* Phases                                                                                      */

/* Opens the database and a window on it, and runs the main loop until its first frame is
 * painted; @steps gets open, construct, present, until the first paint and the total in ms. */
static LiaWindow *
launch (const Options  *options,
        Frames         *frames,
        LiaStore      **out_store,
        double          steps[6],
        GError        **error)
{
  gint64 start, opened, constructed, presented, start_cpu;
  LiaWindow *window;

  if (options->cold)
    {
      gint64 left = evict_database (options->database);

      if (left != 0)
        g_print ("  (--cold: %" G_GINT64_FORMAT " pages of the database still in the page cache)\n",
                 left);
    }
  start = g_get_monotonic_time ();
  start_cpu = thread_cpu_us ();
  *out_store = lia_store_open (options->database, error);
  if (*out_store == NULL)
    return NULL;
  opened = g_get_monotonic_time ();

  window = lia_window_new (NULL, *out_store, NULL);
  constructed = g_get_monotonic_time ();
  g_signal_connect (window, "map", G_CALLBACK (on_map_cb), frames);
  gtk_window_present (GTK_WINDOW (window));
  presented = g_get_monotonic_time ();

  if (!wait_for_frame (frames, 0, error))
    return window;

  steps[0] = ms_between (start, opened);
  steps[1] = ms_between (opened, constructed);
  steps[2] = ms_between (constructed, presented);
  steps[3] = ms_between (presented, frames->last_paint_us);
  steps[4] = ms_between (start, frames->last_paint_us);
  /* The main thread's CPU time up to just after that paint: the rest of the wall time is
   * waiting, for the disk (--cold) or for the other processes on the machine. */
  steps[5] = ms_between (start_cpu, thread_cpu_us ());
  return window;
}

static void
frames_clear (Frames *frames)
{
  if (frames->clock != NULL)
    {
      g_clear_signal_handler (&frames->handler, frames->clock);
      g_clear_signal_handler (&frames->before_handler, frames->clock);
      g_clear_signal_handler (&frames->layout_handler, frames->clock);
      g_clear_signal_handler (&frames->paint_handler, frames->clock);
    }
  g_clear_object (&frames->clock);
}

static LiaWindow *
run_first_frame (const Options  *options,
                 Frames         *frames,
                 LiaStore      **out_store,
                 GError        **error)
{
  g_autoptr(GArray) totals = g_array_new (FALSE, FALSE, sizeof (double));
  double steps[6];
  LiaWindow *window;

  print_heading (options->cold ? "Launch to first frame (cold: the database out of the page cache)"
                                : "Launch to first frame");
  g_print ("RSS before opening: %.1f MiB\n", mib (read_status_kib ("VmRSS")));

  window = launch (options, frames, out_store, steps, error);
  if (window == NULL || (error != NULL && *error != NULL))
    return window;

  g_print ("open the database:      %8.1f ms\n", steps[0]);
  g_print ("construct the window:   %8.1f ms\n", steps[1]);
  g_print ("present (realize, map): %8.1f ms\n", steps[2]);
  g_print ("until the first paint:  %8.1f ms\n", steps[3]);
  g_print ("launch to first frame:  %8.1f ms   (target ≤ 300 ms)\n", steps[4]);
  g_print ("  of it the main thread's CPU: %.1f ms\n", steps[5]);
  /* On a big database Today reads its sections in a thread: when they are in. */
  {
    gint64 start = g_get_monotonic_time ();

    while (window->today_view != NULL && _lia_today_view_get_loading (window->today_view))
      g_main_context_iteration (NULL, TRUE);
    g_print ("then Today's sections:  %8.1f ms later\n", ms_between (start, g_get_monotonic_time ()));
    /* And the sidebar's counts, also read in a thread on a big database. */
    while (_lia_window_get_counting (window))
      g_main_context_iteration (NULL, TRUE);
    g_print ("then the sidebar's counts: %5.1f ms after the first frame\n",
             ms_between (frames->last_paint_us, g_get_monotonic_time ()));
  }
  /* In a new language (LC_COLLATE) the contacts' keys are made again in a thread, the
   * window shown meanwhile (lia_store_adopt_collation_async()): when they are in. */
  if (_lia_window_get_sorting (window))
    {
      gint64 start = g_get_monotonic_time ();

      while (_lia_window_get_sorting (window))
        g_main_context_iteration (NULL, TRUE);
      g_print ("then contacts re-keyed:  %8.1f ms later (a new language, in a thread)\n",
               ms_between (start, g_get_monotonic_time ()));
    }
  g_print ("RSS after the first frame: %.1f MiB\n", mib (read_status_kib ("VmRSS")));
  g_array_append_val (totals, steps[4]);

  /* More launches in this process, each with its own connection and window, the first one
   * still shown: what a second window costs, and the spread. */
  for (int i = 1; i < options->launches; i++)
    {
      g_autoptr(LiaStore) store = NULL;
      Frames more = { 0 };
      LiaWindow *other;

      /* At rest first: the last window's Today may still be reading in a thread. */
      settle (1000);
      other = launch (options, &more, &store, steps, error);
      frames_clear (&more);
      if (other != NULL)
        gtk_window_destroy (GTK_WINDOW (other));
      if (other == NULL || *error != NULL)
        return window;
      g_print ("  launch %d: open %.1f, construct %.1f, present %.1f, paint %.1f: %.1f ms "
               "(main thread's CPU %.1f ms)\n",
               i + 1, steps[0], steps[1], steps[2], steps[3], steps[4], steps[5]);
      g_array_append_val (totals, steps[4]);
    }
  print_figure ("launch to first frame:", totals, 300.0);

  return window;
}

/* A page fetch in a new model of the whole timeline before it has had any idle time: the
 * cost of the first far jump right after a list appears. */
static gboolean
run_page_fetch (const Options  *options,
                LiaStore       *store,
                GError        **error)
{
  g_autoptr(GRand) rand = phase_rand (options, 31);
  g_autoptr(GArray) fetch_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) model_ms = g_array_new (FALSE, FALSE, sizeof (double));

  print_heading (options->cold ? "Page fetch before the idle walk (cold: the database out of the page cache)"
                                : "Page fetch before the idle walk");

  for (int i = 0; i < options->fetches; i++)
    {
      g_autoptr(LiaListModel) model = NULL;
      g_autoptr(GObject) item = NULL;
      gint64 start;
      double ms;
      guint n, position;

      if (options->cold)
        (void) evict_database (options->database);
      start = g_get_monotonic_time ();
      model = lia_list_model_new_timeline (store, NULL);
      ms = ms_between (start, g_get_monotonic_time ());
      g_array_append_val (model_ms, ms);
      n = g_list_model_get_n_items (G_LIST_MODEL (model));
      if (n == 0 || lia_list_model_get_error (model) != NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The timeline model has no rows");
          return FALSE;
        }
      /* Anywhere but the first and last pages, which are cheap from either end. */
      position = n > 4 * LIA_LIST_MODEL_PAGE_SIZE
                 ? (guint) g_rand_int_range (rand, 2 * LIA_LIST_MODEL_PAGE_SIZE,
                                             (gint32) (n - 2 * LIA_LIST_MODEL_PAGE_SIZE))
                 : n / 2;
      start = g_get_monotonic_time ();
      item = g_list_model_get_item (G_LIST_MODEL (model), position);
      ms = ms_between (start, g_get_monotonic_time ());
      if (item == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "No row at %u of %u", position, n);
          return FALSE;
        }
      g_array_append_val (fetch_ms, ms);
    }

  print_distribution ("new model of the whole timeline:", model_ms);
  print_figure ("page fetch before the idle walk:", fetch_ms, 5.0);
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Search queries drawn from the database itself                                              */

/* The words of @text (letters and digits, as the full-text tokenizer splits them) of at least
 * @min_chars characters, in a new array. */
static GPtrArray *
split_words (const char *text,
             guint       min_chars)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *p = text != NULL ? text : "";

  while (*p != '\0')
    {
      const char *start;
      guint n = 0;

      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          n++;
        }
      if (n >= min_chars)
        g_ptr_array_add (words, g_strndup (start, (gsize) (p - start)));
    }

  return words;
}

/* The first @n characters of @word, lowercased, as a person types them. */
static char *
typed_prefix (const char *word,
              guint       n)
{
  g_autofree char *lower = g_utf8_strdown (word, -1);
  const char *end = g_utf8_offset_to_pointer (lower, MIN ((glong) n, g_utf8_strlen (lower, -1)));

  return g_strndup (lower, (gsize) (end - lower));
}

/* A record of @kind picked at random among the first @count ids (the benchmark's databases
 * number them from 1 without gaps; a few misses are tolerated). */
static LiaRecord *
random_record (LiaStore      *store,
               GRand         *rand,
               LiaRecordKind  kind,
               gint64         count)
{
  for (guint attempt = 0; attempt < 20 && count > 0; attempt++)
    {
      gint64 id = 1 + (gint64) (g_rand_double (rand) * (double) count);
      LiaRecord *record = lia_store_load (store, kind, MIN (id, count), NULL);

      if (record != NULL)
        return record;
    }

  return NULL;
}

/* A random word of at least @min_chars characters of @text; NULL when it has none. */
static char *
random_word (GRand      *rand,
             const char *text,
             guint       min_chars)
{
  g_autoptr(GPtrArray) words = split_words (text, min_chars);

  if (words->len == 0)
    return NULL;
  return g_strdup (words->pdata[g_rand_int_range (rand, 0, (gint32) words->len)]);
}

typedef enum
{
  FIELD_FAMILY_NAME,
  FIELD_GIVEN_NAME,
  FIELD_ORGANIZATION_NAME,
  FIELD_INTERACTION_TITLE,
  FIELD_CONTACT_LABEL,
} Field;

/* A random word of at least @min_chars characters of @field of a random record; NULL when the
 * record or the word is missing (the caller draws again). With @given, also a word of the
 * same contact's given name. */
static char *
random_field_word (LiaStore             *store,
                   GRand                *rand,
                   const LiaStoreCounts *counts,
                   Field                 field,
                   guint                 min_chars,
                   char                **given)
{
  g_autoptr(LiaRecord) record = NULL;
  const char *text;

  switch (field)
    {
    case FIELD_ORGANIZATION_NAME:
      record = random_record (store, rand, LIA_RECORD_KIND_ORGANIZATION, counts->organizations);
      text = record != NULL ? lia_organization_get_name (LIA_ORGANIZATION (record)) : NULL;
      break;
    case FIELD_INTERACTION_TITLE:
      record = random_record (store, rand, LIA_RECORD_KIND_INTERACTION, counts->interactions);
      text = record != NULL ? lia_interaction_get_title (LIA_INTERACTION (record)) : NULL;
      break;
    default:
      record = random_record (store, rand, LIA_RECORD_KIND_CONTACT, counts->contacts);
      if (record == NULL)
        text = NULL;
      else if (field == FIELD_FAMILY_NAME)
        text = lia_contact_get_family_name (LIA_CONTACT (record));
      else if (field == FIELD_GIVEN_NAME)
        text = lia_contact_get_given_name (LIA_CONTACT (record));
      else
        text = lia_record_get_label (record);
      break;
    }
  if (text == NULL)
    return NULL;
  if (given != NULL)
    {
      *given = LIA_IS_CONTACT (record) ? random_word (rand, lia_contact_get_given_name (LIA_CONTACT (record)), 3) : NULL;
      if (*given == NULL)
        return NULL;
    }

  return random_word (rand, text, min_chars);
}

/* Queries a person would type into the search of this database: prefixes of names and words
 * that are in it, in the proportions of bench-store's generated queries (family names, given
 * names, organization words, title words, names typed without their accents, a given and a
 * family name together). They are read from the database rather than from bench-data's
 * vocabulary so that they stay realistic on a file imported from bench-directory-gen, whose
 * words are not bench-data's. */
static GPtrArray *
make_queries (LiaStore  *store,
              GRand     *rand,
              guint      n,
              GError   **error)
{
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);
  LiaStoreCounts counts;
  guint attempts = 0;

  if (!lia_store_get_counts (store, &counts, error))
    {
      g_ptr_array_unref (queries);
      return NULL;
    }

  while (queries->len < n && attempts++ < 100 * n)
    {
      guint r = g_rand_int_range (rand, 0, 100);
      g_autofree char *given = NULL;
      g_autofree char *word = NULL;
      char *query = NULL;

      if (r < 25)
        {
          /* A family name, 2–5 characters. */
          word = random_field_word (store, rand, &counts, FIELD_FAMILY_NAME, 2, NULL);
          query = word != NULL ? typed_prefix (word, (guint) g_rand_int_range (rand, 2, 6)) : NULL;
        }
      else if (r < 35)
        {
          word = random_field_word (store, rand, &counts, FIELD_GIVEN_NAME, 2, NULL);
          query = word != NULL ? typed_prefix (word, (guint) g_rand_int_range (rand, 2, 6)) : NULL;
        }
      else if (r < 75)
        {
          /* A word of an organization's name (a city, a sector noun) or of an interaction's
           * title. */
          word = random_field_word (store, rand, &counts,
                                    r < 55 ? FIELD_ORGANIZATION_NAME : FIELD_INTERACTION_TITLE,
                                    4, NULL);
          query = word != NULL ? typed_prefix (word, (guint) g_rand_int_range (rand, 3, 7)) : NULL;
        }
      else if (r < 90)
        {
          /* A name with an accent, typed without it: "zur" for Zürich. */
          g_autofree char *typed = NULL;

          word = random_field_word (store, rand, &counts, FIELD_CONTACT_LABEL, 3, NULL);
          typed = word != NULL ? typed_prefix (word, (guint) g_rand_int_range (rand, 3, 6)) : NULL;
          if (typed != NULL && !g_str_is_ascii (typed))
            {
              query = g_str_to_ascii (typed, "C");
              if (strchr (query, '?') != NULL)
                g_clear_pointer (&query, g_free);
            }
        }
      else
        {
          /* Two words, given and family name: "ami dia". */
          word = random_field_word (store, rand, &counts, FIELD_FAMILY_NAME, 3, &given);
          if (word != NULL)
            {
              g_autofree char *g = typed_prefix (given, 3);
              g_autofree char *f = typed_prefix (word, 3);

              query = g_strdup_printf ("%s %s", g, f);
            }
        }

      if (query != NULL)
        g_ptr_array_add (queries, query);
    }

  return queries;
}

static gboolean
run_search (const Options  *options,
            LiaStore       *store,
            LiaWindow      *window,
            Frames         *frames,
            GError        **error)
{
  g_autoptr(GRand) rand = phase_rand (options, 30);
  g_autoptr(GPtrArray) queries = make_queries (store, rand, (guint) options->n_queries, error);
  g_autoptr(GArray) query_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) worker_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) rows_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) handler_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) shown_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) wait_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) layout_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) render_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frame_cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));
  guint with_results = 0;

  if (queries == NULL)
    return FALSE;
  if (queries->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "No search query could be made from the database");
      return FALSE;
    }

  print_heading ("Search as you type");
  g_print ("Prefixes of names and words in the database; the whole query is set in the search\n"
           "entry at once, and the next query replaces it. \"query\" is the window's search\n"
           "(in its thread on a big database), \"rows\" giving the first rows their content;\n"
           "\"warm query\" the same search run again afterwards on the benchmark's connection.\n");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  settle (100);

  for (guint i = 0; i < queries->len; i++)
    {
      const char *query = queries->pdata[i];
      guint64 before = frames->painted;
      gint64 start = g_get_monotonic_time ();
      double handler, shown, wait, frame, layout, render, frame_cpu, alone, worker, rows;
      g_autoptr(GPtrArray) found = NULL;

      gtk_editable_set_text (GTK_EDITABLE (window->search_entry), query);
      handler = ms_between (start, g_get_monotonic_time ());
      /* On a big database the query runs in a thread: the frame that counts is the first
       * one painted after its results are in. */
      while (lia_search_results_get_busy (window->search_results))
        g_main_context_iteration (NULL, TRUE);
      if (frames->painted > before)
        before = frames->painted;
      /* The same query twice in a row changes nothing: paint a frame anyway. */
      gtk_widget_queue_draw (GTK_WIDGET (window->search_results));
      if (!wait_for_frame (frames, before, error))
        return FALSE;
      shown = ms_between (start, frames->last_paint_us);
      wait = ms_between (start, frames->last_start_us) - handler;
      frame = ms_between (frames->last_start_us, frames->last_paint_us);
      layout = ms_between (frames->last_start_us, frames->last_layout_us);
      render = ms_between (frames->last_layout_us, frames->last_render_us);
      frame_cpu = frames->last_cpu_us / 1000.0;

      g_array_append_val (handler_ms, handler);
      g_array_append_val (shown_ms, shown);
      g_array_append_val (wait_ms, wait);
      g_array_append_val (frame_ms, frame);
      g_array_append_val (layout_ms, layout);
      g_array_append_val (render_ms, render);
      g_array_append_val (frame_cpu_ms, frame_cpu);
      _lia_search_results_get_timings (window->search_results, &worker, &rows);
      g_array_append_val (worker_ms, worker);
      g_array_append_val (rows_ms, rows);
      if (lia_search_results_get_n_results (window->search_results) > 0)
        with_results++;
      start = g_get_monotonic_time ();
      found = lia_store_search (store, query, 8, error);
      if (found == NULL)
        return FALSE;
      alone = ms_between (start, g_get_monotonic_time ());
      g_array_append_val (query_ms, alone);
      g_print ("  %-16s changed %5.2f, to frame %6.2f (query %6.2f, rows %5.2f), frame %6.2f:"
               " %6.2f ms; %2u results; warm query %6.2f ms; frame's CPU %6.2f ms\n",
               query, handler, wait, worker, rows, frame, shown,
               lia_search_results_get_n_results (window->search_results), alone, frame_cpu);
      settle (40);
    }

  print_distribution ("the query, in the window:", worker_ms);
  print_distribution ("the query again, warm, alone:", query_ms);
  print_distribution ("the first rows' content:", rows_ms);
  print_distribution ("\"changed\" handler (synchronous):", handler_ms);
  print_distribution ("  then until the frame with results:", wait_ms);
  print_distribution ("  then the frame (layout, paint):", frame_ms);
  print_distribution ("    its layout (measure, allocate):", layout_ms);
  print_distribution ("    its paint (snapshot, render):", render_ms);
  /* Wall time on a loaded machine is the neighbours' as much as ours: the main thread's CPU
   * time from before-paint to after-paint is the frame's own work. */
  print_distribution ("    its CPU (the main thread's):", frame_cpu_ms);
  print_figure ("search, typed to painted:", shown_ms, 33.0);
  g_print ("queries with results: %u of %u\n", with_results, queries->len);

  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "");
  gtk_search_bar_set_search_mode (window->search_bar, FALSE);
  settle (100);

  return TRUE;
}

static gboolean
run_scroll (const Options  *options,
            LiaWindow      *window,
            Frames         *frames,
            GError        **error)
{
  GtkWidget *list_view;
  GListModel *model;
  GtkAdjustment *adjustment;
  guint n_items, step;
  gint64 rss_start, rss_end, start;
  guint64 frames_start;
  double cpu_start, cpu;
  g_autoptr(GArray) jump_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) action_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) tick_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) layout_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) render_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) jump_work_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) jump_cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) action_cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frame_cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) between_cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));

  print_heading ("Scroll the whole timeline");

  lia_window_set_view (window, "timeline");
  settle (200);

  list_view = find_list_view (GTK_WIDGET (window->timeline_view),
                              lia_timeline_view_get_model (window->timeline_view));
  if (list_view == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "The timeline has no list view");
      return FALSE;
    }
  model = G_LIST_MODEL (GTK_IS_LIST_VIEW (list_view)
                        ? gtk_list_view_get_model (GTK_LIST_VIEW (list_view))
                        : gtk_grid_view_get_model (GTK_GRID_VIEW (list_view)));
  n_items = g_list_model_get_n_items (model);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view));
  step = MAX (n_items / (guint) options->scroll_steps, 1);

  rss_start = read_status_kib ("VmRSS");
  g_print ("rows: %u\n", n_items);
  g_print ("RSS with the timeline shown: %.1f MiB\n", mib (rss_start));

  /* What scrolling with the wheel or the scrollbar costs: half a page per frame from the
   * top, each frame binding the rows that come into view. Moved to painted includes waiting
   * for the frame clock's next tick: each move comes right after a frame was painted, so that
   * wait is most of a frame interval whatever the frame costs, and no code can bring it under
   * 16.7 ms at 60 Hz. The figure is the frame's own work, from the start of the frame that
   * handles the move (its before-paint, the tick) to the end of its paint: what must fit in
   * a frame interval for scrolling to keep up with the display. */
  {
    g_autoptr(GArray) frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) work_ms = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint i = 0; i < SMOOTH_FRAMES; i++)
      {
        guint64 before = frames->painted;
        gint64 step_start = g_get_monotonic_time ();
        double ms;

        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                              gtk_adjustment_get_page_size (adjustment) / 2);
        gtk_widget_queue_draw (list_view);
        if (!wait_for_frame (frames, before, error))
          return FALSE;
        ms = ms_between (step_start, frames->last_paint_us);
        g_array_append_val (frame_ms, ms);
        ms = ms_between (MAX (frames->last_start_us, step_start), frames->last_paint_us);
        g_array_append_val (work_ms, ms);
      }
    g_print ("%u frames scrolling half a page each, from the top:\n", SMOOTH_FRAMES);
    print_distribution ("  moved to painted (with the tick):", frame_ms);
    print_figure ("half a page, the frame's work:", work_ms, 1000.0 / 60);
  }

  g_print ("then to the end in jumps of %u rows (list.scroll-to-item), one frame each:\n", step);
  start = g_get_monotonic_time ();
  cpu_start = cpu_ms ();
  frames_start = frames->painted;
  for (guint position = step; ; position = MIN (position + step, n_items - 1))
    {
      guint64 before = frames->painted;
      gint64 jump_start = g_get_monotonic_time ();
      gint64 jump_cpu_start = thread_cpu_us ();
      gint64 jump_cpu = jump_cpu_start;
      gint64 action_end, action_cpu_end;
      double ms;

      gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", position);
      action_end = g_get_monotonic_time ();
      action_cpu_end = thread_cpu_us ();
      jump_cpu = action_cpu_end - jump_cpu;
      /* A step within the rows already shown may change nothing: paint a frame anyway. */
      gtk_widget_queue_draw (list_view);
      if (!wait_for_frame (frames, before, error))
        return FALSE;
      ms = ms_between (jump_start, frames->last_paint_us);
      g_array_append_val (jump_ms, ms);
      ms = ms_between (jump_start, action_end);
      g_array_append_val (action_ms, ms);
      ms = ms_between (action_end, MAX (frames->last_start_us, action_end));
      g_array_append_val (tick_ms, ms);
      ms = ms_between (MAX (frames->last_start_us, action_end), frames->last_layout_us);
      g_array_append_val (layout_ms, ms);
      ms = ms_between (frames->last_layout_us, frames->last_render_us);
      g_array_append_val (render_ms, ms);
      /* The jump's own work, without waiting for the clock's tick: the action, then its
       * frame from before-paint to after-paint. */
      ms = ms_between (jump_start, action_end) +
           ms_between (MAX (frames->last_start_us, action_end), frames->last_paint_us);
      g_array_append_val (jump_work_ms, ms);
      ms = (frames->frame_start_cpu_us + frames->last_cpu_us - jump_cpu_start) / 1000.0;
      g_array_append_val (jump_cpu_ms, ms);
      ms = jump_cpu / 1000.0;
      g_array_append_val (action_cpu_ms, ms);
      ms = frames->last_cpu_us / 1000.0;
      g_array_append_val (frame_cpu_ms, ms);
      ms = (frames->frame_start_cpu_us - action_cpu_end) / 1000.0;
      g_array_append_val (between_cpu_ms, ms);
      if (position >= n_items - 1)
        break;
    }
  cpu = cpu_ms () - cpu_start;
  print_distribution ("  the action (scroll-to-item):", action_ms);
  print_distribution ("  then until its frame begins:", tick_ms);
  print_distribution ("  then layout (measure, allocate):", layout_ms);
  print_distribution ("  then paint (snapshot, render):", render_ms);
  print_figure (step > 1000 ? "far jump, the action and its frame:" : "jump, the action and its frame:",
                jump_work_ms, 1000.0 / 60);
  /* On X11 the window works out its size again (GdkToplevel::compute-size, measuring every
   * row) before the frame begins: that work is "between". */
  print_distribution ("  CPU of the main thread, moved to painted:", jump_cpu_ms);
  print_distribution ("    the action's:", action_cpu_ms);
  print_distribution ("    between (the window's size):", between_cpu_ms);
  print_distribution ("    the frame's:", frame_cpu_ms);
  print_figure (step > 1000 ? "far jump, moved to painted:" : "jump, moved to painted:",
                jump_ms, 33.0);
  g_print ("  CPU: %.1f ms for %u jumps, %.2f ms a jump (this process, all threads)\n",
           cpu, jump_ms->len, cpu / jump_ms->len);

  /* scroll-to-item brings the row into view; at the end the view must be at the bottom. */
  g_print ("  %.1f s, %" G_GUINT64_FORMAT " frames; at the end the view shows %.0f–%.0f of %.0f px\n",
           ms_between (start, g_get_monotonic_time ()) / 1000.0, frames->painted - frames_start,
           gtk_adjustment_get_value (adjustment),
           gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment),
           gtk_adjustment_get_upper (adjustment));
  if (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) <
      gtk_adjustment_get_upper (adjustment) - 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "The timeline did not reach its last row");
      return FALSE;
    }

  settle (200);
  rss_end = read_status_kib ("VmRSS");
  g_print ("RSS after the scroll: %.1f MiB (%+.1f MiB; target: within 50 MB)\n",
           mib (rss_end), mib (rss_end - rss_start));
  g_print ("peak RSS (VmHWM): %.1f MiB\n", mib (read_status_kib ("VmHWM")));

  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */

int
main (int    argc,
      char **argv)
{
  Options options = { .scale = 1.0, .seed = 20240601, .n_queries = 50, .scroll_steps = 200,
                      .launches = 5, .fetches = 20 };
  GOptionEntry entries[] = {
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &options.scale,
      "Size relative to the full benchmark (10k organizations, 100k contacts, 1M interactions, "
      "100k commitments)", "FLOAT" },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &options.database,
      "Database file, recreated unless --skip-fill, kept at the end (default: a temp file); "
      "or a team server (a postgresql:// URI or a libpq keyword string)",
      "FILE" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &options.seed, "Seed of the generated data", "N" },
    { "skip-fill", 0, 0, G_OPTION_ARG_NONE, &options.skip_fill,
      "Reuse a database filled earlier (by bench-ui or bench-store) at the same --scale and --seed",
      NULL },
    { "queries", 0, 0, G_OPTION_ARG_INT, &options.n_queries, "Search queries to time (default 50; 0: none)",
      "N" },
    { "scroll-steps", 0, 0, G_OPTION_ARG_INT, &options.scroll_steps,
      "Jumps, one frame each, from the top of the timeline to the bottom (default 200)", "N" },
    { "launches", 0, 0, G_OPTION_ARG_INT, &options.launches,
      "Windows opened one after the other for the launch figure (default 5)", "N" },
    { "fetches", 0, 0, G_OPTION_ARG_INT, &options.fetches,
      "New timeline models, one page fetch each, before any idle time (default 20)", "N" },
    { "scroll-only", 0, 0, G_OPTION_ARG_NONE, &options.scroll_only,
      "After the first launch, measure only scrolling and the far jumps", NULL },
    { "cold", 0, 0, G_OPTION_ARG_NONE, &options.cold,
      "Drop the database file from the OS page cache before each launch and each page fetch "
      "(the first launch of the day)", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— Liaison window benchmark");
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autofree char *tmpdir = NULL;
  BenchData data = { 0 };
  Frames frames = { 0 };
  LiaWindow *window = NULL;

  setvbuf (stdout, NULL, _IOLBF, 0);
  g_set_print_handler (print_raw_stdout);
  g_set_printerr_handler (print_raw_stderr);

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (!(options.scale > 0.0) || options.scale > 100.0 || options.n_queries < 0 ||
      options.scroll_steps < 1 || options.launches < 1 || options.fetches < 1)
    {
      g_printerr ("--scale must be more than 0 (1 is the full size), --queries at least 0, "
                  "--scroll-steps, --launches and --fetches at least 1\n");
      return 2;
    }
  if (options.database == NULL)
    {
      if (options.skip_fill)
        {
          g_printerr ("--skip-fill needs --database\n");
          return 2;
        }
      tmpdir = g_dir_make_tmp ("liaison-bench-ui-XXXXXX", &error);
      if (tmpdir == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      options.database = g_build_filename (tmpdir, "bench.db", NULL);
    }

  if (!gtk_init_check ())
    {
      g_printerr ("bench-ui: cannot open a display; run it under xvfb-run (docs/performance.md)\n");
      return 1;
    }
  adw_init ();
  /* As in the ui tests: a frame must show the state it was asked for, not a step of a
   * transition. */
  g_object_set (gtk_settings_get_default (),
                "gtk-enable-animations", FALSE,
                "gtk-cursor-blink", FALSE,
                NULL);

  data.n_organizations = scaled (FULL_ORGANIZATIONS, options.scale);
  data.n_contacts = scaled (FULL_CONTACTS, options.scale);
  data.n_interactions = scaled (FULL_INTERACTIONS, options.scale);
  data.n_commitments = scaled (FULL_COMMITMENTS, options.scale);
  bench_data_init (&data);

  g_print ("Liaison window benchmark\n");
  g_print ("build type: %s; GTK %u.%u.%u, libadwaita %u.%u.%u; GDK backend %s, renderer %s\n",
           BENCH_BUILDTYPE, gtk_get_major_version (), gtk_get_minor_version (),
           gtk_get_micro_version (), adw_get_major_version (), adw_get_minor_version (),
           adw_get_micro_version (), G_OBJECT_TYPE_NAME (gdk_display_get_default ()),
           g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "default");
  g_print ("database: %s%s\n", options.database, options.skip_fill ? " (reused)" : "");
  g_print ("scale %g, seed %d: %u organizations, %u contacts, %u interactions, %u commitments\n",
           options.scale, options.seed, data.n_organizations, data.n_contacts,
           data.n_interactions, data.n_commitments);

  if (!options.skip_fill)
    {
      g_autoptr(LiaStore) fill_store = NULL;

      print_heading ("Fill");
      /* A team server is never emptied from here: fill one that `liaison server init` has
       * just made, or pass --skip-fill. */
      if (!lia_store_location_is_server (options.database))
        remove_database (options.database);
      fill_store = lia_store_open (options.database, &error);
      if (fill_store == NULL || !fill (&options, fill_store, &data, &error))
        goto fail;
      g_print ("(the figures below are from the same process: run again with --skip-fill for a "
               "fresh one)\n");
    }

  window = run_first_frame (&options, &frames, &store, &error);
  if (window == NULL || error != NULL)
    goto fail;
  if (!check_counts (store, &data, &error))
    goto fail;

  if (!options.scroll_only)
    {
      settle (200);
      if (!run_page_fetch (&options, store, &error))
        goto fail;
    }

  settle (200);
  if (!options.scroll_only && options.n_queries > 0 &&
      !run_search (&options, store, window, &frames, &error))
    goto fail;

  if (!run_scroll (&options, window, &frames, &error))
    goto fail;

  g_print ("\ndatabase kept at %s\n", options.database);

  frames_clear (&frames);
  gtk_window_destroy (GTK_WINDOW (window));
  bench_data_clear (&data);
  g_free (options.database);
  return 0;

fail:
  g_printerr ("bench-ui: %s\n", error != NULL ? error->message : "failed");
  frames_clear (&frames);
  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  bench_data_clear (&data);
  g_free (options.database);
  return 1;
}
