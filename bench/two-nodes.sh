#!/usr/bin/env bash
# Two app nodes on one PostgreSQL behind nginx (issue 13). Starts a throwaway PostgreSQL cluster (fsync and
# synchronous_commit left at their defaults: on), two nodes of the packaged app on it (-Xmx512m each) and nginx as the
# load balancer, then shows, with figures, that
#   (a) a learner signed in through node 1 keeps their session on node 2 (sessions live in the database);
#   (b) a course version published on node 1 is what node 2 serves within a few seconds (5 s at most here);
#   (c) killing node 2 (SIGKILL) in the middle of a signed-in load through nginx loses no acknowledged save while
#       node 1 keeps answering: bench/TwoNodeLoad.java records every 200 (learner, slide, which node answered, from
#       nginx's X-Upstream header) and every one of them is then looked up in slide_view;
#   (d) two nodes serve more signed-in learners per second than one: wrk with bench/progress-saves.lua through nginx
#       with node 1 alone as upstream (the anchor), then with both, and the ratio two/one; each path warmed before it
#       is timed, and the CPU each process used while timed is shown.
# Ends with a table of the four, PASS or FAIL each (exit status 1 when one fails). On 2 cores shared by both nodes,
# PostgreSQL, nginx and the load generators, (d) may well fail: the figures say what happened. Other work on the
# machine shows as "everything else" in the CPU lines; its figures are then not worth keeping.
#
#   bash bench/two-nodes.sh                       # 200 learners, 20 s per timed run
#   DURATION=10s LEARNERS=100 bash bench/two-nodes.sh
#
# WARMUP (10s) is each warm-up run of (d); KILL_AFTER (5) and AFTER_KILL (10) are the seconds of (c)'s load before and
# after the kill.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh

LEARNERS=${LEARNERS:-200}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-10s}
KILL_AFTER=${KILL_AFTER:-5}
AFTER_KILL=${AFTER_KILL:-10}
NODE1=18181
NODE2=18182
LB_ONE=18179      # nginx with node 1 alone as upstream: the anchor of (d)
LB_BOTH=18180     # nginx, round robin over both nodes
PG_PORT=55441
PORT=$NODE1       # sign_in, sign_up_learners and course_slides go to node 1
ADMIN=admin@bench.example.org
SLIDE=/courses/imr-intro/modules/overview/slides/common-elements

install_tools wrk wrk
install_tools curl curl
install_tools nginx nginx-light
install_tools zip zip
java=$(find_java)
jar=$(packaged_jar)
work=$(mktemp -d)
chmod 755 "$work"
load_pid=""
cleanup() {
  if [ -n "$load_pid" ]; then kill "$load_pid" 2>/dev/null || true; fi
  stop_app
  if [ -f "$work/nginx.pid" ]; then kill "$(cat "$work/nginx.pid")" 2>/dev/null || true; fi
  stop_postgres "$work/pg"
  rm -rf "$work"
}
trap cleanup EXIT

verdict() { if [ "$1" = 1 ]; then echo PASS; else echo FAIL; fi; }
now_ms() { date +%s%3N; }

echo "Starting PostgreSQL, node 1, node 2 and nginx ..."
start_postgres "$PG_PORT" "$work/pg" fsync=on max_connections=100   # 2 nodes x Hikari's 20, psql, to spare
psql -c 'create database imr_bench'
database=(--spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/imr_bench"
  --spring.datasource.username=postgres --spring.datasource.password= --imr.admin.email="$ADMIN")
start_app "$NODE1" "$work/node1.log" "${database[@]}"   # Flyway makes the schema here ...
node1_pid=$app_pid
start_app "$NODE2" "$work/node2.log" "${database[@]}"   # ... and node 2 finds it up to date
node2_pid=$app_pid

