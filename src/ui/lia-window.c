/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lia-commitment-detail.h"
#include "lia-concern-detail.h"
#include "lia-project-detail.h"
#include "lia-project-list.h"
#include "lia-contact-detail.h"
#include "lia-interaction-detail.h"
#include "lia-organization-detail.h"
#include "lia-ui-util.h"
#include "lia-window-private.h"

enum {
  PROP_0,
  PROP_STORE,
  PROP_ERROR_MESSAGE,
  PROP_SETTINGS,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LiaWindow, lia_window, ADW_TYPE_APPLICATION_WINDOW)

static const struct {
  const char    *name;
  LiaRecordKind  kind;
} views[] = {
  { "today", LIA_RECORD_KIND_COMMITMENT },
  { "organizations", LIA_RECORD_KIND_ORGANIZATION },
  { "contacts", LIA_RECORD_KIND_CONTACT },
  { "timeline", LIA_RECORD_KIND_INTERACTION },
  { "follow-ups", LIA_RECORD_KIND_COMMITMENT },
  { "map", LIA_RECORD_KIND_CONTACT },
  { "concerns", LIA_RECORD_KIND_CONCERN },
  { "projects", LIA_RECORD_KIND_PROJECT },
};

G_STATIC_ASSERT (G_N_ELEMENTS (views) == LIA_WINDOW_N_VIEWS);

static const char *
detail_page_name (LiaRecordKind kind)
{
  return lia_enum_to_nick (LIA_TYPE_RECORD_KIND, kind);
}

static const char *
view_title (const char *view)
{
  if (g_strcmp0 (view, "contacts") == 0)
    return _("Contacts");
  if (g_strcmp0 (view, "timeline") == 0)
    return _("Timeline");
  if (g_strcmp0 (view, "follow-ups") == 0)
    return _("Follow-ups");
  if (g_strcmp0 (view, "today") == 0)
    return _("Today");
  if (g_strcmp0 (view, "map") == 0)
    return _("Stakeholder Map");
  if (g_strcmp0 (view, "concerns") == 0)
    return _("Concerns");
  if (g_strcmp0 (view, "projects") == 0)
    return _("Projects");
  return _("Organizations");
}

static const char *
new_tooltip (LiaRecordKind kind)
{
  switch (kind)
    {
    case LIA_RECORD_KIND_CONTACT: return _("New Contact");
    case LIA_RECORD_KIND_INTERACTION: return _("Log Interaction");
    case LIA_RECORD_KIND_COMMITMENT: return _("New Commitment");
    case LIA_RECORD_KIND_CONCERN: return _("New Concern");
    case LIA_RECORD_KIND_PROJECT: return _("New Project");
    case LIA_RECORD_KIND_ORGANIZATION:
    default: return _("New Organization");
    }
}

LiaRecordKind
_lia_window_get_view_kind (LiaWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    if (g_strcmp0 (self->view, views[i].name) == 0)
      return views[i].kind;

  return LIA_RECORD_KIND_ORGANIZATION;
}

static guint
view_index (LiaWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    if (g_strcmp0 (self->view, views[i].name) == 0)
      return i;

  return 0;
}

static GtkWidget *ensure_list_page (LiaWindow  *self,
                                     const char *name);
static LiaDetail *ensure_detail    (LiaWindow     *self,
                                    LiaRecordKind  kind);

void
_lia_window_show_toast (LiaWindow *self,
                        AdwToast  *toast)
{
  g_return_if_fail (LIA_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_lia_window_show_message (LiaWindow  *self,
                          const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  /* Error messages from the store are whole sentences: give time to read them. */
  adw_toast_set_timeout (toast, 5);
  _lia_window_show_toast (self, toast);
}

void
_lia_window_update_actions (LiaWindow *self)
{
  static const char * const edits[] = {
    "win.new", "win.edit", "win.delete", "win.undo", "win.import", "win.explore-sample",
    "win.start-empty", "win.log-interaction", "win.add-commitment", "win.add-concern",
    "win.mark-done", "win.reopen", "win.copy-to-server",
  };
  gboolean has_store = self->store != NULL;
  gboolean has_record = has_store && self->current_id != 0 &&
                        self->details[self->current_kind] != NULL &&
                        lia_detail_get_record (self->details[self->current_kind]) != NULL;
  /* A read-only account browses and prints; every way to change data is off, and the
   * buttons say why. */
  gboolean read_only = has_store && lia_store_is_read_only (self->store);
  gboolean on_server = has_store && lia_store_location_is_server (lia_store_get_path (self->store));
  const char *why = read_only ? _("This account may not change data") : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit", has_record);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete", has_record);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", !g_queue_is_empty (&self->undo));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-briefing", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.explore-sample", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-to-local", on_server);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-to-server", on_server);
  if (read_only)
    for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
      gtk_widget_action_set_enabled (GTK_WIDGET (self), edits[i], FALSE);
  gtk_widget_set_visible (self->edit_button, has_record);
  gtk_widget_set_visible (self->delete_button, has_record);
  gtk_widget_set_tooltip_text (self->edit_button, why != NULL ? why : _("Edit"));
  gtk_widget_set_tooltip_text (self->delete_button, why != NULL ? why : _("Delete"));
}

/* --- counts and the first run ------------------------------------------------------------- */

