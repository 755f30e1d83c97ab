/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "lia-exporter.h"
#include "lia-importer.h"
#include "lia-store-bulk.h"
#include "lia-test-pg.h"

/* iCalendar in: meetings with their real offsets (VTIMEZONE, Windows zone names), whole
 * days, updates and cancellations by UID, the people invited matched, listed or created,
 * files that fail at their line, and every real file of tests/data/interop/ics/; on a file,
 * and with --postgresql on a team server. */

static char *
write_calendar (StoreFixture *f,
                const char   *name,
                const char   *text)
{
  g_autoptr(GError) error = NULL;
  char *path = lia_test_pg_file (f, name);

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

static LiaImporter *
import_path (LiaStore    *store,
             const char  *path,
             gboolean     create_people,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LiaImporter *importer = lia_importer_new (file);

  lia_importer_set_create_people (importer, create_people);
  lia_importer_run (importer, store, NULL, error);
  return importer;
}

/* Imports @text, which must import, and returns the importer. */
static LiaImporter *
import_text (StoreFixture *f,
             const char   *text,
             gboolean      create_people)
{
  g_autofree char *path = write_calendar (f, "invite.ics", text);
  g_autoptr(GError) error = NULL;
  LiaImporter *importer = import_path (f->store, path, create_people, &error);

  g_assert_no_error (error);
  g_assert_cmpint (lia_importer_get_format (importer), ==, LIA_EXCHANGE_FORMAT_ICALENDAR);
  return importer;
}

static LiaInteraction *
load_meeting (LiaStore   *store,
              const char *uid)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (lia_store_find_id (store, LIA_RECORD_KIND_INTERACTION, uid, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return LIA_INTERACTION (lia_test_load (store, LIA_RECORD_KIND_INTERACTION, id));
}

static char *
format_at (LiaInteraction *meeting)
{
  return g_date_time_format (lia_interaction_get_at (meeting), "%Y-%m-%dT%H:%M%:z");
}

#define EVENT(uid, extra) \
  "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n" \
  "BEGIN:VEVENT\r\nUID:" uid "\r\nDTSTAMP:20240101T000000Z\r\n" extra "END:VEVENT\r\nEND:VCALENDAR\r\n"

static void
test_windows_zone (StoreFixture  *f,
                   gconstpointer  data)
{
  g_autoptr(LiaImporter) importer = NULL;
  g_autoptr(LiaInteraction) winter = NULL;
  g_autoptr(LiaInteraction) summer = NULL;
  g_autofree char *winter_at = NULL;
  g_autofree char *summer_at = NULL;

  /* Outlook names the zone the Windows way and, here, leaves out the VTIMEZONE. */
  importer = import_text (f,
                          "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:Microsoft Exchange Server 2010\r\nMETHOD:REQUEST\r\n"
                          "BEGIN:VEVENT\r\nUID:winter\r\nSUMMARY:Budget review\r\n"
                          "DTSTART;TZID=W. Europe Standard Time:20240115T100000\r\n"
                          "DTEND;TZID=W. Europe Standard Time:20240115T113000\r\nEND:VEVENT\r\n"
                          "BEGIN:VEVENT\r\nUID:summer\r\nSUMMARY:Site visit\r\n"
                          "DTSTART;TZID=\"W. Europe Standard Time\":20240715T100000\r\n"
                          "DURATION:PT45M\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
                          FALSE);
  g_assert_cmpuint (lia_importer_get_count (importer, LIA_RECORD_KIND_INTERACTION, LIA_IMPORT_CREATED), ==, 2);

  winter = load_meeting (f->store, "winter");
  summer = load_meeting (f->store, "summer");
  winter_at = format_at (winter);
  summer_at = format_at (summer);
  g_assert_cmpstr (winter_at, ==, "2024-01-15T10:00+01:00");
  g_assert_cmpstr (summer_at, ==, "2024-07-15T10:00+02:00");
  g_assert_cmpuint (lia_interaction_get_duration_minutes (winter), ==, 90);
  g_assert_cmpuint (lia_interaction_get_duration_minutes (summer), ==, 45);
  g_assert_cmpint (lia_interaction_get_kind (winter), ==, LIA_INTERACTION_KIND_MEETING);
  g_assert_cmpstr (lia_interaction_get_title (winter), ==, "Budget review");
}

static void
test_vtimezone_offset (StoreFixture  *f,
                       gconstpointer  data)
{
  g_autoptr(LiaImporter) importer = NULL;
  g_autoptr(LiaInteraction) meeting = NULL;
  g_autofree char *at = NULL;

  /* A zone no database knows, defined by the file alone. */
  importer = import_text (f,
                          "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Test//EN\n"
                          "BEGIN:VTIMEZONE\nTZID:Field Office\n"
                          "BEGIN:STANDARD\nDTSTART:19700101T000000\nTZOFFSETFROM:+0530\nTZOFFSETTO:+0530\nTZNAME:FO\nEND:STANDARD\n"
                          "END:VTIMEZONE\n"
                          "BEGIN:VEVENT\nUID:field-1\nDTSTAMP:20240101T000000Z\nSUMMARY:Water board\n"
                          "LOCATION:Pune\nDESCRIPTION:Second round\\, with the minutes.\n"
                          "DTSTART;TZID=Field Office:20240312T090000\nDTEND;TZID=Field Office:20240312T100000\n"
                          "END:VEVENT\nEND:VCALENDAR\n",
                          FALSE);

  meeting = load_meeting (f->store, "field-1");
  at = format_at (meeting);
  g_assert_cmpstr (at, ==, "2024-03-12T09:00+05:30");
  g_assert_cmpuint (lia_interaction_get_duration_minutes (meeting), ==, 60);
  g_assert_cmpstr (lia_interaction_get_location (meeting), ==, "Pune");
  g_assert_cmpstr (lia_interaction_get_summary (meeting), ==, "Second round, with the minutes.");
}

static void
test_all_day (StoreFixture  *f,
              gconstpointer  data)
{
  g_autoptr(LiaImporter) importer = NULL;
  g_autoptr(LiaInteraction) meeting = NULL;
  GDateTime *at;

  importer = import_text (f, EVENT ("retreat", "SUMMARY:Partner retreat\r\n"
                                    "DTSTART;VALUE=DATE:20240301\r\nDTEND;VALUE=DATE:20240303\r\n"),
                          FALSE);
  meeting = load_meeting (f->store, "retreat");
  at = lia_interaction_get_at (meeting);

  /* The dates stay the dates, wherever the reader is: midnight, local time, two days. */
  g_assert_cmpint (g_date_time_get_year (at), ==, 2024);
  g_assert_cmpint (g_date_time_get_month (at), ==, 3);
  g_assert_cmpint (g_date_time_get_day_of_month (at), ==, 1);
  g_assert_cmpint (g_date_time_get_hour (at), ==, 0);
  g_assert_cmpint (g_date_time_get_minute (at), ==, 0);
  g_assert_cmpuint (lia_interaction_get_duration_minutes (meeting), ==, 2 * 24 * 60);
}

static void
test_update_by_uid (StoreFixture  *f,
                    gconstpointer  data)
{
  g_autoptr(LiaImporter) first = NULL;
  g_autoptr(LiaImporter) update = NULL;
  g_autoptr(LiaImporter) stale = NULL;
  g_autoptr(LiaInteraction) meeting = NULL;
  g_autofree char *at = NULL;
  const char *original = EVENT ("steering@example.org", "SEQUENCE:0\r\nSUMMARY:Steering committee\r\n"
                                "DTSTART:20240410T080000Z\r\nDTEND:20240410T090000Z\r\n");
  const char *moved = EVENT ("steering@example.org", "SEQUENCE:1\r\nSUMMARY:Steering committee (moved)\r\n"
                             "DTSTART:20240411T130000Z\r\nDTEND:20240411T140000Z\r\nLOCATION:Room 4\r\n");

  first = import_text (f, original, FALSE);
  g_assert_cmpuint (lia_importer_get_count (first, LIA_RECORD_KIND_INTERACTION, LIA_IMPORT_CREATED), ==, 1);

  update = import_text (f, moved, FALSE);
  g_assert_cmpuint (lia_importer_get_count (update, LIA_RECORD_KIND_INTERACTION, LIA_IMPORT_CREATED), ==, 0);
  g_assert_cmpuint (lia_importer_get_count (update, LIA_RECORD_KIND_INTERACTION, LIA_IMPORT_UPDATED), ==, 1);

  /* The first invitation, found again in the mail, does not move the meeting back. */
  stale = import_text (f, original, FALSE);
  g_assert_cmpuint (lia_importer_get_count (stale, LIA_RECORD_KIND_INTERACTION, LIA_IMPORT_UPDATED), ==, 0);
  g_assert_cmpuint (lia_importer_get_count (stale, LIA_RECORD_KIND_INTERACTION, LIA_IMPORT_UNCHANGED), ==, 1);

  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_INTERACTION), ==, 1);
  meeting = load_meeting (f->store, "steering@example.org");
  at = format_at (meeting);
  g_assert_cmpstr (at, ==, "2024-04-11T13:00+00:00");
  g_assert_cmpstr (lia_interaction_get_title (meeting), ==, "Steering committee (moved)");
  g_assert_cmpstr (lia_interaction_get_location (meeting), ==, "Room 4");
  g_assert_cmpuint (lia_interaction_get_sequence (meeting), ==, 1);
}

