-- The roster of children, built from the registry's events (registry.child, registry.beneficiary).
-- Each row holds what sponsorship needs of a child and no more: no name, no national code, no address.

alter table mother
    add column status          text check (status in ('APPLICANT', 'ACTIVE', 'GRADUATED', 'EXITED')),
    add column support_level   text check (support_level in ('COUNSELLING', 'TRAINING', 'BUSINESS_SUPPORT',
                                                             'SELF_RELIANT')),
    add column merged_into     uuid,
    add column source_partition integer,
    add column source_offset   bigint;

-- A merged mother's id and the record it was merged into, as the registry said it. The survivor may be
-- merged on in turn (a -> b -> c): a child of a belongs to c.
create table mother_merge (
    merged_id       uuid primary key,
    survivor_id     uuid not null,
    merged_at       timestamptz not null,
    source_event_id text not null,
    check (merged_id <> survivor_id)
);
create index mother_merge_survivor on mother_merge (survivor_id);

create table child (
    id                  uuid primary key,
    -- the mother after merges; registry_mother_id is the id the registry last gave
    mother_id           uuid not null,
    registry_mother_id  uuid not null,
    birth_date          date not null,
    gender              text not null check (gender in ('FEMALE', 'MALE')),
    grade               smallint check (grade between 0 and 12),
    district            smallint check (district between 1 and 22),
    first_seen_at       timestamptz not null,
    registry_updated_at timestamptz not null,
    removed_at          timestamptz,
    aged_out_on         date,
    gifted_candidate    boolean not null default false,
    -- position of the last registry.child event applied: an older event never overwrites a newer one
    source_partition    integer not null,
    source_offset       bigint not null
);
create index child_mother on child (mother_id);
create index child_active_district on child (district) where removed_at is null and aged_out_on is null;
create index child_active_birth on child (birth_date) where removed_at is null and aged_out_on is null;

-- What happened to a child, append-only; kept after she ages out or leaves. Ids come from a sequence
-- handed out 50 at a time, so that a replay writes its lines in batches.
create sequence child_history_id_seq increment by 50;
create table child_history (
    id              bigint primary key default nextval('child_history_id_seq'),
    child_id        uuid not null references child (id),
    occurred_at     timestamptz not null,
    kind            text not null,
    detail          jsonb not null default '{}',
    source_event_id text
);
create index child_history_child on child_history (child_id, id);
create unique index child_history_once on child_history (child_id, kind, source_event_id)
    where source_event_id is not null;

-- Rebuilds of the roster by replaying the registry's topics.
create table roster_replay (
    id            uuid primary key,
    started_at    timestamptz not null,
    finished_at   timestamptz,
    requested_by  text not null,
    events_read   bigint not null default 0,
    events_failed bigint not null default 0,
    children      bigint,
    status        text not null check (status in ('RUNNING', 'DONE', 'FAILED'))
);
