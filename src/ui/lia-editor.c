/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-editor.h"
#include "lia-editor-merge.h"
#include "lia-engagement-ui.h"
#include "lia-editor-dates.h"
#include "lia-record-picker.h"

/* A row that can be wrong. Its problem is shown in the row itself (its title says what is
 * wrong, in the error colour), so that nothing moves under the pointer when it comes or goes;
 * and only once the person is done with the field, or asked to save. */
typedef struct
{
  GtkWidget *row;       /* AdwPreferencesRow */
  char      *title;     /* the row's own title, with its mnemonic */
  char      *problem;   /* what is wrong now (this validation's), or NULL */
  gboolean   edited;    /* changed since the editor opened, not yet left */
  gboolean   emptied;   /* found empty by a change (maybe only halfway through a replacement) */
  gboolean   touched;   /* problems are shown */
  int        reserved;  /* the height the row took with its problem, kept once it is fixed */
} Field;

typedef struct
{
  LiaStore    *store;
  LiaRecord   *record;
  LiaRecord   *base;    /* the record as the editor opened it */
  LiaRecord   *merged_base;  /* the version a merge being saved was made with, or NULL */
  gboolean     is_new;
  gboolean     loading;
  gboolean     dirty;
  gboolean     closing;
  char        *problem;
  char        *loaded;  /* what the form showed when it opened (form_state()) */
  GPtrArray   *fields;  /* Field, in the order of the form */
  guint        emptied_idle;

  GtkWidget   *save_button;
  GtkWidget   *toasts;
  GtkWidget   *form;
} LiaEditorPrivate;

enum {
  PROP_0,
  PROP_STORE,
  PROP_RECORD,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (LiaEditor, lia_editor, ADW_TYPE_WINDOW)

static void
field_free (gpointer data)
{
  Field *field = data;

  g_free (field->title);
  g_free (field->problem);
  g_free (field);
}

static Field *
find_field (LiaEditor *self,
            GtkWidget *row)
{
  LiaEditorPrivate *priv = lia_editor_get_instance_private (self);

  for (guint i = 0; i < priv->fields->len; i++)
    {
      Field *field = priv->fields->pdata[i];

      if (field->row == row)
        return field;
    }

  return NULL;
}

/* "Title" from "_Title", for messages that name the field. */
static char *
plain_title (const char *title)
{
  GString *plain = g_string_new (NULL);

  for (const char *p = title; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] != '_')
            continue;
          p++;
        }
      g_string_append_c (plain, *p);
    }

  return g_string_free (plain, FALSE);
}

static char *
escape_underlines (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

/* A problem is said in the row's title, which may be long: wrapped, never cut with "…".
 * Neither AdwEntryRow nor AdwComboRow names its title labels (an entry row has two: the
 * placeholder-sized one and the small one above the text): found by their text. */
static void
wrap_title_labels (GtkWidget  *widget,
                   const char *title)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), title) == 0)
    {
      GtkLabel *label = GTK_LABEL (widget);

      gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_NONE);
      gtk_label_set_lines (label, -1);
      gtk_label_set_wrap (label, TRUE);
      gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    wrap_title_labels (child, title);
}

static void
show_field (Field *field)
{
  gboolean wrong = field->touched && field->problem != NULL;
  int height = gtk_widget_get_height (field->row);

  /* A problem long enough to wrap makes its row taller; once fixed, the row keeps that height
   * while the editor is open, so that the rows below do not move back and forth as the
   * problem comes and goes with the typing. */
  if (gtk_widget_get_mapped (field->row) && height > field->reserved &&
      gtk_widget_has_css_class (field->row, "error"))
    {
      field->reserved = height;
      gtk_widget_set_size_request (field->row, -1, field->reserved);
    }

  if (wrong)
    {
      g_autofree char *message = escape_underlines (field->problem);
      g_autofree char *plain = plain_title (field->title);
      /* Translators: a field's title and what is wrong with it, as in "Date: “31/02” is not a date". */
      g_autofree char *title = g_strdup_printf (_("%s: %s"), field->title, message);
      g_autofree char *full = g_strdup_printf (_("%s: %s"), plain, field->problem);

      gtk_widget_add_css_class (field->row, "error");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->row), title);
      gtk_widget_set_tooltip_text (field->row, full);
    }
  else
    {
      gtk_widget_remove_css_class (field->row, "error");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->row), field->title);
      gtk_widget_set_tooltip_text (field->row, NULL);
    }
}

