/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-commitment-detail.h"
#include "lia-project-links.h"
#include "lia-ui-util.h"

struct _LiaCommitmentDetail
{
  LiaDetail parent_instance;
};

G_DEFINE_FINAL_TYPE (LiaCommitmentDetail, lia_commitment_detail, LIA_TYPE_DETAIL)

static void
lia_commitment_detail_build (LiaDetail *detail,
                             GtkWidget *content,
                             LiaRecord *record)
{
  LiaCommitment *commitment = LIA_COMMITMENT (record);
  LiaStore *store = lia_detail_get_store (detail);
  gint64 id = lia_record_get_id (record);
  g_autofree char *due = lia_labels_format_date (lia_commitment_get_due_date (commitment));
  g_autofree char *done = lia_labels_format_date (lia_commitment_get_done_date (commitment));
  g_autofree char *status = NULL;
  GtkWidget *group, *button;

  if (lia_commitment_get_is_overdue (commitment))
    status = g_strdup_printf (_("Overdue since %s"), due);
  else
    status = g_strdup (lia_labels_commitment_status (lia_commitment_get_status (commitment)));

  gtk_box_append (GTK_BOX (content),
                  lia_ui_detail_header_new (NULL, "task-due-symbolic", lia_commitment_get_title (commitment),
                                            lia_labels_direction (lia_commitment_get_direction (commitment))));

  if (lia_commitment_get_status (commitment) == LIA_COMMITMENT_STATUS_OPEN)
    button = lia_ui_action_button_new (_("Mark as _Done"), "win.mark-done", g_variant_new_int64 (id));
  else
    button = lia_ui_action_button_new (_("_Reopen"), "win.reopen", g_variant_new_int64 (id));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_box_append (GTK_BOX (content), button);

  group = lia_ui_group_new (content, _("Details"), NULL);
  lia_ui_group_add (group, lia_ui_property_row_new (_("Status"), status));
  lia_ui_group_add (group, lia_ui_property_row_new (_("Due"), due != NULL ? due : _("No due date")));
  lia_ui_group_add (group, lia_ui_property_row_new (_("Done On"), done));
  if (lia_commitment_get_organization_id (commitment) != 0)
    {
      gint64 other = lia_commitment_get_organization_id (commitment);
      g_autofree char *name = lia_ui_dup_record_label (store, LIA_RECORD_KIND_ORGANIZATION, other);

      lia_ui_group_add (group, lia_ui_record_row_new (LIA_RECORD_KIND_ORGANIZATION, other, name,
                                                      _("Organization")));
    }
  if (lia_commitment_get_contact_id (commitment) != 0)
    {
      gint64 other = lia_commitment_get_contact_id (commitment);
      g_autofree char *name = lia_ui_dup_record_label (store, LIA_RECORD_KIND_CONTACT, other);

      lia_ui_group_add (group, lia_ui_record_row_new (LIA_RECORD_KIND_CONTACT, other, name, _("Contact")));
    }
  if (lia_commitment_get_interaction_id (commitment) != 0)
    {
      gint64 other = lia_commitment_get_interaction_id (commitment);
      g_autofree char *name = lia_ui_dup_record_label (store, LIA_RECORD_KIND_INTERACTION, other);

      lia_ui_group_add (group, lia_ui_record_row_new (LIA_RECORD_KIND_INTERACTION, other, name,
                                                      _("Promised at")));
    }
  lia_ui_group_add (group, lia_ui_property_row_new (_("Notes"), lia_commitment_get_notes (commitment)));

  lia_project_links_add_group (store, content, LIA_RECORD_KIND_COMMITMENT, lia_record_get_id (record));
}

static void
lia_commitment_detail_class_init (LiaCommitmentDetailClass *klass)
{
  LiaDetailClass *detail_class = LIA_DETAIL_CLASS (klass);

  detail_class->kind = LIA_RECORD_KIND_COMMITMENT;
  detail_class->build = lia_commitment_detail_build;
}

static void
lia_commitment_detail_init (LiaCommitmentDetail *self)
{
}

LiaCommitmentDetail *
lia_commitment_detail_new (LiaStore *store)
{
  g_return_val_if_fail (LIA_IS_STORE (store), NULL);

  return g_object_new (LIA_TYPE_COMMITMENT_DETAIL, "store", store, NULL);
}
