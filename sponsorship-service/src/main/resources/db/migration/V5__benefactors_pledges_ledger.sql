-- Benefactors (خیرین), their pledges and the append-only ledger of the money.

create table benefactor (
    id              uuid primary key,
    kind            text not null check (kind in ('PERSON', 'ORGANISATION')),
    display_name    text not null,
    name_key        text not null,
    phone           text,
    email           text,
    pref_min_age    smallint check (pref_min_age between 0 and 19),
    pref_max_age    smallint check (pref_max_age between 0 and 19),
    pref_gender     text check (pref_gender in ('FEMALE', 'MALE')),
    pref_districts  jsonb not null default '[]',
    created_by      text not null,
    created_at      timestamptz not null,
    version         bigint not null default 0,
    check (pref_min_age is null or pref_max_age is null or pref_min_age <= pref_max_age)
);
create index benefactor_name on benefactor (name_key);

-- A pledge is PROPOSED while the child is held for the sponsor, ACTIVE once confirmed (a sponsorship),
-- then ENDED; a proposal not confirmed is RELEASED. The running balances are kept with the row and
-- reconciled against the ledger.
create table pledge (
    id               uuid primary key,
    sponsor_id       uuid not null references benefactor (id),
    payer_id         uuid not null references benefactor (id),
    child_id         uuid not null references child (id),
    purpose          text not null check (purpose in ('EDUCATION', 'SCHOOL_FEES', 'COURSE', 'GENERAL')),
    schedule         text not null check (schedule in ('ONE_OFF', 'MONTHLY')),
    instalment_rials bigint not null check (instalment_rials > 0),
    months           smallint not null check (months between 1 and 120),
    total_rials      bigint not null check (total_rials > 0),
    starts_on        date not null,
    status           text not null check (status in ('PROPOSED', 'ACTIVE', 'ENDED', 'RELEASED')),
    held_until       timestamptz,
    match_reasons    jsonb not null default '[]',
    proposed_at      timestamptz not null,
    confirmed_at     timestamptz,
    ended_at         timestamptz,
    end_reason       text,
    released_at      timestamptz,
    release_reason   text,
    pledged_rials    bigint not null default 0,
    released_rials   bigint not null default 0,
    received_rials   bigint not null default 0,
    disbursed_rials  bigint not null default 0,
    created_by       text not null,
    version          bigint not null default 0,
    check (schedule = 'MONTHLY' or months = 1),
    check (released_rials + received_rials <= pledged_rials),
    check (disbursed_rials <= received_rials)
);
-- several sponsors per child, one per purpose at a time (a held proposal counts)
create unique index pledge_one_per_purpose on pledge (child_id, purpose) where status in ('PROPOSED', 'ACTIVE');
create index pledge_sponsor on pledge (sponsor_id);
create index pledge_held on pledge (held_until) where status = 'PROPOSED';

create table ledger_entry (
    id             bigserial primary key,
    pledge_id      uuid not null references pledge (id),
    kind           text not null check (kind in ('PLEDGED', 'PLEDGE_RELEASED', 'RECEIVED', 'DISBURSED')),
    amount_rials   bigint not null check (amount_rials > 0),
    occurred_on    date not null,
    target         text check (target in ('SCHOOL_FEES', 'COURSE_FEES', 'FAMILY')),
    reference_type text check (reference_type in ('SCHOOL_APPLICATION', 'ENROLMENT')),
    reference_id   uuid,
    note           text,
    recorded_by    text not null,
    recorded_at    timestamptz not null,
    check ((kind = 'DISBURSED') = (target is not null)),
    check ((reference_type is null) = (reference_id is null))
);
create index ledger_entry_pledge on ledger_entry (pledge_id, id);
create index ledger_entry_reference on ledger_entry (reference_id) where reference_id is not null;

-- The ledger is append-only: a mistake is corrected by a new entry, never by changing an old one.
create function ledger_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'ledger_entry is append-only (% refused)', tg_op;
end;
$$;
create trigger ledger_entry_no_update before update or delete on ledger_entry
    for each row execute function ledger_entry_append_only();
create trigger ledger_entry_no_truncate before truncate on ledger_entry
    for each statement execute function ledger_entry_append_only();

-- The code a sponsor sees for a child she supports: random, stable, and different for every sponsor,
-- so two sponsors cannot tell they support the same child and no code leads back to the registry.
create table sponsor_child_code (
    sponsor_id uuid not null references benefactor (id),
    child_id   uuid not null references child (id),
    code       text not null,
    primary key (sponsor_id, child_id),
    unique (sponsor_id, code)
);
