/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-store"

#include "config.h"

#include <libpq-fe.h>
#include <string.h>

#include "lia-db.h"
#include "lia-server.h"
#include "lia-store.h"

/*
 * The PostgreSQL backend of lia-db.h, through libpq. Statements keep SQLite's placeholders in
 * the store's SQL (?, ?NNN, :name); they become $n once, when the statement is first prepared on
 * the connection, and the server-side statement is kept per connection under a generated name.
 * Parameters and results travel as text (bytea as binary parameters, hex text results), read
 * row by row from one PGresult per execution.
 */

/* Type oids of pg_type.h, which client code does not get. */
#define BOOLOID    16
#define BYTEAOID   17
#define INT8OID    20
#define INT2OID    21
#define INT4OID    23
#define OIDOID     26
#define FLOAT4OID  700
#define FLOAT8OID  701
#define NUMERICOID 1700
#define TEXTOID    25

typedef struct
{
  LiaDb       parent;
  PGconn     *conn;
  char       *errmsg;
  char        sqlstate[6];
  gboolean    unsupported;
  gint64      changes;
  GHashTable *prepared;     /* translated SQL → PgPrepared */
  guint       n_prepared;
  /* Prepared statements live on the server connection: a reset (_lia_db_pg_reset_start())
   * loses them, and each is prepared again at its next use. */
  guint       generation;
  gboolean    resetting;
  /* The key of the password this connection holds in `passwords`, or NULL. */
  char       *password_key;
  /* Bulk mode (_lia_db_set_bulk_mode()): the inserts whose answers nobody reads go out in
   * libpq's pipeline mode without waiting, and an insert that returns its new id is given
   * one from a block taken from the table's sequence beforehand. Whatever needs an answer
   * first ends the pipeline (drain()), and a queued insert that failed fails that call. */
  gboolean    bulk;
  gboolean    pipelined;
  /* A GRefString (or NULL) for each statement sent and not yet answered: its label. */
  GPtrArray  *queued;
  char       *label;        /* GRefString: what statements queued from now on belong to */
  /* The last error was a queued statement's, found at a later call. */
  gboolean    deferred;
  GHashTable *id_blocks;    /* table → IdBlock */
  guint       id_block_size;
} PgDb;

/* Ids taken from a table's sequence (nextval) for the inserts of a bulk load. */
typedef struct
{
  char   *sequence;
  GArray *ids;              /* gint64 */
  guint   next;
} IdBlock;

/* Passwords given to _lia_db_pg_open(), by connection string, while a connection made with
 * one is open: a background thread's store on the window's server (lia_store_open() on the
 * same location) connects with it too. Memory only: this replaces a passfile on disk. */
typedef struct
{
  char  *secret;
  guint  users;
} PgPassword;

static GMutex passwords_lock;
static GHashTable *passwords;

static void
pg_password_free (PgPassword *password)
{
  explicit_bzero (password->secret, strlen (password->secret));
  g_free (password->secret);
  g_free (password);
}

/* Takes a hold on @conninfo's password, the given one (which replaces an older one) or the
 * one kept; returns a copy to connect with (wipe it), or NULL when there is none. */
static char *
passwords_hold (const char *conninfo,
                const char *given)
{
  PgPassword *kept;
  char *copy;

  g_mutex_lock (&passwords_lock);
  if (passwords == NULL)
    passwords = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) pg_password_free);
  kept = g_hash_table_lookup (passwords, conninfo);
  if (given != NULL && given[0] != '\0')
    {
      if (kept == NULL)
        {
          kept = g_new0 (PgPassword, 1);
          g_hash_table_insert (passwords, g_strdup (conninfo), kept);
        }
      else
        {
          explicit_bzero (kept->secret, strlen (kept->secret));
          g_free (kept->secret);
        }
      kept->secret = g_strdup (given);
    }
  if (kept != NULL)
    kept->users++;
  copy = kept != NULL ? g_strdup (kept->secret) : NULL;
  g_mutex_unlock (&passwords_lock);

  return copy;
}

static void
passwords_release (const char *conninfo)
{
  PgPassword *kept;

  g_mutex_lock (&passwords_lock);
  kept = g_hash_table_lookup (passwords, conninfo);
  if (kept != NULL && --kept->users == 0)
    g_hash_table_remove (passwords, conninfo);
  g_mutex_unlock (&passwords_lock);
}

typedef struct _PgPrepared
{
  char  *name;              /* the server-side statement */
  int    n_params;
  char **param_names;       /* [n_params]: ":name" or "?NNN" as written, or NULL for "?" */
  char  *sql;               /* translated, to prepare it again after a reset */
  guint  generation;        /* the connection's generation it was prepared in */
  /* INSERT … VALUES (…) with no RETURNING nor ON CONFLICT: in bulk mode nobody waits for it. */
  gboolean deferrable;
  /* INSERT INTO table (…) VALUES (…) RETURNING id: the table, and in bulk mode the same
   * insert with the id given as its last parameter (prepared at its first use). */
  char  *table;
  char  *with_id_sql;
  struct _PgPrepared *with_id;
} PgPrepared;

typedef struct
{
  LiaStmt     parent;
  PgPrepared *prepared;     /* owned by the connection */
  char      **values;       /* [n_params], NULL for SQL NULL */
  int        *lengths;
  int        *formats;
  PGresult   *result;       /* NULL before the first step and after a reset */
  PGresult   *description;  /* the columns, asked before the first step */
  int         row;          /* the current row of result */
  gboolean    done;
  /* Sent in a pipeline (bulk mode): no result; an insert's new id, given here, is its row. */
  gboolean    queued;
  char        given_id[24];
  /* The last bytea decoded for column_blob/column_bytes. */
  unsigned char *blob;
  size_t         blob_length;
  int            blob_row;
  int            blob_column;
} PgStmt;

static const LiaDbBackend pg_backend;

#define PG(db)      ((PgDb *) (db))
#define PG_STMT(s)  ((PgStmt *) (s))

static void
set_error (PgDb       *self,
           const char *sqlstate,
           const char *message)
{
  g_free (self->errmsg);
  self->errmsg = g_strchomp (g_strdup (message != NULL && *message != '\0'
                                       ? message : "unknown error"));
  g_strlcpy (self->sqlstate, sqlstate != NULL ? sqlstate : "", sizeof self->sqlstate);
  self->unsupported = FALSE;
  self->deferred = FALSE;
}

static void
set_error_from_connection (PgDb *self)
{
  set_error (self, NULL, PQerrorMessage (self->conn));
}

