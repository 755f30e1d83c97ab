/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-store.h"
#include "lia-list-model.h"

G_BEGIN_DECLS

#define LIA_TYPE_DIRECTORY_LIST (lia_directory_list_get_type ())

G_DECLARE_FINAL_TYPE (LiaDirectoryList, lia_directory_list, LIA, DIRECTORY_LIST, GtkWidget)

/* The Organizations or the Contacts list, by name, over the lazy LiaListModel. Organization
 * rows show the name, the sector, the parent organization and how many people work there;
 * contact rows an initials avatar, the name, and their current role and organization.
 * Construct-only properties: "store", "kind" (LIA_RECORD_KIND_ORGANIZATION or _CONTACT).
 * Signal "record-selected" (LiaRecord *) when the selection changes to a row. */
LiaDirectoryList *lia_directory_list_new             (LiaStore         *store,
                                                      LiaRecordKind     kind);
LiaRecordKind     lia_directory_list_get_kind        (LiaDirectoryList *self);
GListModel       *lia_directory_list_get_model       (LiaDirectoryList *self);
void              lia_directory_list_select          (LiaDirectoryList *self,
                                                      guint             position);
/* Selects the record with @id when it is among the rows loaded so far; FALSE otherwise. */
gboolean          lia_directory_list_select_id       (LiaDirectoryList *self,
                                                      gint64            id);
void              lia_directory_list_unselect        (LiaDirectoryList *self);
/* Re-sorts a list of contacts: "family-name" or "given-name", the values of the
 * "contact-sort-order" setting (also the "contact-sort-order" property). */
void              lia_directory_list_set_contact_sort_order (LiaDirectoryList *self,
                                                             const char       *order);
/* The subtitle a row shows for @record ("Director · World Health Organization"). */
char             *lia_directory_list_dup_subtitle    (LiaDirectoryList *self,
                                                      LiaRecord        *record);

G_END_DECLS
