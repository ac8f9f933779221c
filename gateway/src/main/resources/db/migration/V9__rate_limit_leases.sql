-- Rate limits shared by every replica without a database round trip per request: a replica takes a few
-- tokens of a shared bucket at once (a lease) and spends them in memory, asking for the next lease in the
-- background before it runs out (SharedBuckets). The bucket rows and their refill are those of V3.

-- Takes up to p_wanted tokens (at least one is asked) from the bucket p_key of p_capacity tokens refilled
-- evenly over p_period_seconds. granted: how many were taken (0 when not even one was there); wait_seconds:
-- when granted is 0, the seconds until one token will be there, else 0. The row lock serialises concurrent
-- takers across replicas; the clock is read after the lock, so waiting never mints tokens.
create function rate_limit_grant(p_key text, p_capacity double precision, p_period_seconds double precision,
        p_wanted integer, out granted integer, out wait_seconds double precision)
language plpgsql as $$
declare
    rate double precision := p_capacity / p_period_seconds;
    now_ts timestamptz;
    held double precision;
    last timestamptz;
begin
    granted := 0;
    wait_seconds := 0;
    -- a sweep may delete the row between the insert and the lock: try again, a few times at most
    for attempt in 1..3 loop
        select tokens, touched_at into held, last from rate_limit_bucket where bucket_key = p_key for update;
        exit when found;
        insert into rate_limit_bucket (bucket_key, tokens, touched_at, full_at)
            values (p_key, p_capacity, clock_timestamp(), clock_timestamp())
            on conflict (bucket_key) do nothing;
    end loop;
    if held is null then
        granted := 1;
        return;
    end if;
    now_ts := greatest(clock_timestamp(), last);
    held := least(p_capacity, held + extract(epoch from now_ts - last) * rate);
    granted := least(greatest(p_wanted, 1), floor(held))::integer;
    held := held - granted;
    if granted < 1 then
        wait_seconds := (1 - held) / rate;
    end if;
    update rate_limit_bucket set tokens = held, touched_at = now_ts,
        full_at = now_ts + make_interval(secs => (p_capacity - held) / rate)
        where bucket_key = p_key;
end
$$;

-- one way to take from a shared bucket: rate_limit_grant with a lease of one token
drop function rate_limit_take(text, double precision, double precision);
