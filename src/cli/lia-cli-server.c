/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-cli-private.h"
#include "lia-server.h"

/* `liaison server init URI` and `liaison server status URI`: the team server's schema and who
 * is on it. URI is a postgresql:// URI or a libpq keyword string; without it, --database or
 * $LIAISON_DATABASE when they name a server. */

static const char *
server_location (const char *argument,
                 const char *database)
{
  const char *env = g_getenv ("LIAISON_DATABASE");

  if (argument != NULL)
    return argument;
  if (lia_server_is_location (database))
    return database;
  if (database == NULL && lia_server_is_location (env))
    return env;
  return NULL;
}

static int
run_init (const LiaCliCommand *command,
          const char          *location,
          GStrv                readwrite,
          GStrv                readonly)
{
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  int previous = 0;

  conn = lia_server_connect (location, &error);
  if (conn == NULL)
    goto fail;

  name = lia_server_describe (conn);
  if (!lia_server_init (conn, (const char * const *) readwrite, (const char * const *) readonly,
                        &previous, &error))
    goto fail;

  if (previous == LIA_STORE_SCHEMA_VERSION)
    g_print (_("%s is already at database version %d: nothing to create."), name, previous);
  else if (previous == 0)
    g_print (_("Created Liaison's database (version %d) in %s."), LIA_STORE_SCHEMA_VERSION, name);
  else
    g_print (_("Upgraded %s from database version %d to %d."), name, previous,
             LIA_STORE_SCHEMA_VERSION);
  g_print ("\n");

  for (guint i = 0; readwrite != NULL && readwrite[i] != NULL; i++)
    {
      g_print (_("“%s” may read and change the records."), readwrite[i]);
      g_print ("\n");
    }
  for (guint i = 0; readonly != NULL && readonly[i] != NULL; i++)
    {
      g_print (_("“%s” may read the records, not change them."), readonly[i]);
      g_print ("\n");
    }

  return LIA_CLI_EXIT_OK;

fail:
  _lia_cli_print_error ("%s", error->message);
  return LIA_CLI_EXIT_FAILURE;
}

static char *
format_since (gint64 since)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (since <= 0)
    return g_strdup ("-");

  utc = g_date_time_new_from_unix_utc (since / G_USEC_PER_SEC);
  if (utc == NULL)
    return g_strdup ("-");
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static int
run_status (const LiaCliCommand *command,
            const char          *location)
{
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaServerStatus) status = NULL;
  g_autofree char *name = NULL;
  const char *labels[G_N_ELEMENTS (lia_server_status_tables)] = {
    _("Organizations"), _("Contacts"), _("Affiliations"), _("Interactions"),
    _("Commitments"), _("Concerns"), _("Projects"),
  };
  guint width = 0;

  conn = lia_server_connect (location, &error);
  if (conn == NULL)
    goto fail;

  status = lia_server_get_status (conn, &error);
  if (status == NULL)
    goto fail;

  name = lia_server_describe (conn);
  g_print ("%s: %s\n", _("Database"), name);
  if (status->schema_version == 0)
    {
      g_print ("%s: %s\n", _("Schema version"),
               _("none (its owner creates it with “liaison server init”)"));
    }
  else
    {
      g_print ("%s: %d\n", _("Schema version"), status->schema_version);

      for (guint k = 0; k < G_N_ELEMENTS (labels); k++)
        width = MAX (width, _lia_cli_text_width (labels[k]));
      g_print ("\n");
      for (guint k = 0; k < G_N_ELEMENTS (labels); k++)
        {
          g_autofree char *label = _lia_cli_pad (labels[k], width);

          g_print ("  %s  %" G_GINT64_FORMAT "\n", label, status->counts[k]);
        }
    }

  g_print ("\n");
  g_print (ngettext ("%u connection:", "%u connections:", status->sessions->len),
           status->sessions->len);
  g_print ("\n");
  for (guint i = 0; i < status->sessions->len; i++)
    {
      LiaServerSession *session = g_ptr_array_index (status->sessions, i);
      g_autofree char *since = format_since (session->since);

      /* TRANSLATORS: one connection to the team server: the database user, the program
       * ("Liaison", "psql") and since when, e.g. "amina  Liaison  since 2026-12-07 14:05". */
      g_print (_("  %s  %s  since %s"), session->user,
               session->application[0] != '\0' ? session->application : "-", since);
      if (session->is_self)
        g_print (" %s", _("(this command)"));
      g_print ("\n");
    }

  return LIA_CLI_EXIT_OK;

fail:
  _lia_cli_print_error ("%s", error->message);
  return LIA_CLI_EXIT_FAILURE;
}

int
_lia_cli_run_server (const LiaCliCommand *command,
                     int                  argc,
                     char               **argv)
{
  g_autofree char *database = NULL;
  g_auto(GStrv) args = NULL;
  g_auto(GStrv) readwrite = NULL;
  g_auto(GStrv) readonly = NULL;
  const char *location;
  int status;
  guint n_args;
  const GOptionEntry entries[] = {
    { "grant-readwrite", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING_ARRAY, &readwrite,
      N_("init: let this database role read and change the records (repeatable)"), N_("ROLE") },
    { "grant-readonly", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING_ARRAY, &readonly,
      N_("init: let this database role read the records only (repeatable)"), N_("ROLE") },
    G_OPTION_ENTRY_NULL
  };

  if (!_lia_cli_parse_options (command, _("init|status [URI]"),
                               _("init creates Liaison's database on a PostgreSQL server, or upgrades it,\n"
                                 "in one transaction; a database from a newer Liaison is left untouched.\n"
                                 "Run it as the role that is to own the tables. status shows the schema\n"
                                 "version, how many records there are and who is connected.\n"
                                 "URI is a postgresql:// URI or a libpq keyword string (“host=… dbname=…”);\n"
                                 "without it, --database or $LIAISON_DATABASE when they name a server.\n"
                                 "The password comes from ~/.pgpass, $PGPASSWORD or a prompt, never from\n"
                                 "the command line. A host that is not this computer is reached over TLS\n"
                                 "with its certificate checked (sslmode=verify-full) unless URI says otherwise."),
                               entries, argc, argv, &database, &args, &status))
    return status;

  n_args = g_strv_length (args);
  if (n_args < 2)
    return _lia_cli_usage_error (command, _("say “init” or “status”"));
  if (n_args > 3)
    return _lia_cli_usage_error (command, _("unexpected argument “%s”"), args[3]);

  location = server_location (n_args == 3 ? args[2] : NULL, database);
  if (location == NULL)
    return _lia_cli_usage_error (command, _("name the server’s database: a postgresql:// URI"));
  if (!lia_server_is_location (location))
    return _lia_cli_usage_error (command, _("“%s” is not a postgresql:// URI or a connection string"),
                                 location);

  if (g_strcmp0 (args[1], "init") == 0)
    return run_init (command, location, readwrite, readonly);

  if (g_strcmp0 (args[1], "status") == 0)
    {
      if (readwrite != NULL || readonly != NULL)
        return _lia_cli_usage_error (command, _("--grant-readwrite and --grant-readonly are for “init”"));
      return run_status (command, location);
    }

  return _lia_cli_usage_error (command, _("unknown action “%s”: say “init” or “status”"), args[1]);
}
