/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-store.h"

G_BEGIN_DECLS

/* Queries for printed reports (briefings): plain arrays and figures, computed in SQL, for one
 * organization or one contact. "Today" is always passed in, so that a report printed "as of"
 * a day says the same thing whenever it is printed. */

/**
 * LiaAssessmentState:
 * @changed_at: when the record took this assessment (the record's update time)
 * @influence: 1–5, 0 when not assessed
 * @interest: 1–5, 0 when not assessed
 * @stance: where the stakeholder stands
 *
 * One state an assessment has been in.
 */
typedef struct
{
  GDateTime *changed_at;
  int        influence;
  int        interest;
  LiaStance  stance;
} LiaAssessmentState;

void        lia_assessment_state_free (LiaAssessmentState *state);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaAssessmentState, lia_assessment_state_free)

/**
 * LiaRelationshipSummary:
 * @last_90_days: interactions on the 90 days up to today, today included
 * @last_year: interactions on the 365 days up to today
 * @last_contact: the latest interaction up to today (its own UTC offset), %NULL for none
 * @average_sentiment: mean sentiment (−2..+2) of the last year's interactions; 0 when none
 * @planned: interactions after today
 *
 * What the timeline of an organization (its people's interactions while affiliated included)
 * or of a contact says about the relationship. Free the contents with
 * lia_relationship_summary_clear().
 */
typedef struct
{
  guint      last_90_days;
  guint      last_year;
  GDateTime *last_contact;
  double     average_sentiment;
  guint      planned;
} LiaRelationshipSummary;

void        lia_relationship_summary_clear (LiaRelationshipSummary *summary);

/* The states of the assessment of an organization (@kind LIA_RECORD_KIND_ORGANIZATION) or a
 * contact (LIA_RECORD_KIND_CONTACT), oldest first: LiaAssessmentState elements. Records saved
 * before Liaison kept this history start with the state they had then. */
GPtrArray  *lia_store_list_assessment_history   (LiaStore                *self,
                                                 LiaRecordKind            kind,
                                                 gint64                   id,
                                                 GError                 **error);

/* Counts, last contact and mood of the timeline of @contact_id or @organization_id (exactly
 * one of them > 0) as of @today (local day; %NULL for today). */
gboolean    lia_store_get_relationship_summary  (LiaStore                *self,
                                                 gint64                   contact_id,
                                                 gint64                   organization_id,
                                                 const GDate             *today,
                                                 LiaRelationshipSummary  *out_summary,
                                                 GError                 **error);

/* Concerns still open or in mediation (LiaConcern) that the contact is a party to; for an
 * organization, those it is a party to and those of the people affiliated with it on @today.
 * Most severe first, then oldest first. */
GPtrArray  *lia_store_list_open_concerns        (LiaStore                *self,
                                                 gint64                   contact_id,
                                                 gint64                   organization_id,
                                                 const GDate             *today,
                                                 GError                 **error);

/* Open commitments (LiaCommitment) with the organization as counterpart, or with one of the
 * people affiliated with it on @today: overdue on @today first, then by due date, undated
 * last. */
GPtrArray  *lia_store_list_open_commitments_involving_organization (LiaStore     *self,
                                                                    gint64        organization_id,
                                                                    const GDate  *today,
                                                                    GError      **error);

/* Affiliations with the organization that ended between @since and @until (inclusive), the
 * most recent departure first: who left recently. */
GPtrArray  *lia_store_list_departures           (LiaStore                *self,
                                                 gint64                   organization_id,
                                                 const GDate             *since,
                                                 const GDate             *until,
                                                 GError                 **error);

G_END_DECLS
