package ir.tehran.womenfamily.gateway.admin;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ir.tehran.womenfamily.gateway.token.ApiClient;
import ir.tehran.womenfamily.gateway.token.ClientSecret;
import ir.tehran.womenfamily.gateway.token.Identities;
import ir.tehran.womenfamily.gateway.token.RedirectUris;
import ir.tehran.womenfamily.gateway.token.RefreshTokens;
import ir.tehran.womenfamily.gateway.token.Roles;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Clients and their secrets, for admins. A rotation is: issue a second secret, move the client to it,
 * revoke the first; until then both work. A revoked client gets no token and its refresh tokens die.
 */
@ApplicationScoped
public class ClientAdminService {

    private static final Logger LOG = Logger.getLogger(ClientAdminService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Clock clock;

    @Inject
    Identities identities;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    Audit audit;

    public List<ClientDtos.ClientView> list() {
        return ApiClient.<ApiClient>listAll().stream()
            .sorted((a, b) -> a.clientId.compareTo(b.clientId))
            .map(c -> ClientDtos.ClientView.of(c, ClientSecret.of(c.clientId)))
            .toList();
    }

    public Optional<ClientDtos.ClientView> find(String clientId) {
        return ApiClient.<ApiClient>findByIdOptional(clientId)
            .map(c -> ClientDtos.ClientView.of(c, ClientSecret.of(c.clientId)));
    }

    @Transactional
    public ClientDtos.CreatedClient create(ClientDtos.NewClient request, String admin) {
        for (int i = 0; i < request.roles().size(); i++) {
            if (!Roles.CLIENT_ROLES.contains(request.roles().get(i))) {
                throw ProblemException.invalid("roles[" + i + "]", "validation.client-role");
            }
        }
        if (ApiClient.findById(request.clientId()) != null) {
            throw ProblemException.conflict("client-exists", request.clientId());
        }
        boolean publicClient = Boolean.TRUE.equals(request.publicClient());
        ClientDtos.SignIn signIn = request.signIn() == null ? new ClientDtos.SignIn(false, List.of())
            : request.signIn();
        check(signIn, publicClient, "signIn.");
        String secret = publicClient ? null : newSecret();
        identities.createClientIfAbsent(request.clientId(), request.name(), secret,
            request.roles().stream().distinct().toList(), request.scopes().stream().distinct().toList());
        ApiClient client = ApiClient.findById(request.clientId());
        client.trusted = signIn.trusted();
        client.redirectUris = signIn.redirectUris().stream().distinct().toArray(String[]::new);
        LOG.infof("admin %s created client %s with roles %s", admin, request.clientId(), request.roles());
        audit.record(AuditEvent.of("client.create", "client", request.clientId()).withPurpose("administration")
            .withDetail("roles", String.join(",", request.roles())).withDetail("scopes", String.join(" ",
                request.scopes())).withDetail("publicClient", publicClient).withDetail("trusted", signIn.trusted())
            .withDetail("redirectUris", String.join(" ", client.redirectUris)));
        if (publicClient) {
            return new ClientDtos.CreatedClient(find(request.clientId()).orElseThrow(), null);
        }
        ClientSecret row = ClientSecret.activeOf(request.clientId()).get(0);
        return new ClientDtos.CreatedClient(find(request.clientId()).orElseThrow(),
            new ClientDtos.IssuedSecret(row.id, secret, row.createdAt));
    }

    /** Changes whether the client is trusted with the password grant, and its redirect URIs. */
    @Transactional
    public ClientDtos.ClientView changeSignIn(String clientId, ClientDtos.SignIn signIn, String admin) {
        ApiClient client = locked(clientId);
        if (client.revokedAt != null) {
            throw ProblemException.conflict("client-revoked", clientId);
        }
        check(signIn, client.publicClient, "");
        client.trusted = signIn.trusted();
        client.redirectUris = signIn.redirectUris().stream().distinct().toArray(String[]::new);
        LOG.infof("admin %s changed the sign-in of client %s: trusted %s, %d redirect URIs", admin, clientId,
            client.trusted, client.redirectUris.length);
        audit.record(AuditEvent.of("client.sign-in.change", "client", clientId).withPurpose("administration")
            .withDetail("trusted", client.trusted).withDetail("redirectUris", String.join(" ", client.redirectUris)));
        return ClientDtos.ClientView.of(client, ClientSecret.of(clientId));
    }

    /** A public client is never trusted with passwords; every redirect URI must be one that may be registered. */
    private static void check(ClientDtos.SignIn signIn, boolean publicClient, String prefix) {
        if (publicClient && signIn.trusted()) {
            throw ProblemException.invalid(prefix + "trusted", "validation.client-public-trusted");
        }
        for (int i = 0; i < signIn.redirectUris().size(); i++) {
            if (!RedirectUris.acceptable(signIn.redirectUris().get(i))) {
                throw ProblemException.invalid(prefix + "redirectUris[" + i + "]", "validation.client-redirect-uri");
            }
        }
    }

    /** A second secret for a rotation; refused while the client already has two active ones. */
    @Transactional
    public ClientDtos.IssuedSecret addSecret(String clientId, String admin) {
        ApiClient client = locked(clientId);
        if (client.revokedAt != null) {
            throw ProblemException.conflict("client-revoked", clientId);
        }
        if (ClientSecret.activeOf(clientId).size() >= ClientSecret.MAX_ACTIVE) {
            throw ProblemException.conflict("secret-limit", ClientSecret.MAX_ACTIVE);
        }
        String secret = newSecret();
        ClientSecret row = identities.addSecret(clientId, secret);
        LOG.infof("admin %s issued secret %s of client %s", admin, row.id, clientId);
        audit.record(AuditEvent.of("client.secret.issue", "client", clientId).withPurpose("administration")
            .withDetail("secretId", row.id));
        return new ClientDtos.IssuedSecret(row.id, secret, row.createdAt);
    }

    /** Revokes one secret; revoking it again changes nothing. */
    @Transactional
    public void revokeSecret(String clientId, UUID secretId, String admin) {
        locked(clientId);
        ClientSecret secret = ClientSecret.<ClientSecret>findByIdOptional(secretId)
            .filter(s -> s.clientId.equals(clientId))
            .orElseThrow(() -> ProblemException.notFound("client-secret", secretId));
        if (secret.revokedAt == null) {
            secret.revokedAt = Instant.now(clock);
            LOG.infof("admin %s revoked secret %s of client %s", admin, secretId, clientId);
            audit.record(AuditEvent.of("client.secret.revoke", "client", clientId).withPurpose("administration")
                .withDetail("secretId", secretId));
        }
    }

    /** Revokes the client, all its secrets and its refresh tokens; revoking it again changes nothing. */
    @Transactional
    public ClientDtos.ClientView revoke(String clientId, String admin) {
        ApiClient client = locked(clientId);
        if (client.revokedAt == null) {
            Instant now = Instant.now(clock);
            client.revokedAt = now;
            client.active = false;
            ClientSecret.update("revokedAt = ?1 where clientId = ?2 and revokedAt is null", now, clientId);
            int tokens = refreshTokens.revokeForClient(clientId);
            LOG.infof("admin %s revoked client %s (and %d refresh tokens)", admin, clientId, tokens);
            audit.record(AuditEvent.of("client.revoke", "client", clientId).withPurpose("administration")
                .withDetail("refreshTokensRevoked", tokens));
        }
        return ClientDtos.ClientView.of(client, ClientSecret.of(clientId));
    }

    private static ApiClient locked(String clientId) {
        ApiClient client = ApiClient.findById(clientId, LockModeType.PESSIMISTIC_WRITE);
        if (client == null) {
            throw ProblemException.notFound("client", clientId);
        }
        return client;
    }

    /** 256 random bits, URL-safe: 43 characters, within bcrypt's 72 bytes. */
    static String newSecret() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
