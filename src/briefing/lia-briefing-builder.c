/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-briefing"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lia-briefing-builder-private.h"

#define ALERT_SPAN "<span foreground=\"#b3261e\" weight=\"bold\">"

/* Formatting. */

char *
_lia_briefing_escape (const char *text)
{
  g_autofree char *valid = NULL;
  GString *clean;

  if (text == NULL)
    return g_strdup ("");

  /* What users typed or imported may hold control characters, which markup refuses. */
  valid = g_utf8_make_valid (text, -1);
  clean = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\t')
        g_string_append_c (clean, c == '\t' ? ' ' : '\n');
      else if (g_unichar_iscntrl (c))
        g_string_append_c (clean, ' ');
      else
        g_string_append_unichar (clean, c);
    }

  {
    g_autofree char *plain = g_string_free (clean, FALSE);

    return g_markup_escape_text (plain, -1);
  }
}

char *
_lia_briefing_format_date (const GDate *date)
{
  char *text = lia_labels_format_date (date);

  return text != NULL ? text : g_strdup ("");
}

char *
_lia_briefing_format_short_date (const GDate *date)
{
  char *text = lia_labels_format_short_date (date);

  return text != NULL ? text : g_strdup ("");
}

char *
_lia_briefing_format_time (GDateTime *time)
{
  /* Translators: a time of day, e.g. "09:30"; see g_date_time_format(). */
  return g_date_time_format (time, C_("time of day", "%H:%M"));
}

GDate *
_lia_briefing_date_of (GDateTime *time)
{
  return g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (time),
                         (GDateMonth) g_date_time_get_month (time),
                         (GDateYear) g_date_time_get_year (time));
}

