/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-store"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-store-private.h"

#define ORGANIZATION_COLUMNS \
  "id, uid, created_at, updated_at, name, short_name, sector, parent_id, country, street," \
  " locality, region, postal_code, address_country, website, email, phone, notes, influence," \
  " interest, stance, cadence_days, version"

static LiaRecord *
organization_from_row (LiaStore  *store,
                       LiaStmt   *stmt,
                       GError   **error)
{
  g_autoptr(LiaOrganization) self = lia_organization_new (_lia_column_text (stmt, 4));
  LiaAssessment *assessment = lia_organization_get_assessment (self);
  g_auto(GStrv) tags = NULL;
  int stance;

  _lia_record_fill_common (LIA_RECORD (self), stmt);
  lia_organization_set_short_name (self, _lia_column_text (stmt, 5));
  lia_organization_set_sector (self, _lia_column_text (stmt, 6));
  lia_organization_set_parent_id (self, _lia_db_column_int64 (stmt, 7));
  lia_organization_set_country (self, _lia_column_text (stmt, 8));
  lia_organization_set_street (self, _lia_column_text (stmt, 9));
  lia_organization_set_locality (self, _lia_column_text (stmt, 10));
  lia_organization_set_region (self, _lia_column_text (stmt, 11));
  lia_organization_set_postal_code (self, _lia_column_text (stmt, 12));
  lia_organization_set_address_country (self, _lia_column_text (stmt, 13));
  lia_organization_set_website (self, _lia_column_text (stmt, 14));
  lia_organization_set_email (self, _lia_column_text (stmt, 15));
  lia_organization_set_phone (self, _lia_column_text (stmt, 16));
  lia_organization_set_notes (self, _lia_column_text (stmt, 17));
  lia_assessment_set_influence (assessment, _lia_db_column_int (stmt, 18));
  lia_assessment_set_interest (assessment, _lia_db_column_int (stmt, 19));
  if (!_lia_column_nick (stmt, 20, LIA_TYPE_STANCE, &stance, error))
    return NULL;
  lia_assessment_set_stance (assessment, stance);
  lia_assessment_set_cadence_days (assessment, _lia_db_column_type (stmt, 21) == LIA_DB_NULL
                                               ? LIA_CADENCE_DEFAULT : _lia_db_column_int (stmt, 21));

  tags = _lia_store_load_strv (store, "organization_tags", "organization_id", "tag",
                               lia_record_get_id (LIA_RECORD (self)), error);
  if (tags == NULL)
    return NULL;
  lia_organization_set_tags (self, (const char * const *) tags);

  return LIA_RECORD (g_steal_pointer (&self));
}

/* Binds ?1..?21, ?23 in the order of the INSERT and UPDATE statements below. */
static void
bind_organization (LiaStmt         *stmt,
                   LiaOrganization *self)
{
  LiaRecord *record = LIA_RECORD (self);
  LiaAssessment *assessment = lia_organization_get_assessment (self);
  g_autofree char *sort_key = _lia_sort_key (lia_organization_get_name (self));

  _lia_bind_text (stmt, 1, lia_record_get_uid (record));
  _lia_bind_text (stmt, 2, lia_organization_get_name (self));
  _lia_bind_text (stmt, 3, lia_organization_get_short_name (self));
  _lia_bind_text (stmt, 4, lia_organization_get_sector (self));
  _lia_bind_ref (stmt, 5, lia_organization_get_parent_id (self));
  _lia_bind_text (stmt, 6, lia_organization_get_country (self));
  _lia_bind_text (stmt, 7, lia_organization_get_street (self));
  _lia_bind_text (stmt, 8, lia_organization_get_locality (self));
  _lia_bind_text (stmt, 9, lia_organization_get_region (self));
  _lia_bind_text (stmt, 10, lia_organization_get_postal_code (self));
  _lia_bind_text (stmt, 11, lia_organization_get_address_country (self));
  _lia_bind_text (stmt, 12, lia_organization_get_website (self));
  _lia_bind_text (stmt, 13, lia_organization_get_email (self));
  _lia_bind_text (stmt, 14, lia_organization_get_phone (self));
  _lia_bind_text (stmt, 15, lia_organization_get_notes (self));
  _lia_db_bind_int (stmt, 16, lia_assessment_get_influence (assessment));
  _lia_db_bind_int (stmt, 17, lia_assessment_get_interest (assessment));
  _lia_bind_nick (stmt, 18, LIA_TYPE_STANCE, lia_assessment_get_stance (assessment));
  _lia_db_bind_text (stmt, 19, sort_key, -1, LIA_DB_TRANSIENT);
  _lia_bind_time (stmt, 20, lia_record_get_created_at (record));
  _lia_bind_time (stmt, 21, lia_record_get_updated_at (record));
  _lia_bind_cadence (stmt, 23, assessment);
}

