/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-editor.h"
#include "lia-editor-dates.h"
#include "lia-engagement-ui.h"
#include "lia-labels.h"
#include "lia-ui-util.h"

#define SETTINGS_ID "io.github.liaison.Liaison"

const char *
lia_engagement_quadrant_name (LiaQuadrant quadrant)
{
  switch (quadrant)
    {
    case LIA_QUADRANT_MANAGE_CLOSELY:
      return _("Manage closely");
    case LIA_QUADRANT_KEEP_SATISFIED:
      return _("Keep satisfied");
    case LIA_QUADRANT_KEEP_INFORMED:
      return _("Keep informed");
    case LIA_QUADRANT_MONITOR:
      return _("Monitor");
    case LIA_QUADRANT_NONE:
    default:
      return _("Not assessed");
    }
}

const char *
lia_engagement_cadence_key (LiaQuadrant quadrant)
{
  switch (quadrant)
    {
    case LIA_QUADRANT_MANAGE_CLOSELY:
      return "cadence-manage-closely";
    case LIA_QUADRANT_KEEP_SATISFIED:
      return "cadence-keep-satisfied";
    case LIA_QUADRANT_KEEP_INFORMED:
      return "cadence-keep-informed";
    case LIA_QUADRANT_MONITOR:
    case LIA_QUADRANT_NONE:
    default:
      return "cadence-monitor";
    }
}

GSettings *
lia_engagement_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* A widget made outside the application (a benchmark, a test) may have no schema. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SETTINGS_ID, TRUE);
  return schema != NULL ? g_settings_new (SETTINGS_ID) : NULL;
}

void
lia_engagement_query_init (LiaStakeholderQuery *query,
                           GSettings           *settings)
{
  g_autoptr(GSettings) own = NULL;

  g_return_if_fail (query != NULL);

  lia_stakeholder_query_init (query);
  if (settings == NULL)
    settings = own = lia_engagement_settings_new ();
  if (settings == NULL)
    return;

  for (int quadrant = LIA_QUADRANT_MONITOR; quadrant <= LIA_QUADRANT_MANAGE_CLOSELY; quadrant++)
    query->cadence[quadrant] = (guint) MAX (0, g_settings_get_int (settings,
                                                                   lia_engagement_cadence_key (quadrant)));
}

char *
lia_engagement_format_ago (const GDate *day,
                           const GDate *today)
{
  int days;

  if (day == NULL)
    return g_strdup (_("never"));

  days = g_date_days_between (day, today);
  if (days <= 0)
    return g_strdup (_("today"));
  if (days == 1)
    return g_strdup (_("yesterday"));
  if (days < 14)
    return g_strdup_printf (ngettext ("%d day ago", "%d days ago", days), days);
  if (days < 61)
    return g_strdup_printf (ngettext ("%d week ago", "%d weeks ago", days / 7), days / 7);
  if (days < 730)
    return g_strdup_printf (ngettext ("%d month ago", "%d months ago", days / 30), days / 30);
  return g_strdup_printf (ngettext ("%d year ago", "%d years ago", days / 365), days / 365);
}

char *
lia_engagement_format_summary (const LiaStakeholder *s,
                               const GDate          *today)
{
  g_autofree char *ago = NULL;

  if (s->last_contact == NULL)
    /* Translators: a list row's line: never in touch, and the relationship health (0–100). */
    return g_strdup_printf (_("Never in touch · health %d"), s->health.score);

  ago = lia_engagement_format_ago (s->last_contact, today);
  /* Translators: a list row's line: how long ago the last contact was ("3 weeks ago") and
   * the relationship health (0–100). */
  return g_strdup_printf (_("%s · health %d"), ago, s->health.score);
}

const char *
lia_engagement_stance_class (LiaStance stance)
{
  switch (stance)
    {
    case LIA_STANCE_ADVOCATE:
      return "stance-advocate";
    case LIA_STANCE_SUPPORTIVE:
      return "stance-supportive";
    case LIA_STANCE_NEUTRAL:
      return "stance-neutral";
    case LIA_STANCE_CONCERNED:
      return "stance-concerned";
    case LIA_STANCE_OPPOSED:
      return "stance-opposed";
    case LIA_STANCE_UNKNOWN:
    default:
      return "stance-unknown";
    }
}

