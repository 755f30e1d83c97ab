/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-editor.h"

G_BEGIN_DECLS

/* Between the editor and its conflict dialog (lia-editor-merge.c); not for subclasses. */

/* The common ancestor of what is being saved and the stored version: the record as the editor
 * opened it when the form is saved; the version merged with when a merge is saved (set with
 * _lia_editor_set_merged_base(), forgotten when the form is saved again). */
LiaRecord *_lia_editor_get_base     (LiaEditor  *self);
void       _lia_editor_set_merged_base (LiaEditor *self,
                                        LiaRecord *base);
/* What a row of a form shows a person, as one line. */
char      *_lia_editor_dup_shown    (GtkWidget  *row);
/* Once the dialog is gone: "save" (the form), "save-record" (the editor's record as it is),
 * "discard" (close without saving). */
void       _lia_editor_respond      (LiaEditor  *self,
                                     const char *response);

/* Save was refused as stale: shows both versions and lets the officer keep theirs, take the
 * other, or merge field by field. */
void       _lia_editor_show_conflict (LiaEditor  *self,
                                      const char *message);

G_END_DECLS
