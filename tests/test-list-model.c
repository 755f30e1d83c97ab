/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The lazy list models: a list of 100,000 interactions costs what a few pages cost, items are
 * stable objects while cached, and every change reaches the view as the smallest correct
 * items-changed, never as (0, n, n) which makes GTK read every row. With --postgresql the same
 * cases run on a database of the throw-away cluster (tests/pg-cluster.sh). */

#include "lia-test-pg.h"
#include "lia-list-model.h"
#include "lia-list-model-private.h"
#include "lia-store-bulk.h"
#include "lia-store-undo.h"

#define N_BIG 100000
#define BIG_STEP_SECONDS 600

/* ------------------------------------------------------------------------------------------ */
/* Recording items-changed, and replaying it on a shadow copy of the list                      */

typedef struct
{
  guint position, removed, added;
  guint n_items;  /* what the model said at emission time */
} Emission;

typedef struct
{
  GListModel *model;
  GArray     *emissions;
  GArray     *shadow;   /* ids; NULL for big models, where replaying would read every row */
  gulong      handler;
} Recorder;

static gint64
item_id (GListModel *model,
         guint       position)
{
  g_autoptr(LiaRecord) record = g_list_model_get_item (model, position);

  g_assert_nonnull (record);
  return lia_record_get_id (record);
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Recorder   *rec)
{
  Emission e = { position, removed, added, g_list_model_get_n_items (model) };

  g_array_append_val (rec->emissions, e);

  /* GTK 4.8 reads every row after (0, n, n): never. */
  if (position == 0 && removed > 0 && removed == added)
    g_error ("items-changed (0, %u, %u): a full replacement in one emission", removed, added);

  if (rec->shadow != NULL)
    {
      /* Replay as a view would: the model's state must already be the new one. */
      g_assert_cmpuint (position + removed, <=, rec->shadow->len);
      g_array_remove_range (rec->shadow, position, removed);
      for (guint i = 0; i < added; i++)
        {
          gint64 id = item_id (model, position + i);
          g_array_insert_val (rec->shadow, position + i, id);
        }
      g_assert_cmpuint (rec->shadow->len, ==, g_list_model_get_n_items (model));
    }
}

static void
recorder_init (Recorder   *rec,
               gpointer    model,
               gboolean    with_shadow)
{
  rec->model = G_LIST_MODEL (model);
  rec->emissions = g_array_new (FALSE, TRUE, sizeof (Emission));
  rec->shadow = NULL;
  if (with_shadow)
    {
      guint n = g_list_model_get_n_items (rec->model);

      rec->shadow = g_array_new (FALSE, TRUE, sizeof (gint64));
      for (guint i = 0; i < n; i++)
        {
          gint64 id = item_id (rec->model, i);
          g_array_append_val (rec->shadow, id);
        }
    }
  rec->handler = g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), rec);
}

static void
recorder_clear (Recorder *rec)
{
  g_clear_signal_handler (&rec->handler, rec->model);
  g_clear_pointer (&rec->emissions, g_array_unref);
  g_clear_pointer (&rec->shadow, g_array_unref);
}

static void
recorder_reset (Recorder *rec)
{
  g_array_set_size (rec->emissions, 0);
}

static void
assert_emission (Recorder *rec,
                 guint     index,
                 guint     position,
                 guint     removed,
                 guint     added)
{
  Emission *e;

  if (index >= rec->emissions->len)
    g_error ("expected emission %u (%u, %u, %u), only %u happened",
             index, position, removed, added, rec->emissions->len);
  e = &g_array_index (rec->emissions, Emission, index);
  if (e->position != position || e->removed != removed || e->added != added)
    g_error ("emission %u is (%u, %u, %u), expected (%u, %u, %u)",
             index, e->position, e->removed, e->added, position, removed, added);
}

static GPtrArray *
store_timeline (LiaStore                *store,
                const LiaTimelineFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = lia_store_list_timeline (store, filter, 0, G_MAXUINT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (items);
  return items;
}

/* The model shows exactly what the store's timeline query returns (small models only). */
static void
assert_model_is_timeline (GListModel              *model,
                          LiaStore                *store,
                          const LiaTimelineFilter *filter)
{
  g_autoptr(GPtrArray) items = store_timeline (store, filter);
  guint count = 0;

  g_assert_true (lia_store_count_timeline (store, filter, &count, NULL));
  g_assert_cmpuint (count, ==, items->len);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, items->len);
  for (guint i = 0; i < items->len; i++)
    g_assert_cmpint (item_id (model, i), ==, lia_test_record_id_at (items, i));
}

