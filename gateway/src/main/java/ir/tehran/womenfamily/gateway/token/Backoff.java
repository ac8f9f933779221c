package ir.tehran.womenfamily.gateway.token;

import java.time.Duration;

/**
 * The delay after a number of consecutive refused logins from one address for one account: none for the first
 * {@code free - 1}, then {@code initial} at the {@code free}-th, doubling with each further one, never more than
 * {@code max}. A pure function, so the growth is tested without a clock.
 */
public record Backoff(int free, Duration initial, Duration max) {

    public Backoff {
        if (free < 1 || initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("free >= 1 and 0 < initial <= max");
        }
    }

    /** The delay after {@code failures} consecutive refused attempts; zero while below the free ones. */
    public Duration after(int failures) {
        if (failures < free) {
            return Duration.ZERO;
        }
        int doublings = failures - free;
        // 2^62 ms overflows nothing we configure; beyond 40 doublings the cap has long been reached
        if (doublings > 40) {
            return max;
        }
        Duration d = initial.multipliedBy(1L << doublings);
        return d.compareTo(max) > 0 ? max : d;
    }
}
