-- xapi: upkeep of the outbox. The hourly clean-up finds old SENT and FAILED rows by index instead of reading every
-- row; failed_at says since when a statement is failed (FAILED rows are deleted some time after it).
alter table xapi_statement add column failed_at timestamp with time zone;
update xapi_statement set failed_at = created_at where status = 'FAILED';
create index xapi_statement_sent on xapi_statement (status, sent_at);
create index xapi_statement_failed on xapi_statement (status, failed_at);

-- xapi: the store's back-off, one row for the store, shared by every node. While the store fails, resume_at is when
-- it is asked again (by one node, with one statement); failures counts the failed tries in a row, for the wait.
create table xapi_store_backoff (
    id        integer                  primary key,
    failures  integer                  not null,
    resume_at timestamp with time zone not null
);
insert into xapi_store_backoff (id, failures, resume_at) values (1, 0, timestamp with time zone '2000-01-01 00:00:00+00:00');
