/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "lia-list-query-private.h"
#include "lia-store-bulk.h"
#include "lia-store-hashes.h"
#include "lia-server.h"
#include "lia-store-private.h"

#define LIA_APPLICATION_ID 1279869267 /* 'LIAS', set by migration 1 */

/* More changes than this in one transaction are announced as one "reset": listeners reload
 * instead of replaying thousands of single changes (an import, a bulk delete). */
#define MAX_QUEUED_CHANGES LIA_STORE_MAX_SINGLE_CHANGES

typedef struct
{
  LiaRecordKind   kind;
  gint64          id;
  LiaStoreChange  change;
  LiaRecord      *old;
  LiaRecord      *current;
} QueuedChange;

/* Bounds the memory of the import's uid map: about 100 bytes a record. */
#define IMPORT_UID_CAP 200000

struct _LiaStore
{
  GObject     parent_instance;

  char       *path;
  char       *display;        /* path without a server's password, for messages */
  gboolean    is_server;      /* a team server (PostgreSQL), not a file */
  LiaDb      *db;
  GHashTable *statements;     /* SQL text → LiaStmt */
  int         schema_version;

  /* Transactions: depth 0 is none; each deeper level is a savepoint. marks[i] is the length of
   * the change queue when level i + 1 began, so a rollback to it drops only its changes. */
  guint       depth;
  GArray     *marks;
  GArray     *changes;        /* QueuedChange */
  gboolean    changes_overflowed;

  /* lia_store_set_import_mode(): saves inside a transaction take no savepoint of their own and
   * do not look up the references that the foreign keys check anyway. */
  gboolean    import_mode;
  /* Inside ops->insert: the new record owns no list rows yet, so none need deleting. */
  gboolean    inserting;
  /* In import mode, uid → id of the records of each kind found or saved so far (at most
   * IMPORT_UID_CAP in all), and whether that is every record of the kind: true for a kind
   * that had none when the import began, until the cap is reached or anything is deleted,
   * rolled back or fails half way. */
  GHashTable *import_uids[LIA_RECORD_KIND_CONCERN + 1];
  gboolean    import_complete[LIA_RECORD_KIND_CONCERN + 1];
  guint       n_import_uids;
  guint       import_uid_cap;
  /* Past the cap, the uids saved since, kind with uid, in a Bloom filter (ImportBloom): a kind
   * stays complete, and a uid the filter has never seen is certainly absent. */
  guint64    *import_bloom;
  guint       n_import_bloom;
  /* The indexes a bulk load in import mode dropped, as CREATE INDEX statements to run at its
   * end (lia-store-bulk.c). */
  GPtrArray  *deferred_indexes;
  /* Among them the triggers that start the assessment history of a new contact or
   * organization: the inserts write it themselves (_lia_store_write_first_assessment()). */
  gboolean    assessments_by_hand;
  /* lia_store_cache_uids(): id → uid of each kind, until the transaction ends. */
  GHashTable *uid_cache[LIA_RECORD_KIND_CONCERN + 1];
  guint       n_cached_uids;

  LiaChangeLog log;           /* other connections' changes: lia-store-changes.c */
  /* The account may read but not change data (lia_store_is_read_only()). */
  gboolean    read_only;
};

enum {
  PROP_0,
  PROP_PATH,
  PROP_RECONNECTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_CHANGED,
  SIGNAL_RESET,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LiaStore, lia_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (lia-store-error-quark, lia_store_error)

static void
queued_change_clear (gpointer data)
{
  QueuedChange *change = data;

  g_clear_object (&change->old);
  g_clear_object (&change->current);
}

static LiaStoreError
error_code_for_class (LiaDbErrorClass error_class)
{
  switch (error_class)
    {
    case LIA_DB_ERROR_CLASS_CONSTRAINT_FOREIGN_KEY:
      return LIA_STORE_ERROR_REFERENCE;
    case LIA_DB_ERROR_CLASS_CONSTRAINT_UNIQUE:
      return LIA_STORE_ERROR_DUPLICATE;
    case LIA_DB_ERROR_CLASS_CONSTRAINT:
      return LIA_STORE_ERROR_INVALID;
    case LIA_DB_ERROR_CLASS_DISK_FULL:
      return LIA_STORE_ERROR_DISK_FULL;
    case LIA_DB_ERROR_CLASS_BUSY:
      return LIA_STORE_ERROR_BUSY;
    case LIA_DB_ERROR_CLASS_CORRUPT:
      return LIA_STORE_ERROR_NOT_A_DATABASE;
    case LIA_DB_ERROR_CLASS_READ_ONLY:
    case LIA_DB_ERROR_CLASS_DENIED:
      return LIA_STORE_ERROR_PERMISSION;
    case LIA_DB_ERROR_CLASS_OTHER:
    case LIA_DB_ERROR_CLASS_UNSUPPORTED:
    default:
      return LIA_STORE_ERROR_FAILED;
    }
}

/* What to tell a person for the failures where the database's own text does not say what to
 * do. */
static const char *
advice_for_class (LiaDbErrorClass error_class,
                  gboolean        is_server)
{
  /* On a server, read-only and refused both come from the account's rights (a read-only
   * role), not from a file's. lia-server.c says the same. */
  if (is_server && (error_class == LIA_DB_ERROR_CLASS_READ_ONLY ||
                    error_class == LIA_DB_ERROR_CLASS_DENIED))
    return _("This account may not change data on the team server");

  switch (error_class)
    {
    case LIA_DB_ERROR_CLASS_DISK_FULL:
      return _("The disk is full; nothing was saved. Free some space and try again.");
    case LIA_DB_ERROR_CLASS_BUSY:
      return _("Another program is using the database. Try again in a moment.");
    case LIA_DB_ERROR_CLASS_CORRUPT:
      return _("The file is not a Liaison database, or it is damaged.");
    case LIA_DB_ERROR_CLASS_READ_ONLY:
      return _("Liaison may not read or write the file or its folder.");
    default:
      return NULL;
    }
}

void
_lia_store_set_error_from_db (LiaStore   *self,
                              GError    **error,
                              const char *format,
                              ...)
{
  g_autofree char *what = NULL;
  const char *advice;
  va_list args;
  LiaDbErrorClass error_class;

  g_assert (LIA_IS_STORE (self));

  error_class = _lia_db_error_class (self->db);
  advice = advice_for_class (error_class, self->is_server);

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (advice != NULL)
    g_set_error (error, LIA_STORE_ERROR, error_code_for_class (error_class),
                 "%s: %s (%s)", what, advice, _lia_db_errmsg (self->db));
  else
    g_set_error (error, LIA_STORE_ERROR, error_code_for_class (error_class),
                 "%s: %s", what, _lia_db_errmsg (self->db));
}

void
_lia_stmt_release (LiaStmt *stmt)
{
  if (stmt == NULL)
    return;

  _lia_db_reset (stmt);
  _lia_db_clear_bindings (stmt);
}

gboolean
_lia_store_is_server (LiaStore *self)
{
  g_assert (LIA_IS_STORE (self));

  return self->is_server;
}

gboolean
_lia_store_require_file (LiaStore    *self,
                         const char  *feature,
                         GError     **error)
{
  g_assert (LIA_IS_STORE (self));

  if (!self->is_server)
    return TRUE;

  /* Translators: %s is a feature, "Search" or "The stakeholder map". */
  g_set_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_FAILED,
               _("%s does not work on a team server yet, only on a database file."), _(feature));
  return FALSE;
}

