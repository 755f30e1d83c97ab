/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>

#include "lia-exchange.h"
#include "lia-store.h"
#include "lia-xml-writer.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlTextReader, xmlFreeTextReader)
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
/* The same without a copy when the value is one piece of text (or none: ""), as almost every
 * value is; %NULL when it has to be put together (_lia_xml_attr_value()). */
const char *_lia_xml_attr_text (xmlAttr     *attr);
/* @text without the control characters XML 1.0 cannot carry, not even as references (all
 * but tab, line feed and carriage return); %NULL when there are none, to use @text as it is. */
char     *_lia_xml_clean_text  (const char  *text);
/* The line a node starts on, also past line 65,535 (where libxml2 keeps it elsewhere). */
long      _lia_xml_line        (xmlNode     *node);

typedef enum {
  LIA_WRITE_DEFAULT = 0,
  /* For comparing two versions of a record: without created and updated times, and without a
   * contact's affiliations (they are compared as records of their own). */
  LIA_WRITE_CANONICAL = 1 << 0,
} LiaWriteFlags;

/* What a writer of records carries. After a failed write to the stream the writer writes
 * nothing more, and the caller sees one error. */
typedef struct
{
  LiaXmlWriter     *writer;
  LiaStore         *store;
  LiaWriteFlags     flags;
  GError          **error;
  gboolean          failed;
} LiaXmlOut;

void      _lia_xml_out_start          (LiaXmlOut        *out,
                                       const char       *name);
void      _lia_xml_out_end            (LiaXmlOut        *out);
/* An attribute, left out when @value is %NULL or empty. */
void      _lia_xml_out_attr           (LiaXmlOut        *out,
                                       const char       *name,
                                       const char       *value);
void      _lia_xml_out_text           (LiaXmlOut        *out,
                                       const char       *text);
/* <name>text</name> */
void      _lia_xml_out_element        (LiaXmlOut        *out,
                                       const char       *name,
                                       const char       *text);
/* Whether anything failed: a reference (out->failed) or a write. */
gboolean  _lia_xml_out_failed         (LiaXmlOut        *out);

G_END_DECLS
