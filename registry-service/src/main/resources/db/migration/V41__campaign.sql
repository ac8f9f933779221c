-- The home-business campaign «کار تو خونمونه»: masters, mentors and facilitators; mentees (a registered
-- woman head of household, or any other woman or girl held as a campaign_participant); sessions and
-- milestones. Nothing here is a sensitive fact.
create table campaign_mentor (
    id          uuid primary key,
    kind        text not null check (kind in ('MASTER', 'MENTOR', 'FACILITATOR')),
    first_name  text not null,
    last_name   text not null,
    mobile      text,
    skills      text[] not null,
    districts   integer[] not null,
    capacity    integer not null check (capacity between 1 and 100),
    active      boolean not null default true,
    created_at  timestamptz not null,
    created_by  text not null,
    version     bigint not null default 0
);

create table campaign_mentee (
    id                     uuid primary key,
    beneficiary_id         uuid references beneficiary (id) on delete cascade,
    participant_id         uuid references campaign_participant (id) on delete cascade,
    heads_household        boolean not null,
    district               smallint not null check (district between 1 and 22),
    interests              text[] not null,
    enrolled_at            timestamptz not null,
    enrolled_by            text not null,
    mentor_id              uuid references campaign_mentor (id),
    matched_at             timestamptz,
    bazaar_eligible_since  date,
    version                bigint not null default 0,
    check ((beneficiary_id is null) <> (participant_id is null)),
    check (heads_household = (beneficiary_id is not null))
);

create unique index campaign_mentee_beneficiary on campaign_mentee (beneficiary_id) where beneficiary_id is not null;
create unique index campaign_mentee_participant on campaign_mentee (participant_id) where participant_id is not null;
create index campaign_mentee_mentor on campaign_mentee (mentor_id);
create index campaign_mentee_waiting on campaign_mentee (heads_household desc, enrolled_at, id) where mentor_id is null;

create table campaign_session (
    id           uuid primary key,
    mentee_id    uuid not null references campaign_mentee (id) on delete cascade,
    mentor_id    uuid not null references campaign_mentor (id),
    held_on      date not null,
    minutes      integer not null check (minutes between 5 and 600),
    topic        text not null,
    recorded_at  timestamptz not null,
    recorded_by  text not null
);

create index campaign_session_mentee on campaign_session (mentee_id, held_on);

create table campaign_milestone (
    mentee_id    uuid not null references campaign_mentee (id) on delete cascade,
    milestone    text not null check (milestone in ('IDEA', 'TRAINING', 'FIRST_SALE', 'REGISTERED_BUSINESS')),
    reached_on   date not null,
    business_id  uuid references business (id),
    recorded_at  timestamptz not null,
    recorded_by  text not null,
    primary key (mentee_id, milestone),
    check ((milestone = 'REGISTERED_BUSINESS') = (business_id is not null))
);
