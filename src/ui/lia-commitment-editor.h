/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-editor.h"
#include "lia-record-picker.h"

G_BEGIN_DECLS

#define LIA_TYPE_COMMITMENT_EDITOR (lia_commitment_editor_get_type ())

G_DECLARE_FINAL_TYPE (LiaCommitmentEditor, lia_commitment_editor, LIA, COMMITMENT_EDITOR, LiaEditor)

/* Creates or edits a commitment: @commitment is the record to edit, or a new one (id 0), possibly
 * filled in already. */
LiaCommitmentEditor *lia_commitment_editor_new (LiaStore *store,
                     LiaCommitment *commitment);

/* The "Promised At" picker, for tests. */
LiaRecordPicker *_lia_commitment_editor_get_interaction_picker (LiaCommitmentEditor *self);

G_END_DECLS
