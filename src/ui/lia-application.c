/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-application.h"
#include "lia-connect-dialog.h"
#include "lia-notifications.h"
#include "lia-preferences-window.h"
#include "lia-server-account.h"
#include "lia-server.h"
#include "lia-window.h"
#include "lia-window-private.h"

struct _LiaApplication
{
  AdwApplication  parent_instance;

  /* --database, made absolute; NULL for the default database */
  char           *database_path;
  /* NULL when the schema is not installed: then nothing is remembered. */
  GSettings      *settings;
  /* The Preferences window while it is open: a second app.preferences presents it again. */
  GtkWindow      *preferences;
  /* Looks every hour whether a new day brought notifications. */
  guint           notify_source;
  /* The team server the window is on (Connect to Team Server, or the settings); NULL on a
   * file. */
  LiaServerAccount *server;
};

G_DEFINE_FINAL_TYPE (LiaApplication, lia_application, ADW_TYPE_APPLICATION)

static void update_server_actions (LiaApplication *self);

static void
lia_application_about_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  LiaApplication *self = user_data;
  GtkWindow *about;

  g_assert (LIA_IS_APPLICATION (self));

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "modal", TRUE,
                        "application-name", _("Liaison"),
                        "application-icon", APPLICATION_ID,
                        "developer-name", _("The Liaison developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Keep track of partner organizations, their people, "
                                      "what was discussed, promised and disputed."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", _("© The Liaison developers"),
                        /* Translators: put your names here, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (about);
}

static void
lia_application_preferences_action (GSimpleAction *action,
                                    GVariant      *parameter,
                                    gpointer       user_data)
{
  LiaApplication *self = user_data;

  g_assert (LIA_IS_APPLICATION (self));
  /* Disabled without the schema (startup). */
  g_assert (self->settings != NULL);

  if (self->preferences == NULL)
    {
      GtkWindow *preferences = GTK_WINDOW (lia_preferences_window_new (self->settings));

      gtk_window_set_transient_for (preferences,
                                    gtk_application_get_active_window (GTK_APPLICATION (self)));
      gtk_window_set_destroy_with_parent (preferences, TRUE);
      gtk_window_set_application (preferences, GTK_APPLICATION (self));
      g_set_weak_pointer (&self->preferences, preferences);
      update_server_actions (self);
    }

  gtk_window_present (self->preferences);
}

static void
lia_application_quit_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  LiaApplication *self = user_data;

  g_assert (LIA_IS_APPLICATION (self));

  g_application_quit (G_APPLICATION (self));
}

/* The main window, not an editor or a dialog that happens to be the active window. */
static LiaWindow *
find_main_window (LiaApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (LIA_IS_WINDOW (l->data))
        return l->data;
    }

  return NULL;
}

/* The desktop file's "New Interaction" action, and `liaison --new-interaction`. */
static void
lia_application_new_interaction_action (GSimpleAction *action,
                                        GVariant      *parameter,
                                        gpointer       user_data)
{
  LiaApplication *self = user_data;
  LiaWindow *window;

  g_assert (LIA_IS_APPLICATION (self));

  g_application_activate (G_APPLICATION (self));
  window = find_main_window (self);
  /* No participant yet: the editor opens empty, on the hour just begun. */
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.log-interaction", "(ix)", (gint32) 0, (gint64) 0);
}

/* A notification's action: the record, in the main window. */
static void
lia_application_open_record_action (GSimpleAction *action,
                                    GVariant      *parameter,
                                    gpointer       user_data)
{
  LiaApplication *self = user_data;
  LiaWindow *window;

  g_application_activate (G_APPLICATION (self));
  if ((window = find_main_window (self)) != NULL)
    gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.open-record", parameter);
}

static void
lia_application_show_today_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  LiaApplication *self = user_data;
  LiaWindow *window;

  g_application_activate (G_APPLICATION (self));
  if ((window = find_main_window (self)) != NULL)
    lia_window_set_view (window, "today");
}

/* "Team server: db.example.org/liaison as amina" or "This computer": which database the
 * window and Preferences show. */
