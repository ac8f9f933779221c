package ir.tehran.womenfamily.gateway.web;

import java.util.List;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import ir.tehran.womenfamily.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Security headers on every answer of the gateway, its own and the services' alike, set just before the
 * headers are written: no MIME sniffing, no framing, no referrer, HSTS on HTTPS, {@code no-store} unless
 * the answer says how it may be cached, and none of the headers that name the server software.
 */
@ApplicationScoped
public class SecurityHeaders {

    /** Above the CORS filter (300), so that its rejections carry the headers too. */
    static final int PRIORITY = 400;

    /** Headers that tell an attacker which software (and version) answers. */
    static final List<String> LEAKS = List.of("Server", "X-Powered-By", "X-AspNet-Version", "X-AspNetMvc-Version",
        "X-Runtime", "X-Generator");

    @Inject
    GatewayConfig config;

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext ctx) {
        boolean https = "https".equalsIgnoreCase(ctx.request().scheme());
        ctx.addHeadersEndHandler(v -> apply(ctx.response().headers(), https, config.headers()));
        ctx.next();
    }

    static void apply(MultiMap headers, boolean https, GatewayConfig.Headers settings) {
        LEAKS.forEach(headers::remove);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        if (!headers.contains("Content-Security-Policy") && !settings.contentSecurityPolicy().isBlank()) {
            headers.set("Content-Security-Policy", settings.contentSecurityPolicy());
        }
        if (!headers.contains(HttpHeaders.CACHE_CONTROL)) {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        boolean hsts = switch (settings.hsts()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> https;
        };
        if (hsts) {
            headers.set("Strict-Transport-Security",
                "max-age=" + settings.hstsMaxAge().toSeconds() + "; includeSubDomains");
        }
    }
}