static void
set_error_from_result (PgDb     *self,
                       PGresult *result)
{
  g_autofree char *message = NULL;
  const char *primary;
  const char *detail;

  if (result == NULL)
    {
      set_error_from_connection (self);
      return;
    }
  /* The server's words without libpq's "ERROR:  " and CONTEXT lines, which are for a
   * developer: what a message shows after "Could not save …: ", as SQLite's text is. */
  primary = PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY);
  detail = PQresultErrorField (result, PG_DIAG_MESSAGE_DETAIL);
  if (primary == NULL)
    message = g_strdup (PQresultErrorMessage (result));
  else if (detail != NULL)
    message = g_strdup_printf ("%s; %s", primary, detail);
  else
    message = g_strdup (primary);
  set_error (self, PQresultErrorField (result, PG_DIAG_SQLSTATE), message);
}

static int
set_unsupported (PgDb       *self,
                 const char *what)
{
  set_error (self, NULL, what);
  self->unsupported = TRUE;
  return LIA_DB_ERROR;
}

/* A result that ran is COMMAND_OK or TUPLES_OK; anything else leaves the error behind. */
static gboolean
result_ok (PgDb     *self,
           PGresult *result)
{
  ExecStatusType status = result != NULL ? PQresultStatus (result) : PGRES_FATAL_ERROR;

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    {
      const char *tuples = PQcmdTuples (result);

      self->changes = tuples != NULL && *tuples != '\0' ? g_ascii_strtoll (tuples, NULL, 10) : 0;
      return TRUE;
    }

  set_error_from_result (self, result);
  return FALSE;
}

/* Placeholders */

static gboolean
is_name_start (char c)
{
  return g_ascii_isalpha (c) || c == '_';
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

static int
find_name (GPtrArray  *names,
           const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_strcmp0 (g_ptr_array_index (names, i), name) == 0)
      return (int) i + 1;
  return 0;
}

static void
set_name (GPtrArray  *names,
          int         index,
          const char *name)
{
  while (names->len < (guint) index)
    g_ptr_array_add (names, NULL);
  if (g_ptr_array_index (names, index - 1) == NULL)
    g_ptr_array_index (names, index - 1) = g_strdup (name);
}

/* Copies one statement of @sql (up to @end) to PostgreSQL's placeholders, numbered as SQLite
 * numbers them: ?NNN is NNN, a bare ? and each new :name take the next number after the
 * largest so far. Quoted text, quoted names, comments and :: casts are copied as they are.
 * Returns where the next statement starts. */
static const char *
translate (const char *sql,
           const char *end,
           GString    *out,
           GPtrArray  *names,
           gboolean   *out_empty)
{
  const char *p = sql;

  *out_empty = TRUE;
  while (p < end && *p != '\0')
    {
      char c = *p;

      /* Only white space and comments: no statement, as sqlite3 says. */
      if (!g_ascii_isspace (c) && c != ';' &&
          !(c == '-' && p + 1 < end && p[1] == '-') &&
          !(c == '/' && p + 1 < end && p[1] == '*'))
        *out_empty = FALSE;

      if (c == '\'' || c == '"')
        {
          const char *close = p + 1;

          while (close < end && *close != '\0' && *close != c)
            close++;
          if (close < end && *close == c)
            close++;
          g_string_append_len (out, p, close - p);
          p = close;
        }
      else if (c == '-' && p + 1 < end && p[1] == '-')
        {
          const char *eol = p;

          while (eol < end && *eol != '\0' && *eol != '\n')
            eol++;
          g_string_append_len (out, p, eol - p);
          p = eol;
        }
      else if (c == '/' && p + 1 < end && p[1] == '*')
        {
          const char *close = strstr (p + 2, "*/");
          const char *stop = close != NULL && close + 2 <= end ? close + 2 : end;

          g_string_append_len (out, p, stop - p);
          p = stop;
        }
      else if (c == ';')
        {
          return p + 1;
        }
      else if (c == '?')
        {
          int index;

          p++;
          if (p < end && g_ascii_isdigit (*p))
            {
              const char *digits = p;
              g_autofree char *name = NULL;

              while (p < end && g_ascii_isdigit (*p))
                p++;
              name = g_strndup (digits - 1, p - digits + 1);
              index = (int) g_ascii_strtoll (digits, NULL, 10);
              if (index > 0)
                set_name (names, index, name);
            }
          else
            {
              index = names->len + 1;
              g_ptr_array_add (names, g_strdup (""));
            }
          g_string_append_printf (out, "$%d", index);
        }
      else if (c == ':' && p + 1 < end && p[1] == ':')
        {
          g_string_append (out, "::");
          p += 2;
        }
      else if (c == ':' && p + 1 < end && is_name_start (p[1]))
        {
          const char *start = p;
          g_autofree char *name = NULL;
          int index;

          p++;
          while (p < end && is_name_char (*p))
            p++;
          name = g_strndup (start, p - start);
          index = find_name (names, name);
          if (index == 0)
            {
              g_ptr_array_add (names, g_strdup (name));
              index = names->len;
            }
          g_string_append_printf (out, "$%d", index);
        }
      else
        {
          g_string_append_c (out, c);
          p++;
        }
    }

  return p;
}

static void
pg_prepared_free (gpointer data)
{
  PgPrepared *prepared = data;

  g_free (prepared->name);
  g_free (prepared->sql);
  g_free (prepared->table);
  g_free (prepared->with_id_sql);
  g_strfreev (prepared->param_names);
  g_free (prepared);
}

/* What bulk mode may do with @prepared (the store's SQL, translated): see PgPrepared. */
static void
classify (PgPrepared *prepared)
{
  const char *sql = prepared->sql;
  const char *name;
  const char *name_end;
  const char *values;
  const char *returning;
  g_autofree char *rest = NULL;

  while (g_ascii_isspace (*sql))
    sql++;
  if (!g_str_has_prefix (sql, "INSERT INTO ") || strstr (sql, "ON CONFLICT") != NULL ||
      strstr (sql, "SELECT") != NULL || strchr (sql, ';') != NULL)
    return;
  values = strstr (sql, ") VALUES (");
  if (values == NULL)
    return;
  returning = strstr (values, " RETURNING ");
  if (returning == NULL)
    {
      prepared->deferrable = TRUE;
      return;
    }

  rest = g_strstrip (g_strdup (returning + strlen (" RETURNING ")));
  name = sql + strlen ("INSERT INTO ");
  for (name_end = name; is_name_char (*name_end); name_end++)
    ;
  if (strcmp (rest, "id") != 0 || name_end == name || !g_str_has_prefix (name_end, " (") ||
      g_str_has_prefix (name_end + 2, "id,") || g_str_has_prefix (name_end + 2, "id)"))
    return;
  prepared->table = g_strndup (name, name_end - name);
  prepared->with_id_sql =
    g_strdup_printf ("INSERT INTO %s (id, %.*s) VALUES ($%d, %.*s", prepared->table,
                     (int) (values - (name_end + 2)), name_end + 2, prepared->n_params + 1,
                     (int) (returning - (values + strlen (") VALUES ("))),
                     values + strlen (") VALUES ("));
}

