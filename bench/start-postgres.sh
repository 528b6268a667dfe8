#!/usr/bin/env bash
# Starts a throw-away PostgreSQL 15 for the benchmark and prints its connection string.
# Usage: bench/start-postgres.sh DIR PORT     (DIR is created; an existing DIR/data is reused)
# Stop it with: runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D DIR/data -m fast stop
set -euo pipefail
dir=${1:?usage: start-postgres.sh DIR PORT}
port=${2:?usage: start-postgres.sh DIR PORT}
bin=/usr/lib/postgresql/15/bin
password=bench

id postgres >/dev/null 2>&1 || useradd --system --home /var/lib/postgresql --shell /bin/bash postgres
mkdir -p "$dir"
chown postgres:postgres "$dir"
if [[ ! -f "$dir/data/PG_VERSION" ]]; then
  printf '%s\n' "$password" >"$dir/pw"
  chown postgres:postgres "$dir/pw"
  # initdb refuses to run as root: run it as postgres.
  runuser -u postgres -- "$bin/initdb" -D "$dir/data" -U postgres --auth-host=scram-sha-256 --auth-local=trust \
    --pwfile="$dir/pw" -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
fi
# A server already running on this data (an earlier run's, or one started by hand to try a query) is used as it is:
# starting it again would fail, and the caller's clean-up would then stop the server it shares.
if ! runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
  # shared_buffers and work_mem as the brief says; max_wal_size so that bulk loads do not checkpoint every few seconds.
  runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w start \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c shared_buffers=1GB -c work_mem=32MB -c max_wal_size=8GB" >/dev/null
fi
echo "Host=127.0.0.1;Port=$port;Username=postgres;Password=$password"
