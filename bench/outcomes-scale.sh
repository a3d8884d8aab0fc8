#!/usr/bin/env bash
# The outcomes dashboard at scale: a throwaway PostgreSQL cluster, the packaged app (Flyway makes the schema), then
# generated records (bench/outcomes-scale.sql: 200,000 people, 60,000 of them learners, 2,000 events over eight
# years, 1,000,000 post-event survey answers). Signs in as the administrator and times the dashboard and its CSV
# export for one, three and all eight years, for every area and for the center's own; each must answer in under
# 1 second (issue 4).
#
#   bash bench/outcomes-scale.sh
#   REQUESTS=20 bash bench/outcomes-scale.sh          # timed requests per page (10 by default, after a warm-up)
#   KEEP=1 bash bench/outcomes-scale.sh               # afterwards keep the database up (for EXPLAIN ANALYZE)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

LEARNERS=${LEARNERS:-60000}
PEOPLE=${PEOPLE:-200000}
EVENTS=${EVENTS:-2000}
RESPONSES=${RESPONSES:-1000000}
REQUESTS=${REQUESTS:-10}
PORT=18083
PG_PORT=55434
ADMIN=admin@example.org
LIMIT_MS=1000

start_scale_bench

echo "Generating records ..."
started=$(date +%s)
psql -d imr_bench -v learners="$LEARNERS" -v people="$PEOPLE" -v events="$EVENTS" -v responses="$RESPONSES" \
  -f bench/outcomes-scale.sql > /dev/null
generated_in=$(($(date +%s) - started))

printf 'Records (generated in %s s):\n' "$generated_in"
psql -d imr_bench -At -F ' ' -c "
  select rpad(t, 24), to_char(n, 'FM9,999,999') from (
    select 'account' as t, count(*) as n, 1 as o from account union all
    select 'slide_view', count(*), 2 from slide_view union all
    select 'course_completion', count(*), 3 from course_completion union all
    select 'course_evaluation', count(*), 4 from course_evaluation union all
    select 'outreach_event', count(*), 5 from outreach_event union all
    select 'event_attendance', count(*), 6 from event_attendance union all
    select 'event_survey_response', count(*), 7 from event_survey_response union all
    select 'product', count(*), 8 from product union all
    select 'needs_area', count(*), 9 from needs_area union all
    select 'people (distinct emails)', count(*), 10 from (
      select email_key from account union select email_key from event_attendance) p) c order by o"

sign_in "$ADMIN" admin

one_year='from=2025-11-01&to=2026-10-31'
three_years='from=2023-11-01&to=2026-10-31'
all_years='from=2019-01-01&to=2026-12-31'
# Warm-up: the JIT compiler, the connection pool and PostgreSQL's cache, with every request once.
for path in "/admin/outcomes?$all_years&area=" "/admin/outcomes?$one_year" "/admin/outcomes/export.csv?$one_year&area="; do
  fetch admin "$path" > /dev/null
done
time_header admin
# No area in the address means the center's own (Illness Management and Recovery), an empty one every area.
time_page admin "dashboard, one year" "/admin/outcomes?$one_year&area="
time_page admin "dashboard, three years" "/admin/outcomes?$three_years&area="
time_page admin "dashboard, all years" "/admin/outcomes?$all_years&area="
time_page admin "dashboard, one year, IMR" "/admin/outcomes?$one_year"
time_page admin "dashboard, all years, IMR" "/admin/outcomes?$all_years"
time_page admin "CSV export, one year" "/admin/outcomes/export.csv?$one_year&area="
time_page admin "CSV export, all years" "/admin/outcomes/export.csv?$all_years&area="

printf '\nThe figures, all years, every area (CSV export):\n'
fetch admin "/admin/outcomes/export.csv?$all_years&area=" > /dev/null
head -n 11 "$work/body"

finish_scale_bench "Outcomes dashboard"
