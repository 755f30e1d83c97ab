/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-list-model"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "lia-list-query-private.h"
#include "lia-store-engagement-private.h"

#define DAY_USEC G_GINT64_CONSTANT (86400000000)

/* Rows are ordered by (key, id), and every query is written so that an index on (key, id)
 * bounds the scan: "at or after (K, ID)" in a descending list is
 * `key <= K AND (key < K OR id <= ID)`, a range on the index followed by a cheap test. */

struct _LiaListQuery
{
  LiaStore           *store;      /* unowned: the model holds it */
  const LiaRecordOps *ops;
  gboolean            text_key;
  gboolean            descending;
  gboolean            is_timeline;
  gboolean            keeps_rows;
  gboolean            day_counts; /* the whole timeline: interaction_days counts its rows */
  gboolean            contacts_given_first; /* contacts: by given name, else by family name */
  gint64              list_id;    /* this list's rows in lia_list_rows */
  int                 key_column; /* where the key is in a row read by read() */
  gboolean            with_participants; /* a page's rows bring their participants (server) */

  LiaTimelineFilter   filter;
  GDate               since;
  GDate               until;

  /* A stakeholder list (sorted and filtered on engagement): its own copy of the query. */
  gboolean            is_stakeholders;
  LiaStakeholderQuery stakeholders;
  char               *sector;
  char               *tag;
  char               *country;
  GDate               today;

  char               *count_sql;
  char               *from_start_sql;
  char               *first_start_sql; /* the first rows only, from a FROM that binds :top */
  char               *from_end_sql;
  char               *after_anchor_sql;
  char               *before_anchor_sql;
  char               *count_before_sql;
  char               *count_between_sql;
  char               *key_from_start_sql;
  char               *key_after_anchor_sql;
  char               *day_page_sql;    /* server: the day anchor and the page in one statement */
  char               *contains_sql;
  char               *refresh_sql;
};

void
_lia_list_key_clear (LiaListKey *key)
{
  g_clear_pointer (&key->text, g_free);
}

void
_lia_list_key_copy (LiaListKey       *dest,
                    const LiaListKey *src)
{
  dest->number = src->number;
  dest->text = g_strdup (src->text);
  dest->id = src->id;
}

/* "Rows strictly before (:P, :Pid)" or "rows at or after it", in the list's order. */
static char *
key_condition (const char *key,
               const char *id,
               gboolean    descending,
               gboolean    before,
               const char *param)
{
  /* In a descending list, "before" means a larger key. */
  const char *op = descending == before ? ">" : "<";

  return g_strdup_printf ("%s %s= :%s AND (%s %s :%s OR %s %s%s :%sid)",
                          key, op, param, key, op, param, id, op, before ? "" : "=", param);
}

/* On a server, a round trip per query is most of a page's time: a timeline page and its
 * participants with their names come in one statement. The page's rows first, in the order of
 * @page_sql (its key in @descending order), each with 0 after its key; then a row per
 * participant, 1 after a NULL key: the interaction's id first, then 0 for a contact or 1 for an
 * organization, its id, its position and its name, ordered as
 * _lia_interactions_load_participants() reads them. */
static char *
page_with_participants (LiaListQuery *self,
                        const char   *page_sql,
                        gboolean      descending)
{
  const char *dir = descending ? "DESC" : "ASC";
  GString *sql = g_string_new ("WITH page (");
  g_autoptr(GString) nulls = g_string_new (NULL);

  for (int i = 0; i <= self->key_column; i++)
    g_string_append_printf (sql, "%sc%d", i > 0 ? ", " : "", i);
  for (int i = 1; i <= self->key_column; i++)
    g_string_append (nulls, ", NULL");

  g_string_append_printf (sql,
                          ") AS (%s)"
                          " SELECT page.*, 0, CAST (NULL AS INTEGER), CAST (NULL AS BIGINT),"
                          " CAST (NULL AS INTEGER), CAST (NULL AS TEXT) FROM page"
                          " UNION ALL"
                          " SELECT p.interaction_id%s, 1, 0, p.contact_id, p.position, c.label"
                          " FROM page JOIN interaction_contacts p ON p.interaction_id = page.c0"
                          " JOIN contacts c ON c.id = p.contact_id"
                          " UNION ALL"
                          " SELECT p.interaction_id%s, 1, 1, p.organization_id, p.position, o.name"
                          " FROM page JOIN interaction_organizations p ON p.interaction_id = page.c0"
                          " JOIN organizations o ON o.id = p.organization_id"
                          " ORDER BY %d, %d %s, 1 %s, %d, %d",
                          page_sql, nulls->str, nulls->str,
                          self->key_column + 2, self->key_column + 1, dir, dir,
                          self->key_column + 3, self->key_column + 5);

  return g_string_free (sql, FALSE);
}

