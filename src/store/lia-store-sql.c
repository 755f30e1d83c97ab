/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-store"

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>
#include <locale.h>
#include <string.h>

#include "lia-store-bulk.h"
#include "lia-store-private.h"

/* How values are stored, in one place: text is never NULL (empty text is ''), a missing
 * reference is NULL, dates are 'YYYY-MM-DD' (they sort as text), enums are their nicks,
 * instants are UTC microseconds. */

void
_lia_bind_text (LiaStmt    *stmt,
                int         column,
                const char *text)
{
  _lia_db_bind_text (stmt, column, text != NULL ? text : "", -1, LIA_DB_TRANSIENT);
}

void
_lia_bind_ref (LiaStmt *stmt,
               int      column,
               gint64   id)
{
  if (id > 0)
    _lia_db_bind_int64 (stmt, column, id);
  else
    _lia_db_bind_null (stmt, column);
}

void
_lia_bind_date (LiaStmt     *stmt,
                int          column,
                const GDate *date)
{
  g_autofree char *text = lia_date_to_iso (date);

  if (text != NULL)
    _lia_db_bind_text (stmt, column, text, -1, LIA_DB_TRANSIENT);
  else
    _lia_db_bind_null (stmt, column);
}

void
_lia_bind_nick (LiaStmt *stmt,
                int      column,
                GType    enum_type,
                int      value)
{
  /* validate() has refused unknown values before any write; NULL here would fail the NOT NULL
   * and CHECK constraints rather than store something unreadable. */
  const char *nick = lia_enum_to_nick (enum_type, value);

  if (nick != NULL)
    _lia_db_bind_text (stmt, column, nick, -1, LIA_DB_STATIC);
  else
    _lia_db_bind_null (stmt, column);
}

void
_lia_bind_time (LiaStmt   *stmt,
                int        column,
                GDateTime *time)
{
  if (time != NULL)
    _lia_db_bind_int64 (stmt, column, g_date_time_to_unix (time) * G_USEC_PER_SEC
                                      + g_date_time_get_microsecond (time));
  else
    _lia_db_bind_null (stmt, column);
}

void
_lia_bind_cadence (LiaStmt       *stmt,
                   int            column,
                   LiaAssessment *assessment)
{
  int days = lia_assessment_get_cadence_days (assessment);

  if (days == LIA_CADENCE_DEFAULT)
    _lia_db_bind_null (stmt, column);
  else
    _lia_db_bind_int (stmt, column, days);
}

const char *
_lia_column_text (LiaStmt *stmt,
                  int      column)
{
  const char *text = _lia_db_column_text (stmt, column);

  return text != NULL ? text : "";
}

GDate *
_lia_column_date (LiaStmt *stmt,
                  int      column)
{
  const char *text = _lia_db_column_text (stmt, column);

  if (text == NULL || text[0] == '\0')
    return NULL;

  /* The schema only ever receives dates written by lia_date_to_iso(). */
  return lia_date_parse_iso (text, NULL);
}

/* A date as the store keeps it (lia_date_to_iso()), or %NULL where reading it as a GDate
 * would give none: what writing that GDate back would give, without making it. */
const char *
_lia_column_iso_date (LiaStmt *stmt,
                      int      column)
{
  const char *text = _lia_db_column_text (stmt, column);

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return NULL;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return NULL;
  if (!g_date_valid_dmy ((GDateDay) ((text[8] - '0') * 10 + (text[9] - '0')),
                         (GDateMonth) ((text[5] - '0') * 10 + (text[6] - '0')),
                         (GDateYear) ((text[0] - '0') * 1000 + (text[1] - '0') * 100 +
                                      (text[2] - '0') * 10 + (text[3] - '0'))))
    return NULL;
  return text;
}

LiaRowStamps
_lia_column_stamps (LiaStmt *stmt,
                    int      column)
{
  LiaRowStamps stamps = {
    .has_created = _lia_db_column_type (stmt, column) != LIA_DB_NULL,
    .has_updated = _lia_db_column_type (stmt, column + 1) != LIA_DB_NULL,
    .created_usec = _lia_db_column_int64 (stmt, column),
    .updated_usec = _lia_db_column_int64 (stmt, column + 1),
  };

  return stamps;
}

