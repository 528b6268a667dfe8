#!/usr/bin/env bash
# Reproduces "Ledger import (issue #6)" in BENCHMARKS.md: starts PostgreSQL, loads the demo reference data (seed 42),
# writes a synthetic 100,000-row 领导包案情况汇总表 from that database's village and leader names, imports it with a
# progress bar, imports it again (nothing may be created), and stops everything it started.
#   ROWS=100000  BENCH_DIR=/tmp/petitiongraph-ledger  PG_PORT=55435  SKIP_BUILD=1
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${BENCH_DIR:-/tmp/petitiongraph-ledger} rows=${ROWS:-100000} port=${PG_PORT:-55435}
pgbin=/usr/lib/postgresql/15/bin
mkdir -p "$dir"
trap 'runuser -u postgres -- "$pgbin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true' EXIT
[[ ${SKIP_BUILD:-0} == 1 ]] || dotnet build api -c Release -v q -nologo | tail -2
api=(dotnet "$PWD/api/bin/Release/net10.0/PetitionGraph.Api.dll")
conn=$(bash bench/start-postgres.sh "$dir" "$port" | tail -1)
PGPASSWORD=bench "$pgbin/psql" -h 127.0.0.1 -p "$port" -U postgres -qAt -c "DROP DATABASE IF EXISTS ledger" -c "CREATE DATABASE ledger"
export ConnectionStrings__Postgres="$conn;Database=ledger"
"${api[@]}" seed --cases 3000 --random-seed 42 | tail -1
q() { PGPASSWORD=bench "$pgbin/psql" -h 127.0.0.1 -p "$port" -U postgres -d ledger -qAt -c "$1"; }
python3 - "$dir/ledger.csv" "$rows" "$(q "select string_agg(name, '|') from villages")" \
  "$(q "select string_agg(name, '|') from leaders where level = 'TOWN' and active")" \
  "$(q "select string_agg(name, '|') from leaders where level = 'VILLAGE' and active")" <<'PY'
import random, sys
path, rows, villages, town, village = sys.argv[1], int(sys.argv[2]), *[a.split('|') for a in sys.argv[3:]]
surnames, given = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜", "一二三四五六七八九十明华建国秀英志军伟芳娜敏静丽强磊洋艳勇杰娟涛超"
r = random.Random(5)
name = lambda: r.choice(surnames) + r.choice(given) + r.choice(given)  # synthetic, drawn from syllables
with open(path, 'w', encoding='utf-8') as f:
    f.write("序号,姓名,户籍地,包案领导,村级包案领导\n")
    for i in range(1, rows + 1):
        names = "、".join(name() for _ in range(r.randint(1, 3)))
        f.write(f"{i},{names},示范镇{r.choice(villages)}{r.randint(1, 9)}组{i}号,{' '.join(r.sample(town, r.randint(1, 2)))},{r.choice(village)}\n")
PY
echo "== Import $rows rows into PostgreSQL"
/usr/bin/time -f "wall %e s" "${api[@]}" import "$dir/ledger.csv" | grep -v '^info\|^      '
echo "== The same file again (must create nothing)"
/usr/bin/time -f "wall %e s" "${api[@]}" import "$dir/ledger.csv" | grep -v '^info\|^      \|\['
{ nproc; grep -m1 'model name' /proc/cpuinfo; date -u; } | sed 's/^/machine: /'
