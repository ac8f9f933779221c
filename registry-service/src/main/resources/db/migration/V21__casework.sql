-- Cases: one per woman, her assigned caseworker or counsellor and the history of assignments;
-- case notes (sensitive: read only through their own resource); referrals to and from other agencies.
create table beneficiary_case (
    id              uuid primary key,
    beneficiary_id  uuid not null unique references beneficiary (id) on delete cascade,
    assigned_to     text not null,
    assignee_kind   text not null check (assignee_kind in ('CASEWORKER', 'COUNSELLOR')),
    assigned_at     timestamptz not null,
    opened_at       timestamptz not null,
    opened_by       text not null,
    version         bigint not null default 0
);

create index beneficiary_case_assignee on beneficiary_case (assigned_to);

create table case_assignment (
    id             uuid primary key,
    case_id        uuid not null references beneficiary_case (id) on delete cascade,
    assigned_to    text not null,
    assignee_kind  text not null,
    assigned_at    timestamptz not null,
    assigned_by    text not null
);

create index case_assignment_case on case_assignment (case_id, assigned_at);

create table case_note (
    id          uuid primary key,
    case_id     uuid not null references beneficiary_case (id) on delete cascade,
    body        text not null,
    written_at  timestamptz not null,
    written_by  text not null
);

create index case_note_case on case_note (case_id, written_at);

create table referral (
    id              uuid primary key,
    beneficiary_id  uuid not null references beneficiary (id) on delete cascade,
    direction       text not null check (direction in ('OUT', 'IN')),
    agency_kind     text not null check (agency_kind in ('RELIEF_COMMITTEE', 'WELFARE_ORGANISATION', 'BENEFACTORS',
                                                         'OTHER')),
    agency_name     text,
    state           text not null check (state in ('PROPOSED', 'SENT', 'ACCEPTED', 'DECLINED', 'COMPLETED')),
    created_at      timestamptz not null,
    created_by      text not null,
    updated_at      timestamptz not null,
    version         bigint not null default 0
);

create index referral_beneficiary on referral (beneficiary_id, created_at);

create table referral_transition (
    id           uuid primary key,
    referral_id  uuid not null references referral (id) on delete cascade,
    state        text not null,
    at           timestamptz not null,
    by_user      text not null
);

create index referral_transition_referral on referral_transition (referral_id, at);

-- Who used break-glass access, to what, and why. The reason text stays here, in the registry's own
-- database; the audit chain holds its salted hash, the alerting event only its length.
create table break_glass_access (
    id              uuid primary key,
    at              timestamptz not null,
    actor           text not null,
    client_id       text,
    resource_type   text not null,
    beneficiary_id  uuid not null references beneficiary (id) on delete cascade,
    reason          text not null,
    reason_sha256   text not null,
    request_id      text
);

create index break_glass_access_actor on break_glass_access (actor, at);