LiaChangeLog *
_lia_store_get_change_log (LiaStore *self)
{
  g_assert (LIA_IS_STORE (self));

  return &self->log;
}

LiaDb *
_lia_store_get_db (LiaStore *self)
{
  g_assert (LIA_IS_STORE (self));

  return self->db;
}

gboolean
_lia_store_exec (LiaStore    *self,
                 const char  *sql,
                 GError     **error)
{
  g_assert (LIA_IS_STORE (self));

  if (_lia_db_exec (self->db, sql) != LIA_DB_OK)
    {
      _lia_store_set_error_from_db (self, error, _("Database command failed"));
      return FALSE;
    }

  return TRUE;
}

LiaStmt *
_lia_store_prepare (LiaStore    *self,
                    const char  *sql,
                    GError     **error)
{
  LiaStmt *stmt;

  g_assert (LIA_IS_STORE (self));

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      /* A cached statement still running means a caller nested the same query inside its
       * own loop: a bug, not a user error. */
      if G_UNLIKELY (_lia_db_stmt_busy (stmt))
        {
          g_critical ("Statement reused while still running: %s", sql);
          _lia_db_reset (stmt);
        }
      return stmt;
    }

  if (_lia_db_prepare (self->db, sql, -1, LIA_DB_PREPARE_PERSISTENT, &stmt, NULL) != LIA_DB_OK)
    {
      _lia_store_set_error_from_db (self, error, _("Could not prepare a database query"));
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

gboolean
_lia_store_step_done (LiaStore    *self,
                      LiaStmt     *stmt,
                      const char  *what,
                      GError     **error)
{
  int rc;

  g_assert (LIA_IS_STORE (self));

  rc = _lia_db_step (stmt);
  if (rc == LIA_DB_DONE || rc == LIA_DB_ROW)
    return TRUE;

  _lia_store_set_error_from_db (self, error, "%s", _(what));
  return FALSE;
}

gboolean
_lia_store_step_insert (LiaStore    *self,
                        LiaStmt     *stmt,
                        LiaRecord   *record,
                        const char  *what,
                        GError     **error)
{
  g_assert (LIA_IS_STORE (self));

  if (_lia_db_step (stmt) != LIA_DB_ROW)
    {
      _lia_store_set_error_from_db (self, error, "%s", _(what));
      return FALSE;
    }

  lia_record_set_id (record, _lia_db_column_int64 (stmt, 0));
  /* The row is written: finish the statement now rather than when it goes out of scope. */
  _lia_db_reset (stmt);

  return TRUE;
}

void
_lia_store_set_too_new_error (LiaStore  *self,
                              int        version,
                              GError   **error)
{
  g_set_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_TOO_NEW,
               _("“%s” was written by a newer version of Liaison (database version %d; this "
                 "version understands up to %d). Update Liaison to open it; the file was "
                 "not changed."),
               self->display, version, LIA_STORE_SCHEMA_VERSION);
}

gboolean
_lia_store_read_user_version (LiaStore  *self,
                              int       *out_version,
                              GError   **error)
{
  if (_lia_db_get_user_version (self->db, out_version) != LIA_DB_OK)
    {
      _lia_store_set_error_from_db (self, error, _("Could not read “%s”"), self->display);
      return FALSE;
    }

  return TRUE;
}

const LiaRecordOps *
_lia_record_ops_for_kind (LiaRecordKind kind)
{
  switch (kind)
    {
    case LIA_RECORD_KIND_ORGANIZATION:
      return &_lia_organization_ops;
    case LIA_RECORD_KIND_CONTACT:
      return &_lia_contact_ops;
    case LIA_RECORD_KIND_AFFILIATION:
      return &_lia_affiliation_ops;
    case LIA_RECORD_KIND_INTERACTION:
      return &_lia_interaction_ops;
    case LIA_RECORD_KIND_COMMITMENT:
      return &_lia_commitment_ops;
    case LIA_RECORD_KIND_CONCERN:
      return &_lia_concern_ops;
    case LIA_RECORD_KIND_PROJECT:
      return &_lia_project_ops;
    default:
      return NULL;
    }
}

GPtrArray *
_lia_store_collect (LiaStore           *self,
                    const LiaRecordOps *ops,
                    LiaStmt            *stmt,
                    GError            **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    {
      LiaRecord *record = ops->from_row (self, stmt, error);

      if (record == NULL)
        return NULL;

      g_ptr_array_add (records, record);
    }

  if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self, error, _("Could not read the database"));
      return NULL;
    }

  return g_steal_pointer (&records);
}

void
_lia_store_queue_change (LiaStore       *self,
                         LiaRecordKind   kind,
                         gint64          id,
                         LiaStoreChange  change,
                         LiaRecord      *old,
                         LiaRecord      *current)
{
  QueuedChange queued = { kind, id, change, NULL, NULL };

  if (self->changes_overflowed)
    return;

  if (self->changes->len >= MAX_QUEUED_CHANGES)
    {
      self->changes_overflowed = TRUE;
      g_array_set_size (self->changes, 0);
      return;
    }

  queued.old = old != NULL ? g_object_ref (old) : NULL;
  queued.current = current != NULL ? g_object_ref (current) : NULL;
  g_array_append_val (self->changes, queued);
}

void
_lia_store_queue_reset (LiaStore *self)
{
  g_assert (LIA_IS_STORE (self));
  g_assert (self->depth > 0);

  self->changes_overflowed = TRUE;
  g_array_set_size (self->changes, 0);
}

static void
flush_changes (LiaStore *self)
{
  g_autoptr(GArray) changes = NULL;
  gboolean overflowed = self->changes_overflowed;

  /* Handlers may write again (and queue again): hand them a fresh queue. */
  changes = g_steal_pointer (&self->changes);
  self->changes = g_array_new (FALSE, TRUE, sizeof (QueuedChange));
  g_array_set_clear_func (self->changes, queued_change_clear);
  self->changes_overflowed = FALSE;

  if (overflowed)
    {
      g_signal_emit (self, signals[SIGNAL_RESET], 0);
      return;
    }

  for (guint i = 0; i < changes->len; i++)
    {
      QueuedChange *change = &g_array_index (changes, QueuedChange, i);

      g_signal_emit (self, signals[SIGNAL_CHANGED], 0,
                     change->kind, change->id, change->change, change->old, change->current);
    }
}

static void
drop_changes_since (LiaStore *self,
                    guint     mark)
{
  /* After an overflow the queue no longer says what happened: a reset still has to go out if
   * the outer transaction commits, so the flag stays. */
  if (!self->changes_overflowed && mark < self->changes->len)
    g_array_set_size (self->changes, mark);
}

static gboolean
ensure_file (const char  *path,
             GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int fd;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_PERMISSION,
                   _("“%s” is a folder, not a database file."), path);
      return FALSE;
    }

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR) && g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_PERMISSION,
                   _("Could not create the folder “%s”: %s"), folder, g_strerror (saved_errno));
      return FALSE;
    }

  /* SQLite would create the file with the umask's mode (often 0644): a directory of people
   * and confidential notes is for the owner only. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0)
    {
      close (fd);
      return TRUE;
    }

  if (errno == EEXIST)
    return TRUE;

  g_set_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_PERMISSION,
               _("Could not create the database “%s”: %s"), path, g_strerror (errno));
  return FALSE;
}

/* Refuses, before anything is written, a file that is not ours or is from a newer Liaison.
 * SQLite only: the application id and the schema table are SQLite's file header. */
