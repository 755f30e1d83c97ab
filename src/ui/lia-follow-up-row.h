/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-store.h"

G_BEGIN_DECLS

#define LIA_TYPE_FOLLOW_UP_ROW (lia_follow_up_row_get_type ())

G_DECLARE_FINAL_TYPE (LiaFollowUpRow, lia_follow_up_row, LIA, FOLLOW_UP_ROW, GtkWidget)

/* One commitment in Follow-ups: its title, counterpart and when it is due (or was closed) on a
 * line of its own that wraps rather than being cut off, and a labelled action button: "Mark as
 * Done" ("win.mark-done") for an open one, "Reopen" ("win.reopen") for a closed one. Below the
 * heading of its group (Overdue, This Week, Later, Done) when it is the first of that group. */
LiaFollowUpRow *lia_follow_up_row_new           (void);
void            lia_follow_up_row_bind          (LiaFollowUpRow *self,
                                                 LiaStore       *store,
                                                 LiaCommitment  *commitment,
                                                 const GDate    *today,
                                                 gboolean        first_of_group);
void            lia_follow_up_row_unbind        (LiaFollowUpRow *self);
LiaCommitment  *lia_follow_up_row_get_commitment (LiaFollowUpRow *self);
/* The group heading's text, shown or not. */
const char     *lia_follow_up_row_get_heading   (LiaFollowUpRow *self);
gboolean        lia_follow_up_row_get_shows_heading (LiaFollowUpRow *self);
/* "Overdue since 12 May 2026", "Due today", "Done on 3 December 2026"… */
const char     *lia_follow_up_row_get_when      (LiaFollowUpRow *self);
GtkButton      *lia_follow_up_row_get_action_button (LiaFollowUpRow *self);

/* The heading of a group ("Overdue", "This Week", "Later", "Done"). */
const char     *lia_follow_up_row_heading_for   (LiaCommitmentUrgency urgency);

G_END_DECLS
