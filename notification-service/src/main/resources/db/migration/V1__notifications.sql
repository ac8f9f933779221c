-- What concerns a person, addressed as the tokens name people: a producer by her business (BUSINESS), a woman by
-- her registry id (BENEFICIARY), a sponsor by her benefactor id (SPONSOR). The texts are written when the event
-- arrives, in Persian (with Jalali dates) and English; an app reads them in the language it asks for.
create table notification (
    id              uuid primary key,
    seq             bigint generated always as identity unique,
    recipient_kind  text not null check (recipient_kind in ('BUSINESS', 'BENEFICIARY', 'SPONSOR')),
    recipient_id    uuid not null,
    kind            text not null,
    subject_id      uuid,
    title_fa        text not null,
    body_fa         text not null,
    title_en        text not null,
    body_en         text not null,
    event_id        text not null unique,
    created_at      timestamptz not null,
    read_at         timestamptz
);
create index notification_inbox on notification (recipient_kind, recipient_id, seq desc);
create index notification_unread on notification (recipient_kind, recipient_id) where read_at is null;

-- Her channels: the inbox (and the live stream of an open app) always; Web Push and SMS as she chooses.
create table channel_choice (
    recipient_kind  text not null,
    recipient_id    uuid not null,
    push            boolean not null,
    sms             boolean not null,
    language        text not null check (language in ('fa', 'en')),
    updated_at      timestamptz not null,
    primary key (recipient_kind, recipient_id)
);

-- A browser's push subscription (RFC 8030 endpoint, RFC 8291 keys), one row for each recipient her token named.
create table push_subscription (
    id              uuid primary key,
    recipient_kind  text not null,
    recipient_id    uuid not null,
    endpoint        text not null,
    p256dh          text not null,
    auth            text not null,
    created_at      timestamptz not null,
    unique (recipient_kind, recipient_id, endpoint)
);

-- The delivery outbox: written in the notification's transaction, sent by the relay with retries and back-off.
create table delivery (
    id              uuid primary key,
    notification_id uuid not null references notification (id) on delete cascade,
    channel         text not null check (channel in ('PUSH')),
    subscription_id uuid references push_subscription (id) on delete set null,
    status          text not null check (status in ('PENDING', 'SENT', 'FAILED', 'GONE')),
    attempts        int not null,
    next_attempt_at timestamptz not null,
    last_error      text,
    sent_at         timestamptz,
    created_at      timestamptz not null
);
create index delivery_due on delivery (next_attempt_at) where status = 'PENDING';