static gboolean
check_file_is_ours (LiaStore  *self,
                    GError   **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  int version, application_id, n_objects;

  stmt = _lia_store_prepare (self,
                             "SELECT (SELECT user_version FROM pragma_user_version),"
                             "       (SELECT application_id FROM pragma_application_id),"
                             "       (SELECT count(*) FROM sqlite_schema)",
                             NULL);
  if (stmt == NULL || _lia_db_step (stmt) != LIA_DB_ROW)
    {
      g_set_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Liaison database, or it is damaged (%s). The file was not "
                     "changed."),
                   self->path, _lia_db_errmsg (self->db));
      return FALSE;
    }

  version = _lia_db_column_int (stmt, 0);
  application_id = _lia_db_column_int (stmt, 1);
  n_objects = _lia_db_column_int (stmt, 2);

  if ((application_id != 0 && application_id != LIA_APPLICATION_ID) ||
      (application_id == 0 && n_objects > 0))
    {
      g_set_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is a database of another program, not of Liaison. The file was not "
                     "changed."),
                   self->path);
      return FALSE;
    }

  if (version > LIA_STORE_SCHEMA_VERSION)
    {
      _lia_store_set_too_new_error (self, version, error);
      return FALSE;
    }

  return TRUE;
}

/* PostgreSQL only: whether the account may change records, so that a window offers no edit to
 * a read-only role (lia_store_is_read_only()) instead of letting each save be refused. */
static gboolean
read_account_rights (LiaStore  *self,
                     GError   **error)
{
  g_autoptr(LiaStmt) stmt = NULL;

  stmt = _lia_store_prepare (self,
                             "SELECT CASE WHEN has_table_privilege ('organizations', 'UPDATE')"
                             " THEN 1 ELSE 0 END",
                             error);
  if (stmt == NULL)
    return FALSE;
  if (_lia_db_step (stmt) != LIA_DB_ROW)
    {
      _lia_store_set_error_from_db (self, error, _("Could not read what this account may do on “%s”"),
                                    self->display);
      return FALSE;
    }
  self->read_only = _lia_db_column_int (stmt, 0) == 0;

  return TRUE;
}

/* A team server: the schema is `liaison server init`'s, never migrated from here. */
static gboolean
open_server_database (LiaStore    *self,
                      const char  *password,
                      GError     **error)
{
  int version;

  if (_lia_db_pg_open (self->path, password, &self->db) != LIA_DB_OK)
    {
      /* lia_server_connect()'s message names the server and says what went wrong; the
       * advice for a refused statement, "may not change data", would be wrong before
       * anything was sent. */
      g_set_error_literal (error, LIA_STORE_ERROR,
                           _lia_db_error_class (self->db) == LIA_DB_ERROR_CLASS_DENIED
                           ? LIA_STORE_ERROR_PERMISSION
                           : error_code_for_class (_lia_db_error_class (self->db)),
                           _lia_db_errmsg (self->db));
      return FALSE;
    }
  if (_lia_db_configure (self->db) != LIA_DB_OK)
    {
      /* Translators: "Could not connect to db.example.org/liaison as amina: …". */
      _lia_store_set_error_from_db (self, error, _("Could not connect to %s"), self->display);
      return FALSE;
    }
  /* Named as the connection sees it (libpq's defaults filled in), the same way. */
  g_free (self->display);
  self->display = lia_server_describe (_lia_db_pg_get_connection (self->db));

  /* None or an older one: "run liaison server init"; a newer one refused as for files. */
  if (!lia_server_check_schema (_lia_db_pg_get_connection (self->db), error) ||
      !_lia_store_read_user_version (self, &version, error))
    return FALSE;

  if (!_lia_store_register_functions (self, error) ||
      !_lia_store_load_collation (self, error) ||
      !_lia_store_exec (self, LIA_LIST_ROWS_TABLE_SQL_PORTABLE, error) ||
      !read_account_rights (self, error))
    return FALSE;

  self->schema_version = version;
  return TRUE;
}

static gboolean
open_database (LiaStore    *self,
               const char  *password,
               GError     **error)
{
  if (_lia_db_location_is_server (self->path))
    return open_server_database (self, password, error);

  if (!ensure_file (self->path, error))
    return FALSE;

  if (_lia_db_open (self->path, &self->db) != LIA_DB_OK)
    {
      _lia_store_set_error_from_db (self, error, _("Could not open “%s”"), self->path);
      return FALSE;
    }

  if (!check_file_is_ours (self, error) ||
      !_lia_store_register_functions (self, error))
    return FALSE;

  /* Only now may the header change (WAL mode is recorded in the file). */
  if (_lia_db_configure (self->db) != LIA_DB_OK)
    {
      _lia_store_set_error_from_db (self, error, _("Could not open “%s”"), self->path);
      return FALSE;
    }

  if (!_lia_store_migrate (self, error) ||
      !_lia_store_load_collation (self, error) ||
      !_lia_store_exec (self, LIA_LIST_ROWS_TABLE_SQL, error) ||
      !_lia_store_log_open (self, error))
    return FALSE;

  return _lia_store_read_user_version (self, &self->schema_version, error);
}

static void
lia_store_dispose (GObject *object)
{
  LiaStore *self = (LiaStore *)object;

  lia_store_set_watching (self, FALSE);

  G_OBJECT_CLASS (lia_store_parent_class)->dispose (object);
}

static void
lia_store_finalize (GObject *object)
{
  LiaStore *self = (LiaStore *)object;

  if (self->depth > 0)
    {
      g_warning ("Store “%s” finalized inside a transaction: rolling back", self->display);
      _lia_db_exec (self->db, "ROLLBACK");
      /* A re-keying waiting for this write starts again. */
      _lia_store_writer_leave (self);
    }

  _lia_change_log_clear (&self->log);
  for (guint i = 0; i < G_N_ELEMENTS (self->import_uids); i++)
    g_clear_pointer (&self->import_uids[i], g_hash_table_unref);
  g_clear_pointer (&self->import_bloom, g_free);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    _lia_db_close (self->db);
  g_clear_pointer (&self->changes, g_array_unref);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->display, g_free);

  G_OBJECT_CLASS (lia_store_parent_class)->finalize (object);
}

static void
lia_store_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  LiaStore *self = LIA_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_RECONNECTING:
      g_value_set_boolean (value, lia_store_get_reconnecting (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_store_class_init (LiaStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lia_store_dispose;
  object_class->finalize = lia_store_finalize;
  object_class->get_property = lia_store_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * LiaStore:reconnecting:
   *
   * The connection to the team server was lost and the store is making it again; once made
   * it announces what others committed meanwhile. Always %FALSE on a file.
   */
  properties[PROP_RECONNECTING] =
    g_param_spec_boolean ("reconnecting", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LiaStore::changed:
   * @kind: the kind of record
   * @id: its database id
   * @change: added, updated or removed
   * @old: (nullable): the record as it was before (updated, removed)
   * @current: (nullable): the record as it is now (added, updated)
   *
   * A record changed through this store. Emitted after the transaction committed.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 5,
                  LIA_TYPE_RECORD_KIND, G_TYPE_INT64, LIA_TYPE_STORE_CHANGE,
                  LIA_TYPE_RECORD, LIA_TYPE_RECORD);

  /**
   * LiaStore::reset:
   *
   * Too much changed at once to list (a bulk write): everything derived from the database
   * should be reloaded.
   */
  signals[SIGNAL_RESET] =
    g_signal_new ("reset",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
lia_store_init (LiaStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) _lia_db_finalize);
  self->marks = g_array_new (FALSE, FALSE, sizeof (guint));
  self->changes = g_array_new (FALSE, TRUE, sizeof (QueuedChange));
  g_array_set_clear_func (self->changes, queued_change_clear);
  self->import_uid_cap = IMPORT_UID_CAP;
}

static char *
user_data_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "liaison", "liaison.db", NULL);
}

