/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-store.h"

G_BEGIN_DECLS

/* How many saves a record's page shows before "Show All Changes". */
#define LIA_HISTORY_RECENT_SAVES 5

/* Appends the History group of @record's page to @content: the newest saves, one row each
 * ("Job title: Deputy director → Director; Phone added" over "amina · Today, 14:05"), a
 * "Show All Changes" row when there are more, and who created the record at the bottom.
 * %FALSE with @error when the history could not be read. */
gboolean   lia_history_add_group   (LiaStore      *store,
                                    GtkWidget     *content,
                                    LiaRecord     *record,
                                    GError       **error);

/* A window listing every save of @record, newest first, a page at a time. */
GtkWidget *lia_history_window_new  (GtkWindow     *parent,
                                    LiaStore      *store,
                                    LiaRecord     *record);

/* What one save changed, in words, from its rows (LiaFieldChange of one changed_at) of a
 * record of @record_type: "Job title: Deputy director → Director; Phone added". */
char      *lia_history_describe    (LiaStore      *store,
                                    GType          record_type,
                                    GPtrArray     *changes,
                                    guint          first,
                                    guint          n);

G_END_DECLS
