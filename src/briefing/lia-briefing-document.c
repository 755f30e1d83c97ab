/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-briefing"

#include "config.h"

#include "lia-briefing-private.h"

struct _LiaBriefingDocument
{
  GObject    parent_instance;

  char      *running_title;
  char      *marking;
  char      *printed;
  GPtrArray *blocks;   /* LiaBriefingBlock */
};

G_DEFINE_FINAL_TYPE (LiaBriefingDocument, lia_briefing_document, G_TYPE_OBJECT)

static void
block_free (LiaBriefingBlock *block)
{
  g_free (block->markup);
  g_strfreev (block->headers);
  g_free (block->widths);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_free (block->grid);
  if (block->draw_destroy != NULL)
    block->draw_destroy (block->draw_data);
  g_free (block);
}

static LiaBriefingBlock *
append_block (LiaBriefingDocument  *self,
              LiaBriefingBlockKind  kind)
{
  LiaBriefingBlock *block = g_new0 (LiaBriefingBlock, 1);

  block->kind = kind;
  g_ptr_array_add (self->blocks, block);
  return block;
}

static LiaBriefingBlock *
last_block (LiaBriefingDocument *self)
{
  if (self->blocks->len == 0)
    return NULL;
  return g_ptr_array_index (self->blocks, self->blocks->len - 1);
}

static void
lia_briefing_document_finalize (GObject *object)
{
  LiaBriefingDocument *self = LIA_BRIEFING_DOCUMENT (object);

  g_free (self->running_title);
  g_free (self->marking);
  g_free (self->printed);
  g_ptr_array_unref (self->blocks);

  G_OBJECT_CLASS (lia_briefing_document_parent_class)->finalize (object);
}

static void
lia_briefing_document_class_init (LiaBriefingDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lia_briefing_document_finalize;
}

static void
lia_briefing_document_init (LiaBriefingDocument *self)
{
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->running_title = g_strdup ("");
  self->marking = g_strdup ("");
  self->printed = g_strdup ("");
}

LiaBriefingDocument *
lia_briefing_document_new (const char *running_title)
{
  LiaBriefingDocument *self = g_object_new (LIA_TYPE_BRIEFING_DOCUMENT, NULL);

  g_free (self->running_title);
  self->running_title = g_strdup (running_title != NULL ? running_title : "");
  return self;
}

const char *
lia_briefing_document_get_running_title (LiaBriefingDocument *self)
{
  g_return_val_if_fail (LIA_IS_BRIEFING_DOCUMENT (self), NULL);

  return self->running_title;
}

void
lia_briefing_document_set_footer (LiaBriefingDocument *self,
                                  const char          *marking,
                                  const char          *printed)
{
  g_return_if_fail (LIA_IS_BRIEFING_DOCUMENT (self));

  g_free (self->marking);
  self->marking = g_strdup (marking != NULL ? marking : "");
  g_free (self->printed);
  self->printed = g_strdup (printed != NULL ? printed : "");
}

const char *
lia_briefing_document_get_marking (LiaBriefingDocument *self)
{
  g_return_val_if_fail (LIA_IS_BRIEFING_DOCUMENT (self), NULL);

  return self->marking;
}

const char *
lia_briefing_document_get_printed (LiaBriefingDocument *self)
{
  g_return_val_if_fail (LIA_IS_BRIEFING_DOCUMENT (self), NULL);

  return self->printed;
}

void
lia_briefing_document_add_title (LiaBriefingDocument *self,
                                 const char          *markup)
{
  g_return_if_fail (LIA_IS_BRIEFING_DOCUMENT (self));
  g_return_if_fail (markup != NULL);

  append_block (self, LIA_BRIEFING_BLOCK_TITLE)->markup = g_strdup (markup);
}

void
lia_briefing_document_add_heading (LiaBriefingDocument *self,
                                   guint                level,
                                   const char          *text)
{
  LiaBriefingBlock *block;

  g_return_if_fail (LIA_IS_BRIEFING_DOCUMENT (self));
  g_return_if_fail (level >= 1 && level <= 3);
  g_return_if_fail (text != NULL);

  block = append_block (self, LIA_BRIEFING_BLOCK_HEADING);
  block->level = level;
  block->markup = g_markup_escape_text (text, -1);
}

void
lia_briefing_document_add_paragraph (LiaBriefingDocument *self,
                                     LiaBriefingStyle     style,
                                     const char          *markup)
{
  LiaBriefingBlock *block;

  g_return_if_fail (LIA_IS_BRIEFING_DOCUMENT (self));
  g_return_if_fail (markup != NULL);

  block = append_block (self, LIA_BRIEFING_BLOCK_PARAGRAPH);
  block->style = style;
  block->markup = g_strdup (markup);
}

