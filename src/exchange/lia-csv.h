/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * CSV, as contact managers write it (docs/csv.md): what the window and the command line need
 * besides the importer and the exporter.
 */

/* Appends @text as one field of a CSV row (RFC 4180): quoted when it holds a comma, a quote or a
 * line break; then a comma, or CR LF when it is the @last of its row. %NULL is an empty field. */
void          lia_csv_append_field    (GString     *row,
                                       const char  *text,
                                       gboolean     last);

/* The fields a column can be imported into ("given-name", "email", …), %NULL-terminated, in
 * the order the column-mapping page and `liaison import --help` list them. */
const char * const *lia_csv_field_names (void);
/* The field's name for a person (translated): "Given name", "Email", … %NULL when @name is not
 * a field. */
const char   *lia_csv_field_label     (const char  *name);

/* The column map "COLUMN=field,…" that puts @columns[i] into @field_of_column[i] (both
 * %NULL-terminated, as long as each other), for lia_importer_set_column_map(): a column whose
 * name holds a comma, an equals sign or a quote is quoted ("\"Street, line 2\"=street"). */
char         *lia_csv_column_map_build (const char * const *columns,
                                        const char * const *field_of_column);

/**
 * LiaCsvPreview:
 * @columns: the header's column names, %NULL-terminated
 * @rows: (element-type GStrv): the first rows after the header, each with as many cells as
 *   there are columns
 * @header_line: the line of the header in the file (after a preamble, it is not 1)
 * @profile: the program whose header this is ("Google Contacts", …), or %NULL when it is not
 *   one Liaison knows: the columns must be mapped (lia_importer_set_column_map())
 * @header_key: the same for the same header line, whatever the rows: where a mapping chosen
 *   for it is remembered
 *
 * The start of a CSV file, to show before importing it.
 */
typedef struct
{
  char      **columns;
  GPtrArray  *rows;
  guint       header_line;
  char       *profile;
  char       *header_key;
  /*< private >*/
  guint       n_fields;
  const char **fields;
} LiaCsvPreview;

/* Reads the start of @file: %NULL with @error when it is not a CSV file with a header. */
LiaCsvPreview *lia_csv_preview_new    (GFile          *file,
                                       guint           max_rows,
                                       GCancellable   *cancellable,
                                       GError        **error);
void           lia_csv_preview_free   (LiaCsvPreview  *preview);

/* The field a known header puts @column into, in the words of lia_csv_field_names(), or %NULL
 * when it is not kept (or there is no known header): what the mapping page proposes. */
const char    *lia_csv_preview_get_field (LiaCsvPreview *preview,
                                          guint          column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaCsvPreview, lia_csv_preview_free)

G_END_DECLS
