/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The store's database connection and statements, whatever the backend (SQLite today,
 * PostgreSQL through libpq next). The calls mirror sqlite3's one to one, so that converting
 * code is mechanical (build-aux/stmt-rename.sed does it):
 *
 *   sqlite3 / sqlite3_stmt      → LiaDb / LiaStmt
 *   sqlite3_bind_int64 (s, …)   → _lia_db_bind_int64 (s, …), likewise every bind_* / column_*
 *   sqlite3_step, _reset, …     → _lia_db_step, _lia_db_reset, …
 *   SQLITE_ROW / _DONE / _OK    → LIA_DB_ROW / LIA_DB_DONE / LIA_DB_OK
 *   SQLITE_STATIC / _TRANSIENT  → LIA_DB_STATIC / LIA_DB_TRANSIENT
 *   SQLITE_NULL                 → LIA_DB_NULL
 *   sqlite3_last_insert_rowid   → none: write "INSERT … RETURNING id" and read the row.
 *
 * Only lia-db-sqlite.c includes <sqlite3.h>. A failed call returns LIA_DB_ERROR (or NULL) and
 * leaves its text in _lia_db_errmsg() and its kind in _lia_db_error_class().
 *
 * What is not SQL differs per backend and sits behind _lia_db_configure(), the user-version
 * and data-version calls and _lia_db_set_bulk_mode(). SQL that only SQLite understands (the
 * migrations, FTS5, PRAGMA checks, the schema table, julianday()) is marked "SQLite only" where
 * it is written.
 */

typedef struct _LiaDb        LiaDb;
typedef struct _LiaStmt      LiaStmt;
typedef struct _LiaDbBackend LiaDbBackend;

/* Result codes, numerically sqlite3's. */
enum {
  LIA_DB_OK    = 0,
  LIA_DB_ERROR = 1,
  LIA_DB_ROW   = 100,
  LIA_DB_DONE  = 101,
};

/* Column types, numerically sqlite3's. */
enum {
  LIA_DB_INTEGER = 1,
  LIA_DB_FLOAT   = 2,
  LIA_DB_TEXT    = 3,
  LIA_DB_BLOB    = 4,
  LIA_DB_NULL    = 5,
};

/* How long bound text or blob stays valid: until the statement is reset (STATIC) or only
 * during the call (TRANSIENT: the backend copies it). */
typedef enum {
  LIA_DB_STATIC,
  LIA_DB_TRANSIENT,
} LiaDbLifetime;

/* _lia_db_prepare() flags. */
typedef enum {
  LIA_DB_PREPARE_DEFAULT    = 0,
  /* The statement is kept and reused for long (the store's cache). */
  LIA_DB_PREPARE_PERSISTENT = 1 << 0,
} LiaDbPrepareFlags;

/* What kind of failure the last error was, the same for every backend. */
typedef enum {
  LIA_DB_ERROR_CLASS_OTHER,
  /* A constraint other than the two below (CHECK, NOT NULL). */
  LIA_DB_ERROR_CLASS_CONSTRAINT,
  LIA_DB_ERROR_CLASS_CONSTRAINT_UNIQUE,
  LIA_DB_ERROR_CLASS_CONSTRAINT_FOREIGN_KEY,
  /* Another connection holds a lock, or a serialization failure: trying again may work. */
  LIA_DB_ERROR_CLASS_BUSY,
  /* Read-only database, no permission on the file or folder, cannot open. */
  LIA_DB_ERROR_CLASS_READ_ONLY,
  /* Refused by an authorizer or the server's access rules. */
  LIA_DB_ERROR_CLASS_DENIED,
  LIA_DB_ERROR_CLASS_DISK_FULL,
  /* Not a database, or a damaged one. */
  LIA_DB_ERROR_CLASS_CORRUPT,
  /* The backend cannot do this at all (a feature another backend has). */
  LIA_DB_ERROR_CLASS_UNSUPPORTED,
} LiaDbErrorClass;

