/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-store"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-store-hashes.h"
#include "lia-store-private.h"

/* How many hashes of @kind there are, to read them into an array of that size: a GArray
 * reserves a power of two (24 MB of entries would take 32 MiB) and grows by
 * doubling. 0 on an error, which the read that follows reports. */
static guint
count_content_hashes (LiaStore      *self,
                      LiaRecordKind  kind)
{
  g_autoptr(LiaStmt) stmt = NULL;
  gint64 n = 0;

  if (!(stmt = _lia_store_prepare (self, "SELECT count(*) FROM record_hashes WHERE kind = ?1", NULL)))
    return 0;
  _lia_db_bind_int (stmt, 1, (int) kind);
  if (_lia_db_step (stmt) == LIA_DB_ROW)
    n = _lia_db_column_int64 (stmt, 0);
  return (guint) CLAMP (n, 0, G_MAXUINT);
}

/* Room for one more entry of @size bytes in @entries (*@alloc of them): only when the rows
 * outnumber the count read before them (another client of a team server saved meanwhile). */
static gpointer
grow_entries (gpointer  entries,
              gsize     size,
              guint     len,
              guint    *alloc)
{
  if (len < *alloc)
    return entries;
  *alloc = MAX (16, *alloc + *alloc / 4);
  return g_realloc_n (entries, *alloc, size);
}

LiaContentHashes *
lia_store_read_content_hashes (LiaStore       *self,
                               LiaRecordKind   kind,
                               GError        **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  g_autoptr(LiaContentHashes) hashes = NULL;
  guint alloc;
  int rc;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);

  if (!(stmt = _lia_store_prepare (self,
                                   "SELECT record_id, hash FROM record_hashes WHERE kind = ?1"
                                   " ORDER BY record_id",
                                   error)))
    return NULL;
  _lia_db_bind_int (stmt, 1, (int) kind);

  alloc = count_content_hashes (self, kind);
  hashes = g_new0 (LiaContentHashes, 1);
  hashes->entries = g_new (LiaContentHash, alloc);
  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    {
      hashes->entries = grow_entries (hashes->entries, sizeof (LiaContentHash), hashes->len, &alloc);
      hashes->entries[hashes->len++] = (LiaContentHash) {
        _lia_db_column_int64 (stmt, 0),
        (guint64) _lia_db_column_int64 (stmt, 1),
      };
    }
  if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self, error, _("Could not read the database"));
      return NULL;
    }
  return g_steal_pointer (&hashes);
}

void
lia_content_hashes_free (LiaContentHashes *hashes)
{
  if (hashes == NULL)
    return;
  g_free (hashes->entries);
  g_free (hashes);
}