static char *
describe_database (LiaApplication *self)
{
  LiaWindow *window = find_main_window (self);
  LiaStore *store = window != NULL ? lia_window_get_store (window) : NULL;
  const char *location = self->database_path != NULL ? self->database_path
                                                     : g_getenv ("LIAISON_DATABASE");
  g_autofree char *what = NULL;

  /* The store says where it is (lia_server_describe()), whatever named the server: Connect,
   * the settings, --database or $LIAISON_DATABASE. */
  if (store != NULL && lia_store_location_is_server (lia_store_get_path (store)))
    what = g_strdup (lia_store_get_display_name (store));
  /* A server that could not be opened: the window shows why, and where. */
  else if (store == NULL && self->server != NULL)
    what = lia_server_account_describe (self->server);
  else if (store == NULL && location != NULL && lia_store_location_is_server (location))
    what = lia_server_describe_location (location);
  if (what == NULL)
    return g_strdup (_("This computer"));

  /* Translators: "db.example.org/liaison as amina". */
  return g_strdup_printf (_("Team server: %s"), what);
}

static void
forget_server (LiaApplication *self)
{
  g_clear_pointer (&self->server, lia_server_account_free);
}

/* The team server in the settings, unless --database or $LIAISON_DATABASE name a database. */
static LiaServerAccount *
dup_settings_server (LiaApplication *self)
{
  g_autofree char *uri = NULL;
  g_autofree char *user = NULL;
  const char *env = g_getenv ("LIAISON_DATABASE");

  if (self->settings == NULL || self->database_path != NULL || (env != NULL && env[0] != '\0'))
    return NULL;
  uri = g_settings_get_string (self->settings, "server-uri");
  user = g_settings_get_string (self->settings, "server-user");
  if (uri[0] == '\0')
    return NULL;

  return lia_server_account_parse (uri, NULL, user, NULL);
}

/* The database the window opens on: the team server of the settings with the keyring's
 * password, else --database or the default file. */
static LiaStore *
open_store (LiaApplication  *self,
            GError         **error)
{
  g_autoptr(LiaServerAccount) server = dup_settings_server (self);
  g_autofree char *password = NULL;
  g_autofree char *location = NULL;
  LiaStore *store;

  forget_server (self);
  if (server == NULL)
    store = lia_store_open (self->database_path, error);
  else
    {
      g_autoptr(GError) local_error = NULL;

      /* On the server even when it cannot be opened: Use Local Database is the way back. */
      self->server = g_steal_pointer (&server);
      password = lia_server_secrets_lookup (self->server, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      location = lia_server_account_to_location (self->server);
      store = lia_store_open_server (location, password, error);
      if (password != NULL)
        explicit_bzero (password, strlen (password));
    }

  /* Contacts sort in the desktop's language: the window makes their keys again, in a thread,
   * when it changed (start_sorting() in lia-window.c). */

  return store;
}

static void
update_server_actions (LiaApplication *self)
{
  GAction *local = g_action_map_lookup_action (G_ACTION_MAP (self), "use-local-database");
  g_autofree char *label = describe_database (self);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (local), self->server != NULL);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (LIA_IS_WINDOW (l->data))
      lia_window_set_database_label (l->data, label);
  if (self->preferences != NULL)
    lia_preferences_window_set_database (LIA_PREFERENCES_WINDOW (self->preferences), label);
}

/* A main window on @store (or on the message of @error). */
static GtkWindow *
new_main_window (LiaApplication *self,
                 LiaStore       *store,
                 const GError   *error)
{
  return g_object_new (LIA_TYPE_WINDOW,
                       "application", self,
                       "store", store,
                       "error-message", error != NULL ? error->message : NULL,
                       "settings", self->settings,
                       NULL);
}

/* Puts a new main window on @store in the place of the current one, which closes with its
 * dialogs and its store. */
static void
replace_main_window (LiaApplication *self,
                     LiaStore       *store,
                     const GError   *error)
{
  LiaWindow *old = find_main_window (self);
  GtkWindow *window = new_main_window (self, store, error);

  gtk_window_present (window);
  /* Before the labels: they describe the main window's store. */
  if (old != NULL)
    gtk_window_destroy (GTK_WINDOW (old));
  update_server_actions (self);
}

