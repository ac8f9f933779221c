-- The day the sponsor was reminded of an instalment coming due (instalment.due), so that she is reminded once.
alter table instalment add column reminded_on date;

-- the reminder job's question: unpaid instalments not yet announced, by due day
create index instalment_to_remind on instalment (due_on)
    where reminded_on is null and paid_rials + cancelled_rials < amount_rials;
