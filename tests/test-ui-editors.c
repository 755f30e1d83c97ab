/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The editors, as a person uses them: they open ready for typing, say what is wrong once a
 * field is done with (in the field, without moving the form), read dates as the locale writes
 * them, save what was typed, and ask before losing changes. Runs under Xvfb. */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "lia-commitment-editor.h"
#include "lia-concern-editor.h"
#include "lia-contact-editor.h"
#include "lia-editor-dates.h"
#include "lia-interaction-editor.h"
#include "lia-organization-editor.h"
#include "lia-ui-util.h"
#include "lia-window.h"
#include "test-ui-util.h"
#include "lia-test-pg.h"

/* The entry row titled @title, also while it says what is wrong ("_Title: required"). */
static GtkWidget *
find_entry (GtkWidget  *widget,
            const char *title)
{
  if (ADW_IS_ENTRY_ROW (widget))
    {
      const char *shown = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
      gsize length = strlen (title);

      if (strncmp (shown, title, length) == 0 && (shown[length] == '\0' || shown[length] == ':'))
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
entry (LiaEditor  *editor,
       const char *title)
{
  GtkWidget *row = find_entry (GTK_WIDGET (editor), title);

  if (row == NULL)
    g_error ("No field “%s” in “%s”", title, gtk_window_get_title (GTK_WINDOW (editor)));
  return row;
}

static void
type (LiaEditor  *editor,
      const char *title,
      const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry (editor, title)), text);
}

static gboolean
focus_is_in (LiaEditor *editor,
             GtkWidget *row)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (editor));

  return focus != NULL && (focus == row || gtk_widget_is_ancestor (focus, row));
}

/* Moves the focus to the next field, as Tab does. */
static void
leave (LiaEditor *editor,
       GtkWidget *row)
{
  gtk_widget_grab_focus (row);
  /* Past the row's own buttons (a date's calendar) too. */
  for (guint i = 0; i < 4 && focus_is_in (editor, row); i++)
    g_assert_true (gtk_widget_child_focus (GTK_WIDGET (editor), GTK_DIR_TAB_FORWARD));
  g_assert_false (focus_is_in (editor, row));
  lia_ui_test_settle ();
}

static GtkWidget *
save_button (LiaEditor *editor)
{
  GtkWidget *button = gtk_window_get_default_widget (GTK_WINDOW (editor));

  g_assert_true (GTK_IS_BUTTON (button));
  return button;
}

static void
test_organization (StoreFixture  *f,
                   gconstpointer  data)
{
  g_autoptr(LiaOrganization) blank = lia_organization_new ("");
  g_autoptr(GPtrArray) children = NULL;
  LiaEditor *editor;
  lia_test_add_organization (f->store, "Ministry of Health", 0);

  editor = LIA_EDITOR (lia_organization_editor_new (f->store, blank));
  lia_ui_test_present (GTK_WINDOW (editor));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "New Organization");

  /* A new organization has no name yet: Save says why it cannot save. */
  g_assert_cmpstr (lia_editor_get_problem (editor), ==, "Name: required");
  g_assert_false (lia_editor_save (editor));
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_ORGANIZATION), ==, 1);

  type (editor, "_Name", "Directorate of Preparedness");
  g_assert_null (lia_editor_get_problem (editor));
  type (editor, "Sec_tor", "Government");
  type (editor, "_Website", "health.example.org");
  /* Stay in touch every 45 days: the days row shows only for that choice. */
  {
    GtkWidget *cadence = lia_ui_test_find (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "Stay in _Touch");
    GtkWidget *days_row = lia_ui_test_find (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "_Days Between Contacts");

    g_assert_nonnull (cadence);
    g_assert_nonnull (days_row);
    g_assert_false (gtk_widget_get_visible (days_row));
    adw_combo_row_set_selected (ADW_COMBO_ROW (cadence), 1);
    g_assert_true (gtk_widget_get_visible (days_row));
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (lia_ui_test_find (days_row, GTK_TYPE_SPIN_BUTTON, NULL)), 45);
  }

  g_object_ref (editor);
  g_assert_true (lia_editor_save (editor));
  g_object_unref (editor);

  children = lia_store_list_sub_organizations (f->store, 0, NULL);
  g_assert_cmpuint (children->len, ==, 2);
  g_assert_cmpstr (lia_organization_get_name (children->pdata[0]), ==, "Directorate of Preparedness");
  g_assert_cmpstr (lia_organization_get_sector (children->pdata[0]), ==, "Government");
  g_assert_cmpstr (lia_organization_get_website (children->pdata[0]), ==, "health.example.org");
  g_assert_cmpint (lia_assessment_get_cadence_days (lia_organization_get_assessment (children->pdata[0])), ==, 45);
  g_assert_cmpint (lia_assessment_get_cadence_days (lia_organization_get_assessment (children->pdata[1])), ==,
                   LIA_CADENCE_DEFAULT);
}

/* Two officers on one database: the other saved first. Save is refused and shows their value
 * next to this officer's; Keep Mine saves over theirs, Take Theirs closes and writes nothing. */
static void
open_stale_editor (StoreFixture  *f,
                   LiaStore      *other,
                   gint64         id,
                   LiaEditor    **out_editor)
{
  g_autoptr(LiaRecord) mine = lia_test_load (f->store, LIA_RECORD_KIND_ORGANIZATION, id);
  g_autoptr(LiaRecord) theirs = lia_test_load (other, LIA_RECORD_KIND_ORGANIZATION, id);

  *out_editor = LIA_EDITOR (lia_organization_editor_new (f->store, LIA_ORGANIZATION (mine)));
  lia_ui_test_present (GTK_WINDOW (*out_editor));

  lia_organization_set_sector (LIA_ORGANIZATION (theirs), "Public health");
  lia_test_save (other, theirs);
}

