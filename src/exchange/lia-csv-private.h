/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lia-csv.h"
#include "lia-import-private.h"

G_BEGIN_DECLS

/* Reading CSV in three parts: lia-csv.c splits text into rows (libcsv) and writes fields,
 * lia-csv-columns.c says what each column of a header holds, lia-csv-reader.c builds records
 * from the rows and stores them. */

/* One row of the file, with the line it starts on. */
typedef struct
{
  guint   line;
  guint   n_cells;
  char  **cells;
} CsvRow;

/* Splits @text (UTF-8) into rows, at most @max_rows of them (0: all). Empty lines are no
 * rows. NULL with @out_line, @out_column (0 when not known) and @error (LIA_EXCHANGE_ERROR_INVALID) when the text cannot be
 * read as CSV: a quoted field that never ends, text that is not text. */
GPtrArray  *_lia_csv_split          (const char   *text,
                                     gsize         length,
                                     char          separator,
                                     guint         max_rows,
                                     guint        *out_line,
                                     guint        *out_column,
                                     GError      **error);
void        _lia_csv_row_free       (CsvRow       *row);
/* The separator of the file: a comma, or a semicolon or a tab when the first line that has
 * any of them has more of those (spreadsheets write semicolons where the comma is a decimal
 * separator). */
char        _lia_csv_sniff_separator (const char  *text,
                                      gsize        length);
/* The first bytes of a file as UTF-8 text, for sniffing: a BOM or UTF-16 is recognised, a
 * character cut at the end is dropped. %NULL when it is not text. */
char       *_lia_csv_head_text      (const char   *data,
                                     gsize         length);

/* What a column holds. */
typedef enum
{
  CSV_FIELD_NONE,            /* nothing Liaison keeps: counted as not kept when filled */
  CSV_FIELD_IGNORE,          /* a copy of other columns, or chosen "Don't import" */
  CSV_FIELD_GIVEN_NAME,
  CSV_FIELD_MIDDLE_NAME,
  CSV_FIELD_FAMILY_NAME,
  CSV_FIELD_DISPLAY_NAME,
  CSV_FIELD_HONORIFIC,
  CSV_FIELD_SUFFIX,
  CSV_FIELD_NICKNAME,
  CSV_FIELD_EMAIL,
  CSV_FIELD_PHONE,
  CSV_FIELD_ORGANIZATION,
  CSV_FIELD_DEPARTMENT,
  CSV_FIELD_JOB_TITLE,
  CSV_FIELD_NOTES,
  CSV_FIELD_TAGS,
  CSV_FIELD_BIRTHDAY,
  CSV_FIELD_BIRTH_YEAR,
  CSV_FIELD_BIRTH_MONTH,
  CSV_FIELD_BIRTH_DAY,
  CSV_FIELD_WEBSITE,
  CSV_FIELD_IM,
  CSV_FIELD_STREET,
  CSV_FIELD_EXTENDED_ADDRESS,
  CSV_FIELD_PO_BOX,
  CSV_FIELD_LOCALITY,
  CSV_FIELD_REGION,
  CSV_FIELD_POSTAL_CODE,
  CSV_FIELD_COUNTRY,
  CSV_FIELD_TYPE,            /* the kind of the other values of its group ("E-mail 1 - Type") */
  /* Liaison's own export only: */
  CSV_FIELD_UID,
  CSV_FIELD_ROLE,
  CSV_FIELD_LANGUAGES,
  CSV_FIELD_TIME_ZONE,
} CsvField;

/* What one column of the header holds. */
typedef struct
{
  CsvField             field;
  /* For emails, phones, websites and addresses: the kind the column's name gives. */
  LiaContactPointKind  kind;
  /* Columns of one numbered group ("Address 2 - City", "Address 2 - Type") share it; a group
   * of its own for each column of other headers. */
  guint                group;
} CsvColumn;

/* The header of a file, understood. */
typedef struct
{
  const char *profile;       /* "Google Contacts", …; %NULL: mapped by hand */
  guint       n_columns;
  char      **names;
  CsvColumn  *columns;
  /* Some programs write several values in one cell with this between them (Google: " ::: "),
   * or tags with a separator of their own (Outlook's "Categories": ";"). */
  const char *multi_separator;
  const char *tags_separator;
  /* Outlook writes dates as month/day/year. */
  gboolean    dates_month_first;
  /* Liaison writes each email and phone after its kind: "work: ann@example.org". */
  gboolean    kinds_in_values;
} CsvHeader;

/* Recognises @names (a header row) as one of the known programs'. %NULL when it is none. */
CsvHeader  *_lia_csv_header_recognize (char        **names,
                                       guint         n_names);
/* The header @names with the columns mapped by @map ("COLUMN=field,…", fields as
 * lia_csv_field_names() gives them, "ignore" for none) over those a known header gives. %NULL
 * with @error when @map names a column that is not in the header, or a field that is not one. */
CsvHeader  *_lia_csv_header_map       (char        **names,
                                       guint         n_names,
                                       const char   *map,
                                       GError      **error);
void        _lia_csv_header_free      (CsvHeader    *header);
/* What a --map value of @field means; FALSE when it is not a field. */
gboolean    _lia_csv_field_parse      (const char   *field,
                                       CsvColumn    *out_column);
const char *_lia_csv_field_name       (const CsvColumn *column);

/* The columns of @names for a person, "First Name, Last Name, …", to say what a file has. */
char       *_lia_csv_describe_columns (char        **names,
                                       guint         n_names);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsvHeader, _lia_csv_header_free)

/* lia-csv-writer.c: the header row of a file of @kind (contacts or organizations), and one
 * record's row. */
void        _lia_csv_write_header     (GString       *out,
                                       LiaRecordKind  kind);
gboolean    _lia_csv_write_record     (GString       *out,
                                       LiaStore      *store,
                                       LiaRecord     *record,
                                       GError       **error);

/* lia-csv-reader.c: the file as UTF-8. */
char       *_lia_csv_decode           (const char   *data,
                                       gsize         length,
                                       gsize        *out_length,
                                       GError      **error);

G_END_DECLS
