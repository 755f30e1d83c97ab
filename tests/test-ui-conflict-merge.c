/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Two officers on one database, through two store handles on the same file: the other saves
 * while this officer's editor is open. Save is refused; the dialog merges field by field against
 * the version the editor opened with, asks only about fields both changed, saves what was picked,
 * and is refused again when a third change lands meanwhile. Runs under Xvfb. */
#include "config.h"

#include <glib/gi18n.h>

#include "lia-commitment-editor.h"
#include "lia-concern-editor.h"
#include "lia-contact-editor.h"
#include "lia-interaction-editor.h"
#include "lia-organization-editor.h"
#include "lia-project-editor.h"
#include "test-ui-util.h"
#include "lia-test-pg.h"

static GtkWidget *
find_entry (GtkWidget  *widget,
            const char *title)
{
  if (ADW_IS_ENTRY_ROW (widget) && g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
type (LiaEditor  *editor,
      const char *title,
      const char *text)
{
  GtkWidget *row = find_entry (GTK_WIDGET (editor), title);

  if (row == NULL)
    g_error ("No field “%s”", title);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
count_checks (GtkWidget *widget,
              guint     *n)
{
  if (GTK_IS_CHECK_BUTTON (widget))
    (*n)++;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    count_checks (child, n);
}

static guint
n_choices (GtkWidget *dialog)
{
  guint n = 0;

  count_checks (dialog, &n);
  return n;
}

static GtkWidget *
find_group (GtkWidget  *widget,
            const char *title)
{
  if (ADW_IS_PREFERENCES_GROUP (widget)
      && g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_group (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The choice row ("Theirs" or "Yours") of the field @title in the dialog. */
static GtkWidget *
choice (GtkWidget  *dialog,
        const char *title,
        const char *side)
{
  GtkWidget *group = find_group (dialog, title);
  GtkWidget *row;

  g_assert_nonnull (group);
  row = lia_ui_test_find (group, ADW_TYPE_ACTION_ROW, side);
  g_assert_nonnull (row);
  return row;
}

static gboolean
chosen (GtkWidget *row)
{
  return gtk_check_button_get_active (GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row))));
}

/* As a click on the response's button: the response, then the dialog closes. */
static void
respond (GtkWidget  *dialog,
         const char *response)
{
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_close (GTK_WINDOW (dialog));
}

/* Save refused: returns the conflict dialog, the editor still open. */
static GtkWidget *
refused (LiaEditor *editor,
         gpointer  *weak)
{
  GtkWidget *dialog;

  g_assert_false (lia_editor_save (editor));
  lia_ui_test_settle ();
  g_assert_nonnull (*weak);
  dialog = lia_ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Changed by Someone Else");
  return dialog;
}

static LiaEditor *
open_editor (LiaEditor *editor,
             gpointer  *weak)
{
  lia_ui_test_present (GTK_WINDOW (editor));
  *weak = editor;
  g_object_add_weak_pointer (G_OBJECT (editor), weak);
  return editor;
}

/* Different fields changed on each side: nothing to choose, both land. */
static void
test_no_overlap (StoreFixture  *f,
                 gconstpointer  data)
{
  g_autoptr(LiaStore) other = lia_test_open (f->path);
  gint64 id = lia_test_add_organization (f->store, "Helix Diagnostics", 0);
  g_autoptr(LiaRecord) mine = lia_test_load (f->store, LIA_RECORD_KIND_ORGANIZATION, id);
  g_autoptr(LiaRecord) theirs = lia_test_load (other, LIA_RECORD_KIND_ORGANIZATION, id);
  g_autoptr(LiaRecord) after = NULL;
  gpointer weak;
  LiaEditor *editor = open_editor (LIA_EDITOR (lia_organization_editor_new (f->store, LIA_ORGANIZATION (mine))), &weak);
  GtkWidget *dialog;

  lia_organization_set_sector (LIA_ORGANIZATION (theirs), "Public health");
  lia_test_save (other, theirs);
  type (editor, "_Name", "Helix Diagnostics GmbH");

  dialog = refused (editor, &weak);
  g_assert_cmpuint (n_choices (dialog), ==, 0);
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==, "merge");
  g_assert_nonnull (lia_ui_test_find (dialog, GTK_TYPE_LABEL,
                                      "You changed different fields: Save Merged keeps both: Name, Sector."));

  respond (dialog, "merge");
  lia_ui_test_settle ();
  g_assert_null (weak);
  after = lia_test_load (other, LIA_RECORD_KIND_ORGANIZATION, id);
  g_assert_cmpstr (lia_organization_get_name (LIA_ORGANIZATION (after)), ==, "Helix Diagnostics GmbH");
  g_assert_cmpstr (lia_organization_get_sector (LIA_ORGANIZATION (after)), ==, "Public health");
}

/* The same field changed on both sides: asked, Yours by default; each pick is what is stored,
 * and the fields only one side changed merge alongside. */
static void
test_overlap (StoreFixture  *f,
              gconstpointer  data)
{
  g_autoptr(LiaStore) other = lia_test_open (f->path);
  gint64 id = lia_test_add_contact (f->store, "Amina", "Diallo");

  for (guint pick_theirs = 0; pick_theirs < 2; pick_theirs++)
    {
      g_autoptr(LiaRecord) mine = lia_test_load (f->store, LIA_RECORD_KIND_CONTACT, id);
      g_autoptr(LiaRecord) theirs = lia_test_load (other, LIA_RECORD_KIND_CONTACT, id);
      g_autoptr(LiaRecord) after = NULL;
      g_autofree char *their_title = g_strdup_printf ("Director %u", pick_theirs);
      g_autofree char *my_title = g_strdup_printf ("Head of Unit %u", pick_theirs);
      g_autofree char *my_family = g_strdup_printf ("Diallo-Sow %u", pick_theirs);
      g_autofree char *their_email = g_strdup_printf ("amina%u@example.org", pick_theirs);
      gpointer weak;
      LiaEditor *editor = open_editor (LIA_EDITOR (lia_contact_editor_new (f->store, LIA_CONTACT (mine))), &weak);
      GtkWidget *dialog;
      GtkWidget *theirs_row, *yours_row, *label;

      lia_contact_set_job_title (LIA_CONTACT (theirs), their_title);
      lia_contact_add_email (LIA_CONTACT (theirs), LIA_CONTACT_POINT_KIND_WORK, their_email);
      lia_test_save (other, theirs);
      type (editor, "_Job Title", my_title);
      type (editor, "_Family Name", my_family);

      dialog = refused (editor, &weak);
      g_assert_cmpuint (n_choices (dialog), ==, 2);
      theirs_row = choice (dialog, "Job Title", "Theirs");
      yours_row = choice (dialog, "Job Title", "Yours");
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (theirs_row)), ==, their_title);
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (yours_row)), ==, my_title);
      g_assert_true (chosen (yours_row));
      g_assert_false (chosen (theirs_row));
      /* Each choice can be reached with the keyboard and says what it picks to a screen reader. */
      {
        GtkWidget *check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (theirs_row));
        g_autofree char *name = g_strdup_printf ("Job Title: Theirs, %s", their_title);
        g_autofree char *problem = NULL;

        g_assert_true (gtk_widget_get_focusable (check));
        problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name);
        g_assert_null (problem);
      }
      g_assert_null (find_group (dialog, "Family Name"));
      /* Their email, a list only they changed, and the family name only this officer changed. */
      label = lia_ui_test_find (dialog, GTK_TYPE_LABEL, "Where you both changed a field, pick the version to keep. The other changes are merged: Family Name, Email Addresses.");
      g_assert_nonnull (label);

      if (pick_theirs)
        {
          adw_action_row_activate (ADW_ACTION_ROW (theirs_row));
          g_assert_true (chosen (theirs_row));
          g_assert_false (chosen (yours_row));
        }
      respond (dialog, "merge");
      lia_ui_test_settle ();
      g_assert_null (weak);

      after = lia_test_load (other, LIA_RECORD_KIND_CONTACT, id);
      g_assert_cmpstr (lia_contact_get_job_title (LIA_CONTACT (after)), ==, pick_theirs ? their_title : my_title);
      g_assert_cmpstr (lia_contact_get_family_name (LIA_CONTACT (after)), ==, my_family);
      g_assert_cmpuint (g_list_model_get_n_items (lia_contact_get_emails (LIA_CONTACT (after))), ==, pick_theirs + 1);
    }
}

