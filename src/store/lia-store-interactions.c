/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-store"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-store-private.h"

#define INTERACTION_COLUMNS \
  "id, uid, created_at, updated_at, kind, at_utc, at_offset, duration_minutes, title, location," \
  " summary, outcome, sentiment, cancelled, sequence, version"

/* A walk over every interaction reads the participants alongside (lia-store-stream.c). */
static gboolean
take_participants (LiaStore        *store,
                   LiaInteraction  *self,
                   LiaRowStream    *contacts,
                   LiaRowStream    *organizations,
                   GError         **error)
{
  gint64 id = lia_record_get_id (LIA_RECORD (self));
  const char *uid = lia_record_get_uid (LIA_RECORD (self));

  for (; _lia_row_stream_at (contacts, id, uid); _lia_row_stream_next (contacts))
    lia_interaction_add_contact (self, _lia_db_column_int64 (_lia_row_stream_row (contacts), 2));
  for (; _lia_row_stream_at (organizations, id, uid); _lia_row_stream_next (organizations))
    lia_interaction_add_organization (self, _lia_db_column_int64 (_lia_row_stream_row (organizations), 2));

  return !_lia_row_stream_failed (store, contacts, error) &&
         !_lia_row_stream_failed (store, organizations, error);
}

static gboolean
load_participants (LiaStore        *store,
                   LiaInteraction  *self,
                   LiaStmt         *walk,
                   GError         **error)
{
  LiaRowStream *contacts = _lia_store_get_row_stream (store, walk, LIA_ROW_STREAM_INTERACTION_CONTACTS);
  LiaRowStream *organizations = _lia_store_get_row_stream (store, walk, LIA_ROW_STREAM_INTERACTION_ORGANIZATIONS);
  gint64 id = lia_record_get_id (LIA_RECORD (self));
  int rc;

  if (contacts != NULL && organizations != NULL)
    return take_participants (store, self, contacts, organizations, error);

  {
    g_autoptr(LiaStmt) stmt =
      _lia_store_prepare (store,
                          "SELECT contact_id FROM interaction_contacts"
                          " WHERE interaction_id = ?1 ORDER BY position",
                          error);
    if (stmt == NULL)
      return FALSE;
    _lia_db_bind_int64 (stmt, 1, id);
    while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
      lia_interaction_add_contact (self, _lia_db_column_int64 (stmt, 0));
    if (rc != LIA_DB_DONE)
      goto fail;
  }

  {
    g_autoptr(LiaStmt) stmt =
      _lia_store_prepare (store,
                          "SELECT organization_id FROM interaction_organizations"
                          " WHERE interaction_id = ?1 ORDER BY position",
                          error);
    if (stmt == NULL)
      return FALSE;
    _lia_db_bind_int64 (stmt, 1, id);
    while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
      lia_interaction_add_organization (self, _lia_db_column_int64 (stmt, 0));
    if (rc != LIA_DB_DONE)
      goto fail;
  }

  return TRUE;

fail:
  _lia_store_set_error_from_db (store, error, _("Could not read the participants"));
  return FALSE;
}

/* Interactions keep the offset they were entered with, and there are few distinct ones:
 * making the zone from its name each time was a few percent of reading them all. Bounded,
 * and shared by every thread (exports run in one). */
static GTimeZone *
zone_for_offset (gint32 seconds)
{
  static GHashTable *zones;
  G_LOCK_DEFINE_STATIC (zones);
  GTimeZone *zone;

  G_LOCK (zones);
  if (zones == NULL)
    zones = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_time_zone_unref);
  zone = g_hash_table_lookup (zones, GINT_TO_POINTER (seconds));
  if (zone == NULL)
    {
      zone = g_time_zone_new_offset (seconds);
      if (g_hash_table_size (zones) >= 256)
        {
          G_UNLOCK (zones);
          return zone;
        }
      g_hash_table_insert (zones, GINT_TO_POINTER (seconds), zone);
    }
  g_time_zone_ref (zone);
  G_UNLOCK (zones);
  return zone;
}

