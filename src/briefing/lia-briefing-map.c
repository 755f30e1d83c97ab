/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-briefing"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "lia-briefing-map.h"
#include "lia-labels.h"

/* A4 landscape, in points; the PNG keeps its proportions. */
#define PAGE_WIDTH 842.0
#define PAGE_HEIGHT 595.0
#define PNG_WIDTH 1600
#define PNG_HEIGHT 1130

const char *
lia_briefing_map_quadrant_label (LiaQuadrant quadrant)
{
  switch (quadrant)
    {
    case LIA_QUADRANT_MANAGE_CLOSELY:
      return C_("map quadrant", "Manage closely");
    case LIA_QUADRANT_KEEP_SATISFIED:
      return C_("map quadrant", "Keep satisfied");
    case LIA_QUADRANT_KEEP_INFORMED:
      return C_("map quadrant", "Keep informed");
    case LIA_QUADRANT_MONITOR:
      return C_("map quadrant", "Monitor");
    case LIA_QUADRANT_NONE:
    default:
      return C_("map quadrant", "Not assessed");
    }
}

void
lia_briefing_map_stance_rgb (LiaStance  stance,
                             double    *red,
                             double    *green,
                             double    *blue)
{
  /* GNOME's palette; the window's style.css uses the same values (.stance-*). */
  static const guint32 colours[] = {
    [LIA_STANCE_UNKNOWN] = 0x77767b,
    [LIA_STANCE_ADVOCATE] = 0x1c71d8,
    [LIA_STANCE_SUPPORTIVE] = 0x26a269,
    [LIA_STANCE_NEUTRAL] = 0xc0bfbc,
    [LIA_STANCE_CONCERNED] = 0xe5a50a,
    [LIA_STANCE_OPPOSED] = 0xe01b24,
  };
  guint32 rgb = (guint) stance < G_N_ELEMENTS (colours) ? colours[stance] : colours[0];

  *red = ((rgb >> 16) & 0xff) / 255.0;
  *green = ((rgb >> 8) & 0xff) / 255.0;
  *blue = (rgb & 0xff) / 255.0;
}

static void
draw_text (cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      width,
           double      size,
           gboolean    bold,
           PangoAlignment alignment)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_dot (cairo_t   *cr,
          LiaStance  stance,
          double     x,
          double     y,
          double     radius)
{
  double r, g, b;

  lia_briefing_map_stance_rgb (stance, &r, &g, &b);
  cairo_set_source_rgb (cr, r, g, b);
  /* Text leaves a current point; without a new path the arc would start with a line from it. */
  cairo_new_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  cairo_fill (cr);
}

