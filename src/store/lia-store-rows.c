/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-store-bulk.h"
#include "lia-store-private.h"

/*
 * Contacts and organizations as rows (lia_store_foreach_contact_row(),
 * lia_store_foreach_organization_row()): what an export writes, read without building a
 * LiaContact or LiaOrganization, their GDateTimes, list models and string vectors. The walk
 * reads the records in uid order, each list table once beside it in the same order
 * (lia-store-stream.c), and the uids they refer to in the same statements.
 *
 * The values of a list row last only until its stream steps, so a record's list values are
 * copied into one buffer that every record reuses; the rows keep offsets into it until the
 * record is complete, then pointers.
 */

/* Where a record's list values go while its streams move on. */
typedef struct
{
  GString    *text;
  GArray     *points[4];
  GArray     *addresses;
  GArray     *affiliations;
  GPtrArray  *languages;
  GPtrArray  *tags;
  /* What lia_strv_tidy() made of lists that were not tidy already. */
  GStrv       tidy_languages;
  GStrv       tidy_tags;
} Lists;

enum { POINT_EMAIL, POINT_PHONE, POINT_WEBSITE, POINT_IM };

static void
lists_init (Lists *lists)
{
  lists->text = g_string_sized_new (4096);
  for (guint i = 0; i < G_N_ELEMENTS (lists->points); i++)
    lists->points[i] = g_array_new (FALSE, FALSE, sizeof (LiaPointRow));
  lists->addresses = g_array_new (FALSE, FALSE, sizeof (LiaAddressRow));
  lists->affiliations = g_array_new (FALSE, FALSE, sizeof (LiaAffiliationRow));
  lists->languages = g_ptr_array_new ();
  lists->tags = g_ptr_array_new ();
  lists->tidy_languages = NULL;
  lists->tidy_tags = NULL;
}

static void
lists_clear (Lists *lists)
{
  g_string_free (lists->text, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (lists->points); i++)
    g_array_unref (lists->points[i]);
  g_array_unref (lists->addresses);
  g_array_unref (lists->affiliations);
  g_ptr_array_unref (lists->languages);
  g_ptr_array_unref (lists->tags);
  g_strfreev (lists->tidy_languages);
  g_strfreev (lists->tidy_tags);
}

static void
lists_reset (Lists *lists)
{
  g_string_truncate (lists->text, 0);
  for (guint i = 0; i < G_N_ELEMENTS (lists->points); i++)
    g_array_set_size (lists->points[i], 0);
  g_array_set_size (lists->addresses, 0);
  g_array_set_size (lists->affiliations, 0);
  g_ptr_array_set_size (lists->languages, 0);
  g_ptr_array_set_size (lists->tags, 0);
  g_clear_pointer (&lists->tidy_languages, g_strfreev);
  g_clear_pointer (&lists->tidy_tags, g_strfreev);
}

/* @text copied into the buffer, as its offset plus one (%NULL stays %NULL): see resolve(). */
static const char *
keep (Lists      *lists,
      const char *text)
{
  gsize offset;

  if (text == NULL)
    return NULL;
  offset = lists->text->len;
  g_string_append_len (lists->text, text, (gssize) strlen (text) + 1);
  return (const char *) GSIZE_TO_POINTER (offset + 1);
}

static void
resolve (const Lists  *lists,
         const char  **field)
{
  if (*field != NULL)
    *field = lists->text->str + (GPOINTER_TO_SIZE (*field) - 1);
}

/* Whether @entries are as lia_strv_tidy (entries, TRUE) would give them back: valid UTF-8,
 * neither empty nor with white space around, no two the same regardless of case. What the
 * store holds was tidied when it was saved; anything else is tidied here as the model would. */
