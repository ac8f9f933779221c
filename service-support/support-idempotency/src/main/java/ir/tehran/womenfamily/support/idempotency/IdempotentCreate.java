package ir.tehran.womenfamily.support.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * {@code Idempotency-Key} on a create, by one annotation on the resource method: the method runs through
 * {@link IdempotentRequests#execute} with the request's {@code Idempotency-Key} header and the caller's subject,
 * in one transaction with the stored answer. A retry with the same key and the same request gets the first
 * answer again with {@code Idempotent-Replayed: true}; the same key with another request is a 422
 * {@code idempotency-key-reused}; without the header the method simply runs.
 *
 * <pre>{@code
 * @POST
 * @IdempotentCreate
 * public Response create(@Valid @NotNull NewThing request,
 *         @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {   // declared for the OpenAPI only
 *     Thing t = service.create(request);
 *     return Response.created(Pages.location(uri, t.id)).tag(Versions.etag(t.version)).entity(View.of(t)).build();
 * }
 * }</pre>
 * The method returns {@code Response} or {@code RestResponse<T>}. "The same request" is the method's arguments
 * other than headers and context objects (the body and the path and query parameters), as JSON. The service
 * needs {@code support-idempotency} on its classpath (its {@code idempotency_key} table comes with it in
 * {@code db/support}).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface IdempotentCreate {
}
