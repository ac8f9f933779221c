package ir.tehran.womenfamily.registry.agencycheck;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The inter-agency duplicate check. The key is shared out of band with the agencies and comes from the
 * environment in production ({@code REGISTRY_AGENCY_CHECK_KEY}); without it the check answers 503.
 */
@ConfigMapping(prefix = "registry.agency-check")
public interface AgencyCheckConfig {

    /** The current HMAC key: base64 of at least 32 random bytes ({@code openssl rand -base64 32}). */
    Optional<String> key();

    /** The current key's id; agencies may name it in a request. */
    @WithDefault("1")
    String keyId();

    /** During a rotation: the previous key, still answered for until agencies have moved. */
    Optional<String> previousKey();

    /** The previous key's id. */
    Optional<String> previousKeyId();


    /** How often missing or stale HMACs are computed in the background. */
    @WithDefault("30s")
    Duration backfillInterval();
}
