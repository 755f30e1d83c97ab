/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Contacts sort the way an address book does: by family name (or by given name, a setting),
 * never by their title ("Dr Amina Diallo" is under D, not under "Dr"), accents where the
 * language puts them; in SQL, on a key the store writes with every contact, so that the list
 * stays lazy; a bulk import writes it too, and changing the order re-sorts an open list. */
#include "config.h"

#include <locale.h>

#include "lia-list-model.h"
#include "lia-store-bulk.h"
#include "lia-store-private.h"
#include "lia-test-pg.h"

/* The count @query gives on the fixture's database, a file or a server's. */
static gint64
sql_count (StoreFixture *f,
           const char   *query)
{
  g_autofree char *text = lia_test_pg_sql_text (f, query);

  g_assert_nonnull (text);
  return g_ascii_strtoll (text, NULL, 10);
}

static gint64
add_person (LiaStore   *store,
            const char *honorific,
            const char *given,
            const char *family)
{
  g_autoptr(LiaContact) contact = lia_contact_new (given, family);

  lia_contact_set_honorific (contact, honorific);
  lia_test_save (store, contact);
  return lia_record_get_id (LIA_RECORD (contact));
}

static gint64
add_display_only (LiaStore   *store,
                  const char *display_name)
{
  g_autoptr(LiaContact) contact = lia_contact_new (NULL, NULL);

  lia_contact_set_display_name (contact, display_name);
  lia_test_save (store, contact);
  return lia_record_get_id (LIA_RECORD (contact));
}

/* "Given Family" (or the display name) of each row, joined by " | ". */
static char *
list_names (GListModel *model)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaContact) contact = g_list_model_get_item (model, i);

      if (text->len > 0)
        g_string_append (text, " | ");
      if (lia_contact_get_family_name (contact)[0] != '\0')
        g_string_append_printf (text, "%s %s", lia_contact_get_given_name (contact),
                                lia_contact_get_family_name (contact));
      else
        g_string_append (text, lia_contact_get_display_name (contact));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
seed_people (LiaStore *store)
{
  add_person (store, "Dr", "Amina", "Diallo");
  add_person (store, "Prof.", "Zoé", "Aebi");
  add_person (store, NULL, "Émile", "Favre");
  add_person (store, "Mme", "Anna", "Martinez");
  add_person (store, "M.", "Zoe", "Martin");
  add_person (store, NULL, "bruno", "keller");
  /* Only a display name, titles included. */
  add_display_only (store, "Prof. Dr Claire Blanc");
}

static void
test_family_name (StoreFixture  *f,
                  gconstpointer  data)
{
  g_autoptr(LiaListModel) model = NULL;
  g_autofree char *names = NULL;

  seed_people (f->store);
  model = lia_list_model_new_contacts (f->store, LIA_CONTACT_SORT_FAMILY_NAME);
  names = list_names (G_LIST_MODEL (model));

  /* Dr and Prof. count for nothing, case neither; every Martin before any Martinez. */
  g_assert_cmpstr (names, ==,
                   "Zoé Aebi | Prof. Dr Claire Blanc | Amina Diallo | Émile Favre | bruno keller | "
                   "Zoe Martin | Anna Martinez");
}

static void
test_given_name (StoreFixture  *f,
                 gconstpointer  data)
{
  g_autoptr(LiaListModel) model = NULL;
  g_autofree char *names = NULL;

  seed_people (f->store);
  model = lia_list_model_new_contacts (f->store, LIA_CONTACT_SORT_GIVEN_NAME);
  names = list_names (G_LIST_MODEL (model));

  /* Émile with the Es; the two Zoes by family name. */
  g_assert_cmpstr (names, ==,
                   "Amina Diallo | Anna Martinez | bruno keller | Prof. Dr Claire Blanc | Émile Favre | "
                   "Zoé Aebi | Zoe Martin");
}

typedef struct
{
  guint position, removed, added;
  guint count;
} LastChange;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     LastChange *last)
{
  last->position = position;
  last->removed = removed;
  last->added = added;
  last->count++;
}

