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

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* `liaison COMMAND ...` works without a display. A word that is not a command is a mistyped
   * command (lia_cli_run() says so), not something for the desktop application. */
  if (argc > 1 && (lia_cli_is_command (argv[1]) || g_ascii_isalpha (argv[1][0])))
    return lia_cli_run (argc, argv);

  application = lia_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
