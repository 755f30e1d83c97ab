/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-cli-private.h"
#include "lia-csv.h"
#include "lia-labels.h"
#include "lia-store-engagement.h"

/* `liaison stakeholders`, `liaison as-of` and `liaison concerns`: the engagement questions
 * ("whom have I not contacted in 90 days?", "who was the director in March 2023?") for
 * scripts, in text or CSV. Every command takes --today, so that a report can be made as of
 * any day. */

/* "MIN..MAX", "N" (exactly N), "MIN.." or "..MAX", each 0–5. */
static gboolean
parse_range (const LiaCliCommand *command,
             const char          *option,
             const char          *text,
             int                 *out_min,
             int                 *out_max,
             int                 *out_status)
{
  g_auto(GStrv) parts = NULL;
  gint64 values[2] = { 0, 5 };

  if (text == NULL)
    return TRUE;

  parts = g_strsplit (text, "..", 2);
  for (guint i = 0; i < 2; i++)
    {
      const char *part = parts[0] != NULL && parts[1] == NULL ? parts[0] : parts[i];

      if (part == NULL || (part[0] == '\0' && parts[1] != NULL))
        continue;
      if (!g_ascii_string_to_signed (part, 10, 0, 5, &values[i], NULL))
        {
          *out_status = _lia_cli_usage_error (command,
                                              _("%s needs a range of 0 to 5 such as 3..5, not “%s”"),
                                              option, text);
          return FALSE;
        }
    }

  if (values[0] > values[1])
    {
      *out_status = _lia_cli_usage_error (command, _("%s: the range “%s” is empty"), option, text);
      return FALSE;
    }

  *out_min = (int) values[0];
  *out_max = (int) values[1];
  return TRUE;
}

static char *
format_day (const GDate *day)
{
  return day != NULL ? lia_date_to_iso (day) : g_strdup ("");
}

static const struct {
  const char         *name;
  LiaStakeholderSort  sort;
} sorts[] = {
  { "name",         LIA_STAKEHOLDER_SORT_NAME },
  { "last-contact", LIA_STAKEHOLDER_SORT_LAST_CONTACT },
  { "influence",    LIA_STAKEHOLDER_SORT_INFLUENCE },
  { "interest",     LIA_STAKEHOLDER_SORT_INTEREST },
  { "health",       LIA_STAKEHOLDER_SORT_HEALTH },
  { "due",          LIA_STAKEHOLDER_SORT_DUE },
  { "stance",       LIA_STAKEHOLDER_SORT_STANCE },
};

