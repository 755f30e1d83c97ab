/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "lia-error-state.h"
#include "lia-search-results.h"
#include "lia-search-text.h"
#include "lia-ui-util.h"

#define RESULTS_PER_KIND 8
/* At most this many rows get new content for one frame: the first frame of new results
 * lays out what fills the list's height (see rows_per_frame()), the next frames the rest, so
 * that no frame shapes the text of rows below the fold. */
#define FIRST_ROWS 20
/* The smallest height a hit's row can have (a title and a one-line snippet), before one has
 * been allocated. */
#define MIN_ROW_HEIGHT 48
/* From this size on, the database is searched off the main thread (see reader below). */
#define SEARCH_IN_THREAD_BYTES (32 * 1024 * 1024)

/* A hit's row, kept and given the next results' content instead of being made again: a text
 * that did not change is not measured or shaped again. */
typedef struct
{
  GtkWidget     *row;           /* the GtkListBoxRow */
  GtkImage      *icon;
  const char    *icon_name;     /* static */
  LiaSearchText *title;
  LiaSearchText *meta;
  LiaSearchText *snippet;
} Row;

struct _LiaSearchResults
{
  GtkWidget      parent_instance;

  LiaStore      *store;
  GPtrArray     *results;
  char          *text;
  GPtrArray     *rows;          /* Row, one per row of the list box */
  guint          n_rows;        /* rows showing results so far (the others are hidden) */
  int            row_height;    /* the smallest row height allocated so far */
  gint64         query_us;      /* the last search's query, for the benchmark */
  gint64         rows_us;       /* the last results' rows, for the benchmark */
  guint          rest_source;   /* gives the next rows their content */
  GdkFrameClock *rest_clock;
  gulong         rest_handler;
  /* On a big database: a connection of its own that one worker thread at a time searches
   * with, the text being searched, and the text typed since (searched when that one ends). */
  LiaStore      *reader;
  gboolean       reader_failed;
  gboolean       always_in_thread;   /* whatever the size (tests) */
  char          *searching;
  char          *pending;

  /* Template widgets */
  GtkStack      *stack;
  GtkListBox    *list;
  GtkWidget     *error_page;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  RESULT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LiaSearchResults, lia_search_results, GTK_TYPE_WIDGET)

static void stop_rest (LiaSearchResults *self);

static const char *
kind_icon_name (LiaRecordKind kind)
{
  switch (kind)
    {
    case LIA_RECORD_KIND_ORGANIZATION: return "network-workgroup-symbolic";
    case LIA_RECORD_KIND_CONTACT: return "avatar-default-symbolic";
    case LIA_RECORD_KIND_INTERACTION: return "document-open-recent-symbolic";
    case LIA_RECORD_KIND_COMMITMENT: return "task-due-symbolic";
    case LIA_RECORD_KIND_CONCERN: return "dialog-warning-symbolic";
    case LIA_RECORD_KIND_PROJECT: return "view-list-bullet-symbolic";
    default: return "dialog-information-symbolic";
    }
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  LiaSearchResults *self = user_data;
  int index = gtk_list_box_row_get_index (row);
  LiaRecordKind kind = lia_search_result_get_kind (self->results->pdata[index]);
  GtkWidget *header;

  if (before != NULL &&
      lia_search_result_get_kind (self->results->pdata[gtk_list_box_row_get_index (before)]) == kind)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  /* Headers are worked out again for every new set of results: a heading that says the
   * same is kept, not made and shaped again. */
  header = gtk_list_box_row_get_header (row);
  if (GTK_IS_LABEL (header) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (header)), lia_labels_record_kind_plural (kind)) == 0)
    return;
  header = gtk_label_new (lia_labels_record_kind_plural (kind));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "search-group");
  gtk_list_box_row_set_header (row, header);
}

/* The icon of a hit: per interaction kind for interactions (a call is not a meeting). */
static const char *
result_icon_name (LiaSearchResult *result)
{
  const char *subkind = lia_search_result_get_subkind (result);
  int kind;

  if (lia_search_result_get_kind (result) == LIA_RECORD_KIND_INTERACTION && subkind != NULL &&
      lia_enum_from_nick (LIA_TYPE_INTERACTION_KIND, subkind, &kind, NULL))
    return lia_ui_interaction_kind_icon_name ((LiaInteractionKind) kind);

  return kind_icon_name (lia_search_result_get_kind (result));
}

/* The line under the title that tells hits apart: the date of an interaction in the locale's
 * format, a contact's role and organization. NULL when there is nothing to say. */
