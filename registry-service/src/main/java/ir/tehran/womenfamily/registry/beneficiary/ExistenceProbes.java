package ir.tehran.womenfamily.registry.beneficiary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Caller;
import ir.tehran.womenfamily.support.security.Callers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Registering a national code is an existence check: the code is unique, so a 409 says that she is in the
 * register. For a woman the caller may not see, that answer is an oracle. Each such attempt is recorded in
 * the audit log as {@code beneficiary.register} DENIED (in a transaction of its own, so it stays although
 * the registration fails), and the audit log is the counter: a caller with {@code capacity} such attempts in
 * the last {@code period} is refused every registration (429) until older ones fall out of the window. The
 * count lives in the database, so every replica sees the same one.
 */
@ApplicationScoped
public class ExistenceProbes {

    static final String ACTION = "beneficiary.register";
    static final String REASON_OUTSIDE = "national code registered to a woman outside the caller's reach";
    static final String REASON_LIMIT = "too many registrations of codes outside the caller's reach";

    /** How many refused existence checks a caller may make in a period. */
    @ConfigMapping(prefix = "registry.existence-probes")
    public interface Limits {

        /** Refused attempts allowed per caller in one period. */
        @WithDefault("10")
        int capacity();

        /** The sliding window over which they are counted. */
        @WithDefault("PT1H")
        Duration period();
    }

    @Inject
    Limits limits;

    @Inject
    EntityManager em;

    @Inject
    Audit audit;

    @Inject
    Callers callers;

    @Inject
    Clock clock;

    /** Throws a 429 (recorded as DENIED) when the caller has used up her refused existence checks. */
    public void requireWithinLimit(Caller actor) {
        if (actor.isAdmin()) {
            return; // an admin sees every woman, so she is never refused the existing id
        }
        String subject = callers.current().subject();
        Instant since = Instant.now(clock).minus(limits.period());
        long used = ((Number) em.createNativeQuery("select count(*) from audit_entry where actor = ?1 "
                + "and action = ?2 and outcome = 'DENIED' and at > ?3")
            .setParameter(1, subject).setParameter(2, ACTION)
            .setParameter(3, OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
            .getSingleResult()).longValue();
        if (used >= limits.capacity()) {
            audit.recordInNewTransaction(AuditEvent.of(ACTION, Beneficiary.AGGREGATE, null)
                .withOutcome(AuditEvent.Outcome.DENIED).withDetail("reason", REASON_LIMIT));
            throw new ProblemException(429, "existence-probes-exhausted", limits.period().toMinutes());
        }
    }

    /** Records a refused existence check of the woman {@code existing} (her id goes to the admins' log only). */
    public void recordDenied(UUID existing) {
        audit.recordInNewTransaction(AuditEvent.of(ACTION, Beneficiary.AGGREGATE, existing)
            .withOutcome(AuditEvent.Outcome.DENIED).withDetail("reason", REASON_OUTSIDE));
    }
}
