/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-exchange"

#include "config.h"

#include <time.h>

#include <glib/gi18n.h>

#include "lia-export-private.h"
#include "lia-store-bulk.h"

/*
 * Writes records as elements of a partner directory (docs/partner-directory.md): attributes and
 * children always in the same order, unset fields left out, so that the same data gives the
 * same bytes.
 */

typedef LiaXmlOut Out;

static void
attr (Out        *out,
      const char *name,
      const char *value)
{
  _lia_xml_out_attr (out, name, value);
}

static void
attr_int (Out        *out,
          const char *name,
          gint64      value)
{
  char text[32];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  attr (out, name, text);
}

static void
attr_date (Out         *out,
           const char  *name,
           const GDate *date)
{
  g_autofree char *text = lia_date_to_iso (date);
  attr (out, name, text);
}

static void
attr_utc (Out        *out,
          const char *name,
          GDateTime  *time)
{
  time_t seconds;
  struct tm tm;
  char text[64];

  if (time == NULL)
    return;
  /* What g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ") gives, without a time zone lookup
   * and a GString per attribute. */
  seconds = (time_t) g_date_time_to_unix (time);
  if (gmtime_r (&seconds, &tm) == NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
      g_autofree char *formatted = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");

      attr (out, name, formatted);
      return;
    }
  g_snprintf (text, sizeof text, "%d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1,
              tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  attr (out, name, text);
}

/* What g_date_time_format (time, "%Y-%m-%dT%H:%M:%S%:z") gives, without a GString and a
 * format parser per interaction (years of four digits; any other goes the long way). */
static void
attr_local_time (Out        *out,
                 const char *name,
                 GDateTime  *time)
{
  int year, month, day;
  gint64 offset = g_date_time_get_utc_offset (time) / G_USEC_PER_SEC;
  gint64 magnitude = ABS (offset);
  char text[64];

  g_date_time_get_ymd (time, &year, &month, &day);
  if (year < 1000 || year > 9999)
    {
      g_autofree char *formatted = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S%:z");

      attr (out, name, formatted);
      return;
    }
  g_snprintf (text, sizeof text, "%d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", year, month, day,
              g_date_time_get_hour (time), g_date_time_get_minute (time),
              g_date_time_get_second (time), offset < 0 ? '-' : '+',
              (int) (magnitude / 3600), (int) (magnitude / 60 % 60));
  attr (out, name, text);
}

static void
attr_nick (Out        *out,
           const char *name,
           GType       enum_type,
           int         value)
{
  attr (out, name, lia_enum_to_nick (enum_type, value));
}

/* A reference: the uid of the record the database id points to. */
static void
attr_ref (Out           *out,
          const char    *name,
          LiaRecordKind  kind,
          gint64         id)
{
  g_autofree char *uid = NULL;

  if (id <= 0 || out->failed)
    return;
  if (!(uid = lia_store_dup_uid (out->store, kind, id, out->error)))
    {
      out->failed = TRUE;
      return;
    }
  attr (out, name, uid);
}

static void
text_element (Out        *out,
              const char *name,
              const char *text)
{
  if (text == NULL || text[0] == '\0')
    return;
  _lia_xml_out_element (out, name, text);
}

static void
common_attributes (Out       *out,
                   LiaRecord *record)
{
  attr (out, "id", lia_record_get_uid (record));
  if (!(out->flags & LIA_WRITE_CANONICAL))
    {
      attr_utc (out, "created", lia_record_get_created_at (record));
      attr_utc (out, "updated", lia_record_get_updated_at (record));
    }
}

static void
write_assessment (Out           *out,
                  LiaAssessment *assessment)
{
  int influence = lia_assessment_get_influence (assessment);
  int interest = lia_assessment_get_interest (assessment);
  LiaStance stance = lia_assessment_get_stance (assessment);
  int cadence = lia_assessment_get_cadence_days (assessment);

  if (influence == 0 && interest == 0 && stance == LIA_STANCE_UNKNOWN && cadence == LIA_CADENCE_DEFAULT)
    return;

  _lia_xml_out_start (out, "assessment");
  if (influence > 0)
    attr_int (out, "influence", influence);
  if (interest > 0)
    attr_int (out, "interest", interest);
  if (stance != LIA_STANCE_UNKNOWN)
    attr_nick (out, "stance", LIA_TYPE_STANCE, stance);
  if (cadence != LIA_CADENCE_DEFAULT)
    attr_int (out, "cadence-days", cadence);
  _lia_xml_out_end (out);
}

static void
write_tags (Out                *out,
            const char * const *tags)
{
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    text_element (out, "tag", tags[i]);
}

static void
write_organization (Out             *out,
                    LiaOrganization *self)
{
  const char *street = lia_organization_get_street (self);
  const char *locality = lia_organization_get_locality (self);
  const char *region = lia_organization_get_region (self);
  const char *postal_code = lia_organization_get_postal_code (self);
  const char *address_country = lia_organization_get_address_country (self);

  _lia_xml_out_start (out, "organization");
  common_attributes (out, LIA_RECORD (self));
  text_element (out, "name", lia_organization_get_name (self));
  text_element (out, "short-name", lia_organization_get_short_name (self));
  text_element (out, "sector", lia_organization_get_sector (self));
  if (lia_organization_get_parent_id (self) > 0)
    {
      _lia_xml_out_start (out, "parent");
      attr_ref (out, "organization", LIA_RECORD_KIND_ORGANIZATION, lia_organization_get_parent_id (self));
      _lia_xml_out_end (out);
    }
  text_element (out, "country", lia_organization_get_country (self));
  text_element (out, "website", lia_organization_get_website (self));
  text_element (out, "email", lia_organization_get_email (self));
  text_element (out, "phone", lia_organization_get_phone (self));
  if (!lia_text_is_blank (street) || !lia_text_is_blank (locality) || !lia_text_is_blank (region) ||
      !lia_text_is_blank (postal_code) || !lia_text_is_blank (address_country))
    {
      _lia_xml_out_start (out, "address");
      text_element (out, "street", street);
      text_element (out, "locality", locality);
      text_element (out, "region", region);
      text_element (out, "postal-code", postal_code);
      text_element (out, "country", address_country);
      _lia_xml_out_end (out);
    }
  write_assessment (out, lia_organization_get_assessment (self));
  write_tags (out, lia_organization_get_tags (self));
  text_element (out, "notes", lia_organization_get_notes (self));
  _lia_xml_out_end (out);
}

static void
write_affiliation (Out            *out,
                   LiaAffiliation *self)
{
  _lia_xml_out_start (out, "affiliation");
  if (!(out->flags & LIA_WRITE_CANONICAL))
    attr (out, "id", lia_record_get_uid (LIA_RECORD (self)));
  attr_ref (out, "organization", LIA_RECORD_KIND_ORGANIZATION, lia_affiliation_get_organization_id (self));
  attr (out, "role", lia_affiliation_get_role (self));
  attr (out, "unit", lia_affiliation_get_unit (self));
  attr_date (out, "from", lia_affiliation_get_from (self));
  attr_date (out, "until", lia_affiliation_get_until (self));
  if (lia_affiliation_get_primary (self))
    attr (out, "primary", "true");
  _lia_xml_out_end (out);
}

static void
write_contact_points (Out        *out,
                      const char *name,
                      GListModel *points)
{
  for (guint i = 0; i < g_list_model_get_n_items (points); i++)
    {
      g_autoptr(LiaContactPoint) point = g_list_model_get_item (points, i);

      _lia_xml_out_start (out, name);
      attr_nick (out, "kind", LIA_TYPE_CONTACT_POINT_KIND, lia_contact_point_get_kind (point));
      _lia_xml_out_text (out, lia_contact_point_get_value (point));
      _lia_xml_out_end (out);
    }
}

static void
write_postal_addresses (Out        *out,
                        GListModel *addresses)
{
  for (guint i = 0; i < g_list_model_get_n_items (addresses); i++)
    {
      g_autoptr(LiaPostalAddress) address = g_list_model_get_item (addresses, i);

      _lia_xml_out_start (out, "address");
      attr_nick (out, "kind", LIA_TYPE_CONTACT_POINT_KIND, lia_postal_address_get_kind (address));
      text_element (out, "po-box", lia_postal_address_get_po_box (address));
      text_element (out, "extended", lia_postal_address_get_extended (address));
      text_element (out, "street", lia_postal_address_get_street (address));
      text_element (out, "locality", lia_postal_address_get_locality (address));
      text_element (out, "region", lia_postal_address_get_region (address));
      text_element (out, "postal-code", lia_postal_address_get_postal_code (address));
      text_element (out, "country", lia_postal_address_get_country (address));
      _lia_xml_out_end (out);
    }
}

static void
write_photo (Out        *out,
             LiaContact *self)
{
  GBytes *photo = lia_contact_get_photo (self);
  g_autofree char *base64 = NULL;
  gsize size = 0;
  const guchar *data;

  if (photo == NULL)
    return;

  data = g_bytes_get_data (photo, &size);
  base64 = g_base64_encode (data, size);
  _lia_xml_out_start (out, "photo");
  attr (out, "type", lia_contact_get_photo_mime_type (self));
  _lia_xml_out_text (out, base64);
  _lia_xml_out_end (out);
}

static void
write_contact (Out        *out,
               LiaContact *self)
{
  const char *parts[] = {
    lia_contact_get_honorific (self), lia_contact_get_given_name (self),
    lia_contact_get_family_name (self), lia_contact_get_suffix (self),
  };
  g_autoptr(GPtrArray) affiliations = NULL;
  const char * const *languages = lia_contact_get_languages (self);
  LiaChannel channel = lia_contact_get_preferred_channel (self);

  _lia_xml_out_start (out, "contact");
  common_attributes (out, LIA_RECORD (self));

  if (!lia_text_is_blank (parts[0]) || !lia_text_is_blank (parts[1]) ||
      !lia_text_is_blank (parts[2]) || !lia_text_is_blank (parts[3]))
    {
      _lia_xml_out_start (out, "name");
      text_element (out, "prefix", parts[0]);
      text_element (out, "given", parts[1]);
      text_element (out, "family", parts[2]);
      text_element (out, "suffix", parts[3]);
      _lia_xml_out_end (out);
    }
  text_element (out, "display-name", lia_contact_get_explicit_display_name (self));
  text_element (out, "nickname", lia_contact_get_nickname (self));
  text_element (out, "job-title", lia_contact_get_job_title (self));

  /* A contact being compared has no id yet when it is new; then it has no affiliations. */
  if (lia_record_get_id (LIA_RECORD (self)) > 0 && !(out->flags & LIA_WRITE_CANONICAL))
    {
      if (!(affiliations = lia_store_list_affiliations_for_contact (out->store,
                                                                   lia_record_get_id (LIA_RECORD (self)),
                                                                   out->error)))
        {
          out->failed = TRUE;
          return;
        }
      for (guint i = 0; i < affiliations->len; i++)
        write_affiliation (out, g_ptr_array_index (affiliations, i));
    }

  write_contact_points (out, "email", lia_contact_get_emails (self));
  write_contact_points (out, "phone", lia_contact_get_phones (self));
  write_postal_addresses (out, lia_contact_get_addresses (self));
  write_contact_points (out, "website", lia_contact_get_websites (self));
  write_contact_points (out, "im", lia_contact_get_ims (self));
  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    text_element (out, "language", languages[i]);
  text_element (out, "time-zone", lia_contact_get_time_zone (self));
  if (channel != LIA_CHANNEL_UNSPECIFIED)
    text_element (out, "preferred-channel", lia_enum_to_nick (LIA_TYPE_CHANNEL, channel));
  text_element (out, "birthday", lia_contact_get_birthday (self));
  write_photo (out, self);
  write_assessment (out, lia_contact_get_assessment (self));
  write_tags (out, lia_contact_get_tags (self));
  text_element (out, "notes", lia_contact_get_notes (self));
  _lia_xml_out_end (out);
}

/* Times written by hand, without printf or a GDateTime per field: what gmtime_r() and
 * g_date_time_format() give for years 1000 to 9999 (the others go the long way). */

/* The earliest and latest second a GDateTime holds (0001-01-01, 9999-12-31 23:59:59 UTC). */
#define FIRST_SECOND G_GINT64_CONSTANT (-62135596800)
#define LAST_SECOND G_GINT64_CONSTANT (253402300799)

static gint64
floor_div (gint64 a,
           gint64 b)
{
  return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

static char *
put_digits (char *p,
            int   value,
            int   width)
{
  for (int i = width - 1; i >= 0; i--, value /= 10)
    p[i] = (char) ('0' + value % 10);
  return p + width;
}

/* "YYYY-MM-DDTHH:MM:SS" of @seconds since the epoch, in @text (20 bytes); FALSE, writing
 * nothing, when the year has other than four digits. */
static gboolean
format_seconds (char   *text,
                gint64  seconds)
{
  gint64 days = floor_div (seconds, 86400);
  int in_day = (int) (seconds - days * 86400);
  /* Days to a civil date (proleptic Gregorian, years from March). */
  gint64 z = days + 719468;
  gint64 era = floor_div (z, 146097);
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  int day = (int) (doy - (153 * mp + 2) / 5 + 1);
  int month = (int) (mp < 10 ? mp + 3 : mp - 9);
  gint64 year = yoe + era * 400 + (month <= 2);
  char *p = text;

  if (year < 1000 || year > 9999)
    return FALSE;
  p = put_digits (p, (int) year, 4);
  *p++ = '-';
  p = put_digits (p, month, 2);
  *p++ = '-';
  p = put_digits (p, day, 2);
  *p++ = 'T';
  p = put_digits (p, in_day / 3600, 2);
  *p++ = ':';
  p = put_digits (p, in_day / 60 % 60, 2);
  *p++ = ':';
  p = put_digits (p, in_day % 60, 2);
  *p = '\0';
  return TRUE;
}

/* A created or updated time (microseconds, UTC) as attr_utc() writes it; left out where the
 * store would give no time. */
static void
attr_utc_usec (Out        *out,
               const char *name,
               gboolean    has,
               gint64      usec)
{
  gint64 seconds = floor_div (usec, G_USEC_PER_SEC);
  char text[32];

  if (!has || seconds < FIRST_SECOND || seconds > LAST_SECOND)
    return;
  if (!format_seconds (text, seconds))
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (seconds);

      attr_utc (out, name, time);
      return;
    }
  text[19] = 'Z';
  text[20] = '\0';
  attr (out, name, text);
}

/* When an interaction took place, in the offset it was entered with ("+02:00"), as
 * attr_local_time() writes it. */
static void
attr_at (Out                     *out,
         const LiaInteractionRow *row)
{
  gint64 seconds = floor_div (row->at_usec, G_USEC_PER_SEC);
  int magnitude = ABS (row->at_offset);
  char text[40];
  char *p;

  if (!row->has_at)
    return;
  if (seconds < FIRST_SECOND || seconds > LAST_SECOND ||
      !format_seconds (text, seconds + row->at_offset))
    {
      /* The store's way: the instant, then moved to its offset. */
      g_autoptr(GDateTime) whole = g_date_time_new_from_unix_utc (seconds);
      g_autoptr(GDateTime) utc = whole != NULL ? g_date_time_add (whole, row->at_usec - seconds * G_USEC_PER_SEC) : NULL;
      g_autoptr(GTimeZone) zone = g_time_zone_new_offset (row->at_offset);
      g_autoptr(GDateTime) at = utc != NULL ? g_date_time_to_timezone (utc, zone) : NULL;

      if (at != NULL)
        attr_local_time (out, "at", at);
      return;
    }
  p = text + 19;
  *p++ = row->at_offset < 0 ? '-' : '+';
  p = put_digits (p, magnitude / 3600, 2);
  *p++ = ':';
  p = put_digits (p, magnitude / 60 % 60, 2);
  *p = '\0';
  attr (out, "at", text);
}

/* Small numbers, without printf. */
static void
attr_small_int (Out        *out,
                const char *name,
                gint64      value)
{
  char text[24];
  char *p = text + sizeof text - 1;
  guint64 magnitude = value < 0 ? - (guint64) value : (guint64) value;

  *p = '\0';
  do
    *--p = (char) ('0' + magnitude % 10);
  while ((magnitude /= 10) > 0);
  if (value < 0)
    *--p = '-';
  attr (out, name, p);
}

static void
write_interaction (Out                     *out,
                   const LiaInteractionRow *row)
{
  _lia_xml_out_start (out, "interaction");
  attr (out, "id", row->uid);
  if (!(out->flags & LIA_WRITE_CANONICAL))
    {
      attr_utc_usec (out, "created", row->has_created, row->created_usec);
      attr_utc_usec (out, "updated", row->has_updated, row->updated_usec);
    }
  attr (out, "kind", row->kind);
  attr_at (out, row);
  if (row->minutes > 0)
    attr_small_int (out, "minutes", row->minutes);
  if (row->sentiment != 0)
    attr_small_int (out, "sentiment", row->sentiment);
  if (row->cancelled)
    attr (out, "cancelled", "true");

  text_element (out, "title", row->title);
  for (guint i = 0; i < row->n_contacts; i++)
    {
      _lia_xml_out_start (out, "participant");
      attr (out, "contact", row->contacts[i]);
      _lia_xml_out_end (out);
    }
  for (guint i = 0; i < row->n_organizations; i++)
    {
      _lia_xml_out_start (out, "participant");
      attr (out, "organization", row->organizations[i]);
      _lia_xml_out_end (out);
    }
  text_element (out, "location", row->location);
  text_element (out, "summary", row->summary);
  text_element (out, "outcome", row->outcome);
  _lia_xml_out_end (out);
}

static void
add_uids (Out           *out,
          GPtrArray     *uids,
          LiaRecordKind  kind,
          const GArray  *ids)
{
  for (guint i = 0; ids != NULL && i < ids->len && !out->failed; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      char *uid;

      /* A participant that refers to nothing is written without its attribute, as
       * attr_ref() does. */
      if (id <= 0)
        {
          g_ptr_array_add (uids, NULL);
          continue;
        }
      if (!(uid = lia_store_dup_uid (out->store, kind, id, out->error)))
        out->failed = TRUE;
      else
        g_ptr_array_add (uids, uid);
    }
}

/* @date_time as microseconds since the epoch, or 0 when there is none. */
static gint64
usec_of (GDateTime *date_time)
{
  if (date_time == NULL)
    return 0;
  return g_date_time_to_unix (date_time) * G_USEC_PER_SEC + g_date_time_get_microsecond (date_time);
}

/* The row a LiaInteraction stands for, its participants' uids in @uids. */
static void
fill_interaction_row (Out                *out,
                      LiaInteraction     *self,
                      LiaInteractionRow  *row,
                      GPtrArray          *uids)
{
  LiaRecord *record = LIA_RECORD (self);
  GDateTime *created = lia_record_get_created_at (record);
  GDateTime *updated = lia_record_get_updated_at (record);
  GDateTime *at = lia_interaction_get_at (self);

  row->uid = lia_record_get_uid (record);
  row->has_created = created != NULL;
  row->created_usec = usec_of (created);
  row->has_updated = updated != NULL;
  row->updated_usec = usec_of (updated);
  row->has_at = at != NULL;
  row->at_usec = usec_of (at);
  row->at_offset = at != NULL ? (int) (g_date_time_get_utc_offset (at) / G_USEC_PER_SEC) : 0;
  row->kind = lia_enum_to_nick (LIA_TYPE_INTERACTION_KIND, lia_interaction_get_kind (self));
  row->minutes = lia_interaction_get_duration_minutes (self);
  row->sentiment = lia_interaction_get_sentiment (self);
  row->cancelled = lia_interaction_get_cancelled (self);
  row->title = lia_interaction_get_title (self);
  row->location = lia_interaction_get_location (self);
  row->summary = lia_interaction_get_summary (self);
  row->outcome = lia_interaction_get_outcome (self);

  add_uids (out, uids, LIA_RECORD_KIND_CONTACT, lia_interaction_get_contact_ids (self));
  row->n_contacts = uids->len;
  add_uids (out, uids, LIA_RECORD_KIND_ORGANIZATION, lia_interaction_get_organization_ids (self));
  row->n_organizations = uids->len - row->n_contacts;
  if (uids->len > 0)
    {
      row->contacts = (const char * const *) uids->pdata;
      row->organizations = (const char * const *) uids->pdata + row->n_contacts;
    }
}

static void
write_commitment (Out                    *out,
                  const LiaCommitmentRow *row)
{
  _lia_xml_out_start (out, "commitment");
  attr (out, "id", row->uid);
  if (!(out->flags & LIA_WRITE_CANONICAL))
    {
      attr_utc_usec (out, "created", row->has_created, row->created_usec);
      attr_utc_usec (out, "updated", row->has_updated, row->updated_usec);
    }
  attr (out, "direction", row->direction);
  attr (out, "status", row->status);
  attr (out, "due", row->due);
  attr (out, "done", row->done);
  attr (out, "interaction", row->interaction);
  attr (out, "contact", row->contact);
  attr (out, "organization", row->organization);
  text_element (out, "title", row->title);
  text_element (out, "notes", row->notes);
  _lia_xml_out_end (out);
}

/* The uid of a reference, as attr_ref() would write it (%NULL: none), kept in @owned. */
static const char *
owned_uid (Out           *out,
           GPtrArray     *owned,
           LiaRecordKind  kind,
           gint64         id)
{
  char *uid;

  if (id <= 0 || out->failed)
    return NULL;
  if (!(uid = lia_store_dup_uid (out->store, kind, id, out->error)))
    {
      out->failed = TRUE;
      return NULL;
    }
  g_ptr_array_add (owned, uid);
  return uid;
}

static const char *
owned_date (GPtrArray   *owned,
            const GDate *date)
{
  char *text = lia_date_to_iso (date);

  if (text != NULL)
    g_ptr_array_add (owned, text);
  return text;
}

/* The row a LiaCommitment stands for; what it had to make is kept in @owned. */
static void
fill_commitment_row (Out               *out,
                     LiaCommitment     *self,
                     LiaCommitmentRow  *row,
                     GPtrArray         *owned)
{
  LiaRecord *record = LIA_RECORD (self);
  GDateTime *created = lia_record_get_created_at (record);
  GDateTime *updated = lia_record_get_updated_at (record);

  row->uid = lia_record_get_uid (record);
  row->has_created = created != NULL;
  row->created_usec = usec_of (created);
  row->has_updated = updated != NULL;
  row->updated_usec = usec_of (updated);
  row->direction = lia_enum_to_nick (LIA_TYPE_COMMITMENT_DIRECTION, lia_commitment_get_direction (self));
  row->status = lia_enum_to_nick (LIA_TYPE_COMMITMENT_STATUS, lia_commitment_get_status (self));
  row->due = owned_date (owned, lia_commitment_get_due_date (self));
  row->done = owned_date (owned, lia_commitment_get_done_date (self));
  row->interaction = owned_uid (out, owned, LIA_RECORD_KIND_INTERACTION, lia_commitment_get_interaction_id (self));
  row->contact = owned_uid (out, owned, LIA_RECORD_KIND_CONTACT, lia_commitment_get_contact_id (self));
  row->organization = owned_uid (out, owned, LIA_RECORD_KIND_ORGANIZATION, lia_commitment_get_organization_id (self));
  row->title = lia_commitment_get_title (self);
  row->notes = lia_commitment_get_notes (self);
}

static void
write_concern (Out        *out,
               LiaConcern *self)
{
  GListModel *parties = lia_concern_get_parties (self);
  const GArray *related = lia_concern_get_interaction_ids (self);

  _lia_xml_out_start (out, "concern");
  common_attributes (out, LIA_RECORD (self));
  attr_nick (out, "status", LIA_TYPE_CONCERN_STATUS, lia_concern_get_status (self));
  attr_nick (out, "severity", LIA_TYPE_SEVERITY, lia_concern_get_severity (self));
  attr_date (out, "opened", lia_concern_get_opened (self));
  attr_date (out, "resolved", lia_concern_get_resolved (self));
  text_element (out, "title", lia_concern_get_title (self));
  for (guint i = 0; i < g_list_model_get_n_items (parties); i++)
    {
      g_autoptr(LiaConcernParty) party = g_list_model_get_item (parties, i);

      _lia_xml_out_start (out, "party");
      if (lia_concern_party_get_contact_id (party) > 0)
        attr_ref (out, "contact", LIA_RECORD_KIND_CONTACT, lia_concern_party_get_contact_id (party));
      else
        attr_ref (out, "organization", LIA_RECORD_KIND_ORGANIZATION,
                  lia_concern_party_get_organization_id (party));
      attr (out, "position", lia_concern_party_get_position (party));
      _lia_xml_out_end (out);
    }
  text_element (out, "root-cause", lia_concern_get_root_cause (self));
  text_element (out, "resolution", lia_concern_get_resolution (self));
  text_element (out, "notes", lia_concern_get_notes (self));
  for (guint i = 0; related != NULL && i < related->len; i++)
    {
      _lia_xml_out_start (out, "related");
      attr_ref (out, "interaction", LIA_RECORD_KIND_INTERACTION, g_array_index (related, gint64, i));
      _lia_xml_out_end (out);
    }
  _lia_xml_out_end (out);
}

static void
write_project (Out        *out,
               LiaProject *self)
{
  GListModel *stakeholders = lia_project_get_stakeholders (self);
  GListModel *milestones = lia_project_get_milestones (self);
  GListModel *risks = lia_project_get_risks (self);
  static const struct {
    LiaRecordKind  kind;
    const char    *attribute;
  } links[] = {
    { LIA_RECORD_KIND_INTERACTION, "interaction" },
    { LIA_RECORD_KIND_COMMITMENT, "commitment" },
    { LIA_RECORD_KIND_CONCERN, "concern" },
  };
  g_autofree char *start = lia_date_to_iso (lia_project_get_start (self));
  g_autofree char *end = lia_date_to_iso (lia_project_get_end (self));

  _lia_xml_out_start (out, "project");
  common_attributes (out, LIA_RECORD (self));
  attr_nick (out, "status", LIA_TYPE_PROJECT_STATUS, lia_project_get_status (self));
  text_element (out, "name", lia_project_get_name (self));
  text_element (out, "summary", lia_project_get_summary (self));
  text_element (out, "start", start);
  text_element (out, "end", end);
  text_element (out, "owner", lia_project_get_owner (self));
  write_tags (out, lia_project_get_tags (self));
  text_element (out, "notes", lia_project_get_notes (self));

  for (guint i = 0; i < g_list_model_get_n_items (stakeholders); i++)
    {
      g_autoptr(LiaProjectStakeholder) stakeholder = g_list_model_get_item (stakeholders, i);

      _lia_xml_out_start (out, "stakeholder");
      if (lia_project_stakeholder_get_contact_id (stakeholder) > 0)
        attr_ref (out, "contact", LIA_RECORD_KIND_CONTACT,
                  lia_project_stakeholder_get_contact_id (stakeholder));
      else
        attr_ref (out, "organization", LIA_RECORD_KIND_ORGANIZATION,
                  lia_project_stakeholder_get_organization_id (stakeholder));
      attr (out, "role", lia_project_stakeholder_get_role (stakeholder));
      _lia_xml_out_end (out);
    }

  for (guint i = 0; i < g_list_model_get_n_items (milestones); i++)
    {
      g_autoptr(LiaMilestone) milestone = g_list_model_get_item (milestones, i);

      _lia_xml_out_start (out, "milestone");
      attr (out, "id", lia_milestone_get_uid (milestone));
      attr_date (out, "due", lia_milestone_get_due (milestone));
      attr_nick (out, "status", LIA_TYPE_MILESTONE_STATUS, lia_milestone_get_status (milestone));
      attr_date (out, "done", lia_milestone_get_done (milestone));
      text_element (out, "title", lia_milestone_get_title (milestone));
      _lia_xml_out_end (out);
    }

  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(LiaRisk) risk = g_list_model_get_item (risks, i);

      _lia_xml_out_start (out, "risk");
      attr (out, "id", lia_risk_get_uid (risk));
      attr_int (out, "likelihood", lia_risk_get_likelihood (risk));
      attr_int (out, "impact", lia_risk_get_impact (risk));
      attr_nick (out, "status", LIA_TYPE_RISK_STATUS, lia_risk_get_status (risk));
      attr_date (out, "review", lia_risk_get_review (risk));
      attr_ref (out, "owner", LIA_RECORD_KIND_CONTACT, lia_risk_get_owner_id (risk));
      text_element (out, "title", lia_risk_get_title (risk));
      text_element (out, "description", lia_risk_get_description (risk));
      text_element (out, "mitigation", lia_risk_get_mitigation (risk));
      _lia_xml_out_end (out);
    }

  for (guint k = 0; k < G_N_ELEMENTS (links); k++)
    {
      const GArray *ids = lia_project_get_link_ids (self, links[k].kind);

      for (guint i = 0; i < ids->len; i++)
        {
          _lia_xml_out_start (out, "link");
          attr_ref (out, links[k].attribute, links[k].kind, g_array_index (ids, gint64, i));
          _lia_xml_out_end (out);
        }
    }

  _lia_xml_out_end (out);
}

