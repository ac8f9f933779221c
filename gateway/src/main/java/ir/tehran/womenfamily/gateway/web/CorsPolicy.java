package ir.tehran.womenfamily.gateway.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

import io.quarkus.runtime.StartupEvent;
import ir.tehran.womenfamily.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Guards the CORS allow-list ({@code gateway.cors.origins}, handed to Quarkus's CORS filter in
 * {@code application.properties}): the gateway does not start with a wildcard, a pattern or anything but
 * a plain origin in it, nor with credentials allowed.
 */
@ApplicationScoped
public class CorsPolicy {

    private static final Logger LOG = Logger.getLogger(CorsPolicy.class);

    @Inject
    GatewayConfig config;

    @ConfigProperty(name = "quarkus.http.cors.access-control-allow-credentials", defaultValue = "true")
    boolean allowCredentials;

    void check(@Observes StartupEvent event) {
        List<String> origins = config.cors().origins();
        origins.forEach(CorsPolicy::requirePlainOrigin);
        if (allowCredentials) {
            throw new IllegalStateException("quarkus.http.cors.access-control-allow-credentials must be false: "
                + "the API takes bearer tokens, never cookies");
        }
        LOG.infof("CORS allowed for %s", origins);
    }

    /** {@code scheme://host[:port]} and nothing else. */
    static void requirePlainOrigin(String origin) {
        String o = origin == null ? "" : origin.trim();
        if (o.contains("*") || o.startsWith("/")) {
            throw new IllegalStateException("gateway.cors.origins takes exact origins, not " + origin);
        }
        URI uri;
        try {
            uri = new URI(o);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("gateway.cors.origins: not an origin: " + origin, e);
        }
        boolean plain = ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
            && (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
            && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        if (!plain) {
            throw new IllegalStateException("gateway.cors.origins: not an origin (scheme://host[:port]): " + origin);
        }
    }
}
