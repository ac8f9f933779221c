-- The campaign fund to free imprisoned mothers: benefactors give to it, and the registry draws from it for a
-- case. Sponsorship never learns who a draw is for: a draw names only an opaque id and an amount. Its money
-- moves in the same append-only ledger as the pledges' (CONTRIBUTED in, DRAWN out), with the fund's running
-- balances kept on its row and reconciled against the ledger like a pledge's.
create table campaign_fund (
    id                uuid primary key,
    code              text not null unique,
    name_fa           text not null,
    name_en           text not null,
    contributed_rials bigint not null default 0,
    drawn_rials       bigint not null default 0,
    -- counts the fund's changes, so that a reader of its events keeps only the newest balance
    sequence          bigint not null default 0,
    version           bigint not null default 0,
    check (drawn_rials >= 0 and contributed_rials >= drawn_rials)
);

insert into campaign_fund (id, code, name_fa, name_en)
values ('6d6f7468-6572-7300-0000-000000000001', 'MOTHERS_RELEASE', 'صندوق پویش آزادی مادران زندانی',
        'Campaign fund to free imprisoned mothers');

alter table ledger_entry alter column pledge_id drop not null;
alter table ledger_entry add column fund_id uuid references campaign_fund (id);
alter table ledger_entry add column benefactor_id uuid references benefactor (id);
alter table ledger_entry drop constraint ledger_entry_kind_check;
alter table ledger_entry add constraint ledger_entry_kind_check
    check (kind in ('PLEDGED', 'PLEDGE_RELEASED', 'RECEIVED', 'DISBURSED', 'CONTRIBUTED', 'DRAWN'));
alter table ledger_entry drop constraint ledger_entry_reference_type_check;
alter table ledger_entry add constraint ledger_entry_reference_type_check
    check (reference_type in ('SCHOOL_APPLICATION', 'ENROLMENT', 'FUND_DRAW'));
-- an entry is a pledge's or a fund's; a fund takes contributions (from a benefactor) and draws (for an id)
alter table ledger_entry add constraint ledger_entry_pledge_or_fund check ((pledge_id is null) <> (fund_id is null));
alter table ledger_entry add constraint ledger_entry_fund_kinds check (
    (fund_id is null and benefactor_id is null and kind in ('PLEDGED', 'PLEDGE_RELEASED', 'RECEIVED', 'DISBURSED'))
    or (fund_id is not null and kind = 'CONTRIBUTED' and benefactor_id is not null and reference_id is null)
    or (fund_id is not null and kind = 'DRAWN' and benefactor_id is null and reference_type = 'FUND_DRAW'));
create index ledger_entry_fund on ledger_entry (fund_id, id) where fund_id is not null;
-- a draw is applied once, whatever the redeliveries
create unique index ledger_entry_one_draw on ledger_entry (reference_id) where reference_type = 'FUND_DRAW';