void
lia_briefing_draw_map (cairo_t      *cr,
                       const LiaMap *map,
                       const char   *title,
                       double        width,
                       double        height)
{
  double unit = MIN (width / PAGE_WIDTH, height / PAGE_HEIGHT);
  double margin = 28 * unit;
  double axis = 22 * unit;
  double top = margin + (title != NULL ? 28 * unit : 0) + 16 * unit;
  double legend = 26 * unit;
  double grid_w = width - 2 * margin - axis;
  double grid_h = height - top - margin - legend - 2 * 16 * unit - axis;
  double cell_w = grid_w / LIA_MAP_SIZE;
  double cell_h = grid_h / LIA_MAP_SIZE;
  double left = margin + axis;
  double font = 9 * unit;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (map != NULL);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  if (title != NULL)
    draw_text (cr, title, margin, margin, width - 2 * margin, 16 * unit, TRUE, PANGO_ALIGN_LEFT);

  /* Quadrant names above the high-influence rows and below the low ones. */
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  draw_text (cr, lia_briefing_map_quadrant_label (LIA_QUADRANT_KEEP_SATISFIED),
             left, top - 14 * unit, 2 * cell_w, font, TRUE, PANGO_ALIGN_CENTER);
  draw_text (cr, lia_briefing_map_quadrant_label (LIA_QUADRANT_MANAGE_CLOSELY),
             left + 2 * cell_w, top - 14 * unit, 3 * cell_w, font, TRUE, PANGO_ALIGN_CENTER);
  draw_text (cr, lia_briefing_map_quadrant_label (LIA_QUADRANT_MONITOR),
             left, top + grid_h + axis, 2 * cell_w, font, TRUE, PANGO_ALIGN_CENTER);
  draw_text (cr, lia_briefing_map_quadrant_label (LIA_QUADRANT_KEEP_INFORMED),
             left + 2 * cell_w, top + grid_h + axis, 3 * cell_w, font, TRUE, PANGO_ALIGN_CENTER);

  for (int influence = LIA_MAP_SIZE; influence >= 1; influence--)
    for (int interest = 1; interest <= LIA_MAP_SIZE; interest++)
      {
        double x = left + (interest - 1) * cell_w;
        double y = top + (LIA_MAP_SIZE - influence) * cell_h;
        LiaQuadrant quadrant = lia_quadrant_from_assessment (influence, interest);
        GPtrArray *entries = map->cells[influence - 1][interest - 1];
        guint count = map->counts[influence - 1][interest - 1];
        guint lines = MAX (1, (guint) ((cell_h - 6 * unit) / (font * 1.45)));
        guint shown = 0;

        switch (quadrant)
          {
          case LIA_QUADRANT_MANAGE_CLOSELY: cairo_set_source_rgb (cr, 0.93, 0.95, 0.99); break;
          case LIA_QUADRANT_KEEP_SATISFIED: cairo_set_source_rgb (cr, 0.96, 0.96, 0.93); break;
          case LIA_QUADRANT_KEEP_INFORMED: cairo_set_source_rgb (cr, 0.94, 0.97, 0.94); break;
          case LIA_QUADRANT_MONITOR:
          case LIA_QUADRANT_NONE:
          default: cairo_set_source_rgb (cr, 0.97, 0.97, 0.97); break;
          }
        cairo_rectangle (cr, x + unit, y + unit, cell_w - 2 * unit, cell_h - 2 * unit);
        cairo_fill (cr);

        for (guint i = 0; entries != NULL && i < entries->len && shown < lines; i++)
          {
            const LiaMapEntry *entry = entries->pdata[i];
            double line_y = y + 4 * unit + shown * font * 1.45;

            if (shown == lines - 1 && count > shown + 1)
              break;
            draw_dot (cr, entry->stance, x + 7 * unit, line_y + font * 0.65, 3 * unit);
            cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
            draw_text (cr, entry->name, x + 13 * unit, line_y, cell_w - 16 * unit, font, FALSE,
                       PANGO_ALIGN_LEFT);
            shown++;
          }
        if (count > shown)
          {
            g_autofree char *more = shown > 0
              ? g_strdup_printf (ngettext ("and %u more", "and %u more", count - shown), count - shown)
              : g_strdup_printf (ngettext ("%u stakeholder", "%u stakeholders", count), count);

            cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
            draw_text (cr, more, x + 13 * unit, y + 4 * unit + shown * font * 1.45,
                       cell_w - 16 * unit, font, FALSE, PANGO_ALIGN_LEFT);
          }
      }

  /* The quadrant lines, and the axes' numbers and names. */
  cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
  cairo_set_line_width (cr, 1.5 * unit);
  cairo_move_to (cr, left + 2 * cell_w, top);
  cairo_line_to (cr, left + 2 * cell_w, top + grid_h);
  cairo_move_to (cr, left, top + 3 * cell_h);
  cairo_line_to (cr, left + grid_w, top + 3 * cell_h);
  cairo_stroke (cr);
  for (int i = 1; i <= LIA_MAP_SIZE; i++)
    {
      g_autofree char *number = g_strdup_printf ("%d", i);

      draw_text (cr, number, margin, top + (LIA_MAP_SIZE - i) * cell_h + cell_h / 2 - font / 2,
                 axis - 4 * unit, font, FALSE, PANGO_ALIGN_RIGHT);
      draw_text (cr, number, left + (i - 1) * cell_w, top + grid_h + 3 * unit, cell_w, font, FALSE,
                 PANGO_ALIGN_CENTER);
    }
  /* Translators: the vertical axis of the stakeholder map, pointing up. */
  draw_text (cr, _("Influence ↑"), margin, top - 14 * unit, 2 * cell_w, font, FALSE, PANGO_ALIGN_LEFT);
  /* Translators: the horizontal axis of the stakeholder map, pointing right. */
  draw_text (cr, _("Interest →"), left + 3 * cell_w, top + grid_h + 3 * unit, 2 * cell_w, font, FALSE,
             PANGO_ALIGN_RIGHT);

  /* The legend: every stance with its colour, in words. */
  {
    double x = margin;
    double y = height - margin - legend / 2;

    for (int stance = LIA_STANCE_ADVOCATE; stance <= LIA_STANCE_OPPOSED + 1; stance++)
      {
        LiaStance s = stance <= LIA_STANCE_OPPOSED ? stance : LIA_STANCE_UNKNOWN;

        draw_dot (cr, s, x + 4 * unit, y, 4 * unit);
        cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
        draw_text (cr, lia_labels_stance (s), x + 11 * unit, y - font * 0.65, 100 * unit, font, FALSE,
                   PANGO_ALIGN_LEFT);
        x += 110 * unit;
      }
  }

  cairo_restore (cr);
}

gboolean
lia_briefing_write_map (const LiaMap      *map,
                        const char        *title,
                        const char        *path,
                        LiaMapFileFormat   format,
                        GError           **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (map != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (format == LIA_MAP_FILE_PDF)
    surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, PNG_WIDTH, PNG_HEIGHT);

  cr = cairo_create (surface);
  lia_briefing_draw_map (cr, map, title,
                         format == LIA_MAP_FILE_PDF ? PAGE_WIDTH : PNG_WIDTH,
                         format == LIA_MAP_FILE_PDF ? PAGE_HEIGHT : PNG_HEIGHT);
  cairo_destroy (cr);
  if (format == LIA_MAP_FILE_PNG)
    status = cairo_surface_write_to_png (surface, path);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is a file, the second %s cairo's reason. */
                   _("Could not write the stakeholder map to “%s”: %s"), name,
                   cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}
