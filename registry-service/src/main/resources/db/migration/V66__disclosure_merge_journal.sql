-- A merge moves her disclosure log with her consents (MergeMoves); the merge journal records those rows too,
-- so that a split moves them back (see V65).
create trigger merge_journal after insert or update or delete on disclosure for each row
    when (current_setting('registry.merge_id', true) <> '')
    execute function beneficiary_merge_journal();
