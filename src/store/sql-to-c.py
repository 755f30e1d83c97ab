#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes an SQL file as a C string: sql-to-c.py INPUT OUTPUT NAME gives `const char NAME[]`,
and `const int NAME_version` from the file's line `-- Schema version: N`."""
import re
import sys

source, output, name = sys.argv[1:4]
with open(source, encoding='utf-8') as f:
    text = f.read()

match = re.search(r'^-- Schema version: (\d+)$', text, re.MULTILINE)
if match is None:
    sys.exit('%s: no "-- Schema version: N" line' % source)

lines = []
for line in text.splitlines(keepends=True):
    escaped = line.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n')
    lines.append('  "' + escaped + '"')

with open(output, 'w', encoding='utf-8') as f:
    f.write('/* Generated from %s by sql-to-c.py: edit the SQL file. */\n' % source.split('/')[-1])
    f.write('extern const char %s[];\n' % name)
    f.write('extern const int %s_version;\n' % name)
    f.write('const int %s_version = %s;\n' % (name, match.group(1)))
    f.write('const char %s[] =\n%s;\n' % (name, '\n'.join(lines) if lines else '  ""'))
