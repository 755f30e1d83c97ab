/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

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
  GtkWidget *cancel_button;
  GtkWidget *error_label;
  GtkWidget *progress_box;
  GtkWidget *progress_label;
  GtkWidget *spinner;
  GtkWidget *form_page;

  /* While a connection is being made in a thread: cancelling it abandons the attempt. */
  GCancellable *connecting;
};

/* What the thread needs: its own copies, the password wiped when done. */
typedef struct
{
  LiaServerAccount *account;
  char             *location;
  char             *password;
} ConnectJob;

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
connect_job_free (ConnectJob *job)
{
  lia_server_account_free (job->account);
  g_free (job->location);
  if (job->password != NULL)
    explicit_bzero (job->password, strlen (job->password));
  g_free (job->password);
  g_free (job);
}

static void
set_connecting (LiaConnectDialog *self,
                gboolean          connecting)
{
  gtk_widget_set_visible (self->progress_box, connecting);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), connecting);
  gtk_widget_set_sensitive (self->connect_button, !connecting);
  gtk_widget_set_sensitive (self->form_page, !connecting);
}

/* In a thread: reaching the server may take up to the connect timeout. */
static void
connect_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ConnectJob *job = task_data;
  g_autoptr(LiaStore) store = NULL;
  GError *error = NULL;

  /* The same path as --database, the password in memory: the store says why a server cannot
   * be used. */
  store = lia_store_open_server (job->location, job->password, &error);
  /* Kept only for a server that took it, and not for an attempt given up meanwhile. */
  if (store != NULL && !g_cancellable_set_error_if_cancelled (cancellable, &error))
    lia_server_secrets_store (job->account, job->password, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&store), g_object_unref);
}

static void
connect_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  LiaConnectDialog *self = LIA_CONNECT_DIALOG (object);
  ConnectJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  store = g_task_propagate_pointer (G_TASK (result), &error);
  /* Given up (Cancel, or the dialog closed): nothing to show. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->connecting);
  set_connecting (self, FALSE);
  if (store == NULL)
    {
      /* The store's words: they name the server (without a password) and say why. */
      show_error (self, error->message);
      return;
    }

  uri = lia_server_account_to_uri (job->account);
  /* The handler replaces the window this dialog belongs to: let go of it first, so that the
   * dialog outlives it until it is done. */
  g_object_ref (self);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), FALSE);
  gtk_window_set_transient_for (GTK_WINDOW (self), NULL);
  g_signal_emit (self, signals[SIGNAL_CONNECTED], 0, store, uri, job->account->user);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
on_connect_button_clicked_cb (LiaConnectDialog *self)
{
  lia_connect_dialog_connect (self);
}

static void
on_cancel_button_clicked_cb (LiaConnectDialog *self)
{
  if (self->connecting == NULL)
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  /* The thread cannot be interrupted inside libpq: its result is dropped when it ends. */
  g_cancellable_cancel (self->connecting);
  g_clear_object (&self->connecting);
  set_connecting (self, FALSE);
}

static void
lia_connect_dialog_dispose (GObject *object)
{
  LiaConnectDialog *self = LIA_CONNECT_DIALOG (object);

  g_cancellable_cancel (self->connecting);
  g_clear_object (&self->connecting);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_CONNECT_DIALOG);

  G_OBJECT_CLASS (lia_connect_dialog_parent_class)->dispose (object);
}

static void
lia_connect_dialog_class_init (LiaConnectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_connect_dialog_dispose;

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
  gtk_widget_class_bind_template_child (widget_class, LiaConnectDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, LiaConnectDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, LiaConnectDialog, progress_box);
  gtk_widget_class_bind_template_child (widget_class, LiaConnectDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, LiaConnectDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, LiaConnectDialog, form_page);
  gtk_widget_class_bind_template_callback (widget_class, on_connect_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked_cb);
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
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *location = NULL;
  g_autofree char *where = NULL;
  g_autofree char *progress = NULL;
  const char *password;
  ConnectJob *job;

  g_return_if_fail (LIA_IS_CONNECT_DIALOG (self));

  /* Enter in a field while connecting. */
  if (self->connecting != NULL)
    return;

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
  location = lia_server_account_to_location (account);
  show_error (self, NULL);
  where = lia_server_account_describe (account);
  /* Translators: while the dialog reaches the server: "Connecting to db.example.org/liaison as amina…". */
  progress = g_strdup_printf (_("Connecting to %s…"), where);
  gtk_label_set_text (GTK_LABEL (self->progress_label), progress);
  set_connecting (self, TRUE);

  job = g_new0 (ConnectJob, 1);
  job->account = g_steal_pointer (&account);
  job->location = g_steal_pointer (&location);
  job->password = g_strdup (password);
  self->connecting = g_cancellable_new ();
  task = g_task_new (self, self->connecting, connect_done_cb, NULL);
  g_task_set_source_tag (task, lia_connect_dialog_connect);
  g_task_set_task_data (task, job, (GDestroyNotify) connect_job_free);
  /* Cancel gives the dialog back at once; libpq finishes in the thread, and its store is
   * dropped there. */
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, connect_thread);
}

gboolean
lia_connect_dialog_get_connecting (LiaConnectDialog *self)
{
  g_return_val_if_fail (LIA_IS_CONNECT_DIALOG (self), FALSE);

  return self->connecting != NULL;
}

const char *
lia_connect_dialog_get_error (LiaConnectDialog *self)
{
  g_return_val_if_fail (LIA_IS_CONNECT_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (self->error_label))
    return NULL;

  return gtk_label_get_text (GTK_LABEL (self->error_label));
}
