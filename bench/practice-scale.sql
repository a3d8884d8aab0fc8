-- Generated Practice records for bench/practice-scale.sh (PostgreSQL, set-based): a center's IMR work over the last
-- `weeks` weeks up to yesterday. psql variables: programs (4 per site, 3 groups each), participants, weeks.
-- Each program has three facilitators, each leading two of its groups; facilitator1@bench.example.org (the one the
-- benchmark signs in as) leads the three groups of the first program and the first of the second: four groups in
-- two programs. reviewer@bench.example.org rates programs (IMR Fidelity Scale, every six months, and a draft dated
-- today) and facilitators (IT-IS). Every bench account's password is the administrator's (bench-only).
\set ON_ERROR_STOP on
select setseed(0.11);

create temporary table bench_day as select current_date - 7 * :weeks as start_on;

insert into site (name, created_at)
select 'Bench site ' || s, now() from generate_series(1, (:programs + 3) / 4) s;

insert into imr_program (site_id, name, created_at)
select (select id from site where name = 'Bench site ' || (1 + (p - 1) / 4)), 'Bench program ' || p, now()
from generate_series(1, :programs) p;

-- Programs and groups numbered from 0 in the order made, as the rules below use them.
create temporary table bench_program as
select id, (row_number() over (order by id) - 1)::int as n from imr_program where name like 'Bench program %';

insert into imr_group (program_id, name, created_at)
select p.id, 'Group ' || chr(65 + k), now() from bench_program p cross join generate_series(0, 2) k;

create temporary table bench_group as
select g.id, g.program_id, p.n as program_n, (3 * p.n + ascii(substr(g.name, 7, 1)) - 65)::int as n
from imr_group g join bench_program p on p.id = g.program_id;

insert into account (email, email_key, password_hash, full_name, discipline, organization, region, enabled,
                     created_at)
select 'facilitator' || f || '@bench.example.org', 'facilitator' || f || '@bench.example.org',
       (select password_hash from account where email_key = 'admin@example.org'), 'Bench Facilitator ' || f,
       (array['PEER_SPECIALIST', 'SOCIAL_WORKER', 'COUNSELOR', 'PSYCHOLOGIST', 'NURSE', 'CASE_MANAGER'])[1 + f % 6],
       'Bench agency ' || (1 + (f - 1) / 12), (array['NY', 'NJ', 'PR', 'USVI'])[1 + f % 4], true,
       now() - interval '3 years'
from generate_series(1, 3 * :programs) f
union all
select 'reviewer@bench.example.org', 'reviewer@bench.example.org',
       (select password_hash from account where email_key = 'admin@example.org'), 'Bench Reviewer', 'PSYCHOLOGIST',
       'Bench center', 'NY', true, now() - interval '3 years';

-- facilitator<3 * program + k + 1>@bench.example.org is the program's facilitator k (0..2), n = 3 * program + k.
create temporary table bench_facilitator as
select id, substring(email_key from 'facilitator(\d+)@')::int - 1 as n from account
where email_key like 'facilitator%@bench.example.org';

insert into account_role (account_id, role)
select id, r from bench_facilitator cross join unnest(array['LEARNER', 'FACILITATOR']) r
union all
select id, r from account cross join unnest(array['LEARNER', 'REVIEWER']) r
where email_key = 'reviewer@bench.example.org';

-- Group k of a program is led by the program's facilitators k and k + 1 (mod 3); facilitator 0 also by group 1
-- of program 0 and group 0 of program 1.
insert into group_facilitator (group_id, account_id)
select g.id, f.id from bench_group g join bench_facilitator f
  on f.n / 3 = g.program_n and (f.n % 3 = g.n % 3 or f.n % 3 = (g.n + 1) % 3)
union all
select g.id, (select id from bench_facilitator where n = 0) from bench_group g where g.n in (1, 3);

-- Most facilitators completed the platform's IMR course a year before the period.
insert into course_completion (account_id, course_id, completed_at)
select id, 'imr-intro', (select start_on from bench_day) - 365 + n % 90 from bench_facilitator where n % 5 <> 4;

