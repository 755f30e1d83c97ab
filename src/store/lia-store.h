/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lia-model.h"
#include "lia-search-result.h"
#include "lia-store-enums.h"
#include "lia-store-enum-types.h"

G_BEGIN_DECLS

/* The schema this build writes. A database with a higher PRAGMA user_version is refused. */
#define LIA_STORE_SCHEMA_VERSION 20

#define LIA_TYPE_STORE (lia_store_get_type ())

/**
 * LiaStore:
 *
 * The database. Signals, both emitted after the transaction that made the change committed:
 * - "changed" (LiaRecordKind kind, gint64 id, LiaStoreChange change, LiaRecord *old,
 *   LiaRecord *current): one record was added (old NULL), updated (both set) or removed
 *   (current NULL). old is the record as stored before; current is the object that was saved.
 * - "reset": more than a few hundred records changed in one transaction; reload what you show.
 *
 * Functions returning GPtrArray give a new array of new objects (LiaRecord subclasses or
 * LiaSearchResult) that frees its elements: g_ptr_array_unref() when done.
 */
G_DECLARE_FINAL_TYPE (LiaStore, lia_store, LIA, STORE, GObject)

typedef struct
{
  gint64 organizations;
  gint64 contacts;
  gint64 affiliations;
  gint64 interactions;
  gint64 commitments;
  gint64 open_commitments;
  gint64 overdue_commitments;
  gint64 concerns;
  gint64 open_concerns;      /* open or mediating */
} LiaStoreCounts;

/**
 * LiaTimelineFilter:
 * @organization_id: only interactions of this organization: those it took part in, and those of
 *   people while they were affiliated with it (the interaction's day inside the affiliation's
 *   dates). 0 for any.
 * @contact_id: only interactions this contact took part in; 0 for any
 * @kinds: bit mask of `1 << LiaInteractionKind`; 0 for every kind
 * @since: first day, inclusive, in each interaction's own local date; %NULL for no bound
 * @until: last day, inclusive; %NULL for no bound
 *
 * The timeline is always newest first (by the instant, ties by id).
 */
typedef struct
{
  gint64       organization_id;
  gint64       contact_id;
  guint        kinds;
  const GDate *since;
  const GDate *until;
} LiaTimelineFilter;

/* $LIAISON_DATABASE when set, else $XDG_DATA_HOME/liaison/liaison.db. */
char          *lia_store_dup_default_path        (void);
/* The database file on this computer: $LIAISON_DATABASE when it names a file, else
 * $XDG_DATA_HOME/liaison/liaison.db (what the window copies a team server's records into). */
char          *lia_store_dup_local_path          (void);

/* Whether @location names a team server (a postgresql:// or postgres:// URI, or a libpq
 * keyword string such as "host=… dbname=…") rather than a file: by its text alone. */
gboolean       lia_store_location_is_server      (const char     *location);

/* Opens or creates the database at @path (%NULL: the default path). A new file gets mode 0600
 * and a new folder 0700. The schema is migrated forward in one transaction; a database from a
 * newer Liaison fails with LIA_STORE_ERROR_TOO_NEW and is not modified in any way.
 *
 * @path may also name a team server (lia_store_location_is_server()): its schema is never
 * changed from here; one that has none or an older one fails with
 * LIA_STORE_ERROR_NOT_A_DATABASE asking for `liaison server init`. docs/team-server.md says
 * what runs there yet.
 *
 * One LiaStore is one database connection: use it from one thread. Background work opens its
 * own store on the same path. */
LiaStore      *lia_store_open                    (const char     *path,
                                                  GError        **error);
/* lia_store_open() on a team server with @password (may be %NULL: libpq's own sources), the
 * keyring's: handed to libpq in memory, never written to a file, logged or shown. While this
 * store is open, lia_store_open() on the same @location from any thread (background work)
 * connects with it too; it is forgotten when the last connection made with it closes. */
LiaStore      *lia_store_open_server             (const char     *location,
                                                  const char     *password,
                                                  GError        **error);
const char    *lia_store_get_path                (LiaStore       *self);
/* The database as a person is shown it: a file's path, or a team server's
 * "db.example.org/liaison as amina" (lia_server_describe()), never a password. The window,
 * the commands and the store's errors name the database with it. */
