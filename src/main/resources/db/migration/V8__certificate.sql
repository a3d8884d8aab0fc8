-- Certificates of completion. The code is printed on the certificate; anyone can check it on the public page,
-- which shows only the name, course and date kept here.
create table certificate (
    code          varchar(11)  primary key,
    account_id    bigint       not null references account (id) on delete cascade,
    course_id     varchar(64)  not null,
    learner_name  varchar(200) not null,
    course_title  varchar(300) not null,
    hours         integer,
    completed_on  date         not null,
    issued_at     timestamp with time zone not null,
    constraint certificate_learner_course_uk unique (account_id, course_id)
);
