-- Sensitive cohorts (a conditionally released prisoner, a woman recovering from addiction, ...): facts
-- about a person kept apart from her profile, read and written only through
-- /beneficiaries/{id}/cohorts, never in lists, search, exports or events.
create table cohort_definition (
    code                       text primary key,
    name_fa                    text not null,
    name_en                    text not null,
    requires_following_centre  boolean not null default false,
    built_in                   boolean not null default false,
    created_at                 timestamptz not null,
    created_by                 text not null
);

insert into cohort_definition (code, name_fa, name_en, requires_following_centre, built_in, created_at, created_by)
values ('PRISON_RELEASE', 'زندانی آزادشده با آزادی مشروط', 'Conditionally released prisoner', false, true, now(),
        'system'),
       ('ADDICTION_RECOVERY', 'در حال بهبودی از اعتیاد', 'Recovering from addiction', true, true, now(), 'system');

create table cohort_membership (
    id                uuid primary key,
    beneficiary_id    uuid not null references beneficiary (id) on delete cascade,
    cohort_code       text not null references cohort_definition (code),
    since             date not null,
    following_centre  text,
    ended_on          date,
    recorded_at       timestamptz not null,
    recorded_by       text not null,
    ended_at          timestamptz,
    ended_by          text,
    version           bigint not null default 0,
    check (ended_on is null or ended_on >= since)
);

create index cohort_membership_beneficiary on cohort_membership (beneficiary_id);
create unique index cohort_membership_one_open on cohort_membership (beneficiary_id, cohort_code)
    where ended_on is null;
