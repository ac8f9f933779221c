-- A woman's request to correct what the register holds about her or one of her children, made by herself
-- (role woman, /api/registry/me/corrections) and handled by a caseworker of her district; handling emits
-- correction.handled through the outbox.
create table correction_request (
    id              uuid primary key,
    beneficiary_id  uuid        not null references beneficiary (id),
    child_id        uuid,
    field           text        not null,
    proposed_value  text        not null,
    note            text,
    status          text        not null check (status in ('OPEN', 'ACCEPTED', 'REJECTED')),
    requested_at    timestamptz not null,
    handled_at      timestamptz,
    handled_by      text,
    answer          text,
    version         bigint      not null default 0
);
create index correction_request_open on correction_request (requested_at) where status = 'OPEN';
create index correction_request_beneficiary on correction_request (beneficiary_id, requested_at);