char *
lia_store_dup_default_path (void)
{
  const char *env = g_getenv ("LIAISON_DATABASE");

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);

  return user_data_path ();
}

char *
lia_store_dup_local_path (void)
{
  g_autofree char *path = lia_store_dup_default_path ();

  if (lia_store_location_is_server (path))
    return user_data_path ();
  return g_steal_pointer (&path);
}

gboolean
lia_store_location_is_server (const char *location)
{
  return _lia_db_location_is_server (location);
}

static LiaStore *
open_store (const char  *path,
            const char  *password,
            GError     **error)
{
  g_autoptr(LiaStore) self = NULL;

  self = g_object_new (LIA_TYPE_STORE, NULL);
  self->path = path != NULL ? g_strdup (path) : lia_store_dup_default_path ();
  self->is_server = _lia_db_location_is_server (self->path);
  /* A server as people name it ("db.example.org/liaison as amina"), never its password. */
  if (self->is_server)
    self->display = lia_server_describe_location (self->path);
  if (self->display == NULL)
    self->display = _lia_db_location_for_display (self->path);

  if (!open_database (self, password, error))
    return NULL;

  return g_steal_pointer (&self);
}

LiaStore *
lia_store_open (const char  *path,
                GError     **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_store (path, NULL, error);
}

LiaStore *
lia_store_open_server (const char  *location,
                       const char  *password,
                       GError     **error)
{
  g_return_val_if_fail (location != NULL && lia_store_location_is_server (location), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_store (location, password, error);
}

const char *
lia_store_get_path (LiaStore *self)
{
  g_return_val_if_fail (LIA_IS_STORE (self), NULL);

  return self->path;
}

const char *
lia_store_get_display_name (LiaStore *self)
{
  g_return_val_if_fail (LIA_IS_STORE (self), NULL);

  return self->display;
}

int
lia_store_get_schema_version (LiaStore *self)
{
  g_return_val_if_fail (LIA_IS_STORE (self), 0);

  return self->schema_version;
}

/* The Bloom filter past the cap: blocks of 512 bits (one cache line, so that a look-up reads
 * one line), IMPORT_BLOOM_PROBES bits set in a block for each uid. 2 MiB hold 1,500,000 uids
 * at about 11 bits each: a uid that is not there passes for one about once in a hundred
 * (then the database is asked, as without the filter). Past IMPORT_BLOOM_CAP the kinds are
 * no longer complete, as past the map's cap before. */
#define IMPORT_BLOOM_BYTES  (2u * 1024 * 1024)
#define IMPORT_BLOOM_BLOCKS (IMPORT_BLOOM_BYTES / 64)
#define IMPORT_BLOOM_PROBES 8
#define IMPORT_BLOOM_CAP    1500000

/* A 64-bit hash of @kind and @uid: the uid's FNV-1a, then splitmix64's finalizer, which
 * spreads every bit of it over the whole hash (FNV-1a's high bits depend little on the
 * last characters). */
static guint64
import_bloom_hash (LiaRecordKind  kind,
                   const char    *uid)
{
  guint64 h = lia_content_uid_hash (uid) + (guint64) kind * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);

  h = (h ^ (h >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  h = (h ^ (h >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return h ^ (h >> 31);
}

/* Sets (@add) or tests the bits of @kind and @uid; TRUE when all of them were set. */
static gboolean
import_bloom_bits (guint64       *bloom,
                   LiaRecordKind  kind,
                   const char    *uid,
                   gboolean       add)
{
  guint64 h = import_bloom_hash (kind, uid);
  guint64 *block = bloom + (gsize) ((h >> 32) % IMPORT_BLOOM_BLOCKS) * 8;
  /* Two 9-bit steps from the low half pick the bits (double hashing; the step is odd). */
  guint first = (guint) (h & 511);
  guint step = (guint) ((h >> 9) & 511) | 1;
  gboolean all = TRUE;

  for (guint i = 0; i < IMPORT_BLOOM_PROBES; i++)
    {
      guint bit = (first + i * step) & 511;
      guint64 mask = G_GUINT64_CONSTANT (1) << (bit & 63);

      if ((block[bit >> 6] & mask) == 0)
        all = FALSE;
      if (add)
        block[bit >> 6] |= mask;
      else if (!all)
        return FALSE;
    }
  return all;
}

/* The uid map can no longer tell that a uid is absent. */
static void
import_uids_incomplete (LiaStore *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->import_complete); i++)
    self->import_complete[i] = FALSE;
}

/* Something may have removed records: forget them all. */
static void
import_uids_forget (LiaStore *self)
{
  import_uids_incomplete (self);
  for (guint i = 0; i < G_N_ELEMENTS (self->import_uids); i++)
    if (self->import_uids[i] != NULL)
      g_hash_table_remove_all (self->import_uids[i]);
  self->n_import_uids = 0;
  g_clear_pointer (&self->import_bloom, g_free);
  self->n_import_bloom = 0;
}

gboolean
_lia_store_import_lookup (LiaStore      *self,
                          LiaRecordKind  kind,
                          const char    *uid,
                          gint64        *out_id)
{
  gpointer value;

  if (!self->import_mode || kind >= G_N_ELEMENTS (self->import_uids) || self->import_uids[kind] == NULL)
    return FALSE;
  if (g_hash_table_lookup_extended (self->import_uids[kind], uid, NULL, &value))
    {
      *out_id = *(gint64 *) value;
      return TRUE;
    }
  if (self->import_complete[kind] &&
      (self->import_bloom == NULL || !import_bloom_bits (self->import_bloom, kind, uid, FALSE)))
    {
      *out_id = 0;
      return TRUE;
    }
  return FALSE;
}

void
_lia_store_import_remember (LiaStore      *self,
                            LiaRecordKind  kind,
                            const char    *uid,
                            gint64         id)
{
  gint64 *value;

  if (!self->import_mode || uid == NULL || kind >= G_N_ELEMENTS (self->import_uids) ||
      self->import_uids[kind] == NULL)
    return;
  if (self->n_import_uids >= self->import_uid_cap)
    {
      /* Only what a complete kind is missing needs to go in; past the filter's cap none is. */
      if (self->n_import_bloom >= IMPORT_BLOOM_CAP)
        {
          import_uids_incomplete (self);
          return;
        }
      if (self->import_bloom == NULL)
        self->import_bloom = g_malloc0 (IMPORT_BLOOM_BYTES);
      import_bloom_bits (self->import_bloom, kind, uid, TRUE);
      self->n_import_bloom++;
      return;
    }
  value = g_new (gint64, 1);
  *value = id;
  if (g_hash_table_replace (self->import_uids[kind], g_strdup (uid), value))
    self->n_import_uids++;
}

void
_lia_store_import_uids_release (LiaStore *self)
{
  if (self->import_mode)
    import_uids_forget (self);
}

void
_lia_store_set_import_uid_cap (LiaStore *self,
                               guint     cap)
{
  self->import_uid_cap = cap;
}

static gboolean
enter_import_mode (LiaStore  *self,
                   GError   **error)
{
  for (guint kind = 0; kind < G_N_ELEMENTS (self->import_uids); kind++)
    {
      const LiaRecordOps *ops = _lia_record_ops_for_kind (kind);
      g_autofree char *sql = NULL;
      g_autoptr(LiaStmt) stmt = NULL;

      self->import_uids[kind] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      self->import_complete[kind] = FALSE;
      if (ops == NULL)
        continue;
      sql = g_strdup_printf ("SELECT NOT EXISTS (SELECT 1 FROM %s)", ops->table);
      if (!(stmt = _lia_store_prepare (self, sql, error)))
        return FALSE;
      if (_lia_db_step (stmt) != LIA_DB_ROW)
        {
          _lia_store_set_error_from_db (self, error, _("Could not read the database"));
          return FALSE;
        }
      self->import_complete[kind] = _lia_db_column_int (stmt, 0) != 0;
    }
  self->n_import_uids = 0;
  return TRUE;
}

static void
drop_uid_cache (LiaStore *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->uid_cache); i++)
    g_clear_pointer (&self->uid_cache[i], g_hash_table_unref);
  self->n_cached_uids = 0;
}

