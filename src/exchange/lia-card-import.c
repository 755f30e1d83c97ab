/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-card-import.h"
#include "lia-store-bulk.h"

/*
 * Storing an address-book card, whatever its format (docs/vcard.md has the matching rules).
 *
 * A card has no references to other records, so it is matched differently from the partner
 * directory: see lia-card-import.h. A record found that way keeps its uid and every field that
 * the card does not carry (assessment, preferred channel, sector, …); the fields the card
 * carries are replaced by the file's.
 */

/* Cards and their values */

static void
clear_item (gpointer data)
{
  g_free (((LiaCardItem *) data)->value);
}

GArray *
_lia_card_item_array_new (void)
{
  GArray *array = g_array_new (FALSE, TRUE, sizeof (LiaCardItem));

  g_array_set_clear_func (array, clear_item);
  return array;
}

int
_lia_card_compare_items (gconstpointer a,
                         gconstpointer b)
{
  const LiaCardItem *x = a;
  const LiaCardItem *y = b;

  if (x->pref != y->pref)
    return x->pref < y->pref ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

void
_lia_card_add_item (LiaCard             *c,
                    GArray              *items,
                    char                *value,
                    int                  pref,
                    LiaContactPointKind  kind)
{
  LiaCardItem item = { value, pref, c->order++, kind };

  if (value == NULL || lia_text_is_blank (value))
    {
      g_free (value);
      return;
    }
  g_array_append_val (items, item);
}

void
_lia_card_add_org (LiaCard            *c,
                   const char * const *name_and_units)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; name_and_units != NULL && name_and_units[i] != NULL; i++)
    {
      g_autofree char *part = g_strstrip (g_strdup (name_and_units[i]));

      /* A blank name with units ("ORG:;Sales") still names no organization. */
      if (part[0] != '\0')
        g_ptr_array_add (parts, g_steal_pointer (&part));
      else if (i == 0)
        break;
    }

  /* The same organization twice (two ORG lines, an ORG in a group) is one affiliation. */
  for (guint i = 0; i < c->orgs->len && parts->len > 0; i++)
    if (g_utf8_collate (((char **) g_ptr_array_index (c->orgs, i))[0], g_ptr_array_index (parts, 0)) == 0)
      g_ptr_array_set_size (parts, 0);

  if (parts->len == 0)
    {
      g_ptr_array_unref (parts);
      return;
    }
  g_ptr_array_set_free_func (parts, NULL);
  g_ptr_array_add (parts, NULL);
  g_ptr_array_add (c->orgs, g_ptr_array_free (parts, FALSE));
}

void
_lia_card_add_address (LiaCard          *c,
                       LiaPostalAddress *address,
                       int               pref)
{
  guint i;

  if (lia_postal_address_is_empty (address))
    {
      g_object_unref (address);
      return;
    }

  /* After those of the same or a better pref: the file's order otherwise. */
  for (i = 0; i < c->address_prefs->len && g_array_index (c->address_prefs, int, i) <= pref; i++)
    ;
  g_ptr_array_insert (c->addresses, i, address);
  g_array_insert_val (c->address_prefs, i, pref);
}

char *
_lia_card_birthday (const char *vcard_date)
{
  g_autofree char *digits = NULL;
  g_autofree char *iso = NULL;
  const char *t;
  GString *kept;

  if (vcard_date == NULL)
    return NULL;

  /* Only the date part counts; hyphens are optional in vCard 4 and 3. */
  t = vcard_date;
  while (g_ascii_isspace (*t))
    t++;
  kept = g_string_new (NULL);
  if (g_str_has_prefix (t, "--") && !g_str_has_prefix (t, "---"))
    {
      g_string_append (kept, "--");
      t += 2;
    }
  for (; *t != '\0' && *t != 'T' && *t != 't' && !g_ascii_isspace (*t); t++)
    {
      if (g_ascii_isdigit (*t))
        g_string_append_c (kept, *t);
      else if (*t != '-')
        {
          g_string_free (kept, TRUE);
          return NULL;
        }
    }
  digits = g_string_free (kept, FALSE);

  if (strlen (digits) == 8 && g_ascii_isdigit (digits[0]))
    iso = g_strdup_printf ("%.4s-%.2s-%.2s", digits, digits + 4, digits + 6);
  else if (strlen (digits) == 6 && g_str_has_prefix (digits, "--"))
    iso = g_strdup_printf ("--%.2s-%.2s", digits + 2, digits + 4);

  if (iso == NULL || !lia_contact_birthday_is_valid (iso))
    return NULL;
  return g_steal_pointer (&iso);
}

