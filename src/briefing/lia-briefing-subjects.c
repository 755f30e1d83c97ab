/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-briefing"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-briefing-builder-private.h"
#include "lia-briefing-map.h"

/* The kicker, the title and the line under it that open a briefing or a part of a pack. */
static void
add_title (LiaBriefingBuilder *self,
           const char         *kicker,
           const char         *title,
           const char         *subtitle)
{
  g_autofree char *kicker_markup = NULL;
  g_autofree char *title_markup = _lia_briefing_escape (title);
  g_autofree char *upper = g_utf8_strup (kicker, -1);

  kicker_markup = g_markup_escape_text (upper, -1);
  lia_briefing_document_add_paragraph (self->document, LIA_BRIEFING_STYLE_KICKER, kicker_markup);
  lia_briefing_document_add_title (self->document, title_markup);
  if (subtitle != NULL)
    {
      g_autofree char *subtitle_markup = _lia_briefing_escape (subtitle);

      lia_briefing_document_add_paragraph (self->document, LIA_BRIEFING_STYLE_SUBTITLE,
                                           subtitle_markup);
    }
}

static char *
join_nonblank (const char *separator,
               ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;
  va_list args;

  va_start (args, separator);
  while ((part = va_arg (args, const char *)) != NULL)
    if (!lia_text_is_blank (part))
      g_ptr_array_add (parts, (gpointer) part);
  va_end (args);

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (separator, (char **) parts->pdata);
}

static const char *
reach_of (LiaContact *contact,
          char      **out_owned)
{
  GListModel *emails = lia_contact_get_emails (contact);
  GListModel *phones = lia_contact_get_phones (contact);
  g_autoptr(LiaContactPoint) email = NULL;
  g_autoptr(LiaContactPoint) phone = NULL;

  if (g_list_model_get_n_items (emails) > 0)
    email = g_list_model_get_item (emails, 0);
  if (g_list_model_get_n_items (phones) > 0)
    phone = g_list_model_get_item (phones, 0);

  *out_owned = join_nonblank ("\n",
                              email != NULL ? lia_contact_point_get_value (email) : "",
                              phone != NULL ? lia_contact_point_get_value (phone) : "",
                              NULL);
  return *out_owned;
}

