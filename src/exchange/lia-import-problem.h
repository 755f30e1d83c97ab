/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LIA_TYPE_IMPORT_PROBLEM (lia_import_problem_get_type ())

/**
 * LiaImportProblem:
 *
 * One thing wrong with an imported file: where it is and, in a sentence, what is wrong. The
 * line and column count from 1; 0 when not known (a file that cannot be opened at all).
 */
G_DECLARE_FINAL_TYPE (LiaImportProblem, lia_import_problem, LIA, IMPORT_PROBLEM, GObject)

LiaImportProblem *lia_import_problem_new         (const char       *file_name,
                                                  guint             line,
                                                  guint             column,
                                                  const char       *message);
const char       *lia_import_problem_get_file_name (LiaImportProblem *self);
guint             lia_import_problem_get_line    (LiaImportProblem *self);
guint             lia_import_problem_get_column  (LiaImportProblem *self);
const char       *lia_import_problem_get_message (LiaImportProblem *self);
/* "directory.xml:812:5: contact “c-044” refers to …", the way compilers and editors show it. */
char             *lia_import_problem_to_string   (LiaImportProblem *self);

G_END_DECLS
