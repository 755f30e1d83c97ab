/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-contact-detail.h"
#include "lia-engagement-ui.h"
#include "lia-iso-codes.h"
#include "lia-store-reports.h"
#include "lia-ui-util.h"

struct _LiaContactDetail
{
  LiaDetail parent_instance;
};

G_DEFINE_FINAL_TYPE (LiaContactDetail, lia_contact_detail, LIA_TYPE_DETAIL)

static guint
add_contact_points (GtkWidget  *group,
                    GListModel *points,
                    const char *uri_prefix,
                    const char *icon_name,
                    const char *tooltip)
{
  guint n = g_list_model_get_n_items (points);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaContactPoint) point = g_list_model_get_item (points, i);

      lia_ui_group_add (group,
                        lia_ui_link_row_new (lia_labels_contact_point_kind (lia_contact_point_get_kind (point)),
                                             lia_contact_point_get_value (point), uri_prefix,
                                             icon_name, tooltip));
    }

  return n;
}

/* Websites and messaging handles: the value opens itself (a site without its scheme is a web
 * site all the same). */
static guint
add_links (GtkWidget  *group,
           GListModel *points,
           const char *icon_name,
           const char *tooltip)
{
  guint n = g_list_model_get_n_items (points);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaContactPoint) point = g_list_model_get_item (points, i);
      const char *value = lia_contact_point_get_value (point);
      gboolean bare_site = g_str_equal (icon_name, "web-browser-symbolic") && strstr (value, "://") == NULL;

      lia_ui_group_add (group,
                        lia_ui_link_row_new (lia_labels_contact_point_kind (lia_contact_point_get_kind (point)),
                                             value, bare_site ? "https://" : "", icon_name, tooltip));
    }

  return n;
}

static guint
add_addresses (GtkWidget  *group,
               GListModel *addresses)
{
  guint n = g_list_model_get_n_items (addresses);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaPostalAddress) address = g_list_model_get_item (addresses, i);
      g_autofree char *lines = lia_postal_address_format (address);
      GtkWidget *row = lia_ui_property_row_new (lia_labels_contact_point_kind (lia_postal_address_get_kind (address)),
                                                lines);

      if (row != NULL)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   lia_ui_suffix_button_new ("edit-copy-symbolic", _("Copy"), "win.copy",
                                                             g_variant_new_string (lines)));
      lia_ui_group_add (group, row);
    }

  return n;
}

static void
add_affiliations (LiaContactDetail *self,
                  GtkWidget        *content,
                  LiaContact       *contact)
{
  LiaStore *store = lia_detail_get_store (LIA_DETAIL (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) affiliations =
    lia_store_list_affiliations_for_contact (store, lia_record_get_id (LIA_RECORD (contact)), &error);
  g_autoptr(GDate) today = lia_date_new_today ();
  GtkWidget *group;

  if (lia_detail_failed (LIA_DETAIL (self), &error))
    return;

  group = lia_ui_group_new (content, _("Affiliations"), NULL);
  for (guint i = 0; i < affiliations->len; i++)
    {
      LiaAffiliation *affiliation = affiliations->pdata[i];
      gint64 organization_id = lia_affiliation_get_organization_id (affiliation);
      g_autofree char *name = lia_ui_dup_record_label (store, LIA_RECORD_KIND_ORGANIZATION, organization_id);
      g_autofree char *period = lia_ui_format_period (lia_affiliation_get_from (affiliation),
                                                      lia_affiliation_get_until (affiliation));
      g_autoptr(GString) subtitle = g_string_new (lia_affiliation_get_role (affiliation));
      const char *unit = lia_affiliation_get_unit (affiliation);
      GtkWidget *row;

      if (unit[0] != '\0')
        g_string_append_printf (subtitle, subtitle->len > 0 ? " · %s" : "%s", unit);
      if (period[0] != '\0')
        g_string_append_printf (subtitle, subtitle->len > 0 ? " · %s" : "%s", period);
      if (!lia_affiliation_is_current_on (affiliation, today))
        g_string_append_printf (subtitle, subtitle->len > 0 ? " · %s" : "%s", _("Former"));
      row = lia_ui_record_row_new (LIA_RECORD_KIND_ORGANIZATION, organization_id, name, subtitle->str);
      if (lia_affiliation_get_primary (affiliation))
        {
          GtkWidget *star = gtk_image_new_from_icon_name ("starred-symbolic");

          gtk_widget_set_tooltip_text (star, _("Main affiliation"));
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), star);
        }
      lia_ui_group_add (group, row);
    }

  if (affiliations->len == 0)
    lia_ui_group_add (group, lia_ui_placeholder_row_new (_("No affiliations"),
                                                         _("Edit the contact to say where they work.")));
}

