/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "lia-server.h"
#include "lia-store.h"

/* lia-store-schema-pg.sql, as a C string, and the schema version it creates (sql-to-c.py). */
extern const char _lia_server_schema_sql[];
extern const int _lia_server_schema_sql_version;

/* Held for the whole of `server init`'s transaction, so that two inits at once run one after
 * the other (the second finds the schema made). 'LIAS', as the SQLite files' application_id. */
#define INIT_LOCK_KEY "1279869267"

const char * const lia_server_status_tables[7] = {
  "organizations", "contacts", "affiliations", "interactions", "commitments", "concerns",
  "projects",
};

gboolean
lia_server_is_location (const char *location)
{
  if (location == NULL)
    return FALSE;

  if (g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://"))
    return TRUE;

  /* A keyword string: "key=value" pairs. A file name with '=' in it and no space is still a
   * file unless its first word is a libpq keyword. */
  for (const char *p = location; *p != '\0' && *p != ' '; p++)
    {
      if (*p == '=')
        {
          g_autofree char *keyword = g_strndup (location, p - location);
          static const char * const keywords[] = {
            "host", "hostaddr", "port", "dbname", "user", "service", "sslmode", "passfile",
            "options", "connect_timeout", "application_name", NULL,
          };

          return g_strv_contains (keywords, g_strstrip (keyword));
        }
      if (*p == '/')
        return FALSE;
    }

  return FALSE;
}

static gboolean
host_is_local (const char *hosts)
{
  g_auto(GStrv) parts = NULL;

  if (hosts == NULL || hosts[0] == '\0')
    return TRUE;  /* libpq's default: the Unix socket */

  parts = g_strsplit (hosts, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *host = g_strstrip (parts[i]);

      if (host[0] == '\0' || host[0] == '/' || host[0] == '@')
        continue;
      if (g_ascii_strcasecmp (host, "localhost") == 0 || strcmp (host, "127.0.0.1") == 0
          || strcmp (host, "::1") == 0 || strcmp (host, "[::1]") == 0)
        continue;
      return FALSE;
    }

  return TRUE;
}

const char *
lia_server_default_sslmode (const char *location)
{
  PQconninfoOption *options;
  const char *host = NULL;
  const char *hostaddr = NULL;
  gboolean has_sslmode = FALSE;
  gboolean local;

  options = PQconninfoParse (location, NULL);
  if (options == NULL)
    return NULL;  /* connecting says what is wrong with it */

  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      if (o->val == NULL || o->val[0] == '\0')
        continue;
      if (strcmp (o->keyword, "host") == 0)
        host = o->val;
      else if (strcmp (o->keyword, "hostaddr") == 0)
        hostaddr = o->val;
      else if (strcmp (o->keyword, "sslmode") == 0 || strcmp (o->keyword, "requiressl") == 0)
        has_sslmode = TRUE;
    }

  if (host == NULL && hostaddr == NULL)
    host = g_getenv ("PGHOST");
  if (g_getenv ("PGSSLMODE") != NULL && g_getenv ("PGSSLMODE")[0] != '\0')
    has_sslmode = TRUE;

  local = host_is_local (host) && (hostaddr == NULL || host_is_local (hostaddr));
  PQconninfoFree (options);

  return (!local && !has_sslmode) ? "verify-full" : NULL;
}

/* libpq's messages end with a newline, and may hold several lines (a hint after "\n\t"):
 * one line, as every other error of the command line and the window's toasts. */
static char *
clean_message (const char *message)
{
  g_auto(GStrv) lines = g_strsplit (message != NULL ? message : "", "\n", -1);
  GString *text = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = g_strstrip (lines[i]);

      if (*line == '\0')
        continue;
      /* "… failed: No such file or directory" then "Is the server running…?": two sentences. */
      if (text->len > 0)
        g_string_append (text, strchr (".?!:", text->str[text->len - 1]) != NULL ? " " : ". ");
      g_string_append (text, line);
    }
  return g_string_free (text, FALSE);
}

/* Reads a password from the terminal without echoing it; %NULL when there is no terminal. */
static char *
prompt_password (const char *user)
{
  struct termios saved, quiet;
  char line[1024];
  FILE *tty;
  gboolean restore = FALSE;
  char *password = NULL;

  if (!isatty (STDIN_FILENO))
    return NULL;

  tty = fopen ("/dev/tty", "r+");
  if (tty == NULL)
    return NULL;

  fprintf (tty, _("Password for %s on the team server: "), user != NULL ? user : "");
  fflush (tty);

  if (tcgetattr (fileno (tty), &saved) == 0)
    {
      quiet = saved;
      quiet.c_lflag &= ~ECHO;
      restore = tcsetattr (fileno (tty), TCSAFLUSH, &quiet) == 0;
    }

  if (fgets (line, sizeof line, tty) != NULL)
    {
      line[strcspn (line, "\r\n")] = '\0';
      password = g_strdup (line);
    }

  if (restore)
    tcsetattr (fileno (tty), TCSAFLUSH, &saved);
  fputc ('\n', tty);
  fclose (tty);
  explicit_bzero (line, sizeof line);

  return password;
}

/* "user:secret@" in a URI's authority, or a password keyword. */
static gboolean
may_hold_password (const char *location)
{
  const char *authority = strstr (location, "://");
  const char *at;
  const char *colon;

  if (strstr (location, "password") != NULL)
    return TRUE;
  if (authority == NULL)
    return FALSE;

  authority += 3;
  at = strchr (authority, '@');
  colon = strchr (authority, ':');
  return at != NULL && colon != NULL && colon < at;
}

