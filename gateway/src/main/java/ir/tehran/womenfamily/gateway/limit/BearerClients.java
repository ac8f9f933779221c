package ir.tehran.womenfamily.gateway.limit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import ir.tehran.womenfamily.support.security.Claims;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who a bearer token speaks for, for counting requests per client. Only a token that verifies (signature,
 * issuer, audience, expiry, with the {@code mp.jwt.verify.*} settings) names a client, so nobody can spend
 * another client's allowance by writing its id into a forged token. Verification runs off the event loop
 * (the key set may have to be fetched) and its outcome is remembered until the token expires.
 *
 * <p>This is the one reader of a token outside {@code Callers}: the limiter runs as a route filter before the
 * request is authenticated (a request over its allowance is refused without being authenticated at all), so there
 * is no caller yet; it verifies the token itself, as the services do, and reads its claims with {@link Claims}.
 */
@ApplicationScoped
public class BearerClients {

    /** Tokens remembered at most; beyond it, expired ones are dropped, then all. */
    static final int MAX_REMEMBERED = 20_000;

    @Inject
    JWTParser parser;

    @Inject
    Vertx vertx;

    private final ConcurrentHashMap<String, Known> known = new ConcurrentHashMap<>();

    /** The client key of a verified token, or {@code null} (in a succeeded future) when it does not verify. */
    public Future<String> clientOf(String token) {
        String digest = digest(token);
        // The wall clock, not the injected Clock: a remembered outcome stands in for smallrye-jwt's verification,
        // which checks the expiry against the system clock, so it must lapse by the same clock.
        long now = System.currentTimeMillis();
        Known hit = known.get(digest);
        if (hit != null && hit.expiresAtMillis() > now) {
            return Future.succeededFuture(hit.client());
        }
        return vertx.executeBlocking(() -> verify(token, digest), false);
    }

    private String verify(String token, String digest) {
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token);
        } catch (ParseException e) {
            return null;
        }
        String client = clientKey(jwt);
        if (client != null) {
            remember(digest, new Known(client, jwt.getExpirationTime() * 1000));
        }
        return client;
    }

    /** {@code client_id}, else {@code azp} (Keycloak), else {@code sub}. */
    static String clientKey(JsonWebToken jwt) {
        for (String claim : new String[] {"client_id", "azp"}) {
            String text = Claims.text(jwt.getClaim(claim));
            if (text != null && !text.isBlank()) {
                return "client:" + text;
            }
        }
        return jwt.getSubject() == null ? null : "sub:" + jwt.getSubject();
    }

    private void remember(String digest, Known entry) {
        if (known.size() >= MAX_REMEMBERED) {
            long now = System.currentTimeMillis(); // the verifier's clock, as in clientOf
            known.values().removeIf(k -> k.expiresAtMillis() <= now);
            if (known.size() >= MAX_REMEMBERED) {
                known.clear();
            }
        }
        known.put(digest, entry);
    }

    private static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Known(String client, long expiresAtMillis) {
    }
}
