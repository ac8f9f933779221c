package ir.tehran.womenfamily.registry.dci;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The registry's Ed25519 key, which signs every envelope it sends an agency ({@code registry.dci.signing-key});
 * generated at start when none is configured.
 */
@ApplicationScoped
@Startup
public class RegistrySigningKey {

    private static final Logger LOG = Logger.getLogger(RegistrySigningKey.class);

    @Inject
    DciConfig config;

    @Inject
    Clock clock;

    private PrivateKey privateKey;
    private PublicKey publicKey;

    @PostConstruct
    void load() {
        try {
            if (config.signingKey().isPresent()) {
                KeyFactory factory = KeyFactory.getInstance("Ed25519");
                privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(config.signingKey().get().strip())));
                publicKey = derivePublic(privateKey);
            } else {
                KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                privateKey = pair.getPrivate();
                publicKey = pair.getPublic();
                LOG.warn("registry.dci.signing-key is not set: DCI callbacks are signed with a key generated at start");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("registry.dci.signing-key is not a base64 PKCS#8 Ed25519 key", e);
        }
    }

    /** Signs an outgoing {@code {header, message}} as the registry, valid from now for the configured time. */
    public String sign(JsonNode header, JsonNode message) {
        Instant now = Instant.now(clock);
        return Signatures.sign(header, message, Envelopes.RECEIVER, config.signingKeyId(), privateKey,
            now.getEpochSecond(), now.plus(config.signatureValidity()).getEpochSecond());
    }

    /** The public key agencies verify the registry's envelopes with. */
    public AgencyDtos.SigningKeyView view() {
        return new AgencyDtos.SigningKeyView(Envelopes.RECEIVER + "|" + config.signingKeyId() + "|ed25519",
            config.signingKeyId(), "ed25519", Base64.getEncoder().encodeToString(publicKey.getEncoded()));
    }

    PublicKey publicKey() {
        return publicKey;
    }

    /** The public half of a PKCS#8 Ed25519 key: the pair generated from its seed. */
    private static PublicKey derivePublic(PrivateKey key) throws GeneralSecurityException {
        byte[] seed = ((EdECPrivateKey) key).getBytes().orElseThrow();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(NamedParameterSpec.ED25519, new FixedRandom(seed));
        return generator.generateKeyPair().getPublic();
    }

    /** A "random" source that yields the seed: the key pair generated from it is the configured one. */
    private static final class FixedRandom extends java.security.SecureRandom {
        private final byte[] seed;

        FixedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }
}
