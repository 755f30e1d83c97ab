/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The stakeholder map and Today at the size of a large office: 10,000 organizations and
 * 100,000 contacts (three in four assessed, as bench-data.c makes them), then the map's counts
 * (plain and filtered), the map with its first names per cell, the map as of a past day, and
 * the Today view's queries, each the median of a few runs. No interactions: the map does not
 * read them, and Today's stakeholder pass is measured by bench-store with them. Prints the
 * figures for docs/performance.md; fails only on errors.
 *
 *   bench-map [--scale S] [--fresh] --database FILE
 *       S = 1 for full size; an existing file is reused unless --fresh
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "bench-data.h"
#include "lia-store-bulk.h"
#include "lia-store-map.h"
#include "lia-store-today.h"

#define FULL_ORGANIZATIONS 10000
#define FULL_CONTACTS 100000
#define RUNS 7

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

typedef gboolean (*BenchFunc) (LiaStore *store, gpointer data, GError **error);

/* The median of RUNS runs, in milliseconds. */
static double
measure (LiaStore  *store,
         BenchFunc  func,
         gpointer   data)
{
  double times[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      if (!func (store, data, &error))
        g_error ("%s", error->message);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (times, RUNS, sizeof times[0], compare_doubles);

  return times[RUNS / 2];
}

static gboolean
count_map (LiaStore  *store,
           gpointer   data,
           GError   **error)
{
  LiaMap map;

  return lia_store_count_map (store, data, &map, error) && map.total > 0;
}

static gboolean
get_map (LiaStore  *store,
         gpointer   data,
         GError   **error)
{
  g_autoptr(LiaMap) map = lia_store_get_map (store, data, 5, error);

  return map != NULL;
}

static gboolean
get_today (LiaStore  *store,
           gpointer   data,
           GError   **error)
{
  g_autoptr(LiaToday) today = lia_store_get_today (store, NULL, 20, error);

  return today != NULL;
}

/* Today's "due for contact" section alone: its count, then its first 20 rows. */
static gboolean
count_due (LiaStore  *store,
           gpointer   data,
           GError   **error)
{
  guint n = 0;

  return lia_store_count_stakeholders (store, data, &n, error);
}

static gboolean
page_due (LiaStore  *store,
          gpointer   data,
          GError   **error)
{
  g_autoptr(GPtrArray) page = lia_store_list_stakeholders_page (store, data, 0, 20, error);

  return page != NULL;
}

static void
fill (LiaStore *store,
      double    scale)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261207);
  g_autoptr(GError) error = NULL;
  BenchData data = { 0, };

  data.n_organizations = MAX (1, (guint) (FULL_ORGANIZATIONS * scale));
  data.n_contacts = MAX (1, (guint) (FULL_CONTACTS * scale));
  bench_data_init (&data);
  data.organization_ids = g_new0 (gint64, data.n_organizations);
  data.organization_city = g_new0 (guint8, data.n_organizations);

  if (!lia_store_begin (store, &error) || !lia_store_begin_bulk_load (store, &error))
    g_error ("%s", error->message);
  for (guint i = 0; i < data.n_organizations; i++)
    {
      guint city = 0;
      g_autoptr(LiaOrganization) org = bench_data_new_organization (&data, rand, i, &city);

      if (!lia_store_save (store, LIA_RECORD (org), &error))
        g_error ("%s", error->message);
      data.organization_ids[i] = lia_record_get_id (LIA_RECORD (org));
      data.organization_city[i] = city;
    }
  for (guint i = 0; i < data.n_contacts; i++)
    {
      g_autoptr(LiaContact) contact = bench_data_new_contact (rand, i);

      if (!lia_store_save (store, LIA_RECORD (contact), &error))
        g_error ("%s", error->message);
    }
  if (!lia_store_end_bulk_load (store, &error) || !lia_store_commit (store, &error))
    g_error ("%s", error->message);
  bench_data_clear (&data);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— the stakeholder map's queries at size");
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(GDate) today = lia_date_new_today ();
  g_autofree char *database = NULL;
  double scale = 1.0;
  gboolean fresh = FALSE;
  guint64 contacts = 0;
  LiaMapQuery plain, filtered, past;
  LiaStakeholderQuery due;
  GOptionEntry entries[] = {
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale, "Fraction of the full size", "S" },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, "The database to fill or reuse", "FILE" },
    { "fresh", 0, 0, G_OPTION_ARG_NONE, &fresh, "Start from an empty database, not the one there", NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || database == NULL)
    {
      g_printerr ("bench-map: %s\n", error != NULL ? error->message : "--database is needed");
      return 2;
    }

  if (fresh)
    {
      const char *suffixes[] = { "", "-wal", "-shm" };

      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *path = g_strconcat (database, suffixes[i], NULL);

          g_remove (path);
        }
    }
  if (!(store = lia_store_open (database, &error)) ||
      !lia_store_count_records (store, LIA_RECORD_KIND_CONTACT, FALSE, &contacts, &error))
    g_error ("%s", error->message);
  if (contacts == 0)
    {
      gint64 start = g_get_monotonic_time ();

      fill (store, scale);
      lia_store_count_records (store, LIA_RECORD_KIND_CONTACT, FALSE, &contacts, NULL);
      g_print ("fill: %" G_GUINT64_FORMAT " contacts in %.1f s\n", contacts,
               (g_get_monotonic_time () - start) / 1e6);
    }

  lia_map_query_init (&plain);
  lia_map_query_init (&filtered);
  filtered.stances = (1u << LIA_STANCE_OPPOSED) | (1u << LIA_STANCE_CONCERNED);
  filtered.kinds = 1u << LIA_RECORD_KIND_CONTACT;
  lia_map_query_init (&past);
  past.as_of = today;

  g_print ("build: %s, %" G_GUINT64_FORMAT " contacts, median of %d runs\n", BENCH_BUILDTYPE, contacts, RUNS);
  g_print ("map counts:                 %8.1f ms\n", measure (store, count_map, &plain));
  g_print ("map counts, opposed/concerned contacts: %8.1f ms\n", measure (store, count_map, &filtered));
  g_print ("map with 5 names per cell:  %8.1f ms\n", measure (store, get_map, &plain));
  g_print ("map as of a day (history):  %8.1f ms\n", measure (store, get_map, &past));
  g_print ("today (no interactions):    %8.1f ms\n", measure (store, get_today, NULL));
  lia_stakeholder_query_init (&due);
  due.due_only = TRUE;
  due.sort = LIA_STAKEHOLDER_SORT_DUE;
  due.today = today;
  g_print ("  of which due for contact, count: %8.1f ms\n", measure (store, count_due, &due));
  g_print ("  of which due for contact, first 20: %8.1f ms\n", measure (store, page_due, &due));

  return 0;
}
