/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-record.h"

G_BEGIN_DECLS

#define LIA_TYPE_INTERACTION (lia_interaction_get_type ())

G_DECLARE_FINAL_TYPE (LiaInteraction, lia_interaction, LIA, INTERACTION, LiaRecord)

/* A meeting, call, email, event, visit, letter or note. Properties: "kind"
 * (LiaInteractionKind), "at" (GDateTime; its UTC offset is kept as entered, so 09:00+02:00 stays
 * 09:00+02:00), "duration-minutes" (≥ 0), "title" (required), "location", "summary", "outcome",
 * "sentiment" (−2..+2; the property accepts any int so that validate can refuse a bad one),
 * "cancelled" (the meeting was called off: it stays in the timeline, marked), "sequence" (the
 * iCalendar SEQUENCE of the invitation it was imported from, 0 otherwise).
 * Participants are database ids of contacts and organizations, any number of each, kept in the
 * order added without duplicates; changing them notifies "participants". */

LiaInteraction     *lia_interaction_new                 (LiaInteractionKind  kind,
                                                         GDateTime          *at,
                                                         const char         *title);
LiaInteractionKind  lia_interaction_get_kind            (LiaInteraction *self);
void                lia_interaction_set_kind            (LiaInteraction *self, LiaInteractionKind kind);
GDateTime          *lia_interaction_get_at              (LiaInteraction *self);
void                lia_interaction_set_at              (LiaInteraction *self, GDateTime *at);
guint               lia_interaction_get_duration_minutes (LiaInteraction *self);
void                lia_interaction_set_duration_minutes (LiaInteraction *self, guint minutes);
const char         *lia_interaction_get_title           (LiaInteraction *self);
void                lia_interaction_set_title           (LiaInteraction *self, const char *title);
const char         *lia_interaction_get_location        (LiaInteraction *self);
void                lia_interaction_set_location        (LiaInteraction *self, const char *location);
const char         *lia_interaction_get_summary         (LiaInteraction *self);
void                lia_interaction_set_summary         (LiaInteraction *self, const char *summary);
const char         *lia_interaction_get_outcome         (LiaInteraction *self);
void                lia_interaction_set_outcome         (LiaInteraction *self, const char *outcome);
int                 lia_interaction_get_sentiment       (LiaInteraction *self);
void                lia_interaction_set_sentiment       (LiaInteraction *self, int sentiment);
gboolean            lia_interaction_get_cancelled       (LiaInteraction *self);
void                lia_interaction_set_cancelled       (LiaInteraction *self, gboolean cancelled);
guint               lia_interaction_get_sequence        (LiaInteraction *self);
void                lia_interaction_set_sequence        (LiaInteraction *self, guint sequence);

/* Arrays of gint64 database ids, owned by the interaction. */
const GArray       *lia_interaction_get_contact_ids      (LiaInteraction *self);
const GArray       *lia_interaction_get_organization_ids (LiaInteraction *self);
void                lia_interaction_add_contact          (LiaInteraction *self, gint64 contact_id);
void                lia_interaction_remove_contact       (LiaInteraction *self, gint64 contact_id);
void                lia_interaction_add_organization     (LiaInteraction *self, gint64 organization_id);
void                lia_interaction_remove_organization  (LiaInteraction *self, gint64 organization_id);
void                lia_interaction_clear_participants   (LiaInteraction *self);

G_END_DECLS
