-- What was shared of a woman under a consent, to whom and when (ICRC: accountability). One row per
-- disclosure the registry itself makes (an agency's enrolment answer beyond "enrolled", a referral
-- sent); shares the sponsorship and bazaar services make are recorded there, where they happen.
-- Rows are never updated; they go with her record.
create table disclosure (
    id             uuid primary key,
    beneficiary_id uuid not null references beneficiary (id) on delete cascade,
    disclosed_at   timestamptz not null,
    purpose        text not null check (purpose in ('SHARE_WITH_AGENCY', 'SPONSORSHIP', 'BAZAAR_PUBLICATION')),
    consent_id     uuid not null references consent (id),
    what           text not null,
    recipient      text not null,
    reference      text,
    by_actor       text not null
);

create index disclosure_beneficiary on disclosure (beneficiary_id, disclosed_at desc);
