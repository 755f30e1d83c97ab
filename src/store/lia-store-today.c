/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-store"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-store-today.h"
#include "lia-store-private.h"

void
lia_today_free (LiaToday *today)
{
  if (today == NULL)
    return;

  g_clear_pointer (&today->overdue, g_ptr_array_unref);
  g_clear_pointer (&today->due_this_week, g_ptr_array_unref);
  g_clear_pointer (&today->due_for_contact, g_ptr_array_unref);
  g_clear_pointer (&today->meetings, g_ptr_array_unref);
  g_clear_pointer (&today->concerns, g_ptr_array_unref);
  g_clear_pointer (&today->milestones_due, g_ptr_array_unref);
  g_clear_pointer (&today->risks_to_review, g_ptr_array_unref);
  g_free (today);
}

void
lia_today_notice_free (LiaTodayNotice *notice)
{
  if (notice == NULL)
    return;

  g_free (notice->title);
  g_free (notice->body);
  g_free (notice);
}

static gboolean
count_rows (LiaStore    *self,
            const char  *sql,
            const char  *first,
            const char  *second,
            gint64       now_us,
            guint       *out_count,
            GError     **error)
{
  g_autoptr(LiaStmt) stmt = _lia_store_prepare (self, sql, error);
  int index;

  if (stmt == NULL)
    return FALSE;
  _lia_db_bind_text (stmt, 1, first, -1, LIA_DB_TRANSIENT);
  if ((index = _lia_db_bind_parameter_index (stmt, "?2")) > 0)
    _lia_db_bind_text (stmt, index, second, -1, LIA_DB_TRANSIENT);
  if ((index = _lia_db_bind_parameter_index (stmt, "?3")) > 0)
    _lia_db_bind_int64 (stmt, index, now_us);
  if (_lia_db_step (stmt) != LIA_DB_ROW)
    {
      _lia_store_set_error_from_db (self, error, "%s", _("Could not read what is due today"));
      return FALSE;
    }
  *out_count = _lia_db_column_int (stmt, 0);

  return TRUE;
}

/* Records of @ops WHERE @where ORDER BY @order, with ?1, ?2 the days and ?3 the instant. */
static GPtrArray *
collect (LiaStore           *self,
         const LiaRecordOps *ops,
         const char         *where,
         const char         *order,
         const char         *first,
         const char         *second,
         gint64              now_us,
         guint              *out_count,
         guint               limit,
         GError            **error)
{
  g_autofree char *count_sql = g_strdup_printf ("SELECT count (*) FROM %s WHERE %s", ops->table, where);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE %s ORDER BY %s LIMIT %u",
                                          ops->columns, ops->table, where, order, limit);
  g_autoptr(LiaStmt) stmt = NULL;
  int index;

  if (!count_rows (self, count_sql, first, second, now_us, out_count, error))
    return NULL;
  if (!(stmt = _lia_store_prepare (self, sql, error)))
    return NULL;
  _lia_db_bind_text (stmt, 1, first, -1, LIA_DB_TRANSIENT);
  if ((index = _lia_db_bind_parameter_index (stmt, "?2")) > 0)
    _lia_db_bind_text (stmt, index, second, -1, LIA_DB_TRANSIENT);
  if ((index = _lia_db_bind_parameter_index (stmt, "?3")) > 0)
    _lia_db_bind_int64 (stmt, index, now_us);

  return _lia_store_collect (self, ops, stmt, error);
}

static void
project_item_free (gpointer data)
{
  LiaTodayProjectItem *item = data;

  g_free (item->project_name);
  g_free (item->title);
  g_free (item);
}

/* Milestones or risks of current projects: @from_where is "FROM … WHERE …" over p (the
 * project) and x (the milestone or risk), whose date column is @date_column; ?1 and ?2 the
 * days. The rows' count goes to @out_count; at most @limit rows. */
