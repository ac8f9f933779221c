package ir.tehran.womenfamily.gateway.limit;

import java.time.Duration;

/** One rate limit (a route group, by address or by client): a token bucket per key. */
interface Limit {

    /** Takes one token from the key's bucket. */
    Decision take(String key);

    long capacity();

    Duration period();

    /**
     * The decision without blocking, from memory, or {@code null} when only {@link #take} can tell (a limit that
     * never blocks always decides here).
     */
    default Decision takeNow(String key) {
        return blocking() ? null : take(key);
    }

    /** True when {@link #take} may block (a database round trip), so it must not run on an event loop. */
    boolean blocking();

    /** Drops what is no longer needed (buckets full again). */
    void sweep();

    /** Whether a token was taken, and if not, how long until one will be there. */
    record Decision(boolean allowed, long nanosToWait) {

        static final Decision ALLOWED = new Decision(true, 0);

        /** Whole seconds to wait, at least one: the {@code Retry-After} value. */
        long retryAfterSeconds() {
            return Math.max(1, (nanosToWait + 999_999_999L) / 1_000_000_000L);
        }
    }
}