static gboolean
strv_is_tidy (const char * const *entries,
              guint               n_entries)
{
  for (guint i = 0; i < n_entries; i++)
    {
      const char *entry = entries[i];
      const char *last;

      if (entry[0] == '\0' || !g_utf8_validate (entry, -1, NULL))
        return FALSE;
      last = g_utf8_prev_char (entry + strlen (entry));
      if (g_unichar_isspace (g_utf8_get_char (entry)) || g_unichar_isspace (g_utf8_get_char (last)))
        return FALSE;
      for (guint j = 0; j < i; j++)
        {
          g_autofree char *a = NULL;
          g_autofree char *b = NULL;

          if (g_ascii_strcasecmp (entries[j], entry) == 0)
            return FALSE;
          if (g_str_is_ascii (entries[j]) && g_str_is_ascii (entry))
            continue;
          a = g_utf8_casefold (entries[j], -1);
          b = g_utf8_casefold (entry, -1);
          if (strcmp (a, b) == 0)
            return FALSE;
        }
    }
  return TRUE;
}

/* @array's offsets as pointers, tidied as the model would; %NULL-terminated. */
static const char * const *
resolve_strv (Lists      *lists,
              GPtrArray  *array,
              GStrv      *tidy,
              guint      *out_n)
{
  for (guint i = 0; i < array->len; i++)
    resolve (lists, (const char **) &array->pdata[i]);
  g_ptr_array_add (array, NULL);
  if (strv_is_tidy ((const char * const *) array->pdata, array->len - 1))
    {
      *out_n = array->len - 1;
      return (const char * const *) array->pdata;
    }
  *tidy = lia_strv_tidy ((const char * const *) array->pdata, TRUE);
  *out_n = g_strv_length (*tidy);
  return (const char * const *) *tidy;
}

/* The selection's filter on @alias's id, or "". */
static char *
scope_filter (LiaStore      *self,
              gboolean       selected,
              const char    *alias,
              LiaRecordKind  kind)
{
  if (!selected)
    return g_strdup ("");
  return g_strdup_printf (" WHERE %s.id IN (SELECT record_id FROM %s WHERE kind = %d)", alias,
                          _lia_store_is_server (self) ? "pg_temp.lia_scope" : "temp.lia_scope",
                          kind);
}

static LiaStmt *
prepare_walk (LiaStore    *self,
              const char  *sql,
              GError     **error)
{
  LiaStmt *stmt = NULL;

  /* Not from the statement cache: @func may use the store. */
  if (_lia_db_prepare (_lia_store_get_db (self), sql, -1, LIA_DB_PREPARE_DEFAULT, &stmt, NULL) != LIA_DB_OK)
    {
      _lia_store_set_error_from_db (self, error, _("Could not prepare a database query"));
      return NULL;
    }
  return stmt;
}

/* A stream of one of @table's lists, for the contacts or organizations @walk gives: columns
 * owner id, owner uid, then @values (of p, the list's rows), ordered as @order. @filter is
 * scope_filter()'s, on o.
 *
 * The owners first, in the order of their uid index, then each one's rows through the list's
 * index on the owner (CROSS JOIN keeps SQLite from choosing otherwise): where @order needs a
 * sort (the affiliations), only each owner's few rows are sorted. Left to itself SQLite
 * scanned the affiliations by organization, looked up each one's contact in a table larger
 * than its page cache, and sorted every row: 2.5 times the CPU at full size. */
static LiaRowStream *
open_list (LiaStore      *self,
           const char    *owners,
           const char    *values,
           const char    *table,
           const char    *owner_column,
           const char    *order,
           const char    *filter,
           const char    *today,
           GError       **error)
{
  g_autofree char *sql = NULL;

  g_assert (*filter == '\0' || g_str_has_prefix (filter, " WHERE "));
  sql = g_strdup_printf ("SELECT o.id, o.uid, %s FROM %s o CROSS JOIN %s p"
                         " WHERE p.%s = o.id%s%s ORDER BY o.uid, %s",
                         values, owners, table, owner_column,
                         *filter != '\0' ? " AND" : "",
                         *filter != '\0' ? filter + strlen (" WHERE") : "", order);

  return _lia_row_stream_new_bound (self, sql, today, error);
}

/* Runs the statements that follow for each row of the record @id, @uid in @stream, the row
 * as @row. */
