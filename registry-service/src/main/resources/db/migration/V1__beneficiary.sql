-- Women heads of household (زنان سرپرست خانوار): the minimal record; the registry grows from here.
create extension if not exists pg_trgm;

create table beneficiary (
    id              uuid primary key,
    national_code   char(10) not null unique,
    first_name      text not null,
    last_name       text not null,
    name_key        text not null,
    registered_at   timestamptz not null,
    created_by      text not null,
    version         bigint not null default 0
);

create index beneficiary_name_key_trgm on beneficiary using gin (name_key gin_trgm_ops);
