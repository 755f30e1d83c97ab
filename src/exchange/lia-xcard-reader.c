/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-xcard-private.h"
#include "lia-store-bulk.h"

/*
 * xCard, RFC 6351 (docs/xcard.md has the mapping).
 *
 * Like the partner directory, each <vcard> is expanded into a small tree of its own, read, and
 * freed when the reader moves on. xCard has many properties Liaison does not keep (birthdays,
 * photos, keys, …): those are skipped without a word. Elements of other namespaces are counted
 * as ignored.
 *
 * xCard has no references between records, so records are matched differently: a contact by
 * its uid, then by its first email address; an organization by its uid, then by its name. A
 * record found that way keeps its uid and every field that xCard does not carry (assessment,
 * preferred channel, sector, …); the fields xCard carries are replaced by the file's.
 */

/* Building records */

static char **
sorted_values (GArray *items)
{
  char **values = g_new0 (char *, items->len + 1);

  g_array_sort (items, _lia_xcard_compare_items);
  for (guint i = 0; i < items->len; i++)
    values[i] = g_strdup (g_array_index (items, Item, i).value);
  return values;
}

static const char *
first_value (GArray *items)
{
  if (items->len == 0)
    return NULL;
  g_array_sort (items, _lia_xcard_compare_items);
  return g_array_index (items, Item, 0).value;
}

/* The notes, then each web address (from @first_url on) that they do not mention yet: a
 * contact has no field for a website, and a second import must find the same text. */
static char *
notes_with_urls (Card  *c,
                 guint  first_url)
{
  GString *notes = g_string_new (NULL);

  for (guint i = 0; i < c->notes->len; i++)
    {
      if (notes->len > 0)
        g_string_append (notes, "\n\n");
      g_string_append (notes, g_ptr_array_index (c->notes, i));
    }

  g_array_sort (c->urls, _lia_xcard_compare_items);
  for (guint i = first_url; i < c->urls->len; i++)
    {
      const char *url = g_array_index (c->urls, Item, i).value;

      if (strstr (notes->str, url) != NULL)
        continue;
      if (notes->len > 0)
        g_string_append_c (notes, '\n');
      g_string_append (notes, url);
    }

  return g_string_free (notes, FALSE);
}

static const char * const *
tags_of (Card *c)
{
  if (c->tags->len == 0 || g_ptr_array_index (c->tags, c->tags->len - 1) != NULL)
    g_ptr_array_add (c->tags, NULL);
  return (const char * const *) c->tags->pdata;
}

static LiaContact *
build_contact (Card *c)
{
  LiaContact *self = lia_contact_new (NULL, NULL);
  g_autofree char *given = NULL;
  g_autofree char *notes = NULL;
  g_auto(GStrv) languages = NULL;

  /* Liaison has no field for middle names: they belong with the given name. */
  if (c->n[N_GIVEN] != NULL && c->n[N_ADDITIONAL] != NULL)
    given = g_strconcat (c->n[N_GIVEN], " ", c->n[N_ADDITIONAL], NULL);
  else
    given = g_strdup (c->n[N_GIVEN] != NULL ? c->n[N_GIVEN] : c->n[N_ADDITIONAL]);

  lia_contact_set_honorific (self, c->n[N_PREFIX]);
  lia_contact_set_given_name (self, given);
  lia_contact_set_family_name (self, c->n[N_SURNAME]);
  lia_contact_set_suffix (self, c->n[N_SUFFIX]);
  /* The display name is kept only where it says more than the parts of the name. */
  if (c->fn != NULL && !g_str_equal (c->fn, lia_contact_get_display_name (self)))
    lia_contact_set_display_name (self, c->fn);

  lia_contact_set_job_title (self, c->title);

  g_array_sort (c->emails, _lia_xcard_compare_items);
  for (guint i = 0; i < c->emails->len; i++)
    lia_contact_add_email (self, g_array_index (c->emails, Item, i).kind,
                           g_array_index (c->emails, Item, i).value);
  g_array_sort (c->phones, _lia_xcard_compare_items);
  for (guint i = 0; i < c->phones->len; i++)
    lia_contact_add_phone (self, g_array_index (c->phones, Item, i).kind,
                           g_array_index (c->phones, Item, i).value);

  languages = sorted_values (c->languages);
  lia_contact_set_languages (self, (const char * const *) languages);
  lia_contact_set_time_zone (self, c->tz);
  notes = notes_with_urls (c, 0);
  lia_contact_set_notes (self, notes);
  lia_contact_set_tags (self, tags_of (c));

  return self;
}

