/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-store.h"

G_BEGIN_DECLS

/*
 * Access by the records' stable uids, for the code that moves whole directories in and out
 * (src/exchange/): partner directories refer to records by uid, never by database id.
 */

/* Sets @out_id to the id of the record of @kind whose uid is @uid, or to 0 when there is none. */
gboolean   lia_store_find_id                    (LiaStore            *self,
                                                 LiaRecordKind        kind,
                                                 const char          *uid,
                                                 gint64              *out_id,
                                                 GError             **error);

/* The uid of the record of @kind with @id; LIA_STORE_ERROR_NOT_FOUND when there is none. */
char      *lia_store_dup_uid                    (LiaStore            *self,
                                                 LiaRecordKind        kind,
                                                 gint64               id,
                                                 GError             **error);

/* Until the current transaction ends, lia_store_dup_uid() remembers what it found (at most
 * 250,000 uids), for a reader that refers to the same records again and again (an export).
 * Deleting anything, rolling back to a savepoint or a save that changes a uid forgets them. */
void       lia_store_cache_uids                 (LiaStore            *self);
/* The affiliation of @contact_id with @organization_id that starts on @from (%NULL: one
 * without a start date), or %NULL without an error when there is none. */
LiaAffiliation *lia_store_find_affiliation      (LiaStore            *self,
                                                 gint64               contact_id,
                                                 gint64               organization_id,
                                                 const GDate         *from,
                                                 GError             **error);

/* lia_store_save(), except that a new record keeps the created-at and updated-at it carries:
 * for records that arrive from another database and were last changed there. */
gboolean   lia_store_save_preserving_times      (LiaStore            *self,
                                                 LiaRecord           *record,
                                                 GError             **error);

/* Fills the connection's selection with what exporting one organization takes so that the
 * file stands on its own: the organization and its sub-organizations; everyone who was ever
 * affiliated with them; the interactions they took part in; the commitments and concerns that
 * involve any of these; then every record those refer to (other participants, counterparts,
 * parties, the organizations of every selected person, parent organizations up to the top),
 * without following those further. Call it inside a transaction, with the export that reads
 * the selection, so that nothing changes in between. */
gboolean   lia_store_select_organization_scope  (LiaStore            *self,
                                                 gint64               organization_id,
                                                 GError             **error);

typedef gboolean (*LiaStoreRecordFunc) (LiaRecord  *record,
                                        gpointer    user_data,
                                        GError    **error);

/* Calls @func with every record of @kind (each a new object, with its lists), in byte order of
 * uid; with @selected, only the records of the last lia_store_select_organization_scope().
 * Stops at the first error, from the database or from @func. Affiliations come with their
 * contacts and are not a kind of their own here: use lia_store_list_affiliations_for_contact().
 * @func reads, never writes: over every record, the lists are read alongside the records, in
 * the same pass (run it in a transaction for one consistent view). */
gboolean   lia_store_foreach_record             (LiaStore            *self,
                                                 LiaRecordKind        kind,
                                                 gboolean             selected,
                                                 LiaStoreRecordFunc   func,
                                                 gpointer             user_data,
                                                 GError             **error);

/* When a record was created and last updated, as the rows give them: microseconds since the
 * epoch (UTC); has_created/has_updated are %FALSE where the record has none. */
typedef struct
{
  gboolean has_created;
  gboolean has_updated;
  gint64   created_usec;
  gint64   updated_usec;
} LiaRowStamps;

/* An interaction as a partner directory writes it, in plain values: the export reads them
 * straight from the rows (lia_store_foreach_interaction_row()) and the directory writer fills
 * one from a LiaInteraction, so that both are written by the same code. Times are microseconds
 * since the epoch (UTC); references are the uids of the records they name. The strings belong
 * to whoever filled it, and last until the callback returns. */
typedef struct
{
  const char          *uid;
  LiaRowStamps         stamps;
  gboolean             has_at;
  gint64               at_usec;
  /* Seconds east of UTC that the time was entered with. */
  int                  at_offset;
  /* The kind's nick ("meeting"). */
  const char          *kind;
  guint                minutes;
  int                  sentiment;
  gboolean             cancelled;
  const char          *title;
  const char          *location;
  const char          *summary;
  const char          *outcome;
  /* The participants' uids, contacts then organizations, each in their order. */
  const char * const  *contacts;
  guint                n_contacts;
  const char * const  *organizations;
  guint                n_organizations;
} LiaInteractionRow;

