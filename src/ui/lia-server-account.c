/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "lia-server-account.h"
#include "lia-server.h"

#define DEFAULT_PORT 5432

void
lia_server_account_free (LiaServerAccount *account)
{
  if (account == NULL)
    return;
  g_free (account->host);
  g_free (account->database);
  g_free (account->user);
  g_free (account->query);
  g_free (account);
}

static gboolean
is_uri (const char *text)
{
  return g_str_has_prefix (text, "postgresql://") || g_str_has_prefix (text, "postgres://");
}

LiaServerAccount *
lia_server_account_parse (const char  *server,
                          const char  *database,
                          const char  *user,
                          GError     **error)
{
  g_autoptr(LiaServerAccount) account = g_new0 (LiaServerAccount, 1);
  g_autofree char *trimmed = g_strstrip (g_strdup (server != NULL ? server : ""));

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  account->port = -1;
  if (is_uri (trimmed))
    {
      g_autoptr(GUri) uri = NULL;
      g_autoptr(GError) uri_error = NULL;
      const char *path;

      uri = g_uri_parse (trimmed, G_URI_FLAGS_HAS_PASSWORD | G_URI_FLAGS_ENCODED_QUERY, &uri_error);
      if (uri == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("“%s” is not a server address: %s"), trimmed, uri_error->message);
          return NULL;
        }
      /* A password typed into the address would end up in the settings. */
      if (g_uri_get_password (uri) != NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("Type the password in the Password field, not in the server address."));
          return NULL;
        }
      account->host = g_strdup (g_uri_get_host (uri));
      account->port = g_uri_get_port (uri);
      path = g_uri_get_path (uri);
      if (path != NULL && path[0] == '/' && path[1] != '\0')
        account->database = g_strdup (path + 1);
      account->user = g_strdup (g_uri_get_user (uri));
      account->query = g_strdup (g_uri_get_query (uri));
    }
  else
    {
      const char *colon = strrchr (trimmed, ':');

      if (colon != NULL && colon[1] != '\0' && strchr (trimmed, ']') == NULL)
        {
          guint64 port;

          if (!g_ascii_string_to_unsigned (colon + 1, 10, 1, 65535, &port, NULL))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("“%s” is not a port number: give one from 1 to 65535."), colon + 1);
              return NULL;
            }
          account->port = (int) port;
          account->host = g_strndup (trimmed, colon - trimmed);
        }
      else
        account->host = g_strdup (trimmed);
    }

  if (database != NULL && database[0] != '\0')
    {
      g_free (account->database);
      account->database = g_strstrip (g_strdup (database));
    }
  if (user != NULL && user[0] != '\0')
    {
      g_free (account->user);
      account->user = g_strstrip (g_strdup (user));
    }

  if (account->host == NULL || account->host[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Give the server’s name, such as db.example.org, or its postgresql:// address."));
      return NULL;
    }
  if (account->database == NULL || account->database[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Give the name of the database on the server."));
      return NULL;
    }
  if (account->user == NULL || account->user[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Give your user name on the server."));
      return NULL;
    }

  return g_steal_pointer (&account);
}

static char *
join (const LiaServerAccount *account,
      const char             *password)
{
  g_autofree char *path = g_strconcat ("/", account->database, NULL);

  return g_uri_join_with_user (G_URI_FLAGS_HAS_PASSWORD | G_URI_FLAGS_ENCODED_QUERY, "postgresql",
                               account->user, password, NULL, account->host, account->port, path,
                               account->query, NULL);
}

char *
lia_server_account_to_uri (const LiaServerAccount *account)
{
  g_return_val_if_fail (account != NULL, NULL);

  return join (account, NULL);
}

char *
lia_server_account_to_location (const LiaServerAccount *account)
{
  g_autoptr(GString) query = NULL;
  LiaServerAccount with_query;

  g_return_val_if_fail (account != NULL, NULL);

  query = g_string_new (account->query);
  /* An unreachable server fails within seconds rather than after the system's TCP timeout,
   * unless the URI chose otherwise. */
  if (strstr (query->str, "connect_timeout=") == NULL)
    g_string_append_printf (query, "%sconnect_timeout=10", query->len > 0 ? "&" : "");

  with_query = *account;
  with_query.query = query->str;
  return join (&with_query, NULL);
}

char *
lia_server_account_describe (const LiaServerAccount *account)
{
  g_autofree char *port = NULL;

  g_return_val_if_fail (account != NULL, NULL);

  if (account->port > 0)
    port = g_strdup_printf ("%d", account->port);
  /* The store's words for a server, the same everywhere. */
  return lia_server_describe_parts (account->host, port, account->database, account->user);
}

/* The keyring, through libsecret. */

static const SecretSchema *
server_schema (void)
{
  static const SecretSchema schema = {
    "org.gnome.Liaison.Server", SECRET_SCHEMA_NONE,
    {
      { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "port", SECRET_SCHEMA_ATTRIBUTE_INTEGER },
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };

  return &schema;
}

static int
port_or_default (const LiaServerAccount *account)
{
  return account->port > 0 ? account->port : DEFAULT_PORT;
}

static gboolean
keyring_store (const LiaServerAccount  *account,
               const char              *password,
               GError                 **error)
{
  g_autofree char *what = lia_server_account_describe (account);
  /* Translators: the label of the password in the keyring (Passwords and Keys). */
  g_autofree char *label = g_strdup_printf (_("Liaison team server %s"), what);

  return secret_password_store_sync (server_schema (), SECRET_COLLECTION_DEFAULT, label, password, NULL, error,
                                     "host", account->host, "port", port_or_default (account),
                                     "database", account->database, "user", account->user, NULL);
}

static char *
keyring_lookup (const LiaServerAccount  *account,
                GError                 **error)
{
  char *secret = secret_password_lookup_sync (server_schema (), NULL, error,
                                              "host", account->host, "port", port_or_default (account),
                                              "database", account->database, "user", account->user, NULL);
  char *password = g_strdup (secret);

  secret_password_free (secret);
  return password;
}

static const LiaServerSecrets keyring = { keyring_store, keyring_lookup };
static const LiaServerSecrets *secrets = &keyring;

void
lia_server_secrets_set_backend (const LiaServerSecrets *backend)
{
  secrets = backend != NULL ? backend : &keyring;
}

gboolean
lia_server_secrets_store (const LiaServerAccount  *account,
                          const char              *password,
                          GError                 **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (account != NULL, FALSE);

  if (!secrets->store (account, password != NULL ? password : "", &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not keep the password in the keyring: %s"), local_error->message);
      return FALSE;
    }

  return TRUE;
}

char *
lia_server_secrets_lookup (const LiaServerAccount  *account,
                           GError                 **error)
{
  g_autoptr(GError) local_error = NULL;
  char *password;

  g_return_val_if_fail (account != NULL, NULL);

  password = secrets->lookup (account, &local_error);
  if (local_error != NULL)
    g_set_error (error, local_error->domain, local_error->code,
                 _("Could not read the password from the keyring: %s"), local_error->message);

  return password;
}