static void
add_participants (LiaListQuery  *self,
                  char         **page_sql,
                  gboolean       descending)
{
  char *sql = page_with_participants (self, *page_sql, descending);

  g_free (*page_sql);
  *page_sql = sql;
}

/* @first_from: NULL, or a FROM that holds the first :top rows of @from (see
 * _lia_stakeholder_list_sql()). */
static void
build_sql (LiaListQuery *self,
           const char   *from,
           const char   *first_from,
           const char   *where,
           const char   *key,
           const char   *id)
{
  g_autofree char *select = NULL;
  g_autofree char *select_key = NULL;
  g_autofree char *before_k = NULL;
  g_autofree char *after_k = NULL;
  g_autofree char *after_a = NULL;
  g_autofree char *order = NULL;
  g_autofree char *reverse = NULL;

  order = g_strdup_printf ("ORDER BY %s %s, %s %s", key, self->descending ? "DESC" : "ASC",
                           id, self->descending ? "DESC" : "ASC");
  reverse = g_strdup_printf ("ORDER BY %s %s, %s %s", key, self->descending ? "ASC" : "DESC",
                             id, self->descending ? "ASC" : "DESC");
  before_k = key_condition (key, id, self->descending, TRUE, "k");
  after_k = key_condition (key, id, self->descending, FALSE, "k");
  after_a = key_condition (key, id, self->descending, FALSE, "a");

  /* The key goes last, after the record's own columns. */
  self->key_column = 1;
  for (const char *p = self->ops->columns; *p != '\0'; p++)
    if (*p == ',')
      self->key_column++;

  select = g_strdup_printf ("SELECT %s, %s FROM %s WHERE %s", self->ops->columns, key, from, where);
  select_key = g_strdup_printf ("SELECT %s, %s FROM %s WHERE %s", key, id, from, where);

  self->count_sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s", from, where);
  self->from_start_sql = g_strdup_printf ("%s %s LIMIT :limit OFFSET :offset", select, order);
  if (first_from != NULL)
    self->first_start_sql = g_strdup_printf ("SELECT %s, %s FROM %s WHERE %s %s LIMIT :limit OFFSET :offset",
                                             self->ops->columns, key, first_from, where, order);
  self->from_end_sql = g_strdup_printf ("%s %s LIMIT :limit OFFSET :offset", select, reverse);
  self->after_anchor_sql = g_strdup_printf ("%s AND %s %s LIMIT :limit OFFSET :offset",
                                            select, after_k, order);
  self->before_anchor_sql = g_strdup_printf ("%s AND %s %s LIMIT :limit OFFSET :offset",
                                             select, before_k, reverse);
  self->count_before_sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s AND %s",
                                            from, where, before_k);
  self->count_between_sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s AND %s AND %s",
                                             from, where, after_a, before_k);
  self->key_from_start_sql = g_strdup_printf ("%s %s LIMIT 1 OFFSET :offset", select_key, order);
  self->key_after_anchor_sql = g_strdup_printf ("%s AND %s %s LIMIT 1 OFFSET :offset",
                                                select_key, after_k, order);

  self->with_participants = self->is_timeline && _lia_store_is_server (self->store);
  if (self->with_participants)
    {
      add_participants (self, &self->from_start_sql, self->descending);
      add_participants (self, &self->from_end_sql, !self->descending);
      add_participants (self, &self->after_anchor_sql, self->descending);
      add_participants (self, &self->before_anchor_sql, !self->descending);
    }
}

static LiaListQuery *
list_query_new (LiaStore           *store,
                const LiaRecordOps *ops)
{
  static gint last_list_id;
  LiaListQuery *self = g_new0 (LiaListQuery, 1);

  self->store = store;
  self->ops = ops;
  self->list_id = g_atomic_int_add (&last_list_id, 1) + 1;

  return self;
}

