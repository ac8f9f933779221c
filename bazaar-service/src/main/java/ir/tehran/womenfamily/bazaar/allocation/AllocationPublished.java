package ir.tehran.womenfamily.bazaar.allocation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.support.events.DomainEvent;
import ir.tehran.womenfamily.support.jalali.Days;

/**
 * Payload of {@code allocation.published} v1: what one producer got in a published allocation (her stalls
 * day by day), or that she is on the waitlist with an offer. Keyed by her business id.
 */
public record AllocationPublished(UUID allocationId, UUID bazaarId, UUID businessId, String outcome,
        List<Stall> stalls, UUID offerId) {

    public static final String AGGREGATE = "allocation";

    /** One day's stall. */
    public record Stall(UUID venueId, LocalDate day, String dayJalali, int stalls, Integer preferenceRank) {
    }

    public static DomainEvent event(UUID runId, UUID bazaarId, UUID businessId, List<Assignment> hers, UUID offerId) {
        List<Stall> stalls = hers.stream().filter(Assignment::holdsStall)
            .sorted((a, b) -> a.day.compareTo(b.day))
            .map(a -> new Stall(a.venueId, a.day, Days.jalali(a.day), a.stalls,
                a.preferenceRank == null ? null : (int) a.preferenceRank))
            .toList();
        return DomainEvent.of(AGGREGATE, businessId, "allocation.published", 1, new AllocationPublished(runId,
            bazaarId, businessId, stalls.isEmpty() ? "WAITLISTED" : "PLACED", stalls, offerId));
    }
}
