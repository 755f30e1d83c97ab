/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-notify"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "lia-list-model.h"
#include "lia-store.h"

/* NOTIFY to repaint on a team server (issue #15, target <= 200 ms): one connection commits an
 * edit, another one that watches (as a window does, lia_store_set_watching()) has a timeline
 * model over the whole database with its first page on screen, and the time is from the
 * COMMIT being sent to what a row widget reacts to: items-changed for a new interaction at the
 * top and for a deleted one, notify of the cached row's title for an edited one. Both
 * connections are in this process, on the same main context a window runs: what is measured
 * is the server's NOTIFY, the socket watch, the change log read and the model's update. A
 * frame adds at most one refresh interval (16.7 ms at 60 Hz) to each figure.
 *
 * Prints figures; fails only on errors and on a change that never arrives (5 s), never on
 * time. It adds one organization and, each round, one interaction that it deletes again, so
 * the database is left as it was found (but for the change log). */

static char *location = NULL;
static int rounds = 20;

static const GOptionEntry entries[] = {
  { "database", 0, 0, G_OPTION_ARG_STRING, &location,
    "The team server (a postgresql:// URI or a libpq keyword string; default "
    "$LIAISON_BENCH_PG); a file works too", "URI" },
  { "rounds", 'n', 0, G_OPTION_ARG_INT, &rounds, "Insert, edit and delete this many times (20)", "N" },
  G_OPTION_ENTRY_NULL
};

typedef struct
{
  gboolean inserted;
  gboolean removed;
  gboolean title_changed;
} Seen;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Seen       *seen)
{
  if (position == 0 && removed == 0 && added == 1)
    seen->inserted = TRUE;
  if (position == 0 && removed == 1 && added == 0)
    seen->removed = TRUE;
}

static void
on_title_cb (GObject    *object,
             GParamSpec *pspec,
             Seen       *seen)
{
  seen->title_changed = TRUE;
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until *flag is set: the milliseconds since @since. */
static double
wait_for (gboolean   *flag,
          gint64      since,
          const char *what)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (5000, on_timeout_cb, &timed_out);

  while (!*flag && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("%s never reached the watching connection (5 s)", what);
  g_source_remove (timeout);

  return (g_get_monotonic_time () - since) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
print_figures (const char *label,
               GArray     *times)
{
  g_array_sort (times, compare_doubles);
  g_print ("%-28s p50 %7.1f ms   p95 %7.1f ms   max %7.1f ms   (%u rounds; target <= 200 ms)\n",
           label,
           g_array_index (times, double, times->len / 2),
           g_array_index (times, double, MIN (times->len - 1, (guint) (times->len * 0.95))),
           g_array_index (times, double, times->len - 1), times->len);
}

static void
check (gboolean ok,
       GError  *error)
{
  if (!ok)
    g_error ("%s", error != NULL ? error->message : "failed");
}

/* Saves (or deletes) @record on @writer in a transaction of its own, then runs the loop until
 * the watching side sets *flag: appends the milliseconds from the COMMIT to @times. */
static void
commit_and_wait (LiaStore   *writer,
                 LiaRecord  *record,
                 gboolean    delete,
                 gboolean   *flag,
                 GArray     *times,
                 const char *what)
{
  g_autoptr(GError) error = NULL;
  gint64 start;
  double ms;

  check (lia_store_begin (writer, &error), error);
  check (delete ? lia_store_delete (writer, record, &error) : lia_store_save (writer, record, &error),
         error);
  start = g_get_monotonic_time ();
  check (lia_store_commit (writer, &error), error);
  ms = wait_for (flag, start, what);
  g_array_append_val (times, ms);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- NOTIFY to repaint on a team server");
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaStore) writer = NULL;
  g_autoptr(LiaStore) window = NULL;
  g_autoptr(LiaListModel) model = NULL;
  g_autoptr(LiaOrganization) organization = NULL;
  g_autoptr(GArray) insert_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) edit_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) delete_times = g_array_new (FALSE, FALSE, sizeof (double));
  Seen seen = { 0 };
  gint64 start;

  setvbuf (stdout, NULL, _IOLBF, 0);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (location == NULL && g_getenv ("LIAISON_BENCH_PG") != NULL)
    location = g_strdup (g_getenv ("LIAISON_BENCH_PG"));
  if (location == NULL)
    {
      /* Skipped, as meson counts it (77): there is no server to measure. */
      g_print ("no --database and no LIAISON_BENCH_PG: nothing to measure\n");
      return 77;
    }
  if (rounds < 1)
    {
      g_printerr ("--rounds must be at least 1\n");
      return 2;
    }

  check ((writer = lia_store_open (location, &error)) != NULL, error);
  check ((window = lia_store_open (location, &error)) != NULL, error);
  g_print ("# bench-notify (%s build) on %s\n", BENCH_BUILDTYPE, lia_store_get_display_name (window));

  organization = lia_organization_new ("Bench Notify Office");
  check (lia_store_save (writer, LIA_RECORD (organization), &error), error);

  /* The window: watching, its timeline with the first page on screen. */
  lia_store_set_watching (window, TRUE);
  start = g_get_monotonic_time ();
  model = lia_list_model_new_timeline (window, NULL);
  g_print ("timeline of %u rows (made in %.1f ms)\n", g_list_model_get_n_items (G_LIST_MODEL (model)),
           (g_get_monotonic_time () - start) / 1000.0);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), &seen);
  /* Whatever the model's creation announced is not a round's. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  for (int i = 0; i < rounds; i++)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *title = g_strdup_printf ("Bench notify round %d", i + 1);
      g_autoptr(LiaInteraction) interaction = lia_interaction_new (LIA_INTERACTION_KIND_MEETING, now, title);
      g_autoptr(LiaInteraction) shown = NULL;
      gulong handler;

      lia_interaction_add_organization (interaction, lia_record_get_id (LIA_RECORD (organization)));

      /* A new interaction: the newest, so at the top of the window's timeline. */
      memset (&seen, 0, sizeof seen);
      commit_and_wait (writer, LIA_RECORD (interaction), FALSE, &seen.inserted, insert_times,
                       "an insert");

      shown = g_list_model_get_item (G_LIST_MODEL (model), 0);
      if (lia_record_get_id (LIA_RECORD (shown)) != lia_record_get_id (LIA_RECORD (interaction)))
        g_error ("the window's first row is not the interaction just added");

      /* An edit of that row: its cached object takes the new title. */
      handler = g_signal_connect (shown, "notify::title", G_CALLBACK (on_title_cb), &seen);
      lia_interaction_set_title (interaction, "Bench notify, edited");
      commit_and_wait (writer, LIA_RECORD (interaction), FALSE, &seen.title_changed, edit_times,
                       "an edit");
      if (g_strcmp0 (lia_interaction_get_title (shown), "Bench notify, edited") != 0)
        g_error ("the window's row does not show the new title");
      g_signal_handler_disconnect (shown, handler);
      g_clear_object (&shown);

      /* And gone again. */
      commit_and_wait (writer, LIA_RECORD (interaction), TRUE, &seen.removed, delete_times,
                       "a delete");
    }

  print_figures ("insert -> items-changed", insert_times);
  print_figures ("edit -> row notify", edit_times);
  print_figures ("delete -> items-changed", delete_times);

  lia_store_set_watching (window, FALSE);
  check (lia_store_delete (writer, LIA_RECORD (organization), &error), error);
  return 0;
}