static GtkWidget *
part_row (const char *title,
          int         points,
          int         out_of,
          const char *why)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *value = gtk_label_new (NULL);
  /* Translators: points of a part of health, e.g. "11 of 30". */
  g_autofree char *text = g_strdup_printf (_("%d of %d"), points, out_of);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), why);
  gtk_label_set_text (GTK_LABEL (value), text);
  gtk_widget_add_css_class (value, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);

  return row;
}

static char *
describe_recency (const LiaStakeholder *s,
                  const GDate          *today)
{
  g_autofree char *ago = NULL;
  int reference = s->cadence_days > 0 ? (int) s->cadence_days : 90;

  if (s->last_contact == NULL)
    return g_strdup (_("Never in touch: no points until the first interaction."));

  ago = lia_engagement_format_ago (s->last_contact, today);
  if (s->health.recency == 40)
    return g_strdup_printf (ngettext ("Last contact %s, within %d day: full points.",
                                      "Last contact %s, within %d days: full points.", reference),
                            ago, reference);
  return g_strdup_printf (ngettext ("Last contact %s: past %d day, the points fall to none at twice that.",
                                    "Last contact %s: past %d days, the points fall to none at twice that.",
                                    reference),
                          ago, reference);
}

void
lia_engagement_add_group (GtkWidget     *content,
                          LiaStore      *store,
                          LiaRecordKind  kind,
                          gint64         id)
{
  g_autoptr(GDate) today = lia_date_new_today ();
  g_autoptr(LiaStakeholder) s = NULL;
  g_autoptr(GError) error = NULL;
  LiaStakeholderQuery query;
  g_autofree char *last = NULL;
  g_autofree char *cadence = NULL;
  g_autofree char *due = NULL;
  g_autofree char *score = NULL;
  g_autofree char *recency = NULL;
  g_autofree char *sentiment = NULL;
  g_autofree char *commitments = NULL;
  g_autofree char *concerns = NULL;
  GtkWidget *group, *health;
  LiaQuadrant quadrant;

  g_return_if_fail (GTK_IS_BOX (content));
  g_return_if_fail (LIA_IS_STORE (store));

  lia_engagement_query_init (&query, NULL);
  s = lia_store_get_stakeholder (store, kind, id, today, query.cadence, &error);
  group = lia_ui_group_new (content, _("Engagement"), NULL);
  if (s == NULL)
    {
      lia_ui_group_add (group, lia_ui_placeholder_row_new (_("Could not work out the engagement"),
                                                           error->message));
      return;
    }

  if (s->last_contact != NULL)
    {
      g_autofree char *date = lia_labels_format_date (s->last_contact);
      g_autofree char *ago = lia_engagement_format_ago (s->last_contact, today);

      /* Translators: a date and how long ago it was, e.g. "3 March 2025 · 3 weeks ago". */
      last = g_strdup_printf (_("%s · %s"), date, ago);
    }
  else
    last = g_strdup (_("Never"));
  lia_ui_group_add (group, lia_ui_property_row_new (_("Last Contact"), last));

  quadrant = lia_quadrant_from_assessment (s->influence, s->interest);
  if (s->cadence_days == 0)
    cadence = g_strdup (_("No cadence"));
  else
    /* Translators: a stay-in-touch cadence and where it comes from, e.g.
     * "Every 30 days (manage closely)". */
    cadence = g_strdup_printf (ngettext ("Every %u day (%s)", "Every %u days (%s)", s->cadence_days),
                               s->cadence_days, lia_engagement_quadrant_name (quadrant));
  lia_ui_group_add (group, lia_ui_property_row_new (_("Stay in Touch"), cadence));

  if (s->next_contact != NULL)
    {
      g_autofree char *date = lia_labels_format_date (s->next_contact);
      int days = g_date_days_between (today, s->next_contact);

      if (days < 0)
        /* Translators: the day contact was due by, and how late it is. */
        due = g_strdup_printf (ngettext ("%s · %d day late", "%s · %d days late", -days), date, -days);
      else if (s->due)
        /* Translators: the day contact is due by, within the coming week. */
        due = g_strdup_printf (_("%s · due this week"), date);
      else
        due = g_steal_pointer (&date);
      lia_ui_group_add (group, lia_ui_property_row_new (_("Due By"), due));
    }

  /* Translators: relationship health, e.g. "64 of 100". */
  score = g_strdup_printf (_("%d of 100"), s->health.score);
  health = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (health), _("Health"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (health), score);
  {
    GtkWidget *why = gtk_label_new (_("Why this score"));

    gtk_widget_add_css_class (why, "dim-label");
    adw_expander_row_add_action (ADW_EXPANDER_ROW (health), why);
  }

  recency = describe_recency (s, today);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (health),
                            part_row (_("Recency"), s->health.recency, 40, recency));
  if (s->health.n_recent == 0)
    sentiment = g_strdup (_("No interaction yet: half the points."));
  else
    {
      g_autofree char *n = g_strdup_printf (ngettext ("%u interaction", "%u interactions",
                                                      s->health.n_recent),
                                            s->health.n_recent);

      /* Translators: the first %s is a count, "5 interactions". */
      sentiment = g_strdup_printf (_("Mean sentiment of the last %s: %+.1f (−2 to +2)."),
                                   n, s->health.average_sentiment);
    }
  adw_expander_row_add_row (ADW_EXPANDER_ROW (health),
                            part_row (_("Sentiment"), s->health.sentiment, 30, sentiment));
  /* Translators: overdue commitments, ours and theirs; 5 points off for each. */
  commitments = g_strdup_printf (_("Overdue: %u of ours, %u of theirs; 5 points off for each."),
                                 s->health.overdue_ours, s->health.overdue_theirs);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (health),
                            part_row (_("Commitments"), s->health.commitments, 20, commitments));
  concerns = g_strdup_printf (ngettext ("%u open concern; 2, 4, 7 or 10 points off by severity.",
                                        "%u open concerns; 2, 4, 7 or 10 points off each by severity.",
                                        s->health.open_concerns),
                              s->health.open_concerns);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (health),
                            part_row (_("Concerns"), s->health.concerns, 10, concerns));
  lia_ui_group_add (group, health);
}

