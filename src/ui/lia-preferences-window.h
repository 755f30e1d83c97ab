/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LIA_TYPE_PREFERENCES_WINDOW (lia_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (LiaPreferencesWindow, lia_preferences_window, LIA, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* The Preferences window: style, the office's name (exported files are named after it),
 * what a briefing contains by default (paper, history, number of interactions, redaction)
 * and how contacts are sorted. Every row is bound to @settings (the io.github.liaison.Liaison
 * schema) both ways: a change applies at once, and a change made elsewhere (the Style menu,
 * `gsettings`) shows in the row. */
LiaPreferencesWindow *lia_preferences_window_new          (GSettings            *settings);
GSettings            *lia_preferences_window_get_settings (LiaPreferencesWindow *self);
/* Which database the window is on ("This computer", "Team server: …"). */
void                  lia_preferences_window_set_database (LiaPreferencesWindow *self,
                                                           const char           *label);

G_END_DECLS
