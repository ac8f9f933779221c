package ir.tehran.womenfamily.gateway.token;

import java.util.Map;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import ir.tehran.womenfamily.gateway.GatewayConfig;
import ir.tehran.womenfamily.gateway.web.RoutingProblems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * With {@code gateway.token.enabled=false} (another provider issues the tokens) the gateway's issuer
 * endpoints are gone: 404 for {@code /oauth2/**}, discovery, {@code /admin/clients/**}, the management of
 * people {@code /admin/users/**} (they sign in at the provider; the local user table is not used) and the
 * password change {@code /account/**} (the provider keeps the passwords), so nobody guesses passwords or
 * secrets against accounts that no longer matter, and no admin manages accounts that sign in nowhere.
 */
@ApplicationScoped
public class IssuerSwitch {

    /** After the CORS filter (300) and the body size check (260), before the rate limits (250). */
    static final int PRIORITY = 255;

    @Inject
    GatewayConfig config;

    void register(@Observes Filters filters) {
        if (!config.token().enabled()) {
            filters.register(this::handle, PRIORITY);
        }
    }

    void handle(RoutingContext ctx) {
        if (isIssuerPath(ctx.normalizedPath())) {
            RoutingProblems.send(ctx, 404, "not-found-route", Map.of());
            return;
        }
        ctx.next();
    }

    static boolean isIssuerPath(String path) {
        return path.equals("/oauth2") || path.startsWith("/oauth2/")
            || path.equals("/.well-known/openid-configuration")
            || path.equals("/.well-known/oauth-authorization-server")
            || path.equals("/admin/clients") || path.startsWith("/admin/clients/")
            || path.equals("/admin/users") || path.startsWith("/admin/users/")
            || path.equals("/account") || path.startsWith("/account/");
    }
}
