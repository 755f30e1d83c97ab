/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lia-cli-private.h"
#include "lia-search-result.h"

#define DEFAULT_SEARCH_LIMIT 20

/* The kinds that search finds, in the order the store groups them. */
static const struct {
  LiaRecordKind  kind;
  const char    *name;     /* for --kind */
  const char    *heading;  /* N_() */
} search_kinds[] = {
  { LIA_RECORD_KIND_ORGANIZATION, "organization", N_("Organizations") },
  { LIA_RECORD_KIND_CONTACT,      "contact",      N_("Contacts") },
  { LIA_RECORD_KIND_INTERACTION,  "interaction",  N_("Interactions") },
  { LIA_RECORD_KIND_COMMITMENT,   "commitment",   N_("Commitments") },
  { LIA_RECORD_KIND_CONCERN,      "concern",      N_("Concerns") },
  { LIA_RECORD_KIND_PROJECT,      "project",      N_("Projects") },
};

/* A number as people read it in their locale ("12,345", "12 345", "12.345"). */
static char *
format_count (gint64 n)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, n);
}

/* What the database takes on disk: the file and its write-ahead log, which holds recent
 * writes until SQLite copies them into the file. */
static guint64
get_database_size (const char *path)
{
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  guint64 size = 0;
  GStatBuf buf;

  if (g_stat (path, &buf) == 0)
    size += (guint64) buf.st_size;
  if (g_stat (wal_path, &buf) == 0)
    size += (guint64) buf.st_size;

  return size;
}

typedef struct
{
  const char *label;
  char       *value;
  char       *detail;
} StatsRow;

static guint
get_label_width (StatsRow *rows,
                 guint     n_rows)
{
  guint width = 0;

  for (guint i = 0; i < n_rows; i++)
    width = MAX (width, _lia_cli_text_width (rows[i].label));

  return width;
}

static void
print_rows (StatsRow *rows,
            guint     n_rows,
            guint     label_width,
            gboolean  numbers)
{
  guint value_width = 0;

  for (guint i = 0; i < n_rows; i++)
    value_width = MAX (value_width, _lia_cli_text_width (rows[i].value));

  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *label = _lia_cli_pad (rows[i].label, label_width);
      g_autoptr(GString) line = g_string_new (label);

      g_string_append (line, "  ");
      if (numbers)
        {
          /* Right-aligned, so that the digits line up. */
          guint width = _lia_cli_text_width (rows[i].value);

          g_string_append_printf (line, "%*s", (int) (value_width - width), "");
        }
      g_string_append (line, rows[i].value);
      if (rows[i].detail != NULL)
        g_string_append_printf (line, "  %s", rows[i].detail);

      g_print ("%s\n", line->str);
    }
}

static void
clear_rows (StatsRow *rows,
            guint     n_rows)
{
  for (guint i = 0; i < n_rows; i++)
    {
      g_clear_pointer (&rows[i].value, g_free);
      g_clear_pointer (&rows[i].detail, g_free);
    }
}

