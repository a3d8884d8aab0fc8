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

# start_app PORT LOG ARGS...: starts the packaged app in the background and waits for it. Its pid is in $app_pid
# and is added to $app_pids, so a script can start several nodes (keeping each one's $app_pid); stop_app stops them all.
app_pids=()
start_app() {
  local port=$1 log=$2; shift 2
  "$(find_java)" -Xms256m -Xmx512m -jar "$jar" --server.port="$port" --imr.admin.password=bench-only \
    --logging.level.root=WARN "$@" > "$log" 2>&1 &
  app_pid=$!
  app_pids+=("$app_pid")
  for _ in $(seq 1 120); do
    curl -sf -o /dev/null "http://127.0.0.1:$port/" && return
    sleep 0.5
  done
  echo "the app did not start:" >&2; tail -50 "$log" >&2; exit 1
}

stop_app() {
  local pid
  for pid in ${app_pids[@]+"${app_pids[@]}"}; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true   # the app ends on SIGTERM (status 143), or was killed on purpose: expected here
  done
  app_pids=()
  app_pid=""
}

# run_wrk OUT ARGS...: runs wrk with --latency and sets rps, p50, p99 (in ms), errors (wrk's lines about them),
# timeouts and non2xx (counts, 0 when wrk reports none) from its report.
run_wrk() {
  local out=$1; shift
  wrk --latency "$@" > "$out"
  rps=$(awk '/Requests\/sec/ {print $2}' "$out")
  p50=$(to_ms "$(awk '$1=="50%" {print $2}' "$out")")
  p99=$(to_ms "$(awk '$1=="99%" {print $2}' "$out")")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' "$out" | tr '\n' ' ')
  timeouts=$(awk '/Socket errors/ {print $NF + 0}' "$out"); timeouts=${timeouts:-0}
  non2xx=$(awk '/Non-2xx/ {print $NF + 0}' "$out"); non2xx=${non2xx:-0}
}

to_ms() {
  awk -v v="$1" 'BEGIN { if (v ~ /us$/) print v/1000; else if (v ~ /ms$/) print v+0; else if (v ~ /s$/) print v*1000; else print v }'
}

# start_postgres PORT DIR [SETTING...]: installs PostgreSQL when missing, then starts a throwaway cluster in DIR (owned
# by the postgres user, trust authentication on 127.0.0.1:PORT, fsync off). Each SETTING (name=value, e.g. fsync=on
# max_connections=100) is given after those and wins. Sets pg_bin; stop it with stop_postgres DIR.
start_postgres() {
  local port=$1 dir=$2 setting settings=""
  shift 2
  for setting in "$@"; do settings+=" -c $setting"; done
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
    || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql; }
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  mkdir -p "$dir" && chown postgres "$dir"
  su postgres -c "'$pg_bin/initdb' -D '$dir/data' -U postgres -A trust -E UTF8 > '$dir/initdb.log'"
  su postgres -c "'$pg_bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -o \"-p $port -k '$dir' \
    -c listen_addresses=127.0.0.1 -c fsync=off -c max_wal_size=4GB$settings\" start" > /dev/null
}

stop_postgres() {
  local dir=$1
  [ -d "$dir/data" ] && su postgres -c "'$pg_bin/pg_ctl' -D '$dir/data' -m fast stop" >/dev/null 2>&1 || true
}

# The scale benchmarks (outcomes-scale.sh, practice-scale.sh): a throwaway cluster with generated records, people
# signed in, and pages timed one request at a time. The script sets PORT (the app's), PG_PORT (the cluster's), ADMIN
# (the administrator's address), REQUESTS (timed requests per page) and LIMIT_MS (what each must stay under).

# start_scale_bench: packages the app, starts a throwaway cluster on PG_PORT with the database imr_bench and the app
# on PORT using it (Flyway makes the schema; the administrator's password is bench-only). Sets work, a scratch folder
# removed on exit together with the cluster and the app.
start_scale_bench() {
  install_tools curl curl
  jar=$(packaged_jar)
  work=$(mktemp -d)
  chmod 755 "$work"
  trap stop_scale_bench EXIT
  start_postgres "$PG_PORT" "$work/pg"
  psql -c 'create database imr_bench'
  start_app "$PORT" "$work/app.log" --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/imr_bench" \
    --spring.datasource.username=postgres --spring.datasource.password= --imr.admin.email="$ADMIN"
  : > "$work/results"
}