static GPtrArray *
collect_project_items (LiaStore    *self,
                       const char  *from_where,
                       const char  *date_column,
                       const char  *score,
                       const char  *first,
                       const char  *second,
                       guint       *out_count,
                       guint        limit,
                       GError     **error)
{
  g_autofree char *count_sql = g_strdup_printf ("SELECT count (*) %s", from_where);
  g_autofree char *sql = g_strdup_printf ("SELECT p.id, p.name, x.title, %s, %s %s ORDER BY %s, p.name, x.position"
                                          " LIMIT %u",
                                          date_column, score, from_where, date_column, limit);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (project_item_free);
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  if (!count_rows (self, count_sql, first, second, 0, out_count, error))
    return NULL;
  if (!(stmt = _lia_store_prepare (self, sql, error)))
    return NULL;
  _lia_db_bind_text (stmt, 1, first, -1, LIA_DB_TRANSIENT);
  if (second != NULL)
    _lia_db_bind_text (stmt, 2, second, -1, LIA_DB_TRANSIENT);
  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    {
      LiaTodayProjectItem *item = g_new0 (LiaTodayProjectItem, 1);
      g_autoptr(GDate) date = _lia_column_date (stmt, 3);

      item->project_id = _lia_db_column_int64 (stmt, 0);
      item->project_name = g_strdup (_lia_db_column_text (stmt, 1));
      item->title = g_strdup (_lia_db_column_text (stmt, 2));
      g_date_clear (&item->date, 1);
      if (date != NULL)
        item->date = *date;
      item->score = _lia_db_column_int (stmt, 4);
      g_ptr_array_add (items, item);
    }
  if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self, error, "%s", _("Could not read what is due today"));
      return NULL;
    }

  return g_steal_pointer (&items);
}

static gboolean
load_today (LiaStore   *self,
            LiaToday   *today,
            gint64      now_us,
            guint       limit,
            GError    **error)
{
  g_autofree char *day_iso = lia_date_to_iso (&today->day);
  g_autofree char *week_end_iso = NULL;
  g_autofree char *ahead_iso = NULL;
  g_autoptr(GPtrArray) stakeholders = NULL;
  LiaStakeholderQuery query;
  GDate week_end = today->day;
  GDate ahead = today->day;

  g_date_add_days (&week_end, LIA_TODAY_DAYS_AHEAD - 1);
  g_date_add_days (&ahead, LIA_TODAY_DAYS_AHEAD);
  week_end_iso = lia_date_to_iso (&week_end);
  ahead_iso = lia_date_to_iso (&ahead);

  today->overdue = collect (self, &_lia_commitment_ops,
                            "status = 'open' AND due_date < ?1", "due_date, id",
                            day_iso, NULL, 0, &today->n_overdue, limit, error);
  if (today->overdue == NULL)
    return FALSE;
  today->due_this_week = collect (self, &_lia_commitment_ops,
                                  "status = 'open' AND due_date BETWEEN ?1 AND ?2", "due_date, id",
                                  day_iso, week_end_iso, 0, &today->n_due_this_week, limit, error);
  if (today->due_this_week == NULL)
    return FALSE;
  /* From now (the rest of today) to the end of the 7th day ahead, in each one's own day. */
  today->meetings = collect (self, &_lia_interaction_ops,
                             "kind IN ('meeting', 'call', 'visit', 'event')"
                             " AND day >= ?1 AND day <= ?2 AND at_utc >= ?3",
                             "at_utc, id", day_iso, ahead_iso, now_us, &today->n_meetings, limit, error);
  if (today->meetings == NULL)
    return FALSE;
  today->concerns = lia_store_list_concerns (self, (1u << LIA_CONCERN_STATUS_OPEN) |
                                                   (1u << LIA_CONCERN_STATUS_MEDIATING),
                                             error);
  if (today->concerns == NULL)
    return FALSE;

  today->milestones_due = collect_project_items (self,
                                                 "FROM project_milestones x JOIN projects p ON p.id = x.project_id"
                                                 " WHERE p.status NOT IN ('completed', 'cancelled')"
                                                 " AND x.status = 'open' AND x.due_date BETWEEN ?1 AND ?2",
                                                 "x.due_date", "0", day_iso, week_end_iso,
                                                 &today->n_milestones_due, limit, error);
  if (today->milestones_due == NULL)
    return FALSE;
  today->risks_to_review = collect_project_items (self,
                                                  "FROM project_risks x JOIN projects p ON p.id = x.project_id"
                                                  " WHERE p.status NOT IN ('completed', 'cancelled')"
                                                  " AND x.status IN ('open', 'mitigating') AND x.review_date < ?1",
                                                  "x.review_date", "x.likelihood * x.impact", day_iso, NULL,
                                                  &today->n_risks_to_review, limit, error);
  if (today->risks_to_review == NULL)
    return FALSE;

  lia_stakeholder_query_init (&query);
  query.due_only = TRUE;
  query.sort = LIA_STAKEHOLDER_SORT_DUE;
  query.today = &today->day;
  /* The count, then only the rows shown: a whole list works out health for every one of
   * possibly tens of thousands of stakeholders due. */
  if (!lia_store_count_stakeholders (self, &query, &today->n_due_for_contact, error))
    return FALSE;
  if (!(stakeholders = lia_store_list_stakeholders_page (self, &query, 0, limit, error)))
    return FALSE;
  today->due_for_contact = g_steal_pointer (&stakeholders);

  return TRUE;
}

