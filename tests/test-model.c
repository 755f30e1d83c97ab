/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "lia-model.h"

/* Records the name of every property notified on an object, to check what a bound widget
 * would see: one notification per real change, none for a value set again. */
typedef struct
{
  GPtrArray *names;
} NotifyLog;

static void
notify_log_cb (GObject    *object,
               GParamSpec *pspec,
               gpointer    user_data)
{
  NotifyLog *log = user_data;

  g_ptr_array_add (log->names, g_strdup (pspec->name));
}

static void
notify_log_watch (NotifyLog *log,
                  gpointer   object)
{
  log->names = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (object, "notify", G_CALLBACK (notify_log_cb), log);
}

static guint
notify_log_count (NotifyLog  *log,
                  const char *name)
{
  guint count = 0;

  for (guint i = 0; i < log->names->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (log->names, i), name) == 0)
        count++;
    }

  return count;
}

static void
notify_log_reset (NotifyLog *log)
{
  g_ptr_array_set_size (log->names, 0);
}

static void
notify_log_clear (NotifyLog *log)
{
  g_clear_pointer (&log->names, g_ptr_array_unref);
}

static GDate *
date_new (guint year,
          guint month,
          guint day)
{
  return g_date_new_dmy (day, month, year);
}

static GDate *
date_from_today (int days)
{
  GDate *date = lia_date_new_today ();

  if (days < 0)
    g_date_subtract_days (date, -days);
  else
    g_date_add_days (date, days);

  return date;
}

static void
assert_strv (const char * const *actual,
             const char * const *expected)
{
  g_assert_nonnull (actual);
  g_assert_cmpstrv (actual, expected);
}

/* Enums and values */

static void
test_enum_nicks (void)
{
  g_autoptr(GError) error = NULL;
  int value = -1;

  g_assert_cmpstr (lia_enum_to_nick (LIA_TYPE_CHANNEL, LIA_CHANNEL_IN_PERSON), ==, "in-person");
  g_assert_cmpstr (lia_enum_to_nick (LIA_TYPE_INTERACTION_KIND, LIA_INTERACTION_KIND_MEETING), ==, "meeting");
  g_assert_null (lia_enum_to_nick (LIA_TYPE_STANCE, 42));

  g_assert_true (lia_enum_from_nick (LIA_TYPE_STANCE, "opposed", &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (value, ==, LIA_STANCE_OPPOSED);

  g_assert_true (lia_enum_from_nick (LIA_TYPE_CHANNEL, "in-person", &value, NULL));
  g_assert_cmpint (value, ==, LIA_CHANNEL_IN_PERSON);

  value = -1;
  g_assert_false (lia_enum_from_nick (LIA_TYPE_INTERACTION_KIND, "teleport", &value, &error));
  g_assert_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID);
  g_assert_cmpint (value, ==, -1);
  g_assert_nonnull (strstr (error->message, "“teleport”"));
  g_assert_nonnull (strstr (error->message, "interaction kind"));
  g_assert_nonnull (strstr (error->message, "meeting, call, email, event, visit, letter, note"));
  g_clear_error (&error);

  g_assert_false (lia_enum_from_nick (LIA_TYPE_SEVERITY, NULL, &value, &error));
  g_assert_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "low, medium, high, critical"));
}

static void
test_date_parse (void)
{
  static const char * const refused[] = {
    "2026-02-30", "2026-1-5", "26-01-05", "2026-01-05x", "", "2026/01/05", "0000-01-01",
    "2026-13-01", " 2026-01-05", "２０２６-01-05",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) date = NULL;
  g_autoptr(GDate) leap = NULL;
  g_autofree char *text = NULL;

  date = lia_date_parse_iso ("2026-01-05", &error);
  g_assert_no_error (error);
  g_assert_nonnull (date);
  g_assert_cmpint (g_date_get_year (date), ==, 2026);
  g_assert_cmpint (g_date_get_month (date), ==, 1);
  g_assert_cmpint (g_date_get_day (date), ==, 5);
  text = lia_date_to_iso (date);
  g_assert_cmpstr (text, ==, "2026-01-05");

  leap = lia_date_parse_iso ("2024-02-29", &error);
  g_assert_no_error (error);
  g_assert_nonnull (leap);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GDate) bad = lia_date_parse_iso (refused[i], &error);

      g_assert_null (bad);
      g_assert_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "YYYY-MM-DD"));
      g_clear_error (&error);
    }

  g_assert_null (lia_date_parse_iso (NULL, &error));
  g_assert_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_null (lia_date_to_iso (NULL));
}

static void
test_date_equal_and_today (void)
{
  g_autoptr(GDate) a = date_new (2026, 3, 1);
  g_autoptr(GDate) b = date_new (2026, 3, 1);
  g_autoptr(GDate) c = date_new (2026, 3, 2);
  g_autoptr(GDate) today = lia_date_new_today ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate invalid;

  g_date_clear (&invalid, 1);

  g_assert_true (lia_date_equal (NULL, NULL));
  g_assert_true (lia_date_equal (a, b));
  g_assert_false (lia_date_equal (a, c));
  g_assert_false (lia_date_equal (a, NULL));
  g_assert_false (lia_date_equal (NULL, a));
  g_assert_true (lia_date_equal (&invalid, NULL));

  g_assert_true (g_date_valid (today));
  g_assert_cmpint (g_date_get_year (today), ==, g_date_time_get_year (now));
  g_assert_cmpint (g_date_get_day_of_year (today), ==, g_date_time_get_day_of_year (now));
}

static void
test_text_helpers (void)
{
  const char * const messy[] = { " Health ", "water", "", "  ", "HEALTH", "Water", "Énergie", "énergie", NULL };
  const char * const tidy_ci[] = { "Health", "water", "Énergie", NULL };
  const char * const tidy_cs[] = { "Health", "water", "HEALTH", "Water", "Énergie", "énergie", NULL };
  const char * const empty[] = { NULL };
  g_auto(GStrv) ci = lia_strv_tidy (messy, TRUE);
  g_auto(GStrv) cs = lia_strv_tidy (messy, FALSE);
  g_auto(GStrv) none = lia_strv_tidy (NULL, TRUE);

  assert_strv ((const char * const *) ci, tidy_ci);
  assert_strv ((const char * const *) cs, tidy_cs);
  assert_strv ((const char * const *) none, empty);

  g_assert_true (lia_text_is_blank (NULL));
  g_assert_true (lia_text_is_blank (""));
  g_assert_true (lia_text_is_blank (" \t\n\u00a0"));
  g_assert_false (lia_text_is_blank ("  x "));
}

/* Records */

static void
test_record_base (void)
{
  LiaOrganization *org = lia_organization_new ("World Health Organization");
  LiaRecord *record = LIA_RECORD (org);
  g_autoptr(GTimeZone) plus_two = g_time_zone_new_offset (2 * 3600);
  g_autoptr(GDateTime) created = g_date_time_new (plus_two, 2026, 1, 5, 9, 0, 0);
  g_autoptr(GDateTime) same_instant_utc = g_date_time_to_utc (created);
  GDateTime *read_back = NULL;
  g_autofree char *uid = NULL;
  gint64 id = 0;
  NotifyLog log;

  notify_log_watch (&log, org);

  g_assert_cmpint (lia_record_get_kind (record), ==, LIA_RECORD_KIND_ORGANIZATION);
  g_assert_cmpint (lia_record_get_id (record), ==, 0);
  g_assert_cmpstr (lia_record_get_uid (record), ==, "");
  g_assert_null (lia_record_get_created_at (record));

  g_object_set (org, "id", (gint64) 42, "uid", "org-1", "created-at", created, NULL);
  g_object_get (org, "id", &id, "uid", &uid, "created-at", &read_back, NULL);
  g_assert_cmpint (id, ==, 42);
  g_assert_cmpstr (uid, ==, "org-1");
  g_assert_true (g_date_time_equal (read_back, created));
  g_clear_pointer (&read_back, g_date_time_unref);
  g_assert_cmpuint (notify_log_count (&log, "id"), ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "uid"), ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "created-at"), ==, 1);

  notify_log_reset (&log);
  lia_record_set_id (record, 42);
  lia_record_set_uid (record, "org-1");
  lia_record_set_created_at (record, created);
  g_assert_cmpuint (log.names->len, ==, 0);

  /* The same instant written with another offset is a change a person would see. */
  lia_record_set_created_at (record, same_instant_utc);
  g_assert_cmpuint (notify_log_count (&log, "created-at"), ==, 1);
  g_assert_cmpint (g_date_time_get_utc_offset (lia_record_get_created_at (record)), ==, 0);

  lia_record_set_uid (record, NULL);
  g_assert_cmpstr (lia_record_get_uid (record), ==, "");

  g_assert_cmpstr (lia_record_get_label (record), ==, "World Health Organization");

  notify_log_clear (&log);
  g_assert_finalize_object (org);
}

