/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-store-engagement-private.h"

/* How many of the latest interactions the sentiment part of health looks at. */
#define RECENT_INTERACTIONS 5
/* With no cadence, recency is measured against this many days. */
#define DEFAULT_RECENCY_DAYS 90
/* Due for contact: the cadence lapses within this many days. */
#define DUE_WITHIN_DAYS 7
/* Up to this reference period, a first page by recency reads a few rows of each map cell. */
#define MAX_FIRST_RECENCY_DAYS 36500

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
  for (int quadrant = 0; quadrant < (int) G_N_ELEMENTS (query->cadence); quadrant++)
    query->cadence[quadrant] = lia_quadrant_default_cadence (quadrant);
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

/* The SQL of a stakeholder list: both kinds in one statement, with the figures a list shows
 * and sorts on (last contact, cadence, due by, the recency part of health) worked out from
 * the stored latest interaction day, so that a page costs what its rows cost plus, for an
 * order other than the name, one pass over the records' own rows. The window's lists and
 * `liaison stakeholders` both read through here. */

/* A day after today can only be a planned interaction: look further back, in the base tables.
 * Only the rare records with something planned pay for it. */
#define LAST_CONTACT_OF_ORGANIZATION(greatest) \
  "CASE WHEN r.latest_interaction_day IS NULL OR r.latest_interaction_day <= :today" \
  " THEN r.latest_interaction_day ELSE nullif (" greatest " (" \
  "  coalesce ((SELECT max (t.day) FROM interaction_organizations io" \
  "    JOIN interactions t ON t.id = io.interaction_id" \
  "    WHERE io.organization_id = r.id AND t.day <= :today), '')," \
  "  coalesce ((SELECT max (t.day) FROM affiliations a" \
  "    JOIN interaction_contacts ic ON ic.contact_id = a.contact_id" \
  "    JOIN interactions t ON t.id = ic.interaction_id" \
  "    WHERE a.organization_id = r.id AND t.day <= :today" AFFILIATED_ON_INTERACTION "), '')), '')" \
  " END"
#define LAST_CONTACT_OF_CONTACT \
  "CASE WHEN r.latest_interaction_day IS NULL OR r.latest_interaction_day <= :today" \
  " THEN r.latest_interaction_day ELSE (SELECT max (t.day) FROM interaction_contacts ic" \
  "  JOIN interactions t ON t.id = ic.interaction_id" \
  "  WHERE ic.contact_id = r.id AND t.day <= :today) END"
/* The greater of two values: SQLite's max() of two, PostgreSQL's greatest(). */
#define GREATEST_SQLITE "max"
#define GREATEST_PG "greatest"
/* The record's own cadence, else its quadrant's (:c1…:c4, by LiaQuadrant); the casts type
 * the parameters for a server. */
#define CADENCE \
  "coalesce (r.cadence_days, CASE WHEN r.influence = 0 OR r.interest = 0 THEN 0" \
  " WHEN r.influence >= 3 AND r.interest >= 3 THEN CAST (:c4 AS INTEGER)" \
  " WHEN r.influence >= 3 THEN CAST (:c3 AS INTEGER) WHEN r.interest >= 3 THEN CAST (:c2 AS INTEGER)" \
  " ELSE CAST (:c1 AS INTEGER) END)"

void
_lia_sql_append_equal_nocase (GString    *sql,
                              gboolean    server,
                              const char *column,
                              const char *parameter)
{
  if (server)
    g_string_append_printf (sql, " AND lower (%s) = lower (%s)", column, parameter);
  else
    g_string_append_printf (sql, " AND %s = %s COLLATE NOCASE", column, parameter);
}

static void
append_stances (GString *sql,
                guint    stances)
{
  gboolean first = TRUE;

  g_string_append (sql, " AND r.stance IN (");
  for (int stance = LIA_STANCE_UNKNOWN; stance <= LIA_STANCE_OPPOSED; stance++)
    if (stances & (1u << stance))
      {
        g_string_append_printf (sql, "%s'%s'", first ? "" : ", ",
                                lia_enum_to_nick (LIA_TYPE_STANCE, stance));
        first = FALSE;
      }
  g_string_append (sql, ")");
}

/* By LiaQuadrant: the influence and interest values of its cells (CADENCE above). */
static const char * const quadrant_cells[] = {
  [LIA_QUADRANT_MONITOR] = "influence IN (1, 2) AND interest IN (1, 2)",
  [LIA_QUADRANT_KEEP_INFORMED] = "influence IN (1, 2) AND interest IN (3, 4, 5)",
  [LIA_QUADRANT_KEEP_SATISFIED] = "influence IN (3, 4, 5) AND interest IN (1, 2)",
  [LIA_QUADRANT_MANAGE_CLOSELY] = "influence IN (3, 4, 5) AND interest IN (3, 4, 5)",
};

/* Which records of a due filter append_due_candidates() reads. */
typedef enum {
  DUE_ALL,        /* every one that may be due */
  DUE_UNCERTAIN,  /* those the indexes cannot decide (due_count_sql()) */
  DUE_FIRST,      /* in due order, the first :top of each index range, and the uncertain;
                   * without the due filter, also the first :top without a cadence */
  CELL_FIRST,     /* no due filter: in name order, the first :top of each map cell */
  LAST_FIRST,     /* no due filter: by last contact, the first :top of each map cell */
  RECENCY_FIRST,  /* no due filter: by the recency part of health, the first :top of each
                   * map cell (append_cell_recency()) */
} DueCandidates;

static void append_plain_filters (GString *sql, const LiaStakeholderQuery *q, LiaRecordKind kind,
                                  gboolean server);

/* The query's filters inside one index range of DUE_FIRST, so that the range's first :top
 * are the first that the whole query keeps: the plain ones, and not contacted in so many
 * days on the stored day (a planned interaction is read on its own). */
static void
append_range_filters (GString                   *filters,
                      const LiaStakeholderQuery *q,
                      LiaRecordKind              kind,
                      gboolean                   server)
{
  append_plain_filters (filters, q, kind, server);
  if (q->not_contacted_days >= 0)
    g_string_append (filters, " AND (r.latest_interaction_day IS NULL OR r.latest_interaction_day < :since)");
}

/* DUE_FIRST: the first :top records by due day, then @name_column, of each map cell with a
 * cadence, never contacted and then contacted. In a cell, due by = last contact + the cell's
 * cadence, so (last contact, name) is the list's order there, and :top from each cell hold
 * the list's first :top of all records the indexes decide. With r.sort_key it is the order
 * of the index of schema version 15; with another name (a contact list by family or given
 * name) SQLite reads the cell's index in day order and sorts each day's few by the name. The
 * other filters of the query go inside, so that each range's first :top are the first that
 * the whole query keeps. */
