/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-editor.h"

G_BEGIN_DECLS

/* Between the editor and its conflict dialog (lia-editor-merge.c); not for subclasses. */

/* The record as the editor opened it: the common ancestor of the officer's version and the
 * stored one. After a merge, the version merged with. */
LiaRecord *_lia_editor_get_base     (LiaEditor  *self);
void       _lia_editor_set_base     (LiaEditor  *self,
                                     LiaRecord  *base);
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