static void
on_field_row_gone_cb (gpointer  data,
                      GObject  *row)
{
  LiaEditor *self = data;
  LiaEditorPrivate *priv = lia_editor_get_instance_private (self);

  for (guint i = 0; i < priv->fields->len; i++)
    if (((Field *) priv->fields->pdata[i])->row == (GtkWidget *) row)
      {
        g_ptr_array_remove_index (priv->fields, i);
        return;
      }
}

static void
validate (LiaEditor *self)
{
  LiaEditorPrivate *priv = lia_editor_get_instance_private (self);
  LiaEditorClass *klass = LIA_EDITOR_GET_CLASS (self);
  g_autoptr(LiaRecord) trial = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  trial = g_object_new (G_OBJECT_TYPE (priv->record), NULL);
  lia_record_copy_from (trial, priv->record);
  lia_record_set_id (trial, lia_record_get_id (priv->record));

  for (guint i = 0; i < priv->fields->len; i++)
    g_clear_pointer (&((Field *) priv->fields->pdata[i])->problem, g_free);
  g_clear_pointer (&priv->problem, g_free);

  ok = klass->apply (self, trial, &error);
  for (guint i = 0; i < priv->fields->len; i++)
    if (((Field *) priv->fields->pdata[i])->problem != NULL)
      ok = FALSE;
  if (ok && !lia_record_validate (trial, &error))
    ok = FALSE;

  /* A problem no field owns (the model's own rules) is shown on the first field. */
  if (error != NULL && priv->fields->len > 0)
    {
      Field *first = priv->fields->pdata[0];

      if (first->problem == NULL)
        first->problem = g_strdup (error->message);
    }

  for (guint i = 0; i < priv->fields->len; i++)
    {
      Field *field = priv->fields->pdata[i];

      if (field->problem != NULL && priv->problem == NULL)
        {
          g_autofree char *plain = plain_title (field->title);

          priv->problem = g_strdup_printf (_("%s: %s"), plain, field->problem);
        }
      show_field (field);
    }
  if (!ok && priv->problem == NULL)
    priv->problem = g_strdup (error != NULL ? error->message : _("This record cannot be saved."));

  gtk_widget_set_sensitive (priv->save_button, priv->dirty);
}

static gboolean
emptied_idle_cb (gpointer user_data)
{
  LiaEditor *self = user_data;
  LiaEditorPrivate *priv = lia_editor_get_instance_private (self);

  priv->emptied_idle = 0;
  for (guint i = 0; i < priv->fields->len; i++)
    {
      Field *field = priv->fields->pdata[i];

      if (!field->emptied)
        continue;
      field->emptied = FALSE;
      if (gtk_editable_get_text (GTK_EDITABLE (field->row))[0] == '\0')
        {
          field->touched = TRUE;
          show_field (field);
        }
    }

  return G_SOURCE_REMOVE;
}

static void
on_field_changed_cb (GtkEditable *row,
                     LiaEditor   *self)
{
  LiaEditorPrivate *priv = lia_editor_get_instance_private (self);
  Field *field = find_field (self, GTK_WIDGET (row));

  if (priv->loading || field == NULL)
    return;

  field->edited = TRUE;
  /* Emptying a field is a decision, not a half-typed value: say at once if it is needed. But
   * replacing the text empties it for a moment too: look again once the change is done. */
  if (gtk_editable_get_text (row)[0] == '\0' && !field->touched)
    {
      field->emptied = TRUE;
      if (priv->emptied_idle == 0)
        priv->emptied_idle = g_idle_add (emptied_idle_cb, self);
    }
  lia_editor_changed (self);
}