/* Empties the cache but keeps it on. */
static void
drop_uid_cache_entries (LiaStore *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->uid_cache); i++)
    if (self->uid_cache[i] != NULL)
      g_hash_table_remove_all (self->uid_cache[i]);
  self->n_cached_uids = 0;
}

/* Bounds the memory of lia_store_cache_uids(). */
#define UID_CACHE_CAP 250000

void
lia_store_cache_uids (LiaStore *self)
{
  g_return_if_fail (LIA_IS_STORE (self));
  g_return_if_fail (lia_store_in_transaction (self));

  for (guint i = 0; i < G_N_ELEMENTS (self->uid_cache); i++)
    if (self->uid_cache[i] == NULL)
      self->uid_cache[i] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

const char *
_lia_store_cached_uid (LiaStore      *self,
                       LiaRecordKind  kind,
                       gint64         id)
{
  if (kind >= G_N_ELEMENTS (self->uid_cache) || self->uid_cache[kind] == NULL)
    return NULL;
  return g_hash_table_lookup (self->uid_cache[kind], &id);
}

void
_lia_store_cache_uid (LiaStore      *self,
                      LiaRecordKind  kind,
                      gint64         id,
                      const char    *uid)
{
  gint64 *key;

  if (kind >= G_N_ELEMENTS (self->uid_cache) || self->uid_cache[kind] == NULL ||
      self->n_cached_uids >= UID_CACHE_CAP)
    return;
  key = g_new (gint64, 1);
  *key = id;
  g_hash_table_replace (self->uid_cache[kind], key, g_strdup (uid));
  self->n_cached_uids++;
}

/* The import mode lasts as long as the transaction it was set in. */
static void
leave_import_mode (LiaStore *self)
{
  if (!self->import_mode)
    return;
  self->import_mode = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (self->import_uids); i++)
    g_clear_pointer (&self->import_uids[i], g_hash_table_unref);
  g_clear_pointer (&self->import_bloom, g_free);
  self->n_import_bloom = 0;
  import_uids_incomplete (self);
  self->n_import_uids = 0;
  /* Ended by a rollback: the dropped indexes came back with it. */
  g_clear_pointer (&self->deferred_indexes, g_ptr_array_unref);
  self->assessments_by_hand = FALSE;
  _lia_db_set_bulk_mode (self->db, FALSE);
}

gboolean
lia_store_begin (LiaStore  *self,
                 GError   **error)
{
  g_autofree char *sql = NULL;
  guint mark;

  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);

  /* IMMEDIATE takes the write lock now, so two writers wait for each other at the start
   * instead of one failing with SQLITE_BUSY half way. */
  if (self->depth == 0)
    sql = g_strdup (_lia_db_begin_sql (self->db));
  else
    sql = g_strdup_printf ("SAVEPOINT lia_%u", self->depth);

  /* A re-keying of this process holding the write lock gives it up (lia-store-sql.c). */
  if (self->depth == 0)
    _lia_store_writer_enter (self);

  if (_lia_db_exec (self->db, sql) != LIA_DB_OK)
    {
      _lia_store_set_error_from_db (self, error, _("Could not start saving"));
      if (self->depth == 0)
        _lia_store_writer_leave (self);
      return FALSE;
    }

  /* On a server, writers take turns from BEGIN (the lock the change log's trigger would take
   * at the first write): no other connection commits log rows between the first look at the
   * log below and COMMIT, so the rows in between are exactly this transaction's, and a window
   * following the server announces what others did, never its own writes again. */
  if (self->depth == 0 && self->is_server
      && _lia_db_exec (self->db, LIA_SERVER_WRITE_LOCK_SQL) != LIA_DB_OK)
    {
      _lia_store_set_error_from_db (self, error, _("Could not start saving"));
      _lia_db_exec (self->db, "ROLLBACK");
      _lia_store_writer_leave (self);
      return FALSE;
    }

  /* Once per write transaction, holding the write lock: the contacts' keys written in it are
   * in the collation of the keys on file, even when another connection adopted another
   * since this one last looked (nobody can until this one commits). */
  if (self->depth == 0 &&
      (!_lia_store_refresh_collation (self, NULL, error) || !_lia_store_log_begin (self, error)))
    {
      _lia_db_exec (self->db, "ROLLBACK");
      _lia_store_writer_leave (self);
      return FALSE;
    }

  mark = self->changes->len;
  g_array_append_val (self->marks, mark);
  self->depth++;

  return TRUE;
}

gboolean
lia_store_commit (LiaStore  *self,
                  GError   **error)
{
  g_autofree char *sql = NULL;
  gint64 end_seq = 0;

  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE lia_%u", self->depth - 1);

  if (self->depth == 1 && !_lia_store_log_before_commit (self, &end_seq, error))
    {
      lia_store_rollback (self);
      return FALSE;
    }

  if (_lia_db_exec (self->db, sql) != LIA_DB_OK)
    {
      _lia_store_set_error_from_db (self, error, _("Could not save"));
      lia_store_rollback (self);
      return FALSE;
    }

  if (self->depth == 1)
    _lia_store_log_committed (self, end_seq);

  self->depth--;
  g_array_set_size (self->marks, self->depth);

  if (self->depth == 0)
    {
      _lia_store_writer_leave (self);
      leave_import_mode (self);
      drop_uid_cache (self);
      flush_changes (self);
    }

  return TRUE;
}

void
lia_store_rollback (LiaStore *self)
{
  g_autofree char *sql = NULL;
  guint mark;

  g_return_if_fail (LIA_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO lia_%u; RELEASE lia_%u", self->depth - 1, self->depth - 1);

  /* A failed COMMIT may already have ended the transaction; then there is nothing to undo. */
  if (_lia_db_exec (self->db, sql) != LIA_DB_OK && _lia_db_get_autocommit (self->db) == 0)
    g_warning ("Could not roll back: %s", _lia_db_errmsg (self->db));

  mark = g_array_index (self->marks, guint, self->depth - 1);
  self->depth--;
  g_array_set_size (self->marks, self->depth);

  if (self->depth == 0)
    {
      _lia_store_writer_leave (self);
      leave_import_mode (self);
      drop_uid_cache (self);
      g_array_set_size (self->changes, 0);
      self->changes_overflowed = FALSE;
    }
  else
    {
      if (self->import_mode)
        import_uids_forget (self);
      /* What the savepoint added is gone, and its ids may be given again. */
      drop_uid_cache_entries (self);
      drop_changes_since (self, mark);
    }
}

gboolean
lia_store_in_transaction (LiaStore *self)
{
  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);

  return self->depth > 0;
}

