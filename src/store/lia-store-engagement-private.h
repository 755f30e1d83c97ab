/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-store-engagement.h"
#include "lia-store-private.h"

G_BEGIN_DECLS

/* Pages of a list by due day, influence or interest that end within this many rows read each
 * map cell's first rows only. */
#define LIA_STAKEHOLDER_FIRST_ROWS 256

/* A stakeholder list of one kind, for a LiaListModel: FROM (a subquery named t with every
 * column of the record's table and its figures: last_contact, cadence, next_contact,
 * recency), WHERE, and an ascending text key that orders the rows as @query says, by
 * @name_key (t.column) last; @server: the SQL for a team server. The same filters and figures as lia_store_list_stakeholders().
 * @out_first_from: for a list by due day (due for contact or not), or by influence or interest
 * (not due only), a FROM that holds the list's first :top rows (bind offset + limit, up to
 * LIA_STAKEHOLDER_FIRST_ROWS) and reads far fewer; else NULL. */
void _lia_stakeholder_list_sql   (const LiaStakeholderQuery  *query,
                                  LiaRecordKind               kind,
                                  const char                 *name_key,
                                  gboolean                    server,
                                  char                      **out_from,
                                  char                      **out_first_from,
                                  char                      **out_where,
                                  char                      **out_key);
/* The count of the list of @query from the indexes where they decide (the list due for
 * contact, nothing else filtered); NULL for any other query. */
char *_lia_stakeholder_count_sql (const LiaStakeholderQuery  *query,
                                  gboolean                    server);
/* Binds what those statements name (:today, the filters, the quadrants' cadences). */
void _lia_stakeholder_query_bind (LiaStmt                    *stmt,
                                  const LiaStakeholderQuery  *query);
/* Appends " AND @column = @parameter" ignoring case: COLLATE NOCASE on a file (SQLite only,
 * ASCII), lower () of both on a server (@server; it folds more than ASCII). */
void _lia_sql_append_equal_nocase (GString                    *sql,
                                   gboolean                    server,
                                   const char                 *column,
                                   const char                 *parameter);

G_END_DECLS
