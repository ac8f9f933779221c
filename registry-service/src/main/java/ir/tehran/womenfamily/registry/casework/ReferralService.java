package ir.tehran.womenfamily.registry.casework;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.registry.access.Grant;
import ir.tehran.womenfamily.registry.access.SensitiveAccess;
import ir.tehran.womenfamily.registry.beneficiary.Beneficiary;
import ir.tehran.womenfamily.registry.consent.Agency;
import ir.tehran.womenfamily.registry.consent.ConsentPurpose;
import ir.tehran.womenfamily.registry.consent.ConsentService;
import ir.tehran.womenfamily.registry.consent.DisclosureLog;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.events.Outbox;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Caller;
import ir.tehran.womenfamily.support.security.Callers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Referrals to and from other agencies. A referral out shares her data with the agency, so proposing
 * one and sending it each need her active consent to sharing with that agency (409
 * {@code consent-required} otherwise): a consent revoked in between stops the sending.
 */
@ApplicationScoped
public class ReferralService {

    public static final String RESOURCE = "beneficiary.referrals";

    @Inject
    SensitiveAccess access;

    @Inject
    ConsentService consents;

    @Inject
    Audit audit;

    @Inject
    DisclosureLog disclosures;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    Callers callers;

    @Inject
    ReferralDelivery delivery;

    /** A referral and its history. */
    public record ReferralWithHistory(Referral referral, List<ReferralTransition> history) {
    }

    @Transactional
    public List<ReferralWithHistory> list(UUID beneficiaryId) {
        Grant grant = access.casework(beneficiaryId, RESOURCE, "referral.list");
        List<Referral> referrals = Referral.list("beneficiaryId = ?1 order by createdAt desc, id desc", beneficiaryId);
        access.audit(grant, AuditEvent.of("referral.list", RESOURCE, beneficiaryId)
            .withDetail("count", referrals.size()));
        return referrals.stream().map(r -> new ReferralWithHistory(r, history(r.id))).toList();
    }

    /**
     * The referrals in waiting for an answer (SENT) that the caller answers: for a caseworker, those of the women
     * whose case is assigned to her; for an admin, all. Audited like a list of her referrals, once per call.
     */
    @Transactional
    public List<ReferralWithHistory> incoming() {
        Caller caller = callers.current();
        List<Referral> waiting = caller.isAdmin()
            ? Referral.list("direction = ?1 and state = ?2 order by createdAt desc, id desc",
                ReferralDirection.IN, ReferralState.SENT)
            : Referral.list("direction = ?1 and state = ?2 and beneficiaryId in "
                    + "(select c.beneficiaryId from BeneficiaryCase c where c.assignedTo = ?3) "
                    + "order by createdAt desc, id desc",
                ReferralDirection.IN, ReferralState.SENT, caller.subject());
        audit.record(AuditEvent.of("referral.incoming", RESOURCE, caller.subject())
            .withPurpose(caller.isAdmin() ? "administration" : "casework").withDetail("count", waiting.size()));
        return waiting.stream().map(r -> new ReferralWithHistory(r, history(r.id))).toList();
    }

    @Transactional
    public ReferralWithHistory create(UUID beneficiaryId, CaseworkDtos.CreateReferral request) {
        Grant grant = access.casework(beneficiaryId, RESOURCE, "referral.create");
        Agency agency = ConsentService.agency("agency", request.agency());
        if (request.direction() == ReferralDirection.OUT) {
            requireConsent(grant, agency, "referral.create");
        }
        Referral referral = Referral.create(beneficiaryId, request.direction(), agency, request.purpose(),
            grant.username(), Instant.now(clock));
        referral.persist();
        referral.created().persist();
        access.audit(grant, AuditEvent.of("referral.create", RESOURCE, beneficiaryId)
            .withDetail("referralId", referral.id).withDetail("direction", referral.direction)
            .withDetail("state", referral.state));
        return new ReferralWithHistory(referral, history(referral.id));
    }

    @Transactional
    public ReferralWithHistory get(UUID beneficiaryId, UUID referralId) {
        Grant grant = access.casework(beneficiaryId, RESOURCE, "referral.read");
        Referral referral = find(beneficiaryId, referralId);
        access.audit(grant, AuditEvent.of("referral.read", RESOURCE, beneficiaryId)
            .withDetail("referralId", referralId));
        return new ReferralWithHistory(referral, history(referral.id));
    }

    @Transactional
    public ReferralWithHistory move(UUID beneficiaryId, UUID referralId, long expectedVersion,
            CaseworkDtos.MoveReferral request) {
        Grant grant = access.casework(beneficiaryId, RESOURCE, "referral.move");
        Referral referral = find(beneficiaryId, referralId);
        if (referral.version != expectedVersion) {
            throw ProblemException.preconditionFailed();
        }
        if (!referral.state.canMoveTo(request.state())) {
            throw ProblemException.conflict("referral-transition", referral.state, request.state());
        }
        if (referral.sharesOnMoveTo(request.state())) {
            requireConsent(grant, referral.agency(), "referral.move");
        }
        ReferralState from = referral.state;
        referral.moveTo(request.state(), grant.username(), Instant.now(clock)).persist();
        ReferralAnswered.of(referral).ifPresent(outbox::append);
        int delivered = 0;
        if (referral.sharesOnMoveTo(referral.state)) {
            disclosures.share(beneficiaryId, ConsentPurpose.SHARE_WITH_AGENCY, referral.agency(), "referral",
                "agency:" + referral.agency().key(), referral.id.toString());
            Referral.getEntityManager().flush();
            delivered = delivery.sent(referral, Beneficiary.findById(beneficiaryId)).size();
        } else {
            Referral.getEntityManager().flush();
            delivery.moved(referral);
        }
        access.audit(grant, AuditEvent.of("referral.move", RESOURCE, beneficiaryId)
            .withDetail("referralId", referral.id).withDetail("from", from).withDetail("to", referral.state)
            .withDetail("callbacks", delivered));
        return new ReferralWithHistory(referral, history(referral.id));
    }

    /** A refused share stays recorded although the request is rolled back. */
    private void requireConsent(Grant grant, Agency agency, String action) {
        if (!consents.hasActive(grant.beneficiaryId(), ConsentPurpose.SHARE_WITH_AGENCY, agency)) {
            audit.recordInNewTransaction(AuditEvent.of(action, RESOURCE, grant.beneficiaryId())
                .withOutcome(AuditEvent.Outcome.DENIED).withPurpose(grant.basis().purpose())
                .withDetail("refused", "no active consent to share with the agency"));
            throw ProblemException.conflict("consent-required");
        }
    }

    private static Referral find(UUID beneficiaryId, UUID referralId) {
        return Referral.<Referral>findByIdOptional(referralId)
            .filter(r -> r.beneficiaryId.equals(beneficiaryId))
            .orElseThrow(() -> ProblemException.notFound("referral", referralId));
    }

    static List<ReferralTransition> history(UUID referralId) {
        return ReferralTransition.list("referralId = ?1 order by at", referralId);
    }
}
