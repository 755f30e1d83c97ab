/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-csv-private.h"
#include "lia-export-private.h"

/*
 * Contacts or organizations as CSV (RFC 4180: UTF-8, CR LF, a header row; docs/csv.md). The
 * header is Liaison's own, which lia-csv-columns.c recognises, so that the file imports back to
 * the same records; spreadsheets open it as it is. Several emails or phones share a cell,
 * " ::: " between them (as Google writes them), each after its kind ("work: ann@example.org").
 */

static const char * const contact_columns[] = {
  "ID", "Honorific", "Given Name", "Family Name", "Suffix", "Display Name", "Nickname",
  "Job Title", "Organization", "Department", "Role", "Emails", "Phones", "Websites",
  "Instant Messaging", "Birthday", "Languages", "Time Zone", "Tags",
  "Work PO Box", "Work Extended Address", "Work Street", "Work City", "Work Region",
  "Work Postal Code", "Work Country",
  "Home PO Box", "Home Extended Address", "Home Street", "Home City", "Home Region",
  "Home Postal Code", "Home Country",
  "Other PO Box", "Other Extended Address", "Other Street", "Other City", "Other Region",
  "Other Postal Code", "Other Country",
  "Notes", NULL
};

/* The address columns: a person's first address of each kind. */
#define ADDRESS_PARTS 7
static const LiaContactPointKind address_kinds[] = {
  LIA_CONTACT_POINT_KIND_WORK, LIA_CONTACT_POINT_KIND_HOME, LIA_CONTACT_POINT_KIND_OTHER,
};

static const char * const organization_columns[] = {
  "ID", "Organization", "Street", "City", "Region", "Postal Code", "Address Country",
  "Website", "Email", "Phone", "Tags", "Notes", NULL
};

static void
append_row (GString            *out,
            const char * const *cells,
            guint               n_cells)
{
  for (guint i = 0; i < n_cells; i++)
    lia_csv_append_field (out, cells[i], i + 1 == n_cells);
}

void
_lia_csv_write_header (GString       *out,
                       LiaRecordKind  kind)
{
  const char * const *columns = kind == LIA_RECORD_KIND_ORGANIZATION ? organization_columns : contact_columns;

  append_row (out, columns, g_strv_length ((char **) columns));
}

static char *
join_points (GListModel *points)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (points); i++)
    {
      g_autoptr(LiaContactPoint) point = g_list_model_get_item (points, i);

      if (i > 0)
        g_string_append (text, " ::: ");
      g_string_append_printf (text, "%s: %s",
                              lia_enum_to_nick (LIA_TYPE_CONTACT_POINT_KIND, lia_contact_point_get_kind (point)),
                              lia_contact_point_get_value (point));
    }
  return g_string_free (text, FALSE);
}

/* The organization a person works at, as the file says it: the primary affiliation that has
 * not ended, else the first that has not (the same data, the same bytes: not "today"). */
static gboolean
current_organization (LiaStore        *store,
                      LiaContact      *contact,
                      char           **out_name,
                      char           **out_unit,
                      char           **out_role,
                      GError         **error)
{
  g_autoptr(GPtrArray) affiliations = NULL;
  g_autoptr(LiaRecord) organization = NULL;
  LiaAffiliation *chosen = NULL;

  *out_name = *out_unit = *out_role = NULL;
  if (!(affiliations = lia_store_list_affiliations_for_contact (store, lia_record_get_id (LIA_RECORD (contact)), error)))
    return FALSE;

  for (guint i = 0; i < affiliations->len; i++)
    {
      LiaAffiliation *affiliation = g_ptr_array_index (affiliations, i);

      if (lia_affiliation_get_until (affiliation) != NULL)
        continue;
      if (chosen == NULL || (lia_affiliation_get_primary (affiliation) && !lia_affiliation_get_primary (chosen)))
        chosen = affiliation;
    }
  if (chosen == NULL)
    return TRUE;

  if (!(organization = lia_store_load (store, LIA_RECORD_KIND_ORGANIZATION,
                                       lia_affiliation_get_organization_id (chosen), error)))
    return FALSE;
  *out_name = g_strdup (lia_organization_get_name (LIA_ORGANIZATION (organization)));
  *out_unit = g_strdup (lia_affiliation_get_unit (chosen));
  *out_role = g_strdup (lia_affiliation_get_role (chosen));
  return TRUE;
}

