/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "lia-enums.h"

G_BEGIN_DECLS

/* The words for the domain's values, translated, in one place: the window, the briefings and
 * the importers say the same thing for the same value. Labels ("Supportive", "Meeting") are
 * capitalized to stand alone, as a row's title or a column's value; words "in text" are
 * lower case, to go inside a sentence. */

const char *lia_labels_interaction_kind         (LiaInteractionKind      kind);
/* "Cancelled", said of a meeting that was called off (LiaInteraction:cancelled). */
const char *lia_labels_interaction_cancelled    (void);
const char *lia_labels_stance                   (LiaStance               stance);
const char *lia_labels_direction                (LiaCommitmentDirection  direction);
const char *lia_labels_commitment_status        (LiaCommitmentStatus     status);
const char *lia_labels_concern_status           (LiaConcernStatus        status);
/* "Low", … as a value; "Low severity", … where the word stands without a heading. */
const char *lia_labels_severity                 (LiaSeverity             severity);
const char *lia_labels_severity_long            (LiaSeverity             severity);
/* LIA_CHANNEL_UNSPECIFIED is "No preference". */
const char *lia_labels_channel                  (LiaChannel              channel);
const char *lia_labels_contact_point_kind       (LiaContactPointKind     kind);
/* "work", … as in "+41 22 791 21 11 (work)". */
const char *lia_labels_contact_point_kind_in_text (LiaContactPointKind   kind);
const char *lia_labels_project_status           (LiaProjectStatus        status);
const char *lia_labels_milestone_status         (LiaMilestoneStatus      status);
const char *lia_labels_risk_status              (LiaRiskStatus           status);
/* What people usually call a stakeholder's part in a project ("Funder", "Regulator", …),
 * translated, %NULL-terminated: suggestions, a role is free text. */
const char * const *lia_labels_stakeholder_roles (void);
/* "Organizations", … as a list or a count is headed. */
const char *lia_labels_record_kind_plural       (LiaRecordKind           kind);
/* "organization", … as messages name one record: "organization “who”". */
const char *lia_labels_record_kind_noun         (LiaRecordKind           kind);
/* "very negative" … "very positive", for a sentiment from -2 to 2 (or an average of them). */
const char *lia_labels_sentiment                (double                  sentiment);

/* An influence or interest from 1 to 5: "3 of 5"; "4 of 5, high" with its name. 0 (or out of
 * range) is "Not assessed". */
char       *lia_labels_format_scale             (int                     value);
char       *lia_labels_format_level             (int                     value);

/* "12 March 2025", in running text; "12 Mar 2025", in tables. %NULL for a missing or
 * invalid date. */
char       *lia_labels_format_date              (const GDate            *date);
char       *lia_labels_format_short_date        (const GDate            *date);
/* A contact's birthday ("1984-03-21" or "--03-21") as "21 March 1984" or "21 March". */
char       *lia_labels_format_birthday          (const char             *birthday);

G_END_DECLS
