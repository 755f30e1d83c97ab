/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-store.h"

G_BEGIN_DECLS

#define LIA_TYPE_WINDOW (lia_window_get_type ())

G_DECLARE_FINAL_TYPE (LiaWindow, lia_window, LIA, WINDOW, AdwApplicationWindow)

/* The main window. Construct-only properties: "store" (the open database, or %NULL) and
 * "error-message" (why the database could not be opened, shown instead of its content). */
LiaWindow  *lia_window_new               (AdwApplication *application,
                                          LiaStore       *store,
                                          const char     *error_message);
LiaStore   *lia_window_get_store         (LiaWindow      *self);
const char *lia_window_get_error_message (LiaWindow      *self);

G_END_DECLS
