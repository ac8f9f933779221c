package ir.tehran.womenfamily.registry.beneficiary;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.registry.RegistryApi;
import ir.tehran.womenfamily.support.audit.AuditEntry;
import ir.tehran.womenfamily.support.audit.AuditLog;
import ir.tehran.womenfamily.support.events.OutboxPruning;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Published events leave the outbox after the retention; younger ones stay. Each run that removed any is audited. */
@QuarkusTest
class OutboxPruningTest {

    @Inject
    OutboxPruning pruning;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditLog auditLog;

    @Inject
    Scheduler scheduler;

    /** {@code OutboxPruning}'s job identity (and its actor, {@code system:outbox-pruning}). */
    private static final String JOB = "outbox-pruning";

    @Test
    void onlyEventsPublishedBeforeTheCutoffAreRemoved() throws Exception {
        // the scheduled run (a daily cron) would race this one for the same rows
        scheduler.pause(JOB);
        try {
            String id = RegistryApi.register(RegistryApi.admin(), "ملیحه", "پرتوی", 3);
            await().atMost(Duration.ofSeconds(30)).until(() -> publishedAt(id) != null);
            Instant published = publishedAt(id).toInstant();

            pruning.prune(published.minusSeconds(1));
            assertEquals(1, rows(id), "published after the cutoff: kept");

            Instant cutoff = published.plusMillis(1);
            long due = count("select count(*) from outbox_event where published_at < ?", cutoff);
            long lastSeq = lastEntrySeq();
            assertEquals(due, pruning.prune(cutoff));
            assertEquals(0, rows(id), "published before the cutoff: removed");

            // one entry for the run, by the job, with how many and the cutoff
            List<AuditEntry> entries = jobEntriesAfter(lastSeq);
            assertEquals(1, entries.size(), "one entry per run: " + entries);
            AuditEntry entry = entries.get(0);
            assertEquals("housekeeping.outbox.prune", entry.action());
            assertEquals("outbox-event", entry.resourceType());
            assertNull(entry.resourceId());
            assertEquals("job:outbox-pruning", entry.purpose());
            assertEquals("SUCCESS", entry.outcome());
            assertEquals(Long.toString(due), entry.detail().get("rows"));
            assertEquals(cutoff.toString(), entry.detail().get("cutoff"));
            assertEquals(2, entry.detail().size(), "counts and the cutoff only: " + entry.detail());

            // nothing left to remove: nothing recorded
            long afterRun = lastEntrySeq();
            assertEquals(0, pruning.prune(cutoff));
            assertTrue(jobEntriesAfter(afterRun).isEmpty());
            AuditLog.Verification verification = auditLog.verify();
            assertTrue(verification.valid(), "the chain verifies: " + verification.firstBroken());
        } finally {
            scheduler.resume(JOB);
        }
    }

    private List<AuditEntry> jobEntriesAfter(long seq) {
        return auditLog.byActorAfter("system:" + JOB, seq);
    }

    private long lastEntrySeq() {
        return auditLog.lastSeq();
    }

    private long count(String sql, Instant at) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setTimestamp(1, Timestamp.from(at));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private Timestamp publishedAt(String id) throws Exception {
        return single("select published_at from outbox_event where aggregate_id = ?", id, Timestamp.class);
    }

    private long rows(String id) throws Exception {
        return single("select count(*) from outbox_event where aggregate_id = ?", id, Long.class);
    }

    private <T> T single(String sql, String param, Class<T> type) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, param);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getObject(1, type) : null;
            }
        }
    }
}
