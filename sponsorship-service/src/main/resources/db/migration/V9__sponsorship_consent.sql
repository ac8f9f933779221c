-- A mother's consent to have her children matched and shown to sponsors (the registry's SPONSORSHIP
-- purpose), as the registry's consent.given / consent.revoked events state it. No row: no consent.
-- Each row remembers the topic position of the event it last applied, so an older event never
-- overwrites a newer one.
create table sponsorship_consent (
    mother_id        uuid primary key,
    active           boolean not null,
    consent_id       uuid not null,
    changed_at       timestamptz not null,
    source_event_id  text not null,
    source_partition integer not null,
    source_offset    bigint not null
);
