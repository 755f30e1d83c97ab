/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* What a list or a page shows when the store could not read it: an AdwStatusPage with @title,
 * the store's message as its description and a "Retry" button that calls @retry (a
 * void (*) (gpointer instance)) on @instance, for as long as @instance lives. Never an empty
 * state: "Nothing open" would say there is nothing when the truth is that nothing could be
 * read. */
GtkWidget *lia_error_state_new       (const char   *title,
                                      GCallback     retry,
                                      gpointer      instance);
/* Shows @error's message (the store's words, which say what to do). */
void       lia_error_state_set_error (GtkWidget    *page,
                                      const GError *error);

G_END_DECLS