/* A scalar SQL function over text arguments (NULL for SQL NULL) that returns new text or NULL. */
typedef char *(*LiaDbTextFunc) (gpointer            user_data,
                                int                 n_args,
                                const char * const *args);

/* Every backend implements these; lia-db.c dispatches to them. */
struct _LiaDbBackend
{
  const char       *name;
  /* Starts the outermost transaction, taking the write lock at once where that is a choice. */
  const char       *begin_sql;
  void            (*close)                (LiaDb *db);
  int             (*exec)                 (LiaDb *db, const char *sql);
  int             (*prepare)              (LiaDb *db, const char *sql, int n_bytes,
                                           LiaDbPrepareFlags flags, LiaStmt **out_stmt,
                                           const char **out_tail);
  void            (*finalize)             (LiaStmt *stmt);
  int             (*bind_int64)           (LiaStmt *stmt, int index, gint64 value);
  int             (*bind_double)          (LiaStmt *stmt, int index, double value);
  int             (*bind_text)            (LiaStmt *stmt, int index, const char *text,
                                           int n_bytes, LiaDbLifetime lifetime);
  int             (*bind_blob)            (LiaStmt *stmt, int index, const void *data,
                                           guint64 n_bytes, LiaDbLifetime lifetime);
  int             (*bind_null)            (LiaStmt *stmt, int index);
  int             (*bind_parameter_index) (LiaStmt *stmt, const char *name);
  int             (*step)                 (LiaStmt *stmt);
  int             (*reset)                (LiaStmt *stmt);
  int             (*clear_bindings)       (LiaStmt *stmt);
  gboolean        (*stmt_busy)            (LiaStmt *stmt);
  int             (*column_count)         (LiaStmt *stmt);
  const char     *(*column_name)          (LiaStmt *stmt, int column);
  int             (*column_type)          (LiaStmt *stmt, int column);
  gint64          (*column_int64)         (LiaStmt *stmt, int column);
  double          (*column_double)        (LiaStmt *stmt, int column);
  const char     *(*column_text)          (LiaStmt *stmt, int column);
  const void     *(*column_blob)          (LiaStmt *stmt, int column);
  int             (*column_bytes)         (LiaStmt *stmt, int column);
  gboolean        (*in_transaction)       (LiaDb *db);
  gint64          (*changes)              (LiaDb *db);
  const char     *(*errmsg)               (LiaDb *db);
  LiaDbErrorClass (*error_class)          (LiaDb *db);
  int             (*create_text_function) (LiaDb *db, const char *name, int n_args,
                                           LiaDbTextFunc func, gpointer user_data);
  /* What differs per backend beyond SQL: see the functions of the same names below. */
  int             (*configure)            (LiaDb *db);
  int             (*get_user_version)     (LiaDb *db, int *out_version);
  int             (*set_user_version)     (LiaDb *db, int version);
  int             (*data_version)         (LiaDb *db, gint64 *out_version);
  int             (*set_bulk_mode)        (LiaDb *db, gboolean bulk);
  const char     *(*user_name)            (LiaDb *db);
  /* NULL where statements are answered one by one: see _lia_db_set_label(). */
  void            (*set_label)            (LiaDb *db, const char *label);
  /* NULL where no statement can be stopped from another thread: see _lia_db_set_stop_flag(). */
  void            (*set_stop_flag)        (LiaDb *db, const gint *flag);
};

/* The common head of every backend's connection and statement. */
struct _LiaDb
{
  const LiaDbBackend *backend;
};

struct _LiaStmt
{
  const LiaDbBackend *backend;
  LiaDb              *db;
};

/* Whether @location names a database server rather than a file: a postgresql:// or
 * postgres:// URI, or a libpq keyword string ("host=… dbname=…"). Decided by the text alone,
 * never by whether a file exists. */
gboolean         _lia_db_location_is_server   (const char         *location);
/* @location as it may be shown or logged: a server's password left out. */
char            *_lia_db_location_for_display (const char         *location);

