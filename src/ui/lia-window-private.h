/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-window.h"
#include "lia-directory-list.h"
#include "lia-follow-up-list.h"
#include "lia-project-list.h"
#include "lia-search-results.h"
#include "lia-timeline-view.h"
#include "lia-today-view.h"
#include "lia-stakeholder-map.h"
#include "lia-concerns-view.h"
#include "lia-detail.h"
#include "lia-store-undo.h"

G_BEGIN_DECLS

/* What Undo (the toast's button, Ctrl+Z) takes back. */
typedef struct
{
  LiaDeletion *deletion;        /* a delete, or NULL */
  gint64       commitment_id;   /* a commitment marked done or reopened */
  int          status;          /* the status it had before */
  guint32      done_julian;     /* the day it had been done (a GDate's Julian day), or 0 */
  LiaReassessment *reassessment; /* a move on the stakeholder map, or NULL */
} LiaUndoEntry;

/* The views of the sidebar: Today, the directory and timeline views, the map and concerns. */
#define LIA_WINDOW_N_VIEWS 8

struct _LiaWindow
{
  AdwApplicationWindow  parent_instance;

  LiaStore             *store;
  char                 *error_message;
  /* Which database: "This computer", "Team server: …" (the sidebar's subtitle). */
  GtkWidget            *sidebar_title;
  GSettings            *settings;
  gulong                changed_handler;
  gulong                reset_handler;
  gulong                reconnecting_handler;
  GtkRevealer          *reconnecting_revealer;
  GtkSpinner           *reconnecting_spinner;
  GtkRevealer          *sorting_revealer;
  GtkSpinner           *sorting_spinner;
  /* The contacts' keys made again in the desktop's language, in a thread (start_sorting()). */
  GCancellable         *sorting_cancellable;
  guint                 sorting_source;
  guint                 counts_source;
  GCancellable         *counting;       /* the counts read in a thread, or %NULL */
  gboolean              count_again;    /* a change came while they were read: read again */
  char                 *view;
  LiaRecordKind         current_kind;
  gint64                current_id;
  GQueue                undo;           /* LiaUndoEntry, newest first */
  gboolean              first_run_dismissed;
  gint64                last_search_us; /* how long the last search took */
  gboolean              views_built;    /* the lists are made on first use from then on */

  /* Made on first use (a view's list when it is first shown, a detail page when a record of
   * its kind is first opened): %NULL until then. */
  LiaDirectoryList     *organizations_list;
  LiaDirectoryList     *contacts_list;
  LiaTimelineView      *timeline_view;
  LiaFollowUpList      *follow_up_list;
  LiaSearchResults     *search_results;
  LiaTodayView         *today_view;
  LiaStakeholderMap    *stakeholder_map;
  LiaConcernsView      *concerns_view;
  LiaProjectList       *project_list;
  LiaDetail            *details[LIA_RECORD_KIND_PROJECT + 1];
  /* What each view (in the order of the sidebar) showed last, so that coming back to a view
   * shows its own record, or its empty state: never the previous view's. */
  LiaRecordKind         view_kind[LIA_WINDOW_N_VIEWS];
  gint64                view_id[LIA_WINDOW_N_VIEWS];
  gboolean              syncing_list;   /* selecting the shown record in the list */
  gboolean              reopen_pending; /* a press on the list, maybe on the selected row */
  double                press_x;
  double                press_y;
  guint                 reopen_source;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  GtkWidget            *sidebar_pane;
  GtkWidget            *list_pane;
  GtkWidget            *detail_pane;
  GtkListBoxRow        *organizations_row;
  GtkListBoxRow        *contacts_row;
  GtkListBoxRow        *timeline_row;
  GtkListBoxRow        *follow_ups_row;
  GtkListBoxRow        *today_row;
  GtkListBoxRow        *map_row;
  GtkListBoxRow        *concerns_row;
  GtkListBoxRow        *projects_row;
  GtkLabel             *concerns_count;         /* open or mediating */
  GtkLabel             *organizations_count;
  GtkLabel             *contacts_count;
  GtkLabel             *timeline_count;
  GtkLabel             *follow_ups_count;       /* overdue, red */
  GtkLabel             *follow_ups_open_count;  /* open, dim */
  AdwWindowTitle       *list_title;
  GtkButton            *add_button;
  GtkToggleButton      *search_button;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkStack             *list_stack;
  AdwWindowTitle       *detail_title;
  GtkWidget            *edit_button;
  GtkWidget            *delete_button;
  GtkStack             *detail_stack;
  AdwStatusPage        *first_run_page;
  AdwStatusPage        *status_page;
};

/* lia-window.c */
void     _lia_window_show_toast        (LiaWindow     *self,
                                        AdwToast      *toast);
/* Whether the contacts' keys are being made again in a new language (start_sorting()). */
gboolean _lia_window_get_sorting       (LiaWindow     *self);
void     _lia_window_show_message      (LiaWindow     *self,
                                        const char    *message);
/* Whether the sidebar's counts are being read in a thread (a big database). */
gboolean _lia_window_get_counting      (LiaWindow     *self);
/* From which file size on a window made after this reads its counts in a thread (tests: 0). */
void     _lia_window_set_count_in_thread_bytes (gint64 bytes);
void     _lia_window_update_actions    (LiaWindow     *self);
/* Shows the record in the detail pane (and the pane, in a narrow window). */
void     _lia_window_open_record       (LiaWindow     *self,
                                        LiaRecordKind  kind,
                                        gint64         id);
void     _lia_window_clear_detail      (LiaWindow     *self);
/* The kind of record that "New" makes in the current view. */
LiaRecordKind _lia_window_get_view_kind (LiaWindow    *self);

/* The list of @view ("organizations", "timeline", "search", …), made now if it was not yet
 * (views are made when first shown); %NULL for an unknown name or without a database. */
GtkWidget *_lia_window_ensure_list   (LiaWindow     *self,
                                      const char    *view);

/* lia-window-actions.c */
void     _lia_window_class_add_actions (GtkWidgetClass *widget_class);
/* A move on the stakeholder map: a toast with Undo, and Ctrl+Z. */
void     _lia_window_push_reassessment (LiaWindow       *self,
                                        LiaReassessment *reassessment,
                                        const char      *message);
void     _lia_window_undo_entry_free   (gpointer        data);

/* lia-window-exchange.c: import, export, print and the sample directory. */
void     _lia_window_import            (LiaWindow     *self);
void     _lia_window_export            (LiaWindow     *self);
/* Copies every record between the team server the window is on and the database on this
 * computer, after asking, with an import's summary. */
void     _lia_window_copy              (LiaWindow     *self,
                                        gboolean       to_server);
void     _lia_window_print_briefing    (LiaWindow     *self);
void     _lia_window_explore_sample    (LiaWindow     *self);
/* Imports @file in a worker thread, with progress, Cancel and a summary or the problems. */
void     _lia_window_import_file       (LiaWindow     *self,
                                        GFile         *file);
/* Dropping a directory file on the window imports it. */
void     _lia_window_init_drop         (LiaWindow     *self);
/* What dropping @value (a GFile or a GdkFileList) on the window does: imports the file, with
 * the same progress and summary as Import…. FALSE when it holds no file. */
gboolean _lia_window_drop_value        (LiaWindow     *self,
                                        const GValue  *value);

G_END_DECLS
