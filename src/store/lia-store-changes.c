/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <libpq-fe.h>

#include "lia-server.h"
#include "lia-store-private.h"

/* A server: how long to let a burst of NOTIFYs (one per changed row) gather before the log is
 * read once for all of them. */
#define LIA_STORE_SERVER_SETTLE_MS 20

/* Other connections' commits, announced like our own.
 *
 * Every writer, whatever program it is, fills change_log through the schema's triggers (v5).
 * A watching store asks SQLite every LIA_STORE_WATCH_INTERVAL_MS whether another connection
 * committed (PRAGMA data_version: a counter in shared memory, no I/O when nothing changed),
 * then reads the log after the last row it saw and hands the rows to
 * _lia_store_apply_outside_changes(). That function is the only way outside changes reach
 * listeners, so that a PostgreSQL backend can feed it from LISTEN/NOTIFY with the same rows.
 *
 * Our own commits are announced by lia-store.c when they happen; the rows they logged are
 * remembered as ranges (begin, end] and skipped. Writers are serialized (BEGIN IMMEDIATE), so
 * every row between our BEGIN and our COMMIT is ours. */

/* Reading more rows than this is slower than reloading. */
#define MAX_LOG_ROWS (4 * LIA_STORE_MAX_SINGLE_CHANGES)
/* Ranges kept while nobody reads (they merge while no one else writes in between). */
#define MAX_OWN_RANGES 1024

typedef struct
{
  gint64 after;  /* exclusive */
  gint64 last;   /* inclusive */
} OwnRange;

typedef struct
{
  LiaRecordKind        kind;
  gint64               id;
  LiaOutsideOperation  first;
} Touched;

static gboolean
read_seq_range (LiaStore  *self,
                gint64    *out_min,
                gint64    *out_max,
                GError   **error)
{
  g_autoptr(LiaStmt) stmt = NULL;

  stmt = _lia_store_prepare (self, "SELECT coalesce (min (seq), 0), coalesce (max (seq), 0) FROM change_log",
                             error);
  if (stmt == NULL)
    return FALSE;

  if (_lia_db_step (stmt) != LIA_DB_ROW)
    {
      _lia_store_set_error_from_db (self, error, _("Could not read the list of changes"));
      return FALSE;
    }

  if (out_min != NULL)
    *out_min = _lia_db_column_int64 (stmt, 0);
  *out_max = _lia_db_column_int64 (stmt, 1);
  return TRUE;
}

static gboolean
read_data_version (LiaStore  *self,
                   gint64    *out_version,
                   GError   **error)
{
  /* A server says when others commit by NOTIFY: there is no counter to look at. */
  if (_lia_store_is_server (self))
    {
      *out_version = 0;
      return TRUE;
    }

  if (_lia_db_data_version (_lia_store_get_db (self), out_version) != LIA_DB_OK)
    {
      _lia_store_set_error_from_db (self, error, _("Could not read the list of changes"));
      return FALSE;
    }

  return TRUE;
}

void
_lia_change_log_clear (LiaChangeLog *log)
{
  g_clear_handle_id (&log->source, g_source_remove);
  g_clear_handle_id (&log->pending, g_source_remove);
  g_clear_handle_id (&log->flush, g_source_remove);
  g_clear_handle_id (&log->retry, g_source_remove);
  log->reconnecting = FALSE;
  g_clear_pointer (&log->own, g_array_unref);
}

gboolean
_lia_store_log_begin (LiaStore  *self,
                      GError   **error)
{
  LiaChangeLog *log = _lia_store_get_change_log (self);

  return read_seq_range (self, NULL, &log->begin_seq, error);
}

gboolean
_lia_store_log_before_commit (LiaStore  *self,
                              gint64    *out_end_seq,
                              GError   **error)
{
  LiaChangeLog *log = _lia_store_get_change_log (self);
  g_autoptr(LiaStmt) stmt = NULL;

  if (!read_seq_range (self, NULL, out_end_seq, error))
    return FALSE;
  if (*out_end_seq <= log->begin_seq)
    return TRUE;
  /* On a server the log's trigger writes the database user itself, and rows after begin_seq
   * may be other connections' (no write lock is held from BEGIN): leave them alone. */
  if (_lia_store_is_server (self))
    return TRUE;

  /* Who made the change, for the history and the team server; another program's rows stay
   * without an author. */
  stmt = _lia_store_prepare (self, "UPDATE change_log SET author = ?2 WHERE seq > ?1", error);
  if (stmt == NULL)
    return FALSE;
  _lia_db_bind_int64 (stmt, 1, log->begin_seq);
  _lia_bind_text (stmt, 2, g_get_user_name ());

  return _lia_store_step_done (self, stmt, N_("Could not save"), error);
}

