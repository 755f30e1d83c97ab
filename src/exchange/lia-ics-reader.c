/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-export-private.h"
#include "lia-ics-private.h"
#include "lia-import-private.h"
#include "lia-store-bulk.h"

/*
 * iCalendar (RFC 5545) in: each VEVENT becomes a meeting, each VTODO a commitment
 * (docs/icalendar.md has the mapping). The first pass over the text (lia-ics-text.c) has found
 * where each calendar and each of its objects starts; libical reads one calendar at a time, and
 * its complaints become warnings at the line of the object they are in.
 */

/* The second pass: libical, one calendar at a time */

typedef struct
{
  LiaIcsText           *ics;
  ICalComponent *calendar;
  const char    *method;    /* upper case, "" when the calendar has none */
  guint          line;      /* of the object being read */
} Event;

static void
not_kept (Event      *event,
          const char *what)
{
  _lia_import_not_kept (event->ics->import, what);
}

static GDateTime *
local_time (ICalTime  *t,
            GTimeZone *zone)
{
  return g_date_time_new (zone,
                          i_cal_time_get_year (t), i_cal_time_get_month (t), i_cal_time_get_day (t),
                          i_cal_time_is_date (t) ? 0 : i_cal_time_get_hour (t),
                          i_cal_time_is_date (t) ? 0 : i_cal_time_get_minute (t),
                          i_cal_time_is_date (t) ? 0 : i_cal_time_get_second (t));
}

/* The instant @t of @prop, with the offset it has where it was set. */
static GDateTime *
resolve_time (Event        *event,
              ICalProperty *prop,
              ICalTime     *t)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autofree char *tzid = NULL;
  ICalTimezone *ical_zone;

  if (t == NULL || i_cal_time_is_null_time (t) || !i_cal_time_is_valid_time (t))
    return NULL;

  /* A whole day is that date where the reader is. */
  if (i_cal_time_is_date (t))
    {
      zone = g_time_zone_new_local ();
      return local_time (t, zone);
    }

  if (i_cal_time_is_utc (t))
    {
      zone = g_time_zone_new_utc ();
      return local_time (t, zone);
    }

  tzid = prop != NULL ? i_cal_property_get_parameter_as_string (prop, "TZID") : NULL;

  /* The file's own VTIMEZONE, or a zone libical knows by its name. */
  ical_zone = i_cal_time_get_timezone (t);
  if (ical_zone != NULL)
    {
      int offset = i_cal_timezone_get_utc_offset (ical_zone, t, NULL);

      zone = g_time_zone_new_offset (offset);
      return local_time (t, zone);
    }

  if (tzid != NULL && tzid[0] != '\0')
    {
      if ((zone = _lia_ics_zone_for_tzid (tzid)) == NULL)
        {
          _lia_import_warning (event->ics->import, event->line, 1,
                               _("The time zone “%s” is not defined in the file and is not one Liaison knows: the time is read as local time."),
                               tzid);
          zone = g_time_zone_new_local ();
        }
      return local_time (t, zone);
    }

  /* A floating time: the same clock time wherever one is. */
  zone = g_time_zone_new_local ();
  return local_time (t, zone);
}

/* "Dr. Ana Ruiz" from CN="Dr. Ana Ruiz"; Lotus Notes writes hierarchical names,
 * "CN=Ana Ruiz/O=Acme" or "Ana Ruiz/Acme": the person is the first part. */
static char *
person_name (const char *cn)
{
  const char *start;
  const char *end;

  if (cn == NULL)
    return NULL;
  start = cn;
  if (g_ascii_strncasecmp (start, "CN=", 3) == 0)
    start += 3;
  end = strchr (start, '/');
  return g_strstrip (end != NULL ? g_strndup (start, end - start) : g_strdup (start));
}

static char *
person_email (ICalProperty *prop)
{
  g_autofree char *value = i_cal_property_get_value_as_string (prop);
  g_autofree char *param = i_cal_property_get_parameter_as_string (prop, "EMAIL");

  if (param != NULL && strchr (param, '@') != NULL)
    return g_strstrip (g_strdup (param));
  if (value != NULL && g_ascii_strncasecmp (value, "mailto:", 7) == 0 && strchr (value, '@') != NULL)
    return g_strstrip (g_strdup (value + 7));
  return NULL;
}

