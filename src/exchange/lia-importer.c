/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-exchange-private.h"
#include "lia-export-private.h"
#include "lia-import-private.h"
#include "lia-store-bulk.h"

/* Progress is told every so many records. */
#define PROGRESS_EVERY 512

#define N_KINDS (LIA_RECORD_KIND_CONCERN + 1)
#define N_OUTCOMES (LIA_IMPORT_UNCHANGED + 1)

struct _LiaImporter
{
  GObject            parent_instance;

  GFile             *file;
  gboolean           dry_run;
  gboolean           started;

  LiaExchangeFormat  format;
  GListStore        *problems;
  gboolean           problems_truncated;
  guint64            counts[N_KINDS][N_OUTCOMES];
  guint64            ignored;

  /* Progress, written by the thread that imports and read from anywhere, under progress.lock. */
  LiaProgress        progress;
  guint64            records_read;
  guint64            bytes_read;
  guint64            bytes_total;
};

enum {
  PROP_0,
  PROP_FILE,
  PROP_DRY_RUN,
  PROP_FORMAT,
  PROP_RECORDS_READ,
  PROP_BYTES_READ,
  PROP_BYTES_TOTAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
/* What progress notifies: records-read, bytes-read. */
static GParamSpec *progress_properties[3];

G_DEFINE_FINAL_TYPE (LiaImporter, lia_importer, G_TYPE_OBJECT)
G_DEFINE_QUARK (lia-exchange-error-quark, lia_exchange_error)

const char *
_lia_import_kind_noun (LiaRecordKind kind)
{
  switch (kind)
    {
    case LIA_RECORD_KIND_ORGANIZATION:
      return _("organization");
    case LIA_RECORD_KIND_CONTACT:
      return _("contact");
    case LIA_RECORD_KIND_AFFILIATION:
      return _("affiliation");
    case LIA_RECORD_KIND_INTERACTION:
      return _("interaction");
    case LIA_RECORD_KIND_COMMITMENT:
      return _("commitment");
    case LIA_RECORD_KIND_CONCERN:
      return _("concern");
    default:
      g_assert_not_reached ();
    }
}

/* Problems and failures */

static LiaImportProblem *
add_problem (LiaImport  *import,
             guint       line,
             guint       column,
             const char *message)
{
  LiaImporter *self = import->importer;
  g_autoptr(LiaImportProblem) problem = NULL;

  import->failed = TRUE;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->problems)) >= LIA_IMPORT_MAX_PROBLEMS)
    {
      self->problems_truncated = TRUE;
      import->stopped = TRUE;
      return NULL;
    }

  problem = lia_import_problem_new (import->file_name, line, column, message);
  g_list_store_append (self->problems, problem);

  return problem;
}

LiaImportProblem *
_lia_import_problem (LiaImport  *import,
                     xmlNode    *node,
                     const char *attribute,
                     const char *format,
                     ...)
{
  g_autofree char *message = NULL;
  LiaImportProblem *problem;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  problem = add_problem (import, node != NULL ? _lia_import_line (import, node) : 0, 0, message);

  /* The column is found later, from the file, when the import is over. */
  if (problem != NULL && node != NULL && node->type == XML_ELEMENT_NODE)
    {
      g_autofree char *needle = attribute != NULL
        ? g_strdup_printf ("%s@%s", (const char *) node->name, attribute)
        : g_strdup ((const char *) node->name);
      _lia_import_problem_set_needle (problem, needle);
    }

  return problem;
}

void
_lia_import_xml_problem (LiaImport  *import,
                         guint       line,
                         guint       column,
                         const char *message)
{
  add_problem (import, line, column, message);
}

void
_lia_import_fail (LiaImport *import,
                  GError    *error)
{
  import->stopped = TRUE;
  if (import->error == NULL)
    import->error = error;
  else
    g_error_free (error);
}

