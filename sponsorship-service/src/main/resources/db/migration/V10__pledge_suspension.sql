-- A sponsorship is suspended while the mother's consent to sponsorship is revoked (PledgeService): what was still
-- to come is released in the ledger and its open instalments cancelled, as at an end, and suspended_rials keeps
-- that sum; when she consents again, the same sum is pledged again in new instalments from that day, and
-- repledged_rials adds it up.
alter table pledge drop constraint pledge_status_check;
alter table pledge add constraint pledge_status_check
    check (status in ('PROPOSED', 'ACTIVE', 'SUSPENDED', 'ENDED', 'RELEASED'));
alter table pledge add column suspended_at timestamptz;
alter table pledge add column suspended_rials bigint not null default 0 check (suspended_rials >= 0);
-- what resumptions pledged again in all: the ledger's pledged sum is total_rials + repledged_rials
alter table pledge add column repledged_rials bigint not null default 0 check (repledged_rials >= 0);
-- a suspended sponsorship still holds its child's purpose: it resumes, no one else takes it
drop index pledge_one_per_purpose;
create unique index pledge_one_per_purpose on pledge (child_id, purpose)
    where status in ('PROPOSED', 'ACTIVE', 'SUSPENDED');
-- the instalments a resumption adds come after the first 120
alter table instalment drop constraint instalment_number_check;
alter table instalment add constraint instalment_number_check check (number between 1 and 32767);
