/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Briefings as a reader gets them: each test renders fixture data to a PDF and reads it back
 * with pdftotext (poppler-utils), page by page. The layout's own text boxes show that no line
 * leaves its frame, at sizes far beyond normal use. */

#include <locale.h>
#include <math.h>

#include "lia-test-pg.h"
#include "lia-briefing.h"
#include "lia-store-reports.h"

typedef struct
{
  StoreFixture  base;
  char         *files;  /* where the case writes its PDFs */
  GDate        *today;
  GDateTime    *printed_at;
  gint64        ministry;
  gint64        council;
  gint64        amina;
  gint64        emile;
  gint64        maryam;
  gint64        meeting;
} Fixture;

/* "YYYY-MM-DDT10:00:00+01:00", @days after (negative: before) today. */
static GDateTime *
at_day (int         days,
        const char *time)
{
  g_autoptr(GDate) date = lia_test_date_from_today (days);
  g_autofree char *iso = lia_date_to_iso (date);
  g_autofree char *text = g_strdup_printf ("%sT%s+01:00", iso, time);

  return lia_test_at (text);
}

static gint64
add_interaction (LiaStore           *store,
                 LiaInteractionKind  kind,
                 int                 days,
                 const char         *title,
                 int                 sentiment,
                 const char         *summary,
                 gint64              contact_id,
                 gint64              organization_id)
{
  g_autoptr(GDateTime) at = at_day (days, "10:00:00");
  g_autoptr(LiaInteraction) interaction = lia_interaction_new (kind, at, title);

  lia_interaction_set_sentiment (interaction, sentiment);
  lia_interaction_set_summary (interaction, summary);
  lia_interaction_set_duration_minutes (interaction, 60);
  if (contact_id > 0)
    lia_interaction_add_contact (interaction, contact_id);
  if (organization_id > 0)
    lia_interaction_add_organization (interaction, organization_id);
  lia_test_save (store, interaction);
  return lia_record_get_id (LIA_RECORD (interaction));
}

static char *
iso_from_today (int days)
{
  g_autoptr(GDate) date = lia_test_date_from_today (days);

  return lia_date_to_iso (date);
}

static void
seed (Fixture *f)
{
  LiaStore *store = f->base.store;
  g_autoptr(LiaOrganization) ministry = lia_organization_new ("Ministry of Health");
  g_autoptr(LiaContact) amina = lia_contact_new ("Amina", "Diallo");
  g_autoptr(LiaContact) maryam = lia_contact_new ("مريم", "الحسيني");
  g_autoptr(LiaCommitment) figures = lia_commitment_new (LIA_COMMITMENT_DIRECTION_OURS,
                                                         "Send the vaccination figures");
  g_autoptr(LiaCommitment) letter = lia_commitment_new (LIA_COMMITMENT_DIRECTION_THEIRS,
                                                        "Sign the letter of intent");
  g_autoptr(LiaConcern) concern = lia_concern_new ("Delayed reimbursement of field costs");
  g_autoptr(GDate) overdue = lia_test_date_from_today (-12);
  g_autoptr(GDate) soon = lia_test_date_from_today (30);
  g_autoptr(GDate) opened = lia_test_date_from_today (-40);
  g_autofree char *two_years_ago = iso_from_today (-730);
  g_autofree char *a_month_ago = iso_from_today (-30);
  g_autofree char *half_year_ago = iso_from_today (-180);

  f->council = lia_test_add_organization (store, "Federal Council", 0);

  g_object_set (lia_organization_get_assessment (ministry), "influence", 4, "interest", 3,
                "stance", LIA_STANCE_NEUTRAL, NULL);
  lia_record_set_uid (LIA_RECORD (ministry), "org-moh");
  lia_organization_set_sector (ministry, "Public health");
  lia_organization_set_country (ministry, "CH");
  lia_organization_set_parent_id (ministry, f->council);
  lia_organization_set_email (ministry, "info@moh.example");
  lia_organization_set_phone (ministry, "+41 58 462 00 00");
  lia_organization_set_notes (ministry, "Prefers written agendas a week ahead.\n\nNever schedule on Fridays.");
  lia_test_save (store, ministry);
  f->ministry = lia_record_get_id (LIA_RECORD (ministry));
  /* The stance changed after the first assessment: the briefing says how. */
  lia_assessment_set_stance (lia_organization_get_assessment (ministry), LIA_STANCE_SUPPORTIVE);
  lia_test_save (store, ministry);

  lia_record_set_uid (LIA_RECORD (amina), "c-amina");
  lia_contact_set_honorific (amina, "Dr");
  lia_contact_set_job_title (amina, "Director of Public Health");
  lia_contact_set_time_zone (amina, "Africa/Dakar");
  lia_contact_set_nickname (amina, "Mina");
  lia_contact_set_birthday (amina, "--07-14");
  lia_contact_add_im (amina, LIA_CONTACT_POINT_KIND_WORK, "xmpp:amina@moh.example");
  lia_contact_set_preferred_channel (amina, LIA_CHANNEL_EMAIL);
  g_object_set (lia_contact_get_assessment (amina), "influence", 5, "interest", 4,
                "stance", LIA_STANCE_ADVOCATE, NULL);
  lia_contact_set_notes (amina, "Met her at the Dakar conference; she chairs the committee.");
  lia_contact_add_email (amina, LIA_CONTACT_POINT_KIND_WORK, "amina.diallo@moh.example");
  lia_contact_add_phone (amina, LIA_CONTACT_POINT_KIND_MOBILE, "+41 79 555 12 34");
  {
    const char *languages[] = { "fr", "wo", "en", NULL };
    lia_contact_set_languages (amina, languages);
  }
  lia_test_save (store, amina);
  f->amina = lia_record_get_id (LIA_RECORD (amina));

  lia_contact_set_job_title (maryam, "Adviser");
  lia_test_save (store, maryam);
  f->maryam = lia_record_get_id (LIA_RECORD (maryam));
  f->emile = lia_test_add_contact (store, "Émile", "Favre");

  {
    g_autoptr(LiaAffiliation) aff = lia_affiliation_new (f->amina, f->ministry, "Director of Public Health");
    g_autoptr(GDate) from = lia_date_parse_iso (two_years_ago, NULL);

    lia_affiliation_set_from (aff, from);
    lia_affiliation_set_primary (aff, TRUE);
    lia_test_save (store, aff);
  }
  lia_test_add_affiliation (store, f->maryam, f->ministry, "Adviser to the minister", half_year_ago, NULL);
  lia_test_add_affiliation (store, f->emile, f->ministry, "Head of Procurement", two_years_ago, a_month_ago);

  add_interaction (store, LIA_INTERACTION_KIND_MEETING, -10, "Quarterly review", 1,
                   "Reviewed the vaccination campaign.", f->amina, f->ministry);
  add_interaction (store, LIA_INTERACTION_KIND_CALL, -50, "Budget call", -1,
                   "Budget cuts announced.", f->amina, 0);
  add_interaction (store, LIA_INTERACTION_KIND_EMAIL, -200, "Invitation to the forum", 0, "", 0, f->ministry);
  add_interaction (store, LIA_INTERACTION_KIND_LETTER, -500, "Letter of thanks", 2, "", 0, f->ministry);
  f->meeting = add_interaction (store, LIA_INTERACTION_KIND_MEETING, 3, "Steering committee", 0,
                                "Agree on the reimbursement schedule.", f->amina, f->ministry);
  {
    g_autoptr(LiaRecord) meeting = lia_test_load (store, LIA_RECORD_KIND_INTERACTION, f->meeting);

    lia_interaction_add_contact (LIA_INTERACTION (meeting), f->maryam);
    lia_interaction_set_location (LIA_INTERACTION (meeting), "Bern, Federal Palace");
    lia_test_save (store, meeting);
  }

  lia_commitment_set_due_date (figures, overdue);
  lia_commitment_set_organization_id (figures, f->ministry);
  lia_commitment_set_contact_id (figures, f->amina);
  lia_test_save (store, figures);
  lia_commitment_set_due_date (letter, soon);
  lia_commitment_set_organization_id (letter, f->ministry);
  lia_test_save (store, letter);

  lia_concern_set_severity (concern, LIA_SEVERITY_HIGH);
  lia_concern_set_opened (concern, opened);
  lia_concern_set_root_cause (concern, "Invoices sent to the wrong department.");
  lia_concern_set_notes (concern, "Internal: finance is slow to answer.");
  {
    g_autoptr(LiaConcernParty) ours = lia_concern_party_new_organization (f->ministry, "Wants payment within 30 days.");
    g_autoptr(LiaConcernParty) hers = lia_concern_party_new_contact (f->amina, "Asks for a single contact person.");

    lia_concern_add_party (concern, ours);
    lia_concern_add_party (concern, hers);
  }
  lia_test_save (store, concern);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  lia_test_pg_template_fixture_setup (&f->base, data);
  f->files = lia_test_pg_files_dir (&f->base);
  f->today = lia_date_new_today ();
  f->printed_at = g_date_time_new_local (2025, 3, 12, 9, 14, 0);
  seed (f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->today, g_date_free);
  g_clear_pointer (&f->printed_at, g_date_time_unref);
  lia_test_pg_files_dir_free (&f->base, g_steal_pointer (&f->files));
  lia_test_pg_fixture_teardown (&f->base, data);
}

