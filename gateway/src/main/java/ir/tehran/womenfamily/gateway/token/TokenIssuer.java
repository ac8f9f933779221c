package ir.tehran.womenfamily.gateway.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import ir.tehran.womenfamily.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Signs access tokens: RS256 JWTs with the signing key's {@code kid}, valid for at most 15 minutes. */
@ApplicationScoped
public class TokenIssuer {

    public static final Duration MAX_LIFETIME = Duration.ofMinutes(15);

    /** The claim of a token that serves only the password change. */
    public static final String PASSWORD_CHANGE_CLAIM = "password_change_required";

    @Inject
    Clock clock;

    @Inject
    GatewayConfig config;

    @Inject
    SigningKeys keys;

    /** A token for a client, with its roles as groups and the granted scopes. */
    public IssuedToken forClient(ApiClient client, List<String> scopes) {
        return issue(client.clientId, Arrays.asList(client.roles), scopes, client.clientId, Map.of(), null);
    }

    /**
     * A token for a person, with the client that asked for it when one authenticated, the claims that
     * limit her to her own records ({@code districts}, a producer's {@code businesses}, a sponsor's
     * {@code sponsor_id}), and the refresh token issued with it, if any.
     */
    public IssuedToken forUser(StaffUser user, String clientId, String refreshToken) {
        List<String> roles = Arrays.asList(user.roles);
        Map<String, Object> limits = new LinkedHashMap<>();
        if (user.districts != null) {
            limits.put("districts", Arrays.asList(user.districts));
        }
        if (roles.contains(Roles.PRODUCER)) {
            limits.put("businesses", user.businesses == null ? List.of() : Arrays.asList(user.businesses));
        }
        if (roles.contains(Roles.SPONSOR) && user.sponsorId != null) {
            limits.put("sponsor_id", user.sponsorId);
        }
        if (roles.contains(Roles.WOMAN) && user.beneficiaryId != null) {
            limits.put("beneficiary_id", user.beneficiaryId);
        }
        return issue(user.username, roles, List.of(), clientId, limits, refreshToken);
    }

    /**
     * A token for a person who must change her password first ({@link StaffUser#mustChangePassword}): no role,
     * no limiting claim, the claim {@code password_change_required}; it serves {@code POST /account/password}
     * and nothing else.
     */
    public IssuedToken forPasswordChange(StaffUser user, String clientId) {
        IssuedToken token = issue(user.username, List.of(), List.of(), clientId,
            Map.of(PASSWORD_CHANGE_CLAIM, true), null);
        return new IssuedToken(token.jwt(), token.expiresIn(), null, null, true);
    }

    /**
     * The gateway's own short token for a call it makes to a service ({@code subject}: what it is for), with the
     * role {@link Roles#GATEWAY} that no client or person can be given.
     */
    public String forGatewayCall(String subject) {
        return issue("gateway:" + subject, List.of(Roles.GATEWAY), List.of(), null, Map.of(), null).jwt();
    }

    public Duration lifetime() {
        Duration configured = config.token().lifetime();
        if (configured.isNegative() || configured.isZero() || configured.compareTo(MAX_LIFETIME) > 0) {
            return MAX_LIFETIME;
        }
        return configured;
    }

    private IssuedToken issue(String subject, List<String> roles, List<String> scopes, String clientId,
            Map<String, Object> limits, String refreshToken) {
        Instant now = Instant.now(clock);
        Duration lifetime = lifetime();
        JwtClaimsBuilder claims = Jwt.claims()
            .issuer(config.token().issuer())
            .audience(config.token().audience())
            .subject(subject)
            .upn(subject)
            .groups(new LinkedHashSet<>(roles))
            .claim("jti", UUID.randomUUID().toString())
            .issuedAt(now.getEpochSecond())
            .expiresAt(now.plus(lifetime).getEpochSecond());
        String scope = String.join(" ", scopes);
        if (!scope.isEmpty()) {
            claims.claim("scope", scope);
        }
        if (clientId != null) {
            claims.claim("client_id", clientId);
        }
        limits.forEach(claims::claim);
        String jwt = claims.jws()
            .algorithm(SignatureAlgorithm.RS256)
            .keyId(keys.keyId())
            .sign(keys.privateKey());
        return new IssuedToken(jwt, lifetime.toSeconds(), scope.isEmpty() ? null : scope, refreshToken, false);
    }

    /** A signed token with what the token response says about it. */
    public record IssuedToken(String jwt, long expiresIn, String scope, String refreshToken,
            boolean passwordChangeRequired) {
    }
}
