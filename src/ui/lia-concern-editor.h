/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-editor.h"

G_BEGIN_DECLS

#define LIA_TYPE_CONCERN_EDITOR (lia_concern_editor_get_type ())

G_DECLARE_FINAL_TYPE (LiaConcernEditor, lia_concern_editor, LIA, CONCERN_EDITOR, LiaEditor)

/* Creates or edits a concern: @concern is the record to edit, or a new one (id 0), possibly
 * filled in already. */
LiaConcernEditor *lia_concern_editor_new (LiaStore *store,
                     LiaConcern *concern);

G_END_DECLS
