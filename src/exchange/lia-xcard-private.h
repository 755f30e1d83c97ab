/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-card-import.h"

G_BEGIN_DECLS

/* Reading xCard (RFC 6351): lia-xcard-values.c reads each <vcard>'s properties and parameters
 * into a LiaCard, lia-xcard-reader.c walks the file; lia-card-import.c matches and stores. */

typedef LiaCard Card;

gboolean  _lia_xcard_is              (xmlNode       *node,
                                      const char    *name);
/* Fills @c from the properties of @node, a <vcard>; problems set c->bad. */
void      _lia_xcard_read_properties (Card          *c,
                                      xmlNode       *node);

G_END_DECLS
