/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-store"

#include "config.h"

#include "lia-db.h"

/* Which backend a location names. Only SQLite files for now. */
int
_lia_db_open (const char  *location,
              LiaDb      **out_db)
{
  g_assert (location != NULL);
  g_assert (out_db != NULL);

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
