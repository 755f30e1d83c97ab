/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-store.h"

G_BEGIN_DECLS

/*
 * Content hashes (schema 19): what an import last wrote or confirmed of each record, as a
 * 64-bit hash of the input it came from, so that a re-import tells an unchanged record
 * without loading it. The database forgets a record's hash whenever anything changes the
 * record, its lists, or any record's uid (triggers, any connection): a hash that is there is
 * one nothing has touched since the import that wrote it. What the hash is of is the
 * importer's business (src/exchange/lia-import.c).
 */

typedef struct
{
  gint64  id;
  guint64 hash;
} LiaContentHash;

/* An array of exactly @len entries (no power-of-two reserve: a kind's hashes can be a
 * million records). */
typedef struct
{
  LiaContentHash *entries;
  guint           len;
} LiaContentHashes;

/* Every hash kept for records of @kind, ordered by id (16 bytes a record). */
LiaContentHashes *lia_store_read_content_hashes (LiaStore            *self,
                                                 LiaRecordKind        kind,
                                                 GError             **error);
void       lia_content_hashes_free              (LiaContentHashes    *hashes);
/* Looks up @id in what lia_store_read_content_hashes() gave; FALSE when it has no hash. */
gboolean   lia_content_hashes_lookup            (LiaContentHashes    *hashes,
                                                 gint64               id,
                                                 guint64             *out_hash);
/* Keeps @hash for the record of @kind with @id. Call it after saving the record, inside the
 * same transaction: the save itself forgets the record's hash. */
gboolean   lia_store_set_content_hash           (LiaStore            *self,
                                                 LiaRecordKind        kind,
                                                 gint64               id,
                                                 guint64              hash,
                                                 GError             **error);

/* The same, with each record's uid (as lia_content_uid_hash() gives it) beside its id,
 * ordered by it (16 bytes a record): for a reader that knows its records by uid. Two uids may
 * hash the same: a reader compares the content hash, which covers the uid, to tell them
 * apart. A record whose id does not fit in 32 bits has no entry (it is compared in full). */
typedef struct
{
  guint32 uid_hash;
  guint32 id;
  guint64 hash;
} LiaUidContentHash;

typedef struct
{
  LiaUidContentHash *entries;
  guint              len;
} LiaUidContentHashes;

LiaUidContentHashes *lia_store_read_content_hashes_by_uid (LiaStore       *self,
                                                           LiaRecordKind   kind,
                                                           GError        **error);
void       lia_uid_content_hashes_free          (LiaUidContentHashes *hashes);
guint32    lia_content_uid_hash                 (const char          *uid);
/* The first entry for @uid_hash in what lia_store_read_content_hashes_by_uid() gave, and how
 * many there are with it (two uids may hash the same), or NULL. */
const LiaUidContentHash *lia_uid_content_hashes_lookup (LiaUidContentHashes *hashes,
                                                        guint32              uid_hash,
                                                        guint               *out_n);
/* Sorts @entries by uid hash, then id, in place (no second array). For the reading above and
 * tests. */
void       _lia_uid_content_hashes_sort         (LiaUidContentHash   *entries,
                                                 gsize                n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaContentHashes, lia_content_hashes_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaUidContentHashes, lia_uid_content_hashes_free)

G_END_DECLS
