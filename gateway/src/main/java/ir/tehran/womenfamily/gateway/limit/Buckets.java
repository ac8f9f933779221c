package ir.tehran.womenfamily.gateway.limit;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * The token buckets of one limit (one route group, by address or by client), one bucket per key, in this
 * process's memory ({@code gateway.rate-limit.store=memory}, and the fallback of {@link SharedBuckets}). A
 * bucket that has refilled completely is the same as a new one, so {@link #sweep()} drops those and the
 * map only holds keys seen recently.
 */
final class Buckets implements Limit {

    private final long capacity;
    private final Duration period;
    private final int maxBuckets;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** {@code capacity} tokens, refilled greedily (evenly) over {@code period}. */
    Buckets(long capacity, Duration period, int maxBuckets) {
        if (capacity < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a limit needs a positive capacity and period");
        }
        this.capacity = capacity;
        this.period = period;
        this.maxBuckets = maxBuckets;
    }

    @Override
    public long capacity() {
        return capacity;
    }

    @Override
    public Duration period() {
        return period;
    }

    @Override
    public boolean blocking() {
        return false;
    }

    @Override
    public Decision take(String key) {
        ConsumptionProbe probe = tryConsume(key);
        return probe.isConsumed() ? Decision.ALLOWED : new Decision(false, probe.getNanosToWaitForRefill());
    }

    /** Takes one token from the key's bucket; the probe says whether it could and when to retry. */
    ConsumptionProbe tryConsume(String key) {
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= maxBuckets) {
                sweepCount();
            }
            bucket = buckets.computeIfAbsent(key, k -> newBucket());
        }
        return bucket.tryConsumeAndReturnRemaining(1);
    }

    /** Drops the buckets that are full again. */
    @Override
    public void sweep() {
        sweepCount();
    }

    /** Drops the buckets that are full again; returns how many remain. */
    int sweepCount() {
        buckets.values().removeIf(b -> b.getAvailableTokens() >= capacity);
        if (buckets.size() >= maxBuckets) {
            // still full of active keys (a flood from many addresses): start afresh rather than grow
            buckets.clear();
        }
        return buckets.size();
    }

    int size() {
        return buckets.size();
    }

    private Bucket newBucket() {
        return Bucket.builder()
            .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
            .build();
    }
}