-- A session a week per group, each group on its own weekday, the curriculum's 11 modules in turn (9 weeks each).
insert into group_session (group_id, held_on, minutes, module_number, topic, agenda, home_assignment,
                           attendee_count, recorded_by, recorded_at)
select g.id, d.start_on + g.n % 7 + 7 * w, (array[60, 75, 90, 90])[1 + (g.n + w) % 4], 1 + (w / 9) % 11,
       'Bench topic ' || (1 + (w / 9) % 11) || '.' || (1 + w % 9),
       case when w % 5 = 0 then 'LAST_SESSION_REVIEW,GOAL_FOLLOW_UP,NEW_MATERIAL,PRACTICE,SUMMARY'
            else 'LAST_SESSION_REVIEW,HOME_PRACTICE_REVIEW,GOAL_FOLLOW_UP,NEW_MATERIAL,PRACTICE,SUMMARY,'
                 || 'NEXT_ASSIGNMENT' end,
       case when w % 5 <> 0 then 'Bench home practice for week ' || w end, 0,
       (select min(account_id) from group_facilitator f where f.group_id = g.id),
       (d.start_on + g.n % 7 + 7 * w)::timestamp at time zone 'UTC' + interval '20 hours'
from bench_group g cross join bench_day d cross join generate_series(0, :weeks - 1) w;

-- Participants join over the period's first 20 months (so everyone has some history), each in group n mod groups;
-- six in ten still take part, three finished, one left.
insert into participant (public_id, program_id, group_id, code, code_key, initials, consent_on, joined_on, status,
                         ended_on, end_reason, created_at)
select substr(md5('bench-participant-' || i), 1, 22), g.program_id, g.id, 'P-' || lpad(i::text, 5, '0'),
       'p-' || lpad(i::text, 5, '0'), case when i % 3 = 0 then chr(65 + i % 26) || chr(65 + i * 7 % 26) end,
       j.joined_on - i % 5, j.joined_on,
       case when i % 10 < 6 then 'ACTIVE' when i % 10 < 9 then 'FINISHED' else 'LEFT' end,
       case when i % 10 >= 6 then least(j.joined_on + 120 + i * 31 % 240, current_date - 7) end,
       case when i % 10 = 9 then 'Moved away' end,
       j.joined_on::timestamp at time zone 'UTC'
from generate_series(1, :participants) i
join bench_group g on g.n = i % (select count(*) from bench_group)
cross join lateral (select (select start_on from bench_day) + (i * 7919) % (7 * :weeks - 110) as joined_on) j;

create temporary table bench_participant as
select p.id, p.group_id, p.joined_on, coalesce(p.ended_on, current_date) as until_on,
       (row_number() over (order by p.id))::int as n,
       (select min(account_id) from group_facilitator f where f.group_id = p.group_id) as facilitator_id
from participant p where p.code like 'P-%';

-- One in fifty came from another group of the program a month after joining.
insert into participant_move (participant_id, from_group_id, to_group_id, moved_on, moved_by)
select p.id, o.id, p.group_id, p.joined_on + 30, p.facilitator_id
from bench_participant p join bench_group g on g.id = p.group_id
join bench_group o on o.program_id = g.program_id and o.n = g.program_n * 3 + (g.n + 1) % 3
where p.n % 50 = 0 and p.joined_on + 30 <= p.until_on;

-- Participants attend four sessions in five while they take part; a note about one attendance in eight.
insert into session_attendance (session_id, participant_id, note)
select s.id, p.id, case when (p.n + s.id) % 8 = 0 then 'Bench note: took part, practiced the skill.' end
from bench_participant p join group_session s on s.group_id = p.group_id
  and s.held_on between p.joined_on and p.until_on
where (p.n * 31 + s.id * 17) % 5 <> 0;

update group_session s set attendee_count = a.n
from (select session_id, count(*) n from session_attendance group by session_id) a where a.session_id = s.id;

-- Recovery goals: 85 % set one two weeks after joining; one in five of those set it aside for a new one 90 days on.
create temporary table bench_goal_plan as
select p.*, k, p.joined_on + 14 + 90 * (k - 1) as set_on,
       case when k = 1 and p.n % 5 = 0 and p.joined_on + 104 <= p.until_on then p.joined_on + 104 end as ended_on
