/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-list-model"

#include "config.h"

#include "lia-list-model-private.h"
#include "lia-list-query-private.h"

/* How it stays cheap at a million rows:
 *
 * - Rows are ordered by (key, id): the instant for the timeline, a folded name otherwise.
 *   LiaListQuery writes every query so that an index on (key, id) serves it.
 * - A page is read with LIMIT/OFFSET counted from the nearest *anchor*: a known key with its
 *   position. Both ends of the list count as anchors, the first row of every page read becomes
 *   one, and when the main loop is idle the model walks the index and leaves an anchor every
 *   ANCHOR_SPACING rows. After that, a page anywhere costs a short index range scan.
 * - The whole timeline also has per-day counts (interaction_days): a page far from every
 *   anchor, before the walk got there, starts from the day that holds it (a sum over a few
 *   thousand days, then at most a day's rows skipped), and its count is their sum.
 * - Anchors survive inserts and deletes: each one's position is shifted when a row is added or
 *   removed before it, decided by comparing keys, without a query.
 * - At most LIA_LIST_MODEL_MAX_PAGES pages are kept (least recently used goes first) and at
 *   most MAX_ANCHORS anchors, so memory does not grow with the row count.
 */

#define MAX_ANCHORS 4096
/* Names of a timeline's participants kept (about eight pages' worth). */
#define MAX_LABELS 4096
#define ANCHOR_SPACING 4096
#define ANCHORS_PER_IDLE 16
/* Further than this from every anchor, a timeline's page starts from its day's count instead
 * (a sum over a few thousand days, then at most a day's rows skipped). */
#define DAY_SEEK_MIN_OFFSET 512

/* A page read from a day (_lia_list_query_read_from_day()) fits what its statement reads. */
G_STATIC_ASSERT (LIA_LIST_MODEL_PAGE_SIZE <= LIA_LIST_QUERY_DAY_PAGE_ROWS);

typedef struct
{
  LiaListKey key;
  guint      position;  /* rows strictly before key */
} Anchor;

typedef struct
{
  guint      index;
  guint64    used;
  GPtrArray *items;
} Page;

struct _LiaListModel
{
  GObject       parent_instance;

  LiaStore     *store;
  LiaListQuery *query;
  gboolean      contacts_given_first;
  gulong        changed_handler;
  gulong        reset_handler;
  guint         reload_source;
  guint         anchor_source;

  guint         n_items;
  GArray       *anchors;
  Anchor        walk;         /* where the idle walk has got to */
  gboolean      walking;
  Page          pages[LIA_LIST_MODEL_MAX_PAGES];
  guint64       clock;
  guint         pages_fetched;
  guint         day_seeks;    /* pages found from the per-day counts */
  GError       *error;        /* the last query that failed, until one succeeds again */
  /* A timeline's participants' names, read with the pages: packed (id << 3 | kind) → label. */
  GHashTable   *labels;
};

