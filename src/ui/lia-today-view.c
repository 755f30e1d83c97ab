/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lia-store-today.h"
#include "lia-today-view.h"
#include "lia-ui-util.h"

/* Rows per section, so that every section shows on a first screen; the rest is counted
 * ("The first 5 of 15") and is in Follow-ups. */
#define SECTION_LIMIT 5

/* From this size on, the database is read off the main thread (a first read of a big one
 * takes longer than a frame); below it, at once, as before. */
#define READ_IN_THREAD_BYTES (32 * 1024 * 1024)

typedef struct
{
  LiaRecordKind kind;
  gint64        id;
} Target;

struct _LiaTodayView
{
  GtkWidget   parent_instance;

  LiaStore   *store;
  GDateTime  *now;
  gulong      changed_handler;
  gulong      reset_handler;
  guint       reload_source;
  gboolean    dirty;
  gboolean    loaded;
  GCancellable *loading;   /* the read in a thread under way, or %NULL */
  /* Section name → GArray of Target, one per row in order. */
  GHashTable *targets;

  /* Template widgets */
  GtkStack   *stack;
  GtkBox     *sections;
  GtkSpinner *spinner;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  RECORD_ACTIVATED,
  PRINT_BRIEFING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LiaTodayView, lia_today_view, GTK_TYPE_WIDGET)

static void
on_row_activated_cb (GtkListBox    *list,
                     GtkListBoxRow *row,
                     gpointer       user_data)
{
  LiaTodayView *self = user_data;
  GArray *targets = g_hash_table_lookup (self->targets, gtk_widget_get_name (GTK_WIDGET (list)));
  int index = gtk_list_box_row_get_index (row);
  Target *target;

  if (targets == NULL || index < 0 || (guint) index >= targets->len)
    return;
  target = &g_array_index (targets, Target, index);
  g_signal_emit (self, signals[RECORD_ACTIVATED], 0, (int) target->kind, target->id);
}

static void
on_print_clicked_cb (GtkButton *button,
                     gpointer   user_data)
{
  LiaTodayView *self = user_data;
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  GtkWidget *list = row != NULL ? gtk_widget_get_parent (row) : NULL;
  GArray *targets = list != NULL ? g_hash_table_lookup (self->targets, gtk_widget_get_name (list)) : NULL;
  int index = row != NULL ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) : -1;

  if (targets != NULL && index >= 0 && (guint) index < targets->len)
    g_signal_emit (self, signals[PRINT_BRIEFING], 0, g_array_index (targets, Target, index).id);
}

