/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-store-private.h"

/* An interaction's local day can be up to a day away from its UTC day (offsets are at most
 * ±24 h in the schema): the day bounds become a wider range on at_utc, which the time index
 * can use, and the exact test on the local day follows. */
static gint64
day_start_utc_usec (const GDate *date,
                    int          days_shift)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (g_date_get_year (date),
                                                 g_date_get_month (date),
                                                 g_date_get_day (date), 0, 0, 0);

  return (g_date_time_to_unix (dt) + (gint64) days_shift * 86400) * G_USEC_PER_SEC;
}

char *
_lia_timeline_filter_sql (const LiaTimelineFilter *filter,
                          LiaFilterForm            form)
{
  GString *sql = g_string_new (NULL);
  gboolean per_row = form == LIA_FILTER_PER_ROW;

  if (filter == NULL)
    return g_string_free (sql, FALSE);

  if (filter->kinds != 0)
    {
      gboolean first = TRUE;

      /* Nicks come from our own enum table, never from user text. */
      g_string_append (sql, " AND t.kind IN (");
      for (int kind = LIA_INTERACTION_KIND_MEETING; kind <= LIA_INTERACTION_KIND_NOTE; kind++)
        {
          if ((filter->kinds & (1u << kind)) == 0)
            continue;
          g_string_append_printf (sql, "%s'%s'", first ? "" : ", ",
                                  lia_enum_to_nick (LIA_TYPE_INTERACTION_KIND, kind));
          first = FALSE;
        }
      if (first)
        g_string_append (sql, "NULL");
      g_string_append (sql, ")");
    }

  if (filter->since != NULL && g_date_valid (filter->since))
    g_string_append (sql, " AND t.at_utc >= :lo AND t.day >= :since");

  if (filter->until != NULL && g_date_valid (filter->until))
    g_string_append (sql, " AND t.at_utc < :hi AND t.day <= :until");

  if (filter->contact_id > 0)
    g_string_append (sql, per_row
                     ? " AND EXISTS (SELECT 1 FROM interaction_contacts"
                       " WHERE interaction_id = t.id AND contact_id = :contact)"
                     : " AND t.id IN (SELECT interaction_id FROM interaction_contacts"
                       " WHERE contact_id = :contact)");

  if (filter->organization_id > 0)
    g_string_append (sql, per_row
                     ? " AND (EXISTS (SELECT 1 FROM interaction_organizations"
                       " WHERE interaction_id = t.id AND organization_id = :org)"
                       " OR EXISTS (SELECT 1 FROM interaction_contacts ic"
                       " JOIN affiliations a ON a.contact_id = ic.contact_id"
                       " WHERE ic.interaction_id = t.id AND a.organization_id = :org"
                       " AND (a.from_date IS NULL OR t.day >= a.from_date)"
                       " AND (a.until_date IS NULL OR t.day <= a.until_date)))"
                     : " AND t.id IN ("
                       "SELECT interaction_id FROM interaction_organizations"
                       " WHERE organization_id = :org"
                       " UNION "
                       "SELECT ic.interaction_id FROM affiliations a"
                       " JOIN interaction_contacts ic ON ic.contact_id = a.contact_id"
                       " JOIN interactions i2 ON i2.id = ic.interaction_id"
                       " WHERE a.organization_id = :org"
                       " AND (a.from_date IS NULL OR i2.day >= a.from_date)"
                       " AND (a.until_date IS NULL OR i2.day <= a.until_date))");

  return g_string_free (sql, FALSE);
}

static void
bind_named_int64 (LiaStmt    *stmt,
                  const char *name,
                  gint64      value)
{
  int index = _lia_db_bind_parameter_index (stmt, name);

  if (index > 0)
    _lia_db_bind_int64 (stmt, index, value);
}

static void
bind_named_date (LiaStmt     *stmt,
                 const char  *name,
                 const GDate *date)
{
  int index = _lia_db_bind_parameter_index (stmt, name);

  if (index > 0)
    _lia_bind_date (stmt, index, date);
}

void
_lia_timeline_filter_bind (LiaStmt                 *stmt,
                           const LiaTimelineFilter *filter)
{
  if (filter == NULL)
    return;

  bind_named_int64 (stmt, ":contact", filter->contact_id);
  bind_named_int64 (stmt, ":org", filter->organization_id);

  if (filter->since != NULL && g_date_valid (filter->since))
    {
      bind_named_date (stmt, ":since", filter->since);
      bind_named_int64 (stmt, ":lo", day_start_utc_usec (filter->since, -1));
    }

  if (filter->until != NULL && g_date_valid (filter->until))
    {
      bind_named_date (stmt, ":until", filter->until);
      bind_named_int64 (stmt, ":hi", day_start_utc_usec (filter->until, 2));
    }
}

