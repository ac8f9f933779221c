package ir.tehran.womenfamily.registry.conventions;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import ir.tehran.womenfamily.support.idempotency.IdempotentCreate;
import ir.tehran.womenfamily.support.idempotency.IdempotentRequests;
import ir.tehran.womenfamily.support.web.Versions;
import ir.tehran.womenfamily.support.web.http.Delta;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A resource of the tests only, the way a service author uses the shared HTTP conventions of support-web and
 * support-idempotency (hidden from the OpenAPI document).
 */
@Path("/conventions-probe")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class ConventionsProbeResource {

    static final List<String> LETTERS = IntStream.range(0, 7).mapToObj(i -> String.valueOf((char) ('a' + i)))
        .toList();

    @Context
    UriInfo uri;

    @GET
    @Path("/things/{id}")
    @Operation(hidden = true)
    public Map<String, Object> thing(@PathParam("id") UUID id) {
        return Map.of("id", id.toString(), "name", "thing");
    }

    @GET
    @Path("/versioned/{id}")
    @Operation(hidden = true)
    public Response versioned(@PathParam("id") UUID id) {
        return Response.ok(Map.of("id", id.toString())).tag(Versions.etag(3)).header("Cache-Control", "private")
            .header("Vary", "Accept-Language").build();
    }

    @GET
    @Path("/numbers/{number}")
    @Operation(hidden = true)
    public Map<String, Object> number(@PathParam("number") long number) {
        return Map.of("number", number);
    }

    @GET
    @Path("/text")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(hidden = true)
    public String text() {
        return "plain";
    }

    @GET
    @Path("/letters")
    @Operation(hidden = true)
    public RestResponse<Page<String>> letters(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @QueryParam("kind") String kind) {
        return Pages.ok(uri, PageRequest.of(limit, cursor).slice(LETTERS, s -> s));
    }

    @GET
    @Path("/changes")
    @Operation(hidden = true)
    public RestResponse<Delta<String>> changes(@QueryParam("updatedSince") String updatedSince,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        var token = Delta.token();
        var since = Delta.updatedSince(updatedSince);
        Page<String> page = PageRequest.of(limit, cursor).slice(since == null ? LETTERS : List.of("c"), s -> s);
        List<Delta.Tombstone> deleted = since == null ? List.of() : List.of(new Delta.Tombstone("z", since));
        return Pages.ok(uri, Delta.of(page, deleted, token));
    }

    @POST
    @Path("/things")
    @IdempotentCreate
    @Operation(hidden = true)
    public Response create(Map<String, Object> body, @HeaderParam(IdempotentRequests.HEADER) String key) {
        UUID id = UUID.randomUUID();
        return Response.created(Pages.location(uri, id)).entity(Map.of("id", id.toString(), "body", body)).build();
    }
}
