/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-directory-private.h"

/* Organizations */

static LiaRecord *
read_organization (Parse *p)
{
  static const char * const allowed[] = { "id", "created", "updated", NULL };
  enum { NAME, SHORT_NAME, SECTOR, PARENT, COUNTRY, WEBSITE, EMAIL, PHONE, ADDRESS, ASSESSMENT, NOTES };
  g_autoptr(LiaOrganization) self = lia_organization_new (NULL);
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  guint64 seen = 0;

  _lia_pd_check_attributes (p, p->node, allowed);
  _lia_pd_read_times (p, LIA_RECORD (self));

  FOR_EACH_CHILD (p, p->node, child)
    {
      const char *name = (const char *) child->name;
      g_autofree char *text = NULL;

      if (g_str_equal (name, "name") && _lia_pd_first_time (p, child, &seen, NAME))
        {
          if ((text = _lia_pd_text_of (p, child, TRUE)))
            lia_organization_set_name (self, text);
        }
      else if (g_str_equal (name, "short-name") && _lia_pd_first_time (p, child, &seen, SHORT_NAME))
        {
          if ((text = _lia_pd_text_of (p, child, TRUE)))
            lia_organization_set_short_name (self, text);
        }
      else if (g_str_equal (name, "sector") && _lia_pd_first_time (p, child, &seen, SECTOR))
        {
          if ((text = _lia_pd_text_of (p, child, TRUE)))
            lia_organization_set_sector (self, text);
        }
      else if (g_str_equal (name, "parent") && _lia_pd_first_time (p, child, &seen, PARENT))
        {
          static const char * const parent_allowed[] = { "organization", NULL };
          _lia_pd_check_attributes (p, child, parent_allowed);
          if (!_lia_pd_has_attribute (child, "organization"))
            _lia_pd_problem (p, child, NULL, _("<parent> needs the attribute “organization”."));
          _lia_pd_add_ref (p, REF_PARENT, LIA_RECORD_KIND_ORGANIZATION, child, "organization", NULL);
        }
      else if (g_str_equal (name, "country") && _lia_pd_first_time (p, child, &seen, COUNTRY))
        {
          if ((text = _lia_pd_text_of (p, child, TRUE)))
            lia_organization_set_country (self, text);
        }
      else if (g_str_equal (name, "website") && _lia_pd_first_time (p, child, &seen, WEBSITE))
        {
          if ((text = _lia_pd_text_of (p, child, TRUE)))
            lia_organization_set_website (self, text);
        }
      else if (g_str_equal (name, "email") && _lia_pd_first_time (p, child, &seen, EMAIL))
        {
          if ((text = _lia_pd_text_of (p, child, TRUE)))
            lia_organization_set_email (self, text);
        }
      else if (g_str_equal (name, "phone") && _lia_pd_first_time (p, child, &seen, PHONE))
        {
          if ((text = _lia_pd_text_of (p, child, TRUE)))
            lia_organization_set_phone (self, text);
        }
      else if (g_str_equal (name, "address") && _lia_pd_first_time (p, child, &seen, ADDRESS))
        {
          enum { STREET, LOCALITY, REGION, POSTAL_CODE, ADDRESS_COUNTRY };
          guint64 parts = 0;

          _lia_pd_check_attributes (p, child, NULL);
          FOR_EACH_CHILD (p, child, part)
            {
              const char *part_name = (const char *) part->name;
              g_autofree char *value = NULL;

              if (g_str_equal (part_name, "street") && _lia_pd_first_time (p, part, &parts, STREET))
                {
                  if ((value = _lia_pd_text_of (p, part, FALSE)))
                    lia_organization_set_street (self, value);
                }
              else if (g_str_equal (part_name, "locality") && _lia_pd_first_time (p, part, &parts, LOCALITY))
                {
                  if ((value = _lia_pd_text_of (p, part, TRUE)))
                    lia_organization_set_locality (self, value);
                }
              else if (g_str_equal (part_name, "region") && _lia_pd_first_time (p, part, &parts, REGION))
                {
                  if ((value = _lia_pd_text_of (p, part, TRUE)))
                    lia_organization_set_region (self, value);
                }
              else if (g_str_equal (part_name, "postal-code") && _lia_pd_first_time (p, part, &parts, POSTAL_CODE))
                {
                  if ((value = _lia_pd_text_of (p, part, TRUE)))
                    lia_organization_set_postal_code (self, value);
                }
              else if (g_str_equal (part_name, "country") && _lia_pd_first_time (p, part, &parts, ADDRESS_COUNTRY))
                {
                  if ((value = _lia_pd_text_of (p, part, TRUE)))
                    lia_organization_set_address_country (self, value);
                }
              else if (!p->bad || !(parts & (G_GUINT64_CONSTANT (1) << STREET)))
                {
                  if (!g_str_equal (part_name, "street") && !g_str_equal (part_name, "locality") &&
                      !g_str_equal (part_name, "region") && !g_str_equal (part_name, "postal-code") &&
                      !g_str_equal (part_name, "country"))
                    _lia_pd_problem (p, part, NULL, _("<address> cannot hold a <%s> element."), part_name);
                }
            }
        }
      else if (g_str_equal (name, "assessment") && _lia_pd_first_time (p, child, &seen, ASSESSMENT))
        {
          _lia_pd_read_assessment (p, child, lia_organization_get_assessment (self));
        }
      else if (g_str_equal (name, "tag"))
        {
          if ((text = _lia_pd_text_of (p, child, TRUE)) && text[0] != '\0')
            g_ptr_array_add (tags, g_steal_pointer (&text));
        }
      else if (g_str_equal (name, "notes") && _lia_pd_first_time (p, child, &seen, NOTES))
        {
          if ((text = _lia_pd_text_of (p, child, FALSE)))
            lia_organization_set_notes (self, text);
        }
      else if (!g_strv_contains ((const char * const[]) { "name", "short-name", "sector", "parent",
                                                          "country", "website", "email", "phone",
                                                          "address", "assessment", "notes", NULL },
                                 name))
        {
          _lia_pd_unknown_child (p, child);
        }
    }

  if (!(seen & (1 << NAME)))
    _lia_pd_problem (p, p->node, NULL, _("<organization> needs a <name>."));

  g_ptr_array_add (tags, NULL);
  lia_organization_set_tags (self, (const char * const *) tags->pdata);

  return LIA_RECORD (g_steal_pointer (&self));
}

