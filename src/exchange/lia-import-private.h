/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/xmlreader.h>

#include "lia-importer.h"
#include "lia-xml-private.h"

G_BEGIN_DECLS

/* More problems than this and the importer stops looking: the file needs fixing first. */
#define LIA_IMPORT_MAX_PROBLEMS 100

typedef struct _LiaImport LiaImport;

/* One run of an importer: what the format readers share. */
struct _LiaImport
{
  LiaImporter      *importer;
  LiaStore         *store;
  const char       *file_name;     /* as shown in messages: the file's display name */
  xmlTextReaderPtr  reader;
  GCancellable     *cancellable;
  /* Added to the line numbers of nodes: records re-read after the pass over the file were
   * parsed from a copy whose first line is not the file's. */
  long              line_offset;
  /* The root element's end was read: anything wrong after it is extra, not a cut. */
  gboolean          root_closed;
  /* The root is an xCard <vcards>, not a partner directory: messages name the right format. */
  gboolean          root_is_vcards;
  /* Set at the first problem. Reading goes on to find more problems, but nothing is kept. */
  gboolean          failed;
  /* Stop now: too many problems, cancelled, or the database failed. */
  gboolean          stopped;
  /* Why it stopped, when that is not a problem of the file. */
  GError           *error;
  /* Database ids of the records this run created or merged, one bitset per kind: a second
   * record with the same id in the file is a duplicate. */
  GByteArray       *touched[LIA_RECORD_KIND_CONCERN + 1];
};

/* lia-importer.c */
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
/* "organization", "contact", … as messages name them. */
const char       *_lia_import_kind_noun    (LiaRecordKind     kind);
guint             _lia_import_line         (LiaImport        *import,
                                            xmlNode          *node);
void              _lia_import_count        (LiaImport        *import,
                                            LiaRecordKind     kind,
                                            LiaImportOutcome  outcome);
void              _lia_import_ignore       (LiaImport        *import);
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

/* Makes sure that later records can refer to @record, which has a problem and is not stored:
 * stores a stand-in with its uid when the database has no record with it. */
void              _lia_import_stand_in     (LiaImport        *import,
                                            LiaRecord        *record);

/* lia-directory-reader.c: the reader is on the root element of a partner directory. */
gboolean          _lia_directory_read      (LiaImport        *import);
/* lia-xcard-reader.c: the reader is on the root element of an xCard file. */
gboolean          _lia_xcard_read          (LiaImport        *import);

/* lia-import-problem.c */
void              _lia_import_problem_set_needle   (LiaImportProblem *self,
                                                    const char       *needle);
const char       *_lia_import_problem_get_needle   (LiaImportProblem *self);
void              _lia_import_problem_set_location (LiaImportProblem *self,
                                                    guint             line,
                                                    guint             column);

G_END_DECLS