static void
test_change_order (StoreFixture  *f,
                   gconstpointer  data)
{
  g_autoptr(LiaListModel) model = NULL;
  g_autofree char *names = NULL;
  g_autoptr(LiaContact) first = NULL;
  LastChange last = { 0 };

  seed_people (f->store);
  model = lia_list_model_new_contacts (f->store, LIA_CONTACT_SORT_FAMILY_NAME);
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (lia_contact_get_family_name (first), ==, "Aebi");

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), &last);
  lia_list_model_set_contact_sort_order (model, LIA_CONTACT_SORT_GIVEN_NAME);
  /* Emptied, then filled: never (0, 7, 7), which would make GTK read every row. */
  g_assert_cmpuint (last.count, ==, 2);
  g_assert_cmpuint (last.position, ==, 0);
  g_assert_cmpuint (last.removed, ==, 0);
  g_assert_cmpuint (last.added, ==, 7);
  names = list_names (G_LIST_MODEL (model));
  g_assert_true (g_str_has_prefix (names, "Amina Diallo | Anna Martinez"));

  /* The same order again changes nothing. */
  lia_list_model_set_contact_sort_order (model, LIA_CONTACT_SORT_GIVEN_NAME);
  g_assert_cmpuint (last.count, ==, 2);

  /* A new contact lands where the new order puts it, and the model says where. */
  add_person (f->store, "Dr", "Bea", "Zimmermann");
  g_assert_cmpuint (last.count, ==, 3);
  g_assert_cmpuint (last.position, ==, 2);
  g_assert_cmpuint (last.added, ==, 1);
}

/* On a server the keys are the whole office's, in the collation `liaison server init`
 * recorded (docs/team-server.md): a desktop in French leaves a server set up in C as it is,
 * and on a server set up in French a command run in C sorts in French. Called in French. */
static void
server_keeps_collation (StoreFixture *f,
                        const char   *old)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaListModel) model = NULL;
  g_autoptr(LiaListModel) french = NULL;
  g_autofree char *names = NULL;
  g_autofree char *french_names = NULL;
  g_autofree char *collation = NULL;
  g_autofree char *french_collation = NULL;

  g_assert_true (lia_store_adopt_collation (f->store, &error));
  g_assert_no_error (error);
  setlocale (LC_COLLATE, old);
  collation = lia_test_pg_sql_text (f, "SELECT locale FROM \"collation\"");
  g_assert_cmpstr (collation, ==, old);
  g_assert_cmpint (sql_count (f, "SELECT count(*) FROM change_log WHERE operation = 'reset'"), ==, 0);
  add_person (f->store, NULL, "Ana", "Écart");
  model = lia_list_model_new_contacts (f->store, LIA_CONTACT_SORT_FAMILY_NAME);
  names = list_names (G_LIST_MODEL (model));
  g_assert_cmpstr (names, ==, "Ana Écart | Paul Eckert | Éva Écuyer | Marc Edwards | Jean Zola | Lou Œuvray");
  g_clear_object (&model);

  /* A new database, set up by an office in French. */
  lia_test_pg_fixture_teardown (f, NULL);
  setlocale (LC_COLLATE, "fr_FR.UTF-8");
  lia_test_pg_fixture_setup (f, NULL);
  setlocale (LC_COLLATE, old);
  french_collation = lia_test_pg_sql_text (f, "SELECT locale FROM \"collation\"");
  g_assert_cmpstr (french_collation, ==, "fr_FR.UTF-8");
  add_person (f->store, NULL, "Jean", "Zola");
  add_person (f->store, NULL, "Éva", "Écuyer");
  add_person (f->store, NULL, "Paul", "Eckert");
  add_person (f->store, NULL, "Marc", "Edwards");
  add_person (f->store, "Mlle", "Lou", "Œuvray");
  add_person (f->store, NULL, "Odile", "Oeillet");
  add_person (f->store, NULL, "Ana", "Écart");
  french = lia_list_model_new_contacts (f->store, LIA_CONTACT_SORT_FAMILY_NAME);
  french_names = list_names (G_LIST_MODEL (french));
  g_assert_cmpstr (french_names, ==,
                   "Ana Écart | Paul Eckert | Éva Écuyer | Marc Edwards | Odile Oeillet | Lou Œuvray | Jean Zola");
}