GDateTime *
_lia_column_time (LiaStmt *stmt,
                  int      column)
{
  gint64 usec;

  if (_lia_db_column_type (stmt, column) == LIA_DB_NULL)
    return NULL;

  usec = _lia_db_column_int64 (stmt, column);

  /* g_date_time_new_from_unix_utc_usec() is GLib 2.80: split into seconds and the rest, the
   * rest never negative. */
  {
    gint64 seconds = usec / G_USEC_PER_SEC;
    gint64 rest = usec % G_USEC_PER_SEC;
    g_autoptr(GDateTime) whole = NULL;

    if (rest < 0)
      {
        seconds -= 1;
        rest += G_USEC_PER_SEC;
      }

    whole = g_date_time_new_from_unix_utc (seconds);
    if (whole == NULL)
      return NULL;
    return g_date_time_add (whole, rest);
  }
}

gboolean
_lia_column_nick (LiaStmt  *stmt,
                  int       column,
                  GType     enum_type,
                  int      *out_value,
                  GError  **error)
{
  return lia_enum_from_nick (enum_type, _lia_column_text (stmt, column), out_value, error);
}

void
_lia_record_fill_common (LiaRecord *record,
                         LiaStmt   *stmt)
{
  g_autoptr(GDateTime) created = _lia_column_time (stmt, 2);
  g_autoptr(GDateTime) updated = _lia_column_time (stmt, 3);

  lia_record_set_id (record, _lia_db_column_int64 (stmt, 0));
  lia_record_set_uid (record, _lia_column_text (stmt, 1));
  lia_record_set_created_at (record, created);
  lia_record_set_updated_at (record, updated);

  /* The row version goes last in every kind's columns; a list query may add its key after. */
  for (int i = _lia_db_column_count (stmt) - 1; i > 3; i--)
    if (g_strcmp0 (_lia_db_column_name (stmt, i), "version") == 0)
      {
        lia_record_set_version (record, _lia_db_column_int64 (stmt, i));
        break;
      }
}

/* _lia_sort_key() of the first @length bytes of @text. */
static char *
sort_key_of_span (const char *text,
                    gsize       length)
{
  g_autofree char *part = g_strndup (text, length);

  return _lia_sort_key (part);
}

char *
_lia_sort_key (const char *label)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *key;

  if (label == NULL)
    return g_strdup ("");

  /* Casefold, decompose, and drop the combining marks: "Émile" sorts as "emile", between
   * "Eliza" and "Erik", whatever the locale. */
  folded = g_utf8_casefold (label, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup (folded);

  key = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK ||
          type == G_UNICODE_ENCLOSING_MARK)
        continue;

      g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}

/* Titles that come before a name and say nothing about where it sorts: "Dr Amina Diallo"
 * belongs under D (family name) or A (given name). Compared without case and accents, with
 * or without the full stop. docs/contacts.md lists them for users. */
static const char * const honorifics[] = {
  /* English */
  "dr", "prof", "professor", "mr", "mrs", "ms", "miss", "mx", "sir", "dame", "rev", "hon",
  "he",  /* H.E., His or Her Excellency */
  /* French */
  "m", "mme", "mlle", "me", "pr", "dre", "mgr", "se",  /* S.E., Son Excellence */
  /* German, Spanish, Italian, Portuguese */
  "herr", "frau", "sr", "sra", "srta", "dott", "dssa", "ing", "avv", "sig", "sig.ra",
  NULL
};

/* Whether @word (as written, up to @length bytes) is an honorific. */
static gboolean
is_honorific (const char *word,
              gsize       length)
{
  g_autofree char *folded = sort_key_of_span (word, length);
  g_autofree char *bare = NULL;

  /* "Dr." is "Dr", "H.E." is "HE". */
  bare = g_strdup (folded);
  {
    char *out = bare;

    for (const char *in = folded; *in != '\0'; in++)
      if (*in != '.')
        *out++ = *in;
    *out = '\0';
  }

  return bare[0] != '\0' &&
         (g_strv_contains (honorifics, bare) || g_strv_contains (honorifics, folded));
}

