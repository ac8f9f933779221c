-- Bazaars, producers, applications, allocations, attendance, sales and footfall.

-- Venues: opening hours, accessibility, the metro station a venue is at, and its stall inventory.
alter table venue add column opening_hours text not null default '10:00-20:00';
alter table venue add column wheelchair_accessible boolean not null default true;
alter table venue add column metro_station text;

update venue set metro_station = substring(code from 7) where kind = 'METRO_STATION';
update venue set opening_hours = '08:00-22:00' where kind = 'METRO_STATION';
update venue set wheelchair_accessible = false where code in ('metro-tajrish', 'park-lavizan');

create table venue_stall_type (
    venue_id   uuid not null references venue (id),
    code       text not null,
    size_m2    numeric(5, 2) not null check (size_m2 > 0),
    count      integer not null check (count >= 0),
    power      boolean not null,
    cooking    boolean not null,
    shelter    boolean not null,
    primary key (venue_id, code)
);

-- The inventory of the seeded venues: one stall of 6 m2 for every 12 m2 of usable area (the rest is
-- aisles). A quarter have power; in parks a tenth more are kitchen stalls (power and cooking);
-- metro stations have no cooking. An assumption: the directorate's stall plans are not published.
insert into venue_stall_type (venue_id, code, size_m2, count, power, cooking, shelter)
select id, 'standard', 6, area_m2 / 12 - area_m2 / 48 - (case when kind = 'PARK' then area_m2 / 120 else 0 end),
       false, false, kind = 'METRO_STATION'
from venue;
insert into venue_stall_type (venue_id, code, size_m2, count, power, cooking, shelter)
select id, 'powered', 6, area_m2 / 48, true, false, true from venue;
insert into venue_stall_type (venue_id, code, size_m2, count, power, cooking, shelter)
select id, 'kitchen', 9, area_m2 / 120, true, true, true from venue where kind = 'PARK';

-- Occasions an admin may add to (Nowruz eve and Yalda are there from the start).
create table occasion (
    code     text primary key check (code ~ '^[a-z0-9-]{2,40}$'),
    name_fa  text not null,
    name_en  text not null
);
insert into occasion (code, name_fa, name_en) values
('nowruz-eve', 'شب عید نوروز', 'Nowruz eve'),
('yalda', 'شب یلدا', 'Yalda night'),
('women-day', 'روز زن', 'Women''s day');

-- Series: a recurrence in Jalali terms that generates bazaars.
create table bazaar_series (
    id               uuid primary key,
    name_fa          text not null,
    name_en          text not null,
    kind             text not null,
    occasion         text references occasion (code),
    rule             text not null,
    rule_json        text not null,  -- JSON
    created_by       text not null,
    created_at       timestamptz not null
);

create table bazaar (
    id                  uuid primary key,
    kind                text not null check (kind in ('SEASONAL', 'MONTHLY', 'OCCASION', 'EXHIBITION', 'PERMANENT')),
    occasion            text references occasion (code),
    name_fa             text not null,
    name_en             text not null,
    start_date          date not null,
    end_date            date not null,
    applications_open   date not null,
    applications_close  date not null,
    status              text not null
        check (status in ('DRAFT', 'OPEN', 'ALLOCATING', 'PUBLISHED', 'RUNNING', 'CLOSED')),
    series_id           uuid references bazaar_series (id),
    historical          boolean not null default false,
    created_by          text not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    version             bigint not null default 0,
    check (end_date >= start_date),
    check (applications_close >= applications_open),
    check (applications_close <= start_date)
);
create index bazaar_dates on bazaar (start_date, end_date);
create index bazaar_status on bazaar (status);

create table bazaar_venue (
    bazaar_id             uuid not null references bazaar (id) on delete cascade,
    venue_id              uuid not null references venue (id),
    category_cap_percent  smallint not null check (category_cap_percent between 1 and 100),
    primary key (bazaar_id, venue_id)
);

-- The stalls a bazaar offers at one venue on one day. The sum over bazaars never exceeds the venue's
-- inventory (the service checks it; no double booking).
create table bazaar_venue_day (
    bazaar_id       uuid not null,
    venue_id        uuid not null,
    day             date not null,
    stalls          integer not null check (stalls > 0),
    power_stalls    integer not null check (power_stalls >= 0),
    cooking_stalls  integer not null check (cooking_stalls >= 0),
    primary key (bazaar_id, venue_id, day),
    foreign key (bazaar_id, venue_id) references bazaar_venue (bazaar_id, venue_id) on delete cascade,
    check (power_stalls <= stalls),
    check (cooking_stalls <= power_stalls)
);
create index bazaar_venue_day_venue on bazaar_venue_day (venue_id, day);

