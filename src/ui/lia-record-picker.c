/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-record-picker.h"
#include "lia-ui-util.h"

#define RESULTS_PER_KIND 8

struct _LiaRecordPicker
{
  GtkBox          parent_instance;

  LiaStore       *store;
  guint           kinds;
  GPtrArray      *results;  /* LiaSearchResult shown, in row order */

  GtkSearchEntry *entry;
  GtkListBox     *list;
  GtkLabel       *hint;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_KINDS,
  N_PROPS
};

enum {
  PICKED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LiaRecordPicker, lia_record_picker, GTK_TYPE_BOX)

static void
refresh (LiaRecordPicker *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (LIA_IS_RECORD_PICKER (self));

  lia_ui_remove_all (GTK_WIDGET (self->list));
  g_ptr_array_set_size (self->results, 0);

  if (self->store == NULL || lia_text_is_blank (text))
    {
      gtk_label_set_text (self->hint, _("Type a name to search"));
      gtk_widget_set_visible (GTK_WIDGET (self->hint), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->list), FALSE);
      return;
    }

  found = lia_store_search (self->store, text, RESULTS_PER_KIND, &error);
  if (found == NULL)
    {
      gtk_label_set_text (self->hint, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->hint), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->list), FALSE);
      return;
    }

  for (guint i = 0; i < found->len; i++)
    {
      LiaSearchResult *result = found->pdata[i];
      LiaRecordKind kind = lia_search_result_get_kind (result);
      const char *context;
      GtkWidget *row;
      GtkWidget *icon;

      if ((self->kinds & (1u << kind)) == 0)
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lia_search_result_get_title (result));
      if (kind == LIA_RECORD_KIND_INTERACTION)
        {
          /* Interactions often share a title: their kind and day tell them apart. */
          int interaction_kind = LIA_INTERACTION_KIND_MEETING;
          g_autoptr(GDate) day = lia_search_result_get_day (result) != NULL
                                 ? lia_date_parse_iso (lia_search_result_get_day (result), NULL) : NULL;
          g_autofree char *day_text = lia_labels_format_date (day);

          if (lia_search_result_get_subkind (result) != NULL)
            lia_enum_from_nick (LIA_TYPE_INTERACTION_KIND, lia_search_result_get_subkind (result),
                                &interaction_kind, NULL);
          icon = gtk_image_new_from_icon_name (lia_ui_interaction_kind_icon_name (interaction_kind));
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          lia_labels_interaction_kind (interaction_kind), -1);
          if (day_text != NULL)
            adw_action_row_set_subtitle (ADW_ACTION_ROW (row), day_text);
        }
      else
        {
          /* Role and organization tell namesakes apart before one is picked. */
          context = lia_search_result_get_context (result);
          if (context != NULL && context[0] != '\0')
            adw_action_row_set_subtitle (ADW_ACTION_ROW (row), context);
          icon = gtk_image_new_from_icon_name (kind == LIA_RECORD_KIND_ORGANIZATION
                                               ? "network-workgroup-symbolic"
                                               : kind == LIA_RECORD_KIND_PROJECT
                                               ? "view-list-bullet-symbolic"
                                               : "avatar-default-symbolic");
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          kind == LIA_RECORD_KIND_ORGANIZATION ? _("Organization")
                                          : kind == LIA_RECORD_KIND_PROJECT ? _("Project")
                                                                            : _("Contact"),
                                          -1);
        }
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->list, row);
      g_ptr_array_add (self->results, g_object_ref (result));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->list), self->results->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->hint), self->results->len == 0);
  gtk_label_set_text (self->hint, _("No matches"));
}

static void
on_entry_changed_cb (LiaRecordPicker *self)
{
  refresh (self);
}

static void
on_entry_activate_cb (LiaRecordPicker *self)
{
  if (self->results->len > 0)
    lia_record_picker_pick (self, 0);
}

static void
on_row_activated_cb (LiaRecordPicker *self,
                     GtkListBoxRow   *row)
{
  lia_record_picker_pick (self, (guint) gtk_list_box_row_get_index (row));
}

static void
lia_record_picker_dispose (GObject *object)
{
  LiaRecordPicker *self = (LiaRecordPicker *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->results, g_ptr_array_unref);

  G_OBJECT_CLASS (lia_record_picker_parent_class)->dispose (object);
}