static char *
result_meta (LiaSearchResult *result)
{
  const char *day = lia_search_result_get_day (result);
  const char *context = lia_search_result_get_context (result);

  if (day != NULL)
    {
      int y, m, d;

      if (sscanf (day, "%d-%d-%d", &y, &m, &d) == 3)
        {
          g_autoptr(GDateTime) date = g_date_time_new_local (y, m, d, 12, 0, 0);

          if (date != NULL)
            return g_date_time_format (date, "%x");
        }
      return g_strdup (day);
    }

  return g_strdup (context);
}

/* A row of the list box with its content, empty: row_update() fills it. */
static Row *
row_new (void)
{
  Row *r = g_new0 (Row, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  r->row = gtk_list_box_row_new ();
  r->icon = GTK_IMAGE (gtk_image_new ());
  /* Not labels: see lia-search-text.h. The passage has two lines at most. */
  r->title = LIA_SEARCH_TEXT (lia_search_text_new (1));
  r->meta = LIA_SEARCH_TEXT (lia_search_text_new (1));
  r->snippet = LIA_SEARCH_TEXT (lia_search_text_new (2));

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_valign (GTK_WIDGET (r->icon), GTK_ALIGN_START);
  gtk_widget_add_css_class (GTK_WIDGET (r->title), "search-title");
  gtk_widget_add_css_class (GTK_WIDGET (r->meta), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (r->meta), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (r->meta), "search-meta");
  gtk_widget_add_css_class (GTK_WIDGET (r->snippet), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (r->snippet), "snippet");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (r->title));
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (r->meta));
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (r->snippet));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (r->icon));
  gtk_box_append (GTK_BOX (box), labels);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (r->row), box);

  return r;
}

/* Shows @result in @r, changing only what differs from what it showed. */
static void
row_update (Row             *r,
            LiaSearchResult *result)
{
  const char *icon_name = result_icon_name (result);
  g_autofree char *meta = result_meta (result);

  if (g_strcmp0 (r->icon_name, icon_name) != 0)
    {
      r->icon_name = icon_name;
      gtk_image_set_from_icon_name (r->icon, icon_name);
    }
  lia_search_text_set_text (r->title, lia_search_result_get_title (result));
  if (meta != NULL)
    lia_search_text_set_text (r->meta, meta);
  gtk_widget_set_visible (GTK_WIDGET (r->meta), meta != NULL);
  lia_search_text_set_marked_text (r->snippet, lia_search_result_get_snippet (result));

  /* The row is what a screen reader lands on: name it after the record, and say what kind
   * of record it is. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (r->row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  lia_search_result_get_title (result),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  lia_labels_record_kind_plural (lia_search_result_get_kind (result)),
                                  -1);
  gtk_widget_set_visible (r->row, TRUE);
}

static void
on_list_row_activated_cb (LiaSearchResults *self,
                          GtkListBoxRow    *row)
{
  LiaSearchResult *result = self->results->pdata[gtk_list_box_row_get_index (row)];

  g_signal_emit (self, signals[RESULT_ACTIVATED], 0,
                 (int) lia_search_result_get_kind (result),
                 lia_search_result_get_id (result));
}

/* A save can add, drop or reword a hit: search again for what is shown. Retry does the same. */
static void
search_again (LiaSearchResults *self)
{
  g_autofree char *text = g_strdup (self->text);

  if (text != NULL)
    lia_search_results_set_text (self, text);
}

static void
lia_search_results_dispose (GObject *object)
{
  LiaSearchResults *self = (LiaSearchResults *) object;

  stop_rest (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_SEARCH_RESULTS);
  g_clear_object (&self->store);
  g_clear_object (&self->reader);
  g_clear_pointer (&self->searching, g_free);
  g_clear_pointer (&self->pending, g_free);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (lia_search_results_parent_class)->dispose (object);
}

static void
lia_search_results_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LiaSearchResults *self = LIA_SEARCH_RESULTS (object);

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
lia_search_results_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LiaSearchResults *self = LIA_SEARCH_RESULTS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      if (self->store != NULL)
        {
          g_signal_connect_object (self->store, "changed", G_CALLBACK (search_again),
                                   self, G_CONNECT_SWAPPED);
          g_signal_connect_object (self->store, "reset", G_CALLBACK (search_again),
                                   self, G_CONNECT_SWAPPED);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_search_results_class_init (LiaSearchResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_search_results_dispose;
  object_class->get_property = lia_search_results_get_property;
  object_class->set_property = lia_search_results_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LIA_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[RESULT_ACTIVATED] =
    g_signal_new ("result-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT64);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/liaison/Liaison/lia-search-results.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaSearchResults, stack);
  gtk_widget_class_bind_template_child (widget_class, LiaSearchResults, list);
  gtk_widget_class_bind_template_callback (widget_class, on_list_row_activated_cb);
}

static void
lia_search_results_init (LiaSearchResults *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->results = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = g_ptr_array_new_with_free_func (g_free);
  gtk_list_box_set_header_func (self->list, header_func, self, NULL);
  /* A search that failed is not "No Results Found": nothing could be looked at. */
  self->error_page = lia_error_state_new (_("Could Not Search"), G_CALLBACK (search_again), self);
  gtk_stack_add_named (self->stack, self->error_page, "error");
}

LiaSearchResults *
lia_search_results_new (LiaStore *store)
{
  g_return_val_if_fail (LIA_IS_STORE (store), NULL);

  return g_object_new (LIA_TYPE_SEARCH_RESULTS, "store", store, NULL);
}

/* The smallest height of the rows allocated so far: how many rows fill the list. */
static void
note_row_heights (LiaSearchResults *self)
{
  for (guint i = 0; i < self->n_rows; i++)
    {
      int height = gtk_widget_get_height (((Row *) self->rows->pdata[i])->row);

      if (height > 0 && (self->row_height <= 0 || height < self->row_height))
        self->row_height = height;
    }
}

/* How many rows get new content for one frame: what fills the list's height, and one more
 * that shows partly. */
static guint
rows_per_frame (LiaSearchResults *self)
{
  int row_height = self->row_height > 0 ? self->row_height : MIN_ROW_HEIGHT;
  int height = 0;

  /* Before the results are first shown, the page of the stack they will fill is as tall as
   * the one shown now. */
  for (GtkWidget *w = GTK_WIDGET (self); w != NULL && height <= 0; w = gtk_widget_get_parent (w))
    height = gtk_widget_get_height (w);

  if (height <= 0)
    return FIRST_ROWS;
  return CLAMP ((guint) (height / row_height) + 1, 1, FIRST_ROWS);
}

/* The frame clock of the window the results are in, when it is shown (the results may not be
 * yet: the first search shows them); NULL when there will be no frame to wait for. */
static GdkFrameClock *
window_clock (LiaSearchResults *self)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));

  if (native == NULL || !gtk_widget_get_mapped (GTK_WIDGET (native)))
    return NULL;
  return gtk_widget_get_frame_clock (GTK_WIDGET (native));
}

