/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-briefing"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "lia-briefing-layout.h"
#include "lia-briefing-private.h"

/* Everything is in points (1/72 inch): the Pango context has a resolution of 72 and no
 * hinting, so the same document breaks the same way on paper, in a PDF and in a preview. */

#define MM (72.0 / 25.4)

#define MARGIN_SIDE    (20 * MM)
#define MARGIN_TOP     (24 * MM)
#define MARGIN_BOTTOM  (22 * MM)
#define HEADER_TOP     (11 * MM)
#define FOOTER_BOTTOM  (10 * MM)
#define BAND           (8 * MM)   /* header and footer text stays this far from the edge */

#define SANS  "Noto Sans,DejaVu Sans,sans-serif"
#define SERIF "Noto Serif,DejaVu Serif,serif"

#define COLOR_TEXT    0x1d2024
#define COLOR_ACCENT  0x1f3a5f
#define COLOR_MUTED   0x5c6670
#define COLOR_RULE    0xc8d0d8
#define COLOR_HEADER  0xedf1f5
#define COLOR_MARKING 0x9b1c1c

#define ORPHANS 2
#define WIDOWS  2
#define CELL_PAD_X 5.0
#define CELL_PAD_Y 3.2
#define FIELD_PAD_Y 1.6
/* A table row taller than this share of the body is split between pages rather than moved. */
#define SPLIT_ROW_SHARE 0.3

/* The risk heat map: cells this many points, and a shade per band of scores. */
#define HEAT_CELL_W 34.0
#define HEAT_CELL_H 22.0
#define HEAT_GAP    1.5
#define HEAT_AXIS_W 16.0

typedef struct
{
  PangoLayout *layout;
  int          n_lines;
  double      *tops;       /* n_lines + 1: the top of each line, then the bottom of the last */
  double      *baselines;  /* n_lines */
  double      *xs;         /* n_lines: where each line starts (alignment, direction) */
  guint32      rgb;
} Text;

typedef enum {
  PIECE_TEXT,
  PIECE_FILL,
  PIECE_PICTURE,
} PieceKind;

typedef struct
{
  PieceKind kind;
  Text     *text;          /* PIECE_TEXT, owned by the layout's texts */
  int       first_line;
  int       n_lines;
  double    x;
  double    y;
  double    width;         /* PIECE_FILL */
  double    height;
  guint32   rgb;           /* PIECE_FILL */
  const LiaBriefingBlock *picture;  /* PIECE_PICTURE: the document's block, which draws it */
  gboolean  in_body;
} Piece;

typedef enum {
  ITEM_TEXT,
  ITEM_TABLE,
  ITEM_RULE,
  ITEM_BREAK,
  ITEM_HEAT_MAP,
  ITEM_PICTURE,
} ItemKind;

typedef struct
{
  ItemKind  kind;
  double    space_before;
  double    space_after;
  gboolean  keep_with_next;

  /* ITEM_TEXT */
  Text     *text;
  double    indent;
  gboolean  bar;            /* a rule down the left side (notes) */
  double    rule_below;     /* level-1 headings: a rule under the text, this thick */

  /* ITEM_RULE */
  double    thickness;
  guint32   rgb;

  /* ITEM_TABLE */
  gboolean  fields;
  guint     n_columns;
  double   *col_x;          /* relative to the left margin */
  double   *col_width;
  Text    **header;         /* n_columns, or NULL */
  GPtrArray *rows;          /* Text *[n_columns] */
  char     *continued;      /* markup of the "… (continued)" line, or NULL */

  /* ITEM_HEAT_MAP: the counts (the document's), the numbers in the cells and on the axes, the
   * axes' names and the legend. */
  const guint *grid;
  Text     *cell_text[25];
  Text     *axis_text[10];  /* likelihood 1–5, then impact 1–5 */
  Text     *likelihood;
  Text     *impact;
  Text     *legend;

  /* ITEM_PICTURE: the document's block and the size it gets on the page */
  const LiaBriefingBlock *picture;
  double    width;
  double    height;
} Item;

struct _LiaBriefingLayout
{
  GObject               parent_instance;

  LiaBriefingDocument  *document;
  double                page_width;
  double                page_height;
  double                left;
  double                body_width;
  double                body_top;
  double                body_bottom;

  PangoContext         *context;
  PangoFontDescription *fonts[16];
  GPtrArray            *texts;  /* Text, owned */
  GPtrArray            *items;  /* Item */
  GPtrArray            *pages;  /* GArray of Piece */

  /* Pagination state. */
  GArray               *page;
  double                y;
  gboolean              has_content;
  double                last_space_after;
};

G_DEFINE_FINAL_TYPE (LiaBriefingLayout, lia_briefing_layout, G_TYPE_OBJECT)

enum {
  FONT_KICKER,
  FONT_TITLE,
  FONT_SUBTITLE,
  FONT_H1,
  FONT_H2,
  FONT_H3,
  FONT_BODY,
  FONT_NOTE,
  FONT_DETAIL,
  FONT_TABLE_HEADER,
  FONT_CELL,
  FONT_LABEL,
  FONT_FOOTER,
  N_FONTS
};

static const char * const font_names[N_FONTS] = {
  [FONT_KICKER] = SANS " Bold 7.5",
  [FONT_TITLE] = SERIF " Bold 20",
  [FONT_SUBTITLE] = SANS " 10",
  [FONT_H1] = SERIF " Bold 13",
  [FONT_H2] = SANS " Bold 9.8",
  [FONT_H3] = SANS " Bold 9.3",
  [FONT_BODY] = SANS " 9.3",
  [FONT_NOTE] = SERIF " 9.5",
  [FONT_DETAIL] = SANS " 8.3",
  [FONT_TABLE_HEADER] = SANS " Bold 7",
  [FONT_CELL] = SANS " 8.6",
  [FONT_LABEL] = SANS " 8.3",
  [FONT_FOOTER] = SANS " 7.3",
};

