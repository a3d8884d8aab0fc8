-- What stays of an erased participant: that a person of this group was erased on that day, so counts of people
-- served stay right. Nothing here identifies them.
create table participant_erasure (
    program_id bigint not null references imr_program (id),
    group_id   bigint not null references imr_group (id),
    erased_on  date   not null
);
