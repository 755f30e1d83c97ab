/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-store"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "lia-db.h"

/* The SQLite backend of lia-db.h: the only file of the store that includes <sqlite3.h>. */

typedef struct
{
  LiaDb         parent;
  sqlite3      *handle;
  sqlite3_stmt *data_version;   /* polled by the change watch: prepared once */
} SqliteDb;

/* An "INSERT INTO … RETURNING id" (every insert of a record, lia-store-*.c) is prepared
 * without its RETURNING clause: SQLite keeps what RETURNING gives in a temporary table of
 * its own, opened, filled, read and dropped at each row (6–7% of an import). The id is the
 * connection's last inserted rowid instead, given as the statement's one row. */
typedef enum
{
  ROWID_NONE,       /* any other statement */
  ROWID_PENDING,    /* the insert has not run since the last reset */
  ROWID_GIVEN,      /* its row (the id) was the last step's */
  ROWID_DONE,
} RowidState;

#define RETURNING_ID " RETURNING id"

typedef struct
{
  LiaStmt       parent;
  sqlite3_stmt *handle;
  RowidState    rowid_state;
  gint64        rowid;
} SqliteStmt;

typedef struct
{
  LiaDbTextFunc func;
  gpointer      user_data;
} TextFunction;

#define DB(db)     (((SqliteDb *) (db))->handle)
#define STMT(stmt) (((SqliteStmt *) (stmt))->handle)

static const LiaDbBackend sqlite_backend;

static sqlite3_destructor_type
destructor_for (LiaDbLifetime lifetime)
{
  return lifetime == LIA_DB_STATIC ? SQLITE_STATIC : SQLITE_TRANSIENT;
}

/* Anything but ROW and DONE is an error whose details the connection keeps. */
static inline int
result_of (int rc)
{
  switch (rc)
    {
    case SQLITE_OK:
      return LIA_DB_OK;
    case SQLITE_ROW:
      return LIA_DB_ROW;
    case SQLITE_DONE:
      return LIA_DB_DONE;
    default:
      return LIA_DB_ERROR;
    }
}

static void
sqlite_close (LiaDb *db)
{
  sqlite3_finalize (((SqliteDb *) db)->data_version);
  sqlite3_close (DB (db));
  g_free (db);
}

static int
sqlite_exec (LiaDb      *db,
             const char *sql)
{
  return result_of (sqlite3_exec (DB (db), sql, NULL, NULL, NULL));
}

static int
sqlite_prepare (LiaDb              *db,
                const char         *sql,
                int                 n_bytes,
                LiaDbPrepareFlags   flags,
                LiaStmt           **out_stmt,
                const char        **out_tail)
{
  sqlite3_stmt *handle = NULL;
  SqliteStmt *stmt;
  unsigned int prep_flags = 0;
  gboolean returns_rowid = FALSE;
  int rc;

  if (flags & LIA_DB_PREPARE_PERSISTENT)
    prep_flags |= SQLITE_PREPARE_PERSISTENT;

  /* A plain insert of one row: no conflict clause, which could insert nothing. */
  if (n_bytes < 0 && out_tail == NULL && g_str_has_prefix (sql, "INSERT INTO ") &&
      g_str_has_suffix (sql, RETURNING_ID) && strstr (sql, "ON CONFLICT") == NULL &&
      strstr (sql, "SELECT") == NULL && strchr (sql, ';') == NULL)
    {
      returns_rowid = TRUE;
      n_bytes = (int) (strlen (sql) - strlen (RETURNING_ID));
    }

  *out_stmt = NULL;
  rc = sqlite3_prepare_v3 (DB (db), sql, n_bytes, prep_flags, &handle, out_tail);
  if (rc != SQLITE_OK)
    return LIA_DB_ERROR;
  /* Only white space or comments: no statement, as with sqlite3. */
  if (handle == NULL)
    return LIA_DB_OK;

  stmt = g_new (SqliteStmt, 1);
  stmt->parent.backend = &sqlite_backend;
  stmt->parent.db = db;
  stmt->handle = handle;
  stmt->rowid_state = returns_rowid ? ROWID_PENDING : ROWID_NONE;
  stmt->rowid = 0;
  *out_stmt = &stmt->parent;

  return LIA_DB_OK;
}

