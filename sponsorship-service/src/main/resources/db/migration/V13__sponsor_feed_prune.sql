-- The sponsors' delta feeds are kept by SponsorFeedRecorder in the background (a read writes nothing), and their
-- tombstones are pruned once older than the feed's window (SponsorFeed.WINDOW): the prune reads them by age.
create index sponsor_feed_tombstone_age on sponsor_feed_tombstone (deleted_at);
