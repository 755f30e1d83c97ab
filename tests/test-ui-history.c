/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The History section of a record's page: a change saved through the store appears with the
 * field's name as the editor says it, the values as the page shows them, who saved it and when;
 * it follows new saves without a reload; a long history shows the newest saves and opens the
 * rest in a window; notes say that they changed, not what they said. Under Xvfb. */
#include "config.h"

#include "lia-commitment-detail.h"
#include "lia-contact-detail.h"
#include "lia-organization-detail.h"
#include "lia-history.h"
#include "test-ui-util.h"
#include "lia-test-pg.h"

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

/* The History group of a page. */
static GtkWidget *
history_group (GtkWidget *page)
{
  for (GtkWidget *group = lia_ui_test_find (page, ADW_TYPE_PREFERENCES_GROUP, NULL);
       group != NULL;
       group = gtk_widget_get_next_sibling (group))
    if (ADW_IS_PREFERENCES_GROUP (group)
        && g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), "History") == 0)
      return group;

  return NULL;
}

/* The rows under @widget, in order, as "title | subtitle". */
static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (ADW_IS_ACTION_ROW (widget))
    {
      const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (widget));

      g_ptr_array_add (rows, g_strdup_printf ("%s | %s",
                                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                                              subtitle != NULL ? subtitle : ""));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static GPtrArray *
history_rows (GtkWidget *page)
{
  GtkWidget *group = history_group (page);
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (group);
  collect_rows (group, rows);

  return rows;
}

/* "USER · Today, " begins the subtitle of a save made just now by this user (the database
 * user on a server). */
static void
assert_by_me_today (const char *row)
{
  g_autofree char *author = lia_test_pg_author ();
  g_autofree char *expected = g_strdup_printf (" | %s · Today, ", author);

  if (strstr (row, expected) == NULL)
    g_error ("“%s” does not say “%s”", row, expected + 3);
}

static void
test_contact_change (StoreFixture  *f,
                     gconstpointer  data)
{
  g_autoptr(LiaContact) amina = lia_contact_new ("Amina", "Diallo");
  g_autoptr(LiaContact) copy = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  LiaDetail *detail = LIA_DETAIL (lia_contact_detail_new (f->store));
  GtkWindow *window;
  gint64 id;

  lia_contact_set_job_title (amina, "Deputy director");
  lia_test_save (f->store, amina);
  id = lia_record_get_id (LIA_RECORD (amina));

  window = show_detail (detail, id);
  /* Nothing changed yet: only who created it. */
  rows = history_rows (GTK_WIDGET (detail));
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_true (g_str_has_prefix (rows->pdata[0], "Created | "));
  assert_by_me_today (rows->pdata[0]);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* A save through the store, as another window would make it: the page follows. */
  copy = LIA_CONTACT (lia_test_load (f->store, LIA_RECORD_KIND_CONTACT, id));
  lia_contact_set_job_title (copy, "Director");
  lia_contact_set_nickname (copy, "Mina");
  lia_assessment_set_stance (lia_contact_get_assessment (copy), LIA_STANCE_SUPPORTIVE);
  lia_test_save (f->store, copy);
  lia_ui_test_settle ();

  rows = history_rows (GTK_WIDGET (detail));
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_true (g_str_has_prefix (rows->pdata[0], "Job title: Deputy director → Director; "));
  g_assert_nonnull (strstr (rows->pdata[0], "Nickname added: Mina"));
  /* An enum reads as the page says it, not as stored ("supportive"). */
  g_assert_nonnull (strstr (rows->pdata[0], "Stance: Unknown → Supportive"));
  assert_by_me_today (rows->pdata[0]);
  /* Created-by stays at the bottom. */
  g_assert_true (g_str_has_prefix (rows->pdata[1], "Created | "));

  lia_ui_test_destroy (window);
}

static void
test_notes_not_repeated (StoreFixture  *f,
                         gconstpointer  data)
{
  g_autoptr(LiaOrganization) org = lia_organization_new ("Ministry of Health");
  g_autoptr(LiaOrganization) copy = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  LiaDetail *detail = LIA_DETAIL (lia_organization_detail_new (f->store));
  GtkWindow *window;
  gint64 id;

  lia_organization_set_notes (org, "The minister is leaving in May");
  lia_test_save (f->store, org);
  id = lia_record_get_id (LIA_RECORD (org));
  copy = LIA_ORGANIZATION (lia_test_load (f->store, LIA_RECORD_KIND_ORGANIZATION, id));
  lia_organization_set_notes (copy, "Budget talks stalled");
  lia_organization_set_phone (copy, "+41 22 791 21 11");
  lia_organization_set_country (copy, "CH");
  lia_test_save (f->store, copy);

  window = show_detail (detail, id);
  rows = history_rows (GTK_WIDGET (detail));
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_true (g_str_has_prefix (rows->pdata[0],
                                    "Country added: Switzerland; Phone added: +41 22 791 21 11; Notes changed | "));
  /* The old text of the notes is nowhere on the page. */
  g_assert_null (strstr (rows->pdata[0], "minister"));
  g_assert_false (lia_ui_test_has_label (GTK_WIDGET (detail), "The minister is leaving in May"));

  lia_ui_test_destroy (window);
}

