/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-record.h"

G_BEGIN_DECLS

#define LIA_TYPE_COMMITMENT (lia_commitment_get_type ())

G_DECLARE_FINAL_TYPE (LiaCommitment, lia_commitment, LIA, COMMITMENT, LiaRecord)

/* A promise: ours (we owe them) or theirs (they owe us). Properties: "title" (required),
 * "notes", "direction", "status", "due-date" (GDate, optional), "done-date", "contact-id" and
 * "organization-id" (the counterpart, database ids, 0 for none), "interaction-id" (where it was
 * promised, 0 for none), and the read-only derived "is-overdue": open and due before today
 * (local time). "is-overdue" is notified when status or due date change. */

LiaCommitment          *lia_commitment_new                 (LiaCommitmentDirection direction,
                                                            const char            *title);
const char             *lia_commitment_get_title           (LiaCommitment *self);
void                    lia_commitment_set_title           (LiaCommitment *self, const char *title);
const char             *lia_commitment_get_notes           (LiaCommitment *self);
void                    lia_commitment_set_notes           (LiaCommitment *self, const char *notes);
LiaCommitmentDirection  lia_commitment_get_direction       (LiaCommitment *self);
void                    lia_commitment_set_direction       (LiaCommitment *self, LiaCommitmentDirection direction);
LiaCommitmentStatus     lia_commitment_get_status          (LiaCommitment *self);
void                    lia_commitment_set_status          (LiaCommitment *self, LiaCommitmentStatus status);
const GDate            *lia_commitment_get_due_date        (LiaCommitment *self);
void                    lia_commitment_set_due_date        (LiaCommitment *self, const GDate *due_date);
/* The day it was marked done (GDate, local): set to today when the status becomes done
 * without one, cleared when it is no longer done. %NULL unless done. */
const GDate            *lia_commitment_get_done_date       (LiaCommitment *self);
void                    lia_commitment_set_done_date       (LiaCommitment *self, const GDate *done_date);
gint64                  lia_commitment_get_contact_id      (LiaCommitment *self);
void                    lia_commitment_set_contact_id      (LiaCommitment *self, gint64 contact_id);
gint64                  lia_commitment_get_organization_id (LiaCommitment *self);
void                    lia_commitment_set_organization_id (LiaCommitment *self, gint64 organization_id);
gint64                  lia_commitment_get_interaction_id  (LiaCommitment *self);
void                    lia_commitment_set_interaction_id  (LiaCommitment *self, gint64 interaction_id);
gboolean                lia_commitment_get_is_overdue      (LiaCommitment *self);
/* The same test against a given day, for tests and briefings printed "as of" a date. */
gboolean                lia_commitment_is_overdue_on       (LiaCommitment *self, const GDate *today);
/* Which Follow-ups group the commitment is in on @today (a local date). */
LiaCommitmentUrgency    lia_commitment_get_urgency_on      (LiaCommitment *self, const GDate *today);

G_END_DECLS