/* Gives the rows up to @end of the results their content, making the rows that are missing. */
static void
fill_rows (LiaSearchResults *self,
           guint             end)
{
  end = MIN (end, self->results->len);
  for (; self->n_rows < end; self->n_rows++)
    {
      Row *r;

      if (self->n_rows == self->rows->len)
        {
          r = row_new ();
          g_ptr_array_add (self->rows, r);
          gtk_list_box_append (self->list, r->row);
        }
      r = self->rows->pdata[self->n_rows];
      row_update (r, self->results->pdata[self->n_rows]);
    }
}

/* Removes the rows past the first @n. */
static void
trim_rows (LiaSearchResults *self,
           guint             n)
{
  while (self->rows->len > n)
    {
      Row *r = self->rows->pdata[self->rows->len - 1];

      gtk_list_box_remove (self->list, r->row);
      g_ptr_array_remove_index (self->rows, self->rows->len - 1);
    }
}

static void
stop_rest (LiaSearchResults *self)
{
  g_clear_handle_id (&self->rest_source, g_source_remove);
  if (self->rest_clock != NULL)
    g_clear_signal_handler (&self->rest_handler, self->rest_clock);
  g_clear_object (&self->rest_clock);
}

static void wait_for_paint (LiaSearchResults *self,
                            GdkFrameClock    *clock);

static gboolean
rest_idle_cb (gpointer user_data)
{
  LiaSearchResults *self = user_data;
  GdkFrameClock *clock;

  self->rest_source = 0;
  note_row_heights (self);
  fill_rows (self, self->n_rows + rows_per_frame (self));
  clock = window_clock (self);
  if (clock == NULL)
    fill_rows (self, G_MAXUINT);
  else if (self->n_rows < self->results->len)
    wait_for_paint (self, clock);
  return G_SOURCE_REMOVE;
}

static void
on_rest_after_paint_cb (LiaSearchResults *self)
{
  g_clear_signal_handler (&self->rest_handler, self->rest_clock);
  g_clear_object (&self->rest_clock);
  if (self->rest_source == 0)
    self->rest_source = g_idle_add (rest_idle_cb, self);
}

