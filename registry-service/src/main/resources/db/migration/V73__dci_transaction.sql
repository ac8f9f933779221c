-- DCI transactions an agency started (an async search, and the sync search too), so that it can ask their status
-- (/registry/txn/status, /registry/sync/txn/status). Only the agency that started one sees it. The items keep each
-- request's reference, status and reason, never a woman's record: a status answer releases nothing again.
create table dci_transaction (
    client_id       text not null,
    transaction_id  text not null,
    action          text not null,
    correlation_id  text not null,
    message_id      text,
    status          text not null check (status in ('rcvd', 'pdng', 'succ', 'rjct')),
    items           jsonb not null default '[]'::jsonb,
    callback_id     uuid,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    primary key (client_id, transaction_id)
);
