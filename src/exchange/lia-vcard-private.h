/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-card-import.h"

G_BEGIN_DECLS

/* Reading vCard 2.1, 3.0 and 4.0 (docs/vcard.md) in two parts: lia-vcard-text.c splits the
 * file into cards and turns each into clean UTF-8 vCard text (charsets, quoted-printable,
 * folding, line ends: what real files get wrong), lia-vcard-reader.c parses that text with
 * EVCard and fills a LiaCard. */

/* A vCard file larger than this is refused: an address book of 100,000 people with photos
 * stays under it. */
#define LIA_VCARD_MAX_FILE_SIZE (256 * 1024 * 1024)

typedef struct
{
  char  *text;      /* BEGIN:VCARD … END:VCARD, UTF-8, CRLF, no encodings left but base64 */
  guint  line;      /* the line of the file where the card begins */
  /* The VERSION it says (NULL: none). */
  char  *version;
  /* guint: the line of the file where each property of @text starts, in order, for messages
   * about one property. */
  GArray *lines;
} LiaVCardText;

void       _lia_vcard_text_free (LiaVCardText *card);

/* Splits @data, the whole file, into its cards. Reports what cannot be read (binary data, a
 * card that never ends) as problems of @import and oddities as warnings. NULL when the file
 * has a problem. */
GPtrArray *_lia_vcard_split     (LiaImport    *import,
                                 const char   *data,
                                 gsize         len);

/* Whether @data, the first bytes of a file, starts a vCard (after a byte order mark, blank
 * lines, in UTF-8, a legacy charset or UTF-16). */
gboolean   _lia_vcard_sniff     (const char   *data,
                                 gsize         len);

G_END_DECLS
