-- lti: a launch is bound to the browser that started it. The login initiation gives that browser a random value in
-- a cookie and keeps its SHA-256 here; the id token is taken only from a request carrying the same cookie, so an id
-- token and state obtained in one browser cannot be posted from another (login CSRF). Launches in flight when this
-- runs carry no such value: they are forgotten (they last ten minutes at most).
delete from lti_launch_state;
alter table lti_launch_state add column browser varchar(64) not null;
