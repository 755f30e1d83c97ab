/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "lia-application.h"
#include "lia-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LiaApplication) application = NULL;
  const char *locale_dir = g_getenv ("LIAISON_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* LIAISON_LOCALEDIR: the translations of an uninstalled build (build/po), so that
   * build-aux/dev run and the screenshots can show Liaison in French before it is installed. */
  bindtextdomain (GETTEXT_PACKAGE, locale_dir != NULL && locale_dir[0] != '\0' ? locale_dir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* `liaison COMMAND ...` works without a display. A word that is not a command is a mistyped
   * command (lia_cli_run() says so), not something for the desktop application, unless it
   * names a file or a URI: `liaison directory.xml` imports it in the window, as opening the
   * file from the file manager does. */
  if (argc > 1 && (lia_cli_is_command (argv[1]) ||
                   (g_ascii_isalpha (argv[1][0]) &&
                    !g_file_test (argv[1], G_FILE_TEST_EXISTS) &&
                    g_uri_peek_scheme (argv[1]) == NULL)))
    return lia_cli_run (argc, argv);

  application = lia_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