gboolean
_lia_directory_write_record (LiaXmlWriter      *writer,
                             LiaStore          *store,
                             LiaRecord         *record,
                             LiaWriteFlags      flags,
                             GError           **error)
{
  Out out = { writer, store, flags, error, FALSE };

  switch (lia_record_get_kind (record))
    {
    case LIA_RECORD_KIND_ORGANIZATION:
      write_organization (&out, LIA_ORGANIZATION (record));
      break;
    case LIA_RECORD_KIND_CONTACT:
      write_contact (&out, LIA_CONTACT (record));
      break;
    case LIA_RECORD_KIND_AFFILIATION:
      write_affiliation (&out, LIA_AFFILIATION (record));
      break;
    case LIA_RECORD_KIND_INTERACTION:
      {
        g_autoptr(GPtrArray) uids = g_ptr_array_new_with_free_func (g_free);
        LiaInteractionRow row = { NULL, };

        fill_interaction_row (&out, LIA_INTERACTION (record), &row, uids);
        if (!out.failed)
          write_interaction (&out, &row);
      }
      break;
    case LIA_RECORD_KIND_COMMITMENT:
      {
        g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
        LiaCommitmentRow row = { NULL, };

        fill_commitment_row (&out, LIA_COMMITMENT (record), &row, owned);
        if (!out.failed)
          write_commitment (&out, &row);
      }
      break;
    case LIA_RECORD_KIND_CONCERN:
      write_concern (&out, LIA_CONCERN (record));
      break;
    case LIA_RECORD_KIND_PROJECT:
      write_project (&out, LIA_PROJECT (record));
      break;
    default:
      g_assert_not_reached ();
    }

  out.failed = _lia_xml_out_failed (&out);
  if (out.failed && error != NULL && *error == NULL)
    g_set_error_literal (error, LIA_EXCHANGE_ERROR, LIA_EXCHANGE_ERROR_FAILED,
                         _("Could not write the directory."));
  return !out.failed;
}

