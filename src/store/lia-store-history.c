/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-store"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-store-private.h"

/* Field-level history: on every save of a record already stored, the values that changed,
 * found generically by comparing the stored record with the saved one through their GObject
 * properties (an object property such as a contact's assessment through its own), written in
 * the save's transaction. Values are kept as text; lists of objects (emails, participants,
 * milestones) as the text of their items' values. */

static char *value_to_text (const GValue *value,
                            gboolean     *out_known);

/* A list of objects (a contact's emails, phones, addresses; a project's milestones) as text:
 * each item's own values that have a text form, in the order of its properties, separated by
 * spaces; items separated by "; ". Lists of numbers only (ids) have none and are not compared. */
static char *
list_to_text (GListModel *list,
              gboolean   *out_known)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = list != NULL ? g_list_model_get_n_items (list) : 0;

  *out_known = TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      g_autofree GParamSpec **pspecs = NULL;
      g_autoptr(GString) one = g_string_new (NULL);
      guint n_pspecs;

      if (!G_IS_OBJECT (item))
        continue;
      pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (item), &n_pspecs);
      for (guint j = 0; j < n_pspecs; j++)
        {
          g_auto(GValue) value = G_VALUE_INIT;
          g_autofree char *part = NULL;
          gboolean known;

          if (!(pspecs[j]->flags & G_PARAM_READABLE) || g_str_equal (pspecs[j]->name, "id")
              || G_TYPE_FUNDAMENTAL (pspecs[j]->value_type) == G_TYPE_OBJECT
              || G_TYPE_FUNDAMENTAL (pspecs[j]->value_type) == G_TYPE_INTERFACE
              || G_TYPE_FUNDAMENTAL (pspecs[j]->value_type) == G_TYPE_INT64
              || G_TYPE_FUNDAMENTAL (pspecs[j]->value_type) == G_TYPE_BOOLEAN)
            continue;
          g_value_init (&value, pspecs[j]->value_type);
          g_object_get_property (item, pspecs[j]->name, &value);
          part = value_to_text (&value, &known);
          if (known && part != NULL && part[0] != '\0')
            g_string_append_printf (one, "%s%s", one->len > 0 ? " " : "", part);
        }
      if (one->len > 0)
        g_string_append_printf (text, "%s%s", text->len > 0 ? "; " : "", one->str);
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* The value as text, or NULL for none; *out_known is FALSE for a type that is not compared. */
static char *
value_to_text (const GValue *value,
               gboolean     *out_known)
{
  GType type = G_VALUE_TYPE (value);

  *out_known = TRUE;

  if (type == G_TYPE_STRING)
    {
      const char *text = g_value_get_string (value);
      return text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
    }
  if (type == G_TYPE_STRV)
    {
      const char * const *strv = g_value_get_boxed (value);
      return strv != NULL && strv[0] != NULL ? g_strjoinv (", ", (char **) strv) : NULL;
    }
  if (type == G_TYPE_DATE)
    {
      const GDate *date = g_value_get_boxed (value);
      return date != NULL ? lia_date_to_iso (date) : NULL;
    }
  if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *time = g_value_get_boxed (value);
      return time != NULL ? g_date_time_format_iso8601 (time) : NULL;
    }
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (g_value_get_boolean (value) ? "true" : "false");
  if (G_VALUE_HOLDS_ENUM (value))
    {
      GEnumClass *klass = g_type_class_ref (type);
      GEnumValue *nick = g_enum_get_value (klass, g_value_get_enum (value));
      char *text = g_strdup (nick != NULL ? nick->value_nick : NULL);

      g_type_class_unref (klass);
      return text;
    }
  if (g_value_type_transformable (type, G_TYPE_STRING) && G_TYPE_IS_VALUE_TYPE (type)
      && G_TYPE_FUNDAMENTAL (type) != G_TYPE_OBJECT && G_TYPE_FUNDAMENTAL (type) != G_TYPE_BOXED)
    {
      g_auto(GValue) text = G_VALUE_INIT;

      g_value_init (&text, G_TYPE_STRING);
      g_value_transform (value, &text);
      return g_value_dup_string (&text);
    }

  if (g_type_is_a (type, G_TYPE_LIST_MODEL))
    return list_to_text (g_value_get_object (value), out_known);

  *out_known = FALSE;
  return NULL;
}

