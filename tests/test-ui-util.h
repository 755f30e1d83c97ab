/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Helpers for the widget tests (ui suite, under Xvfb): a fixture database filled through the
 * store API, showing and destroying windows, waiting on the main loop, and finding widgets. */

#include <adwaita.h>

#include "lia-test-util.h"
#include "lia-store-reports.h"

G_BEGIN_DECLS

static inline gboolean
lia_ui_test_timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until idle work (counts, refreshes, bindings) is done. */
static inline void
lia_ui_test_settle (void)
{
  gboolean done = FALSE;
  guint id = g_timeout_add (50, lia_ui_test_timeout_cb, &done);

  while (!done)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  (void) id;
}

static inline void
lia_ui_test_on_map_cb (GtkWidget *widget,
                       gboolean  *mapped)
{
  *mapped = TRUE;
}

static inline void
lia_ui_test_present (GtkWindow *window)
{
  gboolean mapped = FALSE, timed_out = FALSE;
  guint id;

  g_signal_connect (window, "map", G_CALLBACK (lia_ui_test_on_map_cb), &mapped);
  gtk_window_present (window);
  id = g_timeout_add_seconds (10, lia_ui_test_timeout_cb, &timed_out);
  while (!mapped && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
  g_signal_handlers_disconnect_by_func (window, lia_ui_test_on_map_cb, &mapped);
  lia_ui_test_settle ();
}

static inline void
lia_ui_test_destroy (GtkWindow *window)
{
  gpointer pointer = window;

  g_object_add_weak_pointer (G_OBJECT (window), &pointer);
  gtk_window_destroy (window);
  while (pointer != NULL && g_main_context_iteration (NULL, FALSE))
    ;
  if (pointer != NULL)
    g_object_remove_weak_pointer (G_OBJECT (window), &pointer);
  g_assert_null (pointer);
}

/* The first descendant of @type (depth first) for which @text is NULL or, for labels and
 * preference rows, whose text is @text. */
static inline GtkWidget *
lia_ui_test_find (GtkWidget  *widget,
                  GType       type,
                  const char *text)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    {
      if (text == NULL)
        return widget;
      if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
        return widget;
      if (ADW_IS_PREFERENCES_ROW (widget) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), text) == 0)
        return widget;
      if (ADW_IS_STATUS_PAGE (widget) &&
          g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), text) == 0)
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = lia_ui_test_find (child, type, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* @widget itself or its first descendant (depth first) with the style class @css_class. */
static inline GtkWidget *
lia_ui_test_find_with_class (GtkWidget  *widget,
                             const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = lia_ui_test_find_with_class (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether a label with @text is shown (mapped) under @widget. */
static inline gboolean
lia_ui_test_shows_label (GtkWidget  *widget,
                         const char *text)
{
  GtkWidget *label = lia_ui_test_find (widget, GTK_TYPE_LABEL, text);

  return label != NULL && gtk_widget_get_mapped (label);
}

static inline gboolean
lia_ui_test_has_label (GtkWidget  *widget,
                       const char *text)
{
  return lia_ui_test_find (widget, GTK_TYPE_LABEL, text) != NULL;
}

static inline void
lia_ui_test_init (int    *argc,
                  char ***argv)
{
  g_test_init (argc, argv, NULL);
}

static inline gboolean
lia_ui_test_init_display (void)
{
  if (!gtk_init_check ())
    return FALSE;
  adw_init ();
  g_object_set (gtk_settings_get_default (),
                "gtk-enable-animations", FALSE,
                "gtk-cursor-blink", FALSE,
                NULL);
  return TRUE;
}

/* The first preference row under @widget whose subtitle is @subtitle: detail rows put the
 * value in the title and its kind ("Work", "Country") in the subtitle. */
static inline GtkWidget *
lia_ui_test_find_row_by_subtitle (GtkWidget  *widget,
                                  const char *subtitle)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), subtitle) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = lia_ui_test_find_row_by_subtitle (child, subtitle);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The message dialog shown now (visible), or NULL. */
static inline GtkWidget *
lia_ui_test_find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (window))
        return window;
    }

  return NULL;
}

/* ct-briefing: the first visible top-level window of @type (with @title, the one whose title,
 * or message dialog heading, it is), waited for on the main loop (60 s at most). */
static inline GtkWindow *
lia_ui_test_wait_for_window (GType       type,
                             const char *title)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (60, lia_ui_test_timeout_cb, &timed_out);

  while (!timed_out)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

          if (!G_TYPE_CHECK_INSTANCE_TYPE (window, type) || !gtk_widget_get_visible (GTK_WIDGET (window)))
            continue;
          if (title == NULL || g_strcmp0 (gtk_window_get_title (window), title) == 0 ||
              (ADW_IS_MESSAGE_DIALOG (window) &&
               g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), title) == 0))
            {
              g_source_remove (id);
              lia_ui_test_settle ();
              return window;
            }
        }
      g_main_context_iteration (NULL, TRUE);
    }
  g_error ("no %s “%s” appeared", g_type_name (type), title != NULL ? title : "");
  return NULL;
}

G_END_DECLS