static gboolean
add_people (LiaBriefingBuilder  *self,
            LiaOrganization     *organization,
            GError             **error)
{
  gint64 id = lia_record_get_id (LIA_RECORD (organization));
  g_autoptr(GPtrArray) current = lia_store_list_affiliations_for_organization (self->store, id,
                                                                               self->today, error);
  g_autoptr(GPtrArray) departed = NULL;

  if (current == NULL)
    return FALSE;
  departed = lia_store_list_departures (self->store, id, self->since, self->today, error);
  if (departed == NULL)
    return FALSE;

  lia_briefing_document_add_heading (self->document, 1, _("Key people"));

  if (current->len == 0)
    {
      g_autofree char *markup = g_markup_escape_text (_("No one is recorded as working there now."), -1);

      lia_briefing_document_add_paragraph (self->document, LIA_BRIEFING_STYLE_DETAIL, markup);
    }
  else
    {
      const char *headers[] = { _("Name"), _("Role"), _("Since"), _("Reach") };
      const double widths[] = { 2.2, 2.4, 1.2, 2.6 };
      guint n_columns = self->redact ? 3 : 4;

      lia_briefing_document_begin_table (self->document, n_columns, headers, widths);
      for (guint i = 0; i < current->len; i++)
        {
          LiaAffiliation *affiliation = g_ptr_array_index (current, i);
          g_autoptr(LiaRecord) contact = lia_store_load (self->store, LIA_RECORD_KIND_CONTACT,
                                                         lia_affiliation_get_contact_id (affiliation),
                                                         error);
          g_autofree char *from = NULL;
          g_autofree char *reach = NULL;
          g_autofree char *c0 = NULL;
          g_autofree char *c1 = NULL;
          g_autofree char *c2 = NULL;
          g_autofree char *c3 = NULL;

          if (contact == NULL)
            return FALSE;

          from = _lia_briefing_format_short_date (lia_affiliation_get_from (affiliation));
          c0 = lia_affiliation_get_primary (affiliation)
               ? g_markup_printf_escaped ("<b>%s</b>", lia_record_get_label (contact))
               : _lia_briefing_escape (lia_record_get_label (contact));
          c1 = _lia_briefing_escape (lia_text_is_blank (lia_affiliation_get_role (affiliation))
                                     ? lia_contact_get_job_title (LIA_CONTACT (contact))
                                     : lia_affiliation_get_role (affiliation));
          c2 = _lia_briefing_escape (from);
          if (!self->redact)
            c3 = _lia_briefing_escape (reach_of (LIA_CONTACT (contact), &reach));

          {
            const char *cells[] = { c0, c1, c2, c3 };

            lia_briefing_document_add_row (self->document, cells);
          }
        }
    }

  if (departed->len > 0)
    {
      g_autofree char *since = _lia_briefing_format_date (self->since);
      /* Translators: %s is the date a briefing's history starts. */
      g_autofree char *heading = g_strdup_printf (_("Left since %s"), since);
      const char *headers[] = { _("Name"), _("Role"), _("Left") };
      const double widths[] = { 2.2, 3.6, 1.2 };

      lia_briefing_document_add_heading (self->document, 2, heading);
      lia_briefing_document_begin_table (self->document, G_N_ELEMENTS (headers), headers, widths);
      for (guint i = 0; i < departed->len; i++)
        {
          LiaAffiliation *affiliation = g_ptr_array_index (departed, i);
          const char *name = _lia_briefing_contact_name (self, lia_affiliation_get_contact_id (affiliation),
                                                         error);
          g_autofree char *until = NULL;
          g_autofree char *c0 = NULL;
          g_autofree char *c1 = NULL;
          g_autofree char *c2 = NULL;

          if (name == NULL)
            return FALSE;
          until = _lia_briefing_format_short_date (lia_affiliation_get_until (affiliation));
          c0 = _lia_briefing_escape (name);
          c1 = _lia_briefing_escape (lia_affiliation_get_role (affiliation));
          c2 = _lia_briefing_escape (until);
          {
            const char *cells[] = { c0, c1, c2 };

            lia_briefing_document_add_row (self->document, cells);
          }
        }
    }

  return TRUE;
}

static void
draw_map (cairo_t  *cr,
          double    width,
          double    height,
          gpointer  user_data)
{
  lia_briefing_draw_map (cr, user_data, NULL, width, height);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const LiaMapEntry *x = *(LiaMapEntry * const *) a;
  const LiaMapEntry *y = *(LiaMapEntry * const *) b;

  return strcmp (x->sort_key, y->sort_key);
}

static void
map_add (LiaMap        *map,
         LiaRecordKind  kind,
         gint64         id,
         const char    *name,
         LiaAssessment *assessment)
{
  LiaMapEntry *entry;
  int influence = assessment != NULL ? lia_assessment_get_influence (assessment) : 0;
  int interest = assessment != NULL ? lia_assessment_get_interest (assessment) : 0;
  GPtrArray **cell;

  if (influence < 1 || influence > LIA_MAP_SIZE || interest < 1 || interest > LIA_MAP_SIZE)
    return;

  entry = g_new0 (LiaMapEntry, 1);
  entry->kind = kind;
  entry->id = id;
  entry->name = g_strdup (name);
  entry->sort_key = g_utf8_collate_key (name, -1);
  entry->influence = influence;
  entry->interest = interest;
  entry->stance = lia_assessment_get_stance (assessment);

  cell = &map->cells[influence - 1][interest - 1];
  if (*cell == NULL)
    *cell = g_ptr_array_new_with_free_func ((GDestroyNotify) lia_map_entry_free);
  g_ptr_array_add (*cell, entry);
  map->counts[influence - 1][interest - 1]++;
  map->total++;
}

/* The organization and the people with it on the briefing's day, where they stand now on the
 * influence × interest map, drawn as the window's Stakeholder Map draws it. */