static void
test_cancel (StoreFixture  *f,
             gconstpointer  data)
{
  g_autoptr(LiaImporter) request = NULL;
  g_autoptr(LiaImporter) cancel = NULL;
  g_autoptr(LiaImporter) status = NULL;
  g_autoptr(LiaInteraction) meeting = NULL;
  g_autoptr(LiaInteraction) called_off = NULL;

  request = import_text (f, EVENT ("board-7", "SEQUENCE:0\r\nSUMMARY:Board\r\nDTSTART:20240501T090000Z\r\n"), FALSE);
  g_assert_false (lia_interaction_get_cancelled (load_meeting (f->store, "board-7")));
  g_object_unref (load_meeting (f->store, "board-7"));

  /* An iTIP cancellation carries little more than the UID: the meeting keeps its title. */
  cancel = import_text (f,
                        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nMETHOD:CANCEL\r\n"
                        "BEGIN:VEVENT\r\nUID:board-7\r\nSEQUENCE:1\r\nDTSTAMP:20240420T000000Z\r\n"
                        "END:VEVENT\r\nEND:VCALENDAR\r\n",
                        FALSE);
  g_assert_cmpuint (lia_importer_get_count (cancel, LIA_RECORD_KIND_INTERACTION, LIA_IMPORT_UPDATED), ==, 1);
  meeting = load_meeting (f->store, "board-7");
  g_assert_true (lia_interaction_get_cancelled (meeting));
  g_assert_cmpstr (lia_interaction_get_title (meeting), ==, "Board");

  /* A calendar export says it with STATUS. */
  status = import_text (f, EVENT ("fair-2", "STATUS:CANCELLED\r\nSUMMARY:Trade fair\r\nDTSTART:20240601T090000Z\r\n"), FALSE);
  called_off = load_meeting (f->store, "fair-2");
  g_assert_true (lia_interaction_get_cancelled (called_off));

  /* A partner directory keeps it: exported, and read into another database. */
  {
    g_autofree char *path = lia_test_pg_file (f, "office.xml");
    g_autofree char *other_path = lia_test_pg_new_database (f, "other.db");
    g_autofree char *xml = NULL;
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(LiaExporter) exporter = lia_exporter_new (file, LIA_EXCHANGE_FORMAT_DIRECTORY);
    g_autoptr(LiaStore) other = lia_test_open (other_path);
    g_autoptr(LiaImporter) copy = NULL;
    g_autoptr(LiaInteraction) there = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_true (lia_exporter_run (exporter, f->store, NULL, &error));
    g_assert_true (g_file_get_contents (path, &xml, NULL, NULL));
    g_assert_nonnull (strstr (xml, "cancelled=\"true\""));
    copy = import_path (other, path, FALSE, &error);
    g_assert_no_error (error);
    there = load_meeting (other, "board-7");
    g_assert_true (lia_interaction_get_cancelled (there));
  }
}

