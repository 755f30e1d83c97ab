/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-iso-codes.h"
#include "lia-organization-detail.h"
#include "lia-engagement-ui.h"
#include "lia-store-reports.h"
#include "lia-store-projects.h"
#include "lia-ui-util.h"

struct _LiaOrganizationDetail
{
  LiaDetail parent_instance;
};

G_DEFINE_FINAL_TYPE (LiaOrganizationDetail, lia_organization_detail, LIA_TYPE_DETAIL)

static char *
address_text (LiaOrganization *organization)
{
  const char *parts[] = {
    lia_organization_get_street (organization),
    lia_organization_get_postal_code (organization),
    lia_organization_get_locality (organization),
    lia_organization_get_region (organization),
    lia_organization_get_address_country (organization),
  };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i][0] == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, i == 2 && parts[1][0] != '\0' ? " " : ", ");
      g_string_append (text, parts[i]);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_assessment (GtkWidget     *content,
                LiaAssessment *assessment)
{
  GtkWidget *group = lia_ui_group_new (content, _("Assessment"), NULL);
  g_autofree char *influence = lia_labels_format_scale (lia_assessment_get_influence (assessment));
  g_autofree char *interest = lia_labels_format_scale (lia_assessment_get_interest (assessment));

  lia_ui_group_add (group, lia_ui_property_row_new (_("Influence"), influence));
  lia_ui_group_add (group, lia_ui_property_row_new (_("Interest"), interest));
  lia_ui_group_add (group, lia_ui_property_row_new (_("Stance"),
                                           lia_labels_stance (lia_assessment_get_stance (assessment))));
}

static void
add_people (LiaOrganizationDetail *self,
            GtkWidget             *content,
            LiaOrganization       *organization)
{
  LiaStore *store = lia_detail_get_store (LIA_DETAIL (self));
  gint64 id = lia_record_get_id (LIA_RECORD (organization));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = lia_store_list_affiliations_for_organization (store, id, NULL, &error);
  g_autoptr(GDate) today = lia_date_new_today ();
  GtkWidget *group;
  GtkWidget *past = NULL;
  guint n_current = 0, n_past = 0;

  if (lia_detail_failed (LIA_DETAIL (self), &error))
    return;

  group = lia_ui_group_new (content, _("People"), NULL);
  for (guint i = 0; i < all->len; i++)
    {
      LiaAffiliation *affiliation = all->pdata[i];
      gint64 contact_id = lia_affiliation_get_contact_id (affiliation);
      g_autofree char *name = lia_ui_dup_record_label (store, LIA_RECORD_KIND_CONTACT, contact_id);
      g_autofree char *period = lia_ui_format_period (lia_affiliation_get_from (affiliation),
                                                      lia_affiliation_get_until (affiliation));
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (lia_affiliation_get_role (affiliation)[0] != '\0' && period[0] != '\0')
        subtitle = g_strdup_printf (_("%s · %s"), lia_affiliation_get_role (affiliation), period);
      else
        subtitle = g_strconcat (lia_affiliation_get_role (affiliation), period, NULL);

      row = lia_ui_record_row_new (LIA_RECORD_KIND_CONTACT, contact_id, name, subtitle);
      if (lia_affiliation_is_current_on (affiliation, today))
        {
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
          n_current++;
        }
      else
        {
          if (past == NULL)
            past = adw_expander_row_new ();
          adw_expander_row_add_row (ADW_EXPANDER_ROW (past), row);
          n_past++;
        }
    }

  if (n_current == 0)
    lia_ui_group_add (group, lia_ui_placeholder_row_new (_("Nobody at the moment"),
                                                _("Add people from a contact’s editor, under Affiliations.")));
  if (past != NULL)
    {
      g_autofree char *title = g_strdup_printf (ngettext ("%u former member", "%u former members", n_past),
                                                n_past);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (past), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (past), _("People who have left"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), past);
    }
  if (all != NULL && all->len > 0)
    lia_engagement_add_as_of (group, store, id);
}

