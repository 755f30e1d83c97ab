/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-export-private.h"
#include "lia-store-bulk.h"

/*
 * Writes contacts and organizations as xCard <vcard> elements (RFC 6351; docs/xcard.md has the
 * mapping). Properties always in the same order and unset ones left out, so that the same data
 * gives the same bytes, and so that what lia-xcard-reader.c reads back gives them again.
 */

typedef LiaXmlOut Out;

/* <name>text</name>, or <name/> when there is no text (the components of n and adr). */
static void
element (Out        *out,
         const char *name,
         const char *text)
{
  if (text == NULL || text[0] == '\0')
    {
      _lia_xml_out_start (out, name);
      _lia_xml_out_end (out);
      return;
    }

  _lia_xml_out_element (out, name, text);
}

/* <parameters> with a type and a pref (1 to 100), either of them optional. */
static void
parameters (Out        *out,
            const char *type,
            guint       pref)
{
  if (type == NULL && pref == 0)
    return;

  _lia_xml_out_start (out, "parameters");
  if (type != NULL)
    {
      _lia_xml_out_start (out, "type");
      element (out, "text", type);
      _lia_xml_out_end (out);
    }
  if (pref > 0)
    {
      char text[16];

      g_snprintf (text, sizeof text, "%u", MIN (pref, 100));
      _lia_xml_out_start (out, "pref");
      element (out, "integer", text);
      _lia_xml_out_end (out);
    }
  _lia_xml_out_end (out);
}

/* <name><value_type>text</value_type></name>, nothing for blank text. */
static void
property (Out        *out,
          const char *name,
          const char *value_type,
          const char *text)
{
  if (lia_text_is_blank (text))
    return;

  _lia_xml_out_start (out, name);
  element (out, value_type, text);
  _lia_xml_out_end (out);
}

static void
categories (Out                *out,
            const char * const *tags)
{
  if (tags == NULL || tags[0] == NULL)
    return;

  _lia_xml_out_start (out, "categories");
  for (guint i = 0; tags[i] != NULL; i++)
    element (out, "text", tags[i]);
  _lia_xml_out_end (out);
}

/* A uid is written as a URI when it has a scheme (urn:uuid:…), else as text. */
static void
uid_property (Out        *out,
              const char *uid)
{
  const char *scheme = g_uri_peek_scheme (uid);

  property (out, "uid", scheme != NULL ? "uri" : "text", uid);
}

/* The type parameter for a kind of contact point; "other" has none. */
static const char *
type_for_kind (LiaContactPointKind kind)
{
  switch (kind)
    {
    case LIA_CONTACT_POINT_KIND_WORK:
      return "work";
    case LIA_CONTACT_POINT_KIND_HOME:
      return "home";
    case LIA_CONTACT_POINT_KIND_MOBILE:
      return "cell";
    case LIA_CONTACT_POINT_KIND_FAX:
      return "fax";
    case LIA_CONTACT_POINT_KIND_OTHER:
    default:
      return NULL;
    }
}

static gboolean
is_phone_digits (const char *text,
                 gsize       length)
{
  gboolean digit = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (g_ascii_isdigit (text[i]))
        digit = TRUE;
      else if (strchr ("-.()", text[i]) == NULL)
        return FALSE;
    }
  return digit;
}

/* Whether @number is a global number as a tel: URI has it (RFC 3966): "+", digits and - . ( ),
 * and an optional ";ext=". Anything else (spaces, a local number) is written as text, as
 * the person typed it. */
static gboolean
is_tel_uri_number (const char *number)
{
  const char *ext;

  if (number[0] != '+')
    return FALSE;

  ext = strchr (number, ';');
  if (ext == NULL)
    return is_phone_digits (number + 1, strlen (number + 1));

  return is_phone_digits (number + 1, ext - number - 1) &&
         g_str_has_prefix (ext, ";ext=") && is_phone_digits (ext + 5, strlen (ext + 5));
}

static void
phone_value (Out        *out,
             const char *number)
{
  if (is_tel_uri_number (number))
    {
      g_autofree char *uri = g_strconcat ("tel:", number, NULL);
      element (out, "uri", uri);
    }
  else
    {
      element (out, "text", number);
    }
}