typedef gboolean (*LiaStoreInteractionRowFunc) (const LiaInteractionRow  *row,
                                                gpointer                  user_data,
                                                GError                  **error);

/* lia_store_foreach_record() over interactions, without building them: @func gets each as a
 * row, in the same order (uid), with its participants' uids read in the same pass (joined
 * queries, no look-up per reference). */
gboolean   lia_store_foreach_interaction_row    (LiaStore                    *self,
                                                 gboolean                     selected,
                                                 LiaStoreInteractionRowFunc   func,
                                                 gpointer                     user_data,
                                                 GError                     **error);

/* For tests: how many records of a kind lia_store_foreach_interaction_row() keeps the uids of in
 * memory (a million); past that, it reads each participant's uid with the participant. */
void       _lia_store_set_uid_table_max         (gint64                       max);

/* A commitment as a partner directory writes it, in plain values (as LiaInteractionRow):
 * dates as YYYY-MM-DD, %NULL when unset; references as uids, %NULL when there are none. */
typedef struct
{
  const char  *uid;
  LiaRowStamps stamps;
  /* Nicks: "ours", "open". */
  const char  *direction;
  const char  *status;
  const char  *due;
  const char  *done;
  const char  *interaction;
  const char  *contact;
  const char  *organization;
  const char  *title;
  const char  *notes;
} LiaCommitmentRow;

typedef gboolean (*LiaStoreCommitmentRowFunc) (const LiaCommitmentRow  *row,
                                               gpointer                 user_data,
                                               GError                 **error);

/* lia_store_foreach_record() over commitments, as rows with the uids they refer to. */
gboolean   lia_store_foreach_commitment_row     (LiaStore                    *self,
                                                 gboolean                     selected,
                                                 LiaStoreCommitmentRowFunc    func,
                                                 gpointer                     user_data,
                                                 GError                     **error);

/* What contacts and organizations carry, as partner directories write them (plain values, as
 * LiaInteractionRow): enums as their nicks, dates as YYYY-MM-DD or %NULL, references as uids
 * or %NULL. */
typedef struct
{
  /* "unknown" for none. */
  const char  *stance;
  int          influence;
  int          interest;
  /* LIA_CADENCE_DEFAULT when none was set. */
  int          cadence_days;
} LiaAssessmentRow;

/* An email address, a phone number, a website or a messaging handle. */
typedef struct
{
  const char  *kind;
  const char  *value;
} LiaPointRow;

typedef struct
{
  const char  *kind;
  const char  *po_box;
  const char  *extended;
  const char  *street;
  const char  *locality;
  const char  *region;
  const char  *postal_code;
  const char  *country;
} LiaAddressRow;

typedef struct
{
  const char  *uid;
  const char  *organization;
  const char  *role;
  const char  *unit;
  const char  *from;
  const char  *until;
  gboolean     primary;
} LiaAffiliationRow;

typedef struct
{
  const char               *uid;
  LiaRowStamps              stamps;
  const char               *honorific;
  const char               *given_name;
  const char               *family_name;
  const char               *suffix;
  /* The one entered, "" when the name is made of its parts. */
  const char               *display_name;
  const char               *nickname;
  const char               *job_title;
  /* In lia_store_list_affiliations_for_contact()'s order. */
  const LiaAffiliationRow  *affiliations;
  guint                     n_affiliations;
  const LiaPointRow        *emails;
  guint                     n_emails;
  const LiaPointRow        *phones;
  guint                     n_phones;
  const LiaAddressRow      *addresses;
  guint                     n_addresses;
  const LiaPointRow        *websites;
  guint                     n_websites;
  const LiaPointRow        *ims;
  guint                     n_ims;
  const char * const       *languages;
  guint                     n_languages;
  const char               *time_zone;
  const char               *preferred_channel;
  const char               *birthday;
  /* %NULL when there is no photo. */
  const guint8             *photo;
  gsize                     photo_size;
  const char               *photo_type;
  LiaAssessmentRow          assessment;
  const char * const       *tags;
  guint                     n_tags;
  const char               *notes;
} LiaContactRow;

typedef struct
{
  const char               *uid;
  LiaRowStamps              stamps;
  const char               *name;
  const char               *short_name;
  const char               *sector;
  const char               *parent;
  const char               *country;
  const char               *website;
  const char               *email;
  const char               *phone;
  const char               *street;
  const char               *locality;
  const char               *region;
  const char               *postal_code;
  const char               *address_country;
  LiaAssessmentRow          assessment;
  const char * const       *tags;
  guint                     n_tags;
  const char               *notes;
} LiaOrganizationRow;

