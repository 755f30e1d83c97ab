/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lia-store.h"
#include "lia-store-map.h"

G_BEGIN_DECLS

#define LIA_TYPE_STAKEHOLDER_MAP (lia_stakeholder_map_get_type ())

/**
 * LiaStakeholderMap:
 *
 * The influence × interest map: a 5 × 5 grid of cells, each with the avatars of the
 * organizations and contacts assessed there (the stance as the avatar's ring, said in words
 * to assistive technologies), the four quadrants named, the list's filters, "as of" a past
 * day, and export to PNG or PDF. Dragging an avatar to another cell (or "Move to…" from the
 * keyboard) saves a new assessment.
 *
 * Signals:
 * - "record-activated" (int kind, gint64 id): open this record.
 * - "reassessed" (LiaReassessment *move, const char *message): a move was saved; @message says
 *   what for a toast, @move is what Undo takes back (copy it to keep it).
 *
 * Actions (for the keyboard, the menus and tests): "map.move-to" ("(ixii)": kind, id,
 * influence, interest), "map.export" ("s": "png" or "pdf").
 */
G_DECLARE_FINAL_TYPE (LiaStakeholderMap, lia_stakeholder_map, LIA, STAKEHOLDER_MAP, GtkWidget)

LiaStakeholderMap *lia_stakeholder_map_new          (LiaStore          *store);
/* The filters and the day shown; the query's strings are copied. */
void               lia_stakeholder_map_set_query    (LiaStakeholderMap *self,
                                                     const LiaMapQuery *query);
/* %NULL for now. */
void               lia_stakeholder_map_set_as_of    (LiaStakeholderMap *self,
                                                     const GDate       *as_of);
/* What the map shows (owned by the map), for tests and export. */
const LiaMap      *lia_stakeholder_map_get_map      (LiaStakeholderMap *self);
/* The cell widget of influence @influence and interest @interest (1–5). */
GtkWidget         *lia_stakeholder_map_get_cell     (LiaStakeholderMap *self,
                                                     int                influence,
                                                     int                interest);
/* Reloads now (the map reloads by itself when records change). */
void               lia_stakeholder_map_reload       (LiaStakeholderMap *self);

G_END_DECLS
