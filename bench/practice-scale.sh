#!/usr/bin/env bash
# The Practice pages at a center's scale: a throwaway PostgreSQL cluster, the packaged app (Flyway makes the schema),
# then generated records (bench/practice-scale.sql: 40 programs at 10 sites with 3 groups each, 2,000 participants,
# two years of weekly sessions with attendance, recovery goals with short-term goals, steps and follow-ups, relapse
# prevention plans, IMR Scale ratings every three months, fidelity reviews). Signs in as a facilitator who leads four
# groups, as a reviewer and as the administrator, and times each Practice page and figure; each must answer in under
# 300 ms (issue 11).
#
#   bash bench/practice-scale.sh
#   REQUESTS=20 bash bench/practice-scale.sh          # timed requests per page (10 by default, after a warm-up)
#   WARMUP=1 bash bench/practice-scale.sh             # warm-up rounds over every page first (10 by default)
#   KEEP=1 bash bench/practice-scale.sh               # afterwards keep the database up (for EXPLAIN ANALYZE)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

PROGRAMS=${PROGRAMS:-40}
PARTICIPANTS=${PARTICIPANTS:-2000}
WEEKS=${WEEKS:-104}
REQUESTS=${REQUESTS:-10}
WARMUP=${WARMUP:-10}
PORT=18085
PG_PORT=55435
ADMIN=admin@example.org
FACILITATOR=facilitator1@bench.example.org
REVIEWER=reviewer@bench.example.org
LIMIT_MS=300

install_tools curl curl
jar=$(packaged_jar)
work=$(mktemp -d)
chmod 755 "$work"
cleanup() {
  stop_app
  stop_postgres "$work/pg"
  rm -rf "$work"
}
trap cleanup EXIT

