/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/xmlreader.h>

#include "lia-importer.h"
#include "lia-store-hashes.h"
#include "lia-xml-private.h"

G_BEGIN_DECLS

/* More problems than this and the importer stops looking: the file needs fixing first. */
#define LIA_IMPORT_MAX_PROBLEMS 100

/* Every so many records, a run looks whether it was cancelled. */
#define LIA_IMPORT_CHECK_EVERY 512

/* Ids of records, in every format: at most this many characters. */
#define MAX_ID_LENGTH 200

/* The kinds of record and the outcomes of merging one, for arrays indexed by them. */
#define N_KINDS (LIA_RECORD_KIND_PROJECT + 1)
#define N_OUTCOMES (LIA_IMPORT_UNCHANGED + 1)
#define N_MATCHES (LIA_IMPORT_MATCH_ORGANIZATION_NAME + 1)

typedef struct _LiaImport LiaImport;

/* Called after each record a reader hands to the run, in the thread that imports. */
typedef void (*LiaImportProgressFunc) (LiaImport *import,
                                       gpointer   user_data);

/* One run of an import: what the format readers share (lia-import.c). It owns its problems
 * and counts; whoever started the run reads them when it is over. */
struct _LiaImport
{
  LiaStore         *store;
  const char       *file_name;     /* as shown in messages: the file's display name */
  /* The file, for readers of text formats: buffered, at its start. */
  GInputStream     *stream;
  /* CSV: "COLUMN=field,…", what the person said each column holds (lia-csv.h). */
  const char       *column_map;
  /* For XML formats: on the root element when the reader starts. */
  xmlTextReaderPtr  reader;
  GCancellable     *cancellable;
  /* Added to the line numbers of nodes: records re-read after the pass over the file were
   * parsed from a copy whose first line is not the file's. */
  long              line_offset;
  /* The root element's end was read: anything wrong after it is extra, not a cut. */
  gboolean          root_closed;
  /* The root is an xCard <vcards>, not a partner directory: messages name the right format. */
  gboolean          root_is_vcards;
  /* Text formats: where the record being stored starts, for problems reported without an
   * XML node. */
  guint             record_line;
  guint             record_column;
  /* Set at the first problem. Reading goes on to find more problems, but nothing is kept. */
  gboolean          failed;
  /* Stop now: too many problems, cancelled, or the database failed. */
  gboolean          stopped;
  /* Why it stopped, when that is not a problem of the file. */
  GError           *error;
  /* Database ids of the records this run created or merged, one bitset per kind: a second
   * record with the same id in the file is a duplicate. */
  GByteArray       *touched[N_KINDS];
  /* A reader whose records are each read from one element and nothing else (the partner
   * directory) sets this to a seed of its own: then a record's element, hashed, tells whether
   * it is the one the database has (lia-store-hashes.h), without loading and comparing it.
   * The seed changes whenever what the reader makes of an element does. 0: no hashes. */
  guint64           node_hash_seed;
  /* The database's hashes of each kind, read at the first record of the kind that is there:
   * by id (LiaContentHash), or by uid for the records a reader need not read at all
   * (LiaUidContentHash, _lia_import_unchanged_node()). */
  LiaContentHashes    *hashes[N_KINDS];
  LiaUidContentHashes *uid_hashes[N_KINDS];
  /* The local time zone, asked for once: GLib 2.74 reads the system's zone again at each
   * g_time_zone_new_local() when TZ is not set. */
  GTimeZone        *local_zone;

  /* What the run found: LiaImportProblems in the order of the file, at most
   * LIA_IMPORT_MAX_PROBLEMS of them. */
  GPtrArray        *problems;
  gboolean          problems_truncated;
  guint64           counts[N_KINDS][N_OUTCOMES];
  guint64           ignored;
  guint64           records_read;
  /* How many records were found by each matching rule (lia-card-import.c). */
  guint64           matched[N_MATCHES];
  /* What the file had that Liaison does not keep: property name → count (GUINT_TO_POINTER). */
  GHashTable       *not_kept;
  /* Recoverable oddities: LiaImportProblems that do not stop the import, at most
   * LIA_IMPORT_MAX_PROBLEMS of them. */
  GPtrArray        *warnings;
  /* Calendar files: the people invited who are not among the contacts, as "Name <address>"
   * (or the bare address), each once, in the order of the file; and whether to create them as
   * contacts instead of listing them. */
  GPtrArray        *unmatched_people;
  gboolean          create_people;

