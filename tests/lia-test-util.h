/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Helpers shared by the store and list-model tests: a fixture with a fresh database in a
 * temporary folder, raw SQLite access for what the store must refuse or survive, and small
 * builders for seeded data. Header-only so that every test stays one file. */

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "lia-store.h"
#include "lia-store-reports.h"

G_BEGIN_DECLS

typedef struct
{
  char     *dir;
  char     *path;
  LiaStore *store;
} StoreFixture;

static inline void
lia_test_remove_recursive (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      if (dir != NULL)
        while ((name = g_dir_read_name (dir)) != NULL)
          {
            g_autofree char *child = g_build_filename (path, name, NULL);
            lia_test_remove_recursive (child);
          }
      if (g_rmdir (path) != 0)
        g_printerr ("could not remove %s: %s\n", path, g_strerror (errno));
    }
  else if (g_unlink (path) != 0)
    g_printerr ("could not remove %s: %s\n", path, g_strerror (errno));
}

static inline LiaStore *
lia_test_open (const char *path)
{
  g_autoptr(GError) error = NULL;
  LiaStore *store = lia_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static inline void
store_fixture_setup (StoreFixture  *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("liaison-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "liaison.db", NULL);
  f->store = lia_test_open (f->path);
}

static inline void
store_fixture_teardown (StoreFixture  *f,
                        gconstpointer  data)
{
  if (f->store != NULL)
    g_assert_finalize_object (G_OBJECT (g_steal_pointer (&f->store)));
  lia_test_remove_recursive (f->dir);
  g_clear_pointer (&f->path, g_free);
  g_clear_pointer (&f->dir, g_free);
}

/* Closes the store (and proves nothing else holds it), then opens the file again: what a user
 * sees after restarting the application. */
static inline void
lia_test_reopen (StoreFixture *f)
{
  if (f->store != NULL)
    g_assert_finalize_object (G_OBJECT (g_steal_pointer (&f->store)));
  f->store = lia_test_open (f->path);
}

static inline void
lia_test_close (StoreFixture *f)
{
  if (f->store != NULL)
    g_assert_finalize_object (G_OBJECT (g_steal_pointer (&f->store)));
}

/* Raw SQLite, bypassing the store. */
static inline sqlite3 *
lia_test_raw_open (const char *path,
                   gboolean    create)
{
  sqlite3 *db = NULL;
  int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
  int rc = sqlite3_open_v2 (path, &db, flags, NULL);

  if (rc != SQLITE_OK)
    g_error ("raw open of %s failed: %s", path, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  sqlite3_busy_timeout (db, 5000);
  return db;
}

/* Runs @sql on the file at @path; returns the SQLite result code and the message in @errmsg. */
static inline int
lia_test_sql_try (const char  *path,
                  const char  *sql,
                  char       **errmsg_out)
{
  sqlite3 *db = lia_test_raw_open (path, FALSE);
  char *errmsg = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &errmsg);

  if (errmsg_out != NULL)
    *errmsg_out = g_strdup (errmsg);
  sqlite3_free (errmsg);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return rc;
}

static inline void
lia_test_sql (const char *path,
              const char *sql)
{
  g_autofree char *errmsg = NULL;
  int rc = lia_test_sql_try (path, sql, &errmsg);

  if (rc != SQLITE_OK)
    g_error ("raw SQL failed (%s): %s", sql, errmsg);
}

/* The first column of the first row of @query, as an integer (-1 when there is no row). */
static inline gint64
lia_test_sql_int (const char *path,
                  const char *query)
{
  sqlite3 *db = lia_test_raw_open (path, FALSE);
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;
  int rc;

  rc = sqlite3_prepare_v2 (db, query, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_error ("raw query failed (%s): %s", query, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return value;
}

static inline char *
lia_test_sql_text (const char *path,
                   const char *query)
{
  sqlite3 *db = lia_test_raw_open (path, FALSE);
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (db, query, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("raw query failed (%s): %s", query, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return value;
}

static inline char *
lia_test_file_checksum (const char *path,
                        gsize      *out_size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  if (out_size != NULL)
    *out_size = len;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

static inline guint
lia_test_file_mode (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    g_error ("stat %s: %s", path, g_strerror (errno));
  return st.st_mode & 07777;
}

static inline GDateTime *
lia_test_at (const char *iso8601)
{
  GDateTime *dt = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (dt);
  return dt;
}

static inline GDate *
lia_test_date (int year,
               int month,
               int day)
{
  return g_date_new_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* Today + @days, local time. */
static inline GDate *
lia_test_date_from_today (int days)
{
  GDate *date = lia_date_new_today ();

  if (days > 0)
    g_date_add_days (date, (guint) days);
  else if (days < 0)
    g_date_subtract_days (date, (guint) -days);
  return date;
}

static inline gint64
lia_test_count (LiaStore      *store,
                LiaRecordKind  kind)
{
  g_autoptr(GError) error = NULL;
  LiaStoreCounts counts = { 0, };

  g_assert_true (lia_store_get_counts (store, &counts, &error));
  g_assert_no_error (error);
  switch (kind)
    {
    case LIA_RECORD_KIND_ORGANIZATION: return counts.organizations;
    case LIA_RECORD_KIND_CONTACT:      return counts.contacts;
    case LIA_RECORD_KIND_AFFILIATION:  return counts.affiliations;
    case LIA_RECORD_KIND_INTERACTION:  return counts.interactions;
    case LIA_RECORD_KIND_COMMITMENT:   return counts.commitments;
    case LIA_RECORD_KIND_CONCERN:      return counts.concerns;
    default: g_assert_not_reached ();
    }
  return -1;
}

static inline void
lia_test_save (LiaStore  *store,
               gpointer   record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_store_save (store, LIA_RECORD (record), &error));
  g_assert_no_error (error);
  g_assert_cmpint (lia_record_get_id (LIA_RECORD (record)), >, 0);
}

/* Loads a record that must be there. */
static inline LiaRecord *
lia_test_load (LiaStore      *store,
               LiaRecordKind  kind,
               gint64         id)
{
  g_autoptr(GError) error = NULL;
  LiaRecord *record = lia_store_load (store, kind, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  return record;
}

static inline gint64
lia_test_add_organization (LiaStore   *store,
                           const char *name,
                           gint64      parent_id)
{
  g_autoptr(LiaOrganization) org = lia_organization_new (name);

  lia_organization_set_parent_id (org, parent_id);
  lia_test_save (store, org);
  return lia_record_get_id (LIA_RECORD (org));
}

static inline gint64
lia_test_add_contact (LiaStore   *store,
                      const char *given_name,
                      const char *family_name)
{
  g_autoptr(LiaContact) contact = lia_contact_new (given_name, family_name);

  lia_test_save (store, contact);
  return lia_record_get_id (LIA_RECORD (contact));
}

/* @from_iso and @until_iso are "YYYY-MM-DD" or NULL for an open end. */
static inline gint64
lia_test_add_affiliation (LiaStore   *store,
                          gint64      contact_id,
                          gint64      organization_id,
                          const char *role,
                          const char *from_iso,
                          const char *until_iso)
{
  g_autoptr(LiaAffiliation) aff = lia_affiliation_new (contact_id, organization_id, role);

  if (from_iso != NULL)
    {
      g_autoptr(GDate) from = lia_date_parse_iso (from_iso, NULL);
      g_assert_nonnull (from);
      lia_affiliation_set_from (aff, from);
    }
  if (until_iso != NULL)
    {
      g_autoptr(GDate) until = lia_date_parse_iso (until_iso, NULL);
      g_assert_nonnull (until);
      lia_affiliation_set_until (aff, until);
    }
  lia_test_save (store, aff);
  return lia_record_get_id (LIA_RECORD (aff));
}

/* Sets the assessment of an organization or a contact and saves it. */
static inline void
lia_test_assess (LiaStore      *store,
                 LiaRecordKind  kind,
                 gint64         id,
                 int            influence,
                 int            interest,
                 LiaStance      stance)
{
  g_autoptr(LiaRecord) record = lia_test_load (store, kind, id);
  LiaAssessment *assessment = kind == LIA_RECORD_KIND_CONTACT
                              ? lia_contact_get_assessment (LIA_CONTACT (record))
                              : lia_organization_get_assessment (LIA_ORGANIZATION (record));

  lia_assessment_set_influence (assessment, influence);
  lia_assessment_set_interest (assessment, interest);
  lia_assessment_set_stance (assessment, stance);
  lia_test_save (store, record);
}

/* How many states a contact's assessment has been in (its assessment history). */
static inline guint
lia_test_history_length (LiaStore *store,
                         gint64    contact_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = lia_store_list_assessment_history (store, LIA_RECORD_KIND_CONTACT,
                                                                     contact_id, &error);

  g_assert_no_error (error);
  return history->len;
}

/* One interaction; @contact_id and @organization_id are participants when not 0. */
static inline gint64
lia_test_add_interaction (LiaStore           *store,
                          LiaInteractionKind  kind,
                          const char         *at_iso,
                          const char         *title,
                          gint64              contact_id,
                          gint64              organization_id)
{
  g_autoptr(GDateTime) at = lia_test_at (at_iso);
  g_autoptr(LiaInteraction) interaction = lia_interaction_new (kind, at, title);

  if (contact_id != 0)
    lia_interaction_add_contact (interaction, contact_id);
  if (organization_id != 0)
    lia_interaction_add_organization (interaction, organization_id);
  lia_test_save (store, interaction);
  return lia_record_get_id (LIA_RECORD (interaction));
}

static inline gint64
lia_test_record_id_at (GPtrArray *records,
                       guint      index)
{
  g_assert_cmpuint (index, <, records->len);
  return lia_record_get_id (LIA_RECORD (g_ptr_array_index (records, index)));
}

/* Recording the store's "changed" and "reset" signals. */
typedef struct
{
  LiaRecordKind  kind;
  gint64         id;
  LiaStoreChange change;
  gboolean       had_old;
  gboolean       had_current;
} LiaTestChange;

static inline void
lia_test_on_changed_cb (LiaStore       *store,
               LiaRecordKind   kind,
               gint64          id,
               LiaStoreChange  change,
               LiaRecord      *old_record,
               LiaRecord      *current,
               gpointer        user_data)
{
  GArray *changes = user_data;
  LiaTestChange c = { kind, id, change, old_record != NULL, current != NULL };

  g_array_append_val (changes, c);
}

static inline void
lia_test_assert_change (GArray         *changes,
               guint           index,
               LiaRecordKind   kind,
               gint64          id,
               LiaStoreChange  change)
{
  LiaTestChange *c;

  g_assert_cmpuint (index, <, changes->len);
  c = &g_array_index (changes, LiaTestChange, index);
  g_assert_cmpint (c->kind, ==, kind);
  g_assert_cmpint (c->id, ==, id);
  g_assert_cmpint (c->change, ==, change);
}

/* Reset is the store's "reload everything" signal; counted to explain a missing change. */
static inline void
lia_test_on_reset_cb (LiaStore *store,
             guint    *n_resets)
{
  (*n_resets)++;
}


G_END_DECLS
