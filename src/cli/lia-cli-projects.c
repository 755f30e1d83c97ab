/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lia-cli-private.h"
#include "lia-csv.h"
#include "lia-store-bulk.h"

/* `liaison projects` and `liaison risks`: the projects with their progress, and the risk
 * register across projects. Ids are the partner directory's. */

static gboolean
collect_cb (LiaRecord  *record,
            gpointer    user_data,
            GError    **error)
{
  g_ptr_array_add (user_data, g_object_ref (record));
  return TRUE;
}

static int
compare_projects (gconstpointer a,
                  gconstpointer b)
{
  LiaProject *pa = *(LiaProject **) a;
  LiaProject *pb = *(LiaProject **) b;
  int by_name = g_utf8_collate (lia_project_get_name (pa), lia_project_get_name (pb));

  if (by_name != 0)
    return by_name;
  return strcmp (lia_record_get_uid (LIA_RECORD (pa)), lia_record_get_uid (LIA_RECORD (pb)));
}

/* Every project, by name. */
static GPtrArray *
load_projects (LiaStore  *store,
               GError   **error)
{
  g_autoptr(GPtrArray) projects = g_ptr_array_new_with_free_func (g_object_unref);

  if (!lia_store_foreach_record (store, LIA_RECORD_KIND_PROJECT, FALSE, collect_cb, projects, error))
    return NULL;
  g_ptr_array_sort (projects, compare_projects);
  return g_steal_pointer (&projects);
}

/* Opens the database and loads every project; says why and returns %NULL when it cannot. */
static LiaStore *
open_projects (const char  *database,
               GPtrArray  **out_projects)
{
  g_autoptr(LiaStore) store = _lia_cli_open_existing (database);
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    return NULL;
  if (!(*out_projects = load_projects (store, &error)))
    {
      _lia_cli_print_error ("%s", error->message);
      return NULL;
    }

  return g_steal_pointer (&store);
}

/* The open milestone due first on or after @today, or %NULL. */
static LiaMilestone *
next_milestone (LiaProject  *project,
                const GDate *today)
{
  GListModel *milestones = lia_project_get_milestones (project);
  LiaMilestone *next = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (milestones); i++)
    {
      g_autoptr(LiaMilestone) milestone = g_list_model_get_item (milestones, i);
      const GDate *due = lia_milestone_get_due (milestone);

      if (lia_milestone_get_status (milestone) != LIA_MILESTONE_STATUS_OPEN || due == NULL ||
          g_date_compare (due, today) < 0)
        continue;
      if (next == NULL || g_date_compare (due, lia_milestone_get_due (next)) < 0)
        next = milestone;
    }

  return next;
}

static void
count_risks (LiaProject *project,
             guint      *out_open,
             int        *out_top)
{
  GListModel *risks = lia_project_get_risks (project);

  *out_open = 0;
  *out_top = 0;
  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(LiaRisk) risk = g_list_model_get_item (risks, i);

      if (!lia_risk_is_open (risk))
        continue;
      (*out_open)++;
      *out_top = MAX (*out_top, lia_risk_get_score (risk));
    }
}