static void
test_conflict (StoreFixture  *f,
               gconstpointer  data)
{
  g_autoptr(LiaStore) other = lia_test_open (f->path);
  gint64 id = lia_test_add_organization (f->store, "Helix Diagnostics", 0);
  g_autoptr(LiaRecord) after = NULL;
  LiaEditor *editor;
  gpointer weak;
  GtkWidget *dialog;
  GtkWidget *row;
  g_autofree char *who = NULL;

  open_stale_editor (f, other, id, &editor);
  weak = editor;
  g_object_add_weak_pointer (G_OBJECT (editor), &weak);
  type (editor, "Sec_tor", "Diagnostics");
  type (editor, "_Name", "Helix Diagnostics GmbH");

  g_assert_false (lia_editor_save (editor));
  lia_ui_test_settle ();
  g_assert_nonnull (weak);
  dialog = lia_ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Changed by Someone Else");
  {
    /* The database user on a server. */
    g_autofree char *author = lia_test_pg_author ();

    who = g_strdup_printf ("changed by %s at ", author);
  }
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), who));
  /* The field both changed, with their value and this officer's; the other one merges. */
  row = lia_ui_test_find (dialog, ADW_TYPE_ACTION_ROW, "Theirs");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Public health");
  row = lia_ui_test_find (dialog, ADW_TYPE_ACTION_ROW, "Yours");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Diagnostics");
  g_assert_nonnull (lia_ui_test_find (dialog, GTK_TYPE_LABEL, "Where you both changed a field, pick the version to keep. The other changes are merged: Name."));
  after = lia_test_load (f->store, LIA_RECORD_KIND_ORGANIZATION, id);
  g_assert_cmpstr (lia_organization_get_sector (LIA_ORGANIZATION (after)), ==, "Public health");
  g_clear_object (&after);

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "mine");
  lia_ui_test_settle ();
  g_assert_null (weak);
  after = lia_test_load (other, LIA_RECORD_KIND_ORGANIZATION, id);
  g_assert_cmpstr (lia_organization_get_sector (LIA_ORGANIZATION (after)), ==, "Diagnostics");
  g_assert_cmpstr (lia_organization_get_name (LIA_ORGANIZATION (after)), ==, "Helix Diagnostics GmbH");
  g_clear_object (&after);

  /* Take Theirs: the editor closes, their value stays. */
  open_stale_editor (f, other, id, &editor);
  weak = editor;
  g_object_add_weak_pointer (G_OBJECT (editor), &weak);
  type (editor, "Sec_tor", "Laboratories");
  g_assert_false (lia_editor_save (editor));
  lia_ui_test_settle ();
  dialog = lia_ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "theirs");
  lia_ui_test_settle ();
  g_assert_null (weak);
  after = lia_test_load (f->store, LIA_RECORD_KIND_ORGANIZATION, id);
  g_assert_cmpstr (lia_organization_get_sector (LIA_ORGANIZATION (after)), ==, "Public health");
}

/* Closing with changes asks first; Discard closes and writes nothing, Cancel keeps editing. */
static void
test_unsaved_changes (StoreFixture  *f,
                      gconstpointer  data)
{
  gint64 id = lia_test_add_organization (f->store, "Helix Diagnostics", 0);
  g_autoptr(LiaRecord) organization = lia_test_load (f->store, LIA_RECORD_KIND_ORGANIZATION, id);
  g_autoptr(LiaRecord) after = NULL;
  LiaEditor *editor = LIA_EDITOR (lia_organization_editor_new (f->store, LIA_ORGANIZATION (organization)));
  gpointer weak = editor;
  GtkWidget *dialog;

  lia_ui_test_present (GTK_WINDOW (editor));
  g_assert_false (lia_editor_is_dirty (editor));
  type (editor, "_Name", "Helix Diagnostics GmbH");
  g_assert_true (lia_editor_is_dirty (editor));

  g_object_add_weak_pointer (G_OBJECT (editor), &weak);
  gtk_window_close (GTK_WINDOW (editor));
  lia_ui_test_settle ();
  g_assert_nonnull (weak);
  dialog = lia_ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Save Changes?");

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  lia_ui_test_settle ();
  g_assert_nonnull (weak);

  gtk_window_close (GTK_WINDOW (editor));
  lia_ui_test_settle ();
  dialog = lia_ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  lia_ui_test_settle ();
  g_assert_null (weak);

  after = lia_test_load (f->store, LIA_RECORD_KIND_ORGANIZATION, id);
  g_assert_cmpstr (lia_organization_get_name (LIA_ORGANIZATION (after)), ==, "Helix Diagnostics");
}

static void
test_commitment_dates (StoreFixture  *f,
                       gconstpointer  data)
{
  g_autoptr(LiaCommitment) blank = lia_commitment_new (LIA_COMMITMENT_DIRECTION_THEIRS, "Send the figures");
  g_autoptr(GPtrArray) open = NULL;
  LiaEditor *editor = LIA_EDITOR (lia_commitment_editor_new (f->store, blank));
  GtkWidget *due;

  lia_ui_test_present (GTK_WINDOW (editor));
  g_assert_null (lia_editor_get_problem (editor));

  /* The test runs in the C locale, which writes month/day/year: there is no 14th month. */
  type (editor, "_Due Date", "14/03/2025");
  g_assert_nonnull (lia_editor_get_problem (editor));
  g_assert_true (g_str_has_prefix (lia_editor_get_problem (editor), "Due Date: “14/03/2025” is not a date; write it like "));
  due = entry (editor, "_Due Date");
  leave (editor, due);
  g_assert_true (gtk_widget_has_css_class (due, "error"));
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (due)),
                                   "_Due Date: “14/03/2025” is not a date"));

  gtk_editable_set_text (GTK_EDITABLE (due), "2031-03-14");
  g_assert_false (gtk_widget_has_css_class (due, "error"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (due)), ==, "_Due Date");
  g_assert_null (lia_editor_get_problem (editor));
  g_object_ref (editor);
  g_assert_true (lia_editor_save (editor));
  g_object_unref (editor);

  open = lia_store_list_open_commitments (f->store, 0, 0, NULL);
  g_assert_cmpuint (open->len, ==, 1);
  g_assert_cmpint (lia_commitment_get_direction (open->pdata[0]), ==, LIA_COMMITMENT_DIRECTION_THEIRS);
  g_assert_cmpint (g_date_get_year (lia_commitment_get_due_date (open->pdata[0])), ==, 2031);
}

/* Whether a shown button under @widget has the accessible name @name. */
static gboolean
has_named_button (GtkWidget  *widget,
                  const char *name)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget) &&
      gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    {
      g_autofree char *message = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                     GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                     name);
      if (message == NULL)
        return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_named_button (child, name))
      return TRUE;
  return FALSE;
}

/* The counterpart rows each have a picker and a clear button: a screen reader tells them
 * apart by name, and there is no Clear while a row says None. */
static void
test_counterpart_names (StoreFixture  *f,
                        gconstpointer  data)
{
  g_autoptr(LiaCommitment) blank = lia_commitment_new (LIA_COMMITMENT_DIRECTION_OURS, "Send the figures");
  gint64 who = lia_test_add_organization (f->store, "World Health Organization", 0);
  LiaEditor *editor;

  lia_commitment_set_organization_id (blank, who);
  editor = LIA_EDITOR (lia_commitment_editor_new (f->store, blank));
  lia_ui_test_present (GTK_WINDOW (editor));

  g_assert_true (has_named_button (GTK_WIDGET (editor), "Choose the Organization"));
  g_assert_true (has_named_button (GTK_WIDGET (editor), "Choose the Contact"));
  g_assert_true (has_named_button (GTK_WIDGET (editor), "No Organization"));
  g_assert_false (has_named_button (GTK_WIDGET (editor), "No Contact"));
  g_assert_false (has_named_button (GTK_WIDGET (editor), "Clear"));

  lia_ui_test_destroy (GTK_WINDOW (editor));
}

