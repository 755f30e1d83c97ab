/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-store-engagement.h"

G_BEGIN_DECLS

/* What the Today view shows, and what the desktop notifications say: what is late, what is
 * due this week, whom to be in touch with, what is planned, what is in dispute. */

/* How far ahead "this week" and "the next days" look, today included. */
#define LIA_TODAY_DAYS_AHEAD 7

/**
 * LiaToday:
 * @day: the local day it is for
 * @overdue: open commitments past their due date, both ways (LiaCommitment), oldest first
 * @due_this_week: open commitments due from @day to 6 days after it, soonest first
 * @due_for_contact: stakeholders due for contact (LiaStakeholder), soonest due first
 * @meetings: interactions planned from now to the end of the 7th day (LiaInteraction),
 *   soonest first
 * @concerns: concerns open or in mediation (LiaConcern), most severe first
 * @n_overdue, @n_due_this_week, @n_due_for_contact, @n_meetings: how many there are in all;
 *   the arrays hold at most the limit asked for
 *
 * @milestones_due: open milestones due from @day to 6 days after it (LiaTodayProjectItem),
 *   soonest first, of projects neither completed nor cancelled
 * @risks_to_review: open or mitigating risks whose next review is before @day
 *   (LiaTodayProjectItem), longest overdue first, of such projects too
 * @n_milestones_due, @n_risks_to_review: how many there are in all
 */
/**
 * LiaTodayProjectItem:
 * @project_id, @project_name: the project it belongs to, which its row opens
 * @title: the milestone's or the risk's
 * @date: the milestone's due date or the risk's review date
 * @score: a risk's likelihood × impact, 0 for a milestone
 */
typedef struct
{
  gint64  project_id;
  char   *project_name;
  char   *title;
  GDate   date;
  int     score;
} LiaTodayProjectItem;

typedef struct
{
  GDate      day;
  GPtrArray *overdue;
  GPtrArray *due_this_week;
  GPtrArray *due_for_contact;
  GPtrArray *meetings;
  GPtrArray *concerns;
  guint      n_overdue;
  guint      n_due_this_week;
  guint      n_due_for_contact;
  guint      n_meetings;
  GPtrArray *milestones_due;
  GPtrArray *risks_to_review;
  guint      n_milestones_due;
  guint      n_risks_to_review;
} LiaToday;

void       lia_today_free              (LiaToday *today);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaToday, lia_today_free)

/* Everything above as of @now (local time; %NULL for now), at most @limit rows per section. */
LiaToday  *lia_store_get_today         (LiaStore   *self,
                                        GDateTime  *now,
                                        guint       limit,
                                        GError    **error);

/**
 * LiaTodayNotice:
 * @id: a stable name for the notification ("commitments-due", "contact-lapsed"), so that a
 *   second one replaces the first
 * @title, @body: what it says
 * @kind, @record_id: the record its action opens; @record_id 0 to open the Today view
 */
typedef struct
{
  const char    *id;
  char          *title;
  char          *body;
  LiaRecordKind  kind;
  gint64         record_id;
} LiaTodayNotice;

void       lia_today_notice_free       (LiaTodayNotice *notice);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaTodayNotice, lia_today_notice_free)

/* The desktop notifications to send for @today, given the day notifications were last sent
 * (ISO date, "" or %NULL for never): none when that day is today, at most one a day. One
 * notice for commitments that fall due today (or that were overdue and nobody was told:
 * on the first day of use), one for manage-closely stakeholders whose cadence has lapsed. */
GPtrArray *lia_today_plan_notices      (const LiaToday *today,
                                        const char     *last_notified);

/* The interactions linked to a concern (LiaInteraction), oldest first: the concern's own
 * timeline. */
GPtrArray *lia_store_list_concern_interactions (LiaStore   *self,
                                                gint64      concern_id,
                                                GError    **error);
/* The commitments that came out of a concern (LiaCommitment): those promised at the
 * interactions linked to it, by due date, undated last. */
GPtrArray *lia_store_list_concern_commitments  (LiaStore   *self,
                                                gint64      concern_id,
                                                GError    **error);

G_END_DECLS
