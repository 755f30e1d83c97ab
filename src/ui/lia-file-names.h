/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The names Liaison suggests when it saves a file: built from what the file holds, and safe on
 * any file system the file may travel to (a USB stick, a Windows share). */

/* @name with "/" and the characters Windows and FAT refuse (\ : * ? " < > |) replaced by "-",
 * control characters and runs of white space by one space, no leading or trailing dots and
 * spaces (a leading dot hides a file), and cut to fit a file name (at most 200 bytes, on a
 * character boundary). @fallback when nothing is left. */
char *lia_file_name_make_safe     (const char *name,
                                   const char *fallback);

/* "Ministry of Health – briefing 2026-12-04", without an extension: the print dialog adds
 * the one of the format chosen. */
char *lia_file_name_for_briefing  (const char  *record_name,
                                   const GDate *date);

/* "Regional Health Office.partners.xml": @office, or else the database file's name without
 * its extension, or a team server's database name (never the rest of its connection string).
 * The .partners.xml ending is what the MIME type's glob recognises. */
char *lia_file_name_for_directory (const char *office,
                                   const char *database_path);

G_END_DECLS
