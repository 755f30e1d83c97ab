/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-types.h"
#include "lia-enums.h"

G_BEGIN_DECLS

#define LIA_TYPE_RISK (lia_risk_get_type ())

G_DECLARE_FINAL_TYPE (LiaRisk, lia_risk, LIA, RISK, GObject)

/* A risk in a project's register: a stable uid (generated when created, the partner
 * directory's id), title, description, likelihood and impact from 1 to 5 (the score is their
 * product), status, owner (a contact's database id, 0 for none), mitigation and the date of its
 * next review. Like a milestone, it belongs to one project and its changes are not notified. */

LiaRisk       *lia_risk_new             (const char    *title);
LiaRisk       *lia_risk_copy            (LiaRisk       *self);
gboolean       lia_risk_equal           (LiaRisk       *a,
                                         LiaRisk       *b);
const char    *lia_risk_get_uid         (LiaRisk       *self);
void           lia_risk_set_uid         (LiaRisk       *self,
                                         const char    *uid);
const char    *lia_risk_get_title       (LiaRisk       *self);
void           lia_risk_set_title       (LiaRisk       *self,
                                         const char    *title);
const char    *lia_risk_get_description (LiaRisk       *self);
void           lia_risk_set_description (LiaRisk       *self,
                                         const char    *description);
int            lia_risk_get_likelihood  (LiaRisk       *self);
void           lia_risk_set_likelihood  (LiaRisk       *self,
                                         int            likelihood);
int            lia_risk_get_impact      (LiaRisk       *self);
void           lia_risk_set_impact      (LiaRisk       *self,
                                         int            impact);
/* likelihood × impact, 1 to 25. */
int            lia_risk_get_score       (LiaRisk       *self);
LiaRiskStatus  lia_risk_get_status      (LiaRisk       *self);
void           lia_risk_set_status      (LiaRisk       *self,
                                         LiaRiskStatus  status);
gint64         lia_risk_get_owner_id    (LiaRisk       *self);
void           lia_risk_set_owner_id    (LiaRisk       *self,
                                         gint64         owner_id);
const char    *lia_risk_get_mitigation  (LiaRisk       *self);
void           lia_risk_set_mitigation  (LiaRisk       *self,
                                         const char    *mitigation);
const GDate   *lia_risk_get_review      (LiaRisk       *self);
void           lia_risk_set_review      (LiaRisk       *self,
                                         const GDate   *review);
/* Open or being mitigated: what a register still has to watch. */
gboolean       lia_risk_is_open         (LiaRisk       *self);

G_END_DECLS
