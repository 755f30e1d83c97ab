/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-xcard-private.h"


/* The values of xCard properties and parameters (docs/xcard.md has the mapping). */

static const char * const n_parts[N_PARTS] = { "surname", "given", "additional", "prefix", "suffix" };
static const char * const adr_parts[ADR_PARTS] = {
  "pobox", "ext", "street", "locality", "region", "code", "country",
};

enum {
  TYPE_WORK  = 1 << 0,
  TYPE_HOME  = 1 << 1,
  TYPE_CELL  = 1 << 2,
  TYPE_FAX   = 1 << 3,
  TYPE_PAGER = 1 << 4,
};

typedef struct
{
  int   pref;
  guint types;
} Params;

gboolean
_lia_xcard_is (xmlNode    *node,
               const char *name)
{
  return _lia_xml_is (node, LIA_XCARD_NAMESPACE, name);
}

/* Values */

/* The text of a value element (<text>, <uri>, a component of <n>, …). */
static char *
raw_element_text (Card    *c,
                  xmlNode *element)
{
  xmlNode *bad = NULL;
  guint foreign = 0;
  char *text = _lia_xml_text (element, &bad, &foreign);

  for (guint i = 0; i < foreign; i++)
    _lia_import_ignore (c->import);

  if (text == NULL)
    {
      if (bad != NULL && bad->type == XML_ELEMENT_NODE)
        _lia_card_problem (c, bad, _("<%s> holds text only, not a <%s> element."),
                      (const char *) element->name, (const char *) bad->name);
      else
        _lia_card_problem (c, element, _("<%s> holds something that is not text (an entity reference?)."),
                      (const char *) element->name);
      return NULL;
    }

  return text;
}

/* The same, trimmed: for every value but notes, which keep their layout. */
static char *
element_text (Card    *c,
              xmlNode *element)
{
  char *text = raw_element_text (c, element);

  return text != NULL ? g_strstrip (text) : NULL;
}

/* The first value of @property whose type is one of @types (NULL-terminated), or %NULL; a
 * value of another type sets *@out_other. Counts the elements of other namespaces. */
static char *
property_value_full (Card               *c,
                     xmlNode            *property,
                     const char * const *types,
                     gboolean            strip,
                     gboolean           *out_other)
{
  for (xmlNode *child = property->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (!_lia_xcard_is (child, NULL))
        {
          _lia_import_ignore (c->import);
          continue;
        }
      if (g_str_equal ((const char *) child->name, "parameters"))
        continue;
      if (g_strv_contains (types, (const char *) child->name))
        return strip ? element_text (c, child) : raw_element_text (c, child);
      if (out_other != NULL)
        *out_other = TRUE;
    }

  return NULL;
}

static char *
property_value (Card               *c,
                xmlNode            *property,
                const char * const *types,
                gboolean           *out_other)
{
  return property_value_full (c, property, types, TRUE, out_other);
}

#define VALUE_TYPES(...) ((const char * const[]) { __VA_ARGS__, NULL })

/* Every <text> of a property that has several (org, categories), blank ones left out. */
static char **
property_texts (Card    *c,
                xmlNode *property)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  for (xmlNode *child = property->children; child != NULL; child = child->next)
    {
      g_autofree char *text = NULL;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (!_lia_xcard_is (child, NULL))
        {
          _lia_import_ignore (c->import);
          continue;
        }
      if (!g_str_equal ((const char *) child->name, "text"))
        continue;
      if ((text = element_text (c, child)) != NULL && text[0] != '\0')
        g_ptr_array_add (texts, g_steal_pointer (&text));
    }

  g_ptr_array_add (texts, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&texts), FALSE);
}

/* A structured value (n, adr): each component may appear several times; its values are joined
 * with @separator. */
