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

start_scale_bench

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

sign_in "$FACILITATOR" facilitator
sign_in "$REVIEWER" reviewer
sign_in "$ADMIN" admin

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
time_header facilitator
time_page facilitator "IMR groups" /practice/groups
time_page facilitator "group's roster" "$group/participants"
time_page facilitator "group's sessions" "$group"
time_page facilitator "group's IMRS due" "$group/imrs"
time_page facilitator "participant's record" "$record"
time_page facilitator "goal tracking sheet" "$record/goals"
time_page facilitator "relapse prevention plan" "$record/plan"
time_page facilitator "IMRS history" "$record/imrs"
time_page facilitator "record export (JSON)" "$record/record.json"
time_page facilitator "facilitator's whole picture" "/practice/facilitators/$facilitator_id/overview"
time_page facilitator "program's whole picture" "/practice/programs/$program_id/overview"
time_page reviewer "facilitator's whole picture" "/practice/facilitators/$facilitator_id/overview"
time_page reviewer "program's whole picture" "/practice/programs/$program_id/overview"
time_page reviewer "fidelity review form" "/practice/reviews/$review_id"
time_page admin "IMR groups (all)" /practice/groups
time_page admin "group's roster" "$group/participants"
time_page admin "participant's record" "$record"
# The center's Practice figures of a period (the Evaluate face's outcomes page and its CSV).
year_ago=$(date -u -d '1 year ago' +%F)
two_years_ago=$(date -u -d '2 years ago' +%F)
today=$(date -u +%F)
time_page admin "outcomes with Practice figures, 1 year" "/admin/outcomes?from=$year_ago&to=$today&area="
time_page admin "outcomes with Practice figures, 2 years" "/admin/outcomes?from=$two_years_ago&to=$today&area="
time_page admin "outcomes CSV, 2 years" "/admin/outcomes/export.csv?from=$two_years_ago&to=$today&area="

finish_scale_bench "Practice pages"