static gboolean
add_map (LiaBriefingBuilder  *self,
         LiaOrganization     *organization,
         GError             **error)
{
  gint64 id = lia_record_get_id (LIA_RECORD (organization));
  g_autoptr(GPtrArray) current = lia_store_list_affiliations_for_organization (self->store, id,
                                                                               self->today, error);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(LiaMap) map = g_new0 (LiaMap, 1);

  if (current == NULL)
    return FALSE;

  map_add (map, LIA_RECORD_KIND_ORGANIZATION, id, lia_record_get_label (LIA_RECORD (organization)),
           lia_organization_get_assessment (organization));
  for (guint i = 0; i < current->len; i++)
    {
      LiaAffiliation *affiliation = g_ptr_array_index (current, i);
      gint64 contact_id = lia_affiliation_get_contact_id (affiliation);
      g_autoptr(LiaRecord) contact = NULL;

      if (g_hash_table_contains (seen, &contact_id))
        continue;
      contact = lia_store_load (self->store, LIA_RECORD_KIND_CONTACT, contact_id, error);
      if (contact == NULL)
        return FALSE;
      g_hash_table_add (seen, g_memdup2 (&contact_id, sizeof contact_id));
      map_add (map, LIA_RECORD_KIND_CONTACT, contact_id, lia_record_get_label (contact),
               lia_contact_get_assessment (LIA_CONTACT (contact)));
    }

  for (guint i = 0; i < LIA_MAP_SIZE; i++)
    for (guint j = 0; j < LIA_MAP_SIZE; j++)
      {
        if (map->cells[i][j] != NULL)
          g_ptr_array_sort (map->cells[i][j], compare_entries);
        else
          map->cells[i][j] = g_ptr_array_new_with_free_func ((GDestroyNotify) lia_map_entry_free);
      }

  lia_briefing_document_add_heading (self->document, 1, _("Stakeholder map"));
  if (map->total == 0)
    {
      g_autofree char *markup = g_markup_escape_text (_("Neither the organization nor its people have been assessed for influence and interest."), -1);

      lia_briefing_document_add_paragraph (self->document, LIA_BRIEFING_STYLE_DETAIL, markup);
      return TRUE;
    }

  /* The map's own proportions: A4 landscape. */
  lia_briefing_document_add_picture (self->document, 595.0 / 842.0, draw_map,
                                     g_steal_pointer (&map), (GDestroyNotify) lia_map_free);
  return TRUE;
}

