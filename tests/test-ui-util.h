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

typedef struct
{
  GtkWidget *window;
  int        width;   /* what its allocation must be, or 0 for any */
  int        height;
  gboolean   painted;
} LiaUiTestFrame;

static inline gboolean
lia_ui_test_frame_done (LiaUiTestFrame *frame)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (frame->window));

  return surface != NULL && gdk_surface_get_mapped (surface)
         && (frame->width == 0 || gtk_widget_get_width (frame->window) == frame->width)
         && (frame->height == 0 || gtk_widget_get_height (frame->window) == frame->height);
}

static inline void
lia_ui_test_after_paint_cb (GdkFrameClock  *clock,
                            LiaUiTestFrame *frame)
{
  if (lia_ui_test_frame_done (frame))
    frame->painted = TRUE;
  else
    gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

/* Runs the main loop until a frame of @window has gone through its frame clock (layout, then
 * paint) with the window on screen and, if @width and @height are not 0, allocated at that
 * size: what the X server and the frame clock do in their own time, which a busy machine
 * stretches far past any fixed wait. A frame's layout phase does every resize queued before
 * it, so what was changed before the call is laid out after it. Fails after 60 s. */
static inline void
lia_ui_test_wait_frame (GtkWindow *window,
                        int        width,
                        int        height)
{
  LiaUiTestFrame frame = { GTK_WIDGET (window), width, height, FALSE };
  gboolean timed_out = FALSE;
  g_autoptr(GdkFrameClock) clock = NULL;
  gulong handler;
  guint id;

  g_assert_true (gtk_widget_get_realized (GTK_WIDGET (window)));
  clock = g_object_ref (gtk_widget_get_frame_clock (GTK_WIDGET (window)));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (lia_ui_test_after_paint_cb), &frame);
  id = g_timeout_add_seconds (60, lia_ui_test_timeout_cb, &timed_out);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  /* A window closed meanwhile has nothing left to draw. */
  while (!frame.painted && !timed_out && gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  if (timed_out)
    g_error ("“%s” was not drawn%s within 60 s (it is %d × %d, on a surface of %d × %d)",
             gtk_window_get_title (window), width != 0 ? " at the size asked" : "",
             gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)),
             gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (window))),
             gdk_surface_get_height (gtk_native_get_surface (GTK_NATIVE (window))));
  g_source_remove (id);
}

/* Runs the main loop until idle work (counts, refreshes, bindings) is done and what it changed
 * is laid out: a frame of each window on screen. */
static inline void
lia_ui_test_settle (void)
{
  gboolean done = FALSE;
  guint id = g_timeout_add (50, lia_ui_test_timeout_cb, &done);
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (!done)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  (void) id;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      GdkSurface *surface;

      if (window == NULL)
        break;
      surface = gtk_native_get_surface (GTK_NATIVE (window));
      if (gtk_widget_get_mapped (GTK_WIDGET (window)) && surface != NULL && gdk_surface_get_mapped (surface))
        lia_ui_test_wait_frame (window, 0, 0);
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static inline void
lia_ui_test_on_map_cb (GtkWidget *widget,
                       gboolean  *mapped)
{
  *mapped = TRUE;
}

/* Shows @window and waits until it is on screen, laid out and painted at the size it asked. */
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
  lia_ui_test_wait_frame (window, 0, 0);
  lia_ui_test_settle ();
}

/* Gives @window the default size @width × @height, as a person resizing it would, and waits
 * until it is laid out and painted at the size that gives (the X server answers in its own
 * time). */
static inline void
lia_ui_test_resize (GtkWindow *window,
                    int        width,
                    int        height)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  /* A default size counts the shadow around the window that its allocation leaves out; and
   * the window is never made smaller than its minimum. */
  int margin_x = gdk_surface_get_width (surface) - gtk_widget_get_width (GTK_WIDGET (window));
  int margin_y = gdk_surface_get_height (surface) - gtk_widget_get_height (GTK_WIDGET (window));
  int minimum_width, minimum_height;

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum_width, NULL, NULL, NULL);
  width = MAX (width - margin_x, minimum_width);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_VERTICAL, width, &minimum_height, NULL, NULL, NULL);
  height = MAX (height - margin_y, minimum_height);
  gtk_window_set_default_size (window, width + margin_x, height + margin_y);
  lia_ui_test_wait_frame (window, width, height);
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
