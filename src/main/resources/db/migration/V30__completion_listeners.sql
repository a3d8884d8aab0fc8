-- What the evaluation and certificate modules keep of a learner's completion, filled from the completion module's
-- CourseCompleted event (docs/architecture.md). The completions recorded so far are copied once, here.

-- The courses each learner may evaluate: opened when they complete the course.
create table evaluation_opening (
    account_id bigint      not null references account (id) on delete cascade,
    course_id  varchar(64) not null,
    opened_at  timestamp with time zone not null,
    constraint evaluation_opening_pk primary key (account_id, course_id)
);

-- The completion date a learner's certificate will carry, once the course is evaluated.
create table certificate_claim (
    account_id   bigint      not null references account (id) on delete cascade,
    course_id    varchar(64) not null,
    completed_on date        not null,
    constraint certificate_claim_pk primary key (account_id, course_id)
);

insert into evaluation_opening (account_id, course_id, opened_at)
select account_id, course_id, completed_at from course_completion;

insert into certificate_claim (account_id, course_id, completed_on)
select account_id, course_id, cast(completed_at at time zone 'UTC' as date) from course_completion;