static void
test_locale_collation (StoreFixture  *f,
                       gconstpointer  data)
{
  g_autoptr(LiaListModel) model = NULL;
  g_autoptr(LiaListModel) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  g_autofree char *names_again = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *collation = NULL;
  g_autofree char *old = g_strdup (setlocale (LC_COLLATE, NULL));
  LiaStore *terminal;
  LastChange last = { 0 };

  /* Made in C, where there is no collation: accents and ligatures fold or go last. */
  add_person (f->store, NULL, "Jean", "Zola");
  add_person (f->store, NULL, "Éva", "Écuyer");
  add_person (f->store, NULL, "Paul", "Eckert");
  add_person (f->store, NULL, "Marc", "Edwards");
  add_person (f->store, "Mlle", "Lou", "Œuvray");
  model = lia_list_model_new_contacts (f->store, LIA_CONTACT_SORT_FAMILY_NAME);
  folded = list_names (G_LIST_MODEL (model));
  g_assert_cmpstr (folded, ==, "Paul Eckert | Éva Écuyer | Marc Edwards | Jean Zola | Lou Œuvray");
  g_clear_object (&model);

  if (setlocale (LC_COLLATE, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("No fr_FR.UTF-8 locale (build-aux/dev generates it)");
      return;
    }

  if (pg_cluster != NULL)
    {
      server_keeps_collation (f, old);
      return;
    }

  /* The desktop is in French now: the window makes every key again, in French. */
  g_assert_true (lia_store_adopt_collation (f->store, &error));
  g_assert_no_error (error);
  setlocale (LC_COLLATE, old);
  collation = lia_test_pg_sql_text (f, "SELECT locale FROM \"collation\"");
  g_assert_cmpstr (collation, ==, "fr_FR.UTF-8");
  /* A collation is nobody's edit: nothing in the change log (other windows notice it). */
  g_assert_cmpint (sql_count (f, "SELECT count(*) FROM change_log WHERE operation = 'reset'"), ==, 0);

  model = lia_list_model_new_contacts (f->store, LIA_CONTACT_SORT_FAMILY_NAME);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), &last);
  add_person (f->store, NULL, "Ana", "Écart");
  names = list_names (G_LIST_MODEL (model));
  g_assert_cmpstr (names, ==,
                   "Ana Écart | Paul Eckert | Éva Écuyer | Marc Edwards | Lou Œuvray | Jean Zola");
  /* The key the model computes for a new row is the one SQL sorts by. */
  g_assert_cmpuint (last.position, ==, 0);
  g_assert_cmpuint (last.added, ==, 1);

  /* A command run in C (a script, the terminal) writes keys in the database's collation. */
  terminal = lia_test_open (f->path);
  add_person (terminal, NULL, "Odile", "Oeillet");
  g_assert_finalize_object (G_OBJECT (terminal));
  again = lia_list_model_new_contacts (f->store, LIA_CONTACT_SORT_FAMILY_NAME);
  names_again = list_names (G_LIST_MODEL (again));
  g_assert_cmpstr (names_again, ==,
                   "Ana Écart | Paul Eckert | Éva Écuyer | Marc Edwards | Odile Oeillet | Lou Œuvray | Jean Zola");

  /* Adopting the collation the database already has changes nothing. */
  setlocale (LC_COLLATE, "fr_FR.UTF-8");
  g_assert_true (lia_store_adopt_collation (f->store, &error));
  setlocale (LC_COLLATE, old);
  g_assert_cmpint (sql_count (f, "SELECT count(*) FROM change_log WHERE operation = 'reset'"), ==, 0);
}

/* Five people whose order differs between C (accents and ligatures fold or go last) and French. */
static void
seed_french_names (LiaStore *store)
{
  add_person (store, NULL, "Jean", "Zola");
  add_person (store, NULL, "Éva", "Écuyer");
  add_person (store, NULL, "Paul", "Eckert");
  add_person (store, NULL, "Marc", "Edwards");
  add_person (store, "Mlle", "Lou", "Œuvray");
}

#define C_ORDER "Paul Eckert | Éva Écuyer | Marc Edwards | Jean Zola | Lou Œuvray"
#define FRENCH_ORDER "Paul Eckert | Éva Écuyer | Marc Edwards | Lou Œuvray | Jean Zola"

/* What else a re-keying could write: the change log, the field history, the assessments'
 * history, the contacts' edit times and versions, the sync hashes, and the indexes on the keys. */
#define WRITTEN_BESIDES_KEYS \
  "SELECT (SELECT count(*) FROM change_log) || '/' || (SELECT count(*) FROM field_history)" \
  " || '/' || (SELECT count(*) FROM assessment_history) || '/' || (SELECT count(*) FROM record_hashes)" \
  " || '/' || (SELECT group_concat (updated_at || ':' || version) FROM contacts)" \
  " || '/' || (SELECT group_concat (name) FROM (SELECT name FROM sqlite_master" \
  "   WHERE type = 'index' AND tbl_name = 'contacts' ORDER BY name))"