static void
append_first_due (GString                   *sql,
                  const LiaStakeholderQuery *q,
                  LiaRecordKind              kind,
                  const char                *table,
                  const char                *name_column,
                  int                        quadrant,
                  gboolean                   server)
{
  for (int influence = 1; influence <= 5; influence++)
    for (int interest = 1; interest <= 5; interest++)
      {
        g_autoptr(GString) filters = g_string_new (NULL);
        g_autofree char *bound = NULL;

        if (lia_quadrant_from_assessment (influence, interest) != (LiaQuadrant) quadrant ||
            influence < q->influence_min || influence > q->influence_max ||
            interest < q->interest_min || interest > q->interest_max)
          continue;

        append_range_filters (filters, q, kind, server);
        bound = q->due_only ? g_strdup_printf (":e%d", quadrant) : g_strdup (":today");
        /* Due for contact: those whose cadence lapses within the week; the whole list by due
         * day: everyone contacted up to today (a planned interaction is read on its own). */
        g_string_append_printf (sql, " UNION ALL SELECT id FROM (SELECT r.id FROM %1$s r"
                                     "  WHERE r.cadence_days IS NULL AND r.influence = %2$d AND r.interest = %3$d"
                                     "  AND r.latest_interaction_day IS NULL%4$s"
                                     "  ORDER BY %6$s, r.id LIMIT :top) AS never_%2$d%3$d"
                                     " UNION ALL SELECT id FROM (SELECT r.id FROM %1$s r"
                                     "  WHERE r.cadence_days IS NULL AND r.influence = %2$d AND r.interest = %3$d"
                                     "  AND r.latest_interaction_day <= %5$s%4$s"
                                     "  ORDER BY r.latest_interaction_day, %6$s, r.id LIMIT :top) AS last_%2$d%3$d",
                                table, influence, interest, filters->str, bound, name_column);
      }
}

/* The records of @kind that may be due for contact: a superset of those the exact filter
 * on next_contact keeps, read through index ranges (schema versions 14 and 15) instead of
 * passing every record through the figures. Per map cell with a cadence, the records never
 * contacted or last contacted on or before the day (:d1…:d4) from which that cadence lapses
 * within DUE_WITHIN_DAYS (DUE_FIRST: the first of those, append_first_due()); then the
 * records whose latest interaction is planned (their last contact lies further back) and
 * those with a cadence of their own. Without the due filter (DUE_FIRST only: the first page
 * of the whole list by due day), the first :top of every map cell with a cadence in due
 * order, and of those without one in name order, which come last. */
static void
append_due_candidates (GString                   *sql,
                       const LiaStakeholderQuery *q,
                       LiaRecordKind              kind,
                       DueCandidates              which,
                       const char                *name_column,
                       gboolean                   server)
{
  const char * const *cells = quadrant_cells;
  const char *table = kind == LIA_RECORD_KIND_ORGANIZATION ? "organizations" : "contacts";

  g_string_append_printf (sql, " AND r.id IN (SELECT id FROM %1$s WHERE cadence_days IS NOT NULL"
                               " UNION ALL SELECT id FROM %1$s WHERE latest_interaction_day > :today",
                          table);
  for (int quadrant = LIA_QUADRANT_MONITOR; quadrant <= LIA_QUADRANT_MANAGE_CLOSELY; quadrant++)
    if (q->cadence[quadrant] > 0 && which == DUE_FIRST)
      append_first_due (sql, q, kind, table, name_column, quadrant, server);
    else if (q->cadence[quadrant] > 0 && which == DUE_ALL)
      g_string_append_printf (sql, " UNION ALL SELECT id FROM %1$s WHERE cadence_days IS NULL AND %2$s"
                                   "  AND latest_interaction_day IS NULL"
                                   " UNION ALL SELECT id FROM %1$s WHERE cadence_days IS NULL AND %2$s"
                                   "  AND latest_interaction_day <= :d%3$d",
                              table, cells[quadrant], quadrant);
  /* The whole list by due day (no due filter) ends with the records without a cadence (no
   * due day), in name order: the first :top of those without a cadence of their own (read
   * above) nor a planned interaction (read above), their map cell's cadence being none: not
   * assessed, or a quadrant whose cadence is none. SQLite walks @name_column's index and
   * stops at :top. */
  if (which == DUE_FIRST && !q->due_only)
    {
      g_autoptr(GString) filters = g_string_new (NULL);

      append_range_filters (filters, q, kind, server);
      g_string_append_printf (sql, " UNION ALL SELECT id FROM (SELECT r.id FROM %s r"
                                   "  WHERE r.cadence_days IS NULL"
                                   "  AND (r.latest_interaction_day IS NULL OR r.latest_interaction_day <= :today)"
                                   "  AND (r.influence = 0 OR r.interest = 0",
                              table);
      for (int quadrant = LIA_QUADRANT_MONITOR; quadrant <= LIA_QUADRANT_MANAGE_CLOSELY; quadrant++)
        if (q->cadence[quadrant] == 0)
          g_string_append_printf (sql, " OR (%s)", cells[quadrant]);
      g_string_append_printf (sql, ")%s ORDER BY %s, r.id LIMIT :top) AS no_cadence",
                              filters->str, name_column);
    }
  g_string_append (sql, ")");
}

/* The reference period of recency in a map cell without a cadence of its own: the cell's
 * cadence (CADENCE), else DEFAULT_RECENCY_DAYS, as FIGURES_OF works it out. */
static guint
cell_reference_days (const LiaStakeholderQuery *q,
                     int                        influence,
                     int                        interest)
{
  LiaQuadrant quadrant = lia_quadrant_from_assessment (influence, interest);
  guint cadence = quadrant == LIA_QUADRANT_NONE ? 0 : q->cadence[quadrant];

  return cadence > 0 ? cadence : DEFAULT_RECENCY_DAYS;
}

/* LAST_FIRST and RECENCY_FIRST, one map cell (0–5 × 0–5): the first :top of its records
 * without a cadence of their own, read through schema 15's index (append_cell_candidates()
 * adds those with a cadence of their own or a planned interaction, whole: they are few).
 *
 * By last contact (never contacted first), a cell's first :top never contacted by
 * @name_column and its first :top contacted by (day, @name_column) hold the list's first :top
 * of the cell, as in append_first_due().
 *
 * By recency (ascending, then @name_column): in a cell the reference period is one number,
 * so recency is a non-decreasing step function of the last contact day, 0 for the never
 * contacted. The cell's first :top are among (a) the first :top by @name_column of those
 * whose recency is 0, walking the cell's name index (the figure is worked out per row walked,
 * few when the old contacts are many), and (b) those contacted after :zQ (2 reference
 * periods before today, before which recency is 0) up to the end of the recency step of the
 * :top-th of them in day order: at least :top rows whose recency is at most that step's, so
 * none after it can come first. A step spans at most reference / 40 + 1 days, except 40
 * (contacted within the period: up to today). */
