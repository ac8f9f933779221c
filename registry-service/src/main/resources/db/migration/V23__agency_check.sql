-- The keyed HMAC-SHA256 of each woman's canonical national code, for the inter-agency duplicate check.
-- One row per (woman, key id): during a key rotation both keys' HMACs exist. source_version is the
-- beneficiary row's version the HMAC was computed from; a newer version means it must be recomputed.
create table beneficiary_code_hmac (
    beneficiary_id  uuid not null references beneficiary (id) on delete cascade,
    key_id          text not null,
    hmac            text not null,
    source_version  bigint not null,
    computed_at     timestamptz not null,
    primary key (beneficiary_id, key_id)
);

create index beneficiary_code_hmac_lookup on beneficiary_code_hmac (key_id, hmac);
