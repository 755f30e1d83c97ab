/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-store.h"

G_BEGIN_DECLS

/* Queries the window needs beyond lia-store.h and lia-store-reports.h. */

/* Concerns linked to an interaction, in any status. */
GPtrArray *lia_store_list_concerns_for_interaction (LiaStore  *self,
                                                    gint64     interaction_id,
                                                    GError   **error);

G_END_DECLS