start_postgres "$PG_PORT" "$work/pg"
psql() { "$pg_bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -X -q "$@"; }
psql -c 'create database imr_bench'
start_app "$PORT" "$work/app.log" --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/imr_bench" \
  --spring.datasource.username=postgres --spring.datasource.password= --imr.admin.email="$ADMIN"

echo "Generating records ..."
started=$(date +%s)
psql -d imr_bench -v programs="$PROGRAMS" -v participants="$PARTICIPANTS" -v weeks="$WEEKS" \
  -f bench/practice-scale.sql > /dev/null
generated_in=$(($(date +%s) - started))

printf 'Records (generated in %s s):\n' "$generated_in"
psql -d imr_bench -At -F ' ' -c "
  select rpad(t, 24), to_char(n, 'FM9,999,999') from (
    select 'site' as t, count(*) as n, 1 as o from site union all
    select 'imr_program', count(*), 2 from imr_program union all
    select 'imr_group', count(*), 3 from imr_group union all
    select 'group_facilitator', count(*), 4 from group_facilitator union all
    select 'participant', count(*), 5 from participant union all
    select 'participant_move', count(*), 6 from participant_move union all
    select 'group_session', count(*), 7 from group_session union all
    select 'session_attendance', count(*), 8 from session_attendance union all
    select 'recovery_goal', count(*), 9 from recovery_goal union all
    select 'short_term_goal', count(*), 10 from short_term_goal union all
    select 'goal_step', count(*), 11 from goal_step union all
    select 'goal_follow_up', count(*), 12 from goal_follow_up union all
    select 'relapse_plan_version', count(*), 13 from relapse_plan_version union all
    select 'imrs_rating', count(*), 14 from imrs_rating union all
    select 'imrs_answer', count(*), 15 from imrs_answer union all
    select 'fidelity_review', count(*), 16 from fidelity_review union all
    select 'fidelity_rating', count(*), 17 from fidelity_rating) c order by o"

# What is timed: the facilitator's first group, its participant with a plan and the most sessions attended, the
# facilitator's first program and its draft review on the IMR Fidelity Scale.
value() { psql -d imr_bench -At -c "$1"; }
facilitator_id=$(value "select id from account where email_key = '$FACILITATOR'")
group_id=$(value "select min(group_id) from group_facilitator where account_id = $facilitator_id")
program_id=$(value "select program_id from imr_group where id = $group_id")
participant=$(value "select p.public_id from participant p join session_attendance a on a.participant_id = p.id
  where p.group_id = $group_id and p.status = 'ACTIVE'
    and exists (select 1 from relapse_plan_version v where v.participant_id = p.id)
  group by p.id order by count(*) desc, p.id limit 1")
review_id=$(value "select id from fidelity_review where program_id = $program_id and status = 'DRAFT'")
printf '\nTimed: group %s (%s participants, %s sessions); its participant %s (%s)\n' "$group_id" \
  "$(value "select count(*) from participant where group_id = $group_id")" \
  "$(value "select count(*) from group_session where group_id = $group_id")" "$participant" \
  "$(value "select (select count(*) from session_attendance where participant_id = p.id) || ' sessions attended, '
    || (select count(*) from goal_follow_up f join goal_step s on s.id = f.step_id
        join short_term_goal t on t.id = s.short_term_goal_id join recovery_goal g on g.id = t.goal_id
        where g.participant_id = p.id) || ' goal follow-ups, '
    || (select count(*) from relapse_plan_version where participant_id = p.id) || ' plan versions, '
    || (select count(*) from imrs_rating where participant_id = p.id) || ' IMRS ratings'
    from participant p where p.public_id = '$participant'")"
printf 'Facilitator %s leads %s groups; program %s has %s groups; review %s is its draft\n' "$facilitator_id" \
  "$(value "select count(*) from group_facilitator where account_id = $facilitator_id")" "$program_id" \
  "$(value "select count(*) from imr_group where program_id = $program_id")" "$review_id"

# sign_in EMAIL JAR: signs in with the bench password. The form's _csrf field holds the (masked) token of the
# XSRF-TOKEN cookie.
sign_in() {
  local token
  token=$(curl -s -c "$2" "http://127.0.0.1:$PORT/login" \
    | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
  curl -s -o /dev/null -b "$2" -c "$2" --data-urlencode "_csrf=$token" --data-urlencode "username=$1" \
    --data-urlencode "password=bench-only" "http://127.0.0.1:$PORT/login"
}
sign_in "$FACILITATOR" "$work/facilitator"
sign_in "$REVIEWER" "$work/reviewer"
sign_in "$ADMIN" "$work/admin"

# fetch JAR PATH: GETs PATH signed in with the cookies in JAR (the body in $work/body) and prints the time to the
# last byte in ms.
fetch() {
  local out
  out=$(curl -s -o "$work/body" -b "$work/$1" -w '%{http_code} %{time_total}' "http://127.0.0.1:$PORT$2")
  [ "${out% *}" = 200 ] || { echo "GET $2 as $1 answered ${out% *} (not signed in?)" >&2; exit 1; }
  awk -v t="${out#* }" 'BEGIN { printf "%.0f\n", t * 1000 }'
}

# measure WHO LABEL PATH: a warm-up request, then REQUESTS timed ones one after another; a row of the table.
measure() {
  local who=$1 label=$2 path=$3
  fetch "$who" "$path" > /dev/null
  for _ in $(seq 1 "$REQUESTS"); do fetch "$who" "$path"; done | sort -n > "$work/times"
  local p50 max verdict
  p50=$(awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }' "$work/times")
  max=$(tail -n 1 "$work/times")
  verdict=$([ "$max" -lt "$LIMIT_MS" ] && echo PASS || echo FAIL)
  printf '%-12s %-28s %-60s %7s %7s  %s\n' "$who" "$label" "$path" "$p50" "$max" "$verdict" | tee -a "$work/results"
}

group=/practice/groups/$group_id
record=/practice/participants/$participant
# Warm-up: the JIT compiler, PostgreSQL's cache, and the pool's connections. A statement run often on a connection
# gets one plan for all values there (from its 10th run), as on a server up for a while: times before that mislead.
for _ in $(seq 1 "$WARMUP"); do
  for path in /practice/groups "$group" "$group/participants" "$group/imrs" "$record" "$record/goals" \
      "$record/plan" "$record/imrs" "$record/record.json" "/practice/facilitators/$facilitator_id/overview" \
      "/practice/programs/$program_id/overview"; do
    fetch facilitator "$path" > /dev/null
  done
  fetch reviewer "/practice/reviews/$review_id" > /dev/null
done
printf '\n%-12s %-28s %-60s %7s %7s\n' "as" "page" "path" "p50 ms" "max ms"
: > "$work/results"
measure facilitator "IMR groups" /practice/groups
measure facilitator "group's roster" "$group/participants"
measure facilitator "group's sessions" "$group"
measure facilitator "group's IMRS due" "$group/imrs"
measure facilitator "participant's record" "$record"
measure facilitator "goal tracking sheet" "$record/goals"
measure facilitator "relapse prevention plan" "$record/plan"
measure facilitator "IMRS history" "$record/imrs"
measure facilitator "record export (JSON)" "$record/record.json"
measure facilitator "facilitator's whole picture" "/practice/facilitators/$facilitator_id/overview"
measure facilitator "program's whole picture" "/practice/programs/$program_id/overview"
measure reviewer "facilitator's whole picture" "/practice/facilitators/$facilitator_id/overview"
measure reviewer "program's whole picture" "/practice/programs/$program_id/overview"
measure reviewer "fidelity review form" "/practice/reviews/$review_id"
measure admin "IMR groups (all)" /practice/groups
measure admin "group's roster" "$group/participants"
measure admin "participant's record" "$record"

printf '\nPractice pages on PostgreSQL, %s timed requests each after warm-ups, one at a time, %s cores (load %s)\n' \
  "$REQUESTS" "$(nproc)" "$(cut -d ' ' -f 1-3 /proc/loadavg)"
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
