/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Detail pages as GNOME Contacts lays them out: the value is what a row says in large type, its
 * kind ("Email", "Country") the line under it; codes in the records read as names, in English
 * and in French; participants and picked people come with their role and organization, so
 * namesakes are told apart. Each page is built alone in a window, under Xvfb. */
#include "config.h"

#include <libintl.h>
#include <locale.h>

#include "lia-contact-detail.h"
#include "lia-interaction-detail.h"
#include "lia-organization-detail.h"
#include "lia-record-picker.h"
#include "lia-window-private.h"
#include "test-ui-util.h"
#include "lia-test-pg.h"

typedef struct
{
  gint64 who;
  gint64 amina;
  gint64 amina_two;
  gint64 nobody;
  gint64 meeting;
} Seed;

static void
seed (LiaStore *store,
      Seed     *s)
{
  g_autoptr(LiaOrganization) who = lia_organization_new ("World Health Organization");
  g_autoptr(LiaContact) amina = lia_contact_new ("Amina", "Diallo");
  g_autoptr(LiaContact) namesake = lia_contact_new ("Amina", "Diallo");
  g_autoptr(LiaInteraction) meeting = NULL;
  g_autoptr(GDateTime) at = lia_test_at ("2025-03-14T10:00:00+03:00");
  const char * const languages[] = { "fr", "wo", "pt-BR", "x-klingon", NULL };
  gint64 ministry;

  lia_organization_set_country (who, "DE");
  lia_organization_set_email (who, "info@example.org");
  /* Text from a record, never markup. */
  lia_organization_set_notes (who, "R&D <b>budget</b> talks");
  lia_test_save (store, who);
  s->who = lia_record_get_id (LIA_RECORD (who));
  ministry = lia_test_add_organization (store, "Ministry of Health", 0);

  lia_contact_set_languages (amina, languages);
  lia_contact_add_email (amina, LIA_CONTACT_POINT_KIND_WORK, "amina@example.org");
  lia_test_save (store, amina);
  s->amina = lia_record_get_id (LIA_RECORD (amina));
  lia_test_add_affiliation (store, s->amina, s->who, "Director", "2019-01-01", NULL);

  lia_contact_set_job_title (namesake, "Epidemiologist");
  lia_test_save (store, namesake);
  s->amina_two = lia_record_get_id (LIA_RECORD (namesake));
  lia_test_add_affiliation (store, s->amina_two, ministry, "", "2020-01-01", NULL);

  s->nobody = lia_test_add_contact (store, "Bruno", "Keller");

  meeting = lia_interaction_new (LIA_INTERACTION_KIND_MEETING, at, "Budget meeting");
  lia_interaction_add_contact (meeting, s->amina);
  lia_interaction_add_contact (meeting, s->amina_two);
  lia_interaction_add_contact (meeting, s->nobody);
  lia_interaction_add_organization (meeting, s->who);
  lia_test_save (store, meeting);
  s->meeting = lia_record_get_id (LIA_RECORD (meeting));
}

/* The page for @id in a window of its own; destroy with lia_ui_test_destroy(). */
static GtkWindow *
show_detail (LiaDetail *detail,
             gint64     id)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 960, 640);
  gtk_window_set_child (window, GTK_WIDGET (detail));
  lia_detail_set_record_id (detail, id);
  lia_ui_test_present (window);

  return window;
}

/* The row whose subtitle is @kind, with @value as its title. */
static void
assert_row (GtkWidget  *page,
            const char *kind,
            const char *value)
{
  GtkWidget *row = lia_ui_test_find_row_by_subtitle (page, kind);

  if (row == NULL)
    g_error ("No row says “%s” under its value", kind);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, value);
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
}

