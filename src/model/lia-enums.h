/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Every enum is registered as a GType (lia-enum-types.h, generated) so that GTK can bind it.
 * Nicks ("advocate", "in-person", ...) are what the database and the XML exchange store:
 * reordering members never changes stored data. */

typedef enum {
  LIA_STANCE_UNKNOWN,
  LIA_STANCE_ADVOCATE,
  LIA_STANCE_SUPPORTIVE,
  LIA_STANCE_NEUTRAL,
  LIA_STANCE_CONCERNED,
  LIA_STANCE_OPPOSED,
} LiaStance;

typedef enum {
  LIA_INTERACTION_KIND_MEETING,
  LIA_INTERACTION_KIND_CALL,
  LIA_INTERACTION_KIND_EMAIL,
  LIA_INTERACTION_KIND_EVENT,
  LIA_INTERACTION_KIND_VISIT,
  LIA_INTERACTION_KIND_LETTER,
  LIA_INTERACTION_KIND_NOTE,
} LiaInteractionKind;

typedef enum {
  LIA_COMMITMENT_DIRECTION_OURS,   /* we owe them */
  LIA_COMMITMENT_DIRECTION_THEIRS, /* they owe us */
} LiaCommitmentDirection;

typedef enum {
  LIA_COMMITMENT_STATUS_OPEN,
  LIA_COMMITMENT_STATUS_DONE,
  LIA_COMMITMENT_STATUS_CANCELLED,
} LiaCommitmentStatus;

/* How soon a commitment is due, as Follow-ups groups it, by the local day: derived from the
 * status and due date, never stored. */
typedef enum {
  LIA_COMMITMENT_URGENCY_OVERDUE,   /* open, due before today */
  LIA_COMMITMENT_URGENCY_THIS_WEEK, /* open, due today or in the 6 days after */
  LIA_COMMITMENT_URGENCY_LATER,     /* open, due after that, or without a due date */
  LIA_COMMITMENT_URGENCY_CLOSED,    /* done or cancelled */
} LiaCommitmentUrgency;

typedef enum {
  LIA_CONCERN_STATUS_OPEN,
  LIA_CONCERN_STATUS_MEDIATING,
  LIA_CONCERN_STATUS_RESOLVED,
  LIA_CONCERN_STATUS_CLOSED,
} LiaConcernStatus;

typedef enum {
  LIA_SEVERITY_LOW,
  LIA_SEVERITY_MEDIUM,
  LIA_SEVERITY_HIGH,
  LIA_SEVERITY_CRITICAL,
} LiaSeverity;

typedef enum {
  LIA_PROJECT_STATUS_PLANNED,
  LIA_PROJECT_STATUS_ACTIVE,
  LIA_PROJECT_STATUS_ON_HOLD,
  LIA_PROJECT_STATUS_COMPLETED,
  LIA_PROJECT_STATUS_CANCELLED,
} LiaProjectStatus;

typedef enum {
  LIA_MILESTONE_STATUS_OPEN,
  LIA_MILESTONE_STATUS_DONE,
  LIA_MILESTONE_STATUS_MISSED,
} LiaMilestoneStatus;

typedef enum {
  LIA_RISK_STATUS_OPEN,
  LIA_RISK_STATUS_MITIGATING,
  LIA_RISK_STATUS_CLOSED,
  LIA_RISK_STATUS_OCCURRED,
} LiaRiskStatus;

typedef enum {
  LIA_CONTACT_POINT_KIND_WORK,
  LIA_CONTACT_POINT_KIND_HOME,
  LIA_CONTACT_POINT_KIND_MOBILE,
  LIA_CONTACT_POINT_KIND_FAX,
  LIA_CONTACT_POINT_KIND_OTHER,
} LiaContactPointKind;

typedef enum {
  LIA_CHANNEL_UNSPECIFIED,
  LIA_CHANNEL_EMAIL,
  LIA_CHANNEL_PHONE,
  LIA_CHANNEL_MESSAGING,
  LIA_CHANNEL_IN_PERSON,
  LIA_CHANNEL_LETTER,
} LiaChannel;

typedef enum {
  LIA_RECORD_KIND_ORGANIZATION,
  LIA_RECORD_KIND_CONTACT,
  LIA_RECORD_KIND_AFFILIATION,
  LIA_RECORD_KIND_INTERACTION,
  LIA_RECORD_KIND_COMMITMENT,
  LIA_RECORD_KIND_CONCERN,
  LIA_RECORD_KIND_PROJECT,
} LiaRecordKind;

#define LIA_MODEL_ERROR (lia_model_error_quark ())

typedef enum {
  LIA_MODEL_ERROR_INVALID,
} LiaModelError;

GQuark       lia_model_error_quark (void);

/* The stored name of @value, or %NULL when @value is not a member of @enum_type. */
const char  *lia_enum_to_nick      (GType        enum_type,
                                    int          value);
/* Parses a stored name; an unknown one is a LIA_MODEL_ERROR_INVALID that lists the valid names,
 * e.g. "“teleport” is not an interaction kind (expected meeting, call, email, …)". */
gboolean     lia_enum_from_nick    (GType        enum_type,
                                    const char  *nick,
                                    int         *out_value,
                                    GError     **error);

/* Parses "YYYY-MM-DD" (exactly that form); %NULL and a LIA_MODEL_ERROR_INVALID otherwise. */
GDate       *lia_date_parse_iso    (const char  *text,
                                    GError     **error);
/* "YYYY-MM-DD", or %NULL for a %NULL or invalid date. */
char        *lia_date_to_iso       (const GDate *date);
/* Today in the local time zone. */
GDate       *lia_date_new_today    (void);
gboolean     lia_date_equal        (const GDate *a,
                                    const GDate *b);

/* Whether @text is NULL, empty or only white space (Unicode-aware): what "no name" means. */
gboolean     lia_text_is_blank     (const char  *text);
/* Tidies a list of tags or language codes: trims each entry, drops empty ones and later
 * duplicates (compared with g_utf8_casefold() when @ignore_case), keeps the order and the first
 * spelling. Never returns %NULL: an empty vector when nothing is left. */
char       **lia_strv_tidy         (const char * const *entries,
                                    gboolean     ignore_case);

G_END_DECLS
