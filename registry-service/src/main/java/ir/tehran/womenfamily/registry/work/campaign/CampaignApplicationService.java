package ir.tehran.womenfamily.registry.work.campaign;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ir.tehran.womenfamily.registry.beneficiary.Beneficiary;
import ir.tehran.womenfamily.registry.beneficiary.NationalCode;
import ir.tehran.womenfamily.registry.business.BusinessDtos;
import ir.tehran.womenfamily.registry.business.BusinessService;
import ir.tehran.womenfamily.registry.business.CampaignParticipant;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.persian.PersianText;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Caller;
import ir.tehran.womenfamily.support.sms.Mobile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Self-registration for the campaign: a person signed in with her mobile number who is not in the register
 * (her token has no {@code beneficiary_id}) applies once; a caseworker of the district she named (or an admin)
 * confirms her, which registers her as a campaign participant ({@link BusinessService#registerParticipant}), or
 * declines. A caseworker sees only the applications of her districts; any other is a 404 to her.
 */
@ApplicationScoped
public class CampaignApplicationService {

    static final String RESOURCE = "campaign-application";

    @Inject
    BusinessService businesses;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    /** Her application: 409 when she is in the register, already applied, or the national code is registered. */
    @Transactional
    public CampaignApplication apply(Caller her, CampaignApplicationDtos.Apply r) {
        if (her.beneficiaryId() != null) {
            throw ProblemException.conflict("person-exists");
        }
        String code = NationalCode.canonical(r.nationalCode())
            .orElseThrow(() -> ProblemException.invalid("nationalCode", "validation.national-code"));
        if (CampaignApplication.count("subject", her.subject()) > 0) {
            throw ProblemException.conflict("campaign-application-exists");
        }
        if (CampaignParticipant.count("nationalCode", code) > 0 || Beneficiary.count("nationalCode", code) > 0) {
            throw ProblemException.conflict("person-exists");
        }
        CampaignApplication a = new CampaignApplication();
        a.id = UUID.randomUUID();
        a.subject = her.subject();
        a.nationalCode = code;
        a.firstName = PersianText.normalize(r.firstName());
        a.lastName = PersianText.normalize(r.lastName());
        if (r.mobile() != null && !r.mobile().isBlank()) {
            a.mobile = Mobile.e164(r.mobile())
                .orElseThrow(() -> ProblemException.invalid("mobile", "validation.mobile"));
        }
        a.district = r.district();
        a.status = CampaignApplication.Status.PENDING;
        a.appliedAt = Instant.now(clock);
        a.persist();
        audit.record(AuditEvent.of("campaign-application.apply", RESOURCE, a.id).withPurpose("self-service"));
        return a;
    }

    /** Her own application, if she made one. */
    @Transactional
    public Optional<CampaignApplication> mine(Caller her) {
        return CampaignApplication.find("subject", her.subject()).firstResultOptional();
    }

    /** The pending applications of the caller's districts (every district for an admin), oldest first. */
    @Transactional
    public List<CampaignApplication> pending(Caller caller) {
        if (caller.isAdmin()) {
            return CampaignApplication.list("status = ?1 order by appliedAt, id", CampaignApplication.Status.PENDING);
        }
        List<Short> districts = caller.namedDistricts().stream().map(Integer::shortValue).toList();
        if (districts.isEmpty()) {
            return List.of();
        }
        return CampaignApplication.list("status = ?1 and district in ?2 order by appliedAt, id",
            CampaignApplication.Status.PENDING, districts);
    }

    /** Confirms (registering her as a participant) or declines a pending application of the caller's districts. */
    @Transactional
    public CampaignApplication decide(Caller caller, UUID id, CampaignApplication.Status decision) {
        CampaignApplication a = CampaignApplication.findById(id);
        if (a == null || !caller.isAdmin() && !caller.namedDistricts().contains(a.district.intValue())) {
            throw ProblemException.notFound(RESOURCE, id);
        }
        if (a.status != CampaignApplication.Status.PENDING) {
            throw ProblemException.conflict("campaign-application-decided");
        }
        if (decision == CampaignApplication.Status.CONFIRMED) {
            CampaignParticipant p = businesses.registerParticipant(new BusinessDtos.RegisterParticipant(
                a.nationalCode, a.firstName, a.lastName, a.mobile, a.district));
            a.participantId = p.id;
        } else if (decision != CampaignApplication.Status.DECLINED) {
            throw ProblemException.invalid("status", "validation.campaign-decision");
        }
        a.status = decision;
        a.decidedAt = Instant.now(clock);
        a.decidedBy = caller.subject();
        audit.record(AuditEvent.of("campaign-application.decide", RESOURCE, a.id).withDetail("status",
            decision.name()));
        return a;
    }
}
