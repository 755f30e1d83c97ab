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