char *
_lia_strip_honorifics (const char *name)
{
  const char *p = name != NULL ? name : "";

  /* Leading titles, as many as there are ("Prof. Dr"), but never the whole name. */
  for (;;)
    {
      const char *end, *next;

      while (g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      end = p;
      while (*end != '\0' && !g_unichar_isspace (g_utf8_get_char (end)))
        end = g_utf8_next_char (end);
      next = end;
      while (g_unichar_isspace (g_utf8_get_char (next)))
        next = g_utf8_next_char (next);

      if (end == p || *next == '\0' || !is_honorific (p, end - p))
        break;
      p = next;
    }

  return g_strstrip (g_strdup (p));
}

/* The collation contact keys are made in. It belongs to the database, not to the process: a
 * command run from a terminal in another locale (or in C, as scripts are) writes keys in the
 * same collation as the window, so that every key compares with every other. */
typedef struct
{
  char     *name;          /* an LC_COLLATE locale name */
  locale_t  locale;        /* (locale_t) 0 when the name has no collation of its own or is missing */
  gint64    data_version;  /* the connection's data_version when @name was read from the file */
  gboolean  read;          /* whether @data_version says anything */
  /* A write transaction found another collation on file (_lia_store_refresh_collation()
   * without @out_changed): the next caller that asks is told, so that its lists sort again. */
  gboolean  unannounced;
} Collation;

#define COLLATION_KEY "lia-store-collation"

static void
collation_free (gpointer data)
{
  Collation *collation = data;

  if (collation->locale != (locale_t) 0)
    freelocale (collation->locale);
  g_free (collation->name);
  g_free (collation);
}

static void
set_collation (LiaStore   *store,
               const char *name)
{
  Collation *collation = g_new0 (Collation, 1);

  collation->name = g_strdup (name != NULL ? name : "C");
  /* C and POSIX (and glibc's C.UTF-8) order by code point, which would put "Émile" after
   * "Zoé"; a locale that is not UTF-8 cannot read our text. Both fold instead. */
  if (strcmp (collation->name, "C") != 0 && strcmp (collation->name, "POSIX") != 0 &&
      !g_str_has_prefix (collation->name, "C."))
    {
      collation->locale = newlocale (LC_COLLATE_MASK | LC_CTYPE_MASK, collation->name, (locale_t) 0);
      if (collation->locale != (locale_t) 0 &&
          g_ascii_strcasecmp (nl_langinfo_l (CODESET, collation->locale), "UTF-8") != 0)
        {
          freelocale (collation->locale);
          collation->locale = (locale_t) 0;
        }
    }

  g_object_set_data_full (G_OBJECT (store), COLLATION_KEY, collation, collation_free);
}

static Collation *
get_collation (LiaStore *store)
{
  Collation *collation = g_object_get_data (G_OBJECT (store), COLLATION_KEY);

  if (collation == NULL)
    {
      set_collation (store, setlocale (LC_COLLATE, NULL));
      collation = g_object_get_data (G_OBJECT (store), COLLATION_KEY);
    }

  return collation;
}

/* One part of a sort key, for strcmp(): the collation key of the folded text (as
 * g_utf8_collate_key() makes it, in the database's locale rather than the process's), or
 * where there is no collation, the text with case and accents folded away. */
static char *
collate_part (LiaStore   *store,
              const char *text)
{
  Collation *collation = get_collation (store);
  g_autofree char *folded = NULL;
  g_autofree char *composed = NULL;
  size_t length;
  char *key;

  if (collation->locale == (locale_t) 0)
    return _lia_sort_key (text);

  folded = g_utf8_casefold (text, -1);
  composed = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL_COMPOSE);
  if (composed == NULL)
    return _lia_sort_key (text);

  length = strxfrm_l (NULL, composed, 0, collation->locale);
  key = g_malloc (length + 1);
  strxfrm_l (key, composed, length + 1, collation->locale);

  return key;
}

char *
_lia_contact_sort_key (LiaStore   *store,
                       const char *given_name,
                       const char *family_name,
                       const char *label,
                       gboolean    given_first)
{
  g_autofree char *given = g_strstrip (g_strdup (given_name != NULL ? given_name : ""));
  g_autofree char *family = g_strstrip (g_strdup (family_name != NULL ? family_name : ""));
  g_autofree char *first_key = NULL;
  g_autofree char *second_key = NULL;
  const char *first, *second;

  if (given[0] == '\0' && family[0] == '\0')
    {
      /* Only a display name: which word is the family name is anybody's guess, so it sorts
       * as written, without its titles. */
      g_autofree char *stripped = _lia_strip_honorifics (label);

      return collate_part (store, stripped);
    }

  first = given_first ? given : family;
  second = given_first ? family : given;
  if (first[0] == '\0')
    {
      first = second;
      second = "";
    }

  /* Part by part, joined by the lowest byte: every "Martin" comes before "Martinez", whatever
   * the given names. */
  first_key = collate_part (store, first);
  second_key = collate_part (store, second);

  return g_strconcat (first_key, "\001", second_key, NULL);
}