static void
test_organization (StoreFixture  *f,
                   gconstpointer  data)
{
  LiaDetail *detail = LIA_DETAIL (lia_organization_detail_new (f->store));
  GtkWindow *window;
  Seed s;

  seed (f->store, &s);
  window = show_detail (detail, s.who);

  /* The record says "DE"; people read the country. */
  assert_row (GTK_WIDGET (detail), "Country", "Germany");
  assert_row (GTK_WIDGET (detail), "Email", "info@example.org");
  /* Notes are their group's only row: the text alone, shown as written. */
  g_assert_nonnull (lia_ui_test_find (GTK_WIDGET (detail), ADW_TYPE_ACTION_ROW, "R&D <b>budget</b> talks"));
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (detail), "R&D <b>budget</b> talks"));
  /* A group with nothing in it says so in the title, with the why underneath. */
  g_assert_nonnull (lia_ui_test_find_row_by_subtitle (GTK_WIDGET (detail),
                                                      "No dispute involves this organization."));

  /* As of a date: who was there, with the role they held (Amina, director since 2019). */
  {
    GtkWidget *as_of = lia_ui_test_find (GTK_WIDGET (detail), ADW_TYPE_ENTRY_ROW,
                                         "_As of a Date: Who Was Here");

    g_assert_nonnull (as_of);
    gtk_editable_set_text (GTK_EDITABLE (as_of), "2018-06-01");
    g_signal_emit_by_name (as_of, "apply");
    g_assert_nonnull (lia_ui_test_find (GTK_WIDGET (detail), ADW_TYPE_ACTION_ROW, "Nobody on 1 June 2018"));
    gtk_editable_set_text (GTK_EDITABLE (as_of), "2020-06-01");
    g_signal_emit_by_name (as_of, "apply");
    g_assert_null (lia_ui_test_find (GTK_WIDGET (detail), ADW_TYPE_ACTION_ROW, "Nobody on 1 June 2018"));
    g_assert_nonnull (lia_ui_test_find_row_by_subtitle (GTK_WIDGET (detail),
                                                        "On 1 June 2020: Director · Since 1 January 2019"));
  }

  lia_ui_test_destroy (window);
}

static void
test_contact (StoreFixture  *f,
              gconstpointer  data)
{
  LiaDetail *detail = LIA_DETAIL (lia_contact_detail_new (f->store));
  GtkWindow *window;
  Seed s;

  seed (f->store, &s);
  window = show_detail (detail, s.amina);

  assert_row (GTK_WIDGET (detail), "Work", "amina@example.org");
  /* Names for the language tags; one nobody knows stays as written. */
  assert_row (GTK_WIDGET (detail), "Languages", "French, Wolof, Portuguese (Brazil), x-klingon");
  /* Engagement: the meeting of 14 March 2025 is the last contact; no assessment, no cadence. */
  {
    GtkWidget *row = lia_ui_test_find_row_by_subtitle (GTK_WIDGET (detail), "Last Contact");

    g_assert_nonnull (row);
    g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                     "14 March 2025 · "));
    assert_row (GTK_WIDGET (detail), "Stay in Touch", "No cadence");
    /* Why this score: each part with its rule, e.g. the sentiment of the one meeting. */
    g_assert_nonnull (lia_ui_test_find_row_by_subtitle (GTK_WIDGET (detail),
                                                        "Mean sentiment of the last 1 interaction: +0.0 (−2 to +2)."));
  }

  lia_ui_test_destroy (window);
}

/* The part of "why this score" named @title: its points as the row shows them ("15 of 20") and
 * the rule under it. */
static void
assert_health_part (GtkWidget  *detail,
                    const char *title,
                    const char *points,
                    const char *why)
{
  GtkWidget *row = lia_ui_test_find_row_by_subtitle (detail, why);

  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, title);
  g_assert_nonnull (lia_ui_test_find (row, GTK_TYPE_LABEL, points));
}

/* Why this score, as a person checks it against docs/engagement.md: last contact 10 days ago
 * within a 30-day cadence, 40 of 40; two interactions of sentiment +2, 30 of 30; one of our
 * commitments overdue, 15 of 20; a medium concern open, 6 of 10; 91 in all. */
