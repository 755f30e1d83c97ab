/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-detail.h"

G_BEGIN_DECLS

#define LIA_TYPE_INTERACTION_DETAIL (lia_interaction_detail_get_type ())

G_DECLARE_FINAL_TYPE (LiaInteractionDetail, lia_interaction_detail, LIA, INTERACTION_DETAIL, LiaDetail)

LiaInteractionDetail *lia_interaction_detail_new (LiaStore *store);

G_END_DECLS