/* The cadence choices, in the order of the "Stay in touch" row's items. */
enum { CADENCE_CHOICE_DEFAULT, CADENCE_CHOICE_EVERY, CADENCE_CHOICE_NEVER };

static void
on_cadence_choice_cb (AdwComboRow *combo,
                      GParamSpec  *pspec,
                      GtkWidget   *days_row)
{
  gtk_widget_set_visible (days_row, adw_combo_row_get_selected (combo) == CADENCE_CHOICE_EVERY);
}

void
lia_engagement_add_cadence_rows (LiaEditor     *self,
                                 GtkWidget     *group,
                                 LiaAssessment *assessment,
                                 GtkWidget     *stance)
{
  const char *choices[] = { _("Map quadrant’s default"), _("Every so many days"), _("Never"), NULL };
  int days = lia_assessment_get_cadence_days (assessment);
  guint selected = days == LIA_CADENCE_DEFAULT ? CADENCE_CHOICE_DEFAULT
                   : days == LIA_CADENCE_NONE ? CADENCE_CHOICE_NEVER : CADENCE_CHOICE_EVERY;
  GtkWidget *combo = lia_editor_add_combo (self, group, _("Stay in _Touch"), choices, selected);
  GtkWidget *days_row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (1, LIA_CADENCE_MAX_DAYS, 1);

  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (combo), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (combo),
                               _("Any logged interaction starts the count again"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), days > 0 ? days : 30);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Days between contacts"), -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (days_row), _("_Days Between Contacts"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (days_row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (days_row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (days_row), spin);
  gtk_widget_set_visible (days_row, selected == CADENCE_CHOICE_EVERY);
  g_signal_connect_object (combo, "notify::selected", G_CALLBACK (on_cadence_choice_cb), days_row, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), days_row);

  g_object_set_data (G_OBJECT (stance), "cadence-choice", combo);
  g_object_set_data (G_OBJECT (stance), "cadence-days", spin);
}

