package ir.tehran.womenfamily.gateway.limit;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import ir.tehran.womenfamily.gateway.GatewayConfig;
import ir.tehran.womenfamily.gateway.web.RoutingProblems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request line too long for the services (414 problem+json), and a body that is declared too
 * large before any of it is read: 413 problem+json when
 * {@code Content-Length} is above {@code quarkus.http.limits.max-body-size}, or above
 * {@code gateway.limits.token-body-size} on the token, revocation and password change endpoints, whose streamed
 * (chunked) HTTP/1.1 bodies are read here and counted as they come. A body streamed to a service without a length
 * is counted by the proxy as it passes.
 */
@ApplicationScoped
public class BodySizeFilter {

    /** Below the CORS filter (300) so a browser can read the answer, above the rate limits. */
    static final int PRIORITY = 260;

    /** The token, revocation and password change endpoints: small bodies, where passwords are guessed. */
    static final Set<String> FORM_PATHS = Set.of("/oauth2/token", "/oauth2/revoke", "/oauth2/authorize",
        "/account/password");

    /**
     * The longest path and query passed on, in characters: the services' HTTP servers read request lines
     * of up to 4,096 bytes. The gateway reads lines up to {@code quarkus.http.limits.max-initial-line-length}
     * (256 KB) so that it can answer a longer one with a problem; beyond that the HTTP layer answers a bare
     * 414 and closes the connection.
     */
    static final int MAX_URI_LENGTH = 4000;

    @Inject
    GatewayConfig config;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.uri().length() > MAX_URI_LENGTH) {
            RoutingProblems.sendAndClose(ctx, 414, "uri-too-long", MAX_URI_LENGTH);
            return;
        }
        boolean token = FORM_PATHS.contains(ctx.normalizedPath()) && request.method() == HttpMethod.POST;
        long limit = token ? config.limits().tokenBodySize().asLongValue()
            : maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        String header = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (header == null) {
            if (token && request.version() != HttpVersion.HTTP_2 && isChunked(request)) {
                readCounted(ctx, limit);
                return;
            }
            ctx.next();
            return;
        }
        long length;
        try {
            length = Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            RoutingProblems.sendAndClose(ctx, 400, "bad-request");
            return;
        }
        if (length > limit) {
            RoutingProblems.sendAndClose(ctx, 413, "payload-too-large", limit);
            return;
        }
        ctx.next();
    }

    /**
     * Reads a streamed form body (what HTTP clients send when they do not know the length in advance, such as the
     * Java clients openapi-generator makes), counting its bytes as they come: past {@code limit} the request is
     * answered 413 and the connection closed without reading further; a body within the limit is handed to the
     * REST layer, which takes a body already read from the routing context. An HTTP/2 request cannot be read
     * ahead like this (the REST layer pauses the request, which HTTP/2 refuses once the stream has ended): its
     * stream goes on to the REST layer, which reads at most {@code quarkus.http.limits.max-body-size}.
     */
    private static void readCounted(RoutingContext ctx, long limit) {
        HttpServerRequest request = ctx.request();
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + (long) chunk.length() > limit) {
                refused[0] = true;
                RoutingProblems.sendAndClose(ctx, 413, "payload-too-large", limit);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(done -> {
            if (!refused[0]) {
                ctx.setBody(body);
                ctx.next();
            }
        });
        request.resume();
    }

    private static boolean isChunked(HttpServerRequest request) {
        String te = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
        return te != null && te.toLowerCase(Locale.ROOT).contains("chunked");
    }
}