static PGconn *
connect_with (const char *location,
              const char *sslmode,
              const char *password)
{
  const char *keywords[5];
  const char *values[5];
  int n = 0;

  /* dbname first and expanded: what comes after it overrides what the string says. */
  keywords[n] = "dbname";
  values[n++] = location;
  keywords[n] = "application_name";
  values[n++] = "Liaison";
  if (sslmode != NULL)
    {
      keywords[n] = "sslmode";
      values[n++] = sslmode;
    }
  if (password != NULL)
    {
      keywords[n] = "password";
      values[n++] = password;
    }
  keywords[n] = NULL;
  values[n] = NULL;

  return PQconnectdbParams (keywords, values, 1);
}

PGconn *
lia_server_connect (const char  *location,
                    GError     **error)
{
  return lia_server_connect_with_password (location, NULL, error);
}

PGconn *
lia_server_connect_with_password (const char  *location,
                                  const char  *password,
                                  GError     **error)
{
  g_autoptr(PGconn) conn = NULL;
  const char *sslmode;
  char *parse_error = NULL;
  PQconninfoOption *options;

  g_return_val_if_fail (location != NULL, NULL);

  options = PQconninfoParse (location, &parse_error);
  if (options == NULL)
    {
      /* libpq quotes the string back, which must not show a password. */
      g_autofree char *message = may_hold_password (location)
                                 ? g_strdup ("postgresql://USER@HOST/DATABASE")
                                 : clean_message (parse_error);

      g_set_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_FAILED,
                   _("This is not a PostgreSQL connection string: %s"), message);
      PQfreemem (parse_error);
      return NULL;
    }

  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    if (strcmp (o->keyword, "password") == 0 && o->val != NULL && o->val[0] != '\0')
      {
        /* On a command line or in the environment, everyone on this computer can read it. */
        g_autofree char *where = NULL;

        PQconninfoFree (options);
        where = lia_server_describe_location (location);
        g_set_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_PERMISSION,
                     /* Translators: %s is "db.example.org/liaison as amina". */
                     _("The connection string for %s holds a password, which anyone on this "
                       "computer could read: remove it, and put it in ~/.pgpass or type it "
                       "when asked."), where);
        return NULL;
      }
  PQconninfoFree (options);

  sslmode = lia_server_default_sslmode (location);
  /* In memory only: libpq keeps it for PQresetStart(), never in a file. */
  conn = connect_with (location, sslmode, password != NULL && password[0] != '\0' ? password : NULL);

  if (PQstatus (conn) != CONNECTION_OK && PQconnectionNeedsPassword (conn)
      && (password == NULL || password[0] == '\0'))
    {
      g_autofree char *user = g_strdup (PQuser (conn));
      char *typed = prompt_password (user);

      if (typed != NULL)
        {
          g_clear_pointer (&conn, PQfinish);
          conn = connect_with (location, sslmode, typed);
          explicit_bzero (typed, strlen (typed));
          g_free (typed);
        }
    }

  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_autofree char *message = clean_message (PQerrorMessage (conn));
      g_autofree char *where = lia_server_describe (conn);

      /* Named as everywhere else, so that the window, the CLI and the store say it alike. */
      if (PQconnectionNeedsPassword (conn) || PQconnectionUsedPassword (conn))
        g_set_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_PERMISSION,
                     /* Translators: "Could not connect to db.example.org/liaison as amina: …". */
                     _("Could not connect to %s: the server refused this user name or password (%s)"),
                     where, message);
      else
        g_set_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_FAILED,
                     /* Translators: "Could not connect to db.example.org/liaison as amina: …". */
                     _("Could not connect to %s: %s"), where, message);
      return NULL;
    }

  return g_steal_pointer (&conn);
}

char *
lia_server_describe_parts (const char *host,
                           const char *port,
                           const char *dbname,
                           const char *user)
{
  g_autoptr(GString) where = g_string_new (NULL);

  if (host == NULL || host[0] == '\0' || host[0] == '/' || host[0] == '@')
    /* Translators: the host part of "this computer/liaison as amina", a server reached
     * through a local socket. */
    g_string_append (where, _("this computer"));
  else
    g_string_append (where, host);
  if (port != NULL && port[0] != '\0' && strcmp (port, "5432") != 0)
    g_string_append_printf (where, ":%s", port);
  if (dbname != NULL && dbname[0] != '\0')
    g_string_append_printf (where, "/%s", dbname);

  /* Translators: a team server's database and the user name on it: "db.example.org/liaison as amina". */
  return g_strdup_printf (_("%s as %s"), where->str,
                          user != NULL && user[0] != '\0' ? user : g_get_user_name ());
}

char *
lia_server_describe_location (const char *location)
{
  PQconninfoOption *options;
  const char *host = NULL, *port = NULL, *dbname = NULL, *user = NULL;
  char *text;

  g_return_val_if_fail (location != NULL, NULL);

  options = PQconninfoParse (location, NULL);
  if (options == NULL)
    return NULL;
  /* The values libpq would use: the environment's (PGHOST, PGUSER…) where the string says
   * nothing. */
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      const char *value = o->val;

      if ((value == NULL || value[0] == '\0') && o->envvar != NULL)
        value = g_getenv (o->envvar);
      if (value == NULL || value[0] == '\0')
        continue;
      if (strcmp (o->keyword, "host") == 0)
        host = value;
      else if (strcmp (o->keyword, "port") == 0)
        port = value;
      else if (strcmp (o->keyword, "dbname") == 0)
        dbname = value;
      else if (strcmp (o->keyword, "user") == 0)
        user = value;
    }
  /* libpq's default database is the user's name. */
  text = lia_server_describe_parts (host, port, dbname != NULL ? dbname : user, user);
  PQconninfoFree (options);
  return text;
}