static void
print_stakeholders (GPtrArray    *stakeholders,
                    LiaCliOutput output)
{
  if (output == LIA_CLI_OUTPUT_CSV)
    {
      g_autoptr(GString) out = g_string_new ("id,kind,name,influence,interest,stance,last_contact,"
                                             "health,cadence_days,due\r\n");

      for (guint i = 0; i < stakeholders->len; i++)
        {
          LiaStakeholder *s = stakeholders->pdata[i];
          g_autofree char *influence = g_strdup_printf ("%d", s->influence);
          g_autofree char *interest = g_strdup_printf ("%d", s->interest);
          g_autofree char *last = format_day (s->last_contact);
          g_autofree char *health = g_strdup_printf ("%d", s->health.score);
          g_autofree char *cadence = s->cadence_days > 0 ? g_strdup_printf ("%u", s->cadence_days)
                                                         : g_strdup ("");
          g_autofree char *due = format_day (s->next_contact);

          lia_csv_append_field (out, s->uid, FALSE);
          lia_csv_append_field (out, s->kind == LIA_RECORD_KIND_ORGANIZATION ? "organization" : "contact", FALSE);
          lia_csv_append_field (out, s->name, FALSE);
          lia_csv_append_field (out, influence, FALSE);
          lia_csv_append_field (out, interest, FALSE);
          lia_csv_append_field (out, lia_enum_to_nick (LIA_TYPE_STANCE, s->stance), FALSE);
          lia_csv_append_field (out, last, FALSE);
          lia_csv_append_field (out, health, FALSE);
          lia_csv_append_field (out, cadence, FALSE);
          lia_csv_append_field (out, due, TRUE);
        }
      g_print ("%s", out->str);
      return;
    }

  {
    const char *headings[] = {
      _("Name"), _("Kind"), _("Influence"), _("Interest"), _("Stance"),
      _("Last contact"), _("Health"), _("Due by"),
    };
    g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

    for (guint i = 0; i < stakeholders->len; i++)
      {
        LiaStakeholder *s = stakeholders->pdata[i];
        char **cells = g_new0 (char *, G_N_ELEMENTS (headings) + 1);
        g_autofree char *next = format_day (s->next_contact);

        cells[0] = g_strdup (s->name);
        cells[1] = g_strdup (s->kind == LIA_RECORD_KIND_ORGANIZATION ? _("Organization") : _("Contact"));
        cells[2] = s->influence > 0 ? g_strdup_printf ("%d", s->influence) : g_strdup ("–");
        cells[3] = s->interest > 0 ? g_strdup_printf ("%d", s->interest) : g_strdup ("–");
        cells[4] = g_strdup (lia_labels_stance (s->stance));
        cells[5] = s->last_contact != NULL ? lia_date_to_iso (s->last_contact) : g_strdup (_("never"));
        cells[6] = g_strdup_printf ("%d", s->health.score);
        /* Translators: "2026-12-01 (due)": the day contact is due by, and that it is due now. */
        cells[7] = s->next_contact == NULL ? g_strdup ("–")
                   : s->due ? g_strdup_printf (_("%s (due)"), next) : g_strdup (next);
        g_ptr_array_add (rows, cells);
      }

    if (rows->len == 0)
      g_print ("%s\n", _("No stakeholder matches."));
    else
      _lia_cli_print_table (headings, G_N_ELEMENTS (headings), rows);
  }
}