static void
test_health_why (StoreFixture  *f,
                 gconstpointer  data)
{
  LiaDetail *detail = LIA_DETAIL (lia_contact_detail_new (f->store));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(LiaRecord) chloe = NULL;
  g_autoptr(LiaCommitment) promise = lia_commitment_new (LIA_COMMITMENT_DIRECTION_OURS, "Send the figures");
  g_autoptr(LiaConcern) concern = lia_concern_new ("Shared data");
  g_autoptr(LiaConcernParty) party = NULL;
  g_autoptr(GDate) due = lia_date_new_today ();
  gint64 id = lia_test_add_contact (f->store, "Chloé", "Martin");
  GtkWindow *window;
  GtkWidget *health;

  chloe = lia_test_load (f->store, LIA_RECORD_KIND_CONTACT, id);
  lia_assessment_set_cadence_days (lia_contact_get_assessment (LIA_CONTACT (chloe)), 30);
  lia_test_save (f->store, chloe);
  for (int days = 10; days <= 20; days += 10)
    {
      g_autoptr(GDateTime) at = g_date_time_add_days (now, -days);
      g_autofree char *iso = g_date_time_format_iso8601 (at);
      gint64 call = lia_test_add_interaction (f->store, LIA_INTERACTION_KIND_CALL, iso, "Call", id, 0);
      g_autoptr(LiaRecord) interaction = lia_test_load (f->store, LIA_RECORD_KIND_INTERACTION, call);

      lia_interaction_set_sentiment (LIA_INTERACTION (interaction), 2);
      lia_test_save (f->store, interaction);
    }
  g_date_subtract_days (due, 5);
  lia_commitment_set_due_date (promise, due);
  lia_commitment_set_contact_id (promise, id);
  lia_test_save (f->store, promise);
  party = lia_concern_party_new_contact (id, "Wants the data back");
  lia_concern_set_severity (concern, LIA_SEVERITY_MEDIUM);
  lia_concern_add_party (concern, party);
  lia_test_save (f->store, concern);

  window = show_detail (detail, id);
  health = lia_ui_test_find (GTK_WIDGET (detail), ADW_TYPE_EXPANDER_ROW, "Health");
  g_assert_nonnull (health);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (health)), ==, "91 of 100");
  g_assert_nonnull (lia_ui_test_find (health, GTK_TYPE_LABEL, "Why this score"));
  assert_health_part (health, "Recency", "40 of 40",
                      "Last contact 10 days ago, within 30 days: full points.");
  assert_health_part (health, "Sentiment", "30 of 30",
                      "Mean sentiment of the last 2 interactions: +2.0 (−2 to +2).");
  assert_health_part (health, "Commitments", "15 of 20",
                      "Overdue: 1 of ours, 0 of theirs; 5 points off for each.");
  assert_health_part (health, "Concerns", "6 of 10",
                      "1 open concern; 2, 4, 7 or 10 points off by severity.");

  lia_ui_test_destroy (window);
}

/* The fields of a contact manager: each value as the title, its kind as the subtitle. */
static void
test_contact_fields (StoreFixture  *f,
                     gconstpointer  data)
{
  LiaDetail *detail = LIA_DETAIL (lia_contact_detail_new (f->store));
  g_autoptr(LiaContact) ana = lia_contact_new ("Ana", "Kovač");
  g_autoptr(LiaPostalAddress) address = lia_postal_address_new (LIA_CONTACT_POINT_KIND_HOME);
  GtkWindow *window;

  lia_postal_address_set_street (address, "Ilica 1");
  lia_postal_address_set_postal_code (address, "10000");
  lia_postal_address_set_locality (address, "Zagreb");
  lia_contact_add_address (ana, address);
  lia_contact_add_im (ana, LIA_CONTACT_POINT_KIND_WORK, "xmpp:ana@example.org");
  lia_contact_add_website (ana, LIA_CONTACT_POINT_KIND_OTHER, "https://ana.example");
  lia_contact_set_nickname (ana, "Anči");
  lia_contact_set_birthday (ana, "--03-21");
  lia_test_save (f->store, ana);

  window = show_detail (detail, lia_record_get_id (LIA_RECORD (ana)));
  assert_row (GTK_WIDGET (detail), "Home", "Ilica 1\n10000 Zagreb");
  assert_row (GTK_WIDGET (detail), "Work", "xmpp:ana@example.org");
  assert_row (GTK_WIDGET (detail), "Other", "https://ana.example");
  assert_row (GTK_WIDGET (detail), "Nickname", "Anči");
  assert_row (GTK_WIDGET (detail), "Birthday", "21 March");
  /* No photo: the initials. */
  g_assert_null (adw_avatar_get_custom_image (ADW_AVATAR (lia_ui_test_find (GTK_WIDGET (detail),
                                                                            ADW_TYPE_AVATAR, NULL))));

  lia_ui_test_destroy (window);
}

static void
test_participants (StoreFixture  *f,
                   gconstpointer  data)
{
  LiaDetail *detail = LIA_DETAIL (lia_interaction_detail_new (f->store));
  GtkWindow *window;
  GtkWidget *first, *second;
  Seed s;

  seed (f->store, &s);
  window = show_detail (detail, s.meeting);

  /* Two Amina Diallos, told apart by who they are; someone with no role is still a contact. */
  first = lia_ui_test_find_row_by_subtitle (GTK_WIDGET (detail), "Director · World Health Organization");
  second = lia_ui_test_find_row_by_subtitle (GTK_WIDGET (detail), "Epidemiologist · Ministry of Health");
  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==, "Amina Diallo");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (second)), ==, "Amina Diallo");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (first)), ==, "win.open-record");
  assert_row (GTK_WIDGET (detail), "Contact", "Bruno Keller");
  assert_row (GTK_WIDGET (detail), "Organization", "World Health Organization");

  lia_ui_test_destroy (window);
}