gboolean
_lia_card_set_photo_uri (LiaCard    *c,
                         const char *uri)
{
  const char *comma;
  g_autofree char *header = NULL;
  g_auto(GStrv) params = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gboolean base64 = FALSE;

  if (uri == NULL || g_ascii_strncasecmp (uri, "data:", 5) != 0 || !(comma = strchr (uri, ',')))
    return FALSE;

  header = g_strndup (uri + 5, comma - (uri + 5));
  params = g_strsplit (header, ";", -1);
  for (guint i = 1; params[i] != NULL; i++)
    if (g_ascii_strcasecmp (params[i], "base64") == 0)
      base64 = TRUE;
  if (params[0] == NULL || g_ascii_strncasecmp (params[0], "image/", 6) != 0 || params[0][6] == '\0')
    return FALSE;

  if (base64)
    {
      gsize size = 0;
      guchar *data;

      for (const char *p = comma + 1; *p != '\0'; p++)
        if (!g_ascii_isalnum (*p) && *p != '+' && *p != '/' && *p != '=' && !g_ascii_isspace (*p))
          return FALSE;
      data = g_base64_decode (comma + 1, &size);
      bytes = g_bytes_new_take (data, size);
    }
  else
    {
      bytes = g_uri_unescape_bytes (comma + 1, -1, NULL, NULL);
    }

  if (bytes == NULL || g_bytes_get_size (bytes) == 0)
    return FALSE;

  g_clear_pointer (&c->photo, g_bytes_unref);
  g_free (c->photo_type);
  c->photo = g_steal_pointer (&bytes);
  c->photo_type = g_ascii_strdown (params[0], -1);
  return TRUE;
}

