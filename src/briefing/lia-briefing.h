/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-store.h"
#include "lia-briefing-document.h"
#include "lia-briefing-layout.h"

G_BEGIN_DECLS

/* Stakeholder briefings: what a liaison officer takes into a meeting. lia_briefing_build()
 * gathers the content from the store into a LiaBriefingDocument; LiaBriefingLayout lays it out
 * on pages of any size and draws them on any cairo context; lia_briefing_write_pdf() does both
 * for a file. Nothing here needs a display. */

#define LIA_BRIEFING_ERROR (lia_briefing_error_quark ())

typedef enum {
  LIA_BRIEFING_ERROR_NOT_FOUND,  /* no record with that id */
  LIA_BRIEFING_ERROR_INVALID,    /* the request cannot be met (wrong kind of record, …) */
  LIA_BRIEFING_ERROR_WRITE,      /* the PDF could not be written */
} LiaBriefingError;

GQuark lia_briefing_error_quark (void);

typedef enum {
  LIA_BRIEFING_PAPER_A4,
  LIA_BRIEFING_PAPER_LETTER,
} LiaBriefingPaper;

/* How many interactions a briefing lists when the request says 0. */
#define LIA_BRIEFING_DEFAULT_INTERACTIONS 10

/**
 * LiaBriefingRequest:
 * @kind: LIA_RECORD_KIND_ORGANIZATION or LIA_RECORD_KIND_CONTACT for a briefing on one
 *   stakeholder, LIA_RECORD_KIND_INTERACTION for a meeting pack, LIA_RECORD_KIND_PROJECT for a
 *   project status report
 * @id: the record's database id, or 0 to find it by @uid
 * @uid: the record's uid (the `id` of partner directories), used when @id is 0
 * @since: how far back the history goes (assessment changes, departures, interactions);
 *   %NULL for a year before @today
 * @max_interactions: how many interactions to list, newest first; 0 for
 *   %LIA_BRIEFING_DEFAULT_INTERACTIONS
 * @redact: leave out notes, email addresses and phone numbers (for a copy that leaves the
 *   office)
 * @map: add the stakeholder map of the organization and its people (organization briefings)
 * @today: the day the briefing is as of (overdue, "last 90 days"); %NULL for today
 * @printed_at: the time printed in the footer; %NULL for now
 */
typedef struct
{
  LiaRecordKind  kind;
  gint64         id;
  const char    *uid;
  const GDate   *since;
  guint          max_interactions;
  gboolean       redact;
  gboolean       map;
  const GDate   *today;
  GDateTime     *printed_at;
} LiaBriefingRequest;

/* Gathers the briefing. A record that is not there is LIA_BRIEFING_ERROR_NOT_FOUND, with a
 * message naming the id and the database; store failures come as they are. */
LiaBriefingDocument *lia_briefing_build            (LiaStore                  *store,
                                                    const LiaBriefingRequest  *request,
                                                    GError                   **error);

/* The paper of the user's locale (LC_PAPER): Letter where it is US Letter, else A4. */
LiaBriefingPaper     lia_briefing_paper_from_locale (void);
/* "a4" or "letter" (case ignored); FALSE for anything else. */
gboolean             lia_briefing_paper_from_name  (const char                *name,
                                                    LiaBriefingPaper          *out_paper);
void                 lia_briefing_paper_get_size   (LiaBriefingPaper           paper,
                                                    double                    *out_width,
                                                    double                    *out_height);

/* Lays @document out on @paper and writes it to @path as PDF, replacing the file only once it
 * is complete. @out_n_pages (may be %NULL) receives the number of pages. */
gboolean             lia_briefing_write_pdf        (LiaBriefingDocument       *document,
                                                    LiaBriefingPaper           paper,
                                                    const char                *path,
                                                    guint                     *out_n_pages,
                                                    GError                   **error);

/* Writes pages already laid out, for a caller that also shows or measures them. */
gboolean             lia_briefing_layout_write_pdf (LiaBriefingLayout         *layout,
                                                    const char                *path,
                                                    GError                   **error);

G_END_DECLS