static void
test_attendees (StoreFixture  *f,
                gconstpointer  data)
{
  const char *text = EVENT ("talks-1", "SUMMARY:Talks\r\nDTSTART:20240301T100000Z\r\n"
                            "ORGANIZER;CN=Ana Ruiz:mailto:ANA@example.org\r\n"
                            "ATTENDEE;CN=\"Stone, Bob\";ROLE=REQ-PARTICIPANT:mailto:bob@example.org\r\n"
                            "ATTENDEE;CUTYPE=ROOM;CN=Room 4:mailto:room4@example.org\r\n"
                            "X-MICROSOFT-CDO-BUSYSTATUS:BUSY\r\n");
  g_autoptr(LiaContact) ana = lia_contact_new ("Ana", "Ruiz");
  g_autoptr(LiaImporter) listed = NULL;
  g_autoptr(LiaImporter) created = NULL;
  g_autoptr(LiaInteraction) meeting = NULL;
  g_autoptr(LiaInteraction) again = NULL;
  g_autoptr(LiaContact) bob = NULL;
  g_autoptr(GArray) bobs = NULL;
  const char * const *people;
  const GArray *ids;

  lia_contact_add_email (ana, LIA_CONTACT_POINT_KIND_WORK, "ana@example.org");
  lia_test_save (f->store, ana);

  listed = import_text (f, text, FALSE);
  people = lia_importer_get_unmatched_people (listed);
  g_assert_cmpuint (g_strv_length ((char **) people), ==, 1);
  g_assert_cmpstr (people[0], ==, "Stone, Bob <bob@example.org>");
  g_assert_cmpuint (lia_importer_get_matched (listed, LIA_IMPORT_MATCH_EMAIL), ==, 1);
  g_assert_cmpuint (lia_importer_get_not_kept_count (listed, "X-MICROSOFT-CDO-BUSYSTATUS"), ==, 1);
  g_assert_cmpuint (lia_importer_get_not_kept_count (listed, "ATTENDEE (ROOM OR RESOURCE)"), ==, 1);

  meeting = load_meeting (f->store, "talks-1");
  ids = lia_interaction_get_contact_ids (meeting);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, lia_record_get_id (LIA_RECORD (ana)));
  g_assert_nonnull (strstr (lia_interaction_get_summary (meeting), "Stone, Bob <bob@example.org>"));
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_CONTACT), ==, 1);

  /* Again, creating the people: Bob becomes a contact and a participant. */
  created = import_text (f, text, TRUE);
  g_assert_cmpuint (g_strv_length ((char **) lia_importer_get_unmatched_people (created)), ==, 0);
  g_assert_cmpuint (lia_importer_get_count (created, LIA_RECORD_KIND_CONTACT, LIA_IMPORT_CREATED), ==, 1);
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_CONTACT), ==, 2);

  bobs = lia_store_find_contacts_by_email (f->store, "bob@example.org", NULL);
  g_assert_cmpuint (bobs->len, ==, 1);
  bob = LIA_CONTACT (lia_test_load (f->store, LIA_RECORD_KIND_CONTACT, g_array_index (bobs, gint64, 0)));
  g_assert_cmpstr (lia_contact_get_given_name (bob), ==, "Bob");
  g_assert_cmpstr (lia_contact_get_family_name (bob), ==, "Stone");

  again = load_meeting (f->store, "talks-1");
  g_assert_cmpuint (lia_interaction_get_contact_ids (again)->len, ==, 2);
  g_assert_null (strstr (lia_interaction_get_summary (again), "bob@example.org"));
}

