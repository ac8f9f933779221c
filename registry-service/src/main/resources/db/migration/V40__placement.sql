-- Paid placements of conditionally released prisoners (Prisons Organisation agreement). A placement
-- exists only for a member of the PRISON_RELEASE cohort, so its existence is itself a sensitive fact:
-- these tables are read and written only through /beneficiaries/{id}/placements (her assigned
-- caseworker; an admin by break-glass) and the Prisons Organisation's statement endpoint, never in
-- lists, search, exports or events that name her.
create table placement (
    id                     uuid primary key,
    beneficiary_id         uuid not null references beneficiary (id) on delete cascade,
    centre_id              uuid references workshop_centre (id),
    unit_name              text not null,
    training               text not null,
    training_completed_on  date not null,
    hours_per_day          smallint not null check (hours_per_day between 1 and 12),
    hourly_wage_rials      bigint not null check (hourly_wage_rials > 0),
    prisons_reference      text,
    started_on             date not null,
    ended_on               date,
    end_reason             text check (end_reason in ('COMPLETED', 'LEFT', 'TRANSFERRED', 'OTHER')),
    created_at             timestamptz not null,
    created_by             text not null,
    ended_at               timestamptz,
    ended_by               text,
    version                bigint not null default 0,
    check (training_completed_on <= started_on),
    check (ended_on is null or ended_on >= started_on),
    check ((ended_on is null) = (end_reason is null))
);

create index placement_beneficiary on placement (beneficiary_id);
create unique index placement_one_open on placement (beneficiary_id) where ended_on is null;

-- One row per day she was expected at work: present (with the hours worked), absent or excused.
create table placement_attendance (
    placement_id  uuid not null references placement (id) on delete cascade,
    day           date not null,
    status        text not null check (status in ('PRESENT', 'ABSENT', 'EXCUSED')),
    hours         smallint not null check (hours between 0 and 12),
    recorded_at   timestamptz not null,
    recorded_by   text not null,
    primary key (placement_id, day),
    check (status = 'PRESENT' or hours = 0),
    check (status <> 'PRESENT' or hours > 0)
);

-- A monthly attendance statement (Jalali month), issued by her caseworker and frozen: the days are a
-- snapshot of the attendance at issue, and that month's attendance can no longer change.
create table placement_statement (
    id              uuid primary key,
    placement_id    uuid not null references placement (id) on delete cascade,
    beneficiary_id  uuid not null references beneficiary (id) on delete cascade,
    jalali_month    text not null check (jalali_month ~ '^1[0-9]{3}-(0[1-9]|1[0-2])$'),
    first_day       date not null,
    last_day        date not null,
    days_present    integer not null,
    days_absent     integer not null,
    days_excused    integer not null,
    hours_worked    integer not null,
    wages_rials     bigint not null check (wages_rials >= 0),
    days            jsonb not null,
    issued_at       timestamptz not null,
    issued_by       text not null,
    unique (placement_id, jalali_month)
);

create index placement_statement_month on placement_statement (jalali_month);