guint
_lia_import_line (LiaImport *import,
                  xmlNode   *node)
{
  long line = _lia_xml_line (node);

  if (line <= 0)
    return 0;
  return (guint) CLAMP (line + import->line_offset, 1, G_MAXUINT);
}

/* libxml2's own messages end in a newline and speak of the parser; keep the reason, in a
 * sentence a person can act on where we know the case. */
static char *
describe_xml_error (const LiaImport *import,
                    const xmlError  *error)
{
  g_autofree char *text = g_strstrip (g_strdup (error->message != NULL ? error->message : ""));

  /* Some of libxml2's messages run over two lines. */
  g_strdelimit (text, "\n", ' ');

  switch (error->code)
    {
    case XML_ERR_DOCUMENT_EMPTY:
      return g_strdup (_("This is not an XML file: it does not start with an element."));
    case XML_ERR_DOCUMENT_END:
      if (import->root_is_vcards)
        return g_strdup_printf (_("There is more after the end of the list of vCards (%s)."), text);
      return g_strdup_printf (_("There is more after the end of the partner directory (%s)."), text);
    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_ENCODING:
    case XML_ERR_UNKNOWN_ENCODING:
    case XML_ERR_UNSUPPORTED_ENCODING:
      return g_strdup_printf (_("The text is not valid UTF-8 here: save the file as UTF-8 (%s)."), text);
    case XML_ERR_TAG_NOT_FINISHED:
    case XML_ERR_LTSLASH_REQUIRED:
    case XML_ERR_GT_REQUIRED:
      if (strstr (text, "Premature end") != NULL)
        return g_strdup_printf (_("The file ends in the middle of an element: it was probably cut off (%s)."), text);
      return g_strdup_printf (_("An element is not closed properly (%s)."), text);
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
      return g_strdup_printf (_("An entity is used that a partner directory cannot have (%s)."), text);
    default:
      if (strstr (text, "Excessive depth") != NULL)
        return g_strdup (_("The elements are nested more than 256 deep: this is not a partner directory."));
      if (strstr (text, "huge text node") != NULL || strstr (text, "too long") != NULL ||
          strstr (text, "huge input") != NULL)
        return g_strdup_printf (_("A text is longer than the 10 MB that a field may hold (%s)."), text);
      if (strstr (text, "Start tag expected") != NULL || strstr (text, "Document is empty") != NULL)
        return g_strdup (_("This is not an XML file."));
      return g_strdup_printf (_("This is not well-formed XML: %s."), text);
    }
}

static void
xml_error_cb (void     *user_data,
              xmlError *error)
{
  LiaImport *import = user_data;
  g_autofree char *message = NULL;

  if (error->level < XML_ERR_ERROR)
    return;

  /* After the first fatal error the parser repeats itself; one message is enough. */
  if (import->stopped)
    return;

  /* libxml2's reader calls a file that stops in the middle "extra content". */
  /* The reader parses ahead of the records it hands out, so ask the parser whether every
   * element was closed when it met the extra content. */
  if (error->code == XML_ERR_DOCUMENT_END && error->ctxt != NULL &&
      ((xmlParserCtxtPtr) error->ctxt)->nameNr == 0)
    import->root_closed = TRUE;
  if (error->code == XML_ERR_DOCUMENT_END && !import->root_closed)
    message = g_strdup (_("The file ends in the middle of the directory: it was probably cut off."));
  else
    message = describe_xml_error (import, error);
  _lia_import_xml_problem (import, error->line > 0 ? (guint) error->line : 0,
                           error->int2 > 0 ? (guint) error->int2 : 0, message);
  if (error->level == XML_ERR_FATAL)
    import->stopped = TRUE;
}

/* Counting */

void
_lia_import_count (LiaImport        *import,
                   LiaRecordKind     kind,
                   LiaImportOutcome  outcome)
{
  g_assert (kind < N_KINDS && outcome < N_OUTCOMES);
  import->importer->counts[kind][outcome]++;
}

void
_lia_import_ignore (LiaImport *import)
{
  import->importer->ignored++;
}