static char *
collapse_space (const char *text)
{
  GString *flat = g_string_sized_new (strlen (text));
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p) || *p == '\f')
        {
          space = TRUE;
          continue;
        }
      if (space && flat->len > 0)
        g_string_append_c (flat, ' ');
      space = FALSE;
      g_string_append_c (flat, *p);
    }
  if (space)
    g_string_append_c (flat, ' ');

  return g_string_free (flat, FALSE);
}

/* The text of page @page (1-based; 0 for all) of @pdf, white space collapsed to single spaces so that a
 * phrase wrapped in a table cell still reads as one. */
static char *
pdf_page_text (const char *pdf,
               guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *one_page[] = { "pdftotext", "-enc", "UTF-8", "-f", number, "-l", number, pdf, "-", NULL };
  const char *every_page[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  const char **argv = page > 0 ? one_page : every_page;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("pdftotext %s failed: %s", pdf, err);

  return collapse_space (out);
}

static char *
pdf_text (const char *pdf)
{
  return pdf_page_text (pdf, 0);
}

static guint
pdf_n_pages (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *pages;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  pages = strstr (out, "Pages:");
  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

#define assert_contains(text, needle) \
  G_STMT_START { \
    if (strstr ((text), (needle)) == NULL) \
      g_error ("“%s” not found in: %s", (needle), (text)); \
  } G_STMT_END

#define assert_not_contains(text, needle) \
  G_STMT_START { \
    if (strstr ((text), (needle)) != NULL) \
      g_error ("“%s” found, but should not be, in: %s", (needle), (text)); \
  } G_STMT_END

/* Builds the briefing and writes it to a PDF in the fixture's folder; returns its path. */
static char *
render (Fixture                  *f,
        const LiaBriefingRequest *request,
        LiaBriefingPaper          paper,
        const char               *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaBriefingDocument) document = lia_briefing_build (f->base.store, request, &error);
  g_autofree char *path = g_build_filename (f->files, name, NULL);
  guint n_pages = 0;

  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_true (lia_briefing_write_pdf (document, paper, path, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, ==, pdf_n_pages (path));
  /* Confidential: readable by its owner only. */
  g_assert_cmpuint (lia_test_file_mode (path) & 0077, ==, 0);

  if (g_getenv ("LIA_TEST_KEEP_PDF") != NULL)
    {
      g_autofree char *kept = g_build_filename (g_getenv ("LIA_TEST_KEEP_PDF"), name, NULL);
      g_autofree char *contents = NULL;
      gsize len;

      g_file_get_contents (path, &contents, &len, NULL);
      g_file_set_contents (kept, contents, (gssize) len, NULL);
    }

  return g_steal_pointer (&path);
}

/* Every page says it is confidential, when it was printed, and "Page k of n". */
static void
assert_footers (const char *pdf,
                const char *marking)
{
  guint n = pdf_n_pages (pdf);

  for (guint page = 1; page <= n; page++)
    {
      g_autofree char *text = pdf_page_text (pdf, page);
      g_autofree char *number = g_strdup_printf ("Page %u of %u", page, n);

      assert_contains (text, number);
      assert_contains (text, marking);
      assert_contains (text, "Printed 12 March 2025, 09:14");
    }
}

static LiaBriefingRequest
request_for (Fixture       *f,
             LiaRecordKind  kind,
             gint64         id)
{
  LiaBriefingRequest request = { 0, };

  request.kind = kind;
  request.id = id;
  request.today = f->today;
  request.printed_at = f->printed_at;
  return request;
}

static void
test_organization (Fixture       *f,
                   gconstpointer  data)
{
  LiaBriefingRequest request = request_for (f, LIA_RECORD_KIND_ORGANIZATION, 0);
  g_autofree char *pdf = NULL;
  g_autofree char *first = NULL;
  g_autofree char *all = NULL;
  guint n;

  request.uid = "org-moh";
  pdf = render (f, &request, LIA_BRIEFING_PAPER_A4, "organization.pdf");
  n = pdf_n_pages (pdf);
  g_assert_cmpuint (n, >=, 2);

  first = pdf_page_text (pdf, 1);
  assert_contains (first, "ORGANIZATION BRIEFING");
  assert_contains (first, "Ministry of Health");
  assert_contains (first, "Public health · CH");
  assert_contains (first, "Part of Federal Council");
  assert_contains (first, "Page 1 of");
  /* The assessment and how it changed within the year. */
  assert_contains (first, "Stance Supportive");
  assert_contains (first, "stance Neutral → Supportive");
  assert_contains (first, "Influence 4 of 5, high");

  all = pdf_text (pdf);
  for (guint i = 0; i < 7; i++)
    {
      const char *headings[] = { "Profile", "Assessment", "Relationship", "Key people",
                                 "Open commitments", "Open concerns", "Recent interactions" };
      assert_contains (all, headings[i]);
    }
  assert_contains (all, "Notes Prefers written agendas a week ahead.");
  assert_contains (all, "Never schedule on Fridays.");

  /* The relationship in figures: two interactions in the last 90 days (the one 10 days ago and
   * Amina's call while she works there), three in the year, the planned meeting apart. */
  assert_contains (all, "Last 90 days 2 interactions");
  assert_contains (all, "Last 12 months 3 interactions");
  assert_contains (all, "Planned 1 interaction");
  assert_contains (all, "(10 days ago)");

  /* People now, with their roles, and who left. */
  assert_contains (all, "Dr Amina Diallo");
  assert_contains (all, "Adviser to the minister");
  assert_contains (all, "amina.diallo@moh.example");
  assert_contains (all, "Left since");
  assert_contains (all, "Émile Favre");
  assert_contains (all, "Head of Procurement");

  /* Commitments both ways, the overdue one marked. */
  assert_contains (all, "What we owe them");
  assert_contains (all, "What they owe us");
  assert_contains (all, "Send the vaccination figures");
  assert_contains (all, "Overdue by 12 days");
  assert_contains (all, "Sign the letter of intent");
  assert_not_contains (all, "Sign the letter of intent Dr Amina");

  /* The concern with each party's position. */
  assert_contains (all, "Delayed reimbursement of field costs");
  assert_contains (all, "High severity · open");
  assert_contains (all, "Wants payment within 30 days.");
  assert_contains (all, "Asks for a single contact person.");

  /* Interactions of the last year, newest first; the older letter is outside the history. */
  assert_contains (all, "Quarterly review");
  assert_contains (all, "Budget call");
  assert_not_contains (all, "Letter of thanks");
  g_assert_true (strstr (all, "Quarterly review") < strstr (all, "Invitation to the forum"));

  assert_footers (pdf, "CONFIDENTIAL");
}

/* Asked for, the organization briefing has the stakeholder map of the organization and its
 * people: quadrant names, the stakeholders by name, the whole picture inside the page's body on
 * A4 and on a short Letter page alike; not asked for, none. */
static void
test_organization_map (Fixture       *f,
                       gconstpointer  data)
{
  LiaBriefingRequest request = request_for (f, LIA_RECORD_KIND_ORGANIZATION, 0);
  g_autofree char *without = NULL;
  g_autofree char *with = NULL;
  g_autofree char *all = NULL;
  g_autofree char *plain = NULL;
  g_autoptr(LiaBriefingDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  request.uid = "org-moh";
  without = render (f, &request, LIA_BRIEFING_PAPER_A4, "no-map.pdf");
  plain = pdf_text (without);
  assert_not_contains (plain, "Stakeholder map");
  assert_not_contains (plain, "Manage closely");

  request.map = TRUE;
  with = render (f, &request, LIA_BRIEFING_PAPER_A4, "map.pdf");
  all = pdf_text (with);
  assert_contains (all, "Stakeholder map");
  for (guint i = 0; i < 4; i++)
    {
      const char *quadrants[] = { "Manage closely", "Keep satisfied", "Keep informed", "Monitor" };
      assert_contains (all, quadrants[i]);
    }
  /* The map comes after the people and names them again, in their cells. */
  g_assert_true (strstr (all, "Key people") < strstr (all, "Stakeholder map"));
  g_assert_cmpuint (count_occurrences (all, "Dr Amina Diallo"), >, count_occurrences (plain, "Dr Amina Diallo"));
  g_assert_cmpuint (count_occurrences (all, "Ministry of Health"), >, count_occurrences (plain, "Ministry of Health"));
  g_assert_cmpuint (pdf_n_pages (with), >=, pdf_n_pages (without));

  document = lia_briefing_build (f->base.store, &request, &error);
  g_assert_no_error (error);
  for (guint paper = LIA_BRIEFING_PAPER_A4; paper <= LIA_BRIEFING_PAPER_LETTER; paper++)
    {
      double width, height;
      g_autoptr(LiaBriefingLayout) layout = NULL;
      guint n_pictures = 0;

      lia_briefing_paper_get_size (paper, &width, &height);
      layout = lia_briefing_layout_new (document, width, height);
      for (guint p = 0; p < lia_briefing_layout_get_n_pages (layout); p++)
        {
          g_autoptr(GArray) boxes = lia_briefing_layout_get_picture_boxes (layout, p);

          for (guint i = 0; i < boxes->len; i++)
            {
              LiaBriefingTextBox *box = &g_array_index (boxes, LiaBriefingTextBox, i);

              g_assert_cmpfloat (box->ink.width, >, 300);
              g_assert_cmpfloat (box->ink.x, >=, box->frame.x);
              g_assert_cmpfloat (box->ink.y, >=, box->frame.y);
              g_assert_cmpfloat (box->ink.x + box->ink.width, <=, box->frame.x + box->frame.width + 0.01);
              g_assert_cmpfloat (box->ink.y + box->ink.height, <=, box->frame.y + box->frame.height + 0.01);
              n_pictures++;
            }
        }
      g_assert_cmpuint (n_pictures, ==, 1);
    }
}

/* A picture taller than a page is made smaller to fit, never cut; one that does not fit under
 * what came before moves to the next page. */
static void
count_draws (cairo_t  *cr,
             double    width,
             double    height,
             gpointer  user_data)
{
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  (*(guint *) user_data)++;
}

static void
test_picture (void)
{
  g_autoptr(LiaBriefingDocument) document = lia_briefing_document_new ("Pictures");
  g_autoptr(LiaBriefingLayout) layout = NULL;
  g_autoptr(GArray) first = NULL;
  g_autoptr(GArray) second = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint draws = 0;
  LiaBriefingTextBox *tall, *wide;

  lia_briefing_document_add_title (document, "Pictures");
  lia_briefing_document_add_picture (document, 3.0, count_draws, &draws, NULL);
  lia_briefing_document_add_picture (document, 0.5, count_draws, &draws, NULL);
  layout = lia_briefing_layout_new (document, 595, 842);

  g_assert_cmpuint (lia_briefing_layout_get_n_pages (layout), ==, 3);
  first = lia_briefing_layout_get_picture_boxes (layout, 1);
  second = lia_briefing_layout_get_picture_boxes (layout, 2);
  g_assert_cmpuint (first->len, ==, 1);
  g_assert_cmpuint (second->len, ==, 1);
  tall = &g_array_index (first, LiaBriefingTextBox, 0);
  wide = &g_array_index (second, LiaBriefingTextBox, 0);
  /* The tall one keeps its proportions inside the body. */
  g_assert_cmpfloat (fabs (tall->ink.height / tall->ink.width - 3.0), <, 0.001);
  g_assert_cmpfloat (tall->ink.height, <=, tall->frame.height + 0.01);
  g_assert_cmpfloat (tall->ink.y + tall->ink.height, <=, tall->frame.y + tall->frame.height + 0.01);
  g_assert_cmpfloat (wide->ink.width, ==, wide->frame.width);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 595, 842);
  cr = cairo_create (surface);
  for (guint p = 0; p < 3; p++)
    lia_briefing_layout_render_page (layout, cr, p);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (draws, ==, 2);
}

static void
test_overdue_page (Fixture       *f,
                   gconstpointer  data)
{
  LiaBriefingRequest request = request_for (f, LIA_RECORD_KIND_ORGANIZATION, 0);
  g_autofree char *pdf = NULL;
  guint found_on = 0;

  /* The overdue mark is on the same page as the commitment it marks. */
  request.id = 0;
  request.uid = "org-moh";
  pdf = render (f, &request, LIA_BRIEFING_PAPER_A4, "overdue.pdf");
  for (guint page = 1; page <= pdf_n_pages (pdf); page++)
    {
      g_autofree char *text = pdf_page_text (pdf, page);

      if (strstr (text, "Overdue by 12 days") != NULL)
        {
          assert_contains (text, "Send the vaccination figures");
          assert_contains (text, "What we owe them");
          found_on = page;
        }
    }
  g_assert_cmpuint (found_on, >, 0);
}

static void
test_redacted (Fixture       *f,
               gconstpointer  data)
{
  LiaBriefingRequest request = request_for (f, LIA_RECORD_KIND_ORGANIZATION, f->ministry);
  g_autoptr(GRegex) email = g_regex_new ("[^\\s@]+@[^\\s@]+", 0, 0, NULL);
  g_autoptr(GRegex) phone = g_regex_new ("\\+?\\d[\\d ]{7,}\\d", 0, 0, NULL);
  const char *kinds[] = { "organization", "contact", "pack" };

  request.redact = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *name = g_strdup_printf ("redacted-%s.pdf", kinds[i]);
      g_autofree char *pdf = NULL;
      g_autofree char *all = NULL;

      if (i == 1)
        {
          request.kind = LIA_RECORD_KIND_CONTACT;
          request.id = f->amina;
        }
      else if (i == 2)
        {
          request.kind = LIA_RECORD_KIND_INTERACTION;
          request.id = f->meeting;
        }

      pdf = render (f, &request, LIA_BRIEFING_PAPER_A4, name);
      all = pdf_text (pdf);

      /* No email address, no phone number, no notes... */
      if (g_regex_match (email, all, 0, NULL) || g_regex_match (phone, all, 0, NULL))
        g_error ("%s has contact details: %s", name, all);
      assert_not_contains (all, "moh.example");
      assert_not_contains (all, "555 12 34");
      assert_not_contains (all, "Prefers written agendas");
      assert_not_contains (all, "Dakar conference");
      assert_not_contains (all, "14 July");
      assert_not_contains (all, "finance is slow");
      /* ...but everything else is there, and the copy says what it is. */
      assert_contains (all, "Open commitments");
      assert_contains (all, "Overdue by 12 days");
      assert_footers (pdf, "CONFIDENTIAL · REDACTED COPY");
    }
}

static void
test_contact (Fixture       *f,
              gconstpointer  data)
{
  LiaBriefingRequest request = request_for (f, LIA_RECORD_KIND_CONTACT, 0);
  g_autofree char *pdf = NULL;
  g_autofree char *first = NULL;
  g_autofree char *all = NULL;
  g_autofree char *two_years_ago = NULL;

  request.uid = "c-amina";
  pdf = render (f, &request, LIA_BRIEFING_PAPER_A4, "contact.pdf");
  first = pdf_page_text (pdf, 1);
  all = pdf_text (pdf);

  assert_contains (first, "CONTACT BRIEFING");
  assert_contains (first, "Dr Amina Diallo");
  assert_contains (first, "Director of Public Health · Ministry of Health");
  assert_contains (all, "Languages fr, wo, en");
  /* Dakar is on UTC all year; the briefing was "printed" on 12 March 2025 at 09:14 here. */
  assert_contains (all, "Africa/Dakar (UTC+00:00):");
  assert_contains (all, "when printed");
  assert_contains (all, "amina.diallo@moh.example (work)");
  assert_contains (all, "+41 79 555 12 34 (mobile)");
  assert_contains (all, "Prefers Email");
  assert_contains (all, "Known as Mina");
  assert_contains (all, "Birthday 14 July");
  assert_contains (all, "xmpp:amina@moh.example (work)");

  /* The affiliation history with its dates. */
  assert_contains (all, "Affiliations");
  {
    g_autoptr(GDate) date = lia_test_date_from_today (-730);
    g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                       g_date_get_day (date), 12, 0, 0);

    two_years_ago = g_date_time_format (time, "%-d %b %Y");
  }
  assert_contains (all, two_years_ago);
  assert_contains (all, "present");

  /* Her own commitments and concerns; the ministry's letter is not hers. */
  assert_contains (all, "Send the vaccination figures");
  assert_not_contains (all, "Sign the letter of intent");
  assert_contains (all, "Asks for a single contact person.");
  assert_contains (all, "Budget call");
  assert_contains (all, "Met her at the Dakar conference");
  assert_footers (pdf, "CONFIDENTIAL");
}

