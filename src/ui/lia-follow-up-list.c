/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-follow-up-list.h"
#include "lia-ui-util.h"

/* The store has no lazy model over commitments: open ones are a small share of all (about
 * 15,000 of 100,000 in the benchmark database), so they are read once into two GListStores and
 * kept in step with each change, never reloaded for one. */

struct _LiaFollowUpList
{
  GtkWidget           parent_instance;

  LiaStore           *store;
  gboolean            loaded;
  GListStore         *ours;
  GListStore         *theirs;
  GtkSingleSelection *ours_selection;
  GtkSingleSelection *theirs_selection;
  gulong              changed_handler;
  gulong              reset_handler;

  /* Template widgets */
  GtkWidget          *box;
  GtkStack           *direction_stack;
  GtkStackPage       *ours_page;
  GtkStackPage       *theirs_page;
  GtkStack           *ours_stack;
  GtkStack           *theirs_stack;
  GtkListView        *ours_view;
  GtkListView        *theirs_view;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  COMMITMENT_SELECTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LiaFollowUpList, lia_follow_up_list, GTK_TYPE_WIDGET)

/* The store's order: overdue first, then by due date, undated last, then by id. */
static int
compare_commitments (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  LiaCommitment *ca = (LiaCommitment *) a;
  LiaCommitment *cb = (LiaCommitment *) b;
  const GDate *da = lia_commitment_get_due_date (ca);
  const GDate *db = lia_commitment_get_due_date (cb);
  gboolean oa = lia_commitment_get_is_overdue (ca);
  gboolean ob = lia_commitment_get_is_overdue (cb);
  gint64 ia = lia_record_get_id (LIA_RECORD (ca));
  gint64 ib = lia_record_get_id (LIA_RECORD (cb));

  if (oa != ob)
    return oa ? -1 : 1;
  if ((da == NULL) != (db == NULL))
    return da == NULL ? 1 : -1;
  if (da != NULL && g_date_compare (da, db) != 0)
    return g_date_compare (da, db);

  return ia < ib ? -1 : ia > ib;
}

static void
update_titles (LiaFollowUpList *self)
{
  guint n_ours = g_list_model_get_n_items (G_LIST_MODEL (self->ours));
  guint n_theirs = g_list_model_get_n_items (G_LIST_MODEL (self->theirs));
  g_autofree char *ours = NULL;
  g_autofree char *theirs = NULL;

  /* Translators: the "we owe" tab of Follow-ups with the number of open commitments. */
  ours = n_ours > 0 ? g_strdup_printf (_("We Owe (%u)"), n_ours) : g_strdup (_("We Owe"));
  /* Translators: the "they owe" tab of Follow-ups with the number of open commitments. */
  theirs = n_theirs > 0 ? g_strdup_printf (_("They Owe (%u)"), n_theirs) : g_strdup (_("They Owe"));
  gtk_stack_page_set_title (self->ours_page, ours);
  gtk_stack_page_set_title (self->theirs_page, theirs);
  gtk_stack_set_visible_child_name (self->ours_stack, n_ours > 0 ? "list" : "empty");
  gtk_stack_set_visible_child_name (self->theirs_stack, n_theirs > 0 ? "list" : "empty");
}

static GListStore *
store_for (LiaFollowUpList        *self,
           LiaCommitmentDirection  direction)
{
  return direction == LIA_COMMITMENT_DIRECTION_OURS ? self->ours : self->theirs;
}

static gboolean
remove_id (GListStore *list,
           gint64      id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaRecord) record = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (lia_record_get_id (record) == id)
        {
          g_list_store_remove (list, i);
          return TRUE;
        }
    }

  return FALSE;
}

static void
reload (LiaFollowUpList *self)
{
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) ours = g_ptr_array_new ();
  g_autoptr(GPtrArray) theirs = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  open = lia_store_list_open_commitments (self->store, 0, 0, &error);
  if (open == NULL)
    {
      g_warning ("Could not read the open commitments: %s", error->message);
      return;
    }

  for (guint i = 0; i < open->len; i++)
    {
      LiaCommitment *commitment = open->pdata[i];

      if (lia_commitment_get_direction (commitment) == LIA_COMMITMENT_DIRECTION_OURS)
        g_ptr_array_add (ours, commitment);
      else
        g_ptr_array_add (theirs, commitment);
    }

  /* (0, old, 0) then (0, 0, new), as for the lazy models. */
  g_list_store_remove_all (self->ours);
  g_list_store_splice (self->ours, 0, 0, ours->pdata, ours->len);
  g_list_store_remove_all (self->theirs);
  g_list_store_splice (self->theirs, 0, 0, theirs->pdata, theirs->len);
  self->loaded = TRUE;
  update_titles (self);
}