const char    *lia_store_get_display_name        (LiaStore       *self);
int            lia_store_get_schema_version      (LiaStore       *self);

/* Every save and delete is atomic by itself. Wrap several in begin/commit so that they land
 * together (a bulk load is also much faster that way). Transactions nest. The "changed"
 * signals of a transaction are emitted after the outermost commit; a rollback drops them. */
gboolean       lia_store_begin                   (LiaStore       *self,
                                                  GError        **error);
gboolean       lia_store_commit                  (LiaStore       *self,
                                                  GError        **error);
void           lia_store_rollback                (LiaStore       *self);
gboolean       lia_store_in_transaction          (LiaStore       *self);
/* For loading many records in one transaction (an import): until that transaction ends, a save
 * takes no savepoint of its own and does not look up the records it refers to (the foreign
 * keys still refuse a dangling reference). A save that fails then leaves what it wrote, so the
 * caller must roll the whole transaction back after any failed save. */
gboolean       lia_store_set_import_mode         (LiaStore       *self,
                                                  gboolean        import_mode,
                                                  GError        **error);
/* Contacts sort in one collation per database (the locale of whoever created or last adopted
 * it), so that a command run in another locale writes keys that fit. The window adopts the
 * desktop's language (LC_COLLATE) when it changed: every contact's two sort keys are made
 * again in it, in one transaction, and nothing else is written (no change-log row, no
 * history: other connections notice the new collation by themselves and their lists sort
 * again with one "reset", lia_store_check_outside_changes()). Other programs keep the
 * database's collation. On a team server nothing changes: the keys are the whole office's.
 * lia_store_get_collation_current(): whether there is nothing to adopt. */
gboolean       lia_store_get_collation_current   (LiaStore       *self);
gboolean       lia_store_adopt_collation         (LiaStore       *self,
                                                  GError        **error);
/* The same on a connection of its own, in a thread (100,000 contacts take a second or more):
 * meanwhile @self reads the old keys whole, and a write of this process (@self's or another
 * connection's) does not wait for the re-keying: the re-keying rolls back, the write goes
 * first and the re-keying starts again after its commit (another process's write waits for
 * the lock as usual). On success, _finish() gives @self the new collation and emits "reset"
 * once. */
void           lia_store_adopt_collation_async   (LiaStore       *self,
                                                  GCancellable   *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer        user_data);
gboolean       lia_store_adopt_collation_finish  (LiaStore       *self,
                                                  GAsyncResult   *result,
                                                  GError        **error);

/* Inserts the record when its id is 0, else updates the row with that id. Validates first
 * (LIA_STORE_ERROR_INVALID with the model's explanation), generates a uid when it has none,
 * sets id, created-at and updated-at. References to missing records fail with
 * LIA_STORE_ERROR_REFERENCE, a uid already used by another record of the same kind with
 * LIA_STORE_ERROR_DUPLICATE. On failure nothing is written. */
gboolean       lia_store_save                    (LiaStore       *self,
                                                  LiaRecord      *record,
                                                  GError        **error);

/* Deletes the record with the record's id. What goes with it:
 * - organization: its affiliations and its places as a party to concerns. Its interactions,
 *   commitments and people stay: interactions lose it as a participant, commitments lose it as a
 *   counterpart, sub-organizations move up to its parent.
 * - contact: their affiliations and their places as a party; interactions and commitments stay.
 * - interaction: its participant links; commitments made there stay (without the link).
 * - commitment, affiliation: only itself. concern: itself and its parties.
 * Sets the record's id back to 0. "changed" reports the record as REMOVED (with its last
 * state), and every record the delete reached: affiliations that went as REMOVED; moved
 * sub-organizations, interactions that lost a participant, commitments that lost a
 * counterpart or their interaction, and concerns that lost a party or a link as UPDATED. When
 * it reached more than a few hundred, "reset" is emitted instead. */
gboolean       lia_store_delete                  (LiaStore       *self,
                                                  LiaRecord      *record,
                                                  GError        **error);

/* Loads one record (a new object each call), with everything, a contact's photo included;
 * LIA_STORE_ERROR_NOT_FOUND when there is none. */
