package ir.tehran.womenfamily.gateway.token;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.ws.rs.core.MultivaluedMap;

/** A client id and secret, from HTTP Basic (form-urlencoded, RFC 6749 §2.3.1) or from the form. */
record ClientCredentials(String id, String secret) {

    /**
     * {@code null} when the request carries no client credentials at all.
     *
     * @throws IllegalArgumentException when they are malformed, incomplete or given twice
     */
    static ClientCredentials from(MultivaluedMap<String, String> form, String authorization) {
        String formId = form.getFirst("client_id");
        String formSecret = form.getFirst("client_secret");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (formSecret != null) {
                throw new IllegalArgumentException("Use one client authentication method, not two.");
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Malformed Basic credentials.");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("Malformed Basic credentials.");
            }
            String id = urlDecode(decoded.substring(0, colon));
            if (formId != null && !formId.equals(id)) {
                throw new IllegalArgumentException("client_id does not match the Basic credentials.");
            }
            return new ClientCredentials(id, urlDecode(decoded.substring(colon + 1)));
        }
        if (formId == null && formSecret == null) {
            return null;
        }
        if (formId == null || formSecret == null) {
            throw new IllegalArgumentException("Both client_id and client_secret are required.");
        }
        return new ClientCredentials(formId, formSecret);
    }

    private static String urlDecode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Malformed Basic credentials.");
        }
    }
}
