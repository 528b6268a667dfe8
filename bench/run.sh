#!/usr/bin/env bash
# Reproduces BENCHMARKS.md: starts PostgreSQL, seeds 100k and 1M cases, starts PetitionGraph and PostGraphile
# on each database, measures latency against hand-written SQL and throughput against PostGraphile, prints a table.
# Everything it starts, it stops. Run from anywhere: bash bench/run.sh
#   SIZES="bench_100k:100000 bench_1m:1000000"  databases to seed and measure (name:cases)
#   SKIP_SEED=1   reuse databases seeded by an earlier run     BENCH_DIR=/tmp/petitiongraph-bench
#   KEEP_AUDIT=1  keep the audit entries earlier runs wrote (by default each database's run starts with none)
#   SKIP_BUILD=1  use the Release builds already in api/bin and bench/PetitionGraph.Bench/bin
#   WARMUP=50 RUNS=300 (latency)   CONCURRENCY=8 SECONDS_PER_RUN=20 WARMUP_SECONDS=10 ROUNDS=3 (throughput)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The scripts read the commands' English lines (Seeded N cases …); the commands answer in Chinese by default.
export PETITIONGRAPH_LANG=en
dir=${BENCH_DIR:-/tmp/petitiongraph-bench}
sizes=${SIZES:-"bench_100k:100000 bench_1m:1000000"}
pg_port=${PG_PORT:-55432} api_port=${API_PORT:-5091} pgl_port=${PGL_PORT:-5092}
pgbin=/usr/lib/postgresql/15/bin
results=$dir/results.tsv
bench=(dotnet "$root/bench/PetitionGraph.Bench/bin/Release/net10.0/PetitionGraph.Bench.dll")
pgl_dir=$root/bench/postgraphile
mkdir -p "$dir"
pids=()
# The API runs as in production (no launch profile, so no demo mode) and needs a signing key: one per bench folder.
[[ -s $dir/signing-key.b64 ]] || head -c 32 /dev/urandom | base64 >"$dir/signing-key.b64"
export Auth__SigningKey
Auth__SigningKey=$(cat "$dir/signing-key.b64")