LiaListQuery *
_lia_list_query_new_timeline (LiaStore                *store,
                              const LiaTimelineFilter *filter)
{
  LiaListQuery *self = list_query_new (store, &_lia_interaction_ops);
  g_autofree char *set_filter = NULL;
  g_autofree char *row_filter = NULL;
  g_autofree char *where = NULL;

  self->is_timeline = TRUE;
  self->descending = TRUE;

  if (filter != NULL)
    {
      self->filter = *filter;
      /* Own copies of the dates: the caller's may go away. */
      self->filter.since = NULL;
      self->filter.until = NULL;
      if (filter->since != NULL && g_date_valid (filter->since))
        {
          self->since = *filter->since;
          self->filter.since = &self->since;
        }
      if (filter->until != NULL && g_date_valid (filter->until))
        {
          self->until = *filter->until;
          self->filter.until = &self->until;
        }
    }

  set_filter = _lia_timeline_filter_sql (&self->filter, LIA_FILTER_SET);
  row_filter = _lia_timeline_filter_sql (&self->filter, LIA_FILTER_PER_ROW);
  self->contains_sql = g_strdup_printf ("SELECT 1 FROM interactions t WHERE t.id = :id%s",
                                        row_filter);

  self->keeps_rows = self->filter.organization_id > 0;
  if (self->keeps_rows)
    {
      LiaTimelineFilter others = self->filter;
      g_autofree char *other_filters = NULL;

      /* Gathered in two passes, the organization's own interactions and its people's while
       * they were there, straight into the kept rows: no UNION to sort, one lookup per row. */
      others.organization_id = 0;
      other_filters = _lia_timeline_filter_sql (&others, LIA_FILTER_SET);
      self->refresh_sql =
        g_strdup_printf ("DELETE FROM lia_list_rows WHERE list = :list;"
                         "INSERT INTO lia_list_rows (list, key, item)"
                         " SELECT :list, t.at_utc, t.id FROM interaction_organizations io"
                         " JOIN interactions t ON t.id = io.interaction_id"
                         " WHERE io.organization_id = :org%s ON CONFLICT DO NOTHING;"
                         "INSERT INTO lia_list_rows (list, key, item)"
                         " SELECT :list, t.at_utc, t.id FROM affiliations a"
                         " JOIN interaction_contacts ic ON ic.contact_id = a.contact_id"
                         " JOIN interactions t ON t.id = ic.interaction_id"
                         " WHERE a.organization_id = :org"
                         " AND (a.from_date IS NULL OR t.day >= a.from_date)"
                         " AND (a.until_date IS NULL OR t.day <= a.until_date)%s ON CONFLICT DO NOTHING",
                         other_filters, other_filters);
      build_sql (self, "lia_list_rows m JOIN interactions t ON t.id = m.item", NULL, "m.list = :list",
                 "m.key", "m.item");
      /* Counting needs only the kept rows. */
      g_free (self->count_sql);
      self->count_sql = g_strdup ("SELECT count(*) FROM lia_list_rows m WHERE m.list = :list");
    }
  else
    {
      where = g_strdup_printf ("TRUE%s", set_filter);
      build_sql (self, "interactions t", NULL, where, "t.at_utc", "t.id");
    }

  /* Unfiltered, the rows are exactly those interaction_days counts: a sum over a few thousand
   * days rather than a walk over every row. */
  self->day_counts = self->filter.organization_id == 0 && self->filter.contact_id == 0 &&
                     self->filter.kinds == 0 && self->filter.since == NULL &&
                     self->filter.until == NULL;
  if (self->day_counts)
    {
      g_free (self->count_sql);
      /* The EXISTS reads interactions too: a table that cannot be read fails the count, as
       * its pages would, rather than show rows that then never come. */
      self->count_sql = g_strdup ("SELECT CAST (coalesce (sum (n), 0) AS BIGINT) FROM interaction_days"
                                  " WHERE EXISTS (SELECT 1 FROM interactions)");
    }

  /* On a server, a far jump is one round trip: the day that holds :position, as
   * _lia_list_query_day_anchor() finds it, and the page read at the offset into it, with its
   * participants; nothing when that day is not nearer than :best rows (then the caller reads
   * the page as before). The running sum is of integers (a day holds fewer than 2^31 rows):
   * a sum of BIGINT is NUMERIC, and its arithmetic was half the sum's time. The page's size
   * is written in the SQL, at most :limit rows of it read: with :limit alone the plan made
   * once for every jump (a generic plan) guesses a tenth of the table, reads the participants
   * by hashing whole tables, and so the server planned every jump anew (1.3 ms of its 6 ms).
   * docs/performance.md, "Two words and a cold page". */
  if (self->day_counts && self->with_participants)
    {
      g_autofree char *page_sql =
        g_strdup_printf ("WITH day AS (SELECT d.day_start + %" G_GINT64_FORMAT " - 1 AS k, d.before"
                         " FROM (SELECT day_start, n, sum (CAST (n AS INTEGER)) OVER"
                         "  (ORDER BY day_start DESC ROWS UNBOUNDED PRECEDING) - n AS before"
                         "  FROM interaction_days WHERE n > 0) AS d"
                         " WHERE d.before + d.n > :position AND :position - d.before < :best"
                         " ORDER BY d.day_start DESC LIMIT 1)"
                         " SELECT * FROM (SELECT %s, t.at_utc FROM interactions t"
                         " WHERE %s AND t.at_utc <= (SELECT k FROM day)"
                         " ORDER BY t.at_utc DESC, t.id DESC LIMIT %d"
                         " OFFSET (SELECT CAST (:position - before AS BIGINT) FROM day)) AS p"
                         " ORDER BY %d DESC, 1 DESC LIMIT :limit",
                         DAY_USEC, self->ops->columns, where, LIA_LIST_QUERY_DAY_PAGE_ROWS,
                         self->key_column + 1);

      self->day_page_sql = page_with_participants (self, page_sql, self->descending);
    }

  return self;
}

