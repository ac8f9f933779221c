package ir.tehran.womenfamily.sponsorship.programme;

import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ir.tehran.womenfamily.sponsorship.child.Ages;
import ir.tehran.womenfamily.sponsorship.child.Child;
import ir.tehran.womenfamily.support.persian.PersianText;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.time.Tehran;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Enrolment with capacity: while seats are free a child is enrolled, then waitlisted in the order of her
 * request. A seat is held by an enrolled or completed child; when an enrolled child withdraws, the first
 * child on the waitlist who is still active takes her seat. Every change locks the programme's row, so
 * concurrent requests never overfill it.
 */
@ApplicationScoped
public class EnrolmentService {

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Transactional
    public Enrolment enrol(UUID programmeId, UUID childId, String by) {
        Programme p = lockProgramme(programmeId);
        Child child = Child.findById(childId);
        if (child == null) {
            throw ProblemException.invalid("childId", "validation.unknown-child");
        }
        if (!child.isActive()) {
            throw ProblemException.conflict("child-not-active");
        }
        LocalDate today = Tehran.today(clock);
        if (today.isAfter(p.endsOn)) {
            throw ProblemException.conflict("programme-ended");
        }
        int age = Ages.ageOn(child.birthDate, today.isAfter(p.startsOn) ? today : p.startsOn);
        if (!p.admitsAge(age)) {
            throw ProblemException.conflict("programme-age-range", age, p.minAge == null ? "" : p.minAge,
                p.maxAge == null ? "" : p.maxAge);
        }
        if (Enrolment.count("programmeId = ?1 and childId = ?2 and status <> ?3", programmeId, childId,
            Enrolment.Status.WITHDRAWN) > 0) {
            throw ProblemException.conflict("already-enrolled");
        }
        Instant now = Instant.now(clock);
        Enrolment e = new Enrolment();
        e.id = UUID.randomUUID();
        e.programmeId = programmeId;
        e.childId = childId;
        e.requestedAt = now;
        e.recordedBy = by;
        if (seatsTaken(programmeId) < p.capacity) {
            e.status = Enrolment.Status.ENROLLED;
            e.enrolledAt = now;
        } else {
            e.status = Enrolment.Status.WAITLISTED;
        }
        e.persist();
        audit.record(AuditEvent.of("enrolment.create", "enrolment", e.id));
        return e;
    }

    @Transactional
    public Enrolment withdraw(UUID enrolmentId) {
        Enrolment e = Enrolment.findById(enrolmentId);
        if (e == null) {
            throw ProblemException.notFound("enrolment", enrolmentId);
        }
        Programme p = lockProgramme(e.programmeId);
        e = Enrolment.findById(enrolmentId, LockModeType.PESSIMISTIC_WRITE);
        if (e.status != Enrolment.Status.ENROLLED && e.status != Enrolment.Status.WAITLISTED) {
            throw ProblemException.conflict("enrolment-closed", e.status);
        }
        boolean freedSeat = e.status == Enrolment.Status.ENROLLED;
        Instant now = Instant.now(clock);
        e.status = Enrolment.Status.WITHDRAWN;
        e.withdrawnAt = now;
        if (freedSeat) {
            promote(p, now);
        }
        audit.record(AuditEvent.of("enrolment.withdraw", "enrolment", enrolmentId));
        return e;
    }

    @Transactional
    public Enrolment complete(UUID enrolmentId, String outcome) {
        Enrolment e = Enrolment.findById(enrolmentId, LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw ProblemException.notFound("enrolment", enrolmentId);
        }
        if (e.status != Enrolment.Status.ENROLLED) {
            throw ProblemException.conflict("enrolment-not-enrolled", e.status);
        }
        e.status = Enrolment.Status.COMPLETED;
        e.completedAt = Instant.now(clock);
        e.outcome = PersianText.normalize(outcome);
        audit.record(AuditEvent.of("enrolment.complete", "enrolment", enrolmentId));
        return e;
    }

    @Transactional
    public Optional<Enrolment> find(UUID id) {
        return Enrolment.findByIdOptional(id);
    }

    @Transactional
    public List<Enrolment> list(UUID programmeId) {
        if (Programme.findById(programmeId) == null) {
            throw ProblemException.notFound("programme", programmeId);
        }
        return Enrolment.list("programmeId = ?1 order by requestedAt, id", programmeId);
    }

    @Transactional
    public List<Enrolment> ofChild(UUID childId) {
        return Enrolment.list("childId = ?1 order by requestedAt", childId);
    }

    /** 1 for the first on the waitlist; null when not waitlisted. */
    @Transactional
    public Integer waitlistPosition(Enrolment e) {
        if (e.status != Enrolment.Status.WAITLISTED) {
            return null;
        }
        return (int) Enrolment.count("programmeId = ?1 and status = ?2 and (requestedAt < ?3 "
            + "or (requestedAt = ?3 and id < ?4))", e.programmeId, Enrolment.Status.WAITLISTED, e.requestedAt,
            e.id) + 1;
    }

    @Transactional
    public ProgrammeDtos.AttendanceView attendance(Enrolment e) {
        long held = ProgrammeSession.count("programmeId", e.programmeId);
        long present = SessionAttendance.count("enrolmentId = ?1 and present = true", e.id);
        BigDecimal rate = held == 0 ? null
            : BigDecimal.valueOf(present).divide(BigDecimal.valueOf(held), 4, RoundingMode.HALF_UP);
        return new ProgrammeDtos.AttendanceView(held, present, rate);
    }

    private void promote(Programme p, Instant now) {
        List<Enrolment> waiting = Enrolment.list("programmeId = ?1 and status = ?2 order by requestedAt, id",
            p.id, Enrolment.Status.WAITLISTED);
        for (Enrolment next : waiting) {
            if (seatsTaken(p.id) >= p.capacity) {
                return;
            }
            Child child = Child.findById(next.childId);
            if (child != null && child.isActive()) {
                next.status = Enrolment.Status.ENROLLED;
                next.enrolledAt = now;
                return;
            }
        }
    }

    private static long seatsTaken(UUID programmeId) {
        return Enrolment.count("programmeId = ?1 and status in ?2", programmeId,
            List.of(Enrolment.Status.ENROLLED, Enrolment.Status.COMPLETED));
    }

    private static Programme lockProgramme(UUID id) {
        Programme p = Programme.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            throw ProblemException.notFound("programme", id);
        }
        return p;
    }
}
