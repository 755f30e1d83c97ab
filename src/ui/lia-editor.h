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
 * A dialog that creates or edits one record. It validates as the person types (the model's
 * own rules, plus what @apply refuses) and says what is wrong above the form; Save is
 * possible only when all is well. Closing with unsaved changes asks whether to save them.
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
/* What is wrong with the form now, or %NULL when it can be saved. */
const char *lia_editor_get_problem  (LiaEditor  *self);
/* Saves as the Save button does; FALSE (and the reason shown) when it could not. */
gboolean    lia_editor_save         (LiaEditor  *self);

/* For subclasses: call on every change of a field. */
void        lia_editor_changed      (LiaEditor  *self);
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
/* Parses an entry row holding a date (YYYY-MM-DD) or nothing; %NULL in @out when empty. */
gboolean    lia_editor_parse_date   (GtkWidget  *entry_row,
                                     const char *what,
                                     GDate     **out,
                                     GError    **error);
/* The Assessment group: influence, interest and stance. Returns the group. */
GtkWidget  *lia_editor_add_assessment (LiaEditor      *self,
                                       LiaAssessment  *assessment,
                                       GtkWidget     **out_influence,
                                       GtkWidget     **out_interest,
                                       GtkWidget     **out_stance);
void        lia_editor_apply_assessment (LiaAssessment *assessment,
                                         GtkWidget     *influence,
                                         GtkWidget     *interest,
                                         GtkWidget     *stance);
/* Marks a field as the one that is wrong (or not). */
void        lia_editor_mark_field   (GtkWidget  *row,
                                     gboolean    wrong);

G_END_DECLS