LiaRecord     *lia_store_load                    (LiaStore       *self,
                                                  LiaRecordKind   kind,
                                                  gint64          id,
                                                  GError        **error);
/* The label of the record of @kind with @id, as lia_record_get_label() of the loaded record
 * gives it; for an organization or a contact one indexed read instead of a whole record with
 * its lists (a timeline row names its participants so). LIA_STORE_ERROR_NOT_FOUND when there
 * is none. */
char          *lia_store_dup_label               (LiaStore       *self,
                                                  LiaRecordKind   kind,
                                                  gint64          id,
                                                  GError        **error);
LiaRecord     *lia_store_load_by_uid             (LiaStore       *self,
                                                  LiaRecordKind   kind,
                                                  const char     *uid,
                                                  GError        **error);

/* Contacts in lists come without their photo (lia_contact_get_photo_loaded() is FALSE): this
 * reads it into @contact, for the page or the editor that shows it. */
gboolean       lia_store_load_contact_photo      (LiaStore       *self,
                                                  LiaContact     *contact,
                                                  GError        **error);

/* Affiliations of a contact, current first, then by start date, newest first. */
GPtrArray     *lia_store_list_affiliations_for_contact      (LiaStore     *self,
                                                             gint64        contact_id,
                                                             GError      **error);
/* Affiliations with an organization; with @on, only those that covered that day (who was
 * there on that date), else all of them, past ones included. By the contact's family name. */
GPtrArray     *lia_store_list_affiliations_for_organization (LiaStore     *self,
                                                             gint64        organization_id,
                                                             const GDate  *on,
                                                             GError      **error);
/* Direct children of an organization (0: the top-level ones), by name. */
GPtrArray     *lia_store_list_sub_organizations             (LiaStore     *self,
                                                             gint64        parent_id,
                                                             GError      **error);
/* Open commitments with a contact and/or an organization (0 for any): overdue first, then by
 * due date, undated last. */
GPtrArray     *lia_store_list_open_commitments              (LiaStore     *self,
                                                             gint64        contact_id,
                                                             gint64        organization_id,
                                                             GError      **error);
/* Commitments that are done or cancelled, the most recently closed first (by updated-at, then
 * id): the history that Follow-ups shows under "Done". */
GPtrArray     *lia_store_list_closed_commitments            (LiaStore     *self,
                                                             GError      **error);
/* A page of the timeline (LiaInteraction), for printing and the command line. The window uses
 * the lazy LiaListModel instead. */
GPtrArray     *lia_store_list_timeline                      (LiaStore                *self,
                                                             const LiaTimelineFilter *filter,
                                                             guint                    offset,
                                                             guint                    limit,
                                                             GError                 **error);
gboolean       lia_store_count_timeline                     (LiaStore                *self,
                                                             const LiaTimelineFilter *filter,
                                                             guint                   *out_count,
                                                             GError                 **error);

/* The database was changed through another connection (an import in a worker thread): emits
 * "reset" so that whatever shows its records reloads. Not in a transaction. */
void           lia_store_announce_outside_change (LiaStore       *self);

/* How often a watching store looks for other connections' commits. */
#define LIA_STORE_WATCH_INTERVAL_MS 250

/* Follows what other connections commit to the same database (the command line, an import
 * thread, another window) and emits "changed" for each record they changed, or "reset" after
 * a bulk load, more than 256 changes or a new collation (lia_store_adopt_collation()). Looks
 * every LIA_STORE_WATCH_INTERVAL_MS on the thread default main context, which costs nothing
 * when nobody wrote. On a team server it listens instead (LISTEN on the connection, a watch on
 * its socket): each NOTIFY makes it read the change log after the last row seen. Off by
 * default: a window turns it on; the command line and worker threads need not. */
void           lia_store_set_watching            (LiaStore       *self,
                                                  gboolean        watching);
gboolean       lia_store_get_watching            (LiaStore       *self);
gboolean       lia_store_get_reconnecting        (LiaStore       *self);
/* Looks now instead of at the next tick (also without watching). */
gboolean       lia_store_check_outside_changes   (LiaStore       *self,
                                                  GError        **error);

