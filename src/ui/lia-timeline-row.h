/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-store.h"
#include "lia-list-model.h"

G_BEGIN_DECLS

#define LIA_TYPE_TIMELINE_ROW (lia_timeline_row_get_type ())

G_DECLARE_FINAL_TYPE (LiaTimelineRow, lia_timeline_row, LIA, TIMELINE_ROW, GtkWidget)

/* One interaction in a timeline: kind icon, title, time, participants and outcome, below the
 * heading of its day when it is the first of that day in the list. */
LiaTimelineRow *lia_timeline_row_new          (void);
/* A row for a list view that binds it to one interaction after another: its text is laid out
 * once per bind, at the width it is given, and its minimum and natural widths leave out the
 * text's (the icon, the time and the margins only), which a list view shows at its own width
 * anyway. */
LiaTimelineRow *lia_timeline_row_new_recycled (void);
void            lia_timeline_row_bind         (LiaTimelineRow *self,
                                               LiaStore       *store,
                                               LiaInteraction *interaction,
                                               gboolean        first_of_day);
/* Where the row takes its participants' names from when it has them (the timeline's model,
 * which reads them with each page), before asking the store; %NULL for the store alone. */
void            lia_timeline_row_set_names    (LiaTimelineRow *self,
                                               LiaListModel   *names);
/* Shows or hides the day heading alone (the row moved in the list; its interaction did not). */
void            lia_timeline_row_set_first_of_day (LiaTimelineRow *self,
                                                   gboolean        first_of_day);
void            lia_timeline_row_unbind       (LiaTimelineRow *self);
LiaInteraction *lia_timeline_row_get_interaction (LiaTimelineRow *self);
/* The day heading's text ("Today", "Monday, 3 March 2025"), shown or not. */
const char     *lia_timeline_row_get_day      (LiaTimelineRow *self);
gboolean        lia_timeline_row_get_shows_day (LiaTimelineRow *self);
const char     *lia_timeline_row_get_title    (LiaTimelineRow *self);
const char     *lia_timeline_row_get_participants (LiaTimelineRow *self);
/* The kind icon's tooltip, the kind in words ("Meeting"); %NULL before the first bind. */
const char     *lia_timeline_row_get_kind_tooltip (LiaTimelineRow *self);

G_END_DECLS