static GStrv
copy_cells (const char * const *cells,
            guint               n)
{
  GStrv copy = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    copy[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
  return copy;
}

void
lia_briefing_document_add_field (LiaBriefingDocument *self,
                                 const char          *label,
                                 const char          *markup)
{
  LiaBriefingBlock *block;
  g_autofree char *label_markup = NULL;
  const char *cells[2];

  g_return_if_fail (LIA_IS_BRIEFING_DOCUMENT (self));
  g_return_if_fail (label != NULL && markup != NULL);

  block = last_block (self);
  if (block == NULL || block->kind != LIA_BRIEFING_BLOCK_FIELDS)
    {
      block = append_block (self, LIA_BRIEFING_BLOCK_FIELDS);
      block->n_columns = 2;
      block->widths = g_new (double, 2);
      block->widths[0] = 0.27;
      block->widths[1] = 0.73;
      block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
    }

  label_markup = g_markup_escape_text (label, -1);
  cells[0] = label_markup;
  cells[1] = markup;
  g_ptr_array_add (block->rows, copy_cells (cells, 2));
}

void
lia_briefing_document_begin_table (LiaBriefingDocument *self,
                                   guint                n_columns,
                                   const char * const  *headers,
                                   const double        *widths)
{
  LiaBriefingBlock *block;
  double total = 0;

  g_return_if_fail (LIA_IS_BRIEFING_DOCUMENT (self));
  g_return_if_fail (n_columns > 0);
  g_return_if_fail (headers != NULL && widths != NULL);

  for (guint i = 0; i < n_columns; i++)
    {
      g_return_if_fail (widths[i] > 0);
      total += widths[i];
    }

  block = append_block (self, LIA_BRIEFING_BLOCK_TABLE);
  block->n_columns = n_columns;
  block->headers = copy_cells (headers, n_columns);
  block->widths = g_new (double, n_columns);
  for (guint i = 0; i < n_columns; i++)
    block->widths[i] = widths[i] / total;
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

void
lia_briefing_document_add_row (LiaBriefingDocument *self,
                               const char * const  *cells)
{
  LiaBriefingBlock *block;

  g_return_if_fail (LIA_IS_BRIEFING_DOCUMENT (self));
  g_return_if_fail (cells != NULL);

  block = last_block (self);
  g_return_if_fail (block != NULL && block->kind == LIA_BRIEFING_BLOCK_TABLE);

  g_ptr_array_add (block->rows, copy_cells (cells, block->n_columns));
}

void
lia_briefing_document_add_heat_map (LiaBriefingDocument *self,
                                    const guint         *counts,
                                    const char          *likelihood,
                                    const char          *impact,
                                    const char          *legend)
{
  LiaBriefingBlock *block;

  g_return_if_fail (LIA_IS_BRIEFING_DOCUMENT (self));
  g_return_if_fail (counts != NULL && likelihood != NULL && impact != NULL);

  block = append_block (self, LIA_BRIEFING_BLOCK_HEAT_MAP);
  block->grid = g_memdup2 (counts, 25 * sizeof (guint));
  block->headers = g_new0 (char *, 3);
  block->headers[0] = g_strdup (likelihood);
  block->headers[1] = g_strdup (impact);
  block->markup = g_strdup (legend != NULL ? legend : "");
}

void
lia_briefing_document_add_picture (LiaBriefingDocument *self,
                                   double               aspect,
                                   LiaBriefingDrawFunc  draw,
                                   gpointer             user_data,
                                   GDestroyNotify       destroy)
{
  LiaBriefingBlock *block;

  g_return_if_fail (LIA_IS_BRIEFING_DOCUMENT (self));
  g_return_if_fail (aspect > 0 && draw != NULL);

  block = append_block (self, LIA_BRIEFING_BLOCK_PICTURE);
  block->aspect = aspect;
  block->draw = draw;
  block->draw_data = user_data;
  block->draw_destroy = destroy;
}

void
lia_briefing_document_add_page_break (LiaBriefingDocument *self)
{
  g_return_if_fail (LIA_IS_BRIEFING_DOCUMENT (self));

  append_block (self, LIA_BRIEFING_BLOCK_PAGE_BREAK);
}

guint
lia_briefing_document_get_n_blocks (LiaBriefingDocument *self)
{
  g_return_val_if_fail (LIA_IS_BRIEFING_DOCUMENT (self), 0);

  return self->blocks->len;
}

const LiaBriefingBlock *
_lia_briefing_document_get_block (LiaBriefingDocument *self,
                                  guint                index)
{
  g_assert (LIA_IS_BRIEFING_DOCUMENT (self));
  g_assert (index < self->blocks->len);

  return g_ptr_array_index (self->blocks, index);
}
