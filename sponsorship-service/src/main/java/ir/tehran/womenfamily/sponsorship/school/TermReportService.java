package ir.tehran.womenfamily.sponsorship.school;

import ir.tehran.womenfamily.sponsorship.Subject;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ir.tehran.womenfamily.sponsorship.child.Child;
import ir.tehran.womenfamily.support.persian.PersianText;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/** Report cards; storing one re-evaluates the at-risk rule in the same transaction. */
@ApplicationScoped
public class TermReportService {

    @Inject
    Audit audit;

    private static final BigDecimal TWENTY = BigDecimal.valueOf(20);

    @Inject
    Clock clock;

    @Inject
    Event<TermReportSaved> saved;

    /** The report and whether it was new. */
    public record Saved(TermReport report, boolean created) {
    }

    /**
     * Creates or replaces the report of {@code year} and {@code term}. Replacing needs the version the client
     * read ({@code If-Match}): 428 without it, 412 when the report changed since; creating takes none (412 when
     * a version is given for a report that does not exist).
     */
    @Transactional
    public Saved put(UUID childId, int year, int term, Long expectedVersion, TermReportDtos.TermReportInput input,
            String by) {
        Child child = Child.findById(childId, LockModeType.PESSIMISTIC_WRITE);
        if (child == null) {
            throw ProblemException.notFound("child", childId);
        }
        if (input.absentDays() > input.schoolDays()) {
            throw ProblemException.invalid("absentDays", "validation.absent-over-school-days");
        }
        input.grades().forEach((subject, score) -> {
            boolean inRange = score != null && score.signum() >= 0 && score.compareTo(TWENTY) <= 0;
            if (!inRange || score.stripTrailingZeros().scale() > 2) {
                throw ProblemException.invalid("grades." + subject, "validation.grade");
            }
        });
        TermReport r = TermReport.find("childId = ?1 and academicYear = ?2 and term = ?3", childId, (short) year,
            (short) term).firstResult();
        boolean created = r == null;
        if (created && expectedVersion != null) {
            throw ProblemException.preconditionFailed();
        }
        if (!created && expectedVersion == null) {
            throw new ProblemException(428, "precondition-required");
        }
        if (!created && r.version != expectedVersion) {
            throw ProblemException.preconditionFailed();
        }
        if (created) {
            r = new TermReport();
            r.id = UUID.randomUUID();
            r.childId = childId;
            r.academicYear = (short) year;
            r.term = (short) term;
        }
        String school = PersianText.normalize(input.schoolName());
        r.schoolName = school == null || school.isEmpty() ? null : school;
        r.schoolDays = input.schoolDays().shortValue();
        r.absentDays = input.absentDays().shortValue();
        r.grades = new EnumMap<>(Subject.class);
        TermReport target = r;
        input.grades().forEach((subject, score) -> target.grades.put(subject, score.setScale(2)));
        r.recordedBy = by;
        r.recordedAt = Instant.now(clock);
        if (created) {
            r.persist();
        }
        TermReport.flush();
        saved.fire(new TermReportSaved(child.id));
        audit.record(AuditEvent.of("term-report.save", "child", childId));
        return new Saved(r, created);
    }

    @Transactional
    public List<TermReport> list(UUID childId) {
        if (Child.findById(childId) == null) {
            throw ProblemException.notFound("child", childId);
        }
        List<TermReport> reports = TermReport.list("childId = ?1 order by academicYear desc, term desc", childId);
        audit.record(AuditEvent.of("term-report.read", "child", childId).withPurpose("casework").returned(reports));
        return reports;
    }

    /** Her report card of {@code year} and {@code term}, if recorded. */
    @Transactional
    public Optional<TermReport> find(UUID childId, int year, int term) {
        Optional<TermReport> found = TermReport.<TermReport>find("childId = ?1 and academicYear = ?2 and term = ?3",
            childId, (short) year, (short) term).firstResultOptional();
        found.ifPresent(r -> audit.record(AuditEvent.of("term-report.read", "child", childId).withPurpose("casework")
            .returned(List.of(r))));
        return found;
    }
}
