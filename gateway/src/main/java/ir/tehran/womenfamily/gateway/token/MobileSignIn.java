package ir.tehran.womenfamily.gateway.token;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.quarkus.scheduler.Scheduled;
import ir.tehran.womenfamily.gateway.GatewayConfig;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.persian.PersianText;
import ir.tehran.womenfamily.support.security.Caller;
import ir.tehran.womenfamily.support.sms.SmsException;
import ir.tehran.womenfamily.support.sms.SmsSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Sign-in with a mobile number and a one-time code, for a woman (role {@link Roles#WOMAN}). Every valid mobile
 * number gets a code, whether the register knows it or not (a woman not yet in the register signs in to join the
 * campaign), so requesting a code says nothing about who is registered; the register is asked only after a right
 * code ({@link RegistryLookup}), and its answer becomes the {@code beneficiary_id} claim.
 *
 * <ul>
 * <li>A code is {@code gateway.mobile-sign-in.code-length} random digits, valid for {@code code-lifetime}, used
 * once; a new code for the number retires the previous ones; after {@code max-attempts} wrong tries it is spent.</li>
 * <li>At rest the number is an HMAC ({@link #mobileHash}) and the code an HMAC with its row's id: a copy of the
 * database gives neither numbers nor codes. Neither is ever logged (a log line shows no number at all).</li>
 * <li>Within {@code window}: at most {@code max-codes-per-number} codes per number (flooding her phone), at most
 * {@code max-codes-per-address} codes requested per source address (enumerating or flooding many numbers), at most
 * {@code max-failures-per-address} wrong codes per source address (guessing across numbers).</li>
 * </ul>
 * A woman who signed in is a {@link StaffUser} named {@code woman:<mobile hash>}, with no usable password, so her
 * refresh tokens rotate like everyone's; her {@code beneficiary_id} is refreshed from the register at each sign-in.
 */
@ApplicationScoped
public class MobileSignIn {

    /** The extension grant (RFC 6749 §4.5) of the token endpoint that redeems a code. */
    public static final String GRANT_TYPE = "urn:women-family:params:oauth:grant-type:mobile-code";

    static final String PURGE_JOB = "mobile-code-purge";
    static final String USER_PREFIX = "woman:";
    /** A password hash no password matches: she signs in with codes only. */
    static final String NO_PASSWORD = "!";

    private static final Logger LOG = Logger.getLogger(MobileSignIn.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Clock clock;

    @Inject
    GatewayConfig config;

    @Inject
    EntityManager em;

    @Inject
    SmsSender sms;

    @Inject
    SigningKeys keys;

    @Inject
    RegistryLookup registry;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    Audit audit;

    private volatile SecretKeySpec key;

    /** A request for a code: sent (or silently not, for the same answer), or refused until {@code retryAfter}. */
    public record CodeRequest(boolean limited, Duration retryAfter) {
    }

    /**
     * Sends a code to {@code mobile} (E.164) unless a limit of the number or of the source address is reached. The
     * answer is the same for every number; a provider's failure is logged (without the number) and not told.
     */
    @Transactional
    public CodeRequest request(String mobile, String source) {
        Instant now = Instant.now(clock);
        var c = config.mobileSignIn();
        Instant since = now.minus(c.window());
        String mobileHash = mobileHash(mobile);
        // one request per number at a time, so two at once cannot both slip under the number's limit
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, mobileHash)
            .getSingleResult();
        Optional<Instant> byNumber = limit("select created_at from mobile_code where mobile_hash = ?1 "
            + "and created_at > ?2 order by created_at", mobileHash, since, c.maxCodesPerNumber());
        Optional<Instant> byAddress = limit("select created_at from mobile_code where source = ?1 "
            + "and created_at > ?2 order by created_at", source, since, c.maxCodesPerAddress());
        if (byNumber.isPresent() || byAddress.isPresent()) {
            // free again when the oldest code of the window leaves it (the later of the two when both are full)
            Instant oldest = byNumber.orElse(Instant.MIN);
            if (byAddress.isPresent() && byAddress.get().isAfter(oldest)) {
                oldest = byAddress.get();
            }
            Duration retry = Duration.between(now, oldest.plus(c.window()));
            LOG.infof("one-time code refused: the limit of the %s is reached", byNumber.isPresent() ? "number"
                : "source address");
            return new CodeRequest(true, retry.isNegative() ? Duration.ofSeconds(1) : retry);
        }
        em.createNativeQuery("update mobile_code set used_at = ?2 where mobile_hash = ?1 and used_at is null")
            .setParameter(1, mobileHash).setParameter(2, now).executeUpdate();
        String code = newCode(c.codeLength());
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into mobile_code (id, mobile_hash, code_hash, source, created_at, expires_at) "
            + "values (?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, id).setParameter(2, mobileHash)
            .setParameter(3, codeHash(id, code)).setParameter(4, source).setParameter(5, now)
            .setParameter(6, now.plus(c.codeLifetime())).executeUpdate();
        try {
            sms.sendCode(mobile, code, "کد ورود شما: " + code + "\nYour sign-in code: " + code);
        } catch (SmsException e) {
            LOG.warnf("one-time code not sent: %s", e.getMessage());
        }
        return new CodeRequest(false, null);
    }

    /** The outcome of a code presented at the token endpoint. */
    public enum Outcome {
        SIGNED_IN, REFUSED, REGISTRY_UNAVAILABLE
    }

    /**
     * On {@link Outcome#SIGNED_IN}: her account (with her {@code beneficiary_id}) and, from {@link #verify}, her first
     * refresh token.
     */
    public record Verification(Outcome outcome, StaffUser user, String refreshToken) {

        static Verification of(Outcome outcome) {
            return new Verification(outcome, null, null);
        }
    }

    /**
     * The token endpoint's grant: {@link #authenticate} and, on success, her first refresh token of a new login.
     */
    @Transactional
    public Verification verify(String mobile, String code, String source, String clientId) {
        Verification v = authenticate(mobile, code, source, clientId, "token");
        return v.outcome() != Outcome.SIGNED_IN ? v
            : new Verification(Outcome.SIGNED_IN, v.user(), refreshTokens.startFamily(v.user(), clientId));
    }

    /**
     * Redeems a code: the newest live code of the number, if it is right and has tries left, the source address
     * has not guessed too often, and the register answers. Every refusal is the same {@link Outcome#REFUSED}. On
     * success her account (made at her first sign-in) with her {@code beneficiary_id} refreshed, and no login yet:
     * the token endpoint starts one at once ({@link #verify}), the sign-in page when the app redeems the
     * authorization code it sends ({@link AuthorizationCodes#redeem}). The code may be typed in Persian or Arabic
     * digits. {@code via} names the path for the audit entry ({@code token} or {@code authorize}).
     */
    @Transactional
    public Verification authenticate(String mobile, String typed, String source, String clientId, String via) {
        String code = typed == null ? null : PersianText.latinDigits(typed.strip());
        Instant now = Instant.now(clock);
        var c = config.mobileSignIn();
        Number failures = (Number) em.createNativeQuery("select count(*) from mobile_code_failure "
            + "where source = ?1 and failed_at > ?2").setParameter(1, source)
            .setParameter(2, now.minus(c.window())).getSingleResult();
        if (failures.intValue() >= c.maxFailuresPerAddress()) {
            failed(source, now);
            LOG.infof("one-time code refused: too many wrong codes from %s", source);
            return Verification.of(Outcome.REFUSED);
        }
        String mobileHash = mobileHash(mobile);
        List<?> rows = em.createNativeQuery("select id, code_hash, attempts from mobile_code where mobile_hash = ?1 "
            + "and used_at is null and expires_at > ?2 order by created_at desc limit 1 for update")
            .setParameter(1, mobileHash).setParameter(2, now).getResultList();
        if (rows.isEmpty()) {
            failed(source, now);
            return Verification.of(Outcome.REFUSED);
        }
        Object[] row = (Object[]) rows.get(0);
        UUID id = (UUID) row[0];
        int attempts = ((Number) row[2]).intValue();
        boolean right = code != null && MessageDigest.isEqual(codeHash(id, code).getBytes(StandardCharsets.UTF_8),
            ((String) row[1]).getBytes(StandardCharsets.UTF_8));
        if (!right || attempts >= c.maxAttempts()) {
            em.createNativeQuery("update mobile_code set attempts = attempts + 1, used_at = case when attempts + 1 "
                + ">= ?2 then ?3 else used_at end where id = ?1").setParameter(1, id).setParameter(2, c.maxAttempts())
                .setParameter(3, now).executeUpdate();
            failed(source, now);
            return Verification.of(Outcome.REFUSED);
        }
        Optional<String> beneficiary;
        try {
            beneficiary = registry.beneficiaryOf(mobile);
        } catch (RegistryLookup.LookupFailed e) {
            LOG.warnf("sign-in with a code: the registry did not answer (%s)", e.getMessage());
            return Verification.of(Outcome.REGISTRY_UNAVAILABLE);
        }
        em.createNativeQuery("update mobile_code set used_at = ?2 where id = ?1").setParameter(1, id)
            .setParameter(2, now).executeUpdate();
        String username = USER_PREFIX + mobileHash;
        StaffUser user = StaffUser.findById(username);
        if (user == null) {
            user = new StaffUser();
            user.username = username;
            user.passwordHash = NO_PASSWORD;
            user.roles = new String[] {Roles.WOMAN};
            user.createdAt = now;
            user.persist();
        }
        if (!user.active) {
            return Verification.of(Outcome.REFUSED);
        }
        user.beneficiaryId = beneficiary.orElse(null);
        audit.record(AuditEvent.of("mobile-sign-in", "user", username).withPurpose("authentication")
            .withDetail("registered", beneficiary.isPresent()).withDetail("client", clientId).withDetail("via", via));
        return new Verification(Outcome.SIGNED_IN, user, null);
    }

    private void failed(String source, Instant now) {
        em.createNativeQuery("insert into mobile_code_failure (source, failed_at) values (?1, ?2)")
            .setParameter(1, source).setParameter(2, now).executeUpdate();
    }

    /** When the {@code max}-th row of the window was made, if there are {@code max} already (the limit is reached). */
    private Optional<Instant> limit(String sql, String key, Instant since, int max) {
        List<?> times = em.createNativeQuery(sql).setParameter(1, key).setParameter(2, since).setMaxResults(max)
            .getResultList();
        return times.size() < max ? Optional.empty() : Optional.of(instant(times.get(0)));
    }

    @Scheduled(every = "1h", delayed = "9m", identity = PURGE_JOB,
        concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        purge(Instant.now(clock).minus(config.mobileSignIn().window()));
    }

    /** Drops the codes and failures older than {@code cutoff} (past every limit's window and every code's life). */
    @Transactional
    long purge(Instant cutoff) {
        int codes = em.createNativeQuery("delete from mobile_code where created_at < ?1 and expires_at < ?1")
            .setParameter(1, cutoff).executeUpdate();
        int failures = em.createNativeQuery("delete from mobile_code_failure where failed_at < ?1")
            .setParameter(1, cutoff).executeUpdate();
        if (codes + failures > 0) {
            audit.record(Caller.system(PURGE_JOB), AuditEvent.of("housekeeping.mobile-code.purge", "mobile-code",
                null).withPurpose("job:" + PURGE_JOB).withDetail("rows", codes + failures)
                .withDetail("cutoff", cutoff));
        }
        return codes + failures;
    }

    /** The number as stored: HMAC-SHA-256 under the gateway's key, hex. */
    String mobileHash(String e164) {
        return hmac("mobile:" + e164);
    }

    private String codeHash(UUID id, String code) {
        return hmac("code:" + id + ":" + code);
    }

    private String hmac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            byte[] material = config.mobileSignIn().hashKey()
                .map(s -> s.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> derived(keys.privateKey().getEncoded()));
            if (material.length < 32) {
                throw new IllegalStateException("gateway.mobile-sign-in.hash-key needs at least 32 characters");
            }
            k = new SecretKeySpec(material, "HmacSHA256");
            key = k;
        }
        return k;
    }

    private static byte[] derived(byte[] signingKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("women-family mobile sign-in".getBytes(StandardCharsets.UTF_8));
            return sha.digest(Base64.getEncoder().encode(signingKey));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newCode(int length) {
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append(RANDOM.nextInt(10));
        }
        return code.toString();
    }

    private static Instant instant(Object value) {
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
