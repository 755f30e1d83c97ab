/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-exchange"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-export-private.h"
#include "lia-ics-private.h"
#include "lia-store-bulk.h"

/*
 * iCalendar out (docs/icalendar.md): what is still to come, for a calendar program. Planned
 * interactions (those that start after now) become VEVENTs with their participants' email
 * addresses; open commitments with a due date become VTODOs. Times are written in UTC, whole
 * days as dates; the record's uid is the UID, so importing the file again finds the same
 * records.
 */

typedef struct
{
  LiaStore      *store;
  GOutputStream *stream;
  GCancellable  *cancellable;
  GDateTime     *now;
  guint64        written;
} Writer;

static gboolean
write_text (Writer      *writer,
            const char  *text,
            GError     **error)
{
  return g_output_stream_write_all (writer->stream, text, strlen (text), NULL, writer->cancellable, error);
}

static ICalTime *
utc_time (GDateTime *at)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (at);
  ICalTime *t = i_cal_time_new_null_time ();

  i_cal_time_set_date (t, g_date_time_get_year (utc), g_date_time_get_month (utc), g_date_time_get_day_of_month (utc));
  i_cal_time_set_time (t, g_date_time_get_hour (utc), g_date_time_get_minute (utc), g_date_time_get_second (utc));
  i_cal_time_set_timezone (t, i_cal_timezone_get_utc_timezone ());
  return t;
}

static ICalTime *
date_value (int year,
            int month,
            int day)
{
  ICalTime *t = i_cal_time_new_null_date ();

  i_cal_time_set_date (t, year, month, day);
  i_cal_time_set_is_date (t, TRUE);
  return t;
}

static void
add_record_times (ICalComponent *comp,
                  LiaRecord     *record)
{
  GDateTime *updated = lia_record_get_updated_at (record);
  GDateTime *created = lia_record_get_created_at (record);

  /* DTSTAMP is when the record last changed, not when it was written: the same data, the
   * same bytes. */
  if (updated != NULL)
    {
      g_autoptr(ICalTime) stamp = utc_time (updated);
      i_cal_component_set_dtstamp (comp, stamp);
      i_cal_component_take_property (comp, i_cal_property_new_lastmodified (stamp));
    }
  if (created != NULL)
    {
      g_autoptr(ICalTime) t = utc_time (created);
      i_cal_component_take_property (comp, i_cal_property_new_created (t));
    }
}

static gboolean
add_attendee (Writer         *writer,
              ICalComponent  *event,
              gint64          contact_id,
              GError        **error)
{
  g_autoptr(LiaRecord) record = lia_store_load (writer->store, LIA_RECORD_KIND_CONTACT, contact_id, error);
  g_autoptr(LiaContactPoint) email = NULL;
  g_autofree char *address = NULL;
  ICalProperty *attendee;

  if (record == NULL)
    return FALSE;
  if (g_list_model_get_n_items (lia_contact_get_emails (LIA_CONTACT (record))) == 0)
    return TRUE;

  email = g_list_model_get_item (lia_contact_get_emails (LIA_CONTACT (record)), 0);
  address = g_strconcat ("mailto:", lia_contact_point_get_value (email), NULL);
  attendee = i_cal_property_new_attendee (address);
  i_cal_property_take_parameter (attendee, i_cal_parameter_new_cn (lia_contact_get_display_name (LIA_CONTACT (record))));
  i_cal_property_take_parameter (attendee, i_cal_parameter_new_role (I_CAL_ROLE_REQPARTICIPANT));
  i_cal_component_take_property (event, attendee);
  return TRUE;
}

static gboolean
is_whole_days (LiaInteraction *self)
{
  GDateTime *at = lia_interaction_get_at (self);
  guint minutes = lia_interaction_get_duration_minutes (self);

  return g_date_time_get_hour (at) == 0 && g_date_time_get_minute (at) == 0 &&
         g_date_time_get_second (at) == 0 && minutes > 0 && minutes % (24 * 60) == 0;
}

static gboolean
write_component (Writer         *writer,
                 ICalComponent  *comp,
                 GError        **error)
{
  g_autofree char *text = i_cal_component_as_ical_string (comp);

  writer->written++;
  return write_text (writer, text, error);
}

