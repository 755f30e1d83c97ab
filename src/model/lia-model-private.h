/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Setter helpers shared by the model classes: they store the new value and return TRUE only
 * when it differs, so that setters notify real changes only. Text is never NULL ("" instead);
 * an invalid date counts as unset. */
gboolean _lia_replace_text (char        **field,
                            const char   *value);
gboolean _lia_replace_date (GDate       **field,
                            const GDate  *value);
/* Tags, tidied with lia_strv_tidy() (case ignored). */
gboolean _lia_replace_tags (char       ***field,
                            const char * const *tags);

G_END_DECLS
