/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-store.h"

G_BEGIN_DECLS

#define LIA_TYPE_DELETION (lia_deletion_get_type ())

G_DECLARE_FINAL_TYPE (LiaDeletion, lia_deletion, LIA, DELETION, GObject)

/**
 * LiaDeletion:
 *
 * What a delete took away, kept so that it can be put back: the record as it was (lists
 * included) and every record the delete reached (see lia_store_delete()) as it was before.
 * Made by lia_store_delete_with_undo(), used by lia_store_undo_deletion().
 */

/* The record as it was before the delete, with its former id. */
LiaRecord   *lia_deletion_get_record           (LiaDeletion *self);
/* How many other records the delete reached (affiliations that went, links that were cut). */
guint        lia_deletion_get_n_reached        (LiaDeletion *self);

/* Deletes @record like lia_store_delete() and returns what is needed to undo it, or %NULL
 * with @error (nothing deleted). */
LiaDeletion *lia_store_delete_with_undo        (LiaStore    *self,
                                                LiaRecord   *record,
                                                GError     **error);

/* Puts a deleted record back as it was, in one transaction: same id, uid, values and created
 * time, and its links: the affiliations that went with it come back, and interactions,
 * commitments, concerns and sub-organizations that lost it get it back. A record reached by
 * the delete that has itself been deleted since is left alone. When the record's id has been
 * taken by a new record meanwhile, it comes back under a new id and its links follow it.
 * "changed" reports the record as ADDED and each repaired record as ADDED or UPDATED.
 * Returns the record as saved (a new object), or %NULL with @error and nothing changed
 * (e.g. LIA_STORE_ERROR_REFERENCE when an organization it belonged to is gone). */
LiaRecord   *lia_store_undo_deletion           (LiaStore    *self,
                                                LiaDeletion *deletion,
                                                GError     **error);

G_END_DECLS
