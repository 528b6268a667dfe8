#!/usr/bin/env bash
# Every grouping of statistics, and every report kind with its PDF, at 1,000,000 cases (issue #24): reuses the 1M
# PostgreSQL database that bench/run.sh seeded, starts the API (Release, as in production, scheduler off) and runs
# bench/groupings.py: ROUNDS alternating rounds — each round asks every grouping once, in turn — then each report.
# Run from anywhere: bash bench/run-groupings.sh        (results: $BENCH_DIR/groupings.tsv and reports.tsv)
#   BENCH_DIR=/tmp/petitiongraph-bench DB=bench_1m PG_PORT=55432   FROM=2025-11-01 TO=2026-11-01 PERIOD=2026-10
#   ROUNDS=5 REPORT_ROUNDS=5 SKIP_BUILD=1   ONLY=statistics|reports   REPORTS=MONTHLY_OVERVIEW,DUE_LIST (default: all)
#   CAMPAIGN_PROGRESS creates, once, the widest campaign (baseline at the first petition, 2019-01-01) if there is none
#   CLOSE_MONTHS=1  close the months first (closePeriod, as the monthly reports do): closed months are then rolled up
#   CLOSE_FROM=2011-03  first close every month from then on (all history, as an office that filed every monthly report)
#                   on first use; first_ms is that first (computing) request, the median the rounds after it
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The scripts read the commands' English lines (Seeded N cases …); the commands answer in Chinese by default.
export PETITIONGRAPH_LANG=en
dir=${BENCH_DIR:-/tmp/petitiongraph-bench}
pgbin=/usr/lib/postgresql/15/bin
db=${DB:-bench_1m} pg_port=${PG_PORT:-55432} api_port=${API_PORT:-5096}
source bench/common.sh
[[ -f $dir/data/PG_VERSION ]] || { echo "No database in $dir: run bench/run.sh first (it seeds 100k and 1M cases)." >&2; exit 1; }
[[ -n ${SKIP_BUILD:-} ]] || dotnet build api -c Release -v q -nologo >/dev/null
conn=$(bash bench/start-postgres.sh "$dir" "$pg_port")
rm -rf "$dir/app-groupings"
cp -r api/bin/Release/net10.0 "$dir/app-groupings"
export ConnectionStrings__Postgres="$conn;Database=$db"
token=$(cd "$dir/app-groupings" && dotnet PetitionGraph.Api.dll token --role ANALYST --hours 4 | tail -1)
office_token=$(cd "$dir/app-groupings" && dotnet PetitionGraph.Api.dll token --role OFFICE --hours 4 | tail -1)
start "$dir/api-groupings.log" env -C "$dir/app-groupings" Seed__DemoCases=0 Reports__SchedulerEnabled=false Limits__RequestsPerMinute=0 \
  Urls="http://127.0.0.1:$api_port" dotnet PetitionGraph.Api.dll
for _ in $(seq 1 600); do curl -sf -o /dev/null "http://127.0.0.1:$api_port/readyz" && break; sleep 1; done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(date -u +%Y-%m-%d); $(git rev-parse --short HEAD)"
python3 bench/groupings.py --url "http://127.0.0.1:$api_port" --token "$token" --from "${FROM:-2025-11-01}" --to "${TO:-2026-11-01}" \
  --period "${PERIOD:-2026-10}" --rounds "${ROUNDS:-5}" --report-rounds "${REPORT_ROUNDS:-5}" --only "${ONLY:-all}" --out "$dir" ${REPORTS:+--reports "$REPORTS"} \
  --office-token "$office_token" ${CLOSE_MONTHS:+--close-months} ${CLOSE_FROM:+--close-from "$CLOSE_FROM"}
