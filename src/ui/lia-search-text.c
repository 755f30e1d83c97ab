/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <string.h>

#include "lia-search-result.h"
#include "lia-search-text.h"

struct _LiaSearchText
{
  GtkWidget      parent_instance;

  guint          lines;         /* at most */
  char          *marked;        /* as the store gave it, with the match marks */
  char          *text;          /* without them */
  PangoAttrList *attrs;         /* bold over the matched parts */
  PangoLayout   *layout;        /* NULL until measured or drawn */
  int            width;         /* the width @layout is laid out at, Pango units */
  /* Of the text laid out without a width: its width and height (Pango units, -1 before it
   * was laid out), whether it is one line (no line breaks in it), the height of its first
   * line (Pango units) and its baseline (pixels); and its height wrapped at the last width
   * asked (pixels), 0 until known. */
  int            full_width;
  int            full_height;
  gboolean       one_line;
  int            line_height;
  int            baseline;
  int            wrapped_height;
  guint          resize_source;
};

G_DEFINE_FINAL_TYPE (LiaSearchText, lia_search_text, GTK_TYPE_WIDGET)

/* The width last given to a text that wraps: the one a row not allocated yet (new, or hidden
 * until now) will get, as the rows of a list have one width. */
static int last_wrapped_width;

/* The layout at @width (Pango units): made with the widget's font, set as GtkLabel sets an
 * ellipsizing label's (start aligned; wrapping at words or characters when it has several
 * lines). Pango lays the text out again only when the width changes. */
static PangoLayout *
ensure_layout (LiaSearchText *self,
               int            width)
{
  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);
      pango_layout_set_attributes (self->layout, self->attrs);
      pango_layout_set_alignment (self->layout,
                                  gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL
                                  ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      if (self->lines > 1)
        {
          pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_height (self->layout, -(int) self->lines);
        }
      self->width = -1;
    }
  if (self->width != width)
    {
      pango_layout_set_width (self->layout, width);
      self->width = width;
    }
  return self->layout;
}

/* Whether the text laid out without a width is what @width pixels show: it is no wider and,
 * if it may wrap, one line. */
static gboolean
fits (LiaSearchText *self,
      int            width)
{
  return (gint64) width * PANGO_SCALE >= self->full_width && (self->lines <= 1 || self->one_line);
}

/* The width to lay the text out at for @width pixels: none where it fits, so that a short
 * text is shaped once (drawn as it is, the line starting where a label's would). */
static int
layout_width (LiaSearchText *self,
              int            width)
{
  return fits (self, width) ? -1 : width * PANGO_SCALE;
}

