/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lia-exchange"

#include "config.h"

#include <string.h>

#include "lia-ics-private.h"

/*
 * Time zones of calendar files that the file itself does not define. Outlook and Exchange
 * name zones the Windows way ("W. Europe Standard Time"), and not every file carries the
 * VTIMEZONE that says what the name means. The table maps the Windows names (from CLDR's
 * windowsZones.xml, territory "001") to IANA names, which GLib can read.
 */

static const struct {
  const char *windows;
  const char *iana;
} windows_zones[] = {
  { "Dateline Standard Time", "Etc/GMT+12" },
  { "UTC-11", "Etc/GMT+11" },
  { "Aleutian Standard Time", "America/Adak" },
  { "Hawaiian Standard Time", "Pacific/Honolulu" },
  { "Alaskan Standard Time", "America/Anchorage" },
  { "Pacific Standard Time (Mexico)", "America/Tijuana" },
  { "Pacific Standard Time", "America/Los_Angeles" },
  { "US Mountain Standard Time", "America/Phoenix" },
  { "Mountain Standard Time (Mexico)", "America/Mazatlan" },
  { "Mountain Standard Time", "America/Denver" },
  { "Central America Standard Time", "America/Guatemala" },
  { "Central Standard Time", "America/Chicago" },
  { "Central Standard Time (Mexico)", "America/Mexico_City" },
  { "Canada Central Standard Time", "America/Regina" },
  { "SA Pacific Standard Time", "America/Bogota" },
  { "Eastern Standard Time (Mexico)", "America/Cancun" },
  { "Eastern Standard Time", "America/New_York" },
  { "US Eastern Standard Time", "America/Indianapolis" },
  { "Venezuela Standard Time", "America/Caracas" },
  { "Atlantic Standard Time", "America/Halifax" },
  { "SA Western Standard Time", "America/La_Paz" },
  { "Central Brazilian Standard Time", "America/Cuiaba" },
  { "Pacific SA Standard Time", "America/Santiago" },
  { "Newfoundland Standard Time", "America/St_Johns" },
  { "E. South America Standard Time", "America/Sao_Paulo" },
  { "SA Eastern Standard Time", "America/Cayenne" },
  { "Argentina Standard Time", "America/Buenos_Aires" },
  { "Greenland Standard Time", "America/Godthab" },
  { "Montevideo Standard Time", "America/Montevideo" },
  { "UTC-02", "Etc/GMT+2" },
  { "Azores Standard Time", "Atlantic/Azores" },
  { "Cape Verde Standard Time", "Atlantic/Cape_Verde" },
  { "UTC", "Etc/UTC" },
  { "Coordinated Universal Time", "Etc/UTC" },
  { "GMT Standard Time", "Europe/London" },
  { "Greenwich Standard Time", "Atlantic/Reykjavik" },
  { "Morocco Standard Time", "Africa/Casablanca" },
  { "W. Europe Standard Time", "Europe/Berlin" },
  { "Central Europe Standard Time", "Europe/Budapest" },
  { "Romance Standard Time", "Europe/Paris" },
  { "Central European Standard Time", "Europe/Warsaw" },
  { "W. Central Africa Standard Time", "Africa/Lagos" },
  { "Jordan Standard Time", "Asia/Amman" },
  { "GTB Standard Time", "Europe/Bucharest" },
  { "Middle East Standard Time", "Asia/Beirut" },
  { "Egypt Standard Time", "Africa/Cairo" },
  { "E. Europe Standard Time", "Europe/Chisinau" },
  { "Syria Standard Time", "Asia/Damascus" },
  { "South Africa Standard Time", "Africa/Johannesburg" },
  { "FLE Standard Time", "Europe/Kiev" },
  { "Israel Standard Time", "Asia/Jerusalem" },
  { "Kaliningrad Standard Time", "Europe/Kaliningrad" },
  { "Sudan Standard Time", "Africa/Khartoum" },
  { "Libya Standard Time", "Africa/Tripoli" },
  { "Namibia Standard Time", "Africa/Windhoek" },
  { "Arabic Standard Time", "Asia/Baghdad" },
  { "Turkey Standard Time", "Europe/Istanbul" },
  { "Arab Standard Time", "Asia/Riyadh" },
  { "Belarus Standard Time", "Europe/Minsk" },
  { "Russian Standard Time", "Europe/Moscow" },
  { "E. Africa Standard Time", "Africa/Nairobi" },
  { "Iran Standard Time", "Asia/Tehran" },
  { "Arabian Standard Time", "Asia/Dubai" },
  { "Azerbaijan Standard Time", "Asia/Baku" },
  { "Russia Time Zone 3", "Europe/Samara" },
  { "Mauritius Standard Time", "Indian/Mauritius" },
  { "Georgian Standard Time", "Asia/Tbilisi" },
  { "Caucasus Standard Time", "Asia/Yerevan" },
  { "Afghanistan Standard Time", "Asia/Kabul" },
  { "West Asia Standard Time", "Asia/Tashkent" },
  { "Ekaterinburg Standard Time", "Asia/Yekaterinburg" },
  { "Pakistan Standard Time", "Asia/Karachi" },
  { "India Standard Time", "Asia/Calcutta" },
  { "Sri Lanka Standard Time", "Asia/Colombo" },
  { "Nepal Standard Time", "Asia/Katmandu" },
  { "Central Asia Standard Time", "Asia/Almaty" },
  { "Bangladesh Standard Time", "Asia/Dhaka" },
  { "Myanmar Standard Time", "Asia/Rangoon" },
  { "SE Asia Standard Time", "Asia/Bangkok" },
  { "N. Central Asia Standard Time", "Asia/Novosibirsk" },
  { "China Standard Time", "Asia/Shanghai" },
  { "North Asia Standard Time", "Asia/Krasnoyarsk" },
  { "Singapore Standard Time", "Asia/Singapore" },
  { "W. Australia Standard Time", "Australia/Perth" },
  { "Taipei Standard Time", "Asia/Taipei" },
  { "Ulaanbaatar Standard Time", "Asia/Ulaanbaatar" },
  { "North Asia East Standard Time", "Asia/Irkutsk" },
  { "Tokyo Standard Time", "Asia/Tokyo" },
  { "Korea Standard Time", "Asia/Seoul" },
  { "Yakutsk Standard Time", "Asia/Yakutsk" },
  { "Cen. Australia Standard Time", "Australia/Adelaide" },
  { "AUS Central Standard Time", "Australia/Darwin" },
  { "E. Australia Standard Time", "Australia/Brisbane" },
  { "AUS Eastern Standard Time", "Australia/Sydney" },
  { "West Pacific Standard Time", "Pacific/Port_Moresby" },
  { "Tasmania Standard Time", "Australia/Hobart" },
  { "Vladivostok Standard Time", "Asia/Vladivostok" },
  { "Central Pacific Standard Time", "Pacific/Guadalcanal" },
  { "New Zealand Standard Time", "Pacific/Auckland" },
  { "UTC+12", "Etc/GMT-12" },
  { "Fiji Standard Time", "Pacific/Fiji" },
  { "Tonga Standard Time", "Pacific/Tongatapu" },
  { "Samoa Standard Time", "Pacific/Apia" },
  { "Line Islands Standard Time", "Pacific/Kiritimati" },
};