static void
set_count (GtkLabel *label,
           gint64    count)
{
  g_autofree char *text = count > 0 ? g_strdup_printf ("%'" G_GINT64_FORMAT, count) : g_strdup ("");

  gtk_label_set_text (label, text);
}

/* The first-run page on an empty database (until dismissed), the views otherwise. */
static void
show_emptiness (LiaWindow *self,
                gboolean   empty)
{
  gtk_stack_set_visible_child_name (self->main_stack,
                                    empty && !self->first_run_dismissed ? "first-run" : "browse");
  if (!empty)
    self->first_run_dismissed = TRUE;
}

static void
show_counts (LiaWindow            *self,
             const LiaStoreCounts *counts_in)
{
  LiaStoreCounts counts = *counts_in;
  gboolean empty;

  set_count (self->organizations_count, counts.organizations);
  set_count (self->contacts_count, counts.contacts);
  set_count (self->timeline_count, counts.interactions);
  set_count (self->follow_ups_count, counts.overdue_commitments);
  set_count (self->follow_ups_open_count, counts.open_commitments);
  set_count (self->concerns_count, counts.open_concerns);
  gtk_widget_set_visible (GTK_WIDGET (self->follow_ups_count), counts.overdue_commitments > 0);
  {
    g_autofree char *overdue = g_strdup_printf (ngettext ("%'" PRId64 " overdue",
                                                          "%'" PRId64 " overdue",
                                                          (gulong) counts.overdue_commitments),
                                                counts.overdue_commitments);
    g_autofree char *open = g_strdup_printf (ngettext ("%'" PRId64 " open",
                                                       "%'" PRId64 " open",
                                                       (gulong) counts.open_commitments),
                                             counts.open_commitments);
    /* Translators: the tooltip of Follow-ups in the sidebar: "3 overdue, 12 open". */
    g_autofree char *both = g_strdup_printf (_("%s, %s"), overdue, open);

    gtk_widget_set_tooltip_text (GTK_WIDGET (self->follow_ups_row), both);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->follow_ups_row),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, both, -1);
  }

  empty = counts.organizations == 0 && counts.contacts == 0 && counts.interactions == 0 &&
          counts.commitments == 0 && counts.concerns == 0;
  show_emptiness (self, empty);
}

/* From this size on, the sidebar's counts are read off the main thread, as Today's sections
 * (READ_IN_THREAD_BYTES in lia-today-view.c): counting 1M interactions and 100,000 contacts in
 * a database out of the OS page cache (the first launch of the day) reads about 6,700 pages,
 * a quarter of a second before the first frame. */
#define COUNT_IN_THREAD_BYTES (32 * 1024 * 1024)

static gint64 count_in_thread_bytes = COUNT_IN_THREAD_BYTES;

void
_lia_window_set_count_in_thread_bytes (gint64 bytes)
{
  count_in_thread_bytes = bytes;
}

static gboolean
counts_in_thread (LiaWindow *self)
{
  const char *path = lia_store_get_path (self->store);
  GStatBuf st;

  return path != NULL && g_stat (path, &st) == 0 && st.st_size >= count_in_thread_bytes;
}

static void count_in_thread (LiaWindow *self);

/* In a worker thread, on a connection of its own. */
static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_autoptr(LiaStore) reader = NULL;
  g_autofree LiaStoreCounts *counts = g_new0 (LiaStoreCounts, 1);
  GError *error = NULL;

  if (!(reader = lia_store_open (task_data, &error)) ||
      !lia_store_get_counts (reader, counts, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&counts), g_free);
}

static void
count_done_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  LiaWindow *self = LIA_WINDOW (source_object);
  g_autoptr(GError) error = NULL;
  g_autofree LiaStoreCounts *counts = g_task_propagate_pointer (G_TASK (result), &error);

  /* Superseded by a newer read (or the window went away): that one shows its answer. */
  if (g_task_get_cancellable (G_TASK (result)) != self->counting)
    return;
  g_clear_object (&self->counting);
  if (counts == NULL)
    _lia_window_show_message (self, error->message);
  else
    show_counts (self, counts);
  /* What changed while this read ran: one more read covers all of it. */
  if (self->count_again)
    {
      self->count_again = FALSE;
      count_in_thread (self);
    }
}

/* Reads the counts in a thread; the sidebar keeps what it shows until they are in. Changes
 * while a read runs are counted by one more read once it is done: a read cannot be stopped
 * half-way, and cancelling it for the next would show nothing for as long as changes come
 * faster than a count takes (another program writing every moment to a big file). */
static void
count_in_thread (LiaWindow *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->counting != NULL)
    {
      self->count_again = TRUE;
      return;
    }
  self->counting = g_cancellable_new ();
  task = g_task_new (self, self->counting, count_done_cb, NULL);
  g_task_set_source_tag (task, count_in_thread);
  g_task_set_task_data (task, g_strdup (lia_store_get_path (self->store)), g_free);
  g_task_run_in_thread (task, count_thread);
}

gboolean
_lia_window_get_counting (LiaWindow *self)
{
  g_return_val_if_fail (LIA_IS_WINDOW (self), FALSE);

  return self->counting != NULL;
}

static void
update_counts (LiaWindow *self)
{
  g_autoptr(GError) error = NULL;
  LiaStoreCounts counts;

  if (self->store == NULL)
    return;
  if (counts_in_thread (self))
    {
      count_in_thread (self);
      return;
    }

  if (!lia_store_get_counts (self->store, &counts, &error))
    {
      _lia_window_show_message (self, error->message);
      return;
    }
  show_counts (self, &counts);
}