static void
test_organization_properties (void)
{
  static const char * const text_properties[] = {
    "name", "short-name", "sector", "country", "street", "locality", "region", "postal-code",
    "address-country", "website", "email", "phone", "notes",
  };
  const char * const tags[] = { " health ", "Emergencies", "HEALTH", "", NULL };
  const char * const tidy_tags[] = { "health", "Emergencies", NULL };
  const char * const same_tags[] = { "health", "Emergencies", "EMERGENCIES", " health", NULL };
  const char * const no_tags[] = { NULL };
  LiaOrganization *org = lia_organization_new (NULL);
  LiaAssessment *assessment = NULL;
  g_auto(GStrv) read_tags = NULL;
  gint64 parent_id = 0;
  NotifyLog log;

  g_assert_cmpstr (lia_organization_get_name (org), ==, "");
  assert_strv (lia_organization_get_tags (org), no_tags);

  for (guint i = 0; i < G_N_ELEMENTS (text_properties); i++)
    {
      g_autofree char *value = g_strdup_printf ("value of %s", text_properties[i]);
      g_autofree char *read = NULL;

      g_object_set (org, text_properties[i], value, NULL);
      g_object_get (org, text_properties[i], &read, NULL);
      g_assert_cmpstr (read, ==, value);

      g_object_set (org, text_properties[i], NULL, NULL);
      g_clear_pointer (&read, g_free);
      g_object_get (org, text_properties[i], &read, NULL);
      g_assert_cmpstr (read, ==, "");
    }

  lia_organization_set_name (org, "World Health Organization");
  lia_organization_set_short_name (org, "WHO");
  lia_organization_set_country (org, "CH");
  lia_organization_set_locality (org, "Geneva");
  g_assert_cmpstr (lia_organization_get_name (org), ==, "World Health Organization");
  g_assert_cmpstr (lia_organization_get_short_name (org), ==, "WHO");
  g_assert_cmpstr (lia_organization_get_country (org), ==, "CH");
  g_assert_cmpstr (lia_organization_get_locality (org), ==, "Geneva");
  g_assert_cmpstr (lia_organization_get_website (org), ==, "");

  g_object_set (org, "parent-id", (gint64) 7, NULL);
  g_object_get (org, "parent-id", &parent_id, "assessment", &assessment, NULL);
  g_assert_cmpint (parent_id, ==, 7);
  g_assert_true (assessment == lia_organization_get_assessment (org));
  g_assert_cmpint (lia_assessment_get_stance (assessment), ==, LIA_STANCE_UNKNOWN);
  g_clear_object (&assessment);

  notify_log_watch (&log, org);

  lia_organization_set_name (org, "WHO Europe");
  lia_organization_set_name (org, "WHO Europe");
  g_assert_cmpuint (notify_log_count (&log, "name"), ==, 1);

  lia_organization_set_tags (org, tags);
  assert_strv (lia_organization_get_tags (org), tidy_tags);
  g_assert_cmpuint (notify_log_count (&log, "tags"), ==, 1);

  /* Tidies to the same list: nothing to notify. */
  lia_organization_set_tags (org, same_tags);
  g_assert_cmpuint (notify_log_count (&log, "tags"), ==, 1);

  g_object_get (org, "tags", &read_tags, NULL);
  assert_strv ((const char * const *) read_tags, tidy_tags);

  lia_organization_set_tags (org, NULL);
  assert_strv (lia_organization_get_tags (org), no_tags);
  g_assert_cmpuint (notify_log_count (&log, "tags"), ==, 2);
  g_assert_cmpuint (log.names->len, ==, 3);

  g_assert_cmpstr (lia_record_get_label (LIA_RECORD (org)), ==, "WHO Europe");

  notify_log_clear (&log);
  g_assert_finalize_object (org);
}

static void
test_assessment_properties (void)
{
  LiaAssessment *assessment = lia_assessment_new ();
  int influence = 0, interest = 0;
  LiaStance stance = LIA_STANCE_UNKNOWN;
  NotifyLog log;

  g_assert_cmpint (lia_assessment_get_influence (assessment), ==, 0);
  g_assert_cmpint (lia_assessment_get_interest (assessment), ==, 0);
  g_assert_true (lia_assessment_validate (assessment, NULL));

  notify_log_watch (&log, assessment);
  g_object_set (assessment, "influence", 4, "interest", 2, "stance", LIA_STANCE_SUPPORTIVE, NULL);
  g_object_set (assessment, "influence", 4, "interest", 2, "stance", LIA_STANCE_SUPPORTIVE, NULL);
  g_object_get (assessment, "influence", &influence, "interest", &interest, "stance", &stance, NULL);
  g_assert_cmpint (influence, ==, 4);
  g_assert_cmpint (interest, ==, 2);
  g_assert_cmpint (stance, ==, LIA_STANCE_SUPPORTIVE);
  g_assert_cmpuint (notify_log_count (&log, "influence"), ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "interest"), ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "stance"), ==, 1);
  g_assert_true (lia_assessment_validate (assessment, NULL));

  notify_log_clear (&log);
  g_assert_finalize_object (assessment);
}

static void
test_contact_properties (void)
{
  static const char * const text_properties[] = {
    "honorific", "given-name", "family-name", "suffix", "job-title", "time-zone", "notes",
  };
  const char * const languages[] = { "fr", " en-GB ", "EN-gb", "", "sw", NULL };
  const char * const tidy_languages[] = { "fr", "en-GB", "sw", NULL };
  const char * const no_strings[] = { NULL };
  LiaContact *contact = lia_contact_new ("Amina", "Diallo");
  LiaChannel channel = LIA_CHANNEL_UNSPECIFIED;
  g_auto(GStrv) read_languages = NULL;
  g_autoptr(GListModel) emails = NULL;

  g_assert_cmpint (lia_record_get_kind (LIA_RECORD (contact)), ==, LIA_RECORD_KIND_CONTACT);
  g_assert_cmpstr (lia_contact_get_given_name (contact), ==, "Amina");
  g_assert_cmpstr (lia_contact_get_family_name (contact), ==, "Diallo");
  assert_strv (lia_contact_get_languages (contact), no_strings);
  assert_strv (lia_contact_get_tags (contact), no_strings);
  g_assert_cmpint (lia_contact_get_preferred_channel (contact), ==, LIA_CHANNEL_UNSPECIFIED);

  for (guint i = 0; i < G_N_ELEMENTS (text_properties); i++)
    {
      g_autofree char *value = g_strdup_printf ("value of %s", text_properties[i]);
      g_autofree char *read = NULL;

      g_object_set (contact, text_properties[i], value, NULL);
      g_object_get (contact, text_properties[i], &read, NULL);
      g_assert_cmpstr (read, ==, value);

      g_object_set (contact, text_properties[i], NULL, NULL);
      g_clear_pointer (&read, g_free);
      g_object_get (contact, text_properties[i], &read, NULL);
      g_assert_cmpstr (read, ==, "");
    }

  g_object_set (contact, "preferred-channel", LIA_CHANNEL_IN_PERSON, "languages", languages, NULL);
  g_object_get (contact, "preferred-channel", &channel, "languages", &read_languages, "emails", &emails, NULL);
  g_assert_cmpint (channel, ==, LIA_CHANNEL_IN_PERSON);
  assert_strv ((const char * const *) read_languages, tidy_languages);
  assert_strv (lia_contact_get_languages (contact), tidy_languages);
  g_assert_true (emails == lia_contact_get_emails (contact));
  g_assert_true (g_list_model_get_item_type (emails) == LIA_TYPE_CONTACT_POINT);
  g_clear_object (&emails);

  lia_contact_set_time_zone (contact, "Africa/Nairobi");
  g_assert_cmpstr (lia_contact_get_time_zone (contact), ==, "Africa/Nairobi");

  g_assert_finalize_object (contact);
}

