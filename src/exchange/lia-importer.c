/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-csv-private.h"
#include "lia-exchange-private.h"
#include "lia-import-private.h"
#include "lia-vcard-private.h"
#include "lia-store-bulk.h"

/* Progress is told every so many records. */
#define PROGRESS_EVERY 512

struct _LiaImporter
{
  GObject            parent_instance;

  GFile             *file;
  gboolean           dry_run;
  char              *column_map;
  gboolean           started;

  LiaExchangeFormat  format;
  GListStore        *problems;
  gboolean           problems_truncated;
  guint64            counts[N_KINDS][N_OUTCOMES];
  guint64            ignored;
  gboolean           create_people;
  GStrv              unmatched_people;
  guint64            matched[N_MATCHES];
  GHashTable        *not_kept;
  GListStore        *warnings;

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
  PROP_COLUMN_MAP,
  PROP_CREATE_PEOPLE,
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

/* The formats */

static gboolean
sniff_directory (const LiaImportHead *head)
{
  return g_strcmp0 (head->root_ns, LIA_DIRECTORY_NAMESPACE) == 0 &&
         g_strcmp0 (head->root_name, "partner-directory") == 0;
}

static gboolean
sniff_xcard (const LiaImportHead *head)
{
  /* XMPP (XEP-0292) and Kolab write one <vcard> without the <vcards> around it. */
  return g_strcmp0 (head->root_ns, LIA_XCARD_NAMESPACE) == 0 &&
         (g_strcmp0 (head->root_name, "vcards") == 0 || g_strcmp0 (head->root_name, "vcard") == 0);
}

/* A CSV file whose header a known program writes, on one of its first lines (a preamble may
 * come before it). */
static gboolean
sniff_csv (const LiaImportHead *head)
{
  g_autofree char *text = _lia_csv_head_text (head->data, head->length);
  const char *line = text;

  for (guint n = 0; line != NULL && *line != '\0' && n < 20; n++)
    {
      const char *end = strchr (line, '\n');
      gsize length = end != NULL ? (gsize) (end - line) : strlen (line);
      g_autoptr(GPtrArray) rows = NULL;
      guint row_line, row_column;

      rows = _lia_csv_split (line, length, _lia_csv_sniff_separator (line, length), 1,
                             &row_line, &row_column, NULL);
      if (rows != NULL && rows->len == 1)
        {
          CsvRow *row = g_ptr_array_index (rows, 0);
          g_autoptr(CsvHeader) header = _lia_csv_header_recognize (row->cells, row->n_cells);

          if (header != NULL)
            return TRUE;
        }
      line = end != NULL ? end + 1 : NULL;
    }
  return FALSE;
}

static const char * const csv_extensions[] = { "csv", NULL };

static gboolean
sniff_vcard (const LiaImportHead *head)
{
  return _lia_vcard_sniff (head->data, head->length);
}

static const char * const xml_extensions[] = { "xml", NULL };
static const char * const ics_extensions[] = { "ics", "ifb", "ical", NULL };
static const char * const vcard_extensions[] = { "vcf", "vcard", NULL };

/* Every format the importer reads. A text format is offered the first bytes of the file; if
 * none takes it, the file is read as XML and each XML format is offered its root element. */
static const LiaImportFormat formats[] = {
  { LIA_EXCHANGE_FORMAT_ICALENDAR, "ics", ics_extensions, "text/calendar",
    FALSE, _lia_ics_sniff, _lia_ics_read },
  { LIA_EXCHANGE_FORMAT_DIRECTORY, "directory", xml_extensions, "application/x-liaison-directory+xml",
    TRUE, sniff_directory, _lia_directory_read },
  { LIA_EXCHANGE_FORMAT_XCARD, "xcard", xml_extensions, "application/vcard+xml",
    TRUE, sniff_xcard, _lia_xcard_read },
  { LIA_EXCHANGE_FORMAT_VCARD, "vcard", vcard_extensions, "text/vcard",
    FALSE, sniff_vcard, _lia_vcard_read },
  /* Last: its sniffing reads the most. */
  { LIA_EXCHANGE_FORMAT_CSV, "csv", csv_extensions, "text/csv",
    FALSE, sniff_csv, _lia_csv_read },
};

const LiaImportFormat *
_lia_import_formats (guint *n_formats)
{
  *n_formats = G_N_ELEMENTS (formats);
  return formats;
}

static const LiaImportFormat *
format_for_head (const LiaImportHead *head,
                 gboolean             xml)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].xml == xml && formats[i].sniff (head))
      return &formats[i];
  return NULL;
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

