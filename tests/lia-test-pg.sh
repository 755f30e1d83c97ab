# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sourced by the shell tests of a team server (test-import-pg.sh, test-check-pg.sh,
# bench/bench-pg-smoke.sh), run as TEST LIAISON on the throw-away cluster of pg-cluster.sh: sets $liaison and $data, skips (77)
# without PostgreSQL, works in a temporary folder, and reports in TAP through check.
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

# A server database of its own, made by `liaison server init`: prints its connection string.
server () {
  psql "$LIAISON_TEST_PG" -qXc "CREATE DATABASE $1" >/dev/null || return 1
  local uri
  uri=$(printf '%s' "$LIAISON_TEST_PG" | sed 's/dbname=[^ ]*//')" dbname=$1"
  "$liaison" server init "$uri" >/dev/null || return 1
  printf '%s' "$uri"
}
