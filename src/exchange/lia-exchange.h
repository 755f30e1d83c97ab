/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The XML namespaces Liaison reads and writes. */
#define LIA_DIRECTORY_NAMESPACE "urn:liaison:partner-directory:1"
#define LIA_XCARD_NAMESPACE     "urn:ietf:params:xml:ns:vcard-4.0"

typedef enum {
  LIA_EXCHANGE_FORMAT_AUTO,       /* import: tell from the root element */
  LIA_EXCHANGE_FORMAT_DIRECTORY,  /* Liaison's partner directory, version 1 */
  LIA_EXCHANGE_FORMAT_XCARD,      /* RFC 6351 */
  LIA_EXCHANGE_FORMAT_CSV,        /* contact managers' CSV exports (docs/csv.md) */
  LIA_EXCHANGE_FORMAT_ICALENDAR,  /* RFC 5545: meetings in, planned meetings and to-dos out */
  LIA_EXCHANGE_FORMAT_VCARD,      /* vCard 2.1, 3.0 (RFC 2426), 4.0 (RFC 6350) */
} LiaExchangeFormat;

/* What importing did with one record of the file. */
typedef enum {
  LIA_IMPORT_CREATED,
  LIA_IMPORT_UPDATED,
  LIA_IMPORT_UNCHANGED,
} LiaImportOutcome;

/* How a card of an address book (xCard, vCard, CSV) found the record it merged into. */
typedef enum {
  LIA_IMPORT_MATCH_UID,               /* the same uid */
  LIA_IMPORT_MATCH_EMAIL,             /* a contact with one of its email addresses */
  LIA_IMPORT_MATCH_PHONE,             /* a contact with one of its phone numbers (digits) */
  LIA_IMPORT_MATCH_NAME,              /* a contact of the same name at the same organization */
  LIA_IMPORT_MATCH_ORGANIZATION_NAME, /* an organization of the same name, accents and case aside */
} LiaImportMatch;

#define LIA_EXCHANGE_ERROR (lia_exchange_error_quark ())

typedef enum {
  LIA_EXCHANGE_ERROR_FAILED,        /* reading or writing failed; the message says why */
  LIA_EXCHANGE_ERROR_NOT_SUPPORTED, /* neither a partner directory nor an xCard file */
  LIA_EXCHANGE_ERROR_INVALID,       /* the file has problems; the importer lists them */
} LiaExchangeError;

GQuark lia_exchange_error_quark (void);

G_END_DECLS
