package ir.tehran.womenfamily.gateway.token;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;

import io.quarkus.runtime.Startup;
import ir.tehran.womenfamily.gateway.GatewayConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The private RSA key that signs tokens and the public key set that verifies them, read once at
 * startup: the gateway does not start without a usable signing key.
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
        Path location = Path.of(config.token().signingKeyLocation());
        try {
            JsonWebKey key = JsonWebKey.Factory.newJwk(Files.readString(location, StandardCharsets.UTF_8));
            if (!(key instanceof RsaJsonWebKey rsa) || rsa.getPrivateKey() == null) {
                throw new IllegalStateException(location + " is not a private RSA JWK");
            }
            if (rsa.getKeyId() == null || rsa.getKeyId().isBlank()) {
                throw new IllegalStateException(location + " has no kid");
            }
            signing = rsa;
            JsonWebKeySet set = config.token().publicJwksLocation().isPresent()
                ? new JsonWebKeySet(Files.readString(Path.of(config.token().publicJwksLocation().get()),
                    StandardCharsets.UTF_8))
                : new JsonWebKeySet(rsa);
            if (set.findJsonWebKey(rsa.getKeyId(), null, null, null) == null) {
                LOG.warnf("the public JWKS has no key with the signing kid %s: tokens will not verify",
                    rsa.getKeyId());
            }
            // only the public parts ever leave the gateway, whatever the file holds
            publicJwks = set.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
            LOG.infof("signing tokens with key %s", rsa.getKeyId());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the token keys: " + e.getMessage(), e);
        } catch (JoseException e) {
            throw new IllegalStateException("cannot parse the token keys: " + e.getMessage(), e);
        }
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
