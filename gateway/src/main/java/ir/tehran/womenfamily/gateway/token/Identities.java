package ir.tehran.womenfamily.gateway.token;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ir.tehran.womenfamily.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/** Checks client secrets and passwords (through the login throttle), and creates clients and users. */
@ApplicationScoped
public class Identities {

    @Inject
    Clock clock;

    @Inject
    GatewayConfig config;

    @Inject
    Passwords passwords;

    @Inject
    LoginThrottle throttle;

    /**
     * The client with this id and secret, if it is not revoked and the secret is one of its active ones
     * (two during a rotation). Every active secret is checked, so the time taken does not tell which one
     * matched; an unknown or revoked client costs one check too.
     */
    @Transactional
    public Optional<ApiClient> authenticateClient(String clientId, String secret) {
        ApiClient client = ApiClient.findById(clientId);
        List<ClientSecret> secrets = client == null || !client.active || client.revokedAt != null ? List.of()
            : ClientSecret.activeOf(clientId);
        if (secrets.isEmpty()) {
            passwords.burn(secret);
            return Optional.empty();
        }
        boolean matched = false;
        for (ClientSecret candidate : secrets) {
            matched |= passwords.matches(secret, candidate.secretHash);
        }
        return matched ? Optional.of(client) : Optional.empty();
    }

    /**
     * Checks a person's password, tried from {@code source} (a {@code SourceAddress} key). Every call costs exactly
     * one bcrypt verification (against her hash, or a decoy for a name that does not exist) and gives one of two
     * answers: her login, or a refusal that is the same whether the name is unknown, the password wrong, the account
     * disabled or the pair of name and address throttled ({@link LoginThrottle}). Every refusal is counted for the
     * pair, so the work done does not depend on which it was either.
     */
    @Transactional
    public StaffLogin authenticateStaff(String username, String password, String source) {
        Instant now = Instant.now(clock);
        LoginThrottle.Key key = new LoginThrottle.Key(username, source);
        Optional<Instant> throttled = throttle.blockedUntil(key, now);
        StaffUser user = StaffUser.findById(username);
        boolean matched;
        if (user == null) {
            passwords.burn(password);
            matched = false;
        } else {
            matched = passwords.matches(password, user.passwordHash);
        }
        if (matched && throttled.isEmpty() && user.active) {
            throttle.succeeded(key);
            return StaffLogin.success(user);
        }
        throttle.failed(key, now, user == null ? null : username, "token");
        return StaffLogin.REJECTED;
    }

    /** Creates the staff user unless one with this name exists; true when created. */
    @Transactional
    public boolean createStaffUserIfAbsent(String username, String password, List<String> roles,
            List<Integer> districts) {
        return createUserIfAbsent(new NewUser(username, password, roles, districts, null, null));
    }

    /**
     * Creates the user unless one with this name exists; true when created. A producer must come with her
     * businesses (possibly none yet); a sponsor with her sponsor id, or none yet.
     */
    @Transactional
    public boolean createUserIfAbsent(NewUser u) {
        u.validate();
        if (StaffUser.findById(u.username()) != null) {
            return false;
        }
        StaffUser user = new StaffUser();
        user.username = u.username();
        user.passwordHash = passwords.hash(u.password());
        user.roles = u.roles().toArray(String[]::new);
        user.districts = u.districts() == null ? null : u.districts().toArray(Integer[]::new);
        user.businesses = u.businesses() == null ? null : u.businesses().toArray(String[]::new);
        user.sponsorId = u.sponsorId();
        user.createdAt = Instant.now(clock);
        user.persist();
        return true;
    }

    /** Creates the client, with one secret, unless one with this id exists; true when created. */
    @Transactional
    public boolean createClientIfAbsent(String clientId, String name, String secret, List<String> roles,
            List<String> scopes) {
        if (ApiClient.findById(clientId) != null) {
            return false;
        }
        ApiClient client = new ApiClient();
        client.clientId = clientId;
        client.name = name;
        client.roles = roles.toArray(String[]::new);
        client.scopes = scopes.toArray(String[]::new);
        client.createdAt = Instant.now(clock);
        client.persist();
        addSecret(clientId, secret);
        return true;
    }

    /** Gives a producer these businesses if she has none; true when she had none. */
    @Transactional
    public boolean giveBusinessesIfNone(String username, List<String> businesses) {
        StaffUser user = StaffUser.findById(username, LockModeType.PESSIMISTIC_WRITE);
        if (user == null || !java.util.Arrays.asList(user.roles).contains(Roles.PRODUCER)
            || user.businesses != null && user.businesses.length > 0) {
            return false;
        }
        user.businesses = businesses.toArray(String[]::new);
        return true;
    }

    /** Adds the scopes the client lacks (keeping its others); true when it lacked any. */
    @Transactional
    public boolean addScopes(String clientId, List<String> scopes) {
        ApiClient client = ApiClient.findById(clientId, LockModeType.PESSIMISTIC_WRITE);
        if (client == null) {
            return false;
        }
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(java.util.Arrays.asList(client.scopes));
        if (!all.addAll(scopes)) {
            return false;
        }
        client.scopes = all.toArray(String[]::new);
        return true;
    }

    /** Stores a new active secret of the client (the caller checks the limit of active secrets). */
    @Transactional
    public ClientSecret addSecret(String clientId, String secret) {
        ClientSecret row = new ClientSecret();
        row.id = UUID.randomUUID();
        row.clientId = clientId;
        row.secretHash = passwords.hash(secret);
        row.createdAt = Instant.now(clock);
        row.persist();
        return row;
    }

    /** A person to create; {@code districts} {@code null} means every district. */
    public record NewUser(String username, String password, List<String> roles, List<Integer> districts,
            List<String> businesses, String sponsorId) {

        void validate() {
            for (String role : roles) {
                if (!Roles.USER_ROLES.contains(role)) {
                    throw new IllegalArgumentException("not a role of a person: " + role);
                }
            }
            if (roles.contains(Roles.PRODUCER) && businesses == null) {
                throw new IllegalArgumentException("a producer needs her businesses (an empty list if none yet)");
            }
            // a sponsor without one yet (the demo sponsor until the demo data registers her benefactor) gets no
            // sponsor_id claim, so her own pages refuse her until an admin gives it
            if (roles.contains(Roles.SPONSOR) && sponsorId != null && sponsorId.isBlank()) {
                throw new IllegalArgumentException("a sponsor's sponsor id, when she has one, is not blank");
            }
        }
    }

    /** The outcome of a password check; {@code user} is set on success only. */
    public record StaffLogin(Outcome outcome, StaffUser user) {

        static final StaffLogin REJECTED = new StaffLogin(Outcome.REJECTED, null);

        static StaffLogin success(StaffUser user) {
            return new StaffLogin(Outcome.SUCCESS, user);
        }

        public enum Outcome {
            SUCCESS, REJECTED
        }
    }
}
