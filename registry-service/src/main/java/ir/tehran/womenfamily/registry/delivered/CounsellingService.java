package ir.tehran.womenfamily.registry.delivered;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.registry.access.Grant;
import ir.tehran.womenfamily.registry.access.SensitiveAccess;
import ir.tehran.womenfamily.registry.casework.BeneficiaryCase;
import ir.tehran.womenfamily.registry.casework.CaseService;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.jalali.DateInput;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.time.Tehran;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Her counselling sessions, under the need to know of her sensitive cohorts ({@link SensitiveAccess#sensitive}:
 * her assigned caseworker or counsellor; an admin through break-glass; 404 for everyone else). The rule is the
 * cohorts' own, applied to every woman's counselling and not only to a cohort member's: applied only to some,
 * a refusal would itself tell that she is in a cohort, and where she was counselled (a cohort's centre, such as
 * Yavarshahr 5) can tell it too. Nothing here is ever put in an event.
 */
@ApplicationScoped
public class CounsellingService {

    public static final String RESOURCE = "beneficiary.counselling";

    @Inject
    SensitiveAccess access;

    @Inject
    Clock clock;

    /** Records a session under her case (409 {@code case-required} when she has none). */
    @Transactional
    public CounsellingSession record(UUID beneficiaryId, DeliveredDtos.RecordCounselling request,
            String breakGlassReason) {
        Grant grant = access.sensitive(beneficiaryId, RESOURCE, "counselling.add", breakGlassReason);
        BeneficiaryCase c = CaseService.findCase(beneficiaryId)
            .orElseThrow(() -> ProblemException.conflict("case-required"));
        Instant now = Instant.now(clock);
        CounsellingSession s = new CounsellingSession();
        s.id = UUID.randomUUID();
        s.beneficiaryId = beneficiaryId;
        s.caseId = c.id;
        s.mode = request.mode() == null ? CounsellingSession.Mode.INDIVIDUAL : request.mode();
        s.counsellor = request.counsellor().strip();
        s.centre = request.centre() == null || request.centre().isBlank() ? null : request.centre().strip();
        s.heldOn = DateInput.present("heldOn", request.heldOn());
        if (s.heldOn.isAfter(Tehran.today(clock))) {
            throw ProblemException.invalid("heldOn", "validation.day-in-future");
        }
        s.minutes = request.minutes();
        s.recordedBy = grant.username();
        s.recordedAt = now;
        s.persist();
        access.audit(grant, AuditEvent.of("counselling.add", RESOURCE, beneficiaryId).withDetail("sessionId", s.id));
        return s;
    }

    /** Her sessions, newest first. */
    @Transactional
    public List<CounsellingSession> list(UUID beneficiaryId, String breakGlassReason) {
        Grant grant = access.sensitive(beneficiaryId, RESOURCE, "counselling.list", breakGlassReason);
        List<CounsellingSession> found = CounsellingSession.list(
            "beneficiaryId = ?1 order by heldOn desc, recordedAt desc, id", beneficiaryId);
        access.audit(grant, AuditEvent.of("counselling.list", RESOURCE, beneficiaryId)
            .withDetail("count", found.size()));
        return found;
    }
}
