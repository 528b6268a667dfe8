#!/usr/bin/env bash
# Issue #23's figures on PostgreSQL with 100k cases: the change feed read when it holds 10M changes, webhook
# deliveries per second to a receiver on this machine, and the cases page with tracing off and on (spans for every
# request, operation, loader and statement, exported over OTLP to a sink on this machine), rounds alternating.
# Everything it starts, it stops. Run from anywhere: bash bench/run-integrations.sh
#   CHANGES=10000000  WEBHOOK_COUNT=2000  ROUNDS=5  CONCURRENCY=8  SECONDS_PER_RUN=20  WARMUP_SECONDS=10
#   SKIP_SEED=1 (reuse the database and its changes)  SKIP_BUILD=1  BENCH_DIR=/tmp/petitiongraph-integrations
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The scripts read the commands' English lines (Seeded N cases …); the commands answer in Chinese by default.
export PETITIONGRAPH_LANG=en
dir=${BENCH_DIR:-/tmp/petitiongraph-integrations}
pg_port=${PG_PORT:-55434} api_port=5097 traced_port=5098 sink_port=5099 receiver_port=5096
changes=${CHANGES:-10000000} db=integrations_100k
pgbin=/usr/lib/postgresql/15/bin
results=$dir/results.tsv
bench=(dotnet "$root/bench/PetitionGraph.Bench/bin/Release/net10.0/PetitionGraph.Bench.dll")
# shellcheck source=bench/common.sh
source bench/common.sh
wait_for() { # URL TOKEN LOG
  for _ in $(seq 1 300); do
    curl -sf -o /dev/null -H 'Content-Type: application/json' -H "Authorization: Bearer $2" -d '{"query":"{__typename}"}' "$1" && return 0
    sleep 1
  done
  echo "Not ready: $1" >&2; tail -30 "$3" >&2; return 1
}
sql() { PGPASSWORD=bench "$pgbin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
api() { dotnet run --project api -c Release --no-build --no-launch-profile -- "$@"; }

echo "== Build"
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
  dotnet build api -c Release -v q -nologo | tail -2
  dotnet build bench/PetitionGraph.Bench -c Release -v q -nologo | tail -2
fi
echo "== PostgreSQL"
conn="$(bash bench/start-postgres.sh "$dir" "$pg_port");Database=$db"
export ConnectionStrings__Postgres=$conn
{ nproc; free -h | sed -n 2p; grep -m1 'model name' /proc/cpuinfo; date -u; git -C "$root" rev-parse --short HEAD; } >"$dir/machine.txt"
if [[ ${SKIP_SEED:-0} != 1 ]]; then
  : >"$results"
  echo "== Seed $db: 100,000 cases, then $changes changes"
  sql -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  api seed --cases 100000 | tail -1
  # The seeder writes history, not the feed (the feed starts with the database); these stand in for years of use:
  # eight kinds in turn, each about a case picked by a stride through the cases, one every six seconds.
  t0=$(date +%s)
  # After whatever the seed itself recorded (its reference data goes through the API's feed).
  base=$(sql -d "$db" -c "SELECT coalesce(max(sequence), 0) FROM changes")
  sql -d "$db" -c "
    WITH ids AS (SELECT array_agg(id ORDER BY id) AS a, count(*) AS n FROM cases)
    INSERT INTO changes (sequence, at, kind, case_id, entity_type, entity_id)
    SELECT $base + s, timestamptz '2021-01-01' + s * interval '6 seconds',
           (ARRAY['REGISTERED','ACCEPTED','ACTIVITY_RECORDED','LEADER_ASSIGNED','CONCLUDED','EVALUATED','PETITION_RECEIVED','RESOLVED'])[1 + s % 8],
           ids.a[1 + ((s::bigint * 7919) % ids.n)::int], 'Case', ids.a[1 + ((s::bigint * 7919) % ids.n)::int]
    FROM ids, generate_series(1, $changes) AS s" \
    -c "INSERT INTO change_counters (id, last) VALUES (1, $base + $changes) ON CONFLICT (id) DO UPDATE SET last = $base + $changes" \
    -c "VACUUM (ANALYZE) changes" -c "CHECKPOINT"
  echo "  $changes changes written in $(( $(date +%s) - t0 )) s; database $(sql -c "SELECT pg_size_pretty(pg_database_size('$db'))")"
fi
last=$(sql -d "$db" -c "SELECT max(sequence) FROM changes")
village=$(sql -d "$db" -c "SELECT v.code FROM villages v JOIN cases c ON c.village_id = v.id GROUP BY v.code ORDER BY count(*) DESC LIMIT 1")
office=$(api token --role OFFICE --user bench --hours 2 | tail -1)
admin=$(api token --role ADMIN --user bench --hours 2 | tail -1)

echo "== API, tracing off"
start "$dir/api.log" env Seed__DemoCases=0 Reports__SchedulerEnabled=false Limits__RequestsPerMinute=0 Urls="http://127.0.0.1:$api_port" \
  dotnet run --project api -c Release --no-build --no-launch-profile
wait_for "http://127.0.0.1:$api_port/graphql" "$office" "$dir/api.log"
url=http://127.0.0.1:$api_port/graphql
echo "-- Change feed"
"${bench[@]}" feed --graphql "$url" --token "$office" --last "$last" --village "$village" --runs "${RUNS:-15}" --results "$results"
echo "-- Webhook deliveries"
"${bench[@]}" webhooks --graphql "$url" --token "$admin" --count "${WEBHOOK_COUNT:-2000}" --from "$(( last - ${WEBHOOK_COUNT:-2000} + 1 ))" \
  --receiver-port "$receiver_port" --results "$results"

echo "== API, tracing on (every request sampled, exported over OTLP/HTTP to a sink on this machine)"
start "$dir/sink.log" python3 -c '
import http.server, sys
class Sink(http.server.BaseHTTPRequestHandler):
    received = 0
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        Sink.received += len(body)
        self.send_response(200); self.send_header("Content-Type", "application/x-protobuf"); self.send_header("Content-Length", "0"); self.end_headers()
        print(Sink.received, flush=True)
    def log_message(self, *args): pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Sink).serve_forever()' "$sink_port"
