-- Consent per purpose (ICRC: purpose limitation). Rows are never deleted: a revocation fills the
-- revoked_* columns and a new consent is a new row, so the history stays readable.
create table consent (
    id             uuid primary key,
    beneficiary_id uuid not null references beneficiary (id) on delete cascade,
    purpose        text not null check (purpose in ('SHARE_WITH_AGENCY', 'SPONSORSHIP', 'BAZAAR_PUBLICATION')),
    agency_kind    text check (agency_kind in ('RELIEF_COMMITTEE', 'WELFARE_ORGANISATION', 'BENEFACTORS', 'OTHER')),
    agency_name    text,
    agency_key     text,
    given_on       date not null,
    channel        text not null check (channel in ('PAPER', 'VERBAL', 'APP', 'SMS')),
    recorded_at    timestamptz not null,
    recorded_by    text not null,
    revoked_at     timestamptz,
    revoked_by     text,
    version        bigint not null default 0,
    check ((purpose = 'SHARE_WITH_AGENCY') = (agency_kind is not null)),
    check (agency_kind <> 'OTHER' or agency_name is not null)
);

create index consent_beneficiary on consent (beneficiary_id, purpose);