static void
test_contact_display_name (void)
{
  LiaContact *contact = lia_contact_new ("Amina", "Diallo");
  g_autofree char *read = NULL;
  NotifyLog log;

  g_assert_cmpstr (lia_contact_get_display_name (contact), ==, "Amina Diallo");
  g_assert_cmpstr (lia_contact_get_explicit_display_name (contact), ==, "");
  g_assert_cmpstr (lia_record_get_label (LIA_RECORD (contact)), ==, "Amina Diallo");

  notify_log_watch (&log, contact);

  lia_contact_set_honorific (contact, "Dr");
  lia_contact_set_suffix (contact, " PhD ");
  g_assert_cmpstr (lia_contact_get_display_name (contact), ==, "Dr Amina Diallo PhD");
  g_assert_cmpuint (notify_log_count (&log, "display-name"), ==, 2);
  g_object_get (contact, "display-name", &read, NULL);
  g_assert_cmpstr (read, ==, "Dr Amina Diallo PhD");

  /* Empty parts are skipped, not doubled spaces. */
  lia_contact_set_given_name (contact, "");
  g_assert_cmpstr (lia_contact_get_display_name (contact), ==, "Dr Diallo PhD");
  g_assert_cmpuint (notify_log_count (&log, "display-name"), ==, 3);

  /* An explicit display name wins; changing the parts then leaves the label alone. */
  notify_log_reset (&log);
  lia_contact_set_display_name (contact, "Prof. Diallo");
  g_assert_cmpuint (notify_log_count (&log, "display-name"), ==, 1);
  g_assert_cmpstr (lia_contact_get_display_name (contact), ==, "Prof. Diallo");
  g_assert_cmpstr (lia_contact_get_explicit_display_name (contact), ==, "Prof. Diallo");
  lia_contact_set_given_name (contact, "Amina");
  g_assert_cmpuint (notify_log_count (&log, "display-name"), ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "given-name"), ==, 1);
  lia_contact_set_display_name (contact, "Prof. Diallo");
  g_assert_cmpuint (notify_log_count (&log, "display-name"), ==, 1);

  /* Back to composed (a blank explicit name counts as none). */
  lia_contact_set_display_name (contact, "  ");
  g_assert_cmpstr (lia_contact_get_display_name (contact), ==, "Dr Amina Diallo PhD");
  g_assert_cmpuint (notify_log_count (&log, "display-name"), ==, 2);

  notify_log_clear (&log);
  g_assert_finalize_object (contact);
}

static void
test_contact_points (void)
{
  LiaContact *contact = lia_contact_new ("Amina", "Diallo");
  GListModel *emails = lia_contact_get_emails (contact);
  GListModel *phones = lia_contact_get_phones (contact);
  g_autoptr(LiaContactPoint) first = NULL;
  LiaContactPointKind kind = LIA_CONTACT_POINT_KIND_OTHER;
  g_autofree char *value = NULL;
  NotifyLog log;

  notify_log_watch (&log, contact);

  lia_contact_add_email (contact, LIA_CONTACT_POINT_KIND_WORK, "amina@who.int");
  lia_contact_add_email (contact, LIA_CONTACT_POINT_KIND_HOME, "amina@example.org");
  lia_contact_add_phone (contact, LIA_CONTACT_POINT_KIND_MOBILE, "+254 700 000000");
  g_assert_cmpuint (g_list_model_get_n_items (emails), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (phones), ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "emails"), ==, 2);
  g_assert_cmpuint (notify_log_count (&log, "phones"), ==, 1);

  first = g_list_model_get_item (emails, 0);
  g_assert_cmpint (lia_contact_point_get_kind (first), ==, LIA_CONTACT_POINT_KIND_WORK);
  g_assert_cmpstr (lia_contact_point_get_value (first), ==, "amina@who.int");
  g_object_get (first, "kind", &kind, "value", &value, NULL);
  g_assert_cmpint (kind, ==, LIA_CONTACT_POINT_KIND_WORK);
  g_assert_cmpstr (value, ==, "amina@who.int");
  g_clear_object (&first);

  lia_contact_remove_email (contact, 0);
  g_assert_cmpuint (g_list_model_get_n_items (emails), ==, 1);
  first = g_list_model_get_item (emails, 0);
  g_assert_cmpstr (lia_contact_point_get_value (first), ==, "amina@example.org");
  g_clear_object (&first);
  g_assert_cmpuint (notify_log_count (&log, "emails"), ==, 3);

  lia_contact_clear_phones (contact);
  lia_contact_clear_phones (contact);
  g_assert_cmpuint (g_list_model_get_n_items (phones), ==, 0);
  g_assert_cmpuint (notify_log_count (&log, "phones"), ==, 2);

  lia_contact_clear_emails (contact);
  g_assert_cmpuint (notify_log_count (&log, "emails"), ==, 4);

  notify_log_clear (&log);
  g_assert_finalize_object (contact);
}

static void
test_affiliation (void)
{
  LiaAffiliation *affiliation = lia_affiliation_new (3, 5, "Health attaché");
  g_autoptr(GDate) from = date_new (2024, 1, 1);
  g_autoptr(GDate) from_again = date_new (2024, 1, 1);
  g_autoptr(GDate) until = date_new (2025, 6, 30);
  g_autoptr(GDate) inside = date_new (2025, 6, 30);
  g_autoptr(GDate) after = date_new (2025, 7, 1);
  g_autoptr(GDate) before = date_new (2023, 12, 31);
  g_autoptr(GDate) read_from = NULL;
  g_autoptr(GError) error = NULL;
  gint64 contact_id = 0, organization_id = 0;
  gboolean primary = FALSE;
  NotifyLog log;

  g_assert_cmpint (lia_record_get_kind (LIA_RECORD (affiliation)), ==, LIA_RECORD_KIND_AFFILIATION);
  g_assert_cmpstr (lia_record_get_label (LIA_RECORD (affiliation)), ==, "Health attaché");
  g_assert_null (lia_affiliation_get_from (affiliation));
  g_assert_true (lia_affiliation_is_current_on (affiliation, before));
  g_assert_true (lia_record_validate (LIA_RECORD (affiliation), NULL));

  notify_log_watch (&log, affiliation);

  g_object_set (affiliation, "from", from, "until", until, "primary", TRUE, NULL);
  g_object_get (affiliation, "from", &read_from, "contact-id", &contact_id,
                "organization-id", &organization_id, "primary", &primary, NULL);
  g_assert_true (lia_date_equal (read_from, from));
  g_assert_cmpint (contact_id, ==, 3);
  g_assert_cmpint (organization_id, ==, 5);
  g_assert_true (primary);
  g_assert_true (lia_date_equal (lia_affiliation_get_until (affiliation), until));

  /* The same day in another GDate is not a change. */
  lia_affiliation_set_from (affiliation, from_again);
  g_assert_cmpuint (notify_log_count (&log, "from"), ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "until"), ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "primary"), ==, 1);

  g_assert_true (lia_affiliation_is_current_on (affiliation, from));
  g_assert_true (lia_affiliation_is_current_on (affiliation, inside));
  g_assert_false (lia_affiliation_is_current_on (affiliation, after));
  g_assert_false (lia_affiliation_is_current_on (affiliation, before));

  lia_affiliation_set_until (affiliation, NULL);
  g_assert_null (lia_affiliation_get_until (affiliation));
  g_assert_cmpuint (notify_log_count (&log, "until"), ==, 2);
  g_assert_true (lia_affiliation_is_current_on (affiliation, after));

  /* Until before from. */
  lia_affiliation_set_until (affiliation, before);
  g_assert_false (lia_record_validate (LIA_RECORD (affiliation), &error));
  g_assert_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2023-12-31"));
  g_assert_nonnull (strstr (error->message, "2024-01-01"));
  g_clear_error (&error);
  lia_affiliation_set_until (affiliation, until);
  g_assert_true (lia_record_validate (LIA_RECORD (affiliation), NULL));

  lia_affiliation_set_contact_id (affiliation, 0);
  g_assert_false (lia_record_validate (LIA_RECORD (affiliation), &error));
  g_assert_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  lia_affiliation_set_contact_id (affiliation, 3);
  lia_affiliation_set_organization_id (affiliation, -1);
  g_assert_false (lia_record_validate (LIA_RECORD (affiliation), &error));
  g_assert_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID);

  notify_log_clear (&log);
  g_assert_finalize_object (affiliation);
}