/* Contacts */

static void
read_affiliation (Parse   *p,
                  xmlNode *element)
{
  static const char * const allowed[] = { "id", "organization", "role", "unit", "from", "until",
                                          "primary", NULL };
  g_autofree char *uid = _lia_pd_id_attribute (p, element, "id", FALSE);
  g_autofree char *role = _lia_pd_attribute (element, "role");
  g_autofree char *unit = _lia_pd_attribute (element, "unit");
  g_autoptr(LiaAffiliation) self = lia_affiliation_new (0, 0, role != NULL ? g_strstrip (role) : NULL);
  g_autoptr(GDate) from = _lia_pd_date_attribute (p, element, "from");
  g_autoptr(GDate) until = _lia_pd_date_attribute (p, element, "until");

  _lia_pd_check_attributes (p, element, allowed);
  if (uid != NULL)
    lia_record_set_uid (LIA_RECORD (self), uid);
  lia_affiliation_set_from (self, from);
  lia_affiliation_set_until (self, until);
  lia_affiliation_set_primary (self, _lia_pd_bool_attribute (p, element, "primary"));
  if (unit != NULL)
    lia_affiliation_set_unit (self, g_strstrip (unit));

  if (!_lia_pd_has_attribute (element, "organization"))
    {
      _lia_pd_problem (p, element, NULL, _("<affiliation> needs the attribute “organization”."));
      return;
    }

  g_ptr_array_add (p->affiliations, g_object_ref (self));
  _lia_pd_add_ref (p, REF_AFFILIATION, LIA_RECORD_KIND_ORGANIZATION, element, "organization", self);
}

/* <email>, <phone>, <website> and <im>: a kind and a line of text. */
static void
read_contact_point (Parse      *p,
                    xmlNode    *element,
                    LiaContact *self)
{
  static const char * const allowed[] = { "kind", NULL };
  g_autofree char *text = NULL;
  int kind = LIA_CONTACT_POINT_KIND_WORK;
  xmlNode *bad = NULL;
  guint foreign = 0;

  _lia_pd_check_attributes (p, element, allowed);
  _lia_pd_enum_attribute (p, element, "kind", LIA_TYPE_CONTACT_POINT_KIND, &kind);

  if (!(text = _lia_xml_text (element, &bad, &foreign)))
    {
      _lia_pd_problem (p, element, NULL, _("<%s> holds text only."), (const char *) element->name);
      return;
    }
  g_strstrip (text);
  if (text[0] == '\0')
    return;

  if (g_str_equal ((const char *) element->name, "email"))
    lia_contact_add_email (self, kind, text);
  else if (g_str_equal ((const char *) element->name, "phone"))
    lia_contact_add_phone (self, kind, text);
  else if (g_str_equal ((const char *) element->name, "website"))
    lia_contact_add_website (self, kind, text);
  else if (lia_contact_im_is_valid (text))
    lia_contact_add_im (self, kind, text);
  else
    _lia_pd_problem (p, element, NULL,
                     _("<im> holds a URI that starts with its service, as in "
                       "xmpp:name@example.org, not “%s”."), text);
}

