/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-editor.h"
#include "lia-record-picker.h"

G_BEGIN_DECLS

#define LIA_TYPE_INTERACTION_EDITOR (lia_interaction_editor_get_type ())

G_DECLARE_FINAL_TYPE (LiaInteractionEditor, lia_interaction_editor, LIA, INTERACTION_EDITOR, LiaEditor)

/* Creates or edits a interaction: @interaction is the record to edit, or a new one (id 0), possibly
 * filled in already. */
LiaInteractionEditor *lia_interaction_editor_new (LiaStore *store,
                     LiaInteraction *interaction);

/* The participant picker, for tests. */
LiaRecordPicker *_lia_interaction_editor_get_picker (LiaInteractionEditor *self);

G_END_DECLS