/* The next rows get their content once the frame now being made is painted. */
static void
wait_for_paint (LiaSearchResults *self,
                GdkFrameClock    *clock)
{
  self->rest_clock = g_object_ref (clock);
  self->rest_handler = g_signal_connect_swapped (clock, "after-paint",
                                                 G_CALLBACK (on_rest_after_paint_cb), self);
  /* Hidden results change nothing on screen: make sure there is a frame to wait for. */
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

/* Shows @found (or why there is nothing): the rows that fill the list at once, the rest a
 * screenful per frame after that one is painted, so that the first frame does not lay out rows
 * below the fold. The rows of the last results are reused, hidden until their turn. */
static void
show_results (LiaSearchResults *self,
              GPtrArray        *found,
              const GError     *error)
{
  gint64 start = g_get_monotonic_time ();
  GdkFrameClock *clock;

  stop_rest (self);
  note_row_heights (self);
  g_ptr_array_set_size (self->results, 0);
  self->n_rows = 0;

  if (found == NULL)
    {
      trim_rows (self, 0);
      lia_error_state_set_error (self->error_page, error);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (self->results, g_object_ref (found->pdata[i]));

  trim_rows (self, self->results->len);
  clock = window_clock (self);
  if (clock != NULL)
    {
      guint first = rows_per_frame (self);

      for (guint i = first; i < self->rows->len; i++)
        gtk_widget_set_visible (((Row *) self->rows->pdata[i])->row, FALSE);
      fill_rows (self, first);
      if (self->n_rows < self->results->len)
        wait_for_paint (self, clock);
    }
  else
    fill_rows (self, G_MAXUINT);
  /* A reused row may now show another kind of record than the one before it. */
  gtk_list_box_invalidate_headers (self->list);
  gtk_stack_set_visible_child_name (self->stack, self->results->len > 0 ? "results" : "empty");
  self->rows_us = g_get_monotonic_time () - start;
}

typedef struct
{
  LiaStore  *reader;
  char      *text;
  gint64     query_us;
} SearchJob;

static void
search_job_free (gpointer data)
{
  SearchJob *job = data;

  g_clear_object (&job->reader);
  g_free (job->text);
  g_free (job);
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SearchJob *job = task_data;
  GError *error = NULL;
  gint64 start = g_get_monotonic_time ();
  GPtrArray *found = lia_store_search (job->reader, job->text, RESULTS_PER_KIND, &error);

  job->query_us = g_get_monotonic_time () - start;

  if (found == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, found, (GDestroyNotify) g_ptr_array_unref);
}

static void start_search (LiaSearchResults *self,
                          const char       *text);

static void
search_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  LiaSearchResults *self = LIA_SEARCH_RESULTS (source_object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *searched = g_steal_pointer (&self->searching);
  g_autofree char *next = g_steal_pointer (&self->pending);

  if (self->store == NULL)
    return;
  self->query_us = ((SearchJob *) g_task_get_task_data (G_TASK (result)))->query_us;
  /* Typed on since: that answer is stale, search what the entry says now. */
  if (next != NULL && g_strcmp0 (next, searched) != 0)
    {
      start_search (self, next);
      return;
    }
  show_results (self, found, error);
}

static void
start_search (LiaSearchResults *self,
              const char       *text)
{
  g_autoptr(GTask) task = NULL;
  SearchJob *job;

  if (self->searching != NULL)
    {
      g_free (self->pending);
      self->pending = g_strdup (text);
      return;
    }

  self->searching = g_strdup (text);
  job = g_new0 (SearchJob, 1);
  job->reader = g_object_ref (self->reader);
  job->text = g_strdup (text);
  task = g_task_new (self, NULL, search_done_cb, NULL);
  g_task_set_source_tag (task, start_search);
  g_task_set_task_data (task, job, search_job_free);
  g_task_run_in_thread (task, search_thread);
}

/* A connection of its own for searching in a thread, on a big database only: a small one
 * answers within the frame, on the window's connection, as before. */
static gboolean
use_reader (LiaSearchResults *self)
{
  const char *path = lia_store_get_path (self->store);
  GStatBuf st;

  if (self->reader != NULL)
    return TRUE;
  if (self->reader_failed || path == NULL || g_stat (path, &st) != 0 ||
      (st.st_size < SEARCH_IN_THREAD_BYTES && !self->always_in_thread))
    return FALSE;

  self->reader = lia_store_open (path, NULL);
  self->reader_failed = self->reader == NULL;
  return self->reader != NULL;
}

void
lia_search_results_set_text (LiaSearchResults *self,
                             const char       *text)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  g_return_if_fail (LIA_IS_SEARCH_RESULTS (self));

  if (self->text != text)
    {
      g_free (self->text);
      self->text = (text != NULL && *text != '\0') ? g_strdup (text) : NULL;
    }

  if (self->text != NULL && use_reader (self))
    {
      start_search (self, self->text);
      return;
    }

  start = g_get_monotonic_time ();
  found = lia_store_search (self->store, text != NULL ? text : "", RESULTS_PER_KIND, &error);
  self->query_us = g_get_monotonic_time () - start;
  show_results (self, found, error);
}

void
_lia_search_results_set_always_in_thread (LiaSearchResults *self,
                                          gboolean          always)
{
  g_return_if_fail (LIA_IS_SEARCH_RESULTS (self));

  self->always_in_thread = always;
}

void
_lia_search_results_get_timings (LiaSearchResults *self,
                                 double           *query_ms,
                                 double           *rows_ms)
{
  g_return_if_fail (LIA_IS_SEARCH_RESULTS (self));

  *query_ms = self->query_us / 1000.0;
  *rows_ms = self->rows_us / 1000.0;
}

guint
_lia_search_results_get_n_rows (LiaSearchResults *self)
{
  g_return_val_if_fail (LIA_IS_SEARCH_RESULTS (self), 0);

  return self->n_rows;
}

gboolean
lia_search_results_get_busy (LiaSearchResults *self)
{
  g_return_val_if_fail (LIA_IS_SEARCH_RESULTS (self), FALSE);

  return self->searching != NULL || self->pending != NULL;
}

guint
lia_search_results_get_n_results (LiaSearchResults *self)
{
  g_return_val_if_fail (LIA_IS_SEARCH_RESULTS (self), 0);

  return self->results->len;
}

LiaSearchResult *
lia_search_results_get_result (LiaSearchResults *self,
                               guint             index)
{
  g_return_val_if_fail (LIA_IS_SEARCH_RESULTS (self), NULL);
  g_return_val_if_fail (index < self->results->len, NULL);

  return self->results->pdata[index];
}

gboolean
lia_search_results_activate_first (LiaSearchResults *self)
{
  g_return_val_if_fail (LIA_IS_SEARCH_RESULTS (self), FALSE);

  if (self->results->len == 0)
    return FALSE;

  g_signal_emit (self, signals[RESULT_ACTIVATED], 0,
                 (int) lia_search_result_get_kind (self->results->pdata[0]),
                 lia_search_result_get_id (self->results->pdata[0]));
  return TRUE;
}

/* Down from the search entry goes to the first hit; the list box then moves with Up and Down
 * and opens with Enter. */
static gboolean
on_entry_key_pressed_cb (GtkEventControllerKey *controller,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         LiaSearchResults      *self)
{
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) &&
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) == 0 &&
      gtk_widget_get_mapped (GTK_WIDGET (self)))
    return lia_search_results_focus_first (self);

  return FALSE;
}

