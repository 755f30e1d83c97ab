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
  "ID", "Honorific", "Given Name", "Family Name", "Suffix", "Display Name", "Job Title",
  "Organization", "Role", "Emails", "Phones", "Languages", "Time Zone", "Tags", "Notes", NULL
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
                      char           **out_role,
                      GError         **error)
{
  g_autoptr(GPtrArray) affiliations = NULL;
  g_autoptr(LiaRecord) organization = NULL;
  LiaAffiliation *chosen = NULL;

  *out_name = *out_role = NULL;
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
  *out_role = g_strdup (lia_affiliation_get_role (chosen));
  return TRUE;
}

static gboolean
write_contact (GString     *out,
               LiaStore    *store,
               LiaContact  *contact,
               GError     **error)
{
  g_autofree char *organization = NULL;
  g_autofree char *role = NULL;
  g_autofree char *emails = join_points (lia_contact_get_emails (contact));
  g_autofree char *phones = join_points (lia_contact_get_phones (contact));
  g_autofree char *languages = g_strjoinv (" ::: ", (char **) lia_contact_get_languages (contact));
  g_autofree char *tags = g_strjoinv (" ::: ", (char **) lia_contact_get_tags (contact));
  const char *cells[G_N_ELEMENTS (contact_columns) - 1];

  if (!current_organization (store, contact, &organization, &role, error))
    return FALSE;

  cells[0] = lia_record_get_uid (LIA_RECORD (contact));
  cells[1] = lia_contact_get_honorific (contact);
  cells[2] = lia_contact_get_given_name (contact);
  cells[3] = lia_contact_get_family_name (contact);
  cells[4] = lia_contact_get_suffix (contact);
  cells[5] = lia_contact_get_display_name (contact);
  cells[6] = lia_contact_get_job_title (contact);
  cells[7] = organization;
  cells[8] = role;
  cells[9] = emails;
  cells[10] = phones;
  cells[11] = languages;
  cells[12] = lia_contact_get_time_zone (contact);
  cells[13] = tags;
  cells[14] = lia_contact_get_notes (contact);
  append_row (out, cells, G_N_ELEMENTS (cells));
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