static void
on_field_leave_cb (GtkEventControllerFocus *controller,
                   LiaEditor               *self)
{
  Field *field = find_field (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));

  if (field == NULL || !field->edited || field->touched)
    return;

  field->touched = TRUE;
  show_field (field);
}

/* What the form holds, as text: every value a person can change, and every row (a participant
 * added is a row). Comparing it with the state it opened with tells a change typed back to
 * the original from a real one. A field's title is its own, not the problem it shows; what
 * is typed into a search for a record is no value until a record is picked. */
static void
append_form_state (LiaEditor *self,
                   GtkWidget *widget,
                   GString   *state)
{
  if (GTK_IS_POPOVER (widget) || LIA_IS_RECORD_PICKER (widget) || GTK_IS_MENU_BUTTON (widget))
    return;

  if (ADW_IS_PREFERENCES_ROW (widget))
    {
      Field *field = find_field (self, widget);

      g_string_append_printf (state, "\036row\037%s",
                              field != NULL ? field->title
                                            : adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
      if (ADW_IS_ACTION_ROW (widget))
        g_string_append_printf (state, "\037%s", adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)));
      if (ADW_IS_EXPANDER_ROW (widget))
        g_string_append_printf (state, "\037%s", adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (widget)));
    }
  if (ADW_IS_COMBO_ROW (widget))
    g_string_append_printf (state, "\037%u", adw_combo_row_get_selected (ADW_COMBO_ROW (widget)));
  if (GTK_IS_EDITABLE (widget) && gtk_editable_get_delegate (GTK_EDITABLE (widget)) == NULL)
    g_string_append_printf (state, "\036text\037%s", gtk_editable_get_text (GTK_EDITABLE (widget)));
  if (GTK_IS_TEXT_VIEW (widget))
    {
      g_autofree char *text = lia_editor_dup_text (widget);

      g_string_append_printf (state, "\036text\037%s", text);
    }
  if (GTK_IS_CHECK_BUTTON (widget))
    g_string_append_printf (state, "\036check\037%d", gtk_check_button_get_active (GTK_CHECK_BUTTON (widget)));
  if (GTK_IS_SWITCH (widget))
    g_string_append_printf (state, "\036switch\037%d", gtk_switch_get_active (GTK_SWITCH (widget)));
  if (GTK_IS_TOGGLE_BUTTON (widget))
    g_string_append_printf (state, "\036toggle\037%d", gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    append_form_state (self, child, state);
}

static char *
form_state (LiaEditor *self)
{
  LiaEditorPrivate *priv = lia_editor_get_instance_private (self);
  GString *state = g_string_new (NULL);

  append_form_state (self, priv->form, state);
  return g_string_free (state, FALSE);
}

void
lia_editor_changed (LiaEditor *self)
{
  LiaEditorPrivate *priv = lia_editor_get_instance_private (self);

  g_return_if_fail (LIA_IS_EDITOR (self));

  if (priv->loading)
    return;

  /* Save is for a change: not for one typed back to what was there. */
  {
    g_autofree char *now = form_state (self);

    priv->dirty = g_strcmp0 (now, priv->loaded) != 0;
  }
  validate (self);
}

static gboolean
lia_editor_real_save (LiaEditor  *self,
                      LiaRecord  *record,
                      GError    **error)
{
  LiaEditorPrivate *priv = lia_editor_get_instance_private (self);

  return lia_store_save (priv->store, record, error);
}

static void on_unsaved_response_cb (LiaEditor  *self,
                                    const char *response,
                                    GtkWidget  *dialog);

