package ir.tehran.womenfamily.support.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.scheduler.Scheduled;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Removes events from the outbox once they have been published for longer than
 * {@code events.relay.keep-published} (7 days by default), in batches, so the table holds what is pending
 * and a recent history rather than every event ever sent. Pending events are never touched.
 *
 * <p>A run is one transaction: its batches and, when it removed anything, one audit entry by
 * {@code system:outbox-pruning} ({@code housekeeping.outbox.prune}) with the number of rows and the cutoff.
 */
@ApplicationScoped
public class OutboxPruning {

    private static final Logger LOG = Logger.getLogger(OutboxPruning.class);
    private static final int BATCH = 5_000;
    private static final int MAX_BATCHES = 1_000;
    /** A run deletes at most {@code BATCH * MAX_BATCHES} rows, in one transaction. */
    private static final int TIMEOUT_SECONDS = 900;
    static final String JOB = "outbox-pruning";

    @Inject
    Clock clock;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EventBackboneConfig config;

    @Inject
    Audit audit;

    @Scheduled(cron = "${events.relay.prune-schedule:0 15 3 * * ?}", identity = JOB,
        concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            prune(Instant.now(clock).minus(config.relay().keepPublished()));
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("outbox pruning failed: %s", e.getMessage());
        }
    }

    /** Deletes the events published before {@code cutoff}, in a transaction of its own; returns how many. */
    public long prune(Instant cutoff) throws SQLException {
        try {
            return QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).call(() -> pruneInTransaction(cutoff));
        } catch (QuarkusTransactionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e;
        }
    }

    private long pruneInTransaction(Instant cutoff) throws SQLException {
        long total = 0;
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("delete from outbox_event where id in (select id from "
                 + "outbox_event where published_at is not null and published_at < ? limit " + BATCH + ")")) {
            s.setTimestamp(1, Timestamp.from(cutoff));
            for (int i = 0; i < MAX_BATCHES; i++) {
                int n = s.executeUpdate();
                total += n;
                if (n < BATCH) {
                    break;
                }
            }
        }
        if (total > 0) {
            audit.record(Caller.system(JOB), AuditEvent.of("housekeeping.outbox.prune", "outbox-event", null)
                .withPurpose("job:" + JOB).withDetail("rows", total).withDetail("cutoff", cutoff));
            LOG.infof("outbox pruning removed %d events published before %s", total, cutoff);
        }
        return total;
    }
}