char *
lia_server_describe (PGconn *conn)
{
  g_return_val_if_fail (conn != NULL, NULL);

  return lia_server_describe_parts (PQhost (conn), PQport (conn), PQdb (conn), PQuser (conn));
}

static int
error_code_for_sqlstate (const char *state)
{
  if (state == NULL)
    return LIA_STORE_ERROR_FAILED;
  if (strcmp (state, "42501") == 0)         /* insufficient_privilege */
    return LIA_STORE_ERROR_PERMISSION;
  if (strcmp (state, "23505") == 0)         /* unique_violation */
    return LIA_STORE_ERROR_DUPLICATE;
  if (strcmp (state, "23503") == 0)         /* foreign_key_violation */
    return LIA_STORE_ERROR_REFERENCE;
  if (g_str_has_prefix (state, "23"))       /* not null, check, exclusion */
    return LIA_STORE_ERROR_INVALID;
  if (strcmp (state, "40001") == 0 || strcmp (state, "40P01") == 0
      || strcmp (state, "55P03") == 0)      /* serialization, deadlock, lock not available */
    return LIA_STORE_ERROR_BUSY;
  if (strcmp (state, "53100") == 0)         /* disk_full */
    return LIA_STORE_ERROR_DISK_FULL;
  return LIA_STORE_ERROR_FAILED;
}

void
lia_server_set_error_from_result (PGconn      *conn,
                                  PGresult    *result,
                                  GError     **error,
                                  const char  *prefix)
{
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *primary = result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  g_autofree char *message = clean_message (primary != NULL ? primary : PQerrorMessage (conn));
  int code = error_code_for_sqlstate (state);

  if (code == LIA_STORE_ERROR_PERMISSION)
    {
      g_set_error (error, LIA_STORE_ERROR, code, "%s: %s (%s)", prefix,
                   _("This account may not change data on the team server"), message);
      return;
    }

  g_set_error (error, LIA_STORE_ERROR, code, "%s: %s", prefix, message);
}

/* Runs @sql (one statement or several, no parameters); on failure sets @error. */
static gboolean
exec (PGconn      *conn,
      const char  *sql,
      const char  *what,
      GError     **error)
{
  g_autoptr(PGresult) result = PQexec (conn, sql);
  ExecStatusType status = PQresultStatus (result);

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return TRUE;

  lia_server_set_error_from_result (conn, result, error, what);
  return FALSE;
}

static gboolean
exec_params (PGconn             *conn,
             const char         *sql,
             int                 n_params,
             const char * const *params,
             const char         *what,
             GError            **error)
{
  g_autoptr(PGresult) result = PQexecParams (conn, sql, n_params, NULL, params, NULL, NULL, 0);
  ExecStatusType status = PQresultStatus (result);

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return TRUE;

  lia_server_set_error_from_result (conn, result, error, what);
  return FALSE;
}

gboolean
lia_server_read_schema_version (PGconn  *conn,
                                int     *out_version,
                                GError **error)
{
  g_autoptr(PGresult) exists = NULL;
  g_autoptr(PGresult) result = NULL;

  exists = PQexec (conn, "SELECT to_regclass ('schema_version') IS NOT NULL");
  if (PQresultStatus (exists) != PGRES_TUPLES_OK)
    {
      lia_server_set_error_from_result (conn, exists, error,
                                        _("Could not read the schema version"));
      return FALSE;
    }

  if (strcmp (PQgetvalue (exists, 0, 0), "t") != 0)
    {
      *out_version = 0;
      return TRUE;
    }

  result = PQexec (conn, "SELECT version FROM schema_version WHERE id = 1");
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      lia_server_set_error_from_result (conn, result, error,
                                        _("Could not read the schema version"));
      return FALSE;
    }

  *out_version = PQntuples (result) > 0 ? atoi (PQgetvalue (result, 0, 0)) : 0;
  return TRUE;
}

static void
set_too_new_error (PGconn  *conn,
                   int      version,
                   GError **error)
{
  g_autofree char *name = lia_server_describe (conn);

  g_set_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_TOO_NEW,
               _("The team server’s database (%s) was written by a newer version of Liaison "
                 "(database version %d; this version understands up to %d). Update Liaison to "
                 "open it; the database was not changed."),
               name, version, LIA_STORE_SCHEMA_VERSION);
}

