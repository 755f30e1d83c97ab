/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-store"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-store-engagement.h"
#include "lia-store-private.h"

/* How many of the latest interactions the sentiment part of health looks at. */
#define RECENT_INTERACTIONS 5
/* With no cadence, recency is measured against this many days. */
#define DEFAULT_RECENCY_DAYS 90
/* Due for contact: the cadence lapses within this many days. */
#define DUE_WITHIN_DAYS 7

/* The affiliation covers the interaction's day; a NULL end is open. */
#define AFFILIATED_ON_INTERACTION \
  " AND (a.from_date IS NULL OR t.day >= a.from_date)" \
  " AND (a.until_date IS NULL OR t.day <= a.until_date)"
#define AFFILIATED_TODAY \
  " AND (a.from_date IS NULL OR a.from_date <= :today)" \
  " AND (a.until_date IS NULL OR a.until_date >= :today)"

LiaQuadrant
lia_quadrant_from_assessment (int influence,
                              int interest)
{
  if (influence <= 0 || interest <= 0)
    return LIA_QUADRANT_NONE;
  if (influence >= 3)
    return interest >= 3 ? LIA_QUADRANT_MANAGE_CLOSELY : LIA_QUADRANT_KEEP_SATISFIED;
  return interest >= 3 ? LIA_QUADRANT_KEEP_INFORMED : LIA_QUADRANT_MONITOR;
}

guint
lia_quadrant_default_cadence (LiaQuadrant quadrant)
{
  switch (quadrant)
    {
    case LIA_QUADRANT_MANAGE_CLOSELY:
      return 30;
    case LIA_QUADRANT_KEEP_SATISFIED:
      return 60;
    case LIA_QUADRANT_KEEP_INFORMED:
      return 90;
    case LIA_QUADRANT_MONITOR:
    case LIA_QUADRANT_NONE:
    default:
      return 0;
    }
}

void
lia_stakeholder_query_init (LiaStakeholderQuery *query)
{
  g_return_if_fail (query != NULL);

  *query = (LiaStakeholderQuery) {
    .influence_min = 0,
    .influence_max = 5,
    .interest_min = 0,
    .interest_max = 5,
    .not_contacted_days = -1,
    .sort = LIA_STAKEHOLDER_SORT_NAME,
  };
}

void
lia_stakeholder_free (LiaStakeholder *stakeholder)
{
  if (stakeholder == NULL)
    return;

  g_free (stakeholder->uid);
  g_free (stakeholder->name);
  g_clear_pointer (&stakeholder->last_contact, g_date_free);
  g_clear_pointer (&stakeholder->next_contact, g_date_free);
  g_free (stakeholder);
}

/* What the passes over the interactions, commitments and concerns gather for one record,
 * before health and due are worked out. */
typedef struct
{
  LiaStakeholder *stakeholder;
  char           *sort_key;
  int             sentiment_sum;
} Row;

static void
row_free (Row *row)
{
  lia_stakeholder_free (row->stakeholder);
  g_free (row->sort_key);
  g_free (row);
}

typedef struct
{
  LiaStore                  *store;
  const LiaStakeholderQuery *query;
  const char                *today_iso;
  /* Database id → Row, one table per kind. */
  GHashTable                *rows[LIA_RECORD_KIND_CONTACT + 1];
} Gather;

static Row *
gather_lookup (Gather        *gather,
               LiaRecordKind  kind,
               gint64         id)
{
  GHashTable *rows = gather->rows[kind];

  return rows != NULL ? g_hash_table_lookup (rows, &id) : NULL;
}

/* After stepping until no more rows: FALSE with an error unless the statement is done. */
static gboolean
finish_steps (LiaStore    *store,
              int          rc,
              const char  *what,
              GError     **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;

  _lia_store_set_error_from_db (store, error, "%s", what);
  return FALSE;
}

static void
bind_today (Gather  *gather,
            LiaStmt *stmt)
{
  int index = sqlite3_bind_parameter_index (stmt, ":today");

  if (index > 0)
    sqlite3_bind_text (stmt, index, gather->today_iso, -1, SQLITE_STATIC);
}

static void
bind_optional_text (LiaStmt    *stmt,
                    const char *name,
                    const char *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0 && value != NULL)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