typedef gboolean (*LiaStoreContactRowFunc) (const LiaContactRow  *row,
                                            gpointer              user_data,
                                            GError              **error);
typedef gboolean (*LiaStoreOrganizationRowFunc) (const LiaOrganizationRow  *row,
                                                 gpointer                   user_data,
                                                 GError                   **error);

/* lia_store_foreach_record() over contacts and organizations, without building them: each as a
 * row, in the same order (uid), with its lists (and a contact's affiliations and photo) read
 * in the same pass, one statement per list table, and the uids it refers to. */
gboolean   lia_store_foreach_contact_row        (LiaStore                    *self,
                                                 gboolean                     selected,
                                                 LiaStoreContactRowFunc       func,
                                                 gpointer                     user_data,
                                                 GError                     **error);
gboolean   lia_store_foreach_organization_row   (LiaStore                    *self,
                                                 gboolean                     selected,
                                                 LiaStoreOrganizationRowFunc  func,
                                                 gpointer                     user_data,
                                                 GError                     **error);

/* How many records lia_store_foreach_record() would give. */
gboolean   lia_store_count_records              (LiaStore            *self,
                                                 LiaRecordKind        kind,
                                                 gboolean             selected,
                                                 guint64             *out_count,
                                                 GError             **error);

/* A bulk load: inside a transaction, records saved between begin and end are added to the
 * full-text index all at once at the end, which makes a big import about twice as fast. Search
 * does not find them before the end; everything else works as usual. A rollback ends the bulk
 * load with the transaction. */
gboolean   lia_store_begin_bulk_load            (LiaStore            *self,
                                                 GError             **error);
gboolean   lia_store_end_bulk_load              (LiaStore            *self,
                                                 GError             **error);

/* Outside a transaction, before a big load: SQLite's sorter (the indexes and grouped passes
 * at the end of a bulk load) sorts in runs of the page cache's size and merges them from
 * temporary files, instead of keeping every run in memory, so that an import's memory does not
 * grow with its size. @on_disk %FALSE goes back to temporary storage in memory. Changing it
 * drops the connection's temporary tables: nothing is done (and %TRUE returned) inside a
 * transaction, on a server, or when the connection holds temporary tables other than the bulk
 * load's own. */
gboolean   lia_store_set_sort_on_disk           (LiaStore            *self,
                                                 gboolean             on_disk,
                                                 GError             **error);

/* The most recent updated-at among the records lia_store_foreach_record() gives (of every kind,
 * or of the selection): when the data last changed. %NULL when there are no records. */
GDateTime *lia_store_get_last_change            (LiaStore            *self,
                                                 gboolean             selected,
                                                 GError             **error);

/* Matching records that arrive without an id of ours (xCard): */

/* The ids of the contacts that have @address among their email addresses, compared without
 * regard to ASCII case, lowest id first; an empty array when there are none. */
GArray    *lia_store_find_contacts_by_email     (LiaStore            *self,
                                                 const char          *address,
                                                 GError             **error);

/* The ids of the organizations named @name, compared without regard to case (Unicode case
 * folding, surrounding white space ignored), lowest id first; an empty array when there are
 * none. */
GArray    *lia_store_find_organizations_by_name (LiaStore            *self,
                                                 const char          *name,
                                                 GError             **error);
/* The same, accents aside too: "Ministere de la sante" finds "Ministère de la Santé". */
GArray    *lia_store_find_organizations_by_folded_name (LiaStore     *self,
                                                 const char          *name,
                                                 GError             **error);
/* "+41 (22) 555-01 01" → "41225550101": how phone numbers are compared. */
char      *lia_store_phone_digits               (const char          *phone);
/* Every contact's phone numbers, by their digits (lia_store_phone_digits()): a GHashTable of
 * digits (char *) → GArray of contact ids (gint64), lowest first. Numbers of fewer than 5
 * digits are left out: they are extensions or emergency numbers, not a person's. One query,
 * for an import that looks up many numbers. */
GHashTable *lia_store_index_contact_phones      (LiaStore            *self,
                                                 GError             **error);
/* The ids of the contacts named @name (case and accents aside) who have an affiliation, past or
 * current, with the organization @organization_id, lowest id first. */
GArray    *lia_store_find_contacts_by_name_at   (LiaStore            *self,
                                                 const char          *name,
                                                 gint64               organization_id,
                                                 GError             **error);

G_END_DECLS