void
_lia_store_last_change (LiaStore       *self,
                        LiaRecordKind   kind,
                        gint64          id,
                        char          **out_author,
                        GDateTime     **out_when)
{
  g_autoptr(LiaStmt) stmt = NULL;

  *out_author = NULL;
  *out_when = NULL;

  /* Only to word a message: a failure to read leaves it less precise, never wrong. */
  stmt = _lia_store_prepare (self,
                             "SELECT author, changed_at FROM change_log"
                             " WHERE kind = ?1 AND record_id = ?2 ORDER BY seq DESC LIMIT 1",
                             NULL);
  if (stmt == NULL)
    return;
  _lia_bind_text (stmt, 1, lia_enum_to_nick (LIA_TYPE_RECORD_KIND, kind));
  _lia_db_bind_int64 (stmt, 2, id);
  if (_lia_db_step (stmt) != LIA_DB_ROW)
    return;

  *out_author = g_strdup (_lia_db_column_text (stmt, 0));
  *out_when = _lia_column_time (stmt, 1);
}

void
_lia_store_log_committed (LiaStore *self,
                          gint64    end_seq)
{
  LiaChangeLog *log = _lia_store_get_change_log (self);
  OwnRange range = { log->begin_seq, end_seq };

  if (end_seq <= log->begin_seq)
    return;

  if (log->own == NULL)
    log->own = g_array_new (FALSE, FALSE, sizeof (OwnRange));

  if (log->own->len > 0)
    {
      OwnRange *previous = &g_array_index (log->own, OwnRange, log->own->len - 1);

      if (previous->last == range.after)
        {
          previous->last = range.last;
          return;
        }
    }

  if (log->own->len >= MAX_OWN_RANGES)
    g_array_remove_index (log->own, 0);
  g_array_append_val (log->own, range);
}

static gboolean
is_own (LiaChangeLog *log,
        gint64        seq)
{
  for (guint i = 0; log->own != NULL && i < log->own->len; i++)
    {
      const OwnRange *range = &g_array_index (log->own, OwnRange, i);

      if (seq > range->after && seq <= range->last)
        return TRUE;
    }
  return FALSE;
}

static void
forget_own_up_to (LiaChangeLog *log,
                  gint64        seq)
{
  guint n = 0;

  while (log->own != NULL && n < log->own->len &&
         g_array_index (log->own, OwnRange, n).last <= seq)
    n++;
  if (n > 0)
    g_array_remove_range (log->own, 0, n);
}

static gboolean
parse_operation (const char          *text,
                 LiaOutsideOperation *out_operation)
{
  static const char * const names[] = { "insert", "update", "delete", "reset" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *out_operation = (LiaOutsideOperation) i;
        return TRUE;
      }
  return FALSE;
}

static void
record_unref0 (gpointer record)
{
  if (record != NULL)
    g_object_unref (record);
}

static void
emit_reset (LiaStore *self)
{
  g_signal_emit_by_name (self, "reset");
}