/* Emails and phones in the contact's order: with more than one, pref says that order. */
static void
contact_points (Out        *out,
                const char *name,
                GListModel *points)
{
  guint n = g_list_model_get_n_items (points);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaContactPoint) point = g_list_model_get_item (points, i);
      const char *value = lia_contact_point_get_value (point);

      if (lia_text_is_blank (value))
        continue;

      _lia_xml_out_start (out, name);
      parameters (out, type_for_kind (lia_contact_point_get_kind (point)), n > 1 ? i + 1 : 0);
      if (g_str_equal (name, "tel"))
        phone_value (out, value);
      else if (g_str_equal (name, "url") || g_str_equal (name, "impp"))
        element (out, "uri", value);
      else
        element (out, "text", value);
      _lia_xml_out_end (out);
    }
}

static void
postal_addresses (Out        *out,
                  GListModel *addresses)
{
  guint n = g_list_model_get_n_items (addresses);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaPostalAddress) address = g_list_model_get_item (addresses, i);

      _lia_xml_out_start (out, "adr");
      parameters (out, type_for_kind (lia_postal_address_get_kind (address)), n > 1 ? i + 1 : 0);
      element (out, "pobox", lia_postal_address_get_po_box (address));
      element (out, "ext", lia_postal_address_get_extended (address));
      element (out, "street", lia_postal_address_get_street (address));
      element (out, "locality", lia_postal_address_get_locality (address));
      element (out, "region", lia_postal_address_get_region (address));
      element (out, "code", lia_postal_address_get_postal_code (address));
      element (out, "country", lia_postal_address_get_country (address));
      _lia_xml_out_end (out);
    }
}

/* RFC 6350's basic form: 19850412, or --0412 without the year. */
static void
birthday (Out        *out,
          const char *iso)
{
  g_autoptr(GString) date = NULL;

  if (lia_text_is_blank (iso))
    return;

  date = g_string_new (iso);
  g_string_replace (date, "-", "", 0);
  if (g_str_has_prefix (iso, "--"))
    g_string_prepend (date, "--");
  property (out, "bday", "date", date->str);
}

/* The image itself, as a data: URI: the file stands on its own. */
static void
photo (Out        *out,
       LiaContact *contact)
{
  GBytes *bytes = lia_contact_get_photo (contact);
  g_autofree char *base64 = NULL;
  g_autofree char *uri = NULL;
  gsize size = 0;
  const guchar *data;

  if (bytes == NULL)
    return;

  data = g_bytes_get_data (bytes, &size);
  base64 = g_base64_encode (data, size);
  uri = g_strconcat ("data:", lia_contact_get_photo_mime_type (contact), ";base64,", base64, NULL);
  property (out, "photo", "uri", uri);
}

/* Where the person works now: the primary current affiliation, else the most recent current
 * one (the store lists current ones first, newest first). */
static LiaAffiliation *
current_affiliation (Out        *out,
                     LiaContact *contact)
{
  g_autoptr(GPtrArray) affiliations = NULL;
  g_autoptr(GDate) today = lia_date_new_today ();
  LiaAffiliation *found = NULL;

  if (lia_record_get_id (LIA_RECORD (contact)) <= 0)
    return NULL;

  affiliations = lia_store_list_affiliations_for_contact (out->store,
                                                          lia_record_get_id (LIA_RECORD (contact)),
                                                          out->error);
  if (affiliations == NULL)
    {
      out->failed = TRUE;
      return NULL;
    }

  for (guint i = 0; i < affiliations->len; i++)
    {
      LiaAffiliation *affiliation = g_ptr_array_index (affiliations, i);

      if (!lia_affiliation_is_current_on (affiliation, today))
        continue;
      if (lia_affiliation_get_primary (affiliation))
        {
          found = affiliation;
          break;
        }
      if (found == NULL)
        found = affiliation;
    }

  return found != NULL ? g_object_ref (found) : NULL;
}

static void
write_affiliation (Out        *out,
                   LiaContact *contact)
{
  g_autoptr(LiaAffiliation) affiliation = current_affiliation (out, contact);
  g_autoptr(LiaRecord) organization = NULL;

  if (affiliation == NULL)
    return;

  organization = lia_store_load (out->store, LIA_RECORD_KIND_ORGANIZATION,
                                 lia_affiliation_get_organization_id (affiliation), out->error);
  if (organization == NULL)
    {
      out->failed = TRUE;
      return;
    }

  _lia_xml_out_start (out, "org");
  element (out, "text", lia_organization_get_name (LIA_ORGANIZATION (organization)));
  if (!lia_text_is_blank (lia_affiliation_get_unit (affiliation)))
    element (out, "text", lia_affiliation_get_unit (affiliation));
  _lia_xml_out_end (out);
  property (out, "role", "text", lia_affiliation_get_role (affiliation));
}

