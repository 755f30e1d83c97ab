/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-detail.h"

G_BEGIN_DECLS

#define LIA_TYPE_CONCERN_DETAIL (lia_concern_detail_get_type ())

G_DECLARE_FINAL_TYPE (LiaConcernDetail, lia_concern_detail, LIA, CONCERN_DETAIL, LiaDetail)

LiaConcernDetail *lia_concern_detail_new               (LiaStore          *store);
/* Records how the concern shown was settled: the resolution, the status resolved, and the
 * day (today, unless a day is set already). What "Record Resolution…" saves. */
gboolean          lia_concern_detail_record_resolution (LiaConcernDetail  *self,
                                                        const char        *resolution,
                                                        GError           **error);

G_END_DECLS
