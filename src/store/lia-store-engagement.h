/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-store.h"

G_BEGIN_DECLS

/* Engagement: when each stakeholder was last in touch, when they are due again, and how the
 * relationship is doing. docs/engagement.md gives the rules and the health formula; the
 * command line (`liaison stakeholders`) and, later, the window's lists use these queries.
 * "Today" is always passed in, so that a report made "as of" a day says the same thing
 * whenever it is made. */

/**
 * LiaQuadrant:
 * @LIA_QUADRANT_NONE: influence or interest not assessed
 * @LIA_QUADRANT_MONITOR: low influence, low interest
 * @LIA_QUADRANT_KEEP_INFORMED: low influence, high interest
 * @LIA_QUADRANT_KEEP_SATISFIED: high influence, low interest
 * @LIA_QUADRANT_MANAGE_CLOSELY: high influence, high interest
 *
 * Where an assessment falls on the influence × interest map. 3, 4 and 5 are "high".
 */
typedef enum {
  LIA_QUADRANT_NONE,
  LIA_QUADRANT_MONITOR,
  LIA_QUADRANT_KEEP_INFORMED,
  LIA_QUADRANT_KEEP_SATISFIED,
  LIA_QUADRANT_MANAGE_CLOSELY,
} LiaQuadrant;

LiaQuadrant  lia_quadrant_from_assessment  (int          influence,
                                            int          interest);
/* The stay-in-touch cadence of a quadrant, in days; 0 for none: 30, 60, 90, none, none. */
guint        lia_quadrant_default_cadence  (LiaQuadrant  quadrant);

typedef enum {
  LIA_STAKEHOLDER_SORT_NAME,
  LIA_STAKEHOLDER_SORT_LAST_CONTACT,  /* longest without contact first, never contacted first */
  LIA_STAKEHOLDER_SORT_INFLUENCE,     /* highest first */
  LIA_STAKEHOLDER_SORT_INTEREST,      /* highest first */
  LIA_STAKEHOLDER_SORT_HEALTH,        /* lowest first: who needs attention */
  LIA_STAKEHOLDER_SORT_DUE,           /* soonest due first; no cadence last */
  LIA_STAKEHOLDER_SORT_STANCE,        /* opposed first, then concerned, …, advocate, unknown */
} LiaStakeholderSort;

/**
 * LiaStakeholderQuery:
 * @kinds: bits of LiaRecordKind (organization, contact); 0 for both
 * @stances: bits of LiaStance; 0 for any
 * @influence_min, @influence_max: 0–5, inclusive
 * @interest_min, @interest_max: 0–5, inclusive
 * @sector: an organization's sector, or that of a contact's organization (case aside); %NULL
 * @tag: a tag the record has (case aside); %NULL for any
 * @country: an organization's country code, or that of a contact's organization; %NULL
 * @not_contacted_days: only records whose last contact is more than this many days before
 *   @today, or who were never contacted; negative for no such filter
 * @due_only: only records due for contact
 * @sort: the order; by health, a page (lia_store_list_stakeholders_page()) is in the order
 *   of the recency part, the one part kept in the database; a whole list is in score order
 * @today: the day the figures are for; %NULL for today
 * @cadence: the stay-in-touch cadence, in days, of each LiaQuadrant for records without one
 *   of their own; 0 for none. lia_stakeholder_query_init() sets the built-in defaults
 *   (lia_quadrant_default_cadence()); the window puts the Preferences' there.
 * @only_id: only the record with this id (with @kinds naming its kind); 0 for any
 *
 * Initialize with lia_stakeholder_query_init(), which sets no filter.
 */
typedef struct
{
  guint               kinds;
  guint               stances;
  int                 influence_min;
  int                 influence_max;
  int                 interest_min;
  int                 interest_max;
  const char         *sector;
  const char         *tag;
  const char         *country;
  int                 not_contacted_days;
  gboolean            due_only;
  LiaStakeholderSort  sort;
  const GDate        *today;
  guint               cadence[LIA_QUADRANT_MANAGE_CLOSELY + 1];
  gint64              only_id;
} LiaStakeholderQuery;

