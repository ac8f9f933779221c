-- Renovation plans of the Kowsar centres (the centres built in the 2000s and early 2010s are renovated
-- in 1403). A centre takes no production orders for the days of a renovation that is not cancelled.

create table centre_renovation (
    id           uuid primary key,
    centre_id    uuid not null references workshop_centre (id),
    plan         text not null,
    budget_rials bigint check (budget_rials >= 0),
    state        text not null check (state in ('PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
    starts_on    date not null,
    ends_on      date not null,
    created_by   text not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    version      bigint not null default 0,
    check (ends_on >= starts_on)
);
create index centre_renovation_of on centre_renovation (centre_id, starts_on);
