/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-store.h"

G_BEGIN_DECLS

/* How many saves a record's page shows before "Show All Changes". */
#define LIA_HISTORY_RECENT_SAVES 5

/* Appends the History group of @record's page to @content: the newest saves, one row each
 * ("Job title: Deputy director → Director; Phone added" over "amina · Today, 14:05"), a
 * "Show All Changes" row ("detail.show-history", LiaDetail's action) when there are more, and
 * who created the record at the bottom.
 * %FALSE with @error when the history could not be read. */
gboolean   lia_history_add_group   (LiaStore      *store,
                                    GtkWidget     *content,
                                    LiaRecord     *record,
                                    GError       **error);

/* Appends to @list (an AdwPreferencesGroup or a GtkListBox) one row per save of @changes
 * (newest first, one save's rows together, as lia_store_list_recent_field_history() gives
 * them), at most @max_saves; returns how many saves it went through, and *@out_more whether
 * rows were left over. */
guint      lia_history_add_save_rows   (GtkWidget  *list,
                                        LiaStore   *store,
                                        GType       record_type,
                                        GPtrArray  *changes,
                                        guint       max_saves,
                                        gboolean   *out_more);
/* "Created" over who and when, from the change log (else the record's creation time without
 * a name); %NULL when not known, or with @error when the log could not be read. */
GtkWidget *lia_history_created_row_new (LiaStore   *store,
                                        LiaRecord  *record,
                                        GError    **error);

/* What one save changed, in words, from its rows (LiaFieldChange of one changed_at) of a
 * record of @record_type: "Job title: Deputy director → Director; Phone added". */
char      *lia_history_describe    (LiaStore      *store,
                                    GType          record_type,
                                    GPtrArray     *changes,
                                    guint          first,
                                    guint          n);

G_END_DECLS
