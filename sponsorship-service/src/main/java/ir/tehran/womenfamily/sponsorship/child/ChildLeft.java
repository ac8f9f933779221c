package ir.tehran.womenfamily.sponsorship.child;

import java.time.Instant;
import java.util.UUID;

/**
 * Fired (synchronously, in the transaction that changed the roster) when a child stops being active:
 * she aged out or left the registry's household record. Pledges and holds end with her.
 */
public record ChildLeft(UUID childId, Reason reason, Instant at) {

    /** Why she left. */
    public enum Reason {
        CHILD_AGED_OUT,
        CHILD_REMOVED
    }
}