/* The records of @kind that the query's plain filters select, into gather->rows[kind]. */
static gboolean
gather_records (Gather         *gather,
                LiaRecordKind   kind,
                GError        **error)
{
  const LiaStakeholderQuery *q = gather->query;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(LiaStmt) stmt = NULL;
  const char *tags_table;
  int rc;

  if (kind == LIA_RECORD_KIND_ORGANIZATION)
    {
      g_string_append (sql, "SELECT r.id, r.uid, r.name, r.influence, r.interest, r.stance, r.sort_key"
                            " FROM organizations r WHERE 1");
      if (q->sector != NULL)
        g_string_append (sql, " AND r.sector = :sector COLLATE NOCASE");
      if (q->country != NULL)
        g_string_append (sql, " AND r.country = :country COLLATE NOCASE");
      tags_table = "organization_tags WHERE organization_id";
    }
  else
    {
      g_string_append (sql, "SELECT r.id, r.uid, r.label, r.influence, r.interest, r.stance, r.sort_key"
                            " FROM contacts r WHERE 1");
      /* A contact's sector and country are those of the organizations they are with today. */
      if (q->sector != NULL || q->country != NULL)
        {
          g_string_append (sql, " AND EXISTS (SELECT 1 FROM affiliations a"
                                " JOIN organizations o ON o.id = a.organization_id"
                                " WHERE a.contact_id = r.id" AFFILIATED_TODAY);
          if (q->sector != NULL)
            g_string_append (sql, " AND o.sector = :sector COLLATE NOCASE");
          if (q->country != NULL)
            g_string_append (sql, " AND o.country = :country COLLATE NOCASE");
          g_string_append (sql, ")");
        }
      tags_table = "contact_tags WHERE contact_id";
    }

  g_string_append_printf (sql, " AND r.influence BETWEEN %d AND %d AND r.interest BETWEEN %d AND %d",
                          CLAMP (q->influence_min, 0, 5), CLAMP (q->influence_max, 0, 5),
                          CLAMP (q->interest_min, 0, 5), CLAMP (q->interest_max, 0, 5));
  if (q->tag != NULL)
    g_string_append_printf (sql, " AND EXISTS (SELECT 1 FROM %s = r.id AND tag = :tag COLLATE NOCASE)",
                            tags_table);
  if (q->stances != 0)
    {
      gboolean first = TRUE;

      g_string_append (sql, " AND r.stance IN (");
      for (int stance = LIA_STANCE_UNKNOWN; stance <= LIA_STANCE_OPPOSED; stance++)
        if (q->stances & (1u << stance))
          {
            g_string_append_printf (sql, "%s'%s'", first ? "" : ", ",
                                    lia_enum_to_nick (LIA_TYPE_STANCE, stance));
            first = FALSE;
          }
      g_string_append (sql, ")");
    }

  if (!(stmt = _lia_store_prepare (gather->store, sql->str, error)))
    return FALSE;
  bind_today (gather, stmt);
  bind_optional_text (stmt, ":sector", q->sector);
  bind_optional_text (stmt, ":country", q->country);
  bind_optional_text (stmt, ":tag", q->tag);

  gather->rows[kind] = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                              (GDestroyNotify) row_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row *row = g_new0 (Row, 1);
      LiaStakeholder *s = g_new0 (LiaStakeholder, 1);
      int stance = LIA_STANCE_UNKNOWN;

      s->kind = kind;
      s->id = sqlite3_column_int64 (stmt, 0);
      s->uid = g_strdup (_lia_column_text (stmt, 1));
      s->name = g_strdup (_lia_column_text (stmt, 2));
      s->influence = sqlite3_column_int (stmt, 3);
      s->interest = sqlite3_column_int (stmt, 4);
      _lia_column_nick (stmt, 5, LIA_TYPE_STANCE, &stance, NULL);
      s->stance = stance;
      row->stakeholder = s;
      row->sort_key = g_strdup (_lia_column_text (stmt, 6));
      g_hash_table_insert (gather->rows[kind], &s->id, row);
    }

  return finish_steps (gather->store, rc, _("Could not read the stakeholders"), error);
}

/* Runs @sql, whose rows are (record id, …), and calls @func for each row whose record was
 * gathered. */
static gboolean
gather_each (Gather         *gather,
             LiaRecordKind   kind,
             const char     *sql,
             void          (*func) (Row *row, LiaStmt *stmt),
             GError        **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  if (!(stmt = _lia_store_prepare (gather->store, sql, error)))
    return FALSE;
  bind_today (gather, stmt);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row *row = gather_lookup (gather, kind, sqlite3_column_int64 (stmt, 0));

      if (row != NULL)
        func (row, stmt);
    }

  return finish_steps (gather->store, rc, _("Could not read the stakeholders"), error);
}

/* Rows (record id, day, sentiment), newest first within each record: the first is the last
 * contact, the first RECENT_INTERACTIONS make the sentiment. */
