package ir.tehran.womenfamily.registry.dci;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The bearer tokens other agencies' gateways gave the registry ({@code dci_remote_registry.access_token}), sealed at
 * rest with AES-256-GCM: {@code aesgcm1:} and base64 of a random 12-byte nonce followed by the ciphertext and its
 * 16-byte tag; the agency's client id is the associated data, so a sealed token moved to another agency's row does
 * not open. The key is {@code registry.dci.token-key} (base64 of 32 bytes; the environment's
 * {@code REGISTRY_DCI_TOKEN_KEY}, in Kubernetes the Secret {@code registry-dci-token-key}). Without it no token is
 * recorded or sent (503 {@code dci-token-key}). A token stored in the clear before sealing existed is sealed at the
 * first start with a key. The API never returns a token, sealed or not ({@code hasAccessToken} only).
 */
@ApplicationScoped
public class TokenSeal {

    static final String PREFIX = "aesgcm1:";
    private static final Logger LOG = Logger.getLogger(TokenSeal.class);
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final Optional<SecretKeySpec> key;

    @Inject
    public TokenSeal(DciConfig config) {
        this.key = config.tokenKey().filter(k -> !k.isBlank()).map(TokenSeal::decode);
    }

    private static SecretKeySpec decode(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64.strip());
        if (bytes.length != 32) {
            throw new IllegalStateException("registry.dci.token-key must be base64 of 32 bytes");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** The token sealed for the agency's row. */
    public String seal(String clientId, String token) {
        SecretKeySpec k = key.orElseThrow(TokenSeal::noKey);
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, k, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(clientId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, NONCE + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The token of the agency's row, opened; empty when none is stored. */
    public Optional<String> open(String clientId, String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        if (!stored.startsWith(PREFIX)) {
            return Optional.of(stored);
        }
        SecretKeySpec k = key.orElseThrow(TokenSeal::noKey);
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, k, new GCMParameterSpec(TAG_BITS, in, 0, NONCE));
            cipher.updateAAD(clientId.getBytes(StandardCharsets.UTF_8));
            return Optional.of(new String(cipher.doFinal(in, NONCE, in.length - NONCE), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            LOG.errorf("the stored token of agency %s does not open with registry.dci.token-key", clientId);
            throw new ProblemException(503, "dci-token-key");
        }
    }

    /** Seals the tokens stored in the clear before sealing existed (once a key is configured). */
    void sealLegacy(@Observes StartupEvent event) {
        if (key.isEmpty()) {
            LOG.warn("registry.dci.token-key is not set: no agency registry token can be recorded or sent");
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            List<RemoteRegistry> clear = RemoteRegistry.list("accessToken is not null and accessToken not like ?1",
                PREFIX + "%");
            clear.forEach(r -> r.accessToken = seal(r.clientId, r.accessToken));
            if (!clear.isEmpty()) {
                LOG.infof("sealed %d agency registry token(s) stored in the clear", clear.size());
            }
        });
    }

    private static ProblemException noKey() {
        return new ProblemException(503, "dci-token-key");
    }
}
