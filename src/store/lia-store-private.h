/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-db.h"

#include "lia-store.h"
#include "lia-store-bulk.h"

G_BEGIN_DECLS

/* A statement from the store's cache (LiaStmt, lia-db.h). g_autoptr(LiaStmt) resets it (and
 * clears its bindings) when it goes out of scope instead of finalizing it, so the next user
 * finds it ready. */
void _lia_stmt_release (LiaStmt *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaStmt, _lia_stmt_release)

/* How one kind of record is stored. Every function runs inside a transaction the caller opened. */
typedef struct
{
  LiaRecordKind kind;
  const char   *table;
  /* The column list that from_row expects, first "id". */
  const char   *columns;
  GType       (*get_type)   (void);
  /* Builds a full record (lists included) from a row selected with `columns`. */
  LiaRecord  *(*from_row)   (LiaStore   *store,
                             LiaStmt    *stmt,
                             GError    **error);
  /* Writes the row and the record's lists. insert sets the id. */
  gboolean    (*insert)     (LiaStore   *store,
                             LiaRecord  *record,
                             GError    **error);
  gboolean    (*update)     (LiaStore   *store,
                             LiaRecord  *record,
                             GError    **error);
  /* Reads what lists leave out (a contact's photo), for lia_store_load() and the exports;
   * NULL when from_row reads everything. */
  gboolean    (*load_details) (LiaStore  *store,
                               LiaRecord *record,
                               GError   **error);
  /* What must happen before the row goes (NULL when the schema's cascades do everything). */
  gboolean    (*before_delete) (LiaStore  *store,
                                LiaRecord *record,
                                GError   **error);
} LiaRecordOps;

/* What the contacts' full-text index covers, in its order (schema version 9). */
#define _LIA_CONTACT_FTS_COLUMNS \
  "label, given_name, family_name, job_title, notes, nickname, localities"

extern const LiaRecordOps _lia_organization_ops;
extern const LiaRecordOps _lia_contact_ops;
extern const LiaRecordOps _lia_affiliation_ops;
extern const LiaRecordOps _lia_interaction_ops;
extern const LiaRecordOps _lia_commitment_ops;
extern const LiaRecordOps _lia_concern_ops;
extern const LiaRecordOps _lia_project_ops;

const LiaRecordOps *_lia_record_ops_for_kind (LiaRecordKind kind);

/* An interaction from a row of its columns, without its participants (see below). */
LiaRecord *_lia_interaction_from_row_bare      (LiaStore   *store,
                                                LiaStmt    *stmt,
                                                GError    **error);
/* Adds participant @id (a contact, else an organization) after @interaction's others, and
 * its @label to @labels (nullable) as _lia_interactions_load_participants() does. */
void       _lia_interaction_take_participant   (LiaInteraction *interaction,
                                                gboolean        is_contact,
                                                gint64          id,
                                                const char     *label,
                                                GHashTable     *labels);
/* The most interactions _lia_interactions_load_participants() takes at once: a page. */
#define LIA_PAGE_PARTICIPANTS_MAX 64
/* Adds their participants to @n interactions of @interactions from @first on (made with
 * _lia_interaction_from_row_bare(); at most LIA_PAGE_PARTICIPANTS_MAX), in one query, and
 * puts each participant's name in @labels (nullable): packed (id << 3 | kind) → label, with
 * g_free for both. */
gboolean   _lia_interactions_load_participants (LiaStore   *store,
                                                GPtrArray  *interactions,
                                                guint       first,
                                                guint       n,
                                                GHashTable *labels,
                                                GError    **error);

/* lia-store.c */
LiaDb     *_lia_store_get_db              (LiaStore    *self);
gboolean   _lia_store_exec                (LiaStore    *self,
                                           const char  *sql,
                                           GError     **error);
gboolean   _lia_store_get_import_mode   (LiaStore    *self);
/* For a backend that learns the account's rights (a read-only role on a server), and tests. */
void       _lia_store_set_read_only     (LiaStore    *self,
                                         gboolean     read_only);
