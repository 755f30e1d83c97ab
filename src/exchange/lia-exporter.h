/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lia-exchange.h"
#include "lia-exchange-enum-types.h"
#include "lia-store.h"

G_BEGIN_DECLS

#define LIA_TYPE_EXPORTER (lia_exporter_get_type ())

/**
 * LiaExporter:
 *
 * Writes the database, or what concerns one organization, as a partner directory, as xCard or
 * as vCard (people and organizations only, for the latter two).
 * The output is deterministic: records ordered by id (uid), attributes in a fixed order, so
 * that exporting the same data twice gives the same bytes. A file is written whole or not at
 * all: it appears (or replaces the old one) only when everything was written, and it is
 * readable by its owner only, since directories are confidential.
 */
G_DECLARE_FINAL_TYPE (LiaExporter, lia_exporter, LIA, EXPORTER, GObject)

LiaExporter       *lia_exporter_new                (GFile              *file,
                                                    LiaExchangeFormat   format);
/* Writes to @stream instead of a file (standard output, a pipe); @stream is not closed. */
LiaExporter       *lia_exporter_new_for_stream     (GOutputStream      *stream,
                                                    LiaExchangeFormat   format);
LiaExchangeFormat  lia_exporter_get_format         (LiaExporter        *self);
/* Only this organization, its sub-organizations, the people ever affiliated with them and
 * their history, and what those refer to (lia_store_select_organization_scope()). 0: all. */
gint64             lia_exporter_get_organization_id (LiaExporter       *self);
void               lia_exporter_set_organization_id (LiaExporter       *self,
                                                     gint64             organization_id);
/* CSV holds one kind of record: contacts (the default) or organizations. */
LiaRecordKind      lia_exporter_get_kind           (LiaExporter        *self);
void               lia_exporter_set_kind           (LiaExporter        *self,
                                                    LiaRecordKind       kind);

gboolean           lia_exporter_run                (LiaExporter        *self,
                                                    LiaStore           *store,
                                                    GCancellable       *cancellable,
                                                    GError            **error);
/* The same in a worker thread, on a connection of its own to the database of @store;
 * "records-written" is notified on the caller's main context. */
void               lia_exporter_run_async          (LiaExporter        *self,
                                                    LiaStore           *store,
                                                    GCancellable       *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer            user_data);
gboolean           lia_exporter_run_finish         (LiaExporter        *self,
                                                    GAsyncResult       *result,
                                                    GError            **error);

/* vCard only: "3.0" (the default, what most programs read) or "4.0". */
void               lia_exporter_set_vcard_version  (LiaExporter        *self,
                                                    const char         *version);

guint64            lia_exporter_get_records_written (LiaExporter       *self);
guint64            lia_exporter_get_records_total   (LiaExporter       *self);

G_END_DECLS
