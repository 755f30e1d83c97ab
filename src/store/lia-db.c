/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-store"

#include "config.h"

#include "lia-db.h"
#include "lia-server.h"

/* One rule for the whole program: lia-server.c's. */
gboolean
_lia_db_location_is_server (const char *location)
{
  return lia_server_is_location (location);
}

char *
_lia_db_location_for_display (const char *location)
{
  g_autoptr(GRegex) uri = NULL;
  g_autoptr(GRegex) keyword = NULL;
  g_autofree char *shown = NULL;

  if (!_lia_db_location_is_server (location))
    return g_strdup (location);

  /* postgresql://user:secret@host → postgresql://user@host; password=… and ?password=… go. */
  uri = g_regex_new ("^(postgres(?:ql)?://[^:@/]*):[^@/]*@", 0, 0, NULL);
  keyword = g_regex_new ("(^|[\\s?&])password\\s*=\\s*('(?:[^'\\\\]|\\\\.)*'|[^\\s&]*)",
                         G_REGEX_CASELESS, 0, NULL);
  shown = g_regex_replace (uri, location, -1, 0, "\\1@", 0, NULL);
  return g_regex_replace (keyword, shown, -1, 0, "\\1password=…", 0, NULL);
}

/* Which backend a location names. */
int
_lia_db_open (const char  *location,
              LiaDb      **out_db)
{
  g_assert (location != NULL);
  g_assert (out_db != NULL);

  if (_lia_db_location_is_server (location))
    return _lia_db_pg_open (location, NULL, out_db);
  return _lia_db_sqlite_open (location, out_db);
}

void
_lia_db_close (LiaDb *db)
{
  if (db != NULL)
    db->backend->close (db);
}

const char *
_lia_db_backend_name (LiaDb *db)
{
  return db->backend->name;
}

const char *
_lia_db_begin_sql (LiaDb *db)
{
  return db->backend->begin_sql;
}

int
_lia_db_exec (LiaDb      *db,
              const char *sql)
{
  return db->backend->exec (db, sql);
}

int
_lia_db_prepare (LiaDb              *db,
                 const char         *sql,
                 int                 n_bytes,
                 LiaDbPrepareFlags   flags,
                 LiaStmt           **out_stmt,
                 const char        **out_tail)
{
  return db->backend->prepare (db, sql, n_bytes, flags, out_stmt, out_tail);
}

void
_lia_db_finalize (LiaStmt *stmt)
{
  if (stmt != NULL)
    stmt->backend->finalize (stmt);
}

gboolean
_lia_db_in_transaction (LiaDb *db)
{
  return db->backend->in_transaction (db);
}

int
_lia_db_get_autocommit (LiaDb *db)
{
  return !db->backend->in_transaction (db);
}

gint64
_lia_db_changes (LiaDb *db)
{
  return db->backend->changes (db);
}

const char *
_lia_db_errmsg (LiaDb *db)
{
  return db->backend->errmsg (db);
}

LiaDbErrorClass
_lia_db_error_class (LiaDb *db)
{
  return db->backend->error_class (db);
}

int
_lia_db_create_text_function (LiaDb         *db,
                              const char    *name,
                              int            n_args,
                              LiaDbTextFunc  func,
                              gpointer       user_data)
{
  return db->backend->create_text_function (db, name, n_args, func, user_data);
}

int
_lia_db_configure (LiaDb *db)
{
  return db->backend->configure (db);
}

int
_lia_db_get_user_version (LiaDb *db,
                          int   *out_version)
{
  return db->backend->get_user_version (db, out_version);
}

int
_lia_db_set_user_version (LiaDb *db,
                          int    version)
{
  return db->backend->set_user_version (db, version);
}

int
_lia_db_data_version (LiaDb  *db,
                      gint64 *out_version)
{
  return db->backend->data_version (db, out_version);
}

int
_lia_db_set_bulk_mode (LiaDb    *db,
                       gboolean  bulk)
{
  return db->backend->set_bulk_mode (db, bulk);
}

void
_lia_db_set_label (LiaDb      *db,
                   const char *label)
{
  if (db->backend->set_label != NULL)
    db->backend->set_label (db, label);
}

void
_lia_db_set_stop_flag (LiaDb      *db,
                       const gint *flag)
{
  if (db->backend->set_stop_flag != NULL)
    db->backend->set_stop_flag (db, flag);
}

const char *
_lia_db_user_name (LiaDb *db)
{
  return db->backend->user_name (db);
}
