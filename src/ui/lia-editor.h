/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lia-store.h"

G_BEGIN_DECLS

#define LIA_TYPE_EDITOR (lia_editor_get_type ())

G_DECLARE_DERIVABLE_TYPE (LiaEditor, lia_editor, LIA, EDITOR, AdwWindow)

/**
 * LiaEditorClass:
 * @load: fills the form from @record (once, when the editor is made)
 * @apply: writes the form into @record; fails (in words) on a value it cannot take, such as
 *   a date that is not a date
 * @save: writes @record (and whatever else the form holds) in one transaction; the default
 *   is lia_store_save()
 *
 * A dialog that creates or edits one record. It opens with the focus in the first field and
 * says nothing is wrong until the person has left a field they changed (or emptied it, or
 * pressed Save): then the field itself says what is wrong (its title, in the error colour),
 * so the form never moves. @apply reports each field's problem with lia_editor_report(); the
 * model's own rules are checked after it. Save is possible once something changed; with
 * problems it shows them all and focuses the first. Closing with unsaved changes asks whether
 * to save them.
 * Construct-only properties: "store", "record" (the record to edit, or a new one with id 0:
 * the editor works on a copy and saves that). Signal "saved" (LiaRecord *) after a save.
 */
struct _LiaEditorClass
{
  AdwWindowClass parent_class;

  void     (*load)  (LiaEditor  *self,
                     LiaRecord  *record);
  gboolean (*apply) (LiaEditor  *self,
                     LiaRecord  *record,
                     GError    **error);
  gboolean (*save)  (LiaEditor  *self,
                     LiaRecord  *record,
                     GError    **error);

  gpointer padding[4];
};

LiaStore   *lia_editor_get_store    (LiaEditor  *self);
/* The copy being edited (its id is 0 until a new record is saved). */
LiaRecord  *lia_editor_get_record   (LiaEditor  *self);
gboolean    lia_editor_is_new       (LiaEditor  *self);
gboolean    lia_editor_is_dirty     (LiaEditor  *self);
/* What is wrong with the form now ("Title: required"), shown or not, or %NULL when it can be
 * saved. */
const char *lia_editor_get_problem  (LiaEditor  *self);
/* What @row shows as wrong with it, or %NULL (also while the person has not finished with it). */
const char *lia_editor_get_field_problem (LiaEditor *self,
                                          GtkWidget *row);
/* Saves as the Save button does; FALSE (and the reason shown) when it could not. */
gboolean    lia_editor_save         (LiaEditor  *self);

/* For subclasses: call on every change of a field. */
void        lia_editor_changed      (LiaEditor  *self);
/* For subclasses: makes @row (an AdwPreferencesRow) a field that can show a problem; rows
 * made by lia_editor_add_entry() and lia_editor_add_date() already are. Editable rows report
 * their changes themselves. */
void        lia_editor_add_field    (LiaEditor  *self,
                                     GtkWidget  *row);
/* For subclasses: a field that is not typed into (a picker) changed; its problem shows at once. */
void        lia_editor_field_changed (LiaEditor *self,
                                      GtkWidget *row);
/* For @apply: says what is wrong with @row, in a few words after its title ("required");
 * the first report for a field wins. A row that is no field reports on the first field. */
void        lia_editor_report       (LiaEditor  *self,
                                     GtkWidget  *row,
                                     const char *message);
/* For @apply: reports "required" when @row holds only blanks; FALSE then. */
gboolean    lia_editor_require_text (LiaEditor  *self,
                                     GtkWidget  *row);
/* Appends a preferences group to the form. */
GtkWidget  *lia_editor_add_group    (LiaEditor  *self,
                                     const char *title,
                                     const char *description);
/* An AdwEntryRow in @group with @text, reporting changes. */
GtkWidget  *lia_editor_add_entry    (LiaEditor  *self,
                                     GtkWidget  *group,
                                     const char *title,
                                     const char *text);
/* An AdwComboRow over translated @labels (NULL-terminated), reporting changes. */
GtkWidget  *lia_editor_add_combo    (LiaEditor   *self,
                                     GtkWidget   *group,
                                     const char  *title,
                                     const char **labels,
                                     guint        selected);
/* A multi-line text field in its own group; returns the GtkTextView. */
GtkWidget  *lia_editor_add_text     (LiaEditor  *self,
                                     const char *title,
                                     const char *text);
char       *lia_editor_dup_text     (GtkWidget  *text_view);
const char *lia_editor_entry_text   (GtkWidget  *entry_row);
/* An entry row for a date in the locale's format with a calendar button, a field, not yet in
 * any group; lia_editor_add_date() adds it to @group. */
GtkWidget  *lia_editor_date_row_new (LiaEditor   *self,
                                     const char  *title,
                                     const GDate *date);
GtkWidget  *lia_editor_add_date     (LiaEditor   *self,
                                     GtkWidget   *group,
                                     const char  *title,
                                     const GDate *date);
/* Reads a date row (%NULL in @out when empty); reports and returns FALSE if it is no date. */
gboolean    lia_editor_get_date     (LiaEditor   *self,
                                     GtkWidget   *row,
                                     GDate      **out);
/* The Assessment group: influence, interest, stance and how often to stay in touch (rows
 * that lia_editor_apply_assessment() finds through @out_stance). Returns the group. */
GtkWidget  *lia_editor_add_assessment (LiaEditor      *self,
                                       LiaAssessment  *assessment,
                                       GtkWidget     **out_influence,
                                       GtkWidget     **out_interest,
                                       GtkWidget     **out_stance);
void        lia_editor_apply_assessment (LiaAssessment *assessment,
                                         GtkWidget     *influence,
                                         GtkWidget     *interest,
                                         GtkWidget     *stance);
G_END_DECLS
