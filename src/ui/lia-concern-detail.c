/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-concern-detail.h"
#include "lia-ui-util.h"

struct _LiaConcernDetail
{
  LiaDetail parent_instance;
};

G_DEFINE_FINAL_TYPE (LiaConcernDetail, lia_concern_detail, LIA_TYPE_DETAIL)

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

  if (interactions->len > 0)
    {
      group = lia_ui_group_new (content, _("Interactions"), NULL);
      for (guint i = 0; i < interactions->len; i++)
        {
          gint64 id = g_array_index (interactions, gint64, i);
          g_autofree char *title = lia_ui_dup_record_label (store, LIA_RECORD_KIND_INTERACTION, id);

          lia_ui_group_add (group, lia_ui_record_row_new (LIA_RECORD_KIND_INTERACTION, id, title, NULL));
        }
    }
}

static void
lia_concern_detail_class_init (LiaConcernDetailClass *klass)
{
  LiaDetailClass *detail_class = LIA_DETAIL_CLASS (klass);

  detail_class->kind = LIA_RECORD_KIND_CONCERN;
  detail_class->build = lia_concern_detail_build;
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
