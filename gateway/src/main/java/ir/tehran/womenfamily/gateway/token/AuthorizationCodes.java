package ir.tehran.womenfamily.gateway.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

import io.quarkus.scheduler.Scheduled;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * The one-time codes of the authorization code grant with PKCE (RFC 7636, S256 only; OAuth 2.1 §4.1): 256 random
 * bits, stored hashed, valid for {@link #LIFETIME}, bound to the client, the redirect URI and the challenge. A code
 * is redeemed once; a second redemption is refused and revokes every token issued from the first (RFC 6749
 * §4.1.2), since the code was stolen or the app replays it.
 */
@ApplicationScoped
public class AuthorizationCodes {

    /** How long a code may wait for its redemption: the app redeems it at once. */
    static final Duration LIFETIME = Duration.ofSeconds(60);

    /** RFC 7636 §4.1: 43 to 128 characters of the unreserved set. */
    static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    /** The BASE64URL of a SHA-256, without padding: 43 characters. */
    static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private static final Logger LOG = Logger.getLogger(AuthorizationCodes.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Clock clock;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    Audit audit;

    /** A new code for the person, to be sent to {@code redirectUri}; returns its value (stored only hashed). */
    @Transactional
    public String issue(String clientId, String username, String redirectUri, String challenge) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = Instant.now(clock);
        AuthorizationCode code = new AuthorizationCode();
        code.codeHash = RefreshTokens.hash(value);
        code.clientId = clientId;
        code.username = username;
        code.redirectUri = redirectUri;
        code.codeChallenge = challenge;
        code.issuedAt = now;
        code.expiresAt = now.plus(LIFETIME);
        code.persist();
        return value;
    }

    /**
     * Redeems a code presented by {@code clientId} with {@code redirectUri} and {@code verifier}. On success the
     * code is used up and a new login (refresh token family) is started for the person; a code already redeemed
     * revokes that login.
     */
    @Transactional
    public Redemption redeem(String presented, String clientId, String redirectUri, String verifier) {
        Instant now = Instant.now(clock);
        AuthorizationCode code = AuthorizationCode.findById(RefreshTokens.hash(presented),
            LockModeType.PESSIMISTIC_WRITE);
        if (code == null || !code.clientId.equals(clientId)) {
            return Redemption.refused(Outcome.UNKNOWN);
        }
        if (code.redeemedAt != null) {
            int revoked = code.refreshFamily == null ? 0 : refreshTokens.revokeFamily(code.refreshFamily);
            LOG.warnf("authorization code of %s for client %s redeemed a second time: %d tokens revoked",
                code.username, clientId, revoked);
            audit.record(AuditEvent.of("authorization-code.replay", "user", code.username)
                .withPurpose("authentication").withOutcome(AuditEvent.Outcome.DENIED).withDetail("client", clientId)
                .withDetail("tokensRevoked", revoked));
            return Redemption.refused(Outcome.REPLAYED);
        }
        if (!now.isBefore(code.expiresAt)) {
            return Redemption.refused(Outcome.EXPIRED);
        }
        if (!code.redirectUri.equals(redirectUri)) {
            return Redemption.refused(Outcome.WRONG_REDIRECT_URI);
        }
        if (verifier == null || !VERIFIER.matcher(verifier).matches()
            || !MessageDigest.isEqual(s256(verifier).getBytes(StandardCharsets.US_ASCII),
                code.codeChallenge.getBytes(StandardCharsets.US_ASCII))) {
            return Redemption.refused(Outcome.WRONG_VERIFIER);
        }
        // used up even when the account turns out to be unavailable: a code is tried once
        code.redeemedAt = now;
        StaffUser user = StaffUser.findById(code.username);
        if (user == null || !user.active) {
            return Redemption.refused(Outcome.ACCOUNT_UNAVAILABLE);
        }
        if (user.mustChangePassword) {
            return new Redemption(Outcome.REDEEMED, user, null);
        }
        RefreshTokens.Family family = refreshTokens.startFamilyFor(user, clientId);
        code.refreshFamily = family.id();
        return new Redemption(Outcome.REDEEMED, user, family.token());
    }

    /** BASE64URL(SHA-256(ASCII(verifier))), RFC 7636 §4.2. */
    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Scheduled(every = "1h", delayed = "9m", identity = "authorization-code-purge",
        concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        purge(Instant.now(clock).minus(Duration.ofDays(1)));
    }

    /**
     * Drops the codes that expired before {@code cutoff} (a day after their minute: long enough to recognise a
     * replay of a code the app redeemed).
     */
    @Transactional
    long purge(Instant cutoff) {
        return AuthorizationCode.delete("expiresAt < ?1", cutoff);
    }

    /** Why a code was or was not accepted. */
    public enum Outcome {
        REDEEMED, UNKNOWN, REPLAYED, EXPIRED, WRONG_REDIRECT_URI, WRONG_VERIFIER, ACCOUNT_UNAVAILABLE
    }

    /**
     * The outcome; on {@link Outcome#REDEEMED}, the person and her new refresh token (null when she must change
     * her password first).
     */
    public record Redemption(Outcome outcome, StaffUser user, String refreshToken) {

        static Redemption refused(Outcome outcome) {
            return new Redemption(outcome, null, null);
        }
    }
}
