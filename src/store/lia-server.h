/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

/* The team server: connecting to a PostgreSQL database with Liaison's rules, creating or
 * migrating its schema (src/store/lia-store-schema-pg.sql), and what `liaison server status`
 * tells. The store's PostgreSQL backend connects and checks the schema through these too.
 * Errors are in LIA_STORE_ERROR. */

/* The NOTIFY channel of the change log: payload "SEQ KIND ID OPERATION". */
#define LIA_SERVER_CHANGES_CHANNEL "liaison_changes"

/* What a write transaction runs right after BEGIN: the writers' lock, held until it ends, so
 * that change-log numbers are in commit order (see lia-store-schema-pg.sql). The change-log
 * triggers take it too, for writers that do not. */
#define LIA_SERVER_WRITE_LOCK_SQL "SELECT liaison_lock_writers ()"

/* TRUE when @location names a PostgreSQL database rather than a file: a postgresql:// or
 * postgres:// URI, or a libpq keyword string ("host=… dbname=…"). */
gboolean  lia_server_is_location          (const char  *location);

/* Connects to @location with Liaison's rules:
 * - application_name "Liaison" (what `liaison server status` and pg_stat_activity show);
 * - the password only from libpq itself (~/.pgpass, PGPASSWORD, a passfile=…) or, when the
 *   server asks for one and stdin is a terminal, from a prompt: never from the command line;
 * - a host that is not local (not a Unix socket, not localhost, 127.0.0.1 or ::1) gets
 *   sslmode=verify-full unless @location or PGSSLMODE says otherwise.
 * Returns %NULL with LIA_STORE_ERROR_FAILED (or _PERMISSION for a refused login) on failure. */
PGconn   *lia_server_connect              (const char  *location,
                                           GError     **error);
/* The same with @password (may be %NULL) handed to libpq in memory ("password" keyword of
 * PQconnectdbParams): the window's password from the keyring. It is never written to a file,
 * logged or put in an error message; with it, no prompt. */
PGconn   *lia_server_connect_with_password (const char  *location,
                                            const char  *password,
                                            GError     **error);

/* The sslmode lia_server_connect() adds to @location: "verify-full" for a host that is not
 * local and no sslmode chosen, else %NULL (libpq's own default). */
const char *lia_server_default_sslmode    (const char  *location);

/* The one way Liaison names a team server's database to a person, with no password:
 * "db.example.org/liaison as amina", "db.example.org:5433/liaison as amina", or
 * "this computer/liaison as amina" for a Unix socket (translated). The window's sidebar and
 * Preferences, `liaison server status|init` and the store's errors all say it so.
 * _parts: from its pieces (@port %NULL or "5432": not shown; @user %NULL: this user's name);
 * _location: from a postgresql:// URI or keyword string, as libpq reads it (%NULL when it
 * cannot be parsed); lia_server_describe(): from an open connection. */
char     *lia_server_describe_parts       (const char  *host,
                                           const char  *port,
                                           const char  *dbname,
                                           const char  *user);
char     *lia_server_describe_location    (const char  *location);
char     *lia_server_describe             (PGconn      *conn);

/* The schema version the database holds: 0 when it has none (an empty database). */
gboolean  lia_server_read_schema_version  (PGconn      *conn,
                                           int         *out_version,
                                           GError     **error);

/* For opening the database as a store: fails unless the schema is this build's
 * (LIA_STORE_SCHEMA_VERSION): LIA_STORE_ERROR_TOO_NEW for a newer one, and
 * LIA_STORE_ERROR_NOT_A_DATABASE asking for `liaison server init` for none or an older one. */
gboolean  lia_server_check_schema         (PGconn      *conn,
                                           GError     **error);

/* Creates the schema, or migrates it forward, in one transaction; a newer schema is refused
 * (LIA_STORE_ERROR_TOO_NEW) and left untouched. @readwrite_roles and @readonly_roles
 * (%NULL-terminated, may be %NULL) are granted what officers and read-only accounts need, in
 * the same transaction. @out_previous gets the version found (0: none). */
gboolean  lia_server_init                 (PGconn              *conn,
                                           const char * const  *readwrite_roles,
                                           const char * const  *readonly_roles,
                                           int                 *out_previous,
                                           GError             **error);

/* Following other connections' commits from the main loop, with no thread and no polling:
 * LISTEN on @conn and a watch on its socket. @func gets one call per change-log row announced
 * (@kind "organization", "contact", …, or "all" with @operation "reset" after a bulk load), in
 * the order of @seq; and one call with @kind %NULL when the connection is lost, after which the
 * watch is gone: reconnect, then read the change log after the last @seq seen, since a NOTIFY
 * missed while offline is never sent again.
 *
 * libpq also collects notifications while it reads the results of other statements on @conn:
 * call lia_server_dispatch_changes() after them. Returns the watch's source id (remove it with
 * g_source_remove(), before PQfinish()), or 0 with @error. */
typedef void (*LiaServerChangeFunc) (gint64      seq,
                                     const char *kind,
                                     gint64      record_id,
                                     const char *operation,
                                     gpointer    user_data);

guint     lia_server_watch_changes        (PGconn               *conn,
                                           LiaServerChangeFunc   func,
                                           gpointer              user_data,
                                           GDestroyNotify        destroy,
                                           GError              **error);
/* Reads what @conn's socket holds and calls the watch's function for every notification
 * received; FALSE when the connection is lost (after telling the function). */
gboolean  lia_server_dispatch_changes     (PGconn               *conn);

typedef struct
{
  char   *user;
  char   *application;  /* "" when the session set none */
  gint64  since;        /* µs since the epoch, UTC; 0 when the server does not show it */
  gboolean is_self;
} LiaServerSession;

typedef struct
{
  int        schema_version;
  /* Records per kind, in the order of lia_server_status_kinds; -1 without a schema. */
  gint64     counts[7];
  /* LiaServerSession, oldest first: the connections to this database. */
  GPtrArray *sessions;
} LiaServerStatus;

/* The table names counted in LiaServerStatus.counts, in order. */
extern const char * const lia_server_status_tables[7];

LiaServerStatus *lia_server_get_status    (PGconn           *conn,
                                           GError          **error);
void             lia_server_status_free   (LiaServerStatus  *status);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaServerStatus, lia_server_status_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

/* Sets @error from a failed statement: the server's message after @prefix ("PREFIX: MESSAGE"),
 * in the LiaStoreError its SQLSTATE means. An account without the right to write
 * (insufficient_privilege, 42501) gets LIA_STORE_ERROR_PERMISSION and says so plainly: "This
 * account may not change data on the team server." */
void      lia_server_set_error_from_result (PGconn      *conn,
                                            PGresult    *result,
                                            GError     **error,
                                            const char  *prefix);

/* Store-internal: what `liaison server init` makes, as "table NAME", "index NAME", "trigger
 * NAME", "view NAME" and "foreign key NAME" (lia_store_check()). */
GHashTable *_lia_server_expected_objects (void);

G_END_DECLS
