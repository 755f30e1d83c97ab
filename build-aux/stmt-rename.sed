# SPDX-License-Identifier: GPL-3.0-or-later
# Converts store code from direct sqlite3_* calls to the API of src/store/lia-db.h:
#   sed -E -i -f build-aux/stmt-rename.sed src/store/lia-store-foo.c
# Needs -E. Calls split over lines, sqlite3_exec with an error-message argument and
# sqlite3_last_insert_rowid (write "INSERT ... RETURNING id" and read the row) are left for a
# hand: the compiler points at them.
s/\bsqlite3_stmt\b/LiaStmt/g
s/\bsqlite3 \*/LiaDb */g
s/\bsqlite3_prepare_v2 \(([^,]+), ([^,]+), ([^,]+), /_lia_db_prepare (\1, \2, \3, LIA_DB_PREPARE_DEFAULT, /g
s/\bsqlite3_prepare_v3 \(([^,]+), ([^,]+), ([^,]+), SQLITE_PREPARE_PERSISTENT, /_lia_db_prepare (\1, \2, \3, LIA_DB_PREPARE_PERSISTENT, /g
s/\bsqlite3_exec \(([^,]+), (.*), NULL, NULL, NULL\)/_lia_db_exec (\1, \2)/g
s/\(const (unsigned )?char \*\) ?sqlite3_column_text\b/_lia_db_column_text/g
s/\bsqlite3_(bind_int64|bind_int|bind_double|bind_text|bind_blob64|bind_null|bind_parameter_index|step|reset|clear_bindings|stmt_busy|finalize|column_count|column_name|column_type|column_int64|column_int|column_double|column_text|column_blob|column_bytes|get_autocommit|errmsg)\b/_lia_db_\1/g
s/\bsqlite3_changes(64)?\b/_lia_db_changes/g
s/\bSQLITE_(OK|ROW|DONE|NULL|INTEGER|FLOAT|TEXT|BLOB|STATIC|TRANSIENT)\b/LIA_DB_\1/g