void
_lia_store_apply_outside_changes (LiaStore               *self,
                                  const LiaOutsideChange *entries,
                                  guint                   n_entries)
{
  g_autoptr(GArray) touched = g_array_new (FALSE, FALSE, sizeof (Touched));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (record_unref0);

  g_assert (LIA_IS_STORE (self));
  g_assert (!lia_store_in_transaction (self));

  /* One change per record, in the order they first changed; a record both added and changed
   * is added, one added and removed again is nothing. */
  for (guint i = 0; i < n_entries; i++)
    {
      const LiaOutsideChange *entry = &entries[i];
      char *key;

      if (entry->operation == LIA_OUTSIDE_RESET)
        {
          emit_reset (self);
          return;
        }

      key = g_strdup_printf ("%d:%" G_GINT64_FORMAT, entry->kind, entry->id);
      if (g_hash_table_contains (seen, key))
        {
          g_free (key);
          continue;
        }
      g_hash_table_add (seen, key);
      g_ptr_array_add (keys, key);
      g_array_append_vals (touched, &(Touched) { entry->kind, entry->id, entry->operation }, 1);

      if (touched->len > LIA_STORE_MAX_SINGLE_CHANGES)
        {
          emit_reset (self);
          return;
        }
    }

  /* Load everything first: a handler may write, and what it writes is its own change. */
  for (guint i = 0; i < touched->len; i++)
    {
      const Touched *t = &g_array_index (touched, Touched, i);
      g_autoptr(GError) error = NULL;
      LiaRecord *record = lia_store_load (self, t->kind, t->id, &error);

      if (record == NULL && !g_error_matches (error, LIA_STORE_ERROR, LIA_STORE_ERROR_NOT_FOUND))
        {
          /* Whatever went wrong, the listeners reload and meet the error themselves. */
          g_debug ("Could not load a changed record, announcing a reset: %s", error->message);
          emit_reset (self);
          return;
        }
      g_ptr_array_add (records, record);
    }

  for (guint i = 0; i < touched->len; i++)
    {
      const Touched *t = &g_array_index (touched, Touched, i);
      LiaRecord *current = records->pdata[i];

      if (current != NULL)
        g_signal_emit_by_name (self, "changed", t->kind, t->id,
                               t->first == LIA_OUTSIDE_INSERT ? LIA_STORE_CHANGE_ADDED
                                                              : LIA_STORE_CHANGE_UPDATED,
                               NULL, current);
      else if (t->first != LIA_OUTSIDE_INSERT)
        g_signal_emit_by_name (self, "changed", t->kind, t->id, LIA_STORE_CHANGE_REMOVED,
                               NULL, NULL);
    }
}

void
lia_change_log_entry_free (LiaChangeLogEntry *entry)
{
  if (entry == NULL)
    return;
  g_clear_pointer (&entry->changed_at, g_date_time_unref);
  g_free (entry->author);
  g_free (entry->operation);
  g_free (entry->kind);
  g_free (entry->uid);
  g_free (entry);
}

/* The uid of a record that is still there, else the one its delete logged (schema 13): the
 * next delete of that id, or else the last one before. On a file a record's lists are deleted
 * before it, so their rows come first; on a server ON DELETE CASCADE logs them after the
 * record's own delete row, which they still belong to. */
#define RECORD_UID(kind, table) \
  " WHEN '" kind "' THEN (SELECT r.uid FROM " table " r WHERE r.id = l.record_id)"

GPtrArray *
lia_store_read_change_log (LiaStore  *self,
                           gint64     after_seq,
                           guint      limit,
                           GError   **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  int rc;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);

  stmt = _lia_store_prepare (self,
                             "SELECT l.seq, l.changed_at, l.author, l.operation, l.kind,"
                             " coalesce (l.uid, CASE l.kind"
                             RECORD_UID ("organization", "organizations")
                             RECORD_UID ("contact", "contacts")
                             RECORD_UID ("affiliation", "affiliations")
                             RECORD_UID ("interaction", "interactions")
                             RECORD_UID ("commitment", "commitments")
                             RECORD_UID ("concern", "concerns")
                             RECORD_UID ("project", "projects")
                             " END, (SELECT d.uid FROM change_log d WHERE d.kind = l.kind"
                             "  AND d.record_id = l.record_id AND d.operation = 'delete'"
                             "  AND d.seq > l.seq ORDER BY d.seq LIMIT 1),"
                             " (SELECT d.uid FROM change_log d WHERE d.kind = l.kind"
                             "  AND d.record_id = l.record_id AND d.operation = 'delete'"
                             "  AND d.seq < l.seq ORDER BY d.seq DESC LIMIT 1))"
                             " FROM change_log l WHERE l.seq > ?1 ORDER BY l.seq LIMIT ?2",
                             error);
  if (stmt == NULL)
    return NULL;
  _lia_db_bind_int64 (stmt, 1, after_seq);
  _lia_db_bind_int64 (stmt, 2, limit);

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) lia_change_log_entry_free);
  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    {
      LiaChangeLogEntry *entry = g_new0 (LiaChangeLogEntry, 1);

      entry->seq = _lia_db_column_int64 (stmt, 0);
      entry->changed_at = _lia_column_time (stmt, 1);
      entry->author = g_strdup (_lia_db_column_text (stmt, 2));
      entry->operation = g_strdup (_lia_column_text (stmt, 3));
      entry->kind = g_strdup (_lia_column_text (stmt, 4));
      entry->uid = g_strdup (_lia_db_column_text (stmt, 5));
      g_ptr_array_add (entries, entry);
    }
  if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self, error, _("Could not read the list of changes"));
      return NULL;
    }

  return g_steal_pointer (&entries);
}

