package ir.tehran.womenfamily.gateway.token;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.quarkus.runtime.StartupEvent;
import ir.tehran.womenfamily.gateway.GatewayConfig;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * The first admin of a new installation, from the environment ({@code gateway.bootstrap-admin.*}): at startup,
 * when no active account has the role {@code admin} and nobody has her username, she is created with the
 * configured one-time password or bcrypt hash and must change it at her first login. Once an admin exists the
 * setting does nothing (and may be removed); an existing account is never changed by it. Replicas starting
 * together take a database lock, so only one of them creates her. The creation is recorded in the audit log
 * as the work of {@code system:bootstrap-admin}.
 */
@ApplicationScoped
public class BootstrapAdmin {

    static final String JOB = "bootstrap-admin";
    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,62}");
    static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");

    static final int MIN_CLIENT_SECRET = 32;

    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class);

    @Inject
    Clock clock;

    @Inject
    GatewayConfig config;

    @Inject
    Passwords passwords;

    @Inject
    PasswordPolicy policy;

    @Inject
    Audit audit;

    @Inject
    Identities identities;

    /** What {@link #ensure(Settings)} did. */
    public enum Outcome {
        CREATED, ADMIN_EXISTS, USERNAME_TAKEN
    }

    /** A checked bootstrap setting: the username and the bcrypt hash of her first password. */
    public record Settings(String username, String passwordHash) {
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.token().enabled()) {
            return;
        }
        GatewayConfig.BootstrapAdmin b = config.bootstrapAdmin();
        client(b.clientId(), b.clientSecret()).ifPresent(c -> {
            if (ensureClient(c)) {
                LOG.infof("first-party client %s created from gateway.bootstrap-admin, trusted with the password "
                    + "grant", c.clientId());
            }
        });
        Optional<Settings> settings = settings(b.username(), b.password(), b.passwordHash());
        if (settings.isEmpty()) {
            return;
        }
        Outcome outcome = ensure(settings.get());
        switch (outcome) {
            case CREATED -> LOG.infof("first admin %s created from gateway.bootstrap-admin; she must change her "
                + "password at her first login", settings.get().username());
            case ADMIN_EXISTS -> LOG.infof("an admin exists: gateway.bootstrap-admin is not needed and may be "
                + "removed from the environment");
            case USERNAME_TAKEN -> LOG.warnf("no active admin exists, but the account %s does: it is left as it is "
                + "(enable it or reset its password through another admin, or choose another "
                + "gateway.bootstrap-admin.username)", settings.get().username());
        }
    }

    /**
     * The setting checked, or empty when no username is configured; a username without a password, both a
     * password and a hash, a hash that is not bcrypt or a password too weak stops the gateway's start.
     */
    Optional<Settings> settings(Optional<String> username, Optional<String> password, Optional<String> hash) {
        Optional<String> name = username.map(String::strip).filter(s -> !s.isEmpty());
        Optional<String> clear = password.filter(s -> !s.isEmpty());
        Optional<String> bcrypt = hash.map(String::strip).filter(s -> !s.isEmpty());
        if (name.isEmpty()) {
            if (clear.isPresent() || bcrypt.isPresent()) {
                throw new IllegalStateException("gateway.bootstrap-admin.password or password-hash is set without "
                    + "gateway.bootstrap-admin.username");
            }
            return Optional.empty();
        }
        if (!USERNAME.matcher(name.get()).matches()) {
            throw new IllegalStateException("gateway.bootstrap-admin.username must match " + USERNAME.pattern());
        }
        if (clear.isPresent() == bcrypt.isPresent()) {
            throw new IllegalStateException("gateway.bootstrap-admin needs exactly one of password (a one-time "
                + "password) and password-hash (a bcrypt hash)");
        }
        if (bcrypt.isPresent()) {
            if (!BCRYPT.matcher(bcrypt.get()).matches()) {
                throw new IllegalStateException("gateway.bootstrap-admin.password-hash is not a bcrypt hash "
                    + "($2a$, $2b$ or $2y$, cost 04-31, 53 characters of salt and hash)");
            }
            return Optional.of(new Settings(name.get(), bcrypt.get()));
        }
        List<String> broken = policy.violations(name.get(), clear.get());
        if (!broken.isEmpty()) {
            throw new IllegalStateException("gateway.bootstrap-admin.password breaks the password policy ("
                + String.join(", ", broken) + "): at least " + policy.minLength()
                + " characters, at most 72 bytes, no spaces at either end, not containing the username");
        }
        return Optional.of(new Settings(name.get(), passwords.hash(clear.get())));
    }

    /** A checked bootstrap client: its id and its secret in clear (hashed when stored). */
    public record ClientSettings(String clientId, String secret) {
        @Override
        public String toString() {
            return "ClientSettings[" + clientId + "]";
        }
    }

    /**
     * The first-party client checked, or empty when no client id is configured; an id without a secret, a
     * secret without an id, an id that is not a client id or a secret under 32 characters stops the start.
     */
    Optional<ClientSettings> client(Optional<String> clientId, Optional<String> secret) {
        Optional<String> id = clientId.map(String::strip).filter(s -> !s.isEmpty());
        Optional<String> clear = secret.filter(s -> !s.isEmpty());
        if (id.isEmpty() != clear.isEmpty()) {
            throw new IllegalStateException("gateway.bootstrap-admin.client-id and client-secret go together");
        }
        if (id.isEmpty()) {
            return Optional.empty();
        }
        if (!USERNAME.matcher(id.get()).matches()) {
            throw new IllegalStateException("gateway.bootstrap-admin.client-id must match " + USERNAME.pattern());
        }
        if (clear.get().length() < MIN_CLIENT_SECRET || clear.get().getBytes(StandardCharsets.UTF_8).length > 72) {
            throw new IllegalStateException("gateway.bootstrap-admin.client-secret needs at least "
                + MIN_CLIENT_SECRET + " characters and at most 72 bytes");
        }
        return Optional.of(new ClientSettings(id.get(), clear.get()));
    }

    /**
     * Creates the first-party client when no client has its id: confidential, no roles or scopes of its own
     * (it only carries people's password sign-in), trusted with the password grant. An existing client is
     * never changed. True when it was created.
     */
    @Transactional
    public boolean ensureClient(ClientSettings settings) {
        StaffUser.getEntityManager()
            .createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext('gateway.bootstrap-admin'))) l")
            .getSingleResult();
        if (!identities.createClientIfAbsent(settings.clientId(), "First-party administration client",
                settings.secret(), List.of(), List.of())) {
            return false;
        }
        ApiClient.<ApiClient>findById(settings.clientId()).trusted = true;
        audit.record(Caller.system(JOB), AuditEvent.of("client.bootstrap", "client", settings.clientId())
            .withPurpose("bootstrap").withDetail("trusted", true));
        return true;
    }

    /** Creates the first admin unless an active admin or an account of that name exists. */
    @Transactional
    public Outcome ensure(Settings settings) {
        // replicas starting at once: one creates, the others then see her
        StaffUser.getEntityManager()
            .createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext('gateway.bootstrap-admin'))) l")
            .getSingleResult();
        Number admins = (Number) StaffUser.getEntityManager()
            .createNativeQuery("select count(*) from staff_user where active and 'admin' = any(roles)")
            .getSingleResult();
        if (admins.longValue() > 0) {
            return Outcome.ADMIN_EXISTS;
        }
        if (StaffUser.findById(settings.username()) != null) {
            return Outcome.USERNAME_TAKEN;
        }
        StaffUser user = new StaffUser();
        user.username = settings.username();
        user.passwordHash = settings.passwordHash();
        user.roles = new String[] {Roles.ADMIN};
        user.mustChangePassword = true;
        user.createdAt = Instant.now(clock);
        user.persist();
        audit.record(Caller.system(JOB), AuditEvent.of("user.bootstrap", "user", user.username)
            .withPurpose("bootstrap").withDetail("roles", Roles.ADMIN).withDetail("mustChangePassword", true));
        return Outcome.CREATED;
    }
}