gboolean
lia_content_hashes_lookup (LiaContentHashes *hashes,
                           gint64            id,
                           guint64          *out_hash)
{
  guint low = 0, high;

  g_return_val_if_fail (hashes != NULL, FALSE);

  high = hashes->len;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      const LiaContentHash *entry = &hashes->entries[middle];

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

guint32
lia_content_uid_hash (const char *uid)
{
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  g_return_val_if_fail (uid != NULL, 0);

  /* FNV-1a: uids are short. */
  for (const char *c = uid; *c != '\0'; c++)
    h = (h ^ (guint8) *c) * G_GUINT64_CONSTANT (0x100000001b3);
  /* Folded to 32 bits: among a million uids, about one look-up in 4,300 finds another uid's
   * entry too, and compares one more content hash. */
  return (guint32) (h ^ (h >> 32));
}

static inline gboolean
uid_hash_less (const LiaUidContentHash *x,
               const LiaUidContentHash *y)
{
  return x->uid_hash != y->uid_hash ? x->uid_hash < y->uid_hash : x->id < y->id;
}

static inline void
swap_uid_hashes (LiaUidContentHash *x,
                 LiaUidContentHash *y)
{
  LiaUidContentHash t = *x;
  *x = *y;
  *y = t;
}

static void
insertion_sort_uid_hashes (LiaUidContentHash *a,
                           gsize              n)
{
  for (gsize i = 1; i < n; i++)
    {
      LiaUidContentHash t = a[i];
      gsize j = i;

      for (; j > 0 && uid_hash_less (&t, &a[j - 1]); j--)
        a[j] = a[j - 1];
      a[j] = t;
    }
}

static void
sift_down_uid_hashes (LiaUidContentHash *a,
                      gsize              root,
                      gsize              n)
{
  for (gsize child; (child = 2 * root + 1) < n; root = child)
    {
      if (child + 1 < n && uid_hash_less (&a[child], &a[child + 1]))
        child++;
      if (!uid_hash_less (&a[root], &a[child]))
        return;
      swap_uid_hashes (&a[root], &a[child]);
    }
}

static void
heap_sort_uid_hashes (LiaUidContentHash *a,
                      gsize              n)
{
  for (gsize i = n / 2; i-- > 0;)
    sift_down_uid_hashes (a, i, n);
  for (gsize end = n; end-- > 1;)
    {
      swap_uid_hashes (&a[0], &a[end]);
      sift_down_uid_hashes (a, 0, end);
    }
}

/* In place: g_array_sort() is a merge sort that takes a second array as large as the first
 * (16 MB more at the peak of a re-import of the million interactions). A quicksort that
 * recurses into the smaller part (a stack of log2 n frames), a heap sort past twice that
 * depth (no quadratic case, whatever uids a file holds), an insertion sort for short runs. */
static void
intro_sort_uid_hashes (LiaUidContentHash *a,
                       gsize              n,
                       guint              depth)
{
  while (n > 16)
    {
      LiaUidContentHash pivot;
      gsize middle = n / 2, i = 0, j = n - 1;

      if (depth-- == 0)
        {
          heap_sort_uid_hashes (a, n);
          return;
        }

      /* The median of the first, middle and last as the pivot. */
      if (uid_hash_less (&a[middle], &a[0]))
        swap_uid_hashes (&a[middle], &a[0]);
      if (uid_hash_less (&a[n - 1], &a[0]))
        swap_uid_hashes (&a[n - 1], &a[0]);
      if (uid_hash_less (&a[n - 1], &a[middle]))
        swap_uid_hashes (&a[n - 1], &a[middle]);
      pivot = a[middle];

      /* Hoare's partition: a[0..j] <= pivot <= a[j+1..n-1], both parts not empty. */
      for (;;)
        {
          while (uid_hash_less (&a[i], &pivot))
            i++;
          while (uid_hash_less (&pivot, &a[j]))
            j--;
          if (i >= j)
            break;
          swap_uid_hashes (&a[i], &a[j]);
          i++;
          j--;
        }

      if (j + 1 < n - (j + 1))
        {
          intro_sort_uid_hashes (a, j + 1, depth);
          a += j + 1;
          n -= j + 1;
        }
      else
        {
          intro_sort_uid_hashes (a + j + 1, n - (j + 1), depth);
          n = j + 1;
        }
    }
  insertion_sort_uid_hashes (a, n);
}

void
_lia_uid_content_hashes_sort (LiaUidContentHash *entries,
                              gsize              n)
{
  guint depth = 0;

  for (gsize m = n; m > 1; m >>= 1)
    depth += 2;
  intro_sort_uid_hashes (entries, n, depth);
}

LiaUidContentHashes *
lia_store_read_content_hashes_by_uid (LiaStore       *self,
                                      LiaRecordKind   kind,
                                      GError        **error)
{
  const LiaRecordOps *ops;
  g_autoptr(LiaStmt) stmt = NULL;
  g_autoptr(LiaUidContentHashes) hashes = NULL;
  g_autofree char *sql = NULL;
  guint alloc;
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

  alloc = count_content_hashes (self, kind);
  hashes = g_new0 (LiaUidContentHashes, 1);
  hashes->entries = g_new (LiaUidContentHash, alloc);
  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    {
      const char *uid = _lia_db_column_text (stmt, 0);
      gint64 id = _lia_db_column_int64 (stmt, 1);

      if (id <= 0 || id > G_MAXUINT32)
        continue;
      hashes->entries = grow_entries (hashes->entries, sizeof (LiaUidContentHash), hashes->len, &alloc);
      hashes->entries[hashes->len++] = (LiaUidContentHash) {
        lia_content_uid_hash (uid != NULL ? uid : ""),
        (guint32) id,
        (guint64) _lia_db_column_int64 (stmt, 2),
      };
    }
  if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self, error, _("Could not read the database"));
      return NULL;
    }
  _lia_uid_content_hashes_sort (hashes->entries, hashes->len);
  return g_steal_pointer (&hashes);
}

void
lia_uid_content_hashes_free (LiaUidContentHashes *hashes)
{
  if (hashes == NULL)
    return;
  g_free (hashes->entries);
  g_free (hashes);
}

const LiaUidContentHash *
lia_uid_content_hashes_lookup (LiaUidContentHashes *hashes,
                               guint32              uid_hash,
                               guint               *out_n)
{
  guint low = 0, high;
  guint n = 0;

  g_return_val_if_fail (hashes != NULL, NULL);

  high = hashes->len;
  /* The first entry not below @uid_hash. */
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (hashes->entries[middle].uid_hash < uid_hash)
        low = middle + 1;
      else
        high = middle;
    }
  while (low + n < hashes->len && hashes->entries[low + n].uid_hash == uid_hash)
    n++;
  *out_n = n;
  return n > 0 ? &hashes->entries[low] : NULL;
}
