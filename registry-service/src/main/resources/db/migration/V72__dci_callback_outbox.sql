-- Signed DCI callbacks (on-search, on-status, notify ...) waiting to be delivered to an agency. A row is kept
-- unsigned ({header, message}) and signed at each attempt, so that a retry carries a fresh validity window.
-- PENDING rows are sent by the scheduled sender; a failed attempt is retried with exponential back-off until
-- the maximum number of attempts, then the row is DEAD (a dead letter an admin lists and re-sends).
create table dci_callback (
    id                uuid primary key,
    client_id         text not null,
    url               text not null,
    action            text,
    transaction_id    text,
    body              text not null,
    status            text not null check (status in ('PENDING', 'SENT', 'DEAD')),
    attempts          integer not null default 0,
    next_attempt_at   timestamptz not null default now(),
    last_error        text,
    last_http_status  integer,
    created_at        timestamptz not null default now(),
    sent_at           timestamptz,
    version           bigint not null default 0
);
create index dci_callback_due on dci_callback (next_attempt_at) where status = 'PENDING';
create index dci_callback_dead on dci_callback (created_at) where status = 'DEAD';