void
_lia_card_run_init (LiaCardRun *run,
                    LiaImport  *import,
                    const char *uid_prefix)
{
  memset (run, 0, sizeof *run);
  run->import = import;
  run->uid_prefix = uid_prefix;
  run->implicit_organizations = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

void
_lia_card_run_clear (LiaCardRun *run)
{
  g_clear_pointer (&run->implicit_organizations, g_hash_table_unref);
  g_clear_pointer (&run->phones, g_hash_table_unref);
}

void
_lia_card_init (LiaCard    *c,
                LiaCardRun *run)
{
  memset (c, 0, sizeof *c);
  c->run = run;
  c->import = run->import;
  c->index = ++run->n_cards;
  c->adr_pref = NO_PREF;
  c->titles = g_ptr_array_new_with_free_func (g_free);
  c->orgs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  c->emails = _lia_card_item_array_new ();
  c->phones = _lia_card_item_array_new ();
  c->languages = _lia_card_item_array_new ();
  c->urls = _lia_card_item_array_new ();
  c->notes = g_ptr_array_new_with_free_func (g_free);
  c->tags = g_ptr_array_new_with_free_func (g_free);
  c->addresses = g_ptr_array_new_with_free_func (g_object_unref);
  c->address_prefs = g_array_new (FALSE, FALSE, sizeof (int));
  c->ims = _lia_card_item_array_new ();

  _lia_import_progress (run->import);
}

void
_lia_card_clear (LiaCard *c)
{
  g_free (c->fn);
  g_free (c->role);
  g_free (c->uid);
  g_free (c->tz);
  for (guint i = 0; i < N_PARTS; i++)
    g_free (c->n[i]);
  for (guint i = 0; i < ADR_PARTS; i++)
    g_free (c->adr[i]);
  g_ptr_array_unref (c->titles);
  g_ptr_array_unref (c->orgs);
  g_array_unref (c->emails);
  g_array_unref (c->phones);
  g_array_unref (c->languages);
  g_array_unref (c->urls);
  g_ptr_array_unref (c->notes);
  g_ptr_array_unref (c->tags);
  g_ptr_array_unref (c->addresses);
  g_array_unref (c->address_prefs);
  g_array_unref (c->ims);
  g_free (c->nickname);
  g_free (c->birthday);
  g_clear_pointer (&c->photo, g_bytes_unref);
  g_free (c->photo_type);
}

/* Problems say which vCard, counting from 1: the file may have no uids to name them by. */
void
_lia_card_problem (LiaCard    *c,
                   xmlNode    *node,
                   const char *format,
                   ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  c->bad = TRUE;
  c->import->record_line = c->line;
  c->import->record_column = c->column;
  if (c->run->card_noun != NULL)
    _lia_import_problem (c->import, node, NULL, "%s %u: %s", c->run->card_noun, c->index, message);
  else
    _lia_import_problem (c->import, node, NULL, _("vCard %u: %s"), c->index, message);
}

/* Building records */

static char **
sorted_values (GArray *items)
{
  char **values = g_new0 (char *, items->len + 1);

  g_array_sort (items, _lia_card_compare_items);
  for (guint i = 0; i < items->len; i++)
    values[i] = g_strdup (g_array_index (items, LiaCardItem, i).value);
  return values;
}

static const char *
first_value (GArray *items)
{
  if (items->len == 0)
    return NULL;
  g_array_sort (items, _lia_card_compare_items);
  return g_array_index (items, LiaCardItem, 0).value;
}

/* The notes, then each web address (from @first_url on) that they do not mention yet: a
 * contact has no field for a website, and a second import must find the same text. */
static char *
notes_with_urls (LiaCard *c,
                 guint    first_url)
{
  GString *notes = g_string_new (NULL);

  for (guint i = 0; i < c->notes->len; i++)
    {
      if (notes->len > 0)
        g_string_append (notes, "\n\n");
      g_string_append (notes, g_ptr_array_index (c->notes, i));
    }

  g_array_sort (c->urls, _lia_card_compare_items);
  for (guint i = first_url; i < c->urls->len; i++)
    {
      const char *url = g_array_index (c->urls, LiaCardItem, i).value;

      if (strstr (notes->str, url) != NULL)
        continue;
      if (notes->len > 0)
        g_string_append_c (notes, '\n');
      g_string_append (notes, url);
    }

  return g_string_free (notes, FALSE);
}

static const char * const *
tags_of (LiaCard *c)
{
  if (c->tags->len == 0 || g_ptr_array_index (c->tags, c->tags->len - 1) != NULL)
    g_ptr_array_add (c->tags, NULL);
  return (const char * const *) c->tags->pdata;
}

static const char *
first_title (LiaCard *c)
{
  return c->titles->len > 0 ? g_ptr_array_index (c->titles, 0) : NULL;
}

static const char *
first_org (LiaCard *c)
{
  return c->orgs->len > 0 ? ((char **) g_ptr_array_index (c->orgs, 0))[0] : NULL;
}

static LiaContact *
build_contact (LiaCard *c)
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

  lia_contact_set_job_title (self, first_title (c));

  g_array_sort (c->emails, _lia_card_compare_items);
  for (guint i = 0; i < c->emails->len; i++)
    lia_contact_add_email (self, g_array_index (c->emails, LiaCardItem, i).kind,
                           g_array_index (c->emails, LiaCardItem, i).value);
  g_array_sort (c->phones, _lia_card_compare_items);
  for (guint i = 0; i < c->phones->len; i++)
    lia_contact_add_phone (self, g_array_index (c->phones, LiaCardItem, i).kind,
                           g_array_index (c->phones, LiaCardItem, i).value);

  languages = sorted_values (c->languages);
  lia_contact_set_languages (self, (const char * const *) languages);
  lia_contact_set_time_zone (self, c->tz);
  notes = notes_with_urls (c, c->urls->len);
  lia_contact_set_notes (self, notes);
  lia_contact_set_tags (self, tags_of (c));

  g_array_sort (c->urls, _lia_card_compare_items);
  for (guint i = 0; i < c->urls->len; i++)
    lia_contact_add_website (self, g_array_index (c->urls, LiaCardItem, i).kind,
                             g_array_index (c->urls, LiaCardItem, i).value);
  g_array_sort (c->ims, _lia_card_compare_items);
  for (guint i = 0; i < c->ims->len; i++)
    lia_contact_add_im (self, g_array_index (c->ims, LiaCardItem, i).kind,
                        g_array_index (c->ims, LiaCardItem, i).value);
  for (guint i = 0; i < c->addresses->len; i++)
    lia_contact_add_address (self, g_ptr_array_index (c->addresses, i));
  lia_contact_set_nickname (self, c->nickname);
  lia_contact_set_birthday (self, c->birthday);
  if (c->photo != NULL)
    lia_contact_set_photo (self, c->photo, c->photo_type);

  return self;
}

