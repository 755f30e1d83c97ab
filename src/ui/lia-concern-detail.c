/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "lia-concern-detail.h"
#include "lia-store-today.h"
#include "lia-project-links.h"
#include "lia-ui-util.h"

struct _LiaConcernDetail
{
  LiaDetail    parent_instance;

  /* The text of the "Record Resolution" dialog while it is open. */
  GtkTextView *resolution_view;
};

G_DEFINE_FINAL_TYPE (LiaConcernDetail, lia_concern_detail, LIA_TYPE_DETAIL)

/* The interactions linked to the concern, oldest first, each with its day and kind. */
static void
add_timeline (LiaStore  *store,
              GtkWidget *content,
              gint64     concern_id,
              guint      n_linked)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) interactions = NULL;
  GtkWidget *group;

  if (n_linked == 0)
    return;
  group = lia_ui_group_new (content, _("Interactions"), _("Oldest first"));
  if (!(interactions = lia_store_list_concern_interactions (store, concern_id, &error)))
    {
      lia_ui_group_add (group, lia_ui_placeholder_row_new (_("Could not read the interactions"), error->message));
      return;
    }
  for (guint i = 0; i < interactions->len; i++)
    {
      LiaInteraction *interaction = interactions->pdata[i];
      g_autofree char *day = lia_ui_format_day (lia_interaction_get_at (interaction));
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", day,
                                                   lia_labels_interaction_kind (lia_interaction_get_kind (interaction)));
      GtkWidget *row = lia_ui_record_row_new (LIA_RECORD_KIND_INTERACTION, lia_record_get_id (LIA_RECORD (interaction)),
                                              lia_record_get_label (LIA_RECORD (interaction)), subtitle);

      if (ADW_IS_ACTION_ROW (row))
        adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                   gtk_image_new_from_icon_name (lia_ui_interaction_kind_icon_name (lia_interaction_get_kind (interaction))));
      lia_ui_group_add (group, row);
    }
}

/* What was promised at those interactions: what came out of the concern. */
static void
add_commitments (LiaStore  *store,
                 GtkWidget *content,
                 gint64     concern_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) commitments = lia_store_list_concern_commitments (store, concern_id, &error);
  GtkWidget *group;

  if (commitments != NULL && commitments->len == 0)
    return;
  group = lia_ui_group_new (content, _("Commitments"), _("Promised at the interactions above"));
  if (commitments == NULL)
    {
      lia_ui_group_add (group, lia_ui_placeholder_row_new (_("Could not read the commitments"), error->message));
      return;
    }
  for (guint i = 0; i < commitments->len; i++)
    {
      LiaCommitment *commitment = commitments->pdata[i];
      g_autofree char *due = lia_labels_format_date (lia_commitment_get_due_date (commitment));
      g_autofree char *subtitle = due != NULL
        ? g_strdup_printf ("%s · %s · %s", lia_labels_direction (lia_commitment_get_direction (commitment)),
                           lia_labels_commitment_status (lia_commitment_get_status (commitment)), due)
        : g_strdup_printf ("%s · %s", lia_labels_direction (lia_commitment_get_direction (commitment)),
                           lia_labels_commitment_status (lia_commitment_get_status (commitment)));

      lia_ui_group_add (group, lia_ui_record_row_new (LIA_RECORD_KIND_COMMITMENT,
                                                      lia_record_get_id (LIA_RECORD (commitment)),
                                                      lia_record_get_label (LIA_RECORD (commitment)), subtitle));
    }
}