static LiaListQuery *
list_query_new_keyed (LiaStore           *store,
                      const LiaRecordOps *ops,
                      const char         *key)
{
  LiaListQuery *self = list_query_new (store, ops);
  g_autofree char *from = g_strdup_printf ("%s t", ops->table);

  self->text_key = TRUE;
  self->contains_sql = g_strdup_printf ("SELECT 1 FROM %s t WHERE t.id = :id", ops->table);
  build_sql (self, from, NULL, "TRUE", key, "t.id");

  return self;
}

LiaListQuery *
_lia_list_query_new_by_name (LiaStore           *store,
                             const LiaRecordOps *ops)
{
  return list_query_new_keyed (store, ops, "t.sort_key");
}

LiaListQuery *
_lia_list_query_new_contacts (LiaStore *store,
                              gboolean  given_first)
{
  LiaListQuery *self = list_query_new_keyed (store, &_lia_contact_ops,
                                             given_first ? "t.given_sort_key" : "t.family_sort_key");

  self->contacts_given_first = given_first;

  return self;
}

LiaListQuery *
_lia_list_query_new_stakeholders (LiaStore                  *store,
                                  LiaRecordKind              kind,
                                  const LiaStakeholderQuery *query,
                                  gboolean                   given_first)
{
  LiaListQuery *self = list_query_new (store, kind == LIA_RECORD_KIND_CONTACT ? &_lia_contact_ops
                                                                              : &_lia_organization_ops);
  g_autofree char *from = NULL;
  g_autofree char *first_from = NULL;
  g_autofree char *where = NULL;
  g_autofree char *key = NULL;
  g_autofree char *count = NULL;
  const char *name_key = "t.sort_key";

  if (kind == LIA_RECORD_KIND_CONTACT)
    name_key = given_first ? "t.given_sort_key" : "t.family_sort_key";

  self->text_key = TRUE;
  self->contacts_given_first = given_first;
  self->is_stakeholders = TRUE;
  self->stakeholders = *query;
  self->stakeholders.kinds = 1u << kind;
  self->stakeholders.sector = self->sector = g_strdup (query->sector);
  self->stakeholders.tag = self->tag = g_strdup (query->tag);
  self->stakeholders.country = self->country = g_strdup (query->country);
  self->stakeholders.today = NULL;
  if (query->today != NULL && g_date_valid (query->today))
    {
      self->today = *query->today;
      self->stakeholders.today = &self->today;
    }

  _lia_stakeholder_list_sql (&self->stakeholders, kind, name_key, _lia_store_is_server (store),
                             &from, &first_from, &where, &key);
  self->contains_sql = g_strdup_printf ("SELECT 1 FROM %s WHERE %s AND t.id = :id", from, where);
  build_sql (self, from, first_from, where, key, "t.id");
  /* Due for contact and nothing else: counted from the indexes (the same number). */
  if ((count = _lia_stakeholder_count_sql (&self->stakeholders, _lia_store_is_server (store))) != NULL)
    {
      g_free (self->count_sql);
      self->count_sql = g_steal_pointer (&count);
    }

  return self;
}

