-- lti: a launch is bound to the browser that started it. The login initiation gives that browser a random value in
-- a cookie and keeps its SHA-256 here; the id token is taken only from a request carrying the same cookie, so an id
-- token and state obtained in one browser cannot be posted from another (login CSRF). Launches in flight when this
-- runs carry no such value: they are forgotten (they last ten minutes at most).
delete from lti_launch_state;
alter table lti_launch_state add column browser varchar(64) not null;

-- lti: a learner's completion of a course goes to every gradebook column they launched it from in a platform (one
-- course placed in two places of a learning system has two columns), no longer only to the latest launch's: the
-- column's address is part of the key. A table of its own replaces lti_score_target (dropping a primary key is
-- written differently on H2 and PostgreSQL), keeping the columns already known.
create table lti_score_column (
    link_id      bigint        not null references lti_link (id) on delete cascade,
    course_id    varchar(100)  not null,
    platform_id  bigint        not null references lti_platform (id) on delete cascade,
    lineitem_url varchar(1000) not null,
    primary key (link_id, course_id, platform_id, lineitem_url)
);
insert into lti_score_column (link_id, course_id, platform_id, lineitem_url)
    select link_id, course_id, platform_id, lineitem_url from lti_score_target;
drop table lti_score_target;

-- lti: a teacher's deep linking request is answered only in the browser whose launch made it (the hash of the same
-- launch cookie), so a link to its choice page is of no use to anyone else. Requests waiting when this runs are
-- forgotten (they last an hour at most; the teacher opens the selection again).
delete from lti_deep_link_request;
alter table lti_deep_link_request add column browser varchar(64) not null;
