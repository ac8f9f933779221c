-- Audit log shared by every service: append-only, tamper-evident by a hash chain (see
-- ir.tehran.womenfamily.support.audit.AuditChain and docs/adr/0005-sensitive-facts-and-audit.md).
--
-- seq is gapless and assigned under a transaction-level advisory lock, so entry n+1 always follows n.
-- hash = SHA-256(prev_hash || '\n' || canonical form of the entry). detail is a flat object of short
-- strings and never holds sensitive content (no names, national codes, cohort facts or note text).

create table audit_entry (
    seq            bigint primary key,
    at             timestamptz not null,
    actor          text,
    client_id      text,
    roles          text not null default '',
    purpose        text,
    request_id     text,
    action         text not null,
    resource_type  text not null,
    resource_id    text,
    outcome        text not null,
    detail         jsonb not null default '{}'::jsonb,
    prev_hash      text not null,
    hash           text not null
);

create index audit_entry_resource on audit_entry (resource_type, resource_id, seq);
create index audit_entry_actor on audit_entry (actor, seq);
create index audit_entry_at on audit_entry (at);

-- Where the chain starts once the retention job has removed its oldest entries: the seq and hash of
-- the last removed entry. Rows are only ever added, one per purge.
create table audit_anchor (
    id           bigserial primary key,
    seq          bigint not null,
    hash         text not null,
    anchored_at  timestamptz not null,
    cutoff       timestamptz not null,
    deleted      bigint not null
);

-- The retention job sets audit.retention_job = 'on' for its own transaction (set_config(..., true)).
-- Nothing else may change or remove an entry or an anchor. A superuser or the table owner can still
-- disable these triggers: the hash chain, not the trigger, is what makes such a change visible.
create function audit_retention_job() returns boolean language sql stable as $$
    select coalesce(current_setting('audit.retention_job', true), '') = 'on'
$$;

create function audit_entry_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and audit_retention_job() then
        return old;
    end if;
    raise exception 'audit_entry is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_entry_append_only
    before update or delete on audit_entry
    for each row execute function audit_entry_guard();

create function audit_anchor_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' and audit_retention_job() then
        return new;
    end if;
    raise exception 'audit_anchor is written by the retention job only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_anchor_job_only
    before insert or update or delete on audit_anchor
    for each row execute function audit_anchor_guard();

create function audit_no_truncate() returns trigger language plpgsql as $$
begin
    raise exception '% may not be truncated', tg_table_name using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_no_truncate();
create trigger audit_anchor_no_truncate before truncate on audit_anchor
    for each statement execute function audit_no_truncate();
