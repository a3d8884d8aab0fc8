-- Spring Modulith's event publication registry: an event between modules is written here in the transaction that
-- raised it and removed once its listener has finished, so one that a crash interrupted is published again.
create table event_publication (
    id               uuid          not null primary key,
    listener_id      varchar(512)  not null,
    event_type       varchar(512)  not null,
    serialized_event varchar(4000) not null,
    publication_date timestamp with time zone not null,
    completion_date  timestamp with time zone
);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
