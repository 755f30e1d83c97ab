/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

/* e-vcard.h alone: the library's umbrella header pulls in API that GLib 2.74 deprecates. */
#define __LIBEBOOK_CONTACTS_H_INSIDE__
#include <libebook-contacts/e-vcard.h>
#undef __LIBEBOOK_CONTACTS_H_INSIDE__

#include "lia-charset.h"
#include "lia-vcard-private.h"

/*
 * vCard 2.1, 3.0 and 4.0 (docs/vcard.md has the mapping, field by field).
 *
 * The file is read whole (lia-vcard-text.c cleans each card), each card is parsed by EVCard,
 * evolution-data-server's parser, the one GNOME Contacts and Evolution use, and its properties
 * fill a LiaCard that lia-card-import.c matches and stores. What Liaison has no field for is
 * counted, by property name, as not kept.
 */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EVCard, g_object_unref)

/* Names and values */

static char *
joined_values (EVCardAttribute *attr,
               const char      *separator)
{
  GString *text = g_string_new (NULL);

  for (GList *l = e_vcard_attribute_get_values (attr); l != NULL; l = l->next)
    {
      if (l != e_vcard_attribute_get_values (attr))
        g_string_append (text, separator);
      g_string_append (text, l->data != NULL ? l->data : "");
    }
  return g_strstrip (g_string_free (text, FALSE));
}

/* A text value, whole: EVCard splits every value at unescaped semicolons, which a NOTE or
 * an URL of a careless writer has. Google's escaped colons (http\://) lose their backslash. */
static char *
text_value (EVCardAttribute *attr)
{
  g_autofree char *text = joined_values (attr, ";");
  g_auto(GStrv) parts = g_strsplit (text, "\\:", -1);

  return g_strjoinv (":", parts);
}

/* The i-th component of a structured value (N, ADR), trimmed; NULL when blank. Several values
 * of one component ("Jr.,Sr.", an unescaped comma in a street) are one text here, joined with
 * @comma. */
