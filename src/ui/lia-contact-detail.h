/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-detail.h"

G_BEGIN_DECLS

#define LIA_TYPE_CONTACT_DETAIL (lia_contact_detail_get_type ())

G_DECLARE_FINAL_TYPE (LiaContactDetail, lia_contact_detail, LIA, CONTACT_DETAIL, LiaDetail)

LiaContactDetail *lia_contact_detail_new (LiaStore *store);

G_END_DECLS