static void
read_postal_address (Parse      *p,
                     xmlNode    *element,
                     LiaContact *self)
{
  static const char * const allowed[] = { "kind", NULL };
  static const char * const parts[] = { "po-box", "extended", "street", "locality", "region",
                                        "postal-code", "country", NULL };
  /* In the order of parts[]: a direct call, not a property set by name. */
  static void (* const setters[]) (LiaPostalAddress *, const char *) = {
    lia_postal_address_set_po_box, lia_postal_address_set_extended, lia_postal_address_set_street,
    lia_postal_address_set_locality, lia_postal_address_set_region,
    lia_postal_address_set_postal_code, lia_postal_address_set_country,
  };
  g_autoptr(LiaPostalAddress) address = NULL;
  int kind = LIA_CONTACT_POINT_KIND_WORK;
  guint64 seen = 0;

  _lia_pd_check_attributes (p, element, allowed);
  _lia_pd_enum_attribute (p, element, "kind", LIA_TYPE_CONTACT_POINT_KIND, &kind);
  address = lia_postal_address_new (kind);

  FOR_EACH_CHILD (p, element, part)
    {
      const char *part_name = (const char *) part->name;
      g_autofree char *value = NULL;
      guint i;

      for (i = 0; parts[i] != NULL && !g_str_equal (parts[i], part_name); i++)
        ;
      if (parts[i] == NULL)
        _lia_pd_problem (p, part, NULL, _("<address> cannot hold a <%s> element."), part_name);
      else if (_lia_pd_first_time (p, part, &seen, i) &&
               (value = _lia_pd_text_of (p, part, !g_str_equal (part_name, "street"))))
        setters[i] (address, value);
    }

  if (!lia_postal_address_is_empty (address))
    lia_contact_add_address (self, address);
}

static void
read_photo (Parse      *p,
            xmlNode    *element,
            LiaContact *self)
{
  static const char * const allowed[] = { "type", NULL };
  g_autofree char *type = _lia_pd_attribute (element, "type");
  g_autofree char *text = NULL;
  g_autofree guchar *data = NULL;
  g_autoptr(GBytes) bytes = NULL;
  xmlNode *bad = NULL;
  guint foreign = 0;
  gsize size = 0;

  _lia_pd_check_attributes (p, element, allowed);
  if (type == NULL || !g_str_has_prefix (g_strstrip (type), "image/") || type[6] == '\0')
    {
      _lia_pd_problem (p, element, "type", _("<photo> needs the attribute “type”, the image’s "
                                             "MIME type such as image/jpeg."));
      return;
    }
  if (!(text = _lia_xml_text (element, &bad, &foreign)))
    {
      _lia_pd_problem (p, element, NULL, _("<%s> holds text only."), (const char *) element->name);
      return;
    }
  /* g_base64_decode() skips what is not base64, so check first: a damaged photo is a problem. */
  for (const char *c = text; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c) && *c != '+' && *c != '/' && *c != '=' && !g_ascii_isspace (*c))
      {
        _lia_pd_problem (p, element, NULL, _("<photo> holds the image in base64, and “%c” is not "
                                             "a base64 character."), *c);
        return;
      }
  data = g_base64_decode (text, &size);
  bytes = g_bytes_new_take (g_steal_pointer (&data), size);
  lia_contact_set_photo (self, bytes, type);
}

