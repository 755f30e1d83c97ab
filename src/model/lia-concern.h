/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lia-record.h"

G_BEGIN_DECLS

#define LIA_TYPE_CONCERN (lia_concern_get_type ())

G_DECLARE_FINAL_TYPE (LiaConcern, lia_concern, LIA, CONCERN, LiaRecord)

/* A dispute or conflict between parties. Properties: "title" (required), "severity", "status",
 * "opened" and "resolved" (GDate; resolved not before opened), "root-cause", "resolution",
 * "notes". Parties are a list model of LiaConcernParty ("parties" is notified when it changes);
 * related interactions are database ids. */

LiaConcern       *lia_concern_new                  (const char       *title);
const char       *lia_concern_get_title            (LiaConcern *self);
void              lia_concern_set_title            (LiaConcern *self, const char *title);
LiaSeverity       lia_concern_get_severity         (LiaConcern *self);
void              lia_concern_set_severity         (LiaConcern *self, LiaSeverity severity);
LiaConcernStatus  lia_concern_get_status           (LiaConcern *self);
void              lia_concern_set_status           (LiaConcern *self, LiaConcernStatus status);
const GDate      *lia_concern_get_opened           (LiaConcern *self);
void              lia_concern_set_opened           (LiaConcern *self, const GDate *opened);
const GDate      *lia_concern_get_resolved         (LiaConcern *self);
void              lia_concern_set_resolved         (LiaConcern *self, const GDate *resolved);
const char       *lia_concern_get_root_cause       (LiaConcern *self);
void              lia_concern_set_root_cause       (LiaConcern *self, const char *root_cause);
const char       *lia_concern_get_resolution       (LiaConcern *self);
void              lia_concern_set_resolution       (LiaConcern *self, const char *resolution);
const char       *lia_concern_get_notes            (LiaConcern *self);
void              lia_concern_set_notes            (LiaConcern *self, const char *notes);

GListModel       *lia_concern_get_parties          (LiaConcern *self);
void              lia_concern_add_party            (LiaConcern *self, LiaConcernParty *party);
void              lia_concern_remove_party         (LiaConcern *self, guint position);
void              lia_concern_clear_parties        (LiaConcern *self);

const GArray     *lia_concern_get_interaction_ids  (LiaConcern *self);
void              lia_concern_add_interaction      (LiaConcern *self, gint64 interaction_id);
void              lia_concern_remove_interaction   (LiaConcern *self, gint64 interaction_id);

G_END_DECLS