static int
run_stats (const LiaCliCommand *command,
           int                  argc,
           char               **argv)
{
  g_autofree char *database = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *open_text = NULL;
  g_autofree char *overdue_text = NULL;
  g_autofree char *open_concerns_text = NULL;
  LiaStoreCounts counts;
  guint label_width;
  StatsRow about[3] = { { NULL } };
  StatsRow records[6] = { { NULL } };
  int status;

  if (!_lia_cli_parse_options (command, "", NULL, NULL, argc, argv, &database, &args, &status))
    return status;

  if (g_strv_length (args) > 1)
    return _lia_cli_usage_error (command, _("unexpected argument “%s”"), args[1]);

  store = _lia_cli_open_existing (database);
  if (store == NULL)
    return LIA_CLI_EXIT_FAILURE;

  if (!lia_store_get_counts (store, &counts, &error))
    {
      _lia_cli_print_error ("%s", error->message);
      return LIA_CLI_EXIT_FAILURE;
    }

  about[0].label = _("Database");
  about[0].value = g_strdup (lia_store_get_display_name (store));
  about[1].label = _("Schema version");
  about[1].value = g_strdup_printf ("%d", lia_store_get_schema_version (store));
  about[2].label = _("Size on disk");
  /* A server's size is not a file's. */
  about[2].value = lia_store_location_is_server (lia_store_get_path (store))
                   ? g_strdup ("—")
                   : g_format_size (get_database_size (lia_store_get_path (store)));

  records[0].label = _("Organizations");
  records[0].value = format_count (counts.organizations);
  records[1].label = _("Contacts");
  records[1].value = format_count (counts.contacts);
  records[2].label = _("Affiliations");
  records[2].value = format_count (counts.affiliations);
  records[3].label = _("Interactions");
  records[3].value = format_count (counts.interactions);
  records[4].label = _("Commitments");
  records[4].value = format_count (counts.commitments);
  records[5].label = _("Concerns");
  records[5].value = format_count (counts.concerns);

  {
    g_autofree char *n_open = format_count (counts.open_commitments);
    g_autofree char *n_overdue = format_count (counts.overdue_commitments);
    g_autofree char *n_open_concerns = format_count (counts.open_concerns);

    /* Translators: the number of commitments still open, e.g. "3 open". */
    open_text = g_strdup_printf (ngettext ("%s open", "%s open", (gulong) counts.open_commitments),
                                 n_open);
    /* Translators: the number of open commitments past their due date, e.g. "1 overdue". */
    overdue_text = g_strdup_printf (ngettext ("%s overdue", "%s overdue",
                                              (gulong) counts.overdue_commitments),
                                    n_overdue);
    /* Translators: the number of concerns open or in mediation, e.g. "2 open". */
    open_concerns_text = g_strdup_printf (ngettext ("%s open", "%s open", (gulong) counts.open_concerns),
                                          n_open_concerns);
  }
  /* Translators: details after the number of commitments: "(3 open, 1 overdue)". */
  records[4].detail = g_strdup_printf (_("(%s, %s)"), open_text, overdue_text);
  /* Translators: details after the number of concerns: "(2 open)". */
  records[5].detail = g_strdup_printf (_("(%s)"), open_concerns_text);

  label_width = MAX (get_label_width (about, G_N_ELEMENTS (about)),
                     get_label_width (records, G_N_ELEMENTS (records)));
  print_rows (about, G_N_ELEMENTS (about), label_width, FALSE);
  g_print ("\n");
  print_rows (records, G_N_ELEMENTS (records), label_width, TRUE);

  clear_rows (about, G_N_ELEMENTS (about));
  clear_rows (records, G_N_ELEMENTS (records));

  return LIA_CLI_EXIT_OK;
}

/* A snippet on one line: the store keeps the text's own line breaks. */
static char *
flatten (const char *text)
{
  g_autoptr(GString) flat = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = TRUE;
          continue;
        }
      if (space && flat->len > 0)
        g_string_append_c (flat, ' ');
      space = FALSE;
      g_string_append_c (flat, *p);
    }

  return g_strdup (flat->str);
}

static int
run_search (const LiaCliCommand *command,
            int                  argc,
            char               **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *kind_name = NULL;
  g_autofree char *query = NULL;
  g_autofree char *parameter = NULL;
  g_autofree char *description = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  int limit = DEFAULT_SEARCH_LIMIT;
  int only_kind = -1;
  gboolean printed = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "limit", 'n', G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &limit,
      N_("Show at most N results of each kind (20 unless given)"), N_("N") },
    { "kind", 'k', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &kind_name,
      N_("Only search KIND: organization, contact, interaction, commitment or concern"), N_("KIND") },
    G_OPTION_ENTRY_NULL
  };

  /* Translators: the words to search for, in `liaison search --help`. */
  parameter = g_strdup (_("QUERY…"));
  description = g_strdup (_("Every word must match the beginning of a word in a name, title, note,\n"
                            "summary or outcome. Accents and case are ignored: “zur” finds “Zürich”.\n"
                            "Matches are shown between [ and ]."));

  if (!_lia_cli_parse_options (command, parameter, description, entries, argc, argv,
                               &database, &args, &status))
    return status;

  if (limit < 1)
    return _lia_cli_usage_error (command, _("--limit needs a number of 1 or more, not %d"), limit);

  if (kind_name != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (search_kinds); i++)
        {
          if (g_str_equal (kind_name, search_kinds[i].name))
            only_kind = (int) search_kinds[i].kind;
        }

      if (only_kind < 0)
        return _lia_cli_usage_error (command,
                                     _("“%s” is not a kind of record (expected organization, contact, "
                                       "interaction, commitment or concern)"),
                                     kind_name);
    }

  if (g_strv_length (args) < 2)
    return _lia_cli_usage_error (command, _("missing the words to search for"));

  query = g_strjoinv (" ", args + 1);
  g_strstrip (query);
  if (query[0] == '\0')
    return _lia_cli_usage_error (command, _("missing the words to search for"));

  store = _lia_cli_open_existing (database);
  if (store == NULL)
    return LIA_CLI_EXIT_FAILURE;

  results = lia_store_search (store, query, (guint) limit, &error);
  if (results == NULL)
    {
      _lia_cli_print_error ("%s", error->message);
      return LIA_CLI_EXIT_FAILURE;
    }

  for (guint k = 0; k < G_N_ELEMENTS (search_kinds); k++)
    {
      gboolean heading = FALSE;

      if (only_kind >= 0 && (int) search_kinds[k].kind != only_kind)
        continue;

      for (guint i = 0; i < results->len; i++)
        {
          LiaSearchResult *result = g_ptr_array_index (results, i);
          g_autofree char *snippet = NULL;
          g_autofree char *flat = NULL;

          if (lia_search_result_get_kind (result) != search_kinds[k].kind)
            continue;

          if (!heading)
            {
              if (printed)
                g_print ("\n");
              g_print ("%s\n", _(search_kinds[k].heading));
              heading = printed = TRUE;
            }

          g_print ("  %s (%s)\n", lia_search_result_get_title (result),
                   lia_search_result_get_uid (result));

          snippet = lia_search_result_format_snippet (result, "[", "]", FALSE);
          flat = flatten (snippet != NULL ? snippet : "");
          if (flat[0] != '\0')
            g_print ("    %s\n", flat);
        }
    }

  if (!printed)
    {
      g_print (_("No results for “%s”."), query);
      g_print ("\n");
    }

  return LIA_CLI_EXIT_OK;
}

