package ir.tehran.womenfamily.registry.access;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.events.DomainEvent;
import ir.tehran.womenfamily.support.events.Outbox;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Caller;
import ir.tehran.womenfamily.support.security.Callers;
import ir.tehran.womenfamily.support.tracing.RequestIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Who may open a woman's casework and her sensitive facts (need to know, OWASP API1). Built on
 * {@link WomanAccess}: whoever may not see the woman at all is refused there, before these stricter rules:
 * <ul>
 * <li>sensitive facts (cohorts, case notes): her assigned caseworker; an admin only through
 * break-glass, with a reason in {@value #BREAK_GLASS_HEADER}, recorded, audited and announced;</li>
 * <li>casework (case, assignments, referrals): her assigned caseworker, or an admin;</li>
 * <li>a caseworker assigned to a woman outside her districts may see her and her casework (the
 * assignment is the need to know; see {@link WomanAccess});</li>
 * <li>anyone else gets 404, exactly as for a woman who does not exist, so the answer does not reveal
 * that she is registered, has a case, or has sensitive facts.</li>
 * </ul>
 * Every decision is audited; a refusal in a transaction of its own, so it stays recorded although the
 * caller's work is rolled back.
 */
@ApplicationScoped
public class SensitiveAccess {

    public static final String BREAK_GLASS_HEADER = "X-Break-Glass-Reason";
    public static final int MIN_REASON = 10;
    public static final int MAX_REASON = 1000;
    private static final Pattern PERCENT_ENCODED = Pattern.compile("%[0-9A-Fa-f]{2}");

    @Inject
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    Audit audit;

    @Inject
    Outbox outbox;

    @Inject
    WomanAccess women;

    @Inject
    Clock clock;

    /**
     * Opens sensitive facts ({@code resourceType}, such as {@code beneficiary.cohorts}) of a woman for
     * the caller, or throws: 400 when an admin gave no usable reason, 404 for everyone else.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Grant sensitive(UUID beneficiaryId, String resourceType, String action, String breakGlassReason) {
        Grant seen = women.require(beneficiaryId, resourceType, action);
        Caller actor = seen.actor();
        if (seen.basis() == Grant.Basis.ASSIGNED) {
            return seen;
        }
        if (seen.basis() != Grant.Basis.ADMIN) {
            throw refuse(beneficiaryId, resourceType, action);
        }
        String reason = decode(breakGlassReason);
        if (reason == null || reason.length() < MIN_REASON || reason.length() > MAX_REASON) {
            audit.recordInNewTransaction(AuditEvent.of(action, resourceType, beneficiaryId)
                .withOutcome(AuditEvent.Outcome.DENIED).withPurpose(Grant.Basis.BREAK_GLASS.purpose())
                .withDetail("refused", "no usable break-glass reason"));
            throw ProblemException.invalid(BREAK_GLASS_HEADER, "validation.break-glass-reason", MIN_REASON,
                MAX_REASON);
        }
        return new Grant(beneficiaryId, actor, Grant.Basis.BREAK_GLASS, breakGlass(beneficiaryId, actor,
            resourceType, reason));
    }

    /** Opens a woman's casework (not her sensitive facts) for her assigned caseworker or an admin; else 404. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Grant casework(UUID beneficiaryId, String resourceType, String action) {
        Grant seen = women.require(beneficiaryId, resourceType, action);
        if (seen.basis() == Grant.Basis.ASSIGNED || seen.basis() == Grant.Basis.ADMIN) {
            return seen;
        }
        throw refuse(beneficiaryId, resourceType, action);
    }

    /**
     * Records what the granted caller did, in the caller's transaction; call it last. {@code event}
     * carries the action and its non-sensitive detail; the basis becomes the purpose.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void audit(Grant grant, AuditEvent event) {
        women.audit(grant, event);
    }

    /** The username of her assigned caseworker or counsellor, if she has a case. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> assignee(UUID beneficiaryId) {
        @SuppressWarnings("unchecked")
        List<String> found = em.createNativeQuery("select assigned_to from beneficiary_case where beneficiary_id = ?")
            .setParameter(1, beneficiaryId).getResultList();
        return found.stream().findFirst();
    }

    /** She exists and the caller may see her (WomanAccess said so), but not this: the same 404, DENIED. */
    private ProblemException refuse(UUID beneficiaryId, String resourceType, String action) {
        audit.recordInNewTransaction(AuditEvent.of(action, resourceType, beneficiaryId)
            .withOutcome(AuditEvent.Outcome.DENIED));
        return ProblemException.notFound("beneficiary", beneficiaryId);
    }

    private Grant.BreakGlass breakGlass(UUID beneficiaryId, Caller actor, String resourceType, String reason) {
        BreakGlassAccess access = new BreakGlassAccess();
        access.id = UUID.randomUUID();
        access.at = Instant.now(clock);
        access.actor = actor.subject();
        access.clientId = actor.clientId();
        access.resourceType = resourceType;
        access.beneficiaryId = beneficiaryId;
        access.reason = reason;
        access.reasonSha256 = sha256(access.id + "\n" + reason);
        access.requestId = RequestIds.current();
        access.persist();
        outbox.append(DomainEvent.of(BreakGlassUsed.AGGREGATE, access.id, BreakGlassUsed.TYPE, 1,
            new BreakGlassUsed(access.id, access.actor, access.clientId, resourceType, access.at,
                Days.jalali(access.at), reason.length())));
        return new Grant.BreakGlass(access.id, access.reasonSha256);
    }

    /** Trimmed; percent-encoding (for Persian text, which HTTP headers cannot carry raw) is decoded. */
    static String decode(String header) {
        if (header == null) {
            return null;
        }
        String value = header;
        if (PERCENT_ENCODED.matcher(value).find()) {
            try {
                value = URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                value = header;
            }
        }
        value = value.strip();
        return value.isEmpty() ? null : value;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
