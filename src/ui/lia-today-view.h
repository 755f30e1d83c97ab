/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lia-store.h"

G_BEGIN_DECLS

#define LIA_TYPE_TODAY_VIEW (lia_today_view_get_type ())

/**
 * LiaTodayView:
 *
 * The start page: overdue commitments both ways, what is due this week, whom to be in touch
 * with, meetings in the next seven days (each with Print Briefing) and open concerns, most
 * severe first. Every row opens its record.
 *
 * Signals:
 * - "record-activated" (int kind, gint64 id): open this record.
 * - "print-briefing" (gint64 interaction_id): print the meeting pack of this interaction.
 */
G_DECLARE_FINAL_TYPE (LiaTodayView, lia_today_view, LIA, TODAY_VIEW, GtkWidget)

LiaTodayView *lia_today_view_new       (LiaStore     *store);
/* The moment the view is for (%NULL: now, the default); for tests and "as of". */
void          lia_today_view_set_now   (LiaTodayView *self,
                                        GDateTime    *now);
void          lia_today_view_reload    (LiaTodayView *self);
/* Whether a read in a worker thread is under way (a big database; for benchmarks). */
gboolean      _lia_today_view_get_loading (LiaTodayView *self);
/* How many rows a section shows (tests): "overdue", "this-week", "contact", "meetings",
 * "concerns". */
guint         lia_today_view_count_rows (LiaTodayView *self,
                                         const char   *section);

G_END_DECLS