/* One row of the change log: a record changed by one statement of a commit (a record saved
 * with its lists shows as several rows in a row), or a bulk load ("reset", kind "all"). */
typedef struct
{
  gint64     seq;
  GDateTime *changed_at;  /* UTC */
  char      *author;      /* the database user; NULL when another program wrote */
  char      *operation;   /* insert, update, delete, reset */
  char      *kind;        /* organization, contact, …, all */
  char      *uid;         /* the record's id as in the partner directory; NULL for a reset */
} LiaChangeLogEntry;

void           lia_change_log_entry_free         (LiaChangeLogEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaChangeLogEntry, lia_change_log_entry_free)

/* At most @limit rows of the change log after @after_seq, oldest first (LiaChangeLogEntry).
 * The log keeps its last 10,000 rows or so. */
GPtrArray     *lia_store_read_change_log         (LiaStore       *self,
                                                  gint64          after_seq,
                                                  guint           limit,
                                                  GError        **error);
/* A number that moves when another connection commits: cheap to ask often (SQLite's
 * data_version; a server backend is told by NOTIFY instead). */
gboolean       lia_store_get_data_version        (LiaStore       *self,
                                                  gint64         *out_version,
                                                  GError        **error);

/* One value of a record changed by a save: the property's name ("sector", "job-title", "tags"),
 * its value before and after as text (NULL for none), who saved it and when. */
typedef struct
{
  GDateTime *changed_at;  /* UTC */
  char      *author;
  char      *field;
  char      *old_value;
  char      *new_value;
} LiaFieldChange;

void           lia_field_change_free             (LiaFieldChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaFieldChange, lia_field_change_free)

/* Every value change saved on the record of @kind with @id, oldest first (LiaFieldChange).
 * Imports in bulk write none. */
GPtrArray     *lia_store_list_field_history      (LiaStore       *self,
                                                  LiaRecordKind   kind,
                                                  gint64          id,
                                                  GError        **error);

/* Whether the account may read but not change data (a read-only role on a team server): a
 * window then offers no edits. FALSE for a database file opened for writing. A save refused
 * by the server all the same fails with LIA_STORE_ERROR_PERMISSION. */
gboolean       lia_store_is_read_only            (LiaStore       *self);

/* A page of the record's history for a window, newest first: the values changed by the saves
 * number @offset to @offset + @n_saves - 1 counted from the newest, the rows of one save
 * together (they share changed_at) in the order written (LiaFieldChange). */
GPtrArray     *lia_store_list_recent_field_history (LiaStore     *self,
                                                    LiaRecordKind kind,
                                                    gint64        id,
                                                    guint         offset,
                                                    guint         n_saves,
                                                    GError      **error);
/* Who created the record and when, as the change log says: both %NULL (and %TRUE) when the
 * log no longer has it (pruned, or loaded by an import in bulk), @out_author %NULL when
 * another program wrote it. %FALSE with @error when the log could not be read. */
gboolean       lia_store_get_record_creation     (LiaStore       *self,
                                                  LiaRecordKind   kind,
                                                  gint64          id,
                                                  char          **out_author,
                                                  GDateTime     **out_when,
                                                  GError        **error);

gboolean       lia_store_get_counts              (LiaStore       *self,
                                                  LiaStoreCounts *out_counts,
                                                  GError        **error);
gboolean       lia_store_has_records             (LiaStore       *self,
                                                  gboolean       *out_has_records,
                                                  GError        **error);

/* Full-text search (see lia-search-result.h): names, titles, notes, summaries, outcomes; every
 * word of @text is a prefix and accents are ignored ("zur" finds "Zürich"). Results are grouped
 * by kind (organizations, contacts, interactions, commitments, concerns), best first within a
 * group, at most @limit_per_kind per group. Blank text gives an empty array. */
GPtrArray     *lia_store_search                  (LiaStore       *self,
                                                  const char     *text,
                                                  guint           limit_per_kind,
                                                  GError        **error);

/* Checks the database file and Liaison's own rules. Returns the problems found, in words
 * (an empty array when all is well), or %NULL with @error when the check could not run. */
GPtrArray     *lia_store_check                   (LiaStore       *self,
                                                  GError        **error);

G_END_DECLS