/* Connection */

static void
pg_close (LiaDb *db)
{
  PgDb *self = PG (db);

  g_clear_pointer (&self->prepared, g_hash_table_unref);
  g_clear_pointer (&self->queued, g_ptr_array_unref);
  g_clear_pointer (&self->label, g_ref_string_release);
  g_clear_pointer (&self->id_blocks, g_hash_table_unref);
  g_clear_pointer (&self->conn, PQfinish);
  if (self->password_key != NULL)
    passwords_release (self->password_key);
  g_free (self->password_key);
  g_free (self->errmsg);
  g_free (self);
}

/* While the connection is being made again, nothing may be sent on it. */
static gboolean
check_not_resetting (PgDb *self)
{
  if (!self->resetting)
    return TRUE;
  /* 08006: connection failure. */
  set_error (self, "08006", "the connection to the team server was lost; reconnecting");
  return FALSE;
}

/* Bulk mode's pipeline */

static void
release_label (gpointer label)
{
  if (label != NULL)
    g_ref_string_release (label);
}

/* More statements than this are not left unanswered: the answers wait in the server's and the
 * socket's buffers meanwhile. */
#define MAX_QUEUED 1000

/* A queued statement failed: its error, naming what it belonged to. */
static void
set_deferred_error (PgDb       *self,
                    PGresult   *result,
                    const char *label)
{
  set_error_from_result (self, result);
  /* A lost connection, or a server shutting down, is no record's doing. */
  if (label != NULL && PQstatus (self->conn) != CONNECTION_BAD &&
      !g_str_has_prefix (self->sqlstate, "08") && !g_str_has_prefix (self->sqlstate, "57"))
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", label, self->errmsg);

      g_free (self->errmsg);
      self->errmsg = g_steal_pointer (&message);
    }
  /* Not the error of the call that found it: what a caller makes of a class (a duplicate
   * id of the record it saves) would be about the wrong record. */
  self->deferred = TRUE;
}

/* Ends the pipeline, if any: waits for the answers to every statement sent in it. FALSE with
 * the error of the first that failed (the server skipped the ones after it). */
static gboolean
drain (PgDb *self)
{
  gboolean ok = TRUE;
  guint answered = 0;
  int nulls = 0;

  if (!self->pipelined)
    return TRUE;

  if (PQpipelineSync (self->conn) != 1)
    {
      set_error_from_connection (self);
      ok = FALSE;
    }
  for (;;)
    {
      PGresult *result;
      ExecStatusType status;

      if (PQstatus (self->conn) == CONNECTION_BAD)
        {
          if (ok)
            set_error_from_connection (self);
          ok = FALSE;
          break;
        }
      result = PQgetResult (self->conn);
      if (result == NULL)
        {
          /* One NULL ends each statement's answers; two in a row, nothing more comes. */
          if (++nulls > 1)
            {
              if (ok)
                set_error_from_connection (self);
              ok = FALSE;
              break;
            }
          continue;
        }
      nulls = 0;
      status = PQresultStatus (result);
      if (status == PGRES_PIPELINE_SYNC)
        {
          PQclear (result);
          break;
        }
      if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK &&
          status != PGRES_PIPELINE_ABORTED && ok)
        {
          set_deferred_error (self, result,
                              answered < self->queued->len
                              ? g_ptr_array_index (self->queued, answered) : NULL);
          ok = FALSE;
        }
      answered++;
      PQclear (result);
    }

  g_ptr_array_set_size (self->queued, 0);
  if (PQexitPipelineMode (self->conn) != 1 && ok)
    {
      set_error_from_connection (self);
      ok = FALSE;
    }
  self->pipelined = PQpipelineStatus (self->conn) != PQ_PIPELINE_OFF;
  return ok;
}

/* Sends @prepared with @values without waiting for its answer (bulk mode). */
static gboolean
send_queued (PgDb               *self,
             PgPrepared         *prepared,
             const char * const *values,
             const int          *lengths,
             const int          *formats);

static void give_back_ids (PgDb *self);

static int
pg_exec (LiaDb      *db,
         const char *sql)
{
  PgDb *self = PG (db);
  PGresult *result;
  gboolean ok;

  if (!check_not_resetting (self))
    return LIA_DB_ERROR;
  /* A rollback goes ahead whatever the statements before it did. */
  if (!drain (self) && !g_str_has_prefix (sql, "ROLLBACK"))
    return LIA_DB_ERROR;
  if (self->bulk && strcmp (sql, "COMMIT") == 0)
    give_back_ids (self);

  result = PQexec (self->conn, sql);
  ok = result_ok (self, result);

  PQclear (result);
  return ok ? LIA_DB_OK : LIA_DB_ERROR;
}

/* The number of the parameter that "could not determine data type of parameter $N" names
 * (42P18 indeterminate_datatype, or 42P08 ambiguous_parameter), else 0. */
static int
indeterminate_parameter (PgDb *self)
{
  const char *dollar;

  if ((strcmp (self->sqlstate, "42P18") != 0 && strcmp (self->sqlstate, "42P08") != 0) ||
      (dollar = strstr (self->errmsg, "parameter $")) == NULL)
    return 0;
  dollar += strlen ("parameter ");
  return (int) g_ascii_strtoll (dollar + 1, NULL, 10);
}

/* PQprepare, with what SQLite does without asking: a number the SQL never uses (?1, ?3) and a
 * parameter whose type nothing in the SQL decides (?1 IS NULL alone) are text. A failure
 * inside a transaction is undone to a savepoint, so that the transaction goes on as it does
 * on SQLite, where a failed prepare changes nothing. */
