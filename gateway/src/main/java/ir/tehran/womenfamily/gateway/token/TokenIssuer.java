package ir.tehran.womenfamily.gateway.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
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

    @Inject
    GatewayConfig config;

    @Inject
    SigningKeys keys;

    /** A token for a client, with its roles as groups and the granted scopes. */
    public IssuedToken forClient(ApiClient client, List<String> scopes) {
        return issue(client.clientId, Arrays.asList(client.roles), scopes, client.clientId, null);
    }

    /** A token for a member of staff, with the client that asked for it when it authenticated. */
    public IssuedToken forStaff(StaffUser user, String clientId) {
        return issue(user.username, Arrays.asList(user.roles), List.of(), clientId,
            user.districts == null ? null : Arrays.asList(user.districts));
    }

    public Duration lifetime() {
        Duration configured = config.token().lifetime();
        if (configured.isNegative() || configured.isZero() || configured.compareTo(MAX_LIFETIME) > 0) {
            return MAX_LIFETIME;
        }
        return configured;
    }

    private IssuedToken issue(String subject, List<String> roles, List<String> scopes, String clientId,
            List<Integer> districts) {
        Instant now = Instant.now();
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
        if (districts != null) {
            claims.claim("districts", districts);
        }
        String jwt = claims.jws()
            .algorithm(SignatureAlgorithm.RS256)
            .keyId(keys.keyId())
            .sign(keys.privateKey());
        return new IssuedToken(jwt, lifetime.toSeconds(), scope.isEmpty() ? null : scope);
    }

    /** A signed token with what the token response says about it. */
    public record IssuedToken(String jwt, long expiresIn, String scope) {
    }
}