static void
test_meeting_pack (Fixture       *f,
                   gconstpointer  data)
{
  LiaBriefingRequest request = request_for (f, LIA_RECORD_KIND_INTERACTION, f->meeting);
  g_autofree char *pdf = render (f, &request, LIA_BRIEFING_PAPER_A4, "pack.pdf");
  g_autofree char *cover = pdf_page_text (pdf, 1);
  g_autofree char *all = pdf_text (pdf);
  guint n = pdf_n_pages (pdf);
  guint org_page = 0, amina_page = 0, maryam_page = 0;

  assert_contains (cover, "MEETING PACK");
  assert_contains (cover, "Steering committee");
  assert_contains (cover, "Bern, Federal Palace");
  assert_contains (cover, "10:00–11:00 (UTC+01:00)");
  assert_contains (cover, "Participants");
  assert_contains (cover, "Ministry of Health");
  assert_contains (cover, "Dr Amina Diallo");
  assert_contains (cover, "Agenda: Agree on the reimbursement schedule.");
  /* The cover is a page of its own. */
  assert_not_contains (cover, "ORGANIZATION BRIEFING");

  for (guint page = 2; page <= n; page++)
    {
      g_autofree char *text = pdf_page_text (pdf, page);

      if (org_page == 0 && strstr (text, "ORGANIZATION BRIEFING") != NULL)
        org_page = page;
      if (strstr (text, "CONTACT BRIEFING Dr Amina Diallo") != NULL)
        amina_page = page;
      if (strstr (text, "CONTACT BRIEFING") != NULL && strstr (text, "Adviser") != NULL &&
          strstr (text, "CONTACT BRIEFING Dr Amina Diallo") == NULL)
        maryam_page = page;
    }
  g_assert_cmpuint (org_page, ==, 2);
  g_assert_cmpuint (amina_page, >, org_page);
  g_assert_cmpuint (maryam_page, >, amina_page);

  /* What the participants share is told once: the commitment with the ministry and Amina, the
   * concern both are party to, the interactions they had together. The meeting itself is the
   * cover, not an entry. */
  g_assert_cmpuint (count_occurrences (all, "Send the vaccination figures"), ==, 1);
  g_assert_cmpuint (count_occurrences (all, "Delayed reimbursement of field costs"), ==, 1);
  g_assert_cmpuint (count_occurrences (all, "— Quarterly review"), ==, 1);
  g_assert_cmpuint (count_occurrences (all, "— Steering committee"), ==, 0);
  assert_contains (all, "1 more open commitment is listed earlier in this pack.");
  assert_contains (all, "1 more open concern is described earlier in this pack.");
  /* Amina's meeting and call are in the ministry's history: she worked there then. */
  g_assert_cmpuint (count_occurrences (all, "— Budget call"), ==, 1);
  assert_contains (all, "2 more interactions are described earlier in this pack.");
  assert_footers (pdf, "CONFIDENTIAL");
}

