package ir.tehran.womenfamily.support.audit;

import java.time.Instant;

/**
 * A filter over the audit log; every part may be null. {@code from} is inclusive, {@code to} exclusive;
 * {@code beforeSeq} is the cursor (entries come newest first).
 */
public record AuditQuery(String resourceType, String resourceId, String actor, Instant from, Instant to,
        Long beforeSeq) {
}