static void
sqlite_finalize (LiaStmt *stmt)
{
  sqlite3_finalize (STMT (stmt));
  g_free (stmt);
}

static int
sqlite_bind_int64 (LiaStmt *stmt, int index, gint64 value)
{
  return result_of (sqlite3_bind_int64 (STMT (stmt), index, value));
}

static int
sqlite_bind_double (LiaStmt *stmt, int index, double value)
{
  return result_of (sqlite3_bind_double (STMT (stmt), index, value));
}

static int
sqlite_bind_text (LiaStmt *stmt, int index, const char *text, int n_bytes,
                  LiaDbLifetime lifetime)
{
  return result_of (sqlite3_bind_text (STMT (stmt), index, text, n_bytes,
                                       destructor_for (lifetime)));
}

static int
sqlite_bind_blob (LiaStmt *stmt, int index, const void *data, guint64 n_bytes,
                  LiaDbLifetime lifetime)
{
  return result_of (sqlite3_bind_blob64 (STMT (stmt), index, data, n_bytes,
                                         destructor_for (lifetime)));
}

static int
sqlite_bind_null (LiaStmt *stmt, int index)
{
  return result_of (sqlite3_bind_null (STMT (stmt), index));
}

static int
sqlite_bind_parameter_index (LiaStmt *stmt, const char *name)
{
  return sqlite3_bind_parameter_index (STMT (stmt), name);
}

static int
sqlite_step (LiaStmt *stmt)
{
  SqliteStmt *self = (SqliteStmt *) stmt;
  int rc;

  switch (self->rowid_state)
    {
    case ROWID_NONE:
      return result_of (sqlite3_step (self->handle));
    case ROWID_GIVEN:
    case ROWID_DONE:
      self->rowid_state = ROWID_DONE;
      return LIA_DB_DONE;
    case ROWID_PENDING:
    default:
      break;
    }

  rc = sqlite3_step (self->handle);
  if (rc != SQLITE_DONE)
    return result_of (rc);
  self->rowid_state = ROWID_DONE;
  if (sqlite3_changes64 (sqlite3_db_handle (self->handle)) == 0)
    return LIA_DB_DONE;
  self->rowid = sqlite3_last_insert_rowid (sqlite3_db_handle (self->handle));
  self->rowid_state = ROWID_GIVEN;
  return LIA_DB_ROW;
}

static int
sqlite_reset (LiaStmt *stmt)
{
  SqliteStmt *self = (SqliteStmt *) stmt;

  if (self->rowid_state != ROWID_NONE)
    self->rowid_state = ROWID_PENDING;
  return result_of (sqlite3_reset (self->handle));
}

#define GIVES_ROWID(stmt) (((SqliteStmt *) (stmt))->rowid_state == ROWID_GIVEN)

static int
sqlite_clear_bindings (LiaStmt *stmt)
{
  return result_of (sqlite3_clear_bindings (STMT (stmt)));
}

static gboolean
sqlite_stmt_busy (LiaStmt *stmt)
{
  return GIVES_ROWID (stmt) || sqlite3_stmt_busy (STMT (stmt)) != 0;
}

static int
sqlite_column_count (LiaStmt *stmt)
{
  return ((SqliteStmt *) stmt)->rowid_state != ROWID_NONE ? 1 : sqlite3_column_count (STMT (stmt));
}

static const char *
sqlite_column_name (LiaStmt *stmt, int column)
{
  if (((SqliteStmt *) stmt)->rowid_state != ROWID_NONE)
    return column == 0 ? "id" : NULL;
  return sqlite3_column_name (STMT (stmt), column);
}

