/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-store.h"

G_BEGIN_DECLS

#define LIA_TYPE_RECORD_PICKER (lia_record_picker_get_type ())

G_DECLARE_FINAL_TYPE (LiaRecordPicker, lia_record_picker, LIA, RECORD_PICKER, GtkBox)

/* A search entry over the store's full-text search with the matching organizations and/or
 * contacts below it. Properties: "store" (construct-only), "kinds" (bit mask of
 * 1 << LiaRecordKind offered; organizations and contacts by default). Signal "picked"
 * (int kind, gint64 id, const char *label) when a result is chosen (click or Enter). */
LiaRecordPicker *lia_record_picker_new        (LiaStore        *store,
                                               guint            kinds);
void             lia_record_picker_set_text   (LiaRecordPicker *self,
                                               const char      *text);
/* How many results are shown, for tests. */
guint            lia_record_picker_get_n_results (LiaRecordPicker *self);
/* Chooses the result at @index, as a click would. */
void             lia_record_picker_pick       (LiaRecordPicker *self,
                                               guint            index);
void             lia_record_picker_focus      (LiaRecordPicker *self);

/* A GtkMenuButton whose popover holds a picker; the popover closes on a pick. */
GtkWidget       *lia_record_picker_button_new (LiaStore        *store,
                                               guint            kinds,
                                               const char      *label,
                                               LiaRecordPicker **out_picker);

/* The accessible name of a button from lia_record_picker_button_new(), when its label
 * ("Choose…") does not say what it chooses. */
void             lia_record_picker_button_set_name (GtkWidget  *button,
                                                    const char *name);

G_END_DECLS