start "$dir/api-traced.log" env Seed__DemoCases=0 Reports__SchedulerEnabled=false Limits__RequestsPerMinute=0 Webhooks__DispatcherEnabled=false \
  Telemetry__Tracing=true Telemetry__SampleRatio=1 Telemetry__OtlpEndpoint="http://127.0.0.1:$sink_port" Telemetry__OtlpProtocol=http/protobuf \
  Urls="http://127.0.0.1:$traced_port" dotnet run --project api -c Release --no-build --no-launch-profile
wait_for "http://127.0.0.1:$traced_port/graphql" "$office" "$dir/api-traced.log"
for round in $(seq 1 "${ROUNDS:-5}"); do
  for side in "off $api_port" "on $traced_port"; do
    read -r tracing port <<<"$side"
    echo "-- Throughput, OFFICE, tracing $tracing (round $round)"
    "${bench[@]}" load --token "$office" --label "tracing-$tracing" --url "http://127.0.0.1:$port/graphql" --query bench/queries/petitiongraph.graphql \
      --concurrency "${CONCURRENCY:-8}" --seconds "${SECONDS_PER_RUN:-20}" --warmup-seconds "${WARMUP_SECONDS:-10}" --results "$results"
  done
done
echo "  the sink received $(tail -1 "$dir/sink.log" 2>/dev/null || echo 0) bytes of OTLP"

echo
echo "== Machine"; cat "$dir/machine.txt"
echo "== Results ($results)"
table() { { printf '%s\n' "$1"; grep "^$2" "$results" || true; } | column -t -s $'\t'; echo; }
table $'feed\tlabel\tscenario\tmedian_ms\tp95_ms\tmin_ms\tmax_ms\tchanges' feed
table $'webhooks\tlabel\tasked\tdelivered\tseconds\tfirst_after_s\tper_s' webhooks
table $'load\tserver\tclients\trequests\treq_per_s\tmedian_ms\tp95_ms\tload_generator_cpu_s\tmachine_cpu_busy_pct' load
