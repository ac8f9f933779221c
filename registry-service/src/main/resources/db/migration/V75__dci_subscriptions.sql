-- DCI subscriptions: an agency (a client of the gateway) asks to be notified (POST {sender_uri}/registry/notify)
-- when a woman is registered or her household changes. A subscription names the agency it was made for (its
-- client and the agency as her SHARE_WITH_AGENCY consent names it), its criteria (the event type, and one
-- national code or none: every woman who consents to that agency), its state and its expiry.
create table dci_subscription (
    id                 uuid primary key,
    code               text not null unique,
    client_id          text not null,
    agency             text not null,
    event_type         text not null check (event_type in ('REGISTER', 'NewHouseHoldMember', 'UPDATE')),
    national_code      text,
    notify_record_type text not null,
    sender_uri         text,
    locale             text not null check (locale in ('fas', 'eng')),
    state              text not null check (state in ('ACTIVE', 'UNSUBSCRIBED', 'EXPIRED')),
    starts_at          timestamptz not null,
    expires_at         timestamptz not null,
    transaction_id     text not null,
    reference_id       text not null,
    created_at         timestamptz not null,
    ended_at           timestamptz,
    check (expires_at > starts_at)
);

-- one active subscription per agency client, event type and criteria (a second is rjct.event.already_subscribed)
create unique index dci_subscription_one_active on dci_subscription (client_id, event_type, coalesce(national_code, ''))
    where state = 'ACTIVE';
create index dci_subscription_matching on dci_subscription (event_type, national_code) where state = 'ACTIVE';

-- Each notification released to a subscriber: at most one per subscription and source event (a redelivered event
-- finds its row), with the disclosure it was logged under.
create table dci_notification (
    id              uuid primary key,
    subscription_id uuid not null references dci_subscription (id),
    beneficiary_id  uuid not null,
    event_id        text not null,
    event_type      text not null,
    disclosure_id   uuid not null,
    released_at     timestamptz not null,
    unique (subscription_id, event_id)
);

create index dci_notification_woman on dci_notification (subscription_id, beneficiary_id, event_type);
