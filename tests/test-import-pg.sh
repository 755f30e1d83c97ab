#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# `liaison import` and `liaison export` on a team server (docs/team-server.md, "Moving in and
# out"), on the throw-away cluster of pg-cluster.sh: tests/test-import-pg.sh LIAISON
# Skipped (77) without PostgreSQL.
set -uo pipefail

liaison=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
data=$(cd "$(dirname "$0")" && pwd)/data/interop
if [ -z "${LIAISON_TEST_PG:-}" ]; then
  echo "1..0 # SKIP no PostgreSQL (initdb, postgres) here"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
unset LIAISON_DATABASE
n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; }
check () { if eval "$2"; then ok "$1"; else not_ok "$1"; fi; }

# A server database of its own, made by `liaison server init`.
server () {
  psql "$LIAISON_TEST_PG" -qXc "CREATE DATABASE $1" >/dev/null || return 1
  local uri
  uri=$(printf '%s' "$LIAISON_TEST_PG" | sed 's/dbname=[^ ]*//')" dbname=$1"
  "$liaison" server init "$uri" >/dev/null || return 1
  printf '%s' "$uri"
}

# A directory without its export time, which is all that differs between two exports of the
# same data.
export_to () {
  "$liaison" export --database "$1" - | sed 's/ exported="[^"]*"//'
}

count () { grep -c "<$1 " "$2"; }

# Fixtures: partner directories written by Liaison from real files of other programs
# (cards with photos and organizations, calendar invitations with their people, CSV rows).
for f in "$data"/vcard/*.vcf; do "$liaison" import --database cards.db "$f" >/dev/null 2>&1; done
for f in "$data"/ics/*.ics "$data"/csv/thunderbird-export.csv "$data"/csv/roundcube-gmail.csv; do
  "$liaison" import --database other.db "$f" >/dev/null 2>&1
done
"$liaison" export --database cards.db cards.xml >/dev/null
"$liaison" export --database other.db other.xml >/dev/null
check "fixtures have contacts and organizations" \
  '[ "$(count contact cards.xml)" -gt 20 ] && [ "$(count organization cards.xml)" -gt 3 ] && [ "$(count contact other.xml)" -gt 1 ] && [ "$(count interaction other.xml)" -gt 1 ]'

# 1. A directory imported to a server and exported back equals the file exported from a local
#    database of the same import.
uri=$(server one) || { echo "Bail out! no server database"; exit 1; }
check "import a directory into a server" '"$liaison" import --database "$uri" cards.xml >/dev/null'
"$liaison" import --database local.db cards.xml >/dev/null
export_to "$uri" > server.xml
export_to local.db > local.xml
check "the server's export equals the local database's" 'cmp -s server.xml local.xml'
check "the export kept every contact" '[ "$(count contact server.xml)" = "$(count contact cards.xml)" ]'

# 2. A failed import leaves the server unchanged.
head -c $(( $(wc -c < other.xml) / 2 )) other.xml > broken.xml
check "a broken directory is refused" '! "$liaison" import --database "$uri" broken.xml >/dev/null 2>err.txt'
check "saying where" 'grep -q "broken.xml:[0-9]*:[0-9]*" err.txt'
export_to "$uri" > after.xml
check "and the server is unchanged" 'cmp -s server.xml after.xml'

echo "1..$n"
exit $failed
