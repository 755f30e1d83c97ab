/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "test-ui-util.h"
#include "lia-test-pg.h"
#include "lia-application.h"
#include "lia-preferences-window.h"
#include "lia-window.h"

/* The Preferences window: every row shows its setting and changes it at once, and a change
 * made elsewhere shows in the row; every control has a name a screen reader can say; the
 * application opens it from app.preferences (Ctrl+comma, the primary menu), once. */

static const char *keys[] = {
  "style-variant", "briefing-paper", "briefing-history-months", "briefing-interactions",
  "briefing-redact", "briefing-map", "contact-sort-order", "office-name",
};

static GSettings *
fresh_settings (void)
{
  GSettings *settings = g_settings_new (APPLICATION_ID);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (settings, keys[i]);
  return settings;
}

static LiaPreferencesWindow *
show_preferences (GSettings *settings)
{
  LiaPreferencesWindow *window = lia_preferences_window_new (settings);

  lia_ui_test_present (GTK_WINDOW (window));
  return window;
}

static GtkWidget *
find_row (LiaPreferencesWindow *window,
          GType                 type,
          const char           *title)
{
  GtkWidget *row = lia_ui_test_find (GTK_WIDGET (window), type, title);

  if (row == NULL)
    g_error ("no row “%s” in the Preferences window", title);
  return row;
}

/* The suffix control of the row titled @title. */
static GtkWidget *
find_control (LiaPreferencesWindow *window,
              const char           *title,
              GType                 type)
{
  GtkWidget *control = lia_ui_test_find (find_row (window, ADW_TYPE_ACTION_ROW, title), type, NULL);

  g_assert_nonnull (control);
  return control;
}

/* The text of the item a combo row shows as chosen. */
static const char *
combo_text (AdwComboRow *row)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (row);

  g_assert_true (GTK_IS_STRING_OBJECT (item));
  return gtk_string_object_get_string (item);
}

static void
check_combo (LiaPreferencesWindow *window,
             GSettings            *settings,
             const char           *title,
             const char           *key,
             const char           *default_text,
             guint                 pick,
             const char           *picked_choice,
             const char           *other_choice,
             const char           *other_text)
{
  AdwComboRow *row = ADW_COMBO_ROW (find_row (window, ADW_TYPE_COMBO_ROW, title));
  g_autofree char *value = NULL;

  g_assert_cmpstr (combo_text (row), ==, default_text);

  adw_combo_row_set_selected (row, pick);
  value = g_settings_get_string (settings, key);
  g_assert_cmpstr (value, ==, picked_choice);

  g_settings_set_string (settings, key, other_choice);
  lia_ui_test_settle ();
  g_assert_cmpstr (combo_text (row), ==, other_text);
}

