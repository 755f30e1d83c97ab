/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-exchange"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-export-private.h"

/* xCard comes in the next change; until then an export in it fails with a clear reason. */
gboolean
_lia_xcard_write_record (xmlTextWriterPtr  writer,
                         LiaStore         *store,
                         LiaRecord        *record,
                         GError          **error)
{
  g_set_error_literal (error, LIA_EXCHANGE_ERROR, LIA_EXCHANGE_ERROR_FAILED,
                       _("This Liaison cannot write xCard files yet."));
  return FALSE;
}
