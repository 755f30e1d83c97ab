/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-list-model"

#include "config.h"

#include <string.h>

#include "lia-list-model-private.h"
#include "lia-store-private.h"

/* How it stays cheap at a million rows:
 *
 * - Rows are ordered by (key, id): the instant for the timeline, a folded name otherwise. An
 *   index on (key, id) serves every query.
 * - A page is read with LIMIT/OFFSET counted from the nearest *anchor*: a known key with its
 *   position. The first row of every page read becomes an anchor, and both ends of the list
 *   are anchors too, so after the first visit anywhere, pages nearby cost one short index
 *   range scan. Anchors survive inserts and deletes: each one's position is shifted when a row
 *   is added or removed before it, decided by comparing keys, without a query.
 * - At most LIA_LIST_MODEL_MAX_PAGES pages are kept (least recently used goes first) and at
 *   most MAX_ANCHORS anchors, so memory does not grow with the row count.
 */

#define MAX_ANCHORS 4096

typedef struct
{
  gint64  number;  /* the key when it is a number */
  char   *text;    /* the key when it is text */
  gint64  id;
} Key;

typedef struct
{
  Key   key;
  guint position;  /* rows strictly before key */
} Anchor;

typedef struct
{
  guint      index;
  guint64    used;
  GPtrArray *items;
} Page;

struct _LiaListModel
{
  GObject             parent_instance;

  LiaStore           *store;
  gulong              changed_handler;
  gulong              reset_handler;
  guint               reload_source;

  const LiaRecordOps *ops;
  gboolean            text_key;
  gboolean            descending;
  gboolean            is_timeline;
  LiaTimelineFilter   filter;
  GDate               since;
  GDate               until;

  char               *count_sql;
  char               *from_start_sql;
  char               *from_end_sql;
  char               *after_anchor_sql;
  char               *before_anchor_sql;
  char               *count_before_sql;
  char               *count_between_sql;
  char               *member_sql;
  int                 key_column;

  guint               n_items;
  GArray             *anchors;
  Page                pages[LIA_LIST_MODEL_MAX_PAGES];
  guint64             clock;
  guint               pages_fetched;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LiaListModel, lia_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
key_clear (Key *key)
{
  g_clear_pointer (&key->text, g_free);
}

static void
anchor_clear (gpointer data)
{
  key_clear (&((Anchor *) data)->key);
}

static void
page_clear (Page *page)
{
  g_clear_pointer (&page->items, g_ptr_array_unref);
  page->used = 0;
}

/* Negative when @a comes before @b in the model's order. */
static int
key_compare (LiaListModel *self,
             const Key    *a,
             const Key    *b)
{
  int result;

  if (self->text_key)
    result = strcmp (a->text != NULL ? a->text : "", b->text != NULL ? b->text : "");
  else
    result = a->number < b->number ? -1 : (a->number > b->number ? 1 : 0);

  if (result == 0)
    result = a->id < b->id ? -1 : (a->id > b->id ? 1 : 0);

  return self->descending ? -result : result;
}

static void
key_from_row (LiaListModel *self,
              LiaStmt      *stmt,
              Key          *out)
{
  out->id = sqlite3_column_int64 (stmt, 0);
  if (self->text_key)
    out->text = g_strdup (_lia_column_text (stmt, self->key_column));
  else
    out->number = sqlite3_column_int64 (stmt, self->key_column);
}

static void
key_from_record (LiaListModel *self,
                 LiaRecord    *record,
                 Key          *out)
{
  out->id = lia_record_get_id (record);

  if (self->text_key)
    {
      out->text = _lia_sort_key (lia_record_get_label (record));
    }
  else
    {
      GDateTime *at = lia_interaction_get_at (LIA_INTERACTION (record));

      out->number = g_date_time_to_unix (at) * G_USEC_PER_SEC + g_date_time_get_microsecond (at);
    }
}

static void
bind_key (LiaListModel *self,
          LiaStmt      *stmt,
          const char   *value_name,
          const char   *id_name,
          const Key    *key)
{
  int value_index = sqlite3_bind_parameter_index (stmt, value_name);

  if (self->text_key)
    sqlite3_bind_text (stmt, value_index, key->text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, value_index, key->number);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, id_name), key->id);
}

