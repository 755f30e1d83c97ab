/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-exporter.h"
#include "lia-store-bulk.h"
#include "lia-xml-private.h"

G_BEGIN_DECLS

/* lia-directory-writer.c: writes @record as an element of a partner directory. Contacts
 * bring their affiliations. References are written as the uids @store gives them. */
gboolean  _lia_directory_write_record (LiaXmlWriter     *writer,
                                       LiaStore         *store,
                                       LiaRecord        *record,
                                       LiaWriteFlags     flags,
                                       GError          **error);
/* The same for an interaction or a commitment read as a row (lia_store_foreach_*_row()): the
 * bytes _lia_directory_write_record() gives for the same record. */
gboolean  _lia_directory_write_interaction (LiaXmlWriter            *writer,
                                       const LiaInteractionRow  *row,
                                       LiaWriteFlags             flags,
                                       GError                  **error);
gboolean  _lia_directory_write_commitment (LiaXmlWriter            *writer,
                                       const LiaCommitmentRow   *row,
                                       LiaWriteFlags             flags,
                                       GError                  **error);
/* The same for a contact (with its affiliations) or an organization read as a row. */
gboolean  _lia_directory_write_contact (LiaXmlWriter           *writer,
                                       const LiaContactRow    *row,
                                       LiaWriteFlags           flags,
                                       GError                **error);
gboolean  _lia_directory_write_organization (LiaXmlWriter      *writer,
                                       const LiaOrganizationRow *row,
                                       LiaWriteFlags           flags,
                                       GError                **error);
/* The record as a partner directory would hold it, without times: two records with the same
 * text are the same to a person. NULL with @error when a reference cannot be read. */
char     *_lia_directory_canonical    (LiaStore         *store,
                                       LiaRecord        *record,
                                       GError          **error);

/* lia-xcard-writer.c: writes a contact or an organization as a <vcard>. */
gboolean  _lia_xcard_write_record     (LiaXmlWriter     *writer,
                                       LiaStore         *store,
                                       LiaRecord        *record,
                                       GError          **error);

/* lia-ics-writer.c: writes the planned interactions and the open commitments with a due date
 * as one VCALENDAR. @out_written: how many events and to-dos. */
gboolean  _lia_ics_write              (LiaStore         *store,
                                       GOutputStream    *stream,
                                       gboolean          selected,
                                       GCancellable     *cancellable,
                                       guint64          *out_written,
                                       GError          **error);

/* lia-vcard-writer.c: a contact or an organization as one vCard 3.0 (or 4.0) card, CRLF,
 * folded. */
char     *_lia_vcard_write_record     (LiaStore         *store,
                                       LiaRecord        *record,
                                       gboolean          v4,
                                       GError          **error);

G_END_DECLS