#define TAKE_ROWS(stream, id, uid, row, ...) \
  for (; _lia_row_stream_at ((stream), (id), (uid)); _lia_row_stream_next (stream)) \
    { \
      LiaStmt *row = _lia_row_stream_row (stream); \
      __VA_ARGS__ \
    }

enum {
  CONTACT_POINTS,
  CONTACT_ADDRESSES,
  CONTACT_WEBSITES,
  CONTACT_IMS,
  CONTACT_LANGUAGES,
  CONTACT_TAGS,
  CONTACT_AFFILIATIONS,
  CONTACT_PHOTOS,
  N_CONTACT_STREAMS
};

static void
assessment_from_columns (LiaAssessmentRow *assessment,
                         LiaStmt          *stmt,
                         int               first)
{
  assessment->influence = _lia_db_column_int (stmt, first);
  assessment->interest = _lia_db_column_int (stmt, first + 1);
  assessment->stance = _lia_column_text (stmt, first + 2);
  assessment->cadence_days = _lia_db_column_type (stmt, first + 3) == LIA_DB_NULL
                             ? LIA_CADENCE_DEFAULT : _lia_db_column_int (stmt, first + 3);
}

/* Read by number below. */
#define CONTACT_ROW_COLUMNS \
  "id, uid, created_at, updated_at, honorific, given_name, family_name, suffix, display_name," \
  " nickname, job_title, time_zone, preferred_channel, birthday, notes, influence, interest," \
  " stance, cadence_days"