start_nginx_with "
  upstream node1_alone { server 127.0.0.1:$NODE1; keepalive 64; }
  upstream both_nodes { server 127.0.0.1:$NODE1; server 127.0.0.1:$NODE2; keepalive 64; }
  proxy_http_version 1.1;
  proxy_set_header Connection \"\";
  proxy_set_header Host \$http_host;
  proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
  proxy_set_header X-Forwarded-Proto \$scheme;
  proxy_set_header X-Forwarded-Host \$host;
  # A node that refuses or drops a connection: the request (a GET) goes to the other node.
  proxy_connect_timeout 1s;
  proxy_next_upstream error timeout;
  # Which node answered (\"a, b\" when nginx tried a first): bench/TwoNodeLoad.java records it.
  add_header X-Upstream \$upstream_addr;
  server { listen 127.0.0.1:$LB_ONE; location / { proxy_pass http://node1_alone; } }
  server { listen 127.0.0.1:$LB_BOTH; location / { proxy_pass http://both_nodes; } }
"
course_slides "$work/slides"
slide_count=$(wc -l < "$work/slides")

# (a) Signed up and signed in through node 1; the same cookies on node 2.
echo "(a) Signing in through node 1, then opening /my-learning on node 2 ..."
sign_up_learners 1 "$work/a"
a_email=$(cat "$work/a.emails")
sign_in "$a_email" a-cookies "$LEARNER_PASSWORD"
a_node1=$(curl -s -o /dev/null -b "$work/a-cookies" -w '%{http_code}' "http://127.0.0.1:$NODE1/my-learning")
a_node2=$(curl -s -o "$work/a.html" -b "$work/a-cookies" -w '%{http_code}' "http://127.0.0.1:$NODE2/my-learning")
a_named=$(grep -cF "signed-in-as__name\">$a_email<" "$work/a.html" || true)
a_anonymous=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "http://127.0.0.1:$NODE2/my-learning")
a_ok=$([ "$a_node1" = 200 ] && [ "$a_node2" = 200 ] && [ "$a_named" -ge 1 ] && echo 1 || echo 0)
a_figures="node 1: $a_node1; node 2: $a_node2, learner's address in the header: $([ "$a_named" -ge 1 ] && echo yes || echo no); node 2 without the cookie: ${a_anonymous% *} to ${a_anonymous#* }"

# (b) A new version of the sample course (one slide's title changed) uploaded through node 1, node 2 polled.
echo "(b) Publishing a new course version through node 1, polling node 2 ..."
title="Common elements of recovery (version of $(date +%H:%M:%S.%N))"
cp -r src/main/resources/courses/imr-intro "$work/course"
sed -i "s/^title: .*/title: $title/" "$work/course/overview/common-elements.yaml"
(cd "$work/course" && zip -q -r "$work/course.zip" .)
b_before=$(curl -s "http://127.0.0.1:$NODE2$SLIDE" | grep -cF "$title" || true)   # node 2 has the old version current
sign_in "$ADMIN" admin
token=$(curl -s -b "$work/admin" -c "$work/admin" "http://127.0.0.1:$NODE1/admin/courses" \
  | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
upload=$(curl -s -o /dev/null -w '%{http_code}' -b "$work/admin" -c "$work/admin" -F "_csrf=$token" \
  -F "package=@$work/course.zip;type=application/zip" "http://127.0.0.1:$NODE1/admin/courses/upload")
published_ms=$(now_ms)
b_node1=$(curl -s "http://127.0.0.1:$NODE1$SLIDE" | grep -cF "$title" || true)
b_seconds=""
while [ "$(( $(now_ms) - published_ms ))" -lt 30000 ]; do
  if curl -s "http://127.0.0.1:$NODE2$SLIDE" | grep -qF "$title"; then
    b_seconds=$(awk -v ms="$(( $(now_ms) - published_ms ))" 'BEGIN { printf "%.1f", ms / 1000 }'); break
  fi
  sleep 0.1
done
b_ok=$([ "$upload" = 302 ] && [ "$b_before" = 0 ] && [ "$b_node1" -ge 1 ] && [ -n "$b_seconds" ] \
  && awk -v s="$b_seconds" 'BEGIN { exit !(s <= 5) }' && echo 1 || echo 0)
b_figures="upload: $upload; new title on node 1 at once: $([ "$b_node1" -ge 1 ] && echo yes || echo no); on node 2 after ${b_seconds:-more than 30} s (at most 5 s)"

# (d) Signed-in learners opening slides (each request saves their progress) through nginx: node 1 alone, then both.
echo "(d) Signing up $LEARNERS learners, then timing node 1 alone and both nodes behind nginx ..."
sign_up_learners "$LEARNERS" "$work/d"
export BENCH_COOKIES="$work/d" BENCH_SLIDES="$work/slides"
declare -A d_rps d_ok_rps d_p50 d_p99 d_timeouts d_non2xx d_cpu d_commits
# commits: transactions committed in imr_bench so far, reads included (after 2 s, so that every backend has reported
# its own).
commits() { sleep 2; psql -d imr_bench -A -t -c "select xact_commit from pg_stat_database where datname = 'imr_bench'"; }
# ticks PID...: CPU time (user + system, clock ticks) the processes have used, with their children that have ended.
ticks() {
  local pid total=0
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] && total=$((total + $(sed 's/.*) //' "/proc/$pid/stat" | awk '{ print $12 + $13 + $14 + $15 }')))
  done
  echo "$total"
}
# cpu_snapshot: node 1, node 2, PostgreSQL, nginx (each with its worker processes), the machine's busy total and the
# time the hypervisor gave to others (steal), in clock ticks.
cpu_snapshot() {
  local postmaster nginx_master
  postmaster=$(head -n 1 "$work/pg/data/postmaster.pid"); nginx_master=$(cat "$work/nginx.pid")
  # shellcheck disable=SC2046   # the pids, one word each
  echo "$(ticks "$node1_pid") $(ticks "$node2_pid") $(ticks "$postmaster" $(ps -o pid= --ppid "$postmaster")) \
    $(ticks "$nginx_master" $(ps -o pid= --ppid "$nginx_master")) $(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8, $9 }' /proc/stat)"
}
# cpu_share BEFORE AFTER MS: each one's CPU over MS of wall time, in % of one core; everything else that ran (wrk,
# the kernel, any other process on the machine); what the hypervisor gave to others.
cpu_share() {
  awk -v before="$1" -v after="$2" -v ms="$3" -v hz="$(getconf CLK_TCK)" -v cores="$(nproc)" 'BEGIN {
    split(before, b, " +"); split(after, a, " +"); c = hz * ms / 1000
    for (i = 1; i <= 6; i++) d[i] = (a[i] - b[i]) * 100 / c
    printf "node 1 %.0f%%, node 2 %.0f%%, PostgreSQL %.0f%%, nginx %.0f%%, everything else (wrk, kernel, other processes) %.0f%%, stolen %.0f%%; of %d%%",
      d[1], d[2], d[3], d[4], d[5] - d[1] - d[2] - d[3] - d[4], d[6], 100 * cores }'
}
# Node 2 gets node 1's warm-up first (directly), so that the run of both is not timed on a node whose JIT has seen
# much less of the load than the other's.
wrk -t2 -c"$LEARNERS" -d"$WARMUP" -s bench/progress-saves.lua "http://127.0.0.1:$NODE2" > /dev/null
for run in one both; do
  lb=$([ "$run" = one ] && echo "$LB_ONE" || echo "$LB_BOTH")
  wrk -t2 -c"$LEARNERS" -d"$WARMUP" -s bench/progress-saves.lua "http://127.0.0.1:$lb" > /dev/null
  commits_before=$(commits); cpu_before=$(cpu_snapshot); started_ms=$(now_ms)
  run_wrk "$work/wrk-$run.out" -t2 -c"$LEARNERS" -d"$DURATION" -s bench/progress-saves.lua "http://127.0.0.1:$lb"
  d_cpu[$run]=$(cpu_share "$cpu_before" "$(cpu_snapshot)" "$(( $(now_ms) - started_ms ))")
  d_commits[$run]=$(awk -v c="$(( $(commits) - commits_before ))" '/ requests in / { printf "%.1f", c / $1 }' "$work/wrk-$run.out")
  d_rps[$run]=$rps; d_p50[$run]=$p50; d_p99[$run]=$p99; d_timeouts[$run]=$timeouts; d_non2xx[$run]=$non2xx
  # Learners served: only the 2xx answers count (an error page or a redirect to /login saves nothing).
  d_ok_rps[$run]=$(awk -v rps="$rps" -v bad="$non2xx" '/ requests in / { printf "%.2f", rps * ($1 - bad) / $1 }' \
    "$work/wrk-$run.out")
done
d_ratio=$(awk -v two="${d_ok_rps[both]}" -v one="${d_ok_rps[one]}" 'BEGIN { printf "%.2f", two / one }')
d_ok=$(awk -v r="$d_ratio" 'BEGIN { print (r > 1) }')
heap_used() {   # heap_used PID: MB of heap in use now, as the JVM reports it
  "$(dirname "$java")/jcmd" "$1" GC.heap_info 2>/dev/null \
    | awk '/ heap .*used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K.*/, "", v); printf "%.0f", v / 1024; exit } }'
}
heap1=$(heap_used "$node1_pid"); heap2=$(heap_used "$node2_pid")

# (c) Fresh learners (every slide they open is a first view) through nginx over both nodes; node 2 killed mid-load.
echo "(c) Signing up $LEARNERS more learners, then killing node 2 ${KILL_AFTER} s into their load ..."
sign_up_learners "$LEARNERS" "$work/c"
"$java" bench/TwoNodeLoad.java "http://127.0.0.1:$LB_BOTH" "$work/c" "$work/c.emails" "$work/slides" \
  "$((KILL_AFTER + AFTER_KILL))" "$work/acks" "$work/failures" > "$work/load.out" 2>&1 &
load_pid=$!
until grep -q 'load started' "$work/load.out"; do
  kill -0 "$load_pid" 2>/dev/null || { cat "$work/load.out" >&2; exit 1; }
  sleep 0.1
done
sleep "$KILL_AFTER"
kill -9 "$node2_pid"
killed_ms=$(now_ms)
{ wait "$node2_pid"; } 2>/dev/null || true   # killed on purpose: no "Killed" notice
wait "$load_pid"
load_pid=""
c_client=$(tail -n 1 "$work/load.out")
c_acks=$(wc -l < "$work/acks")
c_first=$(awk '{ print $2, $3 }' "$work/acks" | sort -u | wc -l)
c_after=$(awk -v k="$killed_ms" '$1 > k' "$work/acks" | wc -l)
c_node2=$(awk -v n="127.0.0.1:$NODE2" '$4 == n' "$work/acks" | wc -l)     # answered by node 2 (before the kill)
c_retried=$(awk -v n="127.0.0.1:$NODE2," 'index($4, n) == 1' "$work/acks" | wc -l)   # node 2 failed, node 1 answered
c_failures=$(wc -l < "$work/failures")
c_failures_after=$(awk -v k="$killed_ms" '$1 > k' "$work/failures" | wc -l)
c_failure_kinds=$(awk '{ print $2 }' "$work/failures" | sort | uniq -c | awk '{ printf "%s%s %s", sep, $1, $2; sep = ", " }')
# The longest time without an acknowledged save from the kill on.
c_pause=$(awk -v k="$killed_ms" '$1 > k { print $1 }' "$work/acks" | sort -n \
  | awk -v k="$killed_ms" 'BEGIN { last = k; gap = 0 } { if ($1 - last > gap) gap = $1 - last; last = $1 } END { printf "%.2f", gap / 1000 }')
psql -d imr_bench -v ON_ERROR_STOP=1 > /dev/null <<SQL
create table bench_ack (at_ms bigint, email text, path text, upstream text);
\copy bench_ack from '$work/acks' with (format text, delimiter ' ')
SQL
c_lost=$(psql -d imr_bench -A -t -c "select count(*) from bench_ack a where not exists (
  select 1 from slide_view v join account u on u.id = v.account_id
  where u.email_key = lower(a.email) and v.course_id = split_part(a.path, '/', 3)
    and v.module_id = split_part(a.path, '/', 5) and v.slide_id = split_part(a.path, '/', 7))")
c_ok=$([ "$c_acks" -gt 0 ] && [ "$c_node2" -gt 0 ] && [ "$c_lost" = 0 ] && [ "$c_after" -gt 0 ] && echo 1 || echo 0)

printf '\nTwo app nodes (-Xmx512m each) on one PostgreSQL (fsync on) behind nginx, %s learners, %s slides, %s cores shared by all (load %s)\n' \
  "$LEARNERS" "$slide_count" "$(nproc)" "$(cut -d ' ' -f 1-3 /proc/loadavg)"
printf '\n(d) signed-in slide opens through nginx, %s connections, %s timed after %s warm-up each\n' "$LEARNERS" "$DURATION" "$WARMUP"
printf '%-14s %12s %10s %10s %10s %10s %10s\n' upstream "requests/s" "2xx/s" "p50 ms" "p99 ms" timeouts "non-2xx"
for run in one both; do
  printf '%-14s %12s %10s %10s %10s %10s %10s\n' "$([ "$run" = one ] && echo "node 1 alone" || echo "both nodes")" \
    "${d_rps[$run]}" "${d_ok_rps[$run]}" "${d_p50[$run]}" "${d_p99[$run]}" "${d_timeouts[$run]}" "${d_non2xx[$run]}"
done
printf 'CPU while timed (%% of one core), node 1 alone: %s\n' "${d_cpu[one]}"
printf 'CPU while timed (%% of one core), both nodes:  %s\n' "${d_cpu[both]}"
printf 'PostgreSQL transactions (reads included) per request, about: %s with node 1 alone, %s with both nodes\n' "${d_commits[one]}" "${d_commits[both]}"
printf '\n(c) client: %s; node 2 killed %s s in, load %s s more\n' "$c_client" "$KILL_AFTER" "$AFTER_KILL"
if [ "$c_failures" -gt 0 ]; then
  printf '    failed requests by kind: %s; the first: %s\n' "$c_failure_kinds" "$(sort -n "$work/failures" | head -n 1 \
    | awk -v k="$killed_ms" '{ t = $1; $1 = ""; printf "%+d ms from the kill:%s", t - k, $0 }')"
fi
# What went wrong, if anything, as the logs tell it (node 2's ends at the kill; nginx's has the refused connections
# to node 2 after it): how often each message came, the most frequent first.
problems() {   # problems LABEL: counted lines from stdin, normalised to their message
  local lines
  lines=$(sort | uniq -c | sort -rn | head -n 3 | cut -c 1-200)
  [ -z "$lines" ] || printf '%s:\n%s\n' "$1" "$lines"
}
printf '\nProblems in the logs (none shown: none)\n'
for node in 1 2; do
  { grep -E '(WARN|ERROR) [0-9]+ ---' "$work/node$node.log" || true; } | sed -E 's/^.*--- (\[[^]]*\] )*//' | problems "node $node"
done
{ grep -E '(ERROR|FATAL|PANIC): ' "$work/pg/server.log" || true; } | sed -E 's/^[^]]*\] //' | problems PostgreSQL
{ grep -F '[error]' "$work/nginx-error.log" || true; } | sed -E 's/^.*\[error\] [0-9#]+: (\*[0-9]+ )?//; s/, client:.*//' | problems nginx

printf '\n%-40s %s\n' check verdict
printf '%-40s %s\n    %s\n' "(a) session kept on the other node" "$(verdict "$a_ok")" "$a_figures"
printf '%-40s %s\n    %s\n' "(b) new version served by the other" "$(verdict "$b_ok")" "$b_figures"
printf '%-40s %s\n    %s\n' "(c) node killed under signed-in load" "$(verdict "$c_ok")" \
  "$c_acks acknowledged saves ($c_first distinct learner-slide pairs, $c_node2 by node 2), $c_lost lost; $c_after answered after the kill (longest pause ${c_pause} s, $c_retried retried by nginx on node 1); $c_failures failed requests ($c_failures_after after the kill)"
printf '%-40s %s\n    %s\n' "(d) two nodes vs one" "$(verdict "$d_ok")" \
  "${d_ok_rps[both]} vs ${d_ok_rps[one]} 2xx answers/s: ratio two/one = $d_ratio"
printf 'heap used after (d): node 1 %s MB, node 2 %s MB, of 512 MB each\n' "${heap1:-?}" "${heap2:-?}"
[ "$a_ok$b_ok$c_ok$d_ok" = 1111 ]
