package ir.tehran.womenfamily.registry.duplicate;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import ir.tehran.womenfamily.support.events.DomainEvent;

/**
 * Fired, synchronously and inside the split's transaction, after a merge of {@code loserId} into
 * {@code survivorId} was undone: every row the merge changed is as it was ({@code restored} names the tables and
 * ids of the rows changed back). A work programme announces what it holds of her again, adding the events to
 * {@code events}, which the split appends to the outbox.
 */
public record BeneficiariesSplit(UUID loserId, UUID survivorId, List<MergeJournal.Restored> restored,
        List<DomainEvent> events) {

    /** The ids of the rows of {@code table} that the split changed back (restored, re-inserted or removed). */
    public Set<UUID> restoredIn(String table) {
        return restored.stream().filter(r -> r.table().equals(table) && r.id() != null)
            .map(MergeJournal.Restored::id).collect(java.util.stream.Collectors.toSet());
    }
}
