/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE /* memmem */

/* How long a person waits for a briefing: an organization with a busy year (people,
 * commitments, concerns, a few hundred interactions with summaries) briefed on about twenty
 * pages, timed in its three steps: gathering from the database, laying out, drawing the PDF.
 * Prints figures; never fails on time (DESIGN.md). With --smoke it runs once on a small record,
 * for the unit suite, and fails only on errors. With --project it times a project status report
 * instead: a project over the same records, with its milestones and a long risk register. */

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "lia-briefing.h"
#include "lia-store-bulk.h"

#ifndef BENCH_BUILDTYPE
#define BENCH_BUILDTYPE "unknown"
#endif

static const char *summaries[] = {
  "Reviewed the progress of the vaccination campaign in the northern districts. The ministry "
  "reported supply delays at two regional depots and asked whether our logistics team could "
  "help with cold-chain transport until the end of the quarter.",
  "Call about the draft memorandum of understanding. Their legal service wants the data "
  "protection annex rewritten; the rest of the text is agreed. A new draft is due next week.",
  "Joint field visit to the district hospital in Thiès with the deputy director. Staff raised "
  "the shortage of trained nurses; the director promised a written plan before the next "
  "steering committee.",
  "Email exchange on the budget for the second phase. They accept the figures for training "
  "but question the overhead rate, which they consider too high compared with other partners.",
};

static const char *outcomes[] = {
  "We send the transport plan by Friday; they confirm the depots concerned.",
  "Agreed to meet again after the legal review.",
  "Nurse training moves up the agenda of the steering committee.",
  "Overhead rate to be discussed at director level.",
};

static void
check (gboolean  ok,
       GError   *error,
       const char *what)
{
  if (!ok)
    {
      g_printerr ("bench-briefing: %s: %s\n", what, error != NULL ? error->message : "failed");
      exit (1);
    }
}

static void
save (LiaStore *store,
      gpointer  record)
{
  g_autoptr(GError) error = NULL;

  check (lia_store_save (store, LIA_RECORD (record), &error), error, "saving a record");
}

/* One organization with @n_people people, @n_interactions interactions over the last two
 * years, commitments both ways and concerns. Returns its id. */
