#!/usr/bin/env bash
# Progress saves under load: LEARNERS signed-in learners (200 by default) open slides concurrently, each request
# saving the learner's place and the slide as seen, first on the embedded H2 file database, then on PostgreSQL
# (a throwaway Debian cluster). Prints saves per second and latency for both.
#
#   bash bench/progress-saves.sh
#   LEARNERS=100 DURATION=10s bash bench/progress-saves.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

LEARNERS=${LEARNERS:-200}
DURATION=${DURATION:-20s}
PORT=18082

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
  wrk -t2 -c"$LEARNERS" -d5s -s bench/progress-saves.lua "http://127.0.0.1:$PORT" > /dev/null
  run_wrk "$work/wrk-$label.out" -t2 -c"$LEARNERS" -d"$DURATION" -s bench/progress-saves.lua "http://127.0.0.1:$PORT"
  printf '%-11s %12s %10s %10s  %s\n' "$label" "$rps" "$p50" "$p99" "$errors" >> "$work/results"
  stop_app
}

: > "$work/results"
measure h2 --spring.datasource.url="jdbc:h2:file:$work/h2;WRITE_DELAY=0"

# The cluster, its socket and its log live in a folder the postgres user owns.
mkdir -p "$work/pg" && chown postgres "$work/pg"
su postgres -c "'$pg_bin/initdb' -D '$work/pg/data' -U postgres -A trust -E UTF8 > /dev/null"
su postgres -c "'$pg_bin/pg_ctl' -D '$work/pg/data' -l '$work/pg/server.log' -w -o \"-p 55433 -k '$work/pg' -c listen_addresses=127.0.0.1 -c max_connections=200\" start" > /dev/null
"$pg_bin/psql" -h 127.0.0.1 -p 55433 -U postgres -q -c 'create database imr_bench'
measure postgresql --spring.datasource.url=jdbc:postgresql://127.0.0.1:55433/imr_bench \
  --spring.datasource.username=postgres --spring.datasource.password=

printf '\nProgress saves: %s signed-in learners at once, %s per run, 2 wrk threads, 2 cores shared by all\n' "$LEARNERS" "$DURATION"
printf '%-11s %12s %10s %10s\n' "database" "saves/s" "p50 ms" "p99 ms"
cat "$work/results"
