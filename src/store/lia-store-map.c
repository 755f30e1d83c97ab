/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-store"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-store-map.h"
#include "lia-store-engagement-private.h"

struct _LiaReassessment
{
  LiaRecordKind kind;
  gint64        id;
  int           influence;       /* before the move */
  int           interest;
  gint64        first_history;   /* the first history row the move wrote */
};

G_DEFINE_BOXED_TYPE (LiaReassessment, lia_reassessment, lia_reassessment_copy, lia_reassessment_free)

void
lia_map_query_init (LiaMapQuery *query)
{
  g_return_if_fail (query != NULL);

  *query = (LiaMapQuery) { 0, };
}

void
lia_map_entry_free (LiaMapEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->name);
  g_free (entry->sort_key);
  g_free (entry);
}

void
lia_map_free (LiaMap *map)
{
  if (map == NULL)
    return;

  for (guint i = 0; i < LIA_MAP_SIZE; i++)
    for (guint j = 0; j < LIA_MAP_SIZE; j++)
      g_clear_pointer (&map->cells[i][j], g_ptr_array_unref);
  g_free (map);
}

LiaReassessment *
lia_reassessment_copy (const LiaReassessment *reassessment)
{
  return g_memdup2 (reassessment, sizeof *reassessment);
}

void
lia_reassessment_free (LiaReassessment *reassessment)
{
  g_free (reassessment);
}

static gboolean
wants_kind (const LiaMapQuery *query,
            LiaRecordKind      kind)
{
  return query->kinds == 0 || (query->kinds & (1u << kind)) != 0;
}

/* The first microsecond (UTC) after the local day @day ends. */
static gint64
end_of_day_us (const GDate *day)
{
  g_autoptr(GDateTime) start = g_date_time_new_local (g_date_get_year (day), g_date_get_month (day),
                                                       g_date_get_day (day), 0, 0, 0);
  g_autoptr(GDateTime) next = g_date_time_add_days (start, 1);

  return g_date_time_to_unix (next) * G_USEC_PER_SEC;
}

/* A SELECT of (kind, id, name, sort_key, influence, interest, stance) for the placed records of
 * one kind that @query selects. Parameters: :sector, :tag, :until, :today. */
static void
append_placements (GString           *sql,
                   const LiaMapQuery *query,
                   LiaRecordKind      kind,
                   gboolean           in_a_cell,
                   gboolean           server)
{
  gboolean org = kind == LIA_RECORD_KIND_ORGANIZATION;
  const char *table = org ? "organizations" : "contacts";
  const char *column = org ? "organization_id" : "contact_id";

  g_string_append_printf (sql, "SELECT %d AS kind, r.id AS id, %s AS name, r.sort_key AS sort_key,",
                          kind, org ? "r.name" : "r.label");
  if (query->as_of != NULL && server)
    /* The last state saved up to the end of the day, PostgreSQL only: DISTINCT ON. */
    g_string_append_printf (sql, " h.influence AS influence, h.interest AS interest, h.stance AS stance"
                                 " FROM (SELECT DISTINCT ON (%1$s) %1$s AS rid, influence, interest, stance"
                                 "  FROM assessment_history WHERE %1$s IS NOT NULL AND changed_at < :until"
                                 "  ORDER BY %1$s, changed_at DESC, id DESC) h JOIN %2$s r ON r.id = h.rid"
                                 " WHERE TRUE",
                            column, table);
  else if (query->as_of != NULL)
    /* The same, SQLite only: SQLite takes the bare columns from the row that has the max(). */
    g_string_append_printf (sql, " h.influence AS influence, h.interest AS interest, h.stance AS stance"
                                 " FROM (SELECT %s AS rid, influence, interest, stance, max (changed_at)"
                                 "  FROM assessment_history WHERE %s IS NOT NULL AND changed_at < :until"
                                 "  GROUP BY %s) h JOIN %s r ON r.id = h.rid WHERE TRUE",
                            column, column, column, table);
  else
    g_string_append_printf (sql, " r.influence AS influence, r.interest AS interest, r.stance AS stance"
                                 " FROM %s r WHERE TRUE", table);
  /* In a cell (influence = ? AND interest = ? outside), a range here would keep SQLite from
   * reading the cell in name order from the index. */
  if (!in_a_cell)
    g_string_append (sql, query->as_of != NULL ? " AND h.influence > 0 AND h.interest > 0"
                                               : " AND r.influence > 0 AND r.interest > 0");

  if (query->sector != NULL)
    {
      if (org)
        _lia_sql_append_equal_nocase (sql, server, "r.sector", ":sector");
      else
        {
          g_string_append (sql, " AND EXISTS (SELECT 1 FROM affiliations a"
                                " JOIN organizations o ON o.id = a.organization_id"
                                " WHERE a.contact_id = r.id");
          _lia_sql_append_equal_nocase (sql, server, "o.sector", ":sector");
          g_string_append (sql, " AND (a.from_date IS NULL OR a.from_date <= :today)"
                                " AND (a.until_date IS NULL OR a.until_date >= :today))");
        }
    }
  if (query->tag != NULL)
    {
      g_string_append_printf (sql, " AND EXISTS (SELECT 1 FROM %s_tags t WHERE t.%s = r.id",
                              org ? "organization" : "contact", column);
      _lia_sql_append_equal_nocase (sql, server, "t.tag", ":tag");
      g_string_append (sql, ")");
    }
  if (query->stances != 0)
    {
      gboolean first = TRUE;

      g_string_append_printf (sql, " AND %s.stance IN (", query->as_of != NULL ? "h" : "r");
      for (int stance = LIA_STANCE_UNKNOWN; stance <= LIA_STANCE_OPPOSED; stance++)
        if (query->stances & (1u << stance))
          {
            g_string_append_printf (sql, "%s'%s'", first ? "" : ", ",
                                    lia_enum_to_nick (LIA_TYPE_STANCE, stance));
            first = FALSE;
          }
      g_string_append (sql, ")");
    }
}