cleanup() {
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

# start LOG COMMAND…: runs COMMAND in its own process group (dotnet run has a child); its id is left in $started.
start() {
  local log=$1; shift
  setsid "$@" >"$log" 2>&1 &
  started=$!
  pids+=("$started")
}
stop() { kill -TERM -- "-$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }
wait_for() { # URL BODY LOG [CURL ARGS…]
  local url=$1 body=$2 log=$3; shift 3
  # Long enough for migrations of a large database on start (the audit-trail rewrite took 88 s at 4.8M rows).
  for _ in $(seq 1 900); do
    curl -sf -o /dev/null -H 'Content-Type: application/json' "$@" -d "$body" "$url" && return 0
    sleep 1
  done
  echo "Not ready: $url" >&2; tail -30 "$log" >&2; return 1
}
sql() { PGPASSWORD=bench "$pgbin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

echo "== Build"
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
  dotnet build api -c Release -v q -nologo | tail -3
  dotnet build bench/PetitionGraph.Bench -c Release -v q -nologo | tail -3
fi
[[ -d $pgl_dir/node_modules ]] || (cd "$pgl_dir" && npm ci --no-audit --no-fund)

echo "== PostgreSQL"
conn=$(bash bench/start-postgres.sh "$dir" "$pg_port")
[[ ${SKIP_SEED:-0} == 1 ]] || : >"$results"
{ nproc; free -h | sed -n 2p; grep -m1 'model name' /proc/cpuinfo; date -u; } >"$dir/machine.txt"

for size in $sizes; do
  db=${size%%:*} cases=${size##*:}
  if [[ ${SKIP_SEED:-0} != 1 ]]; then
    echo "== Seed $db: $cases cases"
    sql -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
    t0=$(date +%s.%N)
    ConnectionStrings__Postgres="$conn;Database=$db" \
      dotnet run --project api -c Release --no-build --no-launch-profile -- seed --cases "$cases" | tee "$dir/seed-$db.log" | tail -4
    t1=$(date +%s.%N)
    line=$(tail -1 "$dir/seed-$db.log")  # Seeded N cases (R rows) in S s.
    rows=$(sed -E 's/.*\(([0-9,]+) rows\).*/\1/' <<<"$line" | tr -d ,)
    wall=$(python3 -c "print(f'{$t1-$t0:.1f}')")
    t2=$(date +%s.%N); sql -d "$db" -c "VACUUM (ANALYZE)"; t3=$(date +%s.%N)
    printf 'seed\t%s\t%s\t%s\t%s\t%s\tvacuum+analyze %s s\n' "$db" "$cases" "$rows" "$wall" \
      "$(python3 -c "print(round($rows/($t1-$t0)))")" "$(python3 -c "print(f'{$t3-$t2:.1f}')")" >>"$results"
    sql -d "$db" -c "SELECT pg_size_pretty(pg_database_size('$db'))" | sed "s/^/  size of $db: /"
  fi

  # OFFICE pages append to the audit trail, so without this each run would start where the last left off (6.4M
  # entries, 5 GB, after 23 runs on one database) and runs would not be alike. KEEP_AUDIT=1 keeps the trail.
  if [[ ${KEEP_AUDIT:-0} != 1 ]] && [[ $(sql -d "$db" -c "SELECT to_regclass('audit_entries') IS NOT NULL") == t ]]; then
    echo "== Empty the audit trail of $db ($(sql -d "$db" -c "SELECT count(*) FROM audit_entries") entries)"
    sql -d "$db" -c "TRUNCATE audit_entries" -c "VACUUM (ANALYZE) audit_entries"
  fi
  # Write out what seeding and vacuum dirtied now: otherwise the next timed checkpoint spends the first rounds writing
  # gigabytes in the background (run 27: 36 % of shared buffers during the 100k rounds).
  sql -d "$db" -c "CHECKPOINT"

  echo "== Servers on $db"
  api_log=$dir/api-$db.log pgl_log=$dir/postgraphile-$db.log
  start "$api_log" env ConnectionStrings__Postgres="$conn;Database=$db" Seed__DemoCases=0 \
    Reports__SchedulerEnabled=false Limits__RequestsPerMinute=0 Urls="http://127.0.0.1:$api_port" dotnet run --project api -c Release --no-build --no-launch-profile
  api=$started
  start "$pgl_log" env NODE_ENV=production PATH="$pgl_dir/node_modules/.bin:$PATH" \
    DATABASE_URL="postgres://postgres:bench@127.0.0.1:$pg_port/$db" PORT="$pgl_port" \
    bash -c 'cd "$0" && exec postgraphile -C graphile.config.mjs' "$pgl_dir"
  pgl=$started
  # Every request needs a token. OFFICE reads names unmasked, so each page also writes its audit entries (one per
  # petitioner shown); ANALYST sees them masked and writes none. Each is compared with hand-written SQL that does
  # the same: cases-page-audited.sql writes the same audit rows in its one round trip, cases-page-masked.sql masks.
  token=$(dotnet run --project api -c Release --no-build --no-launch-profile -- token --role OFFICE --user bench --hours 12 | tail -1)
  analyst=$(dotnet run --project api -c Release --no-build --no-launch-profile -- token --role ANALYST --user bench --hours 12 | tail -1)
  wait_for "http://127.0.0.1:$api_port/graphql" '{"query":"{__typename}"}' "$api_log" -H "Authorization: Bearer $token"
  wait_for "http://127.0.0.1:$pgl_port/graphql" '{"query":"{__typename}"}' "$pgl_log"
  api_url=http://127.0.0.1:$api_port/graphql pgl_url=http://127.0.0.1:$pgl_port/graphql
  # latency LABEL TOKEN SQL: PetitionGraph's page against a hand-written statement, request by request.
  # A fourth argument adds to the SQL side's connection string. ";Max Auto Prepare=64;No Reset On Close=true" gives the
  # hand-written statement what the API's connections get by default (DatabaseOptions.WithPoolDefaults).
  latency() {
    "${bench[@]}" latency --token "$2" --label "$1" --graphql "$api_url" --postgres "$conn;Database=$db${4:-}" \
      --query bench/queries/petitiongraph.graphql --sql "bench/queries/$3" \
      --warmup "${WARMUP:-50}" --runs "${RUNS:-300}" --results "$results" || echo "  (responses differ: see above)"
  }

  echo "-- Latency right after start (fresh process, only the 50 warm-up requests)"
  latency "$db-fresh/office-audited" "$token" cases-page-audited.sql
  echo "-- Same data from PostGraphile?"
  "${bench[@]}" compare --token "$token" --graphql "$api_url" --query bench/queries/petitiongraph.graphql \
    --postgraphile "$pgl_url" --postgraphile-query bench/queries/postgraphile.graphql || echo "  (responses differ: see above)"
  # Alternate the servers, so that a slow spell of this shared machine does not land on one side only.
  for round in $(seq 1 "${ROUNDS:-3}"); do
    for target in "petitiongraph office $token" "petitiongraph analyst $analyst" "postgraphile - -"; do
      read -r name role bearer <<<"$target"
      url=$([[ $name == petitiongraph ]] && echo "$api_url" || echo "$pgl_url")
      echo "-- Throughput: $name $role (round $round)"
      "${bench[@]}" load --token "$([[ $name == petitiongraph ]] && echo "$bearer")" --label "$db/$name$([[ $role != - ]] && echo "-$role")" --url "$url" --query "bench/queries/$name.graphql" \
        --concurrency "${CONCURRENCY:-8}" --seconds "${SECONDS_PER_RUN:-20}" --warmup-seconds "${WARMUP_SECONDS:-10}" --results "$results"
    done
  done
  # Again, now that both servers are warm (the throughput runs sent them thousands of requests).
  echo "-- Latency, warm: OFFICE (unmasked, audited) vs SQL writing the same audit rows"
  latency "$db/office-audited" "$token" cases-page-audited.sql
  echo "-- Latency, warm: ANALYST (masked, nothing audited) vs SQL masking the names"
  latency "$db/analyst-masked" "$analyst" cases-page-masked.sql
  echo "-- Latency, warm: both again, the hand-written SQL prepared too (like for like: the API prepares its statements)"
  latency "$db/office-audited-sql-prepared" "$token" cases-page-audited.sql ";Max Auto Prepare=64;No Reset On Close=true"
  latency "$db/analyst-masked-sql-prepared" "$analyst" cases-page-masked.sql ";Max Auto Prepare=64;No Reset On Close=true"
  echo "-- Latency, warm: OFFICE vs the plain SQL page (what the audit costs)"
  latency "$db/office-vs-plain" "$token" cases-page.sql
  echo "-- Where PetitionGraph's time goes"
  "${bench[@]}" breakdown --token "$token" --label "$db" --graphql "$api_url" --postgres "$conn;Database=$db" --runs "${RUNS:-300}" --results "$results"
  stop "$api"; stop "$pgl"
done

echo
echo "== Machine"; cat "$dir/machine.txt"
echo "== Results ($results)"
table() { { printf '%s\n' "$1"; grep "^$2" "$results" || true; } | column -t -s $'\t'; echo; }
table $'seed\tdatabase\tcases\trows\twall_s\trows_per_s\tnote' seed
table $'latency\tdatabase\tgraphql_median_ms\tgraphql_p95_ms\tsql_median_ms\tsql_p95_ms\tratio\tcheck' latency
table $'breakdown\tdatabase\tapi_statements_all_columns_ms\tneeded_columns_ms\tneeded_columns_reference_cached_ms\tempty_graphql_request_ms' breakdown
table $'load\tserver\tclients\trequests\treq_per_s\tmedian_ms\tp95_ms\tload_generator_cpu_s\tmachine_cpu_busy_pct' load
