/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-detail.h"
#include "lia-error-state.h"
#include "lia-history.h"
#include "lia-history-window.h"
#include "lia-timeline-view.h"
#include "lia-ui-util.h"

typedef struct
{
  LiaStore   *store;
  gint64      id;
  LiaRecord  *record;
  /* The first read that failed while building, which the page then shows. */
  GError     *build_error;
  gulong      changed_handler;
  gulong      reset_handler;
  guint       refresh_source;

  GtkWidget  *box;
  GtkWidget  *switcher;
  GtkStack   *stack;
  GtkWidget  *scrolled;
  GtkWidget  *content;
  GtkWidget  *timeline_page;
  GtkWidget  *timeline;
} LiaDetailPrivate;

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (LiaDetail, lia_detail, GTK_TYPE_WIDGET)

static void
on_timeline_interaction_selected_cb (LiaDetail      *self,
                                     LiaInteraction *interaction)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-record", "(ix)",
                              (gint32) LIA_RECORD_KIND_INTERACTION,
                              lia_record_get_id (LIA_RECORD (interaction)));
}

static void
make_timeline (LiaDetail *self)
{
  LiaDetailPrivate *priv = lia_detail_get_instance_private (self);
  LiaDetailClass *klass = LIA_DETAIL_GET_CLASS (self);

  if (priv->timeline != NULL || priv->id == 0)
    return;

  priv->timeline = GTK_WIDGET (lia_timeline_view_new (priv->store,
                                                      klass->kind == LIA_RECORD_KIND_ORGANIZATION ? priv->id : 0,
                                                      klass->kind == LIA_RECORD_KIND_CONTACT ? priv->id : 0));
  gtk_widget_set_vexpand (priv->timeline, TRUE);
  g_signal_connect_object (priv->timeline, "interaction-selected",
                           G_CALLBACK (on_timeline_interaction_selected_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (priv->timeline_page), priv->timeline);
}

static void
drop_timeline (LiaDetail *self)
{
  LiaDetailPrivate *priv = lia_detail_get_instance_private (self);

  if (priv->timeline != NULL)
    {
      gtk_box_remove (GTK_BOX (priv->timeline_page), priv->timeline);
      priv->timeline = NULL;
    }
}

static void
on_visible_child_cb (LiaDetail *self)
{
  LiaDetailPrivate *priv = lia_detail_get_instance_private (self);

  /* An organization's timeline gathers its rows when made: only when someone looks. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (priv->stack), "timeline") == 0)
    make_timeline (self);
}

/* Where the focus is inside @content, as the child index at each level; NULL when it is not
 * there. */
static GArray *
dup_focus_path (GtkWidget *content)
{
  GtkRoot *root = gtk_widget_get_root (content);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GArray *path;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, content))
    return NULL;

  path = g_array_new (FALSE, FALSE, sizeof (guint));
  for (GtkWidget *widget = focus; widget != content; widget = gtk_widget_get_parent (widget))
    {
      guint index = 0;

      for (GtkWidget *sibling = gtk_widget_get_prev_sibling (widget); sibling; sibling = gtk_widget_get_prev_sibling (sibling))
        index++;
      g_array_prepend_val (path, index);
    }

  return path;
}