static char *
contact_sort_key_sql (gpointer            user_data,
                      int                 n_args,
                      const char * const *args)
{
  g_assert (n_args == 4);

  /* args[3] is the integer given_first, as text. */
  return _lia_contact_sort_key (user_data, args[0], args[1], args[2],
                                args[3] != NULL && g_ascii_strtoll (args[3], NULL, 10) != 0);
}

static char *
collation_locale_sql (gpointer            user_data,
                      int                 n_args,
                      const char * const *args)
{
  return g_strdup (get_collation (user_data)->name);
}

/* "column IN ('a', 'b', 'c')" as "(column = 'a' OR column = 'b' OR column = 'c')": the same
 * values pass (NULL too), without the temporary table SQLite fills to check a list of more than
 * two values at every row written (schema version 20, lia-store-schema.c). Lists of two or
 * fewer, of anything but quoted text, after NOT or of a qualified column stay as they are. */
static gboolean
spell_out_list (const GMatchInfo *match,
                GString          *out,
                gpointer          user_data)
{
  g_autofree char *whole = g_match_info_fetch (match, 0);
  g_autofree char *column = g_match_info_fetch (match, 1);
  g_autofree char *list = g_match_info_fetch (match, 2);
  g_autoptr(GPtrArray) values = g_ptr_array_new ();

  /* The quoted values, each from its opening quote to its closing one (the pattern has paired
   * them; each is cut off after its closing quote, where a comma or space was). */
  for (char *quote = strchr (list, '\''); quote != NULL;)
    {
      char *end = strchr (quote + 1, '\'');
      char *next = end != NULL && end[1] != '\0' ? end + 2 : NULL;

      if (end == NULL)
        break;
      end[1] = '\0';
      g_ptr_array_add (values, quote);
      quote = next != NULL ? strchr (next, '\'') : NULL;
    }

  if (g_ascii_strcasecmp (column, "not") == 0 || values->len <= 2)
    {
      g_string_append (out, whole);
      return FALSE;
    }
  g_string_append_c (out, '(');
  for (guint i = 0; i < values->len; i++)
    g_string_append_printf (out, "%s%s = %s", i > 0 ? " OR " : "", column,
                            (const char *) g_ptr_array_index (values, i));
  g_string_append_c (out, ')');
  return FALSE;
}

static char *
enum_checks_spelled_out_sql (gpointer            user_data,
                             int                 n_args,
                             const char * const *args)
{
  static gsize in_list = 0;

  g_assert (n_args == 1);
  if (args[0] == NULL)
    return NULL;
  if (g_once_init_enter (&in_list))
    g_once_init_leave (&in_list,
                       (gsize) g_regex_new ("(?<![.\\w\"])([a-z_][a-z0-9_]*)\\s+IN\\s*\\("
                                            "\\s*('[^']*'(?:\\s*,\\s*'[^']*')*)\\s*\\)",
                                            G_REGEX_CASELESS, 0, NULL));
  return g_regex_replace_eval ((GRegex *) in_list, args[0], -1, 0, 0, spell_out_list, NULL, NULL);
}

gboolean
_lia_store_register_functions (LiaStore  *self,
                               GError   **error)
{
  LiaDb *db = _lia_store_get_db (self);

  /* Until the database says otherwise (a new file, or one from before version 6), keys are
   * made in this process's collation. */
  set_collation (self, setlocale (LC_COLLATE, NULL));

  /* Not deterministic: the keys depend on the collation. Innocuous: they read nothing else. */
  if (_lia_db_create_text_function (db, "lia_contact_sort_key", 4,
                                    contact_sort_key_sql, self) != LIA_DB_OK ||
      _lia_db_create_text_function (db, "lia_collation_locale", 0,
                                    collation_locale_sql, self) != LIA_DB_OK ||
      _lia_db_create_text_function (db, "lia_enum_checks_spelled_out", 1,
                                    enum_checks_spelled_out_sql, NULL) != LIA_DB_OK)
    {
      _lia_store_set_error_from_db (self, error, _("Could not prepare the database connection"));
      return FALSE;
    }

  return TRUE;
}