enum {
  PROP_0,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LiaListModel, lia_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
anchor_clear (gpointer data)
{
  _lia_list_key_clear (&((Anchor *) data)->key);
}

static void
page_clear (Page *page)
{
  g_clear_pointer (&page->items, g_ptr_array_unref);
  page->used = 0;
}

static int
compare (LiaListModel     *self,
         const LiaListKey *a,
         const LiaListKey *b)
{
  return _lia_list_query_compare (self->query, a, b);
}

/* A failed query is kept for whoever shows the list: an empty list would say "nothing
 * there" when the truth is "could not read". Takes @error. */
static void
set_error (LiaListModel *self,
           GError       *error)
{
  g_clear_error (&self->error);
  self->error = error;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
clear_error (LiaListModel *self)
{
  if (self->error != NULL)
    set_error (self, NULL);
}

/* --- anchors ------------------------------------------------------------------------------ */

static void
add_anchor (LiaListModel     *self,
            const LiaListKey *key,
            guint             position)
{
  Anchor anchor = { { 0, NULL, 0 }, position };
  guint i;

  for (i = 0; i < self->anchors->len; i++)
    {
      Anchor *existing = &g_array_index (self->anchors, Anchor, i);

      if (existing->position == position)
        return;
      if (existing->position > position)
        break;
    }

  _lia_list_key_copy (&anchor.key, key);
  g_array_insert_val (self->anchors, i, anchor);

  /* Thin out rather than grow: every other anchor is still a short hop away. */
  if (self->anchors->len > MAX_ANCHORS)
    for (guint j = self->anchors->len - 1; j > 0; j -= MIN (j, 2u))
      g_array_remove_index (self->anchors, j);
}

/* A row with @key was added (+1) or removed (-1): anchors after it move. */
static void
shift_anchors (LiaListModel     *self,
               const LiaListKey *key,
               int               delta)
{
  for (guint i = 0; i < self->anchors->len; i++)
    {
      Anchor *anchor = &g_array_index (self->anchors, Anchor, i);

      if (compare (self, key, &anchor->key) < 0)
        anchor->position += delta;
    }

  if (self->walking && compare (self, key, &self->walk.key) < 0)
    self->walk.position += delta;
}

static void
stop_walk (LiaListModel *self)
{
  g_clear_handle_id (&self->anchor_source, g_source_remove);
  _lia_list_key_clear (&self->walk.key);
  self->walking = FALSE;
}

/* One idle step: a few more anchors, each ANCHOR_SPACING rows after the last, reading the
 * index only. Low priority: never in the way of drawing or input. */
static gboolean
walk_cb (gpointer user_data)
{
  LiaListModel *self = user_data;

  for (guint i = 0; i < ANCHORS_PER_IDLE; i++)
    {
      g_autoptr(GError) error = NULL;
      LiaListKey key = { 0, NULL, 0 };
      gboolean found = FALSE;

      if (!_lia_list_query_key_at (self->query, self->walking ? &self->walk.key : NULL,
                                   self->walking ? ANCHOR_SPACING : 0, &found, &key, &error))
        {
          set_error (self, g_steal_pointer (&error));
          found = FALSE;
        }

      if (!found)
        {
          self->anchor_source = 0;
          stop_walk (self);
          return G_SOURCE_REMOVE;
        }

      self->walk.position = self->walking ? self->walk.position + ANCHOR_SPACING : 0;
      _lia_list_key_clear (&self->walk.key);
      self->walk.key = key;
      self->walking = TRUE;
      add_anchor (self, &self->walk.key, self->walk.position);
    }

  return G_SOURCE_CONTINUE;
}

static void
start_walk (LiaListModel *self)
{
  stop_walk (self);

  if (self->n_items > 2 * ANCHOR_SPACING)
    self->anchor_source = g_idle_add_full (G_PRIORITY_LOW, walk_cb, self, NULL);
}

/* --- pages -------------------------------------------------------------------------------- */

static Page *
find_page (LiaListModel *self,
           guint         index)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->pages); i++)
    if (self->pages[i].items != NULL && self->pages[i].index == index)
      return &self->pages[i];
  return NULL;
}

static Page *
free_page_slot (LiaListModel *self)
{
  Page *oldest = &self->pages[0];

  for (guint i = 0; i < G_N_ELEMENTS (self->pages); i++)
    {
      if (self->pages[i].items == NULL)
        return &self->pages[i];
      if (self->pages[i].used < oldest->used)
        oldest = &self->pages[i];
    }

  page_clear (oldest);
  return oldest;
}

/* Pages that hold @position or anything after it no longer show the right rows. */
static void
drop_pages_from (LiaListModel *self,
                 guint         position)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->pages); i++)
    if (self->pages[i].items != NULL &&
        (self->pages[i].index + 1) * LIA_LIST_MODEL_PAGE_SIZE > position)
      page_clear (&self->pages[i]);
}

static void
drop_everything (LiaListModel *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->pages); i++)
    page_clear (&self->pages[i]);
  g_array_set_size (self->anchors, 0);
  stop_walk (self);
}

static gboolean reload_cb (gpointer user_data);

static void
schedule_reload (LiaListModel *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_idle_add (reload_cb, self);
}

