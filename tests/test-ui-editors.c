/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The editors, as a person uses them: they say what is wrong while typing, save what was
 * typed, and ask before losing changes. Runs under Xvfb. */
#include "config.h"

#include "lia-commitment-editor.h"
#include "lia-concern-editor.h"
#include "lia-contact-editor.h"
#include "lia-interaction-editor.h"
#include "lia-organization-editor.h"
#include "test-ui-util.h"

static GtkWidget *
entry (LiaEditor  *editor,
       const char *title)
{
  GtkWidget *row = lia_ui_test_find (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (row);
  return row;
}

static void
type (LiaEditor  *editor,
      const char *title,
      const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry (editor, title)), text);
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
  g_assert_nonnull (lia_editor_get_problem (editor));
  g_assert_true (strstr (lia_editor_get_problem (editor), "name") != NULL);
  g_assert_false (lia_editor_save (editor));
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_ORGANIZATION), ==, 1);

  type (editor, "_Name", "Directorate of Preparedness");
  g_assert_null (lia_editor_get_problem (editor));
  type (editor, "Sec_tor", "Government");
  type (editor, "_Website", "health.example.org");

  g_object_ref (editor);
  g_assert_true (lia_editor_save (editor));
  g_object_unref (editor);

  children = lia_store_list_sub_organizations (f->store, 0, NULL);
  g_assert_cmpuint (children->len, ==, 2);
  g_assert_cmpstr (lia_organization_get_name (children->pdata[0]), ==, "Directorate of Preparedness");
  g_assert_cmpstr (lia_organization_get_sector (children->pdata[0]), ==, "Government");
  g_assert_cmpstr (lia_organization_get_website (children->pdata[0]), ==, "health.example.org");
}

static GtkWidget *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (window))
        return window;
    }

  return NULL;
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
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Save Changes?");

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  lia_ui_test_settle ();
  g_assert_nonnull (weak);

  gtk_window_close (GTK_WINDOW (editor));
  lia_ui_test_settle ();
  dialog = find_message_dialog ();
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

  lia_ui_test_present (GTK_WINDOW (editor));
  g_assert_null (lia_editor_get_problem (editor));

  type (editor, "_Due Date (year-month-day)", "14/03/2025");
  g_assert_nonnull (lia_editor_get_problem (editor));
  g_assert_true (strstr (lia_editor_get_problem (editor), "“14/03/2025” is not a date") != NULL);
  g_assert_true (gtk_widget_has_css_class (entry (editor, "_Due Date (year-month-day)"), "error"));

  type (editor, "_Due Date (year-month-day)", "2031-03-14");
  g_assert_null (lia_editor_get_problem (editor));
  g_object_ref (editor);
  g_assert_true (lia_editor_save (editor));
  g_object_unref (editor);

  open = lia_store_list_open_commitments (f->store, 0, 0, NULL);
  g_assert_cmpuint (open->len, ==, 1);
  g_assert_cmpint (lia_commitment_get_direction (open->pdata[0]), ==, LIA_COMMITMENT_DIRECTION_THEIRS);
  g_assert_cmpint (g_date_get_year (lia_commitment_get_due_date (open->pdata[0])), ==, 2031);
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

  type (editor, "T_ime (hours:minutes)", "25:00");
  g_assert_nonnull (lia_editor_get_problem (editor));
  type (editor, "T_ime (hours:minutes)", "10:30");
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
  type (editor, "_Opened (year-month-day)", "2025-03-01");
  type (editor, "_Resolved (year-month-day)", "2025-02-01");
  /* The model's own rule: resolved before opened. */
  g_assert_nonnull (lia_editor_get_problem (editor));
  type (editor, "_Resolved (year-month-day)", "");
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

static void
test_no_display (void)
{
  g_test_skip ("No display to open windows on: run the ui suite under xvfb-run");
}

int
main (int   argc,
      char *argv[])
{
  lia_ui_test_init (&argc, &argv);

  if (!lia_ui_test_init_display ())
    {
      g_test_add_func ("/ui-editors/no-display", test_no_display);
      return g_test_run ();
    }

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, store_fixture_setup, func, store_fixture_teardown)

  ADD ("/ui-editors/organization", test_organization);
  ADD ("/ui-editors/unsaved-changes", test_unsaved_changes);
  ADD ("/ui-editors/commitment-dates", test_commitment_dates);
  ADD ("/ui-editors/interaction-participants", test_interaction_participants);
  ADD ("/ui-editors/contact-affiliations", test_contact_affiliations);
  ADD ("/ui-editors/concern", test_concern);

#undef ADD

  return g_test_run ();
}