static void
add_interaction (Row     *row,
                 LiaStmt *stmt)
{
  LiaStakeholder *s = row->stakeholder;

  if (s->last_contact == NULL)
    s->last_contact = lia_date_parse_iso (_lia_column_text (stmt, 1), NULL);
  if (s->health.n_recent < RECENT_INTERACTIONS)
    {
      row->sentiment_sum += sqlite3_column_int (stmt, 2);
      s->health.n_recent++;
    }
}

/* Rows (record id, direction) of open commitments past their due date. */
static void
add_overdue (Row     *row,
             LiaStmt *stmt)
{
  if (g_strcmp0 (_lia_column_text (stmt, 1), "ours") == 0)
    row->stakeholder->health.overdue_ours++;
  else
    row->stakeholder->health.overdue_theirs++;
}

/* Rows (record id, severity) of open concerns. */
static void
add_concern (Row     *row,
             LiaStmt *stmt)
{
  static const int weights[] = { 2, 4, 7, 10 };  /* by LiaSeverity */
  int severity = LIA_SEVERITY_MEDIUM;

  _lia_column_nick (stmt, 1, LIA_TYPE_SEVERITY, &severity, NULL);
  row->stakeholder->health.open_concerns++;
  row->stakeholder->health.concerns -= weights[CLAMP (severity, 0, (int) G_N_ELEMENTS (weights) - 1)];
}

static gboolean
gather_contacts (Gather  *gather,
                 GError **error)
{
  return gather_records (gather, LIA_RECORD_KIND_CONTACT, error) &&
         gather_each (gather, LIA_RECORD_KIND_CONTACT,
                      "SELECT ic.contact_id, t.day, t.sentiment FROM interaction_contacts ic"
                      " JOIN interactions t ON t.id = ic.interaction_id"
                      " WHERE t.day <= :today ORDER BY ic.contact_id, t.at_utc DESC, t.id DESC",
                      add_interaction, error) &&
         gather_each (gather, LIA_RECORD_KIND_CONTACT,
                      "SELECT contact_id, direction FROM commitments"
                      " WHERE status = 'open' AND due_date < :today AND contact_id IS NOT NULL",
                      add_overdue, error) &&
         gather_each (gather, LIA_RECORD_KIND_CONTACT,
                      "SELECT p.contact_id, c.severity FROM concern_parties p"
                      " JOIN concerns c ON c.id = p.concern_id"
                      " WHERE c.status IN ('open', 'mediating') AND p.contact_id IS NOT NULL",
                      add_concern, error);
}

/* An organization's timeline, commitments and concerns are its own and those of its people:
 * interactions while they were affiliated, commitments and concerns of those with it today.
 * Each is counted once, however many of its people it involves. */
static gboolean
gather_organizations (Gather  *gather,
                      GError **error)
{
  return gather_records (gather, LIA_RECORD_KIND_ORGANIZATION, error) &&
         gather_each (gather, LIA_RECORD_KIND_ORGANIZATION,
                      "SELECT org, day, sentiment FROM ("
                      "  SELECT io.organization_id AS org, t.id, t.at_utc, t.day, t.sentiment"
                      "  FROM interaction_organizations io JOIN interactions t ON t.id = io.interaction_id"
                      "  WHERE t.day <= :today"
                      "  UNION"
                      "  SELECT a.organization_id, t.id, t.at_utc, t.day, t.sentiment FROM affiliations a"
                      "  JOIN interaction_contacts ic ON ic.contact_id = a.contact_id"
                      "  JOIN interactions t ON t.id = ic.interaction_id"
                      "  WHERE t.day <= :today" AFFILIATED_ON_INTERACTION
                      ") ORDER BY org, at_utc DESC, id DESC",
                      add_interaction, error) &&
         gather_each (gather, LIA_RECORD_KIND_ORGANIZATION,
                      "SELECT org, direction FROM ("
                      "  SELECT organization_id AS org, id, direction FROM commitments"
                      "  WHERE status = 'open' AND due_date < :today AND organization_id IS NOT NULL"
                      "  UNION"
                      "  SELECT a.organization_id, k.id, k.direction FROM commitments k"
                      "  JOIN affiliations a ON a.contact_id = k.contact_id"
                      "  WHERE k.status = 'open' AND k.due_date < :today" AFFILIATED_TODAY
                      ")",
                      add_overdue, error) &&
         gather_each (gather, LIA_RECORD_KIND_ORGANIZATION,
                      "SELECT org, severity FROM ("
                      "  SELECT p.organization_id AS org, c.id, c.severity FROM concern_parties p"
                      "  JOIN concerns c ON c.id = p.concern_id"
                      "  WHERE c.status IN ('open', 'mediating') AND p.organization_id IS NOT NULL"
                      "  UNION"
                      "  SELECT a.organization_id, c.id, c.severity FROM concern_parties p"
                      "  JOIN concerns c ON c.id = p.concern_id"
                      "  JOIN affiliations a ON a.contact_id = p.contact_id"
                      "  WHERE c.status IN ('open', 'mediating')" AFFILIATED_TODAY
                      ")",
                      add_concern, error);
}

