-- Programmes (tutoring, the summer courses «به وقت نوجوانی», counselling) with enrolment, waitlist,
-- sessions and attendance; and the application pipeline to exemplary and gifted schools.

create table programme (
    id               uuid primary key,
    kind             text not null check (kind in ('TUTORING', 'SUMMER_COURSE', 'COUNSELLING')),
    title            text not null,
    description      text,
    district         smallint check (district between 1 and 22),
    min_age          smallint check (min_age between 0 and 19),
    max_age          smallint check (max_age between 0 and 19),
    capacity         integer not null check (capacity > 0),
    starts_on        date not null,
    ends_on          date not null,
    planned_sessions smallint check (planned_sessions > 0),
    fee_rials        bigint not null default 0 check (fee_rials >= 0),
    created_by       text not null,
    created_at       timestamptz not null,
    version          bigint not null default 0,
    check (ends_on >= starts_on),
    check (min_age is null or max_age is null or min_age <= max_age)
);

create table enrolment (
    id           uuid primary key,
    programme_id uuid not null references programme (id),
    child_id     uuid not null references child (id),
    status       text not null check (status in ('ENROLLED', 'WAITLISTED', 'COMPLETED', 'WITHDRAWN')),
    requested_at timestamptz not null,
    enrolled_at  timestamptz,
    completed_at timestamptz,
    withdrawn_at timestamptz,
    outcome      text,
    recorded_by  text not null,
    version      bigint not null default 0
);
create unique index enrolment_once on enrolment (programme_id, child_id) where status <> 'WITHDRAWN';
create index enrolment_child on enrolment (child_id);
create index enrolment_waitlist on enrolment (programme_id, requested_at) where status = 'WAITLISTED';

create table programme_session (
    id           uuid primary key,
    programme_id uuid not null references programme (id),
    number       smallint not null check (number > 0),
    held_on      date not null,
    topic        text,
    unique (programme_id, number)
);

create table session_attendance (
    session_id   uuid not null references programme_session (id),
    enrolment_id uuid not null references enrolment (id),
    present      boolean not null,
    primary key (session_id, enrolment_id)
);

create table school (
    id         uuid primary key,
    name       text not null,
    kind       text not null check (kind in ('EXEMPLARY', 'GIFTED')),
    district   smallint check (district between 1 and 22),
    created_at timestamptz not null
);

create table school_application (
    id                   uuid primary key,
    child_id             uuid not null references child (id),
    school_id            uuid not null references school (id),
    academic_year        smallint not null check (academic_year between 1350 and 1500),
    application_deadline date not null,
    exam_date            date,
    fee_rials            bigint not null default 0 check (fee_rials >= 0),
    status               text not null check (status in ('PLANNED', 'APPLIED', 'EXAM_TAKEN', 'ADMITTED',
                                                         'NOT_ADMITTED', 'WITHDRAWN')),
    applied_on           date,
    exam_taken_on        date,
    decided_on           date,
    recorded_by          text not null,
    created_at           timestamptz not null,
    version              bigint not null default 0,
    unique (child_id, school_id, academic_year),
    check (exam_date is null or exam_date >= application_deadline)
);
create index school_application_status on school_application (status, academic_year);