static void
append_cell_recency (GString                   *sql,
                     const LiaStakeholderQuery *q,
                     const char                *table,
                     DueCandidates              which,
                     const char                *name_column,
                     const char                *filters,
                     int                        influence,
                     int                        interest,
                     gboolean                   server)
{
  g_autofree char *cell = g_strdup_printf ("r.cadence_days IS NULL AND r.influence = %d"
                                           " AND r.interest = %d", influence, interest);
  guint ref = cell_reference_days (q, influence, interest);
  int quadrant = lia_quadrant_from_assessment (influence, interest);
  g_autofree char *days = NULL;
  g_autofree char *step_end = NULL;
  g_autofree char *name_walk = NULL;
  g_autofree char *walk_cell = NULL;

  if (which == LAST_FIRST)
    {
      g_string_append_printf (sql, " UNION ALL SELECT id FROM (SELECT r.id FROM %1$s r"
                                   "  WHERE %2$s AND r.latest_interaction_day IS NULL%3$s"
                                   "  ORDER BY %4$s, r.id LIMIT :top) AS never_%5$d%6$d"
                                   " UNION ALL SELECT id FROM (SELECT r.id FROM %1$s r"
                                   "  WHERE %2$s AND r.latest_interaction_day <= :today%3$s"
                                   "  ORDER BY r.latest_interaction_day, %4$s, r.id LIMIT :top)"
                                   "  AS last_%5$d%6$d",
                              table, cell, filters, name_column, influence, interest);
      return;
    }

  /* Recency 0 as FIGURES_OF works it out (days >= 2 * ref, or rounded down to 0). */
  days = server ? g_strdup ("(CAST (:today AS date) - CAST (r.latest_interaction_day AS date))")
                : g_strdup ("(julianday (:today) - julianday (r.latest_interaction_day))");
  /* SQLite walks the name index of the cell; a server plans for itself. */
  if (server)
    name_walk = g_strdup ("");
  else if (g_str_equal (name_column, "r.sort_key"))
    name_walk = g_strdup_printf (" INDEXED BY %s_by_assessment", table);
  else
    {
      /* The cell as that index spells it, alone: with r.influence = N beside it, SQLite would
       * put N in the expression, which would then not be the index's. */
      walk_cell = g_strdup_printf ("r.cadence_days IS NULL AND r.influence * 6 + r.interest = %d",
                                   influence * 6 + interest);
      name_walk = g_strdup_printf (" INDEXED BY contacts_by_cell_%s",
                                   g_str_equal (name_column, "r.given_sort_key") ? "given" : "family");
    }
  step_end = server ? g_strdup_printf ("to_char (CAST (d AS date) + %u, 'YYYY-MM-DD')", ref / 40 + 2)
                    : g_strdup_printf ("date (d, '+%u days')", ref / 40 + 2);
  g_string_append_printf (sql, " UNION ALL SELECT id FROM (SELECT r.id FROM %1$s r%2$s"
                               "  WHERE %3$s AND (r.latest_interaction_day IS NULL"
                               "   OR (r.latest_interaction_day <= :today AND (%4$s >= %5$u"
                               "    OR CAST (%6$s (40.0 * (%5$u - %4$s) / %7$u + 0.5) AS INTEGER) = 0)))%8$s"
                               "  ORDER BY %9$s, r.id LIMIT :top) AS zero_%10$d%11$d",
                          table, name_walk, walk_cell != NULL ? walk_cell : cell, days, 2 * ref, server ? "floor" : "",
                          ref, filters, name_column, influence, interest);
  g_string_append_printf (sql, " UNION ALL SELECT id FROM (SELECT r.id FROM %1$s r"
                               "  WHERE %2$s AND r.latest_interaction_day > :z%3$d"
                               "  AND r.latest_interaction_day <= :today%4$s"
                               "  AND r.latest_interaction_day <= coalesce ((SELECT CASE WHEN d >= :w%3$d"
                               "   THEN CAST (:today AS TEXT) ELSE %5$s END FROM (SELECT r.latest_interaction_day AS d"
                               "   FROM %1$s r WHERE %2$s AND r.latest_interaction_day > :z%3$d"
                               "   AND r.latest_interaction_day <= :today%4$s"
                               "   ORDER BY r.latest_interaction_day LIMIT 1 OFFSET :top - 1) AS nth),"
                               "   :today)) AS recent_%6$d%7$d",
                          table, cell, quadrant, filters, step_end, influence, interest);
}

/* CELL_FIRST: the first :top records of each map cell (influence, interest) by @name_column,
 * and those with a planned interaction (their last contact, which a filter may ask about,
 * lies further back than the stored day). A list by influence or interest orders each cell
 * by name, so these hold its first :top; SQLite reads each from the index of schema version
 * 8 (r.sort_key) or 18 (a contact's family or given name) and stops at :top. LAST_FIRST and
 * RECENCY_FIRST: each cell's first :top as append_cell_recency() reads them, and the records
 * with a cadence of their own. */
static void
append_cell_candidates (GString                   *sql,
                        const LiaStakeholderQuery *q,
                        LiaRecordKind              kind,
                        DueCandidates              which,
                        const char                *name_column,
                        gboolean                   server)
{
  const char *table = kind == LIA_RECORD_KIND_ORGANIZATION ? "organizations" : "contacts";
  g_autoptr(GString) filters = g_string_new (NULL);

  append_range_filters (filters, q, kind, server);
  g_string_append_printf (sql, " AND r.id IN (SELECT id FROM %s WHERE latest_interaction_day > :today", table);
  if (which != CELL_FIRST)
    g_string_append_printf (sql, " UNION ALL SELECT id FROM %s WHERE cadence_days IS NOT NULL", table);
  for (int influence = MAX (q->influence_min, 0); influence <= MIN (q->influence_max, 5); influence++)
    for (int interest = MAX (q->interest_min, 0); interest <= MIN (q->interest_max, 5); interest++)
      {
        g_autofree char *cell = NULL;

        if (which != CELL_FIRST)
          {
            append_cell_recency (sql, q, table, which, name_column, filters->str, influence, interest, server);
            continue;
          }
        /* The cell as the index that holds @name_column spells it. */
        if (g_str_equal (name_column, "r.sort_key"))
          cell = g_strdup_printf ("r.influence = %d AND r.interest = %d", influence, interest);
        else
          cell = g_strdup_printf ("r.influence * 6 + r.interest = %d", influence * 6 + interest);
        g_string_append_printf (sql, " UNION ALL SELECT id FROM (SELECT r.id FROM %1$s r"
                                     "  WHERE %2$s%3$s ORDER BY %4$s, r.id LIMIT :top) AS cell_%5$d%6$d",
                                table, cell, filters->str, name_column, influence, interest);
      }
  g_string_append (sql, ")");
}

/* Which bounded read gives the first pages of @q (DUE_FIRST, CELL_FIRST, LAST_FIRST,
 * RECENCY_FIRST), or DUE_ALL: none,
 * every record goes through the figures and the sort. */