LiaToday *
lia_store_get_today (LiaStore   *self,
                     GDateTime  *now,
                     guint       limit,
                     GError    **error)
{
  g_autoptr(LiaToday) today = g_new0 (LiaToday, 1);
  g_autoptr(GDateTime) local = NULL;
  gboolean own_transaction;
  gboolean ok;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);

  local = now != NULL ? g_date_time_to_local (now) : g_date_time_new_now_local ();
  g_date_clear (&today->day, 1);
  g_date_set_dmy (&today->day, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));

  own_transaction = _lia_db_get_autocommit (_lia_store_get_db (self)) != 0;
  if (own_transaction && !_lia_store_exec (self, "BEGIN", error))
    return NULL;
  ok = load_today (self, today, g_date_time_to_unix (local) * G_USEC_PER_SEC +
                                g_date_time_get_microsecond (local),
                   limit, error);
  if (own_transaction)
    _lia_store_exec (self, "COMMIT", NULL);

  return ok ? g_steal_pointer (&today) : NULL;
}

/* Commitments whose due date is after @since (NULL: any) and not after the day. */
static void
add_commitments (GPtrArray  *found,
                 GPtrArray  *commitments,
                 const GDate *since,
                 const GDate *day)
{
  for (guint i = 0; commitments != NULL && i < commitments->len; i++)
    {
      LiaCommitment *commitment = commitments->pdata[i];
      const GDate *due = lia_commitment_get_due_date (commitment);

      if (due != NULL && g_date_valid (due) && g_date_compare (due, day) <= 0 &&
          (since == NULL || g_date_compare (due, since) > 0))
        g_ptr_array_add (found, commitment);
    }
}