/* "SELECT … FROM (placements of each kind asked for)", or NULL when no kind is. */
static char *
placements_sql (const LiaMapQuery *query,
                gboolean           server)
{
  g_autoptr(GString) sql = g_string_new (NULL);

  if (wants_kind (query, LIA_RECORD_KIND_ORGANIZATION))
    append_placements (sql, query, LIA_RECORD_KIND_ORGANIZATION, TRUE, server);
  if (wants_kind (query, LIA_RECORD_KIND_CONTACT))
    {
      if (sql->len > 0)
        g_string_append (sql, " UNION ALL ");
      append_placements (sql, query, LIA_RECORD_KIND_CONTACT, TRUE, server);
    }

  return sql->len > 0 ? g_string_free (g_steal_pointer (&sql), FALSE) : NULL;
}

static void
bind_query (LiaStmt           *stmt,
            const LiaMapQuery *query)
{
  g_autoptr(GDate) today = lia_date_new_today ();
  int index;

  if ((index = _lia_db_bind_parameter_index (stmt, ":sector")) > 0)
    _lia_db_bind_text (stmt, index, query->sector, -1, LIA_DB_TRANSIENT);
  if ((index = _lia_db_bind_parameter_index (stmt, ":tag")) > 0)
    _lia_db_bind_text (stmt, index, query->tag, -1, LIA_DB_TRANSIENT);
  if ((index = _lia_db_bind_parameter_index (stmt, ":today")) > 0)
    _lia_bind_date (stmt, index, query->as_of != NULL ? query->as_of : today);
  if ((index = _lia_db_bind_parameter_index (stmt, ":until")) > 0)
    _lia_db_bind_int64 (stmt, index, end_of_day_us (query->as_of));
}

static LiaMapEntry *
entry_from_row (LiaStmt *stmt)
{
  LiaMapEntry *entry = g_new0 (LiaMapEntry, 1);
  int stance = LIA_STANCE_UNKNOWN;

  entry->kind = _lia_db_column_int (stmt, 0);
  entry->id = _lia_db_column_int64 (stmt, 1);
  entry->name = g_strdup (_lia_column_text (stmt, 2));
  entry->sort_key = g_strdup (_lia_column_text (stmt, 3));
  entry->influence = CLAMP (_lia_db_column_int (stmt, 4), 1, LIA_MAP_SIZE);
  entry->interest = CLAMP (_lia_db_column_int (stmt, 5), 1, LIA_MAP_SIZE);
  _lia_column_nick (stmt, 6, LIA_TYPE_STANCE, &stance, NULL);
  entry->stance = stance;

  return entry;
}

