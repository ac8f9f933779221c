-- Idempotency-Key on creates: a client's retry replays the first answer instead of creating twice.
create table idempotency_key (
    principal     text not null,
    idem_key      text not null,
    request_hash  text not null,
    status        integer,
    location      text,
    body          text,
    created_at    timestamptz not null default now(),
    primary key (principal, idem_key)
);

create index idempotency_key_created on idempotency_key (created_at);
