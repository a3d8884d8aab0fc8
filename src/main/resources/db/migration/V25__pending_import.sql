-- An uploaded import file between its preview and its confirmation, kept here so that the confirmation imports
-- exactly the file that was previewed: the page carries only the random id. Only the account that previewed it can
-- confirm it, for the same event and kind, within the hour; confirming deletes it, and expired rows are removed.
create table pending_import (
    id         varchar(64) primary key,
    account_id bigint      not null references account (id) on delete cascade,
    event_id   bigint      not null references outreach_event (id) on delete cascade,
    kind       varchar(20) not null,
    content    bytea       not null,
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null
);

create index pending_import_expires_ix on pending_import (expires_at);
