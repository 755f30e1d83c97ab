/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-briefing"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-briefing-builder-private.h"

/* The project status report: progress (milestones done and overdue), the risk register as a
 * heat map and a table by score, the stakeholders with their roles and stance, the project's
 * recent interactions, its open commitments both ways and its open concerns. */

#define OVERDUE_COLOR "#9b1c1c"

static char *
join_nonblank (const char * const *parts,
               const char         *separator)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (!lia_text_is_blank (parts[i]))
      g_ptr_array_add (kept, (gpointer) parts[i]);
  g_ptr_array_add (kept, NULL);
  return g_strjoinv (separator, (char **) kept->pdata);
}

static char *
format_period (LiaProject *project)
{
  const GDate *start_date = lia_project_get_start (project);
  const GDate *end_date = lia_project_get_end (project);
  g_autofree char *start = start_date != NULL ? _lia_briefing_format_date (start_date) : NULL;
  g_autofree char *end = end_date != NULL ? _lia_briefing_format_date (end_date) : NULL;

  if (start != NULL && end != NULL)
    /* Translators: the dates of a project, e.g. "1 January 2026 to 31 December 2026". */
    return g_strdup_printf (_("%s to %s"), start, end);
  if (start != NULL)
    /* Translators: a project without an end date, e.g. "from 1 January 2026". */
    return g_strdup_printf (_("from %s"), start);
  if (end != NULL)
    /* Translators: a project without a start date, e.g. "until 31 December 2026". */
    return g_strdup_printf (_("until %s"), end);
  return g_strdup ("");
}

static void
add_progress (LiaBriefingBuilder *self,
              LiaProject         *project)
{
  GListModel *milestones = lia_project_get_milestones (project);
  guint n = g_list_model_get_n_items (milestones);
  g_autofree char *period = format_period (project);
  g_autofree char *counts = NULL;
  guint done, total, overdue;

  lia_project_count_milestones (project, self->today, &done, &total, &overdue);

  lia_briefing_document_add_heading (self->document, 1, _("Progress"));
  _lia_briefing_add_field_text (self, _("Status"), lia_labels_project_status (lia_project_get_status (project)));
  _lia_briefing_add_field_text (self, _("Dates"), period);
  _lia_briefing_add_field_text (self, _("Owner"), lia_project_get_owner (project));
  if (total > 0)
    {
      if (overdue > 0)
        /* Translators: progress of a project, e.g. "2 of 5 done, 1 overdue". */
        counts = g_strdup_printf (ngettext ("%u of %u done, %u overdue",
                                            "%u of %u done, %u overdue", total),
                                  done, total, overdue);
      else
        /* Translators: progress of a project, e.g. "2 of 5 done". */
        counts = g_strdup_printf (ngettext ("%u of %u done", "%u of %u done", total),
                                  done, total);
      _lia_briefing_add_field_text (self, _("Milestones"), counts);
    }
  _lia_briefing_add_user_text (self, LIA_BRIEFING_STYLE_BODY, NULL, lia_project_get_summary (project));

  if (n == 0)
    {
      _lia_briefing_add_detail (self, _("No milestones recorded."));
      return;
    }

  {
    const char *headers[] = { _("Milestone"), _("Due"), _("Status"), _("Done on") };
    const double widths[] = { 2.6, 1, 1, 1 };

    lia_briefing_document_begin_table (self->document, G_N_ELEMENTS (headers), headers, widths);
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(LiaMilestone) milestone = g_list_model_get_item (milestones, i);
        g_autofree char *title = _lia_briefing_escape (lia_milestone_get_title (milestone));
        g_autofree char *due = _lia_briefing_format_short_date (lia_milestone_get_due (milestone));
        g_autofree char *done_on = _lia_briefing_format_short_date (lia_milestone_get_done (milestone));
        g_autofree char *state = NULL;
        const char *cells[4];

        if (lia_milestone_is_overdue (milestone, self->today))
          state = g_markup_printf_escaped ("<span foreground=\"" OVERDUE_COLOR "\" weight=\"bold\">%s</span>",
                                           _("Overdue"));
        else
          state = _lia_briefing_escape (lia_labels_milestone_status (lia_milestone_get_status (milestone)));

        cells[0] = title;
        cells[1] = due != NULL ? due : "–";
        cells[2] = state;
        cells[3] = done_on != NULL ? done_on : "–";
        lia_briefing_document_add_row (self->document, cells);
      }
  }
}