gboolean
_lia_briefing_add_organization (LiaBriefingBuilder  *self,
                                LiaOrganization     *organization,
                                GError             **error)
{
  gint64 id = lia_record_get_id (LIA_RECORD (organization));
  const char * const *tags = lia_organization_get_tags (organization);
  g_autoptr(GPtrArray) commitments = NULL;
  g_autoptr(GPtrArray) concerns = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *address = NULL;
  guint n_fields = 0;

  self->part_label = lia_organization_get_name (organization);

  subtitle = join_nonblank (" · ", lia_organization_get_sector (organization),
                            lia_organization_get_country (organization), NULL);
  add_title (self, _("Organization briefing"), lia_organization_get_name (organization),
             subtitle[0] != '\0' ? subtitle : NULL);

  lia_briefing_document_add_heading (self->document, 1, _("Profile"));
  n_fields += _lia_briefing_add_field_text (self, _("Short name"), lia_organization_get_short_name (organization));
  n_fields += _lia_briefing_add_field_text (self, _("Sector"), lia_organization_get_sector (organization));
  n_fields += _lia_briefing_add_field_text (self, _("Country"), lia_organization_get_country (organization));
  if (lia_organization_get_parent_id (organization) > 0)
    {
      const char *parent = _lia_briefing_organization_name (self, lia_organization_get_parent_id (organization),
                                                            error);

      if (parent == NULL)
        return FALSE;
      n_fields += _lia_briefing_add_field_text (self, _("Part of"), parent);
    }
  address = join_nonblank (", ", lia_organization_get_street (organization),
                           lia_organization_get_postal_code (organization),
                           lia_organization_get_locality (organization),
                           lia_organization_get_region (organization),
                           lia_organization_get_address_country (organization), NULL);
  n_fields += _lia_briefing_add_field_text (self, _("Address"), address);
  n_fields += _lia_briefing_add_field_text (self, _("Website"), lia_organization_get_website (organization));
  if (!self->redact)
    {
      n_fields += _lia_briefing_add_field_text (self, _("Email"), lia_organization_get_email (organization));
      n_fields += _lia_briefing_add_field_text (self, _("Phone"), lia_organization_get_phone (organization));
    }
  if (tags[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) tags);

      n_fields += _lia_briefing_add_field_text (self, _("Tags"), joined);
    }
  if (n_fields == 0)
    {
      g_autofree char *markup = g_markup_escape_text (_("No details recorded."), -1);

      lia_briefing_document_add_paragraph (self->document, LIA_BRIEFING_STYLE_DETAIL, markup);
    }

  if (!_lia_briefing_add_assessment (self, LIA_RECORD_KIND_ORGANIZATION, id,
                                     lia_organization_get_assessment (organization), error))
    return FALSE;
  if (!_lia_briefing_add_relationship (self, 0, id, error))
    return FALSE;
  if (!add_people (self, organization, error))
    return FALSE;
  if (self->map && !add_map (self, organization, error))
    return FALSE;

  commitments = lia_store_list_open_commitments_involving_organization (self->store, id, self->today,
                                                                        error);
  if (commitments == NULL || !_lia_briefing_add_commitments (self, commitments, error))
    return FALSE;

  concerns = lia_store_list_open_concerns (self->store, 0, id, self->today, error);
  if (concerns == NULL || !_lia_briefing_add_concerns (self, concerns, error))
    return FALSE;

  if (!_lia_briefing_add_interactions (self, 0, id, error))
    return FALSE;

  _lia_briefing_add_notes (self, lia_organization_get_notes (organization));
  return TRUE;
}

static char *
local_time_text (LiaBriefingBuilder *self,
                 const char         *zone_id)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) there = NULL;
  g_autofree char *time = NULL;
  g_autofree char *offset = NULL;
  g_autofree char *weekday = NULL;

  if (lia_text_is_blank (zone_id))
    return NULL;

  zone = g_time_zone_new_identifier (zone_id);
  if (zone == NULL)
    return g_strdup (zone_id);

  there = g_date_time_to_timezone (self->printed_at, zone);
  time = _lia_briefing_format_time (there);
  offset = g_date_time_format (there, "%:z");
  weekday = g_date_time_format (there, "%A");

  /* Translators: a contact's time zone and their local time when the briefing was printed, e.g.
   * "Africa/Nairobi (UTC+03:00): 14:05 on Tuesday when printed". */
  return g_strdup_printf (_("%s (UTC%s): %s on %s when printed"), zone_id, offset, time, weekday);
}

static gboolean
add_affiliations (LiaBriefingBuilder  *self,
                  GPtrArray           *affiliations,
                  GError             **error)
{
  const char *headers[] = { _("Organization"), _("Role"), _("From"), _("Until") };
  const double widths[] = { 3, 2.6, 1.2, 1.2 };

  lia_briefing_document_add_heading (self->document, 1, _("Affiliations"));

  if (affiliations->len == 0)
    {
      g_autofree char *markup = g_markup_escape_text (_("No affiliation recorded."), -1);

      lia_briefing_document_add_paragraph (self->document, LIA_BRIEFING_STYLE_DETAIL, markup);
      return TRUE;
    }

  lia_briefing_document_begin_table (self->document, G_N_ELEMENTS (headers), headers, widths);
  for (guint i = 0; i < affiliations->len; i++)
    {
      LiaAffiliation *affiliation = g_ptr_array_index (affiliations, i);
      const char *name = _lia_briefing_organization_name (self, lia_affiliation_get_organization_id (affiliation),
                                                          error);
      g_autofree char *from = NULL;
      g_autofree char *until = NULL;
      g_autofree char *c0 = NULL;
      g_autofree char *c1 = NULL;
      g_autofree char *c2 = NULL;
      g_autofree char *c3 = NULL;

      if (name == NULL)
        return FALSE;

      from = _lia_briefing_format_short_date (lia_affiliation_get_from (affiliation));
      until = lia_affiliation_get_until (affiliation) != NULL
              ? _lia_briefing_format_short_date (lia_affiliation_get_until (affiliation))
              /* Translators: the end of an affiliation that has not ended. */
              : g_strdup (_("present"));
      c0 = lia_affiliation_get_primary (affiliation)
           ? g_markup_printf_escaped ("<b>%s</b>", name)
           : _lia_briefing_escape (name);
      c1 = _lia_briefing_escape (lia_affiliation_get_role (affiliation));
      c2 = _lia_briefing_escape (from);
      c3 = _lia_briefing_escape (until);
      {
        const char *cells[] = { c0, c1, c2, c3 };

        lia_briefing_document_add_row (self->document, cells);
      }
    }

  return TRUE;
}