/* Whether the store is on a team server (PostgreSQL) rather than a file. */
gboolean   _lia_store_is_server         (LiaStore    *self);
/* For what runs only on a SQLite file yet (docs/team-server.md): FALSE on a server, with an
 * error that says @feature (marked with N_()) does not work there yet. */
gboolean   _lia_store_require_file      (LiaStore    *self,
                                         const char  *feature,
                                         GError     **error);
/* TRUE while a new record is being inserted: its lists have no rows to delete before theirs
 * are written. */
gboolean   _lia_store_is_inserting      (LiaStore    *self);
/* lia_store_cache_uids(): the uid of the record of @kind with @id if known, or %NULL. */
const char *_lia_store_cached_uid (LiaStore *self, LiaRecordKind kind, gint64 id);
void        _lia_store_cache_uid  (LiaStore *self, LiaRecordKind kind, gint64 id, const char *uid);
/* The CREATE INDEX statements that the end of the bulk load must run (import mode only). */
GPtrArray *_lia_store_get_deferred_indexes (LiaStore *self);
/* A bulk load deferred the triggers that start a new record's assessment history
 * (lia-store-bulk.c): until its end, _lia_store_write_first_assessment() writes that row. */
void       _lia_store_set_assessments_by_hand (LiaStore *self);
gboolean   _lia_store_write_first_assessment  (LiaStore       *self,
                                               LiaRecord      *record,
                                               LiaAssessment  *assessment,
                                               GError        **error);
/* In import mode: TRUE when the import's uid map knows whether a record of @kind has @uid
 * (@out_id is then its id, or 0 for none); FALSE when the database must be asked. */
gboolean   _lia_store_import_lookup     (LiaStore      *self,
                                         LiaRecordKind  kind,
                                         const char    *uid,
                                         gint64        *out_id);
void       _lia_store_import_remember   (LiaStore      *self,
                                         LiaRecordKind  kind,
                                         const char    *uid,
                                         gint64         id);
/* The import's uid map and Bloom filter emptied: look-ups ask the database from then on. */
void       _lia_store_import_uids_release (LiaStore    *self);
/* For tests: how many uids the import's map holds before the rest go into its Bloom filter. */
void       _lia_store_set_import_uid_cap (LiaStore     *self,
                                          guint         cap);
LiaStmt   *_lia_store_prepare             (LiaStore    *self,
                                           const char  *sql,
                                           GError     **error);
void       _lia_store_set_error_from_db   (LiaStore    *self,
                                           GError     **error,
                                           const char  *format,
                                           ...) G_GNUC_PRINTF (3, 4);
/* LIA_STORE_ERROR_TOO_NEW, saying which version wrote the file and that it is unchanged. */
void       _lia_store_set_too_new_error   (LiaStore    *self,
                                           int          version,
                                           GError     **error);
gboolean   _lia_store_read_user_version   (LiaStore    *self,
                                           int         *out_version,
                                           GError     **error);
/* Steps a statement expecting LIA_DB_DONE; maps failures (constraints included) to a GError
 * whose message starts with @what, translated there (pass it marked with N_(), so that the
 * translation is looked up only when the step fails). */
gboolean   _lia_store_step_done           (LiaStore    *self,
                                           LiaStmt     *stmt,
                                           const char  *what,
                                           GError     **error);
/* Steps an "INSERT … RETURNING id" (portable, unlike SQLite's last-insert rowid) and sets
 * @record's id from the row; errors as _lia_store_step_done(). */
gboolean   _lia_store_step_insert         (LiaStore    *self,
                                           LiaStmt     *stmt,
                                           LiaRecord   *record,
                                           const char  *what,
                                           GError     **error);
/* Loads every row of a SELECT of ops->columns into records. */
GPtrArray *_lia_store_collect             (LiaStore           *self,
                                           const LiaRecordOps *ops,
                                           LiaStmt            *stmt,
                                           GError            **error);