static LiaRecord *
read_contact (Parse *p)
{
  static const char * const allowed[] = { "id", "created", "updated", NULL };
  enum { NAME, DISPLAY_NAME, JOB_TITLE, TIME_ZONE, CHANNEL, ASSESSMENT, NOTES, NICKNAME, BIRTHDAY,
         PHOTO };
  g_autoptr(LiaContact) self = lia_contact_new (NULL, NULL);
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) languages = g_ptr_array_new_with_free_func (g_free);
  guint64 seen = 0;

  _lia_pd_check_attributes (p, p->node, allowed);
  _lia_pd_read_times (p, LIA_RECORD (self));

  FOR_EACH_CHILD (p, p->node, child)
    {
      const char *name = (const char *) child->name;
      g_autofree char *text = NULL;

      if (g_str_equal (name, "name") && _lia_pd_first_time (p, child, &seen, NAME))
        {
          enum { PREFIX, GIVEN, FAMILY, SUFFIX };
          guint64 parts = 0;

          _lia_pd_check_attributes (p, child, NULL);
          FOR_EACH_CHILD (p, child, part)
            {
              const char *part_name = (const char *) part->name;
              g_autofree char *value = NULL;

              if (g_str_equal (part_name, "prefix") && _lia_pd_first_time (p, part, &parts, PREFIX))
                {
                  if ((value = _lia_pd_text_of (p, part, TRUE)))
                    lia_contact_set_honorific (self, value);
                }
              else if (g_str_equal (part_name, "given") && _lia_pd_first_time (p, part, &parts, GIVEN))
                {
                  if ((value = _lia_pd_text_of (p, part, TRUE)))
                    lia_contact_set_given_name (self, value);
                }
              else if (g_str_equal (part_name, "family") && _lia_pd_first_time (p, part, &parts, FAMILY))
                {
                  if ((value = _lia_pd_text_of (p, part, TRUE)))
                    lia_contact_set_family_name (self, value);
                }
              else if (g_str_equal (part_name, "suffix") && _lia_pd_first_time (p, part, &parts, SUFFIX))
                {
                  if ((value = _lia_pd_text_of (p, part, TRUE)))
                    lia_contact_set_suffix (self, value);
                }
              else if (!g_strv_contains ((const char * const[]) { "prefix", "given", "family", "suffix", NULL },
                                         part_name))
                {
                  _lia_pd_problem (p, part, NULL, _("<name> cannot hold a <%s> element."), part_name);
                }
            }
        }
      else if (g_str_equal (name, "display-name") && _lia_pd_first_time (p, child, &seen, DISPLAY_NAME))
        {
          if ((text = _lia_pd_text_of (p, child, TRUE)))
            lia_contact_set_display_name (self, text);
        }
      else if (g_str_equal (name, "job-title") && _lia_pd_first_time (p, child, &seen, JOB_TITLE))
        {
          if ((text = _lia_pd_text_of (p, child, TRUE)))
            lia_contact_set_job_title (self, text);
        }
      else if (g_str_equal (name, "affiliation"))
        {
          read_affiliation (p, child);
        }
      else if (g_strv_contains ((const char * const[]) { "email", "phone", "website", "im", NULL },
                                name))
        {
          read_contact_point (p, child, self);
        }
      else if (g_str_equal (name, "address"))
        {
          read_postal_address (p, child, self);
        }
      else if (g_str_equal (name, "nickname") && _lia_pd_first_time (p, child, &seen, NICKNAME))
        {
          if ((text = _lia_pd_text_of (p, child, TRUE)))
            lia_contact_set_nickname (self, text);
        }
      else if (g_str_equal (name, "birthday") && _lia_pd_first_time (p, child, &seen, BIRTHDAY))
        {
          if ((text = _lia_pd_text_of (p, child, TRUE)) && !lia_contact_birthday_is_valid (text))
            _lia_pd_problem (p, child, NULL, _("<birthday> must be a date such as 1984-03-21 or, "
                                               "without the year, --03-21, not “%s”."), text);
          else if (text != NULL)
            lia_contact_set_birthday (self, text);
        }
      else if (g_str_equal (name, "photo") && _lia_pd_first_time (p, child, &seen, PHOTO))
        {
          read_photo (p, child, self);
        }
      else if (g_str_equal (name, "language"))
        {
          if ((text = _lia_pd_text_of (p, child, TRUE)) && text[0] != '\0')
            g_ptr_array_add (languages, g_steal_pointer (&text));
        }
      else if (g_str_equal (name, "time-zone") && _lia_pd_first_time (p, child, &seen, TIME_ZONE))
        {
          if ((text = _lia_pd_text_of (p, child, TRUE)))
            lia_contact_set_time_zone (self, text);
        }
      else if (g_str_equal (name, "preferred-channel") && _lia_pd_first_time (p, child, &seen, CHANNEL))
        {
          if ((text = _lia_pd_text_of (p, child, TRUE)) && text[0] != '\0')
            {
              int channel;
              if (lia_enum_from_nick (LIA_TYPE_CHANNEL, text, &channel, NULL) && channel != LIA_CHANNEL_UNSPECIFIED)
                {
                  lia_contact_set_preferred_channel (self, channel);
                }
              else
                {
                  g_autofree char *expected = _lia_pd_nick_list (LIA_TYPE_CHANNEL);
                  _lia_pd_problem (p, child, NULL, _("<preferred-channel> must be one of %s, not “%s”."),
                           expected, text);
                }
            }
        }
      else if (g_str_equal (name, "assessment") && _lia_pd_first_time (p, child, &seen, ASSESSMENT))
        {
          _lia_pd_read_assessment (p, child, lia_contact_get_assessment (self));
        }
      else if (g_str_equal (name, "tag"))
        {
          if ((text = _lia_pd_text_of (p, child, TRUE)) && text[0] != '\0')
            g_ptr_array_add (tags, g_steal_pointer (&text));
        }
      else if (g_str_equal (name, "notes") && _lia_pd_first_time (p, child, &seen, NOTES))
        {
          if ((text = _lia_pd_text_of (p, child, FALSE)))
            lia_contact_set_notes (self, text);
        }
      else if (!g_strv_contains ((const char * const[]) { "name", "display-name", "job-title",
                                                          "time-zone", "preferred-channel",
                                                          "assessment", "notes", "nickname",
                                                          "birthday", "photo", NULL },
                                 name))
        {
          _lia_pd_unknown_child (p, child);
        }
    }

  g_ptr_array_add (tags, NULL);
  lia_contact_set_tags (self, (const char * const *) tags->pdata);
  g_ptr_array_add (languages, NULL);
  lia_contact_set_languages (self, (const char * const *) languages->pdata);

  return LIA_RECORD (g_steal_pointer (&self));
}

/* Interactions */

