-- Post-event survey answers: the same four items as the course evaluation (1-5, empty when not answered) and
-- comments. response_key is the respondent's email, or for anonymous surveys the file's checksum and row, so
-- importing the same file again counts nobody twice.
create table event_survey_response (
    event_id        bigint       not null references outreach_event (id) on delete cascade,
    response_key    varchar(300) not null,
    overall_quality integer,
    recommend       integer,
    benefit         integer,
    use_in_practice integer,
    comments        varchar(4000),
    imported_at     timestamp with time zone not null,
    constraint event_survey_response_pk primary key (event_id, response_key),
    constraint event_survey_ratings_ck check (
        (overall_quality is null or overall_quality between 1 and 5) and
        (recommend is null or recommend between 1 and 5) and
        (benefit is null or benefit between 1 and 5) and
        (use_in_practice is null or use_in_practice between 1 and 5))
);
