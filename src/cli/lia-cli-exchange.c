/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-cli"

#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lia-cli-private.h"
#include "lia-csv.h"
#include "lia-exporter.h"
#include "lia-importer.h"
#include "lia-store-bulk.h"

/* `liaison import` and `liaison export`: partner directories and xCard files. */

static const struct {
  LiaRecordKind  kind;
  const char    *heading;  /* N_() */
} import_kinds[] = {
  { LIA_RECORD_KIND_ORGANIZATION, N_("organizations") },
  { LIA_RECORD_KIND_CONTACT,      N_("contacts") },
  { LIA_RECORD_KIND_AFFILIATION,  N_("affiliations") },
  { LIA_RECORD_KIND_INTERACTION,  N_("interactions") },
  { LIA_RECORD_KIND_COMMITMENT,   N_("commitments") },
  { LIA_RECORD_KIND_CONCERN,      N_("concerns") },
  { LIA_RECORD_KIND_PROJECT,      N_("projects") },
};

/* LIA_IMPORT_CREATED, _UPDATED and _UNCHANGED, the columns of the table. */
#define N_OUTCOMES_SHOWN (LIA_IMPORT_UNCHANGED + 1)

static const char *
format_name (LiaExchangeFormat format)
{
  switch (format)
    {
    case LIA_EXCHANGE_FORMAT_DIRECTORY:
      return _("partner directory");
    case LIA_EXCHANGE_FORMAT_XCARD:
      return _("xCard");
    case LIA_EXCHANGE_FORMAT_CSV:
      return _("CSV");
    case LIA_EXCHANGE_FORMAT_VCARD:
      return _("vCard");
    case LIA_EXCHANGE_FORMAT_ICALENDAR:
      return _("iCalendar");
    case LIA_EXCHANGE_FORMAT_AUTO:
    default:
      return _("unknown format");
    }
}

typedef struct
{
  gint64 last_report;
} Progress;

static void
on_records_read_cb (LiaImporter *importer,
                    GParamSpec  *pspec,
                    Progress    *progress)
{
  gint64 now = g_get_monotonic_time ();
  guint64 total = lia_importer_get_bytes_total (importer);
  g_autofree char *read = g_format_size (lia_importer_get_bytes_read (importer));
  g_autofree char *size = g_format_size (total);

  /* The first at once (scripts wait for it), then twice a second. */
  if (progress->last_report != 0 && now - progress->last_report < G_USEC_PER_SEC / 2)
    return;
  progress->last_report = now;

  g_printerr (_("%" PRIu64 " records read (%s of %s)\n"),
              lia_importer_get_records_read (importer), read, size);
}

/* "Matched 2 by email address, 1 by phone number." */
static void
print_matches (LiaImporter *importer)
{
  static const struct { LiaImportMatch rule; const char *words; } rules[] = {
    { LIA_IMPORT_MATCH_UID, N_("by uid") },
    { LIA_IMPORT_MATCH_EMAIL, N_("by email address") },
    { LIA_IMPORT_MATCH_PHONE, N_("by phone number") },
    { LIA_IMPORT_MATCH_NAME, N_("by name at the same organization") },
    { LIA_IMPORT_MATCH_ORGANIZATION_NAME, N_("organizations by name") },
  };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      guint64 n = lia_importer_get_matched (importer, rules[i].rule);

      if (n == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append_printf (text, "%" PRIu64 " %s", n, _(rules[i].words));
    }

  if (text->len > 0)
    /* TRANSLATORS: %s is a list such as "2 by email address, 1 by phone number". */
    g_print (_("Found in the database: %s.\n"), text->str);
}

