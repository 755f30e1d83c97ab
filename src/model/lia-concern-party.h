/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-types.h"

G_BEGIN_DECLS

#define LIA_TYPE_CONCERN_PARTY (lia_concern_party_get_type ())

G_DECLARE_FINAL_TYPE (LiaConcernParty, lia_concern_party, LIA, CONCERN_PARTY, GObject)

/* One party to a concern: exactly one of a contact or an organization (database ids), and the
 * party's position in their own words. Immutable once created. */

LiaConcernParty *lia_concern_party_new_contact          (gint64           contact_id,
                                                         const char      *position);
LiaConcernParty *lia_concern_party_new_organization     (gint64           organization_id,
                                                         const char      *position);
gint64           lia_concern_party_get_contact_id       (LiaConcernParty *self);
gint64           lia_concern_party_get_organization_id  (LiaConcernParty *self);
const char      *lia_concern_party_get_position         (LiaConcernParty *self);

G_END_DECLS
