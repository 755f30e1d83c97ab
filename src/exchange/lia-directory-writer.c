/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-exchange"

#include "config.h"

#include <string.h>
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

/* A record's created and updated attributes, where it has them. */
static void
attr_stamps (Out                *out,
             const LiaRowStamps *stamps)
{
  attr_utc_usec (out, "created", stamps->has_created, stamps->created_usec);
  attr_utc_usec (out, "updated", stamps->has_updated, stamps->updated_usec);
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
write_assessment (Out                    *out,
                  const LiaAssessmentRow *assessment)
{
  gboolean stance = strcmp (assessment->stance, "unknown") != 0;

  if (assessment->influence == 0 && assessment->interest == 0 && !stance &&
      assessment->cadence_days == LIA_CADENCE_DEFAULT)
    return;

  _lia_xml_out_start (out, "assessment");
  if (assessment->influence > 0)
    attr_small_int (out, "influence", assessment->influence);
  if (assessment->interest > 0)
    attr_small_int (out, "interest", assessment->interest);
  if (stance)
    attr (out, "stance", assessment->stance);
  if (assessment->cadence_days != LIA_CADENCE_DEFAULT)
    attr_small_int (out, "cadence-days", assessment->cadence_days);
  _lia_xml_out_end (out);
}

/* The row of a LiaAssessment. */
static void
fill_assessment_row (LiaAssessment    *self,
                     LiaAssessmentRow *row)
{
  row->influence = lia_assessment_get_influence (self);
  row->interest = lia_assessment_get_interest (self);
  row->stance = lia_enum_to_nick (LIA_TYPE_STANCE, lia_assessment_get_stance (self));
  row->cadence_days = lia_assessment_get_cadence_days (self);
}

static void
write_tags (Out                *out,
            const char * const *tags,
            guint               n_tags)
{
  for (guint i = 0; i < n_tags; i++)
    text_element (out, "tag", tags[i]);
}

static void
write_organization (Out                      *out,
                    const LiaOrganizationRow *row)
{
  _lia_xml_out_start (out, "organization");
  attr (out, "id", row->uid);
  if (!(out->flags & LIA_WRITE_CANONICAL))
    {
      attr_stamps (out, &row->stamps);
    }
  text_element (out, "name", row->name);
  text_element (out, "short-name", row->short_name);
  text_element (out, "sector", row->sector);
  if (row->parent != NULL)
    {
      _lia_xml_out_start (out, "parent");
      attr (out, "organization", row->parent);
      _lia_xml_out_end (out);
    }
  text_element (out, "country", row->country);
  text_element (out, "website", row->website);
  text_element (out, "email", row->email);
  text_element (out, "phone", row->phone);
  if (!lia_text_is_blank (row->street) || !lia_text_is_blank (row->locality) ||
      !lia_text_is_blank (row->region) || !lia_text_is_blank (row->postal_code) ||
      !lia_text_is_blank (row->address_country))
    {
      _lia_xml_out_start (out, "address");
      text_element (out, "street", row->street);
      text_element (out, "locality", row->locality);
      text_element (out, "region", row->region);
      text_element (out, "postal-code", row->postal_code);
      text_element (out, "country", row->address_country);
      _lia_xml_out_end (out);
    }
  write_assessment (out, &row->assessment);
  write_tags (out, row->tags, row->n_tags);
  text_element (out, "notes", row->notes);
  _lia_xml_out_end (out);
}

static void
write_affiliation (Out                     *out,
                   const LiaAffiliationRow *row)
{
  _lia_xml_out_start (out, "affiliation");
  if (!(out->flags & LIA_WRITE_CANONICAL))
    attr (out, "id", row->uid);
  attr (out, "organization", row->organization);
  attr (out, "role", row->role);
  attr (out, "unit", row->unit);
  attr (out, "from", row->from);
  attr (out, "until", row->until);
  if (row->primary)
    attr (out, "primary", "true");
  _lia_xml_out_end (out);
}

static void
write_points (Out               *out,
              const char        *name,
              const LiaPointRow *points,
              guint              n_points)
{
  for (guint i = 0; i < n_points; i++)
    {
      _lia_xml_out_start (out, name);
      attr (out, "kind", points[i].kind);
      _lia_xml_out_text (out, points[i].value);
      _lia_xml_out_end (out);
    }
}

static void
write_postal_addresses (Out                 *out,
                        const LiaAddressRow *addresses,
                        guint                n_addresses)
{
  for (guint i = 0; i < n_addresses; i++)
    {
      const LiaAddressRow *address = &addresses[i];

      _lia_xml_out_start (out, "address");
      attr (out, "kind", address->kind);
      text_element (out, "po-box", address->po_box);
      text_element (out, "extended", address->extended);
      text_element (out, "street", address->street);
      text_element (out, "locality", address->locality);
      text_element (out, "region", address->region);
      text_element (out, "postal-code", address->postal_code);
      text_element (out, "country", address->country);
      _lia_xml_out_end (out);
    }
}

static void
write_photo (Out                 *out,
             const LiaContactRow *row)
{
  g_autofree char *base64 = NULL;

  if (row->photo == NULL)
    return;

  base64 = g_base64_encode (row->photo, row->photo_size);
  _lia_xml_out_start (out, "photo");
  attr (out, "type", row->photo_type);
  _lia_xml_out_text (out, base64);
  _lia_xml_out_end (out);
}

static void
write_contact (Out                 *out,
               const LiaContactRow *row)
{
  _lia_xml_out_start (out, "contact");
  attr (out, "id", row->uid);
  if (!(out->flags & LIA_WRITE_CANONICAL))
    {
      attr_stamps (out, &row->stamps);
    }

  if (!lia_text_is_blank (row->honorific) || !lia_text_is_blank (row->given_name) ||
      !lia_text_is_blank (row->family_name) || !lia_text_is_blank (row->suffix))
    {
      _lia_xml_out_start (out, "name");
      text_element (out, "prefix", row->honorific);
      text_element (out, "given", row->given_name);
      text_element (out, "family", row->family_name);
      text_element (out, "suffix", row->suffix);
      _lia_xml_out_end (out);
    }
  text_element (out, "display-name", row->display_name);
  text_element (out, "nickname", row->nickname);
  text_element (out, "job-title", row->job_title);

  /* Compared records carry none: their affiliations are compared as records of their own. */
  if (!(out->flags & LIA_WRITE_CANONICAL))
    for (guint i = 0; i < row->n_affiliations; i++)
      write_affiliation (out, &row->affiliations[i]);

  write_points (out, "email", row->emails, row->n_emails);
  write_points (out, "phone", row->phones, row->n_phones);
  write_postal_addresses (out, row->addresses, row->n_addresses);
  write_points (out, "website", row->websites, row->n_websites);
  write_points (out, "im", row->ims, row->n_ims);
  for (guint i = 0; i < row->n_languages; i++)
    text_element (out, "language", row->languages[i]);
  text_element (out, "time-zone", row->time_zone);
  if (row->preferred_channel != NULL && strcmp (row->preferred_channel, "unspecified") != 0)
    text_element (out, "preferred-channel", row->preferred_channel);
  text_element (out, "birthday", row->birthday);
  write_photo (out, row);
  write_assessment (out, &row->assessment);
  write_tags (out, row->tags, row->n_tags);
  text_element (out, "notes", row->notes);
  _lia_xml_out_end (out);
}

static void
write_interaction (Out                     *out,
                   const LiaInteractionRow *row)
{
  _lia_xml_out_start (out, "interaction");
  attr (out, "id", row->uid);
  if (!(out->flags & LIA_WRITE_CANONICAL))
    {
      attr_stamps (out, &row->stamps);
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

/* @record's created and updated times, as a row gives them. */
static void
fill_stamps (LiaRowStamps *stamps,
             LiaRecord    *record)
{
  GDateTime *created = lia_record_get_created_at (record);
  GDateTime *updated = lia_record_get_updated_at (record);

  stamps->has_created = created != NULL;
  stamps->created_usec = usec_of (created);
  stamps->has_updated = updated != NULL;
  stamps->updated_usec = usec_of (updated);
}

/* The row a LiaInteraction stands for, its participants' uids in @uids. */
static void
fill_interaction_row (Out                *out,
                      LiaInteraction     *self,
                      LiaInteractionRow  *row,
                      GPtrArray          *uids)
{
  LiaRecord *record = LIA_RECORD (self);
  GDateTime *at = lia_interaction_get_at (self);

  row->uid = lia_record_get_uid (record);
  fill_stamps (&row->stamps, record);
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
      attr_stamps (out, &row->stamps);
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

  row->uid = lia_record_get_uid (record);
  fill_stamps (&row->stamps, record);
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

static guint
strv_length (const char * const *strv)
{
  return strv != NULL ? g_strv_length ((GStrv) strv) : 0;
}

/* What a record's row needs that the record does not hold: kept until it is written. */
typedef struct
{
  GPtrArray  *owned;
  GPtrArray  *affiliations;
  GArray     *affiliation_rows;
  GArray     *lists[5];
} RowScratch;

static void
row_scratch_init (RowScratch *scratch)
{
  scratch->owned = g_ptr_array_new_with_free_func (g_free);
  scratch->affiliations = NULL;
  scratch->affiliation_rows = g_array_new (FALSE, FALSE, sizeof (LiaAffiliationRow));
  for (guint i = 0; i < G_N_ELEMENTS (scratch->lists); i++)
    scratch->lists[i] = NULL;
}

static void
row_scratch_clear (RowScratch *scratch)
{
  g_ptr_array_unref (scratch->owned);
  g_clear_pointer (&scratch->affiliations, g_ptr_array_unref);
  g_array_unref (scratch->affiliation_rows);
  for (guint i = 0; i < G_N_ELEMENTS (scratch->lists); i++)
    g_clear_pointer (&scratch->lists[i], g_array_unref);
}

static void
fill_affiliation_row (Out               *out,
                      LiaAffiliation    *self,
                      LiaAffiliationRow *row,
                      GPtrArray         *owned)
{
  row->uid = lia_record_get_uid (LIA_RECORD (self));
  row->organization = owned_uid (out, owned, LIA_RECORD_KIND_ORGANIZATION,
                                 lia_affiliation_get_organization_id (self));
  row->role = lia_affiliation_get_role (self);
  row->unit = lia_affiliation_get_unit (self);
  row->from = owned_date (owned, lia_affiliation_get_from (self));
  row->until = owned_date (owned, lia_affiliation_get_until (self));
  row->primary = lia_affiliation_get_primary (self);
}

static void
fill_organization_row (Out                *out,
                       LiaOrganization    *self,
                       LiaOrganizationRow *row,
                       GPtrArray          *owned)
{
  LiaRecord *record = LIA_RECORD (self);

  row->uid = lia_record_get_uid (record);
  fill_stamps (&row->stamps, record);
  row->name = lia_organization_get_name (self);
  row->short_name = lia_organization_get_short_name (self);
  row->sector = lia_organization_get_sector (self);
  row->parent = owned_uid (out, owned, LIA_RECORD_KIND_ORGANIZATION, lia_organization_get_parent_id (self));
  row->country = lia_organization_get_country (self);
  row->website = lia_organization_get_website (self);
  row->email = lia_organization_get_email (self);
  row->phone = lia_organization_get_phone (self);
  row->street = lia_organization_get_street (self);
  row->locality = lia_organization_get_locality (self);
  row->region = lia_organization_get_region (self);
  row->postal_code = lia_organization_get_postal_code (self);
  row->address_country = lia_organization_get_address_country (self);
  fill_assessment_row (lia_organization_get_assessment (self), &row->assessment);
  row->tags = lia_organization_get_tags (self);
  row->n_tags = strv_length (row->tags);
  row->notes = lia_organization_get_notes (self);
}

/* The points of @model (LiaContactPoint) as rows in @array, made if needed. */
static const LiaPointRow *
point_rows (GListModel  *model,
            GArray     **array,
            guint       *out_n)
{
  guint n = g_list_model_get_n_items (model);

  *out_n = n;
  if (n == 0)
    return NULL;
  *array = g_array_sized_new (FALSE, FALSE, sizeof (LiaPointRow), n);
  for (guint i = 0; i < n; i++)
    {
      /* The list model holds the point: its strings outlive the row. */
      g_autoptr(LiaContactPoint) point = g_list_model_get_item (model, i);
      LiaPointRow row = {
        lia_enum_to_nick (LIA_TYPE_CONTACT_POINT_KIND, lia_contact_point_get_kind (point)),
        lia_contact_point_get_value (point),
      };

      g_array_append_val (*array, row);
    }
  return (const LiaPointRow *) (gpointer) (*array)->data;
}

static void
fill_contact_row (Out            *out,
                  LiaContact     *self,
                  LiaContactRow  *row,
                  RowScratch     *scratch)
{
  LiaRecord *record = LIA_RECORD (self);
  GListModel *addresses = lia_contact_get_addresses (self);
  GBytes *photo = lia_contact_get_photo (self);

  row->uid = lia_record_get_uid (record);
  fill_stamps (&row->stamps, record);
  row->honorific = lia_contact_get_honorific (self);
  row->given_name = lia_contact_get_given_name (self);
  row->family_name = lia_contact_get_family_name (self);
  row->suffix = lia_contact_get_suffix (self);
  row->display_name = lia_contact_get_explicit_display_name (self);
  row->nickname = lia_contact_get_nickname (self);
  row->job_title = lia_contact_get_job_title (self);

  /* A contact being compared has no id yet when it is new; then it has no affiliations. */
  if (lia_record_get_id (record) > 0 && !(out->flags & LIA_WRITE_CANONICAL))
    {
      if (!(scratch->affiliations = lia_store_list_affiliations_for_contact (out->store,
                                                                            lia_record_get_id (record),
                                                                            out->error)))
        {
          out->failed = TRUE;
          return;
        }
      for (guint i = 0; i < scratch->affiliations->len; i++)
        {
          LiaAffiliationRow affiliation = { NULL, };

          fill_affiliation_row (out, g_ptr_array_index (scratch->affiliations, i), &affiliation,
                                scratch->owned);
          g_array_append_val (scratch->affiliation_rows, affiliation);
        }
      row->affiliations = (const LiaAffiliationRow *) (gpointer) scratch->affiliation_rows->data;
      row->n_affiliations = scratch->affiliation_rows->len;
    }

  row->emails = point_rows (lia_contact_get_emails (self), &scratch->lists[0], &row->n_emails);
  row->phones = point_rows (lia_contact_get_phones (self), &scratch->lists[1], &row->n_phones);
  row->websites = point_rows (lia_contact_get_websites (self), &scratch->lists[2], &row->n_websites);
  row->ims = point_rows (lia_contact_get_ims (self), &scratch->lists[3], &row->n_ims);
  row->n_addresses = g_list_model_get_n_items (addresses);
  if (row->n_addresses > 0)
    {
      scratch->lists[4] = g_array_sized_new (FALSE, FALSE, sizeof (LiaAddressRow), row->n_addresses);
      for (guint i = 0; i < row->n_addresses; i++)
        {
          g_autoptr(LiaPostalAddress) address = g_list_model_get_item (addresses, i);
          LiaAddressRow address_row = {
            lia_enum_to_nick (LIA_TYPE_CONTACT_POINT_KIND, lia_postal_address_get_kind (address)),
            lia_postal_address_get_po_box (address),
            lia_postal_address_get_extended (address),
            lia_postal_address_get_street (address),
            lia_postal_address_get_locality (address),
            lia_postal_address_get_region (address),
            lia_postal_address_get_postal_code (address),
            lia_postal_address_get_country (address),
          };

          g_array_append_val (scratch->lists[4], address_row);
        }
      row->addresses = (const LiaAddressRow *) (gpointer) scratch->lists[4]->data;
    }
  row->languages = lia_contact_get_languages (self);
  row->n_languages = strv_length (row->languages);
  row->time_zone = lia_contact_get_time_zone (self);
  row->preferred_channel = lia_enum_to_nick (LIA_TYPE_CHANNEL, lia_contact_get_preferred_channel (self));
  row->birthday = lia_contact_get_birthday (self);
  if (photo != NULL)
    {
      row->photo = g_bytes_get_data (photo, &row->photo_size);
      row->photo_type = lia_contact_get_photo_mime_type (self);
    }
  fill_assessment_row (lia_contact_get_assessment (self), &row->assessment);
  row->tags = lia_contact_get_tags (self);
  row->n_tags = strv_length (row->tags);
  row->notes = lia_contact_get_notes (self);
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
  write_tags (out, lia_project_get_tags (self), strv_length (lia_project_get_tags (self)));
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
      {
        g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
        LiaOrganizationRow row = { NULL, };

        fill_organization_row (&out, LIA_ORGANIZATION (record), &row, owned);
        if (!out.failed)
          write_organization (&out, &row);
      }
      break;
    case LIA_RECORD_KIND_CONTACT:
      {
        RowScratch scratch;
        LiaContactRow row = { NULL, };

        row_scratch_init (&scratch);
        fill_contact_row (&out, LIA_CONTACT (record), &row, &scratch);
        if (!out.failed)
          write_contact (&out, &row);
        row_scratch_clear (&scratch);
      }
      break;
    case LIA_RECORD_KIND_AFFILIATION:
      {
        g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
        LiaAffiliationRow row = { NULL, };

        fill_affiliation_row (&out, LIA_AFFILIATION (record), &row, owned);
        if (!out.failed)
          write_affiliation (&out, &row);
      }
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

gboolean
_lia_directory_write_contact (LiaXmlWriter         *writer,
                              const LiaContactRow  *row,
                              LiaWriteFlags         flags,
                              GError              **error)
{
  Out out = { writer, NULL, flags, error, FALSE };

  write_contact (&out, row);
  return finish_row (&out, error);
}

gboolean
_lia_directory_write_organization (LiaXmlWriter              *writer,
                                   const LiaOrganizationRow  *row,
                                   LiaWriteFlags              flags,
                                   GError                   **error)
{
  Out out = { writer, NULL, flags, error, FALSE };

  write_organization (&out, row);
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