/* Adds the counts of one kind's placements to @out_map. */
static gboolean
count_kind (LiaStore          *self,
            const LiaMapQuery *query,
            LiaRecordKind      kind,
            LiaMap            *out_map,
            GError           **error)
{
  g_autoptr(GString) placements = g_string_new (NULL);
  g_autofree char *sql = NULL;
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  append_placements (placements, query, kind, FALSE, _lia_store_is_server (self));
  /* Straight on the table (no UNION around it), so that SQLite counts from the index. */
  sql = g_strdup_printf ("SELECT influence, interest, count (*) FROM (%s) AS p GROUP BY 1, 2", placements->str);
  if (!(stmt = _lia_store_prepare (self, sql, error)))
    return FALSE;
  bind_query (stmt, query);
  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    {
      int influence = _lia_db_column_int (stmt, 0);
      int interest = _lia_db_column_int (stmt, 1);
      guint count = _lia_db_column_int (stmt, 2);

      if (influence < 1 || influence > LIA_MAP_SIZE || interest < 1 || interest > LIA_MAP_SIZE)
        continue;
      out_map->counts[influence - 1][interest - 1] += count;
      out_map->total += count;
    }
  if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self, error, "%s", _("Could not read the stakeholder map"));
      return FALSE;
    }

  return TRUE;
}

gboolean
lia_store_count_map (LiaStore          *self,
                     const LiaMapQuery *query,
                     LiaMap            *out_map,
                     GError           **error)
{
  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (out_map != NULL, FALSE);

  memset (out_map->counts, 0, sizeof out_map->counts);
  out_map->total = 0;

  return (!wants_kind (query, LIA_RECORD_KIND_ORGANIZATION) ||
          count_kind (self, query, LIA_RECORD_KIND_ORGANIZATION, out_map, error)) &&
         (!wants_kind (query, LIA_RECORD_KIND_CONTACT) ||
          count_kind (self, query, LIA_RECORD_KIND_CONTACT, out_map, error));
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const LiaMapEntry *x = *(LiaMapEntry * const *) a;
  const LiaMapEntry *y = *(LiaMapEntry * const *) b;
  int result = g_strcmp0 (x->sort_key, y->sort_key);

  if (result == 0)
    result = x->kind - y->kind;
  if (result == 0)
    result = (x->id > y->id) - (x->id < y->id);
  return result;
}

/* The first @per_cell of each cell by name, one kind at a time: today's map asks the index
 * cell by cell (a few rows each); a past day's map numbers the rows within each cell once. */
static gboolean
first_names (LiaStore          *self,
             const LiaMapQuery *query,
             LiaRecordKind      kind,
             guint              per_cell,
             LiaMap            *map,
             GError           **error)
{
  g_autoptr(GString) placements = g_string_new (NULL);
  g_autofree char *sql = NULL;
  g_autoptr(LiaStmt) stmt = NULL;
  int rc = LIA_DB_DONE;

  append_placements (placements, query, kind, query->as_of == NULL, _lia_store_is_server (self));
  if (query->as_of != NULL)
    sql = g_strdup_printf ("SELECT kind, id, name, sort_key, influence, interest, stance FROM"
                           " (SELECT *, row_number () OVER (PARTITION BY influence, interest"
                           "   ORDER BY sort_key, id) AS n FROM (%s) AS p) AS numbered"
                           " WHERE n <= %u", placements->str, per_cell);
  else
    sql = g_strdup_printf ("SELECT kind, id, name, sort_key, influence, interest, stance FROM (%s) AS p"
                           " WHERE influence = :influence AND interest = :interest"
                           " ORDER BY sort_key, id LIMIT %u", placements->str, per_cell);
  if (!(stmt = _lia_store_prepare (self, sql, error)))
    return FALSE;
  bind_query (stmt, query);

  for (int cell = 0; cell < (query->as_of != NULL ? 1 : LIA_MAP_SIZE * LIA_MAP_SIZE); cell++)
    {
      if (query->as_of == NULL)
        {
          int influence = cell / LIA_MAP_SIZE + 1, interest = cell % LIA_MAP_SIZE + 1;

          if (map->counts[influence - 1][interest - 1] == 0)
            continue;
          _lia_db_reset (stmt);
          _lia_db_bind_int (stmt, _lia_db_bind_parameter_index (stmt, ":influence"), influence);
          _lia_db_bind_int (stmt, _lia_db_bind_parameter_index (stmt, ":interest"), interest);
        }
      while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
        {
          LiaMapEntry *entry = entry_from_row (stmt);

          g_ptr_array_add (map->cells[entry->influence - 1][entry->interest - 1], entry);
        }
      if (rc != LIA_DB_DONE)
        break;
    }
  if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self, error, "%s", _("Could not read the stakeholder map"));
      return FALSE;
    }

  return TRUE;
}