gboolean
lia_store_get_data_version (LiaStore  *self,
                            gint64    *out_version,
                            GError   **error)
{
  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_version != NULL, FALSE);

  /* A server has no such counter: following it takes its NOTIFYs (lia_store_set_watching()). */
  if (!_lia_store_require_file (self, N_("Following the change log"), error))
    return FALSE;

  return read_data_version (self, out_version, error);
}

static gboolean
check_change_log (LiaStore  *self,
                  GError   **error)
{
  LiaChangeLog *log;
  g_autoptr(GArray) entries = NULL;
  g_autoptr(LiaStmt) stmt = NULL;
  gint64 min_seq, max_seq, version;
  gint64 last_seen;
  int rc;

  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);
  g_return_val_if_fail (!lia_store_in_transaction (self), FALSE);

  log = _lia_store_get_change_log (self);

  if (!read_data_version (self, &version, error) ||
      !read_seq_range (self, &min_seq, &max_seq, error))
    return FALSE;
  log->data_version = version;

  last_seen = log->last_seen;
  if (max_seq <= last_seen)
    {
      forget_own_up_to (log, max_seq);
      return TRUE;
    }

  log->last_seen = max_seq;

  /* The rows after ours were pruned, or reading them costs more than reloading. */
  if (min_seq > last_seen + 1 || max_seq - last_seen > MAX_LOG_ROWS)
    {
      forget_own_up_to (log, max_seq);
      emit_reset (self);
      return TRUE;
    }

  stmt = _lia_store_prepare (self,
                             "SELECT seq, kind, record_id, operation FROM change_log"
                             "  WHERE seq > ?1 AND seq <= ?2 ORDER BY seq",
                             error);
  if (stmt == NULL)
    return FALSE;
  _lia_db_bind_int64 (stmt, 1, last_seen);
  _lia_db_bind_int64 (stmt, 2, max_seq);

  entries = g_array_new (FALSE, FALSE, sizeof (LiaOutsideChange));
  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    {
      LiaOutsideChange entry = { _lia_db_column_int64 (stmt, 0), 0,
                                 _lia_db_column_int64 (stmt, 2), LIA_OUTSIDE_RESET };
      const char *kind = _lia_db_column_text (stmt, 1);
      int kind_value = 0;

      if (is_own (log, entry.seq))
        continue;

      /* A kind or an operation this version does not know (a newer writer): say reset. */
      if (parse_operation (_lia_db_column_text (stmt, 3), &entry.operation) &&
          entry.operation != LIA_OUTSIDE_RESET &&
          lia_enum_from_nick (LIA_TYPE_RECORD_KIND, kind, &kind_value, NULL))
        entry.kind = kind_value;
      else
        entry.operation = LIA_OUTSIDE_RESET;

      g_array_append_val (entries, entry);
    }

  if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self, error, _("Could not read the list of changes"));
      log->last_seen = last_seen;
      return FALSE;
    }
  g_clear_pointer (&stmt, _lia_stmt_release);

  forget_own_up_to (log, max_seq);

  if (entries->len > 0)
    _lia_store_apply_outside_changes (self, (LiaOutsideChange *) (gpointer) entries->data, entries->len);

  return TRUE;
}

gboolean
lia_store_check_outside_changes (LiaStore  *self,
                                 GError   **error)
{
  gboolean collation_changed = FALSE;

  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);
  g_return_val_if_fail (!lia_store_in_transaction (self), FALSE);

  /* A window that adopted another language made every contact's sort key again and logged
   * nothing (a collation is not an edit): the lists sort again, once. First, so that the
   * changes below compare keys made in the collation of the file's. */
  if (!_lia_store_refresh_collation (self, &collation_changed, error) ||
      !check_change_log (self, error))
    return FALSE;
  if (collation_changed)
    emit_reset (self);

  return TRUE;
}

static gboolean
watch_cb (gpointer user_data)
{
  LiaStore *self = user_data;
  LiaChangeLog *log = _lia_store_get_change_log (self);
  g_autoptr(GError) error = NULL;
  gint64 version;

  /* Our own transaction is open (a handler is saving): look at the next tick. */
  if (lia_store_in_transaction (self))
    return G_SOURCE_CONTINUE;

  if (!read_data_version (self, &version, &error))
    {
      g_debug ("%s", error->message);
      return G_SOURCE_CONTINUE;
    }
  if (version == log->data_version)
    return G_SOURCE_CONTINUE;

  /* A failure here is a busy or broken database: the next tick tries again, and whatever
   * the person does next meets the error where it can be shown. */
  if (!lia_store_check_outside_changes (self, &error))
    g_debug ("Could not follow other programs' changes: %s", error->message);

  return G_SOURCE_CONTINUE;
}