static Page *
load_page (LiaListModel *self,
           guint         index)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  const Anchor *before = NULL;
  const Anchor *after = NULL;
  const LiaListKey *anchor = NULL;
  guint start = index * LIA_LIST_MODEL_PAGE_SIZE;
  guint count = MIN (LIA_LIST_MODEL_PAGE_SIZE, self->n_items - start);
  guint end = start + count;
  guint offset = start;
  gboolean backwards = FALSE;
  LiaListKey first = { 0, NULL, 0 };
  LiaListKey day = { 0, NULL, 0 };
  Page *page;

  for (guint i = 0; i < self->anchors->len; i++)
    {
      const Anchor *candidate = &g_array_index (self->anchors, Anchor, i);

      if (candidate->position <= start)
        before = candidate;
      else if (candidate->position >= end && after == NULL)
        after = candidate;
    }

  /* The cheapest way in: the rows that OFFSET skips are what costs. */
  if (self->n_items - end < offset)
    {
      offset = self->n_items - end;
      backwards = TRUE;
    }
  if (before != NULL && start - before->position < offset)
    {
      offset = start - before->position;
      anchor = &before->key;
      backwards = FALSE;
    }
  if (after != NULL && after->position - end < offset)
    {
      offset = after->position - end;
      anchor = &after->key;
      backwards = TRUE;
    }

  if (g_hash_table_size (self->labels) > MAX_LABELS)
    g_hash_table_remove_all (self->labels);

  /* Before the idle walk has been this way: the day that holds @start is found from the
   * per-day counts. On a server, the day and the page come in one round trip, and the page's
   * first row becomes the anchor for the pages around it; else the day becomes one. */
  if (offset > DAY_SEEK_MIN_OFFSET && _lia_list_query_reads_from_day (self->query))
    {
      if (!_lia_list_query_read_from_day (self->query, start, offset, count, items, &first,
                                          self->labels, &error))
        {
          set_error (self, g_steal_pointer (&error));
          _lia_list_key_clear (&first);
          return NULL;
        }
      if (items->len > 0)
        self->day_seeks++;
    }
  else if (offset > DAY_SEEK_MIN_OFFSET && _lia_list_query_has_day_counts (self->query))
    {
      guint day_position = G_MAXUINT;

      if (!_lia_list_query_day_anchor (self->query, start, &day, &day_position, &error))
        {
          set_error (self, g_steal_pointer (&error));
          return NULL;
        }
      if (day_position <= start && start - day_position < offset)
        {
          offset = start - day_position;
          anchor = &day;
          backwards = FALSE;
          self->day_seeks++;
          add_anchor (self, &day, day_position);
        }
    }

  /* Not read from its day (nothing there nearer than the other ways in). */
  if (items->len == 0 &&
      !_lia_list_query_read (self->query, anchor, backwards, offset, count, items, &first,
                             self->labels, &error))
    {
      set_error (self, g_steal_pointer (&error));
      _lia_list_key_clear (&first);
      _lia_list_key_clear (&day);
      return NULL;
    }
  _lia_list_key_clear (&day);

  self->pages_fetched++;

  /* Another connection (an import in a thread) changed the rows under us: show what we have
   * now and count again soon. */
  if (items->len != count)
    schedule_reload (self);

  if (items->len > 0)
    add_anchor (self, &first, start);
  _lia_list_key_clear (&first);

  page = free_page_slot (self);
  page->index = index;
  page->items = g_steal_pointer (&items);
  page->used = ++self->clock;

  return page;
}

/* --- following changes -------------------------------------------------------------------- */

/* The number of rows strictly before @key: where a row with that key is, or would be. When
 * @exclude is given, a row with that key is not counted (it is in the database already but
 * not yet in the model). */