static void
test_interaction (void)
{
  g_autoptr(GTimeZone) plus_two = g_time_zone_new_offset (2 * 3600);
  g_autoptr(GDateTime) at = g_date_time_new (plus_two, 2026, 3, 10, 9, 0, 0);
  LiaInteraction *interaction = lia_interaction_new (LIA_INTERACTION_KIND_CALL, at, "Budget call");
  g_autoptr(GDateTime) read_at = NULL;
  g_autofree char *location = NULL;
  const GArray *contacts;
  const GArray *organizations;
  LiaInteractionKind kind = LIA_INTERACTION_KIND_NOTE;
  guint duration = 0;
  int sentiment = 0;
  NotifyLog log;

  g_assert_cmpint (lia_record_get_kind (LIA_RECORD (interaction)), ==, LIA_RECORD_KIND_INTERACTION);
  g_assert_cmpstr (lia_record_get_label (LIA_RECORD (interaction)), ==, "Budget call");
  g_assert_cmpint (lia_interaction_get_kind (interaction), ==, LIA_INTERACTION_KIND_CALL);

  /* 09:00+02:00 stays 09:00+02:00. */
  g_assert_cmpint (g_date_time_get_hour (lia_interaction_get_at (interaction)), ==, 9);
  g_assert_cmpint (g_date_time_get_utc_offset (lia_interaction_get_at (interaction)), ==,
                   G_GINT64_CONSTANT (2) * 3600 * G_USEC_PER_SEC);

  g_object_set (interaction,
                "kind", LIA_INTERACTION_KIND_VISIT,
                "duration-minutes", 90u,
                "location", "Nairobi",
                "summary", "Site visit",
                "outcome", "Agreed on a follow-up",
                "sentiment", -1,
                NULL);
  g_object_get (interaction,
                "kind", &kind,
                "at", &read_at,
                "duration-minutes", &duration,
                "location", &location,
                "sentiment", &sentiment,
                NULL);
  g_assert_cmpint (kind, ==, LIA_INTERACTION_KIND_VISIT);
  g_assert_true (g_date_time_equal (read_at, at));
  g_assert_cmpuint (duration, ==, 90);
  g_assert_cmpstr (location, ==, "Nairobi");
  g_assert_cmpint (sentiment, ==, -1);
  g_assert_cmpstr (lia_interaction_get_summary (interaction), ==, "Site visit");
  g_assert_cmpstr (lia_interaction_get_outcome (interaction), ==, "Agreed on a follow-up");

  notify_log_watch (&log, interaction);

  lia_interaction_set_at (interaction, at);
  lia_interaction_set_sentiment (interaction, -1);
  g_assert_cmpuint (log.names->len, ==, 0);

  lia_interaction_add_contact (interaction, 3);
  lia_interaction_add_contact (interaction, 1);
  lia_interaction_add_contact (interaction, 3);
  lia_interaction_add_contact (interaction, 0);
  lia_interaction_add_contact (interaction, -4);
  lia_interaction_add_organization (interaction, 9);
  contacts = lia_interaction_get_contact_ids (interaction);
  organizations = lia_interaction_get_organization_ids (interaction);
  g_assert_cmpuint (contacts->len, ==, 2);
  g_assert_cmpint (g_array_index (contacts, gint64, 0), ==, 3);
  g_assert_cmpint (g_array_index (contacts, gint64, 1), ==, 1);
  g_assert_cmpuint (organizations->len, ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "participants"), ==, 3);

  lia_interaction_remove_contact (interaction, 3);
  lia_interaction_remove_contact (interaction, 3);
  g_assert_cmpuint (contacts->len, ==, 1);
  g_assert_cmpint (g_array_index (contacts, gint64, 0), ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "participants"), ==, 4);

  lia_interaction_remove_organization (interaction, 9);
  lia_interaction_clear_participants (interaction);
  lia_interaction_clear_participants (interaction);
  g_assert_cmpuint (contacts->len, ==, 0);
  g_assert_cmpuint (notify_log_count (&log, "participants"), ==, 6);

  lia_interaction_set_at (interaction, NULL);
  g_assert_null (lia_interaction_get_at (interaction));
  g_assert_cmpuint (notify_log_count (&log, "at"), ==, 1);

  notify_log_clear (&log);
  g_assert_finalize_object (interaction);
}

static void
test_commitment_overdue (void)
{
  LiaCommitment *commitment = lia_commitment_new (LIA_COMMITMENT_DIRECTION_THEIRS, "Send the MoU draft");
  g_autoptr(GDate) day = date_new (2026, 5, 10);
  g_autoptr(GDate) due_past = date_new (2026, 5, 9);
  g_autoptr(GDate) due_future = date_new (2026, 5, 11);

  g_assert_cmpint (lia_commitment_get_status (commitment), ==, LIA_COMMITMENT_STATUS_OPEN);
  g_assert_cmpint (lia_commitment_get_direction (commitment), ==, LIA_COMMITMENT_DIRECTION_THEIRS);

  /* No due date: never overdue. */
  g_assert_false (lia_commitment_is_overdue_on (commitment, day));
  g_assert_false (lia_commitment_get_is_overdue (commitment));

  lia_commitment_set_due_date (commitment, due_past);
  g_assert_true (lia_commitment_is_overdue_on (commitment, day));

  /* Due today is not late yet. */
  lia_commitment_set_due_date (commitment, day);
  g_assert_false (lia_commitment_is_overdue_on (commitment, day));

  lia_commitment_set_due_date (commitment, due_future);
  g_assert_false (lia_commitment_is_overdue_on (commitment, day));

  lia_commitment_set_due_date (commitment, due_past);
  lia_commitment_set_status (commitment, LIA_COMMITMENT_STATUS_DONE);
  g_assert_false (lia_commitment_is_overdue_on (commitment, day));
  lia_commitment_set_status (commitment, LIA_COMMITMENT_STATUS_CANCELLED);
  g_assert_false (lia_commitment_is_overdue_on (commitment, day));

  g_assert_finalize_object (commitment);
}

static void
test_commitment_properties (void)
{
  LiaCommitment *commitment = lia_commitment_new (LIA_COMMITMENT_DIRECTION_OURS, "Share the report");
  g_autoptr(GDate) last_week = date_from_today (-7);
  g_autoptr(GDate) last_week_again = date_from_today (-7);
  g_autoptr(GDate) next_week = date_from_today (7);
  g_autoptr(GDate) read_due = NULL;
  g_autofree char *notes = NULL;
  LiaCommitmentStatus status = LIA_COMMITMENT_STATUS_CANCELLED;
  gint64 contact_id = 0, organization_id = 0, interaction_id = 0;
  gboolean overdue = FALSE;
  NotifyLog log;

  g_assert_cmpint (lia_record_get_kind (LIA_RECORD (commitment)), ==, LIA_RECORD_KIND_COMMITMENT);
  g_assert_cmpstr (lia_record_get_label (LIA_RECORD (commitment)), ==, "Share the report");

  g_object_set (commitment,
                "notes", "By email",
                "contact-id", (gint64) 3,
                "organization-id", (gint64) 5,
                "interaction-id", (gint64) 8,
                NULL);
  g_object_get (commitment,
                "notes", &notes,
                "status", &status,
                "contact-id", &contact_id,
                "organization-id", &organization_id,
                "interaction-id", &interaction_id,
                NULL);
  g_assert_cmpstr (notes, ==, "By email");
  g_assert_cmpint (status, ==, LIA_COMMITMENT_STATUS_OPEN);
  g_assert_cmpint (contact_id, ==, 3);
  g_assert_cmpint (organization_id, ==, 5);
  g_assert_cmpint (interaction_id, ==, 8);

  notify_log_watch (&log, commitment);

  g_object_set (commitment, "due-date", last_week, NULL);
  g_object_get (commitment, "due-date", &read_due, "is-overdue", &overdue, NULL);
  g_assert_true (lia_date_equal (read_due, last_week));
  g_assert_true (overdue);
  g_assert_true (lia_commitment_get_is_overdue (commitment));
  g_assert_cmpuint (notify_log_count (&log, "due-date"), ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "is-overdue"), ==, 1);

  lia_commitment_set_due_date (commitment, last_week_again);
  g_assert_cmpuint (notify_log_count (&log, "due-date"), ==, 1);

  /* Marking an overdue commitment done: it is no longer overdue, and lists hear about it. */
  lia_commitment_set_status (commitment, LIA_COMMITMENT_STATUS_DONE);
  g_assert_false (lia_commitment_get_is_overdue (commitment));
  g_assert_cmpuint (notify_log_count (&log, "status"), ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "is-overdue"), ==, 2);

  lia_commitment_set_status (commitment, LIA_COMMITMENT_STATUS_DONE);
  g_assert_cmpuint (notify_log_count (&log, "status"), ==, 1);

  /* A closed commitment moved to next week: overdue either way is FALSE, nothing to tell. */
  lia_commitment_set_due_date (commitment, next_week);
  g_assert_cmpuint (notify_log_count (&log, "is-overdue"), ==, 2);

  lia_commitment_set_status (commitment, LIA_COMMITMENT_STATUS_OPEN);
  g_assert_false (lia_commitment_get_is_overdue (commitment));
  g_assert_cmpuint (notify_log_count (&log, "is-overdue"), ==, 2);

  lia_commitment_set_due_date (commitment, last_week);
  g_assert_true (lia_commitment_get_is_overdue (commitment));
  g_assert_cmpuint (notify_log_count (&log, "is-overdue"), ==, 3);

  lia_commitment_set_due_date (commitment, NULL);
  g_assert_false (lia_commitment_get_is_overdue (commitment));
  g_assert_cmpuint (notify_log_count (&log, "is-overdue"), ==, 4);

  notify_log_clear (&log);
  g_assert_finalize_object (commitment);
}

