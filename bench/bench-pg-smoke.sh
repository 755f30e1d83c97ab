#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The benchmarks on a team server, tiny, so that they cannot rot (docs/performance.md, "Team
# server"): run on the throw-away cluster of tests/pg-cluster.sh as
#   bench-pg-smoke.sh LIAISON BENCH-STORE BENCH-EXCHANGE BENCH-DIRECTORY-GEN BENCH-NOTIFY
# Each gets a database of its own made by `liaison server init`. Fails only on errors and wrong
# counts, never on time; skipped (77) without PostgreSQL.
bench_store=$(realpath "$2") bench_exchange=$(realpath "$3") generator=$(realpath "$4")
bench_notify=$(realpath "$5")
. "$(dirname "$0")/../tests/lia-test-pg.sh"

echo "1..3"
uri=$(server bench_store) || { echo "Bail out! no server database"; exit 1; }
check "bench-store fills a server and queries it" \
  '"$bench_store" --scale 0.001 --no-engagement --database "$uri" >store.txt'
uri=$(server bench_exchange) || { echo "Bail out! no server database"; exit 1; }
check "bench-exchange imports into a server and exports it" \
  '"$bench_exchange" --scale 0.0005 --generator "$generator" --dir x --database "$uri" >exchange.txt'
uri=$(server bench_notify) || { echo "Bail out! no server database"; exit 1; }
check "bench-notify sees another connection's insert, edit and delete" \
  '"$bench_notify" --rounds 2 --database "$uri" >notify.txt'
exit $failed
