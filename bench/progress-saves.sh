#!/usr/bin/env bash
# Progress saves under load: LEARNERS signed-in learners (200 by default) open slides concurrently, each request
# saving the learner's place and the slide as seen, first on the embedded H2 file database, then on PostgreSQL
# (a throwaway Debian cluster, fsync and synchronous_commit on: every acknowledged save is on disk). Each run is
# warmed for WARMUP first. Prints saves per second and latency for both, and the ratio to the anchor: nginx serving
# the same slide page, saved as a file, in the same run.
#
#   bash bench/progress-saves.sh
#   LEARNERS=100 DURATION=10s bash bench/progress-saves.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

LEARNERS=${LEARNERS:-200}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-10s}
PORT=18082
NGINX_PORT=18083

install_tools wrk wrk
install_tools curl curl
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
  || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql; }
jar=$(packaged_jar)
work=$(mktemp -d)
chmod 755 "$work"
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
cleanup() {
  stop_app
  stop_nginx
  [ -d "$work/pg/data" ] && su postgres -c "'$pg_bin/pg_ctl' -D '$work/pg/data' -m fast stop" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

measure() {
  local label=$1; shift
  start_app "$PORT" "$work/app-$label.log" "$@"
  course_slides "$work/slides"
  sign_up_learners "$LEARNERS" "$work/cookies"
  export BENCH_COOKIES="$work/cookies" BENCH_SLIDES="$work/slides"
  if [ ! -f "$work/www/slide.html" ]; then
    mkdir -p "$work/www"
    curl -sf -H "Cookie: $(head -n 1 "$work/cookies")" "http://127.0.0.1:$PORT$(head -n 1 "$work/slides")" \
      > "$work/www/slide.html"
  fi
  wrk -t2 -c"$LEARNERS" -d"$WARMUP" -s bench/progress-saves.lua "http://127.0.0.1:$PORT" > /dev/null
  run_wrk "$work/wrk-$label.out" -t2 -c"$LEARNERS" -d"$DURATION" -s bench/progress-saves.lua "http://127.0.0.1:$PORT"
  printf '%s|%s|%s|%s|%s\n' "$label" "$rps" "$p50" "$p99" "$errors" >> "$work/results"
  stop_app
}

: > "$work/results"
# The anchor: nginx serving the first slide as a learner sees it, timed in the same way, in the same run.
share_of_nginx() { awk -v a="$1" -v n="$nginx_rps" 'BEGIN { printf "%.1f%%", 100 * a / n }'; }
measure_nginx() {
  start_nginx "$NGINX_PORT"
  wrk -t2 -c"$LEARNERS" -d"$WARMUP" "http://127.0.0.1:$NGINX_PORT/slide.html" > /dev/null
  run_wrk "$work/wrk-nginx.out" -t2 -c"$LEARNERS" -d"$DURATION" "http://127.0.0.1:$NGINX_PORT/slide.html"
  nginx_rps=$rps; nginx_p50=$p50; nginx_p99=$p99
  stop_nginx
}
measure h2 --spring.datasource.url="jdbc:h2:file:$work/h2;WRITE_DELAY=0"
measure_nginx

# The cluster, its socket and its log live in a folder the postgres user owns.
mkdir -p "$work/pg" && chown postgres "$work/pg"
su postgres -c "'$pg_bin/initdb' -D '$work/pg/data' -U postgres -A trust -E UTF8 > /dev/null"
su postgres -c "'$pg_bin/pg_ctl' -D '$work/pg/data' -l '$work/pg/server.log' -w -o \"-p 55433 -k '$work/pg' -c listen_addresses=127.0.0.1 -c max_connections=200\" start" > /dev/null
"$pg_bin/psql" -h 127.0.0.1 -p 55433 -U postgres -q -c 'create database imr_bench'
measure postgresql --spring.datasource.url=jdbc:postgresql://127.0.0.1:55433/imr_bench \
  --spring.datasource.username=postgres --spring.datasource.password=

printf '\nProgress saves: %s signed-in learners at once, %s per run after %s of warm-up, 2 wrk threads, 2 cores shared by all\n' \
  "$LEARNERS" "$DURATION" "$WARMUP"
printf '%-11s %12s %10s %10s %8s\n' "server" "saves/s" "p50 ms" "p99 ms" "of nginx"
while IFS='|' read -r label saves p50 p99 errors; do
  printf '%-11s %12s %10s %10s %8s  %s\n' "$label" "$saves" "$p50" "$p99" "$(share_of_nginx "$saves")" "$errors"
done < "$work/results"
printf '%-11s %12s %10s %10s   (the same slide page from a file, as requests/s)\n' "nginx" "$nginx_rps" "$nginx_p50" "$nginx_p99"
