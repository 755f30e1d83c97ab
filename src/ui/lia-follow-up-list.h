/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-store.h"

G_BEGIN_DECLS

#define LIA_TYPE_FOLLOW_UP_LIST (lia_follow_up_list_get_type ())

G_DECLARE_FINAL_TYPE (LiaFollowUpList, lia_follow_up_list, LIA, FOLLOW_UP_LIST, GtkWidget)

/* Which commitments Follow-ups shows (the order of its "Show" drop-down). */
typedef enum {
  LIA_FOLLOW_UP_FILTER_OPEN,
  LIA_FOLLOW_UP_FILTER_DONE,  /* done and cancelled: the history */
  LIA_FOLLOW_UP_FILTER_ALL,
} LiaFollowUpFilter;

/* Commitments split into what we owe and what they owe, grouped Overdue / This Week / Later
 * (by the local day; regrouped at midnight), then Done when the filter shows closed ones. Open
 * rows have a "Mark as Done" button ("win.mark-done"), closed ones "Reopen" ("win.reopen").
 * Loaded the first time it is shown, then kept in step with the store's changes. When the
 * store cannot be read it shows the store's message and a Retry button, never an empty list.
 * Construct-only property "store". Signal "commitment-selected" (LiaCommitment *). */
LiaFollowUpList *lia_follow_up_list_new         (LiaStore        *store);
/* Loads now if not loaded yet (it loads by itself when mapped). */
void             lia_follow_up_list_load        (LiaFollowUpList *self);
/* The commitments of one side, as shown: LiaCommitment items. */
GListModel      *lia_follow_up_list_get_model   (LiaFollowUpList        *self,
                                                 LiaCommitmentDirection  direction);
void             lia_follow_up_list_show_direction (LiaFollowUpList        *self,
                                                    LiaCommitmentDirection  direction);
void             lia_follow_up_list_unselect    (LiaFollowUpList *self);
void             lia_follow_up_list_set_filter  (LiaFollowUpList   *self,
                                                 LiaFollowUpFilter  filter);
LiaFollowUpFilter lia_follow_up_list_get_filter (LiaFollowUpList *self);
/* Why the commitments could not be read, or %NULL. */
const GError    *lia_follow_up_list_get_error   (LiaFollowUpList *self);

G_END_DECLS
