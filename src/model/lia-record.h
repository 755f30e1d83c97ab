/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-types.h"
#include "lia-enums.h"

G_BEGIN_DECLS

#define LIA_TYPE_RECORD (lia_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (LiaRecord, lia_record, LIA, RECORD, GObject)

/**
 * LiaRecordClass:
 * @kind: which kind of record the subclass is
 * @validate: checks the record's own values (not references); the store calls it before writing
 * @copy_from: copies everything but the database id from another record of the same type,
 *   emitting ::notify only for what changed. The default copies every writable property;
 *   subclasses with list data (emails, participants, parties) chain up and copy those.
 * @get_label: a short human name for the record ("World Health Organization", "Dr Amina Diallo")
 *
 * Every stored record has a database id (0 until saved), a stable uid that the XML
 * exchange uses (the store generates one if none is set), and created/updated times.
 *
 * A record loaded from the store also carries the row version it was loaded with (0 for one
 * that was never loaded). The store refuses to save a copy whose version is no longer the
 * stored one (LIA_STORE_ERROR_CONFLICT). The version is not a property: copy_from() leaves it,
 * like the id, so whoever copies a record to edit it copies both.
 */
struct _LiaRecordClass
{
  GObjectClass parent_class;

  LiaRecordKind kind;

  gboolean     (*validate)  (LiaRecord  *self,
                             GError    **error);
  void         (*copy_from) (LiaRecord  *self,
                             LiaRecord  *other);
  const char  *(*get_label) (LiaRecord  *self);

  gpointer padding[8];
};

LiaRecordKind lia_record_get_kind        (LiaRecord  *self);
gint64        lia_record_get_id          (LiaRecord  *self);
void          lia_record_set_id          (LiaRecord  *self,
                                          gint64      id);
gint64        lia_record_get_version     (LiaRecord  *self);
void          lia_record_set_version     (LiaRecord  *self,
                                          gint64      version);
void          lia_record_copy_identity   (LiaRecord  *self,
                                          LiaRecord  *other);
const char   *lia_record_get_uid         (LiaRecord  *self);
void          lia_record_set_uid         (LiaRecord  *self,
                                          const char *uid);
GDateTime    *lia_record_get_created_at  (LiaRecord  *self);
void          lia_record_set_created_at  (LiaRecord  *self,
                                          GDateTime  *created_at);
GDateTime    *lia_record_get_updated_at  (LiaRecord  *self);
void          lia_record_set_updated_at  (LiaRecord  *self,
                                          GDateTime  *updated_at);
const char   *lia_record_get_label       (LiaRecord  *self);
gboolean      lia_record_validate        (LiaRecord  *self,
                                          GError    **error);
void          lia_record_copy_from       (LiaRecord  *self,
                                          LiaRecord  *other);

G_END_DECLS
