package ir.tehran.womenfamily.gateway.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import ir.tehran.womenfamily.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/** Checks client secrets and staff passwords, and keeps the lockout of staff accounts. */
@ApplicationScoped
public class Identities {

    private static final Logger LOG = Logger.getLogger(Identities.class);

    @Inject
    GatewayConfig config;

    @Inject
    Passwords passwords;

    /** The active client with this id and secret, if there is one. */
    @Transactional
    public Optional<ApiClient> authenticateClient(String clientId, String secret) {
        ApiClient client = ApiClient.findById(clientId);
        if (client == null) {
            passwords.burn(secret);
            return Optional.empty();
        }
        if (!passwords.matches(secret, client.secretHash) || !client.active) {
            return Optional.empty();
        }
        return Optional.of(client);
    }

    /**
     * Checks a staff password. The row is locked for the check, so concurrent guesses are counted one
     * by one: after {@code maxFailedAttempts} consecutive failures the account is locked for the lockout
     * duration, during which even the right password is refused.
     */
    @Transactional
    public StaffLogin authenticateStaff(String username, String password) {
        Instant now = Instant.now();
        StaffUser user = StaffUser.findById(username, LockModeType.PESSIMISTIC_WRITE);
        if (user == null) {
            passwords.burn(password);
            return StaffLogin.REJECTED;
        }
        if (user.lockedAt(now)) {
            return StaffLogin.LOCKED;
        }
        if (!passwords.matches(password, user.passwordHash)) {
            user.failedAttempts++;
            if (user.failedAttempts >= config.security().maxFailedAttempts()) {
                user.lockedUntil = now.plus(config.security().lockoutDuration());
                user.failedAttempts = 0;
                LOG.warnf("staff account %s locked until %s after repeated wrong passwords", username,
                    user.lockedUntil);
            }
            return StaffLogin.REJECTED;
        }
        if (!user.active) {
            return StaffLogin.REJECTED;
        }
        user.failedAttempts = 0;
        user.lockedUntil = null;
        return StaffLogin.success(user);
    }

    /** Creates the staff user unless one with this name exists; true when created. */
    @Transactional
    public boolean createStaffUserIfAbsent(String username, String password, List<String> roles,
            List<Integer> districts) {
        if (StaffUser.findById(username) != null) {
            return false;
        }
        StaffUser user = new StaffUser();
        user.username = username;
        user.passwordHash = passwords.hash(password);
        user.roles = roles.toArray(String[]::new);
        user.districts = districts == null ? null : districts.toArray(Integer[]::new);
        user.persist();
        return true;
    }

    /** Creates the client unless one with this id exists; true when created. */
    @Transactional
    public boolean createClientIfAbsent(String clientId, String name, String secret, List<String> roles,
            List<String> scopes) {
        if (ApiClient.findById(clientId) != null) {
            return false;
        }
        ApiClient client = new ApiClient();
        client.clientId = clientId;
        client.name = name;
        client.secretHash = passwords.hash(secret);
        client.roles = roles.toArray(String[]::new);
        client.scopes = scopes.toArray(String[]::new);
        client.persist();
        return true;
    }

    /** The outcome of a password check; {@code user} is set on success only. */
    public record StaffLogin(Outcome outcome, StaffUser user) {

        static final StaffLogin REJECTED = new StaffLogin(Outcome.REJECTED, null);
        static final StaffLogin LOCKED = new StaffLogin(Outcome.LOCKED, null);

        static StaffLogin success(StaffUser user) {
            return new StaffLogin(Outcome.SUCCESS, user);
        }

        public enum Outcome {
            SUCCESS, REJECTED, LOCKED
        }
    }
}