static gint64
create_person (Event      *event,
               const char *name,
               const char *email)
{
  g_autoptr(LiaContact) contact = NULL;

  if (name != NULL && name[0] != '\0' && strchr (name, ',') != NULL)
    {
      /* "Family, Given" */
      g_auto(GStrv) parts = g_strsplit (name, ",", 2);
      contact = lia_contact_new (g_strstrip (parts[1]), g_strstrip (parts[0]));
    }
  else if (name != NULL && name[0] != '\0' && strrchr (name, ' ') != NULL)
    {
      const char *space = strrchr (name, ' ');
      g_autofree char *given = g_strndup (name, space - name);
      contact = lia_contact_new (g_strstrip (given), space + 1);
    }
  else
    {
      g_autofree char *local = g_strndup (email, strcspn (email, "@"));
      contact = lia_contact_new (name != NULL && name[0] != '\0' ? name : local, NULL);
    }
  lia_contact_add_email (contact, LIA_CONTACT_POINT_KIND_WORK, email);

  event->ics->import->record_line = event->line;
  event->ics->import->record_column = 1;
  if (!_lia_import_merge (event->ics->import, LIA_RECORD (contact), NULL))
    return 0;
  return lia_record_get_id (LIA_RECORD (contact));
}

/* Adds the organizer and the attendees who are contacts to @self; lists the others in
 * @unmatched (and in the run's list), or creates them. FALSE when the import must stop. */
static gboolean
add_people (Event          *event,
            ICalComponent  *comp,
            LiaInteraction *self,
            GString        *unmatched)
{
  LiaImport *import = event->ics->import;
  const ICalPropertyKind kinds[] = { I_CAL_ORGANIZER_PROPERTY, I_CAL_ATTENDEE_PROPERTY };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (ICalProperty *prop = i_cal_component_get_first_property (comp, kinds[k]);
         prop != NULL;
         g_object_unref (prop), prop = i_cal_component_get_next_property (comp, kinds[k]))
      {
        g_autofree char *email = person_email (prop);
        g_autofree char *cn = i_cal_property_get_parameter_as_string (prop, "CN");
        g_autofree char *cutype = i_cal_property_get_parameter_as_string (prop, "CUTYPE");
        g_autofree char *name = person_name (cn);
        g_autoptr(GArray) ids = NULL;
        GError *error = NULL;
        gint64 id = 0;

        /* Rooms and equipment are booked, not met. */
        if (cutype != NULL && (g_ascii_strcasecmp (cutype, "ROOM") == 0 ||
                               g_ascii_strcasecmp (cutype, "RESOURCE") == 0))
          {
            not_kept (event, "ATTENDEE (ROOM OR RESOURCE)");
            continue;
          }
        if (email == NULL)
          {
            not_kept (event, kinds[k] == I_CAL_ORGANIZER_PROPERTY ? "ORGANIZER (NO EMAIL)" : "ATTENDEE (NO EMAIL)");
            continue;
          }

        if (!(ids = lia_store_find_contacts_by_email (import->store, email, &error)))
          {
            _lia_import_fail (import, error);
            g_object_unref (prop);
            return FALSE;
          }
        if (ids->len > 0)
          {
            id = g_array_index (ids, gint64, 0);
            import->matched[LIA_IMPORT_MATCH_EMAIL]++;
          }
        else if (import->create_people)
          {
            if ((id = create_person (event, name, email)) == 0 && import->stopped)
              {
                g_object_unref (prop);
                return FALSE;
              }
          }
        else
          {
            g_autofree char *who = name != NULL && name[0] != '\0' && g_ascii_strcasecmp (name, email) != 0
              ? g_strdup_printf ("%s <%s>", name, email) : g_strdup (email);
            gboolean seen = FALSE;

            for (guint i = 0; i < import->unmatched_people->len && !seen; i++)
              seen = g_str_equal (g_ptr_array_index (import->unmatched_people, i), who);
            if (!seen)
              g_ptr_array_add (import->unmatched_people, g_strdup (who));
            if (strstr (unmatched->str, who) == NULL)
              g_string_append_printf (unmatched, "%s%s", unmatched->len > 0 ? ", " : "", who);
          }

        if (id > 0)
          lia_interaction_add_contact (self, id);
      }

  return TRUE;
}

