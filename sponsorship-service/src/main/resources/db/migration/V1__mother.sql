-- Mothers as the sponsorship service knows them: built from the registry's events, and holding
-- no more of a mother's data than her id and district (data minimisation).
create table mother (
    beneficiary_id  uuid primary key,
    district        smallint check (district between 1 and 22),
    registered_on   text,
    first_seen_at   timestamptz not null,
    source_event_id text not null
);
