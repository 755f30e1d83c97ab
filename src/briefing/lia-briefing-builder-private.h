/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-briefing.h"
#include "lia-store-reports.h"

G_BEGIN_DECLS

/* What the parts of a briefing share while it is gathered. */
typedef struct
{
  LiaStore            *store;
  LiaBriefingDocument *document;
  GDate               *today;
  GDate               *since;
  GDateTime           *printed_at;
  guint                max_interactions;
  gboolean             redact;
  gboolean             map;
  GHashTable          *names;         /* "o42" / "c7" → label */
  /* Meeting packs: "m12" (commitment), "n3" (concern), "i9" (interaction) → the label of the
   * part that showed it first, so that later parts refer to it rather than repeat it. NULL in
   * a single briefing. */
  GHashTable          *shown;
  const char          *part_label;
  gint64               meeting_id;    /* left out of the interaction lists: it is the cover */
} LiaBriefingBuilder;

/* lia-briefing-builder.c: formatting. Everything returned is Pango markup unless it says
 * "text". */
char       *_lia_briefing_escape          (const char          *text);
char       *_lia_briefing_format_date     (const GDate         *date);      /* text */
char       *_lia_briefing_format_short_date (const GDate       *date);      /* text */
char       *_lia_briefing_format_time     (GDateTime           *time);      /* text */
GDate      *_lia_briefing_date_of         (GDateTime           *time);
/* The name of a record, loaded once; "(deleted)" when it is gone. Text. */
const char *_lia_briefing_organization_name (LiaBriefingBuilder *self,
                                             gint64              id,
                                             GError            **error);
const char *_lia_briefing_contact_name    (LiaBriefingBuilder  *self,
                                           gint64               id,
                                           GError             **error);
/* Adds nothing for blank @text; returns whether it added the field. */
gboolean    _lia_briefing_add_field_text  (LiaBriefingBuilder  *self,
                                           const char          *label,
                                           const char          *text);
/* The user's own multi-line text (notes, summaries) as paragraphs in @style. */
void        _lia_briefing_add_user_text   (LiaBriefingBuilder  *self,
                                           LiaBriefingStyle     style,
                                           const char          *prefix,
                                           const char          *text);

/* lia-briefing-builder.c: the sections a stakeholder briefing is made of. */
gboolean    _lia_briefing_add_assessment  (LiaBriefingBuilder  *self,
                                           LiaRecordKind        kind,
                                           gint64               id,
                                           LiaAssessment       *current,
                                           GError             **error);
gboolean    _lia_briefing_add_relationship (LiaBriefingBuilder *self,
                                            gint64              contact_id,
                                            gint64              organization_id,
                                            GError            **error);
gboolean    _lia_briefing_add_commitments (LiaBriefingBuilder  *self,
                                           GPtrArray           *commitments,
                                           GError             **error);
gboolean    _lia_briefing_add_concerns    (LiaBriefingBuilder  *self,
                                           GPtrArray           *concerns,
                                           GError             **error);
gboolean    _lia_briefing_add_interactions (LiaBriefingBuilder *self,
                                            gint64              contact_id,
                                            gint64              organization_id,
                                            GError            **error);
void        _lia_briefing_add_notes       (LiaBriefingBuilder  *self,
                                           const char          *notes);

/* A muted line ("No open commitments."); plain text. */
void        _lia_briefing_add_detail      (LiaBriefingBuilder  *self,
                                           const char          *text);
/* One interaction: its date and title, then kind, time, place, people, mood, summary and
 * outcome. */
gboolean    _lia_briefing_add_interaction_entry (LiaBriefingBuilder *self,
                                                 LiaInteraction     *interaction,
                                                 GError            **error);

/* lia-briefing-subjects.c: the three kinds of briefing. */
gboolean    _lia_briefing_add_organization (LiaBriefingBuilder *self,
                                            LiaOrganization    *organization,
                                            GError            **error);
gboolean    _lia_briefing_add_contact     (LiaBriefingBuilder  *self,
                                           LiaContact          *contact,
                                           GError             **error);
gboolean    _lia_briefing_add_meeting_pack (LiaBriefingBuilder *self,
                                            LiaInteraction     *interaction,
                                            GError            **error);

/* The kicker ("PROJECT STATUS REPORT"), the title and the line under it (may be %NULL). */
void        _lia_briefing_add_title       (LiaBriefingBuilder  *self,
                                           const char          *kicker,
                                           const char          *title,
                                           const char          *subtitle);

/* lia-briefing-project.c: the project status report. */
gboolean    _lia_briefing_add_project     (LiaBriefingBuilder  *self,
                                           LiaProject          *project,
                                           GError             **error);

G_END_DECLS