/* Escape in the hits goes back to the entry, which keeps its text. */
static gboolean
on_list_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        LiaSearchResults      *self)
{
  GtkWidget *entry = g_object_get_data (G_OBJECT (self), "lia-search-entry");

  if (keyval != GDK_KEY_Escape || entry == NULL)
    return FALSE;

  gtk_widget_grab_focus (entry);
  return TRUE;
}

gboolean
lia_search_results_focus_first (LiaSearchResults *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (LIA_IS_SEARCH_RESULTS (self), FALSE);

  row = gtk_list_box_get_row_at_index (self->list, 0);
  if (row == NULL)
    return FALSE;

  gtk_list_box_select_row (self->list, row);
  return gtk_widget_grab_focus (GTK_WIDGET (row));
}

void
lia_search_results_attach_entry (LiaSearchResults *self,
                                 GtkWidget        *entry)
{
  GtkEventController *controller;

  g_return_if_fail (LIA_IS_SEARCH_RESULTS (self));
  g_return_if_fail (GTK_IS_WIDGET (entry));

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_entry_key_pressed_cb), self, 0);
  gtk_widget_add_controller (entry, controller);

  /* The entry outlives the results (both belong to the window); a weak pointer would do the
   * same, this keeps the lookup in one place. */
  g_object_set_data (G_OBJECT (self), "lia-search-entry", entry);
  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_list_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->list), controller);
}