/* Two participants picked by searching, then saved with the meeting. */
static void
test_interaction_participants (StoreFixture  *f,
                               gconstpointer  data)
{
  gint64 amina = lia_test_add_contact (f->store, "Amina", "Diallo");
  gint64 bruno = lia_test_add_contact (f->store, "Bruno", "Keller");
  g_autoptr(GDateTime) at = lia_test_at ("2025-03-14T09:00:00+01:00");
  g_autoptr(LiaInteraction) blank = lia_interaction_new (LIA_INTERACTION_KIND_MEETING, at, "");
  g_autoptr(GPtrArray) timeline = NULL;
  LiaEditor *editor = LIA_EDITOR (lia_interaction_editor_new (f->store, blank));
  LiaRecordPicker *picker = _lia_interaction_editor_get_picker (LIA_INTERACTION_EDITOR (editor));
  LiaInteraction *saved;

  lia_ui_test_present (GTK_WINDOW (editor));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Log Interaction");
  type (editor, "_Title", "Budget meeting");

  lia_record_picker_set_text (picker, "amin");
  g_assert_cmpuint (lia_record_picker_get_n_results (picker), ==, 1);
  lia_record_picker_pick (picker, 0);
  lia_record_picker_set_text (picker, "kell");
  g_assert_cmpuint (lia_record_picker_get_n_results (picker), ==, 1);
  lia_record_picker_pick (picker, 0);
  g_assert_nonnull (lia_ui_test_find (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "Amina Diallo"));
  g_assert_nonnull (lia_ui_test_find (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "Bruno Keller"));

  type (editor, "T_ime", "25:00");
  g_assert_nonnull (lia_editor_get_problem (editor));
  type (editor, "T_ime", "10:30");
  g_assert_null (lia_editor_get_problem (editor));

  g_object_ref (editor);
  g_assert_true (lia_editor_save (editor));
  g_object_unref (editor);

  timeline = lia_store_list_timeline (f->store, NULL, 0, 10, NULL);
  g_assert_cmpuint (timeline->len, ==, 1);
  saved = timeline->pdata[0];
  g_assert_cmpstr (lia_interaction_get_title (saved), ==, "Budget meeting");
  g_assert_cmpuint (lia_interaction_get_contact_ids (saved)->len, ==, 2);
  g_assert_cmpint (g_array_index (lia_interaction_get_contact_ids (saved), gint64, 0), ==, amina);
  g_assert_cmpint (g_array_index (lia_interaction_get_contact_ids (saved), gint64, 1), ==, bruno);
  g_assert_cmpint (g_date_time_get_hour (lia_interaction_get_at (saved)), ==, 10);
  g_assert_cmpint (g_date_time_get_utc_offset (lia_interaction_get_at (saved)) / G_USEC_PER_SEC, ==, 3600);
}

static void
test_contact_affiliations (StoreFixture  *f,
                           gconstpointer  data)
{
  gint64 who = lia_test_add_organization (f->store, "World Health Organization", 0);
  g_autoptr(LiaContact) blank = lia_contact_new ("", "");
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) affiliations = NULL;
  LiaEditor *editor = LIA_EDITOR (lia_contact_editor_new (f->store, blank));
  LiaContact *saved;

  lia_ui_test_present (GTK_WINDOW (editor));
  g_assert_nonnull (lia_editor_get_problem (editor));
  type (editor, "_Given Name", "Wanjiru");
  type (editor, "_Family Name", "Kamau");
  type (editor, "_Email Addresses, separated by commas", "w.kamau@example.org, wanjiru@example.net");
  type (editor, "_Time Zone (e.g. Africa/Nairobi)", "Africa/Nairobbi");
  g_assert_nonnull (lia_editor_get_problem (editor));
  g_assert_true (strstr (lia_editor_get_problem (editor), "Africa/Nairobbi") != NULL);
  type (editor, "_Time Zone (e.g. Africa/Nairobi)", "Africa/Nairobi");
  _lia_contact_editor_add_affiliation (LIA_CONTACT_EDITOR (editor), who, "Adviser");
  g_assert_null (lia_editor_get_problem (editor));

  g_object_ref (editor);
  g_assert_true (lia_editor_save (editor));
  g_object_unref (editor);

  lia_test_reopen (f);
  contacts = lia_store_search (f->store, "wanj", 5, NULL);
  g_assert_cmpuint (contacts->len, ==, 1);
  saved = LIA_CONTACT (lia_test_load (f->store, LIA_RECORD_KIND_CONTACT, lia_search_result_get_id (contacts->pdata[0])));
  g_assert_cmpuint (g_list_model_get_n_items (lia_contact_get_emails (saved)), ==, 2);
  g_assert_cmpstr (lia_contact_get_time_zone (saved), ==, "Africa/Nairobi");
  affiliations = lia_store_list_affiliations_for_contact (f->store, lia_record_get_id (LIA_RECORD (saved)), NULL);
  g_assert_cmpuint (affiliations->len, ==, 1);
  g_assert_cmpstr (lia_affiliation_get_role (affiliations->pdata[0]), ==, "Adviser");
  g_assert_cmpint (lia_affiliation_get_organization_id (affiliations->pdata[0]), ==, who);
  g_object_unref (saved);
}

static void
test_concern (StoreFixture  *f,
              gconstpointer  data)
{
  gint64 who = lia_test_add_organization (f->store, "Medistock Logistics", 0);
  g_autoptr(LiaConcern) blank = lia_concern_new ("");
  g_autoptr(LiaConcernParty) party = lia_concern_party_new_organization (who, "");
  g_autoptr(GPtrArray) open = NULL;
  LiaEditor *editor;

  lia_concern_add_party (blank, party);
  editor = LIA_EDITOR (lia_concern_editor_new (f->store, blank));
  lia_ui_test_present (GTK_WINDOW (editor));
  type (editor, "_Title", "Late deliveries");
  type (editor, "Position of Medistock Logistics", "Blames customs");
  type (editor, "_Opened", "2025-03-01");
  type (editor, "_Resolved", "2025-02-01");
  g_assert_cmpstr (lia_editor_get_problem (editor), ==, "Resolved: before the day it was opened");
  type (editor, "_Resolved", "");
  g_assert_null (lia_editor_get_problem (editor));

  g_object_ref (editor);
  g_assert_true (lia_editor_save (editor));
  g_object_unref (editor);

  open = lia_store_list_open_concerns (f->store, 0, who, NULL, NULL);
  g_assert_cmpuint (open->len, ==, 1);
  {
    g_autoptr(LiaConcernParty) stored = g_list_model_get_item (lia_concern_get_parties (open->pdata[0]), 0);
    g_assert_cmpstr (lia_concern_party_get_position (stored), ==, "Blames customs");
  }
}

