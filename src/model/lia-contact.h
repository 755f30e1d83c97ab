/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lia-record.h"

G_BEGIN_DECLS

#define LIA_TYPE_CONTACT (lia_contact_get_type ())

G_DECLARE_FINAL_TYPE (LiaContact, lia_contact, LIA, CONTACT, LiaRecord)

/* A person at one or more partner organizations. Properties: "honorific", "given-name",
 * "family-name", "suffix", "display-name", "job-title", "time-zone" (IANA id such as
 * "Africa/Nairobi"), "preferred-channel" (LiaChannel), "notes", "languages" (GStrv of BCP 47
 * tags), "tags" (GStrv), "assessment" (read-only, owned). Emails and phones are list models of
 * LiaContactPoint, in order of preference; changing them notifies "emails" / "phones".
 *
 * "display-name" is what lists show. When it is empty, lia_contact_get_display_name() returns a
 * name composed from honorific, given, family name and suffix, so a contact always has a label.
 * A contact needs at least a display, given or family name to be valid. */

LiaContact   *lia_contact_new                   (const char *given_name,
                                                 const char *family_name);

const char   *lia_contact_get_honorific         (LiaContact *self);
void          lia_contact_set_honorific         (LiaContact *self, const char *honorific);
const char   *lia_contact_get_given_name        (LiaContact *self);
void          lia_contact_set_given_name        (LiaContact *self, const char *given_name);
const char   *lia_contact_get_family_name       (LiaContact *self);
void          lia_contact_set_family_name       (LiaContact *self, const char *family_name);
const char   *lia_contact_get_suffix            (LiaContact *self);
void          lia_contact_set_suffix            (LiaContact *self, const char *suffix);
const char   *lia_contact_get_display_name      (LiaContact *self);
void          lia_contact_set_display_name      (LiaContact *self, const char *display_name);
/* The stored display name only: "" when the label is composed from the parts. */
const char   *lia_contact_get_explicit_display_name (LiaContact *self);
const char   *lia_contact_get_job_title         (LiaContact *self);
void          lia_contact_set_job_title         (LiaContact *self, const char *job_title);
const char   *lia_contact_get_time_zone         (LiaContact *self);
void          lia_contact_set_time_zone         (LiaContact *self, const char *time_zone);
LiaChannel    lia_contact_get_preferred_channel (LiaContact *self);
void          lia_contact_set_preferred_channel (LiaContact *self, LiaChannel channel);
const char   *lia_contact_get_notes             (LiaContact *self);
void          lia_contact_set_notes             (LiaContact *self, const char *notes);
const char * const *lia_contact_get_languages   (LiaContact *self);
void          lia_contact_set_languages         (LiaContact *self, const char * const *languages);
const char * const *lia_contact_get_tags        (LiaContact *self);
void          lia_contact_set_tags              (LiaContact *self, const char * const *tags);
LiaAssessment *lia_contact_get_assessment       (LiaContact *self);

/* GListModel of LiaContactPoint, owned by the contact. */
GListModel   *lia_contact_get_emails            (LiaContact *self);
void          lia_contact_add_email             (LiaContact *self, LiaContactPointKind kind, const char *address);
GListModel   *lia_contact_get_phones            (LiaContact *self);
void          lia_contact_add_phone             (LiaContact *self, LiaContactPointKind kind, const char *number);
void          lia_contact_remove_email          (LiaContact *self, guint position);
void          lia_contact_remove_phone          (LiaContact *self, guint position);
void          lia_contact_clear_emails          (LiaContact *self);
void          lia_contact_clear_phones          (LiaContact *self);

G_END_DECLS
