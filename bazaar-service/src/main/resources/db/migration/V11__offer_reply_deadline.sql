-- An offered stall waits for its producer's answer until a deadline (reply_by); unanswered by then it lapses
-- (status LAPSED) and the stall goes to the next on the waitlist. A guaranteed place in a coming bazaar
-- (NEXT_BAZAAR) keeps no one waiting and has no deadline. The sweep finds the due offers by the partial index.
alter table waitlist_offer add column reply_by timestamptz;
alter table waitlist_offer drop constraint waitlist_offer_status_check;
alter table waitlist_offer add constraint waitlist_offer_status_check
    check (status in ('OPEN', 'ACCEPTED', 'DECLINED', 'USED', 'CANCELLED', 'LAPSED'));
create index waitlist_offer_due on waitlist_offer (reply_by) where status = 'OPEN' and reply_by is not null;