static gboolean
update_counts_idle_cb (gpointer user_data)
{
  LiaWindow *self = user_data;

  self->counts_source = 0;
  update_counts (self);

  return G_SOURCE_REMOVE;
}

static void
queue_update_counts (LiaWindow *self)
{
  if (self->counts_source == 0)
    self->counts_source = g_idle_add (update_counts_idle_cb, self);
}

/* A strip at the bottom while the store makes its lost connection to the server again. */
static void
on_store_reconnecting_cb (LiaWindow *self)
{
  gboolean reconnecting = lia_store_get_reconnecting (self->store);

  gtk_revealer_set_reveal_child (self->reconnecting_revealer, reconnecting);
  gtk_spinner_set_spinning (self->reconnecting_spinner, reconnecting);
}

static void
hide_sorting (LiaWindow *self)
{
  g_clear_handle_id (&self->sorting_source, g_source_remove);
  gtk_revealer_set_reveal_child (self->sorting_revealer, FALSE);
  gtk_spinner_set_spinning (self->sorting_spinner, FALSE);
}

static gboolean
show_sorting_cb (gpointer user_data)
{
  LiaWindow *self = user_data;

  self->sorting_source = 0;
  gtk_revealer_set_reveal_child (self->sorting_revealer, TRUE);
  gtk_spinner_set_spinning (self->sorting_spinner, TRUE);
  return G_SOURCE_REMOVE;
}

static void
on_sorted_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(LiaWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  /* On success the store emits "reset": the lists sort again, once. */
  if (!lia_store_adopt_collation_finish (LIA_STORE (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = g_strdup_printf (_("Contacts keep their previous order: %s"),
                                                  error->message);

      if (self->store != NULL)
        _lia_window_show_message (self, message);
    }
  g_clear_object (&self->sorting_cancellable);
  if (self->store != NULL)
    hide_sorting (self);
}

static void
on_first_paint_cb (GdkFrameClock *clock,
                   LiaWindow     *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_paint_cb, self);
  /* Closed before its first frame. */
  if (self->store == NULL || self->sorting_cancellable == NULL)
    return;
  self->sorting_source = g_timeout_add (1000, show_sorting_cb, self);
  lia_store_adopt_collation_async (self->store, self->sorting_cancellable, on_sorted_cb,
                                   g_object_ref (self));
}

/* After the first frame is painted: the thread does not compete with it for the processor. */
static void
on_first_map_cb (LiaWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, on_first_map_cb, NULL);
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (on_first_paint_cb), self, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Contacts sort in the desktop's language: when it is another than the one their keys were
 * made in, the keys are made again in a thread, on a connection of its own, while the window
 * shows the contacts in the order they had; a strip says so when that takes more than a
 * second. A save meanwhile goes first: the re-keying gives the write lock up and starts again
 * after it. A team server keeps its order (lia_store_adopt_collation()). */
static void
start_sorting (LiaWindow *self)
{
  if (lia_store_get_collation_current (self->store))
    return;

  self->sorting_cancellable = g_cancellable_new ();
  /* The window may be shown already, on a store opened in a thread. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    on_first_map_cb (self);
  else
    g_signal_connect (self, "map", G_CALLBACK (on_first_map_cb), NULL);
}

gboolean
_lia_window_get_sorting (LiaWindow *self)
{
  g_return_val_if_fail (LIA_IS_WINDOW (self), FALSE);

  return self->sorting_cancellable != NULL;
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
  queue_update_counts (self);

  if (kind == self->current_kind && id == self->current_id && current != NULL)
    adw_window_title_set_title (self->detail_title, lia_record_get_label (current));
  if (kind == self->current_kind && id == self->current_id && change == LIA_STORE_CHANGE_REMOVED)
    _lia_window_clear_detail (self);
}

static void
on_store_reset_cb (LiaWindow *self)
{
  queue_update_counts (self);
}

/* --- navigation --------------------------------------------------------------------------- */

static void
save_selection (LiaWindow *self)
{
  g_autofree char *value = NULL;

  if (self->settings == NULL)
    return;

  if (self->current_id != 0 && self->details[self->current_kind] != NULL &&
      lia_detail_get_record (self->details[self->current_kind]) != NULL)
    value = g_strdup_printf ("%s:%s", detail_page_name (self->current_kind),
                             lia_record_get_uid (lia_detail_get_record (self->details[self->current_kind])));
  g_settings_set_string (self->settings, "last-selection", value != NULL ? value : "");
}

/* Only the page shown is visible: GTK 4.8 keeps the other pages of a stack in the
 * accessibility tree as if shown, so a screen reader would find (and press) the buttons of a
 * record no longer on screen. */
static void
show_detail_page (LiaWindow  *self,
                  const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->detail_stack, name);

  gtk_widget_set_visible (page, TRUE);
  gtk_stack_set_visible_child (self->detail_stack, page);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->detail_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_visible (child, child == page);
}

/* As for the detail pages: only the list shown is in the accessibility tree (and mapped), so
 * that a screen reader does not walk Today's rows and the map's cells behind another list. */
static void
show_list_page (LiaWindow  *self,
                const char *name)
{
  GtkWidget *page = ensure_list_page (self, name);

  if (page == NULL)
    return;
  gtk_widget_set_visible (page, TRUE);
  gtk_stack_set_visible_child (self->list_stack, page);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_visible (child, child == page);
}

/* The highlighted row of the view's list is the record shown, or nothing. */
static void
sync_list_selection (LiaWindow *self)
{
  LiaRecordKind kind = self->current_id != 0 ? self->current_kind : LIA_RECORD_KIND_ORGANIZATION;
  gint64 id = self->current_id;
  guint index = view_index (self);
  const char *view = views[index].name;

  /* The view's list is made when the view is first shown. */
  if (self->store == NULL || !self->views_built || ensure_list_page (self, view) == NULL)
    return;

  self->syncing_list = TRUE;
  if (g_str_equal (view, "organizations") || g_str_equal (view, "contacts"))
    {
      LiaDirectoryList *list = g_str_equal (view, "organizations") ? self->organizations_list : self->contacts_list;

      if (id == 0 || kind != views[index].kind || !lia_directory_list_select_id (list, id))
        lia_directory_list_unselect (list);
    }
  else if (g_str_equal (view, "timeline"))
    {
      GListModel *model = lia_timeline_view_get_model (self->timeline_view);
      guint n = MIN (g_list_model_get_n_items (model), 256);
      guint found = GTK_INVALID_LIST_POSITION;

      /* Only the first pages, as for the directory lists: further would read the whole list. */
      for (guint i = 0; id != 0 && kind == LIA_RECORD_KIND_INTERACTION && i < n; i++)
        {
          g_autoptr(LiaRecord) record = g_list_model_get_item (model, i);

          if (lia_record_get_id (record) == id)
            {
              found = i;
              break;
            }
        }
      if (found != GTK_INVALID_LIST_POSITION)
        lia_timeline_view_select (self->timeline_view, found);
      else
        lia_timeline_view_unselect (self->timeline_view);
    }
  else if (g_str_equal (view, "follow-ups") && (id == 0 || kind != LIA_RECORD_KIND_COMMITMENT))
    {
      lia_follow_up_list_unselect (self->follow_up_list);
    }
  else if (g_str_equal (view, "projects") && (id == 0 || kind != LIA_RECORD_KIND_PROJECT))
    {
      lia_project_list_unselect (self->project_list);
    }
  self->syncing_list = FALSE;
}

void
_lia_window_clear_detail (LiaWindow *self)
{
  self->current_id = 0;
  self->view_id[view_index (self)] = 0;
  show_detail_page (self, "empty");
  adw_window_title_set_title (self->detail_title, "");
  sync_list_selection (self);
  save_selection (self);
  _lia_window_update_actions (self);
}

void
_lia_window_open_record (LiaWindow     *self,
                         LiaRecordKind  kind,
                         gint64         id)
{
  LiaDetail *detail;

  g_return_if_fail (LIA_IS_WINDOW (self));

  if (kind > LIA_RECORD_KIND_PROJECT || id <= 0 || (detail = ensure_detail (self, kind)) == NULL)
    return;

  self->current_kind = kind;
  self->current_id = id;
  self->view_kind[view_index (self)] = kind;
  self->view_id[view_index (self)] = id;
  self->reopen_pending = FALSE;
  lia_detail_set_record_id (detail, id);
  show_detail_page (self, detail_page_name (kind));
  adw_window_title_set_title (self->detail_title,
                              lia_detail_get_record (detail) != NULL
                              ? lia_record_get_label (lia_detail_get_record (detail)) : "");
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "detail");
  if (!self->syncing_list)
    sync_list_selection (self);

  save_selection (self);
  _lia_window_update_actions (self);
}