/* The last paragraph of a meeting's summary names the people invited who are not contacts:
 * replaced each time the invitation is read, gone once they all are. */
static void
set_unmatched_paragraph (LiaInteraction *self,
                         const char     *unmatched)
{
  const char *heading = _("Also invited (not among the contacts):");
  const char *summary = lia_interaction_get_summary (self);
  const char *at = strstr (summary, heading);
  g_autoptr(GString) text = g_string_new_len (summary, at != NULL ? at - summary : -1);

  while (text->len > 0 && g_ascii_isspace (text->str[text->len - 1]))
    g_string_truncate (text, text->len - 1);
  if (unmatched[0] != '\0')
    g_string_append_printf (text, "%s%s %s", text->len > 0 ? "\n\n" : "", heading, unmatched);
  lia_interaction_set_summary (self, text->str);
}

static char *
describe_rule (ICalComponent *comp)
{
  g_autoptr(ICalProperty) prop = i_cal_component_get_first_property (comp, I_CAL_RRULE_PROPERTY);
  g_autoptr(ICalRecurrence) rule = NULL;
  g_autofree char *raw = NULL;
  g_autoptr(GString) text = NULL;
  int interval;
  int count;

  if (prop == NULL)
    return NULL;
  rule = i_cal_property_get_rrule (prop);
  raw = i_cal_recurrence_to_string (rule);
  interval = MAX (i_cal_recurrence_get_interval (rule), 1);
  count = i_cal_recurrence_get_count (rule);
  text = g_string_new (NULL);

  switch (i_cal_recurrence_get_freq (rule))
    {
    case I_CAL_DAILY_RECURRENCE:
      g_string_printf (text, g_dngettext (GETTEXT_PACKAGE, "Repeats every day", "Repeats every %d days", interval), interval);
      break;
    case I_CAL_WEEKLY_RECURRENCE:
      g_string_printf (text, g_dngettext (GETTEXT_PACKAGE, "Repeats every week", "Repeats every %d weeks", interval), interval);
      break;
    case I_CAL_MONTHLY_RECURRENCE:
      g_string_printf (text, g_dngettext (GETTEXT_PACKAGE, "Repeats every month", "Repeats every %d months", interval), interval);
      break;
    case I_CAL_YEARLY_RECURRENCE:
      g_string_printf (text, g_dngettext (GETTEXT_PACKAGE, "Repeats every year", "Repeats every %d years", interval), interval);
      break;
    default:
      g_string_assign (text, _("Repeats"));
      break;
    }
  if (count > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", %d time", ", %d times", count), count);
  else
    {
      g_autoptr(ICalTime) until = i_cal_recurrence_get_until (rule);
      if (until != NULL && !i_cal_time_is_null_time (until))
        g_string_append_printf (text, _(", until %04d-%02d-%02d"),
                                i_cal_time_get_year (until), i_cal_time_get_month (until), i_cal_time_get_day (until));
    }
  /* The rule itself too: BYDAY and the like say more than a sentence can. */
  g_string_append_printf (text, " (RRULE:%s).", raw);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Properties of a VEVENT and of a VTODO that the mapping uses (docs/icalendar.md). */
static const char * const event_properties[] = {
  "UID", "DTSTART", "DTEND", "DURATION", "SUMMARY", "LOCATION", "DESCRIPTION", "ORGANIZER",
  "ATTENDEE", "STATUS", "SEQUENCE", "LAST-MODIFIED", "DTSTAMP", "CREATED", "RRULE",
  "RECURRENCE-ID", "X-LIC-ERROR", NULL
};
static const char * const todo_properties[] = {
  "UID", "DUE", "SUMMARY", "DESCRIPTION", "STATUS", "LAST-MODIFIED", "DTSTAMP", "CREATED",
  "X-LIAISON-DIRECTION", "X-LIC-ERROR", NULL
};

