/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-detail.h"

G_BEGIN_DECLS

#define LIA_TYPE_ORGANIZATION_DETAIL (lia_organization_detail_get_type ())

G_DECLARE_FINAL_TYPE (LiaOrganizationDetail, lia_organization_detail, LIA, ORGANIZATION_DETAIL, LiaDetail)

LiaOrganizationDetail *lia_organization_detail_new (LiaStore *store);

G_END_DECLS