static void
lia_organization_detail_build (LiaDetail *detail,
                               GtkWidget *content,
                               LiaRecord *record)
{
  LiaOrganizationDetail *self = LIA_ORGANIZATION_DETAIL (detail);
  LiaOrganization *organization = LIA_ORGANIZATION (record);
  LiaStore *store = lia_detail_get_store (detail);
  gint64 id = lia_record_get_id (record);
  GVariant *target = NULL;
  g_autoptr(GString) subtitle = g_string_new (lia_organization_get_sector (organization));
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(GPtrArray) commitments = NULL;
  g_autoptr(GPtrArray) concerns = NULL;
  g_autofree char *address = address_text (organization);
  g_autofree char *country = lia_iso_dup_country_name (lia_organization_get_country (organization));
  g_autoptr(GError) error = NULL;
  GtkWidget *group, *buttons;
  guint n_details = 0;

  if (lia_organization_get_short_name (organization)[0] != '\0')
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append (subtitle, lia_organization_get_short_name (organization));
    }
  gtk_box_append (GTK_BOX (content),
                  lia_ui_detail_header_new (lia_organization_get_name (organization), NULL,
                                            lia_organization_get_name (organization), subtitle->str));

  buttons = lia_ui_action_bar_new ();
  target = lia_ui_record_target (LIA_RECORD_KIND_ORGANIZATION, id);
  g_variant_ref_sink (target);
  lia_ui_action_bar_add (buttons, lia_ui_action_button_new (_("_Log Interaction"), "win.log-interaction", target));
  lia_ui_action_bar_add (buttons, lia_ui_action_button_new (_("Add _Commitment"), "win.add-commitment", target));
  lia_ui_action_bar_add (buttons, lia_ui_action_button_new (_("Add Co_ncern"), "win.add-concern", target));
  gtk_widget_add_css_class (gtk_widget_get_first_child (gtk_widget_get_first_child (buttons)), "suggested-action");
  g_variant_unref (target);
  gtk_box_append (GTK_BOX (content), buttons);

  group = lia_ui_group_new (content, _("Details"), NULL);
  if (lia_organization_get_parent_id (organization) != 0)
    {
      gint64 parent_id = lia_organization_get_parent_id (organization);
      g_autofree char *parent = lia_ui_dup_record_label (store, LIA_RECORD_KIND_ORGANIZATION, parent_id);
      GtkWidget *row = lia_ui_record_row_new (LIA_RECORD_KIND_ORGANIZATION, parent_id, parent,
                                              _("Parent organization"));

      n_details += lia_ui_group_add (group, row);
    }
  n_details += lia_ui_group_add (group, lia_ui_link_row_new (_("Website"), lia_organization_get_website (organization),
                                       g_str_has_prefix (lia_organization_get_website (organization), "http") ? "" : "https://",
                                       "web-browser-symbolic", _("Open Website")));
  n_details += lia_ui_group_add (group, lia_ui_link_row_new (_("Email"), lia_organization_get_email (organization), "mailto:",
                                       "mail-send-symbolic", _("Send Email")));
  n_details += lia_ui_group_add (group, lia_ui_link_row_new (_("Phone"), lia_organization_get_phone (organization), "tel:",
                                       "call-start-symbolic", _("Call")));
  n_details += lia_ui_group_add (group, lia_ui_property_row_new (_("Address"), address));
  n_details += lia_ui_group_add (group, lia_ui_property_row_new (_("Country"), country));
  if (lia_organization_get_tags (organization)[0] != NULL)
    {
      g_autofree char *tags = g_strjoinv (", ", (char **) lia_organization_get_tags (organization));
      n_details += lia_ui_group_add (group, lia_ui_property_row_new (_("Tags"), tags));
    }
  gtk_widget_set_visible (group, n_details > 0);

  add_assessment (content, lia_organization_get_assessment (organization));
  lia_engagement_add_group (content, store, LIA_RECORD_KIND_ORGANIZATION, id);
  add_people (self, content, organization);

  children = lia_store_list_sub_organizations (store, id, &error);
  if (lia_detail_failed (detail, &error))
    return;
  if (children->len > 0)
    {
      group = lia_ui_group_new (content, _("Sub-organizations"), NULL);
      for (guint i = 0; i < children->len; i++)
        {
          LiaOrganization *child = children->pdata[i];

          lia_ui_group_add (group, lia_ui_record_row_new (LIA_RECORD_KIND_ORGANIZATION,
                                                 lia_record_get_id (LIA_RECORD (child)),
                                                 lia_organization_get_name (child),
                                                 lia_organization_get_sector (child)));
        }
    }

  commitments = lia_store_list_open_commitments (store, 0, id, &error);
  if (lia_detail_failed (detail, &error))
    return;
  group = lia_ui_group_new (content, _("Open Commitments"), NULL);
  for (guint i = 0; i < commitments->len; i++)
    lia_ui_group_add (group, lia_ui_commitment_row_new (store, commitments->pdata[i]));
  if (commitments->len == 0)
    lia_ui_group_add (group, lia_ui_placeholder_row_new (_("Nothing open"), _("Neither side owes anything at the moment.")));

  concerns = lia_store_list_open_concerns (store, 0, id, NULL, &error);
  if (lia_detail_failed (detail, &error))
    return;
  group = lia_ui_group_new (content, _("Open Concerns"), NULL);
  for (guint i = 0; i < concerns->len; i++)
    {
      LiaConcern *concern = concerns->pdata[i];
      g_autofree char *status = g_strdup_printf (_("%s severity · %s"),
                                                 lia_labels_severity (lia_concern_get_severity (concern)),
                                                 lia_labels_concern_status (lia_concern_get_status (concern)));

      lia_ui_group_add (group, lia_ui_record_row_new (LIA_RECORD_KIND_CONCERN,
                                             lia_record_get_id (LIA_RECORD (concern)),
                                             lia_concern_get_title (concern), status));
    }
  if (concerns->len == 0)
    lia_ui_group_add (group, lia_ui_placeholder_row_new (_("No open concerns"), _("No dispute involves this organization.")));

  /* The projects it holds a stake in, with its role; only when there are some. */
  {
    g_autoptr(GArray) projects = lia_store_list_projects_for (store, LIA_RECORD_KIND_ORGANIZATION, id, NULL);

    if (projects != NULL && projects->len > 0)
      {
        group = lia_ui_group_new (content, _("Projects"), NULL);
        for (guint i = 0; i < projects->len; i++)
          {
            gint64 project_id = g_array_index (projects, gint64, i);
            g_autoptr(LiaRecord) project = lia_store_load (store, LIA_RECORD_KIND_PROJECT, project_id, NULL);
            GListModel *stakeholders;
            const char *role = NULL;

            if (project == NULL)
              continue;
            stakeholders = lia_project_get_stakeholders (LIA_PROJECT (project));
            for (guint j = 0; role == NULL && j < g_list_model_get_n_items (stakeholders); j++)
              {
                g_autoptr(LiaProjectStakeholder) stakeholder = g_list_model_get_item (stakeholders, j);

                if (lia_project_stakeholder_get_organization_id (stakeholder) == id)
                  role = lia_project_stakeholder_get_role (stakeholder);
              }
            lia_ui_group_add (group, lia_ui_record_row_new (LIA_RECORD_KIND_PROJECT, project_id,
                                                            lia_project_get_name (LIA_PROJECT (project)),
                                                            role != NULL && role[0] != '\0' ? role : NULL));
          }
      }
  }

  if (lia_organization_get_notes (organization)[0] != '\0')
    {
      group = lia_ui_group_new (content, _("Notes"), NULL);
      lia_ui_group_add (group, lia_ui_text_row_new (lia_organization_get_notes (organization)));
    }
}

static void
lia_organization_detail_class_init (LiaOrganizationDetailClass *klass)
{
  LiaDetailClass *detail_class = LIA_DETAIL_CLASS (klass);

  detail_class->kind = LIA_RECORD_KIND_ORGANIZATION;
  detail_class->has_timeline = TRUE;
  detail_class->build = lia_organization_detail_build;
}

static void
lia_organization_detail_init (LiaOrganizationDetail *self)
{
}

LiaOrganizationDetail *
lia_organization_detail_new (LiaStore *store)
{
  g_return_val_if_fail (LIA_IS_STORE (store), NULL);

  return g_object_new (LIA_TYPE_ORGANIZATION_DETAIL, "store", store, NULL);
}