/* Gives @target, a contact of the database, what the file says of it, and keeps the rest. */
static void
apply_contact (Card       *c,
               LiaContact *target,
               LiaContact *parsed)
{
  GListModel *emails = lia_contact_get_emails (parsed);
  GListModel *phones = lia_contact_get_phones (parsed);
  g_autofree char *display_name = g_strdup (lia_contact_get_explicit_display_name (parsed));

  /* A display name someone typed that the parts would give anyway is still theirs. */
  if (display_name[0] == '\0' && c->fn != NULL &&
      g_str_equal (lia_contact_get_explicit_display_name (target), c->fn))
    {
      g_free (display_name);
      display_name = g_strdup (c->fn);
    }

  lia_contact_set_honorific (target, lia_contact_get_honorific (parsed));
  lia_contact_set_given_name (target, lia_contact_get_given_name (parsed));
  lia_contact_set_family_name (target, lia_contact_get_family_name (parsed));
  lia_contact_set_suffix (target, lia_contact_get_suffix (parsed));
  lia_contact_set_display_name (target, display_name);
  lia_contact_set_job_title (target, lia_contact_get_job_title (parsed));
  if (c->tz != NULL || !c->tz_unusable)
    lia_contact_set_time_zone (target, lia_contact_get_time_zone (parsed));
  lia_contact_set_notes (target, lia_contact_get_notes (parsed));
  lia_contact_set_languages (target, lia_contact_get_languages (parsed));
  lia_contact_set_tags (target, lia_contact_get_tags (parsed));

  lia_contact_clear_emails (target);
  for (guint i = 0; i < g_list_model_get_n_items (emails); i++)
    {
      g_autoptr(LiaContactPoint) point = g_list_model_get_item (emails, i);
      lia_contact_add_email (target, lia_contact_point_get_kind (point), lia_contact_point_get_value (point));
    }
  lia_contact_clear_phones (target);
  for (guint i = 0; i < g_list_model_get_n_items (phones); i++)
    {
      g_autoptr(LiaContactPoint) point = g_list_model_get_item (phones, i);
      lia_contact_add_phone (target, lia_contact_point_get_kind (point), lia_contact_point_get_value (point));
    }
}

static LiaOrganization *
build_organization (Card *c)
{
  const char *name = c->fn != NULL ? c->fn : (c->org != NULL ? c->org[0] : NULL);
  LiaOrganization *self = lia_organization_new (name);
  g_autofree char *street = NULL;
  g_autofree char *notes = NULL;

  /* The extended address (suite, floor) is a line of the street address; a post office box
   * has no field. */
  if (c->adr[ADR_STREET] != NULL && c->adr[ADR_EXT] != NULL)
    street = g_strconcat (c->adr[ADR_STREET], "\n", c->adr[ADR_EXT], NULL);
  else
    street = g_strdup (c->adr[ADR_STREET] != NULL ? c->adr[ADR_STREET] : c->adr[ADR_EXT]);

  lia_organization_set_street (self, street);
  lia_organization_set_locality (self, c->adr[ADR_LOCALITY]);
  lia_organization_set_region (self, c->adr[ADR_REGION]);
  lia_organization_set_postal_code (self, c->adr[ADR_CODE]);
  lia_organization_set_address_country (self, c->adr[ADR_COUNTRY]);
  lia_organization_set_email (self, first_value (c->emails));
  lia_organization_set_phone (self, first_value (c->phones));
  lia_organization_set_website (self, first_value (c->urls));
  notes = notes_with_urls (c, 1);
  lia_organization_set_notes (self, notes);
  lia_organization_set_tags (self, tags_of (c));

  return self;
}

