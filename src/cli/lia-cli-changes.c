/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-cli"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <signal.h>
#include <stdio.h>

#include "lia-cli-private.h"
#include "lia-csv.h"

/* `liaison changes`: the change log, one line per changed record. A record saved with its lists
 * (tags, participants…) is several rows of the log in a row: they print as one line, with the
 * last row's number, so that --since that number goes on after it. --follow waits for other
 * connections' commits the way a window does (PRAGMA data_version; on a server the store's own
 * watch, by NOTIFY on the connection's socket, reconnecting after a lost connection). */

#define BATCH 1000

typedef struct
{
  LiaStore          *store;
  LiaCliOutput       output;
  gint64             last_seq;
  gint64             data_version;
  LiaChangeLogEntry *pending;   /* the record being printed, until a row of another one */
  GMainLoop         *loop;
  guint              idle;      /* a server: printing what the store's watch read */
  GError            *error;
} Changes;

static const char *
operation_of_group (const char *first,
                    const char *last)
{
  /* A server logs the lists a delete cascades to after the record's own row. */
  if (g_strcmp0 (last, "delete") == 0 ||
      (g_strcmp0 (first, "delete") == 0 && g_strcmp0 (last, "update") == 0))
    return "delete";
  if (g_strcmp0 (first, "insert") == 0)
    return "insert";
  return last;
}

static void
print_entry (Changes                 *self,
             const LiaChangeLogEntry *entry,
             const char              *operation)
{
  g_autofree char *when = g_date_time_format (entry->changed_at, "%Y-%m-%dT%H:%M:%SZ");

  if (self->output == LIA_CLI_OUTPUT_CSV)
    {
      g_autoptr(GString) line = g_string_new (NULL);
      g_autofree char *seq = g_strdup_printf ("%" G_GINT64_FORMAT, entry->seq);

      lia_csv_append_field (line, seq, FALSE);
      lia_csv_append_field (line, when, FALSE);
      lia_csv_append_field (line, entry->author != NULL ? entry->author : "", FALSE);
      lia_csv_append_field (line, operation, FALSE);
      lia_csv_append_field (line, entry->kind, FALSE);
      lia_csv_append_field (line, entry->uid != NULL ? entry->uid : "", TRUE);
      g_print ("%s", line->str);
    }
  else
    {
      g_print ("%" G_GINT64_FORMAT "  %s  %s  %s  %s  %s\n", entry->seq, when,
               entry->author != NULL ? entry->author : "-", operation, entry->kind,
               entry->uid != NULL ? entry->uid : "-");
    }
}

static void
flush_pending (Changes *self)
{
  if (self->pending == NULL)
    return;
  print_entry (self, self->pending, self->pending->operation);
  g_clear_pointer (&self->pending, lia_change_log_entry_free);
}

/* Prints every row after the last one printed; returns FALSE with self->error on failure. */
static gboolean
print_new_rows (Changes *self)
{
  for (;;)
    {
      g_autoptr(GPtrArray) entries = lia_store_read_change_log (self->store, self->last_seq, BATCH,
                                                                &self->error);
      if (entries == NULL)
        return FALSE;

      for (guint i = 0; i < entries->len; i++)
        {
          LiaChangeLogEntry *entry = entries->pdata[i];
          LiaChangeLogEntry *pending = self->pending;

          entries->pdata[i] = NULL;
          self->last_seq = entry->seq;
          if (pending != NULL && g_strcmp0 (pending->kind, entry->kind) == 0
              && g_strcmp0 (pending->uid, entry->uid) == 0
              && g_strcmp0 (pending->author, entry->author) == 0
              && g_strcmp0 (pending->kind, "all") != 0)
            {
              char *operation = g_strdup (operation_of_group (pending->operation, entry->operation));

              g_free (entry->operation);
              entry->operation = operation;
              lia_change_log_entry_free (pending);
              self->pending = entry;
              continue;
            }
          flush_pending (self);
          self->pending = entry;
        }

      if (entries->len < BATCH)
        break;
    }

  /* Everything committed so far is read: the group cannot go on. */
  flush_pending (self);
  fflush (stdout);
  return TRUE;
}

