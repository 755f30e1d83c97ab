/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  LIA_STORE_CHANGE_ADDED,
  LIA_STORE_CHANGE_UPDATED,
  LIA_STORE_CHANGE_REMOVED,
} LiaStoreChange;

#define LIA_STORE_ERROR (lia_store_error_quark ())

typedef enum {
  LIA_STORE_ERROR_FAILED,         /* SQLite failed; the message carries its text */
  LIA_STORE_ERROR_INVALID,        /* a record's values are not acceptable */
  LIA_STORE_ERROR_NOT_FOUND,      /* no record with that id or uid */
  LIA_STORE_ERROR_REFERENCE,      /* refers to a record that does not exist */
  LIA_STORE_ERROR_DUPLICATE,      /* the uid belongs to another record */
  LIA_STORE_ERROR_TOO_NEW,        /* written by a newer Liaison: refused, left untouched */
  LIA_STORE_ERROR_NOT_A_DATABASE, /* not a Liaison database, or damaged */
  LIA_STORE_ERROR_BUSY,           /* another program holds the database */
  LIA_STORE_ERROR_DISK_FULL,      /* nothing was written */
  LIA_STORE_ERROR_PERMISSION,     /* cannot read or write the file or its folder */
  LIA_STORE_ERROR_CONFLICT,       /* saved from a stale copy: someone changed the record since */
} LiaStoreError;

GQuark lia_store_error_quark (void);

G_END_DECLS
