package ir.tehran.womenfamily.support.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import ir.tehran.womenfamily.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Deletes audit entries older than {@code audit.retention} and re-anchors the chain, in one
 * transaction:
 * <ol>
 * <li>take the retention and append locks (no append, purge or verification runs meanwhile);</li>
 * <li>find the newest entry older than the cutoff, L; verify the chain from the current anchor up to L,
 * and refuse (recording a FAILED entry) when it is broken: a purge must never launder tampering;</li>
 * <li>with the session setting {@code audit.retention_job = on}, which the database triggers demand,
 * insert an anchor row (L's seq and hash) and delete every entry up to L;</li>
 * <li>append an {@code audit.retention} entry naming the new anchor, so the anchor itself is witnessed
 * by the chain it starts.</li>
 * </ol>
 */
@ApplicationScoped
public class AuditRetention {

    private static final Logger LOG = Logger.getLogger(AuditRetention.class);
    private static final Caller JOB = Caller.system("audit-retention");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditStore store;

    @Inject
    Audit audit;

    @Inject
    AuditConfig config;

    @Inject
    Clock clock;

    /** What a purge did. */
    public record Purge(long deleted, AuditChain.Link anchor, AuditChain.Break refusedFor) {
    }

    @Scheduled(cron = "${audit.retention-schedule:0 30 2 * * ?}", identity = "audit-retention",
        concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Purge purge = purgeOlderThan(cutoff());
        if (purge.refusedFor() != null) {
            LOG.errorf("audit retention refused: the chain is broken at entry %d (%s)", purge.refusedFor().seq(),
                purge.refusedFor().reason());
        } else if (purge.deleted() > 0) {
            LOG.infof("audit retention deleted %d entries; the chain is anchored at entry %d", purge.deleted(),
                purge.anchor().seq());
        }
    }

    /** Now minus {@code audit.retention}. */
    public Instant cutoff() {
        return Instant.now(clock).atOffset(ZoneOffset.UTC).minus(config.retention()).toInstant();
    }

    @Transactional
    public Purge purgeOlderThan(Instant cutoff) {
        try (Connection c = dataSource.getConnection()) {
            store.lock(c, AuditLocks.RETENTION);
            store.lock(c, AuditLocks.APPEND);
            Optional<AuditChain.Link> last = store.lastBefore(c, cutoff);
            if (last.isEmpty()) {
                return new Purge(0, store.anchor(c).orElse(AuditChain.Link.GENESIS_LINK), null);
            }
            AuditChain.Link anchor = store.anchor(c).orElse(AuditChain.Link.GENESIS_LINK);
            Optional<AuditChain.Break> broken = verifyUpTo(c, anchor, last.get().seq());
            if (broken.isPresent()) {
                audit.record(JOB, AuditEvent.of(AuditLog.RETENTION_ACTION, "audit-log", null)
                    .withOutcome(AuditEvent.Outcome.FAILED).withPurpose("retention")
                    .withDetail("brokenAt", broken.get().seq()));
                return new Purge(0, anchor, broken.get());
            }
            setRetentionMode(c, true);
            long deleted;
            try (PreparedStatement s = c.prepareStatement("insert into audit_anchor (seq, hash, anchored_at, cutoff, "
                    + "deleted) values (?, ?, ?, ?, (select count(*) from audit_entry where seq <= ?))")) {
                s.setLong(1, last.get().seq());
                s.setString(2, last.get().hash());
                s.setTimestamp(3, Timestamp.from(Instant.now(clock)));
                s.setTimestamp(4, Timestamp.from(cutoff));
                s.setLong(5, last.get().seq());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("delete from audit_entry where seq <= ?")) {
                s.setLong(1, last.get().seq());
                deleted = s.executeUpdate();
            }
            setRetentionMode(c, false);
            audit.record(JOB, AuditEvent.of(AuditLog.RETENTION_ACTION, "audit-log", null).withPurpose("retention")
                .withDetail("anchorSeq", last.get().seq()).withDetail("anchorHash", last.get().hash())
                .withDetail("deleted", deleted).withDetail("cutoff", cutoff));
            return new Purge(deleted, last.get(), null);
        } catch (SQLException e) {
            throw new IllegalStateException("audit retention failed: " + e.getMessage(), e);
        }
    }

    private Optional<AuditChain.Break> verifyUpTo(Connection c, AuditChain.Link anchor, long lastSeq)
            throws SQLException {
        AuditChain.Walk walk = new AuditChain.Walk(anchor);
        long after = Long.MIN_VALUE;
        while (after < lastSeq) {
            List<AuditEntry> page = store.after(c, after, 2000);
            if (page.isEmpty()) {
                break;
            }
            for (AuditEntry e : page) {
                if (e.seq() > lastSeq) {
                    return walk.broken();
                }
                if (walk.next(e).isPresent()) {
                    return walk.broken();
                }
                after = e.seq();
            }
        }
        return walk.broken();
    }

    private static void setRetentionMode(Connection c, boolean on) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select set_config(?, ?, true)")) {
            s.setString(1, AuditLocks.RETENTION_SETTING);
            s.setString(2, on ? "on" : "");
            s.executeQuery().close();
        }
    }
}