gboolean
lia_server_check_schema (PGconn  *conn,
                         GError **error)
{
  int version;

  if (!lia_server_read_schema_version (conn, &version, error))
    return FALSE;

  if (version > LIA_STORE_SCHEMA_VERSION)
    {
      set_too_new_error (conn, version, error);
      return FALSE;
    }

  if (version < LIA_STORE_SCHEMA_VERSION)
    {
      g_autofree char *name = lia_server_describe (conn);

      if (version == 0)
        g_set_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_NOT_A_DATABASE,
                     _("The team server’s database (%s) holds no Liaison data yet: its owner "
                       "creates it with “liaison server init”."), name);
      else
        g_set_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_NOT_A_DATABASE,
                     _("The team server’s database (%s) is at database version %d, older than "
                       "this Liaison’s %d: its owner upgrades it with “liaison server init”."),
                     name, version, LIA_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

/* Forward migrations of the server's schema: [v] brings version v to v + 1, as
 * lia-store-schema.c's migrations do for files. A new database is created at the version of
 * lia-store-schema-pg.sql (14), then brought up by the migrations after it. */

/* Version 15: due for contact by map cell reads its first page from an index (lia-store-schema.c). */
static const char pg_migration_15[] =
  "DROP INDEX organizations_by_cell_latest;"
  "DROP INDEX contacts_by_cell_latest;"
  "CREATE INDEX organizations_by_cell_due ON organizations"
  "  (influence, interest, latest_interaction_day, sort_key, id) WHERE cadence_days IS NULL;"
  "CREATE INDEX contacts_by_cell_due ON contacts"
  "  (influence, interest, latest_interaction_day, sort_key, id) WHERE cadence_days IS NULL;";

/* Version 16: interactions per UTC day, kept by a trigger (lia-store-schema.c, migration_16). */
#define PG_DAY_START(at) "(" at " - ((" at " % 86400000000) + 86400000000) % 86400000000)"
static const char pg_migration_16[] =
  "CREATE TABLE interaction_days ("
  "  day_start bigint PRIMARY KEY,"
  "  n bigint NOT NULL"
  ");"
  "INSERT INTO interaction_days (day_start, n)"
  "  SELECT " PG_DAY_START ("at_utc") ", count(*) FROM interactions GROUP BY 1;"
  "CREATE FUNCTION liaison_count_days () RETURNS trigger LANGUAGE plpgsql AS $$"
  "BEGIN"
  "  IF TG_OP IN ('DELETE', 'UPDATE') THEN"
  "    UPDATE interaction_days SET n = n - 1 WHERE day_start = " PG_DAY_START ("OLD.at_utc") ";"
  "  END IF;"
  "  IF TG_OP IN ('INSERT', 'UPDATE') THEN"
  "    INSERT INTO interaction_days (day_start, n) VALUES (" PG_DAY_START ("NEW.at_utc") ", 1)"
  "      ON CONFLICT (day_start) DO UPDATE SET n = interaction_days.n + 1;"
  "  END IF;"
  "  RETURN NULL;"
  "END $$;"
  "CREATE TRIGGER interactions_days_insert AFTER INSERT ON interactions"
  "  FOR EACH ROW EXECUTE FUNCTION liaison_count_days ();"
  "CREATE TRIGGER interactions_days_delete AFTER DELETE ON interactions"
  "  FOR EACH ROW EXECUTE FUNCTION liaison_count_days ();"
  "CREATE TRIGGER interactions_days_update AFTER UPDATE OF at_utc ON interactions FOR EACH ROW"
  "  WHEN (" PG_DAY_START ("OLD.at_utc") " <> " PG_DAY_START ("NEW.at_utc") ")"
  "  EXECUTE FUNCTION liaison_count_days ();";

/* Version 17: a bulk load counts its new interactions' days once, at its end
 * (lia-store-bulk.c, end_bulk_load_on_server()), instead of one upsert of the day's row per
 * interaction: in one transaction those left a dead version of the row each, and after a load
 * of 1,000,000 interactions the 3,655 rows of interaction_days filled 42 MB, which every far
 * jump in the timeline reads (docs/performance.md, "Team server"). Rows above the load's mark
 * are not counted until then, also when the load moves or deletes them; only the loading
 * transaction sees its bulk_load row, so other connections count as before. */
static const char pg_migration_17[] =
  "CREATE OR REPLACE FUNCTION liaison_count_days () RETURNS trigger LANGUAGE plpgsql AS $$"
  "BEGIN"
  "  IF TG_OP IN ('DELETE', 'UPDATE')"
  "     AND NOT EXISTS (SELECT 1 FROM bulk_load WHERE interactions_mark < OLD.id) THEN"
  "    UPDATE interaction_days SET n = n - 1 WHERE day_start = " PG_DAY_START ("OLD.at_utc") ";"
  "  END IF;"
  "  IF TG_OP IN ('INSERT', 'UPDATE')"
  "     AND NOT EXISTS (SELECT 1 FROM bulk_load WHERE interactions_mark < NEW.id) THEN"
  "    INSERT INTO interaction_days (day_start, n) VALUES (" PG_DAY_START ("NEW.at_utc") ", 1)"
  "      ON CONFLICT (day_start) DO UPDATE SET n = interaction_days.n + 1;"
  "  END IF;"
  "  RETURN NULL;"
  "END $$;";

/* Version 18: a contact's map cell by family or given name, for the first page of a list by
 * influence or interest (lia-store-schema.c, migration_18). */
static const char pg_migration_18[] =
  "CREATE INDEX contacts_by_cell_family ON contacts ((influence * 6 + interest), family_sort_key, id);"
  "CREATE INDEX contacts_by_cell_given ON contacts ((influence * 6 + interest), given_sort_key, id);";

/* Version 19: a content hash per record as the last import wrote or confirmed it, forgotten
 * by triggers on any change (lia-store-schema.c, migration_19). One function per column that
 * holds the record's id, its kind (LiaRecordKind) the trigger's argument. */
#define PG_HASH_FUNCTION(column) \
  "CREATE FUNCTION liaison_hash_forget_" column " () RETURNS trigger LANGUAGE plpgsql AS $$" \
  "BEGIN" \
  "  IF TG_OP <> 'INSERT' THEN" \
  "    DELETE FROM record_hashes WHERE kind = TG_ARGV[0]::integer AND record_id = OLD." column ";" \
  "  END IF;" \
  "  IF TG_OP <> 'DELETE' THEN" \
  "    DELETE FROM record_hashes WHERE kind = TG_ARGV[0]::integer AND record_id = NEW." column ";" \
  "  END IF;" \
  "  RETURN NULL;" \
  "END $$;"
#define PG_HASH_RECORD_TRIGGERS(table, kind) \
  "CREATE TRIGGER " table "_hash_update AFTER UPDATE ON " table " FOR EACH ROW" \
  "  WHEN (NEW.version IS DISTINCT FROM OLD.version OR NOT liaison_in_bulk_load ())" \
  "  EXECUTE FUNCTION liaison_hash_forget_id ('" kind "');" \
  "CREATE TRIGGER " table "_hash_delete AFTER DELETE ON " table " FOR EACH ROW" \
  "  EXECUTE FUNCTION liaison_hash_forget_id ('" kind "');" \
  "CREATE TRIGGER " table "_hash_uid AFTER UPDATE OF uid ON " table " FOR EACH ROW" \
  "  WHEN (OLD.uid IS DISTINCT FROM NEW.uid) EXECUTE FUNCTION liaison_hash_forget_all ();"
#define PG_HASH_CHILD_TRIGGERS(table, kind, column) \
  "CREATE TRIGGER " table "_hash_insert AFTER INSERT ON " table " FOR EACH ROW" \
  "  WHEN (NOT liaison_in_bulk_load ()) EXECUTE FUNCTION liaison_hash_forget_" column " ('" kind "');" \
  "CREATE TRIGGER " table "_hash_update AFTER UPDATE ON " table " FOR EACH ROW" \
  "  EXECUTE FUNCTION liaison_hash_forget_" column " ('" kind "');" \
  "CREATE TRIGGER " table "_hash_delete AFTER DELETE ON " table " FOR EACH ROW" \
  "  EXECUTE FUNCTION liaison_hash_forget_" column " ('" kind "');"
static const char pg_migration_19[] =
  "CREATE TABLE record_hashes ("
  "  kind integer NOT NULL,"
  "  record_id bigint NOT NULL,"
  "  hash bigint NOT NULL,"
  "  PRIMARY KEY (kind, record_id)"
  ");"
  PG_HASH_FUNCTION ("id")
  PG_HASH_FUNCTION ("organization_id")
  PG_HASH_FUNCTION ("contact_id")
  PG_HASH_FUNCTION ("interaction_id")
  PG_HASH_FUNCTION ("concern_id")
  PG_HASH_FUNCTION ("project_id")
  "CREATE FUNCTION liaison_hash_forget_all () RETURNS trigger LANGUAGE plpgsql AS $$"
  "BEGIN"
  "  DELETE FROM record_hashes;"
  "  RETURN NULL;"
  "END $$;"
  PG_HASH_RECORD_TRIGGERS ("organizations", "0")
  PG_HASH_CHILD_TRIGGERS ("organization_tags", "0", "organization_id")
  PG_HASH_RECORD_TRIGGERS ("contacts", "1")
  PG_HASH_CHILD_TRIGGERS ("contact_points", "1", "contact_id")
  PG_HASH_CHILD_TRIGGERS ("contact_languages", "1", "contact_id")
  PG_HASH_CHILD_TRIGGERS ("contact_tags", "1", "contact_id")
  PG_HASH_CHILD_TRIGGERS ("contact_addresses", "1", "contact_id")
  PG_HASH_CHILD_TRIGGERS ("contact_websites", "1", "contact_id")
  PG_HASH_CHILD_TRIGGERS ("contact_ims", "1", "contact_id")
  PG_HASH_CHILD_TRIGGERS ("contact_photos", "1", "contact_id")
  PG_HASH_RECORD_TRIGGERS ("affiliations", "2")
  PG_HASH_RECORD_TRIGGERS ("interactions", "3")
  PG_HASH_CHILD_TRIGGERS ("interaction_contacts", "3", "interaction_id")
  PG_HASH_CHILD_TRIGGERS ("interaction_organizations", "3", "interaction_id")
  PG_HASH_RECORD_TRIGGERS ("commitments", "4")
  PG_HASH_RECORD_TRIGGERS ("concerns", "5")
  PG_HASH_CHILD_TRIGGERS ("concern_parties", "5", "concern_id")
  PG_HASH_CHILD_TRIGGERS ("concern_interactions", "5", "concern_id")
  PG_HASH_RECORD_TRIGGERS ("projects", "6")
  PG_HASH_CHILD_TRIGGERS ("project_tags", "6", "project_id")
  PG_HASH_CHILD_TRIGGERS ("project_stakeholders", "6", "project_id")
  PG_HASH_CHILD_TRIGGERS ("project_milestones", "6", "project_id")
  PG_HASH_CHILD_TRIGGERS ("project_risks", "6", "project_id")
  PG_HASH_CHILD_TRIGGERS ("project_links", "6", "project_id");

/* Version 20: SQLite's enum checks without a temporary table per row (lia-store-schema.c,
 * migration_20); PostgreSQL's need no change. */
static const char pg_migration_20[] =
  "SELECT 1;";

static const char * const pg_migrations[LIA_STORE_SCHEMA_VERSION] = {
  [14] = pg_migration_15,
  [15] = pg_migration_16,
  [16] = pg_migration_17,
  [17] = pg_migration_18,
  [18] = pg_migration_19,
  [19] = pg_migration_20,
};

/* What `liaison server init` makes, by name: "table NAME", "index NAME", "trigger NAME" and
 * "view NAME" as the schema and its migrations create and drop them. The change log's triggers
 * are made by a loop (EXECUTE format) and are not listed: lia_store_check() looks them up by
 * the function they run. */
GHashTable *
_lia_server_expected_objects (void)
{
  g_autoptr(GRegex) statement =
    g_regex_new ("\\b(CREATE|DROP)\\s+(?:UNIQUE\\s+)?(TABLE|INDEX|TRIGGER|VIEW)\\s+"
                 "(?:IF\\s+(?:NOT\\s+)?EXISTS\\s+)?([a-z_][a-z0-9_]*)\\b",
                 G_REGEX_CASELESS, 0, NULL);
  /* A column's "REFERENCES parent" inside a CREATE TABLE: PostgreSQL names that key
   * TABLE_COLUMN_fkey. */
  g_autoptr(GRegex) reference =
    g_regex_new ("\\bCREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([a-z_][a-z0-9_]*)"
                 "|^\\s*([a-z_][a-z0-9_]*)\\s+[a-z][^\\n]*?\\bREFERENCES\\b",
                 G_REGEX_CASELESS | G_REGEX_MULTILINE, 0, NULL);
  GHashTable *objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (int v = _lia_server_schema_sql_version - 1; v < LIA_STORE_SCHEMA_VERSION; v++)
    {
      /* The schema itself, then the migrations after its version. */
      const char *sql = v < _lia_server_schema_sql_version ? _lia_server_schema_sql : pg_migrations[v];
      g_autoptr(GMatchInfo) match = NULL;

      if (sql == NULL)
        continue;
      for (g_regex_match (statement, sql, 0, &match); g_match_info_matches (match);
           g_match_info_next (match, NULL))
        {
          g_autofree char *verb = g_match_info_fetch (match, 1);
          g_autofree char *type = g_match_info_fetch (match, 2);
          g_autofree char *name = g_match_info_fetch (match, 3);
          g_autofree char *lower = g_ascii_strdown (type, -1);
          g_autofree char *key = g_strdup_printf ("%s %s", lower, name);

          if (g_ascii_strcasecmp (verb, "CREATE") == 0)
            g_hash_table_add (objects, g_steal_pointer (&key));
          else
            g_hash_table_remove (objects, key);
        }

      g_clear_pointer (&match, g_match_info_free);
      {
        g_autofree char *table = NULL;

        for (g_regex_match (reference, sql, 0, &match); g_match_info_matches (match);
             g_match_info_next (match, NULL))
          {
            g_autofree char *created = g_match_info_fetch (match, 1);
            g_autofree char *column = g_match_info_fetch (match, 2);

            if (created != NULL && created[0] != '\0')
              {
                g_free (table);
                table = g_ascii_strdown (created, -1);
              }
            else if (table != NULL)
              g_hash_table_add (objects, g_strdup_printf ("foreign key %s_%s_fkey", table, column));
          }
      }
    }

  /* The keys of a table a later migration dropped went with it. */
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, objects);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      if (g_str_has_prefix (key, "foreign key "))
        {
          const char *name = (const char *) key + strlen ("foreign key ");
          gboolean kept = FALSE;
          GHashTableIter tables;
          gpointer table;

          g_hash_table_iter_init (&tables, objects);
          while (!kept && g_hash_table_iter_next (&tables, &table, NULL))
            kept = g_str_has_prefix (table, "table ")
                   && g_str_has_prefix (name, (const char *) table + strlen ("table "))
                   && name[strlen (table) - strlen ("table ")] == '_';
          if (!kept)
            g_hash_table_iter_remove (&iter);
        }
  }

  return objects;
}

