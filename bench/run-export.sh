#!/usr/bin/env bash
# Export of a query's result to XLSX/CSV at 100,000 rows (issue #25): time and the API's memory, small against large,
# in alternating rounds. Reuses the 1M PostgreSQL database that bench/run.sh seeded; the API runs as in production.
# Run from anywhere: bash bench/run-export.sh          (results: $BENCH_DIR/export.tsv)
#   BENCH_DIR=/tmp/petitiongraph-bench DB=bench_1m PG_PORT=55432 ROUNDS=5 SKIP_BUILD=1
#   SMALL='{"village":{"code":{"eq":"…"}}}'  the small export's filter (default: the first village's cases)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The scripts read the commands' English lines (Seeded N cases …); the commands answer in Chinese by default.
export PETITIONGRAPH_LANG=en
dir=${BENCH_DIR:-/tmp/petitiongraph-bench}
pgbin=/usr/lib/postgresql/15/bin
db=${DB:-bench_1m} pg_port=${PG_PORT:-55432} api_port=${API_PORT:-5097}
source bench/common.sh
[[ -f $dir/data/PG_VERSION ]] || { echo "No database in $dir: run bench/run.sh first (it seeds 100k and 1M cases)." >&2; exit 1; }
[[ -n ${SKIP_BUILD:-} ]] || dotnet build api -c Release -v q -nologo >/dev/null
conn=$(bash bench/start-postgres.sh "$dir" "$pg_port")
rm -rf "$dir/app-export"
cp -r api/bin/Release/net10.0 "$dir/app-export"
export ConnectionStrings__Postgres="$conn;Database=$db"
token=$(cd "$dir/app-export" && dotnet PetitionGraph.Api.dll token --role ANALYST --hours 4 | tail -1)
start "$dir/api-export.log" env -C "$dir/app-export" Seed__DemoCases=0 Reports__SchedulerEnabled=false Limits__RequestsPerMinute=0 \
  Workbench__ExportMaxRows=100000 Urls="http://127.0.0.1:$api_port" dotnet PetitionGraph.Api.dll
for _ in $(seq 1 600); do curl -sf -o /dev/null "http://127.0.0.1:$api_port/readyz" && break; sleep 1; done
pid=$(pgrep -n -f "dotnet PetitionGraph.Api.dll")
small=${SMALL:-$(PGPASSWORD=bench psql -h 127.0.0.1 -p "$pg_port" -U postgres -d "$db" -Atc \
  "select json_build_object('village', json_build_object('code', json_build_object('eq', v.code))) from villages v order by v.id limit 1")}
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(date -u +%Y-%m-%d); $(git rev-parse --short HEAD); API pid $pid"
python3 bench/export.py --url "http://127.0.0.1:$api_port" --token "$token" --pid "$pid" --rounds "${ROUNDS:-5}" --small "$small" --out "$dir/export.tsv"