/* The first address of @kind, or %NULL. */
static LiaPostalAddress *
address_of_kind (LiaContact          *contact,
                 LiaContactPointKind  kind)
{
  GListModel *addresses = lia_contact_get_addresses (contact);

  for (guint i = 0; i < g_list_model_get_n_items (addresses); i++)
    {
      LiaPostalAddress *address = g_list_model_get_item (addresses, i);

      /* The contact keeps its own reference. */
      g_object_unref (address);
      if (lia_postal_address_get_kind (address) == kind)
        return address;
    }
  return NULL;
}

static gboolean
write_contact (GString     *out,
               LiaStore    *store,
               LiaContact  *contact,
               GError     **error)
{
  g_autofree char *organization = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *role = NULL;
  g_autofree char *emails = join_points (lia_contact_get_emails (contact));
  g_autofree char *phones = join_points (lia_contact_get_phones (contact));
  g_autofree char *websites = join_points (lia_contact_get_websites (contact));
  g_autofree char *ims = join_points (lia_contact_get_ims (contact));
  g_autofree char *languages = g_strjoinv (" ::: ", (char **) lia_contact_get_languages (contact));
  g_autofree char *tags = g_strjoinv (" ::: ", (char **) lia_contact_get_tags (contact));
  const char *cells[G_N_ELEMENTS (contact_columns) - 1];
  guint n = 0;

  if (!current_organization (store, contact, &organization, &unit, &role, error))
    return FALSE;

  cells[n++] = lia_record_get_uid (LIA_RECORD (contact));
  cells[n++] = lia_contact_get_honorific (contact);
  cells[n++] = lia_contact_get_given_name (contact);
  cells[n++] = lia_contact_get_family_name (contact);
  cells[n++] = lia_contact_get_suffix (contact);
  cells[n++] = lia_contact_get_display_name (contact);
  cells[n++] = lia_contact_get_nickname (contact);
  cells[n++] = lia_contact_get_job_title (contact);
  cells[n++] = organization;
  cells[n++] = unit;
  cells[n++] = role;
  cells[n++] = emails;
  cells[n++] = phones;
  cells[n++] = websites;
  cells[n++] = ims;
  cells[n++] = lia_contact_get_birthday (contact);
  cells[n++] = languages;
  cells[n++] = lia_contact_get_time_zone (contact);
  cells[n++] = tags;
  for (guint k = 0; k < G_N_ELEMENTS (address_kinds); k++)
    {
      /* Owned by the contact, which outlives the row. */
      LiaPostalAddress *address = address_of_kind (contact, address_kinds[k]);

      cells[n++] = address != NULL ? lia_postal_address_get_po_box (address) : NULL;
      cells[n++] = address != NULL ? lia_postal_address_get_extended (address) : NULL;
      cells[n++] = address != NULL ? lia_postal_address_get_street (address) : NULL;
      cells[n++] = address != NULL ? lia_postal_address_get_locality (address) : NULL;
      cells[n++] = address != NULL ? lia_postal_address_get_region (address) : NULL;
      cells[n++] = address != NULL ? lia_postal_address_get_postal_code (address) : NULL;
      cells[n++] = address != NULL ? lia_postal_address_get_country (address) : NULL;
    }
  cells[n++] = lia_contact_get_notes (contact);
  g_assert (n == G_N_ELEMENTS (cells));
  append_row (out, cells, n);
  return TRUE;
}

static void
write_organization (GString         *out,
                    LiaOrganization *organization)
{
  g_autofree char *tags = g_strjoinv (" ::: ", (char **) lia_organization_get_tags (organization));
  const char *cells[G_N_ELEMENTS (organization_columns) - 1];

  cells[0] = lia_record_get_uid (LIA_RECORD (organization));
  cells[1] = lia_organization_get_name (organization);
  cells[2] = lia_organization_get_street (organization);
  cells[3] = lia_organization_get_locality (organization);
  cells[4] = lia_organization_get_region (organization);
  cells[5] = lia_organization_get_postal_code (organization);
  cells[6] = lia_organization_get_address_country (organization);
  cells[7] = lia_organization_get_website (organization);
  cells[8] = lia_organization_get_email (organization);
  cells[9] = lia_organization_get_phone (organization);
  cells[10] = tags;
  cells[11] = lia_organization_get_notes (organization);
  append_row (out, cells, G_N_ELEMENTS (cells));
}

gboolean
_lia_csv_write_record (GString    *out,
                       LiaStore   *store,
                       LiaRecord  *record,
                       GError    **error)
{
  if (LIA_IS_CONTACT (record))
    return write_contact (out, store, LIA_CONTACT (record), error);
  if (LIA_IS_ORGANIZATION (record))
    write_organization (out, LIA_ORGANIZATION (record));
  return TRUE;
}
