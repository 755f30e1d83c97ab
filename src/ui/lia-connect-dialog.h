/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-store.h"

G_BEGIN_DECLS

#define LIA_TYPE_CONNECT_DIALOG (lia_connect_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LiaConnectDialog, lia_connect_dialog, LIA, CONNECT_DIALOG, AdwWindow)

/* Connect to Team Server: asks for the server (a host or a postgresql:// URI), the database, the
 * user name and the password, and opens the store there with lia_store_open(), as --database
 * does, in a thread: the window stays responsive while the server is reached (up to the
 * connect timeout), the dialog shows a spinner, and Cancel abandons the attempt. When that
 * fails the store's message shows in the dialog and nothing else changes. When it works the
 * password goes into the keyring (lia_server_secrets_store()) and
 * LiaConnectDialog::connected hands over the open store, the URI to keep (no password) and the
 * user name; the dialog then closes. @uri and @user (may be %NULL) fill the fields. */
LiaConnectDialog *lia_connect_dialog_new       (GtkWindow        *parent,
                                                const char       *uri,
                                                const char       *user);
/* What Connect does (tests): starts connecting, and returns. */
void              lia_connect_dialog_connect   (LiaConnectDialog *self);
/* Whether a connection is being made. */
gboolean          lia_connect_dialog_get_connecting (LiaConnectDialog *self);
/* The message shown after a failed connection, or %NULL. */
const char       *lia_connect_dialog_get_error (LiaConnectDialog *self);

G_END_DECLS