static void
assert_shadow_is_model (Recorder *rec)
{
  guint n = g_list_model_get_n_items (rec->model);

  g_assert_cmpuint (rec->shadow->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (g_array_index (rec->shadow, gint64, i), ==, item_id (rec->model, i));
}

/* ------------------------------------------------------------------------------------------ */
/* 100,000 interactions                                                                        */

static GDateTime *
big_at (guint i)
{
  static GTimeZone *plus2 = NULL;
  g_autoptr(GDateTime) base = g_date_time_new_utc (2020, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) utc = g_date_time_add_seconds (base, (double) i * BIG_STEP_SECONDS);

  if (plus2 == NULL)
    plus2 = g_time_zone_new_offset (2 * 3600);
  /* Half of them entered in another time zone: the order is by instant all the same. */
  return i % 2 ? g_date_time_to_timezone (utc, plus2) : g_date_time_ref (utc);
}

/* On a server 100,000 saves one by one are as many round trips, minutes on a busy machine:
 * the same rows (big_at()'s instants and offsets, kinds and titles) in one statement, with
 * the server's own triggers counting the days and logging the rows. */
static void
fill_big_on_server (StoreFixture *f)
{
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO interactions (uid, kind, at_utc, at_offset, day, title, created_at, updated_at)"
    " SELECT 'big-' || i,"
    "  (ARRAY['meeting', 'call', 'email', 'event', 'visit', 'letter', 'note'])[i %% 7 + 1],"
    "  (1577836800 + i * %d) * 1000000::bigint,"
    "  CASE WHEN i %% 2 = 1 THEN 7200 ELSE 0 END,"
    "  to_char (to_timestamp (1577836800 + i * %d + CASE WHEN i %% 2 = 1 THEN 7200 ELSE 0 END)"
    "           AT TIME ZONE 'UTC', 'YYYY-MM-DD'),"
    "  'Interaction ' || i, liaison_now_us (), liaison_now_us ()"
    " FROM generate_series (0, %d) AS i",
    BIG_STEP_SECONDS, BIG_STEP_SECONDS, N_BIG - 1);
  gint64 start = g_get_monotonic_time ();

  lia_test_pg_sql (f, sql);
  g_printerr ("inserted %d interactions in one statement in %.2f s\n", N_BIG,
              (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
}

static void
fill_big (LiaStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_true (lia_store_begin (store, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < N_BIG; i++)
    {
      g_autoptr(GDateTime) at = big_at (i);
      g_autofree char *title = g_strdup_printf ("Interaction %u", i);
      g_autoptr(LiaInteraction) it = lia_interaction_new ((LiaInteractionKind) (i % 7), at, title);

      if (!lia_store_save (store, LIA_RECORD (it), &error))
        g_error ("saving interaction %u: %s", i, error->message);
    }
  g_assert_true (lia_store_commit (store, &error));
  g_assert_no_error (error);
  g_printerr ("inserted %d interactions in %.2f s\n", N_BIG,
              (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
}

static void
assert_title_at (GListModel *model,
                 guint       position,
                 const char *expected)
{
  g_autoptr(LiaInteraction) it = g_list_model_get_item (model, position);

  g_assert_nonnull (it);
  g_assert_true (LIA_IS_INTERACTION (it));
  g_assert_cmpstr (lia_interaction_get_title (it), ==, expected);
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_big_timeline (StoreFixture  *f,
                   gconstpointer  data)
{
  g_autoptr(LiaListModel) model = NULL;
  GListModel *list;
  Recorder rec;
  guint fetched;
  gint64 start;

  if (pg_cluster == NULL)
    fill_big (f->store);
  else
    fill_big_on_server (f);

  start = g_get_monotonic_time ();
  model = lia_list_model_new_timeline (f->store, NULL);
  list = G_LIST_MODEL (model);
  g_assert_true (lia_list_model_get_store (model) == f->store);
  g_assert_true (g_list_model_get_item_type (list) == LIA_TYPE_INTERACTION);

  /* Counting loads no rows. */
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, N_BIG);
  g_assert_cmpuint (_lia_list_model_get_pages_fetched (model), ==, 0);
  g_assert_cmpuint (_lia_list_model_get_cached_pages (model), ==, 0);

  /* Three distant places. */
  {
    g_autoptr(LiaInteraction) newest = g_list_model_get_item (list, 0);
    g_autoptr(LiaInteraction) oldest = g_list_model_get_item (list, N_BIG - 1);
    g_autoptr(LiaInteraction) middle = g_list_model_get_item (list, 50000);
    g_autoptr(GPtrArray) expected = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_cmpstr (lia_interaction_get_title (newest), ==, "Interaction 99999");
    g_assert_cmpstr (lia_interaction_get_title (oldest), ==, "Interaction 0");
    g_assert_cmpstr (lia_interaction_get_title (middle), ==, "Interaction 49999");
    expected = lia_store_list_timeline (f->store, NULL, 50000, 1, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (expected->len, ==, 1);
    g_assert_cmpint (lia_record_get_id (LIA_RECORD (middle)), ==, lia_test_record_id_at (expected, 0));
    {
      g_autofree char *a = g_date_time_format (lia_interaction_get_at (middle), "%FT%T%:z");
      g_autofree char *b = g_date_time_format (lia_interaction_get_at (g_ptr_array_index (expected, 0)),
                                               "%FT%T%:z");
      g_assert_cmpstr (a, ==, b);
    }
  }
  fetched = _lia_list_model_get_pages_fetched (model);
  g_printerr ("pages fetched for 3 reads: %u\n", fetched);
  g_assert_cmpuint (fetched, >=, 1);
  g_assert_cmpuint (fetched, <=, 6);
  g_assert_cmpuint (_lia_list_model_get_cached_pages (model), <=, LIA_LIST_MODEL_MAX_PAGES);

  /* Neighbours on a cached page cost nothing. */
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *expected = g_strdup_printf ("Interaction %u", N_BIG - 1 - i);
      assert_title_at (list, i, expected);
    }
  g_assert_cmpuint (_lia_list_model_get_pages_fetched (model), ==, fetched);

  /* The same row is the same object while cached. */
  {
    g_autoptr(GObject) a = g_list_model_get_item (list, 0);
    g_autoptr(GObject) b = g_list_model_get_item (list, 0);
    g_assert_true (a == b);
  }

  /* Scrolling all over the place: the cache stays small, and every row is right. */
  for (guint k = 0; k < 40; k++)
    {
      guint pos = (k * 7919u * LIA_LIST_MODEL_PAGE_SIZE + k * 13) % N_BIG;
      g_autofree char *expected = g_strdup_printf ("Interaction %u", N_BIG - 1 - pos);

      assert_title_at (list, pos, expected);
      g_assert_cmpuint (_lia_list_model_get_cached_pages (model), <=, LIA_LIST_MODEL_MAX_PAGES);
    }
  g_assert_cmpuint (_lia_list_model_get_pages_fetched (model), <=, fetched + 40);
  g_assert_null (g_list_model_get_item (list, N_BIG));
  g_printerr ("model reads took %.3f s\n",
              (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);

  recorder_init (&rec, model, FALSE);

  /* A new newest interaction. */
  {
    gint64 id = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL,
                                          "2030-01-01T09:00:00+01:00", "Newest of all", 0, 0);

    g_assert_cmpuint (rec.emissions->len, ==, 1);
    assert_emission (&rec, 0, 0, 0, 1);
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, N_BIG + 1);
    g_assert_cmpint (item_id (list, 0), ==, id);
    assert_title_at (list, 0, "Newest of all");
    assert_title_at (list, 1, "Interaction 99999");
  }

  /* One in the middle: between "Interaction 50000" and "Interaction 50001". Newer than it are
   * 49,999 old ones and the newest: position 50,000. */
  {
    g_autoptr(GDateTime) base = big_at (50000);
    g_autoptr(GDateTime) at = g_date_time_add_seconds (base, BIG_STEP_SECONDS / 2);
    g_autoptr(LiaInteraction) mid = lia_interaction_new (LIA_INTERACTION_KIND_NOTE, at, "Right in the middle");
    g_autoptr(GError) error = NULL;

    recorder_reset (&rec);
    lia_test_save (f->store, mid);
    g_assert_cmpuint (rec.emissions->len, ==, 1);
    assert_emission (&rec, 0, 50000, 0, 1);
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, N_BIG + 2);
    g_assert_cmpint (item_id (list, 50000), ==, lia_record_get_id (LIA_RECORD (mid)));
    assert_title_at (list, 49999, "Interaction 50001");
    assert_title_at (list, 50001, "Interaction 50000");

    /* And deleted again. */
    recorder_reset (&rec);
    g_assert_true (lia_store_delete (f->store, LIA_RECORD (mid), &error));
    g_assert_no_error (error);
    g_assert_cmpuint (rec.emissions->len, ==, 1);
    assert_emission (&rec, 0, 50000, 1, 0);
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, N_BIG + 1);
    assert_title_at (list, 50000, "Interaction 50000");
  }

  /* An edit through another object reaches the cached one. */
  {
    g_autoptr(LiaInteraction) cached = g_list_model_get_item (list, 5);
    g_autoptr(LiaRecord) other = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(LiaInteraction) again = NULL;
    guint notified = 0;
    gint64 id = lia_record_get_id (LIA_RECORD (cached));

    g_signal_connect (cached, "notify::title", G_CALLBACK (on_notify_cb), &notified);
    other = lia_store_load (f->store, LIA_RECORD_KIND_INTERACTION, id, &error);
    g_assert_no_error (error);
    g_assert_true ((gpointer) other != (gpointer) cached);
    lia_interaction_set_title (LIA_INTERACTION (other), "Renamed elsewhere");

    recorder_reset (&rec);
    lia_test_save (f->store, other);
    g_assert_cmpstr (lia_interaction_get_title (cached), ==, "Renamed elsewhere");
    g_assert_cmpuint (notified, >=, 1);
    g_assert_cmpuint (rec.emissions->len, ==, 0);
    again = g_list_model_get_item (list, 5);
    g_assert_true (again == cached);
    g_signal_handlers_disconnect_by_func (cached, on_notify_cb, &notified);
  }

  /* Deleting the newest. */
  {
    g_autoptr(LiaRecord) newest = g_list_model_get_item (list, 0);
    g_autoptr(GError) error = NULL;

    recorder_reset (&rec);
    g_assert_true (lia_store_delete (f->store, newest, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (rec.emissions->len, ==, 1);
    assert_emission (&rec, 0, 0, 1, 0);
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, N_BIG);
    assert_title_at (list, 0, "Interaction 99999");
  }

  /* A reload: (0, old, 0) then (0, 0, new), and no rows read to do it. */
  {
    guint before = _lia_list_model_get_pages_fetched (model);
    Emission *e;

    recorder_reset (&rec);
    lia_list_model_reload (model);
    g_assert_cmpuint (rec.emissions->len, ==, 2);
    assert_emission (&rec, 0, 0, N_BIG, 0);
    assert_emission (&rec, 1, 0, 0, N_BIG);
    e = &g_array_index (rec.emissions, Emission, 0);
    g_assert_cmpuint (e->n_items, ==, 0);
    e = &g_array_index (rec.emissions, Emission, 1);
    g_assert_cmpuint (e->n_items, ==, N_BIG);
    g_assert_cmpuint (_lia_list_model_get_pages_fetched (model), ==, before);
    g_assert_cmpuint (_lia_list_model_get_cached_pages (model), ==, 0);
    assert_title_at (list, 0, "Interaction 99999");
  }

  recorder_clear (&rec);
  g_assert_finalize_object (G_OBJECT (g_steal_pointer (&model)));
}

/* ------------------------------------------------------------------------------------------ */
/* Small timelines                                                                             */

static void
seed_small (LiaStore *store,
            guint     n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *at = g_strdup_printf ("2024-01-%02uT%02u:00:00+01:00", 1 + i % 28, i % 24);
      g_autofree char *title = g_strdup_printf ("Small %u", i);

      lia_test_add_interaction (store, (LiaInteractionKind) (i % 7), at, title, 0, 0);
    }
}

static void
test_small_changes (StoreFixture  *f,
                    gconstpointer  data)
{
  g_autoptr(LiaListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  Recorder rec;

  seed_small (f->store, 150);
  model = lia_list_model_new_timeline (f->store, NULL);
  recorder_init (&rec, model, TRUE);
  assert_model_is_timeline (G_LIST_MODEL (model), f->store, NULL);

  /* A few inserts in one small transaction. */
  g_assert_true (lia_store_begin (f->store, &error));
  lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL, "2024-01-10T10:30:00Z", "T1", 0, 0);
  lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL, "2023-12-31T10:30:00Z", "T2", 0, 0);
  lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL, "2024-02-10T10:30:00Z", "T3", 0, 0);
  g_assert_cmpuint (rec.emissions->len, ==, 0);
  g_assert_true (lia_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rec.emissions->len, >=, 1);
  assert_shadow_is_model (&rec);
  assert_model_is_timeline (G_LIST_MODEL (model), f->store, NULL);

  /* Moving one in time moves its row. */
  {
    g_autoptr(GPtrArray) items = store_timeline (f->store, NULL);
    LiaInteraction *oldest = g_ptr_array_index (items, items->len - 1);
    g_autoptr(GDateTime) at = lia_test_at ("2025-01-01T08:00:00-08:00");

    lia_interaction_set_at (oldest, at);
    recorder_reset (&rec);
    lia_test_save (f->store, oldest);
    g_assert_cmpuint (rec.emissions->len, >=, 1);
    assert_shadow_is_model (&rec);
    g_assert_cmpint (item_id (G_LIST_MODEL (model), 0), ==, lia_record_get_id (LIA_RECORD (oldest)));
    assert_model_is_timeline (G_LIST_MODEL (model), f->store, NULL);
  }

  /* A rolled-back insert is never shown. */
  recorder_reset (&rec);
  g_assert_true (lia_store_begin (f->store, &error));
  lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL, "2024-01-15T10:30:00Z", "Gone", 0, 0);
  lia_store_rollback (f->store);
  g_assert_cmpuint (rec.emissions->len, ==, 0);
  assert_model_is_timeline (G_LIST_MODEL (model), f->store, NULL);

  /* Other kinds of records do not disturb the timeline. */
  lia_test_add_organization (f->store, "Unrelated", 0);
  g_assert_cmpuint (rec.emissions->len, ==, 0);

  recorder_clear (&rec);
}

