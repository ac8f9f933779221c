package ir.tehran.womenfamily.gateway.limit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

/**
 * The token buckets of one limit kept in the gateway's PostgreSQL database, so that every replica spends
 * from the same buckets: a client gets the limit once, not once per replica. Each take is one call of the
 * database function {@code rate_limit_take} (migration V3), which locks the bucket's row, refills it for
 * the time since it was last touched and takes a token, atomically.
 *
 * <p>When the database does not answer, this replica counts in its own memory ({@link Buckets}) until it
 * does again, and says so in the log once a minute: the gateway keeps limiting, per replica, rather than
 * refusing every request or letting every request through.
 */
final class SharedBuckets implements Limit {

    private static final Logger LOG = Logger.getLogger(SharedBuckets.class);
    private static final long WARN_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    private final DataSource dataSource;
    private final String name;
    private final long capacity;
    private final Duration period;
    private final Buckets fallback;
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    /** The limit {@code name} (its group and kind, the prefix of its keys) in {@code dataSource}. */
    SharedBuckets(DataSource dataSource, String name, long capacity, Duration period, int maxFallbackBuckets) {
        this.fallback = new Buckets(capacity, period, maxFallbackBuckets);
        this.dataSource = dataSource;
        this.name = name;
        this.capacity = capacity;
        this.period = period;
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

    @Override
    public Decision take(String key) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select rate_limit_take(?, ?, ?)")) {
            s.setString(1, name + ":" + key);
            s.setDouble(2, capacity);
            s.setDouble(3, period.toNanos() / 1e9);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                double wait = rs.getDouble(1);
                return wait <= 0 ? Decision.ALLOWED : new Decision(false, (long) Math.ceil(wait * 1e9));
            }
        } catch (SQLException e) {
            long now = System.nanoTime();
            long last = lastWarning.get();
            if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
                LOG.warnf("rate limit %s: the database did not answer (%s); counting in this replica's memory",
                    name, e.getMessage());
            }
            return fallback.take(key);
        }
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
