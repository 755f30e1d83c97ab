/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-store"

#include "config.h"

#include "lia-store-private.h"
#include "lia-store-window.h"

#define BY_SEVERITY \
  " ORDER BY CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2" \
  " ELSE 3 END, opened_date IS NULL, opened_date, id"

GPtrArray *
lia_store_list_concerns_for_interaction (LiaStore  *self,
                                         gint64     interaction_id,
                                         GError   **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(LiaStmt) stmt = NULL;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);

  sql = g_strdup_printf ("SELECT %s FROM concerns WHERE id IN (SELECT concern_id FROM"
                         " concern_interactions WHERE interaction_id = ?1)" BY_SEVERITY,
                         _lia_concern_ops.columns);
  if (!(stmt = _lia_store_prepare (self, sql, error)))
    return NULL;
  _lia_db_bind_int64 (stmt, 1, interaction_id);

  return _lia_store_collect (self, &_lia_concern_ops, stmt, error);
}
