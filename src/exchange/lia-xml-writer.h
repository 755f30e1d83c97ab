/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * A small XML writer for what Liaison writes (partner directories, xCard, the canonical form
 * of a record): elements, attributes and text, UTF-8 only, into one growing buffer that goes to
 * a stream in big writes. It writes the same bytes as libxml2's xmlTextWriter did: the same
 * escapes, the same indentation, empty elements as <name/>, and without the control characters
 * XML 1.0 cannot carry (as _lia_xml_clean_text).
 */
typedef struct _LiaXmlWriter LiaXmlWriter;

/* Writes into @stream (in pieces of about 256 KiB), or only into its buffer when @stream is
 * %NULL (see _lia_xml_writer_steal_text()). @indent: each element on a line of its own, indented
 * by two spaces per level. */
LiaXmlWriter *_lia_xml_writer_new            (GOutputStream  *stream,
                                              GCancellable   *cancellable,
                                              gboolean        indent);
void          _lia_xml_writer_free           (LiaXmlWriter   *writer);

/* <?xml version="1.0" encoding="UTF-8"?> */
void          _lia_xml_writer_start_document (LiaXmlWriter   *writer);
void          _lia_xml_writer_start_element  (LiaXmlWriter   *writer,
                                              const char     *name);
/* Only directly after the element's start or another attribute. */
void          _lia_xml_writer_attribute      (LiaXmlWriter   *writer,
                                              const char     *name,
                                              const char     *value);
void          _lia_xml_writer_text           (LiaXmlWriter   *writer,
                                              const char     *text);
void          _lia_xml_writer_end_element    (LiaXmlWriter   *writer);
/* Ends the elements still open and writes out what the buffer holds. */
gboolean      _lia_xml_writer_end_document   (LiaXmlWriter   *writer,
                                              GError        **error);

/* Whether a write to the stream failed (or a call came out of order); the first such error. */
gboolean      _lia_xml_writer_failed         (LiaXmlWriter   *writer);
const GError *_lia_xml_writer_get_error      (LiaXmlWriter   *writer);

/* Without a stream: how many bytes the buffer holds, and its text, the buffer emptied and the
 * writer ready for a new piece (no element open). */
gsize         _lia_xml_writer_get_length     (LiaXmlWriter   *writer);
char         *_lia_xml_writer_steal_text     (LiaXmlWriter   *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaXmlWriter, _lia_xml_writer_free)

G_END_DECLS