typedef enum {
  LIA_SAVE_DEFAULT    = 0,
  /* A new record keeps the updated-at it carries (created-at is always kept when set). */
  LIA_SAVE_KEEP_TIMES = 1 << 0,
} LiaSaveFlags;

/* lia_store_save() with options. */
gboolean   _lia_store_save_full           (LiaStore     *self,
                                           LiaRecord    *record,
                                           LiaSaveFlags  flags,
                                           GError      **error);

/* More changes than this at once are announced as one "reset" (lia-store.c and
 * lia-store-changes.c). */
#define LIA_STORE_MAX_SINGLE_CHANGES 256

/* lia-store-changes.c: what other connections committed, read from the change log (schema
 * v5) and announced through the same "changed"/"reset" signals as the store's own writes.
 * State kept per store; the store calls the hooks around its outermost transaction. */
typedef struct
{
  gint64  begin_seq;     /* last log row when the outermost transaction began */
  gint64  last_seen;     /* last log row announced (or skipped as our own) */
  gint64  data_version;  /* PRAGMA data_version at the last look */
  GArray *own;           /* OwnRange: rows this connection wrote, not to announce again */
  guint   source;        /* the watch's timeout (a server: its socket watch), 0 when not watching */
  guint   pending;       /* a server: the idle that reads the log after a NOTIFY */
  guint   flush;         /* a server: hands on the NOTIFYs libpq read with other results */
  /* A server whose connection was lost: the next attempt's timeout, or the watch on the
   * socket while an attempt goes on, and the wait before the next one. */
  guint   retry;
  guint   retry_ms;
  gboolean reconnecting;
} LiaChangeLog;

typedef enum {
  LIA_OUTSIDE_INSERT,
  LIA_OUTSIDE_UPDATE,
  LIA_OUTSIDE_DELETE,
  /* Too much changed to say (a bulk load, a pruned log): reload everything. */
  LIA_OUTSIDE_RESET,
} LiaOutsideOperation;

/* One row of a change log, from SQLite's table or (later) a PostgreSQL NOTIFY payload. */
typedef struct
{
  gint64               seq;
  LiaRecordKind        kind;
  gint64               id;
  LiaOutsideOperation  operation;
} LiaOutsideChange;

LiaChangeLog *_lia_store_get_change_log        (LiaStore               *self);
/* Says "reconnecting" changed (a property the window shows). */
void          _lia_store_notify_reconnecting   (LiaStore               *self);
/* Once the schema is there: what the log holds already is not news. */
gboolean      _lia_store_log_open              (LiaStore               *self,
                                                GError                **error);
void          _lia_change_log_clear            (LiaChangeLog           *log);
/* After BEGIN of the outermost transaction, and before its COMMIT: the rows in between are
 * ours. before_commit also signs them with the local user. */
gboolean      _lia_store_log_begin             (LiaStore               *self,
                                                GError                **error);
gboolean      _lia_store_log_before_commit     (LiaStore               *self,
                                                gint64                 *out_end_seq,
                                                GError                **error);
void          _lia_store_log_committed         (LiaStore               *self,
                                                gint64                  end_seq);
/* Writes the values that differ between @old and @current to field_history. */
gboolean      _lia_store_write_field_history   (LiaStore               *self,
                                                LiaRecord              *old,
                                                LiaRecord              *current,
                                                GDateTime              *now,
                                                GError                **error);
/* Who last changed a record and when, from the change log; NULLs when the log has no row for
 * it any more (pruned) or the row has no author (another program wrote it). */
void          _lia_store_last_change           (LiaStore               *self,
                                                LiaRecordKind           kind,
                                                gint64                  id,
                                                char                  **out_author,
                                                GDateTime             **out_when);
/* The one path by which other writers' changes reach the listeners: coalesces the entries
 * per record, loads each record as it is now and emits "changed" (old is NULL: this
 * connection never saw it), or one "reset" when there are too many or one says reset. */
void          _lia_store_apply_outside_changes (LiaStore               *self,
                                                const LiaOutsideChange *entries,
                                                guint                   n_entries);