static void
copy_points (GListModel *from,
             LiaContact *to,
             void      (*add) (LiaContact *, LiaContactPointKind, const char *))
{
  for (guint i = 0; i < g_list_model_get_n_items (from); i++)
    {
      g_autoptr(LiaContactPoint) point = g_list_model_get_item (from, i);
      add (to, lia_contact_point_get_kind (point), lia_contact_point_get_value (point));
    }
}

/* Whether @addresses holds the same addresses as @contact has, in any order: a format with a
 * column per kind (CSV) cannot say in which order they came. */
static gboolean
same_addresses (LiaContact *contact,
                GPtrArray  *addresses)
{
  GListModel *existing = lia_contact_get_addresses (contact);
  guint n = g_list_model_get_n_items (existing);
  g_autofree gboolean *used = NULL;

  if (n != addresses->len)
    return FALSE;

  used = g_new0 (gboolean, n);
  for (guint i = 0; i < addresses->len; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < n && !found; j++)
        {
          g_autoptr(LiaPostalAddress) address = g_list_model_get_item (existing, j);

          if (!used[j] && lia_postal_address_equal (address, g_ptr_array_index (addresses, i)))
            used[j] = found = TRUE;
        }
      if (!found)
        return FALSE;
    }
  return TRUE;
}

/* Gives @target, a contact of the database, what the file says of it, and keeps the rest. */
static void
apply_contact (LiaCard    *c,
               LiaContact *target,
               LiaContact *parsed)
{
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

  /* Many formats (CSV exports, older vCards) have no place for these: a card without them
   * says nothing of them, and what the contact has stays. */
  if (!lia_text_is_blank (lia_contact_get_nickname (parsed)))
    lia_contact_set_nickname (target, lia_contact_get_nickname (parsed));
  if (!lia_text_is_blank (lia_contact_get_birthday (parsed)))
    lia_contact_set_birthday (target, lia_contact_get_birthday (parsed));

  lia_contact_clear_emails (target);
  copy_points (lia_contact_get_emails (parsed), target, lia_contact_add_email);
  lia_contact_clear_phones (target);
  copy_points (lia_contact_get_phones (parsed), target, lia_contact_add_phone);
  if (g_list_model_get_n_items (lia_contact_get_websites (parsed)) > 0)
    {
      lia_contact_clear_websites (target);
      copy_points (lia_contact_get_websites (parsed), target, lia_contact_add_website);
    }
  if (g_list_model_get_n_items (lia_contact_get_ims (parsed)) > 0)
    {
      lia_contact_clear_ims (target);
      copy_points (lia_contact_get_ims (parsed), target, lia_contact_add_im);
    }

  if (c->addresses->len > 0 && !same_addresses (target, c->addresses))
    {
      lia_contact_clear_addresses (target);
      for (guint i = 0; i < c->addresses->len; i++)
        lia_contact_add_address (target, g_ptr_array_index (c->addresses, i));
    }

  /* A card without a photo says nothing of it: the one the contact has stays. */
  if (c->photo != NULL)
    lia_contact_set_photo (target, c->photo, c->photo_type);
}

static LiaOrganization *
build_organization (LiaCard *c)
{
  const char *name = c->fn != NULL ? c->fn : first_org (c);
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

static char *
checksum_uid (LiaCard    *c,
              const char *text)
{
  g_autofree char *checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA1, text, -1);

  return g_strconcat (c->run->uid_prefix, checksum, NULL);
}

/* The file's uid when Liaison can use it as an id; otherwise one made from it, the same every
 * time, so that importing the file again finds the record. */