static gboolean
array_contains (const GArray *ids,
                gint64        id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

gboolean
_lia_timeline_filter_matches (LiaStore                *store,
                              const LiaTimelineFilter *filter,
                              LiaInteraction          *interaction,
                              gboolean                *out_matches,
                              GError                 **error)
{
  const GArray *contacts = lia_interaction_get_contact_ids (interaction);
  GDateTime *at = lia_interaction_get_at (interaction);
  g_autofree char *day = NULL;
  g_autofree char *bound = NULL;

  *out_matches = FALSE;

  if (filter == NULL)
    {
      *out_matches = TRUE;
      return TRUE;
    }

  if (filter->kinds != 0 && (filter->kinds & (1u << lia_interaction_get_kind (interaction))) == 0)
    return TRUE;

  day = g_date_time_format (at, "%Y-%m-%d");

  if (filter->since != NULL && g_date_valid (filter->since))
    {
      bound = lia_date_to_iso (filter->since);
      if (strcmp (day, bound) < 0)
        return TRUE;
      g_clear_pointer (&bound, g_free);
    }

  if (filter->until != NULL && g_date_valid (filter->until))
    {
      bound = lia_date_to_iso (filter->until);
      if (strcmp (day, bound) > 0)
        return TRUE;
    }

  if (filter->contact_id > 0 && !array_contains (contacts, filter->contact_id))
    return TRUE;

  if (filter->organization_id > 0 &&
      !array_contains (lia_interaction_get_organization_ids (interaction), filter->organization_id))
    {
      gboolean affiliated = FALSE;

      for (guint i = 0; !affiliated && contacts != NULL && i < contacts->len; i++)
        {
          g_autoptr(LiaStmt) stmt =
            _lia_store_prepare (store,
                                "SELECT 1 FROM affiliations WHERE organization_id = ?1"
                                " AND contact_id = ?2"
                                " AND (from_date IS NULL OR ?3 >= from_date)"
                                " AND (until_date IS NULL OR ?3 <= until_date)",
                                error);
          int rc;

          if (stmt == NULL)
            return FALSE;
          _lia_db_bind_int64 (stmt, 1, filter->organization_id);
          _lia_db_bind_int64 (stmt, 2, g_array_index (contacts, gint64, i));
          _lia_db_bind_text (stmt, 3, day, -1, LIA_DB_TRANSIENT);

          rc = _lia_db_step (stmt);
          if (rc == LIA_DB_ROW)
            affiliated = TRUE;
          else if (rc != LIA_DB_DONE)
            {
              _lia_store_set_error_from_db (store, error, _("Could not read the affiliations"));
              return FALSE;
            }
        }

      if (!affiliated)
        return TRUE;
    }

  *out_matches = TRUE;
  return TRUE;
}

GPtrArray *
lia_store_list_timeline (LiaStore                *self,
                         const LiaTimelineFilter *filter,
                         guint                    offset,
                         guint                    limit,
                         GError                 **error)
{
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(LiaStmt) stmt = NULL;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);

  where = _lia_timeline_filter_sql (filter, LIA_FILTER_SET);
  sql = g_strdup_printf ("SELECT %s FROM interactions t WHERE TRUE%s"
                         " ORDER BY t.at_utc DESC, t.id DESC LIMIT :limit OFFSET :offset",
                         _lia_interaction_ops.columns, where);
  if (!(stmt = _lia_store_prepare (self, sql, error)))
    return NULL;

  _lia_timeline_filter_bind (stmt, filter);
  _lia_db_bind_int64 (stmt, _lia_db_bind_parameter_index (stmt, ":limit"), limit);
  _lia_db_bind_int64 (stmt, _lia_db_bind_parameter_index (stmt, ":offset"), offset);

  return _lia_store_collect (self, &_lia_interaction_ops, stmt, error);
}

gboolean
lia_store_count_timeline (LiaStore                *self,
                          const LiaTimelineFilter *filter,
                          guint                   *out_count,
                          GError                 **error)
{
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(LiaStmt) stmt = NULL;

  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_count != NULL, FALSE);

  where = _lia_timeline_filter_sql (filter, LIA_FILTER_SET);
  sql = g_strdup_printf ("SELECT count(*) FROM interactions t WHERE TRUE%s", where);
  if (!(stmt = _lia_store_prepare (self, sql, error)))
    return FALSE;

  _lia_timeline_filter_bind (stmt, filter);

  if (_lia_db_step (stmt) != LIA_DB_ROW)
    {
      _lia_store_set_error_from_db (self, error, _("Could not count the interactions"));
      return FALSE;
    }

  *out_count = (guint) _lia_db_column_int64 (stmt, 0);
  return TRUE;
}