/* lia-store-stream.c: the list tables of a kind read alongside a walk over all its records. */
typedef enum {
  LIA_ROW_STREAM_INTERACTION_CONTACTS,
  LIA_ROW_STREAM_INTERACTION_ORGANIZATIONS,
  LIA_ROW_STREAM_CONTACT_POINTS,
  LIA_ROW_STREAM_CONTACT_ADDRESSES,
  LIA_ROW_STREAM_CONTACT_WEBSITES,
  LIA_ROW_STREAM_CONTACT_IMS,
  LIA_ROW_STREAM_CONTACT_LANGUAGES,
  LIA_ROW_STREAM_CONTACT_TAGS,
  /* Owner id and uid in columns 4 and 12: the affiliation's own columns come first. */
  LIA_ROW_STREAM_CONTACT_AFFILIATIONS,
  LIA_ROW_STREAM_N
} LiaRowStreamTable;

typedef struct _LiaRowStream LiaRowStream;

/* For a walk (@walk: its statement, every record of @kind in uid order); @out_previous goes
 * back to _lia_store_close_row_streams(). */
gboolean      _lia_store_open_row_streams  (LiaStore           *self,
                                            LiaRecordKind       kind,
                                            LiaStmt            *walk,
                                            gpointer           *out_previous,
                                            GError            **error);
void          _lia_store_close_row_streams (LiaStore           *self,
                                            gpointer            previous);
/* The stream of @table when @walk is the statement of the walk that opened it, else %NULL
 * (the record is read on its own: query its lists). */
LiaRowStream *_lia_store_get_row_stream    (LiaStore           *self,
                                            LiaStmt            *walk,
                                            LiaRowStreamTable   table);
/* TRUE when the stream's current row (columns: owner id, owner uid, values) is one of the
 * record with @id and @uid; skips the rows of records before it. */
gboolean      _lia_row_stream_at           (LiaRowStream       *stream,
                                            gint64              id,
                                            const char         *uid);
LiaStmt      *_lia_row_stream_row          (LiaRowStream       *stream);
void          _lia_row_stream_next         (LiaRowStream       *stream);
/* The stream of @table of the walk going on, when that walk's current record is the one with
 * @id (its uid in @out_uid), else %NULL: a caller that has only an id, asked in the walk. Once
 * per record: asked again for the same one, %NULL (its rows were taken). */
LiaRowStream *_lia_store_get_walk_stream   (LiaStore           *self,
                                            LiaRowStreamTable   table,
                                            gint64              id,
                                            const char        **out_uid);
/* A stream of its own, outside any walk (columns as above): for a reader that joins what it
 * needs. %NULL with @error when @sql cannot be prepared. */
LiaRowStream *_lia_row_stream_new          (LiaStore           *store,
                                            const char         *sql,
                                            GError            **error);
/* The same with @bind (unless %NULL) bound to ?1 before the first step. */
LiaRowStream *_lia_row_stream_new_bound    (LiaStore           *store,
                                            const char         *sql,
                                            const char         *bind,
                                            GError            **error);
void          _lia_row_stream_free         (LiaRowStream       *stream);
/* TRUE, with @error set, when reading the stream failed. */
gboolean      _lia_row_stream_failed       (LiaStore           *store,
                                            LiaRowStream       *stream,
                                            GError            **error);

/* lia-store-schema.c */
/* Works out every organization's and contact's latest interaction day again (schema 11), or
 * only those of the records listed in temp.lia_bulk_touched (lia-store-bulk.c). */
extern const char _lia_store_redo_latest_interactions_sql[];
extern const char _lia_store_redo_latest_touched_sql[];

gboolean   _lia_store_migrate             (LiaStore    *self,
                                           GError     **error);