static void
on_connected_cb (LiaConnectDialog *dialog,
                 LiaStore         *store,
                 const char       *uri,
                 const char       *user,
                 LiaApplication   *self)
{
  if (self->settings != NULL)
    {
      g_settings_set_string (self->settings, "server-uri", uri);
      g_settings_set_string (self->settings, "server-user", user);
    }
  forget_server (self);
  self->server = lia_server_account_parse (uri, NULL, user, NULL);
  replace_main_window (self, store, NULL);
}

static void
lia_application_connect_server_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  LiaApplication *self = user_data;
  g_autofree char *uri = NULL;
  g_autofree char *user = NULL;
  LiaConnectDialog *dialog;

  if (self->settings != NULL)
    {
      uri = g_settings_get_string (self->settings, "server-uri");
      user = g_settings_get_string (self->settings, "server-user");
    }
  dialog = lia_connect_dialog_new (GTK_WINDOW (find_main_window (self)), uri,
                                   user != NULL && user[0] != '\0' ? user : g_get_user_name ());
  g_signal_connect_object (dialog, "connected", G_CALLBACK (on_connected_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
lia_application_use_local_database_action (GSimpleAction *action,
                                           GVariant      *parameter,
                                           gpointer       user_data)
{
  LiaApplication *self = user_data;
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "server-uri", "");
  store = open_store (self, &error);
  replace_main_window (self, store, error);
}

static void
send_notifications (LiaApplication *self)
{
  LiaWindow *window = find_main_window (self);
  LiaStore *store = window != NULL ? lia_window_get_store (window) : NULL;

  if (store != NULL)
    lia_notifications_send_due (G_APPLICATION (self), store, self->settings, NULL);
}

static gboolean
notify_timeout_cb (gpointer user_data)
{
  send_notifications (user_data);
  return G_SOURCE_CONTINUE;
}

static const GActionEntry app_actions[] = {
  { .name = "open-record", .activate = lia_application_open_record_action, .parameter_type = "(ix)" },
  { .name = "show-today", .activate = lia_application_show_today_action },
  { .name = "about", .activate = lia_application_about_action },
  { .name = "preferences", .activate = lia_application_preferences_action },
  { .name = "quit", .activate = lia_application_quit_action },
  { .name = "new-interaction", .activate = lia_application_new_interaction_action },
  { .name = "connect-server", .activate = lia_application_connect_server_action },
  { .name = "use-local-database", .activate = lia_application_use_local_database_action },
};

static gint
lia_application_handle_local_options (GApplication *application,
                                      GVariantDict *options)
{
  LiaApplication *self = LIA_APPLICATION (application);
  g_autofree char *database = NULL;
  g_autofree char *effective = NULL;
  g_autofree char *standard = NULL;

  if (g_variant_dict_lookup (options, "database", "^ay", &database) && database[0] != '\0')
    {
      g_free (self->database_path);
      /* A team server's URI or keyword string is not a file name. */
      self->database_path = lia_store_location_is_server (database)
                            ? g_strdup (database) : g_canonicalize_filename (database, NULL);
    }

  /* GApplication is unique per application id: a second `liaison` would only ask the running
   * one to present its window, on the database that one has open. "Single instance per
   * database" (DESIGN.md) is kept by letting only the standard database use the id; any other
   * (--database or $LIAISON_DATABASE) opens in its own process. This runs before registration,
   * the last moment the flags can change. */
  effective = self->database_path != NULL ? g_strdup (self->database_path)
                                          : lia_store_dup_default_path ();
  standard = g_build_filename (g_get_user_data_dir (), "liaison", "liaison.db", NULL);
  if (!g_str_equal (effective, standard))
    {
      GApplicationFlags flags = g_application_get_flags (application);

      g_application_set_flags (application, flags | G_APPLICATION_NON_UNIQUE);
    }

  /* Sent to the running instance when there is one; otherwise this one opens the window. */
  if (g_variant_dict_contains (options, "new-interaction"))
    {
      g_autoptr(GError) register_error = NULL;

      g_variant_dict_remove (options, "new-interaction");
      if (!g_application_register (application, NULL, &register_error))
        {
          g_printerr ("%s\n", register_error->message);
          return EXIT_FAILURE;
        }
      g_action_group_activate_action (G_ACTION_GROUP (application), "new-interaction", NULL);
      if (g_application_get_is_remote (application))
        return EXIT_SUCCESS;
    }

  return G_APPLICATION_CLASS (lia_application_parent_class)->handle_local_options (application, options);
}

static void
update_style (LiaApplication *self)
{
  g_autofree char *variant = g_settings_get_string (self->settings, "style-variant");
  AdwColorScheme scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (variant, "light"))
    scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (variant, "dark"))
    scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
}

