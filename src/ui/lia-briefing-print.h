/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lia-briefing.h"

G_BEGIN_DECLS

/* Prints a briefing through the print dialog, which also offers a preview and printing to a
 * PDF file. The pages are laid out by the same code as `liaison briefing`, on the paper chosen
 * in the dialog (the locale's paper until the user picks another). The printer and paper the
 * user chose are remembered on @parent for the next time.
 *
 * Blocks until the dialog is closed. Returns FALSE with @error when the briefing could not be
 * gathered (the record is gone) or printing failed; cancelling the dialog is not an error. */
gboolean lia_briefing_print_run (GtkWindow                 *parent,
                                 LiaStore                  *store,
                                 const LiaBriefingRequest  *request,
                                 GError                   **error);

G_END_DECLS