LiaRecord *
_lia_interaction_from_row_bare (LiaStore  *store,
                                LiaStmt   *stmt,
                                GError   **error)
{
  g_autoptr(LiaInteraction) self = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  int kind;

  if (!_lia_column_nick (stmt, 4, LIA_TYPE_INTERACTION_KIND, &kind, error))
    return NULL;

  /* Give the instant back in the offset it was entered with. */
  utc = _lia_column_time (stmt, 5);
  zone = zone_for_offset (_lia_db_column_int (stmt, 6));
  if (utc != NULL)
    at = g_date_time_to_timezone (utc, zone);

  self = lia_interaction_new (kind, at, _lia_column_text (stmt, 8));
  _lia_record_fill_common (LIA_RECORD (self), stmt);
  lia_interaction_set_duration_minutes (self, _lia_db_column_int (stmt, 7));
  lia_interaction_set_location (self, _lia_column_text (stmt, 9));
  lia_interaction_set_summary (self, _lia_column_text (stmt, 10));
  lia_interaction_set_outcome (self, _lia_column_text (stmt, 11));
  lia_interaction_set_sentiment (self, _lia_db_column_int (stmt, 12));
  lia_interaction_set_cancelled (self, _lia_db_column_int (stmt, 13) != 0);
  lia_interaction_set_sequence (self, (guint) MAX (_lia_db_column_int (stmt, 14), 0));

  return LIA_RECORD (g_steal_pointer (&self));
}

