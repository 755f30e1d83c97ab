/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#define __LIBEBOOK_CONTACTS_H_INSIDE__
#include <libebook-contacts/e-vcard.h>
#undef __LIBEBOOK_CONTACTS_H_INSIDE__

#include "lia-export-private.h"

/*
 * vCard out (docs/vcard.md has the mapping): one card per organization and per contact, built
 * with EVCard, which escapes, folds at 75 octets and ends lines with CRLF. EVCard 3.46 writes
 * vCard 3.0; for 4.0 the few differences (VERSION, KIND:org, PREF=1, data: URIs for photos)
 * are written here.
 */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EVCard, g_object_unref)

static void
add_text (EVCard     *vcard,
          const char *name,
          const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  e_vcard_append_attribute_with_value (vcard, e_vcard_attribute_new (NULL, name), value);
}

static const char *
type_for_kind (LiaContactPointKind kind,
               gboolean            phone)
{
  switch (kind)
    {
    case LIA_CONTACT_POINT_KIND_WORK:
      return "WORK";
    case LIA_CONTACT_POINT_KIND_HOME:
      return "HOME";
    case LIA_CONTACT_POINT_KIND_MOBILE:
      return phone ? "CELL" : NULL;
    case LIA_CONTACT_POINT_KIND_FAX:
      return phone ? "FAX" : NULL;
    case LIA_CONTACT_POINT_KIND_OTHER:
    default:
      return NULL;
    }
}

/* The first of a list is the preferred one: 3.0 says TYPE=pref, 4.0 PREF=1. */
static void
add_points (EVCard     *vcard,
            const char *name,
            GListModel *points,
            gboolean    phone,
            gboolean    v4)
{
  for (guint i = 0; i < g_list_model_get_n_items (points); i++)
    {
      g_autoptr(LiaContactPoint) point = g_list_model_get_item (points, i);
      EVCardAttribute *attr = e_vcard_attribute_new (NULL, name);
      const char *type = type_for_kind (lia_contact_point_get_kind (point), phone);

      if (type != NULL)
        e_vcard_attribute_add_param_with_value (attr, e_vcard_attribute_param_new ("TYPE"), type);
      if (i == 0 && g_list_model_get_n_items (points) > 1)
        {
          if (v4)
            e_vcard_attribute_add_param_with_value (attr, e_vcard_attribute_param_new ("PREF"), "1");
          else
            e_vcard_attribute_add_param_with_value (attr, e_vcard_attribute_param_new ("TYPE"), "pref");
        }
      e_vcard_append_attribute_with_value (vcard, attr, lia_contact_point_get_value (point));
    }
}

static void
add_list (EVCard             *vcard,
          const char         *name,
          const char * const *values,
          gboolean            one_property)
{
  EVCardAttribute *attr = NULL;

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      if (!one_property || attr == NULL)
        {
          attr = e_vcard_attribute_new (NULL, name);
          e_vcard_append_attribute (vcard, attr);
        }
      e_vcard_attribute_add_value (attr, values[i]);
    }
}

static void
add_address (EVCard           *vcard,
             LiaPostalAddress *address)
{
  EVCardAttribute *attr = e_vcard_attribute_new (NULL, "ADR");
  const char *type = type_for_kind (lia_postal_address_get_kind (address), FALSE);

  if (type != NULL)
    e_vcard_attribute_add_param_with_value (attr, e_vcard_attribute_param_new ("TYPE"), type);
  e_vcard_append_attribute_with_values (vcard, attr,
                                        lia_postal_address_get_po_box (address),
                                        lia_postal_address_get_extended (address),
                                        lia_postal_address_get_street (address),
                                        lia_postal_address_get_locality (address),
                                        lia_postal_address_get_region (address),
                                        lia_postal_address_get_postal_code (address),
                                        lia_postal_address_get_country (address),
                                        NULL);
}

