/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The text of a file (or of one value) in UTF-8, whatever it was written in. In this order:
 *   1. a byte order mark (UTF-8, UTF-16LE/BE, UTF-32LE/BE) decides, and is dropped;
 *   2. UTF-16 without a mark: most of the first 4 KiB's even (BE) or odd (LE) bytes are NUL;
 *   3. @declared (a CHARSET= parameter, a choice in a dialog), when there is one;
 *   4. valid UTF-8 is UTF-8;
 *   5. else a guess among the legacy charsets people's files still come in:
 *      Shift_JIS when every byte above 0x7F forms a Shift_JIS pair or half-width katakana and
 *      at least one pair starts with 0x81–0x9F; windows-1251 (Cyrillic) when most of those
 *      bytes are letters 0xC0–0xFF in runs of three or more (Latin text has one accented letter
 *      among plain ones); otherwise windows-1252, the superset of ISO-8859-1 that Windows and
 *      most old mail programs wrote. ISO-8859-2 and the like cannot be told from windows-1252
 *      by their bytes: a few letters come out wrong, none is lost.
 * @out_charset (optional) receives the charset used, as iconv names it. NULL with an error
 * (G_CONVERT_ERROR) when @declared is not a charset iconv knows or the bytes are not in it.
 */
char *_lia_charset_to_utf8 (const char  *data,
                            gsize        len,
                            const char  *declared,
                            char       **out_charset,
                            GError     **error);

/* Just the guess of step 5 (or "UTF-8" for valid UTF-8), for text that has no mark. */
const char *_lia_charset_guess (const char *data,
                                gsize       len);

G_END_DECLS