gboolean
_lia_store_load_collation (LiaStore  *self,
                           GError   **error)
{
  g_autoptr(LiaStmt) stmt = _lia_store_prepare (self, "SELECT locale FROM \"collation\"", error);

  if (stmt == NULL)
    return FALSE;
  if (_lia_db_step (stmt) == LIA_DB_ROW)
    set_collation (self, _lia_column_text (stmt, 0));

  return TRUE;
}

const char *
_lia_store_get_collation (LiaStore *self)
{
  return get_collation (self)->name;
}

gboolean
_lia_store_refresh_collation (LiaStore  *self,
                              gboolean  *out_changed,
                              GError   **error)
{
  Collation *collation = get_collation (self);
  g_autofree char *before = NULL;
  gboolean changed;
  gint64 version;

  if (out_changed != NULL)
    *out_changed = FALSE;
  if (_lia_store_is_server (self))
    return TRUE;

  /* SQLite only: data_version moves when another connection commits. */
  if (_lia_db_data_version (_lia_store_get_db (self), &version) != LIA_DB_OK)
    {
      _lia_store_set_error_from_db (self, error, _("Could not read the database"));
      return FALSE;
    }
  if (collation->read && collation->data_version == version)
    {
      changed = FALSE;
    }
  else
    {
      gboolean unannounced = collation->unannounced;

      before = g_strdup (collation->name);
      if (!_lia_store_load_collation (self, error))
        return FALSE;
      collation = get_collation (self);
      collation->data_version = version;
      collation->read = TRUE;
      collation->unannounced = unannounced;
      changed = g_strcmp0 (before, collation->name) != 0;
    }

  /* A save's begin reads it too (lia_store_begin()): what it found is told to the next
   * caller that asks, not lost. */
  if (out_changed == NULL)
    {
      collation->unannounced |= changed;
      return TRUE;
    }
  *out_changed = changed || collation->unannounced;
  collation->unannounced = FALSE;

  return TRUE;
}

gboolean
lia_store_get_collation_current (LiaStore *self)
{
  const char *wanted = setlocale (LC_COLLATE, NULL);

  g_return_val_if_fail (LIA_IS_STORE (self), TRUE);

  return _lia_store_is_server (self) || wanted == NULL ||
         g_strcmp0 (wanted, get_collation (self)->name) == 0;
}

/* A re-keying holds the write lock for seconds (docs/performance.md, "A new language at
 * launch"): longer, under load, than a save waits for a lock (lia-db-sqlite.c). A write of the
 * same process does not wait for it: it asks it to stop, the re-keying rolls back (the old keys
 * and their indexes, whole), the write goes first, and the re-keying starts again from the
 * beginning once no write transaction of this process is open on the file. */
typedef struct
{
  const char *path;  /* interned */
  gint        stop;  /* atomic: a writer asked for the lock */
} Rekeying;

static GMutex rekeying_mutex;
static GCond rekeying_cond;
/* Under rekeying_mutex: the re-keyings running (Rekeying *), and per interned path the
 * number of this process's open write transactions on it. */
static GPtrArray *rekeyings;
static GHashTable *writers;
static LiaRekeyHook rekey_hook;
static gpointer rekey_hook_data;

#define REKEYING_KEY "lia-store-rekeying"
#define WRITER_KEY "lia-store-writer"

/* Not for a server (it never re-keys) nor the re-keying's own connection. */
static const char *
writer_path (LiaStore *self)
{
  if (_lia_store_is_server (self) ||
      g_object_get_data (G_OBJECT (self), REKEYING_KEY) != NULL)
    return NULL;

  return g_intern_string (lia_store_get_path (self));
}