static GtkWidget *
first_focusable (GtkWidget *widget)
{
  if (gtk_widget_get_focusable (widget) && gtk_widget_is_sensitive (widget) &&
      gtk_widget_get_visible (widget) && !GTK_IS_LABEL (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_focusable (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* After a rebuild, the focus goes back to the widget in the same place (the button someone
 * pressed before saving an editor), or to the nearest one that takes it; never to whatever
 * GTK picks first, which was the selectable title with all its text selected. */
static void
restore_focus (GtkWidget *content,
               GArray    *path)
{
  GtkWidget *widget = content;
  GtkWidget *best = NULL;

  for (guint i = 0; i < path->len && widget != NULL; i++)
    {
      GtkWidget *child = gtk_widget_get_first_child (widget);

      for (guint n = g_array_index (path, guint, i); child != NULL && n > 0; n--)
        child = gtk_widget_get_next_sibling (child);
      widget = child;
      if (widget != NULL && gtk_widget_get_focusable (widget) && !GTK_IS_LABEL (widget))
        best = widget;
    }

  if (best == NULL)
    best = first_focusable (content);
  if (best != NULL)
    gtk_widget_grab_focus (best);
}

static void
show_error (LiaDetail    *self,
            const GError *error)
{
  LiaDetailPrivate *priv = lia_detail_get_instance_private (self);
  GtkWidget *page = lia_error_state_new (_("Could Not Read This Record"),
                                         G_CALLBACK (lia_detail_refresh), self);

  lia_ui_remove_all (priv->content);
  lia_error_state_set_error (page, error);
  gtk_box_append (GTK_BOX (priv->content), page);
}

void
lia_detail_refresh (LiaDetail *self)
{
  LiaDetailPrivate *priv = lia_detail_get_instance_private (self);
  LiaDetailClass *klass = LIA_DETAIL_GET_CLASS (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) focus_path = NULL;

  g_return_if_fail (LIA_IS_DETAIL (self));

  g_clear_handle_id (&priv->refresh_source, g_source_remove);
  g_clear_object (&priv->record);
  focus_path = dup_focus_path (priv->content);
  lia_ui_remove_all (priv->content);

  if (priv->id == 0 || priv->store == NULL)
    return;

  priv->record = lia_store_load (priv->store, klass->kind, priv->id, &error);
  /* Only a record that is truly gone is "Deleted"; a database that cannot be read says so. */
  if (priv->record == NULL && !g_error_matches (error, LIA_STORE_ERROR, LIA_STORE_ERROR_NOT_FOUND))
    {
      show_error (self, error);
      return;
    }
  if (priv->record == NULL)
    {
      GtkWidget *page = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "user-trash-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (page), _("Deleted"));
      adw_status_page_set_description (ADW_STATUS_PAGE (page), error->message);
      gtk_box_append (GTK_BOX (priv->content), page);
      return;
    }

  g_clear_error (&priv->build_error);
  klass->build (self, priv->content, priv->record);
  /* Every record's page ends with who changed what; rebuilt with the page, so it follows the
   * record's changes like the rest of it. */
  if (priv->build_error == NULL)
    lia_history_add_group (priv->store, priv->content, priv->record, &priv->build_error);
  /* Half a page, with an unread list passing for an empty one, would mislead: all or the
   * error. */
  if (priv->build_error != NULL)
    {
      show_error (self, priv->build_error);
      g_clear_error (&priv->build_error);
    }
  if (focus_path != NULL)
    restore_focus (priv->content, focus_path);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  LiaDetail *self = user_data;
  LiaDetailPrivate *priv = lia_detail_get_instance_private (self);

  priv->refresh_source = 0;
  lia_detail_refresh (self);

  return G_SOURCE_REMOVE;
}

/* Anything can change what a pane shows (a person's new role, a commitment done elsewhere):
 * rebuild once the burst of changes is over. */
static void
on_store_changed_cb (LiaDetail *self)
{
  LiaDetailPrivate *priv = lia_detail_get_instance_private (self);

  if (priv->id != 0 && priv->refresh_source == 0)
    priv->refresh_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_idle_cb, self, NULL);
}

/* "Show All Changes" at the end of the History section. */
static void
show_history_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LiaDetail *self = LIA_DETAIL (widget);
  LiaDetailPrivate *priv = lia_detail_get_instance_private (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  LiaHistoryWindow *window;

  if (priv->record == NULL)
    return;
  window = lia_history_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, priv->store, priv->record);
  gtk_window_present (GTK_WINDOW (window));
}

static void
lia_detail_constructed (GObject *object)
{
  LiaDetail *self = (LiaDetail *) object;
  LiaDetailPrivate *priv = lia_detail_get_instance_private (self);
  LiaDetailClass *klass = LIA_DETAIL_GET_CLASS (self);

  G_OBJECT_CLASS (lia_detail_parent_class)->constructed (object);

  gtk_widget_set_visible (priv->switcher, klass->has_timeline);
  if (priv->store != NULL)
    {
      priv->changed_handler = g_signal_connect_swapped (priv->store, "changed",
                                                        G_CALLBACK (on_store_changed_cb), self);
      priv->reset_handler = g_signal_connect_swapped (priv->store, "reset",
                                                      G_CALLBACK (on_store_changed_cb), self);
    }
}

static void
lia_detail_dispose (GObject *object)
{
  LiaDetail *self = (LiaDetail *) object;
  LiaDetailPrivate *priv = lia_detail_get_instance_private (self);

  g_clear_handle_id (&priv->refresh_source, g_source_remove);
  if (priv->store != NULL)
    {
      g_clear_signal_handler (&priv->changed_handler, priv->store);
      g_clear_signal_handler (&priv->reset_handler, priv->store);
    }
  g_clear_pointer (&priv->box, gtk_widget_unparent);
  g_clear_object (&priv->record);
  g_clear_object (&priv->store);
  g_clear_error (&priv->build_error);

  G_OBJECT_CLASS (lia_detail_parent_class)->dispose (object);
}

static void
lia_detail_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LiaDetail *self = LIA_DETAIL (object);
  LiaDetailPrivate *priv = lia_detail_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_detail_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  LiaDetail *self = LIA_DETAIL (object);
  LiaDetailPrivate *priv = lia_detail_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_detail_class_init (LiaDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lia_detail_constructed;
  object_class->dispose = lia_detail_dispose;
  object_class->get_property = lia_detail_get_property;
  object_class->set_property = lia_detail_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LIA_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "detail.show-history", NULL, show_history_action);
}

static void
lia_detail_init (LiaDetail *self)
{
  LiaDetailPrivate *priv = lia_detail_get_instance_private (self);
  GtkWidget *clamp;

  priv->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (priv->box, GTK_WIDGET (self));

  priv->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (priv->stack), TRUE);
  priv->switcher = gtk_stack_switcher_new ();
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (priv->switcher), priv->stack);
  gtk_widget_set_halign (priv->switcher, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (priv->switcher, 6);
  gtk_widget_set_margin_bottom (priv->switcher, 6);
  gtk_box_append (GTK_BOX (priv->box), priv->switcher);
  gtk_box_append (GTK_BOX (priv->box), GTK_WIDGET (priv->stack));

  priv->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (priv->content, 24);
  gtk_widget_set_margin_bottom (priv->content, 24);
  gtk_widget_set_margin_start (priv->content, 12);
  gtk_widget_set_margin_end (priv->content, 12);
  clamp = adw_clamp_new ();
  adw_clamp_set_child (ADW_CLAMP (clamp), priv->content);
  priv->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (priv->scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (priv->scrolled), clamp);
  gtk_stack_add_titled (priv->stack, priv->scrolled, "overview", _("Overview"));

  priv->timeline_page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_stack_add_titled (priv->stack, priv->timeline_page, "timeline", _("Timeline"));
  g_signal_connect_swapped (priv->stack, "notify::visible-child", G_CALLBACK (on_visible_child_cb), self);
}