/* A list both changed is one choice, shown as the form shows it. */
static void
test_list_clash (StoreFixture  *f,
                 gconstpointer  data)
{
  g_autoptr(LiaStore) other = lia_test_open (f->path);
  gint64 id = lia_test_add_contact (f->store, "Amina", "Diallo");
  g_autoptr(LiaRecord) mine = lia_test_load (f->store, LIA_RECORD_KIND_CONTACT, id);
  g_autoptr(LiaRecord) theirs = lia_test_load (other, LIA_RECORD_KIND_CONTACT, id);
  g_autoptr(LiaRecord) after = NULL;
  g_autoptr(LiaContactPoint) phone = NULL;
  gpointer weak;
  LiaEditor *editor = open_editor (LIA_EDITOR (lia_contact_editor_new (f->store, LIA_CONTACT (mine))), &weak);
  GtkWidget *dialog;

  lia_contact_add_phone (LIA_CONTACT (theirs), LIA_CONTACT_POINT_KIND_WORK, "+41 22 791 21 11");
  lia_test_save (other, theirs);
  type (editor, "_Phone Numbers, separated by commas", "+41 22 791 00 00, +41 79 000 00 00");

  dialog = refused (editor, &weak);
  g_assert_cmpuint (n_choices (dialog), ==, 2);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (choice (dialog, "Phone Numbers", "Theirs"))), ==,
                   "+41 22 791 21 11");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (choice (dialog, "Phone Numbers", "Yours"))), ==,
                   "+41 22 791 00 00, +41 79 000 00 00");
  adw_action_row_activate (ADW_ACTION_ROW (choice (dialog, "Phone Numbers", "Theirs")));
  respond (dialog, "merge");
  lia_ui_test_settle ();
  g_assert_null (weak);

  after = lia_test_load (other, LIA_RECORD_KIND_CONTACT, id);
  g_assert_cmpuint (g_list_model_get_n_items (lia_contact_get_phones (LIA_CONTACT (after))), ==, 1);
  phone = g_list_model_get_item (lia_contact_get_phones (LIA_CONTACT (after)), 0);
  g_assert_cmpstr (lia_contact_point_get_value (phone), ==, "+41 22 791 21 11");
}

