/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lia-record.h"
#include "lia-postal-address.h"

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

/* "nickname": free text. "birthday": "YYYY-MM-DD", or "--MM-DD" when the year is unknown (as
 * vCard writes it), "" when none; validation refuses anything else. */
const char   *lia_contact_get_nickname          (LiaContact *self);
void          lia_contact_set_nickname          (LiaContact *self, const char *nickname);
const char   *lia_contact_get_birthday          (LiaContact *self);
void          lia_contact_set_birthday          (LiaContact *self, const char *birthday);
/* Whether @birthday is "" or one of the two forms above, with a real day of the year. */
gboolean      lia_contact_birthday_is_valid     (const char *birthday);

/* GListModel of LiaPostalAddress, owned by the contact; "addresses" is notified when an
 * address is added or removed (not when one is edited in place). */
GListModel   *lia_contact_get_addresses         (LiaContact *self);
void          lia_contact_add_address           (LiaContact *self, LiaPostalAddress *address);
void          lia_contact_remove_address        (LiaContact *self, guint position);
void          lia_contact_clear_addresses       (LiaContact *self);

/* Websites (URLs) and instant-messaging handles, kept as URIs with their service as scheme
 * ("xmpp:ana@example.org", "sip:…", "skype:…"): GListModels of LiaContactPoint, like emails. */
GListModel   *lia_contact_get_websites          (LiaContact *self);
void          lia_contact_add_website           (LiaContact *self, LiaContactPointKind kind, const char *url);
void          lia_contact_remove_website        (LiaContact *self, guint position);
void          lia_contact_clear_websites        (LiaContact *self);
GListModel   *lia_contact_get_ims               (LiaContact *self);
void          lia_contact_add_im                (LiaContact *self, LiaContactPointKind kind, const char *uri);
void          lia_contact_remove_im             (LiaContact *self, guint position);
void          lia_contact_clear_ims             (LiaContact *self);
/* Whether @uri has the form "scheme:something". */
gboolean      lia_contact_im_is_valid           (const char *uri);

/* The photo: image bytes and their MIME type ("image/jpeg"), NULL and "" when none. Setting
 * NULL (or empty bytes) removes it. Lists load contacts without their photo: such a contact
 * says lia_contact_get_photo_loaded() FALSE, and saving it leaves the stored photo alone.
 * lia_contact_new() starts with a loaded, empty photo; lia_contact_forget_photo() returns a
 * contact to "not loaded" (an importer whose record says nothing of a photo can use it to keep
 * the photo of the contact it merges into). copy_from() copies the photo, or that it was not
 * loaded. */
GBytes       *lia_contact_get_photo             (LiaContact *self);
const char   *lia_contact_get_photo_mime_type   (LiaContact *self);
void          lia_contact_set_photo             (LiaContact *self, GBytes *bytes, const char *mime_type);
gboolean      lia_contact_get_photo_loaded      (LiaContact *self);
void          lia_contact_forget_photo          (LiaContact *self);

G_END_DECLS
