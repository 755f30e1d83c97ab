/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-exporter.h"
#include "lia-xml-private.h"

G_BEGIN_DECLS

typedef enum {
  LIA_WRITE_DEFAULT = 0,
  /* For comparing two versions of a record: without created and updated times, and without a
   * contact's affiliations (they are compared as records of their own). */
  LIA_WRITE_CANONICAL = 1 << 0,
} LiaWriteFlags;

/* What a writer of records carries: the first failure is kept, the rest of the record is
 * skipped by libxml2 and the caller sees one error. */
typedef struct
{
  xmlTextWriterPtr  writer;
  LiaStore         *store;
  LiaWriteFlags     flags;
  GError          **error;
  gboolean          failed;
  const char       *failure;   /* the message for a failed write, translated */
} LiaXmlOut;

/* lia-exporter.c: record @rc (of an xmlTextWriter call) in @out. */
void      _lia_xml_out_check          (LiaXmlOut        *out,
                                       int               rc);
void      _lia_xml_out_start          (LiaXmlOut        *out,
                                       const char       *name);
void      _lia_xml_out_end            (LiaXmlOut        *out);

/* lia-directory-writer.c: writes @record as an element of a partner directory. Contacts
 * bring their affiliations. References are written as the uids @store gives them. */
gboolean  _lia_directory_write_record (xmlTextWriterPtr  writer,
                                       LiaStore         *store,
                                       LiaRecord        *record,
                                       LiaWriteFlags     flags,
                                       GError          **error);
/* The record as a partner directory would hold it, without times: two records with the same
 * text are the same to a person. NULL with @error when a reference cannot be read. */
char     *_lia_directory_canonical    (LiaStore         *store,
                                       LiaRecord        *record,
                                       GError          **error);

/* lia-xcard-writer.c: writes a contact or an organization as a <vcard>. */
gboolean  _lia_xcard_write_record     (xmlTextWriterPtr  writer,
                                       LiaStore         *store,
                                       LiaRecord        *record,
                                       GError          **error);

G_END_DECLS
