/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-interaction-detail.h"
#include "lia-store-window.h"
#include "lia-project-links.h"
#include "lia-ui-util.h"

struct _LiaInteractionDetail
{
  LiaDetail parent_instance;
};

G_DEFINE_FINAL_TYPE (LiaInteractionDetail, lia_interaction_detail, LIA_TYPE_DETAIL)

static const char *
sentiment_label (int sentiment)
{
  switch (sentiment)
    {
    case -2: return _("Very negative");
    case -1: return _("Negative");
    case 1: return _("Positive");
    case 2: return _("Very positive");
    default: return _("Neutral");
    }
}

static void
lia_interaction_detail_build (LiaDetail *detail,
                              GtkWidget *content,
                              LiaRecord *record)
{
  LiaInteraction *interaction = LIA_INTERACTION (record);
  LiaStore *store = lia_detail_get_store (detail);
  LiaInteractionKind kind = lia_interaction_get_kind (interaction);
  GDateTime *at = lia_interaction_get_at (interaction);
  g_autofree char *day = lia_ui_format_day (at);
  g_autofree char *time = lia_ui_format_time (at);
  g_autofree char *offset = g_date_time_format (at, "%:z");
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *duration = NULL;
  const GArray *contacts = lia_interaction_get_contact_ids (interaction);
  const GArray *organizations = lia_interaction_get_organization_ids (interaction);
  g_autoptr(GPtrArray) concerns = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *group, *buttons;

  /* Translators: when an interaction happened, as in "Monday, 3 March 2025, 14:05 (UTC+03:00)". */
  when = g_strdup_printf (_("%s, %s (UTC%s)"), day, time, offset);
  if (lia_interaction_get_cancelled (interaction))
    subtitle = g_strdup_printf ("%s · %s · %s", lia_labels_interaction_kind (kind),
                                lia_labels_interaction_cancelled (), when);
  else
    subtitle = g_strdup_printf ("%s · %s", lia_labels_interaction_kind (kind), when);
  gtk_box_append (GTK_BOX (content),
                  lia_ui_detail_header_new (NULL, lia_ui_interaction_kind_icon_name (kind),
                                            lia_interaction_get_title (interaction), subtitle));

  /* What was promised there is tied to it from the start. */
  buttons = lia_ui_action_bar_new ();
  lia_ui_action_bar_add (buttons, lia_ui_action_button_new (_("Add _Commitment"), "win.add-commitment",
                                                            lia_ui_record_target (LIA_RECORD_KIND_INTERACTION,
                                                                                  lia_record_get_id (record))));
  gtk_box_append (GTK_BOX (content), buttons);

  group = lia_ui_group_new (content, _("Details"), NULL);
  if (lia_interaction_get_duration_minutes (interaction) > 0)
    duration = g_strdup_printf (ngettext ("%u minute", "%u minutes",
                                          lia_interaction_get_duration_minutes (interaction)),
                                lia_interaction_get_duration_minutes (interaction));
  lia_ui_group_add (group, lia_ui_property_row_new (_("Duration"), duration));
  lia_ui_group_add (group, lia_ui_property_row_new (_("Location"), lia_interaction_get_location (interaction)));
  lia_ui_group_add (group, lia_ui_property_row_new (_("Sentiment"),
                                                    sentiment_label (lia_interaction_get_sentiment (interaction))));

  group = lia_ui_group_new (content, _("Participants"), NULL);
  for (guint i = 0; i < contacts->len; i++)
    {
      gint64 id = g_array_index (contacts, gint64, i);
      g_autoptr(LiaRecord) contact = lia_store_load (store, LIA_RECORD_KIND_CONTACT, id, &error);
      g_autofree char *name = NULL;
      g_autofree char *context = NULL;

      /* A participant deleted since is shown as such; one that cannot be read is an error. */
      if (g_error_matches (error, LIA_STORE_ERROR, LIA_STORE_ERROR_NOT_FOUND))
        g_clear_error (&error);
      if (lia_detail_failed (detail, &error))
        return;
      name = lia_ui_dup_record_label (store, LIA_RECORD_KIND_CONTACT, id);
      /* Who they are, so that two people of the same name are told apart. */
      if (contact != NULL)
        {
          context = lia_ui_read_contact_context (store, LIA_CONTACT (contact), &error);
          if (lia_detail_failed (detail, &error))
            return;
        }
      lia_ui_group_add (group, lia_ui_record_row_new (LIA_RECORD_KIND_CONTACT, id, name,
                                                      context != NULL && context[0] != '\0'
                                                      ? context : _("Contact")));
    }
  for (guint i = 0; i < organizations->len; i++)
    {
      gint64 id = g_array_index (organizations, gint64, i);
      g_autofree char *name = lia_ui_dup_record_label (store, LIA_RECORD_KIND_ORGANIZATION, id);

      lia_ui_group_add (group, lia_ui_record_row_new (LIA_RECORD_KIND_ORGANIZATION, id, name,
                                                      _("Organization")));
    }
  if (contacts->len + organizations->len == 0)
    lia_ui_group_add (group, lia_ui_placeholder_row_new (_("Nobody recorded"),
                                                         _("Edit the interaction to add who took part.")));

  if (lia_interaction_get_summary (interaction)[0] != '\0' ||
      lia_interaction_get_outcome (interaction)[0] != '\0')
    {
      group = lia_ui_group_new (content, _("What Happened"), NULL);
      lia_ui_group_add (group, lia_ui_property_row_new (_("Summary"), lia_interaction_get_summary (interaction)));
      lia_ui_group_add (group, lia_ui_property_row_new (_("Outcome"), lia_interaction_get_outcome (interaction)));
    }

  concerns = lia_store_list_concerns_for_interaction (store, lia_record_get_id (record), &error);
  if (lia_detail_failed (detail, &error))
    return;
  if (concerns->len > 0)
    {
      group = lia_ui_group_new (content, _("Concerns"), NULL);
      for (guint i = 0; i < concerns->len; i++)
        {
          LiaConcern *concern = concerns->pdata[i];

          lia_ui_group_add (group, lia_ui_record_row_new (LIA_RECORD_KIND_CONCERN,
                                                          lia_record_get_id (LIA_RECORD (concern)),
                                                          lia_concern_get_title (concern),
                                                          lia_labels_concern_status (lia_concern_get_status (concern))));
        }
    }

  lia_project_links_add_group (store, content, LIA_RECORD_KIND_INTERACTION, lia_record_get_id (record));
}

static void
lia_interaction_detail_class_init (LiaInteractionDetailClass *klass)
{
  LiaDetailClass *detail_class = LIA_DETAIL_CLASS (klass);

  detail_class->kind = LIA_RECORD_KIND_INTERACTION;
  detail_class->build = lia_interaction_detail_build;
}

static void
lia_interaction_detail_init (LiaInteractionDetail *self)
{
}

LiaInteractionDetail *
lia_interaction_detail_new (LiaStore *store)
{
  g_return_val_if_fail (LIA_IS_STORE (store), NULL);

  return g_object_new (LIA_TYPE_INTERACTION_DETAIL, "store", store, NULL);
}