static void
test_concern (void)
{
  LiaConcern *concern = lia_concern_new ("Water rights dispute");
  LiaConcernParty *contact_party = lia_concern_party_new_contact (3, "Wants priority access");
  LiaConcernParty *organization_party = lia_concern_party_new_organization (5, "Holds the permit");
  g_autoptr(LiaConcernParty) first = NULL;
  g_autoptr(GDate) opened = date_new (2026, 2, 1);
  g_autoptr(GDate) resolved = date_new (2026, 4, 1);
  g_autoptr(GDate) read_opened = NULL;
  g_autofree char *root_cause = NULL;
  LiaSeverity severity = LIA_SEVERITY_LOW;
  const GArray *interactions;
  NotifyLog log;

  g_assert_cmpint (lia_record_get_kind (LIA_RECORD (concern)), ==, LIA_RECORD_KIND_CONCERN);
  g_assert_cmpstr (lia_record_get_label (LIA_RECORD (concern)), ==, "Water rights dispute");
  g_assert_cmpint (lia_concern_get_severity (concern), ==, LIA_SEVERITY_MEDIUM);
  g_assert_cmpint (lia_concern_get_status (concern), ==, LIA_CONCERN_STATUS_OPEN);

  g_object_set (concern,
                "severity", LIA_SEVERITY_HIGH,
                "status", LIA_CONCERN_STATUS_MEDIATING,
                "opened", opened,
                "root-cause", "Overlapping permits",
                "resolution", "Shared schedule",
                "notes", "Sensitive",
                NULL);
  g_object_get (concern, "severity", &severity, "opened", &read_opened, "root-cause", &root_cause, NULL);
  g_assert_cmpint (severity, ==, LIA_SEVERITY_HIGH);
  g_assert_true (lia_date_equal (read_opened, opened));
  g_assert_cmpstr (root_cause, ==, "Overlapping permits");
  g_assert_cmpint (lia_concern_get_status (concern), ==, LIA_CONCERN_STATUS_MEDIATING);
  g_assert_cmpstr (lia_concern_get_resolution (concern), ==, "Shared schedule");
  g_assert_cmpstr (lia_concern_get_notes (concern), ==, "Sensitive");

  notify_log_watch (&log, concern);

  lia_concern_set_resolved (concern, resolved);
  lia_concern_set_resolved (concern, resolved);
  g_assert_cmpuint (notify_log_count (&log, "resolved"), ==, 1);

  lia_concern_add_party (concern, contact_party);
  lia_concern_add_party (concern, organization_party);
  g_assert_cmpuint (g_list_model_get_n_items (lia_concern_get_parties (concern)), ==, 2);
  g_assert_cmpuint (notify_log_count (&log, "parties"), ==, 2);

  first = g_list_model_get_item (lia_concern_get_parties (concern), 0);
  g_assert_cmpint (lia_concern_party_get_contact_id (first), ==, 3);
  g_assert_cmpint (lia_concern_party_get_organization_id (first), ==, 0);
  g_assert_cmpstr (lia_concern_party_get_position (first), ==, "Wants priority access");
  g_clear_object (&first);

  lia_concern_remove_party (concern, 0);
  first = g_list_model_get_item (lia_concern_get_parties (concern), 0);
  g_assert_cmpint (lia_concern_party_get_organization_id (first), ==, 5);
  g_assert_cmpuint (notify_log_count (&log, "parties"), ==, 3);
  lia_concern_clear_parties (concern);
  lia_concern_clear_parties (concern);
  g_assert_cmpuint (g_list_model_get_n_items (lia_concern_get_parties (concern)), ==, 0);
  g_assert_cmpuint (notify_log_count (&log, "parties"), ==, 4);

  lia_concern_add_interaction (concern, 12);
  lia_concern_add_interaction (concern, 4);
  lia_concern_add_interaction (concern, 12);
  lia_concern_add_interaction (concern, 0);
  interactions = lia_concern_get_interaction_ids (concern);
  g_assert_cmpuint (interactions->len, ==, 2);
  g_assert_cmpint (g_array_index (interactions, gint64, 0), ==, 12);
  g_assert_cmpint (g_array_index (interactions, gint64, 1), ==, 4);
  g_assert_cmpuint (notify_log_count (&log, "interaction-ids"), ==, 2);
  lia_concern_remove_interaction (concern, 12);
  lia_concern_remove_interaction (concern, 99);
  g_assert_cmpuint (interactions->len, ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "interaction-ids"), ==, 3);

  notify_log_clear (&log);
  g_clear_object (&first);
  g_assert_finalize_object (concern);
  g_assert_finalize_object (contact_party);
  g_assert_finalize_object (organization_party);
}

/* Validation: what the store refuses to write, and what the person is told. */

static void
test_validate_names (void)
{
  LiaOrganization *org = lia_organization_new ("  ");
  LiaContact *contact = lia_contact_new (NULL, " ");
  LiaInteraction *interaction = lia_interaction_new (LIA_INTERACTION_KIND_NOTE, NULL, "");
  LiaCommitment *commitment = lia_commitment_new (LIA_COMMITMENT_DIRECTION_OURS, "\t");
  LiaConcern *concern = lia_concern_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (lia_record_validate (LIA_RECORD (org), &error));
  g_assert_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "An organization needs a name.");
  g_clear_error (&error);
  lia_organization_set_name (org, "UNICEF");
  g_assert_true (lia_record_validate (LIA_RECORD (org), NULL));

  g_assert_false (lia_record_validate (LIA_RECORD (contact), &error));
  g_assert_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  lia_contact_set_display_name (contact, "The Minister");
  g_assert_true (lia_record_validate (LIA_RECORD (contact), NULL));

  g_assert_false (lia_record_validate (LIA_RECORD (interaction), &error));
  g_assert_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  lia_interaction_set_title (interaction, "Phone note");
  /* Still no date and time. */
  g_assert_false (lia_record_validate (LIA_RECORD (interaction), &error));
  g_assert_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“Phone note”"));
  g_clear_error (&error);

  g_assert_false (lia_record_validate (LIA_RECORD (commitment), &error));
  g_assert_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  lia_commitment_set_title (commitment, "Call back");
  g_assert_true (lia_record_validate (LIA_RECORD (commitment), NULL));

  g_assert_false (lia_record_validate (LIA_RECORD (concern), &error));
  g_assert_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  lia_concern_set_title (concern, "Delayed payments");
  g_assert_true (lia_record_validate (LIA_RECORD (concern), NULL));

  g_assert_finalize_object (org);
  g_assert_finalize_object (contact);
  g_assert_finalize_object (interaction);
  g_assert_finalize_object (commitment);
  g_assert_finalize_object (concern);
}