const LiaStakeholderQuery *
_lia_list_query_get_stakeholders (LiaListQuery *self)
{
  return self->is_stakeholders ? &self->stakeholders : NULL;
}

void
_lia_list_query_free (LiaListQuery *self)
{
  if (self == NULL)
    return;

  if (self->keeps_rows)
    {
      g_autoptr(LiaStmt) stmt = _lia_store_prepare (self->store,
                                                    "DELETE FROM lia_list_rows WHERE list = ?1",
                                                    NULL);
      if (stmt != NULL)
        {
          _lia_db_bind_int64 (stmt, 1, self->list_id);
          _lia_db_step (stmt);
        }
    }

  g_free (self->count_sql);
  g_free (self->from_start_sql);
  g_free (self->first_start_sql);
  g_free (self->from_end_sql);
  g_free (self->after_anchor_sql);
  g_free (self->before_anchor_sql);
  g_free (self->count_before_sql);
  g_free (self->count_between_sql);
  g_free (self->key_from_start_sql);
  g_free (self->key_after_anchor_sql);
  g_free (self->day_page_sql);
  g_free (self->contains_sql);
  g_free (self->refresh_sql);
  g_free (self->sector);
  g_free (self->tag);
  g_free (self->country);
  g_free (self);
}

const LiaRecordOps *
_lia_list_query_get_ops (LiaListQuery *self)
{
  return self->ops;
}

const LiaTimelineFilter *
_lia_list_query_get_filter (LiaListQuery *self)
{
  return self->is_timeline ? &self->filter : NULL;
}

gboolean
_lia_list_query_keeps_rows (LiaListQuery *self)
{
  return self->keeps_rows;
}

int
_lia_list_query_compare (LiaListQuery     *self,
                         const LiaListKey *a,
                         const LiaListKey *b)
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

void
_lia_list_query_key_of (LiaListQuery *self,
                        LiaRecord    *record,
                        LiaListKey   *out_key)
{
  out_key->id = lia_record_get_id (record);
  out_key->text = NULL;
  out_key->number = 0;

  /* The same values the store writes into sort_key and at_utc. */
  if (self->text_key && LIA_IS_CONTACT (record))
    {
      LiaContact *contact = LIA_CONTACT (record);

      out_key->text = _lia_contact_sort_key (self->store, lia_contact_get_given_name (contact),
                                             lia_contact_get_family_name (contact),
                                             lia_contact_get_display_name (contact),
                                             self->contacts_given_first);
    }
  else if (self->text_key)
    {
      out_key->text = _lia_sort_key (lia_record_get_label (record));
    }
  else
    {
      GDateTime *at = lia_interaction_get_at (LIA_INTERACTION (record));

      out_key->number = g_date_time_to_unix (at) * G_USEC_PER_SEC + g_date_time_get_microsecond (at);
    }
}

static void
key_from_columns (LiaListQuery *self,
                  LiaStmt      *stmt,
                  int           key_column,
                  int           id_column,
                  LiaListKey   *out_key)
{
  _lia_list_key_clear (out_key);
  out_key->id = _lia_db_column_int64 (stmt, id_column);
  if (self->text_key)
    out_key->text = g_strdup (_lia_column_text (stmt, key_column));
  else
    out_key->number = _lia_db_column_int64 (stmt, key_column);
}