/* Cadence, due and health, from what was gathered: the formula of docs/engagement.md. */
static void
finish_row (Row         *row,
            const GDate *today)
{
  LiaStakeholder *s = row->stakeholder;
  LiaHealth *h = &s->health;
  guint reference;

  s->cadence_days = lia_quadrant_default_cadence (lia_quadrant_from_assessment (s->influence,
                                                                                 s->interest));
  if (s->cadence_days > 0)
    {
      GDate soon = *today;

      s->next_contact = g_date_new ();
      *s->next_contact = s->last_contact != NULL ? *s->last_contact : *today;
      if (s->last_contact != NULL)
        g_date_add_days (s->next_contact, s->cadence_days);
      g_date_add_days (&soon, DUE_WITHIN_DAYS);
      s->due = g_date_compare (s->next_contact, &soon) <= 0;
    }

  /* Recency, 0–40: full up to the reference period, falling to 0 at twice it. */
  reference = s->cadence_days > 0 ? s->cadence_days : DEFAULT_RECENCY_DAYS;
  if (s->last_contact == NULL)
    h->recency = 0;
  else
    {
      int days = g_date_days_between (s->last_contact, today);

      if (days <= (int) reference)
        h->recency = 40;
      else if (days >= 2 * (int) reference)
        h->recency = 0;
      else
        h->recency = (int) (40.0 * (2 * (int) reference - days) / reference + 0.5);
    }

  /* Sentiment, 0–30: the mean of the last few interactions, −2 → 0, 0 → 15, +2 → 30. */
  if (h->n_recent == 0)
    {
      h->average_sentiment = 0.0;
      h->sentiment = 15;
    }
  else
    {
      h->average_sentiment = (double) row->sentiment_sum / h->n_recent;
      h->sentiment = (int) (30.0 * (h->average_sentiment + 2.0) / 4.0 + 0.5);
    }

  /* Commitments, 0–20: 5 off per overdue commitment, either way. */
  h->commitments = MAX (0, 20 - 5 * (int) (h->overdue_ours + h->overdue_theirs));
  /* Concerns, 0–10: add_concern() took the severity weights off. */
  h->concerns = MAX (0, 10 + h->concerns);

  h->score = h->recency + h->sentiment + h->commitments + h->concerns;
}

static gboolean
row_is_kept (Row                       *row,
             const LiaStakeholderQuery *query,
             const GDate               *today)
{
  LiaStakeholder *s = row->stakeholder;

  if (query->due_only && !s->due)
    return FALSE;
  if (query->not_contacted_days >= 0 && s->last_contact != NULL &&
      g_date_days_between (s->last_contact, today) <= query->not_contacted_days)
    return FALSE;

  return TRUE;
}

static int
compare_names (const Row *a,
               const Row *b)
{
  int result = g_strcmp0 (a->sort_key, b->sort_key);

  if (result == 0)
    result = a->stakeholder->kind - b->stakeholder->kind;
  if (result == 0)
    result = (a->stakeholder->id > b->stakeholder->id) - (a->stakeholder->id < b->stakeholder->id);

  return result;
}

/* NULL dates first when @null_first, else last. */
static int
compare_dates (const GDate *a,
               const GDate *b,
               gboolean     null_first)
{
  if (a == NULL || b == NULL)
    return a == b ? 0 : ((a == NULL) == null_first ? -1 : 1);

  return g_date_compare (a, b);
}

