package ir.tehran.womenfamily.registry.dci;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The DCI API's keys and the callback delivery's settings ({@code registry.dci.*}). */
@ConfigMapping(prefix = "registry.dci")
public interface DciConfig {

    /**
     * The registry's Ed25519 private key its callbacks are signed with: base64 of its PKCS#8 encoding
     * ({@code openssl genpkey -algorithm ed25519 -outform DER | base64 -w0}), from the environment
     * ({@code REGISTRY_DCI_SIGNING_KEY}). Unset, a key is generated at start (dev and test; agencies cannot pin
     * it, so production sets it).
     */
    Optional<String> signingKey();

    /**
     * The AES-256 key (base64 of 32 bytes) that seals other agencies' bearer tokens at rest ({@link TokenSeal}),
     * from the environment ({@code REGISTRY_DCI_TOKEN_KEY}). Unset, no such token is recorded or sent (503).
     */
    Optional<String> tokenKey();

    /** The id of the signing key (the middle of the signature's {@code kidId}). */
    @WithDefault("1")
    String signingKeyId();

    /** How long a signature the registry makes is valid ({@code expires - created}). */
    @WithDefault("5m")
    Duration signatureValidity();

    /** The most a signed message's {@code created} may lie in the future, and its {@code expires} in the past. */
    @WithDefault("30s")
    Duration clockSkew();

    /** The longest validity window the registry accepts on an incoming signature. */
    @WithDefault("1h")
    Duration maxSignatureValidity();

    /**
     * Whether an incoming envelope must carry a valid signature. False by default: an unsigned envelope
     * (a {@code signature} that is no {@code Signature:} header, as the conformance suite sends) is accepted
     * on the strength of the caller's token; a signed one is always verified.
     */
    @WithDefault("false")
    boolean signatureRequired();

    /** The callback delivery. */
    Callbacks callbacks();

    /** The longest a DCI subscription lasts; the agency renews it by subscribing again. */
    @WithDefault("P365D")
    Duration subscriptionLifetime();

    /** The notifications to subscribers ({@link DciNotifications}). */
    @io.smallrye.config.WithName("notify")
    Notify notifications();

    /** Which of the registry's own events notify subscribers. */
    interface Notify {

        /** Whether the consumer {@code registry-dci-notify} runs. */
        @WithDefault("true")
        boolean enabled();

        /** The registry's topics it reads. */
        @WithDefault("registry.beneficiary,registry.child,registry.consent")
        java.util.List<String> topics();
    }

    /** The callback delivery's settings. */
    interface Callbacks {

        /** How often the sender looks for callbacks due ({@code off} in tests, which call it). */
        @WithDefault("2s")
        String interval();

        /** Attempts before a callback is a dead letter. */
        @WithDefault("8")
        int maxAttempts();

        /** The delay after the first failed attempt; each further failure doubles it. */
        @WithDefault("5s")
        Duration backoff();

        /** The longest delay between two attempts. */
        @WithDefault("1h")
        Duration maxBackoff();

        /** Connect and answer timeout of one attempt. */
        @WithDefault("10s")
        Duration timeout();

        /** Callbacks sent per run. */
        @WithDefault("50")
        int batch();
    }
}