static gboolean
prepare_on_server (PgDb       *self,
                   const char *name,
                   const char *sql,
                   GPtrArray  *names)
{
  g_autofree Oid *types = g_new0 (Oid, MAX (names->len, 1));
  gboolean in_transaction;
  gboolean ok = FALSE;

  for (guint i = 0; i < names->len; i++)
    if (g_ptr_array_index (names, i) == NULL)
      types[i] = TEXTOID;

  if (!drain (self))
    return FALSE;
  in_transaction = PQtransactionStatus (self->conn) == PQTRANS_INTRANS;
  if (in_transaction && pg_exec (&self->parent, "SAVEPOINT lia_prepare") != LIA_DB_OK)
    return FALSE;

  for (guint attempt = 0; attempt <= names->len && !ok; attempt++)
    {
      PGresult *result = PQprepare (self->conn, name, sql, (int) names->len, types);
      int undecided;

      ok = result_ok (self, result);
      PQclear (result);
      if (ok)
        break;
      undecided = indeterminate_parameter (self);
      if (undecided < 1 || undecided > (int) names->len || types[undecided - 1] == TEXTOID)
        break;
      types[undecided - 1] = TEXTOID;
      if (in_transaction)
        {
          /* Keep the error of the failed attempt while undoing it. */
          PGresult *undo = PQexec (self->conn, "ROLLBACK TO SAVEPOINT lia_prepare");
          PQclear (undo);
        }
    }

  if (in_transaction)
    {
      g_autofree char *errmsg = g_strdup (self->errmsg);
      char sqlstate[6];
      PGresult *undo;

      g_strlcpy (sqlstate, self->sqlstate, sizeof sqlstate);
      if (!ok)
        {
          undo = PQexec (self->conn, "ROLLBACK TO SAVEPOINT lia_prepare");
          PQclear (undo);
        }
      undo = PQexec (self->conn, "RELEASE SAVEPOINT lia_prepare");
      PQclear (undo);
      if (!ok)
        set_error (self, sqlstate, errmsg);
    }

  return ok;
}

static int
pg_prepare (LiaDb              *db,
            const char         *sql,
            int                 n_bytes,
            LiaDbPrepareFlags   flags,
            LiaStmt           **out_stmt,
            const char        **out_tail)
{
  PgDb *self = PG (db);
  g_autoptr(GString) translated = g_string_new (NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *end = n_bytes < 0 ? sql + strlen (sql) : sql + n_bytes;
  const char *tail;
  gboolean empty;
  PgPrepared *prepared;
  PgStmt *stmt;

  *out_stmt = NULL;
  if (!check_not_resetting (self))
    return LIA_DB_ERROR;
  tail = translate (sql, end, translated, names, &empty);
  if (out_tail != NULL)
    *out_tail = tail;
  if (empty)
    return LIA_DB_OK;

  prepared = g_hash_table_lookup (self->prepared, translated->str);
  if (prepared == NULL)
    {
      g_autofree char *name = g_strdup_printf ("lia_%u", ++self->n_prepared);

      if (!prepare_on_server (self, name, translated->str, names))
        return LIA_DB_ERROR;

      prepared = g_new0 (PgPrepared, 1);
      prepared->name = g_steal_pointer (&name);
      prepared->sql = g_strdup (translated->str);
      prepared->generation = self->generation;
      prepared->n_params = (int) names->len;
      prepared->param_names = g_new0 (char *, names->len + 1);
      /* A NULL within the vector would end g_strfreev early: unused numbers get "" too. */
      for (guint i = 0; i < names->len; i++)
        prepared->param_names[i] = g_strdup (g_ptr_array_index (names, i) != NULL
                                             ? g_ptr_array_index (names, i) : "");
      classify (prepared);
      g_hash_table_insert (self->prepared, g_strdup (translated->str), prepared);
    }

  stmt = g_new0 (PgStmt, 1);
  stmt->parent.backend = &pg_backend;
  stmt->parent.db = db;
  stmt->prepared = prepared;
  stmt->values = g_new0 (char *, MAX (prepared->n_params, 1));
  stmt->lengths = g_new0 (int, MAX (prepared->n_params, 1));
  stmt->formats = g_new0 (int, MAX (prepared->n_params, 1));
  stmt->row = -1;
  stmt->blob_row = -1;
  *out_stmt = &stmt->parent;

  return LIA_DB_OK;
}

/* After a reset the server has forgotten the statement: prepare it again, by the same name. */
static gboolean
ensure_prepared (PgDb       *self,
                 PgPrepared *prepared)
{
  g_autoptr(GPtrArray) names = NULL;

  if (!check_not_resetting (self))
    return FALSE;
  if (prepared->generation == self->generation)
    return TRUE;

  names = g_ptr_array_new ();
  for (int i = 0; i < prepared->n_params; i++)
    g_ptr_array_add (names, prepared->param_names[i][0] != '\0' ? prepared->param_names[i] : NULL);
  if (!prepare_on_server (self, prepared->name, prepared->sql, names))
    return FALSE;
  prepared->generation = self->generation;
  return TRUE;
}

static void
clear_result (PgStmt *stmt)
{
  g_clear_pointer (&stmt->result, PQclear);
  g_clear_pointer (&stmt->blob, PQfreemem);
  stmt->blob_row = -1;
  stmt->row = -1;
  stmt->done = FALSE;
  stmt->queued = FALSE;
  stmt->given_id[0] = '\0';
}

static int
pg_clear_bindings (LiaStmt *lia_stmt)
{
  PgStmt *stmt = PG_STMT (lia_stmt);

  for (int i = 0; i < stmt->prepared->n_params; i++)
    {
      g_clear_pointer (&stmt->values[i], g_free);
      stmt->lengths[i] = 0;
      stmt->formats[i] = 0;
    }
  return LIA_DB_OK;
}

static void
pg_finalize (LiaStmt *lia_stmt)
{
  PgStmt *stmt = PG_STMT (lia_stmt);

  clear_result (stmt);
  g_clear_pointer (&stmt->description, PQclear);
  pg_clear_bindings (lia_stmt);
  g_free (stmt->values);
  g_free (stmt->lengths);
  g_free (stmt->formats);
  g_free (stmt);
}

/* Binding */

static int
bind_value (LiaStmt *lia_stmt,
            int      index,
            char    *value,
            int      length,
            int      format)
{
  PgStmt *stmt = PG_STMT (lia_stmt);

  if (index < 1 || index > stmt->prepared->n_params)
    {
      g_free (value);
      set_error (PG (lia_stmt->db), NULL, "bind index out of range");
      return LIA_DB_ERROR;
    }
  g_free (stmt->values[index - 1]);
  stmt->values[index - 1] = value;
  stmt->lengths[index - 1] = length;
  stmt->formats[index - 1] = format;
  return LIA_DB_OK;
}

static int
pg_bind_int64 (LiaStmt *stmt, int index, gint64 value)
{
  return bind_value (stmt, index, g_strdup_printf ("%" G_GINT64_FORMAT, value), 0, 0);
}

static int
pg_bind_double (LiaStmt *stmt, int index, double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return bind_value (stmt, index, g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value)), 0, 0);
}