int
_lia_cli_run_projects (const LiaCliCommand *command,
                       int                  argc,
                       char               **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *status_names = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *today_text = NULL;
  g_autoptr(GDate) today = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(GPtrArray) projects = NULL;
  g_autoptr(GString) csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  LiaCliOutput output;
  guint statuses = 0;
  int status;
  const char *headings[] = {
    _("Project"), _("Status"), _("Milestones"), _("Overdue"), _("Open risks"), _("Top risk"),
    _("Next milestone"),
  };
  const GOptionEntry entries[] = {
    { "status", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &status_names,
      N_("Only these: planned, active, on-hold, completed, cancelled (all unless given)"), N_("S[,S…]") },
    { "today", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &today_text,
      N_("Count overdue and next milestones as of this day instead of today"), N_("YYYY-MM-DD") },
    { "format", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &format_name,
      N_("text (the default) or csv"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  if (!_lia_cli_parse_options (command, NULL,
                               _("Projects by name, with their milestones done, overdue milestones\n"
                                 "(open and due before today), open risks (open or mitigating) and the\n"
                                 "highest score among them, and the next open milestone. CSV columns:\n"
                                 "id,name,status,milestones_done,milestones_total,overdue_milestones,\n"
                                 "open_risks,top_risk_score,next_milestone"),
                               entries, argc, argv, &database, &args, &status))
    return status;
  if (g_strv_length (args) > 1)
    return _lia_cli_usage_error (command, _("unexpected argument “%s”"), args[1]);
  if (!_lia_cli_parse_nicks (command, "--status", LIA_TYPE_PROJECT_STATUS, status_names, &statuses, &status) ||
      !_lia_cli_parse_output (command, format_name, &output, &status))
    return status;
  if (today_text != NULL && !_lia_cli_parse_day (command, "--today", today_text, &today, &status))
    return status;
  if (today == NULL)
    today = lia_date_new_today ();

  if (!(store = open_projects (database, &projects)))
    return LIA_CLI_EXIT_FAILURE;

  csv = g_string_new ("id,name,status,milestones_done,milestones_total,overdue_milestones,"
                      "open_risks,top_risk_score,next_milestone\r\n");
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < projects->len; i++)
    {
      LiaProject *project = projects->pdata[i];
      LiaMilestone *next = next_milestone (project, today);
      g_autofree char *next_text = NULL;
      g_autofree char *done_text = NULL;
      g_autofree char *total_text = NULL;
      g_autofree char *overdue_text = NULL;
      g_autofree char *open_text = NULL;
      g_autofree char *top_text = NULL;
      guint done, total, overdue, open;
      int top;

      if (status_names != NULL && !(statuses & (1u << lia_project_get_status (project))))
        continue;

      lia_project_count_milestones (project, today, &done, &total, &overdue);
      count_risks (project, &open, &top);
      done_text = g_strdup_printf ("%u", done);
      total_text = g_strdup_printf ("%u", total);
      overdue_text = g_strdup_printf ("%u", overdue);
      open_text = g_strdup_printf ("%u", open);
      top_text = top > 0 ? g_strdup_printf ("%d", top) : g_strdup ("");
      if (next != NULL)
        {
          g_autofree char *due = lia_date_to_iso (lia_milestone_get_due (next));

          next_text = g_strdup_printf ("%s %s", due, lia_milestone_get_title (next));
        }

      if (output == LIA_CLI_OUTPUT_CSV)
        {
          lia_csv_append_field (csv, lia_record_get_uid (LIA_RECORD (project)), FALSE);
          lia_csv_append_field (csv, lia_project_get_name (project), FALSE);
          lia_csv_append_field (csv, lia_enum_to_nick (LIA_TYPE_PROJECT_STATUS, lia_project_get_status (project)), FALSE);
          lia_csv_append_field (csv, done_text, FALSE);
          lia_csv_append_field (csv, total_text, FALSE);
          lia_csv_append_field (csv, overdue_text, FALSE);
          lia_csv_append_field (csv, open_text, FALSE);
          lia_csv_append_field (csv, top_text, FALSE);
          lia_csv_append_field (csv, next_text, TRUE);
        }
      else
        {
          char **cells = g_new0 (char *, G_N_ELEMENTS (headings) + 1);

          cells[0] = g_strdup (lia_project_get_name (project));
          cells[1] = g_strdup (lia_labels_project_status (lia_project_get_status (project)));
          /* Translators: milestones done of all, e.g. "1 of 4". */
          cells[2] = g_strdup_printf (_("%u of %u"), done, total);
          cells[3] = overdue > 0 ? g_steal_pointer (&overdue_text) : g_strdup ("–");
          cells[4] = g_steal_pointer (&open_text);
          cells[5] = top > 0 ? g_steal_pointer (&top_text) : g_strdup ("–");
          cells[6] = next_text != NULL ? g_steal_pointer (&next_text) : g_strdup ("–");
          g_ptr_array_add (rows, cells);
        }
    }

  if (output == LIA_CLI_OUTPUT_CSV)
    g_print ("%s", csv->str);
  else if (rows->len == 0)
    g_print ("%s\n", _("No project matches."));
  else
    _lia_cli_print_table (headings, G_N_ELEMENTS (headings), rows);

  return LIA_CLI_EXIT_OK;
}

typedef struct
{
  LiaProject *project;
  LiaRisk    *risk;
} RiskRow;

static int
compare_risks (gconstpointer a,
               gconstpointer b)
{
  const RiskRow *ra = a;
  const RiskRow *rb = b;
  int by_title;

  if (lia_risk_get_score (ra->risk) != lia_risk_get_score (rb->risk))
    return lia_risk_get_score (rb->risk) - lia_risk_get_score (ra->risk);
  by_title = g_utf8_collate (lia_risk_get_title (ra->risk), lia_risk_get_title (rb->risk));
  if (by_title != 0)
    return by_title;
  return strcmp (lia_record_get_uid (LIA_RECORD (ra->project)),
                 lia_record_get_uid (LIA_RECORD (rb->project)));
}

/* The contact's uid (for CSV) or name (for text), "" for none. */
static char *
owner_text (LiaStore      *store,
            gint64         id,
            LiaCliOutput   output,
            GError       **error)
{
  g_autoptr(LiaRecord) contact = NULL;

  if (id <= 0)
    return g_strdup ("");
  if (!(contact = lia_store_load (store, LIA_RECORD_KIND_CONTACT, id, error)))
    return NULL;
  return g_strdup (output == LIA_CLI_OUTPUT_CSV ? lia_record_get_uid (contact)
                                                : lia_record_get_label (contact));
}

static gboolean
print_risks (LiaStore      *store,
             GArray        *risks,
             LiaCliOutput   output,
             GError       **error)
{
  g_autoptr(GString) csv = g_string_new ("id,project,title,likelihood,impact,score,status,owner,review\r\n");
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *headings[] = {
    _("Risk"), _("Project"), _("Likelihood"), _("Impact"), _("Score"), _("Status"), _("Owner"),
    _("Review"),
  };

  for (guint i = 0; i < risks->len; i++)
    {
      const RiskRow *row = &g_array_index (risks, RiskRow, i);
      LiaRisk *risk = row->risk;
      g_autofree char *owner = owner_text (store, lia_risk_get_owner_id (risk), output, error);
      g_autofree char *review = lia_date_to_iso (lia_risk_get_review (risk));
      char *numbers[3];

      if (owner == NULL)
        return FALSE;
      numbers[0] = g_strdup_printf ("%d", lia_risk_get_likelihood (risk));
      numbers[1] = g_strdup_printf ("%d", lia_risk_get_impact (risk));
      numbers[2] = g_strdup_printf ("%d", lia_risk_get_score (risk));

      if (output == LIA_CLI_OUTPUT_CSV)
        {
          lia_csv_append_field (csv, lia_risk_get_uid (risk), FALSE);
          lia_csv_append_field (csv, lia_record_get_uid (LIA_RECORD (row->project)), FALSE);
          lia_csv_append_field (csv, lia_risk_get_title (risk), FALSE);
          for (guint n = 0; n < G_N_ELEMENTS (numbers); n++)
            {
              lia_csv_append_field (csv, numbers[n], FALSE);
              g_free (numbers[n]);
            }
          lia_csv_append_field (csv, lia_enum_to_nick (LIA_TYPE_RISK_STATUS, lia_risk_get_status (risk)), FALSE);
          lia_csv_append_field (csv, owner, FALSE);
          lia_csv_append_field (csv, review, TRUE);
        }
      else
        {
          char **cells = g_new0 (char *, G_N_ELEMENTS (headings) + 1);

          cells[0] = g_strdup (lia_risk_get_title (risk));
          cells[1] = g_strdup (lia_project_get_name (row->project));
          cells[2] = numbers[0];
          cells[3] = numbers[1];
          cells[4] = numbers[2];
          cells[5] = g_strdup (lia_labels_risk_status (lia_risk_get_status (risk)));
          cells[6] = owner[0] != '\0' ? g_steal_pointer (&owner) : g_strdup ("–");
          cells[7] = review != NULL ? g_steal_pointer (&review) : g_strdup ("–");
          g_ptr_array_add (rows, cells);
        }
    }

  if (output == LIA_CLI_OUTPUT_CSV)
    g_print ("%s", csv->str);
  else if (rows->len == 0)
    g_print ("%s\n", _("No risk matches."));
  else
    _lia_cli_print_table (headings, G_N_ELEMENTS (headings), rows);

  return TRUE;
}

int
_lia_cli_run_risks (const LiaCliCommand *command,
                    int                  argc,
                    char               **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *project_uid = NULL;
  g_autofree char *status_names = NULL;
  g_autofree char *format_name = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(GPtrArray) projects = NULL;
  g_autoptr(GArray) risks = g_array_new (FALSE, FALSE, sizeof (RiskRow));
  g_autoptr(GError) error = NULL;
  LiaCliOutput output;
  guint statuses = 0;
  int min_score = 0;
  gboolean found = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "project", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &project_uid,
      N_("Only the risks of this project (its id in partner directories)"), N_("ID") },
    { "min-score", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &min_score,
      N_("Only risks scoring at least N (likelihood × impact, 1 to 25)"), N_("N") },
    { "status", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &status_names,
      N_("Only these: open, mitigating, closed, occurred (all unless given)"), N_("S[,S…]") },
    { "format", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &format_name,
      N_("text (the default) or csv"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  if (!_lia_cli_parse_options (command, NULL,
                               _("The risk register of every project, the highest score first (score =\n"
                                 "likelihood × impact), then by title. CSV columns: id,project,title,\n"
                                 "likelihood,impact,score,status,owner,review"),
                               entries, argc, argv, &database, &args, &status))
    return status;
  if (g_strv_length (args) > 1)
    return _lia_cli_usage_error (command, _("unexpected argument “%s”"), args[1]);
  if (min_score < 0 || min_score > 25)
    return _lia_cli_usage_error (command, _("--min-score needs a number from 1 to 25, not %d"), min_score);
  if (!_lia_cli_parse_nicks (command, "--status", LIA_TYPE_RISK_STATUS, status_names, &statuses, &status) ||
      !_lia_cli_parse_output (command, format_name, &output, &status))
    return status;

  if (!(store = open_projects (database, &projects)))
    return LIA_CLI_EXIT_FAILURE;

  for (guint i = 0; i < projects->len; i++)
    {
      LiaProject *project = projects->pdata[i];
      GListModel *list = lia_project_get_risks (project);

      if (project_uid != NULL && !g_str_equal (project_uid, lia_record_get_uid (LIA_RECORD (project))))
        continue;
      found = TRUE;

      for (guint r = 0; r < g_list_model_get_n_items (list); r++)
        {
          g_autoptr(LiaRisk) risk = g_list_model_get_item (list, r);
          RiskRow row = { project, risk };

          if (lia_risk_get_score (risk) < min_score ||
              (status_names != NULL && !(statuses & (1u << lia_risk_get_status (risk)))))
            continue;
          /* The project's list keeps the risk alive as long as @projects. */
          g_array_append_val (risks, row);
        }
    }

  if (project_uid != NULL && !found)
    {
      _lia_cli_print_error (_("There is no project with the id “%s”."), project_uid);
      return LIA_CLI_EXIT_FAILURE;
    }

  g_array_sort (risks, compare_risks);
  if (!print_risks (store, risks, output, &error))
    {
      _lia_cli_print_error ("%s", error->message);
      return LIA_CLI_EXIT_FAILURE;
    }

  return LIA_CLI_EXIT_OK;
}
