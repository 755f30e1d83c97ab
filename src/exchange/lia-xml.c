/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-exchange"

#include "config.h"

#include <string.h>

#include "lia-xml-private.h"

gboolean
_lia_xml_is (xmlNode    *node,
             const char *ns,
             const char *name)
{
  if (node == NULL || node->type != XML_ELEMENT_NODE)
    return FALSE;
  if (node->ns == NULL || node->ns->href == NULL || !g_str_equal ((const char *) node->ns->href, ns))
    return FALSE;
  return name == NULL || g_str_equal ((const char *) node->name, name);
}

char *
_lia_xml_text (xmlNode  *node,
               xmlNode **out_bad_child,
               guint    *out_foreign)
{
  g_autoptr(GString) text = NULL;
  xmlNode *only = node->children;

  *out_bad_child = NULL;

  /* Most fields are one piece of text, or none: one copy, no buffer that grows. */
  if (only == NULL)
    return g_strdup ("");
  if (only->next == NULL && (only->type == XML_TEXT_NODE || only->type == XML_CDATA_SECTION_NODE))
    return g_strdup (only->content != NULL ? (const char *) only->content : "");

  text = g_string_new (NULL);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      switch (child->type)
        {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          if (child->content != NULL)
            g_string_append (text, (const char *) child->content);
          break;

        case XML_COMMENT_NODE:
        case XML_PI_NODE:
          break;

        case XML_ELEMENT_NODE:
          /* Another namespace's element inside our text: someone's extension. */
          if (child->ns != NULL && node->ns != NULL &&
              !g_str_equal ((const char *) child->ns->href, (const char *) node->ns->href))
            {
              (*out_foreign)++;
              break;
            }
          *out_bad_child = child;
          return NULL;

        default:
          /* Entity references and anything else we never expand. */
          *out_bad_child = child;
          return NULL;
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

const char *
_lia_xml_attr_text (xmlAttr *attr)
{
  xmlNode *only = attr->children;

  if (only == NULL)
    return "";
  if (only->next == NULL && only->type == XML_TEXT_NODE)
    return only->content != NULL ? (const char *) only->content : "";
  return NULL;
}

char *
_lia_xml_attr_value (xmlAttr *attr)
{
  g_autoptr(GString) text = NULL;
  const char *only = _lia_xml_attr_text (attr);

  if (only != NULL)
    return g_strdup (only);

  text = g_string_new (NULL);
  for (xmlNode *child = attr->children; child != NULL; child = child->next)
    if (child->type == XML_TEXT_NODE && child->content != NULL)
      g_string_append (text, (const char *) child->content);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
_lia_xml_clean_text (const char *text)
{
  GString *clean = NULL;

  for (const char *c = text; *c != '\0'; c++)
    {
      guchar ch = (guchar) *c;
      gboolean bad = ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r';

      if (bad && clean == NULL)
        clean = g_string_new_len (text, c - text);
      else if (!bad && clean != NULL)
        g_string_append_c (clean, *c);
    }

  return clean != NULL ? g_string_free (clean, FALSE) : NULL;
}

long
_lia_xml_line (xmlNode *node)
{
  if (node->line < 65535)
    return node->line;

  /* libxml2 keeps big line numbers only on text nodes. The white space before an element ends
   * on the element's own line; the text inside it starts there. */
  if (node->prev != NULL && node->prev->type == XML_TEXT_NODE && node->prev->line == 65535 &&
      node->prev->psvi != NULL)
    return (long) (ptrdiff_t) node->prev->psvi;

  return xmlGetLineNo (node);
}

/* Writers of records */

void
_lia_xml_out_start (LiaXmlOut  *out,
                    const char *name)
{
  _lia_xml_writer_start_element (out->writer, name);
}

void
_lia_xml_out_end (LiaXmlOut *out)
{
  _lia_xml_writer_end_element (out->writer);
}

void
_lia_xml_out_attr (LiaXmlOut  *out,
                   const char *name,
                   const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  _lia_xml_writer_attribute (out->writer, name, value);
}

void
_lia_xml_out_text (LiaXmlOut  *out,
                   const char *text)
{
  _lia_xml_writer_text (out->writer, text);
}

void
_lia_xml_out_element (LiaXmlOut  *out,
                      const char *name,
                      const char *text)
{
  _lia_xml_writer_start_element (out->writer, name);
  _lia_xml_writer_text (out->writer, text);
  _lia_xml_writer_end_element (out->writer);
}

gboolean
_lia_xml_out_failed (LiaXmlOut *out)
{
  return out->failed || _lia_xml_writer_failed (out->writer);
}
