-- Generated outcome records for bench/outcomes-scale.sh (PostgreSQL, set-based). psql variables: learners,
-- people (everyone, learners included), events, responses. Person n has the address personN@bench.example.org;
-- persons 1..learners have an account, persons learners*2/3+1..people attend events, so a third of the learners
-- also attend events (the same address, deduplicated on the dashboard). Records span 2019-01-01 to 2026-12-31.
\set ON_ERROR_STOP on
select setseed(0.4);

-- Learners sign up evenly over the eight years (the address's case differs from its key, as people type them).
insert into account (email, email_key, full_name, discipline, organization, region, enabled, created_at)
select 'Person' || i || '@Bench.Example.org', 'person' || i || '@bench.example.org', 'Bench Person ' || i,
       (array['PEER_SPECIALIST', 'SOCIAL_WORKER', 'COUNSELOR', 'PSYCHOLOGIST', 'NURSE', 'CASE_MANAGER',
              'PSYCHIATRIST', 'OTHER'])[1 + i % 8],
       'Agency ' || i % 700, (array['NY', 'NY', 'NJ', 'NJ', 'PR', 'USVI', 'OTHER'])[1 + i % 7], true,
       timestamptz '2019-01-01 00:00+00' + (i * 2900.0 / :learners) * interval '1 day'
from generate_series(1, :learners) i;

insert into account_role (account_id, role)
select id, 'LEARNER' from account where email_key like '%@bench.example.org';

-- Each learner opens 1 to 30 slides of the course, two hours apart from the day they signed up.
insert into slide_view (account_id, course_id, module_id, slide_id, first_viewed_at)
select a.id, 'imr-intro', 'module-' || s / 8, 'slide-' || s, a.created_at + s * interval '2 hours'
from account a cross join lateral generate_series(1, 1 + (a.id * 7919) % 30) s
where a.email_key like '%@bench.example.org';

-- Two learners in five complete the course, one in three submits the evaluation.
insert into course_completion (account_id, course_id, completed_at)
select id, 'imr-intro', created_at + interval '10 days'
from account where email_key like '%@bench.example.org' and id % 5 < 2;

insert into course_evaluation (account_id, course_id, overall_quality, recommend, benefit, use_in_practice,
                               comments, updated_at, submitted_at)
select id, 'imr-intro', (array[5, 5, 5, 4, 4, 4, 3, 2, 1])[1 + floor(random() * 9)::int],
       (array[5, 5, 5, 4, 4, 4, 3, 2, 1])[1 + floor(random() * 9)::int],
       (array[5, 5, 4, 4, 4, 3, 3, 2, 1])[1 + floor(random() * 9)::int],
       case when random() < 0.1 then null else (array[5, 5, 4, 4, 4, 3, 3, 2, 1])[1 + floor(random() * 9)::int] end,
       null, created_at + interval '11 days', created_at + interval '11 days'
from account where email_key like '%@bench.example.org' and id % 3 = 0;

-- Events every day or two over the eight years, in several areas of focus.
insert into outreach_event (title, kind, starts_on, ends_on, area, format, audience, region, created_at, area_key)
select 'Bench event ' || i,
       (array['WEBINAR', 'IN_PERSON_TRAINING', 'TECHNICAL_ASSISTANCE', 'LEARNING_COMMUNITY'])[1 + i % 4],
       date '2019-01-01' + (i * 2900 / :events), date '2019-01-01' + (i * 2900 / :events) + i % 3,
       (array['Illness Management and Recovery', 'Illness Management and Recovery', 'Recovery',
              'Illness identity / self-stigma', 'Shared decision making', 'Trauma-informed care'])[1 + i % 6],
       (array['ONLINE', 'IN_PERSON', 'HYBRID'])[1 + i % 3], 'Practitioners',
       (array['NY', 'NJ', 'PR', 'USVI', 'OTHER'])[1 + i % 5], now(),
       lower((array['Illness Management and Recovery', 'Illness Management and Recovery', 'Recovery',
                    'Illness identity / self-stigma', 'Shared decision making', 'Trauma-informed care'])[1 + i % 6])
from generate_series(1, :events) i;

-- Every attendee goes to 1 to 9 events a week or so apart (consecutive events, starting at a place of their own).
create temporary table bench_event as
select id, row_number() over (order by id) - 1 as n from outreach_event where title like 'Bench event %';

-- Everyone who attends, numbered once (as an import does on a person's first attendance), with the region and
-- discipline of their first event.
insert into engaged_person (email_key, region, discipline)
select 'person' || p || '@bench.example.org', (array['NY', 'NJ', 'NJ', 'PR', 'USVI', 'OTHER'])[1 + (p + 1) % 6],
       (array['PEER_SPECIALIST', 'SOCIAL_WORKER', 'COUNSELOR', 'PSYCHOLOGIST', 'NURSE', 'CASE_MANAGER',
              'PSYCHIATRIST', 'OTHER'])[1 + (p + 1) % 8]
from generate_series(:learners * 2 / 3 + 1, :people) p;

insert into event_attendance (event_id, person_id, email_key, full_name, discipline, organization, region,
                              imported_at)
select e.id, (select id from engaged_person where email_key = 'person' || p || '@bench.example.org'),
       'person' || p || '@bench.example.org', 'Bench Person ' || p,
       (array['PEER_SPECIALIST', 'SOCIAL_WORKER', 'COUNSELOR', 'PSYCHOLOGIST', 'NURSE', 'CASE_MANAGER',
              'PSYCHIATRIST', 'OTHER'])[1 + (p + j) % 8],
       'Agency ' || p % 700, (array['NY', 'NJ', 'NJ', 'PR', 'USVI', 'OTHER'])[1 + (p + j) % 6], now()
from generate_series(:learners * 2 / 3 + 1, :people) p
cross join lateral generate_series(1, 1 + p % 9) j
join bench_event e on e.n = ((p::bigint * 7907) % :events + j * 5) % :events;

-- Post-event survey answers, the same number for every event: anonymous rows of one imported file per event.
-- One answer in ten leaves an item empty; ratings lean to agree.
insert into event_survey_response (event_id, response_key, overall_quality, recommend, benefit, use_in_practice,
                                   comments, imported_at)
select e.id, 'bench-survey-' || e.id || '.csv:' || r,
       case when random() < 0.1 then null else (array[5, 5, 5, 4, 4, 4, 3, 2, 1])[1 + floor(random() * 9)::int] end,
       case when random() < 0.1 then null else (array[5, 5, 5, 4, 4, 4, 3, 2, 1])[1 + floor(random() * 9)::int] end,
       case when random() < 0.1 then null else (array[5, 5, 4, 4, 4, 3, 3, 2, 1])[1 + floor(random() * 9)::int] end,
       case when random() < 0.1 then null else (array[5, 5, 4, 4, 4, 3, 3, 2, 1])[1 + floor(random() * 9)::int] end,
       case when r % 20 = 0 then 'Useful, thank you.' end, now()
from bench_event e cross join lateral generate_series(1, :responses / :events) r;

insert into product (title, kind, area, released_on, created_at)
select 'Bench product ' || i, (array['COURSE', 'FACT_SHEET', 'WEBINAR_RECORDING', 'TOOLKIT'])[1 + i % 4],
       (array['Illness Management and Recovery', 'Recovery', 'Illness identity / self-stigma'])[1 + i % 3],
       date '2019-01-01' + i * 9, now()
from generate_series(1, 300) i;

-- A regional needs assessment every two years, twelve areas ranked.
insert into needs_assessment (title, conducted_on, imported_at)
select 'Bench needs assessment ' || y, make_date(y, 6, 1), now() from generate_series(2019, 2025, 2) y;

insert into needs_area (assessment_id, area, area_key, area_rank, share_percent)
select a.id, x.area, lower(x.area), 1 + (x.n + a.id) % 12, 40 - 3 * ((x.n + a.id) % 12)
from needs_assessment a cross join (values
    (0, 'Illness Management and Recovery'), (1, 'Recovery'), (2, 'Illness identity / self-stigma'),
    (3, 'Shared decision making'), (4, 'Trauma-informed care'), (5, 'Supported employment'), (6, 'Housing'),
    (7, 'Co-occurring disorders'), (8, 'Family psychoeducation'), (9, 'Peer support'), (10, 'Suicide prevention'),
    (11, 'Wellness')) as x(n, area)
where a.title like 'Bench needs assessment %';

-- As autovacuum would leave them after a bulk import: statistics and the visibility map up to date.
vacuum analyze;