static void
set_format (LiaImporter           *self,
            const LiaImportFormat *format)
{
  self->format = format->format;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORMAT]);
}

static gboolean
import_xml (LiaImporter *self,
            LiaImport   *import,
            LiaImportHead *head)
{
  const LiaImportFormat *format;
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
  head->root_ns = ns;
  head->root_name = name;

  if ((format = format_for_head (head, TRUE)) != NULL)
    {
      set_format (self, format);
      return format->read (import);
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

/* A CSV file with a header of its own is read as CSV when the person said how to map it, or
 * when its name says it is CSV: then the reader explains what it needs. */
static const LiaImportFormat *
csv_by_intent (LiaImporter *self)
{
  g_autofree char *basename = g_file_get_basename (self->file);

  if (self->column_map == NULL && (basename == NULL || !g_str_has_suffix (basename, ".csv")))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == LIA_EXCHANGE_FORMAT_CSV)
      return &formats[i];
  return NULL;
}

/* Reads the file with the reader of its format. */
static void
import_stream (LiaImporter  *self,
               LiaImport    *import,
               ReadSource   *source)
{
  GBufferedInputStream *buffered = G_BUFFERED_INPUT_STREAM (import->stream);
  LiaImportHead head = { NULL, 0, NULL, NULL };
  const LiaImportFormat *format;
  gsize length;

  if (g_buffered_input_stream_fill (buffered, LIA_IMPORT_HEAD_SIZE, import->cancellable,
                                    &source->error) < 0)
    return;
  head.data = g_buffered_input_stream_peek_buffer (buffered, &length);
  head.length = length;

  if ((format = format_for_head (&head, FALSE)) != NULL || (format = csv_by_intent (self)) != NULL)
    {
      set_format (self, format);
      format->read (import);
      return;
    }

  import->reader = xmlReaderForIO (read_cb, close_cb, source, NULL, NULL, LIA_XML_PARSE_OPTIONS);
  if (import->reader == NULL)
    {
      _lia_import_fail (import, g_error_new (LIA_EXCHANGE_ERROR, LIA_EXCHANGE_ERROR_FAILED,
                                             _("Could not start reading “%s”."), import->file_name));
      return;
    }
  xmlTextReaderSetStructuredErrorHandler (import->reader, _lia_import_xml_error_cb, import);
  import_xml (self, import, &head);
}

static void
progress_cb (LiaImport *import,
             gpointer   user_data)
{
  LiaImporter *self = user_data;
  guint64 records;
  gint64 consumed = -1;

  if (import->reader != NULL)
    consumed = xmlTextReaderByteConsumed (import->reader);
  else if (G_IS_SEEKABLE (import->stream))
    consumed = g_seekable_tell (G_SEEKABLE (import->stream));

  g_mutex_lock (&self->progress.lock);
  records = self->records_read = import->records_read;
  if (consumed > 0)
    self->bytes_read = MIN ((guint64) consumed, MAX (self->bytes_total, (guint64) consumed));
  g_mutex_unlock (&self->progress.lock);

  if (records % PROGRESS_EVERY == 0)
    _lia_progress_tell (&self->progress);
}

/* The run is over: what it found becomes the importer's. */
static void
keep_findings (LiaImporter *self,
               LiaImport   *import)
{
  g_strfreev (self->unmatched_people);
  g_ptr_array_add (import->unmatched_people, NULL);
  self->unmatched_people = g_strdupv ((char **) import->unmatched_people->pdata);
  g_ptr_array_set_size (import->unmatched_people, import->unmatched_people->len - 1);
  memcpy (self->counts, import->counts, sizeof self->counts);
  self->ignored = import->ignored;
  memcpy (self->matched, import->matched, sizeof self->matched);
  g_clear_pointer (&self->not_kept, g_hash_table_unref);
  self->not_kept = g_hash_table_ref (import->not_kept);
  g_list_store_splice (self->warnings, 0, 0, import->warnings->pdata, import->warnings->len);
  self->problems_truncated = import->problems_truncated;
  g_list_store_splice (self->problems, 0, 0, import->problems->pdata, import->problems->len);
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
  g_autoptr(GInputStream) buffered = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *file_name = NULL;
  ReadSource source = { NULL, cancellable, NULL };
  LiaImport import;
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

  buffered = g_buffered_input_stream_new_sized (G_INPUT_STREAM (input), 64 * 1024);
  source.stream = buffered;

  _lia_import_init (&import, store, file_name, cancellable);
  import.stream = buffered;
  import.column_map = self->column_map;
  import.progress_func = progress_cb;
  import.progress_data = self;
  import.create_people = self->create_people;

  /* Every problem of the parse reaches the run's error handler; a few of libxml2's input
   * errors would also be printed on stderr. The handler is per thread. */
  xmlSetGenericErrorFunc (NULL, silence_cb);

  /* The sorts at the end of the load (indexes, latest days) spill to temporary files instead
   * of growing the import's memory with its size. */
  if (!lia_store_set_sort_on_disk (store, TRUE, error) ||
      !lia_store_begin (store, error))
    {
      lia_store_set_sort_on_disk (store, FALSE, NULL);
      _lia_import_clear (&import);
      xmlSetGenericErrorFunc (NULL, NULL);
      return FALSE;
    }
  /* Comparing a record with the one on file writes out the uids it refers to. */
  lia_store_cache_uids (store);
  if (!lia_store_set_import_mode (store, TRUE, &import.error) ||
      !lia_store_begin_bulk_load (store, &import.error))
    import.stopped = TRUE;

  if (import.stopped)
    ;
  else if (info != NULL && g_file_info_get_size (info) == 0)
    _lia_import_xml_problem (&import, 0, 0, _("The file is empty."));
  else
    import_stream (self, &import, &source);

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

  lia_store_set_sort_on_disk (store, FALSE, NULL);
  g_clear_pointer (&import.reader, xmlFreeTextReader);
  xmlSetGenericErrorFunc (NULL, NULL);
  keep_findings (self, &import);

  g_mutex_lock (&self->progress.lock);
  self->records_read = import.records_read;
  if (import.error == NULL && self->bytes_total > 0)
    self->bytes_read = self->bytes_total;
  g_mutex_unlock (&self->progress.lock);
  _lia_progress_tell (&self->progress);

  if (import.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&import.error));
      _lia_import_clear (&import);
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
      ok = FALSE;
    }

  _lia_import_clear (&import);
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
                        LiaStore            *store,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (LIA_IS_IMPORTER (self));
  g_return_if_fail (LIA_IS_STORE (store));
  g_return_if_fail (lia_store_get_path (store) != NULL);
  g_return_if_fail (!self->started);

  _lia_exchange_run_async (G_OBJECT (self), &self->progress, lia_importer_run_async,
                           run_in_thread, store, TRUE, cancellable,
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
  g_free (self->column_map);
  g_clear_object (&self->warnings);
  g_clear_pointer (&self->not_kept, g_hash_table_unref);
  g_clear_pointer (&self->unmatched_people, g_strfreev);
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
    case PROP_COLUMN_MAP:
      g_value_set_string (value, self->column_map);
      break;
    case PROP_CREATE_PEOPLE:
      g_value_set_boolean (value, self->create_people);
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
    case PROP_COLUMN_MAP:
      lia_importer_set_column_map (self, g_value_get_string (value));
      break;
    case PROP_CREATE_PEOPLE:
      lia_importer_set_create_people (self, g_value_get_boolean (value));
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
  properties[PROP_COLUMN_MAP] =
    g_param_spec_string ("column-map", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATE_PEOPLE] =
    g_param_spec_boolean ("create-people", NULL, NULL, FALSE,
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
  self->warnings = g_list_store_new (LIA_TYPE_IMPORT_PROBLEM);
  self->unmatched_people = g_new0 (char *, 1);
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

const char *
lia_importer_get_column_map (LiaImporter *self)
{
  g_return_val_if_fail (LIA_IS_IMPORTER (self), NULL);
  return self->column_map;
}

void
lia_importer_set_column_map (LiaImporter *self,
                             const char  *column_map)
{
  g_return_if_fail (LIA_IS_IMPORTER (self));
  g_return_if_fail (!self->started);

  if (g_strcmp0 (self->column_map, column_map) == 0)
    return;
  g_free (self->column_map);
  self->column_map = g_strdup (column_map);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLUMN_MAP]);
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

gboolean
lia_importer_get_create_people (LiaImporter *self)
{
  g_return_val_if_fail (LIA_IS_IMPORTER (self), FALSE);
  return self->create_people;
}

void
lia_importer_set_create_people (LiaImporter *self,
                                gboolean     create_people)
{
  g_return_if_fail (LIA_IS_IMPORTER (self));
  g_return_if_fail (!self->started);

  create_people = !!create_people;
  if (self->create_people == create_people)
    return;
  self->create_people = create_people;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATE_PEOPLE]);
}