static LiaRecord *
read_interaction (Parse *p)
{
  static const char * const allowed[] = { "id", "created", "updated", "kind", "at", "minutes",
                                          "sentiment", "cancelled", NULL };
  enum { TITLE, LOCATION, SUMMARY, OUTCOME };
  g_autoptr(GDateTime) at = _lia_pd_time_attribute (p, p->node, "at");
  g_autoptr(LiaInteraction) self = NULL;
  guint64 seen = 0;
  gint64 number;
  int kind = LIA_INTERACTION_KIND_MEETING;
  g_autofree char *kind_text = _lia_pd_attribute (p->node, "kind");

  _lia_pd_check_attributes (p, p->node, allowed);
  if (kind_text == NULL)
    _lia_pd_problem (p, p->node, NULL, _("<interaction> needs the attribute “kind”."));
  else
    _lia_pd_enum_attribute (p, p->node, "kind", LIA_TYPE_INTERACTION_KIND, &kind);
  if (at == NULL && !_lia_pd_has_attribute (p->node, "at"))
    _lia_pd_problem (p, p->node, NULL, _("<interaction> needs the attribute “at” (its date and time)."));

  self = lia_interaction_new (kind, at, NULL);
  _lia_pd_read_times (p, LIA_RECORD (self));
  if (_lia_pd_int_attribute (p, p->node, "minutes", 1, 60 * 24 * 366, &number))
    lia_interaction_set_duration_minutes (self, (guint) number);
  if (_lia_pd_int_attribute (p, p->node, "sentiment", -2, 2, &number))
    lia_interaction_set_sentiment (self, (int) number);
  lia_interaction_set_cancelled (self, _lia_pd_bool_attribute (p, p->node, "cancelled"));

  FOR_EACH_CHILD (p, p->node, child)
    {
      const char *name = (const char *) child->name;
      g_autofree char *text = NULL;

      if (g_str_equal (name, "title") && _lia_pd_first_time (p, child, &seen, TITLE))
        {
          if ((text = _lia_pd_text_of (p, child, TRUE)))
            lia_interaction_set_title (self, text);
        }
      else if (g_str_equal (name, "participant"))
        {
          static const char * const participant_allowed[] = { "contact", "organization", NULL };
          _lia_pd_check_attributes (p, child, participant_allowed);
          _lia_pd_add_party_ref (p, REF_PARTICIPANT, child, NULL);
        }
      else if (g_str_equal (name, "location") && _lia_pd_first_time (p, child, &seen, LOCATION))
        {
          if ((text = _lia_pd_text_of (p, child, TRUE)))
            lia_interaction_set_location (self, text);
        }
      else if (g_str_equal (name, "summary") && _lia_pd_first_time (p, child, &seen, SUMMARY))
        {
          if ((text = _lia_pd_text_of (p, child, FALSE)))
            lia_interaction_set_summary (self, text);
        }
      else if (g_str_equal (name, "outcome") && _lia_pd_first_time (p, child, &seen, OUTCOME))
        {
          if ((text = _lia_pd_text_of (p, child, FALSE)))
            lia_interaction_set_outcome (self, text);
        }
      else if (!g_strv_contains ((const char * const[]) { "title", "location", "summary", "outcome", NULL },
                                 name))
        {
          _lia_pd_unknown_child (p, child);
        }
    }

  if (!(seen & (1 << TITLE)))
    _lia_pd_problem (p, p->node, NULL, _("<interaction> needs a <title>."));

  return LIA_RECORD (g_steal_pointer (&self));
}

/* Commitments */

static LiaRecord *
read_commitment (Parse *p)
{
  static const char * const allowed[] = { "id", "created", "updated", "direction", "status", "due",
                                          "done", "interaction", "contact", "organization", NULL };
  enum { TITLE, NOTES };
  g_autoptr(LiaCommitment) self = NULL;
  g_autoptr(GDate) due = _lia_pd_date_attribute (p, p->node, "due");
  g_autoptr(GDate) done = _lia_pd_date_attribute (p, p->node, "done");
  g_autofree char *direction_text = _lia_pd_attribute (p->node, "direction");
  int direction = LIA_COMMITMENT_DIRECTION_OURS;
  int status;
  guint64 seen = 0;

  _lia_pd_check_attributes (p, p->node, allowed);
  if (direction_text == NULL)
    _lia_pd_problem (p, p->node, NULL, _("<commitment> needs the attribute “direction”: ours (we owe them) or theirs (they owe us)."));
  else
    _lia_pd_enum_attribute (p, p->node, "direction", LIA_TYPE_COMMITMENT_DIRECTION, &direction);

  self = lia_commitment_new (direction, NULL);
  _lia_pd_read_times (p, LIA_RECORD (self));
  if (_lia_pd_enum_attribute (p, p->node, "status", LIA_TYPE_COMMITMENT_STATUS, &status))
    {
      GDateTime *updated = lia_record_get_updated_at (LIA_RECORD (self));

      /* The day it was done; a file from before "done" existed says it only by its last
       * change, as the database did until then. A commitment not done has no such day. */
      if (status == LIA_COMMITMENT_STATUS_DONE && done == NULL && updated != NULL)
        done = _lia_import_local_day (p->import, updated);
      /* The day first: done without a day, it would ask the clock for today. */
      if (status == LIA_COMMITMENT_STATUS_DONE && done != NULL)
        lia_commitment_set_done_date (self, done);
      lia_commitment_set_status (self, status);
    }
  lia_commitment_set_due_date (self, due);

  if (_lia_pd_has_attribute (p->node, "interaction"))
    _lia_pd_add_ref (p, REF_ORIGIN, LIA_RECORD_KIND_INTERACTION, p->node, "interaction", NULL);
  if (_lia_pd_has_attribute (p->node, "contact"))
    _lia_pd_add_ref (p, REF_COUNTERPART, LIA_RECORD_KIND_CONTACT, p->node, "contact", NULL);
  if (_lia_pd_has_attribute (p->node, "organization"))
    _lia_pd_add_ref (p, REF_COUNTERPART, LIA_RECORD_KIND_ORGANIZATION, p->node, "organization", NULL);

  FOR_EACH_CHILD (p, p->node, child)
    {
      const char *name = (const char *) child->name;
      g_autofree char *text = NULL;

      if (g_str_equal (name, "title") && _lia_pd_first_time (p, child, &seen, TITLE))
        {
          if ((text = _lia_pd_text_of (p, child, TRUE)))
            lia_commitment_set_title (self, text);
        }
      else if (g_str_equal (name, "notes") && _lia_pd_first_time (p, child, &seen, NOTES))
        {
          if ((text = _lia_pd_text_of (p, child, FALSE)))
            lia_commitment_set_notes (self, text);
        }
      else if (!g_str_equal (name, "title") && !g_str_equal (name, "notes"))
        {
          _lia_pd_unknown_child (p, child);
        }
    }

  if (!(seen & (1 << TITLE)))
    _lia_pd_problem (p, p->node, NULL, _("<commitment> needs a <title>."));

  return LIA_RECORD (g_steal_pointer (&self));
}