static gint64
fill (LiaStore *store,
      guint     n_people,
      guint     n_interactions)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaOrganization) org = lia_organization_new ("Ministère de la Santé et de l’Action sociale");
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  gint64 id;

  check (lia_store_begin (store, &error), error, "beginning the fill");

  lia_organization_set_sector (org, "Public health");
  lia_organization_set_country (org, "SN");
  lia_organization_set_notes (org, "Key partner for the primary health care programme. The minister "
                              "changed in the spring; the new cabinet is still settling in.\n\n"
                              "Prefers letters in French, signed by the head of office.");
  g_object_set (lia_organization_get_assessment (org), "influence", 5, "interest", 4,
                "stance", LIA_STANCE_NEUTRAL, NULL);
  save (store, org);
  lia_assessment_set_stance (lia_organization_get_assessment (org), LIA_STANCE_SUPPORTIVE);
  save (store, org);
  id = lia_record_get_id (LIA_RECORD (org));

  for (guint i = 0; i < n_people; i++)
    {
      static const char *given[] = { "Aminata", "Ousmane", "Fatou", "Cheikh", "Mariama", "Ibrahima" };
      static const char *family[] = { "Ndiaye", "Diop", "Sarr", "Fall", "Sow", "Ba", "Gueye" };
      g_autoptr(LiaContact) contact = lia_contact_new (given[i % G_N_ELEMENTS (given)],
                                                       family[(i / 3) % G_N_ELEMENTS (family)]);
      g_autoptr(LiaAffiliation) affiliation = NULL;
      g_autofree char *email = g_strdup_printf ("person%u@sante.example", i);
      gint64 contact_id;

      lia_contact_set_job_title (contact, i % 4 == 0 ? "Director" : "Programme officer");
      lia_contact_add_email (contact, LIA_CONTACT_POINT_KIND_WORK, email);
      lia_contact_add_phone (contact, LIA_CONTACT_POINT_KIND_WORK, "+221 33 889 34 00");
      save (store, contact);
      contact_id = lia_record_get_id (LIA_RECORD (contact));
      g_array_append_val (people, contact_id);

      affiliation = lia_affiliation_new (contact_id, id, i % 4 == 0 ? "Director of a department"
                                                                    : "Programme officer");
      if (i % 7 == 6)
        {
          /* Some left during the year. */
          g_autoptr(GDate) until = lia_date_new_today ();

          g_date_subtract_days (until, 20 + i);
          lia_affiliation_set_until (affiliation, until);
        }
      save (store, affiliation);
    }

  for (guint i = 0; i < n_interactions; i++)
    {
      g_autoptr(GDateTime) at = g_date_time_add_hours (now, -(int) (i * 24 * 730 / MAX (n_interactions, 1)) - 3);
      g_autofree char *title = g_strdup_printf ("%s %u", i % 3 == 0 ? "Coordination meeting" : "Follow-up call", i);
      g_autoptr(LiaInteraction) interaction =
        lia_interaction_new (i % 3 == 0 ? LIA_INTERACTION_KIND_MEETING : LIA_INTERACTION_KIND_CALL, at, title);

      lia_interaction_set_summary (interaction, summaries[i % G_N_ELEMENTS (summaries)]);
      lia_interaction_set_outcome (interaction, outcomes[i % G_N_ELEMENTS (outcomes)]);
      lia_interaction_set_location (interaction, i % 3 == 0 ? "Dakar, Fann" : "");
      lia_interaction_set_sentiment (interaction, (int) (i % 5) - 2);
      lia_interaction_add_organization (interaction, id);
      if (people->len > 0)
        lia_interaction_add_contact (interaction, g_array_index (people, gint64, i % people->len));
      save (store, interaction);
    }

  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *title = g_strdup_printf ("%s the report on phase %u",
                                                i % 2 == 0 ? "Send" : "Review", i + 1);
      g_autoptr(LiaCommitment) commitment =
        lia_commitment_new (i % 2 == 0 ? LIA_COMMITMENT_DIRECTION_OURS : LIA_COMMITMENT_DIRECTION_THEIRS, title);
      g_autoptr(GDate) due = lia_date_new_today ();

      if (i % 3 == 0)
        g_date_subtract_days (due, 5 + i);
      else
        g_date_add_days (due, 10 + i);
      lia_commitment_set_due_date (commitment, due);
      lia_commitment_set_organization_id (commitment, id);
      save (store, commitment);
    }

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *title = g_strdup_printf ("Disagreement on the overhead rate, phase %u", i + 1);
      g_autoptr(LiaConcern) concern = lia_concern_new (title);
      g_autoptr(LiaConcernParty) party = lia_concern_party_new_organization (id, "Considers the rate too high.");

      lia_concern_set_severity (concern, LIA_SEVERITY_HIGH);
      lia_concern_set_root_cause (concern, "Different accounting rules for indirect costs.");
      lia_concern_add_party (concern, party);
      save (store, concern);
    }

  check (lia_store_commit (store, &error), error, "committing the fill");
  return id;
}

/* Counts the pages the PDF file says it has (its /Type /Page objects), to check the writer
 * against the layout. */
static gboolean
collect_id_cb (LiaRecord  *record,
               gpointer    user_data,
               GError    **error)
{
  gint64 id = lia_record_get_id (record);

  g_array_append_val ((GArray *) user_data, id);
  return TRUE;
}

/* A project over everything fill() made: the organization and @n_stakeholders of its people
 * as stakeholders, @n_milestones milestones, @n_risks risks and links to every interaction,
 * commitment and concern. Returns its id. */