guint64
lia_importer_get_matched (LiaImporter    *self,
                          LiaImportMatch  rule)
{
  g_return_val_if_fail (LIA_IS_IMPORTER (self), 0);
  g_return_val_if_fail (rule < N_MATCHES, 0);
  return self->matched[rule];
}

GListModel *
lia_importer_get_warnings (LiaImporter *self)
{
  g_return_val_if_fail (LIA_IS_IMPORTER (self), NULL);
  return G_LIST_MODEL (self->warnings);
}

guint64
lia_importer_get_not_kept_count (LiaImporter *self,
                                 const char  *property)
{
  g_return_val_if_fail (LIA_IS_IMPORTER (self), 0);
  g_return_val_if_fail (property != NULL, 0);

  if (self->not_kept == NULL)
    return 0;
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->not_kept, property));
}

static int
compare_not_kept (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  GHashTable *counts = user_data;
  const char *x = *(const char * const *) a;
  const char *y = *(const char * const *) b;
  guint cx = GPOINTER_TO_UINT (g_hash_table_lookup (counts, x));
  guint cy = GPOINTER_TO_UINT (g_hash_table_lookup (counts, y));

  if (cx != cy)
    return cx > cy ? -1 : 1;
  return strcmp (x, y);
}

char *
lia_importer_describe_not_kept (LiaImporter *self)
{
  g_autofree const char **names = NULL;
  GString *text;
  guint n;

  g_return_val_if_fail (LIA_IS_IMPORTER (self), NULL);

  if (self->not_kept == NULL || g_hash_table_size (self->not_kept) == 0)
    return NULL;

  names = (const char **) g_hash_table_get_keys_as_array (self->not_kept, &n);
  g_qsort_with_data (names, (gint) n, sizeof *names, compare_not_kept, self->not_kept);

  text = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      /* TRANSLATORS: a count and a property's name, as in "3 × X-SOCIALPROFILE". */
      g_string_append_printf (text, _("%u × %s"),
                              GPOINTER_TO_UINT (g_hash_table_lookup (self->not_kept, names[i])), names[i]);
    }
  return g_string_free (text, FALSE);
}

const char * const *
lia_importer_get_unmatched_people (LiaImporter *self)
{
  g_return_val_if_fail (LIA_IS_IMPORTER (self), NULL);
  return (const char * const *) self->unmatched_people;
}