/* What a field's row shows a person, as one line: its text, its choice, its switch. */
static void
append_shown (GtkWidget *widget,
              GString   *shown)
{
  const char *text = NULL;
  g_autofree char *owned = NULL;

  if (GTK_IS_POPOVER (widget) || LIA_IS_RECORD_PICKER (widget) || GTK_IS_MENU_BUTTON (widget))
    return;

  if (ADW_IS_COMBO_ROW (widget))
    {
      GObject *item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (widget));

      if (GTK_IS_STRING_OBJECT (item))
        text = gtk_string_object_get_string (GTK_STRING_OBJECT (item));
    }
  else if (GTK_IS_EDITABLE (widget) && gtk_editable_get_delegate (GTK_EDITABLE (widget)) == NULL)
    text = gtk_editable_get_text (GTK_EDITABLE (widget));
  else if (GTK_IS_TEXT_VIEW (widget))
    text = owned = lia_editor_dup_text (widget);
  else if (GTK_IS_SWITCH (widget))
    text = gtk_switch_get_active (GTK_SWITCH (widget)) ? _("yes") : _("no");
  else if (GTK_IS_CHECK_BUTTON (widget))
    text = gtk_check_button_get_active (GTK_CHECK_BUTTON (widget)) ? _("yes") : _("no");

  if (text != NULL && text[0] != '\0')
    {
      if (shown->len > 0)
        g_string_append (shown, " · ");
      g_string_append (shown, text);
    }

  if (ADW_IS_COMBO_ROW (widget))
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    append_shown (child, shown);
}

char *
_lia_editor_dup_shown (GtkWidget *row)
{
  GString *shown = g_string_new (NULL);

  append_shown (row, shown);
  return g_string_free (shown, FALSE);
}

LiaRecord *
_lia_editor_get_base (LiaEditor *self)
{
  LiaEditorPrivate *priv = lia_editor_get_instance_private (self);

  return priv->merged_base != NULL ? priv->merged_base : priv->base;
}

void
_lia_editor_set_merged_base (LiaEditor *self,
                             LiaRecord *base)
{
  LiaEditorPrivate *priv = lia_editor_get_instance_private (self);

  g_set_object (&priv->merged_base, base);
}

void
_lia_editor_respond (LiaEditor  *self,
                     const char *response)
{
  on_unsaved_response_cb (self, response, NULL);
}

/* The store's messages are written for people: show them as they are, until read. */
static void
show_problem (LiaEditor  *self,
              const char *message)
{
  LiaEditorPrivate *priv = lia_editor_get_instance_private (self);
  AdwToast *toast;

  g_free (priv->problem);
  priv->problem = g_strdup (message);
  toast = adw_toast_new (priv->problem);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (priv->toasts), toast);
}

/* Writes priv->record as it is (the form already applied to it, or a merge put in it). */
static gboolean
save_record (LiaEditor *self)
{
  LiaEditorPrivate *priv = lia_editor_get_instance_private (self);
  LiaEditorClass *klass = LIA_EDITOR_GET_CLASS (self);
  g_autoptr(GError) error = NULL;

  if (!klass->save (self, priv->record, &error))
    {
      if (g_error_matches (error, LIA_STORE_ERROR, LIA_STORE_ERROR_CONFLICT))
        _lia_editor_show_conflict (self, error->message);
      else
        show_problem (self, error->message);
      return FALSE;
    }

  priv->dirty = FALSE;
  g_signal_emit (self, signals[SAVED], 0, priv->record);
  gtk_window_destroy (GTK_WINDOW (self));

  return TRUE;
}

gboolean
lia_editor_save (LiaEditor *self)
{
  LiaEditorPrivate *priv = lia_editor_get_instance_private (self);
  LiaEditorClass *klass = LIA_EDITOR_GET_CLASS (self);
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LIA_IS_EDITOR (self), FALSE);

  /* The form is saved, not a merge: it descends from the version the editor opened with. */
  g_clear_object (&priv->merged_base);

  /* Asked to save: every problem is shown now, and the first one gets the focus. */
  for (guint i = 0; i < priv->fields->len; i++)
    ((Field *) priv->fields->pdata[i])->touched = TRUE;
  validate (self);
  if (priv->problem != NULL)
    {
      for (guint i = 0; i < priv->fields->len; i++)
        {
          Field *field = priv->fields->pdata[i];

          if (field->problem == NULL)
            continue;
          for (GtkWidget *up = gtk_widget_get_parent (field->row); up != NULL; up = gtk_widget_get_parent (up))
            if (ADW_IS_EXPANDER_ROW (up))
              adw_expander_row_set_expanded (ADW_EXPANDER_ROW (up), TRUE);
          gtk_widget_grab_focus (field->row);
          break;
        }
      return FALSE;
    }

  if (!klass->apply (self, priv->record, &error))
    {
      show_problem (self, error->message);
      return FALSE;
    }

  return save_record (self);
}

