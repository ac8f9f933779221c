-- A mentee who leaves the campaign gives her mentor's place back and is no longer matched.
alter table campaign_mentee add column withdrawn_at timestamptz;
alter table campaign_mentee add column withdrawn_by text;
drop index campaign_mentee_waiting;
create index campaign_mentee_waiting on campaign_mentee (heads_household desc, enrolled_at, id)
    where mentor_id is null and withdrawn_at is null;