static void
assert_fails_at (StoreFixture *f,
                 const char   *name,
                 const char   *text,
                 gssize        length,
                 const char   *where)
{
  g_autofree char *path = lia_test_pg_file (f, name);
  g_autoptr(LiaImporter) importer = NULL;
  g_autoptr(LiaImportProblem) problem = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_assert_true (g_file_set_contents (path, text, length, NULL));
  importer = import_path (f->store, path, FALSE, &error);
  g_assert_error (error, LIA_EXCHANGE_ERROR, LIA_EXCHANGE_ERROR_INVALID);
  g_assert_cmpuint (g_list_model_get_n_items (lia_importer_get_problems (importer)), >=, 1);
  problem = g_list_model_get_item (lia_importer_get_problems (importer), 0);
  message = lia_import_problem_to_string (problem);
  g_test_message ("%s", message);
  g_assert_nonnull (strstr (message, where));
  g_assert_cmpint (lia_test_count (f->store, LIA_RECORD_KIND_INTERACTION), ==, 0);
}

static void
test_broken (StoreFixture  *f,
             gconstpointer  data)
{
  static const char binary[] = "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:x\nSUMMARY:a\0\x01\x02\nEND:VEVENT\nEND:VCALENDAR\n";
  g_autofree char *cut_message = NULL;

  /* The first event is fine, the second never ends: nothing is imported, and the problem
   * is at the BEGIN that was not closed. */
  assert_fails_at (f, "cut.ics",
                   "BEGIN:VCALENDAR\nVERSION:2.0\n"
                   "BEGIN:VEVENT\nUID:ok\nSUMMARY:Fine\nDTSTART:20240101T100000Z\nEND:VEVENT\n"
                   "BEGIN:VEVENT\nUID:cut\nSUMMARY:Cut\nDTSTART:20240102T100000Z\n",
                   -1, "cut.ics:8:1: BEGIN:VEVENT is never ended");
  assert_fails_at (f, "binary.ics", binary, sizeof binary - 1, "binary.ics:5:10:");
  assert_fails_at (f, "mismatch.ics",
                   "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nDTSTART:20240101T100000Z\nEND:VTODO\nEND:VCALENDAR\n",
                   -1, "mismatch.ics:5:1: END:VTODO, but the object open here is VEVENT");
  assert_fails_at (f, "unfolded.ics",
                   "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nDTSTART:20240101T100000Z\nDESCRIPTION:first line\nsecond line\nEND:VEVENT\nEND:VCALENDAR\n",
                   -1, "unfolded.ics:6:1: “second line” is not a line of a calendar");
}

