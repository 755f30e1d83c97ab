/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-store"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-store-hashes.h"
#include "lia-store-private.h"

GArray *
lia_store_read_content_hashes (LiaStore       *self,
                               LiaRecordKind   kind,
                               GError        **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  g_autoptr(GArray) hashes = NULL;
  int rc;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);

  if (!(stmt = _lia_store_prepare (self,
                                   "SELECT record_id, hash FROM record_hashes WHERE kind = ?1"
                                   " ORDER BY record_id",
                                   error)))
    return NULL;
  _lia_db_bind_int (stmt, 1, (int) kind);

  hashes = g_array_new (FALSE, FALSE, sizeof (LiaContentHash));
  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    {
      LiaContentHash entry = {
        _lia_db_column_int64 (stmt, 0),
        (guint64) _lia_db_column_int64 (stmt, 1),
      };
      g_array_append_val (hashes, entry);
    }
  if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self, error, _("Could not read the database"));
      return NULL;
    }
  return g_steal_pointer (&hashes);
}

gboolean
lia_content_hashes_lookup (GArray  *hashes,
                           gint64   id,
                           guint64 *out_hash)
{
  guint low = 0, high;

  g_return_val_if_fail (hashes != NULL, FALSE);

  high = hashes->len;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      const LiaContentHash *entry = &g_array_index (hashes, LiaContentHash, middle);

      if (entry->id == id)
        {
          *out_hash = entry->hash;
          return TRUE;
        }
      if (entry->id < id)
        low = middle + 1;
      else
        high = middle;
    }
  return FALSE;
}

gboolean
lia_store_set_content_hash (LiaStore       *self,
                            LiaRecordKind   kind,
                            gint64          id,
                            guint64         hash,
                            GError        **error)
{
  g_autoptr(LiaStmt) stmt = NULL;

  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);
  g_return_val_if_fail (id > 0, FALSE);

  if (!(stmt = _lia_store_prepare (self,
                                   "INSERT INTO record_hashes (kind, record_id, hash) VALUES (?1, ?2, ?3)"
                                   "  ON CONFLICT (kind, record_id) DO UPDATE SET hash = excluded.hash",
                                   error)))
    return FALSE;
  _lia_db_bind_int (stmt, 1, (int) kind);
  _lia_db_bind_int64 (stmt, 2, id);
  _lia_db_bind_int64 (stmt, 3, (gint64) hash);

  if (_lia_db_step (stmt) != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self, error, _("Could not save"));
      return FALSE;
    }
  return TRUE;
}

guint64
lia_content_uid_hash (const char *uid)
{
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  g_return_val_if_fail (uid != NULL, 0);

  /* FNV-1a: uids are short. */
  for (const char *c = uid; *c != '\0'; c++)
    h = (h ^ (guint8) *c) * G_GUINT64_CONSTANT (0x100000001b3);
  return h;
}

static int
compare_uid_hashes (gconstpointer a,
                    gconstpointer b)
{
  const LiaUidContentHash *x = a, *y = b;

  if (x->uid_hash != y->uid_hash)
    return x->uid_hash < y->uid_hash ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

GArray *
lia_store_read_content_hashes_by_uid (LiaStore       *self,
                                      LiaRecordKind   kind,
                                      GError        **error)
{
  const LiaRecordOps *ops;
  g_autoptr(LiaStmt) stmt = NULL;
  g_autoptr(GArray) hashes = NULL;
  g_autofree char *sql = NULL;
  int rc;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);
  ops = _lia_record_ops_for_kind (kind);
  g_return_val_if_fail (ops != NULL, NULL);

  sql = g_strdup_printf ("SELECT r.uid, h.record_id, h.hash FROM record_hashes h"
                         " JOIN %s r ON r.id = h.record_id WHERE h.kind = ?1",
                         ops->table);
  if (!(stmt = _lia_store_prepare (self, sql, error)))
    return NULL;
  _lia_db_bind_int (stmt, 1, (int) kind);

  hashes = g_array_new (FALSE, FALSE, sizeof (LiaUidContentHash));
  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    {
      const char *uid = _lia_db_column_text (stmt, 0);
      LiaUidContentHash entry = {
        lia_content_uid_hash (uid != NULL ? uid : ""),
        _lia_db_column_int64 (stmt, 1),
        (guint64) _lia_db_column_int64 (stmt, 2),
      };
      g_array_append_val (hashes, entry);
    }
  if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self, error, _("Could not read the database"));
      return NULL;
    }
  g_array_sort (hashes, compare_uid_hashes);
  return g_steal_pointer (&hashes);
}

const LiaUidContentHash *
lia_uid_content_hashes_lookup (GArray  *hashes,
                               guint64  uid_hash,
                               guint   *out_n)
{
  guint low = 0, high;
  guint n = 0;

  g_return_val_if_fail (hashes != NULL, NULL);

  high = hashes->len;
  /* The first entry not below @uid_hash. */
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (hashes, LiaUidContentHash, middle).uid_hash < uid_hash)
        low = middle + 1;
      else
        high = middle;
    }
  while (low + n < hashes->len && g_array_index (hashes, LiaUidContentHash, low + n).uid_hash == uid_hash)
    n++;
  *out_n = n;
  return n > 0 ? &g_array_index (hashes, LiaUidContentHash, low) : NULL;
}
