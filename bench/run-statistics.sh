#!/usr/bin/env bash
# Reproduces "Figures and reports (issue #4)" in BENCHMARKS.md: starts PostgreSQL, seeds 1,000,000 cases, starts the
# API (Release), and measures statistics(interval: MONTH, groupBy: [CATEGORY]) with every figure against one
# hand-written SQL statement (checked equal first), each family of figures alone, the API's statements under
# EXPLAIN (ANALYZE, BUFFERS), and the monthly overview report over GraphQL and from the command line.
# Everything it starts, it stops. Run from anywhere: bash bench/run-statistics.sh
#   SKIP_SEED=1   reuse the database seeded by an earlier run      BENCH_DIR=/tmp/petitiongraph-stats
#   SKIP_BUILD=1  use the Release builds already in api/bin and bench/PetitionGraph.Bench/bin
#   SKIP_PUBLISH=1  reuse the API published into $BENCH_DIR/app by the last run (publishing takes ~1.5 min: ReadyToRun)
#   DB=bench_1m CASES=1000000   WARMUP=3 RUNS=15 (statistics)   REPORT_RUNS=5 CLI_RUNS=3 (report)
#   FROM=2025-11-01 TO=2026-11-01 (office-time dates; default: the twelve months before the current one)
#   PERIOD=2026-10 (the report's month; default: the last full month)
#   INDEX_WHATIF=1   also measure the statistics with two covering indexes (created for the run, dropped after):
#                    cases (id) INCLUDE (category_id, village_id), petitions (received_at) INCLUDE (case_id, level, is_first)
#   API_SOURCE=head  build the API from a clean export of the last commit (git archive HEAD) instead of the working
#                    tree, e.g. while someone else has unfinished changes under api/; the bench project is always
#                    built from the working tree
# The API runs from its published build in $BENCH_DIR/app, started as "dotnet api.dll": a build of api/ by
# someone else during the run cannot change the binaries under test, and a "pkill -f PetitionGraph" elsewhere on a
# shared machine does not stop it.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The scripts read the commands' English lines (Seeded N cases …); the commands answer in Chinese by default.
export PETITIONGRAPH_LANG=en
dir=${BENCH_DIR:-/tmp/petitiongraph-stats}
db=${DB:-bench_1m} cases=${CASES:-1000000}
pg_port=${PG_PORT:-55433} api_port=${API_PORT:-5093}
pgbin=/usr/lib/postgresql/15/bin
results=$dir/results.tsv
bench=(dotnet "$root/bench/PetitionGraph.Bench/bin/Release/net10.0/PetitionGraph.Bench.dll")
mkdir -p "$dir"
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  # The measurements change settings with ALTER SYSTEM (statement logging, jit); put them back.
  [[ -n ${conn:-} ]] && sql -c "ALTER SYSTEM RESET ALL" -c "SELECT pg_reload_conf()" >/dev/null 2>&1 || true
  [[ -n ${conn:-} ]] && drop_whatif >/dev/null 2>&1 || true
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