static void
print_counts (LiaImporter *importer)
{
  g_autofree char *created = g_strdup (_("created"));
  g_autofree char *updated = g_strdup (_("updated"));
  g_autofree char *unchanged = g_strdup (_("unchanged"));
  guint width = 0;
  guint columns[3];

  columns[0] = MAX (_lia_cli_text_width (created), 7);
  columns[1] = MAX (_lia_cli_text_width (updated), 7);
  columns[2] = MAX (_lia_cli_text_width (unchanged), 7);

  for (guint i = 0; i < G_N_ELEMENTS (import_kinds); i++)
    width = MAX (width, _lia_cli_text_width (_(import_kinds[i].heading)));

  {
    g_autofree char *pad = _lia_cli_pad ("", width);
    g_print ("  %s  %*s  %*s  %*s\n", pad,
             (int) (columns[0] + strlen (created) - _lia_cli_text_width (created)), created,
             (int) (columns[1] + strlen (updated) - _lia_cli_text_width (updated)), updated,
             (int) (columns[2] + strlen (unchanged) - _lia_cli_text_width (unchanged)), unchanged);
  }

  for (guint i = 0; i < G_N_ELEMENTS (import_kinds); i++)
    {
      g_autofree char *heading = NULL;
      guint64 total = 0;

      for (int outcome = 0; outcome < N_OUTCOMES_SHOWN; outcome++)
        total += lia_importer_get_count (importer, import_kinds[i].kind, outcome);
      /* Projects are newer than most files: their row only when the file had some. */
      if (import_kinds[i].kind == LIA_RECORD_KIND_PROJECT && total == 0)
        continue;

      heading = _lia_cli_pad (_(import_kinds[i].heading), width);
      g_print ("  %s  %*" PRIu64 "  %*" PRIu64 "  %*" PRIu64 "\n",
               heading,
               (int) columns[0], lia_importer_get_count (importer, import_kinds[i].kind, LIA_IMPORT_CREATED),
               (int) columns[1], lia_importer_get_count (importer, import_kinds[i].kind, LIA_IMPORT_UPDATED),
               (int) columns[2], lia_importer_get_count (importer, import_kinds[i].kind, LIA_IMPORT_UNCHANGED));
    }

  if (lia_importer_get_ignored (importer) > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "Ignored %" PRIu64 " element from another namespace.\n",
                          "Ignored %" PRIu64 " elements from other namespaces.\n",
                          lia_importer_get_ignored (importer)),
             lia_importer_get_ignored (importer));

  print_matches (importer);

  {
    g_autofree char *not_kept = lia_importer_describe_not_kept (importer);
    GListModel *warnings = lia_importer_get_warnings (importer);

    if (not_kept != NULL)
      /* TRANSLATORS: %s is a list such as "3 × X-SOCIALPROFILE, 1 × GEO". */
      g_print (_("%s: not kept.\n"), not_kept);
    for (guint i = 0; i < g_list_model_get_n_items (warnings); i++)
      {
        g_autoptr(LiaImportProblem) warning = g_list_model_get_item (warnings, i);
        g_autofree char *text = lia_import_problem_to_string (warning);

        g_printerr (_("%s (a warning: the rest was imported)\n"), text);
      }
  }
}

/* Calendar files: the people invited who are not contacts. */
static void
print_unmatched_people (LiaImporter *importer,
                        gboolean     dry_run)
{
  const char * const *people = lia_importer_get_unmatched_people (importer);
  guint n_people = g_strv_length ((char **) people);

  if (n_people == 0)
    return;

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "%u person invited is not among the contacts:\n",
                        "%u people invited are not among the contacts:\n", n_people),
           n_people);
  for (guint i = 0; i < n_people; i++)
    g_print ("  %s\n", people[i]);
  if (!dry_run)
    g_print (_("Import the file again with --create-attendees to add them as contacts.\n"));
}

/* Copies standard input to a new file in a folder of its own; returns its path. */
static char *
read_standard_input (GError **error)
{
  g_autoptr(GString) data = g_string_new (NULL);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  char buffer[65536];
  size_t n;

  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    g_string_append_len (data, buffer, (gssize) n);
  if (ferror (stdin))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, g_strerror (EIO));
      return NULL;
    }

  if (!(dir = g_dir_make_tmp ("liaison-import-XXXXXX", error)))
    return NULL;
  path = g_build_filename (dir, "standard-input", NULL);
  if (!g_file_set_contents_full (path, data->str, (gssize) data->len,
                                 G_FILE_SET_CONTENTS_NONE, 0600, error))
    {
      g_rmdir (dir);
      return NULL;
    }
  return g_steal_pointer (&path);
}