static DueCandidates
first_candidates (const LiaStakeholderQuery *q)
{
  if (q->sort == LIA_STAKEHOLDER_SORT_DUE)
    return DUE_FIRST;
  if (!q->due_only && (q->sort == LIA_STAKEHOLDER_SORT_INFLUENCE || q->sort == LIA_STAKEHOLDER_SORT_INTEREST))
    return CELL_FIRST;
  if (!q->due_only && q->sort == LIA_STAKEHOLDER_SORT_LAST_CONTACT)
    return LAST_FIRST;
  /* A reference period of a century or more (append_cell_recency()'s days would not hold). */
  if (!q->due_only && q->sort == LIA_STAKEHOLDER_SORT_HEALTH)
    {
      for (int quadrant = LIA_QUADRANT_MONITOR; quadrant <= LIA_QUADRANT_MANAGE_CLOSELY; quadrant++)
        if (q->cadence[quadrant] > MAX_FIRST_RECENCY_DAYS)
          return DUE_ALL;
      return RECENCY_FIRST;
    }
  return DUE_ALL;
}

/* The query's filters on the record's own row (alias r) and what hangs from it. */
static void
append_plain_filters (GString                   *sql,
                      const LiaStakeholderQuery *q,
                      LiaRecordKind              kind,
                      gboolean                   server)
{
  if (kind == LIA_RECORD_KIND_ORGANIZATION)
    {
      if (q->sector != NULL)
        _lia_sql_append_equal_nocase (sql, server, "r.sector", ":sector");
      if (q->country != NULL)
        _lia_sql_append_equal_nocase (sql, server, "r.country", ":country");
    }
  /* A contact's sector and country are those of the organizations they are with today. */
  else if (q->sector != NULL || q->country != NULL)
    {
      g_string_append (sql, " AND EXISTS (SELECT 1 FROM affiliations a"
                            " JOIN organizations o ON o.id = a.organization_id"
                            " WHERE a.contact_id = r.id" AFFILIATED_TODAY);
      if (q->sector != NULL)
        _lia_sql_append_equal_nocase (sql, server, "o.sector", ":sector");
      if (q->country != NULL)
        _lia_sql_append_equal_nocase (sql, server, "o.country", ":country");
      g_string_append (sql, ")");
    }

  if (q->influence_min > 0 || q->influence_max < 5)
    g_string_append_printf (sql, " AND r.influence BETWEEN %d AND %d",
                            CLAMP (q->influence_min, 0, 5), CLAMP (q->influence_max, 0, 5));
  if (q->interest_min > 0 || q->interest_max < 5)
    g_string_append_printf (sql, " AND r.interest BETWEEN %d AND %d",
                            CLAMP (q->interest_min, 0, 5), CLAMP (q->interest_max, 0, 5));
  if (q->tag != NULL)
    {
      g_string_append_printf (sql, " AND EXISTS (SELECT 1 FROM %s = r.id",
                              kind == LIA_RECORD_KIND_ORGANIZATION ? "organization_tags WHERE organization_id"
                                                                   : "contact_tags WHERE contact_id");
      _lia_sql_append_equal_nocase (sql, server, "tag", ":tag");
      g_string_append (sql, ")");
    }
  if (q->only_id > 0)
    g_string_append (sql, " AND r.id = :only_id");
  if (q->stances != 0)
    append_stances (sql, q->stances);
}

/* The records of @kind that the query's plain filters select, with their figures; with
 * @all_columns, every column of the record's table instead of the list's few. @name_column:
 * the name the list orders by, for DUE_FIRST. */
static void
append_records (GString                   *sql,
                const LiaStakeholderQuery *q,
                LiaRecordKind              kind,
                gboolean                   all_columns,
                DueCandidates              which,
                const char                *name_column,
                gboolean                   server)
{
  if (all_columns)
    g_string_append (sql, "SELECT r.*,");
  else
    g_string_append_printf (sql, "SELECT %d AS kind, r.id, r.uid, %s AS name, r.influence, r.interest,"
                                 " r.stance, r.sort_key,",
                            kind, kind == LIA_RECORD_KIND_ORGANIZATION ? "r.name" : "r.label");

  if (kind == LIA_RECORD_KIND_ORGANIZATION)
    g_string_append (sql, server ? " " LAST_CONTACT_OF_ORGANIZATION (GREATEST_PG) " AS last_contact,"
                                   " " CADENCE " AS cadence FROM organizations r WHERE TRUE"
                                 : " " LAST_CONTACT_OF_ORGANIZATION (GREATEST_SQLITE) " AS last_contact,"
                                   " " CADENCE " AS cadence FROM organizations r WHERE TRUE");
  else
    g_string_append (sql, " " LAST_CONTACT_OF_CONTACT " AS last_contact,"
                          " " CADENCE " AS cadence FROM contacts r WHERE TRUE");

  append_plain_filters (sql, q, kind, server);
  if (which == CELL_FIRST || which == LAST_FIRST || which == RECENCY_FIRST)
    append_cell_candidates (sql, q, kind, which, name_column, server);
  else if (q->due_only || which == DUE_FIRST)
    append_due_candidates (sql, q, kind, which, name_column, server);
}

/* Due by, and the recency part of health (docs/engagement.md: 40 up to the reference period,
 * 0 at twice it), from last_contact and cadence; days are stored as text YYYY-MM-DD. The day
 * arithmetic is per backend: FIGURES (SQLite only: date() and julianday()) and FIGURES_PG
 * (PostgreSQL only: date arithmetic on casts, and floor() since its CAST rounds). */
#define FIGURES_OF(next_day, days, truncate) \
  "CASE WHEN cadence > 0 THEN coalesce (" next_day "," \
  "  :today) END AS next_contact," \
  " CASE WHEN last_contact IS NULL THEN 0 ELSE (" \
  "  SELECT CASE WHEN days <= ref THEN 40 WHEN days >= 2 * ref THEN 0" \
  "   ELSE CAST (" truncate " (40.0 * (2 * ref - days) / ref + 0.5) AS INTEGER) END" \
  "  FROM (SELECT " days " AS days," \
  "   CASE WHEN cadence > 0 THEN cadence ELSE 90 END AS ref) AS d) END AS recency"
#define FIGURES \
  FIGURES_OF ("date (last_contact, '+' || cadence || ' days')", \
              "julianday (:today) - julianday (last_contact)", "")
#define FIGURES_PG \
  FIGURES_OF ("to_char (CAST (last_contact AS date) + cadence, 'YYYY-MM-DD')", \
              "CAST (:today AS date) - CAST (last_contact AS date)", "floor")

/* The filters on the figures, on columns named @prefix…. */
static void
append_figure_filters (GString                   *sql,
                       const LiaStakeholderQuery *q,
                       const char                *prefix)
{
  if (q->due_only)
    g_string_append_printf (sql, " AND %snext_contact <= :soon", prefix);
  if (q->not_contacted_days >= 0)
    g_string_append_printf (sql, " AND (%1$slast_contact IS NULL OR %1$slast_contact < :since)", prefix);
}

static gboolean
wants_kind (const LiaStakeholderQuery *q,
            LiaRecordKind              kind)
{
  return q->kinds == 0 || (q->kinds & (1u << kind));
}

/* Columns: kind, id, uid, name, influence, interest, stance, last_contact, cadence,
 * next_contact, recency. @count: count(*) instead; @paged: :limit and :offset; @which:
 * see DueCandidates. */
