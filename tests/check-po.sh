#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-po.sh PO_DIR: msgfmt --check on every translation in LINGUAS (format strings that do
# not match the original, a broken header or plural forms), and prints its statistics.
set -u

if ! command -v msgfmt >/dev/null 2>&1; then
  echo "SKIP: msgfmt is not installed (Debian package gettext)"
  exit 77
fi

status=0
languages=$(sed 's/#.*//' "$1/LINGUAS")
[ -n "$languages" ] || { echo "po/LINGUAS lists no language"; exit 1; }
for lang in $languages; do
  if [ ! -f "$1/$lang.po" ]; then
    echo "po/LINGUAS lists $lang, but $lang.po does not exist"
    status=1
    continue
  fi
  printf '%s.po: ' "$lang"
  msgfmt --check --statistics --output-file=/dev/null "$1/$lang.po" 2>&1 || status=1
done
exit "$status"
