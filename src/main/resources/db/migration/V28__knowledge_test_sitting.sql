-- Each learner sits each knowledge-test sitting (before, after) of a course once. The key makes that hold even for
-- answers sent at the same moment; before it, parallel submissions could each pass the "already taken?" check.
create table knowledge_test_sitting (
    account_id bigint      not null references account (id) on delete cascade,
    course_id  varchar(64) not null,
    sitting    varchar(10) not null,
    attempt_id bigint references check_attempt (id) on delete cascade,
    constraint knowledge_test_sitting_pk primary key (account_id, course_id, sitting)
);

-- Sittings taken before: the first one of each counts, as the results page already showed.
insert into knowledge_test_sitting (account_id, course_id, sitting, attempt_id)
select account_id, course_id, slide_id, min(id) from check_attempt where module_id = '_test'
group by account_id, course_id, slide_id;