static void
report_oddities (Event              *event,
                 ICalComponent      *comp,
                 const char * const *kept)
{
  for (ICalProperty *prop = i_cal_component_get_first_property (comp, I_CAL_ANY_PROPERTY);
       prop != NULL;
       g_object_unref (prop), prop = i_cal_component_get_next_property (comp, I_CAL_ANY_PROPERTY))
    {
      g_autofree char *name = i_cal_property_get_property_name (prop);

      if (name == NULL)
        continue;
      if (g_ascii_strcasecmp (name, "X-LIC-ERROR") == 0)
        {
          g_autofree char *value = i_cal_property_get_value_as_string (prop);

          /* An empty property ("DESCRIPTION:") loses nothing. */
          if (value != NULL && g_str_has_prefix (value, "No value for "))
            continue;
          _lia_import_warning (event->ics->import, event->line, 1,
                               _("Skipped what libical could not read in this object: %s"),
                               value != NULL ? value : "");
        }
      else if (!g_strv_contains (kept, name))
        not_kept (event, name);
    }

  for (ICalComponent *inner = i_cal_component_get_first_component (comp, I_CAL_ANY_COMPONENT);
       inner != NULL;
       g_object_unref (inner), inner = i_cal_component_get_next_component (comp, I_CAL_ANY_COMPONENT))
    not_kept (event, i_cal_component_kind_to_string (i_cal_component_isa (inner)));
}

static char *
event_uid (ICalComponent *comp,
           GDateTime     *start,
           const char    *title)
{
  const char *uid = i_cal_component_get_uid (comp);
  g_autoptr(ICalTime) recurrence = i_cal_component_get_recurrenceid (comp);
  g_autofree char *base = NULL;
  g_autofree char *hash = NULL;

  if (uid != NULL && uid[0] != '\0')
    {
      g_autofree char *rid = recurrence != NULL && !i_cal_time_is_null_time (recurrence)
        ? i_cal_time_as_ical_string (recurrence) : NULL;

      base = rid != NULL ? g_strconcat (uid, "/", rid, NULL) : g_strdup (uid);
      if (_lia_import_valid_id (base))
        return g_steal_pointer (&base);
    }
  else
    {
      /* No UID at all: the same event in the same file still gets the same id. */
      g_autofree char *when = start != NULL ? g_date_time_format_iso8601 (start) : g_strdup ("");
      base = g_strconcat (when, "\n", title, NULL);
    }

  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, base, -1);
  return g_strdup_printf ("ics-%.40s", hash);
}

/* When the file's copy was last changed: LAST-MODIFIED, else DTSTAMP. */
static GDateTime *
version_time (Event         *event,
              ICalComponent *comp)
{
  g_autoptr(ICalProperty) prop = i_cal_component_get_first_property (comp, I_CAL_LASTMODIFIED_PROPERTY);
  g_autoptr(ICalTime) t = NULL;

  if (prop != NULL)
    t = i_cal_property_get_lastmodified (prop);
  else if ((prop = i_cal_component_get_first_property (comp, I_CAL_DTSTAMP_PROPERTY)) != NULL)
    t = i_cal_property_get_dtstamp (prop);
  return t != NULL ? resolve_time (event, prop, t) : NULL;
}

/* Stores @record. A later copy of one this run has stored already (an iTIP exchange kept in
 * one file: the request, then the update) replaces it. FALSE when the import must stop. */
static gboolean
store_record (LiaImport *import,
              LiaRecord *record)
{
  LiaRecordKind kind = lia_record_get_kind (record);
  gint64 id = lia_record_get_id (record);
  GError *error = NULL;

  if (id == 0 || !_lia_import_is_touched (import, kind, id))
    return _lia_import_merge (import, record, NULL);

  if (!lia_store_save (import->store, record, &error))
    {
      _lia_import_problem (import, NULL, NULL, "%s", error->message);
      g_error_free (error);
      return !import->stopped;
    }
  _lia_import_count (import, kind, LIA_IMPORT_UPDATED);
  return TRUE;
}

/* Whether the file's copy of the meeting is newer than @old, which the database holds. */
static gboolean
is_newer (Event          *event,
          ICalComponent  *comp,
          LiaInteraction *old,
          guint           sequence)
{
  g_autoptr(GDateTime) changed = NULL;
  GDateTime *updated = lia_record_get_updated_at (LIA_RECORD (old));

  if (sequence != lia_interaction_get_sequence (old))
    return sequence > lia_interaction_get_sequence (old);
  changed = version_time (event, comp);
  return changed == NULL || updated == NULL || g_date_time_compare (changed, updated) > 0;
}

