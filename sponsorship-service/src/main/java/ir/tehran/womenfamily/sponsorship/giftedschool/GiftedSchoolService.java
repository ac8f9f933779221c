package ir.tehran.womenfamily.sponsorship.giftedschool;

import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ir.tehran.womenfamily.sponsorship.child.Child;
import ir.tehran.womenfamily.sponsorship.ledger.LedgerEntry;
import ir.tehran.womenfamily.support.jalali.DateInput;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.persian.PersianText;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.time.Tehran;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * The pipeline to exemplary and gifted schools. Only a gifted candidate (her latest talent assessment says
 * so) enters it; an application is made by its deadline; its outcome comes after the exam.
 */
@ApplicationScoped
public class GiftedSchoolService {

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Transactional
    public School createSchool(GiftedSchoolDtos.NewSchool r) {
        School s = new School();
        s.id = UUID.randomUUID();
        s.name = PersianText.normalize(r.name());
        s.kind = r.kind();
        s.district = r.district();
        s.createdAt = Instant.now(clock);
        s.persist();
        audit.record(AuditEvent.of("school.create", "school", s.id));
        return s;
    }

    @Transactional
    public List<School> schools(School.Kind kind) {
        return kind == null ? School.list("order by name") : School.list("kind = ?1 order by name", kind);
    }

    @Transactional
    public SchoolApplication plan(UUID childId, GiftedSchoolDtos.NewApplication r, String by) {
        Child child = Child.findById(childId);
        if (child == null) {
            throw ProblemException.notFound("child", childId);
        }
        if (School.findById(r.schoolId()) == null) {
            throw ProblemException.invalid("schoolId", "validation.unknown-school");
        }
        LocalDate deadline = DateInput.present("applicationDeadline", r.applicationDeadline());
        LocalDate exam = r.examDate();
        if (exam != null && exam.isBefore(deadline)) {
            throw ProblemException.invalid("examDate", "validation.exam-before-deadline");
        }
        if (!child.isActive()) {
            throw ProblemException.conflict("child-not-active");
        }
        if (!child.giftedCandidate) {
            throw ProblemException.conflict("not-a-gifted-candidate");
        }
        if (SchoolApplication.count("childId = ?1 and schoolId = ?2 and academicYear = ?3", childId, r.schoolId(),
            r.academicYear().shortValue()) > 0) {
            throw ProblemException.conflict("application-exists");
        }
        SchoolApplication a = new SchoolApplication();
        a.id = UUID.randomUUID();
        a.childId = childId;
        a.schoolId = r.schoolId();
        a.academicYear = r.academicYear().shortValue();
        a.applicationDeadline = deadline;
        a.examDate = exam;
        a.feeRials = r.feeRials() == null ? 0 : r.feeRials();
        a.status = SchoolApplication.Status.PLANNED;
        a.recordedBy = by;
        a.createdAt = Instant.now(clock);
        a.persist();
        audit.record(AuditEvent.of("school-application.plan", "school-application", a.id));
        return a;
    }

    @Transactional
    public SchoolApplication move(UUID id, GiftedSchoolDtos.Transition t) {
        SchoolApplication a = SchoolApplication.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw ProblemException.notFound("school-application", id);
        }
        if (!a.status.next().contains(t.to())) {
            throw ProblemException.conflict("application-transition", a.status, t.to());
        }
        LocalDate on = t.on();
        if (on == null) {
            on = Tehran.today(clock);
        }
        if (on.isAfter(Tehran.today(clock))) {
            throw ProblemException.invalid("on", "validation.not-in-future");
        }
        switch (t.to()) {
            case APPLIED -> {
                if (on.isAfter(a.applicationDeadline)) {
                    throw ProblemException.conflict("deadline-passed", Days.jalali(a.applicationDeadline));
                }
                a.appliedOn = on;
            }
            case EXAM_TAKEN -> {
                if (a.examDate != null && on.isBefore(a.examDate)) {
                    throw ProblemException.invalid("on", "validation.before-exam", Days.jalali(a.examDate));
                }
                a.examTakenOn = on;
            }
            case ADMITTED, NOT_ADMITTED -> a.decidedOn = on;
            default -> {
            }
        }
        a.status = t.to();
        audit.record(AuditEvent.of("school-application.transition", "school-application", id));
        return a;
    }

    @Transactional
    public Optional<SchoolApplication> find(UUID id) {
        return SchoolApplication.findByIdOptional(id);
    }

    @Transactional
    public List<SchoolApplication> ofChild(UUID childId) {
        if (Child.findById(childId) == null) {
            throw ProblemException.notFound("child", childId);
        }
        List<SchoolApplication> applications = SchoolApplication.list(
            "childId = ?1 order by academicYear desc, applicationDeadline", childId);
        audit.record(AuditEvent.of("school-application.read", "child", childId).withPurpose("casework")
            .returned(applications));
        return applications;
    }

    /** The pipeline: applications by stage and year, nearest deadline first. */
    @Transactional
    public List<SchoolApplication> pipeline(SchoolApplication.Status status, Integer year) {
        StringBuilder q = new StringBuilder("1 = 1");
        List<Object> params = new ArrayList<>();
        if (status != null) {
            params.add(status);
            q.append(" and status = ?").append(params.size());
        }
        if (year != null) {
            params.add(year.shortValue());
            q.append(" and academicYear = ?").append(params.size());
        }
        return SchoolApplication.list(q + " order by applicationDeadline, id", params.toArray());
    }

    /** The school an application is to. */
    @Transactional
    public School school(UUID id) {
        return School.findById(id);
    }

    /** What has been disbursed against this application's fee. */
    @Transactional
    public long feeCovered(UUID applicationId) {
        Long sum = em.createQuery("select coalesce(sum(e.amountRials), 0) from LedgerEntry e "
                + "where e.referenceType = ?1 and e.referenceId = ?2 and e.kind = ?3", Long.class)
            .setParameter(1, LedgerEntry.ReferenceType.SCHOOL_APPLICATION)
            .setParameter(2, applicationId)
            .setParameter(3, LedgerEntry.Kind.DISBURSED)
            .getSingleResult();
        return sum;
    }

    /** A school, if there is one of this id. */
    @Transactional
    public Optional<School> findSchool(UUID id) {
        return School.findByIdOptional(id);
    }
}