/* Each editor, new, with the title of the field typing should start in. */
static LiaEditor *
new_editor (LiaStore    *store,
            guint        which,
            const char **first_field)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(LiaRecord) record = NULL;

  switch (which)
    {
    case 0:
      *first_field = "_Name";
      record = LIA_RECORD (lia_organization_new (""));
      return LIA_EDITOR (lia_organization_editor_new (store, LIA_ORGANIZATION (record)));
    case 1:
      *first_field = "_Honorific";
      record = LIA_RECORD (lia_contact_new ("", ""));
      return LIA_EDITOR (lia_contact_editor_new (store, LIA_CONTACT (record)));
    case 2:
      *first_field = "_Title";
      record = LIA_RECORD (lia_interaction_new (LIA_INTERACTION_KIND_CALL, now, ""));
      return LIA_EDITOR (lia_interaction_editor_new (store, LIA_INTERACTION (record)));
    case 3:
      *first_field = "_What Was Promised";
      record = LIA_RECORD (lia_commitment_new (LIA_COMMITMENT_DIRECTION_OURS, ""));
      return LIA_EDITOR (lia_commitment_editor_new (store, LIA_COMMITMENT (record)));
    default:
      *first_field = "_Title";
      record = LIA_RECORD (lia_concern_new (""));
      return LIA_EDITOR (lia_concern_editor_new (store, LIA_CONCERN (record)));
    }
}

/* Every editor opens with the focus in its first field, nothing said to be wrong although
 * the required field is empty, and Save disabled until something is typed. */
static void
test_opens_ready (StoreFixture  *f,
                  gconstpointer  data)
{
  const char *locale = data;
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));

  /* In French too: the first field is the first whatever its title says. */
  if (locale != NULL)
    {
      if (setlocale (LC_ALL, locale) == NULL)
        {
          g_test_skip ("The locale is not installed: build-aux/dev generates it");
          return;
        }
      textdomain (GETTEXT_PACKAGE);
    }

  for (guint which = 0; which < 5; which++)
    {
      const char *first = NULL;
      LiaEditor *editor = new_editor (f->store, which, &first);
      GtkWidget *row;

      lia_ui_test_present (GTK_WINDOW (editor));
      if (locale != NULL)
        {
          const char *translated = g_dgettext (GETTEXT_PACKAGE, first);

          /* Translated, or the test proves nothing about French. */
          g_assert_cmpstr (translated, !=, first);
          first = translated;
        }
      row = entry (editor, first);
      g_assert_true (focus_is_in (editor, row));
      g_assert_true (GTK_IS_TEXT (gtk_window_get_focus (GTK_WINDOW (editor))));
      g_assert_null (lia_ui_test_find_with_class (GTK_WIDGET (editor), "error"));
      g_assert_null (lia_editor_get_field_problem (editor, row));
      g_assert_false (gtk_widget_get_sensitive (save_button (editor)));

      /* What the review saw: a space typed at once went to Cancel and closed the editor. */
      gtk_editable_set_text (GTK_EDITABLE (gtk_window_get_focus (GTK_WINDOW (editor))), "x");
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "x");
      g_assert_true (gtk_widget_get_sensitive (save_button (editor)));

      gtk_window_destroy (GTK_WINDOW (editor));
      lia_ui_test_settle ();
    }

  setlocale (LC_ALL, saved);
  textdomain (GETTEXT_PACKAGE);
}

/* A field says it is wrong once it was emptied, or changed and left; then it follows the typing. */
static void
test_error_after_touching (StoreFixture  *f,
                           gconstpointer  data)
{
  const char *first = NULL;
  LiaEditor *editor = new_editor (f->store, 2, &first);
  GtkWidget *title, *date;

  lia_ui_test_present (GTK_WINDOW (editor));
  title = entry (editor, "_Title");
  date = entry (editor, "_Date");

  gtk_editable_set_text (GTK_EDITABLE (title), "Call with the ministry");
  g_assert_null (lia_editor_get_field_problem (editor, title));
  gtk_editable_set_text (GTK_EDITABLE (title), "");
  lia_ui_test_settle ();
  g_assert_cmpstr (lia_editor_get_field_problem (editor, title), ==, "required");
  g_assert_true (gtk_widget_has_css_class (title, "error"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (title)), ==, "_Title: required");
  gtk_editable_set_text (GTK_EDITABLE (title), "C");
  g_assert_null (lia_editor_get_field_problem (editor, title));
  g_assert_false (gtk_widget_has_css_class (title, "error"));

  /* Half a date is not wrong yet; left like that, it is. */
  /* In the C locale of the tests, month first: there is no 14th month. */
  gtk_editable_set_text (GTK_EDITABLE (date), "1");
  gtk_editable_set_text (GTK_EDITABLE (date), "14/3");
  g_assert_null (lia_editor_get_field_problem (editor, date));
  g_assert_false (gtk_widget_has_css_class (date, "error"));
  leave (editor, date);
  g_assert_nonnull (lia_editor_get_field_problem (editor, date));
  g_assert_true (g_str_has_prefix (lia_editor_get_field_problem (editor, date), "“14/3” is not a date"));
  g_assert_true (gtk_widget_has_css_class (date, "error"));

  gtk_window_destroy (GTK_WINDOW (editor));
  lia_ui_test_settle ();
}

typedef struct
{
  GtkWidget      *row;
  graphene_rect_t bounds;
} Place;

static void
record_places (GtkWidget *editor,
               GtkWidget *widget,
               GArray    *places)
{
  if (ADW_IS_PREFERENCES_ROW (widget) && gtk_widget_get_mapped (widget))
    {
      Place place = { widget, GRAPHENE_RECT_INIT (0, 0, 0, 0) };

      g_assert_true (gtk_widget_compute_bounds (widget, editor, &place.bounds));
      g_array_append_val (places, place);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    record_places (editor, child, places);
}

static void
assert_same_places (GArray *before,
                    GArray *after,
                    int     width)
{
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint j = 0; j < before->len; j++)
    {
      Place *a = &g_array_index (before, Place, j);
      Place *b = &g_array_index (after, Place, j);

      g_assert_true (a->row == b->row);
      if (!graphene_rect_equal (&a->bounds, &b->bounds))
        g_error ("At %d px, “%s” moved from %g,%g %gx%g to %g,%g %gx%g", width,
                 adw_preferences_row_get_title (ADW_PREFERENCES_ROW (a->row)),
                 a->bounds.origin.x, a->bounds.origin.y, a->bounds.size.width, a->bounds.size.height,
                 b->bounds.origin.x, b->bounds.origin.y, b->bounds.size.width, b->bounds.size.height);
    }
}