static void
test_bulk_change (StoreFixture  *f,
                  gconstpointer  data)
{
  g_autoptr(LiaListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  Recorder rec;
  guint before;

  seed_small (f->store, 20);
  model = lia_list_model_new_timeline (f->store, NULL);
  before = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (before, ==, 20);
  recorder_init (&rec, model, TRUE);

  g_assert_true (lia_store_begin (f->store, &error));
  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *at = g_strdup_printf ("2023-06-%02uT%02u:%02u:00Z", 1 + i % 28, i % 24, i % 60);
      lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_EMAIL, at, "Imported", 0, 0);
    }
  g_assert_true (lia_store_commit (f->store, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (rec.emissions->len, ==, 2);
  assert_emission (&rec, 0, 0, before, 0);
  assert_emission (&rec, 1, 0, 0, before + 400);
  g_assert_cmpuint (g_array_index (rec.emissions, Emission, 0).n_items, ==, 0);
  g_assert_cmpuint (g_array_index (rec.emissions, Emission, 1).n_items, ==, before + 400);
  assert_shadow_is_model (&rec);
  assert_model_is_timeline (G_LIST_MODEL (model), f->store, NULL);

  recorder_clear (&rec);
}

/* Another connection (an import in a thread) wrote; reload shows it. */
static void
test_reload_after_other_connection (StoreFixture  *f,
                                    gconstpointer  data)
{
  g_autoptr(LiaListModel) model = NULL;
  g_autoptr(LiaStore) other = NULL;
  Recorder rec;

  seed_small (f->store, 10);
  model = lia_list_model_new_timeline (f->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10);
  recorder_init (&rec, model, TRUE);

  other = lia_test_open (f->path);
  seed_small (other, 5);
  g_assert_finalize_object (G_OBJECT (g_steal_pointer (&other)));
  g_assert_cmpuint (rec.emissions->len, ==, 0);

  lia_list_model_reload (model);
  g_assert_cmpuint (rec.emissions->len, ==, 2);
  assert_emission (&rec, 0, 0, 10, 0);
  assert_emission (&rec, 1, 0, 0, 15);
  assert_shadow_is_model (&rec);
  assert_model_is_timeline (G_LIST_MODEL (model), f->store, NULL);

  recorder_clear (&rec);
}

static void
test_filtered_timelines (StoreFixture  *f,
                         gconstpointer  data)
{
  gint64 a = lia_test_add_organization (f->store, "Agency A", 0);
  gint64 b = lia_test_add_organization (f->store, "Bureau B", 0);
  gint64 mover = lia_test_add_contact (f->store, "Maya", "Mover");
  LiaTimelineFilter meetings = { 0, };
  LiaTimelineFilter org_a = { 0, };
  LiaTimelineFilter org_b = { 0, };
  g_autoptr(LiaListModel) meeting_model = NULL;
  g_autoptr(LiaListModel) a_model = NULL;
  g_autoptr(LiaListModel) b_model = NULL;
  Recorder rec;

  lia_test_add_affiliation (f->store, mover, a, "Analyst", "2023-01-01", "2024-05-31");
  lia_test_add_affiliation (f->store, mover, b, "Director", "2024-06-01", NULL);
  seed_small (f->store, 30);
  lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_MEETING, "2024-03-12T10:00:00+01:00",
                            "March meeting", mover, 0);
  lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL, "2025-02-03T10:00:00+01:00",
                            "2025 call", mover, 0);
  lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_EVENT, "2023-06-15T18:00:00+02:00",
                            "B's reception", 0, b);
  lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_MEETING, "2024-04-01T10:00:00+02:00",
                            "With A itself", mover, a);

  meetings.kinds = 1u << LIA_INTERACTION_KIND_MEETING;
  org_a.organization_id = a;
  org_b.organization_id = b;

  meeting_model = lia_list_model_new_timeline (f->store, &meetings);
  a_model = lia_list_model_new_timeline (f->store, &org_a);
  b_model = lia_list_model_new_timeline (f->store, &org_b);

  /* The filter was copied: what the caller does with its struct afterwards changes nothing. */
  meetings.kinds = 1u << LIA_INTERACTION_KIND_CALL;
  org_a.organization_id = b;
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (a_model)), ==, 2);
  assert_title_at (G_LIST_MODEL (meeting_model), 0, "With A itself");
  meetings.kinds = 1u << LIA_INTERACTION_KIND_MEETING;
  org_a.organization_id = a;

  assert_model_is_timeline (G_LIST_MODEL (meeting_model), f->store, &meetings);
  assert_model_is_timeline (G_LIST_MODEL (a_model), f->store, &org_a);
  assert_model_is_timeline (G_LIST_MODEL (b_model), f->store, &org_b);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (a_model)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (b_model)), ==, 2);
  assert_title_at (G_LIST_MODEL (a_model), 0, "With A itself");
  assert_title_at (G_LIST_MODEL (a_model), 1, "March meeting");
  assert_title_at (G_LIST_MODEL (b_model), 0, "2025 call");
  assert_title_at (G_LIST_MODEL (b_model), 1, "B's reception");
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (meeting_model)); i++)
    {
      g_autoptr(LiaInteraction) it = g_list_model_get_item (G_LIST_MODEL (meeting_model), i);
      g_assert_cmpint (lia_interaction_get_kind (it), ==, LIA_INTERACTION_KIND_MEETING);
    }

  /* Inserts that do not match the filter do not show; those that do, show in place. */
  recorder_init (&rec, meeting_model, TRUE);
  lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL, "2024-01-05T10:00:00Z",
                            "Not a meeting", 0, 0);
  g_assert_cmpuint (rec.emissions->len, ==, 0);
  lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_MEETING, "2024-01-05T10:00:00Z",
                            "A meeting", 0, 0);
  g_assert_cmpuint (rec.emissions->len, ==, 1);
  g_assert_cmpuint (g_array_index (rec.emissions, Emission, 0).added, ==, 1);
  assert_shadow_is_model (&rec);
  assert_model_is_timeline (G_LIST_MODEL (meeting_model), f->store, &meetings);
  recorder_clear (&rec);

  /* The organization's model follows a new interaction of its person while affiliated. */
  recorder_init (&rec, b_model, TRUE);
  lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_EMAIL, "2024-08-01T10:00:00Z",
                            "Email at B", mover, 0);
  assert_shadow_is_model (&rec);
  assert_model_is_timeline (G_LIST_MODEL (b_model), f->store, &org_b);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (b_model)), ==, 3);
  recorder_clear (&rec);
}

/* An organization's timeline keeps its own list of rows: every kind of change must reach that
 * list and the view alike. Each step is replayed on a shadow copy and compared with the store's
 * own timeline query. */
