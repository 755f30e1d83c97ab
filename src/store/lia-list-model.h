/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lia-store.h"
#include "lia-store-engagement.h"

G_BEGIN_DECLS

#define LIA_TYPE_LIST_MODEL (lia_list_model_get_type ())

G_DECLARE_FINAL_TYPE (LiaListModel, lia_list_model, LIA, LIST_MODEL, GObject)

/* A GListModel over a database query that costs what the visible rows cost, whatever the row
 * count: get_n_items() is a cached count, get_item() loads a page of 64 rows by a keyed query and
 * keeps the last 8 pages; the same row gives the same object while its page is cached. Sorting
 * and filtering happen in SQL. It follows the store's "changed" signal: an edit updates the
 * cached object in place (notify), an insert or delete emits items-changed at its real
 * position, and a bulk change or reload emits (0, old, 0) then (0, 0, new), never (0, n, n). */

/* Interactions, newest first, filtered as @filter says (copied; %NULL for everything). */
LiaListModel  *lia_list_model_new_timeline      (LiaStore                *store,
                                                 const LiaTimelineFilter *filter);
/* Organizations by name (accents and case ignored). */
LiaListModel  *lia_list_model_new_organizations (LiaStore                *store);
/* How contacts are ordered; the "contact-sort-order" setting names them "family-name" and
 * "given-name". Either way honorifics ("Dr", "Mme") are ignored and names compare in the
 * locale's collation; a contact with only a display name sorts by it. */
typedef enum
{
  LIA_CONTACT_SORT_FAMILY_NAME,
  LIA_CONTACT_SORT_GIVEN_NAME,
} LiaContactSortOrder;

/* "given-name" → LIA_CONTACT_SORT_GIVEN_NAME; anything else is the family-name default. */
LiaContactSortOrder lia_contact_sort_order_from_string (const char *name);

/* Contacts in @order, sorted in SQL on a stored key. */
LiaListModel  *lia_list_model_new_contacts      (LiaStore                *store,
                                                 LiaContactSortOrder      order);
/* Sorts the list of contacts again, in @order (a full reload when the order changes). */
void           lia_list_model_set_contact_sort_order (LiaListModel       *self,
                                                      LiaContactSortOrder order);

/* Sorts and filters a list of organizations or contacts on engagement, in SQL, with the
 * store query of `liaison stakeholders` (its kinds are ignored); %NULL for the plain list by
 * name. A full reload; from then on every change reloads it. */
void           lia_list_model_set_stakeholder_query (LiaListModel              *self,
                                                     const LiaStakeholderQuery *query);

LiaStore      *lia_list_model_get_store         (LiaListModel            *self);
/* Counts again and drops the cached pages, e.g. after another connection (an import running in
 * a thread) changed the database. */
void           lia_list_model_reload            (LiaListModel            *self);
/* Why the rows could not be read (the store's message), or %NULL. Set when a count or a page
 * fails, with a notify of "error"; the list then shows no rows, which is not the same as having
 * none. lia_list_model_reload() tries again and clears it when the query works. */
const GError  *lia_list_model_get_error         (LiaListModel            *self);
/* Where the record with @id is in the list, wherever that is, found by counting the rows
 * before its key in SQL (no page is read on the way). FALSE with no error when the list does
 * not hold it; FALSE with @error when the database could not be read. */
gboolean       lia_list_model_find              (LiaListModel            *self,
                                                 gint64                   id,
                                                 guint                   *out_position,
                                                 GError                 **error);

/* The name of a participant (a contact or an organization) of an interaction in a cached page
 * of a timeline, read with the page; %NULL when the model does not have it (another kind of
 * list, a page not read yet, a name changed since). */
const char    *lia_list_model_get_label         (LiaListModel            *self,
                                                 LiaRecordKind            kind,
                                                 gint64                   id);

G_END_DECLS
