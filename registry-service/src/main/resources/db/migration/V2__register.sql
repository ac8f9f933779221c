-- The full register: profile, status and support level with their history, households, businesses,
-- campaign participants, workshop centres, and the duplicate review queue.

alter table beneficiary
    add column father_name          text,
    add column birth_date           date,
    add column mobile               text,
    add column address              text,
    add column district             smallint check (district between 1 and 22),
    add column postal_code          char(10),
    add column registration_channel text not null default 'MUNICIPAL_OFFICE'
        check (registration_channel in ('MUNICIPAL_OFFICE', 'HOME_BUSINESS_CAMPAIGN', 'AGENCY_REFERRAL', 'PRISON_RELEASE')),
    add column status               text not null default 'APPLICANT'
        check (status in ('APPLICANT', 'ACTIVE', 'GRADUATED', 'EXITED')),
    add column support_level        text
        check (support_level in ('COUNSELLING', 'TRAINING', 'BUSINESS_SUPPORT', 'SELF_RELIANT')),
    add column merged_into          uuid references beneficiary (id),
    add column updated_at           timestamptz;

create index beneficiary_mobile on beneficiary (mobile);
create index beneficiary_district_status on beneficiary (district, status, id);
create index beneficiary_birth_name on beneficiary (birth_date, name_key);

create table beneficiary_history (
    id            bigserial primary key,
    beneficiary_id uuid not null references beneficiary (id),
    kind          text not null check (kind in ('STATUS', 'SUPPORT_LEVEL')),
    from_value    text,
    to_value      text not null,
    reason        text,
    changed_by    text not null,
    changed_at    timestamptz not null
);
create index beneficiary_history_of on beneficiary_history (beneficiary_id, id);

create table child (
    id             uuid primary key,
    mother_id      uuid not null references beneficiary (id),
    first_name     text not null,
    last_name      text not null,
    national_code  char(10) unique,
    birth_date     date not null,
    gender         text not null check (gender in ('FEMALE', 'MALE')),
    grade          smallint check (grade between 0 and 12),
    removed_at     timestamptz,
    removed_reason text,
    version        bigint not null default 0
);
create index child_mother on child (mother_id);

create table dependant (
    id             uuid primary key,
    beneficiary_id uuid not null references beneficiary (id),
    full_name      text not null,
    relation       text not null check (relation in ('PARENT', 'SIBLING', 'GRANDCHILD', 'SPOUSE', 'OTHER')),
    birth_date     date
);
create index dependant_of on dependant (beneficiary_id);

create table workshop_centre (
    id               uuid primary key,
    code             text not null unique,
    name             text not null,
    district         smallint not null check (district between 1 and 22),
    address          text,
    capacity         integer not null check (capacity >= 0),
    renovation_state text not null default 'NOT_PLANNED'
        check (renovation_state in ('NOT_PLANNED', 'PLANNED', 'IN_PROGRESS', 'DONE')),
    built_year       smallint,
    version          bigint not null default 0
);

create table campaign_participant (
    id            uuid primary key,
    national_code char(10) not null unique,
    first_name    text not null,
    last_name     text not null,
    mobile        text,
    district      smallint check (district between 1 and 22),
    registered_at timestamptz not null
);

create table business (
    id                   uuid primary key,
    owner_beneficiary_id uuid references beneficiary (id),
    owner_participant_id uuid references campaign_participant (id),
    name                 text not null,
    category             text not null,
    products             text,
    centre_id            uuid references workshop_centre (id),
    mentor               text,
    district             smallint check (district between 1 and 22),
    status               text not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED', 'CLOSED')),
    registered_at        timestamptz not null,
    closed_at            timestamptz,
    version              bigint not null default 0,
    check ((owner_beneficiary_id is null) <> (owner_participant_id is null))
);
create index business_owner on business (owner_beneficiary_id);
create index business_category_district on business (category, district);

create table duplicate_candidate (
    id          uuid primary key,
    first_id    uuid not null references beneficiary (id),
    second_id   uuid not null references beneficiary (id),
    reason      text not null check (reason in ('SAME_NAME_AND_BIRTH_DATE', 'SAME_MOBILE_SIMILAR_NAME')),
    similarity  real not null,
    state       text not null default 'OPEN' check (state in ('OPEN', 'DISTINCT', 'MERGED')),
    found_at    timestamptz not null,
    decided_by  text,
    decided_at  timestamptz,
    unique (first_id, second_id)
);
create index duplicate_candidate_open on duplicate_candidate (state, found_at);
