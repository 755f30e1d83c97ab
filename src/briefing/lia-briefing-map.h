/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "lia-store-map.h"
#include "lia-store-engagement.h"

G_BEGIN_DECLS

/* The stakeholder map on paper: the same grid, quadrants, stance colours and legend as the
 * window's map, drawn with cairo and Pango, for a PNG or PDF export and for briefings. */

typedef enum {
  LIA_MAP_FILE_PNG,
  LIA_MAP_FILE_PDF,
} LiaMapFileFormat;

/* "Manage closely", … as the map names its quadrants; "Not assessed" for NONE. */
const char *lia_briefing_map_quadrant_label (LiaQuadrant       quadrant);
/* The colour a stance has on the map (and in the window's legend), 0–1 each. */
void        lia_briefing_map_stance_rgb     (LiaStance         stance,
                                             double           *red,
                                             double           *green,
                                             double           *blue);
/* Draws @map into the rectangle (0, 0, @width, @height) in cairo units (points for PDF,
 * pixels for PNG), with @title over it (%NULL for none). Each cell lists its first
 * stakeholders by name with a stance dot, then "and N more". */
void        lia_briefing_draw_map           (cairo_t          *cr,
                                             const LiaMap     *map,
                                             const char       *title,
                                             double            width,
                                             double            height);
/* Writes the map to @path as one A4 landscape PDF page or a 1600 × 1130 PNG. */
gboolean    lia_briefing_write_map          (const LiaMap     *map,
                                             const char       *title,
                                             const char       *path,
                                             LiaMapFileFormat  format,
                                             GError          **error);

G_END_DECLS
