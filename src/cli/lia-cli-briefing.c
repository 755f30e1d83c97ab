/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-cli-private.h"
#include "lia-briefing.h"

int
_lia_cli_run_briefing (const LiaCliCommand *command,
                       int                  argc,
                       char               **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *organization = NULL;
  g_autofree char *contact = NULL;
  g_autofree char *interaction = NULL;
  g_autofree char *project = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *since_text = NULL;
  g_autofree char *paper_name = NULL;
  g_autofree char *description = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(GDate) since = NULL;
  g_autoptr(GDate) today = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(LiaBriefingDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  LiaBriefingRequest request = { 0, };
  LiaBriefingPaper paper;
  gboolean redact = FALSE;
  gboolean map = FALSE;
  int n_interactions = LIA_BRIEFING_DEFAULT_INTERACTIONS;
  guint n_subjects = 0;
  guint n_pages = 0;
  int status;
  const GOptionEntry entries[] = {
    { "organization", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &organization,
      N_("Brief on the organization with this id"), N_("ID") },
    { "contact", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &contact,
      N_("Brief on the contact with this id"), N_("ID") },
    { "interaction", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &interaction,
      N_("Make the meeting pack of the interaction with this id"), N_("ID") },
    { "project", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &project,
      N_("Make the status report of the project with this id"), N_("ID") },
    { "today", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &today_text,
      N_("Make the briefing as of DATE, as YYYY-MM-DD (overdue, recent; today unless given)"), N_("DATE") },
    { "output", 'o', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &output,
      N_("Write the PDF to FILE"), N_("FILE") },
    { "since", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &since_text,
      N_("Start the history on DATE, as YYYY-MM-DD (a year ago unless given)"), N_("DATE") },
    { "interactions", 'n', G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &n_interactions,
      N_("List at most N interactions (10 unless given)"), N_("N") },
    { "redact", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &redact,
      N_("Leave out notes, email addresses and phone numbers, for a copy that leaves the office"), NULL },
    { "map", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &map,
      N_("Add the stakeholder map of the organization and its people (with --organization)"), NULL },
    { "paper", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &paper_name,
      N_("Print on PAPER: a4 or letter (the locale’s paper unless given)"), N_("PAPER") },
    G_OPTION_ENTRY_NULL
  };

  description = g_strdup (_("Writes the briefing a liaison officer takes into a meeting, as a PDF. ID is the\n"
                            "record’s id in partner directories, as “liaison search” shows it in brackets.\n"
                            "Exactly one of --organization, --contact, --interaction and --project is needed."));

  if (!_lia_cli_parse_options (command, "", description, entries, argc, argv,
                               &database, &args, &status))
    return status;

  if (g_strv_length (args) > 1)
    return _lia_cli_usage_error (command, _("unexpected argument “%s”"), args[1]);

  n_subjects = (organization != NULL) + (contact != NULL) + (interaction != NULL) + (project != NULL);
  if (n_subjects == 0)
    return _lia_cli_usage_error (command, _("say what the briefing is about with --organization, "
                                            "--contact, --interaction or --project"));
  if (n_subjects > 1)
    return _lia_cli_usage_error (command, _("a briefing is about one record: give only one of "
                                            "--organization, --contact, --interaction and --project"));

  if (map && organization == NULL)
    return _lia_cli_usage_error (command, _("--map goes with --organization: only an organization "
                                            "briefing has a stakeholder map"));

  if (output == NULL || output[0] == '\0')
    return _lia_cli_usage_error (command, _("say where to write the PDF with --output FILE"));

  if (n_interactions < 1)
    return _lia_cli_usage_error (command, _("--interactions needs a number of 1 or more, not %d"),
                                 n_interactions);

  if (paper_name != NULL)
    {
      if (!lia_briefing_paper_from_name (paper_name, &paper))
        return _lia_cli_usage_error (command, _("“%s” is not a paper size (expected a4 or letter)"),
                                     paper_name);
    }
  else
    paper = lia_briefing_paper_from_locale ();

  if (today_text != NULL)
    {
      today = lia_date_parse_iso (today_text, NULL);
      if (today == NULL)
        return _lia_cli_usage_error (command, _("--today needs a date as YYYY-MM-DD, not “%s”"),
                                     today_text);
    }
  else
    today = lia_date_new_today ();
  if (since_text != NULL)
    {
      since = lia_date_parse_iso (since_text, NULL);
      if (since == NULL)
        return _lia_cli_usage_error (command, _("--since needs a date as YYYY-MM-DD, not “%s”"),
                                     since_text);
      if (g_date_compare (since, today) > 0)
        return _lia_cli_usage_error (command, _("--since %s is after today"), since_text);
    }

  store = _lia_cli_open_existing (database);
  if (store == NULL)
    return LIA_CLI_EXIT_FAILURE;

  if (organization != NULL)
    {
      request.kind = LIA_RECORD_KIND_ORGANIZATION;
      request.uid = organization;
    }
  else if (contact != NULL)
    {
      request.kind = LIA_RECORD_KIND_CONTACT;
      request.uid = contact;
    }
  else if (project != NULL)
    {
      request.kind = LIA_RECORD_KIND_PROJECT;
      request.uid = project;
    }
  else
    {
      request.kind = LIA_RECORD_KIND_INTERACTION;
      request.uid = interaction;
    }
  request.since = since;
  request.today = today;
  request.max_interactions = (guint) n_interactions;
  request.redact = redact;
  request.map = map;

  document = lia_briefing_build (store, &request, &error);
  if (document == NULL)
    {
      _lia_cli_print_error ("%s", error->message);
      return LIA_CLI_EXIT_FAILURE;
    }

  if (!lia_briefing_write_pdf (document, paper, output, &n_pages, &error))
    {
      _lia_cli_print_error ("%s", error->message);
      return LIA_CLI_EXIT_FAILURE;
    }

  /* Translators: after `liaison briefing`: "Wrote 5 pages to meeting.pdf." */
  g_print (ngettext ("Wrote %u page to %s.", "Wrote %u pages to %s.", n_pages), n_pages, output);
  g_print ("\n");

  return LIA_CLI_EXIT_OK;
}
