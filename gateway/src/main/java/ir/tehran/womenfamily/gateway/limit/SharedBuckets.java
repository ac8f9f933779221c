package ir.tehran.womenfamily.gateway.limit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

/**
 * The token buckets of one limit kept in the gateway's PostgreSQL database, so that every replica spends
 * from the same buckets: a client gets the limit once, not once per replica. The database function
 * {@code rate_limit_grant} (migration V9) locks the bucket's row, refills it for the time since it was last
 * touched and takes tokens, atomically, so two replicas never spend the same token.
 *
 * <p>A replica does not ask the database for every request: it takes a lease of up to {@link #leaseSize()}
 * tokens at once and spends them in memory ({@link #takeNow}), and asks for the next lease in the background
 * when half of it is spent. A lease is at most a quarter of a second of the bucket's refill and a tenth of its
 * capacity, so a slow limit (a few requests a minute or an hour) still asks for each token, and what one replica
 * holds and another cannot spend stays small. A refusal is remembered until the token the database named will be
 * there: no other replica can give one back earlier, so a refused client is refused in memory too.
 *
 * <p>When the database does not answer, this replica counts in its own memory ({@link Buckets}) until it
 * does again, and says so in the log once a minute: the gateway keeps limiting, per replica, rather than
 * refusing every request or letting every request through.
 */
final class SharedBuckets implements Limit {

    private static final Logger LOG = Logger.getLogger(SharedBuckets.class);
    private static final long WARN_EVERY_NANOS = Duration.ofMinutes(1).toNanos();
    /** The most of the bucket's refill one lease may hold, in nanoseconds. */
    private static final long LEASE_NANOS = Duration.ofMillis(250).toNanos();
    private static final String GRANT = "select granted, wait_seconds from rate_limit_grant(?, ?, ?, ?)";
    /** Asks the database for the next leases off the request threads. */
    private static final Executor LEASES = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rate-limit-lease");
        t.setDaemon(true);
        return t;
    });

    private final DataSource dataSource;
    private final String name;
    private final long capacity;
    private final Duration period;
    private final int leaseSize;
    private final int maxLeases;
    private final Buckets fallback;
    private final ConcurrentHashMap<String, Lease> leases = new ConcurrentHashMap<>();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);
    private final LongAdder roundTrips = new LongAdder();

    /** The limit {@code name} (its group and kind, the prefix of its keys) in {@code dataSource}. */
    SharedBuckets(DataSource dataSource, String name, long capacity, Duration period, int maxFallbackBuckets) {
        this.fallback = new Buckets(capacity, period, maxFallbackBuckets);
        this.dataSource = dataSource;
        this.name = name;
        this.capacity = capacity;
        this.period = period;
        this.maxLeases = maxFallbackBuckets;
        double perLease = Math.ceil((double) capacity * LEASE_NANOS / period.toNanos());
        this.leaseSize = (int) Math.max(1, Math.min(Math.min(perLease, capacity / 10), Integer.MAX_VALUE / 2));
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
        return true;
    }

    /** Tokens asked of the database at once. */
    int leaseSize() {
        return leaseSize;
    }

    /** Calls of the database function so far (counted, for the guard that a request does not cost one). */
    long roundTrips() {
        return roundTrips.sum();
    }

    /**
     * The decision from this replica's memory: a token of the key's lease, or a refusal remembered until the
     * next token; {@code null} when only the database can tell ({@link #take}).
     */
    @Override
    public Decision takeNow(String key) {
        Lease lease = leases.get(key);
        if (lease == null) {
            return null;
        }
        if (lease.tryTake()) {
            if (leaseSize > 1 && lease.tokens.get() < leaseSize / 2 && lease.renewing.compareAndSet(false, true)) {
                renewInBackground(key, lease);
            }
            return Decision.ALLOWED;
        }
        long wait = lease.emptyUntilNanos - System.nanoTime();
        return wait > 0 ? new Decision(false, wait) : null;
    }

    @Override
    public Decision take(String key) {
        Decision now = takeNow(key);
        if (now != null) {
            return now;
        }
        Lease lease = lease(key);
        // one database call at a time per key in this replica; those that waited may find the new lease
        synchronized (lease) {
            now = takeNow(key);
            if (now != null) {
                return now;
            }
            Grant grant;
            try {
                grant = grant(key, leaseSize);
            } catch (SQLException e) {
                warn(e);
                return fallback.take(key);
            }
            if (grant.granted() >= 1) {
                lease.tokens.addAndGet(grant.granted() - 1);
                return Decision.ALLOWED;
            }
            long wait = (long) Math.ceil(grant.waitSeconds() * 1e9);
            lease.emptyUntilNanos = System.nanoTime() + wait;
            return new Decision(false, wait);
        }
    }

    private Lease lease(String key) {
        Lease lease = leases.get(key);
        if (lease == null) {
            if (leases.size() >= maxLeases) {
                // an idle lease gives its tokens up (fewer requests pass, never more)
                leases.clear();
            }
            lease = leases.computeIfAbsent(key, k -> new Lease());
        }
        return lease;
    }

    private void renewInBackground(String key, Lease lease) {
        try {
            LEASES.execute(() -> {
                try {
                    Grant grant = grant(key, leaseSize);
                    lease.tokens.addAndGet(grant.granted());
                } catch (SQLException e) {
                    warn(e);
                } finally {
                    lease.renewing.set(false);
                }
            });
        } catch (RuntimeException e) {
            lease.renewing.set(false);
        }
    }

    private Grant grant(String key, int wanted) throws SQLException {
        roundTrips.increment();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(GRANT)) {
            s.setString(1, name + ":" + key);
            s.setDouble(2, capacity);
            s.setDouble(3, period.toNanos() / 1e9);
            s.setInt(4, wanted);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new Grant(rs.getInt(1), rs.getDouble(2));
            }
        }
    }

    private void warn(SQLException e) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            LOG.warnf("rate limit %s: the database did not answer (%s); counting in this replica's memory",
                name, e.getMessage());
        }
    }

    /** Tokens this replica took from the shared bucket and has not spent yet, and a refusal remembered. */
    private static final class Lease {
        final AtomicLong tokens = new AtomicLong();
        final AtomicBoolean renewing = new AtomicBoolean();
        volatile long emptyUntilNanos;

        boolean tryTake() {
            long held;
            do {
                held = tokens.get();
                if (held <= 0) {
                    return false;
                }
            } while (!tokens.compareAndSet(held, held - 1));
            return true;
        }
    }

    private record Grant(int granted, double waitSeconds) {
    }

    /**
     * Deletes the buckets of every limit that are full again (any replica may; each row goes once), in the
     * caller's transaction if it has one.
     */
    static Sweep sweep(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Instant cutoff;
            // now() is the transaction's start: the cutoff the delete below uses
            try (PreparedStatement s = c.prepareStatement("select now()"); ResultSet rs = s.executeQuery()) {
                rs.next();
                cutoff = rs.getObject(1, OffsetDateTime.class).toInstant();
            }
            try (PreparedStatement s = c.prepareStatement("delete from rate_limit_bucket where full_at < now()")) {
                return new Sweep(s.executeUpdate(), cutoff);
            }
        }
    }

    /** What a sweep removed: how many buckets, full before {@code cutoff}. */
    record Sweep(int deleted, Instant cutoff) {
    }

    @Override
    public void sweep() {
        fallback.sweep();
    }
}
