/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-list-model.h"

G_BEGIN_DECLS

/* For tests and benchmarks: how many pages were loaded from the database since the model was
 * made, and how many are cached now. */
guint _lia_list_model_get_pages_fetched (LiaListModel *self);
/* How many pages were found from the whole timeline's per-day counts (far from any anchor). */
guint _lia_list_model_get_day_seeks     (LiaListModel *self);
guint _lia_list_model_get_cached_pages  (LiaListModel *self);
/* Whether the idle walk that leaves anchors along the list is still going. */
gboolean _lia_list_model_is_walking     (LiaListModel *self);

#define LIA_LIST_MODEL_PAGE_SIZE 64
#define LIA_LIST_MODEL_MAX_PAGES 8

G_END_DECLS