static int
compare_risks (gconstpointer a,
               gconstpointer b)
{
  LiaRisk *ra = *(LiaRisk **) a;
  LiaRisk *rb = *(LiaRisk **) b;

  if (lia_risk_get_score (ra) != lia_risk_get_score (rb))
    return lia_risk_get_score (rb) - lia_risk_get_score (ra);
  return g_utf8_collate (lia_risk_get_title (ra), lia_risk_get_title (rb));
}

static gboolean
add_risks (LiaBriefingBuilder  *self,
           LiaProject          *project,
           GError             **error)
{
  GListModel *list = lia_project_get_risks (project);
  g_autoptr(GPtrArray) risks = g_ptr_array_new_with_free_func (g_object_unref);
  guint counts[25] = { 0, };
  guint n_open = 0;
  const char *headers[] = { _("Risk"), _("L"), _("I"), _("Score"), _("Status"), _("Owner"), _("Review") };
  const double widths[] = { 3.2, 0.35, 0.35, 0.6, 1, 1.3, 0.95 };

  lia_briefing_document_add_heading (self->document, 1, _("Risks"));

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      LiaRisk *risk = g_list_model_get_item (list, i);

      g_ptr_array_add (risks, risk);
      if (lia_risk_is_open (risk))
        {
          counts[(lia_risk_get_likelihood (risk) - 1) * 5 + lia_risk_get_impact (risk) - 1]++;
          n_open++;
        }
    }

  if (risks->len == 0)
    {
      _lia_briefing_add_detail (self, _("No risks recorded."));
      return TRUE;
    }

  {
    /* Translators: under the risk heat map. */
    g_autofree char *count = g_strdup_printf (ngettext ("The number in a cell is how many risks, open or being mitigated, have that likelihood and impact; this project has %u.",
                                                        "The number in a cell is how many risks, open or being mitigated, have that likelihood and impact; this project has %u.",
                                                        n_open),
                                              n_open);
    g_autofree char *formatted = g_markup_printf_escaped ("%s\n%s", count,
                                                          /* Translators: what the shades of the heat map mean. */
                                                          _("Shades by score (likelihood × impact): 15–25 severe, 10–14 high, 5–9 medium, 1–4 low."));

    lia_briefing_document_add_heat_map (self->document, counts, _("Likelihood"), _("Impact"), formatted);
  }

  g_ptr_array_sort (risks, compare_risks);
  lia_briefing_document_begin_table (self->document, G_N_ELEMENTS (headers), headers, widths);
  for (guint i = 0; i < risks->len; i++)
    {
      LiaRisk *risk = risks->pdata[i];
      g_autoptr(GString) what = g_string_new (NULL);
      g_autofree char *likelihood = g_strdup_printf ("%d", lia_risk_get_likelihood (risk));
      g_autofree char *impact = g_strdup_printf ("%d", lia_risk_get_impact (risk));
      g_autofree char *score = g_strdup_printf ("<b>%d</b>", lia_risk_get_score (risk));
      g_autofree char *state = _lia_briefing_escape (lia_labels_risk_status (lia_risk_get_status (risk)));
      g_autofree char *owner = NULL;
      g_autofree char *review = NULL;
      const GDate *review_date = lia_risk_get_review (risk);
      const char *cells[7];

      {
        g_autofree char *title = _lia_briefing_escape (lia_risk_get_title (risk));

        g_string_append (what, title);
      }
      if (!lia_text_is_blank (lia_risk_get_mitigation (risk)))
        {
          g_autofree char *mitigation = g_markup_printf_escaped ("\n<span size=\"small\" foreground=\"#5c6670\">%s %s</span>",
                                                                 _("Mitigation:"),
                                                                 lia_risk_get_mitigation (risk));

          g_string_append (what, mitigation);
        }

      if (lia_risk_get_owner_id (risk) > 0)
        {
          const char *name = _lia_briefing_contact_name (self, lia_risk_get_owner_id (risk), error);

          if (name == NULL)
            return FALSE;
          owner = _lia_briefing_escape (name);
        }

      if (review_date != NULL)
        {
          g_autofree char *day = _lia_briefing_format_short_date (review_date);

          /* A review date that has passed on a risk still open is due. */
          if (lia_risk_is_open (risk) && g_date_compare (review_date, self->today) < 0)
            review = g_markup_printf_escaped ("<span foreground=\"" OVERDUE_COLOR "\" weight=\"bold\">%s</span>", day);
          else
            review = _lia_briefing_escape (day);
        }

      cells[0] = what->str;
      cells[1] = likelihood;
      cells[2] = impact;
      cells[3] = score;
      cells[4] = state;
      cells[5] = owner != NULL ? owner : "–";
      cells[6] = review != NULL ? review : "–";
      lia_briefing_document_add_row (self->document, cells);
    }

  return TRUE;
}