static void
test_organization_timeline_changes (StoreFixture  *f,
                                    gconstpointer  data)
{
  gint64 org = lia_test_add_organization (f->store, "Ministry of Health", 0);
  gint64 other = lia_test_add_organization (f->store, "Red Crescent", 0);
  gint64 person = lia_test_add_contact (f->store, "Amina", "Diallo");
  gint64 stranger = lia_test_add_contact (f->store, "Sam", "Stranger");
  LiaTimelineFilter filter = { 0, };
  g_autoptr(LiaListModel) model = NULL;
  g_autoptr(LiaInteraction) moved = NULL;
  g_autoptr(LiaInteraction) leaving = NULL;
  g_autoptr(LiaAffiliation) affiliation = NULL;
  g_autoptr(GDateTime) later = NULL;
  g_autoptr(GError) error = NULL;
  gint64 direct, during, moved_id, leaving_id;
  guint n;
  Recorder rec;

  affiliation = LIA_AFFILIATION (lia_store_load (f->store, LIA_RECORD_KIND_AFFILIATION,
                                                 lia_test_add_affiliation (f->store, person, org,
                                                                           "Adviser", "2024-01-01",
                                                                           "2024-12-31"),
                                                 &error));
  g_assert_no_error (error);
  seed_small (f->store, 20);
  direct = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_MEETING,
                                     "2023-05-02T09:00:00+02:00", "With the ministry", 0, org);
  during = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL,
                                     "2024-03-01T09:00:00+01:00", "Call while there", person, 0);
  lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL, "2025-03-01T09:00:00+01:00",
                            "Call after leaving", person, 0);

  filter.organization_id = org;
  model = lia_list_model_new_timeline (f->store, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  recorder_init (&rec, model, TRUE);

  /* New: one with the ministry itself, one of its adviser while there, one outside. */
  lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_VISIT, "2024-06-01T10:00:00+02:00",
                            "Site visit", stranger, org);
  lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_EMAIL, "2024-02-01T10:00:00Z",
                            "Adviser's email", person, 0);
  lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_EMAIL, "2024-02-02T10:00:00Z",
                            "Not theirs", stranger, other);
  g_assert_cmpuint (rec.emissions->len, ==, 2);
  assert_shadow_is_model (&rec);
  assert_model_is_timeline (G_LIST_MODEL (model), f->store, &filter);

  /* Moved in time: out of its place and into the new one. */
  moved = LIA_INTERACTION (lia_store_load (f->store, LIA_RECORD_KIND_INTERACTION, direct, &error));
  g_assert_no_error (error);
  later = lia_test_at ("2024-11-30T16:00:00-05:00");
  lia_interaction_set_at (moved, later);
  lia_test_save (f->store, moved);
  moved_id = lia_record_get_id (LIA_RECORD (moved));
  assert_shadow_is_model (&rec);
  assert_model_is_timeline (G_LIST_MODEL (model), f->store, &filter);
  g_assert_cmpint (item_id (G_LIST_MODEL (model), 0), ==, moved_id);

  /* No longer involving the ministry or its people: it leaves the list. */
  leaving = LIA_INTERACTION (lia_store_load (f->store, LIA_RECORD_KIND_INTERACTION, during, &error));
  g_assert_no_error (error);
  lia_interaction_clear_participants (leaving);
  lia_interaction_add_organization (leaving, other);
  lia_test_save (f->store, leaving);
  leaving_id = lia_record_get_id (LIA_RECORD (leaving));
  assert_shadow_is_model (&rec);
  assert_model_is_timeline (G_LIST_MODEL (model), f->store, &filter);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    g_assert_cmpint (item_id (G_LIST_MODEL (model), i), !=, leaving_id);

  /* Deleted. */
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_true (lia_store_delete (f->store, LIA_RECORD (moved), &error));
  g_assert_no_error (error);
  assert_shadow_is_model (&rec);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n - 1);
  assert_model_is_timeline (G_LIST_MODEL (model), f->store, &filter);

  /* The adviser's time there is extended: their 2025 call now belongs. */
  lia_affiliation_set_until (affiliation, NULL);
  lia_test_save (f->store, affiliation);
  assert_shadow_is_model (&rec);
  assert_model_is_timeline (G_LIST_MODEL (model), f->store, &filter);
  assert_title_at (G_LIST_MODEL (model), 0, "Call after leaving");

  recorder_clear (&rec);
}

static void
iterate_until_walked (LiaListModel *model)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (_lia_list_model_is_walking (model) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (_lia_list_model_is_walking (model));
}

/* While idle, the model leaves anchors along the list; afterwards a page anywhere is one read,
 * and anchors stay right when rows come and go before them. */
static void
test_idle_walk (StoreFixture  *f,
                gconstpointer  data)
{
  const guint n = 20000;
  g_autoptr(LiaListModel) model = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaInteraction) middle = NULL;
  guint before;
  Recorder rec;

  g_assert_true (lia_store_begin (f->store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GDateTime) at = big_at (i);
      g_autoptr(LiaInteraction) it = lia_interaction_new (LIA_INTERACTION_KIND_NOTE, at, "Note");
      lia_test_save (f->store, it);
    }
  g_assert_true (lia_store_commit (f->store, &error));
  g_assert_no_error (error);

  model = lia_list_model_new_timeline (f->store, NULL);
  g_assert_true (_lia_list_model_is_walking (model));
  iterate_until_walked (model);
  g_assert_cmpuint (_lia_list_model_get_pages_fetched (model), ==, 0);

  /* Any page is now one read, and the right one. */
  before = _lia_list_model_get_pages_fetched (model);
  expected = lia_store_list_timeline (f->store, NULL, 12345, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (item_id (G_LIST_MODEL (model), 12345), ==, lia_test_record_id_at (expected, 0));
  g_assert_cmpuint (_lia_list_model_get_pages_fetched (model), ==, before + 1);
  g_clear_pointer (&expected, g_ptr_array_unref);

  /* A row in the middle by date: reported at its real place, and pages far after it are
   * still read right from the shifted anchors. */
  recorder_init (&rec, model, FALSE);
  {
    g_autoptr(GDateTime) base = big_at (n / 2);
    g_autoptr(GDateTime) at = g_date_time_add_seconds (base, 1);
    middle = lia_interaction_new (LIA_INTERACTION_KIND_CALL, at, "Inserted in the middle");
  }
  lia_test_save (f->store, middle);
  g_assert_cmpuint (rec.emissions->len, ==, 1);
  {
    Emission *e = &g_array_index (rec.emissions, Emission, 0);

    g_assert_cmpuint (e->added, ==, 1);
    g_assert_cmpint (item_id (G_LIST_MODEL (model), e->position), ==,
                     lia_record_get_id (LIA_RECORD (middle)));
    g_assert_cmpuint (e->position, ==, n - 1 - n / 2);
  }
  for (guint position = 100; position < n; position += 2999)
    {
      expected = lia_store_list_timeline (f->store, NULL, position, 1, &error);
      g_assert_no_error (error);
      g_assert_cmpint (item_id (G_LIST_MODEL (model), position), ==,
                       lia_test_record_id_at (expected, 0));
      g_clear_pointer (&expected, g_ptr_array_unref);
    }
  recorder_clear (&rec);
}

/* ------------------------------------------------------------------------------------------ */
/* Names                                                                                       */

static void
assert_names (GListModel  *model,
              const char **expected,
              guint        n_expected)
{
  guint n = g_list_model_get_n_items (model);
  gboolean same = n == n_expected;

  for (guint i = 0; same && i < n; i++)
    {
      g_autoptr(LiaRecord) record = g_list_model_get_item (model, i);
      same = g_strcmp0 (lia_record_get_label (record), expected[i]) == 0;
    }
  if (!same)
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(LiaRecord) record = g_list_model_get_item (model, i);
          g_printerr ("  %u: %s\n", i, lia_record_get_label (record));
        }
    }
  g_assert_true (same);
}

static gint64
add_named_contact (LiaStore   *store,
                   const char *display_name)
{
  g_autoptr(LiaContact) contact = lia_contact_new (NULL, NULL);

  lia_contact_set_display_name (contact, display_name);
  lia_test_save (store, contact);
  return lia_record_get_id (LIA_RECORD (contact));
}

static void
test_contacts_by_name (StoreFixture  *f,
                       gconstpointer  data)
{
  const char *sorted[] = { "amir Khan", "Eliza Doolittle", "Émile Zola", "Erik Olsen", "Zoë Baker" };
  const char *inserted[] = { "amir Khan", "Dmitri Ivanov", "Eliza Doolittle", "Émile Zola", "Erik Olsen", "Zoë Baker" };
  const char *renamed[] = { "Aaron Baker", "amir Khan", "Dmitri Ivanov", "Eliza Doolittle", "Émile Zola", "Erik Olsen" };
  g_autoptr(LiaListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  Recorder rec;
  gint64 zoe;

  add_named_contact (f->store, "Erik Olsen");
  add_named_contact (f->store, "Émile Zola");
  zoe = add_named_contact (f->store, "Zoë Baker");
  add_named_contact (f->store, "Eliza Doolittle");
  add_named_contact (f->store, "amir Khan");

  model = lia_list_model_new_contacts (f->store, LIA_CONTACT_SORT_FAMILY_NAME);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == LIA_TYPE_CONTACT);
  assert_names (G_LIST_MODEL (model), sorted, G_N_ELEMENTS (sorted));

  recorder_init (&rec, model, TRUE);
  add_named_contact (f->store, "Dmitri Ivanov");
  g_assert_cmpuint (rec.emissions->len, ==, 1);
  assert_emission (&rec, 0, 1, 0, 1);
  assert_names (G_LIST_MODEL (model), inserted, G_N_ELEMENTS (inserted));

  /* A rename moves the row. */
  {
    g_autoptr(LiaRecord) contact = lia_store_load (f->store, LIA_RECORD_KIND_CONTACT, zoe, &error);

    g_assert_no_error (error);
    lia_contact_set_display_name (LIA_CONTACT (contact), "Aaron Baker");
    recorder_reset (&rec);
    lia_test_save (f->store, contact);
    g_assert_cmpuint (rec.emissions->len, >=, 1);
    assert_shadow_is_model (&rec);
    assert_names (G_LIST_MODEL (model), renamed, G_N_ELEMENTS (renamed));
  }

  /* Interactions do not touch the contact list. */
  recorder_reset (&rec);
  lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL, "2024-01-01T10:00:00Z", "Call", zoe, 0);
  g_assert_cmpuint (rec.emissions->len, ==, 0);

  /* Deleting a contact removes its row where it was ("Aaron Baker", first). */
  {
    g_autoptr(LiaRecord) contact = lia_store_load (f->store, LIA_RECORD_KIND_CONTACT, zoe, &error);

    g_assert_no_error (error);
    recorder_reset (&rec);
    g_assert_true (lia_store_delete (f->store, contact, &error));
    g_assert_no_error (error);
    assert_shadow_is_model (&rec);
    assert_names (G_LIST_MODEL (model), renamed + 1, G_N_ELEMENTS (renamed) - 1);
    g_assert_cmpuint (rec.emissions->len, ==, 1);
    assert_emission (&rec, 0, 0, 1, 0);
  }

  recorder_clear (&rec);
}

static void
test_organizations_by_name (StoreFixture  *f,
                            gconstpointer  data)
{
  const char *sorted[] = { "Ärzte ohne Grenzen", "Öko-Institut", "Organisation mondiale de la Santé", "oxfam", "UNHCR" };
  g_autoptr(LiaListModel) model = NULL;
  Recorder rec;
  gint64 unhcr;

  unhcr = lia_test_add_organization (f->store, "UNHCR", 0);
  lia_test_add_organization (f->store, "oxfam", 0);
  lia_test_add_organization (f->store, "Organisation mondiale de la Santé", 0);
  lia_test_add_organization (f->store, "Öko-Institut", 0);
  lia_test_add_organization (f->store, "Ärzte ohne Grenzen", 0);

  model = lia_list_model_new_organizations (f->store);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == LIA_TYPE_ORGANIZATION);
  assert_names (G_LIST_MODEL (model), sorted, G_N_ELEMENTS (sorted));

  recorder_init (&rec, model, TRUE);
  lia_test_add_organization (f->store, "Médecins du Monde", 0);
  g_assert_cmpuint (rec.emissions->len, ==, 1);
  assert_emission (&rec, 0, 1, 0, 1);
  assert_shadow_is_model (&rec);

  /* Deleting one removes its row where it was: UNHCR, last. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LiaRecord) org = lia_store_load (f->store, LIA_RECORD_KIND_ORGANIZATION, unhcr, &error);

    g_assert_no_error (error);
    recorder_reset (&rec);
    g_assert_true (lia_store_delete (f->store, org, &error));
    g_assert_no_error (error);
  }
  assert_shadow_is_model (&rec);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 5);
  g_assert_cmpuint (rec.emissions->len, ==, 1);
  assert_emission (&rec, 0, 5, 1, 0);
  recorder_clear (&rec);
}

/* A record is found wherever it is in the list, by a count, without reading a page; one the
 * list does not hold is not found, without an error. */
static void
test_find (StoreFixture  *f,
           gconstpointer  data)
{
  g_autoptr(LiaListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[400];
  guint position = G_MAXUINT;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *name = g_strdup_printf ("Org %03u", (guint) G_N_ELEMENTS (ids) - 1 - i);

      ids[i] = lia_test_add_organization (f->store, name, 0);
    }
  model = lia_list_model_new_organizations (f->store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 400);

  /* Added last-first: the first added is the last row, far past the first pages. */
  g_assert_true (lia_list_model_find (model, ids[0], &position, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (position, ==, 399);
  g_assert_true (lia_list_model_find (model, ids[120], &position, &error));
  g_assert_cmpuint (position, ==, 279);
  g_assert_true (lia_list_model_find (model, ids[399], &position, &error));
  g_assert_cmpuint (position, ==, 0);
  g_assert_cmpuint (_lia_list_model_get_pages_fetched (model), ==, 0);
  {
    g_autoptr(LiaRecord) record = g_list_model_get_item (G_LIST_MODEL (model), 279);

    g_assert_cmpint (lia_record_get_id (record), ==, ids[120]);
  }

  g_assert_false (lia_list_model_find (model, 999999, &position, &error));
  g_assert_no_error (error);
}

/* ------------------------------------------------------------------------------------------ */
/* Lifetime                                                                                    */

static void
test_lifetime (StoreFixture  *f,
               gconstpointer  data)
{
  LiaListModel *model;
  LiaStore *store_pointer = f->store;

  seed_small (f->store, 5);

  /* The model goes away alone, and stops listening to the store. */
  model = lia_list_model_new_timeline (f->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 5);
  {
    g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_assert_nonnull (item);
  }
  g_assert_finalize_object (G_OBJECT (model));
  lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL, "2024-05-01T10:00:00Z", "After", 0, 0);

  /* An item outlives the model that gave it. */
  model = lia_list_model_new_contacts (f->store, LIA_CONTACT_SORT_FAMILY_NAME);
  lia_test_add_contact (f->store, "Amina", "Diallo");
  {
    LiaContact *contact = g_list_model_get_item (G_LIST_MODEL (model), 0);

    g_assert_finalize_object (G_OBJECT (model));
    g_assert_cmpstr (lia_contact_get_family_name (contact), ==, "Diallo");
    g_assert_finalize_object (G_OBJECT (contact));
  }

  /* When the application drops the store first, the store lives no longer than the model. */
  model = lia_list_model_new_timeline (f->store, NULL);
  g_object_add_weak_pointer (G_OBJECT (store_pointer), (gpointer *) &store_pointer);
  g_object_unref (g_steal_pointer (&f->store));
  g_assert_finalize_object (G_OBJECT (model));
  g_assert_null (store_pointer);
}

static void
on_error_notify_cb (LiaListModel *model,
                    GParamSpec   *pspec,
                    guint        *n_notified)
{
  (*n_notified)++;
}

/* A query that fails says so: the model keeps the store's message for the window (which shows
 * it with a Retry), instead of passing for an empty list; a reload once the database is
 * readable again brings the rows back and clears it. The table is renamed from another
 * connection, as a broken or foreign database would look. */
static void
test_failed_query (StoreFixture  *f,
                   gconstpointer  data)
{
  g_autoptr(LiaListModel) model = NULL;
  g_autoptr(LiaRecord) missing = NULL;
  guint n_notified = 0;
  Recorder rec;

  add_named_contact (f->store, "Amina Diallo");
  add_named_contact (f->store, "Bruno Keller");
  model = lia_list_model_new_contacts (f->store, LIA_CONTACT_SORT_FAMILY_NAME);
  g_assert_null (lia_list_model_get_error (model));
  g_signal_connect (model, "notify::error", G_CALLBACK (on_error_notify_cb), &n_notified);

  /* A page that cannot be read (none is cached yet): no row, and the reason. */
  lia_test_pg_sql (f, "ALTER TABLE contacts RENAME TO contacts_away");
  missing = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_null (missing);
  g_assert_nonnull (lia_list_model_get_error (model));
  g_assert_error (lia_list_model_get_error (model), LIA_STORE_ERROR, LIA_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (lia_list_model_get_error (model)->message, "contacts"));
  g_assert_cmpuint (n_notified, ==, 1);

  /* A count that cannot be made: empty, still with the reason. */
  recorder_init (&rec, model, FALSE);
  lia_list_model_reload (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_nonnull (lia_list_model_get_error (model));
  g_assert_cmpuint (rec.emissions->len, ==, 1);
  assert_emission (&rec, 0, 0, 2, 0);

  /* Retry once the table is back. */
  lia_test_pg_sql (f, "ALTER TABLE contacts_away RENAME TO contacts");
  n_notified = 0;
  lia_list_model_reload (model);
  g_assert_null (lia_list_model_get_error (model));
  g_assert_cmpuint (n_notified, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  g_assert_cmpuint (rec.emissions->len, ==, 2);
  assert_emission (&rec, 1, 0, 0, 2);
  g_assert_cmpint (item_id (G_LIST_MODEL (model), 0), >, 0);

  /* A model made over a broken database starts with the reason. */
  lia_test_pg_sql (f, "ALTER TABLE organizations RENAME TO organizations_away");
  {
    g_autoptr(LiaListModel) broken = lia_list_model_new_organizations (f->store);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (broken)), ==, 0);
    g_assert_nonnull (lia_list_model_get_error (broken));
  }
  lia_test_pg_sql (f, "ALTER TABLE organizations_away RENAME TO organizations");

  recorder_clear (&rec);
}

static void
set_assessment (LiaStore  *store,
                gint64     id,
                int        influence,
                LiaStance  stance)
{
  g_autoptr(LiaRecord) record = lia_test_load (store, LIA_RECORD_KIND_CONTACT, id);
  LiaAssessment *assessment = lia_contact_get_assessment (LIA_CONTACT (record));

  lia_assessment_set_influence (assessment, influence);
  lia_assessment_set_interest (assessment, 3);
  lia_assessment_set_stance (assessment, stance);
  lia_test_save (store, record);
}

static void
iterate_pending (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The window's contact list sorted and filtered on engagement, in SQL: a filter changes the
 * rows, a sort reorders them, a logged call moves a row. */
static void
test_contacts_by_engagement (StoreFixture  *f,
                             gconstpointer  data)
{
  const char *by_name[] = { "Amina Diallo", "Bruno Keller", "Chen Wei", "Dara Okafor" };
  const char *opposed[] = { "Amina Diallo", "Dara Okafor" };
  const char *by_influence[] = { "Dara Okafor", "Amina Diallo" };
  const char *by_last_contact[] = { "Chen Wei", "Amina Diallo", "Bruno Keller", "Dara Okafor" };
  const char *after_call[] = { "Amina Diallo", "Bruno Keller", "Dara Okafor", "Chen Wei" };
  const char *not_contacted[] = { "Amina Diallo" };
  g_autoptr(LiaListModel) model = NULL;
  g_autoptr(GDate) today = lia_date_parse_iso ("2025-06-30", NULL);
  LiaStakeholderQuery query;
  gint64 amina = add_named_contact (f->store, "Amina Diallo");
  gint64 bruno = add_named_contact (f->store, "Bruno Keller");
  gint64 chen = add_named_contact (f->store, "Chen Wei");
  gint64 dara = add_named_contact (f->store, "Dara Okafor");

  set_assessment (f->store, amina, 3, LIA_STANCE_OPPOSED);
  set_assessment (f->store, bruno, 4, LIA_STANCE_SUPPORTIVE);
  set_assessment (f->store, dara, 5, LIA_STANCE_OPPOSED);
  lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL, "2025-01-10T10:00:00Z", "Old", amina, 0);
  lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL, "2025-05-10T10:00:00Z", "Newer", bruno, 0);
  lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL, "2025-06-20T10:00:00Z", "Newest", dara, 0);

  model = lia_list_model_new_contacts (f->store, LIA_CONTACT_SORT_GIVEN_NAME);
  assert_names (G_LIST_MODEL (model), by_name, G_N_ELEMENTS (by_name));

  lia_stakeholder_query_init (&query);
  query.today = today;
  query.stances = 1u << LIA_STANCE_OPPOSED;
  lia_list_model_set_stakeholder_query (model, &query);
  assert_names (G_LIST_MODEL (model), opposed, G_N_ELEMENTS (opposed));
  query.sort = LIA_STAKEHOLDER_SORT_INFLUENCE;
  lia_list_model_set_stakeholder_query (model, &query);
  assert_names (G_LIST_MODEL (model), by_influence, G_N_ELEMENTS (by_influence));

  /* Never contacted first, then the longest ago. */
  lia_stakeholder_query_init (&query);
  query.today = today;
  query.sort = LIA_STAKEHOLDER_SORT_LAST_CONTACT;
  lia_list_model_set_stakeholder_query (model, &query);
  assert_names (G_LIST_MODEL (model), by_last_contact, G_N_ELEMENTS (by_last_contact));

  /* A call with Chen moves him to the end once the model has reloaded. */
  lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL, "2025-06-29T10:00:00Z", "Today", chen, 0);
  iterate_pending ();
  assert_names (G_LIST_MODEL (model), after_call, G_N_ELEMENTS (after_call));

  /* Not contacted in 90 days: only Amina (171 days). */
  query.not_contacted_days = 90;
  lia_list_model_set_stakeholder_query (model, &query);
  assert_names (G_LIST_MODEL (model), not_contacted, G_N_ELEMENTS (not_contacted));

  /* Back to the plain list by name. */
  lia_list_model_set_stakeholder_query (model, NULL);
  assert_names (G_LIST_MODEL (model), by_name, G_N_ELEMENTS (by_name));
}

