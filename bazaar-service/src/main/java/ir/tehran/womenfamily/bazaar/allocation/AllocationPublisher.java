package ir.tehran.womenfamily.bazaar.allocation;

import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import ir.tehran.womenfamily.bazaar.allocation.solver.WaitlistPlanner;
import ir.tehran.womenfamily.bazaar.application.Application;
import ir.tehran.womenfamily.bazaar.bazaar.Bazaar;
import ir.tehran.womenfamily.bazaar.bazaar.BazaarService;
import ir.tehran.womenfamily.support.events.DomainEvent;
import ir.tehran.womenfamily.support.events.Outbox;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Publishes a solved run. The first publication moves the bazaar to {@code PUBLISHED}; a re-solve replaces
 * the published run it was based on. Each producer whose stalls changed gets {@code allocation.published};
 * each waitlisted producer gets a dated offer of a coming bazaar ({@code offer.made}) instead of a rejection.
 */
@ApplicationScoped
public class AllocationPublisher {

    @Inject
    Audit audit;

    @Inject
    BazaarService bazaars;

    @Inject
    WaitlistOffers offers;

    @Inject
    Outbox outbox;

    @Inject
    ProblemLoader loader;

    @Inject
    Clock clock;

    @Transactional
    public AllocationRun publish(UUID bazaarId, UUID runId) {
        AllocationRun run = AllocationRun.findById(runId, LockModeType.PESSIMISTIC_WRITE);
        if (run == null || !run.bazaarId.equals(bazaarId)) {
            throw ProblemException.notFound("allocation", runId);
        }
        if (run.status != AllocationRun.Status.SOLVED) {
            throw new ProblemException(409, "run-not-solved", run.status.name());
        }
        Bazaar bazaar = Bazaar.findById(bazaarId, LockModeType.PESSIMISTIC_WRITE);
        AllocationRun current = AllocationRun.<AllocationRun>find("bazaarId = ?1 and status = ?2", bazaarId,
            AllocationRun.Status.PUBLISHED).firstResult();
        if (current == null) {
            bazaars.transition(bazaarId, Bazaar.Status.PUBLISHED, (b, to) -> {
            });
        } else {
            if (!current.id.equals(run.basedOn)) {
                throw new ProblemException(409, "run-outdated");
            }
            current.status = AllocationRun.Status.SUPERSEDED;
        }
        run.status = AllocationRun.Status.PUBLISHED;
        Instant now = Instant.now(clock);

        Map<UUID, List<Assignment>> mine = byBusiness(Assignment.list("runId", run.id));
        Map<UUID, List<Assignment>> before = current == null ? Map.of()
            : byBusiness(Assignment.<Assignment>list("runId", current.id).stream().filter(Assignment::holdsStall)
                .toList());
        List<WaitlistEntry> waitlist = WaitlistEntry.list("runId", run.id);
        Map<UUID, Application> applications = new HashMap<>();
        if (!waitlist.isEmpty()) {
            Application.<Application>list("id in ?1", waitlist.stream().map(w -> w.applicationId).toList())
                .forEach(a -> applications.put(a.id, a));
        }
        List<WaitlistPlanner.ComingBazaar> coming = waitlist.isEmpty() ? List.of() : loader.coming(bazaar);
        List<DomainEvent> events = new ArrayList<>();
        Set<UUID> placed = new HashSet<>(mine.keySet());
        for (Map.Entry<UUID, List<Assignment>> e : mine.entrySet()) {
            if (current == null || !sameStalls(e.getValue(), before.get(e.getKey()))) {
                events.add(AllocationPublished.event(run.id, bazaarId, e.getKey(), e.getValue(), null));
            }
        }
        for (WaitlistEntry w : waitlist) {
            Application a = applications.get(w.applicationId);
            UUID offerId = offers.offerNextBazaar(bazaar, a, coming, now, events);
            if (current == null || before.containsKey(a.businessId)) {
                events.add(AllocationPublished.event(run.id, bazaarId, a.businessId, List.of(), offerId));
            }
        }
        offers.settleForPlaced(bazaar, placed, now);
        outbox.append(events);
        audit.record(AuditEvent.of("allocation.publish", "allocation-run", bazaarId));
        return run;
    }

    private static Map<UUID, List<Assignment>> byBusiness(List<Assignment> list) {
        return list.stream().collect(Collectors.groupingBy(a -> a.businessId));
    }

    private static boolean sameStalls(List<Assignment> now, List<Assignment> before) {
        if (before == null) {
            return false;
        }
        Set<Stall> a = now.stream().filter(Assignment::holdsStall).map(x -> new Stall(x.day, x.venueId))
            .collect(Collectors.toSet());
        Set<Stall> b = before.stream().map(x -> new Stall(x.day, x.venueId)).collect(Collectors.toSet());
        return a.equals(b);
    }

    /** Where a producer has a stall on a day. */
    private record Stall(LocalDate day, UUID venueId) {
    }
}
