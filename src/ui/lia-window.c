/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-window.h"

struct _LiaWindow
{
  AdwApplicationWindow  parent_instance;

  LiaStore             *store;
  char                 *error_message;
  gulong                changed_handler;
  gulong                reset_handler;
  guint                 update_source;

  /* Template widgets */
  AdwStatusPage        *status_page;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_ERROR_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LiaWindow, lia_window, ADW_TYPE_APPLICATION_WINDOW)

static void
show_error (LiaWindow  *self,
            const char *message)
{
  g_assert (LIA_IS_WINDOW (self));

  adw_status_page_set_icon_name (self->status_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->status_page, _("Could not open the database"));
  adw_status_page_set_description (self->status_page, message);
}

static void
update_status_page (LiaWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *organizations = NULL;
  g_autofree char *contacts = NULL;
  g_autofree char *title = NULL;
  LiaStoreCounts counts;

  g_assert (LIA_IS_WINDOW (self));

  if (self->error_message != NULL || self->store == NULL)
    {
      show_error (self, self->error_message != NULL ? self->error_message : "");
      return;
    }

  if (!lia_store_get_counts (self->store, &counts, &error))
    {
      show_error (self, error->message);
      return;
    }

  if (counts.organizations == 0 && counts.contacts == 0)
    {
      adw_status_page_set_icon_name (self->status_page, "system-users-symbolic");
      adw_status_page_set_title (self->status_page, _("No Partners Yet"));
      adw_status_page_set_description (self->status_page,
                                       _("Partner organizations and their people will appear here. "
                                         "Importing directories arrives in a later version."));
      return;
    }

  {
    g_autofree char *n_organizations = g_strdup_printf ("%'" G_GINT64_FORMAT, counts.organizations);
    g_autofree char *n_contacts = g_strdup_printf ("%'" G_GINT64_FORMAT, counts.contacts);

    organizations = g_strdup_printf (ngettext ("%s organization", "%s organizations",
                                               (gulong) counts.organizations),
                                     n_organizations);
    contacts = g_strdup_printf (ngettext ("%s contact", "%s contacts", (gulong) counts.contacts),
                                n_contacts);
  }

  /* Translators: what the database holds, e.g. "12 organizations, 240 contacts". */
  title = g_strdup_printf (_("%s, %s"), organizations, contacts);

  adw_status_page_set_icon_name (self->status_page, "system-users-symbolic");
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page,
                                   _("Browsing arrives with the next version of Liaison."));
}

static gboolean
update_status_page_idle_cb (gpointer user_data)
{
  LiaWindow *self = user_data;

  g_assert (LIA_IS_WINDOW (self));

  self->update_source = 0;
  update_status_page (self);

  return G_SOURCE_REMOVE;
}

/* A commit of many records emits "changed" for each: count once, after all of them. */
static void
queue_update (LiaWindow *self)
{
  g_assert (LIA_IS_WINDOW (self));

  if (self->update_source == 0)
    self->update_source = g_idle_add (update_status_page_idle_cb, self);
}

static void
on_store_changed_cb (LiaWindow      *self,
                     LiaRecordKind   kind,
                     gint64          id,
                     LiaStoreChange  change,
                     LiaRecord      *old,
                     LiaRecord      *current,
                     LiaStore       *store)
{
  g_assert (LIA_IS_WINDOW (self));

  /* Only additions and removals change what the status page counts. */
  if (change == LIA_STORE_CHANGE_UPDATED)
    return;
  if (kind != LIA_RECORD_KIND_ORGANIZATION && kind != LIA_RECORD_KIND_CONTACT)
    return;

  queue_update (self);
}

static void
on_store_reset_cb (LiaWindow *self,
                   LiaStore  *store)
{
  g_assert (LIA_IS_WINDOW (self));

  queue_update (self);
}

static void
lia_window_constructed (GObject *object)
{
  LiaWindow *self = (LiaWindow *) object;

  G_OBJECT_CLASS (lia_window_parent_class)->constructed (object);

  if (self->store != NULL)
    {
      self->changed_handler = g_signal_connect_swapped (self->store, "changed",
                                                        G_CALLBACK (on_store_changed_cb), self);
      self->reset_handler = g_signal_connect_swapped (self->store, "reset",
                                                      G_CALLBACK (on_store_reset_cb), self);
    }

  update_status_page (self);
}

static void
lia_window_dispose (GObject *object)
{
  LiaWindow *self = (LiaWindow *) object;

  g_clear_handle_id (&self->update_source, g_source_remove);
  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->changed_handler, self->store);
      g_clear_signal_handler (&self->reset_handler, self->store);
    }
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_WINDOW);

  G_OBJECT_CLASS (lia_window_parent_class)->dispose (object);
}

static void
lia_window_finalize (GObject *object)
{
  LiaWindow *self = (LiaWindow *) object;

  g_clear_pointer (&self->error_message, g_free);

  G_OBJECT_CLASS (lia_window_parent_class)->finalize (object);
}

static void
lia_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LiaWindow *self = LIA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  LiaWindow *self = LIA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_ERROR_MESSAGE:
      self->error_message = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_window_class_init (LiaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lia_window_constructed;
  object_class->dispose = lia_window_dispose;
  object_class->finalize = lia_window_finalize;
  object_class->get_property = lia_window_get_property;
  object_class->set_property = lia_window_set_property;

  /**
   * LiaWindow:store:
   *
   * The open database, or %NULL when it could not be opened.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LIA_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * LiaWindow:error-message:
   *
   * Why the database could not be opened, for people; the window shows it in place of the
   * database's content.
   */
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaison/Liaison/lia-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, status_page);
}

static void
lia_window_init (LiaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * lia_window_new:
 * @application: (nullable): the application
 * @store: (nullable): the open database
 * @error_message: (nullable): why the database could not be opened
 *
 * Returns: (transfer none): a new window, owned by GTK's list of toplevels
 */
LiaWindow *
lia_window_new (AdwApplication *application,
                LiaStore       *store,
                const char     *error_message)
{
  g_return_val_if_fail (application == NULL || ADW_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (store == NULL || LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (store != NULL || error_message != NULL, NULL);

  return g_object_new (LIA_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       "error-message", error_message,
                       NULL);
}

LiaStore *
lia_window_get_store (LiaWindow *self)
{
  g_return_val_if_fail (LIA_IS_WINDOW (self), NULL);

  return self->store;
}

const char *
lia_window_get_error_message (LiaWindow *self)
{
  g_return_val_if_fail (LIA_IS_WINDOW (self), NULL);

  return self->error_message;
}
