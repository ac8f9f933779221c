-- The HTTP conventions of the bazaar's API (docs/ARCHITECTURE.md, HTTP conventions).
--
-- A footfall report is updated with a conditional PUT: If-Match with the version the coordinator read, or
-- If-None-Match: * for the first report of a venue and day.
alter table footfall add column version bigint not null default 0;

-- The delta feeds a phone caches: a producer's applications and offers changed since her last sync.
alter table application add column updated_at timestamptz;
update application set updated_at = coalesce(withdrawn_at, submitted_at);
alter table application alter column updated_at set not null;
create index application_updated on application (updated_at, id);

alter table waitlist_offer add column updated_at timestamptz;
update waitlist_offer set updated_at = coalesce(decided_at, created_at);
alter table waitlist_offer alter column updated_at set not null;
create index waitlist_offer_updated on waitlist_offer (updated_at, id);

create index bazaar_updated on bazaar (updated_at, id);

-- What left a feed, written in the transaction that removed it: a bazaar that left the public calendar
-- (closed), an offer a producer no longer sees (cancelled). Kept 90 days (bazaar.feed.tombstone-retention);
-- a phone that last synced before that reloads its list in full.
create table feed_tombstone (
    feed       text        not null,
    id         uuid        not null,
    owner_id   uuid,
    deleted_at timestamptz not null,
    primary key (feed, id)
);
create index feed_tombstone_deleted on feed_tombstone (feed, deleted_at);
