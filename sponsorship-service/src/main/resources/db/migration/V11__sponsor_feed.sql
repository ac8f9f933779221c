-- The delta feed of a sponsor's own lists for her mobile app (SponsorFeed): what each list held when it was last
-- served, item by item, as a fingerprint of the item's view and when that fingerprint last changed; and the
-- tombstones of the items that left a list (a child she no longer supports, because the sponsorship ended or was
-- suspended: both leave the same tombstone, with no reason). Items are keyed as the sponsor knows them (a pledge
-- id, her code for a child); nothing here names a child or her mother.
create table sponsor_feed_item (
    sponsor_id  uuid not null,
    feed        varchar(16) not null check (feed in ('SPONSORSHIPS', 'CHILDREN')),
    item_key    varchar(64) not null,
    fingerprint varchar(64) not null,
    changed_at  timestamptz not null,
    primary key (sponsor_id, feed, item_key)
);

create table sponsor_feed_tombstone (
    sponsor_id uuid not null,
    feed       varchar(16) not null check (feed in ('SPONSORSHIPS', 'CHILDREN')),
    item_key   varchar(64) not null,
    deleted_at timestamptz not null,
    primary key (sponsor_id, feed, item_key)
);
create index sponsor_feed_tombstone_since on sponsor_feed_tombstone (sponsor_id, feed, deleted_at);