gboolean
lia_store_set_import_mode (LiaStore  *self,
                           gboolean   import_mode,
                           GError   **error)
{
  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);
  g_return_val_if_fail (!import_mode || lia_store_in_transaction (self), FALSE);

  if (import_mode == self->import_mode)
    return TRUE;
  if (!import_mode)
    {
      leave_import_mode (self);
      return TRUE;
    }
  /* On a server, importers take turns from here (the writers' lock, until the transaction
   * ends): what enter_import_mode() reads (which tables are empty) and the look-ups after it
   * then see every import that committed before, never one still running. */
  if (self->is_server && !_lia_store_exec (self, LIA_SERVER_WRITE_LOCK_SQL, error))
    return FALSE;
  if (!enter_import_mode (self, error))
    {
      leave_import_mode (self);
      return FALSE;
    }
  self->import_mode = import_mode;
  if (_lia_db_set_bulk_mode (self->db, TRUE) != LIA_DB_OK)
    {
      _lia_store_set_error_from_db (self, error, _("Database command failed"));
      return FALSE;
    }
  return TRUE;
}

gboolean
_lia_store_get_import_mode (LiaStore *self)
{
  return self->import_mode;
}

gboolean
_lia_store_is_inserting (LiaStore *self)
{
  return self->inserting;
}

GPtrArray *
_lia_store_get_deferred_indexes (LiaStore *self)
{
  if (self->deferred_indexes == NULL)
    self->deferred_indexes = g_ptr_array_new_with_free_func (g_free);
  return self->deferred_indexes;
}

void
_lia_store_set_assessments_by_hand (LiaStore *self)
{
  self->assessments_by_hand = TRUE;
}

/* Until the end of the bulk load makes the deferred triggers again (and empties the list). */
static gboolean
assessments_by_hand (LiaStore *self)
{
  return self->assessments_by_hand && self->deferred_indexes != NULL &&
         self->deferred_indexes->len > 0;
}

gboolean
_lia_store_write_first_assessment (LiaStore       *self,
                                   LiaRecord      *record,
                                   LiaAssessment  *assessment,
                                   GError        **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  const char *stance;

  if (!assessments_by_hand (self))
    return TRUE;

  /* What the triggers (lia-store-schema.c, version 3) write, when they would write it. */
  stance = lia_enum_to_nick (LIA_TYPE_STANCE, lia_assessment_get_stance (assessment));
  if (lia_assessment_get_influence (assessment) == 0 &&
      lia_assessment_get_interest (assessment) == 0 && g_strcmp0 (stance, "unknown") == 0)
    return TRUE;

  stmt = _lia_store_prepare (self,
                             LIA_IS_CONTACT (record)
                             ? "INSERT INTO assessment_history (contact_id, changed_at, influence,"
                               " interest, stance) VALUES (?1, ?2, ?3, ?4, ?5)"
                             : "INSERT INTO assessment_history (organization_id, changed_at,"
                               " influence, interest, stance) VALUES (?1, ?2, ?3, ?4, ?5)",
                             error);
  if (stmt == NULL)
    return FALSE;
  _lia_db_bind_int64 (stmt, 1, lia_record_get_id (record));
  _lia_bind_time (stmt, 2, lia_record_get_updated_at (record));
  _lia_db_bind_int (stmt, 3, lia_assessment_get_influence (assessment));
  _lia_db_bind_int (stmt, 4, lia_assessment_get_interest (assessment));
  _lia_bind_nick (stmt, 5, LIA_TYPE_STANCE, lia_assessment_get_stance (assessment));
  return _lia_store_step_done (self, stmt, N_("Could not save the assessment"), error);
}

static LiaRecord *
load_with (LiaStore           *self,
           const LiaRecordOps *ops,
           const char         *column,
           LiaStmt       *bound,
           GError            **error)
{
  int rc;

  rc = _lia_db_step (bound);
  if (rc == LIA_DB_ROW)
    {
      g_autoptr(LiaRecord) record = ops->from_row (self, bound, error);

      if (record == NULL
          || (ops->load_details != NULL && !ops->load_details (self, record, error)))
        return NULL;
      return g_steal_pointer (&record);
    }

  if (rc != LIA_DB_DONE)
    _lia_store_set_error_from_db (self, error, _("Could not read the database"));
  else
    g_set_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_NOT_FOUND,
                 _("There is no %s with that %s."),
                 lia_enum_to_nick (LIA_TYPE_RECORD_KIND, ops->kind), column);
  return NULL;
}

char *
lia_store_dup_label (LiaStore       *self,
                     LiaRecordKind   kind,
                     gint64          id,
                     GError        **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  g_autoptr(LiaRecord) record = NULL;
  const char *sql;
  int rc;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);

  /* The stored label: a contact's display name (explicit or composed), an organization's
   * name; lia-store-contacts.c and lia-store-organizations.c write them on save. */
  if (kind == LIA_RECORD_KIND_CONTACT)
    sql = "SELECT label FROM contacts WHERE id = ?1";
  else if (kind == LIA_RECORD_KIND_ORGANIZATION)
    sql = "SELECT name FROM organizations WHERE id = ?1";
  else
    {
      if (!(record = lia_store_load (self, kind, id, error)))
        return NULL;
      return g_strdup (lia_record_get_label (record));
    }

  if (!(stmt = _lia_store_prepare (self, sql, error)))
    return NULL;
  _lia_db_bind_int64 (stmt, 1, id);
  rc = _lia_db_step (stmt);
  if (rc == LIA_DB_ROW)
    return g_strdup (_lia_column_text (stmt, 0));
  if (rc == LIA_DB_DONE)
    g_set_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_NOT_FOUND,
                 _("There is no %s with that %s."),
                 lia_enum_to_nick (LIA_TYPE_RECORD_KIND, kind), "id");
  else
    _lia_store_set_error_from_db (self, error, _("Could not read the database"));
  return NULL;
}

LiaRecord *
lia_store_load (LiaStore       *self,
                LiaRecordKind   kind,
                gint64          id,
                GError        **error)
{
  const LiaRecordOps *ops;
  g_autoptr(LiaStmt) stmt = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);

  ops = _lia_record_ops_for_kind (kind);
  g_return_val_if_fail (ops != NULL, NULL);

  sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1", ops->columns, ops->table);
  if (!(stmt = _lia_store_prepare (self, sql, error)))
    return NULL;
  _lia_db_bind_int64 (stmt, 1, id);

  return load_with (self, ops, "id", stmt, error);
}

LiaRecord *
lia_store_load_by_uid (LiaStore       *self,
                       LiaRecordKind   kind,
                       const char     *uid,
                       GError        **error)
{
  const LiaRecordOps *ops;
  g_autoptr(LiaStmt) stmt = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);
  g_return_val_if_fail (uid != NULL, NULL);

  ops = _lia_record_ops_for_kind (kind);
  g_return_val_if_fail (ops != NULL, NULL);

  sql = g_strdup_printf ("SELECT %s FROM %s WHERE uid = ?1", ops->columns, ops->table);
  if (!(stmt = _lia_store_prepare (self, sql, error)))
    return NULL;
  _lia_bind_text (stmt, 1, uid);

  return load_with (self, ops, "uid", stmt, error);
}

