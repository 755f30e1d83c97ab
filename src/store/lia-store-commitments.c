/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-store"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-store-private.h"

#define COMMITMENT_COLUMNS \
  "id, uid, created_at, updated_at, title, notes, direction, status, due_date, contact_id," \
  " organization_id, interaction_id, done_date, version"

static LiaRecord *
commitment_from_row (LiaStore  *store,
                     LiaStmt   *stmt,
                     GError   **error)
{
  g_autoptr(LiaCommitment) self = NULL;
  g_autoptr(GDate) due_date = NULL;
  g_autoptr(GDate) done_date = NULL;
  int direction;
  int status;

  if (!_lia_column_nick (stmt, 6, LIA_TYPE_COMMITMENT_DIRECTION, &direction, error) ||
      !_lia_column_nick (stmt, 7, LIA_TYPE_COMMITMENT_STATUS, &status, error))
    return NULL;

  self = lia_commitment_new (direction, _lia_column_text (stmt, 4));
  _lia_record_fill_common (LIA_RECORD (self), stmt);
  lia_commitment_set_notes (self, _lia_column_text (stmt, 5));
  lia_commitment_set_status (self, status);
  due_date = _lia_column_date (stmt, 8);
  lia_commitment_set_due_date (self, due_date);
  /* A NULL reference reads as 0: "none". */
  lia_commitment_set_contact_id (self, _lia_db_column_int64 (stmt, 9));
  lia_commitment_set_organization_id (self, _lia_db_column_int64 (stmt, 10));
  lia_commitment_set_interaction_id (self, _lia_db_column_int64 (stmt, 11));
  /* After the status, which would say "done today". */
  done_date = _lia_column_date (stmt, 12);
  lia_commitment_set_done_date (self, done_date);

  return LIA_RECORD (g_steal_pointer (&self));
}

/* Binds ?1..?12 in the order of the INSERT and UPDATE statements below. */
static void
bind_commitment (LiaStmt       *stmt,
                 LiaCommitment *self)
{
  LiaRecord *record = LIA_RECORD (self);

  _lia_bind_text (stmt, 1, lia_record_get_uid (record));
  _lia_bind_text (stmt, 2, lia_commitment_get_title (self));
  _lia_bind_text (stmt, 3, lia_commitment_get_notes (self));
  _lia_bind_nick (stmt, 4, LIA_TYPE_COMMITMENT_DIRECTION, lia_commitment_get_direction (self));
  _lia_bind_nick (stmt, 5, LIA_TYPE_COMMITMENT_STATUS, lia_commitment_get_status (self));
  _lia_bind_date (stmt, 6, lia_commitment_get_due_date (self));
  _lia_bind_ref (stmt, 7, lia_commitment_get_contact_id (self));
  _lia_bind_ref (stmt, 8, lia_commitment_get_organization_id (self));
  _lia_bind_ref (stmt, 9, lia_commitment_get_interaction_id (self));
  _lia_bind_time (stmt, 10, lia_record_get_created_at (record));
  _lia_bind_time (stmt, 11, lia_record_get_updated_at (record));
  _lia_bind_date (stmt, 12, lia_commitment_get_done_date (self));
}

static gboolean
check_references (LiaStore       *store,
                  LiaCommitment  *self,
                  GError        **error)
{
  LiaRecord *record = LIA_RECORD (self);

  return _lia_store_check_reference (store, "contacts", lia_commitment_get_contact_id (self),
                                     _("its counterpart contact"), record, error) &&
         _lia_store_check_reference (store, "organizations",
                                     lia_commitment_get_organization_id (self),
                                     _("its counterpart organization"), record, error) &&
         _lia_store_check_reference (store, "interactions",
                                     lia_commitment_get_interaction_id (self),
                                     _("the interaction where it was promised"), record, error);
}

static gboolean
commitment_insert (LiaStore   *store,
                   LiaRecord  *record,
                   GError    **error)
{
  LiaCommitment *self = LIA_COMMITMENT (record);
  g_autoptr(LiaStmt) stmt = NULL;

  if (!check_references (store, self, error))
    return FALSE;

  stmt = _lia_store_prepare (store,
                             "INSERT INTO commitments (uid, title, notes, direction, status,"
                             " due_date, contact_id, organization_id, interaction_id, created_at,"
                             " updated_at, done_date)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) RETURNING id",
                             error);
  if (stmt == NULL)
    return FALSE;

  bind_commitment (stmt, self);
  if (!_lia_store_step_insert (store, stmt, record, N_("Could not save the commitment"), error))
    return FALSE;

  return TRUE;
}

static gboolean
commitment_update (LiaStore   *store,
                   LiaRecord  *record,
                   GError    **error)
{
  LiaCommitment *self = LIA_COMMITMENT (record);
  g_autoptr(LiaStmt) stmt = NULL;

  if (!check_references (store, self, error))
    return FALSE;

  stmt = _lia_store_prepare (store,
                             "UPDATE commitments SET uid = ?1, title = ?2, notes = ?3,"
                             " direction = ?4, status = ?5, due_date = ?6, contact_id = ?7,"
                             " organization_id = ?8, interaction_id = ?9, created_at = ?10,"
                             " updated_at = ?11, done_date = ?12"
                             ", version = version + 1 WHERE id = ?13",
                             error);
  if (stmt == NULL)
    return FALSE;

  bind_commitment (stmt, self);
  _lia_db_bind_int64 (stmt, 13, lia_record_get_id (record));

  return _lia_store_step_done (store, stmt, N_("Could not save the commitment"), error);
}

const LiaRecordOps _lia_commitment_ops = {
  .kind = LIA_RECORD_KIND_COMMITMENT,
  .table = "commitments",
  .columns = COMMITMENT_COLUMNS,
  .get_type = lia_commitment_get_type,
  .from_row = commitment_from_row,
  .insert = commitment_insert,
  .update = commitment_update,
  .before_delete = NULL,
};
