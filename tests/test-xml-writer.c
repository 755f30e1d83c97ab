/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <libxml/xmlwriter.h>

#include "lia-xml-writer.h"

/* What a writer without a stream holds, the writer made ready for the next piece. */
static char *
take (LiaXmlWriter *writer)
{
  g_assert_false (_lia_xml_writer_failed (writer));
  return _lia_xml_writer_steal_text (writer);
}

static char *
element_with_text (const char *text)
{
  g_autoptr(LiaXmlWriter) writer = _lia_xml_writer_new (NULL, NULL, FALSE);

  _lia_xml_writer_start_element (writer, "a");
  _lia_xml_writer_text (writer, text);
  _lia_xml_writer_end_element (writer);
  return take (writer);
}

static char *
element_with_attribute (const char *value)
{
  g_autoptr(LiaXmlWriter) writer = _lia_xml_writer_new (NULL, NULL, FALSE);

  _lia_xml_writer_start_element (writer, "a");
  _lia_xml_writer_attribute (writer, "v", value);
  _lia_xml_writer_end_element (writer);
  return take (writer);
}

#define assert_text(in, expected) G_STMT_START { \
    g_autofree char *got_ = element_with_text (in); \
    g_assert_cmpstr (got_, ==, "<a>" expected "</a>"); \
  } G_STMT_END

#define assert_attribute(in, expected) G_STMT_START { \
    g_autofree char *got_ = element_with_attribute (in); \
    g_assert_cmpstr (got_, ==, "<a v=\"" expected "\"/>"); \
  } G_STMT_END

static void
test_escape_markup (void)
{
  assert_text ("plain text", "plain text");
  assert_text ("R&D <b> \"q\" 'a'", "R&amp;D &lt;b&gt; &quot;q&quot; 'a'");
  /* Escapes at both ends and next to each other. */
  assert_text ("&<>\"", "&amp;&lt;&gt;&quot;");
  assert_text ("&&", "&amp;&amp;");

  assert_attribute ("R&D <b> \"q\" 'a'", "R&amp;D &lt;b&gt; &quot;q&quot; 'a'");
  assert_attribute ("&", "&amp;");
}

static void
test_escape_white_space (void)
{
  /* In text a line feed and a tab stay, a carriage return becomes a reference (a parser would
   * turn a bare CR LF into LF). */
  assert_text ("one\r\ntwo\tthree\n", "one&#13;\ntwo\tthree\n");
  /* In attribute values a parser turns all three into spaces: all three as references. */
  assert_attribute ("one\r\ntwo\tthree\n", "one&#13;&#10;two&#9;three&#10;");
}

static void
test_escape_controls (void)
{
  /* XML 1.0 cannot carry these, not even as references: left out, as _lia_xml_clean_text. */
  assert_text ("\001a\002b\010c\013d\014e\033f\037", "abcdef");
  assert_attribute ("\001a\033b\037", "ab");
  assert_text ("\001", "");
  /* DEL is allowed. */
  assert_text ("a\177b", "a\177b");
}

static void
test_escape_utf8 (void)
{
  /* Two-, three- and four-byte characters as they are, in text and in attribute values. */
  assert_text ("Kovač – 東京 😀&", "Kovač – 東京 😀&amp;");
  assert_attribute ("😀é\"", "😀é&quot;");
}

static void
test_empty_elements (void)
{
  g_autoptr(LiaXmlWriter) writer = _lia_xml_writer_new (NULL, NULL, FALSE);
  g_autofree char *empty = NULL;
  g_autofree char *empty_text = NULL;

  /* No content: <a/>; an empty text: <a></a>, as xmlTextWriter wrote them. */
  _lia_xml_writer_start_element (writer, "a");
  _lia_xml_writer_attribute (writer, "x", "1");
  _lia_xml_writer_end_element (writer);
  empty = take (writer);
  g_assert_cmpstr (empty, ==, "<a x=\"1\"/>");

  _lia_xml_writer_start_element (writer, "a");
  _lia_xml_writer_text (writer, "");
  _lia_xml_writer_end_element (writer);
  empty_text = take (writer);
  g_assert_cmpstr (empty_text, ==, "<a></a>");
}

static void
write_sample (LiaXmlWriter *writer)
{
  _lia_xml_writer_start_element (writer, "root");
  _lia_xml_writer_attribute (writer, "xmlns", "urn:x");
  _lia_xml_writer_start_element (writer, "person");
  _lia_xml_writer_attribute (writer, "id", "p1");
  _lia_xml_writer_start_element (writer, "name");
  _lia_xml_writer_start_element (writer, "given");
  _lia_xml_writer_text (writer, "Ana");
  _lia_xml_writer_end_element (writer);
  _lia_xml_writer_start_element (writer, "family");
  _lia_xml_writer_end_element (writer);
  _lia_xml_writer_end_element (writer);
  _lia_xml_writer_start_element (writer, "note");
  _lia_xml_writer_text (writer, "two\nlines");
  _lia_xml_writer_end_element (writer);
  _lia_xml_writer_end_element (writer);
}

static void
test_indent (void)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(LiaXmlWriter) writer = _lia_xml_writer_new (stream, NULL, TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *flat = NULL;
  g_autoptr(LiaXmlWriter) plain = _lia_xml_writer_new (NULL, NULL, FALSE);

  _lia_xml_writer_start_document (writer);
  write_sample (writer);
  g_assert_true (_lia_xml_writer_end_document (writer, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL));
  g_assert_cmpstr (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)), ==,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<root xmlns=\"urn:x\">\n"
                   "  <person id=\"p1\">\n"
                   "    <name>\n"
                   "      <given>Ana</given>\n"
                   "      <family/>\n"
                   "    </name>\n"
                   "    <note>two\nlines</note>\n"
                   "  </person>\n"
                   "</root>\n");

  /* The canonical form of a record: no white space between elements. */
  write_sample (plain);
  _lia_xml_writer_end_element (plain);
  flat = take (plain);
  g_assert_cmpstr (flat, ==, "<root xmlns=\"urn:x\"><person id=\"p1\"><name><given>Ana</given><family/>"
                             "</name><note>two\nlines</note></person></root>");
}