static gboolean
position_of (LiaListModel      *self,
             const LiaListKey  *key,
             const LiaListKey  *exclude,
             guint             *out_position,
             GError           **error)
{
  const Anchor *from = NULL;
  guint count;

  for (guint i = 0; i < self->anchors->len; i++)
    {
      const Anchor *anchor = &g_array_index (self->anchors, Anchor, i);

      if (compare (self, &anchor->key, key) > 0)
        break;
      from = anchor;
    }

  if (!_lia_list_query_count_before (self->query, from != NULL ? &from->key : NULL, key, &count,
                                     error))
    return FALSE;

  if (from != NULL)
    count += from->position;

  if (exclude != NULL && compare (self, exclude, key) < 0 &&
      (from == NULL || compare (self, &from->key, exclude) <= 0))
    count--;

  *out_position = count;
  return TRUE;
}

static void
remove_row (LiaListModel     *self,
            guint             position,
            const LiaListKey *key)
{
  g_assert (self->n_items > 0);

  self->n_items--;
  shift_anchors (self, key, -1);
  drop_pages_from (self, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

static void
insert_row (LiaListModel     *self,
            guint             position,
            const LiaListKey *key)
{
  self->n_items++;
  shift_anchors (self, key, +1);
  drop_pages_from (self, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

static LiaRecord *
find_cached (LiaListModel *self,
             gint64        id)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->pages); i++)
    {
      GPtrArray *items = self->pages[i].items;

      for (guint j = 0; items != NULL && j < items->len; j++)
        if (lia_record_get_id (items->pdata[j]) == id)
          return items->pdata[j];
    }
  return NULL;
}

static gboolean
apply_change (LiaListModel    *self,
              gint64           id,
              LiaStoreChange   change,
              LiaRecord       *old,
              LiaRecord       *current,
              GError         **error)
{
  LiaListKey old_key = { 0, NULL, 0 };
  LiaListKey new_key = { 0, NULL, 0 };
  /* A query that keeps its own rows is changed here, step by step, so that each count sees
   * exactly the rows the model shows; the database proper has the new state already. */
  gboolean keeps_rows = _lia_list_query_keeps_rows (self->query);
  gboolean was = FALSE;
  gboolean is = FALSE;
  guint position;
  gboolean ok = FALSE;

  if (old != NULL && !_lia_list_query_contained (self->query, old, &was, error))
    return FALSE;
  if (change != LIA_STORE_CHANGE_REMOVED && current != NULL &&
      !_lia_list_query_contains (self->query, id, &is, error))
    return FALSE;

  if (was)
    _lia_list_query_key_of (self->query, old, &old_key);
  if (is)
    _lia_list_query_key_of (self->query, current, &new_key);

  if (was && is && compare (self, &old_key, &new_key) == 0)
    {
      /* Same place: the cached object takes the new values and notifies what changed. */
      LiaRecord *cached = find_cached (self, id);

      if (cached != NULL && cached != current)
        lia_record_copy_from (cached, current);
      ok = TRUE;
      goto out;
    }

  if (was)
    {
      if (keeps_rows && !_lia_list_query_remove_row (self->query, &old_key, error))
        goto out;
      if (!position_of (self, &old_key, (is && !keeps_rows) ? &new_key : NULL, &position, error))
        goto out;
      if (position >= self->n_items)
        {
          schedule_reload (self);
          ok = TRUE;
          goto out;
        }
      remove_row (self, position, &old_key);
    }

  if (is)
    {
      if (keeps_rows && !_lia_list_query_add_row (self->query, &new_key, error))
        goto out;
      if (!position_of (self, &new_key, NULL, &position, error))
        goto out;
      insert_row (self, MIN (position, self->n_items), &new_key);
    }

  ok = TRUE;

out:
  _lia_list_key_clear (&old_key);
  _lia_list_key_clear (&new_key);
  return ok;
}

static void
reload_now (LiaListModel *self)
{
  g_autoptr(GError) error = NULL;
  guint old_n_items = self->n_items;
  guint count = 0;

  g_clear_handle_id (&self->reload_source, g_source_remove);

  /* Never (0, n, n): GTK would then read every row. Empty first, then fill. */
  drop_everything (self);
  self->n_items = 0;
  if (old_n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, 0);

  if (!_lia_list_query_refresh (self->query, &error) ||
      !_lia_list_query_count (self->query, &count, &error))
    {
      set_error (self, g_steal_pointer (&error));
      return;
    }

  /* Before the rows arrive, so that a view never shows both the error and rows. */
  clear_error (self);
  self->n_items = count;
  if (count > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, count);

  start_walk (self);
}

static gboolean
reload_cb (gpointer user_data)
{
  LiaListModel *self = user_data;

  self->reload_source = 0;
  reload_now (self);

  return G_SOURCE_REMOVE;
}

/* Besides interactions, a timeline depends on affiliations: who belonged to an organization
 * when decides its timeline. Deleted people and organizations need nothing here: the store
 * reports each interaction that lost them as a participant. */
static void
follow_affiliation_change (LiaListModel            *self,
                           const LiaTimelineFilter *filter)
{
  if (filter->organization_id > 0)
    reload_now (self);
}

static void
on_store_changed_cb (LiaStore       *store,
                     LiaRecordKind   kind,
                     gint64          id,
                     LiaStoreChange  change,
                     LiaRecord      *old,
                     LiaRecord      *current,
                     LiaListModel   *self)
{
  const LiaTimelineFilter *filter = _lia_list_query_get_filter (self->query);
  g_autoptr(GError) error = NULL;

  /* A renamed (or deleted) participant: read the names again with the next pages. */
  if (kind == LIA_RECORD_KIND_CONTACT || kind == LIA_RECORD_KIND_ORGANIZATION)
    g_hash_table_remove_all (self->labels);

  /* A stakeholder list's order and filters depend on other records (interactions move last
   * contact, affiliations a contact's sector): count again rather than follow row by row. */
  if (_lia_list_query_get_stakeholders (self->query) != NULL)
    {
      if (kind != LIA_RECORD_KIND_COMMITMENT && kind != LIA_RECORD_KIND_CONCERN)
        schedule_reload (self);
      return;
    }

  if (filter != NULL && kind == LIA_RECORD_KIND_AFFILIATION)
    {
      follow_affiliation_change (self, filter);
      return;
    }

  if (kind != _lia_list_query_get_ops (self->query)->kind)
    return;

  /* Another connection's change comes without the record as it was: the cached row still
   * holds it; a row not cached may be anywhere, so count again. */
  if (old == NULL && change != LIA_STORE_CHANGE_ADDED)
    {
      old = find_cached (self, id);
      if (old == NULL)
        {
          schedule_reload (self);
          return;
        }
    }

  /* Reloading reports the failure when the database really cannot be read. */
  if (!apply_change (self, id, change, old, current, &error))
    reload_now (self);
}

static void
on_store_reset_cb (LiaStore     *store,
                   LiaListModel *self)
{
  g_hash_table_remove_all (self->labels);
  reload_now (self);
}

/* --- GListModel --------------------------------------------------------------------------- */

static GType
lia_list_model_get_item_type (GListModel *model)
{
  LiaListModel *self = LIA_LIST_MODEL (model);

  return _lia_list_query_get_ops (self->query)->get_type ();
}

static guint
lia_list_model_get_n_items (GListModel *model)
{
  return LIA_LIST_MODEL (model)->n_items;
}

static gpointer
lia_list_model_get_item (GListModel *model,
                         guint       position)
{
  LiaListModel *self = LIA_LIST_MODEL (model);
  guint index = position / LIA_LIST_MODEL_PAGE_SIZE;
  guint offset = position % LIA_LIST_MODEL_PAGE_SIZE;
  Page *page;

  if (position >= self->n_items)
    return NULL;

  page = find_page (self, index);
  if (page == NULL)
    page = load_page (self, index);
  if (page == NULL)
    return NULL;

  page->used = ++self->clock;

  if (offset >= page->items->len)
    return NULL;

  return g_object_ref (page->items->pdata[offset]);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = lia_list_model_get_item_type;
  iface->get_n_items = lia_list_model_get_n_items;
  iface->get_item = lia_list_model_get_item;
}

static void
lia_list_model_dispose (GObject *object)
{
  LiaListModel *self = (LiaListModel *)object;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  drop_everything (self);
  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->changed_handler, self->store);
      g_clear_signal_handler (&self->reset_handler, self->store);
    }
  /* The query forgets its kept rows through the store's connection: before the store goes. */
  g_clear_pointer (&self->query, _lia_list_query_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lia_list_model_parent_class)->dispose (object);
}