static void
lia_contact_detail_build (LiaDetail *detail,
                          GtkWidget *content,
                          LiaRecord *record)
{
  LiaContactDetail *self = LIA_CONTACT_DETAIL (detail);
  LiaContact *contact = LIA_CONTACT (record);
  LiaStore *store = lia_detail_get_store (detail);
  LiaAssessment *assessment = lia_contact_get_assessment (contact);
  gint64 id = lia_record_get_id (record);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *local_time = lia_ui_format_local_time (lia_contact_get_time_zone (contact), now);
  g_autofree char *languages = lia_iso_dup_language_list (lia_contact_get_languages (contact));
  g_autofree char *influence = lia_labels_format_scale (lia_assessment_get_influence (assessment));
  g_autofree char *interest = lia_labels_format_scale (lia_assessment_get_interest (assessment));
  g_autoptr(GPtrArray) commitments = NULL;
  g_autoptr(GPtrArray) concerns = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *birthday = lia_labels_format_birthday (lia_contact_get_birthday (contact));
  GVariant *target;
  GtkWidget *group, *buttons, *header;
  guint n_reach = 0;
  guint n_personal = 0;

  header = lia_ui_detail_header_new (lia_contact_get_display_name (contact), NULL,
                                     lia_contact_get_display_name (contact),
                                     lia_contact_get_job_title (contact));
  lia_ui_detail_header_set_photo (header, lia_ui_contact_photo (contact));
  gtk_box_append (GTK_BOX (content), header);

  buttons = lia_ui_action_bar_new ();
  target = g_variant_ref_sink (lia_ui_record_target (LIA_RECORD_KIND_CONTACT, id));
  lia_ui_action_bar_add (buttons, lia_ui_action_button_new (_("_Log Interaction"), "win.log-interaction", target));
  lia_ui_action_bar_add (buttons, lia_ui_action_button_new (_("Add _Commitment"), "win.add-commitment", target));
  gtk_widget_add_css_class (gtk_widget_get_first_child (gtk_widget_get_first_child (buttons)), "suggested-action");
  g_variant_unref (target);
  gtk_box_append (GTK_BOX (content), buttons);

  group = lia_ui_group_new (content, _("How to Reach"), NULL);
  n_reach += add_contact_points (group, lia_contact_get_emails (contact), "mailto:",
                                 "mail-send-symbolic", _("Send Email"));
  n_reach += add_contact_points (group, lia_contact_get_phones (contact), "tel:",
                                 "call-start-symbolic", _("Call"));
  n_reach += add_links (group, lia_contact_get_ims (contact), "chat-message-new-symbolic", _("Open in a Messaging App"));
  n_reach += add_links (group, lia_contact_get_websites (contact), "web-browser-symbolic", _("Open Website"));
  n_reach += add_addresses (group, lia_contact_get_addresses (contact));
  if (lia_contact_get_preferred_channel (contact) != LIA_CHANNEL_UNSPECIFIED)
    n_reach += lia_ui_group_add (group, lia_ui_property_row_new (_("Prefers"),
                                                                 lia_labels_channel (lia_contact_get_preferred_channel (contact))));
  n_reach += lia_ui_group_add (group, lia_ui_property_row_new (_("Local Time"), local_time));
  n_reach += lia_ui_group_add (group, lia_ui_property_row_new (_("Languages"), languages));
  if (n_reach == 0)
    lia_ui_group_add (group, lia_ui_placeholder_row_new (_("No contact details"),
                                                         _("Edit the contact to add email addresses and phone numbers.")));

  group = lia_ui_group_new (content, _("Personal Details"), NULL);
  n_personal += lia_ui_group_add (group, lia_ui_property_row_new (_("Nickname"), lia_contact_get_nickname (contact)));
  n_personal += lia_ui_group_add (group, lia_ui_property_row_new (_("Birthday"), birthday));
  gtk_widget_set_visible (group, n_personal > 0);

  add_affiliations (self, content, contact);

  group = lia_ui_group_new (content, _("Assessment"), NULL);
  lia_ui_group_add (group, lia_ui_property_row_new (_("Influence"), influence));
  lia_ui_group_add (group, lia_ui_property_row_new (_("Interest"), interest));
  lia_ui_group_add (group, lia_ui_property_row_new (_("Stance"),
                                                    lia_labels_stance (lia_assessment_get_stance (assessment))));

  lia_engagement_add_group (content, store, LIA_RECORD_KIND_CONTACT, id);

  commitments = lia_store_list_open_commitments (store, id, 0, &error);
  if (lia_detail_failed (detail, &error))
    return;
  group = lia_ui_group_new (content, _("Open Commitments"), _("What we owe them and what they owe us"));
  for (guint i = 0; i < commitments->len; i++)
    lia_ui_group_add (group, lia_ui_commitment_row_new (store, commitments->pdata[i]));
  if (commitments->len == 0)
    lia_ui_group_add (group, lia_ui_placeholder_row_new (_("Nothing open"),
                                                         _("Neither side owes anything at the moment.")));

  concerns = lia_store_list_open_concerns (store, id, 0, NULL, &error);
  if (lia_detail_failed (detail, &error))
    return;
  if (concerns->len > 0)
    {
      group = lia_ui_group_new (content, _("Open Concerns"), NULL);
      for (guint i = 0; i < concerns->len; i++)
        {
          LiaConcern *concern = concerns->pdata[i];

          lia_ui_group_add (group, lia_ui_record_row_new (LIA_RECORD_KIND_CONCERN,
                                                          lia_record_get_id (LIA_RECORD (concern)),
                                                          lia_concern_get_title (concern),
                                                          lia_labels_severity (lia_concern_get_severity (concern))));
        }
    }

  if (lia_contact_get_notes (contact)[0] != '\0')
    {
      group = lia_ui_group_new (content, _("Notes"), NULL);
      lia_ui_group_add (group, lia_ui_text_row_new (lia_contact_get_notes (contact)));
    }
}

static void
lia_contact_detail_class_init (LiaContactDetailClass *klass)
{
  LiaDetailClass *detail_class = LIA_DETAIL_CLASS (klass);

  detail_class->kind = LIA_RECORD_KIND_CONTACT;
  detail_class->has_timeline = TRUE;
  detail_class->build = lia_contact_detail_build;
}

static void
lia_contact_detail_init (LiaContactDetail *self)
{
}

LiaContactDetail *
lia_contact_detail_new (LiaStore *store)
{
  g_return_val_if_fail (LIA_IS_STORE (store), NULL);

  return g_object_new (LIA_TYPE_CONTACT_DETAIL, "store", store, NULL);
}
