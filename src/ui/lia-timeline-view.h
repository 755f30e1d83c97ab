/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-store.h"
#include "lia-list-model.h"

G_BEGIN_DECLS

#define LIA_TYPE_TIMELINE_VIEW (lia_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (LiaTimelineView, lia_timeline_view, LIA, TIMELINE_VIEW, GtkWidget)

/* Interactions, newest first, grouped by day, over the lazy timeline model: the Timeline view
 * and the timeline of an organization's or a contact's detail. Construct-only properties:
 * "store", "organization-id" and "contact-id" (a fixed scope; 0 for everything). Filters
 * by kind, by date range and (without a fixed scope) by organization or contact.
 * Signal "interaction-selected" (LiaInteraction *) when the selection changes to a row, and
 * "interaction-activated" (LiaInteraction *) on Enter or a click on the selected row. */
LiaTimelineView *lia_timeline_view_new           (LiaStore        *store,
                                                  gint64           organization_id,
                                                  gint64           contact_id);
GListModel      *lia_timeline_view_get_model     (LiaTimelineView *self);
/* @kinds: bit mask of 1 << LiaInteractionKind, 0 for all. */
void             lia_timeline_view_set_kinds     (LiaTimelineView *self,
                                                  guint            kinds);
void             lia_timeline_view_set_range     (LiaTimelineView *self,
                                                  const GDate     *since,
                                                  const GDate     *until);
/* Only the interactions of this organization or contact (kind and id; id 0 for anyone).
 * Ignored with a fixed scope. */
void             lia_timeline_view_set_party     (LiaTimelineView *self,
                                                  LiaRecordKind    kind,
                                                  gint64           id);
void             lia_timeline_view_unselect      (LiaTimelineView *self);
/* Selects and shows the row at @position. */
void             lia_timeline_view_select        (LiaTimelineView *self,
                                                  guint            position);
/* The heading shown over the top of the list while scrolled ("" when at the top). */
const char      *lia_timeline_view_get_sticky_day (LiaTimelineView *self);

G_END_DECLS
