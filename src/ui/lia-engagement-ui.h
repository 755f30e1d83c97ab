/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-editor.h"
#include "lia-store-engagement.h"

G_BEGIN_DECLS

/* What the window says about engagement (docs/engagement.md): last contact, cadence, health
 * and why, in words; the quadrants' cadences from Preferences. */

/* "Manage closely", …; "Not assessed" for LIA_QUADRANT_NONE. */
const char *lia_engagement_quadrant_name   (LiaQuadrant          quadrant);
/* The GSettings key of a quadrant's default cadence ("cadence-manage-closely", …). */
const char *lia_engagement_cadence_key     (LiaQuadrant          quadrant);
/* The application's settings, or %NULL when its schema is not installed. */
GSettings  *lia_engagement_settings_new    (void);
/* lia_stakeholder_query_init() with the quadrants' cadences of @settings (%NULL: the
 * application's, or the built-in ones without a schema). */
void        lia_engagement_query_init      (LiaStakeholderQuery *query,
                                            GSettings           *settings);
/* "today", "yesterday", "5 days ago", "3 weeks ago", "4 months ago", "2 years ago";
 * "never" for %NULL. */
char       *lia_engagement_format_ago      (const GDate         *day,
                                            const GDate         *today);
/* A short line for a list row: "3 weeks ago · health 64" (the stance is the row's dot). */
char       *lia_engagement_format_summary  (const LiaStakeholder *stakeholder,
                                            const GDate          *today);
/* The CSS class of a stance's dot ("stance-opposed", …). */
const char *lia_engagement_stance_class    (LiaStance            stance);
/* Appends the "Engagement" group of an organization's or a contact's page: last contact,
 * cadence, due by and health with its four parts explained. */
void        lia_engagement_add_group       (GtkWidget           *content,
                                            LiaStore            *store,
                                            LiaRecordKind        kind,
                                            gint64               id);

/* An "As of" date row at the end of an organization's People @group: who held which role
 * there on the day typed (lia_store_list_affiliations_for_organization(), as `liaison as-of`). */
void        lia_engagement_add_as_of      (GtkWidget           *group,
                                           LiaStore            *store,
                                           gint64               organization_id);

/* The editors' "Stay in touch" rows (the quadrant's default, every N days, never), added to
 * the Assessment @group; they hang off the @stance row, where the apply function finds them. */
void        lia_engagement_add_cadence_rows   (LiaEditor           *editor,
                                               GtkWidget           *group,
                                               LiaAssessment       *assessment,
                                               GtkWidget           *stance);
void        lia_engagement_apply_cadence_rows (LiaAssessment       *assessment,
                                               GtkWidget           *stance);

G_END_DECLS
