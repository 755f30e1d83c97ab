/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-store"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-store-private.h"

#define AFFILIATION_COLUMNS \
  "id, uid, created_at, updated_at, contact_id, organization_id, role, from_date, until_date," \
  " is_primary, unit, version"

static LiaRecord *
affiliation_from_row (LiaStore  *store,
                      LiaStmt   *stmt,
                      GError   **error)
{
  g_autoptr(LiaAffiliation) self = lia_affiliation_new (_lia_db_column_int64 (stmt, 4),
                                                        _lia_db_column_int64 (stmt, 5),
                                                        _lia_column_text (stmt, 6));
  g_autoptr(GDate) from = _lia_column_date (stmt, 7);
  g_autoptr(GDate) until = _lia_column_date (stmt, 8);

  _lia_record_fill_common (LIA_RECORD (self), stmt);
  lia_affiliation_set_from (self, from);
  lia_affiliation_set_until (self, until);
  lia_affiliation_set_primary (self, _lia_db_column_int (stmt, 9) != 0);
  lia_affiliation_set_unit (self, _lia_column_text (stmt, 10));

  return LIA_RECORD (g_steal_pointer (&self));
}

/* Binds ?1..?10 in the order of the INSERT and UPDATE statements below. */
static void
bind_affiliation (LiaStmt        *stmt,
                  LiaAffiliation *self)
{
  LiaRecord *record = LIA_RECORD (self);

  _lia_bind_text (stmt, 1, lia_record_get_uid (record));
  _lia_bind_ref (stmt, 2, lia_affiliation_get_contact_id (self));
  _lia_bind_ref (stmt, 3, lia_affiliation_get_organization_id (self));
  _lia_bind_text (stmt, 4, lia_affiliation_get_role (self));
  _lia_bind_date (stmt, 5, lia_affiliation_get_from (self));
  _lia_bind_date (stmt, 6, lia_affiliation_get_until (self));
  _lia_db_bind_int (stmt, 7, lia_affiliation_get_primary (self) ? 1 : 0);
  _lia_bind_time (stmt, 8, lia_record_get_created_at (record));
  _lia_bind_time (stmt, 9, lia_record_get_updated_at (record));
  _lia_bind_text (stmt, 10, lia_affiliation_get_unit (self));
}

static gboolean
check_references (LiaStore        *store,
                  LiaAffiliation  *self,
                  GError         **error)
{
  return _lia_store_check_reference (store, "contacts", lia_affiliation_get_contact_id (self),
                                     _("its contact"), LIA_RECORD (self), error) &&
         _lia_store_check_reference (store, "organizations",
                                     lia_affiliation_get_organization_id (self),
                                     _("its organization"), LIA_RECORD (self), error);
}

static gboolean
affiliation_insert (LiaStore   *store,
                    LiaRecord  *record,
                    GError    **error)
{
  LiaAffiliation *self = LIA_AFFILIATION (record);
  g_autoptr(LiaStmt) stmt = NULL;

  if (!check_references (store, self, error))
    return FALSE;

  stmt = _lia_store_prepare (store,
                             "INSERT INTO affiliations (uid, contact_id, organization_id, role,"
                             " from_date, until_date, is_primary, created_at, updated_at, unit)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id",
                             error);
  if (stmt == NULL)
    return FALSE;

  bind_affiliation (stmt, self);
  if (!_lia_store_step_insert (store, stmt, record, N_("Could not save the affiliation"), error))
    return FALSE;

  return TRUE;
}

static gboolean
affiliation_update (LiaStore   *store,
                    LiaRecord  *record,
                    GError    **error)
{
  LiaAffiliation *self = LIA_AFFILIATION (record);
  g_autoptr(LiaStmt) stmt = NULL;

  if (!check_references (store, self, error))
    return FALSE;

  stmt = _lia_store_prepare (store,
                             "UPDATE affiliations SET uid = ?1, contact_id = ?2,"
                             " organization_id = ?3, role = ?4, from_date = ?5, until_date = ?6,"
                             " is_primary = ?7, created_at = ?8, updated_at = ?9, unit = ?10"
                             ", version = version + 1 WHERE id = ?11",
                             error);
  if (stmt == NULL)
    return FALSE;

  bind_affiliation (stmt, self);
  _lia_db_bind_int64 (stmt, 11, lia_record_get_id (record));

  return _lia_store_step_done (store, stmt, N_("Could not save the affiliation"), error);
}

const LiaRecordOps _lia_affiliation_ops = {
  .kind = LIA_RECORD_KIND_AFFILIATION,
  .table = "affiliations",
  .columns = AFFILIATION_COLUMNS,
  .get_type = lia_affiliation_get_type,
  .from_row = affiliation_from_row,
  .insert = affiliation_insert,
  .update = affiliation_update,
  .before_delete = NULL,
};
