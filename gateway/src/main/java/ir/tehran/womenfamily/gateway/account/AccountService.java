package ir.tehran.womenfamily.gateway.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import ir.tehran.womenfamily.gateway.GatewayConfig;
import ir.tehran.womenfamily.gateway.token.LoginThrottle;
import ir.tehran.womenfamily.gateway.token.Passwords;
import ir.tehran.womenfamily.gateway.token.RefreshTokens;
import ir.tehran.womenfamily.gateway.token.StaffUser;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * A person changes her own password. The current password is checked like a login: a wrong one counts towards the
 * login throttle of her account and the caller's address ({@link LoginThrottle}), so a stolen access token cannot
 * be used to guess it, and a guesser elsewhere cannot lock her out. A change ends every login of hers (her refresh
 * tokens are revoked) and lifts the must-change mark of a password someone else knew. Every attempt is recorded in
 * the gateway's audit log: a change as {@code SUCCESS}, a wrong current password or a throttled attempt as
 * {@code DENIED}.
 */
@ApplicationScoped
public class AccountService {

    @Inject
    Clock clock;

    @Inject
    GatewayConfig config;

    @Inject
    Passwords passwords;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    LoginThrottle throttle;

    @Inject
    Audit audit;

    /** What came of a change. */
    public enum Result {
        CHANGED, WRONG_PASSWORD, SAME_PASSWORD, LOCKED, UNKNOWN
    }

    /** The result, and until when the account is locked when it is. */
    public record Outcome(Result result, Instant lockedUntil) {
    }

    /**
     * Changes her password if {@code current} is right and her attempts from {@code source} (a
     * {@code SourceAddress} key) are not throttled. A throttled attempt costs a bcrypt verification like any other
     * and is counted like a wrong one ({@link LoginThrottle}: the login's and this path's refusals share one count
     * per account and address).
     */
    @Transactional
    public Outcome changePassword(String username, String current, String next, String source) {
        Instant now = Instant.now(clock);
        StaffUser user = StaffUser.findById(username, LockModeType.PESSIMISTIC_WRITE);
        if (user == null || !user.active) {
            passwords.burn(current);
            return new Outcome(Result.UNKNOWN, null);
        }
        AuditEvent event = AuditEvent.of("user.password.change", "user", username).withPurpose("account");
        LoginThrottle.Key key = new LoginThrottle.Key(username, source);
        Optional<Instant> throttled = throttle.blockedUntil(key, now);
        boolean matched = passwords.matches(current, user.passwordHash);
        if (throttled.isPresent() || !matched) {
            LoginThrottle.Failure failure = throttle.failed(key, now, username, "password-change");
            String reason = throttled.isPresent() ? "throttled"
                : failure.blockedUntil() != null ? "wrong-current-password-throttled" : "wrong-current-password";
            audit.record(event.withOutcome(AuditEvent.Outcome.DENIED).withDetail("reason", reason));
            return throttled.isPresent() ? new Outcome(Result.LOCKED, failure.blockedUntil())
                : new Outcome(Result.WRONG_PASSWORD, null);
        }
        throttle.succeeded(key);
        if (passwords.matches(next, user.passwordHash)) {
            return new Outcome(Result.SAME_PASSWORD, null);
        }
        user.passwordHash = passwords.hash(next);
        user.passwordChangedAt = now;
        boolean wasOneTime = user.mustChangePassword;
        user.mustChangePassword = false;
        int revoked = refreshTokens.revokeForUser(username);
        audit.record(event.withDetail("refreshTokensRevoked", revoked).withDetail("oneTimePasswordReplaced",
            wasOneTime ? true : null));
        return new Outcome(Result.CHANGED, null);
    }
}
