package ir.tehran.womenfamily.registry.dci;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * The DCI API's errors are the registry's RFC 9457 problems, sent as {@code application/json}: the standard's
 * {@code HttpErrorResponse} is JSON, and its clients (the SPDCI conformance suite among them) read only
 * {@code application/json} bodies. Every other path keeps {@code application/problem+json}.
 */
@Provider
public class DciErrorMediaType implements ContainerResponseFilter {

    static final String PROBLEM = "application/problem+json";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type != null && PROBLEM.equals(type.getType() + "/" + type.getSubtype())
                && request.getUriInfo().getRequestUri().getPath().contains("/dci/registry/")) {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
