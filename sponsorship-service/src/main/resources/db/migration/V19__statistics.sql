-- The figures' precomputed cells (support-statistics, docs/statistics.md): the periods a refresh counts over, each
-- figure's last refresh, and its cells after the small-cell rule. A read is a lookup here; nothing is computed.
create table statistics_window (
    period   text primary key,
    from_day date not null,
    to_day   date not null
);

create table statistics_figure (
    id           text primary key,
    refreshed_at timestamptz not null
);

-- people: the distinct people behind a cell, for the rule only, never served; value is null when withheld
create table statistics_cell (
    figure   text not null,
    period   text not null,
    district smallint not null check (district between 0 and 22),
    series   text not null default '',
    value    numeric,
    people   bigint,
    withheld boolean not null,
    primary key (figure, period, district, series),
    check (withheld = (value is null))
);
