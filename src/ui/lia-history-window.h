/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-store.h"

G_BEGIN_DECLS

#define LIA_TYPE_HISTORY_WINDOW (lia_history_window_get_type ())

G_DECLARE_FINAL_TYPE (LiaHistoryWindow, lia_history_window, LIA, HISTORY_WINDOW, AdwWindow)

/* "Show All Changes": every save of a record, newest first, read fifty saves at a time
 * ("Show Older Changes"), and who created it at the end. Construct-only properties "store"
 * and "record". A read that fails shows the store's message in the window. */
LiaHistoryWindow *lia_history_window_new (GtkWindow *parent,
                                          LiaStore  *store,
                                          LiaRecord *record);

G_END_DECLS
