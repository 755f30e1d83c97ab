/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-exchange"

#include "config.h"

#include <string.h>

#include "lia-xml-writer.h"

/* The buffer goes to the stream once it holds this much. */
#define FLUSH_AT (256 * 1024)

struct _LiaXmlWriter
{
  GString       *buffer;
  GOutputStream *stream;
  GCancellable  *cancellable;
  /* The names of the open elements, the innermost last. Callers pass names that outlive the
   * element (string literals). */
  GPtrArray     *open;
  GError        *error;
  gboolean       indent;
  /* The innermost element's start tag still lacks its ">" (attributes may follow). */
  gboolean       in_start_tag;
  /* Whether the next end tag goes on a line of its own (not after text). */
  gboolean       end_on_new_line;
  gboolean       failed;
};

/* What each byte becomes, in text and in attribute values. */
enum {
  COPY = 0,
  END,        /* the terminating NUL */
  DROP,       /* control characters XML 1.0 cannot carry, not even as references */
  AMP,
  LT,
  GT,
  QUOT,
  CR,
  LF,
  TAB,
};

static const struct
{
  const char *text;
  gsize       len;
} escapes[] = {
  [AMP] = { "&amp;", 5 },
  [LT] = { "&lt;", 4 },
  [GT] = { "&gt;", 4 },
  [QUOT] = { "&quot;", 6 },
  [CR] = { "&#13;", 5 },
  [LF] = { "&#10;", 5 },
  [TAB] = { "&#9;", 4 },
};

#define CONTROLS \
  [0x00] = END, [0x01] = DROP, [0x02] = DROP, [0x03] = DROP, [0x04] = DROP, [0x05] = DROP, \
  [0x06] = DROP, [0x07] = DROP, [0x08] = DROP, [0x0b] = DROP, [0x0c] = DROP, [0x0e] = DROP, \
  [0x0f] = DROP, [0x10] = DROP, [0x11] = DROP, [0x12] = DROP, [0x13] = DROP, [0x14] = DROP, \
  [0x15] = DROP, [0x16] = DROP, [0x17] = DROP, [0x18] = DROP, [0x19] = DROP, [0x1a] = DROP, \
  [0x1b] = DROP, [0x1c] = DROP, [0x1d] = DROP, [0x1e] = DROP, [0x1f] = DROP, \
  ['&'] = AMP, ['<'] = LT, ['>'] = GT, ['"'] = QUOT, ['\r'] = CR

/* As xmlTextWriter wrote text: line feeds and tabs as they are. */
static const guint8 text_class[256] = { CONTROLS };
/* Attribute values keep their line feeds and tabs only as references. */
static const guint8 attribute_class[256] = { CONTROLS, ['\n'] = LF, ['\t'] = TAB };

/* g_string_append_len() without its checks and its call, for the short pieces a writer appends
 * all the time; the GString's own when it has to grow. */
static inline void
put (GString    *buffer,
     const char *bytes,
     gsize       len)
{
  if (G_UNLIKELY (buffer->len + len >= buffer->allocated_len))
    {
      g_string_append_len (buffer, bytes, len);
      return;
    }
  memcpy (buffer->str + buffer->len, bytes, len);
  buffer->len += len;
  buffer->str[buffer->len] = '\0';
}

static inline void
put_c (GString *buffer,
       char     c)
{
  put (buffer, &c, 1);
}

/* Appends @text to @buffer escaped by @class, in one pass: runs that need nothing are copied
 * whole. */
static void
append_escaped (GString      *buffer,
                const char   *text,
                const guint8 *class)
{
  const guchar *run = (const guchar *) text;

  for (const guchar *p = run;; p++)
    {
      guint8 what = class[*p];

      if (G_LIKELY (what == COPY))
        continue;
      if (p > run)
        put (buffer, (const char *) run, p - run);
      if (what == END)
        return;
      if (what != DROP)
        put (buffer, escapes[what].text, escapes[what].len);
      run = p + 1;
    }
}

LiaXmlWriter *
_lia_xml_writer_new (GOutputStream *stream,
                     GCancellable  *cancellable,
                     gboolean       indent)
{
  LiaXmlWriter *self = g_new0 (LiaXmlWriter, 1);

  self->buffer = g_string_sized_new (stream != NULL ? FLUSH_AT + 64 * 1024 : 4096);
  self->stream = stream != NULL ? g_object_ref (stream) : NULL;
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  self->open = g_ptr_array_sized_new (16);
  self->indent = indent;
  self->end_on_new_line = TRUE;
  return self;
}

void
_lia_xml_writer_free (LiaXmlWriter *self)
{
  if (self == NULL)
    return;
  g_string_free (self->buffer, TRUE);
  g_clear_object (&self->stream);
  g_clear_object (&self->cancellable);
  g_ptr_array_unref (self->open);
  g_clear_error (&self->error);
  g_free (self);
}