static void
bind_filter (LiaListModel *self,
             LiaStmt      *stmt)
{
  if (self->is_timeline)
    _lia_timeline_filter_bind (stmt, &self->filter);
}

/* --- anchors ------------------------------------------------------------------------------ */

static void
add_anchor (LiaListModel *self,
            const Key    *key,
            guint         position)
{
  Anchor anchor = { { key->number, g_strdup (key->text), key->id }, position };
  guint i;

  for (i = 0; i < self->anchors->len; i++)
    {
      Anchor *existing = &g_array_index (self->anchors, Anchor, i);

      if (existing->position == position)
        {
          key_clear (&anchor.key);
          return;
        }
      if (existing->position > position)
        break;
    }

  g_array_insert_val (self->anchors, i, anchor);

  /* Thin out rather than grow: every other anchor is still a short hop away. */
  if (self->anchors->len > MAX_ANCHORS)
    for (guint j = self->anchors->len - 1; j > 0; j -= MIN (j, 2u))
      g_array_remove_index (self->anchors, j);
}

/* A row with @key was added (+1) or removed (-1): anchors after it move. */
static void
shift_anchors (LiaListModel *self,
               const Key    *key,
               int           delta)
{
  for (guint i = 0; i < self->anchors->len; i++)
    {
      Anchor *anchor = &g_array_index (self->anchors, Anchor, i);

      if (key_compare (self, key, &anchor->key) < 0)
        anchor->position += delta;
    }
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
}

static gboolean reload_cb (gpointer user_data);

static void
schedule_reload (LiaListModel *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_idle_add (reload_cb, self);
}

static gboolean
fetch_rows (LiaListModel  *self,
            const char    *sql,
            const Key     *anchor,
            guint          offset,
            guint          limit,
            gboolean       reversed,
            GPtrArray     *items,
            Key           *first_key,
            GError       **error)
{
  g_autoptr(LiaStmt) stmt = _lia_store_prepare (self->store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  bind_filter (self, stmt);
  if (anchor != NULL)
    bind_key (self, stmt, ":k", ":kid", anchor);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":limit"), limit);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":offset"), offset);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LiaRecord *record = self->ops->from_row (self->store, stmt, error);

      if (record == NULL)
        return FALSE;

      /* The page's first row, in the model's order, becomes an anchor. */
      if (!reversed && items->len == 0)
        key_from_row (self, stmt, first_key);
      else if (reversed)
        {
          key_clear (first_key);
          key_from_row (self, stmt, first_key);
        }

      g_ptr_array_add (items, record);
    }

  if (rc != SQLITE_DONE)
    {
      _lia_store_set_error_from_db (self->store, error, "Could not read a page of the list");
      return FALSE;
    }

  if (reversed)
    {
      /* Reverse in place: the query walked backwards. */
      for (guint i = 0, j = items->len; i + 1 < j; i++, j--)
        {
          gpointer tmp = items->pdata[i];
          items->pdata[i] = items->pdata[j - 1];
          items->pdata[j - 1] = tmp;
        }
    }

  return TRUE;
}

