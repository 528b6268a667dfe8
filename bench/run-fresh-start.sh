#!/usr/bin/env bash
# The "right after start" latency target on its own, several readings: each round starts a new API process on the
# database run.sh seeded, waits until it answers, and times 300 alternating request pairs (PetitionGraph's OFFICE page
# against the hand-written SQL writing the same audit rows) after only the 50 warm-up pairs. Run bench/run.sh first.
#   READINGS=3  DB=bench_100k  BENCH_DIR=/tmp/petitiongraph-bench  SKIP_BUILD=1  EXTRA="Startup__WarmUp=false …"
#   WARMUP=50 RUNS=300  the pairs before and during the timing (a large WARMUP measures the steady state instead)
#   APP=DIR  run the API published in DIR (e.g. by `dotnet publish api -c Release -o DIR`) instead of the built one
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The scripts read the commands' English lines (Seeded N cases …); the commands answer in Chinese by default.
export PETITIONGRAPH_LANG=en
dir=${BENCH_DIR:-/tmp/petitiongraph-bench} db=${DB:-bench_100k}
pg_port=${PG_PORT:-55432} api_port=${API_PORT:-5091}
pgbin=/usr/lib/postgresql/15/bin
results=$dir/fresh-start.tsv
bench=(dotnet "$root/bench/PetitionGraph.Bench/bin/Release/net10.0/PetitionGraph.Bench.dll")
# shellcheck source=bench/common.sh
source bench/common.sh
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
  dotnet build api -c Release -v q -nologo | tail -2
  dotnet build bench/PetitionGraph.Bench -c Release -v q -nologo | tail -2
fi
conn=$(bash bench/start-postgres.sh "$dir" "$pg_port")
PGPASSWORD=bench "$pgbin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d "$db" -qAt -c "TRUNCATE audit_entries" -c "CHECKPOINT"
token=$(ConnectionStrings__Postgres="$conn;Database=$db" dotnet run --project api -c Release --no-build --no-launch-profile -- token --role OFFICE --user bench --hours 2 | tail -1)
if [[ -n ${APP:-} ]]; then api=(dotnet "$APP/PetitionGraph.Api.dll"); else api=(dotnet run --project api -c Release --no-build --no-launch-profile); fi
for reading in $(seq 1 "${READINGS:-3}"); do
  echo "== Reading $reading: a new API process on $db ${EXTRA:-}"
  # shellcheck disable=SC2086
  start "$dir/api-fresh-$reading.log" env ConnectionStrings__Postgres="$conn;Database=$db" Seed__DemoCases=0 Reports__SchedulerEnabled=false \
    Limits__RequestsPerMinute=0 Urls="http://127.0.0.1:$api_port" ${EXTRA:-} "${api[@]}"
  t0=$(date +%s.%N)
  until curl -sf -o /dev/null -H 'Content-Type: application/json' -H "Authorization: Bearer $token" -d '{"query":"{__typename}"}' "http://127.0.0.1:$api_port/graphql"; do sleep 0.2; done
  echo "  answering after $(python3 -c "print(f'{$(date +%s.%N)-$t0:.1f}')") s"
  "${bench[@]}" latency --token "$token" --label "$db-fresh-$reading" --graphql "http://127.0.0.1:$api_port/graphql" --postgres "$conn;Database=$db" \
    --query bench/queries/petitiongraph.graphql --sql bench/queries/cases-page-audited.sql --warmup "${WARMUP:-50}" --runs "${RUNS:-300}" --results "$results" | grep -E "ratio|GraphQL over|SQL via"
  stop "$started"
done