/* An interaction: the other officer adds a participant, this officer retitles it; returns the
 * conflict dialog. */
static GtkWidget *
participant_conflict (StoreFixture *f,
                      LiaStore     *other,
                      gint64       *out_contact,
                      gint64       *out_id,
                      gpointer     *weak)
{
  gint64 contact = lia_test_add_contact (f->store, "Amina", "Diallo");
  gint64 id = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_MEETING, "2026-11-02T10:00:00Z",
                                        "Budget review", 0, 0);
  g_autoptr(LiaRecord) mine = lia_test_load (f->store, LIA_RECORD_KIND_INTERACTION, id);
  g_autoptr(LiaRecord) theirs = lia_test_load (other, LIA_RECORD_KIND_INTERACTION, id);
  LiaEditor *editor = open_editor (LIA_EDITOR (lia_interaction_editor_new (f->store, LIA_INTERACTION (mine))), weak);

  lia_interaction_add_contact (LIA_INTERACTION (theirs), contact);
  lia_test_save (other, theirs);
  type (editor, "_Title", "Budget review 2027");
  *out_contact = contact;
  *out_id = id;
  return refused (editor, weak);
}

/* A third change while the dialog is open: Save Merged is refused again, nothing of it lost. */
static void
test_third_change (StoreFixture  *f,
                   gconstpointer  data)
{
  g_autoptr(LiaStore) other = lia_test_open (f->path);
  g_autoptr(LiaRecord) third = NULL;
  g_autoptr(LiaRecord) after = NULL;
  gpointer weak, first;
  gint64 contact, id;
  GtkWidget *dialog = participant_conflict (f, other, &contact, &id, &weak);

  g_assert_cmpuint (n_choices (dialog), ==, 0);

  third = lia_test_load (other, LIA_RECORD_KIND_INTERACTION, id);
  lia_interaction_set_title (LIA_INTERACTION (third), "Budget review (moved)");
  lia_test_save (other, third);

  first = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &first);
  respond (dialog, "merge");
  lia_ui_test_settle ();
  g_assert_nonnull (weak);
  g_assert_null (first);
  dialog = lia_ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Changed by Someone Else");
  after = lia_test_load (other, LIA_RECORD_KIND_INTERACTION, id);
  g_assert_cmpstr (lia_interaction_get_title (LIA_INTERACTION (after)), ==, "Budget review (moved)");
  g_assert_cmpuint (lia_interaction_get_contact_ids (LIA_INTERACTION (after))->len, ==, 1);
  g_clear_object (&after);

  /* Now the title clashes (the third change against the merge): keep mine, the participant stays. */
  g_assert_cmpuint (n_choices (dialog), ==, 2);
  g_assert_true (chosen (choice (dialog, "Title", "Yours")));
  respond (dialog, "merge");
  lia_ui_test_settle ();
  g_assert_null (weak);
  after = lia_test_load (other, LIA_RECORD_KIND_INTERACTION, id);
  g_assert_cmpstr (lia_interaction_get_title (LIA_INTERACTION (after)), ==, "Budget review 2027");
  g_assert_cmpuint (lia_interaction_get_contact_ids (LIA_INTERACTION (after))->len, ==, 1);
}

