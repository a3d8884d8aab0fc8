-- When each learner first met the course's completion rule: the date on their certificate.
create table course_completion (
    account_id   bigint      not null references account (id) on delete cascade,
    course_id    varchar(64) not null,
    completed_at timestamp with time zone not null,
    constraint course_completion_pk primary key (account_id, course_id)
);
