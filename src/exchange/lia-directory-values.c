/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-exchange"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <string.h>

#include "lia-directory-private.h"

void
_lia_pd_clear_ref (gpointer data)
{
  Ref *ref = data;

  g_free (ref->uid);
  if (ref->role == REF_PARTY || ref->role == REF_STAKEHOLDER)
    g_free (ref->extra);
}

/* Problems within a record say which record: "contact “c-044”: …". */

void
_lia_pd_problem (Parse      *p,
         xmlNode    *node,
         const char *attribute,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  p->bad = TRUE;
  if (p->uid != NULL)
    _lia_import_problem (p->import, node, attribute, "%s “%s”: %s", _lia_import_kind_noun (p->kind), p->uid, message);
  else
    _lia_import_problem (p->import, node, attribute, "%s: %s", _lia_import_kind_noun (p->kind), message);
}

/* Values */

gboolean
_lia_pd_is_ours (xmlNode *node)
{
  return _lia_xml_is (node, LIA_DIRECTORY_NAMESPACE, NULL);
}

/* Checks that @element has no attributes of its own but @allowed (NULL-terminated);
 * attributes of other namespaces are someone's extension and are ignored. */
void
_lia_pd_check_attributes (Parse              *p,
                  xmlNode            *element,
                  const char * const *allowed)
{
  for (xmlAttr *attr = element->properties; attr != NULL; attr = attr->next)
    {
      if (attr->ns != NULL)
        continue;
      if (allowed != NULL && g_strv_contains (allowed, (const char *) attr->name))
        continue;
      _lia_pd_problem (p, element, (const char *) attr->name,
               _("<%s> has no attribute “%s”."), (const char *) element->name,
               (const char *) attr->name);
    }
}

/* The value of an attribute without namespace; %NULL when absent or empty. */
char *
_lia_pd_attribute (xmlNode    *element,
           const char *name)
{
  for (xmlAttr *attr = element->properties; attr != NULL; attr = attr->next)
    if (attr->ns == NULL && g_str_equal ((const char *) attr->name, name))
      {
        char *value = _lia_xml_attr_value (attr);
        if (value[0] == '\0')
          g_clear_pointer (&value, g_free);
        return value;
      }
  return NULL;
}

/* The same, borrowed from the tree when it is one piece of text (almost always), else put
 * together in *@copy for the caller to free. */
static const char *
borrow_attribute (xmlNode    *element,
                  const char *name,
                  char      **copy)
{
  *copy = NULL;
  for (xmlAttr *attr = element->properties; attr != NULL; attr = attr->next)
    if (attr->ns == NULL && g_str_equal ((const char *) attr->name, name))
      {
        const char *value = _lia_xml_attr_text (attr);

        if (value == NULL)
          value = *copy = _lia_xml_attr_value (attr);
        return value[0] != '\0' ? value : NULL;
      }
  return NULL;
}

gboolean
_lia_pd_has_attribute (xmlNode    *element,
                       const char *name)
{
  for (xmlAttr *attr = element->properties; attr != NULL; attr = attr->next)
    if (attr->ns == NULL && g_str_equal ((const char *) attr->name, name))
      return attr->children != NULL && attr->children->content != NULL && attr->children->content[0] != '\0';
  return FALSE;
}

/* An id in a reference or a record; reports and returns %NULL when it is not one. */
char *
_lia_pd_id_attribute (Parse      *p,
              xmlNode    *element,
              const char *name,
              gboolean    required)
{
  g_autofree char *value = _lia_pd_attribute (element, name);

  if (value == NULL)
    {
      if (required)
        _lia_pd_problem (p, element, NULL, _("<%s> needs the attribute “%s”."),
                 (const char *) element->name, name);
      return NULL;
    }
  if (!_lia_import_valid_id (value))
    {
      _lia_pd_problem (p, element, name,
               _("“%s” is not an id: ids have 1 to %d characters and no spaces."), value, MAX_ID_LENGTH);
      return NULL;
    }
  return g_steal_pointer (&value);
}

