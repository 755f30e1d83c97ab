/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-model"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "lia-labels.h"

const char *
lia_labels_interaction_kind (LiaInteractionKind kind)
{
  switch (kind)
    {
    case LIA_INTERACTION_KIND_MEETING: return _("Meeting");
    case LIA_INTERACTION_KIND_CALL: return _("Call");
    case LIA_INTERACTION_KIND_EMAIL: return _("Email");
    case LIA_INTERACTION_KIND_EVENT: return _("Event");
    case LIA_INTERACTION_KIND_VISIT: return _("Visit");
    case LIA_INTERACTION_KIND_LETTER: return _("Letter");
    case LIA_INTERACTION_KIND_NOTE: return _("Note");
    default: return "";
    }
}

const char *
lia_labels_interaction_cancelled (void)
{
  /* Translators: said of a meeting that was called off. */
  return C_("interaction", "Cancelled");
}

const char *
lia_labels_stance (LiaStance stance)
{
  switch (stance)
    {
    case LIA_STANCE_ADVOCATE: return _("Advocate");
    case LIA_STANCE_SUPPORTIVE: return _("Supportive");
    case LIA_STANCE_NEUTRAL: return _("Neutral");
    case LIA_STANCE_CONCERNED: return _("Concerned");
    case LIA_STANCE_OPPOSED: return _("Opposed");
    case LIA_STANCE_UNKNOWN:
    default: return _("Unknown");
    }
}

const char *
lia_labels_direction (LiaCommitmentDirection direction)
{
  return direction == LIA_COMMITMENT_DIRECTION_OURS ? _("We owe them") : _("They owe us");
}

const char *
lia_labels_commitment_status (LiaCommitmentStatus status)
{
  switch (status)
    {
    case LIA_COMMITMENT_STATUS_DONE: return _("Done");
    case LIA_COMMITMENT_STATUS_CANCELLED: return _("Cancelled");
    case LIA_COMMITMENT_STATUS_OPEN:
    default: return _("Open");
    }
}

const char *
lia_labels_concern_status (LiaConcernStatus status)
{
  switch (status)
    {
    case LIA_CONCERN_STATUS_MEDIATING: return _("Mediating");
    case LIA_CONCERN_STATUS_RESOLVED: return _("Resolved");
    case LIA_CONCERN_STATUS_CLOSED: return _("Closed");
    case LIA_CONCERN_STATUS_OPEN:
    default: return _("Open");
    }
}

const char *
lia_labels_severity (LiaSeverity severity)
{
  switch (severity)
    {
    case LIA_SEVERITY_LOW: return _("Low");
    case LIA_SEVERITY_HIGH: return _("High");
    case LIA_SEVERITY_CRITICAL: return _("Critical");
    case LIA_SEVERITY_MEDIUM:
    default: return _("Medium");
    }
}

const char *
lia_labels_severity_long (LiaSeverity severity)
{
  switch (severity)
    {
    case LIA_SEVERITY_LOW: return _("Low severity");
    case LIA_SEVERITY_HIGH: return _("High severity");
    case LIA_SEVERITY_CRITICAL: return _("Critical");
    case LIA_SEVERITY_MEDIUM:
    default: return _("Medium severity");
    }
}

const char *
lia_labels_channel (LiaChannel channel)
{
  switch (channel)
    {
    case LIA_CHANNEL_EMAIL: return _("Email");
    case LIA_CHANNEL_PHONE: return _("Phone");
    case LIA_CHANNEL_MESSAGING: return _("Messaging");
    case LIA_CHANNEL_IN_PERSON: return _("In person");
    case LIA_CHANNEL_LETTER: return _("Letter");
    case LIA_CHANNEL_UNSPECIFIED:
    default: return _("No preference");
    }
}

const char *
lia_labels_contact_point_kind (LiaContactPointKind kind)
{
  switch (kind)
    {
    case LIA_CONTACT_POINT_KIND_WORK: return _("Work");
    case LIA_CONTACT_POINT_KIND_HOME: return _("Home");
    case LIA_CONTACT_POINT_KIND_MOBILE: return _("Mobile");
    case LIA_CONTACT_POINT_KIND_FAX: return _("Fax");
    case LIA_CONTACT_POINT_KIND_OTHER:
    default: return _("Other");
    }
}

const char *
lia_labels_contact_point_kind_in_text (LiaContactPointKind kind)
{
  switch (kind)
    {
    case LIA_CONTACT_POINT_KIND_WORK: return _("work");
    case LIA_CONTACT_POINT_KIND_HOME: return _("home");
    case LIA_CONTACT_POINT_KIND_MOBILE: return _("mobile");
    case LIA_CONTACT_POINT_KIND_FAX: return _("fax");
    case LIA_CONTACT_POINT_KIND_OTHER:
    default: return _("other");
    }
}

const char *
lia_labels_record_kind_plural (LiaRecordKind kind)
{
  switch (kind)
    {
    case LIA_RECORD_KIND_ORGANIZATION: return _("Organizations");
    case LIA_RECORD_KIND_CONTACT: return _("Contacts");
    case LIA_RECORD_KIND_AFFILIATION: return _("Affiliations");
    case LIA_RECORD_KIND_INTERACTION: return _("Interactions");
    case LIA_RECORD_KIND_COMMITMENT: return _("Commitments");
    case LIA_RECORD_KIND_CONCERN: return _("Concerns");
    case LIA_RECORD_KIND_PROJECT: return _("Projects");
    default: return "";
    }
}