static char *
component (EVCardAttribute *attr,
           guint            i,
           const char      *comma)
{
  const char *value = g_list_nth_data (e_vcard_attribute_get_values (attr), i);
  g_auto(GStrv) parts = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (value == NULL)
    return NULL;
  parts = g_strsplit (value, ",", -1);
  for (guint j = 0; parts[j] != NULL; j++)
    {
      g_strstrip (parts[j]);
      if (parts[j][0] == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, comma);
      g_string_append (text, parts[j]);
    }
  if (text->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
has_type (EVCardAttribute *attr,
          const char      *type)
{
  if (e_vcard_attribute_has_type (attr, type))
    return TRUE;
  /* 4.0 and sloppy writers: TYPE="work,voice" as one value. */
  for (GList *l = e_vcard_attribute_get_param (attr, "TYPE"); l != NULL; l = l->next)
    {
      g_auto(GStrv) parts = g_strsplit (l->data, ",", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        if (g_ascii_strcasecmp (g_strstrip (parts[i]), type) == 0)
          return TRUE;
    }
  return FALSE;
}

static int
pref_of (EVCardAttribute *attr)
{
  GList *pref = e_vcard_attribute_get_param (attr, "PREF");
  gint64 value;

  if (pref != NULL && g_ascii_string_to_signed (pref->data, 10, 1, 100, &value, NULL))
    return (int) value;
  if (has_type (attr, "PREF"))
    return 1;
  return NO_PREF;
}

/* Apple's labels on a group (item1.TEL + item1.X-ABLabel:_$!<Mobile>!$_). */
static LiaContactPointKind
kind_for_label (const char *label)
{
  g_autofree char *folded = NULL;

  if (label == NULL)
    return LIA_CONTACT_POINT_KIND_OTHER;
  folded = g_ascii_strdown (label, -1);
  if (strstr (folded, "fax") != NULL)
    return LIA_CONTACT_POINT_KIND_FAX;
  if (strstr (folded, "mobile") != NULL || strstr (folded, "iphone") != NULL || strstr (folded, "cell") != NULL ||
      strstr (folded, "pager") != NULL)
    return LIA_CONTACT_POINT_KIND_MOBILE;
  if (strstr (folded, "home") != NULL)
    return LIA_CONTACT_POINT_KIND_HOME;
  if (strstr (folded, "work") != NULL)
    return LIA_CONTACT_POINT_KIND_WORK;
  return LIA_CONTACT_POINT_KIND_OTHER;
}

/* A fax is not for calling and a mobile is worth knowing, whatever else the type says. */
static LiaContactPointKind
kind_of (EVCardAttribute *attr,
         const char      *label)
{
  if (has_type (attr, "FAX"))
    return LIA_CONTACT_POINT_KIND_FAX;
  if (has_type (attr, "CELL") || has_type (attr, "MOBILE") || has_type (attr, "PAGER") ||
      has_type (attr, "IPHONE") || has_type (attr, "X-MOBIL"))
    return LIA_CONTACT_POINT_KIND_MOBILE;
  if (has_type (attr, "HOME"))
    return LIA_CONTACT_POINT_KIND_HOME;
  if (has_type (attr, "WORK"))
    return LIA_CONTACT_POINT_KIND_WORK;
  return kind_for_label (label);
}

/* tel:+1-418-656-9254;ext=102 → +1-418-656-9254;ext=102; mailto: likewise. Takes @value (a
 * text_value(), never NULL) and returns it or what replaces it, never NULL either. */
static char *
without_scheme (char       *value,
                const char *scheme)
{
  gsize n = strlen (scheme);
  char *rest;

  if (g_ascii_strncasecmp (value, scheme, n) != 0)
    return value;
  rest = g_uri_unescape_string (value + n, NULL);
  if (rest == NULL)
    rest = g_strdup (value + n);
  g_free (value);
  return g_strstrip (rest);
}

/* "-05:00", "UTC+2": an offset, not a zone; summer time would make it wrong half the year. */
static gboolean
is_offset (const char *tz)
{
  const char *p = tz;

  if (g_ascii_strncasecmp (p, "UTC", 3) == 0 || g_ascii_strncasecmp (p, "GMT", 3) == 0)
    p += 3;
  if (*p == '+' || *p == '-')
    p++;
  return *p == '\0' || g_ascii_isdigit (*p);
}

/* Properties */

typedef struct
{
  LiaCard    *card;
  guint       line;     /* where the property being read is in the file */
  GHashTable *labels;   /* group (folded) → X-ABLabel */
  GHashTable *labelled; /* groups whose property used its label */
} Reading;

static const char *
label_of (Reading         *r,
          EVCardAttribute *attr)
{
  const char *group = e_vcard_attribute_get_group (attr);
  g_autofree char *key = NULL;

  if (group == NULL)
    return NULL;
  key = g_ascii_strdown (group, -1);
  if (!g_hash_table_contains (r->labels, key))
    return NULL;
  g_hash_table_add (r->labelled, g_strdup (key));
  return g_hash_table_lookup (r->labels, key);
}

static void
add_point (Reading         *r,
           EVCardAttribute *attr,
           GArray          *items,
           const char      *scheme)
{
  char *value = without_scheme (text_value (attr), scheme);

  _lia_card_add_item (r->card, items, value, pref_of (attr), kind_of (attr, label_of (r, attr)));
}

static void
read_name (LiaCard         *c,
           EVCardAttribute *attr)
{
  static const guint order[N_PARTS] = { N_SURNAME, N_GIVEN, N_ADDITIONAL, N_PREFIX, N_SUFFIX };

  if (c->has_n)
    return;
  for (guint i = 0; i < N_PARTS; i++)
    c->n[order[i]] = component (attr, i, " ");
  c->has_n = TRUE;
}

static void
read_address (Reading         *r,
              EVCardAttribute *attr)
{
  LiaCard *c = r->card;
  int pref = pref_of (attr);

  /* A person keeps every address, the preferred first; an organization one, the most
   * preferred, else the first. */
  if (!c->is_organization)
    {
      LiaContactPointKind kind = kind_of (attr, label_of (r, attr));
      g_autoptr(LiaPostalAddress) address = NULL;
      char *parts[ADR_PARTS] = { NULL, };

      for (guint i = 0; i < ADR_PARTS; i++)
        parts[i] = component (attr, i, ", ");
      /* Postal addresses are work, home or other. */
      if (kind != LIA_CONTACT_POINT_KIND_WORK && kind != LIA_CONTACT_POINT_KIND_HOME)
        kind = LIA_CONTACT_POINT_KIND_OTHER;
      address = lia_postal_address_new (kind);
      lia_postal_address_set_po_box (address, parts[ADR_POBOX]);
      lia_postal_address_set_extended (address, parts[ADR_EXT]);
      lia_postal_address_set_street (address, parts[ADR_STREET]);
      lia_postal_address_set_locality (address, parts[ADR_LOCALITY]);
      lia_postal_address_set_region (address, parts[ADR_REGION]);
      lia_postal_address_set_postal_code (address, parts[ADR_CODE]);
      lia_postal_address_set_country (address, parts[ADR_COUNTRY]);
      for (guint i = 0; i < ADR_PARTS; i++)
        g_free (parts[i]);
      if (lia_postal_address_is_empty (address))
        return;
      if (pref < NO_PREF)
        g_ptr_array_insert (c->addresses, 0, g_steal_pointer (&address));
      else
        g_ptr_array_add (c->addresses, g_steal_pointer (&address));
      return;
    }
  if (c->has_adr && pref >= c->adr_pref)
    return;
  for (guint i = 0; i < ADR_PARTS; i++)
    {
      g_free (c->adr[i]);
      c->adr[i] = component (attr, i, ", ");
    }
  c->has_adr = TRUE;
  c->adr_pref = pref;
}

static void
read_org (LiaCard         *c,
          EVCardAttribute *attr)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (GList *l = e_vcard_attribute_get_values (attr); l != NULL; l = l->next)
    g_ptr_array_add (parts, g_strdup (l->data != NULL ? l->data : ""));
  g_ptr_array_add (parts, NULL);
  _lia_card_add_org (c, (const char * const *) parts->pdata);
}

static void
read_categories (LiaCard         *c,
                 EVCardAttribute *attr)
{
  for (GList *l = e_vcard_attribute_get_values (attr); l != NULL; l = l->next)
    {
      g_auto(GStrv) tags = g_strsplit (l->data != NULL ? l->data : "", ",", -1);

      for (guint i = 0; tags[i] != NULL; i++)
        {
          char *tag = g_strstrip (tags[i]);

          if (tag[0] != '\0' && !g_ptr_array_find_with_equal_func (c->tags, tag, g_str_equal, NULL))
            g_ptr_array_add (c->tags, g_strdup (tag));
        }
    }
}

/* "1985-04-12", "19850412", "--0412", "1985-04-12T00:00:00Z" → "1985-04-12" or "--04-12". */
static char *
birthday_from (const char *text)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean no_year = g_str_has_prefix (text, "--");

  for (const char *p = no_year ? text + 2 : text; *p != '\0' && *p != 'T'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
    else if (*p != '-')
      return NULL;

  if (no_year && digits->len == 4)
    return g_strdup_printf ("--%.2s-%.2s", digits->str, digits->str + 2);
  if (!no_year && digits->len == 8)
    return g_strdup_printf ("%.4s-%.2s-%.2s", digits->str, digits->str + 4, digits->str + 6);
  return NULL;
}

static void
read_birthday (LiaCard         *c,
               EVCardAttribute *attr)
{
  g_autofree char *text = text_value (attr);
  g_autofree char *birthday = birthday_from (text);

  if (c->birthday != NULL)
    return;
  if (birthday == NULL || !lia_contact_birthday_is_valid (birthday))
    {
      /* "VALUE=text:circa 1800", a date with no day: nothing a calendar can use. */
      _lia_import_not_kept (c->import, "BDAY");
      return;
    }
  c->birthday = g_steal_pointer (&birthday);
}

/* Instant messaging, as vendors wrote it before IMPP: the property and the URI scheme. */
static const char *
im_scheme_for (const char *name)
{
  static const char * const schemes[][2] = {
    { "X-AIM", "aim" }, { "X-ICQ", "icq" }, { "X-JABBER", "xmpp" }, { "X-GTALK", "xmpp" },
    { "X-GOOGLE-TALK", "xmpp" }, { "X-MSN", "msnim" }, { "X-YAHOO", "ymsgr" },
    { "X-SKYPE", "skype" }, { "X-SKYPE-USERNAME", "skype" }, { "X-QQ", "qq" },
    { "X-SAMETIME", "sametime" }, { "X-GADUGADU", "gg" }, { "X-TWITTER", "twitter" },
    { "X-MS-IMADDRESS", "sip" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    if (g_str_equal (name, schemes[i][0]))
      return schemes[i][1];
  return NULL;
}

static void
read_im (LiaCard         *c,
         EVCardAttribute *attr,
         const char      *scheme)
{
  g_autofree char *text = text_value (attr);
  g_autofree char *uri = NULL;

  if (text[0] == '\0')
    return;
  /* Apple's x-apple:handle and bare handles get the property's scheme, or "x-im". */
  if (scheme != NULL && !g_str_has_prefix (text, scheme))
    uri = g_strconcat (scheme, ":", text, NULL);
  else if (scheme == NULL && !lia_contact_im_is_valid (text))
    uri = g_strconcat ("x-im:", text, NULL);
  else
    uri = g_steal_pointer (&text);

  if (!lia_contact_im_is_valid (uri))
    {
      _lia_import_not_kept (c->import, scheme != NULL ? "X-IM" : "IMPP");
      return;
    }
  _lia_card_add_item (c, c->ims, g_steal_pointer (&uri), pref_of (attr), kind_of (attr, NULL));
}

/* The bytes of a PHOTO, inline (ENCODING=b, vCard 2.1's BASE64) or a data: URI (4.0); its type
 * from the bytes themselves, since files lie about it (a PNG said to be a JPEG). */
static void
read_photo (LiaCard         *c,
            EVCardAttribute *attr)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *type = NULL;
  GList *decoded = NULL;

  if (c->photo != NULL)
    {
      _lia_import_not_kept (c->import, "PHOTO");
      return;
    }

  if (e_vcard_attribute_get_param (attr, "ENCODING") != NULL)
    {
      decoded = e_vcard_attribute_get_values_decoded (attr);
      if (decoded != NULL && ((GString *) decoded->data)->len > 0)
        bytes = g_bytes_new (((GString *) decoded->data)->str, ((GString *) decoded->data)->len);
    }
  else
    {
      g_autofree char *text = joined_values (attr, ";");
      const char *comma = strchr (text, ',');

      /* EVCard takes the "\;" and "\," of CardBook's data:image/JPEG\;base64\,… for escapes. */
      if (g_ascii_strncasecmp (text, "data:", 5) == 0 && comma != NULL &&
          g_strstr_len (text, comma - text, "base64") != NULL)
        {
          gsize len = 0;
          guchar *data = g_base64_decode (comma + 1, &len);
          if (len > 0)
            bytes = g_bytes_new_take (data, len);
          else
            g_free (data);
        }
    }

  if (bytes != NULL)
    {
      g_autofree char *content_type = g_content_type_guess (NULL, g_bytes_get_data (bytes, NULL),
                                                            g_bytes_get_size (bytes), NULL);
      type = g_content_type_get_mime_type (content_type);
    }

  if (bytes == NULL || type == NULL || !g_str_has_prefix (type, "image/"))
    {
      /* A link to a photo elsewhere, or bytes that are no image. */
      _lia_import_not_kept (c->import, "PHOTO");
      return;
    }

  c->photo = g_steal_pointer (&bytes);
  c->photo_type = g_steal_pointer (&type);
}

/* What describes the file or the card itself, not the person: read past without a word. */
static gboolean
is_bookkeeping (const char *name)
{
  static const char * const names[] = {
    "VERSION", "PRODID", "REV", "X-ABUID", "X-ABLABEL", "X-ABSHOWAS", "CLIENTPIDMAP",
    "X-EVOLUTION-FILE-AS", "X-EVOLUTION-UI-SLOT", "SORT-STRING", NULL,
  };

  /* Apple's X-ABShowAs, once seen mangled as X-ABShowAs-ABShowAs: read for the kind. */
  return g_strv_contains (names, name) || g_str_has_prefix (name, "X-ABSHOWAS");
}

static void
read_attribute (Reading         *r,
                EVCardAttribute *attr,
                const char      *name)
{
  LiaCard *c = r->card;

  if (g_str_equal (name, "FN"))
    {
      g_autofree char *text = text_value (attr);
      if (c->fn == NULL && text[0] != '\0')
        c->fn = g_steal_pointer (&text);
    }
  else if (g_str_equal (name, "N"))
    read_name (c, attr);
  else if (g_str_equal (name, "TITLE"))
    {
      g_autofree char *text = text_value (attr);
      if (text[0] != '\0')
        g_ptr_array_add (c->titles, g_steal_pointer (&text));
    }
  else if (g_str_equal (name, "ROLE"))
    {
      g_autofree char *text = text_value (attr);
      if (c->role == NULL && text[0] != '\0')
        c->role = g_steal_pointer (&text);
    }
  else if (g_str_equal (name, "ORG"))
    read_org (c, attr);
  else if (g_str_equal (name, "EMAIL"))
    {
      g_autofree char *address = without_scheme (text_value (attr), "mailto:");
      const char *at = strchr (address, '@');

      /* "XXXXXXXXXX", a name instead of an address: the card is still worth having. */
      if (address[0] != '\0' && (at == NULL || at == address || at[1] == '\0' || strchr (at + 1, '@') != NULL))
        {
          _lia_import_warning (c->import, r->line, 1,
                               _("vCard %u: “%s” is not an email address (name@example.org) and was not kept."),
                               c->index, address);
          _lia_import_not_kept (c->import, "EMAIL");
        }
      else
        add_point (r, attr, c->emails, "mailto:");
    }
  else if (g_str_equal (name, "TEL"))
    add_point (r, attr, c->phones, "tel:");
  else if (g_str_equal (name, "ADR"))
    read_address (r, attr);
  else if (g_str_equal (name, "NICKNAME"))
    {
      g_autofree char *text = text_value (attr);
      if (c->nickname == NULL && text[0] != '\0')
        c->nickname = g_steal_pointer (&text);
    }
  else if (g_str_equal (name, "BDAY"))
    read_birthday (c, attr);
  else if (g_str_equal (name, "PHOTO"))
    read_photo (c, attr);
  else if (g_str_equal (name, "IMPP"))
    read_im (c, attr, NULL);
  else if (im_scheme_for (name) != NULL)
    read_im (c, attr, im_scheme_for (name));
  else if (g_str_equal (name, "LANG"))
    _lia_card_add_item (c, c->languages, text_value (attr), pref_of (attr), LIA_CONTACT_POINT_KIND_OTHER);
  else if (g_str_equal (name, "TZ"))
    {
      g_autofree char *text = text_value (attr);
      g_autoptr(GTimeZone) zone = NULL;

      if (c->tz == NULL && text[0] != '\0' && !is_offset (text) &&
          (zone = g_time_zone_new_identifier (text)) != NULL)
        {
          c->tz = g_steal_pointer (&text);
        }
      else if (text[0] != '\0')
        {
          /* An offset, or a zone no one knows ("London/Europe"): nothing a calendar can use. */
          c->tz_unusable = TRUE;
          _lia_import_not_kept (c->import, "TZ");
        }
    }
  else if (g_str_equal (name, "NOTE"))
    {
      g_autofree char *text = text_value (attr);
      if (!lia_text_is_blank (text))
        g_ptr_array_add (c->notes, g_steal_pointer (&text));
    }
  else if (g_str_equal (name, "CATEGORIES"))
    read_categories (c, attr);
  else if (g_str_equal (name, "URL"))
    _lia_card_add_item (c, c->urls, text_value (attr), pref_of (attr), LIA_CONTACT_POINT_KIND_OTHER);
  else if (g_str_equal (name, "UID"))
    {
      g_autofree char *text = text_value (attr);
      if (c->uid == NULL && text[0] != '\0')
        c->uid = g_steal_pointer (&text);
    }
  else if (g_str_equal (name, "KIND") || g_str_equal (name, "X-ADDRESSBOOKSERVER-KIND"))
    {
      g_autofree char *text = text_value (attr);
      if (g_ascii_strcasecmp (text, "org") == 0 || g_ascii_strcasecmp (text, "organization") == 0)
        c->is_organization = TRUE;
      else if (text[0] != '\0' && g_ascii_strcasecmp (text, "individual") != 0)
        _lia_import_not_kept (c->import, "KIND");
    }
  else if (!is_bookkeeping (name))
    _lia_import_not_kept (c->import, name);
}

/* Whether the card is an organization's: KIND:org (4.0), Apple's X-ABShowAs:COMPANY, or a
 * card with an ORG and no name of a person at all (Evolution's company cards). */
static gboolean
is_organization_card (EVCard *vcard)
{
  gboolean has_person_name = FALSE;
  gboolean has_org = FALSE;

  for (GList *l = e_vcard_get_attributes (vcard); l != NULL; l = l->next)
    {
      EVCardAttribute *attr = l->data;
      const char *name = e_vcard_attribute_get_name (attr);
      g_autofree char *value = NULL;

      if (g_ascii_strncasecmp (name, "X-ABSHOWAS", 10) == 0 ||
          g_ascii_strcasecmp (name, "KIND") == 0 || g_ascii_strcasecmp (name, "X-ADDRESSBOOKSERVER-KIND") == 0)
        {
          value = joined_values (attr, ";");
          if (g_ascii_strcasecmp (value, "COMPANY") == 0 || g_ascii_strcasecmp (value, "org") == 0 ||
              g_ascii_strcasecmp (value, "organization") == 0)
            return TRUE;
        }
      else if (g_ascii_strcasecmp (name, "FN") == 0 || g_ascii_strcasecmp (name, "N") == 0)
        {
          value = joined_values (attr, "");
          has_person_name |= value[0] != '\0';
        }
      else if (g_ascii_strcasecmp (name, "ORG") == 0)
        {
          value = joined_values (attr, "");
          has_org |= value[0] != '\0';
        }
    }

  return has_org && !has_person_name;
}

static gboolean
has_name_part (LiaCard *c)
{
  for (guint i = 0; i < N_PARTS; i++)
    if (c->n[i] != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
read_card (LiaCardRun   *run,
           LiaVCardText *text)
{
  g_autoptr(EVCard) vcard = e_vcard_new_from_string (text->text);
  Reading r = { NULL, 0, NULL, NULL };
  GList *attributes;
  gboolean same_count;
  guint position = 0;
  LiaCard c;
  gboolean ok;

  _lia_card_init (&c, run);
  c.line = text->line;
  c.column = 1;
  r.card = &c;
  r.labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  r.labelled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  c.is_organization = is_organization_card (vcard);

  /* Apple's labels first: they may come after the property they name. */
  for (GList *l = e_vcard_get_attributes (vcard); l != NULL; l = l->next)
    {
      EVCardAttribute *attr = l->data;
      const char *group = e_vcard_attribute_get_group (attr);

      if (group != NULL && g_ascii_strcasecmp (e_vcard_attribute_get_name (attr), "X-ABLABEL") == 0)
        g_hash_table_replace (r.labels, g_ascii_strdown (group, -1), text_value (attr));
    }

  /* EVCard keeps the properties in the order of the text, one each: the i-th is on the i-th
   * line noted. Should it ever not, messages point at the card. */
  attributes = e_vcard_get_attributes (vcard);
  same_count = g_list_length (attributes) == text->lines->len;
  for (GList *l = attributes; l != NULL; l = l->next, position++)
    {
      EVCardAttribute *attr = l->data;
      g_autofree char *name = g_ascii_strup (e_vcard_attribute_get_name (attr), -1);

      r.line = same_count ? g_array_index (text->lines, guint, position) : text->line;
      read_attribute (&r, attr, name);
    }

  /* A label that named nothing Liaison keeps is lost with its property. */
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, r.labels);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      if (!g_hash_table_contains (r.labelled, key))
        _lia_import_not_kept (c.import, "X-ABLABEL");
  }

  /* Phones write cards with an address or a number and no name: that is what people see of
   * them in their address book too. */
  if (!c.is_organization && c.fn == NULL && !has_name_part (&c))
    {
      if (c.emails->len > 0)
        c.fn = g_strdup (g_array_index (c.emails, LiaCardItem, 0).value);
      else if (c.phones->len > 0)
        c.fn = g_strdup (g_array_index (c.phones, LiaCardItem, 0).value);
    }

  /* An organization's card names it in FN or ORG; a person's ORG is where they work. */
  if (c.is_organization && c.fn == NULL && c.orgs->len > 0)
    c.fn = g_strdup (((char **) g_ptr_array_index (c.orgs, 0))[0]);
  if (c.is_organization && c.orgs->len > 0)
    {
      char **org = g_ptr_array_index (c.orgs, 0);
      for (guint i = 1; org[i] != NULL; i++)
        _lia_import_not_kept (c.import, "ORG (unit)");
    }

  ok = _lia_card_store (&c);

  _lia_card_clear (&c);
  g_hash_table_unref (r.labels);
  g_hash_table_unref (r.labelled);
  return ok;
}

/* The whole file, as text: converted when it has a byte order mark or is UTF-16, else the
 * bytes as they are (each line is decoded by itself: a file may mix charsets). */
static char *
read_all (LiaImport *import,
          gsize     *out_len)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *charset = NULL;
  g_autofree char *text = NULL;
  guint8 buffer[64 * 1024];
  gssize n;

  while ((n = g_input_stream_read (import->stream, buffer, sizeof buffer, import->cancellable,
                                   import->error == NULL ? &import->error : NULL)) > 0)
    {
      if (bytes->len + (gsize) n > LIA_VCARD_MAX_FILE_SIZE)
        {
          _lia_import_xml_problem (import, 0, 0, _("The file is larger than 256 MB: that is not an address book."));
          return NULL;
        }
      g_byte_array_append (bytes, buffer, (guint) n);
    }
  if (n < 0)
    {
      import->stopped = TRUE;
      return NULL;
    }

  text = _lia_charset_to_utf8 ((const char *) bytes->data, bytes->len, NULL, &charset, NULL);
  if (text != NULL && (g_str_has_prefix (charset, "UTF-16") || g_str_has_prefix (charset, "UTF-32") ||
                       (bytes->len >= 3 && memcmp (bytes->data, "\xEF\xBB\xBF", 3) == 0)))
    {
      *out_len = strlen (text);
      return g_steal_pointer (&text);
    }

  *out_len = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}

gboolean
_lia_vcard_read (LiaImport *import)
{
  g_autoptr(GPtrArray) cards = NULL;
  g_autofree char *data = NULL;
  LiaCardRun run;
  gsize len = 0;

  if (!(data = read_all (import, &len)))
    return FALSE;
  if (!(cards = _lia_vcard_split (import, data, len)))
    return FALSE;

  _lia_card_run_init (&run, import, "vcard-");
  for (guint i = 0; i < cards->len && !import->stopped; i++)
    read_card (&run, g_ptr_array_index (cards, i));
  _lia_card_run_clear (&run);

  return !import->failed && !import->stopped;
}
