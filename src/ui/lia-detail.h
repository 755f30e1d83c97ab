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
/* Rebuilds now instead of on the next idle (tests). */
void         lia_detail_refresh       (LiaDetail *self);
/* The content box, for tests that look for what is shown. */
GtkWidget   *lia_detail_get_content   (LiaDetail *self);
/* The embedded timeline (LiaTimelineView), made when the Timeline tab is first shown; %NULL
 * before that. */
GtkWidget   *lia_detail_get_timeline  (LiaDetail *self);
void         lia_detail_show_timeline (LiaDetail *self);

G_END_DECLS