/* What the view showed when the person last looked at it, or its empty state. */
static void
show_view_record (LiaWindow *self)
{
  guint index = view_index (self);
  LiaRecordKind kind = self->view_kind[index];
  gint64 id = self->view_id[index];
  g_autoptr(LiaRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  if (id != 0 && kind == self->current_kind && id == self->current_id)
    {
      sync_list_selection (self);
      return;
    }
  if (id != 0)
    record = lia_store_load (self->store, kind, id, &error);
  /* Gone: the view's empty state. Unreadable: the record's page, which says why. */
  if (record != NULL || (id != 0 && !g_error_matches (error, LIA_STORE_ERROR, LIA_STORE_ERROR_NOT_FOUND)))
    {
      gboolean folded = adw_leaflet_get_folded (self->leaflet);
      const char *pane = adw_leaflet_get_visible_child_name (self->leaflet);

      _lia_window_open_record (self, kind, id);
      /* Switching view in a narrow window shows the list, not the record under it. */
      if (folded)
        adw_leaflet_set_visible_child_name (self->leaflet, pane);
    }
  else
    {
      _lia_window_clear_detail (self);
    }
}

static void
select_sidebar_row (LiaWindow *self)
{
  GtkListBoxRow *rows[] = { self->today_row, self->organizations_row, self->contacts_row,
                            self->timeline_row, self->follow_ups_row, self->map_row,
                            self->concerns_row, self->projects_row };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (rows[i])), self->view) == 0)
      gtk_list_box_select_row (self->sidebar, rows[i]);
}

