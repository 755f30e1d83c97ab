/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lia-store.h"

G_BEGIN_DECLS

#define LIA_TYPE_CONCERNS_VIEW (lia_concerns_view_get_type ())

/**
 * LiaConcernsView:
 *
 * Every concern, most severe first: status (open, mediating, resolved) and severity filters,
 * each row with its parties and their positions and how long it has been open.
 *
 * Signals:
 * - "record-activated" (int kind, gint64 id): open this concern.
 */
G_DECLARE_FINAL_TYPE (LiaConcernsView, lia_concerns_view, LIA, CONCERNS_VIEW, GtkWidget)

LiaConcernsView *lia_concerns_view_new        (LiaStore        *store);
void             lia_concerns_view_reload     (LiaConcernsView *self);
/* Bits of LiaConcernStatus (0: any) and of LiaSeverity (0: any). */
void             lia_concerns_view_set_filter (LiaConcernsView *self,
                                               guint            statuses,
                                               guint            severities);
guint            lia_concerns_view_get_n_rows (LiaConcernsView *self);

G_END_DECLS