# start LOG COMMAND…: runs COMMAND in its own process group; its id is left in $started.
start() {
  local log=$1; shift
  setsid "$@" >"$log" 2>&1 &
  started=$!
  pids+=("$started")
}
stop() { kill -TERM -- "-$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }
auth=()  # the bearer-token header, for an API that requires one
wait_for() { # URL BODY LOG
  # Long enough for migrations of a large database on start (the audit-trail rewrite took 88 s at 4.8M rows).
  for _ in $(seq 1 900); do
    curl -sf -o /dev/null -H 'Content-Type: application/json' "${auth[@]}" -d "$2" "$1" && return 0
    sleep 1
  done
  echo "Not ready: $1" >&2; tail -30 "$3" >&2; return 1
}
sql() { PGPASSWORD=bench "$pgbin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
seconds() { python3 -c "print(f'{$2-$1:.1f}')"; }
drop_whatif() { sql -d "$db" -c "DROP INDEX IF EXISTS bench_whatif_cases_id" -c "DROP INDEX IF EXISTS bench_whatif_petitions_received_at"; }

echo "== Build"
api_source=${API_SOURCE:-worktree}
api_dir=api
if [[ $api_source == head ]]; then
  api_dir=$dir/src/api
  if [[ ${SKIP_BUILD:-0} != 1 ]]; then
    rm -rf "$dir/src" && mkdir -p "$dir/src"
    git archive HEAD | tar -x -C "$dir/src"
  fi
fi
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
  dotnet build "$api_dir" -c Release -v q -nologo | tail -3
  dotnet build bench/PetitionGraph.Bench -c Release -v q -nologo | tail -3
fi
# Published as an office installs it (dotnet publish -r linux-x64: ReadyToRun, see README "Command line"); SKIP_PUBLISH=1
# reuses the last one.
if [[ ${SKIP_PUBLISH:-0} != 1 || ! -f $dir/app/api.dll ]]; then
  rm -rf "$dir/app"
  dotnet publish "$api_dir" -c Release -r linux-x64 --self-contained false -o "$dir/app" -v q -nologo | tail -3
fi
for f in dll runtimeconfig.json deps.json; do cp "$dir/app/PetitionGraph.Api.$f" "$dir/app/api.$f"; done
api_cmd=(dotnet api.dll)  # run in $dir/app, where appsettings.json is
# Started as the published program is (Production): it needs a signing key, one per bench folder.
[[ -s $dir/signing-key.b64 ]] || head -c 32 /dev/urandom | base64 >"$dir/signing-key.b64"
export Auth__SigningKey
Auth__SigningKey=$(cat "$dir/signing-key.b64")

echo "== PostgreSQL"
conn=$(bash bench/start-postgres.sh "$dir" "$pg_port")
[[ ${SKIP_SEED:-0} == 1 ]] || : >"$results"
{ nproc; free -h | sed -n 2p; grep -m1 'model name' /proc/cpuinfo; date -u; echo "HEAD $(git rev-parse --short HEAD), API built from: $api_source";
  git status --porcelain | grep -q . && echo "uncommitted in the working tree: $(git status --porcelain | awk '{print $2}' | paste -sd' ')"; } >"$dir/machine.txt" || true

if [[ ${SKIP_SEED:-0} != 1 ]]; then
  echo "== Seed $db: $cases cases"
  sql -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  t0=$(date +%s.%N)
  (cd "$dir/app" && ConnectionStrings__Postgres="$conn;Database=$db" "${api_cmd[@]}" seed --cases "$cases") | tee "$dir/seed-$db.log" | tail -3
  t1=$(date +%s.%N)
  line=$(tail -1 "$dir/seed-$db.log")  # Seeded N cases (R rows) in S s.
  rows=$(sed -E 's/.*\(([0-9,]+) rows\).*/\1/' <<<"$line" | tr -d ,)
  t2=$(date +%s.%N); sql -d "$db" -c "VACUUM (ANALYZE)"; t3=$(date +%s.%N)
  printf 'seed\t%s\t%s\t%s\t%s\t%s\tseeder %s s, vacuum+analyze %s s, %s\n' "$db" "$cases" "$rows" "$(seconds "$t0" "$t1")" \
    "$(python3 -c "print(round($rows/($t1-$t0)))")" "$(sed -E 's/.* in ([0-9.]+) s\.$/\1/' <<<"$line")" "$(seconds "$t2" "$t3")" \
    "$(sql -d "$db" -c "SELECT pg_size_pretty(pg_database_size('$db'))")" >>"$results"
fi
sql -d "$db" -c "SELECT 'rows: ' || string_agg(relname || ' ' || n_live_tup, ', ' ORDER BY n_live_tup DESC) FROM pg_stat_user_tables WHERE n_live_tup > 0"

# An API with access control (the "token" verb) takes a bearer token; ANALYST sees every case and every statistic.
token_args=()
if (cd "$dir/app" && "${api_cmd[@]}" help 2>/dev/null | grep -qE '^ +token '); then
  token=$(cd "$dir/app" && ConnectionStrings__Postgres="$conn;Database=$db" "${api_cmd[@]}" token --role ANALYST --hours 4 | tail -1)
  auth=(-H "Authorization: Bearer $token")
  token_args=(--token "$token")
  echo "(the API requires a bearer token: using an ANALYST development token)"
fi

echo "== API on $db (Release, scheduler off)"
api_log=$dir/api-$db.log
start "$api_log" env -C "$dir/app" ConnectionStrings__Postgres="$conn;Database=$db" Seed__DemoCases=0 \
  Reports__SchedulerEnabled=false Urls="http://127.0.0.1:$api_port" "${api_cmd[@]}"
api=$started
api_url=http://127.0.0.1:$api_port/graphql
wait_for "$api_url" '{"query":"{__typename}"}' "$api_log"

period_args=()
[[ -n ${FROM:-} ]] && period_args+=(--from "$FROM")
[[ -n ${TO:-} ]] && period_args+=(--to "$TO")
echo "-- Statistics: GraphQL vs hand-written SQL, families, the API's statements"
"${bench[@]}" statistics "${token_args[@]}" --label "$db" --graphql "$api_url" --postgres "$conn;Database=$db" --sql bench/queries/statistics.sql \
  "${period_args[@]}" --warmup "${WARMUP:-3}" --runs "${RUNS:-15}" --pg-log "$dir/log" --explain-out "$dir/statistics-plans.txt" \
  --save "$dir/statistics" --results "$results" || echo "  (figures differ: see above)"

echo "-- Statistics again with jit = off on the server (a what-if: PostgreSQL's default is on; both sides alike)"
sql -c "ALTER SYSTEM SET jit = off" -c "SELECT pg_reload_conf()" >/dev/null
"${bench[@]}" statistics "${token_args[@]}" --label "$db,jit=off" --graphql "$api_url" --postgres "$conn;Database=$db" --sql bench/queries/statistics.sql \
  "${period_args[@]}" --warmup "${WARMUP:-3}" --runs "${RUNS:-15}" --families 0 --results "$results" || echo "  (figures differ: see above)"
sql -c "ALTER SYSTEM RESET jit" -c "SELECT pg_reload_conf()" >/dev/null

if [[ ${INDEX_WHATIF:-0} == 1 ]]; then
  echo "-- What if: two covering indexes (created now, dropped right after)"
  sql -d "$db" -c "CREATE INDEX bench_whatif_cases_id ON cases (id) INCLUDE (category_id, village_id)" \
    -c "CREATE INDEX bench_whatif_petitions_received_at ON petitions (received_at) INCLUDE (case_id, level, is_first)" \
    -c "VACUUM (ANALYZE) cases, petitions"
  "${bench[@]}" statistics "${token_args[@]}" --label "$db,+indexes" --graphql "$api_url" --postgres "$conn;Database=$db" --sql bench/queries/statistics.sql \
    "${period_args[@]}" --warmup "${WARMUP:-3}" --runs "${RUNS:-15}" --pg-log "$dir/log" --explain-out "$dir/statistics-plans-indexes.txt" \
    --results "$results" || echo "  (figures differ: see above)"
  drop_whatif
fi

echo "-- Monthly overview report over GraphQL"
report_args=()
[[ -n ${PERIOD:-} ]] && report_args+=(--period "$PERIOD")
"${bench[@]}" report "${token_args[@]}" --label "$db" --graphql "$api_url" --postgres "$conn;Database=$db" "${report_args[@]}" \
  --runs "${REPORT_RUNS:-5}" --pg-log "$dir/log" --explain-out "$dir/report-plans.txt" --results "$results"
stop "$api"

echo "-- Monthly overview report from the command line (a new process each time)"
period=${PERIOD:-$(TZ=Asia/Shanghai date -d "$(TZ=Asia/Shanghai date +%Y-%m-01) -1 month" +%Y-%m)}
for i in $(seq 1 "${CLI_RUNS:-3}"); do
  rm -rf "$dir/report-out"
  t0=$(date +%s.%N)
  out=$(cd "$dir/app" && ConnectionStrings__Postgres="$conn;Database=$db" Reports__SchedulerEnabled=false \
    "${api_cmd[@]}" report monthly-overview --period "$period" --out "$dir/report-out" | tail -1)
  t1=$(date +%s.%N)
  echo "  $(seconds "$t0" "$t1") s wall: $out"
  printf 'report\t%s\tcli report monthly-overview %s\t%s\t\t%s\t\n' "$db" "$period" "$(python3 -c "print(f'{($t1-$t0)*1000:.0f}')")" \
    "$(sed -E 's/.*, ([0-9.]+) s\)\.$/\1/' <<<"$out" | python3 -c "import sys; print(f'{float(sys.stdin.read())*1000:.0f}')" 2>/dev/null || echo '?')" >>"$results"
done
ls -l "$dir/report-out" | tail -n +2 | awk '{print "  " $5 "\t" $9}'

echo
echo "== Machine"; cat "$dir/machine.txt"
echo "== Results ($results)"
table() { { printf '%s\n' "$1"; grep "^$2	" "$results" || true; } | column -t -s $'\t'; echo; }
table $'seed\tdatabase\tcases\trows\twall_s\trows_per_s\tnote' seed
table $'statistics\tdatabase\tgraphql_median_ms\tgraphql_p90_ms\tsql_median_ms\tsql_p90_ms\tratio\tcheck' statistics
table $'family\tdatabase\tfigures selected\tmedian_ms\tp90_ms' family
table $'statement\tdatabase\t#\texecute_ms\tparse_bind_ms\texplain_analyze_ms\tstatement' statement
table $'report\tdatabase\thow\twall_median_ms\twall_p90_ms\trun_median_ms\tunder_5s' report
table $'report-part\tdatabase\tstatistics query\tmedian_ms\tp90_ms' report-part
table $'report-statement\tdatabase\t#\texecute_ms\tparse_bind_ms\texplain_analyze_ms\tstatement' report-statement
