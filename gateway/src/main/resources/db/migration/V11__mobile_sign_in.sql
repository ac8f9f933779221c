-- Sign-in with a mobile number and a one-time code (a woman of the register, role woman). Nothing here holds a
-- number or a code in clear: mobile_hash is an HMAC-SHA-256 of the number in E.164 under the gateway's key
-- (gateway.mobile-sign-in.hash-key), code_hash an HMAC of the code and its row id under the same key. A code lives
-- minutes, is used once and allows a few tries; the rows of the last hours also count the codes sent per number
-- and per source address and the wrong codes per address (the rate limits), then the hourly purge drops them.
create table mobile_code (
    id           uuid primary key,
    mobile_hash  text        not null,
    code_hash    text        not null,
    source       text        not null,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    attempts     integer     not null default 0,
    used_at      timestamptz
);
create index mobile_code_mobile on mobile_code (mobile_hash, created_at);
create index mobile_code_source on mobile_code (source, created_at);

-- every wrong code, by source address: guessing codes for many numbers from one address is limited too
create table mobile_code_failure (
    source       text        not null,
    failed_at    timestamptz not null
);
create index mobile_code_failure_source on mobile_code_failure (source, failed_at);

-- a woman who signed in with a code is a staff_user row named woman:<mobile_hash> with role woman and no usable
-- password (so her refresh tokens rotate like everyone's); beneficiary_id is the registry's id of her at her last
-- sign-in, null when the register does not know her number
alter table staff_user add column beneficiary_id text;
