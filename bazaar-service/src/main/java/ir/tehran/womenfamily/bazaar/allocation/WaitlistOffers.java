package ir.tehran.womenfamily.bazaar.allocation;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import ir.tehran.womenfamily.bazaar.allocation.solver.WaitlistPlanner;
import ir.tehran.womenfamily.bazaar.application.Application;
import ir.tehran.womenfamily.bazaar.bazaar.Bazaar;
import ir.tehran.womenfamily.support.events.DomainEvent;

/**
 * What an allocation needs of the waitlist's offers. The {@code offer} package builds on this one (its offers
 * release and re-offer assignments of a published run) and implements this interface, so the allocation never
 * imports it and the two packages do not form a circle.
 */
public interface WaitlistOffers {

    /** The businesses an offer still standing (open, accepted or used) promises a place in {@code bazaarId}. */
    Set<UUID> guaranteedIn(UUID bazaarId);

    /**
     * An offer of a coming bazaar for a waitlisted application (kept if she already has one); its id. A dated
     * offer adds its {@code offer.made} event to {@code events}.
     */
    UUID offerNextBazaar(Bazaar source, Application a, List<WaitlistPlanner.ComingBazaar> coming, Instant now,
        List<DomainEvent> events);

    /** Producers placed in {@code bazaar}: offers that brought them here are used, offers away are void. */
    void settleForPlaced(Bazaar bazaar, Set<UUID> placed, Instant now);
}