/* The labels that show @row's title and problem (an entry row has two, for an empty and a
 * filled field) read whole: not cut with "…", inside the row. */
static guint
assert_title_whole (GtkWidget *row,
                    GtkWidget *widget)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  guint n = 0;

  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), title) == 0)
    {
      graphene_rect_t bounds;

      if (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
        g_error ("“%s” is cut at %d px", title, gtk_widget_get_width (widget));
      g_assert_true (gtk_widget_compute_bounds (widget, row, &bounds));
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (row) + 0.5);
      g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (row) + 0.5);
      n++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += assert_title_whole (row, child);

  return n;
}

static void
make_problems (LiaEditor *editor)
{
  type (editor, "_Title", "Call");
  type (editor, "_Title", "");
  type (editor, "T_ime", "25:61");
  leave (editor, entry (editor, "T_ime"));
  type (editor, "D_uration in Minutes", "an hour");
  leave (editor, entry (editor, "D_uration in Minutes"));
  g_assert_true (lia_editor_save (editor) == FALSE);
  lia_ui_test_settle ();
  g_assert_nonnull (lia_editor_get_field_problem (editor, entry (editor, "_Title")));
}

/* Problems are read whole, wrapped when the window is narrow, never cut with "…". Wide, they
 * move nothing: every row keeps its place and size. Narrow, a row whose problem wraps grows
 * once, and keeps that height: fixing the problem and making it again, as typing does, moves
 * nothing. */
static void
test_no_layout_jump (StoreFixture  *f,
                     gconstpointer  data)
{
  const int widths[] = { 560, 360 };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      const char *first = NULL;
      LiaEditor *editor = new_editor (f->store, 2, &first);
      g_autoptr(GArray) before = g_array_new (FALSE, FALSE, sizeof (Place));
      g_autoptr(GArray) after = g_array_new (FALSE, FALSE, sizeof (Place));
      g_autoptr(GArray) again = g_array_new (FALSE, FALSE, sizeof (Place));
      g_autoptr(GArray) fixed = g_array_new (FALSE, FALSE, sizeof (Place));

      gtk_window_set_default_size (GTK_WINDOW (editor), widths[i], 640);
      lia_ui_test_present (GTK_WINDOW (editor));
      record_places (GTK_WIDGET (editor), GTK_WIDGET (editor), before);
      g_assert_cmpuint (before->len, >=, 6);

      make_problems (editor);
      g_assert_cmpuint (assert_title_whole (entry (editor, "T_ime"), entry (editor, "T_ime")), ==, 2);
      g_assert_cmpuint (assert_title_whole (entry (editor, "D_uration in Minutes"),
                                            entry (editor, "D_uration in Minutes")), ==, 2);
      g_assert_cmpuint (assert_title_whole (entry (editor, "_Title"), entry (editor, "_Title")), ==, 2);
      record_places (GTK_WIDGET (editor), GTK_WIDGET (editor), after);
      if (widths[i] > 360)
        assert_same_places (before, after, widths[i]);

      /* Fixed as the person types, then wrong again: nothing moves either way. */
      type (editor, "T_ime", "10:30");
      type (editor, "D_uration in Minutes", "60");
      type (editor, "_Title", "Call");
      lia_ui_test_settle ();
      g_assert_null (lia_editor_get_field_problem (editor, entry (editor, "T_ime")));
      record_places (GTK_WIDGET (editor), GTK_WIDGET (editor), fixed);
      assert_same_places (after, fixed, widths[i]);
      make_problems (editor);
      record_places (GTK_WIDGET (editor), GTK_WIDGET (editor), again);
      assert_same_places (after, again, widths[i]);

      gtk_window_destroy (GTK_WINDOW (editor));
      lia_ui_test_settle ();
    }
}

/* Save with problems shows them all and puts the focus on the first. */
static void
test_save_shows_all (StoreFixture  *f,
                     gconstpointer  data)
{
  const char *first = NULL;
  LiaEditor *editor = new_editor (f->store, 3, &first);
  GtkWidget *title, *due;

  lia_ui_test_present (GTK_WINDOW (editor));
  title = entry (editor, "_What Was Promised");
  due = entry (editor, "_Due Date");
  gtk_widget_grab_focus (due);
  gtk_editable_set_text (GTK_EDITABLE (due), "next week");
  g_assert_null (lia_ui_test_find_with_class (GTK_WIDGET (editor), "error"));
  g_assert_true (focus_is_in (editor, due));

  g_assert_false (lia_editor_save (editor));
  g_assert_true (focus_is_in (editor, title));
  g_assert_cmpstr (lia_editor_get_field_problem (editor, title), ==, "required");
  g_assert_true (g_str_has_prefix (lia_editor_get_field_problem (editor, due), "“next week” is not a date"));
  g_assert_true (gtk_widget_has_css_class (title, "error"));
  g_assert_true (gtk_widget_has_css_class (due, "error"));
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_COMMITMENT), ==, 0);

  gtk_window_destroy (GTK_WINDOW (editor));
  lia_ui_test_settle ();
}

/* Save is offered once something changed, not before, also for a record being edited. */
static void
test_save_sensitivity (StoreFixture  *f,
                       gconstpointer  data)
{
  gint64 id = lia_test_add_organization (f->store, "Helix Diagnostics", 0);
  g_autoptr(LiaRecord) organization = lia_test_load (f->store, LIA_RECORD_KIND_ORGANIZATION, id);
  LiaEditor *editor = LIA_EDITOR (lia_organization_editor_new (f->store, LIA_ORGANIZATION (organization)));

  lia_ui_test_present (GTK_WINDOW (editor));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Edit Organization");
  g_assert_false (gtk_widget_get_sensitive (save_button (editor)));
  g_assert_true (focus_is_in (editor, entry (editor, "_Name")));
  /* Ctrl+S does nothing either. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (editor), "default.activate", NULL) &&
                  lia_editor_is_dirty (editor));

  type (editor, "Sec_tor", "Diagnostics");
  g_assert_true (gtk_widget_get_sensitive (save_button (editor)));
  /* Typed back to what it was: nothing to save. */
  type (editor, "Sec_tor", "");
  g_assert_false (gtk_widget_get_sensitive (save_button (editor)));
  g_assert_false (lia_editor_is_dirty (editor));
  /* A wrong field does not take Save away: pressing it says what is wrong. */
  type (editor, "_Name", "");
  g_assert_true (gtk_widget_get_sensitive (save_button (editor)));
  type (editor, "_Name", "Helix Diagnostics");
  g_assert_false (gtk_widget_get_sensitive (save_button (editor)));
  /* A choice made and unmade, the same. */
  {
    GtkWidget *combo = lia_ui_test_find (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, NULL);
    guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (combo));

    adw_combo_row_set_selected (ADW_COMBO_ROW (combo), selected + 1);
    g_assert_true (gtk_widget_get_sensitive (save_button (editor)));
    adw_combo_row_set_selected (ADW_COMBO_ROW (combo), selected);
    g_assert_false (gtk_widget_get_sensitive (save_button (editor)));
  }
  /* Closing asks nothing: there is nothing to lose. */
  {
    gpointer alive = editor;

    g_object_add_weak_pointer (G_OBJECT (editor), &alive);
    gtk_window_close (GTK_WINDOW (editor));
    lia_ui_test_settle ();
    g_assert_null (alive);
  }
}