from bench_participant p cross join lateral generate_series(1, 1 + (p.n % 5 = 0)::int) k
where p.n % 20 < 17 and p.joined_on + 14 + 90 * (k - 1) <= p.until_on;

insert into recovery_goal (participant_id, goal_text, life_area, set_on, ending, ended_on, created_at)
select id, 'Bench recovery goal ' || k || ' in my own words: more time with my family and a part-time job.',
       (array['RELATIONSHIPS', 'WORK_SCHOOL', 'HOUSING', 'HEALTH', 'LEISURE', 'SPIRITUALITY', 'OTHER'])[1 + n % 7],
       set_on, case when ended_on is not null then (array['ACHIEVED', 'SET_ASIDE'])[1 + n % 2] end, ended_on,
       set_on::timestamp at time zone 'UTC'
from bench_goal_plan;

-- Four short-term goals a goal, four weeks apart; four steps each, a week apart; each step followed up at the
-- next three weekly sessions, three steps in four done at the third. Nothing after the goal ended or today.
create temporary table bench_goal as
select g.id, g.set_on, coalesce(g.ended_on, least(p.until_on, current_date)) as until_on, p.facilitator_id
from recovery_goal g join bench_participant p on p.id = g.participant_id;

insert into short_term_goal (goal_id, goal_text, target_on, created_at)
select g.id, 'Bench short-term goal ' || t, g.set_on + 28 * t + 14, (g.set_on + 28 * (t - 1))::timestamp
from bench_goal g cross join generate_series(1, 4) t
where g.set_on + 28 * (t - 1) <= g.until_on;

insert into goal_step (short_term_goal_id, step_text, completed_on, created_at)
select t.id, 'Bench step ' || s,
       case when (t.id + s) % 4 <> 0 and t.created_at::date + 7 * (s - 1) + 21 <= g.until_on
            then t.created_at::date + 7 * (s - 1) + 21 end,
       t.created_at + 7 * (s - 1) * interval '1 day'
from short_term_goal t join bench_goal g on g.id = t.goal_id cross join generate_series(1, 4) s
where t.created_at::date + 7 * (s - 1) <= g.until_on;

insert into goal_follow_up (step_id, followed_on, progress, note, next_step_id, recorded_by, created_at)
select s.id, s.created_at::date + 7 * f,
       case when f = 3 and s.completed_on is not null then 'DONE' when f = 1 then 'NOT_YET' else 'PARTLY' end,
       case when f = 2 then 'Bench follow-up note.' end, case when f < 3 or s.completed_on is null then s.id end,
       g.facilitator_id, (s.created_at::date + 7 * f)::timestamp at time zone 'UTC'
from goal_step s join short_term_goal t on t.id = s.short_term_goal_id join bench_goal g on g.id = t.goal_id
cross join generate_series(1, 3) f
where s.created_at::date + 7 * f <= g.until_on;

-- Relapse prevention plans: seven in ten write one a month after joining; 1 to 4 versions, two months apart.
insert into relapse_plan_version (participant_id, version, triggers, warning_signs, coping_strategies, actions,
                                  supporters, review_on, saved_on, saved_at, saved_by)
select p.id, v, E'Arguments at home\nNot sleeping\nMissing my medication',
       E'Staying in my room\nSleeping badly for three nights\nHearing critical voices',
       E'Walk every morning\nCall my sister\nBreathing exercise\nMusic',
       E'Tell my case manager the same day\nKeep my appointments',
       E'My sister Ana, 787-555-0100\nCase manager, clinic line', p.joined_on + 30 + 60 * (v - 1) + 90,
       p.joined_on + 30 + 60 * (v - 1), (p.joined_on + 30 + 60 * (v - 1))::timestamp at time zone 'UTC',
       p.facilitator_id
from bench_participant p cross join lateral generate_series(1, 1 + p.n % 4) v
where p.n % 10 < 7 and p.joined_on + 30 + 60 * (v - 1) <= p.until_on;

