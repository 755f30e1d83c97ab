/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-store-engagement.h"
#include "lia-store-private.h"

G_BEGIN_DECLS

/* A stakeholder list of one kind, for a LiaListModel: FROM (a subquery named t with every
 * column of the record's table and its figures: last_contact, cadence, next_contact,
 * recency), WHERE, and an ascending text key that orders the rows as @query says, by
 * @name_key last. The same filters and figures as lia_store_list_stakeholders(). */
void _lia_stakeholder_list_sql   (const LiaStakeholderQuery  *query,
                                  LiaRecordKind               kind,
                                  const char                 *name_key,
                                  char                      **out_from,
                                  char                      **out_where,
                                  char                      **out_key);
/* Binds what those statements name (:today, the filters, the quadrants' cadences). */
void _lia_stakeholder_query_bind (LiaStmt                    *stmt,
                                  const LiaStakeholderQuery  *query);

G_END_DECLS