/* The same bytes as libxml2's xmlTextWriter, which wrote every file before, on text full of
 * what needs escaping. */
static void
test_same_as_libxml2 (void)
{
  static const char *const pieces[] = {
    "a", "bc", " ", "&", "<", ">", "\"", "'", "\r", "\n", "\t", "é", "東", "😀", "\001", "\037", ";",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);

  for (guint round = 0; round < 200; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      xmlBufferPtr buffer = xmlBufferCreate ();
      xmlTextWriterPtr theirs = xmlNewTextWriterMemory (buffer, 0);
      g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
      g_autoptr(LiaXmlWriter) ours = _lia_xml_writer_new (stream, NULL, TRUE);
      guint n = g_rand_int_range (rand, 0, 20);

      for (guint i = 0; i < n; i++)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      /* libxml2 wrote what the callers had cleaned of control characters. */
      for (gsize i = 0; i < text->len;)
        if ((guchar) text->str[i] < 0x20 && !strchr ("\t\n\r", text->str[i]))
          g_string_erase (text, i, 1);
        else
          i++;

      xmlTextWriterSetIndent (theirs, 1);
      xmlTextWriterSetIndentString (theirs, BAD_CAST "  ");
      xmlTextWriterStartDocument (theirs, "1.0", "UTF-8", NULL);
      xmlTextWriterStartElement (theirs, BAD_CAST "r");
      xmlTextWriterWriteAttribute (theirs, BAD_CAST "v", BAD_CAST text->str);
      xmlTextWriterWriteElement (theirs, BAD_CAST "t", BAD_CAST text->str);
      xmlTextWriterStartElement (theirs, BAD_CAST "e");
      xmlTextWriterEndElement (theirs);
      xmlTextWriterEndDocument (theirs);
      xmlFreeTextWriter (theirs);

      _lia_xml_writer_start_document (ours);
      _lia_xml_writer_start_element (ours, "r");
      _lia_xml_writer_attribute (ours, "v", text->str);
      _lia_xml_writer_start_element (ours, "t");
      _lia_xml_writer_text (ours, text->str);
      _lia_xml_writer_end_element (ours);
      _lia_xml_writer_start_element (ours, "e");
      _lia_xml_writer_end_element (ours);
      g_assert_true (_lia_xml_writer_end_document (ours, NULL));
      g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL));

      g_assert_cmpstr (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)), ==,
                       (const char *) xmlBufferContent (buffer));
      xmlBufferFree (buffer);
    }
}

/* A full disk: the writer keeps the stream's error, writes nothing more and says it failed. */
static void
test_write_error (void)
{
  static char space[100 * 1024];
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new (space, sizeof space, NULL, NULL);
  g_autoptr(LiaXmlWriter) writer = _lia_xml_writer_new (stream, NULL, TRUE);
  g_autoptr(GError) error = NULL;

  _lia_xml_writer_start_document (writer);
  _lia_xml_writer_start_element (writer, "root");
  for (guint i = 0; i < 100000 && !_lia_xml_writer_failed (writer); i++)
    {
      _lia_xml_writer_start_element (writer, "item");
      _lia_xml_writer_text (writer, "some text & more");
      _lia_xml_writer_end_element (writer);
    }
  g_assert_true (_lia_xml_writer_failed (writer));
  g_assert_error (_lia_xml_writer_get_error (writer), G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_false (_lia_xml_writer_end_document (writer, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
}

/* A long document goes to the stream in pieces, whole and in order. */
static void
test_pieces (void)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(LiaXmlWriter) writer = _lia_xml_writer_new (stream, NULL, FALSE);
  g_autoptr(LiaXmlWriter) whole = _lia_xml_writer_new (NULL, NULL, FALSE);
  g_autofree char *expected = NULL;
  gsize size;

  for (guint i = 0; i < 50000; i++)
    {
      g_autofree char *text = g_strdup_printf ("record %u <%u>", i, i * 7);

      _lia_xml_writer_start_element (writer, "x");
      _lia_xml_writer_text (writer, text);
      _lia_xml_writer_end_element (writer);
      _lia_xml_writer_start_element (whole, "x");
      _lia_xml_writer_text (whole, text);
      _lia_xml_writer_end_element (whole);
    }
  g_assert_true (_lia_xml_writer_end_document (writer, NULL));
  expected = take (whole);
  size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream));
  g_assert_cmpuint (size, >, 512 * 1024);
  /* Without indentation the document ends with a line feed, as xmlTextWriter's did. */
  g_assert_cmpuint (size, ==, strlen (expected) + 1);
  g_assert_cmpmem (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)), size - 1,
                   expected, strlen (expected));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xml-writer/escape/markup", test_escape_markup);
  g_test_add_func ("/xml-writer/escape/white-space", test_escape_white_space);
  g_test_add_func ("/xml-writer/escape/controls", test_escape_controls);
  g_test_add_func ("/xml-writer/escape/utf8", test_escape_utf8);
  g_test_add_func ("/xml-writer/empty-elements", test_empty_elements);
  g_test_add_func ("/xml-writer/indent", test_indent);
  g_test_add_func ("/xml-writer/same-as-libxml2", test_same_as_libxml2);
  g_test_add_func ("/xml-writer/write-error", test_write_error);
  g_test_add_func ("/xml-writer/pieces", test_pieces);

  return g_test_run ();
}
