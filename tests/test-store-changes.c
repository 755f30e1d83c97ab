/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Other connections' commits (the command line, an import thread, another window) reach a
 * watching store as the same "changed" and "reset" signals as its own writes: from the change
 * log the schema's triggers fill, on the main loop, within the poll interval of a file, or on
 * a team server as soon as its NOTIFY arrives (--postgresql). */

#include "lia-test-pg.h"
#include "lia-list-model.h"
#include "lia-store-bulk.h"

typedef struct
{
  StoreFixture  base;
  LiaStore     *other;     /* a second connection on the same database */
  GArray       *changes;   /* LiaTestChange seen by base.store */
  guint         n_resets;
} ChangesFixture;

static void
changes_setup (ChangesFixture *f,
               gconstpointer   data)
{
  lia_test_pg_template_fixture_setup (&f->base, data);
  f->other = lia_test_open (f->base.path);
  f->changes = g_array_new (FALSE, TRUE, sizeof (LiaTestChange));
  g_signal_connect (f->base.store, "changed", G_CALLBACK (lia_test_on_changed_cb), f->changes);
  g_signal_connect (f->base.store, "reset", G_CALLBACK (lia_test_on_reset_cb), &f->n_resets);
  lia_store_set_watching (f->base.store, TRUE);
}

static void
changes_teardown (ChangesFixture *f,
                  gconstpointer   data)
{
  g_assert_finalize_object (G_OBJECT (g_steal_pointer (&f->other)));
  g_clear_pointer (&f->changes, g_array_unref);
  lia_test_pg_fixture_teardown (&f->base, data);
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @n changes or one reset arrived, or @limit_ms passed; then two more
 * intervals, so that a duplicate would show. Returns how long the first signal took, in ms,
 * or -1 if none came. */
static gint64
wait_at_most (ChangesFixture *f,
              guint           n,
              guint           limit_ms)
{
  gboolean timed_out = FALSE;
  gint64 start = g_get_monotonic_time ();
  gint64 arrived = -1;
  guint source = g_timeout_add (limit_ms, timeout_cb, &timed_out);

  while (!timed_out && f->changes->len < n && f->n_resets == 0)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    {
      arrived = (g_get_monotonic_time () - start) / 1000;
      g_source_remove (source);
      timed_out = FALSE;
      source = g_timeout_add (LIA_STORE_WATCH_INTERVAL_MS * 2, timeout_cb, &timed_out);
      while (!timed_out)
        g_main_context_iteration (NULL, TRUE);
    }
  return arrived;
}

/* Waits for what must come: it comes by itself, however long a busy machine makes it take
 * (60 s before the test gives up). How fast is bench-notify's figure, not a test's. */
static gint64
wait_for (ChangesFixture *f,
          guint           n)
{
  return wait_at_most (f, n, 60 * 1000);
}

static void
test_insert_update_delete (ChangesFixture *f,
                           gconstpointer   data)
{
  g_autoptr(LiaRecord) org = NULL;
  gint64 id, own_id, delay;

  id = lia_test_add_organization (f->other, "Ministry of Health", 0);
  delay = wait_for (f, 1);
  g_test_message ("another connection's insert reached this store after %" G_GINT64_FORMAT " ms", delay);
  g_assert_cmpint (delay, >=, 0);
  g_assert_cmpuint (f->n_resets, ==, 0);
  g_assert_cmpuint (f->changes->len, ==, 1);
  lia_test_assert_change (f->changes, 0, LIA_RECORD_KIND_ORGANIZATION, id, LIA_STORE_CHANGE_ADDED);
  g_assert_true (g_array_index (f->changes, LiaTestChange, 0).had_current);
  /* A server has no commit counter to poll: what arrived came by its NOTIFY. */
  if (pg_cluster != NULL)
    {
      g_autoptr(GError) error = NULL;
      gint64 version;

      g_assert_false (lia_store_get_data_version (f->base.store, &version, &error));
      g_assert_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_FAILED);
    }

  /* Our own write is announced once, when it commits, not again by the watcher. */
  own_id = lia_test_add_organization (f->base.store, "Red Cross", 0);
  g_assert_cmpuint (f->changes->len, ==, 2);
  lia_test_assert_change (f->changes, 1, LIA_RECORD_KIND_ORGANIZATION, own_id, LIA_STORE_CHANGE_ADDED);

  org = lia_test_load (f->other, LIA_RECORD_KIND_ORGANIZATION, id);
  lia_organization_set_sector (LIA_ORGANIZATION (org), "Health");
  lia_organization_set_tags (LIA_ORGANIZATION (org), (const char * const[]) { "ministry", NULL });
  lia_test_save (f->other, org);
  g_assert_cmpint (wait_for (f, 3), >=, 0);
  /* The row and its tags changed: one change for the record. */
  g_assert_cmpuint (f->changes->len, ==, 3);
  lia_test_assert_change (f->changes, 2, LIA_RECORD_KIND_ORGANIZATION, id, LIA_STORE_CHANGE_UPDATED);

  g_assert_true (lia_store_delete (f->other, org, NULL));
  g_assert_cmpint (wait_for (f, 4), >=, 0);
  g_assert_cmpuint (f->changes->len, ==, 4);
  lia_test_assert_change (f->changes, 3, LIA_RECORD_KIND_ORGANIZATION, id, LIA_STORE_CHANGE_REMOVED);
  g_assert_false (g_array_index (f->changes, LiaTestChange, 3).had_current);
  g_assert_cmpuint (f->n_resets, ==, 0);

  /* The store signs its own writes in the log. */
  g_assert_cmpint (lia_test_pg_sql_int (&f->base,
                                     "SELECT count(*) FROM change_log WHERE author IS NULL"), ==, 0);
}