static char *
points_text (GListModel *points)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (points); i++)
    {
      g_autoptr(LiaContactPoint) point = g_list_model_get_item (points, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: an email address or phone number and its kind, e.g. "+41 22 791 21 11 (work)". */
      g_string_append_printf (text, _("%s (%s)"), lia_contact_point_get_value (point),
                              lia_labels_contact_point_kind_in_text (lia_contact_point_get_kind (point)));
    }

  return g_strdup (text->str);
}

gboolean
_lia_briefing_add_contact (LiaBriefingBuilder  *self,
                           LiaContact          *contact,
                           GError             **error)
{
  gint64 id = lia_record_get_id (LIA_RECORD (contact));
  g_autoptr(GPtrArray) affiliations = lia_store_list_affiliations_for_contact (self->store, id, error);
  g_autoptr(GPtrArray) commitments = NULL;
  g_autoptr(GPtrArray) concerns = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *local_time = NULL;
  const char *organization = NULL;
  const char * const *languages = lia_contact_get_languages (contact);
  LiaChannel preferred = lia_contact_get_preferred_channel (contact);
  const char *channel = preferred != LIA_CHANNEL_UNSPECIFIED ? lia_labels_channel (preferred) : NULL;

  if (affiliations == NULL)
    return FALSE;

  self->part_label = lia_contact_get_display_name (contact);

  /* The current affiliation names where they work: the primary one when there is one. */
  for (guint i = 0; i < affiliations->len; i++)
    {
      LiaAffiliation *affiliation = g_ptr_array_index (affiliations, i);

      if (!lia_affiliation_is_current_on (affiliation, self->today))
        continue;
      if (organization == NULL || lia_affiliation_get_primary (affiliation))
        {
          organization = _lia_briefing_organization_name (self, lia_affiliation_get_organization_id (affiliation),
                                                          error);
          if (organization == NULL)
            return FALSE;
        }
    }

  subtitle = join_nonblank (" · ", lia_contact_get_job_title (contact), organization, NULL);
  add_title (self, _("Contact briefing"), lia_contact_get_display_name (contact),
             subtitle[0] != '\0' ? subtitle : NULL);

  lia_briefing_document_add_heading (self->document, 1, _("Profile"));
  _lia_briefing_add_field_text (self, _("Known as"), lia_contact_get_nickname (contact));
  _lia_briefing_add_field_text (self, _("Job title"), lia_contact_get_job_title (contact));
  _lia_briefing_add_field_text (self, _("Organization"), organization);
  /* A birthday is personal: a redacted copy leaves it out, as it does addresses. */
  if (!self->redact)
    {
      g_autofree char *birthday = lia_labels_format_birthday (lia_contact_get_birthday (contact));

      _lia_briefing_add_field_text (self, _("Birthday"), birthday);
    }
  if (languages[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) languages);

      _lia_briefing_add_field_text (self, _("Languages"), joined);
    }
  local_time = local_time_text (self, lia_contact_get_time_zone (contact));
  _lia_briefing_add_field_text (self, _("Local time"), local_time);

  lia_briefing_document_add_heading (self->document, 1, _("How to reach"));
  _lia_briefing_add_field_text (self, _("Prefers"), channel);
  if (self->redact)
    {
      g_autofree char *markup = g_markup_escape_text (_("Email addresses and phone numbers are left out of this copy."),
                                                      -1);

      lia_briefing_document_add_paragraph (self->document, LIA_BRIEFING_STYLE_DETAIL, markup);
    }
  else
    {
      g_autofree char *emails = points_text (lia_contact_get_emails (contact));
      g_autofree char *phones = points_text (lia_contact_get_phones (contact));
      g_autofree char *ims = points_text (lia_contact_get_ims (contact));

      _lia_briefing_add_field_text (self, _("Email"), emails);
      _lia_briefing_add_field_text (self, _("Phone"), phones);
      _lia_briefing_add_field_text (self, _("Messaging"), ims);
      if (emails[0] == '\0' && phones[0] == '\0' && channel == NULL)
        {
          g_autofree char *markup = g_markup_escape_text (_("No email address or phone number recorded."), -1);

          lia_briefing_document_add_paragraph (self->document, LIA_BRIEFING_STYLE_DETAIL, markup);
        }
    }

  if (!add_affiliations (self, affiliations, error))
    return FALSE;
  if (!_lia_briefing_add_assessment (self, LIA_RECORD_KIND_CONTACT, id,
                                     lia_contact_get_assessment (contact), error))
    return FALSE;
  if (!_lia_briefing_add_relationship (self, id, 0, error))
    return FALSE;

  commitments = lia_store_list_open_commitments (self->store, id, 0, error);
  if (commitments == NULL || !_lia_briefing_add_commitments (self, commitments, error))
    return FALSE;

  concerns = lia_store_list_open_concerns (self->store, id, 0, self->today, error);
  if (concerns == NULL || !_lia_briefing_add_concerns (self, concerns, error))
    return FALSE;

  if (!_lia_briefing_add_interactions (self, id, 0, error))
    return FALSE;

  _lia_briefing_add_notes (self, lia_contact_get_notes (contact));
  return TRUE;
}