void
_lia_import_progress (LiaImport *import)
{
  LiaImporter *self = import->importer;
  guint64 records;
  long consumed;

  g_mutex_lock (&self->progress.lock);
  records = ++self->records_read;
  consumed = xmlTextReaderByteConsumed (import->reader);
  if (consumed > 0)
    self->bytes_read = MIN ((guint64) consumed, MAX (self->bytes_total, (guint64) consumed));
  g_mutex_unlock (&self->progress.lock);

  if (records % PROGRESS_EVERY == 0)
    {
      _lia_progress_tell (&self->progress);

      if (g_cancellable_is_cancelled (import->cancellable))
        {
          GError *error = NULL;
          g_cancellable_set_error_if_cancelled (import->cancellable, &error);
          _lia_import_fail (import, error);
        }
    }
}

/* Merging */

static gboolean
touched (LiaImport     *import,
         LiaRecordKind  kind,
         gint64         id,
         gboolean       mark)
{
  GByteArray *bits = import->touched[kind];
  guint byte = (guint) (id / 8);
  guint8 bit = (guint8) (1u << (id % 8));
  gboolean was;

  if (bits == NULL)
    bits = import->touched[kind] = g_byte_array_new ();
  if (byte >= bits->len)
    {
      guint old_len = bits->len;
      g_byte_array_set_size (bits, MAX (byte + 1, old_len * 2));
      memset (bits->data + old_len, 0, bits->len - old_len);
    }

  was = (bits->data[byte] & bit) != 0;
  if (mark)
    bits->data[byte] |= bit;
  return was;
}

gboolean
_lia_import_is_touched (LiaImport     *import,
                        LiaRecordKind  kind,
                        gint64         id)
{
  return id > 0 && touched (import, kind, id, FALSE);
}

