/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>

#include "lia-exchange.h"
#include "lia-store.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlTextReader, xmlFreeTextReader)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlTextWriter, xmlFreeTextWriter)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlBuffer, xmlBufferFree)

/* How every untrusted file is parsed. Never XML_PARSE_NOENT (entity expansion),
 * XML_PARSE_DTDLOAD (external DTDs) or XML_PARSE_HUGE (lifts the limits on text size and
 * nesting); never the network. Big line numbers so that errors past line 65,535 say where. */
#define LIA_XML_PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES | \
                               XML_PARSE_NOXINCNODE)

/* Whether @node is an element of @ns (and, with @name, of that name). */
gboolean  _lia_xml_is          (xmlNode     *node,
                                const char  *ns,
                                const char  *name);
/* The text of an element that holds only text: %NULL when it holds elements of its own
 * namespace or entity references (*out_bad_child is then that child). Children in other
 * namespaces are skipped and counted in @out_foreign. */
char     *_lia_xml_text        (xmlNode     *node,
                                xmlNode    **out_bad_child,
                                guint       *out_foreign);
/* The value of an attribute node, without expanding anything. */
char     *_lia_xml_attr_value  (xmlAttr     *attr);
/* @text without the control characters XML 1.0 cannot carry, not even as references (all
 * but tab, line feed and carriage return); %NULL when there are none, to use @text as it is. */
char     *_lia_xml_clean_text  (const char  *text);
/* The line a node starts on, also past line 65,535 (where libxml2 keeps it elsewhere). */
long      _lia_xml_line        (xmlNode     *node);

/* An xmlTextWriter that writes into @stream, indenting by two spaces. The first error of the
 * stream goes to *@write_error, which must outlive the writer. */
xmlTextWriterPtr _lia_xml_writer_new_for_stream (GOutputStream  *stream,
                                                 GCancellable   *cancellable,
                                                 GError        **write_error);

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

/* Records @rc (of an xmlTextWriter call) in @out. */
void      _lia_xml_out_check          (LiaXmlOut        *out,
                                       int               rc);
void      _lia_xml_out_start          (LiaXmlOut        *out,
                                       const char       *name);
void      _lia_xml_out_end            (LiaXmlOut        *out);

G_END_DECLS