/* On a team server, which is never re-keyed (/contact-sort/locale-collation checks that), the
 * test is skipped. */
static gboolean
on_server (void)
{
  if (pg_cluster == NULL)
    return FALSE;
  g_test_skip ("A team server keeps its collation (/contact-sort/locale-collation)");
  return TRUE;
}

/* Switches LC_COLLATE to French; FALSE (and the test skipped) without the locale. */
static gboolean
enter_french (StoreFixture *f)
{
  if (setlocale (LC_COLLATE, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("No fr_FR.UTF-8 locale (build-aux/dev generates it)");
      return FALSE;
    }
  return TRUE;
}

/* The five French names saved in C, then LC_COLLATE in French (@old: the locale before, to
 * put back): the set-up of a re-keying. FALSE (the test skipped) on a team server or
 * without the locale. */
static gboolean
seed_then_enter_french (StoreFixture  *f,
                        char         **old)
{
  if (on_server ())
    return FALSE;
  seed_french_names (f->store);
  *old = g_strdup (setlocale (LC_COLLATE, NULL));
  return enter_french (f);
}

/* The four indexes on the contacts' keys are all there. */
static void
assert_key_indexes (StoreFixture *f)
{
  g_assert_cmpint (sql_count (f, "SELECT count(*) FROM sqlite_master WHERE type = 'index'"
                                 " AND name IN ('contacts_by_family_name', 'contacts_by_given_name',"
                                 " 'contacts_by_cell_family', 'contacts_by_cell_given')"), ==, 4);
}

#define FRENCH_ORDER_WITH_ODILE \
  "Paul Eckert | Éva Écuyer | Marc Edwards | Odile Oeillet | Lou Œuvray | Jean Zola"

static void
test_adopt_writes_keys_only (StoreFixture  *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaListModel) model = NULL;
  g_autofree char *old = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *names = NULL;
  g_autofree char *keys_before = NULL;
  g_autofree char *keys_after = NULL;

  if (!seed_then_enter_french (f, &old))
    return;
  before = lia_test_pg_sql_text (f, WRITTEN_BESIDES_KEYS);
  keys_before = lia_test_pg_sql_text (f, "SELECT group_concat (hex (family_sort_key)) FROM contacts");
  g_assert_false (lia_store_get_collation_current (f->store));
  g_assert_true (lia_store_adopt_collation (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (lia_store_get_collation_current (f->store));
  setlocale (LC_COLLATE, old);

  /* The keys and nothing else: no history, no change-log row, the same edit times. */
  after = lia_test_pg_sql_text (f, WRITTEN_BESIDES_KEYS);
  g_assert_cmpstr (after, ==, before);
  keys_after = lia_test_pg_sql_text (f, "SELECT group_concat (hex (family_sort_key)) FROM contacts");
  g_assert_cmpstr (keys_after, !=, keys_before);
  /* Every contact in the new order, by either key, from the indexes built again. */
  g_assert_cmpint (sql_count (f, "SELECT count(*) FROM contacts INDEXED BY contacts_by_family_name"
                                 " WHERE family_sort_key > ''"), ==, 5);
  model = lia_list_model_new_contacts (f->store, LIA_CONTACT_SORT_FAMILY_NAME);
  names = list_names (G_LIST_MODEL (model));
  g_assert_cmpstr (names, ==, FRENCH_ORDER);
  g_clear_pointer (&names, g_free);
  lia_list_model_set_contact_sort_order (model, LIA_CONTACT_SORT_GIVEN_NAME);
  names = list_names (G_LIST_MODEL (model));
  g_assert_cmpstr (names, ==, "Éva Écuyer | Jean Zola | Lou Œuvray | Marc Edwards | Paul Eckert");
}

/* A failure in the middle (here the last contact's new key is refused) leaves every old key,
 * the old collation and the indexes: the re-keying is one transaction. */
static void
test_adopt_failure_keeps_old_keys (StoreFixture  *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaListModel) model = NULL;
  g_autofree char *old = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *names = NULL;
  g_autofree char *collation = NULL;

  if (!seed_then_enter_french (f, &old))
    return;
  lia_test_pg_sql (f, "CREATE TRIGGER refuse_last_key BEFORE UPDATE OF family_sort_key ON contacts"
                      "  WHEN old.id = (SELECT max (id) FROM contacts)"
                      "  BEGIN SELECT RAISE (ABORT, 'refused'); END");
  before = lia_test_pg_sql_text (f, "SELECT group_concat (id || ':' || hex (family_sort_key) || ':'"
                                    " || hex (given_sort_key)) FROM contacts");
  g_assert_false (lia_store_adopt_collation (f->store, &error));
  g_assert_nonnull (error);
  g_assert_false (lia_store_get_collation_current (f->store));
  setlocale (LC_COLLATE, old);

  after = lia_test_pg_sql_text (f, "SELECT group_concat (id || ':' || hex (family_sort_key) || ':'"
                                   " || hex (given_sort_key)) FROM contacts");
  g_assert_cmpstr (after, ==, before);
  collation = lia_test_pg_sql_text (f, "SELECT locale FROM \"collation\"");
  g_assert_cmpstr (collation, ==, old);
  assert_key_indexes (f);
  /* And this connection still writes keys that fit the old ones. */
  add_person (f->store, NULL, "Odile", "Oeillet");
  model = lia_list_model_new_contacts (f->store, LIA_CONTACT_SORT_FAMILY_NAME);
  names = list_names (G_LIST_MODEL (model));
  g_assert_cmpstr (names, ==, "Paul Eckert | Éva Écuyer | Marc Edwards | Odile Oeillet | Jean Zola | Lou Œuvray");
}

static void
on_adopted_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GError **error = user_data;

  if (!lia_store_adopt_collation_finish (LIA_STORE (source), result, error))
    g_assert_nonnull (*error);
  *(gboolean *) g_object_get_data (source, "adopted") = TRUE;
}

