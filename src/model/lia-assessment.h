/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-types.h"
#include "lia-enums.h"

G_BEGIN_DECLS

#define LIA_TYPE_ASSESSMENT (lia_assessment_get_type ())

G_DECLARE_FINAL_TYPE (LiaAssessment, lia_assessment, LIA, ASSESSMENT, GObject)

/* How much a stakeholder matters to us and where they stand. Influence and interest are 1–5,
 * 0 meaning "not assessed yet". The properties accept any integer so that a bad value from a
 * file can be held and then refused with a clear error by lia_assessment_validate(). */

LiaAssessment *lia_assessment_new          (void);
int            lia_assessment_get_influence (LiaAssessment *self);
void           lia_assessment_set_influence (LiaAssessment *self,
                                             int            influence);
int            lia_assessment_get_interest  (LiaAssessment *self);
void           lia_assessment_set_interest  (LiaAssessment *self,
                                             int            interest);
LiaStance      lia_assessment_get_stance    (LiaAssessment *self);
void           lia_assessment_set_stance    (LiaAssessment *self,
                                             LiaStance      stance);
/* How often to be in touch: every so many days (1–LIA_CADENCE_MAX_DAYS), LIA_CADENCE_NONE for
 * never, or LIA_CADENCE_DEFAULT for the default of the influence × interest map's quadrant
 * (docs/engagement.md). */
#define LIA_CADENCE_DEFAULT  (-1)
#define LIA_CADENCE_NONE     0
#define LIA_CADENCE_MAX_DAYS 3650
int            lia_assessment_get_cadence_days (LiaAssessment *self);
void           lia_assessment_set_cadence_days (LiaAssessment *self,
                                                int            cadence_days);
gboolean       lia_assessment_validate      (LiaAssessment *self,
                                             GError       **error);
void           lia_assessment_copy_from     (LiaAssessment *self,
                                             LiaAssessment *other);

G_END_DECLS
