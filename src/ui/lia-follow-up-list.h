/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-store.h"

G_BEGIN_DECLS

#define LIA_TYPE_FOLLOW_UP_LIST (lia_follow_up_list_get_type ())

G_DECLARE_FINAL_TYPE (LiaFollowUpList, lia_follow_up_list, LIA, FOLLOW_UP_LIST, GtkWidget)

/* Open commitments, overdue first then by due date, split into what we owe and what they owe,
 * each row with a one-click "done" button (the "win.mark-done" action). Loaded the first time
 * it is shown, then kept in step with the store's changes. Construct-only property "store".
 * Signal "commitment-selected" (LiaCommitment *). */
LiaFollowUpList *lia_follow_up_list_new         (LiaStore        *store);
/* Loads now if not loaded yet (it loads by itself when mapped). */
void             lia_follow_up_list_load        (LiaFollowUpList *self);
/* The commitments of one side, as shown: LiaCommitment items. */
GListModel      *lia_follow_up_list_get_model   (LiaFollowUpList        *self,
                                                 LiaCommitmentDirection  direction);
void             lia_follow_up_list_show_direction (LiaFollowUpList        *self,
                                                    LiaCommitmentDirection  direction);
void             lia_follow_up_list_unselect    (LiaFollowUpList *self);

G_END_DECLS