/* Concerns */

static LiaRecord *
read_concern (Parse *p)
{
  static const char * const allowed[] = { "id", "created", "updated", "status", "severity",
                                          "opened", "resolved", NULL };
  enum { TITLE, ROOT_CAUSE, RESOLUTION, NOTES };
  g_autoptr(LiaConcern) self = lia_concern_new (NULL);
  g_autoptr(GDate) opened = _lia_pd_date_attribute (p, p->node, "opened");
  g_autoptr(GDate) resolved = _lia_pd_date_attribute (p, p->node, "resolved");
  guint64 seen = 0;
  int value;

  _lia_pd_check_attributes (p, p->node, allowed);
  _lia_pd_read_times (p, LIA_RECORD (self));
  if (_lia_pd_enum_attribute (p, p->node, "status", LIA_TYPE_CONCERN_STATUS, &value))
    lia_concern_set_status (self, value);
  if (_lia_pd_enum_attribute (p, p->node, "severity", LIA_TYPE_SEVERITY, &value))
    lia_concern_set_severity (self, value);
  lia_concern_set_opened (self, opened);
  lia_concern_set_resolved (self, resolved);

  FOR_EACH_CHILD (p, p->node, child)
    {
      const char *name = (const char *) child->name;
      g_autofree char *text = NULL;

      if (g_str_equal (name, "title") && _lia_pd_first_time (p, child, &seen, TITLE))
        {
          if ((text = _lia_pd_text_of (p, child, TRUE)))
            lia_concern_set_title (self, text);
        }
      else if (g_str_equal (name, "party"))
        {
          static const char * const party_allowed[] = { "contact", "organization", "position", NULL };
          char *position = NULL;

          _lia_pd_check_attributes (p, child, party_allowed);
          for (xmlAttr *attr = child->properties; attr != NULL; attr = attr->next)
            if (attr->ns == NULL && g_str_equal ((const char *) attr->name, "position"))
              position = _lia_xml_attr_value (attr);
          _lia_pd_add_party_ref (p, REF_PARTY, child, position != NULL ? position : g_strdup (""));
        }
      else if (g_str_equal (name, "root-cause") && _lia_pd_first_time (p, child, &seen, ROOT_CAUSE))
        {
          if ((text = _lia_pd_text_of (p, child, FALSE)))
            lia_concern_set_root_cause (self, text);
        }
      else if (g_str_equal (name, "resolution") && _lia_pd_first_time (p, child, &seen, RESOLUTION))
        {
          if ((text = _lia_pd_text_of (p, child, FALSE)))
            lia_concern_set_resolution (self, text);
        }
      else if (g_str_equal (name, "notes") && _lia_pd_first_time (p, child, &seen, NOTES))
        {
          if ((text = _lia_pd_text_of (p, child, FALSE)))
            lia_concern_set_notes (self, text);
        }
      else if (g_str_equal (name, "related"))
        {
          static const char * const related_allowed[] = { "interaction", NULL };
          _lia_pd_check_attributes (p, child, related_allowed);
          if (!_lia_pd_has_attribute (child, "interaction"))
            _lia_pd_problem (p, child, NULL, _("<related> needs the attribute “interaction”."));
          _lia_pd_add_ref (p, REF_RELATED, LIA_RECORD_KIND_INTERACTION, child, "interaction", NULL);
        }
      else if (!g_strv_contains ((const char * const[]) { "title", "root-cause", "resolution", "notes", NULL },
                                 name))
        {
          _lia_pd_unknown_child (p, child);
        }
    }

  if (!(seen & (1 << TITLE)))
    _lia_pd_problem (p, p->node, NULL, _("<concern> needs a <title>."));

  return LIA_RECORD (g_steal_pointer (&self));
}

/* Projects */

