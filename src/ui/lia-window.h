/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-store.h"

G_BEGIN_DECLS

#define LIA_TYPE_WINDOW (lia_window_get_type ())

G_DECLARE_FINAL_TYPE (LiaWindow, lia_window, LIA, WINDOW, AdwApplicationWindow)

/* The main window: a sidebar of views (Organizations, Contacts, Timeline, Follow-ups, each with
 * a count), the view's list and the selected record's detail, in an AdwLeaflet that folds
 * into pages in a narrow window. Construct-only properties: "store" (the open database, or
 * %NULL), "error-message" (why the database could not be opened, shown instead of its
 * content) and "settings" (GSettings of io.github.liaison.Liaison to remember the size, the
 * view and the selection; %NULL to remember nothing). "view" is the view shown. */
LiaWindow  *lia_window_new               (AdwApplication *application,
                                          LiaStore       *store,
                                          const char     *error_message);
LiaStore   *lia_window_get_store         (LiaWindow      *self);
const char *lia_window_get_error_message (LiaWindow      *self);
/* Which database the window is on ("This computer", "Team server: db.example.org/liaison as
 * amina"), under the sidebar's title. */
void        lia_window_set_database_label (LiaWindow     *self,
                                          const char     *label);
const char *lia_window_get_view          (LiaWindow      *self);
void        lia_window_set_view          (LiaWindow      *self,
                                          const char     *view);

G_END_DECLS