char *
_lia_pd_nick_list (GType enum_type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      if (i > 0)
        g_string_append (list, i + 1 == klass->n_values ? _(" or ") : ", ");
      g_string_append (list, klass->values[i].value_nick);
    }
  return g_string_free (g_steal_pointer (&list), FALSE);
}

gboolean
_lia_pd_enum_attribute (Parse      *p,
                xmlNode    *element,
                const char *name,
                GType       enum_type,
                int        *out_value)
{
  g_autofree char *copy = NULL;
  const char *value = borrow_attribute (element, name, &copy);
  g_autofree char *expected = NULL;

  if (value == NULL)
    return FALSE;
  if (lia_enum_from_nick (enum_type, value, out_value, NULL))
    return TRUE;

  expected = _lia_pd_nick_list (enum_type);
  _lia_pd_problem (p, element, name, _("“%s” must be one of %s, not “%s”."), name, expected, value);
  return FALSE;
}

gboolean
_lia_pd_int_attribute (Parse      *p,
               xmlNode    *element,
               const char *name,
               gint64      min,
               gint64      max,
               gint64     *out_value)
{
  g_autofree char *copy = NULL;
  const char *value = borrow_attribute (element, name, &copy);
  gint64 number;

  if (value == NULL)
    return FALSE;
  if (g_ascii_string_to_signed (value, 10, min, max, &number, NULL))
    {
      *out_value = number;
      return TRUE;
    }

  _lia_pd_problem (p, element, name, _("“%s” must be a whole number from %" PRId64 " to %" PRId64 ", not “%s”."),
           name, min, max, value);
  return FALSE;
}

GDate *
_lia_pd_date_attribute (Parse      *p,
                xmlNode    *element,
                const char *name)
{
  g_autofree char *copy = NULL;
  const char *value = borrow_attribute (element, name, &copy);
  GDate *date;

  if (value == NULL)
    return NULL;
  if ((date = lia_date_parse_iso (value, NULL)) != NULL)
    return date;

  _lia_pd_problem (p, element, name, _("“%s” must be a date like 2026-03-01, not “%s”."), name, value);
  return NULL;
}

static inline int
digits (const char *text,
        guint       n)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return -1;
      value = value * 10 + (text[i] - '0');
    }
  return value;
}

/* The offsets of a file are few ("Z", "+02:00"): each one's zone is made once, and kept. */
static GTimeZone *
offset_zone (const char *identifier)
{
  static GMutex lock;
  static char identifiers[16][8];
  static GTimeZone *zones[16];
  static guint n_zones;
  GTimeZone *zone = NULL;

  g_mutex_lock (&lock);
  for (guint i = 0; i < n_zones && zone == NULL; i++)
    if (g_str_equal (identifiers[i], identifier))
      zone = g_time_zone_ref (zones[i]);
  if (zone == NULL)
    {
      /* As g_date_time_new_from_iso8601() makes it, and checks it. */
      if (identifier[0] == 'Z')
        zone = g_time_zone_new_utc ();
      else if ((zone = g_time_zone_new_identifier (identifier)) != NULL &&
               g_time_zone_get_offset (zone, 0) !=
                 (identifier[0] == '-' ? -1 : 1) * (digits (identifier + 1, 2) * 3600 +
                                                    digits (identifier + 4, 2) * 60))
        g_clear_pointer (&zone, g_time_zone_unref);
      if (zone != NULL && n_zones < G_N_ELEMENTS (zones))
        {
          g_strlcpy (identifiers[n_zones], identifier, sizeof identifiers[n_zones]);
          zones[n_zones++] = g_time_zone_ref (zone);
        }
    }
  g_mutex_unlock (&lock);
  return zone;
}

/* The times a partner directory writes, "2026-10-03T09:00:00Z" or "…+02:00", the same
 * GDateTime as g_date_time_new_from_iso8601() makes of them, without its general parse; %NULL
 * for anything else (fractions of seconds, other offsets, wrong values), which goes that way. */