const char *
_lia_ics_windows_zone_to_iana (const char *windows_name)
{
  g_assert (windows_name != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (windows_zones); i++)
    if (g_ascii_strcasecmp (windows_zones[i].windows, windows_name) == 0)
      return windows_zones[i].iana;
  return NULL;
}

/* Whether GLib read @zone from the system's database, rather than falling back to UTC because
 * it did not know the name. */
static GTimeZone *
known_zone (const char *identifier)
{
  GTimeZone *zone;

  if (identifier == NULL || identifier[0] == '\0' || strlen (identifier) > 64)
    return NULL;
  /* A path would let a file name any file on the disk. */
  if (identifier[0] == '/' || strstr (identifier, "..") != NULL)
    return NULL;

  zone = g_time_zone_new_identifier (identifier);
  return zone;
}

GTimeZone *
_lia_ics_zone_for_tzid (const char *tzid)
{
  const char *iana;
  const char *slash;

  if (tzid == NULL || tzid[0] == '\0')
    return NULL;

  if ((iana = _lia_ics_windows_zone_to_iana (tzid)) != NULL)
    return known_zone (iana);

  /* An IANA name, perhaps behind a vendor's prefix ("/mozilla.org/20050126_1/Europe/Paris",
   * "/freeassociation.sourceforge.net/Europe/Paris"): try each tail that starts after a '/'. */
  for (const char *p = tzid; p != NULL; p = slash != NULL ? slash + 1 : NULL)
    {
      GTimeZone *zone;

      if (strchr (p, '/') != NULL || g_str_equal (p, "UTC") || g_str_equal (p, "GMT"))
        if ((zone = known_zone (p)) != NULL)
          return zone;
      slash = strchr (p, '/');
    }

  return NULL;
}