static void
property_components (Card               *c,
                     xmlNode            *property,
                     const char * const *names,
                     guint               n_names,
                     char              **out,
                     const char         *separator)
{
  for (xmlNode *child = property->children; child != NULL; child = child->next)
    {
      g_autofree char *text = NULL;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (!_lia_xcard_is (child, NULL))
        {
          _lia_import_ignore (c->import);
          continue;
        }

      for (guint i = 0; i < n_names; i++)
        {
          if (!g_str_equal ((const char *) child->name, names[i]))
            continue;
          if ((text = element_text (c, child)) == NULL || text[0] == '\0')
            break;
          if (out[i] == NULL)
            {
              out[i] = g_steal_pointer (&text);
            }
          else
            {
              char *joined = g_strconcat (out[i], separator, text, NULL);
              g_free (out[i]);
              out[i] = joined;
            }
          break;
        }
    }
}

static char *
parameter_text (xmlNode *element)
{
  xmlNode *bad = NULL;
  guint foreign = 0;
  char *text = _lia_xml_text (element, &bad, &foreign);

  return text != NULL ? g_strstrip (text) : NULL;
}

/* The parameters Liaison uses: pref and type. Others (label, altid, language, …) are skipped;
 * a value that makes no sense is as good as none. */
static Params
property_parameters (Card    *c,
                     xmlNode *property)
{
  Params params = { NO_PREF, 0 };

  for (xmlNode *child = property->children; child != NULL; child = child->next)
    {
      if (!_lia_xcard_is (child, "parameters"))
        continue;

      for (xmlNode *parameter = child->children; parameter != NULL; parameter = parameter->next)
        {
          if (parameter->type != XML_ELEMENT_NODE)
            continue;
          if (!_lia_xcard_is (parameter, NULL))
            {
              _lia_import_ignore (c->import);
              continue;
            }

          for (xmlNode *value = parameter->children; value != NULL; value = value->next)
            {
              g_autofree char *text = NULL;

              if (_lia_xcard_is (parameter, "pref") && _lia_xcard_is (value, "integer") &&
                  (text = parameter_text (value)) != NULL)
                {
                  gint64 pref;
                  if (g_ascii_string_to_signed (text, 10, 1, 100, &pref, NULL))
                    params.pref = (int) pref;
                }
              else if (_lia_xcard_is (parameter, "type") && _lia_xcard_is (value, "text") &&
                       (text = parameter_text (value)) != NULL)
                {
                  if (g_ascii_strcasecmp (text, "work") == 0)
                    params.types |= TYPE_WORK;
                  else if (g_ascii_strcasecmp (text, "home") == 0)
                    params.types |= TYPE_HOME;
                  else if (g_ascii_strcasecmp (text, "cell") == 0)
                    params.types |= TYPE_CELL;
                  else if (g_ascii_strcasecmp (text, "fax") == 0)
                    params.types |= TYPE_FAX;
                  else if (g_ascii_strcasecmp (text, "pager") == 0)
                    params.types |= TYPE_PAGER;
                }
            }
        }
    }

  return params;
}

/* A fax is not for calling and a mobile is worth knowing, whatever else the type says. */
static LiaContactPointKind
kind_for_types (guint types)
{
  if (types & TYPE_FAX)
    return LIA_CONTACT_POINT_KIND_FAX;
  if (types & (TYPE_CELL | TYPE_PAGER))
    return LIA_CONTACT_POINT_KIND_MOBILE;
  if (types & TYPE_HOME)
    return LIA_CONTACT_POINT_KIND_HOME;
  if (types & TYPE_WORK)
    return LIA_CONTACT_POINT_KIND_WORK;
  return LIA_CONTACT_POINT_KIND_OTHER;
}

static void
add_item (Card    *c,
          GArray  *items,
          char    *value,
          Params   params)
{
  _lia_card_add_item (c, items, value, params.pref, kind_for_types (params.types));
}

/* tel:+1-418-656-9254;ext=102 → +1-418-656-9254;ext=102. Other URIs (sip:…) stay whole. */
static char *
phone_from_uri (char *uri)
{
  g_autofree char *number = NULL;

  if (uri == NULL || g_ascii_strncasecmp (uri, "tel:", 4) != 0)
    return uri;

  number = g_uri_unescape_string (uri + 4, NULL);
  if (number == NULL)
    number = g_strdup (uri + 4);
  g_free (uri);
  return g_strstrip (g_steal_pointer (&number));
}

/* Properties */

