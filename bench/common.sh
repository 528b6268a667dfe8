# Sourced by the bench scripts, after they set $dir (their folder) and $pgbin: the API runs as in production, so each
# bench folder keeps a signing key; processes start in their own groups and stop on exit, with the PostgreSQL cluster.
mkdir -p "$dir"
pids=()
[[ -s $dir/signing-key.b64 ]] || head -c 32 /dev/urandom | base64 >"$dir/signing-key.b64"
export Auth__SigningKey
Auth__SigningKey=$(cat "$dir/signing-key.b64")
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
# start LOG COMMAND…: runs COMMAND in its own process group (dotnet run has a child); its id is left in $started.
start() { local log=$1; shift; setsid "$@" >"$log" 2>&1 & started=$!; pids+=("$started"); }
stop() { kill -TERM -- "-$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }
