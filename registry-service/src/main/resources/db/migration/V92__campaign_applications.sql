-- Self-registration for the home-business campaign «کار تو خونمونه»: a girl or woman signed in with her mobile
-- number (role woman) who is not in the register applies herself; a caseworker of the district she names
-- confirms her, which registers her as a campaign participant. One application per signed-in person (subject: the
-- gateway's name for her sign-in, which holds no number).
create table campaign_application (
    id              uuid primary key,
    subject         text        not null unique,
    national_code   bpchar(10)  not null,
    first_name      text        not null,
    last_name       text        not null,
    mobile          text,
    district        smallint    not null,
    status          text        not null check (status in ('PENDING', 'CONFIRMED', 'DECLINED')),
    applied_at      timestamptz not null,
    decided_at      timestamptz,
    decided_by      text,
    participant_id  uuid,
    version         bigint      not null default 0
);
create index campaign_application_pending on campaign_application (district, applied_at) where status = 'PENDING';
