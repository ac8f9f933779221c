package ir.tehran.womenfamily.support.idempotency;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import ir.tehran.womenfamily.support.security.Callers;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Runs a method annotated {@link IdempotentCreate} through {@link IdempotentRequests#execute}. It is placed
 * before {@code @Transactional} (a lower priority), so the method's own transaction joins the one that stores
 * the answer.
 */
@IdempotentCreate
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class IdempotentCreateInterceptor {

    @Inject
    IdempotentRequests requests;

    @Inject
    Callers callers;

    @Inject
    CurrentVertxRequest current;

    @AroundInvoke
    Object around(InvocationContext ctx) throws Exception {
        var routing = current.getCurrent();
        String key = routing == null ? null : routing.request().getHeader(IdempotentRequests.HEADER);
        boolean rest = RestResponse.class.isAssignableFrom(ctx.getMethod().getReturnType());
        if (!rest && !Response.class.isAssignableFrom(ctx.getMethod().getReturnType())) {
            throw new IllegalStateException("@IdempotentCreate needs a method returning Response or RestResponse: "
                + ctx.getMethod());
        }
        Response answer = requests.execute(key, callers.current().subject(), request(ctx), () -> {
            try {
                Object result = ctx.proceed();
                return result instanceof RestResponse<?> r ? r.toResponse() : (Response) result;
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return rest ? restResponse(answer) : answer;
    }

    private static RestResponse<Object> restResponse(Response answer) {
        RestResponse.ResponseBuilder<Object> b = RestResponse.ResponseBuilder.create(answer.getStatus());
        answer.getHeaders().forEach((name, values) -> values.forEach(v -> b.header(name, v)));
        return b.entity(answer.getEntity()).build();
    }

    /** What makes two requests the same: the arguments that are not headers nor context objects. */
    static List<Object> request(InvocationContext ctx) {
        Object[] args = ctx.getParameters();
        Annotation[][] annotations = ctx.getMethod().getParameterAnnotations();
        List<Object> request = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (!ignored(annotations[i], args[i])) {
                request.add(args[i]);
            }
        }
        return request;
    }

    private static boolean ignored(Annotation[] annotations, Object arg) {
        for (Annotation a : annotations) {
            if (a instanceof HeaderParam || a instanceof RestHeader || a instanceof Context
                    || a instanceof CookieParam) {
                return true;
            }
        }
        return arg instanceof UriInfo || arg instanceof HttpHeaders || arg instanceof SecurityContext
            || arg instanceof Request;
    }
}