static void
test_not_found (Fixture       *f,
                gconstpointer  data)
{
  LiaBriefingRequest request = request_for (f, LIA_RECORD_KIND_CONTACT, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaBriefingDocument) document = NULL;
  g_autofree char *expected = g_strdup_printf ("No contact with id “c-044” in %s.",
                                               lia_store_get_display_name (f->base.store));

  request.uid = "c-044";
  document = lia_briefing_build (f->base.store, &request, &error);
  g_assert_null (document);
  g_assert_error (error, LIA_BRIEFING_ERROR, LIA_BRIEFING_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, expected);

  /* An organization's uid does not name a contact. */
  g_clear_error (&error);
  request.uid = "org-moh";
  document = lia_briefing_build (f->base.store, &request, &error);
  g_assert_error (error, LIA_BRIEFING_ERROR, LIA_BRIEFING_ERROR_NOT_FOUND);
}

static void
test_write_failure (Fixture       *f,
                    gconstpointer  data)
{
  LiaBriefingRequest request = request_for (f, LIA_RECORD_KIND_ORGANIZATION, f->ministry);
  g_autoptr(LiaBriefingDocument) document = lia_briefing_build (f->base.store, &request, NULL);
  g_autofree char *path = g_build_filename (f->files, "no-such-folder", "b.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (document);
  g_assert_false (lia_briefing_write_pdf (document, LIA_BRIEFING_PAPER_A4, path, NULL, &error));
  g_assert_error (error, LIA_BRIEFING_ERROR, LIA_BRIEFING_ERROR_WRITE);
  assert_contains (error->message, path);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_reports (Fixture       *f,
              gconstpointer  data)
{
  LiaRelationshipSummary summary = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) departures = NULL;
  g_autoptr(GPtrArray) concerns = NULL;
  g_autoptr(GPtrArray) commitments = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GDate) year_ago = lia_test_date_from_today (-365);
  g_autoptr(GDate) week_ago = lia_test_date_from_today (-7);

  g_assert_true (lia_store_get_relationship_summary (f->base.store, f->amina, 0, f->today, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.last_90_days, ==, 2);
  g_assert_cmpuint (summary.last_year, ==, 2);
  g_assert_cmpfloat_with_epsilon (summary.average_sentiment, 0.0, 1e-9);
  g_assert_cmpuint (summary.planned, ==, 1);
  g_assert_nonnull (summary.last_contact);
  lia_relationship_summary_clear (&summary);

  g_assert_true (lia_store_get_relationship_summary (f->base.store, 0, f->ministry, f->today, &summary, &error));
  g_assert_cmpuint (summary.last_year, ==, 3);
  g_assert_cmpfloat_with_epsilon (summary.average_sentiment, 0.0, 1e-9);
  {
    g_autoptr(GDate) day = g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (summary.last_contact),
                                           (GDateMonth) g_date_time_get_month (summary.last_contact),
                                           (GDateYear) g_date_time_get_year (summary.last_contact));
    g_autoptr(GDate) ten_days_ago = lia_test_date_from_today (-10);

    g_assert_true (lia_date_equal (day, ten_days_ago));
    g_assert_cmpint (g_date_time_get_utc_offset (summary.last_contact) / G_USEC_PER_SEC, ==, 3600);
  }
  lia_relationship_summary_clear (&summary);

  departures = lia_store_list_departures (f->base.store, f->ministry, year_ago, f->today, &error);
  g_assert_cmpuint (departures->len, ==, 1);
  g_assert_cmpint (lia_affiliation_get_contact_id (g_ptr_array_index (departures, 0)), ==, f->emile);
  g_clear_pointer (&departures, g_ptr_array_unref);
  /* Emile left a month ago: not in the last week. */
  departures = lia_store_list_departures (f->base.store, f->ministry, week_ago, f->today, &error);
  g_assert_cmpuint (departures->len, ==, 0);

  /* Maryam is in the ministry now, so her concerns and commitments are the ministry's too. */
  concerns = lia_store_list_open_concerns (f->base.store, f->maryam, 0, f->today, &error);
  g_assert_cmpuint (concerns->len, ==, 0);
  g_clear_pointer (&concerns, g_ptr_array_unref);
  concerns = lia_store_list_open_concerns (f->base.store, 0, f->ministry, f->today, &error);
  g_assert_cmpuint (concerns->len, ==, 1);
  commitments = lia_store_list_open_commitments_involving_organization (f->base.store, f->ministry,
                                                                        f->today, &error);
  g_assert_cmpuint (commitments->len, ==, 2);
  /* Overdue first. */
  g_assert_cmpstr (lia_commitment_get_title (g_ptr_array_index (commitments, 0)), ==,
                   "Send the vaccination figures");

  history = lia_store_list_assessment_history (f->base.store, LIA_RECORD_KIND_ORGANIZATION, f->ministry, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpint (((LiaAssessmentState *) g_ptr_array_index (history, 0))->stance, ==, LIA_STANCE_NEUTRAL);
  g_assert_cmpint (((LiaAssessmentState *) g_ptr_array_index (history, 1))->stance, ==, LIA_STANCE_SUPPORTIVE);
}

static void
test_paper (void)
{
  LiaBriefingPaper paper = LIA_BRIEFING_PAPER_A4;
  double width, height;

  g_assert_true (lia_briefing_paper_from_name ("Letter", &paper));
  g_assert_cmpint (paper, ==, LIA_BRIEFING_PAPER_LETTER);
  g_assert_true (lia_briefing_paper_from_name ("a4", &paper));
  g_assert_cmpint (paper, ==, LIA_BRIEFING_PAPER_A4);
  g_assert_false (lia_briefing_paper_from_name ("a3", &paper));

  lia_briefing_paper_get_size (LIA_BRIEFING_PAPER_A4, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.28, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.01);
  lia_briefing_paper_get_size (LIA_BRIEFING_PAPER_LETTER, &width, &height);
  g_assert_cmpfloat (width, ==, 612);
  g_assert_cmpfloat (height, ==, 792);

  /* The C locale's paper is A4; LC_PAPER=en_US would give Letter where that locale exists. */
  g_assert_cmpint (lia_briefing_paper_from_locale (), ==, LIA_BRIEFING_PAPER_A4);
  if (setlocale (LC_PAPER, "en_US.UTF-8") != NULL)
    {
      g_assert_cmpint (lia_briefing_paper_from_locale (), ==, LIA_BRIEFING_PAPER_LETTER);
      setlocale (LC_PAPER, "C.UTF-8");
    }
}

/* Every line of every page inside its frame. The ink of a glyph may reach a hair past its
 * advance (italic overhangs, accents), never a whole point. */
static void
assert_inside_frames (LiaBriefingLayout *layout)
{
  const double slack = 1.0;

  for (guint page = 0; page < lia_briefing_layout_get_n_pages (layout); page++)
    {
      g_autoptr(GArray) boxes = lia_briefing_layout_get_text_boxes (layout, page);

      g_assert_cmpuint (boxes->len, >, 0);
      for (guint i = 0; i < boxes->len; i++)
        {
          LiaBriefingTextBox *box = &g_array_index (boxes, LiaBriefingTextBox, i);

          if (box->ink.x < box->frame.x - slack ||
              box->ink.y < box->frame.y - slack ||
              box->ink.x + box->ink.width > box->frame.x + box->frame.width + slack ||
              box->ink.y + box->ink.height > box->frame.y + box->frame.height + slack)
            g_error ("page %u, line %u: ink %.1f,%.1f %.1f×%.1f leaves its frame %.1f,%.1f %.1f×%.1f",
                     page + 1, i, box->ink.x, box->ink.y, box->ink.width, box->ink.height,
                     box->frame.x, box->frame.y, box->frame.width, box->frame.height);
        }
    }
}

static void
test_stress (Fixture       *f,
             gconstpointer  data)
{
  LiaStore *store = f->base.store;
  g_autoptr(GString) name = g_string_new ("The Extraordinarily Long-Named Interministerial Coordination Office");
  g_autoptr(GString) note = g_string_new (NULL);
  g_autoptr(LiaOrganization) org = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaBriefingDocument) document = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *all = NULL;
  LiaBriefingRequest request = request_for (f, LIA_RECORD_KIND_ORGANIZATION, 0);
  g_autoptr(GDate) since = lia_test_date_from_today (-3000);
  gint64 id;
  guint n_pages;

  /* A name of exactly 200 characters, a note of 5,000 with paragraphs and an unbroken run. */
  while (g_utf8_strlen (name->str, -1) < 200)
    g_string_append (name, " for Health, Émigration and Développement durable");
  g_string_truncate (name, g_utf8_offset_to_pointer (name->str, 200) - name->str);
  for (guint i = 0; g_utf8_strlen (note->str, -1) < 4900; i++)
    g_string_append_printf (note, "Paragraph %u of the long note: the partner’s position on the "
                            "reimbursement schedule is still unclear.%s", i, i % 5 == 4 ? "\n\n" : " ");
  g_string_append (note, "ReallyLongUnbrokenIdentifierWithoutAnySpaceThatMustBeBrokenSomewhere"
                         "BecauseNoLineCanHoldIt END-OF-NOTE");
  g_assert_cmpuint (g_utf8_strlen (note->str, -1), >=, 4900);

  org = lia_organization_new (name->str);
  lia_organization_set_notes (org, note->str);
  lia_test_save (store, org);
  id = lia_record_get_id (LIA_RECORD (org));

  g_assert_true (lia_store_begin (store, &error));
  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(GDateTime) at = at_day (-(int) (i + 1), "08:30:00");
      g_autofree char *title = g_strdup_printf ("Interaction %04u with the office", 2000 - i);
      g_autoptr(LiaInteraction) interaction = lia_interaction_new (i % 3 == 0 ? LIA_INTERACTION_KIND_CALL
                                                                               : LIA_INTERACTION_KIND_MEETING,
                                                                   at, title);

      lia_interaction_add_organization (interaction, id);
      lia_interaction_set_sentiment (interaction, (int) (i % 5) - 2);
      if (i % 4 == 0)
        lia_interaction_set_summary (interaction, "Discussed the schedule, the budget and the next "
                                     "steps of the programme in detail; both sides agreed to meet again.");
      g_assert_true (lia_store_save (store, LIA_RECORD (interaction), &error));
    }
  /* Enough people for the table to run over a page, one with a 200-character unbroken name. */
  for (guint i = 0; i < 90; i++)
    {
      g_autofree char *given = g_strdup_printf ("Person%02u", i);
      g_autoptr(LiaContact) contact = lia_contact_new (given, i == 0 ? name->str : "Müller-Lüdenscheidt");
      g_autoptr(LiaAffiliation) aff = NULL;

      if (i == 1)
        lia_contact_set_family_name (contact, "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                              "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                              "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ");
      lia_contact_add_email (contact, LIA_CONTACT_POINT_KIND_WORK, "person@office.example");
      g_assert_true (lia_store_save (store, LIA_RECORD (contact), &error));
      aff = lia_affiliation_new (lia_record_get_id (LIA_RECORD (contact)), id, "Senior programme officer");
      g_assert_true (lia_store_save (store, LIA_RECORD (aff), &error));
    }
  g_assert_true (lia_store_commit (store, &error));
  g_assert_no_error (error);

  request.id = id;
  request.since = since;
  request.max_interactions = 2000;
  document = lia_briefing_build (store, &request, &error);
  g_assert_no_error (error);

  for (guint paper = LIA_BRIEFING_PAPER_A4; paper <= LIA_BRIEFING_PAPER_LETTER; paper++)
    {
      g_autoptr(LiaBriefingLayout) layout = NULL;
      double width, height;

      lia_briefing_paper_get_size (paper, &width, &height);
      layout = lia_briefing_layout_new (document, width, height);
      g_assert_cmpuint (lia_briefing_layout_get_n_pages (layout), >, 40);
      assert_inside_frames (layout);
    }

  pdf = render (f, &request, LIA_BRIEFING_PAPER_A4, "stress.pdf");
  n_pages = pdf_n_pages (pdf);
  all = pdf_text (pdf);

  /* Nothing lost: the oldest interaction and the end of the note are there. */
  assert_contains (all, "Interaction 0001 with the office");
  assert_contains (all, "Interaction 2000 with the office");
  assert_contains (all, "END-OF-NOTE");
  g_assert_cmpuint (count_occurrences (all, "with the office"), ==, 2000);

  /* The people table goes on over the page, under its header again. */
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = pdf_page_text (pdf, page);

      if (strstr (text, "Key people (continued)") != NULL)
        {
          assert_contains (text, "NAME");
          assert_contains (text, "ROLE");
          break;
        }
      g_assert_cmpuint (page, <, n_pages);
    }

  {
    g_autofree char *last = pdf_page_text (pdf, n_pages);
    g_autofree char *expected = g_strdup_printf ("Page %u of %u", n_pages, n_pages);

    assert_contains (last, expected);
  }
}