/* SQLite's type codes are lia-db.h's. */
G_STATIC_ASSERT (SQLITE_INTEGER == LIA_DB_INTEGER && SQLITE_FLOAT == LIA_DB_FLOAT &&
                 SQLITE_TEXT == LIA_DB_TEXT && SQLITE_BLOB == LIA_DB_BLOB &&
                 SQLITE_NULL == LIA_DB_NULL);

static int
sqlite_column_type (LiaStmt *stmt, int column)
{
  if (GIVES_ROWID (stmt))
    return column == 0 ? SQLITE_INTEGER : SQLITE_NULL;
  return sqlite3_column_type (STMT (stmt), column);
}

static gint64
sqlite_column_int64 (LiaStmt *stmt, int column)
{
  if (GIVES_ROWID (stmt))
    return column == 0 ? ((SqliteStmt *) stmt)->rowid : 0;
  return sqlite3_column_int64 (STMT (stmt), column);
}

static double
sqlite_column_double (LiaStmt *stmt, int column)
{
  if (GIVES_ROWID (stmt))
    return column == 0 ? (double) ((SqliteStmt *) stmt)->rowid : 0.0;
  return sqlite3_column_double (STMT (stmt), column);
}

/* The id as text is never asked for; NULL like a missing column. */
static const char *
sqlite_column_text (LiaStmt *stmt, int column)
{
  if (GIVES_ROWID (stmt))
    return NULL;
  return (const char *) sqlite3_column_text (STMT (stmt), column);
}

static const void *
sqlite_column_blob (LiaStmt *stmt, int column)
{
  if (GIVES_ROWID (stmt))
    return NULL;
  return sqlite3_column_blob (STMT (stmt), column);
}

static int
sqlite_column_bytes (LiaStmt *stmt, int column)
{
  if (GIVES_ROWID (stmt))
    return 0;
  return sqlite3_column_bytes (STMT (stmt), column);
}

static gboolean
sqlite_in_transaction (LiaDb *db)
{
  return sqlite3_get_autocommit (DB (db)) == 0;
}

static gint64
sqlite_changes (LiaDb *db)
{
  return sqlite3_changes64 (DB (db));
}

static const char *
sqlite_errmsg (LiaDb *db)
{
  return sqlite3_errmsg (DB (db));
}

static LiaDbErrorClass
sqlite_error_class (LiaDb *db)
{
  int code = sqlite3_extended_errcode (DB (db));

  switch (code & 0xff)
    {
    case SQLITE_CONSTRAINT:
      switch (code)
        {
        case SQLITE_CONSTRAINT_FOREIGNKEY:
          return LIA_DB_ERROR_CLASS_CONSTRAINT_FOREIGN_KEY;
        case SQLITE_CONSTRAINT_UNIQUE:
        case SQLITE_CONSTRAINT_PRIMARYKEY:
          return LIA_DB_ERROR_CLASS_CONSTRAINT_UNIQUE;
        default:
          return LIA_DB_ERROR_CLASS_CONSTRAINT;
        }
    case SQLITE_FULL:
      return LIA_DB_ERROR_CLASS_DISK_FULL;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return LIA_DB_ERROR_CLASS_BUSY;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return LIA_DB_ERROR_CLASS_CORRUPT;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
      return LIA_DB_ERROR_CLASS_READ_ONLY;
    case SQLITE_AUTH:
      return LIA_DB_ERROR_CLASS_DENIED;
    default:
      return LIA_DB_ERROR_CLASS_OTHER;
    }
}

static void
text_function_cb (sqlite3_context  *context,
                  int               argc,
                  sqlite3_value   **argv)
{
  TextFunction *function = sqlite3_user_data (context);
  g_autofree const char **args = g_new0 (const char *, argc + 1);
  char *result;

  for (int i = 0; i < argc; i++)
    args[i] = (const char *) sqlite3_value_text (argv[i]);

  result = function->func (function->user_data, argc, args);
  if (result != NULL)
    sqlite3_result_text (context, result, -1, g_free);
  else
    sqlite3_result_null (context);
}

