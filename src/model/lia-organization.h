/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-record.h"

G_BEGIN_DECLS

#define LIA_TYPE_ORGANIZATION (lia_organization_get_type ())

G_DECLARE_FINAL_TYPE (LiaOrganization, lia_organization, LIA, ORGANIZATION, LiaRecord)

/* A partner organization. Properties: "name" (required), "short-name", "sector", "parent-id"
 * (database id of the parent organization, 0 for none), "country" (ISO 3166 code), the postal
 * address as "street", "locality", "region", "postal-code", "address-country", "website",
 * "email", "phone", "notes", "tags" (GStrv) and "assessment" (read-only, owned, never replaced).
 * String getters return "" rather than NULL for unset text. */

LiaOrganization *lia_organization_new                 (const char      *name);

const char      *lia_organization_get_name            (LiaOrganization *self);
void             lia_organization_set_name            (LiaOrganization *self, const char *name);
const char      *lia_organization_get_short_name      (LiaOrganization *self);
void             lia_organization_set_short_name      (LiaOrganization *self, const char *short_name);
const char      *lia_organization_get_sector          (LiaOrganization *self);
void             lia_organization_set_sector          (LiaOrganization *self, const char *sector);
gint64           lia_organization_get_parent_id       (LiaOrganization *self);
void             lia_organization_set_parent_id       (LiaOrganization *self, gint64 parent_id);
const char      *lia_organization_get_country         (LiaOrganization *self);
void             lia_organization_set_country         (LiaOrganization *self, const char *country);
const char      *lia_organization_get_street          (LiaOrganization *self);
void             lia_organization_set_street          (LiaOrganization *self, const char *street);
const char      *lia_organization_get_locality        (LiaOrganization *self);
void             lia_organization_set_locality        (LiaOrganization *self, const char *locality);
const char      *lia_organization_get_region          (LiaOrganization *self);
void             lia_organization_set_region          (LiaOrganization *self, const char *region);
const char      *lia_organization_get_postal_code     (LiaOrganization *self);
void             lia_organization_set_postal_code     (LiaOrganization *self, const char *postal_code);
const char      *lia_organization_get_address_country (LiaOrganization *self);
void             lia_organization_set_address_country (LiaOrganization *self, const char *address_country);
const char      *lia_organization_get_website         (LiaOrganization *self);
void             lia_organization_set_website         (LiaOrganization *self, const char *website);
const char      *lia_organization_get_email           (LiaOrganization *self);
void             lia_organization_set_email           (LiaOrganization *self, const char *email);
const char      *lia_organization_get_phone           (LiaOrganization *self);
void             lia_organization_set_phone           (LiaOrganization *self, const char *phone);
const char      *lia_organization_get_notes           (LiaOrganization *self);
void             lia_organization_set_notes           (LiaOrganization *self, const char *notes);
/* NULL-terminated, never NULL (an empty vector when there are no tags). Tags are kept trimmed,
 * without duplicates, in the order given. */
const char * const *lia_organization_get_tags         (LiaOrganization *self);
void             lia_organization_set_tags            (LiaOrganization *self, const char * const *tags);
LiaAssessment   *lia_organization_get_assessment      (LiaOrganization *self);

G_END_DECLS