int
_lia_cli_run_import (const LiaCliCommand *command,
                     int                  argc,
                     char               **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *description = NULL;
  g_autofree char *scratch_dir = NULL;
  g_autofree char *scratch_db = NULL;
  g_autofree char *stdin_path = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(LiaImporter) importer = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *column_map = NULL;
  g_autofree char *fields = NULL;
  gboolean dry_run = FALSE;
  gboolean show_progress = FALSE;
  gboolean create_attendees = FALSE;
  Progress progress = { 0 };
  GListModel *problems;
  int status;
  const GOptionEntry entries[] = {
    { "dry-run", 'n', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &dry_run,
      N_("Check the file and tell what importing it would do, without changing anything"), NULL },
    { "progress", 'p', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &show_progress,
      N_("Tell on standard error how far the import is"), NULL },
    { "map", 'm', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &column_map,
      N_("CSV: the field each column goes into, e.g. \"E-mail=email,Name=display-name\""), N_("COLUMN=FIELD,…") },
    { "create-attendees", 'c', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &create_attendees,
      N_("Calendar files: add the people invited who are not contacts yet, from their name and email"), NULL },
    G_OPTION_ENTRY_NULL
  };

  fields = g_strjoinv (", ", (char **) lia_csv_field_names ());
  description = g_strdup_printf (_("FILE is a partner directory (docs/partner-directory.md), an xCard or a vCard\n"
                                   "file (docs/vcard.md), a CSV export of Google Contacts, Outlook, Thunderbird\n"
                                   "or LinkedIn (docs/csv.md), or an iCalendar file (.ics: invitations and\n"
                                   "calendars, docs/icalendar.md), recognized by its content. Records are merged\n"
                                   "by their id, cards and rows by uid, email, phone or name, meetings by their\n"
                                   "UID: importing the same file again creates nothing new. A file with any problem\n"
                                   "changes nothing; every problem is listed with its line and column, and what\n"
                                   "was not kept is counted.\n"
                                   "\n"
                                   "A CSV file with another header needs --map; its fields are:\n"
                                   "%s."), fields);

  if (!_lia_cli_parse_options (command, _("FILE"), description, entries, argc, argv,
                               &database, &args, &status))
    return status;

  if (g_strv_length (args) != 2)
    return _lia_cli_usage_error (command, _("expected one file to import, got %u"),
                                 g_strv_length (args) - 1);

  if (g_str_equal (args[1], "-"))
    {
      /* Standard input (`liaison export - | liaison import -`): read whole into a file only
       * we can read, as the importer reads a file twice (what it is, then the records). */
      if (!(stdin_path = read_standard_input (&error)))
        {
          _lia_cli_print_error (_("Could not read standard input: %s"), error->message);
          return LIA_CLI_EXIT_FAILURE;
        }
      file = g_file_new_for_path (stdin_path);
    }
  else
    file = g_file_new_for_commandline_arg (args[1]);

  if (dry_run && database == NULL && g_getenv ("LIAISON_DATABASE") == NULL)
    {
      g_autofree char *path = lia_store_dup_default_path ();
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        g_clear_pointer (&path, g_free);
      database = g_steal_pointer (&path);
    }
  else if (dry_run && database == NULL)
    {
      database = g_strdup (g_getenv ("LIAISON_DATABASE"));
    }

  if (dry_run && (database == NULL || !g_file_test (database, G_FILE_TEST_EXISTS)))
    {
      /* Nothing to merge with: check the file against an empty database of our own. */
      if (!(scratch_dir = g_dir_make_tmp ("liaison-dry-run-XXXXXX", &error)))
        {
          _lia_cli_print_error ("%s", error->message);
          return LIA_CLI_EXIT_FAILURE;
        }
      scratch_db = g_build_filename (scratch_dir, "check.db", NULL);
      store = lia_store_open (scratch_db, &error);
    }
  else
    {
      store = lia_store_open (database, &error);
    }

  if (store == NULL)
    {
      _lia_cli_print_error ("%s", error->message);
      return LIA_CLI_EXIT_FAILURE;
    }

  importer = lia_importer_new (file);
  lia_importer_set_dry_run (importer, dry_run);
  lia_importer_set_column_map (importer, column_map);
  lia_importer_set_create_people (importer, create_attendees);
  if (show_progress)
    g_signal_connect (importer, "notify::records-read", G_CALLBACK (on_records_read_cb), &progress);

  status = LIA_CLI_EXIT_OK;
  if (!lia_importer_run (importer, store, NULL, &error))
    {
      problems = lia_importer_get_problems (importer);
      for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
        {
          g_autoptr(LiaImportProblem) problem = g_list_model_get_item (problems, i);
          g_autofree char *text = lia_import_problem_to_string (problem);
          g_printerr ("%s\n", text);
        }
      _lia_cli_print_error ("%s", error->message);
      status = LIA_CLI_EXIT_FAILURE;
    }
  else if (dry_run)
    {
      g_print (_("Checked “%s” (%s): it can be imported. Nothing was changed (--dry-run); importing it would give:\n"),
               g_file_peek_path (file) ? g_file_peek_path (file) : args[1],
               format_name (lia_importer_get_format (importer)));
      print_counts (importer);
      print_unmatched_people (importer, TRUE);
    }
  else
    {
      g_print (_("Imported “%s” (%s) into %s:\n"),
               stdin_path != NULL ? _("standard input")
               : g_file_peek_path (file) ? g_file_peek_path (file) : args[1],
               format_name (lia_importer_get_format (importer)),
               lia_store_get_display_name (store));
      print_counts (importer);
      print_unmatched_people (importer, FALSE);
    }

  g_clear_object (&store);
  if (scratch_db != NULL)
    {
      g_autofree char *wal = g_strconcat (scratch_db, "-wal", NULL);
      g_autofree char *shm = g_strconcat (scratch_db, "-shm", NULL);
      g_unlink (wal);
      g_unlink (shm);
      g_unlink (scratch_db);
      g_rmdir (scratch_dir);
    }
  if (stdin_path != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (stdin_path);
      g_unlink (stdin_path);
      g_rmdir (dir);
    }

  return status;
}

