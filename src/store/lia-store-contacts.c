/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-store"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-store-private.h"

#define CONTACT_COLUMNS \
  "id, uid, created_at, updated_at, honorific, given_name, family_name, suffix, display_name," \
  " label, job_title, time_zone, preferred_channel, notes, influence, interest, stance," \
  " nickname, birthday, cadence_days, version"

/* Emails and phones share one table; "medium" tells them apart and each keeps its own order.
 * @row's columns from @first: medium, kind, value. */
static gboolean
add_contact_point (LiaContact  *self,
                   LiaStmt     *row,
                   int          first,
                   GError     **error)
{
  const char *medium = _lia_column_text (row, first);
  const char *value = _lia_column_text (row, first + 2);
  int kind;

  if (!_lia_column_nick (row, first + 1, LIA_TYPE_CONTACT_POINT_KIND, &kind, error))
    return FALSE;

  /* The schema's CHECK allows only these two media. */
  if (g_str_equal (medium, "email"))
    lia_contact_add_email (self, kind, value);
  else
    lia_contact_add_phone (self, kind, value);
  return TRUE;
}

/* The rows of @self in @stream (a walk over all contacts: lia-store-stream.c), each given to
 * @add with the first column of its values. */
static gboolean
take_stream_rows (LiaStore      *store,
                  LiaContact    *self,
                  LiaRowStream  *stream,
                  gboolean     (*add) (LiaContact *self, LiaStmt *row, int first, gpointer data, GError **error),
                  gpointer       data,
                  GError       **error)
{
  gint64 id = lia_record_get_id (LIA_RECORD (self));
  const char *uid = lia_record_get_uid (LIA_RECORD (self));

  while (_lia_row_stream_at (stream, id, uid))
    {
      if (!add (self, _lia_row_stream_row (stream), 2, data, error))
        return FALSE;
      _lia_row_stream_next (stream);
    }
  return !_lia_row_stream_failed (store, stream, error);
}

static gboolean
add_contact_point_cb (LiaContact  *self,
                      LiaStmt     *row,
                      int          first,
                      gpointer     data,
                      GError     **error)
{
  return add_contact_point (self, row, first, error);
}

static gboolean
load_contact_points (LiaStore    *store,
                     LiaContact  *self,
                     LiaStmt     *walk,
                     GError     **error)
{
  LiaRowStream *stream = _lia_store_get_row_stream (store, walk, LIA_ROW_STREAM_CONTACT_POINTS);
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  if (stream != NULL)
    return take_stream_rows (store, self, stream, add_contact_point_cb, NULL, error);

  stmt = _lia_store_prepare (store,
                             "SELECT medium, kind, value FROM contact_points"
                             " WHERE contact_id = ?1 ORDER BY medium, position",
                             error);
  if (stmt == NULL)
    return FALSE;
  _lia_db_bind_int64 (stmt, 1, lia_record_get_id (LIA_RECORD (self)));

  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    if (!add_contact_point (self, stmt, 0, error))
      return FALSE;

  if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (store, error,
                                    _("Could not read the email addresses and phone numbers "
                                      "of “%s”"),
                                    lia_record_get_label (LIA_RECORD (self)));
      return FALSE;
    }

  return TRUE;
}

typedef void (*AddPointFunc) (LiaContact          *self,
                              LiaContactPointKind  kind,
                              const char          *value);

/* @row's columns from @first: kind, value. */
static gboolean
add_point_cb (LiaContact  *self,
              LiaStmt     *row,
              int          first,
              gpointer     data,
              GError     **error)
{
  AddPointFunc add = (AddPointFunc) data;
  int kind;

  if (!_lia_column_nick (row, first, LIA_TYPE_CONTACT_POINT_KIND, &kind, error))
    return FALSE;
  add (self, kind, _lia_column_text (row, first + 1));
  return TRUE;
}

