-- A participant's relapse prevention plan, one row per saved version: a change is a new version, never an update,
-- so every earlier plan stays readable (who saved it, when). Rows go only when the participant's record is erased.
-- Each list holds up to 10 items of up to 200 characters, one per line (the form checks it).
create table relapse_plan_version (
    participant_id     bigint        not null references participant (id),
    version            int           not null,
    triggers           varchar(2100) not null,
    warning_signs      varchar(2100) not null,
    coping_strategies  varchar(2100) not null,
    actions            varchar(2100) not null,
    supporters         varchar(2100) not null,
    review_on          date          not null,
    saved_on           date          not null,
    saved_at           timestamp with time zone not null,
    saved_by           bigint        not null references account (id),
    constraint relapse_plan_version_pk primary key (participant_id, version),
    constraint relapse_plan_version_ck check (version > 0)
);