static void
lia_concern_detail_build (LiaDetail *detail,
                          GtkWidget *content,
                          LiaRecord *record)
{
  LiaConcern *concern = LIA_CONCERN (record);
  LiaStore *store = lia_detail_get_store (detail);
  GListModel *parties = lia_concern_get_parties (concern);
  const GArray *interactions = lia_concern_get_interaction_ids (concern);
  g_autofree char *opened = lia_labels_format_date (lia_concern_get_opened (concern));
  g_autofree char *resolved = lia_labels_format_date (lia_concern_get_resolved (concern));
  g_autofree char *subtitle = NULL;
  GtkWidget *group;
  guint n = g_list_model_get_n_items (parties);

  /* Translators: a concern's severity and status, as in "High severity · Mediating". */
  subtitle = g_strdup_printf (_("%s severity · %s"),
                              lia_labels_severity (lia_concern_get_severity (concern)),
                              lia_labels_concern_status (lia_concern_get_status (concern)));
  gtk_box_append (GTK_BOX (content),
                  lia_ui_detail_header_new (NULL, "dialog-warning-symbolic",
                                            lia_concern_get_title (concern), subtitle));

  /* A commitment that comes out of the concern is promised at its latest interaction (so
   * that it is listed here), or made with its first party when it has none yet. */
  {
    GtkWidget *buttons = lia_ui_action_bar_new ();
    GVariant *target = NULL;

    if (interactions->len > 0)
      target = lia_ui_record_target (LIA_RECORD_KIND_INTERACTION,
                                     g_array_index (interactions, gint64, interactions->len - 1));
    else if (n > 0)
      {
        g_autoptr(LiaConcernParty) party = g_list_model_get_item (parties, 0);
        gint64 contact = lia_concern_party_get_contact_id (party);

        target = contact != 0 ? lia_ui_record_target (LIA_RECORD_KIND_CONTACT, contact)
                              : lia_ui_record_target (LIA_RECORD_KIND_ORGANIZATION,
                                                      lia_concern_party_get_organization_id (party));
      }
    else
      target = lia_ui_record_target (LIA_RECORD_KIND_CONCERN, 0);
    lia_ui_action_bar_add (buttons, lia_ui_action_button_new (_("Record _Resolution…"),
                                                              "concern.record-resolution", NULL));
    lia_ui_action_bar_add (buttons, lia_ui_action_button_new (_("Add _Commitment"), "win.add-commitment", target));
    gtk_box_append (GTK_BOX (content), buttons);
  }

  group = lia_ui_group_new (content, _("Parties"), NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaConcernParty) party = g_list_model_get_item (parties, i);
      gboolean is_contact = lia_concern_party_get_contact_id (party) != 0;
      LiaRecordKind kind = is_contact ? LIA_RECORD_KIND_CONTACT : LIA_RECORD_KIND_ORGANIZATION;
      gint64 id = is_contact ? lia_concern_party_get_contact_id (party)
                             : lia_concern_party_get_organization_id (party);
      g_autofree char *name = lia_ui_dup_record_label (store, kind, id);

      lia_ui_group_add (group, lia_ui_record_row_new (kind, id, name, lia_concern_party_get_position (party)));
    }
  if (n == 0)
    lia_ui_group_add (group, lia_ui_placeholder_row_new (_("No parties"), _("Edit the concern to say who is involved.")));

  group = lia_ui_group_new (content, _("Details"), NULL);
  lia_ui_group_add (group, lia_ui_property_row_new (_("Opened"), opened));
  lia_ui_group_add (group, lia_ui_property_row_new (_("Resolved"), resolved));
  lia_ui_group_add (group, lia_ui_property_row_new (_("Root Cause"), lia_concern_get_root_cause (concern)));
  lia_ui_group_add (group, lia_ui_property_row_new (_("Resolution"), lia_concern_get_resolution (concern)));
  lia_ui_group_add (group, lia_ui_property_row_new (_("Notes"), lia_concern_get_notes (concern)));

  add_timeline (store, content, lia_record_get_id (record), interactions->len);
  add_commitments (store, content, lia_record_get_id (record));
  lia_project_links_add_group (store, content, LIA_RECORD_KIND_CONCERN, lia_record_get_id (record));
}

static void
on_resolution_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           LiaConcernDetail *self)
{
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (g_strcmp0 (response, "resolve") == 0 && self->resolution_view != NULL)
    {
      buffer = gtk_text_view_get_buffer (self->resolution_view);
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (!lia_concern_detail_record_resolution (self, text, &error))
        {
          GtkWidget *report = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                      _("The Resolution Was Not Saved"), error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (report), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (report));
        }
    }
  self->resolution_view = NULL;
}

static void
record_resolution_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  LiaConcernDetail *self = LIA_CONCERN_DETAIL (widget);
  LiaRecord *record = lia_detail_get_record (LIA_DETAIL (self));
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog, *scroller, *view;

  if (record == NULL || !GTK_IS_WINDOW (root))
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (root), _("Record the Resolution"),
                                   _("How was it settled? The concern is marked resolved today. "
                                     "Add the commitments that came out of it from its page."));
  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            lia_concern_get_resolution (LIA_CONCERN (record)), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Resolution"), -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 120);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_widget_add_css_class (scroller, "card");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "resolve", _("_Mark Resolved"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "resolve", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "resolve");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  self->resolution_view = GTK_TEXT_VIEW (view);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_resolution_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
}

static void
lia_concern_detail_class_init (LiaConcernDetailClass *klass)
{
  LiaDetailClass *detail_class = LIA_DETAIL_CLASS (klass);

  detail_class->kind = LIA_RECORD_KIND_CONCERN;
  detail_class->build = lia_concern_detail_build;

  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "concern.record-resolution", NULL,
                                   record_resolution_action);
}

static void
lia_concern_detail_init (LiaConcernDetail *self)
{
}

LiaConcernDetail *
lia_concern_detail_new (LiaStore *store)
{
  g_return_val_if_fail (LIA_IS_STORE (store), NULL);

  return g_object_new (LIA_TYPE_CONCERN_DETAIL, "store", store, NULL);
}

gboolean
lia_concern_detail_record_resolution (LiaConcernDetail  *self,
                                      const char        *resolution,
                                      GError           **error)
{
  LiaRecord *shown;
  g_autoptr(LiaRecord) record = NULL;
  g_autoptr(GDate) today = lia_date_new_today ();
  LiaConcern *concern;

  g_return_val_if_fail (LIA_IS_CONCERN_DETAIL (self), FALSE);
  g_return_val_if_fail (resolution != NULL, FALSE);

  if (!(shown = lia_detail_get_record (LIA_DETAIL (self))))
    return TRUE;
  /* The stored record, not the one on screen: the latest of it. */
  record = lia_store_load (lia_detail_get_store (LIA_DETAIL (self)), LIA_RECORD_KIND_CONCERN,
                           lia_record_get_id (shown), error);
  if (record == NULL)
    return FALSE;
  concern = LIA_CONCERN (record);
  lia_concern_set_resolution (concern, resolution);
  if (lia_concern_get_status (concern) == LIA_CONCERN_STATUS_OPEN ||
      lia_concern_get_status (concern) == LIA_CONCERN_STATUS_MEDIATING)
    lia_concern_set_status (concern, LIA_CONCERN_STATUS_RESOLVED);
  if (lia_concern_get_resolved (concern) == NULL || !g_date_valid (lia_concern_get_resolved (concern)))
    lia_concern_set_resolved (concern, today);

  return lia_store_save (lia_detail_get_store (LIA_DETAIL (self)), record, error);
}