-- Producers: the local read model of the registry's businesses (only what allocation needs).
create table producer (
    business_id          uuid primary key,
    owner_id             uuid not null,
    heads_household      boolean not null,
    category             text not null,
    district             smallint check (district between 1 and 22),
    status               text not null check (status in ('ACTIVE', 'SUSPENDED', 'CLOSED')),
    publication_consent  boolean not null,
    closed_at            timestamptz,
    updated_at           timestamptz not null,
    source_event_id      text not null
);
create index producer_owner on producer (owner_id);

create table application (
    id                 uuid primary key,
    bazaar_id          uuid not null references bazaar (id),
    business_id        uuid not null references producer (business_id),
    stalls             smallint not null check (stalls between 1 and 2),
    needs_power        boolean not null,
    needs_cooking      boolean not null,
    status             text not null check (status in ('SUBMITTED', 'WITHDRAWN')),
    withdrawal_reason  text,
    submitted_at       timestamptz not null,
    withdrawn_at       timestamptz,
    version            bigint not null default 0
);
create unique index application_one_active on application (bazaar_id, business_id) where status = 'SUBMITTED';
create index application_business on application (business_id);

create table application_preference (
    application_id  uuid not null references application (id) on delete cascade,
    rank            integer not null,
    venue_id        uuid not null references venue (id),
    primary key (application_id, rank)
);

create table application_day (
    application_id  uuid not null references application (id) on delete cascade,
    day             date not null,
    primary key (application_id, day)
);

create table allocation_run (
    id             uuid primary key,
    bazaar_id      uuid not null references bazaar (id),
    method         text not null check (method in ('SOLVER', 'GREEDY')),
    status         text not null check (status in ('SOLVING', 'SOLVED', 'FAILED', 'PUBLISHED', 'SUPERSEDED')),
    seed           bigint not null,
    time_limit_ms  bigint not null,
    based_on       uuid references allocation_run (id),
    score          text,
    applicants     integer,
    placed         integer,
    waitlisted     integer,
    error          text,
    created_by     text not null,
    started_at     timestamptz not null,
    finished_at    timestamptz
);
create index allocation_run_bazaar on allocation_run (bazaar_id, started_at);

-- One stall (or two) for one producer at one venue on one day.
create table assignment (
    id                uuid primary key,
    run_id            uuid not null references allocation_run (id),
    bazaar_id         uuid not null references bazaar (id),
    application_id    uuid not null references application (id),
    business_id       uuid not null references producer (business_id),
    venue_id          uuid not null references venue (id),
    day               date not null,
    stalls            smallint not null,
    preference_rank   smallint,
    reason            text,
    explanation       text not null,  -- JSON
    status            text not null check (status in ('ASSIGNED', 'CONFIRMED', 'NO_SHOW', 'RELEASED')),
    status_changed_at timestamptz,
    status_by         text
);
create index assignment_run on assignment (run_id);
create index assignment_business on assignment (business_id, day);
create index assignment_bazaar on assignment (bazaar_id, status);

-- An application the allocation could not place: the waitlist, with its score breakdown.
create table waitlist_entry (
    run_id          uuid not null references allocation_run (id),
    application_id  uuid not null references application (id),
    priority        bigint not null,
    explanation     text not null,  -- JSON
    primary key (run_id, application_id)
);

-- Offers instead of rejections: a guaranteed place in a coming bazaar, or a stall freed by a
-- no-show, a withdrawal or a closed business.
create table waitlist_offer (
    id                 uuid primary key,
    business_id        uuid not null references producer (business_id),
    source_bazaar_id   uuid not null references bazaar (id),
    application_id     uuid not null references application (id),
    kind               text not null check (kind in ('NEXT_BAZAAR', 'RELEASED_STALL')),
    target_bazaar_id   uuid references bazaar (id),
    venue_id           uuid references venue (id),
    offered_from       date,
    offered_to         date,
    stalls             smallint not null,
    status             text not null check (status in ('OPEN', 'ACCEPTED', 'DECLINED', 'USED', 'CANCELLED')),
    created_at         timestamptz not null,
    decided_at         timestamptz
);
create index waitlist_offer_business on waitlist_offer (business_id, status);
create index waitlist_offer_source on waitlist_offer (source_bazaar_id, status);

create table sales_report (
    bazaar_id     uuid not null references bazaar (id),
    business_id   uuid not null references producer (business_id),
    day           date not null,
    amount_rials  bigint not null check (amount_rials >= 0),
    reported_at   timestamptz not null,
    primary key (bazaar_id, business_id, day)
);

create table footfall (
    bazaar_id    uuid not null references bazaar (id),
    venue_id     uuid not null references venue (id),
    day          date not null,
    visitors     integer not null check (visitors >= 0),
    reported_by  text not null,
    reported_at  timestamptz not null,
    primary key (bazaar_id, venue_id, day)
);