static void
bind_key (LiaListQuery     *self,
          LiaStmt          *stmt,
          const char       *value_name,
          const char       *id_name,
          const LiaListKey *key)
{
  int value_index = _lia_db_bind_parameter_index (stmt, value_name);

  if (self->text_key)
    _lia_db_bind_text (stmt, value_index, key->text != NULL ? key->text : "", -1, LIA_DB_TRANSIENT);
  else
    _lia_db_bind_int64 (stmt, value_index, key->number);
  _lia_db_bind_int64 (stmt, _lia_db_bind_parameter_index (stmt, id_name), key->id);
}

static void
bind_named (LiaStmt    *stmt,
            const char *name,
            gint64      value)
{
  int index = _lia_db_bind_parameter_index (stmt, name);

  if (index > 0)
    _lia_db_bind_int64 (stmt, index, value);
}

/* Prepares @sql with the list's own parameters bound. */
static LiaStmt *
prepare (LiaListQuery  *self,
         const char    *sql,
         GError       **error)
{
  LiaStmt *stmt = _lia_store_prepare (self->store, sql, error);

  if (stmt == NULL)
    return NULL;

  if (self->is_timeline)
    _lia_timeline_filter_bind (stmt, &self->filter);
  if (self->is_stakeholders)
    _lia_stakeholder_query_bind (stmt, &self->stakeholders);
  bind_named (stmt, ":list", self->list_id);

  return stmt;
}

gboolean
_lia_list_query_refresh (LiaListQuery  *self,
                         GError       **error)
{
  const char *statement;
  const char *rest;

  if (!self->keeps_rows)
    return TRUE;

  /* Two statements: run one after the other, each prepared on its own. */
  for (statement = self->refresh_sql; statement != NULL && *statement != '\0'; statement = rest)
    {
      LiaStmt *stmt = NULL;

      if (_lia_db_prepare (_lia_store_get_db (self->store), statement, -1, LIA_DB_PREPARE_DEFAULT, &stmt, &rest) != LIA_DB_OK)
        {
          _lia_store_set_error_from_db (self->store, error, "Could not gather the list");
          return FALSE;
        }
      if (stmt == NULL)
        break;

      if (self->is_timeline)
        _lia_timeline_filter_bind (stmt, &self->filter);
      bind_named (stmt, ":list", self->list_id);

      if (_lia_db_step (stmt) != LIA_DB_DONE)
        {
          _lia_store_set_error_from_db (self->store, error, "Could not gather the list");
          _lia_db_finalize (stmt);
          return FALSE;
        }
      _lia_db_finalize (stmt);
    }

  return TRUE;
}

static gboolean
step_count (LiaListQuery  *self,
            LiaStmt       *stmt,
            guint         *out_count,
            GError       **error)
{
  if (_lia_db_step (stmt) != LIA_DB_ROW)
    {
      _lia_store_set_error_from_db (self->store, error, "Could not count the list");
      return FALSE;
    }

  *out_count = (guint) _lia_db_column_int64 (stmt, 0);
  return TRUE;
}

gboolean
_lia_list_query_count (LiaListQuery  *self,
                       guint         *out_count,
                       GError       **error)
{
  g_autoptr(LiaStmt) stmt = prepare (self, self->count_sql, error);

  return stmt != NULL && step_count (self, stmt, out_count, error);
}

gboolean
_lia_list_query_count_before (LiaListQuery      *self,
                              const LiaListKey  *anchor,
                              const LiaListKey  *key,
                              guint             *out_count,
                              GError           **error)
{
  g_autoptr(LiaStmt) stmt = NULL;

  stmt = prepare (self, anchor != NULL ? self->count_between_sql : self->count_before_sql, error);
  if (stmt == NULL)
    return FALSE;

  if (anchor != NULL)
    bind_key (self, stmt, ":a", ":aid", anchor);
  bind_key (self, stmt, ":k", ":kid", key);

  return step_count (self, stmt, out_count, error);
}

gboolean
_lia_list_query_has_day_counts (LiaListQuery *self)
{
  return self->day_counts;
}