static void
show_view_list (LiaWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (!lia_text_is_blank (text) && gtk_search_bar_get_search_mode (self->search_bar))
    show_list_page (self, "search");
  else
    show_list_page (self, self->view);
  adw_window_title_set_title (self->list_title, g_strcmp0 (gtk_stack_get_visible_child_name (self->list_stack), "search") == 0
                                                ? _("Search") : view_title (self->view));
}

static gboolean
is_known_view (const char *view)
{
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    if (g_strcmp0 (view, views[i].name) == 0)
      return TRUE;
  return FALSE;
}

static void
set_view (LiaWindow  *self,
          const char *view)
{
  if (!is_known_view (view) || g_strcmp0 (self->view, view) == 0)
    return;

  g_free (self->view);
  self->view = g_strdup (view);

  if (self->store != NULL)
    {
      /* Switching views ends a search: the list shown is the view's. */
      if (gtk_search_bar_get_search_mode (self->search_bar))
        gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      show_view_list (self);
      select_sidebar_row (self);
      adw_window_title_set_title (self->list_title, view_title (view));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button),
                                   lia_store_is_read_only (self->store) ? _("This account may not change data")
                                                                         : new_tooltip (_lia_window_get_view_kind (self)));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      new_tooltip (_lia_window_get_view_kind (self)),
                                      -1);
      if (adw_leaflet_get_folded (self->leaflet))
        adw_leaflet_set_visible_child_name (self->leaflet, "list");
      if (self->views_built)
        show_view_record (self);
    }

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-view", view);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

