# Shared pieces of the benchmark scripts: sourced, not run.

# A JDK >= 21 (the machine's default java may be older): JAVA_HOME first, then /usr/lib/jvm.
find_java() {
  local candidate major
  for candidate in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/*/bin/java; do
    [ -x "$candidate" ] || continue
    major=$("$candidate" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ "${major:-0}" -ge 21 ]; then echo "$candidate"; return; fi
  done
  echo "No JDK 21 or newer found in JAVA_HOME or /usr/lib/jvm" >&2
  exit 1
}

# install_tools CMD PACKAGE...: installs the Debian packages when CMD is missing.
install_tools() {
  local command=$1; shift
  command -v "$command" >/dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"; }
}

packaged_jar() {
  mvn -B -q -DskipTests package >&2
  ls target/imr-platform-*.jar | grep -v original | head -n 1
}

# start_app PORT LOG ARGS...: starts the packaged app in the background (pid in $app_pid) and waits for it.
start_app() {
  local port=$1 log=$2; shift 2
  "$(find_java)" -Xms256m -Xmx512m -jar "$jar" --server.port="$port" --imr.admin.password=bench-only \
    --logging.level.root=WARN "$@" > "$log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 120); do
    curl -sf -o /dev/null "http://127.0.0.1:$port/" && return
    sleep 0.5
  done
  echo "the app did not start:" >&2; tail -50 "$log" >&2; exit 1
}

stop_app() {
  if [ -n "${app_pid:-}" ]; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true   # the app ends on SIGTERM (status 143): expected here
  fi
  app_pid=""
}

# run_wrk OUT ARGS...: runs wrk with --latency and sets rps, p50, p99 (in ms) and errors from its report.
run_wrk() {
  local out=$1; shift
  wrk --latency "$@" > "$out"
  rps=$(awk '/Requests\/sec/ {print $2}' "$out")
  p50=$(to_ms "$(awk '$1=="50%" {print $2}' "$out")")
  p99=$(to_ms "$(awk '$1=="99%" {print $2}' "$out")")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' "$out" | tr '\n' ' ')
}

to_ms() {
  awk -v v="$1" 'BEGIN { if (v ~ /us$/) print v/1000; else if (v ~ /ms$/) print v+0; else if (v ~ /s$/) print v*1000; else print v }'
}

# start_postgres PORT DIR: installs PostgreSQL when missing, then starts a throwaway cluster in DIR (owned by the
# postgres user, trust authentication on 127.0.0.1:PORT, fsync off). Sets pg_bin; stop it with stop_postgres DIR.
start_postgres() {
  local port=$1 dir=$2
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
    || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql; }
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  mkdir -p "$dir" && chown postgres "$dir"
  su postgres -c "'$pg_bin/initdb' -D '$dir/data' -U postgres -A trust -E UTF8 > '$dir/initdb.log'"
  su postgres -c "'$pg_bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -o \"-p $port -k '$dir' \
    -c listen_addresses=127.0.0.1 -c fsync=off -c max_wal_size=4GB\" start" > /dev/null
}

stop_postgres() {
  local dir=$1
  [ -d "$dir/data" ] && su postgres -c "'$pg_bin/pg_ctl' -D '$dir/data' -m fast stop" >/dev/null 2>&1 || true
}