/* "label#id, …" of the first @n items of @model, which holds exactly @n. */
static char *
model_rows (GListModel *model,
            guint       n)
{
  GString *rows = g_string_new (NULL);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaRecord) record = g_list_model_get_item (model, i);

      g_assert_nonnull (record);
      g_string_append_printf (rows, "%s%s#%" G_GINT64_FORMAT, i > 0 ? ", " : "",
                              lia_record_get_label (record), lia_record_get_id (record));
    }

  return g_string_free (rows, FALSE);
}

/* "Label#id, …" of the contacts in @values ("(id, 'YYYY-MM-DD'), …"), by that day, then
 * family name and id: the order a list by due day shows. group_concat() keeps the order of its
 * rows on SQLite; PostgreSQL's string_agg() is told. */
static char *
rows_by_due (StoreFixture *f,
             const char   *values)
{
  g_autofree char *sql = NULL;

  if (pg_cluster == NULL)
    sql = g_strdup_printf ("WITH d (id, due) AS (VALUES %s)"
                           " SELECT group_concat (row, ', ') FROM (SELECT c.label || '#' || c.id AS row"
                           "  FROM d JOIN contacts c ON c.id = d.id ORDER BY d.due, c.family_sort_key, c.id)",
                           values);
  else
    sql = g_strdup_printf ("WITH d (id, due) AS (VALUES %s)"
                           " SELECT string_agg (c.label || '#' || c.id, ', '"
                           "  ORDER BY d.due, c.family_sort_key, c.id)"
                           " FROM d JOIN contacts c ON c.id = d.id",
                           values);
  return lia_test_pg_sql_text (f, sql);
}

/* The window's contact list due for contact by due day, by family name: its first page
 * reads the first rows of each map cell (schema version 15) and its count comes from the
 * indexes. It holds, in order, the store's list of those due (worked out record by record)
 * sorted by due day, family name and id. More than a page of them are in one cell, on the
 * same days, named so that the family, given name and id orders all differ. */
static void
test_contacts_due_pages (StoreFixture  *f,
                         gconstpointer  data)
{
  static const char * const given[] = { "Zoe", "Yann", "Ana", "Omar", "Lena", "Ivo", "Bea" };
  static const char * const family[] = { "Young", "Adams", "Moreau", "Baker", "Zola", "Keller", "Diaz",
                                         "Nakamura", "Costa", "Olsen", "Fischer" };
  /* Due by 31 May (a day's two calls count as that day), 1 May, today (never), not yet. */
  static const char * const at[] = { "2025-05-01T10:00:00Z", "2025-05-01T16:00:00Z", "2025-04-01T10:00:00Z",
                                     NULL, "2025-05-01T10:00:00Z", "2025-04-01T10:00:00Z",
                                     "2025-06-25T10:00:00Z", "2025-05-01T10:00:00Z", "2025-04-01T10:00:00Z",
                                     "2025-05-01T10:00:00Z" };
  g_autoptr(GDate) today = lia_date_parse_iso ("2025-06-30", NULL);
  g_autoptr(LiaListModel) model = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) values = g_string_new (NULL);
  g_autofree char *got = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *expected = NULL;
  LiaStakeholderQuery query;
  guint count = 0;

  for (guint i = 0; i < 110; i++)
    {
      gint64 id = lia_test_add_contact (f->store, given[i % G_N_ELEMENTS (given)],
                                        family[i % G_N_ELEMENTS (family)]);
      const char *when = i < 100 ? at[i % G_N_ELEMENTS (at)] : (i % 2 ? "2025-02-01T10:00:00Z" : NULL);

      /* Influence 4, interest 3: every 30 days; the last ten 2 and 3: every 90 days. */
      set_assessment (f->store, id, i < 100 ? 4 : 2, LIA_STANCE_NEUTRAL);
      if (when != NULL)
        lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL, when, "Call", id, 0);
    }

  lia_stakeholder_query_init (&query);
  query.today = today;
  query.kinds = 1u << LIA_RECORD_KIND_CONTACT;
  query.due_only = TRUE;
  query.sort = LIA_STAKEHOLDER_SORT_DUE;
  g_assert_true (lia_store_count_stakeholders (f->store, &query, &count, &error));
  g_assert_no_error (error);
  due = lia_store_list_stakeholders (f->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, count);
  /* 90 of the first 100 (80 contacted: more than a page of 64) and all of the last 10. */
  g_assert_cmpuint (count, ==, 100);

  for (guint i = 0; i < due->len; i++)
    {
      LiaStakeholder *s = due->pdata[i];
      g_autofree char *day = lia_date_to_iso (s->next_contact);

      g_string_append_printf (values, "%s(%" G_GINT64_FORMAT ", '%s')", i > 0 ? ", " : "", s->id, day);
    }
  expected = rows_by_due (f, values->str);

  model = lia_list_model_new_contacts (f->store, LIA_CONTACT_SORT_FAMILY_NAME);
  lia_list_model_set_stakeholder_query (model, &query);
  got = model_rows (G_LIST_MODEL (model), count);
  g_assert_cmpstr (got, ==, expected);
  /* First those last called on 1 April (due 1 May), by family then given name. */
  g_assert_true (g_str_has_prefix (got, "Ivo Adams#13, Omar Adams#"));

  /* The whole list of those opposed by due day, due or not: its first page reads each cell's
   * first rows and those without a cadence (not assessed here, 60 of them) come last, by
   * family name, in that same first page. */
  for (guint i = 0; i < 70; i++)
    {
      gint64 id = lia_test_add_contact (f->store, given[i % G_N_ELEMENTS (given)],
                                        family[(i + 3) % G_N_ELEMENTS (family)]);

      set_assessment (f->store, id, i % 7 == 0 ? 4 : 0, LIA_STANCE_OPPOSED);
      if (i % 3 == 0)
        lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL, at[i % G_N_ELEMENTS (at)] != NULL
                                  ? at[i % G_N_ELEMENTS (at)] : "2025-06-29T10:00:00Z", "Call", id, 0);
    }
  query.due_only = FALSE;
  query.stances = 1u << LIA_STANCE_OPPOSED;
  g_clear_pointer (&due, g_ptr_array_unref);
  due = lia_store_list_stakeholders (f->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 70);
  g_string_truncate (values, 0);
  for (guint i = 0; i < due->len; i++)
    {
      LiaStakeholder *s = due->pdata[i];
      /* Never due: after every day, as in the list. */
      g_autofree char *day = s->next_contact != NULL ? lia_date_to_iso (s->next_contact) : g_strdup ("9999-12-31");

      g_string_append_printf (values, "%s(%" G_GINT64_FORMAT ", '%s')", i > 0 ? ", " : "", s->id, day);
    }
  g_free (expected);
  expected = rows_by_due (f, values->str);
  lia_list_model_set_stakeholder_query (model, &query);
  g_free (got);
  got = model_rows (G_LIST_MODEL (model), 70);
  g_assert_cmpstr (got, ==, expected);

  /* By influence and by interest, in the window's two name orders: the first page (64 rows)
   * reads each map cell's first rows by that name (schema version 18), and interest 3 merges
   * three cells, one of them more than a page long, by the name alone. */
  for (guint sort = 0; sort < 4; sort++)
    {
      const char *column = sort < 2 ? "influence" : "interest";
      const char *name = sort % 2 ? "given_sort_key" : "family_sort_key";
      g_autoptr(LiaListModel) by_cell = lia_list_model_new_contacts (f->store, sort % 2 ? LIA_CONTACT_SORT_GIVEN_NAME
                                                                                        : LIA_CONTACT_SORT_FAMILY_NAME);

      query.sort = sort < 2 ? LIA_STAKEHOLDER_SORT_INFLUENCE : LIA_STAKEHOLDER_SORT_INTEREST;
      query.stances = 0;
      g_free (sql);
      /* Those not assessed last, on both backends (PostgreSQL puts NULL first in DESC). */
      if (pg_cluster == NULL)
        sql = g_strdup_printf ("SELECT group_concat (row, ', ') FROM (SELECT label || '#' || id AS row"
                               "  FROM contacts ORDER BY %s DESC NULLS LAST, %s, id)", column, name);
      else
        sql = g_strdup_printf ("SELECT string_agg (label || '#' || id, ', '"
                               "  ORDER BY %s DESC NULLS LAST, %s, id) FROM contacts", column, name);
      g_free (expected);
      expected = lia_test_pg_sql_text (f, sql);
      lia_list_model_set_stakeholder_query (by_cell, &query);
      g_free (got);
      got = model_rows (G_LIST_MODEL (by_cell), 180);
      g_assert_cmpstr (got, ==, expected);
    }
}