static gint64
fill_project (LiaStore *store,
              gint64    organization_id,
              guint     n_stakeholders,
              guint     n_milestones,
              guint     n_risks)
{
  g_autoptr(LiaProject) project = lia_project_new ("Cold chain for the northern clinics");
  g_autoptr(LiaProjectStakeholder) funder = lia_project_stakeholder_new_organization (organization_id, "Funder");
  g_autoptr(GDate) today = lia_date_new_today ();
  g_autoptr(GError) error = NULL;
  const LiaRecordKind kinds[] = {
    LIA_RECORD_KIND_INTERACTION, LIA_RECORD_KIND_COMMITMENT, LIA_RECORD_KIND_CONCERN, LIA_RECORD_KIND_CONTACT,
  };

  lia_project_set_status (project, LIA_PROJECT_STATUS_ACTIVE);
  lia_project_set_summary (project, summaries[0]);
  lia_project_add_stakeholder (project, funder);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      check (lia_store_foreach_record (store, kinds[k], FALSE, collect_id_cb, ids, &error), error,
             "listing records");
      for (guint i = 0; i < ids->len; i++)
        {
          gint64 id = g_array_index (ids, gint64, i);

          if (kinds[k] != LIA_RECORD_KIND_CONTACT)
            lia_project_add_link (project, kinds[k], id);
          else if (i < n_stakeholders)
            {
              g_autoptr(LiaProjectStakeholder) person = lia_project_stakeholder_new_contact (id, "Technical lead");

              lia_project_add_stakeholder (project, person);
            }
        }
    }

  for (guint i = 0; i < n_milestones; i++)
    {
      g_autofree char *title = g_strdup_printf ("Clinics of district %u equipped and staff trained", i + 1);
      g_autoptr(LiaMilestone) milestone = lia_milestone_new (title);
      g_autoptr(GDate) due = g_date_copy (today);

      g_date_add_days (due, i * 9);
      g_date_subtract_days (due, n_milestones * 3);
      lia_milestone_set_due (milestone, due);
      lia_milestone_set_status (milestone, i % 3 == 0 ? LIA_MILESTONE_STATUS_DONE : LIA_MILESTONE_STATUS_OPEN);
      lia_project_add_milestone (project, milestone);
    }

  for (guint i = 0; i < n_risks; i++)
    {
      g_autofree char *title = g_strdup_printf ("Delivery of equipment lot %u held up", i + 1);
      g_autoptr(LiaRisk) risk = lia_risk_new (title);
      g_autoptr(GDate) review = g_date_copy (today);

      g_date_add_days (review, i % 40);
      lia_risk_set_likelihood (risk, (int) (i % 5) + 1);
      lia_risk_set_impact (risk, (int) (i * 7 % 5) + 1);
      lia_risk_set_status (risk, i % 4 == 3 ? LIA_RISK_STATUS_CLOSED : LIA_RISK_STATUS_OPEN);
      lia_risk_set_mitigation (risk, outcomes[i % G_N_ELEMENTS (outcomes)]);
      lia_risk_set_review (risk, review);
      lia_project_add_risk (project, risk);
    }

  save (store, project);
  return lia_record_get_id (LIA_RECORD (project));
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint n = 0;
  const char *needle = "/Type /Page";
  const char *end;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return 0;
  end = contents + length;
  /* The file holds binary streams: search bytes, not a string. */
  for (const char *p = contents; (p = memmem (p, (gsize) (end - p), needle, strlen (needle))) != NULL; p++)
    if (p + strlen (needle) < end && p[strlen (needle)] != 's')
      n++;
  return n;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