static void
test_many_changes_reset (ChangesFixture *f,
                         gconstpointer   data)
{
  g_assert_true (lia_store_begin (f->other, NULL));
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("Organization %u", i);
      lia_test_add_organization (f->other, name, 0);
    }
  g_assert_true (lia_store_commit (f->other, NULL));

  g_assert_cmpint (wait_for (f, 1), >=, 0);
  g_assert_cmpuint (f->n_resets, ==, 1);
  g_assert_cmpuint (f->changes->len, ==, 0);
}

static void
test_pruned_log_reset (ChangesFixture *f,
                       gconstpointer   data)
{
  lia_test_add_organization (f->other, "One", 0);
  lia_test_add_organization (f->other, "Two", 0);
  lia_test_add_organization (f->other, "Three", 0);
  /* As the pruning trigger would after 10,000 more: what we did not read yet is gone. */
  lia_test_pg_sql (&f->base, "DELETE FROM change_log WHERE seq < (SELECT max (seq) FROM change_log)");

  g_assert_cmpint (wait_for (f, 1), >=, 0);
  g_assert_cmpuint (f->n_resets, ==, 1);
  g_assert_cmpuint (f->changes->len, ==, 0);
}

static void
test_bulk_load_reset (ChangesFixture *f,
                      gconstpointer   data)
{
  g_assert_true (lia_store_begin (f->other, NULL));
  g_assert_true (lia_store_begin_bulk_load (f->other, NULL));
  lia_test_add_organization (f->other, "Loaded", 0);
  g_assert_true (lia_store_end_bulk_load (f->other, NULL));
  g_assert_true (lia_store_commit (f->other, NULL));

  /* One row for the whole load, not one per record. */
  g_assert_cmpint (lia_test_pg_sql_int (&f->base, "SELECT count(*) FROM change_log"), ==, 1);
  g_assert_cmpint (wait_for (f, 1), >=, 0);
  g_assert_cmpuint (f->n_resets, ==, 1);
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GArray     *emissions)
{
  guint e[3] = { position, removed, added };

  g_array_append_vals (emissions, e, 3);
}

static void
test_list_model_exact_insert (ChangesFixture *f,
                              gconstpointer   data)
{
  g_autoptr(LiaListModel) model = NULL;
  g_autoptr(GArray) emissions = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(LiaRecord) second = NULL;
  gint64 beta;

  lia_test_add_organization (f->base.store, "Alpha Institute", 0);
  lia_test_add_organization (f->base.store, "Gamma Council", 0);
  model = lia_list_model_new_organizations (f->base.store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), emissions);
  g_array_set_size (f->changes, 0);

  beta = lia_test_add_organization (f->other, "Beta Foundation", 0);
  g_assert_cmpint (wait_for (f, 1), >=, 0);

  /* Exactly one row added at its place by name, not a reload. */
  g_assert_cmpuint (emissions->len, ==, 3);
  g_assert_cmpuint (g_array_index (emissions, guint, 0), ==, 1);
  g_assert_cmpuint (g_array_index (emissions, guint, 1), ==, 0);
  g_assert_cmpuint (g_array_index (emissions, guint, 2), ==, 1);
  second = g_list_model_get_item (G_LIST_MODEL (model), 1);
  g_assert_cmpint (lia_record_get_id (second), ==, beta);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
}

static void
test_watching_stops (ChangesFixture *f,
                     gconstpointer   data)
{
  lia_store_set_watching (f->base.store, FALSE);
  g_assert_false (lia_store_get_watching (f->base.store));
  lia_test_add_organization (f->other, "Unseen", 0);
  /* What does not come: eight watch intervals without a signal. */
  g_assert_cmpint (wait_at_most (f, 1, 8 * LIA_STORE_WATCH_INTERVAL_MS), ==, -1);
  g_assert_cmpuint (f->changes->len, ==, 0);

  /* Looking by hand still works, and finds what was missed. */
  g_assert_true (lia_store_check_outside_changes (f->base.store, NULL));
  g_assert_cmpuint (f->changes->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  int skip = 0;

  if (!lia_test_pg_init (&argc, &argv, &skip))
    return skip;

#define ADD(path, fn) g_test_add (path, ChangesFixture, NULL, changes_setup, fn, changes_teardown)
  ADD ("/store-changes/insert-update-delete", test_insert_update_delete);
  ADD ("/store-changes/many-changes-reset", test_many_changes_reset);
  ADD ("/store-changes/pruned-log-reset", test_pruned_log_reset);
  ADD ("/store-changes/bulk-load-reset", test_bulk_load_reset);
  ADD ("/store-changes/list-model-exact-insert", test_list_model_exact_insert);
  ADD ("/store-changes/watching-stops", test_watching_stops);
#undef ADD

  return g_test_run ();
}
