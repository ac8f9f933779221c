-- Event backbone shared by every service: the transactional outbox and the processed-event log.

create table outbox_event (
    id              uuid primary key,
    seq             bigserial not null unique,
    aggregate_type  text not null,
    aggregate_id    text not null,
    event_type      text not null,
    schema_version  integer not null,
    occurred_at     timestamptz not null,
    request_id      text,
    payload         jsonb not null,
    published_at    timestamptz,
    attempts        integer not null default 0,
    last_error      text
);

create index outbox_event_unpublished on outbox_event (seq) where published_at is null;

create table processed_event (
    consumer      text not null,
    event_id      text not null,
    topic         text not null,
    partition_no  integer not null,
    offset_no     bigint not null,
    outcome       text not null,
    processed_at  timestamptz not null default now(),
    primary key (consumer, event_id)
);
