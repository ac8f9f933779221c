package ir.tehran.womenfamily.bazaar.attendance;

import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.quarkus.panache.common.Sort;
import ir.tehran.womenfamily.bazaar.allocation.AllocationRun;
import ir.tehran.womenfamily.bazaar.allocation.Assignment;
import ir.tehran.womenfamily.bazaar.bazaar.Bazaar;
import ir.tehran.womenfamily.bazaar.offer.OfferService;
import ir.tehran.womenfamily.support.events.DomainEvent;
import ir.tehran.womenfamily.support.events.Outbox;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.time.Tehran;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/** A producer confirms she will come; a coordinator records a no-show, whose stall goes to the waitlist. */
@ApplicationScoped
public class AttendanceService {

    @Inject
    Audit audit;

    public static final String AGGREGATE = "attendance";

    @Inject
    Outbox outbox;

    @Inject
    OfferService offers;

    @Inject
    Clock clock;

    /** Payload of {@code attendance.recorded} v1. */
    public record AttendanceRecorded(UUID assignmentId, UUID bazaarId, UUID businessId, UUID venueId, LocalDate day,
            String dayJalali, String status) {
    }

    /** The stalls of the bazaar's published allocation; only those of {@code businesses} when not null. */
    @Transactional
    public List<Assignment> published(UUID bazaarId, Set<UUID> businesses) {
        AllocationRun run = AllocationRun.<AllocationRun>find("bazaarId = ?1 and status = ?2", bazaarId,
            AllocationRun.Status.PUBLISHED).firstResult();
        if (run == null || businesses != null && businesses.isEmpty()) {
            return List.of();
        }
        return businesses == null ? Assignment.list("runId", Sort.by("day").and("venueId"), run.id)
            : Assignment.list("runId = ?1 and businessId in ?2", Sort.by("day").and("venueId"), run.id, businesses);
    }

    @Transactional
    public Optional<Assignment> find(UUID bazaarId, UUID assignmentId) {
        return Assignment.<Assignment>findByIdOptional(assignmentId).filter(a -> a.bazaarId.equals(bazaarId))
            .filter(a -> AllocationRun.<AllocationRun>findById(a.runId).status == AllocationRun.Status.PUBLISHED);
    }

    @Transactional
    public Assignment confirm(UUID assignmentId, String by) {
        Assignment a = locked(assignmentId);
        if (a.status != Assignment.Status.ASSIGNED && a.status != Assignment.Status.CONFIRMED) {
            throw new ProblemException(409, "stall-not-held", a.status.name());
        }
        if (a.status != Assignment.Status.CONFIRMED) {
            record(a, Assignment.Status.CONFIRMED, by);
        }
        audit.record(AuditEvent.of("assignment.confirm", "stall-assignment", assignmentId));
        return a;
    }

    @Transactional
    public Assignment noShow(UUID assignmentId, String by) {
        Assignment a = locked(assignmentId);
        if (!a.holdsStall()) {
            throw new ProblemException(409, "stall-not-held", a.status.name());
        }
        if (a.day.isAfter(Tehran.today(clock))) {
            throw new ProblemException(409, "no-show-before-the-day", Days.jalali(a.day));
        }
        record(a, Assignment.Status.NO_SHOW, by);
        offers.offerFreed(AllocationRun.findById(a.runId), List.of(a));
        audit.record(AuditEvent.of("assignment.no-show", "stall-assignment", assignmentId));
        return a;
    }

    private Assignment locked(UUID id) {
        Assignment a = Assignment.findById(id, LockModeType.PESSIMISTIC_WRITE);
        Bazaar b = Bazaar.findById(a.bazaarId);
        if (b.status != Bazaar.Status.PUBLISHED && b.status != Bazaar.Status.RUNNING) {
            throw new ProblemException(409, "bazaar-not-running", b.status.name());
        }
        return a;
    }

    private void record(Assignment a, Assignment.Status status, String by) {
        a.status = status;
        a.statusChangedAt = Instant.now(clock);
        a.statusBy = by;
        outbox.append(DomainEvent.of(AGGREGATE, a.businessId, "attendance.recorded", 1, new AttendanceRecorded(a.id,
            a.bazaarId, a.businessId, a.venueId, a.day, Days.jalali(a.day), status.name())));
    }
}