static int
sqlite_create_text_function (LiaDb         *db,
                             const char    *name,
                             int            n_args,
                             LiaDbTextFunc  func,
                             gpointer       user_data)
{
  TextFunction *function = g_new (TextFunction, 1);

  function->func = func;
  function->user_data = user_data;

  /* On failure SQLite calls the destructor itself. */
  return result_of (sqlite3_create_function_v2 (DB (db), name, n_args,
                                                SQLITE_UTF8 | SQLITE_INNOCUOUS, function,
                                                text_function_cb, NULL, NULL, g_free));
}

/* Only now may the file's header change (WAL mode is recorded in it). synchronous=FULL: a
 * commit that returned survives a power cut. */
static int
sqlite_configure (LiaDb *db)
{
  sqlite3_stmt *wal = NULL;
  int rc;

  rc = sqlite3_exec (DB (db),
                     "PRAGMA foreign_keys = ON;"
                     "PRAGMA synchronous = FULL;"
                     "PRAGMA temp_store = MEMORY;"
                     "PRAGMA cache_size = -8192;",
                     NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return LIA_DB_ERROR;

  if (sqlite3_prepare_v2 (DB (db), "PRAGMA journal_mode = WAL", -1, &wal, NULL) != SQLITE_OK)
    return LIA_DB_ERROR;
  rc = sqlite3_step (wal);
  sqlite3_finalize (wal);

  return rc == SQLITE_ROW ? LIA_DB_OK : LIA_DB_ERROR;
}

/* Reads the one integer a PRAGMA returns. */
static int
read_pragma (sqlite3      *handle,
             sqlite3_stmt *stmt,
             gint64       *out_value)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    *out_value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return rc == SQLITE_ROW ? LIA_DB_OK : LIA_DB_ERROR;
}