/* In a thread, on a connection of its own: the store's list keeps the old order, whole, until
 * the commit, then sorts again with one reset; another connection (a command in C) then writes
 * keys in French, and a list there sorts again too. */
static void
test_adopt_in_background (StoreFixture  *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaListModel) model = NULL;
  g_autoptr(LiaListModel) other_model = NULL;
  g_autoptr(LiaStore) other = NULL;
  g_autofree char *old = g_strdup (setlocale (LC_COLLATE, NULL));
  g_autofree char *names = NULL;
  g_autofree char *other_names = NULL;
  LastChange last = { 0 }, other_last = { 0 };
  gboolean adopted = FALSE;

  if (on_server ())
    return;
  seed_french_names (f->store);
  model = lia_list_model_new_contacts (f->store, LIA_CONTACT_SORT_FAMILY_NAME);
  names = list_names (G_LIST_MODEL (model));
  g_assert_cmpstr (names, ==, C_ORDER);
  g_clear_pointer (&names, g_free);
  other = lia_test_open (f->path);
  other_model = lia_list_model_new_contacts (other, LIA_CONTACT_SORT_FAMILY_NAME);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (other_model)), ==, 5);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), &last);
  g_signal_connect (other_model, "items-changed", G_CALLBACK (on_items_changed_cb), &other_last);
  if (!enter_french (f))
    return;
  g_object_set_data (G_OBJECT (f->store), "adopted", &adopted);
  lia_store_adopt_collation_async (f->store, NULL, on_adopted_cb, &error);
  setlocale (LC_COLLATE, old);
  g_assert_false (adopted);
  while (!adopted)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (error);

  /* One reset: emptied and filled again (two items-changed), in French. */
  g_assert_cmpuint (last.count, ==, 2);
  g_assert_cmpuint (last.position, ==, 0);
  g_assert_cmpuint (last.added, ==, 5);
  names = list_names (G_LIST_MODEL (model));
  g_assert_cmpstr (names, ==, FRENCH_ORDER);

  /* The other connection, opened in C before: it notices the new collation, its list sorts
   * again, and what it writes sorts in French. */
  g_assert_true (lia_store_check_outside_changes (other, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (other_last.count, ==, 2);
  add_person (other, NULL, "Odile", "Oeillet");
  other_names = list_names (G_LIST_MODEL (other_model));
  g_assert_cmpstr (other_names, ==, FRENCH_ORDER_WITH_ODILE);
  g_object_set_data (G_OBJECT (f->store), "adopted", NULL);
}

/* Holds the re-keying in its transaction (keys made, indexes dropped) the first time, until a
 * writer asks for the lock; a re-keying nobody can stop is let go after a minute, when the
 * save has long failed on the lock. */
typedef struct
{
  GMutex lock;
  GCond  cond;
  guint  calls;
} Hold;

static void
hold_rekeying (const gint *stop,
               gpointer    user_data)
{
  Hold *hold = user_data;
  gint64 end = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;
  guint calls;

  g_mutex_lock (&hold->lock);
  calls = ++hold->calls;
  g_cond_broadcast (&hold->cond);
  g_mutex_unlock (&hold->lock);
  if (calls == 1)
    while (!g_atomic_int_get (stop) && g_get_monotonic_time () < end)
      g_usleep (1000);
}

/* A save from the window while its contacts are re-sorted for a new language: it lands at
 * once instead of waiting for the lock and failing with "database is locked"; the re-keying
 * starts again after it, and every key ends in French, the new contact's too. */
static void
test_save_while_rekeying (StoreFixture  *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaListModel) model = NULL;
  g_autofree char *old = NULL;
  g_autofree char *names = NULL;
  g_autofree char *collation = NULL;
  Hold hold = { 0 };
  gboolean adopted = FALSE;

  if (!seed_then_enter_french (f, &old))
    return;
  _lia_store_set_rekey_hook (hold_rekeying, &hold);
  g_object_set_data (G_OBJECT (f->store), "adopted", &adopted);
  lia_store_adopt_collation_async (f->store, NULL, on_adopted_cb, &error);
  setlocale (LC_COLLATE, old);

  /* The re-keying holds the write lock. */
  g_mutex_lock (&hold.lock);
  while (hold.calls == 0)
    g_cond_wait (&hold.cond, &hold.lock);
  g_mutex_unlock (&hold.lock);
  add_person (f->store, NULL, "Odile", "Oeillet");

  while (!adopted)
    g_main_context_iteration (NULL, TRUE);
  _lia_store_set_rekey_hook (NULL, NULL);
  g_object_set_data (G_OBJECT (f->store), "adopted", NULL);
  g_assert_no_error (error);

  /* Stopped for the save, then done again from the start, with the saved contact. */
  g_assert_cmpuint (hold.calls, ==, 2);
  collation = lia_test_pg_sql_text (f, "SELECT locale FROM \"collation\"");
  g_assert_cmpstr (collation, ==, "fr_FR.UTF-8");
  assert_key_indexes (f);
  model = lia_list_model_new_contacts (f->store, LIA_CONTACT_SORT_FAMILY_NAME);
  names = list_names (G_LIST_MODEL (model));
  g_assert_cmpstr (names, ==, FRENCH_ORDER_WITH_ODILE);
  g_clear_pointer (&names, g_free);
  lia_list_model_set_contact_sort_order (model, LIA_CONTACT_SORT_GIVEN_NAME);
  names = list_names (G_LIST_MODEL (model));
  g_assert_cmpstr (names, ==, "Éva Écuyer | Jean Zola | Lou Œuvray | Marc Edwards | Odile Oeillet | Paul Eckert");
}