/* Opens (never creates) the database at @location: a file, or a server (see above). Sets
 * *out_db even on failure, for _lia_db_errmsg(); close it either way. */
int              _lia_db_open                 (const char         *location,
                                               LiaDb             **out_db);
void             _lia_db_close                (LiaDb              *db);
const char      *_lia_db_backend_name         (LiaDb              *db);
/* BEGIN IMMEDIATE on SQLite, BEGIN on PostgreSQL. */
const char      *_lia_db_begin_sql            (LiaDb              *db);
int              _lia_db_exec                 (LiaDb              *db,
                                               const char         *sql);
int              _lia_db_prepare              (LiaDb              *db,
                                               const char         *sql,
                                               int                 n_bytes,
                                               LiaDbPrepareFlags   flags,
                                               LiaStmt           **out_stmt,
                                               const char        **out_tail);
void             _lia_db_finalize             (LiaStmt            *stmt);
gboolean         _lia_db_in_transaction       (LiaDb              *db);
/* sqlite3_get_autocommit(): nonzero outside a transaction. */
int              _lia_db_get_autocommit       (LiaDb              *db);
gint64           _lia_db_changes              (LiaDb              *db);
const char      *_lia_db_errmsg               (LiaDb              *db);
LiaDbErrorClass  _lia_db_error_class          (LiaDb              *db);
int              _lia_db_create_text_function (LiaDb              *db,
                                               const char         *name,
                                               int                 n_args,
                                               LiaDbTextFunc       func,
                                               gpointer            user_data);

/* Settings of the connection, once the store has seen that the database is its own (SQLite:
 * foreign keys, synchronous=FULL, WAL, page cache). */
int              _lia_db_configure            (LiaDb              *db);
/* The schema version the database records (SQLite: PRAGMA user_version); the setter runs
 * inside the migration's transaction. */
int              _lia_db_get_user_version     (LiaDb              *db,
                                               int                *out_version);
int              _lia_db_set_user_version     (LiaDb              *db,
                                               int                 version);
/* A number that changes when another connection commits (SQLite: PRAGMA data_version);
 * cheap enough to poll. */
int              _lia_db_data_version         (LiaDb              *db,
                                               gint64             *out_version);
/* Who writes, for the change log and the history: the local user on a file, the database
 * user on a server. */
const char      *_lia_db_user_name            (LiaDb              *db);
/* Tuning for a big load in one transaction (SQLite: a bigger page cache), and back. */
int              _lia_db_set_bulk_mode        (LiaDb              *db,
                                               gboolean            bulk);

/* In bulk mode a backend may send statements without waiting for their answers (PostgreSQL:
 * libpq's pipeline mode), and one that failed fails a later call. @label (or NULL) names
 * what the statements run from now on belong to, for that error: "organization “Acme” (id
 * “o-1”): duplicate key…". SQLite answers every statement at once and ignores it. */
void             _lia_db_set_label            (LiaDb              *db,
                                               const char         *label);

/* While @flag (read atomically, from any thread) is not 0, the statement running on @db
 * stops soon with an error, as does every one started after; NULL stops watching. SQLite
 * only (a progress handler); other backends ignore it. */
void             _lia_db_set_stop_flag        (LiaDb              *db,
                                               const gint         *flag);

/* Statements: the hot path, so inline calls straight through the statement's backend. */
static inline int
_lia_db_bind_int64 (LiaStmt *stmt, int index, gint64 value)
{
  return stmt->backend->bind_int64 (stmt, index, value);
}

static inline int
_lia_db_bind_int (LiaStmt *stmt, int index, int value)
{
  return stmt->backend->bind_int64 (stmt, index, value);
}

static inline int
_lia_db_bind_double (LiaStmt *stmt, int index, double value)
{
  return stmt->backend->bind_double (stmt, index, value);
}

static inline int
_lia_db_bind_text (LiaStmt *stmt, int index, const char *text, int n_bytes,
                   LiaDbLifetime lifetime)
{
  return stmt->backend->bind_text (stmt, index, text, n_bytes, lifetime);
}