gboolean
_lia_import_find (LiaImport     *import,
                  LiaRecordKind  kind,
                  const char    *uid,
                  gint64        *out_id)
{
  GError *error = NULL;

  if (!lia_store_find_id (import->store, kind, uid, out_id, &error))
    {
      _lia_import_fail (import, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_problem_of_the_file (const GError *error)
{
  return g_error_matches (error, LIA_STORE_ERROR, LIA_STORE_ERROR_INVALID) ||
         g_error_matches (error, LIA_STORE_ERROR, LIA_STORE_ERROR_REFERENCE) ||
         g_error_matches (error, LIA_STORE_ERROR, LIA_STORE_ERROR_DUPLICATE);
}

void
_lia_import_stand_in (LiaImport *import,
                      LiaRecord *record)
{
  g_autoptr(LiaRecord) stand_in = NULL;
  g_autoptr(GDateTime) now = NULL;
  gint64 id = 0;

  if (!_lia_import_find (import, lia_record_get_kind (record), lia_record_get_uid (record), &id))
    return;
  if (id > 0)
    {
      lia_record_set_id (record, id);
      touched (import, lia_record_get_kind (record), id, TRUE);
      return;
    }

  switch (lia_record_get_kind (record))
    {
    case LIA_RECORD_KIND_ORGANIZATION:
      stand_in = LIA_RECORD (lia_organization_new ("?"));
      break;
    case LIA_RECORD_KIND_CONTACT:
      stand_in = LIA_RECORD (lia_contact_new ("?", NULL));
      break;
    case LIA_RECORD_KIND_INTERACTION:
      now = g_date_time_new_now_utc ();
      stand_in = LIA_RECORD (lia_interaction_new (LIA_INTERACTION_KIND_NOTE, now, "?"));
      break;
    default:
      /* Nothing refers to affiliations, commitments or concerns. */
      return;
    }

  lia_record_set_uid (stand_in, lia_record_get_uid (record));
  if (lia_store_save (import->store, stand_in, NULL))
    {
      lia_record_set_id (record, lia_record_get_id (stand_in));
      touched (import, lia_record_get_kind (record), lia_record_get_id (record), TRUE);
    }
}

static gboolean
report_store_error (LiaImport *import,
                    LiaRecord *record,
                    xmlNode   *node,
                    GError    *error)
{
  if (!is_problem_of_the_file (error))
    {
      _lia_import_fail (import, error);
      return FALSE;
    }

  _lia_import_problem (import, node, NULL, "%s", error->message);
  g_error_free (error);

  if (lia_record_get_id (record) == 0)
    _lia_import_stand_in (import, record);
  return !import->stopped;
}

gboolean
_lia_import_merge (LiaImport *import,
                   LiaRecord *record,
                   xmlNode   *node)
{
  LiaRecordKind kind = lia_record_get_kind (record);
  const char *uid = lia_record_get_uid (record);
  g_autoptr(LiaRecord) old = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  GError *error = NULL;
  gint64 id = lia_record_get_id (record);

  if (id == 0 && uid != NULL && uid[0] != '\0' && !_lia_import_find (import, kind, uid, &id))
    return FALSE;

  if (id == 0)
    {
      if (!lia_store_save_preserving_times (import->store, record, &error))
        return report_store_error (import, record, node, error);

      touched (import, kind, lia_record_get_id (record), TRUE);
      _lia_import_count (import, kind, LIA_IMPORT_CREATED);
      return TRUE;
    }

  if (touched (import, kind, id, TRUE))
    {
      if (uid != NULL && uid[0] != '\0')
        _lia_import_problem (import, node, "id",
                             _("A second %s with the id “%s”: ids must be unique for each kind of record."),
                             _lia_import_kind_noun (kind), uid);
      else
        _lia_import_problem (import, node, NULL, _("The same %s is listed twice."), _lia_import_kind_noun (kind));
      lia_record_set_id (record, id);
      return !import->stopped;
    }

  if (!(old = lia_store_load (import->store, kind, id, &error)))
    {
      _lia_import_fail (import, error);
      return FALSE;
    }

  lia_record_set_id (record, id);
  if (uid == NULL || uid[0] == '\0')
    lia_record_set_uid (record, lia_record_get_uid (old));

  if (!(old_text = _lia_directory_canonical (import->store, old, &error)) ||
      !(new_text = _lia_directory_canonical (import->store, record, &error)))
    {
      _lia_import_fail (import, error);
      return FALSE;
    }

  if (g_str_equal (old_text, new_text))
    {
      _lia_import_count (import, kind, LIA_IMPORT_UNCHANGED);
      return TRUE;
    }

  /* The record changes here, now: it takes the time of the import, not the file's. */
  lia_record_set_updated_at (record, NULL);
  if (!lia_store_save (import->store, record, &error))
    return report_store_error (import, record, node, error);

  _lia_import_count (import, kind, LIA_IMPORT_UPDATED);
  return TRUE;
}

/* Columns: libxml2 does not keep them on nodes, so once the import is over, each problem's
 * line is read again from the file to find where on it the element (or attribute) is. */
static guint
find_column (const char *line,
             const char *needle)
{
  g_auto(GStrv) parts = g_strsplit (needle, "@", 2);
  const char *at = NULL;
  const char *p = line;

  /* The element may carry a prefix: find "<name" or ":name" after a '<'. */
  while ((p = strstr (p, parts[0])) != NULL)
    {
      const char *start = p;
      gsize len = strlen (parts[0]);

      if (start > line && (start[-1] == '<' || start[-1] == ':') &&
          (start[len] == ' ' || start[len] == '>' || start[len] == '/' || start[len] == '\t' ||
           start[len] == '\0' || start[len] == '\r'))
        {
          const char *open = start - 1;
          while (open > line && *open != '<')
            open--;
          at = open;
          break;
        }
      p = start + len;
    }

  if (at == NULL)
    return 0;

  if (parts[1] != NULL)
    {
      g_autofree char *attr = g_strconcat (parts[1], "=", NULL);
      const char *end = strchr (at, '>');
      const char *found = strstr (at, attr);

      if (found != NULL && (end == NULL || found < end))
        at = found;
    }

  return (guint) g_utf8_strlen (line, at - line) + 1;
}

static void
locate_columns (LiaImporter *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->problems));
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GDataInputStream) data = NULL;
  guint line_number = 0;
  guint next = 0;

  if (n == 0 || !(input = g_file_read (self->file, NULL, NULL)))
    return;
  data = g_data_input_stream_new (G_INPUT_STREAM (input));
  g_data_input_stream_set_newline_type (data, G_DATA_STREAM_NEWLINE_TYPE_LF);

  /* Problems come in the order of the file, except the references checked at the end. */
  for (;;)
    {
      g_autofree char *line = NULL;
      gboolean wanted = FALSE;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(LiaImportProblem) problem = g_list_model_get_item (G_LIST_MODEL (self->problems), i);
          if (lia_import_problem_get_column (problem) == 0 &&
              _lia_import_problem_get_needle (problem) != NULL &&
              lia_import_problem_get_line (problem) > line_number)
            {
              wanted = TRUE;
              break;
            }
        }
      if (!wanted)
        break;

      line = g_data_input_stream_read_line (data, NULL, NULL, NULL);
      if (line == NULL)
        break;
      line_number++;

      if (!g_utf8_validate (line, -1, NULL))
        continue;

      for (guint i = next; i < n; i++)
        {
          g_autoptr(LiaImportProblem) problem = g_list_model_get_item (G_LIST_MODEL (self->problems), i);
          const char *needle = _lia_import_problem_get_needle (problem);

          if (lia_import_problem_get_line (problem) == line_number && needle != NULL &&
              lia_import_problem_get_column (problem) == 0)
            _lia_import_problem_set_location (problem, line_number, find_column (line, needle));
        }
    }
}