/* A writer of this process asks for the lock, once, as the re-keying starts its indexes. */
typedef struct
{
  LiaStore *writer;
  guint     calls;
} AskOnce;

static void
ask_for_the_lock_once (const gint *stop,
                       gpointer    user_data)
{
  AskOnce *ask = user_data;

  if (++ask->calls == 1)
    {
      _lia_store_writer_enter (ask->writer);
      _lia_store_writer_leave (ask->writer);
    }
}

/* lia_store_adopt_collation() called inside the caller's own transaction is not stopped by
 * another writer of the process: stopping it would interrupt a write, and SQLite rolls back
 * the whole transaction of an interrupted write, the caller's own writes with it. It runs to
 * its end once; the caller's contact and every key are there after the commit. */
static void
test_adopt_in_callers_transaction (StoreFixture  *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaStore) other = NULL;
  g_autoptr(LiaListModel) model = NULL;
  g_autofree char *old = NULL;
  g_autofree char *names = NULL;
  AskOnce ask = { 0 };

  if (!seed_then_enter_french (f, &old))
    return;
  other = lia_test_open (f->path);
  ask.writer = other;
  g_assert_true (lia_store_begin (f->store, &error));
  add_person (f->store, NULL, "Odile", "Oeillet");
  _lia_store_set_rekey_hook (ask_for_the_lock_once, &ask);
  g_assert_true (lia_store_adopt_collation (f->store, &error));
  _lia_store_set_rekey_hook (NULL, NULL);
  g_assert_no_error (error);
  setlocale (LC_COLLATE, old);
  g_assert_cmpuint (ask.calls, ==, 1);
  g_assert_true (lia_store_in_transaction (f->store));
  g_assert_true (lia_store_commit (f->store, &error));
  g_assert_no_error (error);

  assert_key_indexes (f);
  model = lia_list_model_new_contacts (f->store, LIA_CONTACT_SORT_FAMILY_NAME);
  names = list_names (G_LIST_MODEL (model));
  g_assert_cmpstr (names, ==, FRENCH_ORDER_WITH_ODILE);
}

