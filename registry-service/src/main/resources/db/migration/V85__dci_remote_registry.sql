-- The registry as a DCI client of other agencies' registries. An agency of the directory (dci_agency) may also
-- run a registry the directorate asks: its base URL (whose origin must be on the agency's callback allow-list),
-- the URI its callbacks to the registry go to (sender_uri), and the bearer token its gateway gave the registry
-- (a secret: written by an admin, never shown).
create table dci_remote_registry (
    client_id    text primary key references dci_agency (client_id) on delete cascade,
    base_url     text not null,
    sender_uri   text,
    access_token text,
    version      bigint not null default 0,
    updated_at   timestamptz not null,
    updated_by   text
);

-- The registry's subscriptions to a remote agency registry, for one woman (by national code) and event type.
-- REQUESTED until the agency's on-subscribe names its code (ACTIVE) or rejects it (REJECTED); UNSUBSCRIBED after.
create table dci_remote_subscription (
    id             uuid primary key,
    client_id      text not null references dci_agency (client_id) on delete cascade,
    beneficiary_id uuid not null references beneficiary (id),
    national_code  text not null,
    event_type     text not null,
    transaction_id text not null unique,
    code           text,
    state          text not null check (state in ('REQUESTED', 'ACTIVE', 'REJECTED', 'UNSUBSCRIBED')),
    created_at     timestamptz not null,
    created_by     text not null,
    updated_at     timestamptz not null,
    version        bigint not null default 0
);

create index dci_remote_subscription_live on dci_remote_subscription (client_id, national_code, state);

-- Each notify event received from an agency, once: a second delivery of the same event changes nothing.
create table dci_received_event (
    id             uuid primary key,
    client_id      text not null,
    event_id       text not null,
    beneficiary_id uuid not null references beneficiary (id),
    support_ids    jsonb not null,
    received_at    timestamptz not null,
    unique (client_id, event_id)
);

-- Both name the woman: like her other records they go with her at a merge (MergeMoves) and come back at a split.
create trigger merge_journal after insert or update or delete on dci_remote_subscription for each row
    when (current_setting('registry.merge_id', true) <> '')
    execute function beneficiary_merge_journal();

create trigger merge_journal after insert or update or delete on dci_received_event for each row
    when (current_setting('registry.merge_id', true) <> '')
    execute function beneficiary_merge_journal();
