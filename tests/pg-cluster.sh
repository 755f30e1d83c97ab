#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A throw-away PostgreSQL cluster for the tests that need a real server.
#
#   tests/pg-cluster.sh COMMAND [ARGS…]
#
# Starts a cluster (initdb + postgres) in a new temporary folder, listening only on a Unix socket
# in that folder on a random port, with fsync off; runs COMMAND with LIAISON_TEST_PG set to a
# libpq connection string for its superuser (dbname=postgres); then stops the cluster and
# removes the folder, whatever COMMAND did (also on failure or an interrupt). Exits with
# COMMAND's status. Each test process gets its own cluster, so tests run in parallel freely,
# and each test makes the databases it needs inside it.
#
# - LIAISON_TEST_PG already set (a cluster of your own, or one a CI script started): used as it
#   is, nothing is started.
# - No PostgreSQL binaries (initdb, postgres): COMMAND runs without LIAISON_TEST_PG, and the
#   tests skip themselves (exit status 77), so they are reported as skipped, never as passed.
# - Run as root: initdb refuses root, so the cluster runs as the user `postgres` (or `nobody`)
#   in a folder that user owns; the tests (root) connect as the cluster's superuser.
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: $0 COMMAND [ARGS…]" >&2
  exit 2
fi

if [ -n "${LIAISON_TEST_PG:-}" ]; then
  exec "$@"
fi

find_bindir () {
  local dir
  if [ -n "${PG_BINDIR:-}" ] && [ -x "$PG_BINDIR/initdb" ]; then
    echo "$PG_BINDIR"
    return 0
  fi
  if command -v pg_config >/dev/null 2>&1; then
    dir=$(pg_config --bindir 2>/dev/null || true)
    if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/postgres" ] && [ -x "$dir/pg_isready" ]; then
      echo "$dir"
      return 0
    fi
  fi
  # Debian keeps the server's binaries out of PATH, one folder per major version.
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/postgres" ] && [ -x "$dir/pg_isready" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

if ! bindir=$(find_bindir); then
  echo "pg-cluster: no PostgreSQL server binaries (initdb, postgres): the tests that need one skip" >&2
  exec "$@"
fi

as_owner=()
owner=$(id -un)
if [ "$(id -u)" -eq 0 ]; then
  if id -u postgres >/dev/null 2>&1; then
    owner=postgres
  else
    owner=nobody
  fi
  as_owner=(runuser -u "$owner" --)
fi

# Under /tmp whatever TMPDIR says: a socket's path must stay short (about 100 bytes), and the
# cluster's user must be able to reach the folder.
dir=$(mktemp -d /tmp/liaison-pg.XXXXXX)
chmod 0755 "$dir"
if [ "$(id -u)" -eq 0 ]; then
  chown "$owner" "$dir"
fi

server_pid=
child=

stop_cluster () {
  local status=$?
  local postmaster
  if [ -n "$child" ]; then
    kill -TERM "$child" 2>/dev/null || true
  fi
  if [ -n "$server_pid" ]; then
    # Fast shutdown: the postmaster is the first line of its pid file (runuser's child).
    postmaster=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)
    kill -INT "${postmaster:-$server_pid}" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$dir"
  return $status
}
trap stop_cluster EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if ! "${as_owner[@]}" "$bindir/initdb" -D "$dir/data" -U "$owner" --auth=trust \
       --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1; then
  echo "pg-cluster: initdb failed:" >&2
  cat "$dir/initdb.log" >&2
  exit 1
fi

# The server runs in this script's process group (not through pg_ctl, which detaches it), so
# that a test runner that kills the group on a timeout stops it too. A random port: it only
# names the socket file, but two clusters never mix up theirs.
started=false
for attempt in 1 2 3 4 5; do
  port=$(( 20000 + RANDOM % 30000 ))
  "${as_owner[@]}" "$bindir/postgres" -D "$dir/data" -c listen_addresses='' \
    -c unix_socket_directories="$dir" -p "$port" -c fsync=off -c synchronous_commit=off \
    -c full_page_writes=off -c max_connections=40 >"$dir/server.log" 2>&1 &
  server_pid=$!
  for tick in $(seq 1 600); do
    if "$bindir/pg_isready" -q -h "$dir" -p "$port" -t 1 >/dev/null 2>&1; then
      started=true
      break 2
    fi
    if ! kill -0 "$server_pid" 2>/dev/null; then
      break
    fi
    sleep 0.1
  done
  kill -INT "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=
done
if ! $started; then
  echo "pg-cluster: the server did not start:" >&2
  cat "$dir/server.log" >&2 || true
  exit 1
fi

export LIAISON_TEST_PG="host=$dir port=$port user=$owner dbname=postgres"
export LIAISON_TEST_PG_BINDIR="$bindir"
# In the background and waited for, so that an interrupt stops the cluster at once.
set +e
"$@" &
child=$!
wait "$child"
status=$?
child=
set -e
exit $status
