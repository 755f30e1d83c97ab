/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lia-exchange.h"
#include "lia-exchange-enum-types.h"
#include "lia-import-problem.h"
#include "lia-store.h"

G_BEGIN_DECLS

#define LIA_TYPE_IMPORTER (lia_importer_get_type ())

/**
 * LiaImporter:
 *
 * Reads a partner directory, an xCard or a vCard file into the database (the format is told by
 * the content), in one transaction: a file with any problem changes nothing, and the importer
 * lists every problem it found (up to a hundred) with its line and column. Records are merged
 * by their id, address-book cards also by email, phone or name (docs/vcard.md): importing the
 * same file twice creates nothing new. What the file had that Liaison does not keep is counted
 * (lia_importer_describe_not_kept()), oddities read past are warnings. A dry run does
 * everything but keep the result.
 *
 * Progress ("records-read", "bytes-read", "bytes-total") is notified from the thread that runs
 * the import; with lia_importer_run_async() that is a worker thread, and the notifications are
 * passed on to the main context of the caller, so a window can bind to them.
 */
G_DECLARE_FINAL_TYPE (LiaImporter, lia_importer, LIA, IMPORTER, GObject)

LiaImporter       *lia_importer_new               (GFile              *file);
GFile             *lia_importer_get_file          (LiaImporter        *self);
gboolean           lia_importer_get_dry_run       (LiaImporter        *self);
void               lia_importer_set_dry_run       (LiaImporter        *self,
                                                   gboolean            dry_run);
/* For a CSV file: which field each column goes into, "COLUMN=field,…" with the fields of
 * lia_csv_field_names() ("ignore": not imported), over what a known header gives. With a map,
 * a file that is not in another format is read as CSV. */
const char        *lia_importer_get_column_map    (LiaImporter        *self);
void               lia_importer_set_column_map    (LiaImporter        *self,
                                                   const char         *column_map);

/* Calendar files: create the people invited who are not among the contacts (from their
 * name and email), instead of listing them (lia_importer_get_unmatched_people()). */
gboolean           lia_importer_get_create_people (LiaImporter        *self);
void               lia_importer_set_create_people (LiaImporter        *self,
                                                   gboolean            create_people);
/* Imports into @store, in this thread. FALSE with LIA_EXCHANGE_ERROR_INVALID when the file has
 * problems (see lia_importer_get_problems()), LIA_EXCHANGE_ERROR_NOT_SUPPORTED when it is
 * neither format, G_IO_ERROR_CANCELLED, or an error of the store or of reading the file. The
 * database is unchanged whenever it returns FALSE. An importer runs once. */
gboolean           lia_importer_run               (LiaImporter        *self,
                                                   LiaStore           *store,
                                                   GCancellable       *cancellable,
                                                   GError            **error);

/* The same in a worker thread, on a connection of its own to the database of @store. When
 * the import has changed anything, @store announces it (with "changed" for each record, or
 * one "reset") before @callback runs: whatever shows its records reloads, once. */
void               lia_importer_run_async         (LiaImporter        *self,
                                                   LiaStore           *store,
                                                   GCancellable       *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer            user_data);
gboolean           lia_importer_run_finish        (LiaImporter        *self,
                                                   GAsyncResult       *result,
                                                   GError            **error);

/* What was found: valid during and after the run. */
LiaExchangeFormat  lia_importer_get_format        (LiaImporter        *self);
guint64            lia_importer_get_records_read  (LiaImporter        *self);
guint64            lia_importer_get_bytes_read    (LiaImporter        *self);
guint64            lia_importer_get_bytes_total   (LiaImporter        *self);
/* Records of @kind that were (or, in a dry run, would have been) created, updated or found
 * unchanged. Affiliations count as their own kind. */
guint64            lia_importer_get_count         (LiaImporter        *self,
                                                   LiaRecordKind       kind,
                                                   LiaImportOutcome    outcome);
guint64            lia_importer_get_total         (LiaImporter        *self,
                                                   LiaImportOutcome    outcome);
/* Elements in other namespaces, skipped with what they contain. */
guint64            lia_importer_get_ignored       (LiaImporter        *self);
/* LiaImportProblems, in the order of the file. */
GListModel        *lia_importer_get_problems      (LiaImporter        *self);
/* TRUE when more problems were found than the list keeps. */
gboolean           lia_importer_get_problems_truncated (LiaImporter   *self);
/* Address-book cards (xCard, vCard, CSV) that merged into a record found by @rule. For
 * calendar files, LIA_IMPORT_MATCH_EMAIL counts the organizers and attendees found among the
 * contacts by their email address. */
guint64            lia_importer_get_matched       (LiaImporter        *self,
                                                   LiaImportMatch      rule);
/* LiaImportProblems that did not stop the import: oddities read past (a line without a
 * colon, an address that is not one), in the order of the file. */
GListModel        *lia_importer_get_warnings      (LiaImporter        *self);
/* How many times the file had @property ("GEO", "X-SOCIALPROFILE") that Liaison does not keep. */
guint64            lia_importer_get_not_kept_count (LiaImporter       *self,
                                                   const char         *property);
/* "3 × X-SOCIALPROFILE, 1 × GEO", the most frequent first; %NULL when everything was kept. */
char              *lia_importer_describe_not_kept (LiaImporter        *self);
/* Calendar files: the people invited who are not among the contacts, "Name <address>", each
 * once; empty when all were matched (or created). */
const char * const *lia_importer_get_unmatched_people (LiaImporter    *self);

G_END_DECLS
