package ir.tehran.womenfamily.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.lang.JoseException;

/**
 * The token signing key of a local stack, generated on first start and kept in the data directory,
 * never in the repository: {@code signing-jwk.json} (private, for the gateway) and {@code jwks.json}
 * (public, for every service that verifies tokens).
 */
public record JwtKeys(Path signingKey, Path publicJwks) {

    public static JwtKeys ensure(Path dir) {
        Path signing = dir.resolve("signing-jwk.json");
        Path jwks = dir.resolve("jwks.json");
        try {
            if (!Files.exists(signing) || !Files.exists(jwks)) {
                Files.createDirectories(dir);
                RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
                key.setKeyId("local-" + LocalDate.now() + "-" + Long.toHexString(System.nanoTime() & 0xffffff));
                key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
                key.setUse("sig");
                Files2.writeOwnerOnly(signing,
                    key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE).getBytes(StandardCharsets.UTF_8));
                Files.writeString(jwks, new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY),
                    StandardCharsets.UTF_8);
            }
            return new JwtKeys(signing, jwks);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    public RsaJsonWebKey loadSigningKey() {
        try {
            return (RsaJsonWebKey) JsonWebKey.Factory.newJwk(Files.readString(signingKey, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
