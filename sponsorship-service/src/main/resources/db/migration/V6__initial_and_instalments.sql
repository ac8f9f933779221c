-- The first letter of a child's first name (folded), which the registry's child events now carry: all of a name
-- that sponsorship holds, for the sponsor's pseudonymised view. Null for children whose events predate it.
alter table child add column first_name_initial varchar(1);

-- The instalment schedule of a confirmed pledge: one instalment for a one-off, one per Jalali month for a
-- monthly pledge, each due on the start date's day of the month (the month's last day when it is shorter).
-- paid_rials is what receipts paid into it, cancelled_rials what was released when the pledge ended early, so
-- sum(amount) = pledged, sum(paid) = received and sum(cancelled) = released for every pledge.
create table instalment (
    id              uuid primary key,
    pledge_id       uuid not null references pledge (id),
    number          smallint not null check (number between 1 and 120),
    due_on          date not null,
    amount_rials    bigint not null check (amount_rials > 0),
    paid_rials      bigint not null default 0 check (paid_rials >= 0),
    cancelled_rials bigint not null default 0 check (cancelled_rials >= 0),
    paid_on         date,
    check (paid_rials + cancelled_rials <= amount_rials),
    unique (pledge_id, number)
);
create index instalment_open_due on instalment (due_on) where paid_rials + cancelled_rials < amount_rials;

-- Which receipt paid which instalment, and how much: append-only, like the ledger it explains.
create table instalment_payment (
    id              bigserial primary key,
    instalment_id   uuid not null references instalment (id),
    ledger_entry_id bigint not null references ledger_entry (id),
    amount_rials    bigint not null check (amount_rials > 0),
    paid_on         date not null,
    unique (instalment_id, ledger_entry_id)
);
create index instalment_payment_entry on instalment_payment (ledger_entry_id);
create trigger instalment_payment_no_update before update or delete on instalment_payment
    for each row execute function ledger_entry_append_only();
create trigger instalment_payment_no_truncate before truncate on instalment_payment
    for each statement execute function ledger_entry_append_only();
