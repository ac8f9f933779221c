package ir.tehran.womenfamily.registry.agencycheck;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The keys of the duplicate check, by id: HMAC-SHA256, keyed with the base64-decoded shared key, over
 * the ten ASCII digits of the canonical national code, as lower-case hex. An agency computes the same.
 */
@ApplicationScoped
public class CodeHmacKeys {

    private static final Logger LOG = Logger.getLogger(CodeHmacKeys.class);
    private static final int MIN_KEY_BYTES = 32;

    @Inject
    AgencyCheckConfig config;

    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private String currentId;

    @PostConstruct
    void load() {
        config.key().ifPresentOrElse(k -> {
            currentId = config.keyId();
            keys.put(currentId, decode("registry.agency-check.key", k));
        }, () -> LOG.warn("registry.agency-check.key is not set: the inter-agency duplicate check answers 503"));
        config.previousKey().ifPresent(k -> keys.put(config.previousKeyId().orElseThrow(
            () -> new IllegalStateException("registry.agency-check.previous-key-id must name the previous key")),
            decode("registry.agency-check.previous-key", k)));
    }

    public boolean enabled() {
        return currentId != null;
    }

    public String currentId() {
        return currentId;
    }

    /** Every configured key id, the current one first. */
    public java.util.Set<String> ids() {
        return keys.keySet();
    }

    public Optional<String> hmac(String keyId, String canonicalCode) {
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            return Optional.empty();
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(canonicalCode.getBytes(StandardCharsets.US_ASCII));
            return Optional.of(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static SecretKeySpec decode(String name, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not base64");
        }
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalStateException(name + " must decode to at least " + MIN_KEY_BYTES + " bytes");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }
}
