/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* An account on a team server (PostgreSQL), as Connect to Team Server asks for it, and its
 * password in the keyring. The password is never part of what is kept in GSettings, shown or
 * logged, nor of a connection string, nor of any file: it goes to lia_store_open_server(),
 * which hands it to libpq in memory. */
typedef struct
{
  char *host;
  int   port;       /* -1: the default (5432) */
  char *database;
  char *user;
  char *query;      /* the URI's options (sslmode=…), or NULL */
} LiaServerAccount;

void              lia_server_account_free        (LiaServerAccount *account);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaServerAccount, lia_server_account_free)

/* From what a person typed: @server is a postgresql:// (or postgres://) URI, or a host name
 * with an optional ":PORT"; @database and @user, when not empty, win over the URI's. A
 * G_IO_ERROR_INVALID_ARGUMENT says what is missing or wrong. */
LiaServerAccount *lia_server_account_parse       (const char        *server,
                                                  const char        *database,
                                                  const char        *user,
                                                  GError           **error);
/* "postgresql://amina@db.example.org/liaison": no password, what GSettings keeps. */
char             *lia_server_account_to_uri      (const LiaServerAccount *account);
/* The location to give lia_store_open_server() with the password: the URI with
 * connect_timeout=10 unless it sets one. */
char             *lia_server_account_to_location (const LiaServerAccount *account);
/* "db.example.org/liaison as amina", for the window and Preferences. */
char             *lia_server_account_describe    (const LiaServerAccount *account);

/* Where passwords go: the keyring through libsecret (schema org.gnome.Liaison.Server, keyed
 * by host, port, database and user) unless a test sets another with
 * lia_server_secrets_set_backend(). */
typedef struct
{
  gboolean (*store)  (const LiaServerAccount *account,
                      const char             *password,
                      GError                **error);
  /* %NULL without @error when there is none. */
  char    *(*lookup) (const LiaServerAccount *account,
                      GError                **error);
} LiaServerSecrets;

void              lia_server_secrets_set_backend (const LiaServerSecrets *backend);
gboolean          lia_server_secrets_store       (const LiaServerAccount *account,
                                                  const char             *password,
                                                  GError                **error);
char             *lia_server_secrets_lookup      (const LiaServerAccount *account,
                                                  GError                **error);

G_END_DECLS
