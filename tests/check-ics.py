#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads an iCalendar file with python3-icalendar, a parser that is not Liaison's, and prints
one line per event and to-do, sorted, for tests/test-ics.c to compare:

  VEVENT <uid> <start> <end> <status> <summary> | <attendee emails, sorted>
  VTODO <uid> <due> <status> <summary>

Exit status 1 when the file does not parse or lacks what calendar programs need."""

import sys

import icalendar


def when(prop):
    value = prop.dt
    return value.isoformat()


def main(path):
    with open(path, 'rb') as f:
        calendar = icalendar.Calendar.from_ical(f.read())
    if calendar.get('VERSION') != '2.0' or 'PRODID' not in calendar:
        print('missing VERSION or PRODID', file=sys.stderr)
        return 1
    lines = []
    for component in calendar.walk():
        for needed in ('UID', 'DTSTAMP'):
            if component.name in ('VEVENT', 'VTODO') and needed not in component:
                print('%s without %s' % (component.name, needed), file=sys.stderr)
                return 1
        if component.name == 'VEVENT':
            attendees = component.get('ATTENDEE', [])
            if not isinstance(attendees, list):
                attendees = [attendees]
            emails = sorted(str(a).lower().replace('mailto:', '') for a in attendees)
            end = when(component['DTEND']) if 'DTEND' in component else '-'
            lines.append('VEVENT %s %s %s %s %s | %s' % (component['UID'], when(component['DTSTART']), end,
                                                         component.get('STATUS', '-'), component['SUMMARY'],
                                                         ' '.join(emails)))
        elif component.name == 'VTODO':
            lines.append('VTODO %s %s %s %s' % (component['UID'], when(component['DUE']),
                                                component.get('STATUS', '-'), component['SUMMARY']))
    for line in sorted(lines):
        print(line)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1]))