static void
add_photo (EVCard     *vcard,
           GBytes     *photo,
           const char *mime_type,
           gboolean    v4)
{
  gsize size = 0;
  const guchar *data;
  EVCardAttribute *attr;

  if (photo == NULL || g_bytes_get_size (photo) == 0)
    return;
  data = g_bytes_get_data (photo, &size);
  attr = e_vcard_attribute_new (NULL, "PHOTO");

  if (v4)
    {
      g_autofree char *base64 = g_base64_encode (data, size);
      g_autofree char *uri = g_strdup_printf ("data:%s;base64,%s", mime_type, base64);

      e_vcard_attribute_add_param_with_value (attr, e_vcard_attribute_param_new ("VALUE"), "uri");
      e_vcard_append_attribute_with_value (vcard, attr, uri);
    }
  else
    {
      const char *slash = strchr (mime_type, '/');
      g_autofree char *type = g_ascii_strup (slash != NULL ? slash + 1 : mime_type, -1);

      e_vcard_attribute_add_param_with_value (attr, e_vcard_attribute_param_new ("ENCODING"), "b");
      e_vcard_attribute_add_param_with_value (attr, e_vcard_attribute_param_new ("TYPE"), type);
      e_vcard_attribute_add_value_decoded (attr, (const char *) data, (int) size);
      e_vcard_append_attribute (vcard, attr);
    }
}

static gboolean
add_affiliations (EVCard      *vcard,
                  LiaStore    *store,
                  LiaContact  *contact,
                  GError     **error)
{
  g_autoptr(GPtrArray) affiliations = NULL;
  g_autoptr(GDate) today = lia_date_new_today ();
  gboolean role_written = FALSE;

  if (!(affiliations = lia_store_list_affiliations_for_contact (store, lia_record_get_id (LIA_RECORD (contact)), error)))
    return FALSE;

  /* Current affiliations only, the primary first: the ORGs of a card are where one works. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < affiliations->len; i++)
      {
        LiaAffiliation *affiliation = g_ptr_array_index (affiliations, i);
        g_autoptr(LiaRecord) organization = NULL;
        EVCardAttribute *attr;
        const char *unit = lia_affiliation_get_unit (affiliation);

        if (!lia_affiliation_is_current_on (affiliation, today) ||
            lia_affiliation_get_primary (affiliation) != (pass == 0))
          continue;
        if (!(organization = lia_store_load (store, LIA_RECORD_KIND_ORGANIZATION,
                                             lia_affiliation_get_organization_id (affiliation), error)))
          return FALSE;

        attr = e_vcard_attribute_new (NULL, "ORG");
        e_vcard_attribute_add_value (attr, lia_organization_get_name (LIA_ORGANIZATION (organization)));
        if (unit != NULL && unit[0] != '\0')
          e_vcard_attribute_add_value (attr, unit);
        e_vcard_append_attribute (vcard, attr);

        /* A card has one ROLE: the first affiliation's, as an import reads it back. */
        if (!role_written)
          add_text (vcard, "ROLE", lia_affiliation_get_role (affiliation));
        role_written = TRUE;
      }

  return TRUE;
}

static gboolean
build_contact (EVCard      *vcard,
               LiaStore    *store,
               LiaContact  *contact,
               gboolean     v4,
               GError     **error)
{
  GListModel *addresses = lia_contact_get_addresses (contact);

  add_text (vcard, "FN", lia_contact_get_display_name (contact));
  e_vcard_append_attribute_with_values (vcard, e_vcard_attribute_new (NULL, "N"),
                                        lia_contact_get_family_name (contact),
                                        lia_contact_get_given_name (contact),
                                        "",
                                        lia_contact_get_honorific (contact),
                                        lia_contact_get_suffix (contact),
                                        NULL);
  add_text (vcard, "NICKNAME", lia_contact_get_nickname (contact));
  add_text (vcard, "BDAY", lia_contact_get_birthday (contact));
  add_text (vcard, "TITLE", lia_contact_get_job_title (contact));
  if (!add_affiliations (vcard, store, contact, error))
    return FALSE;
  add_points (vcard, "EMAIL", lia_contact_get_emails (contact), FALSE, v4);
  add_points (vcard, "TEL", lia_contact_get_phones (contact), TRUE, v4);
  for (guint i = 0; i < g_list_model_get_n_items (addresses); i++)
    {
      g_autoptr(LiaPostalAddress) address = g_list_model_get_item (addresses, i);
      add_address (vcard, address);
    }
  add_points (vcard, "URL", lia_contact_get_websites (contact), FALSE, FALSE);
  add_points (vcard, "IMPP", lia_contact_get_ims (contact), FALSE, FALSE);
  add_list (vcard, "LANG", lia_contact_get_languages (contact), FALSE);
  add_text (vcard, "TZ", lia_contact_get_time_zone (contact));
  add_list (vcard, "CATEGORIES", lia_contact_get_tags (contact), TRUE);
  add_text (vcard, "NOTE", lia_contact_get_notes (contact));
  add_photo (vcard, lia_contact_get_photo (contact), lia_contact_get_photo_mime_type (contact), v4);
  return TRUE;
}