static gboolean
read_event (Event         *event,
            ICalComponent *comp)
{
  LiaImport *import = event->ics->import;
  g_autoptr(ICalProperty) start_prop = i_cal_component_get_first_property (comp, I_CAL_DTSTART_PROPERTY);
  g_autoptr(ICalProperty) end_prop = i_cal_component_get_first_property (comp, I_CAL_DTEND_PROPERTY);
  g_autoptr(ICalTime) start_time = i_cal_component_get_dtstart (comp);
  g_autoptr(ICalTime) end_time = end_prop != NULL ? i_cal_component_get_dtend (comp) : NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(LiaInteraction) self = NULL;
  g_autoptr(LiaRecord) old = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GString) unmatched = g_string_new (NULL);
  g_autofree char *uid = NULL;
  g_autofree char *rule = NULL;
  const char *title = i_cal_component_get_summary (comp);
  const char *text;
  gboolean cancel = g_str_equal (event->method, "CANCEL") ||
                    i_cal_component_get_status (comp) == I_CAL_STATUS_CANCELLED;
  guint sequence = (guint) MAX (i_cal_component_get_sequence (comp), 0);
  gboolean people_only = FALSE;
  GError *error = NULL;
  gint64 id = 0;

  import->record_line = event->line;
  import->record_column = 1;
  report_oddities (event, comp, event_properties);

  if (title != NULL && strspn (title, " \t\r\n") == strlen (title))
    title = NULL;
  start = resolve_time (event, start_prop, start_time);
  uid = event_uid (comp, start, title != NULL ? title : "");

  if (!_lia_import_find (import, LIA_RECORD_KIND_INTERACTION, uid, &id))
    return FALSE;

  if (start == NULL && !(cancel && id > 0))
    {
      _lia_import_warning (import, event->line, 1,
                           _("This event has no start (DTSTART): it was not imported."));
      not_kept (event, "VEVENT (NO DTSTART)");
      return TRUE;
    }

  if (id > 0)
    {
      if (!(old = lia_store_load (import->store, LIA_RECORD_KIND_INTERACTION, id, &error)))
        {
          _lia_import_fail (import, error);
          return FALSE;
        }
      if (!is_newer (event, comp, LIA_INTERACTION (old), sequence) &&
          !(_lia_import_is_touched (import, LIA_RECORD_KIND_INTERACTION, id) &&
            sequence == lia_interaction_get_sequence (LIA_INTERACTION (old))))
        {
          /* An older copy of the invitation changes nothing. The same copy again (or one
           * the meeting was edited after) only adds the people now found among the
           * contacts: what was edited here stays. */
          if (sequence < lia_interaction_get_sequence (LIA_INTERACTION (old)) || start == NULL)
            {
              _lia_import_count (import, LIA_RECORD_KIND_INTERACTION, LIA_IMPORT_UNCHANGED);
              _lia_import_progress (import);
              return TRUE;
            }
          people_only = TRUE;
        }
      self = LIA_INTERACTION (g_object_ref (old));
    }
  else
    {
      self = lia_interaction_new (LIA_INTERACTION_KIND_MEETING, start, NULL);
      lia_record_set_uid (LIA_RECORD (self), uid);
    }

  if (people_only)
    {
      if (!add_people (event, comp, self, unmatched))
        return FALSE;
      set_unmatched_paragraph (self, unmatched->str);
    }
  else
    {
      lia_interaction_set_sequence (self, sequence);
      if (cancel)
        lia_interaction_set_cancelled (self, TRUE);
      else if (g_str_equal (event->method, "REQUEST") || g_str_equal (event->method, "PUBLISH") ||
               event->method[0] == '\0')
        lia_interaction_set_cancelled (self, FALSE);
    }

  /* A cancellation often carries only the UID: it changes nothing else of a known meeting. */
  if (!people_only && start != NULL && !(cancel && old != NULL && g_str_equal (event->method, "CANCEL")))
    {
      lia_interaction_set_at (self, start);
      lia_interaction_set_title (self, title != NULL ? title : _("Meeting"));

      if (end_prop != NULL)
        end = resolve_time (event, end_prop, end_time);
      else
        {
          /* libical adds DURATION to the start's clock time and loses its zone: add it here. */
          g_autoptr(ICalDuration) duration = i_cal_component_get_duration (comp);
          int seconds = duration != NULL && !i_cal_duration_is_bad_duration (duration)
            ? i_cal_duration_as_int (duration) : 0;

          if (seconds > 0)
            end = g_date_time_add_seconds (start, seconds);
        }
      if (end != NULL && g_date_time_compare (end, start) > 0)
        lia_interaction_set_duration_minutes (self, (guint) MIN (g_date_time_difference (end, start) / G_TIME_SPAN_MINUTE,
                                                                  60 * 24 * 366));
      else if (i_cal_time_is_date (start_time))
        lia_interaction_set_duration_minutes (self, 24 * 60);
      else
        lia_interaction_set_duration_minutes (self, 0);

      if ((text = i_cal_component_get_location (comp)) != NULL)
        lia_interaction_set_location (self, text);
      if ((text = i_cal_component_get_description (comp)) != NULL)
        g_string_append (summary, text);
      g_strstrip (summary->str);
      summary->len = strlen (summary->str);

      if ((rule = describe_rule (comp)) != NULL)
        g_string_append_printf (summary, "%s%s", summary->len > 0 ? "\n\n" : "", rule);

      if (!add_people (event, comp, self, unmatched))
        return FALSE;
      lia_interaction_set_summary (self, summary->str);
      set_unmatched_paragraph (self, unmatched->str);
    }

  import->record_line = event->line;
  import->record_column = 1;
  if (!store_record (import, LIA_RECORD (self)))
    return FALSE;

  _lia_import_progress (import);
  return !import->stopped;
}