/* lia-store-sql.c: binding and reading values the way every table stores them. */
void        _lia_bind_text     (LiaStmt *stmt, int column, const char *text);
void        _lia_bind_ref      (LiaStmt *stmt, int column, gint64 id);      /* 0 → NULL */
void        _lia_bind_date     (LiaStmt *stmt, int column, const GDate *date);
void        _lia_bind_nick     (LiaStmt *stmt, int column, GType enum_type, int value);
/* A cadence, NULL for the quadrant's default (schema 8). */
void        _lia_bind_cadence  (LiaStmt *stmt, int column, LiaAssessment *assessment);
void        _lia_bind_time     (LiaStmt *stmt, int column, GDateTime *time); /* UTC µs */
const char *_lia_column_text   (LiaStmt *stmt, int column);                 /* never NULL */
GDate      *_lia_column_date   (LiaStmt *stmt, int column);
/* The text of a date column when _lia_column_date() would read a day from it (the same text
 * lia_date_to_iso() gives back), else %NULL: for rows written without a GDate. */
const char *_lia_column_iso_date (LiaStmt *stmt, int column);
/* The created and updated times at @column and the one after it. */
LiaRowStamps _lia_column_stamps (LiaStmt *stmt, int column);
GDateTime  *_lia_column_time   (LiaStmt *stmt, int column);
gboolean    _lia_column_nick   (LiaStmt *stmt, int column, GType enum_type, int *out_value,
                                GError **error);
/* Sets id, uid, created-at and updated-at from columns 0..3 (id, uid, created_at, updated_at
 * must be the first four columns of every ops->columns). */
void        _lia_record_fill_common (LiaRecord *record, LiaStmt *stmt);
/* A key that sorts names the way people expect: case and accents folded. */
char       *_lia_sort_key      (const char *label);
/* @name without the titles in front of it ("Prof. Dr Anna Weber" → "Anna Weber"). */
char       *_lia_strip_honorifics (const char *name);
/* Where a contact sorts, for strcmp() and SQL's binary order: by family then given name, or
 * given then family name when @given_first, in the locale's collation; a contact with only a
 * display name sorts by it, without honorifics. The store writes both keys on every save;
 * the SQL function lia_contact_sort_key(given, family, label, given_first) is the same. */
char       *_lia_contact_sort_key (LiaStore   *store,
                                   const char *given_name,
                                   const char *family_name,
                                   const char *label,
                                   gboolean    given_first);
/* Defines the SQL functions above on the store's connection (migrations use them), and
 * lia_collation_locale(): the collation the keys are made in. */
gboolean    _lia_store_register_functions (LiaStore  *self,
                                           GError   **error);
/* Makes keys in the collation the database names (schema 6), whatever this process's
 * locale. */
gboolean    _lia_store_load_collation     (LiaStore  *self,
                                           GError   **error);
const char *_lia_store_get_collation      (LiaStore  *self);
/* Reads the database's collation again when another connection committed since it was last
 * read (SQLite's data_version; nothing on a server): a window may have adopted another
 * (lia_store_adopt_collation()). @out_changed: whether the collation is another now, or was
 * found another by a write transaction since the last caller that asked. lia_store_begin()
 * calls it once per write transaction, so that the contacts' keys it writes fit the others. */
gboolean    _lia_store_refresh_collation  (LiaStore  *self,
                                           gboolean  *out_changed,
                                           GError   **error);
/* Around each outermost write transaction on a file (lia_store_begin() to its commit or
 * rollback): a re-keying of the same file in this process (lia_store_adopt_collation()) gives
 * the write lock up at once and starts again after. */
void        _lia_store_writer_enter       (LiaStore  *self);
void        _lia_store_writer_leave       (LiaStore  *self);
/* For tests: called in the re-keying's transaction, the keys made and the indexes not yet
 * built again; @stop becomes non-zero when a writer of this process asks for the lock. */
typedef void (*LiaRekeyHook) (const gint *stop,
                              gpointer    user_data);
void        _lia_store_set_rekey_hook     (LiaRekeyHook  hook,
                                           gpointer      user_data);
/* Marks every row there is as loaded in bulk (migration_4's bulk_load), so that a statement
 * that rewrites rows adds nothing to the change log; "DELETE FROM bulk_load" after. */