static const char *
record_name (LiaBriefingBuilder *self,
             LiaRecordKind       kind,
             gint64              id,
             GError            **error)
{
  g_autofree char *key = g_strdup_printf ("%c%" G_GINT64_FORMAT,
                                          kind == LIA_RECORD_KIND_ORGANIZATION ? 'o' : 'c', id);
  const char *name = g_hash_table_lookup (self->names, key);
  g_autoptr(LiaRecord) record = NULL;
  g_autoptr(GError) local_error = NULL;
  char *stored;

  if (name != NULL)
    return name;

  record = lia_store_load (self->store, kind, id, &local_error);
  if (record == NULL && !g_error_matches (local_error, LIA_STORE_ERROR, LIA_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* Translators: in place of the name of a record that was deleted meanwhile. */
  name = record != NULL ? lia_record_get_label (record) : _("(deleted)");
  stored = g_strdup (name);
  g_hash_table_insert (self->names, g_steal_pointer (&key), stored);
  return stored;
}

const char *
_lia_briefing_organization_name (LiaBriefingBuilder  *self,
                                 gint64               id,
                                 GError             **error)
{
  return record_name (self, LIA_RECORD_KIND_ORGANIZATION, id, error);
}

const char *
_lia_briefing_contact_name (LiaBriefingBuilder  *self,
                            gint64               id,
                            GError             **error)
{
  return record_name (self, LIA_RECORD_KIND_CONTACT, id, error);
}

gboolean
_lia_briefing_add_field_text (LiaBriefingBuilder *self,
                              const char         *label,
                              const char         *text)
{
  g_autofree char *markup = NULL;

  if (lia_text_is_blank (text))
    return FALSE;
  markup = _lia_briefing_escape (text);
  lia_briefing_document_add_field (self->document, label, markup);
  return TRUE;
}

void
_lia_briefing_add_user_text (LiaBriefingBuilder *self,
                             LiaBriefingStyle    style,
                             const char         *prefix,
                             const char         *text)
{
  g_autoptr(GPtrArray) paragraphs = g_ptr_array_new_with_free_func (g_free);
  gboolean first = TRUE;
  const char *start;
  const char *p;

  if (lia_text_is_blank (text))
    return;

  /* A blank line separates paragraphs; single line breaks stay as written. */
  for (start = p = text; *p != '\0'; p++)
    {
      const char *q = p + 1;

      if (*p != '\n')
        continue;
      while (*q == ' ' || *q == '\t' || *q == '\r')
        q++;
      if (*q != '\n')
        continue;

      g_ptr_array_add (paragraphs, g_strndup (start, (gsize) (p - start)));
      start = p = q;
    }
  g_ptr_array_add (paragraphs, g_strdup (start));

  for (guint i = 0; i < paragraphs->len; i++)
    {
      char *paragraph = g_ptr_array_index (paragraphs, i);

      g_autofree char *markup = NULL;
      g_autofree char *escaped = NULL;

      g_strstrip (paragraph);
      if (paragraph[0] == '\0')
        continue;

      escaped = _lia_briefing_escape (paragraph);
      if (first && prefix != NULL)
        {
          g_autofree char *label = g_markup_escape_text (prefix, -1);

          markup = g_strdup_printf ("<b>%s</b> %s", label, escaped);
        }
      else
        markup = g_steal_pointer (&escaped);

      lia_briefing_document_add_paragraph (self->document, style, markup);
      first = FALSE;
    }
}

/* Meeting packs show a record once: whether an earlier part showed @id of @tag (m: commitment,
 * n: concern, i: interaction); if not, it is marked as shown by this part. */
static gboolean
already_shown (LiaBriefingBuilder *self,
               char                tag,
               gint64              id)
{
  g_autofree char *key = NULL;

  if (self->shown == NULL)
    return FALSE;

  key = g_strdup_printf ("%c%" G_GINT64_FORMAT, tag, id);
  if (g_hash_table_contains (self->shown, key))
    return TRUE;

  g_hash_table_insert (self->shown, g_steal_pointer (&key), g_strdup (self->part_label));
  return FALSE;
}

static void
add_detail (LiaBriefingBuilder *self,
            const char         *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  lia_briefing_document_add_paragraph (self->document, LIA_BRIEFING_STYLE_DETAIL, markup);
}

static gint64
date_compare_time (GDateTime   *time,
                   const GDate *date)
{
  g_autoptr(GDate) day = _lia_briefing_date_of (time);

  return g_date_compare (day, date);
}

static char *
describe_change (LiaAssessmentState *from,
                 LiaAssessment      *to)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (from->stance != lia_assessment_get_stance (to))
    /* Translators: how a stance changed, e.g. "stance neutral → supportive". */
    g_ptr_array_add (parts, g_strdup_printf (_("stance %s → %s"),
                                             lia_labels_stance (from->stance),
                                             lia_labels_stance (lia_assessment_get_stance (to))));
  if (from->influence != lia_assessment_get_influence (to))
    /* Translators: how influence (1–5) changed, e.g. "influence 3 → 4". */
    g_ptr_array_add (parts, g_strdup_printf (_("influence %d → %d"), from->influence,
                                             lia_assessment_get_influence (to)));
  if (from->interest != lia_assessment_get_interest (to))
    /* Translators: how interest (1–5) changed, e.g. "interest 2 → 4". */
    g_ptr_array_add (parts, g_strdup_printf (_("interest %d → %d"), from->interest,
                                             lia_assessment_get_interest (to)));

  if (parts->len == 0)
    return g_strdup (_("back where it was"));

  g_ptr_array_add (parts, NULL);
  /* Translators: separates the changes in "stance neutral → supportive; influence 3 → 4". */
  return g_strjoinv (_("; "), (char **) parts->pdata);
}

gboolean
_lia_briefing_add_assessment (LiaBriefingBuilder  *self,
                              LiaRecordKind        kind,
                              gint64               id,
                              LiaAssessment       *current,
                              GError             **error)
{
  g_autoptr(GPtrArray) history = lia_store_list_assessment_history (self->store, kind, id, error);
  g_autofree char *influence = lia_labels_format_level (lia_assessment_get_influence (current));
  g_autofree char *interest = lia_labels_format_level (lia_assessment_get_interest (current));
  g_autofree char *since = _lia_briefing_format_date (self->since);
  LiaAssessmentState *baseline = NULL;
  guint first_change = 0;

  if (history == NULL)
    return FALSE;

  lia_briefing_document_add_heading (self->document, 1, _("Assessment"));
  _lia_briefing_add_field_text (self, _("Influence"), influence);
  _lia_briefing_add_field_text (self, _("Interest"), interest);
  _lia_briefing_add_field_text (self, _("Stance"),
                                lia_labels_stance (lia_assessment_get_stance (current)));

  for (first_change = 0; first_change < history->len; first_change++)
    {
      LiaAssessmentState *state = g_ptr_array_index (history, first_change);

      if (date_compare_time (state->changed_at, self->since) >= 0)
        break;
      baseline = state;
    }

  if (history->len == 0)
    return TRUE;

  if (first_change == history->len)
    {
      /* Translators: %s is a date: the assessment has not changed since then. */
      g_autofree char *text = g_strdup_printf (_("None since %s"), since);

      _lia_briefing_add_field_text (self, _("Changes"), text);
      return TRUE;
    }

  if (baseline == NULL && history->len - first_change == 1)
    {
      LiaAssessmentState *state = g_ptr_array_index (history, first_change);
      g_autoptr(GDate) day = _lia_briefing_date_of (state->changed_at);
      g_autofree char *date = _lia_briefing_format_date (day);
      /* Translators: %s is the date of the first assessment of a stakeholder. */
      g_autofree char *text = g_strdup_printf (_("First assessed on %s"), date);

      _lia_briefing_add_field_text (self, _("Changes"), text);
      return TRUE;
    }

  {
    LiaAssessmentState *from = baseline != NULL ? baseline : g_ptr_array_index (history, first_change);
    g_autofree char *change = describe_change (from, current);
    /* Translators: %s is a date, the start of the period a briefing covers. */
    g_autofree char *label = g_strdup_printf (_("Since %s"), since);
    const char *headers[] = { _("Date"), _("Influence"), _("Interest"), _("Stance") };
    const double widths[] = { 1.3, 1.4, 1.4, 1.4 };

    _lia_briefing_add_field_text (self, label, change);

    lia_briefing_document_add_heading (self->document, 2, _("How the assessment changed"));
    lia_briefing_document_begin_table (self->document, G_N_ELEMENTS (headers), headers, widths);
    for (guint i = baseline != NULL ? first_change - 1 : first_change; i < history->len; i++)
      {
        LiaAssessmentState *state = g_ptr_array_index (history, i);
        g_autoptr(GDate) day = _lia_briefing_date_of (state->changed_at);
        g_autofree char *date = _lia_briefing_format_short_date (day);
        g_autofree char *inf = lia_labels_format_level (state->influence);
        g_autofree char *inte = lia_labels_format_level (state->interest);
        g_autofree char *c0 = g_markup_escape_text (date, -1);
        g_autofree char *c1 = g_markup_escape_text (inf, -1);
        g_autofree char *c2 = g_markup_escape_text (inte, -1);
        g_autofree char *c3 = g_markup_escape_text (lia_labels_stance (state->stance), -1);
        const char *cells[] = { c0, c1, c2, c3 };

        lia_briefing_document_add_row (self->document, cells);
      }
  }

  return TRUE;
}

gboolean
_lia_briefing_add_relationship (LiaBriefingBuilder  *self,
                                gint64               contact_id,
                                gint64               organization_id,
                                GError             **error)
{
  LiaRelationshipSummary summary = { 0, };
  g_autofree char *quarter = NULL;
  g_autofree char *year = NULL;
  g_autofree char *last = NULL;
  g_autofree char *mood = NULL;

  if (!lia_store_get_relationship_summary (self->store, contact_id, organization_id, self->today,
                                           &summary, error))
    return FALSE;

  lia_briefing_document_add_heading (self->document, 1, _("Relationship"));

  quarter = g_strdup_printf (ngettext ("%u interaction", "%u interactions", summary.last_90_days),
                             summary.last_90_days);
  year = g_strdup_printf (ngettext ("%u interaction", "%u interactions", summary.last_year),
                          summary.last_year);
  _lia_briefing_add_field_text (self, _("Last 90 days"), quarter);
  _lia_briefing_add_field_text (self, _("Last 12 months"), year);

  if (summary.last_contact != NULL)
    {
      g_autoptr(GDate) day = _lia_briefing_date_of (summary.last_contact);
      g_autofree char *date = _lia_briefing_format_date (day);
      int ago = g_date_days_between (day, self->today);

      if (ago <= 0)
        /* Translators: the date of the last contact, when it was today. */
        last = g_strdup_printf (_("%s (today)"), date);
      else
        /* Translators: the date of the last contact and how long ago it was. */
        last = g_strdup_printf (ngettext ("%s (%d day ago)", "%s (%d days ago)", (gulong) ago),
                                date, ago);
    }
  _lia_briefing_add_field_text (self, _("Last contact"), last != NULL ? last : _("None recorded"));

  if (summary.last_year > 0)
    /* Translators: an average sentiment on a −2..+2 scale and its name, e.g. "+0.7, positive". */
    {
      /* "+0.0" would look like a mood; an average that rounds to zero is plain 0.0. */
      double average = fabs (summary.average_sentiment) < 0.05 ? 0.0 : summary.average_sentiment;

      mood = g_strdup_printf (average == 0.0 ? _("%.1f, %s") : _("%+.1f, %s"), average,
                              lia_labels_sentiment (average));
    }
  _lia_briefing_add_field_text (self, _("Average sentiment"),
                                mood != NULL ? mood : _("No interactions in the last 12 months"));

  if (summary.planned > 0)
    {
      g_autofree char *planned = g_strdup_printf (ngettext ("%u interaction", "%u interactions",
                                                            summary.planned),
                                                  summary.planned);

      _lia_briefing_add_field_text (self, _("Planned"), planned);
    }

  lia_relationship_summary_clear (&summary);
  return TRUE;
}

static char *
counterpart_markup (LiaBriefingBuilder  *self,
                    LiaCommitment       *commitment,
                    GError             **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gint64 contact_id = lia_commitment_get_contact_id (commitment);
  gint64 organization_id = lia_commitment_get_organization_id (commitment);

  if (contact_id > 0)
    {
      const char *name = _lia_briefing_contact_name (self, contact_id, error);

      if (name == NULL)
        return NULL;
      g_string_append (text, name);
    }
  if (organization_id > 0)
    {
      const char *name = _lia_briefing_organization_name (self, organization_id, error);

      if (name == NULL)
        return NULL;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, name);
    }

  return _lia_briefing_escape (text->str);
}

