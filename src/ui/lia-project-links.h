/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-store.h"

G_BEGIN_DECLS

/* The Projects group of an interaction's, a commitment's or a concern's page (@kind, @id): the
 * projects the record belongs to, and "Link to Project…", a picker over the projects that
 * links it to the one chosen and saves. The page rebuilds itself on the store's change. */
void lia_project_links_add_group (LiaStore      *store,
                                  GtkWidget     *content,
                                  LiaRecordKind  kind,
                                  gint64         id);

G_END_DECLS