/* Websites and messaging handles: one table each, (contact_id, position, kind, @column). */
static gboolean
load_point_table (LiaStore          *store,
                  LiaContact        *self,
                  LiaStmt           *walk,
                  LiaRowStreamTable  stream_table,
                  const char        *table,
                  const char        *column,
                  AddPointFunc       add,
                  GError           **error)
{
  LiaRowStream *stream = _lia_store_get_row_stream (store, walk, stream_table);
  g_autofree char *sql = NULL;
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  if (stream != NULL)
    return take_stream_rows (store, self, stream, add_point_cb, (gpointer) add, error);

  sql = g_strdup_printf ("SELECT kind, %s FROM %s WHERE contact_id = ?1"
                         " ORDER BY position", column, table);
  if (!(stmt = _lia_store_prepare (store, sql, error)))
    return FALSE;
  _lia_db_bind_int64 (stmt, 1, lia_record_get_id (LIA_RECORD (self)));

  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    if (!add_point_cb (self, stmt, 0, (gpointer) add, error))
      return FALSE;

  if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (store, error, _("Could not read the details of “%s”"),
                                    lia_record_get_label (LIA_RECORD (self)));
      return FALSE;
    }

  return TRUE;
}

#define ADDRESS_COLUMNS "kind, po_box, extended, street, locality, region, postal_code, country"

/* @row's columns from @first: ADDRESS_COLUMNS. */
static gboolean
add_address_cb (LiaContact  *self,
                LiaStmt     *row,
                int          first,
                gpointer     data,
                GError     **error)
{
  g_autoptr(LiaPostalAddress) address = NULL;
  int kind;

  if (!_lia_column_nick (row, first, LIA_TYPE_CONTACT_POINT_KIND, &kind, error))
    return FALSE;
  address = g_object_new (LIA_TYPE_POSTAL_ADDRESS,
                          "kind", kind,
                          "po-box", _lia_column_text (row, first + 1),
                          "extended", _lia_column_text (row, first + 2),
                          "street", _lia_column_text (row, first + 3),
                          "locality", _lia_column_text (row, first + 4),
                          "region", _lia_column_text (row, first + 5),
                          "postal-code", _lia_column_text (row, first + 6),
                          "country", _lia_column_text (row, first + 7),
                          NULL);
  lia_contact_add_address (self, address);
  return TRUE;
}

static gboolean
load_addresses (LiaStore    *store,
                LiaContact  *self,
                LiaStmt     *walk,
                GError     **error)
{
  LiaRowStream *stream = _lia_store_get_row_stream (store, walk, LIA_ROW_STREAM_CONTACT_ADDRESSES);
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  if (stream != NULL)
    return take_stream_rows (store, self, stream, add_address_cb, NULL, error);

  stmt = _lia_store_prepare (store,
                             "SELECT " ADDRESS_COLUMNS " FROM contact_addresses"
                             " WHERE contact_id = ?1 ORDER BY position",
                             error);
  if (stmt == NULL)
    return FALSE;
  _lia_db_bind_int64 (stmt, 1, lia_record_get_id (LIA_RECORD (self)));

  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    if (!add_address_cb (self, stmt, 0, NULL, error))
      return FALSE;

  if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (store, error, _("Could not read the postal addresses of “%s”"),
                                    lia_record_get_label (LIA_RECORD (self)));
      return FALSE;
    }

  return TRUE;
}

/* @row's column @first: one value of a list of strings (@data: a GStrvBuilder). */
static gboolean
add_string_cb (LiaContact  *self,
               LiaStmt     *row,
               int          first,
               gpointer     data,
               GError     **error)
{
  g_strv_builder_add (data, _lia_column_text (row, first));
  return TRUE;
}

/* Languages and tags. */
static GStrv
load_strings (LiaStore          *store,
              LiaContact        *self,
              LiaStmt           *walk,
              LiaRowStreamTable  stream_table,
              const char        *table,
              const char        *column,
              GError           **error)
{
  LiaRowStream *stream = _lia_store_get_row_stream (store, walk, stream_table);
  g_autoptr(GStrvBuilder) builder = NULL;

  if (stream == NULL)
    return _lia_store_load_strv (store, table, "contact_id", column,
                                 lia_record_get_id (LIA_RECORD (self)), error);

  builder = g_strv_builder_new ();
  if (!take_stream_rows (store, self, stream, add_string_cb, builder, error))
    return NULL;
  return g_strv_builder_end (builder);
}