static double
minimum (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- time a twenty-page briefing");
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaStore) store = NULL;
  g_autofree char *database = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *pdf = NULL;
  g_autoptr(GArray) t_build = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) t_layout = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) t_pdf = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) t_total = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean smoke = FALSE;
  gboolean project = FALSE;
  int runs = 15;
  int listed = 125;
  guint n_pages = 0;
  gint64 id;
  GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, "Database to create (a temporary one unless given)", "FILE" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Timed runs (15)", "N" },
    { "interactions", 0, 0, G_OPTION_ARG_INT, &listed, "Interactions the briefing lists (125: 20 pages)", "N" },
    { "smoke", 0, 0, G_OPTION_ARG_NONE, &smoke, "One run on a small record, for the test suite", NULL },
    { "project", 0, 0, G_OPTION_ARG_NONE, &project, "A project status report instead (70 risks, 40 milestones)", NULL },
    G_OPTION_ENTRY_NULL
  };

  setlocale (LC_ALL, "C.UTF-8");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-briefing: %s\n", error->message);
      return 2;
    }
  if (smoke)
    {
      runs = 1;
      listed = 5;
    }

  dir = g_dir_make_tmp ("liaison-bench-XXXXXX", &error);
  check (dir != NULL, error, "making a temporary folder");
  if (database == NULL)
    database = g_build_filename (dir, "bench.db", NULL);
  else
    {
      g_autofree char *wal = g_strconcat (database, "-wal", NULL);
      g_autofree char *shm = g_strconcat (database, "-shm", NULL);

      g_unlink (database);
      g_unlink (wal);
      g_unlink (shm);
    }
  pdf = g_build_filename (dir, "briefing.pdf", NULL);

  store = lia_store_open (database, &error);
  check (store != NULL, error, "opening the database");
  id = fill (store, smoke ? 5 : 40, smoke ? 20 : 400);
  if (project)
    id = fill_project (store, id, smoke ? 3 : 12, smoke ? 4 : 40, smoke ? 6 : 70);

  for (int run = 0; run < runs + 1; run++)
    {
      LiaBriefingRequest request = { 0, };
      g_autoptr(LiaBriefingDocument) document = NULL;
      g_autoptr(LiaBriefingLayout) layout = NULL;
      gint64 t0, t1, t2, t3;
      double width, height;
      guint pages = 0;

      request.kind = project ? LIA_RECORD_KIND_PROJECT : LIA_RECORD_KIND_ORGANIZATION;
      request.id = id;
      request.max_interactions = (guint) listed;

      t0 = g_get_monotonic_time ();
      document = lia_briefing_build (store, &request, &error);
      check (document != NULL, error, "gathering the briefing");
      t1 = g_get_monotonic_time ();
      lia_briefing_paper_get_size (LIA_BRIEFING_PAPER_A4, &width, &height);
      layout = lia_briefing_layout_new (document, width, height);
      n_pages = lia_briefing_layout_get_n_pages (layout);
      t2 = g_get_monotonic_time ();
      check (lia_briefing_layout_write_pdf (layout, pdf, &error), error, "writing the PDF");
      t3 = g_get_monotonic_time ();
      pages = pdf_pages (pdf);

      if (pages != n_pages)
        {
          g_printerr ("bench-briefing: the PDF has %u pages, the layout %u\n", pages, n_pages);
          return 1;
        }

      /* The first run warms the font caches, as the first briefing of a session would. */
      if (run == 0 && !smoke)
        {
          g_print ("first run (cold font caches): %.1f ms\n", (double) (t3 - t0) / 1000.0);
          continue;
        }

      {
        double build = (double) (t1 - t0) / 1000.0;
        double lay = (double) (t2 - t1) / 1000.0;
        double draw = (double) (t3 - t2) / 1000.0;
        double total = build + lay + draw;

        g_array_append_val (t_build, build);
        g_array_append_val (t_layout, lay);
        g_array_append_val (t_pdf, draw);
        g_array_append_val (t_total, total);
      }
      if (smoke)
        break;
    }

  g_print ("%s benchmark (%s build): %u pages A4, %d interactions listed, %d runs\n",
           project ? "project report" : "briefing", BENCH_BUILDTYPE, n_pages, listed, t_total->len);
  g_print ("  gather from the database  median %7.1f ms   min %7.1f ms\n", median (t_build), minimum (t_build));
  g_print ("  lay out the pages         median %7.1f ms   min %7.1f ms\n", median (t_layout), minimum (t_layout));
  g_print ("  draw and write the PDF    median %7.1f ms   min %7.1f ms\n", median (t_pdf), minimum (t_pdf));
  g_print ("  total                     median %7.1f ms   min %7.1f ms\n", median (t_total), minimum (t_total));

  g_clear_object (&store);
  {
    g_autofree char *wal = g_strconcat (database, "-wal", NULL);
    g_autofree char *shm = g_strconcat (database, "-shm", NULL);

    g_unlink (pdf);
    if (g_str_has_prefix (database, dir))
      {
        g_unlink (database);
        g_unlink (wal);
        g_unlink (shm);
      }
    g_rmdir (dir);
  }

  if (n_pages == 0)
    {
      g_printerr ("bench-briefing: the briefing has no pages\n");
      return 1;
    }
  return 0;
}
