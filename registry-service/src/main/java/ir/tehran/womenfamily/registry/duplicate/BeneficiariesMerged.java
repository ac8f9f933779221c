package ir.tehran.womenfamily.registry.duplicate;

import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.support.events.DomainEvent;

/**
 * Fired, synchronously and inside the merge's transaction, when {@code loserId} is merged into
 * {@code survivorId}: the work programmes move what they hold of her to the survivor and add the events that
 * announce it to {@code events}, which the merge appends to the outbox. An observer that cannot move her
 * records throws a problem, and the whole merge is rolled back.
 */
public record BeneficiariesMerged(UUID loserId, UUID survivorId, List<DomainEvent> events) {
}