void
_lia_store_writer_enter (LiaStore *self)
{
  const char *path = writer_path (self);
  guint count;

  if (path == NULL)
    return;

  g_mutex_lock (&rekeying_mutex);
  if (writers == NULL)
    writers = g_hash_table_new (NULL, NULL);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (writers, path));
  g_hash_table_insert (writers, (gpointer) path, GUINT_TO_POINTER (count + 1));
  for (guint i = 0; rekeyings != NULL && i < rekeyings->len; i++)
    {
      Rekeying *rekeying = rekeyings->pdata[i];

      if (rekeying->path == path)
        g_atomic_int_set (&rekeying->stop, 1);
    }
  g_mutex_unlock (&rekeying_mutex);
  g_object_set_data (G_OBJECT (self), WRITER_KEY, (gpointer) path);
}

void
_lia_store_writer_leave (LiaStore *self)
{
  const char *path = g_object_get_data (G_OBJECT (self), WRITER_KEY);
  guint count;

  if (path == NULL)
    return;
  g_object_set_data (G_OBJECT (self), WRITER_KEY, NULL);

  g_mutex_lock (&rekeying_mutex);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (writers, path));
  if (count > 1)
    g_hash_table_insert (writers, (gpointer) path, GUINT_TO_POINTER (count - 1));
  else
    g_hash_table_remove (writers, path);
  g_cond_broadcast (&rekeying_cond);
  g_mutex_unlock (&rekeying_mutex);
}

/* Once no write transaction of this process is open on the file, other than @self's own
 * (a caller of lia_store_adopt_collation() may hold one). Inside the caller's transaction the
 * re-keying cannot be stopped: SQLite rolls back the whole transaction of a write it
 * interrupts, the caller's own writes with it, so other writers wait for the caller's
 * commit as for any write. */
static Rekeying *
rekeying_enter (LiaStore *self)
{
  Rekeying *rekeying = g_new0 (Rekeying, 1);
  const char *own = g_object_get_data (G_OBJECT (self), WRITER_KEY);

  rekeying->path = g_intern_string (lia_store_get_path (self));
  g_mutex_lock (&rekeying_mutex);
  while (writers != NULL &&
         GPOINTER_TO_UINT (g_hash_table_lookup (writers, rekeying->path)) > (own != NULL ? 1u : 0u))
    g_cond_wait (&rekeying_cond, &rekeying_mutex);
  if (rekeyings == NULL)
    rekeyings = g_ptr_array_new ();
  if (own == NULL)
    g_ptr_array_add (rekeyings, rekeying);
  g_mutex_unlock (&rekeying_mutex);
  g_object_set_data (G_OBJECT (self), REKEYING_KEY, rekeying);

  return rekeying;
}

static void
rekeying_leave (LiaStore *self,
                Rekeying *rekeying)
{
  g_object_set_data (G_OBJECT (self), REKEYING_KEY, NULL);
  g_mutex_lock (&rekeying_mutex);
  g_ptr_array_remove_fast (rekeyings, rekeying);
  g_mutex_unlock (&rekeying_mutex);
  g_free (rekeying);
}

void
_lia_store_set_rekey_hook (LiaRekeyHook hook,
                           gpointer     user_data)
{
  rekey_hook = hook;
  rekey_hook_data = user_data;
}

/* The indexes that hold a contact's sort keys (schemas 6 and 8, and any later one). */
#define SORT_KEY_INDEXES_SQL \
  "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contacts'" \
  " AND sql IS NOT NULL" \
  " AND (sql LIKE '%family\\_sort\\_key%' ESCAPE '\\' OR sql LIKE '%given\\_sort\\_key%' ESCAPE '\\')"

/* Every contact's two sort keys made again in @wanted, and nothing else: a collation is not an
 * edit of anyone, so no change-log row (the bulk_load marker keeps the triggers quiet), no new
 * record hash, no full-text index update (none of its columns changes) and no field history
 * (the store writes that on saves only). The indexes on the keys go first and are built once
 * at the end from the new keys: updating them row by row, at random places in four indexes
 * of keys five times longer than before, was 85% of the time (docs/performance.md, "A new
 * language at launch"). In the caller's transaction: on any failure, rolling it back leaves
 * the old keys and their indexes whole. */
