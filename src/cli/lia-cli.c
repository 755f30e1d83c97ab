/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lia-cli-private.h"

static const LiaCliCommand *
find_command (const char *name)
{
  for (const LiaCliCommand *command = _lia_cli_commands; command->name != NULL; command++)
    {
      if (g_str_equal (command->name, name))
        return command;
    }

  return NULL;
}

static int
unknown_command (const char *name)
{
  /* Translators: the first %s is what the user typed in place of a command. */
  g_printerr (_("liaison: unknown command “%s”. Try “liaison --help”."), name);
  g_printerr ("\n");
  return LIA_CLI_EXIT_USAGE;
}

static void
print_usage (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *default_path = g_build_filename (g_get_user_data_dir (), "liaison", "liaison.db", NULL);
  guint width = 0;

  for (const LiaCliCommand *command = _lia_cli_commands; command->name != NULL; command++)
    width = MAX (width, _lia_cli_text_width (command->name));

  g_string_append_printf (text, "%s\n", _("Usage:"));
  g_string_append_printf (text, "  liaison [--database %s]\n", _("FILE"));
  g_string_append_printf (text, "      %s\n", _("Start Liaison on the desktop"));
  g_string_append_printf (text, "  liaison %s [--database %s] [%s…] [%s…]\n",
                          _("COMMAND"), _("FILE"), _("OPTION"), _("ARGUMENT"));
  g_string_append_printf (text, "      %s\n", _("Work with the database from a terminal or a script"));
  g_string_append_c (text, '\n');

  g_string_append_printf (text, "%s\n", _("Commands:"));
  for (const LiaCliCommand *command = _lia_cli_commands; command->name != NULL; command++)
    {
      g_autofree char *padded = _lia_cli_pad (command->name, width);

      g_string_append_printf (text, "  %s  %s\n", padded, _(command->summary));
    }
  g_string_append_c (text, '\n');

  g_string_append_printf (text, "%s\n", _("Options:"));
  g_string_append_printf (text, "  --database %s  %s\n", _("FILE"),
                          _("Use FILE instead of the default database"));
  g_string_append_printf (text, "  --version        %s\n", _("Show the version and exit"));
  g_string_append_printf (text, "  -h, --help       %s\n", _("Show this help and exit"));
  g_string_append_c (text, '\n');

  /* Translators: %s is the path of the database Liaison uses when told no other. */
  g_string_append_printf (text, _("Without --database, Liaison uses the file that $LIAISON_DATABASE names,\n"
                                  "or else “%s”."), default_path);
  g_string_append_c (text, '\n');
  g_string_append (text, _("Commands that only read never create a database."));
  g_string_append_c (text, '\n');
  g_string_append (text, _("Run “liaison COMMAND --help” to see what a command does and its options."));
  g_string_append_c (text, '\n');

  g_print ("%s", text->str);
}

int
_lia_cli_run_help (const LiaCliCommand *self,
                   int                  argc,
                   char               **argv)
{
  const LiaCliCommand *command;
  char *help_argv[] = { NULL, (char *) "--help", NULL };

  if (argc <= 1)
    {
      print_usage ();
      return LIA_CLI_EXIT_OK;
    }

  if (argc > 2)
    return _lia_cli_usage_error (self, _("expected one command name, got %d words"), argc - 1);

  command = find_command (argv[1]);
  if (command == NULL)
    return unknown_command (argv[1]);
  if (command == self)
    {
      print_usage ();
      return LIA_CLI_EXIT_OK;
    }

  help_argv[0] = argv[1];
  return command->run (command, 2, help_argv);
}

gboolean
lia_cli_is_command (const char *arg)
{
  g_return_val_if_fail (arg != NULL, FALSE);

  return g_str_equal (arg, "--version") ||
         g_str_equal (arg, "--help") ||
         g_str_equal (arg, "-h") ||
         find_command (arg) != NULL;
}

int
lia_cli_run (int    argc,
             char **argv)
{
  const LiaCliCommand *command;

  g_return_val_if_fail (argc >= 0, LIA_CLI_EXIT_USAGE);
  g_return_val_if_fail (argc == 0 || argv != NULL, LIA_CLI_EXIT_USAGE);

  if (argc < 2)
    {
      print_usage ();
      return LIA_CLI_EXIT_USAGE;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("liaison %s\n", PACKAGE_VERSION);
      return LIA_CLI_EXIT_OK;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_usage ();
      return LIA_CLI_EXIT_OK;
    }

  command = find_command (argv[1]);
  if (command == NULL)
    return unknown_command (argv[1]);

  return command->run (command, argc - 1, argv + 1);
}