static GDateTime *
parse_plain_time (const char *value,
                  gsize       length)
{
  g_autoptr(GTimeZone) zone = NULL;
  int year, month, day, hour, minute, second;

  if (!(length == 20 && value[19] == 'Z') &&
      !(length == 25 && (value[19] == '+' || value[19] == '-') && value[22] == ':' &&
        digits (value + 20, 2) >= 0 && digits (value + 23, 2) >= 0))
    return NULL;
  if (value[4] != '-' || value[7] != '-' ||
      (year = digits (value, 4)) < 1 || (month = digits (value + 5, 2)) < 1 ||
      (day = digits (value + 8, 2)) < 1 || (hour = digits (value + 11, 2)) < 0 ||
      (minute = digits (value + 14, 2)) < 0 || (second = digits (value + 17, 2)) < 0 ||
      second > 59)
    return NULL;
  if (!(zone = offset_zone (value + 19)))
    return NULL;
  return g_date_time_new (zone, year, month, day, hour, minute, second);
}

GDateTime *
_lia_pd_time_attribute (Parse      *p,
                xmlNode    *element,
                const char *name)
{
  g_autofree char *copy = NULL;
  const char *value = borrow_attribute (element, name, &copy);
  GDateTime *time;
  gsize length;

  if (value == NULL)
    return NULL;
  /* RFC 3339: a date, 'T', a time with seconds, and an offset or Z. */
  length = strlen (value);
  if (length >= 20 && value[10] == 'T' && value[13] == ':' && value[16] == ':' &&
      ((time = parse_plain_time (value, length)) != NULL ||
       (time = g_date_time_new_from_iso8601 (value, NULL)) != NULL))
    return time;

  _lia_pd_problem (p, element, name,
           _("“%s” must be a date and time with its UTC offset, like 2026-10-03T09:00:00+02:00, not “%s”."),
           name, value);
  return NULL;
}

gboolean
_lia_pd_bool_attribute (Parse      *p,
                xmlNode    *element,
                const char *name)
{
  g_autofree char *copy = NULL;
  const char *value = borrow_attribute (element, name, &copy);

  if (value == NULL || g_str_equal (value, "false") || g_str_equal (value, "0"))
    return FALSE;
  if (g_str_equal (value, "true") || g_str_equal (value, "1"))
    return TRUE;

  _lia_pd_problem (p, element, name, _("“%s” must be true or false, not “%s”."), name, value);
  return FALSE;
}

/* The text of a field; single-line fields lose the white space around them. */
char *
_lia_pd_text_of (Parse   *p,
         xmlNode *element,
         gboolean single_line)
{
  xmlNode *bad = NULL;
  guint foreign = 0;
  char *text;

  _lia_pd_check_attributes (p, element, NULL);

  text = _lia_xml_text (element, &bad, &foreign);
  for (guint i = 0; i < foreign; i++)
    _lia_import_ignore (p->import);

  if (text == NULL)
    {
      if (bad != NULL && bad->type == XML_ELEMENT_NODE)
        _lia_pd_problem (p, bad, NULL, _("<%s> holds text only, not a <%s> element."),
                 (const char *) element->name, (const char *) bad->name);
      else
        _lia_pd_problem (p, element, NULL, _("<%s> holds something that is not text (an entity reference?)."),
                 (const char *) element->name);
      return NULL;
    }

  if (single_line)
    g_strstrip (text);
  return text;
}

/* Children may come in any order, most of them at most once. */
gboolean
_lia_pd_first_time (Parse   *p,
            xmlNode *child,
            guint64 *seen,
            guint    bit)
{
  if (*seen & (G_GUINT64_CONSTANT (1) << bit))
    {
      _lia_pd_problem (p, child, NULL, _("<%s> appears twice; it may appear once."), (const char *) child->name);
      return FALSE;
    }
  *seen |= G_GUINT64_CONSTANT (1) << bit;
  return TRUE;
}

