/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Names for the ISO codes that records hold (a country "FR", languages "fr", "pt-BR"), in the
 * language of the user interface, from the iso-codes package: its JSON tables and its
 * translations (the "iso_3166-1" and "iso_639-2"/"iso_639-3" gettext domains). The data keeps
 * the codes; only what people read is a name. Every function falls back to the code itself
 * when the code is unknown or iso-codes is not installed, and is safe from any thread. */

/* "France" (French: "France") for "FR" or "FRA", any case; the code itself when unknown;
 * %NULL for %NULL. */
char *lia_iso_dup_country_name   (const char         *code);
/* "French" (French: "français") for "fr" or "fra"; "Portuguese (Brazil)" for "pt-BR"; the tag
 * itself when its language is unknown; %NULL for %NULL. */
char *lia_iso_dup_language_name  (const char         *tag);
/* The names of @tags joined as a list ("Swahili, English"); "" for none. */
char *lia_iso_dup_language_list  (const char * const *tags);

G_END_DECLS