static void
apply_organization (LiaOrganization *target,
                    LiaOrganization *parsed)
{
  lia_organization_set_name (target, lia_organization_get_name (parsed));
  lia_organization_set_street (target, lia_organization_get_street (parsed));
  lia_organization_set_locality (target, lia_organization_get_locality (parsed));
  lia_organization_set_region (target, lia_organization_get_region (parsed));
  lia_organization_set_postal_code (target, lia_organization_get_postal_code (parsed));
  lia_organization_set_address_country (target, lia_organization_get_address_country (parsed));
  lia_organization_set_email (target, lia_organization_get_email (parsed));
  lia_organization_set_phone (target, lia_organization_get_phone (parsed));
  lia_organization_set_website (target, lia_organization_get_website (parsed));
  lia_organization_set_notes (target, lia_organization_get_notes (parsed));
  lia_organization_set_tags (target, lia_organization_get_tags (parsed));
}

/* Matching and storing */

/* The file's uid when Liaison can use it as an id; otherwise one made from it, the same every
 * time, so that importing the file again finds the record. */
static char *
uid_for_card (Card *c)
{
  g_autofree char *checksum = NULL;

  if (c->uid == NULL)
    return NULL;
  if (_lia_import_valid_id (c->uid))
    return g_strdup (c->uid);

  checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA1, c->uid, -1);
  return g_strconcat ("xcard-", checksum, NULL);
}

/* "World Health Organization" → "org-world-health-organization". A name that does not spell
 * out in ASCII gets a checksum too, so that two such names do not meet. */
static char *
uid_for_organization_name (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  GString *uid = g_string_new ("org-");
  gboolean lost = strchr (ascii, '?') != NULL && strchr (name, '?') == NULL;
  gboolean dash = FALSE;

  for (const char *p = ascii; *p != '\0' && uid->len < 100; p++)
    {
      if (!g_ascii_isalnum (*p))
        {
          dash = TRUE;
          continue;
        }
      if (dash && uid->len > 4)
        g_string_append_c (uid, '-');
      g_string_append_c (uid, g_ascii_tolower (*p));
      dash = FALSE;
    }

  if (lost || uid->len == 4)
    {
      g_autofree char *folded = g_utf8_casefold (name, -1);
      g_autofree char *checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA1, folded, -1);

      if (uid->len > 4)
        g_string_append_c (uid, '-');
      g_string_append_len (uid, checksum, 12);
    }

  return g_string_free (uid, FALSE);
}

/* The organization a person's <org> names: one of that name, else the one this importer made
 * for that name before (it may have been renamed since), else a new one. 0 when the import
 * must stop. */
static gint64
organization_for_name (Card       *c,
                       const char *name)
{
  LiaImport *import = c->import;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(LiaOrganization) organization = NULL;
  g_autofree char *uid = NULL;
  GError *error = NULL;
  gint64 id;

  if (!(ids = lia_store_find_organizations_by_name (import->store, name, &error)))
    {
      _lia_import_fail (import, error);
      return 0;
    }
  if (ids->len > 0)
    return g_array_index (ids, gint64, 0);

  uid = uid_for_organization_name (name);
  if (!_lia_import_find (import, LIA_RECORD_KIND_ORGANIZATION, uid, &id))
    return 0;
  if (id > 0)
    return id;

  /* Stored directly, not merged: an organization vCard further on may still merge into it. */
  organization = lia_organization_new (name);
  lia_record_set_uid (LIA_RECORD (organization), uid);
  if (!lia_store_save (import->store, LIA_RECORD (organization), &error))
    {
      _lia_import_fail (import, error);
      return 0;
    }

  id = lia_record_get_id (LIA_RECORD (organization));
  g_hash_table_add (c->xcard->implicit_organizations, g_memdup2 (&id, sizeof id));
  _lia_import_count (import, LIA_RECORD_KIND_ORGANIZATION, LIA_IMPORT_CREATED);
  return id;
}