static gboolean
compare_objects (LiaStore      *self,
                 LiaStmt       *insert,
                 GObject       *old,
                 GObject       *current,
                 const char    *prefix,
                 GError       **error)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (current), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) before = G_VALUE_INIT;
      g_auto(GValue) after = G_VALUE_INIT;
      g_autofree char *old_text = NULL;
      g_autofree char *new_text = NULL;
      g_autofree char *field = NULL;
      gboolean known;

      if (!(pspec->flags & G_PARAM_READABLE) || g_str_equal (pspec->name, "id")
          || g_str_equal (pspec->name, "created-at") || g_str_equal (pspec->name, "updated-at")
          || g_str_equal (pspec->name, "label"))
        continue;

      g_value_init (&before, pspec->value_type);
      g_value_init (&after, pspec->value_type);
      g_object_get_property (old, pspec->name, &before);
      g_object_get_property (current, pspec->name, &after);
      field = g_strconcat (prefix, pspec->name, NULL);

      if (G_TYPE_FUNDAMENTAL (pspec->value_type) == G_TYPE_OBJECT)
        {
          GObject *a = g_value_get_object (&before);
          GObject *b = g_value_get_object (&after);
          g_autofree char *inner = g_strconcat (field, ".", NULL);

          if (a != NULL && b != NULL && G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b) && !G_IS_LIST_MODEL (b)
              && !compare_objects (self, insert, a, b, inner, error))
            return FALSE;
          continue;
        }

      old_text = value_to_text (&before, &known);
      if (!known)
        continue;
      new_text = value_to_text (&after, &known);
      if (g_strcmp0 (old_text, new_text) == 0)
        continue;

      _lia_bind_text (insert, 1, field);
      if (old_text != NULL)
        _lia_bind_text (insert, 2, old_text);
      else
        _lia_db_bind_null (insert, 2);
      if (new_text != NULL)
        _lia_bind_text (insert, 3, new_text);
      else
        _lia_db_bind_null (insert, 3);
      if (!_lia_store_step_done (self, insert, N_("Could not save the record's history"), error))
        return FALSE;
      _lia_db_reset (insert);
    }

  return TRUE;
}

gboolean
_lia_store_write_field_history (LiaStore   *self,
                                LiaRecord  *old,
                                LiaRecord  *current,
                                GDateTime  *now,
                                GError    **error)
{
  g_autoptr(LiaStmt) insert = NULL;

  insert = _lia_store_prepare (self,
                               "INSERT INTO field_history (kind, record_id, field, old_value,"
                               " new_value, changed_at, author) VALUES (?4, ?5, ?1, ?2, ?3, ?6, ?7)",
                               error);
  if (insert == NULL)
    return FALSE;
  _lia_bind_text (insert, 4, lia_enum_to_nick (LIA_TYPE_RECORD_KIND, lia_record_get_kind (current)));
  _lia_db_bind_int64 (insert, 5, lia_record_get_id (current));
  _lia_db_bind_int64 (insert, 6, g_date_time_to_unix (now) * G_USEC_PER_SEC
                                 + g_date_time_get_microsecond (now));
  _lia_bind_text (insert, 7, _lia_db_user_name (_lia_store_get_db (self)));

  return compare_objects (self, insert, G_OBJECT (old), G_OBJECT (current), "", error);
}

void
lia_field_change_free (LiaFieldChange *change)
{
  if (change == NULL)
    return;
  g_clear_pointer (&change->changed_at, g_date_time_unref);
  g_free (change->author);
  g_free (change->field);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change);
}