static void
on_save_clicked_cb (LiaEditor *self)
{
  lia_editor_save (self);
}

static void
on_cancel_clicked_cb (LiaEditor *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
finish_response_idle_cb (gpointer user_data)
{
  g_autoptr(LiaEditor) self = g_object_get_data (user_data, "editor");
  LiaEditorPrivate *priv = lia_editor_get_instance_private (self);
  const char *response = g_object_get_data (user_data, "response");

  if (g_strcmp0 (response, "save") == 0)
    lia_editor_save (self);
  else if (g_strcmp0 (response, "save-record") == 0)
    save_record (self);
  else if (g_strcmp0 (response, "discard") == 0)
    {
      priv->dirty = FALSE;
      gtk_window_destroy (GTK_WINDOW (self));
    }

  return G_SOURCE_REMOVE;
}

static void
on_unsaved_response_cb (LiaEditor  *self,
                        const char *response,
                        GtkWidget  *dialog)
{
  g_autoptr(GObject) job = g_object_new (G_TYPE_OBJECT, NULL);

  /* The dialog is still closing, transient for this window: leave it done first. */
  g_object_set_data_full (job, "editor", g_object_ref (self), NULL);
  g_object_set_data_full (job, "response", g_strdup (response), g_free);
  g_idle_add_full (G_PRIORITY_DEFAULT, finish_response_idle_cb, g_steal_pointer (&job), g_object_unref);
}

static gboolean
lia_editor_close_request (GtkWindow *window)
{
  LiaEditor *self = LIA_EDITOR (window);
  LiaEditorPrivate *priv = lia_editor_get_instance_private (self);
  GtkWidget *dialog;

  if (!priv->dirty)
    return GTK_WINDOW_CLASS (lia_editor_parent_class)->close_request (window);

  dialog = adw_message_dialog_new (window, _("Save Changes?"),
                                   _("This record has changes that are not saved. Changes "
                                     "which are not saved will be lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save", priv->problem == NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsaved_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static void
lia_editor_constructed (GObject *object)
{
  LiaEditor *self = (LiaEditor *) object;
  LiaEditorPrivate *priv = lia_editor_get_instance_private (self);
  LiaEditorClass *klass = LIA_EDITOR_GET_CLASS (self);

  G_OBJECT_CLASS (lia_editor_parent_class)->constructed (object);

  g_assert (priv->record != NULL);

  priv->loading = TRUE;
  klass->load (self, priv->record);
  priv->loading = FALSE;
  priv->loaded = form_state (self);
  validate (self);

  /* Typing starts in the first field (never on Cancel, where a space would throw it all away). */
  if (priv->fields->len > 0)
    gtk_widget_grab_focus (((Field *) priv->fields->pdata[0])->row);
}

static void
lia_editor_dispose (GObject *object)
{
  LiaEditor *self = (LiaEditor *) object;
  LiaEditorPrivate *priv = lia_editor_get_instance_private (self);

  g_clear_handle_id (&priv->emptied_idle, g_source_remove);
  g_clear_object (&priv->record);
  g_clear_object (&priv->base);
  g_clear_object (&priv->merged_base);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (lia_editor_parent_class)->dispose (object);
}

static void
lia_editor_finalize (GObject *object)
{
  LiaEditor *self = (LiaEditor *) object;
  LiaEditorPrivate *priv = lia_editor_get_instance_private (self);

  g_clear_pointer (&priv->problem, g_free);
  g_clear_pointer (&priv->loaded, g_free);
  /* Rows still alive (held elsewhere) must not call back into a finalized editor. */
  for (guint i = 0; i < priv->fields->len; i++)
    g_object_weak_unref (G_OBJECT (((Field *) priv->fields->pdata[i])->row), on_field_row_gone_cb, self);
  g_clear_pointer (&priv->fields, g_ptr_array_unref);

  G_OBJECT_CLASS (lia_editor_parent_class)->finalize (object);
}

static void
lia_editor_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LiaEditor *self = LIA_EDITOR (object);
  LiaEditorPrivate *priv = lia_editor_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;

    case PROP_RECORD:
      g_value_set_object (value, priv->record);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_editor_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  LiaEditor *self = LIA_EDITOR (object);
  LiaEditorPrivate *priv = lia_editor_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      break;

    case PROP_RECORD:
      {
        LiaRecord *record = g_value_get_object (value);

        /* A copy: the list's object must not show half-typed values, nor keep them on Cancel. */
        priv->record = g_object_new (G_OBJECT_TYPE (record), NULL);
        lia_record_copy_from (priv->record, record);
        lia_record_copy_identity (priv->record, record);
        /* Kept for a conflict: what changed on each side since is what the merge sees. */
        priv->base = g_object_new (G_OBJECT_TYPE (record), NULL);
        lia_record_copy_from (priv->base, record);
        lia_record_copy_identity (priv->base, record);
        priv->is_new = lia_record_get_id (record) == 0;
      }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_editor_class_init (LiaEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lia_editor_constructed;
  object_class->dispose = lia_editor_dispose;
  object_class->finalize = lia_editor_finalize;
  object_class->get_property = lia_editor_get_property;
  object_class->set_property = lia_editor_set_property;

  window_class->close_request = lia_editor_close_request;

  klass->save = lia_editor_real_save;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LIA_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL,
                         LIA_TYPE_RECORD,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LIA_TYPE_RECORD);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "activate-default", NULL);
}

static void
lia_editor_init (LiaEditor *self)
{
  LiaEditorPrivate *priv = lia_editor_get_instance_private (self);
  GtkWidget *box, *header, *cancel, *scrolled, *clamp;

  priv->fields = g_ptr_array_new_with_free_func (field_free);

  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 680);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (on_cancel_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  priv->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (priv->save_button, "suggested-action");
  gtk_widget_set_sensitive (priv->save_button, FALSE);
  g_signal_connect_swapped (priv->save_button, "clicked", G_CALLBACK (on_save_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), priv->save_button);
  gtk_window_set_default_widget (GTK_WINDOW (self), priv->save_button);
  gtk_box_append (GTK_BOX (box), header);

  priv->form = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (priv->form, 24);
  gtk_widget_set_margin_bottom (priv->form, 24);
  gtk_widget_set_margin_start (priv->form, 12);
  gtk_widget_set_margin_end (priv->form, 12);
  clamp = adw_clamp_new ();
  adw_clamp_set_child (ADW_CLAMP (clamp), priv->form);
  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  /* A failed save says why over the form, which does not move. */
  priv->toasts = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (priv->toasts), scrolled);
  gtk_widget_set_vexpand (priv->toasts, TRUE);
  gtk_box_append (GTK_BOX (box), priv->toasts);

  adw_window_set_content (ADW_WINDOW (self), box);
}

LiaStore *
lia_editor_get_store (LiaEditor *self)
{
  LiaEditorPrivate *priv = lia_editor_get_instance_private (self);

  g_return_val_if_fail (LIA_IS_EDITOR (self), NULL);

  return priv->store;
}

LiaRecord *
lia_editor_get_record (LiaEditor *self)
{
  LiaEditorPrivate *priv = lia_editor_get_instance_private (self);

  g_return_val_if_fail (LIA_IS_EDITOR (self), NULL);

  return priv->record;
}

gboolean
lia_editor_is_new (LiaEditor *self)
{
  LiaEditorPrivate *priv = lia_editor_get_instance_private (self);

  g_return_val_if_fail (LIA_IS_EDITOR (self), FALSE);

  return priv->is_new;
}

gboolean
lia_editor_is_dirty (LiaEditor *self)
{
  LiaEditorPrivate *priv = lia_editor_get_instance_private (self);

  g_return_val_if_fail (LIA_IS_EDITOR (self), FALSE);

  return priv->dirty;
}

const char *
lia_editor_get_problem (LiaEditor *self)
{
  LiaEditorPrivate *priv = lia_editor_get_instance_private (self);

  g_return_val_if_fail (LIA_IS_EDITOR (self), NULL);

  return priv->problem;
}

GtkWidget *
lia_editor_add_group (LiaEditor  *self,
                      const char *title,
                      const char *description)
{
  LiaEditorPrivate *priv = lia_editor_get_instance_private (self);
  GtkWidget *group = adw_preferences_group_new ();

  g_return_val_if_fail (LIA_IS_EDITOR (self), NULL);

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (GTK_BOX (priv->form), group);

  return group;
}

GtkWidget *
lia_editor_add_entry (LiaEditor  *self,
                      GtkWidget  *group,
                      const char *title,
                      const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  lia_editor_add_field (self, row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  return row;
}

GtkWidget *
lia_editor_add_combo (LiaEditor   *self,
                      GtkWidget   *group,
                      const char  *title,
                      const char **labels,
                      guint        selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (labels);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (lia_editor_changed), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  return row;
}

GtkWidget *
lia_editor_add_text (LiaEditor  *self,
                     const char *title,
                     const char *text)
{
  GtkWidget *group = lia_editor_add_group (self, title, NULL);
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, 80);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_widget_add_css_class (frame, "view");
  g_signal_connect_swapped (buffer, "changed", G_CALLBACK (lia_editor_changed), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);

  return view;
}

char *
lia_editor_dup_text (GtkWidget *text_view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

const char *
lia_editor_entry_text (GtkWidget *entry_row)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry_row));
}

