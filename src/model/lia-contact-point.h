/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-types.h"
#include "lia-enums.h"

G_BEGIN_DECLS

#define LIA_TYPE_CONTACT_POINT (lia_contact_point_get_type ())

G_DECLARE_FINAL_TYPE (LiaContactPoint, lia_contact_point, LIA, CONTACT_POINT, GObject)

/* One email address or phone number of a contact, with its kind (work, home, mobile, …).
 * Immutable once created: edit a contact's list by replacing entries. */

LiaContactPoint     *lia_contact_point_new       (LiaContactPointKind  kind,
                                                  const char          *value);
LiaContactPointKind  lia_contact_point_get_kind  (LiaContactPoint     *self);
const char          *lia_contact_point_get_value (LiaContactPoint     *self);

G_END_DECLS
