-- What other agencies give a family: one row per support a household (the woman at its head) receives from the
-- Relief Committee, the Welfare Organisation, a benefactor or another named agency, over a period of whole
-- Jalali months (period_from is the first Gregorian day of the first month, period_to the last day of the last).
-- An amount is in integer rials per month of the period, or the support is in kind and described; never both.
create table agency_support (
    id                  uuid primary key,
    beneficiary_id      uuid not null references beneficiary (id),
    agency_kind         text not null check (agency_kind in ('RELIEF_COMMITTEE', 'WELFARE_ORGANISATION',
                                                             'BENEFACTORS', 'OTHER')),
    agency_name         text,
    agency_key          text not null,
    kind                text not null,
    amount_rials        bigint check (amount_rials > 0),
    in_kind_description text,
    period_from         date not null,
    period_to           date not null,
    source              text not null check (source in ('CASEWORKER', 'AGENCY')),
    note                text,
    recorded_at         timestamptz not null,
    recorded_by         text not null,
    corrected_at        timestamptz,
    corrected_by        text,
    version             bigint not null default 0,
    check ((amount_rials is null) <> (in_kind_description is null)),
    check (period_from <= period_to),
    check (agency_kind <> 'OTHER' or agency_name is not null)
);

create index agency_support_household on agency_support (beneficiary_id, period_from);

-- A merge moves her support to the survivor (MergeMoves); the journal lets a split restore it.
create trigger merge_journal after insert or update or delete on agency_support for each row
    when (current_setting('registry.merge_id', true) <> '')
    execute function beneficiary_merge_journal();