LiaMap *
lia_store_get_map (LiaStore          *self,
                   const LiaMapQuery *query,
                   guint              per_cell,
                   GError           **error)
{
  g_autoptr(LiaMap) map = g_new0 (LiaMap, 1);
  gboolean own_transaction;
  gboolean ok;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  for (guint i = 0; i < LIA_MAP_SIZE; i++)
    for (guint j = 0; j < LIA_MAP_SIZE; j++)
      map->cells[i][j] = g_ptr_array_new_with_free_func ((GDestroyNotify) lia_map_entry_free);

  /* Counts and names from the same state of the database. */
  own_transaction = !lia_store_in_transaction (self) &&
                    _lia_db_get_autocommit (_lia_store_get_db (self)) != 0;
  if (own_transaction && !_lia_store_exec (self, "BEGIN", error))
    return NULL;

  ok = lia_store_count_map (self, query, map, error);
  if (ok && per_cell > 0 && wants_kind (query, LIA_RECORD_KIND_ORGANIZATION))
    ok = first_names (self, query, LIA_RECORD_KIND_ORGANIZATION, per_cell, map, error);
  if (ok && per_cell > 0 && wants_kind (query, LIA_RECORD_KIND_CONTACT))
    ok = first_names (self, query, LIA_RECORD_KIND_CONTACT, per_cell, map, error);
  /* Organizations and contacts together, by name, the first few of each cell. */
  for (guint i = 0; ok && i < LIA_MAP_SIZE; i++)
    for (guint j = 0; j < LIA_MAP_SIZE; j++)
      {
        g_ptr_array_sort (map->cells[i][j], compare_entries);
        if (map->cells[i][j]->len > per_cell)
          g_ptr_array_set_size (map->cells[i][j], per_cell);
      }

  if (own_transaction)
    _lia_store_exec (self, "COMMIT", NULL);

  return ok ? g_steal_pointer (&map) : NULL;
}

GPtrArray *
lia_store_list_map_cell (LiaStore          *self,
                         const LiaMapQuery *query,
                         int                influence,
                         int                interest,
                         guint              limit,
                         GError           **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) lia_map_entry_free);
  g_autofree char *placements = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *limit_sql = NULL;
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (influence >= 1 && influence <= LIA_MAP_SIZE, NULL);
  g_return_val_if_fail (interest >= 1 && interest <= LIA_MAP_SIZE, NULL);

  limit_sql = limit > 0 ? g_strdup_printf (" LIMIT %u", limit) : g_strdup ("");
  if (!(placements = placements_sql (query, _lia_store_is_server (self))))
    return g_steal_pointer (&entries);

  /* No limit: no LIMIT clause (SQLite's LIMIT -1 is SQLite only). */
  sql = g_strdup_printf ("SELECT kind, id, name, sort_key, influence, interest, stance FROM (%s) AS p"
                         " WHERE influence = %d AND interest = %d ORDER BY sort_key, kind, id%s",
                         placements, influence, interest, limit_sql);
  if (!(stmt = _lia_store_prepare (self, sql, error)))
    return NULL;
  bind_query (stmt, query);
  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    g_ptr_array_add (entries, entry_from_row (stmt));
  if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self, error, "%s", _("Could not read the stakeholder map"));
      return NULL;
    }

  return g_steal_pointer (&entries);
}

static LiaAssessment *
assessment_of (LiaRecord *record)
{
  if (LIA_IS_ORGANIZATION (record))
    return lia_organization_get_assessment (LIA_ORGANIZATION (record));
  if (LIA_IS_CONTACT (record))
    return lia_contact_get_assessment (LIA_CONTACT (record));
  return NULL;
}