/* A heading is never the last thing on a page: wherever the page ends, it goes with what
 * follows it. */
static void
test_keep_with_next (void)
{
  g_autofree char *dir = g_dir_make_tmp ("liaison-test-XXXXXX", NULL);

  for (guint n = 30; n < 60; n += 2)
    {
      g_autoptr(LiaBriefingDocument) document = lia_briefing_document_new ("Keep");
      g_autofree char *path = g_build_filename (dir, "keep.pdf", NULL);
      guint n_pages = 0;

      for (guint i = 0; i < n; i++)
        lia_briefing_document_add_paragraph (document, LIA_BRIEFING_STYLE_BODY, "Filler line.");
      lia_briefing_document_add_heading (document, 1, "HEADINGMARK");
      lia_briefing_document_add_paragraph (document, LIA_BRIEFING_STYLE_BODY,
                                           "AFTERMARK first line of the section that follows the heading, "
                                           "long enough to wrap onto a second line of the page so that "
                                           "two lines of it can go with the heading.");
      g_assert_true (lia_briefing_write_pdf (document, LIA_BRIEFING_PAPER_A4, path, &n_pages, NULL));

      for (guint page = 1; page <= n_pages; page++)
        {
          g_autofree char *text = pdf_page_text (path, page);

          if (strstr (text, "HEADINGMARK") != NULL)
            assert_contains (text, "AFTERMARK");
        }
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* Right-to-left and accented names come out as text, in logical order. */
static void
test_scripts (Fixture       *f,
              gconstpointer  data)
{
  LiaBriefingRequest request = request_for (f, LIA_RECORD_KIND_CONTACT, f->maryam);
  g_autofree char *pdf = render (f, &request, LIA_BRIEFING_PAPER_A4, "scripts.pdf");
  g_autofree char *all = pdf_text (pdf);

  assert_contains (all, "الحسيني");
  assert_contains (all, "مريم");
  assert_contains (all, "Adviser to the minister");
}

/* The command line, as a script would use it. */
static int
run_cli (const char * const *args,
         char              **out,
         char              **err)
{
  const char *binary = g_getenv ("LIAISON_BINARY");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (gpointer) binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->files, "cli.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *db = f->base.path;

  if (g_getenv ("LIAISON_BINARY") == NULL)
    {
      g_test_skip ("LIAISON_BINARY is not set");
      return;
    }

  /* The window or another program may hold the database; the command only reads. */
  {
    const char *args[] = { "briefing", "--database", db, "--contact", "c-amina", "--output", pdf, NULL };

    g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
    assert_contains (out, "Wrote ");
    assert_contains (out, pdf);
    g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    g_autofree char *text = pdf_page_text (pdf, 1);

    assert_contains (text, "CONTACT BRIEFING");
    assert_contains (text, "Dr Amina Diallo");
  }

  /* --paper and --redact and --since. */
  {
    const char *args[] = { "briefing", "--database", db, "--organization", "org-moh", "--output", pdf,
                           "--paper", "letter", "--redact", "--since", "2000-01-01", "-n", "3", NULL };
    const char *info_argv[] = { "pdfinfo", pdf, NULL };
    g_autofree char *info = NULL;
    g_autofree char *all = NULL;

    g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
    g_spawn_sync (NULL, (char **) info_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &info, NULL, NULL, NULL);
    assert_contains (info, "612 x 792 pts");
    all = pdf_text (pdf);
    assert_not_contains (all, "@");
    assert_contains (all, "REDACTED COPY");
    /* Since 2000 the letter of thanks is in the history; three interactions are listed. */
    assert_contains (all, "The 3 most recent of 4 interactions since 1 January 2000.");
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  /* --map: the organization's map; with a contact, a usage error that says why. */
  {
    const char *args[] = { "briefing", "--database", db, "--organization", "org-moh", "--map",
                           "--output", pdf, NULL };
    const char *wrong[] = { "briefing", "--database", db, "--contact", "c-amina", "--map",
                            "--output", pdf, NULL };
    g_autofree char *all = NULL;

    g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
    all = pdf_text (pdf);
    assert_contains (all, "Stakeholder map");
    assert_contains (all, "Manage closely");
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_cli (wrong, &out, &err), ==, 2);
    assert_contains (err, "--map goes with --organization");
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  /* A missing record: exit 1, and the message says what and where. */
  {
    const char *args[] = { "briefing", "--database", db, "--contact", "c-044", "--output", pdf, NULL };
    g_autofree char *expected = g_strdup_printf ("liaison: No contact with id “c-044” in %s.\n",
                                                 lia_store_get_display_name (f->base.store));

    g_assert_cmpint (run_cli (args, &out, &err), ==, 1);
    g_assert_cmpstr (err, ==, expected);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  /* Usage errors: exit 2, nothing written. */
  {
    const char *cases[][12] = {
      { "briefing", "--database", db, "--output", pdf, NULL },
      { "briefing", "--database", db, "--contact", "a", "--organization", "b", "--output", pdf, NULL },
      { "briefing", "--database", db, "--contact", "c-amina", NULL },
      { "briefing", "--database", db, "--contact", "c-amina", "--output", pdf, "--paper", "a3", NULL },
      { "briefing", "--database", db, "--contact", "c-amina", "--output", pdf, "--since", "March", NULL },
      { "briefing", "--database", db, "--contact", "c-amina", "--output", pdf, "-n", "0", NULL },
      { "briefing", "--database", db, "--contact", "c-amina", "--output", pdf, "extra", NULL },
    };

    g_unlink (pdf);
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_assert_cmpint (run_cli (cases[i], &out, &err), ==, 2);
        assert_contains (err, "liaison briefing: ");
        assert_contains (err, "Try “liaison briefing --help”.");
        g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
        g_clear_pointer (&out, g_free);
        g_clear_pointer (&err, g_free);
      }
  }

  /* A database that is not there (a file, or a server's database) is not created. */
  {
    g_autofree char *missing = lia_test_pg_missing_location (f->files);
    const char *args[] = { "briefing", "--database", missing, "--contact", "c-amina", "--output", pdf, NULL };

    g_assert_cmpint (run_cli (args, &out, &err), ==, 1);
    g_assert_false (lia_test_pg_location_exists (missing));
    g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  }
}

/* The project status report: progress with the overdue milestone marked, the heat map and the
 * risks by score, stakeholders with their role and stance, the project's past interactions
 * only, its open commitments both ways and open concerns; footers on every page; no line out
 * of its frame; the redacted copy without notes. */
static gint64
seed_project (Fixture *f)
{
  LiaStore *store = f->base.store;
  g_autoptr(LiaProject) project = lia_project_new ("Clean water for Kigoma");
  g_autoptr(LiaProjectStakeholder) funder = lia_project_stakeholder_new_organization (f->ministry, "Funder");
  g_autoptr(LiaProjectStakeholder) lead = lia_project_stakeholder_new_contact (f->amina, "Technical lead");
  g_autoptr(LiaCommitment) ours = lia_commitment_new (LIA_COMMITMENT_DIRECTION_OURS, "Send the site list");
  g_autoptr(LiaCommitment) theirs = lia_commitment_new (LIA_COMMITMENT_DIRECTION_THEIRS, "Approve the budget");
  g_autoptr(LiaCommitment) done = lia_commitment_new (LIA_COMMITMENT_DIRECTION_OURS, "Hire the surveyor");
  g_autoptr(LiaConcern) concern = lia_concern_new ("Land rights dispute");
  g_autoptr(GDate) past = lia_test_date_from_today (-40);
  g_autoptr(GDate) overdue = lia_test_date_from_today (-10);
  g_autoptr(GDate) later = lia_test_date_from_today (60);
  const struct { const char *title; int likelihood, impact; LiaRiskStatus status; } risks[] = {
    { "Permits withheld", 2, 3, LIA_RISK_STATUS_OPEN },
    { "Rainy season delays drilling", 4, 5, LIA_RISK_STATUS_MITIGATING },
    { "Pump theft", 3, 4, LIA_RISK_STATUS_CLOSED },
  };
  const struct { const char *title; const GDate *due; LiaMilestoneStatus status; } milestones[] = {
    { "Site survey", past, LIA_MILESTONE_STATUS_DONE },
    { "Boreholes drilled", overdue, LIA_MILESTONE_STATUS_OPEN },
    { "Pumps handed over", later, LIA_MILESTONE_STATUS_OPEN },
  };
  gint64 kickoff = add_interaction (store, LIA_INTERACTION_KIND_MEETING, -20, "Project kick-off", 1,
                                    "Agreed on the twelve villages.", f->amina, 0);

  lia_commitment_set_status (done, LIA_COMMITMENT_STATUS_DONE);
  lia_test_save (store, ours);
  lia_test_save (store, theirs);
  lia_test_save (store, done);
  lia_test_save (store, concern);

  lia_project_set_status (project, LIA_PROJECT_STATUS_ACTIVE);
  lia_project_set_summary (project, "Boreholes and pumps for twelve villages.");
  lia_project_set_notes (project, "The donor prefers monthly calls.");
  lia_project_add_stakeholder (project, funder);
  lia_project_add_stakeholder (project, lead);
  for (guint i = 0; i < G_N_ELEMENTS (milestones); i++)
    {
      g_autoptr(LiaMilestone) milestone = lia_milestone_new (milestones[i].title);

      lia_milestone_set_due (milestone, milestones[i].due);
      lia_milestone_set_status (milestone, milestones[i].status);
      lia_project_add_milestone (project, milestone);
    }
  for (guint i = 0; i < G_N_ELEMENTS (risks); i++)
    {
      g_autoptr(LiaRisk) risk = lia_risk_new (risks[i].title);

      lia_risk_set_likelihood (risk, risks[i].likelihood);
      lia_risk_set_impact (risk, risks[i].impact);
      lia_risk_set_status (risk, risks[i].status);
      lia_risk_set_owner_id (risk, f->amina);
      lia_risk_set_mitigation (risk, "Keep a second rig on standby.");
      lia_project_add_risk (project, risk);
    }
  lia_project_add_link (project, LIA_RECORD_KIND_INTERACTION, kickoff);
  lia_project_add_link (project, LIA_RECORD_KIND_INTERACTION, f->meeting);
  lia_project_add_link (project, LIA_RECORD_KIND_COMMITMENT, lia_record_get_id (LIA_RECORD (ours)));
  lia_project_add_link (project, LIA_RECORD_KIND_COMMITMENT, lia_record_get_id (LIA_RECORD (theirs)));
  lia_project_add_link (project, LIA_RECORD_KIND_COMMITMENT, lia_record_get_id (LIA_RECORD (done)));
  lia_project_add_link (project, LIA_RECORD_KIND_CONCERN, lia_record_get_id (LIA_RECORD (concern)));
  lia_test_save (store, project);
  return lia_record_get_id (LIA_RECORD (project));
}

static void
assert_before (const char *text,
               const char *first,
               const char *second)
{
  const char *a = strstr (text, first);
  const char *b = strstr (text, second);

  if (a == NULL || b == NULL || a > b)
    g_error ("“%s” should come before “%s” in: %s", first, second, text);
}

static void
test_project (Fixture       *f,
              gconstpointer  data)
{
  LiaBriefingRequest request = request_for (f, LIA_RECORD_KIND_PROJECT, seed_project (f));
  g_autofree char *pdf = render (f, &request, LIA_BRIEFING_PAPER_A4, "project.pdf");
  g_autofree char *first = pdf_page_text (pdf, 1);
  g_autofree char *all = pdf_text (pdf);
  g_autofree char *redacted_pdf = NULL;
  g_autofree char *redacted = NULL;

  assert_contains (first, "PROJECT STATUS REPORT");
  assert_contains (first, "Clean water for Kigoma");
  assert_contains (first, "Milestones 1 of 3 done, 1 overdue");
  assert_not_contains (first, "Active · to");
  assert_before (all, "Boreholes drilled", "Overdue");

  /* The heat map counts the two risks still open; the table lists all three by score. */
  assert_contains (all, "this project has 2.");
  assert_before (all, "4 5 20 Mitigating", "3 4 12 Closed");
  assert_before (all, "3 4 12 Closed", "2 3 6 Open");
  assert_contains (all, "Mitigation: Keep a second rig on standby.");

  assert_contains (all, "Ministry of Health Funder Supportive");
  assert_contains (all, "Dr Amina Diallo Technical lead Advocate");

  assert_contains (all, "The only interaction linked to this project.");
  assert_contains (all, "Project kick-off");
  assert_not_contains (all, "Steering committee");
  assert_contains (all, "Send the site list");
  assert_contains (all, "Approve the budget");
  assert_not_contains (all, "Hire the surveyor");
  assert_contains (all, "Land rights dispute");
  assert_contains (all, "The donor prefers monthly calls.");
  assert_footers (pdf, "CONFIDENTIAL");

  request.redact = TRUE;
  redacted_pdf = render (f, &request, LIA_BRIEFING_PAPER_A4, "project-redacted.pdf");
  redacted = pdf_text (redacted_pdf);
  assert_not_contains (redacted, "monthly calls");
  assert_footers (redacted_pdf, "CONFIDENTIAL · REDACTED COPY");

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LiaBriefingDocument) document = lia_briefing_build (f->base.store, &request, &error);
    g_autoptr(LiaBriefingLayout) layout = NULL;
    double width, height;

    g_assert_no_error (error);
    lia_briefing_paper_get_size (LIA_BRIEFING_PAPER_LETTER, &width, &height);
    layout = lia_briefing_layout_new (document, width, height);
    assert_inside_frames (layout);
  }
}

/* On a team server every briefing says the same as from a file, word for word: the same
 * records, seeded the same way into a file beside the server's database, printed by both. */
static void
test_same_as_file (Fixture       *f,
                   gconstpointer  data)
{
  Fixture file = { 0, };
  struct {
    const char    *name;
    LiaRecordKind  kind;
    gint64         server_id;
    gint64         file_id;
    gboolean       map;
    gboolean       redact;
    gboolean       long_ago;
  } cases[] = {
    { "organization", LIA_RECORD_KIND_ORGANIZATION, f->ministry, 0, FALSE, FALSE, FALSE },
    { "organization-map", LIA_RECORD_KIND_ORGANIZATION, f->ministry, 0, TRUE, FALSE, TRUE },
    { "organization-redacted", LIA_RECORD_KIND_ORGANIZATION, f->ministry, 0, FALSE, TRUE, FALSE },
    { "contact", LIA_RECORD_KIND_CONTACT, f->amina, 0, FALSE, FALSE, TRUE },
    { "contact-scripts", LIA_RECORD_KIND_CONTACT, f->maryam, 0, FALSE, FALSE, FALSE },
    { "pack", LIA_RECORD_KIND_INTERACTION, f->meeting, 0, FALSE, FALSE, FALSE },
    { "project", LIA_RECORD_KIND_PROJECT, 0, 0, FALSE, FALSE, FALSE },
  };
  g_autoptr(GDate) long_ago = lia_test_date_from_today (-3000);

  if (pg_cluster == NULL)
    {
      g_test_skip ("server only: compares a server's briefings with a file's");
      return;
    }

  store_fixture_setup (&file.base, NULL);
  file.files = g_strdup (file.base.dir);
  file.today = lia_date_new_today ();
  file.printed_at = g_date_time_ref (f->printed_at);
  seed (&file);
  cases[0].file_id = cases[1].file_id = cases[2].file_id = file.ministry;
  cases[3].file_id = file.amina;
  cases[4].file_id = file.maryam;
  cases[5].file_id = file.meeting;
  cases[6].server_id = seed_project (f);
  cases[6].file_id = seed_project (&file);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LiaBriefingRequest on_server = request_for (f, cases[i].kind, cases[i].server_id);
      LiaBriefingRequest on_file = request_for (&file, cases[i].kind, cases[i].file_id);
      g_autofree char *name = g_strconcat (cases[i].name, ".pdf", NULL);
      g_autofree char *server_pdf = NULL;
      g_autofree char *file_pdf = NULL;
      g_autofree char *server_text = NULL;
      g_autofree char *file_text = NULL;

      on_server.map = on_file.map = cases[i].map;
      on_server.redact = on_file.redact = cases[i].redact;
      if (cases[i].long_ago)
        on_server.since = on_file.since = long_ago;
      server_pdf = render (f, &on_server, LIA_BRIEFING_PAPER_A4, name);
      file_pdf = render (&file, &on_file, LIA_BRIEFING_PAPER_A4, name);
      server_text = pdf_text (server_pdf);
      file_text = pdf_text (file_pdf);
      g_test_message ("%s: %u pages", cases[i].name, pdf_n_pages (server_pdf));
      g_assert_cmpuint (strlen (server_text), >, 500);
      g_assert_cmpstr (server_text, ==, file_text);
      g_assert_cmpuint (pdf_n_pages (server_pdf), ==, pdf_n_pages (file_pdf));
    }

  g_clear_pointer (&file.files, g_free);
  g_clear_pointer (&file.today, g_date_free);
  g_clear_pointer (&file.printed_at, g_date_time_unref);
  store_fixture_teardown (&file.base, NULL);
}