static Page *
load_page (LiaListModel *self,
           guint         index)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  const Anchor *before = NULL;
  const Anchor *after = NULL;
  guint start = index * LIA_LIST_MODEL_PAGE_SIZE;
  guint count = MIN (LIA_LIST_MODEL_PAGE_SIZE, self->n_items - start);
  guint end = start + count;
  guint best_cost;
  Key first = { 0, NULL, 0 };
  gboolean ok;
  Page *page;
  enum { FROM_START, FROM_END, AFTER_ANCHOR, BEFORE_ANCHOR } how = FROM_START;

  for (guint i = 0; i < self->anchors->len; i++)
    {
      const Anchor *anchor = &g_array_index (self->anchors, Anchor, i);

      if (anchor->position <= start)
        before = anchor;
      else if (anchor->position >= end && after == NULL)
        after = anchor;
    }

  /* Pick the cheapest way in: rows skipped by OFFSET are what costs. */
  best_cost = start;
  if (self->n_items - end < best_cost)
    {
      best_cost = self->n_items - end;
      how = FROM_END;
    }
  if (before != NULL && start - before->position < best_cost)
    {
      best_cost = start - before->position;
      how = AFTER_ANCHOR;
    }
  if (after != NULL && after->position - end < best_cost)
    {
      best_cost = after->position - end;
      how = BEFORE_ANCHOR;
    }

  switch (how)
    {
    case FROM_START:
      ok = fetch_rows (self, self->from_start_sql, NULL, start, count, FALSE, items, &first, &error);
      break;
    case FROM_END:
      ok = fetch_rows (self, self->from_end_sql, NULL, self->n_items - end, count, TRUE, items,
                       &first, &error);
      break;
    case AFTER_ANCHOR:
      ok = fetch_rows (self, self->after_anchor_sql, &before->key, start - before->position,
                       count, FALSE, items, &first, &error);
      break;
    case BEFORE_ANCHOR:
    default:
      ok = fetch_rows (self, self->before_anchor_sql, &after->key, after->position - end, count,
                       TRUE, items, &first, &error);
      break;
    }

  if (!ok)
    {
      g_warning ("%s", error->message);
      key_clear (&first);
      return NULL;
    }

  self->pages_fetched++;

  if (items->len != count)
    {
      /* Someone else (another connection) changed the rows under us: show what we have now
       * and count again soon. */
      schedule_reload (self);
    }

  if (items->len > 0)
    add_anchor (self, &first, start);
  key_clear (&first);

  page = free_page_slot (self);
  page->index = index;
  page->items = g_steal_pointer (&items);
  page->used = ++self->clock;

  return page;
}

/* --- positions ---------------------------------------------------------------------------- */

static gboolean
count_query (LiaListModel  *self,
             const char    *sql,
             const Key     *from,
             const Key     *to,
             guint         *out_count,
             GError       **error)
{
  g_autoptr(LiaStmt) stmt = _lia_store_prepare (self->store, sql, error);

  if (stmt == NULL)
    return FALSE;

  bind_filter (self, stmt);
  if (from != NULL)
    bind_key (self, stmt, ":a", ":aid", from);
  if (to != NULL)
    bind_key (self, stmt, ":k", ":kid", to);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _lia_store_set_error_from_db (self->store, error, "Could not count the list");
      return FALSE;
    }

  *out_count = (guint) sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* The number of rows strictly before @key: where a row with that key is, or would be. When
 * @exclude is given, a row with that key is not counted (it is in the database already but
 * not yet in the model). */
static gboolean
position_of (LiaListModel  *self,
             const Key     *key,
             const Key     *exclude,
             guint         *out_position,
             GError       **error)
{
  const Anchor *from = NULL;
  guint count;

  for (guint i = 0; i < self->anchors->len; i++)
    {
      const Anchor *anchor = &g_array_index (self->anchors, Anchor, i);

      if (key_compare (self, &anchor->key, key) > 0)
        break;
      from = anchor;
    }

  if (from != NULL)
    {
      if (!count_query (self, self->count_between_sql, &from->key, key, &count, error))
        return FALSE;
      count += from->position;
      if (exclude != NULL && key_compare (self, &from->key, exclude) <= 0 &&
          key_compare (self, exclude, key) < 0)
        count--;
    }
  else
    {
      if (!count_query (self, self->count_before_sql, NULL, key, &count, error))
        return FALSE;
      if (exclude != NULL && key_compare (self, exclude, key) < 0)
        count--;
    }

  *out_position = count;
  return TRUE;
}

