package ir.tehran.womenfamily.support.web;

import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;

/**
 * Optimistic concurrency over HTTP, the one way of every service: a record's version is its strong {@code ETag};
 * an update must send it back in {@code If-Match}, and gets 412 {@code stale} when the record changed since (no
 * lost update) and 428 {@code precondition-required} when it sent none.
 *
 * <pre>{@code
 * @PUT @Path("/{id}")
 * public Response update(@PathParam("id") UUID id, @Valid Change change,
 *         @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
 *     Thing t = service.update(id, Versions.required(ifMatch), change);   // compared with the row's @Version
 *     return Response.ok(View.of(t)).tag(Versions.etag(t.version)).build();
 * }
 * }</pre>
 * When the version is only at hand in the resource: {@code Versions.check(ifMatch, thing.version)}. A GET of
 * the record answers {@code .tag(Versions.etag(version))}; the shared conditional GET
 * ({@code web.http.ConditionalGet}) then answers 304 to a matching {@code If-None-Match}.
 */
public final class Versions {

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version the client read, from {@code If-Match}; 428 when absent, 412 when it is not a version. */
    public static long required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "precondition-required");
        }
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ProblemException.preconditionFailed();
        }
    }

    /** The version in {@code If-Match} when the client sent one (an optional precondition), else null. */
    public static Long optional(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : required(ifMatch);
    }

    /** 428 without {@code If-Match}, 412 unless the client's version is the current one. */
    public static void check(String ifMatch, long current) {
        if (required(ifMatch) != current) {
            throw ProblemException.preconditionFailed();
        }
    }
}
