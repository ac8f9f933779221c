-- Client secrets in their own table, so that a client holds two during a rotation and each one can be
-- revoked on its own; a revoked client keeps its row (for the record) with revoked_at set.
create table client_secret (
    id           uuid primary key,
    client_id    text not null references api_client (client_id),
    secret_hash  text not null,
    created_at   timestamptz not null default now(),
    revoked_at   timestamptz
);
create index client_secret_active on client_secret (client_id) where revoked_at is null;

insert into client_secret (id, client_id, secret_hash, created_at)
select gen_random_uuid(), client_id, secret_hash, created_at from api_client;

alter table api_client drop column secret_hash;
alter table api_client add column revoked_at timestamptz;

-- Producers and sponsors sign in like staff: a producer's businesses (registry business ids) and a
-- sponsor's id travel in her tokens.
alter table staff_user add column businesses text[];
alter table staff_user add column sponsor_id text;

-- Refresh tokens: opaque, stored as SHA-256 hashes, used once. Each login starts a family; a refresh
-- token used twice revokes its whole family.
create table refresh_token (
    id                 uuid primary key,
    token_hash         text not null unique,
    family_id          uuid not null,
    username           text not null references staff_user (username),
    client_id          text references api_client (client_id),
    issued_at          timestamptz not null,
    expires_at         timestamptz not null,
    family_expires_at  timestamptz not null,
    used_at            timestamptz,
    revoked_at         timestamptz
);
create index refresh_token_family on refresh_token (family_id);
create index refresh_token_username on refresh_token (username);
create index refresh_token_client on refresh_token (client_id);
create index refresh_token_expires on refresh_token (expires_at);
