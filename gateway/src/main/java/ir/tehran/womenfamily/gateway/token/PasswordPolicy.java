package ir.tehran.womenfamily.gateway.token;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ir.tehran.womenfamily.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What a password a person chooses must be: at least {@code gateway.security.min-password-length} characters
 * (12 by default), at most 72 bytes (bcrypt reads no more), not blank at either end, and not containing her
 * username. Each rule broken is one message key of the bundles.
 */
@ApplicationScoped
public class PasswordPolicy {

    @Inject
    GatewayConfig config;

    /** The message keys of the rules {@code password} breaks for {@code username}; empty when it fits. */
    public List<String> violations(String username, String password) {
        List<String> broken = new ArrayList<>();
        if (password == null) {
            broken.add("validation.password-length");
            return broken;
        }
        if (password.codePointCount(0, password.length()) < config.security().minPasswordLength()
            || password.getBytes(StandardCharsets.UTF_8).length > Passwords.MAX_BYTES) {
            broken.add("validation.password-length");
        }
        if (!password.equals(password.strip())) {
            broken.add("validation.password-spaces");
        }
        if (username != null && !username.isBlank()
            && password.toLowerCase(Locale.ROOT).contains(username.strip().toLowerCase(Locale.ROOT))) {
            broken.add("validation.password-username");
        }
        return broken;
    }

    public int minLength() {
        return config.security().minPasswordLength();
    }
}