int
_lia_cli_run_export (const LiaCliCommand *command,
                     int                  argc,
                     char               **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *description = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *organization = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *vcard_version = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(LiaExporter) exporter = NULL;
  LiaRecordKind kind = LIA_RECORD_KIND_CONTACT;
  g_autoptr(GError) error = NULL;
  LiaExchangeFormat format = LIA_EXCHANGE_FORMAT_DIRECTORY;
  gboolean to_stdout;
  int status;
  const GOptionEntry entries[] = {
    { "format", 'f', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &format_text,
      N_("directory (Liaison’s partner directory, the default), xcard, vcard, csv, or ics (planned meetings and open commitments, for a calendar)"), N_("FORMAT") },
    { "vcard-version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &vcard_version,
      N_("With --format vcard: 3.0 (the default, what most programs read) or 4.0"), N_("VERSION") },
    { "kind", 'k', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &kind_text,
      N_("CSV: contacts (the default) or organizations"), N_("KIND") },
    { "organization", 'o', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &organization,
      N_("Only this organization (by its id), its sub-organizations, its people and their history"), N_("ID") },
    G_OPTION_ENTRY_NULL
  };

  description = g_strdup (_("Writes FILE (“-” for standard output) whole or not at all, readable by you\n"
                            "only. The same data always gives the same bytes."));

  if (!_lia_cli_parse_options (command, _("FILE"), description, entries, argc, argv,
                               &database, &args, &status))
    return status;

  if (g_strv_length (args) != 2)
    return _lia_cli_usage_error (command, _("expected one file to write, got %u"),
                                 g_strv_length (args) - 1);

  if (format_text != NULL)
    {
      if (g_str_equal (format_text, "directory"))
        format = LIA_EXCHANGE_FORMAT_DIRECTORY;
      else if (g_str_equal (format_text, "xcard"))
        format = LIA_EXCHANGE_FORMAT_XCARD;
      else if (g_str_equal (format_text, "vcard"))
        format = LIA_EXCHANGE_FORMAT_VCARD;
      else if (g_str_equal (format_text, "csv"))
        format = LIA_EXCHANGE_FORMAT_CSV;
      else if (g_str_equal (format_text, "ics"))
        format = LIA_EXCHANGE_FORMAT_ICALENDAR;
      else
        return _lia_cli_usage_error (command, _("“%s” is not a format (expected directory, xcard, vcard, csv or ics)"),
                                     format_text);
    }
  if (vcard_version != NULL && format != LIA_EXCHANGE_FORMAT_VCARD)
    return _lia_cli_usage_error (command, _("--vcard-version goes with --format vcard"));
  if (vcard_version != NULL && !g_str_equal (vcard_version, "3.0") && !g_str_equal (vcard_version, "4.0"))
    return _lia_cli_usage_error (command, _("“%s” is not a vCard version (expected 3.0 or 4.0)"), vcard_version);

  if (kind_text != NULL)
    {
      if (format != LIA_EXCHANGE_FORMAT_CSV)
        return _lia_cli_usage_error (command, _("--kind is for --format csv: the other formats hold every kind"));
      if (g_str_equal (kind_text, "contacts"))
        kind = LIA_RECORD_KIND_CONTACT;
      else if (g_str_equal (kind_text, "organizations"))
        kind = LIA_RECORD_KIND_ORGANIZATION;
      else
        return _lia_cli_usage_error (command, _("“%s” is not a kind of record to export (expected contacts or organizations)"),
                                     kind_text);
    }

  if (!(store = _lia_cli_open_existing (database)))
    return LIA_CLI_EXIT_FAILURE;

  to_stdout = g_str_equal (args[1], "-");
  if (to_stdout)
    {
      g_autoptr(GOutputStream) out = g_unix_output_stream_new (1, FALSE);
      exporter = lia_exporter_new_for_stream (out, format);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (args[1]);
      exporter = lia_exporter_new (file, format);
    }

  lia_exporter_set_kind (exporter, kind);
  if (vcard_version != NULL)
    lia_exporter_set_vcard_version (exporter, vcard_version);

  if (organization != NULL)
    {
      gint64 id = 0;

      if (!lia_store_find_id (store, LIA_RECORD_KIND_ORGANIZATION, organization, &id, &error))
        {
          _lia_cli_print_error ("%s", error->message);
          return LIA_CLI_EXIT_FAILURE;
        }
      if (id == 0)
        {
          _lia_cli_print_error (_("There is no organization with the id “%s” in %s."),
                                organization, lia_store_get_display_name (store));
          return LIA_CLI_EXIT_FAILURE;
        }
      lia_exporter_set_organization_id (exporter, id);
    }

  if (!lia_exporter_run (exporter, store, NULL, &error))
    {
      _lia_cli_print_error (_("Nothing was exported to “%s”: %s"), args[1], error->message);
      return LIA_CLI_EXIT_FAILURE;
    }

  if (!to_stdout)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "Exported %" PRIu64 " record to “%s” (%s).\n",
                          "Exported %" PRIu64 " records to “%s” (%s).\n",
                          lia_exporter_get_records_written (exporter)),
             lia_exporter_get_records_written (exporter), args[1], format_name (format));

  return LIA_CLI_EXIT_OK;
}