  LiaImportProgressFunc progress_func;
  gpointer              progress_data;
};

/* lia-import.c */
void              _lia_import_init         (LiaImport        *import,
                                            LiaStore         *store,
                                            const char       *file_name,
                                            GCancellable     *cancellable);
/* Frees what the run holds: the reader, the problems, the error, the bitsets. */
void              _lia_import_clear        (LiaImport        *import);
/* Whether @id can be the id of a record: 1 to MAX_ID_LENGTH characters of UTF-8, without
 * white space or control characters. */
gboolean          _lia_import_valid_id     (const char       *id);
/* Called for each element child of the root, expanded into a tree of its own that is freed
 * when the reader moves on. */
typedef void    (*LiaImportRecordFunc)     (LiaImport        *import,
                                            xmlNode          *node,
                                            gpointer          user_data);
/* The one streaming loop of the XML formats: import->reader is on the root element. Reads its
 * children, hands each element to @record_cb, and reports @text_between (text where only
 * elements belong) and @cut_off (the file ends before the root does) where they happen. TRUE
 * when the file was read to its end. */
gboolean          _lia_import_read_records (LiaImport        *import,
                                            LiaImportRecordFunc record_cb,
                                            gpointer          user_data,
                                            const char       *text_between,
                                            const char       *cut_off);
/* The structured error handler of the run's xmlTextReader: @user_data is the LiaImport. */
void              _lia_import_xml_error_cb (void             *user_data,
                                            xmlError         *error);
LiaImportProblem *_lia_import_problem      (LiaImport        *import,
                                            xmlNode          *node,
                                            const char       *attribute,
                                            const char       *format,
                                            ...) G_GNUC_PRINTF (4, 5);
void              _lia_import_xml_problem  (LiaImport        *import,
                                            guint             line,
                                            guint             column,
                                            const char       *message);
void              _lia_import_fail         (LiaImport        *import,
                                            GError           *error);
/* "organization", "contact", … as messages name them (lia-labels.h). */
#define _lia_import_kind_noun lia_labels_record_kind_noun
guint             _lia_import_line         (LiaImport        *import,
                                            xmlNode          *node);
void              _lia_import_count        (LiaImport        *import,
                                            LiaRecordKind     kind,
                                            LiaImportOutcome  outcome);
void              _lia_import_ignore       (LiaImport        *import);
/* The file has @property (a name as the format spells it, upper case for vCard: "GEO",
 * "X-SOCIALPROFILE") and Liaison does not keep it: counted, for the summary. */
void              _lia_import_not_kept     (LiaImport        *import,
                                            const char       *property);
/* Something odd that the import can read past: said in the summary, keeps nothing from
 * being imported. */
void              _lia_import_warning      (LiaImport        *import,
                                            guint             line,
                                            guint             column,
                                            const char       *format,
                                            ...) G_GNUC_PRINTF (4, 5);
void              _lia_import_progress     (LiaImport        *import);
/* Sets @out_id to the database id of the record of @kind with @uid, 0 when there is none. */
gboolean          _lia_import_find         (LiaImport        *import,
                                            LiaRecordKind     kind,
                                            const char       *uid,
                                            gint64           *out_id);
/* Whether this run already created or merged the record of @kind with @id: formats that match
 * records by other means than their id (xCard: by email, by name) skip those. */
gboolean          _lia_import_is_touched   (LiaImport        *import,
                                            LiaRecordKind     kind,
                                            gint64            id);
