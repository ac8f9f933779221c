package ir.tehran.womenfamily.gateway.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.quarkus.scheduler.Scheduled;
import ir.tehran.womenfamily.gateway.GatewayConfig;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * The login throttle: refused password attempts counted per account <em>and</em> source address, with delays that
 * grow ({@link Backoff}: from the {@code gateway.security.max-failed-attempts}-th refused attempt on,
 * {@code gateway.security.throttle-initial-delay}, doubling, at most {@code gateway.security.lockout-duration}).
 * While a pair is delayed every attempt from it is refused and counted, whatever the password, so the delay keeps
 * growing under a guesser and the answer never depends on the password. Another address is not affected: nobody
 * can lock a person out of her own account from elsewhere.
 *
 * <p>Names that exist and names that do not are counted alike (the same row, the same writes, the same audit
 * entry), so the throttle says nothing about which accounts exist. The account is stored as the SHA-256 of the
 * name tried. Each refused attempt that starts or lengthens a delay is recorded in the gateway's audit log
 * ({@code login.throttle}, {@code DENIED}: the source, the count, the delay, and the username only when the account
 * exists). A success from a pair clears its count. Rows idle for a day are purged hourly.
 */
@ApplicationScoped
public class LoginThrottle {

    static final String PURGE_JOB = "login-throttle-purge";
    static final Duration IDLE = Duration.ofDays(1);

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class);

    @Inject
    Clock clock;

    @Inject
    GatewayConfig config;

    @Inject
    EntityManager em;

    @Inject
    Audit audit;

    /** The name tried and the source address key ({@code SourceAddress.key}). */
    public record Key(String username, String source) {
    }

    /** What a refused attempt did: the consecutive count, and until when the pair is delayed now (or null). */
    public record Failure(int failures, Instant blockedUntil) {
    }

    Backoff backoff() {
        var s = config.security();
        return new Backoff(s.maxFailedAttempts(), s.throttleInitialDelay(), s.lockoutDuration());
    }

    /** Until when attempts of this pair are delayed, if they are now; locks the pair's row for the transaction. */
    @Transactional
    public Optional<Instant> blockedUntil(Key key, Instant now) {
        List<?> rows = em.createNativeQuery("select blocked_until from login_throttle "
            + "where account = ?1 and source = ?2 for update")
            .setParameter(1, account(key.username())).setParameter(2, key.source()).getResultList();
        return rows.stream().map(LoginThrottle::instant).filter(t -> t != null && t.isAfter(now)).findFirst();
    }

    /**
     * Counts a refused attempt of the pair; {@code knownUser} is the username when the account exists (for the
     * audit entry), else null; {@code via} names the path ({@code token}, {@code password-change}).
     */
    @Transactional
    public Failure failed(Key key, Instant now, String knownUser, String via) {
        Object counted = em.createNativeQuery("insert into login_throttle "
            + "(account, source, failures, last_failure_at) values (?1, ?2, 1, ?3) "
            + "on conflict (account, source) do update set failures = login_throttle.failures + 1, "
            + "last_failure_at = excluded.last_failure_at returning failures")
            .setParameter(1, account(key.username())).setParameter(2, key.source()).setParameter(3, now)
            .getSingleResult();
        int failures = ((Number) counted).intValue();
        Duration delay = backoff().after(failures);
        if (delay.isZero()) {
            return new Failure(failures, null);
        }
        Instant until = now.plus(delay);
        em.createNativeQuery("update login_throttle set blocked_until = ?3 where account = ?1 and source = ?2")
            .setParameter(1, account(key.username())).setParameter(2, key.source()).setParameter(3, until)
            .executeUpdate();
        audit.record(AuditEvent.of("login.throttle", "user", knownUser).withPurpose("authentication")
            .withOutcome(AuditEvent.Outcome.DENIED).withDetail("via", via).withDetail("source", key.source())
            .withDetail("failures", failures).withDetail("delaySeconds", delay.toSeconds())
            .withDetail("knownAccount", knownUser != null));
        LOG.warnf("login throttled: %d refused attempts from %s for %s, delayed %d s", failures, key.source(),
            knownUser == null ? "an unknown name" : knownUser, delay.toSeconds());
        return new Failure(failures, until);
    }

    /** A success from the pair: its count starts again. */
    @Transactional
    public void succeeded(Key key) {
        em.createNativeQuery("delete from login_throttle where account = ?1 and source = ?2")
            .setParameter(1, account(key.username())).setParameter(2, key.source()).executeUpdate();
    }

    /** Lifts every delay of the account (an admin reset her password). */
    @Transactional
    public int clear(String username) {
        return em.createNativeQuery("delete from login_throttle where account = ?1").setParameter(1, account(username))
            .executeUpdate();
    }

    /** The latest end of a delay of the account from any address, if one lasts at {@code now} (the admin's view). */
    @Transactional
    public Optional<Instant> throttledUntil(String username, Instant now) {
        Object latest = em.createNativeQuery("select max(blocked_until) from login_throttle where account = ?1 "
            + "and blocked_until > ?2").setParameter(1, account(username)).setParameter(2, now).getSingleResult();
        return Optional.ofNullable(instant(latest));
    }

    @Scheduled(every = "1h", delayed = "7m", identity = PURGE_JOB,
        concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        purge(Instant.now(clock).minus(IDLE));
    }

    /** Drops the pairs idle since before {@code cutoff} and no longer delayed; one audit entry when it dropped any. */
    @Transactional
    long purge(Instant cutoff) {
        int deleted = em.createNativeQuery("delete from login_throttle where last_failure_at < ?1 "
            + "and (blocked_until is null or blocked_until < ?1)").setParameter(1, cutoff).executeUpdate();
        if (deleted > 0) {
            audit.record(Caller.system(PURGE_JOB), AuditEvent.of("housekeeping.login-throttle.purge", "login-throttle",
                null).withPurpose("job:" + PURGE_JOB).withDetail("rows", deleted).withDetail("cutoff", cutoff));
        }
        return deleted;
    }

    static String account(String username) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(username.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp " + value.getClass());
    }
}
