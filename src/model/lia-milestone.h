/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-types.h"
#include "lia-enums.h"

G_BEGIN_DECLS

#define LIA_TYPE_MILESTONE (lia_milestone_get_type ())

G_DECLARE_FINAL_TYPE (LiaMilestone, lia_milestone, LIA, MILESTONE, GObject)

/* A milestone of a project: a stable uid (generated when created, the partner directory's id),
 * a title, a due date, a status and the day it was done. A milestone belongs to one project;
 * its changes are not notified: an editor replaces the project's list (lia_project_set_milestones()). */

LiaMilestone       *lia_milestone_new        (const char         *title);
LiaMilestone       *lia_milestone_copy       (LiaMilestone       *self);
gboolean            lia_milestone_equal      (LiaMilestone       *a,
                                              LiaMilestone       *b);
const char         *lia_milestone_get_uid    (LiaMilestone       *self);
void                lia_milestone_set_uid    (LiaMilestone       *self,
                                              const char         *uid);
const char         *lia_milestone_get_title  (LiaMilestone       *self);
void                lia_milestone_set_title  (LiaMilestone       *self,
                                              const char         *title);
const GDate        *lia_milestone_get_due    (LiaMilestone       *self);
void                lia_milestone_set_due    (LiaMilestone       *self,
                                              const GDate        *due);
LiaMilestoneStatus  lia_milestone_get_status (LiaMilestone       *self);
void                lia_milestone_set_status (LiaMilestone       *self,
                                              LiaMilestoneStatus  status);
const GDate        *lia_milestone_get_done   (LiaMilestone       *self);
void                lia_milestone_set_done   (LiaMilestone       *self,
                                              const GDate        *done);
/* Open and due before @today. */
gboolean            lia_milestone_is_overdue (LiaMilestone       *self,
                                              const GDate        *today);

G_END_DECLS
