/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-editor-merge.h"
#include "lia-model.h"

/* The conflict dialog and its three-way merge. A record's fields are its GObject properties
 * (lists of emails, participants, milestones, … as a whole; an object such as an assessment as
 * a whole), compared as text between the version the editor opened with (the base), the
 * officer's (mine: the form applied) and the stored one (theirs). A field only one side
 * changed takes that side's value without asking; a field both changed to different values
 * is a clash, where the officer picks. The merged record starts from theirs, carries their
 * row version (a third change made meanwhile is refused again), and takes mine's values field
 * by field. What a field is called and shows comes from the editor's own form: an editor of
 * the same kind, never shown, filled with theirs and with theirs plus that one value of mine;
 * the rows whose shown text differ are that field's. So every editor kind works alike. */

typedef struct
{
  char      *name;        /* the property */
  gboolean   clash;       /* both changed it, differently */
  gboolean   from_mine;   /* the merge takes mine's value (a clash: as picked) */
  char      *title;       /* the form's title for it, or NULL when the form does not show it */
  char      *theirs_text;
  char      *mine_text;
  GtkWidget *mine_check;
} MergeField;

typedef struct
{
  LiaRecord *base;
  LiaRecord *mine;
  LiaRecord *theirs;
  GPtrArray *fields;  /* MergeField, for every field whose value differs between mine and theirs */
} Merge;

static void
merge_field_free (gpointer data)
{
  MergeField *field = data;

  g_free (field->name);
  g_free (field->title);
  g_free (field->theirs_text);
  g_free (field->mine_text);
  g_free (field);
}

static void
merge_free (gpointer data)
{
  Merge *merge = data;

  g_clear_object (&merge->base);
  g_clear_object (&merge->mine);
  g_clear_object (&merge->theirs);
  g_clear_pointer (&merge->fields, g_ptr_array_unref);
  g_free (merge);
}

static gboolean
is_bookkeeping (const char *name)
{
  return g_str_equal (name, "id") || g_str_equal (name, "uid") || g_str_equal (name, "created-at")
         || g_str_equal (name, "updated-at") || g_str_equal (name, "label");
}

static void append_object (GString *out, GObject *object);

/* An object value: a GObject type or an interface such as GListModel. */
static gboolean
is_object_type (GType type)
{
  return G_TYPE_FUNDAMENTAL (type) == G_TYPE_OBJECT || G_TYPE_IS_INTERFACE (type);
}

/* A value as text, equal for equal values (a list item by item, an object property by property). */
static void
append_value (GString      *out,
              const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    g_string_append (out, g_value_get_string (value) != NULL ? g_value_get_string (value) : "");
  else if (type == G_TYPE_STRV)
    {
      const char * const *strv = g_value_get_boxed (value);

      for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
        g_string_append_printf (out, "%s\037", strv[i]);
    }
  else if (type == G_TYPE_DATE)
    {
      const GDate *date = g_value_get_boxed (value);

      if (date != NULL && g_date_valid (date))
        g_string_append_printf (out, "%u", g_date_get_julian (date));
    }
  else if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *time = g_value_get_boxed (value);

      if (time != NULL)
        g_string_append_printf (out, "%" G_GINT64_FORMAT, g_date_time_to_unix (time));
    }
  else if (type == G_TYPE_BYTES)
    {
      GBytes *bytes = g_value_get_boxed (value);

      if (bytes != NULL)
        g_string_append_printf (out, "%" G_GSIZE_FORMAT ":%u", g_bytes_get_size (bytes), g_bytes_hash (bytes));
    }
  else if (type == G_TYPE_ARRAY)
    {
      GArray *array = g_value_get_boxed (value);

      if (array != NULL && g_array_get_element_size (array) == sizeof (gint64))
        for (guint i = 0; i < array->len; i++)
          g_string_append_printf (out, "%" G_GINT64_FORMAT ",", g_array_index (array, gint64, i));
    }
  else if (is_object_type (type))
    {
      GObject *object = g_value_get_object (value);

      if (G_IS_LIST_MODEL (object))
        for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (object)); i++)
          {
            g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (object), i);

            g_string_append_c (out, '[');
            append_object (out, item);
            g_string_append_c (out, ']');
          }
      else if (object != NULL)
        append_object (out, object);
    }
  else if (g_value_type_transformable (type, G_TYPE_STRING) && G_TYPE_FUNDAMENTAL (type) != G_TYPE_BOXED
           && G_TYPE_FUNDAMENTAL (type) != G_TYPE_POINTER)
    {
      g_auto(GValue) text = G_VALUE_INIT;

      g_value_init (&text, G_TYPE_STRING);
      g_value_transform (value, &text);
      append_value (out, &text);
    }
}