void
lia_editor_add_field (LiaEditor *self,
                      GtkWidget *row)
{
  LiaEditorPrivate *priv = lia_editor_get_instance_private (self);
  Field *field;

  g_return_if_fail (LIA_IS_EDITOR (self));
  g_return_if_fail (ADW_IS_PREFERENCES_ROW (row));

  field = g_new0 (Field, 1);
  field->row = row;
  field->title = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  /* Messages hold what people typed: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  wrap_title_labels (row, field->title);
  g_ptr_array_add (priv->fields, field);
  /* Rows come and go with the form (an affiliation removed): so do their fields. */
  g_object_weak_ref (G_OBJECT (row), on_field_row_gone_cb, self);

  if (GTK_IS_EDITABLE (row))
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect (row, "changed", G_CALLBACK (on_field_changed_cb), self);
      g_signal_connect (focus, "leave", G_CALLBACK (on_field_leave_cb), self);
      gtk_widget_add_controller (row, focus);
    }
}

void
lia_editor_field_changed (LiaEditor *self,
                          GtkWidget *row)
{
  LiaEditorPrivate *priv = lia_editor_get_instance_private (self);
  Field *field;

  g_return_if_fail (LIA_IS_EDITOR (self));

  if (priv->loading)
    return;
  field = find_field (self, row);
  if (field != NULL)
    field->edited = field->touched = TRUE;
  lia_editor_changed (self);
}

