package ir.tehran.womenfamily.bazaar.venue;

import java.net.URI;
import java.util.UUID;

import ir.tehran.womenfamily.support.idempotency.IdempotentCreate;
import ir.tehran.womenfamily.support.idempotency.IdempotentRequests;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Venues are public: anyone may see where bazaars are held. Coordinators add venues. */
@Path("/venues")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Venues", description = "Parks, metro stations and centres where bazaars are held (public)")
public class VenueResource {

    @Inject
    VenueService service;

    @GET
    @PermitAll
    @Operation(operationId = "listVenues", summary = "Venues, optionally of one district or kind",
        description = "Public: no token needed.")
    public RestResponse<Page<VenueDtos.VenueView>> list(@QueryParam("district") @Min(1) @Max(22) Integer district,
            @QueryParam("kind") Venue.Kind kind,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        return Pages.ok(uri, PageRequest.of(limit, cursor).slice(service.list(district, kind), v -> v.id.toString())
            .map(VenueDtos.VenueView::of));
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getVenue", summary = "One venue with its stall inventory",
        description = "Public: no token needed. Refused: 404 when `id` names nothing the caller may see.")
    public VenueDtos.VenueView get(@PathParam("id") UUID id) {
        return service.find(id).map(VenueDtos.VenueView::of).orElseThrow(() -> ProblemException.notFound("venue", id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "bazaar-coordinator"})
    @SecurityRequirement(name = "jwt")
    @Operation(operationId = "createVenue", summary = "Add a venue with its stall inventory",
        description = "For an admin and a bazaar coordinator; any other caller is refused 403. Refused: 422 when an "
            + "Idempotency-Key is reused for another request.")
    @APIResponse(responseCode = "201", description = "Created",
        headers = @Header(name = "Location", description = "The new venue",
            schema = @Schema(type = SchemaType.STRING, format = "uri")),
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = VenueDtos.VenueView.class)))
    @IdempotentCreate
    public Response create(@Valid @NotNull VenueDtos.CreateVenue request, @Context UriInfo uri,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        Venue v = service.create(request);
        URI location = uri.getAbsolutePathBuilder().path(v.id.toString()).build();
        return Response.created(location).entity(VenueDtos.VenueView.of(v)).build();
    }
}
