package ir.tehran.womenfamily.gateway.token;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Optional;

import io.quarkus.runtime.Startup;
import ir.tehran.womenfamily.gateway.GatewayConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.lang.JoseException;

/**
 * The private RSA key that signs tokens and the public key set that verifies them, read once at
 * startup: the gateway does not start without a usable signing key. The published set holds the signing
 * key's public part, any key staged for the next rotation ({@code gateway.token.public-jwks-location}) and
 * the keys of earlier rotations ({@code gateway.token.previous-public-jwks-location}); tokens name their key
 * by {@code kid}.
 */
@Startup
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    @Inject
    GatewayConfig config;

    private RsaJsonWebKey signing;
    private String publicJwks;

    @PostConstruct
    void load() {
        if (!config.token().enabled()) {
            LOG.info("the gateway issues no tokens (gateway.token.enabled=false): no signing key loaded");
            return;
        }
        Path location = Path.of(config.token().signingKeyLocation().orElseThrow(() -> new IllegalStateException(
            "gateway.token.signing-key-location is required while the gateway issues tokens")));
        try {
            JsonWebKey key = JsonWebKey.Factory.newJwk(Files.readString(location, StandardCharsets.UTF_8));
            if (!(key instanceof RsaJsonWebKey rsa) || rsa.getPrivateKey() == null) {
                throw new IllegalStateException(location + " is not a private RSA JWK");
            }
            if (rsa.getKeyId() == null || rsa.getKeyId().isBlank()) {
                throw new IllegalStateException(location + " has no kid");
            }
            signing = rsa;
            JsonWebKeySet set = new JsonWebKeySet(publicPart(rsa));
            addKeys(set, config.token().publicJwksLocation());
            addKeys(set, config.token().previousPublicJwksLocation());
            // only the public parts ever leave the gateway, whatever the files hold
            publicJwks = set.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
            LOG.infof("signing tokens with key %s; publishing keys %s", rsa.getKeyId(),
                set.getJsonWebKeys().stream().map(JsonWebKey::getKeyId).toList());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the token keys: " + e.getMessage(), e);
        } catch (JoseException e) {
            throw new IllegalStateException("cannot parse the token keys: " + e.getMessage(), e);
        }
    }

    /**
     * Adds the keys of a JWKS file to the published set: each needs a {@code kid}; one with the signing
     * key's {@code kid} must be that key; a {@code kid} already published is not repeated.
     */
    private void addKeys(JsonWebKeySet set, Optional<String> file) throws IOException, JoseException {
        if (file.isEmpty() || file.get().isBlank()) {
            return;
        }
        JsonWebKeySet extra = new JsonWebKeySet(Files.readString(Path.of(file.get()), StandardCharsets.UTF_8));
        for (JsonWebKey key : extra.getJsonWebKeys()) {
            if (key.getKeyId() == null || key.getKeyId().isBlank()) {
                throw new IllegalStateException(file.get() + " holds a key without a kid");
            }
            if (key.getKeyId().equals(signing.getKeyId())) {
                if (!Arrays.equals(key.getKey().getEncoded(), signing.getPublicKey().getEncoded())) {
                    throw new IllegalStateException(file.get() + " holds another key with the signing kid "
                        + signing.getKeyId());
                }
                continue;
            }
            if (set.findJsonWebKey(key.getKeyId(), null, null, null) == null) {
                set.addJsonWebKey(key);
            }
        }
    }

    private static RsaJsonWebKey publicPart(RsaJsonWebKey rsa) {
        RsaJsonWebKey pub = new RsaJsonWebKey(rsa.getRsaPublicKey());
        pub.setKeyId(rsa.getKeyId());
        pub.setAlgorithm(rsa.getAlgorithm() == null ? AlgorithmIdentifiers.RSA_USING_SHA256 : rsa.getAlgorithm());
        pub.setUse(rsa.getUse() == null ? "sig" : rsa.getUse());
        return pub;
    }

    public PrivateKey privateKey() {
        return signing.getPrivateKey();
    }

    public String keyId() {
        return signing.getKeyId();
    }

    /** The public JWKS document, as JSON. */
    public String publicJwks() {
        return publicJwks;
    }
}
