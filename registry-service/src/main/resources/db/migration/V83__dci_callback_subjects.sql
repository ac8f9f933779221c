-- The women a queued callback releases (the records of an on-search, the woman of a notify or of a referral
-- out). At each delivery attempt every one of them must still be releasable to the agency (her active
-- SHARE_WITH_AGENCY consent for it, no sensitive cohort); if one is not, the callback is WITHDRAWN and never
-- leaves.
alter table dci_callback add column beneficiary_ids uuid[] not null default '{}';
alter table dci_callback drop constraint dci_callback_status_check;
alter table dci_callback add constraint dci_callback_status_check
    check (status in ('PENDING', 'SENT', 'DEAD', 'WITHDRAWN'));