static void
fail (LiaXmlWriter *self,
      GError       *error)
{
  if (self->error == NULL)
    self->error = error;
  else
    g_error_free (error);
  self->failed = TRUE;
}

static void
flush (LiaXmlWriter *self)
{
  GError *error = NULL;

  if (self->stream == NULL || self->failed || self->buffer->len == 0)
    return;
  if (!g_output_stream_write_all (self->stream, self->buffer->str, self->buffer->len, NULL,
                                  self->cancellable, &error))
    fail (self, error);
  g_string_truncate (self->buffer, 0);
}

static void
indent (LiaXmlWriter *self,
        guint         depth)
{
  for (guint i = 0; i < depth; i++)
    put (self->buffer, "  ", 2);
}

/* Closes the start tag of the innermost element, before its content. */
static void
close_start_tag (LiaXmlWriter *self,
                 gboolean      before_element)
{
  if (!self->in_start_tag)
    return;
  if (before_element && self->indent)
    put (self->buffer, ">\n", 2);
  else
    put_c (self->buffer, '>');
  self->in_start_tag = FALSE;
}

void
_lia_xml_writer_start_document (LiaXmlWriter *self)
{
  if (self->failed)
    return;
  if (self->open->len > 0 || self->buffer->len > 0)
    {
      fail (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "XML declaration out of place"));
      return;
    }
  g_string_append (self->buffer, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
}

void
_lia_xml_writer_start_element (LiaXmlWriter *self,
                               const char   *name)
{
  if (self->failed)
    return;
  close_start_tag (self, TRUE);
  if (self->indent)
    indent (self, self->open->len);
  put_c (self->buffer, '<');
  put (self->buffer, name, strlen (name));
  g_ptr_array_add (self->open, (gpointer) name);
  self->in_start_tag = TRUE;
}

void
_lia_xml_writer_attribute (LiaXmlWriter *self,
                           const char   *name,
                           const char   *value)
{
  if (self->failed)
    return;
  if (!self->in_start_tag)
    {
      fail (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "XML attribute out of place"));
      return;
    }
  put_c (self->buffer, ' ');
  put (self->buffer, name, strlen (name));
  put (self->buffer, "=\"", 2);
  append_escaped (self->buffer, value, attribute_class);
  put_c (self->buffer, '"');
}

void
_lia_xml_writer_text (LiaXmlWriter *self,
                      const char   *text)
{
  if (self->failed)
    return;
  close_start_tag (self, FALSE);
  append_escaped (self->buffer, text, text_class);
  self->end_on_new_line = FALSE;
}

void
_lia_xml_writer_end_element (LiaXmlWriter *self)
{
  const char *name;

  if (self->failed)
    return;
  if (self->open->len == 0)
    {
      fail (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "XML end tag out of place"));
      return;
    }
  name = g_ptr_array_steal_index_fast (self->open, self->open->len - 1);

  if (self->in_start_tag)
    {
      put (self->buffer, "/>", 2);
      self->in_start_tag = FALSE;
    }
  else
    {
      if (self->indent && self->end_on_new_line)
        indent (self, self->open->len);
      put (self->buffer, "</", 2);
      put (self->buffer, name, strlen (name));
      put_c (self->buffer, '>');
    }
  self->end_on_new_line = TRUE;
  if (self->indent)
    put_c (self->buffer, '\n');

  if (self->buffer->len >= FLUSH_AT)
    flush (self);
}

gboolean
_lia_xml_writer_end_document (LiaXmlWriter  *self,
                              GError       **error)
{
  while (!self->failed && self->open->len > 0)
    _lia_xml_writer_end_element (self);
  if (!self->indent && !self->failed)
    put_c (self->buffer, '\n');
  flush (self);

  if (self->failed)
    {
      if (error != NULL)
        *error = g_error_copy (self->error);
      return FALSE;
    }
  return TRUE;
}

gboolean
_lia_xml_writer_failed (LiaXmlWriter *self)
{
  return self->failed;
}

const GError *
_lia_xml_writer_get_error (LiaXmlWriter *self)
{
  return self->error;
}

gsize
_lia_xml_writer_get_length (LiaXmlWriter *self)
{
  return self->buffer->len;
}

char *
_lia_xml_writer_steal_text (LiaXmlWriter *self)
{
  char *text = g_strndup (self->buffer->str, self->buffer->len);

  g_string_truncate (self->buffer, 0);
  g_ptr_array_set_size (self->open, 0);
  self->in_start_tag = FALSE;
  self->end_on_new_line = TRUE;
  g_clear_error (&self->error);
  self->failed = FALSE;
  return text;
}