static void
test_picker (StoreFixture  *f,
             gconstpointer  data)
{
  LiaRecordPicker *picker = lia_record_picker_new (f->store,
                                                   (1u << LIA_RECORD_KIND_CONTACT) |
                                                   (1u << LIA_RECORD_KIND_ORGANIZATION));
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  Seed s;

  seed (f->store, &s);
  gtk_window_set_child (window, GTK_WIDGET (picker));
  lia_ui_test_present (window);

  lia_record_picker_set_text (picker, "Diallo");
  lia_ui_test_settle ();
  g_assert_cmpuint (lia_record_picker_get_n_results (picker), ==, 2);
  g_assert_nonnull (lia_ui_test_find_row_by_subtitle (GTK_WIDGET (picker), "Director, World Health Organization"));
  g_assert_nonnull (lia_ui_test_find_row_by_subtitle (GTK_WIDGET (picker), "Epidemiologist, Ministry of Health"));

  lia_ui_test_destroy (window);
}

static char *
first_family_name (GListModel *model)
{
  g_autoptr(LiaContact) contact = g_list_model_get_item (model, 0);

  return g_strdup (lia_contact_get_family_name (contact));
}

/* A window on the Contacts view, contacts sorted by @order. */
static LiaWindow *
open_contacts (LiaStore   *store,
               GSettings  *settings,
               const char *order)
{
  LiaWindow *window;

  g_settings_reset (settings, "last-view");
  g_settings_reset (settings, "last-selection");
  g_settings_set_string (settings, "contact-sort-order", order);
  window = g_object_new (LIA_TYPE_WINDOW, "store", store, "settings", settings, NULL);
  lia_ui_test_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "contacts"));
  lia_ui_test_settle ();

  return window;
}

static void
test_sort_setting (StoreFixture  *f,
                   gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *first = NULL;
  g_autofree char *after = NULL;
  GListModel *model;
  GtkSingleSelection *selection;
  GtkWidget *list_view;
  LiaRecord *selected;
  LiaWindow *window;
  Seed s;

  seed (f->store, &s);
  lia_test_add_contact (f->store, "Zacharie", "Abadie");
  window = open_contacts (f->store, settings, "family-name");

  /* Abadie, Diallo, Diallo, Keller by family name; Amina, Amina, Bruno, Zacharie by given name. */
  model = lia_directory_list_get_model (window->contacts_list);
  first = first_family_name (model);
  g_assert_cmpstr (first, ==, "Abadie");
  lia_directory_list_select_id (window->contacts_list, s.nobody);
  lia_ui_test_settle ();

  /* Preferences change the setting: the open list follows, Bruno stays selected. */
  g_settings_set_string (settings, "contact-sort-order", "given-name");
  lia_ui_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  after = first_family_name (model);
  g_assert_cmpstr (after, ==, "Diallo");
  list_view = lia_ui_test_find (GTK_WIDGET (window->contacts_list), GTK_TYPE_LIST_VIEW, NULL);
  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));
  selected = gtk_single_selection_get_selected_item (selection);
  g_assert_nonnull (selected);
  g_assert_cmpint (lia_record_get_id (selected), ==, s.nobody);

  g_settings_reset (settings, "contact-sort-order");
  lia_ui_test_destroy (GTK_WINDOW (window));
}


static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  /* A menu button's popover hangs off it, not among its children in every version. */
  if (GTK_IS_MENU_BUTTON (root))
    {
      GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (root));

      return popover != NULL ? find_named (GTK_WIDGET (popover), name) : NULL;
    }

  return NULL;
}

static char *
label_at (GListModel *model,
          guint       position)
{
  g_autoptr(LiaRecord) record = g_list_model_get_item (model, position);

  return g_strdup (lia_record_get_label (record));
}

/* The contact list's Sort and Filter popover: a stance filter leaves the opposed, a sort by
 * last contact puts the never contacted first; the row says when the last contact was. */