gboolean
_lia_list_query_day_anchor (LiaListQuery      *self,
                            guint              position,
                            LiaListKey        *out_key,
                            guint             *out_position,
                            GError           **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  guint64 before = 0;
  int rc;

  g_return_val_if_fail (self->day_counts, FALSE);

  /* Newest day first, as the timeline goes: the first day whose rows reach past @position
   * holds it, and every row of the days before it comes earlier in the list. */
  stmt = prepare (self, "SELECT day_start, n FROM interaction_days WHERE n > 0 ORDER BY day_start DESC",
                  error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    {
      gint64 n = _lia_db_column_int64 (stmt, 1);

      if (before + n > position)
        {
          /* Just before the day's newest possible instant: "at or after" it is the day and
           * everything older, and exactly @before rows come strictly before it. */
          _lia_list_key_clear (out_key);
          out_key->number = _lia_db_column_int64 (stmt, 0) + DAY_USEC - 1;
          out_key->id = G_MAXINT64;
          *out_position = (guint) before;
          return TRUE;
        }
      before += n;
    }

  if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self->store, error, "Could not read the list");
      return FALSE;
    }

  /* Fewer rows than @position (another connection deleted some): no anchor. */
  *out_position = G_MAXUINT;
  return TRUE;
}

/* Reads @stmt's rows (a page, and on a server its participants) into @records. */
static gboolean
read_page (LiaListQuery  *self,
           LiaStmt       *stmt,
           gboolean       backwards,
           GPtrArray     *records,
           LiaListKey    *out_first,
           GHashTable    *labels,
           GError       **error)
{
  g_autoptr(GHashTable) by_id = NULL;
  guint first = records->len;
  int rc;

  if (self->with_participants)
    by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    {
      LiaRecord *record;

      /* After the page's rows, their participants (page_with_participants()). */
      if (by_id != NULL && _lia_db_column_int (stmt, self->key_column + 1) != 0)
        {
          gint64 interaction_id = _lia_db_column_int64 (stmt, 0);
          LiaInteraction *interaction = g_hash_table_lookup (by_id, &interaction_id);

          if (interaction != NULL)
            _lia_interaction_take_participant (interaction,
                                               _lia_db_column_int (stmt, self->key_column + 2) == 0,
                                               _lia_db_column_int64 (stmt, self->key_column + 3),
                                               _lia_column_text (stmt, self->key_column + 5),
                                               labels);
          continue;
        }

      /* A timeline's participants come for the whole page at once, below (or with it). */
      record = self->ops == &_lia_interaction_ops
               ? _lia_interaction_from_row_bare (self->store, stmt, error)
               : self->ops->from_row (self->store, stmt, error);

      if (record == NULL)
        return FALSE;

      if (by_id != NULL)
        {
          gint64 id = lia_record_get_id (record);

          g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), record);
        }

      /* Going backwards, the last row read is the first in list order. */
      if (backwards || records->len == first)
        key_from_columns (self, stmt, self->key_column, 0, out_first);

      g_ptr_array_add (records, record);
    }

  if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self->store, error, _("Could not read a page of the list"));
      return FALSE;
    }

  for (guint from = first; by_id == NULL && self->ops == &_lia_interaction_ops && from < records->len;
       from += LIA_PAGE_PARTICIPANTS_MAX)
    if (!_lia_interactions_load_participants (self->store, records, from,
                                              MIN (records->len - from, LIA_PAGE_PARTICIPANTS_MAX),
                                              labels, error))
      return FALSE;

  if (backwards)
    {
      for (guint i = first, j = records->len; i + 1 < j; i++, j--)
        {
          gpointer tmp = records->pdata[i];
          records->pdata[i] = records->pdata[j - 1];
          records->pdata[j - 1] = tmp;
        }
    }

  return TRUE;
}

gboolean
_lia_list_query_read (LiaListQuery      *self,
                      const LiaListKey  *anchor,
                      gboolean           backwards,
                      guint              offset,
                      guint              limit,
                      GPtrArray         *records,
                      LiaListKey        *out_first,
                      GHashTable        *labels,
                      GError           **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  const char *sql;

  if (anchor == NULL && !backwards && self->first_start_sql != NULL &&
      offset < LIA_STAKEHOLDER_FIRST_ROWS && limit <= LIA_STAKEHOLDER_FIRST_ROWS - offset)
    sql = self->first_start_sql;
  else if (anchor == NULL)
    sql = backwards ? self->from_end_sql : self->from_start_sql;
  else
    sql = backwards ? self->before_anchor_sql : self->after_anchor_sql;

  if (!(stmt = prepare (self, sql, error)))
    return FALSE;
  if (anchor != NULL)
    bind_key (self, stmt, ":k", ":kid", anchor);
  bind_named (stmt, ":limit", limit);
  bind_named (stmt, ":offset", offset);
  bind_named (stmt, ":top", (gint64) offset + limit);

  return read_page (self, stmt, backwards, records, out_first, labels, error);
}