static void
on_store_changed_cb (LiaFollowUpList *self,
                     LiaRecordKind    kind,
                     gint64           id,
                     LiaStoreChange   change,
                     LiaRecord       *old,
                     LiaRecord       *current,
                     LiaStore        *store)
{
  if (!self->loaded || kind != LIA_RECORD_KIND_COMMITMENT)
    return;

  if (!remove_id (self->ours, id))
    remove_id (self->theirs, id);

  if (current != NULL && lia_commitment_get_status (LIA_COMMITMENT (current)) == LIA_COMMITMENT_STATUS_OPEN)
    {
      g_autoptr(LiaRecord) copy = g_object_new (LIA_TYPE_COMMITMENT, NULL);

      /* current belongs to whoever saved it and may change again before it is saved. */
      lia_record_copy_from (copy, current);
      lia_record_set_id (copy, id);
      g_list_store_insert_sorted (store_for (self, lia_commitment_get_direction (LIA_COMMITMENT (copy))),
                                  copy, compare_commitments, NULL);
    }

  update_titles (self);
}

static void
on_store_reset_cb (LiaFollowUpList *self)
{
  if (self->loaded)
    reload (self);
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     LiaFollowUpList          *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *done = gtk_button_new_from_icon_name ("object-select-symbolic");
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_valign (done, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (done, "circular");
  gtk_widget_add_css_class (done, "done-button");
  gtk_widget_add_css_class (done, "flat");
  gtk_widget_set_tooltip_text (done, _("Mark as Done"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (done),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Mark as Done"),
                                  -1);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_box_append (GTK_BOX (box), done);
  gtk_box_append (GTK_BOX (box), labels);
  g_object_set_data (G_OBJECT (box), "done", done);
  g_object_set_data (G_OBJECT (box), "title", title);
  g_object_set_data (G_OBJECT (box), "subtitle", subtitle);
  gtk_list_item_set_child (item, box);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    LiaFollowUpList          *self)
{
  LiaCommitment *commitment = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *done = g_object_get_data (G_OBJECT (box), "done");
  GtkLabel *title = g_object_get_data (G_OBJECT (box), "title");
  GtkLabel *subtitle = g_object_get_data (G_OBJECT (box), "subtitle");
  g_autofree char *due = lia_ui_format_date (lia_commitment_get_due_date (commitment));
  g_autofree char *counterpart = NULL;
  g_autofree char *done_label = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  /* The target first: the action takes one. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (done),
                                          g_variant_new_int64 (lia_record_get_id (LIA_RECORD (commitment))));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (done), "win.mark-done");
  gtk_label_set_text (title, lia_commitment_get_title (commitment));
  /* Translators: what a screen reader says for the button that marks a commitment done; %s
   * is its title, so that each of several such buttons says which commitment it closes. */
  done_label = g_strdup_printf (_("Mark “%s” as Done"), lia_commitment_get_title (commitment));
  gtk_accessible_update_property (GTK_ACCESSIBLE (done), GTK_ACCESSIBLE_PROPERTY_LABEL, done_label, -1);

  if (lia_commitment_get_organization_id (commitment) != 0)
    counterpart = lia_ui_dup_record_label (self->store, LIA_RECORD_KIND_ORGANIZATION,
                                           lia_commitment_get_organization_id (commitment));
  else if (lia_commitment_get_contact_id (commitment) != 0)
    counterpart = lia_ui_dup_record_label (self->store, LIA_RECORD_KIND_CONTACT,
                                           lia_commitment_get_contact_id (commitment));
  if (counterpart != NULL)
    g_string_append (text, counterpart);
  if (due != NULL)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      if (lia_commitment_get_is_overdue (commitment))
        g_string_append_printf (text, _("Overdue since %s"), due);
      else
        g_string_append_printf (text, _("Due %s"), due);
    }
  else
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, _("No due date"));
    }
  gtk_label_set_text (subtitle, text->str);

  if (lia_commitment_get_is_overdue (commitment))
    gtk_widget_add_css_class (GTK_WIDGET (subtitle), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (subtitle), "error");
  if (lia_commitment_get_is_overdue (commitment))
    gtk_widget_remove_css_class (GTK_WIDGET (subtitle), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (subtitle), "dim-label");
}

static void
on_selection_changed_cb (LiaFollowUpList    *self,
                         guint               position,
                         guint               n_items,
                         GtkSingleSelection *selection)
{
  LiaCommitment *commitment = gtk_single_selection_get_selected_item (selection);

  if (commitment != NULL)
    g_signal_emit (self, signals[COMMITMENT_SELECTED], 0, commitment);
}

static void
lia_follow_up_list_map (GtkWidget *widget)
{
  LiaFollowUpList *self = (LiaFollowUpList *) widget;

  GTK_WIDGET_CLASS (lia_follow_up_list_parent_class)->map (widget);

  if (!self->loaded)
    reload (self);
}