static char *
uid_for_card (LiaCard *c)
{
  if (c->uid == NULL)
    return NULL;
  if (_lia_import_valid_id (c->uid))
    return g_strdup (c->uid);
  return checksum_uid (c, c->uid);
}

/* A card without a uid, that matched nothing, gets one made from its name and first email
 * and phone: importing the same file again finds it by that uid, even a card with nothing
 * else to match by. */
static char *
uid_from_contents (LiaCard    *c,
                   const char *label)
{
  g_autofree char *key = g_strdup_printf ("%s\x1f%s\x1f%s\x1f%s", label,
                                          first_value (c->emails) ? first_value (c->emails) : "",
                                          first_value (c->phones) ? first_value (c->phones) : "",
                                          first_org (c) ? first_org (c) : "");
  return checksum_uid (c, key);
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

/* The organizations named @name: exactly (case aside) first, else accents aside too. NULL
 * when the import must stop. */
static GArray *
find_organizations (LiaImport  *import,
                    const char *name)
{
  GArray *ids;
  GError *error = NULL;

  if ((ids = lia_store_find_organizations_by_name (import->store, name, &error)) != NULL && ids->len == 0)
    {
      g_array_unref (ids);
      ids = lia_store_find_organizations_by_folded_name (import->store, name, &error);
    }
  if (ids == NULL)
    _lia_import_fail (import, error);
  return ids;
}

/* The organization a person's org names: one of that name, else the one this importer made
 * for that name before (it may have been renamed since), else a new one. 0 when the import
 * must stop. */
static gint64
organization_for_name (LiaCard    *c,
                       const char *name)
{
  LiaImport *import = c->import;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(LiaOrganization) organization = NULL;
  g_autofree char *uid = NULL;
  GError *error = NULL;
  gint64 id;

  if (!(ids = find_organizations (import, name)))
    return 0;
  if (ids->len > 0)
    return g_array_index (ids, gint64, 0);

  uid = uid_for_organization_name (name);
  if (!_lia_import_find (import, LIA_RECORD_KIND_ORGANIZATION, uid, &id))
    return 0;
  if (id > 0)
    return id;

  /* Stored directly, not merged: an organization card further on may still merge into it. */
  organization = lia_organization_new (name);
  lia_record_set_uid (LIA_RECORD (organization), uid);
  if (!lia_store_save (import->store, LIA_RECORD (organization), &error))
    {
      _lia_import_fail (import, error);
      return 0;
    }

  id = lia_record_get_id (LIA_RECORD (organization));
  g_hash_table_add (c->run->implicit_organizations, g_memdup2 (&id, sizeof id));
  _lia_import_count (import, LIA_RECORD_KIND_ORGANIZATION, LIA_IMPORT_CREATED);
  return id;
}

/* The person works at the organization @org (its name, then its units): a current
 * affiliation says so, or is made. */
static gboolean
store_affiliation (LiaCard    *c,
                   LiaRecord  *contact,
                   char      **org,
                   const char *role)
{
  LiaImport *import = c->import;
  gint64 contact_id = lia_record_get_id (contact);
  g_autoptr(GPtrArray) affiliations = NULL;
  g_autoptr(LiaAffiliation) affiliation = NULL;
  g_autoptr(GDate) today = lia_date_new_today ();
  g_autofree char *unit = NULL;
  GError *error = NULL;
  gint64 organization_id;

  if (!(organization_id = organization_for_name (c, org[0])))
    return FALSE;

  unit = org[1] != NULL ? g_strjoinv (", ", org + 1) : NULL;

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
      if (role != NULL)
        lia_affiliation_set_role (affiliation, role);
      if (unit != NULL)
        lia_affiliation_set_unit (affiliation, unit);
    }
  else
    {
      affiliation = lia_affiliation_new (contact_id, organization_id, role);
      lia_affiliation_set_unit (affiliation, unit);
      lia_affiliation_set_primary (affiliation, affiliations->len == 0);
    }

  return _lia_import_merge (import, LIA_RECORD (affiliation), c->node);
}

static gboolean
load_into (LiaCard       *c,
           LiaRecordKind  kind,
           gint64         id,
           LiaRecord    **out_record)
{
  GError *error = NULL;

  if (!(*out_record = lia_store_load (c->import->store, kind, id, &error)))
    {
      _lia_import_fail (c->import, error);
      return FALSE;
    }
  return TRUE;
}

