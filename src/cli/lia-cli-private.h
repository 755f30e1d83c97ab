/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-cli.h"
#include "lia-store.h"

G_BEGIN_DECLS

#define LIA_CLI_EXIT_OK      0
#define LIA_CLI_EXIT_FAILURE 1
#define LIA_CLI_EXIT_USAGE   2

typedef struct _LiaCliCommand LiaCliCommand;

struct _LiaCliCommand
{
  const char *name;
  /* N_(): one line for `liaison --help`, and the summary of `liaison NAME --help` */
  const char *summary;
  /* Runs the command; @argv[0] is the command's name. */
  int       (*run) (const LiaCliCommand *command,
                    int                  argc,
                    char               **argv);
};

/* The commands, in the order `liaison --help` lists them; NULL-name terminated. */
extern const LiaCliCommand _lia_cli_commands[];

/* lia-cli-exchange.c: `liaison import` and `liaison export`. */
int       _lia_cli_run_import       (const LiaCliCommand *command,
                                     int                  argc,
                                     char               **argv);
int       _lia_cli_run_export       (const LiaCliCommand *command,
                                     int                  argc,
                                     char               **argv);

/* lia-cli-engagement.c: `liaison stakeholders`, `liaison as-of` and `liaison concerns`. */
int       _lia_cli_run_stakeholders (const LiaCliCommand *command,
                                     int                  argc,
                                     char               **argv);
int       _lia_cli_run_as_of        (const LiaCliCommand *command,
                                     int                  argc,
                                     char               **argv);
int       _lia_cli_run_concerns     (const LiaCliCommand *command,
                                     int                  argc,
                                     char               **argv);

/* lia-cli-projects.c: `liaison projects` and `liaison risks`. */
int       _lia_cli_run_projects     (const LiaCliCommand *command,
                                     int                  argc,
                                     char               **argv);
int       _lia_cli_run_risks        (const LiaCliCommand *command,
                                     int                  argc,
                                     char               **argv);

/* lia-cli-changes.c: `liaison changes`. */
int       _lia_cli_run_changes      (const LiaCliCommand *command,
                                     int                  argc,
                                     char               **argv);
int       _lia_cli_run_history      (const LiaCliCommand *command,
                                     int                  argc,
                                     char               **argv);

/* lia-cli-server.c: `liaison server init|status`. */
int       _lia_cli_run_server       (const LiaCliCommand *command,
                                     int                  argc,
                                     char               **argv);

/* `liaison help [COMMAND]`: the general usage, or what `liaison COMMAND --help` prints. */
int       _lia_cli_run_help         (const LiaCliCommand *command,
                                     int                  argc,
                                     char               **argv);

/* `liaison briefing`: lia-cli-briefing.c. */
int       _lia_cli_run_briefing     (const LiaCliCommand *command,
                                     int                  argc,
                                     char               **argv);

/* Parses a command's options: @entries (may be %NULL) plus --database and --help, which every
 * command has. On success @out_args holds the arguments left over, [0] being the command name,
 * and @out_database the --database value or %NULL. Returns FALSE when the command should stop
 * now, with the exit status in @out_status: 0 after printing help, 2 after a usage error. */
gboolean  _lia_cli_parse_options    (const LiaCliCommand *command,
                                     const char          *parameter_string,
                                     const char          *description,
                                     const GOptionEntry  *entries,
                                     int                  argc,
                                     char               **argv,
                                     char               **out_database,
                                     GStrv               *out_args,
                                     int                 *out_status);

/* Prints one line to stderr: "liaison COMMAND: MESSAGE. Try “liaison COMMAND --help”." and
 * returns 2, so that callers can `return _lia_cli_usage_error (...)`. */
int       _lia_cli_usage_error      (const LiaCliCommand *command,
                                     const char          *format,
                                     ...) G_GNUC_PRINTF (2, 3);

/* Prints "liaison: MESSAGE" to stderr. */
void      _lia_cli_print_error      (const char          *format,
                                     ...) G_GNUC_PRINTF (1, 2);

/* Opens the database at @path (%NULL: the default) for a command that only reads: a database
 * that does not exist is not created. Prints why on failure and returns %NULL. */
LiaStore *_lia_cli_open_existing    (const char          *path);

/* Pads @text with spaces to @width columns as a terminal shows them (wide characters count
 * twice, combining marks not at all). */
char     *_lia_cli_pad              (const char          *text,
                                     guint                width);
guint     _lia_cli_text_width       (const char          *text);

/* lia-cli-tables.c: options and output of the listing commands. */
typedef enum {
  LIA_CLI_OUTPUT_TEXT,
  LIA_CLI_OUTPUT_CSV,
} LiaCliOutput;

/* --format: "text" (or %NULL) or "csv"; else a usage error in @out_status. */
gboolean  _lia_cli_parse_output     (const LiaCliCommand *command,
                                     const char          *name,
                                     LiaCliOutput        *out_output,
                                     int                 *out_status);
/* A date option: "YYYY-MM-DD". */
gboolean  _lia_cli_parse_day        (const LiaCliCommand *command,
                                     const char          *option,
                                     const char          *text,
                                     GDate              **out_day,
                                     int                 *out_status);
/* A comma-separated list of an enum's stored names, as bits (0 for a %NULL @text). */
gboolean  _lia_cli_parse_nicks      (const LiaCliCommand *command,
                                     const char          *option,
                                     GType                enum_type,
                                     const char          *text,
                                     guint               *out_bits,
                                     int                 *out_status);
/* @rows (GStrv of @n_columns cells each) under @headings, columns aligned. */
void      _lia_cli_print_table      (const char * const  *headings,
                                     guint                n_columns,
                                     GPtrArray           *rows);

G_END_DECLS