static void
lia_list_model_finalize (GObject *object)
{
  LiaListModel *self = (LiaListModel *)object;

  g_clear_pointer (&self->anchors, g_array_unref);
  g_clear_pointer (&self->labels, g_hash_table_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (lia_list_model_parent_class)->finalize (object);
}

static void
lia_list_model_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LiaListModel *self = LIA_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_list_model_class_init (LiaListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lia_list_model_dispose;
  object_class->finalize = lia_list_model_finalize;
  object_class->get_property = lia_list_model_get_property;

  /* The last failed query (a GError, %NULL when the rows could be read). */
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL,
                        G_TYPE_ERROR,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_list_model_init (LiaListModel *self)
{
  self->anchors = g_array_new (FALSE, TRUE, sizeof (Anchor));
  g_array_set_clear_func (self->anchors, anchor_clear);
  self->labels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

static LiaListModel *
list_model_new (LiaStore     *store,
                LiaListQuery *query)
{
  g_autoptr(LiaListModel) self = NULL;
  g_autoptr(GError) error = NULL;
  guint count = 0;

  self = g_object_new (LIA_TYPE_LIST_MODEL, NULL);
  self->store = g_object_ref (store);
  self->query = query;

  if (!_lia_list_query_refresh (self->query, &error) ||
      !_lia_list_query_count (self->query, &count, &error))
    self->error = g_steal_pointer (&error);
  self->n_items = count;
  start_walk (self);

  self->changed_handler = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed_cb), self);
  self->reset_handler = g_signal_connect (store, "reset", G_CALLBACK (on_store_reset_cb), self);

  return g_steal_pointer (&self);
}

LiaListModel *
lia_list_model_new_timeline (LiaStore                *store,
                             const LiaTimelineFilter *filter)
{
  g_return_val_if_fail (LIA_IS_STORE (store), NULL);

  return list_model_new (store, _lia_list_query_new_timeline (store, filter));
}

LiaListModel *
lia_list_model_new_organizations (LiaStore *store)
{
  g_return_val_if_fail (LIA_IS_STORE (store), NULL);

  return list_model_new (store, _lia_list_query_new_by_name (store, &_lia_organization_ops));
}

LiaListModel *
lia_list_model_new_contacts (LiaStore            *store,
                             LiaContactSortOrder  order)
{
  LiaListModel *self;

  g_return_val_if_fail (LIA_IS_STORE (store), NULL);

  self = list_model_new (store, _lia_list_query_new_contacts (store, order == LIA_CONTACT_SORT_GIVEN_NAME));
  self->contacts_given_first = order == LIA_CONTACT_SORT_GIVEN_NAME;
  return self;
}

void
lia_list_model_set_contact_sort_order (LiaListModel        *self,
                                       LiaContactSortOrder  order)
{
  gboolean given_first = order == LIA_CONTACT_SORT_GIVEN_NAME;
  LiaListQuery *query;

  g_return_if_fail (LIA_IS_LIST_MODEL (self));
  g_return_if_fail (_lia_list_query_get_ops (self->query) == &_lia_contact_ops);

  if (self->contacts_given_first == given_first)
    return;

  /* Another index, the same rows: emptied and filled again, never (0, n, n). */
  query = _lia_list_query_get_stakeholders (self->query) != NULL
          ? _lia_list_query_new_stakeholders (self->store, LIA_RECORD_KIND_CONTACT,
                                              _lia_list_query_get_stakeholders (self->query),
                                              given_first)
          : _lia_list_query_new_contacts (self->store, given_first);
  _lia_list_query_free (self->query);
  self->query = query;
  self->contacts_given_first = given_first;
  reload_now (self);
}

void
lia_list_model_set_stakeholder_query (LiaListModel              *self,
                                      const LiaStakeholderQuery *query)
{
  const LiaRecordOps *ops;
  LiaRecordKind kind;
  LiaListQuery *next;

  g_return_if_fail (LIA_IS_LIST_MODEL (self));

  ops = _lia_list_query_get_ops (self->query);
  g_return_if_fail (ops == &_lia_contact_ops || ops == &_lia_organization_ops);
  kind = ops->kind;

  if (query != NULL)
    next = _lia_list_query_new_stakeholders (self->store, kind, query, self->contacts_given_first);
  else if (kind == LIA_RECORD_KIND_CONTACT)
    next = _lia_list_query_new_contacts (self->store, self->contacts_given_first);
  else
    next = _lia_list_query_new_by_name (self->store, &_lia_organization_ops);

  _lia_list_query_free (self->query);
  self->query = next;
  reload_now (self);
}

LiaContactSortOrder
lia_contact_sort_order_from_string (const char *name)
{
  return g_strcmp0 (name, "given-name") == 0 ? LIA_CONTACT_SORT_GIVEN_NAME
                                             : LIA_CONTACT_SORT_FAMILY_NAME;
}

LiaStore *
lia_list_model_get_store (LiaListModel *self)
{
  g_return_val_if_fail (LIA_IS_LIST_MODEL (self), NULL);

  return self->store;
}

void
lia_list_model_reload (LiaListModel *self)
{
  g_return_if_fail (LIA_IS_LIST_MODEL (self));

  reload_now (self);
}

const GError *
lia_list_model_get_error (LiaListModel *self)
{
  g_return_val_if_fail (LIA_IS_LIST_MODEL (self), NULL);

  return self->error;
}

gboolean
lia_list_model_find (LiaListModel  *self,
                     gint64         id,
                     guint         *out_position,
                     GError       **error)
{
  const LiaRecordOps *ops;
  g_autoptr(LiaRecord) record = NULL;
  LiaListKey key = { 0, NULL, 0 };
  gboolean contains = FALSE;
  guint position;
  gboolean found;

  g_return_val_if_fail (LIA_IS_LIST_MODEL (self), FALSE);
  g_return_val_if_fail (out_position != NULL, FALSE);

  if (id <= 0)
    return FALSE;
  if (!_lia_list_query_contains (self->query, id, &contains, error))
    return FALSE;
  if (!contains)
    return FALSE;

  ops = _lia_list_query_get_ops (self->query);
  record = lia_store_load (self->store, ops->kind, id, error);
  if (record == NULL)
    return FALSE;

  _lia_list_query_key_of (self->query, record, &key);
  found = position_of (self, &key, NULL, &position, error);
  _lia_list_key_clear (&key);
  /* A row the model does not show yet (a change not yet applied) is not there for it. */
  if (!found || position >= self->n_items)
    return FALSE;

  *out_position = position;
  return TRUE;
}

const char *
lia_list_model_get_label (LiaListModel  *self,
                          LiaRecordKind  kind,
                          gint64         id)
{
  gint64 key = (id << 3) | kind;

  g_return_val_if_fail (LIA_IS_LIST_MODEL (self), NULL);

  return g_hash_table_lookup (self->labels, &key);
}

guint
_lia_list_model_get_pages_fetched (LiaListModel *self)
{
  g_return_val_if_fail (LIA_IS_LIST_MODEL (self), 0);

  return self->pages_fetched;
}

guint
_lia_list_model_get_day_seeks (LiaListModel *self)
{
  g_return_val_if_fail (LIA_IS_LIST_MODEL (self), 0);

  return self->day_seeks;
}

guint
_lia_list_model_get_cached_pages (LiaListModel *self)
{
  guint n = 0;

  g_return_val_if_fail (LIA_IS_LIST_MODEL (self), 0);

  for (guint i = 0; i < G_N_ELEMENTS (self->pages); i++)
    if (self->pages[i].items != NULL)
      n++;

  return n;
}

gboolean
_lia_list_model_is_walking (LiaListModel *self)
{
  g_return_val_if_fail (LIA_IS_LIST_MODEL (self), FALSE);

  return self->anchor_source != 0;
}
