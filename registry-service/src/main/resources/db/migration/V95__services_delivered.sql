-- The services the directorate delivers to a woman, each linked to her case and to a step of the support ladder
-- (counselling -> training -> business facilitation); a change of support level can cite them.
-- Counselling is a sensitive fact (read as cohorts and case notes are) and is never in an event.
create table counselling_session (
    id           uuid primary key,
    beneficiary_id uuid not null references beneficiary (id),
    case_id      uuid not null references beneficiary_case (id),
    mode         text not null check (mode in ('INDIVIDUAL', 'FAMILY')),
    counsellor   text not null,
    centre       text,
    held_on      date not null,
    minutes      integer check (minutes between 1 and 600),
    recorded_by  text not null,
    recorded_at  timestamptz not null
);
create index counselling_session_of on counselling_session (beneficiary_id, held_on);
create index counselling_session_held on counselling_session (held_on, beneficiary_id);

create table training_course (
    id          uuid primary key,
    title       text not null,
    centre      text,
    starts_on   date not null,
    ends_on     date not null,
    hours       integer check (hours between 1 and 2000),
    created_by  text not null,
    created_at  timestamptz not null,
    version     bigint not null default 0,
    check (ends_on >= starts_on)
);
create index training_course_starts on training_course (starts_on desc, id);

create table training_session (
    id         uuid primary key,
    course_id  uuid not null references training_course (id),
    held_on    date not null,
    topic      text
);
create index training_session_of on training_session (course_id, held_on);

-- No unique (course, woman): two records of one woman merged may both hold an enrolment in the same course; the
-- service refuses a second enrolment of one record (409), and the figures count distinct women.
create table training_enrolment (
    id                 uuid primary key,
    course_id          uuid not null references training_course (id),
    beneficiary_id     uuid not null references beneficiary (id),
    case_id            uuid not null references beneficiary_case (id),
    enrolled_on        date not null,
    completed_on       date,
    certificate_number text,
    recorded_by        text not null,
    recorded_at        timestamptz not null,
    version            bigint not null default 0
);
create index training_enrolment_of on training_enrolment (beneficiary_id, course_id);
create index training_enrolment_course on training_enrolment (course_id);

create table training_attendance (
    id            uuid primary key,
    enrolment_id  uuid not null references training_enrolment (id),
    session_id    uuid not null references training_session (id),
    recorded_by   text not null,
    recorded_at   timestamptz not null,
    unique (enrolment_id, session_id)
);
create index training_attendance_session on training_attendance (session_id);

create table business_facilitation (
    id             uuid primary key,
    beneficiary_id uuid not null references beneficiary (id),
    case_id        uuid not null references beneficiary_case (id),
    kind           text not null check (kind in ('MARKET_LINKAGE', 'MICRO_LOAN_INTRODUCTION', 'LICENCE', 'MENTOR')),
    done_on        date not null,
    detail         text,
    recorded_by    text not null,
    recorded_at    timestamptz not null
);
create index business_facilitation_of on business_facilitation (beneficiary_id, done_on);
create index business_facilitation_done on business_facilitation (done_on, beneficiary_id);

-- A change of support level cites the services behind it: [{"kind": "TRAINING", "id": "..."}], kept in her history.
alter table beneficiary_history add column cited_services jsonb;

-- Her services go with her at a merge and come back at a split (the merge journal).
do $$
declare
    t text;
begin
    foreach t in array array['counselling_session', 'training_enrolment', 'training_attendance',
        'business_facilitation']
    loop
        execute format('create trigger merge_journal after insert or update or delete on %I for each row '
            || 'when (current_setting(''registry.merge_id'', true) <> '''') '
            || 'execute function beneficiary_merge_journal()', t);
    end loop;
end
$$;
