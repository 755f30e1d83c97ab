#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-potfiles.sh SOURCE_ROOT: fails naming every file with translatable strings that
# po/POTFILES.in does not list (its strings would never reach the translators), and every
# listed file that does not exist (xgettext would fail).
#
# Candidates are the files that mention _(, N_(, C_(, ngettext or translatable="yes", and the
# desktop file, metainfo, settings schema and MIME type in data/; xgettext then confirms that
# a candidate really has a string, so a comment that mentions N_() is not a false alarm.
set -u

root="$1"
cd "$root" || exit 1

if ! command -v xgettext >/dev/null 2>&1; then
  echo "SKIP: xgettext is not installed (Debian package gettext)"
  exit 77
fi

listed=$(grep -v '^#' po/POTFILES.in | sed '/^[[:space:]]*$/d')
status=0

for file in $listed; do
  if [ ! -f "$file" ]; then
    echo "po/POTFILES.in lists $file, which does not exist"
    status=1
  fi
done

candidates=$( {
  grep -rlE '_\(|N_\(|C_\(|ngettext|translatable="yes"' src --include='*.c' --include='*.h' --include='*.ui'
  ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml data/*.mime.xml 2>/dev/null
} | sort -u)

for file in $candidates; do
  if ! xgettext --from-code=UTF-8 --output=- -k_ -kN_ -kC_:1c,2 -kNC_:1c,2 -kngettext:1,2 \
        -kg_dngettext:2,3 "$file" 2>/dev/null | grep -q '^msgid "[^"]'; then
    continue
  fi
  if ! printf '%s\n' "$listed" | grep -qxF "$file"; then
    echo "$file has translatable strings but is not in po/POTFILES.in"
    status=1
  fi
done

if [ "$status" -eq 0 ]; then
  echo "po/POTFILES.in lists every file with translatable strings ($(printf '%s\n' "$listed" | wc -l) files)"
fi
exit "$status"
