/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-preferences-window.h"
#include "lia-engagement-ui.h"

struct _LiaPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  /* Template widgets */
  GtkWidget            *database_row;
  AdwComboRow          *style_row;
  AdwEntryRow          *office_row;
  AdwComboRow          *paper_row;
  GtkSpinButton        *history_spin;
  GtkSpinButton        *interactions_spin;
  GtkSwitch            *redact_switch;
  GtkSwitch            *map_switch;
  GtkSwitch            *notifications_switch;
  AdwComboRow          *sort_row;
  AdwPreferencesGroup  *cadence_group;
};

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LiaPreferencesWindow, lia_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The schema's choices for each combo row, in the order of the row's items (the .ui file). */
static const char *style_choices[] = { "default", "light", "dark", NULL };
static const char *paper_choices[] = { "locale", "a4", "letter", NULL };
static const char *sort_choices[] = { "family-name", "given-name", NULL };

static gboolean
choice_to_selected (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char **choices = user_data;
  const char *choice = g_variant_get_string (variant, NULL);

  for (guint i = 0; choices[i] != NULL; i++)
    {
      if (g_str_equal (choices[i], choice))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  /* The schema's <choices> make any other value impossible. */
  return FALSE;
}

static GVariant *
selected_to_choice (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const char **choices = user_data;
  guint selected = g_value_get_uint (value);

  if (selected >= g_strv_length ((char **) choices))
    return NULL;

  return g_variant_new_string (choices[selected]);
}

static void
bind_choice (LiaPreferencesWindow *self,
             const char           *key,
             AdwComboRow          *row,
             const char          **choices)
{
  g_settings_bind_with_mapping (self->settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                choice_to_selected, selected_to_choice, (gpointer) choices, NULL);
}

static void
bind_settings (LiaPreferencesWindow *self)
{
  bind_choice (self, "style-variant", self->style_row, style_choices);
  bind_choice (self, "briefing-paper", self->paper_row, paper_choices);
  bind_choice (self, "contact-sort-order", self->sort_row, sort_choices);
  g_settings_bind (self->settings, "briefing-history-months", self->history_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "briefing-interactions", self->interactions_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "office-name", self->office_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "notifications", self->notifications_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "briefing-redact", self->redact_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "briefing-map", self->map_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);

  /* One row per quadrant of the map, most attention first. */
  for (int quadrant = LIA_QUADRANT_MANAGE_CLOSELY; quadrant >= LIA_QUADRANT_MONITOR; quadrant--)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (0, LIA_CADENCE_MAX_DAYS, 1);
      const char *name = lia_engagement_quadrant_name (quadrant);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Days"));
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      g_settings_bind (self->settings, lia_engagement_cadence_key (quadrant), spin, "value",
                       G_SETTINGS_BIND_DEFAULT);
      adw_preferences_group_add (self->cadence_group, row);
    }
}

static void
lia_preferences_window_constructed (GObject *object)
{
  LiaPreferencesWindow *self = (LiaPreferencesWindow *) object;

  G_OBJECT_CLASS (lia_preferences_window_parent_class)->constructed (object);

  g_assert (G_IS_SETTINGS (self->settings));
  bind_settings (self);
}

static void
lia_preferences_window_dispose (GObject *object)
{
  LiaPreferencesWindow *self = (LiaPreferencesWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (lia_preferences_window_parent_class)->dispose (object);
}

static void
lia_preferences_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  LiaPreferencesWindow *self = LIA_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_preferences_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  LiaPreferencesWindow *self = LIA_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_preferences_window_class_init (LiaPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lia_preferences_window_constructed;
  object_class->dispose = lia_preferences_window_dispose;
  object_class->get_property = lia_preferences_window_get_property;
  object_class->set_property = lia_preferences_window_set_property;

  /**
   * LiaPreferencesWindow:settings:
   *
   * The application's settings, which every row shows and changes.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/liaison/Liaison/lia-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, LiaPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, LiaPreferencesWindow, office_row);
  gtk_widget_class_bind_template_child (widget_class, LiaPreferencesWindow, paper_row);
  gtk_widget_class_bind_template_child (widget_class, LiaPreferencesWindow, history_spin);
  gtk_widget_class_bind_template_child (widget_class, LiaPreferencesWindow, interactions_spin);
  gtk_widget_class_bind_template_child (widget_class, LiaPreferencesWindow, redact_switch);
  gtk_widget_class_bind_template_child (widget_class, LiaPreferencesWindow, map_switch);
  gtk_widget_class_bind_template_child (widget_class, LiaPreferencesWindow, notifications_switch);
  gtk_widget_class_bind_template_child (widget_class, LiaPreferencesWindow, sort_row);
  gtk_widget_class_bind_template_child (widget_class, LiaPreferencesWindow, cadence_group);
}

static void
lia_preferences_window_init (LiaPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LiaPreferencesWindow *
lia_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (LIA_TYPE_PREFERENCES_WINDOW, "settings", settings, NULL);
}

GSettings *
lia_preferences_window_get_settings (LiaPreferencesWindow *self)
{
  g_return_val_if_fail (LIA_IS_PREFERENCES_WINDOW (self), NULL);

  return self->settings;
}

void
lia_preferences_window_set_database (LiaPreferencesWindow *self,
                                     const char           *label)
{
  g_return_if_fail (LIA_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (label != NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->database_row), label);
}
