/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-detail.h"

G_BEGIN_DECLS

#define LIA_TYPE_COMMITMENT_DETAIL (lia_commitment_detail_get_type ())

G_DECLARE_FINAL_TYPE (LiaCommitmentDetail, lia_commitment_detail, LIA, COMMITMENT_DETAIL, LiaDetail)

LiaCommitmentDetail *lia_commitment_detail_new (LiaStore *store);

G_END_DECLS