-- IMR Scale: a self-rating and a clinician rating on joining and every three months while taking part, 15 items,
-- scores improving a little each time; item 15 not applicable for one in ten, one answer in 20 left blank.
insert into imrs_rating (participant_id, kind, scale_id, scale_version, rated_on, recorded_by, recorded_at)
select p.id, k.kind, k.scale_id, 1, p.joined_on + 91 * r + k.later, p.facilitator_id,
       (p.joined_on + 91 * r + k.later)::timestamp at time zone 'UTC'
from bench_participant p
cross join (values ('CLIENT', 'imrs-client', 0), ('CLINICIAN', 'imrs-clinician', 2)) k(kind, scale_id, later)
cross join lateral generate_series(0, (p.until_on - p.joined_on - k.later) / 91) r;

insert into imrs_answer (rating_id, item, score)
select r.id, i, case when i = 15 and (r.id + r.participant_id) % 10 = 0 then null
                     else least(5, 1 + ((r.id * 7 + i * 13) % 3) + (r.rated_on - p.joined_on) / 180) end
from imrs_rating r join bench_participant p on p.id = r.participant_id cross join generate_series(1, 15) i
where (r.id * 11 + i) % 20 <> 0;

-- Fidelity: each program rated by the reviewer on the IMR Fidelity Scale every six months (4 reviews) and a draft
-- dated today; each facilitator's session rated on the IT-IS three times, live or recorded.
create temporary table bench_reviewer as select id from account where email_key = 'reviewer@bench.example.org';

insert into fidelity_review (instrument_id, instrument_version, program_id, group_id, facilitator_id, session_mode,
                             reviewed_on, sources, status, revision, revision_of, created_by, created_at,
                             submitted_by, submitted_at)
select 'imr-fidelity-scale', 1, p.id, null::bigint, null::bigint, null::varchar, current_date - 182 * r,
       'CHART_REVIEW,INTERVIEW,OBSERVATION', case when r = 0 then 'DRAFT' else 'SUBMITTED' end, 1, null::bigint, v.id,
       (current_date - 182 * r)::timestamp at time zone 'UTC', case when r > 0 then v.id end,
       case when r > 0 then (current_date - 182 * r)::timestamp at time zone 'UTC' end
from bench_program p cross join bench_reviewer v cross join generate_series(0, 4) r
union all
select 'it-is', 1, g.program_id, g.id, gf.account_id, (array['LIVE', 'RECORDED'])[1 + r % 2],
       current_date - 240 * r + 10, 'OBSERVATION', 'SUBMITTED', 1, null, v.id,
       (current_date - 240 * r + 10)::timestamp at time zone 'UTC', v.id,
       (current_date - 240 * r + 10)::timestamp at time zone 'UTC'
from (select account_id, min(group_id) group_id from group_facilitator
      where account_id in (select id from bench_facilitator) group by account_id) gf
join bench_group g on g.id = gf.group_id cross join bench_reviewer v cross join generate_series(1, 3) r;

insert into fidelity_rating (review_id, item_id, rating, not_applicable, notes)
select r.id, i.item, case when i.item = 'medication-tailoring' and r.id % 4 = 0 then null
                          else 2 + (r.id + i.n) % 4 end,
       i.item = 'medication-tailoring' and r.id % 4 = 0, case when i.n = 1 then 'Bench review note.' end
from fidelity_review r
join (select 'imr-fidelity-scale' instrument, item, n from unnest(array['group-size', 'program-length',
        'curriculum', 'handouts', 'significant-others', 'goal-setting', 'goal-follow-up', 'motivation', 'education',
        'cognitive-behavioral', 'coping-skills', 'relapse-prevention', 'medication-tailoring'])
        with ordinality u(item, n)
      union all
      select 'it-is', item, n from unnest(array['relationship', 'recovery-orientation', 'curriculum', 'goals',
        'action-planning', 'action-plan-review', 'motivational', 'educational', 'cognitive-behavioral',
        'significant-others', 'structure', 'all-members', 'member-support', 'coping-skills', 'relapse-prevention',
        'medication-tailoring']) with ordinality u(item, n)) i on i.instrument = r.instrument_id
where r.status = 'SUBMITTED';

-- As autovacuum would leave them after a bulk import: statistics and the visibility map up to date.
vacuum analyze;
