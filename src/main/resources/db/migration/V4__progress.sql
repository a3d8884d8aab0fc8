-- Which slides each signed-in learner has seen, and where they are in each course (to resume on any device).
create table slide_view (
    account_id      bigint      not null references account (id) on delete cascade,
    course_id       varchar(64) not null,
    module_id       varchar(64) not null,
    slide_id        varchar(64) not null,
    first_viewed_at timestamp with time zone not null,
    constraint slide_view_pk primary key (account_id, course_id, module_id, slide_id)
);

create table course_place (
    account_id bigint      not null references account (id) on delete cascade,
    course_id  varchar(64) not null,
    module_id  varchar(64) not null,
    slide_id   varchar(64) not null,
    updated_at timestamp with time zone not null,
    constraint course_place_pk primary key (account_id, course_id)
);