static gboolean
grant (PGconn      *conn,
       const char  *schema,
       const char  *role,
       gboolean     writes,
       GError     **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *what = NULL;
  char *quoted = PQescapeIdentifier (conn, role, strlen (role));
  const char *rights = writes ? "SELECT, INSERT, UPDATE, DELETE" : "SELECT";
  gboolean ok;

  if (quoted == NULL)
    {
      g_set_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_INVALID,
                   _("“%s” is not a role name"), role);
      return FALSE;
    }

  sql = g_strdup_printf ("GRANT USAGE ON SCHEMA %s TO %s;"
                         "GRANT %s ON ALL TABLES IN SCHEMA %s TO %s;"
                         "ALTER DEFAULT PRIVILEGES IN SCHEMA %s GRANT %s ON TABLES TO %s;",
                         schema, quoted, rights, schema, quoted, schema, rights, quoted);
  if (writes)
    {
      /* The identities behind the ids and the change log's sequence numbers. */
      char *more = g_strdup_printf ("%sGRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %s TO %s;"
                                    "ALTER DEFAULT PRIVILEGES IN SCHEMA %s"
                                    " GRANT USAGE, SELECT ON SEQUENCES TO %s;",
                                    sql, schema, quoted, schema, quoted);
      g_free (sql);
      sql = more;
    }

  what = g_strdup_printf (_("Could not grant access to “%s”"), role);
  ok = exec (conn, sql, what, error);
  PQfreemem (quoted);
  return ok;
}

