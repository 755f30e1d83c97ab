/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-import-private.h"

G_BEGIN_DECLS

/* Reading the partner directory, version 1 (docs/partner-directory.md), in three parts:
 * lia-directory-values.c reads values and reports problems, lia-directory-reader.c reads each
 * kind of record, lia-directory-import.c stores them and resolves references. */

typedef enum {
  REF_PARENT,
  REF_AFFILIATION,
  REF_PARTICIPANT,
  REF_COUNTERPART,
  REF_ORIGIN,
  REF_PARTY,
  REF_RELATED,
  REF_STAKEHOLDER,
  REF_RISK_OWNER,
  REF_LINK,
} RefRole;

typedef struct
{
  RefRole        role;
  LiaRecordKind  kind;
  char          *uid;
  xmlNode       *node;
  const char    *attribute;
  gint64         id;
  /* REF_AFFILIATION: the affiliation; REF_PARTY: the position, REF_STAKEHOLDER: the role (a
   * string, owned); REF_RISK_OWNER: the risk (the record owns it). */
  gpointer       extra;
} Ref;

typedef struct
{
  LiaImport     *import;
  xmlNode       *node;
  LiaRecordKind  kind;
  const char    *uid;      /* of the record, for messages */
  GArray        *refs;     /* Ref */
  GPtrArray     *affiliations;
  gboolean       bad;      /* a value is wrong: the record is not stored */
} Parse;

/* Calls through the element children of @node; foreign ones are counted and skipped, text
 * between children must be white space. */
#define FOR_EACH_CHILD(p, parent, child) \
  for (xmlNode *child = (parent)->children; child != NULL; child = child->next) \
    if (!_lia_pd_child_is_ours (p, parent, child)) continue; else

/* lia-directory-values.c: reading one record's element, and saying what is wrong with it:
 * "contact “c-044”: …". Every value function reports its own problem and returns nothing
 * (%NULL, FALSE) for a missing or wrong value. */
void        _lia_pd_problem          (Parse *p, xmlNode *node, const char *attribute,
                                      const char *format, ...) G_GNUC_PRINTF (4, 5);
void        _lia_pd_clear_ref        (gpointer data);
gboolean    _lia_pd_is_ours          (xmlNode *node);
/* Problems for attributes without namespace other than @allowed (NULL-terminated). */
void        _lia_pd_check_attributes (Parse *p, xmlNode *element, const char * const *allowed);
/* The value of an attribute without namespace; %NULL when absent or empty. */
char       *_lia_pd_attribute        (xmlNode *element, const char *name);
/* Whether the attribute is there and not empty, without copying it. */
gboolean    _lia_pd_has_attribute    (xmlNode *element, const char *name);
char       *_lia_pd_id_attribute     (Parse *p, xmlNode *element, const char *name, gboolean required);
char       *_lia_pd_nick_list        (GType enum_type);
gboolean    _lia_pd_enum_attribute   (Parse *p, xmlNode *element, const char *name, GType enum_type,
                                      int *out_value);
gboolean    _lia_pd_int_attribute    (Parse *p, xmlNode *element, const char *name, gint64 min,
                                      gint64 max, gint64 *out_value);
GDate      *_lia_pd_date_attribute   (Parse *p, xmlNode *element, const char *name);
GDateTime  *_lia_pd_time_attribute   (Parse *p, xmlNode *element, const char *name);
gboolean    _lia_pd_bool_attribute   (Parse *p, xmlNode *element, const char *name);
/* The text of a field; single-line fields lose the white space around them. */
char       *_lia_pd_text_of          (Parse *p, xmlNode *element, gboolean single_line);
/* Children may come in any order, most of them at most once. */
gboolean    _lia_pd_first_time       (Parse *p, xmlNode *child, guint64 *seen, guint bit);
void        _lia_pd_unknown_child    (Parse *p, xmlNode *child);
gboolean    _lia_pd_child_is_ours    (Parse *p, xmlNode *parent, xmlNode *child);
void        _lia_pd_add_ref          (Parse *p, RefRole role, LiaRecordKind kind, xmlNode *node,
                                      const char *attribute_name, gpointer extra);
/* A participant or party: exactly one of contact= or organization=. */
void        _lia_pd_add_party_ref    (Parse *p, RefRole role, xmlNode *node, gpointer extra);
void        _lia_pd_read_times       (Parse *p, LiaRecord *record);
void        _lia_pd_read_assessment  (Parse *p, xmlNode *element, LiaAssessment *assessment);

/* lia-directory-reader.c: the record of @p's kind, with its values; references are left in
 * p->refs for the caller to resolve. */
LiaRecord  *_lia_pd_read_fields      (Parse *p);

G_END_DECLS
