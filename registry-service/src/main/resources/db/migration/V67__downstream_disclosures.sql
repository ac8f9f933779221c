-- Shares the bazaar and sponsorship make of a woman under her consent, reported back through their
-- disclosure.recorded events, join the registry's own in her disclosure log. A row names the service that made
-- the share; a reported row keeps the reporting service's disclosure id as its own, so a redelivered event finds
-- its row (the processed-event log is the first guard, the primary key the second).
alter table disclosure add column service text not null default 'registry'
    check (service in ('registry', 'bazaar', 'sponsorship'));
