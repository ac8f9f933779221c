-- The registry's side of the campaign fund to free imprisoned mothers, which sponsorship keeps. A draw for a case
-- goes to sponsorship as an event with only an opaque draw id and the amount; sponsorship answers with the fund's
-- balance (release-fund.changed, naming the draw it paid) or a refusal. release_fund_balance is the read model of
-- those events (the newest sequence wins); a draw is refused here when the balance less the draws still waiting
-- for their answer does not cover it, so the fund is never overdrawn.
create table release_fund_balance (
    fund_id        uuid primary key,
    balance_rials  bigint not null check (balance_rials >= 0),
    sequence       bigint not null,
    updated_at     timestamptz not null
);

create table release_draw (
    id            uuid primary key,
    case_id       uuid not null references release_case (id),
    amount_rials  bigint not null check (amount_rials > 0),
    state         text not null check (state in ('REQUESTED', 'PAID', 'REFUSED')),
    requested_at  timestamptz not null,
    requested_by  text not null,
    answered_at   timestamptz,
    check ((state = 'REQUESTED') = (answered_at is null))
);
create index release_draw_case on release_draw (case_id);
create index release_draw_waiting on release_draw (state) where state = 'REQUESTED';

create trigger merge_journal after insert or update or delete on release_draw for each row
    when (current_setting('registry.merge_id', true) <> '')
    execute function beneficiary_merge_journal();