static char *
stakeholder_sql_full (const LiaStakeholderQuery *q,
                      gboolean                   count,
                      gboolean                   paged,
                      DueCandidates              which,
                      gboolean                   server)
{
  GString *sql = g_string_new (NULL);
  gboolean both = wants_kind (q, LIA_RECORD_KIND_ORGANIZATION) && wants_kind (q, LIA_RECORD_KIND_CONTACT);

  g_string_append (sql, count ? "SELECT count (*) FROM (" : "SELECT * FROM (");
  g_string_append (sql, server ? "SELECT kind, id, uid, name, influence, interest, stance, sort_key,"
                                 " last_contact, cadence, " FIGURES_PG " FROM ("
                               : "SELECT kind, id, uid, name, influence, interest, stance, sort_key,"
                                 " last_contact, cadence, " FIGURES " FROM (");
  if (wants_kind (q, LIA_RECORD_KIND_ORGANIZATION))
    append_records (sql, q, LIA_RECORD_KIND_ORGANIZATION, FALSE, which, "r.sort_key", server);
  if (both)
    g_string_append (sql, " UNION ALL ");
  if (wants_kind (q, LIA_RECORD_KIND_CONTACT))
    append_records (sql, q, LIA_RECORD_KIND_CONTACT, FALSE, which, "r.sort_key", server);
  g_string_append (sql, ") AS records) AS figured WHERE TRUE");
  append_figure_filters (sql, q, "");

  if (!count)
    {
      switch (q->sort)
        {
        case LIA_STAKEHOLDER_SORT_LAST_CONTACT:
          /* NULLS FIRST: SQLite's order, which a server needs told. */
          g_string_append (sql, " ORDER BY last_contact NULLS FIRST,");
          break;
        case LIA_STAKEHOLDER_SORT_INFLUENCE:
          g_string_append (sql, " ORDER BY influence DESC,");
          break;
        case LIA_STAKEHOLDER_SORT_INTEREST:
          g_string_append (sql, " ORDER BY interest DESC,");
          break;
        case LIA_STAKEHOLDER_SORT_STANCE:
          g_string_append (sql, " ORDER BY CASE stance WHEN 'opposed' THEN 0 WHEN 'concerned' THEN 1"
                                " WHEN 'neutral' THEN 2 WHEN 'supportive' THEN 3 WHEN 'advocate' THEN 4"
                                " ELSE 5 END,");
          break;
        case LIA_STAKEHOLDER_SORT_HEALTH:
          /* Only recency is in the database; lia_store_list_stakeholders() sorts on the whole
           * score once it has worked it out. */
          g_string_append (sql, " ORDER BY recency,");
          break;
        case LIA_STAKEHOLDER_SORT_DUE:
          g_string_append (sql, " ORDER BY next_contact IS NULL, next_contact,");
          break;
        case LIA_STAKEHOLDER_SORT_NAME:
        default:
          g_string_append (sql, " ORDER BY");
          break;
        }
      g_string_append (sql, " sort_key, kind, id");
      if (paged)
        g_string_append (sql, " LIMIT :limit OFFSET :offset");
    }

  return g_string_free (sql, FALSE);
}

static char *
stakeholder_sql (const LiaStakeholderQuery *q,
                 gboolean                   count,
                 gboolean                   paged,
                 gboolean                   server)
{
  return stakeholder_sql_full (q, count, paged, DUE_ALL, server);
}

/* The count of the stakeholders due for contact when nothing else filters them (the Today
 * view's), without working out anyone's figures where the indexes of schema version 13
 * already decide: a record without a cadence of its own, not contacted or last contacted
 * on or before today and on or before the day its cell's cadence lapses from within
 * DUE_WITHIN_DAYS (:e1…:e4), is due. The others, those with a cadence of their own or a
 * planned interaction, go through the exact filter. NULL when the query filters on more. */
static char *
due_count_sql (const LiaStakeholderQuery *q,
               gboolean                   server)
{
  g_autoptr(GString) sql = NULL;
  g_autofree char *uncertain = NULL;

  if (!q->due_only || q->sector != NULL || q->country != NULL || q->tag != NULL || q->only_id > 0 ||
      q->stances != 0 || q->not_contacted_days >= 0 || q->influence_min > 0 || q->influence_max < 5 ||
      q->interest_min > 0 || q->interest_max < 5)
    return NULL;

  uncertain = stakeholder_sql_full (q, TRUE, FALSE, DUE_UNCERTAIN, server);
  sql = g_string_new ("SELECT (");
  g_string_append (sql, uncertain);
  g_string_append (sql, ")");
  for (LiaRecordKind kind = LIA_RECORD_KIND_ORGANIZATION; kind <= LIA_RECORD_KIND_CONTACT; kind++)
    {
      const char *table = kind == LIA_RECORD_KIND_ORGANIZATION ? "organizations" : "contacts";

      if (!wants_kind (q, kind))
        continue;
      for (int quadrant = LIA_QUADRANT_MONITOR; quadrant <= LIA_QUADRANT_MANAGE_CLOSELY; quadrant++)
        if (q->cadence[quadrant] > 0)
          g_string_append_printf (sql, " + (SELECT count (*) FROM %1$s WHERE cadence_days IS NULL AND %2$s"
                                       "  AND latest_interaction_day IS NULL)"
                                       " + (SELECT count (*) FROM %1$s WHERE cadence_days IS NULL AND %2$s"
                                       "  AND latest_interaction_day <= :e%3$d)",
                                  table, quadrant_cells[quadrant], quadrant);
    }

  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static void
bind_text (LiaStmt    *stmt,
           const char *name,
           const char *value)
{
  int index = _lia_db_bind_parameter_index (stmt, name);

  if (index > 0 && value != NULL)
    _lia_db_bind_text (stmt, index, value, -1, LIA_DB_TRANSIENT);
}

static void
bind_int (LiaStmt    *stmt,
          const char *name,
          gint64      value)
{
  int index = _lia_db_bind_parameter_index (stmt, name);

  if (index > 0)
    _lia_db_bind_int64 (stmt, index, value);
}

/* @today moved by @days, as YYYY-MM-DD. */
static char *
iso_from (const GDate *today,
          int          days)
{
  GDate date = *today;

  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);

  return lia_date_to_iso (&date);
}