static void
on_sidebar_row_activated_cb (LiaWindow     *self,
                             GtkListBoxRow *row)
{
  set_view (self, gtk_widget_get_name (GTK_WIDGET (row)));
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

static void
on_back_clicked_cb (LiaWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Panes a folded leaflet does not show are out of the accessibility tree, as they are off
 * the screen. */
static void
update_pane_accessibility (LiaWindow *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  const char *shown = adw_leaflet_get_visible_child_name (self->leaflet);
  struct { GtkWidget *pane; const char *name; } panes[] = {
    { self->sidebar_pane, "sidebar" }, { self->list_pane, "list" }, { self->detail_pane, "detail" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (panes); i++)
    gtk_accessible_update_state (GTK_ACCESSIBLE (panes[i].pane),
                                 GTK_ACCESSIBLE_STATE_HIDDEN,
                                 folded && g_strcmp0 (shown, panes[i].name) != 0,
                                 -1);
}

static void
on_leaflet_folded_cb (LiaWindow *self)
{
  /* Folding shows the record being looked at, or the list when there is none: never the
   * sidebar alone. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, self->current_id != 0 ? "detail" : "list");
  update_pane_accessibility (self);
}

static void
on_leaflet_visible_child_cb (LiaWindow *self)
{
  update_pane_accessibility (self);
}

/* Whether @widget is in the selected row of the list shown (a button inside a row does its
 * own thing): the row of a list view carries the selected state. */
static gboolean
is_in_selected_row (LiaWindow *self,
                    GtkWidget *widget)
{
  GtkWidget *list = gtk_stack_get_visible_child (self->list_stack);

  for (; widget != NULL && widget != list; widget = gtk_widget_get_parent (widget))
    {
      if (GTK_IS_BUTTON (widget))
        return FALSE;
      if (GTK_IS_LIST_VIEW (gtk_widget_get_parent (widget)) ||
          GTK_IS_GRID_VIEW (gtk_widget_get_parent (widget)))
        return (gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_SELECTED) != 0;
    }

  return FALSE;
}

static gboolean
reopen_idle_cb (gpointer user_data)
{
  LiaWindow *self = user_data;

  self->reopen_source = 0;
  if (!self->reopen_pending || self->current_id == 0 || !adw_leaflet_get_folded (self->leaflet))
    return G_SOURCE_REMOVE;
  self->reopen_pending = FALSE;

  /* The press was on the row already selected (a new selection opens by itself). */
  if (is_in_selected_row (self, gtk_widget_pick (GTK_WIDGET (self->list_stack),
                                                 self->press_x, self->press_y, GTK_PICK_DEFAULT)))
    adw_leaflet_set_visible_child_name (self->leaflet, "detail");

  return G_SOURCE_REMOVE;
}

/* In a narrow window, a click on the row of the record shown opens it again: the selection
 * does not change, so the list alone would do nothing. */
static void
on_list_pressed_cb (LiaWindow       *self,
                    int              n_press,
                    double           x,
                    double           y,
                    GtkGestureClick *gesture)
{
  if (!adw_leaflet_get_folded (self->leaflet) || self->current_id == 0)
    return;

  self->reopen_pending = TRUE;
  self->press_x = x;
  self->press_y = y;
  if (self->reopen_source == 0)
    self->reopen_source = g_idle_add (reopen_idle_cb, self);
}

/* Enter on the selected row does the same as a click on it. Seen before the row acts: Enter
 * does not change the selection, so the row being selected now means it is the one shown. */
static gboolean
on_list_key_pressed_cb (LiaWindow             *self,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        GtkEventControllerKey *controller)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0 ||
      !adw_leaflet_get_folded (self->leaflet) || self->current_id == 0)
    return FALSE;

  if (is_in_selected_row (self, gtk_root_get_focus (GTK_ROOT (self))))
    adw_leaflet_set_visible_child_name (self->leaflet, "detail");

  return FALSE;
}

static void
on_record_selected_cb (LiaWindow *self,
                       LiaRecord *record)
{
  if (self->syncing_list)
    return;
  _lia_window_open_record (self, lia_record_get_kind (record), lia_record_get_id (record));
}

/* --- search ------------------------------------------------------------------------------- */

static void
on_search_entry_changed_cb (LiaWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gint64 start;

  if (self->store == NULL || !self->views_built)
    return;

  if (lia_text_is_blank (text))
    {
      show_view_list (self);
      return;
    }

  /* Search as you type, on this frame: the store answers in a few milliseconds. */
  ensure_list_page (self, "search");
  start = g_get_monotonic_time ();
  lia_search_results_set_text (self->search_results, text);
  self->last_search_us = g_get_monotonic_time () - start;
  show_list_page (self, "search");
  adw_window_title_set_title (self->list_title, _("Search"));
}

static void
on_search_entry_activate_cb (LiaWindow *self)
{
  if (self->search_results != NULL)
    lia_search_results_activate_first (self->search_results);
}

static void
on_search_entry_stop_search_cb (LiaWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
on_search_mode_cb (LiaWindow *self)
{
  show_view_list (self);
}

static void
on_search_result_activated_cb (LiaWindow *self,
                               int        kind,
                               gint64     id)
{
  _lia_window_open_record (self, kind, id);
}

static void
on_print_meeting_cb (LiaWindow *self,
                     gint64     interaction_id)
{
  _lia_window_open_record (self, LIA_RECORD_KIND_INTERACTION, interaction_id);
  _lia_window_print_briefing (self);
}

/* --- settings ----------------------------------------------------------------------------- */

static void
restore_state (LiaWindow  *self,
               const char *view,
               const char *selection)
{
  int width, height;

  if (self->settings == NULL)
    return;

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  if (self->store == NULL || view == NULL)
    return;

  set_view (self, view);

  if (selection != NULL && selection[0] != '\0')
    {
      g_auto(GStrv) parts = g_strsplit (selection, ":", 2);
      g_autoptr(LiaRecord) record = NULL;
      int kind;

      if (g_strv_length (parts) == 2 &&
          lia_enum_from_nick (LIA_TYPE_RECORD_KIND, parts[0], &kind, NULL) &&
          (record = lia_store_load_by_uid (self->store, kind, parts[1], NULL)) != NULL)
        {
          _lia_window_open_record (self, kind, lia_record_get_id (record));
          if (kind == LIA_RECORD_KIND_ORGANIZATION && self->organizations_list != NULL)
            lia_directory_list_select_id (self->organizations_list, lia_record_get_id (record));
          else if (kind == LIA_RECORD_KIND_CONTACT && self->contacts_list != NULL)
            lia_directory_list_select_id (self->contacts_list, lia_record_get_id (record));
        }
    }
}

static void
save_size (LiaWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);
}

static gboolean
lia_window_close_request (GtkWindow *window)
{
  save_size (LIA_WINDOW (window));

  return GTK_WINDOW_CLASS (lia_window_parent_class)->close_request (window);
}

/* --- construction ------------------------------------------------------------------------- */

/* Only what the first frame shows is built with the window: each view's list on its first
 * showing, each kind's detail page on the first record of that kind opened. A list binds its
 * first rows as soon as it has a model (GTK 4.8), so building all of them up front cost most
 * of the time to the first frame on a big database (docs/performance.md). */
static LiaDetail *
ensure_detail (LiaWindow     *self,
               LiaRecordKind  kind)
{
  LiaDetail *detail;

  if (kind > LIA_RECORD_KIND_PROJECT || self->store == NULL)
    return NULL;
  if (self->details[kind] != NULL)
    return self->details[kind];

  switch (kind)
    {
    case LIA_RECORD_KIND_ORGANIZATION:
      detail = LIA_DETAIL (lia_organization_detail_new (self->store));
      break;
    case LIA_RECORD_KIND_CONTACT:
      detail = LIA_DETAIL (lia_contact_detail_new (self->store));
      break;
    case LIA_RECORD_KIND_INTERACTION:
      detail = LIA_DETAIL (lia_interaction_detail_new (self->store));
      break;
    case LIA_RECORD_KIND_COMMITMENT:
      detail = LIA_DETAIL (lia_commitment_detail_new (self->store));
      break;
    case LIA_RECORD_KIND_CONCERN:
      detail = LIA_DETAIL (lia_concern_detail_new (self->store));
      break;
    case LIA_RECORD_KIND_PROJECT:
      detail = LIA_DETAIL (lia_project_detail_new (self->store));
      break;
    case LIA_RECORD_KIND_AFFILIATION:
    default:
      return NULL;
    }

  g_assert (LIA_DETAIL_GET_CLASS (detail)->kind == kind);
  self->details[kind] = detail;
  /* Hidden until shown: only the page shown is in the accessibility tree. */
  gtk_widget_set_visible (GTK_WIDGET (detail), FALSE);
  gtk_stack_add_named (self->detail_stack, GTK_WIDGET (detail), detail_page_name (kind));
  return detail;
}

static GtkWidget *
ensure_list_page (LiaWindow  *self,
                  const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->list_stack, name);

  if (page != NULL || self->store == NULL || !self->views_built)
    return page;

  if (g_str_equal (name, "organizations"))
    {
      self->organizations_list = lia_directory_list_new (self->store, LIA_RECORD_KIND_ORGANIZATION);
      g_signal_connect_swapped (self->organizations_list, "record-selected", G_CALLBACK (on_record_selected_cb), self);
      page = GTK_WIDGET (self->organizations_list);
    }
  else if (g_str_equal (name, "contacts"))
    {
      self->contacts_list = lia_directory_list_new (self->store, LIA_RECORD_KIND_CONTACT);
      /* Preferences change the order; the open list follows at once. */
      if (self->settings != NULL)
        g_settings_bind (self->settings, "contact-sort-order", self->contacts_list, "contact-sort-order",
                         G_SETTINGS_BIND_GET);
      g_signal_connect_swapped (self->contacts_list, "record-selected", G_CALLBACK (on_record_selected_cb), self);
      page = GTK_WIDGET (self->contacts_list);
    }
  else if (g_str_equal (name, "timeline"))
    {
      self->timeline_view = lia_timeline_view_new (self->store, 0, 0);
      g_signal_connect_swapped (self->timeline_view, "interaction-selected", G_CALLBACK (on_record_selected_cb), self);
      page = GTK_WIDGET (self->timeline_view);
    }
  else if (g_str_equal (name, "follow-ups"))
    {
      self->follow_up_list = lia_follow_up_list_new (self->store);
      g_signal_connect_swapped (self->follow_up_list, "commitment-selected", G_CALLBACK (on_record_selected_cb), self);
      page = GTK_WIDGET (self->follow_up_list);
    }
  else if (g_str_equal (name, "search"))
    {
      self->search_results = lia_search_results_new (self->store);
      g_signal_connect_swapped (self->search_results, "result-activated", G_CALLBACK (on_search_result_activated_cb), self);
      lia_search_results_attach_entry (self->search_results, GTK_WIDGET (self->search_entry));
      page = GTK_WIDGET (self->search_results);
    }
  else if (g_str_equal (name, "today"))
    {
      self->today_view = lia_today_view_new (self->store);
      g_signal_connect_swapped (self->today_view, "record-activated", G_CALLBACK (on_search_result_activated_cb), self);
      g_signal_connect_swapped (self->today_view, "print-briefing", G_CALLBACK (on_print_meeting_cb), self);
      page = GTK_WIDGET (self->today_view);
    }
  else if (g_str_equal (name, "map"))
    {
      self->stakeholder_map = lia_stakeholder_map_new (self->store);
      g_signal_connect_swapped (self->stakeholder_map, "record-activated", G_CALLBACK (on_search_result_activated_cb), self);
      g_signal_connect_swapped (self->stakeholder_map, "reassessed", G_CALLBACK (_lia_window_push_reassessment), self);
      page = GTK_WIDGET (self->stakeholder_map);
    }
  else if (g_str_equal (name, "concerns"))
    {
      self->concerns_view = lia_concerns_view_new (self->store);
      g_signal_connect_swapped (self->concerns_view, "record-activated", G_CALLBACK (on_search_result_activated_cb), self);
      page = GTK_WIDGET (self->concerns_view);
    }
  else if (g_str_equal (name, "projects"))
    {
      self->project_list = lia_project_list_new (self->store);
      g_signal_connect_swapped (self->project_list, "record-selected", G_CALLBACK (on_record_selected_cb), self);
      page = GTK_WIDGET (self->project_list);
    }
  else
    {
      return NULL;
    }

  /* Hidden until shown (see show_list_page). */
  gtk_widget_set_visible (page, FALSE);
  gtk_stack_add_named (self->list_stack, page, name);
  return page;
}

GtkWidget *
_lia_window_ensure_list (LiaWindow  *self,
                         const char *view)
{
  g_return_val_if_fail (LIA_IS_WINDOW (self), NULL);
  g_return_val_if_fail (view != NULL, NULL);

  return ensure_list_page (self, view);
}

static void
build_views (LiaWindow *self)
{
  {
    GtkGesture *press = gtk_gesture_click_new ();

    /* Capture: the press is seen before the row takes it. */
    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (press), GTK_PHASE_CAPTURE);
    g_signal_connect_swapped (press, "pressed", G_CALLBACK (on_list_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->list_stack), GTK_EVENT_CONTROLLER (press));
  }
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_list_key_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->list_stack), keys);
  }

  self->views_built = TRUE;
}