/* Every other kind of editor merges alike: the other officer's notes, this officer's title. */
static void
test_every_kind (StoreFixture  *f,
                 gconstpointer  data)
{
  g_autoptr(LiaStore) other = lia_test_open (f->path);
  LiaRecord *records[] = {
    LIA_RECORD (lia_commitment_new (LIA_COMMITMENT_DIRECTION_OURS, "Send the report")),
    LIA_RECORD (lia_concern_new ("Late payments")),
    LIA_RECORD (lia_project_new ("Cold chain")),
  };
  const char *titles[] = { "_What Was Promised", "_Title", "_Name" };
  const char *names[] = { "title", "title", "name" };

  for (guint i = 0; i < G_N_ELEMENTS (records); i++)
    {
      g_autoptr(LiaRecord) record = records[i];
      g_autoptr(LiaRecord) mine = NULL;
      g_autoptr(LiaRecord) theirs = NULL;
      g_autoptr(LiaRecord) after = NULL;
      g_autofree char *notes = NULL;
      g_autofree char *title = NULL;
      gpointer weak;
      LiaEditor *editor;
      GtkWidget *dialog;

      lia_test_save (f->store, record);
      mine = lia_test_load (f->store, lia_record_get_kind (record), lia_record_get_id (record));
      theirs = lia_test_load (other, lia_record_get_kind (record), lia_record_get_id (record));
      editor = LIA_EDITOR (g_object_new (i == 0 ? LIA_TYPE_COMMITMENT_EDITOR : i == 1 ? LIA_TYPE_CONCERN_EDITOR
                                                                                       : LIA_TYPE_PROJECT_EDITOR,
                                         "store", f->store, "record", mine, NULL));
      open_editor (editor, &weak);

      g_object_set (theirs, "notes", "Their notes", NULL);
      lia_test_save (other, theirs);
      type (editor, titles[i], "Mine, renamed");

      dialog = refused (editor, &weak);
      g_assert_cmpuint (n_choices (dialog), ==, 0);
      respond (dialog, "merge");
      lia_ui_test_settle ();
      g_assert_null (weak);

      after = lia_test_load (other, lia_record_get_kind (record), lia_record_get_id (record));
      g_object_get (after, "notes", &notes, names[i], &title, NULL);
      g_assert_cmpstr (notes, ==, "Their notes");
      g_assert_cmpstr (title, ==, "Mine, renamed");
    }
}

/* A merge refused by a third change merges again against the version it was made with: what
 * the third change undid of the second stays undone, not brought back as if it were mine. */
static void
test_merge_base (StoreFixture  *f,
                 gconstpointer  data)
{
  g_autoptr(LiaStore) other = lia_test_open (f->path);
  g_autoptr(LiaRecord) third = NULL;
  g_autoptr(LiaRecord) after = NULL;
  gpointer weak;
  gint64 contact, id;
  GtkWidget *dialog = participant_conflict (f, other, &contact, &id, &weak);

  third = lia_test_load (other, LIA_RECORD_KIND_INTERACTION, id);
  lia_interaction_remove_contact (LIA_INTERACTION (third), contact);
  lia_test_save (other, third);
  respond (dialog, "merge");
  lia_ui_test_settle ();
  g_assert_nonnull (weak);

  dialog = lia_ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpuint (n_choices (dialog), ==, 0);
  respond (dialog, "merge");
  lia_ui_test_settle ();
  g_assert_null (weak);
  after = lia_test_load (other, LIA_RECORD_KIND_INTERACTION, id);
  g_assert_cmpstr (lia_interaction_get_title (LIA_INTERACTION (after)), ==, "Budget review 2027");
  g_assert_cmpuint (lia_interaction_get_contact_ids (LIA_INTERACTION (after))->len, ==, 0);
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

  /* Accessible names are checked, which GTK_A11Y=none would throw away. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  if (!lia_test_pg_init (&argc, &argv, &skip))
    return skip;

  if (!lia_ui_test_init_display ())
    {
      g_test_add_func ("/ui-conflict-merge/no-display", test_no_display);
      return g_test_run ();
    }

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, lia_test_pg_template_fixture_setup, func, \
              lia_test_pg_ui_fixture_teardown)

  ADD ("/ui-conflict-merge/no-overlap", test_no_overlap);
  ADD ("/ui-conflict-merge/overlap", test_overlap);
  ADD ("/ui-conflict-merge/list-clash", test_list_clash);
  ADD ("/ui-conflict-merge/third-change", test_third_change);
  ADD ("/ui-conflict-merge/merge-base", test_merge_base);
  ADD ("/ui-conflict-merge/every-kind", test_every_kind);

#undef ADD

  return g_test_run ();
}
