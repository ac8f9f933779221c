-- OAuth 2.1 authorization code with PKCE (docs/security.md, "Sign-in for apps: authorization code with PKCE").
--
-- A client now says how it may sign people in:
--   trusted        the password grant is open to it (first-party tools only; an admin sets it)
--   public_client  it has no secret (a mobile or browser app): only the authorization code grant
--   redirect_uris  where the authorization endpoint may send a code back, compared exactly
alter table api_client add column trusted boolean not null default false;
alter table api_client add column public_client boolean not null default false;
alter table api_client add column redirect_uris text[] not null default '{}';

-- the clients registered before this migration may already use the password grant (the demo and the
-- first-party tools): they keep doing so; clients registered from now on are untrusted unless an admin says so
update api_client set trusted = true;

-- one-time codes of the authorization endpoint: stored as the SHA-256 of the code, bound to the client, the
-- redirect URI and the PKCE challenge (S256), valid for a minute, redeemed once; a second redemption revokes the
-- refresh tokens issued from the first (refresh_family)
create table authorization_code (
    code_hash       text primary key,
    client_id       text not null references api_client (client_id),
    username        text not null references staff_user (username),
    redirect_uri    text not null,
    code_challenge  text not null,
    issued_at       timestamptz not null,
    expires_at      timestamptz not null,
    redeemed_at     timestamptz,
    refresh_family  uuid
);

create index authorization_code_expires on authorization_code (expires_at);
