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

/** What was done to facilitate her business: casework (her assigned caseworker, or an admin; 404 for others). */
@ApplicationScoped
public class FacilitationService {

    public static final String RESOURCE = "beneficiary.business-facilitation";

    @Inject
    SensitiveAccess access;

    @Inject
    Clock clock;

    /** Records one facilitation under her case (409 {@code case-required} when she has none). */
    @Transactional
    public BusinessFacilitation record(UUID beneficiaryId, DeliveredDtos.RecordFacilitation request) {
        Grant grant = access.casework(beneficiaryId, RESOURCE, "business-facilitation.add");
        BeneficiaryCase c = CaseService.findCase(beneficiaryId)
            .orElseThrow(() -> ProblemException.conflict("case-required"));
        BusinessFacilitation f = new BusinessFacilitation();
        f.id = UUID.randomUUID();
        f.beneficiaryId = beneficiaryId;
        f.caseId = c.id;
        f.kind = request.kind();
        f.doneOn = DateInput.present("doneOn", request.doneOn());
        if (f.doneOn.isAfter(Tehran.today(clock))) {
            throw ProblemException.invalid("doneOn", "validation.day-in-future");
        }
        f.detail = request.detail() == null || request.detail().isBlank() ? null : request.detail().strip();
        f.recordedBy = grant.username();
        f.recordedAt = Instant.now(clock);
        f.persist();
        access.audit(grant, AuditEvent.of("business-facilitation.add", RESOURCE, beneficiaryId)
            .withDetail("facilitationId", f.id).withDetail("kind", f.kind));
        return f;
    }

    /** Her facilitations, newest first. */
    @Transactional
    public List<BusinessFacilitation> list(UUID beneficiaryId) {
        Grant grant = access.casework(beneficiaryId, RESOURCE, "business-facilitation.list");
        List<BusinessFacilitation> found = BusinessFacilitation.list(
            "beneficiaryId = ?1 order by doneOn desc, recordedAt desc, id", beneficiaryId);
        access.audit(grant, AuditEvent.of("business-facilitation.list", RESOURCE, beneficiaryId)
            .withDetail("count", found.size()));
        return found;
    }
}