static void
test_rows_follow_settings (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  LiaPreferencesWindow *window = show_preferences (settings);
  GtkSpinButton *history = GTK_SPIN_BUTTON (find_control (window, "_History in Months", GTK_TYPE_SPIN_BUTTON));
  GtkSpinButton *interactions = GTK_SPIN_BUTTON (find_control (window, "_Recent Interactions", GTK_TYPE_SPIN_BUTTON));
  GtkSwitch *redact = GTK_SWITCH (find_control (window, "Re_dact", GTK_TYPE_SWITCH));

  check_combo (window, settings, "_Style", "style-variant", "Follow System",
               2, "dark", "light", "Light");
  check_combo (window, settings, "_Paper Size", "briefing-paper", "Usual for Your Region",
               2, "letter", "a4", "A4");
  check_combo (window, settings, "S_ort By", "contact-sort-order", "Family Name",
               1, "given-name", "family-name", "Family Name");

  /* The schema's defaults, then the row's value in the setting, then the setting's in the row. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (history), ==, 12);
  gtk_spin_button_set_value (history, 36);
  g_assert_cmpint (g_settings_get_int (settings, "briefing-history-months"), ==, 36);
  g_settings_set_int (settings, "briefing-history-months", 6);
  lia_ui_test_settle ();
  g_assert_cmpint (gtk_spin_button_get_value_as_int (history), ==, 6);
  /* Past the schema's range, the row stops at its end rather than refusing. */
  gtk_spin_button_set_value (history, 500);
  g_assert_cmpint (g_settings_get_int (settings, "briefing-history-months"), ==, 120);

  g_assert_cmpint (gtk_spin_button_get_value_as_int (interactions), ==, 10);
  gtk_spin_button_set_value (interactions, 25);
  g_assert_cmpint (g_settings_get_int (settings, "briefing-interactions"), ==, 25);
  g_settings_set_int (settings, "briefing-interactions", 3);
  lia_ui_test_settle ();
  g_assert_cmpint (gtk_spin_button_get_value_as_int (interactions), ==, 3);

  g_assert_false (gtk_switch_get_active (redact));
  gtk_switch_set_active (redact, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "briefing-redact"));
  g_settings_set_boolean (settings, "briefing-redact", FALSE);
  lia_ui_test_settle ();
  g_assert_false (gtk_switch_get_active (redact));

  {
    GtkSwitch *map = GTK_SWITCH (find_control (window, "Stakeholder _Map", GTK_TYPE_SWITCH));

    g_assert_false (gtk_switch_get_active (map));
    gtk_switch_set_active (map, TRUE);
    g_assert_true (g_settings_get_boolean (settings, "briefing-map"));
    g_settings_set_boolean (settings, "briefing-map", FALSE);
    lia_ui_test_settle ();
    g_assert_false (gtk_switch_get_active (map));
  }

  {
    AdwEntryRow *office = ADW_ENTRY_ROW (find_row (window, ADW_TYPE_ENTRY_ROW, "Office _Name"));
    g_autofree char *name = NULL;

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (office)), ==, "");
    gtk_editable_set_text (GTK_EDITABLE (office), "Regional Health Office");
    name = g_settings_get_string (settings, "office-name");
    g_assert_cmpstr (name, ==, "Regional Health Office");
    g_settings_set_string (settings, "office-name", "Geneva Liaison Office");
    lia_ui_test_settle ();
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (office)), ==, "Geneva Liaison Office");
  }

  /* Activating the row (a click on its text, Enter on it) works the switch. */
  g_signal_emit_by_name (find_row (window, ADW_TYPE_ACTION_ROW, "Re_dact"), "activate");
  lia_ui_test_settle ();
  g_assert_true (g_settings_get_boolean (settings, "briefing-redact"));

  lia_ui_test_destroy (GTK_WINDOW (window));
}

static void
check_named (GtkWidget *widget,
             guint     *n_controls)
{
  if (GTK_IS_SWITCH (widget) || GTK_IS_SPIN_BUTTON (widget))
    {
      if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
        g_error ("a %s in the Preferences window has no accessible name", G_OBJECT_TYPE_NAME (widget));
      (*n_controls)++;
    }
  if (ADW_IS_PREFERENCES_ROW (widget))
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), !=, "");

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_named (child, n_controls);
}

static void
test_accessible_names (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  LiaPreferencesWindow *window = show_preferences (settings);
  GtkWidget *redact = find_control (window, "Re_dact", GTK_TYPE_SWITCH);
  guint n_controls = 0;
  GtkWidget *notifications = find_control (window, "Desktop _Notifications", GTK_TYPE_SWITCH);

  check_named (GTK_WIDGET (window), &n_controls);
  /* Two spin buttons and three switches, one spin button per quadrant's cadence. */
  g_assert_cmpuint (n_controls, ==, 9);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (redact), GTK_ACCESSIBLE_PROPERTY_LABEL, "Redact");

  /* Notifications are on by default, and the switch turns them off. */
  g_assert_true (g_settings_get_boolean (settings, "notifications"));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (notifications)));
  gtk_switch_set_active (GTK_SWITCH (notifications), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "notifications"));

  lia_ui_test_destroy (GTK_WINDOW (window));
}