static void
check_date (const char *text,
            int         year,
            int         month,
            int         day)
{
  g_autoptr(GDate) date = lia_editor_date_parse (text);

  if (year == 0)
    {
      if (date != NULL)
        g_error ("“%s” read as %d-%d-%d, not refused", text, g_date_get_year (date),
                 g_date_get_month (date), g_date_get_day (date));
      return;
    }
  if (date == NULL)
    g_error ("“%s” refused in %s", text, setlocale (LC_TIME, NULL));
  g_assert_cmpint (g_date_get_year (date), ==, year);
  g_assert_cmpint (g_date_get_month (date), ==, month);
  g_assert_cmpint (g_date_get_day (date), ==, day);
}

static void
check_time (const char *text,
            int         hour,
            int         minute)
{
  int h = -1, m = -1;

  if (hour < 0)
    {
      g_assert_false (lia_editor_time_parse (text, &h, &m));
      return;
    }
  if (!lia_editor_time_parse (text, &h, &m))
    g_error ("“%s” refused as a time in %s", text, setlocale (LC_TIME, NULL));
  g_assert_cmpint (h, ==, hour);
  g_assert_cmpint (m, ==, minute);
}

/* 11/12/2026 is 12 November in the US and 11 December in France; ISO is read everywhere. */
static void
test_locale_dates (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autoptr(GDateTime) afternoon = g_date_time_new_local (2026, 12, 11, 14, 30, 0);
  g_autoptr(GDate) december = g_date_new_dmy (11, G_DATE_DECEMBER, 2026);
  g_autofree char *text = NULL;

  /* The C locale writes two-digit years with %x: the editors always write four. */
  g_assert_nonnull (setlocale (LC_ALL, "C"));
  text = lia_editor_date_format (december);
  g_assert_cmpstr (text, ==, "12/11/2026");
  check_date (text, 2026, 12, 11);
  g_clear_pointer (&text, g_free);

  if (setlocale (LC_ALL, "en_US.UTF-8") == NULL)
    g_error ("The en_US.UTF-8 locale is missing: build-aux/dev generates it");
  check_date ("11/12/2026", 2026, 11, 12);
  check_date ("11/12/26", 2026, 11, 12);
  check_date ("2026-12-11", 2026, 12, 11);
  check_date ("13/12/2026", 0, 0, 0);
  check_date ("2/30/2026", 0, 0, 0);
  check_date ("tomorrow", 0, 0, 0);
  text = lia_editor_date_format (december);
  g_assert_cmpstr (text, ==, "12/11/2026");
  g_clear_pointer (&text, g_free);
  text = lia_editor_time_format (afternoon);
  g_assert_cmpstr (text, ==, "2:30 PM");
  g_clear_pointer (&text, g_free);
  check_time ("2:30 PM", 14, 30);
  check_time ("2:30 pm", 14, 30);
  check_time ("12:05 am", 0, 5);
  check_time ("14:30", 14, 30);
  check_time ("13:00 pm", -1, 0);
  check_time ("24:00", -1, 0);

  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    g_error ("The fr_FR.UTF-8 locale is missing: build-aux/dev generates it");
  check_date ("11/12/2026", 2026, 12, 11);
  check_date ("11.12.2026", 2026, 12, 11);
  check_date ("2026-12-11", 2026, 12, 11);
  check_date ("31/11/2026", 0, 0, 0);
  text = lia_editor_date_format (december);
  g_assert_cmpstr (text, ==, "11/12/2026");
  g_clear_pointer (&text, g_free);
  text = lia_editor_time_format (afternoon);
  g_assert_cmpstr (text, ==, "14:30");
  check_time ("14h30", 14, 30);
  check_time ("9h", 9, 0);
  check_time ("1430", 14, 30);
  check_time ("14:3", -1, 0);

  setlocale (LC_ALL, saved);
}

static LiaEditor *
find_editor (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (window))
        return LIA_EDITOR (window);
    }

  return NULL;
}