static void
remove_row (LiaListModel *self,
            guint         position,
            const Key    *key)
{
  g_assert (self->n_items > 0);

  self->n_items--;
  shift_anchors (self, key, -1);
  drop_pages_from (self, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

static void
insert_row (LiaListModel *self,
            guint         position,
            const Key    *key)
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
is_member_now (LiaListModel  *self,
               gint64         id,
               gboolean      *out_member,
               GError       **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  if (!(stmt = _lia_store_prepare (self->store, self->member_sql, error)))
    return FALSE;

  bind_filter (self, stmt);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":id"), id);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _lia_store_set_error_from_db (self->store, error, "Could not read the list");
      return FALSE;
    }

  *out_member = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
was_member (LiaListModel  *self,
            LiaRecord     *old,
            gboolean      *out_member,
            GError       **error)
{
  if (!self->is_timeline)
    {
      *out_member = TRUE;
      return TRUE;
    }

  return _lia_timeline_filter_matches (self->store, &self->filter, LIA_INTERACTION (old),
                                       out_member, error);
}

static gboolean
apply_change (LiaListModel    *self,
              gint64           id,
              LiaStoreChange   change,
              LiaRecord       *old,
              LiaRecord       *current,
              GError         **error)
{
  Key old_key = { 0, NULL, 0 };
  Key new_key = { 0, NULL, 0 };
  gboolean was = FALSE;
  gboolean is = FALSE;
  guint position;
  gboolean ok = FALSE;

  if (old != NULL && !was_member (self, old, &was, error))
    return FALSE;
  if (change != LIA_STORE_CHANGE_REMOVED && current != NULL && !is_member_now (self, id, &is, error))
    return FALSE;

  if (was)
    key_from_record (self, old, &old_key);
  if (is)
    key_from_record (self, current, &new_key);

  if (was && is && key_compare (self, &old_key, &new_key) == 0)
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
      if (!position_of (self, &old_key, is ? &new_key : NULL, &position, error))
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
      if (!position_of (self, &new_key, NULL, &position, error))
        goto out;
      insert_row (self, MIN (position, self->n_items), &new_key);
    }

  ok = TRUE;

out:
  key_clear (&old_key);
  key_clear (&new_key);
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

  if (!count_query (self, self->count_sql, NULL, NULL, &count, &error))
    {
      g_warning ("%s", error->message);
      return;
    }

  self->n_items = count;
  if (count > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, count);
}

static gboolean
reload_cb (gpointer user_data)
{
  LiaListModel *self = user_data;

  self->reload_source = 0;
  reload_now (self);

  return G_SOURCE_REMOVE;
}

/* Changes to other kinds of record that a timeline shows. Returns TRUE when handled. */
static gboolean
follow_participant_change (LiaListModel   *self,
                           LiaRecordKind   kind,
                           gint64          id,
                           LiaStoreChange  change)
{
  gboolean is_contact = kind == LIA_RECORD_KIND_CONTACT;

  /* Who belonged to an organization when decides its timeline. */
  if (kind == LIA_RECORD_KIND_AFFILIATION)
    {
      if (self->filter.organization_id > 0)
        reload_now (self);
      return TRUE;
    }

  if ((kind != LIA_RECORD_KIND_CONTACT && kind != LIA_RECORD_KIND_ORGANIZATION) ||
      change != LIA_STORE_CHANGE_REMOVED)
    return kind != LIA_RECORD_KIND_INTERACTION;

  /* The timeline of the deleted record empties; an organization's timeline loses the deleted
   * person's interactions with their affiliations. Elsewhere only the participants change. */
  if ((is_contact && (self->filter.contact_id == id || self->filter.organization_id > 0)) ||
      (!is_contact && self->filter.organization_id == id))
    {
      reload_now (self);
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (self->pages); i++)
    {
      GPtrArray *items = self->pages[i].items;

      for (guint j = 0; items != NULL && j < items->len; j++)
        {
          if (is_contact)
            lia_interaction_remove_contact (items->pdata[j], id);
          else
            lia_interaction_remove_organization (items->pdata[j], id);
        }
    }

  return TRUE;
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
  g_autoptr(GError) error = NULL;

  if (self->is_timeline && follow_participant_change (self, kind, id, change))
    return;

  if (kind != self->ops->kind)
    return;

  if (!apply_change (self, id, change, old, current, &error))
    {
      g_warning ("Could not follow a change, reloading the list: %s", error->message);
      reload_now (self);
    }
}