void
lia_editor_report (LiaEditor  *self,
                   GtkWidget  *row,
                   const char *message)
{
  LiaEditorPrivate *priv = lia_editor_get_instance_private (self);
  Field *field;

  g_return_if_fail (LIA_IS_EDITOR (self));
  g_return_if_fail (message != NULL);

  field = find_field (self, row);
  if (field == NULL && priv->fields->len > 0)
    field = priv->fields->pdata[0];
  g_return_if_fail (field != NULL);

  /* The first problem of a field is the one to fix first. */
  if (field->problem == NULL)
    field->problem = g_strdup (message);
}

const char *
lia_editor_get_field_problem (LiaEditor *self,
                              GtkWidget *row)
{
  Field *field;

  g_return_val_if_fail (LIA_IS_EDITOR (self), NULL);

  field = find_field (self, row);
  if (field == NULL || !field->touched)
    return NULL;

  return field->problem;
}

gboolean
lia_editor_require_text (LiaEditor *self,
                         GtkWidget *row)
{
  if (!lia_text_is_blank (lia_editor_entry_text (row)))
    return TRUE;

  lia_editor_report (self, row, _("required"));
  return FALSE;
}

GtkWidget *
lia_editor_date_row_new (LiaEditor   *self,
                         const char  *title,
                         const GDate *date)
{
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *text = lia_editor_date_format (date);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), lia_editor_calendar_button_new (row));
  lia_editor_add_field (self, row);

  return row;
}