static void
ensure_metrics (LiaSearchText *self)
{
  PangoLayout *layout;
  PangoRectangle logical;

  if (self->full_width >= 0)
    return;

  layout = ensure_layout (self, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  self->full_width = logical.width;
  self->full_height = logical.height;
  self->one_line = pango_layout_get_line_count (layout) == 1;
  pango_layout_line_get_extents (pango_layout_get_line_readonly (layout, 0), NULL, &logical);
  self->line_height = logical.height;
  self->baseline = PANGO_PIXELS_CEIL (pango_layout_get_baseline (layout));
  self->wrapped_height = 0;
}

static void
forget_metrics (LiaSearchText *self)
{
  self->full_width = -1;
  self->wrapped_height = 0;
}

static void
clear_layout (LiaSearchText *self)
{
  g_clear_object (&self->layout);
  forget_metrics (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static int
wrapped_height (LiaSearchText *self)
{
  if (self->wrapped_height > 0)
    return self->wrapped_height;
  return PANGO_PIXELS_CEIL ((gint64) self->lines * self->line_height);
}

static gboolean
resize_cb (gpointer user_data)
{
  LiaSearchText *self = user_data;

  self->resize_source = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

static void
lia_search_text_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  LiaSearchText *self = LIA_SEARCH_TEXT (widget);
  int height;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* The row gives the text whatever width is left: asking for none spares laying it
       * out at no width and unwrapped only to be told what the row does not use (the list
       * is in a window that scrolls only vertically and does not take its natural width
       * from its content). */
      *minimum = *natural = 0;
      return;
    }

  /* Its height for a width: that of the text laid out without a width where it fits (or
   * when it has one line at most, as a label's is), else that of its lines at the width.
   * Laying the text out at each width asked would shape it each time (the window's minimum
   * size asks for widths the rows never get), so it is laid out only without a width and at
   * the width it has or will have (the one drawn); other widths get the height of its lines at the last
   * width, or that many times its first line before the first (what they are unless they
   * hold different fonts or line breaks; see size_allocate). */
  ensure_metrics (self);
  if (self->lines <= 1 || for_size < 0 || fits (self, for_size))
    height = PANGO_PIXELS_CEIL (self->full_height);
  else if (for_size > 0 &&
           for_size == (gtk_widget_get_width (widget) > 0 ? gtk_widget_get_width (widget) : last_wrapped_width))
    {
      pango_layout_get_pixel_size (ensure_layout (self, for_size * PANGO_SCALE), NULL, &height);
      self->wrapped_height = height;
    }
  else
    height = wrapped_height (self);
  *minimum = *natural = height;
  *minimum_baseline = *natural_baseline = self->baseline;
}

/* As a label's: a text on one line is as tall at any width. */
static GtkSizeRequestMode
lia_search_text_get_request_mode (GtkWidget *widget)
{
  if (LIA_SEARCH_TEXT (widget)->lines <= 1)
    return GTK_SIZE_REQUEST_CONSTANT_SIZE;
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
lia_search_text_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  LiaSearchText *self = LIA_SEARCH_TEXT (widget);
  PangoLayout *layout;
  int lines_height;

  ensure_metrics (self);
  if (self->lines <= 1)
    return;
  last_wrapped_width = width;
  if (fits (self, width))
    return;

  /* Wrapped: the layout drawn is the one measured, now at the row's width. Lines of another
   * height than the estimate measured before the first allocation at this width (lines in
   * different fonts, line breaks) get their height from the next frame on. */
  layout = ensure_layout (self, layout_width (self, width));
  pango_layout_get_pixel_size (layout, NULL, &lines_height);
  if (lines_height != wrapped_height (self) && self->resize_source == 0)
    self->resize_source = g_idle_add (resize_cb, self);
  self->wrapped_height = lines_height;
}

/* Where GtkLabel puts its layout: at the start of the line (xalign 0), centred vertically. */
static void
lia_search_text_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  LiaSearchText *self = LIA_SEARCH_TEXT (widget);
  int width = gtk_widget_get_width (widget);
  PangoLayout *layout;
  PangoRectangle logical;
  float x, y;

  if (self->text == NULL || *self->text == '\0')
    return;

  ensure_metrics (self);
  layout = ensure_layout (self, layout_width (self, width));
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    x = floor ((width - logical.width) - logical.x);
  else
    x = floor (-logical.x);
  y = floor ((gtk_widget_get_height (widget) - logical.height) * 0.5);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_snapshot_render_layout (snapshot, gtk_widget_get_style_context (widget), x, y, layout);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

/* A new font (a style class, the text scale) or direction: lay the text out again. */
static void
lia_search_text_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  LiaSearchText *self = LIA_SEARCH_TEXT (widget);

  GTK_WIDGET_CLASS (lia_search_text_parent_class)->css_changed (widget, change);

  if (self->layout != NULL)
    {
      PangoContext *now = gtk_widget_get_pango_context (widget);
      PangoContext *was = pango_layout_get_context (self->layout);

      if (!pango_font_description_equal (pango_context_get_font_description (now),
                                         pango_context_get_font_description (was)))
        clear_layout (self);
    }
}

static void
lia_search_text_direction_changed (GtkWidget        *widget,
                                   GtkTextDirection  previous)
{
  clear_layout (LIA_SEARCH_TEXT (widget));
}

static void
lia_search_text_system_setting_changed (GtkWidget        *widget,
                                        GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (lia_search_text_parent_class)->system_setting_changed (widget, setting);
  clear_layout (LIA_SEARCH_TEXT (widget));
}

static void
lia_search_text_finalize (GObject *object)
{
  LiaSearchText *self = (LiaSearchText *) object;

  g_clear_handle_id (&self->resize_source, g_source_remove);
  g_free (self->marked);
  g_free (self->text);
  g_clear_pointer (&self->attrs, pango_attr_list_unref);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (lia_search_text_parent_class)->finalize (object);
}

static void
lia_search_text_class_init (LiaSearchTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = lia_search_text_finalize;
  widget_class->measure = lia_search_text_measure;
  widget_class->get_request_mode = lia_search_text_get_request_mode;
  widget_class->size_allocate = lia_search_text_size_allocate;
  widget_class->snapshot = lia_search_text_snapshot;
  widget_class->css_changed = lia_search_text_css_changed;
  widget_class->direction_changed = lia_search_text_direction_changed;
  widget_class->system_setting_changed = lia_search_text_system_setting_changed;

  /* Styled as a label by the theme and the application's style sheet. */
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
lia_search_text_init (LiaSearchText *self)
{
  self->text = g_strdup ("");
  self->attrs = pango_attr_list_new ();
  self->lines = 1;
  self->width = -1;
  self->full_width = -1;
}

GtkWidget *
lia_search_text_new (guint lines)
{
  LiaSearchText *self = g_object_new (LIA_TYPE_SEARCH_TEXT, NULL);

  self->lines = MAX (lines, 1);
  return GTK_WIDGET (self);
}

/* Shows @text with @attrs (taken): laid out again when either changed. */
static void
set_text (LiaSearchText *self,
          char          *text,
          PangoAttrList *attrs)
{
  g_free (self->text);
  self->text = text;
  g_clear_pointer (&self->attrs, pango_attr_list_unref);
  self->attrs = attrs;

  if (self->layout != NULL)
    {
      pango_layout_set_text (self->layout, self->text, -1);
      pango_layout_set_attributes (self->layout, self->attrs);
      self->width = -2;   /* laid out again at whichever width comes next */
    }
  forget_metrics (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->text, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
lia_search_text_set_text (LiaSearchText *self,
                          const char    *text)
{
  g_return_if_fail (LIA_IS_SEARCH_TEXT (self));

  if (text == NULL)
    text = "";
  if (self->marked == NULL && g_strcmp0 (self->text, text) == 0)
    return;

  g_clear_pointer (&self->marked, g_free);
  set_text (self, g_strdup (text), pango_attr_list_new ());
}

void
lia_search_text_set_marked_text (LiaSearchText *self,
                                 const char    *marked)
{
  GString *text;
  PangoAttrList *attrs;
  gsize bold_start = 0;
  gboolean in_bold = FALSE;

  g_return_if_fail (LIA_IS_SEARCH_TEXT (self));

  if (marked == NULL)
    marked = "";
  if (g_strcmp0 (self->marked, marked) == 0)
    return;

  /* The marks become bold ranges of the text without them: what "<b>…</b>" in a label's
   * markup gives, without escaping and parsing markup at every keystroke. */
  text = g_string_sized_new (strlen (marked));
  attrs = pango_attr_list_new ();
  for (const char *p = marked; *p != '\0';)
    {
      const char *next = strpbrk (p, LIA_SEARCH_MATCH_START LIA_SEARCH_MATCH_END);
      gsize len = next != NULL ? (gsize) (next - p) : strlen (p);

      g_string_append_len (text, p, len);
      if (next == NULL)
        break;
      if (*next == LIA_SEARCH_MATCH_START[0] && !in_bold)
        {
          bold_start = text->len;
          in_bold = TRUE;
        }
      else if (*next == LIA_SEARCH_MATCH_END[0] && in_bold)
        {
          PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

          bold->start_index = bold_start;
          bold->end_index = text->len;
          pango_attr_list_insert (attrs, bold);
          in_bold = FALSE;
        }
      p = next + 1;
    }
  if (in_bold && text->len > bold_start)
    {
      PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      bold->start_index = bold_start;
      bold->end_index = text->len;
      pango_attr_list_insert (attrs, bold);
    }

  g_free (self->marked);
  self->marked = g_strdup (marked);
  set_text (self, g_string_free (text, FALSE), attrs);
}

const char *
lia_search_text_get_text (LiaSearchText *self)
{
  g_return_val_if_fail (LIA_IS_SEARCH_TEXT (self), NULL);

  return self->text;
}

char *
lia_search_text_format_bold (LiaSearchText *self,
                             const char    *open,
                             const char    *close)
{
  GString *out;
  PangoAttrIterator *iter;
  gsize done = 0;

  g_return_val_if_fail (LIA_IS_SEARCH_TEXT (self), NULL);

  out = g_string_new (NULL);
  iter = pango_attr_list_get_iterator (self->attrs);
  do
    {
      int start, end;
      PangoAttrInt *weight = (PangoAttrInt *) pango_attr_iterator_get (iter, PANGO_ATTR_WEIGHT);

      pango_attr_iterator_range (iter, &start, &end);
      end = MIN ((gsize) end, strlen (self->text));
      if (weight == NULL || weight->value < PANGO_WEIGHT_BOLD || (gsize) start >= (gsize) end)
        continue;
      g_string_append_len (out, self->text + done, start - done);
      g_string_append (out, open);
      g_string_append_len (out, self->text + start, end - start);
      g_string_append (out, close);
      done = end;
    }
  while (pango_attr_iterator_next (iter));
  pango_attr_iterator_destroy (iter);
  g_string_append (out, self->text + done);

  return g_string_free (out, FALSE);
}

PangoLayout *
lia_search_text_get_layout (LiaSearchText *self)
{
  g_return_val_if_fail (LIA_IS_SEARCH_TEXT (self), NULL);

  return self->layout;
}
