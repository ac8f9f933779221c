package ir.tehran.womenfamily.registry.access;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code sensitive-access.break-glass} v1, for alerting: who opened which kind of sensitive
 * resource, when, and how long a reason they gave. Deliberately without the woman's id, the reason
 * text or any fact of the resource; reviewers follow {@code accessId} into the registry.
 */
public record BreakGlassUsed(UUID accessId, String actor, String clientId, String resourceType, Instant at,
        String atJalali, int reasonLength) {

    public static final String AGGREGATE = "sensitive-access";
    public static final String TYPE = "sensitive-access.break-glass";
}