static void
lia_window_constructed (GObject *object)
{
  LiaWindow *self = (LiaWindow *) object;
  g_autofree char *view = NULL;
  g_autofree char *selection = NULL;

  G_OBJECT_CLASS (lia_window_parent_class)->constructed (object);

  /* Read before showing the default view, which would overwrite them. */
  if (self->settings != NULL)
    {
      view = g_settings_get_string (self->settings, "last-view");
      selection = g_settings_get_string (self->settings, "last-selection");
    }

  if (self->store == NULL || self->error_message != NULL)
    {
      adw_status_page_set_description (self->status_page,
                                       self->error_message != NULL ? self->error_message : "");
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      restore_state (self, NULL, NULL);
      _lia_window_update_actions (self);
      return;
    }

  build_views (self);
  self->changed_handler = g_signal_connect_swapped (self->store, "changed",
                                                    G_CALLBACK (on_store_changed_cb), self);
  self->reset_handler = g_signal_connect_swapped (self->store, "reset",
                                                  G_CALLBACK (on_store_reset_cb), self);
  self->reconnecting_handler = g_signal_connect_swapped (self->store, "notify::reconnecting",
                                                         G_CALLBACK (on_store_reconnecting_cb),
                                                         self);
  /* What the command line, an import or another window commits shows here too. */
  lia_store_set_watching (self->store, TRUE);
  start_sorting (self);
  g_signal_connect_swapped (self->search_bar, "notify::search-mode-enabled",
                            G_CALLBACK (on_search_mode_cb), self);
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));

  /* Show the start page, Today once there is data (the directory to fill before), or
   * whatever the person had open last time: only that view is built. */
  g_clear_pointer (&self->view, g_free);
  {
    g_autoptr(GError) error = NULL;
    LiaStoreCounts counts = { 0, };
    gboolean in_thread = counts_in_thread (self);
    gboolean any = FALSE;

    /* On a big database whether it holds anything is a few pages; the counts (thousands of
     * pages when it is out of the OS page cache) come from a thread once the window shows. */
    if (in_thread ? !lia_store_has_records (self->store, &any, &error)
                  : !lia_store_get_counts (self->store, &counts, &error))
      _lia_window_show_message (self, error->message);
    if (!in_thread)
      any = counts.organizations + counts.contacts + counts.interactions +
            counts.commitments + counts.concerns > 0;
    if (view != NULL && is_known_view (view))
      set_view (self, view);
    else
      set_view (self, any ? "today" : "organizations");
    restore_state (self, view, selection);
    if (in_thread)
      {
        if (error == NULL)
          show_emptiness (self, !any);
        count_in_thread (self);
      }
    else if (error == NULL)
      show_counts (self, &counts);
  }
  _lia_window_update_actions (self);
}

