package ir.tehran.womenfamily.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Everything the gateway is configured with, under {@code gateway.*}. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /**
     * The services behind the gateway, by short name: {@code gateway.services.<name>.url}. Requests under
     * {@code /api/<name>/} go to that service with the path unchanged.
     */
    Map<String, Service> services();

    /**
     * The gateway's public base URL, as clients reach it (for discovery). When absent, the base URL of
     * each discovery request is used.
     */
    Optional<URI> publicUrl();

    Proxy proxy();

    Token token();

    Security security();

    Demo demo();

    OpenApi openapi();

    Health health();

    /** The services' base URLs by name, in name order. */
    default SortedMap<String, URI> serviceUrls() {
        SortedMap<String, URI> urls = new TreeMap<>();
        services().forEach((name, service) -> urls.put(name, service.url()));
        return urls;
    }

    interface Service {
        /** Base URL of the service, e.g. {@code http://127.0.0.1:8081}. */
        URI url();
    }

    interface Proxy {
        /** Time to open a connection to a service; beyond it the client gets 502. */
        @WithDefault("2s")
        Duration connectTimeout();

        /** Time a service may stay silent (before and while answering); beyond it the client gets 504. */
        @WithDefault("30s")
        Duration responseTimeout();

        /** Pooled connections per service. */
        @WithDefault("50")
        @Min(1)
        int maxConnections();
    }

    interface Token {
        /** Path of the private RSA JWK (JSON, with {@code kid}) that signs tokens. */
        String signingKeyLocation();

        /** Path of the public JWKS served at {@code /oauth2/jwks}; derived from the signing key when absent. */
        Optional<String> publicJwksLocation();

        @WithDefault("http://localhost:8080")
        String issuer();

        @WithDefault("women-family-api")
        String audience();

        /** Access token lifetime; never more than 15 minutes (longer values are cut to 15 minutes). */
        @WithDefault("15m")
        Duration lifetime();
    }

    interface Security {
        /** bcrypt cost of new password and secret hashes. */
        @WithDefault("11")
        @Min(10)
        @Max(14)
        int bcryptCost();

        /** Consecutive wrong passwords that lock a staff account. */
        @WithDefault("5")
        @Min(1)
        int maxFailedAttempts();

        @WithDefault("15m")
        Duration lockoutDuration();
    }

    interface Demo {
        /** Creates the demo staff users and partner client at startup when true. Never in production. */
        @WithDefault("false")
        boolean enabled();

        /** Password of every demo staff user; required when demo accounts are enabled. */
        Optional<String> password();

        /** Secret of the demo client {@code demo-partner-app}; required when demo accounts are enabled. */
        Optional<String> clientSecret();
    }

    interface OpenApi {
        /** Time allowed to fetch one service's OpenAPI document. */
        @WithDefault("3s")
        Duration fetchTimeout();

        /** How long fetched documents are reused. */
        @WithDefault("30s")
        Duration cacheTtl();
    }

    interface Health {
        /** Time allowed for one service's readiness answer. */
        @WithDefault("2s")
        Duration timeout();
    }
}
