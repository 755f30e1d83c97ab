/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-briefing"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "lia-briefing-builder-private.h"

static void
builder_clear (LiaBriefingBuilder *self)
{
  g_clear_object (&self->document);
  g_clear_pointer (&self->today, g_date_free);
  g_clear_pointer (&self->since, g_date_free);
  g_clear_pointer (&self->printed_at, g_date_time_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->shown, g_hash_table_unref);
}

static LiaRecord *
load_subject (LiaStore                  *store,
              const LiaBriefingRequest  *request,
              GError                   **error)
{
  g_autoptr(GError) local_error = NULL;
  LiaRecord *record;

  if (request->id > 0)
    record = lia_store_load (store, request->kind, request->id, &local_error);
  else
    record = lia_store_load_by_uid (store, request->kind, request->uid, &local_error);

  if (record != NULL)
    return record;

  if (!g_error_matches (local_error, LIA_STORE_ERROR, LIA_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (request->id > 0)
    /* Translators: "No contact with database id 42 in /home/me/liaison.db." */
    g_set_error (error, LIA_BRIEFING_ERROR, LIA_BRIEFING_ERROR_NOT_FOUND,
                 _("No %s with database id %" PRId64 " in %s."),
                 lia_labels_record_kind_noun (request->kind), request->id, lia_store_get_display_name (store));
  else
    /* Translators: "No contact with id “c-044” in /home/me/liaison.db." */
    g_set_error (error, LIA_BRIEFING_ERROR, LIA_BRIEFING_ERROR_NOT_FOUND,
                 _("No %s with id “%s” in %s."),
                 lia_labels_record_kind_noun (request->kind), request->uid, lia_store_get_display_name (store));
  return NULL;
}

LiaBriefingDocument *
lia_briefing_build (LiaStore                  *store,
                    const LiaBriefingRequest  *request,
                    GError                   **error)
{
  LiaBriefingBuilder self = { 0, };
  g_autoptr(LiaRecord) subject = NULL;
  g_autofree char *running_title = NULL;
  g_autofree char *printed_date = NULL;
  g_autofree char *printed_time = NULL;
  g_autofree char *printed = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (LIA_IS_STORE (store), NULL);
  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (request->id > 0 || request->uid != NULL, NULL);

  if (request->kind != LIA_RECORD_KIND_ORGANIZATION &&
      request->kind != LIA_RECORD_KIND_CONTACT &&
      request->kind != LIA_RECORD_KIND_INTERACTION &&
      request->kind != LIA_RECORD_KIND_PROJECT)
    {
      g_set_error (error, LIA_BRIEFING_ERROR, LIA_BRIEFING_ERROR_INVALID,
                   _("Briefings are made for an organization, a contact, an interaction or a project."));
      return NULL;
    }

  subject = load_subject (store, request, error);
  if (subject == NULL)
    return NULL;

  self.store = store;
  self.today = g_date_new ();
  if (request->today != NULL && g_date_valid (request->today))
    *self.today = *request->today;
  else
    {
      g_autoptr(GDate) today = lia_date_new_today ();

      *self.today = *today;
    }
  self.since = g_date_new ();
  if (request->since != NULL && g_date_valid (request->since))
    *self.since = *request->since;
  else
    {
      *self.since = *self.today;
      g_date_subtract_years (self.since, 1);
    }
  self.printed_at = request->printed_at != NULL ? g_date_time_ref (request->printed_at)
                                                : g_date_time_new_now_local ();
  self.max_interactions = request->max_interactions > 0 ? request->max_interactions
                                                        : LIA_BRIEFING_DEFAULT_INTERACTIONS;
  self.redact = request->redact;
  self.map = request->map;
  self.names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  switch (request->kind)
    {
    case LIA_RECORD_KIND_ORGANIZATION:
      /* Translators: the running title at the top of each page; %s is an organization's name. */
      running_title = g_strdup_printf (_("Organization briefing: %s"), lia_record_get_label (subject));
      break;
    case LIA_RECORD_KIND_CONTACT:
      /* Translators: the running title at the top of each page; %s is a person's name. */
      running_title = g_strdup_printf (_("Contact briefing: %s"), lia_record_get_label (subject));
      break;
    case LIA_RECORD_KIND_PROJECT:
      /* Translators: the running title at the top of each page; %s is a project's name. */
      running_title = g_strdup_printf (_("Project status report: %s"), lia_record_get_label (subject));
      break;
    case LIA_RECORD_KIND_INTERACTION:
    default:
      /* Translators: the running title at the top of each page; %s is a meeting's title. */
      running_title = g_strdup_printf (_("Meeting pack: %s"), lia_record_get_label (subject));
      break;
    }

  self.document = lia_briefing_document_new (running_title);

  {
    g_autoptr(GDate) day = _lia_briefing_date_of (self.printed_at);

    printed_date = _lia_briefing_format_date (day);
    printed_time = _lia_briefing_format_time (self.printed_at);
    /* Translators: in the footer: when the briefing was printed, e.g. "Printed 12 March 2025, 09:14". */
    printed = g_strdup_printf (_("Printed %s, %s"), printed_date, printed_time);
  }
  lia_briefing_document_set_footer (self.document,
                                    request->redact
                                    /* Translators: the marking in the footer of a copy without
                                     * notes and contact details, for outside the office. */
                                    ? _("Confidential · redacted copy")
                                    : _("Confidential"),
                                    printed);

  switch (request->kind)
    {
    case LIA_RECORD_KIND_ORGANIZATION:
      ok = _lia_briefing_add_organization (&self, LIA_ORGANIZATION (subject), error);
      break;
    case LIA_RECORD_KIND_CONTACT:
      ok = _lia_briefing_add_contact (&self, LIA_CONTACT (subject), error);
      break;
    case LIA_RECORD_KIND_PROJECT:
      ok = _lia_briefing_add_project (&self, LIA_PROJECT (subject), error);
      break;
    case LIA_RECORD_KIND_INTERACTION:
    default:
      ok = _lia_briefing_add_meeting_pack (&self, LIA_INTERACTION (subject), error);
      break;
    }

  if (!ok)
    {
      builder_clear (&self);
      return NULL;
    }

  {
    LiaBriefingDocument *document = g_steal_pointer (&self.document);

    builder_clear (&self);
    return document;
  }
}