static void
append_object (GString *out,
               GObject *object)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (!(pspecs[i]->flags & G_PARAM_READABLE) || is_bookkeeping (pspecs[i]->name)
          || G_TYPE_FUNDAMENTAL (pspecs[i]->value_type) == G_TYPE_POINTER)
        continue;
      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, &value);
      g_string_append_printf (out, "%s=", pspecs[i]->name);
      append_value (out, &value);
      g_string_append_c (out, '\036');
    }
}

static void
append_ids (GString      *out,
            const GArray *ids)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    g_string_append_printf (out, "%" G_GINT64_FORMAT ",", g_array_index (ids, gint64, i));
  g_string_append_c (out, ';');
}

/* The field's value in @record as text. A contact's display name is the one typed (not the
 * one composed from the other names); an interaction's participants are its two id lists. */
static char *
field_value (LiaRecord  *record,
             const char *name)
{
  GString *out = g_string_new (NULL);

  if (LIA_IS_CONTACT (record) && g_str_equal (name, "display-name"))
    g_string_append (out, lia_contact_get_explicit_display_name (LIA_CONTACT (record)));
  else if (LIA_IS_INTERACTION (record) && g_str_equal (name, "participants"))
    {
      append_ids (out, lia_interaction_get_contact_ids (LIA_INTERACTION (record)));
      append_ids (out, lia_interaction_get_organization_ids (LIA_INTERACTION (record)));
    }
  else
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), name);
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (G_OBJECT (record), name, &value);
      append_value (out, &value);
    }

  return g_string_free (out, FALSE);
}

/* The fields a merge looks at: what can be set, lists and objects, a photo, participants.
 * Values derived from others (read-only scalars such as "is-overdue") follow by themselves. */
static gboolean
is_field (LiaRecord  *record,
          GParamSpec *pspec)
{
  GType fundamental = G_TYPE_FUNDAMENTAL (pspec->value_type);

  if (!(pspec->flags & G_PARAM_READABLE) || is_bookkeeping (pspec->name))
    return FALSE;
  if (LIA_IS_INTERACTION (record) && g_str_equal (pspec->name, "participants"))
    return TRUE;
  if (fundamental == G_TYPE_POINTER)
    return FALSE;
  if ((pspec->flags & G_PARAM_WRITABLE) && !(pspec->flags & G_PARAM_CONSTRUCT_ONLY))
    return TRUE;
  return is_object_type (pspec->value_type) || pspec->value_type == G_TYPE_BYTES || pspec->value_type == G_TYPE_ARRAY;
}

static void
copy_object_values (GObject *to,
                    GObject *from)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (from), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (!(pspecs[i]->flags & G_PARAM_WRITABLE) || (pspecs[i]->flags & G_PARAM_CONSTRUCT_ONLY)
          || !(pspecs[i]->flags & G_PARAM_READABLE) || g_str_equal (pspecs[i]->name, "id"))
        continue;
      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (from, pspecs[i]->name, &value);
      g_object_set_property (to, pspecs[i]->name, &value);
    }
}

