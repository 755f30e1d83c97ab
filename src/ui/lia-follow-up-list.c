/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-error-state.h"
#include "lia-follow-up-list.h"
#include "lia-follow-up-row.h"

/* The store has no lazy model over commitments: open ones are a small share of all (about
 * 15,000 of 100,000 in the benchmark database), so they are read once into two GListStores and
 * kept in step with each change, never reloaded for one. The closed ones (the history) are
 * read only when the filter asks for them.
 *
 * Groups are not separate lists: each row shows its group's heading when the row before it is
 * in another group, as the timeline does for days (GTK 4.8 has no list sections). */

struct _LiaFollowUpList
{
  GtkWidget           parent_instance;

  LiaStore           *store;
  gboolean            loaded;
  LiaFollowUpFilter   filter;
  GDate              *today;
  GError             *error;
  GListStore         *ours;
  GListStore         *theirs;
  GtkSingleSelection *ours_selection;
  GtkSingleSelection *theirs_selection;
  gulong              changed_handler;
  gulong              reset_handler;
  guint               midnight_source;

  /* Template widgets */
  GtkWidget          *box;
  GtkWidget          *top_bar;
  GtkDropDown        *filter_dropdown;
  GtkStack           *direction_stack;
  GtkStackPage       *ours_page;
  GtkStackPage       *theirs_page;
  GtkStack           *ours_stack;
  GtkStack           *theirs_stack;
  GtkListView        *ours_view;
  GtkListView        *theirs_view;
  AdwStatusPage      *ours_empty;
  AdwStatusPage      *theirs_empty;
  GtkWidget          *error_page;
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

static void reload (LiaFollowUpList *self);

/* The groups in their order (Overdue, This week, Later, Done); inside an open group by due
 * date, undated last, then id, as the store lists them; closed ones most recently closed
 * first. */
static int
compare_commitments (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  LiaFollowUpList *self = user_data;
  LiaCommitment *ca = (LiaCommitment *) a;
  LiaCommitment *cb = (LiaCommitment *) b;
  LiaCommitmentUrgency ua = lia_commitment_get_urgency_on (ca, self->today);
  LiaCommitmentUrgency ub = lia_commitment_get_urgency_on (cb, self->today);
  const GDate *da = lia_commitment_get_due_date (ca);
  const GDate *db = lia_commitment_get_due_date (cb);
  gint64 ia = lia_record_get_id (LIA_RECORD (ca));
  gint64 ib = lia_record_get_id (LIA_RECORD (cb));

  if (ua != ub)
    return ua < ub ? -1 : 1;

  if (ua == LIA_COMMITMENT_URGENCY_CLOSED)
    {
      GDateTime *ta = lia_record_get_updated_at (LIA_RECORD (ca));
      GDateTime *tb = lia_record_get_updated_at (LIA_RECORD (cb));

      if (ta != NULL && tb != NULL && g_date_time_compare (ta, tb) != 0)
        return -g_date_time_compare (ta, tb);
      return ia > ib ? -1 : ia < ib;
    }

  if ((da == NULL) != (db == NULL))
    return da == NULL ? 1 : -1;
  if (da != NULL && g_date_compare (da, db) != 0)
    return g_date_compare (da, db);

  return ia < ib ? -1 : ia > ib;
}

static gboolean
wants (LiaFollowUpList *self,
       LiaCommitment   *commitment)
{
  gboolean open = lia_commitment_get_status (commitment) == LIA_COMMITMENT_STATUS_OPEN;

  switch (self->filter)
    {
    case LIA_FOLLOW_UP_FILTER_OPEN:
      return open;
    case LIA_FOLLOW_UP_FILTER_DONE:
      return !open;
    case LIA_FOLLOW_UP_FILTER_ALL:
    default:
      return TRUE;
    }
}

static void
update_empty_page (LiaFollowUpList *self,
                   AdwStatusPage   *page,
                   gboolean         ours)
{
  if (self->filter == LIA_FOLLOW_UP_FILTER_DONE)
    {
      adw_status_page_set_icon_name (page, "document-open-recent-symbolic");
      adw_status_page_set_title (page, ours ? _("Nothing We Owe Is Done Yet")
                                            : _("Nothing They Owe Is Done Yet"));
      adw_status_page_set_description (page, _("Commitments marked as done or cancelled stay "
                                               "here, with the day they were closed."));
      return;
    }

  adw_status_page_set_icon_name (page, "emblem-ok-symbolic");
  adw_status_page_set_title (page, ours ? _("Nothing We Owe") : _("Nothing They Owe"));
  adw_status_page_set_description (page, ours ? _("Promises you make to partners appear here until they are done.")
                                              : _("What partners promise you appears here, so that you can follow it up."));
}

static void
update_titles (LiaFollowUpList *self)
{
  guint n_ours = g_list_model_get_n_items (G_LIST_MODEL (self->ours));
  guint n_theirs = g_list_model_get_n_items (G_LIST_MODEL (self->theirs));
  g_autofree char *ours = NULL;
  g_autofree char *theirs = NULL;

  /* Translators: the "we owe" tab of Follow-ups with the number of commitments shown. */
  ours = n_ours > 0 ? g_strdup_printf (_("We Owe (%u)"), n_ours) : g_strdup (_("We Owe"));
  /* Translators: the "they owe" tab of Follow-ups with the number of commitments shown. */
  theirs = n_theirs > 0 ? g_strdup_printf (_("They Owe (%u)"), n_theirs) : g_strdup (_("They Owe"));
  gtk_stack_page_set_title (self->ours_page, ours);
  gtk_stack_page_set_title (self->theirs_page, theirs);
  update_empty_page (self, self->ours_empty, TRUE);
  update_empty_page (self, self->theirs_empty, FALSE);
  gtk_stack_set_visible_child_name (self->ours_stack, n_ours > 0 ? "list" : "empty");
  gtk_stack_set_visible_child_name (self->theirs_stack, n_theirs > 0 ? "list" : "empty");

  /* A list that could not be read is never shown as "Nothing We Owe". */
  lia_error_state_set_error (self->error_page, self->error);
  gtk_widget_set_visible (self->error_page, self->error != NULL);
  gtk_widget_set_visible (self->top_bar, self->error == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->direction_stack), self->error == NULL);
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
split_by_direction (GPtrArray *commitments,
                    GPtrArray *ours,
                    GPtrArray *theirs)
{
  for (guint i = 0; commitments != NULL && i < commitments->len; i++)
    {
      LiaCommitment *commitment = commitments->pdata[i];

      if (lia_commitment_get_direction (commitment) == LIA_COMMITMENT_DIRECTION_OURS)
        g_ptr_array_add (ours, commitment);
      else
        g_ptr_array_add (theirs, commitment);
    }
}

static void
reload (LiaFollowUpList *self)
{
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) closed = NULL;
  g_autoptr(GPtrArray) ours = g_ptr_array_new ();
  g_autoptr(GPtrArray) theirs = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->today, g_date_free);
  self->today = lia_date_new_today ();

  if (self->filter != LIA_FOLLOW_UP_FILTER_DONE)
    open = lia_store_list_open_commitments (self->store, 0, 0, &error);
  if (error == NULL && self->filter != LIA_FOLLOW_UP_FILTER_OPEN)
    closed = lia_store_list_closed_commitments (self->store, &error);

  g_clear_error (&self->error);
  self->error = g_steal_pointer (&error);

  /* Open ones first, in group order, then the closed: the order compare_commitments() keeps. */
  split_by_direction (open, ours, theirs);
  split_by_direction (closed, ours, theirs);

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

  /* After a failed read, only Retry (or a reset) reads again: a change does not make the
   * rest of the list right. */
  if (self->error != NULL)
    return;

  if (!remove_id (self->ours, id))
    remove_id (self->theirs, id);

  if (current != NULL && wants (self, LIA_COMMITMENT (current)))
    {
      g_autoptr(LiaRecord) copy = g_object_new (LIA_TYPE_COMMITMENT, NULL);

      /* current belongs to whoever saved it and may change again before it is saved. */
      lia_record_copy_from (copy, current);
      lia_record_copy_identity (copy, current);
      g_list_store_insert_sorted (store_for (self, lia_commitment_get_direction (LIA_COMMITMENT (copy))),
                                  copy, compare_commitments, self);
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
retry (LiaFollowUpList *self)
{
  reload (self);
}

/* When the day turns, what was due today is overdue: group again. */
static gboolean on_midnight_cb (gpointer user_data);

static void
schedule_midnight (LiaFollowUpList *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (now),
                                                      g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(GDateTime) midnight = g_date_time_add_days (today, 1);
  GTimeSpan until = g_date_time_difference (midnight, now);

  g_clear_handle_id (&self->midnight_source, g_source_remove);
  self->midnight_source = g_timeout_add_seconds ((guint) (until / G_USEC_PER_SEC) + 1,
                                                 on_midnight_cb, self);
}

static gboolean
on_midnight_cb (gpointer user_data)
{
  LiaFollowUpList *self = user_data;

  self->midnight_source = 0;
  if (self->loaded)
    reload (self);
  schedule_midnight (self);

  return G_SOURCE_REMOVE;
}

static void
on_filter_selected_cb (LiaFollowUpList *self)
{
  lia_follow_up_list_set_filter (self, gtk_drop_down_get_selected (self->filter_dropdown));
}

static gboolean
starts_a_group (LiaFollowUpList *self,
                GListModel      *model,
                guint            position,
                LiaCommitment   *commitment)
{
  g_autoptr(LiaCommitment) previous = NULL;

  if (position == 0 || position == GTK_INVALID_LIST_POSITION)
    return TRUE;

  previous = g_list_model_get_item (model, position - 1);
  if (previous == NULL)
    return TRUE;

  return lia_commitment_get_urgency_on (previous, self->today) !=
         lia_commitment_get_urgency_on (commitment, self->today);
}

static void
bind_row (LiaFollowUpList *self,
          GtkListItem     *item)
{
  LiaCommitment *commitment = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  GListModel *model;

  if (commitment == NULL || row == NULL)
    return;

  model = G_LIST_MODEL (store_for (self, lia_commitment_get_direction (commitment)));
  lia_follow_up_row_bind (LIA_FOLLOW_UP_ROW (row), self->store, commitment, self->today,
                          starts_a_group (self, model, gtk_list_item_get_position (item), commitment));
}

static void
on_item_position_cb (GtkListItem     *item,
                     GParamSpec      *pspec,
                     LiaFollowUpList *self)
{
  /* Rows added or removed above move this one: its group may now start here, or not. */
  bind_row (self, item);
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     LiaFollowUpList          *self)
{
  gtk_list_item_set_child (item, GTK_WIDGET (lia_follow_up_row_new ()));
  g_signal_connect_object (item, "notify::position", G_CALLBACK (on_item_position_cb), self, 0);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    LiaFollowUpList          *self)
{
  bind_row (self, item);
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      LiaFollowUpList          *self)
{
  lia_follow_up_row_unbind (LIA_FOLLOW_UP_ROW (gtk_list_item_get_child (item)));
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

  g_clear_handle_id (&self->midnight_source, g_source_remove);
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
lia_follow_up_list_finalize (GObject *object)
{
  LiaFollowUpList *self = (LiaFollowUpList *) object;

  g_clear_pointer (&self->today, g_date_free);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (lia_follow_up_list_parent_class)->finalize (object);
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
  object_class->finalize = lia_follow_up_list_finalize;
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
  gtk_widget_class_bind_template_child (widget_class, LiaFollowUpList, top_bar);
  gtk_widget_class_bind_template_child (widget_class, LiaFollowUpList, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LiaFollowUpList, ours_empty);
  gtk_widget_class_bind_template_child (widget_class, LiaFollowUpList, theirs_empty);
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
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), self);
  gtk_list_view_set_factory (view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (view, GTK_SELECTION_MODEL (selection));

  return selection;
}

static void
lia_follow_up_list_init (LiaFollowUpList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->today = lia_date_new_today ();
  self->error_page = lia_error_state_new (_("Could Not Read the Follow-ups"), G_CALLBACK (retry), self);
  gtk_widget_set_vexpand (self->error_page, TRUE);
  gtk_box_append (GTK_BOX (self->box), self->error_page);
  g_signal_connect_swapped (self->filter_dropdown, "notify::selected",
                            G_CALLBACK (on_filter_selected_cb), self);
  self->ours = g_list_store_new (LIA_TYPE_COMMITMENT);
  self->theirs = g_list_store_new (LIA_TYPE_COMMITMENT);
  self->ours_selection = set_up_view (self, self->ours_view, self->ours);
  self->theirs_selection = set_up_view (self, self->theirs_view, self->theirs);
  update_titles (self);
  schedule_midnight (self);
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

void
lia_follow_up_list_set_filter (LiaFollowUpList   *self,
                               LiaFollowUpFilter  filter)
{
  g_return_if_fail (LIA_IS_FOLLOW_UP_LIST (self));
  g_return_if_fail (filter <= LIA_FOLLOW_UP_FILTER_ALL);

  if (gtk_drop_down_get_selected (self->filter_dropdown) != filter)
    gtk_drop_down_set_selected (self->filter_dropdown, filter);

  if (self->filter == filter)
    return;

  self->filter = filter;
  if (self->loaded)
    reload (self);
  else
    update_titles (self);
}

LiaFollowUpFilter
lia_follow_up_list_get_filter (LiaFollowUpList *self)
{
  g_return_val_if_fail (LIA_IS_FOLLOW_UP_LIST (self), LIA_FOLLOW_UP_FILTER_OPEN);

  return self->filter;
}

const GError *
lia_follow_up_list_get_error (LiaFollowUpList *self)
{
  g_return_val_if_fail (LIA_IS_FOLLOW_UP_LIST (self), NULL);

  return self->error;
}