void
lia_engagement_apply_cadence_rows (LiaAssessment *assessment,
                                   GtkWidget     *stance)
{
  GtkWidget *choice = g_object_get_data (G_OBJECT (stance), "cadence-choice");
  GtkWidget *days = g_object_get_data (G_OBJECT (stance), "cadence-days");

  if (choice == NULL || days == NULL)
    return;
  switch (adw_combo_row_get_selected (ADW_COMBO_ROW (choice)))
    {
    case CADENCE_CHOICE_EVERY:
      lia_assessment_set_cadence_days (assessment, gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (days)));
      break;
    case CADENCE_CHOICE_NEVER:
      lia_assessment_set_cadence_days (assessment, LIA_CADENCE_NONE);
      break;
    case CADENCE_CHOICE_DEFAULT:
    default:
      lia_assessment_set_cadence_days (assessment, LIA_CADENCE_DEFAULT);
      break;
    }
}

/* --- As of ---------------------------------------------------------------------------------- */

typedef struct
{
  LiaStore   *store;
  gint64      organization_id;
  GtkWidget  *group;
  GPtrArray  *rows;   /* the answer's rows, in the group after the entry row */
} AsOf;

static void
as_of_free (gpointer data)
{
  AsOf *as_of = data;

  g_object_unref (as_of->store);
  g_ptr_array_unref (as_of->rows);
  g_free (as_of);
}

static void
as_of_add_row (AsOf      *as_of,
               GtkWidget *row)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (as_of->group), row);
  g_ptr_array_add (as_of->rows, row);
}

/* Who held which role on the day typed: the store query of `liaison as-of`. */
static void
on_as_of_apply_cb (AdwEntryRow *entry,
                   AsOf        *as_of)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GDate) day = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;

  for (guint i = 0; i < as_of->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (as_of->group), as_of->rows->pdata[i]);
  g_ptr_array_set_size (as_of->rows, 0);
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");

  if (text[0] == '\0')
    return;
  day = lia_editor_date_parse (text);
  if (day == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      as_of_add_row (as_of, lia_ui_placeholder_row_new (_("Not a date"),
                                                        _("Write a day such as 2023-03-15.")));
      return;
    }

  people = lia_store_list_affiliations_for_organization (as_of->store, as_of->organization_id, day, &error);
  date = lia_labels_format_date (day);
  if (people == NULL)
    {
      as_of_add_row (as_of, lia_ui_placeholder_row_new (_("Could not read who was there"), error->message));
      return;
    }
  if (people->len == 0)
    {
      g_autofree char *title = g_strdup_printf (_("Nobody on %s"), date);

      as_of_add_row (as_of, lia_ui_placeholder_row_new (title, _("No affiliation covers that day.")));
      return;
    }

  for (guint i = 0; i < people->len; i++)
    {
      LiaAffiliation *affiliation = people->pdata[i];
      gint64 contact_id = lia_affiliation_get_contact_id (affiliation);
      g_autofree char *name = lia_ui_dup_record_label (as_of->store, LIA_RECORD_KIND_CONTACT, contact_id);
      g_autofree char *period = lia_ui_format_period (lia_affiliation_get_from (affiliation),
                                                      lia_affiliation_get_until (affiliation));
      const char *role = lia_affiliation_get_role (affiliation);
      /* Translators: who was at an organization on a day: their role then, and their dates. */
      g_autofree char *subtitle = g_strdup_printf (_("On %s: %s · %s"), date,
                                                   role[0] != '\0' ? role : _("no role given"), period);

      as_of_add_row (as_of, lia_ui_record_row_new (LIA_RECORD_KIND_CONTACT, contact_id, name, subtitle));
    }
}

void
lia_engagement_add_as_of (GtkWidget *group,
                          LiaStore  *store,
                          gint64     organization_id)
{
  GtkWidget *entry = adw_entry_row_new ();
  AsOf *as_of = g_new0 (AsOf, 1);

  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (group));
  g_return_if_fail (LIA_IS_STORE (store));

  as_of->store = g_object_ref (store);
  as_of->organization_id = organization_id;
  as_of->group = group;
  as_of->rows = g_ptr_array_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("_As of a Date: Who Was Here"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (entry), TRUE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
  g_object_set_data_full (G_OBJECT (entry), "as-of", as_of, as_of_free);
  g_signal_connect (entry, "apply", G_CALLBACK (on_as_of_apply_cb), as_of);
  g_signal_connect (entry, "entry-activated", G_CALLBACK (on_as_of_apply_cb), as_of);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), entry);
}