static GDate *
date_element (Parse   *p,
              xmlNode *child)
{
  g_autofree char *text = _lia_pd_text_of (p, child, TRUE);
  GDate *date;

  if (text == NULL)
    return NULL;
  if ((date = lia_date_parse_iso (text, NULL)) != NULL)
    return date;

  _lia_pd_problem (p, child, NULL, _("<%s> must be a date like 2026-03-01, not “%s”."),
                   (const char *) child->name, text);
  return NULL;
}

static void
read_milestone (Parse      *p,
                LiaProject *self,
                xmlNode    *element)
{
  static const char * const allowed[] = { "id", "due", "status", "done", NULL };
  g_autofree char *uid = _lia_pd_id_attribute (p, element, "id", TRUE);
  g_autoptr(GDate) due = _lia_pd_date_attribute (p, element, "due");
  g_autoptr(GDate) done = _lia_pd_date_attribute (p, element, "done");
  g_autoptr(LiaMilestone) milestone = lia_milestone_new (NULL);
  gboolean has_title = FALSE;
  int status;

  _lia_pd_check_attributes (p, element, allowed);
  if (uid != NULL)
    lia_milestone_set_uid (milestone, uid);
  if (_lia_pd_enum_attribute (p, element, "status", LIA_TYPE_MILESTONE_STATUS, &status))
    lia_milestone_set_status (milestone, status);
  lia_milestone_set_due (milestone, due);
  lia_milestone_set_done (milestone, done);

  FOR_EACH_CHILD (p, element, child)
    {
      g_autofree char *text = NULL;

      if (g_str_equal ((const char *) child->name, "title") && !has_title)
        {
          has_title = TRUE;
          if ((text = _lia_pd_text_of (p, child, TRUE)))
            lia_milestone_set_title (milestone, text);
        }
      else
        _lia_pd_unknown_child (p, child);
    }

  if (!has_title)
    _lia_pd_problem (p, element, NULL, _("<milestone> needs a <title>."));
  if (uid != NULL && lia_project_find_milestone (self, uid) != NULL)
    _lia_pd_problem (p, element, "id", _("the milestone “%s” is there twice."), uid);
  lia_project_add_milestone (self, milestone);
}

static void
read_risk (Parse      *p,
           LiaProject *self,
           xmlNode    *element)
{
  static const char * const allowed[] = { "id", "likelihood", "impact", "status", "review",
                                          "owner", NULL };
  enum { TITLE, DESCRIPTION, MITIGATION };
  g_autofree char *uid = _lia_pd_id_attribute (p, element, "id", TRUE);
  g_autoptr(GDate) review = _lia_pd_date_attribute (p, element, "review");
  g_autoptr(LiaRisk) risk = lia_risk_new (NULL);
  guint64 seen = 0;
  gint64 number;
  int status;

  _lia_pd_check_attributes (p, element, allowed);
  if (uid != NULL)
    lia_risk_set_uid (risk, uid);
  if (!_lia_pd_has_attribute (element, "likelihood") || !_lia_pd_has_attribute (element, "impact"))
    _lia_pd_problem (p, element, NULL, _("<risk> needs the attributes “likelihood” and “impact”, from 1 to 5."));
  if (_lia_pd_int_attribute (p, element, "likelihood", 1, 5, &number))
    lia_risk_set_likelihood (risk, (int) number);
  if (_lia_pd_int_attribute (p, element, "impact", 1, 5, &number))
    lia_risk_set_impact (risk, (int) number);
  if (_lia_pd_enum_attribute (p, element, "status", LIA_TYPE_RISK_STATUS, &status))
    lia_risk_set_status (risk, status);
  lia_risk_set_review (risk, review);
  if (_lia_pd_has_attribute (element, "owner"))
    _lia_pd_add_ref (p, REF_RISK_OWNER, LIA_RECORD_KIND_CONTACT, element, "owner", risk);

  FOR_EACH_CHILD (p, element, child)
    {
      const char *name = (const char *) child->name;
      g_autofree char *text = NULL;

      if (g_str_equal (name, "title") && _lia_pd_first_time (p, child, &seen, TITLE))
        {
          if ((text = _lia_pd_text_of (p, child, TRUE)))
            lia_risk_set_title (risk, text);
        }
      else if (g_str_equal (name, "description") && _lia_pd_first_time (p, child, &seen, DESCRIPTION))
        {
          if ((text = _lia_pd_text_of (p, child, FALSE)))
            lia_risk_set_description (risk, text);
        }
      else if (g_str_equal (name, "mitigation") && _lia_pd_first_time (p, child, &seen, MITIGATION))
        {
          if ((text = _lia_pd_text_of (p, child, FALSE)))
            lia_risk_set_mitigation (risk, text);
        }
      else if (!g_strv_contains ((const char * const[]) { "title", "description", "mitigation", NULL },
                                 name))
        {
          _lia_pd_unknown_child (p, child);
        }
    }

  if (!(seen & (1 << TITLE)))
    _lia_pd_problem (p, element, NULL, _("<risk> needs a <title>."));
  if (uid != NULL && lia_project_find_risk (self, uid) != NULL)
    _lia_pd_problem (p, element, "id", _("the risk “%s” is there twice."), uid);
  lia_project_add_risk (self, risk);
}