/* Gives @to the field's value from @from. */
static void
copy_field (LiaRecord  *to,
            LiaRecord  *from,
            const char *name)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (from), name);
  g_auto(GValue) value = G_VALUE_INIT;

  if (LIA_IS_CONTACT (to) && g_str_equal (name, "display-name"))
    {
      lia_contact_set_display_name (LIA_CONTACT (to), lia_contact_get_explicit_display_name (LIA_CONTACT (from)));
      return;
    }
  if (LIA_IS_CONTACT (to) && g_str_equal (name, "photo"))
    {
      if (lia_contact_get_photo_loaded (LIA_CONTACT (from)))
        lia_contact_set_photo (LIA_CONTACT (to), lia_contact_get_photo (LIA_CONTACT (from)),
                               lia_contact_get_photo_mime_type (LIA_CONTACT (from)));
      else
        lia_contact_forget_photo (LIA_CONTACT (to));
      return;
    }
  if (LIA_IS_INTERACTION (to) && g_str_equal (name, "participants"))
    {
      const GArray *contacts = lia_interaction_get_contact_ids (LIA_INTERACTION (from));
      const GArray *organizations = lia_interaction_get_organization_ids (LIA_INTERACTION (from));

      lia_interaction_clear_participants (LIA_INTERACTION (to));
      for (guint i = 0; contacts != NULL && i < contacts->len; i++)
        lia_interaction_add_contact (LIA_INTERACTION (to), g_array_index (contacts, gint64, i));
      for (guint i = 0; organizations != NULL && i < organizations->len; i++)
        lia_interaction_add_organization (LIA_INTERACTION (to), g_array_index (organizations, gint64, i));
      return;
    }
  if (LIA_IS_CONCERN (to) && g_str_equal (name, "interaction-ids"))
    {
      const GArray *old = lia_concern_get_interaction_ids (LIA_CONCERN (to));
      const GArray *ids = lia_concern_get_interaction_ids (LIA_CONCERN (from));

      while (old != NULL && old->len > 0)
        lia_concern_remove_interaction (LIA_CONCERN (to), g_array_index (old, gint64, 0));
      for (guint i = 0; ids != NULL && i < ids->len; i++)
        lia_concern_add_interaction (LIA_CONCERN (to), g_array_index (ids, gint64, i));
      return;
    }

  g_value_init (&value, pspec->value_type);
  g_object_get_property (G_OBJECT (from), name, &value);

  if ((pspec->flags & G_PARAM_WRITABLE) && !(pspec->flags & G_PARAM_CONSTRUCT_ONLY))
    {
      g_object_set_property (G_OBJECT (to), name, &value);
    }
  else if (is_object_type (pspec->value_type))
    {
      g_auto(GValue) target = G_VALUE_INIT;
      GObject *source = g_value_get_object (&value);
      GObject *into;

      g_value_init (&target, pspec->value_type);
      g_object_get_property (G_OBJECT (to), name, &target);
      into = g_value_get_object (&target);
      if (G_IS_LIST_STORE (into) && G_IS_LIST_MODEL (source))
        {
          guint n = g_list_model_get_n_items (G_LIST_MODEL (source));
          g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

          for (guint i = 0; i < n; i++)
            g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (source), i));
          g_list_store_splice (G_LIST_STORE (into), 0, g_list_model_get_n_items (G_LIST_MODEL (into)),
                               items->pdata, items->len);
          g_object_notify_by_pspec (G_OBJECT (to), pspec);
        }
      else if (into != NULL && source != NULL && G_OBJECT_TYPE (into) == G_OBJECT_TYPE (source))
        copy_object_values (into, source);
      else
        g_warning ("Cannot merge the field “%s” of a %s", name, G_OBJECT_TYPE_NAME (to));
    }
  else
    g_warning ("Cannot merge the field “%s” of a %s", name, G_OBJECT_TYPE_NAME (to));
}

static LiaRecord *
copy_record (LiaRecord *record)
{
  LiaRecord *copy = g_object_new (G_OBJECT_TYPE (record), NULL);

  lia_record_copy_from (copy, record);
  lia_record_copy_identity (copy, record);
  return copy;
}

/* The three-way comparison: every field whose value differs between mine and theirs. */
static GPtrArray *
compare (LiaRecord *base,
         LiaRecord *mine,
         LiaRecord *theirs)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (merge_field_free);
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (mine), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_autofree char *base_value = NULL;
      g_autofree char *mine_value = NULL;
      g_autofree char *theirs_value = NULL;
      gboolean mine_changed, theirs_changed;
      MergeField *field;

      if (!is_field (mine, pspecs[i]))
        continue;
      mine_value = field_value (mine, pspecs[i]->name);
      theirs_value = field_value (theirs, pspecs[i]->name);
      if (g_str_equal (mine_value, theirs_value))
        continue;
      base_value = field_value (base, pspecs[i]->name);
      mine_changed = !g_str_equal (base_value, mine_value);
      theirs_changed = !g_str_equal (base_value, theirs_value);

      field = g_new0 (MergeField, 1);
      field->name = g_strdup (pspecs[i]->name);
      field->clash = mine_changed && theirs_changed;
      /* A clash starts as the officer's own choice: they changed it on purpose. */
      field->from_mine = mine_changed;
      g_ptr_array_add (fields, field);
    }

  return fields;
}

/* The outermost rows of a form (a row inside a row, such as an address's street, is part of
 * the outer one), as title and shown text. */
static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (GTK_IS_POPOVER (widget))
    return;
  if (ADW_IS_PREFERENCES_ROW (widget))
    {
      g_ptr_array_add (rows, g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget))));
      g_ptr_array_add (rows, _lia_editor_dup_shown (widget));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static GPtrArray *