static void
bind_query (LiaStmt                   *stmt,
            const LiaStakeholderQuery *q,
            const GDate               *today)
{
  g_autofree char *today_iso = lia_date_to_iso (today);
  g_autofree char *soon = iso_from (today, DUE_WITHIN_DAYS);
  g_autofree char *since = iso_from (today, -MIN (q->not_contacted_days, 100000));

  bind_text (stmt, ":today", today_iso);
  bind_text (stmt, ":soon", soon);
  bind_text (stmt, ":since", since);
  bind_text (stmt, ":sector", q->sector);
  bind_text (stmt, ":country", q->country);
  bind_text (stmt, ":tag", q->tag);
  bind_int (stmt, ":only_id", q->only_id);
  /* The days from which recency, against each quadrant's reference period, is 40 (:wQ) and
   * after which it is above 0 (:zQ): append_cell_recency(). */
  for (int quadrant = LIA_QUADRANT_NONE; quadrant <= LIA_QUADRANT_MANAGE_CLOSELY; quadrant++)
    {
      guint cadence = quadrant == LIA_QUADRANT_NONE ? 0 : q->cadence[quadrant];
      gint64 ref = cadence > 0 ? MIN (cadence, 100000) : DEFAULT_RECENCY_DAYS;
      char within_name[4] = { ':', 'w', (char) ('0' + quadrant), '\0' };
      char zero_name[4] = { ':', 'z', (char) ('0' + quadrant), '\0' };
      /* Before the first day a GDate holds: before every day (text compares). */
      g_autofree char *within = g_date_get_julian (today) > ref ? iso_from (today, (int) -ref) : g_strdup ("");
      g_autofree char *zero = g_date_get_julian (today) > 2 * ref ? iso_from (today, (int) (-2 * ref))
                                                                 : g_strdup ("");

      bind_text (stmt, within_name, within);
      bind_text (stmt, zero_name, zero);
    }
  for (int quadrant = LIA_QUADRANT_MONITOR; quadrant <= LIA_QUADRANT_MANAGE_CLOSELY; quadrant++)
    {
      char name[4] = { ':', 'c', (char) ('0' + quadrant), '\0' };

      char cutoff_name[4] = { ':', 'd', (char) ('0' + quadrant), '\0' };
      char past_name[4] = { ':', 'e', (char) ('0' + quadrant), '\0' };
      g_autofree char *cutoff = NULL;

      bind_int (stmt, name, q->cadence[quadrant]);
      /* The last day of contact from which this cadence lapses within DUE_WITHIN_DAYS; and
       * the same, no later than today (a later day is a planned interaction). */
      cutoff = iso_from (today, DUE_WITHIN_DAYS - (int) MIN (q->cadence[quadrant], 100000));
      bind_text (stmt, cutoff_name, cutoff);
      bind_text (stmt, past_name, strcmp (cutoff, today_iso) < 0 ? cutoff : today_iso);
    }
}

static GDate *
query_today (const LiaStakeholderQuery *query)
{
  GDate *today;

  if (query->today == NULL || !g_date_valid (query->today))
    return lia_date_new_today ();

  today = g_date_new ();
  *today = *query->today;
  return today;
}

/* A row of stakeholder_sql(), with due worked out; health is left to fill_health(). */
static LiaStakeholder *
stakeholder_from_row (LiaStmt     *stmt,
                      const GDate *today)
{
  LiaStakeholder *s = g_new0 (LiaStakeholder, 1);
  int stance = LIA_STANCE_UNKNOWN;

  s->kind = _lia_db_column_int (stmt, 0);
  s->id = _lia_db_column_int64 (stmt, 1);
  s->uid = g_strdup (_lia_column_text (stmt, 2));
  s->name = g_strdup (_lia_column_text (stmt, 3));
  s->influence = _lia_db_column_int (stmt, 4);
  s->interest = _lia_db_column_int (stmt, 5);
  _lia_column_nick (stmt, 6, LIA_TYPE_STANCE, &stance, NULL);
  s->stance = stance;
  if (_lia_db_column_type (stmt, 8) != LIA_DB_NULL)
    s->last_contact = lia_date_parse_iso (_lia_column_text (stmt, 8), NULL);
  s->cadence_days = MAX (0, _lia_db_column_int (stmt, 9));
  if (_lia_db_column_type (stmt, 10) != LIA_DB_NULL)
    s->next_contact = lia_date_parse_iso (_lia_column_text (stmt, 10), NULL);
  s->health.recency = _lia_db_column_int (stmt, 11);
  if (s->next_contact != NULL)
    {
      GDate soon = *today;

      g_date_add_days (&soon, DUE_WITHIN_DAYS);
      s->due = g_date_compare (s->next_contact, &soon) <= 0;
    }

  return s;
}

/* One of the health queries below, for one record: rows of (value) for @func. */
static gboolean
health_each (LiaStore        *store,
             LiaStakeholder  *s,
             const char      *today_iso,
             const char      *sql,
             void           (*func) (LiaStakeholder *s, LiaStmt *stmt),
             GError         **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *server_sql = NULL;
  int rc;

  /* The unary + that keeps SQLite off an index is SQLite only: a server has none for text. */
  if (_lia_store_is_server (store))
    {
      parts = g_strsplit (sql, " +", -1);
      sql = server_sql = g_strjoinv (" ", parts);
    }

  if (!(stmt = _lia_store_prepare (store, sql, error)))
    return FALSE;
  bind_text (stmt, ":today", today_iso);
  bind_int (stmt, ":id", s->id);

  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    func (s, stmt);

  if (rc == LIA_DB_DONE)
    return TRUE;

  _lia_store_set_error_from_db (store, error, "%s", _("Could not read the stakeholders"));
  return FALSE;
}

/* Rows (sentiment) of the latest interactions, at most RECENT_INTERACTIONS. */
static void
add_sentiment (LiaStakeholder *s,
               LiaStmt        *stmt)
{
  s->health.average_sentiment += _lia_db_column_int (stmt, 0);
  s->health.n_recent++;
}

/* Rows (direction) of open commitments past their due date. */
static void
add_overdue (LiaStakeholder *s,
             LiaStmt        *stmt)
{
  if (g_strcmp0 (_lia_column_text (stmt, 0), "ours") == 0)
    s->health.overdue_ours++;
  else
    s->health.overdue_theirs++;
}

/* Rows (severity) of open concerns. */
static void
add_concern (LiaStakeholder *s,
             LiaStmt        *stmt)
{
  static const int weights[] = { 2, 4, 7, 10 };  /* by LiaSeverity */
  int severity = LIA_SEVERITY_MEDIUM;

  _lia_column_nick (stmt, 0, LIA_TYPE_SEVERITY, &severity, NULL);
  s->health.open_concerns++;
  s->health.concerns -= weights[CLAMP (severity, 0, (int) G_N_ELEMENTS (weights) - 1)];
}

/* The health queries of one record, each bounded by an index on the record's id (the unary
 * + keeps SQLite off the index of all open commitments by due date, thousands of rows). An
 * organization's timeline, commitments and concerns are its own and those of its people:
 * interactions while they were affiliated, commitments and concerns of those with it today.
 * Each is counted once, however many of its people it involves. */
