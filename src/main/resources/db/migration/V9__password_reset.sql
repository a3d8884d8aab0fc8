-- Single-use password reset links. Only a hash of the secret is stored, so a database copy opens no account.
create table password_reset (
    token_hash char(64)  primary key,
    account_id bigint    not null references account (id) on delete cascade,
    expires_at timestamp with time zone not null,
    used_at    timestamp with time zone
);