/* A server: after one or more NOTIFYs, read the log after the last row seen, once the
 * store is between transactions (the rows read are the same whatever the NOTIFYs said). */
static gboolean
server_pending_cb (gpointer user_data)
{
  LiaStore *self = user_data;
  LiaChangeLog *log = _lia_store_get_change_log (self);
  g_autoptr(GError) error = NULL;

  if (lia_store_in_transaction (self))
    return G_SOURCE_CONTINUE;

  log->pending = 0;
  if (!lia_store_check_outside_changes (self, &error))
    g_debug ("Could not follow the team server's changes: %s", error->message);
  /* What reading the log brought in with its results. */
  if (log->source != 0)
    lia_server_dispatch_changes (_lia_db_pg_get_connection (_lia_store_get_db (self)));

  return G_SOURCE_REMOVE;
}

static void watch_server (LiaStore *self);
static void schedule_reconnect (LiaStore *self);

#define RECONNECT_FIRST_MS  500
#define RECONNECT_MAX_MS    30000

static gboolean reconnect_poll_cb (int fd, GIOCondition condition, gpointer user_data);

/* Waits for the socket to be ready for what the last step of the reset asked. */
static void
watch_reset_socket (LiaStore *self,
                    int       status)
{
  LiaChangeLog *log = _lia_store_get_change_log (self);
  int fd = PQsocket (_lia_db_pg_get_connection (_lia_store_get_db (self)));

  log->retry = g_unix_fd_add (fd, status == PGRES_POLLING_READING ? G_IO_IN : G_IO_OUT,
                              reconnect_poll_cb, self);
  g_source_set_name_by_id (log->retry, "[liaison] reconnecting to the team server");
}

static gboolean
reconnect_poll_cb (int           fd,
                   GIOCondition  condition,
                   gpointer      user_data)
{
  LiaStore *self = user_data;
  LiaChangeLog *log = _lia_store_get_change_log (self);
  int status;

  log->retry = 0;
  status = _lia_db_pg_reset_poll (_lia_store_get_db (self));
  switch (status)
    {
    case PGRES_POLLING_READING:
    case PGRES_POLLING_WRITING:
      /* The socket may be another one at each step. */
      watch_reset_socket (self, status);
      break;

    case PGRES_POLLING_OK:
      g_debug ("Connected to the team server again");
      log->reconnecting = FALSE;
      log->retry_ms = 0;
      /* LISTEN again, and read the log after the last row seen: what was committed while
       * the connection was lost is never notified again. */
      watch_server (self);
      _lia_store_notify_reconnecting (self);
      break;

    default:
      g_debug ("Could not connect to the team server again: %s",
               _lia_db_errmsg (_lia_store_get_db (self)));
      schedule_reconnect (self);
      break;
    }

  return G_SOURCE_REMOVE;
}

static gboolean
reconnect_cb (gpointer user_data)
{
  LiaStore *self = user_data;
  LiaChangeLog *log = _lia_store_get_change_log (self);

  log->retry = 0;
  if (!_lia_db_pg_reset_start (_lia_store_get_db (self)))
    {
      g_debug ("Could not connect to the team server again: %s",
               _lia_db_errmsg (_lia_store_get_db (self)));
      schedule_reconnect (self);
    }
  else
    watch_reset_socket (self, PGRES_POLLING_WRITING);

  return G_SOURCE_REMOVE;
}

/* The next attempt, waiting twice as long as the last one, up to RECONNECT_MAX_MS. */
static void
schedule_reconnect (LiaStore *self)
{
  LiaChangeLog *log = _lia_store_get_change_log (self);

  log->retry_ms = log->retry_ms == 0 ? RECONNECT_FIRST_MS : MIN (log->retry_ms * 2, RECONNECT_MAX_MS);
  log->retry = g_timeout_add (log->retry_ms, reconnect_cb, self);
  g_source_set_name_by_id (log->retry, "[liaison] reconnecting to the team server");
}