gboolean
_lia_list_query_reads_from_day (LiaListQuery *self)
{
  return self->day_page_sql != NULL;
}

gboolean
_lia_list_query_read_from_day (LiaListQuery  *self,
                               guint          position,
                               guint          best,
                               guint          limit,
                               GPtrArray     *records,
                               LiaListKey    *out_first,
                               GHashTable    *labels,
                               GError       **error)
{
  g_autoptr(LiaStmt) stmt = NULL;

  g_return_val_if_fail (self->day_page_sql != NULL, FALSE);
  g_return_val_if_fail (limit <= LIA_LIST_QUERY_DAY_PAGE_ROWS, FALSE);

  if (!(stmt = prepare (self, self->day_page_sql, error)))
    return FALSE;
  bind_named (stmt, ":position", position);
  bind_named (stmt, ":best", best);
  bind_named (stmt, ":limit", limit);

  return read_page (self, stmt, FALSE, records, out_first, labels, error);
}

gboolean
_lia_list_query_key_at (LiaListQuery      *self,
                        const LiaListKey  *anchor,
                        guint              offset,
                        gboolean          *out_found,
                        LiaListKey        *out_key,
                        GError           **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  stmt = prepare (self, anchor != NULL ? self->key_after_anchor_sql : self->key_from_start_sql,
                  error);
  if (stmt == NULL)
    return FALSE;
  if (anchor != NULL)
    bind_key (self, stmt, ":k", ":kid", anchor);
  bind_named (stmt, ":offset", offset);

  rc = _lia_db_step (stmt);
  if (rc != LIA_DB_ROW && rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self->store, error, "Could not read the list");
      return FALSE;
    }

  *out_found = rc == LIA_DB_ROW;
  if (*out_found)
    key_from_columns (self, stmt, 0, 1, out_key);

  return TRUE;
}

gboolean
_lia_list_query_contains (LiaListQuery  *self,
                          gint64         id,
                          gboolean      *out_contains,
                          GError       **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  if (!(stmt = prepare (self, self->contains_sql, error)))
    return FALSE;
  bind_named (stmt, ":id", id);

  rc = _lia_db_step (stmt);
  if (rc != LIA_DB_ROW && rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self->store, error, "Could not read the list");
      return FALSE;
    }

  *out_contains = rc == LIA_DB_ROW;
  return TRUE;
}

gboolean
_lia_list_query_contained (LiaListQuery  *self,
                           LiaRecord     *old,
                           gboolean      *out_contained,
                           GError       **error)
{
  if (!self->is_timeline)
    {
      *out_contained = TRUE;
      return TRUE;
    }

  return _lia_timeline_filter_matches (self->store, &self->filter, LIA_INTERACTION (old),
                                       out_contained, error);
}

static gboolean
change_row (LiaListQuery      *self,
            const char        *sql,
            const LiaListKey  *key,
            GError           **error)
{
  g_autoptr(LiaStmt) stmt = NULL;

  if (!self->keeps_rows)
    return TRUE;

  if (!(stmt = prepare (self, sql, error)))
    return FALSE;
  bind_named (stmt, ":key", key->number);
  bind_named (stmt, ":item", key->id);

  return _lia_store_step_done (self->store, stmt, "Could not update the list", error);
}

gboolean
_lia_list_query_add_row (LiaListQuery      *self,
                         const LiaListKey  *key,
                         GError           **error)
{
  return change_row (self,
                     "INSERT INTO lia_list_rows (list, key, item) VALUES (:list, :key, :item)"
                     " ON CONFLICT DO NOTHING",
                     key, error);
}

gboolean
_lia_list_query_remove_row (LiaListQuery      *self,
                            const LiaListKey  *key,
                            GError           **error)
{
  return change_row (self,
                     "DELETE FROM lia_list_rows WHERE list = :list AND key = :key AND item = :item",
                     key, error);
}