form_rows (LiaEditor *like,
           LiaRecord *record)
{
  LiaEditor *editor = g_object_new (G_OBJECT_TYPE (like), "store", lia_editor_get_store (like),
                                    "record", record, NULL);
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);

  g_object_ref_sink (editor);
  collect_rows (GTK_WIDGET (editor), rows);
  gtk_window_destroy (GTK_WINDOW (editor));
  g_object_unref (editor);
  return rows;
}

static char *
plain (const char *title)
{
  GString *out = g_string_new (NULL);

  for (const char *p = title; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] != '_')
        continue;
      g_string_append_c (out, *p);
      if (*p == '_')
        p++;
    }
  return g_string_free (out, FALSE);
}

/* "Email Addresses" for "_Email Addresses, separated by commas", "Display Name" for "_Display
 * Name (optional)": a row's title without the hint it gives for typing. */
static char *
short_title (const char *title)
{
  char *name = plain (title);
  char *cut = strstr (name, " (");

  if (cut != NULL && cut != name)
    *cut = '\0';
  cut = strchr (name, ',');
  if (cut != NULL && cut != name)
    *cut = '\0';
  return name;
}

static void
append_shown (GString    *out,
              const char *text)
{
  if (text[0] == '\0')
    return;
  if (out->len > 0)
    g_string_append (out, " · ");
  g_string_append (out, text);
}

/* Names each field as the form does, and says what each side shows for it. */
static void
describe (LiaEditor *editor,
          Merge     *merge)
{
  g_autoptr(GPtrArray) theirs_rows = form_rows (editor, merge->theirs);

  for (guint i = 0; i < merge->fields->len; i++)
    {
      MergeField *field = merge->fields->pdata[i];
      g_autoptr(LiaRecord) probe = copy_record (merge->theirs);
      g_autoptr(GPtrArray) probe_rows = NULL;
      g_autoptr(GString) titles = g_string_new (NULL);
      g_autoptr(GString) theirs_text = g_string_new (NULL);
      g_autoptr(GString) mine_text = g_string_new (NULL);

      copy_field (probe, merge->mine, field->name);
      probe_rows = form_rows (editor, probe);
      for (guint j = 0; j < MAX (probe_rows->len, theirs_rows->len); j += 2)
        {
          const char *title = j < probe_rows->len ? probe_rows->pdata[j] : theirs_rows->pdata[j];
          const char *mine = j < probe_rows->len ? probe_rows->pdata[j + 1] : "";
          const char *theirs = j < theirs_rows->len ? theirs_rows->pdata[j + 1] : "";
          g_autofree char *name = NULL;

          if (j < probe_rows->len && j < theirs_rows->len && g_str_equal (probe_rows->pdata[j], theirs_rows->pdata[j])
              && g_str_equal (mine, theirs))
            continue;
          name = short_title (title);
          if (strstr (titles->str, name) == NULL)
            {
              if (titles->len > 0)
                g_string_append (titles, ", ");
              g_string_append (titles, name);
            }
          append_shown (theirs_text, theirs);
          append_shown (mine_text, mine);
        }
      if (titles->len > 0)
        {
          field->title = g_strdup (titles->str);
          field->theirs_text = g_strdup (theirs_text->str);
          field->mine_text = g_strdup (mine_text->str);
        }
    }
}

static void
on_merge_response_cb (LiaEditor  *self,
                      const char *response,
                      GtkWidget  *dialog)
{
  Merge *merge = g_object_get_data (G_OBJECT (dialog), "merge");
  LiaRecord *record = lia_editor_get_record (self);

  if (merge == NULL)
    {
      if (g_strcmp0 (response, "theirs") == 0)
        _lia_editor_respond (self, "discard");
      return;
    }

  if (g_strcmp0 (response, "mine") == 0)
    {
      /* Save over theirs: from the version just seen, so a third change is caught again. */
      lia_record_set_version (record, lia_record_get_version (merge->theirs));
      _lia_editor_respond (self, "save");
    }
  else if (g_strcmp0 (response, "theirs") == 0)
    {
      _lia_editor_respond (self, "discard");
    }
  else if (g_strcmp0 (response, "merge") == 0)
    {
      g_autoptr(LiaRecord) merged = copy_record (merge->theirs);

      for (guint i = 0; i < merge->fields->len; i++)
        {
          MergeField *field = merge->fields->pdata[i];

          if (field->clash && field->mine_check != NULL)
            field->from_mine = gtk_check_button_get_active (GTK_CHECK_BUTTON (field->mine_check));
          if (field->from_mine)
            copy_field (merged, merge->mine, field->name);
        }
      lia_record_copy_from (record, merged);
      lia_record_copy_identity (record, merged);
      /* What was merged with is the common ancestor of the next conflict, if any; the form
       * (Back to Editing) still descends from the version the editor opened with. */
      _lia_editor_set_merged_base (self, merge->theirs);
      _lia_editor_respond (self, "save-record");
    }
}