/* The person works at the organization: a current affiliation says so, or is made. */
static gboolean
store_affiliation (Card      *c,
                   LiaRecord *contact)
{
  LiaImport *import = c->import;
  gint64 contact_id = lia_record_get_id (contact);
  g_autoptr(GPtrArray) affiliations = NULL;
  g_autoptr(LiaAffiliation) affiliation = NULL;
  g_autoptr(GDate) today = lia_date_new_today ();
  GError *error = NULL;
  gint64 organization_id;

  if (!(organization_id = organization_for_name (c, c->org[0])))
    return FALSE;

  if (!(affiliations = lia_store_list_affiliations_for_contact (import->store, contact_id, &error)))
    {
      _lia_import_fail (import, error);
      return FALSE;
    }

  for (guint i = 0; i < affiliations->len && affiliation == NULL; i++)
    {
      LiaAffiliation *existing = g_ptr_array_index (affiliations, i);

      if (lia_affiliation_get_organization_id (existing) == organization_id &&
          lia_affiliation_is_current_on (existing, today))
        affiliation = g_object_ref (existing);
    }

  if (affiliation != NULL)
    {
      /* A role the file does not give is not taken away. */
      if (c->role != NULL)
        lia_affiliation_set_role (affiliation, c->role);
    }
  else
    {
      affiliation = lia_affiliation_new (contact_id, organization_id, c->role);
      lia_affiliation_set_primary (affiliation, affiliations->len == 0);
    }

  return _lia_import_merge (import, LIA_RECORD (affiliation), c->node);
}