/* Turns a constraint failure of the record's own row into words that name the record. */
static void
explain_failure (LiaRecord  *record,
                 GError    **error)
{
  const char *label = lia_record_get_label (record);

  if (error == NULL || *error == NULL)
    return;

  /* SQLite says "UNIQUE constraint failed: organizations.uid", PostgreSQL names the
   * constraint "organizations_uid_key": only that one is about the id a person chose; other
   * clashes keep the database's words. */
  if (g_error_matches (*error, LIA_STORE_ERROR, LIA_STORE_ERROR_DUPLICATE) &&
      (strstr ((*error)->message, ".uid") != NULL ||
       strstr ((*error)->message, "_uid_key\"") != NULL))
    {
      g_autofree char *message =
        g_strdup_printf (_("Another %s already has the id “%s”; “%s” was not saved."),
                         lia_enum_to_nick (LIA_TYPE_RECORD_KIND, lia_record_get_kind (record)),
                         lia_record_get_uid (record), label);
      g_clear_error (error);
      g_set_error_literal (error, LIA_STORE_ERROR, LIA_STORE_ERROR_DUPLICATE, message);
    }
}

/* An import into a server sends its inserts without waiting for each answer: what they
 * belong to, should one of them fail and the failure be found at a later call. */
static void
label_statements (LiaStore  *self,
                  LiaRecord *record)
{
  g_autofree char *label = NULL;

  if (!self->import_mode || !self->is_server)
    return;
  /* TRANSLATORS: a record named in an error found after its save: "organization “Acme” (id
   * “o-17”)". */
  label = g_strdup_printf (_("%s “%s” (id “%s”)"),
                           lia_enum_to_nick (LIA_TYPE_RECORD_KIND, lia_record_get_kind (record)),
                           lia_record_get_label (record),
                           lia_record_get_uid (record) != NULL ? lia_record_get_uid (record) : "");
  _lia_db_set_label (self->db, label);
}

/* "changed by USER at TIME": the author and time of the record's last logged change (the change
 * log's author is the database user on a server, the local user name on a file). */
static void
set_conflict_error (LiaStore   *self,
                    LiaRecord  *stored,
                    GError    **error)
{
  g_autofree char *author = NULL;
  g_autofree char *when = NULL;
  g_autoptr(GDateTime) local = NULL;
  GDateTime *changed_at = NULL;
  g_autoptr(GDateTime) logged_at = NULL;

  _lia_store_last_change (self, lia_record_get_kind (stored), lia_record_get_id (stored),
                          &author, &logged_at);
  changed_at = logged_at != NULL ? logged_at : lia_record_get_updated_at (stored);
  if (changed_at != NULL)
    {
      local = g_date_time_to_local (changed_at);
      when = g_date_time_format (local, "%Y-%m-%d %H:%M");
    }

  g_set_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_CONFLICT,
               /* Translators: "changed by amina at 2026-12-07 14:05"; nothing was saved */
               _("“%s” was changed by %s at %s since you opened it; your changes were not saved."),
               lia_record_get_label (stored),
               author != NULL ? author : _("another program"),
               when != NULL ? when : "?");
}

gboolean
lia_store_save (LiaStore   *self,
                LiaRecord  *record,
                GError    **error)
{
  return _lia_store_save_full (self, record, LIA_SAVE_DEFAULT, error);
}

gboolean
_lia_store_save_full (LiaStore      *self,
                      LiaRecord     *record,
                      LiaSaveFlags   flags,
                      GError       **error)
{
  const LiaRecordOps *ops;
  g_autoptr(GError) invalid = NULL;
  g_autoptr(LiaRecord) old = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) saved_created = NULL;
  g_autoptr(GDateTime) saved_updated = NULL;
  g_autofree char *saved_uid = NULL;
  gint64 saved_version;
  gint64 id;
  gboolean ok;
  gboolean guarded;
  gboolean was_inserting;

  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);
  g_return_val_if_fail (LIA_IS_RECORD (record), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ops = _lia_record_ops_for_kind (lia_record_get_kind (record));
  g_return_val_if_fail (ops != NULL, FALSE);

  if (!lia_record_validate (record, &invalid))
    {
      g_set_error_literal (error, LIA_STORE_ERROR, LIA_STORE_ERROR_INVALID, invalid->message);
      return FALSE;
    }

  /* In import mode, inside the import's transaction, a failed save leaves what it wrote: the
   * importer rolls the whole transaction back, so a savepoint per record buys nothing. */
  guarded = !(self->import_mode && self->depth > 0);
  was_inserting = self->inserting;
  if (guarded && !lia_store_begin (self, error))
    return FALSE;

  /* Remember what save changes on the object, to put it back if the write fails. */
  id = lia_record_get_id (record);
  saved_version = lia_record_get_version (record);
  saved_uid = g_strdup (lia_record_get_uid (record));
  saved_created = lia_record_get_created_at (record) ? g_date_time_ref (lia_record_get_created_at (record)) : NULL;
  saved_updated = lia_record_get_updated_at (record) ? g_date_time_ref (lia_record_get_updated_at (record)) : NULL;

  now = g_date_time_new_now_utc ();

  if (id == 0)
    {
      if (saved_uid == NULL || saved_uid[0] == '\0')
        {
          g_autofree char *uid = g_uuid_string_random ();
          lia_record_set_uid (record, uid);
        }
      if (saved_created == NULL)
        lia_record_set_created_at (record, now);
      if (!(flags & LIA_SAVE_KEEP_TIMES) || saved_updated == NULL)
        lia_record_set_updated_at (record, now);

      label_statements (self, record);
      self->inserting = TRUE;
      ok = ops->insert (self, record, error);
      self->inserting = was_inserting;
      if (ok)
        lia_record_set_version (record, 1);
    }
  else
    {
      old = lia_store_load (self, ops->kind, id, error);
      ok = old != NULL;

      /* The write lock is held since lia_store_begin(), so the version read here is the one
       * the UPDATE below replaces (a server backend reads it with SELECT … FOR UPDATE). */
      if (ok && saved_version > 0 && lia_record_get_version (old) != saved_version)
        {
          set_conflict_error (self, old, error);
          ok = FALSE;
        }

      if (ok)
        {
          if (saved_uid == NULL || saved_uid[0] == '\0')
            lia_record_set_uid (record, lia_record_get_uid (old));
          lia_record_set_created_at (record, lia_record_get_created_at (old));
          lia_record_set_updated_at (record, now);

          label_statements (self, record);
          /* A save nested in another record's insert still replaces its own lists. */
          self->inserting = FALSE;
          ok = ops->update (self, record, error);
          self->inserting = was_inserting;
          if (ok)
            lia_record_set_version (record, lia_record_get_version (old) + 1);
          /* An import in bulk is its own history (its summary); a person's save is kept. */
          if (ok && !self->import_mode)
            ok = _lia_store_write_field_history (self, old, record, now, error);
        }
    }

  if (ok)
    {
      _lia_store_queue_change (self, ops->kind, lia_record_get_id (record),
                               id == 0 ? LIA_STORE_CHANGE_ADDED : LIA_STORE_CHANGE_UPDATED,
                               old, record);
      /* A new record has an id no cached uid belongs to; a saved one may change its uid. */
      if (old != NULL && self->n_cached_uids > 0 &&
          g_strcmp0 (lia_record_get_uid (old), lia_record_get_uid (record)) != 0)
        drop_uid_cache_entries (self);
      if (guarded)
        ok = lia_store_commit (self, error);
      if (ok && id == 0)
        _lia_store_import_remember (self, ops->kind, lia_record_get_uid (record),
                                    lia_record_get_id (record));
    }
  else if (guarded)
    {
      lia_store_rollback (self);
    }

  if (!ok)
    {
      /* Without a savepoint, what the failed save wrote stays until the rollback. */
      if (self->import_mode)
        {
          import_uids_forget (self);
          drop_uid_cache_entries (self);
        }
      explain_failure (record, error);
      lia_record_set_id (record, id);
      lia_record_set_version (record, saved_version);
      lia_record_set_uid (record, saved_uid);
      lia_record_set_created_at (record, saved_created);
      lia_record_set_updated_at (record, saved_updated);
    }

  return ok;
}