static void
test_engagement_list (StoreFixture  *f,
                      gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *first = NULL;
  g_autofree char *sorted_first = NULL;
  GListModel *model;
  GtkWidget *sort, *stance, *button;
  LiaWindow *window;
  Seed s;

  seed (f->store, &s);
  {
    g_autoptr(LiaRecord) bruno = lia_test_load (f->store, LIA_RECORD_KIND_CONTACT, s.nobody);

    lia_assessment_set_stance (lia_contact_get_assessment (LIA_CONTACT (bruno)), LIA_STANCE_OPPOSED);
    lia_test_save (f->store, bruno);
  }
  /* Bruno was in the meeting; a contact never met sorts first by last contact. */
  lia_test_add_contact (f->store, "Zacharie", "Abadie");
  window = open_contacts (f->store, settings, "given-name");

  model = lia_directory_list_get_model (window->contacts_list);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  first = label_at (model, 0);
  g_assert_cmpstr (first, ==, "Amina Diallo");
  /* Each row says when the last contact was: Zacharie never (0 + 15 + 20 + 10). */
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (window->contacts_list), "Never in touch · health 45"));

  /* The popover is made when first opened. */
  g_assert_null (find_named (GTK_WIDGET (window->contacts_list), "stance"));
  button = lia_ui_test_find (GTK_WIDGET (window->contacts_list), GTK_TYPE_MENU_BUTTON, NULL);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  lia_ui_test_settle ();
  stance = find_named (GTK_WIDGET (window->contacts_list), "stance");
  sort = find_named (GTK_WIDGET (window->contacts_list), "sort");
  g_assert_nonnull (stance);
  g_assert_nonnull (sort);

  /* "Opposed": Bruno alone. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (stance), 2);
  lia_ui_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_true (lia_ui_test_shows_label (GTK_WIDGET (window->contacts_list), "Bruno Keller"));
  g_assert_false (lia_ui_test_shows_label (GTK_WIDGET (window->contacts_list), "Amina Diallo"));

  /* Any stance, by last contact: Zacharie, never met, comes first. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (stance), 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (sort), 1);
  lia_ui_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  sorted_first = label_at (model, 0);
  g_assert_cmpstr (sorted_first, ==, "Zacharie Abadie");

  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  lia_ui_test_settle ();
  g_settings_reset (settings, "contact-sort-order");
  lia_ui_test_destroy (GTK_WINDOW (window));
}

/* Switches the whole process to French and back. */
static gboolean
use_french (gboolean  on,
            char    **saved)
{
  g_autofree char *po_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);

  if (on)
    {
      *saved = g_strdup (setlocale (LC_ALL, NULL));
      if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
        return FALSE;
      g_setenv ("LANGUAGE", "fr", TRUE);
      /* The catalogs built in this tree, not whatever an installed Liaison has. */
      bindtextdomain (GETTEXT_PACKAGE, po_dir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  else
    {
      g_unsetenv ("LANGUAGE");
      setlocale (LC_ALL, *saved);
      g_clear_pointer (saved, g_free);
      textdomain (GETTEXT_PACKAGE);
    }

  return TRUE;
}

static void
test_french (StoreFixture  *f,
             gconstpointer  data)
{
  g_autofree char *saved = NULL;
  LiaDetail *organization, *contact;
  GtkWindow *window;
  Seed s;

  if (!g_file_test (ISO_CODES_LOCALEDIR "/fr/LC_MESSAGES/iso_3166-1.mo", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("iso-codes has no French translations here");
      return;
    }
  if (!use_french (TRUE, &saved))
    {
      setlocale (LC_ALL, saved);
      g_test_skip ("No fr_FR.UTF-8 locale (build-aux/dev generates it)");
      return;
    }

  seed (f->store, &s);
  organization = LIA_DETAIL (lia_organization_detail_new (f->store));
  window = show_detail (organization, s.who);
  assert_row (GTK_WIDGET (organization), "Pays", "Allemagne");
  assert_row (GTK_WIDGET (organization), "Courriel", "info@example.org");
  lia_ui_test_destroy (window);

  contact = LIA_DETAIL (lia_contact_detail_new (f->store));
  window = show_detail (contact, s.amina);
  assert_row (GTK_WIDGET (contact), "Langues", "français, wolof, portugais (Brésil), x-klingon");
  lia_ui_test_destroy (window);

  use_french (FALSE, &saved);
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

  if (!lia_test_pg_init (&argc, &argv, &skip))
    return skip;

  if (!lia_ui_test_init_display ())
    {
      g_test_add_func ("/ui-details/no-display", test_no_display);
      return g_test_run ();
    }

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, lia_test_pg_template_fixture_setup, func, \
              lia_test_pg_ui_fixture_teardown)

  ADD ("/ui-details/organization", test_organization);
  ADD ("/ui-details/contact", test_contact);
  ADD ("/ui-details/contact-fields", test_contact_fields);
  ADD ("/ui-details/health-why", test_health_why);
  ADD ("/ui-details/participants", test_participants);
  ADD ("/ui-details/picker", test_picker);
  ADD ("/ui-details/sort-setting", test_sort_setting);
  ADD ("/ui-details/engagement-list", test_engagement_list);
  ADD ("/ui-details/french", test_french);

#undef ADD

  return g_test_run ();
}