/* A titled group with a list; rows are added with add_row(). */
static GtkListBox *
add_section (LiaTodayView *self,
             const char   *name,
             const char   *title,
             guint         total,
             guint         shown)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *list = gtk_list_box_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (total > shown)
    {
      /* Translators: under a Today section that shows only the first rows. */
      g_autofree char *more = g_strdup_printf (ngettext ("The first %u of %u", "The first %u of %u", total),
                                               shown, total);

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), more);
    }
  gtk_widget_set_name (list, name);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_signal_connect (list, "row-activated", G_CALLBACK (on_row_activated_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  gtk_box_append (self->sections, group);
  g_hash_table_insert (self->targets, g_strdup (name), g_array_new (FALSE, FALSE, sizeof (Target)));

  return GTK_LIST_BOX (list);
}

static GtkWidget *
add_row (LiaTodayView  *self,
         GtkListBox    *list,
         LiaRecordKind  kind,
         gint64         id,
         const char    *title,
         const char    *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GArray *targets = g_hash_table_lookup (self->targets, gtk_widget_get_name (GTK_WIDGET (list)));
  Target target = { kind, id };
  g_autofree char *name = g_strdup_printf ("%s, %s", title, subtitle);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_list_box_append (list, row);
  g_array_append_val (targets, target);

  return row;
}

/* "We owe · Amina Diallo · due 12 Mar 2025". */
static char *
commitment_subtitle (LiaTodayView  *self,
                     LiaCommitment *commitment,
                     gboolean       overdue)
{
  g_autoptr(GString) text = g_string_new (lia_labels_direction (lia_commitment_get_direction (commitment)));
  g_autofree char *due = lia_labels_format_short_date (lia_commitment_get_due_date (commitment));
  gint64 contact = lia_commitment_get_contact_id (commitment);
  gint64 organization = lia_commitment_get_organization_id (commitment);

  if (contact != 0 || organization != 0)
    {
      g_autofree char *who = lia_ui_dup_record_label (self->store,
                                                      contact != 0 ? LIA_RECORD_KIND_CONTACT : LIA_RECORD_KIND_ORGANIZATION,
                                                      contact != 0 ? contact : organization);

      g_string_append_printf (text, " · %s", who);
    }
  if (due != NULL)
    {
      g_string_append (text, " · ");
      /* Translators: in a Today row: "overdue since 3 Jun 2025" / "due 12 Jun 2025". */
      g_string_append_printf (text, overdue ? _("overdue since %s") : _("due %s"), due);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_commitments (LiaTodayView *self,
                 const char   *name,
                 const char   *title,
                 GPtrArray    *commitments,
                 guint         total,
                 gboolean      overdue)
{
  GtkListBox *list;

  if (commitments->len == 0)
    return;
  list = add_section (self, name, title, total, commitments->len);
  for (guint i = 0; i < commitments->len; i++)
    {
      LiaCommitment *commitment = commitments->pdata[i];
      g_autofree char *subtitle = commitment_subtitle (self, commitment, overdue);
      GtkWidget *row = add_row (self, list, LIA_RECORD_KIND_COMMITMENT,
                                lia_record_get_id (LIA_RECORD (commitment)),
                                lia_record_get_label (LIA_RECORD (commitment)), subtitle);

      if (overdue)
        gtk_widget_add_css_class (row, "overdue");
    }
}

static void
add_stakeholders (LiaTodayView *self,
                  LiaToday     *today)
{
  GtkListBox *list;

  if (today->due_for_contact->len == 0)
    return;
  list = add_section (self, "contact", _("Due for Contact"), today->n_due_for_contact,
                      today->due_for_contact->len);
  for (guint i = 0; i < today->due_for_contact->len; i++)
    {
      LiaStakeholder *s = today->due_for_contact->pdata[i];
      g_autofree char *last = lia_labels_format_short_date (s->last_contact);
      g_autofree char *next = lia_labels_format_short_date (s->next_contact);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (last != NULL)
        /* Translators: a stakeholder in Today: "Last contact 3 Mar 2025 · due by 2 Apr 2025". */
        subtitle = g_strdup_printf (_("Last contact %s · due by %s"), last, next);
      else
        subtitle = g_strdup (_("Never contacted"));
      row = add_row (self, list, s->kind, s->id, s->name, subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), adw_avatar_new (32, s->name, TRUE));
    }
}

static void
add_meetings (LiaTodayView *self,
              LiaToday     *today)
{
  GtkListBox *list;

  if (today->meetings->len == 0)
    return;
  list = add_section (self, "meetings", _("Next 7 Days"), today->n_meetings, today->meetings->len);
  for (guint i = 0; i < today->meetings->len; i++)
    {
      LiaInteraction *meeting = today->meetings->pdata[i];
      GDateTime *at = lia_interaction_get_at (meeting);
      g_autofree char *day = lia_ui_format_day (at);
      g_autofree char *time = lia_ui_format_time (at);
      g_autofree char *subtitle = g_strdup_printf ("%s, %s · %s", day, time,
                                                   lia_labels_interaction_kind (lia_interaction_get_kind (meeting)));
      const char *title = lia_record_get_label (LIA_RECORD (meeting));
      GtkWidget *row = add_row (self, list, LIA_RECORD_KIND_INTERACTION,
                                lia_record_get_id (LIA_RECORD (meeting)), title, subtitle);
      GtkWidget *print = gtk_button_new_from_icon_name ("document-print-symbolic");
      /* Translators: the accessible name of the print button of a meeting in Today. */
      g_autofree char *print_label = g_strdup_printf (_("Print the Briefing for “%s”"), title);

      gtk_widget_set_valign (print, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (print, "flat");
      gtk_widget_set_tooltip_text (print, _("Print Briefing"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (print), GTK_ACCESSIBLE_PROPERTY_LABEL, print_label, -1);
      g_signal_connect (print, "clicked", G_CALLBACK (on_print_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), print);
    }
}

static void
add_concerns (LiaTodayView *self,
              LiaToday     *today)
{
  GtkListBox *list;
  guint shown = MIN (today->concerns->len, SECTION_LIMIT);

  if (shown == 0)
    return;
  list = add_section (self, "concerns", _("Open Concerns"), today->concerns->len, shown);
  for (guint i = 0; i < shown; i++)
    {
      LiaConcern *concern = today->concerns->pdata[i];
      const GDate *opened = lia_concern_get_opened (concern);
      g_autofree char *subtitle = NULL;

      if (opened != NULL && g_date_valid (opened))
        {
          int days = g_date_days_between (opened, &today->day);

          /* Translators: a concern in Today: "High · Mediating · open 34 days". */
          subtitle = g_strdup_printf (ngettext ("%s · %s · open %d day", "%s · %s · open %d days", MAX (days, 0)),
                                      lia_labels_severity (lia_concern_get_severity (concern)),
                                      lia_labels_concern_status (lia_concern_get_status (concern)),
                                      MAX (days, 0));
        }
      else
        subtitle = g_strdup_printf ("%s · %s", lia_labels_severity (lia_concern_get_severity (concern)),
                                    lia_labels_concern_status (lia_concern_get_status (concern)));
      add_row (self, list, LIA_RECORD_KIND_CONCERN, lia_record_get_id (LIA_RECORD (concern)),
               lia_record_get_label (LIA_RECORD (concern)), subtitle);
    }
}

/* Milestones due this week and risks past their review: each row names its project and opens it. */
static void
add_project_items (LiaTodayView *self,
                   const char   *name,
                   const char   *title,
                   GPtrArray    *items,
                   guint         total,
                   gboolean      risks)
{
  GtkListBox *list;

  if (items->len == 0)
    return;
  list = add_section (self, name, title, total, items->len);
  for (guint i = 0; i < items->len; i++)
    {
      LiaTodayProjectItem *item = items->pdata[i];
      g_autofree char *day = lia_labels_format_short_date (g_date_valid (&item->date) ? &item->date : NULL);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (risks)
        /* Translators: a risk in Today: "Cold chain · score 20 · review was due 3 Mar 2025". */
        subtitle = g_strdup_printf (_("%s · score %d · review was due %s"), item->project_name, item->score, day);
      else
        /* Translators: a milestone in Today: "Cold chain · due 12 Mar 2025". */
        subtitle = g_strdup_printf (_("%s · due %s"), item->project_name, day);
      row = add_row (self, list, LIA_RECORD_KIND_PROJECT, item->project_id, item->title, subtitle);
      if (risks)
        gtk_widget_add_css_class (row, "overdue");
    }
}

static void
show_today (LiaTodayView *self,
            LiaToday     *today,
            const GError *error)
{
  lia_ui_remove_all (GTK_WIDGET (self->sections));
  g_hash_table_remove_all (self->targets);
  gtk_spinner_stop (self->spinner);
  if (today == NULL)
    {
      GtkWidget *label = gtk_label_new (error->message);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (self->sections, label);
      gtk_stack_set_visible_child_name (self->stack, "sections");
      return;
    }
  self->loaded = TRUE;

  add_commitments (self, "overdue", _("Overdue"), today->overdue, today->n_overdue, TRUE);
  add_commitments (self, "this-week", _("Due This Week"), today->due_this_week, today->n_due_this_week, FALSE);
  add_stakeholders (self, today);
  add_meetings (self, today);
  add_concerns (self, today);
  add_project_items (self, "milestones", _("Milestones This Week"), today->milestones_due,
                     today->n_milestones_due, FALSE);
  add_project_items (self, "risks", _("Risks to Review"), today->risks_to_review, today->n_risks_to_review, TRUE);

  gtk_stack_set_visible_child_name (self->stack,
                                    g_hash_table_size (self->targets) > 0 ? "sections" : "empty");
}

void
lia_today_view_reload (LiaTodayView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaToday) today = NULL;

  g_return_if_fail (LIA_IS_TODAY_VIEW (self));

  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->dirty = FALSE;
  if (self->loading != NULL)
    {
      g_cancellable_cancel (self->loading);
      g_clear_object (&self->loading);
    }
  if (self->store == NULL)
    return;

  today = lia_store_get_today (self->store, self->now, SECTION_LIMIT, &error);
  show_today (self, today, error);
}

typedef struct
{
  char      *path;
  GDateTime *now;
} ReadJob;

static void
read_job_free (gpointer data)
{
  ReadJob *job = data;

  g_free (job->path);
  g_clear_pointer (&job->now, g_date_time_unref);
  g_free (job);
}

/* In a worker thread, on a connection of its own. */
static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadJob *job = task_data;
  g_autoptr(LiaStore) reader = NULL;
  GError *error = NULL;
  LiaToday *today;

  if (!(reader = lia_store_open (job->path, &error)) ||
      !(today = lia_store_get_today (reader, job->now, SECTION_LIMIT, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, today, (GDestroyNotify) lia_today_free);
}

static void
read_done_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  LiaTodayView *self = LIA_TODAY_VIEW (source_object);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaToday) today = g_task_propagate_pointer (G_TASK (result), &error);

  /* Superseded by a newer read (or the view went away): that one shows its answer. */
  if (g_task_get_cancellable (G_TASK (result)) != self->loading)
    return;
  g_clear_object (&self->loading);
  show_today (self, today, error);
}

/* The same as lia_today_view_reload(), off the main thread when the database is big: the
 * view keeps what it shows (a spinner the first time) until the answer comes. */
static void
reload_in_thread (LiaTodayView *self)
{
  const char *path = self->store != NULL ? lia_store_get_path (self->store) : NULL;
  g_autoptr(GTask) task = NULL;
  GStatBuf st;
  ReadJob *job;

  if (path == NULL || g_stat (path, &st) != 0 || st.st_size < READ_IN_THREAD_BYTES)
    {
      lia_today_view_reload (self);
      return;
    }

  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->dirty = FALSE;
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->loading = g_cancellable_new ();
  if (!self->loaded)
    gtk_spinner_start (self->spinner);

  job = g_new0 (ReadJob, 1);
  job->path = g_strdup (path);
  job->now = self->now != NULL ? g_date_time_ref (self->now) : NULL;
  task = g_task_new (self, self->loading, read_done_cb, NULL);
  g_task_set_source_tag (task, reload_in_thread);
  g_task_set_task_data (task, job, read_job_free);
  g_task_run_in_thread (task, read_thread);
}

gboolean
_lia_today_view_get_loading (LiaTodayView *self)
{
  g_return_val_if_fail (LIA_IS_TODAY_VIEW (self), FALSE);

  return self->loading != NULL;
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  LiaTodayView *self = user_data;

  self->reload_source = 0;
  reload_in_thread (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (LiaTodayView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->dirty = TRUE;
  else if (self->reload_source == 0)
    self->reload_source = g_idle_add (reload_idle_cb, self);
}

static void
lia_today_view_map (GtkWidget *widget)
{
  LiaTodayView *self = LIA_TODAY_VIEW (widget);

  GTK_WIDGET_CLASS (lia_today_view_parent_class)->map (widget);
  if ((self->dirty || !self->loaded) && self->loading == NULL)
    reload_in_thread (self);
}

static void
lia_today_view_constructed (GObject *object)
{
  LiaTodayView *self = (LiaTodayView *) object;

  G_OBJECT_CLASS (lia_today_view_parent_class)->constructed (object);

  if (self->store != NULL)
    {
      self->changed_handler = g_signal_connect_swapped (self->store, "changed",
                                                        G_CALLBACK (on_store_changed_cb), self);
      self->reset_handler = g_signal_connect_swapped (self->store, "reset",
                                                      G_CALLBACK (on_store_changed_cb), self);
    }
}

static void
lia_today_view_dispose (GObject *object)
{
  LiaTodayView *self = (LiaTodayView *) object;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->changed_handler, self->store);
      g_clear_signal_handler (&self->reset_handler, self->store);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_TODAY_VIEW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lia_today_view_parent_class)->dispose (object);
}

static void
lia_today_view_finalize (GObject *object)
{
  LiaTodayView *self = (LiaTodayView *) object;

  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->targets, g_hash_table_unref);

  G_OBJECT_CLASS (lia_today_view_parent_class)->finalize (object);
}

static void
lia_today_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LiaTodayView *self = LIA_TODAY_VIEW (object);

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
lia_today_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LiaTodayView *self = LIA_TODAY_VIEW (object);

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
lia_today_view_class_init (LiaTodayViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lia_today_view_constructed;
  object_class->dispose = lia_today_view_dispose;
  object_class->finalize = lia_today_view_finalize;
  object_class->get_property = lia_today_view_get_property;
  object_class->set_property = lia_today_view_set_property;
  widget_class->map = lia_today_view_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LIA_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[RECORD_ACTIVATED] =
    g_signal_new ("record-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT64);
  signals[PRINT_BRIEFING] =
    g_signal_new ("print-briefing", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaison/Liaison/lia-today-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, LiaTodayView, stack);
  gtk_widget_class_bind_template_child (widget_class, LiaTodayView, sections);
  gtk_widget_class_bind_template_child (widget_class, LiaTodayView, spinner);
}

static void
lia_today_view_init (LiaTodayView *self)
{
  self->targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
}

LiaTodayView *
lia_today_view_new (LiaStore *store)
{
  g_return_val_if_fail (store == NULL || LIA_IS_STORE (store), NULL);

  return g_object_new (LIA_TYPE_TODAY_VIEW, "store", store, NULL);
}

void
lia_today_view_set_now (LiaTodayView *self,
                        GDateTime    *now)
{
  g_return_if_fail (LIA_IS_TODAY_VIEW (self));

  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = now != NULL ? g_date_time_ref (now) : NULL;
  lia_today_view_reload (self);
}

guint
lia_today_view_count_rows (LiaTodayView *self,
                           const char   *section)
{
  GArray *targets;

  g_return_val_if_fail (LIA_IS_TODAY_VIEW (self), 0);

  targets = g_hash_table_lookup (self->targets, section);
  return targets != NULL ? targets->len : 0;
}
