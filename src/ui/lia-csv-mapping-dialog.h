/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-csv.h"

G_BEGIN_DECLS

#define LIA_TYPE_CSV_MAPPING_DIALOG (lia_csv_mapping_dialog_get_type ())

/**
 * LiaCsvMappingDialog:
 *
 * The column-mapping page: a CSV file whose header Liaison does not know, one row per column
 * with what its first rows hold and a choice of the field it goes into (or "Don't import").
 * The choice is remembered per header in @settings ("csv-column-maps"), so the next file with
 * the same columns opens with it. "Import" emits ::mapped with the column map for
 * lia_importer_set_column_map() and closes the dialog.
 */
G_DECLARE_FINAL_TYPE (LiaCsvMappingDialog, lia_csv_mapping_dialog, LIA, CSV_MAPPING_DIALOG, AdwWindow)

/* @preview is copied from; @settings may be %NULL (nothing remembered). */
LiaCsvMappingDialog *lia_csv_mapping_dialog_new       (GtkWindow           *parent,
                                                       const char          *file_name,
                                                       LiaCsvPreview       *preview,
                                                       GSettings           *settings);
/* The field chosen for @column, as lia_csv_field_names() names it ("ignore": none). */
const char          *lia_csv_mapping_dialog_get_field (LiaCsvMappingDialog *self,
                                                       guint                column);
void                 lia_csv_mapping_dialog_set_field (LiaCsvMappingDialog *self,
                                                       guint                column,
                                                       const char          *field);
/* The column map of the current choices. */
char                *lia_csv_mapping_dialog_dup_map   (LiaCsvMappingDialog *self);

G_END_DECLS
