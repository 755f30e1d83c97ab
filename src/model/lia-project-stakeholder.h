/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-types.h"

G_BEGIN_DECLS

#define LIA_TYPE_PROJECT_STAKEHOLDER (lia_project_stakeholder_get_type ())

G_DECLARE_FINAL_TYPE (LiaProjectStakeholder, lia_project_stakeholder, LIA, PROJECT_STAKEHOLDER, GObject)

/* One stakeholder of a project: exactly one of a contact or an organization (database ids), and
 * its role in the project in free text ("Funder", "Technical lead"; lia_labels_stakeholder_roles()
 * has suggestions). Immutable once created, so projects can share them. */

LiaProjectStakeholder *lia_project_stakeholder_new_contact         (gint64      contact_id,
                                                                    const char *role);
LiaProjectStakeholder *lia_project_stakeholder_new_organization    (gint64      organization_id,
                                                                    const char *role);
gint64                 lia_project_stakeholder_get_contact_id      (LiaProjectStakeholder *self);
gint64                 lia_project_stakeholder_get_organization_id (LiaProjectStakeholder *self);
const char            *lia_project_stakeholder_get_role            (LiaProjectStakeholder *self);
gboolean               lia_project_stakeholder_equal               (LiaProjectStakeholder *a,
                                                                    LiaProjectStakeholder *b);

G_END_DECLS