static int
sqlite_get_user_version (LiaDb *db,
                         int   *out_version)
{
  sqlite3_stmt *stmt = NULL;
  gint64 version = 0;
  int rc;

  if (sqlite3_prepare_v2 (DB (db), "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK)
    return LIA_DB_ERROR;
  rc = read_pragma (DB (db), stmt, &version);
  sqlite3_finalize (stmt);
  *out_version = (int) version;

  return rc;
}

static int
sqlite_set_user_version (LiaDb *db,
                         int    version)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", version);

  return sqlite_exec (db, sql);
}

/* A counter in shared memory: no I/O when nothing changed. */
static int
sqlite_data_version (LiaDb  *db,
                     gint64 *out_version)
{
  SqliteDb *self = (SqliteDb *) db;

  if (self->data_version == NULL &&
      sqlite3_prepare_v3 (self->handle, "PRAGMA data_version", -1, SQLITE_PREPARE_PERSISTENT,
                          &self->data_version, NULL) != SQLITE_OK)
    return LIA_DB_ERROR;

  return read_pragma (self->handle, self->data_version, out_version);
}

/* A bigger page cache while loading: the indexes of a big import stay in memory instead of
 * spilling to the WAL before the commit. Durability is the commit's, as always. */
static int
sqlite_set_bulk_mode (LiaDb    *db,
                      gboolean  bulk)
{
  return sqlite_exec (db, bulk ? "PRAGMA cache_size = -16384" : "PRAGMA cache_size = -8192");
}

static const char *
sqlite_user_name (LiaDb *db)
{
  return g_get_user_name ();
}

static int
stop_requested (void *flag)
{
  return g_atomic_int_get ((const gint *) flag) != 0;
}

/* Every 1,000 virtual machine instructions (a few microseconds), so that a long UPDATE or
 * CREATE INDEX stops at once: SQLite then fails it with SQLITE_INTERRUPT. */
static void
sqlite_set_stop_flag (LiaDb      *db,
                      const gint *flag)
{
  sqlite3_progress_handler (DB (db), flag != NULL ? 1000 : 0,
                            flag != NULL ? stop_requested : NULL, (void *) flag);
}

static const LiaDbBackend sqlite_backend = {
  .name                 = "sqlite",
  .begin_sql            = "BEGIN IMMEDIATE",
  .close                = sqlite_close,
  .exec                 = sqlite_exec,
  .prepare              = sqlite_prepare,
  .finalize             = sqlite_finalize,
  .bind_int64           = sqlite_bind_int64,
  .bind_double          = sqlite_bind_double,
  .bind_text            = sqlite_bind_text,
  .bind_blob            = sqlite_bind_blob,
  .bind_null            = sqlite_bind_null,
  .bind_parameter_index = sqlite_bind_parameter_index,
  .step                 = sqlite_step,
  .reset                = sqlite_reset,
  .clear_bindings       = sqlite_clear_bindings,
  .stmt_busy            = sqlite_stmt_busy,
  .column_count         = sqlite_column_count,
  .column_name          = sqlite_column_name,
  .column_type          = sqlite_column_type,
  .column_int64         = sqlite_column_int64,
  .column_double        = sqlite_column_double,
  .column_text          = sqlite_column_text,
  .column_blob          = sqlite_column_blob,
  .column_bytes         = sqlite_column_bytes,
  .in_transaction       = sqlite_in_transaction,
  .changes              = sqlite_changes,
  .errmsg               = sqlite_errmsg,
  .error_class          = sqlite_error_class,
  .create_text_function = sqlite_create_text_function,
  .configure            = sqlite_configure,
  .get_user_version     = sqlite_get_user_version,
  .set_user_version     = sqlite_set_user_version,
  .data_version         = sqlite_data_version,
  .set_bulk_mode        = sqlite_set_bulk_mode,
  .user_name            = sqlite_user_name,
  .set_stop_flag        = sqlite_set_stop_flag,
};

/* One phrase's part of bm25()'s score of a row (fts5_aux.c: k1 = 1.2, b = 0.75), without its
 * idf: @freq its hits' weights, @row_tokens the row's length, @avgdl the table's average. */
static double
bm25_part (double freq,
           int    row_tokens,
           double avgdl)
{
  const double k1 = 1.2;
  const double b = 0.75;

  return (freq * (k1 + 1.0)) / (freq + k1 * (1.0 - b + b * row_tokens / avgdl));
}

/* The row's length and the table's average length (and row count), as bm25() reads them; FALSE (an error
 * set on @context) when FTS5 fails. */
static gboolean
get_lengths (const Fts5ExtensionApi *api,
             Fts5Context            *fts,
             sqlite3_context        *context,
             int                    *row_tokens,
             double                 *avgdl,
             sqlite3_int64          *n_rows_out)
{
  sqlite3_int64 n_rows = 0;
  sqlite3_int64 n_tokens = 0;
  int rc;

  rc = api->xRowCount (fts, &n_rows);
  if (rc == SQLITE_OK)
    rc = api->xColumnTotalSize (fts, -1, &n_tokens);
  if (rc == SQLITE_OK)
    rc = api->xColumnSize (fts, -1, row_tokens);
  if (rc != SQLITE_OK)
    {
      sqlite3_result_error_code (context, rc);
      return FALSE;
    }

  *avgdl = n_rows > 0 && n_tokens > 0 ? (double) n_tokens / (double) n_rows : 1.0;
  if (n_rows_out != NULL)
    *n_rows_out = n_rows;
  return TRUE;
}

/* lia_rank(fts, weight, ...): FTS5's bm25() without its inverse document frequency (idf), for
 * a query of one phrase. bm25() works out each phrase's idf on its first row by reading every
 * row of the table that matches the phrase: for "co*" over a million interactions, half a
 * million rows, 80 ms, where the newest 256 matches alone take under a millisecond. With one
 * phrase the idf is the same positive factor for every row (FTS5 keeps it above 0), so this
 * orders the rows exactly as bm25() does; with more phrases it would weigh them alike, so the
 * store uses bm25() for those. The rest is bm25()'s own (fts5_aux.c): k1 = 1.2, b = 0.75, the
 * hits' column weights from the arguments, the row's length against the average. */
static void
rank_without_idf (const Fts5ExtensionApi  *api,
                  Fts5Context             *fts,
                  sqlite3_context         *context,
                  int                      n_weights,
                  sqlite3_value          **weights)
{
  int n_phrases = api->xPhraseCount (fts);
  int n_inst = 0;
  g_autofree double *freq = g_new0 (double, MAX (n_phrases, 1));
  int row_tokens = 0;
  double avgdl;
  double score = 0.0;
  int rc;

  rc = api->xInstCount (fts, &n_inst);
  for (int i = 0; rc == SQLITE_OK && i < n_inst; i++)
    {
      int phrase, column, offset;

      rc = api->xInst (fts, i, &phrase, &column, &offset);
      if (rc == SQLITE_OK && phrase >= 0 && phrase < n_phrases)
        freq[phrase] += column < n_weights ? sqlite3_value_double (weights[column]) : 1.0;
    }
  if (rc != SQLITE_OK)
    {
      sqlite3_result_error_code (context, rc);
      return;
    }
  if (!get_lengths (api, fts, context, &row_tokens, &avgdl, NULL))
    return;

  for (int i = 0; i < n_phrases; i++)
    score += bm25_part (freq[i], row_tokens, avgdl);
  sqlite3_result_double (context, -1.0 * score);
}

/* What lia_prefix_rank() keeps for a statement: the folded words and the folded prefixes
 * of the index they were found through, as the table's tokenizer gives them. */
typedef struct
{
  GPtrArray *words;
  GPtrArray *prefixes;
} PrefixWords;

static void
prefix_words_free (void *data)
{
  PrefixWords *words = data;

  g_ptr_array_unref (words->words);
  g_ptr_array_unref (words->prefixes);
  g_free (words);
}

static int
keep_token (void       *data,
            int         flags,
            const char *token,
            int         length,
            int         start,
            int         end)
{
  GPtrArray *tokens = data;

  (void) flags;
  (void) start;
  (void) end;
  g_ptr_array_add (tokens, g_strndup (token, length));

  return SQLITE_OK;
}

/* One column's tokens that start with each word, each adding the column's weight to it. */
typedef struct
{
  const PrefixWords *words;
  double             weight;
  double            *freq;
  int               *n_hits;
} PrefixHits;

static int
count_token (void       *data,
             int         flags,
             const char *token,
             int         length,
             int         start,
             int         end)
{
  PrefixHits *hits = data;

  (void) flags;
  (void) start;
  (void) end;
  for (guint i = 0; i < hits->words->words->len; i++)
    {
      const char *word = hits->words->words->pdata[i];
      size_t word_length = strlen (word);

      if ((size_t) length >= word_length && memcmp (token, word, word_length) == 0)
        {
          hits->freq[i] += hits->weight;
          hits->n_hits[i]++;
        }
    }

  return SQLITE_OK;
}

/* The words and prefixes of lia_prefix_rank()'s arguments, tokenized once per statement;
 * NULL (an error set on @context) unless each word is one token that starts with its
 * prefix's one token. */
static const PrefixWords *
get_prefix_words (const Fts5ExtensionApi *api,
                  Fts5Context            *fts,
                  sqlite3_context        *context,
                  sqlite3_value          *words_value,
                  sqlite3_value          *prefixes_value)
{
  PrefixWords *words = api->xGetAuxdata (fts, 0);
  const char *text = (const char *) sqlite3_value_text (words_value);
  const char *prefixes_text = (const char *) sqlite3_value_text (prefixes_value);
  int rc;

  if (words != NULL)
    return words;

  words = g_new0 (PrefixWords, 1);
  words->words = g_ptr_array_new_with_free_func (g_free);
  words->prefixes = g_ptr_array_new_with_free_func (g_free);
  rc = api->xTokenize (fts, text != NULL ? text : "", sqlite3_value_bytes (words_value),
                       words->words, keep_token);
  if (rc == SQLITE_OK)
    rc = api->xTokenize (fts, prefixes_text != NULL ? prefixes_text : "",
                         sqlite3_value_bytes (prefixes_value), words->prefixes, keep_token);
  if (rc == SQLITE_OK && (words->words->len == 0 || words->words->len != words->prefixes->len))
    rc = SQLITE_MISMATCH;
  for (guint i = 0; rc == SQLITE_OK && i < words->words->len; i++)
    if (!g_str_has_prefix (words->words->pdata[i], words->prefixes->pdata[i]))
      rc = SQLITE_MISMATCH;
  if (rc == SQLITE_OK)
    rc = api->xSetAuxdata (fts, words, prefix_words_free);
  else
    prefix_words_free (words);
  if (rc != SQLITE_OK)
    {
      sqlite3_result_error_code (context, rc);
      return NULL;
    }

  return words;
}

/* lia_prefix_rank(fts, words, prefixes, weight, ...): for a query of words typed as prefixes
 * (word*, all of them required) that found the row through shorter prefixes of the same words
 * (the index's own prefix index, read lazily in rowid order), NULL when some word starts no
 * token of the row, else each word's part of bm25()'s score of the row without its idf, as a
 * blob of doubles in the words' order (bm25_part(): the same hits, weights and length
 * normalization as bm25() and lia_rank() for the query word* ...), then the table's row
 * count (bm25()'s N). @words and @prefixes are
 * separated by spaces; the row's columns where a prefix was found are read and tokenized by
 * the table's own tokenizer, so case and accents are folded as in the index. An error
 * (SQLITE_MISMATCH) when a word is not one token that starts with its prefix's: then the
 * caller asks FTS5 for the words themselves. */
static void
rank_by_prefix (const Fts5ExtensionApi  *api,
                Fts5Context             *fts,
                sqlite3_context         *context,
                int                      n_args,
                sqlite3_value          **args)
{
  const PrefixWords *words;
  g_autofree double *freq = NULL;
  g_autofree int *n_hits = NULL;
  double *parts;
  sqlite3_int64 n_rows = 0;
  guint64 columns = 0;
  int n_weights = n_args - 2;
  int n_columns = api->xColumnCount (fts);
  int row_tokens = 0;
  double avgdl;
  guint n_words;
  int rc = SQLITE_OK;

  if (n_args < 2)
    {
      sqlite3_result_error (context, "lia_prefix_rank: words and prefixes are needed", -1);
      return;
    }
  if (!(words = get_prefix_words (api, fts, context, args[0], args[1])))
    return;
  n_words = words->words->len;
  freq = g_new0 (double, n_words);
  n_hits = g_new0 (int, n_words);

  /* Only the columns where a shorter prefix was found can hold its word. */
  for (int phrase = 0; phrase < api->xPhraseCount (fts); phrase++)
    {
      Fts5PhraseIter iter;
      int column = -1;

      rc = api->xPhraseFirstColumn (fts, phrase, &iter, &column);
      for (; rc == SQLITE_OK && column >= 0; api->xPhraseNextColumn (fts, &iter, &column))
        columns |= G_GUINT64_CONSTANT (1) << MIN (column, 63);
    }
  for (int column = 0; rc == SQLITE_OK && column < n_columns; column++)
    {
      PrefixHits hits = { words, column < n_weights ? sqlite3_value_double (args[2 + column]) : 1.0,
                          freq, n_hits };
      const char *text = NULL;
      int length = 0;

      if (column < 63 && (columns & (G_GUINT64_CONSTANT (1) << column)) == 0)
        continue;
      rc = api->xColumnText (fts, column, &text, &length);
      if (rc == SQLITE_OK && text != NULL && length > 0)
        rc = api->xTokenize (fts, text, length, &hits, count_token);
    }
  if (rc != SQLITE_OK)
    {
      sqlite3_result_error_code (context, rc);
      return;
    }
  for (guint i = 0; i < n_words; i++)
    if (n_hits[i] == 0)
      {
        sqlite3_result_null (context);
        return;
      }
  if (!get_lengths (api, fts, context, &row_tokens, &avgdl, &n_rows))
    return;

  parts = g_new (double, n_words + 1);
  for (guint i = 0; i < n_words; i++)
    parts[i] = bm25_part (freq[i], row_tokens, avgdl);
  parts[n_words] = (double) n_rows;
  sqlite3_result_blob (context, parts, (int) ((n_words + 1) * sizeof (double)), g_free);
}

/* Registers lia_rank() and lia_prefix_rank() with the connection's FTS5. */
static int
register_rank (sqlite3 *handle)
{
  fts5_api *fts5 = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (handle, "SELECT fts5(?1)", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_bind_pointer (stmt, 1, (void *) &fts5, "fts5_api_ptr", NULL);
      sqlite3_step (stmt);
      rc = sqlite3_finalize (stmt);
    }
  if (rc != SQLITE_OK)
    return rc;
  if (fts5 == NULL || fts5->iVersion < 2)
    return SQLITE_ERROR;

  rc = fts5->xCreateFunction (fts5, "lia_rank", NULL, rank_without_idf, NULL);
  if (rc == SQLITE_OK)
    rc = fts5->xCreateFunction (fts5, "lia_prefix_rank", NULL, rank_by_prefix, NULL);

  return rc;
}

/* Opens an existing file read-write (the store creates it first), with extended error codes
 * and a busy timeout: a writer waits up to 5 s for another connection's lock. */
int
_lia_db_sqlite_open (const char  *path,
                     LiaDb      **out_db)
{
  static gsize configured = 0;
  SqliteDb *db = g_new0 (SqliteDb, 1);
  int rc;

  /* Statement journals (the pages a statement changes that its transaction had changed
   * already, to undo the statement alone) stay in memory, as they do with temp_store =
   * MEMORY: with temporary files on disk (lia_store_set_sort_on_disk()), past 64 KiB each
   * would go to a file, and a record's insert in a long import changes more than that, so
   * each would create, write and delete a file (a third more CPU for an import). A bound
   * (SQLite sizes the journal's memory chunks by it) made the end of an import's full-text
   * filling fail with SQLITE_FULL. And no page cache starts with a bulk allocation (20 pages,
   * about 85 KiB): SQLite makes a page cache for every temporary B-tree a statement opens, and
   * freeing that block at the top of the heap gave it back to the system each time (a brk call
   * and page faults per row written: 36,000 of an import's 48,000 page faults); pages are
   * allocated one by one, as they are anyway past the first 20. Process-wide, before SQLite
   * starts: when something started it earlier, the call fails and the default stays. */
  if (g_once_init_enter (&configured))
    {
      sqlite3_config (SQLITE_CONFIG_STMTJRNL_SPILL, -1);
      sqlite3_config (SQLITE_CONFIG_PAGECACHE, NULL, 0, 0);
      g_once_init_leave (&configured, 1);
    }

  db->parent.backend = &sqlite_backend;
  rc = sqlite3_open_v2 (path, &db->handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  /* Out of memory leaves a NULL handle, which sqlite3_errmsg() and sqlite3_close() accept. */
  *out_db = &db->parent;
  if (rc != SQLITE_OK)
    return LIA_DB_ERROR;

  sqlite3_extended_result_codes (db->handle, 1);
  sqlite3_busy_timeout (db->handle, 5000);
  if (register_rank (db->handle) != SQLITE_OK)
    return LIA_DB_ERROR;

  return LIA_DB_OK;
}
