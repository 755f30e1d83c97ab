/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-store.h"

G_BEGIN_DECLS

/* Queries about projects beyond loading and saving them (lia_store_load() with
 * LIA_RECORD_KIND_PROJECT): a risk's history, and which projects a record is linked to. */

/**
 * LiaRiskChange:
 * @changed_at: when the risk took these values (its project's update time)
 * @likelihood: 1–5
 * @impact: 1–5
 *
 * One state a risk's likelihood and impact have been in.
 */
typedef struct
{
  GDateTime *changed_at;
  int        likelihood;
  int        impact;
} LiaRiskChange;

void        lia_risk_change_free              (LiaRiskChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaRiskChange, lia_risk_change_free)

/* The states of the risk @risk_uid of project @project_id, oldest first (LiaRiskChange
 * elements): one when the risk was added, one more each time its likelihood or impact changed.
 * An unknown project or risk is LIA_STORE_ERROR_NOT_FOUND. */
GPtrArray  *lia_store_list_risk_history       (LiaStore       *self,
                                               gint64          project_id,
                                               const char     *risk_uid,
                                               GError        **error);

/* The ids of the projects that record @id of @kind (an interaction, commitment or concern) is
 * linked to, or where @kind (an organization or contact) is a stakeholder, by project name. */
GArray     *lia_store_list_projects_for       (LiaStore       *self,
                                               LiaRecordKind   kind,
                                               gint64          id,
                                               GError        **error);

G_END_DECLS