static gboolean
add_stakeholders (LiaBriefingBuilder  *self,
                  LiaProject          *project,
                  GError             **error)
{
  GListModel *stakeholders = lia_project_get_stakeholders (project);
  guint n = g_list_model_get_n_items (stakeholders);
  const char *headers[] = { _("Stakeholder"), _("Role"), _("Stance"), _("Influence"), _("Interest") };
  const double widths[] = { 2.4, 1.6, 1.1, 0.9, 0.9 };

  lia_briefing_document_add_heading (self->document, 1, _("Stakeholders"));
  if (n == 0)
    {
      _lia_briefing_add_detail (self, _("No stakeholders recorded."));
      return TRUE;
    }

  lia_briefing_document_begin_table (self->document, G_N_ELEMENTS (headers), headers, widths);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaProjectStakeholder) stakeholder = g_list_model_get_item (stakeholders, i);
      gint64 contact_id = lia_project_stakeholder_get_contact_id (stakeholder);
      LiaRecordKind kind = contact_id > 0 ? LIA_RECORD_KIND_CONTACT : LIA_RECORD_KIND_ORGANIZATION;
      gint64 id = contact_id > 0 ? contact_id : lia_project_stakeholder_get_organization_id (stakeholder);
      g_autoptr(LiaRecord) record = lia_store_load (self->store, kind, id, error);
      LiaAssessment *assessment;
      g_autofree char *name = NULL;
      g_autofree char *role = NULL;
      g_autofree char *stance = NULL;
      g_autofree char *influence = NULL;
      g_autofree char *interest = NULL;
      const char *cells[5];

      if (record == NULL)
        return FALSE;
      assessment = LIA_IS_CONTACT (record) ? lia_contact_get_assessment (LIA_CONTACT (record))
                                           : lia_organization_get_assessment (LIA_ORGANIZATION (record));
      name = _lia_briefing_escape (lia_record_get_label (record));
      role = _lia_briefing_escape (lia_project_stakeholder_get_role (stakeholder));
      stance = _lia_briefing_escape (lia_labels_stance (lia_assessment_get_stance (assessment)));
      influence = lia_labels_format_scale (lia_assessment_get_influence (assessment));
      interest = lia_labels_format_scale (lia_assessment_get_interest (assessment));

      cells[0] = name;
      cells[1] = role[0] != '\0' ? role : "–";
      cells[2] = stance;
      cells[3] = influence;
      cells[4] = interest;
      lia_briefing_document_add_row (self->document, cells);
    }

  return TRUE;
}

/* Linked records of @kind, loaded; @keep decides which stay. */
static GPtrArray *
load_linked (LiaBriefingBuilder  *self,
             LiaProject          *project,
             LiaRecordKind        kind,
             gboolean           (*keep) (LiaRecord *record, const GDate *today),
             GError             **error)
{
  const GArray *ids = lia_project_get_link_ids (project, kind);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < ids->len; i++)
    {
      LiaRecord *record = lia_store_load (self->store, kind, g_array_index (ids, gint64, i), error);

      if (record == NULL)
        return NULL;
      if (keep (record, self->today))
        g_ptr_array_add (records, record);
      else
        g_object_unref (record);
    }

  return g_steal_pointer (&records);
}

static gboolean
is_past_interaction (LiaRecord   *record,
                     const GDate *today)
{
  g_autoptr(GDate) day = _lia_briefing_date_of (lia_interaction_get_at (LIA_INTERACTION (record)));

  return g_date_compare (day, today) <= 0;
}