static void
write_contact (Out        *out,
               LiaContact *self)
{
  const char * const *languages = lia_contact_get_languages (self);
  guint n_languages = languages != NULL ? g_strv_length ((char **) languages) : 0;

  _lia_xml_out_start (out, "vcard");
  property (out, "fn", "text", lia_contact_get_display_name (self));

  /* All five components, in the RFC's order; Liaison keeps middle names with the given name. */
  _lia_xml_out_start (out, "n");
  element (out, "surname", lia_contact_get_family_name (self));
  element (out, "given", lia_contact_get_given_name (self));
  element (out, "additional", NULL);
  element (out, "prefix", lia_contact_get_honorific (self));
  element (out, "suffix", lia_contact_get_suffix (self));
  _lia_xml_out_end (out);
  property (out, "nickname", "text", lia_contact_get_nickname (self));
  birthday (out, lia_contact_get_birthday (self));

  write_affiliation (out, self);
  property (out, "title", "text", lia_contact_get_job_title (self));
  contact_points (out, "email", lia_contact_get_emails (self));
  contact_points (out, "tel", lia_contact_get_phones (self));
  postal_addresses (out, lia_contact_get_addresses (self));
  contact_points (out, "impp", lia_contact_get_ims (self));
  contact_points (out, "url", lia_contact_get_websites (self));

  for (guint i = 0; i < n_languages; i++)
    {
      _lia_xml_out_start (out, "lang");
      parameters (out, NULL, n_languages > 1 ? i + 1 : 0);
      element (out, "language-tag", languages[i]);
      _lia_xml_out_end (out);
    }

  property (out, "tz", "text", lia_contact_get_time_zone (self));
  property (out, "note", "text", lia_contact_get_notes (self));
  categories (out, lia_contact_get_tags (self));
  photo (out, self);
  uid_property (out, lia_record_get_uid (LIA_RECORD (self)));
  _lia_xml_out_end (out);
}

static void
write_organization (Out             *out,
                    LiaOrganization *self)
{
  const char *street = lia_organization_get_street (self);
  const char *locality = lia_organization_get_locality (self);
  const char *region = lia_organization_get_region (self);
  const char *postal_code = lia_organization_get_postal_code (self);
  const char *address_country = lia_organization_get_address_country (self);
  const char *phone = lia_organization_get_phone (self);

  _lia_xml_out_start (out, "vcard");
  property (out, "kind", "text", "org");
  property (out, "fn", "text", lia_organization_get_name (self));
  _lia_xml_out_start (out, "org");
  element (out, "text", lia_organization_get_name (self));
  _lia_xml_out_end (out);

  if (!lia_text_is_blank (street) || !lia_text_is_blank (locality) || !lia_text_is_blank (region) ||
      !lia_text_is_blank (postal_code) || !lia_text_is_blank (address_country))
    {
      _lia_xml_out_start (out, "adr");
      element (out, "pobox", NULL);
      element (out, "ext", NULL);
      element (out, "street", street);
      element (out, "locality", locality);
      element (out, "region", region);
      element (out, "code", postal_code);
      element (out, "country", address_country);
      _lia_xml_out_end (out);
    }

  if (!lia_text_is_blank (phone))
    {
      _lia_xml_out_start (out, "tel");
      phone_value (out, phone);
      _lia_xml_out_end (out);
    }
  property (out, "email", "text", lia_organization_get_email (self));
  property (out, "url", "uri", lia_organization_get_website (self));
  property (out, "note", "text", lia_organization_get_notes (self));
  categories (out, lia_organization_get_tags (self));
  uid_property (out, lia_record_get_uid (LIA_RECORD (self)));
  _lia_xml_out_end (out);
}

gboolean
_lia_xcard_write_record (LiaXmlWriter     *writer,
                         LiaStore         *store,
                         LiaRecord        *record,
                         GError          **error)
{
  Out out = { writer, store, LIA_WRITE_DEFAULT, error, FALSE };

  switch (lia_record_get_kind (record))
    {
    case LIA_RECORD_KIND_ORGANIZATION:
      write_organization (&out, LIA_ORGANIZATION (record));
      break;
    case LIA_RECORD_KIND_CONTACT:
      write_contact (&out, LIA_CONTACT (record));
      break;
    default:
      /* xCard has people and organizations, nothing else. */
      g_return_val_if_reached (TRUE);
    }

  out.failed = _lia_xml_out_failed (&out);
  if (out.failed && error != NULL && *error == NULL)
    g_set_error_literal (error, LIA_EXCHANGE_ERROR, LIA_EXCHANGE_ERROR_FAILED,
                         _("Could not write the xCard file."));
  return !out.failed;
}