static int
pg_bind_text (LiaStmt *stmt, int index, const char *text, int n_bytes, LiaDbLifetime lifetime)
{
  if (text == NULL)
    return bind_value (stmt, index, NULL, 0, 0);
  return bind_value (stmt, index, n_bytes < 0 ? g_strdup (text) : g_strndup (text, n_bytes), 0, 0);
}

static int
pg_bind_blob (LiaStmt *stmt, int index, const void *data, guint64 n_bytes, LiaDbLifetime lifetime)
{
  if (n_bytes > G_MAXINT)
    {
      set_error (PG (stmt->db), "54000", "value too large");
      return LIA_DB_ERROR;
    }
  /* Binary format: the bytes as they are. */
  return bind_value (stmt, index, g_memdup2 (data != NULL ? data : "", MAX (n_bytes, 1)),
                     (int) n_bytes, 1);
}

static int
pg_bind_null (LiaStmt *stmt, int index)
{
  return bind_value (stmt, index, NULL, 0, 0);
}

static int
pg_bind_parameter_index (LiaStmt *lia_stmt, const char *name)
{
  PgStmt *stmt = PG_STMT (lia_stmt);

  for (int i = 0; i < stmt->prepared->n_params; i++)
    if (strcmp (stmt->prepared->param_names[i], name) == 0)
      return i + 1;
  return 0;
}

/* Running */

static gboolean
send_queued (PgDb               *self,
             PgPrepared         *prepared,
             const char * const *values,
             const int          *lengths,
             const int          *formats)
{
  if (prepared->generation != self->generation && !ensure_prepared (self, prepared))
    return FALSE;
  if (!self->pipelined)
    {
      if (PQenterPipelineMode (self->conn) != 1)
        {
          set_error_from_connection (self);
          return FALSE;
        }
      self->pipelined = TRUE;
    }
  if (PQsendQueryPrepared (self->conn, prepared->name, prepared->n_params, values, lengths,
                           formats, 0) != 1)
    {
      set_error_from_connection (self);
      drain (self);
      return FALSE;
    }
  g_ptr_array_add (self->queued, self->label != NULL ? g_ref_string_acquire (self->label) : NULL);
  /* An INSERT … VALUES of one row, as in SQLite. */
  self->changes = 1;
  return self->queued->len < MAX_QUEUED || drain (self);
}

static void
id_block_free (gpointer data)
{
  IdBlock *block = data;

  g_free (block->sequence);
  g_array_unref (block->ids);
  g_free (block);
}

/* The next id of @table's sequence for an insert of the bulk load, from a block taken
 * beforehand (one round trip for many rows); 0 on failure. */
static gint64
take_id (PgDb       *self,
         const char *table)
{
  IdBlock *block;
  PGresult *result;
  char size[16];
  const char *params[2];

  if (self->id_blocks == NULL)
    self->id_blocks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, id_block_free);
  block = g_hash_table_lookup (self->id_blocks, table);
  if (block != NULL && block->next < block->ids->len)
    return g_array_index (block->ids, gint64, block->next++);

  if (!drain (self))
    return 0;
  if (block == NULL)
    {
      params[0] = table;
      result = PQexecParams (self->conn, "SELECT pg_get_serial_sequence ($1, 'id')", 1, NULL,
                             params, NULL, NULL, 0);
      if (!result_ok (self, result) || PQntuples (result) != 1 || PQgetisnull (result, 0, 0))
        {
          if (result_ok (self, result))
            set_error (self, NULL, "the table has no sequence for its ids");
          PQclear (result);
          return 0;
        }
      block = g_new0 (IdBlock, 1);
      block->sequence = g_strdup (PQgetvalue (result, 0, 0));
      block->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      PQclear (result);
      g_hash_table_insert (self->id_blocks, g_strdup (table), block);
    }

  /* Small at first, for a small import; then bigger, for fewer round trips. */
  self->id_block_size = CLAMP (self->id_block_size * 2, 32, 4096);
  g_snprintf (size, sizeof size, "%u", self->id_block_size);
  params[0] = block->sequence;
  params[1] = size;
  result = PQexecParams (self->conn, "SELECT nextval ($1::regclass) FROM generate_series (1, $2::int)",
                         2, NULL, params, NULL, NULL, 0);
  if (!result_ok (self, result) || PQntuples (result) < 1)
    {
      PQclear (result);
      return 0;
    }
  g_array_set_size (block->ids, 0);
  block->next = 0;
  for (int i = 0; i < PQntuples (result); i++)
    {
      gint64 id = g_ascii_strtoll (PQgetvalue (result, i, 0), NULL, 10);

      g_array_append_val (block->ids, id);
    }
  PQclear (result);
  return g_array_index (block->ids, gint64, block->next++);
}

/* Bulk mode, before COMMIT: the ids taken and not used go back to their sequences, so that
 * a load leaves no gap. Inside the transaction, while it holds the writers' lock (no other
 * Liaison takes an id meanwhile), and only when nothing else took one since; a role that may
 * not set a sequence (officers have USAGE, SELECT) leaves the gap, its savepoint keeping the
 * transaction whole. */
static void
give_back_ids (PgDb *self)
{
  GHashTableIter iter;
  IdBlock *block;

  if (self->id_blocks == NULL || PQtransactionStatus (self->conn) != PQTRANS_INTRANS)
    return;
  g_hash_table_iter_init (&iter, self->id_blocks);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &block))
    {
      char first_unused[24];
      char last_taken[24];
      const char *params[3] = { block->sequence, first_unused, last_taken };
      PGresult *result;
      gboolean ok;

      if (block->next >= block->ids->len ||
          g_array_index (block->ids, gint64, block->ids->len - 1) -
          g_array_index (block->ids, gint64, block->next) != block->ids->len - 1 - block->next)
        continue;
      g_snprintf (first_unused, sizeof first_unused, "%" G_GINT64_FORMAT,
                  g_array_index (block->ids, gint64, block->next));
      g_snprintf (last_taken, sizeof last_taken, "%" G_GINT64_FORMAT,
                  g_array_index (block->ids, gint64, block->ids->len - 1));
      PQclear (PQexec (self->conn, "SAVEPOINT lia_ids"));
      result = PQexecParams (self->conn,
                             "SELECT setval ($1::regclass, $2::bigint, false)"
                             " WHERE pg_sequence_last_value ($1::regclass) = $3::bigint",
                             3, NULL, params, NULL, NULL, 0);
      ok = PQresultStatus (result) == PGRES_TUPLES_OK;
      PQclear (result);
      if (!ok)
        PQclear (PQexec (self->conn, "ROLLBACK TO SAVEPOINT lia_ids"));
      PQclear (PQexec (self->conn, "RELEASE SAVEPOINT lia_ids"));
      /* Given back: not again. */
      block->next = block->ids->len;
    }
}