gboolean
_lia_cli_parse_options (const LiaCliCommand *command,
                        const char          *parameter_string,
                        const char          *description,
                        const GOptionEntry  *entries,
                        int                  argc,
                        char               **argv,
                        char               **out_database,
                        GStrv               *out_args,
                        int                 *out_status)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *prgname = NULL;
  g_auto(GStrv) args = NULL;
  gboolean help = FALSE;
  const GOptionEntry common_entries[] = {
    { "database", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &database,
      N_("Use FILE instead of the default database"), N_("FILE") },
    { "help", 'h', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &help,
      N_("Show this help and exit"), NULL },
    G_OPTION_ENTRY_NULL
  };

  g_assert (command != NULL);
  g_assert (argc >= 1);
  g_assert (out_database != NULL && out_args != NULL && out_status != NULL);

  /* GOptionContext names the program in its help from the program name; the name of a
   * command's "program" is "liaison COMMAND". */
  prgname = g_strdup_printf ("liaison %s", command->name);
  g_set_prgname (prgname);

  context = g_option_context_new (parameter_string);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(command->summary));
  if (description != NULL)
    g_option_context_set_description (context, description);
  /* Its own --help would exit() from inside the parser, and it would also offer --help-all. */
  g_option_context_set_help_enabled (context, FALSE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common_entries, GETTEXT_PACKAGE);

  args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);

  if (!g_option_context_parse_strv (context, &args, &error))
    {
      *out_status = _lia_cli_usage_error (command, "%s", error->message);
      return FALSE;
    }

  if (help)
    {
      g_autofree char *text = g_option_context_get_help (context, TRUE, NULL);

      g_print ("%s", text);
      *out_status = LIA_CLI_EXIT_OK;
      return FALSE;
    }

  *out_database = g_steal_pointer (&database);
  *out_args = g_steal_pointer (&args);
  *out_status = LIA_CLI_EXIT_OK;
  return TRUE;
}

int
_lia_cli_usage_error (const LiaCliCommand *command,
                      const char          *format,
                      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  g_assert (command != NULL);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: the first and third %s are a command ("search"), the second what is wrong
   * with the command line. Keep it on one line. */
  g_printerr (_("liaison %s: %s. Try “liaison %s --help”."), command->name, message, command->name);
  g_printerr ("\n");
  return LIA_CLI_EXIT_USAGE;
}

void
_lia_cli_print_error (const char *format,
                      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("liaison: %s\n", message);
}

LiaStore *
_lia_cli_open_existing (const char *path)
{
  g_autofree char *default_path = NULL;
  g_autoptr(GError) error = NULL;
  LiaStore *store;
  GStatBuf buf;

  if (path == NULL)
    path = default_path = lia_store_dup_default_path ();

  /* lia_store_open() creates what is missing; a command that only reads must not leave an
   * empty database (and its folder) behind because of a typo in a path. (A server is never
   * created by opening it.) */
  if (!lia_store_location_is_server (path))
    {
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          _lia_cli_print_error (_("No Liaison database at “%s”."), path);
          return NULL;
        }

      /* SQLite takes an empty file for a new database and would write a schema into it. */
      if (g_stat (path, &buf) == 0 && buf.st_size == 0)
        {
          _lia_cli_print_error (_("“%s” is empty: it is not a Liaison database yet."), path);
          return NULL;
        }
    }

  store = lia_store_open (path, &error);
  if (store == NULL)
    {
      _lia_cli_print_error ("%s", error->message);
      return NULL;
    }

  return store;
}

guint
_lia_cli_text_width (const char *text)
{
  guint width = 0;

  g_assert (text != NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

char *
_lia_cli_pad (const char *text,
              guint       width)
{
  GString *padded;
  guint text_width;

  g_assert (text != NULL);

  padded = g_string_new (text);
  text_width = _lia_cli_text_width (text);
  if (text_width < width)
    g_string_append_printf (padded, "%*s", (int) (width - text_width), "");

  return g_string_free (padded, FALSE);
}
