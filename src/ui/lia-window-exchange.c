/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-window-private.h"

/* Placeholders until the partner-directory exchange and the briefing are wired in: the menu
 * entries, shortcuts and first-run buttons are in place and say so when used. This file is
 * replaced by that work. */

void
_lia_window_import (LiaWindow *self)
{
  _lia_window_show_message (self, _("Import is not available yet"));
}

void
_lia_window_export (LiaWindow *self)
{
  _lia_window_show_message (self, _("Export is not available yet"));
}

void
_lia_window_print_briefing (LiaWindow *self)
{
  _lia_window_show_message (self, _("Printing briefings is not available yet"));
}

void
_lia_window_explore_sample (LiaWindow *self)
{
  _lia_window_show_message (self, _("The sample directory is not available yet"));
}
