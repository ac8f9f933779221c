package ir.tehran.womenfamily.gateway.token;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Which redirect URIs a client may register (RFC 9700 §2.1, RFC 8252 §7): absolute, without a fragment, and either
 * https, a private-use scheme in reverse domain name form ({@code ir.tehran.women://callback}), or http on the
 * loopback interface ({@code 127.0.0.1}, {@code [::1]}, {@code localhost}). The authorization endpoint then compares
 * the one a request names with the registered ones exactly, character for character.
 */
public final class RedirectUris {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "[::1]", "localhost");

    private RedirectUris() {
    }

    /** Whether {@code value} may be registered as a redirect URI. */
    public static boolean acceptable(String value) {
        if (value == null || value.isBlank() || value.length() > 512) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return false;
        }
        if (!uri.isAbsolute() || uri.getRawFragment() != null || uri.isOpaque()) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "https" -> uri.getHost() != null && uri.getRawUserInfo() == null;
            case "http" -> uri.getHost() != null && uri.getRawUserInfo() == null
                && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
            // a private-use scheme: reverse domain name of the app (RFC 8252 §7.1); never javascript:, data:, file:
            default -> scheme.matches("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+");
        };
    }
}