static void
build_organization (EVCard          *vcard,
                    LiaOrganization *organization,
                    gboolean         v4)
{
  const char *name = lia_organization_get_name (organization);
  const char *street = lia_organization_get_street (organization);
  const char *locality = lia_organization_get_locality (organization);
  const char *region = lia_organization_get_region (organization);
  const char *code = lia_organization_get_postal_code (organization);
  const char *country = lia_organization_get_address_country (organization);
  const char *tags[] = { NULL };

  /* 4.0 says KIND:org; 3.0 readers (Apple's, GNOME Contacts) know X-ABShowAs:COMPANY. */
  if (v4)
    add_text (vcard, "KIND", "org");
  add_text (vcard, "FN", name);
  add_text (vcard, "ORG", name);
  if (!v4)
    add_text (vcard, "X-ABShowAs", "COMPANY");
  if (street[0] != '\0' || locality[0] != '\0' || region[0] != '\0' || code[0] != '\0' || country[0] != '\0')
    {
      EVCardAttribute *attr = e_vcard_attribute_new (NULL, "ADR");

      e_vcard_attribute_add_param_with_value (attr, e_vcard_attribute_param_new ("TYPE"), "WORK");
      e_vcard_append_attribute_with_values (vcard, attr, "", "", street, locality, region, code, country, NULL);
    }
  add_text (vcard, "EMAIL", lia_organization_get_email (organization));
  add_text (vcard, "TEL", lia_organization_get_phone (organization));
  add_text (vcard, "URL", lia_organization_get_website (organization));
  add_list (vcard, "CATEGORIES", lia_organization_get_tags (organization) != NULL
            ? lia_organization_get_tags (organization) : tags, TRUE);
  add_text (vcard, "NOTE", lia_organization_get_notes (organization));
}

char *
_lia_vcard_write_record (LiaStore    *store,
                         LiaRecord   *record,
                         gboolean     v4,
                         GError     **error)
{
  g_autoptr(EVCard) vcard = e_vcard_new ();
  g_autofree char *text = NULL;
  const char *version_line = "VERSION:3.0\r\n";
  const char *at;

  /* EVCard writes VERSION:3.0 itself, first. */
  add_text (vcard, "UID", lia_record_get_uid (record));
  if (LIA_IS_CONTACT (record))
    {
      if (!build_contact (vcard, store, LIA_CONTACT (record), v4, error))
        return NULL;
    }
  else
    {
      build_organization (vcard, LIA_ORGANIZATION (record), v4);
    }

  text = e_vcard_to_string (vcard, EVC_FORMAT_VCARD_30);
  if (v4 && (at = strstr (text, version_line)) != NULL)
    {
      GString *four = g_string_new_len (text, at - text);

      g_string_append (four, "VERSION:4.0\r\n");
      g_string_append (four, at + strlen (version_line));
      g_free (text);
      text = g_string_free (four, FALSE);
    }
  if (v4)
    {
      /* EVCard escapes every value; a URI's ";" and "," are its own (RFC 6350 §3.4). The
       * first line of the photo is never folded before them. */
      char *photo = strstr (text, "PHOTO;VALUE=uri:data:");
      char *end = photo != NULL ? strstr (photo, "\r\n") : NULL;

      for (char *p = photo; p != NULL && p < end; p++)
        if (*p == '\\' && (p[1] == ';' || p[1] == ','))
          {
            memmove (p, p + 1, strlen (p + 1) + 1);
            end--;
          }
    }
  return g_strconcat (text, "\r\n", NULL);
}