G_STATIC_ASSERT (N_FONTS <= 16);

static void
text_free (Text *text)
{
  g_clear_object (&text->layout);
  g_free (text->tops);
  g_free (text->baselines);
  g_free (text->xs);
  g_free (text);
}

static void
item_free (Item *item)
{
  g_free (item->col_x);
  g_free (item->col_width);
  g_free (item->header);
  g_clear_pointer (&item->rows, g_ptr_array_unref);
  g_free (item->continued);
  g_free (item);
}

static void
set_source_rgb (cairo_t *cr,
                guint32  rgb)
{
  cairo_set_source_rgb (cr,
                        ((rgb >> 16) & 0xff) / 255.0,
                        ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

/* Lays out @markup @width points wide and records where its lines fall. @ellipsize keeps it
 * to one line (headers and footers). A @cell keeps the document's direction whatever its text
 * (an Arabic name in a table starts where the column starts); other text takes the direction
 * of its first strong character, so that a note written in Hebrew reads from the right. */
static Text *
make_text_full (LiaBriefingLayout *self,
                const char        *markup,
                int                font,
                double             width,
                guint32            rgb,
                double             spacing,
                PangoAlignment     alignment,
                gboolean           ellipsize,
                gboolean           cell)
{
  Text *text = g_new0 (Text, 1);
  PangoLayoutIter *iter;
  int i = 0;

  text->layout = pango_layout_new (self->context);
  text->rgb = rgb;
  pango_layout_set_font_description (text->layout, self->fonts[font]);
  pango_layout_set_width (text->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (text->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (text->layout, alignment);
  if (cell)
    pango_layout_set_auto_dir (text->layout, FALSE);
  if (spacing > 0)
    pango_layout_set_line_spacing (text->layout, (float) spacing);
  if (ellipsize)
    {
      pango_layout_set_ellipsize (text->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (text->layout, -1);
    }
  pango_layout_set_markup (text->layout, markup, -1);

  text->n_lines = pango_layout_get_line_count (text->layout);
  text->tops = g_new0 (double, text->n_lines + 1);
  text->baselines = g_new0 (double, text->n_lines);
  text->xs = g_new0 (double, text->n_lines);

  iter = pango_layout_get_iter (text->layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical, own;
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      pango_layout_line_get_extents (line, NULL, &own);

      text->tops[i] = (double) y0 / PANGO_SCALE;
      text->tops[i + 1] = (double) y1 / PANGO_SCALE;
      text->baselines[i] = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      text->xs[i] = (double) (logical.x - own.x) / PANGO_SCALE;
      i++;
    }
  while (i < text->n_lines && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  g_ptr_array_add (self->texts, text);
  return text;
}

static Text *
make_text (LiaBriefingLayout *self,
           const char        *markup,
           int                font,
           double             width,
           guint32            rgb,
           double             spacing,
           PangoAlignment     alignment,
           gboolean           ellipsize)
{
  return make_text_full (self, markup, font, width, rgb, spacing, alignment, ellipsize, FALSE);
}

static double
text_height (const Text *text,
             int         first,
             int         n)
{
  return text->tops[first + n] - text->tops[first];
}

/* How many lines from @first fit in @available points. */
static int
lines_fitting (const Text *text,
               int         first,
               double      available)
{
  int k = 0;

  while (first + k < text->n_lines && text->tops[first + k + 1] - text->tops[first] <= available + 0.01)
    k++;
  return k;
}

/* Building the flow from the document. */

static Item *
add_item (LiaBriefingLayout *self,
          ItemKind           kind,
          double             space_before,
          double             space_after)
{
  Item *item = g_new0 (Item, 1);

  item->kind = kind;
  item->space_before = space_before;
  item->space_after = space_after;
  g_ptr_array_add (self->items, item);
  return item;
}

static Item *
add_text_item (LiaBriefingLayout *self,
               const char        *markup,
               int                font,
               guint32            rgb,
               double             spacing,
               double             indent,
               double             space_before,
               double             space_after)
{
  Item *item = add_item (self, ITEM_TEXT, space_before, space_after);

  item->indent = indent;
  item->text = make_text (self, markup, font, self->body_width - indent, rgb, spacing,
                          PANGO_ALIGN_LEFT, FALSE);
  return item;
}

static void
add_paragraph (LiaBriefingLayout      *self,
               const LiaBriefingBlock *block)
{
  Item *item;

  switch (block->style)
    {
    case LIA_BRIEFING_STYLE_KICKER:
      {
        g_autofree char *spaced = g_strdup_printf ("<span letter_spacing=\"500\">%s</span>",
                                                   block->markup);

        item = add_text_item (self, spaced, FONT_KICKER, COLOR_MARKING, 0, 0, 0, 5);
        item->keep_with_next = TRUE;
      }
      break;

    case LIA_BRIEFING_STYLE_SUBTITLE:
      add_text_item (self, block->markup, FONT_SUBTITLE, COLOR_MUTED, 1.15, 0, 5, 0);
      item = add_item (self, ITEM_RULE, 9, 14);
      item->thickness = 1.4;
      item->rgb = COLOR_ACCENT;
      break;

    case LIA_BRIEFING_STYLE_NOTE:
      item = add_text_item (self, block->markup, FONT_NOTE, COLOR_TEXT, 1.25, 10, 5, 3);
      item->bar = TRUE;
      break;

    case LIA_BRIEFING_STYLE_DETAIL:
      add_text_item (self, block->markup, FONT_DETAIL, COLOR_MUTED, 1.15, 0, 2, 2);
      break;

    case LIA_BRIEFING_STYLE_BODY:
    default:
      add_text_item (self, block->markup, FONT_BODY, COLOR_TEXT, 1.2, 0, 4, 3);
      break;
    }
}

static void
add_table (LiaBriefingLayout      *self,
           const LiaBriefingBlock *block,
           const char             *last_heading)
{
  gboolean fields = block->kind == LIA_BRIEFING_BLOCK_FIELDS;
  Item *item = add_item (self, ITEM_TABLE, fields ? 4 : 6, fields ? 4 : 6);
  double x = 0;

  item->fields = fields;
  item->n_columns = block->n_columns;
  item->col_x = g_new0 (double, block->n_columns);
  item->col_width = g_new0 (double, block->n_columns);
  for (guint c = 0; c < block->n_columns; c++)
    {
      item->col_x[c] = x;
      item->col_width[c] = block->widths[c] * self->body_width;
      x += item->col_width[c];
    }

  if (block->headers != NULL)
    {
      item->header = g_new0 (Text *, block->n_columns);
      for (guint c = 0; c < block->n_columns; c++)
        {
          g_autofree char *upper = g_utf8_strup (block->headers[c], -1);
          g_autofree char *markup = g_markup_printf_escaped ("<span letter_spacing=\"500\">%s</span>",
                                                             upper);

          item->header[c] = make_text (self, markup, FONT_TABLE_HEADER,
                                       item->col_width[c] - 2 * CELL_PAD_X, COLOR_MUTED, 0,
                                       PANGO_ALIGN_LEFT, FALSE);
        }
    }

  if (last_heading != NULL)
    /* Translators: above a table that goes on from the previous page; %s is the heading of
     * its section, e.g. "Key people (continued)". */
    item->continued = g_strdup_printf (_("%s (continued)"), last_heading);  /* markup */

  item->rows = g_ptr_array_new_with_free_func (g_free);
  for (guint r = 0; r < block->rows->len; r++)
    {
      GStrv cells = g_ptr_array_index (block->rows, r);
      Text **row = g_new0 (Text *, block->n_columns);

      for (guint c = 0; c < block->n_columns; c++)
        {
          double pad = fields ? (c == 0 ? 0 : CELL_PAD_X) : CELL_PAD_X;
          int font = fields ? (c == 0 ? FONT_LABEL : FONT_BODY) : FONT_CELL;
          guint32 rgb = fields && c == 0 ? COLOR_MUTED : COLOR_TEXT;

          row[c] = make_text_full (self, cells[c], font, item->col_width[c] - 2 * pad, rgb, 1.15,
                                   PANGO_ALIGN_LEFT, FALSE, TRUE);
        }
      g_ptr_array_add (item->rows, row);
    }
}

static void
add_heat_map (LiaBriefingLayout      *self,
              const LiaBriefingBlock *block)
{
  Item *item = add_item (self, ITEM_HEAT_MAP, 6, 8);
  double legend_width = self->body_width - HEAT_AXIS_W - 5 * HEAT_CELL_W - 18;

  item->grid = block->grid;
  for (guint i = 0; i < 25; i++)
    {
      g_autofree char *number = block->grid[i] > 0 ? g_strdup_printf ("<b>%u</b>", block->grid[i])
                                                   : g_strdup ("");

      item->cell_text[i] = make_text (self, number, FONT_CELL, HEAT_CELL_W, COLOR_TEXT, 0,
                                      PANGO_ALIGN_CENTER, TRUE);
    }
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i % 5 + 1);

      item->axis_text[i] = make_text (self, number, FONT_DETAIL,
                                      i < 5 ? HEAT_AXIS_W - 3 : HEAT_CELL_W, COLOR_MUTED, 0,
                                      i < 5 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_CENTER, TRUE);
    }
  {
    g_autofree char *likelihood = g_markup_printf_escaped ("%s ↑", block->headers[0]);
    g_autofree char *impact = g_markup_printf_escaped ("%s →", block->headers[1]);

    item->likelihood = make_text (self, likelihood, FONT_LABEL, HEAT_AXIS_W + 5 * HEAT_CELL_W,
                                  COLOR_MUTED, 0, PANGO_ALIGN_LEFT, TRUE);
    item->impact = make_text (self, impact, FONT_LABEL, 5 * HEAT_CELL_W, COLOR_MUTED, 0,
                              PANGO_ALIGN_CENTER, TRUE);
  }
  item->legend = make_text (self, block->markup, FONT_DETAIL, MAX (legend_width, 60), COLOR_MUTED,
                            1.15, PANGO_ALIGN_LEFT, FALSE);
}

static double
heat_map_height (const Item *item)
{
  double grid = text_height (item->likelihood, 0, item->likelihood->n_lines) + 3
                + 5 * HEAT_CELL_H + 2
                + text_height (item->axis_text[5], 0, 1) + 1
                + text_height (item->impact, 0, item->impact->n_lines);

  return MAX (grid, text_height (item->legend, 0, item->legend->n_lines));
}

/* As wide as the body, unless the page is too short for that height: then as high as the
 * body and narrower, so that the whole picture is always on one page. */
static void
add_picture (LiaBriefingLayout      *self,
             const LiaBriefingBlock *block)
{
  Item *item = add_item (self, ITEM_PICTURE, 8, 8);
  double body_height = self->body_bottom - self->body_top - item->space_before;

  item->picture = block;
  item->width = self->body_width;
  item->height = item->width * block->aspect;
  if (item->height > body_height)
    {
      item->height = body_height;
      item->width = item->height / block->aspect;
    }
}

static void
build_items (LiaBriefingLayout *self)
{
  guint n = lia_briefing_document_get_n_blocks (self->document);
  const char *last_heading = NULL;

  for (guint i = 0; i < n; i++)
    {
      const LiaBriefingBlock *block = _lia_briefing_document_get_block (self->document, i);
      Item *item;

      switch (block->kind)
        {
        case LIA_BRIEFING_BLOCK_TITLE:
          item = add_text_item (self, block->markup, FONT_TITLE, COLOR_ACCENT, 1.05, 0, 0, 0);
          item->keep_with_next = TRUE;
          break;

        case LIA_BRIEFING_BLOCK_HEADING:
          if (block->level == 1)
            {
              item = add_text_item (self, block->markup, FONT_H1, COLOR_ACCENT, 1.1, 0, 17, 6);
              item->rule_below = 0.6;
            }
          else if (block->level == 2)
            item = add_text_item (self, block->markup, FONT_H2, COLOR_ACCENT, 1.1, 0, 10, 2);
          else
            item = add_text_item (self, block->markup, FONT_H3, COLOR_TEXT, 1.1, 0, 9, 1);
          item->keep_with_next = TRUE;
          last_heading = block->markup;
          break;

        case LIA_BRIEFING_BLOCK_PARAGRAPH:
          add_paragraph (self, block);
          break;

        case LIA_BRIEFING_BLOCK_FIELDS:
        case LIA_BRIEFING_BLOCK_TABLE:
          add_table (self, block, last_heading);
          break;

        case LIA_BRIEFING_BLOCK_PAGE_BREAK:
          add_item (self, ITEM_BREAK, 0, 0);
          break;

        case LIA_BRIEFING_BLOCK_HEAT_MAP:
          add_heat_map (self, block);
          break;

        case LIA_BRIEFING_BLOCK_PICTURE:
          add_picture (self, block);
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

/* Pagination. */

static void
new_page (LiaBriefingLayout *self)
{
  self->page = g_array_new (FALSE, TRUE, sizeof (Piece));
  g_ptr_array_add (self->pages, self->page);
  self->y = self->body_top;
  self->has_content = FALSE;
  self->last_space_after = 0;
}

static void
put_text (LiaBriefingLayout *self,
          Text              *text,
          int                first,
          int                n,
          double             x,
          double             y)
{
  Piece piece = { 0, };

  piece.kind = PIECE_TEXT;
  piece.text = text;
  piece.first_line = first;
  piece.n_lines = n;
  piece.x = x;
  piece.y = y;
  piece.height = text_height (text, first, n);
  piece.in_body = TRUE;
  g_array_append_val (self->page, piece);
}

static void
put_fill (LiaBriefingLayout *self,
          double             x,
          double             y,
          double             width,
          double             height,
          guint32            rgb)
{
  Piece piece = { 0, };

  piece.kind = PIECE_FILL;
  piece.x = x;
  piece.y = y;
  piece.width = width;
  piece.height = height;
  piece.rgb = rgb;
  piece.in_body = TRUE;
  g_array_append_val (self->page, piece);
}

static double
gap_before (LiaBriefingLayout *self,
            const Item        *item)
{
  if (!self->has_content)
    return 0;
  return MAX (self->last_space_after, item->space_before);
}

/* How far down cell @c of a row starts so that the first lines of all its cells share a
 * baseline (a small label beside larger text). */
static double
cell_shift (const Item  *item,
            Text       **row,
            const int   *offsets,
            guint        c)
{
  double deepest = 0;
  double own = 0;

  for (guint i = 0; i < item->n_columns; i++)
    {
      int first = offsets != NULL ? offsets[i] : 0;
      double ascent;

      if (first >= row[i]->n_lines)
        continue;
      ascent = row[i]->baselines[first] - row[i]->tops[first];
      deepest = MAX (deepest, ascent);
      if (i == c)
        own = ascent;
    }

  return deepest - own;
}

static double
row_height (const Item  *item,
            Text       **row,
            const int   *offsets)
{
  double pad = item->fields ? FIELD_PAD_Y : CELL_PAD_Y;
  double height = 0;

  for (guint c = 0; c < item->n_columns; c++)
    {
      int first = offsets != NULL ? offsets[c] : 0;

      height = MAX (height, cell_shift (item, row, offsets, c)
                            + text_height (row[c], first, row[c]->n_lines - first));
    }
  return height + 2 * pad;
}

static double
header_height (const Item *item)
{
  double height = 0;

  if (item->header == NULL)
    return 0;
  for (guint c = 0; c < item->n_columns; c++)
    height = MAX (height, text_height (item->header[c], 0, item->header[c]->n_lines));
  return height + 2 * CELL_PAD_Y;
}

/* The least of @item that must go on a page with what comes before it: the first lines of a
 * paragraph, a table's header and first row, or a heading and what it keeps with. */
static double
min_height (LiaBriefingLayout *self,
            guint              index,
            guint              depth)
{
  Item *item;

  if (index >= self->items->len || depth > 4)
    return 0;
  item = g_ptr_array_index (self->items, index);

  switch (item->kind)
    {
    case ITEM_TEXT:
      if (item->keep_with_next)
        return item->space_before + text_height (item->text, 0, item->text->n_lines)
               + item->rule_below + min_height (self, index + 1, depth + 1);
      return item->space_before + text_height (item->text, 0, MIN (ORPHANS, item->text->n_lines));

    case ITEM_TABLE:
      if (item->rows->len == 0)
        return item->space_before + header_height (item);
      {
        Text **row = g_ptr_array_index (item->rows, 0);
        double first = row_height (item, row, NULL);
        double body = self->body_bottom - self->body_top;

        /* A tall first row may be split: then two lines of it are enough. */
        if (first > body * SPLIT_ROW_SHARE)
          {
            double two = 0;

            for (guint c = 0; c < item->n_columns; c++)
              two = MAX (two, text_height (row[c], 0, MIN (2, row[c]->n_lines)));
            first = two + 2 * CELL_PAD_Y;
          }
        return item->space_before + header_height (item) + first;
      }

    case ITEM_RULE:
      return item->space_before + item->thickness;

    case ITEM_HEAT_MAP:
      return item->space_before + heat_map_height (item);

    case ITEM_PICTURE:
      return item->space_before + item->height;

    case ITEM_BREAK:
    default:
      return 0;
    }
}

static void
place_text (LiaBriefingLayout *self,
            guint              index)
{
  Item *item = g_ptr_array_index (self->items, index);
  Text *text = item->text;
  double x = self->left + item->indent;
  int first = 0;

  if (item->keep_with_next && self->has_content)
    {
      double need = gap_before (self, item) + text_height (text, 0, text->n_lines)
                    + item->rule_below + min_height (self, index + 1, 0);

      if (self->y + need > self->body_bottom)
        new_page (self);
    }

  self->y += gap_before (self, item);

  while (first < text->n_lines)
    {
      int remaining = text->n_lines - first;
      int k = lines_fitting (text, first, self->body_bottom - self->y - item->rule_below);

      if (k < remaining)
        {
          /* No lone first line at the foot of a page, no lone last line at the head of the
           * next: move the paragraph, or leave more of it for the next page. */
          if (self->has_content && k < MIN (ORPHANS, remaining))
            {
              new_page (self);
              continue;
            }
          if (remaining - k < WIDOWS && k > 1)
            {
              if (remaining - WIDOWS >= ORPHANS)
                k = remaining - WIDOWS;
              else if (self->has_content)
                {
                  new_page (self);
                  continue;
                }
            }
          /* A line taller than an empty page cannot be helped; never loop. */
          k = MAX (k, 1);
        }

      put_text (self, text, first, k, x, self->y);
      if (item->bar)
        put_fill (self, self->left + 1, self->y + 1, 1.6, text_height (text, first, k) - 2,
                  COLOR_RULE);
      self->y += text_height (text, first, k);
      self->has_content = TRUE;
      first += k;

      if (first < text->n_lines)
        new_page (self);
    }

  if (item->rule_below > 0)
    {
      self->y += 2;
      put_fill (self, self->left, self->y, self->body_width, item->rule_below, COLOR_ACCENT);
      self->y += item->rule_below;
    }

  self->last_space_after = item->space_after;
}

static void
place_table_header (LiaBriefingLayout *self,
                    Item              *item,
                    gboolean           continued)
{
  if (continued && item->continued != NULL)
    {
      /* Made once per continuation: the page it goes on is only known now. */
      Text *text = make_text (self, item->continued, FONT_DETAIL, self->body_width, COLOR_MUTED, 0,
                              PANGO_ALIGN_LEFT, FALSE);

      put_text (self, text, 0, text->n_lines, self->left, self->y);
      self->y += text_height (text, 0, text->n_lines) + 3;
    }

  if (item->header != NULL)
    {
      double height = header_height (item);

      put_fill (self, self->left, self->y, self->body_width, height, COLOR_HEADER);
      for (guint c = 0; c < item->n_columns; c++)
        put_text (self, item->header[c], 0, item->header[c]->n_lines,
                  self->left + item->col_x[c] + CELL_PAD_X, self->y + CELL_PAD_Y);
      self->y += height;
    }
}

static void
place_row_part (LiaBriefingLayout *self,
                Item              *item,
                Text             **row,
                int               *offsets,
                const int         *counts)
{
  double pad_y = item->fields ? FIELD_PAD_Y : CELL_PAD_Y;
  double height = 0;
  g_autofree double *shifts = g_new0 (double, item->n_columns);

  for (guint c = 0; c < item->n_columns; c++)
    shifts[c] = cell_shift (item, row, offsets, c);

  for (guint c = 0; c < item->n_columns; c++)
    {
      double pad_x = item->fields && c == 0 ? 0 : CELL_PAD_X;

      if (counts[c] > 0)
        put_text (self, row[c], offsets[c], counts[c],
                  self->left + item->col_x[c] + pad_x, self->y + pad_y + shifts[c]);
      height = MAX (height, shifts[c] + text_height (row[c], offsets[c], counts[c]));
      offsets[c] += counts[c];
    }

  self->y += height + 2 * pad_y;
  if (!item->fields)
    put_fill (self, self->left, self->y - 0.5, self->body_width, 0.5, COLOR_RULE);
  self->has_content = TRUE;
}

static void
place_table (LiaBriefingLayout *self,
             guint              index)
{
  Item *item = g_ptr_array_index (self->items, index);
  double body = self->body_bottom - self->body_top;
  g_autofree int *offsets = g_new0 (int, item->n_columns);
  g_autofree int *counts = g_new0 (int, item->n_columns);
  gboolean can_move;

  if (self->has_content && self->y + min_height (self, index, 0) + gap_before (self, item)
                           - item->space_before > self->body_bottom)
    new_page (self);
  self->y += gap_before (self, item);

  can_move = self->has_content;
  place_table_header (self, item, FALSE);
  self->has_content = TRUE;

  for (guint r = 0; r < item->rows->len; r++)
    {
      Text **row = g_ptr_array_index (item->rows, r);
      double pad_y = item->fields ? FIELD_PAD_Y : CELL_PAD_Y;

      memset (offsets, 0, sizeof (int) * item->n_columns);

      for (;;)
        {
          double rest = row_height (item, row, offsets);
          gboolean any = FALSE;

          if (self->y + rest <= self->body_bottom + 0.01)
            {
              for (guint c = 0; c < item->n_columns; c++)
                counts[c] = row[c]->n_lines - offsets[c];
              place_row_part (self, item, row, offsets, counts);
              can_move = TRUE;
              break;
            }

          /* A short row goes whole to the next page; a tall one is split. */
          if (can_move && rest <= body * SPLIT_ROW_SHARE)
            {
              new_page (self);
              place_table_header (self, item, TRUE);
              self->has_content = TRUE;
              can_move = FALSE;
              continue;
            }

          for (guint c = 0; c < item->n_columns; c++)
            {
              counts[c] = lines_fitting (row[c], offsets[c], self->body_bottom - self->y - 2 * pad_y
                                                      - cell_shift (item, row, offsets, c));
              any = any || counts[c] > 0;
            }

          if (!any)
            {
              if (can_move)
                {
                  new_page (self);
                  place_table_header (self, item, TRUE);
                  self->has_content = TRUE;
                  can_move = FALSE;
                  continue;
                }
              /* Not even one line fits on a fresh page: give each cell one line. */
              for (guint c = 0; c < item->n_columns; c++)
                counts[c] = MIN (1, row[c]->n_lines - offsets[c]);
            }

          place_row_part (self, item, row, offsets, counts);
          new_page (self);
          place_table_header (self, item, TRUE);
          self->has_content = TRUE;
          can_move = FALSE;
        }
    }

  self->last_space_after = item->space_after;
}

static void
place_rule (LiaBriefingLayout *self,
            Item              *item)
{
  if (self->y + gap_before (self, item) + item->thickness > self->body_bottom)
    new_page (self);
  self->y += gap_before (self, item);
  put_fill (self, self->left, self->y, self->body_width, item->thickness, item->rgb);
  self->y += item->thickness;
  self->has_content = TRUE;
  self->last_space_after = item->space_after;
}

static guint32
heat_rgb (int score)
{
  if (score >= 15)
    return 0xf2b8b5;  /* severe */
  if (score >= 10)
    return 0xf7d1a8;  /* high */
  if (score >= 5)
    return 0xf8e8a6;  /* medium */
  return 0xd4e9cf;    /* low */
}

/* Placed whole: moved to the next page when it does not fit. */
static void
place_heat_map (LiaBriefingLayout *self,
                Item              *item)
{
  double height = heat_map_height (item);
  double x0 = self->left + HEAT_AXIS_W;
  double y;

  if (self->has_content && self->y + gap_before (self, item) + height > self->body_bottom)
    new_page (self);
  self->y += gap_before (self, item);
  y = self->y;

  put_text (self, item->likelihood, 0, item->likelihood->n_lines, self->left, y);
  y += text_height (item->likelihood, 0, item->likelihood->n_lines) + 3;

  /* Likelihood 5 at the top. */
  for (int row = 0; row < 5; row++)
    {
      int likelihood = 5 - row;
      double cy = y + row * HEAT_CELL_H;
      Text *axis = item->axis_text[likelihood - 1];

      put_text (self, axis, 0, 1, self->left, cy + (HEAT_CELL_H - text_height (axis, 0, 1)) / 2);
      for (int impact = 1; impact <= 5; impact++)
        {
          Text *number = item->cell_text[(likelihood - 1) * 5 + impact - 1];
          double cx = x0 + (impact - 1) * HEAT_CELL_W;

          put_fill (self, cx, cy, HEAT_CELL_W - HEAT_GAP, HEAT_CELL_H - HEAT_GAP,
                    heat_rgb (likelihood * impact));
          put_text (self, number, 0, 1, cx - HEAT_GAP / 2,
                    cy + (HEAT_CELL_H - HEAT_GAP - text_height (number, 0, 1)) / 2);
        }
    }
  y += 5 * HEAT_CELL_H + 2;

  for (int impact = 1; impact <= 5; impact++)
    put_text (self, item->axis_text[5 + impact - 1], 0, 1,
              x0 + (impact - 1) * HEAT_CELL_W - HEAT_GAP / 2, y);
  y += text_height (item->axis_text[5], 0, 1) + 1;
  put_text (self, item->impact, 0, item->impact->n_lines, x0, y);

  put_text (self, item->legend, 0, item->legend->n_lines, x0 + 5 * HEAT_CELL_W + 18, self->y);

  self->y += height;
  self->has_content = TRUE;
  self->last_space_after = item->space_after;
}

/* Placed whole, centred: moved to the next page when it does not fit. */
static void
place_picture (LiaBriefingLayout *self,
               Item              *item)
{
  Piece piece = { 0, };

  if (self->has_content && self->y + gap_before (self, item) + item->height > self->body_bottom)
    new_page (self);
  self->y += gap_before (self, item);

  piece.kind = PIECE_PICTURE;
  piece.picture = item->picture;
  piece.x = self->left + (self->body_width - item->width) / 2;
  piece.y = self->y;
  piece.width = item->width;
  piece.height = item->height;
  piece.in_body = TRUE;
  g_array_append_val (self->page, piece);

  self->y += item->height;
  self->has_content = TRUE;
  self->last_space_after = item->space_after;
}

static void
paginate (LiaBriefingLayout *self)
{
  new_page (self);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      switch (item->kind)
        {
        case ITEM_TEXT:
          place_text (self, i);
          break;
        case ITEM_TABLE:
          place_table (self, i);
          break;
        case ITEM_RULE:
          place_rule (self, item);
          break;
        case ITEM_BREAK:
          if (self->has_content)
            new_page (self);
          break;
        case ITEM_HEAT_MAP:
          place_heat_map (self, item);
          break;
        case ITEM_PICTURE:
          place_picture (self, item);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static void
put_band_text (LiaBriefingLayout *self,
               GArray            *page,
               const char        *markup,
               double             x,
               double             width,
               double             y,
               PangoAlignment     alignment,
               guint32            rgb)
{
  Text *text = make_text (self, markup, FONT_FOOTER, width, rgb, 0, alignment, TRUE);
  Piece piece = { 0, };

  piece.kind = PIECE_TEXT;
  piece.text = text;
  piece.first_line = 0;
  piece.n_lines = text->n_lines;
  piece.x = x;
  piece.y = y;
  piece.height = text_height (text, 0, text->n_lines);
  g_array_append_val (page, piece);
}

static void
put_band_rule (GArray *page,
               double  x,
               double  y,
               double  width)
{
  Piece piece = { 0, };

  piece.kind = PIECE_FILL;
  piece.x = x;
  piece.y = y;
  piece.width = width;
  piece.height = 0.5;
  piece.rgb = COLOR_RULE;
  g_array_append_val (page, piece);
}

/* The running header (from the second page on) and the footer of every page. */
static void
decorate_pages (LiaBriefingLayout *self)
{
  const char *title = lia_briefing_document_get_running_title (self->document);
  const char *marking = lia_briefing_document_get_marking (self->document);
  const char *printed = lia_briefing_document_get_printed (self->document);
  double third = self->body_width / 3;
  double footer_y = self->page_height - FOOTER_BOTTOM - 9;

  for (guint p = 0; p < self->pages->len; p++)
    {
      GArray *page = g_ptr_array_index (self->pages, p);
      g_autofree char *number = NULL;
      g_autofree char *number_markup = NULL;

      if (p > 0 && title[0] != '\0')
        {
          g_autofree char *markup = g_markup_escape_text (title, -1);

          put_band_text (self, page, markup, self->left, self->body_width, HEADER_TOP,
                         PANGO_ALIGN_LEFT, COLOR_MUTED);
          put_band_rule (page, self->left, HEADER_TOP + 12, self->body_width);
        }

      put_band_rule (page, self->left, footer_y - 5, self->body_width);

      if (marking[0] != '\0')
        {
          g_autofree char *upper = g_utf8_strup (marking, -1);
          g_autofree char *markup = g_markup_printf_escaped ("<span weight=\"bold\" letter_spacing=\"500\">%s</span>",
                                                             upper);

          put_band_text (self, page, markup, self->left, third, footer_y, PANGO_ALIGN_LEFT,
                         COLOR_MARKING);
        }

      if (printed[0] != '\0')
        {
          g_autofree char *markup = g_markup_escape_text (printed, -1);

          put_band_text (self, page, markup, self->left + third, third, footer_y,
                         PANGO_ALIGN_CENTER, COLOR_MUTED);
        }

      /* Translators: the page number in a briefing's footer, e.g. "Page 2 of 5". */
      number = g_strdup_printf (_("Page %u of %u"), p + 1, self->pages->len);
      number_markup = g_markup_escape_text (number, -1);
      put_band_text (self, page, number_markup, self->left + 2 * third, third, footer_y,
                     PANGO_ALIGN_RIGHT, COLOR_MUTED);
    }
}

static void
lia_briefing_layout_dispose (GObject *object)
{
  LiaBriefingLayout *self = LIA_BRIEFING_LAYOUT (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->texts, g_ptr_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (lia_briefing_layout_parent_class)->dispose (object);
}

static void
lia_briefing_layout_finalize (GObject *object)
{
  LiaBriefingLayout *self = LIA_BRIEFING_LAYOUT (object);

  for (guint i = 0; i < N_FONTS; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);

  G_OBJECT_CLASS (lia_briefing_layout_parent_class)->finalize (object);
}

static void
lia_briefing_layout_class_init (LiaBriefingLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lia_briefing_layout_dispose;
  object_class->finalize = lia_briefing_layout_finalize;
}

static void
lia_briefing_layout_init (LiaBriefingLayout *self)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  /* The default font map is per thread, so a layout can be made in a worker thread. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  pango_context_set_language (self->context, pango_language_get_default ());

  for (guint i = 0; i < N_FONTS; i++)
    self->fonts[i] = pango_font_description_from_string (font_names[i]);

  self->texts = g_ptr_array_new_with_free_func ((GDestroyNotify) text_free);
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
}

LiaBriefingLayout *
lia_briefing_layout_new (LiaBriefingDocument *document,
                         double               page_width,
                         double               page_height)
{
  LiaBriefingLayout *self;

  g_return_val_if_fail (LIA_IS_BRIEFING_DOCUMENT (document), NULL);
  /* Smaller than A6 leaves no room for the margins. */
  g_return_val_if_fail (page_width >= 280 && page_height >= 400, NULL);

  self = g_object_new (LIA_TYPE_BRIEFING_LAYOUT, NULL);
  self->document = g_object_ref (document);
  self->page_width = page_width;
  self->page_height = page_height;
  self->left = MARGIN_SIDE;
  self->body_width = page_width - 2 * MARGIN_SIDE;
  self->body_top = MARGIN_TOP;
  self->body_bottom = page_height - MARGIN_BOTTOM;

  build_items (self);
  paginate (self);
  decorate_pages (self);

  /* The flow is not needed to draw; its texts stay with the pages. */
  g_ptr_array_set_size (self->items, 0);
  return self;
}

LiaBriefingDocument *
lia_briefing_layout_get_document (LiaBriefingLayout *self)
{
  g_return_val_if_fail (LIA_IS_BRIEFING_LAYOUT (self), NULL);

  return self->document;
}

double
lia_briefing_layout_get_page_width (LiaBriefingLayout *self)
{
  g_return_val_if_fail (LIA_IS_BRIEFING_LAYOUT (self), 0);

  return self->page_width;
}

double
lia_briefing_layout_get_page_height (LiaBriefingLayout *self)
{
  g_return_val_if_fail (LIA_IS_BRIEFING_LAYOUT (self), 0);

  return self->page_height;
}

guint
lia_briefing_layout_get_n_pages (LiaBriefingLayout *self)
{
  g_return_val_if_fail (LIA_IS_BRIEFING_LAYOUT (self), 0);

  return self->pages->len;
}

void
lia_briefing_layout_render_page (LiaBriefingLayout *self,
                                 cairo_t           *cr,
                                 guint              page)
{
  GArray *pieces;

  g_return_if_fail (LIA_IS_BRIEFING_LAYOUT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  pieces = g_ptr_array_index (self->pages, page);

  cairo_save (cr);

  /* Fills first (table header shading, rules), text over them. */
  for (guint i = 0; i < pieces->len; i++)
    {
      Piece *piece = &g_array_index (pieces, Piece, i);

      if (piece->kind != PIECE_FILL)
        continue;
      set_source_rgb (cr, piece->rgb);
      cairo_rectangle (cr, piece->x, piece->y, piece->width, piece->height);
      cairo_fill (cr);
    }

  /* Pictures over the fills, each kept to the box it was given. */
  for (guint i = 0; i < pieces->len; i++)
    {
      Piece *piece = &g_array_index (pieces, Piece, i);

      if (piece->kind != PIECE_PICTURE)
        continue;
      cairo_save (cr);
      cairo_translate (cr, piece->x, piece->y);
      cairo_rectangle (cr, 0, 0, piece->width, piece->height);
      cairo_clip (cr);
      cairo_new_path (cr);
      piece->picture->draw (cr, piece->width, piece->height, piece->picture->draw_data);
      cairo_restore (cr);
    }

  for (guint i = 0; i < pieces->len; i++)
    {
      Piece *piece = &g_array_index (pieces, Piece, i);
      Text *text = piece->text;

      if (piece->kind != PIECE_TEXT)
        continue;

      set_source_rgb (cr, text->rgb);
      for (int l = piece->first_line; l < piece->first_line + piece->n_lines; l++)
        {
          PangoLayoutLine *line = pango_layout_get_line_readonly (text->layout, l);

          cairo_move_to (cr, piece->x + text->xs[l],
                         piece->y + text->baselines[l] - text->tops[piece->first_line]);
          pango_cairo_show_layout_line (cr, line);
        }
    }

  cairo_restore (cr);
}

GArray *
lia_briefing_layout_get_text_boxes (LiaBriefingLayout *self,
                                    guint              page)
{
  GArray *pieces;
  GArray *boxes;
  LiaBriefingBox body, band;

  g_return_val_if_fail (LIA_IS_BRIEFING_LAYOUT (self), NULL);
  g_return_val_if_fail (page < self->pages->len, NULL);

  pieces = g_ptr_array_index (self->pages, page);
  boxes = g_array_new (FALSE, TRUE, sizeof (LiaBriefingTextBox));

  body.x = self->left;
  body.y = self->body_top;
  body.width = self->body_width;
  body.height = self->body_bottom - self->body_top;
  band.x = self->left;
  band.y = BAND;
  band.width = self->body_width;
  band.height = self->page_height - 2 * BAND;

  for (guint i = 0; i < pieces->len; i++)
    {
      Piece *piece = &g_array_index (pieces, Piece, i);
      Text *text = piece->text;

      if (piece->kind != PIECE_TEXT)
        continue;

      for (int l = piece->first_line; l < piece->first_line + piece->n_lines; l++)
        {
          PangoLayoutLine *line = pango_layout_get_line_readonly (text->layout, l);
          PangoRectangle ink;
          LiaBriefingTextBox box;

          pango_layout_line_get_extents (line, &ink, NULL);
          if (ink.width == 0 || ink.height == 0)
            continue;

          box.ink.x = piece->x + text->xs[l] + (double) ink.x / PANGO_SCALE;
          box.ink.y = piece->y + text->baselines[l] - text->tops[piece->first_line]
                      + (double) ink.y / PANGO_SCALE;
          box.ink.width = (double) ink.width / PANGO_SCALE;
          box.ink.height = (double) ink.height / PANGO_SCALE;
          box.frame = piece->in_body ? body : band;
          g_array_append_val (boxes, box);
        }
    }

  return boxes;
}

GArray *
lia_briefing_layout_get_picture_boxes (LiaBriefingLayout *self,
                                       guint              page)
{
  GArray *pieces;
  GArray *boxes;

  g_return_val_if_fail (LIA_IS_BRIEFING_LAYOUT (self), NULL);
  g_return_val_if_fail (page < self->pages->len, NULL);

  pieces = g_ptr_array_index (self->pages, page);
  boxes = g_array_new (FALSE, TRUE, sizeof (LiaBriefingTextBox));

  for (guint i = 0; i < pieces->len; i++)
    {
      Piece *piece = &g_array_index (pieces, Piece, i);
      LiaBriefingTextBox box;

      if (piece->kind != PIECE_PICTURE)
        continue;
      box.ink.x = piece->x;
      box.ink.y = piece->y;
      box.ink.width = piece->width;
      box.ink.height = piece->height;
      box.frame.x = self->left;
      box.frame.y = self->body_top;
      box.frame.width = self->body_width;
      box.frame.height = self->body_bottom - self->body_top;
      g_array_append_val (boxes, box);
    }

  return boxes;
}
