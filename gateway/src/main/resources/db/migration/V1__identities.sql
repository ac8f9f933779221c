-- Who may get a token from the gateway: partner applications and agencies (client credentials)
-- and municipality staff (username and password). Secrets and passwords are bcrypt hashes.

create table api_client (
    client_id    text primary key,
    secret_hash  text not null,
    name         text not null,
    roles        text[] not null default '{}',
    scopes       text[] not null default '{}',
    active       boolean not null default true,
    created_at   timestamptz not null default now()
);

create table staff_user (
    username         text primary key,
    password_hash    text not null,
    roles            text[] not null default '{}',
    -- the districts of Tehran a user works in; null means every district
    districts        integer[],
    active           boolean not null default true,
    failed_attempts  integer not null default 0,
    locked_until     timestamptz,
    created_at       timestamptz not null default now()
);
