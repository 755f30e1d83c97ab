/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-store.h"

G_BEGIN_DECLS

/* The stakeholder map: organizations and contacts placed by influence (rows) and interest
 * (columns), 1–5 each, as they are now or as they were on a past day, from the assessment
 * history. Records not assessed (influence or interest 0) are not on the map. */

#define LIA_MAP_SIZE 5

/**
 * LiaMapQuery:
 * @kinds: bits of LiaRecordKind (organization, contact); 0 for both
 * @stances: bits of LiaStance; 0 for any
 * @sector: an organization's sector, or that of an organization a contact is with today
 *   (case aside); %NULL for any
 * @tag: a tag the record has (case aside); %NULL for any
 * @as_of: the day the map is for, from the assessment history (the last state saved on or
 *   before that day, in local time); %NULL for the assessments as they are now
 *
 * Initialize with lia_map_query_init(), which sets no filter.
 */
typedef struct
{
  guint        kinds;
  guint        stances;
  const char  *sector;
  const char  *tag;
  const GDate *as_of;
} LiaMapQuery;

void         lia_map_query_init           (LiaMapQuery *query);

/**
 * LiaMapEntry:
 * @kind: LIA_RECORD_KIND_ORGANIZATION or LIA_RECORD_KIND_CONTACT
 * @id: database id
 * @name: the organization's name or the contact's label
 * @influence, @interest: 1–5
 * @stance: where they stand (on the map's day)
 * @sort_key: what they are sorted by within a cell
 */
typedef struct
{
  LiaRecordKind  kind;
  gint64         id;
  char          *name;
  char          *sort_key;
  int            influence;
  int            interest;
  LiaStance      stance;
} LiaMapEntry;

void         lia_map_entry_free           (LiaMapEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaMapEntry, lia_map_entry_free)

/**
 * LiaMap:
 * @counts: how many stakeholders each cell holds, [influence − 1][interest − 1]
 * @cells: the first of them by name (LiaMapEntry), as many as asked for
 * @total: how many are on the map
 */
typedef struct
{
  guint      counts[LIA_MAP_SIZE][LIA_MAP_SIZE];
  GPtrArray *cells[LIA_MAP_SIZE][LIA_MAP_SIZE];
  guint      total;
} LiaMap;

void         lia_map_free                 (LiaMap *map);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaMap, lia_map_free)

/* Counts only (LiaMap.cells empty): the cheap query, for a badge or a benchmark. */
gboolean     lia_store_count_map          (LiaStore          *self,
                                           const LiaMapQuery *query,
                                           LiaMap            *out_map,
                                           GError           **error);
/* The map with the first @per_cell stakeholders of each cell, by name. */
LiaMap      *lia_store_get_map            (LiaStore          *self,
                                           const LiaMapQuery *query,
                                           guint              per_cell,
                                           GError           **error);
/* One cell's stakeholders by name, at most @limit (0: all): the "+N" list. */
GPtrArray   *lia_store_list_map_cell      (LiaStore          *self,
                                           const LiaMapQuery *query,
                                           int                influence,
                                           int                interest,
                                           guint              limit,
                                           GError           **error);

/**
 * LiaReassessment:
 *
 * What lia_store_reassess() changed, so that Undo can take it back. Opaque.
 */
typedef struct _LiaReassessment LiaReassessment;

#define LIA_TYPE_REASSESSMENT (lia_reassessment_get_type ())
GType        lia_reassessment_get_type    (void) G_GNUC_CONST;
LiaReassessment *lia_reassessment_copy    (const LiaReassessment *reassessment);
void         lia_reassessment_free        (LiaReassessment *reassessment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaReassessment, lia_reassessment_free)

/* Moves a stakeholder to another cell: saves its influence and interest (its stance stays) as
 * a new assessment, which enters its assessment history, and emits "changed". Returns what
 * Undo needs. */
LiaReassessment *lia_store_reassess       (LiaStore          *self,
                                           LiaRecordKind      kind,
                                           gint64             id,
                                           int                influence,
                                           int                interest,
                                           GError           **error);
/* Takes a reassessment back: the record gets its former influence and interest, and the
 * history rows the move (and this) wrote are removed, as if it had not happened. */
gboolean     lia_store_undo_reassessment  (LiaStore          *self,
                                           LiaReassessment   *reassessment,
                                           GError           **error);

G_END_DECLS
