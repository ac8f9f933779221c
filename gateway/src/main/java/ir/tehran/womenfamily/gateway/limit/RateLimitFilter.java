package ir.tehran.womenfamily.gateway.limit;

import java.util.Map;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import ir.tehran.womenfamily.gateway.web.RoutingProblems;
import ir.tehran.womenfamily.gateway.web.SourceAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Counts every request against its route group's buckets, first per source address, then, when it
 * carries a bearer token that verifies, per client; an empty bucket answers 429 problem+json with
 * {@code Retry-After}. Runs after the CORS filter, so a browser can read the 429, and before
 * authentication and every route, the proxy included.
 */
@ApplicationScoped
public class RateLimitFilter {

    /** Below the CORS filter (300), above authentication (200). */
    static final int PRIORITY = 250;

    private static final Logger LOG = Logger.getLogger(RateLimitFilter.class);

    @Inject
    RateLimiter limiter;

    @Inject
    BearerClients clients;

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext ctx) {
        if (!limiter.enabled()) {
            ctx.next();
            return;
        }
        RateLimiter.GroupLimits limits = limiter.limitsFor(ctx.normalizedPath());
        Future<Boolean> byAddress = limits.perAddress() == null ? Future.succeededFuture(true)
            : take(ctx, limits.perAddress(), addressKey(ctx.request().remoteAddress()));
        byAddress.onComplete(first -> {
            if (!passed(first)) {
                return;
            }
            String token = limits.perClient() == null ? null : bearer(ctx.request());
            if (token == null) {
                ctx.next();
                return;
            }
            clients.clientOf(token).onComplete(verified -> {
                String client = verified.succeeded() ? verified.result() : null;
                if (client == null) {
                    ctx.next();
                    return;
                }
                take(ctx, limits.perClient(), client).onComplete(second -> {
                    if (passed(second)) {
                        ctx.next();
                    }
                });
            });
        });
    }

    /**
     * Takes a token, in memory when the limit can decide there (a shared limit's lease), else off the event loop;
     * true when the request may go on.
     */
    private static Future<Boolean> take(RoutingContext ctx, Limit limit, String key) {
        Limit.Decision now = limit.takeNow(key);
        if (now != null) {
            return Future.succeededFuture(allowed(ctx, now, key));
        }
        // the future completes on the request's own context (its event loop)
        return ctx.vertx().<Limit.Decision>executeBlocking(() -> limit.take(key), false)
            .map(decision -> allowed(ctx, decision, key));
    }

    /** True when the request may go on; a failed take (it should not) lets it through rather than hang. */
    private static boolean passed(io.vertx.core.AsyncResult<Boolean> result) {
        if (result.failed()) {
            LOG.warnf("rate limit check failed: %s", result.cause().toString());
            return true;
        }
        return result.result();
    }

    private static boolean allowed(RoutingContext ctx, Limit.Decision decision, String key) {
        if (decision.allowed()) {
            return true;
        }
        long retryAfter = decision.retryAfterSeconds();
        LOG.infof("rate limit: %s %s refused for %s, retry after %d s", ctx.request().method(),
            ctx.normalizedPath(), key, retryAfter);
        RoutingProblems.send(ctx, 429, "too-many-requests",
            Map.of(HttpHeaders.RETRY_AFTER.toString(), Long.toString(retryAfter)), retryAfter);
        return false;
    }

    /** The bearer token of the request, or {@code null}. */
    static String bearer(HttpServerRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    /** The source address as the key of its bucket ({@link SourceAddress}). */
    static String addressKey(SocketAddress remote) {
        return SourceAddress.key(remote);
    }
}
