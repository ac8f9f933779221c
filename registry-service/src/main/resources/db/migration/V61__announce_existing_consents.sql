-- Consents given before consent events existed are announced once, so that the bazaar and sponsorship
-- services (which now show a producer's business or a woman's children only with her consent) start
-- from what the register holds: one consent.given per woman and purpose she has an active consent to
-- (SPONSORSHIP, BAZAAR_PUBLICATION; sharing with an agency is decided in the registry itself), through
-- the outbox like every other event, keyed by her id. The payload follows consent.given v1.
insert into outbox_event (id, aggregate_type, aggregate_id, event_type, schema_version, occurred_at, payload)
select gen_random_uuid(), 'consent', c.beneficiary_id::text, 'consent.given', 1, now(),
       jsonb_build_object(
           'beneficiaryId', c.beneficiary_id,
           'consentId', c.id,
           'purpose', c.purpose,
           'agencyKind', null,
           'state', 'GIVEN',
           'purposeActive', true,
           'at', to_char(c.recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
from (select distinct on (beneficiary_id, purpose) id, beneficiary_id, purpose, recorded_at
      from consent
      where revoked_at is null and purpose in ('SPONSORSHIP', 'BAZAAR_PUBLICATION')
      order by beneficiary_id, purpose, recorded_at desc) c
order by c.beneficiary_id, c.purpose;
