-- Each business named to a partner app (or any reader who is neither staff nor its producer) under its owner's
-- BAZAAR_PUBLICATION consent, once per reader and Tehran day: the first listing of the day that names it writes
-- the row and, in the same transaction, reports the share to the registry through the outbox
-- (bazaar.disclosure, disclosure.recorded); later listings that day find the row and report nothing.
create table publication_disclosure (
    business_id   uuid not null,
    recipient     text not null,
    day           date not null,
    owner_id      uuid not null,
    disclosure_id uuid not null unique,
    disclosed_at  timestamptz not null,
    primary key (business_id, recipient, day)
);