static gboolean
last_history_id (LiaStore       *self,
                 LiaRecordKind   kind,
                 gint64          id,
                 gint64         *out_id,
                 GError        **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  stmt = _lia_store_prepare (self, kind == LIA_RECORD_KIND_ORGANIZATION
                                   ? "SELECT coalesce (max (id), 0) FROM assessment_history WHERE organization_id = ?1"
                                   : "SELECT coalesce (max (id), 0) FROM assessment_history WHERE contact_id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  _lia_db_bind_int64 (stmt, 1, id);
  if ((rc = _lia_db_step (stmt)) != LIA_DB_ROW)
    {
      _lia_store_set_error_from_db (self, error, "%s", _("Could not read the assessment history"));
      return FALSE;
    }
  *out_id = _lia_db_column_int64 (stmt, 0);

  return TRUE;
}

/* Saves @influence and @interest on the record, in the caller's transaction. */
static gboolean
save_placement (LiaStore       *self,
                LiaRecordKind   kind,
                gint64          id,
                int             influence,
                int             interest,
                int            *out_influence,
                int            *out_interest,
                GError        **error)
{
  g_autoptr(LiaRecord) record = lia_store_load (self, kind, id, error);
  LiaAssessment *assessment;

  if (record == NULL)
    return FALSE;
  if (!(assessment = assessment_of (record)))
    {
      g_set_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_INVALID,
                   _("Only organizations and contacts have a place on the stakeholder map"));
      return FALSE;
    }
  if (out_influence != NULL)
    *out_influence = lia_assessment_get_influence (assessment);
  if (out_interest != NULL)
    *out_interest = lia_assessment_get_interest (assessment);
  lia_assessment_set_influence (assessment, influence);
  lia_assessment_set_interest (assessment, interest);

  return lia_store_save (self, record, error);
}

LiaReassessment *
lia_store_reassess (LiaStore       *self,
                    LiaRecordKind   kind,
                    gint64          id,
                    int             influence,
                    int             interest,
                    GError        **error)
{
  g_autoptr(LiaReassessment) reassessment = g_new0 (LiaReassessment, 1);
  gint64 last = 0;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);
  g_return_val_if_fail (kind == LIA_RECORD_KIND_ORGANIZATION || kind == LIA_RECORD_KIND_CONTACT, NULL);
  g_return_val_if_fail (influence >= 1 && influence <= LIA_MAP_SIZE, NULL);
  g_return_val_if_fail (interest >= 1 && interest <= LIA_MAP_SIZE, NULL);

  reassessment->kind = kind;
  reassessment->id = id;
  if (!lia_store_begin (self, error))
    return NULL;
  if (!last_history_id (self, kind, id, &last, error) ||
      !save_placement (self, kind, id, influence, interest,
                       &reassessment->influence, &reassessment->interest, error) ||
      !lia_store_commit (self, error))
    {
      lia_store_rollback (self);
      return NULL;
    }
  reassessment->first_history = last + 1;

  return g_steal_pointer (&reassessment);
}

gboolean
lia_store_undo_reassessment (LiaStore         *self,
                             LiaReassessment  *reassessment,
                             GError          **error)
{
  g_autoptr(LiaStmt) stmt = NULL;

  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);
  g_return_val_if_fail (reassessment != NULL, FALSE);

  if (!lia_store_begin (self, error))
    return FALSE;
  if (!save_placement (self, reassessment->kind, reassessment->id,
                       reassessment->influence, reassessment->interest, NULL, NULL, error))
    goto fail;

  /* The move and its undo leave no trace in the history: the officer changed their mind. */
  stmt = _lia_store_prepare (self, reassessment->kind == LIA_RECORD_KIND_ORGANIZATION
                                   ? "DELETE FROM assessment_history WHERE organization_id = ?1 AND id >= ?2"
                                   : "DELETE FROM assessment_history WHERE contact_id = ?1 AND id >= ?2",
                             error);
  if (stmt == NULL)
    goto fail;
  _lia_db_bind_int64 (stmt, 1, reassessment->id);
  _lia_db_bind_int64 (stmt, 2, reassessment->first_history);
  if (!_lia_store_step_done (self, stmt, N_("Could not undo the move"), error))
    goto fail;
  g_clear_pointer (&stmt, _lia_stmt_release);

  if (!lia_store_commit (self, error))
    goto fail;

  return TRUE;

fail:
  g_clear_pointer (&stmt, _lia_stmt_release);
  lia_store_rollback (self);
  return FALSE;
}