/* What libical cannot read inside an event, and text outside any calendar, are read past with
 * a warning at their event's line; the rest imports. */
static void
test_oddities (StoreFixture  *f,
               gconstpointer  data)
{
  g_autoptr(LiaImporter) importer = NULL;
  g_autoptr(LiaImportProblem) first = NULL;
  g_autoptr(LiaImportProblem) second = NULL;
  g_autoptr(LiaInteraction) meeting = NULL;
  GListModel *warnings;

  importer = import_text (f,
                          "BEGIN:VCALENDAR\nVERSION:2.0\n"
                          "BEGIN:VEVENT\nUID:odd-1\nDTSTART:20240101T100000Z\nSUMMARY:Odd but fine\n"
                          "GEO:somewhere near the river\nX-WR-ALARMUID:123\nEND:VEVENT\nEND:VCALENDAR\n"
                          "Sent from my phone\n",
                          FALSE);
  warnings = lia_importer_get_warnings (importer);
  g_assert_cmpuint (g_list_model_get_n_items (warnings), ==, 2);
  /* The first pass over the text meets the signature first, then libical the GEO. */
  first = g_list_model_get_item (warnings, 0);
  g_assert_cmpuint (lia_import_problem_get_line (first), ==, 11);
  g_assert_nonnull (strstr (lia_import_problem_get_message (first), "Sent from my phone"));
  second = g_list_model_get_item (warnings, 1);
  g_assert_cmpuint (lia_import_problem_get_line (second), ==, 3);
  g_assert_nonnull (strstr (lia_import_problem_get_message (second), "GEO"));
  g_assert_cmpuint (lia_importer_get_not_kept_count (importer, "X-WR-ALARMUID"), ==, 1);

  meeting = load_meeting (f->store, "odd-1");
  g_assert_cmpstr (lia_interaction_get_title (meeting), ==, "Odd but fine");
}