/* Reading the file */

static void
silence_cb (void       *context,
            const char *format,
            ...)
{
}

typedef struct
{
  GInputStream *stream;
  GCancellable *cancellable;
  GError       *error;
} ReadSource;

static int
read_cb (void *context,
         char *buffer,
         int   len)
{
  ReadSource *source = context;
  gssize n = g_input_stream_read (source->stream, buffer, len, source->cancellable,
                                  source->error == NULL ? &source->error : NULL);
  return n < 0 ? -1 : (int) n;
}

static int
close_cb (void *context)
{
  return 0;
}

static gboolean
find_root (LiaImport *import)
{
  int ret;

  while ((ret = xmlTextReaderRead (import->reader)) == 1)
    {
      int type = xmlTextReaderNodeType (import->reader);

      if (type == XML_READER_TYPE_DOCUMENT_TYPE)
        {
          /* A DTD can declare entities that point at local files or expand without end. */
          _lia_import_xml_problem (import, (guint) xmlTextReaderGetParserLineNumber (import->reader), 0,
                                   _("The file declares a document type (<!DOCTYPE …>), which a partner directory or xCard file never has: it is refused so that nothing it points to is read."));
          import->stopped = TRUE;
          return FALSE;
        }
      if (type == XML_READER_TYPE_ELEMENT)
        break;
    }

  return ret == 1 && !import->stopped;
}

