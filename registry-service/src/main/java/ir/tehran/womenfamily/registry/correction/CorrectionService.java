package ir.tehran.womenfamily.registry.correction;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import ir.tehran.womenfamily.registry.access.Grant;
import ir.tehran.womenfamily.registry.access.WomanAccess;
import ir.tehran.womenfamily.registry.household.Child;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.events.DomainEvent;
import ir.tehran.womenfamily.support.events.Outbox;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Caller;
import ir.tehran.womenfamily.support.security.Callers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Correction requests: a woman asks (her own record, {@link Grant.Basis#SELF}), a caseworker who may see her
 * ({@link WomanAccess}) lists the open ones and handles each once; handling emits {@code correction.handled} through
 * the outbox in the same transaction.
 */
@ApplicationScoped
public class CorrectionService {

    static final String RESOURCE = "correction";
    /** The open requests a caseworker's list shows at most, oldest first. */
    static final int LIST_LIMIT = 200;

    @Inject
    WomanAccess access;

    @Inject
    Callers callers;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** Her request, about herself or one of her children (404 for a child not hers). */
    @Transactional
    public Correction request(UUID beneficiaryId, CorrectionDtos.RequestCorrection r) {
        Grant grant = access.require(beneficiaryId, RESOURCE, "correction.request");
        if (r.childId() != null && Child.count("id = ?1 and motherId = ?2 and removedAt is null", r.childId(),
                beneficiaryId) == 0) {
            throw ProblemException.notFound("child", r.childId());
        }
        Correction c = new Correction();
        c.id = UUID.randomUUID();
        c.beneficiaryId = beneficiaryId;
        c.childId = r.childId();
        c.field = r.field().strip();
        c.proposedValue = r.proposedValue().strip();
        c.note = r.note();
        c.status = Correction.Status.OPEN;
        c.requestedAt = Instant.now(clock);
        c.persist();
        access.audit(grant, AuditEvent.of("correction.request", RESOURCE, beneficiaryId)
            .withDetail("correction", c.id));
        return c;
    }

    /** Her requests, newest first. */
    @Transactional
    public List<Correction> ofWoman(UUID beneficiaryId) {
        access.require(beneficiaryId, RESOURCE, "correction.list");
        return Correction.list("beneficiaryId = ?1 order by requestedAt desc", beneficiaryId);
    }

    /** The open requests of the women the caller may see, oldest first. */
    @Transactional
    public List<Correction> open() {
        Predicate<UUID> visible = access.visibleTo(callers.current());
        return Correction.<Correction>find("status = ?1 order by requestedAt, id", Correction.Status.OPEN)
            .stream().filter(c -> visible.test(c.beneficiaryId)).limit(LIST_LIMIT).toList();
    }

    /** Handles an open request once (409 after), emitting {@code correction.handled}; 404 if she is not visible. */
    @Transactional
    public Correction handle(UUID id, CorrectionDtos.HandleCorrection r) {
        Correction c = Correction.findById(id);
        if (c == null) {
            throw ProblemException.notFound(RESOURCE, id);
        }
        Grant grant = access.require(c.beneficiaryId, RESOURCE, "correction.handle");
        if (c.status != Correction.Status.OPEN) {
            throw ProblemException.conflict("correction-handled");
        }
        if (r.outcome() == Correction.Status.OPEN) {
            throw ProblemException.invalid("outcome", "validation.correction-outcome");
        }
        Caller actor = callers.current();
        c.status = r.outcome();
        c.answer = r.answer();
        c.handledAt = Instant.now(clock);
        c.handledBy = actor.subject();
        outbox.append(DomainEvent.of(CorrectionHandled.AGGREGATE, c.beneficiaryId, CorrectionHandled.TYPE, 1,
            new CorrectionHandled(c.id, c.beneficiaryId, c.status)));
        access.audit(grant, AuditEvent.of("correction.handle", RESOURCE, c.beneficiaryId).withDetail("correction", c.id)
            .withDetail("outcome", c.status.name()));
        return c;
    }
}