static gboolean
add_commitment_table (LiaBriefingBuilder  *self,
                      GPtrArray           *commitments,
                      GError             **error)
{
  const char *headers[] = { _("Commitment"), _("With"), _("Due"), _("Status") };
  const double widths[] = { 3.2, 2.1, 1.2, 1.8 };

  lia_briefing_document_begin_table (self->document, G_N_ELEMENTS (headers), headers, widths);

  for (guint i = 0; i < commitments->len; i++)
    {
      LiaCommitment *commitment = g_ptr_array_index (commitments, i);
      const GDate *due = lia_commitment_get_due_date (commitment);
      g_autofree char *title = _lia_briefing_escape (lia_commitment_get_title (commitment));
      g_autofree char *what = NULL;
      g_autofree char *with = counterpart_markup (self, commitment, error);
      g_autofree char *due_text = NULL;
      g_autofree char *status = NULL;

      if (with == NULL)
        return FALSE;

      if (!self->redact && !lia_text_is_blank (lia_commitment_get_notes (commitment)))
        {
          g_autofree char *notes = _lia_briefing_escape (lia_commitment_get_notes (commitment));

          what = g_strdup_printf ("%s\n<span size=\"smaller\" foreground=\"#5c6670\">%s</span>",
                                  title, notes);
        }
      else
        what = g_steal_pointer (&title);

      due_text = due != NULL ? _lia_briefing_format_short_date (due) : g_strdup ("—");

      if (lia_commitment_is_overdue_on (commitment, self->today))
        {
          int days = g_date_days_between (due, self->today);
          /* Translators: a commitment past its due date, e.g. "Overdue by 12 days". */
          g_autofree char *text = g_strdup_printf (ngettext ("Overdue by %d day", "Overdue by %d days",
                                                             (gulong) days),
                                                   days);

          status = g_strdup_printf (ALERT_SPAN "%s</span>", text);
        }
      else if (due != NULL && g_date_days_between (self->today, due) <= 14)
        {
          int days = g_date_days_between (self->today, due);

          if (days == 0)
            status = g_strdup (_("Due today"));
          else
            /* Translators: a commitment due soon, e.g. "Due in 5 days". */
            status = g_strdup_printf (ngettext ("Due in %d day", "Due in %d days", (gulong) days),
                                      days);
        }
      else
        status = g_strdup (_("Open"));

      {
        g_autofree char *due_markup = g_markup_escape_text (due_text, -1);
        const char *cells[] = { what, with, due_markup, status };

        lia_briefing_document_add_row (self->document, cells);
      }
    }

  return TRUE;
}