static gboolean
load_photo (LiaStore    *store,
            LiaContact  *self,
            GError     **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  stmt = _lia_store_prepare (store,
                             "SELECT mime_type, data FROM contact_photos WHERE contact_id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  _lia_db_bind_int64 (stmt, 1, lia_record_get_id (LIA_RECORD (self)));

  rc = _lia_db_step (stmt);
  if (rc == LIA_DB_ROW)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (_lia_db_column_blob (stmt, 1),
                                             _lia_db_column_bytes (stmt, 1));

      lia_contact_set_photo (self, bytes, _lia_column_text (stmt, 0));
      return TRUE;
    }

  if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (store, error, _("Could not read the photo of “%s”"),
                                    lia_record_get_label (LIA_RECORD (self)));
      return FALSE;
    }

  lia_contact_set_photo (self, NULL, NULL);
  return TRUE;
}

static gboolean
contact_load_details (LiaStore   *store,
                      LiaRecord  *record,
                      GError    **error)
{
  return load_photo (store, LIA_CONTACT (record), error);
}

static LiaRecord *
contact_from_row (LiaStore  *store,
                  LiaStmt   *stmt,
                  GError   **error)
{
  g_autoptr(LiaContact) self = lia_contact_new (_lia_column_text (stmt, 5),
                                                _lia_column_text (stmt, 6));
  LiaAssessment *assessment = lia_contact_get_assessment (self);
  g_auto(GStrv) languages = NULL;
  g_auto(GStrv) tags = NULL;
  int channel;
  int stance;

  _lia_record_fill_common (LIA_RECORD (self), stmt);

  lia_contact_set_honorific (self, _lia_column_text (stmt, 4));
  lia_contact_set_suffix (self, _lia_column_text (stmt, 7));
  /* The stored display name is the explicit one; "label" (column 9) is derived on save. */
  lia_contact_set_display_name (self, _lia_column_text (stmt, 8));
  lia_contact_set_job_title (self, _lia_column_text (stmt, 10));
  lia_contact_set_time_zone (self, _lia_column_text (stmt, 11));
  if (!_lia_column_nick (stmt, 12, LIA_TYPE_CHANNEL, &channel, error))
    return NULL;
  lia_contact_set_preferred_channel (self, channel);
  lia_contact_set_notes (self, _lia_column_text (stmt, 13));
  lia_assessment_set_influence (assessment, _lia_db_column_int (stmt, 14));
  lia_assessment_set_interest (assessment, _lia_db_column_int (stmt, 15));
  if (!_lia_column_nick (stmt, 16, LIA_TYPE_STANCE, &stance, error))
    return NULL;
  lia_assessment_set_stance (assessment, stance);
  lia_contact_set_nickname (self, _lia_column_text (stmt, 17));
  lia_contact_set_birthday (self, _lia_column_text (stmt, 18));
  /* Lists of contacts never read photos: lia_store_load() and the exports do. */
  lia_contact_forget_photo (self);
  lia_assessment_set_cadence_days (assessment, _lia_db_column_type (stmt, 19) == LIA_DB_NULL
                                               ? LIA_CADENCE_DEFAULT : _lia_db_column_int (stmt, 19));

  if (!load_contact_points (store, self, stmt, error) ||
      !load_addresses (store, self, stmt, error) ||
      !load_point_table (store, self, stmt, LIA_ROW_STREAM_CONTACT_WEBSITES,
                         "contact_websites", "url", lia_contact_add_website, error) ||
      !load_point_table (store, self, stmt, LIA_ROW_STREAM_CONTACT_IMS,
                         "contact_ims", "uri", lia_contact_add_im, error))
    return NULL;

  languages = load_strings (store, self, stmt, LIA_ROW_STREAM_CONTACT_LANGUAGES,
                            "contact_languages", "language", error);
  if (languages == NULL)
    return NULL;
  lia_contact_set_languages (self, (const char * const *) languages);

  tags = load_strings (store, self, stmt, LIA_ROW_STREAM_CONTACT_TAGS,
                       "contact_tags", "tag", error);
  if (tags == NULL)
    return NULL;
  lia_contact_set_tags (self, (const char * const *) tags);

  return LIA_RECORD (g_steal_pointer (&self));
}

