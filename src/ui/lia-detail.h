/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-store.h"

G_BEGIN_DECLS

#define LIA_TYPE_DETAIL (lia_detail_get_type ())

G_DECLARE_DERIVABLE_TYPE (LiaDetail, lia_detail, LIA, DETAIL, GtkWidget)

/**
 * LiaDetailClass:
 * @kind: the kind of record the subclass shows
 * @has_timeline: whether the pane has a Timeline tab beside the overview
 * @build: fills @content (a vertical GtkBox) for @record
 *
 * A detail pane: one record, read again from the store and rebuilt after every change to the
 * database, so that what it shows is never stale. Construct-only property "store".
 *
 * @build reads more than the record (people, open commitments…): when one of those reads
 * fails it hands the error to lia_detail_failed(), and the pane shows the store's message
 * with a Retry instead of a page that would pass an unread list for an empty one.
 */
struct _LiaDetailClass
{
  GtkWidgetClass parent_class;

  LiaRecordKind  kind;
  gboolean       has_timeline;

  void         (*build) (LiaDetail *self,
                         GtkWidget *content,
                         LiaRecord *record);

  gpointer padding[4];
};

LiaStore    *lia_detail_get_store     (LiaDetail *self);
/* Shows the record with @id (0: nothing). */
void         lia_detail_set_record_id (LiaDetail *self,
                                       gint64     id);
gint64       lia_detail_get_record_id (LiaDetail *self);
/* The record as last read, or %NULL (none, or deleted). */
LiaRecord   *lia_detail_get_record    (LiaDetail *self);
/* For @build: when *@error is set, keeps it (the first one of a build) and returns %TRUE, so
 * that the page shows the error instead of what was built; %FALSE when *@error is %NULL.
 * `if (lia_detail_failed (detail, &error)) return;` after each read. */
gboolean     lia_detail_failed        (LiaDetail *self,
                                       GError   **error);
/* Rebuilds now instead of on the next idle (tests). */
void         lia_detail_refresh       (LiaDetail *self);
/* The content box, for tests that look for what is shown. */
GtkWidget   *lia_detail_get_content   (LiaDetail *self);
/* The embedded timeline (LiaTimelineView), made when the Timeline tab is first shown; %NULL
 * before that. */
GtkWidget   *lia_detail_get_timeline  (LiaDetail *self);
void         lia_detail_show_timeline (LiaDetail *self);

G_END_DECLS