gboolean
_lia_briefing_add_commitments (LiaBriefingBuilder  *self,
                               GPtrArray           *commitments,
                               GError             **error)
{
  g_autoptr(GPtrArray) ours = g_ptr_array_new ();
  g_autoptr(GPtrArray) theirs = g_ptr_array_new ();
  guint skipped = 0;

  for (guint i = 0; i < commitments->len; i++)
    {
      LiaCommitment *commitment = g_ptr_array_index (commitments, i);

      if (already_shown (self, 'm', lia_record_get_id (LIA_RECORD (commitment))))
        skipped++;
      else if (lia_commitment_get_direction (commitment) == LIA_COMMITMENT_DIRECTION_OURS)
        g_ptr_array_add (ours, commitment);
      else
        g_ptr_array_add (theirs, commitment);
    }

  lia_briefing_document_add_heading (self->document, 1, _("Open commitments"));

  if (ours->len == 0 && theirs->len == 0 && skipped == 0)
    add_detail (self, _("No open commitments."));

  if (ours->len > 0)
    {
      lia_briefing_document_add_heading (self->document, 2, _("What we owe them"));
      if (!add_commitment_table (self, ours, error))
        return FALSE;
    }

  if (theirs->len > 0)
    {
      lia_briefing_document_add_heading (self->document, 2, _("What they owe us"));
      if (!add_commitment_table (self, theirs, error))
        return FALSE;
    }

  if (skipped > 0)
    {
      /* Translators: in a meeting pack, what an earlier part of the pack already showed. */
      g_autofree char *text = g_strdup_printf (ngettext ("%u more open commitment is listed earlier in this pack.",
                                                         "%u more open commitments are listed earlier in this pack.", skipped),
                                               skipped);

      add_detail (self, text);
    }
  return TRUE;
}