/* The address localities, one per line: what search finds a contact by besides names. */
static char *
join_localities (LiaContact *self)
{
  GListModel *addresses = lia_contact_get_addresses (self);
  guint n_items = g_list_model_get_n_items (addresses);
  GString *localities = g_string_new (NULL);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(LiaPostalAddress) address = g_list_model_get_item (addresses, i);
      const char *locality = lia_postal_address_get_locality (address);

      if (*locality == '\0')
        continue;
      if (localities->len > 0)
        g_string_append_c (localities, '\n');
      g_string_append (localities, locality);
    }

  return g_string_free (localities, FALSE);
}

/* Binds ?1..?22 and ?24 in the order of the INSERT and UPDATE statements below. */
static void
bind_contact (LiaStore   *store,
              LiaStmt    *stmt,
              LiaContact *self)
{
  LiaRecord *record = LIA_RECORD (self);
  LiaAssessment *assessment = lia_contact_get_assessment (self);
  const char *label = lia_contact_get_display_name (self);
  g_autofree char *sort_key = _lia_sort_key (label);
  g_autofree char *family_key = _lia_contact_sort_key (store, lia_contact_get_given_name (self),
                                                       lia_contact_get_family_name (self),
                                                       label, FALSE);
  g_autofree char *given_key = _lia_contact_sort_key (store, lia_contact_get_given_name (self),
                                                      lia_contact_get_family_name (self),
                                                      label, TRUE);
  g_autofree char *localities = join_localities (self);

  _lia_bind_text (stmt, 1, lia_record_get_uid (record));
  _lia_bind_text (stmt, 2, lia_contact_get_honorific (self));
  _lia_bind_text (stmt, 3, lia_contact_get_given_name (self));
  _lia_bind_text (stmt, 4, lia_contact_get_family_name (self));
  _lia_bind_text (stmt, 5, lia_contact_get_suffix (self));
  _lia_bind_text (stmt, 6, lia_contact_get_explicit_display_name (self));
  _lia_bind_text (stmt, 7, label);
  _lia_bind_text (stmt, 8, lia_contact_get_job_title (self));
  _lia_bind_text (stmt, 9, lia_contact_get_time_zone (self));
  _lia_bind_nick (stmt, 10, LIA_TYPE_CHANNEL, lia_contact_get_preferred_channel (self));
  _lia_bind_text (stmt, 11, lia_contact_get_notes (self));
  _lia_db_bind_int (stmt, 12, lia_assessment_get_influence (assessment));
  _lia_db_bind_int (stmt, 13, lia_assessment_get_interest (assessment));
  _lia_bind_nick (stmt, 14, LIA_TYPE_STANCE, lia_assessment_get_stance (assessment));
  _lia_db_bind_text (stmt, 15, sort_key, -1, LIA_DB_TRANSIENT);
  _lia_bind_time (stmt, 16, lia_record_get_created_at (record));
  _lia_bind_time (stmt, 17, lia_record_get_updated_at (record));
  _lia_db_bind_text (stmt, 18, family_key, -1, LIA_DB_TRANSIENT);
  _lia_db_bind_text (stmt, 19, given_key, -1, LIA_DB_TRANSIENT);
  _lia_bind_text (stmt, 20, lia_contact_get_nickname (self));
  _lia_bind_text (stmt, 21, lia_contact_get_birthday (self));
  _lia_db_bind_text (stmt, 22, localities, -1, LIA_DB_TRANSIENT);
  _lia_bind_cadence (stmt, 24, assessment);
}

