package ir.tehran.womenfamily.registry.agencycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.registry.NationalCodes;
import ir.tehran.womenfamily.registry.Women;
import ir.tehran.womenfamily.support.audit.AuditEntry;
import ir.tehran.womenfamily.support.audit.AuditLog;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The HMAC backfill's writes are in the audit log as the job's: each transaction that wrote rows (a batch of
 * one key) carries one entry with how many, and a run with nothing to write records nothing.
 */
@QuarkusTest
class CodeHmacBackfillTest {

    @Inject
    CodeHmacBackfill backfill;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditLog auditLog;

    @Inject
    Scheduler scheduler;

    @Test
    void aRunThatWroteRowsIsAuditedByTheJobAndAnIdleRunIsNot() throws Exception {
        // the scheduled run would race this one for the same rows
        scheduler.pause(CodeHmacBackfill.JOB);
        try {
            backfill.scheduled();
            String id = Women.register(NationalCodes.random());
            long stale = count("select count(*) from beneficiary b where not exists (select 1 from "
                + "beneficiary_code_hmac h where h.beneficiary_id = b.id and h.key_id = ? "
                + "and h.source_version = b.version)", "test-1");
            assertTrue(stale >= 1, "her row is missing: " + stale);
            long lastSeq = lastEntrySeq();
            backfill.scheduled();
            assertEquals(1, count("select count(*) from beneficiary_code_hmac where beneficiary_id = ?", id),
                "her HMAC was written");

            List<AuditEntry> entries = jobEntriesAfter(lastSeq);
            assertEquals(1, entries.size(), "one batch, one entry: " + entries);
            AuditEntry entry = entries.get(0);
            assertEquals("agency-check.backfill", entry.action());
            assertEquals("beneficiary-code-hmac", entry.resourceType());
            assertNull(entry.resourceId());
            assertEquals("job:" + CodeHmacBackfill.JOB, entry.purpose());
            assertEquals("test-1", entry.detail().get("keyId"));
            assertEquals(Long.toString(stale), entry.detail().get("rows"));
            assertTrue(entry.detail().keySet().stream().allMatch(k -> k.equals("keyId") || k.equals("rows")),
                "ids of keys and counts only, no code: " + entry.detail());

            long afterRun = lastEntrySeq();
            backfill.scheduled();
            assertTrue(jobEntriesAfter(afterRun).isEmpty(), "a run with nothing to write records nothing");
            AuditLog.Verification verification = auditLog.verify();
            assertTrue(verification.valid(), "the chain verifies: " + verification.firstBroken());
        } finally {
            scheduler.resume(CodeHmacBackfill.JOB);
        }
    }

    private long count(String sql, Object param) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, param instanceof String text && text.length() == 36 ? UUID.fromString(text) : param);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private List<AuditEntry> jobEntriesAfter(long seq) {
        return auditLog.byActorAfter("system:" + CodeHmacBackfill.JOB, seq);
    }

    private long lastEntrySeq() {
        return auditLog.lastSeq();
    }
}
