package ir.tehran.womenfamily.sponsorship.programme;

import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ir.tehran.womenfamily.sponsorship.common.ProgrammeDistricts;
import ir.tehran.womenfamily.sponsorship.common.Scope;
import ir.tehran.womenfamily.support.jalali.DateInput;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.persian.PersianText;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Programmes, their sessions and attendance. Enrolment is in {@link EnrolmentService}. It answers the access
 * policy's question of a programme's district ({@link ProgrammeDistricts}).
 */
@ApplicationScoped
public class ProgrammeService implements ProgrammeDistricts {

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Transactional
    public Programme create(ProgrammeDtos.NewProgramme r, String by) {
        LocalDate starts = DateInput.present("startsOn", r.startsOn());
        LocalDate ends = DateInput.present("endsOn", r.endsOn());
        List<ProblemException.FieldError> errors = new ArrayList<>();
        if (ends.isBefore(starts)) {
            errors.add(new ProblemException.FieldError("endsOn", "validation.ends-before-start"));
        }
        if (r.minAge() != null && r.maxAge() != null && r.minAge() > r.maxAge()) {
            errors.add(new ProblemException.FieldError("maxAge", "validation.max-below-min"));
        }
        if (r.kind() == Programme.Kind.SUMMER_COURSE) {
            if (r.minAge() == null) {
                errors.add(new ProblemException.FieldError("minAge", "validation.required-for-course"));
            }
            if (r.maxAge() == null) {
                errors.add(new ProblemException.FieldError("maxAge", "validation.required-for-course"));
            }
            if (r.plannedSessions() == null) {
                errors.add(new ProblemException.FieldError("plannedSessions", "validation.required-for-course"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "validation", errors);
        }
        Programme p = new Programme();
        p.id = UUID.randomUUID();
        p.kind = r.kind();
        p.title = PersianText.normalize(r.title());
        p.description = PersianText.normalize(r.description());
        p.district = r.district();
        p.minAge = r.minAge();
        p.maxAge = r.maxAge();
        p.capacity = r.capacity();
        p.startsOn = starts;
        p.endsOn = ends;
        p.plannedSessions = r.plannedSessions();
        p.feeRials = r.feeRials() == null ? 0 : r.feeRials();
        p.createdBy = by;
        p.createdAt = Instant.now(clock);
        p.persist();
        audit.record(AuditEvent.of("programme.create", "programme", p.id));
        return p;
    }

    @Override
    public List<Short> of(UUID programmeId) {
        // the id beside the district: a city-wide programme (no district) is found, not absent
        List<Object[]> found = Programme.getEntityManager()
            .createQuery("select p.id, p.district from Programme p where p.id = :id", Object[].class)
            .setParameter("id", programmeId).getResultList();
        return found.isEmpty() ? List.of() : Collections.singletonList((Short) found.get(0)[1]);
    }

    @Transactional
    public Optional<Programme> find(UUID id) {
        return Programme.findByIdOptional(id);
    }

    @Transactional
    public List<Programme> list(Programme.Kind kind, Short district, Scope scope) {
        StringBuilder q = new StringBuilder("1 = 1").append(scope.andOrCityWide("district"));
        List<Object> params = new ArrayList<>();
        if (kind != null) {
            params.add(kind);
            q.append(" and kind = ?").append(params.size());
        }
        if (district != null) {
            params.add(district);
            q.append(" and district = ?").append(params.size());
        }
        return Programme.list(q + " order by startsOn desc, title", params.toArray());
    }

    /** Seats taken (enrolled and completed), waitlisted, completed. */
    public record Counts(long enrolled, long waitlisted, long completed, long sessionsHeld) {
    }

    @Transactional
    public Counts counts(UUID programmeId) {
        return new Counts(
            Enrolment.count("programmeId = ?1 and status in ?2", programmeId,
                List.of(Enrolment.Status.ENROLLED, Enrolment.Status.COMPLETED)),
            Enrolment.count("programmeId = ?1 and status = ?2", programmeId, Enrolment.Status.WAITLISTED),
            Enrolment.count("programmeId = ?1 and status = ?2", programmeId, Enrolment.Status.COMPLETED),
            ProgrammeSession.count("programmeId", programmeId));
    }

    @Transactional
    public ProgrammeSession addSession(UUID programmeId, ProgrammeDtos.NewSession r) {
        Programme p = Programme.findById(programmeId, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            throw ProblemException.notFound("programme", programmeId);
        }
        LocalDate on = DateInput.present("heldOn", r.heldOn());
        if (on.isBefore(p.startsOn) || on.isAfter(p.endsOn)) {
            throw ProblemException.invalid("heldOn", "validation.outside-programme", Days.jalali(p.startsOn),
                Days.jalali(p.endsOn));
        }
        long held = ProgrammeSession.count("programmeId", programmeId);
        ProgrammeSession s = new ProgrammeSession();
        s.id = UUID.randomUUID();
        s.programmeId = programmeId;
        s.number = (short) (held + 1);
        s.heldOn = on;
        s.topic = PersianText.normalize(r.topic());
        s.persist();
        audit.record(AuditEvent.of("programme.session.add", "programme", programmeId));
        return s;
    }

    @Transactional
    public List<ProgrammeSession> sessions(UUID programmeId) {
        if (Programme.findById(programmeId) == null) {
            throw ProblemException.notFound("programme", programmeId);
        }
        return ProgrammeSession.list("programmeId = ?1 order by number", programmeId);
    }

    /**
     * Records who was present and absent; only children holding a seat (enrolled or completed) count. The
     * client sends the session's version it read (If-Match): 412 when the attendance changed since.
     */
    @Transactional
    public ProgrammeSession recordAttendance(UUID programmeId, int number, long expectedVersion,
            ProgrammeDtos.AttendanceInput r) {
        ProgrammeSession s = ProgrammeSession.<ProgrammeSession>find("programmeId = ?1 and number = ?2", programmeId,
            (short) number).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (s == null) {
            throw ProblemException.notFound("session", programmeId + "/" + number);
        }
        if (s.version != expectedVersion) {
            throw ProblemException.preconditionFailed();
        }
        List<ProblemException.FieldError> errors = new ArrayList<>();
        mark(s, r.present(), true, "present", errors);
        mark(s, r.absent(), false, "absent", errors);
        if (r.present().stream().anyMatch(r.absent()::contains)) {
            errors.add(new ProblemException.FieldError("absent", "validation.both-present-and-absent"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "validation", errors);
        }
        s.version++;
        audit.record(AuditEvent.of("programme.attendance.record", "programme", programmeId));
        return s;
    }

    private static void mark(ProgrammeSession s, List<UUID> enrolments, boolean present, String field,
            List<ProblemException.FieldError> errors) {
        for (int i = 0; i < enrolments.size(); i++) {
            UUID id = enrolments.get(i);
            Enrolment e = Enrolment.findById(id);
            if (e == null || !e.programmeId.equals(s.programmeId)
                || !(e.status == Enrolment.Status.ENROLLED || e.status == Enrolment.Status.COMPLETED)) {
                errors.add(new ProblemException.FieldError(field + "[" + i + "]", "validation.not-enrolled"));
                continue;
            }
            SessionAttendance a = SessionAttendance.findById(new SessionAttendance.Key(s.id, id));
            if (a == null) {
                a = new SessionAttendance();
                a.sessionId = s.id;
                a.enrolmentId = id;
                a.present = present;
                a.persist();
            } else {
                a.present = present;
            }
        }
    }

    /** Present and absent counts of a session. */
    @Transactional
    public long[] attendance(UUID sessionId) {
        return new long[] {
            SessionAttendance.count("sessionId = ?1 and present = true", sessionId),
            SessionAttendance.count("sessionId = ?1 and present = false", sessionId)};
    }

    /** The session of this number, if held. */
    @Transactional
    public Optional<ProgrammeSession> session(UUID programmeId, int number) {
        return ProgrammeSession.find("programmeId = ?1 and number = ?2", programmeId, (short) number)
            .firstResultOptional();
    }
}
