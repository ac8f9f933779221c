-- The registry counts a caller's refused existence checks (beneficiary.register, DENIED) in a sliding
-- window straight from the audit log (beneficiary/ExistenceProbes); this index keeps that count a range scan.
create index audit_entry_actor_action_at on audit_entry (actor, action, at);