GPtrArray *
lia_today_plan_notices (const LiaToday *today,
                        const char     *last_notified)
{
  g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func ((GDestroyNotify) lia_today_notice_free);
  g_autoptr(GPtrArray) fell_due = g_ptr_array_new ();
  g_autoptr(GPtrArray) lapsed = g_ptr_array_new ();
  g_autoptr(GDate) since = NULL;

  g_return_val_if_fail (today != NULL, NULL);

  if (last_notified != NULL && last_notified[0] != '\0')
    since = lia_date_parse_iso (last_notified, NULL);
  /* At most once a day: a day already told (or a clock set back) tells nothing. */
  if (since != NULL && g_date_compare (since, &today->day) >= 0)
    return g_steal_pointer (&notices);

  /* What fell due since the last notice: on a first day, everything late. */
  add_commitments (fell_due, today->overdue, since, &today->day);
  add_commitments (fell_due, today->due_this_week, since, &today->day);
  if (fell_due->len > 0)
    {
      LiaTodayNotice *notice = g_new0 (LiaTodayNotice, 1);
      LiaRecord *first = fell_due->pdata[0];

      notice->id = "commitments-due";
      if (fell_due->len == 1)
        {
          notice->title = g_strdup (_("A commitment is due"));
          notice->body = g_strdup (lia_record_get_label (first));
          notice->kind = LIA_RECORD_KIND_COMMITMENT;
          notice->record_id = lia_record_get_id (first);
        }
      else
        {
          notice->title = g_strdup_printf (ngettext ("%u commitment is due", "%u commitments are due",
                                                     fell_due->len),
                                           fell_due->len);
          /* Translators: the first of several commitments due, in a notification. */
          notice->body = g_strdup_printf (_("“%s” and others: see Today"), lia_record_get_label (first));
          notice->kind = LIA_RECORD_KIND_COMMITMENT;
        }
      g_ptr_array_add (notices, notice);
    }

  /* High-priority stakeholders whose cadence has lapsed (not only lapsing this week). */
  for (guint i = 0; today->due_for_contact != NULL && i < today->due_for_contact->len; i++)
    {
      LiaStakeholder *s = today->due_for_contact->pdata[i];

      if (lia_quadrant_from_assessment (s->influence, s->interest) == LIA_QUADRANT_MANAGE_CLOSELY &&
          s->next_contact != NULL && g_date_compare (s->next_contact, &today->day) <= 0 &&
          (since == NULL || g_date_compare (s->next_contact, since) > 0))
        g_ptr_array_add (lapsed, s);
    }
  if (lapsed->len > 0)
    {
      LiaTodayNotice *notice = g_new0 (LiaTodayNotice, 1);
      LiaStakeholder *first = lapsed->pdata[0];

      notice->id = "contact-lapsed";
      notice->kind = first->kind;
      if (lapsed->len == 1)
        {
          /* Translators: a notification; %s is an organization or a person. */
          notice->title = g_strdup_printf (_("Time to get in touch with %s"), first->name);
          notice->body = g_strdup (_("A stakeholder you manage closely is due for contact."));
          notice->record_id = first->id;
        }
      else
        {
          notice->title = g_strdup_printf (ngettext ("%u stakeholder is due for contact",
                                                     "%u stakeholders are due for contact",
                                                     lapsed->len),
                                           lapsed->len);
          notice->body = g_strdup_printf (_("%s and others you manage closely: see Today"), first->name);
        }
      g_ptr_array_add (notices, notice);
    }

  return g_steal_pointer (&notices);
}

static GPtrArray *
collect_for_concern (LiaStore           *self,
                     const LiaRecordOps *ops,
                     const char         *where_order,
                     gint64              concern_id,
                     GError            **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE %s", ops->columns, ops->table, where_order);
  g_autoptr(LiaStmt) stmt = _lia_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  _lia_db_bind_int64 (stmt, 1, concern_id);

  return _lia_store_collect (self, ops, stmt, error);
}

GPtrArray *
lia_store_list_concern_interactions (LiaStore  *self,
                                     gint64     concern_id,
                                     GError   **error)
{
  g_return_val_if_fail (LIA_IS_STORE (self), NULL);

  return collect_for_concern (self, &_lia_interaction_ops,
                              "id IN (SELECT interaction_id FROM concern_interactions WHERE concern_id = ?1)"
                              " ORDER BY at_utc, id",
                              concern_id, error);
}

GPtrArray *
lia_store_list_concern_commitments (LiaStore  *self,
                                    gint64     concern_id,
                                    GError   **error)
{
  g_return_val_if_fail (LIA_IS_STORE (self), NULL);

  return collect_for_concern (self, &_lia_commitment_ops,
                              "interaction_id IN (SELECT interaction_id FROM concern_interactions"
                              " WHERE concern_id = ?1) ORDER BY due_date IS NULL, due_date, id",
                              concern_id, error);
}
