/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-project-links.h"
#include "lia-record-picker.h"
#include "lia-store-projects.h"
#include "lia-ui-util.h"

typedef struct
{
  LiaStore      *store;
  LiaRecordKind  kind;
  gint64         id;
} Linking;

static void
linking_free (gpointer data)
{
  Linking *linking = data;

  g_clear_object (&linking->store);
  g_free (linking);
}

static void
on_project_picked_cb (LiaRecordPicker *picker,
                      int              kind,
                      gint64           project_id,
                      const char      *label,
                      Linking         *linking)
{
  g_autoptr(LiaRecord) project = NULL;
  g_autoptr(GError) error = NULL;

  if (kind != LIA_RECORD_KIND_PROJECT)
    return;
  if (!(project = lia_store_load (linking->store, LIA_RECORD_KIND_PROJECT, project_id, &error)))
    {
      g_warning ("Could not link to project %s: %s", label, error->message);
      return;
    }

  lia_project_add_link (LIA_PROJECT (project), linking->kind, linking->id);
  if (!lia_store_save (linking->store, project, &error))
    g_warning ("Could not link to project %s: %s", label, error->message);
}

void
lia_project_links_add_group (LiaStore      *store,
                             GtkWidget     *content,
                             LiaRecordKind  kind,
                             gint64         id)
{
  g_autoptr(GArray) projects = lia_store_list_projects_for (store, kind, id, NULL);
  LiaRecordPicker *picker = NULL;
  GtkWidget *group = lia_ui_group_new (content, _("Projects"), NULL);
  GtkWidget *button;
  Linking *linking = g_new0 (Linking, 1);

  g_return_if_fail (kind == LIA_RECORD_KIND_INTERACTION || kind == LIA_RECORD_KIND_COMMITMENT ||
                    kind == LIA_RECORD_KIND_CONCERN);

  button = lia_record_picker_button_new (store, 1u << LIA_RECORD_KIND_PROJECT, _("_Link to Project…"),
                                         &picker);
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (button), TRUE);
  gtk_widget_add_css_class (button, "flat");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
  linking->store = g_object_ref (store);
  linking->kind = kind;
  linking->id = id;
  g_object_set_data_full (G_OBJECT (picker), "lia-linking", linking, linking_free);
  g_signal_connect (picker, "picked", G_CALLBACK (on_project_picked_cb), linking);

  for (guint i = 0; projects != NULL && i < projects->len; i++)
    {
      gint64 project_id = g_array_index (projects, gint64, i);
      g_autofree char *name = lia_ui_dup_record_label (store, LIA_RECORD_KIND_PROJECT, project_id);

      lia_ui_group_add (group, lia_ui_record_row_new (LIA_RECORD_KIND_PROJECT, project_id, name, NULL));
    }
  if (projects == NULL || projects->len == 0)
    lia_ui_group_add (group, lia_ui_placeholder_row_new (_("In no project"), _("Link it to the projects it belongs to.")));
}
