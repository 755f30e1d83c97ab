/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-editor.h"

G_BEGIN_DECLS

#define LIA_TYPE_ORGANIZATION_EDITOR (lia_organization_editor_get_type ())

G_DECLARE_FINAL_TYPE (LiaOrganizationEditor, lia_organization_editor, LIA, ORGANIZATION_EDITOR, LiaEditor)

/* Creates or edits a organization: @organization is the record to edit, or a new one (id 0), possibly
 * filled in already. */
LiaOrganizationEditor *lia_organization_editor_new (LiaStore *store,
                     LiaOrganization *organization);

G_END_DECLS
