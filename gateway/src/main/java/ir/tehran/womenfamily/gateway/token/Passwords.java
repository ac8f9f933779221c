package ir.tehran.womenfamily.gateway.token;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

import at.favre.lib.crypto.bcrypt.BCrypt;
import ir.tehran.womenfamily.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** bcrypt hashes of passwords and client secrets. */
@ApplicationScoped
public class Passwords {

    /** bcrypt reads at most 72 bytes; longer secrets are refused rather than silently truncated. */
    static final int MAX_BYTES = 72;

    @Inject
    GatewayConfig config;

    private volatile String decoy;

    private final AtomicLong verifications = new AtomicLong();

    public String hash(String secret) {
        if (secret == null || secret.isEmpty() || secret.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("a password or secret must have 1 to " + MAX_BYTES + " bytes");
        }
        return BCrypt.withDefaults().hashToString(config.security().bcryptCost(), secret.toCharArray());
    }

    public boolean matches(String secret, String hash) {
        if (secret == null || hash == null || secret.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return false;
        }
        verifications.incrementAndGet();
        try {
            return BCrypt.verifyer().verify(secret.toCharArray(), hash).verified;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * How many bcrypt verifications ran since the start: every refusal of a login costs exactly one, whether the
     * name exists, is throttled or neither (tests count it instead of measuring time).
     */
    public long verifications() {
        return verifications.get();
    }

    /** Spends the time of one verification, so an unknown name takes as long to refuse as a known one. */
    public void burn(String secret) {
        String h = decoy;
        if (h == null) {
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            h = hash(Base64.getEncoder().encodeToString(random));
            decoy = h;
        }
        matches(secret == null ? "" : secret, h);
    }
}
