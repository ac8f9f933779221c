-- Talent identification (استعدادیابی تحصیلی), school record and the early warning.

create table assessment (
    id               uuid primary key,
    child_id         uuid not null references child (id),
    assessed_on      date not null,
    assessor         text not null,
    notes            text,
    gifted_candidate boolean not null,
    recorded_by      text not null,
    recorded_at      timestamptz not null
);
create index assessment_child on assessment (child_id, assessed_on);

create table assessment_score (
    assessment_id uuid not null references assessment (id) on delete cascade,
    domain        text not null,
    score         smallint not null check (score between 0 and 100),
    primary key (assessment_id, domain)
);

-- One report card (کارنامه) per child, school year and term; grades on the 0-20 scale.
create table term_report (
    id            uuid primary key,
    child_id      uuid not null references child (id),
    academic_year smallint not null check (academic_year between 1350 and 1500),
    term          smallint not null check (term between 1 and 3),
    school_days   smallint not null check (school_days > 0),
    absent_days   smallint not null check (absent_days >= 0 and absent_days <= school_days),
    recorded_by   text not null,
    recorded_at   timestamptz not null,
    version       bigint not null default 0,
    unique (child_id, academic_year, term)
);

create table subject_grade (
    term_report_id uuid not null references term_report (id) on delete cascade,
    subject        text not null,
    score          numeric(4, 2) not null check (score between 0 and 20),
    primary key (term_report_id, subject)
);

-- The current verdict of the at-risk rule per child, with its reasons.
create table risk_status (
    child_id      uuid primary key references child (id),
    at_risk       boolean not null,
    reasons       jsonb not null,
    academic_year smallint not null,
    term          smallint not null,
    evaluated_at  timestamptz not null,
    flagged_at    timestamptz
);
create index risk_status_at_risk on risk_status (child_id) where at_risk;
