package ir.tehran.womenfamily.support.web;

import io.vertx.ext.web.RoutingContext;
import ir.tehran.womenfamily.support.tracing.RequestIds;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Puts the request id into the logging context and echoes it on the response. */
public class RequestIdFilter {

    static final String CONTEXT_KEY = "request-id";

    @ServerRequestFilter(preMatching = true)
    public void onRequest(ContainerRequestContext request, RoutingContext routing) {
        String id = routing == null ? null : routing.get(CONTEXT_KEY);
        if (id == null) {
            id = RequestIds.acceptOrGenerate(request.getHeaderString(RequestIds.HEADER));
            if (routing != null) {
                routing.put(CONTEXT_KEY, id);
            }
        }
        RequestIds.set(id);
    }

    @ServerResponseFilter
    public void onResponse(ContainerResponseContext response, RoutingContext routing) {
        String id = routing == null ? RequestIds.current() : routing.get(CONTEXT_KEY);
        if (id != null) {
            response.getHeaders().putSingle(RequestIds.HEADER, id);
        }
    }
}
