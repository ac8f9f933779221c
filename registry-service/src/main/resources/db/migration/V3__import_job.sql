-- Bulk imports of women and their children from CSV, run in the background with their progress.
create table import_job (
    id           uuid primary key,
    status       text not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    total        integer not null default 0,
    processed    integer not null default 0,
    imported     integer not null default 0,
    unchanged    integer not null default 0,
    children     integer not null default 0,
    errors       jsonb not null default '[]',
    created_by   text not null,
    created_at   timestamptz not null,
    finished_at  timestamptz
);