const char *
lia_labels_record_kind_noun (LiaRecordKind kind)
{
  switch (kind)
    {
    case LIA_RECORD_KIND_ORGANIZATION: return _("organization");
    case LIA_RECORD_KIND_CONTACT: return _("contact");
    case LIA_RECORD_KIND_AFFILIATION: return _("affiliation");
    case LIA_RECORD_KIND_INTERACTION: return _("interaction");
    case LIA_RECORD_KIND_COMMITMENT: return _("commitment");
    case LIA_RECORD_KIND_CONCERN: return _("concern");
    case LIA_RECORD_KIND_PROJECT: return _("project");
    default: return "";
    }
}

const char *
lia_labels_project_status (LiaProjectStatus status)
{
  switch (status)
    {
    case LIA_PROJECT_STATUS_ACTIVE: return _("Active");
    case LIA_PROJECT_STATUS_ON_HOLD: return _("On hold");
    case LIA_PROJECT_STATUS_COMPLETED: return _("Completed");
    case LIA_PROJECT_STATUS_CANCELLED: return _("Cancelled");
    case LIA_PROJECT_STATUS_PLANNED:
    default: return _("Planned");
    }
}

const char *
lia_labels_milestone_status (LiaMilestoneStatus status)
{
  switch (status)
    {
    case LIA_MILESTONE_STATUS_DONE: return _("Done");
    case LIA_MILESTONE_STATUS_MISSED: return _("Missed");
    case LIA_MILESTONE_STATUS_OPEN:
    default: return _("Open");
    }
}

const char *
lia_labels_risk_status (LiaRiskStatus status)
{
  switch (status)
    {
    case LIA_RISK_STATUS_MITIGATING: return _("Mitigating");
    case LIA_RISK_STATUS_CLOSED: return _("Closed");
    case LIA_RISK_STATUS_OCCURRED: return _("Occurred");
    case LIA_RISK_STATUS_OPEN:
    default: return _("Open");
    }
}

const char * const *
lia_labels_stakeholder_roles (void)
{
  static const char * const roles[] = {
    N_("Funder"), N_("Implementer"), N_("Beneficiary"), N_("Regulator"), N_("Partner"),
    N_("Technical lead"), N_("Sponsor"), N_("Advisor"), NULL,
  };
  static const char *translated[G_N_ELEMENTS (roles)];

  /* Translated once: the language does not change while the program runs. */
  if (translated[0] == NULL)
    for (guint i = 0; roles[i] != NULL; i++)
      translated[i] = _(roles[i]);

  return translated;
}

const char *
lia_labels_sentiment (double sentiment)
{
  if (sentiment <= -1.5)
    return _("very negative");
  if (sentiment <= -0.5)
    return _("negative");
  if (sentiment < 0.5)
    return _("neutral");
  if (sentiment < 1.5)
    return _("positive");
  return _("very positive");
}

char *
lia_labels_format_scale (int value)
{
  if (value < 1 || value > 5)
    return g_strdup (_("Not assessed"));

  /* Translators: a score, as in "3 of 5". */
  return g_strdup_printf (_("%d of 5"), value);
}

char *
lia_labels_format_level (int value)
{
  static const char * const names[] = {
    N_("very low"), N_("low"), N_("moderate"), N_("high"), N_("very high"),
  };

  if (value < 1 || value > 5)
    return g_strdup (_("Not assessed"));
  /* Translators: an influence or interest level out of 5 and its name, e.g. "4 of 5, high". */
  return g_strdup_printf (_("%d of 5, %s"), value, _(names[value - 1]));
}

/* At noon: a date is a day wherever it is shown, whatever the zone. */
static char *
format_date (const GDate *date,
             const char  *format)
{
  g_autoptr(GDateTime) time = NULL;
  char *text;

  if (date == NULL || !g_date_valid (date))
    return NULL;

  time = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 12, 0, 0);
  text = g_date_time_format (time, format);
  /* A translation with a format GLib does not know still shows the date. */
  if (text == NULL)
    text = g_date_time_format (time, "%Y-%m-%d");
  return text;
}

char *
lia_labels_format_date (const GDate *date)
{
  /* Translators: a date in running text, e.g. "12 March 2025"; see g_date_time_format(). */
  return format_date (date, C_("long date", "%-d %B %Y"));
}

char *
lia_labels_format_short_date (const GDate *date)
{
  /* Translators: a date in a table, e.g. "12 Mar 2025"; see g_date_time_format(). */
  return format_date (date, C_("short date", "%-d %b %Y"));
}

char *
lia_labels_format_birthday (const char *birthday)
{
  g_autoptr(GDate) date = NULL;
  unsigned int month, day;

  if (birthday == NULL || birthday[0] == '\0')
    return NULL;

  if (!g_str_has_prefix (birthday, "--"))
    {
      date = lia_date_parse_iso (birthday, NULL);
      return date != NULL ? lia_labels_format_date (date) : NULL;
    }

  /* A leap year, so that 29 February has a date to be written with. */
  if (sscanf (birthday, "--%2u-%2u", &month, &day) != 2 || !g_date_valid_dmy (day, month, 2000))
    return NULL;
  date = g_date_new_dmy (day, month, 2000);
  /* Translators: a birthday whose year is not known, e.g. "21 March"; see g_date_time_format(). */
  return format_date (date, C_("date without year", "%-d %B"));
}
