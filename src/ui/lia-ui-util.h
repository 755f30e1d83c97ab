/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-labels.h"
#include "lia-store.h"
#include "lia-list-model.h"

G_BEGIN_DECLS

/* Small helpers shared by the views, details and editors: dates as people read them, names
 * of linked records, and row builders. The words for the model's values (lia_labels_*) are in
 * lia-labels.h, included here for the views. */

const char *lia_ui_interaction_kind_icon_name (LiaInteractionKind     kind);

/* "Today", "Yesterday", or "Monday, 3 March 2025": the day of @at in its own offset. */
char       *lia_ui_format_day                 (GDateTime             *at);
/* Whether @a and @b fall on the same day, each in its own offset: a timeline's day headings. */
gboolean    lia_ui_same_day                   (GDateTime             *a,
                                               GDateTime             *b);
/* "14:05" in @at's own offset. */
char       *lia_ui_format_time                (GDateTime             *at);
/* "14:05 in Nairobi" for an IANA zone id, or %NULL when the zone is unknown or empty. */
char       *lia_ui_format_local_time          (const char            *zone_id,
                                               GDateTime             *now);
/* "since 2019-03-01", "2015-01-01 – 2019-06-30", or "" when neither end is known. */
char       *lia_ui_format_period              (const GDate           *from,
                                               const GDate           *until);

/* The label of a linked record ("World Health Organization"), or a placeholder when it has
 * gone. Cached per store and forgotten on every change. */
char       *lia_ui_dup_record_label           (LiaStore              *store,
                                               LiaRecordKind          kind,
                                               gint64                 id);
/* "Amina Diallo, WHO" for an interaction's participants (first few, then "and 3 more"); the
 * names from @names (nullable: a timeline model, which reads them with its pages) when it
 * has them, from the store otherwise. */
char       *lia_ui_dup_participants           (LiaStore              *store,
                                               LiaListModel          *names,
                                               LiaInteraction        *interaction);

/* Who @contact is now: "Director · World Health Organization" from their main current
 * affiliation (the job title when it names no role), else the job title; "" when neither. */
char       *lia_ui_dup_contact_context        (LiaStore              *store,
                                               LiaContact            *contact);
/* The same, or %NULL with @error when their affiliations could not be read (a detail page
 * says so rather than show only the job title). */
char       *lia_ui_read_contact_context       (LiaStore              *store,
                                               LiaContact            *contact,
                                               GError               **error);

/* Removes every child of a GtkBox or GtkListBox. */
void        lia_ui_remove_all                 (GtkWidget             *container);
/* An AdwActionRow that opens a record through "win.open-record" when activated. */
GtkWidget  *lia_ui_record_row_new             (LiaRecordKind          kind,
                                               gint64                 id,
                                               const char            *title,
                                               const char            *subtitle);
/* An AdwActionRow with @value as its title and @label ("Email", "Country") as its subtitle,
 * as GNOME Contacts shows details; %NULL when @value is empty. Neither is markup. */
GtkWidget  *lia_ui_property_row_new           (const char            *label,
                                               const char            *value);
/* A row holding only @text (notes, which their group already names); %NULL when empty. */
GtkWidget  *lia_ui_text_row_new               (const char            *text);
/* A row saying why a group is empty: @title ("Nothing open") over @description. */
GtkWidget  *lia_ui_placeholder_row_new        (const char            *title,
                                               const char            *description);
/* A row for an open commitment: title, due date (overdue in red), a done button. */
GtkWidget  *lia_ui_commitment_row_new         (LiaStore              *store,
                                               LiaCommitment         *commitment);
/* The GVariant "(ix)" that "win.open-record" and friends take. */
GVariant   *lia_ui_record_target              (LiaRecordKind          kind,
                                               gint64                 id);

G_END_DECLS

G_BEGIN_DECLS

/* Builders for the detail panes, which rebuild their content box on every change. */
/* Appends an AdwPreferencesGroup to @content and returns it. */
GtkWidget  *lia_ui_group_new                  (GtkWidget             *content,
                                               const char            *title,
                                               const char            *description);
/* The top of a detail pane: an avatar with initials (or @icon_name), a title, a subtitle. */
GtkWidget  *lia_ui_detail_header_new          (const char            *avatar_text,
                                               const char            *icon_name,
                                               const char            *title,
                                               const char            *subtitle);
/* Shows @photo (may be %NULL: the initials) in the avatar of a header made above. */
void        lia_ui_detail_header_set_photo    (GtkWidget             *header,
                                               GdkPaintable          *photo);
/* The contact's photo as a texture, or %NULL when there is none (or it is not an image GTK
 * can read). Made once per photo and kept with the contact. */
GdkPaintable *lia_ui_contact_photo            (LiaContact            *contact);
/* A pill button bound to a window action with a target. */
GtkWidget  *lia_ui_action_button_new          (const char            *label,
                                               const char            *action_name,
                                               GVariant              *target);
/* A centred row of action buttons that wraps onto more lines when the
 * pane is narrow, so a detail page never forces the window wider. */
GtkWidget  *lia_ui_action_bar_new             (void);
void        lia_ui_action_bar_add             (GtkWidget             *bar,
                                               GtkWidget             *button);

G_END_DECLS

G_BEGIN_DECLS

/* Adds @row (may be %NULL) to an AdwPreferencesGroup; returns 1 when it did, else 0. */
guint       lia_ui_group_add                  (GtkWidget             *group,
                                               GtkWidget             *row);
/* A flat icon button for a row's suffix, bound to @action_name with @target (floating). */
GtkWidget  *lia_ui_suffix_button_new          (const char            *icon_name,
                                               const char            *tooltip,
                                               const char            *action_name,
                                               GVariant              *target);
/* A property row for an address, number or site (@value as its title, @title as its
 * subtitle), with a button that opens @uri_prefix followed by @value ("win.open-uri") and one
 * that copies @value ("win.copy"). %NULL when @value is empty. */
GtkWidget  *lia_ui_link_row_new               (const char            *title,
                                               const char            *value,
                                               const char            *uri_prefix,
                                               const char            *icon_name,
                                               const char            *tooltip);

G_END_DECLS