static void
lia_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  LiaApplication *self = LIA_APPLICATION (application);
  GSettingsSchema *schema;

  G_APPLICATION_CLASS (lia_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);

  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (),
                                            APPLICATION_ID, TRUE);
  if (schema != NULL)
    {
      g_autoptr(GAction) style = NULL;

      self->settings = g_settings_new (APPLICATION_ID);
      style = g_settings_create_action (self->settings, "style-variant");
      g_action_map_add_action (G_ACTION_MAP (application), style);
      g_signal_connect_swapped (self->settings, "changed::style-variant",
                                G_CALLBACK (update_style), self);
      update_style (self);
      g_settings_schema_unref (schema);
    }
  else
    {
      g_warning ("The settings schema %s is not installed: the window will not remember its "
                 "size, view and selection", APPLICATION_ID);
      g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (application),
                                                                                "preferences")),
                                   FALSE);
    }
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.preferences",
                                         preferences_accels);
}

static void
lia_application_activate (GApplication *application)
{
  LiaApplication *self = LIA_APPLICATION (application);
  g_autoptr(LiaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    {
      /* A database that cannot be opened is shown in the window, not in a dialog: there is
       * nothing else to do in the window until the file is fixed (or, for a team server,
       * until Use Local Database). */
      store = open_store (self, &error);
      window = new_main_window (self, store, error);
      update_server_actions (self);
    }

  gtk_window_present (window);

  send_notifications (self);
  if (self->notify_source == 0)
    self->notify_source = g_timeout_add_seconds (60 * 60, notify_timeout_cb, self);
}

/* Files opened from the file manager, or given on the command line: partner directories,
 * xCard and iCalendar files, imported into the window's database, each with its progress and
 * its summary. */
static void
lia_application_open (GApplication  *application,
                      GFile        **files,
                      gint           n_files,
                      const char    *hint)
{
  LiaApplication *self = LIA_APPLICATION (application);
  LiaWindow *window;

  g_application_activate (application);
  window = find_main_window (self);
  if (window == NULL)
    return;

  for (gint i = 0; i < n_files; i++)
    _lia_window_import_file (window, files[i]);
}

static void
lia_application_finalize (GObject *object)
{
  LiaApplication *self = (LiaApplication *) object;

  g_clear_handle_id (&self->notify_source, g_source_remove);
  g_clear_pointer (&self->database_path, g_free);
  forget_server (self);
  g_clear_weak_pointer (&self->preferences);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (lia_application_parent_class)->finalize (object);
}

static void
lia_application_class_init (LiaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = lia_application_finalize;

  application_class->handle_local_options = lia_application_handle_local_options;
  application_class->startup = lia_application_startup;
  application_class->activate = lia_application_activate;
  application_class->open = lia_application_open;
}

static void
lia_application_init (LiaApplication *self)
{
  g_application_add_main_option (G_APPLICATION (self), "database", 'd',
                                 G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME,
                                 _("Open FILE instead of the default database"),
                                 /* Translators: the placeholder in `liaison --database FILE`. */
                                 _("FILE"));
  g_application_add_main_option (G_APPLICATION (self), "new-interaction", 0,
                                 G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE,
                                 _("Open the editor of a new interaction"), NULL);
}

LiaApplication *
lia_application_new (void)
{
  return g_object_new (LIA_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/liaison/Liaison",
                       NULL);
}
