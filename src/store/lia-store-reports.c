/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-store-private.h"
#include "lia-store-reports.h"

void
lia_assessment_state_free (LiaAssessmentState *state)
{
  if (state == NULL)
    return;

  g_clear_pointer (&state->changed_at, g_date_time_unref);
  g_free (state);
}

void
lia_relationship_summary_clear (LiaRelationshipSummary *summary)
{
  g_return_if_fail (summary != NULL);

  g_clear_pointer (&summary->last_contact, g_date_time_unref);
  memset (summary, 0, sizeof *summary);
}

/* @today, or today's local date when %NULL, as a new date shifted by @days. */
static GDate *
day_from (const GDate *today,
          int          days)
{
  GDate *date;

  if (today != NULL && g_date_valid (today))
    {
      date = g_date_new ();
      *date = *today;
    }
  else
    date = lia_date_new_today ();

  if (days > 0)
    g_date_add_days (date, (guint) days);
  else if (days < 0)
    g_date_subtract_days (date, (guint) -days);

  return date;
}

GPtrArray *
lia_store_list_assessment_history (LiaStore       *self,
                                   LiaRecordKind   kind,
                                   gint64          id,
                                   GError        **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  g_autoptr(GPtrArray) states = NULL;
  const char *sql;
  int rc;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);
  g_return_val_if_fail (kind == LIA_RECORD_KIND_ORGANIZATION || kind == LIA_RECORD_KIND_CONTACT, NULL);

  if (kind == LIA_RECORD_KIND_ORGANIZATION)
    sql = "SELECT changed_at, influence, interest, stance FROM assessment_history"
          " WHERE organization_id = ?1 ORDER BY changed_at, id";
  else
    sql = "SELECT changed_at, influence, interest, stance FROM assessment_history"
          " WHERE contact_id = ?1 ORDER BY changed_at, id";

  if (!(stmt = _lia_store_prepare (self, sql, error)))
    return NULL;
  _lia_db_bind_int64 (stmt, 1, id);

  states = g_ptr_array_new_with_free_func ((GDestroyNotify) lia_assessment_state_free);
  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    {
      g_autoptr(LiaAssessmentState) state = g_new0 (LiaAssessmentState, 1);
      int stance;

      state->changed_at = _lia_column_time (stmt, 0);
      state->influence = _lia_db_column_int (stmt, 1);
      state->interest = _lia_db_column_int (stmt, 2);
      if (!_lia_column_nick (stmt, 3, LIA_TYPE_STANCE, &stance, error))
        return NULL;
      state->stance = stance;
      g_ptr_array_add (states, g_steal_pointer (&state));
    }

  if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self, error, _("Could not read how the assessment changed"));
      return NULL;
    }

  return g_steal_pointer (&states);
}

/* Prepares "@select FROM interactions t WHERE <the timeline filter> @tail" for @contact_id or
 * @organization_id between @since and @until, bound. */
static LiaStmt *
prepare_timeline (LiaStore    *self,
                  const char  *select,
                  const char  *tail,
                  gint64       contact_id,
                  gint64       organization_id,
                  const GDate *since,
                  const GDate *until,
                  GError     **error)
{
  LiaTimelineFilter filter = { 0, };
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  LiaStmt *stmt;

  filter.contact_id = contact_id;
  filter.organization_id = organization_id;
  filter.since = since;
  filter.until = until;

  where = _lia_timeline_filter_sql (&filter, LIA_FILTER_SET);
  sql = g_strconcat (select, " FROM interactions t WHERE TRUE", where, " ", tail, NULL);
  stmt = _lia_store_prepare (self, sql, error);
  if (stmt != NULL)
    _lia_timeline_filter_bind (stmt, &filter);

  return stmt;
}

gboolean
lia_store_get_relationship_summary (LiaStore               *self,
                                    gint64                  contact_id,
                                    gint64                  organization_id,
                                    const GDate            *today,
                                    LiaRelationshipSummary *out_summary,
                                    GError                **error)
{
  g_autoptr(GDate) day = day_from (today, 0);
  g_autoptr(GDate) year_ago = day_from (today, -364);
  g_autoptr(GDate) tomorrow = day_from (today, 1);
  g_autofree char *quarter_start = NULL;
  LiaRelationshipSummary summary = { 0, };

  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);
  g_return_val_if_fail ((contact_id > 0) != (organization_id > 0), FALSE);
  g_return_val_if_fail (out_summary != NULL, FALSE);

  {
    g_autoptr(GDate) quarter = day_from (today, -89);
    quarter_start = lia_date_to_iso (quarter);
  }

  /* The last year, and the last 90 days within it. Portable aggregates: SQLite's total() is
   * not PostgreSQL's; a sum over no rows is NULL, read as 0. */
  {
    g_autoptr(LiaStmt) stmt =
      prepare_timeline (self,
                        "SELECT count(*), sum(t.sentiment), count(CASE WHEN t.day >= :quarter THEN 1 END)", "",
                        contact_id, organization_id, year_ago, day, error);

    if (stmt == NULL)
      return FALSE;
    _lia_db_bind_text (stmt, _lia_db_bind_parameter_index (stmt, ":quarter"), quarter_start, -1,
                       LIA_DB_TRANSIENT);

    if (_lia_db_step (stmt) != LIA_DB_ROW)
      {
        _lia_store_set_error_from_db (self, error, _("Could not count the interactions"));
        return FALSE;
      }

    summary.last_year = (guint) _lia_db_column_int64 (stmt, 0);
    summary.average_sentiment = summary.last_year > 0
                                ? _lia_db_column_double (stmt, 1) / summary.last_year
                                : 0.0;
    summary.last_90_days = (guint) _lia_db_column_int64 (stmt, 2);
  }

  /* The last contact, however long ago. */
  {
    g_autoptr(LiaStmt) stmt =
      prepare_timeline (self,
                        "SELECT t.at_utc, t.at_offset", "ORDER BY t.at_utc DESC, t.id DESC LIMIT 1",
                        contact_id, organization_id, NULL, day, error);
    int rc;

    if (stmt == NULL)
      return FALSE;

    rc = _lia_db_step (stmt);
    if (rc == LIA_DB_ROW)
      {
        g_autoptr(GDateTime) utc = _lia_column_time (stmt, 0);
        g_autoptr(GTimeZone) zone = g_time_zone_new_offset (_lia_db_column_int (stmt, 1));

        summary.last_contact = g_date_time_to_timezone (utc, zone);
      }
    else if (rc != LIA_DB_DONE)
      {
        _lia_store_set_error_from_db (self, error, _("Could not read the interactions"));
        return FALSE;
      }
  }

  /* What is planned. */
  {
    g_autoptr(LiaStmt) stmt =
      prepare_timeline (self, "SELECT count(*)", "",
                        contact_id, organization_id, tomorrow, NULL, error);

    if (stmt == NULL)
      {
        lia_relationship_summary_clear (&summary);
        return FALSE;
      }

    if (_lia_db_step (stmt) != LIA_DB_ROW)
      {
        _lia_store_set_error_from_db (self, error, _("Could not count the interactions"));
        lia_relationship_summary_clear (&summary);
        return FALSE;
      }
    summary.planned = (guint) _lia_db_column_int64 (stmt, 0);
  }

  *out_summary = summary;
  return TRUE;
}