static void
test_show_all (StoreFixture  *f,
               gconstpointer  data)
{
  g_autoptr(LiaOrganization) org = lia_organization_new ("Ministry of Health");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GList) toplevels = NULL;
  LiaDetail *detail = LIA_DETAIL (lia_organization_detail_new (f->store));
  GtkWindow *window, *history = NULL;
  GtkWidget *show_all;
  gint64 id;

  lia_test_save (f->store, org);
  id = lia_record_get_id (LIA_RECORD (org));
  for (int i = 1; i <= 8; i++)
    {
      g_autoptr(LiaOrganization) copy = LIA_ORGANIZATION (lia_test_load (f->store, LIA_RECORD_KIND_ORGANIZATION, id));
      g_autofree char *sector = g_strdup_printf ("Sector %d", i);

      lia_organization_set_sector (copy, sector);
      lia_test_save (f->store, copy);
    }

  window = show_detail (detail, id);
  rows = history_rows (GTK_WIDGET (detail));
  /* The newest five, newest first, then Show All, then Created. */
  g_assert_cmpuint (rows->len, ==, LIA_HISTORY_RECENT_SAVES + 2);
  g_assert_true (g_str_has_prefix (rows->pdata[0], "Sector: Sector 7 → Sector 8 | "));
  g_assert_true (g_str_has_prefix (rows->pdata[4], "Sector: Sector 3 → Sector 4 | "));
  g_assert_cmpstr (rows->pdata[5], ==, "_Show All Changes | ");
  g_assert_true (g_str_has_prefix (rows->pdata[6], "Created | "));

  show_all = lia_ui_test_find (GTK_WIDGET (detail), ADW_TYPE_ACTION_ROW, "_Show All Changes");
  g_assert_nonnull (show_all);
  /* As a click or Enter on the row does. */
  g_assert_true (gtk_widget_activate (show_all));
  lia_ui_test_settle ();

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (g_strcmp0 (gtk_window_get_title (l->data), "History") == 0)
      history = l->data;
  g_assert_nonnull (history);
  g_assert_true (gtk_window_get_transient_for (history) == window);

  all = g_ptr_array_new_with_free_func (g_free);
  collect_rows (GTK_WIDGET (history), all);
  /* Every save (the first set the sector from none), then Created. */
  g_assert_cmpuint (all->len, ==, 9);
  g_assert_true (g_str_has_prefix (all->pdata[0], "Sector: Sector 7 → Sector 8 | "));
  g_assert_true (g_str_has_prefix (all->pdata[7], "Sector added: Sector 1 | "));
  g_assert_true (g_str_has_prefix (all->pdata[8], "Created | "));

  gtk_window_destroy (history);
  lia_ui_test_destroy (window);
}

/* A promise kept late: its status and done date in words, never the derived "overdue". */
static void
test_commitment_done (StoreFixture  *f,
                      gconstpointer  data)
{
  g_autoptr(LiaCommitment) promise = lia_commitment_new (LIA_COMMITMENT_DIRECTION_OURS, "Send the report");
  g_autoptr(LiaCommitment) copy = NULL;
  g_autoptr(GDate) due = lia_test_date (2026, 1, 15);
  g_autoptr(GDate) done = lia_test_date (2026, 2, 3);
  g_autoptr(GPtrArray) rows = NULL;
  LiaDetail *detail = LIA_DETAIL (lia_commitment_detail_new (f->store));
  GtkWindow *window;
  gint64 id;

  lia_commitment_set_due_date (promise, due);
  lia_test_save (f->store, promise);
  id = lia_record_get_id (LIA_RECORD (promise));
  copy = LIA_COMMITMENT (lia_test_load (f->store, LIA_RECORD_KIND_COMMITMENT, id));
  lia_commitment_set_status (copy, LIA_COMMITMENT_STATUS_DONE);
  lia_commitment_set_done_date (copy, done);
  lia_test_save (f->store, copy);

  window = show_detail (detail, id);
  rows = history_rows (GTK_WIDGET (detail));
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_true (g_str_has_prefix (rows->pdata[0], "Status: Open → Done; Done on added: 3 February 2026 | "));

  lia_ui_test_destroy (window);
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
      g_test_add_func ("/ui-history/no-display", test_no_display);
      return g_test_run ();
    }

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, lia_test_pg_template_fixture_setup, func, \
              lia_test_pg_ui_fixture_teardown)

  ADD ("/ui-history/contact-change", test_contact_change);
  ADD ("/ui-history/notes-not-repeated", test_notes_not_repeated);
  ADD ("/ui-history/show-all", test_show_all);
  ADD ("/ui-history/commitment-done", test_commitment_done);

#undef ADD

  return g_test_run ();
}