static gboolean
load_into (Card       *c,
           LiaRecordKind kind,
           gint64      id,
           LiaRecord **out_record)
{
  GError *error = NULL;

  if (!(*out_record = lia_store_load (c->import->store, kind, id, &error)))
    {
      _lia_import_fail (c->import, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
store_contact (Card *c)
{
  LiaImport *import = c->import;
  g_autoptr(LiaContact) parsed = build_contact (c);
  g_autoptr(LiaRecord) record = NULL;
  g_autofree char *uid = uid_for_card (c);
  gint64 id = 0;

  if (lia_text_is_blank (lia_contact_get_display_name (parsed)))
    {
      _lia_import_problem (import, c->node, NULL, _("vCard %u has no fn (formatted name)."), c->index);
      return !import->stopped;
    }

  if (uid != NULL && !_lia_import_find (import, LIA_RECORD_KIND_CONTACT, uid, &id))
    return FALSE;

  /* Without a known uid, the first email address finds the person; one this file already
   * gave is someone else with the same address. */
  if (id == 0 && c->emails->len > 0)
    {
      g_autoptr(GArray) ids = NULL;
      GError *error = NULL;

      if (!(ids = lia_store_find_contacts_by_email (import->store, first_value (c->emails), &error)))
        {
          _lia_import_fail (import, error);
          return FALSE;
        }
      for (guint i = 0; i < ids->len && id == 0; i++)
        if (!_lia_import_is_touched (import, LIA_RECORD_KIND_CONTACT, g_array_index (ids, gint64, i)))
          id = g_array_index (ids, gint64, i);
    }

  if (id > 0)
    {
      if (!load_into (c, LIA_RECORD_KIND_CONTACT, id, &record))
        return FALSE;
      apply_contact (c, LIA_CONTACT (record), parsed);
    }
  else
    {
      record = LIA_RECORD (g_steal_pointer (&parsed));
      if (uid != NULL)
        lia_record_set_uid (record, uid);
    }

  if (!_lia_import_merge (import, record, c->node))
    return FALSE;

  /* After a problem nothing is kept: affiliations would only add noise to the report. */
  if (c->org != NULL && c->org[0] != NULL && lia_record_get_id (record) > 0 && !import->failed)
    return store_affiliation (c, record);

  return !import->stopped;
}

static gboolean
store_organization (Card *c)
{
  LiaImport *import = c->import;
  g_autoptr(LiaOrganization) parsed = build_organization (c);
  g_autoptr(LiaRecord) record = NULL;
  g_autofree char *uid = uid_for_card (c);
  gboolean by_name = FALSE;
  gint64 id = 0;

  if (lia_text_is_blank (lia_organization_get_name (parsed)))
    {
      _lia_import_problem (import, c->node, NULL, _("vCard %u has no fn (formatted name)."), c->index);
      return !import->stopped;
    }

  if (uid != NULL && !_lia_import_find (import, LIA_RECORD_KIND_ORGANIZATION, uid, &id))
    return FALSE;

  if (id == 0)
    {
      g_autoptr(GArray) ids = NULL;
      GError *error = NULL;

      if (!(ids = lia_store_find_organizations_by_name (import->store, lia_organization_get_name (parsed), &error)))
        {
          _lia_import_fail (import, error);
          return FALSE;
        }
      for (guint i = 0; i < ids->len && id == 0; i++)
        if (!_lia_import_is_touched (import, LIA_RECORD_KIND_ORGANIZATION, g_array_index (ids, gint64, i)))
          id = g_array_index (ids, gint64, i);
      by_name = id > 0;
    }

  if (id > 0)
    {
      if (!load_into (c, LIA_RECORD_KIND_ORGANIZATION, id, &record))
        return FALSE;
      apply_organization (LIA_ORGANIZATION (record), parsed);

      /* Made a moment ago for a person's <org>: the organization's own vCard names it. */
      if (by_name && uid != NULL && g_hash_table_remove (c->xcard->implicit_organizations, &id))
        lia_record_set_uid (record, uid);
    }
  else
    {
      record = LIA_RECORD (g_steal_pointer (&parsed));
      if (uid != NULL)
        lia_record_set_uid (record, uid);
    }

  return _lia_import_merge (import, record, c->node);
}

static gboolean
read_card (XCard   *xcard,
           xmlNode *node)
{
  LiaImport *import = xcard->import;
  Card c = { 0, };
  gboolean ok = TRUE;

  c.xcard = xcard;
  c.import = import;
  c.node = node;
  c.index = ++xcard->n_cards;
  c.adr_pref = NO_PREF;
  c.emails = _lia_xcard_item_array_new ();
  c.phones = _lia_xcard_item_array_new ();
  c.languages = _lia_xcard_item_array_new ();
  c.urls = _lia_xcard_item_array_new ();
  c.notes = g_ptr_array_new_with_free_func (g_free);
  c.tags = g_ptr_array_new_with_free_func (g_free);

  _lia_import_progress (import);

  _lia_xcard_read_properties (&c, node);

  if (!import->stopped && !c.bad)
    ok = c.is_organization ? store_organization (&c) : store_contact (&c);

  _lia_xcard_clear_card (&c);
  return ok && !import->stopped;
}

/* The root is a <vcard> of its own: one card, and nothing after it. */
static void
read_bare_card (XCard *xcard)
{
  LiaImport *import = xcard->import;
  xmlNode *node = xmlTextReaderExpand (import->reader);
  int ret;

  if (node == NULL)
    {
      if (!import->failed && import->error == NULL)
        _lia_import_xml_problem (import, (guint) xmlTextReaderGetParserLineNumber (import->reader), 0,
                                 _("The file ends before the vCard does: it was probably cut off."));
      return;
    }

  import->root_closed = TRUE;
  read_card (xcard, node);

  /* What follows the card is only read for the problems the parser finds in it. */
  while (!import->stopped && (ret = xmlTextReaderNext (import->reader)) == 1)
    ;
  if (!import->stopped && ret < 0 && !import->failed && import->error == NULL)
    _lia_import_xml_problem (import, (guint) xmlTextReaderGetParserLineNumber (import->reader), 0,
                             _("The file could not be read to the end."));
}

static void
record_cb (LiaImport *import,
           xmlNode   *node,
           gpointer   user_data)
{
  if (_lia_xcard_is (node, "vcard"))
    read_card (user_data, node);
  else if (_lia_xcard_is (node, NULL))
    _lia_import_problem (import, node, NULL,
                         _("An xCard file holds <vcard> elements, not <%s>."),
                         (const char *) node->name);
  else
    _lia_import_ignore (import);
}

gboolean
_lia_xcard_read (LiaImport *import)
{
  XCard xcard = { import, NULL, 0 };

  xcard.implicit_organizations = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  import->root_is_vcards = TRUE;

  if (g_strcmp0 ((const char *) xmlTextReaderConstLocalName (import->reader), "vcard") == 0)
    read_bare_card (&xcard);
  else
    _lia_import_read_records (import, record_cb, &xcard,
                              _("An xCard file holds vCards, not text: there is text between two vCards."),
                              _("The file ends before the list of vCards does: it was probably cut off."));

  g_hash_table_unref (xcard.implicit_organizations);

  return !import->failed && !import->stopped;
}