gboolean
lia_store_foreach_contact_row (LiaStore                *self,
                               gboolean                 selected,
                               LiaStoreContactRowFunc   func,
                               gpointer                 user_data,
                               GError                 **error)
{
  static const struct {
    const char *values;
    const char *table;
    const char *order;
  } lists_sql[N_CONTACT_STREAMS] = {
    [CONTACT_POINTS] = { "p.medium, p.kind, p.value", "contact_points", "p.medium, p.position" },
    [CONTACT_ADDRESSES] = { "p.kind, p.po_box, p.extended, p.street, p.locality, p.region,"
                            " p.postal_code, p.country", "contact_addresses", "p.position" },
    [CONTACT_WEBSITES] = { "p.kind, p.url", "contact_websites", "p.position" },
    [CONTACT_IMS] = { "p.kind, p.uri", "contact_ims", "p.position" },
    [CONTACT_LANGUAGES] = { "p.language", "contact_languages", "p.position" },
    [CONTACT_TAGS] = { "p.tag", "contact_tags", "p.position" },
    /* In lia_store_list_affiliations_for_contact()'s order, today bound as ?1. The
     * organization's uid in column 3, or its id when the walk has organizations_by_id. */
    [CONTACT_AFFILIATIONS] = { "p.uid, (SELECT r.uid FROM organizations r WHERE r.id = p.organization_id),"
                               " p.role, p.unit, p.from_date, p.until_date, p.is_primary",
                               "affiliations",
                               "(p.until_date IS NOT NULL AND p.until_date < ?1),"
                               " p.from_date IS NULL, p.from_date DESC, p.id DESC" },
    [CONTACT_PHOTOS] = { "p.mime_type, p.data", "contact_photos", "o.id" },
  };
  g_autofree char *filter = scope_filter (self, selected, "o", LIA_RECORD_KIND_CONTACT);
  g_autofree char *walk_filter = scope_filter (self, selected, "contacts", LIA_RECORD_KIND_CONTACT);
  g_autofree char *sql = g_strdup_printf ("SELECT " CONTACT_ROW_COLUMNS " FROM contacts%s ORDER BY uid",
                                          walk_filter);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  /* Every organization's uid in memory, for the affiliations of every contact: a subquery
   * per affiliation was 40% of reading them (a selection's few keep the subquery). */
  g_autoptr(LiaUidTable) organizations_by_id = NULL;
  LiaRowStream *streams[N_CONTACT_STREAMS] = { NULL, };
  LiaStmt *stmt = NULL;
  Lists lists;
  gboolean ok = TRUE;
  int rc = LIA_DB_DONE;

  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!selected && !_lia_uid_table_new (self, "organizations", &organizations_by_id, error))
    return FALSE;
  if (!(stmt = prepare_walk (self, sql, error)))
    return FALSE;
  for (guint i = 0; i < N_CONTACT_STREAMS; i++)
    if (!(streams[i] = open_list (self, "contacts",
                                  i == CONTACT_AFFILIATIONS && organizations_by_id != NULL
                                  ? "p.uid, p.organization_id, p.role, p.unit, p.from_date,"
                                    " p.until_date, p.is_primary"
                                  : lists_sql[i].values,
                                  lists_sql[i].table,
                                  "contact_id", lists_sql[i].order, filter,
                                  i == CONTACT_AFFILIATIONS ? today : NULL, error)))
      {
        for (guint j = 0; j < i; j++)
          _lia_row_stream_free (streams[j]);
        _lia_db_finalize (stmt);
        return FALSE;
      }

  lists_init (&lists);
  while (ok && (rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    {
      gint64 id = _lia_db_column_int64 (stmt, 0);
      const char *uid = _lia_column_text (stmt, 1);
      LiaContactRow row = {
        .uid = uid,
                .stamps = _lia_column_stamps (stmt, 2),
        .honorific = _lia_column_text (stmt, 4),
        .given_name = _lia_column_text (stmt, 5),
        .family_name = _lia_column_text (stmt, 6),
        .suffix = _lia_column_text (stmt, 7),
        .display_name = _lia_column_text (stmt, 8),
        .nickname = _lia_column_text (stmt, 9),
        .job_title = _lia_column_text (stmt, 10),
        .time_zone = _lia_column_text (stmt, 11),
        .preferred_channel = _lia_column_text (stmt, 12),
        .birthday = _lia_column_text (stmt, 13),
        .notes = _lia_column_text (stmt, 14),
      };
      g_autoptr(GBytes) photo = NULL;
      const char *photo_type = NULL;

      assessment_from_columns (&row.assessment, stmt, 15);
      lists_reset (&lists);

      TAKE_ROWS (streams[CONTACT_POINTS], id, uid, p, {
        /* The schema's CHECK allows only these two media. */
        LiaPointRow point = { keep (&lists, _lia_column_text (p, 3)), keep (&lists, _lia_column_text (p, 4)) };
        g_array_append_val (lists.points[g_str_equal (_lia_column_text (p, 2), "email") ? POINT_EMAIL : POINT_PHONE],
                            point);
      })
      TAKE_ROWS (streams[CONTACT_ADDRESSES], id, uid, p, {
        LiaAddressRow address = {
          keep (&lists, _lia_column_text (p, 2)), keep (&lists, _lia_column_text (p, 3)),
          keep (&lists, _lia_column_text (p, 4)), keep (&lists, _lia_column_text (p, 5)),
          keep (&lists, _lia_column_text (p, 6)), keep (&lists, _lia_column_text (p, 7)),
          keep (&lists, _lia_column_text (p, 8)), keep (&lists, _lia_column_text (p, 9)),
        };
        g_array_append_val (lists.addresses, address);
      })
      TAKE_ROWS (streams[CONTACT_WEBSITES], id, uid, p, {
        LiaPointRow point = { keep (&lists, _lia_column_text (p, 2)), keep (&lists, _lia_column_text (p, 3)) };
        g_array_append_val (lists.points[POINT_WEBSITE], point);
      })
      TAKE_ROWS (streams[CONTACT_IMS], id, uid, p, {
        LiaPointRow point = { keep (&lists, _lia_column_text (p, 2)), keep (&lists, _lia_column_text (p, 3)) };
        g_array_append_val (lists.points[POINT_IM], point);
      })
      TAKE_ROWS (streams[CONTACT_LANGUAGES], id, uid, p, {
        g_ptr_array_add (lists.languages, (gpointer) keep (&lists, _lia_column_text (p, 2)));
      })
      TAKE_ROWS (streams[CONTACT_TAGS], id, uid, p, {
        g_ptr_array_add (lists.tags, (gpointer) keep (&lists, _lia_column_text (p, 2)));
      })
      TAKE_ROWS (streams[CONTACT_AFFILIATIONS], id, uid, p, {
        LiaAffiliationRow affiliation = {
          keep (&lists, _lia_column_text (p, 2)),
          keep (&lists, organizations_by_id != NULL
                        ? _lia_uid_table_lookup (organizations_by_id, _lia_db_column_int64 (p, 3))
                        : _lia_db_column_text (p, 3)),
          keep (&lists, _lia_column_text (p, 4)), keep (&lists, _lia_column_text (p, 5)),
          keep (&lists, _lia_column_iso_date (p, 6)), keep (&lists, _lia_column_iso_date (p, 7)),
          _lia_db_column_int (p, 8) != 0,
        };
        g_array_append_val (lists.affiliations, affiliation);
      })
      /* One photo at most (the contact is the key): kept whole, not copied. */
      TAKE_ROWS (streams[CONTACT_PHOTOS], id, uid, p, {
        if (photo == NULL && _lia_db_column_bytes (p, 3) > 0)
          {
            photo = g_bytes_new (_lia_db_column_blob (p, 3), (gsize) _lia_db_column_bytes (p, 3));
            photo_type = keep (&lists, _lia_column_text (p, 2));
          }
      })
      for (guint i = 0; i < N_CONTACT_STREAMS; i++)
        if (_lia_row_stream_failed (self, streams[i], error))
          ok = FALSE;
      if (!ok)
        break;

      /* Every value is in place: offsets become pointers. */
      for (guint i = 0; i < G_N_ELEMENTS (lists.points); i++)
        for (guint j = 0; j < lists.points[i]->len; j++)
          {
            LiaPointRow *point = &g_array_index (lists.points[i], LiaPointRow, j);

            resolve (&lists, &point->kind);
            resolve (&lists, &point->value);
          }
      for (guint j = 0; j < lists.addresses->len; j++)
        {
          LiaAddressRow *address = &g_array_index (lists.addresses, LiaAddressRow, j);

          resolve (&lists, &address->kind);
          resolve (&lists, &address->po_box);
          resolve (&lists, &address->extended);
          resolve (&lists, &address->street);
          resolve (&lists, &address->locality);
          resolve (&lists, &address->region);
          resolve (&lists, &address->postal_code);
          resolve (&lists, &address->country);
        }
      for (guint j = 0; j < lists.affiliations->len; j++)
        {
          LiaAffiliationRow *affiliation = &g_array_index (lists.affiliations, LiaAffiliationRow, j);

          resolve (&lists, &affiliation->uid);
          resolve (&lists, &affiliation->organization);
          resolve (&lists, &affiliation->role);
          resolve (&lists, &affiliation->unit);
          resolve (&lists, &affiliation->from);
          resolve (&lists, &affiliation->until);
        }
      resolve (&lists, &photo_type);

      row.emails = (const LiaPointRow *) (gpointer) lists.points[POINT_EMAIL]->data;
      row.n_emails = lists.points[POINT_EMAIL]->len;
      row.phones = (const LiaPointRow *) (gpointer) lists.points[POINT_PHONE]->data;
      row.n_phones = lists.points[POINT_PHONE]->len;
      row.websites = (const LiaPointRow *) (gpointer) lists.points[POINT_WEBSITE]->data;
      row.n_websites = lists.points[POINT_WEBSITE]->len;
      row.ims = (const LiaPointRow *) (gpointer) lists.points[POINT_IM]->data;
      row.n_ims = lists.points[POINT_IM]->len;
      row.addresses = (const LiaAddressRow *) (gpointer) lists.addresses->data;
      row.n_addresses = lists.addresses->len;
      row.affiliations = (const LiaAffiliationRow *) (gpointer) lists.affiliations->data;
      row.n_affiliations = lists.affiliations->len;
      row.languages = resolve_strv (&lists, lists.languages, &lists.tidy_languages, &row.n_languages);
      row.tags = resolve_strv (&lists, lists.tags, &lists.tidy_tags, &row.n_tags);
      if (photo != NULL)
        {
          row.photo = g_bytes_get_data (photo, &row.photo_size);
          row.photo_type = photo_type;
        }

      ok = func (&row, user_data, error);
    }

  if (ok && rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self, error, _("Could not read the database"));
      ok = FALSE;
    }

  lists_clear (&lists);
  for (guint i = 0; i < N_CONTACT_STREAMS; i++)
    _lia_row_stream_free (streams[i]);
  _lia_db_finalize (stmt);
  return ok;
}