void
_lia_xcard_read_properties (Card    *c,
                            xmlNode *parent)
{
  for (xmlNode *child = parent->children; child != NULL && !c->import->stopped; child = child->next)
    {
      const char *name;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (!_lia_xcard_is (child, NULL))
        {
          _lia_import_ignore (c->import);
          continue;
        }

      name = (const char *) child->name;

      if (g_str_equal (name, "group"))
        {
          /* A property group (RFC 6351 §5.2): its properties count as the vCard's own. */
          _lia_xcard_read_properties (c, child);
        }
      else if (g_str_equal (name, "fn"))
        {
          g_autofree char *text = property_value (c, child, VALUE_TYPES ("text"), NULL);
          if (c->fn == NULL && text != NULL && text[0] != '\0')
            c->fn = g_steal_pointer (&text);
        }
      else if (g_str_equal (name, "n"))
        {
          if (!c->has_n)
            property_components (c, child, n_parts, N_PARTS, c->n, " ");
          c->has_n = TRUE;
        }
      else if (g_str_equal (name, "kind"))
        {
          g_autofree char *text = property_value (c, child, VALUE_TYPES ("text"), NULL);
          if (text != NULL && g_ascii_strcasecmp (text, "org") == 0)
            c->is_organization = TRUE;
        }
      else if (g_str_equal (name, "title"))
        {
          g_autofree char *text = property_value (c, child, VALUE_TYPES ("text"), NULL);
          if (text != NULL && text[0] != '\0')
            g_ptr_array_add (c->titles, g_steal_pointer (&text));
        }
      else if (g_str_equal (name, "role"))
        {
          g_autofree char *text = property_value (c, child, VALUE_TYPES ("text"), NULL);
          if (c->role == NULL && text != NULL && text[0] != '\0')
            c->role = g_steal_pointer (&text);
        }
      else if (g_str_equal (name, "email"))
        {
          Params params = property_parameters (c, child);
          add_item (c, c->emails, property_value (c, child, VALUE_TYPES ("text"), NULL), params);
        }
      else if (g_str_equal (name, "tel"))
        {
          Params params = property_parameters (c, child);
          char *uri = NULL;
          char *text = NULL;

          /* Either value type; read once so that foreign elements are counted once. */
          for (xmlNode *value = child->children; value != NULL; value = value->next)
            {
              if (value->type != XML_ELEMENT_NODE)
                continue;
              if (!_lia_xcard_is (value, NULL))
                _lia_import_ignore (c->import);
              else if (_lia_xcard_is (value, "uri") && uri == NULL && text == NULL)
                uri = element_text (c, value);
              else if (_lia_xcard_is (value, "text") && uri == NULL && text == NULL)
                text = element_text (c, value);
            }
          add_item (c, c->phones, uri != NULL ? phone_from_uri (uri) : text, params);
        }
      else if (g_str_equal (name, "adr"))
        {
          Params params = property_parameters (c, child);
          char *parts[ADR_PARTS] = { NULL, };

          property_components (c, child, adr_parts, ADR_PARTS, parts, "\n");
          /* A person keeps every address; an organization the one below. */
          _lia_card_add_address (c, g_object_new (LIA_TYPE_POSTAL_ADDRESS,
                                                  "kind", kind_for_types (params.types),
                                                  "po-box", parts[ADR_POBOX],
                                                  "extended", parts[ADR_EXT],
                                                  "street", parts[ADR_STREET],
                                                  "locality", parts[ADR_LOCALITY],
                                                  "region", parts[ADR_REGION],
                                                  "postal-code", parts[ADR_CODE],
                                                  "country", parts[ADR_COUNTRY],
                                                  NULL),
                                 params.pref);
          /* Organizations have one address: the most preferred, else the first. */
          if (!c->has_adr || params.pref < c->adr_pref)
            {
              for (guint i = 0; i < ADR_PARTS; i++)
                {
                  g_free (c->adr[i]);
                  c->adr[i] = g_steal_pointer (&parts[i]);
                }
              c->has_adr = TRUE;
              c->adr_pref = params.pref;
            }
          for (guint i = 0; i < ADR_PARTS; i++)
            g_free (parts[i]);
        }
      else if (g_str_equal (name, "lang"))
        {
          Params params = property_parameters (c, child);
          add_item (c, c->languages,
                    property_value (c, child, VALUE_TYPES ("language-tag", "text"), NULL), params);
        }
      else if (g_str_equal (name, "tz"))
        {
          gboolean other = FALSE;
          g_autofree char *text = property_value (c, child, VALUE_TYPES ("text"), &other);

          /* A utc-offset is not a zone: summer time would make it wrong half the year. */
          if (c->tz == NULL && text != NULL && text[0] != '\0')
            c->tz = g_steal_pointer (&text);
          else if (other)
            c->tz_unusable = TRUE;
        }
      else if (g_str_equal (name, "note"))
        {
          g_autofree char *text = property_value_full (c, child, VALUE_TYPES ("text"), FALSE, NULL);
          if (!lia_text_is_blank (text))
            g_ptr_array_add (c->notes, g_steal_pointer (&text));
        }
      else if (g_str_equal (name, "categories"))
        {
          g_auto(GStrv) texts = property_texts (c, child);
          for (guint i = 0; texts[i] != NULL; i++)
            g_ptr_array_add (c->tags, g_steal_pointer (&texts[i]));
        }
      else if (g_str_equal (name, "url"))
        {
          Params params = property_parameters (c, child);
          add_item (c, c->urls, property_value (c, child, VALUE_TYPES ("uri"), NULL), params);
        }
      else if (g_str_equal (name, "impp"))
        {
          Params params = property_parameters (c, child);
          char *uri = property_value (c, child, VALUE_TYPES ("uri"), NULL);

          if (uri != NULL && !lia_text_is_blank (uri) && !lia_contact_im_is_valid (uri))
            {
              _lia_import_not_kept (c->import, "IMPP (not a URI)");
              g_free (uri);
            }
          else
            add_item (c, c->ims, uri, params);
        }
      else if (g_str_equal (name, "nickname"))
        {
          g_auto(GStrv) texts = property_texts (c, child);
          g_autofree char *joined = g_strjoinv (", ", texts);

          /* One nickname field: a second property adds to it. */
          if (joined[0] != '\0' && c->nickname == NULL)
            c->nickname = g_steal_pointer (&joined);
          else if (joined[0] != '\0')
            {
              char *both = g_strconcat (c->nickname, ", ", joined, NULL);
              g_free (c->nickname);
              c->nickname = both;
            }
        }
      else if (g_str_equal (name, "bday"))
        {
          gboolean other = FALSE;
          g_autofree char *text = property_value (c, child, VALUE_TYPES ("date", "date-and-or-time",
                                                                          "date-time"), &other);
          g_autofree char *birthday = _lia_card_birthday (text);

          /* Free text ("circa 1800"), a year alone or a second birthday: not a date to keep. */
          if (birthday != NULL && c->birthday == NULL)
            c->birthday = g_steal_pointer (&birthday);
          else if (text != NULL || other)
            _lia_import_not_kept (c->import, "BDAY");
        }
      else if (g_str_equal (name, "photo"))
        {
          g_autofree char *uri = property_value (c, child, VALUE_TYPES ("uri"), NULL);

          /* A link to an image elsewhere is not fetched: only the image itself is kept. */
          if (c->photo != NULL || !_lia_card_set_photo_uri (c, uri))
            _lia_import_not_kept (c->import, "PHOTO");
        }
      else if (g_str_equal (name, "uid"))
        {
          g_autofree char *text = property_value (c, child, VALUE_TYPES ("uri", "text"), NULL);
          if (c->uid == NULL && text != NULL && text[0] != '\0')
            c->uid = g_steal_pointer (&text);
        }
      else if (g_str_equal (name, "org"))
        {
          g_auto(GStrv) texts = property_texts (c, child);
          _lia_card_add_org (c, (const char * const *) texts);
        }
      else
        {
          /* Every other property (bday, photo, geo, key, …) is one Liaison does not keep. */
          g_autofree char *upper = g_ascii_strup (name, -1);
          _lia_import_not_kept (c->import, upper);
        }
    }
}
