package ir.tehran.womenfamily.registry.duplicate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.panache.common.Sort;
import ir.tehran.womenfamily.registry.beneficiary.Beneficiary;
import ir.tehran.womenfamily.registry.beneficiary.BeneficiaryService;
import ir.tehran.womenfamily.registry.business.BusinessService;
import ir.tehran.womenfamily.registry.common.Actor;
import ir.tehran.womenfamily.registry.household.HouseholdService;
import ir.tehran.womenfamily.support.events.DomainEvent;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.events.Outbox;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** The review queue of likely duplicates: a reviewer marks a pair distinct, or merges it. */
@ApplicationScoped
public class DuplicateService {

    @Inject
    BeneficiaryService beneficiaries;

    @Inject
    HouseholdService households;

    @Inject
    BusinessService businesses;

    @Inject
    Event<BeneficiariesMerged> merged;

    @Inject
    Outbox outbox;

    @Inject
    Audit audit;

    Clock clock = Clock.systemUTC();

    @Transactional
    public List<DuplicateCandidate> queue(DuplicateCandidate.State state, int limit) {
        return DuplicateCandidate.<DuplicateCandidate>find("state", Sort.by("foundAt").and("id"), state)
            .page(0, limit).list();
    }

    @Transactional
    public DuplicateCandidate markDistinct(UUID id, Actor actor) {
        DuplicateCandidate c = open(id);
        c.state = DuplicateCandidate.State.DISTINCT;
        c.decidedBy = actor.name();
        c.decidedAt = Instant.now(clock);
        audit.record(AuditEvent.of("duplicate.distinct", "duplicate", c.id));
        return c;
    }

    /**
     * Merges the pair: {@code survivorId} (one of the two) keeps the woman's record; the other points to it,
     * and her children, dependants and businesses move to the survivor, and so do her paid placements and her
     * record in the home-business campaign (see {@link BeneficiariesMerged}). Every move is announced; when
     * one cannot be made nothing is.
     */
    @Transactional
    public DuplicateCandidate merge(UUID id, UUID survivorId, Actor actor) {
        DuplicateCandidate c = open(id);
        if (!survivorId.equals(c.firstId) && !survivorId.equals(c.secondId)) {
            throw ProblemException.invalid("survivorId", "validation.survivor-of-pair");
        }
        UUID loserId = survivorId.equals(c.firstId) ? c.secondId : c.firstId;
        Beneficiary survivor = beneficiaries.writable(survivorId, actor);
        Beneficiary loser = beneficiaries.writable(loserId, actor);
        Instant now = Instant.now(clock);
        List<DomainEvent> events = new ArrayList<>(loser.mergeInto(survivor, now));
        events.addAll(households.moveHousehold(loser.id, survivor));
        events.addAll(businesses.transferOwnership(loser.id, survivor.id));
        merged.fire(new BeneficiariesMerged(loser.id, survivor.id, events));
        outbox.append(events);
        c.state = DuplicateCandidate.State.MERGED;
        c.decidedBy = actor.name();
        c.decidedAt = now;
        audit.record(AuditEvent.of("beneficiary.merge", "beneficiary", loser.id).withDetail("survivor", survivor.id));
        return c;
    }

    private static DuplicateCandidate open(UUID id) {
        DuplicateCandidate c = DuplicateCandidate.findById(id);
        if (c == null) {
            throw ProblemException.notFound("duplicate", id);
        }
        if (c.state != DuplicateCandidate.State.OPEN) {
            throw new ProblemException(409, "duplicate-decided");
        }
        return c;
    }
}