static inline int
_lia_db_bind_blob64 (LiaStmt *stmt, int index, const void *data, guint64 n_bytes,
                     LiaDbLifetime lifetime)
{
  return stmt->backend->bind_blob (stmt, index, data, n_bytes, lifetime);
}

static inline int
_lia_db_bind_null (LiaStmt *stmt, int index)
{
  return stmt->backend->bind_null (stmt, index);
}

/* @name with its prefix (":name", "?2"); 0 when the statement has no such parameter. */
static inline int
_lia_db_bind_parameter_index (LiaStmt *stmt, const char *name)
{
  return stmt->backend->bind_parameter_index (stmt, name);
}

/* LIA_DB_ROW, LIA_DB_DONE, or LIA_DB_ERROR (see _lia_db_errmsg()). */
static inline int
_lia_db_step (LiaStmt *stmt)
{
  return stmt->backend->step (stmt);
}

static inline int
_lia_db_reset (LiaStmt *stmt)
{
  return stmt->backend->reset (stmt);
}

static inline int
_lia_db_clear_bindings (LiaStmt *stmt)
{
  return stmt->backend->clear_bindings (stmt);
}

/* TRUE between a step that returned a row and the reset. */
static inline gboolean
_lia_db_stmt_busy (LiaStmt *stmt)
{
  return stmt->backend->stmt_busy (stmt);
}

static inline int
_lia_db_column_count (LiaStmt *stmt)
{
  return stmt->backend->column_count (stmt);
}

static inline const char *
_lia_db_column_name (LiaStmt *stmt, int column)
{
  return stmt->backend->column_name (stmt, column);
}

static inline int
_lia_db_column_type (LiaStmt *stmt, int column)
{
  return stmt->backend->column_type (stmt, column);
}

static inline gboolean
_lia_db_column_is_null (LiaStmt *stmt, int column)
{
  return stmt->backend->column_type (stmt, column) == LIA_DB_NULL;
}

static inline gint64
_lia_db_column_int64 (LiaStmt *stmt, int column)
{
  return stmt->backend->column_int64 (stmt, column);
}

static inline int
_lia_db_column_int (LiaStmt *stmt, int column)
{
  return (int) stmt->backend->column_int64 (stmt, column);
}

static inline double
_lia_db_column_double (LiaStmt *stmt, int column)
{
  return stmt->backend->column_double (stmt, column);
}

/* UTF-8, NULL for SQL NULL; valid until the next step, reset or column call on the column. */
static inline const char *
_lia_db_column_text (LiaStmt *stmt, int column)
{
  return stmt->backend->column_text (stmt, column);
}

static inline const void *
_lia_db_column_blob (LiaStmt *stmt, int column)
{
  return stmt->backend->column_blob (stmt, column);
}

static inline int
_lia_db_column_bytes (LiaStmt *stmt, int column)
{
  return stmt->backend->column_bytes (stmt, column);
}

/* lia-db-sqlite.c */
int              _lia_db_sqlite_open          (const char         *path,
                                               LiaDb             **out_db);
/* lia-db-pg.c */
/* With @password NULL, the password a connection still open on the same @conninfo was given
 * (a background thread's store on the window's server), else libpq's own sources. A password
 * is kept in memory while a connection made with it is open, never longer. */
int              _lia_db_pg_open              (const char         *conninfo,
                                               const char         *password,
                                               LiaDb             **out_db);
/* The PGconn under a server's connection, for lia-server.c's checks. */
gpointer         _lia_db_pg_get_connection    (LiaDb              *db);
/* Reconnecting without blocking: PQresetStart, then a PostgresPollingStatusType per step. */
gboolean         _lia_db_pg_reset_start       (LiaDb              *db);
int              _lia_db_pg_reset_poll        (LiaDb              *db);
void             _lia_db_pg_reset_abandon     (LiaDb              *db);

G_END_DECLS