void
_lia_pd_unknown_child (Parse   *p,
               xmlNode *child)
{
  _lia_pd_problem (p, child, NULL, _("<%s> cannot hold a <%s> element."),
           (const char *) p->node->name, (const char *) child->name);
}


gboolean
_lia_pd_child_is_ours (Parse   *p,
               xmlNode *parent,
               xmlNode *child)
{
  if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
    {
      const char *text = (const char *) child->content;
      for (; text != NULL && *text != '\0'; text++)
        if (!g_ascii_isspace (*text))
          {
            _lia_pd_problem (p, child->parent, NULL, _("<%s> holds elements, not text."),
                     (const char *) parent->name);
            return FALSE;
          }
      return FALSE;
    }
  if (child->type != XML_ELEMENT_NODE)
    {
      if (child->type == XML_ENTITY_REF_NODE)
        _lia_pd_problem (p, parent, NULL, _("<%s> holds an entity reference, which a partner directory cannot have."),
                 (const char *) parent->name);
      return FALSE;
    }
  if (!_lia_pd_is_ours (child))
    {
      _lia_import_ignore (p->import);
      return FALSE;
    }
  return TRUE;
}

void
_lia_pd_add_ref (Parse         *p,
         RefRole        role,
         LiaRecordKind  kind,
         xmlNode       *node,
         const char    *attribute_name,
         gpointer       extra)
{
  Ref ref = { role, kind, NULL, node, attribute_name, 0, extra };

  ref.uid = _lia_pd_id_attribute (p, node, attribute_name, FALSE);
  if (ref.uid == NULL)
    {
      if (role == REF_PARTY || role == REF_STAKEHOLDER)
        g_free (extra);
      return;
    }
  g_array_append_val (p->refs, ref);
}

/* A participant or party: exactly one of contact= or organization=. */
void
_lia_pd_add_party_ref (Parse      *p,
               RefRole     role,
               xmlNode    *node,
               gpointer    extra)
{
  gboolean contact = _lia_pd_has_attribute (node, "contact");
  gboolean organization = _lia_pd_has_attribute (node, "organization");

  if (contact == organization)
    {
      _lia_pd_problem (p, node, NULL, _("<%s> needs either a “contact” or an “organization” attribute."),
               (const char *) node->name);
      if (role == REF_PARTY || role == REF_STAKEHOLDER)
        g_free (extra);
      return;
    }

  _lia_pd_add_ref (p, role, contact ? LIA_RECORD_KIND_CONTACT : LIA_RECORD_KIND_ORGANIZATION,
           node, contact ? "contact" : "organization", extra);
}

void
_lia_pd_read_times (Parse     *p,
            LiaRecord *record)
{
  g_autoptr(GDateTime) created = _lia_pd_time_attribute (p, p->node, "created");
  g_autoptr(GDateTime) updated = _lia_pd_time_attribute (p, p->node, "updated");

  /* One time without the other: the record was made and last changed then. */
  if (created != NULL || updated != NULL)
    {
      lia_record_set_created_at (record, created != NULL ? created : updated);
      lia_record_set_updated_at (record, updated != NULL ? updated : created);
    }
}

void
_lia_pd_read_assessment (Parse         *p,
                 xmlNode       *element,
                 LiaAssessment *assessment)
{
  static const char * const allowed[] = { "influence", "interest", "stance", "cadence-days", NULL };
  gint64 number;
  int stance;

  _lia_pd_check_attributes (p, element, allowed);
  if (_lia_pd_int_attribute (p, element, "influence", 1, 5, &number))
    lia_assessment_set_influence (assessment, (int) number);
  if (_lia_pd_int_attribute (p, element, "interest", 1, 5, &number))
    lia_assessment_set_interest (assessment, (int) number);
  if (_lia_pd_enum_attribute (p, element, "stance", LIA_TYPE_STANCE, &stance))
    lia_assessment_set_stance (assessment, stance);
  if (_lia_pd_int_attribute (p, element, "cadence-days", 0, LIA_CADENCE_MAX_DAYS, &number))
    lia_assessment_set_cadence_days (assessment, (int) number);
}
