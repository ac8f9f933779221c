package ir.tehran.womenfamily.gateway.proxy;

import java.net.ConnectException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import ir.tehran.womenfamily.support.problem.Messages;
import ir.tehran.womenfamily.support.problem.Problem;
import ir.tehran.womenfamily.support.problem.ProblemResponses;
import ir.tehran.womenfamily.support.web.RequestIds;
import org.jboss.logging.Logger;

/**
 * Adds the request id and forwarding headers on the way in, echoes the request id on the way out, and
 * answers a service that cannot be reached (502) or does not answer in time (504) with problem+json in
 * the client's language instead of the proxy's empty 502.
 */
final class GatewayInterceptor implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(GatewayInterceptor.class);
    private static final String REQUEST_ID = "request-id";

    private final String service;
    private final String basePath;
    private final ObjectMapper json;

    /** {@code basePath}: the path of the service's URL, put before every forwarded path ("" for none). */
    GatewayInterceptor(String service, String basePath, ObjectMapper json) {
        this.service = service;
        this.basePath = basePath;
        this.json = json;
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
        SocketAddress remote = incoming.remoteAddress();
        if (remote != null && remote.hostAddress() != null) {
            request.putHeader("X-Forwarded-For", remote.hostAddress());
        }
        request.putHeader("X-Forwarded-Proto", incoming.scheme() == null ? "http" : incoming.scheme());
        if (incoming.authority() != null) {
            request.putHeader("X-Forwarded-Host", incoming.authority().toString());
        }
        return context.sendRequest().recover(failure -> Future.succeededFuture(problem(context, failure)));
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        String requestId = context.get(REQUEST_ID, String.class);
        if (requestId != null) {
            context.response().putHeader(RequestIds.HEADER, requestId);
        }
        return context.sendResponse();
    }

    private ProxyResponse problem(ProxyContext context, Throwable failure) {
        HttpServerRequest incoming = context.request().proxiedRequest();
        boolean timeout = isTimeout(failure);
        int status = timeout ? 504 : 502;
        String requestId = context.get(REQUEST_ID, String.class);
        LOG.warnf("%s %s [%s]: service %s %s (%s)", incoming.method(), incoming.path(), requestId, service,
            timeout ? "did not answer in time" : "is unreachable", describe(failure));
        Locale locale = Messages.fromHeader(incoming.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        Problem generic = ProblemResponses.problem(status, timeout ? "gateway-timeout" : "bad-gateway", locale,
            incoming.path(), List.of(), service);
        Problem problem = new Problem(generic.type(), generic.title(), generic.status(), generic.detail(),
            generic.instance(), requestId, generic.errors());
        Buffer body;
        try {
            body = Buffer.buffer(json.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return context.request().release().response()
            .setStatusCode(status)
            .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
            .putHeader(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
            .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
            .setBody(Body.body(body));
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