static gboolean
import_from_reader (LiaImport *import)
{
  LiaImporter *self = import->importer;
  const char *version;
  const char *ns;
  const char *name;

  if (!find_root (import))
    {
      if (!import->failed && import->error == NULL)
        _lia_import_xml_problem (import, 0, 0, _("The file is empty."));
      return FALSE;
    }

  version = (const char *) xmlTextReaderConstXmlVersion (import->reader);
  if (version != NULL && !g_str_equal (version, "1.0"))
    {
      _lia_import_xml_problem (import, 1, 1,
                               _("The file says it is XML 1.1; partner directories and xCard files are XML 1.0. Save it as XML 1.0."));
      return FALSE;
    }

  ns = (const char *) xmlTextReaderConstNamespaceUri (import->reader);
  name = (const char *) xmlTextReaderConstLocalName (import->reader);

  if (g_strcmp0 (ns, LIA_DIRECTORY_NAMESPACE) == 0 && g_strcmp0 (name, "partner-directory") == 0)
    {
      self->format = LIA_EXCHANGE_FORMAT_DIRECTORY;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORMAT]);
      return _lia_directory_read (import);
    }

  if (g_strcmp0 (ns, LIA_XCARD_NAMESPACE) == 0 && g_strcmp0 (name, "vcards") == 0)
    {
      self->format = LIA_EXCHANGE_FORMAT_XCARD;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORMAT]);
      return _lia_xcard_read (import);
    }

  _lia_import_fail (import,
                    g_error_new (LIA_EXCHANGE_ERROR, LIA_EXCHANGE_ERROR_NOT_SUPPORTED,
                                 _("“%s” is not a partner directory or xCard file: its root element is “%s”%s%s%s, where a partner directory has “partner-directory” in %s and xCard has “vcards” in %s."),
                                 import->file_name, name,
                                 ns != NULL ? _(" in the namespace “") : _(" without a namespace"),
                                 ns != NULL ? ns : "", ns != NULL ? "”" : "",
                                 LIA_DIRECTORY_NAMESPACE, LIA_XCARD_NAMESPACE));
  return FALSE;
}

static char *
display_name (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    return g_steal_pointer (&path);
  return g_file_get_parse_name (file);
}

