/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-connect-dialog.h"
#include "lia-server-account.h"

struct _LiaConnectDialog
{
  AdwWindow parent_instance;

  GtkWidget *server_row;
  GtkWidget *database_row;
  GtkWidget *user_row;
  GtkWidget *password_row;
  GtkWidget *connect_button;
  GtkWidget *error_label;
};

enum {
  SIGNAL_CONNECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LiaConnectDialog, lia_connect_dialog, ADW_TYPE_WINDOW)

static void
show_error (LiaConnectDialog *self,
            const char       *message)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
}

static void
on_connect_button_clicked_cb (LiaConnectDialog *self)
{
  lia_connect_dialog_connect (self);
}

static void
lia_connect_dialog_class_init (LiaConnectDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /**
   * LiaConnectDialog::connected:
   * @self: the dialog
   * @store: the store, open on the server
   * @uri: the server's URI without a password, for GSettings
   * @user: the user name
   *
   * The store opened on the server; the handler takes its own reference.
   */
  signals[SIGNAL_CONNECTED] =
    g_signal_new ("connected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3,
                  LIA_TYPE_STORE, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaison/Liaison/lia-connect-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaConnectDialog, server_row);
  gtk_widget_class_bind_template_child (widget_class, LiaConnectDialog, database_row);
  gtk_widget_class_bind_template_child (widget_class, LiaConnectDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, LiaConnectDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, LiaConnectDialog, connect_button);
  gtk_widget_class_bind_template_child (widget_class, LiaConnectDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_connect_button_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lia_connect_dialog_init (LiaConnectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LiaConnectDialog *
lia_connect_dialog_new (GtkWindow  *parent,
                        const char *uri,
                        const char *user)
{
  LiaConnectDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (LIA_TYPE_CONNECT_DIALOG, "transient-for", parent, NULL);
  if (uri != NULL && uri[0] != '\0')
    {
      g_autoptr(LiaServerAccount) account = lia_server_account_parse (uri, NULL, user, NULL);

      if (account != NULL && account->port > 0)
        {
          g_autofree char *host = g_strdup_printf ("%s:%d", account->host, account->port);

          gtk_editable_set_text (GTK_EDITABLE (self->server_row), host);
        }
      else if (account != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->server_row), account->host);
      else
        gtk_editable_set_text (GTK_EDITABLE (self->server_row), uri);
      if (account != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->database_row), account->database);
    }
  if (user != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->user_row), user);

  return self;
}

void
lia_connect_dialog_connect (LiaConnectDialog *self)
{
  g_autoptr(LiaServerAccount) account = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *location = NULL;
  g_autofree char *uri = NULL;
  const char *password;

  g_return_if_fail (LIA_IS_CONNECT_DIALOG (self));

  account = lia_server_account_parse (gtk_editable_get_text (GTK_EDITABLE (self->server_row)),
                                      gtk_editable_get_text (GTK_EDITABLE (self->database_row)),
                                      gtk_editable_get_text (GTK_EDITABLE (self->user_row)),
                                      &error);
  if (account == NULL)
    {
      show_error (self, error->message);
      return;
    }

  password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  location = lia_server_account_to_location (account, password, &error);
  if (location == NULL)
    {
      show_error (self, error->message);
      return;
    }
  /* The same path as --database: the store says why a server cannot be used. */
  store = lia_store_open (location, &error);
  if (store == NULL)
    {
      /* A password that did not open the server is not kept, not even in the runtime folder. */
      lia_server_account_forget_password (account);
      /* The store's words: they name the server (without a password) and say why. */
      show_error (self, error->message);
      return;
    }
  /* Kept only for a server that took it. */
  if (!lia_server_secrets_store (account, password, &error))
    {
      lia_server_account_forget_password (account);
      show_error (self, error->message);
      return;
    }

  show_error (self, NULL);
  uri = lia_server_account_to_uri (account);
  /* The handler replaces the window this dialog belongs to: let go of it first, so that the
   * dialog outlives it until it is done. */
  g_object_ref (self);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), FALSE);
  gtk_window_set_transient_for (GTK_WINDOW (self), NULL);
  g_signal_emit (self, signals[SIGNAL_CONNECTED], 0, store, uri, account->user);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

const char *
lia_connect_dialog_get_error (LiaConnectDialog *self)
{
  g_return_val_if_fail (LIA_IS_CONNECT_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (self->error_label))
    return NULL;

  return gtk_label_get_text (GTK_LABEL (self->error_label));
}