static gboolean
write_interaction_cb (LiaRecord  *record,
                      gpointer    user_data,
                      GError    **error)
{
  Writer *writer = user_data;
  LiaInteraction *self = LIA_INTERACTION (record);
  GDateTime *at = lia_interaction_get_at (self);
  const GArray *contacts = lia_interaction_get_contact_ids (self);
  g_autoptr(ICalComponent) event = NULL;

  /* What is still to come; the past is in Liaison's own exports. */
  if (at == NULL || g_date_time_compare (at, writer->now) <= 0)
    return TRUE;

  event = i_cal_component_new_vevent ();
  i_cal_component_set_uid (event, lia_record_get_uid (record));
  add_record_times (event, record);

  if (is_whole_days (self))
    {
      g_autoptr(ICalTime) start = date_value (g_date_time_get_year (at), g_date_time_get_month (at),
                                              g_date_time_get_day_of_month (at));
      g_autoptr(GDateTime) last = g_date_time_add_minutes (at, (int) lia_interaction_get_duration_minutes (self));
      g_autoptr(ICalTime) end = date_value (g_date_time_get_year (last), g_date_time_get_month (last),
                                            g_date_time_get_day_of_month (last));
      i_cal_component_set_dtstart (event, start);
      i_cal_component_set_dtend (event, end);
    }
  else
    {
      g_autoptr(ICalTime) start = utc_time (at);
      i_cal_component_set_dtstart (event, start);
      if (lia_interaction_get_duration_minutes (self) > 0)
        {
          g_autoptr(GDateTime) last = g_date_time_add_minutes (at, (int) lia_interaction_get_duration_minutes (self));
          g_autoptr(ICalTime) end = utc_time (last);
          i_cal_component_set_dtend (event, end);
        }
    }

  i_cal_component_set_summary (event, lia_interaction_get_title (self));
  if (lia_interaction_get_location (self)[0] != '\0')
    i_cal_component_set_location (event, lia_interaction_get_location (self));
  if (lia_interaction_get_summary (self)[0] != '\0')
    i_cal_component_set_description (event, lia_interaction_get_summary (self));
  i_cal_component_set_sequence (event, (int) lia_interaction_get_sequence (self));
  i_cal_component_set_status (event, lia_interaction_get_cancelled (self)
                                       ? I_CAL_STATUS_CANCELLED : I_CAL_STATUS_CONFIRMED);

  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    if (!add_attendee (writer, event, g_array_index (contacts, gint64, i), error))
      return FALSE;

  return write_component (writer, event, error);
}

static gboolean
write_commitment_cb (LiaRecord  *record,
                     gpointer    user_data,
                     GError    **error)
{
  Writer *writer = user_data;
  LiaCommitment *self = LIA_COMMITMENT (record);
  const GDate *due = lia_commitment_get_due_date (self);
  g_autoptr(ICalComponent) todo = NULL;
  g_autoptr(ICalTime) due_time = NULL;

  if (due == NULL || !g_date_valid (due) || lia_commitment_get_status (self) != LIA_COMMITMENT_STATUS_OPEN)
    return TRUE;

  todo = i_cal_component_new_vtodo ();
  i_cal_component_set_uid (todo, lia_record_get_uid (record));
  add_record_times (todo, record);
  due_time = date_value (g_date_get_year (due), g_date_get_month (due), g_date_get_day (due));
  i_cal_component_set_due (todo, due_time);
  i_cal_component_set_summary (todo, lia_commitment_get_title (self));
  if (lia_commitment_get_notes (self)[0] != '\0')
    i_cal_component_set_description (todo, lia_commitment_get_notes (self));
  i_cal_component_set_status (todo, I_CAL_STATUS_NEEDSACTION);
  {
    /* Which way the promise goes has no word in iCalendar: kept for Liaison's own import. */
    ICalProperty *direction = i_cal_property_new_x (lia_commitment_get_direction (self) == LIA_COMMITMENT_DIRECTION_THEIRS
                                                    ? "theirs" : "ours");
    i_cal_property_set_x_name (direction, "X-LIAISON-DIRECTION");
    i_cal_component_take_property (todo, direction);
  }

  return write_component (writer, todo, error);
}

gboolean
_lia_ics_write (LiaStore       *store,
                GOutputStream  *stream,
                gboolean        selected,
                GCancellable   *cancellable,
                guint64        *out_written,
                GError        **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  Writer writer = { store, stream, cancellable, now, 0 };

  if (!write_text (&writer,
                   "BEGIN:VCALENDAR\r\n"
                   "VERSION:2.0\r\n"
                   "PRODID:-//Liaison//Liaison " PACKAGE_VERSION "//EN\r\n"
                   "CALSCALE:GREGORIAN\r\n"
                   "METHOD:PUBLISH\r\n", error) ||
      !lia_store_foreach_record (store, LIA_RECORD_KIND_INTERACTION, selected, write_interaction_cb, &writer, error) ||
      !lia_store_foreach_record (store, LIA_RECORD_KIND_COMMITMENT, selected, write_commitment_cb, &writer, error) ||
      !write_text (&writer, "END:VCALENDAR\r\n", error))
    return FALSE;

  *out_written = writer.written;
  return TRUE;
}