/* The rows of a query on field_history (changed_at, author, field, old_value, new_value). */
static GPtrArray *
read_changes (LiaStore  *self,
              LiaStmt   *stmt,
              GError   **error)
{
  g_autoptr(GPtrArray) changes = NULL;
  int rc;

  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) lia_field_change_free);
  while ((rc = _lia_db_step (stmt)) == LIA_DB_ROW)
    {
      LiaFieldChange *change = g_new0 (LiaFieldChange, 1);

      change->changed_at = _lia_column_time (stmt, 0);
      change->author = g_strdup (_lia_db_column_text (stmt, 1));
      change->field = g_strdup (_lia_column_text (stmt, 2));
      change->old_value = g_strdup (_lia_db_column_text (stmt, 3));
      change->new_value = g_strdup (_lia_db_column_text (stmt, 4));
      g_ptr_array_add (changes, change);
    }
  if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self, error, _("Could not read the record's history"));
      return NULL;
    }

  return g_steal_pointer (&changes);
}

GPtrArray *
lia_store_list_field_history (LiaStore       *self,
                              LiaRecordKind   kind,
                              gint64          id,
                              GError        **error)
{
  g_autoptr(LiaStmt) stmt = NULL;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);

  stmt = _lia_store_prepare (self,
                             "SELECT changed_at, author, field, old_value, new_value FROM field_history"
                             " WHERE kind = ?1 AND record_id = ?2 ORDER BY seq",
                             error);
  if (stmt == NULL)
    return NULL;
  _lia_bind_text (stmt, 1, lia_enum_to_nick (LIA_TYPE_RECORD_KIND, kind));
  _lia_db_bind_int64 (stmt, 2, id);

  return read_changes (self, stmt, error);
}

GPtrArray *
lia_store_list_recent_field_history (LiaStore       *self,
                                     LiaRecordKind   kind,
                                     gint64          id,
                                     guint           offset,
                                     guint           n_saves,
                                     GError        **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  const char *kind_nick;

  g_return_val_if_fail (LIA_IS_STORE (self), NULL);

  /* The rows of one save share its time: the page is the saves' times, newest first, and
   * every row written at one of them. Portable SQL, on field_history_by_record. */
  stmt = _lia_store_prepare (self,
                             "SELECT changed_at, author, field, old_value, new_value FROM field_history"
                             " WHERE kind = ? AND record_id = ? AND changed_at IN"
                             " (SELECT DISTINCT changed_at FROM field_history"
                             "  WHERE kind = ? AND record_id = ?"
                             "  ORDER BY changed_at DESC LIMIT ? OFFSET ?)"
                             " ORDER BY changed_at DESC, seq",
                             error);
  if (stmt == NULL)
    return NULL;
  kind_nick = lia_enum_to_nick (LIA_TYPE_RECORD_KIND, kind);
  _lia_bind_text (stmt, 1, kind_nick);
  _lia_db_bind_int64 (stmt, 2, id);
  _lia_bind_text (stmt, 3, kind_nick);
  _lia_db_bind_int64 (stmt, 4, id);
  _lia_db_bind_int64 (stmt, 5, n_saves);
  _lia_db_bind_int64 (stmt, 6, offset);

  return read_changes (self, stmt, error);
}

gboolean
lia_store_get_record_creation (LiaStore       *self,
                               LiaRecordKind   kind,
                               gint64          id,
                               char          **out_author,
                               GDateTime     **out_when,
                               GError        **error)
{
  g_autoptr(LiaStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (LIA_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_author != NULL && out_when != NULL, FALSE);

  *out_author = NULL;
  *out_when = NULL;

  stmt = _lia_store_prepare (self,
                             "SELECT author, changed_at FROM change_log"
                             " WHERE kind = ? AND record_id = ? AND operation = 'insert'"
                             " ORDER BY seq DESC LIMIT 1",
                             error);
  if (stmt == NULL)
    return FALSE;
  _lia_bind_text (stmt, 1, lia_enum_to_nick (LIA_TYPE_RECORD_KIND, kind));
  _lia_db_bind_int64 (stmt, 2, id);

  rc = _lia_db_step (stmt);
  if (rc == LIA_DB_ROW)
    {
      *out_author = g_strdup (_lia_db_column_text (stmt, 0));
      *out_when = _lia_column_time (stmt, 1);
    }
  else if (rc != LIA_DB_DONE)
    {
      _lia_store_set_error_from_db (self, error, _("Could not read the record's history"));
      return FALSE;
    }

  return TRUE;
}
