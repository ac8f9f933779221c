-- The public calendar shows at each venue the categories of goods the published allocation puts there, and a
-- phone's delta sync (updatedSince) sends an entry when its bazaar's updated_at moved. Whatever changes those
-- categories therefore stamps the bazaar, in the same transaction: a run published or superseded, a stall of the
-- published run given or lost (released, a no-show), a producer's category changed. Without this, new categories
-- reached a phone only with the bazaar's next change of its own (status, dates, venues).
create function bazaar_categories_changed() returns trigger language plpgsql as $$
declare
    holds_before boolean;
    holds_after boolean;
    run uuid;
begin
    if tg_table_name = 'allocation_run' then
        if tg_op = 'INSERT' then
            if new.status = 'PUBLISHED' then
                update bazaar set updated_at = clock_timestamp() where id = new.bazaar_id;
            end if;
        elsif new.status is distinct from old.status and 'PUBLISHED' in (new.status, old.status) then
            update bazaar set updated_at = clock_timestamp() where id = new.bazaar_id;
        end if;
    elsif tg_table_name = 'assignment' then
        holds_before := false;
        holds_after := false;
        if tg_op <> 'INSERT' then
            holds_before := old.status in ('ASSIGNED', 'CONFIRMED');
        end if;
        if tg_op <> 'DELETE' then
            holds_after := new.status in ('ASSIGNED', 'CONFIRMED');
        end if;
        if tg_op = 'UPDATE' then
            if holds_before = holds_after and new.venue_id is not distinct from old.venue_id then
                return null;
            end if;
        end if;
        if tg_op = 'DELETE' then
            run := old.run_id;
        else
            run := new.run_id;
        end if;
        if holds_before or holds_after then
            update bazaar b set updated_at = clock_timestamp() from allocation_run r
             where r.id = run
               and r.status = 'PUBLISHED' and b.id = r.bazaar_id;
        end if;
    elsif tg_table_name = 'producer' then
        if new.category is distinct from old.category then
            update bazaar b set updated_at = clock_timestamp()
             where b.end_date >= current_date and exists (
                select 1 from assignment a join allocation_run r on r.id = a.run_id and r.status = 'PUBLISHED'
                 where a.bazaar_id = b.id and a.business_id = new.business_id
                   and a.status in ('ASSIGNED', 'CONFIRMED'));
        end if;
    end if;
    return null;
end
$$;

create trigger allocation_run_categories after insert or update of status on allocation_run
    for each row execute function bazaar_categories_changed();
create trigger assignment_categories after insert or update or delete on assignment
    for each row execute function bazaar_categories_changed();
create trigger producer_categories after update of category on producer
    for each row execute function bazaar_categories_changed();