/* The first of @ids (or NULL on failure) that this run has not stored yet: a record the file
 * already gave is someone else with the same address, number or name. */
static gboolean
first_untouched (LiaImport     *import,
                 LiaRecordKind  kind,
                 GArray        *ids,
                 GError        *error,
                 gint64        *out_id)
{
  if (ids == NULL)
    {
      _lia_import_fail (import, error);
      return FALSE;
    }
  for (guint i = 0; i < ids->len && *out_id == 0; i++)
    if (!_lia_import_is_touched (import, kind, g_array_index (ids, gint64, i)))
      *out_id = g_array_index (ids, gint64, i);
  g_array_unref (ids);
  return TRUE;
}

/* Sets @out_id to the contact the card is, by the rules of lia-card-import.h (0: nobody). */
static gboolean
match_contact (LiaCard        *c,
               const char     *uid,
               const char     *label,
               gint64         *out_id,
               LiaImportMatch *out_rule)
{
  LiaImport *import = c->import;
  LiaStore *store = import->store;
  GError *error = NULL;

  *out_id = 0;

  *out_rule = LIA_IMPORT_MATCH_UID;
  if (uid != NULL && !_lia_import_find (import, LIA_RECORD_KIND_CONTACT, uid, out_id))
    return FALSE;
  /* A uid this run stored already is a second card with it: merge reports that. */
  if (*out_id > 0)
    return TRUE;

  *out_rule = LIA_IMPORT_MATCH_EMAIL;
  g_array_sort (c->emails, _lia_card_compare_items);
  for (guint i = 0; i < c->emails->len && *out_id == 0; i++)
    {
      /* Found before the call: C does not say whether @error is read before or after the
       * look-up sets it (read before, a failed look-up reached the caller without its error). */
      GArray *ids = lia_store_find_contacts_by_email (store, g_array_index (c->emails, LiaCardItem, i).value, &error);

      if (!first_untouched (import, LIA_RECORD_KIND_CONTACT, ids, error, out_id))
        return FALSE;
    }
  if (*out_id > 0)
    return TRUE;

  *out_rule = LIA_IMPORT_MATCH_PHONE;
  if (c->phones->len > 0 && c->run->phones == NULL &&
      !(c->run->phones = lia_store_index_contact_phones (store, &error)))
    {
      _lia_import_fail (import, error);
      return FALSE;
    }
  g_array_sort (c->phones, _lia_card_compare_items);
  for (guint i = 0; i < c->phones->len && *out_id == 0; i++)
    {
      g_autofree char *digits = lia_store_phone_digits (g_array_index (c->phones, LiaCardItem, i).value);
      GArray *ids = g_hash_table_lookup (c->run->phones, digits);

      for (guint j = 0; ids != NULL && j < ids->len && *out_id == 0; j++)
        if (!_lia_import_is_touched (import, LIA_RECORD_KIND_CONTACT, g_array_index (ids, gint64, j)))
          *out_id = g_array_index (ids, gint64, j);
    }
  if (*out_id > 0)
    return TRUE;

  *out_rule = LIA_IMPORT_MATCH_NAME;
  for (guint i = 0; i < c->orgs->len && *out_id == 0; i++)
    {
      g_autoptr(GArray) organizations = find_organizations (import, ((char **) g_ptr_array_index (c->orgs, i))[0]);

      if (organizations == NULL)
        return FALSE;
      for (guint j = 0; j < organizations->len && *out_id == 0; j++)
        {
          GArray *ids = lia_store_find_contacts_by_name_at (store, label, g_array_index (organizations, gint64, j), &error);

          if (!first_untouched (import, LIA_RECORD_KIND_CONTACT, ids, error, out_id))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
store_contact (LiaCard *c)
{
  LiaImport *import = c->import;
  g_autoptr(LiaContact) parsed = build_contact (c);
  g_autoptr(LiaRecord) record = NULL;
  g_autofree char *uid = uid_for_card (c);
  LiaImportMatch rule;
  gint64 id = 0;

  if (lia_text_is_blank (lia_contact_get_display_name (parsed)))
    {
      if (c->run->card_noun != NULL)
        _lia_import_problem (import, c->node, NULL, "%s %u: %s", c->run->card_noun, c->index,
                             _("it names no one: it has no name, email address or organization."));
      else
        _lia_import_problem (import, c->node, NULL, _("vCard %u has no fn (formatted name)."), c->index);
      return !import->stopped;
    }

  if (!match_contact (c, uid, lia_contact_get_display_name (parsed), &id, &rule))
    return FALSE;

  /* A card without a uid that matched nothing by its addresses and numbers: the uid made from
   * its contents finds it if an earlier import of the file stored it. One this run stored is
   * someone else of the same name, who gets a uid of the store's. */
  if (id == 0 && uid == NULL)
    {
      uid = uid_from_contents (c, lia_contact_get_display_name (parsed));
      if (!_lia_import_find (import, LIA_RECORD_KIND_CONTACT, uid, &id))
        return FALSE;
      if (_lia_import_is_touched (import, LIA_RECORD_KIND_CONTACT, id))
        {
          g_clear_pointer (&uid, g_free);
          id = 0;
        }
      rule = LIA_IMPORT_MATCH_UID;
    }

  if (id > 0)
    {
      if (!load_into (c, LIA_RECORD_KIND_CONTACT, id, &record))
        return FALSE;
      apply_contact (c, LIA_CONTACT (record), parsed);
      import->matched[rule]++;
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
  for (guint i = 0; i < c->orgs->len && lia_record_get_id (record) > 0 && !import->failed; i++)
    {
      /* The role goes with the first organization; the second title with the second. */
      const char *role = i == 0 ? c->role : (i < c->titles->len ? g_ptr_array_index (c->titles, i) : NULL);

      if (!store_affiliation (c, record, g_ptr_array_index (c->orgs, i), role))
        return FALSE;
    }

  return !import->stopped;
}

static gboolean
store_organization (LiaCard *c)
{
  LiaImport *import = c->import;
  g_autoptr(LiaOrganization) parsed = build_organization (c);
  g_autoptr(LiaRecord) record = NULL;
  g_autofree char *uid = uid_for_card (c);
  gboolean by_name = FALSE;
  gint64 id = 0;

  if (lia_text_is_blank (lia_organization_get_name (parsed)))
    {
      if (c->run->card_noun != NULL)
        _lia_import_problem (import, c->node, NULL, "%s %u: %s", c->run->card_noun, c->index,
                             _("it names no one: it has no name, email address or organization."));
      else
        _lia_import_problem (import, c->node, NULL, _("vCard %u has no fn (formatted name)."), c->index);
      return !import->stopped;
    }

  if (uid != NULL && !_lia_import_find (import, LIA_RECORD_KIND_ORGANIZATION, uid, &id))
    return FALSE;
  if (id > 0)
    import->matched[LIA_IMPORT_MATCH_UID]++;

  if (id == 0)
    {
      g_autoptr(GArray) ids = find_organizations (import, lia_organization_get_name (parsed));

      if (ids == NULL)
        return FALSE;
      for (guint i = 0; i < ids->len && id == 0; i++)
        if (!_lia_import_is_touched (import, LIA_RECORD_KIND_ORGANIZATION, g_array_index (ids, gint64, i)))
          id = g_array_index (ids, gint64, i);
      by_name = id > 0;
      if (by_name)
        import->matched[LIA_IMPORT_MATCH_ORGANIZATION_NAME]++;
    }

  if (id > 0)
    {
      if (!load_into (c, LIA_RECORD_KIND_ORGANIZATION, id, &record))
        return FALSE;
      apply_organization (LIA_ORGANIZATION (record), parsed);

      /* Made a moment ago for a person's org: the organization's own card names it. */
      if (by_name && uid != NULL && g_hash_table_remove (c->run->implicit_organizations, &id))
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

gboolean
_lia_card_store (LiaCard *c)
{
  LiaImport *import = c->import;
  gboolean ok;

  if (import->stopped || c->bad)
    return !import->stopped;

  import->record_line = c->line;
  import->record_column = c->column;
  ok = c->is_organization ? store_organization (c) : store_contact (c);
  import->record_line = 0;
  import->record_column = 0;

  return ok && !import->stopped;
}