static GPtrArray *
collect_with_ids (LiaStore           *self,
                  const LiaRecordOps *ops,
                  const char         *sql,
                  gint64              first,
                  gint64              second,
                  const char         *third,
                  GError            **error)
{
  g_autoptr(LiaStmt) stmt = _lia_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;

  _lia_db_bind_int64 (stmt, 1, first);
  _lia_db_bind_int64 (stmt, 2, second);
  if (third != NULL)
    _lia_db_bind_text (stmt, 3, third, -1, LIA_DB_TRANSIENT);

  return _lia_store_collect (self, ops, stmt, error);
}

GPtrArray *
lia_store_list_affiliations_for_contact (LiaStore  *self,
                                         gint64     contact_id,
                                         GError   **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);

  /* A walk over every contact (an export) reads them all alongside, in this order. */
  {
    const char *uid = NULL;
    LiaRowStream *stream = _lia_store_get_walk_stream (self, LIA_ROW_STREAM_CONTACT_AFFILIATIONS,
                                                       contact_id, &uid);

    if (stream != NULL)
      {
        g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

        for (; _lia_row_stream_at (stream, contact_id, uid); _lia_row_stream_next (stream))
          {
            LiaRecord *record = _lia_affiliation_ops.from_row (self, _lia_row_stream_row (stream), error);

            if (record == NULL)
              return NULL;
            g_ptr_array_add (records, record);
          }
        if (_lia_row_stream_failed (self, stream, error))
          return NULL;
        return g_steal_pointer (&records);
      }
  }

  /* Current ones (no end, or an end still to come) first, then by start, newest first. Today
   * is this computer's (bound, not SQLite's date('now'), so that a server reads it too). */
  now = g_date_time_new_now_local ();
  today = g_date_time_format (now, "%Y-%m-%d");
  sql = g_strdup_printf ("SELECT %s FROM affiliations WHERE contact_id = ?1"
                         " ORDER BY (until_date IS NOT NULL AND until_date < ?3),"
                         " from_date IS NULL, from_date DESC, id DESC",
                         _lia_affiliation_ops.columns);

  return collect_with_ids (self, &_lia_affiliation_ops, sql, contact_id, 0, today, error);
}

GPtrArray *
lia_store_list_affiliations_for_organization (LiaStore     *self,
                                              gint64        organization_id,
                                              const GDate  *on,
                                              GError      **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);

  day = on != NULL ? lia_date_to_iso (on) : NULL;

  sql = g_strdup_printf ("SELECT %s FROM (SELECT a.*, c.family_sort_key AS contact_sort_key"
                         " FROM affiliations a JOIN contacts c ON c.id = a.contact_id"
                         " WHERE a.organization_id = ?1"
                         " AND (?3 IS NULL OR ((a.from_date IS NULL OR a.from_date <= ?3)"
                         "      AND (a.until_date IS NULL OR a.until_date >= ?3)))) AS listed"
                         " ORDER BY contact_sort_key, contact_id, from_date",
                         _lia_affiliation_ops.columns);

  return collect_with_ids (self, &_lia_affiliation_ops, sql, organization_id, 0, day, error);
}

GPtrArray *
lia_store_list_sub_organizations (LiaStore  *self,
                                  gint64     parent_id,
                                  GError   **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);

  sql = g_strdup_printf ("SELECT %s FROM organizations"
                         " WHERE (?1 > 0 AND parent_id = ?1 OR ?1 <= 0 AND parent_id IS NULL)"
                         " ORDER BY sort_key, id",
                         _lia_organization_ops.columns);

  return collect_with_ids (self, &_lia_organization_ops, sql, parent_id, 0, NULL, error);
}

GPtrArray *
lia_store_list_open_commitments (LiaStore  *self,
                                 gint64     contact_id,
                                 gint64     organization_id,
                                 GError   **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);

  sql = g_strdup_printf ("SELECT %s FROM commitments WHERE status = 'open'"
                         " AND (?1 <= 0 OR contact_id = ?1)"
                         " AND (?2 <= 0 OR organization_id = ?2)"
                         " ORDER BY (due_date IS NOT NULL AND due_date < ?3) DESC,"
                         " due_date IS NULL, due_date, id",
                         _lia_commitment_ops.columns);

  return collect_with_ids (self, &_lia_commitment_ops, sql, contact_id, organization_id, today,
                           error);
}

GPtrArray *
lia_store_list_closed_commitments (LiaStore  *self,
                                   GError   **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);

  sql = g_strdup_printf ("SELECT %s FROM commitments WHERE status <> 'open'"
                         " ORDER BY updated_at DESC, id DESC",
                         _lia_commitment_ops.columns);

  return collect_with_ids (self, &_lia_commitment_ops, sql, 0, 0, NULL, error);
}