static void
server_change_cb (gint64      seq,
                  const char *kind,
                  gint64      record_id,
                  const char *operation,
                  gpointer    user_data)
{
  LiaStore *self = user_data;
  LiaChangeLog *log = _lia_store_get_change_log (self);

  if (kind == NULL)
    {
      /* The connection is lost and the watch with it: every read and save says so where it
       * can be shown until the store has connected again, from the main loop. */
      log->source = 0;
      g_clear_handle_id (&log->flush, g_source_remove);
      g_clear_handle_id (&log->pending, g_source_remove);
      g_debug ("The connection to the team server was lost: reconnecting");
      if (!log->reconnecting)
        {
          log->reconnecting = TRUE;
          log->retry_ms = 0;
          schedule_reconnect (self);
          _lia_store_notify_reconnecting (self);
        }
      return;
    }

  if (seq <= log->last_seen || log->pending != 0)
    return;
  log->pending = g_timeout_add (LIA_STORE_SERVER_SETTLE_MS, server_pending_cb, self);
  g_source_set_name_by_id (log->pending, "[liaison] team server changes to read");
}

/* libpq keeps the NOTIFYs that came in while it read other results of the connection (no
 * data is left on the socket for its watch then): look at what it kept, locally, no query. */
static gboolean
server_flush_cb (gpointer user_data)
{
  LiaStore *self = user_data;

  if (!lia_store_in_transaction (self))
    lia_server_dispatch_changes (_lia_db_pg_get_connection (_lia_store_get_db (self)));

  return G_SOURCE_CONTINUE;
}

static void
watch_server (LiaStore *self)
{
  LiaChangeLog *log = _lia_store_get_change_log (self);
  g_autoptr(GError) error = NULL;

  log->source = lia_server_watch_changes (_lia_db_pg_get_connection (_lia_store_get_db (self)),
                                          server_change_cb, self, NULL, &error);
  if (log->source == 0)
    {
      g_debug ("Could not follow the team server's changes: %s", error->message);
      return;
    }
  log->flush = g_timeout_add (LIA_STORE_WATCH_INTERVAL_MS, server_flush_cb, self);
  g_source_set_name_by_id (log->flush, "[liaison] team server changes kept by libpq");

  /* What others committed before the watch began. */
  if (!lia_store_in_transaction (self) && !lia_store_check_outside_changes (self, &error))
    g_debug ("Could not follow the team server's changes: %s", error->message);
}

void
lia_store_set_watching (LiaStore *self,
                        gboolean  watching)
{
  LiaChangeLog *log;

  g_return_if_fail (LIA_IS_STORE (self));

  log = _lia_store_get_change_log (self);
  if (watching == lia_store_get_watching (self))
    return;

  if (!watching)
    {
      gboolean was_reconnecting = log->reconnecting;

      g_clear_handle_id (&log->source, g_source_remove);
      g_clear_handle_id (&log->pending, g_source_remove);
      g_clear_handle_id (&log->flush, g_source_remove);
      /* Not following any more: the connection stays lost, as without a watch. */
      g_clear_handle_id (&log->retry, g_source_remove);
      if (was_reconnecting)
        _lia_db_pg_reset_abandon (_lia_store_get_db (self));
      log->reconnecting = FALSE;
      if (was_reconnecting)
        _lia_store_notify_reconnecting (self);
      return;
    }

  /* A server announces its commits by NOTIFY on the connection's socket. */
  if (_lia_store_is_server (self))
    {
      watch_server (self);
      return;
    }

  log->source = g_timeout_add (LIA_STORE_WATCH_INTERVAL_MS, watch_cb, self);
  g_source_set_name_by_id (log->source, "[liaison] outside changes");
}

gboolean
lia_store_get_watching (LiaStore *self)
{
  LiaChangeLog *log;

  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);

  log = _lia_store_get_change_log (self);
  return log->source != 0 || log->reconnecting;
}

/**
 * lia_store_get_reconnecting:
 * @self: a #LiaStore
 *
 * Whether a watching store on a team server lost its connection and is making it again
 * (#LiaStore:reconnecting).
 */
gboolean
lia_store_get_reconnecting (LiaStore *self)
{
  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);

  return _lia_store_get_change_log (self)->reconnecting;
}

/* Called once the schema is there: what is in the log now is not news. */
gboolean
_lia_store_log_open (LiaStore  *self,
                     GError   **error)
{
  LiaChangeLog *log = _lia_store_get_change_log (self);

  return read_data_version (self, &log->data_version, error) &&
         read_seq_range (self, NULL, &log->last_seen, error);
}
