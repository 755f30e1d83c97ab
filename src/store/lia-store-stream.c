/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-store-private.h"

/* Reading a whole kind (lia_store_foreach_record() over every record, as an export does) used
 * to cost one query per list per record: two for each interaction's participants, six for
 * each contact's emails, addresses, websites, handles, languages and tags. Each list table is
 * now read once, alongside the records, in the same order: the rows of every owner, owners
 * in uid order (the order of the walk, which exports keep), each owner's rows in their own
 * order. A record then takes its rows from the front of each stream. */

struct _LiaRowStream
{
  LiaStmt *stmt;
  int rc;
  /* Where the owner's id and uid are (0 and 1 but for affiliations). */
  int owner_id;
  int owner_uid;
};

typedef struct
{
  /* The walk's own statement: only the records it reads take rows from the streams. */
  LiaStmt *walk;
  LiaRowStream *streams[LIA_ROW_STREAM_N];
  /* The record whose rows _lia_store_get_walk_stream() last gave, for each stream: asked
   * again, the caller reads them itself. */
  gint64 given[LIA_ROW_STREAM_N];
} Streams;

static GQuark
streams_quark (void)
{
  return g_quark_from_static_string ("lia-row-streams");
}

static void
stream_free (LiaRowStream *stream)
{
  if (stream == NULL)
    return;
  _lia_db_finalize (stream->stmt);
  g_free (stream);
}

static void
streams_free (gpointer data)
{
  Streams *streams = data;

  for (guint i = 0; i < G_N_ELEMENTS (streams->streams); i++)
    stream_free (streams->streams[i]);
  g_free (streams);
}

/* Each query: owner id, owner uid, then the values; owners by uid, then the rows' order. */
static const struct {
  LiaRecordKind kind;
  const char *sql;
  int owner_id;
  int owner_uid;
} stream_sql[LIA_ROW_STREAM_N] = {
  [LIA_ROW_STREAM_INTERACTION_CONTACTS] = { LIA_RECORD_KIND_INTERACTION,
    "SELECT i.id, i.uid, p.contact_id FROM interactions i"
    " JOIN interaction_contacts p ON p.interaction_id = i.id ORDER BY i.uid, p.position" },
  [LIA_ROW_STREAM_INTERACTION_ORGANIZATIONS] = { LIA_RECORD_KIND_INTERACTION,
    "SELECT i.id, i.uid, p.organization_id FROM interactions i"
    " JOIN interaction_organizations p ON p.interaction_id = i.id ORDER BY i.uid, p.position" },
  [LIA_ROW_STREAM_CONTACT_POINTS] = { LIA_RECORD_KIND_CONTACT,
    "SELECT c.id, c.uid, p.medium, p.kind, p.value FROM contacts c"
    " JOIN contact_points p ON p.contact_id = c.id ORDER BY c.uid, p.medium, p.position" },
  [LIA_ROW_STREAM_CONTACT_ADDRESSES] = { LIA_RECORD_KIND_CONTACT,
    "SELECT c.id, c.uid, p.kind, p.po_box, p.extended, p.street, p.locality, p.region,"
    " p.postal_code, p.country FROM contacts c"
    " JOIN contact_addresses p ON p.contact_id = c.id ORDER BY c.uid, p.position" },
  [LIA_ROW_STREAM_CONTACT_WEBSITES] = { LIA_RECORD_KIND_CONTACT,
    "SELECT c.id, c.uid, p.kind, p.url FROM contacts c"
    " JOIN contact_websites p ON p.contact_id = c.id ORDER BY c.uid, p.position" },
  [LIA_ROW_STREAM_CONTACT_IMS] = { LIA_RECORD_KIND_CONTACT,
    "SELECT c.id, c.uid, p.kind, p.uri FROM contacts c"
    " JOIN contact_ims p ON p.contact_id = c.id ORDER BY c.uid, p.position" },
  [LIA_ROW_STREAM_CONTACT_LANGUAGES] = { LIA_RECORD_KIND_CONTACT,
    "SELECT c.id, c.uid, p.language FROM contacts c"
    " JOIN contact_languages p ON p.contact_id = c.id ORDER BY c.uid, p.position" },
  [LIA_ROW_STREAM_CONTACT_TAGS] = { LIA_RECORD_KIND_CONTACT,
    "SELECT c.id, c.uid, p.tag FROM contacts c"
    " JOIN contact_tags p ON p.contact_id = c.id ORDER BY c.uid, p.position" },
  /* In lia_store_list_affiliations_for_contact()'s order, today bound as ?1; columns as
   * _lia_affiliation_ops reads them, then the owner's uid. */
  [LIA_ROW_STREAM_CONTACT_AFFILIATIONS] = { LIA_RECORD_KIND_CONTACT,
    "SELECT a.id, a.uid, a.created_at, a.updated_at, a.contact_id, a.organization_id, a.role,"
    " a.from_date, a.until_date, a.is_primary, a.unit, a.version, c.uid FROM contacts c"
    " JOIN affiliations a ON a.contact_id = c.id"
    " ORDER BY c.uid, (a.until_date IS NOT NULL AND a.until_date < ?1),"
    " a.from_date IS NULL, a.from_date DESC, a.id DESC", 4, 12 },
};