static gboolean
rekey_contacts (LiaStore    *self,
                const gint  *stop,
                GError     **error)
{
  g_autoptr(GPtrArray) drops = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) creates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LiaStmt) stmt = _lia_store_prepare (self, SORT_KEY_INDEXES_SQL, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    {
      g_ptr_array_add (drops, g_strdup_printf ("DROP INDEX \"%s\"", _lia_column_text (stmt, 0)));
      g_ptr_array_add (creates, g_strdup (_lia_column_text (stmt, 1)));
    }
  if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self, error, _("Could not read the database"));
      return FALSE;
    }
  g_clear_pointer (&stmt, _lia_stmt_release);

  for (guint i = 0; i < drops->len; i++)
    if (!_lia_store_exec (self, drops->pdata[i], error))
      return FALSE;

  if (!_lia_store_exec (self,
                        LIA_BULK_LOAD_MARK
                        "UPDATE contacts SET"
                        "  family_sort_key = lia_contact_sort_key (given_name, family_name, label, 0),"
                        "  given_sort_key = lia_contact_sort_key (given_name, family_name, label, 1);"
                        "DELETE FROM bulk_load;"
                        "UPDATE \"collation\" SET locale = lia_collation_locale ()",
                        error))
    return FALSE;

  if (rekey_hook != NULL)
    rekey_hook (stop, rekey_hook_data);

  /* A writer waiting stops a long statement (_lia_db_set_stop_flag()); a short one is
   * stopped here, between them. */
  for (guint i = 0; i < creates->len; i++)
    if (g_atomic_int_get (stop) || !_lia_store_exec (self, creates->pdata[i], error))
      {
        /* Never shown: adopt_collation() starts again. */
        if (error != NULL && *error == NULL)
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "Stopped for a save");
        return FALSE;
      }

  return TRUE;
}

static gboolean
adopt_collation_once (LiaStore    *self,
                      const char  *wanted,
                      Rekeying    *rekeying,
                      GError     **error)
{
  LiaDb *db = _lia_store_get_db (self);
  gboolean rekeyed;

  /* BEGIN IMMEDIATE: the collation read next is the latest (another window may have adopted
   * it meanwhile), and nobody writes a key in the old one until this commits. */
  if (!lia_store_begin (self, error))
    return FALSE;
  if (!_lia_store_load_collation (self, error))
    {
      lia_store_rollback (self);
      return FALSE;
    }
  if (g_strcmp0 (wanted, get_collation (self)->name) == 0)
    return lia_store_commit (self, error);

  /* One transaction: every key in the new collation, or none. Until the indexes are whole
   * again, a writer of this process stops it; not the commit (a fifth of a second at
   * 100,000 contacts: the writer waits for it) nor a rollback. */
  set_collation (self, wanted);
  _lia_db_set_stop_flag (db, &rekeying->stop);
  rekeyed = !g_atomic_int_get (&rekeying->stop) && rekey_contacts (self, &rekeying->stop, error);
  _lia_db_set_stop_flag (db, NULL);
  if (!rekeyed || !lia_store_commit (self, error))
    {
      if (lia_store_in_transaction (self))
        lia_store_rollback (self);
      /* The keys on file are still in the old collation. */
      _lia_store_load_collation (self, NULL);
      return FALSE;
    }

  return TRUE;
}

static gboolean
adopt_collation (LiaStore    *self,
                 const char  *wanted,
                 GError     **error)
{
  /* A server's sort keys are the whole office's, in the collation it was set up with: one
   * desktop's language does not re-sort them for everyone. */
  if (_lia_store_is_server (self) || wanted == NULL)
    return TRUE;

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      Rekeying *rekeying = rekeying_enter (self);
      gboolean adopted = adopt_collation_once (self, wanted, rekeying, &local_error);
      gboolean stopped = g_atomic_int_get (&rekeying->stop);

      rekeying_leave (self, rekeying);
      if (adopted)
        return TRUE;
      /* Stopped by a writer of this process (that is any error then, SQLite's "interrupted"
       * or one the stop caused): it saves first, then the keys are made again. */
      if (!stopped)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
}

gboolean
lia_store_adopt_collation (LiaStore  *self,
                           GError   **error)
{
  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);

  if (lia_store_get_collation_current (self))
    return TRUE;

  return adopt_collation (self, setlocale (LC_COLLATE, NULL), error);
}

