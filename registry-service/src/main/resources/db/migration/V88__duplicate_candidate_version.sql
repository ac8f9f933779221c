-- A pair under review has a version (its ETag): a merge or a split names the version the reviewer read in
-- If-Match, so two reviewers deciding one pair at once cannot both win (428 without it, 412 when it moved).
alter table duplicate_candidate add column version bigint not null default 0;