static void
on_store_reset_cb (LiaStore     *store,
                   LiaListModel *self)
{
  reload_now (self);
}

/* --- GListModel --------------------------------------------------------------------------- */

static GType
lia_list_model_get_item_type (GListModel *model)
{
  LiaListModel *self = LIA_LIST_MODEL (model);

  return self->ops->get_type ();
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
  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->changed_handler, self->store);
      g_clear_signal_handler (&self->reset_handler, self->store);
    }
  drop_everything (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lia_list_model_parent_class)->dispose (object);
}

static void
lia_list_model_finalize (GObject *object)
{
  LiaListModel *self = (LiaListModel *)object;

  g_clear_pointer (&self->anchors, g_array_unref);
  g_clear_pointer (&self->count_sql, g_free);
  g_clear_pointer (&self->from_start_sql, g_free);
  g_clear_pointer (&self->from_end_sql, g_free);
  g_clear_pointer (&self->after_anchor_sql, g_free);
  g_clear_pointer (&self->before_anchor_sql, g_free);
  g_clear_pointer (&self->count_before_sql, g_free);
  g_clear_pointer (&self->count_between_sql, g_free);
  g_clear_pointer (&self->member_sql, g_free);

  G_OBJECT_CLASS (lia_list_model_parent_class)->finalize (object);
}

static void
lia_list_model_class_init (LiaListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lia_list_model_dispose;
  object_class->finalize = lia_list_model_finalize;
}

static void
lia_list_model_init (LiaListModel *self)
{
  self->anchors = g_array_new (FALSE, TRUE, sizeof (Anchor));
  g_array_set_clear_func (self->anchors, anchor_clear);
}

/* "Rows strictly before (:p, :pid)" or "rows at or after it", in the model's order, written so
 * that the (key, id) index bounds the scan. */
static char *
key_condition (const char *column,
               gboolean    descending,
               gboolean    before,
               const char *param)
{
  /* In a descending list, "before" means a larger key. */
  gboolean larger = descending == before;

  if (before)
    return g_strdup_printf ("t.%s %s= :%s AND (t.%s %s :%s OR t.id %s :%sid)",
                            column, larger ? ">" : "<", param, column, larger ? ">" : "<",
                            param, larger ? ">" : "<", param);
  else
    return g_strdup_printf ("t.%s %s= :%s AND (t.%s %s :%s OR t.id %s= :%sid)",
                            column, larger ? ">" : "<", param, column, larger ? ">" : "<",
                            param, larger ? ">" : "<", param);
}