static void
test_validate_ranges (void)
{
  LiaContact *contact = lia_contact_new ("Jane", "Doe");
  LiaOrganization *org = lia_organization_new ("Ministry of Health");
  g_autoptr(GDateTime) at = g_date_time_new_utc (2026, 1, 5, 10, 0, 0);
  LiaInteraction *interaction = lia_interaction_new (LIA_INTERACTION_KIND_MEETING, at, "Kick-off");
  g_autoptr(GError) error = NULL;

  /* GObject accepts 9 (the property takes any int) so validate can say what is wrong. */
  g_object_set (lia_contact_get_assessment (contact), "influence", 9, NULL);
  g_assert_cmpint (lia_assessment_get_influence (lia_contact_get_assessment (contact)), ==, 9);
  g_assert_false (lia_record_validate (LIA_RECORD (contact), &error));
  g_assert_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "“Jane Doe”: Influence must be between 1 and 5, or unset (got 9).");
  g_clear_error (&error);

  g_assert_false (lia_assessment_validate (lia_contact_get_assessment (contact), &error));
  g_assert_cmpstr (error->message, ==, "Influence must be between 1 and 5, or unset (got 9).");
  g_clear_error (&error);
  lia_assessment_set_influence (lia_contact_get_assessment (contact), 5);
  g_assert_true (lia_record_validate (LIA_RECORD (contact), NULL));

  lia_assessment_set_interest (lia_organization_get_assessment (org), -1);
  g_assert_false (lia_record_validate (LIA_RECORD (org), &error));
  g_assert_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“Ministry of Health”"));
  g_assert_nonnull (strstr (error->message, "Interest"));
  g_clear_error (&error);
  lia_assessment_set_interest (lia_organization_get_assessment (org), 0);
  g_assert_true (lia_record_validate (LIA_RECORD (org), NULL));

  g_assert_true (lia_record_validate (LIA_RECORD (interaction), NULL));
  g_object_set (interaction, "sentiment", 3, NULL);
  g_assert_false (lia_record_validate (LIA_RECORD (interaction), &error));
  g_assert_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“Kick-off”"));
  g_assert_nonnull (strstr (error->message, "3"));
  g_clear_error (&error);
  lia_interaction_set_sentiment (interaction, -2);
  g_assert_true (lia_record_validate (LIA_RECORD (interaction), NULL));
  lia_interaction_set_sentiment (interaction, -3);
  g_assert_false (lia_record_validate (LIA_RECORD (interaction), NULL));

  g_assert_finalize_object (contact);
  g_assert_finalize_object (org);
  g_assert_finalize_object (interaction);
}

static void
test_validate_contact_details (void)
{
  static const char * const bad_emails[] = {
    "amina.who.int", "@who.int", "amina@", "amina@who@int", "",
  };
  LiaContact *contact = lia_contact_new ("Amina", "Diallo");
  g_autoptr(GError) error = NULL;

  lia_contact_set_time_zone (contact, "Africa/Nairobi");
  g_assert_true (lia_record_validate (LIA_RECORD (contact), NULL));

  lia_contact_set_time_zone (contact, "Mars/Olympus");
  g_assert_false (lia_record_validate (LIA_RECORD (contact), &error));
  g_assert_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“Amina Diallo”"));
  g_assert_nonnull (strstr (error->message, "Mars/Olympus"));
  g_clear_error (&error);
  lia_contact_set_time_zone (contact, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad_emails); i++)
    {
      lia_contact_add_email (contact, LIA_CONTACT_POINT_KIND_WORK, "amina@who.int");
      lia_contact_add_email (contact, LIA_CONTACT_POINT_KIND_WORK, bad_emails[i]);
      g_assert_false (lia_record_validate (LIA_RECORD (contact), &error));
      g_assert_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "“Amina Diallo”"));
      g_clear_error (&error);
      lia_contact_remove_email (contact, 1);
      g_assert_true (lia_record_validate (LIA_RECORD (contact), NULL));
      lia_contact_clear_emails (contact);
    }

  lia_contact_add_phone (contact, LIA_CONTACT_POINT_KIND_MOBILE, " ");
  g_assert_false (lia_record_validate (LIA_RECORD (contact), &error));
  g_assert_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  lia_contact_clear_phones (contact);
  g_assert_true (lia_record_validate (LIA_RECORD (contact), NULL));

  g_assert_finalize_object (contact);
}

static void
test_validate_dates_and_parties (void)
{
  LiaConcern *concern = lia_concern_new ("Land dispute");
  g_autoptr(GDate) opened = date_new (2026, 4, 1);
  g_autoptr(GDate) resolved = date_new (2026, 3, 31);
  g_autoptr(LiaConcernParty) both = NULL;
  g_autoptr(LiaConcernParty) neither = NULL;
  g_autoptr(GError) error = NULL;

  lia_concern_set_opened (concern, opened);
  lia_concern_set_resolved (concern, resolved);
  g_assert_false (lia_record_validate (LIA_RECORD (concern), &error));
  g_assert_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“Land dispute”"));
  g_assert_nonnull (strstr (error->message, "2026-03-31"));
  g_clear_error (&error);
  lia_concern_set_resolved (concern, opened);
  g_assert_true (lia_record_validate (LIA_RECORD (concern), NULL));

  both = g_object_new (LIA_TYPE_CONCERN_PARTY, "contact-id", (gint64) 2, "organization-id", (gint64) 4, NULL);
  lia_concern_add_party (concern, both);
  g_assert_false (lia_record_validate (LIA_RECORD (concern), &error));
  g_assert_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  lia_concern_clear_parties (concern);

  neither = lia_concern_party_new_contact (0, "Anonymous");
  lia_concern_add_party (concern, neither);
  g_assert_false (lia_record_validate (LIA_RECORD (concern), &error));
  g_assert_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_object (&both);
  g_clear_object (&neither);
  g_assert_finalize_object (concern);
}

static void
test_validate_enum_values (void)
{
  LiaAssessment *assessment = lia_assessment_new ();
  LiaCommitment *commitment = lia_commitment_new (LIA_COMMITMENT_DIRECTION_OURS, "Reply");
  LiaConcern *concern = lia_concern_new ("Noise");
  LiaContact *contact = lia_contact_new ("Amina", NULL);
  g_autoptr(GDateTime) at = g_date_time_new_utc (2026, 1, 5, 10, 0, 0);
  LiaInteraction *interaction = lia_interaction_new (LIA_INTERACTION_KIND_MEETING, at, "Visit");
  g_autoptr(GError) error = NULL;

  /* GObject guards enum properties itself: an integer outside the enum is refused with a
   * warning and the property keeps its value. */
  g_test_expect_message ("GLib-GObject", G_LOG_LEVEL_WARNING, "*invalid or out of range*");
  g_object_set (assessment, "stance", (LiaStance) 42, NULL);
  g_test_assert_expected_messages ();
  g_assert_cmpint (lia_assessment_get_stance (assessment), ==, LIA_STANCE_UNKNOWN);

  /* The C setters do not check, so validate must. */
  lia_assessment_set_stance (assessment, (LiaStance) 42);
  g_assert_false (lia_assessment_validate (assessment, &error));
  g_assert_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "stance"));
  g_clear_error (&error);

  lia_commitment_set_status (commitment, (LiaCommitmentStatus) 42);
  g_assert_false (lia_record_validate (LIA_RECORD (commitment), &error));
  g_assert_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  lia_commitment_set_status (commitment, LIA_COMMITMENT_STATUS_OPEN);
  lia_commitment_set_direction (commitment, (LiaCommitmentDirection) -1);
  g_assert_false (lia_record_validate (LIA_RECORD (commitment), &error));
  g_assert_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID);
  g_clear_error (&error);

  lia_concern_set_severity (concern, (LiaSeverity) 42);
  g_assert_false (lia_record_validate (LIA_RECORD (concern), &error));
  g_assert_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  lia_concern_set_severity (concern, LIA_SEVERITY_LOW);
  lia_concern_set_status (concern, (LiaConcernStatus) 42);
  g_assert_false (lia_record_validate (LIA_RECORD (concern), &error));
  g_assert_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID);
  g_clear_error (&error);

  lia_contact_set_preferred_channel (contact, (LiaChannel) 42);
  g_assert_false (lia_record_validate (LIA_RECORD (contact), &error));
  g_assert_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID);
  g_clear_error (&error);

  lia_interaction_set_kind (interaction, (LiaInteractionKind) 42);
  g_assert_false (lia_record_validate (LIA_RECORD (interaction), &error));
  g_assert_error (error, LIA_MODEL_ERROR, LIA_MODEL_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_finalize_object (assessment);
  g_assert_finalize_object (commitment);
  g_assert_finalize_object (concern);
  g_assert_finalize_object (contact);
  g_assert_finalize_object (interaction);
}