static int
run_check (const LiaCliCommand *command,
           int                  argc,
           char               **argv)
{
  g_autofree char *database = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;
  int status;

  if (!_lia_cli_parse_options (command, "",
                               _("Checks that the database file or team server is intact and that the\n"
                                 "records follow Liaison’s rules. Exits with status 1 when it finds a\n"
                                 "problem."),
                               NULL, argc, argv, &database, &args, &status))
    return status;

  if (g_strv_length (args) > 1)
    return _lia_cli_usage_error (command, _("unexpected argument “%s”"), args[1]);

  store = _lia_cli_open_existing (database);
  if (store == NULL)
    return LIA_CLI_EXIT_FAILURE;

  path = lia_store_get_display_name (store);
  problems = lia_store_check (store, &error);
  if (problems == NULL)
    {
      _lia_cli_print_error ("%s", error->message);
      return LIA_CLI_EXIT_FAILURE;
    }

  if (problems->len == 0)
    {
      g_print (_("No problems found in “%s”."), path);
      g_print ("\n");
      return LIA_CLI_EXIT_OK;
    }

  for (guint i = 0; i < problems->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (problems, i));

  g_print (ngettext ("%u problem found in “%s”.", "%u problems found in “%s”.", problems->len),
           problems->len, path);
  g_print ("\n");

  return LIA_CLI_EXIT_FAILURE;
}

const LiaCliCommand _lia_cli_commands[] = {
  { "stats",  N_("Show how many records the database holds, and where it is"), run_stats },
  { "search", N_("Find organizations, contacts, interactions, commitments and concerns"), run_search },
  { "stakeholders", N_("List stakeholders with last contact, health and when they are due"), _lia_cli_run_stakeholders },
  { "as-of",  N_("Show who held which role at an organization on a given day"), _lia_cli_run_as_of },
  { "concerns", N_("List concerns, the most severe first"), _lia_cli_run_concerns },
  { "projects", N_("List projects with their progress and top risk"), _lia_cli_run_projects },
  { "risks",  N_("List the risks of every project, the highest score first"), _lia_cli_run_risks },
  { "check",  N_("Check the database for damage and broken rules"), run_check },
  { "changes", N_("Print who changed which record when, from the change log"), _lia_cli_run_changes },
  { "history", N_("Print which values of a record changed, from what to what, who and when"), _lia_cli_run_history },
  { "server", N_("Create or upgrade the team server's database, or show who is on it"), _lia_cli_run_server },
  { "import", N_("Import a partner directory, an xCard or a vCard file"), _lia_cli_run_import },
  { "export", N_("Export the database as a partner directory, as xCard or as vCard"), _lia_cli_run_export },
  { "briefing", N_("Write the briefing on an organization, a contact or a meeting as a PDF"), _lia_cli_run_briefing },
  { "help",   N_("Show help for a command"), _lia_cli_run_help },
  { NULL, NULL, NULL },
};