static void
bind_if_used (LiaStmt     *stmt,
              const char  *name,
              gint64       id,
              const GDate *day)
{
  int index = _lia_db_bind_parameter_index (stmt, name);

  if (index <= 0)
    return;
  if (day != NULL)
    _lia_bind_date (stmt, index, day);
  else
    _lia_db_bind_int64 (stmt, index, id);
}

/* Runs "SELECT <the record's columns> FROM <its table> @tail" with the named parameters it
 * uses: :contact, :org, :day and :until. */
static GPtrArray *
collect_report (LiaStore           *self,
                const LiaRecordOps *ops,
                const char         *tail,
                gint64              contact_id,
                gint64              organization_id,
                const GDate        *day,
                const GDate        *until,
                GError            **error)
{
  g_autofree char *sql = g_strconcat ("SELECT ", ops->columns, " FROM ", ops->table, " ", tail,
                                      NULL);
  g_autoptr(LiaStmt) stmt = _lia_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;

  bind_if_used (stmt, ":contact", contact_id, NULL);
  bind_if_used (stmt, ":org", organization_id, NULL);
  if (day != NULL)
    bind_if_used (stmt, ":day", 0, day);
  if (until != NULL)
    bind_if_used (stmt, ":until", 0, until);

  return _lia_store_collect (self, ops, stmt, error);
}

GPtrArray *
lia_store_list_open_concerns (LiaStore     *self,
                              gint64        contact_id,
                              gint64        organization_id,
                              const GDate  *today,
                              GError      **error)
{
  g_autoptr(GDate) day = day_from (today, 0);

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);

  return collect_report (self, &_lia_concern_ops,
                         "WHERE status IN ('open', 'mediating')"
                         " AND id IN ("
                         "  SELECT concern_id FROM concern_parties"
                         "  WHERE (:contact > 0 AND contact_id = :contact)"
                         "  OR (:org > 0 AND organization_id = :org)"
                         "  UNION"
                         "  SELECT p.concern_id FROM concern_parties p"
                         "  JOIN affiliations a ON a.contact_id = p.contact_id"
                         "  WHERE :org > 0 AND a.organization_id = :org"
                         "  AND (a.from_date IS NULL OR a.from_date <= :day)"
                         "  AND (a.until_date IS NULL OR a.until_date >= :day))"
                         " ORDER BY CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1"
                         "  WHEN 'medium' THEN 2 ELSE 3 END,"
                         " opened_date IS NULL, opened_date, id",
                         contact_id, organization_id, day, NULL, error);
}

GPtrArray *
lia_store_list_open_commitments_involving_organization (LiaStore     *self,
                                                        gint64        organization_id,
                                                        const GDate  *today,
                                                        GError      **error)
{
  g_autoptr(GDate) day = day_from (today, 0);

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);

  return collect_report (self, &_lia_commitment_ops,
                         "WHERE status = 'open'"
                         " AND (organization_id = :org OR contact_id IN ("
                         "  SELECT contact_id FROM affiliations WHERE organization_id = :org"
                         "  AND (from_date IS NULL OR from_date <= :day)"
                         "  AND (until_date IS NULL OR until_date >= :day)))"
                         " ORDER BY (due_date IS NOT NULL AND due_date < :day) DESC,"
                         " due_date IS NULL, due_date, id",
                         0, organization_id, day, NULL, error);
}

GPtrArray *
lia_store_list_departures (LiaStore     *self,
                           gint64        organization_id,
                           const GDate  *since,
                           const GDate  *until,
                           GError      **error)
{
  g_autoptr(GDate) last = day_from (until, 0);

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);
  g_return_val_if_fail (since != NULL && g_date_valid (since), NULL);

  return collect_report (self, &_lia_affiliation_ops,
                         "WHERE organization_id = :org"
                         " AND until_date IS NOT NULL AND until_date >= :day AND until_date <= :until"
                         " ORDER BY until_date DESC, id DESC",
                         0, organization_id, since, last, error);
}