static int
compare_rows (gconstpointer pa,
              gconstpointer pb,
              gpointer      user_data)
{
  const Row *a = *(Row * const *) pa;
  const Row *b = *(Row * const *) pb;
  const LiaStakeholder *x = a->stakeholder;
  const LiaStakeholder *y = b->stakeholder;
  LiaStakeholderSort sort = GPOINTER_TO_INT (user_data);
  int result = 0;

  switch (sort)
    {
    case LIA_STAKEHOLDER_SORT_LAST_CONTACT:
      result = compare_dates (x->last_contact, y->last_contact, TRUE);
      break;
    case LIA_STAKEHOLDER_SORT_INFLUENCE:
      result = y->influence - x->influence;
      break;
    case LIA_STAKEHOLDER_SORT_INTEREST:
      result = y->interest - x->interest;
      break;
    case LIA_STAKEHOLDER_SORT_HEALTH:
      result = x->health.score - y->health.score;
      break;
    case LIA_STAKEHOLDER_SORT_DUE:
      result = compare_dates (x->next_contact, y->next_contact, FALSE);
      break;
    case LIA_STAKEHOLDER_SORT_NAME:
    default:
      break;
    }

  return result != 0 ? result : compare_names (a, b);
}

GPtrArray *
lia_store_list_stakeholders (LiaStore                  *self,
                             const LiaStakeholderQuery *query,
                             GError                   **error)
{
  g_autoptr(GDate) today = NULL;
  g_autofree char *today_iso = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GPtrArray *stakeholders;
  Gather gather = { 0, };
  gboolean own_transaction;
  gboolean ok = TRUE;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (query->today != NULL && g_date_valid (query->today))
    {
      today = g_date_new ();
      *today = *query->today;
    }
  else
    today = lia_date_new_today ();
  today_iso = lia_date_to_iso (today);

  gather.store = self;
  gather.query = query;
  gather.today_iso = today_iso;

  /* One read transaction, so that every pass sees the same database (unless the caller
   * is inside a transaction already, which does the same). */
  own_transaction = sqlite3_get_autocommit (_lia_store_get_db (self)) != 0;
  if (own_transaction && !_lia_store_exec (self, "BEGIN", error))
    return NULL;
  if (query->kinds == 0 || (query->kinds & (1u << LIA_RECORD_KIND_ORGANIZATION)))
    ok = gather_organizations (&gather, error);
  if (ok && (query->kinds == 0 || (query->kinds & (1u << LIA_RECORD_KIND_CONTACT))))
    ok = gather_contacts (&gather, error);
  if (own_transaction)
    _lia_store_exec (self, "COMMIT", NULL);

  for (guint kind = 0; kind < G_N_ELEMENTS (gather.rows); kind++)
    {
      GHashTableIter iter;
      Row *row;

      if (gather.rows[kind] == NULL)
        continue;

      if (ok)
        {
          g_hash_table_iter_init (&iter, gather.rows[kind]);
          while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &row))
            {
              finish_row (row, today);
              if (row_is_kept (row, query, today))
                g_ptr_array_add (rows, row);
            }
        }
    }

  stakeholders = NULL;
  if (ok)
    {
      g_ptr_array_sort_with_data (rows, compare_rows, GINT_TO_POINTER (query->sort));
      stakeholders = g_ptr_array_new_full (rows->len, (GDestroyNotify) lia_stakeholder_free);
      for (guint i = 0; i < rows->len; i++)
        {
          Row *row = rows->pdata[i];

          /* The stakeholder moves to the result; the row goes with its table. */
          g_ptr_array_add (stakeholders, g_steal_pointer (&row->stakeholder));
        }
    }

  for (guint kind = 0; kind < G_N_ELEMENTS (gather.rows); kind++)
    g_clear_pointer (&gather.rows[kind], g_hash_table_unref);

  return stakeholders;
}

GPtrArray *
lia_store_list_concerns (LiaStore  *self,
                         guint      statuses,
                         GError   **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(LiaStmt) stmt = NULL;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);

  g_string_printf (sql, "SELECT %s FROM %s WHERE 1", _lia_concern_ops.columns, _lia_concern_ops.table);
  if (statuses != 0)
    {
      gboolean first = TRUE;

      g_string_append (sql, " AND status IN (");
      for (int status = LIA_CONCERN_STATUS_OPEN; status <= LIA_CONCERN_STATUS_CLOSED; status++)
        if (statuses & (1u << status))
          {
            g_string_append_printf (sql, "%s'%s'", first ? "" : ", ",
                                    lia_enum_to_nick (LIA_TYPE_CONCERN_STATUS, status));
            first = FALSE;
          }
      g_string_append (sql, ")");
    }
  g_string_append (sql, " ORDER BY CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1"
                        " WHEN 'medium' THEN 2 ELSE 3 END, opened_date IS NULL, opened_date, id");

  if (!(stmt = _lia_store_prepare (self, sql->str, error)))
    return NULL;

  /* The concerns with their parties, from the one query, as the briefing's reports load them. */
  return _lia_store_collect (self, &_lia_concern_ops, stmt, error);
}