static LiaListModel *
list_model_new (LiaStore                *store,
                const LiaRecordOps      *ops,
                const char              *key_column,
                gboolean                 text_key,
                gboolean                 descending,
                const LiaTimelineFilter *filter)
{
  g_autoptr(LiaListModel) self = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *where = NULL;
  g_autofree char *select = NULL;
  g_autofree char *before_k = NULL;
  g_autofree char *after_k = NULL;
  g_autofree char *after_a = NULL;
  const char *order = descending ? "DESC" : "ASC";
  const char *reverse = descending ? "ASC" : "DESC";
  guint count = 0;

  self = g_object_new (LIA_TYPE_LIST_MODEL, NULL);
  self->store = g_object_ref (store);
  self->ops = ops;
  self->text_key = text_key;
  self->descending = descending;
  self->is_timeline = ops->kind == LIA_RECORD_KIND_INTERACTION;

  if (filter != NULL)
    {
      self->filter = *filter;
      /* Own copies of the dates: the caller's may go away. */
      if (filter->since != NULL && g_date_valid (filter->since))
        {
          self->since = *filter->since;
          self->filter.since = &self->since;
        }
      else
        self->filter.since = NULL;
      if (filter->until != NULL && g_date_valid (filter->until))
        {
          self->until = *filter->until;
          self->filter.until = &self->until;
        }
      else
        self->filter.until = NULL;
    }

  where = self->is_timeline ? _lia_timeline_filter_sql (&self->filter) : g_strdup ("");

  /* The key goes last, after the record's own columns. */
  self->key_column = 1;
  for (const char *p = ops->columns; *p != '\0'; p++)
    if (*p == ',')
      self->key_column++;

  select = g_strdup_printf ("SELECT %s, t.%s FROM %s t WHERE 1%s",
                            ops->columns, key_column, ops->table, where);
  before_k = key_condition (key_column, descending, TRUE, "k");
  after_k = key_condition (key_column, descending, FALSE, "k");
  after_a = key_condition (key_column, descending, FALSE, "a");

  self->count_sql = g_strdup_printf ("SELECT count(*) FROM %s t WHERE 1%s", ops->table, where);
  self->from_start_sql = g_strdup_printf ("%s ORDER BY t.%s %s, t.id %s LIMIT :limit OFFSET :offset",
                                          select, key_column, order, order);
  self->from_end_sql = g_strdup_printf ("%s ORDER BY t.%s %s, t.id %s LIMIT :limit OFFSET :offset",
                                        select, key_column, reverse, reverse);
  self->after_anchor_sql = g_strdup_printf ("%s AND %s ORDER BY t.%s %s, t.id %s"
                                            " LIMIT :limit OFFSET :offset",
                                            select, after_k, key_column, order, order);
  self->before_anchor_sql = g_strdup_printf ("%s AND %s ORDER BY t.%s %s, t.id %s"
                                             " LIMIT :limit OFFSET :offset",
                                             select, before_k, key_column, reverse, reverse);
  self->count_before_sql = g_strdup_printf ("SELECT count(*) FROM %s t WHERE 1%s AND %s",
                                            ops->table, where, before_k);
  self->count_between_sql = g_strdup_printf ("SELECT count(*) FROM %s t WHERE 1%s AND %s AND %s",
                                             ops->table, where, after_a, before_k);
  self->member_sql = g_strdup_printf ("SELECT 1 FROM %s t WHERE t.id = :id%s", ops->table, where);

  if (!count_query (self, self->count_sql, NULL, NULL, &count, &error))
    g_warning ("%s", error->message);
  self->n_items = count;

  self->changed_handler = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed_cb), self);
  self->reset_handler = g_signal_connect (store, "reset", G_CALLBACK (on_store_reset_cb), self);

  return g_steal_pointer (&self);
}

LiaListModel *
lia_list_model_new_timeline (LiaStore                *store,
                             const LiaTimelineFilter *filter)
{
  g_return_val_if_fail (LIA_IS_STORE (store), NULL);

  return list_model_new (store, &_lia_interaction_ops, "at_utc", FALSE, TRUE, filter);
}

LiaListModel *
lia_list_model_new_organizations (LiaStore *store)
{
  g_return_val_if_fail (LIA_IS_STORE (store), NULL);

  return list_model_new (store, &_lia_organization_ops, "sort_key", TRUE, FALSE, NULL);
}

LiaListModel *
lia_list_model_new_contacts (LiaStore *store)
{
  g_return_val_if_fail (LIA_IS_STORE (store), NULL);

  return list_model_new (store, &_lia_contact_ops, "sort_key", TRUE, FALSE, NULL);
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

guint
_lia_list_model_get_pages_fetched (LiaListModel *self)
{
  g_return_val_if_fail (LIA_IS_LIST_MODEL (self), 0);

  return self->pages_fetched;
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
