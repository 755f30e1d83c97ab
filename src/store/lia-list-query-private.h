/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-store-private.h"
#include "lia-store-engagement.h"

G_BEGIN_DECLS

/* Where a row sits in a list: its sort key (a number or a folded name) and, to break ties,
 * its id. */
typedef struct
{
  gint64  number;
  char   *text;
  gint64  id;
} LiaListKey;

void _lia_list_key_clear (LiaListKey       *key);
void _lia_list_key_copy  (LiaListKey       *dest,
                          const LiaListKey *src);

/* The SQL behind one LiaListModel: what the list holds, in which order, and the keyed queries
 * that read a stretch of it or count up to a key. An organization's timeline keeps its own
 * list of rows (in a temporary table of the connection), because gathering an organization's
 * interactions and those of its people while they were there is too costly to repeat per page. */
typedef struct _LiaListQuery LiaListQuery;

/* The kept rows of every list on one connection. The store creates it when it opens the
 * connection: made later, inside a transaction that is rolled back, it would vanish. */
#define LIA_LIST_ROWS_TABLE_SQL \
  "CREATE TEMP TABLE IF NOT EXISTS lia_list_rows (" \
  "  list INTEGER NOT NULL, key INTEGER NOT NULL, item INTEGER NOT NULL," \
  "  PRIMARY KEY (list, key, item)) WITHOUT ROWID"
/* The same on a server: PostgreSQL has no WITHOUT ROWID (nor needs it). */
#define LIA_LIST_ROWS_TABLE_SQL_PORTABLE \
  "CREATE TEMP TABLE IF NOT EXISTS lia_list_rows (" \
  "  list BIGINT NOT NULL, key BIGINT NOT NULL, item BIGINT NOT NULL," \
  "  PRIMARY KEY (list, key, item))"

LiaListQuery       *_lia_list_query_new_timeline     (LiaStore                *store,
                                                      const LiaTimelineFilter *filter);
LiaListQuery       *_lia_list_query_new_by_name      (LiaStore                *store,
                                                      const LiaRecordOps      *ops);
/* Contacts by family name, or by given name when @given_first (see _lia_contact_sort_key()). */
LiaListQuery       *_lia_list_query_new_contacts     (LiaStore                *store,
                                                      gboolean                 given_first);
/* Organizations or contacts sorted and filtered as @query says (copied), in SQL; names by
 * given name first when @given_first. Changes are not followed row by row: the model reloads. */
LiaListQuery       *_lia_list_query_new_stakeholders (LiaStore                  *store,
                                                      LiaRecordKind              kind,
                                                      const LiaStakeholderQuery *query,
                                                      gboolean                   given_first);
/* The query of a stakeholder list, or %NULL. */
const LiaStakeholderQuery *_lia_list_query_get_stakeholders (LiaListQuery     *self);
void                _lia_list_query_free             (LiaListQuery            *self);

const LiaRecordOps *_lia_list_query_get_ops          (LiaListQuery            *self);
const LiaTimelineFilter *_lia_list_query_get_filter  (LiaListQuery            *self); /* NULL unless a timeline */
gboolean            _lia_list_query_keeps_rows       (LiaListQuery            *self);

/* Negative when @a comes before @b in the list. */
int                 _lia_list_query_compare          (LiaListQuery            *self,
                                                      const LiaListKey        *a,
                                                      const LiaListKey        *b);
void                _lia_list_query_key_of           (LiaListQuery            *self,
                                                      LiaRecord               *record,
                                                      LiaListKey              *out_key);

/* Gathers the rows again when the query keeps its own (no-op otherwise). */
gboolean            _lia_list_query_refresh          (LiaListQuery            *self,
                                                      GError                 **error);
gboolean            _lia_list_query_count            (LiaListQuery            *self,
                                                      guint                   *out_count,
                                                      GError                 **error);
/* Rows strictly before @key, counted from @anchor (rows at or after it) or from the start. */
gboolean            _lia_list_query_count_before     (LiaListQuery            *self,
                                                      const LiaListKey        *anchor,
                                                      const LiaListKey        *key,
                                                      guint                   *out_count,
                                                      GError                 **error);
/* Up to @limit records in list order. Forwards: starting @offset rows after the first row at or
 * after @anchor (NULL: the first row). Backwards: ending @offset rows before the last row
 * strictly before @anchor (NULL: the last row). @out_first gets the key of the first record.
 * Interactions come with their participants, read for the page in one query, and their names
 * go into @labels (nullable; see _lia_interactions_load_participants()). */
/* Whether the rows are the whole timeline, counted per day in interaction_days. */
gboolean            _lia_list_query_has_day_counts   (LiaListQuery            *self);
/* A key with the number of rows strictly before it, at or at most a day's rows before
 * @position, from the per-day counts alone (only when _lia_list_query_has_day_counts()).
 * *out_position is G_MAXUINT when the list has no row at @position. */
gboolean            _lia_list_query_day_anchor       (LiaListQuery            *self,
                                                      guint                    position,
                                                      LiaListKey              *out_key,
                                                      guint                   *out_position,
                                                      GError                 **error);
gboolean            _lia_list_query_read             (LiaListQuery            *self,
                                                      const LiaListKey        *anchor,
                                                      gboolean                 backwards,
                                                      guint                    offset,
                                                      guint                    limit,
                                                      GPtrArray               *records,
                                                      LiaListKey              *out_first,
                                                      GHashTable              *labels,
                                                      GError                 **error);
/* The most rows _lia_list_query_read_from_day() reads: the model's page (its size is written
 * in the statement, for the server's plan). */
#define LIA_LIST_QUERY_DAY_PAGE_ROWS 64
/* Whether _lia_list_query_read_from_day() can be used: the whole timeline on a server. */
gboolean            _lia_list_query_reads_from_day   (LiaListQuery            *self);
/* In one statement, what _lia_list_query_day_anchor() finds for @position and then
 * _lia_list_query_read() from that anchor: up to @limit records from @position. Reads nothing
 * when the day that holds @position starts @best rows or more before it, or the list has no
 * row at @position: then read the page another way. */
gboolean            _lia_list_query_read_from_day    (LiaListQuery            *self,
                                                      guint                    position,
                                                      guint                    best,
                                                      guint                    limit,
                                                      GPtrArray               *records,
                                                      LiaListKey              *out_first,
                                                      GHashTable              *labels,
                                                      GError                 **error);
/* The key @offset rows after the first row at or after @anchor (NULL: the first row); reads
 * only the index. @out_found is FALSE past the end. */
gboolean            _lia_list_query_key_at           (LiaListQuery            *self,
                                                      const LiaListKey        *anchor,
                                                      guint                    offset,
                                                      gboolean                *out_found,
                                                      LiaListKey              *out_key,
                                                      GError                 **error);
/* Whether the row with @id belongs to the list now (the database has the latest state). */
gboolean            _lia_list_query_contains         (LiaListQuery            *self,
                                                      gint64                   id,
                                                      gboolean                *out_contains,
                                                      GError                 **error);
/* Whether a record, as it was before a change, belonged to the list. */
gboolean            _lia_list_query_contained        (LiaListQuery            *self,
                                                      LiaRecord               *old,
                                                      gboolean                *out_contained,
                                                      GError                 **error);
/* Keeps the query's own rows in step with a change (no-op unless it keeps rows). */
gboolean            _lia_list_query_add_row          (LiaListQuery            *self,
                                                      const LiaListKey        *key,
                                                      GError                 **error);
gboolean            _lia_list_query_remove_row       (LiaListQuery            *self,
                                                      const LiaListKey        *key,
                                                      GError                 **error);

G_END_DECLS
