/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-types.h"
#include "lia-enums.h"

G_BEGIN_DECLS

#define LIA_TYPE_POSTAL_ADDRESS (lia_postal_address_get_type ())

G_DECLARE_FINAL_TYPE (LiaPostalAddress, lia_postal_address, LIA, POSTAL_ADDRESS, GObject)

/* One postal address of a contact, in the parts of a vCard ADR: "po-box", "extended" (suite,
 * building), "street", "locality" (city), "region", "postal-code", "country" (as written, not a
 * code), and "kind" (LiaContactPointKind: work, home or other). Text is never NULL. */

LiaPostalAddress    *lia_postal_address_new             (LiaContactPointKind  kind);
LiaPostalAddress    *lia_postal_address_copy            (LiaPostalAddress    *self);
gboolean             lia_postal_address_equal           (LiaPostalAddress    *a,
                                                         LiaPostalAddress    *b);

LiaContactPointKind  lia_postal_address_get_kind        (LiaPostalAddress    *self);
void                 lia_postal_address_set_kind        (LiaPostalAddress    *self,
                                                         LiaContactPointKind  kind);
const char          *lia_postal_address_get_po_box      (LiaPostalAddress    *self);
void                 lia_postal_address_set_po_box      (LiaPostalAddress    *self,
                                                         const char          *po_box);
const char          *lia_postal_address_get_extended    (LiaPostalAddress    *self);
void                 lia_postal_address_set_extended    (LiaPostalAddress    *self,
                                                         const char          *extended);
const char          *lia_postal_address_get_street      (LiaPostalAddress    *self);
void                 lia_postal_address_set_street      (LiaPostalAddress    *self,
                                                         const char          *street);
const char          *lia_postal_address_get_locality    (LiaPostalAddress    *self);
void                 lia_postal_address_set_locality    (LiaPostalAddress    *self,
                                                         const char          *locality);
const char          *lia_postal_address_get_region      (LiaPostalAddress    *self);
void                 lia_postal_address_set_region      (LiaPostalAddress    *self,
                                                         const char          *region);
const char          *lia_postal_address_get_postal_code (LiaPostalAddress    *self);
void                 lia_postal_address_set_postal_code (LiaPostalAddress    *self,
                                                         const char          *postal_code);
const char          *lia_postal_address_get_country     (LiaPostalAddress    *self);
void                 lia_postal_address_set_country     (LiaPostalAddress    *self,
                                                         const char          *country);
/* TRUE when every part is blank. */
gboolean             lia_postal_address_is_empty        (LiaPostalAddress    *self);
/* The address on lines as a person writes it on an envelope ("street\npostal-code locality\n…"),
 * blank parts left out. */
char                *lia_postal_address_format          (LiaPostalAddress    *self);

G_END_DECLS
