/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether @arg names something the command line handles by itself, without a display: a
 * command ("stats", "search", "check", "help") or "--version", "--help", "-h". main() sends
 * those to lia_cli_run() and everything else to the desktop application. */
gboolean lia_cli_is_command (const char *arg);

/* Runs `liaison COMMAND [OPTION…] [ARG…]` with the process's arguments (@argv[0] is the
 * program, @argv[1] the command). Returns the exit status: 0 when all went well, 1 when the
 * work failed (the database could not be opened, the check found problems), 2 for a command
 * line that cannot be understood (unknown command or option, missing argument). Messages go to
 * stderr, results to stdout. Expects setlocale() and the text domain to be set up. */
int      lia_cli_run        (int    argc,
                             char **argv);

G_END_DECLS