/* The fields a contact manager keeps besides names and contact points. */
static void
test_contact_more_fields (void)
{
  LiaContact *shown = lia_contact_new ("Ana", "Kovač");
  LiaContact *edited = lia_contact_new ("Ana", "Kovač");
  g_autoptr(LiaPostalAddress) address = lia_postal_address_new (LIA_CONTACT_POINT_KIND_HOME);
  g_autoptr(LiaPostalAddress) copied = NULL;
  g_autoptr(GBytes) photo = g_bytes_new_static ("\x89PNG", 4);
  g_autoptr(GError) error = NULL;
  g_autofree char *lines = NULL;
  NotifyLog log;

  /* Birthdays: a full date or a day without its year, nothing else. */
  g_assert_true (lia_contact_birthday_is_valid ("1984-03-21"));
  g_assert_true (lia_contact_birthday_is_valid ("--02-29"));
  g_assert_true (lia_contact_birthday_is_valid (""));
  g_assert_false (lia_contact_birthday_is_valid ("1983-02-29"));
  g_assert_false (lia_contact_birthday_is_valid ("--13-01"));
  g_assert_false (lia_contact_birthday_is_valid ("19840321"));
  g_assert_false (lia_contact_birthday_is_valid ("1984-3-21"));
  g_assert_false (lia_contact_birthday_is_valid ("1984-03-21x"));
  lia_contact_set_birthday (edited, "1984-02-30");
  g_assert_false (lia_record_validate (LIA_RECORD (edited), &error));
  g_assert_nonnull (strstr (error->message, "1984-02-30"));
  g_clear_error (&error);
  lia_contact_set_birthday (edited, "--03-21");

  g_assert_true (lia_contact_im_is_valid ("xmpp:ana@example.org"));
  g_assert_false (lia_contact_im_is_valid ("ana@example.org"));
  g_assert_false (lia_contact_im_is_valid ("xmpp:"));
  lia_contact_add_im (edited, LIA_CONTACT_POINT_KIND_OTHER, "ana@example.org");
  g_assert_false (lia_record_validate (LIA_RECORD (edited), &error));
  g_assert_nonnull (strstr (error->message, "ana@example.org"));
  g_clear_error (&error);
  lia_contact_clear_ims (edited);
  lia_contact_add_im (edited, LIA_CONTACT_POINT_KIND_WORK, "xmpp:ana@example.org");

  /* An empty address is refused, so that the editor's blank rows never reach the store. */
  lia_contact_add_address (edited, address);
  g_assert_true (lia_postal_address_is_empty (address));
  g_assert_false (lia_record_validate (LIA_RECORD (edited), NULL));
  lia_postal_address_set_street (address, "Ilica 1");
  lia_postal_address_set_locality (address, "Zagreb");
  lia_postal_address_set_postal_code (address, " 10000");
  lia_postal_address_set_country (address, "Croatia");
  g_assert_false (lia_postal_address_is_empty (address));
  lines = lia_postal_address_format (address);
  g_assert_cmpstr (lines, ==, "Ilica 1\n10000 Zagreb\nCroatia");

  lia_contact_set_nickname (edited, "Anči");
  lia_contact_add_website (edited, LIA_CONTACT_POINT_KIND_WORK, "https://example.org/ana");
  lia_contact_set_photo (edited, photo, "image/png");
  g_assert_true (lia_record_validate (LIA_RECORD (edited), NULL));

  /* A contact from a list has not loaded its photo: copying from it keeps the shown one. */
  lia_contact_set_photo (shown, photo, "image/png");
  lia_contact_forget_photo (shown);
  g_assert_false (lia_contact_get_photo_loaded (shown));
  g_assert_null (lia_contact_get_photo (shown));

  notify_log_watch (&log, shown);
  lia_record_copy_from (LIA_RECORD (shown), LIA_RECORD (edited));
  g_assert_cmpstr (lia_contact_get_birthday (shown), ==, "--03-21");
  g_assert_cmpstr (lia_contact_get_nickname (shown), ==, "Anči");
  g_assert_cmpuint (g_list_model_get_n_items (lia_contact_get_websites (shown)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (lia_contact_get_ims (shown)), ==, 1);
  g_assert_true (lia_contact_get_photo (shown) != NULL);
  g_assert_cmpstr (lia_contact_get_photo_mime_type (shown), ==, "image/png");
  g_assert_true (lia_contact_get_photo_loaded (shown));
  /* The address is copied, not shared: editing the copy leaves the shown contact as saved. */
  copied = g_list_model_get_item (lia_contact_get_addresses (shown), 0);
  g_assert_true (copied != address);
  g_assert_true (lia_postal_address_equal (copied, address));
  lia_postal_address_set_street (address, "Ilica 2");
  g_assert_cmpstr (lia_postal_address_get_street (copied), ==, "Ilica 1");
  g_assert_cmpuint (notify_log_count (&log, "addresses"), ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "photo"), ==, 1);

  notify_log_reset (&log);
  lia_postal_address_set_street (address, "Ilica 1");
  lia_record_copy_from (LIA_RECORD (shown), LIA_RECORD (edited));
  g_assert_cmpuint (log.names->len, ==, 0);

  /* Copying from a contact that did not load its photo forgets it: saving the copy then
   * leaves the stored photo alone. */
  lia_contact_forget_photo (edited);
  lia_record_copy_from (LIA_RECORD (shown), LIA_RECORD (edited));
  g_assert_false (lia_contact_get_photo_loaded (shown));
  lia_contact_set_photo (edited, photo, "image/png");

  /* Removing the photo is a change copied too. */
  lia_contact_set_photo (edited, NULL, NULL);
  lia_record_copy_from (LIA_RECORD (shown), LIA_RECORD (edited));
  g_assert_null (lia_contact_get_photo (shown));
  g_assert_cmpstr (lia_contact_get_photo_mime_type (shown), ==, "");

  notify_log_clear (&log);
  g_clear_object (&copied);
  g_assert_finalize_object (shown);
  g_assert_finalize_object (edited);
}

static void
test_affiliation_unit (void)
{
  g_autoptr(LiaAffiliation) affiliation = lia_affiliation_new (1, 2, "Adviser");
  g_autoptr(LiaAffiliation) copy = lia_affiliation_new (1, 2, "Adviser");

  g_assert_cmpstr (lia_affiliation_get_unit (affiliation), ==, "");
  lia_affiliation_set_unit (affiliation, "Emergency Operations");
  lia_record_copy_from (LIA_RECORD (copy), LIA_RECORD (affiliation));
  g_assert_cmpstr (lia_affiliation_get_unit (copy), ==, "Emergency Operations");
  lia_affiliation_set_unit (affiliation, NULL);
  g_assert_cmpstr (lia_affiliation_get_unit (affiliation), ==, "");
}

/* copy_from: how an edited copy is applied back to the cached object the lists show. */

