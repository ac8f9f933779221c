-- Rate-limit buckets shared by every gateway replica (gateway.rate-limit.store=postgresql). One row per
-- bucket (a limit and a key: an address or a client); the bucket refills evenly, so its state is the
-- tokens it held when it was last touched. UNLOGGED: buckets are not worth a WAL write, and after a crash
-- every bucket starts full, which is what an empty table means.
create unlogged table rate_limit_bucket (
    bucket_key   text primary key,
    tokens       double precision not null,
    touched_at   timestamptz not null,
    -- when the bucket is full again; rows past it are the same as no row and are swept
    full_at      timestamptz not null
);
create index rate_limit_bucket_full_at on rate_limit_bucket (full_at);

-- Takes one token from the bucket p_key of p_capacity tokens refilled evenly over p_period_seconds.
-- Returns 0 when a token was taken, else the seconds until one will be there. The row lock serialises
-- concurrent takers across replicas; the clock is read after the lock, so waiting never mints tokens.
create function rate_limit_take(p_key text, p_capacity double precision, p_period_seconds double precision)
returns double precision language plpgsql as $$
declare
    rate double precision := p_capacity / p_period_seconds;
    now_ts timestamptz;
    held double precision;
    last timestamptz;
begin
    -- a sweep may delete the row between the insert and the lock: try again, a few times at most
    for attempt in 1..3 loop
        select tokens, touched_at into held, last from rate_limit_bucket where bucket_key = p_key for update;
        exit when found;
        insert into rate_limit_bucket (bucket_key, tokens, touched_at, full_at)
            values (p_key, p_capacity, clock_timestamp(), clock_timestamp())
            on conflict (bucket_key) do nothing;
    end loop;
    if held is null then
        return 0;
    end if;
    now_ts := greatest(clock_timestamp(), last);
    held := least(p_capacity, held + extract(epoch from now_ts - last) * rate);
    if held >= 1 then
        held := held - 1;
        update rate_limit_bucket set tokens = held, touched_at = now_ts,
            full_at = now_ts + make_interval(secs => (p_capacity - held) / rate)
            where bucket_key = p_key;
        return 0;
    end if;
    update rate_limit_bucket set tokens = held, touched_at = now_ts,
        full_at = now_ts + make_interval(secs => (p_capacity - held) / rate)
        where bucket_key = p_key;
    return (1 - held) / rate;
end
$$;