LiaStore *
lia_detail_get_store (LiaDetail *self)
{
  LiaDetailPrivate *priv = lia_detail_get_instance_private (self);

  g_return_val_if_fail (LIA_IS_DETAIL (self), NULL);

  return priv->store;
}

void
lia_detail_set_record_id (LiaDetail *self,
                          gint64     id)
{
  LiaDetailPrivate *priv = lia_detail_get_instance_private (self);

  g_return_if_fail (LIA_IS_DETAIL (self));

  if (priv->id != id)
    {
      priv->id = id;
      drop_timeline (self);
      gtk_stack_set_visible_child_name (priv->stack, "overview");
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (priv->scrolled)), 0);
    }
  lia_detail_refresh (self);
}

gboolean
lia_detail_failed (LiaDetail  *self,
                   GError    **error)
{
  LiaDetailPrivate *priv = lia_detail_get_instance_private (self);

  g_return_val_if_fail (LIA_IS_DETAIL (self), FALSE);
  g_return_val_if_fail (error != NULL, FALSE);

  if (*error == NULL)
    return FALSE;
  if (priv->build_error == NULL)
    priv->build_error = g_steal_pointer (error);
  else
    g_clear_error (error);
  return TRUE;
}

gint64
lia_detail_get_record_id (LiaDetail *self)
{
  LiaDetailPrivate *priv = lia_detail_get_instance_private (self);

  g_return_val_if_fail (LIA_IS_DETAIL (self), 0);

  return priv->id;
}

LiaRecord *
lia_detail_get_record (LiaDetail *self)
{
  LiaDetailPrivate *priv = lia_detail_get_instance_private (self);

  g_return_val_if_fail (LIA_IS_DETAIL (self), NULL);

  return priv->record;
}

GtkWidget *
lia_detail_get_content (LiaDetail *self)
{
  LiaDetailPrivate *priv = lia_detail_get_instance_private (self);

  g_return_val_if_fail (LIA_IS_DETAIL (self), NULL);

  return priv->content;
}

GtkWidget *
lia_detail_get_timeline (LiaDetail *self)
{
  LiaDetailPrivate *priv = lia_detail_get_instance_private (self);

  g_return_val_if_fail (LIA_IS_DETAIL (self), NULL);

  return priv->timeline;
}

void
lia_detail_show_timeline (LiaDetail *self)
{
  LiaDetailPrivate *priv = lia_detail_get_instance_private (self);

  g_return_if_fail (LIA_IS_DETAIL (self));

  gtk_stack_set_visible_child_name (priv->stack, "timeline");
  make_timeline (self);
}
