package ir.tehran.womenfamily.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import io.quarkus.runtime.configuration.MemorySize;
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

    BootstrapAdmin bootstrapAdmin();

    OpenApi openapi();

    Health health();

    RateLimit rateLimit();

    Limits limits();

    Headers headers();

    Cors cors();

    /** The services' base URLs by name, in name order. */
    default SortedMap<String, URI> serviceUrls() {
        SortedMap<String, URI> urls = new TreeMap<>();
        services().forEach((name, service) -> urls.put(name, service.url()));
        return urls;
    }

    interface Service {
        /** Base URL of the service, e.g. {@code http://127.0.0.1:8081}. */
        URI url();

        /** This service's own {@link CircuitBreaker#failures()}, when it differs from the default. */
        Optional<Integer> circuitBreakerFailures();

        /** This service's own {@link CircuitBreaker#delay()}, when it differs from the default. */
        Optional<Duration> circuitBreakerDelay();
    }

    interface Proxy {
        /** Time to open a connection to a service; beyond it the client gets 503. */
        @WithDefault("2s")
        Duration connectTimeout();

        /** Time a service may stay silent (before and while answering); beyond it the client gets 504. */
        @WithDefault("30s")
        Duration responseTimeout();

        /** Pooled connections per service. */
        @WithDefault("50")
        @Min(1)
        int maxConnections();

        CircuitBreaker circuitBreaker();
    }

    /**
     * One circuit breaker per service: after {@code failures} failures in a row (no connection, no answer in
     * time, or 502/503/504 from the service) the gateway answers 503 itself for {@code delay}, then lets one
     * trial request through; its success closes the breaker, its failure opens it again.
     */
    interface CircuitBreaker {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("5")
        @Min(1)
        int failures();

        @WithDefault("10s")
        Duration delay();
    }

    interface Token {
        /**
         * False when another provider (Keycloak) issues the tokens: the gateway's token, revocation, key
         * set, discovery and client admin endpoints then answer 404, and it needs no signing key.
         */
        @WithDefault("true")
        boolean enabled();

        /** Path of the private RSA JWK (JSON, with {@code kid}) that signs tokens; required when enabled. */
        Optional<String> signingKeyLocation();

        /**
         * Path of a public JWKS whose keys are served at {@code /oauth2/jwks} beside the signing key's public
         * key: for instance the next key, published before it signs.
         */
        Optional<String> publicJwksLocation();

        /**
         * Path of a public JWKS with the keys that signed before the last rotation, served at
         * {@code /oauth2/jwks} too, so that tokens signed with them verify until they expire.
         */
        Optional<String> previousPublicJwksLocation();

        @WithDefault("http://localhost:8080")
        String issuer();

        @WithDefault("women-family-api")
        String audience();

        /** Access token lifetime; never more than 15 minutes (longer values are cut to 15 minutes). */
        @WithDefault("15m")
        Duration lifetime();

        /** Lifetime of one refresh token (each refresh issues a new one). */
        @WithDefault("12h")
        Duration refreshLifetime();

        /** How long a login can be kept alive by refreshing, from the password login on. */
        @WithDefault("168h")
        Duration refreshSessionLifetime();

        /**
         * Whether the password grant is open to a request that names no client (the first-party scripts and tools
         * of the local stack and the tests). False in production: the password grant then serves only the clients
         * an admin marked trusted, and apps sign in with the authorization code grant and PKCE.
         */
        @WithDefault("true")
        boolean passwordWithoutClient();
    }

    interface Security {
        /** bcrypt cost of new password and secret hashes. */
        @WithDefault("11")
        @Min(10)
        @Max(14)
        int bcryptCost();

        /**
         * Consecutive refused logins (or wrong current passwords) of one account from one source address after
         * which that address must wait ({@code LoginThrottle}); other addresses are not affected.
         */
        @WithDefault("5")
        @Min(1)
        int maxFailedAttempts();

        /** The first wait, at the {@code max-failed-attempts}-th refused attempt; it doubles with each further one. */
        @WithDefault("30s")
        Duration throttleInitialDelay();

        /** The longest wait of one account and address. */
        @WithDefault("15m")
        Duration lockoutDuration();

        /** The fewest characters of a password a person chooses herself. */
        @WithDefault("12")
        @Min(8)
        @Max(64)
        int minPasswordLength();
    }

    interface Demo {
        /** Creates the demo staff users and partner client at startup when true. Never in production. */
        @WithDefault("false")
        boolean enabled();

        /** Password of every demo staff user; required when demo accounts are enabled. */
        Optional<String> password();

        /** Secret of the demo client {@code demo-partner-app}; required when demo accounts are enabled. */
        Optional<String> clientSecret();

        /** The registry business ids of the demo producer (none when absent). */
        Optional<List<String>> producerBusinesses();

        /**
         * The demo sponsor's benefactor id in the sponsorship service; absent until the demo data registers her
         * benefactor and gives it to her through the admin API ({@code PUT /admin/users/sponsor/access}).
         */
        Optional<String> sponsorId();
    }

    /**
     * The first admin of a new installation, from the environment: created at startup when no active admin
     * exists and nobody has her username, with a password she must change at her first login. Give
     * {@code username} and exactly one of {@code password} (a one-time password) or {@code password-hash} (a
     * bcrypt hash).
     */
    interface BootstrapAdmin {
        /** Her username; nothing is created without one. */
        Optional<String> username();

        /** A one-time password (hashed at once, never stored in clear). */
        Optional<String> password();

        /** A bcrypt hash ({@code $2a$}, {@code $2b$} or {@code $2y$}) of her first password. */
        Optional<String> passwordHash();

        /**
         * A first-party confidential client trusted with the password grant, created when absent, so that she
         * can sign in where a request that names no client may not ({@code token.password-without-client}).
         */
        Optional<String> clientId();

        /** That client's secret (hashed at once; at least 32 characters). */
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

    /**
     * Token-bucket rate limits, by route group. A request belongs to the group with the longest path
     * prefix that matches it; a group without limits (or no group at all) is not limited.
     */
    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /**
         * Where the buckets live: {@code postgresql}, the gateway's database, shared by every replica; or
         * {@code memory}, each replica its own (a client then gets the limit once per replica).
         */
        @WithDefault("postgresql")
        Store store();

        /** Where the buckets live. */
        enum Store { POSTGRESQL, MEMORY }

        /** The route groups by name; the defaults are in {@code application.properties}. */
        Map<String, Group> groups();

        /** Buckets kept per group and kind before idle ones are dropped early (bounds the memory). */
        @WithDefault("100000")
        @Min(100)
        int maxBuckets();

        interface Group {
            /** Path prefixes, matched by whole segments ({@code /admin} matches {@code /admin/clients}). */
            List<String> paths();

            /** Per source address (IPv6 by its /64 network). */
            Optional<Limit> perAddress();

            /** Per client: the verified bearer token's {@code client_id}, else {@code azp}, else {@code sub}. */
            Optional<Limit> perClient();
        }

        /** {@code capacity} requests at once, refilled evenly over {@code period}. */
        interface Limit {
            @Min(1)
            long capacity();

            Duration period();
        }
    }

    interface Limits {
        /** The largest body of a token request (the form is a few hundred bytes). */
        @WithDefault("8K")
        MemorySize tokenBodySize();
    }

    interface Headers {
        /** When to send Strict-Transport-Security: on HTTPS requests (AUTO), always, or never. */
        @WithDefault("auto")
        Hsts hsts();

        @WithDefault("8760h")
        Duration hstsMaxAge();

        /** Content-Security-Policy added to responses that carry none. */
        @WithDefault("frame-ancestors 'none'")
        String contentSecurityPolicy();

        enum Hsts {
            AUTO, ALWAYS, NEVER
        }
    }

    interface Cors {
        /**
         * The exact origins of the known front ends ({@code scheme://host[:port]}); wildcards and patterns
         * are refused at startup.
         */
        List<String> origins();
    }
}
