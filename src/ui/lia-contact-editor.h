/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-editor.h"

G_BEGIN_DECLS

#define LIA_TYPE_CONTACT_EDITOR (lia_contact_editor_get_type ())

G_DECLARE_FINAL_TYPE (LiaContactEditor, lia_contact_editor, LIA, CONTACT_EDITOR, LiaEditor)

/* Creates or edits a contact: @contact is the record to edit, or a new one (id 0), possibly
 * filled in already. */
LiaContactEditor *lia_contact_editor_new (LiaStore *store,
                     LiaContact *contact);

/* Adds an affiliation as the picker does, for tests. */
void _lia_contact_editor_add_affiliation (LiaContactEditor *self,
                                          gint64            organization_id,
                                          const char       *role);

G_END_DECLS