static LiaRecord *
interaction_from_row (LiaStore  *store,
                      LiaStmt   *stmt,
                      GError   **error)
{
  g_autoptr(LiaRecord) self = _lia_interaction_from_row_bare (store, stmt, error);

  if (self == NULL || !load_participants (store, LIA_INTERACTION (self), stmt, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* The participants of up to LIA_PAGE_PARTICIPANTS_MAX interactions and their names, in one
 * query: contacts then organizations, each in their order, as load_participants() reads them.
 * Plain "?" placeholders, each list bound twice (once per branch), so that the SQL is the same
 * for every backend. */
#define PAGE_IDS \
  "?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?," \
  "?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?"
G_STATIC_ASSERT (sizeof (PAGE_IDS) == 2 * LIA_PAGE_PARTICIPANTS_MAX);

void
_lia_interaction_take_participant (LiaInteraction *interaction,
                                   gboolean        is_contact,
                                   gint64          id,
                                   const char     *label,
                                   GHashTable     *labels)
{
  if (is_contact)
    lia_interaction_add_contact (interaction, id);
  else
    lia_interaction_add_organization (interaction, id);

  if (labels != NULL)
    {
      gint64 key = (id << 3) | (is_contact ? LIA_RECORD_KIND_CONTACT : LIA_RECORD_KIND_ORGANIZATION);

      g_hash_table_replace (labels, g_memdup2 (&key, sizeof key), g_strdup (label));
    }
}

gboolean
_lia_interactions_load_participants (LiaStore   *store,
                                     GPtrArray  *interactions,
                                     guint       first,
                                     guint       n,
                                     GHashTable *labels,
                                     GError    **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(LiaStmt) stmt = NULL;
  gint64 ids[LIA_PAGE_PARTICIPANTS_MAX];
  int rc;

  g_return_val_if_fail (n <= LIA_PAGE_PARTICIPANTS_MAX && first + n <= interactions->len, FALSE);

  if (n == 0)
    return TRUE;

  stmt = _lia_store_prepare (store,
                             "SELECT p.interaction_id, 0, p.contact_id, p.position, c.label"
                             "  FROM interaction_contacts p JOIN contacts c ON c.id = p.contact_id"
                             " WHERE p.interaction_id IN (" PAGE_IDS ")"
                             " UNION ALL "
                             "SELECT p.interaction_id, 1, p.organization_id, p.position, o.name"
                             "  FROM interaction_organizations p"
                             "  JOIN organizations o ON o.id = p.organization_id"
                             " WHERE p.interaction_id IN (" PAGE_IDS ")"
                             " ORDER BY 1, 2, 4",
                             error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < LIA_PAGE_PARTICIPANTS_MAX; i++)
    {
      if (i < n)
        {
          LiaRecord *record = interactions->pdata[first + i];

          ids[i] = lia_record_get_id (record);
          g_hash_table_insert (by_id, &ids[i], record);
          _lia_db_bind_int64 (stmt, i + 1, ids[i]);
          _lia_db_bind_int64 (stmt, LIA_PAGE_PARTICIPANTS_MAX + i + 1, ids[i]);
        }
      else
        {
          /* No interaction has id 0. */
          _lia_db_bind_int64 (stmt, i + 1, 0);
          _lia_db_bind_int64 (stmt, LIA_PAGE_PARTICIPANTS_MAX + i + 1, 0);
        }
    }

  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    {
      gint64 interaction_id = _lia_db_column_int64 (stmt, 0);
      gboolean is_contact = _lia_db_column_int (stmt, 1) == 0;
      gint64 id = _lia_db_column_int64 (stmt, 2);
      LiaInteraction *interaction = g_hash_table_lookup (by_id, &interaction_id);

      if (interaction != NULL)
        _lia_interaction_take_participant (interaction, is_contact, id,
                                           _lia_column_text (stmt, 4), labels);
    }

  if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (store, error, _("Could not read the participants"));
      return FALSE;
    }

  return TRUE;
}

static void
bind_interaction (LiaStmt        *stmt,
                  LiaInteraction *self)
{
  LiaRecord *record = LIA_RECORD (self);
  GDateTime *at = lia_interaction_get_at (self);
  g_autofree char *formatted = NULL;
  char day[16];
  int year, month, day_of_month;

  /* What g_date_time_format (at, "%Y-%m-%d") gives, without a format parser per interaction
   * (2% of an import); years of other widths go the long way. */
  g_date_time_get_ymd (at, &year, &month, &day_of_month);
  if (year >= 1000 && year <= 9999)
    g_snprintf (day, sizeof day, "%d-%02d-%02d", year, month, day_of_month);
  else
    {
      formatted = g_date_time_format (at, "%Y-%m-%d");
      g_strlcpy (day, formatted, sizeof day);
    }

  _lia_bind_text (stmt, 1, lia_record_get_uid (record));
  _lia_bind_nick (stmt, 2, LIA_TYPE_INTERACTION_KIND, lia_interaction_get_kind (self));
  _lia_bind_time (stmt, 3, at);
  _lia_db_bind_int (stmt, 4, (int) (g_date_time_get_utc_offset (at) / G_USEC_PER_SEC));
  _lia_db_bind_text (stmt, 5, day, -1, LIA_DB_TRANSIENT);
  _lia_db_bind_int64 (stmt, 6, lia_interaction_get_duration_minutes (self));
  _lia_bind_text (stmt, 7, lia_interaction_get_title (self));
  _lia_bind_text (stmt, 8, lia_interaction_get_location (self));
  _lia_bind_text (stmt, 9, lia_interaction_get_summary (self));
  _lia_bind_text (stmt, 10, lia_interaction_get_outcome (self));
  _lia_db_bind_int (stmt, 11, lia_interaction_get_sentiment (self));
  _lia_bind_time (stmt, 12, lia_record_get_created_at (record));
  _lia_bind_time (stmt, 13, lia_record_get_updated_at (record));
  _lia_db_bind_int (stmt, 14, lia_interaction_get_cancelled (self) ? 1 : 0);
  _lia_db_bind_int (stmt, 15, (int) lia_interaction_get_sequence (self));
}

static gboolean
save_participant_list (LiaStore       *store,
                       LiaInteraction *self,
                       const char     *delete_sql,
                       const char     *insert_sql,
                       const char     *table,
                       const char     *what,
                       const GArray   *ids,
                       gboolean        fresh,
                       GError        **error)
{
  gint64 id = lia_record_get_id (LIA_RECORD (self));

  /* A new interaction has no participants to remove yet. */
  if (!fresh)
    {
      g_autoptr(LiaStmt) delete = NULL;

      if (!(delete = _lia_store_prepare (store, delete_sql, error)))
        return FALSE;
      _lia_db_bind_int64 (delete, 1, id);
      if (!_lia_store_step_done (store, delete, N_("Could not save the participants"), error))
        return FALSE;
    }

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      gint64 participant = g_array_index (ids, gint64, i);
      g_autoptr(LiaStmt) insert = NULL;

      /* In import mode the importer resolved them (and the foreign keys refuse a dangling
       * one): nothing to check, nor to translate. */
      if (!_lia_store_get_import_mode (store) &&
          !_lia_store_check_reference (store, table, participant, _(what), LIA_RECORD (self), error))
        return FALSE;

      /* One statement per row: two rows in one INSERT took 8–12% more CPU than two inserts
       * of one (SQLite 3.40; a statement of several rows keeps a statement journal, as a row
       * after the first may break a key). */
      if (!(insert = _lia_store_prepare (store, insert_sql, error)))
        return FALSE;
      _lia_db_bind_int64 (insert, 1, id);
      _lia_db_bind_int64 (insert, 2, participant);
      _lia_db_bind_int (insert, 3, i);
      if (!_lia_store_step_done (store, insert, N_("Could not save the participants"), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
save_participants (LiaStore       *store,
                   LiaInteraction *self,
                   gboolean        fresh,
                   GError        **error)
{
  return save_participant_list (store, self,
                                "DELETE FROM interaction_contacts WHERE interaction_id = ?1",
                                "INSERT INTO interaction_contacts (interaction_id, contact_id, position)"
                                " VALUES (?1, ?2, ?3)",
                                "contacts", N_("a participating contact"),
                                lia_interaction_get_contact_ids (self), fresh, error) &&
         save_participant_list (store, self,
                                "DELETE FROM interaction_organizations WHERE interaction_id = ?1",
                                "INSERT INTO interaction_organizations (interaction_id, organization_id, position)"
                                " VALUES (?1, ?2, ?3)",
                                "organizations", N_("a participating organization"),
                                lia_interaction_get_organization_ids (self), fresh, error);
}

static gboolean
interaction_insert (LiaStore   *store,
                    LiaRecord  *record,
                    GError    **error)
{
  LiaInteraction *self = LIA_INTERACTION (record);
  g_autoptr(LiaStmt) stmt = NULL;

  stmt = _lia_store_prepare (store,
                             "INSERT INTO interactions (uid, kind, at_utc, at_offset, day,"
                             " duration_minutes, title, location, summary, outcome, sentiment,"
                             " created_at, updated_at, cancelled, sequence)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) RETURNING id",
                             error);
  if (stmt == NULL)
    return FALSE;

  bind_interaction (stmt, self);
  if (!_lia_store_step_insert (store, stmt, record, N_("Could not save the interaction"), error))
    return FALSE;

  return save_participants (store, self, TRUE, error);
}

static gboolean
interaction_update (LiaStore   *store,
                    LiaRecord  *record,
                    GError    **error)
{
  LiaInteraction *self = LIA_INTERACTION (record);
  g_autoptr(LiaStmt) stmt = NULL;

  stmt = _lia_store_prepare (store,
                             "UPDATE interactions SET uid = ?1, kind = ?2, at_utc = ?3,"
                             " at_offset = ?4, day = ?5, duration_minutes = ?6, title = ?7,"
                             " location = ?8, summary = ?9, outcome = ?10, sentiment = ?11,"
                             " created_at = ?12, updated_at = ?13, cancelled = ?14, sequence = ?15"
                             ", version = version + 1 WHERE id = ?16",
                             error);
  if (stmt == NULL)
    return FALSE;

  bind_interaction (stmt, self);
  _lia_db_bind_int64 (stmt, 16, lia_record_get_id (record));
  if (!_lia_store_step_done (store, stmt, N_("Could not save the interaction"), error))
    return FALSE;

  return save_participants (store, self, FALSE, error);
}

const LiaRecordOps _lia_interaction_ops = {
  .kind = LIA_RECORD_KIND_INTERACTION,
  .table = "interactions",
  .columns = INTERACTION_COLUMNS,
  .get_type = lia_interaction_get_type,
  .from_row = interaction_from_row,
  .insert = interaction_insert,
  .update = interaction_update,
  .before_delete = NULL,
};
