/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-detail.h"

G_BEGIN_DECLS

#define LIA_TYPE_PROJECT_DETAIL (lia_project_detail_get_type ())

G_DECLARE_FINAL_TYPE (LiaProjectDetail, lia_project_detail, LIA, PROJECT_DETAIL, LiaDetail)

/* A project's page: progress and its milestones as a checklist (checking one marks it done
 * today and saves), the risk register as a heat map and by score, the stakeholders with their
 * roles, and what is linked to it. */
LiaProjectDetail *lia_project_detail_new (LiaStore *store);

G_END_DECLS