/* A to-do becomes a commitment of ours (unless the file says otherwise, as Liaison's own
 * export does), due on the date of DUE. */
static gboolean
read_todo (Event         *event,
           ICalComponent *comp)
{
  LiaImport *import = event->ics->import;
  g_autoptr(ICalProperty) due_prop = i_cal_component_get_first_property (comp, I_CAL_DUE_PROPERTY);
  g_autoptr(ICalProperty) direction_prop = NULL;
  g_autoptr(ICalTime) due_time = i_cal_component_get_due (comp);
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(LiaCommitment) self = NULL;
  g_autofree char *uid = NULL;
  const char *title = i_cal_component_get_summary (comp);
  const char *text;
  LiaCommitmentDirection direction = LIA_COMMITMENT_DIRECTION_OURS;
  gint64 id = 0;

  import->record_line = event->line;
  import->record_column = 1;
  report_oddities (event, comp, todo_properties);

  if (title == NULL || strspn (title, " \t\r\n") == strlen (title))
    title = _("To-do");

  for (direction_prop = i_cal_component_get_first_property (comp, I_CAL_X_PROPERTY);
       direction_prop != NULL;
       g_object_unref (direction_prop), direction_prop = i_cal_component_get_next_property (comp, I_CAL_X_PROPERTY))
    {
      const char *name = i_cal_property_get_x_name (direction_prop);
      if (name != NULL && g_ascii_strcasecmp (name, "X-LIAISON-DIRECTION") == 0)
        {
          g_autofree char *value = i_cal_property_get_value_as_string (direction_prop);
          if (g_strcmp0 (value, "theirs") == 0)
            direction = LIA_COMMITMENT_DIRECTION_THEIRS;
        }
    }

  due = due_prop != NULL ? resolve_time (event, due_prop, due_time) : NULL;
  uid = event_uid (comp, due, title);
  if (!_lia_import_find (import, LIA_RECORD_KIND_COMMITMENT, uid, &id))
    return FALSE;

  /* A commitment Liaison has already keeps what a to-do cannot say (who it is owed to, the
   * meeting it came from): only what the to-do says changes. */
  if (id > 0)
    {
      GError *error = NULL;
      LiaRecord *old = lia_store_load (import->store, LIA_RECORD_KIND_COMMITMENT, id, &error);

      if (old == NULL)
        {
          _lia_import_fail (import, error);
          return FALSE;
        }
      self = LIA_COMMITMENT (old);
      lia_commitment_set_title (self, title);
      lia_commitment_set_direction (self, direction);
    }
  else
    {
      self = lia_commitment_new (direction, title);
      lia_record_set_uid (LIA_RECORD (self), uid);
    }
  if (due != NULL)
    {
      g_autoptr(GDate) date = g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (due),
                                              (GDateMonth) g_date_time_get_month (due),
                                              (GDateYear) g_date_time_get_year (due));
      lia_commitment_set_due_date (self, date);
    }
  else
    lia_commitment_set_due_date (self, NULL);
  text = i_cal_component_get_description (comp);
  lia_commitment_set_notes (self, text != NULL ? text : "");
  switch (i_cal_component_get_status (comp))
    {
    case I_CAL_STATUS_COMPLETED:
      lia_commitment_set_status (self, LIA_COMMITMENT_STATUS_DONE);
      break;
    case I_CAL_STATUS_CANCELLED:
      lia_commitment_set_status (self, LIA_COMMITMENT_STATUS_CANCELLED);
      break;
    default:
      lia_commitment_set_status (self, LIA_COMMITMENT_STATUS_OPEN);
      break;
    }

  if (!store_record (import, LIA_RECORD (self)))
    return FALSE;
  _lia_import_progress (import);
  return !import->stopped;
}

