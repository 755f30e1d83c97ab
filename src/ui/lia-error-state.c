/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-error-state.h"

GtkWidget *
lia_error_state_new (const char *title,
                     GCallback   retry,
                     gpointer    instance)
{
  GtkWidget *page = adw_status_page_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Retry"));

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (retry != NULL, NULL);
  g_return_val_if_fail (G_IS_OBJECT (instance), NULL);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "dialog-error-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  gtk_widget_add_css_class (page, "error-state");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_set_tooltip_text (button, _("Read the database again"));
  g_signal_connect_object (button, "clicked", retry, instance, G_CONNECT_SWAPPED);
  adw_status_page_set_child (ADW_STATUS_PAGE (page), button);

  return page;
}

void
lia_error_state_set_error (GtkWidget    *page,
                           const GError *error)
{
  g_return_if_fail (ADW_IS_STATUS_PAGE (page));

  adw_status_page_set_description (ADW_STATUS_PAGE (page), error != NULL ? error->message : NULL);
}