gboolean
lia_server_init (PGconn              *conn,
                 const char * const  *readwrite_roles,
                 const char * const  *readonly_roles,
                 int                 *out_previous,
                 GError             **error)
{
  g_autoptr(PGresult) schema_result = NULL;
  g_autofree char *schema = NULL;
  int version;

  if (!exec (conn, "BEGIN; SELECT pg_advisory_xact_lock (" INIT_LOCK_KEY ")",
             _("Could not start creating the database"), error))
    return FALSE;

  /* Read inside the lock: another init may have run meanwhile. */
  if (!lia_server_read_schema_version (conn, &version, error))
    goto fail;

  if (out_previous != NULL)
    *out_previous = version;

  if (version > LIA_STORE_SCHEMA_VERSION)
    {
      set_too_new_error (conn, version, error);
      goto fail;
    }

  if (version == 0)
    {
      const char *collation = setlocale (LC_COLLATE, NULL);
      const char *params[2] = { NULL, NULL };
      g_autofree char *created_version = NULL;

      if (!exec (conn, _lia_server_schema_sql, _("Could not create the database"), error))
        goto fail;

      version = _lia_server_schema_sql_version;
      created_version = g_strdup_printf ("%d", version);
      params[0] = created_version;
      params[1] = collation != NULL ? collation : "C";
      if (!exec_params (conn, "INSERT INTO schema_version (id, version) VALUES (1, $1::integer)",
                        1, params, _("Could not create the database"), error)
          || !exec_params (conn, "INSERT INTO \"collation\" (id, locale) VALUES (1, $1)",
                           1, params + 1, _("Could not create the database"), error))
        goto fail;
    }

  /* In the same transaction: a database is created or upgraded whole, or not at all. */
  for (int v = version; v < LIA_STORE_SCHEMA_VERSION; v++)
    {
      g_autofree char *what = g_strdup_printf (_("Could not upgrade the database to version %d"),
                                               v + 1);
      g_autofree char *set_version = NULL;

      if (pg_migrations[v] == NULL)
        {
          g_set_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_NOT_A_DATABASE,
                       "%s: %s", what, _("this version of Liaison cannot upgrade it"));
          goto fail;
        }

      set_version = g_strdup_printf ("UPDATE schema_version SET version = %d WHERE id = 1", v + 1);
      if (!exec (conn, pg_migrations[v], what, error) || !exec (conn, set_version, what, error))
        goto fail;
    }

  schema_result = PQexec (conn, "SELECT quote_ident (current_schema ())");
  if (PQresultStatus (schema_result) != PGRES_TUPLES_OK || PQntuples (schema_result) != 1
      || PQgetisnull (schema_result, 0, 0))
    {
      lia_server_set_error_from_result (conn, schema_result, error,
                                        _("Could not create the database"));
      goto fail;
    }
  schema = g_strdup (PQgetvalue (schema_result, 0, 0));

  for (guint i = 0; readwrite_roles != NULL && readwrite_roles[i] != NULL; i++)
    if (!grant (conn, schema, readwrite_roles[i], TRUE, error))
      goto fail;
  for (guint i = 0; readonly_roles != NULL && readonly_roles[i] != NULL; i++)
    if (!grant (conn, schema, readonly_roles[i], FALSE, error))
      goto fail;

  return exec (conn, "COMMIT", _("Could not create the database"), error);

