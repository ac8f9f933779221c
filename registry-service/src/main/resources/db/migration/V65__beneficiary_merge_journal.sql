-- Merges of two records of one woman, and every row change each merge made, so that a split (undo) can
-- restore both records exactly. While a merge runs, its transaction sets registry.merge_id (set_config, local
-- to the transaction); the journal trigger then writes each changed row's before and after image of the
-- tables a merge touches. Outside a merge the triggers' WHEN clause is false and they cost one GUC read.
create table beneficiary_merge (
    id            uuid primary key,
    candidate_id  uuid not null references duplicate_candidate (id),
    loser_id      uuid not null references beneficiary (id),
    survivor_id   uuid not null references beneficiary (id),
    merged_at     timestamptz not null,
    merged_by     text not null,
    split_at      timestamptz,
    split_by      text
);
create index beneficiary_merge_candidate on beneficiary_merge (candidate_id, merged_at);
create index beneficiary_merge_loser on beneficiary_merge (loser_id);
create index beneficiary_merge_survivor on beneficiary_merge (survivor_id);

create table beneficiary_merge_change (
    id          bigserial primary key,
    merge_id    uuid not null references beneficiary_merge (id),
    table_name  text not null,
    op          char(1) not null check (op in ('I', 'U', 'D')),
    old_row     jsonb,
    new_row     jsonb
);
create index beneficiary_merge_change_of on beneficiary_merge_change (merge_id, id);

create function beneficiary_merge_journal() returns trigger language plpgsql as $$
begin
    insert into beneficiary_merge_change (merge_id, table_name, op, old_row, new_row)
    values (current_setting('registry.merge_id')::uuid, tg_table_name, left(tg_op, 1),
            case when tg_op <> 'INSERT' then to_jsonb(old) end,
            case when tg_op <> 'DELETE' then to_jsonb(new) end);
    return null;
end
$$;

-- Every table that references a woman, and every table hanging off one of those that a merge re-links
-- (MergeCatalogueTest checks that none is missing).
do $$
declare
    t text;
begin
    foreach t in array array['beneficiary', 'beneficiary_history', 'child', 'dependant', 'business',
        'duplicate_candidate', 'consent', 'beneficiary_case', 'case_assignment', 'case_note', 'referral',
        'referral_transition', 'break_glass_access', 'cohort_membership', 'beneficiary_code_hmac',
        'production_order_work', 'production_order_payout', 'placement', 'placement_attendance',
        'placement_statement', 'campaign_mentee', 'campaign_session', 'campaign_milestone']
    loop
        execute format('create trigger merge_journal after insert or update or delete on %I for each row '
            || 'when (current_setting(''registry.merge_id'', true) <> '''') '
            || 'execute function beneficiary_merge_journal()', t);
    end loop;
end
$$;

-- The history of a record shows its merges and splits.
alter table beneficiary_history drop constraint beneficiary_history_kind_check;
alter table beneficiary_history add constraint beneficiary_history_kind_check
    check (kind in ('STATUS', 'SUPPORT_LEVEL', 'MERGED', 'SPLIT'));