static gboolean
read_calendar (LiaIcsText           *ics,
               LiaIcsBlock         *block,
               ICalComponent *calendar)
{
  g_autofree char *method = NULL;
  g_autoptr(ICalProperty) method_prop = i_cal_component_get_first_property (calendar, I_CAL_METHOD_PROPERTY);
  Event event = { ics, calendar, "", block->line };
  guint index = 0;

  if (method_prop != NULL)
    {
      g_autofree char *value = i_cal_property_get_value_as_string (method_prop);
      method = g_ascii_strup (value != NULL ? value : "", -1);
      event.method = method;
    }

  for (ICalComponent *comp = i_cal_component_get_first_component (calendar, I_CAL_ANY_COMPONENT);
       comp != NULL && !ics->import->stopped;
       g_object_unref (comp), comp = i_cal_component_get_next_component (calendar, I_CAL_ANY_COMPONENT), index++)
    {
      ICalComponentKind kind = i_cal_component_isa (comp);

      event.line = index < block->components->len ? g_array_index (block->components, guint, index) : block->line;

      if (kind == I_CAL_VTIMEZONE_COMPONENT)
        continue;
      if (kind == I_CAL_VTODO_COMPONENT && event.method[0] != '\0' &&
          !g_str_equal (event.method, "PUBLISH") && !g_str_equal (event.method, "REQUEST"))
        {
          g_autofree char *what = g_strdup_printf ("VTODO (METHOD:%s)", event.method);
          not_kept (&event, what);
          continue;
        }
      if (kind == I_CAL_VTODO_COMPONENT)
        {
          if (!read_todo (&event, comp))
            {
              g_object_unref (comp);
              return FALSE;
            }
          continue;
        }
      if (kind != I_CAL_VEVENT_COMPONENT)
        {
          not_kept (&event, i_cal_component_kind_to_string (kind));
          continue;
        }

      /* Answers and proposals about a meeting are not the meeting. */
      if (g_str_equal (event.method, "REPLY") || g_str_equal (event.method, "REFRESH") ||
          g_str_equal (event.method, "COUNTER") || g_str_equal (event.method, "DECLINECOUNTER") ||
          g_str_equal (event.method, "ADD"))
        {
          g_autofree char *what = g_strdup_printf ("VEVENT (METHOD:%s)", event.method);
          not_kept (&event, what);
          continue;
        }

      if (!read_event (&event, comp))
        {
          g_object_unref (comp);
          return FALSE;
        }
    }

  return !ics->import->stopped;
}

gboolean
_lia_ics_read (LiaImport *import)
{
  LiaIcsText ics = { import, NULL, NULL };
  gboolean ok = FALSE;

  if (!_lia_ics_text_read (&ics))
    goto out;

  for (guint i = 0; i < ics.blocks->len && !import->stopped; i++)
    {
      LiaIcsBlock *block = &g_array_index (ics.blocks, LiaIcsBlock, i);
      g_autofree char *part = g_strndup (ics.text + block->start, block->end - block->start);
      g_autoptr(ICalComponent) calendar = i_cal_parser_parse_string (part);

      if (calendar == NULL || i_cal_component_isa (calendar) != I_CAL_VCALENDAR_COMPONENT)
        {
          _lia_ics_fail_at (&ics, block->line, 1, _("libical could not read this calendar."));
          break;
        }
      read_calendar (&ics, block, calendar);
    }

  ok = !import->stopped && !import->failed;

out:
  _lia_ics_text_clear (&ics);
  return ok;
}