/* The interaction at @position of @model has the participants, in their order, that loading
 * it gives: at least one contact. */
static void
assert_same_participants (LiaStore   *store,
                          GListModel *model,
                          guint       position)
{
  g_autoptr(LiaInteraction) shown = g_list_model_get_item (model, position);
  g_autoptr(LiaRecord) loaded = lia_test_load (store, LIA_RECORD_KIND_INTERACTION,
                                               lia_record_get_id (LIA_RECORD (shown)));
  const GArray *a = lia_interaction_get_contact_ids (shown);
  const GArray *b = lia_interaction_get_contact_ids (LIA_INTERACTION (loaded));
  const GArray *c = lia_interaction_get_organization_ids (shown);
  const GArray *d = lia_interaction_get_organization_ids (LIA_INTERACTION (loaded));

  g_assert_cmpuint (a->len, ==, b->len);
  g_assert_cmpuint (c->len, ==, d->len);
  g_assert_cmpuint (a->len, >=, 1);
  for (guint j = 0; j < a->len; j++)
    g_assert_cmpint (g_array_index (a, gint64, j), ==, g_array_index (b, gint64, j));
  for (guint j = 0; j < c->len; j++)
    g_assert_cmpint (g_array_index (c, gint64, j), ==, g_array_index (d, gint64, j));
}

/* A timeline page brings its interactions' participants, in their order, and their names, read
 * for the page at once: the same as loading each interaction; a rename drops the name kept. */
static void
test_page_participants (StoreFixture  *f,
                        gconstpointer  data)
{
  g_autoptr(LiaListModel) model = NULL;
  gint64 who = lia_test_add_organization (f->store, "World Health Organization", 0);
  gint64 unicef = lia_test_add_organization (f->store, "UNICEF", 0);
  gint64 amina = lia_test_add_contact (f->store, "Amina", "Diallo");
  gint64 bruno = lia_test_add_contact (f->store, "Bruno", "Keller");
  guint n;

  /* 70 interactions, so that a page of 64 and the next are read; every third one with two
   * contacts in the order Bruno, Amina and two organizations. */
  for (guint i = 0; i < 70; i++)
    {
      g_autofree char *at = g_strdup_printf ("2025-03-%02uT10:00:00+01:00", 1 + i % 28);
      g_autofree char *title = g_strdup_printf ("Meeting %u", i);
      gint64 id = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_MEETING, at, title,
                                            i % 3 == 0 ? bruno : amina, who);

      if (i % 3 == 0)
        {
          g_autoptr(LiaRecord) loaded = lia_test_load (f->store, LIA_RECORD_KIND_INTERACTION, id);

          lia_interaction_add_contact (LIA_INTERACTION (loaded), amina);
          lia_interaction_add_organization (LIA_INTERACTION (loaded), unicef);
          g_assert_true (lia_store_save (f->store, loaded, NULL));
        }
    }

  model = lia_list_model_new_timeline (f->store, NULL);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, ==, 70);
  g_assert_null (lia_list_model_get_label (model, LIA_RECORD_KIND_CONTACT, amina));

  for (guint i = 0; i < n; i++)
    assert_same_participants (f->store, G_LIST_MODEL (model), i);
  /* Both pages were read, one query each for their participants. */
  g_assert_cmpuint (_lia_list_model_get_pages_fetched (model), ==, 2);
  g_assert_cmpstr (lia_list_model_get_label (model, LIA_RECORD_KIND_CONTACT, amina), ==, "Amina Diallo");
  g_assert_cmpstr (lia_list_model_get_label (model, LIA_RECORD_KIND_CONTACT, bruno), ==, "Bruno Keller");
  g_assert_cmpstr (lia_list_model_get_label (model, LIA_RECORD_KIND_ORGANIZATION, unicef), ==, "UNICEF");
  g_assert_cmpstr (lia_list_model_get_label (model, LIA_RECORD_KIND_ORGANIZATION, who), ==,
                   "World Health Organization");
  g_assert_null (lia_list_model_get_label (model, LIA_RECORD_KIND_ORGANIZATION, unicef + 100));

  /* Renamed: the old name is not given any more. */
  {
    g_autoptr(LiaRecord) org = lia_test_load (f->store, LIA_RECORD_KIND_ORGANIZATION, unicef);

    lia_organization_set_name (LIA_ORGANIZATION (org), "UNICEF Regional Office");
    g_assert_true (lia_store_save (f->store, org, NULL));
  }
  g_assert_null (lia_list_model_get_label (model, LIA_RECORD_KIND_ORGANIZATION, unicef));
}

/* ------------------------------------------------------------------------------------------ */
/* A far page before the idle walk, from the per-day counts                                    */

#define SEEK_DAY_US G_GINT64_CONSTANT (86400000000)
#define SEEK_HOUR_US G_GINT64_CONSTANT (3600000000)

/* The days interaction_days should hold, from the rows themselves: differences either way. */
static gint64
day_count_mismatches (StoreFixture *f)
{
#define DAY "(at_utc - ((at_utc % 86400000000) + 86400000000) % 86400000000)"
  g_autofree char *count = lia_test_pg_sql_text (f,
    "SELECT (SELECT count(*) FROM (SELECT day_start, n FROM interaction_days WHERE n <> 0"
    "  EXCEPT SELECT " DAY ", count(*) FROM interactions GROUP BY 1) AS missing)"
    " + (SELECT count(*) FROM (SELECT " DAY ", count(*) FROM interactions GROUP BY 1"
    "  EXCEPT SELECT day_start, n FROM interaction_days WHERE n <> 0) AS extra)");
#undef DAY

  g_assert_nonnull (count);
  return g_ascii_strtoll (count, NULL, 10);
}

/* Rows all over the list, jumping far between them, each row around a day's first and last,
 * and both ends: the same as the plain ordered query returns at those places. */
static void
assert_far_rows (GListModel *model,
                 LiaStore   *store)
{
  g_autoptr(GPtrArray) expected = store_timeline (store, NULL);
  guint n = expected->len;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  for (guint i = 0; i < n / 40; i++)
    {
      guint p = (guint) (((guint64) i * 4813) % n);

      g_assert_cmpint (item_id (model, p), ==, lia_test_record_id_at (expected, p));
    }
  for (guint p = 1; p < n; p++)
    {
      GDateTime *a = lia_interaction_get_at (expected->pdata[p - 1]);
      GDateTime *b = lia_interaction_get_at (expected->pdata[p]);
      gint64 day_a = g_date_time_to_unix (a) / 86400 - (g_date_time_to_unix (a) % 86400 < 0);
      gint64 day_b = g_date_time_to_unix (b) / 86400 - (g_date_time_to_unix (b) % 86400 < 0);

      if (day_a == day_b)
        continue;
      /* Backwards, then forwards, so that neither comes from the same cached page only. */
      g_assert_cmpint (item_id (model, p), ==, lia_test_record_id_at (expected, p));
      g_assert_cmpint (item_id (model, p - 1), ==, lia_test_record_id_at (expected, p - 1));
    }
  g_assert_cmpint (item_id (model, n - 1), ==, lia_test_record_id_at (expected, n - 1));
}

static LiaInteraction *
add_at_us (LiaStore   *store,
           gint64      at_us,
           int         offset_hours,
           const char *title)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (0);
  g_autoptr(GDateTime) moved = g_date_time_add (utc, at_us);
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (offset_hours * 3600);
  g_autoptr(GDateTime) at = g_date_time_to_timezone (moved, zone);
  LiaInteraction *it = lia_interaction_new (LIA_INTERACTION_KIND_MEETING, at, title);

  lia_test_save (store, it);
  return it;
}