static gboolean
check_parent (LiaStore        *store,
              LiaOrganization *self,
              GError         **error)
{
  gint64 id = lia_record_get_id (LIA_RECORD (self));
  gint64 parent_id = lia_organization_get_parent_id (self);
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  if (!_lia_store_check_reference (store, "organizations", parent_id,
                                   _("its parent organization"), LIA_RECORD (self), error))
    return FALSE;

  if (id <= 0 || parent_id <= 0)
    return TRUE;

  /* Walk up from the new parent: meeting ourselves would make a loop. */
  stmt = _lia_store_prepare (store,
                             "WITH RECURSIVE up (id) AS ("
                             "  VALUES (CAST (?1 AS BIGINT))"
                             "  UNION SELECT o.parent_id FROM organizations o JOIN up ON o.id = up.id"
                             "  WHERE o.parent_id IS NOT NULL)"
                             "SELECT 1 FROM up WHERE id = ?2",
                             error);
  if (stmt == NULL)
    return FALSE;
  _lia_db_bind_int64 (stmt, 1, parent_id);
  _lia_db_bind_int64 (stmt, 2, id);

  rc = _lia_db_step (stmt);
  if (rc == LIA_DB_ROW)
    {
      g_set_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_INVALID,
                   _("“%s” cannot be part of an organization that is itself part of “%s”."),
                   lia_organization_get_name (self), lia_organization_get_name (self));
      return FALSE;
    }
  if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (store, error, _("Could not read the database"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
save_tags (LiaStore        *store,
           LiaOrganization *self,
           GError         **error)
{
  return _lia_store_replace_strv (store, "organization_tags", "organization_id", "tag",
                                  lia_record_get_id (LIA_RECORD (self)),
                                  lia_organization_get_tags (self), error);
}

static gboolean
organization_insert (LiaStore   *store,
                     LiaRecord  *record,
                     GError    **error)
{
  LiaOrganization *self = LIA_ORGANIZATION (record);
  g_autoptr(LiaStmt) stmt = NULL;

  if (!check_parent (store, self, error))
    return FALSE;

  stmt = _lia_store_prepare (store,
                             "INSERT INTO organizations (uid, name, short_name, sector, parent_id,"
                             " country, street, locality, region, postal_code, address_country,"
                             " website, email, phone, notes, influence, interest, stance, sort_key,"
                             " created_at, updated_at, cadence_days)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
                             " ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?23) RETURNING id",
                             error);
  if (stmt == NULL)
    return FALSE;

  bind_organization (stmt, self);
  if (!_lia_store_step_insert (store, stmt, record, N_("Could not save the organization"), error) ||
      !_lia_store_write_first_assessment (store, record, lia_organization_get_assessment (self),
                                          error))
    return FALSE;

  return save_tags (store, self, error);
}

static gboolean
organization_update (LiaStore   *store,
                     LiaRecord  *record,
                     GError    **error)
{
  LiaOrganization *self = LIA_ORGANIZATION (record);
  g_autoptr(LiaStmt) stmt = NULL;

  if (!check_parent (store, self, error))
    return FALSE;

  stmt = _lia_store_prepare (store,
                             "UPDATE organizations SET uid = ?1, name = ?2, short_name = ?3,"
                             " sector = ?4, parent_id = ?5, country = ?6, street = ?7,"
                             " locality = ?8, region = ?9, postal_code = ?10,"
                             " address_country = ?11, website = ?12, email = ?13, phone = ?14,"
                             " notes = ?15, influence = ?16, interest = ?17, stance = ?18,"
                             " sort_key = ?19, created_at = ?20, updated_at = ?21,"
                             " cadence_days = ?23, version = version + 1 WHERE id = ?22",
                             error);
  if (stmt == NULL)
    return FALSE;

  bind_organization (stmt, self);
  _lia_db_bind_int64 (stmt, 22, lia_record_get_id (record));
  if (!_lia_store_step_done (store, stmt, N_("Could not save the organization"), error))
    return FALSE;

  return save_tags (store, self, error);
}

static gboolean
organization_before_delete (LiaStore   *store,
                            LiaRecord  *record,
                            GError    **error)
{
  LiaOrganization *self = LIA_ORGANIZATION (record);
  g_autoptr(LiaStmt) stmt = NULL;

  /* Sub-organizations move up rather than lose their place in the hierarchy. */
  stmt = _lia_store_prepare (store,
                             "UPDATE organizations SET parent_id = ?2 WHERE parent_id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  _lia_db_bind_int64 (stmt, 1, lia_record_get_id (record));
  _lia_bind_ref (stmt, 2, lia_organization_get_parent_id (self));

  return _lia_store_step_done (store, stmt, N_("Could not move the sub-organizations"), error);
}

const LiaRecordOps _lia_organization_ops = {
  .kind = LIA_RECORD_KIND_ORGANIZATION,
  .table = "organizations",
  .columns = ORGANIZATION_COLUMNS,
  .get_type = lia_organization_get_type,
  .from_row = organization_from_row,
  .insert = organization_insert,
  .update = organization_update,
  .before_delete = organization_before_delete,
};
