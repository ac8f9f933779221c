package ir.tehran.womenfamily.registry.delivered;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ir.tehran.womenfamily.registry.access.Grant;
import ir.tehran.womenfamily.registry.access.SensitiveAccess;
import ir.tehran.womenfamily.registry.casework.BeneficiaryCase;
import ir.tehran.womenfamily.registry.casework.CaseService;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.jalali.DateInput;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Callers;
import ir.tehran.womenfamily.support.time.Tehran;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Training courses and their sessions (the directorate's catalogue, kept by admins), and a woman's enrolments,
 * attendance and completion: casework (her assigned caseworker, or an admin; 404 for others), checked before
 * anything else is looked at, so that no answer tells anything about a woman the caller may not see.
 */
@ApplicationScoped
public class TrainingService {

    public static final String RESOURCE = "beneficiary.training";

    @Inject
    SensitiveAccess access;

    @Inject
    Audit audit;

    @Inject
    Callers callers;

    @Inject
    Clock clock;

    /** An enrolment with what it is read with. */
    public record Enrolment(TrainingEnrolment enrolment, TrainingCourse course, long attended, long sessions) {
    }

    @Transactional
    public TrainingCourse createCourse(DeliveredDtos.CreateCourse request) {
        TrainingCourse c = new TrainingCourse();
        c.id = UUID.randomUUID();
        c.title = request.title().strip();
        c.centre = request.centre() == null || request.centre().isBlank() ? null : request.centre().strip();
        c.startsOn = DateInput.present("startsOn", request.startsOn());
        c.endsOn = DateInput.present("endsOn", request.endsOn());
        if (c.endsOn.isBefore(c.startsOn)) {
            throw ProblemException.invalid("endsOn", "validation.course-ends-before-start");
        }
        c.hours = request.hours();
        c.createdBy = callers.current().subject();
        c.createdAt = Instant.now(clock);
        c.persist();
        audit.record(AuditEvent.of("training-course.create", "training-course", c.id));
        return c;
    }

    /** Every course, the latest first. */
    @Transactional
    public List<TrainingCourse> courses() {
        return TrainingCourse.list("order by startsOn desc, id");
    }

    @Transactional
    public Optional<TrainingCourse> course(UUID courseId) {
        return TrainingCourse.findByIdOptional(courseId);
    }

    /** Its sessions in order; empty when there is no such course (the resource answers 404). */
    @Transactional
    public Optional<List<TrainingSession>> sessions(UUID courseId) {
        return TrainingCourse.<TrainingCourse>findByIdOptional(courseId)
            .map(c -> TrainingSession.list("courseId = ?1 order by heldOn, id", courseId));
    }

    /** Adds a session on a day within the course's dates; empty when there is no such course. */
    @Transactional
    public Optional<TrainingSession> addSession(UUID courseId, DeliveredDtos.AddSession request) {
        Optional<TrainingCourse> course = TrainingCourse.findByIdOptional(courseId);
        if (course.isEmpty()) {
            return Optional.empty();
        }
        LocalDate day = DateInput.present("heldOn", request.heldOn());
        if (day.isBefore(course.get().startsOn) || day.isAfter(course.get().endsOn)) {
            throw ProblemException.invalid("heldOn", "validation.session-outside-course");
        }
        TrainingSession s = new TrainingSession();
        s.id = UUID.randomUUID();
        s.courseId = courseId;
        s.heldOn = day;
        s.topic = request.topic() == null || request.topic().isBlank() ? null : request.topic().strip();
        s.persist();
        audit.record(AuditEvent.of("training-session.add", "training-course", courseId).withDetail("sessionId", s.id));
        return Optional.of(s);
    }

    /** Enrols her in a course under her case: 404 for no such course, 409 when she has no case or is enrolled. */
    @Transactional
    public Enrolment enrol(UUID beneficiaryId, DeliveredDtos.Enrol request) {
        Grant grant = access.casework(beneficiaryId, RESOURCE, "training.enrol");
        TrainingCourse course = TrainingCourse.<TrainingCourse>findByIdOptional(request.courseId())
            .orElseThrow(() -> ProblemException.notFound("training-course", request.courseId()));
        BeneficiaryCase c = CaseService.findCase(beneficiaryId)
            .orElseThrow(() -> ProblemException.conflict("case-required"));
        if (TrainingEnrolment.count("beneficiaryId = ?1 and courseId = ?2", beneficiaryId, course.id) > 0) {
            throw ProblemException.conflict("already-enrolled");
        }
        TrainingEnrolment e = new TrainingEnrolment();
        e.id = UUID.randomUUID();
        e.courseId = course.id;
        e.beneficiaryId = beneficiaryId;
        e.caseId = c.id;
        e.enrolledOn = request.enrolledOn() == null ? Tehran.today(clock) : request.enrolledOn();
        e.recordedBy = grant.username();
        e.recordedAt = Instant.now(clock);
        e.persist();
        access.audit(grant, AuditEvent.of("training.enrol", RESOURCE, beneficiaryId).withDetail("enrolmentId", e.id)
            .withDetail("courseId", course.id));
        return view(e, course);
    }

    /** She was present at a session of her course; recording it again changes nothing. */
    @Transactional
    public Enrolment attend(UUID beneficiaryId, UUID enrolmentId, DeliveredDtos.Attend request) {
        Grant grant = access.casework(beneficiaryId, RESOURCE, "training.attend");
        TrainingEnrolment e = hers(beneficiaryId, enrolmentId);
        TrainingSession s = TrainingSession.findById(request.sessionId());
        if (s == null || !s.courseId.equals(e.courseId)) {
            throw ProblemException.invalid("sessionId", "validation.training-session");
        }
        if (TrainingAttendance.count("enrolmentId = ?1 and sessionId = ?2", e.id, s.id) == 0) {
            TrainingAttendance a = new TrainingAttendance();
            a.id = UUID.randomUUID();
            a.enrolmentId = e.id;
            a.sessionId = s.id;
            a.recordedBy = grant.username();
            a.recordedAt = Instant.now(clock);
            a.persist();
        }
        access.audit(grant, AuditEvent.of("training.attend", RESOURCE, beneficiaryId).withDetail("enrolmentId", e.id)
            .withDetail("sessionId", s.id));
        return view(e, TrainingCourse.findById(e.courseId));
    }

    /** She completed her course (once, at the version read), with its certificate's number when one was issued. */
    @Transactional
    public Enrolment complete(UUID beneficiaryId, UUID enrolmentId, long expectedVersion,
            DeliveredDtos.Complete request) {
        Grant grant = access.casework(beneficiaryId, RESOURCE, "training.complete");
        TrainingEnrolment e = hers(beneficiaryId, enrolmentId);
        if (e.version != expectedVersion) {
            throw ProblemException.preconditionFailed();
        }
        if (e.completedOn != null) {
            throw ProblemException.conflict("training-completed");
        }
        LocalDate day = DateInput.present("completedOn", request.completedOn());
        if (day.isAfter(Tehran.today(clock))) {
            throw ProblemException.invalid("completedOn", "validation.day-in-future");
        }
        if (day.isBefore(e.enrolledOn)) {
            throw ProblemException.invalid("completedOn", "validation.completed-before-enrolled");
        }
        e.completedOn = day;
        e.certificateNumber = request.certificateNumber() == null || request.certificateNumber().isBlank() ? null
            : request.certificateNumber().strip();
        TrainingEnrolment.flush();
        access.audit(grant, AuditEvent.of("training.complete", RESOURCE, beneficiaryId)
            .withDetail("enrolmentId", e.id));
        return view(e, TrainingCourse.findById(e.courseId));
    }

    /** Her enrolments, the latest first. */
    @Transactional
    public List<Enrolment> enrolments(UUID beneficiaryId) {
        Grant grant = access.casework(beneficiaryId, RESOURCE, "training.list");
        List<TrainingEnrolment> found = TrainingEnrolment.list(
            "beneficiaryId = ?1 order by enrolledOn desc, id", beneficiaryId);
        access.audit(grant, AuditEvent.of("training.list", RESOURCE, beneficiaryId).withDetail("count", found.size()));
        return found.stream().map(e -> view(e, TrainingCourse.findById(e.courseId))).toList();
    }

    /** Her enrolment, or 404 as for one that does not exist. */
    private static TrainingEnrolment hers(UUID beneficiaryId, UUID enrolmentId) {
        TrainingEnrolment e = TrainingEnrolment.findById(enrolmentId);
        if (e == null || !e.beneficiaryId.equals(beneficiaryId)) {
            throw ProblemException.notFound("training-enrolment", enrolmentId);
        }
        return e;
    }

    private static Enrolment view(TrainingEnrolment e, TrainingCourse course) {
        long attended = TrainingAttendance.count("enrolmentId", e.id);
        long sessions = TrainingSession.count("courseId", e.courseId);
        return new Enrolment(e, course, attended, sessions);
    }
}
