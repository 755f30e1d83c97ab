/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lia-briefing.h"

G_BEGIN_DECLS

/**
 * LiaBriefingPrintOptions:
 * @history_months: how far back the history goes, 1–120 months before today
 * @max_interactions: how many interactions to list; 0 for the default
 * @redact: leave out notes, email addresses and phone numbers
 * @map: add the stakeholder map to an organization's briefing
 * @paper: the paper until the user picks another in the dialog
 *
 * What a print starts with: the Preferences' briefing settings. The dialog's Briefing tab
 * changes @redact, @map and @history_months for one print only.
 */
typedef struct
{
  guint             history_months;
  guint             max_interactions;
  gboolean          redact;
  gboolean          map;
  LiaBriefingPaper  paper;
} LiaBriefingPrintOptions;

/* The briefing-* keys of @settings (the io.github.liaison.Liaison schema); without settings
 * (the schema is not installed), the schema's defaults: 12 months, 10 interactions, not
 * redacted, the locale's paper. */
void               lia_briefing_print_options_init_from_settings (LiaBriefingPrintOptions  *options,
                                                                  GSettings                *settings);

/* Gathers the briefing and prepares its print operation: the job's name, the printer and
 * paper last chosen on @parent (else @options' paper), Print to File's suggested name
 * ("Ministry of Health – briefing 2026-12-04.pdf", in the folder last printed to), and the
 * dialog's Briefing tab with @options' redaction and history period. Applying the tab gathers
 * the briefing again with its values, for this print only.
 *
 * %NULL with @error when the record is not there. */
GtkPrintOperation *lia_briefing_print_operation_new (GtkWindow                      *parent,
                                                     LiaStore                       *store,
                                                     const LiaBriefingRequest       *request,
                                                     const LiaBriefingPrintOptions  *options,
                                                     GError                        **error);

/* Runs @operation (from lia_briefing_print_operation_new()) with @action, blocking until it
 * is done. After a print, the printer and paper the user chose are remembered on @parent for
 * the next time. Cancelling is not an error. */
gboolean           lia_briefing_print_operation_run (GtkPrintOperation              *operation,
                                                     GtkPrintOperationAction         action,
                                                     GtkWindow                      *parent,
                                                     GError                        **error);

/* Prints a briefing through the print dialog, which also offers a preview and printing to a
 * PDF file: lia_briefing_print_operation_new(), then run with the dialog.
 *
 * Returns FALSE with @error when the briefing could not be gathered (the record is gone) or
 * printing failed; cancelling the dialog is not an error. */
gboolean           lia_briefing_print_run           (GtkWindow                      *parent,
                                                     LiaStore                       *store,
                                                     const LiaBriefingRequest       *request,
                                                     const LiaBriefingPrintOptions  *options,
                                                     GError                        **error);

G_END_DECLS
