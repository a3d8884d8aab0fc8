-- xapi: the outbox of xAPI statements for the center's learning record store. A statement is written here when the
-- learner's action is committed and sent later by a job any node may run: PENDING until the store has it (SENT) or
-- refused it for good (FAILED, with a short reason that names no person). A node claims a row by writing its name
-- and a lease into it with a conditional update, so two nodes never send the same row at the same moment; a
-- statement sent twice anyway (a node died after sending) is stored once, because it is sent under its own id.
create table xapi_statement (
    id              varchar(36)    primary key,
    verb            varchar(20)    not null,
    body            varchar(200000) not null,
    created_at      timestamp with time zone not null,
    status          varchar(7)     not null,
    attempts        integer        not null,
    next_attempt_at timestamp with time zone not null,
    claimed_by      varchar(36),
    claimed_until   timestamp with time zone,
    sent_at         timestamp with time zone,
    failure         varchar(200),
    constraint xapi_statement_status_ck check (status in ('PENDING', 'SENT', 'FAILED'))
);
create index xapi_statement_due on xapi_statement (status, next_attempt_at);

-- xapi: the installation's secret for the learner identifiers statements carry (an HMAC of the account number), so
-- a store sees a stable identifier that is neither the email nor the account number. Made once by the first node.
create table xapi_secret (
    id     integer     primary key,
    secret varchar(64) not null
);
