package ir.tehran.womenfamily.support.audit;

import java.util.Map;
import java.util.TreeMap;

/**
 * What to record: an action on a resource, its outcome, the purpose the actor acted for and a few
 * non-sensitive details (ids, counts, flags; never names, national codes, cohort facts or note text).
 * Immutable; the {@code with…} methods return copies.
 *
 * @param action       dotted, present tense: {@code cohort.read}, {@code consent.revoke}
 * @param resourceType what was touched: {@code beneficiary.cohorts}
 * @param resourceId   its id, usually the woman's id; may be null
 * @param outcome      what came of it
 * @param purpose      why (purpose limitation): {@code casework}, {@code break-glass}, {@code audit-review}
 * @param detail       at most {@value #MAX_DETAIL_ENTRIES} short string entries
 */
public record AuditEvent(String action, String resourceType, String resourceId, Outcome outcome, String purpose,
        Map<String, String> detail) {

    public static final int MAX_DETAIL_ENTRIES = 16;
    public static final int MAX_DETAIL_KEY = 64;
    public static final int MAX_DETAIL_VALUE = 256;

    /** The outcome of an audited action. */
    public enum Outcome {
        /** Done (or read) as asked. */
        SUCCESS,
        /** Refused by an access rule; the caller may have seen a 404. */
        DENIED,
        /** The resource does not exist. */
        NOT_FOUND,
        /** Attempted and failed for another reason. */
        FAILED
    }

    public AuditEvent {
        if (action == null || action.isBlank() || resourceType == null || resourceType.isBlank()) {
            throw new IllegalArgumentException("an audit event needs an action and a resource type");
        }
        outcome = outcome == null ? Outcome.SUCCESS : outcome;
        detail = checkedDetail(detail);
    }

    public static AuditEvent of(String action, String resourceType, Object resourceId) {
        return new AuditEvent(action, resourceType, resourceId == null ? null : resourceId.toString(),
            Outcome.SUCCESS, null, Map.of());
    }

    public AuditEvent withOutcome(Outcome value) {
        return new AuditEvent(action, resourceType, resourceId, value, purpose, detail);
    }

    public AuditEvent withPurpose(String value) {
        return new AuditEvent(action, resourceType, resourceId, outcome, value, detail);
    }

    /** Adds a detail entry (a null value adds nothing); a long value is cut, control characters become spaces. */
    public AuditEvent withDetail(String key, Object value) {
        Map<String, String> copy = new TreeMap<>(detail);
        if (value == null) {
            copy.remove(key);
        } else {
            String text = value.toString().replaceAll("[\\x00-\\x1F\\x7F]", " ");
            copy.put(key, text.length() > MAX_DETAIL_VALUE ? text.substring(0, MAX_DETAIL_VALUE) : text);
        }
        return new AuditEvent(action, resourceType, resourceId, outcome, purpose, copy);
    }

    private static Map<String, String> checkedDetail(Map<String, String> detail) {
        if (detail == null || detail.isEmpty()) {
            return Map.of();
        }
        if (detail.size() > MAX_DETAIL_ENTRIES) {
            throw new IllegalArgumentException("audit detail is limited to " + MAX_DETAIL_ENTRIES + " entries");
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        detail.forEach((k, v) -> {
            if (k == null || v == null || k.length() > MAX_DETAIL_KEY || v.length() > MAX_DETAIL_VALUE
                || hasControl(k) || hasControl(v)) {
                throw new IllegalArgumentException("audit detail entries are short plain strings: " + k);
            }
            sorted.put(k, v);
        });
        return java.util.Collections.unmodifiableSortedMap(sorted);
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == 0x7F);
    }
}
