/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-briefing-document.h"

G_BEGIN_DECLS

/* The blocks of a LiaBriefingDocument, as the layout reads them. */
typedef enum {
  LIA_BRIEFING_BLOCK_TITLE,
  LIA_BRIEFING_BLOCK_HEADING,
  LIA_BRIEFING_BLOCK_PARAGRAPH,
  LIA_BRIEFING_BLOCK_FIELDS,
  LIA_BRIEFING_BLOCK_TABLE,
  LIA_BRIEFING_BLOCK_PAGE_BREAK,
  LIA_BRIEFING_BLOCK_HEAT_MAP,
  LIA_BRIEFING_BLOCK_PICTURE,
} LiaBriefingBlockKind;

typedef struct
{
  LiaBriefingBlockKind  kind;
  guint                 level;      /* headings */
  LiaBriefingStyle      style;      /* paragraphs */
  char                 *markup;     /* title, paragraph; plain text for a heading */
  guint                 n_columns;  /* fields: 2 */
  char                **headers;    /* tables: n_columns plain texts; NULL for fields */
  double               *widths;     /* tables: n_columns fractions that add up to 1 */
  GPtrArray            *rows;       /* tables, fields: GStrv of n_columns markup strings */
  guint                *grid;       /* heat maps: 25 counts, [(likelihood - 1) * 5 + impact - 1];
                                     * headers: the likelihood and impact axes' names */
  double                aspect;     /* pictures: height / width */
  LiaBriefingDrawFunc   draw;       /* pictures */
  gpointer              draw_data;
  GDestroyNotify        draw_destroy;
} LiaBriefingBlock;

const LiaBriefingBlock *_lia_briefing_document_get_block (LiaBriefingDocument *self,
                                                          guint                index);

G_END_DECLS
