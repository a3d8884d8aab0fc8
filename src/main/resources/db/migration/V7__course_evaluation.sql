-- The center's course evaluation: one per learner per course, editable until submitted.
create table course_evaluation (
    account_id      bigint      not null references account (id) on delete cascade,
    course_id       varchar(64) not null,
    overall_quality integer,
    recommend       integer,
    benefit         integer,
    use_in_practice integer,
    comments        varchar(4000),
    updated_at      timestamp with time zone not null,
    submitted_at    timestamp with time zone,
    constraint course_evaluation_pk primary key (account_id, course_id),
    constraint course_evaluation_ratings_ck check (
        (overall_quality is null or overall_quality between 1 and 5) and
        (recommend is null or recommend between 1 and 5) and
        (benefit is null or benefit between 1 and 5) and
        (use_in_practice is null or use_in_practice between 1 and 5))
);