GtkWidget *
lia_editor_add_date (LiaEditor   *self,
                     GtkWidget   *group,
                     const char  *title,
                     const GDate *date)
{
  GtkWidget *row = lia_editor_date_row_new (self, title, date);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  return row;
}

gboolean
lia_editor_get_date (LiaEditor  *self,
                     GtkWidget  *row,
                     GDate     **out)
{
  g_autofree char *text = g_strstrip (g_strdup (lia_editor_entry_text (row)));

  *out = NULL;
  if (text[0] == '\0')
    return TRUE;

  *out = lia_editor_date_parse (text);
  if (*out == NULL)
    {
      g_autoptr(GDate) today = lia_date_new_today ();
      g_autofree char *example = lia_editor_date_format (today);
      /* Translators: the first %s is what was typed, the second today's date in the locale's format. */
      g_autofree char *message = g_strdup_printf (_("“%s” is not a date; write it like %s"), text, example);

      lia_editor_report (self, row, message);
      return FALSE;
    }

  return TRUE;
}

GtkWidget *
lia_editor_add_assessment (LiaEditor      *self,
                           LiaAssessment  *assessment,
                           GtkWidget     **out_influence,
                           GtkWidget     **out_interest,
                           GtkWidget     **out_stance)
{
  const char *scale[] = { _("Not assessed"), "1", "2", "3", "4", "5", NULL };
  /* In the order of LiaStance. */
  const char *stances[] = { lia_labels_stance (LIA_STANCE_UNKNOWN), lia_labels_stance (LIA_STANCE_ADVOCATE),
                            lia_labels_stance (LIA_STANCE_SUPPORTIVE), lia_labels_stance (LIA_STANCE_NEUTRAL),
                            lia_labels_stance (LIA_STANCE_CONCERNED), lia_labels_stance (LIA_STANCE_OPPOSED),
                            NULL };
  GtkWidget *group = lia_editor_add_group (self, _("Assessment"),
                                           _("How much they matter to us, and where they stand"));

  *out_influence = lia_editor_add_combo (self, group, _("_Influence"), scale,
                                         (guint) CLAMP (lia_assessment_get_influence (assessment), 0, 5));
  *out_interest = lia_editor_add_combo (self, group, _("I_nterest"), scale,
                                        (guint) CLAMP (lia_assessment_get_interest (assessment), 0, 5));
  *out_stance = lia_editor_add_combo (self, group, _("_Stance"), stances,
                                      lia_assessment_get_stance (assessment));
  lia_engagement_add_cadence_rows (self, group, assessment, *out_stance);

  return group;
}

void
lia_editor_apply_assessment (LiaAssessment *assessment,
                             GtkWidget     *influence,
                             GtkWidget     *interest,
                             GtkWidget     *stance)
{
  lia_assessment_set_influence (assessment, (int) adw_combo_row_get_selected (ADW_COMBO_ROW (influence)));
  lia_assessment_set_interest (assessment, (int) adw_combo_row_get_selected (ADW_COMBO_ROW (interest)));
  lia_assessment_set_stance (assessment, (LiaStance) adw_combo_row_get_selected (ADW_COMBO_ROW (stance)));
  lia_engagement_apply_cadence_rows (assessment, stance);
}