fail:
  {
    g_autoptr(PGresult) rollback = PQexec (conn, "ROLLBACK");
  }
  return FALSE;
}

void
lia_server_status_free (LiaServerStatus *status)
{
  if (status == NULL)
    return;

  g_clear_pointer (&status->sessions, g_ptr_array_unref);
  g_free (status);
}

static void
session_free (gpointer data)
{
  LiaServerSession *session = data;

  g_free (session->user);
  g_free (session->application);
  g_free (session);
}

LiaServerStatus *
lia_server_get_status (PGconn  *conn,
                       GError **error)
{
  g_autoptr(LiaServerStatus) status = g_new0 (LiaServerStatus, 1);
  g_autoptr(PGresult) sessions = NULL;

  if (!lia_server_read_schema_version (conn, &status->schema_version, error))
    return NULL;

  for (guint k = 0; k < G_N_ELEMENTS (status->counts); k++)
    status->counts[k] = -1;

  if (status->schema_version > 0)
    {
      g_autoptr(GString) sql = g_string_new ("SELECT ");
      g_autoptr(PGresult) counts = NULL;

      for (guint k = 0; k < G_N_ELEMENTS (lia_server_status_tables); k++)
        g_string_append_printf (sql, "%s(SELECT count (*) FROM %s)", k > 0 ? ", " : "",
                                lia_server_status_tables[k]);

      counts = PQexec (conn, sql->str);
      if (PQresultStatus (counts) != PGRES_TUPLES_OK)
        {
          lia_server_set_error_from_result (conn, counts, error, _("Could not count the records"));
          return NULL;
        }
      for (guint k = 0; k < G_N_ELEMENTS (status->counts); k++)
        status->counts[k] = g_ascii_strtoll (PQgetvalue (counts, 0, k), NULL, 10);
    }

  /* Another account's session shows its user and application, not when it started, unless
   * this account may read every statistic (pg_read_all_stats). */
  sessions = PQexec (conn,
                     "SELECT usename, coalesce (application_name, ''),"
                     "  (extract (epoch FROM backend_start) * 1000000)::bigint,"
                     "  pid = pg_backend_pid ()"
                     " FROM pg_stat_activity"
                     " WHERE datname = current_database () AND backend_type = 'client backend'"
                     " ORDER BY backend_start NULLS LAST, pid");
  if (PQresultStatus (sessions) != PGRES_TUPLES_OK)
    {
      lia_server_set_error_from_result (conn, sessions, error,
                                        _("Could not list who is connected"));
      return NULL;
    }

  status->sessions = g_ptr_array_new_with_free_func (session_free);
  for (int i = 0; i < PQntuples (sessions); i++)
    {
      LiaServerSession *session = g_new0 (LiaServerSession, 1);

      session->user = g_strdup (PQgetisnull (sessions, i, 0) ? "" : PQgetvalue (sessions, i, 0));
      session->application = g_strdup (PQgetvalue (sessions, i, 1));
      session->since = PQgetisnull (sessions, i, 2) ? 0
                       : g_ascii_strtoll (PQgetvalue (sessions, i, 2), NULL, 10);
      session->is_self = strcmp (PQgetvalue (sessions, i, 3), "t") == 0;
      g_ptr_array_add (status->sessions, session);
    }

  return g_steal_pointer (&status);
}