static const char * const health_sql[][3] = {
  [LIA_RECORD_KIND_ORGANIZATION] = {
    /* The latest few of each source, then of both: a busy organization's thousands of
     * interactions are never sorted together. */
    "SELECT sentiment FROM ("
    "  SELECT * FROM (SELECT t.id, t.at_utc, t.sentiment"
    "  FROM interaction_organizations io JOIN interactions t ON t.id = io.interaction_id"
    "  WHERE io.organization_id = :id AND t.day <= :today"
    "  ORDER BY t.at_utc DESC, t.id DESC LIMIT " G_STRINGIFY (RECENT_INTERACTIONS) ") AS own"
    "  UNION"
    "  SELECT * FROM (SELECT t.id, t.at_utc, t.sentiment FROM affiliations a"
    "  JOIN interaction_contacts ic ON ic.contact_id = a.contact_id"
    "  JOIN interactions t ON t.id = ic.interaction_id"
    "  WHERE a.organization_id = :id AND t.day <= :today" AFFILIATED_ON_INTERACTION
    "  ORDER BY t.at_utc DESC, t.id DESC LIMIT " G_STRINGIFY (RECENT_INTERACTIONS) ") AS people"
    ") AS latest ORDER BY at_utc DESC, id DESC LIMIT " G_STRINGIFY (RECENT_INTERACTIONS),
    "SELECT direction FROM ("
    "  SELECT id, direction FROM commitments"
    "  WHERE organization_id = :id AND +status = 'open' AND +due_date < :today"
    "  UNION"
    "  SELECT k.id, k.direction FROM commitments k"
    "  JOIN affiliations a ON a.contact_id = k.contact_id"
    "  WHERE a.organization_id = :id AND +k.status = 'open' AND +k.due_date < :today" AFFILIATED_TODAY
    ") AS overdue",
    "SELECT severity FROM ("
    "  SELECT c.id, c.severity FROM concern_parties p"
    "  JOIN concerns c ON c.id = p.concern_id"
    "  WHERE p.organization_id = :id AND c.status IN ('open', 'mediating')"
    "  UNION"
    "  SELECT c.id, c.severity FROM affiliations a"
    "  JOIN concern_parties p ON p.contact_id = a.contact_id"
    "  JOIN concerns c ON c.id = p.concern_id"
    "  WHERE a.organization_id = :id AND c.status IN ('open', 'mediating')" AFFILIATED_TODAY
    ") AS open_concerns",
  },
  [LIA_RECORD_KIND_CONTACT] = {
    "SELECT t.sentiment FROM interaction_contacts ic"
    " JOIN interactions t ON t.id = ic.interaction_id"
    " WHERE ic.contact_id = :id AND t.day <= :today"
    " ORDER BY t.at_utc DESC, t.id DESC LIMIT " G_STRINGIFY (RECENT_INTERACTIONS),
    "SELECT direction FROM commitments"
    " WHERE contact_id = :id AND +status = 'open' AND +due_date < :today",
    "SELECT c.severity FROM concern_parties p"
    " JOIN concerns c ON c.id = p.concern_id"
    " WHERE p.contact_id = :id AND c.status IN ('open', 'mediating')",
  },
};

/* The parts of health other than recency (which the list's SQL worked out), and the score:
 * the formula of docs/engagement.md. */
static gboolean
fill_health (LiaStore        *store,
             LiaStakeholder  *s,
             const char      *today_iso,
             GError         **error)
{
  LiaHealth *h = &s->health;
  const char * const *sql;

  g_assert (s->kind == LIA_RECORD_KIND_ORGANIZATION || s->kind == LIA_RECORD_KIND_CONTACT);
  sql = health_sql[s->kind];

  h->average_sentiment = 0.0;
  h->n_recent = h->overdue_ours = h->overdue_theirs = h->open_concerns = 0;
  h->concerns = 0;
  if (!health_each (store, s, today_iso, sql[0], add_sentiment, error) ||
      !health_each (store, s, today_iso, sql[1], add_overdue, error) ||
      !health_each (store, s, today_iso, sql[2], add_concern, error))
    return FALSE;

  /* Sentiment, 0–30: the mean of the last few interactions, −2 → 0, 0 → 15, +2 → 30. */
  if (h->n_recent == 0)
    h->sentiment = 15;
  else
    {
      h->average_sentiment /= h->n_recent;
      h->sentiment = (int) (30.0 * (h->average_sentiment + 2.0) / 4.0 + 0.5);
    }

  /* Commitments, 0–20: 5 off per overdue commitment, either way. */
  h->commitments = MAX (0, 20 - 5 * (int) (h->overdue_ours + h->overdue_theirs));
  /* Concerns, 0–10: add_concern() took the severity weights off. */
  h->concerns = MAX (0, 10 + h->concerns);

  h->score = h->recency + h->sentiment + h->commitments + h->concerns;
  return TRUE;
}

static int
compare_health (gconstpointer pa,
                gconstpointer pb)
{
  const LiaStakeholder *a = *(LiaStakeholder * const *) pa;
  const LiaStakeholder *b = *(LiaStakeholder * const *) pb;

  /* The array is in name order already and g_ptr_array_sort() is stable: ties keep it. */
  return a->health.score - b->health.score;
}

/* Reads the rows of @sql (from stakeholder_sql()), with their health, into a new array. */
static GPtrArray *
read_stakeholders (LiaStore                  *self,
                   const LiaStakeholderQuery *query,
                   const char                *sql,
                   guint                      offset,
                   guint                      limit,
                   GError                   **error)
{
  g_autoptr(GDate) today = query_today (query);
  g_autofree char *today_iso = lia_date_to_iso (today);
  g_autoptr(GPtrArray) stakeholders = g_ptr_array_new_with_free_func ((GDestroyNotify) lia_stakeholder_free);
  g_autoptr(LiaStmt) stmt = NULL;
  gboolean own_transaction;
  gboolean ok = TRUE;
  int rc;

  /* One read transaction, so that every query sees the same database (unless the caller
   * is inside a transaction already, which does the same). */
  own_transaction = _lia_db_get_autocommit (_lia_store_get_db (self)) != 0;
  if (own_transaction && !_lia_store_exec (self, "BEGIN", error))
    return NULL;

  if (!(stmt = _lia_store_prepare (self, sql, error)))
    ok = FALSE;
  else
    {
      bind_query (stmt, query, today);
      bind_int (stmt, ":limit", limit);
      bind_int (stmt, ":offset", offset);
      bind_int (stmt, ":top", (gint64) offset + limit);
      while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
        g_ptr_array_add (stakeholders, stakeholder_from_row (stmt, today));
      if (rc != LIA_DB_DONE)
        {
          _lia_store_set_error_from_db (self, error, "%s", _("Could not read the stakeholders"));
          ok = FALSE;
        }
      g_clear_pointer (&stmt, _lia_stmt_release);
    }

  for (guint i = 0; ok && i < stakeholders->len; i++)
    ok = fill_health (self, stakeholders->pdata[i], today_iso, error);

  if (own_transaction)
    _lia_store_exec (self, "COMMIT", NULL);

  return ok ? g_steal_pointer (&stakeholders) : NULL;
}

