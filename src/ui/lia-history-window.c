/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-history.h"
#include "lia-history-window.h"

/* How many saves the window reads at a time. */
#define PAGE_SAVES 50

struct _LiaHistoryWindow
{
  AdwWindow  parent_instance;

  LiaStore  *store;
  LiaRecord *record;
  /* Saves shown so far: where the next page starts. */
  guint      n_saves;

  GtkWidget *window_title;
  GtkWidget *list;
  GtkWidget *error_label;
  GtkWidget *more_button;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LiaHistoryWindow, lia_history_window, ADW_TYPE_WINDOW)

static void
show_error (LiaHistoryWindow *self,
            const GError     *error)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), error->message);
  gtk_widget_set_visible (self->error_label, TRUE);
  gtk_widget_set_visible (self->more_button, FALSE);
}

static void
load_page (LiaHistoryWindow *self)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  gboolean more;

  /* One more than shown, to know whether to offer more. */
  changes = lia_store_list_recent_field_history (self->store, lia_record_get_kind (self->record),
                                                 lia_record_get_id (self->record), self->n_saves,
                                                 PAGE_SAVES + 1, &error);
  if (changes == NULL)
    {
      show_error (self, error);
      return;
    }
  self->n_saves += lia_history_add_save_rows (self->list, self->store, G_OBJECT_TYPE (self->record), changes,
                                              PAGE_SAVES, &more);
  gtk_widget_set_visible (self->more_button, more);
  if (!more)
    {
      GtkWidget *created = lia_history_created_row_new (self->store, self->record, &error);

      if (error != NULL)
        show_error (self, error);
      else if (created != NULL)
        gtk_list_box_append (GTK_LIST_BOX (self->list), created);
    }
}

static void
on_more_button_clicked_cb (LiaHistoryWindow *self)
{
  load_page (self);
}

static void
lia_history_window_constructed (GObject *object)
{
  LiaHistoryWindow *self = (LiaHistoryWindow *) object;

  G_OBJECT_CLASS (lia_history_window_parent_class)->constructed (object);

  g_assert (self->store != NULL && self->record != NULL);
  adw_window_title_set_subtitle (ADW_WINDOW_TITLE (self->window_title), lia_record_get_label (self->record));
  load_page (self);
}

static void
lia_history_window_dispose (GObject *object)
{
  LiaHistoryWindow *self = (LiaHistoryWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_HISTORY_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->record);

  G_OBJECT_CLASS (lia_history_window_parent_class)->dispose (object);
}

static void
lia_history_window_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LiaHistoryWindow *self = LIA_HISTORY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_history_window_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LiaHistoryWindow *self = LIA_HISTORY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_RECORD:
      self->record = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_history_window_class_init (LiaHistoryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lia_history_window_constructed;
  object_class->dispose = lia_history_window_dispose;
  object_class->get_property = lia_history_window_get_property;
  object_class->set_property = lia_history_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LIA_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, LIA_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaison/Liaison/lia-history-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaHistoryWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LiaHistoryWindow, list);
  gtk_widget_class_bind_template_child (widget_class, LiaHistoryWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, LiaHistoryWindow, more_button);
  gtk_widget_class_bind_template_callback (widget_class, on_more_button_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lia_history_window_init (LiaHistoryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LiaHistoryWindow *
lia_history_window_new (GtkWindow *parent,
                        LiaStore  *store,
                        LiaRecord *record)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (LIA_IS_RECORD (record), NULL);

  return g_object_new (LIA_TYPE_HISTORY_WINDOW,
                       "transient-for", parent,
                       "store", store,
                       "record", record,
                       NULL);
}