/* Log Interaction starts at this minute, not at the hour just begun. */
static void
test_default_time (StoreFixture  *f,
                   gconstpointer  data)
{
  LiaWindow *window = lia_window_new (NULL, f->store, NULL);
  g_autoptr(GDateTime) before = NULL;
  g_autoptr(GDateTime) after = NULL;
  g_autofree char *before_text = NULL;
  g_autofree char *after_text = NULL;
  GDateTime *at;
  LiaEditor *editor;
  const char *shown;

  lia_ui_test_present (GTK_WINDOW (window));
  before = g_date_time_new_now_local ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.log-interaction", "(ix)", 0, (gint64) 0));
  after = g_date_time_new_now_local ();
  lia_ui_test_settle ();
  editor = find_editor (LIA_TYPE_INTERACTION_EDITOR);
  g_assert_nonnull (editor);

  at = lia_interaction_get_at (LIA_INTERACTION (lia_editor_get_record (editor)));
  g_assert_cmpint (g_date_time_get_seconds (at), ==, 0);
  g_assert_cmpint (g_date_time_compare (at, before), <=, 0);
  g_assert_cmpint (g_date_time_difference (after, at), <, 60 * G_USEC_PER_SEC);
  before_text = lia_editor_time_format (before);
  after_text = lia_editor_time_format (after);
  shown = lia_editor_entry_text (entry (editor, "T_ime"));
  g_assert_true (g_strcmp0 (shown, before_text) == 0 || g_strcmp0 (shown, after_text) == 0);

  gtk_window_destroy (GTK_WINDOW (editor));
  lia_ui_test_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_mapped_label (GtkWidget  *widget,
                   const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* "Add Commitment" on a meeting's page: the commitment is tied to the meeting, made to the one
 * organization and person who were there; and the meeting can be picked by searching too. */
static void
test_promised_at (StoreFixture  *f,
                  gconstpointer  data)
{
  gint64 ministry = lia_test_add_organization (f->store, "Ministry of Health", 0);
  gint64 amina = lia_test_add_contact (f->store, "Amina", "Diallo");
  g_autoptr(GDateTime) at = lia_test_at ("2025-03-14T09:00:00+01:00");
  g_autoptr(LiaInteraction) meeting = lia_interaction_new (LIA_INTERACTION_KIND_MEETING, at, "Budget review");
  g_autoptr(LiaInteraction) call = NULL;
  g_autoptr(LiaCommitment) blank = lia_commitment_new (LIA_COMMITMENT_DIRECTION_THEIRS, "Send the figures");
  g_autoptr(GPtrArray) open = NULL;
  LiaWindow *window;
  LiaEditor *editor;
  LiaRecordPicker *picker;
  GtkWidget *label, *row, *button;
  gint64 meeting_id, call_id;

  lia_interaction_add_contact (meeting, amina);
  lia_interaction_add_organization (meeting, ministry);
  lia_test_save (f->store, LIA_RECORD (meeting));
  meeting_id = lia_record_get_id (LIA_RECORD (meeting));
  call = lia_interaction_new (LIA_INTERACTION_KIND_CALL, at, "Follow-up call on figures");
  lia_test_save (f->store, LIA_RECORD (call));
  call_id = lia_record_get_id (LIA_RECORD (call));

  window = lia_window_new (NULL, f->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  lia_ui_test_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.open-record",
                                                     lia_ui_record_target (LIA_RECORD_KIND_INTERACTION, meeting_id)));
  lia_ui_test_settle ();
  label = find_mapped_label (GTK_WIDGET (window), "Add Commitment");
  g_assert_nonnull (label);
  button = gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.add-commitment");
  g_signal_emit_by_name (button, "clicked");
  lia_ui_test_settle ();

  editor = find_editor (LIA_TYPE_COMMITMENT_EDITOR);
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "New Commitment");
  row = lia_ui_test_find (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "Promised At");
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Budget review, "));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (lia_ui_test_find (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "Organization"))),
                   ==, "Ministry of Health");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (lia_ui_test_find (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "Contact"))),
                   ==, "Amina Diallo");
  g_assert_true (focus_is_in (editor, entry (editor, "_What Was Promised")));
  type (editor, "_What Was Promised", "Share the vaccination figures");
  g_object_ref (editor);
  g_assert_true (lia_editor_save (editor));
  g_object_unref (editor);
  lia_ui_test_settle ();

  open = lia_store_list_open_commitments (f->store, 0, 0, NULL);
  g_assert_cmpuint (open->len, ==, 1);
  g_assert_cmpstr (lia_commitment_get_title (open->pdata[0]), ==, "Share the vaccination figures");
  g_assert_cmpint (lia_commitment_get_interaction_id (open->pdata[0]), ==, meeting_id);
  g_assert_cmpint (lia_commitment_get_organization_id (open->pdata[0]), ==, ministry);
  g_assert_cmpint (lia_commitment_get_contact_id (open->pdata[0]), ==, amina);
  g_clear_pointer (&open, g_ptr_array_unref);
  lia_ui_test_destroy (GTK_WINDOW (window));

  /* Picked by searching: the call, told apart from the meeting by its kind and day. */
  editor = LIA_EDITOR (lia_commitment_editor_new (f->store, blank));
  lia_ui_test_present (GTK_WINDOW (editor));
  picker = _lia_commitment_editor_get_interaction_picker (LIA_COMMITMENT_EDITOR (editor));
  lia_record_picker_set_text (picker, "figures");
  g_assert_cmpuint (lia_record_picker_get_n_results (picker), ==, 1);
  g_assert_nonnull (lia_ui_test_find (GTK_WIDGET (picker), ADW_TYPE_ACTION_ROW, "Follow-up call on figures"));
  lia_record_picker_pick (picker, 0);
  g_assert_true (gtk_widget_get_sensitive (save_button (editor)));
  g_object_ref (editor);
  g_assert_true (lia_editor_save (editor));
  g_object_unref (editor);

  open = lia_store_list_open_commitments (f->store, 0, 0, NULL);
  g_assert_cmpuint (open->len, ==, 2);
  for (guint i = 0; i < open->len; i++)
    if (g_str_equal (lia_commitment_get_title (open->pdata[i]), "Send the figures"))
      g_assert_cmpint (lia_commitment_get_interaction_id (open->pdata[i]), ==, call_id);
}

/* In the US, the due date shows and is read month first; the calendar fills it in that way. */
static void
test_us_dates_saved (StoreFixture  *f,
                     gconstpointer  data)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autoptr(LiaCommitment) commitment = lia_commitment_new (LIA_COMMITMENT_DIRECTION_OURS, "Send the report");
  g_autoptr(GDate) due = g_date_new_dmy (11, G_DATE_DECEMBER, 2026);
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GDateTime) day = g_date_time_new_local (2027, 1, 2, 12, 0, 0);
  LiaEditor *editor;
  GtkWidget *row, *calendar;

  if (setlocale (LC_ALL, "en_US.UTF-8") == NULL)
    g_error ("The en_US.UTF-8 locale is missing: build-aux/dev generates it");
  lia_commitment_set_due_date (commitment, due);
  editor = LIA_EDITOR (lia_commitment_editor_new (f->store, commitment));
  lia_ui_test_present (GTK_WINDOW (editor));
  row = entry (editor, "_Due Date");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "12/11/2026");

  calendar = lia_ui_test_find (row, GTK_TYPE_CALENDAR, NULL);
  g_assert_nonnull (calendar);
  gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "01/02/2027");
  gtk_editable_set_text (GTK_EDITABLE (row), "1/3/2027");

  g_object_ref (editor);
  g_assert_true (lia_editor_save (editor));
  g_object_unref (editor);
  setlocale (LC_ALL, saved);

  open = lia_store_list_open_commitments (f->store, 0, 0, NULL);
  g_assert_cmpuint (open->len, ==, 1);
  g_assert_cmpint (g_date_get_month (lia_commitment_get_due_date (open->pdata[0])), ==, 1);
  g_assert_cmpint (g_date_get_day (lia_commitment_get_due_date (open->pdata[0])), ==, 3);
  g_assert_cmpint (g_date_get_year (lia_commitment_get_due_date (open->pdata[0])), ==, 2027);
}

static void
test_no_display (void)
{
  g_test_skip ("No display to open windows on: run the ui suite under xvfb-run");
}

/* The new contact fields in the editor: a photo the list left out is kept, an address added
 * with the button is saved, a birthday or a handle that cannot be kept is said in its field. */
