package ir.tehran.womenfamily.registry.duplicate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.panache.common.Sort;
import ir.tehran.womenfamily.registry.beneficiary.Beneficiary;
import ir.tehran.womenfamily.registry.beneficiary.BeneficiaryHistory;
import ir.tehran.womenfamily.registry.beneficiary.BeneficiaryService;
import ir.tehran.womenfamily.registry.business.BusinessService;
import ir.tehran.womenfamily.registry.consent.ConsentService;
import ir.tehran.womenfamily.registry.household.HouseholdService;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.events.DomainEvent;
import ir.tehran.womenfamily.support.events.Outbox;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Caller;
import ir.tehran.womenfamily.support.web.http.Cursor;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The review queue of likely duplicates: a reviewer marks a pair distinct, or merges it (and may split it again). */
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
    Event<BeneficiariesSplit> split;

    @Inject
    MergeJournal journal;

    @Inject
    MergeMoves moves;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    ConsentService consents;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Transactional
    public Page<DuplicateCandidate> queue(DuplicateCandidate.State state, PageRequest page) {
        List<DuplicateCandidate> rows = page.cursor() == null
            ? DuplicateCandidate.<DuplicateCandidate>find("state", Sort.by("foundAt").and("id"), state)
                .page(0, page.fetchSize()).list()
            : DuplicateCandidate.<DuplicateCandidate>find("state = ?1 and (foundAt > ?2 or (foundAt = ?2 and id > ?3))",
                    Sort.by("foundAt").and("id"), state, page.cursor().instant(0), page.cursor().uuid(1))
                .page(0, page.fetchSize()).list();
        return page.page(rows, c -> Cursor.of(c.foundAt, c.id));
    }

    @Transactional
    public DuplicateCandidate markDistinct(UUID id, Caller actor) {
        DuplicateCandidate c = open(id, null);
        c.state = DuplicateCandidate.State.DISTINCT;
        c.decidedBy = actor.subject();
        c.decidedAt = Instant.now(clock);
        audit.record(AuditEvent.of("duplicate.distinct", "duplicate", c.id));
        em.flush();
        return c;
    }

    /**
     * Merges the pair: {@code survivorId} (one of the two) keeps the woman's record; the other points to it, and
     * everything that references her moves to the survivor in this transaction: her household and businesses
     * (announced), her placements and campaign record (observers of {@link BeneficiariesMerged}), and the rest
     * ({@link MergeMoves}). Every row change is journaled ({@link MergeJournal}) so that {@link #split} can undo
     * it; a merge that would leave any row naming the merged-away record is refused whole. The survivor's history
     * shows the merge.
     */
    @Transactional
    public DuplicateCandidate merge(UUID id, long expectedVersion, UUID survivorId, Caller actor) {
        DuplicateCandidate c = open(id, expectedVersion);
        if (!survivorId.equals(c.firstId) && !survivorId.equals(c.secondId)) {
            throw ProblemException.invalid("survivorId", "validation.survivor-of-pair");
        }
        UUID loserId = survivorId.equals(c.firstId) ? c.secondId : c.firstId;
        Beneficiary survivor = beneficiaries.writable(survivorId, actor);
        Beneficiary loser = beneficiaries.writable(loserId, actor);
        Instant now = Instant.now(clock);
        BeneficiaryMerge record = BeneficiaryMerge.of(c.id, loser.id, survivor.id, actor.subject(), now);
        record.persist();
        journal.start(record.id);
        List<DomainEvent> events = new ArrayList<>(loser.mergeInto(survivor, now));
        events.addAll(households.moveHousehold(loser.id, survivor));
        events.addAll(businesses.transferOwnership(loser.id, survivor.id));
        merged.fire(new BeneficiariesMerged(loser.id, survivor.id, events));
        moves.moveTheRest(loser.id, survivor.id, c.id);
        journal.stop(loser.id, c.id);
        consents.announceCurrent(survivor.id);
        BeneficiaryHistory.of(survivor, BeneficiaryHistory.Kind.MERGED, loser.id.toString(), survivor.id.toString(),
            null, actor.subject(), now).persist();
        outbox.append(events);
        c.state = DuplicateCandidate.State.MERGED;
        c.decidedBy = actor.subject();
        c.decidedAt = now;
        audit.record(AuditEvent.of("beneficiary.merge", "beneficiary", loser.id).withDetail("survivor", survivor.id)
            .withDetail("merge", record.id));
        em.flush();
        return c;
    }

    /**
     * Undoes the latest merge decided on candidate {@code id}: every row the merge changed is changed back (see
     * {@link MergeJournal#undo}), the merged-away record is live again, her household, businesses and campaign
     * record are announced again under her id, {@code beneficiary.split} tells the other services to re-link
     * what they hold, both histories show the split, and the pair is open for review again. What was recorded
     * on the survivor after the merge stays with the survivor. 409 when the pair was never merged
     * ({@code split-not-merged}), is split already ({@code split-already-done}), or the survivor has since been
     * merged into another record ({@code beneficiary-merged}: split that merge first). 412 when the pair's version
     * is not {@code expectedVersion} (it moved since the reviewer read it).
     */
    @Transactional
    public DuplicateCandidate split(UUID id, long expectedVersion, Caller actor) {
        DuplicateCandidate c = DuplicateCandidate.findById(id);
        if (c == null) {
            throw ProblemException.notFound("duplicate", id);
        }
        if (c.version != expectedVersion) {
            throw ProblemException.preconditionFailed();
        }
        BeneficiaryMerge m = BeneficiaryMerge.latest(id);
        if (m == null) {
            throw new ProblemException(409, "split-not-merged");
        }
        if (m.isSplit() || c.state != DuplicateCandidate.State.MERGED) {
            throw new ProblemException(409, "split-already-done");
        }
        Beneficiary loser = beneficiaries.readable(m.loserId, actor);
        beneficiaries.writable(m.survivorId, actor);
        if (!m.survivorId.equals(loser.mergedInto)) {
            throw new ProblemException(409, "split-not-possible");
        }
        UUID mergeId = m.id;
        em.flush();
        em.clear();
        List<MergeJournal.Restored> restored = journal.undo(mergeId);
        m = BeneficiaryMerge.findById(mergeId);
        c = DuplicateCandidate.findById(id);
        loser = Beneficiary.findById(m.loserId);
        Beneficiary survivor = Beneficiary.findById(m.survivorId);
        Instant now = Instant.now(clock);
        List<DomainEvent> events = new ArrayList<>(loser.splitFrom(survivor, now));
        events.addAll(households.moveHousehold(loser.id, loser));
        events.addAll(businesses.transferOwnership(loser.id, loser.id));
        split.fire(new BeneficiariesSplit(loser.id, survivor.id, restored, events));
        for (Beneficiary b : List.of(survivor, loser)) {
            BeneficiaryHistory.of(b, BeneficiaryHistory.Kind.SPLIT, survivor.id.toString(), loser.id.toString(),
                null, actor.subject(), now).persist();
        }
        outbox.append(events);
        consents.announceMoved(survivor.id, loser.id);
        consents.announceCurrent(survivor.id);
        m.splitAt = now;
        m.splitBy = actor.subject();
        c.state = DuplicateCandidate.State.OPEN;
        c.decidedBy = actor.subject();
        c.decidedAt = now;
        audit.record(AuditEvent.of("beneficiary.split", "beneficiary", loser.id).withDetail("survivor", survivor.id)
            .withDetail("merge", m.id).withDetail("rowsRestored", restored.size()));
        em.flush();
        return c;
    }

    /** The pair, still open; 412 when {@code expectedVersion} is given and is not its version. */
    private static DuplicateCandidate open(UUID id, Long expectedVersion) {
        DuplicateCandidate c = DuplicateCandidate.findById(id);
        if (c == null) {
            throw ProblemException.notFound("duplicate", id);
        }
        if (expectedVersion != null && c.version != expectedVersion) {
            throw ProblemException.preconditionFailed();
        }
        if (c.state != DuplicateCandidate.State.OPEN) {
            throw new ProblemException(409, "duplicate-decided");
        }
        return c;
    }
}