static char *
format_when (LiaInteraction *interaction)
{
  GDateTime *at = lia_interaction_get_at (interaction);
  g_autoptr(GDate) day = _lia_briefing_date_of (at);
  g_autofree char *date = _lia_briefing_format_date (day);
  g_autofree char *weekday = g_date_time_format (at, "%A");
  g_autofree char *start = _lia_briefing_format_time (at);
  g_autofree char *offset = g_date_time_format (at, "%:z");
  guint minutes = lia_interaction_get_duration_minutes (interaction);

  if (minutes > 0)
    {
      g_autoptr(GDateTime) end_time = g_date_time_add_minutes (at, (int) minutes);
      g_autofree char *end = _lia_briefing_format_time (end_time);

      /* Translators: when a meeting is, e.g. "Tuesday 12 March 2025, 10:00–11:30 (UTC+01:00)". */
      return g_strdup_printf (_("%s %s, %s–%s (UTC%s)"), weekday, date, start, end, offset);
    }

  /* Translators: when a meeting is, e.g. "Tuesday 12 March 2025, 10:00 (UTC+01:00)". */
  return g_strdup_printf (_("%s %s, %s (UTC%s)"), weekday, date, start, offset);
}

gboolean
_lia_briefing_add_meeting_pack (LiaBriefingBuilder  *self,
                                LiaInteraction      *interaction,
                                GError             **error)
{
  const GArray *organization_ids = lia_interaction_get_organization_ids (interaction);
  const GArray *contact_ids = lia_interaction_get_contact_ids (interaction);
  g_autoptr(GPtrArray) organizations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *when = format_when (interaction);
  g_autoptr(GDate) day = _lia_briefing_date_of (lia_interaction_get_at (interaction));
  gboolean planned = g_date_compare (day, self->today) > 0;

  self->meeting_id = lia_record_get_id (LIA_RECORD (interaction));
  self->shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  /* Participants deleted meanwhile are simply not there any more. */
  for (guint i = 0; i < organization_ids->len; i++)
    {
      g_autoptr(GError) local_error = NULL;
      LiaRecord *record = lia_store_load (self->store, LIA_RECORD_KIND_ORGANIZATION,
                                          g_array_index (organization_ids, gint64, i), &local_error);

      if (record != NULL)
        g_ptr_array_add (organizations, record);
      else if (!g_error_matches (local_error, LIA_STORE_ERROR, LIA_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  for (guint i = 0; i < contact_ids->len; i++)
    {
      g_autoptr(GError) local_error = NULL;
      LiaRecord *record = lia_store_load (self->store, LIA_RECORD_KIND_CONTACT,
                                          g_array_index (contact_ids, gint64, i), &local_error);

      if (record != NULL)
        g_ptr_array_add (contacts, record);
      else if (!g_error_matches (local_error, LIA_STORE_ERROR, LIA_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  /* The cover. */
  add_title (self, _("Meeting pack"), lia_interaction_get_title (interaction), when);

  lia_briefing_document_add_heading (self->document, 1, _("The meeting"));
  _lia_briefing_add_field_text (self, _("Kind"), lia_labels_interaction_kind (lia_interaction_get_kind (interaction)));
  _lia_briefing_add_field_text (self, _("When"), when);
  _lia_briefing_add_field_text (self, _("Where"), lia_interaction_get_location (interaction));

  lia_briefing_document_add_heading (self->document, 1, _("Participants"));
  if (organizations->len == 0 && contacts->len == 0)
    {
      g_autofree char *markup = g_markup_escape_text (_("No participants recorded."), -1);

      lia_briefing_document_add_paragraph (self->document, LIA_BRIEFING_STYLE_DETAIL, markup);
    }
  else
    {
      const char *headers[] = { _("Participant"), _("Role or sector") };
      const double widths[] = { 1, 1 };

      lia_briefing_document_begin_table (self->document, G_N_ELEMENTS (headers), headers, widths);
      for (guint i = 0; i < organizations->len; i++)
        {
          LiaOrganization *organization = g_ptr_array_index (organizations, i);
          g_autofree char *c0 = g_markup_printf_escaped ("<b>%s</b>", lia_organization_get_name (organization));
          g_autofree char *c1 = _lia_briefing_escape (lia_organization_get_sector (organization));
          const char *cells[] = { c0, c1 };

          lia_briefing_document_add_row (self->document, cells);
        }
      for (guint i = 0; i < contacts->len; i++)
        {
          LiaContact *contact = g_ptr_array_index (contacts, i);
          g_autofree char *c0 = _lia_briefing_escape (lia_contact_get_display_name (contact));
          g_autofree char *c1 = _lia_briefing_escape (lia_contact_get_job_title (contact));
          const char *cells[] = { c0, c1 };

          lia_briefing_document_add_row (self->document, cells);
        }
    }

  _lia_briefing_add_user_text (self, LIA_BRIEFING_STYLE_BODY,
                               planned ? _("Agenda:") : _("Summary:"),
                               lia_interaction_get_summary (interaction));
  _lia_briefing_add_user_text (self, LIA_BRIEFING_STYLE_BODY, _("Outcome:"),
                               lia_interaction_get_outcome (interaction));

  if (organizations->len + contacts->len > 1)
    {
      g_autofree char *markup =
        g_markup_escape_text (_("Each participant has a briefing of their own below. What concerns "
                                "several of them (a commitment, a concern, an interaction) is "
                                "described once, in the first briefing it belongs to."), -1);

      lia_briefing_document_add_paragraph (self->document, LIA_BRIEFING_STYLE_DETAIL, markup);
    }

  for (guint i = 0; i < organizations->len; i++)
    {
      lia_briefing_document_add_page_break (self->document);
      if (!_lia_briefing_add_organization (self, g_ptr_array_index (organizations, i), error))
        return FALSE;
    }
  for (guint i = 0; i < contacts->len; i++)
    {
      lia_briefing_document_add_page_break (self->document);
      if (!_lia_briefing_add_contact (self, g_ptr_array_index (contacts, i), error))
        return FALSE;
    }

  return TRUE;
}

void
_lia_briefing_add_title (LiaBriefingBuilder *self,
                         const char         *kicker,
                         const char         *title,
                         const char         *subtitle)
{
  add_title (self, kicker, title, subtitle);
}
