-- Sign-in throttling by rule (an account from one address, an account from anywhere, one address, everyone), in
-- place of a hard lock per address that strangers could keep closed. Subjects are hashes of the typed address, so
-- the table holds no email addresses and takes typed text of any length.
drop table sign_in_failure;
create table sign_in_throttle (
    rule            varchar(20) not null,
    subject         char(64)    not null,
    client          varchar(64) not null,
    failures        integer     not null,
    -- Start of the window the failures were counted in; a window older than the rule's length starts afresh.
    counting_since  timestamp with time zone,
    last_failure_at timestamp with time zone,
    next_allowed_at timestamp with time zone,
    constraint sign_in_throttle_pk primary key (rule, subject, client)
);

-- A generated first password must be replaced at first sign-in.
alter table account add column password_change_required boolean default false not null;

-- Sessions name their account by email address, which may be up to 254 characters long.
alter table spring_session alter column principal_name set data type varchar(254);

-- The signed-in person kept in each session changed shape; sessions from before cannot be read back, so everyone
-- signs in once more.
delete from spring_session;

-- When each password link was issued, so that links to one account can be limited per hour.
alter table password_reset add column issued_at timestamp with time zone;