/* Another connection's first save after the re-keying reads the new collation (in its
 * transaction, lia_store_begin()) and writes its keys in French; its list still sorts again
 * when it next looks for outside changes: one reset, to the French order. */
static void
test_save_elsewhere_after_adopt (StoreFixture  *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaStore) other = NULL;
  g_autoptr(LiaListModel) other_model = NULL;
  g_autofree char *old = NULL;
  g_autofree char *names = NULL;
  LastChange last = { 0 };

  if (!seed_then_enter_french (f, &old))
    return;
  other = lia_test_open (f->path);
  other_model = lia_list_model_new_contacts (other, LIA_CONTACT_SORT_FAMILY_NAME);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (other_model)), ==, 5);
  g_signal_connect (other_model, "items-changed", G_CALLBACK (on_items_changed_cb), &last);
  g_assert_true (lia_store_adopt_collation (f->store, &error));
  g_assert_no_error (error);
  setlocale (LC_COLLATE, old);

  add_person (other, NULL, "Odile", "Oeillet");
  g_assert_true (lia_store_check_outside_changes (other, &error));
  g_assert_no_error (error);
  /* The last change is the reset's filling: every row, from the top. */
  g_assert_cmpuint (last.position, ==, 0);
  g_assert_cmpuint (last.added, ==, 6);
  names = list_names (G_LIST_MODEL (other_model));
  g_assert_cmpstr (names, ==, FRENCH_ORDER_WITH_ODILE);
}

static void
test_bulk_import (StoreFixture  *f,
                  gconstpointer  data)
{
  g_autoptr(LiaListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;

  g_assert_true (lia_store_begin (f->store, &error));
  g_assert_true (lia_store_begin_bulk_load (f->store, &error));
  seed_people (f->store);
  g_assert_true (lia_store_end_bulk_load (f->store, &error));
  g_assert_true (lia_store_commit (f->store, &error));
  g_assert_no_error (error);

  /* What an import wrote sorts like what a person typed. */
  g_assert_cmpint (sql_count (f, "SELECT count(*) FROM contacts"
                                              " WHERE family_sort_key = '' OR given_sort_key = ''"), ==, 0);
  model = lia_list_model_new_contacts (f->store, LIA_CONTACT_SORT_FAMILY_NAME);
  names = list_names (G_LIST_MODEL (model));
  g_assert_true (g_str_has_prefix (names, "Zoé Aebi | Prof. Dr Claire Blanc | Amina Diallo"));
}

int
main (int   argc,
      char *argv[])
{
  int skip = 0;

  if (!lia_test_pg_init (&argc, &argv, &skip))
    return skip;

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, lia_test_pg_fixture_setup, func, lia_test_pg_fixture_teardown)

  ADD ("/contact-sort/family-name", test_family_name);
  ADD ("/contact-sort/given-name", test_given_name);
  ADD ("/contact-sort/change-order", test_change_order);
  ADD ("/contact-sort/locale-collation", test_locale_collation);
  ADD ("/contact-sort/bulk-import", test_bulk_import);
  ADD ("/contact-sort/adopt-writes-keys-only", test_adopt_writes_keys_only);
  ADD ("/contact-sort/adopt-failure-keeps-old-keys", test_adopt_failure_keeps_old_keys);
  ADD ("/contact-sort/adopt-in-background", test_adopt_in_background);
  ADD ("/contact-sort/save-while-rekeying", test_save_while_rekeying);
  ADD ("/contact-sort/save-elsewhere-after-adopt", test_save_elsewhere_after_adopt);
  ADD ("/contact-sort/adopt-in-callers-transaction", test_adopt_in_callers_transaction);

#undef ADD

  return g_test_run ();
}