int
_lia_cli_run_stakeholders (const LiaCliCommand *command,
                           int                  argc,
                           char               **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *kind_name = NULL;
  g_autofree char *stance_names = NULL;
  g_autofree char *influence = NULL;
  g_autofree char *interest = NULL;
  g_autofree char *sector = NULL;
  g_autofree char *tag = NULL;
  g_autofree char *country = NULL;
  g_autofree char *sort_name = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GDate) today = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(GPtrArray) stakeholders = NULL;
  g_autoptr(GError) error = NULL;
  LiaStakeholderQuery query;
  LiaCliOutput output;
  int not_contacted = -1;
  gboolean due = FALSE;
  gboolean sorted = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "kind", 'k', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &kind_name,
      N_("Only organizations or only contacts"), N_("organization|contact") },
    { "stance", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &stance_names,
      N_("Only these stances: advocate, supportive, neutral, concerned, opposed, unknown"), N_("S[,S…]") },
    { "influence", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &influence,
      N_("Only an influence in this range (0 is not assessed)"), N_("MIN..MAX") },
    { "interest", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &interest,
      N_("Only an interest in this range (0 is not assessed)"), N_("MIN..MAX") },
    { "sector", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &sector,
      N_("Only this sector (a contact’s organization’s)"), N_("SECTOR") },
    { "tag", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &tag,
      N_("Only records with this tag"), N_("TAG") },
    { "country", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &country,
      N_("Only this country code (a contact’s organization’s)"), N_("CODE") },
    { "not-contacted", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &not_contacted,
      N_("Only those not in touch for more than DAYS days, or never"), N_("DAYS") },
    { "due", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &due,
      N_("Only those due for contact: their cadence lapses within a week"), NULL },
    { "sort", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &sort_name,
      N_("Order: name, last-contact, influence, interest, health, due or stance"), N_("ORDER") },
    { "today", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &today_text,
      N_("Report as of this day instead of today"), N_("YYYY-MM-DD") },
    { "format", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &format_name,
      N_("text (the default) or csv"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  description = g_strdup (_("Organizations and contacts with their assessment, last contact, relationship\n"
                            "health (0–100) and the day contact is due by. docs/engagement.md explains\n"
                            "the cadences and how health is worked out.\n"
                            "CSV columns: id,kind,name,influence,interest,stance,last_contact,health,\n"
                            "cadence_days,due"));

  if (!_lia_cli_parse_options (command, NULL, description, entries, argc, argv,
                               &database, &args, &status))
    return status;
  if (g_strv_length (args) > 1)
    return _lia_cli_usage_error (command, _("unexpected argument “%s”"), args[1]);

  lia_stakeholder_query_init (&query);

  if (kind_name != NULL)
    {
      if (g_str_equal (kind_name, "organization"))
        query.kinds = 1u << LIA_RECORD_KIND_ORGANIZATION;
      else if (g_str_equal (kind_name, "contact"))
        query.kinds = 1u << LIA_RECORD_KIND_CONTACT;
      else
        return _lia_cli_usage_error (command, _("--kind takes organization or contact, not “%s”"),
                                     kind_name);
    }
  if (!_lia_cli_parse_nicks (command, "--stance", LIA_TYPE_STANCE, stance_names, &query.stances, &status) ||
      !parse_range (command, "--influence", influence, &query.influence_min, &query.influence_max, &status) ||
      !parse_range (command, "--interest", interest, &query.interest_min, &query.interest_max, &status) ||
      !_lia_cli_parse_output (command, format_name, &output, &status))
    return status;
  if (today_text != NULL && !_lia_cli_parse_day (command, "--today", today_text, &today, &status))
    return status;
  if (not_contacted < -1)
    return _lia_cli_usage_error (command, _("--not-contacted needs a number of days of 0 or more"));
  if (sort_name != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
        if (g_str_equal (sort_name, sorts[i].name))
          {
            query.sort = sorts[i].sort;
            sorted = TRUE;
          }
      if (!sorted)
        return _lia_cli_usage_error (command,
                                     _("“%s” is not an order (expected name, last-contact, influence, "
                                       "interest, health, due or stance)"),
                                     sort_name);
    }

  query.sector = sector;
  query.tag = tag;
  query.country = country;
  query.not_contacted_days = not_contacted;
  query.due_only = due;
  query.today = today;

  store = _lia_cli_open_existing (database);
  if (store == NULL)
    return LIA_CLI_EXIT_FAILURE;

  stakeholders = lia_store_list_stakeholders (store, &query, &error);
  if (stakeholders == NULL)
    {
      _lia_cli_print_error ("%s", error->message);
      return LIA_CLI_EXIT_FAILURE;
    }

  print_stakeholders (stakeholders, output);
  return LIA_CLI_EXIT_OK;
}

int
_lia_cli_run_as_of (const LiaCliCommand *command,
                    int                  argc,
                    char               **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *organization_uid = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *parameter = NULL;
  g_autoptr(GDate) day = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(LiaRecord) organization = NULL;
  g_autoptr(GPtrArray) affiliations = NULL;
  g_autoptr(GError) error = NULL;
  LiaCliOutput output;
  int status;
  const GOptionEntry entries[] = {
    { "organization", 'o', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &organization_uid,
      N_("The organization, by its id in the partner directory"), N_("ID") },
    { "format", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &format_name,
      N_("text (the default) or csv"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  parameter = g_strdup ("YYYY-MM-DD");
  if (!_lia_cli_parse_options (command, parameter,
                               _("Who held which role at the organization on that day, from the\n"
                                 "affiliations’ dates. CSV columns: id,name,role,from,until"),
                               entries, argc, argv, &database, &args, &status))
    return status;

  if (g_strv_length (args) < 2)
    return _lia_cli_usage_error (command, _("missing the day, as YYYY-MM-DD"));
  if (g_strv_length (args) > 2)
    return _lia_cli_usage_error (command, _("unexpected argument “%s”"), args[2]);
  if (!_lia_cli_parse_day (command, _("the day"), args[1], &day, &status) ||
      !_lia_cli_parse_output (command, format_name, &output, &status))
    return status;
  if (organization_uid == NULL)
    return _lia_cli_usage_error (command, _("missing --organization ID"));

  store = _lia_cli_open_existing (database);
  if (store == NULL)
    return LIA_CLI_EXIT_FAILURE;

  organization = lia_store_load_by_uid (store, LIA_RECORD_KIND_ORGANIZATION, organization_uid, &error);
  if (organization == NULL)
    {
      if (g_error_matches (error, LIA_STORE_ERROR, LIA_STORE_ERROR_NOT_FOUND))
        _lia_cli_print_error (_("there is no organization with the id “%s”"), organization_uid);
      else
        _lia_cli_print_error ("%s", error->message);
      return LIA_CLI_EXIT_FAILURE;
    }

  affiliations = lia_store_list_affiliations_for_organization (store, lia_record_get_id (organization),
                                                              day, &error);
  if (affiliations == NULL)
    {
      _lia_cli_print_error ("%s", error->message);
      return LIA_CLI_EXIT_FAILURE;
    }

  {
    g_autoptr(GString) csv = g_string_new ("id,name,role,from,until\r\n");
    g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
    const char *headings[] = { _("Name"), _("Role"), _("From"), _("Until") };

    for (guint i = 0; i < affiliations->len; i++)
      {
        LiaAffiliation *affiliation = affiliations->pdata[i];
        g_autoptr(LiaRecord) contact = lia_store_load (store, LIA_RECORD_KIND_CONTACT,
                                                       lia_affiliation_get_contact_id (affiliation),
                                                       &error);
        g_autofree char *from = format_day (lia_affiliation_get_from (affiliation));
        g_autofree char *until = format_day (lia_affiliation_get_until (affiliation));
        const char *name;

        if (contact == NULL)
          {
            _lia_cli_print_error ("%s", error->message);
            return LIA_CLI_EXIT_FAILURE;
          }
        name = lia_record_get_label (contact);

        if (output == LIA_CLI_OUTPUT_CSV)
          {
            lia_csv_append_field (csv, lia_record_get_uid (contact), FALSE);
            lia_csv_append_field (csv, name, FALSE);
            lia_csv_append_field (csv, lia_affiliation_get_role (affiliation), FALSE);
            lia_csv_append_field (csv, from, FALSE);
            lia_csv_append_field (csv, until, TRUE);
          }
        else
          {
            char **cells = g_new0 (char *, G_N_ELEMENTS (headings) + 1);

            cells[0] = g_strdup (name);
            cells[1] = g_strdup (lia_affiliation_get_role (affiliation));
            cells[2] = from[0] != '\0' ? g_strdup (from) : g_strdup ("–");
            cells[3] = until[0] != '\0' ? g_strdup (until) : g_strdup ("–");
            g_ptr_array_add (rows, cells);
          }
      }

    if (output == LIA_CLI_OUTPUT_CSV)
      g_print ("%s", csv->str);
    else if (rows->len == 0)
      {
        g_autofree char *iso = lia_date_to_iso (day);

        /* Translators: "Nobody was with Ministry of Health on 2023-03-01." */
        g_print (_("Nobody was with %s on %s."), lia_record_get_label (organization), iso);
        g_print ("\n");
      }
    else
      _lia_cli_print_table (headings, G_N_ELEMENTS (headings), rows);
  }

  return LIA_CLI_EXIT_OK;
}

static char *
concern_parties (LiaStore   *store,
                 LiaConcern *concern)
{
  GListModel *parties = lia_concern_get_parties (concern);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (parties); i++)
    {
      g_autoptr(LiaConcernParty) party = g_list_model_get_item (parties, i);
      gint64 contact_id = lia_concern_party_get_contact_id (party);
      g_autoptr(LiaRecord) record =
        contact_id > 0 ? lia_store_load (store, LIA_RECORD_KIND_CONTACT, contact_id, NULL)
                       : lia_store_load (store, LIA_RECORD_KIND_ORGANIZATION,
                                         lia_concern_party_get_organization_id (party), NULL);

      if (record == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append (text, lia_record_get_label (record));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

int
_lia_cli_run_concerns (const LiaCliCommand *command,
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
  g_autoptr(GPtrArray) concerns = NULL;
  g_autoptr(GError) error = NULL;
  LiaCliOutput output;
  guint statuses = 0;
  int status;
  const GOptionEntry entries[] = {
    { "status", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &status_names,
      N_("Only these: open, mediating, resolved, closed (open and mediating unless given)"), N_("S[,S…]") },
    { "today", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &today_text,
      N_("Count the days open up to this day instead of today"), N_("YYYY-MM-DD") },
    { "format", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &format_name,
      N_("text (the default) or csv"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  if (!_lia_cli_parse_options (command, NULL,
                               _("Concerns, the most severe first, with their parties and how long\n"
                                 "they have been open. CSV columns: id,title,severity,status,opened,\n"
                                 "resolved,days_open,parties"),
                               entries, argc, argv, &database, &args, &status))
    return status;
  if (g_strv_length (args) > 1)
    return _lia_cli_usage_error (command, _("unexpected argument “%s”"), args[1]);
  if (!_lia_cli_parse_nicks (command, "--status", LIA_TYPE_CONCERN_STATUS, status_names, &statuses, &status) ||
      !_lia_cli_parse_output (command, format_name, &output, &status))
    return status;
  if (today_text != NULL && !_lia_cli_parse_day (command, "--today", today_text, &today, &status))
    return status;
  if (today == NULL)
    today = lia_date_new_today ();
  if (status_names == NULL)
    statuses = (1u << LIA_CONCERN_STATUS_OPEN) | (1u << LIA_CONCERN_STATUS_MEDIATING);

  store = _lia_cli_open_existing (database);
  if (store == NULL)
    return LIA_CLI_EXIT_FAILURE;

  concerns = lia_store_list_concerns (store, statuses, &error);
  if (concerns == NULL)
    {
      _lia_cli_print_error ("%s", error->message);
      return LIA_CLI_EXIT_FAILURE;
    }

  {
    g_autoptr(GString) csv = g_string_new ("id,title,severity,status,opened,resolved,days_open,parties\r\n");
    g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
    const char *headings[] = { _("Concern"), _("Severity"), _("Status"), _("Days open"), _("Parties") };

    for (guint i = 0; i < concerns->len; i++)
      {
        LiaConcern *concern = concerns->pdata[i];
        const GDate *opened = lia_concern_get_opened (concern);
        const GDate *resolved = lia_concern_get_resolved (concern);
        const char *severity = lia_enum_to_nick (LIA_TYPE_SEVERITY, lia_concern_get_severity (concern));
        const char *state = lia_enum_to_nick (LIA_TYPE_CONCERN_STATUS, lia_concern_get_status (concern));
        g_autofree char *opened_text = format_day (opened);
        g_autofree char *resolved_text = format_day (resolved);
        g_autofree char *parties = concern_parties (store, concern);
        g_autofree char *days = NULL;

        /* Open until it was resolved, or until today. */
        if (opened != NULL)
          days = g_strdup_printf ("%d", MAX (0, g_date_days_between (opened, resolved != NULL ? resolved : today)));
        else
          days = g_strdup ("");

        if (output == LIA_CLI_OUTPUT_CSV)
          {
            lia_csv_append_field (csv, lia_record_get_uid (LIA_RECORD (concern)), FALSE);
            lia_csv_append_field (csv, lia_concern_get_title (concern), FALSE);
            lia_csv_append_field (csv, severity, FALSE);
            lia_csv_append_field (csv, state, FALSE);
            lia_csv_append_field (csv, opened_text, FALSE);
            lia_csv_append_field (csv, resolved_text, FALSE);
            lia_csv_append_field (csv, days, FALSE);
            lia_csv_append_field (csv, parties, TRUE);
          }
        else
          {
            char **cells = g_new0 (char *, G_N_ELEMENTS (headings) + 1);

            cells[0] = g_strdup (lia_concern_get_title (concern));
            cells[1] = g_strdup (lia_labels_severity (lia_concern_get_severity (concern)));
            cells[2] = g_strdup (lia_labels_concern_status (lia_concern_get_status (concern)));
            cells[3] = days[0] != '\0' ? g_strdup (days) : g_strdup ("–");
            cells[4] = g_strdup (parties);
            g_ptr_array_add (rows, cells);
          }
      }

    if (output == LIA_CLI_OUTPUT_CSV)
      g_print ("%s", csv->str);
    else if (rows->len == 0)
      g_print ("%s\n", _("No concern matches."));
    else
      _lia_cli_print_table (headings, G_N_ELEMENTS (headings), rows);
  }

  return LIA_CLI_EXIT_OK;
}
