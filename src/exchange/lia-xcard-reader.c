/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-exchange"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-import-private.h"

/* xCard comes in the next change; until then such a file is refused with a clear reason. */
gboolean
_lia_xcard_read (LiaImport *import)
{
  _lia_import_xml_problem (import, 1, 1, _("This Liaison cannot read xCard files yet."));
  return FALSE;
}
