/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-record.h"

G_BEGIN_DECLS

#define LIA_TYPE_AFFILIATION (lia_affiliation_get_type ())

G_DECLARE_FINAL_TYPE (LiaAffiliation, lia_affiliation, LIA, AFFILIATION, LiaRecord)

/* A contact's role at an organization over a period. Properties: "contact-id",
 * "organization-id" (database ids, both required), "role", "unit" (the organizational unit or
 * department there, as a vCard ORG's second part), "from" and "until" (GDate, either may
 * be unset: open-ended), "primary" (the contact's main affiliation). Valid when both ids are set
 * and until is not before from. */

LiaAffiliation *lia_affiliation_new                 (gint64          contact_id,
                                                     gint64          organization_id,
                                                     const char     *role);
gint64          lia_affiliation_get_contact_id      (LiaAffiliation *self);
void            lia_affiliation_set_contact_id      (LiaAffiliation *self, gint64 contact_id);
gint64          lia_affiliation_get_organization_id (LiaAffiliation *self);
void            lia_affiliation_set_organization_id (LiaAffiliation *self, gint64 organization_id);
const char     *lia_affiliation_get_role            (LiaAffiliation *self);
void            lia_affiliation_set_role            (LiaAffiliation *self, const char *role);
const char     *lia_affiliation_get_unit            (LiaAffiliation *self);
void            lia_affiliation_set_unit            (LiaAffiliation *self, const char *unit);
const GDate    *lia_affiliation_get_from            (LiaAffiliation *self);
void            lia_affiliation_set_from            (LiaAffiliation *self, const GDate *from);
const GDate    *lia_affiliation_get_until           (LiaAffiliation *self);
void            lia_affiliation_set_until           (LiaAffiliation *self, const GDate *until);
gboolean        lia_affiliation_get_primary         (LiaAffiliation *self);
void            lia_affiliation_set_primary         (LiaAffiliation *self, gboolean primary);
/* Whether the affiliation covers @date (bounds inclusive, unset bounds open). */
gboolean        lia_affiliation_is_current_on       (LiaAffiliation *self, const GDate *date);

G_END_DECLS
