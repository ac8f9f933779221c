-- The caseload delta feed (GET /beneficiaries/caseload?updatedSince=...): a mobile caseworker app caches the
-- women she may see and asks only for what changed. A woman who leaves someone's sight (merged into another
-- record, moved to another district, her case given to someone else, deleted) leaves a tombstone here, with the
-- facts that made her visible before (district, who registered her, who had her case), so that the feed can
-- tell exactly the callers who could see her, and only them, that she is gone. The feed shows a tombstone as
-- {id, deletedAt} and nothing else: the facts kept here are for matching the caller, never shown, so no
-- tombstone says why she left.
--
-- No foreign key to beneficiary: a tombstone outlives the record it names (MergeCatalogueTest looks for
-- woman-named columns; record_id is deliberately not one: a merge must not move a tombstone).
create table caseload_tombstone (
    record_id    uuid not null,
    left_at      timestamptz not null default now(),
    district     smallint,
    created_by   text,
    assigned_to  text
);
create index caseload_tombstone_left on caseload_tombstone (left_at);

-- the feed's order: when her record last changed, then her id
create index beneficiary_changed on beneficiary ((coalesce(updated_at, registered_at)), id);

create function caseload_left_beneficiary() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.district is not distinct from new.district
            and old.created_by is not distinct from new.created_by
            and (old.merged_into is not null or new.merged_into is null) then
        return null;
    end if;
    insert into caseload_tombstone (record_id, district, created_by, assigned_to)
    values (old.id, old.district, old.created_by,
            (select c.assigned_to from beneficiary_case c where c.beneficiary_id = old.id));
    return case when tg_op = 'DELETE' then old else null end;
end
$$;

-- before a delete, while her case (deleted with her by cascade) still names its assignee
create trigger caseload_left_delete before delete on beneficiary
    for each row execute function caseload_left_beneficiary();
create trigger caseload_left after update of district, created_by, merged_into on beneficiary
    for each row execute function caseload_left_beneficiary();

create function caseload_left_case() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.assigned_to = new.assigned_to and old.beneficiary_id = new.beneficiary_id then
        return null;
    end if;
    insert into caseload_tombstone (record_id, assigned_to) values (old.beneficiary_id, old.assigned_to);
    return null;
end
$$;

create trigger caseload_left after update of assigned_to, beneficiary_id or delete on beneficiary_case
    for each row execute function caseload_left_case();
