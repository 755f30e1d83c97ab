/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lia-record.h"
#include "lia-milestone.h"
#include "lia-risk.h"
#include "lia-project-stakeholder.h"

G_BEGIN_DECLS

#define LIA_TYPE_PROJECT (lia_project_get_type ())

G_DECLARE_FINAL_TYPE (LiaProject, lia_project, LIA, PROJECT, LiaRecord)

/* An initiative run with partners. Properties: "name" (required), "summary", "status", "start"
 * and "end" (GDate; end not before start), "owner" (who runs it, as text), "tags" (GStrv),
 * "notes". Its stakeholders, milestones and risks are list models ("stakeholders",
 * "milestones", "risks", notified when replaced); the interactions, commitments and concerns
 * linked to it are database ids by kind ("links" is notified when they change). */

LiaProject       *lia_project_new              (const char         *name);
const char       *lia_project_get_name         (LiaProject         *self);
void              lia_project_set_name         (LiaProject         *self,
                                                const char         *name);
const char       *lia_project_get_summary      (LiaProject         *self);
void              lia_project_set_summary      (LiaProject         *self,
                                                const char         *summary);
LiaProjectStatus  lia_project_get_status       (LiaProject         *self);
void              lia_project_set_status       (LiaProject         *self,
                                                LiaProjectStatus    status);
const GDate      *lia_project_get_start        (LiaProject         *self);
void              lia_project_set_start        (LiaProject         *self,
                                                const GDate        *start);
const GDate      *lia_project_get_end          (LiaProject         *self);
void              lia_project_set_end          (LiaProject         *self,
                                                const GDate        *end);
const char       *lia_project_get_owner        (LiaProject         *self);
void              lia_project_set_owner        (LiaProject         *self,
                                                const char         *owner);
/* NULL-terminated, never NULL; kept trimmed, without empty or repeated tags. */
const char * const *lia_project_get_tags       (LiaProject         *self);
void              lia_project_set_tags         (LiaProject         *self,
                                                const char * const *tags);
const char       *lia_project_get_notes        (LiaProject         *self);
void              lia_project_set_notes        (LiaProject         *self,
                                                const char         *notes);

/* LiaProjectStakeholder items. */
GListModel       *lia_project_get_stakeholders (LiaProject         *self);
void              lia_project_add_stakeholder  (LiaProject         *self,
                                                LiaProjectStakeholder *stakeholder);
void              lia_project_remove_stakeholder (LiaProject       *self,
                                                guint               position);
void              lia_project_clear_stakeholders (LiaProject       *self);

/* LiaMilestone items, in the project's order. The project owns them: add takes a reference. */
GListModel       *lia_project_get_milestones   (LiaProject         *self);
void              lia_project_add_milestone    (LiaProject         *self,
                                                LiaMilestone       *milestone);
void              lia_project_remove_milestone (LiaProject         *self,
                                                guint               position);
/* The milestone with @uid, or %NULL. */
LiaMilestone     *lia_project_find_milestone   (LiaProject         *self,
                                                const char         *uid);

/* LiaRisk items, in the project's order. */
GListModel       *lia_project_get_risks        (LiaProject         *self);
void              lia_project_add_risk         (LiaProject         *self,
                                                LiaRisk            *risk);
void              lia_project_remove_risk      (LiaProject         *self,
                                                guint               position);
LiaRisk          *lia_project_find_risk        (LiaProject         *self,
                                                const char         *uid);
/* Call after changing a milestone or a risk in place, so that views see it. */
void              lia_project_parts_changed    (LiaProject         *self);

/* Links, by @kind: LIA_RECORD_KIND_INTERACTION, _COMMITMENT or _CONCERN. */
const GArray     *lia_project_get_link_ids     (LiaProject         *self,
                                                LiaRecordKind       kind);
void              lia_project_add_link         (LiaProject         *self,
                                                LiaRecordKind       kind,
                                                gint64              id);
void              lia_project_remove_link      (LiaProject         *self,
                                                LiaRecordKind       kind,
                                                gint64              id);
gboolean          lia_project_has_link         (LiaProject         *self,
                                                LiaRecordKind       kind,
                                                gint64              id);

/* Progress, derived: milestones done, all of them, and those open past their due date. */
void              lia_project_count_milestones (LiaProject         *self,
                                                const GDate        *today,
                                                guint              *out_done,
                                                guint              *out_total,
                                                guint              *out_overdue);

G_END_DECLS