gboolean
_lia_briefing_add_concerns (LiaBriefingBuilder  *self,
                            GPtrArray           *concerns,
                            GError             **error)
{
  guint skipped = 0;
  guint shown = 0;

  lia_briefing_document_add_heading (self->document, 1, _("Open concerns"));

  for (guint i = 0; i < concerns->len; i++)
    {
      LiaConcern *concern = g_ptr_array_index (concerns, i);
      GListModel *parties = lia_concern_get_parties (concern);
      guint n_parties = g_list_model_get_n_items (parties);
      g_autoptr(GString) detail = g_string_new (lia_labels_severity_long (lia_concern_get_severity (concern)));

      if (already_shown (self, 'n', lia_record_get_id (LIA_RECORD (concern))))
        {
          skipped++;
          continue;
        }
      shown++;

      g_string_append (detail, " · ");
      g_string_append (detail, lia_concern_get_status (concern) == LIA_CONCERN_STATUS_MEDIATING
                               ? _("in mediation") : _("open"));
      if (lia_concern_get_opened (concern) != NULL)
        {
          g_autofree char *opened = _lia_briefing_format_date (lia_concern_get_opened (concern));

          g_string_append (detail, " · ");
          /* Translators: %s is the date a concern was raised. */
          g_string_append_printf (detail, _("since %s"), opened);
        }

      lia_briefing_document_add_heading (self->document, 3, lia_concern_get_title (concern));
      add_detail (self, detail->str);
      _lia_briefing_add_user_text (self, LIA_BRIEFING_STYLE_BODY, _("Root cause:"),
                                   lia_concern_get_root_cause (concern));

      if (n_parties > 0)
        {
          const char *headers[] = { _("Party"), _("Position") };
          const double widths[] = { 1, 2.2 };

          lia_briefing_document_begin_table (self->document, G_N_ELEMENTS (headers), headers, widths);
          for (guint p = 0; p < n_parties; p++)
            {
              g_autoptr(LiaConcernParty) party = g_list_model_get_item (parties, p);
              gint64 contact_id = lia_concern_party_get_contact_id (party);
              const char *name = contact_id > 0
                                 ? _lia_briefing_contact_name (self, contact_id, error)
                                 : _lia_briefing_organization_name (self,
                                                                    lia_concern_party_get_organization_id (party),
                                                                    error);
              g_autofree char *c0 = NULL;
              g_autofree char *c1 = NULL;

              if (name == NULL)
                return FALSE;
              c0 = _lia_briefing_escape (name);
              c1 = lia_text_is_blank (lia_concern_party_get_position (party))
                   /* Translators: a party to a concern whose position is not recorded. */
                   ? g_markup_printf_escaped ("<i>%s</i>", _("not recorded"))
                   : _lia_briefing_escape (lia_concern_party_get_position (party));
              {
                const char *cells[] = { c0, c1 };

                lia_briefing_document_add_row (self->document, cells);
              }
            }
        }

      if (!self->redact)
        _lia_briefing_add_user_text (self, LIA_BRIEFING_STYLE_NOTE, NULL,
                                     lia_concern_get_notes (concern));
    }

  if (shown == 0 && skipped == 0)
    add_detail (self, _("No open concerns."));

  if (skipped > 0)
    {
      /* Translators: in a meeting pack, what an earlier part of the pack already showed. */
      g_autofree char *text = g_strdup_printf (ngettext ("%u more open concern is described earlier in this pack.",
                                                         "%u more open concerns are described earlier in this pack.", skipped),
                                               skipped);

      add_detail (self, text);
    }
  return TRUE;
}