static void
test_copy_contact (void)
{
  const char * const tags[] = { "health", NULL };
  LiaContact *shown = lia_contact_new ("Amina", "Other");
  LiaContact *edited = lia_contact_new ("Amina", "Diallo");
  g_autoptr(LiaContactPoint) email = NULL;
  NotifyLog log;

  lia_record_set_id (LIA_RECORD (shown), 7);
  lia_record_set_id (LIA_RECORD (edited), 3);
  lia_record_set_uid (LIA_RECORD (edited), "contact-amina");
  lia_contact_set_tags (shown, tags);
  lia_contact_set_tags (edited, tags);
  lia_contact_add_email (edited, LIA_CONTACT_POINT_KIND_WORK, "amina@who.int");
  lia_assessment_set_influence (lia_contact_get_assessment (edited), 4);

  notify_log_watch (&log, shown);
  lia_record_copy_from (LIA_RECORD (shown), LIA_RECORD (edited));

  g_assert_cmpint (lia_record_get_id (LIA_RECORD (shown)), ==, 7);
  g_assert_cmpstr (lia_record_get_uid (LIA_RECORD (shown)), ==, "contact-amina");
  g_assert_cmpstr (lia_contact_get_display_name (shown), ==, "Amina Diallo");
  g_assert_cmpstr (lia_contact_get_explicit_display_name (shown), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (lia_contact_get_emails (shown)), ==, 1);
  email = g_list_model_get_item (lia_contact_get_emails (shown), 0);
  g_assert_cmpstr (lia_contact_point_get_value (email), ==, "amina@who.int");
  g_clear_object (&email);
  g_assert_cmpint (lia_assessment_get_influence (lia_contact_get_assessment (shown)), ==, 4);

  g_assert_cmpuint (notify_log_count (&log, "uid"), ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "family-name"), ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "display-name"), ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "emails"), ==, 1);
  g_assert_cmpuint (log.names->len, ==, 4);

  /* Copying again changes nothing, so nothing is notified. */
  notify_log_reset (&log);
  lia_record_copy_from (LIA_RECORD (shown), LIA_RECORD (edited));
  g_assert_cmpuint (log.names->len, ==, 0);

  /* An explicit display name is copied as such, and so is its absence. */
  lia_contact_set_display_name (edited, "Dr Diallo");
  lia_record_copy_from (LIA_RECORD (shown), LIA_RECORD (edited));
  g_assert_cmpstr (lia_contact_get_explicit_display_name (shown), ==, "Dr Diallo");
  lia_contact_set_display_name (edited, NULL);
  lia_record_copy_from (LIA_RECORD (shown), LIA_RECORD (edited));
  g_assert_cmpstr (lia_contact_get_explicit_display_name (shown), ==, "");
  g_assert_cmpstr (lia_contact_get_display_name (shown), ==, "Amina Diallo");
  g_assert_cmpuint (notify_log_count (&log, "display-name"), ==, 2);

  notify_log_clear (&log);
  g_assert_finalize_object (shown);
  g_assert_finalize_object (edited);
}

static void
test_copy_interaction_and_concern (void)
{
  g_autoptr(GTimeZone) plus_three = g_time_zone_new_offset (3 * 3600);
  g_autoptr(GDateTime) at = g_date_time_new (plus_three, 2026, 3, 10, 14, 30, 0);
  LiaInteraction *shown = lia_interaction_new (LIA_INTERACTION_KIND_CALL, NULL, "Call");
  LiaInteraction *edited = lia_interaction_new (LIA_INTERACTION_KIND_CALL, at, "Call");
  LiaConcern *shown_concern = lia_concern_new ("Dispute");
  LiaConcern *edited_concern = lia_concern_new ("Dispute");
  g_autoptr(LiaConcernParty) party = lia_concern_party_new_organization (5, "Refuses the terms");
  NotifyLog log;
  NotifyLog concern_log;

  lia_interaction_add_contact (edited, 3);
  lia_interaction_add_organization (edited, 5);

  notify_log_watch (&log, shown);
  lia_record_copy_from (LIA_RECORD (shown), LIA_RECORD (edited));
  g_assert_cmpint (g_date_time_get_hour (lia_interaction_get_at (shown)), ==, 14);
  g_assert_cmpint (g_date_time_get_utc_offset (lia_interaction_get_at (shown)), ==,
                   G_GINT64_CONSTANT (3) * 3600 * G_USEC_PER_SEC);
  g_assert_cmpuint (lia_interaction_get_contact_ids (shown)->len, ==, 1);
  g_assert_cmpuint (lia_interaction_get_organization_ids (shown)->len, ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "at"), ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "participants"), ==, 1);
  g_assert_cmpuint (log.names->len, ==, 2);

  notify_log_reset (&log);
  lia_record_copy_from (LIA_RECORD (shown), LIA_RECORD (edited));
  g_assert_cmpuint (log.names->len, ==, 0);

  lia_concern_add_party (edited_concern, party);
  lia_concern_add_interaction (edited_concern, 8);
  lia_concern_set_severity (edited_concern, LIA_SEVERITY_CRITICAL);

  notify_log_watch (&concern_log, shown_concern);
  lia_record_copy_from (LIA_RECORD (shown_concern), LIA_RECORD (edited_concern));
  g_assert_cmpuint (g_list_model_get_n_items (lia_concern_get_parties (shown_concern)), ==, 1);
  g_assert_cmpuint (lia_concern_get_interaction_ids (shown_concern)->len, ==, 1);
  g_assert_cmpint (lia_concern_get_severity (shown_concern), ==, LIA_SEVERITY_CRITICAL);
  g_assert_cmpuint (notify_log_count (&concern_log, "parties"), ==, 1);
  g_assert_cmpuint (notify_log_count (&concern_log, "interaction-ids"), ==, 1);
  g_assert_cmpuint (notify_log_count (&concern_log, "severity"), ==, 1);
  g_assert_cmpuint (concern_log.names->len, ==, 3);

  notify_log_reset (&concern_log);
  lia_record_copy_from (LIA_RECORD (shown_concern), LIA_RECORD (edited_concern));
  g_assert_cmpuint (concern_log.names->len, ==, 0);

  notify_log_clear (&log);
  notify_log_clear (&concern_log);
  g_clear_object (&party);
  g_assert_finalize_object (shown);
  g_assert_finalize_object (edited);
  g_assert_finalize_object (shown_concern);
  g_assert_finalize_object (edited_concern);
}

static void
test_copy_organization (void)
{
  const char * const tags[] = { "health", "un", NULL };
  LiaOrganization *shown = lia_organization_new ("WHO");
  LiaOrganization *edited = lia_organization_new ("WHO");
  NotifyLog log;
  NotifyLog assessment_log;

  lia_organization_set_tags (edited, tags);
  lia_organization_set_website (edited, "https://who.int");
  lia_assessment_set_stance (lia_organization_get_assessment (edited), LIA_STANCE_ADVOCATE);

  notify_log_watch (&log, shown);
  notify_log_watch (&assessment_log, lia_organization_get_assessment (shown));
  lia_record_copy_from (LIA_RECORD (shown), LIA_RECORD (edited));
  assert_strv (lia_organization_get_tags (shown), tags);
  g_assert_cmpstr (lia_organization_get_website (shown), ==, "https://who.int");
  g_assert_cmpint (lia_assessment_get_stance (lia_organization_get_assessment (shown)), ==, LIA_STANCE_ADVOCATE);
  g_assert_cmpuint (notify_log_count (&log, "tags"), ==, 1);
  g_assert_cmpuint (notify_log_count (&log, "website"), ==, 1);
  g_assert_cmpuint (log.names->len, ==, 2);
  g_assert_cmpuint (notify_log_count (&assessment_log, "stance"), ==, 1);
  g_assert_cmpuint (assessment_log.names->len, ==, 1);

  notify_log_clear (&log);
  notify_log_clear (&assessment_log);
  g_assert_finalize_object (shown);
  g_assert_finalize_object (edited);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/enums/nicks", test_enum_nicks);
  g_test_add_func ("/model/dates/parse", test_date_parse);
  g_test_add_func ("/model/dates/equal-and-today", test_date_equal_and_today);
  g_test_add_func ("/model/text/helpers", test_text_helpers);
  g_test_add_func ("/model/record/base", test_record_base);
  g_test_add_func ("/model/organization/properties", test_organization_properties);
  g_test_add_func ("/model/assessment/properties", test_assessment_properties);
  g_test_add_func ("/model/contact/properties", test_contact_properties);
  g_test_add_func ("/model/contact/display-name", test_contact_display_name);
  g_test_add_func ("/model/contact/contact-points", test_contact_points);
  g_test_add_func ("/model/affiliation", test_affiliation);
  g_test_add_func ("/model/interaction", test_interaction);
  g_test_add_func ("/model/commitment/overdue", test_commitment_overdue);
  g_test_add_func ("/model/commitment/properties", test_commitment_properties);
  g_test_add_func ("/model/concern", test_concern);
  g_test_add_func ("/model/validate/names", test_validate_names);
  g_test_add_func ("/model/validate/ranges", test_validate_ranges);
  g_test_add_func ("/model/validate/contact-details", test_validate_contact_details);
  g_test_add_func ("/model/validate/dates-and-parties", test_validate_dates_and_parties);
  g_test_add_func ("/model/validate/enum-values", test_validate_enum_values);
  g_test_add_func ("/model/copy/contact", test_copy_contact);
  g_test_add_func ("/model/contact/more-fields", test_contact_more_fields);
  g_test_add_func ("/model/affiliation/unit", test_affiliation_unit);
  g_test_add_func ("/model/copy/interaction-and-concern", test_copy_interaction_and_concern);
  g_test_add_func ("/model/copy/organization", test_copy_organization);

  return g_test_run ();
}
