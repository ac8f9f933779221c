package ir.tehran.womenfamily.registry.common;

import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Callers;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/** Enforces {@link RequiresScope} on the operations and resources that carry it. */
public class ScopeCheck {

    @Inject
    Callers callers;

    @ServerRequestFilter
    public void check(ContainerRequestContext request, SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null) {
            return;
        }
        RequiresScope required = required(resource);
        if (required != null && !callers.current().scopes().contains(required.value())) {
            throw new ProblemException(403, "scope-required", required.value());
        }
    }

    private static RequiresScope required(SimpleResourceInfo resource) {
        for (var method : resource.getResourceClass().getMethods()) {
            if (method.getName().equals(resource.getMethodName())
                    && java.util.Arrays.equals(method.getParameterTypes(), resource.parameterTypes())) {
                RequiresScope onMethod = method.getAnnotation(RequiresScope.class);
                if (onMethod != null) {
                    return onMethod;
                }
            }
        }
        return resource.getResourceClass().getAnnotation(RequiresScope.class);
    }
}
