package ir.tehran.womenfamily.registry.beneficiary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.support.audit.AuditEntry;
import ir.tehran.womenfamily.support.audit.AuditLog;
import ir.tehran.womenfamily.support.idempotency.IdempotentRequests;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Idempotency keys older than a day expire; a run that removed any leaves one audit entry, one that did not none. */
@QuarkusTest
class IdempotencyExpiryTest {

    private static final String JOB = "idempotency-expiry";

    @Inject
    IdempotentRequests requests;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditLog auditLog;

    @Inject
    Scheduler scheduler;

    @Test
    void expiredKeysAreRemovedAndTheRunIsAuditedOnce() throws Exception {
        // the scheduled run would race this one for the same rows
        scheduler.pause(JOB);
        try {
            String principal = "expiry-test-" + UUID.randomUUID();
            insertKey(principal, "old-1", "2 days");
            insertKey(principal, "old-2", "26 hours");
            insertKey(principal, "old-3", "3 days");
            insertKey(principal, "fresh", "1 hour");
            long due = count("select count(*) from idempotency_key where created_at < now() - interval '1 day'");
            assertTrue(due >= 3);

            long lastSeq = lastEntrySeq();
            Instant before = Instant.now();
            assertEquals(due, requests.expire());
            assertEquals(1, count("select count(*) from idempotency_key where principal = '" + principal + "'"),
                "the key younger than a day stays");

            List<AuditEntry> entries = jobEntriesAfter(lastSeq);
            assertEquals(1, entries.size(), "one entry per run: " + entries);
            AuditEntry entry = entries.get(0);
            assertEquals("housekeeping.idempotency-key.expire", entry.action());
            assertEquals("idempotency-key", entry.resourceType());
            assertNull(entry.resourceId());
            assertEquals("job:" + JOB, entry.purpose());
            assertEquals(Long.toString(due), entry.detail().get("rows"));
            Instant cutoff = Instant.parse(entry.detail().get("cutoff"));
            assertTrue(cutoff.isAfter(before.minusSeconds(86_400 + 60)) && cutoff.isBefore(Instant.now()),
                "a day before the run: " + cutoff);
            assertEquals(2, entry.detail().size(), "the count and the cutoff only: " + entry.detail());
            assertFalse(entry.detail().toString().contains(principal), "no principal in the detail");

            long afterRun = lastEntrySeq();
            assertEquals(0, requests.expire());
            assertTrue(jobEntriesAfter(afterRun).isEmpty(), "a run with nothing to do records nothing");
            AuditLog.Verification verification = auditLog.verify();
            assertTrue(verification.valid(), "the chain verifies: " + verification.firstBroken());
        } finally {
            scheduler.resume(JOB);
        }
    }

    private void insertKey(String principal, String key, String age) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into idempotency_key (principal, idem_key, request_hash, status, created_at) "
                    + "values (?, ?, 'hash', 201, now() - cast(? as interval))")) {
            s.setString(1, principal);
            s.setString(2, key);
            s.setString(3, age);
            s.executeUpdate();
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<AuditEntry> jobEntriesAfter(long seq) {
        return auditLog.byActorAfter("system:" + JOB, seq);
    }

    private long lastEntrySeq() {
        return auditLog.lastSeq();
    }
}