gboolean
_lia_store_open_row_streams (LiaStore       *self,
                             LiaRecordKind   kind,
                             LiaStmt        *walk,
                             gpointer       *out_previous,
                             GError        **error)
{
  Streams *streams = g_new0 (Streams, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  streams->walk = walk;
  for (guint i = 0; i < G_N_ELEMENTS (stream_sql); i++)
    {
      LiaRowStream *stream;

      if (stream_sql[i].kind != kind)
        continue;

      /* Not from the statement cache: they run alongside the walk and each other. */
      stream = g_new0 (LiaRowStream, 1);
      streams->streams[i] = stream;
      if (_lia_db_prepare (_lia_store_get_db (self), stream_sql[i].sql, -1,
                           LIA_DB_PREPARE_DEFAULT, &stream->stmt, NULL) != LIA_DB_OK)
        {
          _lia_store_set_error_from_db (self, error, _("Could not prepare a database query"));
          streams_free (streams);
          return FALSE;
        }
      stream->owner_id = stream_sql[i].owner_id;
      stream->owner_uid = stream_sql[i].owner_uid != 0 ? stream_sql[i].owner_uid : 1;
      if (i == LIA_ROW_STREAM_CONTACT_AFFILIATIONS)
        _lia_db_bind_text (stream->stmt, 1, today, -1, LIA_DB_TRANSIENT);
      stream->rc = _lia_db_step (stream->stmt);
    }

  /* A walk inside a walk: the outer one's streams come back when this one ends. */
  *out_previous = g_object_steal_qdata (G_OBJECT (self), streams_quark ());
  g_object_set_qdata_full (G_OBJECT (self), streams_quark (), streams, streams_free);
  return TRUE;
}

void
_lia_store_close_row_streams (LiaStore *self,
                              gpointer  previous)
{
  g_object_set_qdata_full (G_OBJECT (self), streams_quark (), previous,
                           previous != NULL ? streams_free : NULL);
}

LiaRowStream *
_lia_store_get_row_stream (LiaStore          *self,
                           LiaStmt           *walk,
                           LiaRowStreamTable  table)
{
  Streams *streams = g_object_get_qdata (G_OBJECT (self), streams_quark ());

  if (streams == NULL || streams->walk != walk)
    return NULL;
  return streams->streams[table];
}

LiaRowStream *
_lia_store_get_walk_stream (LiaStore           *self,
                            LiaRowStreamTable   table,
                            gint64              id,
                            const char        **out_uid)
{
  Streams *streams = g_object_get_qdata (G_OBJECT (self), streams_quark ());

  if (streams == NULL || streams->streams[table] == NULL || streams->given[table] == id ||
      _lia_db_column_int64 (streams->walk, 0) != id)
    return NULL;
  streams->given[table] = id;
  *out_uid = _lia_db_column_text (streams->walk, 1);
  return streams->streams[table];
}

LiaRowStream *
_lia_row_stream_new (LiaStore    *store,
                     const char  *sql,
                     GError     **error)
{
  return _lia_row_stream_new_bound (store, sql, NULL, error);
}

LiaRowStream *
_lia_row_stream_new_bound (LiaStore    *store,
                           const char  *sql,
                           const char  *bind,
                           GError     **error)
{
  LiaRowStream *stream = g_new0 (LiaRowStream, 1);

  if (_lia_db_prepare (_lia_store_get_db (store), sql, -1, LIA_DB_PREPARE_DEFAULT, &stream->stmt,
                       NULL) != LIA_DB_OK)
    {
      _lia_store_set_error_from_db (store, error, _("Could not prepare a database query"));
      stream_free (stream);
      return NULL;
    }
  stream->owner_uid = 1;
  if (bind != NULL)
    _lia_db_bind_text (stream->stmt, 1, bind, -1, LIA_DB_TRANSIENT);
  stream->rc = _lia_db_step (stream->stmt);
  return stream;
}

void
_lia_row_stream_free (LiaRowStream *stream)
{
  stream_free (stream);
}

gboolean
_lia_row_stream_at (LiaRowStream *stream,
                    gint64        id,
                    const char   *uid)
{
  /* Owners the walk does not ask for (none when it reads every record) are passed over. */
  while (stream->rc == LIA_DB_ROW && _lia_db_column_int64 (stream->stmt, stream->owner_id) != id &&
         g_strcmp0 (_lia_db_column_text (stream->stmt, stream->owner_uid), uid) < 0)
    stream->rc = _lia_db_step (stream->stmt);

  return stream->rc == LIA_DB_ROW && _lia_db_column_int64 (stream->stmt, stream->owner_id) == id;
}

LiaStmt *
_lia_row_stream_row (LiaRowStream *stream)
{
  return stream->stmt;
}

void
_lia_row_stream_next (LiaRowStream *stream)
{
  stream->rc = _lia_db_step (stream->stmt);
}

gboolean
_lia_row_stream_failed (LiaStore      *store,
                        LiaRowStream  *stream,
                        GError       **error)
{
  if (stream->rc == LIA_DB_ROW || stream->rc == LIA_DB_DONE)
    return FALSE;
  _lia_store_set_error_from_db (store, error, _("Could not read a list"));
  return TRUE;
}