/* A page far from every anchor, before the model has had idle time, is found from the
 * interactions per day (schema version 16) and a short skip inside the day; the rows are the
 * same as the ordered query's, on days that are full, at the instant a day starts and ends in
 * UTC and in the interaction's own offset, before 1970, and after every kind of change. */
static void
test_day_seek (StoreFixture  *f,
               gconstpointer  data)
{
  const gint64 base = G_GINT64_CONSTANT (1577836800) * G_USEC_PER_SEC; /* 2020-01-01 UTC */
  g_autoptr(LiaListModel) model = NULL;
  g_autoptr(LiaListModel) fresh = NULL;
  g_autoptr(LiaInteraction) moved = NULL;
  g_autoptr(LiaInteraction) gone = NULL;
  g_autoptr(LiaDeletion) deletion = NULL;
  g_autoptr(LiaRecord) back = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (lia_store_begin (f->store, &error));
  for (guint d = 0; d < 45; d++)
    {
      gint64 day = base + d * SEEK_DAY_US;
      guint per_day = 150 + (d * 37) % 160;

      /* The first and last microsecond of the UTC day, its local midnight at +02:00 and
       * -05:00 (the day before and the same day in UTC), and many at one instant. */
      g_clear_object (&moved);
      moved = add_at_us (f->store, day, 0, "Day start");
      g_object_unref (add_at_us (f->store, day + SEEK_DAY_US - 1, 0, "Day end"));
      g_object_unref (add_at_us (f->store, day - 2 * SEEK_HOUR_US, 2, "Local midnight east"));
      g_object_unref (add_at_us (f->store, day + 5 * SEEK_HOUR_US, -5, "Local midnight west"));
      for (guint i = 0; i < per_day; i++)
        g_object_unref (add_at_us (f->store, day + (gint64) (i % 40) * SEEK_HOUR_US / 2, (int) (i % 3) - 1,
                                   "Same day"));
      n += per_day + 4;
    }
  /* Before 1970: the day of a negative instant starts before it, too. */
  for (guint i = 0; i < 300; i++)
    g_object_unref (add_at_us (f->store, -(gint64) (i % 3) * SEEK_HOUR_US - (gint64) (i % 2), 0, "Old"));
  n += 300;
  g_assert_true (lia_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, >, 2 * 4096 + 64);
  g_assert_cmpint (day_count_mismatches (f), ==, 0);

  model = lia_list_model_new_timeline (f->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);
  g_assert_true (_lia_list_model_is_walking (model));
  assert_far_rows (G_LIST_MODEL (model), f->store);
  g_assert_cmpuint (_lia_list_model_get_day_seeks (model), >, 0);

  iterate_until_walked (model);
  assert_far_rows (G_LIST_MODEL (model), f->store);

  /* Save, move to another day, delete, undo, bulk load: the counts follow, and a new model
   * (before its walk) and the one following the changes both show the right rows. */
  g_object_unref (add_at_us (f->store, base + 10 * SEEK_DAY_US, 0, "Added at a day start"));
  gone = add_at_us (f->store, base + 3 * SEEK_DAY_US - 1, 3, "To delete");
  /* The newest day's first row, moved to the instant of the one to delete. */
  lia_interaction_set_at (moved, lia_interaction_get_at (gone));
  lia_test_save (f->store, moved);
  g_assert_cmpint (day_count_mismatches (f), ==, 0);
  deletion = lia_store_delete_with_undo (f->store, LIA_RECORD (gone), &error);
  g_assert_no_error (error);
  g_assert_cmpint (day_count_mismatches (f), ==, 0);
  assert_far_rows (G_LIST_MODEL (model), f->store);
  back = lia_store_undo_deletion (f->store, deletion, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_cmpint (day_count_mismatches (f), ==, 0);

  g_assert_true (lia_store_begin (f->store, &error));
  g_assert_true (lia_store_begin_bulk_load (f->store, &error));
  for (guint i = 0; i < 500; i++)
    g_object_unref (add_at_us (f->store, base + (gint64) (i % 50) * SEEK_DAY_US + 7, 0, "Loaded"));
  g_assert_true (lia_store_end_bulk_load (f->store, &error));
  g_assert_true (lia_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (day_count_mismatches (f), ==, 0);
  iterate_pending ();

  fresh = lia_list_model_new_timeline (f->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fresh)), ==, n + 2 + 500);
  assert_far_rows (G_LIST_MODEL (fresh), f->store);
  g_assert_cmpuint (_lia_list_model_get_day_seeks (fresh), >, 0);
  assert_far_rows (G_LIST_MODEL (model), f->store);

  /* A filtered timeline keeps counting its own rows. */
  {
    LiaTimelineFilter filter = { .kinds = 1u << LIA_INTERACTION_KIND_MEETING };
    g_autoptr(LiaListModel) meetings = lia_list_model_new_timeline (f->store, &filter);

    g_autoptr(GPtrArray) expected = store_timeline (f->store, &filter);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (meetings)), ==, expected->len);
    g_assert_cmpint (item_id (G_LIST_MODEL (meetings), expected->len / 2), ==,
                     lia_test_record_id_at (expected, expected->len / 2));
    g_assert_cmpuint (_lia_list_model_get_day_seeks (meetings), ==, 0);
  }
}

/* Far jumps in new models, more than a server plans one by one before it keeps one plan for
 * the statement: each page found from its day holds the ordered query's rows, each with its
 * participants in their order and their names. */
static void
test_far_page_participants (StoreFixture  *f,
                            gconstpointer  data)
{
  gint64 people[3] = {
    lia_test_add_contact (f->store, "Amina", "Diallo"),
    lia_test_add_contact (f->store, "Bruno", "Keller"),
    lia_test_add_contact (f->store, "Chen", "Wei"),
  };
  gint64 who = lia_test_add_organization (f->store, "World Health Organization", 0);
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_store_begin (f->store, &error));
  for (guint i = 0; i < 1500; i++)
    {
      g_autofree char *at = g_strdup_printf ("2025-03-%02uT%02u:%02u:00Z", 1 + i % 25, i % 24, i % 60);
      g_autoptr(GDateTime) when = lia_test_at (at);
      g_autoptr(LiaInteraction) it = lia_interaction_new (LIA_INTERACTION_KIND_CALL, when, "Call");

      lia_interaction_add_contact (it, people[(i + 1) % 3]);
      if (i % 5 == 0)
        lia_interaction_add_contact (it, people[i % 3]);
      if (i % 2 == 0)
        lia_interaction_add_organization (it, who);
      lia_test_save (f->store, it);
    }
  g_assert_true (lia_store_commit (f->store, &error));
  g_assert_no_error (error);
  expected = store_timeline (f->store, NULL);

  for (guint jump = 0; jump < 12; jump++)
    {
      g_autoptr(LiaListModel) model = lia_list_model_new_timeline (f->store, NULL);
      guint position = 600 + jump * 23;

      g_assert_cmpint (item_id (G_LIST_MODEL (model), position), ==,
                       lia_test_record_id_at (expected, position));
      if (pg_cluster != NULL)
        g_assert_cmpuint (_lia_list_model_get_day_seeks (model), ==, 1);
      for (guint p = position - position % 64; p < position - position % 64 + 64; p++)
        {
          g_assert_cmpint (item_id (G_LIST_MODEL (model), p), ==, lia_test_record_id_at (expected, p));
          assert_same_participants (f->store, G_LIST_MODEL (model), p);
        }
      g_assert_cmpuint (_lia_list_model_get_pages_fetched (model), ==, 1);
      g_assert_cmpstr (lia_list_model_get_label (model, LIA_RECORD_KIND_CONTACT, people[2]), ==, "Chen Wei");
      g_assert_cmpstr (lia_list_model_get_label (model, LIA_RECORD_KIND_ORGANIZATION, who), ==,
                       "World Health Organization");
    }
}

int
main (int   argc,
      char *argv[])
{
  int skip = 0;

  if (!lia_test_pg_init (&argc, &argv, &skip))
    return skip;

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, lia_test_pg_template_fixture_setup, func, \
              lia_test_pg_fixture_teardown)

  ADD ("/list-model/timeline/100k", test_big_timeline);
  ADD ("/list-model/contacts/due-pages", test_contacts_due_pages);
  ADD ("/list-model/timeline/small-changes", test_small_changes);
  ADD ("/list-model/timeline/bulk-change", test_bulk_change);
  ADD ("/list-model/timeline/reload-after-other-connection", test_reload_after_other_connection);
  ADD ("/list-model/timeline/filtered", test_filtered_timelines);
  ADD ("/list-model/timeline/organization-changes", test_organization_timeline_changes);
  ADD ("/list-model/timeline/idle-walk", test_idle_walk);
  ADD ("/list-model/timeline/day-seek", test_day_seek);
  ADD ("/list-model/timeline/far-page-participants", test_far_page_participants);
  ADD ("/list-model/timeline/page-participants", test_page_participants);
  ADD ("/list-model/contacts/by-name", test_contacts_by_name);
  ADD ("/list-model/organizations/by-name", test_organizations_by_name);
  ADD ("/list-model/contacts/by-engagement", test_contacts_by_engagement);
  ADD ("/list-model/find", test_find);
  ADD ("/list-model/lifetime", test_lifetime);
  ADD ("/list-model/failed-query", test_failed_query);

#undef ADD

  return g_test_run ();
}
