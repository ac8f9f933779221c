-- A woman's correction requests go with her at a merge and come back at a split (the merge journal).
create trigger merge_journal after insert or update or delete on correction_request for each row
    when (current_setting('registry.merge_id', true) <> '')
    execute function beneficiary_merge_journal();
