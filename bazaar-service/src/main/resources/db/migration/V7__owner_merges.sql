-- Merges of a woman's two registry records (registry beneficiary.merged, undone by beneficiary.split). A producer
-- keeps the owner the registry last named (registry_owner_id) and is held under the record that owner stands
-- for now (owner_id: the last survivor of her merges), so that the allocation's rules per owner count one woman
-- once, whichever of the registry's events is read first.
create table owner_merge (
    merged_id        uuid primary key,
    survivor_id      uuid not null,
    merged_at        timestamptz not null,
    source_event_id  text not null
);
alter table producer add column registry_owner_id uuid;
update producer set registry_owner_id = owner_id;
alter table producer alter column registry_owner_id set not null;
create index producer_registry_owner on producer (registry_owner_id);
