-- Production orders (سفارش تولید) from municipal departments to the Kowsar centres: items, the split
-- across centres, the women's hours, deliveries and payouts.

create table production_order (
    id                   uuid primary key,
    department           text not null,
    department_reference text,
    title                text,
    state                text not null
        check (state in ('DRAFT', 'ACCEPTED', 'IN_PRODUCTION', 'DELIVERED', 'PAID', 'CANCELLED')),
    start_date           date not null,
    due_date             date not null,
    created_at           timestamptz not null,
    created_by           text not null,
    updated_at           timestamptz not null,
    wage_pool_rials      bigint check (wage_pool_rials >= 0),
    paid_at              timestamptz,
    version              bigint not null default 0,
    check (due_date >= start_date)
);
create index production_order_state on production_order (state, due_date);

create table production_order_item (
    id               uuid primary key,
    order_id         uuid not null references production_order (id) on delete cascade,
    position         integer not null,
    product          text not null,
    category         text,
    size_label       text,
    quantity         integer not null check (quantity > 0),
    unit_price_rials bigint not null check (unit_price_rials >= 0),
    unique (order_id, position)
);

create table production_order_allocation (
    id        uuid primary key,
    order_id  uuid not null references production_order (id) on delete cascade,
    centre_id uuid not null references workshop_centre (id),
    units     integer not null check (units > 0),
    unique (order_id, centre_id)
);
create index production_order_allocation_centre on production_order_allocation (centre_id);

create table production_order_transition (
    id       uuid primary key,
    order_id uuid not null references production_order (id) on delete cascade,
    state    text not null,
    at       timestamptz not null,
    by_user  text not null
);
create index production_order_transition_of on production_order_transition (order_id, at);

create table production_order_work (
    id             uuid primary key,
    order_id       uuid not null references production_order (id),
    beneficiary_id uuid not null references beneficiary (id),
    centre_id      uuid not null references workshop_centre (id),
    work_date      date not null,
    hours          numeric(4, 2) not null check (hours > 0 and hours <= 12),
    recorded_by    text not null,
    recorded_at    timestamptz not null
);
create index production_order_work_of on production_order_work (order_id);
create index production_order_work_day on production_order_work (beneficiary_id, work_date);

create table production_order_delivery (
    id           uuid primary key,
    order_id     uuid not null references production_order (id),
    centre_id    uuid not null references workshop_centre (id),
    delivered_on date not null,
    state        text not null check (state in ('PENDING', 'ACCEPTED', 'REJECTED')),
    reason       text,
    inspected_on date,
    inspected_by text,
    recorded_by  text not null,
    recorded_at  timestamptz not null,
    version      bigint not null default 0,
    check (state <> 'REJECTED' or reason is not null)
);
create index production_order_delivery_of on production_order_delivery (order_id);

create table production_order_delivery_line (
    delivery_id uuid not null references production_order_delivery (id) on delete cascade,
    item_id     uuid not null references production_order_item (id),
    quantity    integer not null check (quantity > 0)
);
create index production_order_delivery_line_of on production_order_delivery_line (delivery_id);

create table production_order_payout (
    id             uuid primary key,
    order_id       uuid not null references production_order (id),
    beneficiary_id uuid not null references beneficiary (id),
    hours          numeric(8, 2) not null check (hours > 0),
    amount_rials   bigint not null check (amount_rials >= 0),
    unique (order_id, beneficiary_id)
);
