package ir.tehran.womenfamily.registry.casework;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import ir.tehran.womenfamily.registry.beneficiary.Beneficiary;
import ir.tehran.womenfamily.registry.beneficiary.NationalCode;
import ir.tehran.womenfamily.registry.consent.Agency;
import ir.tehran.womenfamily.registry.dci.AgencyDirectory;
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
 * Referrals as an agency sees them, through its own client. An agency's referrals are those out to its agency
 * (once sent: a proposed one has not left the directorate) and those it sent in itself; any other id is a 404
 * like an id nobody has. It answers a referral out (SENT → ACCEPTED or DECLINED, ACCEPTED → COMPLETED) over
 * the version it read, and refers a registered woman to the directorate. Each move is written to the
 * referral's history under {@code agency:<client>} and audited on her record.
 */
@ApplicationScoped
public class AgencyReferralService {

    /** The scope an agency client needs to read and answer its referrals and to send one in. */
    public static final String SCOPE = "registry.referrals";
    static final Set<ReferralState> AGENCY_MOVES =
        Set.of(ReferralState.ACCEPTED, ReferralState.DECLINED, ReferralState.COMPLETED);

    @Inject
    AgencyDirectory directory;

    @Inject
    Callers callers;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    /** The calling client's agency; none for a client no agency is registered for (then nothing is its own). */
    Optional<Agency> agency(Caller caller) {
        return Optional.ofNullable(directory.agencyOf(caller.clientId()));
    }

    /** The referrals the calling agency may see, newest first. */
    @Transactional
    public List<ReferralService.ReferralWithHistory> list() {
        Caller caller = callers.current();
        Agency agency = agency(caller).orElse(null);
        List<Referral> own = agency == null ? List.of() : Referral.<Referral>list(
                "(direction = ?1 and agencyKind = ?2 and state <> ?3) or agencyClient = ?4 "
                    + "order by createdAt desc, id desc",
                ReferralDirection.OUT, agency.kind(), ReferralState.PROPOSED, caller.clientId())
            .stream().filter(r -> isOwn(r, agency, caller)).toList();
        audit.record(AuditEvent.of("referral.agency-list", ReferralService.RESOURCE, caller.clientId())
            .withPurpose("inter-agency-referral").withDetail("count", own.size()));
        return own.stream().map(r -> new ReferralService.ReferralWithHistory(r, ReferralService.history(r.id)))
            .toList();
    }

    /** One of the calling agency's referrals; 404 for any other. */
    @Transactional
    public ReferralService.ReferralWithHistory get(UUID referralId) {
        Caller caller = callers.current();
        Referral referral = own(referralId, caller);
        audit.record(AuditEvent.of("referral.agency-read", ReferralService.RESOURCE, referral.beneficiaryId)
            .withPurpose("inter-agency-referral").withDetail("referralId", referral.id)
            .withDetail("client", caller.clientId()));
        return new ReferralService.ReferralWithHistory(referral, ReferralService.history(referral.id));
    }

    /**
     * The agency answers a referral out to it: 412 unless {@code expectedVersion} is its version, 409
     * {@code referral-transition} for a move its state does not allow or a referral the agency sent in itself
     * (the directorate answers those).
     */
    @Transactional
    public ReferralService.ReferralWithHistory move(UUID referralId, long expectedVersion, ReferralState target) {
        Caller caller = callers.current();
        Referral referral = own(referralId, caller);
        if (referral.version != expectedVersion) {
            throw ProblemException.preconditionFailed();
        }
        if (referral.direction != ReferralDirection.OUT || !AGENCY_MOVES.contains(target)
                || !referral.state.canMoveTo(target)) {
            throw ProblemException.conflict("referral-transition", referral.state, target);
        }
        ReferralState from = referral.state;
        referral.moveTo(target, actor(caller), Instant.now(clock)).persist();
        ReferralAnswered.of(referral).ifPresent(outbox::append);
        audit.record(AuditEvent.of("referral.agency-move", ReferralService.RESOURCE, referral.beneficiaryId)
            .withPurpose("inter-agency-referral").withDetail("referralId", referral.id)
            .withDetail("client", caller.clientId()).withDetail("from", from).withDetail("to", target));
        Referral.getEntityManager().flush();
        return new ReferralService.ReferralWithHistory(referral, ReferralService.history(referral.id));
    }

    /**
     * An agency refers a registered woman to the directorate: a referral in, SENT, on her record, where her
     * assigned caseworker (or an admin) sees and answers it. A code that is not a registered woman's is 404
     * {@code beneficiary}: the agencies' enrolment check already answers that much, so it tells nothing more.
     */
    @Transactional
    public ReferralService.ReferralWithHistory referIn(CaseworkDtos.AgencyReferralIn request) {
        Caller caller = callers.current();
        Agency agency = agency(caller).orElseThrow(() -> new ProblemException(403, "agency-unknown"));
        Optional<Beneficiary> woman = NationalCode.canonical(request.nationalCode())
            .flatMap(code -> Beneficiary.<Beneficiary>find("nationalCode", code).firstResultOptional());
        Beneficiary her = woman.map(AgencyReferralService::survivor)
            .orElseThrow(() -> ProblemException.notFound("beneficiary", request.nationalCode()));
        Referral referral = Referral.create(her.id, ReferralDirection.IN, agency, request.purpose(), actor(caller),
            Instant.now(clock));
        referral.agencyClient = caller.clientId();
        referral.persist();
        referral.created().persist();
        audit.record(AuditEvent.of("referral.agency-create", ReferralService.RESOURCE, her.id)
            .withPurpose("inter-agency-referral").withDetail("referralId", referral.id)
            .withDetail("client", caller.clientId()).withDetail("purpose", referral.purpose));
        return new ReferralService.ReferralWithHistory(referral, ReferralService.history(referral.id));
    }

    private static Beneficiary survivor(Beneficiary b) {
        Beneficiary current = b;
        while (current.isMerged()) {
            current = Beneficiary.findById(current.mergedInto);
        }
        return current;
    }

    static String actor(Caller caller) {
        return "agency:" + caller.clientId();
    }

    private Referral own(UUID referralId, Caller caller) {
        Optional<Agency> agency = agency(caller);
        return Referral.<Referral>findByIdOptional(referralId)
            .filter(r -> agency.isPresent() && isOwn(r, agency.get(), caller))
            .orElseThrow(() -> ProblemException.notFound("referral", referralId));
    }

    /** Out to its agency once sent, or sent in by this client. */
    static boolean isOwn(Referral r, Agency agency, Caller caller) {
        if (r.direction == ReferralDirection.IN) {
            return caller.clientId() != null && caller.clientId().equals(r.agencyClient);
        }
        return r.state != ReferralState.PROPOSED && r.agency().key().equals(agency.key());
    }
}
