/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-store.h"

G_BEGIN_DECLS

#define LIA_TYPE_PROJECT_LIST (lia_project_list_get_type ())

G_DECLARE_FINAL_TYPE (LiaProjectList, lia_project_list, LIA, PROJECT_LIST, GtkWidget)

/* The Projects view: projects by name, filtered by status (current ones unless chosen
 * otherwise), each with its progress bar from milestones, its next milestone, how many are
 * overdue (in red) and its highest risk score. Reloaded after every change to the store.
 * Construct-only property "store". Signal "record-selected" (LiaRecord *: the project). */
LiaProjectList *lia_project_list_new       (LiaStore       *store);
/* Reloads now (it reloads by itself on the store's changes, when idle). */
void            lia_project_list_reload    (LiaProjectList *self);
/* The projects shown: LiaProjectSummary items. */
GListModel     *lia_project_list_get_model (LiaProjectList *self);
void            lia_project_list_unselect  (LiaProjectList *self);

G_END_DECLS