void
_lia_stakeholder_list_sql (const LiaStakeholderQuery  *query,
                           LiaRecordKind               kind,
                           const char                 *name_key,
                           gboolean                    server,
                           char                      **out_from,
                           char                      **out_first_from,
                           char                      **out_where,
                           char                      **out_key)
{
  g_autoptr(GString) from = g_string_new (server ? "(SELECT f.*, " FIGURES_PG " FROM ("
                                                 : "(SELECT f.*, " FIGURES " FROM (");
  g_autoptr(GString) where = g_string_new ("TRUE");
  const char *first;

  g_assert (kind == LIA_RECORD_KIND_ORGANIZATION || kind == LIA_RECORD_KIND_CONTACT);
  g_assert (g_str_has_prefix (name_key, "t."));

  append_records (from, query, kind, TRUE, DUE_ALL, NULL, server);
  g_string_append (from, ") f) t");

  *out_first_from = NULL;
  if (first_candidates (query) != DUE_ALL)
    {
      g_autoptr(GString) first_from = g_string_new (server ? "(SELECT f.*, " FIGURES_PG " FROM ("
                                                           : "(SELECT f.*, " FIGURES " FROM (");
      g_autofree char *name_column = g_strconcat ("r.", name_key + 2, NULL);

      append_records (first_from, query, kind, TRUE, first_candidates (query), name_column, server);
      g_string_append (first_from, ") f) t");
      *out_first_from = g_string_free (g_steal_pointer (&first_from), FALSE);
    }
  append_figure_filters (where, query, "t.");

  /* One text key, ascending, that orders as stakeholder_sql() does; char(31) keeps the name
   * apart from what comes before it. SQLite only: char() and printf(); a server has chr() and
   * lpad(). */
  switch (query->sort)
    {
    case LIA_STAKEHOLDER_SORT_LAST_CONTACT:
      first = "coalesce (t.last_contact, '')";
      break;
    case LIA_STAKEHOLDER_SORT_INFLUENCE:
      first = server ? "chr (53 - t.influence)" : "char (53 - t.influence)";
      break;
    case LIA_STAKEHOLDER_SORT_INTEREST:
      first = server ? "chr (53 - t.interest)" : "char (53 - t.interest)";
      break;
    case LIA_STAKEHOLDER_SORT_STANCE:
      first = "CASE t.stance WHEN 'opposed' THEN '0' WHEN 'concerned' THEN '1' WHEN 'neutral' THEN '2'"
              " WHEN 'supportive' THEN '3' WHEN 'advocate' THEN '4' ELSE '5' END";
      break;
    case LIA_STAKEHOLDER_SORT_HEALTH:
      first = server ? "lpad (CAST (t.recency AS text), 2, '0')" : "printf ('%02d', t.recency)";
      break;
    case LIA_STAKEHOLDER_SORT_DUE:
      first = "coalesce (t.next_contact, '~')";
      break;
    case LIA_STAKEHOLDER_SORT_NAME:
    default:
      first = NULL;
      break;
    }

  *out_from = g_strdup (from->str);
  *out_where = g_strdup (where->str);
  *out_key = first != NULL ? g_strdup_printf ("(%s || %s || %s)", first, server ? "chr (31)" : "char (31)",
                                              name_key)
                           : g_strdup (name_key);
}

char *
_lia_stakeholder_count_sql (const LiaStakeholderQuery *query,
                            gboolean                   server)
{
  return due_count_sql (query, server);
}

void
_lia_stakeholder_query_bind (LiaStmt                   *stmt,
                             const LiaStakeholderQuery *query)
{
  g_autoptr(GDate) today = query_today (query);

  bind_query (stmt, query, today);
}

GPtrArray *
lia_store_list_stakeholders (LiaStore                  *self,
                             const LiaStakeholderQuery *query,
                             GError                   **error)
{
  g_autofree char *sql = NULL;
  GPtrArray *stakeholders;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  /* By health, the SQL gives name order and the whole score decides. */
  if (query->sort == LIA_STAKEHOLDER_SORT_HEALTH)
    {
      LiaStakeholderQuery by_name = *query;

      by_name.sort = LIA_STAKEHOLDER_SORT_NAME;
      sql = stakeholder_sql (&by_name, FALSE, FALSE, _lia_store_is_server (self));
    }
  else
    sql = stakeholder_sql (query, FALSE, FALSE, _lia_store_is_server (self));

  stakeholders = read_stakeholders (self, query, sql, 0, 0, error);
  if (stakeholders != NULL && query->sort == LIA_STAKEHOLDER_SORT_HEALTH)
    g_ptr_array_sort (stakeholders, compare_health);

  return stakeholders;
}

GPtrArray *
lia_store_list_stakeholders_page (LiaStore                  *self,
                                  const LiaStakeholderQuery *query,
                                  guint                      offset,
                                  guint                      limit,
                                  GError                   **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  /* The first pages by due day, influence or interest read the first rows of each index
   * range (first_candidates()); a page further on, the whole list. */
  if (first_candidates (query) != DUE_ALL && limit > 0 &&
      offset < LIA_STAKEHOLDER_FIRST_ROWS && limit <= LIA_STAKEHOLDER_FIRST_ROWS - offset)
    sql = stakeholder_sql_full (query, FALSE, TRUE, first_candidates (query), _lia_store_is_server (self));
  else
    sql = stakeholder_sql (query, FALSE, TRUE, _lia_store_is_server (self));
  return read_stakeholders (self, query, sql, offset, limit, error);
}

gboolean
lia_store_count_stakeholders (LiaStore                  *self,
                              const LiaStakeholderQuery *query,
                              guint                     *out_count,
                              GError                   **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(GDate) today = NULL;
  g_autoptr(LiaStmt) stmt = NULL;

  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (out_count != NULL, FALSE);

  today = query_today (query);
  sql = due_count_sql (query, _lia_store_is_server (self));
  if (sql == NULL)
    sql = stakeholder_sql (query, TRUE, FALSE, _lia_store_is_server (self));
  if (!(stmt = _lia_store_prepare (self, sql, error)))
    return FALSE;
  bind_query (stmt, query, today);
  if (_lia_db_step (stmt) != LIA_DB_ROW)
    {
      _lia_store_set_error_from_db (self, error, "%s", _("Could not count the stakeholders"));
      return FALSE;
    }

  *out_count = (guint) _lia_db_column_int64 (stmt, 0);
  return TRUE;
}

LiaStakeholder *
lia_store_get_stakeholder (LiaStore       *self,
                           LiaRecordKind   kind,
                           gint64          id,
                           const GDate    *today,
                           const guint    *cadence,
                           GError        **error)
{
  g_autoptr(GPtrArray) found = NULL;
  LiaStakeholderQuery query;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);
  g_return_val_if_fail (kind == LIA_RECORD_KIND_ORGANIZATION || kind == LIA_RECORD_KIND_CONTACT, NULL);
  g_return_val_if_fail (id > 0, NULL);

  lia_stakeholder_query_init (&query);
  query.kinds = 1u << kind;
  query.only_id = id;
  query.today = today;
  if (cadence != NULL)
    memcpy (query.cadence, cadence, sizeof query.cadence);

  if (!(found = lia_store_list_stakeholders (self, &query, error)))
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_NOT_FOUND,
                   _("The record was not found: it may have been deleted meanwhile"));
      return NULL;
    }

  return g_ptr_array_steal_index (found, 0);
}

GPtrArray *
lia_store_list_concerns (LiaStore  *self,
                         guint      statuses,
                         GError   **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(LiaStmt) stmt = NULL;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);

  g_string_printf (sql, "SELECT %s FROM %s WHERE TRUE", _lia_concern_ops.columns, _lia_concern_ops.table);
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