static gboolean
add_interaction_entry (LiaBriefingBuilder  *self,
                       LiaInteraction      *interaction,
                       GError             **error)
{
  GDateTime *at = lia_interaction_get_at (interaction);
  g_autoptr(GDate) day = _lia_briefing_date_of (at);
  g_autofree char *date = _lia_briefing_format_short_date (day);
  g_autofree char *time = _lia_briefing_format_time (at);
  g_autofree char *heading = NULL;
  g_autoptr(GString) detail = g_string_new (lia_labels_interaction_kind (lia_interaction_get_kind (interaction)));
  g_autoptr(GPtrArray) with = g_ptr_array_new ();
  const GArray *contacts = lia_interaction_get_contact_ids (interaction);
  const GArray *organizations = lia_interaction_get_organization_ids (interaction);
  int sentiment = lia_interaction_get_sentiment (interaction);

  /* Translators: an interaction in a briefing: its date and title, e.g. "12 Mar 2025 — Budget review". */
  heading = g_strdup_printf (_("%s — %s"), date, lia_interaction_get_title (interaction));
  lia_briefing_document_add_heading (self->document, 3, heading);

  g_string_append_printf (detail, " · %s", time);
  if (!lia_text_is_blank (lia_interaction_get_location (interaction)))
    g_string_append_printf (detail, " · %s", lia_interaction_get_location (interaction));

  for (guint i = 0; i < organizations->len; i++)
    {
      const char *name = _lia_briefing_organization_name (self, g_array_index (organizations, gint64, i), error);

      if (name == NULL)
        return FALSE;
      g_ptr_array_add (with, (gpointer) name);
    }
  for (guint i = 0; i < contacts->len; i++)
    {
      const char *name = _lia_briefing_contact_name (self, g_array_index (contacts, gint64, i), error);

      if (name == NULL)
        return FALSE;
      g_ptr_array_add (with, (gpointer) name);
    }
  if (with->len > 0)
    {
      g_autofree char *names = NULL;

      g_ptr_array_add (with, NULL);
      names = g_strjoinv (", ", (char **) with->pdata);
      g_string_append_printf (detail, " · %s", names);
    }
  if (sentiment != 0)
    /* Translators: the mood of an interaction, e.g. "positive (+1)". */
    g_string_append_printf (detail, " · %s (%+d)", lia_labels_sentiment (sentiment), sentiment);

  {
    g_autofree char *markup = _lia_briefing_escape (detail->str);

    lia_briefing_document_add_paragraph (self->document, LIA_BRIEFING_STYLE_DETAIL, markup);
  }

  _lia_briefing_add_user_text (self, LIA_BRIEFING_STYLE_BODY, NULL,
                               lia_interaction_get_summary (interaction));
  _lia_briefing_add_user_text (self, LIA_BRIEFING_STYLE_BODY, _("Outcome:"),
                               lia_interaction_get_outcome (interaction));
  return TRUE;
}

