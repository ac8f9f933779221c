-- Referrals that travel: a referral out carries its purpose (which decides the fields delivered to the agency);
-- a referral in may come from an agency client through the API, which then follows it (its client id).
alter table referral add column purpose text not null default 'GENERAL'
    check (purpose in ('GENERAL', 'FINANCIAL_SUPPORT', 'EMPLOYMENT', 'HEALTH_CARE', 'LEGAL_AID'));
alter table referral add column agency_client text;

-- An agency lists the referrals addressed to it (out, by its agency) and those it sent (in, by its client).
create index referral_agency on referral (direction, agency_kind, created_at);
create index referral_agency_client on referral (agency_client, created_at) where agency_client is not null;