/* The watch of lia_server_watch_changes(), kept on the connection so that
 * lia_server_dispatch_changes() finds it. */
typedef struct
{
  PGconn              *conn;
  LiaServerChangeFunc  func;
  gpointer             user_data;
  GDestroyNotify       destroy;
  guint                source;
} ChangeWatch;

static GHashTable *change_watches;  /* PGconn * → ChangeWatch * */

static void
change_watch_free (gpointer data)
{
  ChangeWatch *watch = data;

  if (watch->destroy != NULL)
    watch->destroy (watch->user_data);
  g_free (watch);
}

/* "SEQ KIND ID OPERATION", as the change log's trigger writes it. */
static gboolean
parse_payload (const char  *payload,
               gint64      *out_seq,
               char       **out_kind,
               gint64      *out_id,
               char       **out_operation)
{
  g_auto(GStrv) parts = g_strsplit (payload, " ", -1);
  char *end = NULL;

  if (g_strv_length (parts) != 4)
    return FALSE;

  *out_seq = g_ascii_strtoll (parts[0], &end, 10);
  if (end == parts[0] || *end != '\0')
    return FALSE;
  *out_id = g_ascii_strtoll (parts[2], &end, 10);
  if (end == parts[2] || *end != '\0')
    return FALSE;

  *out_kind = g_strdup (parts[1]);
  *out_operation = g_strdup (parts[3]);
  return TRUE;
}

gboolean
lia_server_dispatch_changes (PGconn *conn)
{
  ChangeWatch *watch = change_watches != NULL ? g_hash_table_lookup (change_watches, conn) : NULL;
  PGnotify *notify;

  if (PQconsumeInput (conn) == 0 || PQstatus (conn) != CONNECTION_OK)
    {
      if (watch != NULL)
        {
          guint source = watch->source;

          /* Told first: removing the source frees the watch and its user data. The function
           * may have removed it itself. */
          watch->func (0, NULL, 0, NULL, watch->user_data);
          watch = g_hash_table_lookup (change_watches, conn);
          if (watch != NULL && watch->source == source)
            g_source_remove (source);
        }
      return FALSE;
    }

  while ((notify = PQnotifies (conn)) != NULL)
    {
      g_autofree char *kind = NULL;
      g_autofree char *operation = NULL;
      gint64 seq, id;

      if (watch != NULL && strcmp (notify->relname, LIA_SERVER_CHANGES_CHANNEL) == 0
          && parse_payload (notify->extra, &seq, &kind, &id, &operation))
        watch->func (seq, kind, id, operation, watch->user_data);
      PQfreemem (notify);

      /* The function may have removed the watch. */
      watch = change_watches != NULL ? g_hash_table_lookup (change_watches, conn) : NULL;
    }

  return TRUE;
}

static gboolean
socket_ready_cb (int           fd,
                 GIOCondition  condition,
                 gpointer      data)
{
  ChangeWatch *watch = data;

  /* Lost: dispatch tells the function and removes this source. */
  if (!lia_server_dispatch_changes (watch->conn))
    return G_SOURCE_REMOVE;
  return G_SOURCE_CONTINUE;
}

static void
source_destroyed_cb (gpointer data)
{
  ChangeWatch *watch = data;

  g_hash_table_remove (change_watches, watch->conn);
}

guint
lia_server_watch_changes (PGconn               *conn,
                          LiaServerChangeFunc   func,
                          gpointer              user_data,
                          GDestroyNotify        destroy,
                          GError              **error)
{
  ChangeWatch *watch;

  g_return_val_if_fail (conn != NULL, 0);
  g_return_val_if_fail (func != NULL, 0);

  if (change_watches != NULL && g_hash_table_contains (change_watches, conn))
    {
      g_set_error_literal (error, LIA_STORE_ERROR, LIA_STORE_ERROR_FAILED,
                           "this connection is watched already");
      return 0;
    }

  if (!exec (conn, "LISTEN " LIA_SERVER_CHANGES_CHANNEL,
             _("Could not follow the changes on the team server"), error))
    return 0;

  if (change_watches == NULL)
    change_watches = g_hash_table_new_full (NULL, NULL, NULL, change_watch_free);

  watch = g_new0 (ChangeWatch, 1);
  watch->conn = conn;
  watch->func = func;
  watch->user_data = user_data;
  watch->destroy = destroy;
  g_hash_table_insert (change_watches, conn, watch);
  watch->source = g_unix_fd_add_full (G_PRIORITY_DEFAULT, PQsocket (conn), G_IO_IN | G_IO_HUP | G_IO_ERR,
                                      socket_ready_cb, watch, source_destroyed_cb);
  g_source_set_name_by_id (watch->source, "[liaison] team server changes");

  return watch->source;
}