static void
adopt_collation_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaStore) store = lia_store_open (lia_store_get_path (source_object), &error);

  if (store == NULL || !adopt_collation (store, task_data, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
lia_store_adopt_collation_async (LiaStore            *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LIA_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lia_store_adopt_collation_async);
  if (lia_store_get_collation_current (self))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  /* setlocale() read here, on the caller's thread. */
  g_task_set_task_data (task, g_strdup (setlocale (LC_COLLATE, NULL)), g_free);
  g_task_run_in_thread (task, adopt_collation_thread);
}

gboolean
lia_store_adopt_collation_finish (LiaStore      *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_autoptr(GError) refresh_error = NULL;
  gboolean changed = FALSE;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  /* This connection takes the new keys' collation, and its lists sort again on them: one
   * "reset", as when another window adopted it (lia_store_check_outside_changes()). */
  if (!_lia_store_refresh_collation (self, &changed, &refresh_error))
    g_debug ("%s", refresh_error->message);
  if (changed)
    g_signal_emit_by_name (self, "reset");

  return TRUE;
}

gboolean
_lia_store_check_reference (LiaStore    *self,
                            const char  *table,
                            gint64       id,
                            const char  *what,
                            LiaRecord   *record,
                            GError     **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  /* In import mode the importer resolved every reference itself, and the foreign keys refuse
   * one that does not exist. */
  if (id <= 0 || _lia_store_get_import_mode (self))
    return TRUE;

  sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1", table);
  if (!(stmt = _lia_store_prepare (self, sql, error)))
    return FALSE;
  _lia_db_bind_int64 (stmt, 1, id);

  rc = _lia_db_step (stmt);
  if (rc == LIA_DB_ROW)
    return TRUE;
  if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self, error, _("Could not read the database"));
      return FALSE;
    }

  {
    /* The id is formatted apart: a format macro inside _() hides the message from xgettext. */
    g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

    /* Translators: the first “%s” is a record's name; the second %s says which link, e.g.
     * "its parent organization"; the third is a database id. */
    g_set_error (error, LIA_STORE_ERROR, LIA_STORE_ERROR_REFERENCE,
                 _("“%s” refers to %s (id %s), which does not exist; nothing was saved."),
                 lia_record_get_label (record), what, id_text);
  }
  return FALSE;
}

gboolean
_lia_store_replace_strv (LiaStore           *self,
                         const char         *table,
                         const char         *owner_column,
                         const char         *value_column,
                         gint64              owner_id,
                         const char * const *values,
                         GError            **error)
{
  g_autofree char *delete_sql = NULL;
  g_autofree char *insert_sql = NULL;
  g_autoptr(LiaStmt) delete = NULL;

  if (!_lia_store_is_inserting (self))
    {
      delete_sql = g_strdup_printf ("DELETE FROM %s WHERE %s = ?1", table, owner_column);
      if (!(delete = _lia_store_prepare (self, delete_sql, error)))
        return FALSE;
      _lia_db_bind_int64 (delete, 1, owner_id);
      if (!_lia_store_step_done (self, delete, N_("Could not save a list"), error))
        return FALSE;
    }

  if (values == NULL || values[0] == NULL)
    return TRUE;

  insert_sql = g_strdup_printf ("INSERT INTO %s (%s, position, %s) VALUES (?1, ?2, ?3)",
                                table, owner_column, value_column);

  for (guint i = 0; values[i] != NULL; i++)
    {
      g_autoptr(LiaStmt) insert = NULL;

      if (!(insert = _lia_store_prepare (self, insert_sql, error)))
        return FALSE;
      _lia_db_bind_int64 (insert, 1, owner_id);
      _lia_db_bind_int (insert, 2, i);
      _lia_bind_text (insert, 3, values[i]);
      if (!_lia_store_step_done (self, insert, N_("Could not save a list"), error))
        return FALSE;
    }

  return TRUE;
}

char **
_lia_store_load_strv (LiaStore   *self,
                      const char *table,
                      const char *owner_column,
                      const char *value_column,
                      gint64      owner_id,
                      GError    **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *sql = NULL;
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  sql = g_strdup_printf ("SELECT %s FROM %s WHERE %s = ?1 ORDER BY position",
                         value_column, table, owner_column);
  if (!(stmt = _lia_store_prepare (self, sql, error)))
    return NULL;
  _lia_db_bind_int64 (stmt, 1, owner_id);

  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    g_strv_builder_add (builder, _lia_column_text (stmt, 0));

  if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self, error, _("Could not read a list"));
      return NULL;
    }

  return g_strv_builder_end (builder);
}