/* Bulk mode: an insert that returns its new id is sent with one taken beforehand, and the id
 * is its row. */
static gboolean
send_with_id (PgDb   *self,
              PgStmt *stmt)
{
  PgPrepared *prepared = stmt->prepared;
  int n = prepared->n_params;
  g_autofree const char **values = g_new (const char *, n + 1);
  g_autofree int *lengths = g_new (int, n + 1);
  g_autofree int *formats = g_new (int, n + 1);
  gint64 id;

  if (prepared->with_id == NULL)
    {
      PgPrepared *with_id = g_hash_table_lookup (self->prepared, prepared->with_id_sql);

      if (with_id == NULL)
        {
          with_id = g_new0 (PgPrepared, 1);
          with_id->name = g_strdup_printf ("lia_%u", ++self->n_prepared);
          with_id->sql = g_strdup (prepared->with_id_sql);
          /* Not prepared yet: ensure_prepared() does it. */
          with_id->generation = self->generation - 1;
          with_id->n_params = n + 1;
          with_id->param_names = g_new0 (char *, n + 2);
          for (int i = 0; i < n; i++)
            with_id->param_names[i] = g_strdup (prepared->param_names[i]);
          with_id->param_names[n] = g_strdup ("?id");
          g_hash_table_insert (self->prepared, g_strdup (with_id->sql), with_id);
        }
      prepared->with_id = with_id;
    }

  if ((id = take_id (self, prepared->table)) == 0)
    return FALSE;
  g_snprintf (stmt->given_id, sizeof stmt->given_id, "%" G_GINT64_FORMAT, id);
  for (int i = 0; i < n; i++)
    {
      values[i] = stmt->values[i];
      lengths[i] = stmt->lengths[i];
      formats[i] = stmt->formats[i];
    }
  values[n] = stmt->given_id;
  lengths[n] = 0;
  formats[n] = 0;
  if (!send_queued (self, prepared->with_id, values, lengths, formats))
    {
      stmt->given_id[0] = '\0';
      return FALSE;
    }
  return TRUE;
}

static int
pg_step (LiaStmt *lia_stmt)
{
  PgStmt *stmt = PG_STMT (lia_stmt);
  PgDb *db = PG (lia_stmt->db);

  if (stmt->done)
    return LIA_DB_DONE;

  if (stmt->result == NULL && !stmt->queued)
    {
      if (!check_not_resetting (db))
        return LIA_DB_ERROR;
      if (db->bulk && (stmt->prepared->deferrable || stmt->prepared->table != NULL))
        {
          if (stmt->prepared->table != NULL
              ? !send_with_id (db, stmt)
              : !send_queued (db, stmt->prepared, (const char * const *) stmt->values,
                              stmt->lengths, stmt->formats))
            return LIA_DB_ERROR;
          stmt->queued = TRUE;
        }
      else
        {
          if (!drain (db) || !ensure_prepared (db, stmt->prepared))
            return LIA_DB_ERROR;
          stmt->result = PQexecPrepared (db->conn, stmt->prepared->name,
                                         stmt->prepared->n_params,
                                         (const char * const *) stmt->values, stmt->lengths,
                                         stmt->formats, 0);
          if (!result_ok (db, stmt->result))
            {
              g_clear_pointer (&stmt->result, PQclear);
              return LIA_DB_ERROR;
            }
        }
    }

  stmt->row++;
  if (stmt->queued ? stmt->row == 0 && stmt->given_id[0] != '\0'
                   : stmt->row < PQntuples (stmt->result))
    return LIA_DB_ROW;

  stmt->done = TRUE;
  return LIA_DB_DONE;
}

static int
pg_reset (LiaStmt *lia_stmt)
{
  clear_result (PG_STMT (lia_stmt));
  return LIA_DB_OK;
}

static gboolean
pg_stmt_busy (LiaStmt *lia_stmt)
{
  PgStmt *stmt = PG_STMT (lia_stmt);

  return (stmt->result != NULL || stmt->queued) && !stmt->done;
}

/* Before the first step there is no result yet: ask the server what the statement returns. */
static PGresult *
describe (PgStmt *stmt)
{
  PgDb *db = PG (stmt->parent.db);

  if (stmt->result != NULL)
    return stmt->result;
  if (stmt->description == NULL)
    {
      if (!drain (db) || !ensure_prepared (db, stmt->prepared))
        return NULL;
      stmt->description = PQdescribePrepared (db->conn, stmt->prepared->name);
      if (!result_ok (db, stmt->description))
        g_clear_pointer (&stmt->description, PQclear);
    }
  return stmt->description;
}

static int
pg_column_count (LiaStmt *lia_stmt)
{
  PGresult *result = describe (PG_STMT (lia_stmt));

  return result != NULL ? PQnfields (result) : 0;
}

static const char *
pg_column_name (LiaStmt *lia_stmt, int column)
{
  PGresult *result = describe (PG_STMT (lia_stmt));

  return result != NULL ? PQfname (result, column) : NULL;
}

static gboolean
has_value (PgStmt *stmt,
           int     column)
{
  return stmt->result != NULL && stmt->row >= 0 && stmt->row < PQntuples (stmt->result) &&
         column >= 0 && column < PQnfields (stmt->result) &&
         !PQgetisnull (stmt->result, stmt->row, column);
}

/* The id an insert was given in bulk mode: its row's only column. */
static gboolean
has_given_id (PgStmt *stmt,
              int     column)
{
  return stmt->queued && stmt->row == 0 && column == 0 && stmt->given_id[0] != '\0';
}

static int
pg_column_type (LiaStmt *lia_stmt, int column)
{
  PgStmt *stmt = PG_STMT (lia_stmt);

  if (has_given_id (stmt, column))
    return LIA_DB_INTEGER;
  if (!has_value (stmt, column))
    return LIA_DB_NULL;

  switch (PQftype (stmt->result, column))
    {
    case BOOLOID:
    case INT2OID:
    case INT4OID:
    case INT8OID:
    case OIDOID:
      return LIA_DB_INTEGER;
    case FLOAT4OID:
    case FLOAT8OID:
    case NUMERICOID:
      return LIA_DB_FLOAT;
    case BYTEAOID:
      return LIA_DB_BLOB;
    default:
      return LIA_DB_TEXT;
    }
}

