/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LIA_TYPE_APPLICATION (lia_application_get_type ())

G_DECLARE_FINAL_TYPE (LiaApplication, lia_application, LIA, APPLICATION, AdwApplication)

/* The desktop application. It accepts `--database FILE`; without it, it opens the default
 * database (lia_store_dup_default_path()). */
LiaApplication *lia_application_new (void);

G_END_DECLS