int
main (int   argc,
      char *argv[])
{
  int skip = 0;
  int status;

  /* Dates, numbers and paper as the C locale has them, whatever the machine's. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  if (!lia_test_pg_init (&argc, &argv, &skip))
    return skip;

  g_test_add ("/briefing/organization", Fixture, NULL, fixture_setup, test_organization, fixture_teardown);
  g_test_add ("/briefing/organization-map", Fixture, NULL, fixture_setup, test_organization_map, fixture_teardown);
  g_test_add_func ("/briefing/picture", test_picture);
  g_test_add ("/briefing/overdue-page", Fixture, NULL, fixture_setup, test_overdue_page, fixture_teardown);
  g_test_add ("/briefing/redacted", Fixture, NULL, fixture_setup, test_redacted, fixture_teardown);
  g_test_add ("/briefing/contact", Fixture, NULL, fixture_setup, test_contact, fixture_teardown);
  g_test_add ("/briefing/meeting-pack", Fixture, NULL, fixture_setup, test_meeting_pack, fixture_teardown);
  g_test_add ("/briefing/not-found", Fixture, NULL, fixture_setup, test_not_found, fixture_teardown);
  g_test_add ("/briefing/write-failure", Fixture, NULL, fixture_setup, test_write_failure, fixture_teardown);
  g_test_add ("/briefing/reports", Fixture, NULL, fixture_setup, test_reports, fixture_teardown);
  g_test_add ("/briefing/scripts", Fixture, NULL, fixture_setup, test_scripts, fixture_teardown);
  g_test_add ("/briefing/stress", Fixture, NULL, fixture_setup, test_stress, fixture_teardown);
  g_test_add ("/briefing/cli", Fixture, NULL, fixture_setup, test_cli, fixture_teardown);
  g_test_add ("/briefing/project", Fixture, NULL, fixture_setup, test_project, fixture_teardown);
  g_test_add ("/briefing/same-as-file", Fixture, NULL, fixture_setup, test_same_as_file, fixture_teardown);
  g_test_add_func ("/briefing/paper", test_paper);
  g_test_add_func ("/briefing/keep-with-next", test_keep_with_next);

  status = g_test_run ();
  return status;
}