static gboolean
finish_row (Out     *out,
            GError **error)
{
  if (!_lia_xml_out_failed (out))
    return TRUE;
  if (error != NULL && *error == NULL)
    g_set_error_literal (error, LIA_EXCHANGE_ERROR, LIA_EXCHANGE_ERROR_FAILED,
                         _("Could not write the directory."));
  return FALSE;
}

gboolean
_lia_directory_write_interaction (LiaXmlWriter             *writer,
                                  const LiaInteractionRow  *row,
                                  LiaWriteFlags             flags,
                                  GError                  **error)
{
  Out out = { writer, NULL, flags, error, FALSE };

  write_interaction (&out, row);
  return finish_row (&out, error);
}

gboolean
_lia_directory_write_commitment (LiaXmlWriter            *writer,
                                 const LiaCommitmentRow  *row,
                                 LiaWriteFlags            flags,
                                 GError                 **error)
{
  Out out = { writer, NULL, flags, error, FALSE };

  write_commitment (&out, row);
  return finish_row (&out, error);
}

/* A merge writes two records in canonical form for every record of the file: a writer kept per
 * thread for the next record, instead of made and freed each time. Dropped after a big record
 * (a photo), not to keep its buffer. */
static GPrivate canonical_writer = G_PRIVATE_INIT ((GDestroyNotify) _lia_xml_writer_free);

char *
_lia_directory_canonical (LiaStore   *store,
                          LiaRecord  *record,
                          GError    **error)
{
  LiaXmlWriter *writer = g_private_get (&canonical_writer);
  gboolean ok;
  gsize length;
  char *text;

  if (writer == NULL)
    {
      writer = _lia_xml_writer_new (NULL, NULL, FALSE);
      g_private_set (&canonical_writer, writer);
    }

  ok = _lia_directory_write_record (writer, store, record, LIA_WRITE_CANONICAL, error);
  length = _lia_xml_writer_get_length (writer);
  text = _lia_xml_writer_steal_text (writer);
  if (!ok)
    g_clear_pointer (&text, g_free);
  if (length > 64 * 1024)
    g_private_replace (&canonical_writer, NULL);
  return text;
}
