package ir.tehran.womenfamily.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import ir.tehran.womenfamily.localstack.TestInfra;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.lang.JoseException;

/**
 * The state after a key rotation: a "previous" key pair that signed before the test stack's current key,
 * published through {@code gateway.token.previous-public-jwks-location}, and a verification JWKS with both
 * public keys for the gateway's own bearer checks, as docs/security-gateway.md tells operators to set up.
 */
public class RotatedKeys implements QuarkusTestResourceLifecycleManager {

    static final Path DIR = Path.of("target", "test-keys").toAbsolutePath();
    static final Path PREVIOUS_SIGNING = DIR.resolve("previous-signing-jwk.json");
    static final Path PREVIOUS_JWKS = DIR.resolve("previous-jwks.json");
    static final Path VERIFICATION_JWKS = DIR.resolve("verification-jwks.json");

    @Override
    public Map<String, String> start() {
        try {
            Files.createDirectories(DIR);
            RsaJsonWebKey previous = RsaJwkGenerator.generateJwk(2048);
            previous.setKeyId("previous-" + Long.toHexString(System.nanoTime()));
            previous.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            previous.setUse("sig");
            Files.writeString(PREVIOUS_SIGNING, previous.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE),
                StandardCharsets.UTF_8);
            Files.writeString(PREVIOUS_JWKS, new JsonWebKeySet(previous).toJson(
                JsonWebKey.OutputControlLevel.PUBLIC_ONLY), StandardCharsets.UTF_8);
            List<JsonWebKey> both = new ArrayList<>();
            both.add(TestInfra.jwtKeys().loadSigningKey());
            both.add(previous);
            Files.writeString(VERIFICATION_JWKS, new JsonWebKeySet(both).toJson(
                JsonWebKey.OutputControlLevel.PUBLIC_ONLY), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
        return Map.of(
            "gateway.token.previous-public-jwks-location", PREVIOUS_JWKS.toString(),
            "mp.jwt.verify.publickey.location", "file:" + VERIFICATION_JWKS);
    }

    @Override
    public void stop() {
    }

    /** The previous private key, to sign a token as it was signed before the rotation. */
    public static RsaJsonWebKey previousKey() {
        try {
            String json = Files.readString(PREVIOUS_SIGNING, StandardCharsets.UTF_8);
            return (RsaJsonWebKey) JsonWebKey.Factory.newJwk(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