void         lia_stakeholder_query_init    (LiaStakeholderQuery *query);

/**
 * LiaHealth:
 * @score: 0–100, the sum of the four parts
 * @recency: 0–40, last contact against the cadence (or 90 days when there is none)
 * @sentiment: 0–30, the mean sentiment of the last five interactions (15 when none)
 * @commitments: 0–20, less 5 per overdue commitment, ours or theirs
 * @concerns: 0–10, less 2/4/7/10 per open concern of low/medium/high/critical severity
 * @average_sentiment: the mean the sentiment part comes from (−2..+2)
 * @n_recent: how many interactions it is the mean of (0–5)
 * @overdue_ours, @overdue_theirs: open commitments past their due date, by direction
 * @open_concerns: concerns open or in mediation the stakeholder is a party to
 *
 * Relationship health, with every figure it is made of, so that the window and the command
 * line can say why a score is what it is.
 */
typedef struct
{
  int     score;
  int     recency;
  int     sentiment;
  int     commitments;
  int     concerns;
  double  average_sentiment;
  guint   n_recent;
  guint   overdue_ours;
  guint   overdue_theirs;
  guint   open_concerns;
} LiaHealth;

/**
 * LiaStakeholder:
 * @kind: LIA_RECORD_KIND_ORGANIZATION or LIA_RECORD_KIND_CONTACT
 * @id: database id
 * @uid: the stable id, as in the partner directory
 * @name: the organization's name or the contact's label
 * @influence, @interest: 0–5, 0 when not assessed
 * @stance: where they stand
 * @last_contact: the local day of the latest interaction up to @today; %NULL for never
 * @cadence_days: how often to be in touch: the record's own cadence, else its map quadrant's;
 *   0 for no cadence
 * @next_contact: the day contact is due by (last contact + cadence, or @today when never
 *   contacted); %NULL when there is no cadence
 * @due: due for contact: the cadence has lapsed or lapses within a week of @today
 * @health: relationship health
 */
typedef struct
{
  LiaRecordKind  kind;
  gint64         id;
  char          *uid;
  char          *name;
  int            influence;
  int            interest;
  LiaStance      stance;
  GDate         *last_contact;
  guint          cadence_days;
  GDate         *next_contact;
  gboolean       due;
  LiaHealth      health;
} LiaStakeholder;

void         lia_stakeholder_free          (LiaStakeholder *stakeholder);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaStakeholder, lia_stakeholder_free)

/* The organizations and contacts @query selects (LiaStakeholder elements), in its order. */
GPtrArray   *lia_store_list_stakeholders   (LiaStore                  *self,
                                            const LiaStakeholderQuery *query,
                                            GError                   **error);

/* Up to @limit of the same, from @offset on, with their health: what a window's page costs.
 * By health, in the order of the recency part (see LiaStakeholderQuery). */
GPtrArray   *lia_store_list_stakeholders_page (LiaStore                  *self,
                                               const LiaStakeholderQuery *query,
                                               guint                      offset,
                                               guint                      limit,
                                               GError                   **error);
gboolean     lia_store_count_stakeholders  (LiaStore                  *self,
                                            const LiaStakeholderQuery *query,
                                            guint                     *out_count,
                                            GError                   **error);
/* One organization or contact as of @today (%NULL: today), with @cadence as the quadrants'
 * defaults (%NULL: the built-in ones): what its page says about last contact and health. */
LiaStakeholder *lia_store_get_stakeholder  (LiaStore                  *self,
                                            LiaRecordKind              kind,
                                            gint64                     id,
                                            const GDate               *today,
                                            const guint               *cadence,
                                            GError                   **error);

/* Concerns (LiaConcern) whose status is one of @statuses (bits of LiaConcernStatus; 0 for
 * any), most severe first, then the longest open first. */
GPtrArray   *lia_store_list_concerns       (LiaStore                  *self,
                                            guint                      statuses,
                                            GError                   **error);

G_END_DECLS
