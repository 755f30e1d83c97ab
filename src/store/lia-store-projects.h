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

#define LIA_TYPE_PROJECT_SUMMARY (lia_project_summary_get_type ())

G_DECLARE_FINAL_TYPE (LiaProjectSummary, lia_project_summary, LIA, PROJECT_SUMMARY, GObject)

/* What a list of projects shows of each, computed in SQL as of a day: its progress, its open
 * risks (open or mitigating) and the highest score among them, and its next open milestone
 * (due on or after the day). Immutable. */
gint64            lia_project_summary_get_id                 (LiaProjectSummary *self);
const char       *lia_project_summary_get_name               (LiaProjectSummary *self);
LiaProjectStatus  lia_project_summary_get_status             (LiaProjectSummary *self);
guint             lia_project_summary_get_milestones_done    (LiaProjectSummary *self);
guint             lia_project_summary_get_milestones_total   (LiaProjectSummary *self);
guint             lia_project_summary_get_overdue_milestones (LiaProjectSummary *self);
guint             lia_project_summary_get_open_risks         (LiaProjectSummary *self);
/* 0 when no risk is open. */
int               lia_project_summary_get_top_risk_score     (LiaProjectSummary *self);
/* %NULL when no open milestone is due on or after the day. */
const char       *lia_project_summary_get_next_milestone     (LiaProjectSummary *self);
const GDate      *lia_project_summary_get_next_due           (LiaProjectSummary *self);

/* The projects whose status is in @statuses (bits of LiaProjectStatus; 0 for every status), by
 * name, as of @today: LiaProjectSummary items. */
GPtrArray  *lia_store_list_project_summaries  (LiaStore       *self,
                                               guint           statuses,
                                               const GDate    *today,
                                               GError        **error);

G_END_DECLS
