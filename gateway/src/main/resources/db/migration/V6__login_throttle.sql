-- Wrong passwords are counted per account and source address (the login throttle), no longer per account:
-- five wrong passwords from one address delay further attempts from that address only, with delays that
-- double, so nobody elsewhere can lock a person out of her own account. The account is stored as the SHA-256
-- of the name tried (hex), so a password typed into the username field is not kept; names that exist and names
-- that do not are counted alike.
create table login_throttle (
    account         text        not null,
    source          text        not null,
    failures        integer     not null,
    blocked_until   timestamptz,
    last_failure_at timestamptz not null,
    primary key (account, source)
);

create index login_throttle_last_failure on login_throttle (last_failure_at);

alter table staff_user drop column failed_attempts;
alter table staff_user drop column locked_until;