static void
test_contact_fields (StoreFixture  *f,
                     gconstpointer  data)
{
  /* A 1×1 PNG: GTK must be able to show it. */
  static const char png_base64[] =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";
  g_autoptr(LiaContact) ana = lia_contact_new ("Ana", "Kovač");
  g_autoptr(GBytes) photo = NULL;
  g_autoptr(LiaRecord) listed = NULL;
  g_autoptr(LiaRecord) saved = NULL;
  g_autoptr(LiaPostalAddress) address = NULL;
  g_autoptr(LiaContactPoint) im = NULL;
  GtkWidget *add_label;
  LiaEditor *editor;
  gsize size = 0;
  guchar *png = g_base64_decode (png_base64, &size);

  photo = g_bytes_new_take (png, size);
  lia_contact_set_photo (ana, photo, "image/png");
  lia_test_save (f->store, ana);

  /* As the list hands it over: without its photo. */
  listed = lia_test_load (f->store, LIA_RECORD_KIND_CONTACT, lia_record_get_id (LIA_RECORD (ana)));
  lia_contact_forget_photo (LIA_CONTACT (listed));
  editor = LIA_EDITOR (lia_contact_editor_new (f->store, LIA_CONTACT (listed)));
  lia_ui_test_present (GTK_WINDOW (editor));
  g_assert_false (lia_editor_is_dirty (editor));
  g_assert_nonnull (adw_avatar_get_custom_image (ADW_AVATAR (lia_ui_test_find (GTK_WIDGET (editor),
                                                                               ADW_TYPE_AVATAR, NULL))));

  add_label = lia_ui_test_find (GTK_WIDGET (editor), GTK_TYPE_LABEL, "Add Address");
  g_assert_nonnull (add_label);
  g_signal_emit_by_name (gtk_widget_get_ancestor (add_label, GTK_TYPE_BUTTON), "clicked");
  type (editor, "Street", "Ilica 1");
  type (editor, "City or Town", "Zagreb");
  type (editor, "_Nickname", "Anči");
  type (editor, "_Birthday (e.g. 1984-03-21, or --03-21 without the year)", "--13-01");
  g_assert_nonnull (strstr (lia_editor_get_problem (editor), "1984-03-21"));
  type (editor, "_Birthday (e.g. 1984-03-21, or --03-21 without the year)", "1984-03-21");
  type (editor, "_Messaging (e.g. xmpp:name@example.org), separated by commas", "ana@example.org");
  g_assert_nonnull (strstr (lia_editor_get_problem (editor), "xmpp:ana@example.org"));
  type (editor, "_Messaging (e.g. xmpp:name@example.org), separated by commas",
        "xmpp:ana@example.org, skype:ana.kovac");
  g_assert_null (lia_editor_get_problem (editor));

  g_object_ref (editor);
  g_assert_true (lia_editor_save (editor));
  g_object_unref (editor);

  lia_test_reopen (f);
  saved = lia_test_load (f->store, LIA_RECORD_KIND_CONTACT, lia_record_get_id (LIA_RECORD (ana)));
  g_assert_true (g_bytes_equal (lia_contact_get_photo (LIA_CONTACT (saved)), photo));
  g_assert_cmpstr (lia_contact_get_nickname (LIA_CONTACT (saved)), ==, "Anči");
  g_assert_cmpstr (lia_contact_get_birthday (LIA_CONTACT (saved)), ==, "1984-03-21");
  address = g_list_model_get_item (lia_contact_get_addresses (LIA_CONTACT (saved)), 0);
  g_assert_nonnull (address);
  g_assert_cmpstr (lia_postal_address_get_street (address), ==, "Ilica 1");
  g_assert_cmpstr (lia_postal_address_get_locality (address), ==, "Zagreb");
  im = g_list_model_get_item (lia_contact_get_ims (LIA_CONTACT (saved)), 1);
  g_assert_cmpstr (lia_contact_point_get_value (im), ==, "skype:ana.kovac");
}

int
main (int   argc,
      char *argv[])
{
  int skip = 0;

  /* Accessible names are checked, which GTK_A11Y=none would throw away. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  if (!lia_test_pg_init (&argc, &argv, &skip))
    return skip;
  {
    /* The catalogs built in the build directory, for the French run. */
    g_autofree char *locale_dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);
    g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));

    g_unsetenv ("LANGUAGE");
    bindtextdomain (GETTEXT_PACKAGE, locale_dir);
    bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
    textdomain (GETTEXT_PACKAGE);
    /* GLib decides once whether to translate at all, on the first lookup: make it in French. */
    if (setlocale (LC_ALL, "fr_FR.UTF-8") != NULL)
      (void) g_dgettext (GETTEXT_PACKAGE, "Liaison");
    setlocale (LC_ALL, saved);
    textdomain (GETTEXT_PACKAGE);
  }

  if (!lia_ui_test_init_display ())
    {
      g_test_add_func ("/ui-editors/no-display", test_no_display);
      return g_test_run ();
    }

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, lia_test_pg_template_fixture_setup, func, \
              lia_test_pg_ui_fixture_teardown)

  ADD ("/ui-editors/organization", test_organization);
  ADD ("/ui-editors/contact-fields", test_contact_fields);
  ADD ("/ui-editors/unsaved-changes", test_unsaved_changes);
  ADD ("/ui-editors/commitment-dates", test_commitment_dates);
  ADD ("/ui-editors/interaction-participants", test_interaction_participants);
  ADD ("/ui-editors/contact-affiliations", test_contact_affiliations);
  ADD ("/ui-editors/concern", test_concern);
  ADD ("/ui-editors/opens-ready", test_opens_ready);
  g_test_add ("/ui-editors/opens-ready/fr", StoreFixture, "fr_FR.UTF-8",
              lia_test_pg_template_fixture_setup, test_opens_ready,
              lia_test_pg_ui_fixture_teardown);
  ADD ("/ui-editors/error-after-touching", test_error_after_touching);
  ADD ("/ui-editors/no-layout-jump", test_no_layout_jump);
  ADD ("/ui-editors/save-shows-all", test_save_shows_all);
  ADD ("/ui-editors/save-sensitivity", test_save_sensitivity);
  ADD ("/ui-editors/default-time", test_default_time);
  ADD ("/ui-editors/promised-at", test_promised_at);
  ADD ("/ui-editors/counterpart-names", test_counterpart_names);
  ADD ("/ui-editors/conflict", test_conflict);
  ADD ("/ui-editors/us-dates-saved", test_us_dates_saved);
  g_test_add_func ("/ui-editors/locale-dates", test_locale_dates);

#undef ADD

  return g_test_run ();
}