stop_scale_bench() {
  stop_app
  stop_postgres "$work/pg"
  rm -rf "$work"
}

psql() { "$pg_bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -X -q "$@"; }

# sign_in EMAIL WHO [PASSWORD]: signs in at $PORT with PASSWORD (the bench password by default), keeping the cookies
# in $work/WHO. The form's _csrf field holds the (masked) token of the XSRF-TOKEN cookie.
sign_in() {
  local token
  token=$(curl -s -c "$work/$2" "http://127.0.0.1:$PORT/login" \
    | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
  curl -s -o /dev/null -b "$work/$2" -c "$work/$2" --data-urlencode "_csrf=$token" --data-urlencode "username=$1" \
    --data-urlencode "password=${3:-bench-only}" "http://127.0.0.1:$PORT/login"
}

# The load benchmarks of signed-in learners (progress-saves.sh, two-nodes.sh), against the app at $PORT.

# LEARNER_PASSWORD: the password of the learners sign_up_learners creates.
LEARNER_PASSWORD="steady steps forward"

# sign_up_learners COUNT FILE: signs up COUNT learners through the real registration form (which signs them in); one
# "SESSION=..." line each in FILE (as bench/progress-saves.lua reads them) and their addresses, in the same order, in
# FILE.emails.
sign_up_learners() {
  local count=$1 file=$2 jar_file=$2.jar i token email
  : > "$file"; : > "$file.emails"
  for i in $(seq 1 "$count"); do
    email="learner$i.$(date +%s%N)@bench.example.org"
    rm -f "$jar_file"
    token=$(curl -s -c "$jar_file" "http://127.0.0.1:$PORT/register" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
    curl -s -o /dev/null -b "$jar_file" -c "$jar_file" -X POST "http://127.0.0.1:$PORT/register" \
      --data-urlencode "_csrf=$token" --data-urlencode "email=$email" \
      --data-urlencode "password=$LEARNER_PASSWORD" --data-urlencode "fullName=Bench Learner" \
      -d "discipline=NURSE&organization=Bench&region=NY"
    awk '$6=="SESSION" {print "SESSION=" $7}' "$jar_file" >> "$file"
    echo "$email" >> "$file.emails"
  done
  rm -f "$jar_file"
  [ "$(wc -l < "$file")" -eq "$count" ] || { echo "could not sign up $count learners" >&2; exit 1; }
}

# course_slides FILE: the addresses of the sample course's slides, one a line, as the app at $PORT links them.
course_slides() {
  curl -s "http://127.0.0.1:$PORT/courses/imr-intro/modules/overview" \
    "http://127.0.0.1:$PORT/courses/imr-intro/modules/educational-modules" \
    "http://127.0.0.1:$PORT/courses/imr-intro/modules/strategies" \
    | grep -o 'href="/courses/imr-intro/modules/[^"]*/slides/[^"]*"' | sed 's/href="\(.*\)"/\1/' | sort -u > "$1"
}

# fetch WHO PATH: GETs PATH signed in as WHO (the body in $work/body) and prints the time to the last byte in ms.
fetch() {
  local out
  out=$(curl -s -o "$work/body" -b "$work/$1" -w '%{http_code} %{time_total}' "http://127.0.0.1:$PORT$2")
  [ "${out% *}" = 200 ] || { echo "GET $2 as $1 answered ${out% *} (not signed in?)" >&2; exit 1; }
  awk -v t="${out#* }" 'BEGIN { printf "%.0f\n", t * 1000 }'
}

# time_page WHO LABEL PATH: a warm-up request, then REQUESTS timed ones one after another, signed in as WHO; a row of
# the table, with PASS or FAIL for the slowest against LIMIT_MS, also added to $work/results.
time_page() {
  local who=$1 label=$2 path=$3 p50 max verdict
  timings "$who" "$path"
  p50=$(awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }' "$work/times")
  max=$(tail -n 1 "$work/times")
  verdict=$([ "$max" -lt "$LIMIT_MS" ] && echo PASS || echo FAIL)
  printf '%-12s %-28s %-60s %7s %7s %9s  %s\n' "$who" "$label" "$path" "$p50" "$max" \
    "$(awk -v p="$p50" -v a="$ANCHOR_P50" 'BEGIN { printf "%.1f", p / (a > 0 ? a : 1) }')" "$verdict" \
    | tee -a "$work/results"
}

# timings WHO PATH: a warm-up request, then REQUESTS timed ones, sorted, in $work/times.
timings() {
  fetch "$1" "$2" > /dev/null
  for _ in $(seq 1 "$REQUESTS"); do fetch "$1" "$2"; done | sort -n > "$work/times"
}

# time_header WHO: the table's header, after timing the anchor: a light page (the certificate check form) fetched as
# WHO in the same way, so each page's p50 is also shown as a multiple of it (a slower machine slows both).
time_header() {
  timings "$1" /certificates/verify
  ANCHOR_P50=$(awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }' "$work/times")
  printf '\nAnchor: /certificates/verify as %s, p50 %s ms\n' "$1" "$ANCHOR_P50" | tee -a "$work/results"
  printf '%-12s %-28s %-60s %7s %7s %9s\n' "as" "request" "path" "p50 ms" "max ms" "x anchor"
}

# finish_scale_bench WHAT: the verdict over every row timed, with the machine it ran on; with KEEP set, keeps the
# cluster and the app up (for EXPLAIN ANALYZE) until $work/stop exists. Exits 1 when a request took LIMIT_MS or more.
finish_scale_bench() {
  local status
  printf '\n%s on PostgreSQL, %s timed requests each after warm-ups, one at a time, %s cores (load %s)\n' \
    "$1" "$REQUESTS" "$(nproc)" "$(cut -d ' ' -f 1-3 /proc/loadavg)"
  if grep -q FAIL "$work/results"; then
    echo "FAIL  some request took ${LIMIT_MS} ms or more"; status=1
  else
    echo "PASS  every request under ${LIMIT_MS} ms"; status=0
  fi
  if [ -n "${KEEP:-}" ]; then
    echo "Kept up: $pg_bin/psql -h 127.0.0.1 -p $PG_PORT -U postgres imr_bench; app on port $PORT. touch $work/stop ends."
    while [ ! -e "$work/stop" ]; do sleep 2; done
  fi
  exit "$status"
}

# start_nginx PORT: nginx serving the files in $work/www on PORT (the anchor of the page benchmarks); stopped by
# stop_nginx.
start_nginx() {
  start_nginx_with "default_type text/html; server { listen 127.0.0.1:$1; root $work/www; }"
}

# start_nginx_with HTTP: nginx with its pid, logs and temporary files in $work and HTTP inside its http block.
start_nginx_with() {
  install_tools nginx nginx-light
  mkdir -p "$work/www" "$work/tmp"
  cat > "$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp;
  uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
  $1
}
CONF
  nginx -c "$work/nginx.conf"
}

stop_nginx() {
  if [ -f "$work/nginx.pid" ]; then kill "$(cat "$work/nginx.pid")" 2>/dev/null || true; fi
}

# app_against_nginx PATH FILE: starts the packaged app (H2 in a fresh folder) and nginx serving the page at PATH
# saved as FILE, warms the app up on it, then times both with wrk ($CONNECTIONS, $DURATION). Sets app_rps, app_p50,
# app_p99, app_errors, nginx_rps, nginx_p50, nginx_p99, ratio (app as % of nginx), $work and $APP_PORT for more runs.
# Both are stopped on exit.
app_against_nginx() {
  local path=$1 file=$2
  APP_PORT=18080
  local nginx_port=18081
  install_tools wrk wrk
  jar=$(packaged_jar)
  work=$(mktemp -d)
  trap 'stop_app; stop_nginx; rm -rf "$work"' EXIT
  start_app "$APP_PORT" "$work/app.log" --spring.datasource.url="jdbc:h2:file:$work/db"
  mkdir -p "$work/www"
  curl -sf "http://127.0.0.1:$APP_PORT$path" > "$work/www/$file"
  start_nginx "$nginx_port"
  echo "Warming up the app (JIT) ..."
  wrk -t2 -c50 -d10s "http://127.0.0.1:$APP_PORT$path" > /dev/null
  run_wrk "$work/wrk.out" -t2 -c"$CONNECTIONS" -d"$DURATION" "http://127.0.0.1:$APP_PORT$path"
  app_rps=$rps; app_p50=$p50; app_p99=$p99; app_errors=$errors
  run_wrk "$work/wrk.out" -t2 -c"$CONNECTIONS" -d"$DURATION" "http://127.0.0.1:$nginx_port/$file"
  nginx_rps=$rps; nginx_p50=$p50; nginx_p99=$p99
  ratio=$(awk -v a="$app_rps" -v n="$nginx_rps" 'BEGIN { printf "%.1f", 100 * a / n }')
}
