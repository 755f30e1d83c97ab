/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-xcard-private.h"
#include "lia-store-bulk.h"

/*
 * xCard, RFC 6351 (docs/xcard.md has the mapping).
 *
 * Like the partner directory, each <vcard> is expanded into a small tree of its own, read, and
 * freed when the reader moves on. Properties Liaison does not keep (birthdays, photos, keys, …)
 * are counted as not kept; elements of other namespaces as ignored. lia-card-import.c matches
 * and stores each card, as for vCard and CSV.
 */

static gboolean
read_card (LiaCardRun *run,
           xmlNode    *node)
{
  Card c;
  gboolean ok;

  _lia_card_init (&c, run);
  c.node = node;
  _lia_xcard_read_properties (&c, node);
  ok = _lia_card_store (&c);
  _lia_card_clear (&c);
  return ok;
}

/* The root is a <vcard> of its own: one card, and nothing after it. */
static void
read_bare_card (LiaCardRun *run)
{
  LiaImport *import = run->import;
  xmlNode *node = xmlTextReaderExpand (import->reader);
  int ret;

  if (node == NULL)
    {
      if (!import->failed && import->error == NULL)
        _lia_import_xml_problem (import, (guint) xmlTextReaderGetParserLineNumber (import->reader), 0,
                                 _("The file ends before the vCard does: it was probably cut off."));
      return;
    }

  import->root_closed = TRUE;
  read_card (run, node);

  /* What follows the card is only read for the problems the parser finds in it. */
  while (!import->stopped && (ret = xmlTextReaderNext (import->reader)) == 1)
    ;
  if (!import->stopped && ret < 0 && !import->failed && import->error == NULL)
    _lia_import_xml_problem (import, (guint) xmlTextReaderGetParserLineNumber (import->reader), 0,
                             _("The file could not be read to the end."));
}

static void
record_cb (LiaImport *import,
           xmlNode   *node,
           gpointer   user_data)
{
  if (_lia_xcard_is (node, "vcard"))
    read_card (user_data, node);
  else if (_lia_xcard_is (node, NULL))
    _lia_import_problem (import, node, NULL,
                         _("An xCard file holds <vcard> elements, not <%s>."),
                         (const char *) node->name);
  else
    _lia_import_ignore (import);
}

gboolean
_lia_xcard_read (LiaImport *import)
{
  LiaCardRun run;

  _lia_card_run_init (&run, import, "xcard-");
  import->root_is_vcards = TRUE;

  if (g_strcmp0 ((const char *) xmlTextReaderConstLocalName (import->reader), "vcard") == 0)
    read_bare_card (&run);
  else
    _lia_import_read_records (import, record_cb, &run,
                              _("An xCard file holds vCards, not text: there is text between two vCards."),
                              _("The file ends before the list of vCards does: it was probably cut off."));

  _lia_card_run_clear (&run);

  return !import->failed && !import->stopped;
}
