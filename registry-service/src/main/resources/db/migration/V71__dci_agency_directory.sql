-- The DCI agency directory: which gateway client (client_id) is which agency, the Ed25519 public keys its
-- messages are signed with (each with a validity window), and the base URLs its callbacks go to. The scheme,
-- host and port of those URLs are the agency's allow-list: a callback goes to no other origin.
-- It replaces the configuration mapping registry.agency-check.agencies.<client_id>; the two agencies that
-- mapping named are carried over (no keys, no callback URL: an admin adds them).
create table dci_agency (
    client_id           text primary key,
    agency              text not null,
    name                text,
    callback_base_urls  jsonb not null default '[]'::jsonb,
    keys                jsonb not null default '[]'::jsonb,
    version             bigint not null default 0,
    updated_at          timestamptz not null default now(),
    updated_by          text
);

insert into dci_agency (client_id, agency, name, updated_by) values
    ('relief-committee', 'RELIEF_COMMITTEE', 'کمیته امداد امام خمینی', 'migration:V71'),
    ('welfare-org', 'WELFARE_ORGANISATION', 'سازمان بهزیستی', 'migration:V71');