/* Stores @record, which carries the uid of the file, merging it with the record of the same
 * kind and uid in the database: creates it, updates it, or leaves it when nothing changed.
 * Sets the record's id. When the record cannot be stored (a problem of the file, reported at
 * @node), or after an earlier problem, a stand-in with the same uid is stored instead so that
 * later records referring to it find it: the transaction will be rolled back anyway.
 * FALSE only when the import must stop. */
gboolean          _lia_import_merge        (LiaImport        *import,
                                            LiaRecord        *record,
                                            xmlNode          *node);

/* The local day of @time. */
GDate            *_lia_import_local_day    (LiaImport        *import,
                                            GDateTime        *time);

/* Whether the record of @kind with @uid is in the database as an import stored it from an
 * element the same as @node, and nothing has changed it since (node_hash_seed): then it is
 * counted as unchanged and touched, and the reader need not read it into a record. Only for
 * an element that is the whole record: everything the record is made of, nothing else.
 * FALSE only when the import must stop. */
gboolean          _lia_import_unchanged_node (LiaImport      *import,
                                              LiaRecordKind   kind,
                                              const char     *uid,
                                              xmlNode        *node,
                                              gboolean       *out_unchanged);
/* The same for a contact element with its affiliations, each of which must have an id and be
 * in the database as it was stored from its element. */
gboolean          _lia_import_unchanged_contact (LiaImport   *import,
                                                 const char  *uid,
                                                 xmlNode     *node,
                                                 gboolean    *out_unchanged);

/* Makes sure that later records can refer to @record, which has a problem and is not stored:
 * stores a stand-in with its uid when the database has no record with it. */
void              _lia_import_stand_in     (LiaImport        *import,
                                            LiaRecord        *record);

/* What the importer knows of a file before it is read, for each format to say whether the file
 * is in it. */
typedef struct
{
  const char *data;         /* the first bytes of the file, up to LIA_IMPORT_HEAD_SIZE */
  gsize       length;
  /* For XML formats: the root element's namespace (or %NULL) and local name. */
  const char *root_ns;
  const char *root_name;
} LiaImportHead;

#define LIA_IMPORT_HEAD_SIZE 4096

/* A format the importer reads (lia-importer.c keeps the list). */
typedef struct
{
  LiaExchangeFormat    format;
  const char          *name;          /* as `liaison export --format` says it */
  const char * const  *extensions;    /* without the dot */
  const char          *mime_type;
  /* TRUE: @read starts with import->reader on the root element, which @sniff was shown.
   * FALSE: @sniff sees the first bytes, and @read reads import->stream from the start. */
  gboolean             xml;
  gboolean           (*sniff) (const LiaImportHead *head);
  /* FALSE when the file has a problem or the run must stop (see LiaImport). */
  gboolean           (*read)  (LiaImport           *import);
} LiaImportFormat;

/* lia-importer.c: the formats, in the order in which they are offered a file. */
const LiaImportFormat *_lia_import_formats (guint *n_formats);

/* lia-directory-reader.c: the reader is on the root element of a partner directory. */
gboolean          _lia_directory_read      (LiaImport        *import);
/* lia-xcard-reader.c: the reader is on the root element of an xCard file. */
gboolean          _lia_xcard_read          (LiaImport        *import);
/* lia-csv-reader.c: reads import->stream, a CSV file. */
gboolean          _lia_csv_read            (LiaImport        *import);
/* lia-vcard-reader.c: reads import->stream, a vCard file, from its start. */
gboolean          _lia_vcard_read          (LiaImport        *import);

/* lia-ics-reader.c: import->stream is at the start of an iCalendar file. */
gboolean          _lia_ics_sniff           (const LiaImportHead *head);
gboolean          _lia_ics_read            (LiaImport        *import);

/* lia-import-problem.c */
void              _lia_import_problem_set_needle   (LiaImportProblem *self,
                                                    const char       *needle);
const char       *_lia_import_problem_get_needle   (LiaImportProblem *self);
void              _lia_import_problem_set_location (LiaImportProblem *self,
                                                    guint             line,
                                                    guint             column);

G_END_DECLS