gboolean
lia_store_delete (LiaStore   *self,
                  LiaRecord  *record,
                  GError    **error)
{
  const LiaRecordOps *ops;
  g_autoptr(LiaRecord) old = NULL;
  g_autoptr(GPtrArray) dependents = NULL;
  g_autoptr(LiaStmt) stmt = NULL;
  g_autofree char *sql = NULL;
  gboolean too_many = FALSE;
  gint64 id;

  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);
  g_return_val_if_fail (LIA_IS_RECORD (record), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ops = _lia_record_ops_for_kind (lia_record_get_kind (record));
  g_return_val_if_fail (ops != NULL, FALSE);

  id = lia_record_get_id (record);
  if (id <= 0)
    {
      g_set_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_NOT_FOUND,
                   _("“%s” was never saved, so there is nothing to delete."),
                   lia_record_get_label (record));
      return FALSE;
    }

  drop_uid_cache_entries (self);
  if (self->import_mode)
    import_uids_forget (self);
  if (!lia_store_begin (self, error))
    return FALSE;

  /* The listeners get the record as it was, links included, and so are the records the
   * delete reaches. */
  if (!(old = lia_store_load (self, ops->kind, id, error)))
    goto fail;
  if (!(dependents = _lia_store_load_dependents (self, old, MAX_QUEUED_CHANGES, &too_many, error)))
    goto fail;

  if (ops->before_delete != NULL && !ops->before_delete (self, old, error))
    goto fail;

  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", ops->table);
  if (!(stmt = _lia_store_prepare (self, sql, error)))
    goto fail;
  _lia_db_bind_int64 (stmt, 1, id);
  if (!_lia_store_step_done (self, stmt, N_("Could not delete"), error))
    goto fail;
  g_clear_pointer (&stmt, _lia_stmt_release);

  if (too_many)
    _lia_store_queue_reset (self);
  else if (!_lia_store_queue_dependent_changes (self, dependents, error))
    goto fail;
  _lia_store_queue_change (self, ops->kind, id, LIA_STORE_CHANGE_REMOVED, old, NULL);

  if (!lia_store_commit (self, error))
    return FALSE;

  lia_record_set_id (record, 0);
  return TRUE;

fail:
  lia_store_rollback (self);
  return FALSE;
}

gboolean
lia_store_get_counts (LiaStore        *self,
                      LiaStoreCounts  *out_counts,
                      GError         **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  g_autofree char *today = NULL;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_counts != NULL, FALSE);

  stmt = _lia_store_prepare (self,
                             "SELECT"
                             " (SELECT count(*) FROM organizations),"
                             " (SELECT count(*) FROM contacts),"
                             " (SELECT count(*) FROM affiliations),"
                             " (SELECT count(*) FROM interactions),"
                             " (SELECT count(*) FROM commitments),"
                             " (SELECT count(*) FROM commitments WHERE status = 'open'),"
                             " (SELECT count(*) FROM commitments WHERE status = 'open'"
                             "    AND due_date IS NOT NULL AND due_date < ?1),"
                             " (SELECT count(*) FROM concerns),"
                             " (SELECT count(*) FROM concerns WHERE status IN ('open', 'mediating'))",
                             error);
  if (stmt == NULL)
    return FALSE;

  now = g_date_time_new_now_local ();
  today = g_date_time_format (now, "%Y-%m-%d");
  _lia_bind_text (stmt, 1, today);

  if (_lia_db_step (stmt) != LIA_DB_ROW)
    {
      _lia_store_set_error_from_db (self, error, _("Could not count the records"));
      return FALSE;
    }

  out_counts->organizations = _lia_db_column_int64 (stmt, 0);
  out_counts->contacts = _lia_db_column_int64 (stmt, 1);
  out_counts->affiliations = _lia_db_column_int64 (stmt, 2);
  out_counts->interactions = _lia_db_column_int64 (stmt, 3);
  out_counts->commitments = _lia_db_column_int64 (stmt, 4);
  out_counts->open_commitments = _lia_db_column_int64 (stmt, 5);
  out_counts->overdue_commitments = _lia_db_column_int64 (stmt, 6);
  out_counts->concerns = _lia_db_column_int64 (stmt, 7);
  out_counts->open_concerns = _lia_db_column_int64 (stmt, 8);

  return TRUE;
}

/* Whether there is any organization, contact, interaction, commitment or concern: what
 * lia_store_get_counts() says when all its counts are 0, from the first entry of each table
 * instead of all of them (a few pages, where counting a big database out of the OS page cache
 * reads thousands). */
gboolean
lia_store_has_records (LiaStore  *self,
                       gboolean  *out_has_records,
                       GError   **error)
{
  g_autoptr(LiaStmt) stmt = NULL;

  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_has_records != NULL, FALSE);

  stmt = _lia_store_prepare (self,
                             "SELECT CASE WHEN"
                             " EXISTS (SELECT 1 FROM organizations)"
                             " OR EXISTS (SELECT 1 FROM contacts)"
                             " OR EXISTS (SELECT 1 FROM interactions)"
                             " OR EXISTS (SELECT 1 FROM commitments)"
                             " OR EXISTS (SELECT 1 FROM concerns)"
                             " THEN 1 ELSE 0 END",
                             error);
  if (stmt == NULL)
    return FALSE;

  if (_lia_db_step (stmt) != LIA_DB_ROW)
    {
      _lia_store_set_error_from_db (self, error, _("Could not count the records"));
      return FALSE;
    }
  *out_has_records = _lia_db_column_int64 (stmt, 0) != 0;

  return TRUE;
}

void
lia_store_announce_outside_change (LiaStore *self)
{
  g_return_if_fail (LIA_IS_STORE (self));
  g_return_if_fail (!lia_store_in_transaction (self));

  g_signal_emit (self, signals[SIGNAL_RESET], 0);
}

gboolean
lia_store_is_read_only (LiaStore *self)
{
  g_return_val_if_fail (LIA_IS_STORE (self), TRUE);

  return self->read_only;
}

void
_lia_store_set_read_only (LiaStore *self,
                          gboolean  read_only)
{
  g_return_if_fail (LIA_IS_STORE (self));

  self->read_only = read_only;
}

void
_lia_store_notify_reconnecting (LiaStore *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECONNECTING]);
}
