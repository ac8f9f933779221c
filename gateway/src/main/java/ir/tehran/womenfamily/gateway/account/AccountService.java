package ir.tehran.womenfamily.gateway.account;

import java.time.Instant;

import ir.tehran.womenfamily.gateway.GatewayConfig;
import ir.tehran.womenfamily.gateway.token.Passwords;
import ir.tehran.womenfamily.gateway.token.RefreshTokens;
import ir.tehran.womenfamily.gateway.token.StaffUser;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * A person changes her own password. The current password is checked like a login, under the row lock: a wrong
 * one counts towards the lock-out ({@code gateway.security.max-failed-attempts}), so a stolen access token cannot
 * be used to guess it. A change ends every login of hers (her refresh tokens are revoked) and lifts the
 * must-change mark of a password someone else knew. Every attempt is recorded in the gateway's audit log: a
 * change as {@code SUCCESS}, a wrong current password or a locked account as {@code DENIED}.
 */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);

    @Inject
    GatewayConfig config;

    @Inject
    Passwords passwords;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    Audit audit;

    /** What came of a change. */
    public enum Result {
        CHANGED, WRONG_PASSWORD, SAME_PASSWORD, LOCKED, UNKNOWN
    }

    /** The result, and until when the account is locked when it is. */
    public record Outcome(Result result, Instant lockedUntil) {
    }

    @Transactional
    public Outcome changePassword(String username, String current, String next) {
        Instant now = Instant.now();
        StaffUser user = StaffUser.findById(username, LockModeType.PESSIMISTIC_WRITE);
        if (user == null || !user.active) {
            passwords.burn(current);
            return new Outcome(Result.UNKNOWN, null);
        }
        AuditEvent event = AuditEvent.of("user.password.change", "user", username).withPurpose("account");
        if (user.lockedAt(now)) {
            audit.record(event.withOutcome(AuditEvent.Outcome.DENIED).withDetail("reason", "locked"));
            return new Outcome(Result.LOCKED, user.lockedUntil);
        }
        if (!passwords.matches(current, user.passwordHash)) {
            user.failedAttempts++;
            String reason = "wrong-current-password";
            if (user.failedAttempts >= config.security().maxFailedAttempts()) {
                user.lockedUntil = now.plus(config.security().lockoutDuration());
                user.failedAttempts = 0;
                reason = "wrong-current-password-locked";
                LOG.warnf("account %s locked until %s after repeated wrong passwords (password change)", username,
                    user.lockedUntil);
            }
            audit.record(event.withOutcome(AuditEvent.Outcome.DENIED).withDetail("reason", reason));
            return new Outcome(Result.WRONG_PASSWORD, null);
        }
        user.failedAttempts = 0;
        if (passwords.matches(next, user.passwordHash)) {
            return new Outcome(Result.SAME_PASSWORD, null);
        }
        user.passwordHash = passwords.hash(next);
        user.passwordChangedAt = now;
        boolean wasOneTime = user.mustChangePassword;
        user.mustChangePassword = false;
        user.lockedUntil = null;
        int revoked = refreshTokens.revokeForUser(username);
        audit.record(event.withDetail("refreshTokensRevoked", revoked).withDetail("oneTimePasswordReplaced",
            wasOneTime ? true : null));
        return new Outcome(Result.CHANGED, null);
    }
}