static const char *
pg_column_text (LiaStmt *lia_stmt, int column)
{
  PgStmt *stmt = PG_STMT (lia_stmt);

  if (has_given_id (stmt, column))
    return stmt->given_id;
  if (!has_value (stmt, column))
    return NULL;
  return PQgetvalue (stmt->result, stmt->row, column);
}

static gint64
pg_column_int64 (LiaStmt *lia_stmt, int column)
{
  const char *text = pg_column_text (lia_stmt, column);

  if (text == NULL)
    return 0;
  /* Booleans come as t and f. */
  if (text[0] == 't')
    return 1;
  if (text[0] == 'f')
    return 0;
  if (strpbrk (text, ".eE") != NULL)
    return (gint64) g_ascii_strtod (text, NULL);
  return g_ascii_strtoll (text, NULL, 10);
}

static double
pg_column_double (LiaStmt *lia_stmt, int column)
{
  const char *text = pg_column_text (lia_stmt, column);

  if (text == NULL)
    return 0.0;
  if (text[0] == 't')
    return 1.0;
  if (text[0] == 'f')
    return 0.0;
  return g_ascii_strtod (text, NULL);
}

static gboolean
decode_blob (PgStmt *stmt,
             int     column)
{
  if (stmt->blob_row == stmt->row && stmt->blob_column == column)
    return stmt->blob != NULL;

  g_clear_pointer (&stmt->blob, PQfreemem);
  stmt->blob_length = 0;
  stmt->blob_row = stmt->row;
  stmt->blob_column = column;
  if (!has_value (stmt, column))
    return FALSE;

  if (PQftype (stmt->result, column) == BYTEAOID)
    stmt->blob = PQunescapeBytea ((const unsigned char *) PQgetvalue (stmt->result, stmt->row,
                                                                       column),
                                  &stmt->blob_length);
  return stmt->blob != NULL;
}

static const void *
pg_column_blob (LiaStmt *lia_stmt, int column)
{
  PgStmt *stmt = PG_STMT (lia_stmt);

  if (has_given_id (stmt, column))
    return stmt->given_id;
  if (!has_value (stmt, column))
    return NULL;
  if (PQftype (stmt->result, column) != BYTEAOID)
    return PQgetvalue (stmt->result, stmt->row, column);
  return decode_blob (stmt, column) ? stmt->blob : NULL;
}

static int
pg_column_bytes (LiaStmt *lia_stmt, int column)
{
  PgStmt *stmt = PG_STMT (lia_stmt);

  if (has_given_id (stmt, column))
    return (int) strlen (stmt->given_id);
  if (!has_value (stmt, column))
    return 0;
  if (PQftype (stmt->result, column) != BYTEAOID)
    return PQgetlength (stmt->result, stmt->row, column);
  return decode_blob (stmt, column) ? (int) stmt->blob_length : 0;
}

static gboolean
pg_in_transaction (LiaDb *db)
{
  return PQtransactionStatus (PG (db)->conn) != PQTRANS_IDLE;
}

static gint64
pg_changes (LiaDb *db)
{
  return PG (db)->changes;
}

static const char *
pg_errmsg (LiaDb *db)
{
  return PG (db)->errmsg != NULL ? PG (db)->errmsg : "not an error";
}

/* By SQLSTATE (PostgreSQL's appendix A). */
static LiaDbErrorClass
pg_error_class (LiaDb *db)
{
  PgDb *self = PG (db);
  const char *state = self->sqlstate;

  if (self->unsupported)
    return LIA_DB_ERROR_CLASS_UNSUPPORTED;
  /* A lost connection is one whoever finds it; other failures of a queued statement are
   * not the finder's (set_deferred_error()). */
  if (self->deferred && !g_str_has_prefix (state, "08"))
    return LIA_DB_ERROR_CLASS_OTHER;
  if (strcmp (state, "23503") == 0)
    return LIA_DB_ERROR_CLASS_CONSTRAINT_FOREIGN_KEY;
  if (strcmp (state, "23505") == 0)
    return LIA_DB_ERROR_CLASS_CONSTRAINT_UNIQUE;
  if (g_str_has_prefix (state, "23"))
    return LIA_DB_ERROR_CLASS_CONSTRAINT;
  if (strcmp (state, "40001") == 0 || strcmp (state, "40P01") == 0 ||
      strcmp (state, "55P03") == 0)
    return LIA_DB_ERROR_CLASS_BUSY;
  if (strcmp (state, "25006") == 0)
    return LIA_DB_ERROR_CLASS_READ_ONLY;
  if (strcmp (state, "42501") == 0 || g_str_has_prefix (state, "28"))
    return LIA_DB_ERROR_CLASS_DENIED;
  if (strcmp (state, "53100") == 0)
    return LIA_DB_ERROR_CLASS_DISK_FULL;
  if (strcmp (state, "XX001") == 0 || strcmp (state, "XX002") == 0)
    return LIA_DB_ERROR_CLASS_CORRUPT;
  return LIA_DB_ERROR_CLASS_OTHER;
}

/* The store computes what its SQL functions compute (sort keys) in C on every save; only
 * SQLite's migrations call them in SQL. On a server they would run in the server, which knows
 * nothing of this process: not registered, so SQL that calls one fails with the server's
 * "function does not exist". */
static int
pg_create_text_function (LiaDb         *db,
                         const char    *name,
                         int            n_args,
                         LiaDbTextFunc  func,
                         gpointer       user_data)
{
  return LIA_DB_OK;
}

static int
pg_configure (LiaDb *db)
{
  return pg_exec (db,
                  "SET client_encoding = 'UTF8';"
                  "SET application_name = 'Liaison';"
                  "SET TIME ZONE 'UTC'");
}

/* The schema's version, in the one-row table that `liaison server init` writes; 0 when there
 * is no such table (no Liaison schema yet). */
static int
pg_get_user_version (LiaDb *db,
                     int   *out_version)
{
  PgDb *self = PG (db);
  PGresult *result;
  gboolean ok;

  if (!drain (self))
    return LIA_DB_ERROR;
  result = PQexec (self->conn,
                   "SELECT CASE WHEN to_regclass ('schema_version') IS NULL THEN NULL ELSE 1 END");
  ok = result_ok (self, result) && PQntuples (result) == 1;
  if (ok && PQgetisnull (result, 0, 0))
    {
      PQclear (result);
      *out_version = 0;
      return LIA_DB_OK;
    }
  PQclear (result);
  if (!ok)
    return LIA_DB_ERROR;

  result = PQexec (self->conn, "SELECT version FROM schema_version WHERE id = 1");
  ok = result_ok (self, result);
  if (ok)
    *out_version = PQntuples (result) == 0 || PQgetisnull (result, 0, 0)
                   ? 0 : (int) g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);

  return ok ? LIA_DB_OK : LIA_DB_ERROR;
}