static gboolean
insert_contact_points (LiaStore    *store,
                       gint64       contact_id,
                       const char  *medium,
                       GListModel  *points,
                       GError     **error)
{
  guint n_points = g_list_model_get_n_items (points);

  for (guint i = 0; i < n_points; i++)
    {
      g_autoptr(LiaContactPoint) point = g_list_model_get_item (points, i);
      g_autoptr(LiaStmt) stmt = NULL;

      stmt = _lia_store_prepare (store,
                                 "INSERT INTO contact_points (contact_id, medium, position, kind,"
                                 " value) VALUES (?1, ?2, ?3, ?4, ?5)",
                                 error);
      if (stmt == NULL)
        return FALSE;

      _lia_db_bind_int64 (stmt, 1, contact_id);
      _lia_db_bind_text (stmt, 2, medium, -1, LIA_DB_STATIC);
      _lia_db_bind_int (stmt, 3, i);
      _lia_bind_nick (stmt, 4, LIA_TYPE_CONTACT_POINT_KIND, lia_contact_point_get_kind (point));
      _lia_bind_text (stmt, 5, lia_contact_point_get_value (point));
      if (!_lia_store_step_done (store, stmt,
                                 N_("Could not save the email addresses and phone numbers"),
                                 error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
replace_point_table (LiaStore    *store,
                     gint64       contact_id,
                     const char  *table,
                     const char  *column,
                     GListModel  *points,
                     GError     **error)
{
  g_autofree char *insert_sql = g_strdup_printf ("INSERT INTO %s (contact_id, position, kind, %s)"
                                                 " VALUES (?1, ?2, ?3, ?4)", table, column);
  guint n_points = g_list_model_get_n_items (points);

  if (!_lia_store_is_inserting (store))
    {
      g_autofree char *delete_sql = g_strdup_printf ("DELETE FROM %s WHERE contact_id = ?1", table);
      g_autoptr(LiaStmt) delete = _lia_store_prepare (store, delete_sql, error);

      if (delete == NULL)
        return FALSE;
      _lia_db_bind_int64 (delete, 1, contact_id);
      if (!_lia_store_step_done (store, delete, N_("Could not save the contact’s details"), error))
        return FALSE;
    }

  for (guint i = 0; i < n_points; i++)
    {
      g_autoptr(LiaContactPoint) point = g_list_model_get_item (points, i);
      g_autoptr(LiaStmt) insert = _lia_store_prepare (store, insert_sql, error);

      if (insert == NULL)
        return FALSE;
      _lia_db_bind_int64 (insert, 1, contact_id);
      _lia_db_bind_int (insert, 2, i);
      _lia_bind_nick (insert, 3, LIA_TYPE_CONTACT_POINT_KIND, lia_contact_point_get_kind (point));
      _lia_bind_text (insert, 4, lia_contact_point_get_value (point));
      if (!_lia_store_step_done (store, insert, N_("Could not save the contact’s details"), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
replace_addresses (LiaStore    *store,
                   LiaContact  *self,
                   GError     **error)
{
  GListModel *addresses = lia_contact_get_addresses (self);
  guint n_items = g_list_model_get_n_items (addresses);
  gint64 id = lia_record_get_id (LIA_RECORD (self));
  if (!_lia_store_is_inserting (store))
    {
      g_autoptr(LiaStmt) delete = NULL;

      delete = _lia_store_prepare (store, "DELETE FROM contact_addresses WHERE contact_id = ?1", error);
      if (delete == NULL)
        return FALSE;
      _lia_db_bind_int64 (delete, 1, id);
      if (!_lia_store_step_done (store, delete, N_("Could not save the postal addresses"), error))
        return FALSE;
    }

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(LiaPostalAddress) address = g_list_model_get_item (addresses, i);
      g_autoptr(LiaStmt) insert = NULL;

      insert = _lia_store_prepare (store,
                                   "INSERT INTO contact_addresses (contact_id, position, "
                                   ADDRESS_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
                                   " ?9, ?10)",
                                   error);
      if (insert == NULL)
        return FALSE;
      _lia_db_bind_int64 (insert, 1, id);
      _lia_db_bind_int (insert, 2, i);
      _lia_bind_nick (insert, 3, LIA_TYPE_CONTACT_POINT_KIND, lia_postal_address_get_kind (address));
      _lia_bind_text (insert, 4, lia_postal_address_get_po_box (address));
      _lia_bind_text (insert, 5, lia_postal_address_get_extended (address));
      _lia_bind_text (insert, 6, lia_postal_address_get_street (address));
      _lia_bind_text (insert, 7, lia_postal_address_get_locality (address));
      _lia_bind_text (insert, 8, lia_postal_address_get_region (address));
      _lia_bind_text (insert, 9, lia_postal_address_get_postal_code (address));
      _lia_bind_text (insert, 10, lia_postal_address_get_country (address));
      if (!_lia_store_step_done (store, insert, N_("Could not save the postal addresses"), error))
        return FALSE;
    }

  return TRUE;
}

/* A contact read from a list has not loaded its photo: the stored one stays. */
static gboolean
save_photo (LiaStore    *store,
            LiaContact  *self,
            GError     **error)
{
  gint64 id = lia_record_get_id (LIA_RECORD (self));
  GBytes *photo = lia_contact_get_photo (self);
  g_autoptr(LiaStmt) stmt = NULL;
  gsize size = 0;
  const void *data;

  if (!lia_contact_get_photo_loaded (self))
    return TRUE;

  if (photo == NULL)
    {
      if (_lia_store_is_inserting (store))
        return TRUE;
      stmt = _lia_store_prepare (store, "DELETE FROM contact_photos WHERE contact_id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      _lia_db_bind_int64 (stmt, 1, id);
      return _lia_store_step_done (store, stmt, N_("Could not save the photo"), error);
    }

  /* Unchanged bytes are not written again: that would log a change nobody made. */
  stmt = _lia_store_prepare (store,
                             "INSERT INTO contact_photos (contact_id, mime_type, data)"
                             " VALUES (?1, ?2, ?3) ON CONFLICT (contact_id) DO UPDATE"
                             " SET mime_type = excluded.mime_type, data = excluded.data"
                             " WHERE contact_photos.mime_type IS DISTINCT FROM excluded.mime_type"
                             " OR contact_photos.data IS DISTINCT FROM excluded.data",
                             error);
  if (stmt == NULL)
    return FALSE;
  data = g_bytes_get_data (photo, &size);
  _lia_db_bind_int64 (stmt, 1, id);
  _lia_bind_text (stmt, 2, lia_contact_get_photo_mime_type (self));
  _lia_db_bind_blob64 (stmt, 3, data, size, LIA_DB_STATIC);
  return _lia_store_step_done (store, stmt, N_("Could not save the photo"), error);
}

/* The lists are replaced as a whole on every save: DELETE (not for a new contact), then one
 * INSERT per entry. */
static gboolean
save_contact_lists (LiaStore    *store,
                    LiaContact  *self,
                    GError     **error)
{
  gint64 id = lia_record_get_id (LIA_RECORD (self));
  if (!_lia_store_is_inserting (store))
    {
      g_autoptr(LiaStmt) delete = NULL;

      delete = _lia_store_prepare (store, "DELETE FROM contact_points WHERE contact_id = ?1", error);
      if (delete == NULL)
        return FALSE;
      _lia_db_bind_int64 (delete, 1, id);
      if (!_lia_store_step_done (store, delete,
                                 N_("Could not save the email addresses and phone numbers"), error))
        return FALSE;
    }

  if (!insert_contact_points (store, id, "email", lia_contact_get_emails (self), error) ||
      !insert_contact_points (store, id, "phone", lia_contact_get_phones (self), error))
    return FALSE;

  if (!_lia_store_replace_strv (store, "contact_languages", "contact_id", "language", id,
                                lia_contact_get_languages (self), error))
    return FALSE;

  if (!replace_addresses (store, self, error) ||
      !replace_point_table (store, id, "contact_websites", "url",
                            lia_contact_get_websites (self), error) ||
      !replace_point_table (store, id, "contact_ims", "uri", lia_contact_get_ims (self), error) ||
      !save_photo (store, self, error))
    return FALSE;

  return _lia_store_replace_strv (store, "contact_tags", "contact_id", "tag", id,
                                  lia_contact_get_tags (self), error);
}

static gboolean
contact_insert (LiaStore   *store,
                LiaRecord  *record,
                GError    **error)
{
  LiaContact *self = LIA_CONTACT (record);
  g_autoptr(LiaStmt) stmt = NULL;

  stmt = _lia_store_prepare (store,
                             "INSERT INTO contacts (uid, honorific, given_name, family_name,"
                             " suffix, display_name, label, job_title, time_zone,"
                             " preferred_channel, notes, influence, interest, stance, sort_key,"
                             " created_at, updated_at, family_sort_key, given_sort_key,"
                             " nickname, birthday, localities, cadence_days)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                             " ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?24) RETURNING id",
                             error);
  if (stmt == NULL)
    return FALSE;

  /* Keys in the collation of the keys on file: lia_store_begin() read it. */
  bind_contact (store, stmt, self);
  if (!_lia_store_step_insert (store, stmt, record, N_("Could not save the contact"), error) ||
      !_lia_store_write_first_assessment (store, record, lia_contact_get_assessment (self), error))
    return FALSE;

  return save_contact_lists (store, self, error);
}

static gboolean
contact_update (LiaStore   *store,
                LiaRecord  *record,
                GError    **error)
{
  LiaContact *self = LIA_CONTACT (record);
  g_autoptr(LiaStmt) stmt = NULL;

  stmt = _lia_store_prepare (store,
                             "UPDATE contacts SET uid = ?1, honorific = ?2, given_name = ?3,"
                             " family_name = ?4, suffix = ?5, display_name = ?6, label = ?7,"
                             " job_title = ?8, time_zone = ?9, preferred_channel = ?10,"
                             " notes = ?11, influence = ?12, interest = ?13, stance = ?14,"
                             " sort_key = ?15, created_at = ?16, updated_at = ?17,"
                             " family_sort_key = ?18, given_sort_key = ?19, nickname = ?20,"
                             " birthday = ?21, localities = ?22, cadence_days = ?24"
                             ", version = version + 1 WHERE id = ?23",
                             error);
  if (stmt == NULL)
    return FALSE;

  /* Keys in the collation of the keys on file: lia_store_begin() read it. */
  bind_contact (store, stmt, self);
  _lia_db_bind_int64 (stmt, 23, lia_record_get_id (record));
  if (!_lia_store_step_done (store, stmt, N_("Could not save the contact"), error))
    return FALSE;

  return save_contact_lists (store, self, error);
}

const LiaRecordOps _lia_contact_ops = {
  .kind = LIA_RECORD_KIND_CONTACT,
  .table = "contacts",
  .columns = CONTACT_COLUMNS,
  .get_type = lia_contact_get_type,
  .from_row = contact_from_row,
  .insert = contact_insert,
  .update = contact_update,
  .load_details = contact_load_details,
  /* The schema's cascades remove affiliations, contact points, places as a party and
   * participant links; listeners of interactions learn it from the contact's REMOVED. */
  .before_delete = NULL,
};

gboolean
lia_store_load_contact_photo (LiaStore    *self,
                              LiaContact  *contact,
                              GError     **error)
{
  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);
  g_return_val_if_fail (LIA_IS_CONTACT (contact), FALSE);

  if (lia_record_get_id (LIA_RECORD (contact)) <= 0)
    return TRUE;

  return load_photo (self, contact, error);
}
