package ir.tehran.womenfamily.sponsorship.talent;

import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ir.tehran.womenfamily.sponsorship.child.Child;
import ir.tehran.womenfamily.support.jalali.DateInput;
import ir.tehran.womenfamily.support.persian.PersianText;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.time.Tehran;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Talent assessments. A child's gifted-candidate flag follows her most recent assessment (by date, then by
 * the time it was recorded), so a later assessment can both raise and withdraw it.
 */
@ApplicationScoped
public class AssessmentService {

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Transactional
    public Assessment record(UUID childId, AssessmentDtos.NewAssessment request, String by) {
        Child child = Child.findById(childId, LockModeType.PESSIMISTIC_WRITE);
        if (child == null) {
            throw ProblemException.notFound("child", childId);
        }
        LocalDate on = DateInput.present("assessedOn", request.assessedOn());
        if (on.isAfter(Tehran.today(clock))) {
            throw ProblemException.invalid("assessedOn", "validation.not-in-future");
        }
        if (on.isBefore(child.birthDate)) {
            throw ProblemException.invalid("assessedOn", "validation.before-birth");
        }
        request.scores().forEach((domain, score) -> {
            if (score == null || score < 0 || score > 100) {
                throw ProblemException.invalid("scores." + domain, "validation.range", 0, 100);
            }
        });
        Assessment a = new Assessment();
        a.id = UUID.randomUUID();
        a.childId = childId;
        a.assessedOn = on;
        a.assessor = PersianText.normalize(request.assessor());
        a.notes = PersianText.normalize(request.notes());
        a.giftedCandidate = request.giftedCandidate();
        a.scores = new EnumMap<>(TalentDomain.class);
        request.scores().forEach((domain, score) -> a.scores.put(domain, score.shortValue()));
        a.recordedBy = by;
        a.recordedAt = Instant.now(clock);
        a.persist();
        Assessment latest = Assessment.find("childId = ?1 order by assessedOn desc, recordedAt desc", childId)
            .firstResult();
        child.giftedCandidate = latest.giftedCandidate;
        audit.record(AuditEvent.of("assessment.record", "child", childId));
        return a;
    }

    @Transactional
    public List<Assessment> list(UUID childId) {
        if (Child.findById(childId) == null) {
            throw ProblemException.notFound("child", childId);
        }
        List<Assessment> assessments = Assessment.list("childId = ?1 order by assessedOn desc, recordedAt desc",
            childId);
        audit.record(AuditEvent.of("assessment.read", "child", childId).withPurpose("casework").returned(assessments));
        return assessments;
    }

    /** One of her assessments; empty when there is no such assessment of hers. */
    @Transactional
    public Optional<Assessment> find(UUID childId, UUID id) {
        Optional<Assessment> found = Assessment.<Assessment>findByIdOptional(id).filter(a -> a.childId.equals(childId));
        found.ifPresent(a -> audit.record(AuditEvent.of("assessment.read", "child", childId).withPurpose("casework")
            .returned(List.of(a))));
        return found;
    }
}