/* The schema is `liaison server init`'s, never the desktop's. */
static int
pg_set_user_version (LiaDb *db,
                     int    version)
{
  return set_unsupported (PG (db), "the schema of a server is changed by `liaison server init`");
}

static int
pg_data_version (LiaDb  *db,
                 gint64 *out_version)
{
  return set_unsupported (PG (db), "following other connections' changes is not there yet "
                          "on PostgreSQL");
}

/* Inserts go out in a pipeline from now on (see PgDb); and back, with the last answers
 * waited for. */
static int
pg_set_bulk_mode (LiaDb    *db,
                  gboolean  bulk)
{
  PgDb *self = PG (db);
  gboolean ok = TRUE;

  if (!bulk)
    {
      ok = drain (self);
      g_clear_pointer (&self->id_blocks, g_hash_table_unref);
      g_clear_pointer (&self->label, g_ref_string_release);
    }
  self->bulk = bulk;
  self->id_block_size = 0;
  return ok ? LIA_DB_OK : LIA_DB_ERROR;
}

static void
pg_set_label (LiaDb      *db,
              const char *label)
{
  PgDb *self = PG (db);

  g_clear_pointer (&self->label, g_ref_string_release);
  if (label != NULL && self->bulk)
    self->label = g_ref_string_new (label);
}

static const char *
pg_user_name (LiaDb *db)
{
  return PQuser (PG (db)->conn);
}

static const LiaDbBackend pg_backend = {
  .name                 = "postgresql",
  .begin_sql            = "BEGIN",
  .close                = pg_close,
  .exec                 = pg_exec,
  .prepare              = pg_prepare,
  .finalize             = pg_finalize,
  .bind_int64           = pg_bind_int64,
  .bind_double          = pg_bind_double,
  .bind_text            = pg_bind_text,
  .bind_blob            = pg_bind_blob,
  .bind_null            = pg_bind_null,
  .bind_parameter_index = pg_bind_parameter_index,
  .step                 = pg_step,
  .reset                = pg_reset,
  .clear_bindings       = pg_clear_bindings,
  .stmt_busy            = pg_stmt_busy,
  .column_count         = pg_column_count,
  .column_name          = pg_column_name,
  .column_type          = pg_column_type,
  .column_int64         = pg_column_int64,
  .column_double        = pg_column_double,
  .column_text          = pg_column_text,
  .column_blob          = pg_column_blob,
  .column_bytes         = pg_column_bytes,
  .in_transaction       = pg_in_transaction,
  .changes              = pg_changes,
  .errmsg               = pg_errmsg,
  .error_class          = pg_error_class,
  .create_text_function = pg_create_text_function,
  .configure            = pg_configure,
  .get_user_version     = pg_get_user_version,
  .set_user_version     = pg_set_user_version,
  .data_version         = pg_data_version,
  .set_bulk_mode        = pg_set_bulk_mode,
  .user_name            = pg_user_name,
  .set_label            = pg_set_label,
};

gpointer
_lia_db_pg_get_connection (LiaDb *db)
{
  g_assert (db->backend == &pg_backend);

  /* Whoever uses the connection itself finds no pipeline under way. */
  drain (PG (db));
  return PG (db)->conn;
}

/* Starts making the connection again without blocking (PQresetStart): until
 * _lia_db_pg_reset_poll() says it is made, every statement fails with a connection error.
 * The prepared statements are lost with the old connection and prepared again at their next
 * use; LISTEN is the caller's to send again. */
gboolean
_lia_db_pg_reset_start (LiaDb *db)
{
  PgDb *self = PG (db);

  g_assert (db->backend == &pg_backend);

  /* The statements still unanswered are lost with the connection. */
  g_ptr_array_set_size (self->queued, 0);
  self->pipelined = FALSE;
  self->resetting = TRUE;
  if (PQresetStart (self->conn) == 0)
    {
      set_error_from_connection (self);
      return FALSE;
    }
  return TRUE;
}

/* Gives up a reset under way: statements meet libpq's own error about the connection. */
void
_lia_db_pg_reset_abandon (LiaDb *db)
{
  g_assert (db->backend == &pg_backend);

  PG (db)->resetting = FALSE;
}

/* One step of the reset, when PQsocket() is ready for what the last step asked
 * (PGRES_POLLING_WRITING after _lia_db_pg_reset_start()). */
int
_lia_db_pg_reset_poll (LiaDb *db)
{
  PgDb *self = PG (db);
  PostgresPollingStatusType status;

  g_assert (db->backend == &pg_backend);

  status = PQresetPoll (self->conn);
  if (status == PGRES_POLLING_OK)
    {
      self->resetting = FALSE;
      self->generation++;
    }
  else if (status == PGRES_POLLING_FAILED)
    set_error_from_connection (self);
  return status;
}

/* Connects with a postgresql:// URI or a keyword string by lia_server_connect()'s rules
 * (application name, TLS for a host that is not local), with @password or the one kept for
 * @conninfo, else libpq's own sources. */
int
_lia_db_pg_open (const char  *conninfo,
                 const char  *password,
                 LiaDb      **out_db)
{
  PgDb *self = g_new0 (PgDb, 1);
  g_autoptr(GError) error = NULL;
  char *secret;

  self->parent.backend = &pg_backend;
  self->prepared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, pg_prepared_free);
  self->queued = g_ptr_array_new_with_free_func (release_label);
  *out_db = &self->parent;

  if (password != NULL && password[0] != '\0')
    {
      /* Kept for others only once the server took it: a wrong one never replaces a right
       * one. */
      self->conn = lia_server_connect_with_password (conninfo, password, &error);
      if (self->conn != NULL)
        secret = passwords_hold (conninfo, password);
      else
        secret = NULL;
    }
  else
    {
      secret = passwords_hold (conninfo, NULL);
      self->conn = lia_server_connect_with_password (conninfo, secret, &error);
    }
  if (secret != NULL)
    {
      self->password_key = g_strdup (conninfo);
      explicit_bzero (secret, strlen (secret));
      g_free (secret);
    }
  if (self->conn == NULL)
    {
      /* 08006: connection failure; a refused login is 28xxx, which says "denied". */
      set_error (self, g_error_matches (error, LIA_STORE_ERROR, LIA_STORE_ERROR_PERMISSION)
                       ? "28000" : "08006",
                 error->message);
      return LIA_DB_ERROR;
    }

  return LIA_DB_OK;
}