static void
lia_follow_up_list_constructed (GObject *object)
{
  LiaFollowUpList *self = (LiaFollowUpList *) object;

  G_OBJECT_CLASS (lia_follow_up_list_parent_class)->constructed (object);

  self->changed_handler = g_signal_connect_swapped (self->store, "changed",
                                                    G_CALLBACK (on_store_changed_cb), self);
  self->reset_handler = g_signal_connect_swapped (self->store, "reset",
                                                  G_CALLBACK (on_store_reset_cb), self);
}

static void
lia_follow_up_list_dispose (GObject *object)
{
  LiaFollowUpList *self = (LiaFollowUpList *) object;

  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->changed_handler, self->store);
      g_clear_signal_handler (&self->reset_handler, self->store);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_FOLLOW_UP_LIST);
  g_clear_object (&self->ours_selection);
  g_clear_object (&self->theirs_selection);
  g_clear_object (&self->ours);
  g_clear_object (&self->theirs);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lia_follow_up_list_parent_class)->dispose (object);
}

static void
lia_follow_up_list_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LiaFollowUpList *self = LIA_FOLLOW_UP_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_follow_up_list_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LiaFollowUpList *self = LIA_FOLLOW_UP_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_follow_up_list_class_init (LiaFollowUpListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lia_follow_up_list_constructed;
  object_class->dispose = lia_follow_up_list_dispose;
  object_class->get_property = lia_follow_up_list_get_property;
  object_class->set_property = lia_follow_up_list_set_property;

  widget_class->map = lia_follow_up_list_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LIA_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[COMMITMENT_SELECTED] =
    g_signal_new ("commitment-selected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LIA_TYPE_COMMITMENT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaison/Liaison/lia-follow-up-list.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaFollowUpList, box);
  gtk_widget_class_bind_template_child (widget_class, LiaFollowUpList, direction_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaFollowUpList, ours_page);
  gtk_widget_class_bind_template_child (widget_class, LiaFollowUpList, theirs_page);
  gtk_widget_class_bind_template_child (widget_class, LiaFollowUpList, ours_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaFollowUpList, theirs_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaFollowUpList, ours_view);
  gtk_widget_class_bind_template_child (widget_class, LiaFollowUpList, theirs_view);
}

static GtkSingleSelection *
set_up_view (LiaFollowUpList *self,
             GtkListView     *view,
             GListStore      *list)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkSingleSelection *selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (list)));

  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  g_signal_connect_swapped (selection, "selection-changed", G_CALLBACK (on_selection_changed_cb), self);
  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), self);
  gtk_list_view_set_factory (view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (view, GTK_SELECTION_MODEL (selection));

  return selection;
}

static void
lia_follow_up_list_init (LiaFollowUpList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->ours = g_list_store_new (LIA_TYPE_COMMITMENT);
  self->theirs = g_list_store_new (LIA_TYPE_COMMITMENT);
  self->ours_selection = set_up_view (self, self->ours_view, self->ours);
  self->theirs_selection = set_up_view (self, self->theirs_view, self->theirs);
  update_titles (self);
}

LiaFollowUpList *
lia_follow_up_list_new (LiaStore *store)
{
  g_return_val_if_fail (LIA_IS_STORE (store), NULL);

  return g_object_new (LIA_TYPE_FOLLOW_UP_LIST, "store", store, NULL);
}

void
lia_follow_up_list_load (LiaFollowUpList *self)
{
  g_return_if_fail (LIA_IS_FOLLOW_UP_LIST (self));

  if (!self->loaded)
    reload (self);
}

GListModel *
lia_follow_up_list_get_model (LiaFollowUpList        *self,
                              LiaCommitmentDirection  direction)
{
  g_return_val_if_fail (LIA_IS_FOLLOW_UP_LIST (self), NULL);

  return G_LIST_MODEL (store_for (self, direction));
}

void
lia_follow_up_list_show_direction (LiaFollowUpList        *self,
                                   LiaCommitmentDirection  direction)
{
  g_return_if_fail (LIA_IS_FOLLOW_UP_LIST (self));

  gtk_stack_set_visible_child_name (self->direction_stack,
                                    direction == LIA_COMMITMENT_DIRECTION_OURS ? "ours" : "theirs");
}

void
lia_follow_up_list_unselect (LiaFollowUpList *self)
{
  g_return_if_fail (LIA_IS_FOLLOW_UP_LIST (self));

  /* Not gtk_selection_model_unselect_all(): GtkSingleSelection in GTK 4.8 ignores it. */
  gtk_single_selection_set_selected (self->ours_selection, GTK_INVALID_LIST_POSITION);
  gtk_single_selection_set_selected (self->theirs_selection, GTK_INVALID_LIST_POSITION);
}