gboolean
lia_importer_run (LiaImporter   *self,
                  LiaStore      *store,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *file_name = NULL;
  ReadSource source = { NULL, cancellable, NULL };
  LiaImport import = { 0, };
  gboolean ok;
  guint n_problems;

  g_return_val_if_fail (LIA_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (LIA_IS_STORE (store), FALSE);
  g_return_val_if_fail (!self->started, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self->started = TRUE;
  file_name = display_name (self->file);

  if (!(input = g_file_read (self->file, cancellable, error)))
    return FALSE;

  info = g_file_input_stream_query_info (input, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  if (info != NULL)
    {
      g_mutex_lock (&self->progress.lock);
      self->bytes_total = (guint64) g_file_info_get_size (info);
      g_mutex_unlock (&self->progress.lock);
      _lia_progress_tell (&self->progress);
    }

  source.stream = G_INPUT_STREAM (input);

  import.importer = self;
  import.store = store;
  import.file_name = file_name;
  import.cancellable = cancellable;
  import.reader = xmlReaderForIO (read_cb, close_cb, &source, NULL, NULL, LIA_XML_PARSE_OPTIONS);
  if (import.reader == NULL)
    {
      g_set_error (error, LIA_EXCHANGE_ERROR, LIA_EXCHANGE_ERROR_FAILED,
                   _("Could not start reading “%s”."), file_name);
      return FALSE;
    }
  xmlTextReaderSetStructuredErrorHandler (import.reader, xml_error_cb, &import);
  /* Every problem of the parse reaches xml_error_cb; a few of libxml2's input errors would
   * also be printed on stderr. The handler is per thread. */
  xmlSetGenericErrorFunc (NULL, silence_cb);

  if (!lia_store_begin (store, error))
    {
      xmlFreeTextReader (import.reader);
      xmlSetGenericErrorFunc (NULL, NULL);
      return FALSE;
    }
  if (!lia_store_begin_bulk_load (store, &import.error))
    import.stopped = TRUE;

  if (import.stopped)
    ;
  else if (info != NULL && g_file_info_get_size (info) == 0)
    _lia_import_xml_problem (&import, 0, 0, _("The file is empty."));
  else
    import_from_reader (&import);

  if (source.error != NULL)
    {
      /* Reading the file failed (or was cancelled): that, not the parser's view of it. */
      g_clear_error (&import.error);
      import.error = g_steal_pointer (&source.error);
    }

  ok = !import.failed && !import.stopped && import.error == NULL;
  if (ok && !self->dry_run)
    {
      ok = lia_store_end_bulk_load (store, &import.error) &&
           lia_store_commit (store, &import.error);
      if (!ok && lia_store_in_transaction (store))
        lia_store_rollback (store);
    }
  else
    {
      lia_store_rollback (store);
    }

  xmlFreeTextReader (import.reader);
  xmlSetGenericErrorFunc (NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (import.touched); i++)
    g_clear_pointer (&import.touched[i], g_byte_array_unref);

  g_mutex_lock (&self->progress.lock);
  if (import.error == NULL && self->bytes_total > 0)
    self->bytes_read = self->bytes_total;
  g_mutex_unlock (&self->progress.lock);
  _lia_progress_tell (&self->progress);

  if (import.error != NULL)
    {
      g_propagate_error (error, import.error);
      return FALSE;
    }

  n_problems = g_list_model_get_n_items (G_LIST_MODEL (self->problems));
  if (n_problems > 0 || import.failed)
    {
      locate_columns (self);
      g_set_error (error, LIA_EXCHANGE_ERROR, LIA_EXCHANGE_ERROR_INVALID,
                   self->problems_truncated
                     ? _("“%s” has more than %u problems; nothing was imported.")
                     : g_dngettext (GETTEXT_PACKAGE,
                                    "“%s” has %u problem; nothing was imported.",
                                    "“%s” has %u problems; nothing was imported.", n_problems),
                   file_name, n_problems);
      return FALSE;
    }

  return ok;
}

/* In a thread */

static gboolean
run_in_thread (gpointer       self,
               LiaStore      *store,
               GCancellable  *cancellable,
               GError       **error)
{
  return lia_importer_run (self, store, cancellable, error);
}

void
lia_importer_run_async (LiaImporter         *self,
                        const char          *database_path,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (LIA_IS_IMPORTER (self));
  g_return_if_fail (database_path != NULL);
  g_return_if_fail (!self->started);

  _lia_exchange_run_async (G_OBJECT (self), &self->progress, lia_importer_run_async,
                           run_in_thread, database_path, cancellable,
                           callback, user_data);
}

gboolean
lia_importer_run_finish (LiaImporter   *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (LIA_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* GObject */

static void
lia_importer_finalize (GObject *object)
{
  LiaImporter *self = LIA_IMPORTER (object);

  g_clear_object (&self->file);
  g_clear_object (&self->problems);
  _lia_progress_clear (&self->progress);

  G_OBJECT_CLASS (lia_importer_parent_class)->finalize (object);
}

static void
lia_importer_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LiaImporter *self = LIA_IMPORTER (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_DRY_RUN:
      g_value_set_boolean (value, self->dry_run);
      break;
    case PROP_FORMAT:
      g_value_set_enum (value, self->format);
      break;
    case PROP_RECORDS_READ:
      g_value_set_uint64 (value, lia_importer_get_records_read (self));
      break;
    case PROP_BYTES_READ:
      g_value_set_uint64 (value, lia_importer_get_bytes_read (self));
      break;
    case PROP_BYTES_TOTAL:
      g_value_set_uint64 (value, lia_importer_get_bytes_total (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_importer_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LiaImporter *self = LIA_IMPORTER (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;
    case PROP_DRY_RUN:
      lia_importer_set_dry_run (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_importer_class_init (LiaImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lia_importer_finalize;
  object_class->get_property = lia_importer_get_property;
  object_class->set_property = lia_importer_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DRY_RUN] =
    g_param_spec_boolean ("dry-run", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FORMAT] =
    g_param_spec_enum ("format", NULL, NULL,
                       LIA_TYPE_EXCHANGE_FORMAT, LIA_EXCHANGE_FORMAT_AUTO,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORDS_READ] =
    g_param_spec_uint64 ("records-read", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BYTES_READ] =
    g_param_spec_uint64 ("bytes-read", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BYTES_TOTAL] =
    g_param_spec_uint64 ("bytes-total", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  progress_properties[0] = properties[PROP_RECORDS_READ];
  progress_properties[1] = properties[PROP_BYTES_READ];
}

static void
lia_importer_init (LiaImporter *self)
{
  _lia_progress_init (&self->progress, G_OBJECT (self), progress_properties);
  self->problems = g_list_store_new (LIA_TYPE_IMPORT_PROBLEM);
}

/* Public */

LiaImporter *
lia_importer_new (GFile *file)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (LIA_TYPE_IMPORTER, "file", file, NULL);
}

GFile *
lia_importer_get_file (LiaImporter *self)
{
  g_return_val_if_fail (LIA_IS_IMPORTER (self), NULL);
  return self->file;
}

gboolean
lia_importer_get_dry_run (LiaImporter *self)
{
  g_return_val_if_fail (LIA_IS_IMPORTER (self), FALSE);
  return self->dry_run;
}

void
lia_importer_set_dry_run (LiaImporter *self,
                          gboolean     dry_run)
{
  g_return_if_fail (LIA_IS_IMPORTER (self));
  g_return_if_fail (!self->started);

  dry_run = !!dry_run;
  if (self->dry_run == dry_run)
    return;
  self->dry_run = dry_run;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRY_RUN]);
}

LiaExchangeFormat
lia_importer_get_format (LiaImporter *self)
{
  g_return_val_if_fail (LIA_IS_IMPORTER (self), LIA_EXCHANGE_FORMAT_AUTO);
  return self->format;
}

guint64
lia_importer_get_records_read (LiaImporter *self)
{
  guint64 value;

  g_return_val_if_fail (LIA_IS_IMPORTER (self), 0);
  g_mutex_lock (&self->progress.lock);
  value = self->records_read;
  g_mutex_unlock (&self->progress.lock);
  return value;
}

guint64
lia_importer_get_bytes_read (LiaImporter *self)
{
  guint64 value;

  g_return_val_if_fail (LIA_IS_IMPORTER (self), 0);
  g_mutex_lock (&self->progress.lock);
  value = self->bytes_read;
  g_mutex_unlock (&self->progress.lock);
  return value;
}

guint64
lia_importer_get_bytes_total (LiaImporter *self)
{
  guint64 value;

  g_return_val_if_fail (LIA_IS_IMPORTER (self), 0);
  g_mutex_lock (&self->progress.lock);
  value = self->bytes_total;
  g_mutex_unlock (&self->progress.lock);
  return value;
}

guint64
lia_importer_get_count (LiaImporter      *self,
                        LiaRecordKind     kind,
                        LiaImportOutcome  outcome)
{
  g_return_val_if_fail (LIA_IS_IMPORTER (self), 0);
  g_return_val_if_fail (kind < N_KINDS && outcome < N_OUTCOMES, 0);
  return self->counts[kind][outcome];
}

guint64
lia_importer_get_total (LiaImporter      *self,
                        LiaImportOutcome  outcome)
{
  guint64 total = 0;

  g_return_val_if_fail (LIA_IS_IMPORTER (self), 0);
  g_return_val_if_fail (outcome < N_OUTCOMES, 0);

  for (guint kind = 0; kind < N_KINDS; kind++)
    total += self->counts[kind][outcome];
  return total;
}

guint64
lia_importer_get_ignored (LiaImporter *self)
{
  g_return_val_if_fail (LIA_IS_IMPORTER (self), 0);
  return self->ignored;
}

GListModel *
lia_importer_get_problems (LiaImporter *self)
{
  g_return_val_if_fail (LIA_IS_IMPORTER (self), NULL);
  return G_LIST_MODEL (self->problems);
}

gboolean
lia_importer_get_problems_truncated (LiaImporter *self)
{
  g_return_val_if_fail (LIA_IS_IMPORTER (self), FALSE);
  return self->problems_truncated;
}