static void
read_link (Parse   *p,
           xmlNode *element)
{
  static const char * const kinds[] = { "interaction", "commitment", "concern", NULL };
  static const LiaRecordKind kind_values[] = {
    LIA_RECORD_KIND_INTERACTION, LIA_RECORD_KIND_COMMITMENT, LIA_RECORD_KIND_CONCERN,
  };
  int found = -1;
  guint n_found = 0;

  _lia_pd_check_attributes (p, element, kinds);
  for (guint i = 0; kinds[i] != NULL; i++)
    if (_lia_pd_has_attribute (element, kinds[i]))
      {
        found = (int) i;
        n_found++;
      }

  if (n_found != 1)
    {
      _lia_pd_problem (p, element, NULL,
                       _("<link> needs exactly one of the attributes “interaction”, “commitment” or “concern”."));
      return;
    }

  _lia_pd_add_ref (p, REF_LINK, kind_values[found], element, kinds[found], NULL);
}

static LiaRecord *
read_project (Parse *p)
{
  static const char * const allowed[] = { "id", "created", "updated", "status", NULL };
  enum { NAME, SUMMARY, START, END, OWNER, NOTES };
  g_autoptr(LiaProject) self = lia_project_new (NULL);
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  guint64 seen = 0;
  int status;

  _lia_pd_check_attributes (p, p->node, allowed);
  _lia_pd_read_times (p, LIA_RECORD (self));
  if (_lia_pd_enum_attribute (p, p->node, "status", LIA_TYPE_PROJECT_STATUS, &status))
    lia_project_set_status (self, status);

  FOR_EACH_CHILD (p, p->node, child)
    {
      const char *name = (const char *) child->name;
      g_autofree char *text = NULL;

      if (g_str_equal (name, "name") && _lia_pd_first_time (p, child, &seen, NAME))
        {
          if ((text = _lia_pd_text_of (p, child, TRUE)))
            lia_project_set_name (self, text);
        }
      else if (g_str_equal (name, "summary") && _lia_pd_first_time (p, child, &seen, SUMMARY))
        {
          if ((text = _lia_pd_text_of (p, child, FALSE)))
            lia_project_set_summary (self, text);
        }
      else if (g_str_equal (name, "start") && _lia_pd_first_time (p, child, &seen, START))
        {
          g_autoptr(GDate) start = date_element (p, child);
          lia_project_set_start (self, start);
        }
      else if (g_str_equal (name, "end") && _lia_pd_first_time (p, child, &seen, END))
        {
          g_autoptr(GDate) end = date_element (p, child);
          lia_project_set_end (self, end);
        }
      else if (g_str_equal (name, "owner") && _lia_pd_first_time (p, child, &seen, OWNER))
        {
          if ((text = _lia_pd_text_of (p, child, TRUE)))
            lia_project_set_owner (self, text);
        }
      else if (g_str_equal (name, "tag"))
        {
          if ((text = _lia_pd_text_of (p, child, TRUE)))
            g_ptr_array_add (tags, g_steal_pointer (&text));
        }
      else if (g_str_equal (name, "notes") && _lia_pd_first_time (p, child, &seen, NOTES))
        {
          if ((text = _lia_pd_text_of (p, child, FALSE)))
            lia_project_set_notes (self, text);
        }
      else if (g_str_equal (name, "stakeholder"))
        {
          static const char * const stakeholder_allowed[] = { "contact", "organization", "role", NULL };

          _lia_pd_check_attributes (p, child, stakeholder_allowed);
          text = _lia_pd_attribute (child, "role");
          _lia_pd_add_party_ref (p, REF_STAKEHOLDER, child,
                                 text != NULL ? g_steal_pointer (&text) : g_strdup (""));
        }
      else if (g_str_equal (name, "milestone"))
        read_milestone (p, self, child);
      else if (g_str_equal (name, "risk"))
        read_risk (p, self, child);
      else if (g_str_equal (name, "link"))
        read_link (p, child);
      else if (!g_strv_contains ((const char * const[]) { "name", "summary", "start", "end", "owner",
                                                          "notes", NULL }, name))
        {
          _lia_pd_unknown_child (p, child);
        }
    }

  if (!(seen & (1 << NAME)))
    _lia_pd_problem (p, p->node, NULL, _("<project> needs a <name>."));

  g_ptr_array_add (tags, NULL);
  lia_project_set_tags (self, (const char * const *) tags->pdata);

  return LIA_RECORD (g_steal_pointer (&self));
}

LiaRecord *
_lia_pd_read_fields (Parse *p)
{
  switch (p->kind)
    {
    case LIA_RECORD_KIND_ORGANIZATION:
      return read_organization (p);
    case LIA_RECORD_KIND_CONTACT:
      return read_contact (p);
    case LIA_RECORD_KIND_INTERACTION:
      return read_interaction (p);
    case LIA_RECORD_KIND_COMMITMENT:
      return read_commitment (p);
    case LIA_RECORD_KIND_CONCERN:
      return read_concern (p);
    case LIA_RECORD_KIND_PROJECT:
      return read_project (p);
    default:
      g_assert_not_reached ();
    }
}