static GtkWidget *
choice_row (const char *title,
            const char *value,
            const char *field_title,
            GtkWidget  *group_with)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *accessible = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value[0] != '\0' ? value : _("(empty)"));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (group_with != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), GTK_CHECK_BUTTON (group_with));
  /* Translators: what a choice in the conflict dialog says to a screen reader: "Sector: Theirs, Public health". */
  accessible = g_strdup_printf (_("%s: %s, %s"), field_title, title, value[0] != '\0' ? value : _("(empty)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  return row;
}

void
_lia_editor_show_conflict (LiaEditor  *self,
                           const char *message)
{
  LiaRecord *mine = lia_editor_get_record (self);
  g_autoptr(LiaRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) merged_titles = g_string_new (NULL);
  GtkWidget *dialog;
  GtkWidget *label;
  Merge *merge = NULL;
  guint n_clashes = 0;

  stored = lia_store_load (lia_editor_get_store (self), lia_record_get_kind (mine),
                           lia_record_get_id (mine), &error);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Changed by Someone Else"), message);

  if (stored != NULL)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      GtkWidget *choices = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      g_autofree char *text = NULL;

      merge = g_new0 (Merge, 1);
      merge->base = g_object_ref (_lia_editor_get_base (self));
      merge->mine = copy_record (mine);
      merge->theirs = g_steal_pointer (&stored);
      merge->fields = compare (merge->base, merge->mine, merge->theirs);
      describe (self, merge);
      g_object_set_data_full (G_OBJECT (dialog), "merge", merge, merge_free);

      for (guint i = 0; i < merge->fields->len; i++)
        {
          MergeField *field = merge->fields->pdata[i];
          GtkWidget *group, *theirs_row, *mine_row;

          if (field->title == NULL)
            continue;
          if (!field->clash)
            {
              if (merged_titles->len > 0)
                g_string_append (merged_titles, ", ");
              g_string_append (merged_titles, field->title);
              continue;
            }

          group = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), field->title);
          theirs_row = choice_row (_("Theirs"), field->theirs_text, field->title, NULL);
          mine_row = choice_row (_("Yours"), field->mine_text, field->title,
                                 adw_action_row_get_activatable_widget (ADW_ACTION_ROW (theirs_row)));
          field->mine_check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (mine_row));
          gtk_check_button_set_active (GTK_CHECK_BUTTON (field->mine_check), TRUE);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), theirs_row);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), mine_row);
          gtk_box_append (GTK_BOX (choices), group);
          n_clashes++;
        }

      /* Said in as few lines as can be: the dialog must fit a small screen with its choices. */
      if (n_clashes > 0 && merged_titles->len > 0)
        /* Translators: the fields a merge takes from one side without asking, as in "… merged: Name, Sector." */
        text = g_strdup_printf (_("Where you both changed a field, pick the version to keep. The other "
                                  "changes are merged: %s."), merged_titles->str);
      else if (n_clashes > 0)
        text = g_strdup (_("Where you both changed a field, pick the version to keep."));
      else
        /* Translators: the fields a merge takes from one side without asking, as in "… keeps both: Name, Sector." */
        text = g_strdup_printf (_("You changed different fields: Save Merged keeps both: %s."), merged_titles->str);
      label = gtk_label_new (text);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), label);

      /* The choices scroll (the words above them do not), with room for a field's two at least. */
      if (n_clashes > 0)
        {
          GtkWidget *scrolled = gtk_scrolled_window_new ();

          gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
          gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
          gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 130);
          gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
          gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), choices);
          gtk_box_append (GTK_BOX (box), scrolled);
        }
      else
        {
          g_object_ref_sink (choices);
          g_object_unref (choices);
        }
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
    }

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Back to Editing"),
                                    "theirs", _("_Take Theirs"),
                                    "mine", _("_Keep Mine"),
                                    "merge", _("Save _Merged"),
                                    NULL);
  /* Keep Mine and a merge need the other version; without it (deleted) there is none. */
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "mine", merge != NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "merge", merge != NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "mine",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "merge",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), merge != NULL ? "merge" : "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_merge_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}
