package ir.tehran.womenfamily.support.audit;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import ir.tehran.womenfamily.support.jalali.Days;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The audit log as the admin API shows it. */
public final class AuditViews {

    private AuditViews() {
    }

    @Schema(name = "AuditEntry", description = "One entry of the append-only, hash-chained audit log.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(long seq, Instant at,
            @Schema(description = "The day in the Solar Hijri calendar (Tehran)", examples = "1403-07-15")
            String atJalali,
            @Schema(description = "The token subject: a username or a client id") String actor,
            String clientId, List<String> roles, String purpose, String requestId, String action,
            String resourceType, String resourceId,
            @Schema(enumeration = {"SUCCESS", "DENIED", "NOT_FOUND", "FAILED"}) String outcome,
            Map<String, String> detail, String prevHash, String hash) {

        static Entry of(AuditEntry e) {
            return new Entry(e.seq(), e.at(), Days.jalali(e.at()), e.actor(), e.clientId(),
                e.roles() == null || e.roles().isEmpty() ? List.of() : Arrays.asList(e.roles().split(",")),
                e.purpose(), e.requestId(), e.action(), e.resourceType(), e.resourceId(), e.outcome(), e.detail(),
                e.prevHash(), e.hash());
        }
    }

    @Schema(name = "AuditLink", description = "A place in the chain: an entry's sequence number and hash.")
    public record Link(long seq, String hash) {

        static Link of(AuditChain.Link l) {
            return l == null ? null : new Link(l.seq(), l.hash());
        }
    }

    @Schema(name = "AuditBreak", description = "The first entry whose link does not hold, and why.")
    public record Broken(long seq, String reason) {
    }

    @Schema(name = "AuditVerification", description = "The result of re-walking the whole chain.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Verification(boolean valid, long checked,
            @Schema(description = "Where the chain starts after retention; absent when nothing was ever purged")
            Link anchor,
            @Schema(description = "The last entry whose link holds") Link lastVerified,
            Broken firstBroken) {

        static Verification of(AuditLog.Verification v) {
            return new Verification(v.valid(), v.checked(), Link.of(v.anchor()), Link.of(v.lastVerified()),
                v.firstBroken() == null ? null : new Broken(v.firstBroken().seq(), v.firstBroken().reason()));
        }
    }
}
