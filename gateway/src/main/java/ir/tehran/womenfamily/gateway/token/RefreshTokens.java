package ir.tehran.womenfamily.gateway.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.scheduler.Scheduled;
import ir.tehran.womenfamily.gateway.GatewayConfig;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Refresh tokens that rotate (OAuth 2.0 Security BCP, RFC 9700 §4.14): opaque random values, stored as
 * SHA-256 hashes, each redeemable once for a new access token and a new refresh token of the same family.
 * Redeeming one that was already used means it was copied, so the whole family is revoked and the person
 * signs in again. A family ends with its login's session lifetime however often it is refreshed.
 */
@ApplicationScoped
public class RefreshTokens {

    private static final Logger LOG = Logger.getLogger(RefreshTokens.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String PURGE_JOB = "refresh-token-purge";

    @Inject
    Clock clock;

    @Inject
    GatewayConfig config;

    @Inject
    Audit audit;

    /** Starts a new family at a password login; returns the token's value. */
    @Transactional
    public String startFamily(StaffUser user, String clientId) {
        Instant now = Instant.now(clock);
        Instant familyExpires = now.plus(config.token().refreshSessionLifetime());
        return issue(UUID.randomUUID(), user.username, clientId, now, familyExpires);
    }

    /** Starts a new family at a sign-in with an authorization code: the family (to revoke on a replay) and token. */
    @Transactional
    public Family startFamilyFor(StaffUser user, String clientId) {
        Instant now = Instant.now(clock);
        UUID family = UUID.randomUUID();
        return new Family(family, issue(family, user.username, clientId, now,
            now.plus(config.token().refreshSessionLifetime())));
    }

    /** Revokes every token of a family (an authorization code was redeemed twice); how many were revoked. */
    @Transactional
    public int revokeFamily(UUID family) {
        return revokeFamily(family, Instant.now(clock));
    }

    /** A family just started and its first token's value. */
    public record Family(UUID id, String token) {
    }

    /**
     * Redeems a refresh token presented by {@code clientId} (the client that authenticated, or
     * {@code null}): on success the token is used up and the redemption carries its successor.
     */
    @Transactional
    public Redemption redeem(String presented, String clientId) {
        Instant now = Instant.now(clock);
        Optional<RefreshToken> found = RefreshToken.find("tokenHash", hash(presented))
            .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
        if (found.isEmpty()) {
            return Redemption.refused(Outcome.UNKNOWN);
        }
        RefreshToken token = found.get();
        if (token.revokedAt != null) {
            return Redemption.refused(Outcome.REVOKED);
        }
        if (token.usedAt != null) {
            int revoked = revokeFamily(token.familyId, now);
            LOG.warnf("refresh token of %s used a second time: family %s revoked (%d tokens)", token.username,
                token.familyId, revoked);
            audit.record(AuditEvent.of("refresh-token.reuse", "user", token.username).withPurpose("authentication")
                .withOutcome(AuditEvent.Outcome.DENIED).withDetail("family", token.familyId)
                .withDetail("tokensRevoked", revoked).withDetail("client", token.clientId));
            return Redemption.refused(Outcome.REUSED);
        }
        if (!token.expiresAt.isAfter(now) || !token.familyExpiresAt.isAfter(now)) {
            return Redemption.refused(Outcome.EXPIRED);
        }
        if (!Objects.equals(token.clientId, clientId)) {
            return Redemption.refused(Outcome.WRONG_CLIENT);
        }
        StaffUser user = StaffUser.findById(token.username);
        if (user == null || !user.active || user.mustChangePassword) {
            revokeFamily(token.familyId, now);
            return Redemption.refused(Outcome.ACCOUNT_UNAVAILABLE);
        }
        token.usedAt = now;
        String next = issue(token.familyId, token.username, token.clientId, now, token.familyExpiresAt);
        return new Redemption(Outcome.ROTATED, user, next);
    }

    /**
     * Revokes the family of a presented refresh token (RFC 7009), if {@code clientId} may: the client it
     * was issued to, or anyone when it was issued without one. Unknown tokens are ignored.
     */
    @Transactional
    public void revoke(String presented, String clientId) {
        RefreshToken.<RefreshToken>find("tokenHash", hash(presented)).firstResultOptional()
            .filter(t -> t.clientId == null || t.clientId.equals(clientId))
            .ifPresent(t -> revokeFamily(t.familyId, Instant.now(clock)));
    }

    /** Revokes every refresh token of a person (her account disabled or her password reset). */
    @Transactional
    public int revokeForUser(String username) {
        return RefreshToken.update("revokedAt = ?1 where username = ?2 and revokedAt is null", Instant.now(clock),
            username);
    }

    /** Revokes every refresh token issued to a client (when the client is revoked). */
    @Transactional
    public int revokeForClient(String clientId) {
        return RefreshToken.update("revokedAt = ?1 where clientId = ?2 and revokedAt is null", Instant.now(clock),
            clientId);
    }

    @Scheduled(every = "1h", delayed = "5m", identity = PURGE_JOB,
        concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        purge(Instant.now(clock));
    }

    /**
     * Drops the tokens that can no longer be redeemed at {@code cutoff}; when it dropped any, records one audit
     * entry by {@code system:refresh-token-purge} (how many, and the cutoff) in the same transaction.
     */
    @Transactional
    long purge(Instant cutoff) {
        long deleted = RefreshToken.delete("expiresAt < ?1 or familyExpiresAt < ?1", cutoff);
        if (deleted > 0) {
            audit.record(Caller.system(PURGE_JOB), AuditEvent.of("housekeeping.refresh-token.purge", "refresh-token",
                    null).withPurpose("job:" + PURGE_JOB).withDetail("rows", deleted).withDetail("cutoff", cutoff));
            LOG.debugf("purged %d expired refresh tokens", deleted);
        }
        return deleted;
    }

    private String issue(UUID family, String username, String clientId, Instant now, Instant familyExpiresAt) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        RefreshToken token = new RefreshToken();
        token.id = UUID.randomUUID();
        token.tokenHash = hash(value);
        token.familyId = family;
        token.username = username;
        token.clientId = clientId;
        token.issuedAt = now;
        Instant expires = now.plus(lifetime());
        token.expiresAt = expires.isAfter(familyExpiresAt) ? familyExpiresAt : expires;
        token.familyExpiresAt = familyExpiresAt;
        token.persist();
        return value;
    }

    private Duration lifetime() {
        return config.token().refreshLifetime();
    }

    private static int revokeFamily(UUID family, Instant now) {
        return RefreshToken.update("revokedAt = ?1 where familyId = ?2 and revokedAt is null", now, family);
    }

    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Why a refresh token was or was not accepted. */
    public enum Outcome {
        ROTATED, UNKNOWN, REVOKED, REUSED, EXPIRED, WRONG_CLIENT, ACCOUNT_UNAVAILABLE
    }

    /** The outcome; on {@link Outcome#ROTATED}, the person (read afresh) and the new refresh token. */
    public record Redemption(Outcome outcome, StaffUser user, String refreshToken) {

        static Redemption refused(Outcome outcome) {
            return new Redemption(outcome, null, null);
        }
    }
}
