/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-editor.h"

G_BEGIN_DECLS

#define LIA_TYPE_PROJECT_EDITOR (lia_project_editor_get_type ())

G_DECLARE_FINAL_TYPE (LiaProjectEditor, lia_project_editor, LIA, PROJECT_EDITOR, LiaEditor)

/* Creates or edits a project: its fields, stakeholders with their roles, milestones (title and
 * due date) and risks (title, likelihood, impact, status). What the form does not show of a
 * milestone or a risk (done date, owner, mitigation, review) is kept as it was. */
LiaProjectEditor *lia_project_editor_new (LiaStore   *store,
                                          LiaProject *project);

G_END_DECLS
