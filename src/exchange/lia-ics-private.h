/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

/* libical-glib 3.0 asks its users to say that they know its API may change. */
#define LIBICAL_GLIB_UNSTABLE_API 1
#include <libical-glib/libical-glib.h>

#include "lia-import-private.h"

G_BEGIN_DECLS

/* libical-glib 3.0 declares no cleanup functions; its objects are GObjects. */
#ifndef LIBICAL_GLIB_HAS_AUTOPTR
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalComponent, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalProperty, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalTime, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalRecurrence, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalDuration, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalTimezone, g_object_unref)
#endif

/* lia-ics-text.c: the first pass over a calendar file. */

/* One VCALENDAR of the file. */
typedef struct
{
  gsize   start;       /* byte offsets of BEGIN:VCALENDAR and past its END line */
  gsize   end;
  guint   line;
  GArray *components;  /* guint: the line of each object directly inside, in order */
} LiaIcsBlock;

typedef struct
{
  LiaImport *import;
  char      *text;     /* the whole file, in UTF-8 */
  GArray    *blocks;   /* LiaIcsBlock, in the order of the file */
} LiaIcsText;

/* Reads import->stream into @ics: FALSE (with the problem reported at its line and column)
 * when the file cannot be a calendar. */
gboolean    _lia_ics_text_read            (LiaIcsText *ics);
void        _lia_ics_text_clear           (LiaIcsText *ics);
/* Reports a problem that stops the import, at @line and @column. */
void        _lia_ics_fail_at              (LiaIcsText *ics,
                                           guint       line,
                                           guint       column,
                                           const char *message);

/* lia-ics-zones.c: time zones that a calendar file names without defining them. */

/* The IANA name of a Windows time zone name ("W. Europe Standard Time" → "Europe/Berlin"),
 * or %NULL when the table does not have it. */
const char *_lia_ics_windows_zone_to_iana (const char *windows_name);
/* The zone @tzid means when the file has no VTIMEZONE for it: a Windows name, or an IANA name
 * (also behind a vendor's prefix such as "/mozilla.org/20050126_1/"). %NULL when unknown. */
GTimeZone  *_lia_ics_zone_for_tzid        (const char *tzid);

G_END_DECLS