static void
lia_record_picker_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LiaRecordPicker *self = LIA_RECORD_PICKER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_KINDS:
      g_value_set_uint (value, self->kinds);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_record_picker_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LiaRecordPicker *self = LIA_RECORD_PICKER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_KINDS:
      self->kinds = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_record_picker_class_init (LiaRecordPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lia_record_picker_dispose;
  object_class->get_property = lia_record_picker_get_property;
  object_class->set_property = lia_record_picker_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LIA_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_KINDS] =
    g_param_spec_uint ("kinds", NULL, NULL,
                       0, G_MAXUINT,
                       (1u << LIA_RECORD_KIND_ORGANIZATION) | (1u << LIA_RECORD_KIND_CONTACT),
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LiaRecordPicker::picked:
   * @kind: a LiaRecordKind
   * @id: the record's database id
   * @label: its name
   */
  signals[PICKED] =
    g_signal_new ("picked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT, G_TYPE_INT64, G_TYPE_STRING);
}

static void
lia_record_picker_init (LiaRecordPicker *self)
{
  GtkWidget *scrolled;

  self->results = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);

  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->entry, "placeholder-text", _("Search organizations and people"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search"),
                                  -1);
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (on_entry_changed_cb), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (on_entry_activate_cb), self);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->entry));

  self->hint = GTK_LABEL (gtk_label_new (_("Type a name to search")));
  gtk_widget_add_css_class (GTK_WIDGET (self->hint), "dim-label");
  gtk_widget_set_margin_top (GTK_WIDGET (self->hint), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->hint), 12);
  gtk_label_set_wrap (self->hint, TRUE);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->hint));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_visible (GTK_WIDGET (self->list), FALSE);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (on_row_activated_cb), self);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_box_append (GTK_BOX (self), scrolled);
  gtk_widget_set_size_request (GTK_WIDGET (self), 300, -1);
}

LiaRecordPicker *
lia_record_picker_new (LiaStore *store,
                       guint     kinds)
{
  g_return_val_if_fail (LIA_IS_STORE (store), NULL);

  return g_object_new (LIA_TYPE_RECORD_PICKER,
                       "store", store,
                       "kinds", kinds,
                       NULL);
}

void
lia_record_picker_set_text (LiaRecordPicker *self,
                            const char      *text)
{
  g_return_if_fail (LIA_IS_RECORD_PICKER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), text != NULL ? text : "");
}

guint
lia_record_picker_get_n_results (LiaRecordPicker *self)
{
  g_return_val_if_fail (LIA_IS_RECORD_PICKER (self), 0);

  return self->results->len;
}

void
lia_record_picker_pick (LiaRecordPicker *self,
                        guint            index)
{
  g_autoptr(LiaSearchResult) result = NULL;

  g_return_if_fail (LIA_IS_RECORD_PICKER (self));
  g_return_if_fail (index < self->results->len);

  result = g_object_ref (self->results->pdata[index]);
  g_signal_emit (self, signals[PICKED], 0,
                 (int) lia_search_result_get_kind (result),
                 lia_search_result_get_id (result),
                 lia_search_result_get_title (result));
  lia_record_picker_set_text (self, "");
}

void
lia_record_picker_focus (LiaRecordPicker *self)
{
  g_return_if_fail (LIA_IS_RECORD_PICKER (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
on_button_picked_cb (GtkMenuButton *button)
{
  gtk_menu_button_popdown (button);
}

static void
on_popover_show_cb (LiaRecordPicker *picker)
{
  lia_record_picker_focus (picker);
}

GtkWidget *
lia_record_picker_button_new (LiaStore         *store,
                              guint             kinds,
                              const char       *label,
                              LiaRecordPicker **out_picker)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  LiaRecordPicker *picker = lia_record_picker_new (store, kinds);

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), label);
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (picker));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  g_signal_connect_object (picker, "picked", G_CALLBACK (on_button_picked_cb), button,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_popover_show_cb), picker,
                           G_CONNECT_SWAPPED);

  if (out_picker != NULL)
    *out_picker = picker;

  return button;
}

void
lia_record_picker_button_set_name (GtkWidget  *button,
                                   const char *name)
{
  GtkWidget *toggle;

  g_return_if_fail (GTK_IS_MENU_BUTTON (button));

  /* GTK 4.8 shows a screen reader the toggle button inside the menu button, named after its
   * label ("Choose…"), not the menu button: name both. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  toggle = gtk_widget_get_first_child (button);
  if (GTK_IS_TOGGLE_BUTTON (toggle))
    gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}