static gboolean
poll_cb (gpointer user_data)
{
  Changes *self = user_data;
  gint64 version;

  if (!lia_store_get_data_version (self->store, &version, &self->error))
    {
      g_main_loop_quit (self->loop);
      return G_SOURCE_REMOVE;
    }
  if (version == self->data_version)
    return G_SOURCE_CONTINUE;

  self->data_version = version;
  if (!print_new_rows (self))
    {
      g_main_loop_quit (self->loop);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* A team server: the store's watch (the window's, with its reconnecting) reads the log after
 * each burst of NOTIFYs and says so; print what it read, from the main loop. */
static gboolean
server_rows_cb (gpointer user_data)
{
  Changes *self = user_data;

  self->idle = 0;
  if (!print_new_rows (self))
    g_main_loop_quit (self->loop);
  return G_SOURCE_REMOVE;
}

static void
server_reset_cb (LiaStore *store,
                 gpointer  user_data)
{
  Changes *self = user_data;

  if (self->idle == 0)
    self->idle = g_idle_add (server_rows_cb, self);
}

static void
server_changed_cb (LiaStore       *store,
                   LiaRecordKind   kind,
                   gint64          id,
                   LiaStoreChange  change,
                   LiaRecord      *old,
                   LiaRecord      *current,
                   gpointer        user_data)
{
  server_reset_cb (store, user_data);
}

static void
reconnecting_cb (LiaStore   *store,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  if (lia_store_get_reconnecting (store))
    _lia_cli_print_error (_("The connection to the team server was lost: reconnecting…"));
}

static gboolean
signal_cb (gpointer user_data)
{
  Changes *self = user_data;

  g_main_loop_quit (self->loop);
  return G_SOURCE_CONTINUE;
}

int
_lia_cli_run_changes (const LiaCliCommand *command,
                      int                  argc,
                      char               **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *format_name = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(LiaStore) store = NULL;
  gint64 since = 0;
  gboolean follow = FALSE;
  gboolean server;
  guint sigint = 0, sigterm = 0;
  Changes self = { 0 };
  int status;
  const GOptionEntry entries[] = {
    { "since", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT64, &since,
      N_("Only the changes after number N (all that the log keeps unless given)"), N_("N") },
    { "follow", 'f', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &follow,
      N_("Keep printing changes as they are committed, until interrupted"), NULL },
    { "format", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &format_name,
      N_("text (the default) or csv"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  if (!_lia_cli_parse_options (command, NULL,
                               _("One line per changed record: the change's number, its time (UTC), who\n"
                                 "made it (the database user; “-” for another program), insert, update,\n"
                                 "delete or reset (a bulk load), the kind of record and its id as in the\n"
                                 "partner directory. The log keeps about the last 10,000 changes.\n"
                                 "CSV columns: seq,time,user,operation,kind,id"),
                               entries, argc, argv, &database, &args, &status))
    return status;
  if (g_strv_length (args) > 1)
    return _lia_cli_usage_error (command, _("unexpected argument “%s”"), args[1]);
  if (since < 0)
    return _lia_cli_usage_error (command, _("--since needs a number of 0 or more"));
  if (!_lia_cli_parse_output (command, format_name, &self.output, &status))
    return status;

  if (!(store = _lia_cli_open_existing (database)))
    return LIA_CLI_EXIT_FAILURE;

  self.store = store;
  self.last_seq = since;
  server = lia_store_location_is_server (lia_store_get_path (store));
  if (follow && server)
    {
      /* Listening before the first read: nothing committed in between is missed. */
      g_signal_connect (store, "changed", G_CALLBACK (server_changed_cb), &self);
      g_signal_connect (store, "reset", G_CALLBACK (server_reset_cb), &self);
      g_signal_connect (store, "notify::reconnecting", G_CALLBACK (reconnecting_cb), &self);
      lia_store_set_watching (store, TRUE);
    }
  if (follow)
    {
      /* Before the first rows are printed: whoever reads them may stop us at once, and the
       * signal must end the loop (status 0), not kill the process. */
      self.loop = g_main_loop_new (NULL, FALSE);
      sigint = g_unix_signal_add (SIGINT, signal_cb, &self);
      sigterm = g_unix_signal_add (SIGTERM, signal_cb, &self);
    }
  if ((follow && !server && !lia_store_get_data_version (store, &self.data_version, &self.error))
      || !print_new_rows (&self))
    goto fail;

  if (follow)
    {
      guint poll = 0;

      if (!server)
        poll = g_timeout_add (LIA_STORE_WATCH_INTERVAL_MS, poll_cb, &self);
      g_main_loop_run (self.loop);
      g_clear_handle_id (&sigint, g_source_remove);
      g_clear_handle_id (&sigterm, g_source_remove);
      g_clear_handle_id (&self.idle, g_source_remove);
      lia_store_set_watching (store, FALSE);
      if (self.error == NULL && poll != 0)
        g_source_remove (poll);
      g_clear_pointer (&self.loop, g_main_loop_unref);
      if (self.error != NULL)
        goto fail;
    }

  return LIA_CLI_EXIT_OK;

fail:
  g_clear_handle_id (&sigint, g_source_remove);
  g_clear_handle_id (&sigterm, g_source_remove);
  g_clear_pointer (&self.loop, g_main_loop_unref);
  _lia_cli_print_error ("%s", self.error->message);
  g_clear_error (&self.error);
  return LIA_CLI_EXIT_FAILURE;
}

/* `liaison history ID`: which values of the record with that id changed, from what to what,
 * who saved them and when, oldest first. */
int
_lia_cli_run_history (const LiaCliCommand *command,
                      int                  argc,
                      char               **argv)
{
  static const LiaRecordKind kinds[] = {
    LIA_RECORD_KIND_ORGANIZATION, LIA_RECORD_KIND_CONTACT, LIA_RECORD_KIND_INTERACTION,
    LIA_RECORD_KIND_COMMITMENT, LIA_RECORD_KIND_CONCERN, LIA_RECORD_KIND_PROJECT,
    LIA_RECORD_KIND_AFFILIATION,
  };
  g_autofree char *database = NULL;
  g_autofree char *format_name = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(LiaRecord) record = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  LiaCliOutput output;
  int status;
  const GOptionEntry entries[] = {
    { "format", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &format_name,
      N_("text (the default) or csv"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  if (!_lia_cli_parse_options (command, _("ID"),
                               _("One line per value a save changed, oldest first: its time (UTC), who\n"
                                 "saved it, the field, and its value before and after (“-” for none).\n"
                                 "ID is the record's id as in the partner directory.\n"
                                 "CSV columns: time,user,field,old,new"),
                               entries, argc, argv, &database, &args, &status))
    return status;
  if (g_strv_length (args) < 2)
    return _lia_cli_usage_error (command, _("missing the id of a record"));
  if (g_strv_length (args) > 2)
    return _lia_cli_usage_error (command, _("unexpected argument “%s”"), args[2]);
  if (!_lia_cli_parse_output (command, format_name, &output, &status))
    return status;

  if (!(store = _lia_cli_open_existing (database)))
    return LIA_CLI_EXIT_FAILURE;

  for (guint i = 0; i < G_N_ELEMENTS (kinds) && record == NULL; i++)
    {
      record = lia_store_load_by_uid (store, kinds[i], args[1], &error);
      if (record == NULL && !g_error_matches (error, LIA_STORE_ERROR, LIA_STORE_ERROR_NOT_FOUND))
        {
          _lia_cli_print_error ("%s", error->message);
          return LIA_CLI_EXIT_FAILURE;
        }
      g_clear_error (&error);
    }
  if (record == NULL)
    {
      _lia_cli_print_error (_("There is no record with the id “%s”."), args[1]);
      return LIA_CLI_EXIT_FAILURE;
    }

  changes = lia_store_list_field_history (store, lia_record_get_kind (record),
                                          lia_record_get_id (record), &error);
  if (changes == NULL)
    {
      _lia_cli_print_error ("%s", error->message);
      return LIA_CLI_EXIT_FAILURE;
    }

  for (guint i = 0; i < changes->len; i++)
    {
      const LiaFieldChange *change = changes->pdata[i];
      g_autofree char *when = g_date_time_format (change->changed_at, "%Y-%m-%dT%H:%M:%SZ");

      if (output == LIA_CLI_OUTPUT_CSV)
        {
          g_autoptr(GString) line = g_string_new (NULL);

          lia_csv_append_field (line, when, FALSE);
          lia_csv_append_field (line, change->author != NULL ? change->author : "", FALSE);
          lia_csv_append_field (line, change->field, FALSE);
          lia_csv_append_field (line, change->old_value != NULL ? change->old_value : "", FALSE);
          lia_csv_append_field (line, change->new_value != NULL ? change->new_value : "", TRUE);
          g_print ("%s", line->str);
        }
      else
        {
          g_print ("%s  %s  %s: %s → %s\n", when, change->author != NULL ? change->author : "-",
                   change->field, change->old_value != NULL ? change->old_value : "-",
                   change->new_value != NULL ? change->new_value : "-");
        }
    }

  return LIA_CLI_EXIT_OK;
}