static gboolean
is_open_commitment (LiaRecord   *record,
                    const GDate *today)
{
  return lia_commitment_get_status (LIA_COMMITMENT (record)) == LIA_COMMITMENT_STATUS_OPEN;
}

static gboolean
is_open_concern (LiaRecord   *record,
                 const GDate *today)
{
  LiaConcernStatus status = lia_concern_get_status (LIA_CONCERN (record));

  return status == LIA_CONCERN_STATUS_OPEN || status == LIA_CONCERN_STATUS_MEDIATING;
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  LiaInteraction *ia = *(LiaInteraction **) a;
  LiaInteraction *ib = *(LiaInteraction **) b;

  return -g_date_time_compare (lia_interaction_get_at (ia), lia_interaction_get_at (ib));
}

/* Due first; without a due date last. */
static int
by_due (gconstpointer a,
        gconstpointer b)
{
  const GDate *da = lia_commitment_get_due_date (*(LiaCommitment **) a);
  const GDate *db = lia_commitment_get_due_date (*(LiaCommitment **) b);

  if (da == NULL || db == NULL)
    return (da == NULL) - (db == NULL);
  return g_date_compare (da, db);
}

static gboolean
add_interactions (LiaBriefingBuilder  *self,
                  LiaProject          *project,
                  GError             **error)
{
  g_autoptr(GPtrArray) interactions = load_linked (self, project, LIA_RECORD_KIND_INTERACTION,
                                                   is_past_interaction, error);
  guint listed;

  if (interactions == NULL)
    return FALSE;

  lia_briefing_document_add_heading (self->document, 1, _("Recent interactions"));
  g_ptr_array_sort (interactions, newest_first);
  listed = MIN (interactions->len, self->max_interactions);

  {
    g_autofree char *text = NULL;

    if (interactions->len == 0)
      text = g_strdup (_("No interactions linked to this project yet."));
    else if (interactions->len == 1)
      text = g_strdup (_("The only interaction linked to this project."));
    else if (listed == interactions->len)
      /* Translators: %u is a count, 2 or more. */
      text = g_strdup_printf (ngettext ("All %u interaction linked to this project, newest first.",
                                        "All %u interactions linked to this project, newest first.",
                                        interactions->len),
                              interactions->len);
    else
      /* Translators: "The 10 most recent of 57 interactions linked to this project." */
      text = g_strdup_printf (ngettext ("The %u most recent of %u interaction linked to this project.",
                                        "The %u most recent of %u interactions linked to this project.",
                                        interactions->len),
                              listed, interactions->len);
    _lia_briefing_add_detail (self, text);
  }

  for (guint i = 0; i < listed; i++)
    if (!_lia_briefing_add_interaction_entry (self, interactions->pdata[i], error))
      return FALSE;

  return TRUE;
}

gboolean
_lia_briefing_add_project (LiaBriefingBuilder  *self,
                           LiaProject          *project,
                           GError             **error)
{
  g_autofree char *period = format_period (project);
  const char *subtitle_parts[] = { lia_labels_project_status (lia_project_get_status (project)),
                                   period, NULL };
  g_autofree char *subtitle = join_nonblank (subtitle_parts, " · ");
  g_autoptr(GPtrArray) commitments = NULL;
  g_autoptr(GPtrArray) concerns = NULL;

  self->part_label = lia_project_get_name (project);
  _lia_briefing_add_title (self, _("Project status report"), lia_project_get_name (project), subtitle);

  add_progress (self, project);
  if (!add_risks (self, project, error) || !add_stakeholders (self, project, error) ||
      !add_interactions (self, project, error))
    return FALSE;

  if (!(commitments = load_linked (self, project, LIA_RECORD_KIND_COMMITMENT, is_open_commitment, error)))
    return FALSE;
  g_ptr_array_sort (commitments, by_due);
  if (!_lia_briefing_add_commitments (self, commitments, error))
    return FALSE;

  if (!(concerns = load_linked (self, project, LIA_RECORD_KIND_CONCERN, is_open_concern, error)) ||
      !_lia_briefing_add_concerns (self, concerns, error))
    return FALSE;

  _lia_briefing_add_notes (self, lia_project_get_notes (project));
  return TRUE;
}