gboolean
_lia_briefing_add_interactions (LiaBriefingBuilder  *self,
                                gint64               contact_id,
                                gint64               organization_id,
                                GError             **error)
{
  LiaTimelineFilter filter = { 0, };
  g_autofree char *since = _lia_briefing_format_date (self->since);
  guint total = 0;
  guint listed = 0;
  guint skipped = 0;
  guint offset = 0;
  guint page = MAX (self->max_interactions, 16);

  filter.contact_id = contact_id;
  filter.organization_id = organization_id;
  filter.since = self->since;
  filter.until = self->today;

  if (!lia_store_count_timeline (self->store, &filter, &total, error))
    return FALSE;

  lia_briefing_document_add_heading (self->document, 1, _("Recent interactions"));

  {
    g_autofree char *text = NULL;

    if (total == 0)
      /* Translators: %s is the date a briefing's history starts. */
      text = g_strdup_printf (_("No interactions since %s."), since);
    else if (total == 1)
      /* Translators: %s is the date a briefing's history starts. */
      text = g_strdup_printf (_("The only interaction since %s."), since);
    else if (total <= self->max_interactions)
      /* Translators: %u is a count, %s the date a briefing's history starts. */
      text = g_strdup_printf (ngettext ("All %u interaction since %s, newest first.",
                                        "All %u interactions since %s, newest first.", total),
                              total, since);
    else
      /* Translators: "The 10 most recent of 57 interactions since 12 March 2024." */
      text = g_strdup_printf (ngettext ("The %u most recent of %u interaction since %s.",
                                        "The %u most recent of %u interactions since %s.", total),
                              self->max_interactions, total, since);
    add_detail (self, text);
  }

  while (listed < self->max_interactions && offset < total)
    {
      g_autoptr(GPtrArray) interactions = lia_store_list_timeline (self->store, &filter, offset,
                                                                   page, error);

      if (interactions == NULL)
        return FALSE;
      if (interactions->len == 0)
        break;
      offset += interactions->len;

      for (guint i = 0; i < interactions->len && listed < self->max_interactions; i++)
        {
          LiaInteraction *interaction = g_ptr_array_index (interactions, i);
          gint64 id = lia_record_get_id (LIA_RECORD (interaction));

          if (id == self->meeting_id)
            continue;
          if (already_shown (self, 'i', id))
            {
              skipped++;
              continue;
            }
          if (!add_interaction_entry (self, interaction, error))
            return FALSE;
          listed++;
        }
    }

  if (skipped > 0)
    {
      /* Translators: in a meeting pack, what an earlier part of the pack already showed. */
      g_autofree char *text = g_strdup_printf (ngettext ("%u more interaction is described earlier in this pack.",
                                                         "%u more interactions are described earlier in this pack.", skipped),
                                               skipped);

      add_detail (self, text);
    }
  return TRUE;
}

void
_lia_briefing_add_notes (LiaBriefingBuilder *self,
                         const char         *notes)
{
  if (self->redact || lia_text_is_blank (notes))
    return;

  lia_briefing_document_add_heading (self->document, 1, _("Notes"));
  _lia_briefing_add_user_text (self, LIA_BRIEFING_STYLE_NOTE, NULL, notes);
}

/* For the project status report (lia-briefing-project.c), which lists its own selections. */
void
_lia_briefing_add_detail (LiaBriefingBuilder *self,
                          const char         *text)
{
  add_detail (self, text);
}

gboolean
_lia_briefing_add_interaction_entry (LiaBriefingBuilder  *self,
                                     LiaInteraction      *interaction,
                                     GError             **error)
{
  return add_interaction_entry (self, interaction, error);
}
