package ir.tehran.womenfamily.gateway.proxy;

import java.net.ConnectException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import ir.tehran.womenfamily.support.problem.Messages;
import ir.tehran.womenfamily.support.problem.Problem;
import ir.tehran.womenfamily.support.problem.ProblemResponses;
import ir.tehran.womenfamily.support.tracing.RequestIds;
import org.jboss.logging.Logger;

/**
 * Adds the request id, the trace context ({@code traceparent} of the gateway's own span) and forwarding
 * headers on the way in, echoes the request id on the way out (without the service's own CORS headers: the
 * gateway answers CORS), counts a body sent without a length against the body size limit, sends through the
 * service's circuit breaker, and answers a service that cannot be reached or whose breaker is open (503, with
 * {@code Retry-After}), that does not answer in time (504) or that fails otherwise (502) with problem+json in
 * the client's language instead of the proxy's empty 502.
 */
final class GatewayInterceptor implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(GatewayInterceptor.class);
    private static final String REQUEST_ID = "request-id";
    private static final String COUNTED_BODY = "counted-body";
    private static final String TRACESTATE = "tracestate";
    private static final List<String> FORWARDING_HEADERS = List.of("Forwarded", "X-Forwarded-For",
        "X-Forwarded-Proto", "X-Forwarded-Host", "X-Forwarded-Port", "X-Forwarded-Prefix", "X-Forwarded-Ssl",
        "X-Forwarded-Server", "X-Forwarded-Trusted-Proxy");

    private final String service;
    private final String basePath;
    private final ObjectMapper json;
    private final long maxBodySize;
    private final UpstreamBreaker breaker;

    /**
     * {@code basePath}: the path of the service's URL, put before every forwarded path ("" for none);
     * {@code maxBodySize}: the most bytes a body without a declared length may have;
     * {@code breaker}: the service's circuit breaker.
     */
    GatewayInterceptor(String service, String basePath, ObjectMapper json, long maxBodySize,
            UpstreamBreaker breaker) {
        this.service = service;
        this.basePath = basePath;
        this.json = json;
        this.maxBodySize = maxBodySize;
        this.breaker = breaker;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        HttpServerRequest incoming = request.proxiedRequest();
        String requestId = RequestIds.acceptOrGenerate(incoming.getHeader(RequestIds.HEADER));
        context.set(REQUEST_ID, requestId);
        request.putHeader(RequestIds.HEADER, requestId);
        if (!basePath.isEmpty()) {
            request.setURI(basePath + request.getURI());
        }
        forwardingHeaders(request, incoming);
        propagateTrace(request);
        // a declared length was checked before routing (BodySizeFilter); a streamed body is counted here
        if (request.getBody() != null && request.getBody().length() < 0 && maxBodySize < Long.MAX_VALUE) {
            CountedBody counted = new CountedBody(request.getBody().stream(), maxBodySize);
            context.set(COUNTED_BODY, counted);
            request.setBody(Body.body(counted, -1));
        }
        return breaker.call(context::sendRequest)
            .recover(failure -> Future.succeededFuture(problem(context, failure)));
    }

    /**
     * What the service needs to build the URL the client called (a 201's {@code Location}, a page's {@code Link})
     * and to know who called: the client's address, scheme and host as the gateway saw them. The services believe
     * these headers from the gateway only (support-web's {@code quarkus.http.proxy.*}); whatever forwarding
     * headers the client sent are replaced or removed, so a client cannot choose the host, port or prefix a service
     * writes into its links.
     */
    static void forwardingHeaders(ProxyRequest request, HttpServerRequest incoming) {
        for (String header : FORWARDING_HEADERS) {
            request.headers().remove(header);
        }
        SocketAddress remote = incoming.remoteAddress();
        if (remote != null && remote.hostAddress() != null) {
            request.putHeader("X-Forwarded-For", remote.hostAddress());
        }
        request.putHeader("X-Forwarded-Proto", incoming.scheme() == null ? "http" : incoming.scheme());
        if (incoming.authority() != null) {
            request.putHeader("X-Forwarded-Host", incoming.authority().toString());
        }
    }

    /**
     * The service continues the trace of the gateway's span for this request: {@code traceparent} (and
     * {@code tracestate}) of the current span replace what the client sent, which the gateway's span already
     * continues. Without a valid span (tracing disabled) the client's headers pass unchanged.
     */
    static void propagateTrace(ProxyRequest request) {
        Context current = Context.current();
        if (!Span.fromContext(current).getSpanContext().isValid()) {
            return;
        }
        request.headers().remove(TRACESTATE);
        W3CTraceContextPropagator.getInstance().inject(current, request.headers(),
            (headers, key, value) -> headers.set(key, value));
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        bodiless(context.response());
        String requestId = context.get(REQUEST_ID, String.class);
        if (requestId != null) {
            context.response().putHeader(RequestIds.HEADER, requestId);
        }
        // the gateway alone answers CORS; a service's own CORS headers would contradict it
        MultiMap headers = context.response().headers();
        List<String> cors = headers.names().stream()
            .filter(name -> name.regionMatches(true, 0, "Access-Control-", 0, 15))
            .toList();
        cors.forEach(headers::remove);
        return context.sendResponse();
    }

    /**
     * A response that never has a body (304 Not Modified, 204 No Content, 1xx) goes out without one. The proxy
     * would otherwise relay a service's 304 that declares no length as {@code Transfer-Encoding: chunked} with no
     * chunks at all: a client that revalidates with {@code If-None-Match} on a kept-alive connection (a phone, or
     * wrk) then waits forever for a body. The service's empty body is still read to its end, so the connection
     * to the service goes back to the pool.
     */
    static void bodiless(ProxyResponse response) {
        int status = response.getStatusCode();
        if (status != 304 && status != 204 && status / 100 != 1) {
            return;
        }
        Body body = response.getBody();
        response.setBody(null);
        response.headers().remove(HttpHeaders.TRANSFER_ENCODING);
        if (body != null) {
            body.stream().resume();
        }
    }

    private ProxyResponse problem(ProxyContext context, Throwable failure) {
        HttpServerRequest incoming = context.request().proxiedRequest();
        CountedBody counted = context.get(COUNTED_BODY, CountedBody.class);
        if (counted != null && counted.exceeded()) {
            return tooLarge(context, incoming);
        }
        String requestId = context.get(REQUEST_ID, String.class);
        if (UpstreamBreaker.isOpen(failure)) {
            LOG.debugf("%s %s [%s]: circuit breaker of %s is open", incoming.method(), incoming.path(), requestId,
                service);
            return unavailable(context, incoming);
        }
        if (UpstreamBreaker.isUnreachable(failure)) {
            LOG.warnf("%s %s [%s]: service %s is unreachable (%s)", incoming.method(), incoming.path(), requestId,
                service, describe(failure));
            return unavailable(context, incoming);
        }
        boolean timeout = isTimeout(failure);
        LOG.warnf("%s %s [%s]: service %s %s (%s)", incoming.method(), incoming.path(), requestId, service,
            timeout ? "did not answer in time" : "failed", describe(failure));
        return problemResponse(context, incoming, timeout ? 504 : 502, timeout ? "gateway-timeout" : "bad-gateway",
            service);
    }

    /** 503: the service cannot be reached, or its breaker is open; try again after the breaker's delay. */
    private ProxyResponse unavailable(ProxyContext context, HttpServerRequest incoming) {
        return problemResponse(context, incoming, 503, "upstream-unavailable", service)
            .putHeader(HttpHeaders.RETRY_AFTER, Long.toString(breaker.retryAfterSeconds()));
    }

    /** The streamed body went past the limit: 413, and the connection is closed (the rest is never read). */
    private ProxyResponse tooLarge(ProxyContext context, HttpServerRequest incoming) {
        LOG.infof("%s %s [%s]: body without a length went past %d bytes", incoming.method(), incoming.path(),
            context.get(REQUEST_ID, String.class), maxBodySize);
        if (incoming.version() != HttpVersion.HTTP_2) {
            incoming.response().endHandler(v -> incoming.connection().close());
        }
        return problemResponse(context, incoming, 413, "payload-too-large", maxBodySize)
            .putHeader(HttpHeaders.CONNECTION, "close");
    }

    private ProxyResponse problemResponse(ProxyContext context, HttpServerRequest incoming, int status, String type,
            Object arg) {
        String requestId = context.get(REQUEST_ID, String.class);
        Locale locale = Messages.fromHeader(incoming.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        Problem problem = ProblemResponses.problem(status, type, locale, incoming.path(), List.of(), arg)
            .withRequestId(requestId);
        Buffer body;
        try {
            body = Buffer.buffer(json.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ProxyResponse response = context.request().release().response()
            .setStatusCode(status)
            .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
            .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
            .setBody(Body.body(body));
        String language = ProblemResponses.contentLanguage(problem);
        return language == null ? response : response.putHeader(HttpHeaders.CONTENT_LANGUAGE, language);
    }

    static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TimeoutException) {
                return true;
            }
            if (t instanceof ConnectException) {
                return false;
            }
        }
        return false;
    }

    private static String describe(Throwable failure) {
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