static void
test_bom (StoreFixture  *f,
          gconstpointer  data)
{
  g_autoptr(LiaImporter) importer = NULL;
  g_autoptr(LiaInteraction) meeting = NULL;

  importer = import_text (f, "\xEF\xBB\xBF" EVENT ("bom-1", "SUMMARY:Réunion\r\nDTSTART:20240101T100000Z\r\n"), FALSE);
  meeting = load_meeting (f->store, "bom-1");
  g_assert_cmpstr (lia_interaction_get_title (meeting), ==, "Réunion");

  /* UTF-16 with its byte order mark, as some Windows tools save it. */
  {
    g_autofree char *utf16 = NULL;
    g_autofree char *path = NULL;
    g_autoptr(LiaImporter) wide = NULL;
    g_autoptr(LiaInteraction) second = NULL;
    g_autoptr(GError) error = NULL;
    gsize length = 0;

    utf16 = g_convert ("\xEF\xBB\xBF" EVENT ("bom-2", "SUMMARY:Größere Runde\r\nDTSTART:20240102T100000Z\r\n"),
                       -1, "UTF-16LE", "UTF-8", NULL, &length, &error);
    g_assert_no_error (error);
    path = lia_test_pg_file (f, "wide.ics");
    g_assert_true (g_file_set_contents (path, utf16, (gssize) length, NULL));
    wide = import_path (f->store, path, FALSE, &error);
    g_assert_no_error (error);
    g_assert_cmpint (lia_importer_get_format (wide), ==, LIA_EXCHANGE_FORMAT_ICALENDAR);
    second = load_meeting (f->store, "bom-2");
    g_assert_cmpstr (lia_interaction_get_title (second), ==, "Größere Runde");
  }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Every real file: a table of what each gave, and each imports or fails at a line. */
static void
test_interop (StoreFixture  *f,
              gconstpointer  data)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "interop", "ics", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  static const char * const seeded[][3] = {
    { "Anna", "Alder", "a@example.com" },
    { "Carl", "Cedar", "C@EXAMPLE.COM" },
    { "Participant", "Coffeebean", "iCalParticipant@coffeebean.com" },
    { "Una", "User", "user@no.where" },
  };
  guint imported = 0;

  g_assert_nonnull (dir);
  for (const char *name; (name = g_dir_read_name (dir)) != NULL;)
    if (g_str_has_suffix (name, ".ics"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_assert_cmpuint (names->len, >=, 6);

  for (guint i = 0; i < G_N_ELEMENTS (seeded); i++)
    {
      g_autoptr(LiaContact) contact = lia_contact_new (seeded[i][0], seeded[i][1]);
      lia_contact_add_email (contact, LIA_CONTACT_POINT_KIND_WORK, seeded[i][2]);
      lia_test_save (f->store, contact);
    }

  g_printerr ("\n%-30s %7s %7s %9s %6s %7s %9s  %s\n", "file", "created", "updated", "unchanged",
              "to-dos", "matched", "unmatched", "not kept / problem");
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(LiaImporter) importer = import_path (f->store, path, FALSE, &error);
      g_autofree char *not_kept = lia_importer_describe_not_kept (importer);

      if (error != NULL)
        {
          g_autoptr(LiaImportProblem) problem = g_list_model_get_item (lia_importer_get_problems (importer), 0);
          g_autofree char *text = problem != NULL ? lia_import_problem_to_string (problem) : g_strdup (error->message);

          g_printerr ("%-30s %s\n", name, text);
          /* A failure must say where. */
          g_assert_nonnull (problem);
          g_assert_cmpuint (lia_import_problem_get_line (problem), >, 0);
          continue;
        }

      imported++;
      g_printerr ("%-30s %7" G_GUINT64_FORMAT " %7" G_GUINT64_FORMAT " %9" G_GUINT64_FORMAT " %6" G_GUINT64_FORMAT
                  " %7" G_GUINT64_FORMAT " %9u  %s\n",
                  name,
                  lia_importer_get_count (importer, LIA_RECORD_KIND_INTERACTION, LIA_IMPORT_CREATED),
                  lia_importer_get_count (importer, LIA_RECORD_KIND_INTERACTION, LIA_IMPORT_UPDATED),
                  lia_importer_get_count (importer, LIA_RECORD_KIND_INTERACTION, LIA_IMPORT_UNCHANGED),
                  lia_importer_get_count (importer, LIA_RECORD_KIND_COMMITMENT, LIA_IMPORT_CREATED),
                  lia_importer_get_matched (importer, LIA_IMPORT_MATCH_EMAIL),
                  g_strv_length ((char **) lia_importer_get_unmatched_people (importer)),
                  not_kept != NULL ? not_kept : "");
      g_assert_cmpuint (lia_importer_get_count (importer, LIA_RECORD_KIND_INTERACTION, LIA_IMPORT_CREATED), >, 0);
    }

  /* All six real files import: none of them is broken, only odd. */
  g_assert_cmpuint (imported, ==, names->len);

  /* The Latin-1 file reads as Latin-1, and the Windows-zoned Teams invitation keeps its hour. */
  {
    g_autofree char *title = lia_test_pg_sql_text (f, "SELECT title FROM interactions WHERE title LIKE 'Event Tv%'");
    g_autoptr(LiaInteraction) teams =
      load_meeting (f->store, "040000C08200E00074C5B7101A89E00800000000EEB3773267BEA60100000000000000001000000023B1CC4F9EF21B4BBA06F5F3B4E42720");
    g_autofree char *at = format_at (teams);

    g_assert_cmpstr (title, ==, "Event Två");
    g_assert_cmpstr (at, ==, "2020-11-24T11:00+01:00");
  }
}

static char *
export_ics (StoreFixture *f,
            const char   *name)
{
  char *path = lia_test_pg_file (f, name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LiaExporter) exporter = lia_exporter_new (file, LIA_EXCHANGE_FORMAT_ICALENDAR);
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_exporter_run (exporter, f->store, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static LiaContact *
add_person (LiaStore   *store,
            const char *given,
            const char *family,
            const char *email)
{
  LiaContact *contact = lia_contact_new (given, family);

  if (email != NULL)
    lia_contact_add_email (contact, LIA_CONTACT_POINT_KIND_WORK, email);
  lia_test_save (store, contact);
  return contact;
}

/* Planned meetings and open commitments out, read by another parser and by Liaison again. */
static void
test_export_round_trip (StoreFixture  *f,
                        gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) next_year = g_date_time_add_years (now, 1);
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) planned = g_date_time_new (paris, g_date_time_get_year (next_year), 3, 14, 9, 30, 0);
  g_autoptr(GDateTime) retreat = g_date_time_new (local, g_date_time_get_year (next_year), 5, 2, 0, 0, 0);
  g_autoptr(GDateTime) past = g_date_time_new_utc (2020, 1, 10, 10, 0, 0);
  g_autoptr(LiaContact) ana = add_person (f->store, "Ana", "Ruiz", "ana@example.org");
  g_autoptr(LiaContact) nomail = add_person (f->store, "Noor", "Haddad", NULL);
  g_autoptr(LiaInteraction) meeting = lia_interaction_new (LIA_INTERACTION_KIND_MEETING, planned, "Water board, second round");
  g_autoptr(LiaInteraction) offsite = lia_interaction_new (LIA_INTERACTION_KIND_MEETING, retreat, "Partner retreat");
  g_autoptr(LiaInteraction) done = lia_interaction_new (LIA_INTERACTION_KIND_CALL, past, "Old call");
  g_autoptr(LiaCommitment) open = lia_commitment_new (LIA_COMMITMENT_DIRECTION_THEIRS, "Send the figures");
  g_autoptr(LiaCommitment) closed = lia_commitment_new (LIA_COMMITMENT_DIRECTION_OURS, "Book the room");
  g_autoptr(GDate) due = lia_test_date (g_date_time_get_year (next_year), 4, 1);
  g_autofree char *path = NULL;
  g_autofree char *script = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaImporter) again = NULL;
  int status = 0;
  int year = g_date_time_get_year (next_year);

  lia_record_set_uid (LIA_RECORD (meeting), "int-water-2");
  lia_interaction_set_duration_minutes (meeting, 90);
  lia_interaction_set_location (meeting, "Lyon");
  lia_interaction_add_contact (meeting, lia_record_get_id (LIA_RECORD (ana)));
  lia_interaction_add_contact (meeting, lia_record_get_id (LIA_RECORD (nomail)));
  lia_test_save (f->store, meeting);
  lia_record_set_uid (LIA_RECORD (offsite), "int-retreat");
  lia_interaction_set_duration_minutes (offsite, 2 * 24 * 60);
  lia_test_save (f->store, offsite);
  lia_test_save (f->store, done);
  lia_record_set_uid (LIA_RECORD (open), "com-figures");
  lia_commitment_set_due_date (open, due);
  lia_test_save (f->store, open);
  lia_commitment_set_due_date (closed, due);
  lia_commitment_set_status (closed, LIA_COMMITMENT_STATUS_DONE);
  lia_test_save (f->store, closed);

  path = export_ics (f, "planned.ics");

  /* Another parser reads it: the planned meeting in UTC with Ana's address (Noor has none),
   * the retreat as dates, the open commitment as a to-do; the past and the done are not. */
  script = g_test_build_filename (G_TEST_DIST, "check-ics.py", NULL);
  {
    const char *argv[] = { "/usr/bin/python3", script, path, NULL };
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("check-ics.py failed: %s", err);
  expected = g_strdup_printf ("VEVENT int-retreat %d-05-02 %d-05-04 CONFIRMED Partner retreat | \n"
                              "VEVENT int-water-2 %d-03-14T08:30:00+00:00 %d-03-14T10:00:00+00:00 CONFIRMED Water board, second round | ana@example.org\n"
                              "VTODO com-figures %d-04-01 NEEDS-ACTION Send the figures\n",
                              year, year, year, year, year);
  g_assert_cmpstr (out, ==, expected);

  /* Liaison reads its own export back to the same records: nothing changes. */
  again = import_path (f->store, path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lia_importer_get_total (again, LIA_IMPORT_CREATED), ==, 0);
  g_assert_cmpuint (lia_importer_get_total (again, LIA_IMPORT_UPDATED), ==, 0);
  g_assert_cmpuint (lia_importer_get_count (again, LIA_RECORD_KIND_INTERACTION, LIA_IMPORT_UNCHANGED), ==, 2);
  g_assert_cmpuint (lia_importer_get_count (again, LIA_RECORD_KIND_COMMITMENT, LIA_IMPORT_UNCHANGED), ==, 1);

  /* And into an empty database with Ana in it: the same meetings, at the same instants. */
  {
    g_autofree char *other_path = lia_test_pg_new_database (f, "other.db");
    g_autoptr(LiaStore) other = lia_test_open (other_path);
    g_autoptr(LiaContact) ana_there = add_person (other, "Ana", "Ruiz", "ana@example.org");
    g_autoptr(LiaImporter) fresh = import_path (other, path, FALSE, &error);
    g_autoptr(LiaInteraction) copy = NULL;
    g_autoptr(LiaInteraction) whole = NULL;
    g_autoptr(LiaCommitment) promise = NULL;
    gint64 id = 0;

    g_assert_no_error (error);
    g_assert_cmpuint (lia_importer_get_count (fresh, LIA_RECORD_KIND_INTERACTION, LIA_IMPORT_CREATED), ==, 2);
    copy = load_meeting (other, "int-water-2");
    g_assert_true (g_date_time_equal (lia_interaction_get_at (copy), planned));
    g_assert_cmpuint (lia_interaction_get_duration_minutes (copy), ==, 90);
    g_assert_cmpstr (lia_interaction_get_location (copy), ==, "Lyon");
    g_assert_cmpuint (lia_interaction_get_contact_ids (copy)->len, ==, 1);
    whole = load_meeting (other, "int-retreat");
    g_assert_true (g_date_time_equal (lia_interaction_get_at (whole), retreat));
    g_assert_cmpuint (lia_interaction_get_duration_minutes (whole), ==, 2 * 24 * 60);
    g_assert_true (lia_store_find_id (other, LIA_RECORD_KIND_COMMITMENT, "com-figures", &id, NULL));
    promise = LIA_COMMITMENT (lia_test_load (other, LIA_RECORD_KIND_COMMITMENT, id));
    g_assert_cmpstr (lia_commitment_get_title (promise), ==, "Send the figures");
    g_assert_cmpint (lia_commitment_get_direction (promise), ==, LIA_COMMITMENT_DIRECTION_THEIRS);
    g_assert_cmpint (g_date_compare (lia_commitment_get_due_date (promise), due), ==, 0);
  }

  /* The same data gives the same bytes. */
  {
    g_autofree char *first_bytes = NULL;
    g_autofree char *second_bytes = NULL;

    second = export_ics (f, "planned-again.ics");
    g_file_get_contents (path, &first_bytes, NULL, NULL);
    g_file_get_contents (second, &second_bytes, NULL, NULL);
    g_assert_cmpstr (first_bytes, ==, second_bytes);
  }
}

int
main (int   argc,
      char *argv[])
{
  /* Floating times and whole days are read in the local zone: make it one with an offset. */
  int skip = 0;

  g_setenv ("TZ", "America/Toronto", TRUE);
  if (!lia_test_pg_init (&argc, &argv, &skip))
    return skip;

  g_test_add ("/ics/windows-zone", StoreFixture, NULL, lia_test_pg_files_setup, test_windows_zone, lia_test_pg_files_teardown);
  g_test_add ("/ics/vtimezone-offset", StoreFixture, NULL, lia_test_pg_files_setup, test_vtimezone_offset, lia_test_pg_files_teardown);
  g_test_add ("/ics/all-day", StoreFixture, NULL, lia_test_pg_files_setup, test_all_day, lia_test_pg_files_teardown);
  g_test_add ("/ics/update-by-uid", StoreFixture, NULL, lia_test_pg_files_setup, test_update_by_uid, lia_test_pg_files_teardown);
  g_test_add ("/ics/cancel", StoreFixture, NULL, lia_test_pg_files_setup, test_cancel, lia_test_pg_files_teardown);
  g_test_add ("/ics/attendees", StoreFixture, NULL, lia_test_pg_files_setup, test_attendees, lia_test_pg_files_teardown);
  g_test_add ("/ics/broken", StoreFixture, NULL, lia_test_pg_files_setup, test_broken, lia_test_pg_files_teardown);
  g_test_add ("/ics/oddities", StoreFixture, NULL, lia_test_pg_files_setup, test_oddities, lia_test_pg_files_teardown);
  g_test_add ("/ics/bom", StoreFixture, NULL, lia_test_pg_files_setup, test_bom, lia_test_pg_files_teardown);
  g_test_add ("/ics/export-round-trip", StoreFixture, NULL, lia_test_pg_files_setup, test_export_round_trip, lia_test_pg_files_teardown);
  g_test_add ("/ics/interop", StoreFixture, NULL, lia_test_pg_files_setup, test_interop, lia_test_pg_files_teardown);

  return g_test_run ();
}