static void
lia_window_dispose (GObject *object)
{
  LiaWindow *self = (LiaWindow *) object;

  g_clear_handle_id (&self->counts_source, g_source_remove);
  if (self->counting != NULL)
    g_cancellable_cancel (self->counting);
  g_clear_object (&self->counting);
  g_clear_handle_id (&self->reopen_source, g_source_remove);
  g_clear_handle_id (&self->sorting_source, g_source_remove);
  /* A re-keying under way goes on to its commit (the task keeps the cancellable). */
  if (self->sorting_cancellable != NULL)
    g_cancellable_cancel (self->sorting_cancellable);
  g_clear_object (&self->sorting_cancellable);
  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->changed_handler, self->store);
      g_clear_signal_handler (&self->reset_handler, self->store);
      g_clear_signal_handler (&self->reconnecting_handler, self->store);
    }
  g_queue_clear_full (&self->undo, _lia_window_undo_entry_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (lia_window_parent_class)->dispose (object);
}

static void
lia_window_finalize (GObject *object)
{
  LiaWindow *self = (LiaWindow *) object;

  g_clear_pointer (&self->error_message, g_free);
  g_clear_pointer (&self->view, g_free);

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

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_VIEW:
      g_value_set_string (value, self->view);
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

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_VIEW:
      lia_window_set_view (self, g_value_get_string (value));
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
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = lia_window_constructed;
  object_class->dispose = lia_window_dispose;
  object_class->finalize = lia_window_finalize;
  object_class->get_property = lia_window_get_property;
  object_class->set_property = lia_window_set_property;

  window_class->close_request = lia_window_close_request;

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

  /**
   * LiaWindow:settings:
   *
   * Where the window keeps its size, the last view and the selection
   * (io.github.liaison.Liaison), or %NULL to remember nothing.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * LiaWindow:view:
   *
   * The view shown: "today", "organizations", "contacts", "timeline", "follow-ups", "map"
   * or "concerns".
   */
  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL,
                         "today",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaison/Liaison/lia-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, reconnecting_revealer);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, reconnecting_spinner);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, sorting_revealer);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, sorting_spinner);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, sidebar_pane);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, list_pane);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, organizations_row);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, contacts_row);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, timeline_row);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, follow_ups_row);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, today_row);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, map_row);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, concerns_row);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, projects_row);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, concerns_count);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, organizations_count);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, contacts_count);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, timeline_count);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, follow_ups_count);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, follow_ups_open_count);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, list_title);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, detail_title);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, delete_button);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, first_run_page);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, status_page);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);

  _lia_window_class_add_actions (widget_class);
}

static void
lia_window_init (LiaWindow *self)
{
  g_queue_init (&self->undo);
  self->view = g_strdup ("today");

  gtk_widget_init_template (GTK_WIDGET (self));
  _lia_window_init_drop (self);
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

void
lia_window_set_database_label (LiaWindow  *self,
                               const char *label)
{
  g_return_if_fail (LIA_IS_WINDOW (self));

  adw_window_title_set_subtitle (ADW_WINDOW_TITLE (self->sidebar_title), label);
  /* A server's name is often longer than the sidebar is wide: the whole of it on hover. */
  gtk_widget_set_tooltip_text (self->sidebar_title, label);
}

const char *
lia_window_get_view (LiaWindow *self)
{
  g_return_val_if_fail (LIA_IS_WINDOW (self), NULL);

  return self->view;
}

void
lia_window_set_view (LiaWindow  *self,
                     const char *view)
{
  g_return_if_fail (LIA_IS_WINDOW (self));

  set_view (self, view);
}
