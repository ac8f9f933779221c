-- A DCI notification names the woman it was about: like her disclosure log, it goes with her at a merge
-- (MergeMoves) and comes back at a split (the merge journal), and it refers to her row like every record of hers.
alter table dci_notification add constraint dci_notification_beneficiary
    foreign key (beneficiary_id) references beneficiary (id) on delete cascade;

create trigger merge_journal after insert or update or delete on dci_notification for each row
    when (current_setting('registry.merge_id', true) <> '')
    execute function beneficiary_merge_journal();
