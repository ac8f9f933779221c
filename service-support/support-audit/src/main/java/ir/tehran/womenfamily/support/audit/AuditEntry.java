package ir.tehran.womenfamily.support.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One row of the append-only audit log, as stored: its place in the chain ({@code seq}), what was
 * recorded, and the hashes that link it to the entry before it.
 */
public record AuditEntry(long seq, Instant at, String actor, String clientId, String roles, String purpose,
        String requestId, String action, String resourceType, String resourceId, String outcome,
        Map<String, String> detail, String prevHash, String hash) {

    /** The same entry with the hashes computed by {@link AuditChain}, linked after {@code prevHash}. */
    public AuditEntry sealed(String previous) {
        AuditEntry unsealed = new AuditEntry(seq, at, actor, clientId, roles, purpose, requestId, action,
            resourceType, resourceId, outcome, detail, previous, null);
        return new AuditEntry(seq, at, actor, clientId, roles, purpose, requestId, action, resourceType, resourceId,
            outcome, detail, previous, AuditChain.hash(previous, unsealed));
    }
}
