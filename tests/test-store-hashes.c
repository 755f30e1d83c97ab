/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lia-store-hashes.h"

/* The content hashes a re-import reads by uid are sorted in place (no second array of a
 * million entries at the peak of a re-import) by a sort of our own: every entry must come out
 * once, in order, and each uid hash must be found with all its entries, whatever the order
 * and the repeats of what the database gave. */

static void
check_sorted (LiaUidContentHash *entries,
              gsize              n,
              gint64             id_sum)
{
  gint64 sum = 0;

  for (gsize i = 0; i < n; i++)
    {
      sum += entries[i].id;
      if (i > 0)
        {
          g_assert_cmpuint (entries[i - 1].uid_hash, <=, entries[i].uid_hash);
          if (entries[i - 1].uid_hash == entries[i].uid_hash)
            g_assert_cmpuint (entries[i - 1].id, <, entries[i].id);
        }
      /* Each entry still carries its own content hash. */
      g_assert_cmpuint (entries[i].hash, ==, (guint64) entries[i].id * 7919);
    }
  g_assert_cmpint (sum, ==, id_sum);
}

typedef enum
{
  ORDER_RANDOM,
  ORDER_FEW_UIDS,
  ORDER_ONE_UID,
  ORDER_ASCENDING,
  ORDER_DESCENDING,
  ORDER_ORGAN_PIPE,
} Order;

static void
test_sort (void)
{
  static const gsize sizes[] = { 0, 1, 2, 3, 16, 17, 100, 1000, 100000 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);

  for (Order order = ORDER_RANDOM; order <= ORDER_ORGAN_PIPE; order++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        gsize n = sizes[s];
        g_autofree LiaUidContentHash *entries = g_new0 (LiaUidContentHash, MAX (n, 1));
        gint64 id_sum = 0;

        for (gsize i = 0; i < n; i++)
          {
            guint32 key;

            switch (order)
              {
              case ORDER_RANDOM:     key = g_rand_int (rand); break;
              case ORDER_FEW_UIDS:   key = g_rand_int_range (rand, 0, 5); break;
              case ORDER_ONE_UID:    key = 42; break;
              case ORDER_ASCENDING:  key = i; break;
              case ORDER_DESCENDING: key = n - i; break;
              case ORDER_ORGAN_PIPE: key = i < n / 2 ? i : n - i; break;
              default:               g_assert_not_reached ();
              }
            /* Ids in no order either (a shuffle of 1..n), as the join returns them. */
            entries[i] = (LiaUidContentHash) { key, (guint32) (i + 1), (guint64) (i + 1) * 7919 };
            id_sum += (gint64) (i + 1);
          }
        for (gsize i = n; i > 1; i--)
          {
            gsize j = g_rand_int_range (rand, 0, (gint32) i);
            guint32 id = entries[i - 1].id;

            if (order == ORDER_ASCENDING || order == ORDER_DESCENDING || order == ORDER_ORGAN_PIPE)
              break; /* keep those orders as they are */
            entries[i - 1].id = entries[j].id;
            entries[j].id = id;
            entries[i - 1].hash = (guint64) entries[i - 1].id * 7919;
            entries[j].hash = (guint64) entries[j].id * 7919;
          }

        _lia_uid_content_hashes_sort (entries, n);
        check_sorted (entries, n, id_sum);

        /* The look-up finds every entry of a uid hash, and nothing for one not there. */
        if (n > 0)
          {
            LiaUidContentHashes hashes = { entries, (guint) n };
            guint32 key = entries[n / 2].uid_hash;
            guint expected = 0, found = 0;
            const LiaUidContentHash *first;

            for (gsize i = 0; i < n; i++)
              expected += entries[i].uid_hash == key;
            first = lia_uid_content_hashes_lookup (&hashes, key, &found);
            g_assert_nonnull (first);
            g_assert_cmpuint (found, ==, expected);
            for (guint i = 0; i < found; i++)
              g_assert_cmpuint (first[i].uid_hash, ==, key);
            g_assert_null (lia_uid_content_hashes_lookup (&hashes, G_MAXUINT32, &found));
            g_assert_cmpuint (found, ==, 0);
          }
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/hashes/sort-in-place", test_sort);
  return g_test_run ();
}
