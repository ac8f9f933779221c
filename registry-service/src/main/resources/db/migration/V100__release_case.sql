-- The campaign to free imprisoned mothers held for unintentional and financial offences: a release case per
-- woman and imprisonment (what she owes, the creditor's settlement, the court steps, her release, then her path
-- into the register's work), with its history. Like a cohort membership, a case is itself a sensitive fact: read
-- and written only through /beneficiaries/{id}/release-cases (her assigned caseworker; an admin by break-glass),
-- never in lists, search, exports or events; in figures only as a suppressed aggregate (ReleaseFigures).
create table release_case (
    id                uuid primary key,
    beneficiary_id    uuid not null references beneficiary (id),
    offence           text not null check (offence in ('UNINTENTIONAL', 'FINANCIAL')),
    obligation        text not null check (obligation in ('DIYA', 'DEBT', 'FINE')),
    owed_rials        bigint not null check (owed_rials > 0),
    settled_rials     bigint check (settled_rials >= 0),
    drawn_rials       bigint not null default 0 check (drawn_rials >= 0),
    state             text not null check (state in ('OPEN', 'RELEASED')),
    opened_on         date not null,
    released_on       date,
    opened_at         timestamptz not null,
    opened_by         text not null,
    version           bigint not null default 0,
    check (settled_rials is null or settled_rials <= owed_rials),
    check (drawn_rials <= coalesce(settled_rials, owed_rials)),
    check ((state = 'RELEASED') = (released_on is not null)),
    check (released_on is null or released_on >= opened_on)
);
create index release_case_beneficiary on release_case (beneficiary_id);
create index release_case_released on release_case (released_on) where released_on is not null;

-- What happened on a case, in order: the service only adds steps, so the history is never rewritten.
create table release_step (
    id            uuid primary key,
    case_id       uuid not null references release_case (id),
    kind          text not null check (kind in ('OPENED', 'COURT_HEARING', 'COURT_RULING', 'COURT_OTHER',
                      'CREDITOR_SETTLEMENT', 'FUND_DRAW', 'FUND_DRAW_REFUSED', 'RELEASED', 'PLACEMENT', 'CENTRE',
                      'PRODUCTION')),
    on_day        date not null,
    amount_rials  bigint check (amount_rials >= 0),
    reference_id  uuid,
    note          text,
    recorded_at   timestamptz not null,
    recorded_by   text not null
);
create index release_step_case on release_step (case_id, recorded_at, id);

create trigger merge_journal after insert or update or delete on release_case for each row
    when (current_setting('registry.merge_id', true) <> '')
    execute function beneficiary_merge_journal();
create trigger merge_journal after insert or update or delete on release_step for each row
    when (current_setting('registry.merge_id', true) <> '')
    execute function beneficiary_merge_journal();
