-- A woman's consent to be listed as a producer in public and partner listings (the registry's
-- BAZAAR_PUBLICATION purpose), keyed by her person id (a producer's owner_id), as the registry's
-- consent.given / consent.revoked events state it. No row: no consent. Each row remembers the topic
-- position of the event it last applied, so an older event never overwrites a newer one.
create table publication_consent (
    owner_id         uuid primary key,
    active           boolean not null,
    consent_id       uuid not null,
    changed_at       timestamptz not null,
    source_event_id  text not null,
    source_partition integer not null,
    source_offset    bigint not null
);
