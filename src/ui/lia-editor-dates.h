/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Dates and times as the editors show and read them: in the locale's own numeric format
 * (11/12/2026 is 12 November in en_US and 11 December in fr_FR), ISO 8601 accepted too. */

/* "%x" for the locale (12/11/2026 in en_US, 11/12/2026 in fr_FR); %NULL for no date. */
char      *lia_editor_date_format  (const GDate *date);
/* The locale's numeric date (with or without the year), or year-month-day; %NULL if not a
 * date. */
GDate     *lia_editor_date_parse   (const char  *text);
/* Hours and minutes as the locale writes them: 14:30, or 2:30 PM where the locale uses AM/PM. */
char      *lia_editor_time_format  (GDateTime   *at);
/* 14:30, 14.30, 14h30, 1430, 2:30 pm, 2 pm; FALSE if it is not a time of day. */
gboolean   lia_editor_time_parse   (const char  *text,
                                    int         *hour,
                                    int         *minute);

/* A GtkMenuButton with a GtkCalendar popover that fills @entry_row with the chosen day (the
 * same widgets as the timeline's date filter). */
GtkWidget *lia_editor_calendar_button_new (GtkWidget *entry_row);

G_END_DECLS
