package ir.tehran.womenfamily.gateway.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import ir.tehran.womenfamily.support.problem.Messages;
import ir.tehran.womenfamily.support.problem.Problem;
import ir.tehran.womenfamily.support.problem.ProblemResponses;
import ir.tehran.womenfamily.support.tracing.RequestIds;

/**
 * Problem+json answers given by the gateway's own HTTP filters, before any REST resource or service is
 * reached, in the client's language and with the request id.
 */
public final class RoutingProblems {

    private RoutingProblems() {
    }

    /** Ends the exchange with a problem of {@code type}; {@code headers} are added to the response. */
    public static void send(RoutingContext ctx, int status, String type, Map<String, String> headers,
            Object... args) {
        HttpServerRequest request = ctx.request();
        String requestId = RequestIds.acceptOrGenerate(request.getHeader(RequestIds.HEADER));
        Locale locale = Messages.fromHeader(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        Problem problem = ProblemResponses.problem(status, type, locale, request.path(), List.of(), args)
            .withRequestId(requestId);
        HttpServerResponse response = ctx.response();
        response.setStatusCode(status)
            .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
            .putHeader(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
            .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
            .putHeader(RequestIds.HEADER, requestId);
        headers.forEach(response::putHeader);
        response.end(Json.encode(problem));
    }

    /**
     * Like {@link #send}, for a request whose body will not be read: over HTTP/1.x the connection is
     * closed after the answer, so the unread body is never taken for the next request.
     */
    public static void sendAndClose(RoutingContext ctx, int status, String type, Object... args) {
        HttpServerRequest request = ctx.request();
        boolean http1 = request.version() != HttpVersion.HTTP_2;
        if (http1) {
            ctx.response().endHandler(v -> request.connection().close());
        }
        send(ctx, status, type, http1 ? Map.of(HttpHeaders.CONNECTION.toString(), "close") : Map.of(), args);
    }
}