static GtkWindow *
find_preferences (guint *n_found)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  *n_found = 0;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (LIA_IS_PREFERENCES_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          found = window;
          (*n_found)++;
        }
    }
  return found;
}

static void
test_application_action (void)
{
  g_autoptr(LiaApplication) application = lia_application_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) accels = NULL;
  GtkWindow *preferences;
  guint n_found;

  /* Its own instance, whatever else runs on the session bus. */
  g_application_set_flags (G_APPLICATION (application),
                           g_application_get_flags (G_APPLICATION (application)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application), "app.preferences");
  g_assert_cmpuint (g_strv_length (accels), ==, 1);
  g_assert_cmpstr (accels[0], ==, "<Control>comma");

  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (application), "preferences"));
  g_action_group_activate_action (G_ACTION_GROUP (application), "preferences", NULL);
  lia_ui_test_settle ();
  preferences = find_preferences (&n_found);
  g_assert_cmpuint (n_found, ==, 1);
  g_assert_true (gtk_window_get_application (preferences) == GTK_APPLICATION (application));

  /* A second time brings the same window forward rather than opening another. */
  g_action_group_activate_action (G_ACTION_GROUP (application), "preferences", NULL);
  lia_ui_test_settle ();
  g_assert_true (find_preferences (&n_found) == preferences);
  g_assert_cmpuint (n_found, ==, 1);

  lia_ui_test_destroy (preferences);
  g_assert_null (find_preferences (&n_found));
}

/* The primary menu lists Preferences with its shortcut. */
static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action,
                 const char *accel)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *item_action = NULL;
      g_autofree char *item_accel = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &item_action) &&
          g_str_equal (item_action, action))
        {
          g_menu_model_get_item_attribute (menu, i, "accel", "s", &item_accel);
          return g_strcmp0 (item_accel, accel) == 0;
        }

      links = g_menu_model_iterate_item_links (menu, i);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) link = g_menu_link_iter_get_value (links);

          if (menu_has_action (link, action, accel))
            return TRUE;
        }
    }
  return FALSE;
}

static GtkWidget *
find_primary_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_primary_menu_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_primary_menu (StoreFixture  *f,
                   gconstpointer  data)
{
  LiaWindow *window = lia_window_new (NULL, f->store, NULL);
  GtkWidget *button;

  lia_ui_test_present (GTK_WINDOW (window));
  button = find_primary_menu_button (GTK_WIDGET (window));
  g_assert_nonnull (button);
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)),
                                  "app.preferences", "<Control>comma"));

  lia_ui_test_destroy (GTK_WINDOW (window));
}

static void
test_no_display (void)
{
  g_test_skip ("No display to open windows on: run the ui suite under xvfb-run");
}

int
main (int   argc,
      char *argv[])
{
  int skip = 0;

  /* GTK's test accessibility backend keeps the accessible properties where
   * gtk_test_accessible_has_property() reads them; "none" (the ui suite's default) drops them.
   * Like "none", it needs no accessibility bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  if (!lia_test_pg_init (&argc, &argv, &skip))
    return skip;

  if (!lia_ui_test_init_display ())
    {
      g_test_add_func ("/preferences/no-display", test_no_display);
      return g_test_run ();
    }

  g_test_add_func ("/preferences/rows-follow-settings", test_rows_follow_settings);
  g_test_add_func ("/preferences/accessible-names", test_accessible_names);
  g_test_add_func ("/preferences/application-action", test_application_action);
  g_test_add ("/preferences/primary-menu", StoreFixture, NULL, lia_test_pg_template_fixture_setup,
              test_primary_menu, lia_test_pg_ui_fixture_teardown);

  return g_test_run ();
}