/* Read by number below (the parent's uid named, so that ORDER BY uid is the organization's on
 * PostgreSQL too). */
#define ORGANIZATION_ROW_COLUMNS \
  "id, uid, created_at, updated_at, name, short_name, sector," \
  " (SELECT r.uid FROM organizations r WHERE r.id = o.parent_id) AS parent_uid, country," \
  " website, email, phone, street, locality, region, postal_code, address_country, notes," \
  " influence, interest, stance, cadence_days"

gboolean
lia_store_foreach_organization_row (LiaStore                     *self,
                                    gboolean                      selected,
                                    LiaStoreOrganizationRowFunc   func,
                                    gpointer                      user_data,
                                    GError                      **error)
{
  g_autofree char *filter = scope_filter (self, selected, "o", LIA_RECORD_KIND_ORGANIZATION);
  g_autofree char *sql = g_strdup_printf ("SELECT " ORGANIZATION_ROW_COLUMNS " FROM organizations o%s"
                                          " ORDER BY o.uid", filter);
  LiaRowStream *tags = NULL;
  LiaStmt *stmt = NULL;
  Lists lists;
  gboolean ok = TRUE;
  int rc = LIA_DB_DONE;

  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!(stmt = prepare_walk (self, sql, error)))
    return FALSE;
  if (!(tags = open_list (self, "organizations", "p.tag", "organization_tags", "organization_id",
                          "p.position", filter, NULL, error)))
    {
      _lia_db_finalize (stmt);
      return FALSE;
    }

  lists_init (&lists);
  while (ok && (rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    {
      gint64 id = _lia_db_column_int64 (stmt, 0);
      const char *uid = _lia_column_text (stmt, 1);
      LiaOrganizationRow row = {
        .uid = uid,
                .stamps = _lia_column_stamps (stmt, 2),
        .name = _lia_column_text (stmt, 4),
        .short_name = _lia_column_text (stmt, 5),
        .sector = _lia_column_text (stmt, 6),
        .parent = _lia_db_column_text (stmt, 7),
        .country = _lia_column_text (stmt, 8),
        .website = _lia_column_text (stmt, 9),
        .email = _lia_column_text (stmt, 10),
        .phone = _lia_column_text (stmt, 11),
        .street = _lia_column_text (stmt, 12),
        .locality = _lia_column_text (stmt, 13),
        .region = _lia_column_text (stmt, 14),
        .postal_code = _lia_column_text (stmt, 15),
        .address_country = _lia_column_text (stmt, 16),
        .notes = _lia_column_text (stmt, 17),
      };

      assessment_from_columns (&row.assessment, stmt, 18);
      lists_reset (&lists);
      TAKE_ROWS (tags, id, uid, p, {
        g_ptr_array_add (lists.tags, (gpointer) keep (&lists, _lia_column_text (p, 2)));
      })
      if (_lia_row_stream_failed (self, tags, error))
        {
          ok = FALSE;
          break;
        }
      row.tags = resolve_strv (&lists, lists.tags, &lists.tidy_tags, &row.n_tags);

      ok = func (&row, user_data, error);
    }

  if (ok && rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self, error, _("Could not read the database"));
      ok = FALSE;
    }

  lists_clear (&lists);
  _lia_row_stream_free (tags);
  _lia_db_finalize (stmt);
  return ok;
}