#define LIA_BULK_LOAD_MARK \
  "INSERT INTO bulk_load VALUES (1," \
  "  (SELECT ifnull (max (id), 0) FROM organizations)," \
  "  (SELECT ifnull (max (id), 0) FROM contacts)," \
  "  (SELECT ifnull (max (id), 0) FROM interactions)," \
  "  (SELECT ifnull (max (id), 0) FROM commitments)," \
  "  (SELECT ifnull (max (id), 0) FROM concerns));"
/* Fails with LIA_STORE_ERROR_REFERENCE, in words naming @record and @what ("its parent
 * organization"), when @id > 0 is not a row of @table. */
gboolean    _lia_store_check_reference (LiaStore   *self,
                                        const char *table,
                                        gint64      id,
                                        const char *what,
                                        LiaRecord  *record,
                                        GError    **error);
/* Announces a change when the transaction commits (dropped if it rolls back). */
void        _lia_store_queue_change (LiaStore       *self,
                                     LiaRecordKind   kind,
                                     gint64          id,
                                     LiaStoreChange  change,
                                     LiaRecord      *old,
                                     LiaRecord      *current);
/* Makes the transaction's commit emit "reset" instead of the single changes. */
void        _lia_store_queue_reset  (LiaStore       *self);
/* lia-store-cascade.c: the records that deleting @record changes or removes through the
 * schema, as they are before the delete. More than @max: @out_too_many is set and the list is
 * incomplete. After the delete, _lia_store_queue_dependent_changes() announces each one. */
GPtrArray  *_lia_store_load_dependents         (LiaStore   *self,
                                                LiaRecord  *record,
                                                guint       max,
                                                gboolean   *out_too_many,
                                                GError    **error);
gboolean    _lia_store_queue_dependent_changes (LiaStore   *self,
                                                GPtrArray  *olds,
                                                GError    **error);
/* Replaces a list table's rows for one owner: DELETE then one INSERT per item. */
gboolean    _lia_store_replace_strv (LiaStore           *self,
                                     const char         *table,
                                     const char         *owner_column,
                                     const char         *value_column,
                                     gint64              owner_id,
                                     const char * const *values,
                                     GError            **error);
char      **_lia_store_load_strv    (LiaStore   *self,
                                     const char *table,
                                     const char *owner_column,
                                     const char *value_column,
                                     gint64      owner_id,
                                     GError    **error);

/* lia-store-queries.c: the timeline filter as SQL over the interactions table aliased "t",
 * with named parameters (:org, :contact, :since, :until, :lo, :hi). Returns "" for no filter,
 * else text starting with " AND ". The set form suits queries over many rows (the
 * organization's interactions are gathered once); the per-row form suits a test of one row. */
typedef enum {
  LIA_FILTER_SET,
  LIA_FILTER_PER_ROW,
} LiaFilterForm;

char      *_lia_timeline_filter_sql     (const LiaTimelineFilter *filter,
                                         LiaFilterForm            form);
void       _lia_timeline_filter_bind    (LiaStmt                 *stmt,
                                         const LiaTimelineFilter *filter);
/* Whether @interaction (possibly already deleted, so judged from its own values and the
 * affiliations) belongs to the filtered timeline. */
gboolean   _lia_timeline_filter_matches (LiaStore                *store,
                                         const LiaTimelineFilter *filter,
                                         LiaInteraction          *interaction,
                                         gboolean                *out_matches,
                                         GError                 **error);

/* Every uid of a kind by id, read in one pass (lia-store-bulk.c): %NULL in @out_table
 * without an error when there are too many to keep in memory. */
typedef struct _LiaUidTable LiaUidTable;

gboolean      _lia_uid_table_new     (LiaStore     *self,
                                      const char   *kind_table,
                                      LiaUidTable **out_table,
                                      GError      **error);
/* %NULL when there is no @id. */
const char   *_lia_uid_table_lookup  (LiaUidTable  *table,
                                      gint64        id);
void          _lia_uid_table_free    (LiaUidTable  *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaUidTable, _lia_uid_table_free)

G_END_DECLS
