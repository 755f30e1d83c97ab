/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-csv-private.h"
#include "lia-exchange-private.h"
#include "lia-export-private.h"
#include "lia-store-bulk.h"

#define PROGRESS_EVERY 512

struct _LiaExporter
{
  GObject            parent_instance;

  GFile             *file;
  GOutputStream     *stream;
  LiaExchangeFormat  format;
  gint64             organization_id;
  /* CSV holds one kind of record. */
  LiaRecordKind      kind;
  gboolean           started;
  gboolean           vcard_4;

  /* Written by the thread that exports and read from anywhere, under progress.lock. */
  LiaProgress        progress;
  guint64            records_written;
  guint64            records_total;
};

enum {
  PROP_0,
  PROP_FILE,
  PROP_FORMAT,
  PROP_ORGANIZATION_ID,
  PROP_KIND,
  PROP_RECORDS_WRITTEN,
  PROP_RECORDS_TOTAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
/* What progress notifies: records-written, records-total. */
static GParamSpec *progress_properties[3];

G_DEFINE_FINAL_TYPE (LiaExporter, lia_exporter, G_TYPE_OBJECT)

/* The kinds in the order a directory lists them: each refers only to those before it (and
 * organizations to each other). */
static const LiaRecordKind export_order[] = {
  LIA_RECORD_KIND_ORGANIZATION,
  LIA_RECORD_KIND_CONTACT,
  LIA_RECORD_KIND_INTERACTION,
  LIA_RECORD_KIND_COMMITMENT,
  LIA_RECORD_KIND_CONCERN,
  LIA_RECORD_KIND_PROJECT,
};

typedef struct
{
  LiaExporter      *self;
  LiaStore         *store;
  LiaXmlWriter     *writer;
  GCancellable     *cancellable;
  /* The (buffered) stream, for the text formats: vCard writes to it straight, CSV gathers
   * rows in @text first. */
  GOutputStream    *out;
  GString          *text;
} Export;

/* Rows are written in pieces of about this size. */
#define TEXT_CHUNK (64 * 1024)

static gboolean
flush_text (Export  *export,
            GError **error)
{
  gboolean ok = g_output_stream_write_all (export->out, export->text->str, export->text->len,
                                           NULL, export->cancellable, error);
  g_string_truncate (export->text, 0);
  return ok;
}

static gboolean
count_written (Export  *export,
               GError **error)
{
  LiaExporter *self = export->self;
  guint64 written;

  g_mutex_lock (&self->progress.lock);
  written = ++self->records_written;
  g_mutex_unlock (&self->progress.lock);

  if (written % PROGRESS_EVERY == 0)
    {
      _lia_progress_tell (&self->progress);
      if (g_cancellable_set_error_if_cancelled (export->cancellable, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_record_cb (LiaRecord  *record,
                 gpointer    user_data,
                 GError    **error)
{
  Export *export = user_data;
  LiaExporter *self = export->self;
  gboolean ok;

  if (self->format == LIA_EXCHANGE_FORMAT_CSV)
    ok = _lia_csv_write_record (export->text, export->store, record, error) &&
         (export->text->len < TEXT_CHUNK || flush_text (export, error));
  else if (self->format == LIA_EXCHANGE_FORMAT_VCARD)
    {
      g_autofree char *text = _lia_vcard_write_record (export->store, record, self->vcard_4, error);

      ok = text != NULL &&
           g_output_stream_write_all (export->out, text, strlen (text), NULL, export->cancellable, error);
    }
  else if (self->format == LIA_EXCHANGE_FORMAT_XCARD)
    ok = _lia_xcard_write_record (export->writer, export->store, record, error);
  else
    ok = _lia_directory_write_record (export->writer, export->store, record, LIA_WRITE_DEFAULT, error);
  return ok && count_written (export, error);
}

/* A partner directory's organizations, contacts, interactions and commitments, written from
 * their rows without building each one. */
static gboolean
write_interaction_row_cb (const LiaInteractionRow  *row,
                          gpointer                  user_data,
                          GError                  **error)
{
  Export *export = user_data;

  return _lia_directory_write_interaction (export->writer, row, LIA_WRITE_DEFAULT, error) &&
         count_written (export, error);
}

static gboolean
write_commitment_row_cb (const LiaCommitmentRow  *row,
                         gpointer                 user_data,
                         GError                 **error)
{
  Export *export = user_data;

  return _lia_directory_write_commitment (export->writer, row, LIA_WRITE_DEFAULT, error) &&
         count_written (export, error);
}

static gboolean
write_contact_row_cb (const LiaContactRow  *row,
                      gpointer              user_data,
                      GError              **error)
{
  Export *export = user_data;

  return _lia_directory_write_contact (export->writer, row, LIA_WRITE_DEFAULT, error) &&
         count_written (export, error);
}

static gboolean
write_organization_row_cb (const LiaOrganizationRow  *row,
                           gpointer                   user_data,
                           GError                   **error)
{
  Export *export = user_data;

  return _lia_directory_write_organization (export->writer, row, LIA_WRITE_DEFAULT, error) &&
         count_written (export, error);
}

static gboolean
write_document (Export  *export,
                gboolean selected,
                GError **error)
{
  LiaExporter *self = export->self;
  LiaXmlWriter *writer = export->writer;
  /* xCard and vCard have people and organizations, nothing else. */
  gboolean cards = self->format == LIA_EXCHANGE_FORMAT_XCARD || self->format == LIA_EXCHANGE_FORMAT_VCARD;
  gboolean xcard = self->format == LIA_EXCHANGE_FORMAT_XCARD;
  guint64 total = 0;

  for (guint i = 0; i < G_N_ELEMENTS (export_order); i++)
    {
      guint64 count;

      if (cards && export_order[i] != LIA_RECORD_KIND_ORGANIZATION && export_order[i] != LIA_RECORD_KIND_CONTACT)
        continue;
      if (!lia_store_count_records (export->store, export_order[i], selected, &count, error))
        return FALSE;
      total += count;
    }
  g_mutex_lock (&self->progress.lock);
  self->records_total = total;
  g_mutex_unlock (&self->progress.lock);
  _lia_progress_tell (&self->progress);

  if (self->format == LIA_EXCHANGE_FORMAT_VCARD)
    {
      for (guint i = 0; i < 2; i++)
        if (!lia_store_foreach_record (export->store, export_order[i], selected,
                                       write_record_cb, export, error))
          return FALSE;
      return TRUE;
    }

  _lia_xml_writer_start_document (writer);

  if (xcard)
    {
      _lia_xml_writer_start_element (writer, "vcards");
      _lia_xml_writer_attribute (writer, "xmlns", LIA_XCARD_NAMESPACE);
    }
  else
    {
      g_autoptr(GDateTime) last = NULL;
      GError *local_error = NULL;

      /* When the data last changed, not when it was exported: the same data, the same bytes. */
      last = lia_store_get_last_change (export->store, selected, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }

      _lia_xml_writer_start_element (writer, "partner-directory");
      _lia_xml_writer_attribute (writer, "xmlns", LIA_DIRECTORY_NAMESPACE);
      _lia_xml_writer_attribute (writer, "version", "1");
      if (last != NULL)
        {
          g_autoptr(GDateTime) utc = g_date_time_to_utc (last);
          g_autofree char *text = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
          _lia_xml_writer_attribute (writer, "exported", text);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (export_order); i++)
    {
      if (xcard && export_order[i] != LIA_RECORD_KIND_ORGANIZATION && export_order[i] != LIA_RECORD_KIND_CONTACT)
        continue;
      if (!xcard && export_order[i] == LIA_RECORD_KIND_INTERACTION)
        {
          if (!lia_store_foreach_interaction_row (export->store, selected, write_interaction_row_cb,
                                                  export, error))
            return FALSE;
          continue;
        }
      if (!xcard && export_order[i] == LIA_RECORD_KIND_CONTACT)
        {
          if (!lia_store_foreach_contact_row (export->store, selected, write_contact_row_cb,
                                              export, error))
            return FALSE;
          continue;
        }
      if (!xcard && export_order[i] == LIA_RECORD_KIND_ORGANIZATION)
        {
          if (!lia_store_foreach_organization_row (export->store, selected,
                                                   write_organization_row_cb, export, error))
            return FALSE;
          continue;
        }
      if (!xcard && export_order[i] == LIA_RECORD_KIND_COMMITMENT)
        {
          if (!lia_store_foreach_commitment_row (export->store, selected, write_commitment_row_cb,
                                                 export, error))
            return FALSE;
          continue;
        }
      if (!lia_store_foreach_record (export->store, export_order[i], selected,
                                     write_record_cb, export, error))
        return FALSE;
    }

  if (!_lia_xml_writer_end_document (writer, NULL))
    {
      g_set_error_literal (error, LIA_EXCHANGE_ERROR, LIA_EXCHANGE_ERROR_FAILED,
                           _("Could not write the directory."));
      return FALSE;
    }

  return TRUE;
}

/* CSV: one kind of record, under a header row. */
static gboolean
write_text (Export   *export,
            gboolean  selected,
            GError  **error)
{
  LiaExporter *self = export->self;
  guint64 total = 0;

  if (!lia_store_count_records (export->store, self->kind, selected, &total, error))
    return FALSE;
  g_mutex_lock (&self->progress.lock);
  self->records_total = total;
  g_mutex_unlock (&self->progress.lock);
  _lia_progress_tell (&self->progress);

  _lia_csv_write_header (export->text, self->kind);
  return lia_store_foreach_record (export->store, self->kind, selected, write_record_cb, export, error) &&
         flush_text (export, error);
}

static gboolean
export_to_stream (LiaExporter    *self,
                  LiaStore       *store,
                  GOutputStream  *stream,
                  GCancellable   *cancellable,
                  GError        **error)
{
  g_autoptr(GError) write_error = NULL;
  g_autoptr(GOutputStream) buffered = NULL;
  GError *local_error = NULL;
  Export export = { self, store, NULL, cancellable, NULL, NULL };
  gboolean selected = self->organization_id > 0;
  gboolean ok;

  /* One read transaction: the file shows the database at one moment. */
  if (!lia_store_begin (store, error))
    return FALSE;
  /* Participants, counterparts and parties refer to the same records again and again. */
  lia_store_cache_uids (store);

  if (selected && !lia_store_select_organization_scope (store, self->organization_id, error))
    {
      lia_store_rollback (store);
      return FALSE;
    }

  if (self->format == LIA_EXCHANGE_FORMAT_ICALENDAR)
    {
      guint64 written = 0;

      ok = _lia_ics_write (store, stream, selected, cancellable, &written, error);
      lia_store_rollback (store);
      g_mutex_lock (&self->progress.lock);
      self->records_written = self->records_total = written;
      g_mutex_unlock (&self->progress.lock);
      _lia_progress_tell (&self->progress);
      return ok;
    }

  /* vCard writes a card at a time and CSV pieces of 64 KiB: gather them into fewer, larger
   * writes. The XML writer does that itself. */
  buffered = g_buffered_output_stream_new_sized (stream, 256 * 1024);
  g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (buffered), FALSE);
  export.out = buffered;
  if (self->format == LIA_EXCHANGE_FORMAT_CSV)
    {
      export.text = g_string_sized_new (TEXT_CHUNK + 4096);
      ok = write_text (&export, selected, &local_error);
      g_string_free (export.text, TRUE);
    }
  else
    {
      if (self->format != LIA_EXCHANGE_FORMAT_VCARD)
        export.writer = _lia_xml_writer_new (stream, cancellable, TRUE);
      ok = write_document (&export, selected, &local_error);
      if (export.writer != NULL && _lia_xml_writer_failed (export.writer))
        write_error = g_error_copy (_lia_xml_writer_get_error (export.writer));
      g_clear_pointer (&export.writer, _lia_xml_writer_free);
    }
  if (ok && write_error == NULL)
    g_output_stream_flush (buffered, cancellable, &write_error);
  lia_store_rollback (store);

  /* The stream's own error says more than the writer's. */
  if (write_error != NULL)
    {
      g_clear_error (&local_error);
      g_propagate_error (error, g_steal_pointer (&write_error));
      return FALSE;
    }
  if (!ok)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  g_mutex_lock (&self->progress.lock);
  self->records_written = self->records_total;
  g_mutex_unlock (&self->progress.lock);
  _lia_progress_tell (&self->progress);

  return TRUE;
}

gboolean
lia_exporter_run (LiaExporter   *self,
                  LiaStore      *store,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFileOutputStream) output = NULL;
  g_autoptr(GCancellable) abandon = NULL;

  g_return_val_if_fail (LIA_IS_EXPORTER (self), FALSE);
  g_return_val_if_fail (LIA_IS_STORE (store), FALSE);
  g_return_val_if_fail (!self->started, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self->started = TRUE;

  if (self->stream != NULL)
    return export_to_stream (self, store, self->stream, cancellable, error) &&
           g_output_stream_flush (self->stream, cancellable, error);

  /* A new file beside the old one, renamed over it on close; private, since it is
   * confidential. */
  output = g_file_replace (self->file, NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                           cancellable, error);
  if (output == NULL)
    return FALSE;

  if (export_to_stream (self, store, G_OUTPUT_STREAM (output), cancellable, error))
    return g_output_stream_close (G_OUTPUT_STREAM (output), cancellable, error);

  /* Closing with a cancelled cancellable drops the new file and keeps the old one. */
  abandon = g_cancellable_new ();
  g_cancellable_cancel (abandon);
  g_output_stream_close (G_OUTPUT_STREAM (output), abandon, NULL);
  return FALSE;
}

static gboolean
run_in_thread (gpointer       self,
               LiaStore      *store,
               GCancellable  *cancellable,
               GError       **error)
{
  return lia_exporter_run (self, store, cancellable, error);
}

void
lia_exporter_run_async (LiaExporter         *self,
                        LiaStore            *store,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (LIA_IS_EXPORTER (self));
  g_return_if_fail (LIA_IS_STORE (store));
  g_return_if_fail (lia_store_get_path (store) != NULL);
  g_return_if_fail (!self->started);

  _lia_exchange_run_async (G_OBJECT (self), &self->progress, lia_exporter_run_async,
                           run_in_thread, store, FALSE, cancellable,
                           callback, user_data);
}

gboolean
lia_exporter_run_finish (LiaExporter   *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (LIA_IS_EXPORTER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
lia_exporter_finalize (GObject *object)
{
  LiaExporter *self = LIA_EXPORTER (object);

  g_clear_object (&self->file);
  g_clear_object (&self->stream);
  _lia_progress_clear (&self->progress);

  G_OBJECT_CLASS (lia_exporter_parent_class)->finalize (object);
}

static void
lia_exporter_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LiaExporter *self = LIA_EXPORTER (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_FORMAT:
      g_value_set_enum (value, self->format);
      break;
    case PROP_ORGANIZATION_ID:
      g_value_set_int64 (value, self->organization_id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_RECORDS_WRITTEN:
      g_value_set_uint64 (value, lia_exporter_get_records_written (self));
      break;
    case PROP_RECORDS_TOTAL:
      g_value_set_uint64 (value, lia_exporter_get_records_total (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_exporter_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LiaExporter *self = LIA_EXPORTER (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;
    case PROP_FORMAT:
      self->format = g_value_get_enum (value);
      break;
    case PROP_ORGANIZATION_ID:
      lia_exporter_set_organization_id (self, g_value_get_int64 (value));
      break;
    case PROP_KIND:
      lia_exporter_set_kind (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_exporter_class_init (LiaExporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lia_exporter_finalize;
  object_class->get_property = lia_exporter_get_property;
  object_class->set_property = lia_exporter_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FORMAT] =
    g_param_spec_enum ("format", NULL, NULL,
                       LIA_TYPE_EXCHANGE_FORMAT, LIA_EXCHANGE_FORMAT_DIRECTORY,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORGANIZATION_ID] =
    g_param_spec_int64 ("organization-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, LIA_TYPE_RECORD_KIND, LIA_RECORD_KIND_CONTACT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORDS_WRITTEN] =
    g_param_spec_uint64 ("records-written", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORDS_TOTAL] =
    g_param_spec_uint64 ("records-total", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  progress_properties[0] = properties[PROP_RECORDS_WRITTEN];
  progress_properties[1] = properties[PROP_RECORDS_TOTAL];
}

static void
lia_exporter_init (LiaExporter *self)
{
  _lia_progress_init (&self->progress, G_OBJECT (self), progress_properties);
  self->format = LIA_EXCHANGE_FORMAT_DIRECTORY;
  self->kind = LIA_RECORD_KIND_CONTACT;
}

LiaExporter *
lia_exporter_new (GFile             *file,
                  LiaExchangeFormat  format)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (format == LIA_EXCHANGE_FORMAT_DIRECTORY || format == LIA_EXCHANGE_FORMAT_XCARD ||
                        format == LIA_EXCHANGE_FORMAT_VCARD ||
                        format == LIA_EXCHANGE_FORMAT_CSV ||
                        format == LIA_EXCHANGE_FORMAT_ICALENDAR, NULL);

  return g_object_new (LIA_TYPE_EXPORTER, "file", file, "format", format, NULL);
}

LiaExporter *
lia_exporter_new_for_stream (GOutputStream     *stream,
                             LiaExchangeFormat  format)
{
  LiaExporter *self;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);
  g_return_val_if_fail (format == LIA_EXCHANGE_FORMAT_DIRECTORY || format == LIA_EXCHANGE_FORMAT_XCARD ||
                        format == LIA_EXCHANGE_FORMAT_VCARD ||
                        format == LIA_EXCHANGE_FORMAT_CSV ||
                        format == LIA_EXCHANGE_FORMAT_ICALENDAR, NULL);

  self = g_object_new (LIA_TYPE_EXPORTER, "format", format, NULL);
  self->stream = g_object_ref (stream);
  return self;
}

LiaExchangeFormat
lia_exporter_get_format (LiaExporter *self)
{
  g_return_val_if_fail (LIA_IS_EXPORTER (self), LIA_EXCHANGE_FORMAT_DIRECTORY);
  return self->format;
}

gint64
lia_exporter_get_organization_id (LiaExporter *self)
{
  g_return_val_if_fail (LIA_IS_EXPORTER (self), 0);
  return self->organization_id;
}

void
lia_exporter_set_organization_id (LiaExporter *self,
                                  gint64       organization_id)
{
  g_return_if_fail (LIA_IS_EXPORTER (self));
  g_return_if_fail (organization_id >= 0);

  if (self->organization_id == organization_id)
    return;
  self->organization_id = organization_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANIZATION_ID]);
}

LiaRecordKind
lia_exporter_get_kind (LiaExporter *self)
{
  g_return_val_if_fail (LIA_IS_EXPORTER (self), LIA_RECORD_KIND_CONTACT);
  return self->kind;
}

void
lia_exporter_set_kind (LiaExporter   *self,
                       LiaRecordKind  kind)
{
  g_return_if_fail (LIA_IS_EXPORTER (self));
  g_return_if_fail (kind == LIA_RECORD_KIND_CONTACT || kind == LIA_RECORD_KIND_ORGANIZATION);

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

guint64
lia_exporter_get_records_written (LiaExporter *self)
{
  guint64 value;

  g_return_val_if_fail (LIA_IS_EXPORTER (self), 0);
  g_mutex_lock (&self->progress.lock);
  value = self->records_written;
  g_mutex_unlock (&self->progress.lock);
  return value;
}

guint64
lia_exporter_get_records_total (LiaExporter *self)
{
  guint64 value;

  g_return_val_if_fail (LIA_IS_EXPORTER (self), 0);
  g_mutex_lock (&self->progress.lock);
  value = self->records_total;
  g_mutex_unlock (&self->progress.lock);
  return value;
}

void
lia_exporter_set_vcard_version (LiaExporter *self,
                                const char  *version)
{
  g_return_if_fail (LIA_IS_EXPORTER (self));
  g_return_if_fail (g_strcmp0 (version, "3.0") == 0 || g_strcmp0 (version, "4.0") == 0);

  self->vcard_4 = g_str_equal (version, "4.0");
}
